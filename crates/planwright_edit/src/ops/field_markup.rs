//! A bold field's value among the lines it shares a paragraph with: the
//! markup written around it, which a new value keeps, and markup in the
//! new value that would reach past it into the lines after (a lone
//! backtick opening a code span that a later line's backtick closes).

use planwright_core::TextRange;
use planwright_core::edit::Edit;
use planwright_core::markup::markup_crosses;

use super::OpError;

/// Refuses `edits` of `src` whose new text's markup crosses its edges in
/// the new file (see [`markup_crosses`]). With the value's loose markup
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
    if markup_crosses(&new, &spans) {
        return Err(OpError::BadValue {
            style,
            reason: "its markup would pair with markup around it in the plan (a code span, emphasis or link reaching past the value), changing how the text after it reads; escape it with `\\`".to_owned(),
        });
    }
    Ok(())
}

/// The markup a bold field's whole value is written in, the same on both
/// sides: a code span (`` `001-todo-app` ``), strong (`**Draft**`) or
/// emphasis (`*alice*`, `_alice_`), which a new value keeps. `None` for a
/// value with more inside (two spans, a link) or none.
pub(super) fn wrapper(old: &str) -> Option<&'static str> {
    ["`", "**", "__", "*", "_"].into_iter().find(|mark| {
        old.len() > 2 * mark.len()
            && old.starts_with(mark)
            && old.ends_with(mark)
            && !old[mark.len()..old.len() - mark.len()].contains(&mark[..1])
    })
}
