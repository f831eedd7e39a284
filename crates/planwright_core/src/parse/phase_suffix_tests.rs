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
