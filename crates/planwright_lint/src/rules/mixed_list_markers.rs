//! Flags bullet lists that use a different marker from the plan's first
//! bullet list.
//!
//! ## What it does
//! The first bullet list's marker (`-`, `*` or `+`) sets the plan's style;
//! every bullet item written with another marker is reported. The fix
//! rewrites the marker and nothing else; it is safe. It is not offered
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
            finding.help(format!("write `{expected}`")).fix(
                format!("write `{expected}`"),
                vec![Edit::replace(*marker, expected)],
                Applicability::Safe,
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
