//! What a month heading is (`### January 2026`, `### Jan 2026`, `###
//! 2026-01`): shared by `log`, which opens a month group written like the
//! log's others, and the verification, which lets a log edit add a month
//! heading and nothing else of the kind.

const MONTHS: [&str; 12] = [
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
/// `january, 2026`, `2026-01`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Month<'t> {
    year: &'t str,
    /// 1 to 12.
    number: usize,
    /// How the month is named, and what stands between it and the year;
    /// `None` for `2026-01`.
    named: Option<(&'t str, &'t str)>,
}

impl<'t> Month<'t> {
    pub(crate) fn read(title: &'t str) -> Option<Self> {
        let title = title.trim();
        let b = title.as_bytes();
        if b.len() == 7 && b[4] == b'-' && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit) {
            let month: usize = title[5..].parse().ok()?;
            return (1..=12).contains(&month).then_some(Self {
                year: &title[..4],
                number: month,
                named: None,
            });
        }
        let name_len = title
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(title.len());
        let (name, rest) = title.split_at(name_len);
        let year_at = rest.find(|c: char| c.is_ascii_digit())?;
        let (sep, year) = rest.split_at(year_at);
        let month = MONTHS.iter().position(|m| {
            name.len() >= 3
                && m.len() >= name.len()
                && (name.len() == 3 || name.len() == m.len())
                && m[..name.len()].eq_ignore_ascii_case(name)
        })? + 1;
        let sep_ok = matches!(sep, " " | ", ");
        let year_ok = year.len() == 4 && year.bytes().all(|c| c.is_ascii_digit());
        (sep_ok && year_ok).then_some(Self {
            year,
            number: month,
            named: Some((name, sep)),
        })
    }

    /// `YYYY-MM`.
    pub(crate) fn ym(&self) -> String {
        format!("{}-{:02}", self.year, self.number)
    }

    /// The title of month `ym` (`YYYY-MM`) written the way this one is: a
    /// name spelt out or cut to three letters, in its case.
    pub(crate) fn retitled(&self, ym: &str) -> String {
        let Some((name, sep)) = self.named else {
            return ym.to_owned();
        };
        let (year, month) = ym.split_at(4);
        let month: usize = month[1..].parse().unwrap_or(1);
        let full = MONTHS[month.clamp(1, 12) - 1];
        // `May` is both a full name and a short one: it tells nothing.
        let short = name.len() == 3 && !name.eq_ignore_ascii_case("may");
        let word = if short { &full[..3] } else { full };
        let word = if name.bytes().all(|c| c.is_ascii_uppercase()) {
            word.to_ascii_uppercase()
        } else if name.bytes().all(|c| c.is_ascii_lowercase()) {
            word.to_ascii_lowercase()
        } else {
            word.to_owned()
        };
        format!("{word}{sep}{year}")
    }
}
