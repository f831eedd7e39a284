//! Titles that name a phase by the word after them, and those that only
//! speak of phases.

use super::*;

fn head(number: Option<&str>, title: &str) -> Option<(PhaseKind, String, String)> {
    heading_phase_head(number, title).map(|h| (h.kind, h.number.to_string(), h.title.to_string()))
}

#[test]
fn a_title_ending_in_the_word_for_phase_under_a_whole_number_names_one() {
    assert_eq!(
        head(Some("1"), "项目准备阶段"),
        Some((PhaseKind::Phase, "1".into(), "项目准备阶段".into()))
    );
    assert_eq!(
        head(Some("6"), "验收交付階段").map(|h| h.1),
        Some("6".into())
    );
    // "Third phase", and one whose bracket or colon ends the heading.
    for title in [
        "第三阶段",
        "开发阶段 (P0)",
        "开发阶段（3 天）",
        "开发阶段：",
        "MVP 阶段 [进行中]",
    ] {
        assert!(head(Some("2"), title).is_some(), "{title}");
    }
    // The word first still reads as it did, with or without a number.
    assert_eq!(head(None, "阶段1：契约层").map(|h| h.1), Some("1".into()));
}

#[test]
fn phases_in_general_the_word_inside_a_title_or_no_whole_number_name_none() {
    for (number, title) in [
        (Some("3"), "阶段总结"),
        (Some("3"), "各阶段任务"),
        (Some("4"), "各阶段"),
        (Some("4"), "每个阶段"),
        (Some("4"), "所有阶段"),
        (Some("4"), "分阶段"),
        (Some("5"), "项目分为三阶段"),
        (Some("5"), "实施的三个阶段"),
        (Some("5"), "下一阶段"),
        (Some("5"), "阶段"),
        (Some("5"), "（阶段）"),
        (Some("1.2"), "测试阶段"),
        (None, "测试阶段"),
        (Some("2"), "开发阶段 (未闭合"),
    ] {
        assert_eq!(head(number, title), None, "{number:?} {title}");
    }
}

#[test]
fn an_english_title_ending_in_the_word_phase_or_stage_names_one_without_it() {
    assert_eq!(
        head(Some("1"), "Preparation Phase"),
        Some((PhaseKind::Phase, "1".into(), "Preparation".into()))
    );
    assert_eq!(
        head(Some("5"), "Rollout Stage"),
        Some((PhaseKind::Stage, "5".into(), "Rollout".into()))
    );
    // The estimate, status and other brackets after the word are read as
    // after any title, the colon dropped; the word's case is any.
    let build = heading_phase_head(Some("2"), "Build Phase (3 days)").unwrap();
    assert_eq!(
        (build.title.as_str(), build.estimate.as_deref()),
        ("Build", Some("3 days"))
    );
    let done = heading_phase_head(Some("3"), "Ship phase ✅").unwrap();
    assert_eq!(
        (done.title.as_str(), done.status.as_deref()),
        ("Ship", Some("✅"))
    );
    // A status after the Chinese word too.
    let chinese = heading_phase_head(Some("4"), "构建阶段 ✅").unwrap();
    assert_eq!(
        (chinese.title.as_str(), chinese.status.as_deref()),
        ("构建阶段", Some("✅"))
    );
    for (title, want) in [
        ("Testing PHASE [P0]", "Testing [P0]"),
        ("Proof of Concept Phase:", "Proof of Concept"),
        ("Launch Stage (Week 6)", "Launch (Week 6)"),
    ] {
        assert_eq!(
            head(Some("4"), title).map(|h| h.2),
            Some(want.into()),
            "{title}"
        );
    }
}

#[test]
fn the_word_phase_first_alone_hyphened_or_of_phases_in_general_names_none() {
    for (number, title) in [
        (Some("3"), "Phase Summary"),
        (None, "Phases"),
        (Some("3"), "All Phases"),
        (Some("4"), "Multi-Phase Rollout"),
        (Some("4"), "Multi-Phase"),
        (Some("1.2"), "Test Phase"),
        (None, "Test Phase"),
        (Some("5"), "Ground rules for every stage"),
        (Some("6"), "Next Phase"),
        (Some("6"), "Per Phase"),
        (Some("6"), "Multi Stage"),
        (Some("7"), "Work in the Testing Phase"),
        (Some("7"), "Out of scope for this phase"),
        (Some("8"), "Backstage"),
        (Some("9"), "Phase"),
        (Some("9"), "Stage (P1)"),
    ] {
        assert_eq!(head(number, title), None, "{number:?} {title}");
    }
}

#[test]
fn a_chinese_ordinal_names_the_phase_it_counts_to() {
    let some = |n: &str, t: &str| Some((PhaseKind::Phase, n.to_owned(), t.to_owned()));
    for (title, want) in [
        ("第一阶段：需求分析", some("1", "需求分析")),
        ("第二阶段 开发", some("2", "开发")),
        ("第3阶段: 测试", some("3", "测试")),
        ("第 4 阶段 - 部署", some("4", "部署")),
        ("第十阶段", some("10", "")),
        ("第十二階段：上线", some("12", "上线")),
        ("第二十阶段", some("20", "")),
        ("第二十三阶段、验收", some("23", "验收")),
        ("第零阶段（调研）", some("0", "（调研）")),
    ] {
        assert_eq!(head(None, title), want, "{title}");
    }
    // The ordinal wins over the section's number, as `2. Phase 3` does.
    assert_eq!(head(Some("2"), "第三阶段").map(|h| h.1), Some("3".into()));
    // A phase spoken of ("the first phase's tasks"), a count ("one
    // phase"), no numeral, or one an ordinal does not write.
    for title in [
        "第一阶段的任务",
        "第一个阶段",
        "第阶段",
        "第两阶段",
        "第一百阶段",
        "第一十阶段",
        "第十十阶段",
        "项目第一阶段计划",
    ] {
        assert_eq!(head(None, title), None, "{title}");
    }
}

#[test]
fn a_phase_after_a_word_that_makes_it_optional_keeps_the_word_in_its_title() {
    assert_eq!(
        head(None, "Optional Stage G — Backend (PR 7; deferred)"),
        Some((
            PhaseKind::Stage,
            "G".into(),
            "Optional — Backend (PR 7; deferred)".into()
        ))
    );
    assert_eq!(
        head(None, "optional phase 3"),
        Some((PhaseKind::Phase, "3".into(), "optional".into()))
    );
    assert_eq!(
        head(None, "Bonus Step 4: Polish").map(|h| h.2),
        Some("Bonus — Polish".into())
    );
    // Other words before a phase word, or the qualifier not followed by
    // one, name no phase.
    for title in [
        "After Phase 1 (Indexes)",
        "Optional Phases",
        "Optionally Phase 2",
        "Optional: Phase 2",
        "Stretch Goals",
    ] {
        assert_eq!(head(None, title), None, "{title}");
    }
}
