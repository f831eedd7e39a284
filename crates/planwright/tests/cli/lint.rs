//! `planwright lint` and `planwright rules`: what users see on the example
//! plans, configuration, directives, errors and exit codes (fixes are
//! `lint_fixes.rs`'s).
use std::path::Path;
use std::process::Output;

use crate::support::{planwright, repo_root, stderr, stdout, write};

/// The run's exit code, standard output and standard error, as the
/// snapshots show them.
pub(crate) fn text(out: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn examples_show_exactly_the_planted_findings() {
    let mut files: Vec<String> = std::fs::read_dir(repo_root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| {
            Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"))
                && n != "README.md"
        })
        .map(|n| format!("examples/{n}"))
        .collect();
    files.sort();
    let mut args = vec!["lint", "--extend-select", "PW5"];
    args.extend(files.iter().map(String::as_str));
    let out = planwright(&args, &repo_root());
    insta::assert_snapshot!(text(&out));
}

#[test]
fn examples_folder_in_every_format() {
    for format in ["human", "concise", "json", "github"] {
        let out = planwright(&["lint", "--format", format, "examples"], &repo_root());
        insta::assert_snapshot!(format!("examples_{format}"), text(&out));
    }
}

#[test]
fn statistics_count_the_examples_findings_by_rule() {
    let args = ["lint", "--extend-select", "PW5", "--statistics", "examples"];
    let out = planwright(&args, &repo_root());
    insta::assert_snapshot!(text(&out));
    // The same counts after --fix in a copy: what is left, without PW5.
    let dir = crate::support::folder_of_examples();
    let fixed = planwright(
        &["lint", "--extend-select", "PW5", "--statistics", "--fix"],
        dir.path(),
    );
    let table = String::from_utf8_lossy(&fixed.stdout);
    assert!(!table.contains("PW5"), "{table}");
    assert!(table.contains("PW101"), "{table}");
    // The JSON form: `rules_json.rs`.
}

#[test]
fn rules_list_and_one_rule() {
    let out = planwright(&["rules"], &repo_root());
    insta::assert_snapshot!(text(&out));
    let out = planwright(&["rules", "PW101"], &repo_root());
    insta::assert_snapshot!(text(&out));
    // Pasted with a space around it, the same rule's documentation.
    let padded = planwright(&["rules", " PW101 "], &repo_root());
    assert_eq!(padded.stdout, out.stdout);
    let out = planwright(&["rules", "PW999"], &repo_root());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown rule `PW999`"));
    // A prefix, as `lint --select` takes it: the rules it selects.
    let out = planwright(&["rules", "pw40"], &repo_root());
    assert_eq!(out.status.code(), Some(0));
    let codes: Vec<&str> = std::str::from_utf8(&out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("PW"))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(codes, ["PW401", "PW402", "PW403"]);
}

pub(crate) const PLAN: &str = "# Plan: Export\n\n**Status:** Draft\n\n## Summary\n\nOwner: [OWNER NAME]\n\n## Testing\n\n- [X] T001 Write tests\n\n## Rollout\n";

#[test]
fn config_selects_and_overrides_and_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "specs/001-a/plan.md", PLAN);
    write(dir.path(), "archive/old-plan.md", PLAN);
    write(
        dir.path(),
        "planwright.toml",
        "[lint]\nignore = [\"PW104\"]\nextend-select = [\"PW501\"]\nseverity = { PW101 = \"error\" }\n\n[[lint.overrides]]\nfiles = [\"archive/**\"]\nignore = [\"PW1\"]\n",
    );
    let out = planwright(&["lint", "--format", "concise"], dir.path());
    insta::assert_snapshot!(text(&out));
    let out = planwright(
        &[
            "lint",
            "--format",
            "concise",
            "--ignore",
            "PW501",
            "--extend-select",
            "PW104",
        ],
        dir.path(),
    );
    insta::assert_snapshot!(text(&out));
}

#[test]
fn a_files_ignores_hold_under_select_and_a_severity_under_extend_select() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "archive/old-plan.md", PLAN);
    write(
        dir.path(),
        "planwright.toml",
        "[lint]\nseverity = { uppercase-check-mark = \"error\" }\n\n[[lint.overrides]]\nfiles = [\"archive/**\"]\nignore = [\"PW1\"]\n",
    );
    // The archive ignores PW1: selecting it on the command line does not
    // bring its findings back.
    let out = planwright(
        &["lint", "--format", "concise", "--select", "PW101"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    // PW501 is off by default; turned on here, it has the configured
    // severity, and an error fails the run.
    let out = planwright(
        &["lint", "--format", "json", "--extend-select", "PW501"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let severities: Vec<(&str, &str)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["severity"].as_str().unwrap()))
        .collect();
    assert!(severities.contains(&("PW501", "error")), "{severities:?}");

    // A folder's name alone is every file under it, as in `.gitignore`.
    write(
        dir.path(),
        "planwright.toml",
        "[[lint.overrides]]\nfiles = [\"archive\"]\nignore = [\"PW1\"]\n",
    );
    let out = planwright(
        &["lint", "--format", "concise", "--select", "PW1"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
}

#[test]
fn config_errors_name_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.md", PLAN);
    write(
        dir.path(),
        "planwright.toml",
        "[lint]\nselect = [\"PW1\"]\nignor = [\"PW104\"]\n",
    );
    let out = planwright(&["lint", "plan.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("planwright.toml:3:1: lint.ignor: unknown field `ignor`"),
        "{stderr}"
    );
    write(
        dir.path(),
        "planwright.toml",
        "[lint]\nselect = [\"PW9\"]\n",
    );
    let out = planwright(&["lint", "plan.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("planwright.toml:2:11: lint.select[0]: unknown rule selector `PW9`"),
        "{stderr}"
    );
    let out = planwright(&["lint", "--select", "nonsense", "plan.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unreadable_files_are_reported_and_the_rest_linted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-plan.md", PLAN);
    std::fs::write(dir.path().join("b-plan.md"), b"# Plan\n\xff\xfe\n").unwrap();
    let out = planwright(
        &["lint", "--format", "concise", ".", "missing.md"],
        dir.path(),
    );
    insta::assert_snapshot!(text(&out));

    // Every report says that it is not the whole story.
    let human = planwright(&["lint", ".", "missing.md"], dir.path());
    assert_eq!(human.status.code(), Some(2));
    assert!(
        stdout(&human).ends_with("Found 2 warnings in 1 file; 2 files could not be read.\n"),
        "{}",
        text(&human)
    );
    std::fs::remove_file(dir.path().join("a-plan.md")).unwrap();
    let none_read = planwright(&["lint", "."], dir.path());
    assert_eq!(none_read.status.code(), Some(2));
    assert_eq!(
        stdout(&none_read),
        "No problems found in 0 files; 1 file could not be read.\n"
    );
    let json = planwright(&["lint", "--format", "json", ".", "missing.md"], dir.path());
    assert_eq!(json.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(
        json["errors"],
        serde_json::json!([
            {"path": "missing.md", "message": "no such file or folder"},
            {"path": "b-plan.md", "message": "not valid UTF-8 (invalid byte at offset 7, line 2)", "line": 2},
        ])
    );
    let sarif = planwright(
        &["lint", "--format", "sarif", ".", "missing.md"],
        dir.path(),
    );
    assert_eq!(sarif.status.code(), Some(2));
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notifications = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notifications.len(), 2);
    assert_eq!(notifications[1]["level"], "error");
    assert_eq!(
        notifications[1]["message"]["text"],
        "b-plan.md: not valid UTF-8 (invalid byte at offset 7, line 2)"
    );
    assert_eq!(
        notifications[1]["locations"][0]["physicalLocation"]["artifactLocation"],
        serde_json::json!({"uri": "b-plan.md", "uriBaseId": "%SRCROOT%"})
    );
    // In a workflow, the unreadable paths are annotations too.
    let github = planwright(
        &["lint", "--format", "github", ".", "missing.md"],
        dir.path(),
    );
    assert_eq!(github.status.code(), Some(2));
    assert_eq!(
        stdout(&github),
        "::error file=missing.md,title=planwright::no such file or folder\n\
         ::error file=b-plan.md,line=2,title=planwright::not valid UTF-8 (invalid byte at offset 7, line 2)\n"
    );
    // A clean run says so too.
    std::fs::remove_file(dir.path().join("b-plan.md")).unwrap();
    let clean = planwright(&["lint", "--format", "sarif", "."], dir.path());
    assert_eq!(clean.status.code(), Some(0));
    let clean: serde_json::Value = serde_json::from_slice(&clean.stdout).unwrap();
    assert_eq!(
        clean["runs"][0]["invocations"],
        serde_json::json!([{"executionSuccessful": true}])
    );
}

#[test]
fn exit_codes_follow_severity_and_strict() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.md", PLAN);
    let warnings_only = planwright(&["lint", "plan.md"], dir.path());
    assert_eq!(
        warnings_only.status.code(),
        Some(0),
        "{}",
        text(&warnings_only)
    );
    let strict = planwright(&["lint", "--strict", "plan.md"], dir.path());
    assert_eq!(strict.status.code(), Some(1));
    write(dir.path(), "plan.md", "# Plan\n\n**Created:** 2026-02-30\n");
    let error = planwright(&["lint", "plan.md"], dir.path());
    assert_eq!(error.status.code(), Some(1));
    // --exit-zero reports the same findings and passes; a file that cannot
    // be read still fails the run.
    let zero = planwright(&["lint", "--exit-zero", "plan.md"], dir.path());
    assert_eq!(zero.status.code(), Some(0));
    assert_eq!(zero.stdout, error.stdout);
    let missing = planwright(&["lint", "--exit-zero", "plan.md", "gone.md"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    let both = planwright(&["lint", "--exit-zero", "--strict", "plan.md"], dir.path());
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn a_spec_field_that_is_not_a_path_is_not_a_broken_link() {
    // `N/A`, tickets and dates name no file; a bare `a/b` is a path when
    // its first folder exists, from the plan's folder.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("specs")).unwrap();
    write(
        dir.path(),
        "plan.md",
        "# S\n\n**Spec:** N/A\n**Spec:** TBD/pending\n**Spec:** Jira/PROJ-12\n**Specification:** Q3/2026\n\n## Refs\n\n- **Spec:** specs/004-export\n- **Spec:** gone.md\n",
    );
    let out = planwright(
        &[
            "lint", "plan.md", "--select", "PW301", "--format", "concise",
        ],
        dir.path(),
    );
    assert_eq!(
        stdout(&out),
        "plan.md:10:13: PW301 link to `specs/004-export`, which does not exist\n\
         plan.md:11:13: PW301 link to `gone.md`, which does not exist\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_spec_path_written_from_the_repository_is_found_from_any_folder() {
    // No planwright.toml: the project root is the folder lint runs in, so
    // the plan's repository (the folder holding `.git`) is tried too.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let feature = dir.path().join("specs/003-widgets");
    std::fs::create_dir_all(&feature).unwrap();
    write(&feature, "spec.md", "# Spec\n");
    write(
        &feature,
        "plan.md",
        "# W\n\n**Spec:** `specs/003-widgets/spec.md`\n**Spec:** `specs/003-widgets/gone.md`\n",
    );
    let args = ["lint", "--select", "PW301", "--format", "concise"];
    for (from, plan) in [
        (dir.path().to_path_buf(), "specs/003-widgets/plan.md"),
        (feature.clone(), "plan.md"),
    ] {
        let out = planwright(&[&args[..], &[plan]].concat(), &from);
        assert_eq!(
            stdout(&out),
            format!(
                "{plan}:4:11: PW301 link to `specs/003-widgets/gone.md`, which does not exist\n"
            ),
            "from {}",
            from.display()
        );
    }
}

#[test]
fn a_link_written_from_the_root_is_broken_beside_the_plan_and_fixed_to_its_folder() {
    // GitHub follows a link from the plan's folder: `specs/003-w/spec.md`
    // written in `specs/003-w/plan.md` names `specs/003-w/specs/003-w/…`.
    // A `Spec:` value in code is no link, and is found from the root.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let feature = dir.path().join("specs/003-w");
    std::fs::create_dir_all(&feature).unwrap();
    write(&feature, "spec.md", "# Spec\n");
    let text =
        "# W\n\n**Spec:** `specs/003-w/spec.md`\n\nSee [the spec](specs/003-w/spec.md#scope).\n";
    write(&feature, "plan.md", text);
    let args = ["lint", "--select", "PW301", "--format", "concise"];
    let out = planwright(&[&args[..], &["specs/003-w/plan.md"]].concat(), dir.path());
    assert_eq!(
        stdout(&out),
        "specs/003-w/plan.md:5:5: PW301 link to `specs/003-w/spec.md`, which is not beside the plan\n"
    );
    assert_eq!(out.status.code(), Some(1));
    // The safe fixes leave it; the unsafe one writes the path from the
    // plan's folder, and nothing else.
    let fix = ["lint", "--select", "PW301", "--fix", "specs/003-w/plan.md"];
    planwright(&fix, dir.path());
    assert_eq!(
        std::fs::read_to_string(feature.join("plan.md")).unwrap(),
        text
    );
    planwright(&[&fix[..], &["--unsafe-fixes"]].concat(), dir.path());
    assert_eq!(
        std::fs::read_to_string(feature.join("plan.md")).unwrap(),
        text.replace("(specs/003-w/spec.md#", "(spec.md#")
    );
    let out = planwright(&[&args[..], &["specs/003-w/plan.md"]].concat(), dir.path());
    assert_eq!((stdout(&out).as_str(), out.status.code()), ("", Some(0)));
}

#[test]
fn colour_follows_the_flag_then_no_color_then_force_color() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plan.md", "# Plan\n\n**Created:** 2026-02-30\n");
    let coloured = |args: &[&str], env: &[(&str, &str)]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_planwright"))
            .args(["lint", "plan.md"])
            .args(args)
            .current_dir(dir.path())
            .env_remove("NO_COLOR")
            .env_remove("FORCE_COLOR")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        out.stdout.contains(&0x1b)
    };
    // Standard output is a pipe here, so `auto` alone means no colour.
    assert!(!coloured(&[], &[]));
    assert!(coloured(&[], &[("FORCE_COLOR", "1")]));
    assert!(coloured(&[], &[("FORCE_COLOR", "true")]));
    assert!(!coloured(&[], &[("FORCE_COLOR", "0")]));
    assert!(!coloured(&[], &[("FORCE_COLOR", "false")]));
    assert!(!coloured(&[], &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]));
    assert!(coloured(&["--color", "always"], &[("NO_COLOR", "1")]));
    assert!(!coloured(&["--color", "never"], &[("FORCE_COLOR", "1")]));
    // Only the human format has colour to give.
    assert!(!coloured(
        &["--format", "concise", "--color", "always"],
        &[]
    ));
}

#[test]
fn inline_directives_silence_rules() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        "# Plan\n\n<!-- planwright-disable-next-line PW101 -->\nOwner: [OWNER]\n\nLead: [LEAD]\n";
    write(dir.path(), "plan.md", source);
    let out = planwright(&["lint", "--format", "concise", "plan.md"], dir.path());
    insta::assert_snapshot!(text(&out));
}

#[test]
fn directives_are_read_however_they_are_spelled_and_laid_out() {
    // `enable` ends a `disable` that spells the rule otherwise; a directive
    // may run over lines or be upper case; a misspelt one over lines is
    // still reported.
    let dir = tempfile::tempdir().unwrap();
    for enable in ["pw101", "unfilled-placeholder", "PW1", ""] {
        let source = format!(
            "# Plan: Q\n\n<!-- planwright-disable PW101 -->\nOwner: [Team/member]\n<!-- planwright-enable {enable} -->\n\nLead: [Team/member]\n"
        );
        write(dir.path(), "d4.md", &source);
        let out = planwright(&["lint", "d4.md", "--format", "concise"], dir.path());
        assert_eq!(
            stdout(&out),
            "d4.md:7:7: PW101 unfilled placeholder `[Team/member]`\n",
            "enable {enable:?}"
        );
    }
    let source = "# Plan: Q\n\n<!--\nplanwright-disabel PW101\n-->\n\n<!-- planwright-disable ALL -->\nOwner: [OWNER]\n<!--\nplanwright-enable\n-->\nLead: [LEAD]\n\n<!-- planwright-disable-next-line\n PW101 -->\nQA: [QA LEAD]\n\n<!-- PLANWRIGHT-DISABLE-NEXT-LINE PW101 -->\nOps: [OPS]\n";
    write(dir.path(), "d5.md", source);
    let out = planwright(&["lint", "d5.md", "--format", "concise"], dir.path());
    assert_eq!(
        stdout(&out),
        "d5.md:3:1: PW601 unknown directive `planwright-disabel`\nd5.md:12:7: PW101 unfilled placeholder `[LEAD]`\n"
    );
}

#[test]
fn near_miss_directives_are_reported_not_obeyed_and_prose_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let source = "# Plan: Q\n\n<!-- planwright reads this table -->\n<!-- generated by planwright new -->\n<!-- planwright: keep this section short -->\n\n<!-- planwright:disable-next-line PW101 -->\nOwner: [OWNER]\n\n<!-- planwright_disable PW101 -->\n<!-- planwright disable PW101 -->\n<!-- Planwright.Enable -->\n";
    write(dir.path(), "near.md", source);
    let out = planwright(&["lint", "--format", "concise", "near.md"], dir.path());
    assert_eq!(
        stdout(&out),
        "near.md:7:1: PW601 unknown directive `planwright:disable-next-line`\nnear.md:8:8: PW101 unfilled placeholder `[OWNER]` in metadata\nnear.md:10:1: PW601 unknown directive `planwright_disable`\nnear.md:11:1: PW601 unknown directive `planwright disable`\nnear.md:12:1: PW601 unknown directive `Planwright.Enable`\n"
    );
    let out = planwright(&["lint", "--select", "PW601", "near.md"], dir.path());
    insta::assert_snapshot!(text(&out));
}

#[test]
fn lone_carriage_returns_end_lines_for_findings_and_directives() {
    // Classic Mac OS line endings: every line ended by a lone `\r`. Lines
    // and columns are counted as Markdown reads them, in every format, and
    // a directive's comment ends at its line (pulldown-cmark alone ran it
    // on to the end of the file, hiding every finding after it).
    let dir = tempfile::tempdir().unwrap();
    let source = "# Plan\r\r<!-- planwright-disable-next-line PW101 -->\rOwner: [OWNER]\r\r- Lead: \u{e9} [LEAD]\r";
    write(dir.path(), "plan.md", source);
    let out = planwright(&["lint", "--format", "concise", "plan.md"], dir.path());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "plan.md:6:11: PW101 unfilled placeholder `[LEAD]`\n"
    );
    let out = planwright(&["lint", "--format", "json", "plan.md"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let end = &json["diagnostics"][0]["range"]["end"];
    assert_eq!(
        (end["line"].as_u64(), end["column"].as_u64()),
        (Some(6), Some(17))
    );
    let out = planwright(&["lint", "plan.md"], dir.path());
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.contains(" --> plan.md:6:11\n"), "{human}");
    assert!(human.contains("6 | - Lead: \u{e9} [LEAD]\n"), "{human}");
    assert!(!human.contains(['\r', '\u{240d}']), "{human:?}");
}

#[test]
fn local_templates_are_dialects_for_lint() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".planwright/templates/note.md",
        "# Delivery Note: {TITLE}\n\n**Owner:** {OWNER}\n**Status:** Draft | Shipped\n\n## Summary\n\n{summary}\n\n## Risks\n\n{risks}\n\n## Rollback Plan\n\n{rollback}\n",
    );
    write(
        dir.path(),
        "note-plan.md",
        "# Delivery Note: Export\n\n**Owner:** Ada\n**Status:** Shipped\n\n## Summary\n\nShips CSV export.\n\n## Rollback Plan\n\nTurn the flag off.\n",
    );
    let out = planwright(&["lint", "--format", "concise", "note-plan.md"], dir.path());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "note-plan.md:1:1: PW103 missing section: risks (required by the note dialect)\n"
    );
}

#[test]
fn a_run_that_finds_no_plan_says_so() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "docs/readme.md", "# Notes\n");
    let out = planwright(&["lint", "docs"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "No problems found in 0 files.\n");
    assert!(
        stderr(&out).contains("warning: no plan files found in docs"),
        "{}",
        stderr(&out)
    );
    // A plan found, nothing to say.
    write(dir.path(), "docs/plan.md", "# Plan\n");
    let out = planwright(&["lint", "docs"], dir.path());
    assert_eq!(stderr(&out), "");
}
