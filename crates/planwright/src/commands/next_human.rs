//! `next`'s terminal output: the tasks that can start, by plan and state,
//! and those waiting (with `--waiting`, or counted in a last line), or
//! why none can.

use std::collections::HashMap;
use std::fmt::Write as _;

use planwright_core::TaskState;
use planwright_core::json::TaskDoc;
use planwright_core::visible::visible;

use super::next::{NextTask, WaitingTask};
use super::next_where::whereabouts_text;

/// What is open but cannot start, across the plans: the open tasks, and
/// the first of those waiting with what they wait for; why no task can
/// start when none can.
pub(super) struct Blocked {
    pub(super) open: usize,
    /// The first waiting tasks, in plan order; when some task can start,
    /// listed only if `listed`.
    pub(super) waiting: Vec<WaitingTask>,
    /// Waiting tasks left out of `waiting`.
    pub(super) more: usize,
    /// Every waiting task, listed or not.
    pub(super) count: usize,
    /// `--waiting`: list `waiting` beside the tasks that can start, not
    /// only when none can.
    pub(super) listed: bool,
    /// Open definition-of-done items and acceptance criteria: open, but
    /// neither ready nor waiting.
    pub(super) checks: usize,
    /// The plans held by their status (`On hold`).
    pub(super) held: Vec<Held>,
    /// Waiting tasks, listed or not, that wait for nothing but their
    /// plan's status.
    pub(super) held_only: usize,
    /// Open tasks in work given up by its status.
    pub(super) given_up: usize,
    pub(super) plans: HintPlans,
}

/// A plan whose own status holds its tasks.
pub(super) struct Held {
    /// As shown.
    pub(super) path: String,
    pub(super) status: String,
}

/// The plans the hints under the first line concern, by path as shown: a
/// command a hint shows names its plan where only one is concerned, and
/// says `PLAN` where any of several may be.
#[derive(Default)]
pub(super) struct HintPlans {
    /// Plans with open tasks that wait.
    pub(super) waiting: Vec<String>,
    /// Plans with open checks.
    pub(super) checks: Vec<String>,
    /// Plans with open tasks in work given up, each with whether its own
    /// status gives it up (else a phase's does).
    pub(super) given_up: Vec<(String, bool)>,
}

/// The widest id `next` pads the others to, in columns.
const ID_WIDTH_MAX: usize = 12;

/// The tasks by plan, in progress or ready, and parallel batch, with the
/// plan's text and paths made [`visible`]: a plan must not drive the
/// terminal it is shown on.
pub(super) fn human(all: &[NextTask], more: usize, blocked: &Blocked, total: usize) -> String {
    let mut out = String::new();
    if all.is_empty() && more == 0 {
        none_can_start(&mut out, blocked, total);
        return out;
    }
    if all.is_empty() {
        // `-n 0` asks for the counts alone: the tasks are there, unlisted.
        let _ = writeln!(
            out,
            "{} can start now (use -n to list them)",
            crate::output::count(more, "task", "tasks")
        );
        let how = if blocked.listed {
            "use -n to list them"
        } else {
            "use -n with --waiting to list them"
        };
        waiting_count(&mut out, blocked, how);
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
    // The waiting tasks listed, by plan, each plan's in plan order.
    let mut waiting: HashMap<&str, Vec<&WaitingTask>> = HashMap::new();
    for w in blocked.waiting.iter().filter(|_| blocked.listed) {
        waiting.entry(w.path.as_str()).or_default().push(w);
    }
    // Each plan once: its tasks in progress, ready, then waiting; then
    // the plans with waiting tasks alone, in plan order.
    for plan in all.chunk_by(|a, b| a.path == b.path) {
        let path = plan[0].path.as_str();
        let _ = writeln!(out, "{}", visible(path));
        ready_tasks(&mut out, plan, id_width.get(path).copied().unwrap_or(0));
        waiting_tasks(&mut out, &waiting.remove(path).unwrap_or_default());
    }
    for plan in blocked.waiting.chunk_by(|a, b| a.path == b.path) {
        if let Some(tasks) = waiting.remove(plan[0].path.as_str()) {
            let _ = writeln!(out, "{}", visible(&plan[0].path));
            waiting_tasks(&mut out, &tasks);
        }
    }
    if more > 0 {
        // The option that lists them all, so it can be typed as shown.
        let all_of_them = all.len() + more;
        let them = if more == 1 { "it" } else { "them" };
        let _ = writeln!(out, "… and {more} more (-n {all_of_them} to see {them})");
    }
    if blocked.listed {
        more_waiting(&mut out, blocked);
    } else {
        waiting_count(&mut out, blocked, "--waiting to list them");
    }
    out
}

/// Why no task can start, and the first waiting tasks, when there are.
fn none_can_start(out: &mut String, blocked: &Blocked, total: usize) {
    let open = blocked.open;
    if total == 0 {
        out.push_str("nothing to do: no tasks\n");
    } else if open == 0 {
        out.push_str("nothing to do: every task is done\n");
    } else if blocked.count == 0 && blocked.checks == 0 && blocked.given_up > 0 {
        // All that is open was given up: nothing waits, nothing is due.
        let _ = writeln!(
            out,
            "nothing to do: {} in work given up (a status such as Cancelled)",
            crate::output::count(blocked.given_up, "open task is", "open tasks are"),
        );
        take_up_again(out, &blocked.plans.given_up);
    } else if blocked.count == 0 && blocked.checks > 0 {
        // Nothing waits: what is open is checked, not worked on.
        let _ = writeln!(
            out,
            "nothing to start: all that is open is {} to check\n  \
             tick each with `planwright done {} NAME` once it holds",
            crate::output::count(
                blocked.checks,
                "definition-of-done or acceptance item",
                "definition-of-done or acceptance items"
            ),
            plan_word(&blocked.plans.checks)
        );
    } else if let [held] = blocked.held.as_slice()
        && blocked.held_only == blocked.count
    {
        // Its own status is all that holds the plan: that is the news,
        // not a graph of waits.
        let _ = writeln!(
            out,
            "no task can start now: the plan's status holds its {} ({})\n  \
             `planwright set {} status VALUE` once the work can go on",
            crate::output::count(blocked.count, "open task", "open tasks"),
            visible(&held.status),
            plan_word(std::slice::from_ref(&held.path))
        );
        waiting(out, blocked);
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
             `planwright graph {}` shows what waits for what, and exits 1 on a cycle",
            crate::output::count(blocked.count, "open task waits", "open tasks wait"),
            plan_word(&blocked.plans.waiting)
        );
        waiting(out, blocked);
    }
}

/// How many plans [`take_up_again`] names; the rest are counted.
const GIVEN_UP_NAMED: usize = 3;

/// How to take up again the work of each plan that gave it up: by `set`
/// for a plan whose own status gave it up; a phase's status is no field
/// of the plan's header, so it is edited where the plan writes it.
fn take_up_again(out: &mut String, plans: &[(String, bool)]) {
    for (path, by_plan) in plans.iter().take(GIVEN_UP_NAMED) {
        let one = std::slice::from_ref(path);
        let _ = if *by_plan {
            writeln!(
                out,
                "  `planwright set {} status VALUE` to take it up again",
                plan_word(one)
            )
        } else {
            writeln!(
                out,
                "  a phase's status in {} gives it up: change it there to take it up again",
                visible(path)
            )
        };
    }
    if plans.len() > GIVEN_UP_NAMED {
        let left = plans.len() - GIVEN_UP_NAMED;
        let _ = writeln!(
            out,
            "  … and {}",
            crate::output::count(left, "more plan", "more plans")
        );
    }
}

/// The plan a hint's command names: the one plan concerned, as one shell
/// word, or `PLAN` where any of several may be meant, or the one was read
/// from standard input without a name (no command could name it).
fn plan_word(paths: &[String]) -> String {
    match paths {
        [path] if path != crate::stdin::STDIN_NAME => crate::output::shell_word(&visible(path)),
        _ => "PLAN".to_owned(),
    }
}

/// One plan's tasks that can start, in progress first, ids padded to
/// `id_width`.
fn ready_tasks(out: &mut String, plan: &[NextTask], id_width: usize) {
    let mut current: Option<(&str, Option<usize>)> = None;
    for t in plan {
        let group = if t.task.state == TaskState::InProgress.name() {
            "in progress"
        } else {
            "ready"
        };
        if current.map(|c| c.0) != Some(group) {
            let _ = writeln!(out, "  {group}");
        }
        let batch_changed = current.map(|c| c.1) != Some(t.batch);
        if let Some(b) = t.batch
            && batch_changed
        {
            let _ = writeln!(out, "    parallel batch {b}, can run at once:");
        }
        current = Some((group, t.batch));
        let indent = if t.batch.is_some() { "      " } else { "    " };
        let phase = whereabouts_text(t.phase_as_written.as_ref(), t.section.as_ref());
        let (id, text) = (
            crate::output::pad(&visible(&t.task.id), id_width),
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
}

/// The first waiting tasks by plan, each with what it still waits for, as
/// work in progress that waits is shown.
fn waiting(out: &mut String, blocked: &Blocked) {
    for plan in blocked.waiting.chunk_by(|a, b| a.path == b.path) {
        let _ = writeln!(out, "{}", visible(&plan[0].path));
        waiting_tasks(out, &plan.iter().collect::<Vec<_>>());
    }
    more_waiting(out, blocked);
}

/// One plan's waiting tasks listed, under `waiting`.
fn waiting_tasks(out: &mut String, plan: &[&WaitingTask]) {
    if !plan.is_empty() {
        out.push_str("  waiting\n");
    }
    for w in plan {
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
}

/// `… and 3 more waiting (-n 5 to see them)`, after waiting tasks listed
/// in part. `-n 0` lists none, and asks for no "more" either.
fn more_waiting(out: &mut String, blocked: &Blocked) {
    if blocked.more > 0 && !blocked.waiting.is_empty() {
        let _ = writeln!(
            out,
            "… and {} more waiting (-n {} to see them)",
            blocked.more, blocked.count
        );
    }
}

/// The last line under tasks that can start, when others wait and are
/// not listed: how many, and `how` to list them.
fn waiting_count(out: &mut String, blocked: &Blocked, how: &str) {
    if blocked.count > 0 {
        let _ = writeln!(
            out,
            "{} for others ({how})",
            crate::output::count(blocked.count, "open task waits", "open tasks wait")
        );
    }
}

/// `  (optional)` after a task Kiro marks optional (`- [ ]*`), as the
/// JSON's `optional` says: it may be skipped.
fn optional_mark(task: &TaskDoc) -> &'static str {
    if task.optional { "  (optional)" } else { "" }
}
