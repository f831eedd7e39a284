//! `planwright new`: a numbered plan from a template, filled with what
//! planwright knows, and a pointer to what is left for the author.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use planwright_core::{DialectSet, ParseOptions, parse_with};
use planwright_lint::{Context as LintContext, Layer, RuleSet, lint};
use planwright_workspace::config::load_config;
use planwright_workspace::newplan::{Clock, NewPlan, NewRequest, create};
use planwright_workspace::numbering::{Pattern, format_number};
use planwright_workspace::templates::dialect_set_lenient;
use schemars::JsonSchema;
use serde::Serialize;

use crate::cli::{Format, NewArgs};

/// Fixes today's date (`YYYY-MM-DD`) for reproducible output: tests and
/// documentation examples set it; users have no reason to.
const TODAY_ENV: &str = "PLANWRIGHT_TODAY";

pub fn run(args: &NewArgs) -> Result<ExitCode> {
    if args.title.trim().is_empty() {
        bail!("the title is empty");
    }
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let loaded = load_config(&cwd)?;
    super::lint::check_lint_config(&loaded)?;
    if let Err(e) = Pattern::parse(&loaded.config.new.pattern) {
        let file = loaded.path.as_deref().map_or_else(
            || "(default configuration)".to_owned(),
            |p| shown_path(p, &cwd),
        );
        bail!("{file}: {e}");
    }
    let name = args
        .template
        .as_deref()
        .unwrap_or(&loaded.config.new.template);
    // Without a configuration, plans are numbered across the whole git work
    // tree, wherever in it `new` runs: two `specs/001-*` in one repository
    // are the collision numbering exists to prevent.
    let project_root = match &loaded.path {
        Some(_) => loaded.root.clone(),
        None => planwright_workspace::git::toplevel(&cwd)
            .and_then(|top| top.canonicalize().ok())
            .filter(|top| cwd.starts_with(top))
            .unwrap_or_else(|| loaded.root.clone()),
    };
    let (dialects, broken) = dialect_set_lenient(&relative_root(&loaded.templates_root(), &cwd));
    for (broken_name, error) in broken {
        if broken_name == name || broken_name.is_empty() {
            return Err(error.into());
        }
        eprintln!("planwright: warning: {error}; template `{broken_name}` skipped");
    }
    let Some(template) = dialects.get(name) else {
        let names: Vec<&str> = dialects
            .iter()
            .filter(|d| d.template.is_some())
            .map(planwright_core::Dialect::name)
            .collect();
        bail!(
            "unknown template `{name}`; known: {} (see `planwright templates list`)",
            names.join(", ")
        );
    };
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
        set: args.set.clone(),
        number: args.number,
        branch: args.branch,
        dry_run: args.dry_run,
        clock,
    };
    let mut plan = create(&request)?;
    plan.remaining = slots_lint_lists(&plan, &dialects);
    let shown = shown_path(&plan.path, &cwd);
    for key in &plan.unused_set {
        eprintln!("planwright: warning: --set {key}: no slot of that name in template `{name}`");
    }
    let given = [
        ("--spec", "spec", args.spec.is_some()),
        ("--issue", "issue", args.issue.is_some()),
        ("--author", "author", args.author.is_some()),
    ];
    for (flag, var, _) in given.iter().filter(|(_, _, given)| *given) {
        if !plan.filled.iter().any(|f| f.name == *var) {
            eprintln!("planwright: warning: {flag}: template `{name}` has no slot for it");
        }
    }
    match args.format {
        Format::Json => crate::output::print_json(&NewDoc::new(&plan, &shown, name, args))?,
        Format::Human => crate::output::print(&human(&plan, &shown, name, args, &request))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The rules that report slots: unfilled placeholders, template text left
/// in, unresolved choice lists.
const SLOT_RULES: [&str; 3] = ["PW101", "PW102", "PW106"];

/// Slots as `planwright lint` lists them, so that the count printed matches
/// the list it points to: the reader also counts slot-shaped text that lint
/// knows to be notation (`file.{{EXT}}` inside code).
fn slots_lint_lists(plan: &NewPlan, dialects: &DialectSet) -> usize {
    let layer = Layer {
        select: Some(SLOT_RULES.iter().map(|c| (*c).to_owned()).collect()),
        ..Layer::default()
    };
    let Ok(rules) = RuleSet::resolve(&[&layer]) else {
        return plan.remaining;
    };
    let parsed = parse_with(
        &plan.content,
        &ParseOptions {
            file_name: plan.path.file_name().and_then(|n| n.to_str()),
            path: Some(&plan.relative),
            dialects,
            dialect: None,
        },
    );
    let ctx = LintContext {
        source: &plan.content,
        plan: &parsed,
        dialect: dialects.get(&parsed.dialect.name),
        file_exists: &|_| true,
    };
    lint(&ctx, &rules).len()
}

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

fn human(
    plan: &NewPlan,
    shown: &str,
    template: &str,
    args: &NewArgs,
    req: &NewRequest<'_>,
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
    if plan.remaining == 0 {
        let _ = writeln!(out, "No slots left to fill.");
    } else {
        let _ = writeln!(
            out,
            "{} left for you to fill; list them with: planwright lint {shown}",
            crate::output::count(plan.remaining, "slot", "slots")
        );
    }
    if args.dry_run {
        let _ = writeln!(out, "\n{}", plan.content);
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
    remaining: usize,
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
    fn new(plan: &'a NewPlan, shown: &'a str, template: &'a str, args: &NewArgs) -> Self {
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
            dry_run: args.dry_run,
            content: args.dry_run.then_some(plan.content.as_str()),
        }
    }
}
