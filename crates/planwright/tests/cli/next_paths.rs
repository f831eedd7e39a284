//! `next` over several plan files and folders, as `status` takes them:
//! each plan once, found by the same rules, the unreadable ones reported.

use crate::support::{json_of, transcript, write};

/// A repository of three plans, two in folders of their own, and a file
/// that is no plan of the project's (`notes/todo.md`).
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "planwright.toml", "");
    write(
        dir.path(),
        "specs/001-a/plan.md",
        "# A\n\n## Phase 1\n\n- [ ] T001 Alpha\n- [ ] T002 Alpha two (depends on T001)\n",
    );
    write(
        dir.path(),
        "specs/002-b/plan.md",
        "# B\n\n## Phase 1\n\n- [x] T001 Done\n- [ ] T002 Beta\n",
    );
    write(
        dir.path(),
        "specs/003-c/plan.md",
        "# C\n\n## Phase 1\n\n- [ ] T001 Gamma\n",
    );
    dir
}

#[test]
fn several_paths_are_read_as_status_reads_them() {
    let dir = repo();
    let mut snap = String::new();
    for args in [
        &["next", "specs/001-a/plan.md", "specs/003-c"][..],
        // Each plan once, however often and however it is named.
        &[
            "next",
            "specs/001-a",
            "specs/001-a/plan.md",
            "./specs/001-a/plan.md",
        ],
        &["next", "specs/003-c", "specs/001-a", "--waiting"],
        // A path that cannot be read is said, and the others listed.
        &["next", "specs/003-c/plan.md", "specs/nope.md"],
        &["next", "-", "specs/003-c/plan.md"],
    ] {
        snap.push_str(&transcript(args, dir.path()));
        snap.push('\n');
    }
    insta::assert_snapshot!("next_several_paths", snap);
}

#[test]
fn the_json_names_each_tasks_plan_and_counts_the_plans_named() {
    let dir = repo();
    let args = ["specs/001-a/plan.md", "specs/002-b", "specs/001-a"];
    let doc = json_of(
        &[&["next", "--format", "json"][..], &args].concat(),
        dir.path(),
    );
    let paths: Vec<&str> = doc["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| t["path"].as_str().expect("path"))
        .collect();
    assert_eq!(paths, ["specs/001-a/plan.md", "specs/002-b/plan.md"]);
    let blocked: Vec<&str> = doc["blocked"]
        .as_array()
        .expect("blocked")
        .iter()
        .map(|t| t["path"].as_str().expect("path"))
        .collect();
    assert_eq!(blocked, ["specs/001-a/plan.md"]);
    // The plans `status` reads for the same paths, and their tasks: the
    // progress is theirs, each counted once.
    let status = json_of(
        &[&["status", "--format", "json"][..], &args].concat(),
        dir.path(),
    );
    let plans: Vec<&str> = status["plans"]
        .as_array()
        .expect("plans")
        .iter()
        .map(|p| p["path"].as_str().expect("path"))
        .collect();
    assert_eq!(plans, ["specs/001-a/plan.md", "specs/002-b/plan.md"]);
    assert_eq!(doc["progress"]["total"], status["total"]["total"]);
    assert_eq!(doc["progress"]["total"], 4);
    assert_eq!(doc["errors"], serde_json::json!([]));
}
