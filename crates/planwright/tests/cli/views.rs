//! `status`, `next` and `graph` on every example, on a folder of plans,
//! and a dependency cycle; percentages, and control characters in plans.

use std::fmt::Write as _;

use crate::edit::copy_example;
use crate::support::transcript as run;
use crate::support::{examples, folder_of_examples, planwright, write};

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
    // Labelled as every message is, by what its exit code says.
    assert!(
        snap.contains("\nstderr| planwright: error: plan.md:5:19: dependency cycle: Phase 1 → "),
        "{snap}"
    );
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
        "# Plan\n\n## Phase 1: Say \"hi\"\n\n- [ ] T001 Return &lt;b&gt; & #1; as text\n- [ ] \\`cargo test` passes\n- [ ] T003 Keep 100% %%{init: {}}%% intact\n",
    )
    .expect("write");
    let out = run(&["graph", "plan.md"], dir.path());
    // Labels read as the plan reads rendered, so the `<` and the leading
    // backtick are written as references and escapes in the plan.
    assert!(out.contains(r#"["Phase 1: Say #quot;hi#quot;"]"#), "{out}");
    assert!(
        out.contains(r#"["T001 Return #60;b#62; & #35;1; as text"]"#),
        "{out}"
    );
    assert!(out.contains(r##"["#96;cargo test` passes"]"##), "{out}");
    // Mermaid strips `%%…` from a label as a directive or comment.
    assert!(
        out.contains(r#"["T003 Keep 100#37; #37;#37;{init: {}}#37;#37; intact"]"#),
        "{out}"
    );
}

/// A folder holding `files` (name, content).
fn plans(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, content) in files {
        write(dir.path(), name, content);
    }
    dir
}

#[test]
fn next_waits_for_what_the_plan_says() {
    let dir = plans(&[
        (
            "incomplete.md",
            "# Tasks: X\n\n## Phase 1: Setup\n\n**Status:** Incomplete\n\n- [ ] T001 Create project\n\n## Phase 2: Build\n\n**Dependencies:** Phase 1\n\n- [ ] T002 Build core\n",
        ),
        (
            "overview.md",
            "# Plan: X\n\n## Overview\n\n### Phase 1: Setup\nSummary.\n\n## Tasks\n\n### Phase 1: Setup\n\n- [ ] T001 Create project\n\n### Phase 2: Build\n\n**Dependencies:** Phase 1\n\n- [ ] T002 Build core\n",
        ),
        (
            "subtask.md",
            "# Tasks: X\n\n## Phase 1: Work\n\n- [ ] T001 Foundation\n- [ ] T002 Feature (depends on T001)\n  - [ ] T003 Sub-part\n",
        ),
        (
            "arrow.md",
            "# Tasks: X\n\n## Phase 1: Work\n\n- [ ] T001 Define the schema\n- [ ] T002 Rename `a` -> `b` (follows T001)\n",
        ),
        (
            "itself.md",
            "# Tasks: X\n\n## Phase 1: Work\n\n- [ ] T001 One (depends on T001)\n",
        ),
    ]);
    let mut snap = String::new();
    for name in [
        "incomplete.md",
        "overview.md",
        "subtask.md",
        "arrow.md",
        "itself.md",
    ] {
        snap.push_str(&run(&["next", name], dir.path()));
        snap.push('\n');
    }
    snap.push_str(&run(&["graph", "arrow.md"], dir.path()));
    snap.push('\n');
    snap.push_str(&run(
        &["graph", "itself.md", "--format", "json"],
        dir.path(),
    ));
    insta::assert_snapshot!("next_waits_for_what_the_plan_says", snap);
}

#[test]
fn graph_node_ids_are_unique_and_edges_name_them() {
    let dir = plans(&[(
        "overview.md",
        "# Plan: X\n\n## Overview\n\n### Phase 1: Setup\nSummary.\n\n## Tasks\n\n### Phase 1: Setup\n\n- [ ] T001 Create project\n\n### Phase 2: Build\n\n**Dependencies:** Phase 1\n\n- [ ] T002 Build core\n",
    )]);
    let out = planwright(&["graph", "overview.md", "--format", "json"], dir.path());
    assert!(out.status.success());
    let graph: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let ids: Vec<&str> = graph["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["Phase 1", "Phase 1 (2)", "Phase 2", "T001", "T002"]);
    let edges: Vec<(&str, &str)> = graph["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| {
            (
                e["from"].as_str().expect("from"),
                e["to"].as_str().expect("to"),
            )
        })
        .collect();
    assert_eq!(edges, [("Phase 1", "Phase 2"), ("Phase 1 (2)", "Phase 2")]);
    assert_eq!(graph["nodes"][3]["parent"], "Phase 1 (2)");
}

#[test]
fn next_and_graph_read_hedged_statuses_grouped_chains_and_parents_alike() {
    let dir = plans(&[
        (
            "hedged.md",
            "# Plan: X\n\n### Phase 1: Setup\n\n**Status:** Nothing done yet\n\n### Phase 2: Build\n\n**Dependencies:** Phase 1\n\n- [ ] T002 Build core\n",
        ),
        (
            "fan.md",
            "# Plan: X\n\n- [ ] T001 a\n- [ ] T002 b\n- [ ] T003 c\n- [ ] T004 d\n\nT001 → (T002, T003)\n\nT002, T003 → T004\n",
        ),
        (
            "parent.md",
            "# Plan: X\n\n- [ ] T001 Parent (depends on T002)\n  - [ ] T002 Child (depends on T001)\n",
        ),
    ]);
    let next = |name: &str| {
        let out = planwright(&["next", name, "--format", "json"], dir.path());
        assert!(out.status.success(), "{name}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        json["tasks"]
            .as_array()
            .expect("tasks")
            .iter()
            .map(|t| t["id"].as_str().expect("id").to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(next("hedged.md"), Vec::<String>::new());
    assert_eq!(next("fan.md"), ["T001"]);
    assert_eq!(next("parent.md"), ["T002"]);
    let graph = |name: &str| {
        let out = planwright(&["graph", name, "--format", "json"], dir.path());
        assert!(out.status.success(), "{name}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(json["cycle"], serde_json::Value::Null, "{name}");
        json["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .map(|e| {
                format!(
                    "{}>{}",
                    e["from"].as_str().unwrap_or(""),
                    e["to"].as_str().unwrap_or("")
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        graph("fan.md"),
        ["T001>T002", "T001>T003", "T002>T004", "T003>T004"]
    );
    assert_eq!(graph("parent.md"), ["T002>T001"]);
    let lint = planwright(&["lint", "parent.md", "--select", "PW207"], dir.path());
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stdout)
    );
}

#[test]
fn next_n_0_counts_what_can_start() {
    let dir = plans(&[(
        "plan.md",
        "# Tasks: X\n\n## Phase 1: Work\n\n- [ ] T001 [P] a\n- [ ] T002 b (depends on T001)\n- [ ] T003 [P] c\n",
    )]);
    let out = run(&["next", "plan.md", "-n", "0"], dir.path());
    assert_eq!(
        out,
        "$ planwright next plan.md -n 0\nexit 0\n2 tasks can start now (use -n to list them)\n\
         1 open task waits for others (use -n with --waiting to list them)\n"
    );
    let json = planwright(
        &["next", "plan.md", "-n", "0", "--format", "json"],
        dir.path(),
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(json["tasks"], serde_json::json!([]));
    assert_eq!(json["more"], 2);
    assert_eq!(json["waiting"], serde_json::json!([]));
    assert_eq!(json["waiting_more"], 0);
    assert_eq!(json["blocked"], serde_json::json!([]));
    assert_eq!(json["blocked_more"], 1);
}

#[test]
fn labels_are_never_empty_and_read_entities_as_rendered() {
    let dir = plans(&[
        ("empty.md", "# Plan\n\n- [ ] First\n- [ ]  \n"),
        (
            "entity.md",
            "# T\n\n## Phase 1: A\n\n- [x] T001 a &amp; b\n",
        ),
    ]);
    let mermaid = run(&["graph", "empty.md"], dir.path());
    assert!(mermaid.contains("\n  t1[\"#35;2\"]\n"), "{mermaid}");
    assert!(!mermaid.contains("[\"\"]"), "{mermaid}");
    // `a &amp; b` reads `a & b`, which dot is given as `&amp;`.
    let dot = run(&["graph", "entity.md", "--format", "dot"], dir.path());
    assert!(dot.contains("t0 [label=\"✓ T001 a &amp; b\"];"), "{dot}");
    let mermaid = run(&["graph", "entity.md"], dir.path());
    assert!(mermaid.contains("t0[\"✓ T001 a & b\"]"), "{mermaid}");
}

#[test]
fn status_stops_short_of_100_and_aligns_wide_titles() {
    let mut almost = String::from("# Tasks: Round\n\n## Phase 1: A\n\n");
    for i in 1..=200 {
        let mark = if i == 200 { ' ' } else { 'x' };
        let _ = writeln!(almost, "- [{mark}] T{i:03} t");
    }
    let dir = plans(&[
        ("almost.md", &almost),
        (
            "wide.md",
            "# Tasks: 中文\n\n## Phase 1: 初回セットアップ\n\n- [ ] T001 a\n\n## Phase 2: Polish\n\n- [x] T002 b\n",
        ),
    ]);
    let mut snap = run(&["status", "almost.md"], dir.path());
    snap.push('\n');
    snap.push_str(&run(&["status", "wide.md"], dir.path()));
    insta::assert_snapshot!("status_stops_short_of_100_and_aligns_wide_titles", snap);
    let json = planwright(&["status", "almost.md", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(json["total"]["percent"], 99.5);
}

#[test]
fn percentages_round_to_one_decimal_short_of_the_ends_in_every_output() {
    let mut almost = String::from("# Tasks: Round\n\n## Phase 1: A\n\n");
    for i in 1..=2000 {
        let mark = if i == 2000 { ' ' } else { 'x' };
        let _ = writeln!(almost, "- [{mark}] T{i:04} t");
    }
    let dir = plans(&[
        ("almost.md", &almost),
        (
            "thirds.md",
            "# Tasks: Thirds\n\n- [x] T001 a\n- [x] T002 b\n- [ ] T003 c\n",
        ),
        ("none.md", "# Tasks: None\n\nNothing yet.\n"),
    ]);
    let json = |args: &[&str]| -> serde_json::Value {
        let out = planwright(args, dir.path());
        assert!(out.status.success(), "{args:?}");
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let status = json(&["status", "almost.md", "--format", "json"]);
    assert_eq!(status["total"]["percent"], 99.9);
    assert_eq!(status["plans"][0]["progress"]["percent"], 99.9);
    assert_eq!(status["plans"][0]["phases"][0]["progress"]["percent"], 99.9);
    let show = json(&["show", "almost.md", "--format", "json"]);
    assert_eq!(show["progress"]["percent"], 99.9);
    assert_eq!(show["phases"][0]["progress"]["percent"], 99.9);
    let thirds = json(&["status", "thirds.md", "--format", "json"]);
    assert_eq!(thirds["total"]["percent"], 66.7);
    let none = json(&["status", "none.md", "--format", "json"]);
    assert_eq!(none["total"]["percent"], 0.0);
    // Both human outputs round to a whole percent, short of 100% until
    // all are done.
    let shown = run(&["show", "almost.md"], dir.path());
    assert!(
        shown.contains("tasks     1999/2000 done (99%)\n"),
        "{shown}"
    );
    let status = run(&["status", "almost.md"], dir.path());
    assert!(status.contains("1999/2000  99%"), "{status}");
}

#[test]
fn next_takes_a_folder_and_looks_for_plans_under_it() {
    let dir = plans(&[
        (
            "specs/001-a/plan.md",
            "# Plan: A\n\n## Phase 1: Work\n\n- [ ] T001 Alpha\n",
        ),
        (
            "specs/002-b/tasks.md",
            "# Tasks: B\n\n## Phase 1: Work\n\n- [x] T001 Done\n- [ ] T002 Beta\n",
        ),
        (
            "docs/plan.md",
            "# Plan: Elsewhere\n\n- [ ] T001 Outside the folder\n",
        ),
    ]);
    std::fs::write(dir.path().join("planwright.toml"), "").expect("write");
    let folder = run(&["next", "specs"], dir.path());
    assert_eq!(
        folder,
        "$ planwright next specs\nexit 0\n\
         specs/001-a/plan.md\n  ready\n    T001  Alpha  (Phase 1)\n\
         specs/002-b/tasks.md\n  ready\n    T002  Beta  (Phase 1)\n"
    );
    // The whole repository, as with no argument.
    let everything = run(&["next", "."], dir.path());
    assert!(everything.contains("Outside the folder"), "{everything}");
    let json = planwright(&["next", "specs/", "--format", "json"], dir.path());
    assert!(json.status.success());
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(json["tasks"].as_array().map(Vec::len), Some(2), "{json}");
    // A folder without plans has nothing to do, as a repository would,
    // and says it found no plan, as `lint` does.
    std::fs::create_dir(dir.path().join("empty")).expect("mkdir");
    let empty = run(&["next", "empty"], dir.path());
    assert_eq!(
        empty,
        "$ planwright next empty\nexit 0\nnothing to do: no tasks\n\
         stderr| planwright: warning: no plan files found in empty (a folder is searched for files named like plans: `plan.md`, `tasks.md`, `*-plan.md`, `plan_v2.md`, `specs/*/plan.md`, `.kiro/specs/**` …; `planwright init` writes the whole list into planwright.toml, and `[plans] include` there changes it; a file named on the command line is always read)\n"
    );
}

#[test]
fn next_over_plans_names_each_plan_once_with_work_in_progress_first() {
    let dir = plans(&[
        (
            "specs/001-a/tasks.md",
            "# Tasks: A\n\n- [ ] T001 Alpha\n- [ ] T002 Alpha two\n",
        ),
        (
            "specs/002-b/tasks.md",
            "# Tasks: B\n\n- [ ] T001 Beta\n- [-] T002 Beta under way\n",
        ),
    ]);
    std::fs::write(dir.path().join("planwright.toml"), "").expect("write");
    // B holds the only task in progress: it comes first, and its ready
    // task is listed under it rather than under a second "B" header.
    let out = run(&["next", "specs"], dir.path());
    assert_eq!(
        out,
        "$ planwright next specs\nexit 0\n\
         specs/002-b/tasks.md\n  in progress\n    T002  Beta under way\n  ready\n    T001  Beta\n\
         specs/001-a/tasks.md\n  ready\n    T001  Alpha\n    T002  Alpha two\n"
    );
    // JSON keeps the order of urgency across plans, for an agent that
    // takes the first task: the task under way, then the plans in order.
    let json = planwright(&["next", "specs", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let order: Vec<String> = json["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| {
            format!(
                "{} {}",
                t["path"].as_str().unwrap_or(""),
                t["id"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            "specs/002-b/tasks.md T002",
            "specs/001-a/tasks.md T001",
            "specs/001-a/tasks.md T002",
            "specs/002-b/tasks.md T001",
        ]
    );
}

#[test]
fn next_names_a_cycle_its_list_leaves_out() {
    let dir = plans(&[(
        "plan.md",
        "# Plan: C\n\n## Phase 1: A\n\n- [ ] T001 a (depends on T002)\n- [ ] T002 b (depends on T001)\n- [ ] T003 c\n",
    )]);
    // T003 can start; T001 and T002 never can: counted as waiting, and
    // named in the warning.
    assert_eq!(
        run(&["next", "plan.md"], dir.path()),
        "$ planwright next plan.md\nexit 0\n\
         plan.md\n  ready\n    T003  c  (Phase 1)\n\
         2 open tasks wait for others (--waiting to list them)\n\
         stderr| planwright: warning: plan.md:5:1: dependency cycle: T001 → T002 → T001; its tasks can never start\n"
    );
}

/// A plan whose title, status, phase, tasks, risks and section headings
/// hold C0 controls, DEL and C1 controls (not NUL: a file with one is no
/// text file, see `file_kinds`).
const HOSTILE: &str = "# Plan: A\x1b]0;pwned\x07\x1b[2J\n\n**Status:** Draft\x01x\u{9b}31m\n\n## Risks\n\n| Risk | Mitigation |\n|---|---|\n| Boom\x1b[2J\u{9b}31m |  |\n\n## Empty \x7f\x1b[5m\n\n## Phase 1: Setup\x08\x08\x08\x08Owned\n\n- [ ] T001 a\x1b[31mred\n- [ ] T002 b\u{85}c\r\n";

#[test]
fn control_characters_in_plans_are_shown_not_sent() {
    let dir = plans(&[("e-plan.md", HOSTILE)]);
    let mut snap = String::new();
    for args in [
        &["show", "e-plan.md"][..],
        &["status", "e-plan.md"],
        &["status", "."],
        &["next", "e-plan.md"],
        &["graph", "e-plan.md"],
        &["graph", "e-plan.md", "--format", "dot"],
        &["lint", "e-plan.md", "--format", "concise"],
        &["lint", "e-plan.md", "--format", "github"],
        &["lint", "e-plan.md", "--format", "human"],
    ] {
        let out = run(args, dir.path());
        let sent: Vec<char> = out
            .chars()
            .filter(|&c| c.is_control() && c != '\n')
            .collect();
        assert!(sent.is_empty(), "{args:?} sent {sent:?}:\n{out}");
        snap.push_str(&out);
        snap.push('\n');
    }
    assert!(snap.contains("A␛]0;pwned␇␛[2J"), "{snap}");
    insta::assert_snapshot!("control_characters_in_plans", snap);
    // JSON escapes control characters itself, and keeps the text exact.
    let json = |args: &[&str]| -> serde_json::Value {
        let out = planwright(args, dir.path());
        assert!(out.status.success(), "{args:?}");
        assert!(!out.stdout.contains(&0x1b), "{args:?}");
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let show = json(&["show", "e-plan.md", "--format", "json"]);
    assert_eq!(show["title"], "A\x1b]0;pwned\x07\x1b[2J");
    assert_eq!(show["metadata"][0]["value"], "Draft\u{1}x\u{9b}31m");
    let status = json(&["status", "e-plan.md", "--format", "json"]);
    assert_eq!(status["plans"][0]["tasks"][0]["text"], "a\x1b[31mred");
    let next = json(&["next", "e-plan.md", "--format", "json"]);
    assert_eq!(next["tasks"][1]["text"], "b\u{85}c");
    let graph = json(&["graph", "e-plan.md", "--format", "json"]);
    assert_eq!(graph["nodes"][0]["title"], "Setup\x08\x08\x08\x08Owned");
}

/// A subtask's node names the task it belongs to, beside its phase.
#[test]
fn graph_names_a_subtasks_parent_task() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# P\n\n## Phase 1: Tests\n\n- [ ] T001 Write tests for\n  - [ ] T002 the parser\n- [ ] T001 Again\n  - [ ] the rest\n";
    write(dir.path(), "plan.md", plan);
    let out = planwright(&["graph", "plan.md", "--format", "json"], dir.path());
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let nodes: Vec<_> = json["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| {
            (
                n["id"].clone(),
                n["parent"].clone(),
                n.get("parent_task").cloned(),
            )
        })
        .collect();
    let s = |s: &str| serde_json::Value::from(s);
    assert_eq!(
        nodes,
        [
            (s("Phase 1"), serde_json::Value::Null, None),
            (s("T001 (1)"), s("Phase 1"), None),
            (s("T002"), s("Phase 1"), Some(s("T001 (1)"))),
            (s("T001 (2)"), s("Phase 1"), None),
            // The repeated id's node, by its unique name.
            (s("#4"), s("Phase 1"), Some(s("T001 (2)"))),
        ]
    );
}

/// With standard error a pipe nobody reads (`planwright status DIR 2>&1 |
/// head -1` once `head` is gone), the errors it would print are dropped
/// and the run ends with its own exit code: no panic, no 101.
#[test]
fn a_closed_stderr_is_no_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good-plan.md", "# P\n\n- [ ] T001 a\n");
    std::fs::write(dir.path().join("broken-plan.md"), b"# P\n\n- [ ] caf\xe9\n").expect("write");
    for args in [
        &["status", "."][..],
        &["next", "."],
        &["lint", "."],
        &["graph", "broken-plan.md"],
    ] {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_planwright"))
            .args(args)
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(writer)
            .status()
            .expect("run planwright");
        assert_eq!(out.code(), Some(2), "{args:?}");
    }
}
