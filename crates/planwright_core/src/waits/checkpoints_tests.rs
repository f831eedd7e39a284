//! Checkpoint tasks and the work they wait for.

use crate::parse::parse;
use crate::waits::test_support::{pairs, task_waits_by};

/// The waits of `src` between tasks, by their ids.
fn task_waits(src: &str) -> Vec<(String, String)> {
    task_waits_by(src, |plan, i| plan.tasks[i].id.to_string())
}

#[test]
fn a_checkpoint_waits_for_the_work_before_it() {
    // Kiro's layout: subtasks wait through their parent, the optional one
    // holds nothing back, and the final checkpoint waits for the first and
    // what came after it.
    let src = "# Plan\n\n- [x] 1. Set up the module\n- [ ] 2. Write the exporter\n  \
               - [ ] 2.1 Quote fields\n  - [ ]* 2.2 Property test\n\
               - [ ] 3. Checkpoint – make sure all tests pass\n\
               - [ ] 4. Add the command\n- [ ] 5. Final checkpoint - verify the release\n";
    assert_eq!(
        task_waits(src),
        pairs(&[("1", "3"), ("2", "3"), ("3", "5"), ("4", "5")])
    );
}

#[test]
fn a_checkpoint_waits_within_its_phase_only() {
    let src = "# Tasks\n\n## Phase 1: Setup\n\n- [ ] T001 Init\n\n\
               ## Phase 2: Build\n\n- [ ] T002 Build it\n\n### Verification\n\n\
               - [ ] T003 Run the suite\n- [ ] T004 **MVP CHECKPOINT**: Tag release v0.1\n\n\
               ## Definition of Done\n\n- [ ] Checkpoint: all green\n";
    assert_eq!(
        task_waits(src),
        pairs(&[("T002", "T004"), ("T003", "T004")])
    );
}

#[test]
fn only_a_checkpoints_label_makes_one() {
    let plan = parse(
        "# P\n\n- [ ] Checkpoint\n- [ ] Final Checkpoint — review\n\
         - [ ] Checkpoint (ask the user)\n- [ ] Implement checkpoint: save state\n\
         - [ ] Add checkpoint support to the runner\n- [ ] Checkpoint restore works\n\
         - [ ] Review the checkpoint - logs\n",
    );
    let read: Vec<bool> = plan.tasks.iter().map(crate::Task::is_checkpoint).collect();
    assert_eq!(read, [true, true, true, false, false, false, false]);
}

#[test]
fn a_checkpoint_yields_to_a_wait_written_the_other_way() {
    // No cycle of the reader's making: the plan says the first task waits
    // for the checkpoint, so the checkpoint does not wait for it.
    let src = "# P\n\n- [ ] T001 Ship (depends on T002)\n- [ ] T002 Checkpoint: demo\n";
    assert_eq!(task_waits(src), pairs(&[("T002", "T001")]));
}
