//! Which files a walk takes for plans: never the local templates, and no
//! configuration glob for a file outside the configuration's folder.

use std::path::Path;

use serde_json::Value;

use crate::support::{json_of, planwright, stderr, stdout, write};

/// A local template named like a plan: unfilled slots and open tasks.
const TEMPLATE: &str = "# Rollout Plan: {{SERVICE}}

**Status:** Draft | Live
**Owner:** {{OWNER}}

## Steps

- [ ] Announce the window to {{TEAM}}
- [ ] Flip the flag
";

/// A plan made from it, with work left.
const PLAN: &str = "# Rollout Plan: billing

**Status:** Live
**Owner:** Ada

## Steps

- [x] Announce the window to payments
- [ ] Flip the flag
";

/// The paths of the plans `status` reads.
fn status_paths(args: &[&str], cwd: &Path) -> Vec<String> {
    let mut all = vec!["status", "--format", "json"];
    all.extend(args);
    let doc = json_of(&all, cwd);
    doc["plans"]
        .as_array()
        .expect("plans")
        .iter()
        .map(|p| p["path"].as_str().expect("path").to_owned())
        .collect()
}

/// The files `lint` reports findings in, and their codes.
fn lint_findings(args: &[&str], cwd: &Path) -> Vec<(String, String)> {
    let mut all = vec!["lint", "--format", "json"];
    all.extend(args);
    let doc = json_of(&all, cwd);
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().expect("path").to_owned(),
                d["code"].as_str().expect("code").to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_local_templates_folder_is_never_walked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "planwright.toml", "");
    write(root, ".planwright/templates/rollout-plan.md", TEMPLATE);
    write(root, "docs/billing-plan.md", PLAN);

    // Walked from the root, from a subfolder (`..`), and by its absolute
    // path: the plan alone.
    assert_eq!(status_paths(&[], root), ["docs/billing-plan.md"]);
    assert_eq!(
        status_paths(&[".."], &root.join("docs")),
        ["../docs/billing-plan.md"]
    );
    let absolute = root.display().to_string();
    assert_eq!(
        status_paths(&[&absolute], root),
        [root.join("docs/billing-plan.md").display().to_string()]
    );
    let next = planwright(&["next"], root);
    assert!(
        !String::from_utf8_lossy(&next.stdout).contains("rollout-plan"),
        "{next:?}"
    );
    let out = planwright(&["lint"], root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        lint_findings(&[], root)
            .iter()
            .all(|(p, _)| p == "docs/billing-plan.md")
    );

    // The folder named outright, or one inside it, is not walked either,
    // and every command that walks says why, not that it found nothing.
    write(root, ".planwright/templates/more/hotfix-plan.md", TEMPLATE);
    for command in ["status", "next", "lint"] {
        let out = planwright(&[command, ".planwright/templates"], root);
        assert_eq!(out.status.code(), Some(0), "{command}");
        let err = stderr(&out);
        assert!(
            err.contains(
                "warning: .planwright/templates is the local templates folder, \
                 which is never searched for plans: templates are not plans"
            ),
            "{command}: {err}"
        );
        assert!(!err.contains("no plan files found"), "{command}: {err}");
        let out = planwright(&[command, ".planwright/templates/more"], root);
        assert!(
            stderr(&out).contains(
                "warning: .planwright/templates/more is inside the local templates folder"
            ),
            "{command}: {}",
            stderr(&out)
        );
    }
    // Named beside a folder of plans, it is still said to be skipped.
    let out = planwright(&["status", "docs", ".planwright/templates"], root);
    assert!(stderr(&out).contains(".planwright/templates is the local templates folder"));

    // A template named outright is read, as every file named is.
    let named = lint_findings(&[".planwright/templates/rollout-plan.md"], root);
    assert!(
        named.contains(&(
            ".planwright/templates/rollout-plan.md".to_owned(),
            "PW101".to_owned()
        )),
        "{named:?}"
    );
}

#[test]
fn without_a_configuration_the_templates_found_up_the_tree_are_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    // No `planwright.toml`: the templates are the ones found walking up
    // within the git work tree.
    std::fs::create_dir(root.join(".git")).expect("mkdir .git");
    write(root, ".planwright/templates/rollout-plan.md", TEMPLATE);
    write(root, "docs/billing-plan.md", PLAN);
    assert_eq!(
        status_paths(&[".."], &root.join("docs")),
        ["../docs/billing-plan.md"]
    );
    assert_eq!(status_paths(&[], root), ["docs/billing-plan.md"]);
}

#[cfg(unix)]
#[test]
fn the_templates_folder_is_skipped_under_a_linked_spelling_of_the_root() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("proj");
    write(&root, "planwright.toml", "");
    write(&root, ".planwright/templates/rollout-plan.md", TEMPLATE);
    write(&root, "billing-plan.md", PLAN);
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&root, &link).expect("symlink");
    let link = link.display().to_string();
    assert_eq!(
        status_paths(&[&link], &root),
        [format!("{link}/billing-plan.md")]
    );
}

/// A project whose globs match everything, and a plan beside it.
fn project_and_other() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = "[[lint.overrides]]\nfiles = [\"**\"]\nignore = [\"PW1\"]\n\
                  [[plans.dialects]]\nfiles = [\"*.md\"]\ndialect = \"rfc\"\n";
    write(dir.path(), "proj/planwright.toml", config);
    let unfilled = "# Notes\n\n**Owner:** [NAME]\n\n- [ ] T001 Write it\n";
    write(dir.path(), "proj/in-plan.md", unfilled);
    write(dir.path(), "other/o-plan.md", unfilled);
    dir
}

/// The dialect `show` reads the plan at `path` as, and its evidence.
fn dialect_of(path: &str, cwd: &Path) -> (String, Value) {
    let doc = json_of(&["show", "--format", "json", path], cwd);
    let dialect = &doc["dialect"];
    (
        dialect["name"].as_str().expect("name").to_owned(),
        dialect["evidence"].clone(),
    )
}

#[test]
fn configuration_globs_match_no_file_outside_its_folder() {
    let dir = project_and_other();
    let proj = dir.path().join("proj");
    let by_config = serde_json::json!(["set by planwright.toml"]);
    // Inside, however spelt: the override and the dialect apply.
    let inside = proj.join("in-plan.md").display().to_string();
    for spelling in ["in-plan.md", "../proj/in-plan.md", inside.as_str()] {
        assert_eq!(lint_findings(&[spelling], &proj), [], "{spelling}");
        assert_eq!(
            dialect_of(spelling, &proj),
            ("rfc".to_owned(), by_config.clone()),
            "{spelling}"
        );
    }
    // Outside, however spelt: still read, with the base configuration.
    let outside = dir.path().join("other/o-plan.md").display().to_string();
    for spelling in ["../other/o-plan.md", outside.as_str()] {
        let codes: Vec<String> = lint_findings(&[spelling], &proj)
            .into_iter()
            .map(|(_, code)| code)
            .collect();
        assert!(codes.contains(&"PW101".to_owned()), "{spelling}: {codes:?}");
        let (_, evidence) = dialect_of(spelling, &proj);
        assert_ne!(evidence, by_config, "{spelling}");
    }
    // A folder outside, named, is walked, its files matched by their
    // paths as given, and linted with the base configuration.
    let out = planwright(&["lint", "../other", "--format", "concise"], &proj);
    assert!(
        stdout(&out).contains("../other/o-plan.md:") && stdout(&out).contains("PW101"),
        "{}",
        stdout(&out)
    );
}

#[cfg(unix)]
#[test]
fn a_linked_spelling_of_the_project_is_inside_it() {
    let dir = project_and_other();
    let proj = dir.path().join("proj");
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&proj, &link).expect("symlink");
    let through = link.join("in-plan.md").display().to_string();
    assert_eq!(lint_findings(&[&through], &proj), []);
    assert_eq!(dialect_of(&through, &proj).0, "rfc");
    // A walk from that spelling finds the plan by the globs, too.
    let link = link.display().to_string();
    assert_eq!(
        status_paths(&[&link], &proj),
        [format!("{link}/in-plan.md")]
    );
}

#[test]
fn config_names_the_configuration_for_a_run_from_elsewhere() {
    // Found from the working directory, a project's configuration is not
    // read from above it; `--config` names it, and its folder is the root
    // its globs are matched from.
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("proj");
    write(
        &proj,
        "planwright.toml",
        "[plans]\ninclude = [\"work/**/*.md\"]\n\n[lint]\nignore = [\"PW101\"]\n",
    );
    write(&proj, "work/a/rollout-plan.md", TEMPLATE);
    write(&proj, "specs/001-a/plan.md", PLAN);
    let from_proj = lint_findings(&["."], &proj);
    assert!(
        from_proj.iter().all(|(_, code)| code != "PW101"),
        "{from_proj:?}"
    );
    let outside = lint_findings(&["proj/work"], dir.path());
    assert!(
        outside.iter().any(|(_, code)| code == "PW101"),
        "{outside:?}"
    );
    for args in [
        ["--config", "proj/planwright.toml", "lint", "proj"],
        ["lint", "--config", "proj/planwright.toml", "proj"],
    ] {
        let out = planwright(&[&args[..], &["--format", "concise"]].concat(), dir.path());
        let text = stdout(&out);
        assert!(text.contains("proj/work/a/rollout-plan.md"), "{text}");
        assert!(!text.contains("PW101"), "{text}");
    }
    // A file named that is not there is an error, not the defaults.
    let missing = planwright(&["--config", "nope.toml", "status", "proj"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("nope.toml"),
        "{}",
        stderr(&missing)
    );
}
