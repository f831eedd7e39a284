//! What `next` says beside the tasks that can start: the tasks that wait
//! (`--waiting`, and always in the JSON), the dependencies on what a plan
//! lacks (in the JSON as `graph`'s), and the plan its hints name.

use std::path::Path;

use serde_json::{Value, json};

use crate::support::{
    json_of, planwright, planwright_with_input, stderr, stdout, transcript, waits_in, write,
};

/// A folder that is a repository root, holding `files` (name, content).
fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "planwright.toml", "");
    for (name, content) in files {
        write(dir.path(), name, content);
    }
    dir
}

/// Ready and waiting tasks from two sections of one plan, a plan held by
/// its status (waiting only), and one with nothing that waits.
const PLANS: [(&str, &str); 3] = [
    (
        "a-plan.md",
        "# A\n\n## 1. Core\n\n- [ ] T001 Write the core\n\n## 2. CLI\n\n\
         - [ ] T002 Wire the CLI (depends on T001)\n- [ ] T003 Document it (depends on T002)\n",
    ),
    (
        "b-plan.md",
        "# B\n\n**Status:** On hold\n\n- [ ] T001 Ship\n",
    ),
    ("c-plan.md", "# C\n\n- [ ] T001 Tidy up\n"),
];

#[test]
fn waiting_tasks_are_counted_beside_ready_ones_and_listed_with_the_flag() {
    let dir = repo(&PLANS);
    let mut snap = String::new();
    for args in [
        &["next"][..],
        &["next", "--waiting"],
        &["next", "--waiting", "-n", "1"],
        &["next", "-n", "0"],
        &["next", "-n", "0", "--waiting"],
        &["next", "c-plan.md", "--waiting"],
    ] {
        snap.push_str(&transcript(args, dir.path()));
        snap.push('\n');
    }
    insta::assert_snapshot!("next_waiting_beside_ready", snap);
}

#[test]
fn the_json_lists_waiting_tasks_with_or_without_the_flag() {
    let dir = repo(&PLANS);
    let doc = json_of(&["next", "--format", "json"], dir.path());
    assert_eq!(
        doc,
        json_of(&["next", "--format", "json", "--waiting"], dir.path())
    );
    let ready: Vec<(&Value, &Value)> = doc["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| (&t["path"], &t["id"]))
        .collect();
    assert_eq!(
        ready,
        [
            (&json!("a-plan.md"), &json!("T001")),
            (&json!("c-plan.md"), &json!("T001"))
        ]
    );
    let blocked = waits_in(&doc, "blocked");
    assert_eq!(
        blocked,
        [
            ("a-plan.md", "T002", &json!(["T001"])),
            ("a-plan.md", "T003", &json!(["T002"])),
            ("b-plan.md", "T001", &json!(["plan"])),
        ]
    );
    assert_eq!(doc["blocked_more"], 0);
    // `waiting` says why nothing can start: empty while something can.
    assert_eq!(
        (&doc["waiting"], &doc["waiting_more"]),
        (&json!([]), &json!(0))
    );
    // The first `-n` in plan order, the rest counted.
    let two = json_of(&["next", "--format", "json", "-n", "2"], dir.path());
    let ids: Vec<&Value> = two["blocked"]
        .as_array()
        .expect("blocked")
        .iter()
        .map(|w| &w["id"])
        .collect();
    assert_eq!(ids, [&json!("T002"), &json!("T003")]);
    assert_eq!(two["blocked_more"], 1);
}

#[test]
fn the_json_lists_dependencies_on_what_a_plan_lacks_as_graph_does() {
    let plan = "# Plan\n\n## Phase 1: A\n\n- [ ] T001 a (depends on T999)\n- [ ] T002 b (depends on T001)\n\n\
                ## Phase 2: B\n\n**Depends on:** Phase 9\n\n- [ ] T003 c\n";
    let dir = repo(&[
        ("a-plan.md", plan),
        ("b-plan.md", "# B\n\n- [ ] T001 x (depends on T042)\n"),
        ("c-plan.md", "# C\n\n- [ ] T001 y\n"),
    ]);
    let next = planwright(&["next", "--format", "json"], dir.path());
    let doc: Value = serde_json::from_slice(&next.stdout).expect("json");
    // Each of `graph`'s entries, with its plan's path, plan by plan.
    let mut expected = Vec::new();
    for path in ["a-plan.md", "b-plan.md"] {
        let graph = json_of(&["graph", path, "--format", "json"], dir.path());
        for entry in graph["unknown_dependencies"].as_array().expect("array") {
            let mut entry = entry.clone();
            entry["path"] = json!(path);
            expected.push(entry);
        }
    }
    assert_eq!(doc["unknown_dependencies"], Value::Array(expected));
    let found: Vec<(&Value, &Value, &Value, &Value)> = doc["unknown_dependencies"]
        .as_array()
        .expect("array")
        .iter()
        .map(|u| {
            (
                &u["path"],
                &u["message"],
                &u["range"]["start"]["line"],
                &u["range"]["start"]["column"],
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                &json!("a-plan.md"),
                &json!("T001 depends on T999, which does not exist"),
                &json!(5),
                &json!(26)
            ),
            (
                &json!("a-plan.md"),
                &json!("Phase 2 depends on Phase 9, which does not exist"),
                &json!(10),
                &json!(17)
            ),
            (
                &json!("b-plan.md"),
                &json!("T001 depends on T042, which does not exist"),
                &json!(3),
                &json!(26)
            ),
        ]
    );
    // They hold nothing up: no wait names them.
    assert_eq!(doc["blocked"][0]["id"], "T002");
    assert_eq!(doc["blocked"][0]["waits_for"], json!(["T001"]));
    assert_eq!(doc["blocked"].as_array().map(Vec::len), Some(1));
    // Standard error still warns of each, as before.
    assert_eq!(stderr(&next).lines().count(), 3, "{}", stderr(&next));
    // Silenced where lint is, and none at all is an empty list.
    write(
        dir.path(),
        "b-plan.md",
        "# B\n\n<!-- planwright-disable-next-line PW206 -->\n- [ ] T001 x (depends on T042)\n",
    );
    let quiet = json_of(&["next", "b-plan.md", "--format", "json"], dir.path());
    assert_eq!(quiet["unknown_dependencies"], json!([]));
    let none = json_of(&["next", "c-plan.md", "--format", "json"], dir.path());
    assert_eq!(none["unknown_dependencies"], json!([]));
}

/// The command between the backticks of `hint`, run as a shell runs it
/// when pasted, with `VALUE` filled in.
#[cfg(unix)]
fn run_hint(hint: &str, value: &str, cwd: &Path) -> std::process::Output {
    let command = hint
        .split('`')
        .nth(1)
        .expect("a command in backticks")
        .replacen("planwright", env!("CARGO_BIN_EXE_planwright"), 1)
        .replace("VALUE", value);
    std::process::Command::new("sh")
        .args(["-c", &command])
        .current_dir(cwd)
        .output()
        .expect("sh")
}

#[cfg(unix)]
#[test]
fn a_held_plans_hint_names_its_file_and_works_as_shown() {
    let held = "# Held\n\n**Status:** On hold\n\n- [ ] T001 Ship it\n";
    let dir = repo(&[("docs/my plan.md", held)]);
    // Named on the command line, with a space: one shell word.
    let out = stdout(&planwright(&["next", "docs/my plan.md"], dir.path()));
    let hint = out.lines().nth(1).expect("a hint");
    assert_eq!(
        hint,
        "  `planwright set 'docs/my plan.md' status VALUE` once the work can go on"
    );
    let set = run_hint(hint, "'In Progress'", dir.path());
    assert!(set.status.success(), "{}", stderr(&set));
    assert_eq!(
        stdout(&planwright(&["next", "docs/my plan.md"], dir.path())),
        "docs/my plan.md\n  ready\n    T001  Ship it\n"
    );
    // Found in the repository from a folder beside it: named from there.
    let dir = repo(&[("specs/held/plan.md", held), ("docs/README.md", "# Docs\n")]);
    let docs = dir.path().join("docs");
    let out = stdout(&planwright(&["next"], &docs));
    let hint = out.lines().nth(1).expect("a hint");
    assert_eq!(
        hint,
        "  `planwright set ../specs/held/plan.md status VALUE` once the work can go on"
    );
    assert!(run_hint(hint, "Active", &docs).status.success());
    assert!(stdout(&planwright(&["next"], &docs)).contains("T001  Ship it"));
}

#[test]
fn a_plan_read_from_standard_input_is_named_only_when_given_a_name() {
    let held = b"# Held\n\n**Status:** On hold\n\n- [ ] T001 Ship it\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let hint = |args: &[&str]| {
        let out = stdout(&planwright_with_input(args, dir.path(), held));
        out.lines().nth(1).map(str::to_owned).expect("a hint")
    };
    // `<stdin>` is no file a command could edit.
    assert_eq!(
        hint(&["next", "-"]),
        "  `planwright set PLAN status VALUE` once the work can go on"
    );
    assert_eq!(
        hint(&["next", "-", "--stdin-filename", "specs/a/plan.md"]),
        "  `planwright set specs/a/plan.md status VALUE` once the work can go on"
    );
}

#[test]
fn work_given_up_says_in_which_plan_and_how_to_take_it_up() {
    let cancelled = "# P\n\n**Status:** Cancelled\n\n- [ ] T001 a\n";
    let phase = "# P\n\n## Phase 1: Spike\n**Status:** Dropped\n- [ ] T001 a\n\n## Phase 2: Build\n- [x] T002 b\n";
    let dir = repo(&[
        ("a-plan.md", cancelled),
        ("b-plan.md", phase),
        ("c-plan.md", cancelled),
        ("d-plan.md", cancelled),
    ]);
    assert_eq!(
        stdout(&planwright(&["next", "b-plan.md"], dir.path())),
        "nothing to do: 1 open task is in work given up (a status such as Cancelled)\n  \
         a phase's status in b-plan.md gives it up: change it there to take it up again\n"
    );
    assert_eq!(
        stdout(&planwright(&["next"], dir.path())),
        "nothing to do: 4 open tasks are in work given up (a status such as Cancelled)\n  \
         `planwright set a-plan.md status VALUE` to take it up again\n  \
         a phase's status in b-plan.md gives it up: change it there to take it up again\n  \
         `planwright set c-plan.md status VALUE` to take it up again\n  \
         … and 1 more plan\n"
    );
}
