//! `log` in logs dated other than `YYYY-MM-DD`: each form read, placed by
//! date and written back in the form of its neighbours, and the logs it
//! refuses rather than guess.

use super::*;
use planwright_core::{edit::apply, parse};

/// `src` with the entry `x` dated `date` logged: the whole new text.
pub(super) fn logged(src: &str, date: &str) -> Result<String, OpError> {
    let plan = parse(src);
    let entry = LogEntry {
        date,
        message: "x",
        create: false,
    };
    let change = append_log(&plan, src, &entry)?;
    let out = apply(src, &change.edits).unwrap();
    crate::verify(&plan, &parse(&out), &change.intent).unwrap();
    repeat::assert_found_again(src, &out, &entry, &change);
    Ok(out)
}

pub(super) const HEAD: &str = "# P\n\n## Progress Log\n\n";

/// Each case: the log under `## Progress Log`, the date logged, and the
/// log after.
pub(super) fn check(cases: &[(&str, &str, &str)]) {
    for &(log, date, after) in cases {
        let src = format!("{HEAD}{log}");
        assert_eq!(
            logged(&src, date).unwrap(),
            format!("{HEAD}{after}"),
            "{log}"
        );
    }
}

#[test]
fn entry_lists_in_each_form_oldest_first() {
    check(&[
        (
            "- 2024/03/01: a\n- 2024/03/09: b\n",
            "2024-03-05",
            "- 2024/03/01: a\n- 2024/03/05: x\n- 2024/03/09: b\n",
        ),
        (
            "- Mar 1, 2024: a\n- Mar 9, 2024: b\n",
            "2024-04-02",
            "- Mar 1, 2024: a\n- Mar 9, 2024: b\n- Apr 2, 2024: x\n",
        ),
        (
            "- March 1, 2024: a\n- March 9, 2024: b\n",
            "2024-03-05",
            "- March 1, 2024: a\n- March 5, 2024: x\n- March 9, 2024: b\n",
        ),
        (
            "- 1 Mar 2024 — a\n- 9 Mar 2024 — b\n",
            "2024-05-02",
            "- 1 Mar 2024 — a\n- 9 Mar 2024 — b\n- 2 May 2024 — x\n",
        ),
        (
            "- **01 March 2024**: a\n- **19 March 2024**: b\n",
            "2024-04-02",
            "- **01 March 2024**: a\n- **19 March 2024**: b\n- **02 April 2024**: x\n",
        ),
        // Numeric dates: a day over 12 says which number is the month.
        (
            "- 03/01/2024: a\n- 03/15/2024: b\n",
            "2024-04-02",
            "- 03/01/2024: a\n- 03/15/2024: b\n- 04/02/2024: x\n",
        ),
        (
            "- 1/3/2024: a\n- 15/3/2024: b\n",
            "2024-04-02",
            "- 1/3/2024: a\n- 15/3/2024: b\n- 2/4/2024: x\n",
        ),
    ]);
}

#[test]
fn entry_lists_newest_first() {
    check(&[
        (
            "- Mar 9, 2024: b\n- Mar 1, 2024: a\n",
            "2024-03-05",
            "- Mar 9, 2024: b\n- Mar 5, 2024: x\n- Mar 1, 2024: a\n",
        ),
        (
            "- 2024/03/09: b\n- 2024/03/01: a\n",
            "2024-04-01",
            "- 2024/04/01: x\n- 2024/03/09: b\n- 2024/03/01: a\n",
        ),
        (
            "- 14/03/2024: b\n- 01/03/2024: a\n",
            "2024-03-05",
            "- 14/03/2024: b\n- 05/03/2024: x\n- 01/03/2024: a\n",
        ),
    ]);
}

#[test]
fn tables_write_the_date_like_their_rows() {
    check(&[
        (
            "| Date | Update |\n|---|---|\n| Mar 1, 2024 | a |\n| Mar 9, 2024 | b |\n",
            "2024-03-05",
            "| Date | Update |\n|---|---|\n| Mar 1, 2024 | a |\n| Mar 5, 2024 | x |\n| Mar 9, 2024 | b |\n",
        ),
        (
            "| Date        | Update |\n| ----------- | ------ |\n| 09 Mar 2024 | b      |\n| 01 Mar 2024 | a      |\n",
            "2024-04-02",
            "| Date        | Update |\n| ----------- | ------ |\n| 02 Apr 2024 | x      |\n| 09 Mar 2024 | b      |\n| 01 Mar 2024 | a      |\n",
        ),
        (
            "| When | What |\n|---|---|\n| 2024/03/01 | a |\n",
            "2024-03-02",
            "| When | What |\n|---|---|\n| 2024/03/01 | a |\n| 2024/03/02 | x |\n",
        ),
    ]);
}

#[test]
fn day_headings_in_each_form() {
    check(&[
        (
            "### 2024/03/01\n\n- did a\n",
            "2024-04-02",
            "### 2024/03/01\n\n- did a\n\n### 2024/04/02\n\n- x\n",
        ),
        (
            "### March 5, 2024\n\nDid a.\n\n### March 9, 2024\n\nDid b.\n",
            "2024-04-02",
            "### March 5, 2024\n\nDid a.\n\n### March 9, 2024\n\nDid b.\n\n### April 2, 2024\n\nx\n",
        ),
        // Newest first, and a second entry of a day already there.
        (
            "### 9 Mar 2024\n\n- b\n\n### 1 Mar 2024\n\n- a\n",
            "2024-03-05",
            "### 9 Mar 2024\n\n- b\n\n### 5 Mar 2024\n\n- x\n\n### 1 Mar 2024\n\n- a\n",
        ),
        (
            "### Mar 1, 2024\n\n- a\n",
            "2024-03-01",
            "### Mar 1, 2024\n\n- a\n- x\n",
        ),
    ]);
}

#[test]
fn month_headings_over_dates_in_other_forms() {
    check(&[
        (
            "### March 2024\n\n- 03/01/2024: a\n- 03/15/2024: b\n",
            "2024-04-02",
            "### March 2024\n\n- 03/01/2024: a\n- 03/15/2024: b\n\n### April 2024\n\n- 04/02/2024: x\n",
        ),
        (
            "### Mar 2024\n\n#### Mar 5, 2024\n\n- a\n",
            "2024-04-02",
            "### Mar 2024\n\n#### Mar 5, 2024\n\n- a\n\n### Apr 2024\n\n#### Apr 2, 2024\n\n- x\n",
        ),
        (
            "### 2024-04\n\n| Date | Update |\n|---|---|\n| 2 Apr 2024 | b |\n\n### 2024-03\n\n| Date | Update |\n|---|---|\n| 1 Mar 2024 | a |\n",
            "2024-05-06",
            "### 2024-05\n\n| Date | Update |\n|---|---|\n| 6 May 2024 | x |\n\n### 2024-04\n\n| Date | Update |\n|---|---|\n| 2 Apr 2024 | b |\n\n### 2024-03\n\n| Date | Update |\n|---|---|\n| 1 Mar 2024 | a |\n",
        ),
        // Months in numbers joined by dots or slashes, either way round:
        // an entry goes under its own month, a new one written alike.
        (
            "### 2024.03\n\n- 2024.03.01: a\n\n### 2024.04\n\n- 2024.04.02: b\n",
            "2024-02-20",
            "### 2024.02\n\n- 2024.02.20: x\n\n### 2024.03\n\n- 2024.03.01: a\n\n### 2024.04\n\n- 2024.04.02: b\n",
        ),
        (
            "### 2024/03\n\n- 2024/03/01: a\n",
            "2024-05-03",
            "### 2024/03\n\n- 2024/03/01: a\n\n### 2024/05\n\n- 2024/05/03: x\n",
        ),
        (
            "### 3.2024\n\n- 2024-03-01: a\n",
            "2024-11-03",
            "### 3.2024\n\n- 2024-03-01: a\n\n### 11.2024\n\n- 2024-11-03: x\n",
        ),
    ]);
}

#[test]
fn paragraphs_that_open_with_their_date() {
    check(&[
        (
            "**2024-03-01**\n\nDid a.\n\n**2024-03-05**\n\nDid b.\n",
            "2024-04-02",
            "**2024-03-01**\n\nDid a.\n\n**2024-03-05**\n\nDid b.\n\n**2024-04-02**\n\nx\n",
        ),
        (
            "**Mar 5, 2024**\n- b\n\n**Mar 1, 2024**\n- a\n\n## Next\n",
            "2024-04-02",
            "**Apr 2, 2024**\n- x\n\n**Mar 5, 2024**\n- b\n\n**Mar 1, 2024**\n- a\n\n## Next\n",
        ),
        // A second entry of a day already there.
        (
            "**Mar 1, 2024**\n\n- a\n\n**Mar 5, 2024**\n\n- b\n",
            "2024-03-01",
            "**Mar 1, 2024**\n\n- a\n- x\n\n**Mar 5, 2024**\n\n- b\n",
        ),
        (
            "**2024-03-01**\nDid a.\n",
            "2024-03-01",
            "**2024-03-01**\nDid a.\n\nx\n",
        ),
        (
            "**2024-03-01** — a\n\n**2024-03-05** — b\n",
            "2024-03-03",
            "**2024-03-01** — a\n\n**2024-03-03** — x\n\n**2024-03-05** — b\n",
        ),
    ]);
}

#[test]
fn dates_it_cannot_read_are_refused_at_their_line() {
    for (log, line, date) in [
        ("- 1-3-2024: a\n", 5, "1-3-2024: a"),
        (
            "- 2024-03-01: a\n- 3 of March 2024: b\n",
            6,
            "3 of March 2024: b",
        ),
        ("### 01-03-2024\n\n- a\n", 5, "01-03-2024"),
        // A version number is no date, but looks like one at an entry's start.
        ("- 2024.03.01.2 released\n", 5, "2024.03.01.2 released"),
        (
            "| Date | Update |\n|---|---|\n| 3/1/24 | a |\n",
            7,
            "3/1/24",
        ),
    ] {
        let err = logged(&format!("{HEAD}{log}"), "2024-04-02").unwrap_err();
        assert_eq!(
            err,
            OpError::UnreadDate {
                line,
                date: date.to_owned()
            },
            "{log}"
        );
    }
    // Undated entries that only mention a date are no dated entries.
    let src = format!("{HEAD}- shipped v1.2.0\n- see 2024-03-01 notes\n");
    assert!(logged(&src, "2024-04-02").is_ok());
}

#[test]
fn numeric_dates_are_read_only_when_the_log_says_which_way() {
    // No number over 12: month first or day first cannot be told.
    let src = format!("{HEAD}### March 2024\n\n- 03/01/2024: a\n- 03/05/2024: b\n");
    assert_eq!(
        logged(&src, "2024-04-02").unwrap_err(),
        OpError::AmbiguousDate {
            line: 7,
            date: "03/01/2024: a".to_owned()
        }
    );
    // One date each way: the log disagrees with itself.
    let src = format!("{HEAD}- 13/03/2024: a\n- 03/14/2024: b\n");
    assert_eq!(
        logged(&src, "2024-04-02").unwrap_err(),
        OpError::MixedDates {
            line: 6,
            date: "03/14/2024: b".to_owned()
        }
    );
    let message = OpError::AmbiguousDate {
        line: 7,
        date: "03/01/2024".to_owned(),
    }
    .to_string();
    assert!(
        message.starts_with("line 7: `03/01/2024` could be"),
        "{message}"
    );
}

#[test]
fn a_new_section_is_refused_inside_an_unclosed_fence() {
    let plan_text = "# P\n\n## Tasks\n\n```\nunclosed\n";
    let plan = parse(plan_text);
    let entry = LogEntry {
        date: "2024-04-02",
        message: "x",
        create: true,
    };
    let err = append_log(&plan, plan_text, &entry).unwrap_err();
    assert_eq!(err, OpError::UnclosedFence { line: 5 });
    assert!(err.to_string().contains("opened at line 5"), "{err}");
    // A closed fence, or one that closes with its quote, is no obstacle.
    for src in [
        "# P\n\n```\ncode\n```\n",
        "# P\n\n~~~~\ncode\n~~~~~\n",
        "# P\n\n> ```\n> code\n",
        "# P\n\n- item\n\n  ```\n  code\n",
    ] {
        let plan = parse(src);
        let change = append_log(&plan, src, &entry).unwrap();
        let out = apply(src, &change.edits).unwrap();
        assert!(out.ends_with("| 2024-04-02 | x      |\n"), "{src}: {out}");
    }
}

#[test]
fn a_new_section_is_refused_inside_an_unclosed_comment() {
    let entry = LogEntry {
        date: "2024-04-02",
        message: "x",
        create: true,
    };
    let plan_text = "# P\n\n<!-- notes\n- [ ] T001 a\n";
    let plan = parse(plan_text);
    let err = append_log(&plan, plan_text, &entry).unwrap_err();
    assert_eq!(err, OpError::UnclosedComment { line: 3 });
    // A closed comment, one inside a list item (it ends with the item),
    // and `<!--` in code are no obstacle.
    for src in [
        "# P\n\n<!-- notes -->\n- [ ] T001 a\n",
        "# P\n\n<!-- a\nb -->\n",
        "# P\n\n- <!-- open\n",
        "# P\n\n```\n<!-- open\n```\n",
    ] {
        let plan = parse(src);
        let change = append_log(&plan, src, &entry).unwrap();
        let out = apply(src, &change.edits).unwrap();
        assert!(out.ends_with("| 2024-04-02 | x      |\n"), "{src}: {out}");
    }
}

#[test]
fn notes_that_mention_a_day_are_not_entries() {
    check(&[
        // Bullets and paragraphs under day headings are the day's notes.
        (
            "### 2024-03-05\n- Sept 5 kickoff recap\n",
            "2024-03-08",
            "### 2024-03-05\n- Sept 5 kickoff recap\n\n### 2024-03-08\n- x\n",
        ),
        (
            "### 2024-03-05\n- 03/04/2024 invoice referenced\n",
            "2024-03-08",
            "### 2024-03-05\n- 03/04/2024 invoice referenced\n\n### 2024-03-08\n- x\n",
        ),
        // A sub-bullet is a note of its entry, a table's note column is
        // not its date, and a day without a year is text.
        (
            "- 2024-03-05: kickoff\n  - Sept 5 follow-up\n",
            "2024-03-08",
            "- 2024-03-05: kickoff\n  - Sept 5 follow-up\n- 2024-03-08: x\n",
        ),
        (
            "| Date | Note |\n|---|---|\n| 2024-03-05 | Sept 5 moved |\n",
            "2024-03-08",
            "| Date | Note |\n|---|---|\n| 2024-03-05 | Sept 5 moved |\n| 2024-03-08 | x |\n",
        ),
        (
            "- 2024-03-01: started\n- 5 March meetings held\n",
            "2024-03-08",
            "- 2024-03-01: started\n- 5 March meetings held\n- 2024-03-08: x\n",
        ),
        // `Sept` is September.
        (
            "- Sep 5, 2024: a\n- Sept 6, 2024: b\n",
            "2024-09-08",
            "- Sep 5, 2024: a\n- Sept 6, 2024: b\n- Sept 8, 2024: x\n",
        ),
    ]);
}

#[test]
fn bold_dates_with_a_colon_open_paragraph_entries() {
    check(&[
        (
            "**2024-03-05**: did a thing.\n",
            "2024-03-10",
            "**2024-03-05**: did a thing.\n\n**2024-03-10**: x\n",
        ),
        (
            "**Mar 5, 2024:** text\n",
            "2024-03-10",
            "**Mar 5, 2024:** text\n\n**Mar 10, 2024:** x\n",
        ),
    ]);
}

#[test]
fn dotted_names_ordinals_and_sept_are_read_and_written_back() {
    check(&[
        (
            "- Mar. 5, 2024: a\n",
            "2024-09-22",
            "- Mar. 5, 2024: a\n- Sep. 22, 2024: x\n",
        ),
        (
            "- March 6th, 2024: a\n",
            "2024-03-21",
            "- March 6th, 2024: a\n- March 21st, 2024: x\n",
        ),
        (
            "- 6th March 2024: a\n",
            "2024-03-13",
            "- 6th March 2024: a\n- 13th March 2024: x\n",
        ),
        (
            "- Sept 6, 2024: a\n",
            "2024-09-22",
            "- Sept 6, 2024: a\n- Sept 22, 2024: x\n",
        ),
        // `May` shows neither a cut nor a dot; the log's others do.
        (
            "- Mar. 9, 2024: a\n- May 5, 2024: b\n",
            "2024-09-02",
            "- Mar. 9, 2024: a\n- May 5, 2024: b\n- Sep. 2, 2024: x\n",
        ),
    ]);
}

#[test]
fn ordinal_days_of_a_month_in_lists_headings_and_tables() {
    check(&[
        (
            "- 1st of April 2024: shipped\n- 23rd of April 2024: b\n",
            "2024-04-02",
            "- 1st of April 2024: shipped\n- 2nd of April 2024: x\n- 23rd of April 2024: b\n",
        ),
        (
            "- 3rd Of March 2024: a\n",
            "2024-03-05",
            "- 3rd Of March 2024: a\n- 5th Of March 2024: x\n",
        ),
        (
            "### 3rd of March 2024\n\n- a\n\n### 11th of March 2024\n\n- b\n",
            "2024-03-31",
            "### 3rd of March 2024\n\n- a\n\n### 11th of March 2024\n\n- b\n\n### 31st of March 2024\n\n- x\n",
        ),
        // Newest first.
        (
            "### 21st of Mar 2024\n\n- b\n\n### 3rd of Mar 2024\n\n- a\n",
            "2024-03-12",
            "### 21st of Mar 2024\n\n- b\n\n### 12th of Mar 2024\n\n- x\n\n### 3rd of Mar 2024\n\n- a\n",
        ),
        (
            "| Date | Update |\n|---|---|\n| 1st of March 2024 | a |\n",
            "2024-03-22",
            "| Date | Update |\n|---|---|\n| 1st of March 2024 | a |\n| 22nd of March 2024 | x |\n",
        ),
        (
            "**13th of May 2024**\n\nDid a.\n",
            "2024-05-03",
            "**3rd of May 2024**\n\nx\n\n**13th of May 2024**\n\nDid a.\n",
        ),
    ]);
}

#[test]
fn dotted_dates_year_first_and_by_the_log_s_order() {
    check(&[
        (
            "- 2024.03.01: a\n- 2024.03.09: b\n",
            "2024-03-05",
            "- 2024.03.01: a\n- 2024.03.05: x\n- 2024.03.09: b\n",
        ),
        (
            "### 2024.3.9\n\n- b\n\n### 2024.3.1\n\n- a\n",
            "2024-11-02",
            "### 2024.11.2\n\n- x\n\n### 2024.3.9\n\n- b\n\n### 2024.3.1\n\n- a\n",
        ),
        // Day first, which the 25th settles.
        (
            "- 01.03.2024: a\n- 25.03.2024: b\n",
            "2024-03-04",
            "- 01.03.2024: a\n- 04.03.2024: x\n- 25.03.2024: b\n",
        ),
    ]);
    // With nothing to settle it, day first or month first is not guessed.
    let src = format!("{HEAD}- 01.03.2024: a\n- 02.03.2024: b\n");
    assert_eq!(
        logged(&src, "2024-04-02").unwrap_err(),
        OpError::AmbiguousDate {
            line: 5,
            date: "01.03.2024: a".to_owned()
        }
    );
}
