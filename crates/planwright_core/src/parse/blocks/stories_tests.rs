//! Phases whose own text says the user stories wait for them.

use crate::parse;
use crate::parse::refs::order::tests::deps as deps_of;

/// Each phase's dependencies as `Phase N <- Phase M "words"`.
fn deps(src: &str) -> Vec<String> {
    deps_of(src, &parse(src))
}

/// A spec-kit task list whose Phase 2 says `statement` before its tasks.
fn plan_saying(statement: &str) -> String {
    format!(
        "\
# Tasks: Widget

## Phase 1: Setup
- [ ] T001 Create the project

## Phase 2: Foundational (Blocking Prerequisites)

{statement}

- [ ] T002 Set up the database

## Phase 3: User Story 1 - Login (Priority: P1)
- [ ] T003 [US1] Build the login form

## Phase 4: User Story 2 - Logout (Priority: P2)
**Dependencies**: Phase 3
- [ ] T004 [US2] Build the logout button

## Phase 5: Polish
- [ ] T005 Write the docs
"
    )
}

#[test]
fn later_user_stories_wait_for_a_phase_that_says_they_do() {
    for (statement, words) in [
        (
            "**⚠️ CRITICAL**: No user story work can begin until this phase is complete",
            "No user story work can begin until",
        ),
        (
            "**Purpose**: Core infrastructure that MUST be complete before ANY user story can be implemented",
            "before ANY user story",
        ),
        (
            "**Blocking**: Must complete before any user story implementation",
            "before any user story",
        ),
        (
            "This phase BLOCKS all user stories.",
            "BLOCKS all user stories",
        ),
        (
            "**⚠️ CRITICAL**: All user stories depend on a buildable image",
            "All user stories depend on",
        ),
    ] {
        // Phase 4 states its own dependencies, and Polish is no story.
        let src = plan_saying(statement);
        assert_eq!(
            deps(&src),
            [
                format!("Phase 3 <- Phase 2 {words:?}"),
                r#"Phase 4 <- Phase 3 "Phase 3""#.to_owned(),
            ],
            "{statement}"
        );
    }
}

#[test]
fn other_words_about_user_stories_make_no_wait() {
    for statement in [
        "**Purpose**: Shared infrastructure for the user stories",
        "Can start before any user story.",
        "This phase does not block user stories.",
        "**Checkpoint**: Foundation ready - user story work can now begin",
    ] {
        let src = plan_saying(statement);
        assert_eq!(
            deps(&src),
            [r#"Phase 4 <- Phase 3 "Phase 3""#],
            "{statement}"
        );
    }
    // After the phase's tasks it is no longer the phase's word on itself.
    let src = plan_saying("").replace(
        "- [ ] T002 Set up the database\n",
        "- [ ] T002 Set up the database\n\nNo user story work can begin until this phase is complete.\n",
    );
    assert_eq!(deps(&src), [r#"Phase 4 <- Phase 3 "Phase 3""#]);
}

#[test]
fn what_the_plan_says_elsewhere_comes_first() {
    // The execution-order section has the stories wait for each other;
    // the statement adds only to a story it says nothing of.
    let src = format!(
        "{}\n## Dependencies & Execution Order\n\n### User Story Dependencies\n\n- **US1 (P1)**: Depends on Setup\n",
        plan_saying("No user story work can begin until this phase is complete")
    );
    assert_eq!(
        deps(&src),
        [
            r#"Phase 3 <- Phase 1 "Setup""#,
            r#"Phase 4 <- Phase 3 "Phase 3""#,
        ]
    );
}
