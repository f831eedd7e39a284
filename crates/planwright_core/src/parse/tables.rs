//! Tables: cells with exact ranges, the widths rows were written with, and
//! the typed view (risks, timeline, progress log …) chosen from the header.

use super::{
    Builder, Cell, Role, Row, Table, TableKind, Text, TextRange, line_len, line_start_before,
    trim_trailing_newlines,
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
    if has("risk")
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
    } else if has("date") && (has("update") || has("progress") || has("note") || has("entry")) {
        TableKind::ProgressLog
    } else if has("start") || has("end date") || has("due") {
        TableKind::Timeline
    } else if role == Some(Role::ProgressLog) {
        TableKind::ProgressLog
    } else if role == Some(Role::Timeline) {
        TableKind::Timeline
    } else if has("dependenc") {
        TableKind::Dependencies
    } else if role == Some(Role::Risks) && has("mitigation") {
        TableKind::Risks
    } else {
        TableKind::Other
    }
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
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t
        .strip_suffix('|')
        .filter(|s| !s.ends_with('\\'))
        .unwrap_or(t);
    // Bytes, not characters: the two that matter are ASCII, and no byte
    // of a multi-byte character can be mistaken for them. Most rows hold
    // no escape: their pipes are counted in one branch-free pass (the
    // compiler vectorises the fold).
    let bytes = t.as_bytes();
    if !bytes.contains(&b'\\') {
        return 1 + bytes.iter().fold(0, |n, &b| n + usize::from(b == b'|'));
    }
    let mut cells = 1;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            // The byte after a backslash is escaped.
            b'\\' => i += 1,
            b'|' => cells += 1,
            _ => {}
        }
        i += 1;
    }
    cells
}
