//! The dates a progress log is written in: which forms `log` reads, how
//! each is spelt (padding, a month's name or its abbreviation, a comma),
//! and the same date written back in a form. Shared by `log`, which places
//! an entry among its neighbours and writes its date like theirs, and the
//! verification, which lets a log edit add a day heading in any of them.
//!
//! The forms are a short explicit list, [`FORMS`]; anything else that
//! looks like a date at the start of an entry (see `log_looks.rs`) makes
//! `log` refuse rather than file the entry under the wrong day. Under a
//! month heading (`### March 2026`) a date may leave its year to the
//! heading (`Mar 5`, `5th March`) when it names the heading's month: the
//! heading is what says which year it is. `03/01/2024` (or `03.01.2024`)
//! is read only when another date of the same log settles which number is
//! the month (one of its numbers is over 12). A date that opens with its
//! year is year, month, day, with slashes or dots alike: `2024.03.01` is
//! the first of March, never a year, day, month.

use planwright_core::Plan;

use crate::ops::month::{Spelling, month_at};

#[path = "log_looks.rs"]
mod looks;
pub use looks::impossible_day;
pub(crate) use looks::looks_dated;

/// The forms read, as an error message lists them.
pub(crate) const FORMS: &str = "YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, `Mar 5, 2024`, `March 5, 2024`, \
`5 Mar 2024`, `5 March 2024`, `5th of March 2024` (also `Mar.`, `Sept` and `5th`), and MM/DD/YYYY or \
DD/MM/YYYY (or with dots) when a day over 12 in the log shows which; month headings `March 2024`, \
`Mar 2024`, `2024-03`, `2024.03`, `03/2024`, under which `Mar 5` or `5 March` (no year) reads in \
the heading's month and year";

/// A heading's text as written, its leading number put back: the reader
/// takes the `9` of `### 9 Mar 2024` for the heading's number.
pub(crate) fn heading_text(section: &planwright_core::Section) -> std::borrow::Cow<'_, str> {
    match &section.number {
        Some(n) => format!("{n} {}", section.title).into(),
        None => section.title.as_str().into(),
    }
}

/// A day as `YYYY-MM-DD`, so that days order as their text does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Day([u8; 10]);

impl Day {
    /// The day of a `YYYY-MM-DD`.
    pub(crate) fn iso(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        // Kept as written, a day that does not exist included: a log
        // sorts such a typo among the others by its text, as before.
        let digits = [0..4, 5..7, 8..10]
            .into_iter()
            .all(|r| b[r].iter().all(u8::is_ascii_digit));
        let mut day = [0; 10];
        day.copy_from_slice(b);
        digits.then_some(Self(day))
    }

    fn new(year: u16, month: u16, day: u16) -> Option<Self> {
        // jiff knows which days exist (leap years and all).
        let date = jiff::civil::Date::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        )
        .ok()?;
        let text = format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
        // Ten bytes: jiff's years end at 9999, and `year` is not negative.
        let mut b = [0; 10];
        b.copy_from_slice(text.as_bytes());
        Some(Self(b))
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ever built from ASCII digits and dashes.
        std::str::from_utf8(&self.0).unwrap_or("0000-00-00")
    }

    /// `YYYY-MM`.
    pub(crate) fn ym(&self) -> &str {
        &self.as_str()[..7]
    }

    /// The year and the month (1 to 12).
    pub(crate) fn year_month(self) -> (u16, u16) {
        let (y, m, _) = self.parts();
        (y, m)
    }

    fn parts(self) -> (u16, u16, u16) {
        let s = self.as_str();
        let n = |r: std::ops::Range<usize>| s[r].parse().unwrap_or(1);
        (n(0..4), n(5..7), n(8..10))
    }
}

/// How a date is written: its order and separators, and how much of the
/// spelling one date shows (`Mar 15` does not say whether a 5th would be
/// `05`; `May` does not say whether months are cut to three letters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Form {
    kind: Kind,
    pad_day: Option<bool>,
    pad_month: Option<bool>,
    /// The month's name when one is written, as the month heading would be.
    name: Option<Spelling>,
    /// The day written as an ordinal: `March 6th, 2024`, `6th March 2024`.
    ordinal: bool,
    /// The year and month of the month heading this date leaves its year
    /// to (`Mar 5` under `### March 2026`); `None` when it writes its year.
    heading_month: Option<(u16, u16)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `2024-03-05`.
    Iso,
    /// `2024/03/05`, `2024.03.05`: year, month, day, joined by `sep`.
    YearFirst { sep: char },
    /// `03/05/2024` (month first) or `05/03/2024` (day first), or with
    /// dots for `sep`: `05.03.2024`.
    Numeric { day_first: bool, sep: char },
    /// `Mar 5, 2024`, `March 5 2024`.
    NameFirst { comma: bool },
    /// `5 Mar 2024`, and with `of`, `5th of March 2024`.
    /// `of` as the log writes it (`of`, `Of`, `OF`), when it does.
    DayFirst { of: Option<&'static str> },
}

impl Form {
    pub(crate) const ISO: Form = Form {
        kind: Kind::Iso,
        pad_day: Some(true),
        pad_month: Some(true),
        name: None,
        ordinal: false,
        heading_month: None,
    };

    /// `day` written in this form. What one date left open is filled the
    /// usual way: numbers padded in numeric forms, not after a name.
    pub(crate) fn write(self, day: Day) -> String {
        let (y, m, d) = day.parts();
        let numeric_pad = self.pad_month.or(self.pad_day).unwrap_or(true);
        let pad = |n: u16, p: bool| if p { format!("{n:02}") } else { n.to_string() };
        let day_text = |default: bool| pad(d, self.pad_day.unwrap_or(default));
        let month_text = pad(m, self.pad_month.unwrap_or(numeric_pad));
        let name = || self.name.unwrap_or_default().spell(usize::from(m));
        let ord = if self.ordinal { ordinal_suffix(d) } else { "" };
        match self.kind {
            Kind::Iso => day.as_str().to_owned(),
            Kind::YearFirst { sep } => {
                format!("{y:04}{sep}{month_text}{sep}{}", day_text(numeric_pad))
            }
            Kind::Numeric {
                day_first: false,
                sep,
            } => format!("{month_text}{sep}{}{sep}{y:04}", day_text(numeric_pad)),
            Kind::Numeric {
                day_first: true,
                sep,
            } => format!("{}{sep}{month_text}{sep}{y:04}", day_text(numeric_pad)),
            Kind::NameFirst { .. } if self.heading_month.is_some() => {
                format!("{} {}{ord}", name(), day_text(false))
            }
            Kind::NameFirst { comma } => {
                let comma = if comma { "," } else { "" };
                format!("{} {}{ord}{comma} {y:04}", name(), day_text(false))
            }
            Kind::DayFirst { of } => {
                let of = of.map_or(String::new(), |of| format!("{of} "));
                let year = if self.heading_month.is_some() {
                    String::new()
                } else {
                    format!(" {y:04}")
                };
                format!("{}{ord} {of}{}{year}", day_text(false), name())
            }
        }
    }

    /// Whether this form leaves out the year of `day` (`Mar 5` under
    /// `### March 2026`) where a date of `day`'s month may: under the
    /// heading of that month.
    pub(crate) fn leaves_year_of(self, day: Day) -> bool {
        self.heading_month == Some(day.year_month())
    }

    /// This form with the year written, for a date that cannot leave it to
    /// a heading of its month.
    pub(crate) fn with_year(self) -> Form {
        Form {
            heading_month: None,
            ..self
        }
    }

    /// Whether it is `03/05/2024` or `05/03/2024` (with slashes or dots),
    /// read by the log's order.
    pub(crate) fn is_numeric(self) -> bool {
        matches!(self.kind, Kind::Numeric { .. })
    }

    /// This form with what it leaves open taken from `other`, when both are
    /// the same kind of form.
    pub(crate) fn fill(self, other: Form) -> Form {
        if self.kind != other.kind {
            return self;
        }
        Form {
            pad_day: self.pad_day.or(other.pad_day),
            pad_month: self.pad_month.or(other.pad_month),
            name: match (self.name, other.name) {
                (Some(a), Some(b)) => Some(a.fill(b)),
                (a, b) => a.or(b),
            },
            ..self
        }
    }
}

/// A date read at the start of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Written {
    pub(crate) day: Day,
    /// Its length in the text.
    pub(crate) len: usize,
    pub(crate) form: Form,
}

/// How a log's numeric dates (`03/05/2024`) are read: month first, day
/// first, or (`None`, only to tell whether a section is dated at all)
/// whichever makes a date; and the month heading the text stands under.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Dates {
    pub(crate) day_first: Option<bool>,
    /// The year and month of the month heading (`### March 2026`) over
    /// the text, if any: a date there may leave out its year (`Mar 5`,
    /// `5th of March`) when it names that month.
    pub(crate) month: Option<(u16, u16)>,
}

impl Dates {
    /// Reads numeric dates either way round, and only dates with a year.
    pub(crate) const ANY: Dates = Dates {
        day_first: None,
        month: None,
    };

    /// These dates as read at byte `at` of `plan`: under the month heading
    /// there, if any (see [`month_at`]).
    pub(crate) fn at(self, plan: &Plan, at: usize) -> Self {
        self.under(month_at(plan, at))
    }

    /// These dates as read under the month heading of `month` (year,
    /// month), or under none.
    pub(crate) fn under(self, month: Option<(u16, u16)>) -> Self {
        Dates { month, ..self }
    }

    /// The date `text` starts with, standing as a word of its own (or,
    /// for `YYYY-MM-DD`, with a time after a `T`: `2026-01-10T09:30`).
    pub(crate) fn read(self, text: &str) -> Option<Written> {
        let w = self.read_any(text)?;
        let b = text.as_bytes();
        let time = w.form == Form::ISO
            && b.get(w.len) == Some(&b'T')
            && b.get(w.len + 1).is_some_and(u8::is_ascii_digit);
        (time || !b.get(w.len).is_some_and(u8::is_ascii_alphanumeric)).then_some(w)
    }

    /// The first date in `text` that starts a word (`**2026-01-05**`,
    /// `Done 2026-01-05`). One without its year counts only as the first
    /// word: `Fixed the Mar 5 build` is not dated March 5.
    pub(crate) fn find(self, text: &str) -> Option<(usize, Written)> {
        let b = text.as_bytes();
        (0..b.len())
            .filter(|&i| text.is_char_boundary(i) && (i == 0 || !b[i - 1].is_ascii_alphanumeric()))
            .find_map(|i| {
                let first_word = !text[..i].chars().any(char::is_alphanumeric);
                let dates = if first_word { self } else { self.under(None) };
                Some((i, dates.read(&text[i..])?))
            })
    }

    fn read_any(self, text: &str) -> Option<Written> {
        let (first, rest) = split_digits(text);
        if first.is_empty() {
            return name_first(text, self.month);
        }
        match rest.as_bytes().first() {
            Some(b'-') if first.len() == 4 => {
                let day = Day::iso(text.get(..10)?)?;
                Some(Written {
                    day,
                    len: 10,
                    form: Form::ISO,
                })
            }
            Some(&sep @ (b'/' | b'.')) => self.numeric(first, &rest[1..], char::from(sep)),
            Some(b' ') if first.len() <= 2 => day_first(first, &rest[1..], false, self.month),
            Some(_) if first.len() <= 2 && ordinal_len(rest) > 0 => {
                day_first(first, rest[2..].strip_prefix(' ')?, true, self.month)
            }
            _ => None,
        }
    }

    /// `2024/03/05`, `03/05/2024`, `05/03/2024`, and the same with dots
    /// for `sep` (`2024.03.05`, `05.03.2024`), `first` read already.
    fn numeric(self, first: &str, rest: &str, sep: char) -> Option<Written> {
        let (second, rest) = split_digits(rest);
        let (third, after) = rest.strip_prefix(sep).map(split_digits)?;
        // `2024.03.01.2` goes on as a version number, not a date.
        let b = after.as_bytes();
        if sep == '.' && b.first() == Some(&b'.') && b.get(1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let len = first.len() + second.len() + third.len() + 2;
        let num = |s: &str| s.parse::<u16>().ok();
        if first.len() == 4 && (1..=2).contains(&second.len()) && (1..=2).contains(&third.len()) {
            let day = Day::new(num(first)?, num(second)?, num(third)?)?;
            let form = Form {
                kind: Kind::YearFirst { sep },
                pad_day: pad_of(third),
                pad_month: pad_of(second),
                name: None,
                ordinal: false,
                heading_month: None,
            };
            return Some(Written { day, len, form });
        }
        if first.len() > 2 || second.is_empty() || second.len() > 2 || third.len() != 4 {
            return None;
        }
        let (a, b, year) = (num(first)?, num(second)?, num(third)?);
        let day_first = match self.day_first {
            Some(d) => d,
            None => Day::new(year, a, b).is_none(),
        };
        let (month, day, pm, pd) = if day_first {
            (b, a, second, first)
        } else {
            (a, b, first, second)
        };
        let form = Form {
            kind: Kind::Numeric { day_first, sep },
            pad_day: pad_of(pd),
            pad_month: pad_of(pm),
            name: None,
            ordinal: false,
            heading_month: None,
        };
        Some(Written {
            day: Day::new(year, month, day)?,
            len,
            form,
        })
    }
}

/// `Mar 5, 2024`, `March 5 2024`, `Mar. 5, 2024`, `March 5th, 2024`;
/// under the heading of `month` (year, month), `Mar 5` too.
fn name_first(text: &str, month: Option<(u16, u16)>) -> Option<Written> {
    let (number, name) = month_name(text)?;
    let (spelling, dotted) = spelling_at(text, name);
    let rest = text[dotted..].strip_prefix(' ')?;
    let (day, rest) = split_digits(rest);
    if day.is_empty() || day.len() > 2 {
        return None;
    }
    let ordinal = ordinal_len(rest);
    let rest = &rest[ordinal..];
    let comma = rest.starts_with(',');
    let form = |comma| Form {
        kind: Kind::NameFirst { comma },
        pad_day: pad_of(day),
        pad_month: None,
        name: Some(spelling),
        ordinal: ordinal > 0,
        heading_month: None,
    };
    let day_len = dotted + 1 + day.len() + ordinal;
    let year = rest
        .strip_prefix(',')
        .unwrap_or(rest)
        .strip_prefix(' ')
        .map(|r| split_digits(r).0)
        .filter(|y| y.len() == 4);
    let Some(year) = year else {
        // With the usual comma, should the year have to be written.
        return yearless(month, number, day, rest, day_len, form(true));
    };
    Some(Written {
        day: Day::new(year.parse().ok()?, number, day.parse().ok()?)?,
        len: day_len + usize::from(comma) + 1 + 4,
        form: form(comma),
    })
}

/// `5 Mar 2024`, `05 March 2024`, `5 Mar. 2024`, `6th March 2024`, `6th
/// of March 2024`: `rest` is what follows the day's number, its ordinal's
/// letters (when `ordinal`) and a space. `of` is read only after an
/// ordinal, as it is written. Under the heading of `month`, `5 Mar` too.
fn day_first(day: &str, rest: &str, ordinal: bool, month: Option<(u16, u16)>) -> Option<Written> {
    let of = strip_of(rest).filter(|_| ordinal);
    let rest = of.map_or(rest, |(_, rest)| rest);
    let of = of.map(|(of, _)| of);
    let (number, name) = month_name(rest)?;
    let (spelling, dotted) = spelling_at(rest, name);
    let form = Form {
        kind: Kind::DayFirst { of },
        pad_day: pad_of(day),
        pad_month: None,
        name: Some(spelling),
        ordinal,
        heading_month: None,
    };
    // The day, its ordinal, a space, `of `, the name.
    let day_len = day.len() + 2 * usize::from(ordinal) + 1 + 3 * usize::from(of.is_some()) + dotted;
    let year = rest[dotted..]
        .strip_prefix(' ')
        .map(|r| split_digits(r).0)
        .filter(|y| y.len() == 4);
    let Some(year) = year else {
        return yearless(month, number, day, &rest[dotted..], day_len, form);
    };
    Some(Written {
        day: Day::new(year.parse().ok()?, number, day.parse().ok()?)?,
        len: day_len + 1 + 4,
        form,
    })
}

/// A day and month read without a year (`after` is what follows them), as
/// a date in the year of the heading of `month` (year, month) over it, when
/// it names that month. A number right after it (`Mar 5, 24`, `5 Mar 2`)
/// is a year in a form not read, not the entry's text.
fn yearless(
    month: Option<(u16, u16)>,
    number: u16,
    day: &str,
    after: &str,
    len: usize,
    form: Form,
) -> Option<Written> {
    let (year, heading) = month?;
    let next = after.strip_prefix(',').unwrap_or(after);
    let next = next.strip_prefix(' ').unwrap_or(next);
    if number != heading || next.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(Written {
        day: Day::new(year, number, day.parse().ok()?)?,
        len,
        form: Form {
            heading_month: Some((year, number)),
            ..form
        },
    })
}

/// How the month's `name` at the start of `text` is spelt, a dot after a
/// cut name included (`Mar.`, not `May.`): the spelling, and the length
/// of the name with its dot.
fn spelling_at(text: &str, name: &str) -> (Spelling, usize) {
    let mut spelling = Spelling::of(name);
    let cut = name.len() <= 4
        && !["may", "june", "july"]
            .iter()
            .any(|m| name.eq_ignore_ascii_case(m));
    let dot = cut && text[name.len()..].starts_with('.');
    if cut {
        spelling.dot = Some(dot);
    }
    (spelling, name.len() + usize::from(dot))
}

/// The length of an ordinal's letters at the start of `text` (`st`, `nd`,
/// `rd`, `th`, in any case) standing before a non-letter, or 0.
fn ordinal_len(text: &str) -> usize {
    let ok = text.get(..2).is_some_and(|s| {
        ["st", "nd", "rd", "th"]
            .iter()
            .any(|o| s.eq_ignore_ascii_case(o))
    }) && !text
        .as_bytes()
        .get(2)
        .is_some_and(u8::is_ascii_alphanumeric);
    if ok { 2 } else { 0 }
}

/// The ordinal ending of day `d`: 1st, 2nd, 3rd, 4th … 11th … 21st.
fn ordinal_suffix(d: u16) -> &'static str {
    match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Whether a one- or two-digit number shows padding: `05` does, `5` shows
/// none, `15` tells nothing.
fn pad_of(digits: &str) -> Option<bool> {
    match digits.len() {
        1 => Some(false),
        2 if digits.starts_with('0') => Some(true),
        _ => None,
    }
}

/// The leading ASCII digits of `text`, and the rest.
fn split_digits(text: &str) -> (&str, &str) {
    let n = text.bytes().take_while(u8::is_ascii_digit).count();
    text.split_at(n)
}

/// The month named by the word `text` starts with (`Mar`, `march`), 1 to
/// 12, and the word.
fn month_name(text: &str) -> Option<(u16, &str)> {
    let len = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let name = &text[..len];
    let n = crate::ops::month::month_number(name)?;
    Some((u16::try_from(n).ok()?, name))
}

/// `text` past a leading `of ` in any case, and how it was spelt: a log
/// headed `3rd Of March 2024` gets `Of` in its new entries too.
fn strip_of(text: &str) -> Option<(&'static str, &str)> {
    let (word, rest) = (text.get(..2)?, text.get(2..)?.strip_prefix(' ')?);
    let spelt = match word {
        "of" => "of",
        "Of" => "Of",
        "OF" => "OF",
        _ if word.eq_ignore_ascii_case("of") => "of",
        _ => return None,
    };
    Some((spelt, rest))
}

#[cfg(test)]
#[path = "log_date_tests.rs"]
mod tests;
