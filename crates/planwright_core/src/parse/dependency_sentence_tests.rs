//! Reader tests of dependencies said as sentences: a line of a phase that
//! opens with "Requires", "After", "Blocked until"..., and the phrases of
//! a task's text that say the same.

use super::dependency_tests::phase_deps;
use super::*;

fn p(src: &str) -> Plan {
    parse(src)
}

#[test]
fn requires_opens_a_dependency_sentence_only_when_it_names_one() {
    let src = "\
## Phase 1: A
- [ ] T001 a
## Phase 2: B
Requires Phase 1.
## Phase 3: C
Requires a running database.

**Dependencies**: Phase 2
";
    let plan = p(src);
    let deps = |i: usize| phase_deps(&plan, src, i);
    assert_eq!(deps(1), [("Phase 1".into(), "Phase 1")]);
    // Prose is no "no dependencies": the field after it still counts.
    assert_eq!(deps(2), [("Phase 2".into(), "Phase 2")]);
}

#[test]
fn blocked_on_needs_and_waits_for_open_dependency_sentences() {
    let src = "\
## Phase 1: A
- [ ] T001 a
## Phase 2: B
Blocked on Phase 1.
## Phase 3: C
Waits for approval from legal.

Needs Phase 2.
## Phase 4: D
**Blocked on:** Phase 3
";
    let plan = p(src);
    let deps = |i: usize| phase_deps(&plan, src, i);
    assert_eq!(deps(1), [("Phase 1".into(), "Phase 1")]);
    assert_eq!(deps(2), [("Phase 2".into(), "Phase 2")]);
    assert_eq!(deps(3), [("Phase 3".into(), "Phase 3")]);
}

#[test]
fn after_and_its_kin_open_dependency_sentences_that_name_one() {
    for line in [
        "Starts after Phase 1.",
        "Begins after Phase 1 lands.",
        "Waits on Phase 1.",
        "Blocked until Phase 1 is done.",
        "Prereq: Phase 1",
        "**Prereqs**: Phase 1",
    ] {
        let src = format!("## Phase 1: A\n- [ ] a\n## Phase 2: B\n{line}\n- [ ] b\n");
        let plan = p(&src);
        assert_eq!(
            phase_deps(&plan, &src, 1),
            [("Phase 1".into(), "Phase 1")],
            "{line}"
        );
    }
    // A bare "After" says nothing of which phase waits: "After this
    // phase, Phase 3 can start" inside Phase 2 is Phase 3's wait.
    for line in [
        "After this phase, Phase 3 can start.",
        "After Phase 1's retro we chose REST.",
        "After launch, watch the dashboards.",
    ] {
        let src = format!(
            "## Phase 1: A\n- [ ] a\n## Phase 2: B\n{line}\n- [ ] b\n## Phase 3: C\n- [ ] c\n"
        );
        assert!(p(&src).phases[1].depends_on.is_empty(), "{line}");
    }
}

#[test]
fn a_task_that_waits_on_or_is_blocked_until_another_depends_on_it() {
    let plan = p(
        "## Phase 1: A\n- [ ] T5 x\n- [ ] T6 Notes — waits on T5\n- [ ] T7 y (blocked until T5 lands)\n- [ ] T8 z (not blocked until T5)\n",
    );
    let deps: Vec<Vec<&str>> = plan
        .tasks
        .iter()
        .map(|t| t.depends_on.iter().map(Text::as_str).collect())
        .collect();
    assert_eq!(deps, [vec![], vec!["T5"], vec!["T5"], vec![]]);
}

#[test]
fn a_dependency_phrase_quoted_as_code_names_nothing() {
    let plan = p(
        "## Phase 1: A\n- [ ] T001 x\n## Phase 2: B\n- [ ] T003 Add a `(waits on T001)` marker\n- [ ] T004 Add `(depends on Phase 1)` parsing\n- [ ] T005 Ship (depends on T001)\n",
    );
    let deps: Vec<Vec<&str>> = plan
        .tasks
        .iter()
        .map(|t| t.depends_on.iter().map(Text::as_str).collect())
        .collect();
    assert_eq!(deps, [vec![], vec![], vec![], vec!["T001"]]);
    assert!(plan.phase_waits.is_empty());
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
