//! `planwright-bench`: generates a tree of plans (`gen`) and times
//! planwright over it (`run`) beside the floor, a bare two-thread
//! pulldown-cmark parse of the same files. A benchmark, never a test: it
//! prints numbers and asserts nothing.
//!
//! Build with `cargo build --release -p planwright -p planwright_bench`,
//! then `target/release/planwright-bench gen /tmp/plans` and
//! `target/release/planwright-bench run /tmp/plans`.

mod generate;
mod large;
mod scaling;
mod timing;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "planwright-bench", about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a deterministic tree of plans in every dialect.
    Gen {
        dir: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        plans: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Time the floor and planwright's commands over the tree.
    Run {
        dir: PathBuf,
        /// The planwright binary [default: next to this one].
        #[arg(long)]
        planwright: Option<PathBuf>,
        /// Runs per measurement; the median is reported.
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Only the cases whose name contains this text (the floor always
        /// runs, as the ratios' base); e.g. `--case "lint DIR"` to profile
        /// one case under `perf stat`.
        #[arg(long)]
        case: Option<String>,
    },
    /// Time planwright on plans that repeat one construct n and 2n times
    /// (long lines of slots, big paragraphs of fields, many directives):
    /// each time should double, no more.
    Scaling {
        /// The planwright binary [default: next to this one].
        #[arg(long)]
        planwright: Option<PathBuf>,
        /// n: how many times each plan repeats its construct.
        #[arg(long, default_value_t = 20_000)]
        size: usize,
        /// Runs per measurement; the median is reported.
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Only the shapes whose name contains this text.
        #[arg(long)]
        shape: Option<String>,
    },
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Gen { dir, plans, seed } => {
            let stats = generate::tree(&dir, plans, seed)?;
            println!(
                "wrote {} plans, {:.1} MB, to {}",
                stats.files,
                stats.bytes as f64 / 1e6,
                dir.display()
            );
            Ok(())
        }
        Command::Run {
            dir,
            planwright,
            runs,
            case,
        } => {
            let binary = binary_or_sibling(planwright)?;
            timing::run(&dir, &binary, runs.max(1), case.as_deref())
        }
        Command::Scaling {
            planwright,
            size,
            runs,
            shape,
        } => scaling::run(
            &binary_or_sibling(planwright)?,
            size.max(1),
            runs.max(1),
            shape.as_deref(),
        ),
    }
}

/// The planwright binary given, or the one built beside this one.
fn binary_or_sibling(given: Option<PathBuf>) -> Result<PathBuf> {
    match given {
        Some(p) => Ok(p),
        None => Ok(std::env::current_exe()?.with_file_name("planwright")),
    }
}
