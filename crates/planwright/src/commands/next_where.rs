//! Where a task `next` lists stands: its phase, or, in a plan without
//! phases, the section that groups it, named only where it tells the
//! tasks listed apart.

use std::collections::{HashMap, HashSet};

use planwright_core::Plan;
use planwright_core::visible::visible;

/// Where a task stands, for the terminal: its phase, or, in a plan
/// without phases whose tasks fall in sections (`## 1. Core`, `### Task 2:
/// Add the API`; see [`Plan::task_groups`]), its section.
pub(super) struct Whereabouts<'p> {
    plan: &'p Plan,
    /// The phase ids the plan writes more than once with other titles: an
    /// overview's `### Phase 1: Setup` and the one with the tasks are told
    /// apart by nothing a title would add.
    repeated: HashSet<&'p str>,
    /// By task index, the section that groups it (see
    /// [`planwright_core::TaskGroups::section_of_each_task`]); empty when
    /// no section does.
    sections: Vec<Option<usize>>,
}

impl<'p> Whereabouts<'p> {
    pub(super) fn new(plan: &'p Plan) -> Self {
        let mut first: HashMap<&str, &str> = HashMap::new();
        let mut repeated = HashSet::new();
        for p in &plan.phases {
            let title = first.entry(p.id.as_str()).or_insert(p.title.as_str());
            if *title != p.title.as_str() {
                repeated.insert(p.id.as_str());
            }
        }
        let sections = plan
            .task_groups()
            .map(|g| g.section_of_each_task(plan))
            .unwrap_or_default();
        Self {
            plan,
            repeated,
            sections,
        }
    }

    /// The phase's id as the plan writes it, and its title too when
    /// another phase has that id (`Phase 2: Docs` beside `Phase 2:
    /// Frontend`).
    pub(super) fn phase(&self, task: usize) -> Option<String> {
        let plan = self.plan;
        let p = plan.phases.get(plan.tasks[task].phase?)?;
        Some(
            if self.repeated.contains(p.id.as_str()) && !p.title.is_empty() {
                format!("{}: {}", p.id, p.title)
            } else {
                p.id.to_string()
            },
        )
    }

    /// The section grouping the task, by index and by its number and
    /// title.
    pub(super) fn section(&self, task: usize) -> Option<(usize, String)> {
        let s = self.sections.get(task).copied().flatten()?;
        let shown = crate::shown::section(&self.plan.sections[s]);
        Some((s, crate::output::shorten(&shown, 40)))
    }
}

/// Keeps the sections of the tasks listed from a plan only where they come
/// from more than one: there a section tells apart tasks of one text
/// (`Step 1: Write the failing test`) as a phase would, and for tasks all
/// of one section it would only repeat itself. Decided on what is listed,
/// after `-n`, plan by plan.
pub(super) fn name_sections<'t>(
    listed: impl IntoIterator<Item = (&'t str, &'t mut Option<(usize, String)>)>,
) {
    let mut by_plan: HashMap<&str, Vec<&mut Option<(usize, String)>>> = HashMap::new();
    for (path, section) in listed {
        by_plan.entry(path).or_default().push(section);
    }
    for sections in by_plan.into_values() {
        let mut seen: Vec<usize> = sections
            .iter()
            .filter_map(|s| s.as_ref().map(|s| s.0))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() < 2 {
            for s in sections {
                *s = None;
            }
        }
    }
}

/// `  (Phase 1)`, `  (2. CLI)`, or nothing: a listed task's phase, or its
/// section where [`name_sections`] kept it.
pub(super) fn whereabouts_text(
    phase: Option<&String>,
    section: Option<&(usize, String)>,
) -> String {
    phase
        .or(section.map(|s| &s.1))
        .map(|p| format!("  ({})", visible(p)))
        .unwrap_or_default()
}
