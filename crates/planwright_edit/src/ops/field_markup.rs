//! A bold field's value among the lines it shares a paragraph with: the
//! markup written around it, which a new value keeps, and markup in the
//! new value that would reach past it into the lines after (a lone
//! backtick opening a code span that a later line's backtick closes).

use planwright_core::edit::Edit;
use planwright_core::markup::{Crossing, markup_crossing};
use planwright_core::{LineIndex, TextRange};

use super::OpError;

/// Refuses `edits` of `src` whose new text's markup crosses its edges in
/// the new file (see [`markup_crossing`]). With the value's markup
/// escaped (`escape_markup`), what is left is markup the plan left open
/// that the value would close: a lone backtick on an earlier line of the
/// paragraph opens a code span, in which the value's escaped backtick is
/// a backtick. The model reads fields line by line and would
/// not see the change, so it is checked here. A value written as Markdown
/// (`markdown`) may also leave its own markup open: `` `x `` or `*x`
/// pairs with a mark on a later line.
pub(super) fn check_contained(
    src: &str,
    edits: &[Edit],
    style: &'static str,
    markdown: bool,
) -> Result<(), OpError> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    // A bad edit set is reported when it is applied, by the caller.
    let Ok(new) = planwright_core::edit::apply(src, edits) else {
        return Ok(());
    };
    let (mut grown, mut shrunk) = (0usize, 0usize);
    let mut spans = Vec::with_capacity(sorted.len());
    for e in sorted {
        let start = e.range.start as usize + grown - shrunk;
        spans.push(TextRange::new(start, start + e.content.len()));
        grown += e.content.len();
        shrunk += e.range.len();
    }
    match markup_crossing(&new, &spans) {
        Some(crossing) => Err(OpError::BadValue {
            style,
            reason: crossing_reason(&new, crossing, markdown),
        }),
        None => Ok(()),
    }
}

/// Why a value whose markup `crossing` crosses its edge in `new` cannot be
/// written, and what to do instead.
///
/// A code span the plan opened before the value is closed by the value's
/// first backtick, escaped or not, where the plan's run is a lone
/// backtick: in code a backslash is text. (`set` escapes every backtick,
/// so the value holds no longer run to close a longer one.) What works is
/// the plan's backtick escaped, or a value without one.
fn crossing_reason(new: &str, crossing: Crossing, markdown: bool) -> String {
    if markdown && crossing.markup.start >= crossing.span.start {
        let mark = new[crossing.markup.start as usize..].chars().next();
        let mark = mark.unwrap_or_default();
        let (what, opens) = match mark {
            '`' => ("backtick".to_owned(), "a code span"),
            _ => (format!("`{mark}`"), "markup"),
        };
        // The line of the mark that closes it: the end is past it.
        let line = LineIndex::new(new).line_of(crossing.markup.end.saturating_sub(1)) + 1;
        return format!(
            "its {what} opens {opens} it does not close, which would reach to line {line}; close it in the value, or escape it (\\{mark})"
        );
    }
    if crossing.code && crossing.markup.start < crossing.span.start {
        let at = crossing.markup.start as usize;
        let run = new[at..].bytes().take_while(|&b| b == b'`').count();
        let line = LineIndex::new(new).line_of(crossing.markup.start) + 1;
        let (opener, escape) = if run == 1 {
            (
                "a backtick".to_owned(),
                "that backtick in the plan (write it \\`)",
            )
        } else {
            (
                format!("a run of {run} backticks"),
                "those backticks in the plan (write each \\`)",
            )
        };
        return format!(
            "a backtick in it would close the code span that {opener} on line {line} opens, and in code a `\\` is text, so no escape in the value can prevent it; escape {escape}, or leave backticks out of the value"
        );
    }
    // The value's own markup is escaped: what pairs with it is the plan's.
    "it would pair with markup the plan leaves open around it (a code span, emphasis or link reaching past the value), changing how the text after it reads; close or escape that markup in the plan".to_owned()
}
