//! `planwright rules`: the rule list, or one rule's documentation (the
//! `//!` comment of its source file).

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Result, bail};
use planwright_lint::{RULES, rule_by_selector};

pub fn run(id: Option<&str>) -> Result<ExitCode> {
    let Some(id) = id else {
        let mut out = String::new();
        for r in RULES {
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
        return Ok(ExitCode::SUCCESS);
    };
    let Some(rule) = rule_by_selector(id) else {
        bail!("unknown rule `{id}` (see `planwright rules` for the list)");
    };
    let default = if rule.default_enabled {
        "on by default"
    } else {
        "off by default"
    };
    let text = format!(
        "{} {} ({}, {default})\n\n{}",
        rule.code,
        rule.name,
        rule.severity.name(),
        rule.doc()
    );
    crate::output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}
