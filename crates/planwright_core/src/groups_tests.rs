use super::*;

/// A group's heading title or task id, done and total.
type Row = (String, usize, usize);

/// Each group as a [`Row`], then the rest's done and total.
type Rows = (Vec<Row>, Option<(usize, usize)>);

fn rows(src: &str) -> Option<Rows> {
    let plan = crate::parse(src);
    let groups = plan.task_groups()?;
    let rows = groups
        .groups
        .iter()
        .map(|g| {
            let name = match g.by {
                GroupBy::Section(s) => plan.sections[s].title.to_string(),
                GroupBy::Task(t) => plan.tasks[t].id.to_string(),
            };
            (name, g.progress.done, g.progress.total)
        })
        .collect();
    Some((rows, groups.rest.map(|r| (r.done, r.total))))
}

fn row(name: &str, done: usize, total: usize) -> Row {
    (name.to_owned(), done, total)
}

#[test]
fn sections_below_the_heading_all_tasks_share_are_the_groups() {
    let src = "# Tasks: Sync\n\n## 1. Core\n\n- [x] 1.1 types\n- [x] 1.2 paths\n\n\
               ## 2. CLI\n\n- [x] 2.1 command\n\n### 2.x Extras\n\n- [ ] 2.2 menu\n\n\
               ## 3. Docs\n\n- [ ] 3.1 readme\n";
    assert_eq!(
        rows(src),
        Some((
            vec![row("Core", 2, 2), row("CLI", 1, 2), row("Docs", 0, 1)],
            None
        ))
    );
    // The same without a title: the top-level sections are the groups.
    let untitled = src.trim_start_matches("# Tasks: Sync\n\n");
    assert_eq!(rows(untitled).unwrap().0.len(), 3);
}

#[test]
fn a_box_straight_under_the_shared_heading_is_in_no_group() {
    let src =
        "# Plan\n\n- [x] read the spec\n\n## Backend\n\n- [ ] api\n\n## Frontend\n\n- [x] page\n";
    assert_eq!(
        rows(src),
        Some((
            vec![row("Backend", 0, 1), row("Frontend", 1, 1)],
            Some((1, 1))
        ))
    );
}

#[test]
fn one_section_of_parent_tasks_is_grouped_by_them() {
    // Kiro: the work under one heading, each top-level task over its own.
    let src = "# Implementation Plan\n\n## Tasks\n\n\
               - [x] 1. Set up\n  - [x] 1.1 repo\n  - [x] 1.2 ci\n\n\
               - [ ] 2. Build\n  - [x] 2.1 model\n  - [ ] 2.2 api\n\n\
               - [ ] 3. Release\n";
    assert_eq!(
        rows(src),
        Some((vec![row("1", 3, 3), row("2", 1, 3), row("3", 0, 1)], None))
    );
    // Two parents among five top-level tasks outline nothing.
    let few = "# P\n\n- [ ] 1. A\n  - [ ] 1.1 a\n- [ ] 2. B\n  - [ ] 2.1 b\n- [ ] 3. C\n- [ ] 4. D\n- [ ] 5. E\n";
    assert_eq!(rows(few), None);
    // Flat, with the parent read from the ids.
    let flat = "# Plan\n\n- [x] 1. Set up\n- [x] 1.1 repo\n- [ ] 2. Build\n- [ ] 2.1 model\n";
    assert_eq!(
        rows(flat),
        Some((vec![row("1", 2, 2), row("2", 0, 2)], None))
    );
}

#[test]
fn plans_with_phases_or_a_single_group_have_none() {
    let phased = "# P\n\n## Phase 1: A\n\n- [ ] T001 a\n\n## Phase 2: B\n\n- [ ] T002 b\n";
    assert_eq!(rows(phased), None);
    let flat = "# P\n\n## Tasks\n\n- [ ] T001 a\n- [ ] T002 b\n";
    assert_eq!(rows(flat), None);
    let one_parent = "# P\n\n- [ ] 1. A\n  - [ ] 1.1 a\n- [ ] 2. B\n";
    assert_eq!(rows(one_parent), None);
    assert_eq!(rows(""), None);
}

#[test]
fn boxes_that_do_not_count_are_in_no_group() {
    // Left for later: no group of its own, and not in the rest.
    let src = "# P\n\n## Now\n\n- [x] a\n\n## Later\n\n- [ ] b\n\n## Out of Scope\n\n- [ ] c\n";
    let plan = crate::parse(src);
    let total: usize = plan.task_groups().map_or(0, |g| {
        g.groups.iter().map(|g| g.progress.total).sum::<usize>() + g.rest.map_or(0, |r| r.total)
    });
    assert_eq!(total, plan.progress(&plan.tasks).total);
}
