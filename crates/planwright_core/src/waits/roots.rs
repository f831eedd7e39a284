//! Which phases a phase reference waits for: every root of its id (see
//! [`PhaseRoots::get`]), and, for a reference written inside a phase, only
//! those of its own phase when the id is repeated across phases (see
//! [`PhaseRoots::get_from`]).
//!
//! Steps are often numbered from 1 again in each phase. "Depends on Step
//! 1" (or "the previous step", which the parser writes as the sibling's
//! id) under Phase 1's Step 2 then named Phase 2's Step 1 as well, which
//! waits for all of Phase 1: a false cycle (PW207), and `graph` failed on
//! a valid plan.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::{PhaseIds, Plan, RefTarget};

/// The phases a phase reference waits for: those of the id not nested in
/// another of it (`### Sprint 1 Risks` under `## Sprint 1` is part of it),
/// in document order. Worked out once per id, keyed by its first phase: a
/// plan whose many phases share one id was quadratic otherwise.
pub(super) struct PhaseRoots<'p> {
    plan: &'p Plan,
    ids: PhaseIds<'p>,
    groups: FxHashMap<usize, Group>,
}

/// The roots of one id.
struct Group {
    all: Vec<usize>,
    /// The roots by the phase that holds them (`None`: the plan), when
    /// they lie in more than one: each reference then looks up its own
    /// phase's in time proportional to its depth, not to the repeats.
    by_parent: Option<FxHashMap<Option<usize>, Vec<usize>>>,
}

impl<'p> PhaseRoots<'p> {
    pub(super) fn new(plan: &'p Plan) -> Self {
        Self {
            plan,
            ids: plan.phase_ids(),
            groups: FxHashMap::default(),
        }
    }

    /// Every root of the id `target` names; empty for a phase the plan
    /// does not have.
    pub(super) fn get(&mut self, target: &RefTarget) -> &[usize] {
        self.group(target).map_or(&[], |g| &g.all)
    }

    /// The roots `target` names when written inside phase `from` (`None`:
    /// outside any phase). Where the id's roots lie in different phases,
    /// only those held by the nearest of `from`, its ancestors and the
    /// plan that holds any are meant: "Step 1" in Phase 2 is Phase 2's
    /// Step 1. When none of those holds one, the reference names none: a
    /// step of another phase is never taken by its number alone, as which
    /// one is meant cannot be told. An id written once is that phase,
    /// wherever it is (steps numbered through the whole plan).
    pub(super) fn get_from(&mut self, target: &RefTarget, from: Option<usize>) -> &[usize] {
        let plan = self.plan;
        let parent = |q: usize| plan.phases.get(q).and_then(|x| x.parent);
        let Some(group) = self.group(target) else {
            return &[];
        };
        let (Some(by_parent), Some(from)) = (&group.by_parent, from) else {
            return &group.all;
        };
        let scopes = std::iter::successors(Some(from), |&a| parent(a))
            .take(plan.phases.len())
            .map(Some)
            .chain([None]);
        for scope in scopes {
            if let Some(held) = by_parent.get(&scope) {
                return held;
            }
        }
        &[]
    }

    fn group(&mut self, target: &RefTarget) -> Option<&Group> {
        let first = self.ids.get(target)?;
        let (plan, ids) = (self.plan, &self.ids);
        let parent = |q: usize| plan.phases.get(q).and_then(|x| x.parent);
        Some(self.groups.entry(first).or_insert_with(|| {
            let named: FxHashSet<usize> = ids.get_all(target).collect();
            let ancestors =
                |q: usize| std::iter::successors(parent(q), |&a| parent(a)).take(plan.phases.len());
            let all: Vec<usize> = ids
                .get_all(target)
                .filter(|&q| !ancestors(q).any(|a| named.contains(&a)))
                .collect();
            let spread = all
                .first()
                .is_some_and(|&f| all.iter().any(|&q| parent(q) != parent(f)));
            let by_parent = spread.then(|| {
                let mut by: FxHashMap<Option<usize>, Vec<usize>> = FxHashMap::default();
                for &q in &all {
                    by.entry(parent(q)).or_default().push(q);
                }
                by
            });
            Group { all, by_parent }
        }))
    }
}
