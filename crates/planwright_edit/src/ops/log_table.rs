//! Log entries as table rows: padded like the table, `|` escaped, where
//! the date belongs among the rows of the log's tables, or in a table of
//! their own under a new month heading.

use planwright_core::edit::Edit;
use planwright_core::text::line_len;
use planwright_core::{Plan, Row, Table, TableKind, TextRange};

use super::{
    Change, Dates, Day, Form, Intent, New, Spot, inline_literal, insert_lines, line_end_after,
    line_start, month, order, spot,
};

/// The tables in `range` (the log section) that hold entries, each with
/// its date column: those read as a progress log and those with a date
/// column (a "Date" heading, or dates in its rows). A table outside the
/// log section is never the log, however its columns are named: a
/// timeline's `| Milestone | Date | Notes |` is not.
pub(super) fn log_tables(plan: &Plan, range: TextRange, dates: Dates) -> Vec<(usize, usize)> {
    plan.tables
        .iter()
        .enumerate()
        .filter(|(_, t)| range.contains_range(t.range))
        .filter_map(|(i, t)| {
            let dates = dates.at(plan, t.range.start as usize);
            let named = t.column(&["date", "when", "day"]);
            let with_dates = (0..t.header.cells.len()).find(|&c| {
                t.rows.iter().any(|r| {
                    r.cells
                        .get(c)
                        .is_some_and(|x| dates.find(&x.text).is_some())
                })
            });
            match named.or(with_dates) {
                Some(col) => Some((i, col)),
                None => (t.kind == TableKind::ProgressLog).then_some((i, 0)),
            }
        })
        .collect()
}

/// A row in one of the log's `tables` (indices and date columns from
/// [`log_tables`] of section `s`, not empty), where [`spot`] puts its date
/// among all their rows. In a log whose tables stand under month
/// headings, a month without a group gets one (see
/// [`month::new_month`]): its heading and a table of the one row, with
/// the header and delimiter lines of the table next to it. A month heading
/// without a dated row takes the row, in its table if it has one (see
/// [`month::own_month`]), else in such a table of its own.
pub(super) fn add_row(
    plan: &Plan,
    src: &str,
    s: usize,
    tables: &[(usize, usize)],
    new: &New<'_>,
) -> Change {
    let dates = new.dates;
    let entries: Vec<(Option<Day>, usize)> = tables
        .iter()
        .enumerate()
        .flat_map(|(g, &(t, col))| {
            let t = &plan.tables[t];
            let dates = dates.at(plan, t.range.start as usize);
            t.rows
                .iter()
                .map(move |r| (row_date(r, col, dates).map(|w| w.0), g))
        })
        .collect();
    let starts: Vec<usize> = tables
        .iter()
        .map(|&(t, _)| plan.tables[t].range.start as usize)
        .collect();
    if let Some(own) = month::own_month(plan, src, s, &entries, &starts, new.date) {
        let new = &new.at_home();
        if let Some(g) = own.group {
            let (index, date_col) = tables[g];
            let row = table_row(src, plan, &plan.tables[index], date_col, None, new);
            return Change {
                edits: vec![row],
                intent: Intent::LogRow { table: index },
            };
        }
        let (index, date_col) = tables[own.model.unwrap_or(tables.len() - 1)];
        let t = &plan.tables[index];
        let mut lines = head_lines(src, t);
        let form = table_form(
            t,
            date_col,
            None,
            new.dates.at(plan, t.range.start as usize),
        );
        lines.push(row_text(src, t, date_col, form, new));
        return Change {
            edits: vec![own.edit(src, lines, new.le)],
            intent: Intent::LogEntry { new_heading: false },
        };
    }
    if let Some(month) = month::new_month(plan, src, s, &entries, &starts, new.date) {
        let new = &new.at_home();
        let (index, date_col) = tables[month.model];
        let t = &plan.tables[index];
        let mut lines = head_lines(src, t);
        let form = table_form(
            t,
            date_col,
            None,
            new.dates.at(plan, t.range.start as usize),
        );
        lines.push(row_text(src, t, date_col, form, new));
        return Change {
            edits: vec![month.edit(src, lines, new.le)],
            intent: Intent::LogEntry { new_heading: true },
        };
    }
    let row_at = |i: usize| {
        let mut i = i;
        for (g, &(t, _)) in tables.iter().enumerate() {
            let rows = &plan.tables[t].rows;
            if i < rows.len() {
                return (g, Some(&rows[i]));
            }
            i -= rows.len();
        }
        (tables.len() - 1, None)
    };
    let (group, before) = match spot(&entries, new.date, order(plan, s, &entries)) {
        Spot::Before(i) => row_at(i),
        Spot::After(i) => (row_at(i).0, None),
        Spot::End => {
            let last_dated = entries.iter().rposition(|e| e.0.is_some());
            (last_dated.map_or(tables.len() - 1, |i| entries[i].1), None)
        }
    };
    let (index, date_col) = tables[group];
    Change {
        edits: vec![table_row(
            src,
            plan,
            &plan.tables[index],
            date_col,
            before,
            new,
        )],
        intent: Intent::LogRow { table: index },
    }
}

/// The date in the cell at `col` of `row`, and how it is written, read
/// with the `dates` of its table (see [`Dates::at`]).
pub(super) fn row_date(row: &Row, col: usize, dates: Dates) -> Option<(Day, Form)> {
    let (_, w) = dates.find(&row.cells.get(col)?.text)?;
    Some((w.day, w.form))
}

/// How the table writes its dates: like its row `before` when that one is
/// dated, else like its last dated row, else like the log's `fallback`.
fn table_form(t: &Table, col: usize, before: Option<&Row>, dates: Dates) -> Option<Form> {
    let last = t.rows.iter().rev().find_map(|r| row_date(r, col, dates));
    let near = before.and_then(|r| row_date(r, col, dates)).or(last)?.1;
    Some(
        t.rows
            .iter()
            .filter_map(|r| row_date(r, col, dates))
            .fold(near, |f, (_, o)| f.fill(o)),
    )
}

/// The row [`row_text`] writes, before the row `before`, else after the
/// table's last row.
fn table_row(
    src: &str,
    plan: &Plan,
    t: &Table,
    date_col: usize,
    before: Option<&Row>,
    new: &New<'_>,
) -> Edit {
    let form = table_form(
        t,
        date_col,
        before,
        new.dates.at(plan, t.range.start as usize),
    );
    let row = row_text(src, t, date_col, form, new);
    let at = match (before, t.rows.last()) {
        (Some(next), _) => line_start(src, next.range.start as usize),
        (None, Some(last)) => line_end_after(src, last.range.end as usize),
        (None, None) => {
            // No rows yet: after the delimiter row under the header.
            let after_header = line_end_after(src, t.header.range.end as usize);
            line_end_after(src, after_header + 1)
        }
    };
    insert_lines(src, at, &[row], new.le)
}

/// The header and delimiter lines of `t` as written, without their line
/// endings, for a new table that reads like it.
fn head_lines(src: &str, t: &Table) -> Vec<String> {
    let header = line_start(src, t.header.range.start as usize);
    let delim = line_end_after(src, t.header.range.end as usize);
    [header, delim]
        .iter()
        .map(|&at| {
            let rest = src.get(at..).unwrap_or("");
            rest[..line_len(rest)].to_owned()
        })
        .collect()
}

/// A row with the date and message in their columns, cells padded to the
/// header's widths, `|` escaped, pipes and prefix as the table writes them.
fn row_text(src: &str, t: &Table, date_col: usize, form: Option<Form>, new: &New<'_>) -> String {
    let msg_col = message_column(t, date_col);
    let escaped = escape_pipes(&inline_literal(new.message));
    let date = new.date_in(form);
    let header_line = t.header.range.slice(src);
    let prefix_len = header_line.find('|').unwrap_or(0);
    let prefix = &header_line[..prefix_len];
    let prefix = if prefix.trim_start_matches(['>', ' ', '\t']).is_empty() {
        prefix
    } else {
        ""
    };
    let body = header_line[prefix.len()..].trim_end();
    let outer = body.starts_with('|');
    let widths = |line: &str| -> Vec<usize> {
        segments(line.trim_end())
            .iter()
            .map(|s| display_width(s))
            .collect()
    };
    let header_widths = widths(body);
    // Pad to the column widths only when the table is kept aligned: its
    // last row (or the delimiter row of an empty table) matches the header.
    let reference = if let Some(last) = t.rows.last() {
        last.range.slice(src).get(prefix.len()..).unwrap_or("")
    } else {
        let delim = line_end_after(src, t.header.range.end as usize);
        let end = line_end_after(src, delim + 1);
        src.get(delim..end)
            .and_then(|l| l.get(prefix.len()..))
            .unwrap_or("")
    };
    let aligned = widths(reference) == header_widths;
    let cells: Vec<String> = (0..t.header.cells.len().max(1))
        .map(|c| {
            let text = if c == date_col {
                date.as_str()
            } else if c == msg_col {
                escaped.as_str()
            } else {
                ""
            };
            let width = if aligned {
                header_widths.get(c).map_or(0, |w| w.saturating_sub(2))
            } else {
                0
            };
            padded(text, width)
        })
        .collect();
    if outer {
        format!("{prefix}| {} |", cells.join(" | "))
    } else {
        format!("{prefix}{}", cells.join(" | "))
    }
}

/// The column of `t` a row's message goes in, beside its date in
/// `date_col`: one named for it ("Update", "Notes", "Summary"), else the
/// first other one.
pub(super) fn message_column(t: &Table, date_col: usize) -> usize {
    t.column(&[
        "update",
        "entry",
        "note",
        "progress",
        "change",
        "event",
        "summary",
        "description",
        "what",
    ])
    .filter(|&c| c != date_col)
    .or_else(|| (0..t.header.cells.len()).find(|&c| c != date_col))
    .unwrap_or(date_col)
}

/// The columns `text` takes in a monospaced editor: a CJK character or an
/// emoji takes two, a combining mark none. Padding by characters would
/// leave a row with wide ones out of line with the rest.
pub(super) fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` padded with spaces to `width` columns (see [`display_width`]).
pub(super) fn padded(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(display_width(text));
    format!("{text}{}", " ".repeat(pad))
}

/// `|` escaped for a table cell; one already escaped (`\|`) is left as is.
pub(super) fn escape_pipes(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut backslashes = 0;
    for c in text.chars() {
        if c == '|' && backslashes % 2 == 0 {
            out.push('\\');
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
    out
}

/// The cells of a table line between unescaped pipes, outer pipes dropped.
fn segments(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            out.push(&line[from..i]);
            from = i + 1;
        }
    }
    out.push(&line[from..]);
    if line.starts_with('|') {
        out.remove(0);
    }
    if line.ends_with('|') && !line.ends_with("\\|") {
        out.pop();
    }
    out
}
