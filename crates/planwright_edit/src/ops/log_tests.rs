//! `log` as given → running → produces: tables, lists, dated headings.

use super::*;
use planwright_core::{edit::apply, parse};

fn run(src: &str, message: &str, create: bool) -> Result<String, OpError> {
    let plan = parse(src);
    let entry = LogEntry {
        date: "2026-11-21",
        message,
        create,
    };
    let change = append_log(&plan, src, &entry)?;
    let out = apply(src, &change.edits).unwrap();
    crate::verify(&plan, &parse(&out), &change.intent).unwrap();
    repeat::assert_found_again(src, &out, &entry, &change);
    Ok(out)
}

#[test]
fn a_padded_row_under_the_last_one_with_pipes_escaped() {
    let src = "# P\n\n## Progress Log\n\n| Date       | Update           |\n| ---------- | ---------------- |\n| 2026-10-12 | Plan created     |\n\n## Next\n";
    assert_eq!(
        run(src, "a | b", false).unwrap(),
        "# P\n\n## Progress Log\n\n| Date       | Update           |\n| ---------- | ---------------- |\n| 2026-10-12 | Plan created     |\n| 2026-11-21 | a \\| b           |\n\n## Next\n"
    );
}

#[test]
fn pipes_are_escaped_once() {
    assert_eq!(escape_pipes("a | b"), "a \\| b");
    assert_eq!(escape_pipes("a \\| b"), "a \\| b");
    assert_eq!(escape_pipes("a \\\\| b"), "a \\\\\\| b");
    assert_eq!(escape_pipes("||"), "\\|\\|");
}

#[test]
fn rows_at_the_end_of_a_file_without_final_newline_and_crlf() {
    let src = "## Progress Log\r\n\r\n| Date | Note |\r\n|---|---|\r\n| 2026-01-01 | x |";
    assert_eq!(
        run(src, "y", false).unwrap(),
        "## Progress Log\r\n\r\n| Date | Note |\r\n|---|---|\r\n| 2026-01-01 | x |\r\n| 2026-11-21 | y |"
    );
    // An empty table gets its first row under the delimiter.
    let src = "## Progress Log\n\n| Date | Update |\n|------|--------|\n";
    assert_eq!(
        run(src, "first", false).unwrap(),
        "## Progress Log\n\n| Date | Update |\n|------|--------|\n| 2026-11-21 | first  |\n"
    );
}

#[test]
fn newest_first_tables_get_the_row_on_top() {
    let src =
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-02-01 | b |\n| 2026-01-01 | a |\n";
    assert_eq!(
        run(src, "c", false).unwrap(),
        "## Progress Log\n\n| Date | Update |\n|---|---|\n| 2026-11-21 | c |\n| 2026-02-01 | b |\n| 2026-01-01 | a |\n"
    );
}

#[test]
fn bullets_copy_the_marker_and_date_shape() {
    let src =
        "## Progress Log\n\n* **2026-01-01**: started\n* **2026-01-02**: went on\n\n## Next\n";
    assert_eq!(
        run(src, "done", false).unwrap(),
        "## Progress Log\n\n* **2026-01-01**: started\n* **2026-01-02**: went on\n* **2026-11-21**: done\n\n## Next\n"
    );
    let src = "## Log\n\n1. 2026-01-01 — a\n2. 2026-01-02 — b\n";
    assert_eq!(
        run(src, "c", false).unwrap(),
        "## Log\n\n1. 2026-01-01 — a\n2. 2026-01-02 — b\n3. 2026-11-21 — c\n"
    );
    // What opens the last entry's message is its own, not the separator.
    for (last, written) in [
        ("- 2026-01-02 (Fri): b", "- 2026-11-21 c"),
        ("- 2026-01-02: *b*", "- 2026-11-21: c"),
        ("- 2026-01-02 — \"b\"", "- 2026-11-21 — c"),
        ("- **2026-01-02** *b*", "- **2026-11-21** c"),
        // An issue's `#`, a tick, a quote's `>`, a list's `-`, a tag's
        // `<`: copied, each would change what the new entry says.
        ("- 2026-01-02: #42 merged", "- 2026-11-21: c"),
        ("- 2026-01-02: ✅ Done thing", "- 2026-11-21: c"),
        ("- 2026-01-02: > note", "- 2026-11-21: c"),
        ("- 2026-01-02: - sub", "- 2026-11-21: c"),
        ("- 2026-01-02: <b>Kickoff</b> meeting", "- 2026-11-21: c"),
        ("- 2026-01-02 — ✅ b", "- 2026-11-21 — c"),
        ("- [2026-01-02] -> b", "- [2026-11-21] -> c"),
    ] {
        let src = format!("## Log\n\n{last}\n");
        assert_eq!(
            run(&src, "c", false).unwrap(),
            format!("{src}{written}\n"),
            "{last}"
        );
    }
}

#[test]
fn a_time_after_the_date_keeps_the_separator_after_it() {
    let entry = |src: &str, date: &str| {
        let plan = parse(src);
        let change = append_log(
            &plan,
            src,
            &LogEntry {
                date,
                message: "b",
                create: false,
            },
        )
        .unwrap();
        apply(src, &change.edits).unwrap()
    };
    let colon = "## Progress Log\n\n- 2026-01-10 14:00: c\n- 2026-01-05 09:00: a\n";
    assert_eq!(
        entry(colon, "2026-01-07"),
        "## Progress Log\n\n- 2026-01-10 14:00: c\n- 2026-01-07: b\n- 2026-01-05 09:00: a\n"
    );
    let dash = "## Progress Log\n\n- 2026-01-05 09:00 — a\n- 2026-01-10 14:00:30 — c\n";
    assert_eq!(
        entry(dash, "2026-01-20"),
        "## Progress Log\n\n- 2026-01-05 09:00 — a\n- 2026-01-10 14:00:30 — c\n- 2026-01-20 — b\n"
    );
    let meridiem = "## Progress Log\n\n- **2026-01-05 9:30 pm**: a\n";
    assert_eq!(
        entry(meridiem, "2026-01-20"),
        "## Progress Log\n\n- **2026-01-05 9:30 pm**: a\n- **2026-01-20**: b\n"
    );
    // A number that is not a time stays part of the message.
    assert_eq!(time_len(" 14 items"), 0);
    assert_eq!(time_len(" 14:00"), 6);
    assert_eq!(time_len("T09:30:15Z"), 10);
}

#[test]
fn a_date_range_is_the_entry_s_own_and_the_new_entry_is_dated_one_day() {
    for (last, written) in [
        ("- 2026-03-05/06: a", "- 2026-11-21: c"),
        ("- **2026-03-05–06**: a", "- **2026-11-21**: c"),
        ("- 2026-03-05 to 2026-03-07: a", "- 2026-11-21: c"),
        ("- 2026-03-05 - 2026-03-07 — a", "- 2026-11-21 — c"),
        // A number after a spaced dash is the message's, not a range.
        ("- 2026-03-05 - 3 tests fixed", "- 2026-11-21 - c"),
    ] {
        let src = format!("## Progress Log\n\n{last}\n");
        assert_eq!(
            run(&src, "c", false).unwrap(),
            format!("{src}{written}\n"),
            "{last}"
        );
    }
}

#[test]
fn dated_headings_get_a_new_heading() {
    let src = "## Progress Log\n\n### 2026-01-20\n- **Created**: plan\n\n## Next\n";
    assert_eq!(
        run(src, "more", false).unwrap(),
        "## Progress Log\n\n### 2026-01-20\n- **Created**: plan\n\n### 2026-11-21\n- more\n\n## Next\n"
    );
}

#[test]
fn a_closing_note_after_a_rule_stays_last() {
    let src = "## Progress Log\n\n### 2026-01-20\n- plan\n\n---\n\n*Closing note.*";
    assert_eq!(
        run(src, "more", false).unwrap(),
        "## Progress Log\n\n### 2026-01-20\n- plan\n\n### 2026-11-21\n- more\n\n---\n\n*Closing note.*"
    );
}

#[test]
fn no_log_is_an_error_unless_created() {
    assert_eq!(
        run("# P\n\n## A\n\ntext\n", "x", false),
        Err(OpError::NoLog)
    );
    assert_eq!(
        run("# P\n\n## A\n\ntext", "x | y", true).unwrap(),
        "# P\n\n## A\n\ntext\n\n## Progress Log\n\n| Date       | Update |\n| ---------- | ------ |\n| 2026-11-21 | x \\| y |"
    );
    assert_eq!(
        run("## Progress Log\n", "a\nb", false),
        Err(OpError::LineBreak {
            what: "message",
            lines: 2
        })
    );
    // The line break that only ends the message is no second line.
    assert_eq!(
        run("## Progress Log\n", "a\n", false).unwrap(),
        run("## Progress Log\n", "a", false).unwrap()
    );
}

#[test]
fn an_empty_log_section_gets_the_table_create_writes() {
    let table = "| Date       | Update |\n| ---------- | ------ |\n| 2026-11-21 | x      |\n";
    assert_eq!(
        run("# P\n\n## Progress Log\n\n## Next\n", "x", false).unwrap(),
        format!("# P\n\n## Progress Log\n\n{table}\n## Next\n")
    );
    // Below a note on how the log is kept, too; and the next entry is
    // a row of that table.
    let src = "# P\n\n## Progress Log\n\nNewest last.\n";
    let once = run(src, "x", false).unwrap();
    assert_eq!(once, format!("{src}\n{table}"));
    let created = run("# P\n", "x", true).unwrap();
    assert_eq!(created, format!("# P\n\n## Progress Log\n\n{table}"));
}

#[test]
fn newest_first_bullets_get_the_entry_on_top() {
    let src = "## Progress Log\n\n- 2024-01-05: b\n- 2024-01-01: a\n";
    assert_eq!(
        run(src, "x", false).unwrap(),
        "## Progress Log\n\n- 2026-11-21: x\n- 2024-01-05: b\n- 2024-01-01: a\n"
    );
    // In the first item's shape, blank lines between items kept.
    let src = "## Log\n\n* **2024-01-05** — b\n\n* **2024-01-01** — a\n\n## Next\n";
    assert_eq!(
        run(src, "x", false).unwrap(),
        "## Log\n\n* **2026-11-21** — x\n\n* **2024-01-05** — b\n\n* **2024-01-01** — a\n\n## Next\n"
    );
    // Oldest first, with blank lines between the items: one before it.
    let src = "## Log\n\n- 2024-01-01: a\n\n- 2024-01-05: b\n";
    assert_eq!(
        run(src, "x", false).unwrap(),
        "## Log\n\n- 2024-01-01: a\n\n- 2024-01-05: b\n\n- 2026-11-21: x\n"
    );
}

#[test]
fn newest_first_dated_headings_get_the_entry_on_top() {
    let src = "## Progress Log\n\n### 2024-01-05\n\nb\n\n### 2024-01-01\n\na\n";
    assert_eq!(
        run(src, "x", false).unwrap(),
        "## Progress Log\n\n### 2026-11-21\n\nx\n\n### 2024-01-05\n\nb\n\n### 2024-01-01\n\na\n"
    );
    // Oldest first: at the bottom, still shaped like the others.
    let src = "## Progress Log\n\n#### 2024-01-01\n\n* a\n\n#### 2024-01-05\n\n* b\n\n## Next\n";
    assert_eq!(
        run(src, "x", false).unwrap(),
        "## Progress Log\n\n#### 2024-01-01\n\n* a\n\n#### 2024-01-05\n\n* b\n\n#### 2026-11-21\n\n* x\n\n## Next\n"
    );
}

#[test]
fn an_empty_message_is_refused() {
    for message in ["", "   ", "\t\n"] {
        assert_eq!(
            run("## Progress Log\n\n- 2026-01-01: a\n", message, true),
            Err(OpError::EmptyMessage),
            "{message:?}"
        );
    }
    assert_eq!(OpError::EmptyMessage.to_string(), "the message is empty");
}

#[test]
fn a_message_with_a_control_character_is_refused_as_set_refuses_a_value() {
    let src = "## Progress Log\n\n- 2026-01-01: a\n";
    for (message, code) in [
        ("esc\u{1b}[31mred", '\u{1b}'),
        ("bel\u{7}", '\u{7}'),
        ("del\u{7f}", '\u{7f}'),
        ("v\u{b}t", '\u{b}'),
        ("f\u{c}f", '\u{c}'),
        ("nel\u{85}", '\u{85}'),
        // Even where trimming would drop it: `set` refuses it there too.
        ("x\u{c}", '\u{c}'),
    ] {
        assert_eq!(
            run(src, message, true),
            Err(OpError::ControlCharacter {
                what: "message",
                character: code
            }),
            "{message:?}"
        );
    }
    assert_eq!(
        crate::ops::check_no_control("message", "esc\u{1b}")
            .unwrap_err()
            .to_string(),
        "the message holds the control character U+001B, which a plan cannot show; nothing written"
    );
    // A tab is white space, which `set` writes too.
    assert_eq!(
        run(src, "a\tb", false).unwrap(),
        format!("{src}- 2026-11-21: a\tb\n")
    );
}

#[test]
fn a_log_created_in_an_empty_file_opens_it() {
    let want = "## Progress Log\n\n| Date       | Update |\n| ---------- | ------ |\n| 2026-11-21 | x      |\n";
    assert_eq!(run("", "x", true).unwrap(), want);
    assert_eq!(
        run("\u{feff}", "x", true).unwrap(),
        format!("\u{feff}{want}")
    );
    assert_eq!(run("\n\n", "x", true).unwrap(), format!("{want}\n\n"));
}

#[test]
fn table_cells_are_padded_to_the_columns_wide_characters_take() {
    // Each CJK character and the emoji take two columns: 14 in all.
    let want = "## Progress Log\n\n| Date       | Update         |\n| ---------- | -------------- |\n| 2026-11-21 | Ключ 中文 🎉 é |\n";
    assert_eq!(run("", "Ключ 中文 🎉 é", true).unwrap(), want);
    // A table kept aligned with a wide cell is aligned: the new row is
    // padded, a wide message to as many columns as a narrow one.
    let src = "## Log\n\n| Date       | Update   |\n| ---------- | -------- |\n| 2026-10-12 | 中文     |\n";
    assert_eq!(
        run(src, "x", false).unwrap(),
        format!("{src}| 2026-11-21 | x        |\n")
    );
    assert_eq!(
        run(src, "🎉 ok", false).unwrap(),
        format!("{src}| 2026-11-21 | 🎉 ok    |\n")
    );
}

/// `src` with `message` logged on `date`, checked as `planwright` checks
/// it before writing.
fn log_at(src: &str, date: &str, message: &str, create: bool) -> Result<String, OpError> {
    let plan = parse(src);
    let entry = LogEntry {
        date,
        message,
        create,
    };
    let change = append_log(&plan, src, &entry)?;
    let out = apply(src, &change.edits).unwrap();
    crate::verify(&plan, &parse(&out), &change.intent).unwrap();
    repeat::assert_found_again(src, &out, &entry, &change);
    Ok(out)
}

#[test]
fn a_section_that_only_mentions_a_log_is_not_the_log() {
    // An audit log in the architecture is part of the design.
    let src = "# Plan\n\n## Architecture\n\n### Audit Log\n\nEvery admin action is recorded:\n\n- actor id\n- action name\n\n## Progress Log\n\n- 2026-01-01: kicked off\n";
    assert_eq!(
        log_at(src, "2026-01-10", "API merged", false).unwrap(),
        "# Plan\n\n## Architecture\n\n### Audit Log\n\nEvery admin action is recorded:\n\n- actor id\n- action name\n\n## Progress Log\n\n- 2026-01-01: kicked off\n- 2026-01-10: API merged\n"
    );
    // Without a log, neither it nor a phase nor the title is one.
    for src in [
        "# Plan\n\n## Architecture\n\n### Audit Log\n\n- actor id\n- action name\n",
        "# Tasks\n\n## Phase 1: Progress Dashboard\n\n- [ ] T001 Build the chart\n",
        "# Sprint 3 Progress\n\nSome text\n\n- a\n- b\n",
    ] {
        assert_eq!(log_at(src, "2026-01-10", "x", false), Err(OpError::NoLog));
        let created = log_at(src, "2026-01-10", "x", true).unwrap();
        assert_eq!(
            created.strip_prefix(src),
            Some(
                "\n## Progress Log\n\n| Date       | Update |\n| ---------- | ------ |\n| 2026-01-10 | x      |\n"
            )
        );
    }
}

#[test]
fn a_check_list_is_never_the_log() {
    // spec-kit's "Progress Tracking" holds gates, not entries.
    let src = "# Plan\n\n## Progress Tracking\n*This checklist is updated during execution flow*\n\n**Phase Status**:\n- [x] Phase 0: Research complete\n- [ ] Phase 1: Design complete\n\n**Gate Status**:\n- [ ] Initial Constitution Check: PASS\n";
    assert_eq!(log_at(src, "2026-01-10", "x", false), Err(OpError::NoLog));
    let created = log_at(src, "2026-01-10", "x", true).unwrap();
    assert!(created.starts_with(src), "{created}");
    // A section named as the log that holds only a check list is the
    // log the user means: refused, with or without --create, not doubled.
    let src = "# Plan\n\n## Progress Log\n\n- [x] 2026-01-01: shipped x\n";
    for create in [false, true] {
        assert_eq!(
            log_at(src, "2026-01-10", "x", create),
            Err(OpError::ClosedLog {
                heading: "## Progress Log".into(),
                line: 3
            })
        );
    }
    // A log section with a check list too takes the entry in its log.
    let src =
        "## Progress Log\n\n- [ ] write the summary\n\nEntries:\n\n- 2026-01-01: a\n\n## Next\n";
    assert_eq!(
        log_at(src, "2026-01-10", "b", false).unwrap(),
        "## Progress Log\n\n- [ ] write the summary\n\nEntries:\n\n- 2026-01-01: a\n- 2026-01-10: b\n\n## Next\n"
    );
}

#[test]
fn a_log_table_of_one_column_is_refused_not_written_without_the_message() {
    for header in [
        "| Date |\n|------|\n| 2024-01-01 |\n",
        "| Entry |\n|---|\n| 2024-01-01 |\n",
    ] {
        let src = format!("# P\n\n## Progress Log\n\n{header}");
        assert_eq!(
            log_at(&src, "2024-01-02", "important message", false),
            Err(OpError::NarrowLog { line: 5 }),
            "{src}"
        );
    }
    // Beside a table with room for it, the message goes there.
    let src = "## Progress Log\n\n| Date |\n|---|\n| 2024-01-01 |\n\n| Date | Update |\n|---|---|\n| 2024-01-01 | a |\n";
    assert_eq!(
        log_at(src, "2024-01-02", "b", false).unwrap(),
        format!("{src}| 2024-01-02 | b |\n")
    );
}

#[test]
fn of_several_logs_the_one_with_dated_entries_wins() {
    let src = "## Progress\n\n- Phase 1 designed\n\n## Work Log\n\n- 2026-01-01: a\n";
    assert_eq!(
        log_at(src, "2026-01-10", "b", false).unwrap(),
        "## Progress\n\n- Phase 1 designed\n\n## Work Log\n\n- 2026-01-01: a\n- 2026-01-10: b\n"
    );
    // A file that is a log, titled as one, is its own log.
    let src = "# Progress Log\n\n- 2026-01-01: a\n";
    assert_eq!(
        log_at(src, "2026-01-10", "b", false).unwrap(),
        "# Progress Log\n\n- 2026-01-01: a\n- 2026-01-10: b\n"
    );
}

#[test]
fn a_dated_table_outside_the_log_is_not_the_log() {
    let timeline = "# Plan\n\n## Timeline\n\n| Milestone | Date | Notes |\n|---|---|---|\n| Beta | 2026-02-01 | internal |\n";
    let src = format!("{timeline}\n## Progress Log\n\n- 2026-01-01: kicked off\n");
    assert_eq!(
        log_at(&src, "2026-01-10", "API merged", false).unwrap(),
        format!("{src}- 2026-01-10: API merged\n")
    );
    assert_eq!(
        log_at(timeline, "2026-01-10", "x", false),
        Err(OpError::NoLog)
    );
    assert_eq!(
        log_at(timeline, "2026-01-10", "x", true).unwrap(),
        format!(
            "{timeline}\n## Progress Log\n\n| Date       | Update |\n| ---------- | ------ |\n| 2026-01-10 | x      |\n"
        )
    );
}

#[test]
fn items_that_are_only_a_date_keep_their_shape() {
    // The entry goes under its date as a sub-item, like the others.
    let src = "## Progress Log\n\n- 2026-01-05\n  - did b\n";
    assert_eq!(
        log_at(src, "2026-01-09", "shipped it", false).unwrap(),
        "## Progress Log\n\n- 2026-01-05\n  - did b\n- 2026-01-09\n  - shipped it\n"
    );
    let src = "## Progress Log\n\n1. **2026-01-09**\n   1. b\n2. **2026-01-05**\n   1. a\n";
    assert_eq!(
        log_at(src, "2026-01-12", "- c", false).unwrap(),
        "## Progress Log\n\n1. **2026-01-12**\n   1. \\- c\n1. **2026-01-09**\n   1. b\n2. **2026-01-05**\n   1. a\n"
    );
    // A second entry that day is one more of its sub-items.
    let src = "## Progress Log\n\n- 2026-01-09\n  * a\n\n  * b\n- 2026-01-05\n  * c\n";
    assert_eq!(
        log_at(src, "2026-01-09", "d", false).unwrap(),
        "## Progress Log\n\n- 2026-01-09\n  * a\n\n  * b\n\n  * d\n- 2026-01-05\n  * c\n"
    );
    // Without sub-items: after the date, set apart from it.
    let src = "## Progress Log\n\n- **2026-01-01**\n";
    assert_eq!(
        log_at(src, "2026-01-09", "shipped it", false).unwrap(),
        "## Progress Log\n\n- **2026-01-01**\n- **2026-01-09**: shipped it\n"
    );
    let src = "## Progress Log\n\n- 2026-01-01:\n";
    assert_eq!(
        log_at(src, "2026-01-09", "shipped it", false).unwrap(),
        "## Progress Log\n\n- 2026-01-01:\n- 2026-01-09: shipped it\n"
    );
}

#[test]
fn a_message_that_would_be_markup_stays_text() {
    let src = "## Progress Log\n\n### 2026-01-05\n\nb\n";
    for (message, written) in [
        ("---", "\\---"),
        ("***", "\\***"),
        ("# Big", "\\# Big"),
        ("###### six", "\\###### six"),
        ("```rust", "\\```rust"),
        ("~~~", "\\~~~"),
        ("<!-- note", "\\<!-- note"),
        ("<div>", "\\<div>"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("* item", "\\* item"),
        ("12. done", "12\\. done"),
        ("3) done", "3\\) done"),
        ("| a | b |", "\\| a | b |"),
        ("===", "\\==="),
        ("> quoted", "\\> quoted"),
        ("[ ] open", "\\[ ] open"),
        ("[x]: /url", "\\[x]: /url"),
    ] {
        let out = log_at(src, "2026-01-09", message, false).unwrap();
        assert_eq!(
            out,
            format!("{src}\n### 2026-01-09\n\n{written}\n"),
            "{message}"
        );
    }
    // Text that cannot start a block is written as it is.
    for message in [
        "#1 fixed",
        "-5% latency",
        "1.5x faster",
        "<https://x.y>",
        "[link](u)",
        "*bold*",
    ] {
        assert_eq!(literal(message), message);
    }
    // After a date, nothing starts a block: no escape is needed.
    assert_eq!(
        log_at("## Log\n\n- 2026-01-05: a\n", "2026-01-09", "# b", false).unwrap(),
        "## Log\n\n- 2026-01-05: a\n- 2026-01-09: # b\n"
    );
    // But an HTML tag is markup anywhere: it would embolden what follows.
    assert_eq!(
        log_at(
            "## Log\n\n- 2026-01-05: a\n",
            "2026-01-09",
            "<b>bold",
            false
        )
        .unwrap(),
        "## Log\n\n- 2026-01-05: a\n- 2026-01-09: \\<b>bold\n"
    );
    let table = "## Log\n\n| Date | Update |\n|---|---|\n| 2026-01-05 | a |\n";
    assert_eq!(
        log_at(table, "2026-01-09", "<b>bold", false).unwrap(),
        format!("{table}| 2026-01-09 | \\<b>bold |\n")
    );
    assert_eq!(
        inline_literal("<https://x.y> and **b**"),
        "<https://x.y> and **b**"
    );
}

#[test]
fn a_second_entry_on_a_day_goes_under_its_heading() {
    let src = "## Progress Log\n\n### 2026-01-05\n\nb\n\n### 2026-01-01\n\na\n";
    assert_eq!(
        log_at(src, "2026-01-05", "c", false).unwrap(),
        "## Progress Log\n\n### 2026-01-05\n\nb\n\nc\n\n### 2026-01-01\n\na\n"
    );
    let src =
        "## Progress Log\n\n### 2026-01-01\n- a\n\n### 2026-01-05\n* b\n\n---\n\n*Closing note.*\n";
    assert_eq!(
        log_at(src, "2026-01-05", "# c", false).unwrap(),
        "## Progress Log\n\n### 2026-01-01\n- a\n\n### 2026-01-05\n* b\n* \\# c\n\n---\n\n*Closing note.*\n"
    );
    // A heading that holds more than the date is a session of its own.
    let src = "## Progress Log\n\n### 2026-01-05 (Morning)\n\nb\n";
    assert_eq!(
        log_at(src, "2026-01-05", "c", false).unwrap(),
        "## Progress Log\n\n### 2026-01-05 (Morning)\n\nb\n\n### 2026-01-05\n\nc\n"
    );
}

#[test]
fn the_plans_log_is_chosen_over_a_phases_own() {
    // The phase's log comes first in the file; the plan's is the log.
    let src = "# P\n\n## Phase 1: A\n\n- [ ] T001 a\n\n### Progress Log\n\n- 2026-03-01: phase note\n\n\
               ## Phase 2: B\n\n## Progress Log\n\n- 2026-03-01: kickoff\n";
    assert_eq!(
        run(src, "c", false).unwrap(),
        format!("{src}- 2026-11-21: c\n")
    );
}
