//! `new` writes a plan that agrees with itself and its project: its text
//! with its folder, number and branch, its number with the project's other
//! plans, every title slot with its title, its slug with the README.

use std::path::Path;

use crate::new::{commit, folders, ok, planwright, repo};
use crate::support::{repo_root, stderr, stdout, write};

#[test]
fn a_set_that_would_contradict_the_plans_path_is_refused() {
    let dir = repo();
    commit(dir.path());
    for (args, message) in [
        (
            &[
                "new",
                "A",
                "--set",
                "branch=my-branch",
                "--branch",
                "--dry-run",
            ][..],
            "--set branch=my-branch: the plan's branch is `001-a`, made from its number and \
             title as its path specs/001-a/plan.md is; drop the --set, or change the title, --slug or --number",
        ),
        (
            &["new", "A", "--set", "title=Other"],
            "--set title=Other and the title \"A\" both fill `title`, which also names the plan \
             specs/001-a/plan.md; give the title once, as the argument",
        ),
        // An alias of the title is the title.
        (
            &["new", "A", "--set", "feature_name=Other"],
            "--set feature_name=Other and the title \"A\" both fill `title`, which also names \
             the plan specs/001-a/plan.md; give the title once, as the argument",
        ),
        (
            &["new", "A", "--set", "slug=other"],
            "--set slug=other: the plan's slug is `a`, made from its title as its \
             path specs/001-a/plan.md is; drop the --set, or change the title, or give --slug",
        ),
        // The feature's id and folder path are the path's too.
        (
            &["new", "A", "--set", "feature_id=042-b"],
            "--set feature_id=042-b: the plan's feature_id is `001-a`, made from its number and \
             title as its path specs/001-a/plan.md is; drop the --set, or change the title, --slug or --number",
        ),
        (
            &["new", "A", "--set", "feature_dir=elsewhere"],
            "--set feature_dir=elsewhere: the plan's dir is `specs/001-a`, made from its number \
             and title as its path specs/001-a/plan.md is; drop the --set, or change the title, --slug or --number",
        ),
        // The template has no `number` slot of its own, so this is the plan's.
        (
            &["new", "A", "--set", "number=999"],
            "--set number=999: the plan's number also names its folder; give it as --number 999",
        ),
        (
            &["new", "A", "--set", "number=999", "--number", "7"],
            "--set number=999 and --number 7 both fill `number`; give only one",
        ),
    ] {
        let out = planwright(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), format!("planwright: error: {message}\n"));
    }
    assert!(!dir.path().join("specs").exists());
    assert_eq!(
        crate::new::git(dir.path(), &["branch", "--show-current"]),
        "main"
    );
}

#[test]
fn a_set_that_says_what_the_path_says_is_no_conflict() {
    let dir = repo();
    commit(dir.path());
    let out = planwright(
        dir.path(),
        &[
            "new",
            "A",
            "--set",
            "title=A",
            "--set",
            "branch=001-a",
            "--branch",
        ],
    );
    ok(&out);
    let text = std::fs::read_to_string(dir.path().join("specs/001-a/plan.md")).expect("plan");
    assert!(text.starts_with("# Implementation Plan: A\n"), "{text}");
    assert!(text.contains("**Feature Branch**: `001-a`"), "{text}");
    assert_eq!(
        crate::new::git(dir.path(), &["branch", "--show-current"]),
        "001-a"
    );
}

#[test]
fn a_bare_number_fills_the_templates_own_number_slots_only() {
    let dir = repo();
    write(
        dir.path(),
        ".planwright/templates/team.md",
        "# Plan: [TITLE]\n\n<!-- PLAN_NUMBER: {{plan_number}} -->\n\n- **Team**: [Number] developers\n",
    );
    let out = planwright(
        dir.path(),
        &[
            "new", "A", "-t", "team", "--set", "number=3", "--format", "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&out)).expect("json");
    assert_eq!(json["number"], 1);
    let text = std::fs::read_to_string(dir.path().join("specs/001-a/plan.md")).expect("plan");
    assert_eq!(
        text,
        "# Plan: A\n\n<!-- PLAN_NUMBER: 001 -->\n\n- **Team**: 3 developers\n"
    );
}

#[test]
fn a_date_that_names_no_day_is_refused() {
    let dir = repo();
    for (key, value) in [
        ("date", "2020-02-30"),
        ("created", "2026-13-01"),
        ("Last Updated", "tomorrow"),
    ] {
        let set = format!("{key}={value}");
        let out = planwright(dir.path(), &["new", "A", "--set", &set]);
        assert_eq!(out.status.code(), Some(2), "{set}");
        assert_eq!(
            stderr(&out),
            format!("planwright: error: --set {set}: not a real date; give a date as YYYY-MM-DD\n")
        );
    }
    // A timestamp too, with or without its time and offset.
    for (key, value) in [
        ("timestamp", "2026-02-30T10:00:00Z"),
        ("created_at", "soon"),
    ] {
        let set = format!("{key}={value}");
        let out = planwright(dir.path(), &["new", "A", "-t", "roadmap", "--set", &set]);
        assert_eq!(out.status.code(), Some(2), "{set}");
        assert!(
            stderr(&out).starts_with(&format!(
                "planwright: error: --set {set}: not a real date and time;"
            )),
            "{}",
            stderr(&out)
        );
    }
    for value in [
        "2026-01-15T09:30:00+01:00",
        "2026-01-15T09:30Z",
        "2026-01-15",
    ] {
        let set = format!("timestamp={value}");
        let out = planwright(
            dir.path(),
            &["new", "A", "-t", "roadmap", "--set", &set, "--dry-run"],
        );
        assert!(
            ok(&out).contains(&format!("<!-- CREATED: {value} -->")),
            "{value}"
        );
    }
    assert!(!dir.path().join("specs").exists());
    let out = planwright(dir.path(), &["new", "A", "--set", "date=2024-02-29"]);
    ok(&out);
    let text = std::fs::read_to_string(dir.path().join("specs/001-a/plan.md")).expect("plan");
    assert!(text.contains("2024-02-29"), "{text}");
}

#[test]
fn every_folder_of_a_project_without_git_or_configuration_numbers_alike() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        ".planwright/templates/adr.md",
        "# ADR: {{TITLE}}\n",
    );
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    let said = ok(&planwright(&sub, &["new", "X", "-t", "adr"]));
    assert!(
        said.starts_with("Created ../specs/001-x/plan.md (template adr, number 001)\n"),
        "{said}"
    );
    ok(&planwright(dir.path(), &["new", "Y", "-t", "adr"]));
    assert_eq!(folders(dir.path()), ["001-x", "002-y"]);
    assert!(!sub.join("specs").exists());
}

#[test]
fn the_nearest_project_marker_is_the_root() {
    // A project set up inside a git work tree is its own project.
    let dir = repo();
    let project = dir.path().join("tools/app");
    write(
        &project,
        ".planwright/templates/adr.md",
        "# ADR: {{TITLE}}\n",
    );
    let deep = project.join("src");
    std::fs::create_dir_all(&deep).expect("mkdir");
    ok(&planwright(&deep, &["new", "X", "-t", "adr"]));
    assert_eq!(folders(&project), ["001-x"]);
    assert!(!dir.path().join("specs").exists());
    // Without one, the work tree's root is.
    let other = dir.path().join("docs");
    std::fs::create_dir_all(&other).expect("mkdir");
    ok(&planwright(&other, &["new", "Y"]));
    assert_eq!(folders(dir.path()), ["001-y"]);
    assert!(!Path::new(&other).join("specs").exists());
}

#[test]
fn every_title_slot_takes_the_title() {
    let dir = repo();
    write(
        dir.path(),
        ".planwright/templates/t2.md",
        "# {{TITLE}}\n\nParagraph {{TITLE}} here.\n\n- [ ] T001 {{TITLE}} first\n\n\
         | Name | Notes |\n|------|-------|\n| {{TITLE}} | x |\n\n## Steps\n\n#### Step 1: [Title]\n",
    );
    let expected = "# Hello\n\nParagraph Hello here.\n\n- [ ] T001 Hello first\n\n\
                    | Name | Notes |\n|------|-------|\n| Hello | x |\n\n## Steps\n\n#### Step 1: [Title]\n";
    for extra in [&[][..], &["--set", "title=Hello"]] {
        let mut args = vec!["new", "Hello", "-t", "t2", "--dry-run"];
        args.extend(extra);
        let out = planwright(dir.path(), &args);
        assert_eq!(ok(&out), expected, "{extra:?}");
        assert!(
            stderr(&out).contains("Filled 4 slots: title (4)\n1 slot would be left"),
            "{extra:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn white_space_in_a_title_separates_the_slugs_words() {
    let dir = repo();
    // A line break is written as a space; a tab is refused (new_inputs).
    for (title, folder, heading) in [
        (
            "line1\nline2",
            "specs/001-line1-line2/plan.md",
            "line1 line2",
        ),
        (
            "Fix\u{a0}login",
            "specs/001-fix-login/plan.md",
            "Fix\u{a0}login",
        ),
    ] {
        let out = planwright(dir.path(), &["new", title, "--dry-run"]);
        let heading = format!("# Implementation Plan: {heading}\n");
        assert!(
            ok(&out).starts_with(&heading),
            "{title:?}: {}",
            stdout(&out)
        );
        assert!(
            stderr(&out).starts_with(&format!("Would create {folder} ")),
            "{title:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn the_readmes_slug_examples_are_the_folders_new_makes() {
    // The README said punctuation separates words, yet `title's` made
    // `titles`; its examples now say which, and are checked here.
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("README");
    let bullet: String = readme
        .split("\n- ")
        .find(|b| b.starts_with("**The slug**"))
        .expect("the README's slug bullet")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let examples: Vec<(&str, &str)> = bullet
        .split(" is `")
        .collect::<Vec<_>>()
        .windows(2)
        .filter_map(|pair| {
            let title = pair[0].rsplit('`').nth(1)?;
            let slug = pair[1].split('`').next()?;
            Some((title, slug))
        })
        .collect();
    assert!(
        examples.iter().any(|(title, _)| title.contains('\'')),
        "{bullet}"
    );
    let dir = repo();
    for (title, slug) in examples {
        let out = planwright(dir.path(), &["new", title, "--dry-run"]);
        ok(&out);
        let folder = format!("Would create specs/001-{slug}/plan.md ");
        assert!(
            stderr(&out).starts_with(&folder),
            "{title}: {}",
            stderr(&out)
        );
    }
}
