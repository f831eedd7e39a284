//! Ranges of ids as `next`, `graph` and JSON `depends_on` resolve them.

use std::fmt::Write as _;

use super::*;
use crate::waits::{Node, waits};

/// The ids of the tasks task `t` waits for, as the wait graph has them.
fn waited_for(plan: &Plan, t: usize) -> Vec<&str> {
    waits(plan)
        .into_iter()
        .filter(|w| w.to == Node::Task(t))
        .filter_map(|w| match w.from {
            Node::Task(f) => Some(plan.tasks[f].id.as_str()),
            Node::Phase(_) => None,
        })
        .collect()
}

fn task(plan: &Plan, id: &str) -> usize {
    plan.tasks.iter().position(|t| t.id == id).unwrap()
}

/// The QA plan: 1,500 done tasks but T1400, and T1600 waiting for all.
fn qa_plan() -> String {
    let mut src = String::from("# P\n\n");
    for i in 1..=1500 {
        let mark = if i == 1400 { ' ' } else { 'x' };
        let _ = writeln!(src, "- [{mark}] T{i:04} t{i}");
    }
    src.push_str("- [ ] T1600 final, depends on T0001-T1500\n");
    src
}

#[test]
fn a_range_over_a_thousand_ids_waits_for_every_one() {
    let plan = crate::parse(&qa_plan());
    let last = task(&plan, "T1600");
    let from = waited_for(&plan, last);
    assert_eq!(from.len(), 1500);
    // The open T1400 holds T1600 back: `next` lists T1400 alone.
    assert!(from.contains(&"T1400"));
    let ids = DependencyIds::new(&plan).task(last);
    assert_eq!(ids.len(), 1500);
    assert_eq!(ids[..2], ["T0001", "T0002"]);
    assert_eq!(ids[1498..], ["T1499", "T1500"]);
}

#[test]
fn a_range_crossing_a_missing_id_waits_for_the_tasks_around_it() {
    let src =
        "# P\n\n- [ ] T001 a\n- [ ] T002 b\n- [ ] T004 d\n- [ ] T005 e (depends on T001-T004)\n";
    let plan = crate::parse(src);
    assert_eq!(waited_for(&plan, 3), ["T001", "T002", "T004"]);
    // JSON lists the ends as written and the tasks between.
    assert_eq!(DependencyIds::new(&plan).task(3), ["T001", "T002", "T004"]);
    let range = TaskRange::parse("T001..T004").unwrap();
    let missing = TaskRanges::new(&plan).missing(&range);
    assert_eq!(missing, Some((Text::from("T003"), 1)));
}

#[test]
fn padded_ranges_name_padded_ids_and_unpadded_ranges_unpadded_ones() {
    let src = "# P\n\n- [ ] T8 a\n- [ ] T09 b\n- [ ] T10 c\n- [ ] T011 d\n- [ ] T100 e\n- [ ] T200 f (depends on T8-T100)\n- [ ] T201 g (depends on T009-T011)\n- [ ] T202 h (depends on T08-T10)\n";
    let plan = crate::parse(src);
    // `T8-T100`: no zero padding, so T09 and T011 are not in it.
    assert_eq!(waited_for(&plan, 5), ["T8", "T10", "T100"]);
    // `T009-T011`: three digits each, so only T011.
    assert_eq!(waited_for(&plan, 6), ["T011"]);
    // `T08-T10`: two digits each, T09 and T10 but not T8.
    assert_eq!(waited_for(&plan, 7), ["T09", "T10"]);
    assert_eq!(
        DependencyIds::new(&plan).task(7),
        ["T08", "T09", "T10"],
        "the ends as written, then the tasks between"
    );
}

#[test]
fn a_range_of_a_billion_ids_costs_the_tasks_the_plan_has() {
    let src = "# P\n\n- [ ] T1 a\n- [x] T2 b\n- [ ] T77 c\n- [ ] T9 d (after T1-T999999999)\n";
    let plan = crate::parse(src);
    assert_eq!(plan.tasks[3].depends_on, ["T1..T999999999"]);
    assert_eq!(waited_for(&plan, 3), ["T1", "T2", "T9", "T77"]);
    let ids = DependencyIds::new(&plan).task(3);
    assert_eq!(ids, ["T1", "T2", "T9", "T77", "T999999999"]);
    let range = TaskRange::parse("T1..T999999999").unwrap();
    let missing = TaskRanges::new(&plan).missing(&range);
    assert_eq!(missing, Some((Text::from("T3"), 999_999_995)));
}

#[test]
fn a_long_line_of_ranges_stays_in_proportion_to_the_plan() {
    // 1.7 MB of ranges on one task line, each over every task.
    let mut src = String::from("# P\n\n");
    for i in 1..=200 {
        let _ = writeln!(src, "- [ ] T{i} t");
    }
    src.push_str("- [ ] T999 x, depends on ");
    for i in 0..120_000 {
        let _ = write!(src, "T{}-T99999, ", 1 + i % 150);
    }
    src.push('\n');
    let plan = crate::parse(&src);
    let last = plan.tasks.len() - 1;
    // One key per distinct range written, not their ids.
    assert_eq!(plan.tasks[last].depends_on.len(), 150);
    // One wait per task waited for (T999 itself among them); the ids
    // once each, and the end `T99999` as written.
    assert_eq!(waited_for(&plan, last).len(), 201);
    assert_eq!(DependencyIds::new(&plan).task(last).len(), 202);
}

#[test]
fn past_the_budget_a_range_still_holds_back_what_waits() {
    // Every task waits for a range over all of them: the square of the
    // tasks in waits, past the budget.
    let n = 1200;
    let mut src = String::from("# P\n\n");
    for i in 1..=n {
        let mark = if i < 700 { 'x' } else { ' ' };
        let _ = writeln!(src, "- [{mark}] T{i:04} t (depends on T0001-T{n:04})");
    }
    let plan = crate::parse(&src);
    let ranges = TaskRanges::new(&plan);
    assert!(!ranges.full());
    let all = waits(&plan);
    // One wait per task, for the first task still open: T0700.
    assert_eq!(all.len(), n);
    assert!(all.iter().all(|w| w.from == Node::Task(699)));
    // JSON keeps the ends and the first open task.
    assert_eq!(
        DependencyIds::new(&plan).task(0),
        ["T0001", "T0700", "T1200"]
    );
}

#[test]
fn a_chain_into_a_range_holds_back_each_of_its_tasks() {
    let mut src = String::from("# P\n\n- [ ] T0001 first\n");
    for i in 2..=1500 {
        let _ = writeln!(src, "- [ ] T{i:04} t");
    }
    src.push_str("\nT0001 → T0002-T1500\n");
    let plan = crate::parse(&src);
    assert_eq!(waited_for(&plan, 1499), ["T0001"]);
    let targets = TaskRanges::new(&plan).link_targets(&plan);
    assert_eq!(targets.len(), 1499);
    assert_eq!(DependencyIds::new(&plan).task(1499), ["T0001"]);
}

#[test]
fn a_padded_range_into_wider_ids_names_every_id_between() {
    // Padded to three digits up to T999, as the plan writes them, then
    // T1000 on: all done but T500.
    let mut src = String::from("# P\n\n");
    for i in 95..=1003 {
        let mark = if i == 500 { ' ' } else { 'x' };
        let _ = writeln!(src, "- [{mark}] T{i:03} t{i}");
    }
    src += "- [ ] T2000 wrap up (depends on T095-T1003)\n";
    let plan = crate::parse(&src);
    let last = task(&plan, "T2000");
    assert_eq!(plan.tasks[last].depends_on, ["T095..T1003"]);
    let waited = waited_for(&plan, last);
    assert_eq!(waited.len(), 1003 - 95 + 1);
    assert_eq!(
        [waited[0], waited[904], waited[905], waited[908]],
        ["T095", "T999", "T1000", "T1003"]
    );
    let ids = DependencyIds::new(&plan).task(last);
    assert_eq!(ids.len(), 1003 - 95 + 1);
    assert!(ids.iter().any(|id| id == "T500"));
    assert_eq!(ids.last().map(Text::as_str), Some("T1003"));

    let range = TaskRange::new("T001", "T1000").unwrap();
    assert_eq!(range.len(), 1000);
    assert_eq!(
        (range.id(7), range.id(1000)),
        ("T007".into(), "T1000".into())
    );
    assert_eq!(range.label(), "T001-T1000");
    let missing = TaskRanges::new(&plan).missing(&range);
    assert_eq!(missing, Some((Text::from("T001"), 94)));
    // Padding written on the wider end, or on the longer one, still
    // disagrees.
    assert_eq!(TaskRange::new("T001", "T12"), None);
    assert_eq!(TaskRange::new("T01", "T0100"), None);
}
