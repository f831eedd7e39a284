//! The task objects of the JSON documents, made once per plan for `show`,
//! `status` and `next` alike. Apart from the document types because it is
//! the one part with state of its own: the phases' ids, the order of the
//! tasks' phase waits, and the tasks' ids, worked out lazily.

use std::collections::HashMap;

use super::{Locator, NodeIds, PhaseRefDoc, TaskDoc, UniqueIds, all, opt};
use crate::model::{Plan, Text};

/// The tasks' ids in the documents, and the tasks of each id the plan
/// repeats.
type TaskIds = (Vec<String>, HashMap<Text, Vec<usize>>);

/// What the task documents of one plan share, worked out once per plan:
/// the phases' ids and which phases each task waits for. `show`, `status`
/// and `next` all make their task objects here, so they name phases alike.
pub struct TaskDocs<'p> {
    plan: &'p Plan,
    /// The phases' ids.
    pub(super) phases: Vec<String>,
    /// The tasks' ids, and the tasks of each id the plan gives more than
    /// one task, in task order (a dependency on such an id waits for all
    /// of them): worked out for the first task document, as `status` over
    /// a folder makes none.
    tasks: std::cell::OnceCell<TaskIds>,
    /// Indices into `Plan::phase_waits`, by task: the reader records a
    /// task's waits as its blocks close, not in task order.
    waits: Vec<usize>,
    /// The tasks' dependencies with their ranges resolved.
    pub(super) depends: crate::DependencyIds<'p>,
}

impl<'p> TaskDocs<'p> {
    pub fn new(plan: &'p Plan) -> Self {
        let mut waits: Vec<usize> = (0..plan.phase_waits.len()).collect();
        // A task's waits in the order they are written.
        waits.sort_by_key(|&w| {
            let w = &plan.phase_waits[w];
            (w.task, w.phase.range.start)
        });
        let mut unique = UniqueIds::default();
        Self {
            plan,
            phases: plan.phases.iter().map(|p| unique.name(&p.id)).collect(),
            tasks: std::cell::OnceCell::new(),
            waits,
            depends: crate::DependencyIds::new(plan),
        }
    }

    /// The document of task `t`, if the plan has it.
    pub fn task(&self, t: usize, loc: &Locator<'_>) -> Option<TaskDoc> {
        let plan = self.plan;
        let task = plan.tasks.get(t)?;
        let first = self
            .waits
            .partition_point(|&w| plan.phase_waits[w].task < t);
        let waits_for_phases = self.waits[first..]
            .iter()
            .map(|&w| &plan.phase_waits[w])
            .take_while(|w| w.task == t)
            .map(|w| PhaseRefDoc {
                phase: w.phase.target.label().to_string(),
                range: loc.range(w.phase.range),
            })
            .collect();
        Some(TaskDoc {
            id: self.task_ids().0[t].clone(),
            text: task.text.to_string(),
            state: task.state.name(),
            kind: task.kind.name(),
            phase: self.phase_id(task.phase),
            section: task.section.map(|i| plan.sections[i].title.to_string()),
            parent: task.parent.filter(|&p| p < plan.tasks.len()),
            parent_id: task.parent.and_then(|p| self.task_id(p)),
            markers: all(&task.markers),
            parallel: task.parallel,
            optional: task.optional,
            requirements: all(&task.requirements),
            depends_on: self.waited_ids(&self.depends.task(t)),
            waits_for_phases,
            owner: opt(task.owner.as_ref()),
            line: loc.line(task.check_range.start),
            range: loc.range(task.range),
            check_range: loc.range(task.check_range),
        })
    }

    /// The id the documents give phase `i` (see [`NodeIds`]).
    pub fn phase_id(&self, i: Option<usize>) -> Option<String> {
        self.phases.get(i?).cloned()
    }

    fn task_ids(&self) -> &TaskIds {
        self.tasks.get_or_init(|| {
            let ids = NodeIds::new(self.plan);
            let repeats = if ids.renames_tasks(self.plan) {
                repeats(self.plan)
            } else {
                HashMap::new()
            };
            (ids.tasks, repeats)
        })
    }

    /// The id the documents give task `t` (see [`NodeIds`]).
    pub fn task_id(&self, t: usize) -> Option<String> {
        self.task_ids().0.get(t).cloned()
    }

    /// `ids` as the documents name their tasks: an id the plan repeats
    /// stands for each of its tasks (`T001`, `T001 (2)`); any other as
    /// written, known or not.
    pub(super) fn waited_ids(&self, ids: &[Text]) -> Vec<String> {
        let (names, repeats) = self.task_ids();
        if repeats.is_empty() {
            return all(ids);
        }
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            match repeats.get(id) {
                Some(tasks) => out.extend(tasks.iter().map(|&t| names[t].clone())),
                None => out.push(id.to_string()),
            }
        }
        out
    }
}

/// The tasks of each id the plan gives more than one task.
fn repeats(plan: &Plan) -> HashMap<Text, Vec<usize>> {
    let mut by_id: HashMap<&Text, Vec<usize>> = HashMap::new();
    for (i, t) in plan.tasks.iter().enumerate() {
        by_id.entry(&t.id).or_default().push(i);
    }
    by_id
        .into_iter()
        .filter(|(_, tasks)| tasks.len() > 1)
        .map(|(id, tasks)| (id.clone(), tasks))
        .collect()
}
