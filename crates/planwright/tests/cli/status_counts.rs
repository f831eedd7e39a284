//! `status` counting definition-of-done items and acceptance criteria as
//! `next` reads them: a `[-]` on one is open, never in progress.

use serde_json::json;

use crate::support::{planwright, stdout, write};

const PLAN: &str = "# Plan\n\n## Tasks\n\n- [x] T001 Build it\n- [-] T002 Ship it\n\n## Definition of Done\n\n- [-] All tests pass\n- [x] Docs updated\n\n## Acceptance Criteria\n\n- [~] Users can log in\n";

#[test]
fn a_started_check_that_closes_the_work_counts_as_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.md", PLAN);
    let one = planwright(&["status", "plan.md"], dir.path());
    assert_eq!(
        stdout(&one),
        "Plan  (plan.md)\n  overall    2/5    40%  (1 in progress)\n\n\
         \x20 Tasks                  1/2    50%  (1 in progress)\n\
         \x20 Definition of Done     1/2    50%\n\
         \x20 Acceptance Criteria    0/1     0%\n"
    );
    // `next` agrees: the one task in progress, and nothing of the checks.
    let next = planwright(&["next", "plan.md"], dir.path());
    assert_eq!(stdout(&next), "plan.md\n  in progress\n    T002  Ship it\n");

    let json: serde_json::Value = serde_json::from_slice(
        &planwright(&["status", "plan.md", "--format", "json"], dir.path()).stdout,
    )
    .expect("json");
    let counts = json!({"done": 2, "in_progress": 1, "open": 2, "total": 5, "percent": 40.0});
    assert_eq!(json["plans"][0]["progress"], counts);
    assert_eq!(json["total"], counts);

    let folder = planwright(&["status", "."], dir.path());
    assert_eq!(
        stdout(&folder),
        "plan     status  progress\nplan.md  -         2/5    40%  (1 in progress)\n1 plan             2/5    40%  (1 in progress)\n"
    );
}

/// Tasks before the first phase or after the last one get a row of their
/// own, so that the rows add up to the plan's progress; a plan with no
/// phase has no rows at all.
#[test]
fn tasks_outside_every_phase_have_their_own_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# Mixed\n\n- [ ] T000 Before the phases\n\n## Phase 1: A\n\n- [x] T001 a\n\n\
                ## Notes\n\n- [x] T009 After them\n";
    write(dir.path(), "plan.md", plan);
    write(
        dir.path(),
        "flat.md",
        "# Flat\n\n- [ ] T001 a\n- [x] T002 b\n",
    );
    assert_eq!(
        stdout(&planwright(&["status", "plan.md"], dir.path())),
        "Mixed  (plan.md)\n  overall    2/3    67%\n\n  Phase 1: A             1/1   100%\n  (outside any phase)    1/2    50%\n"
    );
    assert_eq!(
        stdout(&planwright(&["status", "flat.md"], dir.path())),
        "Flat  (flat.md)\n  overall    1/2    50%\n"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &planwright(&["status", "plan.md", "--format", "json"], dir.path()).stdout,
    )
    .expect("json");
    assert_eq!(
        json["plans"][0]["outside_phases"],
        json!({"done": 1, "in_progress": 0, "open": 1, "total": 2, "percent": 50.0})
    );
    let json: serde_json::Value = serde_json::from_slice(
        &planwright(&["status", "flat.md", "--format", "json"], dir.path()).stdout,
    )
    .expect("json");
    assert!(json["plans"][0].get("outside_phases").is_none());
}

/// Phases that hold none of the tasks still leave the tasks a row, in the
/// terminal and the JSON: the phases are listed (as having no tasks), and
/// the rows must add up.
#[test]
fn tasks_outside_phases_that_hold_none_have_their_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# Migration\n\n## Phase 0: Research\n\nRead the old API.\n\n\
                ## Phase 1: Design\n\nSketch the new one.\n\n## Progress\n\n\
                - [x] Research done\n- [ ] Design done\n";
    write(dir.path(), "plan.md", plan);
    assert_eq!(
        stdout(&planwright(&["status", "plan.md"], dir.path())),
        "Migration  (plan.md)\n  overall    1/2    50%\n\n  Phase 0: Research    no tasks\n  Phase 1: Design      no tasks\n  (outside any phase)    1/2    50%\n"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &planwright(&["status", "plan.md", "--format", "json"], dir.path()).stdout,
    )
    .expect("json");
    let plan = &json["plans"][0];
    assert_eq!(plan["phases"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        plan["outside_phases"],
        json!({"done": 1, "in_progress": 0, "open": 1, "total": 2, "percent": 50.0})
    );
}

/// Check boxes under "Out of Scope" or "Future Enhancements" are left for
/// later: `next` offers none, `status` counts none, and a plan whose
/// work is over may say Completed (PW201 holds its peace).
#[test]
fn work_left_for_later_is_no_work_of_the_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# Plan\n\n**Status:** Completed\n\n## Tasks\n\n- [x] T001 CSV export\n- [x] T002 Docs\n\n## Out of Scope\n\n- [ ] PDF export\n\n## Future Enhancements\n\n- [ ] T003 Scheduled exports\n";
    write(dir.path(), "plan.md", plan);
    let status = planwright(&["status", "plan.md"], dir.path());
    assert_eq!(
        stdout(&status),
        "Plan  (plan.md)\n  status   Completed\n  overall    2/2   100%\n"
    );
    let next = planwright(&["next", "plan.md"], dir.path());
    assert_eq!(stdout(&next), "nothing to do: every task is done\n");
    let lint = planwright(&["lint", "plan.md", "--select", "PW201"], dir.path());
    assert!(lint.status.success(), "{}", stdout(&lint));
    // `show` still has them, by kind.
    let json: serde_json::Value = serde_json::from_slice(
        &planwright(&["show", "plan.md", "--format", "json"], dir.path()).stdout,
    )
    .expect("json");
    let kinds: Vec<&str> = json["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| t["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["task", "task", "deferred", "deferred"]);
}

/// A phase without tasks shows its status, and the JSON says whether it is
/// finished as `next` reads it; check boxes left for later make no row of
/// their own outside the phases.
#[test]
fn phases_without_tasks_show_their_status() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# Roadmap\n\n## Phase 1: Base\n\n**Status:** Done\n\n\
                ## Phase 2: Core\n\n**Status:** In Progress\n\n## Phase 3: Polish\n\n\
                - [ ] Shine\n\n## Out of Scope\n\n- [ ] Themes\n";
    write(dir.path(), "plan.md", plan);
    assert_eq!(
        stdout(&planwright(&["status", "plan.md"], dir.path())),
        "Roadmap  (plan.md)\n  overall    0/1     0%\n\n  Phase 1: Base    no tasks; status Done\n  \
         Phase 2: Core    no tasks; status In Progress\n  Phase 3: Polish    0/1     0%\n"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &planwright(&["status", "plan.md", "--format", "json"], dir.path()).stdout,
    )
    .expect("json");
    let phases: Vec<_> = json["plans"][0]["phases"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| (p["status"].clone(), p["finished"].clone()))
        .collect();
    assert_eq!(
        phases,
        [
            (json!("Done"), json!(true)),
            (json!("In Progress"), json!(false)),
            (serde_json::Value::Null, json!(false)),
        ]
    );
    assert!(json["plans"][0].get("outside_phases").is_none());
}

/// Obsidian's task marks: `[/]` is work under way, `[>]` work moved to
/// later (counted nowhere, offered by no `next`); a box planwright reads
/// no task from is no task, and lint says so instead of keeping quiet.
#[test]
fn half_filled_and_forwarded_boxes_count_and_odd_boxes_are_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# Plan\n\n## Tasks\n\n- [x] T001 Parser\n- [/] T002 Docs\n- [>] T003 Plugins\n- [✓] T004 Beta\n- [ ] T005 Release\n";
    write(dir.path(), "plan.md", plan);
    let status = planwright(&["status", "plan.md"], dir.path());
    assert_eq!(
        stdout(&status),
        "Plan  (plan.md)\n  overall    1/3    33%  (1 in progress)\n"
    );
    let next = planwright(&["next", "plan.md"], dir.path());
    assert_eq!(
        stdout(&next),
        "plan.md\n  in progress\n    T002  Docs\n  ready\n    T005  Release\n"
    );
    let lint = planwright(&["lint", "--format", "concise", "plan.md"], dir.path());
    assert_eq!(lint.status.code(), Some(0));
    assert_eq!(
        stdout(&lint),
        "plan.md:8:3: PW211 `[✓]` is no check box planwright reads: this item is not a task\n"
    );
    // The tick's fix asks for --unsafe-fixes, and then writes only the mark.
    let fixed = planwright(&["lint", "--fix", "--unsafe-fixes", "plan.md"], dir.path());
    assert_eq!(fixed.status.code(), Some(0), "{}", stdout(&fixed));
    let after = std::fs::read_to_string(dir.path().join("plan.md")).unwrap();
    assert_eq!(after, plan.replace("[✓]", "[x]"));
    // `done --start` keeps the plan's own mark for work in progress.
    let start = planwright(&["done", "--start", "plan.md", "T005"], dir.path());
    assert_eq!(start.status.code(), Some(0), "{}", stdout(&start));
    let after = std::fs::read_to_string(dir.path().join("plan.md")).unwrap();
    assert!(after.contains("- [/] T005 Release\n"), "{after}");
}

/// `show`'s outline has the rows `status` has, the one for tasks outside
/// every phase or section included, so that they add up to its count too.
#[test]
fn show_lists_the_rows_status_adds_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "plan.md",
        "# Mixed\n\n- [ ] T000 Before the phases\n\n## Phase 1: A\n\n- [x] T001 a\n\n\
         ## Notes\n\n- [x] T009 After them\n",
    );
    write(
        dir.path(),
        "sections.md",
        "# Sync\n\n- [x] read the spec\n\n## 1. Core\n\n- [x] 1.1 types\n- [ ] 1.2 paths\n\n\
         ## 2. CLI\n\n- [ ] 2.1 command\n",
    );
    assert_eq!(
        stdout(&planwright(&["show", "plan.md"], dir.path())),
        "Mixed\n  file      plan.md\n  dialect   speckit-tasks (tasks carry T### ids)\n  tasks     2/3 done (67%)\n\n\
         Phases\n  Phase 1: A           1/1\n  (outside any phase)  1/2\n"
    );
    assert!(
        stdout(&planwright(&["show", "sections.md"], dir.path())).ends_with(
            "\nTasks by section\n  1. Core                1/2\n  2. CLI                 0/1\n  (outside any section)  1/1\n"
        )
    );
}
