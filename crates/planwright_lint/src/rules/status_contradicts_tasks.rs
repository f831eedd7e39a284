//! Flags a plan or phase whose status says done while its tasks are open,
//! or says not started while its tasks are done.
//!
//! ## What it does
//! When the plan's status says the work is done, reports the open and
//! in-progress tasks; when a phase's status does, the open tasks inside
//! that phase. A status says done when it is one of its dialect's done
//! values (`Completed`), or when its words do (`Done`, `✅ Shipped`,
//! `Complete (2026-01-10)`) and nothing in it takes them back: a
//! negation or hedge (`Not done`, `Almost complete`), a question, or a
//! remark that work goes on (`Implementation complete, testing phase`,
//! `Backend done; frontend in progress`, `Phase 1 complete`).
//! Tasks marked optional (Kiro's `- [ ]*`) may stay open. Definition-of-done
//! and deliverable check lists have their own rule (PW208).
//!
//! The other way round, a status that says the work has not begun, as
//! its whole value (`Pending`, `Not started`, `To do`, `Backlog`), is
//! reported over the tasks ticked as done. A document's stage (`Draft`,
//! `Planned`, `Proposed`) says nothing of the work, which often goes on
//! under it, and is left alone.
//!
//! ## Why
//! Either the status is wrong or the tasks are. Dashboards and agents that
//! trust the status skip work that was never done.
//!
//! ## Example
//! ```markdown
//! **Status:** Completed
//! - [x] T001 Create schema
//! - [ ] T002 Write migration
//! ```
//!
//! ## Fix
//! Tick the tasks that are done (`planwright done PLAN T002`), or set the
//! status back (`planwright set PLAN status "In Progress"`).

use planwright_core::{Task, TaskKind, TaskState, TextRange};

use super::Sink;
use crate::Context;
use crate::util::{done_claims, status_field};

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for claim in done_claims(ctx, is_open_work) {
        report(
            out,
            claim.at,
            claim.status,
            claim.whose,
            &claim.open,
            Says::Done,
        );
    }
    not_started(ctx, out);
}

/// Statuses that say no work has begun, as the whole value (`Pending`,
/// `⏳ Not started`): a document's stage (`Draft`, `Planned`,
/// `Proposed`) says nothing of the work, which often goes on under it.
const NOT_STARTED: &[&str] = &[
    "not_started",
    "not_yet_started",
    "not_begun",
    "pending",
    "todo",
    "to_do",
    "backlog",
];

fn says_not_started(value: &str) -> bool {
    let words = value.trim_start_matches(|c: char| !c.is_alphanumeric());
    NOT_STARTED.contains(&planwright_core::normalize_key(words.trim()).as_str())
}

/// The other way round: a plan or phase whose status says its work has
/// not started over tasks ticked as done.
fn not_started(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let plan = ctx.plan;
    let is_done = |t: &&Task| {
        t.state == TaskState::Done && matches!(t.kind, TaskKind::Task | TaskKind::Checklist)
    };
    if let Some(status) = status_field(ctx)
        && says_not_started(&status.value)
    {
        let done: Vec<&Task> = plan.tasks.iter().filter(is_done).collect();
        report(
            out,
            status.value_range,
            &status.value,
            "the plan",
            &done,
            Says::NotStarted,
        );
    }
    for phase in &plan.phases {
        let Some(value) = phase.status.as_deref().filter(|v| says_not_started(v)) else {
            continue;
        };
        let done: Vec<&Task> = phase
            .tasks
            .iter()
            .filter_map(|&i| plan.tasks.get(i))
            .filter(is_done)
            .collect();
        let at = phase.status_range.unwrap_or(phase.heading);
        report(out, at, value, &phase.id, &done, Says::NotStarted);
    }
}

/// A task marked optional (Kiro's `- [ ]*`) may be left open by finished
/// work: it holds back no status, as it holds back no parent.
fn is_open_work(t: &Task) -> bool {
    t.state != TaskState::Done
        && !t.optional
        && matches!(t.kind, TaskKind::Task | TaskKind::Checklist)
}

/// Which way a status contradicts its tasks.
#[derive(Clone, Copy)]
enum Says {
    /// Done, over tasks not done.
    Done,
    /// Not started, over tasks done.
    NotStarted,
}

fn report(
    out: &mut Sink<'_>,
    at: TextRange,
    status: &str,
    whose: &str,
    tasks: &[&Task],
    says: Says,
) {
    let Some(first) = tasks.first() else {
        return;
    };
    let (state, label, help) = match says {
        Says::Done => (
            "not done",
            "status says done",
            "tick the finished tasks, or change the status to say the work is still in progress",
        ),
        Says::NotStarted => (
            "done",
            "status says not started",
            "change the status to say the work is in progress, or untick the tasks not done",
        ),
    };
    let n = tasks.len();
    let noun = if n == 1 { "task is" } else { "tasks are" };
    let mut r = out
        .report(
            at,
            format!("{whose} says `{}` but {n} {noun} {state}", status.trim()),
        )
        .primary_label(label)
        .label(first.check_range, format!("{} is {state}", first.id));
    for t in tasks.iter().skip(1).take(4) {
        r = r.label(t.check_range, format!("{} is {state}", t.id));
    }
    r.help(help);
}
