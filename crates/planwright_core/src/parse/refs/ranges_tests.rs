//! Ranges of phases however they are joined, and the phrases that only
//! look like one.

use super::super::order::tests::deps;
use super::super::references;
use crate::model::RefTarget;
use crate::parse::parse;
use crate::text::TextRange;

fn refs(value: &str) -> Vec<String> {
    references(value, 0)
        .into_iter()
        .map(|r| r.target.label().to_string())
        .collect()
}

#[test]
fn a_phase_range_is_read_whichever_way_it_is_joined() {
    for text in [
        "Phases 1 through 3",
        "Phases 1 thru 3",
        "phases 1 Through 3",
        "Phases 1 to 3",
        "Phases 1-3",
        "Phase 1 to Phase 3",
        "Phase 1 through Phase 3",
        "Phase 1 thru phase 3",
        "Phase 1 – Phase 3",
        "Phase 1 - Phase 3",
        "Phase 1-Phase 3",
        "Phases 1 through Phase 3 complete",
    ] {
        assert_eq!(refs(text), ["Phase 1", "Phase 2", "Phase 3"], "{text}");
    }
    assert_eq!(
        refs("Sprint 2 through Sprint 4"),
        ["Sprint 2", "Sprint 3", "Sprint 4"]
    );
}

#[test]
fn the_far_end_of_a_range_points_at_its_phase() {
    let r = references("Phase 1 through Phase 3", 0);
    assert_eq!(r.len(), 3);
    assert_eq!(r[0].range, TextRange::new(0, 7));
    // The phases between the ends have no words of their own: they point
    // at the far end, as in `Phases 1-3`.
    for far in &r[1..] {
        assert_eq!(far.range, TextRange::new(16, 23));
    }
}

#[test]
fn only_a_phase_or_a_plural_makes_a_range_of_a_word() {
    // What follows "to" is no phase: the sentence goes on.
    assert_eq!(refs("Phase 1 to deliver the API"), ["Phase 1"]);
    assert_eq!(refs("moves from Phase 1 to production"), ["Phase 1"]);
    // A bare number after "Phase 1 to" counts something else; after
    // "Phases 1 to" it can only be the other end.
    assert_eq!(refs("Phase 1 to 3 regions"), ["Phase 1"]);
    assert_eq!(refs("Phase 1 through 3"), ["Phase 1"]);
    // A count stays a count.
    assert_eq!(refs("Phases 1 through 3 weeks"), ["Phase 1"]);
    // Another kind of phase is no other end, and a backward pair names
    // two phases, not a range.
    assert_eq!(refs("Phase 1 to Sprint 3"), ["Phase 1", "Sprint 3"]);
    assert_eq!(refs("Phase 3 to Phase 1"), ["Phase 3", "Phase 1"]);
    // "Phased" is no phase word.
    assert_eq!(refs("Phase 1 to Phased 3"), ["Phase 1"]);
}

#[test]
fn a_phase_range_in_a_field_waits_for_every_phase_in_it() {
    for value in ["Phases 1 through 3", "Phase 1 – Phase 3"] {
        let src = format!(
            "# Plan\n\n## Phase 1: A\n- [ ] T001 a\n## Phase 2: B\n- [ ] T002 b\n\
             ## Phase 3: C\n- [ ] T003 c\n## Phase 4: D\n\n**Depends on:** {value}\n\n\
             - [ ] T004 d\n"
        );
        let plan = parse(&src);
        let waited: Vec<_> = plan.phases[3]
            .depends_on
            .iter()
            .map(|d| match &d.target {
                RefTarget::Phase { number, .. } => number.to_string(),
                RefTarget::Task(id) => panic!("a task, {id}"),
            })
            .collect();
        assert_eq!(waited, ["1", "2", "3"], "{value}");
    }
}

#[test]
fn a_phase_sentence_waits_for_every_phase_of_a_worded_range() {
    let src = "\
# Plan

Phase 4 depends on Phases 1 through 3.
Phase 1 through Phase 2 blocks Phase 3.

## Phase 1: A
- [ ] T001 a
## Phase 2: B
- [ ] T002 b
## Phase 3: C
- [ ] T003 c
## Phase 4: D
- [ ] T004 d
";
    let plan = parse(src);
    assert_eq!(
        deps(src, &plan),
        [
            "Phase 3 <- Phase 1 \"Phase 1\"",
            "Phase 3 <- Phase 2 \"Phase 2\"",
            "Phase 4 <- Phase 1 \"Phases 1\"",
            "Phase 4 <- Phase 2 \"3\"",
            "Phase 4 <- Phase 3 \"3\"",
        ]
    );
}

#[test]
fn a_worded_range_of_another_documents_phases_names_none_of_ours() {
    let src = "\
# Plan

Phase 3 depends on Phases 1 through 2 of the vendor's rollout guide.

## Phase 1: A
- [ ] T001 a
## Phase 2: B
- [ ] T002 b
## Phase 3: C
- [ ] T003 c
";
    let plan = parse(src);
    assert_eq!(deps(src, &plan), Vec::<String>::new());
}
