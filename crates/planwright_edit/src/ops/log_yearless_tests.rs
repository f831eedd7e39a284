//! `log` in logs whose entries leave their year to a month heading
//! (`### March 2026` over `- Mar 2: a`), and in logs with an entry dated in
//! a form it does not read, which it refuses at that entry's line rather
//! than take the entry for undated and place the new one by guess.

use super::forms_tests::{HEAD, check, logged};
use super::*;

#[test]
fn a_day_without_its_year_is_read_in_the_month_of_its_heading() {
    let log = "### September 2025\n\n- Sep 4: tagged\n- Sep 18: demo\n\n### August 2025\n\n- Aug 7: kickoff\n";
    check(&[
        // A month of its own, newest first like the others, its day
        // written like theirs.
        (
            log,
            "2025-10-02",
            "### October 2025\n\n- Oct 2: x\n\n### September 2025\n\n- Sep 4: tagged\n- Sep 18: demo\n\n### August 2025\n\n- Aug 7: kickoff\n",
        ),
        (
            log,
            "2025-09-10",
            "### September 2025\n\n- Sep 4: tagged\n- Sep 10: x\n- Sep 18: demo\n\n### August 2025\n\n- Aug 7: kickoff\n",
        ),
        (
            log,
            "2025-09-30",
            "### September 2025\n\n- Sep 4: tagged\n- Sep 18: demo\n- Sep 30: x\n\n### August 2025\n\n- Aug 7: kickoff\n",
        ),
        (
            log,
            "2025-08-20",
            "### September 2025\n\n- Sep 4: tagged\n- Sep 18: demo\n\n### August 2025\n\n- Aug 7: kickoff\n- Aug 20: x\n",
        ),
        (
            log,
            "2025-07-15",
            "### September 2025\n\n- Sep 4: tagged\n- Sep 18: demo\n\n### August 2025\n\n- Aug 7: kickoff\n\n### July 2025\n\n- Jul 15: x\n",
        ),
        // Day first, with an ordinal and `of`.
        (
            "### 2025-04\n\n- 7th of April: kickoff\n- 21st of April: review\n",
            "2025-04-09",
            "### 2025-04\n\n- 7th of April: kickoff\n- 9th of April: x\n- 21st of April: review\n",
        ),
    ]);
}

#[test]
fn tables_and_day_headings_under_months_leave_the_year_out_too() {
    let table = "### Oct 2025\n\n| Day | Note |\n|---|---|\n| Oct 3 | a |\n| Oct 17 | b |\n";
    let days = "### October 2025\n\n#### 3 Oct\n\n- a\n\n#### 17 Oct\n\n- b\n";
    check(&[
        (
            table,
            "2025-10-09",
            "### Oct 2025\n\n| Day | Note |\n|---|---|\n| Oct 3 | a |\n| Oct 9 | x |\n| Oct 17 | b |\n",
        ),
        (
            table,
            "2025-11-01",
            "### Oct 2025\n\n| Day | Note |\n|---|---|\n| Oct 3 | a |\n| Oct 17 | b |\n\n### Nov 2025\n\n| Day | Note |\n|---|---|\n| Nov 1 | x |\n",
        ),
        (
            days,
            "2025-10-09",
            "### October 2025\n\n#### 3 Oct\n\n- a\n\n#### 9 Oct\n\n- x\n\n#### 17 Oct\n\n- b\n",
        ),
        // A new month with its first day under it.
        (
            days,
            "2025-11-01",
            "### October 2025\n\n#### 3 Oct\n\n- a\n\n#### 17 Oct\n\n- b\n\n### November 2025\n\n#### 1 Nov\n\n- x\n",
        ),
        // A second entry of a day already there.
        (
            days,
            "2025-10-17",
            "### October 2025\n\n#### 3 Oct\n\n- a\n\n#### 17 Oct\n\n- b\n- x\n",
        ),
    ]);
}

#[test]
fn an_entry_beside_a_month_not_its_own_writes_its_year() {
    // February has no heading, and a list outside the months keeps a new
    // one from being added: the entry joins March's list, so its date must
    // say its month and year itself.
    check(&[(
        "- 2026-01-05: a\n\n### March 2026\n\n- Mar 2: b\n- Mar 9: c\n",
        "2026-02-10",
        "- 2026-01-05: a\n\n### March 2026\n\n- Feb 10, 2026: x\n- Mar 2: b\n- Mar 9: c\n",
    )]);
}

#[test]
fn a_day_without_its_year_and_without_a_heading_of_its_month_is_refused() {
    for (log, line, date) in [
        // Under another month's heading.
        ("### June 2025\n\n- Jun 2: a\n- Jul 1: b\n", 8, "Jul 1: b"),
        // Under no month heading.
        ("- Jun 2: a\n- Jun 9: b\n", 5, "Jun 2: a"),
        ("| Date | Note |\n|---|---|\n| Jun 2 | a |\n", 7, "Jun 2"),
        ("### 2nd June\n\n- a\n", 5, "2nd June"),
    ] {
        refused_at(log, line, date);
    }
}

#[test]
fn entries_dated_in_forms_not_read_are_refused_at_their_line() {
    for (log, line, date) in [
        ("- 2025-06-02: a\n- 2025-6-9: b\n", 6, "2025-6-9: b"),
        ("- 2-Jun-2025: a\n", 5, "2-Jun-2025: a"),
        ("- Mon, 2 Jun 2025: a\n", 5, "Mon, 2 Jun 2025: a"),
        ("- 02.06.25: a\n", 5, "02.06.25: a"),
        ("- 2025-06-02: a\n- 6/9: b\n", 6, "6/9: b"),
        ("- Q2 2025: a\n", 5, "Q2 2025: a"),
        ("- 2025-W23: a\n", 5, "2025-W23: a"),
        ("- 20250602: a\n", 5, "20250602: a"),
        ("**Tue 6/3** — a\n", 5, "Tue 6/3** — a"),
        ("### 2025-W23\n\n- 2025-06-02: a\n", 5, "2025-W23"),
        (
            "| When | Note |\n|---|---|\n| 2025-06-02 | a |\n| Q2 2025 | b |\n",
            8,
            "Q2 2025",
        ),
    ] {
        refused_at(log, line, date);
    }
}

#[test]
fn entries_that_only_open_with_a_number_or_a_month_are_not_refused() {
    check(&[(
        "- 2025-06-02: a\n- 3 bugs fixed\n- 3/4 done\n- 12 tasks left\n- Monday: standup\n- Sept 5 kickoff planned\n- 2025-06-09: b\n",
        "2025-06-05",
        "- 2025-06-02: a\n- 3 bugs fixed\n- 3/4 done\n- 12 tasks left\n- Monday: standup\n- Sept 5 kickoff planned\n- 2025-06-05: x\n- 2025-06-09: b\n",
    )]);
}

/// Asserts that logging into `log` is refused at its line `line`, whose
/// date reads `date`.
fn refused_at(log: &str, line: usize, date: &str) {
    let err = logged(&format!("{HEAD}{log}"), "2025-06-20").unwrap_err();
    let want = OpError::UnreadDate {
        line,
        date: date.to_owned(),
    };
    assert_eq!(err, want, "{log}");
}
