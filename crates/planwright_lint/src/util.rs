//! Small readings of the model that several rules share: the plan's status,
//! dates in cells and values, week numbers in timelines.

use jiff::civil::Date;
use planwright_core::{MetaField, StatusReading, Task, TextRange, normalize_key};

use crate::Context;

/// The plan-level status field, when the plan has one with a value and
/// no slot left to fill in it, as `next` reads it
/// ([`planwright_core::Plan::status_value`]).
pub(crate) fn status_field<'a>(ctx: &Context<'a>) -> Option<&'a MetaField> {
    let key = ctx
        .dialect
        .map_or("status", |d| d.descriptor.status_field.as_str());
    ctx.plan.status_value(key)
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
                at: phase.status_range.unwrap_or(phase.heading),
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
    // A time may follow, ISO 8601's way (`2026-02-30T10:00:00Z`): the
    // date is still the day's.
    let time = b.get(k) == Some(&b'T') && b.get(k + 1).is_some_and(u8::is_ascii_digit);
    if !time
        && b.get(k)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == sep)
    {
        return None;
    }
    // Years outside this window are version numbers or ids, not dates.
    // A month or day 0 is a date still, and an impossible one
    // (`2026-00-10`): the calendar has neither.
    if !(1900..=2199).contains(&year) {
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
    /// The first date in `text`, through a second one only when the two
    /// are written as a range (`2026-03-01 – 2026-03-15`, `… to …`, `..`):
    /// a date in a note after the first (`2026-04-01 (moved from
    /// 2026-03-15)`) is history, not the end. Without dates, the week
    /// position (see [`weeks`]).
    pub(crate) fn read(text: &str) -> Option<Span> {
        let tokens = date_tokens(text);
        let mut dated = tokens
            .iter()
            .enumerate()
            .filter_map(|(i, t)| Some((i, t, t.date?)));
        if let Some((i, first, start)) = dated.next() {
            let end = tokens
                .get(i + 1)
                .filter(|next| text.get(first.end..next.start).is_some_and(joins_a_range))
                .and_then(|next| next.date)
                .unwrap_or(start);
            return Some(Span::Dates(start, end));
        }
        weeks(text)
    }

    /// The span from `self`'s start to `end`'s end, as a row's Start and
    /// End cells give it; none when they are in different units.
    pub(crate) fn through(self, end: Span) -> Option<Span> {
        match (self, end) {
            (Span::Dates(start, _), Span::Dates(_, end)) => Some(Span::Dates(start, end)),
            (Span::Weeks(start, _), Span::Weeks(_, end)) => Some(Span::Weeks(start, end)),
            _ => None,
        }
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

/// What stands between the two ends of a range: `2026-03-01 – 2026-03-15`,
/// `Week 3 to 4`.
const RANGE_JOINTS: &[&str] = &[
    "-", "–", "—", "−", "..", "...", "…", "→", "->", "~", "to", "until", "till", "through", "thru",
];

fn joins_a_range(between: &str) -> bool {
    let between = between.trim();
    RANGE_JOINTS.iter().any(|j| between.eq_ignore_ascii_case(j)) || names_the_end(between)
}

/// Whether the words between two dates say the second is the end:
/// `Starts 2026-03-01, ends 2026-03-10`, `2026-03-01; End: 2026-03-10`.
/// Any other word (`moved from`, `was`) makes the second a note.
fn names_the_end(between: &str) -> bool {
    const END: &[&str] = &["end", "ends", "ending", "finish", "finishes", "due"];
    const ALSO: &[&str] = &["and", "date", "by", "on"];
    let mut words = between
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    let mut ends = false;
    words.peek().is_some()
        && words.all(|w| {
            let end = END.iter().any(|e| w.eq_ignore_ascii_case(e));
            ends |= end;
            end || ALSO.iter().any(|a| w.eq_ignore_ascii_case(a))
        })
        && ends
}

/// The week position or range in `text`: `Week 3`, `Weeks 3-4`, `Week 3 –
/// Week 5`, `Week 3 to 4`, `W3-W4`. A count before the word makes it a
/// duration (`1 week`, `2-3 weeks`), not a position; a number after a
/// word, comma or bracket (`Week 1, Days 4-5`) is something else, not the
/// end of the range.
fn weeks(text: &str) -> Option<Span> {
    let lower = text.to_ascii_lowercase();
    lower.char_indices().find_map(|(i, _)| {
        let before = lower.get(..i)?;
        if before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        let after = week_label(lower.get(i..)?)?;
        let (first, rest) = number(after)?;
        let end = range_end(rest);
        // "1 week 2 days" counts weeks; a range after the label
        // ("Month 1 Week 1-3") places one, whatever stands before it.
        if end.is_none() && counts_weeks(before) {
            return None;
        }
        Some(Span::Weeks(first, end.unwrap_or(first)))
    })
}

/// The text after a week label at the start of `s` (`week 3`, `weeks 3`,
/// `w3`), when one is there.
fn week_label(s: &str) -> Option<&str> {
    if let Some(rest) = s.strip_prefix("weeks").or_else(|| s.strip_prefix("week")) {
        // "weekly", "weekend": other words.
        return (!rest.starts_with(char::is_alphanumeric)).then(|| rest.trim_start());
    }
    s.strip_prefix('w')
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Words that count weeks when written before the word "week".
const COUNT_WORDS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "few", "several",
];

/// Whether the word ending `before` counts weeks (`1`, `2-3`, `~2`, `a`):
/// then the week that follows is a duration.
fn counts_weeks(before: &str) -> bool {
    // A clause ends there: "Sprint 1, Week 2" is no count of weeks.
    if before.trim_end().ends_with([',', ';', ':']) {
        return false;
    }
    let word = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let numeric = word.bytes().any(|b| b.is_ascii_digit())
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b".,-+/".contains(&b));
    numeric || COUNT_WORDS.contains(&word)
}

/// The number `s` starts with, and the text after it; none when digits run
/// into letters (`3rd`).
fn number(s: &str) -> Option<(u32, &str)> {
    let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.starts_with(char::is_alphabetic) {
        return None;
    }
    let n = s.get(..s.len() - rest.len())?.parse().ok()?;
    Some((n, rest))
}

/// Units that make a number a duration (`Week 3 - 2 days of review`).
const UNITS: &[&str] = &[
    "d", "day", "days", "h", "hr", "hrs", "hour", "hours", "wk", "wks", "week", "weeks", "month",
    "months", "sprint", "sprints",
];

/// The end of a week range whose start has just been read: what follows
/// when it is a joint and a week number (`-4`, ` to 4`, ` – Week 5`,
/// `-W4`).
fn range_end(rest: &str) -> Option<u32> {
    let rest = rest.trim_start();
    let after = RANGE_JOINTS
        .iter()
        .filter_map(|j| {
            let r = rest.strip_prefix(j)?;
            // A word stands alone: "to", not "today".
            let word = j.ends_with(char::is_alphabetic);
            (!word || !r.starts_with(char::is_alphanumeric)).then_some(r)
        })
        // The longest joint that fits: "->", not "-".
        .min_by_key(|r| r.len())?
        .trim_start();
    let after = week_label(after).unwrap_or(after);
    let (end, tail) = number(after)?;
    let unit = tail
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    (!UNITS.contains(&unit)).then_some(end)
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
        // With a time, ISO 8601's way, the date is the day's.
        let t = date_tokens("2026-02-30T10:00:00Z, 2026-03-01T09:00");
        assert_eq!((t.len(), t[0].end), (2, 10));
        assert_eq!(t[0].date, None);
        assert_eq!(t[1].date, Some(jiff::civil::date(2026, 3, 1)));
        assert!(date_tokens("2026-03-01Tuesday").is_empty());
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
    fn a_week_position_is_not_a_duration() {
        for (text, span) in [
            ("Week 3", (3, 3)),
            ("Week 3-4", (3, 4)),
            ("Weeks 3–4", (3, 4)),
            ("Week 3 to 4", (3, 4)),
            ("Week 3 – Week 5", (3, 5)),
            ("W3-W4", (3, 4)),
            ("w7", (7, 7)),
            ("2 weeks (Week 3-4)", (3, 4)),
            // What follows a comma or a word is not the range's end.
            ("Week 1, Days 4-5", (1, 1)),
            ("Week 2 (3 days)", (2, 2)),
            ("Week 3 - 2 days of review", (3, 3)),
            // What stands before the label is another one's number.
            ("Sprint 1, Week 1-3", (1, 3)),
            ("Q1 2026, Week 2-4", (2, 4)),
            ("Month 1 Week 1-3", (1, 3)),
            ("Sprint 2, Week 2", (2, 2)),
        ] {
            assert_eq!(
                Span::read(text),
                Some(Span::Weeks(span.0, span.1)),
                "{text}"
            );
        }
        for text in [
            "1 week (5 working days)",
            "1 week (3 days of dev, 2 of review)",
            "2 weeks",
            "2-3 weeks, 4 people",
            "a 2-week sprint 3",
            "~1 week 2 days",
            "weekly sync 3",
            "3rd week",
        ] {
            assert_eq!(Span::read(text), None, "{text}");
        }
    }

    #[test]
    fn two_dates_are_a_range_only_when_written_as_one() {
        let (a, b) = (
            jiff::civil::date(2026, 3, 1),
            jiff::civil::date(2026, 3, 15),
        );
        for text in [
            "2026-03-01 – 2026-03-15",
            "2026-03-01 to 2026-03-15",
            "2026-03-01..2026-03-15",
            "2026-03-01 - 2026-03-15",
        ] {
            assert_eq!(Span::read(text), Some(Span::Dates(a, b)), "{text}");
        }
        for text in [
            "2026-03-01 (moved from 2026-03-15)",
            "2026-03-01, review 2026-03-15",
        ] {
            assert_eq!(Span::read(text), Some(Span::Dates(a, a)), "{text}");
        }
    }

    #[test]
    fn statuses_fold_decoration() {
        assert_eq!(status_key("✅ **Complete** (2025-01-10)"), "complete");
        assert_eq!(status_key("In Progress - phase 2"), "in_progress");
    }
}
