//! Flags a definition of done, deliverables or acceptance criteria left
//! unticked while the plan or phase says it is done.
//!
//! ## What it does
//! When the plan's status is a done status, reports the unticked items of
//! its definition-of-done, deliverable and acceptance-criteria check lists.
//! When a phase says it is complete, reports the unticked deliverables
//! inside that phase.
//!
//! ## Why
//! The definition of done is the plan's own test of being done. Declaring
//! victory with it unticked means either the check list is stale or the
//! work is not finished.
//!
//! ## Example
//! ```markdown
//! **Status:** Completed
//! ## Definition of Done
//! - [x] All tests pass
//! - [ ] Documentation updated
//! ```
//!
//! ## Fix
//! Tick what is done (`planwright done`), or set the status back.

use planwright_core::{Task, TaskKind, TaskState, TextRange};

use super::Sink;
use crate::Context;
use crate::util::done_claims;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for claim in done_claims(ctx, is_open_check) {
        report(out, claim.at, claim.status, claim.whose, &claim.open);
    }
}

fn is_open_check(t: &Task) -> bool {
    t.state != TaskState::Done
        && matches!(
            t.kind,
            TaskKind::DefinitionOfDone | TaskKind::Deliverable | TaskKind::AcceptanceCriterion
        )
}

/// Unticked items labelled in one finding; the help counts the rest.
const SHOWN: usize = 5;

fn report(out: &mut Sink<'_>, at: TextRange, status: &str, whose: &str, open: &[&Task]) {
    let Some(first) = open.first() else {
        return;
    };
    let n = open.len();
    let noun = if n == 1 { "item is" } else { "items are" };
    let kind = first.kind.name().replace('_', " ");
    let mut r = out
        .report(
            at,
            format!(
                "{whose} says `{}` but {n} done-criteria {noun} unticked",
                status.trim()
            ),
        )
        .primary_label("status says done")
        .label(first.check_range, format!("{kind} not ticked"));
    for t in open.iter().skip(1).take(SHOWN - 1) {
        r = r.label(
            t.check_range,
            format!("{} not ticked", t.kind.name().replace('_', " ")),
        );
    }
    // As PW210 says it: the labels stop, the count says how many more.
    let help = "tick the criteria that are met, or change the status back";
    if n > SHOWN {
        r.help(format!("{} more not shown; {help}", n - SHOWN));
    } else {
        r.help(help);
    }
}
