//! `--diff` on `done`, `undo`, `set` and `log`: the change as a patch on
//! standard output, the report on standard error, and the plan untouched.

use crate::support::{planwright, stderr, stdout, write};

const PLAN: &str = "# Plan: P\n\n**Status:** Draft\n\n## Phase 1: A\n\n- [ ] T001 a\n- [x] T002 b\n\n## Progress Log\n\n- 2024-03-01: started\n";

/// Runs `args` on a fresh `plan.md`: exit code, stdout, stderr, and
/// whether the plan is as it was.
fn preview(args: &[&str]) -> (Option<i32>, String, String, bool) {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.md", PLAN);
    let out = planwright(args, dir.path());
    let after = std::fs::read_to_string(dir.path().join("plan.md")).expect("read");
    (out.status.code(), stdout(&out), stderr(&out), after == PLAN)
}

#[test]
fn each_edit_shows_its_patch_and_writes_nothing() {
    let (code, out, err, same) = preview(&["done", "plan.md", "T001", "--diff"]);
    assert_eq!((code, same), (Some(0), true));
    assert_eq!(
        out,
        "--- a/plan.md\n+++ b/plan.md\n@@ -4,7 +4,7 @@\n \n ## Phase 1: A\n \n-- [ ] T001 a\n+- [x] T001 a\n - [x] T002 b\n \n ## Progress Log\n"
    );
    assert_eq!(err, "T001 done: a\nnothing written (--diff)\n");

    let (code, out, err, same) = preview(&["undo", "plan.md", "T002", "--diff"]);
    assert_eq!((code, same), (Some(0), true));
    assert!(out.contains("\n-- [x] T002 b\n+- [ ] T002 b\n"), "{out}");
    assert_eq!(err, "T002 open: b\nnothing written (--diff)\n");

    let (code, out, err, same) = preview(&["set", "plan.md", "status", "Done", "--diff"]);
    assert_eq!((code, same), (Some(0), true));
    assert!(
        out.contains("\n-**Status:** Draft\n+**Status:** Done\n"),
        "{out}"
    );
    assert_eq!(err, "set status: Done\nnothing written (--diff)\n");

    let (code, out, err, same) =
        preview(&["log", "plan.md", "more", "--date", "2024-03-05", "--diff"]);
    assert_eq!((code, same), (Some(0), true));
    assert!(
        out.ends_with(" - 2024-03-01: started\n+- 2024-03-05: more\n"),
        "{out}"
    );
    assert_eq!(err, "logged 2024-03-05: more\nnothing written (--diff)\n");
}

#[test]
fn a_preview_of_nothing_or_of_a_refused_edit_prints_no_patch() {
    // Already done: no change, no patch.
    let (code, out, err, same) = preview(&["done", "plan.md", "T002", "--diff"]);
    assert_eq!((code, out.as_str(), same), (Some(0), "", true));
    assert_eq!(err, "T002 already done: b\nnothing written (--diff)\n");
    // A preview fails where the write would, with the same error.
    let (code, out, err, same) = preview(&["done", "plan.md", "T009", "--diff"]);
    assert_eq!((code, out.as_str(), same), (Some(2), "", true));
    assert!(err.contains("plan.md: no task has the id `T009`"), "{err}");
}
