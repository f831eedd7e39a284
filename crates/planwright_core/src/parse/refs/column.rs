//! Tasks drawn in a column in a code block, joined by down arrows:
//!
//! ```text
//! T001 (schema)
//!   ↓
//! T002, T003 (handlers)
//!   │
//!   ▼
//! T004 (docs)
//! ```
//!
//! Each group of ids opening a line waits for the group opening the line
//! drawn above it (`T002` and `T003` for `T001`, `T004` for both). Only a
//! plain column is read: an arrow line that forks or holds arrows side by
//! side (`↓    ↓`), a blank line, or a line that opens with no id ends
//! it. A line that chains across (`T005 → T006`) may end a column, not
//! lead one further: which of its ids the arrow below leaves is unclear.

use super::chain::{Gap, gap_kind, id_at};
use super::letter_id_len;
use crate::model::Text;
use crate::parse::items::LineOffsets;
use crate::text::TextRange;

/// Whether a line, trimmed, is a down arrow alone or its shaft: `↓`, `▼`,
/// `│`, `|`, `v`. Arrows side by side (`↓    ↓`) fork and are not.
pub(in crate::parse) fn is_down_arrow(trimmed: &str) -> bool {
    !trimmed.is_empty()
        && trimmed
            .chars()
            .all(|c| matches!(c, '↓' | '▼' | '⬇' | '⇓' | '│' | '┃' | '|' | 'v' | 'V'))
}

/// The links a column of tasks in `text` (a code block's, at `base` in the
/// source) draws: (the task waited for, the task that waits, the range
/// from the one's id to the other's).
pub(crate) fn task_column(text: &str, base: usize) -> Vec<(Text, Text, TextRange)> {
    let mut out = Vec::new();
    if !has_down_arrow_line(text) {
        return out;
    }
    let mut above: Option<Vec<(Text, usize, usize)>> = None;
    let mut arrow = false;
    for (at, line) in LineOffsets::new(text) {
        let trimmed = line.trim();
        if is_down_arrow(trimmed) {
            arrow = above.is_some();
            continue;
        }
        let arrowed = std::mem::take(&mut arrow);
        let up = above.take();
        let group = head_group(line, base + at);
        if let (true, Some(up)) = (arrowed, up) {
            for (from, from_start, _) in &up {
                for (to, _, to_end) in &group {
                    if out.len() < super::MAX_EXPANDED {
                        out.push((
                            from.clone(),
                            to.clone(),
                            TextRange::new(*from_start, *to_end),
                        ));
                    }
                }
            }
        }
        let leads = !group.is_empty() && !crate::parse::blocks::has_arrow(line);
        above = leads.then_some(group);
    }
    out
}

/// Whether a line of `text` is a down arrow. Every down arrow but `v` is
/// `|` or opens with 0xE2 in UTF-8: only the lines holding one are looked
/// at, most code blocks having none (a column drawn with `v` alone is not
/// worth reading every line of every code block for).
fn has_down_arrow_line(text: &str) -> bool {
    let b = text.as_bytes();
    let mut at = 0;
    while let Some(k) = memchr::memchr2(0xE2, b'|', &b[at..]) {
        let i = at + k;
        let start = memchr::memrchr2(b'\n', b'\r', &b[..i]).map_or(0, |n| n + 1);
        let end = i + crate::text::line_len(&text[i..]);
        if is_down_arrow(text[start..end].trim()) {
            return true;
        }
        at = end;
    }
    false
}

/// The ids joined by lists (`T002, T003`, `T004 and T005`) that open
/// `line` (at `base` in the source), past white space and emphasis:
/// (id, start, end), ranges whole (see `chain::id_at`).
fn head_group(line: &str, base: usize) -> Vec<(Text, usize, usize)> {
    let mut group = Vec::new();
    let mut i = line.len() - line.trim_start_matches([' ', '\t', '*', '`']).len();
    while let Some(len) = line.get(i..).and_then(letter_id_len) {
        let (id, end) = id_at(line, i, len);
        group.push((id, base + i, base + end));
        // The next id, past a list's separator; none past anything else.
        let Some(next) = line[end..]
            .find(|c: char| c.is_ascii_uppercase())
            .map(|n| end + n)
            .filter(|&n| gap_kind(&line[end..n]) == Gap::List)
        else {
            break;
        };
        i = next;
    }
    group
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<String> {
        task_column(text, 0)
            .into_iter()
            .map(|(from, to, range)| format!("{to} <- {from} {:?}", range.slice(text)))
            .collect()
    }

    #[test]
    fn a_column_of_tasks_links_each_group_to_the_one_above() {
        let text = "T001 (schema)\n  ↓\nT002, T003 (handlers)\n  │\n  ▼\n**T004** docs\n";
        assert_eq!(
            links(text),
            [
                "T002 <- T001 \"T001 (schema)\\n  ↓\\nT002\"",
                "T003 <- T001 \"T001 (schema)\\n  ↓\\nT002, T003\"",
                "T004 <- T002 \"T002, T003 (handlers)\\n  │\\n  ▼\\n**T004\"",
                "T004 <- T003 \"T003 (handlers)\\n  │\\n  ▼\\n**T004\"",
            ]
        );
    }

    #[test]
    fn only_a_single_arrow_column_is_a_down_arrow() {
        for arrow in ["↓", "▼", "│", "|", "v", "⬇"] {
            assert!(is_down_arrow(arrow), "{arrow}");
        }
        for not in ["↓    ↓", "├──┐", "v1", "", "Phase 1"] {
            assert!(!is_down_arrow(not), "{not}");
        }
    }

    #[test]
    fn forks_blank_lines_words_and_rows_end_a_column() {
        for text in [
            "T001\n  ↓    ↓\nT002\n",
            "T001\n\n  ↓\nT002\n",
            "T001\n  ↓\nthen\n  ↓\nT002\n",
            "T001 → T002\n  ↓\nT003\n",
            "T001\nT002\n",
            "T001\n  v\nT002\n",
        ] {
            assert!(links(text).is_empty(), "{text:?}: {:?}", links(text));
        }
        // A row may end a column: its first group waits.
        assert_eq!(
            links("T001\n  ↓\nT002 → T003\n"),
            ["T002 <- T001 \"T001\\n  ↓\\nT002\""]
        );
    }

    #[test]
    fn a_plans_code_block_column_links_its_tasks() {
        let src = "# Plan\n\n- [ ] T001 a\n- [ ] T002 b\n\n```\nT001\n  ↓\nT002\n```\n";
        let plan = crate::parse::parse(src);
        let links: Vec<(&str, &str)> = plan
            .task_links
            .iter()
            .map(|l| (l.from.as_str(), l.to.as_str()))
            .collect();
        assert_eq!(links, [("T001", "T002")]);
    }
}
