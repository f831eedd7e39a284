//! Flags a task or phase ticked done while something it depends on is
//! not.
//!
//! ## What it does
//! Reads the dependencies the plan writes, as `planwright next` reads
//! them: a task's "Depends on T003" or "(depends on Phase 1)", a chain
//! `T003 → T005`, a phase's `**Dependencies:** Phase 1`. Where the task
//! that waits is ticked, or every task of the phase that waits is, while
//! the task it waits for is open or in progress, or the phase it waits for
//! still holds an open task, the waiting task or phase is reported, with
//! what it waits for (three at most named, and how many more).
//!
//! A task or phase is finished as `next` reads it: a task ticked, a phase
//! whose work is all ticked (boxes left for later and a log's records are
//! no work of its). Only what is written counts: not the wait the reader
//! infers for a checkpoint or a numbered step, and not a parent task's for
//! its own subtask (PW210 reports a parent ticked over open subtasks). A
//! phase without work is left alone, its status saying whether it is
//! finished.
//!
//! ## Why
//! Either the work was done out of order, and what it stands on is not
//! there yet, or the box it depends on was never ticked and the plan
//! understates what is done. Both mislead whoever reads the plan next,
//! `planwright next` among them, and coding agents ticking boxes as they
//! go make the second easy to miss.
//!
//! ## Example
//! ```markdown
//! - [ ] T003 Create the schema
//! - [x] T005 Write the migration (depends on T003)
//! ```
//!
//! ## Fix
//! Tick what it depends on if that is done too; otherwise reopen the task
//! (`planwright undo`) or correct the dependency. There is no automatic
//! fix: only the author knows which.

use planwright_core::waits::{Node, waits};
use planwright_core::{Plan, TaskState, Text, TextRange};
use rustc_hash::FxHashMap;

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let plan = ctx.plan;
    // Most plans write no dependency: nothing to read.
    let writes_any = plan.tasks.iter().any(|t| !t.depends_on.is_empty())
        || !plan.task_links.is_empty()
        || !plan.phase_waits.is_empty()
        || plan.phases.iter().any(|p| !p.depends_on.is_empty());
    if !writes_any {
        return;
    }
    // What each finished node waits for and is not, with where the wait
    // is written: in the order the waits come, grouped by the waiting
    // node.
    let mut early: Vec<(Node, Vec<(Node, TextRange)>)> = Vec::new();
    // Each waiting node's place in `early`, kept rather than searched
    // for: searching made a plan of thousands of tasks ticked out of
    // order quadratic.
    let mut index: FxHashMap<Node, usize> = FxHashMap::default();
    let mut chains: Option<Chains> = None;
    for w in waits(plan) {
        if !w.written || w.inner || !finished(plan, w.to) || !unfinished(plan, w.from) {
            continue;
        }
        let chains = chains.get_or_insert_with(|| Chains::of(plan));
        let range = chains.range(plan, w.from, w.to).unwrap_or(w.range);
        let at = *index.entry(w.to).or_insert_with(|| {
            early.push((w.to, Vec::new()));
            early.len() - 1
        });
        early[at].1.push((w.from, range));
    }
    for (to, froms) in early {
        report(plan, out, to, &froms);
    }
}

/// Where chains (`T005 → T008`) write the waits of tasks for tasks: the
/// reader lands a chain on the waiting task's dependencies, and the wait
/// comes with that task's line. By ids in upper case; the first chain
/// writing a pair wins.
struct Chains(FxHashMap<(Text, Text), TextRange>);

impl Chains {
    fn of(plan: &Plan) -> Self {
        let mut map = FxHashMap::default();
        for l in &plan.task_links {
            map.entry((l.from.to_ascii_uppercase(), l.to.to_ascii_uppercase()))
                .or_insert(l.range);
        }
        Self(map)
    }

    fn range(&self, plan: &Plan, from: Node, to: Node) -> Option<TextRange> {
        let (Node::Task(f), Node::Task(t)) = (from, to) else {
            return None;
        };
        let key = (
            plan.tasks[f].id.to_ascii_uppercase(),
            plan.tasks[t].id.to_ascii_uppercase(),
        );
        self.0.get(&key).copied()
    }
}

/// A task ticked, or a phase whose work is all done (some at least), as
/// `next` reads them finished.
fn finished(plan: &Plan, node: Node) -> bool {
    match node {
        Node::Task(t) => plan.tasks[t].state == TaskState::Done,
        Node::Phase(p) => {
            let mut work = plan.phase_work(p).peekable();
            work.peek().is_some() && work.all(|t| t.state == TaskState::Done)
        }
    }
}

/// A task open or in progress, or a phase with work left: what `next`
/// holds a task back for. A phase without work is finished or not by its
/// status, which is left alone here.
fn unfinished(plan: &Plan, node: Node) -> bool {
    match node {
        Node::Task(t) => plan.tasks[t].state != TaskState::Done,
        Node::Phase(p) => plan.phase_work(p).any(|t| t.state != TaskState::Done),
    }
}

fn name(plan: &Plan, node: Node) -> String {
    match node {
        Node::Task(t) => super::done_with_open_subtasks::name(&plan.tasks[t]),
        Node::Phase(p) => plan.phases[p].id.to_string(),
    }
}

/// Where a node is written: a task's line, a phase's heading.
fn place(plan: &Plan, node: Node) -> TextRange {
    match node {
        Node::Task(t) => plan.tasks[t].line,
        Node::Phase(p) => plan.phases[p].heading,
    }
}

/// Names shown before "and N more".
const SHOWN: usize = 3;

fn report(plan: &Plan, out: &mut Sink<'_>, to: Node, froms: &[(Node, TextRange)]) {
    let mut names: Vec<String> = froms
        .iter()
        .take(SHOWN)
        .map(|&(f, _)| name(plan, f))
        .collect();
    if froms.len() > SHOWN {
        names.push(format!("{} more", froms.len() - SHOWN));
    }
    let listed = match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    };
    let what = match to {
        Node::Task(_) => "done",
        Node::Phase(_) => "done (all its tasks ticked)",
    };
    let mut r = out
        .report(
            place(plan, to),
            format!(
                "{} is {what} before {listed}, which it depends on",
                name(plan, to)
            ),
        )
        .primary_label("done");
    let at = place(plan, to);
    let mut written: Vec<TextRange> = Vec::new();
    for &(from, range) in froms.iter().take(SHOWN) {
        let label = match from {
            Node::Task(_) => "not done",
            Node::Phase(_) => "has open tasks",
        };
        r = r.label(place(plan, from), label);
        // A chain or a field written away from the waiting task's line
        // or heading: shown, once, as where the dependency is stated.
        if !at.contains_range(range) && !written.contains(&range) {
            written.push(range);
            r = r.label(range, "the dependency");
        }
    }
    r.help("tick what it depends on if that is done too; otherwise reopen this or correct the dependency");
}
