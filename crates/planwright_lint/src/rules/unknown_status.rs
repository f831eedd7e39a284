//! Flags a status that is not one of the dialect's status values.
//!
//! ## What it does
//! Compares the plan's status field with the values its dialect allows
//! (the `delivery` dialect: Draft, In Progress, Completed, Blocked,
//! Cancelled), ignoring case, emoji and a trailing remark in brackets.
//! Plans in the generic dialect accept any status.
//!
//! ## Why
//! `planwright status`, dashboards and agents decide what a plan's state
//! means from this word. planwright still reads an unlisted status by its
//! words (PW201 takes `Complete` as done), but a tool that knows only the
//! dialect's values cannot act on it.
//!
//! ## Example
//! In a `delivery` plan (known by the template's Estimated Time field),
//! whose statuses are Draft, In Progress, Completed, Blocked and Cancelled:
//! ```markdown
//! # Delivery Plan: Export
//!
//! **Issue:** #42
//! **Author:** Ada
//! **Estimated Time:** 3 days
//! **Status:** Almost there
//! ```
//!
//! ## Fix
//! Use one of the listed values; a local template can declare more.
//!
//! Where the status is one of them misspelt (`Complete`, `Canceled`), or
//! says what one of them says in other words (`✅ Finished` is done, as
//! `Completed` is; `On hold` is held up, as `Blocked` is), the help names
//! it, and `--fix --unsafe-fixes` writes it in place of the status's
//! words, keeping what decorates them (`✅ Complete` becomes `✅
//! Completed`). A status with a remark (`Done (2025-01-10)`) is named but not rewritten:
//! the remark is yours to keep or move.

use planwright_core::edit::Edit;
use planwright_core::{StatusReading, TextRange, read_status};

use super::Sink;
use crate::Context;
use crate::diagnostic::Applicability;
use crate::util::{status_field, status_key};

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(dialect) = ctx.dialect else {
        return;
    };
    let Some(status) = status_field(ctx) else {
        return;
    };
    let values = &dialect.descriptor.status_values;
    if values.is_empty() || dialect.status_allowed(&status.value) {
        return;
    }
    let key = status_key(&status.value);
    if values
        .iter()
        .any(|v| planwright_core::normalize_key(v) == key)
    {
        return;
    }
    let done = &dialect.descriptor.done_status;
    let meant = meant(&status.value, &key, values, done);
    let help = match meant {
        Some(m) => format!("did you mean `{m}`? The dialect's: {}", values.join(", ")),
        None => format!("use one of: {}", values.join(", ")),
    };
    let report = out
        .report(
            status.value_range,
            format!(
                "unknown status `{}` for the {} dialect",
                status.value.trim(),
                dialect.name()
            ),
        )
        .primary_label("not a known status")
        .help(help);
    // The status alone is rewritten; a remark beside it would be lost.
    if let Some(m) = meant
        && status_key(&status.value) == planwright_core::normalize_key(&status.value)
    {
        let range = words(status.value_range.trim(ctx.source), ctx.source);
        report.fix(
            format!("write `{m}`"),
            vec![Edit::replace(range, m)],
            Applicability::Unsafe,
        );
    }
}

/// The status's words in its value: from its first letter or digit to its
/// last, so that a fix keeps what decorates them (`✅ COMPLETE` becomes
/// `✅ Completed`, `**Complete**` `**Completed**`).
fn words(value: TextRange, source: &str) -> TextRange {
    let text = value.slice(source);
    let start = text.find(char::is_alphanumeric);
    let end = text
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_alphanumeric())
        .map(|(i, c)| i + c.len_utf8());
    match (start, end) {
        (Some(s), Some(e)) => TextRange::new(value.start as usize + s, value.start as usize + e),
        _ => value,
    }
}

/// The one of `values` that `value` (`key` its normalised status) means:
/// one spelt nearly as it is, or else the first that reads as it does
/// (done, held up, given up; an open status says too little to pick one).
fn meant<'v>(value: &str, key: &str, values: &'v [String], done: &[String]) -> Option<&'v str> {
    let keys: Vec<_> = values
        .iter()
        .map(|v| planwright_core::normalize_key(v))
        .collect();
    if let Some(near) =
        planwright_core::closest_over(key, keys.iter().map(planwright_core::Text::as_str), 0.85)
        && let Some(i) = keys.iter().position(|k| k.as_str() == near)
    {
        return Some(&values[i]);
    }
    let reading = read_status(value, done);
    if reading == StatusReading::Open {
        return None;
    }
    values
        .iter()
        .find(|v| read_status(v, done) == reading)
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::{meant, words};
    use crate::util::status_key;
    use planwright_core::TextRange;

    #[test]
    fn a_fix_rewrites_the_words_and_keeps_their_decoration() {
        for (value, want) in [
            ("Complete", "Complete"),
            ("✅ COMPLETE", "COMPLETE"),
            ("**Complete** 🎉", "Complete"),
            ("In-progres", "In-progres"),
            ("🚧", "🚧"),
        ] {
            let range = words(TextRange::new(0, value.len()), value);
            assert_eq!(range.slice(value), want, "{value}");
        }
    }

    #[test]
    fn a_status_names_the_value_it_means() {
        let values: Vec<String> = ["Draft", "In Progress", "Completed", "Blocked", "Cancelled"]
            .map(String::from)
            .to_vec();
        for (value, want) in [
            ("Complete", Some("Completed")),
            ("In progres", Some("In Progress")),
            ("Canceled", Some("Cancelled")),
            ("✅ Finished", Some("Completed")),
            ("Shipped (2025-01-10)", Some("Completed")),
            ("On hold", Some("Blocked")),
            ("Paused", Some("Blocked")),
            // Open, and spelt like none: nothing to name.
            ("Almost there", None),
            ("Ready for implementation", None),
            ("WIP", None),
        ] {
            assert_eq!(
                meant(value, &status_key(value), &values, &[]),
                want,
                "{value}"
            );
        }
    }
}
