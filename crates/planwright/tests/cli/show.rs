//! `planwright show`, `schema` and `templates`: snapshots of what users see
//! for every example plan, and the errors for bad input.

use crate::support::{examples, planwright, repo_root, stderr, stdout};

#[test]
fn show_human_for_every_example() {
    for name in examples() {
        let out = planwright(&["show", &format!("examples/{name}")], &repo_root());
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        insta::assert_snapshot!(
            format!("show_human_{name}"),
            String::from_utf8(out.stdout).unwrap()
        );
    }
}

#[test]
fn show_json_for_every_example() {
    for name in examples() {
        let out = planwright(
            &["show", "--format", "json", &format!("examples/{name}")],
            &repo_root(),
        );
        assert!(out.status.success(), "{name}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["version"], 1);
        insta::assert_json_snapshot!(format!("show_json_{name}"), json);
    }
}

/// A title that reads as nothing (`# ` alone, or inline HTML only) is
/// shown as none, not as a blank line; one ending in HTML loses the space
/// before it (two spaces before the path are `status`'s own).
#[test]
fn a_title_is_shown_trimmed_or_untitled() {
    let dir = tempfile::tempdir().unwrap();
    for (name, heading, shown) in [
        (
            "tags.md",
            "# Plan with \"quotes\" & <tags>",
            "Plan with \"quotes\" &",
        ),
        ("blank.md", "# ", "(untitled)"),
        ("html.md", "# <tags>", "(untitled)"),
        // A slot left in the title is shown, as lint reports it.
        (
            "slot.md",
            "# Plan for <Project Name>",
            "Plan for <Project Name>",
        ),
    ] {
        std::fs::write(dir.path().join(name), format!("{heading}\n\n- [ ] a\n")).unwrap();
        let status = stdout(&planwright(&["status", name], dir.path()));
        assert!(
            status.starts_with(&format!("{shown}  ({name})\n")),
            "{status}"
        );
        let show = stdout(&planwright(&["show", name], dir.path()));
        assert!(show.starts_with(&format!("{shown}\n  file ")), "{show}");
    }
}

/// `show` lists the slots `lint` reports and counts apart the slot-shaped
/// text lint reads as notation, so the two never disagree on a plan.
#[test]
fn show_lists_the_slots_lint_reports_and_counts_notation_apart() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.md"),
        "# Sync\n\n**Owner:** [OWNER NAME]\n\nKeys are `ownership:<ULID>`; \
         rows read lock:<ULID> too.\n",
    )
    .unwrap();
    let lint = planwright(&["lint", "--format", "concise", "plan.md"], dir.path());
    assert_eq!(
        stdout(&lint),
        "plan.md:3:12: PW101 unfilled placeholder `[OWNER NAME]` in metadata\n"
    );
    let out = planwright(&["show", "plan.md"], dir.path());
    let shown = stdout(&out);
    assert!(
        shown.contains("\nPlaceholders (1)\n     3:12  bracket       [OWNER NAME]\n"),
        "{shown}"
    );
    assert!(
        shown.ends_with("\nNotation (1): slot-shaped, written on purpose; first <ULID> at 5:45\n"),
        "{shown}"
    );
    let out = planwright(&["show", "--format", "json", "plan.md"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let marks: Vec<_> = json["placeholders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["text"].as_str().unwrap(),
                p["notation"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(marks, [("[OWNER NAME]", false), ("<ULID>", true)]);
}

#[test]
fn metadata_keys_line_up_by_display_width() {
    let dir = tempfile::tempdir().unwrap();
    // A CJK character takes two columns: `担当者` is six wide, as `Status`.
    std::fs::write(
        dir.path().join("plan.md"),
        "# 計画\n\n**担当者:** 山田\n**Status:** Draft\n**Owner:** Ana\n",
    )
    .unwrap();
    let show = stdout(&planwright(&["show", "plan.md"], dir.path()));
    assert!(
        show.contains("\nMetadata\n  担当者  山田\n  Status  Draft\n  Owner   Ana\n"),
        "{show}"
    );
}

#[test]
fn bad_input_is_one_clear_error_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = planwright(&["show", "missing.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: missing.md: no such file\n"
    );

    std::fs::create_dir(dir.path().join("plans")).unwrap();
    let out = planwright(&["show", "plans"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: plans: is a directory, expected a plan file\n"
    );

    std::fs::write(dir.path().join("latin1.md"), b"# Plan\n\nCaf\xe9\n").unwrap();
    let out = planwright(&["show", "latin1.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: latin1.md: not valid UTF-8 (invalid byte at offset 11, line 3)\n"
    );

    let out = planwright(&["show", "--dialect", "nope", "latin1.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_unknown_dialect_is_refused_with_the_names_it_could_be() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("orig.md"),
        "# P

- [ ] T001 a
",
    )
    .unwrap();
    for (name, meant) in [("speckit-plan", "did you mean `speckit`? "), ("nope", "")] {
        let out = planwright(&["show", "orig.md", "--dialect", name], dir.path());
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            stderr(&out),
            format!(
                "planwright: error: unknown dialect `{name}`; {meant}--dialect takes one of \
                 generic, speckit, design, delivery, rfc, roadmap, speckit-tasks, kiro\n"
            )
        );
    }
    // A local template is a dialect too, and listed.
    let templates = dir.path().join(".planwright/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("adr.md"),
        "# ADR: [TITLE]\n\n## Context\n\n## Decision\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let out = planwright(&["show", "orig.md", "--dialect", "nope"], dir.path());
    assert!(
        stderr(&out).ends_with("speckit-tasks, kiro, adr\n"),
        "{}",
        stderr(&out)
    );
    let out = planwright(&["show", "orig.md", "--dialect", "adr"], dir.path());
    assert!(stdout(&out).contains("  dialect   adr (chosen with --dialect adr)\n"));
}

#[test]
fn every_dialect_show_prints_can_be_forced() {
    // `generic` is what a plan no dialect fits is read as; the others are
    // the built-ins, templates or not.
    let names = [
        "generic",
        "speckit",
        "design",
        "delivery",
        "rfc",
        "roadmap",
        "speckit-tasks",
        "kiro",
    ];
    for name in names {
        let out = planwright(
            &["show", "examples/speckit-plan.md", "--dialect", name],
            &repo_root(),
        );
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert!(
            stdout(&out).contains(&format!(
                "\n  dialect   {name} (chosen with --dialect {name})\n"
            )),
            "{name}: {}",
            stdout(&out)
        );
        let out = planwright(
            &[
                "show",
                "examples/speckit-plan.md",
                "--dialect",
                name,
                "--format",
                "json",
            ],
            &repo_root(),
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["dialect"]["name"], name);
    }
    // Read as no dialect, a plan keeps no template text as placeholders.
    let out = planwright(
        &[
            "show",
            "examples/delivery-plan.md",
            "--dialect",
            "generic",
            "--format",
            "json",
        ],
        &repo_root(),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = json["placeholders"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["kind"].as_str())
        .collect();
    assert!(!kinds.contains(&"template_text"), "{kinds:?}");

    let help = planwright(&["show", "--help"], &repo_root());
    let help = stdout(&help)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        help.contains(
            "[possible values: generic, speckit, design, delivery, rfc, roadmap, speckit-tasks, kiro]"
        ),
        "{help}"
    );
}

#[test]
fn empty_file_is_an_empty_generic_plan() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.md"), "").unwrap();
    let out = planwright(&["show", "--format", "json", "empty.md"], dir.path());
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["dialect"]["name"], "generic");
    assert_eq!(json["tasks"].as_array().unwrap().len(), 0);
    assert!(json["title"].is_null());
}

#[test]
fn ranges_slice_to_the_title_and_key_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let src = "# Tasks: **Bold** title\n\n**\u{a0}Status:** Draft\n\n- [ ] T001 a\n";
    std::fs::write(dir.path().join("plan.md"), src).unwrap();
    let out = planwright(&["show", "--format", "json", "plan.md"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let slice = |range: &serde_json::Value| {
        let at = |end: &str| usize::try_from(range[end]["offset"].as_u64().unwrap()).unwrap();
        &src[at("start")..at("end")]
    };
    assert_eq!(json["title"], "Bold title");
    assert_eq!(slice(&json["title_range"]), "**Bold** title");
    let field = &json["metadata"][0];
    assert_eq!(field["key"], "Status");
    assert_eq!(slice(&field["key_range"]), "Status");
    assert_eq!(slice(&field["value_range"]), "Draft");
}

#[test]
fn templates_print_the_seeds_byte_for_byte() {
    let shared = repo_root().join("../shared/seeds");
    let seeds = [
        ("speckit", "000_7b909906440363b3.txt"),
        ("design", "001_f70f57257d67adad.txt"),
        ("delivery", "002_b6e583a811941eee.txt"),
        ("rfc", "003_2c4318648e940d6a.txt"),
        ("roadmap", "004_f2cb6894b0ce1950.txt"),
    ];
    for (name, seed) in seeds {
        let out = planwright(&["templates", "show", name], &repo_root());
        assert!(out.status.success());
        let builtin = std::fs::read(
            repo_root().join(format!("crates/planwright_core/data/dialects/{name}.md")),
        )
        .unwrap();
        assert_eq!(out.stdout, builtin, "{name}");
        if shared.is_dir() {
            assert_eq!(
                out.stdout,
                std::fs::read(shared.join(seed)).unwrap(),
                "{name} differs from the seed"
            );
        }
    }
    let out = planwright(&["templates", "show", "nope"], &repo_root());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("unknown template `nope`; known: speckit, design, delivery, rfc, roadmap")
    );
    let out = planwright(&["templates", "show", "Roadmp"], &repo_root());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown template `Roadmp`; did you mean `roadmap`?"));
}

#[test]
fn schema_describes_the_show_json() {
    let out = planwright(&["schema"], &repo_root());
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let props = &schema["properties"];
    for field in [
        "version",
        "path",
        "title",
        "dialect",
        "metadata",
        "sections",
        "phases",
        "tasks",
        "tables",
        "placeholders",
    ] {
        assert!(props.get(field).is_some(), "schema lacks {field}");
    }
    assert!(schema["$defs"]["Range"].is_object());
}

#[test]
fn show_reads_a_plan_as_its_local_template() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join(".planwright/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(dir.path().join("planwright.toml"), "").unwrap();
    std::fs::write(
        templates.join("adr.md"),
        "# ADR: {TITLE}\n\n**Status:** Proposed\n\n## Context\n\n{context}\n\n## Decision Drivers\n\n- {driver}\n\n## Considered Options\n\n- {option}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("adr-7.md"),
        "# ADR: Queue for exports\n\n**Status:** Accepted\n\n## Context\n\nExports time out.\n\n## Decision Drivers\n\n- Cost\n\n## Considered Options\n\n- SQS\n",
    )
    .unwrap();
    let out = planwright(&["show", "--format", "json", "adr-7.md"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["dialect"]["name"], "adr", "{}", json["dialect"]);
}

/// A header written under `## Metadata` right after the title is the
/// plan's: `show` lists it, `status` reads the status `set` writes there,
/// and `lint` finds the field a dialect requires.
#[test]
fn a_metadata_section_after_the_title_is_the_plans_header() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.md"),
        "# Plan: Export\n\n## Metadata\n\n- **Status:** Draft\n- **Feature ID:** F-7\n\n\
         ## Phase 1: Setup\n\n- [ ] Add the route\n",
    )
    .unwrap();
    let shown = stdout(&planwright(&["show", "plan.md"], dir.path()));
    assert!(
        shown.contains("\nMetadata\n  Status      Draft\n  Feature ID  F-7\n"),
        "{shown}"
    );
    let set = planwright(&["set", "plan.md", "status", "In Progress"], dir.path());
    assert!(set.status.success(), "{}", stderr(&set));
    let status = stdout(&planwright(&["status", "plan.md"], dir.path()));
    assert!(status.contains("\n  status   In Progress\n"), "{status}");
    let lint = planwright(
        &[
            "lint",
            "--dialect",
            "roadmap",
            "--select",
            "PW105",
            "plan.md",
        ],
        dir.path(),
    );
    assert_eq!(stdout(&lint), "No problems found in 1 file.\n");
}
