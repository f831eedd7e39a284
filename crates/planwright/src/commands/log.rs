//! `planwright log`: a dated entry in the plan's progress log.

use std::process::ExitCode;

use anyhow::{Context as _, Result};
use planwright_core::ParseOptions;
use planwright_edit::ops::{LogEntry, append_log};
use planwright_edit::{OpFailure, edit_plan};

use crate::cli::LogArgs;

pub fn run(args: &LogArgs) -> Result<ExitCode> {
    let date = match &args.date {
        Some(d) => d
            .trim()
            .parse::<jiff::civil::Date>()
            .with_context(|| format!("--date `{d}` is not a date of the form YYYY-MM-DD"))?,
        None => jiff::Zoned::now().date(),
    };
    let date = date.to_string();
    let entry = LogEntry {
        date: &date,
        message: &args.message,
        create: args.create,
    };
    let project = crate::project::Project::current()?;
    let options = ParseOptions {
        dialects: &project.dialects,
        ..ParseOptions::default()
    };
    edit_plan(&args.plan, &options, |plan, src| {
        let change = append_log(plan, src, &entry).map_err(OpFailure::from)?;
        Ok((change, ()))
    })?;
    crate::output::print(&format!("logged {date}: {}\n", args.message.trim()))?;
    Ok(ExitCode::SUCCESS)
}
