//! Flags phases or tasks that depend on each other in a circle.
//!
//! ## What it does
//! Builds the dependency graph of phases (`Dependencies: Phase 2`) and of
//! tasks (`Depends on T004`, `T005 → T006`) and reports each cycle once,
//! listing it in order with the plan's own arrow, as `planwright graph`
//! does: in `T001 → T002 → T001`, each must finish before the next starts.
//! A cycle through a phase or task that a cycle already reported goes
//! through is left out: in a tangle of waits, breaking one cycle often
//! breaks the others, and listing every cycle of a tangle could take more
//! findings than the plan has lines (run `lint` again for what is left).
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

use planwright_core::{Plan, RefTarget, TextRange};

use super::Sink;
use crate::Context;

/// Edges run the way the plan's arrow does, from what must finish first to
/// what waits for it (`T001 → T002`: T002 waits), so a cycle is found, and
/// printed, in that direction. Each edge keeps the range where the wait
/// was written.
pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let plan = ctx.plan;
    let (phases, tasks) = (plan.phase_ids(), plan.task_ids());
    let mut phase_edges: Vec<Vec<(usize, TextRange)>> = vec![Vec::new(); plan.phases.len()];
    for (me, p) in plan.phases.iter().enumerate() {
        // A phase naming itself in its dependencies is prose about the
        // phase ("Sprint 2 does not block Sprint 3"), not a wait.
        let waits_for = p
            .depends_on
            .iter()
            .filter(|d| matches!(d.target, RefTarget::Phase { .. }))
            .filter_map(|d| phases.get(&d.target).map(|i| (i, d.range)))
            .filter(|&(i, _)| i != me);
        for (first, range) in waits_for {
            phase_edges[first].push((me, range));
        }
    }
    let names: Vec<&str> = plan.phases.iter().map(|p| p.id.as_str()).collect();
    report_cycles(out, &phase_edges, &names, "phases");

    // A subtask waiting for its own parent or any ancestor is part of it,
    // not after it: that dependency is void, as `planwright next` reads it.
    let mut task_edges: Vec<Vec<(usize, TextRange)>> = vec![Vec::new(); plan.tasks.len()];
    for (i, t) in plan.tasks.iter().enumerate() {
        for dep in &t.depends_on {
            if let Some(d) = tasks.get(dep).filter(|&d| !is_ancestor(plan, d, i)) {
                task_edges[d].push((i, t.line));
            }
        }
    }
    for link in &plan.task_links {
        if let (Some(from), Some(to)) = (tasks.get(&link.from), tasks.get(&link.to))
            && !is_ancestor(plan, from, to)
        {
            task_edges[from].push((to, link.range));
        }
    }
    let names: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    report_cycles(out, &task_edges, &names, "tasks");
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

/// Depth-first search without recursion (plans may be long chains); each
/// cycle is reported once, from its smallest node.
fn report_cycles(
    out: &mut Sink<'_>,
    edges: &[Vec<(usize, TextRange)>],
    names: &[&str],
    what: &str,
) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let mut mark = vec![Mark::New; edges.len()];
    // Nodes of the cycles reported so far: the cycles reported share none,
    // so the findings are bounded by the nodes, not by the cycles (which
    // can grow with the square of the edges).
    let mut reported = vec![false; edges.len()];
    for root in 0..edges.len() {
        if mark[root] != Mark::New {
            continue;
        }
        // (node, next edge to follow, range of the edge that led here)
        let mut stack: Vec<(usize, usize, Option<TextRange>)> = vec![(root, 0, None)];
        mark[root] = Mark::Active;
        while let Some(top) = stack.last_mut() {
            let (node, next) = (top.0, top.1);
            let Some(&(to, range)) = edges[node].get(next) else {
                mark[node] = Mark::Done;
                stack.pop();
                continue;
            };
            top.1 += 1;
            match mark[to] {
                Mark::New => {
                    mark[to] = Mark::Active;
                    stack.push((to, 0, Some(range)));
                }
                Mark::Active => {
                    let from = stack.iter().position(|f| f.0 == to).unwrap_or(0);
                    if stack[from..].iter().any(|f| reported[f.0]) {
                        continue;
                    }
                    for f in &stack[from..] {
                        reported[f.0] = true;
                    }
                    let mut cycle: Vec<(usize, TextRange)> = stack[from..]
                        .iter()
                        .skip(1)
                        .filter_map(|f| f.2.map(|r| (f.0, r)))
                        .collect();
                    cycle.push((to, range));
                    emit(out, &cycle, names, what, &stack[from..]);
                }
                Mark::Done => {}
            }
        }
    }
}

fn emit(
    out: &mut Sink<'_>,
    edges_in_cycle: &[(usize, TextRange)],
    names: &[&str],
    what: &str,
    frames: &[(usize, usize, Option<TextRange>)],
) {
    let nodes: Vec<usize> = frames.iter().map(|f| f.0).collect();
    let Some(min_at) = nodes
        .iter()
        .enumerate()
        .min_by_key(|(_, n)| **n)
        .map(|(i, _)| i)
    else {
        return;
    };
    let mut key = nodes.clone();
    key.rotate_left(min_at);
    let mut path: Vec<&str> = key
        .iter()
        .map(|&n| names.get(n).copied().unwrap_or("?"))
        .collect();
    if let Some(first) = path.first().copied() {
        path.push(first);
    }
    let path = planwright_core::cycle_path(&path);
    // The edge that closes the cycle is the one found last.
    let Some(&(_, closing)) = edges_in_cycle.last() else {
        return;
    };
    let mut r = out
        .report(closing, format!("dependency cycle between {what}: {path}"))
        .primary_label("this dependency closes the cycle");
    for &(_, range) in edges_in_cycle.iter().rev().skip(1) {
        r = r.label(range, "part of the cycle");
    }
    r.help(
        "remove the dependency that is not real, or split the work so one side can finish first",
    );
}
