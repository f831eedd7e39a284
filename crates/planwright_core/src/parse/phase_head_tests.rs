//! Reader tests of phase heads: which heading opens a phase, of which
//! phase it is a part, and the fields a phase states under its head.

use super::*;

fn p(src: &str) -> Plan {
    parse(src)
}

#[test]
fn the_next_phase_a_heading_level_too_deep_is_a_sibling_not_a_part() {
    let src = "# Plan\n\n## Phase 1: Setup\n- [ ] a\n### Phase 2: Build\n- [ ] b\n## Phase 3: Ship\n### Phase 3a: Beta\n- [ ] c\n### Phase 3.1: Docs\n- [ ] d\n### Step 3.2: Notes\n";
    let plan = p(src);
    let tree: Vec<(&str, Option<&str>)> = plan
        .phases
        .iter()
        .map(|ph| {
            (
                ph.id.as_str(),
                ph.parent.map(|q| plan.phases[q].id.as_str()),
            )
        })
        .collect();
    assert_eq!(
        tree,
        [
            ("Phase 1", None),
            ("Phase 2", None),
            ("Phase 3", None),
            ("Phase 3a", Some("Phase 3")),
            ("Phase 3.1", Some("Phase 3")),
            ("Step 3.2", Some("Phase 3")),
        ]
    );
    assert_eq!(
        plan.phases[0].range.slice(src),
        "## Phase 1: Setup\n- [ ] a\n"
    );
}

#[test]
fn a_title_named_as_a_phase_titles_the_plan_and_opens_no_phase() {
    let src = "# Sprint 3 Plan\n\n## Goals\n- [ ] Ship the search box\n\n## Sprint 4: Polish\n- [ ] Tidy the styles\n";
    let plan = p(src);
    assert_eq!(
        plan.title.as_ref().map(|t| t.text.as_str()),
        Some("Sprint 3 Plan")
    );
    let ids: Vec<&str> = plan.phases.iter().map(|ph| ph.id.as_str()).collect();
    assert_eq!(ids, ["Sprint 4"]);
    let phases: Vec<Option<usize>> = plan.tasks.iter().map(|t| t.phase).collect();
    assert_eq!(phases, [None, Some(0)], "the goals are the plan's");
    // Its phases stand on their own, not inside the title's number.
    let titled = p("# Phase 13: Migration\n\n## Phase 1: Setup\n- [ ] a\n");
    let ids: Vec<(&str, Option<usize>)> = titled
        .phases
        .iter()
        .map(|ph| (ph.id.as_str(), ph.parent))
        .collect();
    assert_eq!(ids, [("Phase 1", None)]);
}

#[test]
fn level_one_headings_that_are_the_plans_phases_stay_phases() {
    let plan = p("# Phase 1: Setup\n- [ ] a\n\n# Phase 2: Build\n- [ ] b\n");
    let ids: Vec<&str> = plan.phases.iter().map(|ph| ph.id.as_str()).collect();
    assert_eq!(ids, ["Phase 1", "Phase 2"]);
    assert_eq!(plan.phases[0].title, "Setup");
    let phases: Vec<Option<usize>> = plan.tasks.iter().map(|t| t.phase).collect();
    assert_eq!(phases, [Some(0), Some(1)]);
    // Phases of another kind leave the title a title.
    let other = p("# Epic 8 Plan\n\n# Sprint 1: Search\n- [ ] a\n\n# Sprint 2: Polish\n");
    let ids: Vec<&str> = other.phases.iter().map(|ph| ph.id.as_str()).collect();
    assert_eq!(ids, ["Sprint 1", "Sprint 2"]);
}

#[test]
fn a_phase_field_written_plainly_is_read() {
    let src = "# P\n\n## Phase 1: Legal\n\nStatus: In progress (legal review)\nEst: 4h\n\n## Phase 2: Build\n\n_Goal:_ ship the beta\n\n- Estimated time: 3 days\n- Status: 201 Created\n\n## Phase 3: Ship\n\n**Status:** Done\n\nStatus: Blocked\n";
    let plan = p(src);
    let fields: Vec<_> = plan
        .phases
        .iter()
        .map(|ph| {
            (
                ph.status.as_deref(),
                ph.estimate.as_deref(),
                ph.goal.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            (Some("In progress (legal review)"), Some("4h"), None),
            // A status that names no state of work describes something else.
            (None, Some("3 days"), Some("ship the beta")),
            // The first field the phase states is its own.
            (Some("Done"), None, None),
        ]
    );
    // Emphasis around the whole line is no part of the value.
    for line in [
        "*Goal: ship to testers*",
        "_Goal: ship to testers_",
        "*Goal:* ship to testers",
    ] {
        let plan = p(&format!("# P\n\n## Phase 1: Beta\n\n{line}\n"));
        assert_eq!(
            plan.phases[0].goal.as_deref(),
            Some("ship to testers"),
            "{line}"
        );
    }
    // A mark the value itself closes is its own.
    let plan = p("# P\n\n## Phase 1: Beta\n\n*Goal:* ship *fast*\n");
    assert_eq!(plan.phases[0].goal.as_deref(), Some("ship *fast*"));
}

#[test]
fn a_choice_list_left_to_pick_is_no_value_of_the_phases() {
    let src = "# P\n\n\
               ## Phase 1: Setup\n\n**Status**: ⬜ Not Started | 🔄 In Progress | ✅ Passed\n\n\
               ## Phase 2: Build ✅\n\n**Status:** Draft | Blocked | Done\n**Priority:** High/Medium/Low\n\n\
               ## Phase 3: Ship\n\nStatus: Not started | In progress | Done\n\n\
               ## Phase 4: Docs\n\n**Status:** Done / shipped in May\n\n\
               ## Phase 5: Tests\n\n**Status:** {Draft/Done}\n";
    let plan = p(src);
    let fields: Vec<_> = plan
        .phases
        .iter()
        .map(|ph| (ph.status.as_deref(), ph.priority.as_deref()))
        .collect();
    assert_eq!(
        fields,
        [
            (None, None),
            // What the head says stands: the list takes nothing back.
            (Some("✅"), None),
            (None, None),
            // A `/` in a status that picks one is no list.
            (Some("Done / shipped in May"), None),
            (None, None),
        ]
    );
    assert_eq!(plan.phases[1].status_range, Some(plan.phases[1].heading));
    // Each list is still a choice left open, for lint's PW106.
    let choices = plan
        .placeholders
        .iter()
        .filter(|s| s.kind == PlaceholderKind::Choice)
        .count();
    assert_eq!(choices, 5);
}
#[test]
fn a_bold_steps_line_states_its_estimate_and_dependency_after_the_bold() {
    let src = "# P\n\n1. **Step 1 – Journal** (~3 days)\n   - [ ] T001 a\n2. **Step 2 – Sync engine** (~1 week), depends on Step 1\n   - [ ] T002 b\n3. **Step 3 – Inbox**, after Step 2 (2 files)\n";
    let plan = p(src);
    let steps: Vec<_> = plan
        .phases
        .iter()
        .map(|ph| {
            let deps: Vec<String> = ph
                .depends_on
                .iter()
                .map(|r| r.target.label().to_string())
                .collect();
            (ph.title.as_str(), ph.estimate.as_deref(), deps)
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("Journal", Some("~3 days"), vec![]),
            ("Sync engine", Some("~1 week"), vec!["Step 1".to_owned()]),
            ("Inbox", None, vec!["Step 2".to_owned()]),
        ]
    );
}

#[test]
fn a_comment_field_in_a_phase_is_the_phases() {
    let src = "<!-- STATUS: Draft -->\n# P\n\n## Phase 1: A\n<!-- status: in progress -->\n\n## Phase 2: B\n";
    let plan = p(src);
    assert_eq!(plan.phases[0].status.as_deref(), Some("in progress"));
    let header: Vec<_> = plan
        .metadata
        .iter()
        .filter(|m| m.is_header())
        .map(|m| (m.key.as_str(), m.value.as_str()))
        .collect();
    assert_eq!(header, [("STATUS", "Draft")]);
}

#[test]
fn a_heading_that_restates_its_phase_is_a_section_of_it() {
    let src = "# Plan\n\n## Sprint 1: Backend\n- [ ] a\n### Sprint 1 Risks\n- [ ] b\n### Sprint 1.1: Spike\n- [ ] c\n## Sprint 2: Frontend\n### Phase 2 Risks\n";
    let plan = p(src);
    let ids: Vec<&str> = plan.phases.iter().map(|ph| ph.id.as_str()).collect();
    // "Phase 2" is of another kind than the open Sprint 2: a phase.
    assert_eq!(ids, ["Sprint 1", "Sprint 1.1", "Sprint 2", "Phase 2"]);
    assert_eq!(
        plan.phases[0].tasks,
        [0, 1, 2],
        "its risks are the sprint's"
    );
    assert_eq!(plan.tasks[1].phase, Some(0));
    let risks = plan.sections.iter().find(|s| s.title == "Sprint 1 Risks");
    assert!(risks.is_some(), "still a section");
}

#[test]
fn weeks_and_epics_are_phases() {
    let src = "# Rollout\n\n## Week 1: Setup\n- [x] Provision\n## Week 2: Build\nStarts after Week 1.\n- [ ] Build API\n\n## Epic 1: Billing\n- [ ] Invoices (depends on Epic 2)\n## Epic 2: Accounts\n- [ ] Sign up\n\nShip in 2 weeks.\n";
    let plan = p(src);
    let ids: Vec<&str> = plan.phases.iter().map(|ph| ph.id.as_str()).collect();
    assert_eq!(ids, ["Week 1", "Week 2", "Epic 1", "Epic 2"]);
    assert_eq!(plan.phases[1].depends_on[0].target.label(), "Week 1");
    assert_eq!(plan.phase_waits.len(), 1, "Invoices waits for Epic 2");
}

#[test]
fn a_plan_titled_as_its_first_phase_keeps_its_header_fields() {
    let plan =
        p("# Epic 78: Tokens\n\n**Status:** Done\n\n## Stories\n\n- [ ] a\n\n# Epic 79: Themes\n");
    assert_eq!(plan.phases[0].id, "Epic 78");
    assert_eq!(plan.field("status").map(|f| f.value.as_str()), Some("Done"));
    assert_eq!(plan.phases[0].status, None);
}

#[test]
fn a_part_headed_with_a_separator_is_a_part_not_a_restatement() {
    let plan = p(
        "# P\n\n## Phase 2: Build\n### Phase 2 - Part A: Backend\n- [ ] a\n### Phase 2 Risks\n- [ ] b\n",
    );
    let ids: Vec<(&str, Option<usize>)> = plan
        .phases
        .iter()
        .map(|ph| (ph.id.as_str(), ph.parent))
        .collect();
    assert_eq!(ids, [("Phase 2", None), ("Phase 2", Some(0))]);
    assert_eq!(plan.tasks[1].phase, Some(0), "the risks are Phase 2's");
}

#[test]
fn a_numbered_heading_whose_title_ends_in_the_word_for_phase_heads_one() {
    // "1. Preparation phase", "2. Development phase (3 days)" in Simplified
    // and Traditional Chinese; a summary of the phases, "each phase", "in
    // three phases", an unnumbered "about the phases" and "division into
    // phases" are sections.
    let src = concat!(
        "# 计划\n\n## 目录\n\n1. [准备阶段](#1-准备阶段)\n\n",
        "## 1. 准备阶段\n\n- [ ] 安装依赖\n\n### 1.1 环境\n\n- [ ] 配置数据库\n\n",
        "## 2. 開發階段（3 天）\n\n- [ ] 写接口\n\n",
        "## 3. 阶段总结\n\n- [ ] 复盘\n\n",
        "## 4. 各阶段\n\n- [ ] 检查\n\n",
        "## 5. 项目分为三阶段\n\n## 阶段说明\n\n## 6. 开发阶段划分\n\n",
        "## 7. 依赖阶段 1 的部署阶段\n\n- [ ] 上线\n",
    );
    let plan = p(src);
    let ids: Vec<&str> = plan.phases.iter().map(|ph| ph.id.as_str()).collect();
    assert_eq!(ids, ["Phase 1", "Phase 2", "Phase 7"]);
    assert_eq!(plan.phases[0].title, "准备阶段");
    let phases: Vec<Option<&str>> = plan
        .tasks
        .iter()
        .map(|t| t.phase.map(|q| plan.phases[q].id.as_str()))
        .collect();
    assert_eq!(
        phases,
        [
            Some("Phase 1"),
            Some("Phase 1"),
            Some("Phase 2"),
            None,
            None,
            Some("Phase 7")
        ]
    );
    // A section's part (`1.2`) or a heading without a number is no phase.
    let parts = p("# P\n\n## 实施计划\n\n### 1.2 测试阶段\n\n- [ ] a\n");
    assert!(parts.phases.is_empty());
}
