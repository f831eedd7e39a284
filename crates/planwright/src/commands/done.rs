//! `planwright done` and `undo`: tick, untick or start tasks, one byte each.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use planwright_core::json::NodeIds;
use planwright_core::visible::visible;
use planwright_core::waits::Node;
use planwright_core::{Plan, StatusWords, TaskState};
use planwright_edit::ops::{Marks, check_can_start, check_startable, task_label};
use planwright_edit::track::{Graph, Waited};
use planwright_edit::{Change, Intent, OpFailure, edit_plan_as, resolve_all};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Done,
    Start,
    Undo,
}

impl Mode {
    pub fn from_start(start: bool) -> Self {
        if start { Mode::Start } else { Mode::Done }
    }

    fn state(self) -> TaskState {
        match self {
            Mode::Done => TaskState::Done,
            Mode::Start => TaskState::InProgress,
            Mode::Undo => TaskState::Open,
        }
    }
}

/// How much of a task's text a report line shows: a task can be one long
/// line (a pasted log, megabytes), and the id already names it.
const TEXT_SHOWN: usize = 80;

pub fn run(plan: &Path, tasks: &[String], mode: Mode, diff: bool) -> Result<ExitCode> {
    let command = match mode {
        Mode::Done | Mode::Start => "done",
        Mode::Undo => "undo",
    };
    refuse_stdin(command, plan)?;
    let to = mode.state();
    let project = crate::project::Project::current(None)?;
    let options = project.options(plan);
    let write = super::preview::mode(diff);
    let edited = edit_plan_as(plan, &options, write, |p, src| {
        if mode == Mode::Start {
            check_can_start(p, &project.dialects)?;
        }
        let chosen = resolve_all(p, src, tasks).map_err(OpFailure::from)?;
        if mode == Mode::Start {
            for &i in &chosen {
                check_startable(p, i)?;
            }
        }
        let marks = Marks::of(p);
        let mut edits = Vec::new();
        let mut changes = Vec::new();
        let mut report = String::new();
        let state = to.name().replace('_', " ");
        // A repeated id's tasks by the names `next` gives them (`T001
        // (1)`, `T001 (2)`), which also name them here.
        let names = NodeIds::new(p);
        for i in chosen {
            let id = if p.tasks[i].explicit_id {
                names.tasks[i].clone()
            } else {
                task_label(p, i)
            };
            let text = crate::output::shorten(&visible(&p.tasks[i].text), TEXT_SHOWN);
            if let Some(e) = marks.set_task_state(p, i, to) {
                // Started again, finished work is reopened: said, as a
                // wrong name would otherwise undo it unseen.
                let was = if to == TaskState::InProgress && p.tasks[i].state == TaskState::Done {
                    " (was done)"
                } else {
                    ""
                };
                let _ = writeln!(report, "{id} {state}{was}: {text}");
                edits.push(e);
                changes.push((i, to));
            } else {
                let _ = writeln!(report, "{id} already {state}: {text}");
            }
        }
        let words = super::plans::status_words(p, &project.dialects);
        let notes = match to {
            TaskState::Done => {
                open_subtasks(p, &changes, &names)
                    + &finished_parents(p, &changes, &names, plan)
                    + &still_waiting(p, &changes, &names, words)
            }
            TaskState::InProgress => still_waiting(p, &changes, &names, words),
            TaskState::Open => String::new(),
        };
        let change = Change {
            edits,
            intent: Intent::TaskStates(changes),
        };
        Ok((change, (report, notes)))
    })?;
    let (report, notes) = &edited.report;
    super::preview::finish(plan, &edited, write, report)?;
    eprint!("{notes}");
    Ok(ExitCode::SUCCESS)
}

/// A note for each task ticked or started here that still waits for
/// something, with the others of this command done: `next` would not have
/// offered it, and `lint` reports a task done before what it depends on
/// (PW213). Read from the plan as it will be, so that `done T001 T002`
/// says nothing of T002's wait for T001.
fn still_waiting(
    p: &Plan,
    changes: &[(usize, TaskState)],
    names: &NodeIds,
    words: StatusWords<'_>,
) -> String {
    if changes.is_empty() {
        return String::new();
    }
    let mut after = p.clone();
    for &(i, state) in changes {
        after.tasks[i].state = state;
    }
    let graph = Graph::new(&after, words);
    let mut out = String::new();
    for &(i, _) in changes {
        let waits = graph.task_waits(&after, i);
        if waits.is_empty() {
            continue;
        }
        let listed = first_few(waits.iter().map(|w| match *w {
            Waited::Node(Node::Task(t)) => visible(&names.tasks[t]).into_owned(),
            Waited::Node(Node::Phase(q)) => visible(&names.phases[q]).into_owned(),
            Waited::Plan => match after.held_status(words) {
                Some(f) => format!("the plan (status: {})", f.value.trim()),
                None => "the plan".to_owned(),
            },
        }));
        let _ = writeln!(
            out,
            "note: {} still waits for {listed}; `planwright next` would not offer it yet",
            visible(&names.tasks[i]),
        );
    }
    out
}

/// The first few of `names`, joined for a note, and `…` for any more: a
/// note names what to look at, `lint` and `next` list it all.
fn first_few(names: impl Iterator<Item = String>) -> String {
    /// Names a note shows before it only says there are more.
    const SHOWN: usize = 3;
    let mut names = names.peekable();
    let mut listed: Vec<String> = names.by_ref().take(SHOWN).collect();
    if names.peek().is_some() {
        listed.push("…".to_owned());
    }
    listed.join(", ")
}

/// A note for each task ticked here whose subtasks (not optional, not
/// ticked by this command too) are still open: the parent says the work
/// is over while part of it is not, which `lint` reports (PW210).
fn open_subtasks(p: &Plan, changes: &[(usize, TaskState)], names: &NodeIds) -> String {
    let ticked: Vec<usize> = changes.iter().map(|&(i, _)| i).collect();
    let mut out = String::new();
    for &parent in &ticked {
        let open: Vec<&str> = p
            .tasks
            .iter()
            .enumerate()
            .filter(|(i, t)| {
                t.parent == Some(parent) && t.holds_parent_open() && !ticked.contains(i)
            })
            .map(|(i, _)| names.tasks[i].as_str())
            .collect();
        if open.is_empty() {
            continue;
        }
        let listed = first_few(open.iter().map(|n| visible(n).into_owned()));
        let _ = writeln!(
            out,
            "note: {} still has {}: {listed}",
            visible(&names.tasks[parent]),
            crate::output::count(open.len(), "open subtask", "open subtasks"),
        );
    }
    out
}

/// A note for each open parent of a task ticked here whose subtasks are
/// now all done (optional ones and those set aside apart), with the
/// command that ticks it: Kiro's `1. Set up` is finished when its `1.1`,
/// `1.2` are, but only its box says so, and `next` still offers it.
fn finished_parents(
    p: &Plan,
    changes: &[(usize, TaskState)],
    names: &NodeIds,
    plan: &Path,
) -> String {
    let ticked: Vec<usize> = changes.iter().map(|&(i, _)| i).collect();
    let mut parents: Vec<usize> = ticked.iter().filter_map(|&i| p.tasks[i].parent).collect();
    parents.sort_unstable();
    parents.dedup();
    let left = p.open_over_done_subtasks_once(|i| ticked.contains(&i));
    let mut out = String::new();
    for parent in parents.into_iter().filter(|&parent| left[parent] > 0) {
        // Left open beside the done ones, and said so: optional work.
        let optional = p
            .tasks
            .iter()
            .enumerate()
            .filter(|&(i, t)| {
                t.parent == Some(parent)
                    && t.optional
                    && t.kind.counts()
                    && t.state != TaskState::Done
                    && !ticked.contains(&i)
            })
            .count();
        let name = visible(&names.tasks[parent]).into_owned();
        let but = match optional {
            0 => String::new(),
            n => format!(
                " but {}",
                crate::output::count(n, "optional one", "optional ones")
            ),
        };
        let _ = writeln!(
            out,
            "note: {name} has no open subtask left{but}; tick it too with `planwright done {} {}`",
            crate::output::shell_word(&plan.display().to_string()),
            crate::output::shell_word(&name)
        );
    }
    out
}

/// `-` reads standard input for the commands that only read a plan; the
/// editing ones write the file back in place, and there is none to write.
/// A file really named `-` is still reachable as `./-`.
pub(crate) fn refuse_stdin(command: &str, plan: &Path) -> Result<()> {
    if plan.as_os_str() == "-" {
        anyhow::bail!(
            "{command} edits a plan file in place and cannot edit standard input (`-`); name the file (`./-` for a file named `-`)"
        );
    }
    Ok(())
}
