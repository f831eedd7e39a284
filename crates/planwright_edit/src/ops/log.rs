//! `log`: a dated entry in the progress log, as a table row, a bullet or a
//! dated heading, shaped like the entries already there.
//!
//! Which section is the log is decided in `log_find.rs`; the kinds of
//! entry are written in `log_table.rs`, `log_list.rs`, `log_heading.rs`
//! and `log_para.rs`, a new month group in `log_month.rs`. The date forms
//! read and written are in `log_date.rs`, what looks like a date though
//! not read in `log_looks.rs`; `log_survey.rs` checks that the
//! log's dates can all be read before anything is placed among them. What they share
//! lives here: where a date goes among the log's entries, where a
//! section's entries end, and how a message is kept literal text when it
//! starts a block.

use planwright_core::edit::Edit;
use planwright_core::{Plan, Section, TextRange};

use super::{Change, Intent, OpError, insert_lines, line_end_after, line_start, single_line};
use crate::ops::log_date::{Dates, Day, Form};
use crate::ops::month::Month;

#[path = "log_find.rs"]
mod find;
#[path = "log_heading.rs"]
mod heading;
#[path = "log_list.rs"]
mod list;
#[path = "log_month.rs"]
mod month;
#[path = "log_para.rs"]
mod para;
#[path = "log_repeat.rs"]
mod repeat;
#[path = "log_survey.rs"]
mod survey;
#[path = "log_table.rs"]
mod table;

#[cfg(test)]
use list::time_len;
pub use repeat::logged_already;
use table::{display_width, escape_pipes, padded};

/// What `planwright log` was asked.
#[derive(Clone, Copy, Debug)]
pub struct LogEntry<'a> {
    /// `YYYY-MM-DD`, already validated.
    pub date: &'a str,
    pub message: &'a str,
    /// Add a progress-log section when the plan has none.
    pub create: bool,
}

/// Adds the entry to the progress log (see `log_find.rs` for which
/// section that is): a row in its table, else a `### DATE` heading when
/// the log is kept under dated headings (or a line under the heading of
/// that date when there is one), else an item in its lists. Each goes where
/// its date belongs among all the log's dated entries (see [`spot`]), so an
/// entry dated in the past lands among its neighbours; in a log grouped
/// under month headings, a month without a group gets one, whatever its
/// entries, and a month whose heading holds none of them yet takes the
/// entry under that heading (see `log_month.rs`). A log kept as
/// paragraphs that open with their date (`**2026-01-05**`) gets one more
/// such paragraph. The date is written the way the entry it is shaped
/// like writes its own (see `log_date.rs`). A log with an entry dated in a
/// form not read, or numeric dates that could be either way round, is
/// refused at that entry's line; so is `--create` on a plan that ends
/// inside an unclosed code block. A message that holds a control
/// character or spans lines (as `set` refuses a value, see
/// [`single_line`]), or is empty once trimmed, is refused; one that would start a
/// block of its own (`# x`, `---`, a fence) is escaped to stay text.
pub fn append_log(plan: &Plan, src: &str, entry: &LogEntry<'_>) -> Result<Change, OpError> {
    let message = single_line("message", entry.message)?.trim();
    if message.is_empty() {
        return Err(OpError::EmptyMessage);
    }
    let date = Day::iso(entry.date).ok_or_else(|| OpError::BadDate {
        date: entry.date.to_owned(),
    })?;
    let mut new = New {
        date,
        dates: Dates::ANY,
        message,
        le: plan.line_ending.as_str(),
        home: false,
    };
    let Some(s) = find::log_section(plan, src) else {
        if let Some(s) = find::closed_log(plan, src) {
            let heading = plan.sections[s].heading;
            return Err(OpError::ClosedLog {
                heading: heading.slice(src).trim().to_owned(),
                line: planwright_core::LineIndex::new(src).line_of(heading.start) + 1,
            });
        }
        if !entry.create {
            return Err(OpError::NoLog);
        }
        if let Some(line) = survey::unclosed_fence(plan, src) {
            return Err(OpError::UnclosedFence { line });
        }
        if let Some(line) = survey::unclosed_comment(plan, src) {
            return Err(OpError::UnclosedComment { line });
        }
        return Ok(Change {
            edits: vec![new_section(plan, src, &new)],
            intent: Intent::LogEntry { new_heading: true },
        });
    };
    new.dates = survey::log_dates(plan, src, s)?;
    let sec = &plan.sections[s];
    let mut tables = table::log_tables(plan, sec.range, new.dates);
    if !tables.is_empty() {
        // A table of one column has no cell for the message beside the
        // date: a row there would drop it. Another table of the log may
        // take it; if none can, nothing is written.
        let narrow = tables[0].0;
        tables.retain(|&(t, _)| plan.tables[t].header.cells.len() > 1);
        if tables.is_empty() {
            let at = plan.tables[narrow].range.start;
            return Err(OpError::NarrowLog {
                line: planwright_core::LineIndex::new(src).line_of(at) + 1,
            });
        }
        // Rows and other dated entries beside them (`- 2024-03-05: …`
        // under the table) leave no one place in date order: a row would
        // go above a list item of a later day.
        let in_table = |at: u32| plan.tables.iter().any(|t| t.range.contains(at as usize));
        let lists = list::entry_lists(plan, src, sec.range);
        let item = lists
            .iter()
            .flat_map(|l| plan.markers_of(l))
            .filter(|m| !in_table(m.start))
            .find(|&&m| list::dated_at(src, plan, new.dates, m).is_some())
            .map(|m| m.start);
        let other = item.or_else(|| {
            para::dated_paragraphs(plan, src, s, &new)
                .iter()
                .map(|p| p.start)
                .find(|&at| !in_table(at))
        });
        if let Some(other) = other {
            let index = planwright_core::LineIndex::new(src);
            return Err(OpError::MixedLog {
                table: index.line_of(plan.tables[tables[0].0].range.start) + 1,
                other: index.line_of(other) + 1,
            });
        }
        return Ok(table::add_row(plan, src, s, &tables, &new));
    }
    let headings = heading::dated_headings(plan, s, new.dates);
    if !headings.is_empty() {
        return Ok(heading::add(plan, src, s, &headings, &new));
    }
    let lists = list::entry_lists(plan, src, sec.range);
    let dated_items = lists.iter().any(|l| {
        plan.markers_of(l)
            .iter()
            .any(|&m| list::dated_at(src, plan, new.dates, m).is_some())
    });
    // Days written as paragraphs (`**2026-01-05**`), their notes under
    // them, perhaps as lists of undated items.
    let paras = para::dated_paragraphs(plan, src, s, &new);
    if !paras.is_empty() && !dated_items {
        return Ok(para::add(plan, src, s, &paras, &new));
    }
    if !lists.is_empty() {
        return Ok(list::add_item(plan, src, s, &lists, &new));
    }
    if let Some(own) = month::own_month(plan, src, s, &[], &[], new.date) {
        let bullet = format!("- {}: {message}", new.date.as_str());
        return Ok(Change {
            edits: vec![own.edit(src, vec![bullet], new.le)],
            intent: Intent::LogEntry { new_heading: false },
        });
    }
    // A log with no entries yet is started as `--create` starts one, so
    // the first entry's shape does not depend on who wrote the heading.
    let at = entries_end(src, sec.range);
    let mut lines = vec![String::new()];
    lines.extend(new_table(&new));
    Ok(Change {
        edits: vec![insert_after_content(src, at, &lines, new.le)],
        intent: Intent::LogEntry { new_heading: false },
    })
}

/// The entry being written: its date, how the log's numeric dates read,
/// its trimmed one-line message, and the file's usual line ending.
#[derive(Clone, Copy)]
struct New<'a> {
    date: Day,
    dates: Dates,
    message: &'a str,
    le: &'a str,
    /// The entry goes under the heading of its own month, one already
    /// there or one added with it (see `log_month.rs`).
    home: bool,
}

impl New<'_> {
    /// The entry's date written in `form` (the form of the entry it is
    /// shaped like), else as `YYYY-MM-DD`. A form that leaves the year to
    /// a month heading (`Mar 5`) does so only under the heading of the
    /// entry's month: that of its model, which it sits beside, or its own.
    fn date_in(&self, form: Option<Form>) -> String {
        let form = form.unwrap_or(Form::ISO);
        let form = if self.home || form.leaves_year_of(self.date) {
            form
        } else {
            form.with_year()
        };
        form.write(self.date)
    }

    /// This entry, going under the heading of its own month.
    fn at_home(&self) -> Self {
        New {
            home: true,
            ..*self
        }
    }
}

/// Where a new entry goes among a log's entries, which may be spread over
/// several groups (the lists under month headings, several tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Spot {
    /// Before the entry at this index.
    Before(usize),
    /// At the end of the group of the entry at this index.
    After(usize),
    /// At the end of the group of the last dated entry (of the last group
    /// when none is dated).
    End,
}

/// Which way a log runs: between its groups (`across`, the order of its
/// months) and inside them (`within`). Most logs run one way throughout;
/// a log grouped by month can list its months newest first and each
/// month's entries oldest first, as they were written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Order {
    across: bool,
    within: bool,
}

/// How the log in section `s` with `entries` (as for [`newest_first`])
/// runs: across its groups as [`newest_first`] says, and within them as
/// the first group with two different dates says, else the same way.
fn order(plan: &Plan, s: usize, entries: &[(Option<Day>, usize)]) -> Order {
    let across = newest_first(plan, s, entries);
    let mut within = None;
    let mut i = 0;
    while i < entries.len() && within.is_none() {
        let g = entries[i].1;
        let len = entries[i..].iter().take_while(|e| e.1 == g).count();
        let mut known = entries[i..i + len].iter().filter_map(|e| e.0);
        if let (Some(first), Some(last)) = (known.next(), known.next_back())
            && first != last
        {
            within = Some(first > last);
        }
        i += len;
    }
    Order {
        across,
        within: within.unwrap_or(across),
    }
}

/// Where an entry dated `date` goes among `entries`, each its date (`None`
/// for an undated one) and its group, in the log's order (see [`Order`]).
/// [`place`] finds the entry it goes before. When that one opens a group
/// and the dated entry before it closes another, the entry joins the
/// group whose neighbour shares more of its date (`2026-01` with the
/// January list, not the December one after it); on a tie, the later
/// group, as if the groups were one list. In a log whose groups run the
/// other way round from their entries, the entry joins the group sharing
/// most of its date and takes its place in that group's order.
fn spot(entries: &[(Option<Day>, usize)], date: Day, order: Order) -> Spot {
    let shared = |d: Option<Day>| {
        d.map_or(0, |d| {
            d.as_str()
                .bytes()
                .zip(date.as_str().bytes())
                .take_while(|(a, b)| a == b)
                .count()
        })
    };
    if order.within != order.across {
        let Some(best) = entries
            .iter()
            .filter(|e| e.0.is_some())
            .map(|e| (shared(e.0), e.1))
            .reduce(|a, b| if b.0 > a.0 { b } else { a })
        else {
            return Spot::End;
        };
        let members: Vec<usize> = (0..entries.len())
            .filter(|&i| entries[i].1 == best.1)
            .collect();
        let dates: Vec<Option<Day>> = members.iter().map(|&i| entries[i].0).collect();
        return match place(&dates, date, order.within) {
            Some(k) => Spot::Before(members[k]),
            None => Spot::After(members[members.len() - 1]),
        };
    }
    let dates: Vec<Option<Day>> = entries.iter().map(|e| e.0).collect();
    let Some(next) = place(&dates, date, order.within) else {
        return Spot::End;
    };
    let prev = entries[..next].iter().rposition(|e| e.0.is_some());
    match prev {
        Some(p)
            if entries[p].1 != entries[next].1
                && shared(entries[p].0) > shared(entries[next].0) =>
        {
            Spot::After(p)
        }
        _ => Spot::Before(next),
    }
}

/// Where an entry dated `date` goes among entries dated `dates` (in the
/// log's order; `None` for an undated one): before the entry at the index
/// returned, or after the last one (`None`). In either order the entry
/// goes before the first one that should follow it, so it is the first of
/// its date in a newest-first log and the last of its date in an
/// oldest-first one. Undated entries are passed over; with none dated the
/// entry goes at the end.
fn place(dates: &[Option<Day>], date: Day, newest_first: bool) -> Option<usize> {
    dates
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((i, (*d)?)))
        .find(|&(_, d)| if newest_first { d <= date } else { d > date })
        .map(|(i, _)| i)
}

/// The index nearest `at` among `0..len`, other than `at`, that `ok`
/// accepts: the lower one first when two are as near.
fn nearest(len: usize, at: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
    (1..len)
        .flat_map(|d| [at.checked_sub(d), Some(at + d)])
        .flatten()
        .find(|&i| i < len && ok(i))
}

/// Whether the log in section `s`, whose `entries` are each its date
/// (`None` for an undated one) and group in the log's order, runs newest
/// first. Its dates say so when they can: its first dated entry is later
/// than its last (a few entries out of place in the middle do not turn
/// it). When they cannot
/// (one date only, or one group of one entry beside month groups with no
/// dated entry yet), the order of its month headings does: `### March
/// 2026` above `### February 2026` is newest first, whatever the group of
/// one row under it would suggest. With neither (a single entry, as
/// `planwright new` starts a log) oldest first, the way a log grows, is
/// assumed: an earlier date then goes before that entry and a later one
/// after it, never turning the log newest first by accident.
fn newest_first(plan: &Plan, s: usize, entries: &[(Option<Day>, usize)]) -> bool {
    let mut known = entries.iter().filter_map(|e| e.0);
    if let (Some(first), Some(last)) = (known.next(), known.next_back())
        && first != last
    {
        return first > last;
    }
    let months = month_headings(plan, s);
    match (months.first(), months.last()) {
        (Some((_, first)), Some((_, last))) => first.ym() > last.ym(),
        _ => false,
    }
}

/// The month headings (`### January 2026`) under section `s`, in order,
/// each with its section's index.
fn month_headings(plan: &Plan, s: usize) -> Vec<(usize, Month<'_>)> {
    let range = plan.sections[s].range;
    plan.sections[s + 1..]
        .iter()
        .take_while(|c| range.contains_range(c.range))
        .enumerate()
        .filter_map(|(i, c)| Some((s + 1 + i, Month::of_heading(c)?)))
        .collect()
}

/// `message` as text that opens a paragraph or a list item's text and
/// reads back as the same words: written raw, `---` would be a thematic
/// break, `# x` a heading, ```` ``` ```` a fence, `<div>` or `<!--` raw
/// HTML, `- x`, `1. x` or `[ ] x` a list or a task, `| x` the start of a
/// table, `===` the underline of a heading, `> x` a quote and `[x]: y` a
/// link definition. A backslash before the character that would do it
/// keeps it literal (a Markdown backslash escape); any other message is unchanged.
fn literal(message: &str) -> String {
    let b = message.as_bytes();
    let Some(&first) = b.first() else {
        return String::new();
    };
    let ends_word = |i: usize| matches!(b.get(i), None | Some(b' ' | b'\t'));
    let run = |c: u8| b.iter().take_while(|&&x| x == c).count();
    // Only that character and spaces: `- - -`, `***`, `===`.
    let only = |c: u8| b.iter().all(|&x| x == c || x == b' ' || x == b'\t');
    let escape_at = match first {
        b'#' if run(b'#') <= 6 && ends_word(run(b'#')) => Some(0),
        b'-' | b'+' | b'*' if ends_word(1) => Some(0),
        b'-' | b'*' | b'_' if only(first) && message.matches(char::from(first)).count() >= 3 => {
            Some(0)
        }
        b'-' | b'=' if only(first) => Some(0),
        b'`' | b'~' if run(first) >= 3 => Some(0),
        b'>' | b'|' => Some(0),
        b'<' if html_start(message) => Some(0),
        b'[' if task_box_or_definition(message) => Some(0),
        b'0'..=b'9' => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            (digits <= 9 && matches!(b.get(digits), Some(b'.' | b')')) && ends_word(digits + 1))
                .then_some(digits)
        }
        _ => None,
    };
    match escape_at {
        Some(at) => format!("{}\\{}", &message[..at], &message[at..]),
        None => message.to_owned(),
    }
}

/// `message` written after a date in its line (`- 2026-03-05: …`, a table
/// cell): an HTML tag opening it (`<b>bold`) is backslash-escaped, as
/// [`literal`] escapes one opening a line, so that it stays text rather
/// than emboldening the lines after it. Other inline markup is the
/// writer's (`**shipped**`).
fn inline_literal(message: &str) -> std::borrow::Cow<'_, str> {
    if message.starts_with('<') && html_start(message) {
        format!("\\{message}").into()
    } else {
        message.into()
    }
}

/// Whether a line starting with `<` would open an HTML block: a tag, a
/// comment, `<?` or `<!`. An autolink (`<https://…>`, `<a@b.c>`) stays a
/// link.
fn html_start(text: &str) -> bool {
    let rest = &text[1..];
    let autolink = rest
        .find('>')
        .is_some_and(|end| rest[..end].contains([':', '@']) && !rest[..end].contains(' '));
    !autolink
        && rest
            .bytes()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
}

/// Whether a text starting with `[` opens with a check box (`[ ] x`) or
/// is a link reference or footnote definition (`[x]: y`).
fn task_box_or_definition(text: &str) -> bool {
    let b = text.as_bytes();
    let task = b.get(2) == Some(&b']') && matches!(b.get(3), None | Some(b' ' | b'\t'));
    let definition = text
        .find(']')
        .is_some_and(|end| text[end + 1..].starts_with(':'));
    task || definition
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
fn insert_after_content(src: &str, at: usize, lines: &[String], le: &str) -> Edit {
    insert_lines(src, line_end_after(src, at), lines, le)
}

/// A `## Progress Log` section with a table, at the end of the file.
fn new_section(plan: &Plan, src: &str, new: &New<'_>) -> Edit {
    let level = plan
        .sections
        .iter()
        .filter(|s| s.level > 1)
        .map(|s: &Section| s.level)
        .min()
        .unwrap_or(2);
    let le = new.le;
    let mut lines = vec![
        String::new(),
        format!("{} Progress Log", "#".repeat(usize::from(level))),
        String::new(),
    ];
    lines.extend(new_table(new));
    // Nothing to set it apart from (an empty file, or one holding only a
    // BOM or white space): the section opens the file, after the BOM.
    let content = src.trim_start_matches('\u{feff}');
    if content.trim().is_empty() {
        let mut text = lines[1..].join(le);
        text.push_str(le);
        return Edit::insert(src.len() - content.len(), text);
    }
    let end = src.trim_end().len();
    insert_after_content(src, end, &lines, le)
}

/// A new log's table, holding the entry: the delivery template's `| Date
/// | Update |`, its columns padded to their widest cell.
fn new_table(new: &New<'_>) -> [String; 3] {
    let escaped = escape_pipes(new.message);
    let width = display_width(&escaped).max(6);
    [
        format!("| Date       | {} |", padded("Update", width)),
        format!("| ---------- | {} |", "-".repeat(width)),
        format!(
            "| {:<10} | {} |",
            new.date.as_str(),
            padded(&escaped, width)
        ),
    ]
}

#[cfg(test)]
#[path = "log_forms_tests.rs"]
mod forms_tests;
#[cfg(test)]
#[path = "log_order_tests.rs"]
mod order_tests;
#[cfg(test)]
#[path = "log_shape_tests.rs"]
mod shape_tests;
#[cfg(test)]
#[path = "log_tests.rs"]
mod tests;
#[cfg(test)]
#[path = "log_yearless_tests.rs"]
mod yearless_tests;
