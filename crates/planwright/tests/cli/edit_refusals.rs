//! What `done`, `undo`, `set` and `log` refuse, and what they print, as a user
//! sees it: exact output, exit code, and the file's bytes after.

use std::path::Path;

use crate::support::{planwright, stderr, stdout};

/// A temporary folder holding `plan.md` with `text`.
fn plan_dir(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("plan.md"), text).expect("write");
    dir
}

fn read(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("plan.md")).expect("read")
}

/// Runs `args` and asserts a refusal: exit 2, `message` as the error, no
/// output, and the plan untouched.
fn refused(text: &str, args: &[&str], message: &str) {
    let dir = plan_dir(text);
    let out = planwright(args, dir.path());
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert_eq!(stderr(&out), format!("planwright: error: {message}\n"));
    assert_eq!(stdout(&out), "");
    assert_eq!(read(dir.path()), text, "{args:?} changed the plan");
}

const GENERIC: &str = "# P\n\n## Phase 1\n\n- [ ] build\n- [ ] other\n";

#[test]
fn start_needs_a_dialect_or_a_plan_that_marks_work_in_progress() {
    refused(
        GENERIC,
        &["done", "--start", "plan.md", "#1"],
        "plan.md: this plan marks no task in progress, and GitHub shows `[-]` as plain text, not as a check box; use `done` when the task is finished, or write a first `[-]` into the plan by hand to start using in-progress marks",
    );
    // Once the plan has one, the plan's own mark is written.
    let dir = plan_dir(&GENERIC.replace("[ ] other", "[~] other"));
    let out = planwright(&["done", "--start", "plan.md", "build"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "#1 in progress: build\n");
    assert_eq!(
        read(dir.path()),
        "# P\n\n## Phase 1\n\n- [~] build\n- [~] other\n"
    );
}

#[test]
fn definition_of_done_items_are_never_started() {
    let text = "# P\n\n## Phase 1\n\n- [-] build\n\n## Definition of Done\n\n- [ ] tests pass\n";
    refused(
        text,
        &["done", "--start", "plan.md", "build", "tests pass"],
        "plan.md: #2 is a definition-of-done item: those are checked when the work is finished, never started; use `done` when it holds",
    );
}

#[test]
fn undo_marks_open_whatever_the_task_was_before_done() {
    let dir = plan_dir("# P\n\n- [-] T001 build\n- [-] T002 other\n");
    let run = |args: &[&str]| stdout(&planwright(args, dir.path()));
    assert_eq!(run(&["done", "plan.md", "T001"]), "T001 done: build\n");
    assert_eq!(run(&["undo", "plan.md", "T001"]), "T001 open: build\n");
    assert_eq!(
        read(dir.path()),
        "# P\n\n- [ ] T001 build\n- [-] T002 other\n"
    );
    // `done --start` puts it back.
    assert_eq!(
        run(&["done", "--start", "plan.md", "T001"]),
        "T001 in progress: build\n"
    );
    assert_eq!(
        read(dir.path()),
        "# P\n\n- [-] T001 build\n- [-] T002 other\n"
    );
    // Started again, a finished task is reopened, and the report says so.
    assert_eq!(run(&["done", "plan.md", "T001"]), "T001 done: build\n");
    assert_eq!(
        run(&["done", "--start", "plan.md", "T001"]),
        "T001 in progress (was done): build\n"
    );
}

#[test]
fn standard_input_cannot_be_edited() {
    for (command, args) in [
        ("done", vec!["done", "-", "T001"]),
        ("undo", vec!["undo", "-", "T001"]),
        ("set", vec!["set", "-", "owner", "Ann"]),
        ("log", vec!["log", "-", "hi", "--date", "2024-01-02"]),
    ] {
        let message = format!(
            "{command} edits a plan file in place and cannot edit standard input (`-`); name the file (`./-` for a file named `-`)"
        );
        refused(GENERIC, &args, &message);
        // A file that is really named `-` is not taken for it either.
        let dir = plan_dir(GENERIC);
        std::fs::write(dir.path().join("-"), LOGGED).expect("write");
        let out = planwright(&args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), format!("planwright: error: {message}\n"));
        let dash = std::fs::read_to_string(dir.path().join("-")).expect("read");
        assert_eq!(dash, LOGGED, "{args:?} wrote into `./-`");
    }
}

/// A plan with a progress log and an owner, that each editing command
/// could change.
const LOGGED: &str =
    "# P\n\n**Owner:** Bo\n\n## Progress Log\n\n- 2024-01-01: x\n\n## Tasks\n\n- [ ] T001 a\n";

#[test]
fn an_id_off_by_zero_padding_is_suggested() {
    let text = "# P\n\n- [ ] T001 build\n- [ ] T002 other\n";
    refused(
        text,
        &["done", "plan.md", "T1"],
        "plan.md: no task has the id `T1`; did you mean `T001`?\n  #1 T001 [ ] build",
    );
    refused(
        text,
        &["undo", "plan.md", "T-2"],
        "plan.md: no task has the id `T-2`; did you mean `T002`?\n  #2 T002 [ ] other",
    );
}

#[test]
fn a_long_task_is_shortened_in_the_report() {
    let long = "a".repeat(2_000_000);
    let dir = plan_dir(&format!("# P\n\n- [ ] T001 {long}\n"));
    let out = planwright(&["done", "plan.md", "T001"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), format!("T001 done: {}…\n", "a".repeat(79)));
    assert_eq!(read(dir.path()), format!("# P\n\n- [x] T001 {long}\n"));
}

#[test]
fn an_emptied_field_can_be_set_back_byte_for_byte() {
    let text = "# P\n\n**Owner:** Ann\n**Status:** Draft\n\n## Phase 1\n\n- [ ] build\n";
    let dir = plan_dir(text);
    let out = planwright(&["set", "plan.md", "owner", ""], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "set owner: (empty)\n");
    assert_eq!(
        read(dir.path()),
        text.replace("**Owner:** Ann", "**Owner:**")
    );
    let out = planwright(&["set", "plan.md", "owner", "Ann"], dir.path());
    assert_eq!(stdout(&out), "set owner: Ann\n");
    assert_eq!(read(dir.path()), text);
}

#[test]
fn show_and_done_refuse_a_huge_plan_in_the_same_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = std::fs::File::create(dir.path().join("plan.md")).expect("create");
    // Sparse: no disk is used for the size.
    file.set_len((64 << 20) + 1).expect("set_len");
    let message = "planwright: error: plan.md: too large for a plan; planwright reads plans of up to 64 MiB (67108864 bytes)\n";
    for args in [vec!["show", "plan.md"], vec!["done", "plan.md", "#1"]] {
        let out = planwright(&args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), message, "{args:?}");
    }
}

#[test]
fn log_refuses_dates_it_cannot_read_and_a_section_inside_an_open_fence() {
    let forms = "YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, `Mar 5, 2024`, `March 5, 2024`, `5 Mar 2024`, `5 March 2024`, `5th of March 2024` (also `Mar.`, `Sept` and `5th`), and MM/DD/YYYY or DD/MM/YYYY (or with dots) when a day over 12 in the log shows which; month headings `March 2024`, `Mar 2024`, `2024-03`, `2024.03`, `03/2024`, under which `Mar 5` or `5 March` (no year) reads in the heading's month and year";
    refused(
        "# P\n\n## Progress Log\n\n- 2024.03.01: a\n- 5-3-2024: b\n",
        &["log", "plan.md", "x", "--date", "2024-04-02"],
        &format!(
            "plan.md: line 6: the log's entry `5-3-2024: b` is dated in a form planwright does not read, so it cannot tell where a new entry goes; it reads {forms}"
        ),
    );
    refused(
        "# P\n\n## Progress Log\n\n### March 2024\n\n- 03/01/2024: a\n",
        &["log", "plan.md", "x", "--date", "2024-04-02"],
        "plan.md: line 7: `03/01/2024: a` could be month/day or day/month, and no date in the log has a number over 12 to tell which; write one such date, or the log's dates as YYYY-MM-DD",
    );
    refused(
        "# P\n\n## Tasks\n\n```\nunclosed\n",
        &["log", "plan.md", "x", "--create"],
        "plan.md: the plan ends inside a code block opened at line 5 and never closed, so a new progress-log section would be part of it; close the block first",
    );
}

#[test]
fn set_refuses_an_empty_name_and_control_characters() {
    let plan = "# P\n\n**Owner:** Ann\n";
    refused(
        plan,
        &["set", "plan.md", " ", "x"],
        "plan.md: the field name is empty; name the field to set, e.g. `status`",
    );
    for (value, code) in [("nul\u{1}", "0001"), ("esc\u{1b}[31mred", "001B")] {
        refused(
            plan,
            &["set", "plan.md", "owner", value],
            &format!(
                "plan.md: the value holds the control character U+{code}, which a plan cannot show; nothing written"
            ),
        );
    }
}

#[test]
fn log_refuses_control_characters_as_set_does() {
    let plan = "# P\n\n## Progress Log\n\n- 2026-01-01: a\n";
    for (message, code) in [("esc\u{1b}[31mred", "001B"), ("nel\u{85}", "0085")] {
        refused(
            plan,
            &["log", "plan.md", "--date", "2026-01-02", "--", message],
            &format!(
                "plan.md: the message holds the control character U+{code}, which a plan cannot show; nothing written"
            ),
        );
    }
}

#[test]
fn set_names_every_line_it_changes_and_the_key_without_its_colon() {
    let dir = plan_dir("# P\n\n**Status:** Draft\n**Owner:** Ann\n**Status:** Review\n");
    let out = planwright(&["set", "plan.md", "Status:", "Active"], dir.path());
    assert_eq!(stdout(&out), "set Status: Active (lines 3, 5)\n");
    assert_eq!(
        read(dir.path()),
        "# P\n\n**Status:** Active\n**Owner:** Ann\n**Status:** Active\n"
    );
    let out = planwright(&["set", "plan.md", "owner", "Bo"], dir.path());
    assert_eq!(stdout(&out), "set owner: Bo\n");
}

#[test]
#[cfg(unix)]
fn a_file_name_with_a_line_break_is_named_on_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("bad\nname.md"), b"x\xff").expect("write");
    for (name, error) in [
        (
            "bad\nname.md",
            "bad␊name.md: not valid UTF-8 (invalid byte at offset 1, line 1)",
        ),
        ("miss\ning.md", "miss␊ing.md: no such file"),
    ] {
        let out = planwright(&["done", name, "T001"], dir.path());
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stderr(&out), format!("planwright: error: {error}\n"));
    }
}
