//! Flags a ticked check box written `[X]` instead of `[x]`.
//!
//! ## What it does
//! Reports task check boxes ticked with a capital X. The fix writes a small
//! x; it is safe, since both mean done.
//!
//! ## Why
//! One spelling keeps diffs, searches (`grep '\[x\]'`) and other tools
//! simple.
//!
//! ## Example
//! ```markdown
//! - [X] T001 Create project structure
//! ```
//!
//! ## Fix
//! `planwright lint --select PW501 --fix` rewrites the mark.

use planwright_core::TextRange;
use planwright_core::edit::Edit;

use super::Sink;
use crate::Context;
use crate::diagnostic::Applicability;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for task in &ctx.plan.tasks {
        if task.mark != 'X' {
            continue;
        }
        // The mark sits between the brackets of the three-byte check box.
        let mark = TextRange::new(
            task.check_range.start as usize + 1,
            task.check_range.end as usize - 1,
        );
        if mark.slice(ctx.source) != "X" {
            continue;
        }
        out.report(task.check_range, "check mark written as upper-case `X`")
            .help("write `[x]`")
            .fix(
                "write `[x]`",
                vec![Edit::replace(mark, "x")],
                Applicability::Safe,
            );
    }
}
