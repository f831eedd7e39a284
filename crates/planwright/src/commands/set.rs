//! `planwright set`: change a metadata field where it lives, or add it.

use std::process::ExitCode;

use anyhow::Result;
use planwright_core::LineIndex;
use planwright_core::visible::visible;
use planwright_edit::ops::{SetField, check_field, check_no_control, check_status, set_field};
use planwright_edit::{Intent, OpFailure, edit_plan_as};

use crate::cli::SetArgs;

pub fn run(args: &SetArgs) -> Result<ExitCode> {
    super::done::refuse_stdin("set", &args.plan)?;
    let shown = planwright_workspace::source::display_path(&args.plan);
    // The name as a field's key reads, without the colon a user may copy
    // with it (`set plan.md "Status:" Done`).
    let field = args.field.trim().trim_end_matches([':', '：']).trim_end();
    if field.is_empty() {
        anyhow::bail!("{shown}: the field name is empty; name the field to set, e.g. `status`");
    }
    crate::cli::refuse_mistyped_option("set", &args.value)?;
    // Line breaks are refused with the field's style in mind, below.
    check_no_control("value", &args.value).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    if !args.force
        && let Some((date, why)) = crate::dates::impossible_date(&args.value)
    {
        // `lint` would report it (PW203) in the plan just written.
        anyhow::bail!(
            "{shown}: `{date}` {why}; give a day the calendar has, or --force to write it as it is"
        );
    }
    let project = crate::project::Project::current(None)?;
    let options = project.options(&args.plan);
    let write = super::preview::mode(args.diff);
    let edited = edit_plan_as(&args.plan, &options, write, |plan, src| {
        let asked = SetField {
            field,
            value: &args.value,
            add: args.add,
            markdown: args.markdown,
        };
        // A missing field first: `--force` for the value would not help.
        check_field(plan, src, &asked).map_err(OpFailure::from)?;
        let value = check_status(
            plan,
            src,
            &project.dialects,
            field,
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
        // Every place the header states the field is set; more than one
        // is named, line by line, as a user would not expect it.
        let lines = match &change.intent {
            Intent::Field { changes } if changes.len() > 1 => {
                let index = LineIndex::new(src);
                changes
                    .iter()
                    .filter_map(|(i, _)| plan.metadata.get(*i))
                    .map(|f| (index.line_of(f.key_range.start) + 1).to_string())
                    .collect::<Vec<_>>()
            }
            _ => Vec::new(),
        };
        Ok((change, (value, lines)))
    })?;
    let verb = if edited.written.is_some() {
        "set"
    } else {
        "unchanged"
    };
    let (value, lines) = &edited.report;
    // An empty value printed as is would end the line in a blank.
    let value = if value.is_empty() { "(empty)" } else { value };
    let places = if lines.is_empty() {
        String::new()
    } else {
        format!(" (lines {})", lines.join(", "))
    };
    let report = format!("{verb} {}: {}{places}\n", visible(field), visible(value));
    super::preview::finish(&args.plan, &edited, write, &report)?;
    Ok(ExitCode::SUCCESS)
}
