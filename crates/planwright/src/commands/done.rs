//! `planwright done` and `undo`: tick, untick or start tasks, one byte each.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use planwright_core::visible::visible;
use planwright_core::{ParseOptions, TaskState};
use planwright_edit::ops::{Marks, check_can_start};
use planwright_edit::{Change, Intent, OpFailure, edit_plan, resolve_all};

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

pub fn run(plan: &Path, tasks: &[String], mode: Mode) -> Result<ExitCode> {
    let to = mode.state();
    let project = crate::project::Project::current()?;
    let options = ParseOptions {
        dialects: &project.dialects,
        ..ParseOptions::default()
    };
    let edited = edit_plan(plan, &options, |p, _src| {
        if mode == Mode::Start {
            check_can_start(p, &project.dialects)?;
        }
        let chosen = resolve_all(p, tasks).map_err(OpFailure::from)?;
        let marks = Marks::of(p);
        let mut edits = Vec::new();
        let mut changes = Vec::new();
        let mut report = String::new();
        for i in chosen {
            let t = &p.tasks[i];
            let id = if t.explicit_id {
                t.id.to_string()
            } else {
                format!("#{}", i + 1)
            };
            let state = to.name().replace('_', " ");
            if let Some(e) = marks.set_task_state(p, i, to) {
                let _ = writeln!(report, "{id} {state}: {}", visible(&t.text));
                edits.push(e);
                changes.push((i, to));
            } else {
                let _ = writeln!(report, "{id} already {state}: {}", visible(&t.text));
            }
        }
        let change = Change {
            edits,
            intent: Intent::TaskStates(changes),
        };
        Ok((change, report))
    })?;
    crate::output::print(&edited.report)?;
    Ok(ExitCode::SUCCESS)
}
