//! Whether the log holds the entry `log` is asked for already: one of the
//! same day with the same message. An agent that retries `log` after a
//! timeout, or a script run twice, would otherwise write it twice.
//!
//! The entries are read in every shape `log` writes them (see `log.rs`):
//! table rows, items and paragraphs that open with their date, dated
//! headings, and the notes under a date that stands alone (a day's
//! heading, a paragraph or an item of only the date, over its notes). A
//! message is the same when it reads the same rendered: markup, escapes
//! and runs of blanks aside (`**Deployed** v2` is `Deployed v2`), in the
//! same case. An item, paragraph or row whose date is struck through was
//! called off, and is no entry to repeat.

use planwright_core::rendered;
use planwright_core::{LineIndex, Plan, TextRange};

use super::list::date_shape;
use super::{Dates, Day, LogEntry, find, literal, survey, table};
use crate::ops::log_date::heading_text;
use crate::ops::month::Month;

/// The line (1-based) of the entry of the progress log dated
/// `entry.date` whose message reads as `entry.message`, if the log has
/// one (the first, in the order of the file). A log `log` refuses to
/// write in (dates it cannot read) is refused here too, with the same
/// error; a plan without a log has no such entry.
pub fn logged_already(
    plan: &Plan,
    src: &str,
    entry: &LogEntry<'_>,
) -> Result<Option<usize>, super::OpError> {
    let Some(date) = Day::iso(entry.date) else {
        return Ok(None);
    };
    let Some(s) = find::log_section(plan, src) else {
        return Ok(None);
    };
    let dates = survey::log_dates(plan, src, s)?;
    // As written by `log`, which escapes what would open a block: the
    // escape reads as nothing, but `<b>` unescaped would be a tag.
    let wanted = rendered(&literal(entry.message.trim()));
    if wanted.is_empty() {
        return Ok(None);
    }
    let log = Log {
        plan,
        src,
        s,
        dates,
        date,
        wanted,
    };
    let at = [log.in_tables(), log.in_headings(), log.in_blocks()]
        .into_iter()
        .flatten()
        .min();
    Ok(at.map(|at| LineIndex::new(src).line_of(u32::try_from(at).unwrap_or(u32::MAX)) + 1))
}

/// The log in section `s` and the entry looked for in it.
struct Log<'a> {
    plan: &'a Plan,
    src: &'a str,
    s: usize,
    dates: Dates,
    date: Day,
    /// The message, rendered.
    wanted: String,
}

impl Log<'_> {
    fn range(&self) -> TextRange {
        self.plan.sections[self.s].range
    }

    fn same(&self, written: &str) -> bool {
        rendered(written) == self.wanted
    }

    /// The first row of the log's tables with the date in its date cell
    /// (not struck through) and the message in the cell `log` writes it in.
    fn in_tables(&self) -> Option<usize> {
        let plan = self.plan;
        table::log_tables(plan, self.range(), self.dates)
            .into_iter()
            .flat_map(|(t, col)| {
                let t = &plan.tables[t];
                let dates = self.dates.at(plan, t.range.start as usize);
                let message = table::message_column(t, col);
                t.rows.iter().filter(move |r| {
                    let struck = r
                        .cells
                        .get(col)
                        .is_some_and(|c| c.range.slice(self.src).starts_with('~'));
                    !struck
                        && message != col
                        && table::row_date(r, col, dates).is_some_and(|(d, _)| d == self.date)
                        && r.cells
                            .get(message)
                            .is_some_and(|c| self.same(c.range.slice(self.src)))
                })
            })
            .map(|r| r.range.start as usize)
            .min()
    }

    /// The first heading in the log that is an entry of its own, its date
    /// and then the message (`### 2026-03-05: Kickoff`).
    fn in_headings(&self) -> Option<usize> {
        self.headings().find_map(|(i, day)| match day {
            Heading::Entry(d, message) if d == self.date && self.same(&message) => {
                Some(self.plan.sections[i].heading.start as usize)
            }
            _ => None,
        })
    }

    /// The log's sub-sections, each with what its heading says of the day.
    fn headings(&self) -> impl Iterator<Item = (usize, Heading)> + '_ {
        let range = self.range();
        let s = self.s;
        self.plan.sections[s + 1..]
            .iter()
            .take_while(move |c| range.contains_range(c.range))
            .enumerate()
            .map(move |(i, c)| {
                let heading = if Month::of_heading(c).is_some() {
                    Heading::Other
                } else {
                    let title = heading_text(c);
                    let dates = self.dates.at(self.plan, c.heading.start as usize);
                    // The title as the model reads it, as `log` does to
                    // find the day's heading: a strikethrough is no mark of
                    // its text.
                    match date_shape(&title, dates) {
                        Some(d) if d.bare => Heading::Day(d.day),
                        Some(d) => Heading::Entry(d.day, title[d.message_at..].to_owned()),
                        None => Heading::Other,
                    }
                };
                (s + 1 + i, heading)
            })
    }

    /// The first paragraph or list item in the log that opens with the
    /// date and then the message, or that holds the message as a note of
    /// the date: under an item of only that date (as its sub-item), a
    /// paragraph of only that date (up to the next dated one), or a
    /// heading of only that date.
    fn in_blocks(&self) -> Option<usize> {
        let (plan, src) = (self.plan, self.src);
        let range = self.range();
        // By section, from the log's first sub-section on.
        let headings: Vec<Heading> = self.headings().map(|(_, h)| h).collect();
        // The day a heading gives the notes under it, through the headings
        // over it up to the log's: a time of day under the day's heading
        // is that day's.
        let heading_day = |mut section: Option<usize>| {
            while let Some(i) = section.filter(|&i| i > self.s) {
                match headings.get(i - self.s - 1) {
                    Some(Heading::Day(d)) => return Some(*d),
                    Some(Heading::Other) => section = plan.sections[i].parent,
                    _ => return None,
                }
            }
            None
        };
        // Dates that stand alone over their notes, innermost last.
        let mut open: Vec<Over> = Vec::new();
        for b in plan.blocks.iter().filter(|b| range.contains_range(b.range)) {
            // A block's text starts past the backslash of an escape that
            // opens it (`\<div>`), which is the message's as written.
            let mut start = b.range.start as usize;
            if src[..start].ends_with('\\') {
                start -= 1;
            }
            let text = &src[start..b.range.end as usize];
            let line = super::line_start(src, start);
            let column = start - line;
            // An item's text (in a loose list a paragraph, to the model)
            // stands after its marker.
            let paragraph = src[line..start].trim().is_empty();
            let first = &text[..planwright_core::text::line_len(text)];
            let shape = date_shape(first, self.dates.at(plan, start));
            open.retain(|o| {
                o.section == b.section && (column > o.column || (o.paragraph && shape.is_none()))
            });
            let found = match shape {
                Some(d) if d.bare || d.struck() => {
                    open.push(Over {
                        day: (!d.struck()).then_some(d.day),
                        column,
                        section: b.section,
                        paragraph,
                    });
                    false
                }
                Some(d) => d.day == self.date && self.same(&text[d.message_at..]),
                None => {
                    let day = match open.last() {
                        Some(o) => o.day,
                        None => heading_day(b.section),
                    };
                    day == Some(self.date) && self.same(text)
                }
            }
            .then_some(start);
            if found.is_some() {
                return found;
            }
        }
        None
    }
}

/// What a heading in the log says of the day.
enum Heading {
    /// Only a date: the notes under it are that day's entries.
    Day(Day),
    /// A date and more: an entry of its own, with this message.
    Entry(Day, String),
    /// No date (a month's heading, a topic): the notes under it are dated
    /// by the heading over it, if any.
    Other,
}

/// A date that stands alone over its notes: an item of only the date,
/// whose notes are its sub-items, or a paragraph of only the date, whose
/// notes run to the next dated paragraph.
struct Over {
    /// `None` for a date struck through: its notes are called off too.
    day: Option<Day>,
    column: usize,
    section: Option<usize>,
    paragraph: bool,
}

/// For the tests of each shape `log` writes (`log_tests.rs` and the
/// others call it on every entry they log): the entry was not in `src`
/// before, and once the change is applied, giving `out`, a retry finds it
/// on a line the change wrote.
#[cfg(test)]
pub(super) fn assert_found_again(
    src: &str,
    out: &str,
    entry: &LogEntry<'_>,
    change: &super::Change,
) {
    let before = logged_already(&planwright_core::parse(src), src, entry).unwrap();
    assert_eq!(before, None, "found before it was written:\n{src}");
    let line = logged_already(&planwright_core::parse(out), out, entry)
        .unwrap()
        .unwrap_or_else(|| panic!("not found once written:\n{out}"));
    let index = LineIndex::new(out);
    let at = index.line_start(line - 1) as usize;
    // Each edit's text in `out`: past what the edits before it added and
    // took away.
    let (mut added, mut removed) = (0, 0);
    let mut written = Vec::new();
    for e in &change.edits {
        let start = e.range.start as usize + added - removed;
        written.push(start..start + e.content.len());
        added += e.content.len();
        removed += e.range.len();
    }
    assert!(
        written.iter().any(|r| r.contains(&at)),
        "found on line {line}, which the change did not write:\n{out}"
    );
}

#[cfg(test)]
#[path = "log_repeat_tests.rs"]
mod tests;
