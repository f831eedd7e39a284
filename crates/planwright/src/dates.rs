//! Dates as the user types them: `log --date` and the dates in a `set`
//! value, checked before anything is written, with the reason in the
//! user's terms (the month that has fewer days) rather than the date
//! library's.

use jiff::civil::Date;

/// `text` as `log --date` takes it: `YYYY-MM-DD` and a day the calendar
/// has, white space around it aside. A date-time (`2024-03-02T23:59`)
/// is refused: the time would be dropped without a word.
pub fn parse_day(text: &str) -> Result<Date, String> {
    let text = text.trim();
    match text.parse::<Date>() {
        Ok(date) if planwright_core::is_iso_day(text) => Ok(date),
        _ => Err(why_not_a_date(text)),
    }
}

/// The first date in `value` that names no day, and why: one `lint`
/// would report (PW203), or one in a form `log` reads (`Feb 30, 2024`,
/// `30/02/2024`; see [`planwright_edit::ops::impossible_day`]). `set`
/// does not write one unless forced.
pub fn impossible_date(value: &str) -> Option<(&str, String)> {
    if let Some(at) = planwright_lint::first_impossible_date(value) {
        let text = &value[at];
        return Some((text, why_not_a_date(text)));
    }
    let (at, iso) = planwright_edit::ops::impossible_day(value)?;
    Some((&value[at], why_not_a_date(&iso)))
}

/// Why `text` is not a date: the month or day that does not exist (in a
/// date written with `-` or `/`, as `lint` reads them), or the form
/// expected.
pub fn why_not_a_date(text: &str) -> String {
    let parts: Vec<&str> = text.split(['-', '/']).collect();
    let numbers: Option<Vec<i16>> = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()) => {
            parts.iter().map(|p| p.parse().ok()).collect()
        }
        _ => None,
    };
    let Some([year, month, day]) = numbers.as_deref().map(|n| [n[0], n[1], n[2]]) else {
        return "is not a date of the form YYYY-MM-DD".to_owned();
    };
    if !(1..=12).contains(&month) {
        return format!("is not a date: there is no month {month}");
    }
    if day < 1 {
        return "is not a date: there is no day 0".to_owned();
    }
    match Date::new(year, month as i8, 1) {
        Ok(first) if day > i16::from(first.days_in_month()) => format!(
            "is not a date: {} has {} days",
            first.strftime("%B %Y"),
            first.days_in_month()
        ),
        _ => "is not a date of the form YYYY-MM-DD".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_that_does_not_exist_says_why() {
        let why = why_not_a_date;
        assert_eq!(why("2026-13-01"), "is not a date: there is no month 13");
        assert_eq!(
            why("2026-02-30"),
            "is not a date: February 2026 has 28 days"
        );
        assert_eq!(
            why("2028-02-30"),
            "is not a date: February 2028 has 29 days"
        );
        assert_eq!(why("2026-04-31"), "is not a date: April 2026 has 30 days");
        assert_eq!(why("2026-04-00"), "is not a date: there is no day 0");
        assert_eq!(why("yesterday"), "is not a date of the form YYYY-MM-DD");
        assert_eq!(why("2026-4-1"), "is not a date of the form YYYY-MM-DD");
    }

    #[test]
    fn log_dates_are_days_and_nothing_more() {
        assert_eq!(
            parse_day(" 2024-03-02 ").map(|d| d.to_string()),
            Ok("2024-03-02".into())
        );
        for not in [
            "2024-03-02T23:59:59+14:00",
            "2024-03-02 10:00",
            "20240302",
            "2024-3-2",
        ] {
            assert_eq!(
                parse_day(not),
                Err("is not a date of the form YYYY-MM-DD".to_owned()),
                "{not}"
            );
        }
        assert_eq!(
            parse_day("2024-02-30"),
            Err("is not a date: February 2024 has 29 days".to_owned())
        );
    }

    #[test]
    fn a_value_names_its_impossible_date() {
        assert_eq!(impossible_date("2024-02-28"), None);
        assert_eq!(impossible_date("Q1 (2024-01-01 to 2024-03-31)"), None);
        assert_eq!(
            impossible_date("from 2024-01-01 to 2024-02-31"),
            Some((
                "2024-02-31",
                "is not a date: February 2024 has 29 days".to_owned()
            ))
        );
        assert_eq!(
            impossible_date("2024/13/01"),
            Some((
                "2024/13/01",
                "is not a date: there is no month 13".to_owned()
            ))
        );
        // Written as `lint` reads it, with one-digit month or day.
        assert_eq!(
            impossible_date("due 2024-2-30"),
            Some((
                "2024-2-30",
                "is not a date: February 2024 has 29 days".to_owned()
            ))
        );
        // Part of a longer number or name is no date.
        assert_eq!(impossible_date("build 12024-13-011"), None);
        assert_eq!(impossible_date("v2024-99-99x"), None);
    }
}
