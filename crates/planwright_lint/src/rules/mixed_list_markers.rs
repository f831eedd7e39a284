//! Flags bullet lists that use a different marker from the plan's first
//! bullet list.
//!
//! ## What it does
//! The first bullet list's marker (`-`, `*` or `+`) sets the plan's style;
//! every bullet item written with another marker is reported. The fix
//! rewrites the marker and nothing else. It is safe, but for a list right
//! next to another (only blank lines between): Markdown reads the two
//! as two lists because their markers differ, and rewritten they would be
//! one, so there the fix is unsafe (`--unsafe-fixes`). It is not offered
//! where the rewritten line would read as a horizontal rule (`* - -` as
//! `- - -`).
//!
//! ## Why
//! Mixed markers make diffs noisy and, when two lists meet, can split one
//! list into two in some renderers.
//!
//! ## Example
//! ```markdown
//! - Goals
//! * Non-goals
//! ```
//!
//! ## Fix
//! `planwright lint --select PW502 --fix` rewrites the markers.

use planwright_core::TextRange;
use planwright_core::edit::Edit;

use super::Sink;
use crate::Context;
use crate::diagnostic::Applicability;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let bullets = ctx.plan.lists.iter().filter(|l| !l.ordered);
    let mut style: Option<&str> = None;
    for list in bullets {
        for marker in ctx.plan.markers_of(list) {
            let text = marker.slice(ctx.source);
            if !matches!(text, "-" | "*" | "+") {
                continue;
            }
            let Some(expected) = style else {
                style = Some(text);
                continue;
            };
            if text == expected {
                continue;
            }
            let finding = out.report(
                *marker,
                format!("list marker `{text}` differs from the plan's `{expected}`"),
            );
            if may_become_thematic_break(ctx.source, *marker) {
                finding.help(format!(
                    "write `{expected}` (not fixed automatically: with `{expected}` this line would read as a horizontal rule)"
                ));
                continue;
            }
            // Rewritten, a list right next to one written with
            // `expected` joins it: one list, loose, rendered otherwise.
            // A list some of whose markers stay (see above) would split.
            let partial = ctx.plan.markers_of(list).iter().any(|m| {
                m.slice(ctx.source) != expected && may_become_thematic_break(ctx.source, *m)
            });
            let (help, applicability) = if partial || would_join(ctx, list) {
                (
                    // The renderer adds what the fix writes and how to
                    // apply it.
                    "rewritten, the list would join the list next to it, or split from the markers that stay, so the fix is unsafe".to_owned(),
                    Applicability::Unsafe,
                )
            } else {
                (format!("write `{expected}`"), Applicability::Safe)
            };
            finding.help(help).fix(
                format!("write `{expected}`"),
                vec![Edit::replace(*marker, expected)],
                applicability,
            );
        }
    }
}

/// Whether the marker's line may read as a thematic break once its markers
/// are rewritten: `* - -` as `- - -`, or as `* * *` when the nested `-`s
/// are the ones fixed. Judged before the rewrite, and cautiously: a line of
/// only bullet characters, spaces and tabs (after any block-quote `>`),
/// three bullet characters or more.
fn may_become_thematic_break(src: &str, marker: TextRange) -> bool {
    let (at, end) = (marker.start as usize, marker.end as usize);
    let line_start = planwright_core::text::line_start(src, at);
    let line_end = end + src.get(end..).map_or(0, planwright_core::text::line_len);
    let Some(line) = src.get(line_start..line_end) else {
        return false;
    };
    let line = line.trim_start_matches([' ', '\t', '>']);
    let bullet = |x: char| matches!(x, '-' | '*' | '+');
    line.chars().all(|x| bullet(x) || x == ' ' || x == '\t')
        && line.chars().filter(|x| bullet(*x)).count() >= 3
}

/// Whether a bullet list stands right before or after `list`, nothing but
/// blank lines between. Two such lists are two only because their bullet
/// characters differ (`CommonMark` starts a new list where the bullet
/// changes, whatever the markers' indentation up to three spaces); once
/// every marker is `expected` they are one list, loose, and render
/// otherwise. Cautious: a nested list next to its parent's sibling counts.
fn would_join(ctx: &Context<'_>, list: &planwright_core::List) -> bool {
    let src = ctx.source;
    let blank = |from: u32, to: u32| {
        src.get(from as usize..to as usize)
            .is_some_and(|s| s.trim().is_empty())
    };
    ctx.plan.lists.iter().any(|other| {
        !other.ordered
            && (blank(other.range.end, list.range.start)
                || blank(list.range.end, other.range.start))
    })
}
