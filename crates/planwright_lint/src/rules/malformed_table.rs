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
        // The header's pipes are measured once per table, not per short
        // row: a wide header under many short rows was read again for each.
        let header = Header::new(table.header.range.slice(ctx.source));
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
                let (at, cells_text) =
                    missing_cells(&header, row.range.slice(ctx.source), width - written);
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

/// What a short row's fix needs of its table's header line.
struct Header {
    /// The display columns of the header's pipes.
    pipes: Vec<usize>,
    /// Whether the header ends with a pipe, so its columns have a last edge.
    closed: bool,
}

impl Header {
    fn new(line: &str) -> Self {
        let line = line.trim_end();
        Header {
            pipes: pipe_columns(line),
            closed: closes_its_row(line),
        }
    }
}

/// Where in `row` (a whole line) the `missing` empty cells go, and their
/// text: after the row's last character, one `|` to close its last cell
/// when the row leaves it open (`| a | b`), then one per cell. Where the
/// row's pipes stand in the header's columns, the new ones do too.
fn missing_cells(header: &Header, row: &str, missing: usize) -> (usize, String) {
    let content = row.trim_end();
    let closed = closes_its_row(content);
    let count = missing + usize::from(!closed);
    let header_pipes = &header.pipes;
    let row_pipes = pipe_columns(content);
    let targets = header_pipes.get(row_pipes.len()..).unwrap_or_default();
    let lined_up = header.closed && header_pipes.starts_with(&row_pipes) && targets.len() >= count;
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
///
/// The width is summed piece by piece between pipes rather than measured
/// from the line's start at each pipe, which made a header of n columns
/// cost n² (seconds for a few thousand columns). Measuring whole pieces,
/// not single characters, keeps `str::width`'s reading of sequences (an
/// emoji with its variation selector); a `|` is part of none, so the sum
/// equals the width of the whole prefix.
fn pipe_columns(line: &str) -> Vec<usize> {
    let mut columns = Vec::new();
    let mut prev = None;
    let (mut measured, mut column) = (0, 0);
    for (i, c) in line.char_indices() {
        if c == '|' && prev != Some('\\') {
            column += line[measured..i].width();
            measured = i;
            columns.push(column);
        }
        prev = Some(c);
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::{Header, missing_cells};

    /// Each case: the header, the short row, the cells it lacks, and the
    /// row as the fix leaves it.
    fn check(cases: &[(&str, &str, usize, &str)]) {
        for &(header, row, missing, want) in cases {
            let (at, text) = missing_cells(&Header::new(header), row, missing);
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

    /// A wide header's pipes, measured piece by piece, land where measuring
    /// each prefix whole puts them, wide characters and emoji sequences
    /// included; and a short row under it is padded to every column.
    #[test]
    fn a_wide_header_is_measured_as_a_whole() {
        let names: Vec<String> = (0..3000)
            .map(|i| match i % 4 {
                0 => format!("c{i}"),
                1 => "风险".to_owned(),
                2 => "\u{2764}\u{fe0f} \\| x".to_owned(),
                _ => "\u{1f469}\u{200d}\u{1f4bb}".to_owned(),
            })
            .collect();
        let header = format!("| {} |", names.join(" | "));
        let want: Vec<usize> = header
            .char_indices()
            .filter(|&(i, c)| c == '|' && !header[..i].ends_with('\\'))
            .map(|(i, _)| unicode_width::UnicodeWidthStr::width(&header[..i]))
            .collect();
        assert_eq!(super::pipe_columns(&header), want);

        let (at, text) = missing_cells(&Header::new(&header), "| c0 |", 2999);
        let fixed = format!("{}{text}", &"| c0 |"[..at]);
        assert_eq!(super::pipe_columns(&fixed), want);
    }
}
