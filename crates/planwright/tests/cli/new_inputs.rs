//! `init` and `new` given odd input: configuration errors that say where
//! and which key (as `lint` reads the same file), a slot count that agrees
//! with what lint will report, templates and titles a demanding user
//! writes.

use crate::new::{ok, planwright, repo, slot_findings};
use crate::support::{stderr, stdout, write};

const PLAN: &str = "specs/001-dark-mode/plan.md";

/// The line `new` prints about slots left, if any.
fn slots_line(said: &str) -> Option<&str> {
    said.lines()
        .find(|l| l.contains("slot") && l.contains("left"))
}

#[test]
fn a_type_error_names_the_key() {
    // The issue's own example.
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "planwright.toml", "[lint]\nselect = 5\n");
    write(dir.path(), "x.md", "# X\n");
    for args in [&["lint", "x.md"][..], &["new", "X"]] {
        let out = planwright(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out),
            "planwright: error: planwright.toml:2:10: lint.select: invalid type: integer `5`, expected an array of strings\n"
        );
    }
    assert!(!dir.path().join("specs").exists());
}

#[test]
fn new_counts_the_slots_lint_will_report_under_the_configuration() {
    for (config, left) in [
        // No configuration: the default rules.
        (None, true),
        (Some("[lint]\nignore = [\"PW101\"]\n"), true),
        (
            Some("[lint]\nignore = [\"unfilled-placeholder\", \"PW106\"]\n"),
            true,
        ),
        (
            Some("[[lint.overrides]]\nfiles = [\"specs/**\"]\nignore = [\"PW101\"]\n"),
            true,
        ),
        // An override for other files changes nothing here.
        (
            Some("[[lint.overrides]]\nfiles = [\"archive/**\"]\nignore = [\"PW1\"]\n"),
            true,
        ),
        // Every slot rule off: nothing to say about slots.
        (Some("[lint]\nselect = [\"PW2\"]\n"), false),
        (
            Some("[[lint.overrides]]\nfiles = [\"specs/*/plan.md\"]\nignore = [\"PW1\"]\n"),
            false,
        ),
    ] {
        let dir = repo();
        if let Some(config) = config {
            write(dir.path(), "planwright.toml", config);
        }
        let said = ok(&planwright(dir.path(), &["new", "Dark mode"]));
        let listed = slot_findings(dir.path(), PLAN);
        if left {
            assert_eq!(
                slots_line(&said),
                Some(
                    format!(
                        "{listed} slots left for you to fill; list them with: planwright lint {PLAN}"
                    )
                    .as_str()
                ),
                "{config:?}"
            );
        } else {
            assert_eq!(listed, 0, "{config:?}");
            assert_eq!(slots_line(&said), None, "{config:?}: {said}");
            assert!(!said.contains("No slots"), "{config:?}: {said}");
        }
        let json = ok(&planwright(
            dir.path(),
            &["new", "Light mode", "--format", "json", "--dry-run"],
        ));
        let json: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(
            json["remaining"].as_u64(),
            Some(listed as u64),
            "{config:?}"
        );
    }
}

#[test]
fn a_template_the_configuration_names_but_nothing_defines_says_where() {
    let dir = repo();
    write(
        dir.path(),
        "planwright.toml",
        "[new]\ntemplate = \"nope\"\n",
    );
    let out = planwright(dir.path(), &["new", "Dark mode"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: planwright.toml:2:12: new.template: unknown template `nope`; known: speckit, design, delivery, rfc, roadmap (see `planwright templates list`)\n"
    );
    // Named on the command line, it is the command line's error.
    let out = planwright(dir.path(), &["new", "Dark mode", "-t", "nope"]);
    assert!(
        stderr(&out).starts_with("planwright: error: unknown template `nope`;"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("specs").exists());
    // A dialect planwright only reads, named there, says where too.
    write(
        dir.path(),
        "planwright.toml",
        "[new]\ntemplate = \"kiro\"\n",
    );
    let out = planwright(dir.path(), &["new", "Dark mode"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: planwright.toml:2:12: new.template: `kiro` is a dialect planwright reads, with no template to make a plan from; add one as .planwright/templates/kiro.md (see `planwright templates list`)\n"
    );
    // And a pattern into the templates' folder is refused at its place.
    write(
        dir.path(),
        "planwright.toml",
        "[new]\npattern = \".planwright/templates/{number}-{slug}.md\"\n",
    );
    let out = planwright(dir.path(), &["new", "Dark mode"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("planwright: error: planwright.toml:2:11: new.pattern: `.planwright/templates/{number}-{slug}.md` lies in `.planwright/`"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join(".planwright").exists());
    assert!(!dir.path().join("specs").exists());
}

#[test]
fn a_lower_case_slot_in_code_is_filled_as_the_upper_case_one() {
    let dir = repo();
    write(
        dir.path(),
        ".planwright/templates/mine.md",
        "# Plan: [FEATURE NAME]\n\n**Branch**: `{{branch}}` (`{{BRANCH}}`)\n\n```sh\ngit switch {{branch}}\n```\n",
    );
    ok(&planwright(dir.path(), &["new", "Dark mode", "-t", "mine"]));
    let text = std::fs::read_to_string(dir.path().join(PLAN)).expect("plan");
    assert_eq!(
        text,
        "# Plan: Dark mode\n\n**Branch**: `001-dark-mode` (`001-dark-mode`)\n\n```sh\ngit switch 001-dark-mode\n```\n"
    );
}

#[test]
fn init_reports_a_broken_configuration_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "planwright.toml",
        "[lint]\nselect = [\"PW9\"]\n",
    );
    let out = planwright(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: planwright.toml:2:11: lint.select[0]: unknown rule selector `PW9` (expected a code like PW101, a prefix like PW1, a rule name, or ALL)\n"
    );
    assert!(!dir.path().join(".planwright").exists());
}

#[test]
fn init_names_what_is_in_the_way_as_the_user_sees_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), ".planwright", "a file\n");
    let out = planwright(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: .planwright: exists and is not a folder\n"
    );
    assert!(!dir.path().join("planwright.toml").exists());
    assert!(dir.path().join(".planwright").is_file());
}

#[test]
fn a_title_of_nothing_visible_is_empty() {
    let dir = repo();
    for title in ["  ", "\u{200b}\t\u{feff}", "\u{202e}"] {
        let out = planwright(dir.path(), &["new", title]);
        assert_eq!(out.status.code(), Some(2), "{title:?}");
        assert_eq!(stderr(&out), "planwright: error: the title is empty\n");
    }
    assert!(!dir.path().join("specs").exists());
    // One visible character is a title, whatever the script.
    ok(&planwright(
        dir.path(),
        &["new", "\u{200f}خطة", "--dry-run"],
    ));
}

#[test]
fn a_value_holding_a_control_character_is_refused() {
    // As `set` refuses one. `new` dropped them: `a\x07b` wrote the title
    // `ab` into `specs/001-a-b/`, `\x1b[31mred` made the slug `31mred`.
    let dir = repo();
    let refused = |what: &str, code: &str| {
        format!(
            "planwright: error: {what} holds the control character U+{code}, which a plan cannot show; nothing written\n"
        )
    };
    for (args, said) in [
        (&["new", "a\u{7}b"][..], refused("the title", "0007")),
        (&["new", "\u{1b}[31mred"], refused("the title", "001B")),
        (&["new", "\u{1}\u{2}"], refused("the title", "0001")),
        (
            &["new", "X", "--issue", "X\u{1b}Y"],
            refused("--issue: the value", "001B"),
        ),
        (
            &["new", "X", "--author", "Ann\u{7f}"],
            refused("--author: the value", "007F"),
        ),
        (
            &["new", "X", "--set", "owner=a\u{85}b"],
            refused("--set owner: the value", "0085"),
        ),
        (
            &["new", "X", "--set", "own\u{1f}er=a"],
            refused("--set: the name", "001F"),
        ),
        (
            &["new", "X", "--spec", "spec\u{1b}.md"],
            refused("--spec: the path", "001B"),
        ),
    ] {
        for dry_run in [&[][..], &["--dry-run"]] {
            let out = planwright(dir.path(), &[args, dry_run].concat());
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert_eq!(stderr(&out), said, "{args:?}");
            assert_eq!(stdout(&out), "", "{args:?}");
        }
    }
    assert!(!dir.path().join("specs").exists());
}

#[test]
fn a_tab_is_refused_in_the_title_alone() {
    // A heading would show it as a space, and the slug as a `-`; `set`
    // writes a tab into a field, so `new` does too.
    let dir = repo();
    let out = planwright(dir.path(), &["new", "Fix\tlogin"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: the title holds a tab (U+0009); write a space, as its heading would show one\n"
    );
    assert!(!dir.path().join("specs").exists());
    let out = planwright(
        dir.path(),
        &[
            "new",
            "Fix login",
            "-t",
            "delivery",
            "--issue",
            "GH-1\tGH-2",
            "--dry-run",
        ],
    );
    assert!(
        ok(&out).contains("**Issue:** GH-1\tGH-2\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_empty_value_fills_no_slot() {
    // It would count the slot as filled and leave it blank.
    let dir = repo();
    for args in [
        &["new", "X", "--set", "issue="][..],
        &["new", "X", "--set", "owner= \t"],
        &["new", "X", "--issue", " "],
    ] {
        let out = planwright(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("is empty"), "{}", stderr(&out));
    }
    assert!(!dir.path().join("specs").exists());
}

#[test]
fn a_title_in_another_script_names_its_folder_in_ascii() {
    let dir = repo();
    for (title, template, folder) in [
        (
            "Тёмная тема для панели",
            "delivery",
            "001-tiomnaia-tema-dlia-paneli",
        ),
        ("数据同步", "rfc", "002-shu-ju-tong-bu"),
        // Traditional characters spelt as the simplified ones: the same
        // slug, a number of its own.
        ("數據同步", "rfc", "003-shu-ju-tong-bu"),
    ] {
        let said = ok(&planwright(dir.path(), &["new", title, "-t", template]));
        let plan = format!("specs/{folder}/plan.md");
        assert!(said.starts_with(&format!("Created {plan} ")), "{said}");
        let text = std::fs::read_to_string(dir.path().join(&plan)).expect("plan written");
        let heading = text.lines().next().unwrap_or_default();
        assert!(
            heading.starts_with("# ") && heading.contains(title),
            "{heading}"
        );
    }
    let mut folders: Vec<String> = std::fs::read_dir(dir.path().join("specs"))
        .expect("specs")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(
        folders,
        [
            "001-tiomnaia-tema-dlia-paneli",
            "002-shu-ju-tong-bu",
            "003-shu-ju-tong-bu"
        ]
    );
}

#[test]
fn init_below_a_configuration_names_it_as_typed_from_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "planwright.toml", "");
    let sub = dir.path().join("docs/plans");
    std::fs::create_dir_all(&sub).expect("mkdir");
    let said = ok(&planwright(&sub, &["init"]));
    assert!(
        said.ends_with(
            "note: ../../planwright.toml configures the folders above; here, the new planwright.toml takes precedence\n"
        ),
        "{said}"
    );
}

/// A spec whose name holds what a link reads otherwise (`#` a fragment,
/// `%` an escape, `?` a query, a space or `>` the link's end) is linked
/// percent-encoded, its name escaped as text: the link names the file,
/// and `lint` finds it.
#[test]
fn a_spec_named_with_link_syntax_is_still_linked() {
    let dir = repo();
    for (i, name) in ["spec#1.md", "a%20b.md", "q?x.md", "a b>.md"]
        .iter()
        .enumerate()
    {
        write(dir.path(), &format!("docs/{name}"), "# Spec\n");
        let title = format!("Spec {i}");
        ok(&planwright(
            dir.path(),
            &[
                "new",
                &title,
                "-t",
                "delivery",
                "--spec",
                &format!("docs/{name}"),
            ],
        ));
    }
    let out = planwright(
        dir.path(),
        &["lint", "specs", "--select", "PW301", "--format", "concise"],
    );
    assert_eq!(ok(&out), "");
    let plan = std::fs::read_to_string(dir.path().join("specs/004-spec-3/plan.md")).expect("plan");
    assert!(
        plan.contains("**Spec:** [a b\\>.md](../../docs/a%20b%3E.md)"),
        "{plan}"
    );
}

/// `--set status=…` is written as the template spells the status, and a
/// status the template does not know is refused, as `set` does: a fresh
/// plan must not fail `lint` on a value `new` wrote.
#[test]
fn a_set_status_is_checked_and_spelt_as_the_template_does() {
    let dir = repo();
    let out = planwright(
        dir.path(),
        &["new", "Bogus", "-t", "delivery", "--set", "status=Bogus"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: --set status=Bogus: not a status of template `delivery`; it takes Draft, In Progress, Completed, Blocked, Cancelled\n"
    );
    assert!(!dir.path().join("specs").exists());
    ok(&planwright(
        dir.path(),
        &[
            "new",
            "Going",
            "-t",
            "delivery",
            "--set",
            "status=in progress",
        ],
    ));
    let plan = std::fs::read_to_string(dir.path().join("specs/001-going/plan.md")).expect("plan");
    assert!(plan.contains("**Status:** In Progress\n"), "{plan}");
    // Where the template writes its first status as a word, not a slot,
    // that word is the field's value the status replaces.
    for (template, written) in [
        ("speckit", "**Status**: In Progress  \n"),
        ("design", "**Status:** In Progress\n"),
        ("roadmap", "<!-- STATUS: in_progress -->\n"),
    ] {
        let args = [
            "new",
            "Going",
            "-t",
            template,
            "--set",
            "status=in progress",
            "--dry-run",
        ];
        let out = planwright(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{template}: {}", stderr(&out));
        assert!(
            stdout(&out).contains(written),
            "{template}: {}",
            stdout(&out)
        );
        assert!(
            !stderr(&out).contains("warning"),
            "{template}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_set_name_near_a_slot_is_a_typo_and_nothing_is_written() {
    let dir = repo();
    for dry in [false, true] {
        let mut args = vec!["new", "Dark mode", "-t", "delivery", "--set", "auther=Ada"];
        if dry {
            args.push("--dry-run");
        }
        let out = planwright(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert_eq!(
            stderr(&out),
            "planwright: error: --set auther=Ada: template `delivery` has no slot `auther`; did you mean `author`? Nothing was written\n"
        );
        assert_eq!(stdout(&out), "");
    }
    assert!(!dir.path().join("specs").exists());
    // Written as the shell splits it, the name is still matched as `new`
    // matches names: across case, spaces and `-`.
    let out = planwright(
        dir.path(),
        &[
            "new",
            "Dark mode",
            "-t",
            "delivery",
            "--set",
            "File Extenson=ts",
        ],
    );
    assert_eq!(
        stderr(&out),
        "planwright: error: --set file_extenson=ts: template `delivery` has no slot `file_extenson`; did you mean `file_extension`? Nothing was written\n"
    );
    // A name near no slot is a value this template has no use for, as a
    // script giving every template the same `--set`s writes: a warning.
    let out = planwright(
        dir.path(),
        &[
            "new",
            "Dark mode",
            "-t",
            "delivery",
            "--set",
            "reviewer=Ada",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "planwright: warning: --set reviewer: no slot of that name in template `delivery`\n"
    );
    assert!(dir.path().join(PLAN).exists());
}
