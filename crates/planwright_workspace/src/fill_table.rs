//! A filled table keeps the alignment its template gave it.
//!
//! Templates write their tables with the pipes in columns (`| Date     |
//! Update       |`). A value longer or shorter than its slot (`{{DATE}}`
//! is 8 characters, `2026-11-24` is 10) would push that row's pipes out of
//! line, and the plan `new` writes would be the first thing its author has
//! to tidy. So a table written in that style, the pipes of every row in
//! one column, is written again with its columns as wide as their widest
//! cell once filled. Any other table keeps its own layout, filled in place.

use planwright_core::edit::{Edit, apply};
use planwright_core::{Plan, TextRange, split_row};
use unicode_width::UnicodeWidthStr;

/// Replaces the `edits` that fill cells of an aligned table of `template`
/// with one edit that writes the whole table filled and aligned.
pub(crate) fn keep_tables_aligned(plan: &Plan, template: &str, edits: &mut Vec<Edit>) {
    for table in &plan.tables {
        let range = table.range;
        let inside = |e: &Edit| range.contains_range(e.range);
        if !edits.iter().any(inside)
            // An edit across the table's edge: leave the table as filled.
            || edits
                .iter()
                .any(|e| !inside(e) && e.range.start < range.end && range.start < e.range.end)
        {
            continue;
        }
        let text = &template[range.start as usize..range.end as usize];
        // Only a table already in the style written here: the template's
        // own layout is never rewritten into another.
        if aligned(text).as_deref() != Some(text) {
            continue;
        }
        let local: Vec<Edit> = edits
            .iter()
            .filter(|e| inside(e))
            .map(|e| {
                let at = |o: u32| (o - range.start) as usize;
                Edit::replace(
                    TextRange::new(at(e.range.start), at(e.range.end)),
                    e.content.clone(),
                )
            })
            .collect();
        let Some(filled) = apply(text, &local).ok().and_then(|t| aligned(&t)) else {
            continue;
        };
        edits.retain(|e| !inside(e));
        edits.push(Edit::replace(range, filled));
    }
}

/// `table` with every column as wide as its widest cell (or delimiter), each cell
/// between `| ` and ` |`, the delimiter row's dashes as wide as their
/// column (its colons kept); `None` unless every line is a bordered row of
/// the same number of cells, the second one the delimiter row.
fn aligned(table: &str) -> Option<String> {
    let mut rows: Vec<(&str, Vec<&str>, &str)> = Vec::new();
    for line in table.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = &line[body.len()..];
        let indent = &body[..body.len() - body.trim_start_matches(' ').len()];
        let inner = body[indent.len()..].strip_prefix('|')?.strip_suffix('|')?;
        if inner.ends_with('\\') {
            return None;
        }
        rows.push((
            indent,
            split_row(inner).into_iter().map(str::trim).collect(),
            ending,
        ));
    }
    let columns = rows.first()?.1.len();
    let delimiter = rows.get(1)?;
    let is_delimiter = |c: &&str| {
        let dashes = c.trim_start_matches(':').trim_end_matches(':');
        !dashes.is_empty() && dashes.bytes().all(|b| b == b'-')
    };
    if rows
        .iter()
        .any(|r| r.1.len() != columns || r.0 != rows[0].0)
        || !delimiter.1.iter().all(is_delimiter)
    {
        return None;
    }
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            // The delimiter's dashes count: a column the template made
            // wider than its cells stays so.
            rows.iter()
                .map(|r| r.1[i].width())
                .max()
                .unwrap_or(0)
                .max(3)
        })
        .collect();
    let mut out = String::with_capacity(table.len() + 16);
    for (n, (indent, cells, ending)) in rows.iter().enumerate() {
        out.push_str(indent);
        out.push('|');
        for (cell, &width) in cells.iter().zip(&widths) {
            out.push(' ');
            if n == 1 {
                let left = cell.starts_with(':');
                let right = cell.len() > 1 && cell.ends_with(':');
                let dashes = width - usize::from(left) - usize::from(right);
                out.push_str(if left { ":" } else { "" });
                out.push_str(&"-".repeat(dashes));
                out.push_str(if right { ":" } else { "" });
            } else {
                out.push_str(cell);
                out.push_str(&" ".repeat(width - cell.width()));
            }
            out.push_str(" |");
        }
        out.push_str(ending);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::aligned;

    #[test]
    fn columns_grow_to_their_widest_cell() {
        let filled = "| Date     | Update       |\n| -------- | :----------: |\n| 2026-11-24 | Plan created |\n";
        assert_eq!(
            aligned(filled).unwrap(),
            "| Date       | Update       |\n| ---------- | :----------: |\n| 2026-11-24 | Plan created |\n"
        );
    }

    #[test]
    fn escaped_pipes_and_wide_characters_stay_in_their_cell() {
        let filled = "| A | B |\n| --- | --- |\n| x \\| y | 数据 |\r\n";
        assert_eq!(
            aligned(filled).unwrap(),
            "| A      | B    |\n| ------ | ---- |\n| x \\| y | 数据 |\r\n"
        );
    }

    #[test]
    fn only_bordered_rows_of_one_width_are_aligned() {
        for table in [
            "A | B\n--- | ---\nx | y\n",
            "| A | B |\n| --- | --- |\n| x |\n",
            "| A | B |\n| x | y |\n",
            "| A |\n| --- |\n  | x |\n",
        ] {
            assert_eq!(aligned(table), None, "{table:?}");
        }
    }
}
