//! A crash in planwright (a bug) on one plan: an error naming that plan,
//! exit 2, every other plan still read, and no file changed. The debug
//! build the tests run panics on purpose for the file named by
//! `PLANWRIGHT_TEST_PANIC` (see `src/guard.rs`).
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail loudly on a broken fixture"
)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::support::{stderr, stdout, write};

/// `planwright ARGS` in `cwd`, crashing on the plan named `crash`, with
/// `input` on standard input.
fn crashing(args: &[&str], cwd: &Path, crash: &str, input: &[u8]) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_planwright"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("PLANWRIGHT_TEST_PANIC", crash)
        // With it, Rust's own message and trace are printed too.
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

const CRASHED: &str = "planwright crashed reading this plan (a crash planted by PLANWRIGHT_TEST_PANIC, at crates/planwright/src/guard.rs:";

/// Three plans, `b-plan.md` the one planwright crashes on; each has an
/// upper-case check mark for `--fix` to lower.
fn tree(root: &Path) {
    for name in ["a", "b", "c"] {
        write(
            root,
            &format!("{name}-plan.md"),
            "# P\n\n- [X] T001 a\n- [ ] T002 b\n",
        );
    }
}

/// The one error line for the crashed plan, and nothing of Rust's panic
/// message.
fn assert_one_crash_line(out: &Output, path: &str) {
    let err = stderr(out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    let prefix = format!("planwright: error: {path}: {CRASHED}");
    assert!(lines[0].starts_with(&prefix), "{err}");
    assert!(
        lines[0].ends_with(
            "); this is a bug in planwright, please report it with the plan if you can share it"
        ),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(2), "{err}");
}

#[test]
fn lint_reports_a_crash_on_one_plan_and_checks_the_others() {
    let dir = tempfile::tempdir().unwrap();
    tree(dir.path());
    let args = ["lint", ".", "--select", "PW501", "--format", "concise"];
    let out = crashing(&args, dir.path(), "b-plan.md", b"");
    assert_eq!(
        stdout(&out),
        "a-plan.md:3:3: PW501 check mark written as upper-case `X`\n\
         c-plan.md:3:3: PW501 check mark written as upper-case `X`\n"
    );
    assert_one_crash_line(&out, "b-plan.md");
    // The reports file it under its path, as an unreadable file.
    let args = ["lint", ".", "--select", "PW501", "--format", "json"];
    let out = crashing(&args, dir.path(), "b-plan.md", b"");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 2);
    assert_eq!(json["errors"][0]["path"], "b-plan.md");
    let message = json["errors"][0]["message"].as_str().unwrap();
    assert!(message.starts_with(CRASHED), "{message}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn lint_fix_fixes_the_other_plans_and_leaves_the_crashed_one_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    tree(dir.path());
    let args = ["lint", ".", "--select", "PW501", "--fix"];
    let out = crashing(&args, dir.path(), "b-plan.md", b"");
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(read("a-plan.md"), "# P\n\n- [x] T001 a\n- [ ] T002 b\n");
    assert_eq!(read("b-plan.md"), "# P\n\n- [X] T001 a\n- [ ] T002 b\n");
    assert_eq!(read("c-plan.md"), "# P\n\n- [x] T001 a\n- [ ] T002 b\n");
    let err = stderr(&out);
    assert!(err.contains("Fixed 2 findings in 2 files."), "{err}");
    assert!(
        err.contains(&format!("planwright: error: b-plan.md: {CRASHED}")),
        "{err}"
    );
    assert!(!err.contains("panicked at"), "{err}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn status_lists_the_other_plans_and_names_the_crashed_one() {
    let dir = tempfile::tempdir().unwrap();
    tree(dir.path());
    let out = crashing(&["status", "."], dir.path(), "b-plan.md", b"");
    let text = stdout(&out);
    assert!(text.contains("a-plan.md"), "{text}");
    assert!(text.contains("c-plan.md"), "{text}");
    assert!(!text.contains("b-plan.md"), "{text}");
    assert!(text.contains("2 plans"), "{text}");
    assert_one_crash_line(&out, "b-plan.md");
}

#[test]
fn show_on_the_crashed_plan_is_one_error_line() {
    let dir = tempfile::tempdir().unwrap();
    tree(dir.path());
    let out = crashing(&["show", "b-plan.md"], dir.path(), "b-plan.md", b"");
    assert_eq!(stdout(&out), "");
    assert_one_crash_line(&out, "b-plan.md");
}

#[test]
fn lint_fix_from_standard_input_gives_the_buffer_back_unchanged() {
    // An editor replaces its buffer with what comes out: a crash must not
    // leave it empty.
    let dir = tempfile::tempdir().unwrap();
    let input = b"# P\n\n- [X] T001 a\n";
    let args = [
        "lint",
        "-",
        "--stdin-filename",
        "b-plan.md",
        "--fix",
        "--select",
        "PW501",
    ];
    let out = crashing(&args, dir.path(), "b-plan.md", input);
    assert_eq!(out.stdout, input);
    assert!(
        stderr(&out).contains(&format!("planwright: error: b-plan.md: {CRASHED}")),
        "{}",
        stderr(&out)
    );
    assert_eq!(out.status.code(), Some(2));
}
