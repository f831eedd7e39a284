//! Headings that mention a phase the plan has, and those that still open
//! one.

use crate::{Plan, TaskKind, parse};

fn ids(plan: &Plan) -> Vec<&str> {
    plan.phases.iter().map(|p| p.id.as_str()).collect()
}

/// Each task's text, kind and phase id.
fn tasks(plan: &Plan) -> Vec<(String, TaskKind, Option<&str>)> {
    plan.tasks
        .iter()
        .map(|t| {
            (
                t.text.to_string(),
                t.kind,
                t.phase.map(|p| plan.phases[p].id.as_str()),
            )
        })
        .collect()
}

#[test]
fn a_heading_of_a_known_phases_success_is_its_criteria_not_a_phase() {
    let plan = parse(concat!(
        "# Plan: Garden\n\n",
        "## Phase 1: Beds\nDig the beds.\n\n",
        "## Phase 2: Seeds\n- [ ] Sow the carrots\n\n",
        "## Success Criteria by Phase\n\n",
        "### Phase 1 Success:\n- [ ] Beds hold water\n\n",
        "### Phase 2 Complete\n- [ ] Carrots sprout\n",
    ));
    assert_eq!(ids(&plan), ["Phase 1", "Phase 2"]);
    assert_eq!(
        tasks(&plan),
        [
            ("Sow the carrots".into(), TaskKind::Task, Some("Phase 2")),
            (
                "Beds hold water".into(),
                TaskKind::AcceptanceCriterion,
                None
            ),
            ("Carrots sprout".into(), TaskKind::AcceptanceCriterion, None),
        ]
    );
}

#[test]
fn outcome_words_make_criteria_wherever_the_heading_stands() {
    // No criteria section around: the words alone say what the boxes are.
    let plan = parse(concat!(
        "# Plan: Shed\n\n",
        "## Phase 1: Walls\n- [ ] Raise the walls\n\n",
        "## Notes\n\n",
        "### Phase 1 Done\n- [ ] Walls stand plumb\n\n",
        "### Phase 1 status (on hold)\n- [ ] Ask about the permit\n",
    ));
    assert_eq!(ids(&plan), ["Phase 1"]);
    let kinds: Vec<TaskKind> = plan.tasks.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            TaskKind::Task,
            TaskKind::AcceptanceCriterion,
            // A status says nothing of the boxes: they are work, of no phase.
            TaskKind::Task,
        ]
    );
    assert_eq!(plan.tasks[2].phase, None);
}

#[test]
fn a_mention_inside_another_phase_is_a_section_of_that_phase() {
    let plan = parse(concat!(
        "# P\n\n",
        "## Phase 1: Parse\n- [ ] Read input\n\n",
        "## Phase 2: Render\n- [ ] Draw it\n\n",
        "### Phase 1 Review\n- [ ] Re-read the parser\n",
    ));
    assert_eq!(ids(&plan), ["Phase 1", "Phase 2"]);
    assert_eq!(plan.tasks[2].phase, Some(1));
}

#[test]
fn a_range_summing_up_phases_already_read_is_no_phase() {
    let plan = parse(concat!(
        "# P\n\n",
        "## Phase 4: Search\n- [ ] Index\n\n",
        "## Phase 6: Export\n- [ ] CSV\n\n",
        "## Phase 4-6: Later Work Summary\n\n| Phase | Weeks |\n|---|---|\n| 4 | 2 |\n\n",
        "## Phase 7: Ship\n- [ ] Tag\n",
    ));
    assert_eq!(ids(&plan), ["Phase 4", "Phase 6", "Phase 7"]);
    // A range that spans no phase read before is one of its own, whatever
    // its words.
    let alone = parse("# P\n\n## Phase 1: Core\n- [ ] a\n\n## Phase 2-3: Summary of later work\n");
    assert_eq!(ids(&alone), ["Phase 1", "Phase 2-3"]);
}

#[test]
fn a_period_of_another_kind_than_the_plans_phases_is_no_phase() {
    let plan = parse(concat!(
        "# P\n\n",
        "## Phase 1: Launch\n- [ ] Go live\n\n",
        "## Success Metrics (Post-Launch)\n\n",
        "### Week 1 Metrics\n- [ ] Page views\n\n",
        "### Month 1 Metrics\n- [ ] Return visits\n",
    ));
    assert_eq!(ids(&plan), ["Phase 1"]);
    let kinds: Vec<TaskKind> = plan.tasks.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            TaskKind::Task,
            TaskKind::AcceptanceCriterion,
            TaskKind::AcceptanceCriterion,
        ]
    );
}

#[test]
fn headings_that_name_work_stay_phases() {
    // The first Phase 1, whatever its words.
    let first = parse("# P\n\n## Phase 1 Setup\n- [ ] a\n\n## Phase 2 Review\n- [ ] b\n");
    assert_eq!(ids(&first), ["Phase 1", "Phase 2"]);
    // An overview's phase written again over its tasks is repeated, as
    // before (`Phase 1 (2)` in JSON); so is one with a separator and a
    // title (`### Phase 1 Tasks` is that phase's work: see below).
    let repeated = parse(concat!(
        "# P\n\n## Overview\n\n### Phase 1\nThe groundwork.\n\n",
        "## Tasks\n\n### Phase 1\n- [ ] a\n\n",
        "### Phase 1: Success criteria review\n- [ ] b\n",
    ));
    assert_eq!(ids(&repeated), ["Phase 1"; 3]);
    // A plan of weeks keeps a first week headed with words about it.
    let weeks = parse("# P\n\n## Week 1 Review\n- [ ] a\n\n## Week 2 Review\n- [ ] b\n");
    assert_eq!(ids(&weeks), ["Week 1", "Week 2"]);
    // A week inside a phase is a part of it, not a mention.
    let nested = parse("# P\n\n## Phase 1: Build\n\n### Week 1 Review\n- [ ] a\n");
    assert_eq!(ids(&nested), ["Phase 1", "Week 1"]);
}

#[test]
fn a_setext_heading_mentions_as_an_atx_one_does() {
    let plan = parse(concat!(
        "# P\n\n## Phase 1: Intake\n- [ ] Take the form\n\n",
        "📌 Phase 1 status (locked)\n---\n\nAll fields validated.\n",
    ));
    assert_eq!(ids(&plan), ["Phase 1"]);
}

#[test]
fn a_mentions_fields_are_the_mentioned_phases_not_the_plans() {
    let plan = parse(concat!(
        "# P\n\n",
        "## Phase 1: Intake\n- [x] Take the form\n\n",
        "## Phase 2: Review\n- [ ] Read the forms\n\n",
        "### Phase 1 status\n**Status:** Done\n\n",
        "#### Step 1: Archive\n**Status:** Blocked\n\n",
        "## Notes\n**Owner:** Ana\n",
    ));
    assert_eq!(ids(&plan), ["Phase 1", "Phase 2", "Step 1"]);
    let status: Vec<Option<&str>> = plan.phases.iter().map(|p| p.status.as_deref()).collect();
    // A phase opened inside the mention keeps its own fields.
    assert_eq!(status, [Some("Done"), None, Some("Blocked")]);
    assert!(plan.field("status").is_none());
    assert_eq!(plan.field("owner").map(|f| f.value.as_str()), Some("Ana"));
}

#[test]
fn a_mention_above_its_phase_speaks_of_the_phase_to_come() {
    // An overview of outcomes before the phases: no Phase 1 (2) nor
    // Phase 2 (2), and the boxes are criteria, not phase work.
    let plan = parse(concat!(
        "# Plan: Pond\n\n",
        "## Success Criteria by Phase\n\n",
        "### Phase 1 Success\n- [ ] The liner holds\n\n",
        "### Phase 2 Complete\n- [ ] Fish swim\n\n",
        "```markdown\n## Phase 3: In a fence, no heading\n```\n\n",
        "### Phase 3 Review\n- [ ] Look back\n\n",
        "## Phase 1: Dig\n- [ ] Dig the hole\n\n",
        "## **Phase 2 – Fill**\n- [ ] Fill it\n",
    ));
    assert_eq!(ids(&plan), ["Phase 3", "Phase 1", "Phase 2"]);
    assert_eq!(
        tasks(&plan),
        [
            (
                "The liner holds".into(),
                TaskKind::AcceptanceCriterion,
                None
            ),
            ("Fish swim".into(), TaskKind::AcceptanceCriterion, None),
            ("Look back".into(), TaskKind::Task, Some("Phase 3")),
            ("Dig the hole".into(), TaskKind::Task, Some("Phase 1")),
            ("Fill it".into(), TaskKind::Task, Some("Phase 2")),
        ]
    );
    // A heading mentioning a phase no heading opens is still a phase.
    let plan =
        parse("# Plan\n\n## Phase 1 Review\n- [ ] Look back\n\n## Phase 2: Next\n- [ ] Go\n");
    assert_eq!(ids(&plan), ["Phase 1", "Phase 2"]);
}

#[test]
fn a_heading_of_a_known_phases_tasks_is_that_phases_section() {
    // Phases declared in one part of the plan, their work broken down in
    // another: no second Phase 1, and the boxes are the phases' own.
    let plan = parse(concat!(
        "# Plan: Shelf\n\n",
        "## Phases\n\n",
        "### Phase 1: Frame\nCut the boards.\n\n",
        "### Phase 2: Finish\n- [ ] Sand\n\n",
        "## Work Breakdown\n\n",
        "### Phase 1 Tasks\n- [ ] Measure the wall\n\n",
        "### Phase 2: Details\n- [ ] Oil the wood\n\n",
        "### Phase 1 Checklist\n- [ ] Level it\n",
    ));
    assert_eq!(ids(&plan), ["Phase 1", "Phase 2"]);
    assert_eq!(
        tasks(&plan),
        [
            ("Sand".into(), TaskKind::Task, Some("Phase 2")),
            ("Measure the wall".into(), TaskKind::Task, Some("Phase 1")),
            ("Oil the wood".into(), TaskKind::Task, Some("Phase 2")),
            ("Level it".into(), TaskKind::Checklist, Some("Phase 1")),
        ]
    );
    assert_eq!(plan.phases[0].tasks, [1, 3]);
    assert_eq!(plan.phases[1].tasks, [0, 2]);
}

#[test]
fn a_phase_number_read_again_with_a_title_of_its_own_is_a_phase() {
    // Words besides those of work title a phase, repeated as before; so
    // does a first Phase 1 headed by its tasks.
    let plan = parse(concat!(
        "# P\n\n## Phase 1: Frame\n- [ ] a\n\n",
        "## Rework\n\n### Phase 1: Rebuild\n- [ ] b\n\n",
        "### Phase 1 Backend Tasks\n- [ ] c\n",
    ));
    assert_eq!(ids(&plan), ["Phase 1"; 3]);
    let first = parse("# P\n\n## Phase 1 Tasks\n- [ ] a\n\n## Phase 2 Tasks\n- [ ] b\n");
    assert_eq!(ids(&first), ["Phase 1", "Phase 2"]);
    assert_eq!(first.tasks[1].phase, Some(1));
}

#[test]
fn a_write_up_about_a_stage_opens_no_stage() {
    // The stages are a table's rows; the headings after it are notes on
    // them, written as each was done, and hold no work of their own.
    let plan = parse(concat!(
        "# Plan: Rebuild\n\n## Stages\n\n",
        "| # | Stage |\n|---|---|\n| 0 | Skeleton |\n| 1 | Paths |\n| 2 | Manifest |\n\n",
        "### Stage 2 completion notes (2026-08-19)\n\nThe manifest loads.\n\n",
        "### Stage 1 Summary\n\n- [x] Paths expand\n\n",
        "### Stage 0-1 completion notes\n\nBoth green.\n",
    ));
    assert!(plan.phases.is_empty(), "{:?}", ids(&plan));
    assert_eq!(plan.tasks[0].phase, None);
    // Words besides those about it, or a separator, title a stage; a
    // review is work a plan of weeks does (see above).
    let titled = parse(concat!(
        "# P\n\n### Stage 3: Completion notes\n- [ ] a\n\n",
        "### Stage 4 test results\n- [ ] b\n\n",
        "### Stage 5-6: Summary\n",
    ));
    assert_eq!(ids(&titled), ["Stage 3", "Stage 4", "Stage 5-6"]);
}
