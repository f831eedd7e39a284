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

use super::Sink;
use crate::Context;
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
    out.report(
        status.value_range,
        format!(
            "unknown status `{}` for the {} dialect",
            status.value.trim(),
            dialect.name()
        ),
    )
    .primary_label("not a known status")
    .help(format!("use one of: {}", values.join(", ")));
}
