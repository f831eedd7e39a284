//! Headings opened by a check box are tasks: what is read from the heading,
//! from its section, and which headings are none.

use crate::{Plan, TaskKind, TaskState, parse};

const PLAN: &str = "\
# Plan: Event bus

## Phase 1: Contracts

#### [ ] T-001: Create the contracts project
**Estimate**: 2h
**Depends on**: none
**Acceptance**:
- [ ] project file exists
- [x] builds with zero dependencies

#### [X] T-002: Define the event bus interface
**Depends on**: T-001
_Requirements: 1.2, 3.4_
- [ ] write the XML docs

## Phase 2: Adapters

### [-] T-003 [P] Wire the adapter (owner: @ana)
";

/// Each task's id, what its check range slices to, and its text.
fn heads(src: &str, plan: &Plan) -> Vec<(String, String, String)> {
    plan.tasks
        .iter()
        .map(|t| {
            (
                t.id.to_string(),
                t.check_range.slice(src).to_owned(),
                t.text.to_string(),
            )
        })
        .collect()
}

#[test]
fn a_heading_opened_by_a_check_box_is_a_task() {
    let plan = parse(PLAN);
    let found = heads(PLAN, &plan);
    let want = [
        ("T-001", "[ ]", "Create the contracts project"),
        ("#2", "[ ]", "project file exists"),
        ("#3", "[x]", "builds with zero dependencies"),
        ("T-002", "[X]", "Define the event bus interface"),
        ("#5", "[ ]", "write the XML docs"),
        ("T-003", "[-]", "Wire the adapter (owner: @ana)"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(found, want);
    let t1 = &plan.tasks[0];
    assert!(t1.explicit_id);
    assert_eq!(t1.id_range.map(|r| r.slice(PLAN)), Some("T-001"));
    assert_eq!(t1.state, TaskState::Open);
    assert_eq!(
        t1.line.slice(PLAN),
        "#### [ ] T-001: Create the contracts project"
    );
    assert_eq!(plan.tasks[3].state, TaskState::Done);
    assert_eq!(plan.tasks[3].mark, 'X');
    let t3 = &plan.tasks[5];
    assert_eq!(t3.state, TaskState::InProgress);
    assert_eq!(t3.markers, ["P"]);
    assert!(t3.parallel);
    assert_eq!(t3.owner.as_deref(), Some("@ana"));
}

#[test]
fn a_heading_tasks_range_is_its_section() {
    let plan = parse(PLAN);
    let t1 = &plan.tasks[0];
    assert!(t1.range.slice(PLAN).starts_with("#### [ ] T-001"));
    assert!(
        t1.range
            .slice(PLAN)
            .ends_with("- [x] builds with zero dependencies")
    );
    // The last one runs to the end of the plan, its line breaks aside.
    assert_eq!(
        plan.tasks[5].range.slice(PLAN),
        "### [-] T-003 [P] Wire the adapter (owner: @ana)"
    );
}

#[test]
fn a_heading_task_stands_in_its_phase_and_section_and_opens_none() {
    let plan = parse(PLAN);
    let ids: Vec<&str> = plan.phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["Phase 1", "Phase 2"]);
    let t1 = &plan.tasks[0];
    assert_eq!(t1.phase, Some(0));
    let section = &plan.sections[t1.section.unwrap()];
    assert_eq!(section.title, "Phase 1: Contracts");
    // Its own section is still there, titled without the box (ticking it
    // changes no section); its boxes are in it.
    let own = &plan.sections[plan.tasks[1].section.unwrap()];
    assert_eq!(own.title, "T-001: Create the contracts project");
    assert_eq!(
        own.heading.slice(PLAN),
        "#### [ ] T-001: Create the contracts project"
    );
    assert_eq!(plan.phases[0].tasks, [0, 1, 2, 3, 4]);
    assert_eq!(plan.phases[1].tasks, [5]);
}

#[test]
fn the_boxes_in_a_heading_tasks_section_are_its_subtasks() {
    let plan = parse(PLAN);
    let parents: Vec<Option<usize>> = plan.tasks.iter().map(|t| t.parent).collect();
    assert_eq!(parents, [None, Some(0), Some(0), None, Some(3), None]);
    let kinds: Vec<TaskKind> = plan.tasks.iter().map(|t| t.kind).collect();
    use TaskKind::{AcceptanceCriterion, Task};
    assert_eq!(
        kinds,
        [
            Task,
            AcceptanceCriterion,
            AcceptanceCriterion,
            Task,
            Task,
            Task
        ]
    );
}

#[test]
fn a_heading_tasks_details_are_read_from_its_section() {
    let plan = parse(PLAN);
    assert!(plan.tasks[0].depends_on.is_empty());
    assert_eq!(plan.tasks[3].depends_on, ["T-001"]);
    assert_eq!(plan.tasks[3].requirements, ["1.2", "3.4"]);
    // Its dependency field is not the phase's.
    assert!(plan.phases[0].depends_on.is_empty());
    // Written in Chinese, as a Kiro plan writes its fields.
    let src = "## 阶段1：契约层\n\n#### [ ] T-001: 创建项目\n**依赖**：无\n\n#### [ ] T-002: 实现接口\n**估时**：4小时\n**依赖**：T-001\n";
    let plan = parse(src);
    assert_eq!(plan.tasks.len(), 2);
    assert!(plan.tasks[0].depends_on.is_empty());
    assert_eq!(plan.tasks[1].depends_on, ["T-001"]);
    assert!(plan.phases[0].depends_on.is_empty());
}

#[test]
fn heading_tasks_nest_by_level_and_any_heading_form_counts() {
    let src = "\
## [ ] 1. Parser

### [x] 1.1 Lexer

- [ ] tokens

### [ ] 1.2 Grammar

## [ ] 2. Printer

[ ] 3. Setext task
------------------

## [ ] 4. Closed ATX ##
";
    let plan = parse(src);
    let found: Vec<(&str, Option<usize>)> = plan
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.parent))
        .collect();
    assert_eq!(
        found,
        [
            ("1", None),
            ("1.1", Some(0)),
            ("#3", Some(1)),
            ("1.2", Some(0)),
            ("2", None),
            ("3", None),
            ("4", None),
        ]
    );
    assert_eq!(plan.tasks[5].text, "Setext task");
    assert_eq!(plan.tasks[5].check_range.slice(src), "[ ]");
    assert_eq!(plan.tasks[6].text, "Closed ATX");
    // `## [ ] 1. Parser` holds everything up to `## [ ] 2. Printer`.
    assert!(
        plan.tasks[0]
            .range
            .slice(src)
            .ends_with("### [ ] 1.2 Grammar")
    );
}

#[test]
fn a_heading_whose_box_is_a_phase_opens_no_phase() {
    let plan = parse("## [ ] Phase 1: Setup\n\n- [ ] Install\n\n## [x] Phase 2: Build\n");
    assert!(plan.phases.is_empty());
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(plan.tasks[1].parent, Some(0));
    // Nor does a read ahead take it for one: a title naming a phase opens
    // it only where a later `#` heading opens another.
    let plan = parse("# Phase 1: Setup\n\n- [ ] Install\n\n# [ ] Phase 2: Build\n");
    assert!(plan.phases.is_empty());
    assert_eq!(plan.tasks.len(), 2);
}

#[test]
fn headings_that_are_no_tasks() {
    for src in [
        "### [ ]\n\n- [ ] a\n",
        "### [x]   \n\n- [ ] a\n",
        "## [Title](https://example.com)\n\n- [ ] a\n",
        "## [x](https://example.com) link\n\n- [ ] a\n",
        "### [P] Setup\n\n- [ ] a\n",
        "## [Unreleased]\n\n- [ ] a\n",
        "## [x] Linked\n\n[x]: https://example.com\n\n- [ ] a\n",
        "## [!] Urgent\n\n- [ ] a\n",
        "## [ ]Glued\n\n- [ ] a\n",
        "## Ship it [ ] now\n\n- [ ] a\n",
        "## \\[ ] Escaped\n\n- [ ] a\n",
        "## [ ] ##\n\n- [ ] a\n",
        "- ## [ ] In an item\n\n- [ ] a\n",
        "> ## [ ] In a quote\n\n- [ ] a\n",
        "```\n## [ ] In code\n```\n\n- [ ] a\n",
    ] {
        let plan = parse(src);
        let texts: Vec<&str> = plan.tasks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["a"], "{src:?}");
        assert_eq!(plan.tasks[0].parent, None, "{src:?}");
    }
}

#[test]
fn heading_box_forms() {
    let plan = parse("## [~] A\n\n## [/] B\n\n## [>] C\n\n## [ ]* 4.2 D\n");
    let found: Vec<(TaskState, TaskKind, bool)> = plan
        .tasks
        .iter()
        .map(|t| (t.state, t.kind, t.optional))
        .collect();
    assert_eq!(
        found,
        [
            (TaskState::InProgress, TaskKind::Task, false),
            (TaskState::InProgress, TaskKind::Task, false),
            (TaskState::Open, TaskKind::Deferred, false),
            (TaskState::Open, TaskKind::Task, true),
        ]
    );
    assert_eq!(plan.tasks[3].id, "4.2");
}

#[test]
fn what_a_heading_tasks_section_says_is_the_tasks_not_its_phases() {
    let src = "\
## Phase 1: Setup

- [ ] T001 Install

## Phase 2: Build

### [ ] Write the docs
**Estimate**: 3 days

### [ ] T002 Wire it
Depends on: Phase 1
";
    let plan = parse(src);
    let phase = &plan.phases[1];
    assert_eq!(phase.estimate, None);
    assert!(phase.depends_on.is_empty());
    let waits: Vec<(&str, &str)> = plan
        .phase_waits
        .iter()
        .map(|w| (plan.tasks[w.task].id.as_str(), w.phase.range.slice(src)))
        .collect();
    assert_eq!(waits, [("T002", "Phase 1")]);
}
