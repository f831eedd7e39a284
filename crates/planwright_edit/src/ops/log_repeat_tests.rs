//! `logged_already`: an entry of the same day and message is found in
//! each shape of log, at its line; another day, another message or an
//! entry called off is not. (Every test that logs an entry in
//! `log_tests.rs`, `log_forms_tests.rs` and `log_order_tests.rs` also
//! checks that a retry finds what it wrote.)

use super::*;
use crate::OpError;
use planwright_core::parse;

/// The line of the entry `message` of 2026-03-05 in `log`, the body of a
/// `## Progress Log` whose heading is on line 3.
fn found(log: &str, message: &str) -> Option<usize> {
    let src = format!("# P\n\n## Progress Log\n\n{log}");
    let entry = LogEntry {
        date: "2026-03-05",
        message,
        create: false,
    };
    logged_already(&parse(&src), &src, &entry).unwrap()
}

#[test]
fn an_entry_of_the_day_is_found_in_each_shape_at_its_line() {
    for (log, line) in [
        // Table rows, the message in its column, `|` escaped.
        (
            "| Date | Update |\n|---|---|\n| 2026-03-04 | a |\n| 2026-03-05 | Deployed \\| v2 |\n",
            8,
        ),
        // Items and paragraphs opening with their date, in any form read.
        ("- 2026-03-04: a\n- 2026-03-05: Deployed | v2\n", 6),
        ("1. **Mar 5, 2026** — Deployed | v2\n", 5),
        ("**2026-03-05** Deployed | v2\n", 5),
        ("### March 2026\n\n- Mar 4: a\n- Mar 5: Deployed | v2\n", 8),
        // A heading of the date and the message.
        ("### 2026-03-05: Deployed | v2\n\nDetails.\n", 5),
        // Notes under a date that stands alone: a day's heading (and a
        // time of day under it), an item of only the date, a paragraph.
        ("### 2026-03-05\n\n- a\n- Deployed | v2\n", 8),
        ("### 2026-03-05\n\n#### 14:00\n\nDeployed | v2\n", 9),
        ("- 2026-03-04\n  - a\n- 2026-03-05\n  - Deployed | v2\n", 8),
        ("**2026-03-05**\n\n- a\n- Deployed | v2\n", 8),
    ] {
        assert_eq!(found(log, "Deployed | v2"), Some(line), "{log}");
    }
}

#[test]
fn the_message_matches_as_it_reads_rendered() {
    let log = "- 2026-03-05: **Deployed**  `v2`\n- 2026-03-05: \\# Heading text\n";
    assert_eq!(found(log, "Deployed v2"), Some(5));
    assert_eq!(found(log, "  Deployed v2 "), Some(5));
    // Escaped by `log` when written, so that it stays text.
    assert_eq!(found(log, "# Heading text"), Some(6));
    let log = "- 2026-03-05: \\<b>bold\n";
    assert_eq!(found(log, "<b>bold"), Some(5));
    // In the same case only.
    assert_eq!(found("- 2026-03-05: Deployed\n", "deployed"), None);
}

#[test]
fn another_day_another_message_or_an_entry_called_off_is_not_found() {
    for log in [
        "- 2026-03-04: Deployed\n- 2026-03-06: Deployed\n",
        "- 2026-03-05: Deployed to staging\n",
        "- 2026-03-05: Not Deployed\n",
        "- ~~2026-03-05~~: Deployed\n",
        "| Date | Update |\n|---|---|\n| ~~2026-03-05~~ | Deployed |\n",
        // A row that holds the message in another column than its entry's.
        "| Date | Update | Owner |\n|---|---|---|\n| 2026-03-05 | a | Deployed |\n",
        "### 2026-03-04\n\n- Deployed\n\n### 2026-03-05\n\n- a\n",
        // A note under an entry of its own is that entry's detail.
        "### 2026-03-05: Kickoff\n\n- Deployed\n",
        // A sub-item of an entry with a message, and an item beside (not
        // under) a day of only its date.
        "- 2026-03-05: a\n  - Deployed\n",
        "- 2026-03-05\n- Deployed\n",
        // Under a month heading, with no day.
        "### March 2026\n\n- Deployed\n",
    ] {
        assert_eq!(found(log, "Deployed"), None, "{log}");
    }
}

#[test]
fn a_plan_without_a_log_has_no_entry_and_a_log_refused_stays_refused() {
    let src = "# P\n\n## Tasks\n\n- [ ] a\n";
    let entry = LogEntry {
        date: "2026-03-05",
        message: "a",
        create: true,
    };
    assert_eq!(logged_already(&parse(src), src, &entry), Ok(None));
    let src = "# P\n\n## Progress Log\n\n- 9-Mar-2026: a\n";
    assert!(matches!(
        logged_already(&parse(src), src, &entry),
        Err(OpError::UnreadDate { line: 5, .. })
    ));
}
