//! A bold field's value among the lines it shares a paragraph with: the
//! markup written around it, which a new value keeps, and markup in the
//! new value that would reach past it into the lines after (a lone
//! backtick opening a code span that a later line's backtick closes).

use planwright_core::edit::Edit;
use planwright_core::markup::{Crossing, markup_crossing};
use planwright_core::{LineIndex, TextRange};

use super::OpError;

/// Refuses `edits` of `src` whose new text's markup crosses its edges in
/// the new file (see [`markup_crossing`]). With the value's loose markup
/// escaped (`escape_loose_markup`), what is left is the value's own code
/// span or emphasis meeting markup the plan left open, such as a lone
/// backtick on an earlier line of the paragraph, which the value's first
/// backtick would close. The model reads fields line by line and would
/// not see the change, so it is checked here.
pub(super) fn check_contained(
    src: &str,
    edits: &[Edit],
    style: &'static str,
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
            reason: crossing_reason(&new, crossing),
        }),
        None => Ok(()),
    }
}

/// Why a value whose markup `crossing` crosses its edge in `new` cannot be
/// written, and what to do instead.
///
/// A code span the plan opened before the value is closed by the first
/// run of as many backticks in the value, escaped or not: in code a
/// backslash is text, and `set`'s escape of a lone backtick leaves a run
/// of one. What works is the plan's run escaped, or a value without such
/// a run, its code fenced with a longer one.
fn crossing_reason(new: &str, crossing: Crossing) -> String {
    if crossing.code && crossing.markup.start < crossing.span.start {
        let at = crossing.markup.start as usize;
        let run = new[at..].bytes().take_while(|&b| b == b'`').count();
        let line = LineIndex::new(new).line_of(crossing.markup.start) + 1;
        let fence = "`".repeat(run + 1);
        let (opener, escape, within) = if run == 1 {
            (
                "a backtick".to_owned(),
                "that backtick in the plan (write it \\`)",
                "lone backticks".to_owned(),
            )
        } else {
            (
                format!("a run of {run} backticks"),
                "those backticks in the plan (write each \\`)",
                format!("runs of {run} backticks"),
            )
        };
        return format!(
            "a backtick in it would close the code span that {opener} on line {line} opens, and in code a `\\` is text, so no escape in the value can prevent it; escape {escape}, or leave {within} out of the value and fence its code with {} backticks: {fence}code{fence}",
            run + 1
        );
    }
    "its markup would pair with markup around it in the plan (a code span, emphasis or link reaching past the value), changing how the text after it reads; escape it with `\\`".to_owned()
}
