//! `status` and `next` telling a finished plan from a blocked one, plans
//! that cannot be read, folders without plans, Kiro's optional tasks, and
//! file names holding a line feed.

use serde_json::{Value, json};

use crate::support::{json_of, planwright, stderr, stdout, waits_in, write};

/// Two tasks that wait for each other: nothing can ever start.
const BLOCKED: &str = "# P\n\n- [ ] T001 a (depends on T002)\n- [ ] T002 b (depends on T001)\n";

#[test]
fn next_json_tells_blocked_from_done() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "blocked.md", BLOCKED);
    write(dir.path(), "done.md", "# P\n\n- [x] T001 a\n- [x] T002 b\n");
    write(dir.path(), "empty.md", "# P\n\nNo tasks yet.\n");

    let blocked = json_of(&["next", "blocked.md", "--format", "json"], dir.path());
    assert_eq!(blocked["tasks"], json!([]));
    assert_eq!(blocked["more"], 0);
    assert_eq!(
        blocked["progress"],
        json!({"done": 0, "in_progress": 0, "open": 2, "total": 2, "percent": 0.0})
    );
    let waiting = waits_in(&blocked, "waiting");
    assert_eq!(
        waiting,
        [
            ("blocked.md", "T001", &json!(["T002"])),
            ("blocked.md", "T002", &json!(["T001"])),
        ]
    );
    // Each is a whole task object, as in `tasks`.
    assert_eq!(blocked["waiting"][0]["line"], 3);
    assert_eq!(blocked["waiting_more"], 0);
    assert_eq!(blocked["errors"], json!([]));
    // They wait for each other: a cycle, which no list hides.
    assert_eq!(
        blocked["cycles"],
        json!([{"path": "blocked.md", "cycle": ["T001", "T002", "T001"]}])
    );

    // `-n` caps the list and counts the rest, as for `tasks` and `more`.
    let one = json_of(
        &["next", "blocked.md", "-n", "1", "--format", "json"],
        dir.path(),
    );
    assert_eq!(one["waiting"].as_array().map(Vec::len), Some(1));
    assert_eq!(one["waiting_more"], 1);

    let done = json_of(&["next", "done.md", "--format", "json"], dir.path());
    assert_eq!(
        done,
        json!({
            "version": 1,
            "tasks": [],
            "more": 0,
            "progress": {"done": 2, "in_progress": 0, "open": 0, "total": 2, "percent": 100.0},
            "waiting": [],
            "waiting_more": 0,
            "blocked": [],
            "blocked_more": 0,
            "checks_open": 0,
            "given_up": 0,
            "cycles": [],
            "unknown_dependencies": [],
            "errors": []
        })
    );
    let empty = json_of(&["next", "empty.md", "--format", "json"], dir.path());
    assert_eq!(empty["progress"]["total"], 0);
    assert_eq!(empty["waiting"], json!([]));
}

#[test]
fn next_json_lists_waiting_tasks_while_some_can_start() {
    // One plan blocked beside one with work: an agent reading the JSON
    // sees both what to start and what waits, and for what.
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a-tasks.md", BLOCKED);
    write(dir.path(), "b-tasks.md", "# Q\n\n- [ ] T001 free\n");
    let doc = json_of(&["next", ".", "--format", "json"], dir.path());
    assert_eq!(doc["tasks"][0]["path"], "b-tasks.md");
    assert_eq!(doc["more"], 0);
    let blocked = waits_in(&doc, "blocked");
    assert_eq!(
        blocked,
        [
            ("a-tasks.md", "T001", &json!(["T002"])),
            ("a-tasks.md", "T002", &json!(["T001"])),
        ]
    );
    assert_eq!(doc["blocked_more"], 0);
    assert_eq!(
        (&doc["waiting"], &doc["waiting_more"]),
        (&json!([]), &json!(0))
    );
    assert_eq!(doc["progress"]["open"], 3);
    // `-n` caps both lists alike and counts what it left out.
    let one = json_of(&["next", ".", "-n", "1", "--format", "json"], dir.path());
    assert_eq!(one["tasks"].as_array().map(Vec::len), Some(1));
    assert_eq!(one["blocked"][0]["id"], "T001");
    assert_eq!(one["blocked"].as_array().map(Vec::len), Some(1));
    assert_eq!(one["blocked_more"], 1);
    let none = json_of(&["next", ".", "-n", "0", "--format", "json"], dir.path());
    assert_eq!((&none["tasks"], &none["more"]), (&json!([]), &json!(1)));
    assert_eq!(
        (&none["blocked"], &none["blocked_more"]),
        (&json!([]), &json!(2))
    );
}

#[test]
fn unreadable_plans_are_listed_beside_the_readable_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "ok-tasks.md", "# OK\n\n- [ ] T001 a\n");
    std::fs::write(
        dir.path().join("latin-tasks.md"),
        b"# Latin\n\n- [ ] T001 caf\xe9\n",
    )
    .expect("write");
    let error =
        "planwright: error: latin-tasks.md: not valid UTF-8 (invalid byte at offset 23, line 3)\n";

    let out = planwright(&["status", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stdout(&out),
        "plan         status  progress\n\
         ok-tasks.md  -         0/1     0%\n\
         1 plan                 0/1     0%\n\
         1 file could not be read\n"
    );
    assert_eq!(stderr(&out), error);

    let out = planwright(&["status", ".", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), error);
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["plans"].as_array().map(Vec::len), Some(1));
    let filed = json!([{
        "path": "latin-tasks.md",
        "message": "not valid UTF-8 (invalid byte at offset 23, line 3)",
        "line": 3
    }]);
    assert_eq!(doc["errors"], filed);

    let out = planwright(&["next", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stdout(&out),
        "ok-tasks.md\n  ready\n    T001  a\n1 file could not be read\n"
    );
    assert_eq!(stderr(&out), error);
    let out = planwright(&["next", ".", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["errors"][0]["path"], "latin-tasks.md");
    assert_eq!(doc["progress"]["total"], 1);

    // Named alone, it is filed as the walk files it: the same document.
    for command in ["status", "next"] {
        let out = planwright(&[command, "latin-tasks.md", "--format", "json"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert_eq!(stderr(&out), error, "{command}");
        let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(doc["errors"], filed, "{command}");
    }
}

#[test]
fn a_folder_without_plans_is_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join(".git")).expect("mkdir");
    write(dir.path(), "notes.md", "# Not a plan by its name\n");
    let warning = "planwright: warning: no plan files found in . (a folder is searched for files named like plans: `plan.md`, `tasks.md`, `*-plan.md`, `plan_v2.md`, `specs/*/plan.md`, `.kiro/specs/**` …; `planwright init` writes the whole list into planwright.toml, and `[plans] include` there changes it; a file named on the command line is always read)\n";

    let out = planwright(&["status"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "plan  status  progress\n0 plans            0/0      -\n"
    );
    assert_eq!(stderr(&out), warning);

    let out = planwright(&["next"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "nothing to do: no tasks\n");
    assert_eq!(stderr(&out), warning);

    let out = planwright(&["next", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), warning);

    // A plan named on the command line is read whatever its name.
    let out = planwright(&["status", "notes.md"], dir.path());
    assert_eq!(stderr(&out), "");
}

#[test]
fn next_in_a_subfolder_shows_paths_from_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "planwright.toml", "");
    write(dir.path(), "docs/specs/plan.md", "# P\n\n- [ ] T001 a\n");
    write(dir.path(), "other/plan.md", "# Q\n\n- [ ] T001 b\n");
    // Every plan of the repository, each named as `lint` run in `docs/`
    // names it, so that it can be opened from there as shown.
    let doc = json_of(&["next", "--format", "json"], &dir.path().join("docs"));
    let paths: Vec<&str> = doc["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| t["path"].as_str().expect("path"))
        .collect();
    assert_eq!(paths, ["specs/plan.md", "../other/plan.md"]);
    let out = planwright(&["next"], &dir.path().join("docs/specs"));
    assert!(stdout(&out).starts_with("plan.md\n"), "{}", stdout(&out));
}

#[test]
fn optional_tasks_are_marked_in_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = ".kiro/specs/export/tasks.md";
    write(
        dir.path(),
        plan,
        "# Implementation Plan\n\n\
         - [x] 1. Set up the project\n\
         - [ ] 2. Build the parser\n  \
           - [ ] 2.1 Write the lexer\n  \
           - [ ]* 2.2 Write property tests for the lexer\n\
         - [ ]* 3. Write end-to-end tests\n\
         - [ ] 4. Ship it (depends on 2.1)\n",
    );
    let out = planwright(&["next", plan], dir.path());
    assert_eq!(
        stdout(&out),
        ".kiro/specs/export/tasks.md\n  \
           ready\n    \
             2.1  Write the lexer\n    \
             2.2  Write property tests for the lexer  (optional)\n    \
             3    Write end-to-end tests  (optional)\n\
         1 open task waits for others (--waiting to list them)\n"
    );
    let out = planwright(&["status", plan], dir.path());
    assert_eq!(
        stdout(&out),
        "Implementation Plan  (.kiro/specs/export/tasks.md)\n  \
           overall    1/6    17%\n  \
           optional 2 of 5 open tasks: 2.2, 3\n"
    );
}

#[test]
fn optional_waiting_tasks_are_marked_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = ".kiro/specs/export/tasks.md";
    write(
        dir.path(),
        plan,
        "# Implementation Plan\n\n\
         - [ ]* 1.1 Benchmark it (depends on 2.1)\n\
         - [ ] 2.1 Build it (depends on 1.1)\n",
    );
    let out = planwright(&["next", plan], dir.path());
    assert_eq!(
        stdout(&out),
        "no task can start now: 2 open tasks wait for others\n  \
           `planwright graph .kiro/specs/export/tasks.md` shows what waits for what, and exits 1 on a cycle\n\
         .kiro/specs/export/tasks.md\n  \
           waiting\n    \
             1.1  Benchmark it (depends on 2.1)  (optional)\n      \
               still waits for 2.1\n    \
             2.1  Build it (depends on 1.1)\n      \
               still waits for 1.1\n"
    );
}

#[test]
fn line_feeds_in_file_names_are_shown_in_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("bad\nname-tasks.md"),
        b"# L\n\n- [ ] T001 caf\xe9\n",
    )
    .expect("write");
    let unreadable = "planwright: error: bad␊name-tasks.md: not valid UTF-8 (invalid byte at offset 19, line 3)\n";
    for args in [
        vec!["status", "."],
        vec!["next", "."],
        vec!["status", "bad\nname-tasks.md"],
        vec!["next", "bad\nname-tasks.md"],
        vec!["show", "bad\nname-tasks.md"],
        vec!["lint", "."],
        vec!["lint", "bad\nname-tasks.md"],
    ] {
        let out = planwright(&args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), unreadable, "{args:?}");
    }
    let out = planwright(&["show", "missing\nplan.md"], dir.path());
    assert_eq!(
        stderr(&out),
        "planwright: error: missing␊plan.md: no such file\n"
    );
    // The edits' errors name it within their line too.
    std::fs::write(dir.path().join("ok\nplan.md"), "# L\n\n- [ ] T001 a\n").expect("write");
    for (args, why) in [
        (
            ["done", "ok\nplan.md", "T009"],
            "no task has the id `T009`; the ids are:",
        ),
        (
            ["set", "ok\nplan.md", "owner"],
            "no field `owner` in the plan header; use --add to add it",
        ),
        (
            ["log", "ok\nplan.md", "x"],
            "the plan has no progress-log section; use --create to add one",
        ),
    ] {
        let args: Vec<&str> = if args[0] == "set" {
            vec![args[0], args[1], args[2], "Ana"]
        } else {
            args.to_vec()
        };
        let out = planwright(&args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let first = stderr(&out).lines().next().unwrap_or_default().to_owned();
        assert_eq!(
            first,
            format!("planwright: error: ok␊plan.md: {why}"),
            "{args:?}"
        );
    }
    // The JSON keeps the name exact.
    let out = planwright(&["status", ".", "--format", "json"], dir.path());
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["errors"][0]["path"], "bad\nname-tasks.md");
}
