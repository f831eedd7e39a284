//! `--format json` on `done`, `undo`, `set` and `log`: per task, field or
//! entry what changed, with the notes, whether the plan was written and,
//! with `--diff`, the patch; each document valid against its schema.

use std::path::Path;

use serde_json::{Value, json};

use crate::schema::{assert_rejected, assert_valid, remove, validator_titled};
use crate::support::{planwright, stderr, stdout, write};

const TASKS: &str = "# Tasks: Export\n\n## Phase 1: Setup\n\n- [ ] T001 Set up\n  - [ ] T001.1 Config\n  - [ ] T001.2 Lint\n- [ ] T002 Schema (depends on T005)\n- [ ] T012 Write docs\n- [x] T012 Review docs\n\n## Phase 2: Build\n\n- [ ] T005 Build it\n";

/// `planwright ARGS` in `dir`, which must succeed: its JSON, and its
/// standard error.
fn json_in(dir: &Path, args: &[&str]) -> (Value, String) {
    let out = planwright(args, dir);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    let doc = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}\n{}", stdout(&out)));
    (doc, stderr(&out))
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).expect("read")
}

#[test]
fn done_names_each_task_its_states_and_the_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "tasks.md", TASKS);
    let (doc, err) = json_in(
        dir.path(),
        &[
            "done", "tasks.md", "T001", "T002", "T012 (2)", "T001.2", "--format", "json",
        ],
    );
    // The notes still go to standard error, word for word as without JSON.
    assert_eq!(
        err,
        "note: T001 still has 1 open subtask: T001.1\nnote: T002 still waits for T005; `planwright next` would not offer it yet\n"
    );
    assert_eq!(
        read(dir.path(), "tasks.md"),
        TASKS
            .replace("[ ] T001 ", "[x] T001 ")
            .replace("[ ] T001.2", "[x] T001.2")
            .replace("[ ] T002", "[x] T002")
    );
    assert_valid(&validator("done"), &doc, "done");
    insta::assert_json_snapshot!("done_json", doc);
}

#[test]
fn done_start_and_undo_give_the_state_before_and_a_preview_its_patch() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kiro = "# Tasks\n\n- [x] 1. Set up\n  - [x] 1.1 Config\n  - [-] 1.2 Lint\n";
    write(dir.path(), "tasks.md", kiro);
    let (doc, err) = json_in(
        dir.path(),
        &[
            "undo", "tasks.md", "1.1", "1.2", "--diff", "--format", "json",
        ],
    );
    assert_eq!(
        (err.as_str(), read(dir.path(), "tasks.md")),
        ("", kiro.into())
    );
    assert_valid(&validator("undo"), &doc, "undo");
    assert_eq!(
        (&doc["changed"], &doc["written"]),
        (&json!(true), &json!(false))
    );
    assert_eq!(
        doc["diff"],
        json!(
            "--- a/tasks.md\n+++ b/tasks.md\n@@ -1,5 +1,5 @@\n # Tasks\n \n - [x] 1. Set up\n-  - [x] 1.1 Config\n-  - [-] 1.2 Lint\n+  - [ ] 1.1 Config\n+  - [ ] 1.2 Lint\n"
        )
    );
    let states: Vec<(&Value, &Value, &Value)> = doc["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| (&t["id"], &t["old_state"], &t["state"]))
        .collect();
    assert_eq!(
        states,
        [
            (&json!("1.1"), &json!("done"), &json!("open")),
            (&json!("1.2"), &json!("in_progress"), &json!("open")),
        ]
    );
    // Started where it is already: nothing changes, nothing is written.
    let (doc, _) = json_in(
        dir.path(),
        &["done", "--start", "tasks.md", "1.2", "--format", "json"],
    );
    assert_valid(&validator("done"), &doc, "done --start");
    assert_eq!(
        (&doc["changed"], &doc["written"], doc.get("diff")),
        (&json!(false), &json!(false), None)
    );
    assert_eq!(doc["tasks"][0]["changed"], json!(false));
    assert_eq!(doc["tasks"][0]["state"], json!("in_progress"));
}

#[test]
fn set_gives_each_place_its_line_as_written_and_its_values() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The first value goes on over a second line, which setting it joins:
    // the second place's line is counted in the plan as set.
    let plan =
        "# P\n\n**Status:** In review,\nwaiting on legal\n**Owner:** Ann\n**Status:** Draft\n";
    write(dir.path(), "plan.md", plan);
    let (doc, err) = json_in(
        dir.path(),
        &["set", "plan.md", "Status:", "Active", "--format", "json"],
    );
    assert_eq!(err, "");
    assert_eq!(
        read(dir.path(), "plan.md"),
        "# P\n\n**Status:** Active\n**Owner:** Ann\n**Status:** Active\n"
    );
    let (added, _) = json_in(
        dir.path(),
        &[
            "set", "plan.md", "reviewer", "*Zed*", "--add", "--format", "json",
        ],
    );
    let (same, _) = json_in(
        dir.path(),
        &[
            "set", "plan.md", "owner", "Ann", "--format", "json", "--diff",
        ],
    );
    // The human report counts lines as the JSON does, in the plan as set.
    write(dir.path(), "plan.md", plan);
    let out = planwright(&["set", "plan.md", "status", "Active"], dir.path());
    assert_eq!(stdout(&out), "set status: Active (lines 3, 5)\n");
    let validator = validator("set");
    for d in [&doc, &added, &same] {
        assert_valid(&validator, d, "set");
    }
    insta::assert_json_snapshot!("set_json", json!([doc, added, same]));
    let mut bad = added;
    bad["places"][0]["line"] = json!("4");
    assert_rejected(&validator, &bad, "/places/0/line");
}

#[test]
fn log_gives_the_lines_it_writes_and_the_entry_already_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# P\n\n## Progress Log\n\n### 2026-03-04\n\n- Kickoff\n";
    write(dir.path(), "plan.md", plan);
    let log = |extra: &[&str]| {
        let mut args = vec![
            "log",
            "plan.md",
            "Deployed",
            "--date",
            "2026-03-05",
            "--format",
            "json",
        ];
        args.extend(extra);
        json_in(dir.path(), &args)
    };
    let (preview, _) = log(&["--diff"]);
    assert_eq!(read(dir.path(), "plan.md"), plan);
    let (written, err) = log(&[]);
    assert_eq!(err, "");
    assert_eq!(
        read(dir.path(), "plan.md"),
        format!("{plan}\n### 2026-03-05\n\n- Deployed\n")
    );
    let (retried, err) = log(&[]);
    assert_eq!(
        err,
        "note: plan.md:11: the log has this entry already, so it was not written again; --again writes it anyway\n"
    );
    let (again, _) = log(&["--again"]);
    assert_eq!(
        read(dir.path(), "plan.md"),
        format!("{plan}\n### 2026-03-05\n\n- Deployed\n- Deployed\n")
    );
    let validator = validator("log");
    for d in [&preview, &written, &retried, &again] {
        assert_valid(&validator, d, "log");
    }
    insta::assert_json_snapshot!("log_json", json!([preview, written, retried, again]));
    let mut bad = retried;
    remove(&mut bad["already_logged"], "text");
    assert_rejected(&validator, &bad, "/already_logged");
    let mut bad = written;
    bad["written"] = json!("yes");
    assert_rejected(&validator, &bad, "/written");
}

#[test]
fn an_edit_refused_prints_its_error_on_standard_error_and_no_json() {
    // As `show` and `new` do: one line on standard error, exit 2, nothing
    // on standard output to mistake for a result, and nothing written.
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "tasks.md", TASKS);
    for (args, error) in [
        (
            &["done", "tasks.md", "T012", "--format", "json"][..],
            "planwright: error: tasks.md: `T012` matches 2 tasks; name one by the name `next` gives it",
        ),
        (
            &["set", "tasks.md", "owner", "Ann", "--format", "json"],
            "planwright: error: tasks.md: no field `owner` in the plan header",
        ),
        (
            &["log", "tasks.md", "x", "--format", "json", "--diff"],
            "planwright: error: tasks.md: the plan has no progress-log section; use --create to add one",
        ),
    ] {
        let out = planwright(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
        assert!(stderr(&out).starts_with(error), "{}", stderr(&out));
        assert_eq!(read(dir.path(), "tasks.md"), TASKS);
    }
}

#[test]
fn each_schema_rejects_a_document_that_breaks_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "tasks.md", TASKS);
    let (doc, _) = json_in(
        dir.path(),
        &["done", "tasks.md", "T001", "--format", "json"],
    );
    let validator = validator("done");
    let mut bad = doc.clone();
    bad["tasks"][0]["old_state"] = json!(null);
    assert_rejected(&validator, &bad, "/tasks/0/old_state");
    let mut bad = doc.clone();
    bad["notes"][0]["kind"] = json!("warning");
    assert_rejected(&validator, &bad, "/notes/0");
    let mut bad = doc;
    remove(&mut bad, "path");
    assert_rejected(&validator, &bad, "");
}

/// `planwright schema NAME`, as a validator.
fn validator(name: &str) -> jsonschema::Validator {
    // `undo`'s output is `done`'s, and so is its schema.
    let title = if name == "undo" { "done" } else { name };
    validator_titled(name, &format!("planwright {title} --format json"))
}
