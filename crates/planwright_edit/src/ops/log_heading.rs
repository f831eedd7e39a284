//! Log entries under dated headings (`### 2026-01-05`): a new heading
//! shaped like the others (under a new month heading when the days are
//! grouped by month), or a line under the one of that day.

use planwright_core::edit::Edit;
use planwright_core::{Plan, Section, TextRange};

use crate::ops::log_date::{Written, heading_text};

use super::{
    Change, Dates, Day, Intent, New, Spot, content_end, entries_end, insert_after_content,
    insert_lines, line_end_after, line_start, list, literal, month, order, spot,
};

/// The headings inside section `s` whose titles open with a date, at the
/// shallowest level such headings have there: a log grouped by month keeps
/// its days one level down, and a day's own dated sub-headings (times of
/// day) are that day's business.
pub(super) fn dated_headings(plan: &Plan, s: usize, dates: Dates) -> Vec<usize> {
    let range = plan.sections[s].range;
    let inside = plan.sections[s + 1..]
        .iter()
        .take_while(|c| range.contains_range(c.range))
        .enumerate()
        .filter(|(_, c)| read_day(plan, c, dates).is_some())
        .map(|(i, c)| (s + 1 + i, c.level));
    let Some(level) = inside.clone().map(|(_, l)| l).min() else {
        return Vec::new();
    };
    inside
        .filter(|&(_, l)| l == level)
        .map(|(i, _)| i)
        .collect()
}

/// The entry under the `headings` (from [`dated_headings`], not empty): a
/// line under the heading of its date when one is only that date, else a
/// heading of its own where [`spot`] puts it. In a log whose days stand
/// under month headings (in section `s`), a month without a group gets
/// one (see [`month::new_month`]), with the day under it, and a month
/// heading without days takes the day (see [`month::own_month`]).
pub(super) fn add(plan: &Plan, src: &str, s: usize, headings: &[usize], new: &New<'_>) -> Change {
    let same_day = headings.iter().map(|&h| &plan.sections[h]).find(|h| {
        let title = heading_text(h);
        read_day(plan, h, new.dates).is_some_and(|w| {
            w.day == new.date && !title[w.len..].chars().any(char::is_alphanumeric)
        })
    });
    if let Some(day) = same_day {
        return Change {
            edits: vec![add_to_day(plan, src, day, new)],
            intent: Intent::LogEntry { new_heading: false },
        };
    }
    // Groups are the sections holding the days (month headings, say),
    // numbered in order, each starting at its first day.
    let mut parents: Vec<Option<usize>> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    let entries: Vec<(Option<Day>, usize)> = headings
        .iter()
        .map(|&h| {
            let c = &plan.sections[h];
            if parents.last() != Some(&c.parent) {
                parents.push(c.parent);
                starts.push(c.heading.start as usize);
            }
            (
                read_day(plan, c, new.dates).map(|w| w.day),
                parents.len() - 1,
            )
        })
        .collect();
    if let Some(own) = month::own_month(plan, src, s, &entries, &starts, new.date) {
        let new = &new.at_home();
        // The day goes under it shaped like the last day of the month
        // next to it, when that keeps it a level below the month's heading.
        let model = own
            .model
            .and_then(|g| entries.iter().rposition(|e| e.1 == g))
            .map_or(headings[headings.len() - 1], |i| headings[i]);
        let model = &plan.sections[model];
        if model.level > own.heading.level {
            return Change {
                edits: vec![own.edit(src, day_lines(src, plan, model, new), new.le)],
                intent: Intent::LogEntry { new_heading: true },
            };
        }
    }
    if let Some(month) = month::new_month(plan, src, s, &entries, &starts, new.date) {
        let new = &new.at_home();
        // The day goes under it shaped like the last day of the month it
        // goes next to.
        let model = entries
            .iter()
            .rposition(|e| e.1 == month.model)
            .map_or(headings[headings.len() - 1], |i| headings[i]);
        let lines = day_lines(src, plan, &plan.sections[model], new);
        return Change {
            edits: vec![month.edit(src, lines, new.le)],
            intent: Intent::LogEntry { new_heading: true },
        };
    }
    let (model, before) = match spot(&entries, new.date, order(plan, s, &entries)) {
        Spot::Before(i) => (&plan.sections[headings[i]], true),
        Spot::After(i) => (&plan.sections[headings[i]], false),
        Spot::End => (&plan.sections[headings[headings.len() - 1]], false),
    };
    Change {
        edits: vec![dated_heading(src, plan, model, before, new)],
        intent: Intent::LogEntry { new_heading: true },
    }
}

/// A new dated heading shaped like the heading `model` (see
/// [`day_lines`]): before it when `before`, else after its entries.
fn dated_heading(src: &str, plan: &Plan, model: &Section, before: bool, new: &New<'_>) -> Edit {
    let mut lines = day_lines(src, plan, model, new);
    if before {
        lines.push(String::new());
        insert_lines(
            src,
            line_start(src, model.heading.start as usize),
            &lines,
            new.le,
        )
    } else {
        lines.insert(0, String::new());
        let end = entries_end(src, model.range);
        insert_after_content(src, end, &lines, new.le)
    }
}

/// The lines of a day's heading and its entry, shaped like the day
/// `model`: its level, a blank line under the heading, a bullet or a
/// paragraph.
fn day_lines(src: &str, plan: &Plan, model: &Section, new: &New<'_>) -> Vec<String> {
    let body_at = line_end_after(src, model.heading.end as usize);
    let body_end = content_end(src, model.range).max(body_at);
    let body = src.get(body_at..body_end).unwrap_or("");
    let blank_under = body
        .split(['\n', '\r'])
        .next()
        .is_some_and(|l| l.trim().is_empty() && !body.trim().is_empty());
    let first_line = body.trim_start().split(['\n', '\r']).next().unwrap_or("");
    let bullet = match list::list_marker(first_line) {
        Some(m) if !m.starts_with(|c: char| c.is_ascii_digit()) => format!("{m} "),
        Some(_) => "1. ".to_owned(),
        None if first_line.is_empty() => "- ".to_owned(),
        None => String::new(),
    };
    let hashes = "#".repeat(usize::from(model.level));
    let form = read_day(plan, model, new.dates).map(|w| w.form);
    let mut lines = vec![format!("{hashes} {}", new.date_in(form))];
    if blank_under {
        lines.push(String::new());
    }
    lines.push(format!("{bullet}{}", literal(new.message)));
    lines
}

/// The date the title of `heading` opens with, read under the month
/// heading over it (see [`Dates::at`]).
fn read_day(plan: &Plan, heading: &Section, dates: Dates) -> Option<Written> {
    let at = heading.heading.start as usize;
    dates.at(plan, at).read(&heading_text(heading))
}

/// A line more under the heading `day` of the entry's date: an item of the
/// list its entries end with, else a paragraph of its own after them.
fn add_to_day(plan: &Plan, src: &str, day: &Section, new: &New<'_>) -> Edit {
    let end = entries_end(src, day.range);
    let body_at = line_end_after(src, day.heading.end as usize);
    let message = literal(new.message);
    if end <= day.heading.end as usize {
        return insert_lines(src, body_at, &[format!("- {message}")], new.le);
    }
    let body = TextRange::new(body_at.min(day.range.end as usize), day.range.end as usize);
    let closing_list = list::top_lists(plan, body)
        .into_iter()
        .rfind(|l| content_end(src, l.range) == end);
    match closing_list {
        Some(l) => list::append_item(plan, src, l, new),
        None => insert_after_content(src, end, &[String::new(), message], new.le),
    }
}
