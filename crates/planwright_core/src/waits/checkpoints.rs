//! Checkpoints: a task that checks the work before it (`4. Checkpoint –
//! make sure all tests pass`, which Kiro writes between groups of tasks;
//! spec-kit's `**MVP CHECKPOINT**: Tag release`) waits for that work,
//! though the plan names none of it: `next` offered it beside the very
//! tasks it was to check.
//!
//! The work it checks is the tasks before it at its level (its phase and
//! its parent task the same) back to the checkpoint before it, which it
//! waits for too. Checks (definition-of-done items, acceptance criteria),
//! optional tasks and those left for later are no work it waits for, and a
//! check box among them that reads as a checkpoint waits for nothing.

use rustc_hash::FxHashMap;

use super::is_work;
use crate::Plan;

/// The implicit waits of the plan's checkpoints, as (task, checkpoint)
/// pairs of indices into `Plan::tasks`, in document order of the
/// checkpoints. Linear: each task is waited for by one checkpoint at most.
pub(super) fn checkpoint_waits(plan: &Plan) -> Vec<(usize, usize)> {
    // Most plans have none, and sparing them the map of every task by
    // level below showed in `lint` over a tree of plans.
    if !plan.tasks.iter().any(|t| is_work(t) && t.is_checkpoint()) {
        return Vec::new();
    }
    // The tasks since the last checkpoint, by level.
    let mut since: FxHashMap<(Option<usize>, Option<usize>), Vec<usize>> = FxHashMap::default();
    let mut out = Vec::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        if !is_work(t) {
            continue;
        }
        let level = since.entry((t.phase, t.parent)).or_default();
        if t.is_checkpoint() {
            out.extend(level.drain(..).map(|before| (before, i)));
        }
        level.push(i);
    }
    out
}

#[cfg(test)]
#[path = "checkpoints_tests.rs"]
mod tests;
