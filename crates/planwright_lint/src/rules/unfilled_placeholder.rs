//! Flags template slots left unfilled: `[FEATURE NAME]`, `{FEATURE_TITLE}`,
//! `{{feature_name}}`, `<Project / Feature Name>`, `$ARGUMENTS`,
//! `X hours/days`, `YYYY-MM-DD` and `(TBD)`.
//!
//! ## What it does
//! Reports every placeholder the reader found in the plan's text, tables and
//! metadata, except unresolved choice lists (PW106) and paragraphs copied
//! from the template (PW102), which have rules of their own.
//!
//! ## Why
//! A slot nobody filled is a question nobody answered. Readers (and coding
//! agents following the plan) take the bracketed words for content.
//!
//! ## Example
//! ```markdown
//! **Feature Branch**: `[###-feature-name]`
//! **Estimated Time:** X hours/days
//! ```
//!
//! ## Fix
//! Write the real value, or delete the line if it does not apply. There is
//! no automatic fix: only the author knows the value.

use planwright_core::PlaceholderKind;

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for p in &ctx.plan.placeholders {
        let what = match p.kind {
            PlaceholderKind::Choice | PlaceholderKind::TemplateText => continue,
            PlaceholderKind::Estimate => "estimate",
            PlaceholderKind::Date => "date",
            PlaceholderKind::Tbd => "value marked TBD",
            PlaceholderKind::Arguments => "`$ARGUMENTS` slot",
            _ => "placeholder",
        };
        let shown = shorten(&p.text);
        let place = if p.in_metadata { " in metadata" } else { "" };
        out.report(p.range, format!("unfilled {what} `{shown}`{place}"))
            .primary_label("left from the template")
            .help("replace it with the real value, or remove the line if it does not apply");
    }
}

/// Long slots (a bracketed instruction sentence) are cut for the message;
/// the underline still shows all of it.
fn shorten(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 60 {
        return one_line;
    }
    let cut: String = one_line.chars().take(57).collect();
    format!("{cut}...")
}
