//! What `done` says beside its report, on standard error and in its
//! JSON's `notes`: a task ticked over open subtasks, a parent whose
//! subtasks are now all done, a task ticked or started that still waits
//! for others.

use std::path::Path;

use planwright_core::json::NodeIds;
use planwright_core::visible::visible;
use planwright_core::waits::Node;
use planwright_core::{Plan, StatusWords, TaskState};
use planwright_edit::track::{Graph, Waited};
use schemars::JsonSchema;
use serde::Serialize;

/// A note of `done`: what it is about, its tasks named as `next --format
/// json` names them, and the note's line as printed.
#[derive(Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(super) enum Note {
    /// A task ticked here whose subtasks (not optional, not ticked here
    /// too) are still open: its box says the work is over while part of it
    /// is not, which `lint` reports (PW210).
    OpenSubtasks {
        /// The task ticked.
        task: String,
        /// Every open subtask, where the note names the first three.
        subtasks: Vec<String>,
        /// The note as printed on standard error, without `note: ` (a
        /// control character in a name shown as its symbol, `␛`).
        message: String,
    },
    /// An open task whose subtasks are all done now (but optional ones):
    /// only its own box is left to tick, which `lint` reports (PW212) and
    /// `next` still offers.
    SubtasksDone {
        /// The task whose subtasks are done.
        task: String,
        /// Its optional subtasks left open.
        optional_open: usize,
        /// The command that ticks it.
        command: String,
        /// The note as printed on standard error, without `note: ` (a
        /// control character in a name shown as its symbol, `␛`).
        message: String,
    },
    /// A task ticked or started here that still waits for something, with
    /// the others of this command done: `next` would not have offered it,
    /// and `lint` reports a task done before what it depends on (PW213).
    StillWaits {
        /// The task ticked or started.
        task: String,
        /// As in `next --format json`: the `graph` node ids of the
        /// unfinished tasks and phases it waits for, and `plan` when the
        /// plan's own status says its work is held up.
        waits_for: Vec<String>,
        /// The note as printed on standard error, without `note: ` (a
        /// control character in a name shown as its symbol, `␛`).
        message: String,
    },
}

impl Note {
    /// The note's line on standard error.
    pub(super) fn line(&self) -> String {
        let (Note::OpenSubtasks { message, .. }
        | Note::SubtasksDone { message, .. }
        | Note::StillWaits { message, .. }) = self;
        format!("note: {message}\n")
    }
}

/// The notes on the tasks `changes` put in state `to`, in the order
/// printed: open subtasks, parents left with none open, waits. Undoing
/// has none.
pub(super) fn notes(
    p: &Plan,
    to: TaskState,
    changes: &[(usize, TaskState)],
    names: &NodeIds,
    words: StatusWords<'_>,
    plan: &Path,
) -> Vec<Note> {
    let mut notes = Vec::new();
    if changes.is_empty() {
        return notes;
    }
    if to == TaskState::Done {
        notes.extend(open_subtasks(p, changes, names));
        notes.extend(finished_parents(p, changes, names, plan));
    }
    if to != TaskState::Open {
        notes.extend(still_waiting(p, changes, names, words));
    }
    notes
}

/// A note for each task ticked or started here that still waits for
/// something. Read from the plan as it will be, so that `done T001 T002`
/// says nothing of T002's wait for T001.
fn still_waiting(
    p: &Plan,
    changes: &[(usize, TaskState)],
    names: &NodeIds,
    words: StatusWords<'_>,
) -> Vec<Note> {
    let mut after = p.clone();
    for &(i, state) in changes {
        after.tasks[i].state = state;
    }
    let graph = Graph::new(&after, words);
    let mut out = Vec::new();
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
        out.push(Note::StillWaits {
            task: names.tasks[i].clone(),
            waits_for: waits
                .iter()
                .map(|w| match *w {
                    Waited::Node(Node::Task(t)) => names.tasks[t].clone(),
                    Waited::Node(Node::Phase(q)) => names.phases[q].clone(),
                    Waited::Plan => "plan".to_owned(),
                })
                .collect(),
            message: format!(
                "{} still waits for {listed}; `planwright next` would not offer it yet",
                visible(&names.tasks[i]),
            ),
        });
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
/// ticked by this command too) are still open.
fn open_subtasks(p: &Plan, changes: &[(usize, TaskState)], names: &NodeIds) -> Vec<Note> {
    let ticked: Vec<usize> = changes.iter().map(|&(i, _)| i).collect();
    let mut out = Vec::new();
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
        out.push(Note::OpenSubtasks {
            task: names.tasks[parent].clone(),
            subtasks: open.iter().map(|&n| n.to_owned()).collect(),
            message: format!(
                "{} still has {}: {listed}",
                visible(&names.tasks[parent]),
                crate::output::count(open.len(), "open subtask", "open subtasks"),
            ),
        });
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
) -> Vec<Note> {
    let ticked: Vec<usize> = changes.iter().map(|&(i, _)| i).collect();
    let mut parents: Vec<usize> = ticked.iter().filter_map(|&i| p.tasks[i].parent).collect();
    parents.sort_unstable();
    parents.dedup();
    let left = p.open_over_done_subtasks_once(|i| ticked.contains(&i));
    let mut out = Vec::new();
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
        let command = format!(
            "planwright done {} {}",
            crate::output::shell_word(&plan.display().to_string()),
            crate::output::shell_word(&names.tasks[parent])
        );
        out.push(Note::SubtasksDone {
            message: format!(
                "{name} has no open subtask left{but}; tick it too with `{}`",
                visible(&command)
            ),
            task: names.tasks[parent].clone(),
            optional_open: optional,
            command,
        });
    }
    out
}
