use super::*;
use planwright_core::parse;

#[test]
fn a_tick_passes_and_a_stray_change_fails() {
    let before = parse("- [ ] T001 a\n- [ ] T002 b\n");
    let after = parse("- [x] T001 a\n- [ ] T002 b\n");
    let intent = Intent::TaskStates(vec![(0, TaskState::Done)]);
    assert_eq!(verify(&before, &after, &intent), Ok(()));
    let wrong = parse("- [x] T001 a\n- [x] T002 b\n");
    let err = verify(&before, &wrong, &intent).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the edit would change more than intended (task `T002 b` would change); nothing written"
    );
}

#[test]
fn a_new_wait_for_a_phase_fails() {
    // The task's text and task dependencies stay as they were; `next`
    // would still read the task differently.
    let before = parse("## Phase 1: A\n\n- [ ] T001 a\n- [ ] T002 b\n");
    let after = parse("## Phase 1: A\n\n- [ ] T001 a\n- [ ] T002 b\n  Blocked by: Phase 9\n");
    assert_eq!(before.tasks[1].text, after.tasks[1].text);
    let err = verify(&before, &after, &Intent::TaskStates(Vec::new())).unwrap_err();
    assert_eq!(err.detail, "a task's wait for a phase changed");
}

#[test]
fn a_bullet_that_reads_as_a_task_fails() {
    let before = parse("## Progress Log\n\n- 2026-01-01: a\n");
    let after = parse("## Progress Log\n\n- 2026-01-01: a\n- [ ] b\n");
    let err = verify(&before, &after, &Intent::LogEntry { new_heading: false }).unwrap_err();
    assert!(
        err.to_string().contains("a new task would appear: `#1 b`"),
        "{err}"
    );
}

#[test]
fn one_inserted_element_is_found_once_in_a_single_pass() {
    let old = ["a", "b", "c"];
    assert_eq!(inserted_at(&old, &["x", "a", "b", "c"]), Some(0));
    assert_eq!(inserted_at(&old, &["a", "x", "b", "c"]), Some(1));
    assert_eq!(inserted_at(&old, &["a", "b", "c", "x"]), Some(3));
    assert_eq!(inserted_at(&[], &["x"]), Some(0));
    // Among equal neighbours any position would do; the last is taken.
    assert_eq!(inserted_at(&["a", "b"], &["a", "a", "b"]), Some(1));
    assert_eq!(inserted_at(&["a", "a"], &["a", "a", "a"]), Some(2));
    // Anything but exactly one insertion fails.
    assert_eq!(inserted_at(&old, &old), None);
    assert_eq!(inserted_at(&old, &["a", "x", "y", "b", "c"]), None);
    assert_eq!(inserted_at(&old, &["a", "x", "B", "c"]), None);
    assert_eq!(inserted_at(&old, &["x", "a", "b", "C"]), None);
    assert_eq!(inserted_at(&old, &["b", "a", "c", "x"]), None);
    assert_eq!(inserted_at(&old, &["a", "b"]), None);
}

#[test]
fn a_log_row_must_be_the_only_new_row() {
    let table = "## Progress Log\n\n| Date | Update |\n|---|---|\n";
    let before = parse(&format!("{table}| 2026-01-01 | a |\n| 2026-01-03 | c |\n"));
    let intent = Intent::LogRow { table: 0 };
    for rows in [
        "| 2026-01-01 | a |\n| 2026-01-02 | b |\n| 2026-01-03 | c |\n",
        "| 2025-12-31 | z |\n| 2026-01-01 | a |\n| 2026-01-03 | c |\n",
        "| 2026-01-01 | a |\n| 2026-01-03 | c |\n| 2026-01-04 | d |\n",
    ] {
        let after = parse(&format!("{table}{rows}"));
        assert_eq!(verify(&before, &after, &intent), Ok(()), "{rows}");
    }
    for rows in [
        "| 2026-01-01 | A |\n| 2026-01-02 | b |\n| 2026-01-03 | c |\n",
        "| 2026-01-01 | a |\n| 2026-01-02 | b |\n| 2026-01-03 | c |\n| 2026-01-04 | d |\n",
        "| 2026-01-01 | a |\n| 2026-01-03 | c |\n",
    ] {
        let after = parse(&format!("{table}{rows}"));
        let err = verify(&before, &after, &intent).unwrap_err();
        assert_eq!(
            err.detail, "the log table did not gain exactly one row",
            "{rows}"
        );
    }
}

#[test]
fn a_dated_heading_must_be_the_only_new_heading() {
    let before = parse("## Progress Log\n\n### 2026-01-01\n\na\n\n### 2026-01-03\n\nc\n");
    let intent = Intent::LogEntry { new_heading: true };
    let after = parse(
        "## Progress Log\n\n### 2026-01-01\n\na\n\n### 2026-01-02\n\nb\n\n### 2026-01-03\n\nc\n",
    );
    assert_eq!(verify(&before, &after, &intent), Ok(()));
    for after in [
        "## Progress Log\n\n### 2026-01-01\n\na\n\n### 2026-01-02\n\nb\n\n### 2026-01-04\n\nc\n",
        "## Progress Log\n\n### 2026-01-01\n\na\n\n### 2026-01-02\n\nb\n\n### x\n\n### 2026-01-03\n\nc\n",
        "## Progress Log\n\n### 2026-01-01\n\na\n\n### 2026-01-03\n\nc\n",
    ] {
        let err = verify(&before, &parse(after), &intent).unwrap_err();
        assert_eq!(
            err.detail, "the log did not gain exactly one heading",
            "{after}"
        );
    }
}

#[test]
fn a_new_month_may_bring_its_first_day_or_table_and_no_more() {
    let intent = Intent::LogEntry { new_heading: true };
    let check = |before: &str, after: &str| verify(&parse(before), &parse(after), &intent);
    let days = "## Log\n\n### 2026-01\n\n#### 2026-01-03\n\na\n";
    assert_eq!(
        check(
            days,
            &format!("{days}\n### 2026-02\n\n#### 2026-02-04\n\nx\n")
        ),
        Ok(())
    );
    for extra in [
        // A day of another month, a heading that is no month, a day
        // beside the month rather than in it, a third heading.
        "### 2026-02\n\n#### 2026-03-04\n\nx\n",
        "### Later\n\n#### 2026-02-04\n\nx\n",
        "### 2026-02\n\n### 2026-02-04\n\nx\n",
        "### 2026-02\n\n#### 2026-02-04\n\n#### 2026-02-05\n",
    ] {
        let err = check(days, &format!("{days}\n{extra}")).unwrap_err();
        assert_eq!(
            err.detail, "the log did not gain exactly one heading",
            "{extra}"
        );
    }
    let table =
        |month: &str, rows: &str| format!("### {month}\n\n| Date | Update |\n|---|---|\n{rows}\n");
    let jan = table("2026-01", "| 2026-01-03 | a |\n");
    let mar = table("2026-03", "| 2026-03-02 | c |\n");
    let log = |groups: &[&str]| format!("## Log\n\n{}## Next\n", groups.concat());
    let before = log(&[&jan, &mar]);
    let feb = table("2026-02", "| 2026-02-10 | x |\n");
    assert_eq!(check(&before, &log(&[&jan, &feb, &mar])), Ok(()));
    for (what, group) in [
        (
            "two rows",
            table("2026-02", "| 2026-02-10 | x |\n| 2026-02-11 | y |\n"),
        ),
        (
            "a row of another month",
            table("2026-02", "| 2026-04-10 | x |\n"),
        ),
        ("no month", table("Later", "| 2026-02-10 | x |\n")),
    ] {
        let err = check(&before, &log(&[&jan, &group, &mar])).unwrap_err();
        assert_eq!(err.detail, "a table changed", "{what}");
    }
}

#[test]
fn a_new_month_s_day_may_be_written_in_any_form_log_reads() {
    let intent = Intent::LogEntry { new_heading: true };
    let days = "## Log\n\n### Mar 2024\n\n#### Mar 5, 2024\n\na\n";
    let check = |extra: &str| verify(&parse(days), &parse(&format!("{days}\n{extra}")), &intent);
    for extra in [
        "### Apr 2024\n\n#### Apr 2, 2024\n\nx\n",
        "### Apr 2024\n\n#### 2 April 2024\n\nx\n",
        "### Apr 2024\n\n#### 2024/04/02\n\nx\n",
    ] {
        assert_eq!(check(extra), Ok(()), "{extra}");
    }
    // A day of another month, or a heading that is a day, not a month.
    for extra in [
        "### Apr 2024\n\n#### May 2, 2024\n\nx\n",
        "### 2 Apr 2024\n\n#### Apr 2, 2024\n\nx\n",
    ] {
        let err = check(extra).unwrap_err();
        assert_eq!(
            err.detail, "the log did not gain exactly one heading",
            "{extra}"
        );
    }
    // A month's first table holds one row dated in that month, in any
    // form.
    let head = "| Date | Update |\n|---|---|\n";
    let mar = format!("## Log\n\n### March 2024\n\n{head}| Mar 5, 2024 | a |\n");
    let jun = format!("\n### June 2024\n\n{head}| Jun 5, 2024 | b |\n");
    let apr = |row: &str| format!("{mar}\n### April 2024\n\n{head}{row}{jun}");
    let before = parse(&format!("{mar}{jun}"));
    let check = |row: &str| verify(&before, &parse(&apr(row)), &intent);
    assert_eq!(check("| Apr 2, 2024 | x |\n"), Ok(()));
    let err = check("| May 2, 2024 | x |\n").unwrap_err();
    assert_eq!(err.detail, "a table changed");
}

#[test]
fn a_month_heading_already_there_may_gain_its_first_table_and_no_more() {
    let intent = Intent::LogEntry { new_heading: false };
    let head = "| Date | Update |\n|---|---|\n";
    let feb = format!("### February 2026\n\n{head}| 2026-02-05 | a |\n");
    let log = |mar: &str| format!("## Log\n\n### March 2026\n\n{mar}\n{feb}");
    let before = parse(&log(""));
    let check = |mar: &str| verify(&before, &parse(&log(mar)), &intent);
    assert_eq!(check(&format!("{head}| 2026-03-02 | x |\n")), Ok(()));
    for mar in [
        format!("{head}| 2026-03-02 | x |\n| 2026-03-03 | y |\n"),
        format!("{head}| 2026-04-02 | x |\n"),
    ] {
        assert_eq!(check(&mar).unwrap_err().detail, "a table changed", "{mar}");
    }
    // Beside a table the month already has (its rows go in that one).
    let after = log(&format!("{head}\n{head}| 2026-03-02 | x |\n"));
    let err = verify(&parse(&log(head)), &parse(&after), &intent).unwrap_err();
    assert_eq!(err.detail, "a table changed");
    // Under a heading that is no month, nor under its own.
    let other = parse(&format!("## Log\n\n### Later\n\n{feb}"));
    let after = format!("## Log\n\n### Later\n\n{head}| 2026-03-02 | x |\n\n{feb}");
    let err = verify(&other, &parse(&after), &intent).unwrap_err();
    assert_eq!(err.detail, "a table changed");
}
