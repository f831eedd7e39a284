//! `planwright next`: the tasks that can start now, for one plan, every
//! plan under a folder, or every plan of the repository (from the folder
//! holding `planwright.toml` or `.git`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use planwright_core::json::{Locator, ProgressDoc, TaskDoc, TaskDocs, VERSION};
use planwright_core::visible::visible;
use planwright_core::{DialectSet, Plan, Progress, StatusWords, TaskState};
use planwright_edit::track::{
    Graph, GraphCycle, Node, NodeNames, Waited, given_up_tasks, ready_in, status_says_held,
    waiting_tasks,
};
use planwright_lint::RuleSet;
use planwright_lint::render::FileError;
use schemars::JsonSchema;
use serde::Serialize;

use super::next_human::{Blocked, human};
use super::next_where::{Whereabouts, name_sections};
use super::plans::{
    Loaded, cycle_line, error_docs, load_all, load_one_kept, load_repository, report_errors,
    status_words, unknown_dependencies, unknown_dependency_rules, unknown_warnings,
    unreadable_line,
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
    /// Dependency cycles in the plans read: their tasks wait for each
    /// other, so none of them can start, and they are in no list here.
    /// `graph` exits 1 on them and `lint` reports them (PW207).
    cycles: Vec<CycleDoc>,
    /// The paths that could not be read, as `lint --format json` lists
    /// them; their tasks are in no count, and the run exits with 2 when
    /// there are any. Empty for a complete run.
    errors: Vec<FileError<'a>>,
}

#[derive(Serialize, JsonSchema)]
pub(super) struct NextTask {
    pub(super) path: String,
    /// Tasks sharing a batch number (within one plan) can run at once.
    pub(super) batch: Option<usize>,
    /// For a task in progress, the unfinished phases and tasks it still
    /// waits for, by their `graph` node ids, and `plan` when the plan's
    /// own status says its work is held up (`On hold`, `Blocked`): it
    /// started anyway, so it is listed. Present only when there are some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) waits_for: Vec<String>,
    /// `waits_for` for the terminal, a task-less phase with the status
    /// that keeps it unfinished, as the waiting list shows it.
    #[serde(skip)]
    pub(super) waits_for_shown: Vec<String>,
    /// Its phase as the plan writes it, for the terminal (see
    /// [`Whereabouts::phase`]): the task object's `phase` is unique in the
    /// document, ` (2)` and all.
    #[serde(skip)]
    pub(super) phase_as_written: Option<String>,
    /// The section that groups it in a plan without phases, by index and
    /// as shown (see [`Whereabouts::section`]); shown only beside tasks
    /// listed from other sections too ([`name_sections`]).
    #[serde(skip)]
    pub(super) section: Option<(usize, String)>,
    /// Its subtasks are all done (optional ones aside): what is left is
    /// to tick it, if its own work is done too (lint's PW212). Present
    /// only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) subtasks_done: bool,
    /// Its place among the tasks listed from its plan (0 for the first),
    /// and its plan's among the plans read; set once all are read.
    #[serde(skip)]
    pub(super) rank: (usize, usize),
    #[serde(flatten)]
    pub(super) task: TaskDoc,
}

/// An open task that waits for others, listed when no task can start: a
/// task object of `show` with its plan's path and what it waits for.
#[derive(Serialize, JsonSchema)]
pub(super) struct WaitingTask {
    pub(super) path: String,
    /// The unfinished phases and tasks it waits for, by their `graph` node
    /// ids, and `plan` when the plan's own status says its work is held up
    /// (`On hold`, `Blocked`), which holds every task of the plan as a
    /// phase's holds the phase's; never empty.
    pub(super) waits_for: Vec<String>,
    /// `waits_for` for the terminal, as [`NextTask`]'s.
    #[serde(skip)]
    pub(super) waits_for_shown: Vec<String>,
    /// As [`NextTask`]'s.
    #[serde(skip)]
    pub(super) phase_as_written: Option<String>,
    /// As [`NextTask`]'s.
    #[serde(skip)]
    pub(super) section: Option<(usize, String)>,
    /// Its `graph` node id, for the terminal: unique in the plan where
    /// the task object's `id` may repeat.
    #[serde(skip)]
    pub(super) node: String,
    #[serde(flatten)]
    pub(super) task: TaskDoc,
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
    /// Each dependency cycle, and its warning line.
    cycles: Vec<(CycleDoc, String)>,
}

/// A dependency cycle in a plan read: its tasks can never start.
#[derive(Serialize, JsonSchema)]
pub(super) struct CycleDoc {
    path: String,
    /// The `graph` node ids along the cycle, the first repeated at the
    /// end, as `graph --format json`'s `cycles` gives them.
    cycle: Vec<String>,
}

/// The cycles of `l`'s graph, each with the warning `next` prints after
/// its list, placed where `lint`'s PW207 places it.
fn cycle_warnings(l: &Loaded, cycles: &[GraphCycle]) -> Vec<(CycleDoc, String)> {
    let names = NodeNames::new(&l.plan);
    let locator = Locator::new(&l.file.text);
    let shown = visible(&l.file.display()).into_owned();
    cycles
        .iter()
        .map(|c| {
            let path: Vec<String> = c.path.iter().map(|&n| names.get(n).to_owned()).collect();
            let mut line = cycle_line("warning", &shown, &locator, c.at.start, &path);
            line.push_str("; its tasks can never start");
            let doc = CycleDoc {
                path: l.file.display(),
                cycle: path,
            };
            (doc, line)
        })
        .collect()
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
    let (mut cycles, mut cycle_lines) = (Vec::new(), Vec::new());
    for (plan, p) in plans.into_iter().enumerate() {
        held.extend(p.held);
        held_only += p.held_only;
        given_up += p.given_up;
        unknown.extend(p.unknown);
        for (doc, line) in p.cycles {
            cycles.push(doc);
            cycle_lines.push(line);
        }
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
                cycles,
                errors: error_docs(&errors),
            })?;
        }
        Format::Human => {
            // On a terminal each plan is listed once, its work in progress
            // above its ready tasks; the plan with the most urgent task
            // comes first. (JSON keeps the order of urgency across plans,
            // for an agent that takes the first task.)
            let mut first: HashMap<usize, (bool, bool)> = HashMap::new();
            for t in &all {
                let u = urgency(t);
                first
                    .entry(t.rank.1)
                    .and_modify(|f| *f = (*f).min(u))
                    .or_insert(u);
            }
            all.sort_by_key(|t| (first[&t.rank.1], t.rank.1, urgency(t), t.rank.0));
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
    for line in &cycle_lines {
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
    let graph = Graph::new(plan, words);
    let ready = ready_in(&graph, plan);
    // A cycle's tasks wait for each other: none is ready, and while
    // others are, none would be listed either. Said, not left out.
    let cycles = graph.cycles();
    let cycles: Vec<(CycleDoc, String)> = if cycles.is_empty() {
        Vec::new()
    } else {
        cycle_warnings(l, &cycles)
    };
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
        cycles,
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
