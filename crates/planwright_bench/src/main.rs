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
            let binary = match planwright {
                Some(p) => p,
                None => std::env::current_exe()?.with_file_name("planwright"),
            };
            timing::run(&dir, &binary, runs.max(1), case.as_deref())
        }
    }
}
