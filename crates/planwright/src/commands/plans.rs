//! Reading many plans for `status` and `next`: found as `lint` finds them,
//! and read and parsed on the walker's threads.

use std::path::{Component, Path, PathBuf};

use crate::project::load_config;
use anyhow::Result;
use planwright_core::json::Locator;
use planwright_core::visible::visible;
use planwright_core::{DialectSet, Plan, StatusWords};
use planwright_lint::{Diagnostic, Layer, RuleSet};
use planwright_workspace::config::LoadedConfig;
use planwright_workspace::discover::{DiscoverError, discover_with, templates_named};
use planwright_workspace::source::display_path;
use planwright_workspace::{SourceFile, read_plan_file};

use super::lint_errors::{RunError, guarded};
use crate::project::Project;

/// A plan read and parsed.
pub struct Loaded {
    pub file: SourceFile,
    pub plan: Plan,
}

/// `summarize` applied to every plan under `paths`, in path order, and
/// each path or file that could not be read, kept with its path as `lint`
/// keeps them (for the JSON's `errors`). Each plan is dropped as soon as
/// it is summarised, so a tree of 10,000 plans never sits in memory at
/// once. A run that finds nothing at all warns, as `lint` does.
pub fn load_all<T: Send>(
    paths: &[PathBuf],
    project: &Project,
    summarize: impl Fn(&Loaded) -> T + Sync,
) -> Result<(Vec<T>, Vec<RunError>)> {
    load_walk(paths, project, Path::to_owned, summarize)
}

/// [`load_all`] over the whole repository (see [`repository_root`]),
/// each plan's path shown from the current folder, as `lint` run there
/// shows it: `specs/plan.md` from `docs/`, not `../docs/specs/plan.md`.
pub fn load_repository<T: Send>(
    project: &Project,
    summarize: impl Fn(&Loaded) -> T + Sync,
) -> Result<(Vec<T>, Vec<RunError>)> {
    let cwd = std::env::current_dir()?;
    let here = |path: &Path| from_here(path, &cwd);
    load_walk(&[repository_root()], project, here, summarize)
}

/// `path`, found under the repository's root as [`repository_root`]
/// writes it (`..`, `../..`), as a path from `cwd`: `../docs/specs/x.md`
/// from `/r/docs` is `specs/x.md`, `../other/x.md` stays. By the text
/// alone, which is exact here: `cwd` is the physical folder, so each `..`
/// is its parent.
fn from_here(path: &Path, cwd: &Path) -> PathBuf {
    let mut rest = path.components().peekable();
    while rest.next_if_eq(&Component::CurDir).is_some() {}
    let mut up = 0;
    while rest.next_if_eq(&Component::ParentDir).is_some() {
        up += 1;
    }
    let below = cwd
        .ancestors()
        .nth(up)
        .and_then(|base| cwd.strip_prefix(base).ok());
    let (Some(below), true) = (below, up > 0) else {
        return path.to_owned();
    };
    let (below, rest): (Vec<_>, Vec<_>) = (below.components().collect(), rest.collect());
    let shared = below.iter().zip(&rest).take_while(|(a, b)| a == b).count();
    let mut out: PathBuf = below[shared..].iter().map(|_| "..").collect();
    out.extend(&rest[shared..]);
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

/// [`load_all`], the plan found at each path read from where `shown`
/// says, which names the same file.
fn load_walk<T: Send>(
    paths: &[PathBuf],
    project: &Project,
    shown: impl Fn(&Path) -> PathBuf + Sync,
    summarize: impl Fn(&Loaded) -> T + Sync,
) -> Result<(Vec<T>, Vec<RunError>)> {
    // From the current folder up, as `lint` looks: `Path::new(".")` has no
    // ancestors to look in.
    let cwd = std::env::current_dir()?;
    let config = load_config(&cwd)?;
    // Read and parsed on the walker's threads as each plan is found, as
    // `lint` does, so the work starts while the walk goes on; each plan
    // inside a guard, its summary too.
    let (results, errors) = discover_with(paths, &config, |found| {
        let path = shown(found);
        guarded(&path, || {
            let file = read_plan_file(&path).map_err(|e| RunError::load(&path, &e))?;
            let plan = project
                .parse(&file)
                .map_err(|crash| RunError::crashed(&path, &crash))?;
            Ok(summarize(&Loaded { file, plan }))
        })
    });
    let (found, errors) = split_with(results, &errors, RunError::discovered);
    warn_unsearched(found.len() + errors.len(), paths, &config, Some("read"));
    Ok((found, errors))
}

/// A folder named that discovery skips as the local templates folder is
/// said to be, whatever else the run found: naming it finds no plan, and
/// "no plan files found" would hide why. Then a run that found no plan at
/// all says so on standard error, for the other paths: a mistyped folder
/// or globs that match nothing would otherwise pass for plans whose
/// work is all done ("0 plans", "nothing to do", "No problems found"), as
/// ruff warns when it finds no Python files. The exit code stays 0. `verb`
/// says what the command does with a file named outright ("read",
/// "checked"), when it takes every one (not `lint --only-plans`).
pub(crate) fn warn_unsearched(
    found: usize,
    paths: &[PathBuf],
    config: &LoadedConfig,
    verb: Option<&str>,
) {
    let templates = templates_named(paths, config);
    for &(path, itself) in &templates {
        let is = if itself { "is" } else { "is inside" };
        ewriteln!(
            "planwright: warning: {} {is} the local templates folder, which is never searched for plans: templates are not plans (name a template's file to read it, or list them with `planwright templates`)",
            visible(&display_path(path))
        );
    }
    let rest: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| !templates.iter().any(|(t, _)| t == p))
        .collect();
    if found > 0 || (!paths.is_empty() && rest.is_empty()) {
        return;
    }
    let shown: Vec<String> = if paths.is_empty() {
        vec![".".to_owned()]
    } else {
        rest.iter().map(|p| display_path(p)).collect()
    };
    let named = verb.map_or_else(String::new, |verb| {
        format!("; a file named on the command line is always {verb}")
    });
    ewriteln!(
        "planwright: warning: no plan files found in {} (a folder is searched for files named like plans: `plan.md`, `tasks.md`, `*-plan.md`, `plan_v2.md`, `specs/*/plan.md`, `.kiro/specs/**` …; `planwright init` writes the whole list into planwright.toml, and `[plans] include` there changes it{named})",
        visible(&shown.join(", "))
    );
}

/// What `discover_with`'s work gave for each file, in path order, and
/// every error met on the way (discovery first, then unreadable files),
/// in the caller's own error type; shared by `lint`, `status` and `next`.
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
pub(crate) fn repository_root() -> PathBuf {
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

/// One plan named on the command line; `-` is standard input, named by
/// `stdin_filename` (see [`crate::stdin::read`]).
pub fn load_one(path: &Path, stdin_filename: Option<&Path>, project: &Project) -> Result<Loaded> {
    let file = read_one(path, stdin_filename)?;
    let plan = project.parse_named(&file)?;
    Ok(Loaded { file, plan })
}

/// [`load_one`] for a report that lists what it could not read (the
/// JSON's `errors`): the error kept with its path, as a walk keeps it, so
/// one plan named gives the same document as several. Any other report
/// stops on the error, which goes to standard error alone.
pub fn load_one_kept(
    path: &Path,
    stdin_filename: Option<&Path>,
    project: &Project,
    keep: bool,
) -> Result<std::result::Result<Loaded, RunError>> {
    if !keep {
        return load_one(path, stdin_filename, project).map(Ok);
    }
    // Filed under the name the plan goes by (standard input's too), with
    // the line a read error is on, as a walk files its errors.
    let named = if crate::stdin::is_stdin(path) {
        crate::stdin::name(stdin_filename)
    } else {
        path.to_owned()
    };
    let file = match crate::stdin::read(path, stdin_filename) {
        Ok(file) => file,
        Err(e) => {
            return match e.downcast_ref::<planwright_workspace::LoadError>() {
                Some(load) => Ok(Err(RunError::load(&named, load))),
                // A usage error, not the file's.
                None => Err(e),
            };
        }
    };
    Ok(match project.parse_named(&file) {
        Ok(plan) => Ok(Loaded { file, plan }),
        Err(e) => Err(RunError::of(&named, e.to_string())),
    })
}

/// How the plan's dialect writes its status (its status field and done
/// values), for `next`, `status` and `graph` to read the plan's and its
/// phases' statuses by; a plain `Status` for a dialect the set lacks.
pub fn status_words<'d>(plan: &Plan, dialects: &'d DialectSet) -> StatusWords<'d> {
    dialects
        .get(&plan.dialect.name)
        .map_or_else(StatusWords::default, |d| StatusWords::of(&d.descriptor))
}

/// [`crate::stdin::read`], with the error's control characters made
/// [`visible`], line feeds included: the message names the file, and a
/// name holding a line feed must read as one line here as in the output
/// (`main` keeps line feeds, for messages that span lines; these never do).
pub fn read_one(path: &Path, stdin_filename: Option<&Path>) -> Result<SourceFile> {
    crate::stdin::read(path, stdin_filename)
        .map_err(|e| anyhow::anyhow!("{}", visible(&format!("{e:#}"))))
}

/// The errors of a run as the JSON reports list them: path and message.
pub fn error_docs(errors: &[RunError]) -> Vec<planwright_lint::render::FileError<'_>> {
    errors.iter().map(RunError::report).collect()
}

/// `N files could not be read` (or `1 file and 1 folder …`), the line a
/// human summary ends with when some could not (their errors are on
/// standard error); nothing otherwise.
pub fn unreadable_line(errors: &[RunError]) -> String {
    let u = super::lint_errors::unreadable(errors);
    let read: Vec<String> = [(u.files, "file", "files"), (u.folders, "folder", "folders")]
        .into_iter()
        .filter(|&(n, ..)| n > 0)
        .map(|(n, one, many)| crate::output::count(n, one, many))
        .collect();
    if read.is_empty() {
        String::new()
    } else {
        format!("{} could not be read\n", read.join(" and "))
    }
}

/// Prints the read errors, names made [`visible`] as in the output, and
/// turns them into exit code 2.
pub fn report_errors(errors: &[RunError]) -> std::process::ExitCode {
    for e in errors {
        ewriteln!("planwright: error: {}", visible(&e.line));
    }
    if errors.is_empty() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(2)
    }
}

/// The rule set of lint's PW206 alone, for [`unknown_dependencies`]:
/// built once for any number of plans.
pub fn unknown_dependency_rules() -> Result<RuleSet> {
    Ok(RuleSet::resolve(&[&Layer {
        select: Some(vec![UNKNOWN_DEPENDENCY.to_owned()]),
        ..Layer::default()
    }])?)
}

/// The plan's dependencies on what it does not have: lint's PW206 run
/// alone (`rules`, from [`unknown_dependency_rules`]), so that `graph`,
/// `next` and `lint` say the same of the same plan, an inline directive
/// that silences the rule included.
pub fn unknown_dependencies(
    loaded: &Loaded,
    dialects: &DialectSet,
    rules: &RuleSet,
) -> Vec<Diagnostic> {
    let ctx = planwright_lint::Context {
        source: &loaded.file.text,
        plan: &loaded.plan,
        dialect: dialects.get(&loaded.plan.dialect.name),
        // PW206 asks for no file; no other rule runs.
        locate: &|_| planwright_lint::Location::Missing,
    };
    planwright_lint::lint(&ctx, rules)
}

/// What `graph` (as an error) and `next` (as a warning) print of a
/// dependency cycle, placed where lint's PW207 places it, at the wait that
/// closes it: `planwright: LEVEL: FILE:LINE:COL: dependency cycle: T001 →
/// T002 → T001`. `path` names its nodes as `graph` does.
pub fn cycle_line(level: &str, shown: &str, locator: &Locator, at: u32, path: &[String]) -> String {
    let at = locator.position(at);
    format!(
        "planwright: {level}: {shown}:{}:{}: dependency cycle: {}",
        at.line,
        at.column,
        visible(&planwright_core::cycle_path(path))
    )
}

/// The code of lint's `unknown-dependency` rule.
const UNKNOWN_DEPENDENCY: &str = "PW206";

/// The warning lines `graph` and `next` print for `unknown` (see
/// [`unknown_dependencies`]): `planwright: warning: FILE:LINE:COL: T005
/// depends on T099, which does not exist`.
pub fn unknown_warnings(loaded: &Loaded, unknown: &[Diagnostic], locator: &Locator) -> Vec<String> {
    let shown = visible(&loaded.file.display()).into_owned();
    unknown
        .iter()
        .map(|d| {
            let at = locator.position(d.primary.range.start);
            format!(
                "planwright: warning: {shown}:{}:{}: {}",
                at.line,
                at.column,
                visible(&d.message)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_from_the_root_are_shown_from_the_current_folder() {
        let cwd = Path::new("/r/docs/specs");
        let here = |p: &str| from_here(Path::new(p), cwd).display().to_string();
        assert_eq!(here("../../docs/specs/a/plan.md"), "a/plan.md");
        assert_eq!(here("../../docs/plan.md"), "../plan.md");
        assert_eq!(here("../../other/plan.md"), "../../other/plan.md");
        assert_eq!(here("../../docs/specs"), ".");
        assert_eq!(here("./../specs/plan.md"), "plan.md");
        // Not from the root: as found.
        assert_eq!(here("a/plan.md"), "a/plan.md");
        assert_eq!(here("../../../../../x.md"), "../../../../../x.md");
    }
}
