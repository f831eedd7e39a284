//! What a status held up (`Blocked`, `On hold`) holds back in `next`: a
//! phase's, its tasks; the plan's own, every task of the plan.

use super::*;
use planwright_core::{StatusWords, parse};

/// Each task `ready_tasks` lists, by id, with what it still waits for.
fn ready<'p>(plan: &'p Plan, words: StatusWords<'_>) -> Vec<(&'p str, Vec<Waited>)> {
    ready_tasks(plan, words)
        .into_iter()
        .map(|r| (plan.tasks[r.task].id.as_str(), r.waits_for))
        .collect()
}

/// Each task `waiting_tasks` lists, by id, with what it waits for.
fn waiting<'p>(plan: &'p Plan, words: StatusWords<'_>) -> Vec<(&'p str, Vec<Waited>)> {
    waiting_tasks(plan, words)
        .into_iter()
        .map(|(i, w)| (plan.tasks[i].id.as_str(), w))
        .collect()
}

#[test]
fn a_phase_held_up_holds_its_tasks() {
    let src = "# P\n\n## Phase 1: Events\n**Status:** Blocked — waiting for the key\n- [ ] T001 a\n### Step 1.1: Sub\n- [ ] T002 b\n\n## Phase 2: Boards\n**Status:** On hold\n- [-] T003 c\n\n## Phase 3: Hooks\n- [ ] T004 d\n";
    let plan = parse(src);
    let words = StatusWords::default();
    let phase = |p| Waited::Node(Node::Phase(p));
    // Work under way is still listed, with what holds it.
    assert_eq!(
        ready(&plan, words),
        [("T003", vec![phase(2)]), ("T004", vec![])]
    );
    assert_eq!(
        waiting(&plan, words),
        [("T001", vec![phase(0)]), ("T002", vec![phase(0)])]
    );
    // Unblocked, its tasks can start.
    let moved = parse(&src.replace("Blocked — waiting for the key", "In progress"));
    let ids: Vec<&str> = ready(&moved, words).into_iter().map(|r| r.0).collect();
    assert_eq!(ids, ["T003", "T001", "T002", "T004"]);
}

#[test]
fn a_plan_held_up_holds_every_task() {
    let src = "# P\n\n**Status:** On hold (budget)\n\n\
               ## Phase 1: Build\n- [x] T001 a\n- [-] T002 b\n- [ ] T003 c\n\n\
               ## Phase 2: Ship\n**Status:** Blocked\n- [ ] T004 d\n\n\
               ## Tasks\n- [ ] T005 e (depends on T003)\n\n\
               ## Definition of Done\n- [ ] Tests pass\n";
    let plan = parse(src);
    let words = StatusWords::default();
    let (plan_held, phase, task) = (
        Waited::Plan,
        |p| Waited::Node(Node::Phase(p)),
        |t| Waited::Node(Node::Task(t)),
    );
    // Work under way is still listed, with what holds it, as in a phase.
    assert_eq!(ready(&plan, words), [("T002", vec![plan_held])]);
    assert_eq!(
        waiting(&plan, words),
        [
            ("T003", vec![plan_held]),
            ("T004", vec![phase(1), plan_held]),
            ("T005", vec![task(2), plan_held]),
        ]
    );
    let graph = Graph::new(&plan, words);
    assert!(graph.holds_any());
    // The plan's hold draws no edge: only T005's wait for T003 is one.
    assert_eq!(graph.edges.len(), 1);
    // Moved on, its tasks can start.
    for status in ["In Progress", "Not blocked", "Draft", "Done (was on hold)"] {
        let moved = parse(&src.replace("On hold (budget)", status));
        let ids: Vec<&str> = ready(&moved, words).into_iter().map(|r| r.0).collect();
        assert_eq!(ids, ["T002", "T003"], "{status}");
    }
}

#[test]
fn a_plan_held_up_without_a_dependency_still_holds() {
    // No phase and no wait: the shortcut for plans without any must not
    // skip the plan's own hold.
    let src = "---\nstate: Paused\n---\n# P\n\n- [ ] T001 a\n- [ ] T002 b\n";
    let plan = parse(src);
    let words = StatusWords {
        field: "state",
        ..StatusWords::default()
    };
    assert!(ready(&plan, words).is_empty());
    assert_eq!(
        waiting(&plan, words),
        [("T001", vec![Waited::Plan]), ("T002", vec![Waited::Plan])]
    );
    // Read by another dialect's field, the plan has no status.
    assert_eq!(ready(&plan, StatusWords::default()).len(), 2);
    assert!(waiting(&plan, StatusWords::default()).is_empty());
}

#[test]
fn work_given_up_is_not_offered_and_blocks_nothing() {
    let src = "# P\n\n## Phase 1: Spike\n**Status:** Cancelled (vendor chose for us)\n- [ ] T001 a\n- [-] T002 b\n\n## Phase 2: Build\n**Depends on:** Phase 1\n- [ ] T003 c\n- [ ] T004 d (depends on T001)\n";
    let plan = parse(src);
    let words = StatusWords::default();
    // Phase 1's tasks are nobody's to do, under way or not; Phase 2 no
    // longer waits for it, but a task that names T001 itself still waits.
    assert_eq!(ready(&plan, words), [("T003", vec![])]);
    assert_eq!(
        waiting(&plan, words),
        [("T004", vec![Waited::Node(Node::Task(0))])]
    );
    // A plan given up offers nothing.
    let plan =
        parse("# P\n\n**Status:** Superseded by the v2 plan\n\n- [ ] T001 a\n- [-] T002 b\n");
    assert!(ready(&plan, words).is_empty());
    assert!(waiting(&plan, words).is_empty());
    // Not given up: "Not cancelled" is open.
    let plan = parse("# P\n\n**Status:** Not cancelled\n\n- [ ] T001 a\n");
    assert_eq!(ready(&plan, words), [("T001", vec![])]);
}
