//! `planwright lint`: find plans, check them in parallel, print the
//! findings in the chosen format, optionally apply fixes.
//!
//! Exit codes: 0 when nothing at error level was found (or whatever was
//! found, with `--exit-zero`), 1 when something was (or anything at all
//! with `--strict`), 2 when a path, file or the configuration could not be
//! read; the readable files are still linted and reported first, and every
//! report says how many could not be. With `--diff`, as with ruff, 1 means
//! the patch is not empty: there is something to fix.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::project::load_config;
use anyhow::{Context as _, Result};
use planwright_core::visible::visible;
use planwright_lint::render::{FileReport, Summary};
use planwright_lint::{Diagnostic, RuleSet, Severity};
use planwright_workspace::config::LoadedConfig;
use planwright_workspace::discover::{Named, discover_named, is_plan_path};
use planwright_workspace::{SourceFile, read_plan_file};

use super::lint_errors::{RunError, gather, guarded, unreadable};
use super::lint_fix::Apply;
use super::lint_output::{
    PerFile, github_errors, machine, per_file_renderer, statistics, use_color, whole_run,
};
use super::lint_settings::Settings;

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Plan files or folders to check [default: the current folder]; `-`
    /// reads one plan from standard input. In a folder, symbolic links are
    /// not followed (as ripgrep's default); name a linked plan to check it.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub stdin: crate::stdin::StdinName,
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// Read every plan as this dialect instead of detecting it (or taking
    /// it from `[[plans.dialects]]` in planwright.toml): a built-in one,
    /// `generic` (none), or a local template's name.
    #[arg(long, value_name = "DIALECT", value_parser = crate::cli::BuiltinName::Dialect)]
    pub dialect: Option<String>,
    /// Rules to run instead of the configured set: codes (PW101), prefixes
    /// (PW1), names, or ALL. Comma-separated or repeated.
    #[arg(long, value_delimiter = ',', value_name = "RULES", value_parser = crate::cli::BuiltinName::Rule, hide_possible_values = true)]
    pub select: Option<Vec<String>>,
    /// Rules to run in addition to the configured set.
    #[arg(long, value_delimiter = ',', value_name = "RULES", value_parser = crate::cli::BuiltinName::Rule, hide_possible_values = true)]
    pub extend_select: Vec<String>,
    /// Rules not to run.
    #[arg(long, value_delimiter = ',', value_name = "RULES", value_parser = crate::cli::BuiltinName::Rule, hide_possible_values = true)]
    pub ignore: Vec<String>,
    /// Apply safe fixes to the files, as byte patches, in rounds until no
    /// fix is left (at most ten): a fix may leave a finding another fixes.
    /// A plan read from
    /// standard input is written to standard output, fixed, and the
    /// findings go to standard error, after a note of what was fixed with
    /// the human and concise formats; with json, sarif and github the
    /// document is all that goes there.
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff, apply unsafe fixes too (alone, a usage error).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff and write nothing. The diff is all
    /// that is printed, so --format does not go with it. Exits with 1 when
    /// there is something to fix, 0 when there is nothing (whatever the
    /// findings, even with --strict) or with --exit-zero, 2 on a usage or
    /// read error.
    #[arg(long, conflicts_with = "format")]
    pub diff: bool,
    /// Exit with 1 on any finding, not only on errors.
    #[arg(long)]
    pub strict: bool,
    /// Exit with 0 whatever the findings, to report without failing a
    /// build; a path, file or configuration that cannot be read still
    /// exits with 2.
    #[arg(long, conflicts_with = "strict")]
    pub exit_zero: bool,
    /// When to colour the human format: `auto` colours a terminal unless
    /// `NO_COLOR` is set, and also a pipe or CI log when `FORCE_COLOR` is
    /// (to anything but `0` or `false`).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Print how many findings each rule made, most first, instead of the
    /// findings: a table (human and concise formats) or JSON.
    #[arg(long, conflicts_with = "diff")]
    pub statistics: bool,
    /// Check a file named on the command line only when it is a plan, as
    /// files found in a folder are (by `[plans]` in planwright.toml, or
    /// the default names), and leave the others out without a word: for
    /// a pre-commit hook or an editor that names every Markdown file it
    /// touched. Standard input named by --stdin-filename is left out the
    /// same way (with --fix, given back unchanged).
    #[arg(long)]
    pub only_plans: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LintFormat {
    /// Source snippets with the problem underlined, and a summary.
    Human,
    /// One line per finding: path:line:col: CODE message.
    Concise,
    /// Versioned JSON with byte and line/column ranges.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// On a terminal unless `NO_COLOR` is set, and off a terminal too when
    /// `FORCE_COLOR` is set (to anything but `0` or `false`).
    Auto,
    /// Always, whatever the environment says.
    Always,
    /// Never.
    Never,
}

/// One file's outcome, its text kept: for `--fix`, and for the formats
/// rendered from the whole run.
pub(crate) struct Linted {
    pub path: PathBuf,
    pub display: String,
    /// The path's bytes when `display` shows some escaped, for SARIF.
    pub exact_path: Option<Vec<u8>>,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
    pub rules: RuleSet,
    /// The project root links may be written from.
    pub root: PathBuf,
}

pub fn run(args: &LintArgs) -> Result<ExitCode> {
    let cwd = std::env::current_dir().context("reading the current folder")?;
    let config = load_config(&cwd)?;
    let settings = Settings::new(&config, args)?;
    anyhow::ensure!(
        !args.statistics
            || matches!(
                args.format,
                LintFormat::Human | LintFormat::Concise | LintFormat::Json
            ),
        "--statistics prints a table or JSON: use it with --format human, concise or json"
    );
    anyhow::ensure!(
        !args.unsafe_fixes || args.fix || args.diff,
        "--unsafe-fixes goes with --fix (to apply them) or --diff (to show them)"
    );
    if let Some(name) = crate::stdin::only_input(&args.paths, args.stdin.get())? {
        // Unnamed, standard input is checked: there is nothing to match.
        if args.only_plans && args.stdin.get().is_some() && !is_plan_path(&name, &config)? {
            return skip_stdin(args, &settings);
        }
        return run_stdin(args, &settings, &name);
    }
    let named = if args.only_plans {
        Named::IfPlans
    } else {
        Named::Always
    };
    let streamed = if args.fix || args.diff {
        None
    } else if args.statistics {
        // Only the counts are printed: nothing to render per file.
        Some(Box::new(|_: &FileReport<'_>| String::new()) as Box<PerFile>)
    } else {
        per_file_renderer(args.format, use_color(args.color, &std::io::stdout()))
    };
    let (text, fails, errors) = if let Some(render) = streamed {
        let (results, discover_errors) = discover_named(&args.paths, &config, named, |path| {
            guarded(path, || {
                lint_path(path, &settings).map(|l| Rendered {
                    output: render(&l.report()),
                    diagnostics: l.diagnostics,
                })
            })
        });
        let (files, errors) = gather(results, &discover_errors);
        warn_unsearched(args, files.len() + errors.len(), &config);
        let mut text: String = files.iter().map(|f| f.output.as_str()).collect();
        let diagnostics = files.iter().flat_map(|f| &f.diagnostics);
        let summary =
            Summary::of_diagnostics(files.len(), files.iter().map(|f| &f.diagnostics[..]));
        if args.statistics {
            text = statistics(args.format, diagnostics.clone(), &errors, summary);
        }
        if args.format == LintFormat::Human {
            text.push_str(&summary.line_with_unreadable(unreadable(&errors)));
            text.push('\n');
        }
        let fails = failing(args, diagnostics);
        (text, fails, errors)
    } else {
        let (results, discover_errors) = discover_named(&args.paths, &config, named, |path| {
            guarded(path, || lint_path(path, &settings))
        });
        let (mut linted, mut errors) = gather(results, &discover_errors);
        warn_unsearched(args, linted.len() + errors.len(), &config);
        let mode = if args.diff { Apply::Diff } else { Apply::Write };
        let text = whole_run(args, &mut linted, &settings, &mut errors, mode);
        let fails = if args.diff {
            !text.is_empty()
        } else {
            failing(args, linted.iter().flat_map(|l| &l.diagnostics))
        };
        (text, fails, errors)
    };
    let mut text = text;
    if args.format == LintFormat::Github {
        text.push_str(&github_errors(&errors));
    }
    crate::output::print(&text)?;
    Ok(exit_code(args, &errors, fails))
}

/// Warns when the run found no plan (see [`super::plans::warn_unsearched`]).
/// With `--only-plans`, of the folders named only: files named and left
/// out are what the flag is for.
fn warn_unsearched(args: &LintArgs, found: usize, config: &LoadedConfig) {
    if !args.only_plans || args.paths.is_empty() {
        super::plans::warn_unsearched(found, &args.paths, config, Some("checked"));
        return;
    }
    let folders: Vec<PathBuf> = args.paths.iter().filter(|p| p.is_dir()).cloned().collect();
    if !folders.is_empty() {
        super::plans::warn_unsearched(found, &folders, config, None);
    }
}

/// `lint - --stdin-filename NAME --only-plans` where NAME is no plan: the
/// input is read and left out, as a named file would be. With `--fix` it
/// goes back unchanged (an editor replaces its buffer with what comes
/// out); otherwise the report is that of a run over no file.
fn skip_stdin(args: &LintArgs, settings: &Settings) -> Result<ExitCode> {
    let mut input = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut input)
        .context("reading standard input")?;
    if args.fix && !args.diff {
        give_back(&input)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mode = if args.diff {
        Apply::Diff
    } else {
        Apply::InMemory
    };
    let text = whole_run(args, &mut [], settings, &mut Vec::new(), mode);
    crate::output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes standard input back to standard output as it came, for an
/// editor that replaces its buffer with what `--fix` prints.
fn give_back(input: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    out.write_all(input).and_then(|()| out.flush())
}

/// `lint -`: one plan from standard input, its findings printed as a
/// file's are. With `--fix`, standard output gets the whole plan, fixed or
/// not (an editor replaces its buffer with it), and the findings left go
/// to standard error.
fn run_stdin(args: &LintArgs, settings: &Settings, name: &Path) -> Result<ExitCode> {
    let in_place = args.fix && !args.diff;
    let bytes = match planwright_workspace::source::read_capped(&mut std::io::stdin().lock(), name)
    {
        Ok(bytes) => bytes,
        Err(e) => return unreadable_stdin(args, settings, name, &e, e.line(), in_place),
    };
    // An editor that pipes its buffer through `--fix` replaces the buffer
    // with what comes out: text that cannot be read goes back unchanged,
    // with the error on standard error (and exit 2), never as nothing.
    let kept = in_place.then(|| bytes.clone());
    let return_kept = || {
        if let Some(kept) = &kept {
            // The error that follows is the one to report.
            let _ = give_back(kept);
        }
    };
    let text = match planwright_workspace::source::decode(bytes, name) {
        Ok(text) => text,
        Err(e) => {
            return_kept();
            return unreadable_stdin(args, settings, name, &e, e.line(), in_place);
        }
    };
    let file = SourceFile {
        path: name.to_owned(),
        text,
    };
    // A crash goes the way of unreadable text: the buffer back unchanged.
    let linted = crate::guard::file(name, || lint_file(file, settings));
    let mut linted = match linted {
        Ok(linted) => [linted],
        Err(crash) => {
            return_kept();
            let line = RunError::crashed(name, &crash).line;
            return unreadable_stdin(args, settings, name, &line, None, in_place);
        }
    };
    let mut errors = Vec::new();
    let mode = if args.diff {
        Apply::Diff
    } else {
        Apply::InMemory
    };
    let text = whole_run(args, &mut linted, settings, &mut errors, mode);
    if in_place {
        crate::output::print(&linted[0].source)?;
        ewrite!("{text}");
    } else {
        crate::output::print(&text)?;
    }
    let fails = if args.diff {
        !text.is_empty()
    } else {
        failing(args, linted[0].diagnostics.iter())
    };
    Ok(exit_code(args, &errors, fails))
}

/// Standard input that could not be read as a plan: exit 2 with the
/// error, which a machine format files in its document as it files a
/// file's (the document then being all there is on its stream).
fn unreadable_stdin(
    args: &LintArgs,
    settings: &Settings,
    name: &Path,
    error: &dyn std::fmt::Display,
    at_line: Option<usize>,
    in_place: bool,
) -> Result<ExitCode> {
    if !machine(args.format) || args.diff {
        anyhow::bail!("{error}");
    }
    // Placed on its line, as a file's read error is.
    let mut errors = vec![RunError {
        at_line,
        ..RunError::new(name.display().to_string(), error.to_string())
    }];
    let mut text = whole_run(args, &mut [], settings, &mut errors, Apply::InMemory);
    if args.format == LintFormat::Github {
        text.push_str(&github_errors(&errors));
    }
    if in_place {
        ewrite!("{text}");
    } else {
        crate::output::print(&text)?;
        ewriteln!("planwright: error: {}", visible(&error.to_string()));
    }
    Ok(ExitCode::from(2))
}

/// Reports the errors, and says how the run ends: 2 when a path or file
/// could not be read (or written), 1 when it `fails` (see [`failing`];
/// with `--diff`, when there is something to fix), unless `--exit-zero`.
fn exit_code(args: &LintArgs, errors: &[RunError], fails: bool) -> ExitCode {
    // Names made visible, as in the output (see `plans::report_errors`).
    for e in errors {
        ewriteln!("planwright: error: {}", visible(&e.line));
    }
    if !errors.is_empty() {
        ExitCode::from(2)
    } else if fails && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A file rendered on the worker thread that linted it, its text already
/// dropped. Over a large tree, keeping every file's text until the end
/// cost more than the rendering: fresh memory for all of it, and the page
/// faults to zero that memory.
struct Rendered {
    output: String,
    diagnostics: Vec<Diagnostic>,
}

/// Whether the findings make the run fail: an error, or anything with
/// `--strict`.
fn failing<'a>(args: &LintArgs, mut diagnostics: impl Iterator<Item = &'a Diagnostic>) -> bool {
    diagnostics.any(|d| args.strict || d.severity == Severity::Error)
}

impl Linted {
    pub(crate) fn report(&self) -> FileReport<'_> {
        FileReport {
            path: &self.display,
            exact_path: self.exact_path.as_deref(),
            source: &self.source,
            diagnostics: &self.diagnostics,
        }
    }
}

fn lint_path(path: &Path, settings: &Settings) -> Result<Linted, RunError> {
    let file = read_plan_file(path).map_err(|e| RunError::load(path, &e))?;
    Ok(lint_file(file, settings))
}

/// Lints a plan read from `file.path` (or named so, from standard input).
fn lint_file(file: SourceFile, settings: &Settings) -> Linted {
    let rules = settings.rules_for(&file.path);
    let diagnostics = lint_text(&file.path, &file.text, &rules, &settings.root, settings);
    Linted {
        display: file.display(),
        exact_path: planwright_workspace::source::escaped_path_bytes(&file.path),
        path: file.path,
        source: file.text,
        diagnostics,
        rules,
        root: settings.root.clone(),
    }
}

/// Parses and lints one text; `path` gives the detection hint, picks the
/// `[[plans.dialects]]` entry, and is the folder relative links are
/// resolved from.
pub(crate) fn lint_text(
    path: &Path,
    text: &str,
    rules: &RuleSet,
    root: &Path,
    settings: &Settings,
) -> Vec<Diagnostic> {
    let dialects = settings.dialects();
    let plan = settings.choice.parse_text(path, text, dialects);
    let places = crate::locate::Places::new(path, root);
    let ctx = planwright_lint::Context {
        source: text,
        plan: &plan,
        dialect: dialects.get(&plan.dialect.name),
        locate: &|rel| places.locate(rel),
    };
    planwright_lint::lint(&ctx, rules)
}
