//! What a month heading is (`### January 2026`, `### Jan 2026`, `###
//! 2026-01`, `### 2026.01`, `### 01/2026`): shared by `log`, which opens a month group written like the
//! log's others, and the verification, which lets a log edit add a month
//! heading and nothing else of the kind.

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A heading that is only a month: `January 2026`, `Jan 2026`,
/// `january, 2026`, `2026-01`, `2026.01`, `2026/01`, `01.2026`, `1/2026`.
/// A number beside a four-digit year is its month whichever comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Month<'t> {
    year: &'t str,
    /// 1 to 12.
    number: usize,
    /// How the month is named, and what stands between it and the year;
    /// `None` for the numbers alone.
    named: Option<(&'t str, &'t str)>,
    /// How the numbers are written, when the month is not named.
    numeric: Numeric,
}

/// `2026-01` (the default), `2026.01`, `01/2026`, `1.2026`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Numeric {
    sep: u8,
    year_first: bool,
    /// The month in two digits.
    pad: bool,
}

const ISO_MONTH: Numeric = Numeric {
    sep: b'-',
    year_first: true,
    pad: true,
};

impl<'t> Month<'t> {
    /// The month a heading names, when it is only a month: `### 9 Mar
    /// 2024` is numbered `9` and titled `Mar 2024`, a day, not a month.
    pub(crate) fn of_heading(section: &'t planwright_core::Section) -> Option<Self> {
        if section.number.is_some() {
            return None;
        }
        Self::read(&section.title)
    }

    pub(crate) fn read(title: &'t str) -> Option<Self> {
        let title = title.trim();
        if let Some(month) = Self::numeric(title) {
            return Some(month);
        }
        let name_len = title
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(title.len());
        let (name, rest) = title.split_at(name_len);
        let year_at = rest.find(|c: char| c.is_ascii_digit())?;
        let (sep, year) = rest.split_at(year_at);
        let month = month_number(name)?;
        let sep_ok = matches!(sep, " " | ", ");
        let year_ok = year.len() == 4 && year.bytes().all(|c| c.is_ascii_digit());
        (sep_ok && year_ok).then_some(Self {
            year,
            number: month,
            named: Some((name, sep)),
            numeric: ISO_MONTH,
        })
    }

    /// `2026-01`, `2026.01`, `2026/01`, `01.2026`, `1/2026`: a four-digit
    /// year and a month of one or two digits, joined by `-`, `.` or `/`.
    fn numeric(title: &'t str) -> Option<Self> {
        let sep_at = title.find(['-', '.', '/'])?;
        let (a, rest) = title.split_at(sep_at);
        let sep = rest.as_bytes()[0];
        let b = &rest[1..];
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
        if !digits(a) || !digits(b) {
            return None;
        }
        let (year, month, year_first) = match (a.len(), b.len()) {
            (4, 1..=2) => (a, b, true),
            (1..=2, 4) => (b, a, false),
            _ => return None,
        };
        // `2026-1` is no form anyone writes; `2026-01` is ISO 8601's.
        if year_first && sep == b'-' && month.len() != 2 {
            return None;
        }
        let number: usize = month.parse().ok()?;
        (1..=12).contains(&number).then_some(Self {
            year,
            number,
            named: None,
            numeric: Numeric {
                sep,
                year_first,
                pad: month.len() == 2,
            },
        })
    }

    /// `YYYY-MM`.
    pub(crate) fn ym(&self) -> String {
        format!("{}-{:02}", self.year, self.number)
    }

    /// The year and the month (1 to 12).
    pub(crate) fn year_month(&self) -> Option<(u16, u16)> {
        Some((self.year.parse().ok()?, u16::try_from(self.number).ok()?))
    }

    /// The title of month `ym` (`YYYY-MM`) written the way this one is: a
    /// name spelt out or cut to three letters, in its case.
    pub(crate) fn retitled(&self, ym: &str) -> String {
        let (year, month) = ym.split_at(4);
        let month: usize = month[1..].parse().unwrap_or(1);
        let Some((name, sep)) = self.named else {
            let Numeric {
                sep,
                year_first,
                pad,
            } = self.numeric;
            let sep = char::from(sep);
            let month = if pad {
                format!("{month:02}")
            } else {
                month.to_string()
            };
            return if year_first {
                format!("{year}{sep}{month}")
            } else {
                format!("{month}{sep}{year}")
            };
        };
        let word = Spelling::of(name).spell(month);
        format!("{word}{sep}{year}")
    }
}

/// The year and month of the innermost month heading whose section holds
/// byte `at` of `plan`, if any: the month a date there without its year
/// (`Mar 5`) is read in.
pub(crate) fn month_at(plan: &planwright_core::Plan, at: usize) -> Option<(u16, u16)> {
    // Sections are in document order, so a nested one comes after those
    // holding it.
    plan.sections
        .iter()
        .rev()
        .filter(|s| s.range.contains(at))
        .find_map(Month::of_heading)?
        .year_month()
}

/// The month (1 to 12) a word names: its name spelt out or its first
/// three letters, in any case.
pub(crate) fn month_number(name: &str) -> Option<usize> {
    // `Sept`, the usual cut of September beside the three-letter ones.
    if name.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            name.len() >= 3
                && m.len() >= name.len()
                && (name.len() == 3 || name.len() == m.len())
                && m[..name.len()].eq_ignore_ascii_case(name)
        })
        .map(|i| i + 1)
}

/// How a month's name is written: spelt out or cut to three letters
/// (`None` when the name seen, `May`, is both), and its case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Spelling {
    short: Option<bool>,
    case: Case,
    /// September cut to `Sept` rather than `Sep` (`None`: not seen).
    sept: Option<bool>,
    /// A cut name followed by a dot, `Mar.` (`None`: not seen).
    pub(crate) dot: Option<bool>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Case {
    #[default]
    Title,
    Upper,
    Lower,
}

impl Spelling {
    /// How `name` (a month's name, as [`month_number`] reads it) is
    /// written.
    pub(crate) fn of(name: &str) -> Self {
        let short = (!name.eq_ignore_ascii_case("may"))
            .then_some(name.len() == 3 || name.eq_ignore_ascii_case("sept"));
        let case = if name.bytes().all(|c| c.is_ascii_uppercase()) {
            Case::Upper
        } else if name.bytes().all(|c| c.is_ascii_lowercase()) {
            Case::Lower
        } else {
            Case::Title
        };
        let sept = name
            .eq_ignore_ascii_case("sep")
            .then_some(false)
            .or(name.eq_ignore_ascii_case("sept").then_some(true));
        Self {
            short,
            case,
            sept,
            dot: None,
        }
    }

    /// This spelling, with whether names are cut taken from `other` when
    /// this one's name did not show it.
    pub(crate) fn fill(self, other: Self) -> Self {
        Self {
            short: self.short.or(other.short),
            sept: self.sept.or(other.sept),
            dot: self.dot.or(other.dot),
            ..self
        }
    }

    /// Month `number` (1 to 12) named this way; spelt out when unsure.
    pub(crate) fn spell(self, number: usize) -> String {
        let number = number.clamp(1, 12);
        let full = MONTHS[number - 1];
        let cut = self.short == Some(true) && full.len() > 3;
        let word = match (cut, number) {
            (true, 9) if self.sept == Some(true) => "Sept",
            (true, _) => &full[..3],
            (false, _) => full,
        };
        let mut word = match self.case {
            Case::Title => word.to_owned(),
            Case::Upper => word.to_ascii_uppercase(),
            Case::Lower => word.to_ascii_lowercase(),
        };
        if cut && self.dot == Some(true) {
            word.push('.');
        }
        word
    }
}
