//! `planwright init`: set planwright up in the current folder.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use planwright_workspace::config::{CONFIG_FILE, find_config, shown_from};
use planwright_workspace::init::init;

pub fn run() -> Result<ExitCode> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    // Read before `init` writes, so the note is about someone else's file.
    // A broken one further up is `lint`'s to report, not `init`'s.
    let outer = cwd.parent().and_then(|p| find_config(p).ok().flatten());
    // `.`, not the absolute folder: errors then name `planwright.toml`
    // as the user sees it.
    let report = init(Path::new("."))?;
    let mut out = String::new();
    if report.already_complete() {
        let _ = writeln!(
            out,
            "Already set up: {CONFIG_FILE} and .planwright/templates/ exist; nothing changed."
        );
    } else {
        if report.config_created {
            let _ = writeln!(
                out,
                "Created {CONFIG_FILE} (every setting shown, commented, at its default)"
            );
        } else {
            let _ = writeln!(out, "{CONFIG_FILE} already exists; left unchanged");
        }
        if report.templates_created {
            let _ = writeln!(
                out,
                "Created .planwright/templates/ (put NAME.md there, optionally with NAME.toml)"
            );
        } else {
            let _ = writeln!(out, ".planwright/templates/ already exists; left unchanged");
        }
        let _ = writeln!(out, "Next: planwright new \"<title>\" [-t TEMPLATE]");
    }
    if let Some(outer) = outer.filter(|_| report.config_created) {
        // As typed from here (`../planwright.toml`), as errors show it.
        let _ = writeln!(
            out,
            "note: {} configures the folders above; here, the new {CONFIG_FILE} takes precedence",
            shown_from(&outer, &cwd)
        );
    }
    crate::output::print(&out)?;
    Ok(ExitCode::SUCCESS)
}
