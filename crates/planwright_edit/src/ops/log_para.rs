//! Log entries as paragraphs that open with their date: `**2026-01-05**`
//! on a line of its own with the day's notes under it (a paragraph, or a
//! list), or `**2026-01-05** — did a` in one paragraph. A new entry is
//! shaped like its neighbour and goes where its date belongs.

use planwright_core::edit::Edit;
use planwright_core::{BlockKind, Plan, TextRange};

use super::list::{self, DateShape, date_shape, list_marker};
use super::{
    Change, Day, Intent, New, Spot, content_end, entries_end, insert_after_content, insert_lines,
    line_end_after, line_start, literal, nearest, order, spot,
};

/// The paragraphs right in section `s` (not in a quote, a list or a
/// sub-section) whose first line opens with a date, each as the range of
/// that paragraph.
pub(super) fn dated_paragraphs(plan: &Plan, src: &str, s: usize, new: &New<'_>) -> Vec<TextRange> {
    plan.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph && b.section == Some(s))
        .filter(|b| line_start(src, b.range.start as usize) == b.range.start as usize)
        .filter(|b| shape_at(plan, src, b.range, new).is_some())
        .map(|b| b.range)
        .collect()
}

/// The entry among the dated `paras` (from [`dated_paragraphs`] of section
/// `s`, not empty), where [`spot`] puts its date: before the entry it goes
/// before, else after the entry it follows, with all that entry's notes.
pub(super) fn add(plan: &Plan, src: &str, s: usize, paras: &[TextRange], new: &New<'_>) -> Change {
    let shape = |p: TextRange| shape_at(plan, src, p, new);
    let entries: Vec<(Option<Day>, usize)> = paras
        .iter()
        .map(|&p| (shape(p).map(|d| d.day), 0))
        .collect();
    let section_end = entries_end(src, plan.sections[s].range);
    // An entry runs to the next dated paragraph, or to the end of the
    // section's entries (before a sub-section or a closing footer).
    let entry_end = |i: usize| {
        let next = paras
            .get(i + 1)
            .map_or(section_end, |p| p.start as usize)
            .min(section_end);
        let sub = plan.sections[s + 1..]
            .iter()
            .take_while(|c| plan.sections[s].range.contains_range(c.range))
            .map(|c| c.heading.start as usize)
            .find(|&h| h > paras[i].start as usize)
            .unwrap_or(usize::MAX);
        let end = next.min(sub);
        content_end(
            src,
            TextRange::new(paras[i].start as usize, end.max(paras[i].end as usize)),
        )
    };
    // A day kept as its date alone over its notes takes a second entry of
    // that day as one more note.
    let same_day =
        (0..paras.len()).find(|&i| shape(paras[i]).is_some_and(|d| d.day == new.date && d.bare));
    if let Some(i) = same_day {
        return Change {
            edits: vec![add_to_day(plan, src, paras[i], entry_end(i), new)],
            intent: Intent::LogEntry { new_heading: false },
        };
    }
    let (model, before) = match spot(&entries, new.date, order(plan, s, &entries)) {
        Spot::Before(i) => (i, true),
        Spot::After(i) => (i, false),
        Spot::End => (paras.len() - 1, false),
    };
    // Shaped like that entry, or, when its date is struck through (an
    // entry called off), like the nearest whose date is not.
    let struck = |i: usize| shape(paras[i]).map(|d| d.struck());
    let like = match struck(model) {
        Some(true) => nearest(paras.len(), model, |i| struck(i) == Some(false)).unwrap_or(model),
        _ => model,
    };
    let Some(like_shape) = shape(paras[like]) else {
        return Change {
            edits: Vec::new(),
            intent: Intent::LogEntry { new_heading: false },
        };
    };
    let mut lines = entry_lines(src, paras[like], entry_end(like), &like_shape, new);
    let edit = if before {
        lines.push(String::new());
        insert_lines(src, paras[model].start as usize, &lines, new.le)
    } else {
        lines.insert(0, String::new());
        insert_after_content(src, entry_end(model), &lines, new.le)
    };
    Change {
        edits: vec![edit],
        intent: Intent::LogEntry { new_heading: false },
    }
}

/// A note more under the date paragraph `para`, whose notes end at `end`:
/// an item of the list they end with, else a paragraph after them.
fn add_to_day(plan: &Plan, src: &str, para: TextRange, end: usize, new: &New<'_>) -> Edit {
    let notes_at = line_end_after(src, para.start as usize + 1).min(end);
    // Lists run to the blank lines after them: the notes' range does too.
    let rest = &src[end..];
    let body_end = end + (rest.len() - rest.trim_start().len());
    let closing_list = list::top_lists(plan, TextRange::new(notes_at, body_end))
        .into_iter()
        .rfind(|l| content_end(src, l.range) == end);
    match closing_list {
        Some(l) => list::append_item(plan, src, l, new),
        None => insert_after_content(src, end, &[String::new(), literal(new.message)], new.le),
    }
}

/// The lines of an entry shaped like the one whose paragraph is `para`
/// and which runs to `end`: the date written as it writes its own, then
/// the message on the same line, or, under a date that stands alone, as
/// its notes are (a paragraph or a list item, after a blank line or not).
fn entry_lines(
    src: &str,
    para: TextRange,
    end: usize,
    shape: &DateShape<'_>,
    new: &New<'_>,
) -> Vec<String> {
    let date = new.date_in(Some(shape.form));
    let message = literal(new.message);
    let (pre, sep) = shape.marks();
    if !shape.bare {
        return vec![format!("{pre}{date}{sep}{message}")];
    }
    let date_line = format!("{pre}{date}{}", sep.trim_end());
    let notes_at = line_end_after(src, para.start as usize + 1);
    let notes = src.get(notes_at..end.max(notes_at)).unwrap_or("");
    let blank_under = notes
        .split(['\n', '\r'])
        .next()
        .is_some_and(|l| l.trim().is_empty() && !notes.trim().is_empty());
    let first = notes.trim_start().split(['\n', '\r']).next().unwrap_or("");
    let bullet = match list_marker(first) {
        Some(m) if !m.starts_with(|c: char| c.is_ascii_digit()) => format!("{m} "),
        Some(_) => "1. ".to_owned(),
        None => String::new(),
    };
    let mut lines = vec![date_line];
    // A date with no notes under it yet: the message goes on a paragraph
    // of its own, as notes usually do.
    if blank_under || notes.trim().is_empty() {
        lines.push(String::new());
    }
    lines.push(format!("{bullet}{message}"));
    lines
}

/// How the paragraph `para` writes its date, read under the month heading
/// over it (see [`super::Dates::at`]).
fn shape_at<'s>(
    plan: &Plan,
    src: &'s str,
    para: TextRange,
    new: &New<'_>,
) -> Option<DateShape<'s>> {
    let dates = new.dates.at(plan, para.start as usize);
    date_shape(first_line(src, para), dates)
}

/// The first line of the text in `range`.
fn first_line(src: &str, range: TextRange) -> &str {
    let text = range.slice(src);
    &text[..planwright_core::text::line_len(text)]
}
