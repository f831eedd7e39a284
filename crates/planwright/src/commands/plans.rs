//! Reading many plans for `status` and `next`: found as `lint` finds them,
//! and read and parsed on the walker's threads.

use std::path::PathBuf;

use anyhow::Result;
use planwright_core::{DialectSet, ParseOptions, Plan};
use planwright_workspace::config::load_config;
use planwright_workspace::discover::{DiscoverError, discover_with};
use planwright_workspace::{SourceFile, read_plan_file};

/// A plan read and parsed.
pub struct Loaded {
    pub file: SourceFile,
    pub plan: Plan,
}

/// `summarize` applied to every plan under `paths`, in path order, and the
/// error message of each path or file that could not be read. Each plan is
/// dropped as soon as it is summarised, so a tree of 10,000 plans never
/// sits in memory at once.
pub fn load_all<T: Send>(
    paths: &[PathBuf],
    dialects: &DialectSet,
    summarize: impl Fn(&Loaded) -> T + Sync,
) -> Result<(Vec<T>, Vec<String>)> {
    let options = ParseOptions {
        dialects,
        ..ParseOptions::default()
    };
    // From the current folder up, as `lint` looks: `Path::new(".")` has no
    // ancestors to look in.
    let cwd = std::env::current_dir()?;
    let config = load_config(&cwd)?;
    // Read and parsed on the walker's threads as each plan is found, as
    // `lint` does, so the work starts while the walk goes on.
    let (results, errors) = discover_with(paths, &config, |path| {
        let file = read_plan_file(path).map_err(|e| e.to_string())?;
        let plan = file.parse(&options);
        Ok(summarize(&Loaded { file, plan }))
    });
    Ok(split(results, &errors))
}

/// What `discover_with`'s work gave for each file, in path order, and
/// every error met on the way (discovery first, then unreadable files);
/// shared by `lint`, `status` and `next`.
pub(crate) fn split<T>(
    results: Vec<(PathBuf, Result<T, String>)>,
    discover_errors: &[DiscoverError],
) -> (Vec<T>, Vec<String>) {
    split_with(results, discover_errors, ToString::to_string)
}

/// [`split`], with the errors in the caller's own type (`lint` keeps each
/// error's path).
pub(crate) fn split_with<T, E>(
    results: Vec<(PathBuf, Result<T, E>)>,
    discover_errors: &[DiscoverError],
    discovered: impl Fn(&DiscoverError) -> E,
) -> (Vec<T>, Vec<E>) {
    let mut errors: Vec<E> = discover_errors.iter().map(discovered).collect();
    let mut files = Vec::with_capacity(results.len());
    for (_, r) in results {
        match r {
            Ok(f) => files.push(f),
            Err(e) => errors.push(e),
        }
    }
    (files, errors)
}

/// The repository the current folder belongs to, as a relative path (`.`,
/// `../..`): the nearest folder above holding `planwright.toml` or `.git`,
/// or the current folder when there is none.
pub fn repository_root() -> PathBuf {
    let Ok(cwd) = std::env::current_dir() else {
        return PathBuf::from(".");
    };
    let depth = cwd
        .ancestors()
        .position(|d| d.join("planwright.toml").is_file() || d.join(".git").exists());
    match depth {
        Some(n) if n > 0 => (0..n).map(|_| "..").collect(),
        _ => PathBuf::from("."),
    }
}

/// One plan named on the command line.
pub fn load_one(path: &std::path::Path, dialects: &DialectSet) -> Result<Loaded> {
    // `-` is standard input, for every command that reads one plan.
    let file = crate::stdin::read(path, None)?;
    let plan = file.parse(&ParseOptions {
        dialects,
        ..ParseOptions::default()
    });
    Ok(Loaded { file, plan })
}

/// The status values the plan's dialect counts as finished, for `next` and
/// `graph` to read phase statuses by; none for a dialect the set lacks.
pub fn done_status<'d>(plan: &Plan, dialects: &'d DialectSet) -> &'d [String] {
    dialects
        .get(&plan.dialect.name)
        .map_or(&[], |d| d.descriptor.done_status.as_slice())
}

/// Prints the read errors and turns them into exit code 2.
pub fn report_errors(errors: &[String]) -> std::process::ExitCode {
    for e in errors {
        eprintln!("planwright: error: {e}");
    }
    if errors.is_empty() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(2)
    }
}
