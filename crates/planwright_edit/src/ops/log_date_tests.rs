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
    };
    let day_first = Dates {
        day_first: Some(true),
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
        // A day without a year is text, not an entry's date.
        "Mar. 5",
        "5th March",
        "Sept 5 kickoff recap",
        "5 March meetings held",
    ] {
        assert!(!looks_dated(text), "{text}");
    }
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
    };
    let day_first = Dates {
        day_first: Some(true),
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
