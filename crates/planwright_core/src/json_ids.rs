//! The names the JSON documents and `graph` give phases and tasks: each
//! one's own id, made unique where the plan repeats one.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::Plan;

/// The ids the JSON documents and `graph` give the plan's phases and
/// tasks, by index: each one's own id, made unique (see [`UniqueIds`]),
/// phases first, so that a reader keying them by id keeps two the plan
/// gave one id apart. A task id the plan repeats is numbered on every
/// task of it, the first too (`T001 (1)`, `T001 (2)`): each name is one
/// `done` takes for that task, where the bare `T001` names two and is
/// refused. A phase's first keeps its bare id (`Phase 1`, `Phase 1 (2)`):
/// phases repeat by design (an overview's `### Phase 1` and the one with
/// the tasks), and no command takes a phase by that name.
#[derive(Clone, Debug, Default)]
pub struct NodeIds {
    pub phases: Vec<String>,
    pub tasks: Vec<String>,
}

impl NodeIds {
    pub fn new(plan: &Plan) -> Self {
        let mut unique = UniqueIds::default();
        let phases = plan.phases.iter().map(|p| unique.name(&p.id)).collect();
        // In any case, as `done` matches ids: `t001` and `T001` are one
        // id written twice.
        let keys: Vec<_> = plan
            .tasks
            .iter()
            .map(|t| t.id.to_ascii_lowercase())
            .collect();
        let mut repeated: FxHashMap<&str, bool> = FxHashMap::default();
        for k in &keys {
            repeated
                .entry(k.as_str())
                .and_modify(|again| *again = true)
                .or_insert(false);
        }
        let tasks = plan
            .tasks
            .iter()
            .zip(&keys)
            .map(|(t, k)| match repeated.get(k.as_str()) {
                Some(true) => unique.numbered(&t.id),
                _ => unique.name(&t.id),
            })
            .collect();
        Self { phases, tasks }
    }

    /// Whether some task's name is not its id: the plan repeats an id.
    pub fn renames_tasks(&self, plan: &Plan) -> bool {
        self.tasks.iter().zip(&plan.tasks).any(|(n, t)| *n != t.id)
    }
}

/// Names made unique in the order they are asked for: an id seen before
/// gets ` (2)`, ` (3)`... after it, the first number not taken. `graph`
/// names its nodes, phases first, this way too, so that its phase ids are
/// the ones `show` prints.
#[derive(Clone, Debug, Default)]
pub struct UniqueIds {
    taken: FxHashSet<String>,
    /// The last suffix given to each repeated id, so a thousand repeats of
    /// one id cost no more than a thousand ids.
    last: FxHashMap<String, usize>,
}

impl UniqueIds {
    /// `id` numbered whatever was asked before: ` (1)` the first time,
    /// then the first number not taken.
    pub fn numbered(&mut self, id: &str) -> String {
        let n = self.last.entry(id.to_owned()).or_insert(0);
        loop {
            *n += 1;
            let name = format!("{id} ({n})");
            if self.taken.insert(name.clone()) {
                return name;
            }
        }
    }

    pub fn name(&mut self, id: &str) -> String {
        // Most ids are new: one hash and one copy each (`status DIR` and
        // `next` name every task of thousands of plans).
        if !self.taken.contains(id) {
            self.taken.insert(id.to_owned());
            return id.to_owned();
        }
        let n = self.last.entry(id.to_owned()).or_insert(1);
        loop {
            *n += 1;
            let name = format!("{id} ({n})");
            if self.taken.insert(name.clone()) {
                return name;
            }
        }
    }
}
