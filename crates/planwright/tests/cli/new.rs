//! `planwright new`: every built-in template filled and read back, local
//! templates, and the refusals that leave the disk untouched; numbering is
//! in `new_numbering.rs`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output};

use crate::support::{stderr, stdout};
use planwright_core::dialect::TEMPLATE_DIALECTS;
use planwright_core::{ParseOptions, Plan, parse_with};

/// The date every test plan is created on; see `PLANWRIGHT_TODAY` in
/// `commands/new.rs`.
const TODAY: &str = "2026-01-15";
const TITLE: &str = "Dark mode for the dashboard";

/// Runs planwright in `dir` with a fixed date and git isolated from the
/// machine's own configuration.
pub fn planwright(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planwright"))
        .args(args)
        .current_dir(dir)
        .env("PLANWRIGHT_TODAY", TODAY)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        .output()
        .expect("run planwright")
}

pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// A temporary git repository whose user is Ada Lovelace.
pub(crate) fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["config", "user.name", "Ada Lovelace"]);
    git(dir.path(), &["config", "user.email", "ada@example.invalid"]);
    dir
}

pub(crate) fn commit(dir: &Path) {
    git(dir, &["commit", "-q", "--allow-empty", "-m", "start"]);
}

pub(crate) fn ok(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", stderr(out));
    stdout(out)
}

/// The plan folders under `specs/`, sorted.
pub(crate) fn folders(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir.join("specs")) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn read_plan(dir: &Path, rel: &str, dialects: &planwright_core::DialectSet) -> (String, Plan) {
    let text = std::fs::read_to_string(dir.join(rel)).expect("plan written");
    let plan = parse_with(
        &text,
        &ParseOptions {
            file_name: Some("plan.md"),
            path: Some(rel),
            dialects,
            dialect: None,
        },
    );
    (text, plan)
}

/// `line:column kind text` for each slot left, the way a user lists them.
fn remaining(text: &str, plan: &Plan) -> String {
    let index = planwright_core::LineIndex::new(text);
    let mut out = String::new();
    for p in &plan.placeholders {
        let pos = index.line_column(text, p.range.start);
        let shown = p.text.lines().next().unwrap_or("");
        let _ = writeln!(out, "{}:{} {} {shown}", pos.line, pos.column, p.kind.name());
    }
    out
}

/// How many slot findings (unfilled placeholder, template text, unresolved
/// choice) `planwright lint` lists for a plan.
pub(crate) fn slot_findings(dir: &Path, rel: &str) -> usize {
    let out = planwright(dir, &["lint", "--format", "json", rel]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("lint json");
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| matches!(d["code"].as_str(), Some("PW101" | "PW102" | "PW106")))
        .count()
}

#[test]
fn every_builtin_template_is_filled_and_reads_back_as_itself() {
    // What each template must show once filled: title, dates, author, ids
    // and branch, wherever the template has a slot for them.
    let expected: [(&str, &[&str]); 5] = [
        (
            "speckit",
            &[
                "**Feature Branch**: `001-dark-mode-for-the-dashboard`",
                "**Created**: 2026-01-15",
                "**Status**: Draft",
                "Plan description: \"Dark mode for the dashboard\"",
            ],
        ),
        (
            "design",
            &[
                "**Feature ID:** 001-dark-mode-for-the-dashboard",
                "**Spec:** spec.md",
                "**Created:** 2026-01-15",
            ],
        ),
        (
            "delivery",
            &[
                "**Issue:** GH-42",
                "**Author:** Ada Lovelace",
                "**Created:** 2026-01-15",
                "**Status:** Draft\n",
                "`feature_dark_mode_for_the_dashboard`",
                "| 2026-01-15 | Plan created |",
            ],
        ),
        (
            "rfc",
            &["# Dark mode for the dashboard – Implementation Plan\n"],
        ),
        (
            "roadmap",
            &[
                "<!-- FEATURE_DIR: 001-dark-mode-for-the-dashboard -->",
                "<!-- FEATURE_ID: 001 -->",
                "<!-- PLAN_NUMBER: 001 -->",
                "<!-- STATUS: pending -->",
                "<!-- CREATED: 2026-01-15T00:00:00+00:00 -->",
                "**Spec ID**: SPEC-001",
                "**Generated**: 2026-01-15",
            ],
        ),
    ];
    assert_eq!(expected.map(|(t, _)| t), TEMPLATE_DIALECTS);
    for (template, wanted) in expected {
        let dir = repo();
        let spec = "specs/001-dark-mode-for-the-dashboard/spec.md";
        let out = planwright(
            dir.path(),
            &[
                "new", TITLE, "-t", template, "--issue", "GH-42", "--spec", spec,
            ],
        );
        let said = ok(&out);
        let rel = "specs/001-dark-mode-for-the-dashboard/plan.md";
        assert!(said.starts_with(&format!("Created {rel} (template {template}, number 001)")));
        let (text, plan) = read_plan(dir.path(), rel, planwright_core::DialectSet::builtin());
        assert_eq!(plan.dialect.name, template, "{template}: detected dialect");
        let title = plan.title.as_ref().map_or("", |t| t.text.as_str());
        assert!(title.starts_with(TITLE), "{template}: title {title:?}");
        for w in wanted {
            assert!(text.contains(w), "{template}: missing {w:?} in\n{text}");
        }
        let left = remaining(&text, &plan);
        let listed = slot_findings(dir.path(), rel);
        // A `--spec` that does not exist yet is named as lint will.
        assert!(
            said.contains(&format!("{listed} slots left for you to fill")),
            "{template}: {said}"
        );
        insta::assert_snapshot!(format!("new_{template}_remaining"), left);
    }
}

#[test]
fn human_and_json_reports() {
    let dir = repo();
    let out = planwright(dir.path(), &["new", TITLE, "-t", "delivery"]);
    insta::assert_snapshot!("new_human_delivery", ok(&out));
    let out = planwright(
        dir.path(),
        &["new", "Second plan", "-t", "roadmap", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&out)).expect("json");
    insta::assert_json_snapshot!("new_json_roadmap", json);
}

#[test]
fn a_title_with_markup_stays_text_and_is_no_slot() {
    let dir = repo();
    let title = "Support <Vec> generics in {name} [beta]";
    ok(&planwright(dir.path(), &["new", title, "-t", "delivery"]));
    let rel = "specs/001-support-vec-generics-in-name-beta/plan.md";
    let text = std::fs::read_to_string(dir.path().join(rel)).expect("plan");
    assert!(
        text.starts_with(
            "# Implementation Plan: Support \\<Vec\\> generics in \\{name\\} \\[beta\\]\n"
        ),
        "{text}"
    );
    let out = planwright(dir.path(), &["show", rel]);
    assert!(
        ok(&out).starts_with("Support <Vec> generics in {name} [beta]\n"),
        "{}",
        stdout(&out)
    );
    // What lint lists is the template's slots, none of the title.
    let out = planwright(dir.path(), &["lint", rel, "--format", "concise"]);
    let found = stdout(&out);
    assert!(
        !found.contains("Vec") && !found.contains("{name}"),
        "{found}"
    );
}

#[test]
fn dry_run_prints_path_and_content_and_writes_nothing() {
    let dir = repo();
    let out = planwright(dir.path(), &["new", TITLE, "--dry-run"]);
    // The plan alone on standard output, so `> file` captures a plan; what
    // would happen on standard error, pointing at no file to lint.
    assert!(ok(&out).starts_with("# Implementation Plan: Dark mode for the dashboard\n"));
    let said = stderr(&out);
    assert!(said.starts_with("Would create specs/001-dark-mode-for-the-dashboard/plan.md"));
    assert!(!said.contains("planwright lint"), "{said}");
    assert!(!dir.path().join("specs").exists());
}

#[test]
fn branch_is_created_and_checked_out() {
    let dir = repo();
    commit(dir.path());
    let out = planwright(dir.path(), &["new", TITLE, "--branch", "--dry-run"]);
    ok(&out);
    assert!(
        stderr(&out)
            .contains("Would switch to a new git branch: 001-dark-mode-for-the-dashboard\n")
    );
    assert_eq!(git(dir.path(), &["branch", "--show-current"]), "main");
    let out = planwright(dir.path(), &["new", TITLE, "--branch"]);
    assert!(ok(&out).contains("Switched to a new git branch: 001-dark-mode-for-the-dashboard"));
    assert_eq!(
        git(dir.path(), &["branch", "--show-current"]),
        "001-dark-mode-for-the-dashboard"
    );
}

#[test]
fn branch_errors_leave_nothing_behind() {
    let outside = tempfile::tempdir().expect("temp dir");
    let out = planwright(outside.path(), &["new", TITLE, "--branch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).ends_with(": not inside a git repository (needed for --branch)\n"),
        "{}",
        stderr(&out)
    );
    assert!(!outside.path().join("specs").exists());

    // Without `{number}` in the pattern the branch is the slug, which may
    // exist already.
    let dir = repo();
    commit(dir.path());
    std::fs::write(
        dir.path().join("planwright.toml"),
        "[new]\npattern = \"plans/{slug}.md\"\n",
    )
    .expect("config");
    git(dir.path(), &["branch", "dark-mode"]);
    let out = planwright(dir.path(), &["new", "Dark mode", "--branch"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: git branch `dark-mode` already exists\n"
    );
    assert!(!dir.path().join("plans/dark-mode.md").exists());

    // A name git would refuse is found before the plan is written, and the
    // message says it once.
    std::fs::write(
        dir.path().join("planwright.toml"),
        "[new]\npattern = \"plans/{number}-{slug}.lock.md\"\n",
    )
    .expect("config");
    let out = planwright(dir.path(), &["new", "Locky", "--branch"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: `001-locky.lock` is not a valid git branch name\n"
    );
    assert!(!dir.path().join("plans").exists());
}

#[test]
fn an_existing_plan_is_never_overwritten() {
    let dir = repo();
    std::fs::write(
        dir.path().join("planwright.toml"),
        "[new]\npattern = \"plans/{slug}.md\"\ntemplate = \"rfc\"\n",
    )
    .expect("config");
    ok(&planwright(dir.path(), &["new", "Dark mode"]));
    let first = std::fs::read(dir.path().join("plans/dark-mode.md")).expect("plan");
    let out = planwright(dir.path(), &["new", "Dark mode", "-t", "design"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: plans/dark-mode.md: already exists; planwright never overwrites a file\n"
    );
    assert_eq!(
        std::fs::read(dir.path().join("plans/dark-mode.md")).expect("plan"),
        first
    );
    let entries = std::fs::read_dir(dir.path().join("plans"))
        .expect("dir")
        .count();
    assert_eq!(entries, 1, "no temporary file left behind");
}

#[test]
fn set_fills_named_slots_and_warns_about_unknown_names() {
    let dir = repo();
    let out = planwright(
        dir.path(),
        &[
            "new",
            TITLE,
            "-t",
            "delivery",
            "--author",
            "Grace Hopper",
            "--spec",
            "docs/spec.md",
            "--set",
            "component_1=First try",
            "--set",
            "Component-1=Theme store",
            "--set",
            // Spaces around `=` are the shell's writing, not the value's.
            "file extension = ts",
            "--set",
            "nonsense=1",
        ],
    );
    assert!(ok(&out).contains("Filled 13 slots: title (2), author, date (2), status, component_1, file_extension (5), spec\n"), "{}", stdout(&out));
    assert_eq!(
        stderr(&out),
        "planwright: warning: --set nonsense: no slot of that name in template `delivery`\n"
    );
    let text = std::fs::read_to_string(
        dir.path()
            .join("specs/001-dark-mode-for-the-dashboard/plan.md"),
    )
    .expect("plan");
    assert!(text.contains("**Author:** Grace Hopper\n"));
    assert!(text.contains("**Spec:** [spec.md](../../docs/spec.md)\n"));
    // The last --set of a name wins, without a warning for the first;
    // the table stays aligned, as the template wrote it.
    assert!(
        text.contains("| Theme store     | New/Modified | Brief description |\n"),
        "{text}"
    );
    assert!(!text.contains("First try"));
    assert!(text.contains("`path/to/file1.ts`"));
    assert!(!text.contains("{{FILE_EXTENSION}}"));
}

#[test]
fn unknown_template_is_named_with_the_known_ones() {
    let dir = repo();
    let out = planwright(dir.path(), &["new", TITLE, "-t", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: unknown template `nope`; known: speckit, design, delivery, rfc, roadmap (see `planwright templates list`)\n"
    );
    assert!(!dir.path().join("specs").exists());
    // A misspelt name is met with the one it was probably meant to be.
    let out = planwright(dir.path(), &["new", TITLE, "-t", "desing"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: unknown template `desing`; did you mean `design`? Known: speckit, design, delivery, rfc, roadmap (see `planwright templates list`)\n"
    );
    assert!(!dir.path().join("specs").exists());
}

#[test]
fn values_the_template_has_no_slot_for_are_named() {
    let dir = repo();
    let out = planwright(
        dir.path(),
        &["new", TITLE, "-t", "rfc", "--issue", "GH-7", "--dry-run"],
    );
    assert!(out.status.success());
    assert_eq!(
        warnings(&out),
        "planwright: warning: --issue: template `rfc` has no slot for it\n"
    );
    // Where the slot exists, nothing is said.
    let out = planwright(
        dir.path(),
        &[
            "new",
            TITLE,
            "-t",
            "delivery",
            "--issue",
            "GH-7",
            "--dry-run",
        ],
    );
    assert_eq!(warnings(&out), "");
}

/// The warnings of a run, without a dry run's summary.
fn warnings(out: &Output) -> String {
    stderr(out)
        .lines()
        .filter(|l| l.starts_with("planwright:"))
        .flat_map(|l| [l, "\n"])
        .collect()
}

#[test]
fn a_file_in_the_way_of_the_plan_folder_is_named() {
    let dir = repo();
    std::fs::write(dir.path().join("specs"), "not a folder\n").expect("write");
    let out = planwright(dir.path(), &["new", TITLE]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: specs: exists and is not a folder\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("specs")).expect("read"),
        "not a folder\n"
    );
}

#[test]
fn plans_written_by_new_are_found_by_lint_and_status_from_any_folder() {
    let dir = repo();
    std::fs::write(
        dir.path().join("planwright.toml"),
        "[new]\npattern = \"adr/{number}-{slug}.md\"\n",
    )
    .expect("config");
    ok(&planwright(dir.path(), &["new", "Decide the store"]));
    let out = planwright(dir.path(), &["status", "--format", "json"]);
    assert!(
        stdout(&out).contains("\"path\": \"adr/001-decide-the-store.md\""),
        "{}",
        stdout(&out)
    );
    let out = planwright(dir.path(), &["lint", "--format", "concise", "--exit-zero"]);
    assert!(
        stdout(&out).contains("adr/001-decide-the-store.md:"),
        "{}",
        stdout(&out)
    );
    // Below the configuration's folder, status reads the same configuration.
    let sub = dir.path().join("adr");
    let out = planwright(&sub, &["status", ".", "--format", "json"]);
    assert!(
        stdout(&out).contains("001-decide-the-store.md"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_bad_lint_selector_stops_new_as_it_stops_lint() {
    let dir = repo();
    std::fs::write(
        dir.path().join("planwright.toml"),
        "[lint]\nselect = [\"PW999\"]\n",
    )
    .expect("config");
    let new = planwright(dir.path(), &["new", TITLE]);
    let lint = planwright(dir.path(), &["lint"]);
    assert_eq!(new.status.code(), Some(2));
    assert_eq!(stderr(&new), stderr(&lint));
    assert!(
        stderr(&new).starts_with(
            "planwright: error: planwright.toml:2:11: lint.select[0]: unknown rule selector `PW999`"
        ),
        "{}",
        stderr(&new)
    );
    assert!(!dir.path().join("specs").exists());
    // From below, the configuration is named as it would be typed there.
    let sub = dir.path().join("docs/notes");
    std::fs::create_dir_all(&sub).expect("mkdir");
    let out = planwright(&sub, &["lint"]);
    assert!(
        stderr(&out).starts_with("planwright: error: ../../planwright.toml:2:11: lint.select[0]:"),
        "{}",
        stderr(&out)
    );
}
