//! `log`: a dated entry in the progress log, as a table row or a bullet,
//! shaped like the entries already there.

use planwright_core::{List, Plan, Role, Section, Table, TableKind, TextRange};

use super::{Change, Intent, OpError, insert_lines, line_end_after, line_start};

/// What `planwright log` was asked.
#[derive(Clone, Copy, Debug)]
pub struct LogEntry<'a> {
    /// `YYYY-MM-DD`, already validated.
    pub date: &'a str,
    pub message: &'a str,
    /// Add a progress-log section when the plan has none.
    pub create: bool,
}

/// Adds the entry: a row in the progress-log table, else a `### DATE`
/// heading when the log is kept under dated headings, else a bullet in the
/// log's last list. Each goes where its date belongs in the entries' order
/// (see [`place`]), so an entry dated in the past lands among its
/// neighbours. A message that is empty once trimmed, or spans lines, is
/// refused.
pub fn append_log(plan: &Plan, src: &str, entry: &LogEntry<'_>) -> Result<Change, OpError> {
    let message = entry.message.trim();
    if message.is_empty() {
        return Err(OpError::EmptyMessage);
    }
    if message.contains(['\n', '\r']) {
        return Err(OpError::MultilineMessage);
    }
    let le = plan.line_ending.as_str();
    let section = plan.section_with_role(Role::ProgressLog);
    let table = plan
        .tables
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TableKind::ProgressLog)
        .find(|(_, t)| section.is_none() || t.section == section)
        .or_else(|| {
            plan.tables
                .iter()
                .enumerate()
                .find(|(_, t)| t.kind == TableKind::ProgressLog)
        });
    if let Some((index, t)) = table {
        return Ok(Change {
            edits: vec![table_row(src, t, entry.date, message, le)],
            intent: Intent::LogRow { table: index },
        });
    }
    let Some(s) = section else {
        if !entry.create {
            return Err(OpError::NoLog);
        }
        return Ok(Change {
            edits: vec![new_section(plan, src, entry.date, message, le)],
            intent: Intent::LogEntry { new_heading: true },
        });
    };
    let sec = &plan.sections[s];
    let dated_children: Vec<&Section> = plan
        .sections
        .iter()
        .filter(|c| c.parent == Some(s))
        .filter(|c| starts_with_date(&c.title))
        .collect();
    let new_heading = !dated_children.is_empty();
    let edit = if new_heading {
        dated_heading(src, sec, &dated_children, entry.date, message, le)
    } else if let Some(list) = last_list(plan, sec.range) {
        list_item(src, plan, list, entry.date, message, le)
    } else {
        let at = entries_end(src, sec.range);
        insert_after_content(
            src,
            at,
            &[String::new(), format!("- {}: {message}", entry.date)],
            le,
        )
    };
    Ok(Change {
        edits: vec![edit],
        intent: Intent::LogEntry { new_heading },
    })
}

/// A row with the date and message in their columns, cells padded to the
/// header's widths, `|` escaped, pipes and prefix as the table writes them.
fn table_row(
    src: &str,
    t: &Table,
    date: &str,
    message: &str,
    le: &str,
) -> planwright_core::edit::Edit {
    let date_col = t.column(&["date", "when", "day"]).unwrap_or(0);
    let msg_col = t
        .column(&[
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
        .unwrap_or(date_col);
    let escaped = escape_pipes(message);
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
            .map(|s| s.chars().count())
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
                date
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
            format!("{text:<width$}")
        })
        .collect();
    let row = if outer {
        format!("{prefix}| {} |", cells.join(" | "))
    } else {
        format!("{prefix}{}", cells.join(" | "))
    };
    let dates: Vec<Option<&str>> = t
        .rows
        .iter()
        .map(|r| r.cells.get(date_col).and_then(|c| first_date(&c.text)))
        .collect();
    let at = match (
        place(&dates, date).and_then(|i| t.rows.get(i)),
        t.rows.last(),
    ) {
        (Some(next), _) => line_start(src, next.range.start as usize),
        (None, Some(last)) => line_end_after(src, last.range.end as usize),
        (None, None) => {
            // No rows yet: after the delimiter row under the header.
            let after_header = line_end_after(src, t.header.range.end as usize);
            line_end_after(src, after_header + 1)
        }
    };
    insert_lines(src, at, &[row], le)
}

/// Where an entry dated `date` goes among entries dated `dates` (in the
/// log's order; `None` for an undated one): before the entry at the index
/// returned, or after the last one (`None`). The first and last dated
/// entries tell the order: newest first when the first is the later one,
/// oldest first when it is the earlier. In either order the entry goes
/// before the first one that should follow it, so it is the first of its
/// date in a newest-first log and the last of its date in an oldest-first
/// one. Undated entries are passed over. A log with fewer than two dates,
/// or with the same date first and last, has no order to keep: the entry
/// goes at the end.
fn place(dates: &[Option<&str>], date: &str) -> Option<usize> {
    let mut entries = dates
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((i, (*d)?)));
    let (_, first) = entries.clone().next()?;
    let (_, last) = entries.clone().next_back()?;
    let newest_first = match first.cmp(last) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => return None,
    };
    entries
        .find(|&(_, d)| if newest_first { d <= date } else { d > date })
        .map(|(i, _)| i)
}

/// `|` escaped for a table cell; one already escaped (`\|`) is left as is.
fn escape_pipes(text: &str) -> String {
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

/// The last top-level list in `range`.
fn last_list(plan: &Plan, range: TextRange) -> Option<&List> {
    let inside: Vec<&List> = plan
        .lists
        .iter()
        .filter(|l| range.contains_range(l.range))
        .collect();
    inside
        .iter()
        .rev()
        .find(|l| {
            !inside
                .iter()
                .any(|o| o.range != l.range && o.range.contains_range(l.range))
        })
        .copied()
}

/// A new entry under a dated heading, shaped like the log's other dated
/// entries (level, blank line under the heading, bullet or paragraph):
/// before the heading it [`place`]s it before, else after the last.
fn dated_heading(
    src: &str,
    sec: &Section,
    children: &[&Section],
    date: &str,
    message: &str,
    le: &str,
) -> planwright_core::edit::Edit {
    let Some(last) = children.last() else {
        let lines = [
            String::new(),
            format!("{} {date}", "#".repeat(usize::from(sec.level) + 1)),
            format!("- {message}"),
        ];
        return insert_after_content(src, entries_end(src, sec.range), &lines, le);
    };
    let dates: Vec<Option<&str>> = children.iter().map(|c| c.title.get(..10)).collect();
    let next = place(&dates, date).and_then(|i| children.get(i));
    let model = next.unwrap_or(last);
    let body_at = line_end_after(src, model.heading.end as usize);
    let body_end = content_end(src, model.range).max(body_at);
    let body = src.get(body_at..body_end).unwrap_or("");
    let blank_under = body
        .split(['\n', '\r'])
        .next()
        .is_some_and(|l| l.trim().is_empty() && !body.trim().is_empty());
    let first_line = body.trim_start().split(['\n', '\r']).next().unwrap_or("");
    let bullet = match list_marker(first_line) {
        Some(m) if !m.starts_with(|c: char| c.is_ascii_digit()) => format!("{m} "),
        Some(_) => "1. ".to_owned(),
        None if first_line.is_empty() => "- ".to_owned(),
        None => String::new(),
    };
    let mut lines = vec![format!("{} {date}", "#".repeat(usize::from(model.level)))];
    if blank_under {
        lines.push(String::new());
    }
    lines.push(format!("{bullet}{message}"));
    if let Some(next) = next {
        lines.push(String::new());
        insert_lines(
            src,
            line_start(src, next.heading.start as usize),
            &lines,
            le,
        )
    } else {
        lines.insert(0, String::new());
        insert_after_content(src, entries_end(src, sec.range), &lines, le)
    }
}

/// The list marker (`-`, `*`, `+`, `3.`, `3)`) that opens `line`, if any.
fn list_marker(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let len = match line.as_bytes().get(digits) {
        Some(b'-' | b'*' | b'+') if digits == 0 => 1,
        Some(b'.' | b')') if digits > 0 => digits + 1,
        _ => return None,
    };
    matches!(line.as_bytes().get(len), None | Some(b' ' | b'\t')).then(|| &line[..len])
}

/// A bullet with the list's marker, indentation and the way its items put
/// the date, shaped like the item it goes before ([`place`]) or, at the
/// end, like the last one (numbered on from it). Before an item it takes
/// that item's number: Markdown numbers a list from its first item only,
/// and renumbering the rest would touch lines that are not the entry's. A
/// blank line goes with it when the items are set apart by blank lines.
fn list_item(
    src: &str,
    plan: &Plan,
    list: &List,
    date: &str,
    message: &str,
    le: &str,
) -> planwright_core::edit::Edit {
    let markers = plan.markers_of(list);
    let bottom = markers.last().copied().unwrap_or(list.range);
    let dates: Vec<Option<&str>> = markers
        .iter()
        .map(|&m| item_date(item_text(src, m)))
        .collect();
    let next = place(&dates, date).and_then(|i| markers.get(i).copied());
    let marker = next.unwrap_or(bottom);
    let line = line_start(src, marker.start as usize);
    let indent = src.get(line..marker.start as usize).unwrap_or("");
    let marker_text = marker.slice(src);
    let next_marker = match marker_text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map(|(i, _)| i)
    {
        Some(i) if i > 0 && next.is_none() => {
            let n: u64 = marker_text[..i].parse().unwrap_or(0);
            format!("{}{}", n + 1, &marker_text[i..])
        }
        _ => marker_text.to_owned(),
    };
    let body = match date_shape(item_text(src, marker)) {
        Some((pre, sep)) => format!("{pre}{date}{sep}{message}"),
        None => format!("{date}: {message}"),
    };
    let mut lines = vec![format!("{indent}{next_marker} {body}")];
    let loose = markers.get(1).is_some_and(|second| {
        let at = line_start(src, second.start as usize);
        let prev = line_start(src, at.saturating_sub(1));
        at > 0 && src.get(prev..at).is_some_and(|l| l.trim().is_empty())
    });
    if next.is_some() {
        if loose {
            lines.push(String::new());
        }
        insert_lines(src, line, &lines, le)
    } else {
        if loose {
            lines.insert(0, String::new());
        }
        let end = content_end(src, list.range);
        insert_after_content(src, end, &lines, le)
    }
}

/// The first line of the item whose marker is `marker`, after the marker.
fn item_text(src: &str, marker: TextRange) -> &str {
    let from = marker.end as usize;
    let rest = src.get(from..).unwrap_or("");
    rest[..planwright_core::text::line_len(rest)].trim_start()
}

/// The date an item starts with, in one of the shapes [`date_shape`] reads.
fn item_date(item: &str) -> Option<&str> {
    let (pre, _) = date_shape(item)?;
    item.get(pre.len()..pre.len() + 10)
}

/// How an item writes its date: the text before it (`**`, `[`) and
/// between it and the message (`**: `, ` — `), if it starts with one. A
/// time after the date (`2026-01-10 14:00: c`) is the item's own, not part
/// of the shape: the separator is what follows it.
fn date_shape(item: &str) -> Option<(String, String)> {
    let pre_len = item.find(|c: char| c.is_ascii_digit())?;
    let pre = &item[..pre_len];
    if pre.chars().count() > 3 || pre.chars().any(char::is_alphanumeric) {
        return None;
    }
    let rest = &item[pre_len..];
    if !starts_with_date(rest) {
        return None;
    }
    let after = &rest[10..];
    let after = &after[time_len(after)..];
    let sep_len = after.find(char::is_alphanumeric).unwrap_or(after.len());
    let sep = &after[..sep_len];
    if sep.chars().count() > 6 {
        return None;
    }
    Some((pre.to_owned(), sep.to_owned()))
}

/// The length of a time of day at the start of `s`, as written after a
/// date (` 14:00`, `T09:30:15Z`, ` 9:30 pm`), or 0.
fn time_len(s: &str) -> usize {
    let b = s.as_bytes();
    if !matches!(b.first(), Some(b' ' | b'T')) {
        return 0;
    }
    let digits = |from: usize| {
        b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let hours = digits(1);
    if !(1..=2).contains(&hours) || b.get(1 + hours) != Some(&b':') || digits(2 + hours) != 2 {
        return 0;
    }
    let mut end = 4 + hours;
    if b.get(end) == Some(&b':') && digits(end + 1) == 2 {
        end += 3;
    }
    let space = usize::from(b.get(end) == Some(&b' '));
    let meridiem = s.get(end + space..end + space + 2);
    if meridiem.is_some_and(|m| m.eq_ignore_ascii_case("am") || m.eq_ignore_ascii_case("pm"))
        && !b
            .get(end + space + 2)
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        end += space + 2;
    } else if b.get(end) == Some(&b'Z') {
        end += 1;
    }
    if b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return 0;
    }
    end
}

/// The first `YYYY-MM-DD` in a cell, standing as a word of its own
/// (`**2026-01-05**`, `2026-01-05 (Mon)`).
fn first_date(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    (0..b.len())
        .filter(|&i| i == 0 || !b[i - 1].is_ascii_alphanumeric())
        .find(|&i| {
            text.get(i..).is_some_and(starts_with_date)
                && !b.get(i + 10).is_some_and(u8::is_ascii_alphanumeric)
        })
        .and_then(|i| text.get(i..i + 10))
}

fn starts_with_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// The end of the last non-blank line in `range`.
fn content_end(src: &str, range: TextRange) -> usize {
    let text = range.slice(src);
    range.start as usize + text.trim_end().len()
}

/// Where a section's entries end: its content, minus a closing footer set
/// off by a thematic break (`---` then a closing note, with no heading
/// after the break), which stays last.
fn entries_end(src: &str, range: TextRange) -> usize {
    let end = content_end(src, range);
    let text = &src[range.start as usize..end];
    let mut line_end = text.len();
    loop {
        let start = line_start(text, line_end);
        let t = text[start..line_end].trim();
        if t.starts_with('#') {
            break;
        }
        let is_break = t.len() >= 3
            && (t.chars().all(|c| c == '-')
                || t.chars().all(|c| c == '*')
                || t.chars().all(|c| c == '_'));
        // Right under a paragraph, `---` underlines a heading instead.
        let after_blank = text[..start]
            .trim_end_matches(['\n', '\r'])
            .rsplit(['\n', '\r'])
            .next()
            .is_none_or(|prev| prev.trim().is_empty())
            || text[..start].ends_with("\n\n")
            || text[..start].ends_with("\n\r\n")
            || text[..start].ends_with("\r\r");
        if is_break && after_blank {
            return range.start as usize + text[..start].trim_end().len();
        }
        if start == 0 {
            break;
        }
        line_end = start - 1;
    }
    end
}

/// Lines inserted after the line that ends at `at`.
fn insert_after_content(
    src: &str,
    at: usize,
    lines: &[String],
    le: &str,
) -> planwright_core::edit::Edit {
    insert_lines(src, line_end_after(src, at), lines, le)
}

/// A `## Progress Log` section with a table, at the end of the file.
fn new_section(
    plan: &Plan,
    src: &str,
    date: &str,
    message: &str,
    le: &str,
) -> planwright_core::edit::Edit {
    let level = plan
        .sections
        .iter()
        .filter(|s| s.level > 1)
        .map(|s: &Section| s.level)
        .min()
        .unwrap_or(2);
    let escaped = escape_pipes(message);
    let width = escaped.chars().count().max(6);
    let lines = [
        String::new(),
        format!("{} Progress Log", "#".repeat(usize::from(level))),
        String::new(),
        format!("| Date       | {:<width$} |", "Update"),
        format!("| ---------- | {} |", "-".repeat(width)),
        format!("| {date:<10} | {escaped:<width$} |"),
    ];
    // Nothing to set it apart from (an empty file, or one holding only a
    // BOM or white space): the section opens the file, after the BOM.
    let content = src.trim_start_matches('\u{feff}');
    if content.trim().is_empty() {
        let mut text = lines[1..].join(le);
        text.push_str(le);
        return planwright_core::edit::Edit::insert(src.len() - content.len(), text);
    }
    let end = src.trim_end().len();
    insert_after_content(src, end, &lines, le)
}

#[cfg(test)]
#[path = "log_tests.rs"]
mod tests;
