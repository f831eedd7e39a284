//! Arbitrary bytes, read as a plan, then for each of its first tasks
//! `done` followed by `undo` (and, for a ticked task, `undo` then `done`),
//! computed by the same pure operation the CLI uses
//! (`planwright_edit::ops::set_task_state`) and applied with
//! `planwright_core::edit::apply`. Every step must patch only the mark byte,
//! re-parse to the same tasks with the new state (and pass the CLI's own
//! `verify`), and the round trip must give the original bytes back.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planwright_core::edit::{Edit, apply};
use planwright_core::{Plan, TaskState, TextRange, parse};
use planwright_edit::ops::{Intent, Marks, set_task_state};
use planwright_edit::verify;
use planwright_fuzz::{assert_only_patched, assert_sound};

/// Tasks tried per input: each costs four parses.
const MAX_TASKS: usize = 16;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let plan = parse(src);
    for i in 0..plan.tasks.len().min(MAX_TASKS) {
        round_trip(src, &plan, i);
    }
});

fn round_trip(src: &str, plan: &Plan, i: usize) {
    let task = &plan.tasks[i];
    let at = task.check_range.start as usize + 1;
    let mark = |c: char| Edit::replace(TextRange::new(at, at + 1), c.to_string());

    let (ticked, ticked_plan) = step(src, plan, i, TaskState::Done);
    let (back, _) = step(&ticked, &ticked_plan, i, TaskState::Open);
    if task.mark == ' ' {
        assert_eq!(back, src, "done then undo of task #{i} changed the text");
    } else {
        // A ticked or started box comes back open; nothing else differs.
        assert_only_patched(src, &[mark(' ')], &back);
    }

    if task.state == TaskState::Done {
        let (open, open_plan) = step(src, plan, i, TaskState::Open);
        let (done, _) = step(&open, &open_plan, i, TaskState::Done);
        // Back to done, in the tick of the task's own list, else the
        // file's (which may be the other case when the file mixes `x` and
        // `X`).
        let tick = Marks::of(&open_plan).tick_for(i);
        assert_only_patched(src, &[mark(tick)], &done);
    }
}

/// Puts task `i` in state `to`, checking the patch and the re-parse.
fn step(src: &str, plan: &Plan, i: usize, to: TaskState) -> (String, Plan) {
    let task = &plan.tasks[i];
    let Some(edit) = set_task_state(plan, i, to) else {
        assert_eq!(
            task.state, to,
            "no patch for task #{i} but it is not {to:?}"
        );
        return (src.to_owned(), plan.clone());
    };
    let at = task.check_range.start as usize + 1;
    assert_eq!(
        edit.range,
        TextRange::new(at, at + 1),
        "the patch for task #{i} is not the byte inside its box"
    );
    let out = apply(src, std::slice::from_ref(&edit))
        .unwrap_or_else(|e| panic!("task #{i} to {to:?}: {e}\nsource: {src:?}"));
    assert_only_patched(src, std::slice::from_ref(&edit), &out);

    let after = parse(&out);
    assert_sound(&after, &out);
    assert_eq!(
        after.tasks.len(),
        plan.tasks.len(),
        "task #{i} to {to:?} changed the number of tasks\nsource: {src:?}\nresult: {out:?}"
    );
    assert_eq!(
        after.tasks[i].state, to,
        "task #{i} did not read back as {to:?}\nresult: {out:?}"
    );
    assert_eq!(
        after.tasks[i].check_range, task.check_range,
        "task #{i} moved\nresult: {out:?}"
    );
    if let Err(e) = verify(plan, &after, &Intent::TaskStates(vec![(i, to)])) {
        panic!("task #{i} to {to:?}: {e}\nsource: {src:?}\nresult: {out:?}");
    }
    (out, after)
}
