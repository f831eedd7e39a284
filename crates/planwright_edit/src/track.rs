//! Read-only views over a plan's work: which tasks can start now, and the
//! dependency graph of phases, steps and tasks with its cycles.
//!
//! Dependencies are the ones the reader parsed: a phase's `Dependencies:`
//! (`Phase 1 complete`, `Step 2`, `T012`), a task's "Depends on T012" or
//! "(depends on Phase 1)", and `T005 → T006` chains. A reference to
//! something the plan does not have blocks nothing here; `lint` reports it.

use std::collections::{HashMap, HashSet};

use planwright_core::{PhaseIds, Plan, RefTarget, TaskKind, TaskState};

/// A task that can start now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ready {
    /// Index into `Plan::tasks`.
    pub task: usize,
    /// Tasks of one batch are marked parallel, share a phase and follow one
    /// another in the plan: they can run at once. Numbered from 1 per plan.
    pub batch: Option<usize>,
}

/// The tasks that can start: not done, not waiting for an unfinished phase
/// (of their own phase or an enclosing one) or task (their own wait or an
/// enclosing task's: a subtask of a blocked task is blocked too), and not a
/// container whose subtasks are still open (those are listed instead).
/// Definition of done and acceptance criteria are checked at the end, never
/// "started". In-progress tasks come first, then document order.
/// `done_status` are the status values the plan's dialect counts as
/// finished (see [`Graph::new`]).
pub fn ready_tasks(plan: &Plan, done_status: &[String]) -> Vec<Ready> {
    let graph = Graph::new(plan, done_status);
    let mut open_children = vec![false; plan.tasks.len()];
    for t in &plan.tasks {
        if let Some(p) = t.parent.filter(|_| t.state != TaskState::Done)
            && let Some(slot) = open_children.get_mut(p)
        {
            *slot = true;
        }
    }
    let mut ready: Vec<usize> = (0..plan.tasks.len())
        .filter(|&i| {
            let t = &plan.tasks[i];
            t.state != TaskState::Done
                && !matches!(
                    t.kind,
                    TaskKind::DefinitionOfDone | TaskKind::AcceptanceCriterion
                )
                && !open_children[i]
                && (graph.edges.is_empty() || graph.waits_for(plan, Node::Task(i)).is_empty())
        })
        .collect();
    ready.sort_by_key(|&i| plan.tasks[i].state != TaskState::InProgress);
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
        out.push(Ready { task: i, batch });
    }
    out
}

/// A vertex of the dependency graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    Phase(usize),
    Task(usize),
}

/// `from` must finish before `to` can start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dependency {
    pub from: Node,
    pub to: Node,
}

/// Every resolved dependency of a plan.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    pub edges: Vec<Dependency>,
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
}

impl Graph {
    /// The plan's dependencies. A dependency on a phase id the plan repeats
    /// (an overview `### Phase 1` without tasks and the `### Phase 1`
    /// holding them) waits for every phase of that id, but one nested in
    /// another of the id (whose tasks count there). A task waiting for
    /// itself is kept, as the cycle `T001 → T001` (lint's PW207 agrees); a
    /// phase naming its own id among its dependencies is prose about the
    /// phase ("Sprint 2 does not block Sprint 3"), not a wait. A task can
    /// wait for a phase too (`T003 Deploy (depends on Phase 1)`, see
    /// [`planwright_core::PhaseWait`]), for every phase of the id as a
    /// phase does; for one that holds it the wait is void, as a subtask's
    /// for its parent is.
    ///
    /// A phase is finished when it has tasks (its steps' included) and all
    /// are done: the check boxes are the truth, whatever its status says
    /// (`lint` reports a done status over open tasks). A phase without
    /// tasks is finished unless it has a status that does not read as done
    /// (`In progress`, `Not started`, `Incomplete`); without a status it
    /// blocks nothing, since nothing in the plan could ever finish it. A
    /// status reads as done when it is one of `done_status` (the plan's
    /// dialect's values) or its words before any remark include a done
    /// word or ✅ and no negation or hedge (`Done?`, `Halfway done`; see
    /// [`planwright_core::read_status`], which lint shares): when in doubt
    /// a status blocks.
    pub fn new(plan: &Plan, done_status: &[String]) -> Self {
        let (phases, ids) = (plan.phase_ids(), plan.task_ids());
        let task = |id: &str| ids.get(id);
        let mut edges = Vec::new();
        let mut seen = HashSet::new();
        let mut push = |from: Node, to: Node| {
            if seen.insert((from, to)) {
                edges.push(Dependency { from, to });
            }
        };
        // Per phase id (keyed by its first phase): the phases of that id, in
        // document order, and those not nested in another of the id. Worked
        // out once per id, not once per dependency naming it: a plan whose
        // many phases share one id was quadratic (or worse) here.
        let mut groups: HashMap<usize, PhaseGroup> = HashMap::new();
        for (p, phase) in plan.phases.iter().enumerate() {
            for r in &phase.depends_on {
                match &r.target {
                    RefTarget::Phase { .. } => {
                        let Some((named, roots)) = group(&mut groups, plan, &phases, &r.target)
                        else {
                            continue;
                        };
                        if named.binary_search(&p).is_ok() {
                            continue;
                        }
                        for &q in roots {
                            push(Node::Phase(q), Node::Phase(p));
                        }
                    }
                    RefTarget::Task(id) => {
                        if let Some(t) = task(id) {
                            push(Node::Task(t), Node::Phase(p));
                        }
                    }
                }
            }
        }
        // A task waiting for a phase that holds it is void, as a subtask
        // waiting for its parent is: the phase finishes only with the task.
        for w in &plan.phase_waits {
            let Some((_, roots)) = group(&mut groups, plan, &phases, &w.phase.target) else {
                continue;
            };
            for &q in roots {
                if !inside(plan, Node::Task(w.task), Node::Phase(q)) {
                    push(Node::Phase(q), Node::Task(w.task));
                }
            }
        }
        // A task waiting for one of its own ancestors is void: the subtask
        // is part of the parent, which already waits for its open
        // subtasks (see `waits_for`), so the wait could never end.
        for (i, t) in plan.tasks.iter().enumerate() {
            for d in &t.depends_on {
                if let Some(from) = task(d).filter(|&from| !is_ancestor(plan, from, i)) {
                    push(Node::Task(from), Node::Task(i));
                }
            }
        }
        for link in &plan.task_links {
            if let (Some(from), Some(to)) = (task(&link.from), task(&link.to))
                && !is_ancestor(plan, from, to)
            {
                push(Node::Task(from), Node::Task(to));
            }
        }
        let mut into: HashMap<Node, Vec<usize>> = HashMap::new();
        for (i, e) in edges.iter().enumerate() {
            into.entry(e.to).or_default().push(i);
        }
        let from_outside = into
            .iter()
            .map(|(&h, at)| {
                let outside = at
                    .iter()
                    .copied()
                    .filter(|&e| !inside(plan, edges[e].from, h))
                    .collect();
                (h, outside)
            })
            .collect();
        let phase_done = plan
            .phases
            .iter()
            .map(|phase| {
                if phase.tasks.is_empty() {
                    phase
                        .status
                        .as_deref()
                        .is_none_or(|s| status_says_done(s, done_status))
                } else {
                    phase
                        .tasks
                        .iter()
                        .all(|&t| plan.tasks.get(t).is_none_or(|t| t.state == TaskState::Done))
                }
            })
            .collect();
        Self {
            edges,
            into,
            from_outside,
            phase_done,
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
        at.into_iter()
            .map(|i| self.edges[i].from)
            .filter(|&from| !self.finished(plan, from))
            .collect()
    }

    /// A dependency cycle, as the nodes along it with the first repeated at
    /// the end, if there is one.
    pub fn cycle(&self) -> Option<Vec<Node>> {
        let mut next: HashMap<Node, Vec<Node>> = HashMap::new();
        for e in &self.edges {
            next.entry(e.from).or_default().push(e.to);
        }
        let mut starts: Vec<Node> = next.keys().copied().collect();
        starts.sort();
        // 0 unseen, 1 on the current path, 2 finished. Iterative, so a long
        // chain cannot overflow the stack.
        let mut state: HashMap<Node, u8> = HashMap::new();
        for start in starts {
            if state.get(&start).copied().unwrap_or(0) != 0 {
                continue;
            }
            let mut path: Vec<(Node, usize)> = vec![(start, 0)];
            state.insert(start, 1);
            while let Some(&mut (node, ref mut child)) = path.last_mut() {
                let succ = next.get(&node).map_or(&[][..], Vec::as_slice);
                if let Some(&s) = succ.get(*child) {
                    *child += 1;
                    match state.get(&s).copied().unwrap_or(0) {
                        0 => {
                            state.insert(s, 1);
                            path.push((s, 0));
                        }
                        1 => {
                            let from = path.iter().position(|(n, _)| *n == s).unwrap_or(0);
                            let mut cycle: Vec<Node> =
                                path[from..].iter().map(|(n, _)| *n).collect();
                            cycle.push(s);
                            return Some(cycle);
                        }
                        _ => {}
                    }
                } else {
                    state.insert(node, 2);
                    path.pop();
                }
            }
        }
        None
    }
}

/// The phases a phase reference names, in document order, and those of
/// them not nested in another of the name: a repeat nested in another
/// phase of the name (`### Sprint 1 Risks` under `## Sprint 1`) is part of
/// it, and its tasks already count there.
type PhaseGroup = (Vec<usize>, Vec<usize>);

/// The [`PhaseGroup`] of a phase reference, worked out once per phase id
/// (keyed by its first phase) in `groups`; `None` for a phase the plan
/// does not have.
fn group<'g>(
    groups: &'g mut HashMap<usize, PhaseGroup>,
    plan: &Plan,
    phases: &PhaseIds<'_>,
    target: &RefTarget,
) -> Option<&'g PhaseGroup> {
    let first = phases.get(target)?;
    Some(
        groups
            .entry(first)
            .or_insert_with(|| phase_group(plan, phases, target)),
    )
}

fn phase_group(plan: &Plan, phases: &PhaseIds<'_>, target: &RefTarget) -> PhaseGroup {
    let mut named: Vec<usize> = phases.get_all(target).collect();
    named.sort_unstable();
    let in_group: HashSet<usize> = named.iter().copied().collect();
    let ancestors = |q: usize| {
        std::iter::successors(plan.phases.get(q).and_then(|x| x.parent), |&a| {
            plan.phases.get(a).and_then(|x| x.parent)
        })
        .take(plan.phases.len())
    };
    let roots = named
        .iter()
        .copied()
        .filter(|&q| !ancestors(q).any(|a| in_group.contains(&a)))
        .collect();
    (named, roots)
}

/// Whether task `ancestor` encloses task `task`, following the parent
/// links (bounded by the number of tasks, whatever they say).
fn is_ancestor(plan: &Plan, ancestor: usize, task: usize) -> bool {
    std::iter::successors(plan.tasks.get(task).and_then(|t| t.parent), |&p| {
        plan.tasks.get(p).and_then(|t| t.parent)
    })
    .take(plan.tasks.len())
    .any(|p| p == ancestor)
}

/// Whether `from` lies inside `holder`: a subtask of the task, or a task
/// or step of the phase.
fn inside(plan: &Plan, from: Node, holder: Node) -> bool {
    let phase_chain = |start: Option<usize>| {
        std::iter::successors(start, |&p| plan.phases.get(p).and_then(|p| p.parent))
    };
    match (from, holder) {
        (Node::Task(f), Node::Task(h)) => match (plan.tasks.get(f), plan.tasks.get(h)) {
            (Some(f), Some(h)) => f.range != h.range && h.range.contains_range(f.range),
            _ => false,
        },
        (Node::Task(f), Node::Phase(h)) => {
            phase_chain(plan.tasks.get(f).and_then(|t| t.phase)).any(|p| p == h)
        }
        (Node::Phase(f), Node::Phase(h)) => {
            phase_chain(plan.phases.get(f).and_then(|p| p.parent)).any(|p| p == h)
        }
        (Node::Phase(_), Node::Task(_)) => false,
    }
}

/// Whether a phase's status says its work is over, finished or given up
/// (see [`planwright_core::read_status`], which lint's done claims share).
pub(crate) fn status_says_done(status: &str, done_status: &[String]) -> bool {
    planwright_core::read_status(status, done_status).is_over()
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
        let mut taken: HashSet<String> = HashSet::new();
        // The last suffix given to each id, so a thousand repeats of one
        // id cost no more than a thousand ids.
        let mut last: HashMap<String, usize> = HashMap::new();
        let mut unique = |id: &str| {
            let mut name = id.to_owned();
            let n = last.entry(name.clone()).or_insert(1);
            while !taken.insert(name.clone()) {
                *n += 1;
                name = format!("{id} ({n})");
            }
            name
        };
        let phases = plan.phases.iter().map(|p| unique(&p.id)).collect();
        let tasks = plan.tasks.iter().map(|t| unique(&t.id)).collect();
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
