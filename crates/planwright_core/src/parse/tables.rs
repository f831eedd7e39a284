//! Tables: cells with exact ranges, the widths rows were written with, and
//! the typed view (risks, timeline, progress log …) chosen from the header.

use super::{
    Builder, Cell, Role, Row, Table, TableKind, Text, TextRange, line_len, line_start_before,
};

impl Builder<'_> {
    pub(super) fn end_cell(&mut self, r: TextRange) {
        let Some(block) = self.inline.take() else {
            return;
        };
        self.scan_segments(&block);
        let mut range = r.trim(self.src);
        let raw = range.slice(self.src);
        if raw.ends_with('|') && !raw.ends_with("\\|") {
            range = TextRange::new(range.start as usize, range.end as usize - 1).trim(self.src);
        }
        if raw.starts_with('|') {
            range = TextRange::new(range.start as usize + 1, range.end as usize).trim(self.src);
        }
        let text = Text::from(block.plain.trim());
        let slots = block.placeholders_from..self.plan.placeholders.len();
        // In source order, as `push_choice` looks them up (those of code
        // spans came first).
        if let Some(cell) = self.plan.placeholders.get_mut(slots.clone()) {
            cell.sort_by_key(|p| p.range.start);
        }
        self.recycle(block);
        self.push_choice(range.slice(self.src), range.start as usize, slots);
        if let Some(t) = &mut self.table {
            t.current.push(Cell { text, range });
        }
    }

    pub(super) fn end_row(&mut self, r: TextRange, head: bool) {
        let line_start = line_start_before(self.src, r.start as usize);
        let line = self.slice(line_start, self.src.len());
        let line = &line[..line_len(line)];
        let width = count_cells(line);
        let Some(t) = &mut self.table else { return };
        // The next row has as many cells, most likely: room for them now
        // saves growing its list cell by cell.
        let next = Vec::with_capacity(t.current.len());
        let cells = std::mem::replace(&mut t.current, next);
        let row = Row {
            cells,
            range: TextRange::new(line_start, line_start + line.len()),
        };
        if head {
            t.header = Some(row);
        } else {
            t.rows.push(row);
            t.widths.push(width);
        }
    }

    pub(super) fn end_table(&mut self) {
        let Some(t) = self.table.take() else { return };
        let header = t.header.unwrap_or(Row {
            cells: Vec::new(),
            range: t.range,
        });
        let section_role = self.section().and_then(|s| self.plan.sections[s].role);
        let kind = table_kind(&header, section_role);
        let range = TextRange::new(
            t.range.start as usize,
            trim_trailing_newlines(self.src, t.range.start as usize, t.range.end as usize),
        );
        self.plan.tables.push(Table {
            kind,
            header,
            rows: t.rows,
            range,
            section: self.section(),
            written_widths: t.widths,
        });
    }
}

pub(super) fn table_kind(header: &Row, role: Option<Role>) -> TableKind {
    // Compared in place, ignoring ASCII case: tables are common, and a
    // lower-cased copy of every header cell showed in profiles.
    let has = |w: &str| {
        header
            .cells
            .iter()
            .any(|c| contains_ignore_ascii_case(&c.text, w))
    };
    if names_risks(header, role)
        && (has("mitigation") || has("impact") || has("likelihood") || has("probability"))
    {
        TableKind::Risks
    } else if has("decision") {
        TableKind::Decisions
    } else if has("variable") && (has("default") || has("purpose")) {
        TableKind::ConfigVariables
    } else if has("role") && (has("person") || has("team") || has("owner") || has("responsib")) {
        TableKind::Stakeholders
    } else if has("component") && has("change") {
        TableKind::ComponentChanges
    } else if role == Some(Role::Timeline)
        || has_word(header, &["start", "begin"]) && has_word(header, &["end", "finish", "due"])
    {
        // A schedule, whatever else it notes: a "Notes" or "Last update"
        // column beside its dates does not make it a log.
        TableKind::Timeline
    } else if has_entry_date(header)
        && (has("update") || has("progress") || has("note") || has("entry"))
    {
        TableKind::ProgressLog
    } else if has("start") || has("end date") || has("due") {
        TableKind::Timeline
    } else if role == Some(Role::ProgressLog) {
        TableKind::ProgressLog
    } else if has("dependenc") {
        TableKind::Dependencies
    } else if role == Some(Role::Risks) && has("mitigation") {
        TableKind::Risks
    } else {
        TableKind::Other
    }
}

/// Whether a column names the risk each row is, as a risk register's do:
/// the first column (after a `#` or `ID` one) headed with the word "risk"
/// (`Risk`, `Technical risks`, `Risk ID`), or, under a risks section, a
/// column headed exactly `Risk`, `Risks` or `Description`. A table with a
/// risk column among others (`Component | Change | Risk Level | Impact`)
/// lists components, not risks.
fn names_risks(header: &Row, role: Option<Role>) -> bool {
    const ID: &[&str] = &["id", "no", "nr", "num", "number", "ref"];
    // Words after "risk" that still name the risk itself; any other
    // ("Risk Level", "Risk area") makes the column a property of the row.
    const NAMING: &[&str] = &[
        "id",
        "description",
        "name",
        "item",
        "title",
        "statement",
        "event",
    ];
    let first = header
        .cells
        .iter()
        .find(|c| !words(&c.text).all(|w| is_one_of(w, ID)));
    let first_names_risk = first.is_some_and(|c| {
        let mut from_risk = words(&c.text).skip_while(|w| !is_one_of(w, &["risk", "risks"]));
        from_risk.next().is_some() && from_risk.all(|w| is_one_of(w, NAMING))
    });
    first_names_risk
        || role == Some(Role::Risks)
            && header
                .cells
                .iter()
                .any(|c| is_one_of(c.text.trim(), &["risk", "risks", "description"]))
}

fn words(text: &str) -> impl Iterator<Item = &str> + Clone {
    text.split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn is_one_of(word: &str, set: &[&str]) -> bool {
    set.iter().any(|s| word.eq_ignore_ascii_case(s))
}

/// Whether a column dates the row itself, as a log's does (`Date`, `Date
/// added`), rather than scheduling something (`Due Date`, `Target date`).
fn has_entry_date(header: &Row) -> bool {
    const SCHEDULE: &[&str] = &[
        "start", "begin", "end", "finish", "due", "target", "deadline", "plan", "expect", "estimat",
    ];
    header.cells.iter().any(|c| {
        let mut cell = words(&c.text);
        let dated = cell
            .clone()
            .any(|w| starts_with_ignore_ascii_case(w, "date"));
        dated && !cell.any(|w| SCHEDULE.iter().any(|n| starts_with_ignore_ascii_case(w, n)))
    })
}

/// Whether a header cell has a word starting with one of `needles`, as
/// [`crate::Table::column`] finds columns: "Start Date", not "Restart".
fn has_word(header: &Row, needles: &[&str]) -> bool {
    header.cells.iter().any(|c| {
        words(&c.text).any(|w| needles.iter().any(|n| starts_with_ignore_ascii_case(w, n)))
    })
}

fn starts_with_ignore_ascii_case(word: &str, prefix: &str) -> bool {
    word.get(..prefix.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(prefix))
}

/// Whether `hay` contains `needle` (lower-case ASCII), ignoring ASCII case.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    hay.len() >= needle.len()
        && hay
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Cells written in a table row: its `|` separators, as GFM splits a row
/// before reading its cells' text: every `|` not escaped with `\\`, in a
/// code span too (`` `a|b` `` is two cells).
pub(super) fn count_cells(line: &str) -> usize {
    let t = without_containers(line);
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t
        .strip_suffix('|')
        .filter(|s| !s.ends_with('\\'))
        .unwrap_or(t);
    // Bytes, not characters: the two that matter are ASCII, and no byte
    // of a multi-byte character can be mistaken for them. Most rows hold
    // no escape: their pipes are counted by memchr's SIMD count (a byte
    // fold was not vectorised, at four instructions a byte).
    let bytes = t.as_bytes();
    if !bytes.contains(&b'\\') {
        return 1 + memchr::memchr_iter(b'|', bytes).count();
    }
    split_row(t).len()
}

/// The cells of a row between its outer pipes (`a | b \| c` is `a ` and
/// ` b \| c`), split as GFM splits them: at every `|` not escaped with
/// `\`, in a code span too.
pub fn split_row(inner: &str) -> Vec<&str> {
    let bytes = inner.as_bytes();
    let (mut cells, mut from, mut i) = (Vec::new(), 0, 0);
    while i < bytes.len() {
        match bytes[i] {
            // The byte after a backslash is escaped.
            b'\\' => i += 1,
            b'|' => {
                cells.push(&inner[from..i]);
                from = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    cells.push(&inner[from..]);
    cells
}

/// A row's line without the markers of the blockquotes and the indentation
/// of the list items it sits in (`> > | a | b |`, `   | a |`): every `>`
/// leading a row is a quote's, since one that opened a new quote would
/// have ended the table.
fn without_containers(line: &str) -> &str {
    let mut t = line.trim();
    while let Some(rest) = t.strip_prefix('>') {
        t = rest.trim_start();
    }
    t
}

/// Where the text from `start` to `end` ends without its trailing line
/// breaks: a table's or an item's range stops at its last line's end.
pub(super) fn trim_trailing_newlines(src: &str, start: usize, end: usize) -> usize {
    let s = src.get(start..end).unwrap_or_default().as_bytes();
    // Bytes, not characters: both are ASCII, never part of another
    // character, and decoding the item's tail backwards showed in profiles.
    let mut len = s.len();
    while len > 0 && matches!(s[len - 1], b'\n' | b'\r') {
        len -= 1;
    }
    start + len
}

#[cfg(test)]
#[path = "tables_tests.rs"]
mod tests;
