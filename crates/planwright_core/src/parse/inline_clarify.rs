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

use crate::model::NEEDS_CLARIFICATION as MARK;

/// `[NEEDS CLARIFICATION: which queue?]` or `(NEEDS CLARIFICATION)` at
/// `i`, the opening bracket or parenthesis, through its closing one. A
/// question may hold parentheses of its own (`(… client (sync or
/// async)?)`), so they are counted. A marker whose question runs on past
/// its line (a wrapped paragraph) is the opener and the mark.
pub(super) fn enclosed(text: &str, i: usize) -> Found {
    let (open, close) = match text.as_bytes()[i] {
        b'[' => (b'[', b']'),
        b'(' => (b'(', b')'),
        _ => return None,
    };
    let rest = text.get(i + 1..)?;
    if !rest.as_bytes().starts_with(MARK.as_bytes()) {
        return None;
    }
    let next = rest.as_bytes().get(MARK.len()).copied();
    // `[NEEDS CLARIFICATIONS]` is some other word.
    if next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    let mut depth = 0usize;
    let mut end = i + 1 + MARK.len();
    for (j, b) in rest.bytes().enumerate().skip(MARK.len()) {
        match b {
            b'\n' | b'\r' => break,
            b if b == open => depth += 1,
            b if b == close && depth == 0 => {
                end = i + 1 + j + 1;
                break;
            }
            b if b == close => depth -= 1,
            _ => {}
        }
    }
    Some((end, PlaceholderKind::Tbd, Some(normalize_key(MARK))))
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
