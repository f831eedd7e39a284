//! Reader tests of the phase heads other than a leading phase word: a
//! numbered heading ending in `Phase` or `Stage`, a Chinese ordinal, a
//! phase marked optional, read in whole plans.

use super::*;

fn ids(plan: &Plan) -> Vec<&str> {
    plan.phases.iter().map(|ph| ph.id.as_str()).collect()
}

fn titles(plan: &Plan) -> Vec<&str> {
    plan.phases.iter().map(|ph| ph.title.as_str()).collect()
}

/// The id of each task's phase, in task order.
fn task_phases(plan: &Plan) -> Vec<Option<&str>> {
    plan.tasks
        .iter()
        .map(|t| t.phase.map(|q| plan.phases[q].id.as_str()))
        .collect()
}

#[test]
fn numbered_headings_ending_in_phase_or_stage_head_phases() {
    let plan = parse(concat!(
        "# Plan: Kiosk\n\n",
        "## 1. Preparation Phase\n\n- [ ] Order parts\n\n",
        "### 1.1 Test Phase\n\n- [ ] Bench test\n\n",
        "## 2. Build Phase (3 days)\n\n- [ ] Assemble\n\n",
        "## 3. Phase Summary\n\n- [ ] Write it up\n\n",
        "## 4. Multi-Phase Rollout\n\n- [ ] Tell the shops\n\n",
        "## 5. Launch Stage\n\n- [ ] Open\n\n",
        "## Phases\n\nThe phases above run in order.\n",
    ));
    assert_eq!(ids(&plan), ["Phase 1", "Phase 2", "Stage 5"]);
    assert_eq!(titles(&plan), ["Preparation", "Build", "Launch"]);
    assert_eq!(plan.phases[1].estimate.as_deref(), Some("3 days"));
    // A part's number is a section of its phase; the summary and the
    // rollout of many phases are sections after the phases they follow.
    assert_eq!(
        task_phases(&plan),
        [
            Some("Phase 1"),
            Some("Phase 1"),
            Some("Phase 2"),
            None,
            None,
            Some("Stage 5"),
        ]
    );
}

#[test]
fn chinese_ordinal_headings_and_bold_lines_head_phases() {
    let plan = parse(concat!(
        "# 计划\n\n",
        "## 第一阶段：需求分析\n\n- [ ] 访谈用户\n\n",
        "## 第二阶段 开发\n\n- [ ] 写接口\n\n",
        "**第三阶段：测试**\n\n- [ ] 回归\n\n",
        "## 第一阶段的总结\n\n- [ ] 复盘\n",
    ));
    assert_eq!(ids(&plan), ["Phase 1", "Phase 2", "Phase 3"]);
    assert_eq!(titles(&plan), ["需求分析", "开发", "测试"]);
    // "The first phase's summary" speaks of a phase, and ends the last.
    assert_eq!(
        task_phases(&plan),
        [Some("Phase 1"), Some("Phase 2"), Some("Phase 3"), None]
    );
}

#[test]
fn a_stage_marked_optional_is_a_stage_among_its_siblings() {
    let plan = parse(concat!(
        "# Plan: Library split\n\n",
        "## Stage A — Prepare (PR 1)\n\n- [ ] Pin the toolchain\n\n",
        "## Optional Stage B — Backend trait (PR 2; deferred)\n\n- [ ] Define the trait\n\n",
        "## After Stage A (Notes)\n\n- [ ] Tidy up\n",
    ));
    assert_eq!(ids(&plan), ["Stage A", "Stage B"]);
    assert_eq!(
        titles(&plan)[1],
        "Optional — Backend trait (PR 2; deferred)"
    );
    assert_eq!(task_phases(&plan), [Some("Stage A"), Some("Stage B"), None]);
}
