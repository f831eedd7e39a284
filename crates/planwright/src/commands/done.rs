//! `planwright done` and `undo`: tick, untick or start tasks, one byte each.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use planwright_core::TaskState;
use planwright_core::json::{Locator, NodeIds, TaskDoc, TaskDocs, VERSION};
use planwright_core::visible::visible;
use planwright_edit::ops::{Marks, check_can_start, check_startable, task_label};
use planwright_edit::{Change, Intent, OpFailure, edit_plan_as, resolve_all};
use schemars::JsonSchema;
use serde::Serialize;

use super::done_notes::{self, Note};
use super::edit_doc::FileDoc;
use crate::cli::Format;

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

/// What `done`, `undo` and `done --start` were asked.
pub struct Asked<'a> {
    pub plan: &'a Path,
    pub tasks: &'a [String],
    pub mode: Mode,
    pub diff: bool,
    pub format: Format,
}

pub fn run(asked: &Asked<'_>) -> Result<ExitCode> {
    let Asked {
        plan, tasks, mode, ..
    } = *asked;
    let command = match mode {
        Mode::Done | Mode::Start => "done",
        Mode::Undo => "undo",
    };
    refuse_stdin(command, plan)?;
    let to = mode.state();
    let project = crate::project::Project::current(None)?;
    let options = project.options(plan);
    let write = super::preview::mode(asked.diff);
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
        let mut told = Vec::new();
        // A repeated id's tasks by the names `next` gives them (`T001
        // (1)`, `T001 (2)`), which also name them here.
        let names = NodeIds::new(p);
        let docs = TaskDocs::new(p);
        let locator = Locator::new(src);
        for i in chosen {
            let label = if p.tasks[i].explicit_id {
                names.tasks[i].clone()
            } else {
                task_label(p, i)
            };
            let edit = marks.set_task_state(p, i, to);
            if edit.is_some() {
                changes.push((i, to));
            }
            told.push(Told {
                label,
                text: crate::output::shorten(&visible(&p.tasks[i].text), TEXT_SHOWN),
                was: p.tasks[i].state,
                changed: edit.is_some(),
                doc: docs.task(i, &locator),
            });
            edits.extend(edit);
        }
        let words = super::plans::status_words(p, &project.dialects);
        let notes = done_notes::notes(p, to, &changes, &names, words, plan);
        let change = Change {
            edits,
            intent: Intent::TaskStates(changes),
        };
        Ok((change, (told, notes)))
    })?;
    let (told, notes) = &edited.report;
    match asked.format {
        Format::Human => {
            let state = to.name().replace('_', " ");
            let mut report = String::new();
            for t in told {
                let (label, text) = (&t.label, &t.text);
                if !t.changed {
                    let _ = writeln!(report, "{label} already {state}: {text}");
                    continue;
                }
                // Started again, finished work is reopened: said, as a
                // wrong name would otherwise undo it unseen.
                let was = if to == TaskState::InProgress && t.was == TaskState::Done {
                    " (was done)"
                } else {
                    ""
                };
                let _ = writeln!(report, "{label} {state}{was}: {text}");
            }
            super::preview::finish(plan, &edited, write, &report)?;
        }
        Format::Json => {
            let doc = DoneDoc {
                version: VERSION,
                file: FileDoc::new(plan, &edited, write),
                tasks: told
                    .iter()
                    .filter_map(|t| {
                        let mut task = t.doc.clone()?;
                        if t.changed {
                            task.state = to.name();
                        }
                        Some(DoneTask {
                            old_state: t.was.name(),
                            changed: t.changed,
                            task,
                        })
                    })
                    .collect(),
                notes,
            };
            crate::output::print_json(&doc)?;
        }
    }
    for note in notes {
        ewrite!("{}", note.line());
    }
    Ok(ExitCode::SUCCESS)
}

/// What the report says of one task named.
struct Told {
    /// Its id, or `#N` without one: what the user can type back.
    label: String,
    /// Its text, shortened and made visible.
    text: String,
    was: TaskState,
    changed: bool,
    /// Its task object for the JSON, as `show` gives it.
    doc: Option<TaskDoc>,
}

/// The JSON Schema of [`DoneDoc`], for `planwright schema done`.
pub(crate) fn schema() -> serde_json::Value {
    schemars::schema_for!(DoneDoc<'static>).into()
}

/// What `planwright done --format json` prints, version 1, and `undo
/// --format json` too: the plan and whether it was written, each task
/// named with its state before and after, and the notes printed on
/// standard error.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "planwright done --format json")]
struct DoneDoc<'a> {
    version: u32,
    #[serde(flatten)]
    file: FileDoc,
    /// The tasks named, in the order named, each once: a task object of
    /// `show`, named as `next --format json` names it (`T012 (1)` for a
    /// repeated id), with its `state` as the command leaves it (with
    /// `--diff`, would leave it; its line and ranges are the same before
    /// and after, as only the mark between the brackets changes).
    tasks: Vec<DoneTask>,
    /// What the command notes of the tasks ticked or started, as on
    /// standard error; empty for `undo`.
    notes: &'a [Note],
}

#[derive(Serialize, JsonSchema)]
struct DoneTask {
    /// `open`, `done` or `in_progress`: its state before the command.
    old_state: &'static str,
    /// Whether its state changed: false for a task already as asked.
    changed: bool,
    #[serde(flatten)]
    task: TaskDoc,
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
