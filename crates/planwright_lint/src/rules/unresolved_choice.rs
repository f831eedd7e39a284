//! Flags a list of options left where one option was meant to be chosen:
//! `Draft | In Progress | Completed`, `High/Medium/Low`, `{L/M/H}`.
//!
//! ## What it does
//! Reports every choice list the reader found as a value: in metadata, in
//! table cells, after a label such as `Priority:`: a bold one
//! (`**Priority:** High/Medium/Low`), or a plain one that starts a line or
//! a list item (`- Priority: High/Medium/Low`). A field whose key says it
//! lists the values allowed (`Priority values`, `Status options`, `Risk
//! scale`, `Allowed states`) is a legend, not a choice left open.
//!
//! ## Why
//! The template offered options; the plan has not picked one. A risk rated
//! `High/Medium/Low` has not been rated.
//!
//! ## Example
//! ```markdown
//! **Status:** Draft | In Progress | Completed
//!
//! | Risk | Impact | Mitigation |
//! |---|---|---|
//! | Data loss | High/Medium/Low | Backups |
//! ```
//!
//! ## Fix
//! Keep the option that applies and delete the others.

use planwright_core::PlaceholderKind;

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for p in &ctx.plan.placeholders {
        if p.kind != PlaceholderKind::Choice {
            continue;
        }
        out.report(p.range, format!("unresolved choice `{}`", p.text.trim()))
            .primary_label("pick one of these")
            .help("keep the option that applies and delete the others");
    }
}
