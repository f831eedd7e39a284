//! `planwright next`: the tasks that can start now, for one plan, every
//! plan under a folder, or every plan of the repository (from the folder
//! holding `planwright.toml` or `.git`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use planwright_core::json::{Locator, ProgressDoc, TaskDoc, TaskDocs, VERSION};
use planwright_core::visible::visible;
use planwright_core::{DialectSet, Plan, Progress, StatusWords, TaskState};
use planwright_edit::track::{
    Node, NodeNames, Waited, given_up_tasks, ready_tasks, status_says_held, waiting_tasks,
};
use planwright_lint::RuleSet;
use planwright_lint::render::FileError;
use schemars::JsonSchema;
use serde::Serialize;

use super::next_where::{Whereabouts, name_sections, whereabouts_text};
use super::plans::{
    Loaded, error_docs, load_all, load_one_kept, load_repository, report_errors, status_words,
    unknown_dependencies, unknown_dependency_rules, unknown_warnings, unreadable_line,
};
use crate::cli::{Format, NextArgs};

/// What `planwright next --format json` prints, version 1: the tasks that
/// can start now, work in progress first (even while it waits for
/// something), each a task object of `show` with its plan's path and
/// parallel batch beside it. When none can, `progress` and `waiting` say
/// why: every task done (`progress.open` and `progress.in_progress` 0),
/// open tasks that wait for others (listed in `waiting`), or only checks
/// left (`checks_open`).
// `planwright schema next` is derived from these types and their doc
// comments (see `schema`), so the published schema cannot drift. Fields
// are only ever added within a version (`progress`, `waiting`,
// `waiting_more` and `errors` were), as `show`'s are.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "planwright next --format json")]
struct NextDoc<'a> {
    version: u32,
    /// Work in progress first, then tasks not marked optional, each part
    /// by plan. Over many plans `-n` takes each plan's first task, then
    /// each one's second, and so on.
    tasks: Vec<NextTask>,
    /// Tasks that could start but were left out by `-n`.
    more: usize,
    /// The tasks of every plan read, as `status` counts them: `total` 0
    /// means there are no tasks, `open` and `in_progress` 0 that all are
    /// done.
    progress: ProgressDoc,
    /// When no task can start (`tasks` empty and `more` 0): the first `-n`
    /// open tasks that wait for unfinished ones, in plan order, each with
    /// what it waits for. Empty whenever some task can start.
    waiting: Vec<WaitingTask>,
    /// Waiting tasks left out of `waiting` by `-n`.
    waiting_more: usize,
    /// Open definition-of-done items and acceptance criteria, in every
    /// plan read. They are ticked once they hold, never started, so no
    /// list here holds them: when no task can start and `waiting` is
    /// empty, they are what is left.
    checks_open: usize,
    /// Open tasks not offered because their plan's or phase's status says
    /// the work was given up (`Cancelled`, `Dropped`, `Skipped`): in no
    /// list here, as nobody is to do them.
    given_up: usize,
    /// The paths that could not be read, as `lint --format json` lists
    /// them; their tasks are in no count, and the run exits with 2 when
    /// there are any. Empty for a complete run.
    errors: Vec<FileError<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct NextTask {
    path: String,
    /// Tasks sharing a batch number (within one plan) can run at once.
    batch: Option<usize>,
    /// For a task in progress, the unfinished phases and tasks it still
    /// waits for, by their `graph` node ids, and `plan` when the plan's
    /// own status says its work is held up (`On hold`, `Blocked`): it
    /// started anyway, so it is listed. Present only when there are some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    waits_for: Vec<String>,
    /// `waits_for` for the terminal, a task-less phase with the status
    /// that keeps it unfinished, as the waiting list shows it.
    #[serde(skip)]
    waits_for_shown: Vec<String>,
    /// Its phase as the plan writes it, for the terminal (see
    /// [`Whereabouts::phase`]): the task object's `phase` is unique in the
    /// document, ` (2)` and all.
    #[serde(skip)]
    phase_as_written: Option<String>,
    /// The section that groups it in a plan without phases, by index and
    /// as shown (see [`Whereabouts::section`]); shown only beside tasks
    /// listed from other sections too ([`name_sections`]).
    #[serde(skip)]
    section: Option<(usize, String)>,
    /// Its subtasks are all done (optional ones aside): what is left is
    /// to tick it, if its own work is done too (lint's PW212). Present
    /// only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    subtasks_done: bool,
    /// Its place among the tasks listed from its plan (0 for the first),
    /// and its plan's among the plans read; set once all are read.
    #[serde(skip)]
    rank: (usize, usize),
    #[serde(flatten)]
    task: TaskDoc,
}

/// An open task that waits for others, listed when no task can start: a
/// task object of `show` with its plan's path and what it waits for.
#[derive(Serialize, JsonSchema)]
struct WaitingTask {
    path: String,
    /// The unfinished phases and tasks it waits for, by their `graph` node
    /// ids, and `plan` when the plan's own status says its work is held up
    /// (`On hold`, `Blocked`), which holds every task of the plan as a
    /// phase's holds the phase's; never empty.
    waits_for: Vec<String>,
    /// `waits_for` for the terminal, as [`NextTask`]'s.
    #[serde(skip)]
    waits_for_shown: Vec<String>,
    /// As [`NextTask`]'s.
    #[serde(skip)]
    phase_as_written: Option<String>,
    /// As [`NextTask`]'s.
    #[serde(skip)]
    section: Option<(usize, String)>,
    /// Its `graph` node id, for the terminal: unique in the plan where
    /// the task object's `id` may repeat.
    #[serde(skip)]
    node: String,
    #[serde(flatten)]
    task: TaskDoc,
}

/// What one plan contributes: its first ready tasks and its task counts;
/// when none is ready, its first waiting tasks and their count.
struct PlanNext {
    tasks: Vec<NextTask>,
    ready: usize,
    progress: Progress,
    waiting: Vec<WaitingTask>,
    waiting_count: usize,
    /// Open definition-of-done items and acceptance criteria.
    checks: usize,
    /// The plan's status, when it holds the plan's waiting tasks.
    held: Option<String>,
    /// Waiting tasks that wait for nothing but the plan's status.
    held_only: usize,
    /// Open tasks in work given up (see [`NextDoc`]'s `given_up`).
    given_up: usize,
    /// A warning line for each dependency on what the plan lacks: such a
    /// dependency holds nothing up, which the user should hear of.
    unknown: Vec<String>,
}

pub fn run(args: &NextArgs) -> Result<ExitCode> {
    let project = crate::project::Project::current(args.dialect.as_deref())?;
    let dialects = &project.dialects;
    let rules = unknown_dependency_rules()?;
    let named: Vec<PathBuf> = args.plan.iter().cloned().collect();
    // `--stdin-filename` alone reads standard input, as `lint`'s does.
    let one = match &args.plan {
        _ if crate::stdin::only_input(&named, args.stdin.get())?.is_some() => Some(Path::new("-")),
        Some(path) if !path.is_dir() => Some(path.as_path()),
        _ => None,
    };
    let (plans, errors) = match (one, &args.plan) {
        (Some(path), _) => {
            let json = args.format == Format::Json;
            match load_one_kept(path, args.stdin.get(), &project, json)? {
                Ok(loaded) => (
                    vec![summarize(&loaded, args.limit, dialects, &rules)],
                    Vec::new(),
                ),
                Err(error) => (Vec::new(), vec![error]),
            }
        }
        // A folder named (as `status` and `lint` take them) is searched for
        // plans the way the repository is when none is.
        (None, Some(folder)) => load_all(std::slice::from_ref(folder), &project, |l| {
            summarize(l, args.limit, dialects, &rules)
        })?,
        (None, None) => load_repository(&project, |l| summarize(l, args.limit, dialects, &rules))?,
    };
    let mut all: Vec<NextTask> = Vec::new();
    let mut waiting: Vec<WaitingTask> = Vec::new();
    let mut progress = Progress::default();
    let (mut ready, mut waiting_count, mut checks) = (0, 0, 0);
    let (mut held, mut held_only, mut given_up) = (Vec::new(), 0, 0);
    let mut unknown = Vec::new();
    for (plan, p) in plans.into_iter().enumerate() {
        held.extend(p.held);
        held_only += p.held_only;
        given_up += p.given_up;
        unknown.extend(p.unknown);
        all.extend(p.tasks.into_iter().enumerate().map(|(i, mut t)| {
            t.rank = (i, plan);
            t
        }));
        waiting.extend(p.waiting);
        progress.done += p.progress.done;
        progress.in_progress += p.progress.in_progress;
        progress.total += p.progress.total;
        ready += p.ready;
        waiting_count += p.waiting_count;
        checks += p.checks;
    }
    // Only when nothing can start do the waiting tasks say why; a plan
    // without a ready task beside one with some explains nothing.
    if ready > 0 {
        waiting.clear();
        waiting_count = 0;
    }
    // Work already under way first, across plans, then work that may not
    // be skipped. Over many plans, the limit takes each plan's first task,
    // then each one's second, and so on, so that one plan's long list does
    // not hide the rest; what is taken is listed by plan.
    let urgency = |t: &NextTask| {
        (
            t.task.state != TaskState::InProgress.name(),
            t.task.optional,
        )
    };
    all.sort_by_key(|t| (urgency(t), t.rank));
    let more = ready.saturating_sub(args.limit);
    all.truncate(args.limit);
    all.sort_by_key(|t| (urgency(t), t.rank.1, t.rank.0));
    name_sections(all.iter_mut().map(|t| (t.path.as_str(), &mut t.section)));
    match args.format {
        Format::Json => {
            waiting.truncate(args.limit);
            crate::output::print_json(&NextDoc {
                version: VERSION,
                tasks: all,
                more,
                progress: progress.into(),
                waiting_more: waiting_count - waiting.len(),
                waiting,
                checks_open: checks,
                given_up,
                errors: error_docs(&errors),
            })?;
        }
        Format::Human => {
            waiting.truncate(args.limit);
            name_sections(
                waiting
                    .iter_mut()
                    .map(|t| (t.path.as_str(), &mut t.section)),
            );
            let blocked = Blocked {
                open: progress.total - progress.done,
                more: waiting_count - waiting.len(),
                count: waiting_count,
                waiting,
                checks,
                held,
                held_only,
                given_up,
            };
            let mut text = human(&all, more, &blocked, progress.total);
            text.push_str(&unreadable_line(&errors));
            crate::output::print(&text)?;
        }
    }
    // After the list, as `graph` prints them: the list is whole without
    // them, and `lint` is where they fail a build.
    for line in &unknown {
        ewriteln!("{line}");
    }
    Ok(report_errors(&errors))
}

/// The JSON Schema of [`NextDoc`], for `planwright schema next`.
pub(crate) fn schema() -> serde_json::Value {
    schemars::schema_for!(NextDoc<'static>).into()
}

/// The plan's first `limit` ready tasks (in progress first): since the
/// output lists work in progress across plans first, then plan order, no
/// plan can place more than `limit` tasks in it.
fn summarize(l: &Loaded, limit: usize, dialects: &DialectSet, rules: &RuleSet) -> PlanNext {
    let plan = &l.plan;
    let unknown = unknown_dependencies(l, dialects, rules);
    let unknown = if unknown.is_empty() {
        Vec::new()
    } else {
        unknown_warnings(l, &unknown, &Locator::new(&l.file.text))
    };
    let words = status_words(plan, dialects);
    let ready = ready_tasks(plan, words);
    let mut tasks = Vec::new();
    if !ready.is_empty() && limit > 0 {
        // Only plans with something to list pay for a line index.
        let locator = Locator::new(&l.file.text);
        let (docs, names) = (TaskDocs::new(plan), NodeNames::new(plan));
        let whereabouts = Whereabouts::new(plan);
        let left = plan.open_over_done_subtasks();
        let path = l.file.display();
        tasks.extend(ready.iter().take(limit).filter_map(|r| {
            Some(NextTask {
                path: path.clone(),
                batch: r.batch,
                waits_for: r.waits_for.iter().map(|&w| waited_id(&names, w)).collect(),
                waits_for_shown: r
                    .waits_for
                    .iter()
                    .map(|&w| waited_name(plan, &names, w, words))
                    .collect(),
                phase_as_written: whereabouts.phase(r.task),
                section: whereabouts.section(r.task),
                subtasks_done: left[r.task] > 0,
                rank: (0, 0),
                task: docs.task(r.task, &locator)?,
            })
        }));
    }
    // Why nothing can start: only a plan without a ready task can leave
    // the whole list empty. `-n 0` asks for counts alone.
    let (mut waiting, mut waiting_count, mut held, mut held_only) = (Vec::new(), 0, None, 0);
    if ready.is_empty() {
        let all = waiting_tasks(plan, words);
        waiting_count = all.len();
        if !all.is_empty() {
            held = plan.held_status(words).map(|f| f.value.trim().to_owned());
            held_only = all
                .iter()
                .filter(|(_, waits)| waits.as_slice() == [Waited::Plan])
                .count();
        }
        if !all.is_empty() && limit > 0 {
            let locator = Locator::new(&l.file.text);
            let (docs, names) = (TaskDocs::new(plan), NodeNames::new(plan));
            let whereabouts = Whereabouts::new(plan);
            let path = l.file.display();
            waiting.extend(all.iter().take(limit).filter_map(|(i, waits)| {
                Some(WaitingTask {
                    path: path.clone(),
                    waits_for: waits.iter().map(|&w| waited_id(&names, w)).collect(),
                    waits_for_shown: waits
                        .iter()
                        .map(|&w| waited_name(plan, &names, w, words))
                        .collect(),
                    phase_as_written: whereabouts.phase(*i),
                    section: whereabouts.section(*i),
                    node: names.get(Node::Task(*i)).to_owned(),
                    task: docs.task(*i, &locator)?,
                })
            }));
        }
    }
    PlanNext {
        given_up: given_up_tasks(plan, words),
        ready: ready.len(),
        tasks,
        waiting,
        waiting_count,
        held,
        held_only,
        unknown,
        checks: plan
            .tasks
            .iter()
            .filter(|t| t.state != TaskState::Done && t.kind.is_check())
            .count(),
        progress: plan.progress(&plan.tasks),
    }
}

/// What a task waits for, as the JSON names it: a node by its `graph`
/// id, the plan held up by its status as `plan` (no node is named so: a
/// phase's id has its number, a task's is its own or `#N`).
fn waited_id(names: &NodeNames, waited: Waited) -> String {
    match waited {
        Waited::Node(node) => names.get(node).to_owned(),
        Waited::Plan => "plan".to_owned(),
    }
}

/// What a waiting task waits for, for the terminal: a node by its `graph`
/// name, with the status of a phase without tasks, or of one held up
/// (`Blocked`, `On hold`), and the plan held up by its status as `the plan
/// (status: On hold)`. That status is what keeps the phase unfinished or
/// the tasks waiting (see [`planwright_edit::track::Graph::new`]), and the
/// plan may well write it far from the tasks, in an overview or its header.
fn waited_name(plan: &Plan, names: &NodeNames, waited: Waited, words: StatusWords<'_>) -> String {
    let (name, status) = match waited {
        Waited::Node(node @ Node::Phase(p)) => {
            let status = plan.phases.get(p).and_then(|p| {
                let status = p.status.as_deref()?;
                (p.tasks.is_empty() || status_says_held(status, words.done)).then_some(status)
            });
            if status.is_none()
                && let Some(checks) = checks_left(plan, p)
            {
                return format!("{} ({checks})", names.get(node));
            }
            (names.get(node), status)
        }
        // A task set aside (deferred, struck through) may never be done:
        // the wait says so, as the user must decide what to do with it.
        Waited::Node(node @ Node::Task(t)) => {
            let kind = plan.tasks.get(t).map(|t| t.kind);
            return match kind.filter(|k| !k.counts()) {
                Some(kind) => format!("{} ({})", names.get(node), kind.name()),
                None => names.get(node).to_owned(),
            };
        }
        Waited::Plan => (
            "the plan",
            plan.held_status(words).map(|f| f.value.as_str()),
        ),
    };
    match status {
        Some(status) => format!("{name} (status: {})", status.trim()),
        None => name.to_owned(),
    }
}

/// What is left of phase `p` when all that is open in it is checks
/// (definition-of-done items, acceptance criteria): `1 check left to
/// tick: Login works`, `3 checks left to tick`. `next` lists no checks,
/// so a wait for such a phase would otherwise name nothing left to do.
fn checks_left(plan: &Plan, p: usize) -> Option<String> {
    // The work that keeps the phase unfinished, as `phase_finished` reads it.
    let open: Vec<&planwright_core::Task> = plan
        .phase_work(p)
        .filter(|t| t.state != TaskState::Done)
        .collect();
    if open.is_empty() || !open.iter().all(|t| t.kind.is_check()) {
        return None;
    }
    Some(match open.as_slice() {
        [one] => format!(
            "1 check left to tick: {}",
            crate::output::shorten(&visible(&one.text), 40)
        ),
        many => format!("{} checks left to tick", many.len()),
    })
}

/// Why no task can start, across the plans: the open tasks, and the first
/// of those waiting with what they wait for.
struct Blocked {
    open: usize,
    waiting: Vec<WaitingTask>,
    /// Waiting tasks left out of `waiting`.
    more: usize,
    /// Every waiting task, listed or not.
    count: usize,
    /// Open definition-of-done items and acceptance criteria: open, but
    /// neither ready nor waiting.
    checks: usize,
    /// The statuses of the plans held by them (`On hold`), one a plan.
    held: Vec<String>,
    /// Waiting tasks, listed or not, that wait for nothing but their
    /// plan's status.
    held_only: usize,
    /// Open tasks in work given up by its status.
    given_up: usize,
}

/// The widest id `next` pads the others to, in columns.
const ID_WIDTH_MAX: usize = 12;

/// The tasks by plan, in progress or ready, and parallel batch, with the
/// plan's text and paths made [`visible`]: a plan must not drive the
/// terminal it is shown on.
fn human(all: &[NextTask], more: usize, blocked: &Blocked, total: usize) -> String {
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
    let mut id_width: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
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
