//! `planwright set`: change a metadata field where it lives, or add it.

use std::process::ExitCode;

use anyhow::Result;
use planwright_edit::ops::{SetField, check_field, check_status, set_field};
use planwright_edit::{OpFailure, edit_plan};

use crate::cli::SetArgs;

pub fn run(args: &SetArgs) -> Result<ExitCode> {
    super::done::refuse_stdin("set", &args.plan)?;
    if !args.force
        && let Some((date, why)) = crate::dates::impossible_date(&args.value)
    {
        // `lint` would report it (PW203) in the plan just written.
        anyhow::bail!(
            "{}: `{date}` {why}; give a day the calendar has, or --force to write it as it is",
            planwright_workspace::source::display_path(&args.plan)
        );
    }
    let project = crate::project::Project::current(None)?;
    let options = project.options(&args.plan);
    let edited = edit_plan(&args.plan, &options, |plan, src| {
        let asked = SetField {
            field: &args.field,
            value: &args.value,
            add: args.add,
        };
        // A missing field first: `--force` for the value would not help.
        check_field(plan, src, &asked).map_err(OpFailure::from)?;
        let value = check_status(
            plan,
            src,
            &project.dialects,
            &args.field,
            // ASCII white space only, as `set_field` trims: a no-break
            // space that opens the value is the user's.
            args.value.trim_matches(|c: char| c.is_ascii_whitespace()),
            args.force,
        )
        .map_err(OpFailure::from)?;
        let req = SetField {
            value: &value,
            ..asked
        };
        let change = set_field(plan, src, &req).map_err(OpFailure::from)?;
        Ok((change, value))
    })?;
    let verb = if edited.written.is_some() {
        "set"
    } else {
        "unchanged"
    };
    // An empty value printed as is would end the line in a blank.
    let value = if edited.report.is_empty() {
        "(empty)"
    } else {
        edited.report.as_str()
    };
    crate::output::print(&format!("{verb} {}: {value}\n", args.field))?;
    Ok(ExitCode::SUCCESS)
}
