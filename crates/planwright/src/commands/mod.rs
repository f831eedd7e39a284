//! One module per command; `run` dispatches.

mod init;
mod new;
mod show;
mod templates;

use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, Command};

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Init => init::run(),
        Command::New(args) => new::run(&args),
        Command::Show(args) => show::run(&args),
        Command::Schema => {
            let schema = planwright_core::json::plan_schema();
            crate::output::print_json(&schema)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Templates { action } => templates::run(action.as_ref()),
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "planwright", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}
