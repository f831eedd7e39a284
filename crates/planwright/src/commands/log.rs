//! `planwright log`: a dated entry in the plan's progress log, written
//! once: the same entry again (a retry) writes nothing unless `--again`.

use std::process::ExitCode;

use anyhow::{Result, anyhow};
use planwright_core::visible::visible;
use planwright_edit::ops::{LogEntry, append_log, logged_already};
use planwright_edit::{Change, OpFailure, edit_plan_as};

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
        // Refused as any entry would be first: a log it cannot read is
        // no log to look for the entry in either.
        let change = append_log(plan, src, &entry).map_err(OpFailure::from)?;
        if args.again {
            return Ok((change, None));
        }
        match logged_already(plan, src, &entry).map_err(OpFailure::from)? {
            Some(line) => {
                let nothing = Change {
                    edits: Vec::new(),
                    intent: change.intent,
                };
                Ok((nothing, Some(line)))
            }
            None => Ok((change, None)),
        }
    })?;
    let repeated = edited.report;
    // The file keeps the message as typed, a tab too (`append_log`
    // refuses every other control character); the terminal is shown it
    // (`␉`), not handed it.
    let shown = visible(args.message.trim());
    let verb = if repeated.is_some() {
        "already logged"
    } else {
        "logged"
    };
    let report = format!("{verb} {date}: {shown}\n");
    super::preview::finish(&args.plan, &edited, write, &report)?;
    if let Some(line) = repeated {
        let path = planwright_workspace::source::display_path(&args.plan);
        ewriteln!(
            "note: {}:{line}: the log has this entry already, so it was not written again; --again writes it anyway",
            visible(&path),
        );
    }
    Ok(ExitCode::SUCCESS)
}
