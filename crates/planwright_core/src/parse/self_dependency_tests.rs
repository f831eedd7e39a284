//! Reader tests of a phase naming itself where it states its
//! dependencies: kept, as a wait on itself, when it declares that and
//! nothing else; left out where it is prose about the phase.

use super::dependency_tests::phase_deps;
use super::*;

/// What the phase titled `title` depends on, as labels and written text.
fn deps_of<'s>(src: &'s str, title: &str) -> Vec<(Text, &'s str)> {
    let plan = parse(src);
    let i = plan
        .phases
        .iter()
        .position(|p| p.title == title)
        .unwrap_or_else(|| panic!("no phase {title}"));
    phase_deps(&plan, src, i)
}

#[test]
fn a_phase_declaring_only_itself_depends_on_itself() {
    let fields = "\
# Garden plan

## Phase 1: Soil
**Dependencies:** Phase 1
- [ ] T010 Dig the beds

## Phase 2: Seeds
Dependencies: Phase 2, Phase 2
- [ ] T020 Sow the carrots

## Phase 3: Water
Depends on Phase 3.
- [ ] T030 Lay the hose

### Phase 4: Harvest (depends on Phase 4)
- [ ] T040 Pick the carrots
";
    assert_eq!(deps_of(fields, "Soil"), [("Phase 1".into(), "Phase 1")]);
    // Written twice, it is one wait.
    assert_eq!(deps_of(fields, "Seeds"), [("Phase 2".into(), "Phase 2")]);
    assert_eq!(deps_of(fields, "Water"), [("Phase 3".into(), "Phase 3")]);
    assert_eq!(deps_of(fields, "Harvest"), [("Phase 4".into(), "Phase 4")]);
    // Any kind of phase: a sprint's field naming that sprint.
    let sprint = "# P\n\n## Sprint 5: Polish\n**Prerequisites:** Sprint 5\n- [ ] Tidy up\n";
    assert_eq!(deps_of(sprint, "Polish"), [("Sprint 5".into(), "Sprint 5")]);
}

#[test]
fn a_phase_named_in_prose_about_it_is_no_dependency() {
    let src = "\
# Garden plan

## Phase 1: Soil
- [ ] T010 Dig the beds

## Phase 2: Seeds
**Dependencies:** Phase 1, Phase 2
- [ ] T020 Sow the carrots

## Phase 3: Water
**Dependencies:** Phases 1-3
- [ ] T030 Lay the hose

## Phase 4: Weeding
Requires Phase 4 sign-off from the gardener.
- [ ] T040 Pull the weeds

## Phase 5: Fence (after Phase 5 survey)
- [ ] T050 Put up posts

## Phase 6: Harvest
Phase 6 complete when the baskets are full.
**Exit criteria:** Phase 6 complete
- Phase 7 (depends on Phase 6): the market stall
- [ ] T060 Pick the carrots

## Phase 7: Market
**Dependencies:** Phase 6 is done; Phase 5 does not block Phase 7
- [ ] T070 Sell the carrots
";
    // Named among others, the phase itself is left out, the others kept.
    assert_eq!(deps_of(src, "Seeds"), [("Phase 1".into(), "Phase 1")]);
    let water: Vec<Text> = deps_of(src, "Water").into_iter().map(|d| d.0).collect();
    assert_eq!(water, ["Phase 1", "Phase 2"]);
    // After a verb that opens other prose too, an exit criterion.
    assert_eq!(deps_of(src, "Weeding"), []);
    // (A bracket not read as a dependency stays in the title.)
    assert_eq!(deps_of(src, "Fence (after Phase 5 survey)"), []);
    // Its own exit criterion, and a later phase's dependency written in
    // its section, are not its dependencies.
    assert_eq!(deps_of(src, "Harvest"), []);
    assert_eq!(deps_of(src, "Market"), [("Phase 6".into(), "Phase 6")]);
}

#[test]
fn what_other_phases_say_never_makes_a_phase_wait_for_itself() {
    // A dependency section, a phase sentence and "this phase" speak for
    // phases read from the words around them (`all user stories`, a
    // story's number), where a phase of the group may be the one that
    // waits: none of that is a declaration of its own.
    let src = "\
# P

## Phase 1: Setup
This phase depends on Phase 1.
- [ ] T001 a

## Phase 2: Build
- [ ] T002 b

## Phase Dependencies
- Phase 2 depends on Phase 2
";
    assert_eq!(deps_of(src, "Setup"), []);
    assert_eq!(deps_of(src, "Build"), []);
}
