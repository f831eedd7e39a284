//! Read-only views over a plan's work: which tasks can start now, and the
//! dependency graph of phases, steps and tasks with its cycles.
//!
//! Dependencies are the ones the reader parsed: a phase's `Dependencies:`
//! (`Phase 1 complete`, `Step 2`, `T012`), a task's "Depends on T012" or
//! "(depends on Phase 1)", and `T005 → T006` chains. A reference to
//! something the plan does not have blocks nothing here; `lint` reports it.

use std::collections::HashMap;
use std::ops::ControlFlow;

use planwright_core::json::NodeIds;
use planwright_core::waits;
use planwright_core::{Plan, StatusReading, StatusWords, TaskState, TextRange};

/// A task to work on now: in progress, or able to start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ready {
    /// Index into `Plan::tasks`.
    pub task: usize,
    /// Tasks of one batch are marked parallel, share a phase and follow one
    /// another in the plan: they can run at once. Numbered from 1 per plan.
    pub batch: Option<usize>,
    /// For a task in progress, what it still waits for (see
    /// [`Graph::task_waits`]); empty for the others, which wait for
    /// nothing.
    pub waits_for: Vec<Waited>,
}

/// What a task waits for: an unfinished phase or task, or the plan itself,
/// whose status says its work is held up (see [`Graph::task_waits`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Waited {
    Node(Node),
    Plan,
}

/// The tasks to work on: not done, not waiting for an unfinished phase (of
/// their own phase or an enclosing one) or task (their own wait or an
/// enclosing task's: a subtask of a blocked task is blocked too), and not a
/// container whose subtasks are still open (those are listed instead; but
/// see [`workable`] for optional subtasks and containers in progress).
/// A task in progress is listed even while it waits, with what it waits
/// for: it has started, and work under way hidden from the list is work
/// forgotten. Definition of done and acceptance criteria are checked at the
/// end, never "started". In-progress tasks come first, then document order.
/// `words` say how the plan's dialect writes its status and which values
/// count as finished (see [`Graph::new`]).
pub fn ready_tasks(plan: &Plan, words: StatusWords<'_>) -> Vec<Ready> {
    ready_in(&Graph::new(plan, words), plan)
}

/// [`ready_tasks`] on the plan's graph built already, for a caller that
/// reads it for more (`next` looks for cycles in it too).
pub fn ready_in(graph: &Graph, plan: &Plan) -> Vec<Ready> {
    let mut waiting: HashMap<usize, Vec<Waited>> = HashMap::new();
    let mut ready: Vec<usize> = Vec::new();
    for i in workable(plan).filter(|&i| !graph.given_up(plan, i)) {
        let t = &plan.tasks[i];
        let waits = if graph.edges.is_empty() && !graph.holds_any() {
            Vec::new()
        } else {
            graph.task_waits(plan, i)
        };
        if waits.is_empty() {
            ready.push(i);
        } else if t.state == TaskState::InProgress {
            waiting.insert(i, waits);
            ready.push(i);
        }
    }
    // Work under way first, then what must be done before what may be
    // skipped (Kiro's optional `- [ ]*`), each in plan order.
    ready.sort_by_key(|&i| {
        let t = &plan.tasks[i];
        (t.state != TaskState::InProgress, t.optional)
    });
    let mut out: Vec<Ready> = Vec::with_capacity(ready.len());
    let mut batches = 0;
    for (n, &i) in ready.iter().enumerate() {
        let t = &plan.tasks[i];
        let prev = n.checked_sub(1).map(|p| ready[p]);
        let next = ready.get(n + 1).copied();
        let joins = |o: Option<usize>| {
            o.is_some_and(|o| {
                let other = &plan.tasks[o];
                other.parallel && other.phase == t.phase && other.state == t.state
            })
        };
        let batch = if !t.parallel {
            None
        } else if joins(prev) {
            out.last().and_then(|r| r.batch)
        } else if joins(next) {
            batches += 1;
            Some(batches)
        } else {
            None
        };
        let waits_for = waiting.remove(&i).unwrap_or_default();
        out.push(Ready {
            task: i,
            batch,
            waits_for,
        });
    }
    out
}

/// The open tasks that wait for something (see [`ready_tasks`]) and have
/// not started anyway, in document order, each with what it waits for
/// (see [`Graph::task_waits`]): what keeps them out of [`ready_tasks`].
pub fn waiting_tasks(plan: &Plan, words: StatusWords<'_>) -> Vec<(usize, Vec<Waited>)> {
    waiting_in(&Graph::new(plan, words), plan)
}

/// [`waiting_tasks`] on the plan's graph built already, as [`ready_in`].
pub fn waiting_in(graph: &Graph, plan: &Plan) -> Vec<(usize, Vec<Waited>)> {
    if graph.edges.is_empty() && !graph.holds_any() {
        return Vec::new();
    }
    workable(plan)
        .filter(|&i| plan.tasks[i].state != TaskState::InProgress && !graph.given_up(plan, i))
        .filter_map(|i| {
            let waits = graph.task_waits(plan, i);
            (!waits.is_empty()).then_some((i, waits))
        })
        .collect()
}

/// How many open tasks are given up with their plan or phase (see
/// [`Graph::given_up`]): not offered, not waiting.
pub fn given_up_tasks(plan: &Plan, words: StatusWords<'_>) -> usize {
    // Nearly no plan gives anything up: its statuses are read first, and
    // the graph (the plan's waits, read whole) is built only for one that
    // does, or `next` over a tree of plans paid for it on every plan.
    if !GivenUp::read(plan, words).any() {
        return 0;
    }
    let graph = Graph::new(plan, words);
    workable(plan).filter(|&i| graph.given_up(plan, i)).count()
}

/// The tasks someone could work on, waits aside, in document order: not
/// done, not a definition of done or acceptance criterion, not left for
/// later (under "Out of Scope", [`Deferred`](planwright_core::TaskKind::Deferred)) nor a progress
/// log's record of work done ([`Logged`](planwright_core::TaskKind::Logged)), and not a
/// container that gives way to its subtasks (see [`ready_tasks`]). A
/// container gives way only to open subtasks that are themselves work:
/// an optional one (Kiro's `- [ ]*`) may be skipped and a check is ticked
/// once the work holds, so a parent with only those open is the next
/// thing to do, or nothing would ever offer it. A container in progress
/// is listed whatever it holds: work under way hidden from the list is
/// work forgotten.
fn workable(plan: &Plan) -> impl Iterator<Item = usize> + '_ {
    let mut open_children = vec![false; plan.tasks.len()];
    for t in &plan.tasks {
        let holds_back =
            t.state != TaskState::Done && !t.optional && !t.kind.is_check() && t.kind.counts();
        if let Some(p) = t.parent.filter(|_| holds_back)
            && let Some(slot) = open_children.get_mut(p)
        {
            *slot = true;
        }
    }
    plan.tasks.iter().enumerate().filter_map(move |(i, t)| {
        let skip = t.state == TaskState::Done
            || t.kind.is_check()
            || !t.kind.counts()
            || (open_children[i] && t.state != TaskState::InProgress);
        (!skip).then_some(i)
    })
}

/// Whether phase `p` is finished, as `next` and `status` read it (see
/// [`Graph::new`]): all its tasks done, or, without tasks, a status that
/// reads as done or none at all. Boxes left for later and a log's records
/// ([`TaskKind::counts`](planwright_core::TaskKind::counts)) are no work
/// of the phase's, as its progress leaves them out: an open `Out of
/// scope` box under a phase whose tasks are all done kept it unfinished,
/// and every phase after it waiting, at 100%.
pub fn phase_finished(plan: &Plan, p: usize, done_status: &[String]) -> bool {
    let Some(phase) = plan.phases.get(p) else {
        return true;
    };
    let mut work = plan.phase_work(p).peekable();
    if work.peek().is_none() {
        phase
            .status
            .as_deref()
            .is_none_or(|s| status_says_done(s, done_status))
    } else {
        work.all(|t| t.state == TaskState::Done)
    }
}

/// A vertex of the dependency graph, and one of its edges (see
/// [`planwright_core::waits`], which lint's PW207 shares).
pub use planwright_core::waits::{Node, Wait};

/// Every resolved dependency of a plan.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    pub edges: Vec<Wait>,
    /// The edges into each node, as indices into `edges` in order: asking
    /// every task what it waits for read all the edges each time.
    into: HashMap<Node, Vec<usize>>,
    /// Of those, the edges from outside the node: what it holds back as a
    /// container (see [`Graph::waits_for`]). Worked out once per node, not
    /// once per task it holds: a parent with thousands of subtasks and of
    /// waits was quadratic.
    from_outside: HashMap<Node, Vec<usize>>,
    /// Whether each phase is finished, worked out once (see [`Graph::new`]).
    phase_done: Vec<bool>,
    /// Whether each phase's status says it is held up (`Blocked`, `On
    /// hold`): nothing in it can start (see [`Graph::waits_for`]).
    held: Vec<bool>,
    /// Whether the plan's own status says so: nothing in the plan can
    /// start (see [`Graph::task_waits`]).
    plan_held: bool,
    /// The work the plan's and phases' statuses give up.
    given_up: GivenUp,
    /// What holds what, for [`Graph::cycle`] (see [`waits::within`]).
    within: Vec<(Node, Node)>,
    tasks: usize,
}

impl Graph {
    /// The plan's dependencies, read as [`planwright_core::waits`] reads
    /// them: a dependency on a phase id the plan repeats (an overview
    /// `### Phase 1` without tasks and the `### Phase 1` holding them)
    /// waits for every phase of that id, but one nested in another of the
    /// id (whose tasks count there). A task waiting for itself is kept, as
    /// the cycle `T001 → T001` (lint's PW207 agrees), and so is a phase
    /// whose dependencies name only itself (`Phase 1 → Phase 1`), whose
    /// tasks are then never ready; named among other phases, it is prose
    /// the reader leaves out. A task can wait for a phase
    /// too (`T003 Deploy (depends on Phase 1)`, see
    /// [`planwright_core::PhaseWait`]), for every phase of the id as a
    /// phase does; for one that holds it the wait is void, as a subtask's
    /// for its parent is.
    ///
    /// A phase is finished when it has tasks (its steps' included) and all
    /// are done: the check boxes are the truth, whatever its status says
    /// (`lint` reports a done status over open tasks). A phase without
    /// tasks is finished unless it has a status that does not read as done
    /// (`In progress`, `Not started`, `Incomplete`); without a status it
    /// blocks nothing, since nothing in the plan could ever finish it,
    /// once what it waits for is finished. A
    /// status reads as done when it is one of `words.done` (the plan's
    /// dialect's values) or its words before any remark include a done
    /// word or ✅ and no negation or hedge (`Done?`, `Halfway done`; see
    /// [`planwright_core::read_status`], which lint shares): when in doubt
    /// a status blocks. A status held up (`Blocked`, `On hold`) holds what
    /// it is the status of: an unfinished phase's, its tasks; the plan's
    /// (its field `words.field`, see [`Plan::held_status`]), all of them.
    pub fn new(plan: &Plan, words: StatusWords<'_>) -> Self {
        let done_status = words.done;
        let edges = waits::waits(plan);
        let mut into: HashMap<Node, Vec<usize>> = HashMap::new();
        for (i, e) in edges.iter().enumerate() {
            into.entry(e.to).or_default().push(i);
        }
        let from_outside = into
            .iter()
            .map(|(&h, at)| {
                let outside = at.iter().copied().filter(|&e| !edges[e].inner).collect();
                (h, outside)
            })
            .collect();
        let given_up = GivenUp::read(plan, words);
        // Given up, a phase is over: nothing waits for it any more.
        let phase_done: Vec<bool> = (0..plan.phases.len())
            .map(|p| given_up.phases[p] || phase_finished(plan, p, done_status))
            .collect();
        let held = plan
            .phases
            .iter()
            .zip(&phase_done)
            .map(|(p, &done)| {
                !done
                    && p.status
                        .as_deref()
                        .is_some_and(|s| status_says_held(s, done_status))
            })
            .collect();
        let mut graph = Self {
            edges,
            into,
            from_outside,
            phase_done,
            held,
            plan_held: plan.held_status(words).is_some(),
            given_up,
            within: waits::within(plan),
            tasks: plan.tasks.len(),
        };
        graph.unfinish_waiting_phases(plan);
        graph
    }

    /// A phase without tasks or status (a review, a sign-off) that waits
    /// for unfinished work is unfinished too: finished, it would let what
    /// waits for it start before what it waits for (`Phase 3` after a
    /// task-less `Phase 2` after an open `Phase 1`). A phase turned
    /// unfinished sends on only the phases that wait for it (and those
    /// inside them) to be looked at again: a chain of such phases, looked
    /// at whole once per link, was quadratic.
    fn unfinish_waiting_phases(&mut self, plan: &Plan) {
        let n = plan.phases.len();
        let implicit: Vec<bool> = (0..n)
            .map(|p| plan.phases[p].status.is_none() && plan.phase_work(p).next().is_none())
            .collect();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (p, phase) in plan.phases.iter().enumerate() {
            if let Some(parent) = phase.parent.filter(|&q| q < n) {
                children[parent].push(p);
            }
        }
        let mut waiting_on: Vec<Vec<usize>> = vec![Vec::new(); n];
        for e in &self.edges {
            if let (Node::Phase(from), Node::Phase(to)) = (e.from, e.to)
                && from < n
                && to < n
            {
                waiting_on[from].push(to);
            }
        }
        let mut todo: Vec<usize> = (0..n).filter(|&p| implicit[p]).collect();
        while let Some(p) = todo.pop() {
            if !implicit[p]
                || !self.phase_done[p]
                || self.waits_for(plan, Node::Phase(p)).is_empty()
            {
                continue;
            }
            self.phase_done[p] = false;
            let mut reach = waiting_on[p].clone();
            while let Some(q) = reach.pop() {
                todo.push(q);
                reach.extend(&children[q]);
            }
        }
    }

    /// Whether a task is done or a phase finished (see [`Graph::new`]).
    pub fn finished(&self, plan: &Plan, node: Node) -> bool {
        match node {
            Node::Task(i) => plan.tasks.get(i).is_none_or(|t| t.state == TaskState::Done),
            Node::Phase(p) => self.phase_done.get(p).copied().unwrap_or(true),
        }
    }

    /// The unfinished nodes `node` waits for: its own dependencies and
    /// those of every enclosing phase and, for a task, enclosing task. What
    /// an enclosing task or phase waits for inside itself (a parent written
    /// to follow one of its subtasks, a phase's `Dependencies: T005` for
    /// its own T005) holds back the container, not what it holds. The
    /// other way round, a subtask written to follow its own parent or any
    /// ancestor (`T002 Child (depends on T001)` under T001) waits for
    /// nothing: it is part of the parent, and [`Graph::new`] leaves that
    /// dependency out, as lint's PW207 does.
    pub fn waits_for(&self, plan: &Plan, node: Node) -> Vec<Node> {
        let mut holders = vec![node];
        let mut phase = match node {
            Node::Task(i) => plan.tasks.get(i).and_then(|t| t.phase),
            Node::Phase(p) => plan.phases.get(p).and_then(|p| p.parent),
        };
        if let Node::Task(i) = node {
            let mut parent = plan.tasks.get(i).and_then(|t| t.parent);
            // Bounded by the number of tasks, whatever the parent links say.
            while let Some(p) = parent.filter(|_| holders.len() <= plan.tasks.len()) {
                holders.push(Node::Task(p));
                parent = plan.tasks.get(p).and_then(|t| t.parent);
            }
        }
        while let Some(p) = phase {
            holders.push(Node::Phase(p));
            phase = plan.phases.get(p).and_then(|p| p.parent);
        }
        // In the order of `edges`, as a filter over all of them would give.
        let mut at: Vec<usize> = Vec::new();
        for &h in &holders {
            let edges = if h == node {
                self.into.get(&h)
            } else {
                self.from_outside.get(&h)
            };
            at.extend(edges.into_iter().flatten().copied());
        }
        at.sort_unstable();
        at.dedup();
        let mut waits: Vec<Node> = at
            .into_iter()
            .map(|i| self.edges[i].from)
            .filter(|&from| !self.finished(plan, from))
            .collect();
        // A task of a phase held up (`**Status:** Blocked`) waits for that
        // phase to move, whatever else it waits for.
        if let Node::Task(_) = node {
            for &h in &holders {
                if let Node::Phase(p) = h
                    && self.held.get(p).copied().unwrap_or(false)
                    && !waits.contains(&h)
                {
                    waits.push(h);
                }
            }
        }
        waits
    }

    /// What task `i` waits for: the unfinished nodes of
    /// [`Graph::waits_for`], then the plan when its status says it is held
    /// up (`**Status:** On hold`), which holds every task as a phase held
    /// up holds its own.
    pub fn task_waits(&self, plan: &Plan, i: usize) -> Vec<Waited> {
        let mut waits: Vec<Waited> = self
            .waits_for(plan, Node::Task(i))
            .into_iter()
            .map(Waited::Node)
            .collect();
        if self.plan_held {
            waits.push(Waited::Plan);
        }
        waits
    }

    /// Whether task `i`'s work was given up: the plan's status or that of
    /// a phase holding it says so (`Cancelled`, `Dropped`; see
    /// [`planwright_core::read_status`]). Such a task is not offered nor
    /// listed as waiting: nobody is to do it. A task of its own that
    /// waits for it still waits, as for a deferred one.
    pub fn given_up(&self, plan: &Plan, i: usize) -> bool {
        if self.given_up.plan {
            return true;
        }
        let mut phase = plan.tasks.get(i).and_then(|t| t.phase);
        // Bounded by the number of phases, whatever the parent links say.
        for _ in 0..=plan.phases.len() {
            let Some(p) = phase else {
                return false;
            };
            if self.given_up.phases.get(p).copied().unwrap_or(false) {
                return true;
            }
            phase = plan.phases.get(p).and_then(|p| p.parent);
        }
        false
    }

    /// Whether the plan or any phase is held up (see
    /// [`Graph::task_waits`]): then a plan without a single dependency
    /// still has tasks that wait.
    pub fn holds_any(&self) -> bool {
        self.plan_held || self.held.iter().any(|&h| h)
    }

    /// A dependency cycle, as the nodes along it with the first repeated at
    /// the end, if there is one. Besides the edges, a cycle can run through
    /// what holds what, as `next` reads it: a task (or step, or subtask)
    /// waits for whatever its holders wait for, and a phase (or parent
    /// task) is finished only when all it holds is. So T001 of Phase 1
    /// waiting for Phase 2, which waits for Phase 1, is the cycle `Phase 1
    /// → Phase 2 → T001 → Phase 1`: consecutive nodes are joined by an
    /// edge or one holds the other. The cycle starts at its smallest node;
    /// it is the first that lint's PW207 reports.
    pub fn cycle(&self) -> Option<Vec<Node>> {
        // Without an edge there is nothing to wait for, hence no cycle.
        if self.edges.is_empty() {
            return None;
        }
        let phases = self.phase_done.len();
        let events = waits::Events::new(phases, self.tasks, &self.edges, &self.within);
        let first = events.for_each_cycle(|cycle| ControlFlow::Break(cycle.read()))?;
        first.map(|cycle| cycle.path)
    }

    /// Every cycle that shares no node with one before it, the first being
    /// [`Graph::cycle`]'s: the cycles PW207 reports, where it reports them.
    pub fn cycles(&self) -> Vec<GraphCycle> {
        if self.edges.is_empty() {
            return Vec::new();
        }
        let phases = self.phase_done.len();
        waits::Events::new(phases, self.tasks, &self.edges, &self.within)
            .disjoint_cycles(&self.edges)
            .into_iter()
            .filter_map(|c| {
                // As PW207, which words no cycle without a closing wait
                // (a cycle is read only when it has one).
                let at = self.edges.get(*c.waits.last()?)?.range;
                Some(GraphCycle { path: c.path, at })
            })
            .collect()
    }
}

/// What the plan's statuses give up (`Cancelled`, `Dropped`, `Won't do`;
/// see [`planwright_core::read_status`]): none of that work is offered,
/// and a phase given up blocks nothing (see [`Graph::given_up`]).
#[derive(Clone, Debug, Default)]
struct GivenUp {
    /// The plan's own status gives it all up.
    plan: bool,
    /// Each phase's status gives its work up, by index.
    phases: Vec<bool>,
}

impl GivenUp {
    fn read(plan: &Plan, words: StatusWords<'_>) -> Self {
        let dropped =
            |s: &str| planwright_core::read_status(s, words.done) == StatusReading::Dropped;
        Self {
            plan: plan
                .status_value(words.field)
                .is_some_and(|f| dropped(&f.value)),
            phases: plan
                .phases
                .iter()
                .map(|p| p.status.as_deref().is_some_and(dropped))
                .collect(),
        }
    }

    fn any(&self) -> bool {
        self.plan || self.phases.contains(&true)
    }
}

/// A cycle of [`Graph::cycles`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphCycle {
    /// The nodes along it, as [`Graph::cycle`] gives them.
    pub path: Vec<Node>,
    /// Where the wait that closes it is written, where lint's PW207
    /// points: what a message about the cycle names.
    pub at: TextRange,
}

/// Whether a phase's status says its work is over, finished or given up
/// (see [`planwright_core::read_status`], which lint's done claims share).
pub(crate) fn status_says_done(status: &str, done_status: &[String]) -> bool {
    planwright_core::read_status(status, done_status).is_over()
}

/// Whether a phase's status says its work is held up (`Blocked — waiting
/// for the key`, `On hold`, `Paused`).
pub fn status_says_held(status: &str, done_status: &[String]) -> bool {
    planwright_core::read_status(status, done_status) == StatusReading::Held
}

/// The graph's names for its nodes, unique within the plan: each phase
/// and task by its id (`Phase 2`, `T005`, `#7`), and a repeated id (an
/// overview `### Phase 1` and the `### Phase 1` with the tasks, two
/// `T001`) with ` (2)`, ` (3)`... after it from its second appearance on,
/// so an edge or a cycle names exactly one node.
#[derive(Clone, Debug, Default)]
pub struct NodeNames {
    phases: Vec<String>,
    tasks: Vec<String>,
}

impl NodeNames {
    pub fn new(plan: &Plan) -> Self {
        // The ids `show` gives them: the two agree.
        let NodeIds { phases, tasks } = NodeIds::new(plan);
        Self { phases, tasks }
    }

    /// The name of `node`; empty for a node the plan does not have.
    pub fn get(&self, node: Node) -> &str {
        let name = match node {
            Node::Phase(p) => self.phases.get(p),
            Node::Task(i) => self.tasks.get(i),
        };
        name.map_or("", String::as_str)
    }
}

#[cfg(test)]
#[path = "track_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "track_held_tests.rs"]
mod held_tests;
