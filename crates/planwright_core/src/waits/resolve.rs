//! What a reference to a task waits for: every task of a repeated id, the
//! tasks of a range, within a budget.
//!
//! A repeated id waits for each of its tasks, as a wait for a repeated
//! phase id is one for each phase of it (lint's PW205 reports the repeat).
//! That costs copies × references waits: a plan repeating one id
//! thousands of times, each copy naming it, made millions (`next` took
//! 10 s and 1.6 GB over 3,000 copies). Past [`MAX_RESOLVED`] in all, a
//! repeated id waits for its first unfinished task only, as ranges do
//! (see [`TaskRanges::full`]): a waiting task is held back exactly when
//! it was before, since some task of the id is open either way.

use rustc_hash::FxHashMap;

use crate::{MAX_RESOLVED, Plan, SameId, TaskIds, TaskRange, TaskRanges, TaskState};

pub(super) struct Resolver<'i> {
    plan: &'i Plan,
    tasks: &'i TaskIds<'i>,
    ranges: &'i TaskRanges,
    /// Whether a repeated id waits for every task of it (within budget).
    every_copy: bool,
    /// The open tasks of each repeated id, by its first task, found once.
    open: FxHashMap<usize, Vec<usize>>,
}

impl<'i> Resolver<'i> {
    pub(super) fn new(plan: &'i Plan, tasks: &'i TaskIds<'i>, ranges: &'i TaskRanges) -> Self {
        let named = plan
            .tasks
            .iter()
            .flat_map(|t| &t.depends_on)
            .chain(plan.task_links.iter().map(|l| &l.from));
        let mut cost = 0usize;
        for key in named {
            cost = cost.saturating_add(tasks.count(key));
            if cost > MAX_RESOLVED {
                break;
            }
        }
        Self {
            plan,
            tasks,
            ranges,
            every_copy: cost <= MAX_RESOLVED,
            open: FxHashMap::default(),
        }
    }

    /// The tasks a reference to `key`, an id or a range's key, waits for
    /// (see [`TaskRanges::waited_for`]). Past the budget, a repeated id
    /// gives its first open task other than `skip` (the task naming its
    /// own id means the others), or its first such task when none is open.
    pub(super) fn resolve(&mut self, key: &str, skip: Option<usize>) -> Resolved<'i> {
        let tasks = self.tasks;
        if let Some(range) = TaskRange::parse(key) {
            return Resolved::Range {
                ids: tasks,
                firsts: self.ranges.waited_for(&range).into_iter(),
                copies: tasks.with_later(None),
            };
        }
        if self.every_copy || !tasks.is_repeated(key) {
            return Resolved::Id(tasks.get_all(key));
        }
        let Some(first) = tasks.get(key) else {
            return Resolved::One(None);
        };
        let plan = self.plan;
        let open = self.open.entry(first).or_insert_with(|| {
            tasks
                .get_all(key)
                .filter(|&t| plan.tasks[t].state != TaskState::Done)
                .collect()
        });
        let other = |t: &usize| Some(*t) != skip;
        let one = open
            .iter()
            .copied()
            .find(other)
            .or_else(|| tasks.get_all(key).find(other));
        Resolved::One(one)
    }
}

pub(super) enum Resolved<'i> {
    Id(SameId<'i>),
    One(Option<usize>),
    /// A range's tasks, the first of each id as [`TaskRanges`] gives
    /// them, each followed by the later ones of its id.
    Range {
        ids: &'i TaskIds<'i>,
        firsts: std::vec::IntoIter<usize>,
        copies: SameId<'i>,
    },
}

impl Iterator for Resolved<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            Resolved::Id(same) => same.next(),
            Resolved::One(one) => one.take(),
            Resolved::Range {
                ids,
                firsts,
                copies,
            } => loop {
                if let Some(t) = copies.next() {
                    return Some(t);
                }
                *copies = ids.with_later(Some(firsts.next()?));
            },
        }
    }
}
