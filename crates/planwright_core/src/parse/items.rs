//! Recognisers for the shapes plans use for work: task check boxes and
//! heads (`task_head.rs`), phase and step headings, and the lines of a
//! block (dependencies written as prose are in `refs.rs`).
//!
//! They work on one line or one value at a time and return offsets relative
//! to the string they were given; the builder adds the base offset.

use crate::model::{PhaseKind, Text};

#[path = "phase_suffix.rs"]
mod phase_suffix;
#[path = "phase_title.rs"]
mod phase_title;
#[path = "task_head.rs"]
mod task_head;
pub(super) use phase_suffix::heading_phase_head;
use phase_suffix::{ORDINAL_MARK, ordinal_parts};
pub(super) use phase_title::leading_estimate;
pub(crate) use task_head::{
    CheckBox, check_box, clean_id, struck_text_without_id, task_head, task_id_len, unread_box,
};

/// A recognised phase or step title.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct PhaseHead {
    pub kind: PhaseKind,
    pub number: Text,
    pub title: Text,
    pub priority: Option<Text>,
    /// An estimate the head states at its end (`Setup (~2 days)`).
    pub estimate: Option<Text>,
    /// A status the head states (`Setup ✅`, see [`super::head_status`]).
    pub status: Option<Text>,
}

/// The words that head a phase, and the kind each names: the only way
/// the reader makes a phase, so the kinds here are all it makes (see
/// [`phase_kinds`]).
pub(super) const PHASE_WORDS: &[(&str, PhaseKind)] = &[
    ("phase", PhaseKind::Phase),
    ("stage", PhaseKind::Stage),
    ("milestone", PhaseKind::Milestone),
    ("sprint", PhaseKind::Sprint),
    ("iteration", PhaseKind::Iteration),
    ("step", PhaseKind::Step),
    ("week", PhaseKind::Week),
    ("epic", PhaseKind::Epic),
    ("阶段", PhaseKind::Phase),
    ("フェーズ", PhaseKind::Phase),
    ("fase", PhaseKind::Phase),
];

/// Every kind a phase word names, once, in the order of [`PHASE_WORDS`]:
/// the kinds of phase the reader makes, which the JSON schema lists.
pub(crate) fn phase_kinds() -> Vec<PhaseKind> {
    let mut kinds = Vec::new();
    for &(_, kind) in PHASE_WORDS {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds
}

/// The bytes a [`PHASE_WORDS`] word opens with, in either case, and the
/// byte an ordinal's mark does (`第一阶段`, see [`ordinal_parts`]).
const PHASE_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    table[ORDINAL_MARK.as_bytes()[0] as usize] = true;
    let mut i = 0;
    while i < PHASE_WORDS.len() {
        let first = PHASE_WORDS[i].0.as_bytes()[0];
        table[first.to_ascii_lowercase() as usize] = true;
        table[first.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    table
};

/// `text` from where its phase word would start (past `✅ `, `(`), when
/// that byte may open one: `None` says it is no [`phase_head`], for one
/// byte's cost, and so is any prefix of it holding a letter or digit.
pub(crate) fn phase_word_start(text: &str) -> Option<&str> {
    let head = text.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let first = *head.as_bytes().first()?;
    PHASE_FIRST_BYTES[usize::from(first)].then_some(head)
}

/// `Phase 1: Foundation [Priority: HIGH]`, `Phase -1`, `Phase 3.5`,
/// `Phase 4a`, `Phase 3+`, `Phase 13-24`, `Stage A`, `Milestone M1`,
/// `Step 1.1: Title`, `Step 1 – Title`. `text` is the plain heading text
/// without its number.
pub(crate) fn phase_head(text: &str) -> Option<PhaseHead> {
    let (kind, number, title, mark) = phase_head_parts(text)?;
    Some(titled_head(kind, number, title, mark))
}

/// Whether `text` opens with a phase head, without lifting its title's
/// priority, status and estimate, which the many callers that only ask
/// (is this task's text, this field's key, a phase?) paid for.
pub(crate) fn is_phase_head(text: &str) -> bool {
    phase_head_parts(text).is_some()
}

/// A phase head's kind, number, title (as written) and leading status mark.
fn phase_head_parts(text: &str) -> Option<(PhaseKind, Text, &str, Option<&str>)> {
    // Most heads (every heading, many bold items) hold no phase word: one
    // byte tells, before the words are compared.
    let head = phase_word_start(text)?;
    let mark = super::head_status::leading(text);
    let text = head;
    // Only a word opening with the head's first byte (lower case) matches.
    let first = text.as_bytes()[0].to_ascii_lowercase();
    let Some((word, kind)) = PHASE_WORDS.iter().find(|(w, _)| {
        w.as_bytes()[0] == first
            && text
                .get(..w.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(w))
    }) else {
        return ordinal_parts(text, mark);
    };
    let rest = &text[word.len()..];
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    if rest.len() == text.len() - word.len() && word.is_ascii() {
        // "Phases" or "Stepping": the keyword must be followed by a space.
        return None;
    }
    let number_len = phase_number_len(rest)?;
    let number_len = number_len + phase_title::number_tail_len(&rest[number_len..]);
    let number = Text::from(&rest[..number_len]);
    let mut title = rest[number_len..].trim_start();
    for sep in [":", "：", "–", "—", "-", ".", ")"] {
        if let Some(t) = title.strip_prefix(sep) {
            title = t.trim_start();
            break;
        }
    }
    Some((*kind, number, title, mark))
}

/// The head of a phase of `kind` and `number` titled `title`, with the
/// priority, status and estimate the title states lifted out of it; `mark`
/// is a status written before the head's words (`✅ Phase 1`).
pub(super) fn titled_head(
    kind: PhaseKind,
    number: Text,
    title: &str,
    mark: Option<&str>,
) -> PhaseHead {
    let (title, priority) = phase_title::lift_priority(title);
    let priority = priority.or_else(|| phase_title::word_priority(&title));
    // A traffic light beside a priority is the priority's colour, not a
    // status (`HIGH Priority 🔴`), and stays in the title as written.
    let colour = |s: &str| priority.is_some() && super::head_status::is_traffic_light(s);
    let (title, status) = match super::head_status::trailing(&title) {
        Some((_, status)) if colour(status) => (title, None),
        Some((rest, status)) => (Text::from(rest), Some(Text::from(status))),
        None => (title, mark.filter(|m| !colour(m)).map(Text::from)),
    };
    let (title, estimate) = match phase_title::lift_estimate(&title) {
        (rest, Some(estimate)) => (Text::from(rest), Some(estimate)),
        (_, None) => (title, None),
    };
    PhaseHead {
        kind,
        number,
        title,
        priority,
        estimate,
        status,
    }
}

/// `1`, `-1`, `3.5`, `4a`, `A`, `M1`, `10`.
/// Length of an upper-case Roman numeral of two letters or more, up to
/// XXXIX, at the start of `b` when nothing alphanumeric follows it; 0
/// otherwise.
fn roman_len(b: &[u8]) -> usize {
    const ONES: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let n = b
        .iter()
        .take_while(|c| matches!(c, b'I' | b'V' | b'X'))
        .count();
    if n < 2 || b.get(n).is_some_and(u8::is_ascii_alphanumeric) {
        return 0;
    }
    let tens = b[..n].iter().take_while(|&&c| c == b'X').count().min(3);
    let ones = &b[tens..n];
    if ONES.iter().any(|o| o.as_bytes() == ones) {
        n
    } else {
        0
    }
}

pub(super) fn phase_number_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut n = usize::from(b.first() == Some(&b'-'));
    let digits = b[n..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        n += digits;
        while b.get(n) == Some(&b'.') && b.get(n + 1).is_some_and(u8::is_ascii_digit) {
            n += 1 + b[n + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        }
        // `Phase 4a`, `Phase 1B`: one letter after the number.
        if b.get(n).is_some_and(u8::is_ascii_alphabetic)
            && !b.get(n + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            n += 1;
        }
    } else if n == 0 && roman_len(b) > 1 {
        // `Phase II`, `Phase IV`: a lone `I` or `V` is a letter below.
        n = roman_len(b);
    } else if n == 0 && b.first().is_some_and(u8::is_ascii_uppercase) {
        n = 1 + b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        // `T-004` is a task id, not stage `T`.
        if b.get(n) == Some(&b'-') {
            return None;
        }
        // `Stage B.1`, `Milestone M1.2`: a part numbered under it.
        while b.get(n) == Some(&b'.') && b.get(n + 1).is_some_and(u8::is_ascii_digit) {
            n += 1 + b[n + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        }
    } else {
        return None;
    }
    match b.get(n) {
        None => Some(n),
        Some(c) if !c.is_ascii_alphanumeric() => Some(n),
        _ => None,
    }
}

/// Lines of a string with their start offsets.
pub(crate) struct LineOffsets<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> LineOffsets<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self { text, at: 0 }
    }
}

impl<'a> Iterator for LineOffsets<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.at >= self.text.len() {
            return None;
        }
        // `\n`, `\r\n` and a lone `\r` each end a line; one search finds
        // both the line and where the next one starts.
        let start = self.at;
        let rest = &self.text[start..];
        let len = crate::text::line_len(rest);
        let ending = match rest.as_bytes()[len..] {
            [b'\r', b'\n', ..] => 2,
            [_, ..] => 1,
            [] => 0,
        };
        self.at = start + len + ending;
        Some((start, &rest[..len]))
    }
}

/// Where a line's content starts after indentation, `>` and a list marker.
pub(super) fn line_body_start(line: &str) -> usize {
    let mut i = 0;
    let b = line.as_bytes();
    loop {
        while b.get(i).is_some_and(|c| *c == b' ' || *c == b'\t') {
            i += 1;
        }
        if b.get(i) == Some(&b'>') {
            i += 1;
            continue;
        }
        break;
    }
    let m = list_marker_len(&line[i..]);
    if m > 0 && b.get(i + m).is_some_and(|c| *c == b' ' || *c == b'\t') {
        i += m;
        while b.get(i).is_some_and(|c| *c == b' ' || *c == b'\t') {
            i += 1;
        }
    }
    i
}

/// The length of a list marker (`-`, `*`, `+`, `12.`, `3)`) at `line`'s start.
pub(crate) fn list_marker_len(line: &str) -> usize {
    let b = line.as_bytes();
    match b.first() {
        Some(b'-' | b'*' | b'+') => 1,
        Some(c) if c.is_ascii_digit() => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            match b.get(digits) {
                Some(b'.' | b')') => digits + 1,
                _ => 0,
            }
        }
        _ => 0,
    }
}

pub(super) fn skip_ws(s: &str, mut i: usize) -> usize {
    while s
        .as_bytes()
        .get(i)
        .is_some_and(|b| *b == b' ' || *b == b'\t')
    {
        i += 1;
    }
    i
}

#[cfg(test)]
#[path = "items_tests.rs"]
mod tests;
