//! Tasks written as headings (`#### [ ] T-001: …`, details and acceptance
//! boxes below): `next` offers them, `done` and `undo` tick their box, and
//! lint's task rules see them.

use crate::support::{concise, planwright, stderr, stdout, write};

const PLAN: &str = "\
# Plan: Event bus

## Phase 1: Contracts

#### [ ] T-001: Create the contracts project
**Estimate**: 2h
**Acceptance**:
- [ ] project file exists
- [ ] builds with zero dependencies

#### [ ] T-002: Define the event bus interface
**Depends on**: T-001
**Acceptance**:
- [ ] the interface is documented
";

fn read(dir: &std::path::Path) -> String {
    std::fs::read_to_string(dir.join("plan.md")).expect("read")
}

#[test]
fn next_offers_a_heading_task_by_its_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.md", PLAN);
    let out = planwright(&["next", "plan.md"], dir.path());
    assert_eq!(stderr(&out), "");
    assert_eq!(
        stdout(&out),
        "plan.md\n  ready\n    T-001  Create the contracts project  (Phase 1)\n\
         1 open task waits for others (--waiting to list them)\n"
    );
}

#[test]
fn done_and_undo_tick_the_headings_box_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.md", PLAN);
    let out = planwright(&["done", "plan.md", "T-001"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "T-001 done: Create the contracts project\n");
    // Its acceptance criteria are still open, as under a list task.
    assert_eq!(
        stderr(&out),
        "note: T-001 still has 2 open subtasks: #2, #3\n"
    );
    let ticked = PLAN.replace("#### [ ] T-001", "#### [x] T-001");
    assert_eq!(read(dir.path()), ticked);
    // T-002 waited for T-001, and is next now.
    let out = planwright(&["next", "plan.md"], dir.path());
    assert_eq!(
        stdout(&out),
        "plan.md\n  ready\n    T-002  Define the event bus interface  (Phase 1)\n"
    );
    let out = planwright(&["status", "plan.md"], dir.path());
    assert_eq!(
        stdout(&out),
        "Event bus  (plan.md)\n  overall    1/5    20%\n\n  Phase 1: Contracts    1/5    20%\n"
    );

    let out = planwright(&["undo", "plan.md", "T-001"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read(dir.path()), PLAN);
}

#[test]
fn lint_sees_heading_tasks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = "\
# Plan

## [X] T001 Set up the repository
- [ ] push the first commit

## [ ] T001 Write the parser
**Depends on**: T009
";
    write(dir.path(), "plan.md", src);
    for (code, found) in [
        ("PW205", "6:8: PW205 task id `T001` is already used"),
        (
            "PW206",
            "7:17: PW206 T001 depends on T009, which does not exist",
        ),
        (
            "PW210",
            "3:4: PW210 task `T001` is ticked while 1 of its subtasks is not",
        ),
        ("PW501", "3:4: PW501 check mark written as upper-case `X`"),
    ] {
        assert_eq!(
            concise(dir.path(), "plan.md", code),
            format!("plan.md:{found}\n")
        );
    }
    let out = planwright(
        &["lint", "plan.md", "--select", "PW501", "--fix"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read(dir.path()), src.replace("## [X]", "## [x]"));
}
