//! `planwright rules`: the rule list, or one rule's documentation (the
//! `//!` comment of its source file), as text or JSON. The lint crate
//! renders both (`render::rules`); this picks the rules.

use std::process::ExitCode;

use anyhow::{Result, bail};
use planwright_core::visible::escaped;
use planwright_lint::render::rules;
use planwright_lint::{RULES, Rule, rule_by_selector, rules_by_selector};

use crate::cli::Format;

pub fn run(id: Option<&str>, format: Format) -> Result<ExitCode> {
    // `"PW201 "`, pasted with a space, is still PW201.
    let (selected, one): (Vec<&Rule>, bool) = match id.map(str::trim) {
        None => (RULES.iter().collect(), false),
        Some(id) => {
            if let Some(rule) = rule_by_selector(id) {
                (vec![rule], true)
            } else {
                // A prefix (`PW1`) or `ALL`, as `lint --select` takes them:
                // the list of the rules it selects.
                let selected = rules_by_selector(id);
                if selected.is_empty() {
                    // Names only: codes are numbers, and one near another
                    // is no likelier meant (`PW999` is not `PW209`).
                    let names = RULES.iter().map(|r| r.name);
                    let shown = escaped(id);
                    if let Some(meant) = crate::output::closest(id, names) {
                        bail!(
                            "unknown rule `{shown}`; did you mean `{meant}`? (see `planwright rules` for the list)"
                        );
                    }
                    bail!("unknown rule `{shown}` (see `planwright rules` for the list)");
                }
                (selected, false)
            }
        }
    };
    let text = match (format, selected.as_slice()) {
        (Format::Json, _) => rules::json(&selected),
        (Format::Human, [rule]) if one => rules::documentation(rule),
        (Format::Human, _) => rules::list(&selected),
    };
    crate::output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}
