//! What `next` says of waits: what a listed task waits for, for the JSON
//! and the terminal, and the waits that hold nothing as written, cycles
//! (nothing in them can start) and dependencies on what a plan lacks
//! (they hold nothing up).

use planwright_core::json::{Locator, Range};
use planwright_core::visible::visible;
use planwright_core::{Plan, StatusWords, TaskState};
use planwright_edit::track::{GraphCycle, Node, NodeNames, Waited, status_says_held};
use planwright_lint::Diagnostic;
use schemars::JsonSchema;
use serde::Serialize;

use super::plans::{Loaded, cycle_line, unknown_warnings};

/// A dependency cycle in a plan read: its tasks can never start.
#[derive(Serialize, JsonSchema)]
pub(super) struct CycleDoc {
    path: String,
    /// The `graph` node ids along the cycle, the first repeated at the
    /// end, as `graph --format json`'s `cycles` gives them.
    cycle: Vec<String>,
}

/// A dependency on a phase or task its plan does not have: `graph --format
/// json`'s `unknown_dependencies` entry, with the plan's path beside it.
#[derive(Serialize, JsonSchema)]
pub(super) struct UnknownDoc {
    path: String,
    /// What is missing, in lint's words, e.g.
    /// `T001 depends on T999, which does not exist`.
    message: String,
    /// Where lint's PW206 points: the reference as written, or the chain
    /// or sentence that makes it.
    range: Range,
}

/// The cycles of `l`'s graph, each with the warning `next` prints after
/// its list, placed where `lint`'s PW207 places it.
pub(super) fn cycle_warnings(l: &Loaded, cycles: &[GraphCycle]) -> Vec<(CycleDoc, String)> {
    let names = NodeNames::new(&l.plan);
    let locator = Locator::new(&l.file.text);
    let shown = visible(&l.file.display()).into_owned();
    cycles
        .iter()
        .map(|c| {
            let path: Vec<String> = c.path.iter().map(|&n| names.get(n).to_owned()).collect();
            let mut line = cycle_line("warning", &shown, &locator, c.at.start, &path);
            line.push_str("; its tasks can never start");
            let doc = CycleDoc {
                path: l.file.display(),
                cycle: path,
            };
            (doc, line)
        })
        .collect()
}

/// `l`'s dependencies on what it lacks (lint's PW206 findings on it), each
/// with the warning `next` prints after its list, as `graph` does.
pub(super) fn unknown_docs(l: &Loaded, unknown: &[Diagnostic]) -> Vec<(UnknownDoc, String)> {
    if unknown.is_empty() {
        return Vec::new();
    }
    let locator = Locator::new(&l.file.text);
    let lines = unknown_warnings(l, unknown, &locator);
    unknown
        .iter()
        .zip(lines)
        .map(|(d, line)| {
            let doc = UnknownDoc {
                path: l.file.display(),
                message: d.message.clone(),
                range: locator.range(d.primary.range),
            };
            (doc, line)
        })
        .collect()
}

/// What a task waits for, as the JSON names it: a node by its `graph`
/// id, the plan held up by its status as `plan` (no node is named so: a
/// phase's id has its number, a task's is its own or `#N`).
pub(super) fn waited_id(names: &NodeNames, waited: Waited) -> String {
    match waited {
        Waited::Node(node) => names.get(node).to_owned(),
        Waited::Plan => "plan".to_owned(),
    }
}

/// What a waiting task waits for, for the terminal: a node by its `graph`
/// name, with the status of a phase without tasks, or of one held up
/// (`Blocked`, `On hold`), and the plan held up by its status as `the plan
/// (status: On hold)`. That status is what keeps the phase unfinished or
/// the tasks waiting (see [`planwright_edit::track::Graph::new`]), and the
/// plan may well write it far from the tasks, in an overview or its header.
pub(super) fn waited_name(
    plan: &Plan,
    names: &NodeNames,
    waited: Waited,
    words: StatusWords<'_>,
) -> String {
    let (name, status) = match waited {
        Waited::Node(node @ Node::Phase(p)) => {
            let status = plan.phases.get(p).and_then(|p| {
                let status = p.status.as_deref()?;
                (p.tasks.is_empty() || status_says_held(status, words.done)).then_some(status)
            });
            if status.is_none()
                && let Some(checks) = checks_left(plan, p)
            {
                return format!("{} ({checks})", names.get(node));
            }
            (names.get(node), status)
        }
        // A task set aside (deferred, struck through) may never be done:
        // the wait says so, as the user must decide what to do with it.
        Waited::Node(node @ Node::Task(t)) => {
            let kind = plan.tasks.get(t).map(|t| t.kind);
            return match kind.filter(|k| !k.counts()) {
                Some(kind) => format!("{} ({})", names.get(node), kind.name()),
                None => names.get(node).to_owned(),
            };
        }
        Waited::Plan => (
            "the plan",
            plan.held_status(words).map(|f| f.value.as_str()),
        ),
    };
    match status {
        Some(status) => format!("{name} (status: {})", status.trim()),
        None => name.to_owned(),
    }
}

/// What is left of phase `p` when all that is open in it is checks
/// (definition-of-done items, acceptance criteria): `1 check left to
/// tick: Login works`, `3 checks left to tick`. `next` lists no checks,
/// so a wait for such a phase would otherwise name nothing left to do.
fn checks_left(plan: &Plan, p: usize) -> Option<String> {
    // The work that keeps the phase unfinished, as `phase_finished` reads it.
    let open: Vec<&planwright_core::Task> = plan
        .phase_work(p)
        .filter(|t| t.state != TaskState::Done)
        .collect();
    if open.is_empty() || !open.iter().all(|t| t.kind.is_check()) {
        return None;
    }
    Some(match open.as_slice() {
        [one] => format!(
            "1 check left to tick: {}",
            crate::output::shorten(&visible(&one.text), 40)
        ),
        many => format!("{} checks left to tick", many.len()),
    })
}
