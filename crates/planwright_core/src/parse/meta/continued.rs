//! A bold field's value that goes on over the next lines of its paragraph
//! (`**Goal:** Add OTel config,` / `injected into the process`). Markdown
//! reads a line break inside a paragraph as a soft break, shown as a
//! space, so the value a reader sees is all of those lines.
//!
//! The rule, line by line: only a line's last field can go on below it; a
//! hard break (a trailing `\`, two spaces, `<br>`) ends the value's line,
//! and so its value; a line that starts a field of its own is the next
//! field, not more of this one; and the paragraph's end is the value's.
//!
//! How the model holds such a value (see `push_field`): `value_range`
//! runs from the value's first character on its first line to its last
//! on its last line, line breaks and the next lines' container markers
//! (indentation, `>`) inside it, so that `set` replaces all of it and a
//! range still points at where the value is written. `value` reads as
//! rendered: the lines without those markers, joined by one space
//! ([`joined`]).

use std::borrow::Cow;

use super::{ends_with_break, trim_blank_end, value_in};
use crate::parse::items::LineOffsets;

/// Whether a value that ends `line` (a line as written, without its line
/// ending) may go on to the next line: no hard break ends it.
pub(crate) fn may_go_on(line: &str) -> bool {
    let blanks = line.len() - line.trim_end_matches(' ').len();
    let trimmed = trim_blank_end(line);
    let backslashes = trimmed.len() - trimmed.trim_end_matches('\\').len();
    blanks < 2 && backslashes.is_multiple_of(2) && ends_with_break(trimmed).is_none()
}

/// A line read as more of the value above it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct GoingOn {
    /// Where the line's part of the value starts and ends, relative to
    /// the line; empty for a line of nothing but a hard break.
    pub value: (usize, usize),
    /// Where a field of its own starts later on the line, after a
    /// separator (`… | **Owner:** x`), as on a field's first line.
    pub next_field: Option<usize>,
    /// Whether the value may go on to the line after this one.
    pub goes_on: bool,
}

/// `line`, a line of the value's paragraph that starts no field of its
/// own, read as more of the value: without the container's markers that
/// open it, up to a hard break or the next field on it.
pub(crate) fn going_on(line: &str) -> GoingOn {
    let at = text_start(line);
    let (start, end, next) = value_in(&line[at..], true);
    GoingOn {
        value: (at + start, at + end),
        next_field: next.map(|n| at + n),
        goes_on: next.is_none() && may_go_on(line),
    }
}

/// A value written over several lines (a `value_range`'s text) as a reader
/// sees it: each line after the first without the container's markers
/// that open it, each without the blank that may end it, joined by one
/// space, as Markdown renders a soft break. A value on one line is
/// returned as it is.
pub(crate) fn joined(raw: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'\n', b'\r', raw.as_bytes()).is_none() {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    for (i, (_, line)) in LineOffsets::new(raw).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let text = if i == 0 {
            line
        } else {
            &line[text_start(line)..]
        };
        out.push_str(trim_blank_end(text));
    }
    Cow::Owned(out)
}

/// Where a paragraph's next line starts its text: past the indentation
/// and the `>` of the containers it stands in. Nothing else can open it:
/// a `>` there would start a quote, which ends the paragraph (a list
/// marker that cannot, as `2024.`, is text).
fn text_start(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t', '>']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hard_break_ends_the_value_and_one_blank_does_not() {
        for line in ["a", "a ", "a\\\\", "a <b>", ""] {
            assert!(may_go_on(line), "{line:?}");
        }
        for line in ["a  ", "a\\", "a\\\\\\", "a<br>", "a <BR/> "] {
            assert!(!may_go_on(line), "{line:?}");
        }
    }

    #[test]
    fn a_line_going_on_is_read_without_its_markers() {
        let on = going_on(">   two  ");
        assert_eq!((on.value, on.next_field, on.goes_on), ((4, 7), None, false));
        let on = going_on("  b | **Owner:** x");
        assert_eq!(
            (on.value, on.next_field, on.goes_on),
            ((2, 3), Some(6), false)
        );
        // One blank before a label after words leaves it the words'.
        assert!(going_on("word **Status:** Done").next_field.is_none());
    }

    #[test]
    fn lines_are_joined_as_rendered() {
        assert_eq!(joined("a"), "a");
        assert_eq!(joined("a \r\n>  > b\rc\n\t d"), "a b c d");
    }
}
