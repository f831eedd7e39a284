//! `log` in logs dated `3rd of March 2024` or `2024.03.01`, as a user runs
//! it: the entry placed by date among its neighbours, written in their form.

use crate::support::{planwright, stderr, stdout};

/// Runs `log plan.md x --date DATE` on `text`: the exit code, standard
/// output, standard error, and the plan's text after.
fn log(text: &str, date: &str) -> (Option<i32>, String, String, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.md");
    std::fs::write(&path, text).expect("write");
    let out = planwright(&["log", "plan.md", "x", "--date", date], dir.path());
    let after = std::fs::read_to_string(&path).expect("read");
    (out.status.code(), stdout(&out), stderr(&out), after)
}

#[test]
fn an_ordinal_day_of_a_month_is_written_like_its_neighbours() {
    let text = "# P\n\n## Progress Log\n\n### 1st of April 2024\n\n- kickoff\n\n### 23rd of April 2024\n\n- shipped\n\n## Notes\n";
    let (code, out, err, after) = log(text, "2024-04-22");
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (Some(0), "logged 2024-04-22: x\n", "")
    );
    assert_eq!(
        after,
        "# P\n\n## Progress Log\n\n### 1st of April 2024\n\n- kickoff\n\n### 22nd of April 2024\n\n- x\n\n### 23rd of April 2024\n\n- shipped\n\n## Notes\n"
    );
}

#[test]
fn a_dotted_year_month_day_is_written_like_its_neighbours() {
    let text =
        "# P\n\n## Progress Log\n\n- 2024.03.01: kickoff\n- 2024.03.12: review\n\n## Notes\n";
    let (code, out, err, after) = log(text, "2024-03-05");
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (Some(0), "logged 2024-03-05: x\n", "")
    );
    assert_eq!(
        after,
        "# P\n\n## Progress Log\n\n- 2024.03.01: kickoff\n- 2024.03.05: x\n- 2024.03.12: review\n\n## Notes\n"
    );
}

#[test]
fn a_date_with_a_time_is_refused_not_cut() {
    let text = "# P\n\n## Progress Log\n\n- 2024-03-01: a\n";
    let (code, out, err, after) = log(text, "2024-03-02T23:59:59+14:00");
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            Some(2),
            "",
            "planwright: error: --date `2024-03-02T23:59:59+14:00` is not a date of the form YYYY-MM-DD\n"
        )
    );
    assert_eq!(after, text);
}

#[test]
fn the_echo_shows_a_tab_the_file_keeps() {
    // Other control characters are refused (see `edit_refusals.rs`).
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "# P\n\n## Progress Log\n\n- 2024-03-01: a\n";
    std::fs::write(dir.path().join("plan.md"), text).expect("write");
    let out = planwright(
        &["log", "plan.md", "red\tgreen", "--date", "2024-03-02"],
        dir.path(),
    );
    assert_eq!(stdout(&out), "logged 2024-03-02: red\u{2409}green\n");
    let after = std::fs::read_to_string(dir.path().join("plan.md")).expect("read");
    assert_eq!(after, format!("{text}- 2024-03-02: red\tgreen\n"));
}

#[test]
fn days_without_their_year_are_read_in_the_month_of_their_heading() {
    let text = "# P\n\n## Progress Log\n\n### March 2026\n\n- Mar 2: a\n- Mar 9: b\n\n### February 2026\n\n- Feb 3: c\n";
    let (code, out, err, after) = log(text, "2026-04-01");
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (Some(0), "logged 2026-04-01: x\n", "")
    );
    assert_eq!(
        after,
        "# P\n\n## Progress Log\n\n### April 2026\n\n- Apr 1: x\n\n### March 2026\n\n- Mar 2: a\n- Mar 9: b\n\n### February 2026\n\n- Feb 3: c\n"
    );
}

#[test]
fn an_entry_dated_in_a_form_not_read_is_refused_at_its_line() {
    let text = "# P\n\n## Progress Log\n\n- 2026-03-02: a\n- Mon, 9 Mar 2026: b\n";
    let (code, out, err, after) = log(text, "2026-04-01");
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert!(
        err.starts_with("planwright: error: plan.md: line 6: the log's entry `Mon, 9 Mar 2026: b` is dated in a form planwright does not read"),
        "{err}"
    );
    assert_eq!(after, text);
}
