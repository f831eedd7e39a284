//! Tests of the heading reader: titles, sections, and phases opened by
//! headings and bold lines.

use crate::parse;

/// The title and what its range slices to.
fn title(src: &str) -> (String, String) {
    let plan = parse(src);
    let t = plan.title.expect("a title");
    (t.text.to_string(), t.range.slice(src).to_owned())
}

#[test]
fn the_title_range_slices_to_the_title_as_written() {
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        title("# Tasks: Plain title\n"),
        pair("Plain title", "Plain title")
    );
    assert_eq!(
        title("# Tasks: **Bold** title\n"),
        pair("Bold title", "**Bold** title")
    );
    assert_eq!(title("# *All* `code`\n"), pair("All code", "*All* `code`"));
    assert_eq!(
        title("# Plan: [Sync](x.md)\n"),
        pair("Sync", "[Sync](x.md)")
    );
    // The prefix's word again in the title is not taken for it.
    assert_eq!(title("# Plan: Plan B ##\n"), pair("Plan B", "Plan B"));
    assert_eq!(title("# #1 \\*star\n"), pair("#1 *star", "#1 \\*star"));
    assert_eq!(
        title("Sync\nengine\n====\n"),
        pair("Sync engine", "Sync\nengine")
    );
    // The reader keeps entities as written.
    assert_eq!(title("# Tasks: &copy; A\n"), pair("&copy; A", "&copy; A"));
    // Inline HTML reads as nothing: the space before it is trimmed off
    // the title, and off its range.
    let quoted = "Plan with \"quotes\" &";
    assert_eq!(
        title("# Plan with \"quotes\" & <tags>\n"),
        pair(quoted, quoted)
    );
    assert_eq!(title("# Title <!-- note -->\n"), pair("Title", "Title"));
}

#[test]
fn outcome_lists_are_criteria_not_work() {
    use crate::TaskKind;
    let plan = parse(
        "# P\n\n## Phase 1: Build\n\n- [ ] Write it\n\n### Success Criteria\n\n- [ ] All tests pass\n\n## Week 1 Metrics\n\n- [ ] p95 under 200 ms\n\n## Observability & Metrics\n\n- [ ] Add a dashboard\n",
    );
    let kinds: Vec<_> = plan.tasks.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            TaskKind::Task,
            TaskKind::AcceptanceCriterion,
            TaskKind::AcceptanceCriterion,
            TaskKind::Task,
        ]
    );
}

/// Each phase as `id < parent [tasks] first line .. last line`, the
/// lines being those its range slices to.
fn phases(src: &str) -> Vec<String> {
    let plan = parse(src);
    plan.phases
        .iter()
        .map(|p| {
            let text = p.range.slice(src).trim_end();
            let parent = p.parent.map_or("-", |i| plan.phases[i].id.as_str());
            let tasks: Vec<&str> = p
                .tasks
                .iter()
                .map(|&t| plan.tasks[t].text.as_str())
                .collect();
            let first = text.lines().next().unwrap_or_default();
            let last = text.lines().last().unwrap_or_default();
            format!("{} < {parent} {tasks:?} {first} .. {last}", p.id)
        })
        .collect()
}

/// Each phase's dependencies as `Phase N <- Phase M "words" in "range"`.
fn phase_deps(src: &str) -> Vec<String> {
    let plan = parse(src);
    plan.phases
        .iter()
        .flat_map(|p| {
            let range = p.depends_range.map_or("", |r| r.slice(src));
            p.depends_on.iter().map(move |d| {
                let words = d.range.slice(src);
                format!("{} <- {} {words:?} in {range:?}", p.id, d.target.label())
            })
        })
        .collect()
}

#[test]
fn a_bold_phase_with_its_dependency_in_brackets_heads_a_phase() {
    let src = "# P\n\n**Phase 1: Setup**\n\n- [ ] a\n\n**Phase 2: Build** (depends on Phase 1)\n\n- [ ] b\n";
    assert_eq!(
        phases(src),
        [
            r#"Phase 1 < - ["a"] **Phase 1: Setup** .. - [ ] a"#,
            r#"Phase 2 < - ["b"] **Phase 2: Build** (depends on Phase 1) .. - [ ] b"#,
        ]
    );
    assert_eq!(
        phase_deps(src),
        [r#"Phase 2 <- Phase 1 "Phase 1" in "Phase 1""#]
    );
    assert_eq!(parse(src).phases[1].title, "Build");
}

#[test]
fn a_bold_phase_followed_by_other_words_is_not_a_head() {
    for tail in [
        "(see Phase 1)",
        "depends on Phase 1",
        "(depends on Phase 1) and more",
        "and then (depends on Phase 1)",
        "(notes) (depends on Phase 1)",
        "(depends on Phase 1) and more)",
    ] {
        let src = format!(
            "# P\n\n**Phase 1: Setup**\n\n- [ ] a\n\n**Phase 2: Build** {tail}\n\n- [ ] b\n"
        );
        assert_eq!(
            phases(&src),
            [r#"Phase 1 < - ["a", "b"] **Phase 1: Setup** .. - [ ] b"#],
            "{tail}"
        );
    }
}

#[test]
fn a_phase_heading_ending_in_a_dependency_bracket_depends() {
    let src = "# P\n\n## Phase 1: Setup\n\n- [ ] a\n\n## Phase 2: Build (depends on Phase 1)\n\n- [ ] b\n\n## Phase 3: Ship (after Phase 2, Phase 3)\n\n## Phase 4: Docs (written after approval)\n";
    assert_eq!(
        phase_deps(src),
        [
            r#"Phase 2 <- Phase 1 "Phase 1" in "Phase 1""#,
            r#"Phase 3 <- Phase 2 "Phase 2" in "Phase 2, Phase 3""#,
        ]
    );
    assert!(parse(src).phases[3].depends_range.is_none());
}

#[test]
fn a_phase_heading_title_leaves_out_the_dependency_it_states() {
    let src = "# P\n\n## Phase 2: Build (depends on Phase 1)\n\n## Phase 3 – Ship – (needs Phase 2)\n\n### Step 3.1 (after Phase 2)\n\n## Phase 4: Docs (written after approval)\n\n## Phase 5: Wrap (after launch)\n";
    let plan = parse(src);
    let titles: Vec<&str> = plan.phases.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Build",
            "Ship",
            "",
            "Docs (written after approval)",
            "Wrap (after launch)"
        ]
    );
    // The heading is still the whole line, for edits and diagnostics.
    let headings: Vec<&str> = plan.phases.iter().map(|p| p.heading.slice(src)).collect();
    assert_eq!(headings[0], "## Phase 2: Build (depends on Phase 1)");
    assert_eq!(headings[1], "## Phase 3 – Ship – (needs Phase 2)");
    assert_eq!(
        plan.phases[0].depends_range.map(|r| r.slice(src)),
        Some("Phase 1")
    );
}

#[test]
fn a_bold_line_phase_holds_its_sub_headings() {
    let src = "# Plan: Bold phases\n\n**Phase 1: Setup**\n\n### Tasks\n\n- [ ] T001 Create repo\n- [x] T002 Add CI\n\n**Phase 2: Build**\n\n#### Work\n\n- [ ] T003 Write parser\n";
    assert_eq!(
        phases(src),
        [
            r#"Phase 1 < - ["Create repo", "Add CI"] **Phase 1: Setup** .. - [x] T002 Add CI"#,
            r#"Phase 2 < - ["Write parser"] **Phase 2: Build** .. - [ ] T003 Write parser"#,
        ]
    );
    // Outside any section a `###` is still its own.
    let src = "**Step 1 – Repo**\n\n### Tasks\n\n- [ ] Create repo\n";
    assert_eq!(
        phases(src),
        [r#"Step 1 < - ["Create repo"] **Step 1 – Repo** .. - [ ] Create repo"#]
    );
    // Under the title, or before any heading, the plan's `##` (or `#`)
    // sections end it: risks and appendix tasks are no phase's.
    let src = "# Widgets\n\n**Phase 1: Setup**\n\n- [ ] a\n\n**Phase 2: Build**\n\n- [ ] b\n\n## Risks\n\n- [ ] c\n";
    assert_eq!(
        phases(src),
        [
            r#"Phase 1 < - ["a"] **Phase 1: Setup** .. - [ ] a"#,
            r#"Phase 2 < - ["b"] **Phase 2: Build** .. - [ ] b"#,
        ]
    );
    let src = "**Phase 1: Setup**\n\n- [ ] a\n\n# Appendix\n\n- [ ] b\n";
    assert_eq!(
        phases(src),
        [r#"Phase 1 < - ["a"] **Phase 1: Setup** .. - [ ] a"#]
    );
}

#[test]
fn a_bold_line_phase_ends_at_its_sections_level() {
    // Phase 2, written under Phase 1's `### Tasks`, is its sibling: the
    // next `### Tasks` is its own, and `## Notes` closes it.
    let src = "# Plan\n\n## Work\n\n**Phase 1: Setup**\n\n### Tasks\n\n- [ ] a\n\n**Phase 2: Build**\n\n### Tasks\n\n- [ ] b\n\n## Notes\n\n- [ ] c\n";
    assert_eq!(
        phases(src),
        [
            r#"Phase 1 < - ["a"] **Phase 1: Setup** .. - [ ] a"#,
            r#"Phase 2 < - ["b"] **Phase 2: Build** .. - [ ] b"#,
        ]
    );
    assert_eq!(parse(src).tasks[2].phase, None);
}

#[test]
fn phase_headings_beside_and_inside_bold_line_phases() {
    // Steps nest in a bold phase; a phase heading of its kind is its
    // sibling, and a bold phase after a phase heading is that one's.
    let src = "# Plan\n\n**Phase 1: Setup**\n\n### Step 1.1: Repo\n\n- [ ] a\n\n### Step 1.2: CI\n\n- [ ] b\n\n### Phase 2: Build\n\n- [ ] c\n\n**Phase 3: Ship**\n\n#### Step 3.1: Tag\n\n- [ ] d\n\n### Notes\n\n- [ ] e\n";
    assert_eq!(
        phases(src),
        [
            r#"Phase 1 < - ["a", "b"] **Phase 1: Setup** .. - [ ] b"#,
            r#"Step 1.1 < Phase 1 ["a"] ### Step 1.1: Repo .. - [ ] a"#,
            r#"Step 1.2 < Phase 1 ["b"] ### Step 1.2: CI .. - [ ] b"#,
            r#"Phase 2 < - ["c"] ### Phase 2: Build .. - [ ] c"#,
            r#"Phase 3 < - ["d"] **Phase 3: Ship** .. - [ ] d"#,
            r#"Step 3.1 < Phase 3 ["d"] #### Step 3.1: Tag .. - [ ] d"#,
        ]
    );
    // A heading that goes on with the bold phase's number is inside
    // it, and so is a bold step under a phase heading.
    let src = "## Plan\n\n**Phase 1: Setup**\n\n### Phase 1.1: Repo\n\n- [ ] a\n\n## Phase 2: Build\n\n**Step 1 – Parser**\n\n- [ ] b\n\n**Step 2 – Printer**\n\n### Details\n\n- [ ] c\n";
    assert_eq!(
        phases(src),
        [
            r#"Phase 1 < - ["a"] **Phase 1: Setup** .. - [ ] a"#,
            r#"Phase 1.1 < Phase 1 ["a"] ### Phase 1.1: Repo .. - [ ] a"#,
            r#"Phase 2 < - ["b", "c"] ## Phase 2: Build .. - [ ] c"#,
            r#"Step 1 < Phase 2 ["b"] **Step 1 – Parser** .. - [ ] b"#,
            r#"Step 2 < Phase 2 ["c"] **Step 2 – Printer** .. - [ ] c"#,
        ]
    );
    // The sibling is the outermost open phase of the kind: Phase 2
    // closes Phase 1 and its part 1.1, and takes Phase 1's level.
    let src = "## Phase 1: A\n\n### Phase 1.1: B\n\n- [ ] a\n\n**Phase 2: C**\n\n- [ ] b\n\n### Phase 2.1: D\n\n- [ ] c\n\n## Notes\n\n- [ ] d\n";
    assert_eq!(
        phases(src),
        [
            r#"Phase 1 < - ["a"] ## Phase 1: A .. - [ ] a"#,
            r#"Phase 1.1 < Phase 1 ["a"] ### Phase 1.1: B .. - [ ] a"#,
            r#"Phase 2 < - ["b", "c"] **Phase 2: C** .. - [ ] c"#,
            r#"Phase 2.1 < Phase 2 ["c"] ### Phase 2.1: D .. - [ ] c"#,
        ]
    );
}

#[test]
fn the_title_heading_names_no_section() {
    use crate::Role;
    let roles = |src: &str| {
        parse(src)
            .sections
            .iter()
            .map(|s| (s.title.to_string(), s.role))
            .collect::<Vec<_>>()
    };
    let src = "# Delivery Plan: Export\n\n## Summary\n\nText.\n\n## Roadmap\n";
    assert_eq!(
        roles(src),
        [
            ("Delivery Plan: Export".to_owned(), None),
            ("Summary".to_owned(), Some(Role::Summary)),
            ("Roadmap".to_owned(), Some(Role::Phases)),
        ]
    );
    for src in [
        "# Implementation Plan: Export\n",
        "# Q3 roadmap\n\n## Risks\n",
        "# Tasks\n\n- [ ] a\n",
    ] {
        assert_eq!(roles(src)[0].1, None, "{src}");
    }
    // Sections written as `#` headings: the first is a section too when
    // it names one, and a title still when it names more.
    let src = "# Summary\n\nText.\n\n# Phases\n\n# Risks\n";
    assert_eq!(
        roles(src).iter().map(|r| r.1).collect::<Vec<_>>(),
        [Some(Role::Summary), Some(Role::Phases), Some(Role::Risks)]
    );
    let src = "# Tasks: Export\n\n# Risks\n";
    assert_eq!(roles(src)[0].1, None);
}

#[test]
fn the_title_still_says_what_its_tasks_are() {
    let plan = parse("# Launch Checklist\n\n- [ ] Backups verified\n");
    assert_eq!(plan.sections[0].role, None);
    assert_eq!(plan.tasks[0].kind, crate::TaskKind::Checklist);
}

#[test]
fn an_untitled_plan_takes_its_front_matter_title() {
    let src = "---\ntitle: Front Title\n---\n\n- [ ] a\n";
    let plan = parse(src);
    let t = plan.title.expect("a title");
    assert_eq!(t.text, "Front Title");
    assert_eq!(t.range.slice(src), "Front Title");
    assert_eq!(t.heading.slice(src), "title: Front Title");
    // Any case of the key; inside quotes, before a comment; template
    // words go as they do from a heading.
    assert_eq!(
        title("---\nkind: plan\nTitle: \"Tasks: Checkout\"  # c\n---\n\n- [ ] a\n"),
        ("Checkout".to_owned(), "Checkout".to_owned())
    );
    // Front matter that pulldown-cmark takes for Markdown (a blank line
    // after the opening fence) is read as front matter here too.
    assert_eq!(
        title("---\n\nTITLE: 'Spaced'\n---\n- [ ] a\n"),
        ("Spaced".to_owned(), "Spaced".to_owned())
    );
}

#[test]
fn a_title_heading_wins_over_the_front_matter_title() {
    let src = "---\ntitle: Front Title\n---\n\n# Heading Title\n\n- [ ] a\n";
    assert_eq!(
        title(src),
        ("Heading Title".to_owned(), "Heading Title".to_owned())
    );
    // Also when the heading is setext, or comes after other sections.
    let src = "---\ntitle: Front\n---\n\n## Intro\n\nHeading\n=======\n";
    assert_eq!(title(src).0, "Heading");
}

#[test]
fn front_matter_that_names_no_title_gives_none() {
    for src in [
        "---\ntitle:\n---\n\n- [ ] a\n",
        // A block scalar with no lines is empty.
        "---\ntitle: >\n---\n\n- [ ] a\n",
        "---\nname: my-agent\ndescription: Task list\n---\n\n- [ ] a\n",
        "---\nmeta:\n  title: Nested\n---\n\n- [ ] a\n",
        // Not front matter: a `title:` line in the body.
        "Notes.\n\ntitle: Body\n",
    ] {
        assert!(parse(src).title.is_none(), "{src:?}");
    }
}

#[test]
fn a_dependency_bracket_anywhere_in_a_phase_heading_is_read() {
    let src = "# P\n\n## Phase 1: Setup\n\n- [ ] a\n\n## Phase 2 (depends on Phase 1): Build\n\n## Phase 3 (after Phase 2) – Ship\n\n## Phase 4: Docs (needs Phase 3) – extra\n\n## Phase 5: Wrap (Depends on: Phase 4)\n\n## Phase 6 – (blocked by Phase 5) – Close\n";
    assert_eq!(
        phase_deps(src),
        [
            r#"Phase 2 <- Phase 1 "Phase 1" in "Phase 1""#,
            r#"Phase 3 <- Phase 2 "Phase 2" in "Phase 2""#,
            r#"Phase 4 <- Phase 3 "Phase 3" in "Phase 3""#,
            r#"Phase 5 <- Phase 4 "Phase 4" in "Phase 4""#,
            r#"Phase 6 <- Phase 5 "Phase 5" in "Phase 5""#,
        ]
    );
    let plan = parse(src);
    let titles: Vec<&str> = plan.phases.iter().map(|p| p.title.as_str()).collect();
    // Cutting the bracket leaves one separator, not two.
    assert_eq!(
        titles,
        ["Setup", "Build", "Ship", "Docs – extra", "Wrap", "Close"]
    );
    // The heading is still the whole line, for edits and diagnostics.
    assert_eq!(
        plan.phases[1].heading.slice(src),
        "## Phase 2 (depends on Phase 1): Build"
    );
    assert_eq!(
        plan.phases[3].heading.slice(src),
        "## Phase 4: Docs (needs Phase 3) – extra"
    );
}

#[test]
fn a_phase_heading_with_a_leading_dependency_waits_for_it() {
    // The QA plan: `next` offered T002 too, the bracket unread.
    let src = "# P\n\n## Phase 1: Setup\n\n- [ ] T001 a\n\n## Phase 2 (depends on Phase 1): Build\n\n- [ ] T002 b\n";
    let plan = parse(src);
    assert_eq!(plan.tasks[1].phase, Some(1));
    assert_eq!(plan.phases[1].id, "Phase 2");
    assert_eq!(plan.phases[1].title, "Build");
    assert_eq!(
        plan.phases[1].depends_on.first().map(|d| d.target.label()),
        Some("Phase 1".into())
    );
}

#[test]
fn a_bracket_in_a_phase_heading_that_names_no_dependency_stays() {
    let src = "# P\n\n## Phase 1 (after launch): Setup\n\n## Phase 2: Build (written after approval) – extra\n\n## Phase 3 (optional): Ship\n\n## Phase 4: Docs (afterwards Phase 3)\n\n## Phase 5 (after Phase 5): Wrap\n";
    let plan = parse(src);
    assert!(plan.phases.iter().all(|p| p.depends_range.is_none()));
    let titles: Vec<&str> = plan.phases.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "(after launch): Setup",
            "Build (written after approval) – extra",
            "(optional): Ship",
            "Docs (afterwards Phase 3)",
            "(after Phase 5): Wrap",
        ]
    );
}

#[test]
fn a_phase_heading_with_two_dependency_brackets_reads_the_last() {
    // The last, as a heading that ends in one was always read; the other
    // stays in the title.
    let src = "# P\n\n## Phase 3 (after Phase 1): Ship (needs Phase 2)\n\n## Phase 4 (after Phase 3): Docs (after launch)\n";
    assert_eq!(
        phase_deps(src),
        [
            r#"Phase 3 <- Phase 2 "Phase 2" in "Phase 2""#,
            r#"Phase 4 <- Phase 3 "Phase 3" in "Phase 3""#,
        ]
    );
    let plan = parse(src);
    assert_eq!(plan.phases[0].title, "(after Phase 1): Ship");
    assert_eq!(plan.phases[1].title, "Docs (after launch)");
}

#[test]
fn a_bold_phase_reads_a_dependency_colon() {
    let src = "# P\n\n**Phase 1: Setup**\n\n- [ ] a\n\n**Phase 2: Build** (Depends on: Phase 1)\n\n- [ ] b\n";
    assert_eq!(
        phase_deps(src),
        [r#"Phase 2 <- Phase 1 "Phase 1" in "Phase 1""#]
    );
}

#[test]
fn check_boxes_left_for_later_are_deferred_and_counted_in_no_progress() {
    use crate::TaskKind::{Deferred, Task};
    let src = "# P\n\n## Phase 1: Build\n\n- [x] T001 Build it\n\n## Phase 6: Future Work\n\n- [ ] T002 Still a phase of the plan\n\n## Future Enhancements (Not in Scope for Phase 1)\n\n- [ ] T003 Drag and drop\n\n## Out of Scope\n\n- [ ] PDF export\n\n## Won't Do\n\n- [ ] Offline mode\n\n## Rollout\n\n**Out of scope:**\n- [ ] Dark mode\n\n**Tasks:**\n- [ ] T004 Ship\n";
    let plan = parse(src);
    let kinds: Vec<_> = plan.tasks.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [Task, Task, Deferred, Deferred, Deferred, Deferred, Task]
    );
    let progress = plan.progress(&plan.tasks);
    assert_eq!((progress.done, progress.total), (1, 3));
    // What a plan decides against, in MoSCoW's words or plainly.
    let src = "# P\n\n## Not doing\n\n- [ ] GraphQL\n\n## Won't have (this time)\n\n- [ ] Sync\n\n## Doing next\n\n- [ ] Ship\n";
    let kinds: Vec<_> = parse(src).tasks.iter().map(|t| t.kind).collect();
    assert_eq!(kinds, [Deferred, Deferred, Task]);
}
