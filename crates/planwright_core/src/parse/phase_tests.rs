//! Reader tests of phases and steps: the forms that open one, the notes
//! that must not, the status a head states, and whose fields a phase
//! takes.

use super::*;

fn p(src: &str) -> Plan {
    parse(src)
}

#[test]
fn tasks_belong_to_phase_step_and_section() {
    let src = "\
## Implementation Steps

### Phase 1: Foundation

#### Step 1.1: Store

- [x] one

### Phase 2: Core

- [ ] two

## Definition of Done

- [ ] shipped
";
    let plan = p(src);
    let phase_of = |t: usize| plan.tasks[t].phase.map(|i| plan.phases[i].id.as_str());
    assert_eq!(phase_of(0), Some("Step 1.1"));
    assert_eq!(phase_of(1), Some("Phase 2"));
    assert_eq!(phase_of(2), None);
    assert_eq!(plan.tasks[2].kind, TaskKind::DefinitionOfDone);
    assert_eq!(plan.phases[0].tasks, [0], "phase 1 counts its step's tasks");
    assert_eq!(plan.phases[1].parent, Some(0));
    let section = plan.tasks[2].section.unwrap();
    assert_eq!(plan.sections[section].role, Some(Role::DefinitionOfDone));
}

#[test]
fn phase_forms_and_dependencies() {
    let src = "\
## Phase 0: Research
## Phase -1: Gates
## Phase 3.5 – Hardening
## Phase 4a: Split
## Stage A: Pilot
## Milestone M1 - Alpha
**Dependencies**: Phases 1-3
## Phase 5: Launch [Priority: HIGH]
**Timeline**: 2 weeks
**Goal:** ship it
**Dependencies**: Phase 4a complete, T012

1. **Step 1 – Journal**
   - Owner: @mara
   - Dependencies: None
2. **Step 2 – Endpoint**
   - Dependencies: Step 1
";
    let plan = p(src);
    let got: Vec<&str> = plan.phases.iter().map(|ph| ph.id.as_str()).collect();
    assert_eq!(
        got,
        [
            "Phase 0",
            "Phase -1",
            "Phase 3.5",
            "Phase 4a",
            "Stage A",
            "Milestone M1",
            "Phase 5",
            "Step 1",
            "Step 2"
        ]
    );
    let labels = |i: usize| -> Vec<Text> {
        plan.phases[i]
            .depends_on
            .iter()
            .map(|r| r.target.label())
            .collect()
    };
    assert_eq!(labels(5), ["Phase 1", "Phase 2", "Phase 3"]);
    assert_eq!(labels(6), ["Phase 4a", "T012"]);
    assert_eq!(plan.phases[6].priority.as_deref(), Some("HIGH"));
    assert_eq!(plan.phases[6].estimate.as_deref(), Some("2 weeks"));
    assert_eq!(plan.phases[6].goal.as_deref(), Some("ship it"));
    assert!(labels(7).is_empty(), "None means no dependency");
    assert!(plan.phases[7].depends_range.is_some());
    assert_eq!(labels(8), ["Step 1"]);
    assert_eq!(plan.phases[8].parent, Some(6));
}

/// Each phase as `id: title`, with the ids of its tasks.
fn phases(plan: &Plan) -> Vec<(String, Vec<&str>)> {
    plan.phases
        .iter()
        .map(|ph| {
            let tasks = ph.tasks.iter().map(|&t| plan.tasks[t].id.as_str());
            (format!("{}: {}", ph.id, ph.title), tasks.collect())
        })
        .collect()
}

#[test]
fn a_note_that_opens_with_a_phase_name_is_no_phase() {
    let src = "\
# Plan: Export

## Phase 1: Setup

- [ ] T001 Create the crate

## Phase 2: Build

- [ ] T002 Write the exporter

## Notes

- **Phase 2:** needs the schema from the API team
- **Phase 1: Setup** went quickly
- **Milestone 3** - the demo, if time allows
";
    let plan = p(src);
    assert_eq!(
        phases(&plan),
        [
            ("Phase 1: Setup".to_owned(), vec!["T001"]),
            ("Phase 2: Build".to_owned(), vec!["T002"]),
        ]
    );
    // The note is still a field of the plan, in no phase.
    let note = plan.metadata.iter().find(|m| m.key == "Phase 2");
    assert_eq!(
        note.map(|m| (m.value_range.slice(src), m.phase)),
        Some(("needs the schema from the API team", None))
    );
}

#[test]
fn an_item_step_that_holds_tasks_or_names_itself_stays_a_step() {
    let src = "\
# Plan: Dark mode

## Implementation Steps

1. **Step 1 – Scaffold**
   - [x] Add the theme module
   - [ ] Wire the toggle
2. **Step 2**
   - [ ] Ship it
3. **Step 3 – Docs**
   - Owner: @mara
4. **Step 4:** only if the design review asks for it
   - Owner: @lee
";
    let plan = p(src);
    assert_eq!(
        phases(&plan),
        [
            ("Step 1: Scaffold".to_owned(), vec!["#1", "#2"]),
            ("Step 2: ".to_owned(), vec!["#3"]),
            ("Step 3: Docs".to_owned(), vec![]),
        ]
    );
    let step = plan.phases[0].heading.slice(src);
    assert_eq!(step, "1. **Step 1 – Scaffold**");
    assert_eq!(plan.tasks[2].phase, Some(1));
    // `Owner:` is a field inside a step; under a note it is a list item.
    let owners: Vec<(&str, Option<usize>)> = plan
        .metadata
        .iter()
        .filter(|m| m.key == "Owner")
        .map(|m| (m.value.as_str(), m.phase))
        .collect();
    assert_eq!(owners, [("@mara", Some(2))]);
}

#[test]
fn an_item_naming_a_headed_phase_is_a_note_wherever_it_stands() {
    let src = "\
# Plan: Billing

## Overview

1. **Phase 1: Data** – schemas and adapters
2. **Phase 2: API** (after review)

## Phase 1: Data

- [ ] T001 Write the schemas
- **Phase 1: Data** checklist
  - [ ] T002 Review the schemas

**Phase 2: API**

- [ ] T003 Add the routes
  - Priority: High / Medium / Low

## Rollout

- **Phase 2:** behind a flag
  - Status: Draft | Done
";
    let plan = p(src);
    assert_eq!(
        phases(&plan),
        [
            ("Phase 1: Data".to_owned(), vec!["T001", "T002"]),
            ("Phase 2: API".to_owned(), vec!["T003"]),
        ]
    );
    // The tasks of the repeating item are the phase's around it.
    assert_eq!(plan.tasks[1].phase, Some(0));
    assert_eq!(plan.phases[1].parent, None);
    // Nor is a plain line under a note a field, nor its value a choice
    // left to make; the one in a task's item is no field either way.
    assert!(plan.metadata.iter().all(|m| m.key != "Status"));
    let choices: Vec<&str> = plan
        .placeholders
        .iter()
        .filter(|p| p.kind == PlaceholderKind::Choice)
        .map(|p| p.range.slice(src))
        .collect();
    assert!(!choices.contains(&"Draft | Done"), "{choices:?}");
}

/// Each phase's title and status.
fn heads(plan: &Plan) -> Vec<(&str, Option<&str>)> {
    plan.phases
        .iter()
        .map(|ph| (ph.title.as_str(), ph.status.as_deref()))
        .collect()
}

#[test]
fn a_status_in_a_phase_head_is_the_phases_until_a_field_says_otherwise() {
    let src = "\
## Phase 1: Setup ✅ COMPLETED

- [ ] T001 Create the repo

## ✅ Phase 2: API

**Status:** In progress

- [ ] T002 Add routes

### Phase 3: Ship [Blocked]

## Phase 4: Done criteria
";
    let plan = p(src);
    assert_eq!(
        heads(&plan),
        [
            ("Setup", Some("✅ COMPLETED")),
            ("API", Some("In progress")),
            ("Ship", Some("Blocked")),
            ("Done criteria", None),
        ]
    );
}

#[test]
fn a_head_status_beside_a_dependency_or_a_bare_number_is_read() {
    let src = "\
## Phase 1: Setup [DONE] (depends on Phase 0)

## Phase 2: Build — Complete (2 weeks)

## Phase 3 ✅

## Phase 4 — DONE

## Phase 5: Ship [COMPLETED]
";
    let plan = p(src);
    assert_eq!(
        heads(&plan),
        [
            ("Setup", Some("DONE")),
            ("Build", Some("Complete (2 weeks)")),
            ("", Some("✅")),
            ("", Some("DONE")),
            ("Ship", Some("COMPLETED")),
        ]
    );
    assert_eq!(plan.phases[0].depends_on.len(), 1);
    // A bracket read as the status is no slot left to fill.
    assert!(plan.placeholders.is_empty(), "{:?}", plan.placeholders);
}

#[test]
fn a_task_headings_fields_are_the_tasks_not_its_phases() {
    let src = "## Phase 1: Storage\n\n**Estimate**: 3 days\n\n#### [ ] T-001: Create the bucket\n**Priority**: HIGH\n**Estimate**: 1 hour\n\n#### T-002 Add the route\n**Depends on**: T-001\n\n## Phase 2: Upload\n\n### Overview\n**Depends on**: Phase 1\n**Priority**: LOW\n\n### 2.1 Details\n**Estimate**: 2 days\n";
    let plan = p(src);
    let ph = &plan.phases;
    assert_eq!(ph.len(), 2);
    // The phase's own field stands; its tasks' do not reach it.
    assert_eq!(ph[0].estimate.as_deref(), Some("3 days"));
    assert_eq!(ph[0].priority, None);
    assert!(ph[0].depends_on.is_empty(), "{:?}", ph[0].depends_on);
    // Under a heading that is no task's, a field is still the phase's.
    assert_eq!(ph[1].depends_on.len(), 1);
    assert_eq!(ph[1].priority.as_deref(), Some("LOW"));
    assert_eq!(ph[1].estimate.as_deref(), Some("2 days"));
}

#[test]
fn a_heading_names_a_task_by_an_id_of_capitals() {
    use super::titles::names_a_task;
    for title in [
        "T001: Add",
        "[ ] T-002 Upload",
        "[x] T003",
        "**T004**: Wire",
        "TASK-12 - Ship",
    ] {
        assert!(names_a_task(title), "{title}");
    }
    for title in [
        "1.2 Architecture",
        "Tasks",
        "API design",
        "T001s",
        "Phase 1: Setup",
        "Q3 planning",
    ] {
        assert!(!names_a_task(title), "{title}");
    }
}
