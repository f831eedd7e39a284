use crate::parse;

/// Each phase's dependencies, by id.
fn depends(src: &str) -> Vec<(String, Vec<String>)> {
    let plan = parse(src);
    plan.phases
        .iter()
        .map(|p| {
            let deps = p.depends_on.iter().map(|d| d.target.label().to_string());
            (p.id.to_string(), deps.collect())
        })
        .collect()
}

#[test]
fn a_dependency_heading_inside_a_phase_states_its_dependencies() {
    let src = "# Plan\n\n### Phase 1: Repo\n\n#### Dependencies on earlier phases\n\nNone.\n\n\
               ### Phase 2: Models\n\n#### Dependencies on earlier phases\n\n\
               Phase 1 (the repo exists, the toolchain works).\n\n\
               ### Phase 3: API\n\n#### Dependencies\n\n\
               - Phase 1 (the CLI stub), Phase 2 (event models)\n- A staging database\n";
    assert_eq!(
        depends(src),
        [
            ("Phase 1".to_owned(), vec![]),
            ("Phase 2".to_owned(), vec!["Phase 1".to_owned()]),
            (
                "Phase 3".to_owned(),
                vec!["Phase 1".to_owned(), "Phase 2".to_owned()]
            ),
        ]
    );
    let plan = parse(src);
    // "None." is the phase's word: it states that it waits for nothing.
    assert!(plan.phases[0].depends_range.is_some());
}

#[test]
fn statements_and_other_dependency_sections_state_nothing() {
    // A statement about a phase, a story-to-story section, and ids of
    // tasks are not the phase's list of what it waits for.
    let src = "# Plan\n\n## Epic 78: Tokens\n\n### Dependencies\n\n- Epic 53 is complete.\n\n\
               ## Epic 79: Themes\n\n### Internal Dependencies (Story-to-Story)\n\n79.1 then 79.2\n\n\
               ## Epic 80: Icons\n\n### Dependencies\n\n- T-006, T-007\n";
    assert!(
        depends(src).iter().all(|(_, deps)| deps.is_empty()),
        "{:?}",
        depends(src)
    );
}

#[test]
fn all_previous_phases_names_every_phase_before() {
    let src = "# Plan\n\n## Phase 1: Base\n- [ ] a\n\n## Phase 2: Walls\n- [ ] b\n\n\
               ## Phase 3: Paint\n**Dependencies**: all previous phases\n- [ ] c\n\n\
               ## Phase 4: Clean\n**Dependencies**: the previous phase\n- [ ] d\n\n\
               ## Phase 5: Party\n**Dependencies**: independent of all previous phases\n- [ ] e\n\n\
               ## Phase 6: Polish\n**Dependencies**: all desired phases\n- [ ] f\n";
    let deps = depends(src);
    assert_eq!(deps[2].1, ["Phase 1", "Phase 2"]);
    assert_eq!(
        deps[5].1,
        ["Phase 1", "Phase 2", "Phase 3", "Phase 4", "Phase 5"]
    );
    assert_eq!(deps[3].1, ["Phase 3"]);
    assert!(deps[4].1.is_empty());
    // Steps count among the steps of their own phase only.
    let steps = "# Plan\n\n## Phase 1: A\n\n### Step 1.1: x\n\n### Step 1.2: y\n\n\
                 ## Phase 2: B\n\n### Step 2.1: z\n\n### Step 2.2: w\n**Depends on:** all prior steps\n";
    let deps = depends(steps);
    let last = deps.last().unwrap();
    assert_eq!(
        (last.0.as_str(), &last.1[..]),
        ("Step 2.2", &["Step 2.1".to_owned()][..])
    );
}
