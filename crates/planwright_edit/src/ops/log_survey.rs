//! What `log` checks before it writes: that every dated entry of the log
//! is in a form it reads (see `log_date.rs`), how the log's numeric dates
//! read, and that a new log section at the end of the plan would not land
//! inside an unclosed code block or HTML comment.

use planwright_core::{BlockKind, LineIndex, Plan, TextRange};

use super::{OpError, line_end_after, line_start};
use crate::ops::log_date::{Dates, heading_text, looks_dated};
use crate::ops::month::{Month, month_at};

/// How the numeric dates of the log in section `s` read, once every entry
/// there that starts with a date has been read: its headings, the first
/// line of its paragraphs and list items, its table cells, each under the
/// month heading over it (where `Mar 5` reads in that month). An entry that
/// looks dated in a form not read, a numeric date (`03/05/2024`) that no
/// date of the log shows to be month first or day first, or numeric dates
/// that disagree, is refused, at its line: guessing would file the entry
/// under the wrong day.
pub(super) fn log_dates(plan: &Plan, src: &str, s: usize) -> Result<Dates, OpError> {
    let range = plan.sections[s].range;
    let mut starts: Vec<(usize, &str)> = Vec::new();
    let headings = plan.sections[s + 1..]
        .iter()
        .take_while(|c| range.contains_range(c.range))
        .filter(|c| Month::of_heading(c).is_none());
    let titles: Vec<(usize, std::borrow::Cow<'_, str>)> = headings
        .map(|c| (c.heading.start as usize, heading_text(c)))
        .collect();
    starts.extend(titles.iter().map(|(at, t)| (*at, t.as_ref())));
    // Under dated headings the paragraphs and bullets are the day's notes,
    // not entries; otherwise the entries are the paragraphs and the
    // outermost items (a sub-bullet is a note of its entry).
    let day_headings = titles
        .iter()
        .any(|(at, t)| Dates::ANY.at(plan, *at).read(undecorated(t)).is_some());
    if !day_headings {
        let blocks: Vec<_> = plan
            .blocks
            .iter()
            .filter(|b| range.contains_range(b.range))
            .collect();
        let depth = |b: &planwright_core::Block| {
            b.range.start as usize - line_start(src, b.range.start as usize)
        };
        let outermost = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .map(|b| depth(b))
            .min();
        for b in blocks {
            if b.kind != BlockKind::ListItem || Some(depth(b)) == outermost {
                starts.push((b.range.start as usize, first_line(src, b.range)));
            }
        }
    }
    // A table's date column (named so, or else its first), not its notes.
    for t in plan.tables.iter().filter(|t| range.contains_range(t.range)) {
        let col = t.column(&["date", "when", "day"]).unwrap_or(0);
        for r in &t.rows {
            if let Some(c) = r.cells.get(col) {
                starts.push((r.range.start as usize, c.text.as_str()));
            }
        }
    }
    starts.sort_by_key(|&(at, _)| at);
    let month_first = Dates {
        day_first: Some(false),
        ..Dates::ANY
    };
    let day_first = Dates {
        day_first: Some(true),
        ..Dates::ANY
    };
    // The first numeric date, and the first that shows each order.
    let mut numeric: Option<(usize, &str)> = None;
    let mut shown: [Option<(usize, &str)>; 2] = [None, None];
    for &(at, text) in &starts {
        let text = undecorated(text);
        let month = month_at(plan, at);
        match Dates::ANY.under(month).read(text) {
            Some(w) if !w.form.is_numeric() => {}
            Some(_) => {
                numeric.get_or_insert((at, text));
                let orders = [
                    month_first.under(month).read(text),
                    day_first.under(month).read(text),
                ];
                match orders {
                    [Some(_), None] => {
                        shown[0].get_or_insert((at, text));
                    }
                    [None, Some(_)] => {
                        shown[1].get_or_insert((at, text));
                    }
                    _ => {}
                }
            }
            None if looks_dated(text) => return Err(refusal(src, at, text, Why::Unread)),
            None => {}
        }
    }
    // The month heading an entry stands under is the entry's business:
    // callers read each entry with [`Dates::at`].
    match (numeric, shown) {
        (None, _) => Ok(Dates::ANY),
        (Some(_), [Some(_), None]) => Ok(month_first),
        (Some(_), [None, Some(_)]) => Ok(day_first),
        (Some((at, text)), [None, None]) => Err(refusal(src, at, text, Why::Ambiguous)),
        (Some(_), [Some(a), Some(b)]) => {
            let (at, text) = if a.0 > b.0 { a } else { b };
            Err(refusal(src, at, text, Why::Mixed))
        }
    }
}

/// Why a date of the log is refused.
#[derive(Clone, Copy)]
enum Why {
    Unread,
    Ambiguous,
    Mixed,
}

fn refusal(src: &str, at: usize, text: &str, why: Why) -> OpError {
    let line = LineIndex::new(src).line_of(u32::try_from(at).unwrap_or(u32::MAX)) + 1;
    let date: String = text.chars().take(40).collect();
    match why {
        Why::Unread => OpError::UnreadDate { line, date },
        Why::Ambiguous => OpError::AmbiguousDate { line, date },
        Why::Mixed => OpError::MixedDates { line, date },
    }
}

/// The first line of the text in `range`.
fn first_line(src: &str, range: TextRange) -> &str {
    let text = range.slice(src);
    &text[..planwright_core::text::line_len(text)]
}

/// `text` without what may stand before an entry's date: white space,
/// emphasis, a bracket (`**2024-03-05**`, `[Mar 5, 2024]`).
fn undecorated(text: &str) -> &str {
    let text = text.trim_start();
    let pre = text
        .char_indices()
        .take_while(|&(i, c)| i < 3 && matches!(c, '*' | '_' | '[' | '(' | '`' | '~'))
        .count();
    &text[pre..]
}

/// The line (1-based) of the fence that opens a code block running to the
/// end of the plan unclosed, if there is one: a section added at the end
/// would be code inside it. A fence inside a quote or a list closes with
/// its container, so only one opened at the margin counts.
pub(super) fn unclosed_fence(plan: &Plan, src: &str) -> Option<usize> {
    let end = src.trim_end().len();
    let block = plan.code_blocks.last().filter(|r| r.end as usize >= end)?;
    // In a list the fence closes with the list, which a heading at the
    // margin ends.
    if plan
        .lists
        .iter()
        .any(|l| l.range.contains(block.start as usize))
    {
        return None;
    }
    let open_at = line_start(src, block.start as usize);
    let open_end = line_end_after(src, open_at + 1);
    let open = src.get(open_at..open_end)?.trim_end();
    let indent = open.len() - open.trim_start_matches(' ').len();
    let fence = &open[indent..];
    let c = fence.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let run = fence.chars().take_while(|&x| x == c).count();
    if indent > 3 || run < 3 {
        return None;
    }
    let body = src.get(open_end..end).unwrap_or("");
    let last = body.rsplit(['\n', '\r']).next().unwrap_or("").trim();
    let closed = !body.trim().is_empty()
        && last.len() >= run
        && last.chars().all(|x| x == c)
        && last.len() == last.chars().count();
    let line = LineIndex::new(src).line_of(u32::try_from(open_at).ok()?) + 1;
    (!closed).then_some(line)
}

/// The line (1-based) of an HTML comment opened at the margin and never
/// closed, if there is one: Markdown reads it as an HTML block running to
/// the end of the plan, so a section added at the end would be part of
/// the comment, as in an unclosed fence. Openers in code are text.
pub(super) fn unclosed_comment(plan: &Plan, src: &str) -> Option<usize> {
    let after_last_close = src.rfind("-->").map_or(0, |n| n + 3);
    let mut from = after_last_close;
    while let Some(n) = src[from..].find("<!--") {
        let at = from + n;
        from = at + 4;
        let margin = &src[line_start(src, at)..at];
        let in_code = plan.code_blocks.iter().any(|r| r.contains(at));
        if margin.len() <= 3 && margin.bytes().all(|b| b == b' ') && !in_code {
            return Some(LineIndex::new(src).line_of(u32::try_from(at).ok()?) + 1);
        }
    }
    None
}
