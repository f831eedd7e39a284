//! Flags a progress-log row whose date breaks the log's order.
//!
//! ## What it does
//! Reads the date column of progress-log tables. The first two different
//! dates set the direction (oldest first or newest first); a later row
//! that goes the other way is reported. Rows without a readable date are
//! skipped.
//!
//! A progress log is a table under a progress-log heading, or one dating
//! its rows (`Date`) with an update, progress, notes or entry column. A
//! schedule is not a log, even with a `Notes` column: a table with start
//! and end columns, or under a Timeline or Schedule heading, is a timeline
//! (PW204), and a `Due Date` or `Target date` column schedules rather than
//! dates an entry.
//!
//! ## Why
//! A log out of order is usually an entry added in the wrong place or with
//! the wrong date, and readers take the last row for the latest news.
//!
//! ## Example
//! ```markdown
//! | Date | Update |
//! |---|---|
//! | 2026-03-01 | Phase 1 done |
//! | 2026-02-20 | Phase 2 started |
//! | 2026-03-05 | Review |
//! ```
//!
//! ## Fix
//! Move the row to its place, or correct its date. `planwright log` adds
//! rows in the log's own order.

use std::cmp::Ordering;

use jiff::civil::Date;
use planwright_core::{TableKind, TextRange};

use super::Sink;
use crate::Context;
use crate::util::first_date;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for table in ctx
        .plan
        .tables
        .iter()
        .filter(|t| t.kind == TableKind::ProgressLog)
    {
        let col = table.column(&["date", "when", "day"]).unwrap_or(0);
        let dated: Vec<(Date, TextRange)> = table
            .rows
            .iter()
            .filter_map(|r| {
                let cell = r.cells.get(col)?;
                Some((first_date(&cell.text)?, cell.range))
            })
            .collect();
        let mut direction = Ordering::Equal;
        for pair in dated.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let step = b.0.cmp(&a.0);
            if step == Ordering::Equal {
                continue;
            }
            if direction == Ordering::Equal {
                direction = step;
                continue;
            }
            if step != direction {
                let order = if direction == Ordering::Greater {
                    "oldest first"
                } else {
                    "newest first"
                };
                out.report(
                    b.1,
                    format!("progress log goes {order}, but {} follows {}", b.0, a.0),
                )
                .primary_label("out of order")
                .label(a.1, "previous entry")
                .help("move the row to its place in the log, or correct its date");
            }
        }
    }
}
