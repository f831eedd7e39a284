//! The `planwright` binary: argument parsing, dispatch and exit codes.
//!
//! Every command is a thin shell over the library crates; this file only
//! maps their results to the documented exit codes: 0 success, 1 findings
//! at error level (or a dependency cycle in `graph`), 2 usage or I/O error.

// First: its macros are used by the modules after it.
#[macro_use]
mod output;
mod cli;
mod commands;
mod dates;
mod dialect_choice;
mod guard;
mod locate;
mod project;
mod shown;
mod stdin;

// The system allocator, not mimalloc (which ruff ships): mimalloc's start-up
// (its options read from the environment, its arena reserved and faulted
// in) cost every run about 1 ms, a quarter of `lint` on one plan (4.1 vs
// 5.3 ms, medians of 400 runs), while over a tree of 10,000 plans glibc's
// malloc spent the same cycles within the runs' noise (+1-4% user cycles,
// fewer kernel ones).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    guard::install();
    let mut cli = cli::Cli::parse();
    if let Some(config) = cli.config.take() {
        project::name_config(config);
    }
    match guard::run(|| commands::run(cli)) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`planwright show x | head`) is not a failure.
            if err
                .chain()
                .filter_map(|e| e.downcast_ref::<std::io::Error>())
                .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            // Errors quote plans (task texts, values) and names: their
            // control characters must not reach the terminal raw.
            let message = format!("{err:#}");
            ewriteln!(
                "planwright: error: {}",
                planwright_core::visible::visible_lines(&message)
            );
            ExitCode::from(2)
        }
    }
}
