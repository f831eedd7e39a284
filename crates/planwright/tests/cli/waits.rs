//! Tasks waiting for phases, work in progress that waits, and phase ids a
//! plan repeats, as `show`, `status`, `next`, `graph` and `lint` see them.

use std::fmt::Write as _;

use serde_json::Value;

use crate::support::transcript as run;
use crate::support::{json_of, planwright, stderr, stdout, write};

/// A folder holding `files` (name, content).
fn plans(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, content) in files {
        write(dir.path(), name, content);
    }
    dir
}

/// The ids of the tasks `next --format json` lists as ready.
fn ready(next: &Value) -> Vec<&str> {
    next["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .filter_map(|t| t["id"].as_str())
        .collect()
}

const WAITS: &str = "# Plan: X\n\n## Phase 1: Setup\n\n- [ ] T001 Create project\n\n## Phase 2: Build\n\n- [ ] T002 Build core\n- [ ] T003 Deploy (depends on Phase 1)\n- [ ] T004 Ship\n  - Blocked by: Phase 9\n";

#[test]
fn a_wait_for_a_phase_is_shown_linted_and_drawn() {
    let dir = plans(&[("plan.md", WAITS)]);
    let show = json_of(&["show", "plan.md", "--format", "json"], dir.path());
    let waits: Vec<(String, String, String)> = show["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .flat_map(|t| {
            let waits = t["waits_for_phases"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            waits.into_iter().map(move |w| {
                let (start, end) = (
                    w["range"]["start"]["offset"].as_u64().unwrap_or(0) as usize,
                    w["range"]["end"]["offset"].as_u64().unwrap_or(0) as usize,
                );
                (
                    t["id"].as_str().unwrap_or("").to_owned(),
                    w["phase"].as_str().unwrap_or("").to_owned(),
                    WAITS[start..end].to_owned(),
                )
            })
        })
        .collect();
    let want = |t: &str, p: &str| (t.to_owned(), p.to_owned(), p.to_owned());
    assert_eq!(waits, [want("T003", "Phase 1"), want("T004", "Phase 9")]);
    // A task that waits for no phase has no such key, as `optional`.
    assert_eq!(show["tasks"][0].get("waits_for_phases"), None);

    let lint = run(&["lint", "plan.md", "--select", "PW206"], dir.path());
    assert!(
        lint.contains("T004 depends on Phase 9, which does not exist"),
        "{lint}"
    );
    assert!(!lint.contains("Phase 1, which"), "{lint}");
    let graph = run(&["graph", "plan.md"], dir.path());
    assert!(graph.contains("\n  p0 --> t2\n"), "{graph}");
    let next = json_of(&["next", "plan.md", "--format", "json"], dir.path());
    let ready = ready(&next);
    assert_eq!(ready, ["T001", "T002", "T004"]);
}

/// Phase dependencies written as sentences, in a phase and about it.
const SENTENCES: &str = "# Plan: Sync\n\n## Phase 1: Setup\n- [ ] T001 Make repo\n\n## Phase 2: Build\nPhase 2 depends on Phase 1.\n- [ ] T002 Build it\n\n## Phase 3: Ship\nThis phase depends on Phase 2.\n- [ ] T003 Ship it\n\n## Phase 4: Polish\nDepends on: Phase 3\n- [ ] T004 Polish\n";

#[test]
fn next_holds_back_phases_whose_sentences_say_they_wait() {
    let dir = plans(&[
        ("plan.md", SENTENCES),
        ("gone.md", &SENTENCES.replace("on Phase 2.", "on Phase 9.")),
    ]);
    let next = json_of(&["next", "plan.md", "--format", "json"], dir.path());
    let ready = ready(&next);
    assert_eq!(ready, ["T001"]);
    let show = json_of(&["show", "plan.md", "--format", "json"], dir.path());
    let deps: Vec<&Value> = show["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .map(|p| &p["depends_on"])
        .collect();
    assert_eq!(
        deps,
        [
            &serde_json::json!([]),
            &serde_json::json!(["Phase 1"]),
            &serde_json::json!(["Phase 2"]),
            &serde_json::json!(["Phase 3"])
        ]
    );
    let lint = run(&["lint", "gone.md", "--select", "PW206"], dir.path());
    assert!(lint.contains("gone.md:11:"), "{lint}");
    assert!(lint.contains("Phase 9, which does not exist"), "{lint}");
}

#[test]
fn a_cycle_through_what_holds_what_is_found_by_lint_and_graph_alike() {
    let files = [
        (
            "wait.md",
            "# Plan: X\n\n## Phase 1: A\n\n- [ ] T001 a (depends on Phase 2)\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T002 b\n",
        ),
        (
            "task.md",
            "# Plan: X\n\n## Phase 1: A\n\n- [ ] T001 a (depends on T002)\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T002 b\n",
        ),
        (
            "parent.md",
            "# Plan: X\n\n- [ ] T001 Parent (depends on T003)\n  - [ ] T002 Child\n- [ ] T003 c (depends on T002)\n",
        ),
        (
            "ordered.md",
            "# Plan: X\n\n## Phase 1: A\n\n- [ ] T001 a (depends on Phase 1)\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T002 b (depends on T001)\n",
        ),
        (
            "step.md",
            "# Plan: X\n\n## Phase 2: B\n\n- [ ] T001 a\n\n### Step 2.1: C\n\n**Dependencies:** Phase 2\n\n- [ ] T002 b\n",
        ),
        (
            "phases.md",
            "# Plan: X\n\n## Phase 1: A\n\n**Dependencies:** Phase 2\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n",
        ),
    ];
    let dir = plans(&files);
    for (name, _) in files {
        let graph = planwright(&["graph", name], dir.path());
        let lint = planwright(&["lint", name, "--select", "PW207"], dir.path());
        let cycle = stderr(&graph)
            .split_once("dependency cycle: ")
            .map(|(_, path)| path.trim().to_owned());
        let found = stdout(&lint);
        if let Some(path) = &cycle {
            assert!(found.contains(&format!(": {path} [")), "{name}: {found}");
            assert_eq!(graph.status.code(), Some(1), "{name}");
        } else {
            assert!(lint.status.success(), "{name}: {found}");
            assert!(graph.status.success(), "{name}");
        }
        let cyclic = ["wait.md", "task.md", "parent.md", "phases.md"].contains(&name);
        assert_eq!(cycle.is_some(), cyclic, "{name}");
    }
    let mut snap = run(&["graph", "wait.md", "--format", "json"], dir.path());
    snap.push('\n');
    snap.push_str(&run(&["lint", "wait.md", "--select", "PW207"], dir.path()));
    snap.push('\n');
    snap.push_str(&run(&["next", "wait.md"], dir.path()));
    insta::assert_snapshot!("cycle_through_a_wait", snap);
}

#[test]
fn next_lists_work_in_progress_that_still_waits() {
    let dir = plans(&[(
        "plan.md",
        "# Plan: X\n\n## Phase 1: A\n\n- [ ] T001 a\n- [ ] T002 b\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T003 c\n- [-] T004 Migrate the data (depends on T002)\n- [~] T005 e\n",
    )]);
    let mut snap = run(&["next", "plan.md"], dir.path());
    snap.push('\n');
    snap.push_str(&run(&["next", "plan.md", "-n", "1"], dir.path()));
    insta::assert_snapshot!("next_work_in_progress_that_waits", snap);
    let next = json_of(&["next", "plan.md", "--format", "json"], dir.path());
    let tasks: Vec<(&str, &str, Value)> = next["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap_or(""),
                t["state"].as_str().unwrap_or(""),
                t.get("waits_for").cloned().unwrap_or(Value::Null),
            )
        })
        .collect();
    assert_eq!(
        tasks,
        [
            (
                "T004",
                "in_progress",
                serde_json::json!(["Phase 1", "T002"])
            ),
            ("T005", "in_progress", serde_json::json!(["Phase 1"])),
            ("T001", "open", Value::Null),
            ("T002", "open", Value::Null),
        ]
    );
}

/// Phases repeated under Timeline and Implementation, and two Phase 2
/// headings among the phases with tasks.
const REPEATED: &str = "# Plan: X\n\n## Timeline\n\n### Phase 1: Setup\n\nWeek 1.\n\n### Phase 2: Build\n\nWeek 2.\n\n## Implementation\n\n### Phase 1: Setup\n\n- [ ] T001 Create project\n\n### Phase 2: Build\n\n**Dependencies:** Phase 1\n\n- [ ] T002 Build core\n\n### Phase 2: Polish\n\n**Owner:** Ana\n\n- [ ] T003 Polish\n";

#[test]
fn repeated_phase_ids_stay_apart_in_every_view() {
    let dir = plans(&[("plan.md", REPEATED)]);
    let ids = |v: &Value, key: &str| -> Vec<String> {
        v.as_array()
            .expect("a list")
            .iter()
            .map(|x| x[key].as_str().unwrap_or("-").to_owned())
            .collect()
    };
    let unique = [
        "Phase 1",
        "Phase 2",
        "Phase 1 (2)",
        "Phase 2 (2)",
        "Phase 2 (3)",
    ];
    let show = json_of(&["show", "plan.md", "--format", "json"], dir.path());
    assert_eq!(ids(&show["phases"], "id"), unique);
    // As written beside the unique id.
    assert_eq!(ids(&show["phases"], "number"), ["1", "2", "1", "2", "2"]);
    assert_eq!(
        ids(&show["tasks"], "phase"),
        ["Phase 1 (2)", "Phase 2 (2)", "Phase 2 (3)"]
    );
    let owner = show["metadata"]
        .as_array()
        .expect("metadata")
        .iter()
        .find(|m| m["key"] == "Owner")
        .map(|m| m["phase"].clone());
    assert_eq!(owner, Some(Value::from("Phase 2 (3)")));
    let status = json_of(&["status", "plan.md", "--format", "json"], dir.path());
    assert_eq!(ids(&status["plans"][0]["phases"], "id"), unique);
    assert_eq!(
        ids(&status["plans"][0]["tasks"], "phase"),
        ["Phase 1 (2)", "Phase 2 (2)", "Phase 2 (3)"]
    );
    let next = json_of(&["next", "plan.md", "--format", "json"], dir.path());
    assert_eq!(ids(&next["tasks"], "phase"), ["Phase 1 (2)", "Phase 2 (3)"]);
    // `graph` names phases as `show` does.
    let graph = json_of(&["graph", "plan.md", "--format", "json"], dir.path());
    let nodes = ids(&graph["nodes"], "id");
    assert_eq!(nodes[..5], unique);
    // On the terminal, the phase as the plan writes it, and its title
    // where two phases of that id have other titles.
    let human = run(&["next", "plan.md"], dir.path());
    assert!(
        human.contains("T001  Create project  (Phase 1)\n"),
        "{human}"
    );
    assert!(
        human.contains("T003  Polish  (Phase 2: Polish)\n"),
        "{human}"
    );
}

#[test]
fn next_says_what_each_waiting_task_waits_for() {
    let overview = "# Plan\n\n## Overview\n\n### Phase 1: Setup\n\n**Status:** Not started\n\n## Tasks\n\n### Phase 1: Setup\n\n- [x] T001 Create project\n\n### Phase 2: Build\n\n**Dependencies:** Phase 1\n\n- [ ] T002 Build API\n";
    // A cycle through phases whose ids the overview repeats: each waits
    // for both phases of the other's id, the overview's by its status.
    let cycle = "# Plan\n\n## Overview\n\n### Phase 1: Setup\n\n**Status:** Not started\n\n### Phase 2: Build\n\n**Status:** Planned\n\n## Tasks\n\n### Phase 1: Setup\n\n- [ ] T001 Create project (depends on Phase 2)\n\n### Phase 2: Build\n\n**Dependencies:** Phase 1\n\n- [ ] T002 Build API\n";
    let mut many = String::from(
        "# Plan\n\n## Phase 1: Setup\n\n- [ ] T001 Create project (depends on T009)\n\n## Phase 2: Build\n\n**Dependencies:** Phase 1\n\n",
    );
    for i in 2..=9 {
        let _ = writeln!(many, "- [ ] T00{i} Part {i}");
    }
    let dir = plans(&[
        ("overview.md", overview),
        ("plans/a/tasks.md", cycle),
        ("plans/b/plan.md", overview),
        ("many.md", &many),
    ]);
    let mut snap = String::new();
    for args in [
        &["next", "overview.md"][..],
        &["graph", "plans/a/tasks.md"],
        &["next", "plans/a/tasks.md"],
        &["next", "plans"],
        &["next", "many.md"],
        &["next", "many.md", "-n", "2"],
        &["next", "many.md", "-n", "0"],
    ] {
        snap.push_str(&run(args, dir.path()));
        snap.push('\n');
    }
    insta::assert_snapshot!("next_waiting_tasks", snap);
    // No task, none more, and the one that waits with what it waits for,
    // by the phase's plain node id (the terminal adds its status).
    let next = json_of(&["next", "overview.md", "--format", "json"], dir.path());
    assert_eq!(next["tasks"], serde_json::json!([]));
    assert_eq!(next["more"], 0);
    assert_eq!(next["progress"]["open"], 1);
    assert_eq!(next["waiting"][0]["id"], "T002");
    assert_eq!(
        next["waiting"][0]["waits_for"],
        serde_json::json!(["Phase 1"])
    );
    assert_eq!(next["waiting_more"], 0);
}

#[test]
fn graph_reports_every_separate_cycle_as_lint_does() {
    let plan = "# Plan\n\n- [ ] T001 a (depends on T002)\n- [ ] T002 b (depends on T001)\n- [ ] T003 c (depends on T004)\n- [ ] T004 d (depends on T003)\n- [ ] T005 e\n";
    let dir = plans(&[("plan.md", plan)]);
    let out = planwright(&["graph", "plan.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "planwright: error: plan.md:3:1: dependency cycle: T001 → T002 → T001\n\
         planwright: error: plan.md:5:1: dependency cycle: T003 → T004 → T003\n"
    );
    let doc = json_of(&["graph", "plan.md", "--format", "json"], dir.path());
    assert_eq!(doc["cycle"], serde_json::json!(["T001", "T002", "T001"]));
    assert_eq!(
        doc["cycles"],
        serde_json::json!([["T001", "T002", "T001"], ["T003", "T004", "T003"]])
    );
    let lint = json_of(
        &["lint", "plan.md", "--select", "PW207", "--format", "json"],
        dir.path(),
    );
    // Where graph places them.
    let at: Vec<_> = lint["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| (&d["range"]["start"]["line"], &d["range"]["start"]["column"]))
        .collect();
    assert_eq!(at, [(&3.into(), &1.into()), (&5.into(), &1.into())]);
}

#[test]
fn work_in_progress_shows_why_a_phase_it_waits_for_is_unfinished() {
    let plan = "# Plan\n\n## Overview\n\n### Phase 1: Setup\n\n**Status:** Not started\n\n## Tasks\n\n### Phase 2: Build\n\n**Dependencies:** Phase 1\n\n- [-] T002 Build API\n";
    let dir = plans(&[("plan.md", plan)]);
    let out = planwright(&["next", "plan.md"], dir.path());
    assert!(
        stdout(&out).contains(
            "T002  Build API  (Phase 2)\n      still waits for Phase 1 (status: Not started)\n"
        ),
        "{}",
        stdout(&out)
    );
    // The JSON keeps plain node ids.
    let doc = json_of(&["next", "plan.md", "--format", "json"], dir.path());
    assert_eq!(doc["tasks"][0]["waits_for"], serde_json::json!(["Phase 1"]));
}

/// Open definition-of-done items and acceptance criteria are checked, not
/// started: when they are all that is left, `next` says so, not that tasks
/// wait (nothing does); and a count of waiting tasks leaves them out.
#[test]
fn open_checks_are_neither_ready_nor_waiting() {
    let only_checks = "# Plan\n\n## Phase 1: Build\n\n- [x] T001 Write the code\n\n\
                       ## Definition of Done\n\n- [ ] Tests pass\n- [ ] Docs updated\n";
    let beside_a_wait = "# Plan\n\n## Tasks\n\n- [ ] T001 Build (depends on T002)\n\
                         - [ ] T002 Design (depends on T001)\n\n\
                         ## Acceptance Criteria\n\n- [ ] Users can log in\n";
    let dir = plans(&[("checks.md", only_checks), ("cycle.md", beside_a_wait)]);
    insta::assert_snapshot!(
        [
            run(&["next", "checks.md"], dir.path()),
            run(&["next", "cycle.md"], dir.path()),
        ]
        .join("\n")
    );
    let doc = json_of(&["next", "checks.md", "--format", "json"], dir.path());
    assert_eq!(doc["checks_open"], 2);
    assert_eq!(doc["waiting"].as_array().map(Vec::len), Some(0));
    assert_eq!(doc["progress"]["open"], 2);
    let doc = json_of(&["next", "cycle.md", "--format", "json"], dir.path());
    assert_eq!(doc["checks_open"], 1);
    assert_eq!(doc["waiting"].as_array().map(Vec::len), Some(2));
}

/// A phase sentence names only the phases listed right after its verb,
/// and questions, other documents' phases and options weighed name none:
/// a wait read wrongly hides ready work and makes a false cycle.
#[test]
fn prose_around_phase_sentences_makes_no_wait_or_cycle() {
    let listed = "# P\n## Phase 1: A\n- [ ] T001 a\n## Phase 2: B\n- [ ] T002 b\n\
                  ## Phase 3: C\nPhase 3 depends on Phase 1, not Phase 2.\n- [ ] T003 c\n\
                  ## Phase 4: D\nDepends on Phase 3.\n\
                  Phase 3 requires Phase 1 and Phase 4 requires Phase 3.\n- [ ] T004 d\n";
    let weighed = "# P\n## Phase 1: A\n\
                   Phase 1 requires Step 3 of the vendor's install guide.\n- [ ] T001 a\n\
                   ## Phase 2: B\n- [ ] T002 b\n## Phase 3: C\n- [ ] T003 c\n\
                   ## Open Questions\n- Phase 3 depends on Phase 2? Ask the API team.\n\
                   ## Alternatives Considered\n\
                   Option B: Phase 2 depends on Phase 3 of the billing roadmap (rejected).\n";
    let dir = plans(&[("listed.md", listed), ("weighed.md", weighed)]);
    let show = json_of(&["show", "listed.md", "--format", "json"], dir.path());
    let deps: Vec<&Value> = show["phases"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| &p["depends_on"])
        .collect();
    assert_eq!(
        deps,
        [
            &serde_json::json!([]),
            &serde_json::json!([]),
            &serde_json::json!(["Phase 1"]),
            &serde_json::json!(["Phase 3"]),
        ]
    );
    for file in ["listed.md", "weighed.md"] {
        let lint = planwright(&["lint", file], dir.path());
        assert_eq!(lint.status.code(), Some(0), "{}", stdout(&lint));
    }
    let next = json_of(&["next", "weighed.md", "--format", "json"], dir.path());
    let ready: Vec<&Value> = next["tasks"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| &t["id"])
        .collect();
    assert_eq!(ready, ["T001", "T002", "T003"]);
}

/// Kiro's optional subtasks (`- [ ]*`) hold back nothing: a parent with
/// only those open is ready itself, with them beside it. A parent in
/// progress is listed in progress, as `status` counts it.
#[test]
fn next_lists_parents_of_optional_subtasks_and_parents_in_progress() {
    let optional = "# Implementation Plan\n\n- [ ] 1. Build the exporter\n\
                    - [ ]* 1.1 Test the exporter\n- [ ] 2. Wire the API\n";
    let started = optional
        .replace("- [ ] 1.", "- [-] 1.")
        .replace("- [ ]* 1.1 Test", "- [ ] 1.1 Write");
    let dir = plans(&[("optional.md", optional), ("started.md", &started)]);
    assert_eq!(
        stdout(&planwright(&["next", "optional.md"], dir.path())),
        "optional.md\n  ready\n    1    Build the exporter\n    \
         2    Wire the API\n    1.1  Test the exporter  (optional)\n"
    );
    // What may be skipped comes last: a short list keeps the work.
    assert_eq!(
        stdout(&planwright(&["next", "optional.md", "-n", "2"], dir.path())),
        "optional.md\n  ready\n    1  Build the exporter\n    \
         2  Wire the API\n\u{2026} and 1 more (-n 3 to see it)\n"
    );
    assert_eq!(
        stdout(&planwright(&["next", "started.md"], dir.path())),
        "started.md\n  in progress\n    1    Build the exporter\n  ready\n    \
         1.1  Write the exporter\n    2    Wire the API\n"
    );
    let status = stdout(&planwright(&["status", "started.md"], dir.path()));
    assert!(status.contains("(1 in progress)"), "{status}");
}

/// "depends on task 2": after the word, a whole number is Kiro's top-level
/// task, in `next` and `graph` alike.
#[test]
fn a_whole_task_number_after_the_word_task_is_waited_for() {
    let plan = "# Implementation Plan\n\n- [ ] 1. Set up the project\n  - _Requirements: 1.1_\n\n\
                - [ ] 2. Build the API (depends on task 1)\n  - _Requirements: 1.2_\n\n\
                - [ ] 3. Build the UI\n  - Depends on task 2\n  - _Requirements: 1.3_\n";
    let dir = plans(&[("tasks.md", plan)]);
    let next = json_of(&["next", "tasks.md", "--format", "json"], dir.path());
    assert_eq!(ready(&next), ["1"]);
    let graph = json_of(&["graph", "tasks.md", "--format", "json"], dir.path());
    assert_eq!(
        graph["edges"],
        serde_json::json!([{"from": "1", "to": "2"}, {"from": "2", "to": "3"}])
    );
}

/// "tasks 2–4", "tasks 2 through 4": a range of Kiro's whole task numbers
/// waits for the tasks between its ends, however they are joined.
#[test]
fn a_range_of_whole_task_numbers_waits_for_every_task_in_it() {
    let plan = "# Implementation Plan\n\n- [x] 1. Set up the project\n- [x] 2. Write the parser\n\
                - [ ] 3. Write the printer\n- [x] 4. Write the checker\n\
                - [ ] 5. Ship it\n  - Depends on tasks 2\u{2013}4\n\
                - [ ] 6. Announce it\n  - Depends on tasks 2\u{2014}4\n\
                - [ ] 7. Write the guide (after tasks 2 through 4)\n";
    let dir = plans(&[("tasks.md", plan)]);
    let next = json_of(&["next", "tasks.md", "--format", "json"], dir.path());
    assert_eq!(ready(&next), ["3"]);
    let done = planwright(&["done", "tasks.md", "3"], dir.path());
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    let next = json_of(&["next", "tasks.md", "--format", "json"], dir.path());
    assert_eq!(ready(&next), ["5", "6", "7"]);
}

/// Two tasks written T001 (lint's PW205): what depends on T001 waits for
/// both, so ticking one leaves it waiting for the other.
#[test]
fn a_repeated_task_id_is_waited_for_until_every_task_of_it_is_done() {
    let plan = "# P\n\n## Phase 1\n\n- [ ] T001 first\n- [ ] T001 second\n\
                - [ ] T002 after (depends on T001)\n";
    let dir = plans(&[("plan.md", plan)]);
    let graph = json_of(&["graph", "plan.md", "--format", "json"], dir.path());
    assert_eq!(
        graph["edges"],
        serde_json::json!([{"from": "T001 (1)", "to": "T002"}, {"from": "T001 (2)", "to": "T002"}])
    );
    // Each id `next` gives is one `done` takes, the first T001's too (an
    // agent's loop: read the ids, tick them); the bare id names two.
    let next = json_of(&["next", "plan.md", "--format", "json"], dir.path());
    assert_eq!(ready(&next), ["T001 (1)", "T001 (2)"]);
    let bare = planwright(&["done", "plan.md", "T001"], dir.path());
    assert_eq!(bare.status.code(), Some(2), "{}", stderr(&bare));
    let done = planwright(&["done", "plan.md", ready(&next)[0]], dir.path());
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    assert_eq!(stdout(&done), "T001 (1) done: first\n");
    let next = json_of(&["next", "plan.md", "--format", "json"], dir.path());
    assert_eq!(ready(&next), ["T001 (2)"]);
    let done = planwright(&["done", "plan.md", "T001 (2)"], dir.path());
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    let next = json_of(&["next", "plan.md", "--format", "json"], dir.path());
    assert_eq!(ready(&next), ["T002"]);
}

/// A bold `**Acceptance**:` or plain `Acceptance Criteria:` label makes
/// checks of the boxes under it, as `**Acceptance Criteria**:` does: never
/// offered as work, counted in `checks_open`.
#[test]
fn acceptance_labels_make_checks_not_work() {
    let plan = "# Tasks\n\n### T001: Build the parser\n\n**Acceptance**:\n\
                - [ ] Reads every fixture\n- [ ] Names the line of an error\n\n\
                ### T002: Ship it\n\nAcceptance Criteria:\n- [ ] Tagged release\n";
    let dir = plans(&[("tasks.md", plan)]);
    let next = json_of(&["next", "tasks.md", "--format", "json"], dir.path());
    assert_eq!(ready(&next), Vec::<&str>::new());
    assert_eq!(next["checks_open"], 3);
    assert!(
        stdout(&planwright(&["next", "tasks.md"], dir.path()))
            .starts_with("nothing to start: all that is open is 3 definition-of-done")
    );
}

#[test]
fn next_warns_of_dependencies_on_what_the_plan_lacks_as_graph_does() {
    // Such a dependency holds nothing up, so the task is ready; the user
    // hears why, on standard error, in the words `graph` and `lint` use.
    let plan = "# Plan\n\n## Phase 1: A\n\n- [ ] T001 a (depends on T099)\n- [ ] T002 b\n";
    let dir = plans(&[("plan.md", plan)]);
    let warning = "planwright: warning: plan.md:5:26: T001 depends on T099, which does not exist\n";
    let next = planwright(&["next", "plan.md"], dir.path());
    assert_eq!(next.status.code(), Some(0));
    assert!(
        stdout(&next).contains("T001  a (depends on T099)"),
        "{}",
        stdout(&next)
    );
    assert_eq!(stderr(&next), warning);
    assert_eq!(
        stderr(&planwright(&["graph", "plan.md"], dir.path())),
        warning
    );
    // The JSON on standard output stays whole; a folder's plans warn too.
    let next = planwright(&["next", "plan.md", "--format", "json"], dir.path());
    assert_eq!(stderr(&next), warning);
    assert_eq!(stderr(&planwright(&["next", "."], dir.path())), warning);
    // Silenced where lint is.
    write(
        dir.path(),
        "quiet.md",
        &plan.replace(
            "- [ ] T001",
            "<!-- planwright-disable-next-line PW206 -->\n- [ ] T001",
        ),
    );
    assert_eq!(stderr(&planwright(&["next", "quiet.md"], dir.path())), "");
}

#[test]
fn a_task_struck_through_keeps_its_id_and_what_waits_for_it_says_so() {
    // Named by the task after it, a task struck through is found by its
    // id (no "does not exist"), and the wait names it set aside.
    let plan = "# Plan\n\n- [x] T001 a\n- [ ] ~~T002 Evaluate Redis~~ (dropped)\n- [ ] T003 c (depends on T002)\n";
    let dir = plans(&[("plan.md", plan)]);
    let next = planwright(&["next", "plan.md"], dir.path());
    assert_eq!(stderr(&next), "");
    assert!(
        stdout(&next)
            .ends_with("    T003  c (depends on T002)\n      still waits for T002 (deferred)\n"),
        "{}",
        stdout(&next)
    );
    let graph = run(&["graph", "plan.md"], dir.path());
    assert!(
        graph.contains("[\"(deferred) T002 Evaluate Redis (dropped)\"]"),
        "{graph}"
    );
    assert!(graph.contains("t1 --> t2"), "{graph}");
    // `done` finds it by its id too.
    let done = planwright(&["done", "plan.md", "T002"], dir.path());
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
}

#[test]
fn a_wait_for_a_phase_left_with_checks_only_says_so() {
    // `next` lists no checks: a phase whose tasks are done but whose
    // acceptance items are open names them, or the wait names nothing.
    let plan = "# Plan\n\n## Phase 1: A\n\n- [x] T001 a\n\n**Acceptance Criteria**:\n- [ ] Login works\n\n## Phase 2: B\n\nDepends on Phase 1.\n\n- [ ] T002 b\n";
    let dir = plans(&[("plan.md", plan)]);
    let next = stdout(&planwright(&["next", "plan.md"], dir.path()));
    assert!(
        next.ends_with("still waits for Phase 1 (1 check left to tick: Login works)\n"),
        "{next}"
    );
    let two = plan.replace(
        "- [ ] Login works\n",
        "- [ ] Login works\n- [ ] Logout works\n",
    );
    write(dir.path(), "two.md", &two);
    let next = stdout(&planwright(&["next", "two.md"], dir.path()));
    assert!(
        next.ends_with("still waits for Phase 1 (2 checks left to tick)\n"),
        "{next}"
    );
    // With work open too (T003, itself waiting), the wait is for that
    // work, and named as before.
    let work = plan.replace(
        "- [x] T001 a\n",
        "- [x] T001 a\n- [ ] T003 more (depends on T002)\n",
    );
    write(dir.path(), "work.md", &work);
    let next = stdout(&planwright(&["next", "work.md"], dir.path()));
    assert!(next.contains("still waits for Phase 1\n"), "{next}");
    assert!(!next.contains("check left"), "{next}");
}

/// Ticking or starting a task that `next` would not offer yet works, with
/// a note naming what it still waits for; what the same command ticks
/// waits for nothing.
#[test]
fn done_notes_a_task_that_still_waits() {
    let plan = "# P\n\n## Phase 1\n\n- [ ] T001 first\n- [ ] T002 after (depends on T001)\n\n\
                ## Phase 2\n\n**Dependencies:** Phase 1\n\n- [ ] T003 later\n";
    let dir = plans(&[("plan.md", plan)]);
    let done = planwright(&["done", "plan.md", "T002", "--diff"], dir.path());
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    assert!(
        stderr(&done).ends_with(
            "note: T002 still waits for T001; `planwright next` would not offer it yet\n"
        ),
        "{}",
        stderr(&done)
    );
    let done = planwright(&["done", "plan.md", "T001", "T002", "--diff"], dir.path());
    assert!(!stderr(&done).contains("note:"), "{}", stderr(&done));
    let done = planwright(&["done", "plan.md", "T003"], dir.path());
    assert_eq!(
        stderr(&done),
        "note: T003 still waits for Phase 1; `planwright next` would not offer it yet\n"
    );
    // Undone, a task waits as it did: nothing to say.
    let undo = planwright(&["undo", "plan.md", "T003"], dir.path());
    assert_eq!(stderr(&undo), "");
}
