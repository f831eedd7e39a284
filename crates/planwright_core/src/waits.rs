//! The wait graph: which phase or task waits for which, read as
//! `planwright next` reads a plan, and the cycles of waits that can never
//! end. `next` and `graph` (`planwright_edit::track`) and lint's PW207
//! share it, so that what one calls a wait or a cycle the others do too.
//!
//! A wait is written as a phase's `Dependencies:` (`Phase 1 complete`,
//! `Step 2`, `T012`), a task's "Depends on T012" or "(depends on Phase
//! 1)", or a `T005 → T006` chain; a checkpoint task (`Checkpoint – make
//! sure all tests pass`) waits unwritten for the work before it (see
//! [`checkpoints`]), and a numbered step (`Step 2: Run the test`) for the
//! step before it (see [`steps`]). A phase id the plan repeats (an overview
//! `### Phase 1` without tasks and the `### Phase 1` holding them) is every
//! phase of the id but one nested in another of it, whose tasks count
//! there; and what a copy without tasks says it depends on holds back
//! every such copy that says nothing of its own (see [`waiting_copies`]).
//! A phase id repeated in different phases (steps numbered from 1 in each)
//! is, when a phase or its task names it, the one of that phase (see
//! [`roots`]).
//! A task id the plan repeats is every task of the id (see [`resolve`]),
//! within a budget.
//! A wait for something that holds the waiting node is void, as the
//! node is part of it; so is a phase's wait for something it holds (its
//! own step or task), since a phase is finished only when all it holds is
//! and holding back the phase holds back nothing it holds (see
//! [`void`]). A phase that declares its own id as all it waits for
//! (`**Dependencies:** Phase 1` on Phase 1) waits for itself, the cycle
//! `Phase 1 → Phase 1`, as a task naming its own id does; named among
//! other phases, or in prose the reader does not take as a declaration,
//! the reader leaves it out (see `parse::blocks::keep_own`). A reference
//! to something the plan does not have is no wait (lint's PW206 reports
//! it).
//!
//! A range of ids (`depends on T001-T050`, `T003 → T004-T021`) is a wait
//! for each task of the plan in it, found through [`TaskRanges`]: a range
//! crossing a missing id waits for the tasks around it, and `T1-T999999999`
//! for the tasks there are. A plan whose ranges would make more than
//! [`crate::MAX_RESOLVED`] waits in all waits, for each range, for its first
//! unfinished task only (see [`TaskRanges::full`]): what is ready stays
//! exact, and the waits stay in proportion to the plan.

use std::ops::ControlFlow;

use rustc_hash::FxHashSet;

use crate::{Plan, RefTarget, TaskRanges, TextRange};

mod checkpoints;
mod resolve;
mod roots;
mod steps;
#[cfg(test)]
mod test_support;
use resolve::Resolver;
use roots::PhaseRoots;

/// A phase or task, by index into `Plan::phases` or `Plan::tasks`; phases
/// sort first, as `graph` orders them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    Phase(usize),
    Task(usize),
}

/// `from` must finish before `to` can start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wait {
    pub from: Node,
    pub to: Node,
    /// Where it was written: the reference in a phase's `Dependencies:` or
    /// a task's item (a task's "Depends on T012" is its first line), or
    /// the `T005 → T006` chain. The first place, if written more than once.
    pub range: TextRange,
    /// Whether `from` lies inside `to`, a parent task written to follow
    /// one of its subtasks: it holds back `to` itself but nothing `to`
    /// holds, and closes no cycle, since holding `from` already says as
    /// much. (A phase's wait for what it holds is void: see [`waits`].)
    pub inner: bool,
    /// Whether the plan writes it, rather than the reader inferring it
    /// from where a task stands (a checkpoint's wait for the work before
    /// it, a numbered step's for the step before).
    pub written: bool,
}

/// Every wait of the plan, once per (from, to) pair, in the order written:
/// phases' dependencies, then tasks' waits for phases, tasks' waits for
/// tasks, and chains. Void waits (see the module) are left out.
pub fn waits(plan: &Plan) -> Vec<Wait> {
    let tasks = plan.task_ids();
    let ranges = TaskRanges::new(plan);
    let mut resolver = Resolver::new(plan, &tasks, &ranges);
    let mut roots = PhaseRoots::new(plan);
    let mut seen: FxHashSet<(Node, Node)> = FxHashSet::default();
    let mut out = Vec::new();
    // `unwritten`: a wait read from where a task stands, not from words,
    // which yields to a wait written the other way rather than make a
    // cycle of the reader's own.
    let mut add = |from: Node, to: Node, range: TextRange, unwritten: bool| {
        if unwritten && seen.contains(&(to, from)) {
            return;
        }
        if !void(plan, from, to) && seen.insert((from, to)) {
            let inner = holds(plan, to, from);
            out.push(Wait {
                from,
                to,
                range,
                inner,
                written: !unwritten,
            });
        }
    };
    let mut push = |from: Node, to: Node, range: TextRange| add(from, to, range, false);
    for (p, phase) in plan.phases.iter().enumerate() {
        if phase.depends_on.is_empty() {
            continue;
        }
        let waiting = waiting_copies(plan, &mut roots, p);
        for d in &phase.depends_on {
            match &d.target {
                RefTarget::Phase { kind, number } => {
                    // The reader keeps a phase's own id only when the
                    // phase declares it and nothing else (see the module):
                    // the phase waits for itself, a cycle, and whatever
                    // it speaks for waits for it. Not each copy of a
                    // repeated id for each: that is one cycle, not many.
                    if *kind == phase.kind && number.eq_ignore_ascii_case(&phase.number) {
                        for &w in &waiting {
                            push(Node::Phase(p), Node::Phase(w), d.range);
                        }
                        continue;
                    }
                    for &q in roots.get_from(&d.target, Some(p)) {
                        for &w in &waiting {
                            push(Node::Phase(q), Node::Phase(w), d.range);
                        }
                    }
                }
                RefTarget::Task(key) => {
                    for t in resolver.resolve(key, None) {
                        for &w in &waiting {
                            push(Node::Task(t), Node::Phase(w), d.range);
                        }
                    }
                }
            }
        }
    }
    for w in &plan.phase_waits {
        let from = plan.tasks.get(w.task).and_then(|t| t.phase);
        for &q in roots.get_from(&w.phase.target, from) {
            push(Node::Phase(q), Node::Task(w.task), w.phase.range);
        }
    }
    // Chains ending in a range (see `TaskRanges::link_targets`) land on
    // each task of it, after what the task names, as chains ending in an
    // id land on its `depends_on`.
    let mut targets = ranges.link_targets(plan);
    targets.sort_by_key(|&(t, _)| t);
    let mut targets = targets.into_iter().peekable();
    for (i, t) in plan.tasks.iter().enumerate() {
        for dep in &t.depends_on {
            // A task naming the id it shares with others ("T001 second
            // (depends on T001)") means the others, not itself.
            let others = dep.eq_ignore_ascii_case(&t.id) && tasks.is_repeated(dep);
            for d in resolver
                .resolve(dep, others.then_some(i))
                .filter(|&d| !(others && d == i))
            {
                push(Node::Task(d), Node::Task(i), t.line);
            }
        }
        while let Some((_, l)) = targets.next_if(|&(at, _)| at == i) {
            let link = &plan.task_links[l];
            for from in resolver.resolve(&link.from, None) {
                push(Node::Task(from), Node::Task(i), link.range);
            }
        }
    }
    for link in &plan.task_links {
        if let Some(to) = tasks.get(&link.to) {
            for from in resolver.resolve(&link.from, None) {
                push(Node::Task(from), Node::Task(to), link.range);
            }
        }
    }
    // Last: a checkpoint's wait for the work before it is read from where
    // it stands, not written, and yields to what the plan writes.
    for (from, to) in checkpoints::checkpoint_waits(plan) {
        add(Node::Task(from), Node::Task(to), plan.tasks[to].line, true);
    }
    // So is a numbered step's wait for the step before it (`Step 2` after
    // `Step 1`; see [`steps`]).
    for (from, to) in steps::step_waits(plan) {
        add(Node::Task(from), Node::Task(to), plan.tasks[to].line, true);
    }
    out
}

/// Work to be done now, which the waits a plan does not write (a
/// checkpoint's, a numbered step's) join: not a check, not optional, not
/// left for later nor a log's record.
fn is_work(t: &crate::Task) -> bool {
    t.kind.counts() && !t.kind.is_check() && !t.optional
}

/// Whether the wait of `to` for `from` is void: `to` lies inside `from`
/// (a step waiting for its own phase), or `to` is a phase holding `from`
/// (a phase waiting for its own step or task). The latter held back only
/// the phase itself, which `next` never lists, so `graph` drew an edge
/// that `next` ignored; dropped here, where both read their waits, they
/// agree. A parent task's wait for its own subtask stays (see
/// [`Wait::inner`]): the parent is a task `next` may list.
fn void(plan: &Plan, from: Node, to: Node) -> bool {
    holds(plan, from, to) || (matches!(to, Node::Phase(_)) && holds(plan, to, from))
}

/// The phases that wait for what phase `p` states it depends on: `p`,
/// and when `p` holds no tasks (an overview `### Phase 2` saying
/// `Dependencies: Phase 1`), every other root of its id (see
/// [`PhaseRoots`]) that states nothing of its own dependencies: the
/// overview speaks for the `### Phase 2` holding the tasks, as a wait for
/// `Phase 2` waits for both. A copy with a statement of its own
/// (`Dependencies: None` too) keeps it, as an overview item's dependency
/// yields to the headed phase's own (`parse::note_phases`); and what a
/// phase with tasks says is its own, not that of another phase numbered
/// alike (`### Phase 2: Build` and `### Phase 2: Polish`).
fn waiting_copies(plan: &Plan, roots: &mut PhaseRoots<'_>, p: usize) -> Vec<usize> {
    let phase = &plan.phases[p];
    let id = RefTarget::Phase {
        kind: phase.kind,
        number: phase.number.clone(),
    };
    let mut out = vec![p];
    // An unnumbered phase shares its empty id with no overview copy.
    if phase.number.is_empty() || !phase.tasks.is_empty() {
        return out;
    }
    out.extend(
        roots
            .get(&id)
            .iter()
            .copied()
            .filter(|&q| q != p && plan.phases[q].depends_range.is_none()),
    );
    out
}

/// What holds what, as (held, holder): each task in its phase and in its
/// parent task, each step in its phase. A holder later in the plan than
/// what it holds is left out, so that no parent links, whatever they say,
/// make a cycle of their own.
pub fn within(plan: &Plan) -> Vec<(Node, Node)> {
    let mut within = Vec::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        if let Some(p) = t.phase.filter(|&p| p < plan.phases.len()) {
            within.push((Node::Task(i), Node::Phase(p)));
        }
        if let Some(p) = t.parent.filter(|&p| p < i) {
            within.push((Node::Task(i), Node::Task(p)));
        }
    }
    for (i, p) in plan.phases.iter().enumerate() {
        if let Some(q) = p.parent.filter(|&q| q < i) {
            within.push((Node::Phase(i), Node::Phase(q)));
        }
    }
    within
}

/// Whether `holder` holds `held`, however deep: a subtask in its
/// ancestors, a task in its phase and the phase's ancestors, a step in its
/// phase's. Never a node itself. Bounded by the plan's size, whatever the
/// parent links say.
pub fn holds(plan: &Plan, holder: Node, held: Node) -> bool {
    let phase_chain = |start: Option<usize>| {
        std::iter::successors(start, |&p| plan.phases.get(p).and_then(|p| p.parent))
            .take(plan.phases.len())
    };
    match (held, holder) {
        (Node::Task(t), Node::Task(h)) => {
            std::iter::successors(plan.tasks.get(t).and_then(|t| t.parent), |&p| {
                plan.tasks.get(p).and_then(|t| t.parent)
            })
            .take(plan.tasks.len())
            .any(|p| p == h)
        }
        (Node::Task(t), Node::Phase(h)) => {
            phase_chain(plan.tasks.get(t).and_then(|t| t.phase)).any(|p| p == h)
        }
        (Node::Phase(p), Node::Phase(h)) => {
            phase_chain(plan.phases.get(p).and_then(|p| p.parent)).any(|p| p == h)
        }
        (Node::Phase(_), Node::Task(_)) => false,
    }
}

/// The waits as events, to find the waits that can never end. Each node is
/// two events, its start and its finish: a wait runs from a finish to a
/// start (`T001 → T002`: T002 starts after T001 finishes), a holder starts
/// before what it holds and finishes after it (a task waits for whatever
/// its phase or parent task waits for, and a phase is finished only when
/// its tasks are), and every node starts before it finishes. A cycle of
/// events is a cycle of waits, possibly through what holds what.
#[derive(Clone, Debug)]
pub struct Events {
    phases: usize,
    /// The edges out of event `e` are `edges[starts[e]..starts[e + 1]]`,
    /// in the order added, which is the order the search follows them.
    starts: Vec<usize>,
    edges: Vec<Edge>,
}

#[derive(Clone, Copy, Debug)]
struct Edge {
    to: usize,
    /// The index of the wait it stands for in the list given to
    /// [`Events::new`]; `None` for the steps through what holds what.
    wait: Option<usize>,
}

impl Events {
    /// The events of a plan of `phases` phases and `tasks` tasks, with
    /// `waits` (see [`waits`]; those `inner` are left out) and `within`
    /// (see [`within`]).
    pub fn new(phases: usize, tasks: usize, waits: &[Wait], within: &[(Node, Node)]) -> Self {
        let count = 2 * (phases + tasks);
        let event = |node: Node, finish: bool| {
            let n = match node {
                Node::Phase(p) => p,
                Node::Task(t) => phases + t,
            };
            2 * n + usize::from(finish)
        };
        // (from, edge), in the order the search is to follow them.
        let mut all: Vec<(usize, Edge)> = Vec::with_capacity(waits.len() + count + within.len());
        for (i, w) in waits.iter().enumerate().filter(|(_, w)| !w.inner) {
            let to = event(w.to, false);
            all.push((event(w.from, true), Edge { to, wait: Some(i) }));
        }
        for n in 0..phases + tasks {
            all.push((
                2 * n,
                Edge {
                    to: 2 * n + 1,
                    wait: None,
                },
            ));
        }
        for &(held, holder) in within {
            let down = event(held, false);
            all.push((
                event(holder, false),
                Edge {
                    to: down,
                    wait: None,
                },
            ));
            let up = event(holder, true);
            all.push((event(held, true), Edge { to: up, wait: None }));
        }
        all.retain(|(from, e)| *from < count && e.to < count);
        // Laid out by their first event, keeping the order within each.
        let mut starts = vec![0; count + 1];
        for &(from, _) in &all {
            starts[from + 1] += 1;
        }
        for e in 0..count {
            starts[e + 1] += starts[e];
        }
        let mut fill = starts.clone();
        let mut edges = vec![Edge { to: 0, wait: None }; all.len()];
        for (from, e) in all {
            edges[fill[from]] = e;
            fill[from] += 1;
        }
        Self {
            phases,
            starts,
            edges,
        }
    }

    /// The cycles that share no node with a cycle found before them, in
    /// the order the search meets them: breaking one cycle of a tangle
    /// often breaks the others, and listing every cycle of a tangle could
    /// take more lines than the plan has. Bounded by the nodes, not by the
    /// cycles (which can grow with the square of the waits). `waits` is
    /// the list given to [`Events::new`].
    pub fn disjoint_cycles(&self, waits: &[Wait]) -> Vec<Cycle> {
        let index = |n: Node| match n {
            Node::Phase(p) => p,
            Node::Task(t) => self.phases + t,
        };
        let mut reported = vec![false; (self.starts.len() - 1) / 2];
        let mut out = Vec::new();
        self.for_each_cycle(|cycle| {
            // A node of a cycle is an end of one of its waits.
            let seen = |w: usize| {
                waits.get(w).is_some_and(|w| {
                    reported.get(index(w.from)) == Some(&true)
                        || reported.get(index(w.to)) == Some(&true)
                })
            };
            // The closing wait first: in a tangle most cycles close at a
            // node reported already, and reading each whole was quadratic.
            if cycle.closing().is_some_and(seen) || cycle.waits().any(seen) {
                return ControlFlow::<()>::Continue(());
            }
            if let Some(found) = cycle.read() {
                for &n in &found.path {
                    if let Some(r) = reported.get_mut(index(n)) {
                        *r = true;
                    }
                }
                out.push(found);
            }
            ControlFlow::Continue(())
        });
        out
    }

    /// Calls `found` with each cycle a depth-first search meets, from the
    /// first event in turn, until it breaks; returns what it broke with.
    /// Without recursion: plans may be long chains. A tangle of waits can
    /// have a cycle for every wait, each as long as the plan: `found` gets
    /// a view of the search's own path, to read only as far as it needs.
    pub fn for_each_cycle<B>(
        &self,
        mut found: impl FnMut(CycleEvents<'_>) -> ControlFlow<B>,
    ) -> Option<B> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Active,
            Done,
        }
        let count = self.starts.len() - 1;
        let mut mark = vec![Mark::New; count];
        // Where each active event stands on the stack.
        let mut at = vec![0; count];
        let mut stack: Vec<Frame> = Vec::new();
        for root in 0..count {
            if mark[root] != Mark::New {
                continue;
            }
            mark[root] = Mark::Active;
            stack.push(Frame::at(root, self.starts[root]));
            while let Some(top) = stack.last_mut() {
                let ev = top.event;
                let Some(&edge) = self.edges[..self.starts[ev + 1]].get(top.next) else {
                    mark[ev] = Mark::Done;
                    stack.pop();
                    continue;
                };
                top.next += 1;
                top.wait = edge.wait;
                match mark[edge.to] {
                    Mark::New => {
                        mark[edge.to] = Mark::Active;
                        at[edge.to] = stack.len();
                        stack.push(Frame::at(edge.to, self.starts[edge.to]));
                    }
                    Mark::Active => {
                        let frames = &stack[at[edge.to]..];
                        let cycle = CycleEvents {
                            frames,
                            phases: self.phases,
                        };
                        if let ControlFlow::Break(b) = found(cycle) {
                            return Some(b);
                        }
                    }
                    Mark::Done => {}
                }
            }
        }
        None
    }
}

/// An event on the search's path.
#[derive(Clone, Copy, Debug)]
struct Frame {
    event: usize,
    /// The next edge to follow, as an index into `Events::edges`.
    next: usize,
    /// The wait of the edge last followed from it: on the path, the one
    /// that leads to the next event.
    wait: Option<usize>,
}

impl Frame {
    fn at(event: usize, first_edge: usize) -> Self {
        Self {
            event,
            next: first_edge,
            wait: None,
        }
    }
}

/// A cycle of events as the search met it: its path from the event it
/// closed at, each event with the wait that leads to the next (the last
/// one's back to the first).
#[derive(Clone, Copy, Debug)]
pub struct CycleEvents<'s> {
    frames: &'s [Frame],
    phases: usize,
}

impl CycleEvents<'_> {
    /// The wait that closed the cycle, the one the search followed last,
    /// if the cycle closed on a wait; in constant time.
    pub fn closing(&self) -> Option<usize> {
        self.frames.last().and_then(|f| f.wait)
    }

    /// The waits along the cycle, as indices into the list given to
    /// [`Events::new`], in the order the search followed them.
    pub fn waits(&self) -> impl Iterator<Item = usize> + '_ {
        self.frames.iter().filter_map(|f| f.wait)
    }

    /// The cycle read as nodes; `None` without a wait along it.
    pub fn read(&self) -> Option<Cycle> {
        let node = |ev: usize| {
            let n = ev / 2;
            if n < self.phases {
                Node::Phase(n)
            } else {
                Node::Task(n - self.phases)
            }
        };
        let first = self.frames.first()?.event;
        // Its waits are its finish-to-start steps; between two of them it
        // runs down into, or up out of, what holds what.
        let mut steps = Vec::new();
        for (i, f) in self.frames.iter().enumerate() {
            let next = self.frames.get(i + 1).map_or(first, |f| f.event);
            if let Some(w) = f.wait {
                steps.push((node(f.event), node(next), w));
            }
        }
        let mut path: Vec<Node> = Vec::new();
        let mut hops = Vec::new();
        for &(from, to, _) in &steps {
            match path.last() {
                Some(&last) if last != from => {
                    hops.push((last, from));
                    path.push(from);
                }
                Some(_) => {}
                None => path.push(from),
            }
            path.push(to);
        }
        // Once round: the last wait may lead back to the first node.
        if path.len() > 1 && path.first() == path.last() {
            path.pop();
        } else if let (Some(&first), Some(&last)) = (path.first(), path.last()) {
            hops.push((last, first));
        }
        let start = (0..path.len()).min_by_key(|&i| path[i])?;
        path.rotate_left(start);
        path.extend(path.first().copied());
        let waits = steps.into_iter().map(|(_, _, w)| w).collect();
        Some(Cycle { path, waits, hops })
    }
}

/// A cycle of waits, read from its events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cycle {
    /// The nodes along it, from the smallest, which is repeated last:
    /// consecutive nodes are joined by a wait or one holds the other.
    pub path: Vec<Node>,
    /// Its waits, as indices into the list given to [`Events::new`], in
    /// the order the search followed them: the last closed the cycle.
    pub waits: Vec<usize>,
    /// The steps of `path` that are no wait but one node holding the
    /// other.
    pub hops: Vec<(Node, Node)>,
}

#[cfg(test)]
#[path = "waits_tests.rs"]
mod tests;
