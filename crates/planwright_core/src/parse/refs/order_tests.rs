//! The phase-dependency bullets of spec-kit's execution-order section.

use std::fmt::Write as _;

use crate::model::Plan;
use crate::parse::parse;

/// spec-kit's phases, then `section` under its own headings.
fn plan_with(section: &str) -> (String, Plan) {
    let src = format!(
        "\
# Tasks

## Phase 1: Setup (Shared Infrastructure)
- [ ] T001 a
## Phase 2: Foundational (Blocking Prerequisites)
- [ ] T002 b
## Phase 3: User Story 1 - Sign in (Priority: P1) 🎯 MVP
- [ ] T003 c
## Phase 4: User Story 2 - Sign out (Priority: P2)
- [ ] T004 d
## Phase 5: Polish & Cross-Cutting Concerns
- [ ] T005 e

## Dependencies & Execution Order

### Phase Dependencies

{section}"
    );
    let plan = parse(&src);
    (src, plan)
}

/// Each phase's dependencies as `Phase N <- Phase M "words"`; the
/// phase-sentence tests read them so too.
pub(in crate::parse) fn deps(src: &str, plan: &Plan) -> Vec<String> {
    plan.phases
        .iter()
        .flat_map(|p| {
            p.depends_on.iter().map(move |d| {
                let words = d.range.slice(src);
                format!("{} <- {} {words:?}", p.id, d.target.label())
            })
        })
        .collect()
}

#[test]
fn spec_kit_phase_dependencies_become_phase_dependencies() {
    let (src, plan) = plan_with(
        "\
- **Setup (Phase 1)**: No dependencies - can start immediately
- **Foundational (Phase 2)**: Depends on Setup completion - BLOCKS all user stories
- **User Stories (Phase 3+)**: All depend on Foundational phase completion
  - User stories can then proceed in parallel (if staffed)
- **Polish (Final Phase)**: Depends on all desired user stories being complete
",
    );
    assert_eq!(
        deps(&src, &plan),
        [
            r#"Phase 2 <- Phase 1 "Setup""#,
            r#"Phase 3 <- Phase 2 "Foundational""#,
            r#"Phase 4 <- Phase 2 "Foundational""#,
            r#"Phase 5 <- Phase 2 "Foundational""#,
            r#"Phase 5 <- Phase 3 "all desired user stories""#,
            r#"Phase 5 <- Phase 4 "all desired user stories""#,
        ]
    );
    // Where the dependency was read from, for diagnostics.
    let range = plan.phases[1].depends_range.map(|r| r.slice(&src));
    assert_eq!(range, Some("Setup completion"));
    assert!(plan.phases[0].depends_range.is_none());
}

#[test]
fn numbers_ranges_story_ids_and_sentences_name_phases() {
    let (src, plan) = plan_with(
        "\
- **User Story 1 (Phase 3)**: Can start after Phase 2 (independent of Phase 4)
- US2 (Phase 4): Depends on US1 (needs its server)
- Phase 5 (Polish) specifically requires Phases 3 to 4 to be complete
",
    );
    assert_eq!(
        deps(&src, &plan),
        [
            r#"Phase 3 <- Phase 2 "Phase 2""#,
            r#"Phase 4 <- Phase 3 "US1""#,
            r#"Phase 5 <- Phase 3 "Phases 3""#,
            r#"Phase 5 <- Phase 4 "4""#,
        ]
    );
}

#[test]
fn what_does_not_resolve_to_a_phase_of_the_plan_names_nothing() {
    let (src, plan) = plan_with(
        "\
- **Backend (Phase 9)**: Depends on Setup completion
- **Foundational (Phase 2)**: Depends on Backend completion and Phase 7
- **User Story 1 (Phase 3)**: Does not depend on Setup; blocks Polish
- **Tests**: Depend on Foundational
- **User Story 2 (Phase 4)**: Can start immediately, in parallel with Setup
- **Polish (Phase 5)**: Depends on the next phase - BLOCKS release
",
    );
    assert_eq!(deps(&src, &plan), Vec::<String>::new());
    assert!(plan.phases.iter().all(|p| p.depends_range.is_none()));
}

#[test]
fn all_user_stories_include_stories_without_a_bullet_of_their_own() {
    let (src, plan) = plan_with(
        "\
- **Setup (Phase 1)**: No dependencies
- **Foundational (Phase 2)**: Depends on Setup completion
- **User Story 2 (Phase 4)**: Depends on Foundational
- **Polish (Phase 5)**: Depends on all user stories being complete
",
    );
    assert_eq!(
        deps(&src, &plan),
        [
            r#"Phase 2 <- Phase 1 "Setup""#,
            r#"Phase 4 <- Phase 2 "Foundational""#,
            r#"Phase 5 <- Phase 3 "all user stories""#,
            r#"Phase 5 <- Phase 4 "all user stories""#,
        ]
    );
}

#[test]
fn a_none_that_names_a_phase_leaves_the_rest_of_the_bullet() {
    let (src, plan) = plan_with(
        "\
- **Polish (Phase 5)**: No dependency on Phase 3; depends on Phase 4
- **User Story 2 (Phase 4)**: No direct dependencies upon US1 but requires Setup
- **User Story 1 (Phase 3)**: No dependencies; can start after Setup
- **Foundational (Phase 2)**: No dependency on Setup
",
    );
    assert_eq!(
        deps(&src, &plan),
        [
            r#"Phase 4 <- Phase 1 "Setup""#,
            r#"Phase 5 <- Phase 4 "Phase 4""#,
        ]
    );
    let range = plan.phases[4].depends_range.map(|r| r.slice(&src));
    assert_eq!(range, Some("Phase 4"));
}

#[test]
fn a_name_is_a_titles_first_words_when_only_one_phase_has_it() {
    let src = "\
## Phase 1: Setup
## Phase 2: Setup (again)
## Phase 3: Tailwind CSS & shadcn/ui Foundation
## Phase 4: A
## Phase 5: Page Migration Batch 1 — Core Pages
### Phase Dependencies
- **Migration (Phase 5)**: Depends on Setup completion, a stable API and tailwind css
- **A (Phase 4)**: Depends on Page Migration Batch 1
";
    let plan = parse(src);
    assert_eq!(
        deps(src, &plan),
        [
            r#"Phase 4 <- Phase 5 "Page Migration Batch 1""#,
            r#"Phase 5 <- Phase 3 "tailwind css""#
        ]
    );
}

#[test]
fn an_open_range_names_every_phase_from_its_number() {
    let src = "\
## Phase 1: Setup
## Phase 2: Core
## Phase 3: A
## Phase 3.5: B
## Phase 4: C
### Phase Dependencies
- **Later work (Phase 3+)**: Depends on Core
- **Core (Phase 2)**: Requires Phase 1+
";
    let plan = parse(src);
    assert_eq!(
        deps(src, &plan),
        [
            r#"Phase 2 <- Phase 1 "Phase 1+""#,
            r#"Phase 2 <- Phase 3 "Phase 1+""#,
            r#"Phase 2 <- Phase 3.5 "Phase 1+""#,
            r#"Phase 2 <- Phase 4 "Phase 1+""#,
            r#"Phase 3 <- Phase 2 "Core""#,
            r#"Phase 3.5 <- Phase 2 "Core""#,
            r#"Phase 4 <- Phase 2 "Core""#,
        ]
    );
}

#[test]
fn a_phase_that_states_its_own_dependencies_keeps_them() {
    let src = "\
## Phase 1: Setup
## Phase 2: Core
## Phase 3: Polish
**Dependencies**: Phase 1
### Phase Dependencies
- **Polish (Phase 3)**: Depends on Core
- **Core (Phase 2)**: Depends on Setup
";
    let plan = parse(src);
    assert_eq!(
        deps(src, &plan),
        [
            r#"Phase 2 <- Phase 1 "Setup""#,
            r#"Phase 3 <- Phase 1 "Phase 1""#
        ]
    );
}

#[test]
fn user_story_dependencies_name_the_phases_titled_as_the_stories() {
    // spec-kit's `### User Story Dependencies`, read as `### Phase
    // Dependencies` is: `US2` is the phase titled "User Story 2 ...".
    let src = "\
## Phase 1: User Story 1 - Sign in
- [ ] T001 [US1] a
## Phase 2: User Story 2 - Sign out
- [ ] T002 [US2] b
## Phase 3: User Story 3 - Audit
- [ ] T003 [US3] c
## Dependencies & Execution Order
### User Story Dependencies
- **US2 (P2)**: Depends on US1
- US3: Depends on US2
- **US4 (P4)**: Depends on US3
";
    let plan = parse(src);
    assert_eq!(
        deps(src, &plan),
        [r#"Phase 2 <- Phase 1 "US1""#, r#"Phase 3 <- Phase 2 "US2""#,]
    );
}

#[test]
fn what_would_only_help_is_no_dependency() {
    let (src, plan) = plan_with(
        "\
- **US2 (Phase 4)**: Requires US1, enhanced by Setup (colors)
- **Polish (Phase 5)**: Depends on Foundational; optionally uses US1, benefits from US2
",
    );
    assert_eq!(
        deps(&src, &plan),
        [
            r#"Phase 4 <- Phase 3 "US1""#,
            r#"Phase 5 <- Phase 2 "Foundational""#,
        ]
    );
}

#[test]
fn bullets_elsewhere_are_not_read() {
    let src = "\
## Phase 1: Setup
## Phase 2: Core
### Story Notes
- **Core (Phase 2)**: Depends on Setup
## Notes
- **Core (Phase 2)**: Depends on Setup
";
    let plan = parse(src);
    assert_eq!(deps(src, &plan), Vec::<String>::new());
}

#[test]
fn many_open_ranges_stay_within_the_text_length() {
    let mut src = String::new();
    for n in 1..=300 {
        let _ = writeln!(src, "## Phase {n}: P{n}");
    }
    src.push_str("### Phase Dependencies\n");
    for _ in 0..10 {
        src.push_str("- **All (Phase 1+)**: Depends on Phase 1+\n");
    }
    let plan = parse(&src);
    // 300 phases waiting for 299 each, ten times over: far more than the
    // text's length, which bounds what is made.
    let made: usize = plan.phases.iter().map(|p| p.depends_on.len()).sum();
    let bound = src.len() + crate::parse::refs::MAX_EXPANDED;
    assert!(made > 0 && made <= bound, "{made} made for {bound}");
    assert!(plan.range_ids <= bound);
}

mod section_input {
    //! Execution-order sections cut and joined at random: the reader never
    //! panics, and what it reads points into the text and at a phase of
    //! the plan.

    use super::*;
    use crate::text::TextRange;
    use proptest::prelude::*;

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("## Phase 1: Setup (Shared)\n".to_owned()),
            Just("## Phase 2: Foundational\n".to_owned()),
            Just("## Phase 3: User Story 1 - A\n".to_owned()),
            Just("## Phase M4: Polish & Docs\n".to_owned()),
            Just("### Phase Dependencies\n".to_owned()),
            Just("## Dependencies & Execution Order\n".to_owned()),
            Just("- **Setup (Phase 1)**: No dependencies\n".to_owned()),
            Just("- **User Stories (Phase 3+)**: All depend on Setup + US1".to_owned()),
            Just("- **Polish (Final Phase)**: Depends on all user stories\n".to_owned()),
            Just("  - Phase 3 (x) requires Phases 1 to 2 - BLOCKS Polish\n".to_owned()),
            Just("- US1 (Phase M4+): after Foundational, not Phase 2.".to_owned()),
            "[ -~éİ–—→’\\-:*_()\\[\\]+0-9PSUu\n]{0,40}",
        ]
    }

    proptest! {
        #[test]
        fn what_is_read_points_into_the_text(parts in prop::collection::vec(fragment(), 0..16)) {
            let src = parts.concat();
            let plan = parse(&src);
            let ids = plan.phase_ids();
            let inside = |r: TextRange| {
                (r.start <= r.end) && src.get(r.start as usize..r.end as usize).is_some()
            };
            for p in &plan.phases {
                for d in &p.depends_on {
                    prop_assert!(inside(d.range), "{:?} in {src:?}", d.range);
                }
                if let Some(r) = p.depends_range {
                    prop_assert!(inside(r), "{r:?} in {src:?}");
                }
            }
            // What the section names is a phase of the plan.
            let section = src.find("Phase Dependencies").or_else(|| src.find("Execution Order"));
            for p in plan.phases.iter().filter(|p| p.depends_range.is_some_and(|r| {
                section.is_some_and(|s| r.start as usize > s)
            })) {
                for d in &p.depends_on {
                    prop_assert!(ids.get(&d.target).is_some(), "{:?} in {src:?}", d.target);
                }
            }
        }
    }
}

#[test]
fn a_plain_dependencies_section_states_phase_dependencies_too() {
    let src = "\
## Sprint 1: Base
- [ ] T001 a
## Sprint 2: Core
- [ ] T002 b
## Sprint 3: Docs
- [ ] T003 c
## Dependencies
- Sprint 3 depends on Sprint 2
- Sprint 2 does not block Sprint 1
- Sprint 3 does not depend on Sprint 1
- Sprint 2 no longer depends on Sprint 1
- Sprint 1 isn't blocked by Sprint 3
- ~~Sprint 1 depends on Sprint 3~~
- Redis 7 for the cache
";
    let plan = parse(src);
    assert_eq!(deps(src, &plan), ["Sprint 3 <- Sprint 2 \"Sprint 2\""]);
}

#[test]
fn a_dependency_table_is_read_as_its_bullets_would_be() {
    let (src, plan) = plan_with(
        "\
| Phase | Depends on | Why |
|-------|------------|-----|
| Foundational | Phase 1 | the project first |
| Phase 3: User Story 1 | Phase 2 | |
| Phase 4 | Phase 2, Phase 3 | |
| Phase 1 | None | |
| Polish | — | |
",
    );
    assert_eq!(
        deps(&src, &plan),
        [
            r#"Phase 2 <- Phase 1 "Phase 1""#,
            r#"Phase 3 <- Phase 2 "Phase 2""#,
            r#"Phase 4 <- Phase 2 "Phase 2""#,
            r#"Phase 4 <- Phase 3 "Phase 3""#,
        ]
    );
    // An "After" column beside "Before" lists what follows: no order.
    let (src, plan) = plan_with(
        "| Phase | Before | After |\n|---|---|---|\n| Phase 1 | — | Phase 2 |\n| Phase 2 | Phase 1 | Phase 3 |\n",
    );
    assert!(deps(&src, &plan).is_empty());
    // Without a column headed as dependencies, a table says no order.
    let (src, plan) = plan_with("| Phase | Owner |\n|---|---|\n| Phase 2 | Phase 1 |\n");
    assert!(deps(&src, &plan).is_empty());
}

#[test]
fn a_diagram_in_a_code_block_of_the_section_is_read_a_line_at_a_time() {
    let (src, plan) = plan_with(
        "\
```text
Phase 1: Setup ──────────> No dependencies
Phase 2: Foundational ───> Depends on Setup
    ↓
Phase 3: US1 ────────────> Depends on Phase 2
Phase 4: US2 ────────────> Depends on US1 (needs sign-in)
Phase 5: Polish ─────────> Depends on Phase 9
```
",
    );
    assert_eq!(
        deps(&src, &plan),
        [
            r#"Phase 2 <- Phase 1 "Setup""#,
            r#"Phase 3 <- Phase 2 "Phase 2""#,
            r#"Phase 4 <- Phase 3 "US1""#,
        ]
    );
    // A code block under another heading is an example, not the plan's.
    let src = "## Phase 1: A\n- [ ] a\n## Phase 2: B\n- [ ] b\n\n## Notes\n\n```\nPhase 2: B ──> Depends on Phase 1\n```\n";
    assert!(deps(src, &parse(src)).is_empty());
}

#[test]
fn phases_drawn_down_or_across_wait_for_the_one_drawn_before() {
    let (src, plan) = plan_with(
        "\
```
Phase 1 (Setup)
  │
  ▼
Phase 2 (Foundational) - blocks every story
  ↓
Phase 3 (US1) → Phase 4 (US2) ──> Phase 5
```
",
    );
    assert_eq!(
        deps(&src, &plan),
        [
            r#"Phase 2 <- Phase 1 "Phase 1 (Setup)""#,
            r#"Phase 4 <- Phase 3 "Phase 3 (US1)""#,
            r#"Phase 5 <- Phase 4 "Phase 4 (US2)""#,
        ]
    );
    // A row of phases has no one phase to draw down from: Phase 3 waits
    // for Phase 2 only by words.
    let (src, plan) = plan_with("```\nPhase 2 → Phase 1\n  ↓\nPhase 3\n```\n");
    assert_eq!(deps(&src, &plan), [r#"Phase 1 <- Phase 2 "Phase 2""#]);
}

#[test]
fn a_drawing_says_nothing_where_words_say_the_order() {
    // The arrow into a line that states its own order, or that it has
    // none, is the line's words' to read; a phase a bullet orders keeps
    // the bullet's order.
    let (src, plan) = plan_with(
        "\
- **Polish (Phase 5)**: Depends on Phase 3

```
Phase 1
  ↓
Phase 2 → Independent, no dependencies
  ↓
Phase 3 - can start after Phase 1
  ↓
Phase 4
  ↓
Phase 5
```
",
    );
    assert_eq!(
        deps(&src, &plan),
        [
            r#"Phase 3 <- Phase 1 "Phase 1""#,
            r#"Phase 4 <- Phase 3 "Phase 3 - can start after Phase 1""#,
            r#"Phase 5 <- Phase 3 "Phase 3""#,
        ]
    );
}

#[test]
fn a_fork_a_blank_line_or_a_line_of_words_ends_a_drawn_chain() {
    let (src, plan) = plan_with(
        "\
```
Phase 1
  ↓
 ├──────┐
Phase 2
  ↓     ↓
Phase 3

  ↓
Phase 4
  ↓
then the release
  ↓
Phase 5
```
",
    );
    assert!(deps(&src, &plan).is_empty(), "{:?}", deps(&src, &plan));
}

/// Found by fuzzing: a cell made of marks and a dash (`` ` - ` ``) was cut
/// at the dash, before the marks its reading skips, and sliced backwards.
#[test]
fn a_cell_of_marks_before_an_arrow_names_nothing() {
    for drawing in [
        "```\n` - `→\n```\n",
        "```\n` - `→ Phase 2\n```\n",
        "```\n` - `\n```\n",
    ] {
        let (src, plan) = plan_with(drawing);
        assert!(
            deps(&src, &plan).is_empty(),
            "{drawing:?}: {:?}",
            deps(&src, &plan)
        );
    }
    // Unclosed, the fence runs to the end of the plan.
    let src = "# Plan\n## Phase 4\n## Dependencies\n```\n` - `→";
    assert_eq!(parse(src).phases.len(), 1);
}

#[test]
fn a_critical_path_orders_its_phases_and_all_phases_are_those_before() {
    let src = "\
# Tasks

## Phase 1: Setup
- [ ] T001 a
## Phase 2: Build
- [ ] T002 b
## Phase 3: Ship
- [ ] T003 c

## Critical Path (Must Complete in Order)

- Setup → Build
- Ship requires all phases complete
";
    let plan = parse(src);
    assert_eq!(
        deps(src, &plan),
        [
            r#"Phase 2 <- Phase 1 "Setup""#,
            r#"Phase 3 <- Phase 1 "all phases complete""#,
            r#"Phase 3 <- Phase 2 "all phases complete""#,
        ]
    );
}

#[test]
fn a_table_of_phases_and_their_dependencies_says_them_wherever_it_stands() {
    let src = "# P\n\n## Phase 1: Index\n- [ ] a\n\n## Phase 2: Query\n- [ ] b\n\n## Phase 3: Rank\n- [ ] c\n\n## Timeline\n\n| Phase | Duration | Blockers |\n|---|---|---|\n| Phase 1: Index | 1 day | None |\n| Phase 2: Query | 2 days | Phase 1 |\n| Phase 3: Rank | 1 day | Phase 2, legal review |\n";
    let plan = parse(src);
    let deps: Vec<Vec<String>> = plan
        .phases
        .iter()
        .map(|p| {
            p.depends_on
                .iter()
                .map(|d| d.target.label().to_string())
                .collect()
        })
        .collect();
    assert_eq!(
        deps,
        [
            vec![],
            vec!["Phase 1".to_owned()],
            vec!["Phase 2".to_owned()]
        ]
    );
    // A table whose first column is no phase's says nothing of phases.
    let src = src.replace("| Phase | Duration", "| Item | Duration");
    assert!(parse(&src).phases.iter().all(|p| p.depends_on.is_empty()));
}
