//! `planwright status`: progress per phase (or, without phases, per group
//! of tasks) for one plan; one row per plan and the totals for folders.
//! Bars only on a terminal, so pipes and snapshots read plain numbers.
//! Tasks count as `next` reads them ([`Plan::progress`]): a
//! definition-of-done item or acceptance criterion marked `[-]` is open,
//! not in progress.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use planwright_core::json::{Locator, ProgressDoc, TaskDoc, TaskDocs, VERSION};
use planwright_core::visible::visible;
use planwright_core::{DialectSet, GroupBy, Plan, Progress, StatusWords, TaskState};
use planwright_edit::track::{Graph, Node, status_says_held};
use planwright_lint::render::FileError;
use schemars::JsonSchema;
use serde::Serialize;

use super::plans::{
    Loaded, error_docs, load_all, load_one_kept, report_errors, status_words, unreadable_line,
};
use crate::cli::{Format, StatusArgs};
use crate::output::{pad, width};

/// What `planwright status --format json` prints, version 1: a row per
/// plan, with its phases, the totals over all of them, and the files that
/// could not be read.
// `planwright schema status` is derived from these types and their doc
// comments (see `schema`), so the published schema cannot drift. Fields
// are only ever added within a version (`errors` was), as `show`'s are.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "planwright status --format json")]
struct StatusDoc<'a> {
    version: u32,
    plans: Vec<PlanStatus>,
    /// Over every plan listed.
    total: ProgressDoc,
    /// The paths that could not be read, as `lint --format json` lists
    /// them; they are not in `plans` or `total`, and the run exits with 2
    /// when there are any. Empty for a complete run.
    errors: Vec<FileError<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct PlanStatus {
    path: String,
    title: Option<String>,
    dialect: String,
    /// The value of the dialect's status field, if the plan has one.
    status: Option<String>,
    /// Whether that status says the plan's work is held up (`On hold`,
    /// `Blocked — waiting for the key`; not `Not blocked`), as a phase's
    /// `held` does: `next` offers none of its open tasks until it moves,
    /// and lists them waiting for `plan`.
    held: bool,
    /// Whether that status is the template's words left to fill (`Draft |
    /// In Progress | Completed`, `[STATUS]`), which nothing reads as the
    /// plan's status.
    status_left_to_fill: bool,
    progress: ProgressDoc,
    phases: Vec<PhaseStatus>,
    /// The tasks outside every phase, when the plan has phases and tasks
    /// outside them too (all its tasks, when no phase holds any): `phases`
    /// alone would not add up to `progress`.
    #[serde(skip_serializing_if = "Option::is_none")]
    outside_phases: Option<ProgressDoc>,
    /// For a plan without phases, its tasks by what groups them: the
    /// sections below the heading they all share (`## 1. Core`, `## 2.
    /// CLI`), when they stand in two or more; else its top-level tasks,
    /// each counted with its subtasks, when at least two and half of them
    /// hold subtasks (Kiro's `1. Set up` over `1.1`, `1.2`). Absent when
    /// there are fewer than two groups, and for a plan with phases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    groups: Vec<GroupStatus>,
    /// The tasks in no section of `groups` (a box straight under the
    /// heading they share), when there are such tasks: `groups` alone
    /// would not add up to `progress`. Never present for groups of tasks.
    #[serde(skip_serializing_if = "Option::is_none")]
    outside_groups: Option<ProgressDoc>,
    /// Every task, when one plan was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    tasks: Option<Vec<TaskDoc>>,
}

#[derive(Serialize, JsonSchema)]
struct PhaseStatus {
    /// Unique in the document, as `show` gives it: an id the plan repeats
    /// has ` (2)`, ` (3)`... after it from its second phase on.
    id: String,
    title: String,
    /// Id of the enclosing phase, for steps.
    parent: Option<String>,
    /// The phase's own status field as written (`**Status:** Done`), if
    /// it has one.
    status: Option<String>,
    /// Whether the phase is finished, as `next` reads it: all its tasks
    /// (its steps' included) done; for a phase without tasks, a status
    /// that reads as done, or none. `progress` of a phase without tasks
    /// is 0 of 0, whatever its status.
    finished: bool,
    /// Whether its status says its work is held up (`On hold`, `Blocked —
    /// waiting for the key`; not `Not blocked`): `next` offers none of its
    /// open tasks until it moves, and lists them waiting for the phase.
    held: bool,
    progress: ProgressDoc,
}

#[derive(Serialize, JsonSchema)]
struct GroupStatus {
    /// `section` or `task`: what makes the group.
    kind: GroupKind,
    /// The section's number (`2`, `7.1`), if it has one; the task's id, as
    /// `show` gives it.
    id: Option<String>,
    /// The section's title, or the task's text.
    title: String,
    progress: ProgressDoc,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
enum GroupKind {
    Section,
    Task,
}

pub fn run(args: &StatusArgs) -> Result<ExitCode> {
    let project = crate::project::Project::current(args.dialect.as_deref())?;
    let dialects = &project.dialects;
    let bars = std::io::stdout().is_terminal();
    let stdin = crate::stdin::only_input(&args.paths, args.stdin.get())?;
    let one = match &args.paths[..] {
        // `--stdin-filename` alone reads standard input, as `lint`'s does.
        _ if stdin.is_some() => Some(Path::new("-")),
        [one] if !one.is_dir() => Some(one.as_path()),
        _ => None,
    };
    if let Some(one) = one {
        let json = args.format == Format::Json;
        let l = match load_one_kept(one, args.stdin.get(), &project, json)? {
            Ok(l) => l,
            Err(error) => {
                let errors = [error];
                crate::output::print_json(&StatusDoc {
                    version: VERSION,
                    plans: Vec::new(),
                    total: Progress::default().into(),
                    errors: error_docs(&errors),
                })?;
                return Ok(report_errors(&errors));
            }
        };
        match args.format {
            Format::Json => crate::output::print_json(&StatusDoc {
                version: VERSION,
                plans: vec![plan_status(&l, true, dialects)],
                total: l.plan.progress(&l.plan.tasks).into(),
                errors: Vec::new(),
            })?,
            Format::Human => crate::output::print(&one_plan(&l, bars, dialects))?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (plans, errors) = load_all(&args.paths, &project, |l| plan_status(l, false, dialects))?;
    let total = plans.iter().fold(Progress::default(), |acc, p| Progress {
        done: acc.done + p.progress.done,
        in_progress: acc.in_progress + p.progress.in_progress,
        total: acc.total + p.progress.total,
    });
    match args.format {
        Format::Json => crate::output::print_json(&StatusDoc {
            version: VERSION,
            plans,
            total: total.into(),
            errors: error_docs(&errors),
        })?,
        Format::Human => {
            let mut text = table(&plans, total, bars);
            text.push_str(&unreadable_line(&errors));
            crate::output::print(&text)?;
        }
    }
    Ok(report_errors(&errors))
}

/// The JSON Schema of [`StatusDoc`], for `planwright schema status`.
pub(crate) fn schema() -> serde_json::Value {
    schemars::schema_for!(StatusDoc<'static>).into()
}

/// The value of the plan's status field, as its dialect names the field.
fn status_of(plan: &Plan, words: StatusWords<'_>) -> Option<String> {
    plan.status_field(words.field).map(|f| f.value.to_string())
}

/// Whether the plan writes a status field whose value is the template's
/// words (`Draft | In Progress | Completed`, `[STATUS]`): written, but no
/// status of the plan's, as nothing reads it as one.
fn status_left_to_fill(plan: &Plan, words: StatusWords<'_>) -> bool {
    plan.status_field(words.field)
        .is_some_and(|f| !f.value.trim().is_empty())
        && plan.status_value(words.field).is_none()
}

fn plan_status(l: &Loaded, with_tasks: bool, dialects: &DialectSet) -> PlanStatus {
    let plan = &l.plan;
    let docs = TaskDocs::new(plan);
    let words = status_words(plan, dialects);
    // As `next` and `graph` read it: a phase without tasks waits for what
    // it waits for.
    let graph = Graph::new(plan, words);
    let groups = plan.task_groups();
    PlanStatus {
        path: l.file.display(),
        title: plan.title.as_ref().map(|t| t.text.to_string()),
        dialect: plan.dialect.name.clone(),
        status: status_of(plan, words),
        held: plan.held_status(words).is_some(),
        status_left_to_fill: status_left_to_fill(plan, words),
        progress: plan.progress(&plan.tasks).into(),
        phases: plan
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| PhaseStatus {
                id: docs.phase_id(Some(i)).unwrap_or_default(),
                title: p.title.to_string(),
                parent: docs.phase_id(p.parent),
                status: p.status.as_ref().map(ToString::to_string),
                finished: graph.finished(plan, Node::Phase(i)),
                held: p
                    .status
                    .as_deref()
                    .is_some_and(|s| status_says_held(s, words.done)),
                progress: plan
                    .progress(p.tasks.iter().map(|&t| &plan.tasks[t]))
                    .into(),
            })
            .collect(),
        outside_phases: crate::shown::outside_phases(plan).map(|(_, p)| p.into()),
        groups: groups
            .iter()
            .flat_map(|g| &g.groups)
            .map(|g| {
                let (kind, id, title) = match g.by {
                    GroupBy::Section(s) => {
                        let s = &plan.sections[s];
                        let number = s.number.as_ref().map(ToString::to_string);
                        (GroupKind::Section, number, s.title.to_string())
                    }
                    GroupBy::Task(t) => (
                        GroupKind::Task,
                        docs.task_id(t),
                        plan.tasks[t].text.to_string(),
                    ),
                };
                GroupStatus {
                    kind,
                    id,
                    title,
                    progress: g.progress.into(),
                }
            })
            .collect(),
        outside_groups: groups.as_ref().and_then(|g| g.rest).map(Into::into),
        tasks: with_tasks.then(|| {
            let loc = Locator::new(&l.file.text);
            (0..plan.tasks.len())
                .filter_map(|t| docs.task(t, &loc))
                .collect()
        }),
    }
}

/// One plan: title, status, overall progress, then each phase and step.
/// Plan text and paths are made [`visible`] here and in [`table`]: a plan
/// must not drive the terminal it is shown on.
fn one_plan(l: &Loaded, bars: bool, dialects: &DialectSet) -> String {
    // The whole plan's counts are the largest of any row's.
    let bars = Shape::new(bars, l.plan.progress(&l.plan.tasks));
    let plan = &l.plan;
    let mut out = String::new();
    let title = crate::shown::title(plan);
    let _ = writeln!(out, "{title}  ({})", visible(&l.file.display()));
    let words = status_words(plan, dialects);
    if let Some(status) = status_of(plan, words) {
        // A plan held up holds all its tasks in `next`: the line says so,
        // as a phase's row does.
        let held = if plan.held_status(words).is_some() {
            "  (held: no task can start)"
        } else if status_left_to_fill(plan, words) {
            "  (left to fill)"
        } else {
            ""
        };
        let _ = writeln!(out, "  status   {}{held}", visible(&status));
    }
    let _ = writeln!(
        out,
        "  overall  {}",
        progress_text(plan.progress(&plan.tasks), bars)
    );
    if let Some(optional) = optional_open(plan) {
        let _ = writeln!(out, "  optional {optional}");
    }
    // A phase without tasks says how far it is by its status, if at all
    // (design and roadmap plans often tick nothing): its row shows that.
    let mut rows: Vec<(String, String)> = plan
        .phases
        .iter()
        .map(|p| {
            let depth = std::iter::successors(p.parent, |&i| plan.phases[i].parent).count();
            let mut name = format!("{}{}", "  ".repeat(depth), visible(&p.id));
            if !p.title.is_empty() {
                let _ = write!(name, ": {}", visible(&p.title));
            }
            let shown = if p.tasks.is_empty() {
                match &p.status {
                    Some(status) => format!(
                        "no tasks; status {}",
                        crate::output::shorten(&visible(status), 40)
                    ),
                    None => "no tasks".to_owned(),
                }
            } else {
                let progress =
                    progress_text(plan.progress(p.tasks.iter().map(|&t| &plan.tasks[t])), bars);
                // A phase held up holds its tasks in `next`: the row says why.
                match p
                    .status
                    .as_deref()
                    .filter(|s| status_says_held(s, words.done))
                {
                    Some(status) => format!(
                        "{progress}  held: {}",
                        crate::output::shorten(&visible(status), 40)
                    ),
                    None => progress,
                }
            };
            (crate::output::shorten(&name, 48), shown)
        })
        .collect();
    // Also when no phase holds a task: the plan has phases, and this row
    // says its tasks are in none of them.
    if let Some((name, outside)) = crate::shown::outside_phases(plan) {
        rows.push((name.to_owned(), progress_text(outside, bars)));
    }
    rows.extend(group_rows(plan, bars));
    if !rows.is_empty() {
        let columns = rows.iter().map(|(n, _)| width(n)).max().unwrap_or(0);
        let _ = writeln!(out);
        for (name, shown) in rows {
            let _ = writeln!(out, "  {}  {shown}", pad(&name, columns));
        }
    }
    out
}

/// The rows of a plan without phases, by what groups its tasks
/// ([`Plan::task_groups`]): `1. Core  7/7 100%`, then the tasks in no
/// section of them.
fn group_rows(plan: &Plan, bars: Shape) -> Vec<(String, String)> {
    let Some(groups) = plan.task_groups() else {
        return Vec::new();
    };
    let mut rows: Vec<(String, String)> = groups
        .groups
        .iter()
        .map(|g| {
            let name = crate::shown::group(plan, g.by);
            (
                crate::output::shorten(&name, 48),
                progress_text(g.progress, bars),
            )
        })
        .collect();
    if let Some((name, rest)) = groups.rest.map(crate::shown::outside_groups) {
        rows.push((name.to_owned(), progress_text(rest, bars)));
    }
    rows
}

/// The open tasks marked optional (Kiro's `- [ ]*`), by id, out of all
/// open ones: `2 of 5 open tasks: 2.2, 3`. They count in the totals like
/// any other, and the JSON marks them, so the terminal says which they
/// are. `None` when there are none.
fn optional_open(plan: &Plan) -> Option<String> {
    /// At most this many ids are listed; `…` stands for the rest.
    const SHOWN: usize = 8;
    let open: Vec<_> = plan
        .tasks
        .iter()
        .filter(|t| t.optional && t.state != TaskState::Done)
        .collect();
    if open.is_empty() {
        return None;
    }
    let mut ids: Vec<String> = open
        .iter()
        .take(SHOWN)
        .map(|t| visible(&t.id).into_owned())
        .collect();
    if open.len() > SHOWN {
        ids.push("…".to_owned());
    }
    let all_open = plan
        .tasks
        .iter()
        .filter(|t| t.state != TaskState::Done)
        .count();
    Some(format!(
        "{} of {}: {}",
        open.len(),
        crate::output::count(all_open, "open task", "open tasks"),
        ids.join(", ")
    ))
}

/// Many plans: a row each, then the totals.
fn table(plans: &[PlanStatus], total: Progress, bars: bool) -> String {
    // The total's counts are the largest of any row's.
    let bars = Shape::new(bars, total);
    let mut out = String::new();
    let rows: Vec<(Cow<'_, str>, String, Progress, bool)> = plans
        .iter()
        .map(|p| {
            // The template's words are cut short as a status would be, but
            // are none: the column says what they are.
            let status = if p.status_left_to_fill {
                Cow::Borrowed("(left to fill)")
            } else {
                visible(p.status.as_deref().unwrap_or("-"))
            };
            let progress = Progress {
                done: p.progress.done,
                in_progress: p.progress.in_progress,
                total: p.progress.total,
            };
            (
                visible(&p.path),
                crate::output::shorten(&status, 20),
                progress,
                p.held && progress.done < progress.total,
            )
        })
        .collect();
    let pw = rows.iter().map(|r| width(&r.0)).max().unwrap_or(4).max(4);
    let sw = rows.iter().map(|r| width(&r.1)).max().unwrap_or(6).max(6);
    let _ = writeln!(out, "{}  {}  progress", pad("plan", pw), pad("status", sw));
    for (path, status, p, held) in &rows {
        // The status column is cut short; that it holds the plan's work
        // (`next` offers none of it) is said in full.
        let held = if *held {
            "  held: no task can start"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{}  {}  {}{held}",
            pad(path, pw),
            pad(status, sw),
            progress_text(*p, bars)
        );
    }
    let _ = writeln!(
        out,
        "{}  {}  {}",
        pad(&crate::output::count(plans.len(), "plan", "plans"), pw),
        pad("", sw),
        progress_text(total, bars)
    );
    out
}

/// How one view writes progress: with a bar (on a terminal) or not, and
/// the widths of its largest counts, so that every row's columns line up
/// (`199/200` over `999/1000`), at least three digits each.
#[derive(Clone, Copy)]
pub(crate) struct Shape {
    bars: bool,
    done: usize,
    total: usize,
}

impl Shape {
    /// For a view none of whose counts is larger than `widest`'s.
    pub(crate) fn new(bars: bool, widest: Progress) -> Self {
        let digits = |n: usize| n.to_string().len().max(3);
        Self {
            bars,
            done: digits(widest.done),
            total: digits(widest.total),
        }
    }
}

/// `12/30  40%` with the in-progress count, and a bar on a terminal. The
/// percentage is rounded to a whole number, except that 100% only ever
/// means done and 0% nothing done (199 of 200 is 99%; the JSON says 99.5);
/// with no tasks, `0/0  -`.
pub(crate) fn progress_text(p: Progress, shape: Shape) -> String {
    let mut s = String::new();
    if shape.bars {
        const WIDTH: usize = 20;
        let filled = (p.done * WIDTH).checked_div(p.total).unwrap_or(0);
        let _ = write!(s, "[{}{}] ", "#".repeat(filled), "-".repeat(WIDTH - filled));
    }
    let (dw, tw) = (shape.done, shape.total);
    if p.total == 0 {
        // Nothing to count: no percentage, which would read as no progress
        // (`show` says "none"; the JSON's percent stays 0).
        let _ = write!(s, "{:>dw$}/{:<tw$} {:>4}", 0, 0, "-");
    } else {
        let percent = p.percent_whole();
        let _ = write!(s, "{:>dw$}/{:<tw$} {percent:>3}%", p.done, p.total);
    }
    if p.in_progress > 0 {
        let _ = write!(s, "  ({} in progress)", p.in_progress);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_with_progress() {
        let p = Progress {
            done: 5,
            in_progress: 1,
            total: 10,
        };
        let bars = Shape::new(true, p);
        assert_eq!(
            progress_text(p, bars),
            "[##########----------]   5/10   50%  (1 in progress)"
        );
        let plain = Shape::new(false, Progress::default());
        assert_eq!(progress_text(Progress::default(), plain), "  0/0      -");
    }

    /// `done` of `total` tasks, none in progress.
    fn p(done: usize, total: usize) -> Progress {
        Progress {
            done,
            in_progress: 0,
            total,
        }
    }

    #[test]
    fn percentages_round_to_the_nearest_short_of_the_ends() {
        let shape = Shape::new(false, p(200, 300));
        let progress_text = |p| progress_text(p, shape);
        assert_eq!(progress_text(p(7, 54)), "  7/54   13%");
        assert_eq!(progress_text(p(2, 3)), "  2/3    67%");
        assert_eq!(progress_text(p(199, 200)), "199/200  99%");
        assert_eq!(progress_text(p(200, 200)), "200/200 100%");
        assert_eq!(progress_text(p(1, 300)), "  1/300   1%");
        assert_eq!(progress_text(p(0, 300)), "  0/300   0%");
    }

    #[test]
    fn columns_line_up_over_the_largest_counts() {
        // A view's widest counts set every row's widths.
        let shape = Shape::new(false, p(1198, 1200));
        let rows = [p(199, 200), p(999, 1000), p(0, 0)].map(|p| progress_text(p, shape));
        assert_eq!(rows, [" 199/200   99%", " 999/1000  99%", "   0/0       -"]);
    }
}
