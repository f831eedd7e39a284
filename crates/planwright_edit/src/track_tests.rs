//! `next` and `graph` logic on small plans written inline.

use super::*;
use planwright_core::{StatusWords, parse};

fn ready_ids(src: &str) -> Vec<(String, Option<usize>)> {
    let plan = parse(src);
    ready_tasks(&plan, StatusWords::default())
        .into_iter()
        .map(|r| (plan.tasks[r.task].id.to_string(), r.batch))
        .collect()
}

fn ids(v: &[(String, Option<usize>)]) -> Vec<&str> {
    v.iter().map(|(id, _)| id.as_str()).collect()
}

#[test]
fn unfinished_phase_dependencies_block_their_tasks() {
    let src = "# P\n\n## Phase 1: Base\n\n- [x] T001 a\n- [ ] T002 b\n\n## Phase 2: More\n\n**Dependencies:** Phase 1\n\n- [ ] T003 c\n\n## Phase 3: Free\n\n- [ ] T004 d\n";
    assert_eq!(ids(&ready_ids(src)), ["T002", "T004"]);
    let done = src.replace("- [ ] T002", "- [x] T002");
    assert_eq!(ids(&ready_ids(&done)), ["T003", "T004"]);
}

#[test]
fn a_phase_without_tasks_waits_for_what_it_waits_for() {
    // A review between two phases: finished by nothing in the plan, but
    // not before the work it follows.
    let src = "# P\n\n## Phase 1: Build\n\n- [ ] T001 a\n\n## Phase 2: Review\n\nDepends on Phase 1.\n\nA meeting.\n\n## Phase 3: Review again\n\nDepends on Phase 2.\n\n## Phase 4: Ship\n\nDepends on Phase 3.\n\n- [ ] T002 b\n";
    assert_eq!(ids(&ready_ids(src)), ["T001"]);
    let graph = Graph::new(&parse(src), StatusWords::default());
    assert!(!graph.finished(&parse(src), Node::Phase(2)));
    let done = src.replace("- [ ] T001", "- [x] T001");
    assert_eq!(ids(&ready_ids(&done)), ["T002"]);
    // A status saying done is taken at its word.
    let said = src.replace("A meeting.", "**Status:** Done");
    assert_eq!(ids(&ready_ids(&said)), ["T001", "T002"]);
}

#[test]
fn task_dependencies_and_chains_block() {
    let src = "# P\n\n- [ ] T001 a\n- [ ] T002 b (depends on T001)\n- [ ] T003 c\n- [ ] T004 d\n\nT003 → T004\n";
    assert_eq!(ids(&ready_ids(src)), ["T001", "T003"]);
}

#[test]
fn in_progress_first_and_parallel_batches() {
    let src = "# P\n\n## Phase 1: Setup\n\n- [ ] T001 a\n- [ ] T002 [P] b\n- [ ] T003 [P] c\n- [ ] T004 d\n- [-] T005 e\n- [ ] T006 [P] f\n";
    assert_eq!(
        ready_ids(src),
        [
            ("T005".to_owned(), None),
            ("T001".to_owned(), None),
            ("T002".to_owned(), Some(1)),
            ("T003".to_owned(), Some(1)),
            ("T004".to_owned(), None),
            ("T006".to_owned(), None),
        ]
    );
}

#[test]
fn containers_give_way_to_their_subtasks_and_dod_is_not_started() {
    let src = "# P\n\n- [ ] 1. Parent\n  - [x] 1.1 Done child\n  - [ ] 1.2 Open child\n\n## Definition of Done\n\n- [ ] All green\n";
    assert_eq!(ids(&ready_ids(src)), ["1.2"]);
}

#[test]
fn cycles_are_found_with_their_path() {
    let src = "# P\n\n## Phase 1: A\n\n**Dependencies:** Phase 2\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n## Phase 3: C\n\n**Dependencies:** Phase 2\n";
    let plan = parse(src);
    let graph = Graph::new(&plan, StatusWords::default());
    let cycle = graph.cycle().unwrap();
    let names = NodeNames::new(&plan);
    let names: Vec<&str> = cycle.iter().map(|&n| names.get(n)).collect();
    assert_eq!(names, ["Phase 1", "Phase 2", "Phase 1"]);
    let acyclic = parse("# P\n\n## Phase 1: A\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n");
    assert_eq!(Graph::new(&acyclic, StatusWords::default()).cycle(), None);
    assert_eq!(Graph::new(&acyclic, StatusWords::default()).edges.len(), 1);
}

#[test]
fn each_cycle_is_placed_where_its_closing_wait_is_written() {
    let src = "# P\n\n- [ ] T001 a (depends on T002)\n- [ ] T002 b (depends on T001)\n\n## Phase 1: A\n\n**Dependencies:** Phase 2\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n";
    let plan = parse(src);
    let cycles = Graph::new(&plan, StatusWords::default()).cycles();
    let at: Vec<&str> = cycles.iter().map(|c| c.at.slice(src)).collect();
    // As lint's PW207: the first phase's `Phase 2`, and T001's line.
    assert_eq!(at, ["Phase 2", "- [ ] T001 a (depends on T002)"]);
    assert_eq!(
        cycles[0].path,
        Graph::new(&plan, StatusWords::default()).cycle().unwrap()
    );
}

#[test]
fn a_task_waiting_for_itself_is_a_cycle_and_never_ready() {
    let src = "# P\n\n## Phase 1: Work\n\n- [ ] T001 One (depends on T001)\n- [ ] T002 Two\n";
    let plan = parse(src);
    let graph = Graph::new(&plan, StatusWords::default());
    let names = NodeNames::new(&plan);
    let cycle: Vec<&str> = graph
        .cycle()
        .unwrap()
        .iter()
        .map(|&n| names.get(n))
        .collect();
    assert_eq!(cycle, ["T001", "T001"]);
    assert_eq!(ids(&ready_ids(src)), ["T002"]);
    // A phase named in a negation is prose, as lint reads it: no wait, no
    // cycle. (Declared as all it waits for, it is a cycle: see
    // `waits_tests`.)
    let prose = "# P\n\n## Phase 2: B\n\n**Dependencies:** Phase 2 does not block Phase 3\n\n- [ ] T001 a\n";
    assert_eq!(
        Graph::new(&parse(prose), StatusWords::default()).cycle(),
        None
    );
    assert_eq!(ids(&ready_ids(prose)), ["T001"]);
}

#[test]
fn subtasks_wait_for_what_their_parents_wait_for() {
    let src = "# P\n\n## Phase 1: Work\n\n- [ ] T001 Foundation\n- [ ] T002 Feature (depends on T001)\n  - [ ] T003 Sub-part\n    - [ ] T004 Detail\n";
    assert_eq!(ids(&ready_ids(src)), ["T001"]);
    let done = src.replace("- [ ] T001", "- [x] T001");
    assert_eq!(ids(&ready_ids(&done)), ["T004"]);
    // A parent written to follow its own subtask holds back the parent,
    // not the subtask.
    let inner = "# P\n\n- [ ] T001 Parent (depends on T002)\n  - [ ] T002 Child\n";
    assert_eq!(ids(&ready_ids(inner)), ["T002"]);
    // A subtask written to follow its own parent, or any ancestor, is part
    // of it: the dependency is void, not a deadlock, and no cycle either
    // way round.
    for child in [
        "# P\n\n- [ ] T001 Parent\n  - [ ] T002 Child (depends on T001)\n",
        "# P\n\n- [ ] T001 Parent (depends on T002)\n  - [ ] T002 Child (depends on T001)\n",
        "# P\n\n- [ ] T001 Top\n  - [ ] T002 Mid\n    - [ ] T003 Leaf (depends on T001)\n\nT002 → T003\n",
    ] {
        let leaf = if child.contains("T003") {
            "T003"
        } else {
            "T002"
        };
        assert_eq!(ids(&ready_ids(child)), [leaf], "{child}");
        assert_eq!(
            Graph::new(&parse(child), StatusWords::default()).cycle(),
            None,
            "{child}"
        );
    }
    // A phase waiting for one of its own tasks holds back none of them:
    // T002 cannot wait for itself, nor T001 for a phase that is not
    // waiting for anything outside it.
    let own = "# P\n\n## Phase 1: A\n\n**Dependencies:** T002\n\n- [ ] T001 a\n- [ ] T002 b\n";
    assert_eq!(ids(&ready_ids(own)), ["T001", "T002"]);
}

#[test]
fn a_phase_status_counts_only_when_it_reads_as_done() {
    let plan = |status: &str| {
        format!(
            "# Tasks: X\n\n## Phase 1: Setup\n\n**Status:** {status}\n\n## Phase 2: Build\n\n**Dependencies:** Phase 1\n\n- [ ] T002 Build core\n"
        )
    };
    for status in [
        "Done",
        "✅ Complete (2025-01-10)",
        "COMPLETED",
        "Implemented - merged",
        "✅",
        "SKIPPED - not on a feature branch",
    ] {
        assert_eq!(ids(&ready_ids(&plan(status))), ["T002"], "{status}");
    }
    for status in [
        "Incomplete",
        "Not done",
        "Not started",
        "Undone",
        "Unfinished",
        "In progress",
        "Partially complete",
        "To be done",
        "❌ Done",
        "Pending",
        "Not yet complete",
        "Partial Complete",
        // Hedged or taken back: not clearly done, so they block.
        "Nothing done yet",
        "Halfway done",
        "Done?",
        "Done: no",
        "Done-ish",
        "Tests passed, docs pending",
        "Almost done",
    ] {
        assert_eq!(
            ids(&ready_ids(&plan(status))),
            Vec::<&str>::new(),
            "{status}"
        );
    }
    // A choice list left to pick is no status (lint's PW106 reports it):
    // the phase is one without status, which blocks nothing once what it
    // waits for is done, and its ✅ claims nothing either way.
    let unchosen = plan("⬜ Not Started | 🔄 In Progress | ✅ Passed | ❌ Failed");
    assert_eq!(ids(&ready_ids(&unchosen)), ["T002"]);
    assert!(parse(&unchosen).phases[0].status.is_none());
    // The dialect's own done values count as they are.
    let shipped = parse(&plan("Live"));
    let live = [String::from("Live")];
    let words = StatusWords {
        done: &live,
        ..StatusWords::default()
    };
    assert_eq!(ready_tasks(&shipped, words).len(), 1);
    assert_eq!(ready_tasks(&shipped, StatusWords::default()).len(), 0);
}

#[test]
fn open_tasks_keep_a_phase_unfinished_whatever_its_status() {
    let src = "# Tasks: X\n\n## Phase 1: Setup\n\n**Status:** Incomplete\n\n- [ ] T001 Create project\n\n## Phase 2: Build\n\n**Dependencies:** Phase 1\n\n- [ ] T002 Build core\n";
    assert_eq!(ids(&ready_ids(src)), ["T001"]);
    let claimed = src.replace("Incomplete", "Done");
    assert_eq!(ids(&ready_ids(&claimed)), ["T001"]);
    let checked = src.replace("- [ ] T001", "- [x] T001");
    assert_eq!(ids(&ready_ids(&checked)), ["T002"]);
}

#[test]
fn a_repeated_phase_id_waits_for_every_phase_of_it() {
    let src = "# Plan: X\n\n## Overview\n\n### Phase 1: Setup\nSummary.\n\n## Tasks\n\n### Phase 1: Setup\n\n- [ ] T001 Create project\n\n### Phase 2: Build\n\n**Dependencies:** Phase 1\n\n- [ ] T002 Build core\n";
    assert_eq!(ids(&ready_ids(src)), ["T001"]);
    let done = src.replace("- [ ] T001", "- [x] T001");
    assert_eq!(ids(&ready_ids(&done)), ["T002"]);
    let plan = parse(src);
    let names = NodeNames::new(&plan);
    let edges: Vec<(&str, &str)> = Graph::new(&plan, StatusWords::default())
        .edges
        .iter()
        .map(|e| (names.get(e.from), names.get(e.to)))
        .collect();
    assert_eq!(edges, [("Phase 1", "Phase 2"), ("Phase 1 (2)", "Phase 2")]);
    // A heading nested in the phase it restates is a section of it, not a
    // second Sprint 1: one edge, from the sprint itself.
    let nested = "# P\n\n## Sprint 1: A\n\n- [ ] T001 a\n\n### Sprint 1 Risks\n\n## Sprint 2: B\n\n**Depends on:** Sprint 1\n\n- [ ] T002 b\n";
    let plan = parse(nested);
    assert_eq!(plan.phases.len(), 2, "{:?}", plan.phases);
    assert_eq!(Graph::new(&plan, StatusWords::default()).edges.len(), 1);
}

#[test]
fn node_names_are_unique() {
    let plan = parse(
        "# P\n\n## Phase 1: A\n\n- [ ] T001 a\n- [ ] T001 b\n\n## Phase 1: B\n\n## Phase 1: C\n\n- [ ] c\n",
    );
    let names = NodeNames::new(&plan);
    let phases: Vec<&str> = (0..3).map(|p| names.get(Node::Phase(p))).collect();
    assert_eq!(phases, ["Phase 1", "Phase 1 (2)", "Phase 1 (3)"]);
    let tasks: Vec<&str> = (0..3).map(|t| names.get(Node::Task(t))).collect();
    assert_eq!(tasks, ["T001 (1)", "T001 (2)", "#3"]);
    assert_eq!(names.get(Node::Task(9)), "");
}

/// The edges of `src`'s graph by node name.
fn edges(src: &str) -> Vec<(String, String)> {
    let plan = parse(src);
    let names = NodeNames::new(&plan);
    Graph::new(&plan, StatusWords::default())
        .edges
        .iter()
        .map(|e| (names.get(e.from).to_owned(), names.get(e.to).to_owned()))
        .collect()
}

fn edge(from: &str, to: &str) -> (String, String) {
    (from.to_owned(), to.to_owned())
}

#[test]
fn a_value_that_says_none_or_a_negated_mention_waits_for_nothing() {
    let src = "## Phase 1: Styling\n- [ ] T001 css\n## Phase 2: Data\n**Dependencies**: None (independent of Phase 1, can run in parallel)\n- [ ] T002 query\n";
    assert_eq!(ids(&ready_ids(src)), ["T001", "T002"]);
    assert_eq!(edges(src), []);
    for none in [
        "N/A (after Phase 1)",
        "- see Phase 1",
        "No dependencies on Phase 1",
    ] {
        let src = src.replace("None (independent of Phase 1, can run in parallel)", none);
        assert_eq!(ids(&ready_ids(&src)), ["T001", "T002"], "{none}");
    }
    // "does not block" says neither side waits, and a phase never waits
    // for itself.
    let sprints = "## Sprint 1: A\n- [ ] T001 a\n## Sprint 2: B\n- [ ] T002 b\n## Sprint 3: C\n**Depends on:** Sprint 1 complete. Sprint 2 does not block Sprint 3 -- backend can proceed.\n- [ ] T003 c\n";
    assert_eq!(edges(sprints), [edge("Sprint 1", "Sprint 3")]);
    let itself = sprints.replace(
        "Sprint 1 complete. Sprint 2 does not block Sprint 3 -- backend can proceed.",
        "after Sprint 1, Sprint 2, Sprint 3",
    );
    assert_eq!(
        edges(&itself),
        [edge("Sprint 1", "Sprint 3"), edge("Sprint 2", "Sprint 3")]
    );
    let labels: Vec<String> = parse(&itself).phases[2]
        .depends_on
        .iter()
        .map(|r| r.target.label().to_string())
        .collect();
    assert_eq!(labels, ["Sprint 1", "Sprint 2"]);
}

#[test]
fn a_dependency_field_in_a_task_item_is_the_tasks() {
    for field in [
        "  **Dependencies**: T001",
        "  **Dependencies:** T001",
        "  _Dependencies_: T001",
        "  Dependencies: T001",
        "  **Depends on**: T001",
        "  **Requires**: T001",
        "  - Depends on: T001",
        "\n  **Dependencies**: T001",
    ] {
        let src = format!("## Phase 1: A\n- [ ] T001 first\n- [ ] T002 second\n{field}\n");
        assert_eq!(ids(&ready_ids(&src)), ["T001"], "{field}");
        let plan = parse(&src);
        assert!(plan.phases[0].depends_on.is_empty(), "{field}");
        assert_eq!(plan.tasks[1].depends_on, ["T001"], "{field}");
        assert_eq!(edges(&src), [edge("T001", "T002")], "{field}");
    }
}

#[test]
fn a_range_waits_for_every_task_in_it() {
    let src = "## Phase 1: A\n- [x] T001 a\n- [ ] T002 b\n- [x] T003 c\n- [ ] T004 d (depends on T001-T003)\n";
    assert_eq!(ids(&ready_ids(src)), ["T002"]);
    let dash = src.replace("T001-T003", "T001–T003");
    assert_eq!(ids(&ready_ids(&dash)), ["T002"]);
    // An arrow to a range links to each task of it.
    let chain = "- [ ] T003 a\n- [ ] T004 b\n- [ ] T005 c\n- [ ] T006 d\n\nT003 → T004-T006\n";
    assert_eq!(ids(&ready_ids(chain)), ["T003"]);
    assert_eq!(
        edges(chain),
        [
            edge("T003", "T004"),
            edge("T003", "T005"),
            edge("T003", "T006")
        ]
    );
}

#[test]
fn every_id_shape_the_plan_uses_and_phases_are_waited_for() {
    for (src, ready) in [
        ("- [ ] M001 a\n- [ ] M002 d (depends on M001)\n", "M001"),
        (
            "- [ ] TASK-1 a\n- [ ] TASK-2 b (depends on TASK-1)\n",
            "TASK-1",
        ),
        ("- [ ] B12.1 a\n- [ ] B12.2 b (depends on B12.1)\n", "B12.1"),
        (
            "- [ ] 1. Parent\n  - [ ] 1.1 a\n  - [ ] 1.2 b (depends on 1.1)\n",
            "1.1",
        ),
        ("- [ ] M001 a\n- [ ] M002 b\n\nM001 → M002\n", "M001"),
    ] {
        assert_eq!(ids(&ready_ids(src)), [ready], "{src}");
    }
    // A task can wait for a phase, and `graph` draws it.
    let src = "## Phase 1: A\n- [ ] T001 first\n## Phase 2: B\n- [ ] T003 deploy (depends on Phase 1)\n- [ ] T004 docs\n";
    assert_eq!(ids(&ready_ids(src)), ["T001", "T004"]);
    assert_eq!(edges(src), [edge("Phase 1", "T003")]);
    let done = src.replace("- [ ] T001", "- [x] T001");
    assert_eq!(ids(&ready_ids(&done)), ["T003", "T004"]);
    let field = src.replace(" (depends on Phase 1)", "\n  **Prerequisites**: Phase 1");
    assert_eq!(ids(&ready_ids(&field)), ["T001", "T004"]);
    // Waiting for the phase that holds the task is void, not a deadlock.
    let own = "## Phase 1: A\n- [ ] T001 a (after Phase 1)\n- [ ] T002 b\n";
    assert_eq!(ids(&ready_ids(own)), ["T001", "T002"]);
    assert_eq!(
        Graph::new(&parse(own), StatusWords::default()).cycle(),
        None
    );
}

#[test]
fn phase_dependency_fields_in_every_spelling() {
    for field in [
        "Dependencies: Phase 1",
        "- Dependencies: Phase 1",
        "_Dependencies_: Phase 1",
        "**Prerequisite**: Phase 1",
        "**Prerequisites**: Phase 1",
        "**Requires**: Phase 1",
        "**Deps**: Phase 1",
        "**Pre-requisites**: Phase 1",
        "**Blocked by**: Phase 1",
        "**Depends on**: Phase 1",
    ] {
        let src = format!("## Phase 1: A\n- [ ] T001 a\n## Phase 2: B\n{field}\n\n- [ ] T002 b\n");
        assert_eq!(ids(&ready_ids(&src)), ["T001"], "{field}");
    }
}

#[test]
fn a_number_with_a_unit_is_no_phase() {
    let plan = |deps: &str| {
        format!(
            "## Phase 1: A\n- [x] T001 a\n## Phase 2: B\n- [ ] T002 b\n## Phase 3: C\n**Dependencies**: {deps}\n- [ ] T003 c\n"
        )
    };
    for deps in ["Phase 1, 2 weeks after kickoff", "Phase 1 and 2 days of QA"] {
        assert_eq!(ids(&ready_ids(&plan(deps))), ["T002", "T003"], "{deps}");
    }
    for deps in ["Phases 1 + 2", "Phase 1, 2 and 4", "Phases 1-2"] {
        assert_eq!(ids(&ready_ids(&plan(deps))), ["T002"], "{deps}");
    }
}

/// The cycle of `src`'s graph by node name, if any.
fn cycle_names(src: &str) -> Option<Vec<String>> {
    let plan = parse(src);
    let names = NodeNames::new(&plan);
    let cycle = Graph::new(&plan, StatusWords::default()).cycle()?;
    Some(cycle.iter().map(|&n| names.get(n).to_owned()).collect())
}

#[test]
fn work_in_progress_is_listed_while_it_waits() {
    // T004 was started before T002 was done: it is listed, in progress,
    // first, with what it still waits for; T003, not started, is not.
    let src = "# P\n\n## Phase 1: A\n\n- [ ] T001 a\n- [ ] T002 b\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T003 c\n- [-] T004 d (depends on T002)\n- [~] T005 e\n";
    assert_eq!(ids(&ready_ids(src)), ["T004", "T005", "T001", "T002"]);
    let plan = parse(src);
    let names = NodeNames::new(&plan);
    let waits: Vec<(&str, Vec<&str>)> = ready_tasks(&plan, StatusWords::default())
        .iter()
        .map(|r| {
            let w = r
                .waits_for
                .iter()
                .map(|&w| match w {
                    Waited::Node(n) => names.get(n),
                    Waited::Plan => "the plan",
                })
                .collect();
            (plan.tasks[r.task].id.as_str(), w)
        })
        .collect();
    assert_eq!(
        waits,
        [
            ("T004", vec!["Phase 1", "T002"]),
            ("T005", vec!["Phase 1"]),
            ("T001", vec![]),
            ("T002", vec![]),
        ]
    );
    // A container in progress is listed, in progress, beside its open
    // subtasks: `status` counts it as under way, and so does `next`.
    let parent = "# P\n\n- [-] T001 Parent\n  - [ ] T002 Child\n";
    assert_eq!(ids(&ready_ids(parent)), ["T001", "T002"]);
}

#[test]
fn optional_subtasks_do_not_hold_back_their_parent() {
    // Kiro's flat layout: 1.1 is 1's subtask, and optional. The parent is
    // the work; its optional tests stay listed, after the work that may
    // not be skipped (a list cut by `-n` keeps the required task 2).
    let src = "# Implementation Plan\n\n- [ ] 1. Build exporter\n- [ ]* 1.1 Test the exporter\n- [ ] 2. Wire the API\n";
    assert_eq!(parse(src).tasks[1].parent, Some(0));
    assert_eq!(ids(&ready_ids(src)), ["1", "2", "1.1"]);
    // One required subtask open is still what the parent gives way to.
    let required = src.replace("- [ ] 2. Wire", "- [ ] 1.2 Wire");
    assert_eq!(ids(&ready_ids(&required)), ["1.2", "1.1"]);
    // Nor do open checks hold back their parent.
    let checks = "# P\n\n- [ ] T001 Parent\n\n  **Acceptance Criteria**:\n  - [ ] It works\n";
    assert_eq!(ids(&ready_ids(checks)), ["T001"]);
}

#[test]
fn a_cycle_runs_through_what_holds_what() {
    // T001 waits for Phase 2, which waits for Phase 1, which is finished
    // only with T001: nothing of either phase can ever start.
    let wait = "# P\n\n## Phase 1: A\n\n- [ ] T001 a (depends on Phase 2)\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T002 b\n";
    assert_eq!(ids(&ready_ids(wait)), Vec::<&str>::new());
    assert_eq!(
        cycle_names(wait).unwrap(),
        ["Phase 1", "Phase 2", "T001", "Phase 1"]
    );
    // The same through a task of the later phase.
    let task = "# P\n\n## Phase 1: A\n\n- [ ] T001 a (depends on T002)\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T002 b\n";
    assert_eq!(
        cycle_names(task).unwrap(),
        ["Phase 1", "Phase 2", "T002", "T001", "Phase 1"]
    );
    // And through a parent task: T002 waits for T003 as its parent does.
    let parent = "# P\n\n- [ ] T001 Parent (depends on T003)\n  - [ ] T002 Child\n- [ ] T003 c (depends on T002)\n";
    assert_eq!(ids(&ready_ids(parent)), Vec::<&str>::new());
    assert_eq!(
        cycle_names(parent).unwrap(),
        ["T001", "T002", "T003", "T001"]
    );
    // In order, nothing waits for ever.
    let ordered = "# P\n\n## Phase 1: A\n\n- [ ] T001 a\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T002 b (depends on T001)\n- [ ] T003 c (depends on Phase 1)\n";
    assert_eq!(cycle_names(ordered), None);
    assert_eq!(ids(&ready_ids(ordered)), ["T001"]);
}

#[test]
fn a_step_waiting_for_its_own_phase_is_part_of_it() {
    let src = "# P\n\n## Phase 2: B\n\n- [ ] T001 a\n\n### Step 2.1: C\n\n**Dependencies:** Phase 2\n\n- [ ] T002 b\n";
    let plan = parse(src);
    assert_eq!(plan.phases[1].parent, Some(0), "{:?}", plan.phases);
    assert_eq!(ids(&ready_ids(src)), ["T001", "T002"]);
    assert_eq!(edges(src), []);
    assert_eq!(cycle_names(src), None);
}

#[test]
fn spec_kit_phase_dependencies_hold_back_later_phases() {
    let src = "\
# Tasks

## Phase 1: Setup

- [x] T001 a

## Phase 2: Foundational (Blocking Prerequisites)

- [ ] T002 b

## Phase 3: User Story 1 - Sign in

- [ ] T003 c

## Phase 4: Polish

- [ ] T004 d

## Dependencies & Execution Order

### Phase Dependencies

- **Setup (Phase 1)**: No dependencies - can start immediately
- **Foundational (Phase 2)**: Depends on Setup completion - BLOCKS all user stories
- **User Stories (Phase 3+)**: All depend on Foundational phase completion
- **Polish (Final Phase)**: Depends on all desired user stories being complete
";
    assert_eq!(ids(&ready_ids(src)), ["T002"]);
    let done = src.replace("- [ ] T002", "- [x] T002");
    assert_eq!(ids(&ready_ids(&done)), ["T003"]);
    let plan = parse(src);
    assert!(Graph::new(&plan, StatusWords::default()).cycle().is_none());
}

#[test]
fn a_task_waits_for_a_phase_named_in_lower_case() {
    let src = "# P\n\n## Phase 1: A\n\n- [ ] T001 a\n\n## Phase 2: B\n\n- [ ] T002 Deploy to staging (depends on phase 1)\n- [ ] T003 Deploy, depends on phase 1\n- [ ] T004 Plan the next phase\n";
    assert_eq!(ids(&ready_ids(src)), ["T001", "T004"]);
}

#[test]
fn a_box_left_for_later_does_not_keep_its_phase_open() {
    let src = "# P\n\n## Phase 1: Build\n- [x] T001 real\n### Out of scope\n- [ ] T002 later\n\n## Phase 2: Ship\n**Depends on:** Phase 1\n- [ ] T003 ship\n";
    let plan = parse(src);
    assert!(phase_finished(&plan, 0, &[]));
    assert_eq!(ids(&ready_ids(src)), ["T003"]);
    // A phase holding only such boxes goes by its status, as one without
    // tasks does.
    let only = "# P\n\n## Phase 1: Build\n**Status:** In progress\n### Out of scope\n- [ ] T002 later\n\n## Phase 2: Ship\n**Depends on:** Phase 1\n- [ ] T003 ship\n";
    assert!(!phase_finished(&parse(only), 0, &[]));
    assert!(ready_ids(only).is_empty());
}

#[test]
fn graph_and_next_agree_that_a_phase_waiting_for_what_it_holds_waits_for_nothing() {
    // Phase 2 names its own Step 1, Phase 3 its own T004: `next` holds
    // nothing back for them (a phase is finished only when all it holds
    // is anyway), so `graph` draws no edge for them either.
    let src = "# P\n\n## Phase 1: A\n\n- [x] T001 a\n\n## Phase 2: B\n\n**Depends on:** Step 1\n\n\
               ### Step 1: C\n\n- [ ] T002 c\n\n### Step 2: D\n\n- [ ] T003 d\n\n\
               ## Phase 3: E\n\n**Dependencies:** T004\n\n- [ ] T004 e\n";
    let graph = Graph::new(&parse(src), StatusWords::default());
    assert_eq!(graph.edges, []);
    assert_eq!(ids(&ready_ids(src)), ["T002", "T003", "T004"]);
}
