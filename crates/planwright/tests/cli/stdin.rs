//! A plan on standard input (`-`), as an editor passes an unsaved buffer
//! or an agent a plan it has just written: `lint`, `lint --fix`/`--diff`,
//! `show`, `status`, `next` and `graph`, named by `--stdin-filename`.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail loudly on a broken fixture"
)]

use std::path::Path;

use crate::support::{planwright_with_input, stderr, stdout, write};

/// A plan with a placeholder, a link to `spec.md` beside it, and an
/// upper-case check mark, in CRLF.
const PLAN: &str = "# Plan: Export\r\n\r\n**Status:** Draft\r\n\r\n## Tasks\r\n\r\n- [X] T001 Write [ENDPOINT]\r\n- [ ] T002 Follow [the spec](spec.md)\r\n";

/// A project where `specs/export/` holds the spec, and its plans are
/// excused from PW101 by an override.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "planwright.toml",
        "[[lint.overrides]]\nfiles = [\"specs/**\"]\nignore = [\"PW101\"]\n",
    );
    write(dir.path(), "specs/export/spec.md", "# Spec\n");
    dir
}

#[test]
fn lint_reads_standard_input_under_the_name_it_is_given() {
    let dir = project();
    let unnamed = planwright_with_input(
        &["lint", "-", "--format", "concise"],
        dir.path(),
        PLAN.as_bytes(),
    );
    assert_eq!(
        stdout(&unnamed),
        "<stdin>:7:18: PW101 unfilled placeholder `[ENDPOINT]`\n\
         <stdin>:8:19: PW301 link to `spec.md`, which does not exist\n"
    );
    assert_eq!(unnamed.status.code(), Some(1), "PW301 is an error");

    // Named, the plan's link resolves beside its path and the override for
    // `specs/**` applies; `-` may be left out when a name is given.
    let named = planwright_with_input(
        &[
            "lint",
            "--stdin-filename",
            "specs/export/plan.md",
            "--format",
            "concise",
            "--extend-select",
            "PW501",
        ],
        dir.path(),
        PLAN.as_bytes(),
    );
    assert_eq!(
        stdout(&named),
        "specs/export/plan.md:7:3: PW501 check mark written as upper-case `X`\n"
    );
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));
}

#[test]
fn fix_on_standard_input_prints_the_whole_plan_and_writes_nothing() {
    let dir = project();
    let before: Vec<_> = walk(dir.path());
    let fix = planwright_with_input(
        &["lint", "-", "--select", "PW5", "--fix"],
        dir.path(),
        PLAN.as_bytes(),
    );
    // Byte for byte the input but for the one check mark: CRLF kept.
    assert_eq!(stdout(&fix), PLAN.replacen("[X]", "[x]", 1));
    assert_eq!(
        stderr(&fix),
        "<stdin>: fixed 1 (PW501)\nFixed 1 finding in 1 file.\nNo problems found in 1 file.\n"
    );
    assert_eq!(fix.status.code(), Some(0));

    // Nothing to fix: the plan comes back unchanged, so an editor can
    // always replace its buffer with standard output.
    let clean = "# Plan\n\n- [x] T001 Done\n";
    let unchanged = planwright_with_input(
        &["lint", "-", "--select", "PW5", "--fix"],
        dir.path(),
        clean.as_bytes(),
    );
    assert_eq!(stdout(&unchanged), clean);
    assert_eq!(unchanged.status.code(), Some(0));

    let diff = planwright_with_input(
        &[
            "lint",
            "-",
            "--stdin-filename",
            "plan.md",
            "--select",
            "PW5",
            "--diff",
        ],
        dir.path(),
        PLAN.as_bytes(),
    );
    // Headers end in LF, the plan's lines in their own CRLF.
    assert_eq!(
        stdout(&diff),
        "--- a/plan.md\n+++ b/plan.md\n@@ -4,5 +4,5 @@\n \r\n ## Tasks\r\n \r\n\
         -- [X] T001 Write [ENDPOINT]\r\n+- [x] T001 Write [ENDPOINT]\r\n\
         \x20- [ ] T002 Follow [the spec](spec.md)\r\n"
    );
    // Something to fix: 1, as `lint --diff` exits on a file.
    assert_eq!(diff.status.code(), Some(1));
    assert_eq!(walk(dir.path()), before, "nothing on disk changed");
}

#[test]
fn show_reads_standard_input_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let tasks = "- [ ] T001 Set up\n- [ ] T002 [P] Write tests\n";
    let json = planwright_with_input(
        &[
            "show",
            "-",
            "--stdin-filename",
            "specs/a/tasks.md",
            "--format",
            "json",
        ],
        dir.path(),
        tasks.as_bytes(),
    );
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["path"], "specs/a/tasks.md");
    // The name is a detection hint, as a file's name is.
    assert_eq!(doc["dialect"]["name"], "speckit-tasks");
    assert_eq!(doc["tasks"].as_array().unwrap().len(), 2);

    let human = planwright_with_input(&["show", "-"], dir.path(), tasks.as_bytes());
    assert!(stdout(&human).contains("  file      <stdin>\n"));
}

#[test]
fn bad_input_on_standard_input_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.md", "# Plan\n");
    let cases: [(&[&str], &[u8], &str); 5] = [
        (
            &["lint", "-"],
            b"# Plan\n\xff\n",
            "planwright: error: <stdin>: not valid UTF-8 (invalid byte at offset 7, line 2)\n",
        ),
        (
            &["show", "-", "--stdin-filename", "a/plan.md"],
            b"\xc3(",
            "planwright: error: a/plan.md: not valid UTF-8 (invalid byte at offset 0, line 1)\n",
        ),
        (
            &["lint", "-", "plan.md"],
            b"# Plan\n",
            "planwright: error: `-` (standard input) must be the only path\n",
        ),
        (
            &["lint", "plan.md", "--stdin-filename", "x.md"],
            b"# Plan\n",
            "planwright: error: --stdin-filename names a plan read from standard input; \
             pass `-` instead of paths\n",
        ),
        (
            &["show", "plan.md", "--stdin-filename", "x.md"],
            b"# Plan\n",
            "planwright: error: --stdin-filename names a plan read from standard input; \
             pass `-` as the path\n",
        ),
    ];
    for (args, input, message) in cases {
        let out = planwright_with_input(args, dir.path(), input);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), message, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.md")).unwrap(),
        "# Plan\n"
    );
}

/// Every file under `dir` with its bytes, sorted.
fn walk(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                files.push((path, bytes));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn fix_gives_unreadable_input_back_unchanged() {
    let dir = project();
    // An editor replaces its buffer with standard output: bytes that are
    // not UTF-8 come back as they went in, never as an empty buffer.
    let input = b"# Plan\n\n- [X] T001 caf\xe9\n";
    let out = planwright_with_input(&["lint", "-", "--fix"], dir.path(), input);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(out.stdout, input);
    assert!(
        stderr(&out).contains("<stdin>: not valid UTF-8 (invalid byte at offset 22, line 3)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn one_plan_commands_read_standard_input() {
    let dir = project();
    let plan = "# Plan\n\n## Phase 1: A\n\n**Dependencies:** Phase 2\n\n- [ ] T001 a\n\n## Phase 2: B\n\n**Dependencies:** Phase 1\n\n- [x] T002 b\n";
    let graph = planwright_with_input(&["graph", "-"], dir.path(), plan.as_bytes());
    assert_eq!(graph.status.code(), Some(1));
    assert!(
        stderr(&graph).contains("<stdin>:5:19: dependency cycle: Phase 1 → Phase 2 → Phase 1"),
        "{}",
        stderr(&graph)
    );
    let status = planwright_with_input(&["status", "-"], dir.path(), plan.as_bytes());
    assert_eq!(status.status.code(), Some(0), "{}", stderr(&status));
    assert!(stdout(&status).contains("(<stdin>)"), "{}", stdout(&status));
    let next = planwright_with_input(
        &["next", "-", "--format", "json"],
        dir.path(),
        plan.as_bytes(),
    );
    assert_eq!(next.status.code(), Some(0), "{}", stderr(&next));
}

/// PLAN is optional, as `--help` shows it, only because `--stdin-filename`
/// alone reads standard input; given neither, the error says what to
/// give (clap's said `<PLAN>` was required).
#[test]
fn a_one_plan_command_given_no_plan_says_what_to_give() {
    let dir = project();
    for command in ["show", "graph"] {
        let out = planwright_with_input(&[command], dir.path(), b"# Plan\n");
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert_eq!(
            stderr(&out),
            format!(
                "planwright: error: {command} reads one plan: name its file (`planwright {command} specs/001-x/plan.md`), or give `-` to read it from standard input\n"
            )
        );
        assert_eq!(stdout(&out), "", "{command}");
        let help = stdout(&planwright_with_input(
            &[command, "--help"],
            dir.path(),
            b"",
        ));
        assert!(
            help.contains(&format!("Usage: planwright {command} [OPTIONS] [PLAN]\n")),
            "{help}"
        );
        assert!(help.contains("needed otherwise"), "{help}");
        let named = ["--stdin-filename", "plan.md"];
        let out =
            planwright_with_input(&[&[command][..], &named].concat(), dir.path(), b"# Plan\n");
        assert_eq!(out.status.code(), Some(0), "{command}: {}", stderr(&out));
    }
}

#[test]
fn every_command_that_reads_standard_input_takes_its_name() {
    // Goals, Non-Goals and Stakeholders read as the rfc dialect, unless
    // planwright.toml says plans under `notes/` are generic.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "planwright.toml",
        "[[plans.dialects]]\nfiles = [\"notes/**\"]\ndialect = \"generic\"\n",
    );
    let plan = "# N\n\n## Goals\n\n## Non-Goals\n\n## Stakeholders\n\n- [ ] T001 a (depends on T002)\n- [ ] T002 b\n";
    let json = |args: &[&str]| {
        let out = planwright_with_input(args, dir.path(), plan.as_bytes());
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let named = ["--stdin-filename", "notes/x-plan.md", "--format", "json"];
    let status = json(&[&["status", "-"], &named[..]].concat());
    assert_eq!(status["plans"][0]["dialect"], "generic");
    assert_eq!(status["plans"][0]["path"], "notes/x-plan.md");
    let unnamed = json(&["status", "-", "--format", "json"]);
    assert_eq!(unnamed["plans"][0]["dialect"], "rfc");
    // `-` may be left out when a name is given, as for `lint`.
    let next = json(&[&["next"], &named[..]].concat());
    assert_eq!(next["tasks"][0]["path"], "notes/x-plan.md");
    assert_eq!(next["tasks"][0]["id"], "T002");
    let graph = json(&[&["graph", "-"], &named[..]].concat());
    assert_eq!(graph["path"], "notes/x-plan.md");
    // And by every command: `show` and `graph` take no folder, and their
    // plan defaults to `-` only when a name is given.
    for command in ["graph", "show"] {
        let doc = json(&[&[command], &named[..]].concat());
        assert_eq!(doc["path"], "notes/x-plan.md", "{command}");
    }

    // The name is a detection hint, as a file's name is.
    let tasks = "- [ ] T001 Set up\n- [ ] T002 [P] Write tests\n";
    let out = planwright_with_input(
        &[
            "status",
            "-",
            "--stdin-filename",
            "specs/a/tasks.md",
            "--format",
            "json",
        ],
        dir.path(),
        tasks.as_bytes(),
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["plans"][0]["dialect"], "speckit-tasks");

    // A name with a path that is not `-` is refused, as by `lint` and `show`.
    for (args, message) in [
        (
            &["status", "plan.md", "--stdin-filename", "x.md"][..],
            "pass `-` instead of paths",
        ),
        (
            &["next", "plan.md", "--stdin-filename", "x.md"],
            "pass `-` instead of paths",
        ),
        (
            &["graph", "plan.md", "--stdin-filename", "x.md"],
            "pass `-` as the path",
        ),
    ] {
        let out = planwright_with_input(args, dir.path(), plan.as_bytes());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out),
            format!(
                "planwright: error: --stdin-filename names a plan read from standard input; {message}\n"
            ),
            "{args:?}"
        );
    }
}

#[test]
fn fix_on_standard_input_keeps_a_machine_format_alone_on_standard_error() {
    let dir = tempfile::tempdir().unwrap();
    // One upper-case mark to fix; the repeated id is left (an error).
    let plan = "# P\n\n- [X] T001 a\n- [ ] T001 dup\n";
    let fix = |format: &str| {
        let args = [
            "lint",
            "-",
            "--fix",
            "--extend-select",
            "PW501",
            "--format",
            format,
        ];
        let out = planwright_with_input(&args, dir.path(), plan.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        assert_eq!(stdout(&out), plan.replacen("[X]", "[x]", 1), "{format}");
        out
    };
    for format in ["json", "sarif"] {
        let out = fix(format);
        let doc: serde_json::Value = serde_json::from_slice(&out.stderr)
            .unwrap_or_else(|e| panic!("{format}: {e}: {}", stderr(&out)));
        assert!(doc.is_object(), "{format}");
    }
    let github = stderr(&fix("github"));
    assert!(github.starts_with("::error "), "{github}");
    assert!(github.lines().all(|l| l.starts_with("::")), "{github}");
    // The human formats keep their note of what was fixed.
    let concise = stderr(&fix("concise"));
    assert!(
        concise.starts_with("<stdin>: fixed 1 (PW501)\nFixed 1 finding in 1 file.\n"),
        "{concise}"
    );
}

#[test]
fn unreadable_standard_input_is_filed_in_a_machine_format_s_document() {
    let dir = project();
    let input = b"# Plan\n\n- [ ] T001 caf\xe9\n";
    let message = "not valid UTF-8 (invalid byte at offset 22, line 3)";
    // As a file's read error is: in the document, and on standard error.
    let out = planwright_with_input(&["lint", "-", "--format", "json"], dir.path(), input);
    assert_eq!(out.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["errors"][0]["path"], "<stdin>");
    assert_eq!(doc["errors"][0]["message"], message);
    assert_eq!(doc["errors"][0]["line"], 3);
    assert_eq!(
        stderr(&out),
        format!("planwright: error: <stdin>: {message}\n")
    );
    // `status` and `next` file it alike, under the name it is given.
    for command in ["status", "next"] {
        let args = [
            command,
            "-",
            "--stdin-filename",
            "x/p-plan.md",
            "--format",
            "json",
        ];
        let out = planwright_with_input(&args, dir.path(), input);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            doc["errors"],
            serde_json::json!([{"path": "x/p-plan.md", "message": message, "line": 3}]),
            "{command}"
        );
    }
    // With --fix the bytes come back unchanged, and the document is all
    // there is on standard error.
    let out = planwright_with_input(
        &["lint", "-", "--fix", "--format", "json"],
        dir.path(),
        input,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(out.stdout, input);
    let doc: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(doc["errors"][0]["message"], message);
    let out = planwright_with_input(&["lint", "-", "--format", "github"], dir.path(), input);
    assert_eq!(
        stdout(&out),
        format!("::error file=<stdin>,line=3,title=planwright::{message}\n")
    );
}
