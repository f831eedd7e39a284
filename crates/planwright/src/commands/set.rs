//! `planwright set`: change a metadata field where it lives, or add it.

use std::process::ExitCode;

use anyhow::{Result, anyhow};
use planwright_core::Plan;
use planwright_core::json::VERSION;
use planwright_core::visible::visible;
use planwright_edit::ops::{SetField, check_field, check_status, set_field, single_line};
use planwright_edit::{Change, Intent, OpFailure, edit_plan_as};
use schemars::JsonSchema;
use serde::Serialize;

use super::edit_doc::{FileDoc, LinesAfter};
use crate::cli::{Format, SetArgs};

pub fn run(args: &SetArgs) -> Result<ExitCode> {
    super::done::refuse_stdin("set", &args.plan)?;
    let shown = planwright_workspace::source::display_path(&args.plan);
    // Name and value are each one line, its ending dropped (`$'Done\n'`),
    // and hold no control character: refused here, before the plan is
    // read, as the edit would refuse them.
    let one_line = |what, text| single_line(what, text).map_err(|e| anyhow!("{shown}: {e}"));
    // The name as a field's key reads, without the colon a user may copy
    // with it (`set plan.md "Status:" Done`).
    let field = one_line("field name", &args.field)?
        .trim()
        .trim_end_matches([':', '：'])
        .trim_end();
    if field.is_empty() {
        anyhow::bail!("{shown}: the field name is empty; name the field to set, e.g. `status`");
    }
    crate::cli::refuse_mistyped_option("set", &args.value)?;
    let value = one_line("value", &args.value)?;
    if !args.force
        && let Some((date, why)) = crate::dates::impossible_date(value)
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
            value,
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
            value.trim_matches(|c: char| c.is_ascii_whitespace()),
            args.force,
        )
        .map_err(OpFailure::from)?;
        let req = SetField {
            value: &value,
            ..asked
        };
        let change = set_field(plan, src, &req).map_err(OpFailure::from)?;
        let places = places(plan, src, &change);
        Ok((change, (value, places)))
    })?;
    let (value, places) = &edited.report;
    if args.format == Format::Json {
        let doc = SetDoc {
            version: VERSION,
            file: FileDoc::new(&args.plan, &edited, write),
            field,
            added: places.iter().any(|p| p.old_value.is_none()),
            value,
            places,
        };
        return crate::output::print_json(&doc).map(|()| ExitCode::SUCCESS);
    }
    let verb = if edited.written.is_some() {
        "set"
    } else {
        "unchanged"
    };
    // An empty value printed as is would end the line in a blank.
    let value = if value.is_empty() { "(empty)" } else { value };
    // Every place the header states the field is set; more than one is
    // named, line by line, as a user would not expect it.
    let places = if places.len() > 1 {
        let lines: Vec<String> = places.iter().map(|p| p.line.to_string()).collect();
        format!(" (lines {})", lines.join(", "))
    } else {
        String::new()
    };
    let report = format!("{verb} {}: {}{places}\n", visible(field), visible(value));
    super::preview::finish(&args.plan, &edited, write, &report)?;
    Ok(ExitCode::SUCCESS)
}

/// Each place `change` sets the field, for the JSON: its key as written,
/// its line in the plan as changed, and its values before and after.
fn places(plan: &Plan, src: &str, change: &Change) -> Vec<Place> {
    let lines = LinesAfter::new(src, &change.edits);
    match &change.intent {
        Intent::Field { changes } => changes
            .iter()
            .filter_map(|(i, new)| {
                let f = plan.metadata.get(*i)?;
                Some(Place {
                    key: f.key.to_string(),
                    line: lines.line(f.key_range.start),
                    old_value: Some(f.value.to_string()),
                    new_value: new.clone(),
                })
            })
            .collect(),
        // The one line that holds the new field's key.
        Intent::FieldAdded { key, value, .. } => {
            let line = lines
                .inserted()
                .into_iter()
                .find(|(_, text)| !text.trim().is_empty())
                .map_or(0, |(n, _)| n);
            vec![Place {
                key: key.clone(),
                line,
                old_value: None,
                new_value: value.clone(),
            }]
        }
        _ => Vec::new(),
    }
}

/// The JSON Schema of [`SetDoc`], for `planwright schema set`.
pub(crate) fn schema() -> serde_json::Value {
    schemars::schema_for!(SetDoc<'static>).into()
}

/// What `planwright set --format json` prints, version 1: the plan and
/// whether it was written, the field asked for, and each place it is
/// written with its value before and after.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "planwright set --format json")]
struct SetDoc<'a> {
    version: u32,
    #[serde(flatten)]
    file: FileDoc,
    /// The field as named on the command line, without a colon after it.
    field: &'a str,
    /// The value asked for, spelt as the dialect spells a status (`in
    /// progress` is `In Progress`) and trimmed; in the plan, written as
    /// text (escaped, quoted) unless `--markdown`.
    value: &'a str,
    /// Whether `--add` added the field, which the header lacked.
    added: bool,
    /// Each place the plan's header states the field, in order (a header
    /// may state it twice, and each is set); one for a field added.
    places: &'a [Place],
}

/// A place the field is written.
#[derive(Serialize, JsonSchema)]
struct Place {
    /// The key as written (`Status`, `feature_id`).
    key: String,
    /// Its key's 1-based line in the plan as the command leaves it (with
    /// `--diff`, would leave it).
    line: usize,
    /// The value before, as `show` reads it; null for a field added.
    old_value: Option<String>,
    /// The value after, as `show` will read it.
    new_value: String,
}
