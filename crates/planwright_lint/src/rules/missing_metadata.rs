//! Flags a metadata field the plan's dialect requires but the plan lacks or
//! leaves empty.
//!
//! ## What it does
//! Each dialect lists its required header fields (the `delivery` dialect:
//! Issue, Author, Created, Status). A field counts when it is written as
//! front matter, a `**Key:** value` line or a `<!-- KEY: value -->` comment
//! in the plan's header, and is reported when absent or blank.
//!
//! ## Why
//! Tools and people find plans by these fields: who owns it, which issue it
//! answers, where it stands.
//!
//! ## Example
//! ```markdown
//! # Delivery Plan: Export
//! **Issue:** #42
//! **Status:** Draft
//! ```
//! lacks Author and Created.
//!
//! ## Fix
//! Add the field to the header, for instance with `planwright set PLAN
//! author "Ada"`.

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(dialect) = ctx.dialect else {
        return;
    };
    let at = ctx.title_anchor();
    for key in &dialect.descriptor.required_metadata {
        match ctx.plan.field(key) {
            None => {
                out.report(
                    at,
                    format!(
                        "missing metadata: {key} (required by the {} dialect)",
                        dialect.name()
                    ),
                )
                .help(format!(
                    "add a `**{}:** value` line under the title",
                    title_case(key)
                ));
            }
            Some(f) if f.value.trim().is_empty() => {
                out.report(f.range, format!("metadata field `{}` has no value", f.key))
                    .help("fill in the value or remove the field");
            }
            Some(_) => {}
        }
    }
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
