//! Subtasks numbered under their parent but written beside it, as Kiro's
//! flat layout (cc-sdd) writes them, and the look-alikes that number
//! nothing.

use super::*;

/// Each task's id with its parent's id.
fn parents(src: &str) -> Vec<(String, Option<String>)> {
    let plan = parse(src);
    plan.tasks
        .iter()
        .map(|t| {
            let parent = t.parent.map(|p| plan.tasks[p].id.to_string());
            (t.id.to_string(), parent)
        })
        .collect()
}

fn pairs(expected: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    expected
        .iter()
        .map(|(id, parent)| ((*id).to_owned(), parent.map(str::to_owned)))
        .collect()
}

#[test]
fn a_flat_subtask_is_a_child_of_the_task_its_id_extends() {
    let src = "\
# Implementation Plan

- [ ] 1. Build the parser
- [ ] 1.1 Write the lexer
  - _Requirements: 1.1_
- [ ]* 1.1.1 Fuzz the lexer
- [ ] 1.2 Write the grammar

  - _Requirements: 1.2_

- [ ] 2. Ship it
- [ ] 2.1 Tag the release
";
    assert_eq!(
        parents(src),
        pairs(&[
            ("1", None),
            ("1.1", Some("1")),
            ("1.1.1", Some("1.1")),
            ("1.2", Some("1")),
            ("2", None),
            ("2.1", Some("2")),
        ])
    );
    // The child's item is its own: its requirements are not the parent's.
    let plan = parse(src);
    assert!(plan.tasks[0].requirements.is_empty());
    assert_eq!(plan.tasks[1].requirements, ["1.1"]);
}

#[test]
fn a_task_without_an_id_does_not_break_the_numbering() {
    let src = "- [ ] 3. Deploy\n- [ ] Tell the team\n- [ ] 3.1 Roll out\n";
    assert_eq!(
        parents(src),
        pairs(&[("3", None), ("#2", None), ("3.1", Some("3"))])
    );
}

#[test]
fn a_subtask_of_a_lettered_id_is_numbered_under_it() {
    let src = "- [ ] T231 Cache\n- [ ] T231.15 Evict stale keys\n- [ ] T232 Log\n";
    assert_eq!(
        parents(src),
        pairs(&[("T231", None), ("T231.15", Some("T231")), ("T232", None)])
    );
}

#[test]
fn ids_that_only_count_number_nothing_under_each_other() {
    // Spec-kit's ids, and `1.` numbering, count tasks; none extends another.
    for src in [
        "- [ ] T001 a\n- [ ] T002 b\n- [ ] T0021 c\n- [ ] T002-1 d\n",
        "- [ ] 1. a\n- [ ] 2. b\n- [ ] 12. c\n",
        "1. [ ] a\n2. [ ] b\n3. [ ] c\n",
        "- [ ] 1 a\n- [ ] 1a b\n- [ ] 1.x c\n- [ ] 11 d\n",
    ] {
        let plan = parse(src);
        assert!(plan.tasks.iter().all(|t| t.parent.is_none()), "{src:?}");
    }
}

#[test]
fn a_subtask_in_another_list_is_no_child_of_its_numbers_parent() {
    // Under another heading, after a thematic break, after a paragraph:
    // each closes the list, and `2.1` there is not written under `2`.
    for between in ["## Phase 2\n\n", "---\n\n", "Some notes.\n\n"] {
        let src = format!("- [ ] 2. Build\n\n{between}- [ ] 2.1 Test\n");
        assert_eq!(
            parents(&src),
            pairs(&[("2", None), ("2.1", None)]),
            "{between:?}"
        );
    }
    // A task in a nested list numbers nothing in the list around it.
    let src = "- [ ] 4. Build\n  - [ ] 5. Aside\n- [ ] 5.1 Test\n";
    assert_eq!(
        parents(src),
        pairs(&[("4", None), ("5", Some("4")), ("5.1", None)])
    );
}

#[test]
fn nesting_and_numbering_agree_on_the_nearest_parent() {
    // The indented layout is unchanged; a sibling numbered under another
    // in the nested list is that sibling's child, inside the outer parent.
    let src = "\
- [ ] 1. Parser
  - [ ] 1.1 Lexer
  - [ ] 1.1.1 Tokens
  - [ ] 1.2 Grammar
- [ ] 2. Checker
";
    assert_eq!(
        parents(src),
        pairs(&[
            ("1", None),
            ("1.1", Some("1")),
            ("1.1.1", Some("1.1")),
            ("1.2", Some("1")),
            ("2", None),
        ])
    );
}
