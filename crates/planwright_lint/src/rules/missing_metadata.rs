//! Flags a metadata field the plan's dialect requires but the plan lacks or
//! leaves empty.
//!
//! ## What it does
//! Each dialect lists its required header fields (the `delivery` dialect:
//! Issue, Author, Created, Status). A field counts when it is written as
//! front matter, a `**Key:** value` line or a `<!-- KEY: value -->` comment
//! in the plan's header, also under a longer name ending in its own
//! (`GitHub Issue` is an Issue, `Date Created` a Created), and is reported
//! when absent or blank. The help shows the field as the dialect's
//! template writes it.
//!
//! ## Why
//! Tools and people find plans by these fields: who owns it, which issue it
//! answers, where it stands.
//!
//! ## Example
//! ```markdown
//! # Delivery Plan: Export
//!
//! **Issue:** #42
//! **Status:** Draft
//! **Estimated Time:** 3 days
//! ```
//! is read as a `delivery` plan (by its Issue and Estimated Time fields)
//! and lacks Author and Created.
//!
//! ## Fix
//! Add the field to the header, for instance with `planwright set PLAN
//! author "Ada" --add`. The help also says why the plan was read as this
//! dialect; if the plan is not meant to follow the dialect's template, set
//! its dialect in `planwright.toml` (`[[plans.dialects]]`, see
//! `planwright rules PW103`) or pass `planwright lint --dialect generic`.

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(dialect) = ctx.dialect else {
        return;
    };
    let at = ctx.title_anchor();
    for key in &dialect.descriptor.required_metadata {
        match ctx.plan.field(key).or_else(|| qualified(ctx, key)) {
            None => {
                let help = match dialect.template_field(key) {
                    Some(line) => format!(
                        "add it under the title as the template writes it: `{}`",
                        line.trim()
                    ),
                    None => format!(
                        "add a `**{}:** value` line under the title",
                        title_case(key)
                    ),
                };
                let why = super::missing_section::why_dialect(ctx, dialect.name());
                out.report(
                    at,
                    format!(
                        "missing metadata: {key} (required by the {} dialect)",
                        dialect.name()
                    ),
                )
                .help(format!("{help}. {why}"));
            }
            Some(f) if f.value.trim().is_empty() => {
                out.report(f.range, format!("metadata field `{}` has no value", f.key))
                    .help("fill in the value or remove the field");
            }
            Some(_) => {}
        }
    }
}

/// A header field whose name ends in `key` as a whole word: `GitHub
/// Issue` for `issue`.
fn qualified<'p>(ctx: &Context<'p>, key: &str) -> Option<&'p planwright_core::MetaField> {
    let key = planwright_core::normalize_key(key);
    ctx.plan.metadata.iter().find(|f| {
        f.is_header()
            && f.norm
                .strip_suffix(key.as_str())
                .is_some_and(|rest| rest.ends_with('_'))
    })
}

fn title_case(key: &str) -> String {
    key.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
