//! Flags a ticked task whose subtasks are not all ticked.
//!
//! ## What it does
//! Reports a task marked done (`- [x]`) that holds a subtask still open
//! (`- [ ]`) or in progress (`- [-]`, `- [~]`), pointing at both. Subtasks
//! are the check boxes nested in the task's list item, and in Kiro's flat
//! layout the tasks whose ids extend its id (`1.1`, `1.2` under `1`).
//! Subtasks marked optional (`- [ ]* 1.2`) may stay open.
//!
//! ## Why
//! The parent says the work is over while part of it is not. Progress
//! counts then disagree with the plan's own story: `next` still offers the
//! open subtask under a parent everyone reads as finished, and a reviewer
//! skimming the top-level boxes misses it.
//!
//! ## Example
//! ```markdown
//! - [x] T010 Import the catalogue
//!   - [x] T011 Read the CSV
//!   - [ ] T012 Reject duplicate rows
//! ```
//!
//! ## Fix
//! Finish and tick the subtask (`planwright done PLAN T012`), or reopen the
//! parent (`planwright undo PLAN T010`).

use planwright_core::{Task, TaskState};

use super::Sink;
use crate::Context;

/// Open subtasks named one by one before the rest are only counted.
const SHOWN: usize = 3;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let tasks = &ctx.plan.tasks;
    // Each done parent's open subtasks, in document order; parents are
    // earlier in the list than what they hold.
    let mut open: Vec<Vec<usize>> = vec![Vec::new(); tasks.len()];
    let mut any = false;
    for (i, task) in tasks.iter().enumerate() {
        let Some(p) = task.parent else { continue };
        if let Some(parent) = tasks.get(p)
            && is_done_work(parent)
            && task.holds_parent_open()
        {
            open[p].push(i);
            any = true;
        }
    }
    if !any {
        return;
    }
    for (p, held) in open.iter().enumerate() {
        let [first, rest @ ..] = held.as_slice() else {
            continue;
        };
        let parent = &tasks[p];
        let n = held.len();
        let verb = if n == 1 { "is" } else { "are" };
        let mut r = out
            .report(
                parent.check_range,
                format!(
                    "task {} is ticked while {n} of its subtasks {verb} not",
                    name(parent)
                ),
            )
            .primary_label("ticked as done")
            .label(tasks[*first].check_range, state_label(&tasks[*first]));
        for &c in rest.iter().take(SHOWN - 1) {
            r = r.label(tasks[c].check_range, state_label(&tasks[c]));
        }
        let help = if n > SHOWN {
            format!(
                "{} more not shown; finish and tick the subtasks, or reopen the task",
                n - SHOWN
            )
        } else {
            "finish and tick the subtasks, or reopen the task".to_owned()
        };
        r.help(help);
    }
}

/// A ticked task that is part of the plan's work: not one kept for later
/// or a progress log's record.
fn is_done_work(t: &Task) -> bool {
    t.state == TaskState::Done && t.kind.counts()
}

/// `T010`, or the task's text (its first words, if long) when its id is
/// only its position; PW212, this rule's counterpart, names tasks so too.
pub(super) fn name(t: &Task) -> String {
    const LONG: usize = 40;
    if t.explicit_id {
        return format!("`{}`", t.id);
    }
    match t.text.char_indices().nth(LONG) {
        Some((cut, _)) => format!("\"{}…\"", t.text[..cut].trim_end()),
        None => format!("\"{}\"", t.text),
    }
}

fn state_label(t: &Task) -> &'static str {
    match t.state {
        TaskState::InProgress => "still in progress",
        _ => "still open",
    }
}
