//! `done` and `undo` naming a task by its text as a reader sees it rendered,
//! or as `next` prints it, and ticking that task's byte only.

use crate::support::{planwright, stderr, stdout, write};

const PLAN: &str = "# P\n\n## Tasks\n\n- [ ] T003 Add a `--bar` flag to **CLI**\n- [ ] T004 Add `--foo` flag to **CLI**\n- [ ] T005 Read [the guide](docs/guide.md) and _fix_ \\*typos\\*\n";

/// `PLAN` with the check box of the task on line `line` (1-based) holding
/// `mark`: the one byte `done` and `undo` may change.
fn with_mark(line: usize, mark: char) -> String {
    let mut lines: Vec<String> = PLAN.lines().map(String::from).collect();
    lines[line - 1].replace_range(3..4, &mark.to_string());
    lines.join("\n") + "\n"
}

#[test]
fn done_takes_the_text_as_rendered() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "md.md", PLAN);
    let out = planwright(&["done", "md.md", "Add --foo flag to CLI"], dir.path());
    assert_eq!(stderr(&out), "");
    assert_eq!(stdout(&out), "T004 done: Add `--foo` flag to **CLI**\n");
    assert!(out.status.success());
    let after = std::fs::read_to_string(dir.path().join("md.md")).expect("read");
    assert_eq!(after, with_mark(6, 'x'));

    // Link text, emphasis and escapes read as shown; any case.
    write(dir.path(), "md.md", PLAN);
    let out = planwright(
        &["done", "md.md", "read THE GUIDE and fix *typos*"],
        dir.path(),
    );
    assert_eq!(
        stdout(&out),
        "T005 done: Read [the guide](docs/guide.md) and _fix_ \\*typos\\*\n"
    );
    let after = std::fs::read_to_string(dir.path().join("md.md")).expect("read");
    assert_eq!(after, with_mark(7, 'x'));
}

#[test]
fn a_line_copied_from_next_names_its_task() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "md.md", &with_mark(6, 'x'));
    let next = stdout(&planwright(&["next", "md.md"], dir.path()));
    assert_eq!(
        next,
        "md.md\n  ready\n    T003  Add a `--bar` flag to **CLI**\n    T005  Read [the guide](docs/guide.md) and _fix_ \\*typos\\*\n"
    );
    let copied = next.lines().nth(3).expect("T005's line").trim();
    let out = planwright(&["done", "md.md", copied], dir.path());
    assert_eq!(
        stdout(&out),
        "T005 done: Read [the guide](docs/guide.md) and _fix_ \\*typos\\*\n"
    );
    // And `undo` takes the rendered text too.
    let out = planwright(&["undo", "md.md", "T004 add --foo flag to cli"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let after = std::fs::read_to_string(dir.path().join("md.md")).expect("read");
    assert_eq!(after, with_mark(7, 'x'));
}

#[test]
fn rendered_names_that_fit_two_tasks_or_none_write_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "md.md", PLAN);
    let out = planwright(&["done", "md.md", "flag to CLI"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: md.md: `flag to CLI` matches 2 tasks; name one by id or #index:\n  #1 T003 [ ] Add a `--bar` flag to **CLI**\n  #2 T004 [ ] Add `--foo` flag to **CLI**\n"
    );
    let out = planwright(&["done", "md.md", "add --baz flag"], dir.path());
    assert_eq!(
        stderr(&out),
        "planwright: error: md.md: no task matches `add --baz flag`\n  #1 T003 [ ] Add a `--bar` flag to **CLI**\n  #2 T004 [ ] Add `--foo` flag to **CLI**\n  #3 T005 [ ] Read [the guide](docs/guide.md) and _fix_ \\*typos\\*\n"
    );
    let after = std::fs::read_to_string(dir.path().join("md.md")).expect("read");
    assert_eq!(after, PLAN);
}

/// A task whose description wraps onto a second line, as Prettier's
/// `proseWrap: always` writes it, is named by a word on that line, and
/// `next` shows it whole and waits for the dependency wrapped there.
#[test]
fn a_wrapped_task_is_named_and_shown_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# P\n\n- [ ] T001 Create the workspace with the\n  crates and the CI configuration\n- [ ] T002 Add the parser (depends on\n  T001)\n";
    write(dir.path(), "md.md", plan);
    let next = stdout(&planwright(&["next", "md.md"], dir.path()));
    assert_eq!(
        next,
        "md.md\n  ready\n    T001  Create the workspace with the crates and the CI configuration\n\
         1 open task waits for others (--waiting to list them)\n"
    );
    let out = planwright(&["done", "md.md", "CI configuration"], dir.path());
    assert_eq!(stderr(&out), "");
    assert_eq!(
        stdout(&out),
        "T001 done: Create the workspace with the crates and the CI configuration\n"
    );
    let after = std::fs::read_to_string(dir.path().join("md.md")).expect("read");
    assert_eq!(after, plan.replacen("[ ]", "[x]", 1));
}

#[test]
fn every_bad_name_is_reported_and_nothing_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "md.md", PLAN);
    let out = planwright(
        &["done", "md.md", "T003", "nosuch", "T999", "#99"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: md.md: 3 tasks are unknown:\n  \
         no task matches `nosuch`\n    \
         #1 T003 [ ] Add a `--bar` flag to **CLI**\n    \
         #2 T004 [ ] Add `--foo` flag to **CLI**\n    \
         #3 T005 [ ] Read [the guide](docs/guide.md) and _fix_ \\*typos\\*\n  \
         no task has the id `T999`; the ids are:\n    \
         (the same tasks as above)\n  \
         no task matches `#99`\n    \
         the plan has 3 tasks, #1 to #3\n"
    );
    // T003 was fine, and is not ticked alone.
    let after = std::fs::read_to_string(dir.path().join("md.md")).expect("read");
    assert_eq!(after, PLAN);
    // A plan without tasks says so, whatever the name looks like.
    write(dir.path(), "empty.md", "");
    let out = planwright(&["done", "empty.md", "T001"], dir.path());
    assert_eq!(
        stderr(&out),
        "planwright: error: empty.md: no task has the id `T001`; the plan has no tasks\n"
    );
}

/// A task all in bold reads without the bold, and is still named by a
/// fragment of its text or by its text as written, bold and all.
#[test]
fn a_task_all_in_bold_is_named_by_its_text_either_way() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# P\n\n- [ ] **Write the failing test**\n- [ ] **Run it**\n";
    write(dir.path(), "md.md", plan);
    let show = stdout(&planwright(
        &["show", "md.md", "--format", "json"],
        dir.path(),
    ));
    let show: serde_json::Value = serde_json::from_str(&show).expect("json");
    assert_eq!(show["tasks"][0]["text"], "Write the failing test");
    let out = planwright(&["done", "md.md", "failing test"], dir.path());
    assert_eq!(stderr(&out), "");
    assert_eq!(stdout(&out), "#1 done: Write the failing test\n");
    let after = std::fs::read_to_string(dir.path().join("md.md")).expect("read");
    assert_eq!(after, plan.replacen("[ ]", "[x]", 1));
    let out = planwright(&["undo", "md.md", "**Write the failing test**"], dir.path());
    assert_eq!(stderr(&out), "");
    let after = std::fs::read_to_string(dir.path().join("md.md")).expect("read");
    assert_eq!(after, plan);
    let out = planwright(&["done", "md.md", "Run it"], dir.path());
    assert_eq!(stderr(&out), "");
    let after = std::fs::read_to_string(dir.path().join("md.md")).expect("read");
    assert_eq!(after, plan.replacen("- [ ] **Run", "- [x] **Run", 1));
}

#[test]
fn markup_typed_picks_the_task_spelled_with_it() {
    // Both tasks read `Deploy`; only the source spells them apart.
    let plan = "# P\n\n- [ ] Deploy\n- [ ] **Deploy**\n";
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "md.md", plan);
    let out = planwright(&["done", "md.md", "Deploy"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("matches 2 tasks"), "{}", stderr(&out));
    let out = planwright(&["done", "md.md", "**Deploy**"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let after = std::fs::read_to_string(dir.path().join("md.md")).expect("read");
    assert_eq!(after, "# P\n\n- [ ] Deploy\n- [x] **Deploy**\n");
}

/// Ticking a task over open subtasks works, with a note on standard error
/// naming them (optional ones and those ticked in the same command left
/// out); each task of a repeated id goes by the name `next` gives it.
#[test]
fn done_notes_open_subtasks_and_takes_next_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# P\n\n- [ ] T010 Import\n  - [x] T011 Read\n  - [ ] T012 Reject\n  - [ ] T013 Report\n  - [ ]* T014 Maybe\n- [ ] T010 Again\n";
    write(dir.path(), "p.md", plan);
    let out = planwright(&["done", "p.md", "T010 Import", "T013"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "T010 (1) done: Import\nT013 done: Report\n");
    assert_eq!(
        stderr(&out),
        "note: T010 (1) still has 1 open subtask: T012\n"
    );
    let out = planwright(&["done", "p.md", "T010 (2)"], dir.path());
    assert_eq!(stdout(&out), "T010 (2) done: Again\n");
    assert_eq!(stderr(&out), "");
    // Undoing says nothing of subtasks.
    let out = planwright(&["undo", "p.md", "T010 Import"], dir.path());
    assert_eq!(stderr(&out), "");
}

/// Ticking a parent's last open subtask notes that the parent can be
/// ticked too, with the command (quoted where a shell would misread the
/// name), and `next` marks it; optional subtasks left open do not hold
/// it back, and a parent ticked in the same command, or already done, is
/// not named.
#[test]
fn done_notes_a_parent_whose_subtasks_are_all_done() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# P\n\n- [ ] 1. Set up\n  - [x] 1.1 Repo\n  - [ ] 1.2 CI\n  - [ ]* 1.3 Docs\n\
                - [ ] Build\n  - [ ] Model\n- [ ] 3. Ship\n  - [ ] 3.1 Tag\n";
    write(dir.path(), "p.md", plan);
    let out = planwright(&["done", "p.md", "1.2"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "note: 1 has no open subtask left but 1 optional one; tick it too with `planwright done p.md 1`\n"
    );
    // `next` offers it so, in the terminal and the JSON.
    let next = planwright(&["next", "p.md", "-n", "1"], dir.path());
    assert_eq!(
        stdout(&next),
        "p.md\n  ready\n    1  Set up  (subtasks done)\n… and 3 more (-n 4 to see them)\n"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &planwright(&["next", "p.md", "--format", "json"], dir.path()).stdout,
    )
    .expect("json");
    assert_eq!(json["tasks"][0]["subtasks_done"], true);
    assert!(json["tasks"][1].get("subtasks_done").is_none(), "{json}");
    let out = planwright(&["done", "p.md", "Model"], dir.path());
    assert_eq!(
        stderr(&out),
        "note: #5 has no open subtask left; tick it too with `planwright done p.md '#5'`\n"
    );
    let out = planwright(&["done", "p.md", "3", "3.1"], dir.path());
    assert_eq!(stderr(&out), "");
}

/// A note names the first three open subtasks, then only says there are
/// more: `lint` lists them all.
#[test]
fn a_note_names_three_subtasks_then_more() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# P\n\n- [ ] T010 Import\n  - [ ] T011 a\n  - [ ] T012 b\n  - [ ] T013 c\n  - [ ] T014 d\n";
    write(dir.path(), "p.md", plan);
    let out = planwright(&["done", "p.md", "T010"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "note: T010 still has 4 open subtasks: T011, T012, T013, …\n"
    );
}
