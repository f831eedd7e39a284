//! What headings say of the check boxes under them, and what sub-headings
//! that say nothing take from their sections.

use crate::{TaskKind, parse};

fn kinds(src: &str) -> Vec<TaskKind> {
    parse(src).tasks.iter().map(|t| t.kind).collect()
}

#[test]
fn a_sub_heading_that_says_nothing_keeps_its_sections_kind() {
    use TaskKind::{AcceptanceCriterion, Checklist, Deferred, DefinitionOfDone, Task};
    let src = "# Plan: Widget\n\n## Success Criteria\n\n### Must Have\n- [ ] All widget tests pass\n\n#### Speed\n- [ ] Loads in a second\n\n## Definition of Done\n\n### Code\n- [ ] Reviewed\n\n## Checklist\n\n### Backend\n- [ ] Migrations run\n\n## Out of Scope\n\n### Mobile\n- [ ] An app\n\n## Work\n\n### Parser\n- [ ] Write it\n";
    assert_eq!(
        kinds(src),
        [
            AcceptanceCriterion,
            AcceptanceCriterion,
            DefinitionOfDone,
            Checklist,
            Deferred,
            Task,
        ]
    );
}

#[test]
fn phases_and_headings_of_work_are_work_wherever_they_stand() {
    use TaskKind::{AcceptanceCriterion, Task};
    let src = "# P\n\n## Implementation\n\n### Phase 2: Build\n- [ ] Write it\n\n## Success Criteria\n\n### Phase 3: Verify\n- [ ] Run the suite\n\n### Tasks\n- [ ] Tag it\n\n### Must Have\n- [ ] Fast\n";
    assert_eq!(kinds(src), [Task, Task, Task, AcceptanceCriterion]);
}

#[test]
fn the_plans_title_gives_its_sections_no_kind() {
    // "Metrics" in the title names the plan, not what its sections hold;
    // the tasks right under the title still take its words.
    use TaskKind::{AcceptanceCriterion, Task};
    let src =
        "# Metrics Dashboard\n\n- [ ] p95 under 200 ms\n\n## Backend\n\n- [ ] Add the endpoint\n";
    assert_eq!(kinds(src), [AcceptanceCriterion, Task]);
}

#[test]
fn a_checklist_run_on_finished_work_checks_it() {
    use TaskKind::{Checklist, DefinitionOfDone, Task};
    for heading in [
        "Post-Implementation Checklist (Before PR)",
        "Pre-Merge Checklist",
        "Pre-Release Checklist",
        "Verification Checklist",
        "Validation Checklist",
    ] {
        let src = format!(
            "# Implementation Plan: Widget\n\n## Phase 1: Build\n- [ ] Write the parser\n\n### {heading}\n- [ ] All tests passing\n"
        );
        assert_eq!(kinds(&src), [Task, DefinitionOfDone], "{heading}");
    }
    // One run before or while the work is done is work of its own.
    // And so is a release's, its steps work still to do, and a QA, review
    // or final one, which as often lists tests still to write.
    for heading in [
        "Pre-Implementation Checklist",
        "Implementation Checklist",
        "Release Checklist",
        "Final Checklist",
        "Code Review Checklist",
        "QA Checklist",
    ] {
        let src = format!("# P\n\n### {heading}\n- [ ] Read the spec\n");
        assert_eq!(kinds(&src), [Checklist], "{heading}");
    }
}

#[test]
fn a_progress_logs_entries_are_records_not_work() {
    use TaskKind::{Logged, Task};
    let src = "# Plan: Widget\n\n## Tasks\n- [x] Build widget\n- [ ] Ship widget\n\n## Progress Log\n### 2025-01-02\n**Completed**:\n- [x] Build widget - Evidence: PR #4\n\n## Changelog\n- [x] Shipped the beta\n";
    assert_eq!(kinds(src), [Task, Task, Logged, Logged]);
    let plan = parse(src);
    let p = plan.progress(&plan.tasks);
    assert_eq!((p.done, p.total), (1, 2));
    // A tracker of progress is the work itself; a phase is the plan's.
    let src = "# P\n\n## Progress Tracking\n- [x] Build widget\n\n## Phase 5: Changelog\n- [ ] Write the changelog\n";
    assert_eq!(kinds(src), [Task, Task]);
    // Work on a log, or on showing progress, is work: its boxes count.
    let src = "# P\n\n## Phase 1: Backend\n\n### Write the audit log\n- [ ] Add an audit table\n\n## Update the changelog\n- [ ] Write release notes\n\n## Error log viewer\n- [ ] Show the last errors\n";
    assert_eq!(kinds(src), [Task, Task, Task]);
}

#[test]
fn only_a_section_naming_its_checks_hands_its_kind_on() {
    use TaskKind::{AcceptanceCriterion, Logged, Task};
    // "Metrics" makes its own boxes outcomes, not the work its
    // sub-headings plan; a criteria section's sub-headings are criteria.
    let metrics = "# Plan: Observability\n\n## Metrics\n\n- [ ] p95 under 200 ms\n\n### Instrumentation\n\n- [ ] Add the exporter\n\n## Success Criteria\n\n### Must Have\n\n- [ ] All widget tests pass\n";
    assert_eq!(
        kinds(metrics),
        [AcceptanceCriterion, Task, AcceptanceCriterion]
    );
    // A log's dated entries are records; its next steps are work.
    let log = "# Plan: X\n\n## Progress Log\n\n### 2025-01-02\n\n- [x] Built the exporter\n\n### Next Steps\n\n- [ ] Deploy to staging\n";
    assert_eq!(kinds(log), [Logged, Task]);
    // A dated entry whose words name work ("Implementation") is still a
    // record; an undated "Implementation" heading there is work.
    let log = "# Plan: X\n\n## Phase 1: Build\n- [ ] Write the exporter\n\n## Progress Log\n\n### 2024-05-01: Implementation started\n- [x] Sketched the exporter API\n\n### Implementation\n- [ ] Wire the exporter\n";
    assert_eq!(kinds(log), [Task, Logged, Task]);
}
