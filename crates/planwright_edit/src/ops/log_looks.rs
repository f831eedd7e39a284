//! What looks like a date at the start of a log's entry, whether `log`
//! reads it or not. An entry that looks dated in a form not read makes
//! `log` refuse (naming its line) rather than treat it as undated and
//! file the new entry next to the wrong neighbours.
//!
//! The rule has to tell dates from entries that merely open with a number
//! or a month's name (`3 bugs fixed`, `3/4 done`, `v1.2.0`, `May need
//! more`, `Sept 5 kickoff recap`), so a day written without its year
//! counts only when it is set off the way an entry's date is: by a colon,
//! a comma or a dash after it, or by nothing at all.
//!
//! And a date in a form `log` reads that names no day (`Feb 30, 2024`),
//! which `set` refuses as it refuses `2024-02-30`.

use super::{Dates, Day, split_digits, strip_of};
use crate::ops::month::MONTHS;

/// Whether `text` starts with something a reader would take for a date,
/// in a form [`Dates`] may not read, after a weekday's name if any (`Mon,
/// 9 Mar 2026`, `Tue 3/10:`; a weekday alone, `Monday: standup`, names no
/// date):
///
/// - three numbers joined by the same `-`, `/` or `.`, with a four-digit
///   year among them (`2024.03.05`, `5-3-2024`, `2026-3-9`), or of one or
///   two digits each with `/` (`3/5/24`), or of two digits each
///   (`09.03.26`, `09-03-26`); `1.2.3` is a version;
/// - a day joined to a month's name by `-`, `/` or `.` (`9-Mar-2026`);
/// - a day and a month's name in either order (`March 5th`, `5th of
///   March`, `Mar. 5`) with a four-digit year among the next words, or set
///   off as an entry's date (see [`set_off`]): `Mar 5: a`, but not `Sept
///   5 kickoff recap`;
/// - a month and a day as two numbers joined by `/`, set off likewise
///   (`3/9: a`, but not `3/4 done`);
/// - a quarter or an ISO week with its year (`Q1 2026`, `2026-Q1`,
///   `2026-W10`), or eight digits that make a day (`20260309`).
///
/// A month with its year alone (`March 2024: summary`, `2024-03`) names
/// no day, and a number before other words (`3 bugs fixed`, `12 tasks`)
/// is text.
pub(crate) fn looks_dated(text: &str) -> bool {
    match after_weekday(text) {
        Some(rest) => Dates::ANY.read(rest).is_some() || dated_start(rest),
        None => dated_start(text),
    }
}

fn dated_start(text: &str) -> bool {
    numbers(text) || day_then_name(text) || name_then_day(text) || quarter_and_year(text)
}

/// The dates that open with a number: see [`looks_dated`].
fn numbers(text: &str) -> bool {
    let (first, rest) = split_digits(text);
    if first.is_empty() {
        return false;
    }
    if first.len() == 8 && !starts_word(rest) {
        let n = |r: std::ops::Range<usize>| first.get(r).and_then(|s| s.parse().ok());
        return matches!((n(0..4), n(4..6), n(6..8)), (Some(y), Some(m), Some(d)) if Day::new(y, m, d).is_some());
    }
    if first.len() == 4 && week(rest.strip_prefix('-').unwrap_or(rest)) {
        return true;
    }
    let Some(&sep @ (b'-' | b'/' | b'.')) = rest.as_bytes().first() else {
        return false;
    };
    let after = &rest[1..];
    if first.len() <= 2 && month_word(after) {
        return true;
    }
    let (second, rest) = split_digits(after);
    let Some(third) = rest
        .strip_prefix(char::from(sep))
        .map(|r| split_digits(r).0)
    else {
        // Two numbers: `3/9` is a month and a day; `1.2`, `2024-03` are not.
        return sep == b'/' && month_and_day(first, second) && set_off(rest);
    };
    let parts = [first, second, third];
    let year = parts.iter().any(|p| p.len() == 4)
        || (sep == b'/' && parts.iter().all(|p| (1..=2).contains(&p.len())))
        || parts.iter().all(|p| p.len() == 2);
    parts.iter().all(|p| (1..=4).contains(&p.len())) && year
}

/// `5 March 2024`, `5th of March, 2024`, `5 Mar:`; a day without a year
/// before other words (`5 March meetings held`) is text.
fn day_then_name(text: &str) -> bool {
    let (day, rest) = split_digits(text);
    if !(1..=2).contains(&day.len()) {
        return false;
    }
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_lowercase());
    let rest = rest.strip_prefix(' ').unwrap_or("");
    let rest = strip_of(rest).map_or(rest, |(_, rest)| rest);
    if !month_word(rest) {
        return false;
    }
    let name = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let after = &rest[name..];
    year_follows(rest) || set_off(after.strip_prefix('.').unwrap_or(after))
}

/// `March 5th, 2024`, `Sept 5`, `Mar. 5:`; `March 2024` is a month, and
/// `Sept 5 kickoff recap` text.
fn name_then_day(text: &str) -> bool {
    let len = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    if len < 3 || !month_word(text) {
        return false;
    }
    let rest = text[len..].strip_prefix('.').unwrap_or(&text[len..]);
    let rest = rest.strip_prefix(' ').unwrap_or("");
    let (day, after) = split_digits(rest);
    if !(1..=2).contains(&day.len()) {
        return false;
    }
    let ordinal = after.bytes().take_while(u8::is_ascii_lowercase).count();
    year_follows(rest) || set_off(&after[ordinal..])
}

/// `Q1 2026`, `Q1-2026`, `2026 Q1`, `2026-Q1`, `2026Q1`: a quarter beside
/// its year.
fn quarter_and_year(text: &str) -> bool {
    fn sep(s: &str) -> &str {
        s.strip_prefix([' ', '-', '/']).unwrap_or(s)
    }
    if let Some(rest) = quarter(text) {
        let (year, after) = split_digits(sep(rest));
        return year.len() == 4 && !starts_word(after);
    }
    let (year, rest) = split_digits(text);
    year.len() == 4 && quarter(sep(rest)).is_some()
}

/// What follows a quarter (`Q1`..`Q4`) at the start of `text`.
fn quarter(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(['Q', 'q'])?;
    let (n, after) = split_digits(rest);
    (matches!(n, "1" | "2" | "3" | "4") && !starts_word(after)).then_some(after)
}

/// Whether `text` opens with an ISO week, `W10` (of a year before it).
fn week(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(['W', 'w']) else {
        return false;
    };
    let (n, after) = split_digits(rest);
    (1..=2).contains(&n.len())
        && n.parse().is_ok_and(|n: u8| (1..=53).contains(&n))
        && !starts_word(after)
}

/// Whether two numbers could be a month and a day, either way round.
fn month_and_day(a: &str, b: &str) -> bool {
    let n = |s: &str| s.parse::<u8>().ok().filter(|_| (1..=2).contains(&s.len()));
    match (n(a), n(b)) {
        (Some(a), Some(b)) => {
            let ok = |m: u8, d: u8| (1..=12).contains(&m) && (1..=31).contains(&d);
            ok(a, b) || ok(b, a)
        }
        _ => false,
    }
}

/// Whether what follows a date sets it off as an entry's date: after
/// closing marks (`**`, `)`) and spaces, nothing, or a colon, a comma or a
/// dash (`Mar 5: a`, `**3/9**, a`, `5 Mar — a`).
fn set_off(after: &str) -> bool {
    let rest = after.trim_start_matches(['*', '_', ')', ']', '`', '~']);
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.is_empty() || rest.starts_with([':', ',', '-', '–', '—'])
}

/// `text` past a weekday's name (`Mon`, `Tues.`, `Monday,`) and the space
/// after it, if it opens with one.
fn after_weekday(text: &str) -> Option<&str> {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let len = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = text[..len].to_ascii_lowercase();
    let known = DAYS.iter().any(|d| word == *d || word == d[..3])
        || ["tues", "thur", "thurs", "weds"].contains(&word.as_str());
    if !known {
        return None;
    }
    let rest = &text[len..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let trimmed = rest.trim_start_matches(' ');
    (trimmed.len() < rest.len()).then_some(trimmed)
}

/// Whether `text` goes on with a letter or digit: the word before it is
/// longer than read.
fn starts_word(text: &str) -> bool {
    text.starts_with(|c: char| c.is_alphanumeric())
}

/// Whether a four-digit year stands among the next few words of `text`
/// (`5, 2024`, `March 2024`, `5th of March 2024`).
fn year_follows(text: &str) -> bool {
    text.split_whitespace().take(4).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Whether `text` starts with a month's name, spelt out or cut to at least
/// three letters (`Sept`).
fn month_word(text: &str) -> bool {
    let len = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let word = &text[..len];
    len >= 3
        && MONTHS
            .iter()
            .any(|m| m.len() >= len && m[..len].eq_ignore_ascii_case(word))
}

/// The first date in `text`, in a form [`Dates`] reads, that names no day
/// (`Feb 30, 2024`, `30/02/2024`, `31 April 2024`, `13.13.2024`): its
/// range in `text`, and its year, month and day as written, in the form
/// `YYYY-MM-DD` (`2024-02-30`, `2024-13-13`), for the reason to be told
/// as for that form. It is found with the reader itself: a date that does
/// not read, but would with one of its numbers (of one or two digits) 1.
/// That number is the day where the date reads with it as the day,
/// else the month (`02/30/2024`), but for a number over 12, which is a
/// day (`30/02/2024`).
/// `YYYY-MM-DD` is read as written, the day unchecked: `lint` reports it.
pub fn impossible_day(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    // The longest form, `10th of September, 2024`, is 23 bytes.
    const WINDOW: usize = 24;
    let b = text.as_bytes();
    let starts = (0..b.len())
        .filter(|&i| text.is_char_boundary(i) && (i == 0 || !b[i - 1].is_ascii_alphanumeric()));
    for i in starts {
        if Dates::ANY.read(&text[i..]).is_some() {
            continue;
        }
        let end = (i + WINDOW).min(b.len());
        let mut j = i;
        while j < end {
            let len = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
            if len == 0 {
                j += 1;
                continue;
            }
            if len <= 2 {
                let mut probe = text[i..].to_owned();
                probe.replace_range(j - i..j - i + len, &"01"[2 - len..]);
                if let Some(w) = Dates::ANY.read(&probe)
                    && j + len <= i + w.len
                {
                    let number: u16 = text[j..j + len].parse().ok()?;
                    let (year, month, day) = w.day.parts();
                    // Read as the month (`01/02/2024`), a number over 12
                    // (`30/02/2024`) is a day, the other number its month.
                    let (month, day) = match (month, day) {
                        (m, 1) => (m, number),
                        (_, d) if number > 12 && d <= 12 => (d, number),
                        (_, d) => (number, d),
                    };
                    let iso = format!("{year:04}-{month:02}-{day:02}");
                    return Some((i..i + w.len, iso));
                }
            }
            j += len;
        }
    }
    None
}
