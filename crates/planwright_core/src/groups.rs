//! How the tasks of a plan without phases stand, part by part: the rows
//! `status` shows where a phased plan has its phases.
//!
//! Many task files have no phases: openspec's `## 1. Core` sections of
//! `- [x] 1.1 …` boxes, Kiro's `- [ ] 1. Set up` tasks over their `1.1`,
//! `1.2`. Their progress is only a total unless it is split by what the
//! plan itself uses to group its work, so it is: by sections when the
//! tasks stand in two or more of them, else by top-level tasks, when most
//! hold subtasks.

use crate::model::{Plan, Progress};

/// What groups a plan's tasks, and how far each group is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskGroups {
    pub groups: Vec<TaskGroup>,
    /// The counted tasks in no group (a box straight under the heading the
    /// sections share), so that the rows add up to the plan's progress.
    /// `None` when there are none, and for groups of tasks, which hold
    /// every task.
    pub rest: Option<Progress>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskGroup {
    pub by: GroupBy,
    pub progress: Progress,
}

/// The element that makes a group: an index into [`Plan::sections`] or
/// [`Plan::tasks`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupBy {
    Section(usize),
    /// A top-level task and all its subtasks, the task counted too; one
    /// without subtasks is a group of one.
    Task(usize),
}

impl TaskGroups {
    /// By task index, the section of these groups that holds the task, if
    /// one does: tasks set aside under one (which count in no group)
    /// included. All `None` for groups of tasks.
    pub fn section_of_each_task(&self, plan: &Plan) -> Vec<Option<usize>> {
        let mut grouping = vec![false; plan.sections.len()];
        for g in &self.groups {
            if let GroupBy::Section(s) = g.by {
                grouping[s] = true;
            }
        }
        plan.tasks
            .iter()
            .map(|t| {
                std::iter::successors(t.section, |&s| plan.sections.get(s).and_then(|s| s.parent))
                    .find(|&s| grouping.get(s).copied().unwrap_or(false))
            })
            .collect()
    }
}

impl Plan {
    /// The plan's tasks grouped, for a plan without phases whose tasks
    /// fall in two or more groups; `None` otherwise (a phased plan's rows
    /// are its phases). Only tasks that count ([`crate::TaskKind::counts`])
    /// are grouped; a group of none is no group.
    pub fn task_groups(&self) -> Option<TaskGroups> {
        if !self.phases.is_empty() {
            return None;
        }
        let counted: Vec<usize> = (0..self.tasks.len())
            .filter(|&t| self.tasks[t].kind.counts())
            .collect();
        self.section_groups(&counted)
            .or_else(|| self.parent_task_groups(&counted))
    }

    /// Groups by the sections just below the deepest heading that holds
    /// every task (the title, a `## Tasks`), when there are two or more.
    fn section_groups(&self, counted: &[usize]) -> Option<TaskGroups> {
        let chain = |t: usize| -> Vec<usize> {
            let mut chain: Vec<usize> =
                std::iter::successors(self.tasks[t].section, |&s| self.sections[s].parent)
                    .collect();
            chain.reverse();
            chain
        };
        let chains: Vec<Vec<usize>> = counted.iter().map(|&t| chain(t)).collect();
        // The length of the path from the root that every chain shares.
        let first = chains.first()?;
        let shared = chains.iter().skip(1).fold(first.len(), |n, c| {
            first
                .iter()
                .zip(c)
                .take(n)
                .take_while(|(a, b)| a == b)
                .count()
        });
        let mut groups = Counting::new(self, self.sections.len());
        let mut rest: Vec<usize> = Vec::new();
        for (&t, chain) in counted.iter().zip(&chains) {
            match chain.get(shared) {
                Some(&s) => groups.count(GroupBy::Section(s), t),
                None => rest.push(t),
            }
        }
        let groups = groups.groups;
        (groups.len() >= 2).then(|| TaskGroups {
            groups,
            rest: (!rest.is_empty()).then(|| self.progress(rest.iter().map(|&t| &self.tasks[t]))),
        })
    }

    /// Groups by the top-level tasks, each with its subtasks (Kiro's
    /// `- [ ] 1. Set up` over `- [ ] 1.1 …`), when two or more of them,
    /// and at least half, hold subtasks: a list of single tasks with a
    /// parent or two among them is no outline of the work.
    fn parent_task_groups(&self, counted: &[usize]) -> Option<TaskGroups> {
        // A parent comes before its subtasks: the walk up always ends.
        let top = |mut t: usize| {
            while let Some(p) = self.tasks[t].parent.filter(|&p| p < t) {
                t = p;
            }
            t
        };
        let mut has_subtasks = vec![false; self.tasks.len()];
        for t in &self.tasks {
            if let Some(p) = t.parent {
                has_subtasks[p] = true;
            }
        }
        let mut groups = Counting::new(self, self.tasks.len());
        for &t in counted {
            groups.count(GroupBy::Task(top(t)), t);
        }
        let groups = groups.groups;
        let parents = groups
            .iter()
            .filter(|g| matches!(g.by, GroupBy::Task(t) if has_subtasks[t]))
            .count();
        (parents >= 2 && 2 * parents >= groups.len()).then_some(TaskGroups { groups, rest: None })
    }
}

/// The groups being counted, each found by its element in one step: a
/// plan of thousands of sections has as many groups.
struct Counting<'p> {
    plan: &'p Plan,
    groups: Vec<TaskGroup>,
    /// Group of each section, or each task, by index.
    of: Vec<Option<usize>>,
}

impl<'p> Counting<'p> {
    fn new(plan: &'p Plan, elements: usize) -> Self {
        Self {
            plan,
            groups: Vec::new(),
            of: vec![None; elements],
        }
    }

    /// Counts task `t` into the group `by`, a new one at the end if there
    /// is none yet.
    fn count(&mut self, by: GroupBy, t: usize) {
        let (GroupBy::Section(i) | GroupBy::Task(i)) = by;
        let g = *self.of[i].get_or_insert_with(|| {
            self.groups.push(TaskGroup {
                by,
                progress: Progress::default(),
            });
            self.groups.len() - 1
        });
        add(&mut self.groups[g].progress, self.plan, t);
    }
}

/// Counts task `t` into `progress` as [`Plan::progress`] does.
fn add(progress: &mut Progress, plan: &Plan, t: usize) {
    let one = plan.progress(std::iter::once(&plan.tasks[t]));
    progress.done += one.done;
    progress.in_progress += one.in_progress;
    progress.total += one.total;
}

#[cfg(test)]
#[path = "groups_tests.rs"]
mod tests;
