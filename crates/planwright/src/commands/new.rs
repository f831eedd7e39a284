//! `planwright new`: a numbered plan from a template, filled with what
//! planwright knows, and a pointer to what is left for the author.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::project::load_config;
use anyhow::{Context, Result, bail};
use planwright_core::DialectSet;
use planwright_core::visible::escaped;
use planwright_edit::ops::check_no_control;
use planwright_lint::{Context as LintContext, RuleSet, lint};
use planwright_workspace::newplan::{Clock, NewPlan, NewRequest, create, lexical};
use planwright_workspace::numbering::format_number;
use planwright_workspace::templates::dialect_set_lenient;
use schemars::JsonSchema;
use serde::Serialize;

use crate::cli::{Format, NewArgs};

/// Fixes today's date (`YYYY-MM-DD`) for reproducible output: tests and
/// documentation examples set it; users have no reason to.
const TODAY_ENV: &str = "PLANWRIGHT_TODAY";

pub fn run(args: &NewArgs) -> Result<ExitCode> {
    refuse_control(args)?;
    // White space and marks show nothing: a title of only those made
    // `# Plan: ` headings.
    if args.title.chars().all(invisible) {
        bail!("the title is empty");
    }
    // Checked after emptiness, which says more of a title of blanks.
    if args.title.contains('\t') {
        bail!("the title holds a tab (U+0009); write a space, as its heading would show one");
    }
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let loaded = load_config(&cwd)?;
    let name = args
        .template
        .as_deref()
        .unwrap_or(&loaded.config.new.template);
    // Plans are numbered across the whole project, wherever in it `new`
    // runs, and from the folder its templates come from: two `specs/001-*`
    // in one project are the collision numbering exists to prevent.
    let project_root = loaded.project_root();
    let (dialects, broken) = dialect_set_lenient(&relative_root(&project_root, &cwd));
    for (broken_name, error) in broken {
        if broken_name == name || broken_name.is_empty() {
            return Err(error.into());
        }
        ewriteln!("planwright: warning: {error}; template `{broken_name}` skipped");
    }
    let Some(template) = dialects.get(name) else {
        let message = super::templates::unknown_template(name, &dialects);
        // A name from the configuration is a configuration error: it says
        // where, as every other one does.
        if args.template.is_none()
            && let Some(e) = loaded.error_at(&["new", "template"], &cwd, message.clone())
        {
            return Err(e.into());
        }
        bail!(message);
    };
    // A dialect with nothing to make a plan from, named in the
    // configuration, is a configuration error too.
    if template.template.is_none()
        && args.template.is_none()
        && let Some(e) = loaded.error_at(
            &["new", "template"],
            &cwd,
            planwright_workspace::templates::no_template_text(
                &relative_root(&project_root, &cwd),
                template,
            )
            .to_string(),
        )
    {
        return Err(e.into());
    }
    let clock = match std::env::var(TODAY_ENV) {
        Ok(day) => Clock::on(&day)
            .with_context(|| format!("{TODAY_ENV}={day}: expected a date, YYYY-MM-DD"))?,
        Err(_) => Clock::now(),
    };
    let root = relative_root(&project_root, &cwd);
    let request = NewRequest {
        root: &root,
        config: &loaded.config.new,
        dialects: &dialects,
        template,
        title: &args.title,
        spec: args.spec.as_ref().map(|s| cwd.join(s)),
        issue: args.issue.clone(),
        author: args.author.clone(),
        set: status_checked(&args.set, template)?,
        number: args.number,
        slug: args.slug.clone(),
        branch: args.branch,
        dry_run: args.dry_run,
        clock,
    };
    let mut plan = create(&request)?;
    let rules = loaded.rules_for(Path::new(&plan.relative));
    let slots_checked = SLOT_RULES.iter().any(|c| rules.severity_of(c).is_some());
    let left = left_as_lint_lists(&plan, &dialects, &rules, &root);
    plan.remaining = left.slots + left.missing_links.len();
    let shown = shown_path(&plan.path, &cwd);
    for key in &plan.unused_set {
        ewriteln!("planwright: warning: --set {key}: no slot of that name in template `{name}`");
    }
    // A flag is used when some slot's value drew on its variable, whether
    // the slot is named for it or a `[fill]` value such as
    // `"{title} ({issue})"` brought it in.
    let given = [
        ("--spec", "spec", args.spec.is_some()),
        ("--issue", "issue", args.issue.is_some()),
        ("--author", "author", args.author.is_some()),
    ];
    for (flag, var, _) in given.iter().filter(|(_, _, given)| *given) {
        if !plan.used_vars.contains(var) {
            ewriteln!("planwright: warning: {flag}: template `{name}` has no slot for it");
        }
    }
    if !plan.used_vars.contains("title") {
        ewriteln!(
            "planwright: warning: TITLE: template `{name}` has no slot for it; it only names the file"
        );
    }
    match args.format {
        Format::Json => {
            crate::output::print_json(&NewDoc::new(&plan, &shown, name, args, &left))?;
        }
        // A dry run's plan alone goes to standard output, so `> file`
        // captures a plan; what would happen is said on standard error.
        Format::Human if args.dry_run => {
            ewrite!(
                "{}",
                human(&plan, &shown, name, args, &request, slots_checked, &left)
            );
            crate::output::print(&plan.content)?;
        }
        Format::Human => {
            let text = human(&plan, &shown, name, args, &request, slots_checked, &left);
            crate::output::print(&text)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Refuses, before anything is read or written, a value for the plan
/// holding a control character, as `set` refuses one (tabs and line breaks
/// aside, as there): written, it would be dropped, and the title's slug
/// split where it stood (`a\x07b` wrote `ab` into `specs/001-a-b/`).
fn refuse_control(args: &NewArgs) -> Result<()> {
    check_no_control("title", &args.title)?;
    let flags = [("--issue", &args.issue), ("--author", &args.author)];
    for (flag, value) in flags {
        if let Some(value) = value {
            check_no_control("value", value).with_context(|| flag.to_owned())?;
        }
    }
    if let Some(spec) = &args.spec {
        check_no_control("path", &spec.to_string_lossy()).context("--spec")?;
    }
    for (key, value) in &args.set {
        check_no_control("name", key).context("--set")?;
        check_no_control("value", value).with_context(|| format!("--set {key}"))?;
    }
    Ok(())
}

/// Whether `c` shows nothing in a title: white space, a control
/// character, or a zero-width or direction mark.
fn invisible(c: char) -> bool {
    const MARKS: [std::ops::RangeInclusive<char>; 5] = [
        '\u{200b}'..='\u{200f}', // zero-width space, joiners, LRM, RLM
        '\u{202a}'..='\u{202e}', // direction embeddings and overrides
        '\u{2060}'..='\u{2064}', // word joiner, invisible operators
        '\u{2066}'..='\u{2069}', // direction isolates
        '\u{feff}'..='\u{feff}', // zero-width no-break space (BOM)
    ];
    c.is_whitespace() || c.is_control() || MARKS.iter().any(|r| r.contains(&c))
}

/// The rules that report slots: unfilled placeholders, template text left
/// in, unresolved choice lists.
const SLOT_RULES: [&str; 3] = ["PW101", "PW102", "PW106"];

/// What `planwright lint` will report on the new plan for the author to
/// do: its slots, and its links to files that do not exist.
struct Left {
    slots: usize,
    /// Link targets as written (`spec.md`): a template's default link
    /// (`**Spec:** [spec.md](spec.md)`) left as it was when `--spec` was
    /// not given.
    missing_links: Vec<String>,
}

/// Slots and broken links as `planwright lint` on the new plan lists them,
/// so that the count printed matches the list it points to: the reader
/// also counts slot-shaped text that lint knows to be notation
/// (`file.{{EXT}}` inside code), and the configuration may turn slot rules
/// off for the plan (`[lint] ignore`, an override matching its path) or
/// inline directives in the template may silence them.
fn left_as_lint_lists(plan: &NewPlan, dialects: &DialectSet, rules: &RuleSet, root: &Path) -> Left {
    // `create` read the plan back under its path with these dialects.
    let parsed = &plan.model;
    // As `lint` resolves a link: from the plan's folder, then the root.
    let places = crate::locate::Places::new(&plan.path, root);
    let ctx = LintContext {
        source: &plan.content,
        plan: parsed,
        dialect: dialects.get(&parsed.dialect.name),
        locate: &|rel| places.locate(rel),
    };
    let found = lint(&ctx, rules);
    Left {
        slots: found
            .iter()
            .filter(|d| SLOT_RULES.contains(&d.code))
            .count(),
        missing_links: found
            .iter()
            .filter(|d| d.code == BROKEN_LINK)
            .filter_map(|d| d.message.split('`').nth(1).map(str::to_owned))
            .collect(),
    }
}

/// A link's `target`, written relative to the plan at `shown`, as the
/// user names it from the working folder (`--spec notes.md` from the root
/// is linked as `../../notes.md`, and is `notes.md` to write). Folded
/// without the file system, which cannot walk through a folder a dry run
/// did not make; a leading `..` stays.
fn from_here(shown: &str, target: &str) -> String {
    let joined = Path::new(shown)
        .parent()
        .unwrap_or(Path::new(""))
        .join(target);
    let folded = lexical(&joined);
    let parts: Vec<_> = folded
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

/// Lint's rule for a link to a file that does not exist.
const BROKEN_LINK: &str = "PW301";

/// The root as seen from the working folder (`.`, `../..`), so that every
/// path the library reports reads as the user would type it.
pub(crate) fn relative_root(root: &Path, cwd: &Path) -> PathBuf {
    match cwd.strip_prefix(root) {
        Ok(rest) if rest.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rest) => rest.components().map(|_| "..").collect(),
        Err(_) => root.to_owned(),
    }
}

fn shown_path(path: &Path, cwd: &Path) -> String {
    let rel = path.strip_prefix(cwd).unwrap_or(path);
    planwright_workspace::source::display_path(rel)
}

fn number_text(plan: &NewPlan, req: &NewRequest<'_>) -> Option<String> {
    plan.number.map(|n| format_number(n, req.config.digits))
}

/// `slots_checked`: whether lint checks the plan for slots at all; when
/// the configuration turns every slot rule off, nothing is said about
/// them rather than "no slots left".
fn human(
    plan: &NewPlan,
    shown: &str,
    template: &str,
    args: &NewArgs,
    req: &NewRequest<'_>,
    slots_checked: bool,
    left: &Left,
) -> String {
    let mut out = String::new();
    let verb = if args.dry_run {
        "Would create"
    } else {
        "Created"
    };
    let number = number_text(plan, req).map_or(String::new(), |n| format!(", number {n}"));
    let _ = writeln!(out, "{verb} {shown} (template {template}{number})");
    if !plan.filled.is_empty() {
        let total: usize = plan.filled.iter().map(|f| f.slots).sum();
        // One entry per variable, whatever forms its value took.
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for f in &plan.filled {
            match counts.iter_mut().find(|(n, _)| *n == f.name) {
                Some((_, c)) => *c += f.slots,
                None => counts.push((&f.name, f.slots)),
            }
        }
        let names: Vec<String> = counts
            .iter()
            .map(|(name, n)| {
                if *n > 1 {
                    format!("{name} ({n})")
                } else {
                    (*name).to_owned()
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "Filled {}: {}",
            crate::output::count(total, "slot", "slots"),
            names.join(", ")
        );
    }
    if args.branch && args.dry_run {
        let _ = writeln!(out, "Would switch to a new git branch: {}", plan.branch);
    }
    if plan.branch_created {
        let _ = writeln!(out, "Switched to a new git branch: {}", plan.branch);
    }
    let slots = if slots_checked { left.slots } else { 0 };
    // A dry run wrote nothing for lint to list.
    let list = if args.dry_run {
        ".".to_owned()
    } else {
        format!("; list them with: planwright lint {shown}")
    };
    let left_verb = if args.dry_run {
        "would be left"
    } else {
        "left"
    };
    if !left.missing_links.is_empty() {
        let targets: Vec<String> = left
            .missing_links
            .iter()
            .map(|t| from_here(shown, t))
            .collect();
        let targets = targets.join(", ");
        let hint = if args.spec.is_some() {
            "the plan links to it"
        } else {
            "the plan links to it; --spec names another"
        };
        let _ = writeln!(
            out,
            "{} {left_verb} for you to fill, and {targets} to write ({hint}){list}",
            crate::output::count(slots, "slot", "slots")
        );
    } else if slots_checked && slots == 0 {
        let _ = writeln!(out, "No slots left to fill.");
    } else if slots_checked {
        let _ = writeln!(
            out,
            "{} {left_verb} for you to fill{list}",
            crate::output::count(slots, "slot", "slots")
        );
    }
    out
}

/// The JSON Schema of [`NewDoc`], for `planwright schema new`.
pub(crate) fn schema() -> serde_json::Value {
    schemars::schema_for!(NewDoc<'static>).into()
}

/// What `planwright new --format json` prints, version 1: the plan
/// written (or, with `--dry-run`, that would be), the values filled in and
/// the slots left.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "planwright new --format json")]
struct NewDoc<'a> {
    version: u32,
    path: &'a str,
    number: Option<u64>,
    branch: &'a str,
    branch_created: bool,
    template: &'a str,
    filled: Vec<FilledDoc<'a>>,
    /// What `planwright lint` reports on the plan for the author to do:
    /// slots (PW101, PW102 and PW106 as the configuration selects them for
    /// its path) plus the links to files that do not exist (PW301).
    remaining: usize,
    /// The targets of the plan's links to files that do not exist, as
    /// written: a template's default `[spec.md](spec.md)` without `--spec`.
    missing_links: &'a [String],
    dry_run: bool,
    /// The plan's text, for `--dry-run` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<&'a str>,
}

#[derive(Serialize, JsonSchema)]
struct FilledDoc<'a> {
    name: &'a str,
    value: &'a str,
    slots: usize,
}

impl<'a> NewDoc<'a> {
    fn new(
        plan: &'a NewPlan,
        shown: &'a str,
        template: &'a str,
        args: &NewArgs,
        left: &'a Left,
    ) -> Self {
        Self {
            version: 1,
            path: shown,
            number: plan.number,
            branch: &plan.branch,
            branch_created: plan.branch_created,
            template,
            filled: plan
                .filled
                .iter()
                .map(|f| FilledDoc {
                    name: &f.name,
                    value: &f.value,
                    slots: f.slots,
                })
                .collect(),
            remaining: plan.remaining,
            missing_links: &left.missing_links,
            dry_run: args.dry_run,
            content: args.dry_run.then_some(plan.content.as_str()),
        }
    }
}

/// `--set` with a value for the template's status field written as the
/// template spells it (`in progress` is `In Progress`), as `set` writes
/// one; a status the template does not know is refused, naming those it
/// does: the fresh plan would fail `lint` on a value `new` wrote.
fn status_checked(
    set: &[(String, String)],
    template: &planwright_core::Dialect,
) -> Result<Vec<(String, String)>> {
    let d = &template.descriptor;
    let status = planwright_core::normalize_key(&d.status_field);
    set.iter()
        .map(|(key, value)| {
            if d.status_values.is_empty() || planwright_core::normalize_key(key) != status {
                return Ok((key.clone(), value.clone()));
            }
            let spelt = template.status_spelling(value).with_context(|| {
                format!(
                    "--set {}={}: not a status of template `{}`; it takes {}",
                    escaped(key),
                    escaped(value),
                    template.name(),
                    d.status_values.join(", ")
                )
            })?;
            Ok((key.clone(), spelt.to_owned()))
        })
        .collect()
}
