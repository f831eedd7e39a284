//! Flags a table row with more or fewer cells than the header.
//!
//! ## What it does
//! Compares the number of cells written in each row with the header's.
//! Markdown renderers silently drop extra cells and pad missing ones, so
//! the row shows something other than what was written. In a table inside
//! a blockquote or list item, the `>` markers and the indentation are not
//! cells.
//!
//! ## Why
//! A missing cell shifts meaning (the owner lands in the date column); an
//! extra one is text no reader will see. Usually an unescaped `|` in a cell
//! (inside inline code too: `` `a|b` `` is two cells in GFM) or a
//! forgotten column.
//!
//! ## Example
//! ```markdown
//! | Risk | Impact | Mitigation |
//! |---|---|---|
//! | Rate limits | High |
//! ```
//!
//! ## Fix
//! Add or remove cells, or escape a `|` inside a cell as `\|`.

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for table in &ctx.plan.tables {
        let width = table.header.cells.len();
        for (row, &written) in table.rows.iter().zip(&table.written_widths) {
            if written == width {
                continue;
            }
            let what = if written > width { "more" } else { "fewer" };
            let cells = |n: usize| {
                if n == 1 {
                    "1 cell".to_owned()
                } else {
                    format!("{n} cells")
                }
            };
            out.report(
                row.range,
                format!(
                    "row has {}, {what} than the header's {width}",
                    cells(written)
                ),
            )
            .label(table.header.range, format!("header has {}", cells(width)))
            .help("add or remove cells, or escape a `|` inside a cell as `\\|`");
        }
    }
}
