//! `new`'s rules for what fills a slot, said once and kept: a slot named
//! like the title wins, flags and `--set` never quietly contradict, warnings
//! are true, values are text, a dry run prints the plan alone.

use std::path::Path;

use crate::new::{ok, planwright, repo};
use crate::support::{stderr, stdout, write};

/// Writes a local template (and its descriptor, if any) under `dir`.
fn template(dir: &Path, name: &str, md: &str, toml: Option<&str>) {
    write(dir, &format!(".planwright/templates/{name}.md"), md);
    if let Some(toml) = toml {
        write(dir, &format!(".planwright/templates/{name}.toml"), toml);
    }
}

#[test]
fn a_slot_named_title_takes_the_title_whatever_stands_before_it() {
    let dir = repo();
    template(
        dir.path(),
        "adr2",
        "# ADR {{DECISION_ID}}: {{TITLE}}\n\nBody.\n",
        None,
    );
    let out = planwright(
        dir.path(),
        &["new", "Use Postgres", "-t", "adr2", "--dry-run"],
    );
    assert_eq!(ok(&out), "# ADR {{DECISION_ID}}: Use Postgres\n\nBody.\n");
    assert_eq!(
        stderr(&out),
        "Would create specs/001-use-postgres/plan.md (template adr2, number 001)\n\
         Filled 1 slot: title\n\
         1 slot would be left for you to fill.\n"
    );
}

#[test]
fn the_readme_flow_names_the_spec_link_lint_will_report() {
    let dir = repo();
    let out = planwright(
        dir.path(),
        &[
            "new",
            "Dark mode for the dashboard",
            "-t",
            "delivery",
            "--issue",
            "GH-42",
        ],
    );
    let rel = "specs/001-dark-mode-for-the-dashboard/plan.md";
    assert_eq!(
        ok(&out),
        format!(
            "Created {rel} (template delivery, number 001)\n\
             Filled 7 slots: title (2), issue, author, date (2), status\n\
             37 slots left for you to fill, and specs/001-dark-mode-for-the-dashboard/spec.md \
             to write (the plan links to it; \
             --spec names another); list them with: planwright lint {rel}\n"
        )
    );
    let lint = planwright(dir.path(), &["lint", rel, "--format", "concise"]);
    assert!(
        stdout(&lint).contains(":4:11: PW301 link to `spec.md`, which does not exist\n"),
        "{}",
        stdout(&lint)
    );
    // Once the spec is written, lint has nothing but slots to say.
    write(
        dir.path(),
        "specs/001-dark-mode-for-the-dashboard/spec.md",
        "# Spec\n",
    );
    assert_eq!(
        planwright(dir.path(), &["lint", rel]).status.code(),
        Some(0)
    );
    // JSON counts the link with the slots and names it.
    let out = planwright(
        dir.path(),
        &["new", "Two", "-t", "delivery", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&out)).expect("json");
    assert_eq!(json["missing_links"], serde_json::json!(["spec.md"]));
    assert_eq!(json["remaining"], 39);
}

#[test]
fn set_and_flags_for_one_variable_are_refused_not_guessed() {
    let dir = repo();
    for (args, message) in [
        (
            &["--set", "issue_id=A", "--issue", "B"][..],
            "--set issue_id=A and --issue B both fill `issue`; give only one",
        ),
        (
            &["--set", "author=Bob", "--author", "Alice"],
            "--set author=Bob and --author Alice both fill `author`; give only one",
        ),
        (
            &["--set", "Ticket=T-1", "--issue", "B"],
            "--set Ticket=T-1 and --issue B both fill `issue`; give only one",
        ),
        (
            &["--set", "plan_number=9", "--number", "7"],
            "--set plan_number=9 and --number 7 both fill `number`; give only one",
        ),
        // Alone, it would number the text and not the folder.
        (
            &["--set", "plan_number=7"],
            "--set plan_number=7: the plan's number also names its folder; give it as --number 7",
        ),
    ] {
        let mut all = vec!["new", "S", "-t", "delivery"];
        all.extend(args);
        let out = planwright(dir.path(), &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), format!("planwright: error: {message}\n"));
    }
    assert!(!dir.path().join("specs").exists());
}

#[test]
fn a_set_name_for_a_variable_fills_its_slots_without_false_warnings() {
    let dir = repo();
    let out = planwright(
        dir.path(),
        &[
            "new",
            "X",
            "-t",
            "delivery",
            // Saying what the title argument says: no conflict.
            "--set",
            "title=X",
            "--set",
            "issue=A",
            "--dry-run",
        ],
    );
    let plan = ok(&out);
    assert!(
        plan.starts_with("# Implementation Plan: X\n\n**Issue:** A\n"),
        "{plan}"
    );
    assert!(plan.contains("`feature_x`"), "{plan}");
    let said = stderr(&out);
    assert!(!said.contains("warning"), "{said}");
    assert!(
        said.contains("Filled 7 slots: title (2), issue, author, date (2), status\n"),
        "{said}"
    );
}

#[test]
fn a_flag_a_fill_value_draws_on_is_used() {
    let dir = repo();
    template(
        dir.path(),
        "adr",
        "# ADR: [TITLE]\n\n**Status:** Proposed\n",
        Some("name = \"adr\"\n\n[fill]\ntitle = \"{title} ({issue})\"\n"),
    );
    let out = planwright(
        dir.path(),
        &[
            "new",
            "Use Postgres",
            "-t",
            "adr",
            "--issue",
            "GH-9",
            "--dry-run",
        ],
    );
    assert_eq!(
        ok(&out),
        "# ADR: Use Postgres (GH-9)\n\n**Status:** Proposed\n"
    );
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn a_number_the_pattern_cannot_hold_is_an_error() {
    let dir = repo();
    write(
        dir.path(),
        "planwright.toml",
        "[new]\npattern = \"docs/{slug}.md\"\n",
    );
    let out = planwright(dir.path(), &["new", "X", "--number", "5"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: --number 5: the plan pattern \"docs/{slug}.md\" has no {number}; drop --number or add {number} to [new] pattern\n"
    );
    assert!(!dir.path().join("docs").exists());
}

#[test]
fn descriptor_mistakes_name_file_line_and_key() {
    let dir = repo();
    let md = "# ADR: [TITLE]\n\n**Status:** Proposed\n";
    for (toml, message) in [
        (
            "name = \"adr\"\n\n[fill]\ntitle = \"{title}\"\ncolour = \"red\"\n",
            ".planwright/templates/adr.toml:5:1: [fill] colour: no slot of that name in adr.md",
        ),
        (
            "name = \"adr\"\n\n[fill]\nghost_slot = \"{title}\"\n",
            ".planwright/templates/adr.toml:4:1: [fill] ghost_slot: no slot of that name in adr.md",
        ),
        (
            "description = \"ADRs\"\nname = \"decision\"\n",
            ".planwright/templates/adr.toml:2:1: name = \"decision\" does not match the file's name; expected \"adr\"",
        ),
        (
            "description = \"ADRs\"\n",
            ".planwright/templates/adr.toml: missing field `name`",
        ),
    ] {
        template(dir.path(), "adr", md, Some(toml));
        let out = planwright(dir.path(), &["new", "X", "-t", "adr", "--dry-run"]);
        assert_eq!(out.status.code(), Some(2), "{toml}");
        assert_eq!(stderr(&out), format!("planwright: error: {message}\n"));
    }
}

#[test]
fn a_title_with_no_slot_is_warned_about() {
    let dir = repo();
    template(dir.path(), "fixed", "# Fixed heading\n\nBody.\n", None);
    let out = planwright(dir.path(), &["new", "My title", "-t", "fixed"]);
    assert_eq!(
        stderr(&out),
        "planwright: warning: TITLE: template `fixed` has no slot for it; it only names the file\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("specs/001-my-title/plan.md")).expect("plan"),
        "# Fixed heading\n\nBody.\n"
    );
}

#[test]
fn every_markdown_active_character_of_a_title_is_escaped() {
    let dir = repo();
    template(dir.path(), "plain", "# Plan: [TITLE]\n", None);
    let title = "Use `code` and *stars* and [link](x) | pipe";
    let out = planwright(dir.path(), &["new", title, "-t", "plain", "--dry-run"]);
    assert_eq!(
        ok(&out),
        "# Plan: Use \\`code\\` and \\*stars\\* and \\[link\\](x) \\| pipe\n"
    );
    // The reader takes it back as the title typed.
    let out = planwright(dir.path(), &["new", title, "-t", "plain"]);
    ok(&out);
    let rel = "specs/001-use-code-and-stars-and-link-x-pipe/plan.md";
    let shown = ok(&planwright(dir.path(), &["show", rel]));
    assert!(shown.starts_with(&format!("{title}\n")), "{shown}");
}

#[test]
fn json_names_each_filled_variable_once() {
    let dir = repo();
    template(
        dir.path(),
        "j",
        "# {{FEATURE_NAME}}\n\n- Flag: `feature_{{FEATURE_NAME}}`\n",
        None,
    );
    let out = planwright(
        dir.path(),
        &[
            "new",
            "Json one",
            "-t",
            "j",
            "--dry-run",
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&out)).expect("json");
    assert_eq!(
        json["filled"],
        serde_json::json!([{"name": "title", "value": "Json one", "slots": 2}])
    );
    assert_eq!(
        json["content"],
        "# Json one\n\n- Flag: `feature_json_one`\n"
    );
}

#[test]
fn a_dry_run_prints_the_plan_alone_on_standard_output() {
    let dir = repo();
    template(
        dir.path(),
        "plain",
        "# Plan: [TITLE]\n\n- [ ] {{STEP}}\n",
        None,
    );
    let out = planwright(dir.path(), &["new", "Dry", "-t", "plain", "--dry-run"]);
    assert_eq!(ok(&out), "# Plan: Dry\n\n- [ ] {{STEP}}\n");
    assert_eq!(
        stderr(&out),
        "Would create specs/001-dry/plan.md (template plain, number 001)\n\
         Filled 1 slot: title\n\
         1 slot would be left for you to fill.\n"
    );
    assert!(!dir.path().join("specs").exists());
}

#[test]
fn two_set_names_for_one_slot_are_refused_not_guessed() {
    let dir = repo();
    template(
        dir.path(),
        "owned",
        "# Plan: [TITLE]\n\n**Owner:** [LEAD]\n",
        None,
    );
    for (args, message) in [
        (
            &["-t", "delivery", "--set", "issue_id=A", "--set", "issue=B"][..],
            "--set issue_id=A and --set issue=B both fill `issue`; give only one",
        ),
        (
            &[
                "-t",
                "delivery",
                "--set",
                "Feature Name=A",
                "--set",
                "title=B",
            ],
            "--set Feature Name=A and --set title=B both fill `title`; give only one",
        ),
        (
            &["-t", "owned", "--set", "lead=A", "--set", "Owner=B"],
            "--set lead=A and --set Owner=B both fill the slot `[LEAD]`; give only one",
        ),
    ] {
        let mut all = vec!["new", "S"];
        all.extend(args);
        let out = planwright(dir.path(), &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), format!("planwright: error: {message}\n"));
    }
    assert!(!dir.path().join("specs").exists());
    // One name given twice is a repeated option: the last wins.
    let out = planwright(
        dir.path(),
        &[
            "new",
            "S",
            "-t",
            "owned",
            "--set",
            "lead=A",
            "--set",
            "Lead=B",
            "--dry-run",
        ],
    );
    assert_eq!(ok(&out), "# Plan: S\n\n**Owner:** B\n");
}

#[test]
fn a_dry_run_finds_a_spec_that_exists() {
    let dir = repo();
    write(dir.path(), "README.md", "# Readme\n");
    write(dir.path(), "docs/.keep", "");
    for (cwd, spec) in [
        (dir.path().to_owned(), "README.md"),
        (dir.path().join("docs"), "../README.md"),
    ] {
        let out = planwright(
            &cwd,
            &[
                "new",
                "X",
                "-t",
                "delivery",
                "--spec",
                spec,
                "--dry-run",
                "--format",
                "json",
            ],
        );
        let json: serde_json::Value = serde_json::from_str(&ok(&out)).expect("json");
        assert_eq!(json["missing_links"], serde_json::json!([]), "{spec}");
        assert!(
            json["content"]
                .as_str()
                .is_some_and(|c| c.contains("**Spec:** [README.md](../../README.md)\n")),
            "{json}"
        );
        let out = planwright(
            &cwd,
            &["new", "X", "-t", "delivery", "--spec", spec, "--dry-run"],
        );
        assert!(!stderr(&out).contains("to write"), "{}", stderr(&out));
    }
    // One that does not exist is still named.
    let out = planwright(
        dir.path(),
        &[
            "new",
            "X",
            "-t",
            "delivery",
            "--spec",
            "nope.md",
            "--dry-run",
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&out)).expect("json");
    assert_eq!(json["missing_links"], serde_json::json!(["../../nope.md"]));
    // On the terminal, as it is named from here: the JSON keeps the link.
    let out = planwright(
        dir.path(),
        &[
            "new",
            "X",
            "-t",
            "delivery",
            "--spec",
            "nope.md",
            "--dry-run",
        ],
    );
    assert!(
        stderr(&out).contains(", and nope.md to write (the plan links to it)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn values_stay_in_their_comment_quote_or_item() {
    let dir = repo();
    template(
        dir.path(),
        "places",
        "# Plan: [TITLE]\n\n<!-- Owner: {{AUTHOR}} -->\n\n- {{TASK}}\n> {{NOTE}}\n",
        None,
    );
    let out = planwright(
        dir.path(),
        &[
            "new",
            "P",
            "-t",
            "places",
            "--author",
            "Ann --> visible",
            "--set",
            "task=# heading",
            "--set",
            "note=1. list",
        ],
    );
    ok(&out);
    let rel = "specs/001-p/plan.md";
    let plan = std::fs::read_to_string(dir.path().join(rel)).expect("plan");
    assert_eq!(
        plan,
        "# Plan: P\n\n<!-- Owner: Ann -- > visible -->\n\n- \\# heading\n> 1\\. list\n"
    );
    // The comment is still metadata, read back whole; nothing leaked out.
    let shown = ok(&planwright(dir.path(), &["show", rel, "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&shown).expect("json");
    assert_eq!(json["metadata"][0]["value"], "Ann -- > visible", "{shown}");
    assert_eq!(
        json["sections"].as_array().map(Vec::len),
        Some(1),
        "{shown}"
    );
}
