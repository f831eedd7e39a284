//! `graph`'s nodes say what `show` and `status` know (kinds, finished
//! phases, subtasks), and its labels read as the plan reads rendered; a
//! phase depending on itself is a cycle to `graph` and `next` alike.

use std::fmt::Write as _;

use serde_json::Value;

use crate::support::{planwright, stderr, stdout, write};

/// A folder holding `plan.md` with `content`.
fn plan(content: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.md", content);
    dir
}

fn json(args: &[&str], dir: &tempfile::TempDir) -> Value {
    let out = planwright(args, dir.path());
    assert!(out.status.success(), "{args:?}");
    serde_json::from_slice(&out.stdout).expect("json")
}

/// What `graph plan.md` prints in each format, after a `$` line naming it.
fn drawings(dir: &tempfile::TempDir) -> String {
    let mut snap = String::new();
    for format in ["mermaid", "dot"] {
        let out = planwright(&["graph", "plan.md", "--format", format], dir.path());
        assert!(out.status.success(), "{format}");
        let _ = writeln!(snap, "$ planwright graph plan.md --format {format}");
        snap.push_str(&stdout(&out));
    }
    snap
}

const SET_ASIDE: &str = "# S\n\n## Phase 1: Work\n- [ ] real\n  - [ ] sub\n\n## Out of scope\n- [ ] later\n\n## Progress Log\n### 2025-03-04\n- [x] shipped the beta\n\n## Phase 2: Done ✅\n";

#[test]
fn nodes_carry_the_kind_show_gives_and_finished_phases_are_marked() {
    let dir = plan(SET_ASIDE);
    let graph = json(&["graph", "plan.md", "--format", "json"], &dir);
    let show = json(&["show", "plan.md", "--format", "json"], &dir);
    let status = json(&["status", "plan.md", "--format", "json"], &dir);
    let nodes = graph["nodes"].as_array().expect("nodes");
    let kinds = |of: &[Value], id: &str| -> Vec<(String, String)> {
        of.iter()
            .map(|n| {
                (
                    n[id].as_str().expect("id").to_owned(),
                    n["kind"].as_str().expect("kind").to_owned(),
                )
            })
            .collect()
    };
    let tasks = show["tasks"].as_array().expect("tasks");
    let task_kinds = kinds(tasks, "id");
    assert_eq!(kinds(&nodes[2..], "id"), task_kinds);
    assert!(task_kinds.contains(&("#3".to_owned(), "deferred".to_owned())));
    assert!(task_kinds.contains(&("#4".to_owned(), "logged".to_owned())));
    // A phase is done in the graph when `status` says it is finished.
    let phases = status["plans"][0]["phases"].as_array().expect("phases");
    let finished: Vec<(&Value, &Value)> =
        phases.iter().map(|p| (&p["id"], &p["finished"])).collect();
    let done: Vec<(&Value, &Value)> = nodes[..2].iter().map(|n| (&n["id"], &n["done"])).collect();
    assert_eq!(done, finished);
    assert_eq!(nodes[1]["done"], true);
    insta::assert_snapshot!("graph_set_aside_finished_and_subtasks", drawings(&dir));
}

#[test]
fn a_subtask_is_joined_to_its_parent_by_no_dependency() {
    // The subtask waits for nothing (it is part of its parent), the parent
    // for the subtask: a line between them must make no cycle of that.
    let dir =
        plan("# P\n\n- [ ] T001 Parent (depends on T002)\n  - [ ] T002 Child (depends on T001)\n");
    let out = planwright(&["graph", "plan.md"], dir.path());
    assert!(out.status.success());
    let mermaid = stdout(&out);
    assert!(
        mermaid.contains("\n  t0 -.- t1\n  t1 --> t0\n"),
        "{mermaid}"
    );
    let out = planwright(&["graph", "plan.md", "--format", "dot"], dir.path());
    assert!(out.status.success());
    let dot = stdout(&out);
    assert!(
        dot.contains("\n  t0 -> t1 [style=dashed, dir=none];\n  t1 -> t0;\n"),
        "{dot}"
    );
    let graph = json(&["graph", "plan.md", "--format", "json"], &dir);
    assert_eq!(
        graph["edges"],
        serde_json::json!([{"from": "T002", "to": "T001"}])
    );
    assert_eq!(graph["cycles"], serde_json::json!([]));
    assert_eq!(graph["nodes"][1]["parent_task"], "T001");
}

#[test]
fn labels_read_as_the_rendered_plan() {
    let dir = plan(concat!(
        "# P\n\n",
        "## Phase 1: A & <b>html</b> end &copy;\n",
        "- [ ] T001 tab\there &amp; <i>kept</i> **bold** `a &amp; b`\n\n",
        "**Phase 2: Bold <b>html</b> &amp; `*code*`**\n",
        "- [ ] T002 two\n\n",
        "## Phase 3: Code `*x*` and `&amp;` &lt;\n",
        "- [ ] T003 three\n",
    ));
    let snap = drawings(&dir);
    for line in [
        "subgraph p0[\"Phase 1: A & html end ©\"]",
        "t0[\"T001 tab here & kept bold a #38;amp; b\"]",
        "subgraph p1[\"Phase 2: Bold html & *code*\"]",
        // The `&` in code keeps the heading's references as written.
        "subgraph p2[\"Phase 3: Code *x* and #38;amp; #38;lt;\"]",
        "label=\"Phase 1: A &amp; html end ©\";",
        "t0 [label=\"T001 tab here &amp; kept bold a &amp;amp; b\"];",
        "label=\"Phase 2: Bold html &amp; *code*\";",
    ] {
        assert!(snap.contains(line), "{line}\n{snap}");
    }
    assert!(!snap.contains('␉'), "{snap}");
    // JSON keeps the text as written.
    let graph = json(&["graph", "plan.md", "--format", "json"], &dir);
    assert_eq!(
        graph["nodes"][3]["title"],
        "tab\there &amp; <i>kept</i> **bold** `a &amp; b`"
    );
}

#[test]
fn a_plan_without_phases_names_each_tasks_section_in_json_as_the_drawings_box_it() {
    let dir = plan(
        "# Todo\n\n## Task 1: Config\n\n- [ ] add field\n- [x] parse it\n\n## Task 2: Launcher\n\n- [ ] inject env\n",
    );
    let doc = json(&["graph", "plan.md", "--format", "json"], &dir);
    let groups: Vec<(&str, Option<&str>)> = doc["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| (n["title"].as_str().unwrap_or_default(), n["group"].as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            ("add field", Some("Task 1: Config")),
            ("parse it", Some("Task 1: Config")),
            ("inject env", Some("Task 2: Launcher")),
        ]
    );
    let drawn = drawings(&dir);
    assert!(drawn.contains("subgraph s1[\"Task 1: Config\"]"), "{drawn}");
    // With phases, the phase is the node's parent and no group is given.
    let dir = plan("# P\n\n## Phase 1: Build\n\n- [ ] a\n");
    let doc = json(&["graph", "plan.md", "--format", "json"], &dir);
    assert!(doc["nodes"][1].get("group").is_none(), "{doc}");
}

#[test]
fn a_phase_depending_on_itself_is_a_cycle_and_its_tasks_never_ready() {
    let dir = plan(
        "# Plan: Kiln\n\n## Phase 1: Clay\n\n**Dependencies:** Phase 1\n\n- [ ] T010 Wedge the clay\n\n## Phase 2: Glaze\n\n- [ ] T020 Mix the glaze\n",
    );
    // As for a task naming itself: a cycle, an error to `graph` (exit 1)
    // at the dependency, and its JSON lists it.
    let out = planwright(&["graph", "plan.md", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "planwright: error: plan.md:5:19: dependency cycle: Phase 1 → Phase 1\n"
    );
    let graph: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(graph["cycles"], serde_json::json!([["Phase 1", "Phase 1"]]));
    // `next` offers only the other phase's task, and names the cycle.
    let out = planwright(&["next", "plan.md", "--format", "json"], dir.path());
    assert!(out.status.success());
    let next: Value = serde_json::from_slice(&out.stdout).expect("json");
    let ready: Vec<&str> = next["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ready, ["T020"]);
    assert_eq!(
        next["cycles"],
        serde_json::json!([{"path": "plan.md", "cycle": ["Phase 1", "Phase 1"]}])
    );
}
