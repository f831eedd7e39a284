//! What `next` holds back and `status` leaves out: checks of finished
//! work, a progress log's records, phases that wait for others by what
//! the plan says of user stories and soft dependencies, a phase or plan
//! whose status says it is held up, and a status left as a choice list.

use std::path::Path;

use serde_json::Value;

use crate::support::{concise, planwright, stdout, write};

/// The ids (or `#N`) `next --format json` lists for `plan`.
fn ready(dir: &Path, plan: &str) -> Vec<String> {
    write(dir, "plan.md", plan);
    ready_now(dir)
}

/// The ids `next --format json` lists for the `plan.md` in `dir` as it is.
fn ready_now(dir: &Path) -> Vec<String> {
    let out = planwright(&["next", "plan.md", "--format", "json"], dir);
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    json["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| t["id"].as_str().expect("id").to_owned())
        .collect()
}

#[test]
fn checks_of_finished_work_are_not_offered() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Under a sub-heading of Success Criteria.
    let plan = "# Plan: Widget\n\n## Success Criteria\n\n### Must Have\n- [ ] Widget loads in under a second\n- [ ] All widget tests pass\n";
    assert_eq!(ready(dir.path(), plan), Vec::<String>::new());
    // After a criteria label.
    let plan = "# Plan: Widget\n\n### Milestone 1: Beta\n- [ ] Deploy the beta\n\n**Exit Criteria**:\n- [ ] No open P0 bugs\n";
    assert_eq!(ready(dir.path(), plan), ["#1"]);
    // A checklist for before the PR; one for before the work is work.
    let plan = "# Implementation Plan: Widget\n\n## Phase 1: Build\n- [ ] Write the parser\n\n### Post-Implementation Checklist (Before PR)\n- [ ] All tests passing\n- [ ] Build succeeds\n\n### Pre-Implementation Checklist\n- [ ] Read the spec\n";
    assert_eq!(ready(dir.path(), plan), ["#1", "#4"]);
}

#[test]
fn a_progress_logs_records_count_in_no_progress() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# Plan: Widget\n\n## Tasks\n- [x] Build widget\n- [ ] Ship widget\n\n## Progress Log\n### 2025-01-02\n**Completed**:\n- [x] Build widget - Evidence: PR #4\n";
    assert_eq!(ready(dir.path(), plan), ["#2"]);
    let status = planwright(&["status", "plan.md"], dir.path());
    assert_eq!(
        stdout(&status),
        "Widget  (plan.md)\n  overall    1/2    50%\n"
    );
    let show = planwright(&["show", "plan.md", "--format", "json"], dir.path());
    let json: Value = serde_json::from_slice(&show.stdout).expect("json");
    assert_eq!(json["tasks"][2]["kind"], "logged");
}

#[test]
fn user_stories_wait_for_the_phases_that_say_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Foundational says no story starts before it is done.
    let plan = "# Tasks: Widget\n\n## Phase 1: Foundational (Blocking Prerequisites)\n\n**⚠️ CRITICAL**: No user story work can begin until this phase is complete\n\n- [ ] T001 Set up database\n\n## Phase 2: User Story 1 - Login (Priority: P1)\n- [ ] T002 [US1] Build login form\n";
    assert_eq!(ready(dir.path(), plan), ["T001"]);
    // spec-kit's User Story Dependencies.
    let plan = "# Tasks: Widget\n\n## Phase 1: User Story 1 - Login\n- [ ] T001 [US1] Build login form\n\n## Phase 2: User Story 2 - Logout\n- [ ] T002 [US2] Build logout button\n\n## Dependencies & Execution Order\n\n### User Story Dependencies\n\n- **US2 (P2)**: Depends on US1\n";
    assert_eq!(ready(dir.path(), plan), ["T001"]);
}

#[test]
fn what_would_only_help_holds_nothing_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# Plan: Widget\n\n## Phase 1: Tasks\n- [x] Build tasks\n\n## Phase 2: Colors\n- [ ] Add colors\n\n## Phase 3: Dashboard\n**Dependencies**: Requires Phase 1 complete. Enhanced by Phase 2 (colors).\n- [ ] Build dashboard\n";
    assert_eq!(ready(dir.path(), plan), ["#2", "#3"]);
}

#[test]
fn next_tells_apart_phases_that_share_an_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "p.md",
        "# D\n\n## Phase 2: Frontend\n- [ ] T003 Button\n\n## Phase 2: Docs\n- [ ] T004 Guide\n\n## Phase 3: Ship\n- [ ] T005 Tag\n",
    );
    let out = planwright(&["next", "p.md"], dir.path());
    assert_eq!(
        stdout(&out),
        "p.md\n  ready\n    T003  Button  (Phase 2: Frontend)\n    T004  Guide  (Phase 2: Docs)\n    T005  Tag  (Phase 3)\n"
    );
}

#[test]
fn a_phase_held_up_says_so_in_status_and_holds_its_tasks_in_next() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "p.md",
        "# T\n\n## Phase 1: Events\n**Status:** Blocked — waiting for the key\n- [ ] Emit events\n\n## Phase 2: Hooks\n- [x] Wire hooks\n",
    );
    let status = planwright(&["status", "p.md"], dir.path());
    assert_eq!(
        stdout(&status),
        "T  (p.md)\n  overall    1/2    50%\n\n  Phase 1: Events    0/1     0%  held: Blocked — waiting for the key\n  Phase 2: Hooks     1/1   100%\n"
    );
    let next = planwright(&["next", "p.md"], dir.path());
    assert_eq!(
        stdout(&next),
        "no task can start now: 1 open task waits for others\n  `planwright graph p.md` shows what waits for what, and exits 1 on a cycle\np.md\n  waiting\n    #1  Emit events  (Phase 1)\n      still waits for Phase 1 (status: Blocked — waiting for the key)\n"
    );
}

#[test]
fn a_plan_held_up_holds_every_task_in_next_and_says_so_in_status() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# T\n\n**Status:** On hold — waiting for the budget\n\n## Phase 1: Events\n- [x] Emit events\n- [ ] Store events\n\n## Tasks\n- [ ] Write docs\n";
    write(dir.path(), "p.md", plan);
    let next = planwright(&["next", "p.md"], dir.path());
    assert_eq!(
        stdout(&next),
        "no task can start now: the plan's status holds its 2 open tasks (On hold — waiting for the budget)\n  `planwright set p.md status VALUE` once the work can go on\np.md\n  waiting\n    #2  Store events  (Phase 1)\n      still waits for the plan (status: On hold — waiting for the budget)\n    #3  Write docs\n      still waits for the plan (status: On hold — waiting for the budget)\n"
    );
    // Listed in part, or counted alone, the tasks are still held by the
    // plan's status, and the first line still says so.
    let headline = "no task can start now: the plan's status holds its 2 open tasks (On hold — waiting for the budget)\n  `planwright set p.md status VALUE` once the work can go on\n";
    assert_eq!(
        stdout(&planwright(&["next", "p.md", "-n", "0"], dir.path())),
        headline
    );
    assert_eq!(
        stdout(&planwright(&["next", "p.md", "-n", "1"], dir.path())),
        format!(
            "{headline}p.md\n  waiting\n    #2  Store events  (Phase 1)\n      still waits for the plan (status: On hold — waiting for the budget)\n… and 1 more waiting (-n 2 to see them)\n"
        )
    );
    // `-n` says how many waiting tasks are listed, as it does for the
    // JSON: all eight here, where the terminal stopped at five.
    let many = (1..=8).fold(String::new(), |all, i| all + &format!("- [ ] Task {i}\n"));
    write(
        dir.path(),
        "many.md",
        &format!("# M\n\n**Status:** Blocked\n\n{many}"),
    );
    let listed = stdout(&planwright(&["next", "many.md", "-n", "8"], dir.path()));
    assert_eq!(listed.matches("still waits for").count(), 8, "{listed}");
    assert!(!listed.contains("more waiting"), "{listed}");
    let listed = stdout(&planwright(&["next", "many.md", "-n", "7"], dir.path()));
    assert_eq!(listed.matches("still waits for").count(), 7, "{listed}");
    assert!(
        listed.ends_with("… and 1 more waiting (-n 8 to see them)\n"),
        "{listed}"
    );
    // Held by more than its status, the plan's tasks are a graph's news;
    // the hold is counted beside it.
    let phase_held = plan.replace(
        "- [x] Emit events\n",
        "**Status:** Paused\n- [x] Emit events\n",
    );
    write(dir.path(), "q.md", &phase_held);
    assert_eq!(
        stdout(&planwright(&["next", "q.md", "-n", "0"], dir.path())),
        "no task can start now: 2 open tasks wait for others, 1 plan held by its status\n  `planwright graph q.md` shows what waits for what, and exits 1 on a cycle\n"
    );
    let json = planwright(&["next", "p.md", "--format", "json"], dir.path());
    let json: Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(json["tasks"], serde_json::json!([]));
    assert_eq!(json["waiting"][0]["waits_for"], serde_json::json!(["plan"]));
    assert_eq!(json["waiting"][1]["waits_for"], serde_json::json!(["plan"]));
    let status = planwright(&["status", "p.md"], dir.path());
    assert_eq!(
        stdout(&status),
        "T  (p.md)\n  status   On hold — waiting for the budget  (held: no task can start)\n  overall    1/3    33%\n\n  Phase 1: Events        1/2    50%\n  (outside any phase)    0/1     0%\n"
    );
    let json = planwright(&["status", "p.md", "--format", "json"], dir.path());
    let json: Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(json["plans"][0]["held"], true);
    assert_eq!(json["plans"][0]["phases"][0]["held"], false);
    // A status that is not held up holds nothing.
    for status in ["Not blocked", "Draft", "In Progress"] {
        let moved = plan.replace("On hold — waiting for the budget", status);
        assert_eq!(ready(dir.path(), &moved), ["#2", "#3"], "{status}");
        let shown = stdout(&planwright(&["status", "plan.md"], dir.path()));
        assert!(!shown.contains("held"), "{status}: {shown}");
    }
}

#[test]
fn work_in_progress_in_a_plan_held_up_is_listed_with_what_holds_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "p.md",
        "# T\n\n**Status:** Blocked\n\n## Phase 1: Events\n**Status:** Paused\n- [-] Emit events\n\n## Phase 2: Hooks\n- [ ] Wire hooks\n",
    );
    let next = planwright(&["next", "p.md"], dir.path());
    assert_eq!(
        stdout(&next),
        "p.md\n  in progress\n    #1  Emit events  (Phase 1)\n      still waits for Phase 1 (status: Paused), the plan (status: Blocked)\n\
         1 open task waits for others (--waiting to list them)\n"
    );
    let json = planwright(&["next", "p.md", "--format", "json"], dir.path());
    let json: Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(
        json["tasks"][0]["waits_for"],
        serde_json::json!(["Phase 1", "plan"])
    );
    let status = planwright(&["status", "p.md", "--format", "json"], dir.path());
    let status: Value = serde_json::from_slice(&status.stdout).expect("json");
    assert_eq!(status["plans"][0]["held"], true);
    assert_eq!(status["plans"][0]["phases"][0]["held"], true);
    assert_eq!(status["plans"][0]["phases"][1]["held"], false);
}

#[test]
fn a_choice_list_left_to_pick_is_no_phase_status() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# T\n\n## Phase 1: Setup ✅\n**Status**: ⬜ Not Started | 🔄 In Progress | ✅ Passed | ❌ Failed\n\n## Phase 2: Build\n**Status**: Draft | Blocked | In Progress\n- [ ] Write the parser\n\n## Phase 3: Ship\n**Status**: Not Started | In Progress | Done\n";
    assert_eq!(ready(dir.path(), plan), ["#1"]);
    // Not shown as a status, and no state of the phase: Phase 1 is done
    // as its head says, Phase 2 held by nothing, Phase 3 without status.
    let status = planwright(&["status", "plan.md"], dir.path());
    assert_eq!(
        stdout(&status),
        "T  (plan.md)\n  overall    0/1     0%\n\n  Phase 1: Setup  no tasks; status ✅\n  Phase 2: Build    0/1     0%\n  Phase 3: Ship   no tasks\n"
    );
    let show = planwright(&["show", "plan.md", "--format", "json"], dir.path());
    let show: Value = serde_json::from_slice(&show.stdout).expect("json");
    let statuses: Vec<&Value> = show["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .map(|p| &p["status"])
        .collect();
    assert_eq!(
        statuses,
        [&serde_json::json!("✅"), &Value::Null, &Value::Null]
    );
    // Still a choice left open, for lint.
    let lint = concise(dir.path(), "plan.md", "PW106");
    assert_eq!(lint.lines().count(), 3, "{lint}");
}

#[test]
fn numbered_steps_are_offered_one_at_a_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A plan written for a coding agent: each task's steps in order.
    let plan = "# Export Plan\n\n### Task 1: Parse the flag\n\n\
                - [ ] **Step 1: Write the failing test**\n\n\
                - [ ] **Step 2: Run it to see it fail**\n\n\
                - [ ] **Step 3: Make it pass**\n\n\
                ### Task 2: Document the flag\n\n\
                - [ ] **Step 1: Write the section**\n\n\
                - [ ] **Step 2: Commit**\n";
    assert_eq!(ready(dir.path(), plan), ["#1", "#4"]);
    let done = planwright(&["done", "plan.md", "#1"], dir.path());
    assert!(done.status.success(), "{}", stdout(&done));
    assert_eq!(ready_now(dir.path()), ["#2", "#4"]);
}

#[test]
fn a_plan_held_up_is_marked_in_the_table_of_plans() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "a-plan.md",
        "# A\n\n**Status:** On hold — waiting for the budget and a long review\n\n- [x] Emit events\n- [ ] Store events\n",
    );
    write(
        dir.path(),
        "b-plan.md",
        "# B\n\n**Status:** In Progress\n\n- [ ] Wire hooks\n",
    );
    // Finished, a plan's hold holds nothing back.
    write(
        dir.path(),
        "c-plan.md",
        "# C\n\n**Status:** Paused\n\n- [x] Ship\n",
    );
    assert_eq!(
        stdout(&planwright(&["status", "."], dir.path())),
        "plan       status                progress\na-plan.md  On hold — waiting f…    1/2    50%  held: no task can start\nb-plan.md  In Progress             0/1     0%\nc-plan.md  Paused                  1/1   100%\n3 plans                            2/4    50%\n"
    );
}

#[test]
fn a_plan_status_left_to_fill_is_shown_as_such() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (value, shown) in [
        (
            "Draft | Blocked | Completed",
            "  status   Draft | Blocked | Completed  (left to fill)\n",
        ),
        ("[STATUS]", "  status   [STATUS]  (left to fill)\n"),
        ("Draft", "  status   Draft\n"),
    ] {
        write(
            dir.path(),
            "p.md",
            &format!("# T\n\n**Status:** {value}\n\n- [ ] Emit events\n"),
        );
        let out = stdout(&planwright(&["status", "p.md"], dir.path()));
        assert_eq!(
            out.lines().nth(1).map(|l| format!("{l}\n")),
            Some(shown.to_owned()),
            "{value}"
        );
    }
}

#[test]
fn the_table_of_plans_says_a_status_is_left_to_fill() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "a-plan.md",
        "# A\n\n**Status:** Draft | In Progress | Completed\n\n- [ ] Emit events\n- [x] Keep them\n",
    );
    write(
        dir.path(),
        "b-plan.md",
        "# B\n\n**Status:** In Progress\n\n- [ ] Emit events\n",
    );
    assert_eq!(
        stdout(&planwright(&["status", "."], dir.path())),
        "plan       status          progress\na-plan.md  (left to fill)    1/2    50%\nb-plan.md  In Progress       0/1     0%\n2 plans                      1/3    33%\n"
    );
    let json = planwright(&["status", ".", "--format", "json"], dir.path());
    let json: Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(
        json["plans"][0]["status"],
        "Draft | In Progress | Completed"
    );
    assert_eq!(json["plans"][0]["status_left_to_fill"], true);
    assert_eq!(json["plans"][1]["status_left_to_fill"], false);
}

#[test]
fn work_given_up_by_its_status_is_not_offered_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# Plan\n\n## Phase 1: Spike\n**Status:** Cancelled\n- [ ] T001 Try the vendor SDK\n\n## Phase 2: Build\n**Depends on:** Phase 1\n- [ ] T002 Build it ourselves\n";
    assert_eq!(ready(dir.path(), plan), ["T002"]);
    write(
        dir.path(),
        "plan.md",
        "# Plan\n\n**Status:** Cancelled (merged into the v2 plan)\n\n- [ ] T001 One\n- [ ] T002 Two\n",
    );
    let out = planwright(&["next", "plan.md"], dir.path());
    assert_eq!(
        stdout(&out),
        "nothing to do: 2 open tasks are in work given up (a status such as Cancelled)\n  \
         `planwright set plan.md status VALUE` to take it up again\n"
    );
    let json = planwright(&["next", "plan.md", "--format", "json"], dir.path());
    let json: Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(json["given_up"], 2);
    assert_eq!(json["waiting"].as_array().map(Vec::len), Some(0));
}
