//! The words of `unspaced`: where a verb, a field key, "none" and "all
//! user stories" stand in text without spaces.

use super::*;

#[test]
fn a_verb_counts_only_before_what_it_names() {
    assert_eq!(verb_len("依赖 T004"), Some("依赖".len()));
    assert_eq!(verb_len("依赖于阶段 2"), Some("依赖于".len()));
    assert_eq!(verb_len("依赖于其他模块"), None);
    assert_eq!(verb_len("依赖于 Phase 2"), Some("依赖于".len()));
    assert_eq!(verb_len("相依於所有欲做的故事"), Some("相依於".len()));
    assert_eq!(verb_len("依赖：T3"), Some("依赖".len()));
    // Dependency injection, dependency packages.
    assert_eq!(verb_len("依赖注入容器"), None);
    assert_eq!(verb_len("依赖包"), None);
}

#[test]
fn field_keys_need_their_colon() {
    assert_eq!(field_key_len("前置条件：T7"), Some("前置条件".len()));
    assert_eq!(field_key_len("前置條件**: T7"), Some("前置條件".len()));
    assert_eq!(field_key_len("依赖关系正确"), None);
    assert!(is_dependency_key("依賴"));
    assert!(!is_dependency_key("描述"));
}

#[test]
fn none_is_told_from_words_that_begin_alike() {
    assert!(says_none("无"));
    assert!(says_none(" 無相依性 - 可立即開始"));
    assert!(says_none("无 (可立即开始)"));
    assert!(!says_none("无法连接时重试"));
    assert!(!says_none("T001"));
}

#[test]
fn all_user_stories_may_have_words_between() {
    let s = "所有想要的 Beta 用户故事完成";
    assert_eq!(stories_len(s), Some(s.find("完成").unwrap()));
    assert_eq!(stories_len("所有测试 (见下) 用户故事"), None);
}

#[test]
fn a_verb_stands_where_a_word_starts() {
    let s = "全部依赖 Setup";
    assert_eq!(verb_at(s, "全部".len()), Some("依赖".len()));
    let s = "更新依赖 T001 的文档";
    assert_eq!(verb_at(s, "更新".len()), None);
    let s = "（依賴 T9）";
    assert_eq!(verb_at(s, "（".len()), Some("依賴".len()));
}

#[test]
fn what_stands_around_is_found() {
    let s = "可在 US4 后进行";
    assert_eq!(around_in(s).map(|(a, b)| &s[a..b]), Some(" US4 "));
    assert_eq!(around_in("在后台运行"), Some(("在".len(), "在".len())));
}
