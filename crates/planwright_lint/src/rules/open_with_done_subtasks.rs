//! Flags an open task whose subtasks are all ticked.
//!
//! ## What it does
//! Reports a task still open (`- [ ]`) or in progress (`- [-]`, `- [~]`)
//! whose subtasks are all done: every one that is part of the plan's work
//! and not marked optional (`- [ ]* 1.3` may stay open). Subtasks are the
//! check boxes nested in the task's list item, and in Kiro's flat layout
//! the tasks whose ids extend its id (`1.1`, `1.2` under `1`). The
//! counterpart of PW210, which flags a ticked task over open subtasks.
//!
//! ## Why
//! Kiro's task lists, and many others, break a task into subtasks and tick
//! the parent once they are done. A parent left open under-counts the
//! plan's progress, keeps the phase it is in unfinished for whatever waits
//! on it, and `next` keeps offering it as work to start.
//!
//! ## Example
//! ```markdown
//! - [ ] 3. Import the catalogue
//!   - [x] 3.1 Read the CSV
//!   - [x] 3.2 Reject duplicate rows
//! ```
//!
//! ## Fix
//! Tick the task if its own work is done too (`planwright done PLAN 3`);
//! `--fix --unsafe-fixes` does so. Unsafe: the task may hold work of its
//! own beyond its subtasks; if so, leave it open and say what is left.

use planwright_core::edit::Edit;
use planwright_core::{TaskState, TextRange};

use super::Sink;
use super::done_with_open_subtasks::name;
use crate::Context;
use crate::diagnostic::Applicability;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let tasks = &ctx.plan.tasks;
    if !tasks.iter().any(|t| t.parent.is_some()) {
        return;
    }
    let left = ctx.plan.open_over_done_subtasks();
    for (p, parent) in tasks.iter().enumerate() {
        let n = left[p];
        if n == 0 {
            continue;
        }
        let all = if n == 1 {
            "its one subtask is".to_owned()
        } else {
            format!("all {n} of its subtasks are")
        };
        // The mark between the check box's brackets.
        let mark = TextRange::new(
            parent.check_range.start as usize + 1,
            parent.check_range.end as usize - 1,
        );
        let state = match parent.state {
            TaskState::InProgress => "in progress",
            _ => "open",
        };
        out.report(
            parent.check_range,
            format!("task {} is {state} while {all} done", name(parent)),
        )
        .primary_label(format!("still {state}"))
        .help("tick the task if its own work is done too, or say what is left of it")
        .fix(
            "tick it",
            vec![Edit::replace(mark, "x")],
            Applicability::Unsafe,
        );
    }
}
