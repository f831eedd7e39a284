//! Small readings of the model that several rules share: the plan's status,
//! dates in cells and values, week numbers in timelines.

use jiff::civil::Date;
use planwright_core::{MetaField, StatusReading, Task, TextRange, normalize_key};

use crate::Context;

/// The plan-level status field, when the plan has one with a value.
pub(crate) fn status_field<'a>(ctx: &Context<'a>) -> Option<&'a MetaField> {
    let key = ctx
        .dialect
        .map_or("status", |d| d.descriptor.status_field.as_str());
    ctx.plan
        .field(key)
        .or_else(|| ctx.plan.field("status"))
        .filter(|f| !f.value.trim().is_empty())
        .filter(|f| !has_placeholder(ctx, f))
}

fn has_placeholder(ctx: &Context<'_>, field: &MetaField) -> bool {
    ctx.plan.placeholders.iter().any(|p| {
        field.value_range.contains_range(p.range) || p.range.contains_range(field.value_range)
    })
}

const DRAFT_WORDS: &[&str] = &[
    "draft",
    "proposed",
    "proposal",
    "planning",
    "planned",
    "not_started",
    "todo",
    "to_do",
    "new",
    "idea",
    "wip_draft",
];

/// A claim that work is finished: the plan's status or a phase's, with
/// where it is written, its value, whose it is, and the tasks under it that
/// the caller counts as still open.
pub(crate) struct DoneClaim<'a> {
    pub at: TextRange,
    pub status: &'a str,
    pub whose: &'a str,
    pub open: Vec<&'a Task>,
}

/// Every done claim in the plan (the plan's status, then each phase's),
/// with its open tasks as `is_open` selects them.
pub(crate) fn done_claims<'a>(ctx: &Context<'a>, is_open: fn(&Task) -> bool) -> Vec<DoneClaim<'a>> {
    let plan = ctx.plan;
    let mut claims = Vec::new();
    if let Some(status) = status_field(ctx)
        && is_done_status(ctx, &status.value)
    {
        claims.push(DoneClaim {
            at: status.value_range,
            status: &status.value,
            whose: "the plan",
            open: plan.tasks.iter().filter(|t| is_open(t)).collect(),
        });
    }
    for phase in &plan.phases {
        let Some(value) = &phase.status else {
            continue;
        };
        if is_done_status(ctx, value) {
            claims.push(DoneClaim {
                at: phase.heading,
                status: value,
                whose: &phase.id,
                open: phase
                    .tasks
                    .iter()
                    .filter_map(|&i| plan.tasks.get(i))
                    .filter(|t| is_open(t))
                    .collect(),
            });
        }
    }
    claims
}

/// Whether a status claims the work is finished, read as `next` reads it
/// ([`planwright_core::read_status`]): a status given up (`Skipped`) or
/// hedged (`Done?`, `Halfway done`) claims nothing.
///
/// A status that names a document or a planning stage (`Task breakdown
/// complete`, `Spec done`, `Planning complete`) says that stage is over,
/// not the work the tasks describe, so it claims nothing over open tasks;
/// the dialect's own done values count whatever their words.
pub(crate) fn is_done_status(ctx: &Context<'_>, value: &str) -> bool {
    let done_status = ctx
        .dialect
        .map_or(&[][..], |d| &d.descriptor.done_status[..]);
    let own = done_status
        .iter()
        .any(|d| normalize_key(d) == normalize_key(value.trim()));
    planwright_core::read_status(value, done_status) == StatusReading::Done
        && (own || !names_a_planning_stage(value))
}

/// Words naming a document or stage that comes before the work itself.
const PLANNING_STAGES: &[&str] = &[
    "breakdown",
    "spec",
    "specs",
    "specification",
    "plan",
    "planning",
    "design",
    "analysis",
    "research",
    "outline",
    "draft",
];

fn names_a_planning_stage(value: &str) -> bool {
    value
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| PLANNING_STAGES.iter().any(|s| w.eq_ignore_ascii_case(s)))
}

pub(crate) fn is_draft_status(ctx: &Context<'_>, value: &str) -> bool {
    let key = status_key(value);
    let initial = ctx
        .dialect
        .and_then(|d| d.descriptor.initial_status.as_deref())
        .map(normalize_key);
    DRAFT_WORDS.contains(&key.as_str()) || initial.as_deref() == Some(key.as_str())
}

/// The status words without emoji, bold or a trailing remark
/// (`✅ Complete (2025-01-10)` → `complete`).
pub(crate) fn status_key(value: &str) -> planwright_core::Text {
    let head = value
        .split(['(', '—', '–', ';', ','])
        .next()
        .unwrap_or(value);
    let head = head.split(" - ").next().unwrap_or(head);
    normalize_key(head)
}

/// `text` on one line and at most 60 characters, for a message: long text
/// (a bracketed instruction sentence, a heading run over several lines) is
/// cut with `...`; the underline still shows all of it.
pub(crate) fn shorten(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 60 {
        return one_line;
    }
    let cut: String = one_line.chars().take(57).collect();
    format!("{cut}...")
}

/// A date written in a value or cell, valid or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateToken {
    /// Byte range inside the text it was found in.
    pub start: usize,
    pub end: usize,
    /// `None` when the digits name no calendar day (2026-02-30).
    pub date: Option<Date>,
}

/// Every `YYYY-MM-DD` or `YYYY/MM/DD` token in `text` (one- or two-digit
/// month and day), with whether it is a real day.
pub(crate) fn date_tokens(text: &str) -> Vec<DateToken> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 8 <= bytes.len() {
        // A date starts at a digit: skip to the next one.
        let Some(skip) = bytes[i..bytes.len() - 7]
            .iter()
            .position(u8::is_ascii_digit)
        else {
            break;
        };
        i += skip;
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if boundary && let Some((end, y, m, d)) = iso_at(bytes, i) {
            let date = i16::try_from(y)
                .ok()
                .and_then(|y| Date::new(y, m as i8, d as i8).ok());
            out.push(DateToken {
                start: i,
                end,
                date,
            });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

fn iso_at(b: &[u8], i: usize) -> Option<(usize, u32, u32, u32)> {
    let digits = |from: usize, min: usize, max: usize| -> Option<(usize, u32)> {
        let mut n = 0u32;
        let mut k = from;
        while k < b.len() && k - from < max && b[k].is_ascii_digit() {
            n = n * 10 + u32::from(b[k] - b'0');
            k += 1;
        }
        (k - from >= min).then_some((k, n))
    };
    let (k, year) = digits(i, 4, 4)?;
    let sep = *b.get(k)?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    let (k, month) = digits(k + 1, 1, 2)?;
    if b.get(k) != Some(&sep) {
        return None;
    }
    let (k, day) = digits(k + 1, 1, 2)?;
    if b.get(k)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == sep)
    {
        return None;
    }
    // Years outside this window are version numbers or ids, not dates.
    if !(1900..=2199).contains(&year) || month == 0 || day == 0 {
        return None;
    }
    Some((k, year, month, day))
}

/// The first real date in `text`.
pub(crate) fn first_date(text: &str) -> Option<Date> {
    date_tokens(text).into_iter().find_map(|t| t.date)
}

/// A span of time read from a cell or estimate: two dates, or week numbers
/// (`Week 3-4`). Only spans of the same unit are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Span {
    Dates(Date, Date),
    Weeks(u32, u32),
}

impl Span {
    pub(crate) fn read(text: &str) -> Option<Span> {
        let dates: Vec<Date> = date_tokens(text)
            .into_iter()
            .filter_map(|t| t.date)
            .collect();
        match dates.as_slice() {
            [a, b, ..] => return Some(Span::Dates(*a, *b)),
            [a] => return Some(Span::Dates(*a, *a)),
            [] => {}
        }
        weeks(text)
    }

    /// Whether `self` starts before `other` ends, in the same unit.
    pub(crate) fn starts_before_end_of(self, other: Span) -> bool {
        match (self, other) {
            (Span::Dates(start, _), Span::Dates(_, end)) => start < end,
            (Span::Weeks(start, _), Span::Weeks(_, end)) => start < end,
            _ => false,
        }
    }
}

/// `Week 3`, `Weeks 3-4`, `Week 3 – Week 5`.
fn weeks(text: &str) -> Option<Span> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find("week")?;
    let rest = &lower[at..];
    let numbers: Vec<u32> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(2)
        .filter_map(|s| s.parse().ok())
        .collect();
    match numbers.as_slice() {
        [a, b] => Some(Span::Weeks(*a, *b)),
        [a] => Some(Span::Weeks(*a, *a)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_found_and_checked() {
        let t = date_tokens("from 2026-02-30 to 2026/3/1, v1.2026-01-01x, 12026-01-01");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].date, None);
        assert_eq!(t[1].date, Some(jiff::civil::date(2026, 3, 1)));
        assert!(date_tokens("2024-13-01")[0].date.is_none());
        // The skip to the next digit stops where a date can still fit: the
        // shortest one (eight bytes) ending the text is found, as is one
        // after a run of digits too long to be a year.
        let t = date_tokens("due: 2026-1-9");
        assert_eq!((t.len(), t[0].start), (1, 5));
        assert_eq!(t[0].date, Some(jiff::civil::date(2026, 1, 9)));
        let t = date_tokens("#123456 2026-07-04");
        assert_eq!((t.len(), t[0].start), (1, 8));
        assert!(date_tokens("v 2026-1-").is_empty());
    }

    #[test]
    fn spans_read_dates_and_weeks() {
        assert_eq!(Span::read("Weeks 3-4"), Some(Span::Weeks(3, 4)));
        assert_eq!(Span::read("Week 2"), Some(Span::Weeks(2, 2)));
        assert!(matches!(
            Span::read("2025-01-01 → 2025-02-01"),
            Some(Span::Dates(..))
        ));
        assert_eq!(Span::read("soon"), None);
    }

    #[test]
    fn statuses_fold_decoration() {
        assert_eq!(status_key("✅ **Complete** (2025-01-10)"), "complete");
        assert_eq!(status_key("In Progress - phase 2"), "in_progress");
    }
}
