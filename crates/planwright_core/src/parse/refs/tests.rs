//! The dependency recognisers on values, lines and task texts.

use super::*;

fn refs(value: &str) -> Vec<Text> {
    references(value, 0)
        .into_iter()
        .map(|r| r.target.label())
        .collect()
}

#[test]
fn dependency_references() {
    assert_eq!(refs("Phase 1 complete"), ["Phase 1"]);
    assert_eq!(refs("Phases 2 + 3"), ["Phase 2", "Phase 3"]);
    assert_eq!(
        refs("Phases 1-4"),
        ["Phase 1", "Phase 2", "Phase 3", "Phase 4"]
    );
    // An en or em dash between the numbers is a range too.
    assert_eq!(refs("Phases 1–3"), ["Phase 1", "Phase 2", "Phase 3"]);
    assert_eq!(refs("Phases 1—3"), ["Phase 1", "Phase 2", "Phase 3"]);
    assert_eq!(refs("None"), Vec::<String>::new());
    assert_eq!(refs("Depends on T012"), ["T012"]);
    assert_eq!(refs("Step 2, T-004"), ["Step 2", "T-004"]);
    assert_eq!(refs("Phase 1 and Phase 2"), ["Phase 1", "Phase 2"]);
    assert_eq!(refs("after T231.15."), ["T231.15"]);
    // Ranges point at what was written.
    let r = references("Phase 1 complete", 10);
    assert_eq!(r[0].range, TextRange::new(10, 17));
}

#[test]
fn what_would_only_help_is_not_waited_for() {
    assert_eq!(
        refs("Requires Phase 1 complete. Enhanced by Phase 2 (colors)."),
        ["Phase 1"]
    );
    assert_eq!(refs("Phase 1; optionally uses Phase 2"), ["Phase 1"]);
    assert_eq!(refs("Phase 1, benefits from Phase 2"), ["Phase 1"]);
    // A remark after a reference takes it back, and only it.
    assert_eq!(refs("Phase 1 (optional), Phase 2"), ["Phase 2"]);
    assert_eq!(refs("Phase 2, Phase 1 [nice to have]"), ["Phase 2"]);
    assert_eq!(refs("T001 (optional dependency); T002"), ["T002"]);
    assert_eq!(refs("Phase 3 (soft launch)"), ["Phase 3"]);
    // "after" joins the soft words to what they name, not a new wait.
    assert_eq!(refs("Phase 1. Nice to have after Phase 3"), ["Phase 1"]);
    // Past brackets, to the sentence's end.
    assert_eq!(
        refs("Requires Phase 2 (Core). Enhanced by Phase 5 (Dates) and Phase 6 (Priority)."),
        ["Phase 2"]
    );
    // The wait comes back with the next clause.
    assert_eq!(
        refs("Enhanced by Phase 2 (colors); requires Phase 1"),
        ["Phase 1"]
    );
    // "once" names a wait again.
    assert_eq!(
        refs("Enhanced by Phase 1 once Phase 2 is done"),
        ["Phase 2"]
    );
    // Only with the word that makes them soft: "enhanced" alone is a
    // word of the phase's name.
    assert_eq!(refs("Requires enhanced Phase 2"), ["Phase 2"]);
    // Said after what it softens, "nice to have" softens that, and
    // nothing after it.
    assert_eq!(refs("Phase 1 (nice to have) and Phase 2"), ["Phase 2"]);
}

#[test]
fn a_value_that_says_none_names_nothing_whatever_follows() {
    for none in [
        "None (independent of Phase 1, can run in parallel)",
        "None – can start after Phase 1 ships",
        "N/A (Phase 2 covers it)",
        "n/a",
        "- (see Phase 1)",
        "—",
        "No dependencies on Phase 1",
        "No external dependencies; Phase 2 in parallel",
        "_None_",
        "Depends on: None (T001 is unrelated)",
        "**Dependencies**: none",
    ] {
        assert_eq!(refs(none), Vec::<String>::new(), "{none}");
    }
    // Words that only begin like it are no "None".
    assert_eq!(refs("Nonetheless Phase 1"), ["Phase 1"]);
    assert_eq!(refs("Notable: Phase 1"), ["Phase 1"]);
}

#[test]
fn a_negated_mention_is_no_dependency() {
    assert_eq!(
        refs("independent of Phase 1, can run in parallel"),
        Vec::<String>::new()
    );
    assert_eq!(
        refs("Sprint 2 does not block Sprint 3"),
        Vec::<String>::new()
    );
    assert_eq!(
        refs(
            "Sprint 1 complete (TRIAGE status). Sprint 2 does not block Sprint 3 -- backend can proceed"
        ),
        ["Sprint 1"]
    );
    assert_eq!(refs("Phase 1; not blocked by Phase 2"), ["Phase 1"]);
    assert_eq!(refs("Phase 3, no dependency on Phase 2"), ["Phase 3"]);
    assert_eq!(refs("Phase 1 (runs in parallel with Phase 2)"), ["Phase 1"]);
    assert_eq!(refs("Phase 4 doesn't depend on T003, T004"), ["Phase 4"]);
    assert_eq!(
        refs("Phase 1 and Phase 2 don't block this"),
        Vec::<String>::new()
    );
    // The negation ends with its clause, or where a wait is named again.
    assert_eq!(
        refs("independent of Phase 1 but needs Phase 2"),
        ["Phase 2"]
    );
    assert_eq!(refs("independent of Phase 1; T005"), ["T005"]);
    assert_eq!(refs("Phase 2 not started yet"), ["Phase 2"]);
}

#[test]
fn a_not_before_a_reference_takes_it_back_to_the_comma() {
    assert_eq!(refs("Phase 2, not Phase 1"), ["Phase 2"]);
    assert_eq!(refs("Phase 2 (not Phase 1)"), ["Phase 2"]);
    assert_eq!(refs("Phase 3 but not Phases 1 or 2"), ["Phase 3"]);
    assert_eq!(refs("T005, not T004, T006"), ["T005", "T006"]);
    assert_eq!(refs("T005 and not T-004"), ["T005"]);
    // "not" before anything but a reference takes nothing back.
    assert_eq!(
        refs("Phase 1 (not yet started), Phase 2"),
        ["Phase 1", "Phase 2"]
    );
    assert_eq!(refs("not only Phase 1 but Phase 2"), ["Phase 1", "Phase 2"]);
    assert_eq!(
        refs("Phase 3 must not start before Phase 2"),
        ["Phase 3", "Phase 2"]
    );
    // Inside a wider negation it changes nothing: the wider one holds on.
    assert_eq!(
        refs("independent of Phase 1, not Phase 2, and Phase 4"),
        Vec::<String>::new()
    );
}

#[test]
fn a_number_with_a_unit_after_a_phase_is_no_phase() {
    assert_eq!(refs("Phase 1, 2 weeks after kickoff"), ["Phase 1"]);
    assert_eq!(refs("Phase 1 and 2 days of QA"), ["Phase 1"]);
    assert_eq!(refs("Phase 1 - 2 sprints"), ["Phase 1"]);
    assert_eq!(refs("Phases 1-2 (3 months)"), ["Phase 1", "Phase 2"]);
    // Lists of phase numbers stay lists.
    assert_eq!(refs("Phases 2 + 3"), ["Phase 2", "Phase 3"]);
    assert_eq!(refs("Phase 1, 2 and 3"), ["Phase 1", "Phase 2", "Phase 3"]);
    assert_eq!(refs("Phase 1, T012"), ["Phase 1", "T012"]);
}

#[test]
fn a_range_of_ids_is_read_whole_as_one_reference() {
    // One reference, shown as written.
    assert_eq!(refs("depends on T001-T003"), ["T001-T003"]);
    assert_eq!(refs("T001–T003"), ["T001-T003"]);
    assert_eq!(refs("T001 – T003, T007"), ["T001-T003", "T007"]);
    assert_eq!(refs("T8-T10"), ["T8-T10"]);
    assert_eq!(refs("T010-012"), ["T010-T012"]);
    assert_eq!(refs("after 1.1-1.3"), ["1.1-1.3"]);
    assert_eq!(refs("M001..M003"), ["M001-M003"]);
    // Written backwards it still names the ids between (a task waiting
    // on its two ends alone would start while T004 is open).
    assert_eq!(refs("T005-T003"), ["T003-T005"]);
    // Different prefixes or padding that disagrees are two ids, not a
    // range.
    assert_eq!(refs("T001-M003"), ["T001", "M003"]);
    assert_eq!(refs("T001-T12"), ["T001", "T12"]);
    // It points at the whole range.
    let r = references("T001-T003", 5);
    let ranges: Vec<TextRange> = r.iter().map(|r| r.range).collect();
    assert_eq!(ranges, [TextRange::new(5, 14)]);
    // The model keeps its key, which reads back as the range written.
    assert_eq!(r[0].target, RefTarget::Task("T001..T003".into()));
    let range = TaskRange::parse("T010..T012");
    assert_eq!(range.map(|r| (r.from, r.to, r.width)), Some((10, 12, 3)));
}

#[test]
fn a_hostile_range_is_one_reference() {
    // A billion ids are one reference, not a billion, nor a thousand.
    assert_eq!(refs("T1-T999999999"), ["T1-T999999999"]);
    // A line of ranges is a reference per range written: no more than
    // the line has bytes.
    let many = "T1-T999999, ".repeat(10_000);
    let r = refs(&many);
    assert_eq!(r.len(), 10_000);
    assert!(r.iter().all(|k| k == "T1-T999999"));
    // Numbers too long for any integer are no range.
    assert_eq!(
        refs("T1-T99999999999999999999999").len(),
        2,
        "two ids, no range"
    );
}

#[test]
fn every_task_id_shape_is_read() {
    assert_eq!(refs("depends on M001"), ["M001"]);
    assert_eq!(refs("depends on TASK-1, TASK-2"), ["TASK-1", "TASK-2"]);
    assert_eq!(refs("B1.1 and B1.2"), ["B1.1", "B1.2"]);
    assert_eq!(refs("depends on 1.1"), ["1.1"]);
    assert_eq!(refs("after 1.1, 2.3 and 4.1.2"), ["1.1", "2.3", "4.1.2"]);
    // Numbers stand for ids only where an id is expected, and one capital
    // with one digit other than T's is a thing.
    assert_eq!(refs("depends on Node 18.1"), Vec::<String>::new());
    assert_eq!(refs("after 1.5 days"), Vec::<String>::new());
    assert_eq!(refs("requires S3 and API keys"), Vec::<String>::new());
    assert_eq!(refs("T1 and US1"), ["T1"]);
}

#[test]
fn dependency_fields_in_every_spelling() {
    for line in [
        "Dependencies: Phase 1",
        "**Dependencies**: Phase 1",
        "**Dependencies:** Phase 1",
        "_Dependencies_: Phase 1",
        "*Depends on*: Phase 1",
        "**Prerequisite**: Phase 1",
        "**Prerequisites**: Phase 1",
        "**Pre-requisites**: Phase 1",
        "**Requires**: Phase 1",
        "**Deps**: Phase 1",
        "**Blocked by**: Phase 1",
        "Depends On: Phase 1",
        "DEPENDENCIES：Phase 1",
    ] {
        let at = dependency_field(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(line[at..].trim(), "Phase 1", "{line}");
    }
    for line in [
        "Dependencies",
        "Dependencies are listed below: none",
        "Dependencyless: x",
        "The dependencies: Phase 1",
        "****Dependencies: Phase 1",
    ] {
        assert_eq!(dependency_field(line), None, "{line}");
    }
}

#[test]
fn mentions_in_a_task_text() {
    let found = |text: &str| -> Vec<(String, bool)> {
        let mut out = Vec::new();
        mentions(text, |m| {
            out.push((text[m.value.0..m.value.1].to_owned(), m.read_by_task_line));
        });
        out
    };
    assert_eq!(
        found("T003 deploy (depends on Phase 1) and document Phase 3"),
        [("Phase 1".to_owned(), true)]
    );
    assert_eq!(
        found("T002 second\n  **Dependencies**: T001\n"),
        [("T001".to_owned(), false)]
    );
    assert_eq!(
        found("T002 second\n**Dependencies:** T001"),
        [("T001".to_owned(), true)]
    );
    assert_eq!(
        found("_Dependencies_: T001, Phase 2"),
        [("T001, Phase 2".to_owned(), false)]
    );
    // A key needs its colon, a phrase its whole words, and a negation
    // takes a phrase back.
    assert_eq!(found("T004 Install dependencies for Phase 2"), []);
    assert_eq!(found("T005 Hereafter Phase 2"), []);
    assert_eq!(found("T006 not blocked by Phase 1"), []);
    // Each value ends where the next key starts.
    assert_eq!(
        found("Depends on T001 after Phase 2"),
        [("T001 ".to_owned(), true), ("Phase 2".to_owned(), true)]
    );
}

#[test]
fn a_task_names_a_phase_in_any_case_with_its_number() {
    let src = "\
## Phase 1: A
- [ ] T001 a
## Phase 3: C
- [ ] T007 Deploy to staging (depends on phase 1)
- [ ] T008 Deploy, depends on phase 2
- [ ] T009 Ship (depends on PHASE 1)
- [ ] T010 Tidy up, blocked by stage 2
- [ ] T011 Plan the next phase (depends on the next phase)
- [ ] T012 Split into phases (after phase one)
";
    let plan = crate::parse::parse(src);
    let waits = crate::parse::tests::phase_waits(&plan, src);
    assert_eq!(
        waits,
        [
            (1, "Phase 1".into(), "phase 1"),
            (2, "Phase 2".into(), "phase 2"),
            (3, "Phase 1".into(), "PHASE 1"),
            (4, "Stage 2".into(), "stage 2"),
        ]
    );
    // Phases are no task ids.
    assert!(plan.tasks.iter().all(|t| t.depends_on.is_empty()));
}

#[test]
fn a_crossed_out_or_no_longer_dependency_is_none() {
    let src = "\
## Phase 1: A
- [ ] T001 a
## Phase 2: B
- [ ] T002 Models (no longer depends on Phase 1)
- [ ] T003 Styles (~~depends on phase 1~~)
- [ ] T004 Views ~~Blocked by: T001~~ now free
- [ ] T005 Cache (depends on Phase 1)
- [ ] T006 Docs, no longer blocked; depends on T005
";
    let plan = crate::parse::parse(src);
    let waits = crate::parse::tests::phase_waits(&plan, src);
    assert_eq!(waits, [(4, "Phase 1".into(), "Phase 1")]);
    let deps: Vec<(&str, Vec<&str>)> = plan
        .tasks
        .iter()
        .map(|t| {
            (
                t.id.as_str(),
                t.depends_on
                    .iter()
                    .map(compact_str::CompactString::as_str)
                    .collect(),
            )
        })
        .filter(|(_, d): &(&str, Vec<&str>)| !d.is_empty())
        .collect();
    assert_eq!(deps, [("T006", vec!["T005"])]);
}

#[test]
fn a_numbered_id_after_the_word_task_is_a_task() {
    assert_eq!(refs("depends on task 3.2"), ["3.2"]);
    assert_eq!(refs("after tasks 3.2 and 3.4"), ["3.2", "3.4"]);
    assert_eq!(refs("depends on Subtask 1.1"), ["1.1"]);
    // Elsewhere a dotted number is a version or a size.
    assert_eq!(refs("needs Node 18.1"), Vec::<String>::new());
    assert_eq!(refs("after task 1.5 days"), Vec::<String>::new());
}

#[test]
fn a_whole_number_after_the_word_task_is_a_task() {
    // Kiro's top-level tasks are numbered 1, 2, 3.
    assert_eq!(refs("depends on task 3"), ["3"]);
    assert_eq!(refs("Depends on Task 2."), ["2"]);
    assert_eq!(refs("after tasks 1 and 2"), ["1", "2"]);
    assert_eq!(refs("after tasks 1, 2 and 4.1"), ["1", "2", "4.1"]);
    assert_eq!(refs("after tasks 1-3"), ["1-3"]);
    // Only right after the word, in the list it opens: elsewhere a whole
    // number is a count, a size or a version.
    assert_eq!(refs("depends on task 2 of 5"), ["2"]);
    assert_eq!(refs("task 1 then 2"), ["1"]);
    for text in [
        "depends on 3",
        "after task 2 days",
        "after task 1,000",
        "requires task 3 engineers",
        "needs Node 18",
    ] {
        assert_eq!(refs(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn a_range_of_whole_numbers_is_read_whichever_way_it_is_joined() {
    for text in [
        "after tasks 2-4",
        "after tasks 2–4",
        "after tasks 2—4",
        "after tasks 2 – 4",
        "after tasks 2 to 4",
        "after tasks 2 through 4",
        "after Tasks 2 Through 4.",
    ] {
        assert_eq!(refs(text), ["2-4"], "{text}");
    }
    let r = references("tasks 2 to 4", 0);
    assert_eq!(r[0].target, RefTarget::Task("2..4".into()));
    assert_eq!(r[0].range, TextRange::new(6, 12));
    // The other end is a task as the first is, not a count or a version.
    assert_eq!(refs("after task 1 to 3 days"), ["1"]);
    assert_eq!(refs("after task 2 to 4.5"), ["2"]);
    assert_eq!(refs("after task 2 to finish"), ["2"]);
}

#[test]
fn ids_with_letters_join_by_any_dash_or_word() {
    assert_eq!(refs("T001—T003"), ["T001-T003"]);
    assert_eq!(refs("T001 through T003"), ["T001-T003"]);
    // Only the digits of the other end still need a bare hyphen.
    assert_eq!(refs("T010 to 012"), ["T010"]);
}

#[test]
fn a_word_runs_over_ascii_then_joiners_and_letters_beyond() {
    assert_eq!(word_end("doesn't stop", 0), 7);
    assert_eq!(word_end("pre-requisite x", 0), 13);
    assert_eq!(word_end("café au", 0), "café".len());
    assert_eq!(word_end("don’t go", 0), "don’t".len());
    assert_eq!(word_end("ab- c", 0), 2);
    assert_eq!(word_end("x -y", 2), 2);
}

#[test]
fn hints_name_phases_by_word_or_number_and_colons() {
    let h = |text: &str, from| hints(text, Some(from));
    assert!(h("T001 Build after Phase 2", 5).phase);
    assert!(h("T001 build after phase 2", 5).phase);
    assert!(h("T001 build after STAGES 2-3", 5).phase);
    assert!(!h("T001 the next phase", 5).phase);
    // Before the task's own text.
    assert!(!h("Phase 2 T001 build", 8).phase);
    assert_eq!(
        h("T001 Deps: T000", 5),
        Hints {
            colon: true,
            phase: false
        }
    );
    assert_eq!(h("**T001**: build", 9), Hints::default());
    assert!(hints("x: y", None).colon);
}

#[test]
fn a_link_destination_names_nothing() {
    assert_eq!(refs("[Phase 1](#phase-1-setup)"), ["Phase 1"]);
    assert_eq!(refs("[T001](a_(T002).md), [T003](#t3)"), ["T001", "T003"]);
    // Brackets and parentheses that make no link are read as before.
    assert_eq!(refs("Phase 1 [core] (Phase 2)"), ["Phase 1", "Phase 2"]);
}

#[test]
fn a_lettered_phase_is_named_by_its_number_alone() {
    let named = [
        (PhaseKind::Milestone, Text::from("R1")),
        (PhaseKind::Milestone, Text::from("R2")),
    ];
    let named_refs = |value: &str| -> Vec<Text> {
        references_naming(value, 0, &mut MAX_EXPANDED.clone(), &named)
            .into_iter()
            .map(|r| r.target.label())
            .collect()
    };
    assert_eq!(named_refs("R1"), ["Milestone R1"]);
    assert_eq!(named_refs("R2 and T004"), ["Milestone R2", "T004"]);
    // Numbered with the plan's letters, a milestone it lacks; a task's id
    // stays one, and other letters name no phase.
    assert_eq!(named_refs("R7, R001"), ["Milestone R7", "R001"]);
    assert_eq!(named_refs("Q3 budget"), Vec::<Text>::new());
    // Without such phases, the number names nothing.
    assert_eq!(refs("R1"), Vec::<Text>::new());
}
