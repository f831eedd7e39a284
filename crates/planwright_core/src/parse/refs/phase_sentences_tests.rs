//! Phase dependencies written as sentences: what the reader takes from a
//! line, and where a whole plan's phases get them.

use std::fmt::Write as _;

use super::super::order::tests::deps;
use super::super::{first_stem, order_word};
use super::{Party, phase_sentences};
use crate::parse::parse;

/// The sentences of `text` as `waiting <- waited [sentence]`, each party
/// as the words it was read from.
fn read(text: &str) -> Vec<String> {
    let mut budget = 1000;
    let words = |parties: &[Party]| {
        parties
            .iter()
            .map(|p| match p {
                Party::This { range, .. } => format!("this:{}", range.slice(text)),
                Party::Phase(r) => format!("{}:{}", r.target.label(), r.range.slice(text)),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    // As the builder finds where to read (see `finish_inline`).
    let Some(stem) = first_stem(text).or_else(|| order_word(text)) else {
        return Vec::new();
    };
    phase_sentences(text, stem, 0, &mut budget)
        .iter()
        .map(|s| {
            format!(
                "{} <- {} [{}]",
                words(&s.waiting),
                words(&s.waited),
                s.range.slice(text)
            )
        })
        .collect()
}

fn plan_deps(src: &str) -> Vec<String> {
    deps(src, &parse(src))
}

#[test]
fn a_phase_or_this_phase_opening_a_sentence_before_the_verb_is_its_subject() {
    assert_eq!(
        read("Phase 2 depends on Phase 1."),
        ["Phase 2:Phase 2 <- Phase 1:Phase 1 [Phase 2 depends on Phase 1]"]
    );
    assert_eq!(
        read("- **Phase 3** requires **Phase 2**"),
        ["Phase 3:Phase 3 <- Phase 2:Phase 2 [Phase 3** requires **Phase 2]"]
    );
    assert_eq!(
        read("Builds the API. This phase is blocked by Phase 2; it ships after."),
        ["this:This phase <- Phase 2:Phase 2 [This phase is blocked by Phase 2]"]
    );
    assert_eq!(
        read("This stage also depends on Stage B and Stage C."),
        [
            "this:This stage <- Stage B:Stage B, Stage C:Stage C [This stage also depends on Stage B and Stage C]"
        ]
    );
    // "It" may be the phase or a thing it makes: no subject.
    assert!(read("It also depends on Phase 1's schema.").is_empty());
    assert_eq!(
        read("Phases 3 and 4 depend on Phases 1-2."),
        [
            "Phase 3:Phases 3, Phase 4:4 <- Phase 1:Phases 1, Phase 2:2 \
             [Phases 3 and 4 depend on Phases 1-2]"
        ]
    );
}

#[test]
fn blocks_makes_its_object_wait() {
    assert_eq!(
        read("Phase 1 blocks Phase 2 and Phase 3."),
        [
            "Phase 2:Phase 2, Phase 3:Phase 3 <- Phase 1:Phase 1 [Phase 1 blocks Phase 2 and Phase 3]"
        ]
    );
    assert_eq!(
        read("This sprint blocks Sprint 4."),
        ["Sprint 4:Sprint 4 <- this:This sprint [This sprint blocks Sprint 4]"]
    );
}

#[test]
fn prose_and_negations_state_no_order() {
    for text in [
        "Phase 3 does not depend on Phase 2.",
        "Phase 3 no longer depends on Phase 2.",
        "Phase 3 is not blocked by Phase 2.",
        "Work in this phase can depend on Phase 1's outputs.",
        "The rollout depends on Phase 1 going well.",
        "This phase depends on the completion of Phase 1.",
        "Then Phase 3 depends on Phase 2.",
        "Phase 3 work depends on Phase 2.",
        "Phase 3 (Build) depends on Phase 2.",
        "Phase 2. It requires care, unlike Phase 1.",
        "This phase's tasks depend on Phase 1.",
        "Its output depends on Phase 1.",
        "Stage 3 block diagrams show Stage 2.",
        "Phase 3 depends on T002.",
    ] {
        assert_eq!(read(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn the_object_is_only_the_phases_listed_right_after_the_verb() {
    for text in [
        "Phase 3 depends on Phase 1, not Phase 2.",
        "Phase 3 depends on Phase 1 rather than Phase 2.",
        "Phase 3 depends on Phase 1 instead of Phase 2.",
        "Phase 3 depends on Phase 1, unlike Phase 4.",
        "Phase 3 depends on Phase 1 but Phase 4 does not.",
        // A phase the text goes on to say something of opens a clause.
        "Phase 3 depends on Phase 1 and Phase 4 requires Phase 3.",
        "Phase 3 depends on Phase 1, Phase 4 is done.",
    ] {
        assert_eq!(
            read(text),
            ["Phase 3:Phase 3 <- Phase 1:Phase 1 [Phase 3 depends on Phase 1]"],
            "{text}"
        );
    }
    assert_eq!(
        read("Phase 3 blocks Phase 4 while Phase 2 continues."),
        ["Phase 4:Phase 4 <- Phase 3:Phase 3 [Phase 3 blocks Phase 4]"]
    );
    // Listed on, through joiners and ranges.
    assert_eq!(
        read("Phase 4 depends on Phase 1, Phase 2 and Phase 3 being done."),
        ["Phase 4:Phase 4 <- Phase 1:Phase 1, Phase 2:Phase 2 \
             [Phase 4 depends on Phase 1, Phase 2]"]
    );
    assert_eq!(
        read("Phase 4 depends on Phases 1-2 and Phase 3."),
        [
            "Phase 4:Phase 4 <- Phase 1:Phases 1, Phase 2:2, Phase 3:Phase 3 \
             [Phase 4 depends on Phases 1-2 and Phase 3]"
        ]
    );
}

#[test]
fn questions_and_other_documents_phases_state_no_order() {
    for text in [
        "Phase 3 depends on Phase 2? Ask the API team.",
        "- Phase 3 depends on Phase 2, right?",
        "Phase 1 requires Step 3 of the vendor's install guide.",
        "Phase 2 depends on Phase 3 of the billing roadmap.",
        "Phase 2 depends on Phases 3-4 of the billing roadmap.",
        "Phase 2 of the roadmap depends on Phase 1.",
        "Some wait, e.g. Phase 3 depends on Phase 2.",
        "See the notes, i.e. Phase 3 depends on Phase 2 there, etc. Phase 4 blocks Phase 5 vs. Phase 6 requires Phase 1.",
    ] {
        assert_eq!(read(text), Vec::<String>::new(), "{text}");
    }
    // The phases listed before another document's stay.
    assert_eq!(
        read("Phase 4 depends on Phase 1 and Phases 2-3 of the roadmap."),
        ["Phase 4:Phase 4 <- Phase 1:Phase 1 [Phase 4 depends on Phase 1]"]
    );
    // A question elsewhere on the line asks nothing of this sentence.
    assert_eq!(
        read("Phase 3 depends on Phase 2. Why? It needs the schema."),
        ["Phase 3:Phase 3 <- Phase 2:Phase 2 [Phase 3 depends on Phase 2]"]
    );
}

#[test]
fn a_sentence_after_a_bold_label_opens_there() {
    assert_eq!(
        read("**Notes:** Phase 2 depends on Phase 1."),
        ["Phase 2:Phase 2 <- Phase 1:Phase 1 [Phase 2 depends on Phase 1]"]
    );
    assert_eq!(
        read("_Why._ Phase 2 depends on Phase 1."),
        ["Phase 2:Phase 2 <- Phase 1:Phase 1 [Phase 2 depends on Phase 1]"]
    );
}

/// The plan of the task's example, with the sentences `phase_2`,
/// `phase_3` in their phases and `overview` before them.
fn plan(overview: &str, phase_2: &str, phase_3: &str) -> String {
    format!(
        "# Plan: Sync\n\n{overview}\n\n## Phase 1: Setup\n- [ ] T001 Make repo\n\n\
         ## Phase 2: Build\n{phase_2}\n- [ ] T002 Build it\n\n\
         ## Phase 3: Ship\n{phase_3}\n- [ ] T003 Ship it\n\n\
         ## Phase 4: Polish\nDepends on: Phase 3\n- [ ] T004 Polish\n"
    )
}

#[test]
fn sentences_in_a_phase_give_it_or_the_phase_they_name_its_dependencies() {
    let src = plan(
        "",
        "Phase 2 depends on Phase 1.",
        "This phase depends on Phase 2.",
    );
    assert_eq!(
        plan_deps(&src),
        [
            r#"Phase 2 <- Phase 1 "Phase 1""#,
            r#"Phase 3 <- Phase 2 "Phase 2""#,
            r#"Phase 4 <- Phase 3 "Phase 3""#,
        ]
    );
    // After the tasks too; and a sentence naming another phase, in a
    // phase or before every phase, gives that phase the dependency.
    let src = plan(
        "Phase 2 requires Phase 1.",
        "- [ ] T005 More\n\nPhase 3 is blocked by Phase 2. Phase 9 depends on Phase 2.",
        "This phase also depends on Phase 1.",
    );
    assert_eq!(
        plan_deps(&src),
        [
            r#"Phase 2 <- Phase 1 "Phase 1""#,
            r#"Phase 3 <- Phase 2 "Phase 2""#,
            r#"Phase 3 <- Phase 1 "Phase 1""#,
            r#"Phase 4 <- Phase 3 "Phase 3""#,
        ]
    );
    let plan = parse(&src);
    let range = plan.phases[2].depends_range.map(|r| r.slice(&src));
    assert_eq!(range, Some("Phase 3 is blocked by Phase 2"));
}

#[test]
fn this_phase_blocking_another_names_the_phase_it_stands_in() {
    let src = plan("", "This phase blocks Phase 3.", "");
    assert_eq!(
        plan_deps(&src),
        [
            r#"Phase 3 <- Phase 2 "This phase""#,
            r#"Phase 4 <- Phase 3 "Phase 3""#,
        ]
    );
    // Outside any phase "this phase" names none.
    let src = plan("This phase blocks Phase 3.", "", "");
    assert_eq!(plan_deps(&src), [r#"Phase 4 <- Phase 3 "Phase 3""#]);
}

#[test]
fn this_phase_in_a_step_is_the_phase_around_it() {
    let src = "# P\n\n## Phase 1: A\n- [ ] T001 a\n\n## Phase 2: B\n\n### Step 2.1: Sub\n\
               This phase depends on Phase 1. This step requires Step 1.1.\n\n\
               ### Step 1.1: Other\n- [ ] T002 b\n";
    assert_eq!(
        plan_deps(src),
        [
            r#"Phase 2 <- Phase 1 "Phase 1""#,
            r#"Step 2.1 <- Step 1.1 "Step 1.1""#,
        ]
    );
}

#[test]
fn a_phase_s_own_field_or_a_dependency_section_comes_first() {
    // A field, before or after the sentence, and `None` too.
    let src = plan(
        "",
        "Phase 2 depends on Phase 1.\n\n**Dependencies:** None",
        "This phase depends on Phase 1.\n\nDepends on Phase 2.",
    );
    assert_eq!(
        plan_deps(&src),
        [
            r#"Phase 3 <- Phase 2 "Phase 2""#,
            r#"Phase 4 <- Phase 3 "Phase 3""#,
        ]
    );
    let section =
        "\n## Dependencies\n\n- Phase 3 depends on Phase 1\n\nPhase 2 requires Phase 1.\n";
    let src = plan("", "", "This phase depends on Phase 2.") + section;
    assert_eq!(
        plan_deps(&src),
        [
            r#"Phase 2 <- Phase 1 "Phase 1""#,
            r#"Phase 3 <- Phase 1 "Phase 1""#,
            r#"Phase 4 <- Phase 3 "Phase 3""#,
        ]
    );
    // A dependency section's bullets are `phase_order`'s, which reads
    // none whose phases the plan lacks.
    let section = "\n## Dependencies\n\n- Phase 2 depends on Phase 7\n";
    let src = plan("", "", "") + section;
    assert_eq!(plan_deps(&src), [r#"Phase 4 <- Phase 3 "Phase 3""#]);
}

#[test]
fn quoted_negated_or_task_held_sentences_link_nothing() {
    let src = plan(
        "`Phase 3 depends on Phase 1`",
        "Phase 2 does not depend on Phase 1. Phase 2 no longer depends on Phase 1.\n\
         Work in this phase can depend on Phase 1's outputs; the rollout depends on Phase 1.",
        "- [ ] T006 Check it. Phase 3 depends on Phase 1",
    );
    assert_eq!(plan_deps(&src), [r#"Phase 4 <- Phase 3 "Phase 3""#]);
}

#[test]
fn phases_quoted_as_code_name_no_side_of_a_sentence() {
    let src = plan(
        "`Phase 3 depends on Phase 2` and `Phase 4 depends on Phase 3` are read as one.",
        "`Phase 2` depends on Phase 1. Phase 2 depends on `Phase 1`.",
        "",
    );
    assert_eq!(plan_deps(&src), [r#"Phase 4 <- Phase 3 "Phase 3""#]);
    // Beside one quoted, a phase written plainly is still read.
    let src = plan("", "", "This phase depends on Phase 2 and `Phase 1`.");
    assert_eq!(
        plan_deps(&src),
        [
            r#"Phase 3 <- Phase 2 "Phase 2""#,
            r#"Phase 4 <- Phase 3 "Phase 3""#,
        ]
    );
}

#[test]
fn sentences_under_questions_or_options_weighed_state_no_order() {
    for heading in [
        "## Open Questions",
        "## Alternatives Considered",
        "## Rejected Options",
        "## Options considered\n\n### Option B",
        "## Questions for the API team",
    ] {
        let src = plan("", "", "") + &format!("\n{heading}\n\nPhase 2 depends on Phase 3.\n");
        assert_eq!(
            plan_deps(&src),
            [r#"Phase 4 <- Phase 3 "Phase 3""#],
            "{heading}"
        );
    }
    // A phase's own heading is its phase, whatever its title.
    let src = plan("", "", "")
        + "\n## Phase 5: Weigh the alternatives\n\nThis phase depends on Phase 4.\n";
    assert_eq!(
        plan_deps(&src),
        [
            r#"Phase 4 <- Phase 3 "Phase 3""#,
            r#"Phase 5 <- Phase 4 "Phase 4""#,
        ]
    );
}

/// `n` phases, then a sentence saying each waits for every one.
fn all_wait_for_all(n: usize) -> String {
    let mut src = String::from("# P\n\n");
    for k in 1..=n {
        let _ = write!(src, "## Phase {k}: P\n- [ ] T{k:03} t\n\n");
    }
    let _ = writeln!(src, "Phases 1-{n} depend on Phases 1-{n}.");
    src
}

#[test]
fn many_subjects_and_objects_stay_within_the_budget() {
    let src = all_wait_for_all(30);
    let total: usize = parse(&src).phases.iter().map(|p| p.depends_on.len()).sum();
    // Every phase waits for every other, none for itself.
    assert_eq!(total, 30 * 29);
    // A hundred phases waiting for each other would make more waits than
    // the text has bytes (and the reader's few thousand): some are left.
    let src = all_wait_for_all(100);
    let total: usize = parse(&src).phases.iter().map(|p| p.depends_on.len()).sum();
    assert!(total > 0);
    assert!(total <= src.len() + super::super::MAX_EXPANDED, "{total}");
}

#[test]
fn an_order_in_words_makes_the_later_phase_wait() {
    assert_eq!(
        read("1. **Phase 1** before Phase 2 because walls sit on the slab"),
        ["Phase 2:Phase 2 <- Phase 1:Phase 1 [Phase 1** before Phase 2]"]
    );
    assert_eq!(
        read("Phase 3 precedes Phase 4 and Phase 5."),
        [
            "Phase 4:Phase 4, Phase 5:Phase 5 <- Phase 3:Phase 3 [Phase 3 precedes Phase 4 and Phase 5]"
        ]
    );
    assert_eq!(
        read("Stage A must come before Stage B."),
        ["Stage B:Stage B <- Stage A:Stage A [Stage A must come before Stage B]"]
    );
    // A subject that is no phase, or words between, make it prose.
    assert!(read("Finish the slab before Phase 2.").is_empty());
    assert!(read("Phase 2 can start before Phase 1 ends.").is_empty());
    assert!(read("Phase 1 before lunch, Phase 2 after.").is_empty());
    // Found after a dependency verb's stem in the same block too.
    assert_eq!(
        read("Phase 2 depends on Phase 1.\nPhase 3 precedes Phase 4."),
        [
            "Phase 2:Phase 2 <- Phase 1:Phase 1 [Phase 2 depends on Phase 1]",
            "Phase 4:Phase 4 <- Phase 3:Phase 3 [Phase 3 precedes Phase 4]"
        ]
    );
}

#[test]
fn an_order_in_words_is_read_in_notes_and_in_a_dependency_section() {
    let src = "# Plan: House\n\n## Phase 1: Base\n- [ ] Pour the slab\n\n## Phase 2: Walls\n- [ ] Raise the walls\n\n## Phase 3: Roof\n- [ ] Roof it\n\n## Dependencies\n\n- Phase 2 must come before Phase 3\n\n## Notes\n\n1. **Phase 1** before Phase 2 because walls sit on the slab\n";
    assert_eq!(
        plan_deps(src),
        [
            r#"Phase 2 <- Phase 1 "Phase 1""#,
            r#"Phase 3 <- Phase 2 "Phase 2""#,
        ]
    );
}
