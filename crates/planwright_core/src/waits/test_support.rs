//! What the tests of the waits a plan does not write share.

use crate::Plan;
use crate::parse::parse;
use crate::waits::{Node, waits};

/// The waits of `src` between tasks, each task named by `name` (its
/// index into `Plan::tasks` given).
pub(super) fn task_waits_by(
    src: &str,
    name: impl Fn(&Plan, usize) -> String,
) -> Vec<(String, String)> {
    let plan = parse(src);
    waits(&plan)
        .into_iter()
        .filter_map(|w| match (w.from, w.to) {
            (Node::Task(a), Node::Task(b)) => Some((name(&plan, a), name(&plan, b))),
            _ => None,
        })
        .collect()
}

/// `v` as owned pairs, to compare with [`task_waits_by`].
pub(super) fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}
