//! `planwright lint --fix` and `--diff`: the bytes a fix writes, the patch
//! `--diff` prints and `git apply` takes, the fixes of one run leaving
//! nothing for the next, the exit code of a diff, and unsafe fixes named
//! but held back.

use crate::lint::{PLAN, text};
use crate::support::{planwright, stderr, stdout, write};

#[test]
fn fix_patches_bytes_and_diff_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // CRLF endings and a trailing space must survive the fix untouched.
    // (The two lists stand apart: rewritten, lists next to each other
    // would join, and that fix is unsafe.)
    let source = "# Plan\r\n\r\n**Status:** Draft \r\n\r\n- [X] T001 One\r\n\r\nThen:\r\n\r\n* [X] T002 Two\r\n";
    write(dir.path(), "plan.md", source);
    let diff = planwright(
        &["lint", "--select", "PW5", "--diff", "plan.md"],
        dir.path(),
    );
    insta::assert_snapshot!(text(&diff));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.md")).unwrap(),
        source
    );
    // The patch is one `git apply` takes, CRLF lines and all, and it makes
    // the file `--fix` writes.
    let copy = tempfile::tempdir().unwrap();
    write(copy.path(), "plan.md", source);
    write(
        copy.path(),
        "fixes.patch",
        &String::from_utf8_lossy(&diff.stdout),
    );
    let applied = std::process::Command::new("git")
        .args(["apply", "fixes.patch"])
        .current_dir(copy.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        applied.status.success(),
        "{}",
        String::from_utf8_lossy(&applied.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(copy.path().join("plan.md")).unwrap(),
        "# Plan\r\n\r\n**Status:** Draft \r\n\r\n- [x] T001 One\r\n\r\nThen:\r\n\r\n- [x] T002 Two\r\n"
    );
    let fix = planwright(&["lint", "--select", "PW5", "--fix", "plan.md"], dir.path());
    insta::assert_snapshot!(text(&fix));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.md")).unwrap(),
        "# Plan\r\n\r\n**Status:** Draft \r\n\r\n- [x] T001 One\r\n\r\nThen:\r\n\r\n- [x] T002 Two\r\n"
    );
}

#[test]
fn one_fix_run_leaves_nothing_a_second_would_change() {
    // Mending the box (`[X ]` to `[X]`, PW211) leaves an upper-case mark
    // (PW501), which the same run mends too; the diff shows where both
    // lead, and a second run finds nothing to do.
    let source = "# Plan\r\n\r\n- [X ] T001 One\r\n- [ ] T002 Two\r\n";
    let fixed = "# Plan\r\n\r\n- [x] T001 One\r\n- [ ] T002 Two\r\n";
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.md", source);
    let args = ["lint", "--extend-select", "PW501", "--unsafe-fixes"];
    let diff = planwright(&[&args[..], &["--diff", "plan.md"]].concat(), dir.path());
    assert!(
        stdout(&diff).contains("-- [X ] T001 One\r\n+- [x] T001 One\r\n"),
        "{}",
        text(&diff)
    );
    let fix = planwright(&[&args[..], &["--fix", "plan.md"]].concat(), dir.path());
    assert_eq!(fix.status.code(), Some(0), "{}", text(&fix));
    assert!(
        stderr(&fix).contains("plan.md: fixed 2 (PW211, PW501)"),
        "{}",
        text(&fix)
    );
    assert!(stdout(&fix).contains("No problems found"), "{}", text(&fix));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.md")).unwrap(),
        fixed
    );
    let again = planwright(&[&args[..], &["--fix", "plan.md"]].concat(), dir.path());
    assert!(!text(&again).contains("fixed"), "{}", text(&again));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.md")).unwrap(),
        fixed
    );
}

#[test]
fn diff_exits_with_1_when_there_is_something_to_fix() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.md", PLAN);
    let run = |args: &[&str]| {
        let mut all = vec!["lint", "plan.md"];
        all.extend(args);
        planwright(&all, dir.path())
    };
    // PW501 has a fix: the diff is not empty, whatever --strict says.
    for args in [&[][..], &["--strict"], &["--unsafe-fixes"]] {
        let out = run(&[&["--diff", "--extend-select", "PW501"], args].concat());
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(
            stdout(&out).starts_with("--- a/plan.md\n"),
            "{}",
            text(&out)
        );
    }
    // Alone, --unsafe-fixes would do nothing: a usage error, not silence.
    let alone = run(&["--unsafe-fixes"]);
    assert_eq!(alone.status.code(), Some(2), "{}", text(&alone));
    assert!(
        text(&alone).contains("--unsafe-fixes goes with --fix (to apply them) or --diff"),
        "{}",
        text(&alone)
    );
    // Findings, but nothing to fix: nothing to change, even with --strict.
    let nothing = run(&["--diff", "--strict"]);
    assert_eq!(nothing.status.code(), Some(0), "{}", text(&nothing));
    assert_eq!(stdout(&nothing), "");
    let zero = run(&["--diff", "--extend-select", "PW501", "--exit-zero"]);
    assert_eq!(zero.status.code(), Some(0));
    let missing = run(&["--diff", "--extend-select", "PW501", "gone.md"]);
    assert_eq!(missing.status.code(), Some(2), "{}", text(&missing));
    assert!(
        stdout(&missing).starts_with("--- a/plan.md\n"),
        "{}",
        text(&missing)
    );
    // A patch is all --diff prints: a format is a usage error.
    for format in ["json", "human"] {
        let out = run(&["--diff", "--format", format]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert_eq!(stdout(&out), "");
        assert!(
            stderr(&out).contains("'--diff' cannot be used with '--format <FORMAT>'"),
            "{}",
            text(&out)
        );
    }
    let help = stdout(&planwright(&["lint", "--help"], dir.path()));
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        help.contains("Exits with 1 when there is something to fix"),
        "{help}"
    );
}

#[test]
fn unsafe_fixes_are_named_once_and_never_silently_held_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Rewriting `*` would join the two lists: PW502's fix is unsafe.
    write(dir.path(), "plan.md", "# P\n\n- a\n- b\n\n* c\n");
    let out = planwright(&["lint", "--select", "PW502", "plan.md"], dir.path());
    let shown = stdout(&out);
    assert!(
        shown.contains("help: rewritten, the list would join the list next to it, or split from the markers that stay, so the fix is unsafe (fixable with --fix --unsafe-fixes: write `-`)\n"),
        "{shown}"
    );
    assert!(
        shown.ends_with("Found 1 info in 1 file (1 fixable with --fix --unsafe-fixes).\n"),
        "{shown}"
    );
    let diff = planwright(
        &["lint", "--select", "PW502", "--diff", "plan.md"],
        dir.path(),
    );
    assert_eq!(diff.status.code(), Some(0));
    assert_eq!(stdout(&diff), "");
    assert_eq!(
        stderr(&diff),
        "No safe fixes; 1 unsafe fix with --diff --unsafe-fixes.\n"
    );
    let unsafe_diff = planwright(
        &[
            "lint",
            "--select",
            "PW502",
            "--diff",
            "--unsafe-fixes",
            "plan.md",
        ],
        dir.path(),
    );
    assert_eq!(stderr(&unsafe_diff), "");
    assert!(
        stdout(&unsafe_diff).contains("+- c\n"),
        "{}",
        stdout(&unsafe_diff)
    );
}

#[test]
fn a_broken_anchor_is_pointed_at_the_closest_heading_only_when_unsafe_fixes_are_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# Plan\n\n- [Export](#phase-2-export)\n- [Gone](#legacy-notes)\n\n## Phase 2: Export API\n\n- [ ] Stream rows\n";
    write(dir.path(), "plan.md", plan);
    let run = |extra: &[&str]| {
        let mut args = vec!["lint", "plan.md", "--select", "PW302", "--fix"];
        args.extend(extra);
        planwright(&args, dir.path())
    };
    let read = || std::fs::read_to_string(dir.path().join("plan.md")).expect("read");
    // Safe fixes alone: the guess is not made.
    run(&[]);
    assert_eq!(read(), plan);
    let fixed = run(&["--unsafe-fixes"]);
    assert_eq!(
        read(),
        plan.replacen("(#phase-2-export)", "(#phase-2-export-api)", 1)
    );
    // The link to no heading near its name is left for its author.
    assert!(
        stdout(&fixed).contains("link to `#legacy-notes`, which no heading in this plan has"),
        "{}",
        stdout(&fixed)
    );
}

#[test]
fn unused_directives_are_removed_and_used_ones_kept() {
    // PW602 is off by default; selected, `--fix` removes the directive
    // that silences nothing (its line with it) and the rule name that
    // finds nothing, and keeps what still silences a finding.
    let source = "# Plan\n\n<!-- planwright-disable-next-line PW101 -->\nOwner: Ana\n\n<!-- planwright-disable-next-line PW101, PW104 -->\nLead: [LEAD]\n";
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.md", source);
    let args = ["lint", "--extend-select", "PW602", "--fix", "plan.md"];
    let fix = planwright(&args, dir.path());
    assert_eq!(fix.status.code(), Some(0), "{}", stderr(&fix));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.md")).unwrap(),
        "# Plan\n\nOwner: Ana\n\n<!-- planwright-disable-next-line PW101 -->\nLead: [LEAD]\n"
    );
    let again = planwright(&args, dir.path());
    assert!(
        stdout(&again).contains("No problems found"),
        "{}",
        stdout(&again)
    );
    // Off by default: the same plan, unfixed, says nothing of it.
    write(dir.path(), "plan.md", source);
    let default = planwright(&["lint", "plan.md"], dir.path());
    assert!(!stdout(&default).contains("PW602"), "{}", stdout(&default));
}
