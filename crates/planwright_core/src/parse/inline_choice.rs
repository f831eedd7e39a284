//! Choice lists left where one option was meant to be chosen:
//! `Draft | In Progress | Completed`, `High/Medium/Low`, `L/M/H`. Read
//! from whole values (metadata, table cells) and from inside a brace slot
//! (`{L/M/H}`) by the recognisers in `inline.rs`.

use crate::model::{Placeholder, PlaceholderKind};

use super::inline::make;

/// A whole value (a metadata value or a table cell) that is still a list of
/// choices: `Draft | In Progress | Completed`, `High/Medium/Low`, `L/M/H`.
pub(crate) fn scan_choice(text: &str, base: usize) -> Option<Placeholder> {
    let trimmed = text.trim();
    let lead = text.len() - text.trim_start().len();
    if !is_choice_list(trimmed) {
        return None;
    }
    Some(make(
        trimmed,
        base + lead,
        0,
        trimmed.len(),
        PlaceholderKind::Choice,
        None,
    ))
}

/// Choice words that make a two-way list (`New/Modified`) a template slot.
const CHOICE_WORDS: &[&str] = &[
    "high",
    "medium",
    "med",
    "low",
    "yes",
    "no",
    "new",
    "modified",
    "existing",
    "true",
    "false",
    "required",
    "optional",
    "draft",
    "in progress",
    "completed",
    "complete",
    "done",
    "pending",
    "blocked",
    "not started",
    "p0",
    "p1",
    "p2",
    "p3",
    "must",
    "should",
    "could",
    "small",
    "large",
    "l",
    "m",
    "h",
    "s",
    "xl",
    "critical",
    "major",
    "minor",
    "approved",
    "rejected",
    "internal",
    "external",
    "proposed",
    "accepted",
    "on track",
    "at risk",
];

/// What each byte is to [`is_choice_list`]: a separator, a byte an
/// option may hold (letters, digits, ` `, `-`, `_`, white space that
/// trimming drops, and any byte outside ASCII, judged by characters
/// later), or one no option may hold.
const NOT_IN_OPTION: u8 = 0;
const IN_OPTION: u8 = 1;
const PIPE: u8 = 2;
const SLASH: u8 = 3;

static CHOICE_BYTES: [u8; 256] = {
    let mut t = [NOT_IN_OPTION; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if !b.is_ascii()
            || b.is_ascii_alphanumeric()
            || matches!(b, b' ' | b'-' | b'_' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
        {
            t[c] = IN_OPTION;
        }
        c += 1;
    }
    t[b'|' as usize] = PIPE;
    t[b'/' as usize] = SLASH;
    t
};

pub(crate) fn is_choice_list(value: &str) -> bool {
    let bytes = value.as_bytes();
    // A long value (prose in a cell) is ruled out by `memchr` when it has
    // no separator; a short one is read byte by byte below, for less than
    // `memchr`'s setup.
    if bytes.len() > 32 && memchr::memchr2(b'|', b'/', bytes).is_none() {
        return false;
    }
    // One pass finds the separators and rules out most values with one
    // (paths, URLs, prose) by an ASCII byte no option may hold: a mark
    // (`✅ Done`) is never ASCII, so whatever its removal leaves holds the
    // same ASCII bytes. A `/` in a `|` list, or a `|` in a `/` list, is
    // such a byte too.
    let (mut pipe, mut slash) = (false, false);
    for &c in bytes {
        match CHOICE_BYTES[c as usize] {
            PIPE => pipe = true,
            SLASH => slash = true,
            IN_OPTION => {}
            _ => return false,
        }
    }
    let sep = match (pipe, slash) {
        (true, false) if bytes.windows(3).any(|w| w == b" | ") => '|',
        (false, true) => '/',
        _ => return false,
    };
    // Walked again for each test rather than collected: this runs on every
    // field value, and the collection and lower-cased copies were most of
    // its allocations.
    let alternatives = || value.split(sep).map(|a| without_mark(a.trim()));
    let count = alternatives().count();
    if count < 2 {
        return false;
    }
    if !alternatives().all(is_option) {
        return false;
    }
    let known = alternatives().filter(|a| is_choice_word(a)).count();
    if sep == '|' {
        // Pipes outside tables are only ever a template's choice list.
        return count >= 3 || known >= 1;
    }
    let single_letters = alternatives().all(|a| a.len() == 1);
    known == count || (count >= 3 && (known >= 2 || single_letters))
}

/// An option past the mark some templates set before each one (`✅ Done`,
/// `🔄 In Progress`): a run of symbols outside ASCII (an emoji, with its
/// variation selector or joiners) and a space. The option is then judged
/// as if written bare.
fn without_mark(option: &str) -> &str {
    if option.as_bytes().first().is_none_or(u8::is_ascii) {
        return option;
    }
    let mark = option
        .find(|c: char| c.is_ascii() || c.is_alphanumeric())
        .unwrap_or(option.len());
    match option[mark..].strip_prefix(' ') {
        Some(rest) if mark > 0 => rest.trim_start(),
        _ => option,
    }
}

/// Whether `word` is one of [`CHOICE_WORDS`], in any case.
pub(super) fn is_choice_word(word: &str) -> bool {
    if word.is_ascii() {
        CHOICE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        CHOICE_WORDS.contains(&word.to_lowercase().as_str())
    }
}

/// Whether one alternative of a list reads as an option to pick: a word
/// or three (`In Progress`, `L`), no sentence and no markup.
pub(super) fn is_option(a: &str) -> bool {
    !a.is_empty()
        && a.len() <= 24
        && a.split_whitespace().count() <= 3
        && a.chars().next().is_some_and(char::is_alphanumeric)
        && a.chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_')
}

#[cfg(test)]
#[path = "inline_choice_tests.rs"]
mod tests;
