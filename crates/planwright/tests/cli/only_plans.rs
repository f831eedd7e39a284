//! `lint --only-plans`: files named on the command line are checked only
//! when a walk would take them for plans, as a pre-commit hook or an
//! editor needs when it names every Markdown file it touched.

use std::path::Path;

use serde_json::Value;

use crate::support::{planwright, planwright_with_input, stderr, stdout, write};

/// A plan with one unfilled slot and one upper-case check mark.
const PLAN: &str = "# Export Plan

**Status:** Draft
**Owner:** {{OWNER}}

## Tasks

- [X] T001 Write the exporter
- [ ] T002 Ship it
";

/// A project: its plan, an excluded plan, a template named like a plan,
/// and a README and notes with slots of their own.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(
        root,
        "planwright.toml",
        "[plans]\nexclude = [\"archive/\"]\n",
    );
    write(root, "docs/export-plan.md", PLAN);
    write(root, "archive/old-plan.md", PLAN);
    write(root, ".planwright/templates/export-plan.md", PLAN);
    write(root, "README.md", PLAN);
    write(root, "docs/notes.md", PLAN);
    dir
}

const NAMED: [&str; 5] = [
    "README.md",
    "docs/notes.md",
    "docs/export-plan.md",
    "archive/old-plan.md",
    ".planwright/templates/export-plan.md",
];

/// The files `lint ARGS --format json` reports findings in, and how many
/// files it says it checked.
fn checked(args: &[&str], cwd: &Path) -> (Vec<String>, u64) {
    let mut all = vec!["lint", "--format", "json"];
    all.extend(args);
    let out = planwright(&all, cwd);
    let doc: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("lint {}: {e}\n{}", args.join(" "), stderr(&out)));
    let mut paths: Vec<String> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["path"].as_str().expect("path").to_owned())
        .collect();
    paths.dedup();
    (paths, doc["summary"]["files"].as_u64().expect("files"))
}

#[test]
fn named_files_are_checked_only_when_they_are_plans() {
    let dir = project();
    // Without the flag, every file named is checked.
    let (all, files) = checked(&NAMED, dir.path());
    assert_eq!(files, 5);
    assert_eq!(all.len(), 5, "{all:?}");

    // With it, the one a walk would take: not the README or notes (no
    // plan's name), the excluded plan, or the template.
    let mut args = vec!["--only-plans"];
    args.extend(NAMED);
    assert_eq!(
        checked(&args, dir.path()),
        (vec!["docs/export-plan.md".to_owned()], 1)
    );
    // A folder named is walked as ever.
    assert_eq!(
        checked(&["--only-plans", "docs"], dir.path()),
        (vec!["docs/export-plan.md".to_owned()], 1)
    );
}

#[test]
fn naming_no_plan_is_a_quiet_run_over_no_file() {
    let dir = project();
    let out = planwright(
        &["lint", "--only-plans", "README.md", "docs/notes.md"],
        dir.path(),
    );
    assert_eq!(stdout(&out), "No problems found in 0 files.\n");
    // No "no plan files found" warning: leaving them out is the point.
    assert_eq!(stderr(&out), "");
    assert_eq!(out.status.code(), Some(0));

    // A folder with no plan in it is still worth a warning, without the
    // claim that a file named is always checked.
    write(dir.path(), "empty/notes.md", "# Notes\n");
    let out = planwright(&["lint", "--only-plans", "README.md", "empty"], dir.path());
    let err = stderr(&out);
    assert!(err.contains("no plan files found in empty ("), "{err}");
    assert!(!err.contains("always checked"), "{err}");
}

#[test]
fn standard_input_named_as_no_plan_is_given_back_unchanged() {
    let dir = project();
    let fix = |name: &str| {
        planwright_with_input(
            &[
                "lint",
                "-",
                "--stdin-filename",
                name,
                "--only-plans",
                "--select",
                "PW501",
                "--fix",
            ],
            dir.path(),
            PLAN.as_bytes(),
        )
    };
    // An editor's README buffer: back byte for byte, nothing said.
    let readme = fix("README.md");
    assert_eq!(stdout(&readme), PLAN);
    assert_eq!(stderr(&readme), "");
    assert_eq!(readme.status.code(), Some(0));
    // A plan's buffer is fixed as ever.
    let plan = fix("docs/export-plan.md");
    assert_eq!(stdout(&plan), PLAN.replacen("[X]", "[x]", 1));
    assert_eq!(plan.status.code(), Some(0));

    // Without --fix, the report of a run over no file, in its format.
    let json = planwright_with_input(
        &[
            "lint",
            "--stdin-filename",
            "README.md",
            "--only-plans",
            "--format",
            "json",
        ],
        dir.path(),
        PLAN.as_bytes(),
    );
    let doc: Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(doc["summary"]["files"], 0);
    assert_eq!(doc["diagnostics"], Value::Array(Vec::new()));
    assert_eq!(json.status.code(), Some(0));
}
