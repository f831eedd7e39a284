//! `planwright log`: a dated entry in the plan's progress log.

use std::process::ExitCode;

use anyhow::{Context as _, Result};
use jiff::civil::Date;
use planwright_edit::ops::{LogEntry, append_log};
use planwright_edit::{OpFailure, edit_plan};

use crate::cli::LogArgs;

pub fn run(args: &LogArgs) -> Result<ExitCode> {
    super::done::refuse_stdin("log", &args.plan)?;
    let date = match &args.date {
        Some(d) => d
            .trim()
            .parse::<Date>()
            .ok()
            .with_context(|| format!("--date `{d}` {}", why_not_a_date(d.trim())))?,
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
    edit_plan(&args.plan, &options, |plan, src| {
        let change = append_log(plan, src, &entry).map_err(OpFailure::from)?;
        Ok((change, ()))
    })?;
    crate::output::print(&format!("logged {date}: {}\n", args.message.trim()))?;
    Ok(ExitCode::SUCCESS)
}

/// Why `text` is not a date, in the user's terms rather than the date
/// library's: the month or day that does not exist, or the form expected.
fn why_not_a_date(text: &str) -> String {
    let parts: Vec<&str> = text.split('-').collect();
    let numbers: Option<Vec<i16>> = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            parts.iter().map(|p| p.parse().ok()).collect()
        }
        _ => None,
    };
    let Some([year, month, day]) = numbers.as_deref().map(|n| [n[0], n[1], n[2]]) else {
        return "is not a date of the form YYYY-MM-DD".to_owned();
    };
    if !(1..=12).contains(&month) {
        return format!("is not a date: there is no month {month}");
    }
    if day < 1 {
        return "is not a date: there is no day 0".to_owned();
    }
    match Date::new(year, month as i8, 1) {
        Ok(first) if day > i16::from(first.days_in_month()) => format!(
            "is not a date: {} has {} days",
            first.strftime("%B %Y"),
            first.days_in_month()
        ),
        _ => "is not a date of the form YYYY-MM-DD".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_date_that_does_not_exist_says_why() {
        let why = super::why_not_a_date;
        assert_eq!(why("2026-13-01"), "is not a date: there is no month 13");
        assert_eq!(
            why("2026-02-30"),
            "is not a date: February 2026 has 28 days"
        );
        assert_eq!(
            why("2028-02-30"),
            "is not a date: February 2028 has 29 days"
        );
        assert_eq!(why("2026-04-31"), "is not a date: April 2026 has 30 days");
        assert_eq!(why("2026-04-00"), "is not a date: there is no day 0");
        assert_eq!(why("yesterday"), "is not a date of the form YYYY-MM-DD");
        assert_eq!(why("2026-4-1"), "is not a date of the form YYYY-MM-DD");
    }
}
