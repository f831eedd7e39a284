//! Log entries as list items, shaped like the items already there: the
//! marker, indentation and numbering, and the way an item writes its date.

use planwright_core::edit::Edit;
use planwright_core::{List, Plan, TextRange};

use super::{
    Change, Intent, New, Spot, content_end, inline_literal, insert_after_content, insert_lines,
    line_start, literal, month, nearest, order, spot,
};
use crate::ops::log_date::{Dates, Day, Form};

/// The lists in `range` that are not inside another list, in order.
pub(super) fn top_lists(plan: &Plan, range: TextRange) -> Vec<&List> {
    // Lists are recorded where they open, so in order of their starts: a
    // list starting inside the last top-level one is nested in it.
    let first = plan.lists.partition_point(|l| l.range.start < range.start);
    let mut out = Vec::new();
    let mut end = 0;
    for l in &plan.lists[first..] {
        if l.range.start >= range.end {
            break;
        }
        if range.contains_range(l.range) && l.range.start >= end {
            end = l.range.end;
            out.push(l);
        }
    }
    out
}

/// The [`top_lists`] in `range` that can take an entry: a list of check
/// boxes is a list of tasks or gates, never a log, whatever its heading.
pub(super) fn entry_lists<'p>(plan: &'p Plan, src: &str, range: TextRange) -> Vec<&'p List> {
    top_lists(plan, range)
        .into_iter()
        .filter(|l| {
            !plan.markers_of(l).iter().any(|&m| {
                let text = item_text(src, m).as_bytes();
                let boxed = text.first() == Some(&b'[')
                    && text.get(2) == Some(&b']')
                    && matches!(text.get(3), None | Some(b' ' | b'\t'));
                boxed || plan.task_on_line(m).is_some()
            })
        })
        .collect()
}

/// An item in one of the log's `lists` (from [`entry_lists`] of section
/// `s`, not empty), where [`spot`] puts its date among all their items:
/// before the item it goes before, shaped like it, else at the end of its
/// list, shaped like that list's last dated item. In a log grouped by
/// month, a month without a group gets one (see [`month::new_month`]),
/// its item shaped like a list's next to it, and a month heading without
/// a dated item takes the item (see [`month::own_month`]).
pub(super) fn add_item(plan: &Plan, src: &str, s: usize, lists: &[&List], new: &New<'_>) -> Change {
    let item = |edit| Change {
        edits: vec![edit],
        intent: Intent::LogEntry { new_heading: false },
    };
    let d = new.dates;
    let entries: Vec<(Option<Day>, usize, TextRange)> = lists
        .iter()
        .enumerate()
        .flat_map(|(g, l)| {
            plan.markers_of(l)
                .iter()
                .map(move |&m| (dated_at(src, plan, d, m).map(|s| s.day), g, m))
        })
        .collect();
    // A day kept as an item of only its date, with its entries as
    // sub-items, takes a second entry of that day as one more sub-item.
    let same_day = entries.iter().find_map(|&(date, g, m)| {
        let bare = dated_at(src, plan, d, m).is_some_and(|s| s.bare);
        (date == Some(new.date) && bare)
            .then(|| sub_list(plan, lists[g], m))
            .flatten()
    });
    if let Some(sub) = same_day {
        return item(append_item(plan, src, sub, new));
    }
    let dates: Vec<(Option<Day>, usize)> = entries.iter().map(|e| (e.0, e.1)).collect();
    let starts: Vec<usize> = lists.iter().map(|l| l.range.start as usize).collect();
    if let Some(own) = month::own_month(plan, src, s, &dates, &starts, new.date) {
        let new = &new.at_home();
        // Shaped like the last dated item of the list next to it; the
        // first item of a list of its own is numbered as that list's first.
        let model = lists[own.model.unwrap_or(lists.len() - 1)];
        let shape = last_dated(src, plan, d, model);
        if let Some(g) = own.group {
            return item(list_item(src, plan, lists[g], None, shape, new, true));
        }
        let first = plan.markers_of(model).first().copied();
        let lines = item_lines(src, plan, model, first, shape, new, true);
        return item(own.edit(src, lines, new.le));
    }
    if let Some(month) = month::new_month(plan, src, s, &dates, &starts, new.date) {
        let new = &new.at_home();
        // The first item of a list of its own: numbered and indented as
        // the model list's first item, shaped like its last dated one.
        let list = lists[month.model];
        let markers = plan.markers_of(list);
        let first = markers.first().copied().unwrap_or(list.range);
        let lines = item_lines(
            src,
            plan,
            list,
            Some(first),
            last_dated(src, plan, d, list),
            new,
            true,
        );
        return Change {
            edits: vec![month.edit(src, lines, new.le)],
            intent: Intent::LogEntry { new_heading: true },
        };
    }
    let group = match spot(&dates, new.date, order(plan, s, &dates)) {
        Spot::Before(i) => {
            let (_, g, marker) = entries[i];
            let model = unstruck_near(src, plan, d, lists[g], marker);
            return item(list_item(
                src,
                plan,
                lists[g],
                Some(marker),
                model,
                new,
                true,
            ));
        }
        Spot::After(i) => entries[i].1,
        Spot::End => dates
            .iter()
            .rposition(|e| e.0.is_some())
            .map_or(lists.len() - 1, |i| entries[i].1),
    };
    let list = lists[group];
    let model = last_dated(src, plan, d, list);
    item(list_item(src, plan, list, None, model, new, true))
}

/// The marker of the last dated item of `list` (of its last item when
/// none is dated), or of the one [`unstruck_near`] it.
fn last_dated(src: &str, plan: &Plan, dates: Dates, list: &List) -> TextRange {
    let markers = plan.markers_of(list);
    let latest = markers
        .iter()
        .rev()
        .find(|&&m| dated_at(src, plan, dates, m).is_some())
        .or(markers.last())
        .copied()
        .unwrap_or(list.range);
    unstruck_near(src, plan, dates, list, latest)
}

/// `marker`, of the item of `list` a new entry is to be shaped like, or,
/// when that item's date is struck through (an entry called off), the
/// nearest dated item whose date is not (the one above on a tie, which
/// sits by the new entry when it goes before `marker`). With none,
/// `marker` still: its shape is written without the strike (see
/// [`DateShape::marks`]).
fn unstruck_near(
    src: &str,
    plan: &Plan,
    dates: Dates,
    list: &List,
    marker: TextRange,
) -> TextRange {
    let markers = plan.markers_of(list);
    let struck = |m: TextRange| dated_at(src, plan, dates, m).map(|s| s.struck());
    let at = markers.iter().position(|&m| m == marker);
    match at {
        Some(at) if struck(marker) == Some(true) => {
            nearest(markers.len(), at, |i| struck(markers[i]) == Some(false))
                .map_or(marker, |i| markers[i])
        }
        _ => marker,
    }
}

/// An item at the end of `list` holding just the message (or, when its
/// items are dated, the date and message the way they write them).
pub(super) fn append_item(plan: &Plan, src: &str, list: &List, new: &New<'_>) -> Edit {
    let bottom = plan.markers_of(list).last().copied().unwrap_or(list.range);
    let model = unstruck_near(src, plan, new.dates, list, bottom);
    let dated = dated_at(src, plan, new.dates, model).is_some();
    list_item(src, plan, list, None, model, new, dated)
}

/// The list marker (`-`, `*`, `+`, `3.`, `3)`) that opens `line`, if any.
pub(super) fn list_marker(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let len = match line.as_bytes().get(digits) {
        Some(b'-' | b'*' | b'+') if digits == 0 => 1,
        Some(b'.' | b')') if digits > 0 => digits + 1,
        _ => return None,
    };
    matches!(line.as_bytes().get(len), None | Some(b' ' | b'\t')).then(|| &line[..len])
}

/// An item with the list's marker and indentation (see [`item_lines`]),
/// before the item whose marker is `before` or else at the end. A blank
/// line goes with it when the items are set apart by blank lines.
fn list_item(
    src: &str,
    plan: &Plan,
    list: &List,
    before: Option<TextRange>,
    model: TextRange,
    new: &New<'_>,
    dated: bool,
) -> Edit {
    let markers = plan.markers_of(list);
    let mut lines = item_lines(src, plan, list, before, model, new, dated);
    let loose = markers.get(1).is_some_and(|second| {
        let at = line_start(src, second.start as usize);
        let prev = line_start(src, at.saturating_sub(1));
        at > 0 && src.get(prev..at).is_some_and(|l| l.trim().is_empty())
    });
    if let Some(before) = before {
        if loose {
            lines.push(String::new());
        }
        insert_lines(src, line_start(src, before.start as usize), &lines, new.le)
    } else {
        if loose {
            lines.insert(0, String::new());
        }
        let end = content_end(src, list.range);
        insert_after_content(src, end, &lines, new.le)
    }
}

/// The lines of an item with the list's marker and indentation, to go
/// before the item whose marker is `before` or else at the end, numbered
/// as [`item_number`] says, its text shaped like the item `model`'s when
/// `dated` (the date written the way that item writes it), else only the
/// message.
fn item_lines(
    src: &str,
    plan: &Plan,
    list: &List,
    before: Option<TextRange>,
    model: TextRange,
    new: &New<'_>,
    dated: bool,
) -> Vec<String> {
    let markers = plan.markers_of(list);
    let bottom = markers.last().copied().unwrap_or(list.range);
    let marker = before.unwrap_or(bottom);
    let line = line_start(src, marker.start as usize);
    let indent = src.get(line..marker.start as usize).unwrap_or("");
    let marker_text = marker.slice(src);
    let digits = marker_text.bytes().take_while(u8::is_ascii_digit).count();
    let numbers: Vec<u64> = markers.iter().map(|&m| number(src, m)).collect();
    // A number unchanged keeps its marker as written (`01.`); so does a
    // `before` not of the list's items (its first item's number, for the
    // list of a new month).
    let renumbered = match before.map(|b| markers.iter().position(|&m| m == b)) {
        None => Some(item_number(&numbers, None)),
        Some(Some(k)) => Some(item_number(&numbers, Some(k))).filter(|&n| n != numbers[k]),
        Some(None) => None,
    };
    let next_marker = match renumbered {
        Some(n) if digits > 0 => format!("{n}{}", &marker_text[digits..]),
        _ => marker_text.to_owned(),
    };
    let message = inline_literal(new.message);
    let shape = dated_at(src, plan, new.dates, model).filter(|_| dated);
    let date = new.date_in(
        shape
            .as_ref()
            .map(|s| log_form(src, plan, list, s.form, new.dates)),
    );
    let mut lines = match shape {
        None if dated => vec![format!("{date}: {message}")],
        None => vec![literal(new.message)],
        Some(s) if !s.bare => {
            let (pre, sep) = s.marks();
            vec![format!("{pre}{date}{sep}{message}")]
        }
        // An item that is only a date keeps its entries under it, as
        // sub-items, or has none: the message goes where the model keeps
        // its own, never glued to the date.
        Some(s) => {
            let (pre, sep) = s.marks();
            let closing = sep.trim_end();
            match sub_marker(plan, src, list, model) {
                Some((sub_indent, sub)) => vec![
                    format!("{pre}{date}{closing}"),
                    format!("{sub_indent}{sub} {}", literal(new.message)),
                ],
                None if closing.ends_with(':') => {
                    vec![format!("{pre}{date}{closing} {message}")]
                }
                None => vec![format!("{pre}{date}{closing}: {message}")],
            }
        }
    };
    lines[0] = format!("{indent}{next_marker} {}", lines[0]);
    lines
}

/// The number of a new item of an ordered list whose items are numbered
/// `numbers` (in order, not empty), going before the item at index
/// `before`, else at the end. Markdown renders an ordered list numbered on
/// from its first item whatever the numbers after it, so those are
/// cosmetic; but renumbering them would change lines that are not the
/// entry's, which `log` never does. So: first, the item takes the first
/// number, from which the list counts; last, one more than the last
/// item's; in a list numbered all alike (`1.` `1.` `1.`) that number
/// anywhere. In the middle, one more than the item above, unless that is
/// past the number of the item below (no number is free between them, as
/// in a list numbered in sequence), when it takes that one's: its own
/// number reads right and the items after it are one short, as they would
/// be after an item added by hand.
fn item_number(numbers: &[u64], before: Option<usize>) -> u64 {
    let alike = numbers.len() > 1 && numbers.windows(2).all(|w| w[0] == w[1]);
    let last = numbers.last().copied().unwrap_or(1);
    match before {
        None if alike => last,
        None => last + 1,
        Some(0) => numbers[0],
        Some(k) => (numbers[k - 1] + 1).min(numbers[k]),
    }
}

/// The number of the ordered item whose marker is `marker` (0 for an
/// unordered one).
fn number(src: &str, marker: TextRange) -> u64 {
    let text = marker.slice(src);
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    text[..digits].parse().unwrap_or(0)
}

/// The list of sub-items of the item whose marker is `marker`, if it has
/// one.
fn sub_list<'p>(plan: &'p Plan, list: &List, marker: TextRange) -> Option<&'p List> {
    let item_end = plan
        .markers_of(list)
        .iter()
        .find(|m| m.start > marker.start)
        .map_or(list.range.end, |m| m.start);
    let next = plan.lists.partition_point(|l| l.range.start <= marker.end);
    plan.lists.get(next).filter(|l| l.range.start < item_end)
}

/// The indentation and marker of the first of the item's [`sub_list`]
/// (`1.` for a numbered one), if it has one.
fn sub_marker<'s>(
    plan: &Plan,
    src: &'s str,
    list: &List,
    marker: TextRange,
) -> Option<(&'s str, String)> {
    let sub = sub_list(plan, list, marker)?;
    let first = plan.markers_of(sub).first().copied()?;
    let indent = src.get(line_start(src, first.start as usize)..first.start as usize)?;
    let text = first.slice(src);
    let text = match text.chars().last() {
        Some(delimiter) if sub.ordered => format!("1{delimiter}"),
        _ => text.to_owned(),
    };
    Some((indent, text))
}

/// The first line of the item whose marker is `marker`, after the marker.
pub(super) fn item_text(src: &str, marker: TextRange) -> &str {
    let from = marker.end as usize;
    let rest = src.get(from..).unwrap_or("");
    rest[..planwright_core::text::line_len(rest)].trim_start()
}

/// The date an item starts with, in one of the shapes [`date_shape`] reads.
pub(super) fn item_date(item: &str, dates: Dates) -> Option<Day> {
    Some(date_shape(item, dates)?.day)
}

/// How the item whose marker is `marker` writes its date, read under the
/// month heading over it (see [`Dates::at`]).
pub(super) fn dated_at<'s>(
    src: &'s str,
    plan: &Plan,
    dates: Dates,
    marker: TextRange,
) -> Option<DateShape<'s>> {
    date_shape(
        item_text(src, marker),
        dates.at(plan, marker.start as usize),
    )
}

/// `form` with what it leaves open (padding, a cut month name) taken from
/// the other dated items of `list`.
fn log_form(src: &str, plan: &Plan, list: &List, form: Form, dates: Dates) -> Form {
    plan.markers_of(list)
        .iter()
        .filter_map(|&m| dated_at(src, plan, dates, m))
        .fold(form, |f, s| f.fill(s.form))
}

/// How an item writes its date.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct DateShape<'a> {
    pub(super) day: Day,
    pub(super) form: Form,
    /// The text before the date (`**`, `[`).
    pub(super) pre: &'a str,
    /// The text between the date and the message (`**: `, ` — `), or
    /// after the date when nothing follows (`**`).
    pub(super) sep: &'a str,
    /// Nothing but the date: the item's entries are its sub-items, if any.
    pub(super) bare: bool,
    /// Where in the item's text its message opens, after `sep` (its end
    /// for a bare one).
    pub(super) message_at: usize,
}

impl DateShape<'_> {
    /// What a new entry shaped like this one writes before and after its
    /// date: `pre` and `sep`, with every wrapper `pre` opens (code, bold,
    /// italic, a bracket) closed right after the date, as the model's
    /// marks there close it (`**`, `:**`, `` `: ``). A model whose wrapper
    /// runs past its date (`**2026-01-03 b**`, `` `2026-01-03 b` ``) has it
    /// closed there all the same: left open, it would take in the new
    /// entry's message. A strikethrough is never copied (`~~2026-01-03~~:`
    /// gives `2026-01-05:`): it marks the model called off, which the new
    /// entry is not.
    pub(super) fn marks(&self) -> (String, String) {
        let close = closer(self.pre);
        let first = self.sep.split(char::is_whitespace).next().unwrap_or("");
        let (closing, rest) = if first.contains(close.as_str()) {
            self.sep.split_at(first.len())
        } else {
            let rest = self.sep.trim_start_matches(|c| close.contains(c));
            (close.as_str(), rest)
        };
        if self.struck() {
            let unstruck = |s: &str| s.replace('~', "");
            (unstruck(self.pre), format!("{}{rest}", unstruck(closing)))
        } else {
            (self.pre.to_owned(), format!("{closing}{rest}"))
        }
    }

    /// Whether the date is struck through (`~~2026-01-03~~`, `~2026-01-03~`).
    pub(super) fn struck(&self) -> bool {
        self.pre.contains('~')
    }
}

/// The marks that close the wrappers `pre` opens, innermost first (`**[`
/// closes as `]**`); nothing for marks that wrap nothing (`✅ `).
fn closer(pre: &str) -> String {
    pre.chars()
        .rev()
        .filter_map(|c| match c {
            '*' | '_' | '`' | '~' | '=' => Some(c),
            '[' => Some(']'),
            '(' => Some(')'),
            _ => None,
        })
        .collect()
}

/// How an item writes its date, if it starts with one. A time after the
/// date (`2026-01-10 14:00: c`) is the item's own, not part of the shape:
/// the separator is what follows it.
pub(super) fn date_shape(item: &str, dates: Dates) -> Option<DateShape<'_>> {
    let pre_len = item.find(char::is_alphanumeric)?;
    let pre = &item[..pre_len];
    if pre.chars().count() > 3 {
        return None;
    }
    let rest = &item[pre_len..];
    let written = dates.read(rest)?;
    let after = &rest[written.len..];
    let after = &after[time_len(after)..];
    let after = &after[range_len(after, dates)..];
    let sep_len = after.find(char::is_alphanumeric).unwrap_or(after.len());
    let raw = &after[..sep_len];
    let sep = separator(raw, sep_len < after.len());
    if sep.chars().count() > 6 {
        return None;
    }
    // What the separator took of `raw`: none when it is a blank of its own
    // making, as where a mark touches the date (`2026-01-05#12`).
    let taken = if raw.starts_with(sep) { sep.len() } else { 0 };
    Some(DateShape {
        day: written.day,
        form: written.form,
        pre,
        sep,
        bare: sep_len == after.len(),
        message_at: item.len() - after.len() + taken,
    })
}

/// The separator a new entry copies, out of `raw`, all that stands
/// between an item's date and the first letter or digit of its message:
/// the runs of marks that close a date or part it from its message
/// (`**:`, `` ` ``, `]`, `**` then `—`, `->`), with the blanks around
/// them, and nothing past a run ending in `:`. The first run holding
/// another mark (an issue's `#`, a `✅`, `<` of an HTML tag, `(Tue)`),
/// anything after a `:` (`: > note`, `: - sub`) and emphasis or code
/// touching the message (`*b*`, `` `cfg` ``) are the message's own, never
/// copied. With no blank and no such run, one space parts them. `message`
/// says whether a message follows `raw` (else the item is only its date,
/// and all of `raw` closes it: `**2024-03-01**`).
fn separator(raw: &str, message: bool) -> &str {
    let closes = |c: char| {
        matches!(
            c,
            ':' | '-' | '–' | '—' | '|' | '*' | '_' | '`' | ']' | ')' | '.' | ',' | '~' | '=' | '>'
        )
    };
    let mut end = raw.len() - raw.trim_start().len();
    while end < raw.len() {
        let token = raw[end..].split(char::is_whitespace).next().unwrap_or("");
        let rest = &raw[end + token.len()..];
        // Emphasis or code touching the message (`*b*`) opens it.
        let token = if rest.is_empty() && message {
            token.trim_end_matches(['*', '_', '`'])
        } else {
            token
        };
        if token.is_empty() || !token.chars().all(closes) {
            break;
        }
        let rest = &raw[end + token.len()..];
        end = raw.len() - rest.trim_start().len();
        if token.ends_with(':') {
            break;
        }
    }
    if end == 0 && message {
        " "
    } else {
        &raw[..end]
    }
}

/// The length of the end of a date range at the start of `s`, as written
/// after its first day (`/06`, `–6`, ` to 2026-03-09`), or 0. Like a time,
/// it is the item's own: a new entry is dated one day, and what separates
/// its date from its message is what follows the range, not its `/`. A
/// bare day number ends a range only joined without blanks: `2026-03-05 -
/// 3 tests fixed` is a message.
pub(super) fn range_len(s: &str, dates: Dates) -> usize {
    const JOINED: [&str; 5] = ["/", "-", "–", "—", "~"];
    const SPACED: [&str; 4] = [" - ", " – ", " — ", " to "];
    for joiner in JOINED.iter().chain(&SPACED) {
        let Some(rest) = s.strip_prefix(joiner) else {
            continue;
        };
        if let Some(w) = dates.read(rest) {
            return joiner.len() + w.len;
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let ends = !rest
            .as_bytes()
            .get(digits)
            .is_some_and(u8::is_ascii_alphanumeric);
        if JOINED.contains(joiner) && (1..=2).contains(&digits) && ends {
            return joiner.len() + digits;
        }
    }
    0
}

/// The length of a time of day at the start of `s`, as written after a
/// date (` 14:00`, `T09:30:15Z`, ` 9:30 pm`), or 0.
pub(super) fn time_len(s: &str) -> usize {
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
