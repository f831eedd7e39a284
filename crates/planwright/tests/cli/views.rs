//! `status`, `next` and `graph` on every example, on a folder of plans,
//! and a dependency cycle.

use std::fmt::Write as _;

use crate::edit::copy_example;
use crate::support::{examples, folder_of_examples, planwright};

fn run(args: &[&str], cwd: &std::path::Path) -> String {
    let out = planwright(args, cwd);
    let mut s = format!(
        "$ planwright {}\nexit {}\n",
        args.join(" "),
        out.status.code().unwrap_or(-1)
    );
    s.push_str(&String::from_utf8_lossy(&out.stdout));
    for line in String::from_utf8_lossy(&out.stderr).lines() {
        let _ = writeln!(s, "stderr| {line}");
    }
    s
}

#[test]
fn status_next_graph_on_every_example() {
    for name in examples() {
        let dir = copy_example(&name);
        let mut snap = String::new();
        for args in [
            vec!["status", name.as_str()],
            vec!["next", name.as_str()],
            vec!["next", name.as_str(), "-n", "3"],
            vec!["graph", name.as_str()],
            vec!["graph", name.as_str(), "--format", "dot"],
        ] {
            snap.push_str(&run(&args, dir.path()));
            snap.push('\n');
        }
        insta::assert_snapshot!(format!("views_{name}"), snap);
    }
}

#[test]
fn json_views_reuse_the_task_objects() {
    let name = "speckit-tasks.md";
    let dir = copy_example(name);
    let status = planwright(&["status", "--format", "json", name], dir.path());
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).expect("json");
    insta::assert_json_snapshot!("status_json_speckit_tasks", status);
    let next = planwright(&["next", "--format", "json", name], dir.path());
    let next: serde_json::Value = serde_json::from_slice(&next.stdout).expect("json");
    insta::assert_json_snapshot!("next_json_speckit_tasks", next);
    let graph = planwright(&["graph", "--format", "json", name], dir.path());
    let graph: serde_json::Value = serde_json::from_slice(&graph.stdout).expect("json");
    insta::assert_json_snapshot!("graph_json_speckit_tasks", graph);
}

#[test]
fn a_folder_of_plans() {
    // Every Markdown file is a plan here, the broken one included.
    let dir = folder_of_examples();
    std::fs::write(dir.path().join("broken.md"), b"# Bad\n\xff\n").expect("write");
    let mut snap = run(&["status", "."], dir.path());
    snap.push('\n');
    snap.push_str(&run(&["next", "-n", "8"], dir.path()));
    insta::assert_snapshot!("views_folder", snap);
}

#[test]
fn a_cycle_is_reported_with_its_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("plan.md"),
        "# Plan\n\n## Phase 1: A\n\n**Dependencies:** Phase 3\n\n- [ ] T001 a\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T002 b\n\n## Phase 3: C\n\n**Dependencies:** Phase 2\n\n- [ ] T003 c (depends on T002)\n",
    )
    .expect("write");
    let mut snap = run(&["graph", "plan.md"], dir.path());
    snap.push('\n');
    snap.push_str(&run(&["next", "plan.md"], dir.path()));
    insta::assert_snapshot!("graph_cycle", snap);
}

#[test]
fn one_plan_is_counted_as_one_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("specs/001-a");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(
        folder.join("plan.md"),
        "# Plan: A\n\n- [x] T001 a\n- [ ] T002 b\n",
    )
    .expect("write");
    let out = run(&["status", "."], dir.path());
    let totals = out.lines().last().unwrap_or_default();
    assert!(totals.starts_with("1 plan "), "{out}");
}

#[test]
fn mermaid_labels_escape_what_mermaid_would_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("plan.md"),
        "# Plan\n\n## Phase 1: Say \"hi\"\n\n- [ ] T001 Return <b> & #1; as text\n- [ ] `cargo test` passes\n",
    )
    .expect("write");
    let out = run(&["graph", "plan.md"], dir.path());
    assert!(out.contains(r#"["Phase 1: Say #quot;hi#quot;"]"#), "{out}");
    assert!(
        out.contains(r#"["T001 Return #60;b#62; & #35;1; as text"]"#),
        "{out}"
    );
    assert!(out.contains(r##"["#96;cargo test` passes"]"##), "{out}");
}
