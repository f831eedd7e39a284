//! Numbered steps: check boxes named `Step 1: Write the failing test`,
//! `Step 2: Run it to see it fail`, as plans written for coding agents
//! lay out the work of one task. Their numbers are their order: step 2
//! waits for step 1, though the plan names no dependency. Without this,
//! `next` offered every step of every task at once, "run the test to see
//! it fail" beside the step that writes the test.
//!
//! A step waits for the step numbered one less before it at its level (its
//! section, phase and parent task alike), so the steps of the next
//! `### Task 2` section start again from their own step 1, which waits
//! for nothing. Sub-steps (`Step 1.2`), words after the word (`Step one`),
//! checks (definition-of-done items) and optional tasks are no numbered
//! steps.

use rustc_hash::FxHashMap;

use crate::{Plan, Task};

/// Where a step stands: its section, phase and parent task.
type Level = (Option<usize>, Option<usize>, Option<usize>);

/// The implicit waits of the plan's numbered steps, as (earlier, later)
/// pairs of indices into `Plan::tasks`. Linear: one wait a step at most.
pub(super) fn step_waits(plan: &Plan) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The last step seen at each level: its number and index.
    let mut last: FxHashMap<Level, (u32, usize)> = FxHashMap::default();
    for (i, t) in plan.tasks.iter().enumerate() {
        if !super::is_work(t) {
            continue;
        }
        let Some(n) = step_number(t) else {
            continue;
        };
        let level = (t.section, t.phase, t.parent);
        if let Some(&(before, j)) = last.get(&level)
            && n > 1
            && before == n - 1
        {
            out.push((j, i));
        }
        last.insert(level, (n, i));
    }
    out
}

/// The number of a task whose text opens with `Step N`, the number ending
/// there: `Step 3: Commit`, `step 2 - run it`, `Step 4`.
fn step_number(t: &Task) -> Option<u32> {
    let text = t.text.as_str();
    let word = text.get(..4)?;
    if !word.eq_ignore_ascii_case("step") {
        return None;
    }
    let rest = &text[4..];
    let digits_at = rest.len() - rest.trim_start().len();
    if digits_at == 0 {
        return None;
    }
    let rest = &rest[digits_at..];
    let len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = &rest[len..];
    // `Step 1.2` is a sub-step, `Step 1a` a step of another numbering.
    let sub = after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit());
    if len == 0 || sub || after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    rest[..len].parse().ok()
}

#[cfg(test)]
#[path = "steps_tests.rs"]
mod tests;
