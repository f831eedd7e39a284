//! `next` and `graph` logic on small plans written inline.

use super::*;
use planwright_core::parse;

fn ready_ids(src: &str) -> Vec<(String, Option<usize>)> {
    let plan = parse(src);
    ready_tasks(&plan)
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
    let graph = Graph::new(&plan);
    let cycle = graph.cycle().unwrap();
    let names: Vec<String> = cycle.iter().map(|&n| label(&plan, n)).collect();
    assert_eq!(names, ["Phase 1", "Phase 2", "Phase 1"]);
    let acyclic = parse("# P\n\n## Phase 1: A\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n");
    assert_eq!(Graph::new(&acyclic).cycle(), None);
    assert_eq!(Graph::new(&acyclic).edges.len(), 1);
}
