//! Ticking, unticking and starting tasks: one byte inside the check box.

use planwright_core::edit::Edit;
use planwright_core::{DialectSet, Plan, TaskKind, TaskState, TextRange};

use super::OpError;

/// Whether `done --start` may write an in-progress mark into this plan: its
/// dialect's descriptor says it uses them (`in_progress_marks`), or the
/// plan already has one, as `--help` promises. A plan of no known dialect
/// is no exception: `[-]` is not a GitHub task-list mark, so the first one
/// turns a check box into text, and that is the user's call to make.
pub fn check_can_start(plan: &Plan, dialects: &DialectSet) -> Result<(), OpError> {
    let name = plan.dialect.name.as_str();
    let dialect = dialects.get(name);
    if dialect.is_some_and(|d| d.descriptor.in_progress_marks)
        || plan.tasks.iter().any(|t| t.state == TaskState::InProgress)
    {
        return Ok(());
    }
    Err(match dialect {
        Some(_) => OpError::NoInProgress {
            dialect: name.to_owned(),
        },
        None => OpError::NoInProgressYet,
    })
}

/// Whether task `index` is work that can start: a definition-of-done item
/// or an acceptance criterion is checked at the end, never started (`next`
/// never lists one as in progress, see `track::ready_tasks`).
pub fn check_startable(plan: &Plan, index: usize) -> Result<(), OpError> {
    let Some(task) = plan.tasks.get(index) else {
        return Ok(());
    };
    let kind = match task.kind {
        TaskKind::DefinitionOfDone => "a definition-of-done item",
        TaskKind::AcceptanceCriterion => "an acceptance criterion",
        _ => return Ok(()),
    };
    Err(OpError::NeverStarted {
        task: task_label(plan, index),
        kind,
    })
}

/// How `done` and its errors name task `index`: its own id, else `#N`, the
/// position the user can type back.
pub fn task_label(plan: &Plan, index: usize) -> String {
    match plan.tasks.get(index) {
        Some(t) if t.explicit_id => t.id.to_string(),
        _ => format!("#{}", index + 1),
    }
}

/// The patch that puts task `index` in state `to`, or `None` when it is
/// already there. Only the mark character between the brackets changes.
///
/// This counts the plan's marks for one task; to change many, take
/// [`Marks::of`] once and call [`Marks::set_task_state`] for each.
pub fn set_task_state(plan: &Plan, index: usize, to: TaskState) -> Option<Edit> {
    Marks::of(plan).set_task_state(plan, index, to)
}

/// The file's own way of ticking a box: `X` if it mostly uses capitals,
/// else `x`.
pub fn done_mark(plan: &Plan) -> char {
    Marks::of(plan).done
}

/// The marks a plan writes: what its tasks mostly use, counted once per
/// edit (counting again for each task ticked made `done T1 … Tn` grow
/// with the square of the plan).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marks {
    /// `X` if the plan mostly ticks with capitals, else `x`.
    pub done: char,
    /// The mark the plan mostly writes for work in progress (`~` or `/`),
    /// else `-`.
    pub in_progress: char,
    /// Per task, the tick its own list mostly writes, where the list has
    /// ticked items and leans one way: a checklist written with `[x]` in a
    /// plan of `[X]` tasks keeps its `[x]`, so that `undo` then `done`
    /// gives the bytes back.
    own: Vec<Option<char>>,
}

impl Marks {
    pub fn of(plan: &Plan) -> Self {
        let (mut upper, mut lower) = (0_usize, 0_usize);
        // `-`, `~`, `/`: the first of the most used wins a tie.
        let mut progress = [('-', 0_usize), ('~', 0), ('/', 0)];
        for t in &plan.tasks {
            match t.mark {
                'X' => upper += 1,
                'x' => lower += 1,
                m => {
                    if let Some(p) = progress.iter_mut().find(|p| p.0 == m) {
                        p.1 += 1;
                    }
                }
            }
        }
        let in_progress = progress
            .iter()
            .fold(progress[0], |best, &p| if p.1 > best.1 { p } else { best });
        Self {
            done: if upper > lower { 'X' } else { 'x' },
            in_progress: in_progress.0,
            own: own_list_ticks(plan),
        }
    }

    /// The tick `done` writes for task `index`: its own list's, where
    /// that list leans one way, else the plan's.
    pub fn tick_for(&self, index: usize) -> char {
        self.own.get(index).copied().flatten().unwrap_or(self.done)
    }

    /// [`set_task_state`] with these marks.
    pub fn set_task_state(&self, plan: &Plan, index: usize, to: TaskState) -> Option<Edit> {
        let task = plan.tasks.get(index)?;
        // Open is `[ ]` alone: a `[>]` (deferred) or an unknown mark reads
        // as open, and `undo` writes the blank it promises.
        if task.state == to && (to != TaskState::Open || task.mark == ' ') {
            return None;
        }
        let mark = match to {
            TaskState::Done => self.tick_for(index),
            TaskState::Open => ' ',
            TaskState::InProgress => self.in_progress,
        };
        let at = task.check_range.start as usize + 1;
        Some(Edit::replace(TextRange::new(at, at + 1), mark.to_string()))
    }
}

/// For each task, the tick most of the ticked items of its innermost list
/// write, or `None` when none is ticked or as many write each. One sweep
/// over lists and tasks in the order they start, with the lists open at
/// each task on a stack: linear in the plan.
fn own_list_ticks(plan: &Plan) -> Vec<Option<char>> {
    let mut order: Vec<usize> = (0..plan.tasks.len()).collect();
    order.sort_by_key(|&i| plan.tasks[i].check_range.start);
    let mut list_of = vec![None; plan.tasks.len()];
    let mut counts = vec![(0_usize, 0_usize); plan.lists.len()];
    let mut open: Vec<usize> = Vec::new();
    let mut next_list = 0;
    for &i in &order {
        let at = plan.tasks[i].check_range.start;
        while let Some(list) = plan.lists.get(next_list).filter(|l| l.range.start <= at) {
            while open
                .last()
                .is_some_and(|&o| plan.lists[o].range.end <= list.range.start)
            {
                open.pop();
            }
            open.push(next_list);
            next_list += 1;
        }
        while open.last().is_some_and(|&o| plan.lists[o].range.end <= at) {
            open.pop();
        }
        let Some(&list) = open.last() else {
            continue;
        };
        list_of[i] = Some(list);
        match plan.tasks[i].mark {
            'X' => counts[list].0 += 1,
            'x' => counts[list].1 += 1,
            _ => {}
        }
    }
    list_of
        .into_iter()
        .map(|list| {
            let (upper, lower) = counts[list?];
            match upper.cmp(&lower) {
                std::cmp::Ordering::Greater => Some('X'),
                std::cmp::Ordering::Less => Some('x'),
                std::cmp::Ordering::Equal => None,
            }
        })
        .collect()
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
        // Of no known dialect: only once the plan has an in-progress mark.
        assert_eq!(
            check_can_start(&parse("- [ ] a\n"), set),
            Err(OpError::NoInProgressYet)
        );
        assert_eq!(check_can_start(&parse("- [ ] a\n- [~] b\n"), set), Ok(()));
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
    fn definition_of_done_and_acceptance_items_never_start() {
        let plan = parse(
            "# P\n\n## Phase 1\n\n- [ ] T001 build\n\n## Definition of Done\n\n- [ ] tests pass\n",
        );
        assert_eq!(check_startable(&plan, 0), Ok(()));
        assert_eq!(
            check_startable(&plan, 1).unwrap_err().to_string(),
            "#2 is a definition-of-done item: those are checked when the work is finished, never started; use `done` when it holds"
        );
        let plan = parse("# P\n\n## Acceptance Criteria\n\n- [ ] AC1 exports open\n");
        assert_eq!(
            check_startable(&plan, 0).unwrap_err().to_string(),
            "#1 is an acceptance criterion: those are checked when the work is finished, never started; use `done` when it holds"
        );
        assert_eq!(task_label(&parse("- [ ] T009 a\n- [ ] b\n"), 0), "T009");
        assert_eq!(task_label(&parse("- [ ] T009 a\n- [ ] b\n"), 1), "#2");
    }

    #[test]
    fn undo_and_start() {
        assert_eq!(run("- [X] a\n", 0, TaskState::Open), "- [ ] a\n");
        assert_eq!(run("- [ ] a\n", 0, TaskState::InProgress), "- [-] a\n");
        assert_eq!(
            run("- [~] a\n- [ ] b\n", 1, TaskState::InProgress),
            "- [~] a\n- [~] b\n"
        );
        // Obsidian's half-filled box for work under way is kept too.
        assert_eq!(
            run("- [/] a\n- [ ] b\n", 1, TaskState::InProgress),
            "- [/] a\n- [/] b\n"
        );
        assert_eq!(run("- [/] a\n", 0, TaskState::Done), "- [x] a\n");
        let plan = parse("- [x] a\n");
        assert_eq!(set_task_state(&plan, 0, TaskState::Done), None);
        assert_eq!(set_task_state(&plan, 7, TaskState::Done), None);
    }

    #[test]
    fn a_tick_follows_its_own_list_before_the_plans() {
        // The plan ticks with capitals, its checklist with `x`: each list
        // keeps its own, so `undo` then `done` gives the bytes back.
        let src = "- [X] T001 a\n- [X] T002 b\n- [X] T003 c\n\n## Criteria\n\n- [x] c1\n  - [X] c1.1\n  - [ ] c1.2\n- [x] c2\n- [ ] c3\n\n## More\n\n- [ ] d1\n";
        let tick = |i| run(src, i, TaskState::Done);
        assert!(tick(7).contains("- [x] c3\n"), "{}", tick(7));
        // A nested list is its own: its ticked item writes `X`.
        assert!(tick(5).contains("  - [X] c1.2\n"), "{}", tick(5));
        // A list with nothing ticked (or as much of each) takes the plan's.
        assert!(tick(8).contains("- [X] d1\n"), "{}", tick(8));
        assert!(
            run("- [x] a\n- [X] b\n- [ ] c\n\n* [X] d\n", 2, TaskState::Done).contains("- [X] c\n")
        );
        let plan = parse(src);
        for i in [3, 6] {
            let undone = run(src, i, TaskState::Open);
            let edits: Vec<Edit> = set_task_state(&parse(&undone), i, TaskState::Done)
                .into_iter()
                .collect();
            assert_eq!(
                apply(&undone, &edits).unwrap(),
                src,
                "task {i}: {:?}",
                plan.tasks[i].text
            );
        }
    }

    #[test]
    fn marks_follow_the_majority_and_ties_go_to_the_default() {
        let marks = |src: &str| Marks::of(&parse(src));
        let m = marks("- [X] a\n- [X] b\n- [x] c\n- [~] d\n- [~] e\n- [-] f\n");
        assert_eq!((m.done, m.in_progress), ('X', '~'));
        let m = marks("- [X] a\n- [x] b\n- [~] d\n- [-] e\n");
        assert_eq!((m.done, m.in_progress), ('x', '-'));
        let m = marks("- [/] a\n- [/] b\n- [~] c\n- [-] d\n");
        assert_eq!(m.in_progress, '/');
        assert_eq!(marks("- [/] a\n- [~] b\n").in_progress, '~');
        let (open, none) = (marks("- [ ] a\n"), marks(""));
        assert_eq!((open.done, open.in_progress), (none.done, none.in_progress));
        assert_eq!(done_mark(&parse("- [X] a\n")), 'X');
        // Counted once, the marks tick every task the same way.
        let plan = parse("- [X] a\n- [ ] b\n- [ ] c\n");
        let m = Marks::of(&plan);
        let edits: Vec<Edit> = (0..3)
            .filter_map(|i| m.set_task_state(&plan, i, TaskState::Done))
            .collect();
        assert_eq!(
            apply("- [X] a\n- [ ] b\n- [ ] c\n", &edits).unwrap(),
            "- [X] a\n- [X] b\n- [X] c\n"
        );
    }
}
