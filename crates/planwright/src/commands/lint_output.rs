//! What a `lint` run prints, once its files are linted: the renderers of
//! the formats that print file by file, and for the rest of the run
//! (`--fix`, `--diff`, `--statistics`, JSON and SARIF) the whole of it at
//! the end. Apart from `lint.rs`, which finds and lints the files and
//! picks the exit code: this is where the run's findings meet the
//! formats, and where GitHub's readers get paths named from the
//! repository's root.

use std::borrow::Cow;
use std::io::IsTerminal;

use planwright_core::visible::visible;
use planwright_lint::Diagnostic;
use planwright_lint::render::{self, FileError, FileReport, Summary};
use rayon::prelude::*;

use super::lint::{ColorWhen, LintArgs, LintFormat, Linted};
use super::lint_errors::RunError;
use super::lint_fix::{self, Apply};
use super::lint_settings::Settings;
use super::root_names::RootNames;

pub(super) type PerFile = dyn Fn(&FileReport<'_>) -> String + Sync + Send;

/// The renderer of a format that prints each file on its own, so it can
/// run as soon as the file is linted; `None` for the formats that print
/// the run as one document (JSON, SARIF).
pub(super) fn per_file_renderer(format: LintFormat, color: bool) -> Option<Box<PerFile>> {
    match format {
        LintFormat::Human => Some(Box::new(move |r| render::human::render_file(r, color))),
        LintFormat::Concise => Some(Box::new(|r| {
            render::concise::render(std::slice::from_ref(r))
        })),
        LintFormat::Github => {
            // Annotations name files from the repository's root.
            let names = RootNames::current();
            Some(Box::new(move |r| {
                let (path, _) = names.name(r.path, None);
                render::github::render(&[FileReport { path: &path, ..*r }])
            }))
        }
        LintFormat::Json | LintFormat::Sarif => None,
    }
}

/// The workflow commands for the paths that could not be read or
/// written, named from the repository's root.
pub(super) fn github_errors(errors: &[RunError]) -> String {
    let mut held = Vec::new();
    render::github::render_errors(&root_named(errors, &RootNames::current(), &mut held))
}

/// A file's name and exact bytes as [`RootNames`] gives them.
type RootName<'a> = (Cow<'a, str>, Option<Cow<'a, [u8]>>);

/// The reports of `errors`, their files named from the repository's root
/// for the formats GitHub reads; `held` keeps the names they borrow.
fn root_named<'a>(
    errors: &'a [RunError],
    names: &RootNames,
    held: &'a mut Vec<RootName<'a>>,
) -> Vec<FileError<'a>> {
    let failed: Vec<FileError<'a>> = errors.iter().map(RunError::report).collect();
    held.extend(failed.iter().map(|e| names.name(e.path, e.exact_path)));
    let held: &'a [RootName<'a>] = held;
    failed
        .iter()
        .zip(held)
        .map(|(e, (path, exact))| FileError {
            path,
            exact_path: exact.as_deref(),
            ..*e
        })
        .collect()
}

/// `--fix` or `--diff`, then what to print: the patch, or the findings
/// left in the format asked for.
pub(super) fn whole_run(
    args: &LintArgs,
    linted: &mut [Linted],
    settings: &Settings,
    errors: &mut Vec<RunError>,
    mode: Apply,
) -> String {
    // Those that come after are files that could not be written.
    let unreadable = errors.len();
    if args.fix || args.diff {
        let outcome = lint_fix::apply(linted, args.unsafe_fixes, mode, settings, errors);
        if args.diff {
            // An empty patch is no proof there is nothing to fix: say what
            // --unsafe-fixes would add, as ruff does.
            let held = if args.unsafe_fixes || !outcome.patch.is_empty() {
                0
            } else {
                Summary::of(&linted.iter().map(Linted::report).collect::<Vec<_>>()).unsafe_fixable
            };
            if held > 0 {
                ewriteln!(
                    "No safe fixes; {} with --diff --unsafe-fixes.",
                    crate::output::count(held, "unsafe fix", "unsafe fixes"),
                );
            }
            return outcome.patch;
        }
        // `lint - --fix` prints the findings on standard error: a machine
        // format's document must be all there is on it, as ruff prints no
        // summary beside its JSON. The fixed plan shows what changed.
        let quiet = mode == Apply::InMemory && machine(args.format);
        if outcome.fixed > 0 && !quiet {
            for change in &outcome.changes {
                ewriteln!("{}", visible(change));
            }
            ewriteln!(
                "Fixed {} in {}.",
                crate::output::count(outcome.fixed, "finding", "findings"),
                crate::output::count(outcome.files, "file", "files"),
            );
        }
    }
    let reports: Vec<FileReport<'_>> = linted.iter().map(Linted::report).collect();
    if args.statistics {
        let diagnostics = reports.iter().flat_map(|r| r.diagnostics);
        let summary = Summary::of(&reports);
        let mut text = statistics(args.format, diagnostics, errors, summary);
        if args.format == LintFormat::Human {
            let unwritten = errors.len() - unreadable;
            let unreadable = super::lint_errors::unreadable(&errors[..unreadable]);
            text.push_str(&summary.line_with_failures(unreadable, unwritten));
            text.push('\n');
        }
        return text;
    }
    // `lint - --fix` prints the findings to standard error.
    let color = if args.fix && matches!(mode, Apply::InMemory) {
        use_color(args.color, &std::io::stderr())
    } else {
        use_color(args.color, &std::io::stdout())
    };
    match (args.format, per_file_renderer(args.format, color)) {
        // After --fix, these are the files' new findings.
        (format, Some(render)) => {
            let mut text = per_file(&reports, render);
            if format == LintFormat::Human {
                let unwritten = errors.len() - unreadable;
                let unreadable = super::lint_errors::unreadable(&errors[..unreadable]);
                text.push_str(&Summary::of(&reports).line_with_failures(unreadable, unwritten));
                text.push('\n');
            }
            text
        }
        (LintFormat::Json, None) => {
            let failures: Vec<FileError<'_>> = errors.iter().map(RunError::report).collect();
            render::json::render_with_errors(&reports, &failures)
        }
        (_, None) => {
            // Named from the repository's root, as code scanning reads them.
            let names = RootNames::current();
            let mut held = Vec::new();
            let failures = root_named(errors, &names, &mut held);
            // `<stdin>` is no URI reference: unnamed standard input is
            // `stdin` to code scanning.
            let unnamed_stdin = mode == Apply::InMemory && args.stdin.get().is_none();
            let report_names: Vec<_> = reports
                .iter()
                .map(|r| {
                    if unnamed_stdin {
                        ("stdin".into(), None)
                    } else {
                        names.name(r.path, r.exact_path)
                    }
                })
                .collect();
            let reports: Vec<FileReport<'_>> = reports
                .iter()
                .zip(&report_names)
                .map(|(r, (path, exact))| FileReport {
                    path,
                    exact_path: exact.as_deref(),
                    ..*r
                })
                .collect();
            render::sarif::render_with_errors(&reports, &failures)
        }
    }
}

/// Whether `format` is read by programs: nothing but its document may
/// share its stream.
pub(super) fn machine(format: LintFormat) -> bool {
    matches!(
        format,
        LintFormat::Json | LintFormat::Sarif | LintFormat::Github
    )
}

/// `--statistics`: the counts per rule as a table, or as JSON with the
/// paths that could not be read and the run's `summary`.
pub(super) fn statistics<'a>(
    format: LintFormat,
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    errors: &[RunError],
    summary: Summary,
) -> String {
    let counts = render::statistics::count(diagnostics);
    if format == LintFormat::Json {
        let failures: Vec<FileError<'_>> = errors.iter().map(RunError::report).collect();
        render::statistics::render_json(counts, &failures, summary)
    } else {
        render::statistics::render(&counts)
    }
}

/// Renders each file on the thread pool and joins the parts in path
/// order: over a large tree, formatting is otherwise a serial tail after
/// the parallel lint.
fn per_file(
    reports: &[FileReport<'_>],
    render: impl Fn(&FileReport<'_>) -> String + Sync + Send,
) -> String {
    let parts: Vec<String> = reports.par_iter().map(render).collect();
    parts.concat()
}

pub(super) fn use_color(when: ColorWhen, stream: &impl IsTerminal) -> bool {
    let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => !set("NO_COLOR") && (stream.is_terminal() || forced()),
    }
}

/// Whether `FORCE_COLOR` asks for colour: set to anything but `0` or
/// `false`, which say no, as Node's tools (chalk, supports-color) read it.
fn forced() -> bool {
    std::env::var("FORCE_COLOR").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}
