//! The command-line surface, as clap types. `planwright --help` is built
//! from the doc comments here, so they are written for users.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use planwright_core::visible::escaped;

/// Read, check, track and edit implementation plans kept as Markdown.
#[derive(Debug, Parser)]
#[command(
    name = "planwright",
    version,
    about,
    max_term_width = 100,
    after_help = "Exit status: 0 when the command did what was asked; 1 when `lint` finds a \
                  problem at error level (any, with --strict) or has fixes to show with \
                  --diff, or `graph` finds a dependency cycle; 2 on a usage error, a file \
                  that cannot be read or written, or an edit refused (then nothing is \
                  written)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Read this configuration file instead of the nearest
    /// `planwright.toml` up from the working directory. Its folder is the
    /// project's root: plan globs and per-file overrides are matched from
    /// there. For an editor, a hook or CI run from another folder.
    #[arg(long, global = true, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Set up planwright here: a commented planwright.toml and an empty
    /// .planwright/templates/ folder. Never overwrites anything.
    Init,
    /// Create a plan from a template, numbered and with everything planwright
    /// knows filled in (title, branch, ids, dates, author, status).
    New(NewArgs),
    /// Show the parsed model of a plan: outline, or the whole model as JSON.
    Show(ShowArgs),
    /// Print the JSON Schema of a command's `--format json` output.
    Schema {
        /// The command whose output to describe.
        #[arg(value_enum, default_value_t = SchemaOutput::Show)]
        output: SchemaOutput,
    },
    /// List the plan templates, or print one.
    Templates {
        #[command(subcommand)]
        action: Option<TemplatesAction>,
    },
    /// Progress per plan, and per phase or group of tasks: done,
    /// in-progress and total tasks; for folders, one row per plan and the
    /// totals.
    Status(StatusArgs),
    /// The tasks that can start now: dependencies respected, work in
    /// progress first, parallel tasks grouped in batches.
    Next(NextArgs),
    /// Tick tasks, named by id (T003, 1.2), #index, their whole text, or a
    /// unique fragment of it. All or nothing: one bad name and nothing is
    /// written.
    Done(DoneArgs),
    /// Mark tasks open again, `[ ]` (named as for `done`), whatever they were
    /// before: a task that was in progress needs `done --start` again.
    Undo(UndoArgs),
    /// Change a metadata field where it is written, e.g. `set plan.md status
    /// "In Progress"`.
    Set(SetArgs),
    /// Add a dated entry to the plan's progress log, in date order.
    ///
    /// The entry goes where its date belongs among the log's entries (table
    /// rows, list items, day headings, paragraphs opening with a date, under
    /// month headings), its date written the way its neighbours write
    /// theirs. Dates read: 2024-03-05, 2024/03/05, 2024.03.05 (year, month,
    /// day), `Mar 5, 2024`, `March 5, 2024`, `5 Mar 2024`, `5 March 2024`,
    /// `5th of March 2024` (also `Mar.`, `Sept`, `5th`), and 03/25/2024 or
    /// 25/03/2024 (or 25.03.2024) when a day over 12 in the log shows which
    /// number is the month; month headings `March 2024`, `Mar 2024`,
    /// `2024-03`, `2024.03`, `03/2024`, under which `Mar 5` or `5 March` (no
    /// year) is a day of that month. A log with an entry dated any other way
    /// (`9-Mar-2026`, `Mon, 9 Mar 2026`, `09.03.26`, `3/9:`, `Q1 2026`,
    /// `2026-W10`) is refused, naming the line, rather than guessed at; a
    /// number before other words (`3 bugs fixed`, `3/4 done`) is text.
    ///
    /// An entry the log has already, of the same date with a message that
    /// reads the same (a retry after a timeout), is not written twice: a
    /// note on standard error names its line, the exit status is 0, and
    /// the plan is left as it was; `--again` writes it all the same.
    Log(LogArgs),
    /// Phases, steps and tasks with their dependencies, as a graph; a cycle
    /// is reported with its path (exit 1), a dependency on a phase or task
    /// the plan lacks with a warning, as `lint` places them.
    Graph(GraphArgs),
    /// Check plans: unfilled placeholders, contradictions, broken links.
    #[command(after_long_help = "Silencing rules in a plan, with HTML comments:\n  \
        <!-- planwright-disable-next-line PW101 -->  the next line only\n  \
        <!-- planwright-disable PW104 -->  from here on, until\n  \
        <!-- planwright-enable PW104 -->  (no codes: every rule)\n\
        Codes, prefixes (PW1), names and ALL are read as in planwright.toml; a \
        reason may follow ` -- `. A disable does not reach the lines above it, \
        except that one under the title, above the first section, list or table, \
        also covers the title, where findings about the whole plan point. A \
        misspelt directive is reported (PW601); one that silences nothing, with \
        PW602 selected.")]
    Lint(crate::commands::lint::LintArgs),
    /// List the lint rules, or print one rule's documentation.
    Rules {
        /// A rule code (PW101) or name (unfilled-placeholder), or a prefix
        /// (PW1) or ALL for the list of the rules it selects.
        id: Option<String>,
        /// `json`: code, name, summary, default severity, whether on by
        /// default, whether and how it fixes, and the documentation of
        /// each rule.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The plan file, or `-` to read it from standard input (the default
    /// when `--stdin-filename` is given, as for `lint`; needed otherwise).
    pub plan: Option<PathBuf>,
    #[command(flatten)]
    pub stdin: crate::stdin::StdinName,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Read the plan as this dialect instead of detecting it (or taking it
    /// from `[[plans.dialects]]` in planwright.toml): a built-in one,
    /// `generic` (none), or a local template's name.
    #[arg(long, value_name = "DIALECT", value_parser = BuiltinName::Dialect)]
    pub dialect: Option<String>,
}

/// A dialect, template or rule name: any name passes here, since local
/// templates are dialects too and only the project knows them (the
/// command checks the name against them); the built-in names are offered
/// to `--help` and shell completion (rather than the files in the folder).
#[derive(Clone, Copy, Debug)]
pub(crate) enum BuiltinName {
    /// A `--dialect` value (`show`, `lint`, `status`, `next`, `graph`):
    /// `generic` and every built-in dialect.
    Dialect,
    /// A template (`new -t`, `templates show`): the built-in dialects that
    /// have one.
    Template,
    /// A rule selector (`--select`, `--extend-select`, `--ignore`): `ALL`,
    /// the codes and the names. Prefixes (`PW1`) select too, and the
    /// configuration's reader names a wrong selector back.
    Rule,
}

impl clap::builder::TypedValueParser for BuiltinName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        if matches!(self, BuiltinName::Rule) {
            let rules = planwright_lint::RULES.iter().flat_map(|r| {
                [
                    clap::builder::PossibleValue::new(r.code).help(r.name),
                    clap::builder::PossibleValue::new(r.name),
                ]
            });
            let all = clap::builder::PossibleValue::new("ALL");
            return Some(Box::new(std::iter::once(all).chain(rules)));
        }
        let templates = matches!(self, BuiltinName::Template);
        let builtin = planwright_core::DialectSet::builtin()
            .iter()
            .filter(move |d| !templates || d.template.is_some())
            .map(planwright_core::Dialect::name);
        let generic = (!templates).then_some(planwright_core::dialect::GENERIC);
        let names = generic.into_iter().chain(builtin);
        Some(Box::new(names.map(clap::builder::PossibleValue::new)))
    }
}

#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// List built-in and local templates.
    List,
    /// Print a template byte for byte.
    Show {
        /// A name `templates list` shows: a built-in dialect (`speckit`,
        /// `design`, `delivery`, `rfc`, `roadmap`) or a local template.
        #[arg(value_parser = BuiltinName::Template, hide_possible_values = true)]
        name: String,
    },
}

/// The JSON outputs `planwright schema` documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaOutput {
    /// `show --format json`: the whole parsed plan.
    Show,
    /// `lint --format json`: the findings and their counts.
    Lint,
    /// `lint --statistics --format json`: the findings counted per rule.
    LintStatistics,
    /// `rules --format json`: the rules and their documentation.
    Rules,
    /// `status --format json`: progress per plan and phase.
    Status,
    /// `next --format json`: the tasks that can start now.
    Next,
    /// `graph --format json`: phases and tasks with their dependencies.
    Graph,
    /// `new --format json`: the plan created and what was filled in.
    New,
    /// `done --format json` and `undo --format json`: each task's state
    /// before and after, and the notes.
    #[value(alias = "undo")]
    Done,
    /// `set --format json`: each place the field is written, its old and
    /// new value.
    Set,
    /// `log --format json`: the entry written and where, or the one
    /// already there.
    Log,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The plan's title; also gives the folder's slug, spelt in ASCII
    /// (`Тёмная тема` makes `tiomnaia-tema`).
    pub title: String,
    /// Template: a built-in one or .planwright/templates/NAME.md
    /// [default: `[new]` template in planwright.toml, else speckit].
    #[arg(short, long, value_name = "TEMPLATE", value_parser = BuiltinName::Template, hide_possible_values = true)]
    pub template: Option<String>,
    /// The feature's spec file, written into the plan relative to it.
    #[arg(long, value_name = "PATH")]
    pub spec: Option<PathBuf>,
    /// Issue or ticket id.
    #[arg(long, value_name = "ID", value_parser = non_blank)]
    pub issue: Option<String>,
    /// Author [default: git config user.name].
    #[arg(long, value_name = "NAME", value_parser = non_blank)]
    pub author: Option<String>,
    /// Fill any other slot of the template by name (`-t delivery --set
    /// component_1=Parser` fills its `{{component_1}}`); names match across
    /// case, spaces, `_` and `-`; spaces around `=` are dropped. The slots
    /// are the template's `{{name}}`s (`templates show NAME` prints it);
    /// `lint` on the new plan lists those left. A name that matches no
    /// slot is a warning; one near a slot's name (`auther`) an error.
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    pub set: Vec<(String, String)>,
    /// Use this number instead of the next free one; refused if taken.
    /// At most 9 digits, the longest number planwright reads back from a
    /// folder or branch name.
    #[arg(
        long,
        value_name = "N",
        value_parser = clap::value_parser!(u64).range(..=planwright_workspace::numbering::MAX_NUMBER)
    )]
    pub number: Option<u64>,
    /// Name the plan's folder (or file) with this slug instead of the
    /// title's: lower-case ASCII letters and digits, words joined by `-`
    /// (`--slug oauth-login`), at most 100 bytes.
    #[arg(long, value_name = "SLUG", value_parser = slug_arg)]
    pub slug: Option<String>,
    /// Also create and switch to a git branch named like the plan's folder.
    #[arg(long)]
    pub branch: bool,
    /// Print the path and content; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Refuses `text`, a value or message clap took as given though it
/// starts with a hyphen (see `allow_hyphen_values` on [`SetArgs::value`]),
/// where it reads as a mistyped option (`--forse`) and no `--` came
/// before it: written into the plan, the typo would go unseen.
pub fn refuse_mistyped_option(command: &str, text: &str) -> anyhow::Result<()> {
    let Some(name) = text.strip_prefix("--") else {
        return Ok(());
    };
    let option_like = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if option_like && !std::env::args_os().any(|a| a == "--") {
        anyhow::bail!(
            "`{text}` is no option of `{command}`; to write it as text, put `--` before it"
        );
    }
    Ok(())
}

/// A `--slug` as the folder name takes it (see
/// [`planwright_workspace::newplan::check_slug`]).
fn slug_arg(arg: &str) -> Result<String, String> {
    planwright_workspace::newplan::check_slug(arg).map(|()| arg.to_owned())
}

/// A value that says something: white space alone would write an empty
/// field and count it as filled.
fn non_blank(arg: &str) -> Result<String, String> {
    let value = arg.trim();
    if value.is_empty() {
        Err("the value is empty".to_owned())
    } else {
        Ok(value.to_owned())
    }
}

/// `KEY=VALUE`, whose value says something, as `--issue`'s must: an empty
/// one would count the slot as filled and leave it blank.
fn parse_key_value(arg: &str) -> Result<(String, String), String> {
    match arg.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() && v.trim().is_empty() => Err(format!(
            "the value of `{}` is empty; leave the --set out to keep its slot for later",
            escaped(k.trim())
        )),
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_owned(), v.trim().to_owned())),
        _ => Err(format!("expected KEY=VALUE, got `{}`", escaped(arg))),
    }
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Plan files or folders, or `-` for one plan on standard input
    /// [default: the current folder]. In a folder, symbolic links are not
    /// followed (as ripgrep's default); name a linked plan to read it.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub stdin: crate::stdin::StdinName,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Read the plans as this dialect instead of detecting it (or taking
    /// it from `[[plans.dialects]]` in planwright.toml): a built-in one,
    /// `generic` (none), or a local template's name.
    #[arg(long, value_name = "DIALECT", value_parser = BuiltinName::Dialect)]
    pub dialect: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct NextArgs {
    /// Plan files or folders, as for `status`, or `-` for one plan on
    /// standard input [default: every plan in the repository]. Each plan
    /// is read once however often it is named; in a folder, symbolic
    /// links are not followed.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub stdin: crate::stdin::StdinName,
    /// Show at most N of the tasks that can start, and at most N of those
    /// waiting where they are listed; 0 only counts them.
    #[arg(short = 'n', value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Also list the open tasks that wait, each with what it waits for,
    /// under their plans beside those that can start. Without it they
    /// are listed only when none can start, and otherwise counted in a
    /// last line; the JSON always lists them.
    #[arg(long)]
    pub waiting: bool,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Read the plans as this dialect instead of detecting it (or taking
    /// it from `[[plans.dialects]]` in planwright.toml): a built-in one,
    /// `generic` (none), or a local template's name.
    #[arg(long, value_name = "DIALECT", value_parser = BuiltinName::Dialect)]
    pub dialect: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct DoneArgs {
    /// The plan file.
    pub plan: PathBuf,
    /// Tasks: T003, 1.2, #5 (quoted, `'#5'`: the shell takes `#` for a
    /// comment), a fragment of the text, or a marker one task carries
    /// (`US1` for `[US1]`). A number such as `5` is only
    /// ever an id, never a position or a piece of the text. A task's
    /// whole text (any case) names it even where it is also part of
    /// another's: `deploy` names `Deploy`, not `Deploy to production`.
    #[arg(required = true, value_name = "TASK")]
    pub tasks: Vec<String>,
    /// Mark the tasks in progress (`[-]`) instead of done, where the plan's
    /// dialect uses such marks (Kiro) or the plan already does.
    #[arg(long)]
    pub start: bool,
    /// Print the change as a unified diff (on standard output, the
    /// command's report on standard error) and write nothing.
    #[arg(long)]
    pub diff: bool,
    /// `json`: what changed, as `planwright schema done` describes it (with
    /// --diff, the patch in it); notes still go to standard error.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct UndoArgs {
    /// The plan file.
    pub plan: PathBuf,
    /// Tasks: T003, 1.2, #5 (quoted, `'#5'`: the shell takes `#` for a
    /// comment), a fragment of the text, or a marker one task carries
    /// (`US1` for `[US1]`). A number such as `5` is only
    /// ever an id, never a position or a piece of the text. A task's
    /// whole text (any case) names it even where it is also part of
    /// another's: `deploy` names `Deploy`, not `Deploy to production`.
    #[arg(required = true, value_name = "TASK")]
    pub tasks: Vec<String>,
    /// Print the change as a unified diff (on standard output, the
    /// command's report on standard error) and write nothing.
    #[arg(long)]
    pub diff: bool,
    /// `json`: what changed, as `planwright schema done` describes it (with
    /// --diff, the patch in it); notes still go to standard error.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The plan file.
    pub plan: PathBuf,
    /// The field, in any case: status, Owner, "Feature ID".
    pub field: String,
    /// The new value, written as text that reads back as typed: Markdown
    /// markup in it (`*x*`, `` `x` ``, `[a](b)`, `\`) is backslash-escaped
    /// (unless --markdown), a front-matter value quoted where YAML needs
    /// it; "" empties the field. One line: a line break that ends it is
    /// dropped, any other refused. A value may start with `-` (`"- team
    /// A"`); one that reads as an option (`--add`) needs `--` before it.
    // A value such as `- team A` or `-1 day` is text, not an option: clap
    // still reads a known option's name as the option.
    #[arg(allow_hyphen_values = true)]
    pub value: String,
    /// Add the field, in the plan's own style, if the header lacks it.
    #[arg(long)]
    pub add: bool,
    /// Write the value as Markdown, as given: `"[spec](../001/spec.md)"`
    /// is a link, `"*Ada*"` emphasis. For a bold or plain field; a value
    /// whose markup would change more of the plan than the field is
    /// refused. Front matter and comments hold text either way.
    #[arg(long)]
    pub markdown: bool,
    /// Accept a status value the plan's dialect does not list, or a date
    /// that names no day (`2026-02-30`, `Feb 30, 2026`, `30/02/2026`).
    #[arg(long)]
    pub force: bool,
    /// Print the change as a unified diff (on standard output, the
    /// command's report on standard error) and write nothing.
    #[arg(long)]
    pub diff: bool,
    /// `json`: what changed, as `planwright schema set` describes it (with
    /// --diff, the patch in it).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct LogArgs {
    /// The plan file.
    pub plan: PathBuf,
    /// One line (a line break that ends it is dropped, any other
    /// refused); `|` is escaped in tables. A message may start with `-`
    /// (`-fixed`); one that reads as an option (`--create`) needs `--`
    /// before it.
    // As for `set`'s value: text, but a known option's name.
    #[arg(allow_hyphen_values = true)]
    pub message: String,
    /// The entry's date, YYYY-MM-DD [default: today, local time].
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Add a progress-log section if the plan has none.
    #[arg(long)]
    pub create: bool,
    /// Write the entry even if the log has one of that date with the same
    /// message (a second deploy that day). Without it, that entry is not
    /// written twice (a retry after a timeout): a note names its line, and
    /// nothing is written.
    #[arg(long)]
    pub again: bool,
    /// Print the change as a unified diff (on standard output, the
    /// command's report on standard error) and write nothing.
    #[arg(long)]
    pub diff: bool,
    /// `json`: what changed, as `planwright schema log` describes it (with
    /// --diff, the patch in it); notes still go to standard error.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// The plan file, or `-` to read it from standard input (the default
    /// when `--stdin-filename` is given, as for `lint`; needed otherwise).
    pub plan: Option<PathBuf>,
    #[command(flatten)]
    pub stdin: crate::stdin::StdinName,
    #[arg(long, value_enum, default_value_t = GraphFormat::Mermaid)]
    pub format: GraphFormat,
    /// Read the plans as this dialect instead of detecting it (or taking
    /// it from `[[plans.dialects]]` in planwright.toml): a built-in one,
    /// `generic` (none), or a local template's name.
    #[arg(long, value_name = "DIALECT", value_parser = BuiltinName::Dialect)]
    pub dialect: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Mermaid,
    Dot,
    Json,
}

impl ShowArgs {
    /// The plan named, `-` (standard input) when only its name is given.
    pub fn plan(&self) -> anyhow::Result<&Path> {
        one_plan("show", self.plan.as_deref(), &self.stdin)
    }
}

impl GraphArgs {
    /// The plan named, `-` (standard input) when only its name is given.
    pub fn plan(&self) -> anyhow::Result<&Path> {
        one_plan("graph", self.plan.as_deref(), &self.stdin)
    }
}

/// The one plan a command reads. PLAN is optional only because
/// `--stdin-filename` alone means standard input, so clap, asked to
/// require it unless that is given, said `<PLAN>` was required where
/// `--help` shows `[PLAN]`; given neither, the error says what to give.
fn one_plan<'a>(
    command: &str,
    plan: Option<&'a Path>,
    stdin: &crate::stdin::StdinName,
) -> anyhow::Result<&'a Path> {
    match plan {
        Some(plan) => Ok(plan),
        None if stdin.get().is_some() => Ok(Path::new("-")),
        None => anyhow::bail!(
            "{command} reads one plan: name its file (`planwright {command} specs/001-x/plan.md`), or give `-` to read it from standard input"
        ),
    }
}
