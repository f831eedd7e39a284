//! How phase-dependency bullets are worded: the names phase titles give,
//! the verbs that say what a subject waits for, and where what they name
//! stops. Offsets are into the bullet's text (`lower` is that text in
//! ASCII lower case: the same offsets).

use super::super::{is_dependency_word, next_word, says_none, unspaced, word_end};
use crate::model::Text;

/// The most words of a name looked up: titles are names up to their
/// first separator, and longer ones are descriptions.
pub(super) const NAME_WORDS: usize = 4;

/// The name a phase's title gives it, lower case: its first words, apart
/// only by spaces, up to anything else (a bracket, a dash, `&`, "and"),
/// at most [`NAME_WORDS`] of them: `Setup (Shared Infrastructure)` is
/// `setup`, `User Story 1 - Sign in` is `user story 1`, `Polish &
/// Cross-Cutting Concerns` is `polish`. A title of one short or common
/// word (`A`, `Next`) names nothing: prose would name it by chance ("a
/// stable API", "the next phase").
pub(super) fn name_of(title: &str) -> Option<Text> {
    let name = leading_words(title)?;
    let common = !name.contains(' ') && (name.len() < 3 || COMMON.contains(&name.as_str()));
    (!common).then_some(name)
}

/// Words of prose that a one-word title would make a name of.
const COMMON: [&str; 16] = [
    "all", "and", "any", "each", "every", "final", "first", "last", "next", "other", "phase",
    "previous", "prior", "stage", "step", "the",
];

fn leading_words(title: &str) -> Option<Text> {
    let lower = title.trim().to_ascii_lowercase();
    let mut name = Text::default();
    let mut at = 0;
    for _ in 0..NAME_WORDS {
        let end = word_end(&lower, at);
        if end == at || &lower[at..end] == "and" {
            break;
        }
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(&lower[at..end]);
        let next = end + lower[end..].len() - lower[end..].trim_start().len();
        if next == end || next == lower.len() {
            // The title ends, or something other than a space follows.
            return (!name.is_empty() && is_name_end(&lower[next..])).then_some(name);
        }
        at = next;
    }
    // Words all the way: a name only if the title's words end here.
    (!name.is_empty() && is_name_end(&lower[at..]) && at > 0).then_some(name)
}

/// Whether what follows a title's first words ends its name: the end,
/// a separator, or "and".
fn is_name_end(rest: &str) -> bool {
    let rest = rest.trim_start();
    rest.is_empty()
        || rest.starts_with(|c: char| !c.is_alphanumeric())
        || word_end(rest, 0) == 3 && rest.starts_with("and")
}

/// `User Story 1 - Sign in`, `User Stories`.
pub(crate) fn is_story_title(title: &str) -> bool {
    let lower = title.trim_start().to_ascii_lowercase();
    let end = word_end(&lower, 0);
    &lower[..end] == "user"
        && next_word(&lower, end).is_some_and(|(w, _)| w == "story" || w == "stories")
}

/// "all user stories", "all desired user stories", "User Stories" at `i`:
/// where it ends.
pub(super) fn stories_at(lower: &str, i: usize) -> Option<usize> {
    if !lower.as_bytes()[i].is_ascii() {
        return unspaced::stories_len(&lower[i..]).map(|len| i + len);
    }
    let end = word_end(lower, i);
    let mut w = (&lower[i..end], end);
    if w.0 == "all" {
        w = next_word(lower, w.1)?;
    }
    if matches!(
        w.0,
        "desired" | "the" | "remaining" | "other" | "selected" | "planned"
    ) {
        w = next_word(lower, w.1)?;
    }
    if w.0 != "user" {
        return None;
    }
    let (s, end) = next_word(lower, w.1)?;
    (s == "stories").then_some(end)
}

/// Verbs that say what their subject waits for, lower case; each is
/// followed by what it names.
const VERBS: [&str; 12] = [
    "depends on",
    "depends upon",
    "depend on",
    "depend upon",
    "dependent on",
    "depending on",
    "requires",
    "require",
    "after",
    "blocked by",
    "waits for",
    "wait for",
];

/// The verbs of [`VERBS`] in `lower` from `from` on, as whole words, and
/// those of `unspaced` anywhere in a run of letters outside ASCII ("全部依赖
/// Setup"): where each starts and ends.
pub(super) fn verbs(lower: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = from;
    std::iter::from_fn(move || {
        while i < lower.len() {
            let c = lower[i..].chars().next()?;
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            i = word_end(lower, i).max(i + c.len_utf8());
            if !c.is_ascii() {
                let found = lower[start..i]
                    .char_indices()
                    .find_map(|(at, _)| unspaced::verb_at(lower, start + at).map(|n| (at, n)));
                if let Some((at, n)) = found {
                    i = start + at + n;
                    return Some((start + at, i));
                }
                continue;
            }
            let verb = VERBS.iter().find(|v| {
                lower[start..].starts_with(**v)
                    && !lower[start + v.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            });
            if let Some(v) = verb {
                i = start + v.len();
                return Some((start, i));
            }
        }
        None
    })
}

/// The dependency clauses of a bullet's object (from `object` on): after
/// each verb not taken back ("does not depend on"), to where the clause
/// stops. None when the object says there are none.
pub(super) fn clauses(text: &str, lower: &str, object: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = object;
    if says_none(&text[object..]) {
        // "No dependency on Phase 5; depends on Phase 4": a none that
        // names what it is not is a clause of its own, and what follows
        // it may still wait. A bare "No dependencies" stands for the
        // whole bullet.
        match none_on_end(lower, object) {
            Some(end) => from = clause_end(lower, end),
            None => return out,
        }
    }
    // "Setup 完成后可开始": what comes before the words waits.
    if let Some(a) = unspaced::after_in(&lower[object..]).map(|a| object + a)
        && clause_end(lower, object) >= a
        && !super::super::negated(&text[object..a])
    {
        out.push((object, a));
        from = a;
    }
    // "可在 US1 后进行": what the words hold waits.
    if let Some((a, b)) = unspaced::around_in(&lower[from..]).map(|(a, b)| (from + a, from + b))
        && clause_end(lower, a) >= b
        && !super::super::negated(&text[object..a])
    {
        out.push((a, b));
        from = b;
    }
    while let Some((start, end)) = verbs(lower, from).next() {
        let stop = clause_end(lower, end);
        if !super::super::negated(&text[object..start]) {
            out.push((end, stop));
        }
        from = stop.max(end);
    }
    out
}

/// Where "no dependency on", "no direct dependencies upon" at the start
/// of `lower[from..]` (past marks) ends: a none that names something.
fn none_on_end(lower: &str, from: usize) -> Option<usize> {
    let (first, mut at) = next_word(lower, skip_marks(lower, from))?;
    if first != "no" {
        return None;
    }
    for _ in 0..2 {
        let (w, end) = next_word(lower, at)?;
        at = end;
        if is_dependency_word(w) {
            let (on, end) = next_word(lower, at)?;
            return matches!(on, "on" | "upon").then_some(end);
        }
    }
    None
}

/// Where the clause from `from` stops: at a sentence's end, a bracket,
/// `;`, `:`, a dash between words ("Depends on Setup - BLOCKS all user
/// stories" runs the other way after it), or a word that turns to
/// something else ("but", "blocks", "not", "can").
fn clause_end(lower: &str, from: usize) -> usize {
    let b = lower.as_bytes();
    let mut i = from;
    while let Some(c) = lower[i..].chars().next() {
        let stop = match c {
            ';' | ':' | '(' | ')' | '[' | ']' | '|' | '–' | '—' | '→' | '；' | '：' | '（'
            | '）' | '【' | '】' | '。' => true,
            '.' => b.get(i + 1).is_none_or(u8::is_ascii_whitespace),
            '-' => i > 0 && b[i - 1] == b' ' && b.get(i + 1).is_none_or(|&n| n == b' '),
            c if c.is_alphanumeric() => {
                let end = word_end(lower, i);
                if STOP_WORDS.contains(&&lower[i..end]) {
                    return i;
                }
                // No space ends a word of "阻塞所有用户故事" (blocks all user
                // stories): the stop is looked for inside the run.
                if let Some(at) = (!c.is_ascii())
                    .then(|| unspaced::stop_in(&lower[i..end]))
                    .flatten()
                {
                    return i + at;
                }
                i = end.max(i + c.len_utf8());
                continue;
            }
            _ => false,
        };
        if stop {
            return i;
        }
        i += c.len_utf8();
    }
    i
}

/// Words after which a clause no longer names what its subject waits
/// for: among them those that say what would only help ("enhanced by
/// US2", "optionally uses", "benefits from", "nice to have after").
const STOP_WORDS: [&str; 26] = [
    "enhanced",
    "optionally",
    "benefits",
    "nice",
    "but",
    "except",
    "unless",
    "block",
    "blocks",
    "blocking",
    "then",
    "while",
    "which",
    "so",
    "can",
    "may",
    "might",
    "should",
    "could",
    "will",
    "though",
    "although",
    "however",
    "not",
    "independent",
    "parallel",
];

/// The first `:` of `text` outside brackets (`(Priority: P1)` is the
/// subject's).
pub(super) fn colon_at(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ':' | '：' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// Past white space and emphasis or code marks at `i`.
pub(super) fn skip_marks(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    i + rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '`' | '~'))
            .len()
}
