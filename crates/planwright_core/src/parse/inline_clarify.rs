//! spec-kit's marker for a decision still open, `NEEDS CLARIFICATION`, as
//! the recognisers in `inline.rs` read it. spec-kit's templates tell the
//! agent to write it where the spec leaves a question unanswered
//! (`[NEEDS CLARIFICATION: which queue?]`, `(NEEDS CLARIFICATION: …)`, or
//! a Technical Context field's whole value), and its plans also *talk
//! about* the marker ("scan for NEEDS CLARIFICATION", "All NEEDS
//! CLARIFICATION resolved"). So only the shapes that leave it in a place
//! count: enclosed in brackets or parentheses, followed by its question
//! (`NEEDS CLARIFICATION: which queue?`), or a bold field's whole value.
//! The words alone in a sentence are a mention. The marker is always
//! written in capitals, so lower case is never it.

use super::Found;
use super::line::Line;
use crate::model::{PlaceholderKind, normalize_key};

pub(super) use crate::model::NEEDS_CLARIFICATION as MARK;

/// `[NEEDS CLARIFICATION: which queue?]` or `(NEEDS CLARIFICATION)` at
/// `i`, the opening bracket or parenthesis, through its closing one. A
/// question may hold parentheses of its own (`(… client (sync or
/// async)?)`), so they are counted. A marker whose question runs on past
/// its line is the opener and the mark here: the reader scans a
/// paragraph line by line, and [`wrapped_end`] takes it on from there.
pub(super) fn enclosed(text: &str, i: usize) -> Found {
    let end = close_of(text, i, text.len(), false)?;
    let end = end.unwrap_or(i + 1 + MARK.len());
    Some((end, PlaceholderKind::Tbd, Some(normalize_key(MARK))))
}

/// How far past the mark a wrapped question is looked for its close, in
/// bytes: a few lines of a paragraph and no further.
const MAX_WRAPPED: usize = 400;

/// The end of a question left open on its line by the marker at `at` in
/// `src` (`[NEEDS CLARIFICATION: which` / `queue?]`): just past its close
/// on a later line before `limit` (the end of its paragraph or item
/// text), and before any blank line. `None` if it is not closed there.
pub(crate) fn wrapped_end(src: &str, at: usize, limit: usize) -> Option<usize> {
    let text = src.get(..limit.min(at + 1 + MARK.len() + MAX_WRAPPED))?;
    close_of(text, at, text.len(), true).flatten()
}

/// Where the bracket or parenthesis at `i` that opens a marker closes in
/// `text[..limit]`: `None` if no marker opens there, `Some(None)` if it
/// is not closed on its line (or, with `wrap`, within its paragraph).
fn close_of(text: &str, i: usize, limit: usize, wrap: bool) -> Option<Option<usize>> {
    let (open, close) = match text.as_bytes()[i] {
        b'[' => (b'[', b']'),
        b'(' => (b'(', b')'),
        _ => return None,
    };
    let rest = text.get(i + 1..limit)?;
    if !rest.as_bytes().starts_with(MARK.as_bytes()) {
        return None;
    }
    let next = rest.as_bytes().get(MARK.len()).copied();
    // `[NEEDS CLARIFICATIONS]` is some other word.
    if next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut depth = 0usize;
    for (j, &b) in bytes.iter().enumerate().skip(MARK.len()) {
        match b {
            b'\n' | b'\r' if !wrap || blank_line_after(&bytes[j + 1..]) => return Some(None),
            b if b == open => depth += 1,
            b if b == close && depth == 0 => return Some(Some(i + 1 + j + 1)),
            b if b == close => depth -= 1,
            _ => {}
        }
    }
    Some(None)
}

/// Whether the text after a line break (`\r`, `\n`) opens a blank line.
fn blank_line_after(after: &[u8]) -> bool {
    let after = after.strip_prefix(b"\n").unwrap_or(after);
    after
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t'))
        .is_none_or(|b| matches!(b, b'\n' | b'\r'))
}

/// The bare marker at `i`: followed by its question after a colon, or a
/// bold field's whole value (`**Testing**: NEEDS CLARIFICATION`).
/// `before_ok` says whether a word boundary comes before `i`.
pub(super) fn bare(text: &str, i: usize, before_ok: bool, line: Option<Line<'_>>) -> Found {
    if !text.as_bytes()[i..].starts_with(MARK.as_bytes()) || !before_ok {
        return None;
    }
    let end = i + MARK.len();
    let after = &text[end..];
    if after.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let asks = after.starts_with(':');
    let value = || line.is_some_and(|l| l.whole_field_value(i, end - 1));
    (asks || value()).then(|| (end, PlaceholderKind::Tbd, Some(normalize_key(MARK))))
}
