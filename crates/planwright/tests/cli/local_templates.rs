//! Local templates in `.planwright/templates/`: one with a descriptor, one
//! without, and one shadowing a built-in, from `templates list` to `new`.

use std::path::Path;

use planwright_core::{ParseOptions, parse_with};

use crate::new::planwright;

const ADR: &str = "# ADR-{{number}}: {{title}}

**Decision ID:** {{decision_id}}
**Status:** Proposed
**Deciders:** {{author}}
**Date:** {{date}}

## Context

{{context}}

## Decision

{{decision}}

## Consequences

- {{consequence}}
";

const ADR_TOML: &str = r#"name = "adr"
description = "Architecture decision record"
status_values = ["Proposed", "Accepted", "Superseded"]
initial_status = "Proposed"
required_sections = []
required_metadata = ["decision_id", "status"]
placeholders = ["double_brace"]

[[detect]]
field = "Decision ID"
weight = 3
[[detect]]
heading = "Consequences"
weight = 1

[fill]
number = "{number}"
title = "{title}"
decision_id = "ADR-{number}"
"#;

const CHANGE: &str = "# Change: [TITLE]

**Owner:** [AUTHOR]
**Created:** YYYY-MM-DD
**Status:** Proposed | Accepted | Done

## Motivation

[Why this change]

## Rollout

- [ ] [First step]

## Risks

- [Risk]
";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let templates = dir.path().join(".planwright/templates");
    std::fs::create_dir_all(&templates).expect("mkdir");
    std::fs::write(templates.join("adr.md"), ADR).expect("write");
    std::fs::write(templates.join("adr.toml"), ADR_TOML).expect("write");
    std::fs::write(templates.join("change.md"), CHANGE).expect("write");
    std::fs::write(
        templates.join("speckit.md"),
        "# Implementation Plan: [FEATURE NAME]\n\n**Created**: [DATE]\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("planwright.toml"), "").expect("write");
    dir
}

fn read(dir: &Path, rel: &str) -> (String, planwright_core::Plan) {
    let text = std::fs::read_to_string(dir.join(rel)).expect("plan");
    let set = planwright_workspace::templates::dialect_set(dir).expect("local templates");
    let plan = parse_with(
        &text,
        &ParseOptions {
            file_name: Some("plan.md"),
            path: Some(rel),
            dialects: &set,
            dialect: None,
        },
    );
    (text, plan)
}

#[test]
fn templates_list_shows_origins_and_shadowing() {
    let dir = setup();
    let out = planwright(dir.path(), &["templates", "list"]);
    assert!(out.status.success());
    insta::assert_snapshot!("templates_list_local", String::from_utf8_lossy(&out.stdout));
    let out = planwright(dir.path(), &["templates", "show", "change"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), CHANGE);
}

#[test]
fn templates_list_shows_local_paths_from_the_current_folder() {
    let dir = setup();
    let docs = dir.path().join("docs/specs");
    std::fs::create_dir_all(&docs).expect("mkdir");
    let out = planwright(&docs, &["templates"]);
    assert!(out.status.success());
    let list = String::from_utf8_lossy(&out.stdout);
    let change = list
        .lines()
        .find(|l| l.starts_with("change "))
        .expect("the local template `change`");
    assert!(
        change.contains("  local     ../../.planwright/templates/change.md ("),
        "{list}"
    );
}

#[test]
fn template_with_descriptor_end_to_end() {
    let dir = setup();
    let out = planwright(
        dir.path(),
        &["new", "Use SQLite", "-t", "adr", "--author", "Ada"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (text, plan) = read(dir.path(), "specs/001-use-sqlite/plan.md");
    assert_eq!(
        text.lines().take(6).collect::<Vec<_>>(),
        [
            "# ADR-001: Use SQLite",
            "",
            "**Decision ID:** ADR-001",
            "**Status:** Proposed",
            "**Deciders:** Ada",
            "**Date:** 2026-01-15",
        ]
    );
    assert_eq!(plan.dialect.name, "adr");
    let left: Vec<&str> = plan.placeholders.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(left, ["{{context}}", "{{decision}}", "{{consequence}}"]);
}

#[test]
fn template_without_descriptor_end_to_end() {
    let dir = setup();
    let out = planwright(
        dir.path(),
        &["new", "Drop the v1 API", "-t", "change", "--author", "Ada"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (text, plan) = read(dir.path(), "specs/001-drop-the-v1-api/plan.md");
    assert_eq!(
        text.lines().take(5).collect::<Vec<_>>(),
        [
            "# Change: Drop the v1 API",
            "",
            "**Owner:** Ada",
            "**Created:** 2026-01-15",
            "**Status:** Proposed",
        ]
    );
    assert_eq!(plan.dialect.name, "change");
    let left: Vec<&str> = plan.placeholders.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(left, ["[Why this change]", "[First step]", "[Risk]"]);
}

#[test]
fn local_template_shadows_the_builtin() {
    let dir = setup();
    let out = planwright(dir.path(), &["new", "Tiny", "--author", "Ada"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("specs/001-tiny/plan.md")).expect("plan");
    assert_eq!(
        text,
        "# Implementation Plan: Tiny\n\n**Created**: 2026-01-15\n"
    );
}

#[test]
fn a_broken_template_is_its_own_error_and_spares_the_others() {
    let dir = setup();
    let templates = dir.path().join(".planwright/templates");
    std::fs::write(templates.join("leak.md"), "# Leak [TITLE]\n").expect("write");
    std::fs::write(
        templates.join("leak.toml"),
        "name = \"leak\"\ntemplate = \"../../secret.md\"\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("secret.md"), "not for plans\n").expect("write");
    let stderr = |out: &std::process::Output| String::from_utf8_lossy(&out.stderr).into_owned();

    // Asked for, the broken template is the error, and nothing is written.
    let out = planwright(dir.path(), &["new", "Leak", "-t", "leak"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: .planwright/templates/leak.toml:2:1: template = \"../../secret.md\" \
         must be a file name in .planwright/templates/, without a folder\n"
    );
    assert!(!dir.path().join("specs").exists());
    let out = planwright(dir.path(), &["templates", "show", "leak"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());

    // The others still work, with a warning that names the broken one.
    let out = planwright(dir.path(), &["new", "Fine", "-t", "change"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .starts_with("planwright: warning: .planwright/templates/leak.toml:2:1: template = "),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("; template `leak` skipped"));
    // `templates list` shows the others, and fails as `lint` does below:
    // a script checking the templates must see the broken one.
    let out = planwright(dir.path(), &["templates", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("change"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("leak"));
    assert!(
        stderr(&out).starts_with("planwright: error: .planwright/templates/leak.toml:2:1: "),
        "{}",
        stderr(&out)
    );

    // `lint` needs every dialect, so the broken one stops it, named from
    // the working folder as `new` names it, not by its absolute path.
    std::fs::write(dir.path().join("plan.md"), "# P\n\n- [ ] a\n").expect("write");
    let out = planwright(dir.path(), &["lint", "plan.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("planwright: error: .planwright/templates/leak.toml:2:1: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn without_a_config_every_command_finds_the_repositorys_templates() {
    let dir = setup();
    std::fs::remove_file(dir.path().join("planwright.toml")).expect("rm");
    std::fs::create_dir(dir.path().join(".git")).expect("a work tree's root");
    let sub = dir.path().join("docs/notes");
    std::fs::create_dir_all(&sub).expect("mkdir");
    let out = planwright(&sub, &["templates", "list"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("change"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = planwright(&sub, &["templates", "show", "change"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), CHANGE);
    let out = planwright(&sub, &["new", "Retry queue", "-t", "change", "--dry-run"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Beyond the work tree's root, nothing is looked for.
    let outside = tempfile::tempdir().expect("temp dir");
    let out = planwright(outside.path(), &["templates", "show", "change"]);
    assert_eq!(out.status.code(), Some(2));
}

const RFC: &str = "---
title: \"{{TITLE}}\"
owner: [OWNER]
created: YYYY-MM-DD
status: Draft
tags: [rfc, api]
---
# {{TITLE}}

## Summary

Why and what.

## Tasks

- [ ] Write it
";

#[test]
fn front_matter_slots_are_filled_and_the_plan_lints_clean() {
    let dir = setup();
    let templates = dir.path().join(".planwright/templates");
    std::fs::write(templates.join("rfc.md"), RFC).expect("write");
    // `owner` is a slot of the front matter only: the descriptor naming it
    // is no error.
    std::fs::write(
        templates.join("rfc.toml"),
        "name = \"rfc\"\nrequired_sections = []\n\n[fill]\nowner = \"{author}\"\n",
    )
    .expect("write");
    let out = planwright(
        dir.path(),
        &["new", "Auth: \"SSO\" #2", "-t", "rfc", "--author", "O'Neil"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("no slot"), "{stderr}");
    insta::assert_snapshot!("front_matter_new", String::from_utf8_lossy(&out.stdout));
    let rel = "specs/001-auth-sso-2/plan.md";
    let (text, plan) = read(dir.path(), rel);
    assert_eq!(
        text.lines().take(7).collect::<Vec<_>>(),
        [
            "---",
            r#"title: "Auth: \"SSO\" #2""#,
            "owner: O'Neil",
            "created: 2026-01-15",
            "status: Draft",
            "tags: [rfc, api]",
            "---",
        ]
    );
    assert!(plan.placeholders.is_empty(), "{:?}", plan.placeholders);
    let meta: Vec<(&str, &str)> = plan
        .metadata
        .iter()
        .take(3)
        .map(|m| (m.key.as_str(), m.value.as_str()))
        .collect();
    assert_eq!(
        meta,
        [
            ("title", "Auth: \"SSO\" #2"),
            ("owner", "O'Neil"),
            ("created", "2026-01-15")
        ]
    );
    let out = planwright(dir.path(), &["lint", rel]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A template of the project's own that shares a few fields and headings
/// with a built-in (`Issue`, `Author`, `Progress Log` are the delivery
/// template's too): the plan `new` makes from it is read by it, and lints
/// clean, not as a delivery plan missing half its sections.
#[test]
fn a_plan_made_from_a_local_template_is_read_by_it() {
    let dir = setup();
    let templates = dir.path().join(".planwright/templates");
    std::fs::write(
        templates.join("mini.md"),
        "# Plan: {{TITLE}}\n\n**Issue:** {{ISSUE}}\n**Author:** {{AUTHOR}}\n**Status:** Draft\n\n\
         ## Progress Log\n\n| Date | Entry |\n|------|-------|\n| {{DATE}} | Created |\n",
    )
    .expect("write");
    let out = planwright(
        dir.path(),
        &[
            "new", "Mini", "-t", "mini", "--issue", "A-1", "--author", "Ann",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rel = "specs/001-mini/plan.md";
    let show = planwright(dir.path(), &["show", rel, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&show.stdout).expect("json");
    assert_eq!(doc["dialect"]["name"], "mini");
    let lint = planwright(dir.path(), &["lint", rel, "--format", "concise"]);
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stdout)
    );
    assert_eq!(String::from_utf8_lossy(&lint.stdout), "");
    // A delivery plan that merely shares those fields stays a delivery plan.
    let delivery = planwright(dir.path(), &["new", "Other", "-t", "delivery"]);
    assert!(delivery.status.success());
    let show = planwright(
        dir.path(),
        &["show", "specs/002-other/plan.md", "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_slice(&show.stdout).expect("json");
    assert_eq!(doc["dialect"]["name"], "delivery");
}

#[test]
fn a_descriptor_without_a_template_says_which_file_to_add() {
    let dir = tempfile::tempdir().expect("temp dir");
    let templates = dir.path().join(".planwright/templates");
    std::fs::create_dir_all(&templates).expect("mkdir");
    std::fs::write(templates.join("only.toml"), "name = \"only\"\n").expect("write");
    std::fs::write(templates.join("speckit.toml"), "name = \"speckit\"\n").expect("write");
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    let stderr = |out: &std::process::Output| String::from_utf8_lossy(&out.stderr).into_owned();
    // A descriptor that says nothing of its template: no empty brackets.
    std::fs::write(templates.join("bare.md"), "# Bare: {{TITLE}}\n").expect("write");
    std::fs::write(templates.join("bare.toml"), "name = \"bare\"\n").expect("write");
    let listed = planwright(dir.path(), &["templates", "list"]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains("only      local     .planwright/templates/only.toml (descriptor only"),
        "{listed}"
    );
    assert!(
        listed.contains("bare      local     .planwright/templates/bare.md\n"),
        "{listed}"
    );
    for (cwd, args, message) in [
        (
            dir.path(),
            &["templates", "show", "only"][..],
            "template `only` has a descriptor, .planwright/templates/only.toml, but no template \
             text file; add the plan's text as .planwright/templates/only.md",
        ),
        (
            &sub,
            &["new", "X", "-t", "only"],
            "template `only` has a descriptor, ../.planwright/templates/only.toml, but no \
             template text file; add the plan's text as ../.planwright/templates/only.md",
        ),
        (
            dir.path(),
            &["templates", "show", "speckit"],
            "template `speckit` has a descriptor, .planwright/templates/speckit.toml (it hides \
             the built-in `speckit` and its template), but no template text file; add the \
             plan's text as .planwright/templates/speckit.md",
        ),
        (
            dir.path(),
            &["new", "X"],
            "template `speckit` has a descriptor, .planwright/templates/speckit.toml (it hides \
             the built-in `speckit` and its template), but no template text file; add the \
             plan's text as .planwright/templates/speckit.md",
        ),
    ] {
        let out = planwright(cwd, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(stderr(&out), format!("planwright: error: {message}\n"));
    }
    assert!(!dir.path().join("specs").exists());
    assert!(!sub.join("specs").exists());
}
