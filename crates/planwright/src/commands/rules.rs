//! `planwright rules`: the rule list, or one rule's documentation (the
//! `//!` comment of its source file).

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Result, bail};
use planwright_lint::{RULES, Rule, rule_by_selector, rules_by_selector};

pub fn run(id: Option<&str>) -> Result<ExitCode> {
    let rules: Vec<&Rule> = match id {
        None => RULES.iter().collect(),
        Some(id) => {
            if let Some(rule) = rule_by_selector(id) {
                crate::output::print(&documentation(rule))?;
                return Ok(ExitCode::SUCCESS);
            }
            // A prefix (`PW1`) or `ALL`, as `lint --select` takes them:
            // the list of the rules it selects.
            let selected = rules_by_selector(id);
            if selected.is_empty() {
                bail!("unknown rule `{id}` (see `planwright rules` for the list)");
            }
            selected
        }
    };
    let mut out = String::new();
    for r in rules {
        let default = if r.default_enabled {
            ""
        } else {
            " (off by default)"
        };
        let _ = writeln!(
            out,
            "{:<6} {:<26} {:<7} {}{default}",
            r.code,
            r.name,
            r.severity.name(),
            r.summary()
        );
    }
    crate::output::print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// One rule's documentation, under a line with its code, name, severity
/// and whether it is on by default.
fn documentation(rule: &Rule) -> String {
    let default = if rule.default_enabled {
        "on by default"
    } else {
        "off by default"
    };
    format!(
        "{} {} ({}, {default})\n\n{}",
        rule.code,
        rule.name,
        rule.severity.name(),
        rule.doc()
    )
}
