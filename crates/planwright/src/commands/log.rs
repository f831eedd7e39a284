//! `planwright log`: a dated entry in the plan's progress log.

use std::process::ExitCode;

use anyhow::{Result, anyhow};
use planwright_edit::ops::{LogEntry, append_log};
use planwright_edit::{OpFailure, edit_plan_as};

use crate::cli::LogArgs;

pub fn run(args: &LogArgs) -> Result<ExitCode> {
    super::done::refuse_stdin("log", &args.plan)?;
    crate::cli::refuse_mistyped_option("log", &args.message)?;
    let date = match &args.date {
        Some(d) => crate::dates::parse_day(d).map_err(|why| anyhow!("--date `{d}` {why}"))?,
        None => jiff::Zoned::now().date(),
    };
    let date = date.to_string();
    let entry = LogEntry {
        date: &date,
        message: &args.message,
        create: args.create,
    };
    let project = crate::project::Project::current(None)?;
    let options = project.options(&args.plan);
    let write = super::preview::mode(args.diff);
    let edited = edit_plan_as(&args.plan, &options, write, |plan, src| {
        let change = append_log(plan, src, &entry).map_err(OpFailure::from)?;
        Ok((change, ()))
    })?;
    // The file keeps the message as typed, a tab too (`append_log`
    // refuses every other control character); the terminal is shown it
    // (`␉`), not handed it.
    let shown = planwright_core::visible::visible(args.message.trim());
    super::preview::finish(
        &args.plan,
        &edited,
        write,
        &format!("logged {date}: {shown}\n"),
    )?;
    Ok(ExitCode::SUCCESS)
}
