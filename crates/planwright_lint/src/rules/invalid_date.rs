//! Flags a date that names no calendar day, such as `2026-02-30` or
//! `2025-13-01`.
//!
//! ## What it does
//! Reads `YYYY-MM-DD` (or `YYYY/MM/DD`) dates in metadata values and table
//! cells, with or without a time after them (`2026-02-30T10:00:00Z`), and
//! reports those whose month or day does not exist.
//!
//! ## Why
//! An impossible date is a typo that hides the intended one; timeline and
//! progress-log checks (PW204, PW209) cannot order it.
//!
//! ## Example
//! ```markdown
//! **Created:** 2026-02-30
//! ```
//!
//! ## Fix
//! Correct the date.

use planwright_core::TextRange;

use super::Sink;
use crate::Context;
use crate::util::date_tokens;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let plan = ctx.plan;
    let values = plan.metadata.iter().map(|m| m.value_range);
    let cells = plan
        .tables
        .iter()
        .flat_map(|t| t.rows.iter())
        .flat_map(|r| r.cells.iter())
        .map(|c| c.range);
    for range in values.chain(cells) {
        let text = range.slice(ctx.source);
        for token in date_tokens(text) {
            if token.date.is_some() {
                continue;
            }
            let start = range.start as usize + token.start;
            let at = TextRange::new(start, range.start as usize + token.end);
            out.report(at, format!("`{}` is not a real date", at.slice(ctx.source)))
                .primary_label("no such day")
                .help("correct the month or day");
        }
    }
}
