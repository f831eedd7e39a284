//! The date forms a log is read in, and each written back as it is spelt.

use super::*;

fn day(iso: &str) -> Day {
    Day::iso(iso).unwrap()
}

/// `text` read as a date: the day, and the length read.
fn read(dates: Dates, text: &str) -> Option<(String, usize)> {
    let w = dates.read(text)?;
    Some((w.day.as_str().to_owned(), w.len))
}

#[test]
fn each_form_reads_as_its_day() {
    let any = Dates::ANY;
    for (text, iso, len) in [
        ("2024-03-05: a", "2024-03-05", 10),
        ("2024-03-05T09:30 a", "2024-03-05", 10),
        ("2024/03/05 a", "2024-03-05", 10),
        ("2024/3/5", "2024-03-05", 8),
        ("Mar 5, 2024 — a", "2024-03-05", 11),
        ("March 05 2024", "2024-03-05", 13),
        ("SEPT", "", 0),
        ("5 Mar 2024", "2024-03-05", 10),
        ("05 march 2024:", "2024-03-05", 13),
        ("12/25/2024", "2024-12-25", 10),
        ("25/12/2024", "2024-12-25", 10),
    ] {
        let expected = (!iso.is_empty()).then(|| (iso.to_owned(), len));
        assert_eq!(read(any, text), expected, "{text}");
    }
    // Days that do not exist, and dates glued to a word.
    for text in [
        "Feb 30, 2024",
        "31 Apr 2024",
        "2024/13/01",
        "Mar 5, 2024x",
        "2024-03-05b",
    ] {
        assert_eq!(read(any, text), None, "{text}");
    }
    assert_eq!(
        read(any, "Feb 29, 2024"),
        Some(("2024-02-29".to_owned(), 12))
    );
}

#[test]
fn numeric_dates_read_in_the_log_s_order() {
    let month_first = Dates {
        day_first: Some(false),
        ..Dates::ANY
    };
    let day_first = Dates {
        day_first: Some(true),
        ..Dates::ANY
    };
    assert_eq!(
        read(month_first, "03/05/2024"),
        Some(("2024-03-05".to_owned(), 10))
    );
    assert_eq!(
        read(day_first, "03/05/2024"),
        Some(("2024-05-03".to_owned(), 10))
    );
    assert_eq!(read(month_first, "25/03/2024"), None);
    assert_eq!(read(day_first, "03/25/2024"), None);
}

#[test]
fn a_date_is_written_as_its_model_is_spelt() {
    let any = Dates::ANY;
    let like = |model: &str, iso: &str| any.read(model).unwrap().form.write(day(iso));
    for (model, iso, written) in [
        ("2024-03-05", "2024-11-02", "2024-11-02"),
        ("2024/03/05", "2024-11-02", "2024/11/02"),
        ("2024/3/5", "2024-11-02", "2024/11/2"),
        ("Mar 5, 2024", "2024-11-02", "Nov 2, 2024"),
        ("Mar 05, 2024", "2024-11-02", "Nov 02, 2024"),
        ("March 5 2024", "2024-11-02", "November 2 2024"),
        ("MARCH 5, 2024", "2024-11-02", "NOVEMBER 2, 2024"),
        ("5 mar 2024", "2024-11-02", "2 nov 2024"),
        ("05 March 2024", "2024-11-02", "02 November 2024"),
        ("12/25/2024", "2024-01-02", "01/02/2024"),
        ("25/12/2024", "2024-01-02", "02/01/2024"),
        ("25/1/2024", "2024-11-02", "2/11/2024"),
        // `May` is cut and spelt out alike: spelt out.
        ("May 5, 2024", "2024-11-02", "November 2, 2024"),
    ] {
        assert_eq!(like(model, iso), written, "{model}");
    }
    // What one date leaves open comes from another of the same form.
    let may = any.read("May 15, 2024").unwrap().form;
    let feb = any.read("Feb 1, 2024").unwrap().form;
    assert_eq!(may.fill(feb).write(day("2024-09-03")), "Sep 3, 2024");
    let padded = any.read("2024/03/05").unwrap().form;
    assert_eq!(may.fill(padded), may);
}

#[test]
fn what_looks_dated_and_what_does_not() {
    for text in [
        "2024.03.05",
        "5-3-2024",
        "3/5/24",
        "March 5th, 2024",
        "Mar. 5, 2024",
        "Sept 5, 2024",
        "5th March 2024",
        "5th of March 2024",
        // A day without a year set off as an entry's date: by nothing (an
        // item or a cell of only the date), a colon, a comma or a dash.
        // These read as text before.
        "Mar. 5",
        "5th March",
    ] {
        assert!(looks_dated(text), "{text}");
    }
    for text in [
        "v1.2.0",
        "1.2.3",
        "May need more",
        "3/4 done",
        "Marching on",
        "12 tasks",
        "March 2024 was busy",
        "2024-03: summary",
        // A day without a year before other words is text.
        "Sept 5 kickoff recap",
        "5 March meetings held",
    ] {
        assert!(!looks_dated(text), "{text}");
    }
}

#[test]
fn dates_in_forms_not_read_look_dated_and_numbers_that_are_no_dates_do_not() {
    for text in [
        "2026-3-9: a",
        "9-Mar-2026: a",
        "09/Mar: a",
        "Mon, 9 Mar 2026: a",
        "Monday 9 March: a",
        "Tue 3/10: a",
        "Thurs. Mar 12 - a",
        "09.03.26: a",
        "09-03-26 a",
        "3/9: a",
        "03/09",
        "12/25, a",
        "Q1 2026",
        "q4-2025: a",
        "2026 Q1: a",
        "2026-Q2",
        "2026-W10: a",
        "2026W9",
        "2026-W10-3 a",
        "20260309: a",
        "Mar 5: a",
        "Mar 5 — a",
        "Mar 5th, a",
        "5 Mar - a",
        "5th of March: a",
        "Mar 5**: a",
    ] {
        assert!(looks_dated(text), "{text}");
        assert_eq!(Dates::ANY.read(text), None, "{text}");
    }
    for text in [
        "3 bugs fixed",
        "3/4 done",
        "50/50: split",
        "1/40: x",
        "1.2: released",
        "1-2: setup",
        "10 PRs merged",
        "Q1 planning",
        "Q5 2026",
        "2026 was good",
        "2026-W60",
        "12345678: build",
        "Monday: standup",
        "Mon 3 bugs",
        "Sunday best",
        "May 5 people joined",
        "March 2026: summary",
        "Weds",
    ] {
        assert!(!looks_dated(text), "{text}");
    }
}

#[test]
fn under_a_month_heading_a_day_of_its_month_reads_without_its_year() {
    let march = Dates::ANY.under(Some((2026, 3)));
    for (text, iso, len) in [
        ("Mar 2: a", "2026-03-02", 5),
        ("March 2nd — a", "2026-03-02", 9),
        ("Mar. 09", "2026-03-09", 7),
        ("2 Mar: a", "2026-03-02", 5),
        ("2nd of March, a", "2026-03-02", 12),
        ("31 March", "2026-03-31", 8),
        // A year still reads as written, whatever the heading's.
        ("Mar 2, 2024: a", "2024-03-02", 11),
    ] {
        assert_eq!(read(march, text), Some((iso.to_owned(), len)), "{text}");
        assert_eq!(
            read(Dates::ANY, text).is_some(),
            text.contains("2024"),
            "{text}"
        );
    }
    // Another month, a day that does not exist, a year in a form not read.
    for text in ["Feb 3: c", "Mar 32", "Mar 2, 26", "2 Mar 26", "Mar 2x"] {
        assert_eq!(read(march, text), None, "{text}");
    }
    // Only the first word of a text is a date without its year.
    assert_eq!(march.find("Mar 2 fixes").map(|(i, _)| i), Some(0));
    assert_eq!(march.find("Fixed the Mar 2 build"), None);
    // Written back without the year; with it, where it cannot be left out.
    let like = |model: &str, iso: &str| {
        let form = march.read(model).unwrap().form;
        (form.write(day(iso)), form.with_year().write(day(iso)))
    };
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(like("Mar 2: a", "2026-04-01"), pair("Apr 1", "Apr 1, 2026"));
    assert_eq!(
        like("2nd of March", "2026-04-01"),
        pair("1st of April", "1st of April 2026")
    );
    let form = march.read("Mar 2").unwrap().form;
    assert!(form.leaves_year_of(day("2026-03-20")));
    assert!(!form.leaves_year_of(day("2026-04-01")));
    assert!(!form.leaves_year_of(day("2025-03-20")));
}

#[test]
fn dotted_dates_read_year_first_and_numeric_by_the_log_s_order() {
    let any = Dates::ANY;
    for (text, iso, len) in [
        ("2024.03.01: a", "2024-03-01", 10),
        ("2024.3.1 a", "2024-03-01", 8),
        ("2024.12.31.", "2024-12-31", 10),
        // Year first is year, month, day, even where a day-first log
        // would read the other way.
        ("2024.01.02", "2024-01-02", 10),
    ] {
        assert_eq!(read(any, text), Some((iso.to_owned(), len)), "{text}");
        let day_first = Dates {
            day_first: Some(true),
            ..Dates::ANY
        };
        assert_eq!(read(day_first, text), Some((iso.to_owned(), len)), "{text}");
    }
    // Days that do not exist, a year, day, month, and a version number.
    for text in [
        "2024.02.30",
        "2024.13.01",
        "2024.31.12",
        "2024.03.01.2",
        "2024.03",
    ] {
        assert_eq!(read(any, text), None, "{text}");
    }
    let month_first = Dates {
        day_first: Some(false),
        ..Dates::ANY
    };
    let day_first = Dates {
        day_first: Some(true),
        ..Dates::ANY
    };
    assert_eq!(
        read(day_first, "01.03.2024"),
        Some(("2024-03-01".to_owned(), 10))
    );
    assert_eq!(
        read(month_first, "01.03.2024"),
        Some(("2024-01-03".to_owned(), 10))
    );
    assert_eq!(read(month_first, "25.03.2024"), None);
    let like =
        |dates: Dates, model: &str, iso: &str| dates.read(model).unwrap().form.write(day(iso));
    assert_eq!(like(any, "2024.03.01", "2024-11-02"), "2024.11.02");
    assert_eq!(like(any, "2024.3.1", "2024-11-02"), "2024.11.2");
    assert_eq!(like(day_first, "25.03.2024", "2024-11-02"), "02.11.2024");
    assert_eq!(like(day_first, "25.3.2024", "2024-11-02"), "2.11.2024");
    assert_eq!(like(month_first, "03.25.2024", "2024-11-02"), "11.02.2024");
}

#[test]
fn an_ordinal_day_of_a_month_reads_and_is_written_with_its_ending() {
    let any = Dates::ANY;
    for (text, iso, len) in [
        ("3rd of March 2024", "2024-03-03", 17),
        ("1st of Apr 2024: shipped", "2024-04-01", 15),
        ("03rd of march 2024", "2024-03-03", 18),
        ("22nd of Sept. 2024 —", "2024-09-22", 18),
    ] {
        assert_eq!(read(any, text), Some((iso.to_owned(), len)), "{text}");
    }
    // `of` after a bare number, a day that does not exist, no year.
    for text in [
        "3 of March 2024",
        "30th of February 2024",
        "3rd of March",
        "3rd of Marchy 2024",
        "3rd of March 2024x",
    ] {
        assert_eq!(read(any, text), None, "{text}");
    }
    let form = any.read("3rd of March 2024").unwrap().form;
    for (d, written) in [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (30, "30th"),
        (31, "31st"),
    ] {
        let iso = format!("2024-01-{d:02}");
        assert_eq!(form.write(day(&iso)), format!("{written} of January 2024"));
    }
    // The month's name and the day's padding as the model writes them.
    let padded = any.read("01st of MAR 2024").unwrap().form;
    assert_eq!(padded.write(day("2024-09-02")), "02nd of SEP 2024");
    let dotted = any.read("1st of Mar. 2024").unwrap().form;
    assert_eq!(dotted.write(day("2024-12-25")), "25th of Dec. 2024");
    // `of` in another case is read and written back so.
    assert_eq!(
        read(any, "3rd Of March 2024"),
        Some(("2024-03-03".to_owned(), 17))
    );
    let capital = any.read("3rd Of March 2024").unwrap().form;
    assert_eq!(capital.write(day("2024-03-04")), "4th Of March 2024");
    assert!(looks_dated("3rd OF March 2024: a"));
}

#[test]
fn a_date_in_a_form_read_that_names_no_day_is_found() {
    use super::impossible_day;
    for (text, found, iso) in [
        ("Feb 30, 2024", "Feb 30, 2024", "2024-02-30"),
        (
            "due 31st of April 2025.",
            "31st of April 2025",
            "2025-04-31",
        ),
        ("30/02/2024", "30/02/2024", "2024-02-30"),
        ("02/30/2024", "02/30/2024", "2024-02-30"),
        ("2023.02.29", "2023.02.29", "2023-02-29"),
        ("0 March 2024", "0 March 2024", "2024-03-00"),
    ] {
        let (at, got) = impossible_day(text).expect(text);
        assert_eq!((&text[at], got.as_str()), (found, iso), "{text}");
    }
    for text in [
        "Feb 29, 2024",
        "29/02/2024",
        "v1.2.3",
        "3/4 done",
        "Sept 5 kickoff",
        "March 2024",
        "at 10:30, 2024",
        "2024-02-30",
        "45 bugs in 2024",
    ] {
        assert_eq!(impossible_day(text), None, "{text}");
    }
}
