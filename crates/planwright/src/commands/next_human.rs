//! `next`'s terminal output: the tasks that can start, by plan and state,
//! or why none can.

use std::collections::HashMap;
use std::fmt::Write as _;

use planwright_core::TaskState;
use planwright_core::json::TaskDoc;
use planwright_core::visible::visible;

use super::next::{NextTask, WaitingTask};
use super::next_where::whereabouts_text;

/// Why no task can start, across the plans: the open tasks, and the first
/// of those waiting with what they wait for.
pub(super) struct Blocked {
    pub(super) open: usize,
    pub(super) waiting: Vec<WaitingTask>,
    /// Waiting tasks left out of `waiting`.
    pub(super) more: usize,
    /// Every waiting task, listed or not.
    pub(super) count: usize,
    /// Open definition-of-done items and acceptance criteria: open, but
    /// neither ready nor waiting.
    pub(super) checks: usize,
    /// The statuses of the plans held by them (`On hold`), one a plan.
    pub(super) held: Vec<String>,
    /// Waiting tasks, listed or not, that wait for nothing but their
    /// plan's status.
    pub(super) held_only: usize,
    /// Open tasks in work given up by its status.
    pub(super) given_up: usize,
}

/// The widest id `next` pads the others to, in columns.
const ID_WIDTH_MAX: usize = 12;

/// The tasks by plan, in progress or ready, and parallel batch, with the
/// plan's text and paths made [`visible`]: a plan must not drive the
/// terminal it is shown on.
pub(super) fn human(all: &[NextTask], more: usize, blocked: &Blocked, total: usize) -> String {
    let open = blocked.open;
    let mut out = String::new();
    if all.is_empty() {
        if more > 0 {
            // `-n 0` asks for the count alone: the tasks are there, unlisted.
            let _ = writeln!(
                out,
                "{} can start now (use -n to list them)",
                crate::output::count(more, "task", "tasks")
            );
        } else if total == 0 {
            out.push_str("nothing to do: no tasks\n");
        } else if open == 0 {
            out.push_str("nothing to do: every task is done\n");
        } else if blocked.count == 0 && blocked.checks == 0 && blocked.given_up > 0 {
            // All that is open was given up: nothing waits, nothing is due.
            let _ = writeln!(
                out,
                "nothing to do: {} in work given up (a status such as Cancelled)\n  \
                 `planwright set PLAN status VALUE` to take it up again",
                crate::output::count(blocked.given_up, "open task is", "open tasks are"),
            );
        } else if blocked.count == 0 && blocked.checks > 0 {
            // Nothing waits: what is open is checked, not worked on.
            let _ = writeln!(
                out,
                "nothing to start: all that is open is {} to check\n  \
                 tick each with `planwright done PLAN NAME` once it holds",
                crate::output::count(
                    blocked.checks,
                    "definition-of-done or acceptance item",
                    "definition-of-done or acceptance items"
                )
            );
        } else if let [status] = blocked.held.as_slice()
            && blocked.held_only == blocked.count
        {
            // Its own status is all that holds the plan: that is the news,
            // not a graph of waits.
            let _ = writeln!(
                out,
                "no task can start now: the plan's status holds its {} ({})\n  \
                 `planwright set PLAN status VALUE` once the work can go on",
                crate::output::count(blocked.count, "open task", "open tasks"),
                visible(status)
            );
            waiting(&mut out, blocked);
        } else {
            let held = match blocked.held.len() {
                0 => String::new(),
                n => format!(
                    ", {} by {}",
                    crate::output::count(n, "plan held", "plans held"),
                    if n == 1 {
                        "its status"
                    } else {
                        "their statuses"
                    }
                ),
            };
            let _ = writeln!(
                out,
                "no task can start now: {} for others{held}\n  \
                 `planwright graph PLAN` shows what waits for what, and exits 1 on a cycle",
                crate::output::count(blocked.count, "open task waits", "open tasks wait")
            );
            waiting(&mut out, blocked);
        }
        return out;
    }
    // A plan's texts start in one column (`#1` above `#13`, `2.1` above
    // `10`); an id longer than most is not padded for.
    let mut id_width: HashMap<&str, usize> = HashMap::new();
    for t in all {
        let w = crate::output::width(&visible(&t.task.id));
        if w <= ID_WIDTH_MAX {
            let widest = id_width.entry(t.path.as_str()).or_default();
            *widest = (*widest).max(w);
        }
    }
    let mut current: Option<(&str, &str, Option<usize>)> = None;
    for t in all {
        let group = if t.task.state == TaskState::InProgress.name() {
            "in progress"
        } else {
            "ready"
        };
        if current.map(|c| c.0) != Some(t.path.as_str()) {
            let _ = writeln!(out, "{}", visible(&t.path));
            current = None;
        }
        if current.map(|c| c.1) != Some(group) {
            let _ = writeln!(out, "  {group}");
        }
        let batch_changed = current.map(|c| c.2) != Some(t.batch);
        if let Some(b) = t.batch
            && batch_changed
        {
            let _ = writeln!(out, "    parallel batch {b}, can run at once:");
        }
        current = Some((t.path.as_str(), group, t.batch));
        let indent = if t.batch.is_some() { "      " } else { "    " };
        let phase = whereabouts_text(t.phase_as_written.as_ref(), t.section.as_ref());
        let (id, text) = (
            crate::output::pad(
                &visible(&t.task.id),
                id_width.get(t.path.as_str()).copied().unwrap_or(0),
            ),
            visible(&t.task.text),
        );
        let optional = optional_mark(&t.task);
        let left = if t.subtasks_done {
            "  (subtasks done)"
        } else {
            ""
        };
        let _ = writeln!(out, "{indent}{id}  {text}{optional}{left}{phase}");
        if !t.waits_for_shown.is_empty() {
            let _ = writeln!(
                out,
                "{indent}  still waits for {}",
                visible(&t.waits_for_shown.join(", "))
            );
        }
    }
    if more > 0 {
        // The option that lists them all, so it can be typed as shown.
        let all_of_them = all.len() + more;
        let them = if more == 1 { "it" } else { "them" };
        let _ = writeln!(out, "… and {more} more (-n {all_of_them} to see {them})");
    }
    out
}

/// The first waiting tasks by plan, each with what it still waits for, as
/// work in progress that waits is shown.
fn waiting(out: &mut String, blocked: &Blocked) {
    let mut path: Option<&str> = None;
    for w in &blocked.waiting {
        if path != Some(w.path.as_str()) {
            let _ = writeln!(out, "{}\n  waiting", visible(&w.path));
            path = Some(w.path.as_str());
        }
        let phase = whereabouts_text(w.phase_as_written.as_ref(), w.section.as_ref());
        let (id, text) = (visible(&w.node), visible(&w.task.text));
        let optional = optional_mark(&w.task);
        let _ = writeln!(out, "    {id}  {text}{optional}{phase}");
        let _ = writeln!(
            out,
            "      still waits for {}",
            visible(&w.waits_for_shown.join(", "))
        );
    }
    // `-n 0` lists none, and asks for no "more" either.
    if blocked.more > 0 && !blocked.waiting.is_empty() {
        let _ = writeln!(
            out,
            "… and {} more waiting (-n {} to see them)",
            blocked.more, blocked.count
        );
    }
}

/// `  (optional)` after a task Kiro marks optional (`- [ ]*`), as the
/// JSON's `optional` says: it may be skipped.
fn optional_mark(task: &TaskDoc) -> &'static str {
    if task.optional { "  (optional)" } else { "" }
}
