//! Reader tests of dependencies: a phase's (its fields, under synonyms
//! too, an overview item's, the bracket after an item phase's name), a
//! task's (in its own item, on a phase it names), and chains and ranges
//! of ids.

use super::tests::phase_waits;
use super::*;

/// Phase `i`'s dependencies: what each names, and its text.
pub(super) fn phase_deps<'s>(plan: &Plan, src: &'s str, i: usize) -> Vec<(Text, &'s str)> {
    plan.phases[i]
        .depends_on
        .iter()
        .map(|r| (r.target.label(), r.range.slice(src)))
        .collect()
}

fn p(src: &str) -> Plan {
    parse(src)
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
fn a_dependency_written_as_a_link_is_read_from_its_text_alone() {
    let src = "\
## Phase 1: Dig

- [ ] T001 Mark the plot

## Phase 2: Plant

**Depends on:** [Phase 1](#phase-1-dig \"Stage 3\"), [T001](tasks.md#t-9)

- [ ] T002 Sow the seeds
";
    let plan = p(src);
    assert_eq!(
        phase_deps(&plan, src, 1),
        [("Phase 1".into(), "Phase 1"), ("T001".into(), "T001")]
    );
}

#[test]
fn a_milestone_is_named_by_its_id_alone() {
    let src = "\
## Milestone R1: Survey

- [ ] Walk the route

## Milestone R2: Grade

**Dependencies:** R1

- [ ] Level the bed

## Milestone R3: Surface

Requires R2.

- [ ] Lay the gravel

## Phase 4: Open

**Dependencies:** R3 and R8

- [ ] Cut the ribbon
";
    let plan = p(src);
    assert_eq!(phase_deps(&plan, src, 1), [("Milestone R1".into(), "R1")]);
    assert_eq!(phase_deps(&plan, src, 2), [("Milestone R2".into(), "R2")]);
    assert_eq!(
        phase_deps(&plan, src, 3),
        [("Milestone R3".into(), "R3"), ("Milestone R8".into(), "R8")]
    );
}
