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

/// Whether `next`, the line below a field's line `prev` in its paragraph,
/// is that field's value wrapped, or a line of its own, as a header of
/// one field per line writes it (`**Owner:** bob` / `Last reviewed by
/// carol`, `**Status:** Draft` / `_Changes need sign-off._`). Markdown
/// joins them either way; what tells them apart is their shape. A wrap
/// leaves a long line (the paragraph was wrapped at a width), or breaks
/// mid-phrase (after `,`, `and`, `(`…, or before a word in lower case
/// or code), and a label alone on its line has its value below it.
/// A short line followed by one that starts anew is a line of its own,
/// and so is a note in emphasis (`_…_`) or a table-like line (`| …`)
/// whatever comes before it. Reading such a line as more of the value
/// put it in the value, and `set` wrote over it.
pub(crate) fn wraps_onto(prev: &str, next: &str) -> bool {
    let prev = trim_blank_end(prev.trim_end());
    // A label alone on its line (`**Context:**`) has its value below.
    if prev.ends_with(":**") || prev.ends_with("**:") || prev.ends_with(":__") {
        return true;
    }
    let next = next[text_start(next)..].trim_end();
    if next.starts_with(['|', '_']) || (next.starts_with('*') && !next.starts_with("**")) {
        return false;
    }
    if next.starts_with(|c: char| c.is_lowercase() || c == '`') {
        return true;
    }
    // Columns, a wide character (CJK) counting two as a terminal shows it.
    let width: usize = prev.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    if width >= WRAPPED_WIDTH {
        return true;
    }
    if prev.ends_with([
        ',', ';', ':', '(', '-', '\u{2013}', '\u{2014}', '/', '&', '+',
    ]) {
        return true;
    }
    let last = prev
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    JOINING_WORDS.contains(&last.as_str())
}

/// The width from which a line reads as wrapped: editors and formatters
/// wrap at 72 to 100 columns, and a wrapped line rarely stops far short.
const WRAPPED_WIDTH: usize = 50;

/// Words a line does not end a phrase with.
const JOINING_WORDS: [&str; 14] = [
    "and", "or", "of", "the", "a", "an", "to", "with", "for", "in", "on", "by", "from", "at",
];

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
    fn a_wrap_is_told_from_a_line_of_its_own_by_shape() {
        let short = "**Owner:** bob";
        let long = "**Goal:** export every invoice of the month as CSV files";
        for (prev, next) in [
            (short, "and the finance team"),
            (short, "`--csv` too"),
            ("**Goal:** CSV, PDF,", "Excel"),
            ("**Goal:** export for the", "Finance team"),
            ("**Context:**", "Avoid it."),
            (long, "Finance reads them."),
        ] {
            assert!(wraps_onto(prev, next), "{prev:?} / {next:?}");
        }
        for (prev, next) in [
            (short, "Last reviewed by carol"),
            (short, "Reviewer: carol"),
            (long, "_Changes need sign-off._"),
            (long, "*Changes need sign-off.*"),
            (long, "| Priority: high |"),
        ] {
            assert!(!wraps_onto(prev, next), "{prev:?} / {next:?}");
        }
    }

    #[test]
    fn lines_are_joined_as_rendered() {
        assert_eq!(joined("a"), "a");
        assert_eq!(joined("a \r\n>  > b\rc\n\t d"), "a b c d");
    }
}
