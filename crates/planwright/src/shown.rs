//! How the parts of a plan are named on the terminal: the rows of
//! `status` and `show` and the whereabouts `next` gives a task. Plan text
//! is made [`visible`]: a plan must not drive the terminal it is shown on.

use planwright_core::visible::visible;
use planwright_core::{GroupBy, Plan, Progress, Section};

/// The plan's title, or `(untitled)` where it has none or one that reads
/// as nothing (`# ` alone, `# <tags>`): the line it heads would start
/// blank. The model's title is trimmed already, and its range slices to
/// its words (parse/titles.rs).
pub fn title(plan: &Plan) -> std::borrow::Cow<'_, str> {
    match &plan.title {
        Some(t) if !t.text.is_empty() => visible(&t.text),
        _ => "(untitled)".into(),
    }
}

/// A number or id before its text as a plan writes a numbered heading or
/// task: a whole number with its dot (`1. Core`), others as they are
/// (`7.1 Data Model`, `T001 Build`).
pub fn numbered(id: &str, text: &str) -> String {
    let dot = if id.bytes().all(|b| b.is_ascii_digit()) {
        "."
    } else {
        ""
    };
    format!("{}{dot} {}", visible(id), visible(text))
}

/// A section by its number, if it has one, and title: `2. CLI`.
pub fn section(s: &Section) -> String {
    match &s.number {
        Some(n) => numbered(n, &s.title),
        None => visible(&s.title).into_owned(),
    }
}

/// A group of tasks ([`Plan::task_groups`]): its section, or its task by
/// id and text (`2. Build`).
pub fn group(plan: &Plan, by: GroupBy) -> String {
    match by {
        GroupBy::Section(s) => section(&plan.sections[s]),
        GroupBy::Task(t) => numbered(&plan.tasks[t].id, &plan.tasks[t].text),
    }
}

/// What the groups are, for a heading: `Tasks by section`.
pub fn groups_heading(by: GroupBy) -> &'static str {
    match by {
        GroupBy::Section(_) => "Tasks by section",
        GroupBy::Task(_) => "Tasks by parent task",
    }
}

/// The row of the tasks in no phase, named and counted once for `status`
/// and `show`, so that both add their phase rows up to the plan's: `None`
/// when the plan has no phases or every task that counts (not ones left
/// for later or a log's records) is in one. A plan without phases has no
/// rows to add up.
pub fn outside_phases(plan: &Plan) -> Option<(&'static str, Progress)> {
    let outside = || {
        plan.tasks
            .iter()
            .filter(|t| t.phase.is_none() && t.kind.counts())
    };
    (!plan.phases.is_empty() && outside().next().is_some())
        .then(|| ("(outside any phase)", plan.progress(outside())))
}

/// The row of the tasks in no group of a plan without phases
/// ([`Plan::task_groups`]), for `status` and `show` alike.
pub fn outside_groups(rest: Progress) -> (&'static str, Progress) {
    ("(outside any section)", rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_take_their_dot() {
        assert_eq!(numbered("1", "Core"), "1. Core");
        assert_eq!(numbered("7.1", "Data Model"), "7.1 Data Model");
        assert_eq!(numbered("T001", "Build"), "T001 Build");
        // Control characters in plan text are shown, not sent.
        assert_eq!(numbered("2", "A\u{1b}[2J"), "2. A\u{241b}[2J");
    }
}
