//! `planwright log`: a dated entry in the plan's progress log, written
//! once: the same entry again (a retry) writes nothing unless `--again`.

use std::process::ExitCode;

use anyhow::{Result, anyhow};
use planwright_core::LineIndex;
use planwright_core::json::VERSION;
use planwright_core::visible::{escaped, visible};
use planwright_edit::ops::{LogEntry, append_log, logged_already, single_line};
use planwright_edit::{Change, OpFailure, edit_plan_as};
use schemars::JsonSchema;
use serde::Serialize;

use super::edit_doc::{FileDoc, LinesAfter};
use crate::cli::{Format, LogArgs};

pub fn run(args: &LogArgs) -> Result<ExitCode> {
    super::done::refuse_stdin("log", &args.plan)?;
    crate::cli::refuse_mistyped_option("log", &args.message)?;
    // One line, its ending dropped (`$'Deployed\n'`), as `set` takes a
    // value: refused here, before the plan is read, as the edit would.
    let message = single_line("message", &args.message).map_err(|e| {
        let shown = planwright_workspace::source::display_path(&args.plan);
        anyhow!("{shown}: {e}")
    })?;
    let date = match &args.date {
        Some(d) => {
            crate::dates::parse_day(d).map_err(|why| anyhow!("--date `{}` {why}", escaped(d)))?
        }
        None => jiff::Zoned::now().date(),
    };
    let date = date.to_string();
    let entry = LogEntry {
        date: &date,
        message,
        create: args.create,
    };
    let project = crate::project::Project::current(None)?;
    let options = project.options(&args.plan);
    let write = super::preview::mode(args.diff);
    let edited = edit_plan_as(&args.plan, &options, write, |plan, src| {
        // Refused as any entry would be first: a log it cannot read is
        // no log to look for the entry in either.
        let change = append_log(plan, src, &entry).map_err(OpFailure::from)?;
        let already = logged_already(plan, src, &entry)
            .map_err(OpFailure::from)?
            .map(|line| LineDoc {
                line,
                text: LineIndex::new(src)
                    .line_range(src, line - 1)
                    .slice(src)
                    .to_owned(),
            });
        if already.is_some() && !args.again {
            let nothing = Change {
                edits: Vec::new(),
                intent: change.intent,
            };
            return Ok((nothing, (already, Vec::new())));
        }
        let lines = LinesAfter::new(src, &change.edits)
            .inserted()
            .into_iter()
            .map(|(line, text)| LineDoc { line, text })
            .collect();
        Ok((change, (already, lines)))
    })?;
    let (already, lines) = &edited.report;
    let repeated = already.as_ref().filter(|_| !args.again);
    match args.format {
        Format::Json => {
            let doc = LogDoc {
                version: VERSION,
                file: FileDoc::new(&args.plan, &edited, write),
                date: &date,
                message: message.trim(),
                entry: lines.iter().rfind(|l| !l.text.trim().is_empty()),
                lines,
                already_logged: already.as_ref(),
            };
            crate::output::print_json(&doc)?;
        }
        Format::Human => {
            // The file keeps the message as typed, a tab too (`append_log`
            // refuses every other control character); the terminal is
            // shown it (`␉`), not handed it.
            let shown = visible(message.trim());
            let verb = if repeated.is_some() {
                "already logged"
            } else {
                "logged"
            };
            let report = format!("{verb} {date}: {shown}\n");
            super::preview::finish(&args.plan, &edited, write, &report)?;
        }
    }
    if let Some(at) = repeated {
        let path = planwright_workspace::source::display_path(&args.plan);
        ewriteln!(
            "note: {}:{}: the log has this entry already, so it was not written again; --again writes it anyway",
            visible(&path),
            at.line
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON Schema of [`LogDoc`], for `planwright schema log`.
pub(crate) fn schema() -> serde_json::Value {
    schemars::schema_for!(LogDoc<'static>).into()
}

/// What `planwright log --format json` prints, version 1: the plan and
/// whether it was written, the entry asked for, the lines written for it
/// and where, or the entry of that day and message the log had already.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "planwright log --format json")]
struct LogDoc<'a> {
    version: u32,
    #[serde(flatten)]
    file: FileDoc,
    /// The entry's date, `YYYY-MM-DD` (in the plan, written the way its
    /// log writes its dates).
    date: &'a str,
    /// The message as given, trimmed (in the plan, escaped where it would
    /// read as markup).
    message: &'a str,
    /// The line of the new entry that holds its message, in the plan as
    /// the command leaves it (with `--diff`, would leave it); null when
    /// nothing is written.
    entry: Option<&'a LineDoc>,
    /// Every line added (with `--diff`, that would be), in order: the
    /// entry, and a heading, table or blank line that goes with it.
    lines: &'a [LineDoc],
    /// An entry of the same date whose message reads the same, which the
    /// log held already: the entry is then not written again (`changed`
    /// false) unless `--again`. Null when the log has none.
    already_logged: Option<&'a LineDoc>,
}

/// A line of the plan: its 1-based number and its text as written.
#[derive(Serialize, JsonSchema)]
struct LineDoc {
    line: usize,
    text: String,
}
