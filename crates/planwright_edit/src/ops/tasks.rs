//! Ticking, unticking and starting tasks: one byte inside the check box.

use planwright_core::edit::Edit;
use planwright_core::{DialectSet, Plan, TaskState, TextRange};

use super::OpError;

/// Whether `done --start` may write an in-progress mark into this plan: its
/// dialect's descriptor says it uses them (`in_progress_marks`), it is of
/// no known dialect, or it already has one.
pub fn check_can_start(plan: &Plan, dialects: &DialectSet) -> Result<(), OpError> {
    let name = plan.dialect.name.as_str();
    if dialects
        .get(name)
        .is_none_or(|d| d.descriptor.in_progress_marks)
        || plan.tasks.iter().any(|t| t.state == TaskState::InProgress)
    {
        return Ok(());
    }
    Err(OpError::NoInProgress {
        dialect: name.to_owned(),
    })
}

/// The patch that puts task `index` in state `to`, or `None` when it is
/// already there. Only the mark character between the brackets changes.
pub fn set_task_state(plan: &Plan, index: usize, to: TaskState) -> Option<Edit> {
    let task = plan.tasks.get(index)?;
    if task.state == to {
        return None;
    }
    let mark = match to {
        TaskState::Done => done_mark(plan),
        TaskState::Open => ' ',
        TaskState::InProgress => in_progress_mark(plan),
    };
    let at = task.check_range.start as usize + 1;
    Some(Edit::replace(TextRange::new(at, at + 1), mark.to_string()))
}

/// The file's own way of ticking a box: `X` if it mostly uses capitals,
/// else `x`.
pub fn done_mark(plan: &Plan) -> char {
    let upper = plan.tasks.iter().filter(|t| t.mark == 'X').count();
    let lower = plan.tasks.iter().filter(|t| t.mark == 'x').count();
    if upper > lower { 'X' } else { 'x' }
}

/// `~` if the file already marks work in progress that way, else `-`.
fn in_progress_mark(plan: &Plan) -> char {
    let tilde = plan.tasks.iter().filter(|t| t.mark == '~').count();
    let dash = plan.tasks.iter().filter(|t| t.mark == '-').count();
    if tilde > dash { '~' } else { '-' }
}

#[cfg(test)]
mod tests {
    use super::*;
    use planwright_core::{edit::apply, parse};

    fn run(src: &str, index: usize, to: TaskState) -> String {
        let plan = parse(src);
        let edits: Vec<Edit> = set_task_state(&plan, index, to).into_iter().collect();
        apply(src, &edits).unwrap()
    }

    #[test]
    fn ticking_keeps_the_files_mark_style() {
        // given a file that ticks with capitals
        let src = "- [X] T001 a\r\n- [ ] T002 b\r\n";
        // running done on T002 produces a capital X and nothing else
        assert_eq!(
            run(src, 1, TaskState::Done),
            "- [X] T001 a\r\n- [X] T002 b\r\n"
        );
        assert_eq!(
            run("* [x] a\n* [ ] b\n", 1, TaskState::Done),
            "* [x] a\n* [x] b\n"
        );
        assert_eq!(run("1. [ ] a", 0, TaskState::Done), "1. [x] a");
    }

    #[test]
    fn start_only_where_the_dialect_or_the_plan_uses_it() {
        let set = DialectSet::builtin();
        let tasks = "# Tasks: X\n\n## Phase 1: Setup\n\n- [ ] T001 a\n- [ ] T002 b\n- [ ] T003 c\n";
        let plan = planwright_core::parse_with(
            tasks,
            &planwright_core::ParseOptions {
                file_name: Some("tasks.md"),
                ..Default::default()
            },
        );
        assert_eq!(plan.dialect.name, "speckit-tasks");
        assert_eq!(
            check_can_start(&plan, set).unwrap_err().to_string(),
            "plans of the speckit-tasks dialect do not mark tasks in progress (only [ ] and [x]); use `done` when the task is finished"
        );
        let started = parse(&tasks.replace("[ ] T002", "[-] T002"));
        assert_eq!(check_can_start(&started, set), Ok(()));
        assert_eq!(check_can_start(&parse("- [ ] a\n"), set), Ok(()));
        // Kiro's descriptor says `in_progress_marks = true`.
        let kiro = planwright_core::parse_with(
            "# Tasks\n\n- [ ] 1. a\n  - _Requirements: 1.1_\n",
            &planwright_core::ParseOptions {
                dialect: Some("kiro"),
                ..Default::default()
            },
        );
        assert_eq!(kiro.dialect.name, "kiro");
        assert!(!kiro.tasks.iter().any(|t| t.state == TaskState::InProgress));
        assert_eq!(check_can_start(&kiro, set), Ok(()));
    }

    #[test]
    fn undo_and_start() {
        assert_eq!(run("- [X] a\n", 0, TaskState::Open), "- [ ] a\n");
        assert_eq!(run("- [ ] a\n", 0, TaskState::InProgress), "- [-] a\n");
        assert_eq!(
            run("- [~] a\n- [ ] b\n", 1, TaskState::InProgress),
            "- [~] a\n- [~] b\n"
        );
        let plan = parse("- [x] a\n");
        assert_eq!(set_task_state(&plan, 0, TaskState::Done), None);
        assert_eq!(set_task_state(&plan, 7, TaskState::Done), None);
    }
}
