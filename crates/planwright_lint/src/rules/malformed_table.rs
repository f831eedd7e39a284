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
//!
//! `--fix --unsafe-fixes` adds the empty cells a short row lacks at its
//! end (`| Rate limits | High | |`), padded to the header's columns where
//! the row's pipes line up with the header's. It is unsafe because the
//! cell left out may be one in the middle: the fix shows the row as
//! renderers already do, and the cells after the gap stay in the wrong
//! columns until you move them. A row with too many cells has no fix:
//! which text is extra is for you to say.

use planwright_core::TextRange;
use planwright_core::edit::Edit;
use unicode_width::UnicodeWidthStr;

use super::Sink;
use crate::Context;
use crate::diagnostic::Applicability;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for table in &ctx.plan.tables {
        let width = table.header.cells.len();
        for (row, &written) in table.rows.iter().zip(&table.written_widths) {
            if written == width {
                continue;
            }
            let what = if written > width { "more" } else { "fewer" };
            let report = out
                .report(
                    row.range,
                    format!(
                        "row has {}, {what} than the header's {width}",
                        cells(written)
                    ),
                )
                .label(table.header.range, format!("header has {}", cells(width)))
                .help("add or remove cells, or escape a `|` inside a cell as `\\|`");
            if written < width {
                let header = table.header.range.slice(ctx.source);
                let (at, cells_text) =
                    missing_cells(header, row.range.slice(ctx.source), width - written);
                let at = row.range.start as usize + at;
                report.fix(
                    format!("add {} at the row's end", empty_cells(width - written)),
                    vec![Edit::replace(TextRange::new(at, at), &cells_text)],
                    Applicability::Unsafe,
                );
            }
        }
    }
}

fn cells(n: usize) -> String {
    if n == 1 {
        "1 cell".to_owned()
    } else {
        format!("{n} cells")
    }
}

fn empty_cells(n: usize) -> String {
    if n == 1 {
        "1 empty cell".to_owned()
    } else {
        format!("{n} empty cells")
    }
}

/// Where in `row` (a whole line) the `missing` empty cells go, and their
/// text: after the row's last character, one `|` to close its last cell
/// when the row leaves it open (`| a | b`), then one per cell. Where the
/// row's pipes stand in the header's columns, the new ones do too.
fn missing_cells(header: &str, row: &str, missing: usize) -> (usize, String) {
    let content = row.trim_end();
    let closed = closes_its_row(content);
    let count = missing + usize::from(!closed);
    let header = header.trim_end();
    let (header_pipes, row_pipes) = (pipe_columns(header), pipe_columns(content));
    let targets = header_pipes.get(row_pipes.len()..).unwrap_or_default();
    let lined_up =
        closes_its_row(header) && header_pipes.starts_with(&row_pipes) && targets.len() >= count;
    let mut text = String::new();
    let mut column = content.width();
    let columns = targets.iter().map(Some).chain(std::iter::repeat(None));
    for target in columns.take(count) {
        let pad = match target {
            Some(&target) if lined_up && target > column => target - column,
            _ => 1,
        };
        text.extend(std::iter::repeat_n(' ', pad));
        text.push('|');
        column += pad + 1;
    }
    (content.len(), text)
}

/// Whether a row's text ends with a pipe that closes its last cell, not
/// an escaped one (`\|`), as `count_cells` reads it.
fn closes_its_row(text: &str) -> bool {
    text.ends_with('|') && !text.ends_with("\\|")
}

/// The display columns of the pipes that separate a line's cells: every
/// `|` but an escaped one.
fn pipe_columns(line: &str) -> Vec<usize> {
    let mut columns = Vec::new();
    let mut prev = None;
    for (i, c) in line.char_indices() {
        if c == '|' && prev != Some('\\') {
            columns.push(line[..i].width());
        }
        prev = Some(c);
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::missing_cells;

    /// Each case: the header, the short row, the cells it lacks, and the
    /// row as the fix leaves it.
    fn check(cases: &[(&str, &str, usize, &str)]) {
        for &(header, row, missing, want) in cases {
            let (at, text) = missing_cells(header, row, missing);
            let got = format!("{}{text}{}", &row[..at], &row[at..]);
            assert_eq!(got, want, "{row:?} under {header:?}");
        }
    }

    #[test]
    fn a_short_row_gains_empty_cells_at_its_end() {
        let header = "| Risk | Impact | Mitigation |";
        check(&[
            (
                header,
                "| Rate limits | High |",
                1,
                "| Rate limits | High | |",
            ),
            // A row that leaves its last cell open has it closed first.
            (
                header,
                "| Rate limits | High",
                1,
                "| Rate limits | High | |",
            ),
            (header, "| Rate limits |", 2, "| Rate limits | | |"),
            // Trailing spaces and a CR stay after the new cells.
            (
                header,
                "| Rate limits | High |  \r",
                1,
                "| Rate limits | High | |  \r",
            ),
            // An escaped pipe closes nothing.
            ("| A | B |", "| a \\|", 1, "| a \\| | |"),
        ]);
    }

    #[test]
    fn a_row_lined_up_with_its_header_stays_lined_up() {
        let risks = "| Risk        | Impact | Mitigation  |";
        let wide = "| 风险 | Impact |";
        check(&[
            (
                risks,
                "| Rate limits | High   |",
                1,
                "| Rate limits | High   |             |",
            ),
            (
                risks,
                "| Rate limits | High",
                1,
                "| Rate limits | High   |             |",
            ),
            // Columns, not bytes: a wide character takes two.
            (wide, "| 风险 |", 1, "| 风险 |        |"),
            // A row out of line with the header gets plain cells.
            (wide, "| r |", 1, "| r | |"),
            // Text past the next column's pipe: plain cells too.
            ("| A | B | C |", "| A | Bbbbbb", 1, "| A | Bbbbbb | |"),
        ]);
    }
}
