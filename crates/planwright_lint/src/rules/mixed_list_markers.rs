//! Flags bullet lists that use a different marker from the plan's first
//! bullet list.
//!
//! ## What it does
//! The first bullet list's marker (`-`, `*` or `+`) sets the plan's style;
//! every bullet item written with another marker is reported. The fix
//! rewrites the marker and nothing else; it is safe.
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
            if text != expected {
                out.report(
                    *marker,
                    format!("list marker `{text}` differs from the plan's `{expected}`"),
                )
                .help(format!("write `{expected}`"))
                .fix(
                    format!("write `{expected}`"),
                    vec![Edit::replace(*marker, expected)],
                    Applicability::Safe,
                );
            }
        }
    }
}
