use super::*;

fn pairs(src: &str) -> Vec<(Node, Node, bool)> {
    waits(&crate::parse(src))
        .into_iter()
        .map(|w| (w.from, w.to, w.inner))
        .collect()
}

fn first_cycle(src: &str) -> Option<Vec<Node>> {
    let plan = crate::parse(src);
    let waits = waits(&plan);
    let events = Events::new(plan.phases.len(), plan.tasks.len(), &waits, &within(&plan));
    events
        .for_each_cycle(|c| ControlFlow::Break(c.read()))?
        .map(|c| c.path)
}

#[test]
fn waits_are_listed_once_and_void_ones_left_out() {
    use Node::Task;
    // Written twice, and a subtask waiting for its parent (void).
    let src = "# P\n\n- [ ] T001 a\n  - [ ] T002 b (depends on T001)\n- [ ] T003 c (depends on T001)\n\nT001 → T003\n";
    assert_eq!(pairs(src), [(Task(0), Task(2), false)]);
    // A phase waiting for its own task, or step, waits for nothing: it is
    // finished only when they are anyway.
    let own = "# P\n\n## Phase 1: A\n\n**Dependencies:** T001, Phase 1\n\n- [ ] T001 a\n";
    assert_eq!(pairs(own), []);
    assert_eq!(first_cycle(own), None);
    let step = "# P\n\n## Phase 1: A\n\n**Dependencies:** Step 1\n\n### Step 1: B\n- [ ] T001 a\n";
    assert_eq!(pairs(step), []);
    // A parent task written to follow its own subtask is held back by it.
    let parent = "# P\n\n- [ ] T001 a (depends on T002)\n  - [ ] T002 b\n";
    assert_eq!(pairs(parent), [(Task(1), Task(0), true)]);
}

#[test]
fn a_dependency_on_an_overview_copy_holds_back_every_copy() {
    use Node::Phase;
    let src = "\
# P

## Outline

### Milestone 1: Core

### Milestone 2: Extras
Dependencies: Milestone 1

### Milestone 3: Docs

## Work

### Milestone 1: Core
- [ ] T001 core

### Milestone 2: Extras
- [ ] T002 extras

### Milestone 3: Docs
**Dependencies:** None
- [ ] T003 docs
";
    let waits = pairs(src);
    // The copy with the tasks (3, 4 under "Work") waits as the
    // overview's copy does; one that says None itself keeps that.
    assert!(waits.contains(&(Phase(0), Phase(1), false)));
    assert!(waits.contains(&(Phase(3), Phase(4), false)));
    assert!(waits.contains(&(Phase(0), Phase(4), false)));
    assert!(waits.iter().all(|&(_, to, _)| to != Phase(5)));
    // What a phase with tasks says is its own: another phase numbered
    // alike does not wait for it.
    let alike = "## Stage 1: A\n- [ ] T001 a\n## Stage 2: B\nDependencies: Stage 1\n- [ ] T002 b\n## Stage 2: C\n- [ ] T003 c\n";
    assert_eq!(pairs(alike), [(Phase(0), Phase(1), false)]);
}

#[test]
fn a_long_chain_closed_at_its_end_is_one_cycle() {
    use std::fmt::Write as _;
    // Deeper than any call stack would go.
    let n = 50_000;
    let mut src = String::from("# P\n\n");
    for i in 0..n {
        let _ = writeln!(src, "- [ ] T{i} x (depends on T{})", (i + n - 1) % n);
    }
    let cycle = first_cycle(&src).unwrap_or_default();
    assert_eq!(cycle.len(), n + 1);
    assert_eq!(cycle.first(), Some(&Node::Task(0)));
    assert_eq!(cycle.last(), Some(&Node::Task(0)));
}

#[test]
fn a_cycle_through_a_phase_reads_its_hops() {
    use Node::{Phase, Task};
    let src = "# P\n\n## Phase 1: A\n\n- [ ] T001 a (depends on Phase 2)\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T002 b\n";
    let plan = crate::parse(src);
    let waits = waits(&plan);
    let events = Events::new(2, 2, &waits, &within(&plan));
    let cycle = events.for_each_cycle(|c| ControlFlow::Break(c.read()));
    let Some(Some(cycle)) = cycle else {
        panic!("no cycle in {src}");
    };
    assert_eq!(cycle.path, [Phase(0), Phase(1), Task(0), Phase(0)]);
    assert_eq!(cycle.hops, [(Task(0), Phase(0))]);
    assert_eq!(cycle.waits.len(), 2);
}

#[test]
fn a_repeated_task_id_waits_for_every_task_of_it() {
    use Node::Task;
    // Two tasks written T001: T003 waits for both, whether it names the id,
    // a range over it or follows a chain from it.
    for wait in [
        "- [ ] T003 c (depends on T001)\n",
        "- [ ] T003 c (depends on T001-T002)\n",
        "- [ ] T003 c\n\nT001 → T003\n",
    ] {
        let src = format!("# P\n\n- [ ] T001 a\n- [ ] T001 b\n- [ ] T002 x\n{wait}");
        let from: Vec<Node> = pairs(&src).into_iter().map(|(f, _, _)| f).collect();
        assert!(from.starts_with(&[Task(0), Task(1)]), "{wait}: {from:?}");
    }
    // The copy naming its own id means the other one: no cycle of its own.
    let own = "# P\n\n- [ ] T001 a\n- [ ] T001 b (depends on T001)\n";
    assert_eq!(pairs(own), [(Task(0), Task(1), false)]);
    assert_eq!(first_cycle(own), None);
    // A single task naming itself is still a cycle.
    assert!(first_cycle("# P\n\n- [ ] T001 a (depends on T001)\n").is_some());
}

#[test]
fn an_id_repeated_past_the_budget_waits_for_its_first_open_task() {
    use Node::Task;
    // 600 tasks T001 each naming the id: 360,000 waits in full, past the
    // budget. Each now waits for one open T001, so the graph stays the
    // size of the plan and every T001 is still held back.
    let copies = 600;
    let mut src = String::from("# P\n\n");
    for i in 0..copies {
        let mark = if i < copies - 1 { "x" } else { " " };
        src += "- [";
        src += mark;
        src += "] T001 step (depends on T001)\n";
    }
    src += "- [ ] T002 after (depends on T001)\n";
    assert!(copies * copies > crate::MAX_RESOLVED);
    let waits = pairs(&src);
    assert!(waits.len() <= copies + 1, "{} waits", waits.len());
    // Only the last T001 is open: T002 waits for it, and so does every
    // done copy; the open one waits for the first copy other than itself.
    let last = Task(copies - 1);
    assert!(waits.contains(&(last, Task(copies), false)), "{waits:?}");
    assert!(waits.contains(&(last, Task(0), false)));
    assert!(waits.contains(&(Task(0), last, false)));
}

/// Two phases whose steps are numbered from 1 again; `in_first` is
/// written under Phase 1's Step 2, `in_second` under Phase 2's Step 2.
/// Phases 0-5: Phase 1, its Steps 1 and 2, Phase 2, its Steps 1 and 2.
fn restarting_steps(in_first: &str, in_second: &str) -> String {
    format!(
        "\
# P

## Phase 1: Setup

### Step 1: Repo
- [ ] T001 repo

### Step 2: CI
{in_first}- [ ] T002 ci

## Phase 2: Build

**Depends on:** Phase 1

### Step 1: Code
- [ ] T003 code

### Step 2: Ship
{in_second}- [ ] T004 ship
"
    )
}

#[test]
fn the_previous_step_is_the_one_before_it_in_its_own_phase() {
    use Node::Phase;
    let src = restarting_steps(
        "Depends on the previous step.\n",
        "Depends on all previous steps.\n",
    );
    let waits = pairs(&src);
    assert!(waits.contains(&(Phase(1), Phase(2), false)), "{waits:?}");
    assert!(waits.contains(&(Phase(4), Phase(5), false)), "{waits:?}");
    // Not Phase 2's Step 1, which waits for all of Phase 1: that made a
    // cycle of a valid plan.
    assert!(!waits.contains(&(Phase(4), Phase(2), false)), "{waits:?}");
    assert!(!waits.contains(&(Phase(1), Phase(5), false)), "{waits:?}");
    assert_eq!(first_cycle(&src), None);
}

#[test]
fn the_first_step_of_a_phase_has_no_previous_step() {
    use Node::Phase;
    // Its phase's own dependencies hold it back already; the last step of
    // the phase before is no wait the plan states.
    let src = "# P\n\n## Phase 1: A\n\n### Step 1: X\n- [ ] T001 x\n\n### Step 2: Y\n- [ ] T002 y\n\n\
               ## Phase 2: B\n\n### Step 1: Z\nDepends on the previous step.\n- [ ] T003 z\n";
    let waits = pairs(src);
    assert!(waits.iter().all(|&(_, to, _)| to != Phase(4)), "{waits:?}");
}

#[test]
fn a_repeated_step_number_names_the_step_of_its_own_phase() {
    use Node::{Phase, Task};
    // A field of a step, and a task's phrase, in Phase 2.
    let src = restarting_steps("", "**Depends on:** Step 1\n");
    assert_eq!(
        pairs(&src),
        [(Phase(0), Phase(3), false), (Phase(4), Phase(5), false)]
    );
    let src = restarting_steps("", "- [ ] T005 tag (depends on Step 1)\n");
    // T005 is the fourth task, written before T004.
    let waits = pairs(&src);
    assert!(waits.contains(&(Phase(4), Task(3), false)), "{waits:?}");
    assert!(!waits.contains(&(Phase(1), Task(3), false)), "{waits:?}");
    // A step number that only other phases repeat names none of them.
    let src = restarting_steps("", "**Depends on:** Step 3\n")
        + "\n## Phase 3: C\n\n### Step 3: D\n- [ ] T006 d\n\n## Phase 4: E\n\n### Step 3: F\n- [ ] T007 f\n";
    let waits = pairs(&src);
    assert!(waits.iter().all(|&(_, to, _)| to != Phase(5)), "{waits:?}");
    // Numbered through the plan, a step is one whichever phase names it.
    let src = "# P\n\n## Phase 1: A\n\n### Step 1: X\n- [ ] T001 x\n\n\
               ## Phase 2: B\n\n### Step 2: Y\n**Depends on:** Step 1\n- [ ] T002 y\n";
    assert_eq!(pairs(src), [(Phase(1), Phase(3), false)]);
}

#[test]
fn inferred_waits_are_marked_unwritten() {
    use Node::Task;
    // T002 names T001; the checkpoint waits, unwritten, for the work
    // before it.
    let src =
        "# P\n\n- [ ] T001 a\n- [ ] T002 b (depends on T001)\n- [ ] Checkpoint: all tests pass\n";
    let written: Vec<(Node, Node, bool)> = waits(&crate::parse(src))
        .into_iter()
        .map(|w| (w.from, w.to, w.written))
        .collect();
    assert!(written.contains(&(Task(0), Task(1), true)), "{written:?}");
    assert!(written.contains(&(Task(1), Task(2), false)), "{written:?}");
    assert!(
        written.iter().all(|&(_, to, w)| w == (to != Task(2))),
        "{written:?}"
    );
}

#[test]
fn a_phase_declaring_only_itself_waits_for_itself() {
    use Node::Phase;
    let src = "# P\n\n## Phase 1: A\n\n**Dependencies:** Phase 1\n\n- [ ] T001 a\n";
    assert_eq!(pairs(src), [(Phase(0), Phase(0), false)]);
    assert_eq!(first_cycle(src), Some(vec![Phase(0), Phase(0)]));
    // An overview copy naming its own id: it waits for itself, and the
    // copy with the tasks, which it speaks for, waits for it. One cycle,
    // not a wait of each copy for each.
    let copy = "# P\n\n## Overview\n\n### Phase 1: A\n\n**Dependencies:** Phase 1\n\n## Tasks\n\n### Phase 1: A\n\n- [ ] T001 a\n";
    assert_eq!(
        pairs(copy),
        [(Phase(0), Phase(0), false), (Phase(0), Phase(1), false)]
    );
    assert_eq!(first_cycle(copy), Some(vec![Phase(0), Phase(0)]));
}
