//! Read-only views over a plan's work: which tasks can start now, and the
//! dependency graph of phases, steps and tasks with its cycles.
//!
//! Dependencies are the ones the reader parsed: a phase's `Dependencies:`
//! (`Phase 1 complete`, `Step 2`, `T012`), a task's "Depends on T012", and
//! `T005 → T006` chains. A reference to something the plan does not have
//! blocks nothing here; `lint` reports it.

use std::collections::HashMap;

use planwright_core::{Plan, RefTarget, TaskKind, TaskState};

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
/// (of their own phase or an enclosing one) or task, and not a container
/// whose subtasks are still open (those are listed instead). Definition of
/// done and acceptance criteria are checked at the end, never "started".
/// In-progress tasks come first, then document order.
pub fn ready_tasks(plan: &Plan) -> Vec<Ready> {
    let graph = Graph::new(plan);
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
}

impl Graph {
    pub fn new(plan: &Plan) -> Self {
        let (phases, ids) = (plan.phase_ids(), plan.task_ids());
        let task = |id: &str| ids.get(id);
        let mut edges = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut push = |from: Node, to: Node| {
            if from != to && seen.insert((from, to)) {
                edges.push(Dependency { from, to });
            }
        };
        for (p, phase) in plan.phases.iter().enumerate() {
            for r in &phase.depends_on {
                let from = match &r.target {
                    RefTarget::Phase { .. } => phases.get(&r.target).map(Node::Phase),
                    RefTarget::Task(id) => task(id).map(Node::Task),
                };
                if let Some(from) = from {
                    push(from, Node::Phase(p));
                }
            }
        }
        for (i, t) in plan.tasks.iter().enumerate() {
            for d in &t.depends_on {
                if let Some(from) = task(d) {
                    push(Node::Task(from), Node::Task(i));
                }
            }
        }
        for link in &plan.task_links {
            if let (Some(from), Some(to)) = (task(&link.from), task(&link.to)) {
                push(Node::Task(from), Node::Task(to));
            }
        }
        let mut into: HashMap<Node, Vec<usize>> = HashMap::new();
        for (i, e) in edges.iter().enumerate() {
            into.entry(e.to).or_default().push(i);
        }
        Self { edges, into }
    }

    /// The unfinished nodes `node` waits for: its own dependencies and, for
    /// a task or step, those of every enclosing phase.
    pub fn waits_for(&self, plan: &Plan, node: Node) -> Vec<Node> {
        let mut holders = vec![node];
        let mut phase = match node {
            Node::Task(i) => plan.tasks.get(i).and_then(|t| t.phase),
            Node::Phase(p) => plan.phases.get(p).and_then(|p| p.parent),
        };
        while let Some(p) = phase {
            holders.push(Node::Phase(p));
            phase = plan.phases.get(p).and_then(|p| p.parent);
        }
        // In the order of `edges`, as a filter over all of them would give.
        let mut at: Vec<usize> = holders
            .iter()
            .filter_map(|h| self.into.get(h))
            .flatten()
            .copied()
            .collect();
        at.sort_unstable();
        at.into_iter()
            .map(|i| self.edges[i].from)
            .filter(|&from| !finished(plan, from))
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

/// A phase is finished when it has tasks and all are done, or when its
/// status says so; a phase without tasks or status blocks nothing, since
/// nothing in the plan could ever mark it finished.
pub fn finished(plan: &Plan, node: Node) -> bool {
    match node {
        Node::Task(i) => plan.tasks.get(i).is_none_or(|t| t.state == TaskState::Done),
        Node::Phase(p) => plan.phases.get(p).is_none_or(|phase| {
            let status_done = phase.status.as_deref().is_some_and(|s| {
                let s = s.to_lowercase();
                ["done", "complete", "finished", "shipped", "implemented"]
                    .iter()
                    .any(|w| s.contains(w))
                    || s.contains('✅')
            });
            status_done
                || phase
                    .tasks
                    .iter()
                    .all(|&t| plan.tasks[t].state == TaskState::Done)
        }),
    }
}

/// How a node is named to users: `Phase 2`, `T005`, `#7`.
pub fn label(plan: &Plan, node: Node) -> String {
    match node {
        Node::Phase(p) => plan
            .phases
            .get(p)
            .map(|p| p.id.to_string())
            .unwrap_or_default(),
        Node::Task(i) => plan
            .tasks
            .get(i)
            .map(|t| t.id.to_string())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
#[path = "track_tests.rs"]
mod tests;
