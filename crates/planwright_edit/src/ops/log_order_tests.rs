//! `log` in the log's order: older dates among their neighbours, logs
//! whose order one entry cannot tell, and logs grouped by month.

use super::*;
use planwright_core::{edit::apply, parse};

/// `src` with an entry `x` dated `date` logged.
fn run_dated(src: &str, date: &str) -> String {
    let plan = parse(src);
    let entry = LogEntry {
        date,
        message: "x",
        create: false,
    };
    let change = append_log(&plan, src, &entry).unwrap();
    let out = apply(src, &change.edits).unwrap();
    crate::verify(&plan, &parse(&out), &change.intent).unwrap();
    repeat::assert_found_again(src, &out, &entry, &change);
    assert_one_insertion(src, &out);
    out
}

/// `out` is `src` with one run of text inserted: every other byte kept.
fn assert_one_insertion(src: &str, out: &str) {
    let kept = src
        .bytes()
        .zip(out.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    assert!(
        out.len() > src.len() && out.ends_with(&src[kept..]),
        "not one insertion:\n{src}\n->\n{out}"
    );
}

#[test]
fn an_older_date_goes_where_it_belongs_in_a_table() {
    let newest =
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-10 | b |\n| 2026-01-05 | a |\n";
    assert_eq!(
        run_dated(newest, "2026-01-07"),
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-10 | b |\n| 2026-01-07 | x |\n| 2026-01-05 | a |\n"
    );
    // Older than every entry: last in a newest-first log, first in an
    // oldest-first one.
    assert_eq!(
        run_dated(newest, "2026-01-01"),
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-10 | b |\n| 2026-01-05 | a |\n| 2026-01-01 | x |\n"
    );
    let oldest = "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-05 | a |\n| **2026-01-10** | b |\n";
    assert_eq!(
        run_dated(oldest, "2026-01-07"),
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-05 | a |\n| 2026-01-07 | x |\n| **2026-01-10** | b |\n"
    );
    assert_eq!(
        run_dated(oldest, "2026-01-01"),
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-01 | x |\n| 2026-01-05 | a |\n| **2026-01-10** | b |\n"
    );
}

#[test]
fn a_new_entry_is_first_of_its_date_newest_first_and_last_oldest_first() {
    let newest = "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-10 | c |\n| 2026-01-07 | b |\n| 2026-01-05 | a |\n";
    assert_eq!(
        run_dated(newest, "2026-01-07"),
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-10 | c |\n| 2026-01-07 | x |\n| 2026-01-07 | b |\n| 2026-01-05 | a |\n"
    );
    let oldest = "## Progress Log\n\n- 2026-01-05: a\n- 2026-01-07: b\n- 2026-01-10: c\n";
    assert_eq!(
        run_dated(oldest, "2026-01-07"),
        "## Progress Log\n\n- 2026-01-05: a\n- 2026-01-07: b\n- 2026-01-07: x\n- 2026-01-10: c\n"
    );
}

#[test]
fn an_older_date_goes_where_it_belongs_in_bullets_and_headings() {
    // Blank lines between the items kept; the entry is shaped like the
    // item it goes before, numbered as it is.
    let src = "## Log\n\n* **2026-01-10** — b\n\n* **2026-01-05** — a\n\n## Next\n";
    assert_eq!(
        run_dated(src, "2026-01-07"),
        "## Log\n\n* **2026-01-10** — b\n\n* **2026-01-07** — x\n\n* **2026-01-05** — a\n\n## Next\n"
    );
    let src = "## Log\n\n1. 2026-01-05 — a\n2. 2026-01-10 — b\n";
    assert_eq!(
        run_dated(src, "2026-01-07"),
        "## Log\n\n1. 2026-01-05 — a\n2. 2026-01-07 — x\n2. 2026-01-10 — b\n"
    );
    let src = "## Progress Log\n\n### 2026-01-10\n\nb\n\n### 2026-01-05\n\na\n";
    assert_eq!(
        run_dated(src, "2026-01-07"),
        "## Progress Log\n\n### 2026-01-10\n\nb\n\n### 2026-01-07\n\nx\n\n### 2026-01-05\n\na\n"
    );
    let src = "## Progress Log\n\n### 2026-01-05\n- a\n\n### 2026-01-10\n- b\n\n## Next\n";
    assert_eq!(
        run_dated(src, "2026-01-07"),
        "## Progress Log\n\n### 2026-01-05\n- a\n\n### 2026-01-07\n- x\n\n### 2026-01-10\n- b\n\n## Next\n"
    );
}

#[test]
fn one_entry_cannot_tell_the_order_so_the_log_is_oldest_first() {
    // `planwright new -t delivery` starts the log with one row: an
    // earlier date goes above it, a later one below, and the log stays
    // oldest first through both.
    let one = "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-05 | Created |\n";
    let earlier = run_dated(one, "2026-01-01");
    assert_eq!(
        earlier,
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-01 | x |\n| 2026-01-05 | Created |\n"
    );
    assert_eq!(
        run_dated(&earlier, "2026-01-09"),
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-01 | x |\n| 2026-01-05 | Created |\n| 2026-01-09 | x |\n"
    );
    // The same date goes after it, as the last of its date.
    assert_eq!(
        run_dated(one, "2026-01-05"),
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-05 | Created |\n| 2026-01-05 | x |\n"
    );
    let list = "## Progress Log\n\n- 2026-01-05: a\n\n## Next\n";
    assert_eq!(
        run_dated(list, "2026-01-01"),
        "## Progress Log\n\n- 2026-01-01: x\n- 2026-01-05: a\n\n## Next\n"
    );
    assert_eq!(
        run_dated(list, "2026-01-09"),
        "## Progress Log\n\n- 2026-01-05: a\n- 2026-01-09: x\n\n## Next\n"
    );
    let heading = "## Progress Log\n\n### 2026-01-05\n\n- a\n\n## Next\n";
    assert_eq!(
        run_dated(heading, "2026-01-01"),
        "## Progress Log\n\n### 2026-01-01\n\n- x\n\n### 2026-01-05\n\n- a\n\n## Next\n"
    );
    assert_eq!(
        run_dated(heading, "2026-01-09"),
        "## Progress Log\n\n### 2026-01-05\n\n- a\n\n### 2026-01-09\n\n- x\n\n## Next\n"
    );
    // The same date first and last tells no order either.
    assert_eq!(
        run_dated(
            "## Log\n\n- 2026-01-10: a\n- 2026-01-05: b\n- 2026-01-10: c\n",
            "2026-01-07"
        ),
        "## Log\n\n- 2026-01-07: x\n- 2026-01-10: a\n- 2026-01-05: b\n- 2026-01-10: c\n"
    );
    // Without dates there is no order at all: the entry goes last.
    assert_eq!(
        run_dated("## Progress Log\n\n- kickoff\n- review\n", "2026-01-07"),
        "## Progress Log\n\n- kickoff\n- review\n- 2026-01-07: x\n"
    );
    // Undated entries are passed over: the order is the dated ones'.
    let src = "## Progress Log\n\n| Date | Update |\n|---|---|\n| TBD | plan |\n| 2026-01-10 | b |\n| n/a | note |\n| 2026-01-05 | a |\n";
    assert_eq!(
        run_dated(src, "2026-01-07"),
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| TBD | plan |\n| 2026-01-10 | b |\n| n/a | note |\n| 2026-01-07 | x |\n| 2026-01-05 | a |\n"
    );
}

#[test]
fn every_date_keeps_every_kind_of_log_in_order() {
    // What PW209 checks: the dates, read top to bottom, still run one way.
    let logs = [
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-10 | c |\n| 2026-01-07 | b |\n| 2026-01-05 | a |\n",
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-01-05 | a |\n| 2026-01-07 | b |\n| 2026-01-10 | c |\n",
        "## Log\n\n- 2026-01-10: c\n- 2026-01-07: b\n- 2026-01-05: a\n",
        "## Log\n\n1. **2026-01-05**: a\n\n2. **2026-01-07**: b\n\n3. **2026-01-10**: c\n",
        "## Progress Log\n\n### 2026-01-10\n\nc\n\n### 2026-01-07\n\nb\n\n### 2026-01-05\n\na\n",
        "## Progress Log\n\n### 2026-01-05\n- a\n\n### 2026-01-07\n- b\n\n### 2026-01-10\n- c\n",
    ];
    let dates = [
        "2026-01-01",
        "2026-01-05",
        "2026-01-06",
        "2026-01-07",
        "2026-01-08",
        "2026-01-10",
        "2026-02-01",
    ];
    for src in logs {
        let newest_first = src.find("2026-01-10") < src.find("2026-01-05");
        for date in dates {
            let out = run_dated(src, date);
            let found: Vec<Day> = out
                .lines()
                .filter_map(|l| Some(Dates::ANY.find(l)?.1.day))
                .collect();
            // A day that has its heading already gets no second one.
            let same_day = src.contains(&format!("# {date}\n"));
            assert_eq!(found.len(), if same_day { 3 } else { 4 }, "{out}");
            let ordered = found.windows(2).all(|w| {
                if newest_first {
                    w[0] >= w[1]
                } else {
                    w[0] <= w[1]
                }
            });
            assert!(ordered, "{date}:\n{out}");
        }
    }
}

#[test]
fn a_log_grouped_by_month_takes_the_entry_in_its_month() {
    let newest = "## Progress Log\n\n### January 2026\n\n- 2026-01-20: c\n- 2026-01-10: b\n\n### December 2025\n\n- 2025-12-15: a\n";
    for (date, want) in [
        (
            "2026-01-25",
            "### January 2026\n\n- 2026-01-25: x\n- 2026-01-20: c\n- 2026-01-10: b\n\n### December 2025\n\n- 2025-12-15: a\n",
        ),
        (
            "2026-01-05",
            "### January 2026\n\n- 2026-01-20: c\n- 2026-01-10: b\n- 2026-01-05: x\n\n### December 2025\n\n- 2025-12-15: a\n",
        ),
        (
            "2025-12-20",
            "### January 2026\n\n- 2026-01-20: c\n- 2026-01-10: b\n\n### December 2025\n\n- 2025-12-20: x\n- 2025-12-15: a\n",
        ),
        // A month without a group gets one, after the older months.
        (
            "2025-11-30",
            "### January 2026\n\n- 2026-01-20: c\n- 2026-01-10: b\n\n### December 2025\n\n- 2025-12-15: a\n\n### November 2025\n\n- 2025-11-30: x\n",
        ),
    ] {
        assert_eq!(
            run_dated(newest, date),
            format!("## Progress Log\n\n{want}"),
            "{date}"
        );
    }
    // Oldest first, and in tables under month headings too.
    let oldest = "## Progress Log\n\n### December 2025\n\n| Date | Update |\n|---|---|\n| 2025-12-15 | a |\n\n### January 2026\n\n| Date | Update |\n|---|---|\n| 2026-01-10 | b |\n| 2026-01-20 | c |\n";
    assert_eq!(
        run_dated(oldest, "2025-12-20"),
        oldest.replace(
            "| 2025-12-15 | a |\n",
            "| 2025-12-15 | a |\n| 2025-12-20 | x |\n"
        )
    );
    assert_eq!(
        run_dated(oldest, "2026-01-15"),
        oldest.replace("| 2026-01-20 |", "| 2026-01-15 | x |\n| 2026-01-20 |")
    );
}

#[test]
fn a_month_without_a_group_gets_one_like_the_others() {
    let oldest = "## Progress Log\n\n### January 2026\n\n- 2026-01-03: a\n- 2026-01-20: b\n\n### February 2026\n\n- 2026-02-02: c\n";
    assert_eq!(
        run_dated(oldest, "2026-03-01"),
        format!("{oldest}\n### March 2026\n\n- 2026-03-01: x\n")
    );
    assert_eq!(
        run_dated(oldest, "2025-12-01"),
        format!(
            "## Progress Log\n\n### December 2025\n\n- 2025-12-01: x\n\n{}",
            &oldest[17..]
        )
    );
    let newest = "## Progress Log\n\n### February 2026\n\n- 2026-02-02: c\n\n### January 2026\n\n- 2026-01-20: b\n- 2026-01-03: a\n";
    assert_eq!(
        run_dated(newest, "2025-12-01"),
        format!("{newest}\n### December 2025\n\n- 2025-12-01: x\n")
    );
    assert_eq!(
        run_dated(newest, "2026-03-01"),
        format!(
            "## Progress Log\n\n### March 2026\n\n- 2026-03-01: x\n\n{}",
            &newest[17..]
        )
    );
    // A month the log skipped comes back between its neighbours, in
    // either order.
    let skipped = "## Progress Log\n\n### January 2026\n\n- 2026-01-03: a\n\n### March 2026\n\n- 2026-03-02: c\n";
    assert_eq!(
        run_dated(skipped, "2026-02-10"),
        "## Progress Log\n\n### January 2026\n\n- 2026-01-03: a\n\n### February 2026\n\n- 2026-02-10: x\n\n### March 2026\n\n- 2026-03-02: c\n"
    );
    let skipped = "## Progress Log\n\n### March 2026\n\n- 2026-03-02: c\n\n### January 2026\n\n- 2026-01-03: a\n\n## Next\n";
    assert_eq!(
        run_dated(skipped, "2026-02-10"),
        "## Progress Log\n\n### March 2026\n\n- 2026-03-02: c\n\n### February 2026\n\n- 2026-02-10: x\n\n### January 2026\n\n- 2026-01-03: a\n\n## Next\n"
    );
    // One group of one entry: oldest first, so an earlier month goes
    // above it.
    let one = "## Progress Log\n\n### January 2026\n\n- 2026-01-05: a\n";
    assert_eq!(
        run_dated(one, "2025-12-20"),
        "## Progress Log\n\n### December 2025\n\n- 2025-12-20: x\n\n### January 2026\n\n- 2026-01-05: a\n"
    );
    assert_eq!(
        run_dated(one, "2026-02-01"),
        "## Progress Log\n\n### January 2026\n\n- 2026-01-05: a\n\n### February 2026\n\n- 2026-02-01: x\n"
    );
}

#[test]
fn a_new_month_is_titled_and_written_like_the_others() {
    // `2026-01` headings, the entry shaped like the items next to it: its
    // marker, its date's shape, a list numbered from its first item.
    let src = "## Log\n#### 2026-01\n1. **2026-01-03** — a\n2. **2026-01-20** — b\n\n---\n\n*Closing note.*\n";
    assert_eq!(
        run_dated(src, "2026-02-04"),
        "## Log\n#### 2026-01\n1. **2026-01-03** — a\n2. **2026-01-20** — b\n\n#### 2026-02\n1. **2026-02-04** — x\n\n---\n\n*Closing note.*\n"
    );
    for (month, new) in [
        ("Jan 2026", "Feb 2026"),
        ("JANUARY 2026", "FEBRUARY 2026"),
        ("january, 2026", "february, 2026"),
        ("May 2026", "June 2026"),
    ] {
        let date = if month.starts_with("May") {
            "2026-05-02"
        } else {
            "2026-01-02"
        };
        let next = if month.starts_with("May") {
            "2026-06-09"
        } else {
            "2026-02-09"
        };
        let src = format!("## Progress Log\n\n### {month}\n\n* {date}: a\n");
        assert_eq!(
            run_dated(&src, next),
            format!("{src}\n### {new}\n\n* {next}: x\n"),
            "{month}"
        );
    }
    // Under headings that are not months the entry joins a group.
    let src =
        "## Progress Log\n\n### Sprint 1\n\n- 2026-01-03: a\n\n### Sprint 2\n\n- 2026-02-02: b\n";
    assert_eq!(
        run_dated(src, "2026-03-01"),
        format!("{src}- 2026-03-01: x\n")
    );
}

#[test]
fn a_new_month_opens_a_group_of_tables_or_days_too() {
    // Tables under month headings: the new month gets a table of its own,
    // with the header and delimiter lines of the table next to it.
    let jan = "### January 2026\n\n| Date | Update |\n|---|---|\n| 2026-01-03 | a |\n";
    let mar = "### March 2026\n\n| Date       | Update |\n| ---------- | ------ |\n| 2026-03-02 | c      |\n";
    let feb = "### February 2026\n\n| Date       | Update |\n| ---------- | ------ |\n| 2026-02-10 | x      |\n";
    let log = |groups: &[&str]| format!("## Progress Log\n\n{}\n## Next\n", groups.join("\n"));
    assert_eq!(
        run_dated(&log(&[jan, mar]), "2026-02-10"),
        log(&[jan, feb, mar])
    );
    let apr = "### April 2026\n\n| Date       | Update |\n| ---------- | ------ |\n| 2026-04-01 | x      |\n";
    assert_eq!(
        run_dated(&log(&[mar, jan]), "2026-04-01"),
        log(&[apr, mar, jan])
    );
    // Days under month headings (`2026-01` ones too): the month's heading,
    // then the day's, written like the day next to it.
    let days = "## Log\n\n### 2026-01\n\n#### 2026-01-03\n\n- a\n";
    assert_eq!(
        run_dated(days, "2026-02-04"),
        format!("{days}\n### 2026-02\n\n#### 2026-02-04\n\n- x\n")
    );
    let crlf = "## Log\r\n\r\n### Jan 2026\r\n#### 2026-01-03\r\na\r\n";
    assert_eq!(
        run_dated(crlf, "2025-12-10"),
        "## Log\r\n\r\n### Dec 2025\r\n#### 2025-12-10\r\nx\r\n\r\n### Jan 2026\r\n#### 2026-01-03\r\na\r\n"
    );
    // A month that has its group takes the entry there, as before.
    assert_eq!(
        run_dated(days, "2026-01-09"),
        format!("{days}\n#### 2026-01-09\n\n- x\n")
    );
    assert_eq!(
        run_dated(&log(&[jan]), "2026-01-09"),
        log(&[&jan.replace("a |\n", "a |\n| 2026-01-09 | x |\n")])
    );
}

#[test]
fn a_month_of_one_entry_takes_its_order_from_the_rest_of_the_log() {
    // Two months of one row each, newest first: the dates say so.
    let src = "# Plan\n\n## Progress Log\n\n### February 2026\n\n| Date | Entry |\n|------|-------|\n| 2026-02-20 | second |\n\n### January 2026\n\n| Date | Entry |\n|------|-------|\n| 2026-01-05 | jan |\n";
    assert_eq!(
        run_dated(src, "2026-01-20"),
        src.replace("| 2026-01-05 |", "| 2026-01-20 | x |\n| 2026-01-05 |")
    );
    // One dated row in the whole log: the month headings above it tell
    // the order (February's table has no row yet), in tables, lists and
    // day headings alike.
    let table = "## Progress Log\n\n### February 2026\n\n| Date | Entry |\n|---|---|\n\n### January 2026\n\n| Date | Entry |\n|---|---|\n| 2026-01-05 | a |\n";
    assert_eq!(
        run_dated(table, "2026-01-20"),
        table.replace("| 2026-01-05 |", "| 2026-01-20 | x |\n| 2026-01-05 |")
    );
    assert_eq!(
        run_dated(table, "2026-01-01"),
        format!("{table}| 2026-01-01 | x |\n")
    );
    let list = "## Progress Log\n\n### March 2026\n\n### February 2026\n\n- 2026-02-05: a\n";
    assert_eq!(
        run_dated(list, "2026-02-20"),
        list.replace("- 2026-02-05", "- 2026-02-20: x\n- 2026-02-05")
    );
    assert_eq!(
        run_dated(list, "2026-01-10"),
        format!("{list}\n### January 2026\n\n- 2026-01-10: x\n")
    );
    let days = "## Progress Log\n\n### March 2026\n\n### February 2026\n\n#### 2026-02-05\n\na\n";
    assert_eq!(
        run_dated(days, "2026-02-20"),
        days.replace("#### 2026-02-05", "#### 2026-02-20\n\nx\n\n#### 2026-02-05")
    );
    assert_eq!(
        run_dated(days, "2026-01-10"),
        format!("{days}\n### January 2026\n\n#### 2026-01-10\n\nx\n")
    );
    // Month headings oldest first read the same way.
    let oldest = "## Progress Log\n\n### January 2026\n\n- 2026-01-05: a\n\n### February 2026\n";
    assert_eq!(
        run_dated(oldest, "2026-01-01"),
        oldest.replace("- 2026-01-05", "- 2026-01-01: x\n- 2026-01-05")
    );
}

#[test]
fn a_month_heading_without_entries_takes_those_of_its_month() {
    // Newest first, the month's heading empty above the last month's:
    // the entry goes under it, written like the entries next to it, in
    // lists, tables and day headings alike.
    let months = "## Progress Log\n\n### March 2026\n\n### February 2026\n\n";
    let table = "| Date | Update |\n|---|---|\n";
    for (feb, mar) in [
        ("- 2026-02-05: a\n", "- 2026-03-02: x\n"),
        (
            &format!("{table}| 2026-02-05 | a |\n"),
            &format!("{table}| 2026-03-02 | x |\n"),
        ),
        ("#### 2026-02-05\n\na\n", "#### 2026-03-02\n\nx\n"),
    ] {
        let src = format!("{months}{feb}");
        assert_eq!(
            run_dated(&src, "2026-03-02"),
            src.replace("### March 2026\n", &format!("### March 2026\n\n{mar}")),
            "{feb}"
        );
        // Oldest first, the empty month last.
        let src = format!("## Progress Log\n\n### February 2026\n\n{feb}\n### March 2026\n");
        assert_eq!(
            run_dated(&src, "2026-03-02"),
            format!("{src}\n{mar}"),
            "{feb}"
        );
    }
    // Shaped like its neighbours: `2026-03` headings, no blank line under
    // them, the item's marker and date.
    let src = "## Log\n### 2026-03\n### 2026-02\n* **2026-02-05** — a\n";
    assert_eq!(
        run_dated(src, "2026-03-02"),
        "## Log\n### 2026-03\n* **2026-03-02** — x\n### 2026-02\n* **2026-02-05** — a\n"
    );
    // A month holding only a note keeps it first; one holding an empty
    // table takes the row in it.
    let note =
        format!("{months}- 2026-02-05: a\n").replace("2026\n\n###", "2026\n\nNone yet.\n\n###");
    assert_eq!(
        run_dated(&note, "2026-03-02"),
        note.replace("None yet.\n", "None yet.\n\n- 2026-03-02: x\n")
    );
    let empty = format!(
        "## Progress Log\n\n### March 2026\n\n{table}\n### February 2026\n\n{table}| 2026-02-05 | a |\n"
    );
    assert_eq!(
        run_dated(&empty, "2026-03-02"),
        empty.replacen(table, &format!("{table}| 2026-03-02 | x |\n"), 1)
    );
    // No entries anywhere yet: the first goes under its month too.
    assert_eq!(
        run_dated(months, "2026-03-02"),
        months.replace("### March 2026\n", "### March 2026\n\n- 2026-03-02: x\n")
    );
}

#[test]
fn months_and_their_entries_can_run_opposite_ways() {
    // Months newest first, each month's entries oldest first.
    let lists = "## Progress Log\n\n### April 2024\n\n- 2024-04-01: c\n- 2024-04-05: d\n\n### March 2024\n\n- 2024-03-01: a\n- 2024-03-05: b\n";
    assert_eq!(
        run_dated(lists, "2024-03-03"),
        lists.replace("- 2024-03-01: a\n", "- 2024-03-01: a\n- 2024-03-03: x\n")
    );
    assert_eq!(
        run_dated(lists, "2024-04-09"),
        lists.replace("- 2024-04-05: d\n", "- 2024-04-05: d\n- 2024-04-09: x\n")
    );
    assert_eq!(
        run_dated(lists, "2024-03-01"),
        lists.replace("- 2024-03-01: a\n", "- 2024-03-01: a\n- 2024-03-01: x\n")
    );
    // The mirror: months oldest first, entries newest first; in tables.
    let tables = "## Progress Log\n\n### March 2024\n\n| Date | Note |\n|---|---|\n| 2024-03-05 | b |\n| 2024-03-01 | a |\n\n### April 2024\n\n| Date | Note |\n|---|---|\n| 2024-04-05 | d |\n| 2024-04-01 | c |\n";
    assert_eq!(
        run_dated(tables, "2024-03-03"),
        tables.replace(
            "| 2024-03-01 | a |\n",
            "| 2024-03-03 | x |\n| 2024-03-01 | a |\n"
        )
    );
    assert_eq!(
        run_dated(tables, "2024-04-09"),
        tables.replace(
            "| 2024-04-05 | d |\n",
            "| 2024-04-09 | x |\n| 2024-04-05 | d |\n"
        )
    );
}

#[test]
fn an_ordered_list_is_numbered_without_renumbering_its_items() {
    let head = "# P\n\n## Progress Log\n\n";
    for (log, date, after) in [
        // In sequence: at the end one more; in the middle the number of
        // its place, which the item after it keeps too.
        (
            "1. 2026-01-01 start\n2. 2026-01-10 next\n",
            "2026-01-20",
            "1. 2026-01-01 start\n2. 2026-01-10 next\n3. 2026-01-20 x\n",
        ),
        (
            "1. 2026-01-01 start\n2. 2026-01-10 next\n",
            "2026-01-05",
            "1. 2026-01-01 start\n2. 2026-01-05 x\n2. 2026-01-10 next\n",
        ),
        // A number free between its neighbours is taken.
        (
            "1. 2026-01-01 a\n2. 2026-01-10 b\n5. 2026-01-20 c\n",
            "2026-01-15",
            "1. 2026-01-01 a\n2. 2026-01-10 b\n3. 2026-01-15 x\n5. 2026-01-20 c\n",
        ),
        // Numbered all alike: that number, wherever it goes.
        (
            "1. 2026-01-01 a\n1. 2026-01-10 b\n",
            "2026-01-20",
            "1. 2026-01-01 a\n1. 2026-01-10 b\n1. 2026-01-20 x\n",
        ),
        (
            "1) 2026-01-01 a\n1) 2026-01-10 b\n",
            "2026-01-05",
            "1) 2026-01-01 a\n1) 2026-01-05 x\n1) 2026-01-10 b\n",
        ),
        // First, it takes the first number, from which the list counts.
        (
            "3. 2026-01-10 b\n4. 2026-01-20 c\n",
            "2026-01-05",
            "3. 2026-01-05 x\n3. 2026-01-10 b\n4. 2026-01-20 c\n",
        ),
    ] {
        assert_eq!(
            run_dated(&format!("{head}{log}"), date),
            format!("{head}{after}"),
            "{log}"
        );
    }
}
