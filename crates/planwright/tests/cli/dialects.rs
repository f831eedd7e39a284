//! Choosing the dialect plans are read as: `lint --dialect`, and
//! `[[plans.dialects]]` in planwright.toml for every command.

use crate::support::{planwright, planwright_with_input, stderr, stdout, write};

/// A hand-written plan that shares a field and two headings with the design
/// template, one of them the template's own wording (common names alone,
/// `Feature ID` and `Architecture Overview`, prove no dialect), and so is
/// detected as a design plan lacking its sections.
const NOTES: &str = "# Export notes\n\n**Feature ID:** 14\n**Status:** Draft\n\n\
                     ## Architecture Overview\n\nWe export CSV.\n\n\
                     ## Key Design Decisions\n\nCSV, not JSON.\n\n- [ ] T001 Write exporter\n";

const CONFIG: &str = "[[plans.dialects]]\nfiles = [\"docs/notes/*.md\"]\ndialect = \"generic\"\n\n\
                      [[plans.dialects]]\nfiles = [\"docs\"]\ndialect = \"rfc\"\n";

fn notes_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "docs/notes/export-plan.md", NOTES);
    write(dir.path(), "other-plan.md", NOTES);
    std::fs::create_dir(dir.path().join(".git")).expect("mkdir .git");
    dir
}

#[test]
fn a_misdetected_plan_is_told_why_and_how_to_choose_another() {
    let dir = notes_folder();
    let out = planwright(
        &["lint", "other-plan.md", "--format", "concise"],
        dir.path(),
    );
    assert!(
        stdout(&out).contains("PW103 missing section: components (required by the design dialect)"),
        "{}",
        stdout(&out)
    );
    let out = planwright(&["lint", "other-plan.md"], dir.path());
    let text = stdout(&out);
    assert!(
        text.contains(
            "help: add the `components` section; `planwright templates show design` shows where it \
             goes. Read as design because of field \"Feature ID\", heading \"Key Design \
             Decisions\", heading \"Architecture Overview\"; if the plan follows no template, set its dialect in planwright.toml \
             ([[plans.dialects]]) or pass --dialect generic\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "help: add it under the title as the template writes it: `**Spec:** {SPEC_PATH}`. \
             Read as design because of"
        ),
        "{text}"
    );
}

#[test]
fn lint_dialect_reads_every_plan_as_named() {
    let dir = notes_folder();
    let out = planwright(&["lint", "--dialect", "generic", "."], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "No problems found in 2 files.\n");
    // Standard input too.
    let out = planwright_with_input(
        &["lint", "-", "--dialect", "generic", "--format", "concise"],
        dir.path(),
        NOTES.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    // Any other dialect, its own help saying it was chosen.
    let out = planwright(&["lint", "--dialect", "rfc", "other-plan.md"], dir.path());
    assert!(stdout(&out).contains("(required by the rfc dialect)"));
    assert!(stdout(&out).contains(". Read as rfc: chosen with --dialect rfc\n"));
}

#[test]
fn lint_dialect_takes_local_templates_and_refuses_unknown_names() {
    let dir = notes_folder();
    let out = planwright(&["lint", "--dialect", "desing", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "planwright: error: unknown dialect `desing`; did you mean `design`? --dialect takes one \
         of generic, speckit, design, delivery, rfc, roadmap, speckit-tasks, kiro\n"
    );
    write(
        dir.path(),
        ".planwright/templates/adr.md",
        "# ADR: [TITLE]\n\n## Context\n\n## Decision\n",
    );
    let out = planwright(&["lint", "--dialect", "nope", "."], dir.path());
    assert!(
        stderr(&out).ends_with("speckit-tasks, kiro, adr\n"),
        "{}",
        stderr(&out)
    );
    let out = planwright(
        &[
            "lint",
            "--dialect",
            "adr",
            "other-plan.md",
            "--format",
            "concise",
        ],
        dir.path(),
    );
    assert!(
        stdout(&out).contains("PW103 missing section: context (required by the adr dialect)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn no_local_template_takes_over_the_generic_dialect() {
    let dir = notes_folder();
    write(
        dir.path(),
        ".planwright/templates/generic.md",
        "# {{TITLE}}\n\n**Status:** Draft\n\n## Context\n",
    );
    let reserved = ".planwright/templates/generic.md: a template cannot be named `generic`: \
                    `generic` (in any case) means no dialect, as in `--dialect generic`; rename it";
    for args in [
        &["lint", "--dialect", "generic", "other-plan.md"][..],
        &["show", "other-plan.md"],
        &["new", "Export", "-t", "generic", "--dry-run"],
    ] {
        let out = planwright(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
        assert_eq!(
            stderr(&out),
            format!("planwright: error: {reserved}\n"),
            "{args:?}"
        );
    }
    // `templates` skips it, as any broken template, lists the rest, and
    // fails as the commands above do.
    let out = planwright(&["templates"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!("planwright: error: {reserved}; template `generic` skipped\n")
    );
    assert!(!stdout(&out).contains("generic"), "{}", stdout(&out));
}

#[test]
fn the_first_matching_config_entry_sets_the_dialect_and_the_flag_beats_it() {
    let dir = notes_folder();
    write(dir.path(), "planwright.toml", CONFIG);
    let out = planwright(&["lint", ".", "--format", "concise"], dir.path());
    let text = stdout(&out);
    assert!(!text.contains("docs/notes/export-plan.md"), "{text}");
    assert!(
        text.contains(
            "other-plan.md:1:1: PW103 missing section: components (required by the design dialect)"
        ),
        "{text}"
    );
    let out = planwright(&["show", "docs/notes/export-plan.md"], dir.path());
    assert!(
        stdout(&out).contains("\n  dialect   generic (set by planwright.toml)\n"),
        "{}",
        stdout(&out)
    );
    let out = planwright(&["show", "other-plan.md"], dir.path());
    assert!(
        stdout(&out).contains(
            "\n  dialect   design (field \"Feature ID\", heading \"Key Design Decisions\", heading \"Architecture Overview\")\n"
        ),
        "{}",
        stdout(&out)
    );
    // The second entry matches the file too, but the first one won.
    let out = planwright(
        &["status", "docs/notes/export-plan.md", "--format", "json"],
        dir.path(),
    );
    assert!(
        stdout(&out).contains("\"dialect\": \"generic\""),
        "{}",
        stdout(&out)
    );
    // Matched relative to planwright.toml's folder, from a subfolder too.
    let out = planwright(&["show", "export-plan.md"], &dir.path().join("docs/notes"));
    assert!(
        stdout(&out).contains("(set by planwright.toml)"),
        "{}",
        stdout(&out)
    );
    // The command line wins.
    let out = planwright(
        &[
            "lint",
            "docs/notes/export-plan.md",
            "--dialect",
            "design",
            "--format",
            "concise",
        ],
        dir.path(),
    );
    assert!(
        stdout(&out).contains("(required by the design dialect)"),
        "{}",
        stdout(&out)
    );
    let out = planwright(
        &["show", "docs/notes/export-plan.md", "--dialect", "design"],
        dir.path(),
    );
    assert!(stdout(&out).contains("  dialect   design (chosen with --dialect design)\n"));
    // Standard input is matched by the name it is given.
    let out = planwright_with_input(
        &[
            "lint",
            "-",
            "--stdin-filename",
            "docs/notes/x-plan.md",
            "--format",
            "concise",
        ],
        dir.path(),
        NOTES.as_bytes(),
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn the_edits_read_plans_in_the_configured_dialect() {
    let dir = notes_folder();
    // Read as design, `Shipped` is no status of its; as generic, any is.
    let out = planwright(&["set", "other-plan.md", "status", "Shipped"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    write(dir.path(), "planwright.toml", CONFIG);
    let out = planwright(
        &["set", "docs/notes/export-plan.md", "status", "Shipped"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = planwright(&["done", "docs/notes/export-plan.md", "T001"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn config_errors_name_file_line_column_and_key_and_nothing_runs() {
    let cases = [
        (
            "[[plans.dialects]]\nfiles = [\"a\"]\ndialect = \"desing\"\n",
            "planwright.toml:3:11: plans.dialects[0].dialect: unknown dialect `desing`; expected \
             one of generic, speckit, design, delivery, rfc, roadmap, speckit-tasks, kiro",
        ),
        (
            "[[plans.dialects]]\nfiles = []\ndialect = \"generic\"\n",
            "planwright.toml:2:9: plans.dialects[0].files: an entry sets the dialect of the files \
             it lists, and this lists none",
        ),
        (
            "[[plans.dialects]]\nfiles = [\"a\"]\n",
            "planwright.toml:1:1: plans.dialects[0]: missing field `dialect`",
        ),
        (
            "[[plans.dialects]]\nfiles = [\"a\"]\ndialect = \"generic\"\nglob = 1\n",
            "planwright.toml:4:1: plans.dialects[0].glob: unknown field `glob`, expected `files` \
             or `dialect`",
        ),
    ];
    for (config, error) in cases {
        let dir = notes_folder();
        write(dir.path(), "planwright.toml", config);
        let before = std::fs::read_to_string(dir.path().join("other-plan.md")).unwrap();
        for args in [
            &["lint", "."][..],
            &["lint", ".", "--fix"],
            &["show", "other-plan.md"],
            &["status"],
            &["next"],
            &["graph", "other-plan.md"],
            &["done", "other-plan.md", "T001"],
            &["set", "other-plan.md", "status", "Done"],
            &["log", "other-plan.md", "x", "--create"],
        ] {
            let out = planwright(args, dir.path());
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert_eq!(stdout(&out), "", "{args:?}");
            assert_eq!(
                stderr(&out),
                format!("planwright: error: {error}\n"),
                "{args:?}"
            );
        }
        let after = std::fs::read_to_string(dir.path().join("other-plan.md")).unwrap();
        assert_eq!(before, after);
    }
}

#[test]
fn the_trackers_take_dialect_as_show_and_lint_do() {
    let dir = notes_folder();
    let dialect_of = |args: &[&str]| {
        let out = planwright(args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
        doc["plans"][0]["dialect"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let status = ["status", "other-plan.md", "--format", "json"];
    assert_eq!(dialect_of(&status), "design");
    assert_eq!(
        dialect_of(&[&status[..], &["--dialect", "generic"]].concat()),
        "generic"
    );
    // The flag wins over planwright.toml here as well.
    write(dir.path(), "planwright.toml", CONFIG);
    let noted = ["status", "docs/notes/export-plan.md", "--format", "json"];
    assert_eq!(dialect_of(&noted), "generic");
    assert_eq!(
        dialect_of(&[&noted[..], &["--dialect", "kiro"]].concat()),
        "kiro"
    );
    // An unknown name is refused before anything is read, by each of them.
    for cmd in ["status", "next", "graph"] {
        let out = planwright(&[cmd, "other-plan.md", "--dialect", "desing"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(
            stderr(&out).contains("unknown dialect `desing`"),
            "{cmd}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty(), "{cmd}");
    }
}
