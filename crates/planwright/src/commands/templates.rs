//! `planwright templates`: the built-in templates, printed byte for byte.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Result, bail};
use planwright_core::DialectSet;

use crate::cli::TemplatesAction;

pub fn run(action: Option<&TemplatesAction>) -> Result<ExitCode> {
    let set = DialectSet::builtin();
    match action {
        None | Some(TemplatesAction::List) => {
            let mut out = String::new();
            for d in set.iter().filter(|d| d.template.is_some()) {
                let _ = writeln!(
                    out,
                    "{:<10} built-in  {}",
                    d.name(),
                    d.descriptor.description
                );
            }
            crate::output::print(&out)?;
        }
        Some(TemplatesAction::Show { name }) => {
            let Some(template) = set.get(name).and_then(|d| d.template.as_deref()) else {
                let names: Vec<&str> = set
                    .iter()
                    .filter(|d| d.template.is_some())
                    .map(planwright_core::Dialect::name)
                    .collect();
                bail!("unknown template `{name}`; known: {}", names.join(", "));
            };
            crate::output::print(template)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
