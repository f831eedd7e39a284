#[test]
fn ordinal_ids() {
    for (n, id) in [(1, "#1"), (9, "#9"), (10, "#10"), (1234, "#1234")] {
        assert_eq!(super::ordinal_id(n), id);
    }
    assert_eq!(
        super::ordinal_id(usize::MAX),
        format!("#{}", usize::MAX).as_str()
    );
}

#[test]
fn many_dependencies_are_kept_once_each_in_order() {
    let ids: Vec<String> = (1..=40).map(|n| format!("T{n:03}")).collect();
    // Every id twice, the second time in reverse order.
    let line = ids
        .iter()
        .chain(ids.iter().rev())
        .cloned()
        .collect::<Vec<_>>();
    let plan = crate::parse(&format!("- [ ] T999 x\n  Depends on {}\n", line.join(", ")));
    assert_eq!(plan.tasks[0].depends_on, ids);
}

#[test]
fn a_field_ends_where_the_next_field_on_its_line_starts() {
    let plan =
        crate::parse("- [ ] T009 Ship\n  _Requirements: 1.2, 3.1_ depends on T001; Owner: Ana\n");
    let task = &plan.tasks[0];
    assert_eq!(task.requirements, ["1.2", "3.1"]);
    assert_eq!(task.depends_on, ["T001"]);
    assert_eq!(task.owner.as_deref(), Some("Ana"));

    // A line of many keys is read once: each value stops at the next
    // key, so every id is still found.
    let line = (1..=300)
        .map(|n| format!("depends on T{n:03}"))
        .collect::<Vec<_>>()
        .join(", ");
    let plan = crate::parse(&format!("- [ ] T999 x {line}\n"));
    assert_eq!(plan.tasks[0].depends_on.len(), 300);
}

/// Each task's `depends_on`, joined.
fn depends(src: &str) -> Vec<String> {
    crate::parse(src)
        .tasks
        .iter()
        .map(|t| t.depends_on.join(" "))
        .collect()
}

#[test]
fn a_dependency_ends_with_its_clause() {
    let src = "\
- [ ] A001 Load
- [ ] A002 Import
- [ ] A003 Export (depends on A002; borrow the loader of A001)
- [ ] A004 Time it after A002 and compare with the A001 numbers
- [ ] A005 Ship (depends on A001, A002 and A003)
- [ ] A006 Ship (depends on A001 & A002) and A003/A004 after A005.
- [ ] A007 Tidy (depends on A001 (loader), A002). Then A003 reviews it.
- [ ] A008 Pack (after T231.15.)
- [ ] A009 Sum (after Phases 1-3 and A008, reviewed by A001)
- [ ] A010 Wire (depends on A001 in src/models.py, A002 in api.py)
- [ ] A011 Wire (depends on A001 version 1.2 and task A002)
- [ ] A012 Wire (depends on A001 e.g. schema, A002)
";
    assert_eq!(
        depends(src),
        [
            "",
            "",
            "A002",
            "A002",
            "A001 A002 A003",
            "A001 A002 A005",
            "A001 A002",
            "T231.15",
            "A008",
            "A001 A002",
            "A001 A002",
            "A001 A002",
        ]
    );
}

#[test]
fn a_dependency_taken_back_is_none() {
    let src = "\
- [ ] A001 Base
- [ ] A002 Docs (not blocked by A001)
- [ ] A003 Docs (no longer depends on A001)
- [ ] A004 Docs (never depends on A001)
- [ ] A005 Docs (isn't after A001, but depends on A002)
- [ ] A006 Docs (depends on task 2.1 and task A001)
";
    assert_eq!(depends(src), ["", "", "", "", "A002", "2.1 A001"]);
}

#[test]
fn kiro_names_its_top_level_tasks_by_number() {
    let src = "\
# Implementation Plan

- [ ] 1. Set up project
  - _Requirements: 1.1_

- [ ] 2. Build API (depends on task 1)
  - _Requirements: 1.2_

- [ ] 3. Build UI
  - Depends on task 2
  - _Requirements: 1.3_

- [ ] 4. Docs (depends on tasks 2 and 3; budget 2 days)
";
    assert_eq!(depends(src), ["", "1", "2", "2 3"]);
}

#[test]
fn kiro_optional_tasks_are_tasks() {
    use crate::TaskState;
    let src = "- [ ] 1. Set up\n  - [ ]* 1.1 Write unit tests\n  - [x]\\* 1.2 Lint it\n";
    let plan = crate::parse(src);
    let seen: Vec<_> = plan
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.text.as_str(), t.optional, t.state))
        .collect();
    assert_eq!(
        seen,
        [
            ("1", "Set up", false, TaskState::Open),
            ("1.1", "Write unit tests", true, TaskState::Open),
            ("1.2", "Lint it", true, TaskState::Done),
        ]
    );
    // The box is still the three bytes `done` rewrites.
    assert_eq!(plan.tasks[1].check_range.slice(src), "[ ]");
    assert!(plan.placeholders.is_empty());
}

#[test]
fn a_description_wrapped_over_lines_is_read_whole() {
    let src = concat!(
        "- [ ] T001 Create the workspace with the\n",
        "  crates and the CI\\\n",
        "  configuration\n",
        "  _Requirements: 1.2_\n",
        "- [ ] T002 Add the parser (depends on\n",
        "  T001; reuse T009)\n",
        "- [ ] T004 Split\n",
        "  Owner: Ana\n",
        "- [ ] T006 Index the\n",
        "  **Files**: src/index.rs\n",
        "- [ ] T005 Run the\n",
        "  migration: then verify it\n",
        "\n",
        "> - [ ] T003 Quote the\n",
        ">   whole task\n",
    );
    let plan = crate::parse(src);
    let texts: Vec<&str> = plan.tasks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Create the workspace with the crates and the CI configuration",
            "Add the parser (depends on T001; reuse T009)",
            "Split",
            "Index the",
            "Run the migration: then verify it",
            "Quote the whole task",
        ]
    );
    // What stops the description is still read as the task's details,
    // and a dependency wrapped onto the next line is read to its clause.
    assert_eq!(plan.tasks[0].requirements, ["1.2"]);
    assert_eq!(plan.tasks[1].depends_on, ["T001"]);
    assert_eq!(plan.tasks[2].owner.as_deref(), Some("Ana"));
    // The first line is still the task's line.
    assert_eq!(
        plan.tasks[0].line.slice(src),
        "- [ ] T001 Create the workspace with the"
    );
}

#[test]
fn requires_names_what_a_task_waits_for_as_depends_on_does() {
    let src = "# P\n\n## Phase 1: A\n\n- [ ] T001 Schema\n- [ ] T002 Migration (requires T001)\n- [ ] T003 Docker (requires Docker 24)\n- [ ] T004 Seed (Requires: T002)\n- [ ] T005 Wire (requires Phase 1)\n";
    assert_eq!(depends(src), ["", "T001", "", "T002", ""]);
    let plan = crate::parse(src);
    let waits: Vec<_> = plan
        .phase_waits
        .iter()
        .map(|w| (w.task, w.phase.target.label().to_string()))
        .collect();
    assert_eq!(waits, [(4, "Phase 1".to_owned())]);
}

#[test]
fn a_task_number_names_a_task_only_where_tasks_are_numbered() {
    // In a plan of `T001`s, "task 12" is someone else's.
    let src = "# P\n\n- [ ] T001 Build\n- [ ] T002 Ship (blocked by task 12 in the infra board)\n- [ ] T003 Announce, after task 2 of the launch checklist; depends on T001\n";
    assert_eq!(depends(src), ["", "", "T001"]);
}

#[test]
fn a_bold_first_line_is_the_title_and_its_id_leaves_no_marker() {
    let src = concat!(
        "- [ ] **T001: Set up the project**\n",
        "  Create the skeleton and add CI.\n",
        "- [ ] **T002 Write the docs**\n",
        "- [ ] **Ship it**\n",
        "  once the docs are out\n",
        "- [ ] **T004** Bold id, plain text\n",
        "- [ ] T005 **Bold** start\n",
        "  and its wrapped end\n",
    );
    let plan = crate::parse(src);
    let texts: Vec<&str> = plan.tasks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Set up the project",
            "Write the docs",
            "Ship it",
            "Bold id, plain text",
            "**Bold** start and its wrapped end",
        ]
    );
}

#[test]
fn emphasis_around_the_whole_text_is_dropped_and_around_a_part_kept() {
    let src = concat!(
        "- [ ] **Write the failing test**\n",
        "- [ ] __Run it__\n",
        "- [ ] *Refactor*\n",
        "- [ ] _Commit_\n",
        "- [ ] ***Both at once***\n",
        "- [ ] ~~Dropped~~\n",
        "- [ ] **Bold with *italic* inside**\n",
        "- [ ] T006 **Bold** start\n",
        "- [ ] **a** and **b**\n",
        "- [ ] *a* and *b*\n",
        "- [ ] ~~a~~ and ~~b~~\n",
        "- [ ] _private_name_\n",
        "- [ ] * not emphasis *\n",
        "- [ ] **T012: Bold id and title**\n",
    );
    let plan = crate::parse(src);
    let texts: Vec<&str> = plan.tasks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Write the failing test",
            "Run it",
            "Refactor",
            "Commit",
            "Both at once",
            "Dropped",
            "Bold with *italic* inside",
            "**Bold** start",
            "**a** and **b**",
            "*a* and *b*",
            "~~a~~ and ~~b~~",
            "_private_name_",
            "* not emphasis *",
            "Bold id and title",
        ]
    );
    assert_eq!(plan.tasks[13].id, "T012");
}

#[test]
fn kiros_validates_line_names_requirements() {
    let src = concat!(
        "- [ ] 1. Build the parser\n",
        "  - _Requirements: 1.1_\n",
        "- [ ]* 1.1 Property test for the parser\n",
        "  - **Validates: Requirements 1.2, 2.3**\n",
        "- [ ]* 1.2 Property test for the printer\n",
        "  - _Validates: Requirements 3.1_\n",
        "- [ ] 2. Validates: input is not a requirement\n",
    );
    let plan = crate::parse(src);
    let requirements: Vec<Vec<&str>> = plan
        .tasks
        .iter()
        .map(|t| t.requirements.iter().map(super::Text::as_str).collect())
        .collect();
    assert_eq!(
        requirements,
        [vec!["1.1"], vec!["1.2", "2.3"], vec!["3.1"], vec![]]
    );
}

#[test]
fn a_mark_the_text_itself_leaves_open_is_kept() {
    // Only a closer the id opened goes: a glob's `**` is the text's own.
    let plan =
        crate::parse("- [ ] Ignore node_modules/**\n- [ ] **T002: Title**\n  More about it.\n");
    let texts: Vec<&str> = plan.tasks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["Ignore node_modules/**", "Title"]);
}

#[test]
fn an_id_in_a_code_span_is_the_tasks_id() {
    let src = "- [ ] `T001` Write the parser\n- [ ] **`S-2`** Wire the CLI\n- [ ] Release (depends on T001)\n- [ ] `cargo test` passes\n- [ ] `T3 and more` text\n";
    let plan = crate::parse(src);
    let ids: Vec<(&str, bool, &str)> = plan
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.explicit_id, t.text.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("T001", true, "Write the parser"),
            ("S-2", true, "Wire the CLI"),
            ("#3", false, "Release (depends on T001)"),
            ("#4", false, "`cargo test` passes"),
            ("#5", false, "`T3 and more` text"),
        ]
    );
    assert_eq!(plan.tasks[0].id_range.map(|r| r.slice(src)), Some("T001"));
}

#[test]
fn a_crossed_out_task_is_dropped_with_its_subtasks() {
    let src = "- [ ] T001 Build\n- [ ] ~~Evaluate RabbitMQ~~ (we use SQS)\n  - [ ] Read the docs\n- [ ] Fix ~~typo~~ in docs\n- [ ] ~~unclosed strike\n- [ ] ~~Use Redis~~ replaced by SQS\n- [ ] ~~Spike~~ \u{2014} not needed\n- [ ] ~~Load test~~ won't do\n- [ ] ~~Dropped~~\n";
    use crate::TaskKind;
    let kinds: Vec<TaskKind> = crate::parse(src).tasks.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            TaskKind::Task,
            TaskKind::Deferred,
            TaskKind::Deferred,
            TaskKind::Task,
            TaskKind::Task,
            TaskKind::Deferred,
            TaskKind::Deferred,
            TaskKind::Deferred,
            TaskKind::Deferred,
        ]
    );
}

#[test]
fn a_strike_that_marks_an_edit_of_the_wording_leaves_a_live_task() {
    let src = "- [x] Draft the intro\n- [ ] ~~Old wording~~ Rewrite the setup guide\n- [ ] ~~v1~~ v2 of the API docs\n";
    use crate::TaskKind;
    let kinds: Vec<TaskKind> = crate::parse(src).tasks.iter().map(|t| t.kind).collect();
    assert_eq!(kinds, [TaskKind::Task, TaskKind::Task, TaskKind::Task]);
}

#[test]
fn needs_waits_for_and_blocked_on_name_dependencies() {
    let src = "# P\n\n- [ ] T001 Schema\n- [ ] T002 a (needs T001)\n- [ ] T003 b \u{2014} waits for T001\n- [ ] T004 c (blocked on T001)\n- [ ] T005 d (Blocked on: T001)\n- [ ] T006 e (needs 2 reviewers)\n- [ ] T007 f (no longer needs T001)\n";
    assert_eq!(depends(src), ["", "T001", "T001", "T001", "T001", "", ""]);
}

#[test]
fn a_dependency_on_nothing_names_no_task() {
    let src = "- [ ] T001 Schema\n- [ ] T002 Consumer; requires no change to T001's entry\n- [ ] T003 Docs (depends on nothing from T001)\n- [ ] T004 Wire (depends on T001)\n";
    assert_eq!(depends(src), ["", "", "", "T001"]);
}

#[test]
fn a_tasks_owner_is_read_where_its_line_names_one() {
    let plan = crate::parse(
        "# O\n\n## Tasks\n- [ ] Rotate keys (owner: Bob)\n- [ ] Audit **Owner:** Bob Smith\n- [ ] Pen test (Assignee: Dave, due Friday)\n- [ ] Review (@team/platform)\n- [ ] Update the owner: field\n- [ ] Mail me@x.com\n- [ ] Nested\n  - Owner: Zed\n- [ ] Install `@types/node` and @dnd-kit/core (@ana)\n- [ ] Fix @dave @erin\n- [ ] Add typings (@types/node)\n- [ ] Bump (@acme/ui@2.1)\n- [ ] Test drag and drop with @dnd-kit test utilities\n- [ ] Decorate the service with @Injectable\n- [ ] Review the API, assigned to @bea\n- [ ] Ship the release @carl.\n",
    );
    let owners: Vec<Option<&str>> = plan.tasks.iter().map(|t| t.owner.as_deref()).collect();
    assert_eq!(
        owners,
        [
            Some("Bob"),
            Some("Bob Smith"),
            Some("Dave"),
            Some("@team/platform"),
            // The task's own words, and an address.
            None,
            None,
            Some("Zed"),
            // Not a package in code or out of it: the person after.
            Some("@ana"),
            Some("@dave"),
            // A package's scope, and a versioned package, in brackets.
            None,
            None,
            // A package and a decorator the sentence uses.
            None,
            None,
            // Assigned, by its words or at the end.
            Some("@bea"),
            Some("@carl"),
        ]
    );
}

#[test]
fn obsidian_marks_are_work_under_way_and_work_moved_to_later() {
    use crate::model::{TaskKind, TaskState};
    let src = "## Phase 1: Work\n\n- [x] Parser\n- [/] Docs\n- [>] Plugins\n  - [ ] Plugin API\n- [!] Ship\n- [ ] Release\n";
    let plan = crate::parse(src);
    let read: Vec<_> = plan
        .tasks
        .iter()
        .map(|t| (t.text.as_str(), t.state, t.kind))
        .collect();
    assert_eq!(
        read,
        [
            ("Parser", TaskState::Done, TaskKind::Task),
            ("Docs", TaskState::InProgress, TaskKind::Task),
            ("Plugins", TaskState::Open, TaskKind::Deferred),
            // Moved to later with the task that holds it.
            ("Plugin API", TaskState::Open, TaskKind::Deferred),
            ("Release", TaskState::Open, TaskKind::Task),
        ]
    );
    // `[!]` is no box a task is read from: it is recorded, for lint.
    let unread: Vec<&str> = plan.unread_boxes.iter().map(|r| r.slice(src)).collect();
    assert_eq!(unread, ["[!]"]);
    assert_eq!(
        plan.unread_boxes[0].start as usize,
        src.find("[!]").unwrap()
    );
}

#[test]
fn markers_before_a_tasks_text_are_no_slots_and_its_text_still_has_them() {
    let plan = crate::parse(
        "- [ ] T004 [P] [Billing] [Reports] Export the ledger for [CUSTOMER_NAME]\n\
         - [x] T005 [Setup] Rename {Service}\n",
    );
    let texts: Vec<&str> = plan.placeholders.iter().map(|p| &*p.text).collect();
    assert_eq!(texts, ["[CUSTOMER_NAME]", "{Service}"]);
    assert_eq!(plan.tasks[0].markers, ["P", "Billing", "Reports"]);
    // Outside a task's markers the same word is a slot.
    let plan = crate::parse("Owner: see [Billing] for the contact\n");
    assert_eq!(plan.placeholders.len(), 1);
}

#[test]
fn a_bracket_that_ends_a_tasks_line_is_its_text() {
    // A template's task left as it was: the bracket is the task's words
    // and a slot, not a marker over a task of no words.
    let plan = crate::parse(
        "- [ ] [DESCRIPTION]\n- [ ] T001 [P] [TASK]\n- [ ] T002 [P] [US1]\n- [ ] [P] Ship [x]\n",
    );
    let read: Vec<(&str, Vec<&str>)> = plan
        .tasks
        .iter()
        .map(|t| (&*t.text, t.markers.iter().map(|m| &**m).collect()))
        .collect();
    assert_eq!(
        read,
        [
            ("[DESCRIPTION]", vec![]),
            ("[TASK]", vec!["P"]),
            // A tag's shapes stay markers wherever they stand.
            ("", vec!["P", "US1"]),
            ("Ship [x]", vec!["P"]),
        ]
    );
    let texts: Vec<&str> = plan.placeholders.iter().map(|p| &*p.text).collect();
    assert_eq!(texts, ["[DESCRIPTION]", "[TASK]"]);
}

#[test]
fn a_loose_lists_task_is_read_as_a_tight_ones() {
    // Items apart by blank lines hold their text in a paragraph: the
    // task's words are still its own, its markers still no slots, and a
    // phase it names still waited for.
    let tight = "## Phase 1: Setup\n\n- [ ] T001 a\n\n## Phase 2: Build\n\n- [ ] T002 [P] [Billing] b for [CUSTOMER] (depends on Phase 1)\n- [ ] T003 c\n";
    let loose = tight.replace("\n- [ ] T003", "\n\n- [ ] T003");
    for src in [tight, loose.as_str()] {
        let plan = crate::parse(src);
        let waits = super::super::tests::phase_waits(&plan, src);
        assert_eq!(waits.len(), 1, "{src:?}");
        assert_eq!(
            (waits[0].0, waits[0].1.as_str(), waits[0].2),
            (1, "Phase 1", "Phase 1")
        );
        let texts: Vec<&str> = plan.placeholders.iter().map(|p| &*p.text).collect();
        assert_eq!(texts, ["[CUSTOMER]"], "{src:?}");
    }
}

#[test]
fn a_line_saying_a_phase_is_over_is_a_check_not_work() {
    use crate::model::TaskKind::{AcceptanceCriterion, Task};
    let src = "## Phase 0: Research\n\n## Progress Tracking\n\n- [x] Phase 0: Research complete (/plan command)\n- [ ] Phase 3: Tasks generated (/tasks command)\n- [ ] Phase 5: Validation passed.\n- [ ] Phase 2: write the migration\n- [ ] Run the complete suite\n";
    let kinds: Vec<_> = crate::parse(src).tasks.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            AcceptanceCriterion,
            AcceptanceCriterion,
            AcceptanceCriterion,
            Task,
            Task
        ]
    );
}

#[test]
fn a_requirement_value_ends_at_its_segment_and_drops_descriptions() {
    // spec-workflow's prompt line names the requirements again as one
    // `|`-separated segment among others, ids with their titles.
    let src = concat!(
        "- [ ] 1. Write the loader\n",
        "  - _Requirements: R-7, R-9_\n",
        "  - _Prompt: Role: Engineer | Task: load files, then cache them | ",
        "_Requirements: R-7 (Loading, caching), R-9 (Speed) | ",
        "Success: files load, caches warm_\n",
        "- [ ] 2. Write the saver\n",
        "  - _Requirements: 2.1 (Saving)、2.2（Atomic writes）_\n",
        "- [ ] 3. Write the index\n",
        "  - Requirements: (3.1, 3.2(a)) | Owner: Ana | Reviewer: Bo\n",
    );
    let plan = crate::parse(src);
    assert_eq!(plan.tasks[0].requirements, ["R-7", "R-9"]);
    assert_eq!(plan.tasks[1].requirements, ["2.1", "2.2"]);
    assert_eq!(plan.tasks[2].requirements, ["3.1", "3.2(a)"]);
    // Any field's value ends at the `|`, not only a requirements one.
    assert_eq!(plan.tasks[2].owner.as_deref(), Some("Ana"));
}

#[test]
fn a_dependency_in_brackets_is_read_and_is_no_slot() {
    let src = "\
- [ ] K010 Sweep the loft
- [ ] K011 Board the floor [depends: K010]
- [ ] K012 Lay the rug [Depends on: the CARPET FITTER]
";
    let plan = crate::parse(src);
    assert_eq!(depends(src), ["", "K010", ""]);
    let texts: Vec<&str> = plan.placeholders.iter().map(|p| &*p.text).collect();
    assert_eq!(texts, ["[Depends on: the CARPET FITTER]"]);
}

#[test]
fn a_struck_tasks_text_does_not_repeat_its_id() {
    let src = "\
- [x] ~~K004 Tile the roof~~
- [ ] ~~K005 Fit gutters~~ (dropped)
- [ ] ~~K006 Old words~~ Fit the downpipes after K005
- [ ] K007 ~~K008 draft~~ Sweep up
- [ ] ~~K009 Lay the slates over the battens and
  nail them down~~
";
    use crate::TaskKind;
    let plan = crate::parse(src);
    let got: Vec<(&str, &str, TaskKind)> = plan
        .tasks
        .iter()
        .map(|t| (&*t.id, &*t.text, t.kind))
        .collect();
    assert_eq!(
        got,
        [
            // Struck whole, a task is dropped, as before.
            ("K004", "Tile the roof", TaskKind::Deferred),
            ("K005", "~~Fit gutters~~ (dropped)", TaskKind::Deferred),
            (
                "K006",
                "~~Old words~~ Fit the downpipes after K005",
                TaskKind::Task
            ),
            ("K007", "~~K008 draft~~ Sweep up", TaskKind::Task),
            (
                "K009",
                "Lay the slates over the battens and nail them down",
                TaskKind::Task
            ),
        ]
    );
    assert_eq!(plan.tasks[2].depends_on, ["K005"]);
}
