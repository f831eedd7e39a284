//! One module per command; `run` dispatches.

mod done;
mod done_notes;
mod edit_doc;
mod graph;
mod graph_draw;
mod init;
pub mod lint;
mod lint_errors;
mod lint_fix;
mod lint_output;
mod lint_settings;
mod log;
mod new;
mod next;
mod next_human;
mod next_waits;
mod next_where;
mod plans;
mod preview;
mod root_names;
mod rules;
mod set;
mod show;
mod status;
mod templates;

use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, Command, SchemaOutput};

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Init => init::run(),
        Command::New(args) => new::run(&args),
        Command::Lint(args) => lint::run(&args),
        Command::Rules { id, format } => rules::run(id.as_deref(), format),
        Command::Show(args) => show::run(&args),
        Command::Schema { output } => {
            let schema = match output {
                SchemaOutput::Show => planwright_core::json::plan_schema(),
                SchemaOutput::Lint => planwright_lint::render::json::schema(),
                SchemaOutput::LintStatistics => planwright_lint::render::statistics::schema(),
                SchemaOutput::Rules => planwright_lint::render::rules::schema(),
                SchemaOutput::Status => status::schema(),
                SchemaOutput::Next => next::schema(),
                SchemaOutput::Graph => graph::schema(),
                SchemaOutput::New => new::schema(),
                SchemaOutput::Done => done::schema(),
                SchemaOutput::Set => set::schema(),
                SchemaOutput::Log => log::schema(),
            };
            crate::output::print_json(&schema)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Templates { action } => templates::run(action.as_ref()),
        Command::Status(args) => status::run(&args),
        Command::Next(args) => next::run(&args),
        Command::Done(args) => done::run(&done::Asked {
            plan: &args.plan,
            tasks: &args.tasks,
            mode: done::Mode::from_start(args.start),
            diff: args.diff,
            format: args.format,
        }),
        Command::Undo(args) => done::run(&done::Asked {
            plan: &args.plan,
            tasks: &args.tasks,
            mode: done::Mode::Undo,
            diff: args.diff,
            format: args.format,
        }),
        Command::Set(args) => set::run(&args),
        Command::Log(args) => log::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Completions { shell } => {
            // Generated into memory first: clap_complete panics when its
            // writer fails (a full disk, a closed pipe), and output errors
            // are ours to report, as every other command does.
            let mut cmd = Cli::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "planwright", &mut script);
            crate::output::print(&String::from_utf8_lossy(&script))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
