//! `planwright next`: the tasks that can start now, for the plans and
//! folders of plans named, or every plan of the repository (from the
//! folder holding `planwright.toml` or `.git`).

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use planwright_core::json::{Locator, ProgressDoc, TaskDoc, TaskDocs, VERSION};
use planwright_core::{DialectSet, Progress, StatusReading, TaskState, read_status};
use planwright_edit::track::{
    Graph, Node, NodeNames, Waited, given_up_tasks, ready_in, waiting_in,
};
use planwright_lint::RuleSet;
use planwright_lint::render::FileError;
use schemars::JsonSchema;
use serde::Serialize;

use super::next_human::{Blocked, Held, HintPlans, human};
use super::next_waits::{
    CycleDoc, UnknownDoc, cycle_warnings, unknown_docs, waited_id, waited_name,
};
use super::next_where::{Whereabouts, name_sections};
use super::plans::{
    Loaded, error_docs, load_all, load_one_kept, load_repository, report_errors, status_words,
    unknown_dependencies, unknown_dependency_rules, unreadable_line,
};
use crate::cli::{Format, NextArgs};

/// What `planwright next --format json` prints, version 1: the tasks that
/// can start now, work in progress first (even while it waits for
/// something), each a task object of `show` with its plan's path and
/// parallel batch beside it, and the open tasks that wait (`blocked`),
/// each with what it waits for. When none can start, `progress`,
/// `waiting` and `checks_open` say why: every task done (`progress.open`
/// and `progress.in_progress` 0), open tasks that wait for others, or
/// only checks left.
// `planwright schema next` is derived from these types and their doc
// comments (see `schema`), so the published schema cannot drift. Fields
// are only ever added within a version (`progress`, `waiting`,
// `waiting_more`, `errors`, `unknown_dependencies` and `blocked` were),
// as `show`'s are.
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
    /// When no task can start, the first `-n` open tasks that wait for
    /// unfinished ones, in plan order, each with what it waits for, and
    /// else empty: why none can start. `blocked` lists them either way.
    waiting: &'a [WaitingTask],
    /// Waiting tasks left out of `waiting` by `-n`.
    waiting_more: usize,
    /// The first `-n` open tasks that wait for unfinished ones, as
    /// `waiting` lists them, whether or not some task can start.
    blocked: &'a [WaitingTask],
    /// Waiting tasks left out of `blocked` by `-n`.
    blocked_more: usize,
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
    /// other, so none of them can ever start (in `blocked`, they wait for
    /// each other). `graph` exits 1 on them and `lint` reports them
    /// (PW207).
    cycles: Vec<CycleDoc>,
    /// The dependencies on a phase or task a plan read does not have, as
    /// `lint` reports them (PW206) and `graph --format json` lists them,
    /// each with its plan's path, by plan: they hold nothing up, so no
    /// `waits_for` names them. Empty when there are none.
    unknown_dependencies: Vec<UnknownDoc>,
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

/// An open task that waits for others: a task object of `show` with its
/// plan's path and what it waits for.
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

/// What one plan contributes: its first ready tasks, its first waiting
/// tasks (when asked for, or none is ready), and its task counts.
struct PlanNext {
    /// Its path, as shown.
    path: String,
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
    /// The plan's own status gives its work up (else a phase's does, if
    /// any is given up).
    given_up_by_plan: bool,
    /// Each dependency on what the plan lacks, and its warning line: such
    /// a dependency holds nothing up, which the user should hear of.
    unknown: Vec<(UnknownDoc, String)>,
    /// Each dependency cycle, and its warning line.
    cycles: Vec<(CycleDoc, String)>,
}

pub fn run(args: &NextArgs) -> Result<ExitCode> {
    let project = crate::project::Project::current(args.dialect.as_deref())?;
    let dialects = &project.dialects;
    let rules = unknown_dependency_rules()?;
    let paths = &args.paths;
    // `--stdin-filename` alone reads standard input, as `lint`'s does.
    let one = match &paths[..] {
        _ if crate::stdin::only_input(paths, args.stdin.get())?.is_some() => Some(Path::new("-")),
        [path] if !path.is_dir() => Some(path.as_path()),
        _ => None,
    };
    let json = args.format == Format::Json;
    let asked = Asked {
        limit: args.limit,
        waiting: json || args.waiting,
    };
    let per_plan = |l: &Loaded| summarize(l, asked, dialects, &rules);
    let (plans, errors) = match one {
        Some(path) => match load_one_kept(path, args.stdin.get(), &project, json)? {
            Ok(loaded) => (vec![per_plan(&loaded)], Vec::new()),
            Err(error) => (Vec::new(), vec![error]),
        },
        // With no path, every plan of the repository, wherever it is run.
        None if paths.is_empty() => load_repository(&project, per_plan)?,
        // Files and folders, as `status` and `lint` take them: the plans
        // in the folders found as in the repository, each plan once
        // however often it is named, in path order; a path that cannot be
        // read is one of `errors`, and the others are still listed.
        None => load_all(paths, &project, per_plan)?,
    };
    let mut all: Vec<NextTask> = Vec::new();
    let mut waiting: Vec<WaitingTask> = Vec::new();
    let mut progress = Progress::default();
    let (mut ready, mut waiting_count, mut checks) = (0, 0, 0);
    let (mut held, mut held_only, mut given_up) = (Vec::new(), 0, 0);
    let mut hint_plans = HintPlans::default();
    let (mut unknown, mut warnings) = (Vec::new(), Vec::new());
    let (mut cycles, mut cycle_lines) = (Vec::new(), Vec::new());
    for (plan, p) in plans.into_iter().enumerate() {
        held.extend(p.held.map(|status| Held {
            path: p.path.clone(),
            status,
        }));
        held_only += p.held_only;
        given_up += p.given_up;
        if p.waiting_count > 0 {
            hint_plans.waiting.push(p.path.clone());
        }
        if p.checks > 0 {
            hint_plans.checks.push(p.path.clone());
        }
        if p.given_up > 0 {
            hint_plans.given_up.push((p.path, p.given_up_by_plan));
        }
        for (doc, line) in p.unknown {
            unknown.push(doc);
            warnings.push(line);
        }
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
    // In plan order, as each plan listed its first: the first `-n` of all.
    waiting.truncate(args.limit);
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
    match args.format {
        Format::Json => {
            crate::output::print_json(&NextDoc {
                version: VERSION,
                tasks: all,
                more,
                progress: progress.into(),
                // `waiting` says why nothing can start, as it did before
                // `blocked` came: filled only then.
                waiting: if ready == 0 { &waiting } else { &[] },
                waiting_more: if ready == 0 {
                    waiting_count - waiting.len()
                } else {
                    0
                },
                blocked_more: waiting_count - waiting.len(),
                blocked: &waiting,
                checks_open: checks,
                given_up,
                cycles,
                unknown_dependencies: unknown,
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
            // The waiting tasks are listed when none can start, else only
            // with `--waiting`, under their plans beside the ready ones:
            // sections are named where the tasks listed from one plan, of
            // either kind, come from more than one.
            let listed = args.waiting || ready == 0;
            let ready_sections = all.iter_mut().map(|t| (t.path.as_str(), &mut t.section));
            let waiting_sections = waiting
                .iter_mut()
                .filter(|_| listed)
                .map(|t| (t.path.as_str(), &mut t.section));
            name_sections(ready_sections.chain(waiting_sections));
            let blocked = Blocked {
                open: progress.total - progress.done,
                more: waiting_count - waiting.len(),
                count: waiting_count,
                waiting,
                listed: args.waiting,
                checks,
                held,
                held_only,
                given_up,
                plans: hint_plans,
            };
            let mut text = human(&all, more, &blocked, progress.total);
            text.push_str(&unreadable_line(&errors));
            crate::output::print(&text)?;
        }
    }
    // After the list, as `graph` prints them: the list is whole without
    // them, and `lint` is where they fail a build.
    for line in &warnings {
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

/// What `next` was asked to list of each plan.
#[derive(Clone, Copy)]
struct Asked {
    /// `-n`.
    limit: usize,
    /// The waiting tasks even when some task can start: for the JSON, and
    /// `--waiting`.
    waiting: bool,
}

/// The plan's first `limit` ready tasks (in progress first), and its
/// first `limit` waiting ones: since the output lists work in progress
/// across plans first, then plan order, no plan can place more than
/// `limit` tasks in either list.
fn summarize(l: &Loaded, asked: Asked, dialects: &DialectSet, rules: &RuleSet) -> PlanNext {
    let (plan, limit) = (&l.plan, asked.limit);
    let unknown = unknown_docs(l, &unknown_dependencies(l, dialects, rules));
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
    // Always counted; listed for the JSON and `--waiting`, and where the
    // plan has no ready task, as only such plans can leave the whole list
    // empty and the waiting tasks then say why. `-n 0` asks for counts
    // alone.
    let all = waiting_in(&graph, plan);
    let (mut waiting, mut held, mut held_only) = (Vec::new(), None, 0);
    if !all.is_empty() {
        held = plan.held_status(words).map(|f| f.value.trim().to_owned());
        held_only = all
            .iter()
            .filter(|(_, waits)| waits.as_slice() == [Waited::Plan])
            .count();
    }
    if !all.is_empty() && limit > 0 && (asked.waiting || ready.is_empty()) {
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
    let given_up = given_up_tasks(plan, words);
    let given_up_by_plan = given_up > 0
        && plan
            .status_value(words.field)
            .is_some_and(|f| read_status(&f.value, words.done) == StatusReading::Dropped);
    PlanNext {
        path: l.file.display(),
        given_up,
        given_up_by_plan,
        ready: ready.len(),
        tasks,
        waiting,
        waiting_count: all.len(),
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
