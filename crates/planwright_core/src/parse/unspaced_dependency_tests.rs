//! Dependencies written in Chinese, Simplified and Traditional: what the
//! reader makes of them, the same as of their English equivalents.

use super::refs::order::tests::deps;
use super::tests::link_pairs;
use super::tests::phase_waits;
use crate::model::Plan;
use crate::parse::parse;

/// Each task's dependencies as `T005 <- T004`.
fn task_deps(plan: &Plan) -> Vec<String> {
    plan.tasks
        .iter()
        .flat_map(|t| t.depends_on.iter().map(move |d| format!("{} <- {d}", t.id)))
        .collect()
}

/// A plan of five phases in the spec-kit manner, then `tail`.
fn plan_with(tail: &str) -> (String, Plan) {
    let src = format!(
        "\
# Tasks: 笔记同步

## Phase 1: Setup (项目初始化)
- [ ] T001 建立目录
## Phase 2: Foundational (阻塞性前置工作)
- [ ] T002 建立数据表
## Phase 3: User Story 1 - 同步笔记 (Priority: P1)
- [ ] T003 同步接口
## Phase 4: User Story 2 - 分享笔记 (Priority: P2)
- [ ] T004 分享接口
## Phase 5: Polish
- [ ] T005 清理

{tail}"
    );
    let plan = parse(&src);
    (src, plan)
}

#[test]
fn simplified_phase_dependencies_read_as_the_english_do() {
    let (src, plan) = plan_with(
        "\
## Dependencies & Execution Order

### Phase Dependencies

- **Setup (Phase 1)**: 无依赖 - 可立即开始
- **Foundational (Phase 2)**: 依赖 Setup 完成 - 阻塞所有用户故事
- **User Stories (Phase 3-4)**: 全部依赖于 Foundational 完成
- **Polish (Phase 5)**: 依赖所有想要的 Beta 用户故事完成
",
    );
    assert_eq!(
        deps(&src, &plan),
        [
            r#"Phase 2 <- Phase 1 "Setup""#,
            r#"Phase 3 <- Phase 2 "Foundational""#,
            r#"Phase 4 <- Phase 2 "Foundational""#,
            r#"Phase 5 <- Phase 3 "所有想要的 Beta 用户故事""#,
            r#"Phase 5 <- Phase 4 "所有想要的 Beta 用户故事""#,
        ]
    );
    // "无依赖" (no dependencies) names none, and "阻塞所有用户故事" (blocks
    // all user stories) after the dash makes no story wait the other way.
    assert!(plan.phases[0].depends_on.is_empty());
}

#[test]
fn traditional_story_dependencies_and_waits_written_after() {
    let (src, plan) = plan_with(
        "\
## Dependencies & Execution Order

### Phase Dependencies

- **Setup (Phase 1)**: 無相依性 - 可立即開始
- **Foundational (Phase 2)**: 相依於 Setup 完成

### User Story Dependencies

- **User Story 1 (P1)**: Foundational 完成後可開始 - 無其他故事相依性
- **User Story 2 (P2)**: 相依於 US1 和 Foundational (需要同步資料)
- **Polish (Phase 5)**: 相依於所有使用者故事
",
    );
    assert_eq!(
        deps(&src, &plan),
        [
            r#"Phase 2 <- Phase 1 "Setup""#,
            r#"Phase 3 <- Phase 2 "Foundational""#,
            r#"Phase 4 <- Phase 3 "US1""#,
            r#"Phase 4 <- Phase 2 "Foundational""#,
            r#"Phase 5 <- Phase 3 "所有使用者故事""#,
            r#"Phase 5 <- Phase 4 "所有使用者故事""#,
        ]
    );
}

#[test]
fn taken_back_and_unrelated_words_name_no_phase() {
    let (src, plan) = plan_with(
        "\
## Dependencies & Execution Order

### Phase Dependencies

- **Foundational (Phase 2)**: 不依赖 Setup
- **User Story 1 (Phase 3)**: 依赖注入 Setup 的容器
- **User Story 2 (Phase 4)**: 相依套件 Setup 已装好
",
    );
    assert_eq!(deps(&src, &plan), Vec::<String>::new());
}

#[test]
fn dependency_fields_with_chinese_keys() {
    let src = "\
# 计划

## Phase 1: 准备
**依赖**：无
- [ ] T001 建立仓库

## Phase 2: 数据层
**依赖**：Phase 1
- [ ] T002 建表

## Phase 3: 接口层
依賴: Phase 2
- [ ] T003 写接口
  - **前置条件**：T002

## Phase 4: 界面
前置條件：Phase 3
- [ ] T004 画页面
";
    let plan = parse(src);
    assert_eq!(
        deps(src, &plan),
        [
            r#"Phase 2 <- Phase 1 "Phase 1""#,
            r#"Phase 3 <- Phase 2 "Phase 2""#,
            r#"Phase 4 <- Phase 3 "Phase 3""#,
        ]
    );
    // "无" (none) is the phase's own word: no dependency, but stated.
    assert!(plan.phases[0].depends_on.is_empty());
    assert!(plan.phases[0].depends_range.is_some());
    let links = link_pairs(&plan);
    assert_eq!(links, [("T002", "T003")]);
}

#[test]
fn a_tasks_own_words_name_what_it_waits_for() {
    let src = "\
# 任务

## Phase 1: 基础
- [ ] T001 建立仓库
- [ ] T002 定义接口
- [ ] T003 实现接口 (依赖 T002)
- [ ] T004 编写文档（依赖 T001、T003）
- [ ] T005 調整樣式 (相依於 T002)
- [ ] T006 接入日志 (依赖于 T001 和 T005)

## Phase 2: 发布
- [ ] T007 打包（依赖 T004；复用 T001 的脚本）
- [ ] T008 写说明 (依赖 Phase 1)
";
    let plan = parse(src);
    assert_eq!(
        task_deps(&plan),
        [
            "T003 <- T002",
            "T004 <- T001",
            "T004 <- T003",
            "T005 <- T002",
            "T006 <- T001",
            "T006 <- T005",
            "T007 <- T004",
        ]
    );
    assert_eq!(phase_waits(&plan, src), [(7, "Phase 1".into(), "Phase 1")]);
}

#[test]
fn dependency_packages_and_injection_are_no_dependencies() {
    let src = "\
# 任务

## Phase 1: 基础
- [ ] T001 建立仓库
- [ ] T002 安装相依套件 T001 列出的
- [ ] T003 实现依赖注入 T001 的容器
- [ ] T004 清理 (不依赖 T001)
- [ ] T005 检查依赖关系正确 T001
  - 依赖包：T001
- [ ] T006 更新依赖 T001 的文档
";
    let plan = parse(src);
    assert_eq!(task_deps(&plan), Vec::<String>::new());
}

#[test]
fn a_line_opening_with_the_verb_and_a_story_held_around() {
    let (src, plan) = plan_with(
        "\
## Dependencies & Execution Order

### User Story Dependencies

- **User Story 1 (P1)**: 依赖 Foundational
- **User Story 2 (P2)**: 可在 US1 後獨立進行
",
    );
    assert_eq!(
        deps(&src, &plan),
        [
            r#"Phase 3 <- Phase 2 "Foundational""#,
            r#"Phase 4 <- Phase 3 "US1""#,
        ]
    );
    let src = "\
# 计划

## Phase 1: 准备
- [ ] T001 建立仓库

## Phase 2: 数据层
依赖 Phase 1。其余照旧
- [ ] T002 建表

## Phase 3: 界面
依賴 Phase 2
- [ ] T003 画页面
";
    let plan = parse(src);
    assert_eq!(
        deps(src, &plan),
        [
            r#"Phase 2 <- Phase 1 "Phase 1""#,
            r#"Phase 3 <- Phase 2 "Phase 2""#,
        ]
    );
}

#[test]
fn a_phase_heads_bracket_names_what_it_waits_for() {
    let src = "\
# 计划

## Phase 1: 准备
- [ ] T001 建立仓库

## Phase 2: 界面 (依赖 Phase 1)
- [ ] T002 画页面

## Phase 3: 发布 (依赖注入 Phase 2 的服务)
- [ ] T003 打包
";
    let plan = parse(src);
    assert_eq!(deps(src, &plan), [r#"Phase 2 <- Phase 1 "Phase 1""#]);
    assert_eq!(plan.phases[1].title, "界面");
}

#[test]
fn sentences_between_tasks() {
    let src = "\
# 计划

- [ ] T001 建立仓库
- [ ] T002 建表
- [ ] T003 画页面
- [ ] T004 画图标

## Dependencies

- T004 依赖 T003
- T002 依賴於 T001，其余可并行
- T003 使用依赖注入 T001 的容器
";
    let plan = parse(src);
    let links = link_pairs(&plan);
    assert_eq!(links, [("T003", "T004"), ("T001", "T002")]);
}
