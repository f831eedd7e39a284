//! `planwright new`'s numbering: against plan folders and local and remote
//! git branches, under concurrent runs, and at the highest number.

use std::collections::BTreeSet;
use std::process::Command;

use crate::new::{commit, folders, git, ok, planwright, repo};
use crate::support::{stderr, stdout};

#[test]
fn numbers_follow_folders_and_branches() {
    let dir = repo();
    for f in ["001-a", "002-b", "003-c"] {
        std::fs::create_dir_all(dir.path().join("specs").join(f)).expect("mkdir");
    }
    let out = planwright(dir.path(), &["new", "Four"]);
    assert!(ok(&out).starts_with("Created specs/004-four/plan.md"));

    // A teammate's branch, known here only as a remote-tracking one, holds 005.
    commit(dir.path());
    git(
        dir.path(),
        &["update-ref", "refs/remotes/origin/005-x", "HEAD"],
    );
    let out = planwright(dir.path(), &["new", "Six"]);
    assert!(ok(&out).starts_with("Created specs/006-six/plan.md"));

    git(dir.path(), &["branch", "007-local"]);
    let out = planwright(dir.path(), &["new", "Eight", "--dry-run"]);
    ok(&out);
    assert!(stderr(&out).starts_with("Would create specs/008-eight/plan.md"));
}

#[test]
fn a_branch_named_as_the_pattern_names_plans_holds_its_number() {
    // `new --branch` under `plans/{number}_{slug}.md` names the branch
    // `002_two`: a teammate's such branch must keep 002 taken.
    let dir = repo();
    std::fs::write(
        dir.path().join("planwright.toml"),
        "[new]\npattern = \"plans/{number}_{slug}.md\"\n",
    )
    .expect("write config");
    ok(&planwright(dir.path(), &["new", "One"]));
    commit(dir.path());
    git(dir.path(), &["branch", "002_two"]);
    let out = planwright(dir.path(), &["new", "Three"]);
    assert!(
        ok(&out).starts_with("Created plans/003_three.md"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_plan_goes_beside_the_spec_in_its_feature_folder() {
    // spec-kit makes `specs/004-dark-mode/spec.md` before the plan.
    let dir = repo();
    let feature = dir.path().join("specs/004-dark-mode");
    std::fs::create_dir_all(&feature).expect("mkdir");
    std::fs::write(feature.join("spec.md"), "# Spec: Dark mode\n").expect("write spec");
    let spec = ["--spec", "specs/004-dark-mode/spec.md"];
    let out = planwright(
        dir.path(),
        &[
            &["new", "Dark theme", "-t", "delivery", "--dry-run"][..],
            &spec,
        ]
        .concat(),
    );
    ok(&out);
    assert!(stderr(&out).starts_with("Would create specs/004-dark-mode/plan.md"));
    assert!(!feature.join("plan.md").exists());

    let out = planwright(
        dir.path(),
        &[&["new", "Dark theme", "-t", "delivery"][..], &spec].concat(),
    );
    assert!(
        ok(&out).starts_with("Created specs/004-dark-mode/plan.md"),
        "{}",
        stdout(&out)
    );
    let plan = std::fs::read_to_string(feature.join("plan.md")).expect("plan");
    assert!(plan.contains("[spec.md](spec.md)"), "{plan}");
    assert_eq!(folders(dir.path()), ["004-dark-mode"]);

    // Its plan is never overwritten.
    let out = planwright(
        dir.path(),
        &[&["new", "Again", "-t", "delivery"][..], &spec].concat(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: specs/004-dark-mode/plan.md: already exists; planwright never overwrites a file\n"
    );
    // Another number asked for is a plan of its own, linking to the spec.
    let out = planwright(
        dir.path(),
        &[
            &["new", "Other", "-t", "delivery", "--number", "9"][..],
            &spec,
        ]
        .concat(),
    );
    assert!(ok(&out).starts_with("Created specs/009-other/plan.md"));
    let plan = std::fs::read_to_string(dir.path().join("specs/009-other/plan.md")).expect("plan");
    assert!(plan.contains("(../004-dark-mode/spec.md)"), "{plan}");
}

#[test]
fn a_wide_folder_number_counts_only_near_the_plans() {
    let dir = repo();
    for f in ["001-a", "2024-archive"] {
        std::fs::create_dir_all(dir.path().join("specs").join(f)).expect("mkdir");
    }
    let out = planwright(dir.path(), &["new", "Two"]);
    assert!(ok(&out).starts_with("Created specs/002-two/plan.md"));
    // Its number is still in the way when asked for.
    let out = planwright(dir.path(), &["new", "Y", "--number", "2024"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("number 2024 is already taken"));
    // Past 999, the plans' own numbers are wider, and count.
    for f in ["999-z", "1000-x"] {
        std::fs::create_dir_all(dir.path().join("specs").join(f)).expect("mkdir");
    }
    let out = planwright(dir.path(), &["new", "Next"]);
    assert!(ok(&out).starts_with("Created specs/1001-next/plan.md"));
}

#[test]
fn a_wide_folder_holding_a_spec_is_a_plans_folder() {
    // spec-kit writes the spec before the plan: `specs/1003-x/spec.md`
    // alone already holds number 1003, however far from the others.
    let dir = repo();
    std::fs::create_dir_all(dir.path().join("specs/001-a")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("specs/1003-x")).expect("mkdir");
    std::fs::write(dir.path().join("specs/1003-x/spec.md"), "# Spec\n").expect("spec");
    let out = planwright(dir.path(), &["new", "Next"]);
    assert!(
        ok(&out).starts_with("Created specs/1004-next/plan.md"),
        "{}",
        ok(&out)
    );
}

#[test]
fn a_remote_branch_alone_moves_the_number_on() {
    let dir = repo();
    for f in ["001-a", "002-b", "003-c"] {
        std::fs::create_dir_all(dir.path().join("specs").join(f)).expect("mkdir");
    }
    commit(dir.path());
    git(
        dir.path(),
        &["update-ref", "refs/remotes/origin/004-x", "HEAD"],
    );
    let out = planwright(dir.path(), &["new", "Next"]);
    assert!(ok(&out).starts_with("Created specs/005-next/plan.md"));
}

#[test]
fn a_taken_number_is_refused_and_nothing_is_written() {
    let dir = repo();
    std::fs::create_dir_all(dir.path().join("specs/002-b")).expect("mkdir");
    let out = planwright(dir.path(), &["new", "Two", "--number", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: number 002 is already taken (by a plan folder or a git branch); next free: 003\n"
    );
    assert_eq!(folders(dir.path()), ["002-b"]);

    let out = planwright(dir.path(), &["new", "Seven", "--number", "7"]);
    assert!(ok(&out).starts_with("Created specs/007-seven/plan.md"));

    // Numbers longer than any planwright reads back could not be checked.
    let out = planwright(dir.path(), &["new", "Big", "--number", "1234567890"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("1234567890 is not in 0..=999999999"));
    assert_eq!(folders(dir.path()), ["002-b", "007-seven"]);
}

#[test]
fn without_a_configuration_numbers_span_the_git_work_tree() {
    let dir = repo();
    ok(&planwright(dir.path(), &["new", "Root plan"]));
    let sub = dir.path().join("src/deep");
    std::fs::create_dir_all(&sub).expect("mkdir");
    let out = planwright(&sub, &["new", "From below"]);
    assert!(
        ok(&out).starts_with("Created ../../specs/002-from-below/plan.md"),
        "{}",
        stdout(&out)
    );
    assert_eq!(folders(dir.path()), ["001-root-plan", "002-from-below"]);
    assert!(!sub.join("specs").exists());
}

#[test]
fn concurrent_runs_get_distinct_numbers() {
    let dir = repo();
    let children: Vec<_> = (0..8)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_planwright"))
                .args(["new", &format!("Feature {i}")])
                .current_dir(dir.path())
                .env("GIT_CONFIG_GLOBAL", "/dev/null")
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn planwright")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let numbers: BTreeSet<String> = folders(dir.path())
        .iter()
        .map(|f| f[..3].to_owned())
        .collect();
    let expected: BTreeSet<String> = (1..=8).map(|n| format!("{n:03}")).collect();
    assert_eq!(numbers, expected);
    assert_eq!(folders(dir.path()).len(), 8);
}

#[test]
fn after_the_highest_number_none_is_made_up() {
    let dir = repo();
    ok(&planwright(
        dir.path(),
        &["new", "Big", "--number", "999999999"],
    ));
    let out = planwright(dir.path(), &["new", "Next"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: no plan number is left: the highest in use is 999999999; pass --number N for a free one\n"
    );
    assert_eq!(folders(dir.path()), ["999999999-big"]);
}

#[test]
fn a_slug_given_names_the_folder_and_branch_in_place_of_the_titles() {
    let dir = repo();
    commit(dir.path());
    let out = planwright(
        dir.path(),
        &[
            "new",
            "OAuth 2 login for the API",
            "--slug",
            "oauth-login",
            "--branch",
        ],
    );
    assert!(ok(&out).starts_with("Created specs/001-oauth-login/plan.md"));
    assert_eq!(
        git(dir.path(), &["branch", "--show-current"]).trim(),
        "001-oauth-login"
    );
    // The title is still the plan's title.
    let plan =
        std::fs::read_to_string(dir.path().join("specs/001-oauth-login/plan.md")).expect("plan");
    assert!(plan.contains("OAuth 2 login for the API"), "{plan}");

    // A slug not written as one is refused with the one meant; nothing is
    // written. So is a `--set` of the slug that says otherwise.
    for (args, says) in [
        (
            &["new", "X", "--slug", "OAuth Login"][..],
            "did you mean `oauth-login`?",
        ),
        (&["new", "X", "--slug", "a--b"][..], "did you mean `a-b`?"),
        (
            &["new", "X", "--slug", "x-y", "--set", "slug=z"][..],
            "the plan's slug is `x-y`",
        ),
    ] {
        let out = planwright(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(folders(dir.path()), ["001-oauth-login"]);

    // A spec's numbered folder is the plan's only under the same slug.
    let feature = dir.path().join("specs/004-dark-mode");
    std::fs::create_dir_all(&feature).expect("mkdir");
    std::fs::write(feature.join("spec.md"), "# Spec: Dark mode\n").expect("write spec");
    let spec = ["--spec", "specs/004-dark-mode/spec.md"];
    let out = planwright(
        dir.path(),
        &[&["new", "Dark", "--slug", "dark-mode"][..], &spec].concat(),
    );
    assert!(ok(&out).starts_with("Created specs/004-dark-mode/plan.md"));
    let out = planwright(
        dir.path(),
        &[&["new", "Dark", "--slug", "dark-theme"][..], &spec].concat(),
    );
    assert!(
        ok(&out).starts_with("Created specs/005-dark-theme/plan.md"),
        "{}",
        stdout(&out)
    );

    // A pattern that names plans by number alone has no use for it.
    std::fs::write(
        dir.path().join("planwright.toml"),
        "[new]\npattern = \"plans/{number}.md\"\n",
    )
    .expect("write config");
    let out = planwright(dir.path(), &["new", "Y", "--slug", "y"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("has no {slug}"), "{}", stderr(&out));
    assert!(!dir.path().join("plans").exists());
}
