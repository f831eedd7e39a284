//! `planwright templates`: the built-in templates and the user's own in
//! `.planwright/templates/`, listed with where each comes from, or printed
//! byte for byte.

use std::fmt::Write as _;
use std::process::ExitCode;

use crate::project::load_config;
use anyhow::{Context, Result, bail};
use planwright_core::visible::escaped;
use planwright_core::{Dialect, DialectSet, Origin};
use planwright_workspace::source::display_path;
use planwright_workspace::templates::{dialect_set_lenient, no_template_text, templates_dir};

use crate::cli::TemplatesAction;

pub fn run(action: Option<&TemplatesAction>) -> Result<ExitCode> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let root = super::new::relative_root(&load_config(&cwd)?.templates_root(), &cwd);
    let (set, broken) = dialect_set_lenient(&root);
    let wanted = match action {
        Some(TemplatesAction::Show { name }) => Some(name.as_str()),
        _ => None,
    };
    let any_broken = !broken.is_empty();
    for (name, error) in broken {
        if wanted == Some(name.as_str()) || name.is_empty() {
            return Err(error.into());
        }
        ewriteln!("planwright: error: {error}; template `{name}` skipped");
    }
    match action {
        None | Some(TemplatesAction::List) => {
            crate::output::print(&list(&set, &root))?;
            // The others are listed, but a broken template is an error
            // here as in every command that reads plans (they need every
            // template to tell which one a plan was made from).
            if any_broken {
                return Ok(ExitCode::from(2));
            }
        }
        Some(TemplatesAction::Show { name }) => {
            let Some(dialect) = set.get(name) else {
                bail!(unknown_template(name, &set));
            };
            // `list` shows a descriptor alone; asked for, it is known,
            // and what it lacks is said.
            let Some(template) = dialect.template.as_deref() else {
                return Err(no_template_text(&root, dialect).into());
            };
            crate::output::print(template)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One line per template: name, origin, and for local ones their file and
/// whether they shadow a built-in or had their descriptor derived.
fn list(set: &DialectSet, root: &std::path::Path) -> String {
    let builtin = DialectSet::builtin();
    let width = set
        .iter()
        .filter(|d| d.template.is_some() || matches!(d.origin, Origin::Local(_)))
        .map(|d| crate::output::width(d.name()))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for d in set.iter() {
        let Origin::Local(path) = &d.origin else {
            if d.template.is_some() {
                let _ = writeln!(
                    out,
                    "{}  built-in  {}",
                    crate::output::pad(d.name(), width),
                    d.descriptor.description
                );
            }
            continue;
        };
        let mut notes = Vec::new();
        if builtin.get(d.name()).is_some() {
            notes.push(format!("shadows the built-in {}", d.name()));
        }
        let has_descriptor = templates_dir(root)
            .join(format!("{}.toml", d.name()))
            .is_file();
        if !has_descriptor {
            notes.push("no descriptor: derived from its headings".to_owned());
        } else if d.template.is_none() {
            notes.push("descriptor only: used to read plans, no template".to_owned());
        } else if !d.descriptor.description.is_empty() {
            notes.push(d.descriptor.description.clone());
        }
        // The origin is relative to the project's root; shown from the
        // current folder, as `lint` shows paths, it can be opened as is.
        let shown = display_path(&root.join(path));
        // A descriptor may say nothing of itself: then no empty brackets.
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", notes.join("; "))
        };
        let name = crate::output::pad(d.name(), width);
        let _ = writeln!(out, "{name}  local     {shown}{notes}");
    }
    out
}

/// The error for a template name `set` has not: the name it was probably
/// meant to be (by the measure clap uses for a misspelt option), then the
/// names there are.
pub(crate) fn unknown_template(name: &str, set: &DialectSet) -> String {
    let names: Vec<&str> = set
        .iter()
        .filter(|d| d.template.is_some())
        .map(Dialect::name)
        .collect();
    let meant = crate::output::closest(name, names.iter().copied());
    let known = names.join(", ");
    let name = escaped(name);
    match meant {
        Some(meant) => format!(
            "unknown template `{name}`; did you mean `{meant}`? Known: {known} (see `planwright templates list`)"
        ),
        None => {
            format!("unknown template `{name}`; known: {known} (see `planwright templates list`)")
        }
    }
}
