//! Flags phases or tasks that depend on each other in a circle.
//!
//! ## What it does
//! Builds the dependency graph of phases (`Dependencies: Phase 2`) and of
//! tasks (`Depends on T004`, `(depends on Phase 1)`, `T005 → T006`) and
//! reports each cycle once, listing it in order with the plan's own arrow,
//! as `planwright graph` does: in `T001 → T002 → T001`, each must finish
//! before the next starts. A cycle can also run through what holds what,
//! as `planwright next` reads a plan: a task waits for whatever its phase
//! (or parent task) waits for, and a phase is finished only when its
//! tasks are. In `Phase 1 → Phase 2 → T001 → Phase 1`, T001 of Phase 1
//! waits for Phase 2, which waits for Phase 1, which cannot finish before
//! T001 does; a label shows each such step. A cycle through a phase or
//! task that a cycle already reported goes through is left out: in a
//! tangle of waits, breaking one cycle often breaks the others, and
//! listing every cycle of a tangle could take more findings than the plan
//! has lines (run `lint` again for what is left). A task that waits for
//! a range holding itself (`T006 (depends on T001-T007)`) is told so: the
//! message names the range. So is a phase whose dependencies name only
//! itself (`**Dependencies:** Phase 1` under `## Phase 1`); a phase named
//! among others in its own dependencies (`Phases 1-3` on Phase 3) is read
//! as prose about the run of phases, and waits for the others only.
//!
//! ## Why
//! No phase in a cycle can ever start. `planwright next` will offer none of
//! its tasks.
//!
//! ## Example
//! ```markdown
//! ### Phase 2: API
//! **Dependencies:** Phase 3
//! ### Phase 3: UI
//! **Dependencies:** Phase 2
//! ```
//!
//! ## Fix
//! Remove the dependency that is not real, or split the work so that one
//! side can finish first.

use planwright_core::json::NodeIds;
use planwright_core::waits::{self, Cycle, Events, Node, Wait};
use std::fmt::Write as _;

use planwright_core::{Plan, TaskRange, TaskRanges, TextRange};

use super::Sink;
use crate::Context;

/// The waits and cycles are [`planwright_core::waits`]'s, which `next`
/// and `graph` share; this rule words them and reports each cycle once.
pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let plan = ctx.plan;
    let waits = waits::waits(plan);
    // A wait inside what waits closes no cycle (see `Wait::inner`).
    if waits.iter().all(|w| w.inner) {
        return;
    }
    let (phases, tasks) = (plan.phases.len(), plan.tasks.len());
    let events = Events::new(phases, tasks, &waits, &waits::within(plan));
    // The names `graph` and the JSON give the nodes.
    let NodeIds {
        phases: mut names,
        tasks: task_names,
    } = NodeIds::new(plan);
    names.extend(task_names);
    let index = |n: Node| match n {
        Node::Phase(p) => p,
        Node::Task(t) => phases + t,
    };
    let name = |n: Node| names.get(index(n)).map_or("?", String::as_str);
    for found in events.disjoint_cycles(&waits) {
        emit(out, plan, &waits, &found, &name);
    }
}

fn emit<'n>(
    out: &mut Sink<'_>,
    plan: &Plan,
    waits: &[Wait],
    cycle: &Cycle,
    name: &impl Fn(Node) -> &'n str,
) {
    let names: Vec<&str> = cycle.path.iter().map(|&n| name(n)).collect();
    let path = planwright_core::cycle_path(&names);
    let what = if cycle.path.iter().all(|n| matches!(n, Node::Phase(_))) {
        "phases"
    } else if cycle.path.iter().all(|n| matches!(n, Node::Task(_))) {
        "tasks"
    } else {
        "phases and tasks"
    };
    let range = |w: &usize| waits.get(*w).map(|w| w.range);
    // The wait that closes the cycle is the one found last.
    let Some(closing) = cycle.waits.last().and_then(range) else {
        return;
    };
    let mut message = format!("dependency cycle between {what}: {path}");
    if let Some(range) = own_range(plan, cycle) {
        // `T006 (depends on T001-T007)`: the range, not an id, names it.
        let _ = write!(message, " (the range {range} includes {} itself)", names[0]);
    } else if let &[Node::Phase(p), Node::Phase(again)] = cycle.path.as_slice()
        && p == again
    {
        // `**Dependencies:** Phase 1` under Phase 1: a heading away from
        // the phase's name, the field reads as an ordinary dependency.
        let _ = write!(message, " ({} depends on itself)", names[0]);
    }
    let mut r = out
        .report(closing, message)
        .primary_label("this dependency closes the cycle");
    for at in cycle.waits.iter().rev().skip(1).filter_map(range) {
        r = r.label(at, "part of the cycle");
    }
    for &(a, b) in &cycle.hops {
        let (held, holder) = if waits::holds(plan, a, b) {
            (b, a)
        } else {
            (a, b)
        };
        let at: Option<TextRange> = match held {
            Node::Phase(p) => plan.phases.get(p).map(|p| p.heading),
            Node::Task(t) => plan.tasks.get(t).map(|t| t.line),
        };
        if let Some(at) = at {
            r = r.label(at, format!("{} is part of {}", name(held), name(holder)));
        }
    }
    r.help(
        "remove the dependency that is not real, or split the work so one side can finish first",
    );
}

/// The range a task waiting for itself names itself by, as written
/// (`T001-T007`), when it does not name its own id outright.
fn own_range(plan: &Plan, cycle: &Cycle) -> Option<String> {
    let &[Node::Task(t), Node::Task(again)] = cycle.path.as_slice() else {
        return None;
    };
    let task = plan.tasks.get(t).filter(|_| t == again)?;
    if task
        .depends_on
        .iter()
        .any(|d| d.eq_ignore_ascii_case(&task.id))
    {
        return None;
    }
    let ranges = TaskRanges::new(plan);
    task.depends_on.iter().find_map(|d| {
        let range = TaskRange::parse(d)?;
        ranges
            .tasks(&range)
            .any(|i| i == t)
            .then(|| range.label().to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The messages PW207 gives `src`.
    fn cycles(src: &str) -> Vec<String> {
        let plan = planwright_core::parse(src);
        let ctx = Context {
            source: src,
            plan: &plan,
            dialect: None,
            locate: &|_| crate::Location::Missing,
        };
        let rule = crate::RULES.iter().find(|r| r.code == "PW207").unwrap();
        let mut sink = Sink::new(rule, rule.severity);
        check(&ctx, &mut sink);
        sink.into_diagnostics()
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_cycle_runs_through_what_holds_what() {
        // T001 of Phase 1 waits for Phase 2, which waits for Phase 1.
        let wait = "# P\n\n## Phase 1: A\n\n- [ ] T001 a (depends on Phase 2)\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T002 b\n";
        assert_eq!(
            cycles(wait),
            ["dependency cycle between phases and tasks: Phase 1 → Phase 2 → T001 → Phase 1"]
        );
        // T001 of Phase 1 waits for a task of Phase 2, which waits for
        // Phase 1; and a subtask waits for what its parent waits for.
        let task = wait.replace("(depends on Phase 2)", "(depends on T002)");
        assert_eq!(
            cycles(&task),
            [
                "dependency cycle between phases and tasks: Phase 1 → Phase 2 → T002 → T001 → Phase 1"
            ]
        );
        let parent = "# P\n\n- [ ] T001 Parent (depends on T003)\n  - [ ] T002 Child\n- [ ] T003 c (depends on T002)\n";
        assert_eq!(
            cycles(parent),
            ["dependency cycle between tasks: T001 → T002 → T003 → T001"]
        );
        // In order, or waiting for the phase that holds it, no cycle.
        let ordered = "# P\n\n## Phase 1: A\n\n- [ ] T001 a (depends on Phase 1)\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T002 b (depends on T001)\n- [ ] T003 c (depends on Phase 1)\n";
        assert_eq!(cycles(ordered), Vec::<String>::new());
    }

    #[test]
    fn a_range_naming_its_own_task_says_so() {
        let range = "# P\n\n- [ ] T001 a\n- [ ] T006 f (depends on T001-T007)\n- [ ] T007 g\n";
        assert_eq!(
            cycles(range),
            [
                "dependency cycle between tasks: T006 → T006 (the range T001-T007 includes T006 itself)"
            ]
        );
        // Its own id written outright says as much already.
        let id = "# P\n\n- [ ] T001 a (depends on T001)\n";
        assert_eq!(cycles(id), ["dependency cycle between tasks: T001 → T001"]);
    }

    #[test]
    fn a_phase_depending_on_itself_says_so() {
        let field = "# P\n\n## Phase 1: A\n\n**Dependencies:** Phase 1\n\n- [ ] T010 a\n";
        assert_eq!(
            cycles(field),
            ["dependency cycle between phases: Phase 1 → Phase 1 (Phase 1 depends on itself)"]
        );
        // Named among the phases it waits for, it is prose about the run
        // of phases: no cycle.
        let among = "# P\n\n## Phase 1: A\n\n- [ ] T010 a\n\n## Phase 2: B\n\n**Dependencies:** Phases 1-2\n\n- [ ] T020 b\n";
        assert_eq!(cycles(among), Vec::<String>::new());
    }

    #[test]
    fn what_next_reads_as_no_wait_is_no_cycle() {
        // A step waiting for its own phase is part of it; a phase waiting
        // for its own task holds back only itself.
        for src in [
            "# P\n\n## Phase 2: B\n\n- [ ] T001 a\n\n### Step 2.1: C\n\n**Dependencies:** Phase 2\n\n- [ ] T002 b\n",
            "# P\n\n## Phase 1: A\n\n**Dependencies:** T002\n\n- [ ] T001 a\n- [ ] T002 b (depends on T001)\n",
        ] {
            assert_eq!(cycles(src), Vec::<String>::new(), "{src}");
        }
        // A phase id the plan repeats is every phase of it, as `next`
        // waits for them: here the second Phase 1, holding T001.
        let repeated = "# P\n\n## Overview\n\n### Phase 1: A\n\n## Tasks\n\n### Phase 1: A\n\n- [ ] T001 a (depends on Phase 2)\n\n### Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [ ] T002 b\n";
        assert_eq!(
            cycles(repeated),
            [
                "dependency cycle between phases and tasks: Phase 1 (2) → Phase 2 → T001 → Phase 1 (2)"
            ]
        );
    }
}
