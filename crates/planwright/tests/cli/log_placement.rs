//! Where `log` puts an entry, as a user runs it: by its date among the
//! log's rows, in the order the log keeps (newest or oldest first, told
//! by its month headings when its rows cannot tell), and under its
//! month's heading, opening one for a new month.

use crate::support::{planwright, stderr, stdout};

#[test]
fn a_log_entry_with_an_older_date_keeps_the_log_in_order() {
    // `log --date` in the past goes among its neighbours, in either order,
    // and PW209 finds the result in order.
    let dir = tempfile::tempdir().expect("temp dir");
    for (rows, want) in [
        (
            "| 2026-01-10 | b |\n| 2026-01-05 | a |\n",
            "| 2026-01-10 | b |\n| 2026-01-07 | c |\n| 2026-01-05 | a |\n",
        ),
        (
            "| 2026-01-05 | a |\n| 2026-01-10 | b |\n",
            "| 2026-01-05 | a |\n| 2026-01-07 | c |\n| 2026-01-10 | b |\n",
        ),
    ] {
        let head = "# Plan\n\n## Progress Log\n\n| Date | Update |\n|---|---|\n";
        std::fs::write(dir.path().join("f.md"), format!("{head}{rows}")).expect("write");
        let out = planwright(&["log", "f.md", "c", "--date", "2026-01-07"], dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        let after = std::fs::read_to_string(dir.path().join("f.md")).expect("read");
        assert_eq!(after, format!("{head}{want}"));
        let lint = planwright(
            &["lint", "f.md", "--select", "PW209", "--format", "concise"],
            dir.path(),
        );
        assert_eq!(stdout(&lint), "", "{after}");
        assert!(lint.status.success(), "{}", stderr(&lint));
    }
}

#[test]
fn a_log_of_one_dated_row_takes_its_order_from_its_month_headings() {
    // February has no row yet, so the one dated row cannot tell the order;
    // the months, newest first, do: a later January day goes above it.
    let dir = tempfile::tempdir().expect("temp dir");
    let table = "| Date | Entry |\n|------|-------|\n";
    let src = format!(
        "# Plan\n\n## Progress Log\n\n### February 2026\n\n{table}\n### January 2026\n\n{table}| 2026-01-05 | jan |\n"
    );
    std::fs::write(dir.path().join("m.md"), &src).expect("write");
    let out = planwright(&["log", "m.md", "c", "--date", "2026-01-20"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let after = std::fs::read_to_string(dir.path().join("m.md")).expect("read");
    assert_eq!(
        after,
        src.replace("| 2026-01-05 |", "| 2026-01-20 | c |\n| 2026-01-05 |")
    );
}

#[test]
fn a_log_entry_in_a_new_month_opens_its_group() {
    // Tables and day headings under month headings: the new month's
    // heading comes with the entry, not the entry under the last month.
    let dir = tempfile::tempdir().expect("temp dir");
    let table = "| Date | Update |\n|---|---|\n";
    for (group, entry) in [
        (
            format!("{table}| 2026-02-02 | c |\n"),
            format!("{table}| 2026-03-01 | x |\n"),
        ),
        (
            "#### 2026-02-02\n\nc\n".to_owned(),
            "#### 2026-03-01\n\nx\n".to_owned(),
        ),
    ] {
        let src = format!("# P\n\n## Progress Log\n\n### February 2026\n\n{group}");
        std::fs::write(dir.path().join("f.md"), &src).expect("write");
        let out = planwright(&["log", "f.md", "x", "--date", "2026-03-01"], dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        let after = std::fs::read_to_string(dir.path().join("f.md")).expect("read");
        assert_eq!(after, format!("{src}\n### March 2026\n\n{entry}"));
    }
}

#[test]
fn a_log_entry_goes_under_its_months_heading_without_entries() {
    // `### March 2026` is there but empty: March's entry goes under it,
    // not into February's list, table or days.
    let dir = tempfile::tempdir().expect("temp dir");
    let table = "| Date | Update |\n|---|---|\n";
    for (feb, mar) in [
        ("- 2026-02-05: started\n", "- 2026-03-02: x\n".to_owned()),
        (
            &*format!("{table}| 2026-02-05 | started |\n"),
            format!("{table}| 2026-03-02 | x |\n"),
        ),
        (
            "#### 2026-02-05\n\na\n",
            "#### 2026-03-02\n\nx\n".to_owned(),
        ),
    ] {
        let log = "# P\n\n## Progress Log\n\n### March 2026\n\n### February 2026\n\n";
        let src = format!("{log}{feb}");
        std::fs::write(dir.path().join("f.md"), &src).expect("write");
        let out = planwright(&["log", "f.md", "x", "--date", "2026-03-02"], dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        let after = std::fs::read_to_string(dir.path().join("f.md")).expect("read");
        let want = src.replacen("2026\n\n###", &format!("2026\n\n{mar}\n###"), 1);
        assert_eq!(after, want);
    }
}
