//! Reader tests of phases and steps (the forms that open one, the notes
//! that must not), and of dependencies: a phase's, a task's, chains and
//! ranges of ids.

use super::tests::phase_waits;
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
/// Phase `i`'s dependencies: what each names, and its text.
pub(super) fn phase_deps<'s>(plan: &Plan, src: &'s str, i: usize) -> Vec<(Text, &'s str)> {
    plan.phases[i]
        .depends_on
        .iter()
        .map(|r| (r.target.label(), r.range.slice(src)))
        .collect()
}

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

#[test]
fn an_item_phase_reads_the_dependency_bracket_after_its_name() {
    let src = "\
## Phases

- **Phase 1: Setup**
  - [ ] Create the repo
- **Phase 2: Build** (depends on Phase 1) – the service
  - [ ] Write the code
";
    let plan = p(src);
    let build = &plan.phases[1];
    assert_eq!(build.title, "Build");
    let deps: Vec<Text> = build.depends_on.iter().map(|r| r.target.label()).collect();
    assert_eq!(deps, ["Phase 1"]);
    assert_eq!(build.depends_range.unwrap().slice(src), "Phase 1");
}

#[test]
fn an_overview_item_says_what_the_headed_phase_of_its_id_waits_for() {
    let src = "\
# Plan

## Overview

- **Phase 1: Setup** (1 day)
- **Phase 2: Build** (depends on Phase 1)
- **Phase 3: Ship** (after Phase 1)

## Phase 1: Setup

- [ ] T001 Create the repo

## Phase 2: Build

- [ ] T002 Write the code

## Phase 3: Ship (after Phase 2)

- [ ] T003 Release
";
    let plan = p(src);
    let deps = |i: usize| -> Vec<Text> {
        plan.phases[i]
            .depends_on
            .iter()
            .map(|r| r.target.label())
            .collect()
    };
    assert_eq!(plan.phases.len(), 3);
    assert_eq!(deps(1), ["Phase 1"]);
    // The item's range: where a finding about the dependency points.
    let range = plan.phases[1].depends_range.unwrap();
    assert_eq!(range.slice(src), "Phase 1");
    assert!(range.start < plan.phases[0].heading.start);
    // The phase's own heading wins over what the overview says.
    assert_eq!(deps(2), ["Phase 2"]);
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
fn an_overview_dependency_yields_to_the_phases_own_none() {
    let src = "\
## Overview

- **Phase 2: Build** (depends on Phase 1)

## Phase 1: Setup

- [ ] T001 Init

## Phase 2: Build

**Dependencies:** None

- [ ] T002 Build
";
    let plan = p(src);
    assert!(plan.phases[1].depends_on.is_empty());
}

#[test]
fn a_dependency_in_a_task_item_is_the_tasks_with_its_range() {
    let src = "## Phase 1: A\n- [ ] T001 first\n- [ ] T002 second\n  **Dependencies**: T001\n- [ ] T003 third\n  _Deps_: T002 (after Phase 1)\n";
    let plan = p(src);
    assert!(plan.phases[0].depends_on.is_empty());
    assert_eq!(plan.phases[0].depends_range, None);
    assert_eq!(plan.tasks[1].depends_on, ["T001"]);
    assert_eq!(plan.tasks[2].depends_on, ["T002"]);
    let links: Vec<(&str, &str, &str)> = plan
        .task_links
        .iter()
        .map(|l| (l.from.as_str(), l.to.as_str(), l.range.slice(src)))
        .collect();
    assert_eq!(links, [("T001", "T002", "T001"), ("T002", "T003", "T002")]);
    // The phase the task waits for, where it is written.
    let waits = phase_waits(&plan, src);
    assert_eq!(waits, [(2, "Phase 1".into(), "Phase 1")]);
    // The bold field is still a field of the plan, as written.
    let field = plan.metadata.iter().find(|m| m.norm == "dependencies");
    assert_eq!(field.map(|f| f.value_range.slice(src)), Some("T001"));
}

#[test]
fn a_task_waits_for_a_phase_it_names() {
    let src = "## Phase 1: A\n- [ ] T001 a\n## Phase 2: B\n- [ ] T002 deploy (depends on Phase 1) and document Phase 3\n  - Blocked by: Stage A\n- [ ] T003 not blocked by Phase 1\n";
    let plan = p(src);
    let waits = phase_waits(&plan, src);
    assert_eq!(
        waits,
        [
            (1, "Phase 1".into(), "Phase 1"),
            (1, "Stage A".into(), "Stage A")
        ]
    );
    // The task reader keeps its task ids; phases are no task ids.
    assert!(plan.tasks[1].depends_on.is_empty());
}

#[test]
fn phase_dependency_fields_plain_and_under_synonyms() {
    let src = "\
## Phase 1: A
## Phase 2: B
Dependencies: Phase 1
## Phase 3: C
**Prerequisite**: Phase 2
## Phase 4: D
- Requires: Phases 1-3
## Phase 5: E
**Dependencies**: None
_Deps_: Phase 4
## Phase 6: F
**Dependencies**: after Phase 1, Phase 5, Phase 6; Phase 2 does not block Phase 6
## Phase 7: G
**Dependencies**: Phase 1, 2 weeks after kickoff
";
    let plan = p(src);
    let deps = |i: usize| phase_deps(&plan, src, i);
    assert_eq!(deps(1), [("Phase 1".into(), "Phase 1")]);
    assert_eq!(
        plan.phases[1].depends_range.map(|r| r.slice(src)),
        Some("Phase 1")
    );
    assert_eq!(deps(2), [("Phase 2".into(), "Phase 2")]);
    assert_eq!(
        deps(3),
        [
            ("Phase 1".into(), "Phases 1"),
            ("Phase 2".into(), "3"),
            ("Phase 3".into(), "3")
        ]
    );
    // A field that names none stands until one that does.
    assert_eq!(deps(4), [("Phase 4".into(), "Phase 4")]);
    assert_eq!(
        deps(5),
        [("Phase 1".into(), "Phase 1"), ("Phase 5".into(), "Phase 5")]
    );
    assert_eq!(deps(6), [("Phase 1".into(), "Phase 1")]);
}

#[test]
fn ranges_of_task_ids_are_read_whole() {
    let src = "- [ ] T001 a\n- [ ] T002 b\n- [ ] T003 c\n- [ ] T004 d (depends on T001-T003)\n- [ ] T005 e (after T1-T999999999)\n\nT003 → T004-T005\n";
    let plan = p(src);
    assert_eq!(plan.tasks[3].depends_on, ["T001..T003"]);
    // A range too wide for any plan is one key, not a billion ids.
    assert_eq!(plan.tasks[4].depends_on, ["T1..T999999999"]);
    let links: Vec<(&str, &str, &str)> = plan
        .task_links
        .iter()
        .map(|l| (l.from.as_str(), l.to.as_str(), l.range.slice(src)))
        .collect();
    assert_eq!(links, [("T003", "T004..T005", "T003 → T004-T005")]);
}

#[test]
fn ranges_make_no_more_references_than_they_are_written() {
    // Two thousand ranges of a thousand ids each, in fourteen bytes each.
    let src = format!("- [ ] T0 x\n\n{}", "T0 → T1-T999\n\n".repeat(2000));
    let plan = p(&src);
    assert_eq!(plan.task_links.len(), 2000);
    let last = plan
        .task_links
        .last()
        .map(|l| (l.from.as_str(), l.to.as_str()));
    assert_eq!(last, Some(("T0", "T1..T999")));
}

mod dependency_input {
    //! Dependency prose in every shape, cut and joined at random: the
    //! reader never panics, and what it reads points into the text.

    use super::*;
    use proptest::prelude::*;

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("## Phase 1: A\n".to_owned()),
            Just("## Sprint 2: B\n".to_owned()),
            Just("- [ ] T001 a (depends on Phase 1)\n".to_owned()),
            Just("- [ ] M002 b (after M001-M003, Stage A)\n".to_owned()),
            Just("  **Dependencies**: T001–T003\n".to_owned()),
            Just("  _Deps_: 1.1-1.2\n".to_owned()),
            Just("Dependencies: None (independent of Phase 1)\n".to_owned()),
            Just("**Requires**: Phase 1, 2 weeks; Sprint 2 does not block Sprint 3\n".to_owned()),
            Just("T003 → T004-T021\n".to_owned()),
            Just("- Blocked by: TASK-1 ".to_owned()),
            "[ -~éİ–—→’\\-:*_()\\[\\]0-9TPS\n]{0,40}",
        ]
    }

    proptest! {
        #[test]
        fn what_is_read_points_into_the_text(parts in prop::collection::vec(fragment(), 0..16)) {
            let src = parts.concat();
            let plan = parse(&src);
            let inside = |r: TextRange| {
                (r.start <= r.end) && src.get(r.start as usize..r.end as usize).is_some()
            };
            for w in &plan.phase_waits {
                prop_assert!(w.task < plan.tasks.len());
                prop_assert!(inside(w.phase.range), "{:?} in {src:?}", w.phase.range);
            }
            for p in &plan.phases {
                for d in &p.depends_on {
                    prop_assert!(inside(d.range), "{:?} in {src:?}", d.range);
                }
            }
            for l in &plan.task_links {
                prop_assert!(inside(l.range), "{:?} in {src:?}", l.range);
            }
        }
    }
}

#[test]
fn a_phase_dependency_said_as_a_sentence_is_read_to_its_clause_end() {
    let src = "\
## Stage 1: A
- [ ] T001 a
## Stage 2: B
Depends on Stage 1. Stage 3 reuses its fixtures.
- [ ] T002 b
## Stage 3: C
*Blocked by* Stage 2; unlike Stage 1
## Stage 4: D
Sprint 2 does not block Stage 4, and depends on the weather.
## Stage 5: E
Depends on nothing; Stage 1 runs alongside.
";
    let plan = p(src);
    let deps = |i: usize| phase_deps(&plan, src, i);
    assert_eq!(deps(1), [("Stage 1".into(), "Stage 1")]);
    assert_eq!(
        plan.phases[1].depends_range.map(|r| r.slice(src)),
        Some("Stage 1")
    );
    assert_eq!(deps(2), [("Stage 2".into(), "Stage 2")]);
    assert!(deps(3).is_empty());
    assert!(deps(4).is_empty());
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
