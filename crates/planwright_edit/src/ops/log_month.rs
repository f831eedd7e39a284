//! Logs grouped under month headings (`### January 2026`, `### 2026-01`):
//! an entry dated in a month that has no group yet opens one, with a
//! heading shaped like the others, where its month falls in the log's
//! order; one dated in a month whose heading is there but holds no dated
//! entry yet goes under that heading. Without this the entry would join
//! the nearest group, and a March entry would read as February's.

use planwright_core::edit::Edit;
use planwright_core::{Plan, Section};

use crate::ops::log_date::Day;
use crate::ops::month::Month;

use super::{
    entries_end, insert_after_content, insert_lines, line_end_after, line_start, month_headings,
    newest_first,
};

/// A month group to open for the entry: its heading and where it goes.
pub(super) struct NewMonth<'p> {
    /// The log's group the entry is shaped like (an index into the groups
    /// [`new_month`] was given): one under the month it goes next to.
    pub(super) model: usize,
    /// The heading line, at the level of the month it goes next to.
    heading: String,
    /// Whether a blank line sets the heading apart from its entries, as
    /// it does under the month it goes next to.
    blank_under: bool,
    /// The month heading it goes next to.
    anchor: &'p Section,
    /// Before `anchor`'s heading, else after its entries.
    before: bool,
}

/// The month group an entry dated `date` opens, if it opens one: when
/// every group of the log holding a dated entry stands under a month
/// heading inside section `s` and none of the section's month headings is
/// the entry's month. `entries` are each entry's date and group in the
/// log's order, `starts` where each group starts. The new month goes
/// before the first month that should follow it in the log's order (see
/// [`newest_first`]), else after the last; a log that skips a month gets
/// it back in between.
pub(super) fn new_month<'p>(
    plan: &'p Plan,
    src: &str,
    s: usize,
    entries: &[(Option<Day>, usize)],
    starts: &[usize],
    date: Day,
) -> Option<NewMonth<'p>> {
    let ym = date.ym();
    let months = month_headings(plan, s);
    if months.iter().any(|(_, m)| m.ym() == ym) {
        return None;
    }
    // Each dated group's month: the innermost month heading over it.
    let has_date = dated_groups(entries, starts.len());
    let mut grouped: Vec<(usize, usize)> = Vec::new();
    for (g, &start) in starts.iter().enumerate().filter(|&(g, _)| has_date[g]) {
        let (m, _) = months
            .iter()
            .rfind(|(m, _)| plan.sections[*m].range.contains(start))?;
        grouped.push((g, *m));
    }
    let newest_first = newest_first(plan, s, entries);
    let ym_of = |m: usize| months.iter().find(|(i, _)| *i == m).map(|(_, t)| t.ym());
    let follows = |m: usize| {
        ym_of(m).is_some_and(|other| {
            if newest_first {
                other.as_str() < ym
            } else {
                other.as_str() > ym
            }
        })
    };
    let next = grouped.iter().find(|&&(_, m)| follows(m));
    let (model, anchor, before) = if let Some(&(g, m)) = next {
        (g, m, true)
    } else {
        let &(g, m) = grouped.last()?;
        (g, m, false)
    };
    let anchor = &plan.sections[anchor];
    let title = Month::of_heading(anchor)?.retitled(ym);
    Some(NewMonth {
        model,
        heading: format!("{} {title}", "#".repeat(usize::from(anchor.level))),
        blank_under: blank_under(src, anchor),
        anchor,
        before,
    })
}

impl NewMonth<'_> {
    /// The month's heading with `body`, the entry's lines, under it.
    pub(super) fn edit(&self, src: &str, body: Vec<String>, le: &str) -> Edit {
        let mut lines = vec![self.heading.clone()];
        if self.blank_under {
            lines.push(String::new());
        }
        lines.extend(body);
        if self.before {
            lines.push(String::new());
            let at = line_start(src, self.anchor.heading.start as usize);
            insert_lines(src, at, &lines, le)
        } else {
            lines.insert(0, String::new());
            let end = entries_end(src, self.anchor.range);
            insert_after_content(src, end, &lines, le)
        }
    }
}

/// The heading of the entry's own month, when the log has one that holds
/// none of its dated entries yet (a heading written ahead of its month,
/// say): the entry goes under it rather than into a group of another
/// month.
pub(super) struct OwnMonth<'p> {
    /// The last of the log's groups under the heading (all undated, such
    /// as a table with no rows yet), if any: the entry joins it.
    pub(super) group: Option<usize>,
    /// The group the entry is shaped like: the nearest dated one after
    /// the heading, else before it; `None` when there are no groups.
    pub(super) model: Option<usize>,
    /// Whether a blank line sets a month's heading apart from its entries,
    /// as it does over the model.
    blank_under: bool,
    /// The month's heading.
    pub(super) heading: &'p Section,
}

/// The [`OwnMonth`] of an entry dated `date` in section `s`, if its month
/// has a heading there and no group holding a dated entry starts under
/// it. `entries` are each entry's date and group, `starts` where each
/// group starts, as for [`new_month`].
pub(super) fn own_month<'p>(
    plan: &'p Plan,
    src: &str,
    s: usize,
    entries: &[(Option<Day>, usize)],
    starts: &[usize],
    date: Day,
) -> Option<OwnMonth<'p>> {
    let ym = date.ym();
    let months = month_headings(plan, s);
    let &(m, _) = months.iter().find(|(_, t)| t.ym() == ym)?;
    let heading = &plan.sections[m];
    let dated = dated_groups(entries, starts.len());
    let under = |g: usize| heading.range.contains(starts[g]);
    if (0..starts.len()).any(|g| dated[g] && under(g)) {
        return None;
    }
    let group = (0..starts.len()).rfind(|&g| under(g));
    // Shaped like a dated group when there is one, else like any.
    let any_dated = dated.contains(&true);
    let candidates: Vec<usize> = (0..starts.len())
        .filter(|&g| dated[g] || !any_dated)
        .collect();
    let model = candidates
        .iter()
        .find(|&&g| starts[g] >= heading.range.end as usize)
        .or_else(|| {
            candidates
                .iter()
                .rfind(|&&g| starts[g] < heading.heading.start as usize)
        })
        .or(candidates.first())
        .copied();
    let blank_under = model
        .and_then(|g| {
            months
                .iter()
                .rfind(|(i, _)| plan.sections[*i].range.contains(starts[g]))
        })
        .is_none_or(|&(i, _)| blank_under(src, &plan.sections[i]));
    Some(OwnMonth {
        group,
        model,
        blank_under,
        heading,
    })
}

impl OwnMonth<'_> {
    /// `body`, the entry's lines, under the month's heading: right under
    /// it when nothing else is there, else after what is.
    pub(super) fn edit(&self, src: &str, body: Vec<String>, le: &str) -> Edit {
        let h = self.heading;
        let body_at = line_end_after(src, h.heading.end as usize);
        let rest = src.get(body_at..h.range.end as usize).unwrap_or("");
        if !rest.trim().is_empty() {
            let mut lines = vec![String::new()];
            lines.extend(body);
            return insert_after_content(src, entries_end(src, h.range), &lines, le);
        }
        let mut lines = Vec::new();
        if self.blank_under {
            lines.push(String::new());
        }
        lines.extend(body);
        // A heading right above the next one: the blank line that sets
        // the entry apart from it comes along.
        let more = src
            .get(h.range.end as usize..)
            .is_some_and(|r| !r.trim().is_empty());
        if self.blank_under && rest.is_empty() && more {
            lines.push(String::new());
        }
        insert_lines(src, body_at, &lines, le)
    }
}

/// Whether a blank line stands under the heading of `section`, before
/// anything else in it.
fn blank_under(src: &str, section: &Section) -> bool {
    let body_at = line_end_after(src, section.heading.end as usize);
    let body = src.get(body_at..section.range.end as usize).unwrap_or("");
    let first = &body[..planwright_core::text::line_len(body)];
    first.trim().is_empty() && !body.trim().is_empty()
}

/// Which of `groups` groups hold a dated entry (`entries` as for
/// [`new_month`]).
fn dated_groups(entries: &[(Option<Day>, usize)], groups: usize) -> Vec<bool> {
    let mut dated = vec![false; groups];
    for &(_, g) in entries.iter().filter(|e| e.0.is_some()) {
        if let Some(d) = dated.get_mut(g) {
            *d = true;
        }
    }
    dated
}
