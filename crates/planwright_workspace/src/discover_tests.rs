//! Finding plans: globs, ignore files, named files, and one file reached
//! by two paths or two names.

use super::*;
use crate::config::{Config, PlansConfig};

/// The plans found, without any work done on them.
fn discover(paths: &[PathBuf], config: &LoadedConfig) -> (Vec<PathBuf>, Vec<DiscoverError>) {
    let (found, errors) = discover_with(paths, config, |_| ());
    (found.into_iter().map(|(path, ())| path).collect(), errors)
}

fn config_at(root: &Path, plans: PlansConfig) -> LoadedConfig {
    LoadedConfig {
        config: Config {
            plans,
            ..Config::default()
        },
        path: None,
        root: root.to_owned(),
        text: String::new(),
    }
}

fn write(root: &Path, rel: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, "# Plan\n").unwrap();
}

fn relative(root: &Path, found: &[PathBuf]) -> Vec<String> {
    found
        .iter()
        .map(|p| {
            p.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

/// The plans found, and those worked on, sorted.
fn worked_on(paths: &[PathBuf], config: &LoadedConfig) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let worked = Mutex::new(Vec::new());
    let (found, errors) = discover_with(paths, config, |p| lock(&worked).push(p.to_owned()));
    assert!(errors.is_empty(), "{errors:?}");
    let mut worked = into_inner(worked);
    worked.sort();
    (found.into_iter().map(|(p, ())| p).collect(), worked)
}

#[test]
fn default_globs_find_plans_and_honour_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for rel in [
        "specs/001-login/plan.md",
        "specs/001-login/tasks.md",
        "specs/001-login/research.md",
        ".kiro/specs/auth/requirements.md",
        "docs/migration-plan.md",
        "docs/README.md",
        "build/old-plan.md",
        ".git/plan.md",
    ] {
        write(root, rel);
    }
    std::fs::write(root.join(".gitignore"), "build/\n").unwrap();
    let (found, errors) = discover(&[root.to_owned()], &config_at(root, PlansConfig::default()));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        relative(root, &found),
        [
            ".kiro/specs/auth/requirements.md",
            "docs/migration-plan.md",
            "specs/001-login/plan.md",
            "specs/001-login/tasks.md",
        ]
    );
}

#[test]
fn default_globs_take_plan_and_tasks_in_lower_upper_and_title_case() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for rel in [
        "docs/PLAN.md",
        "docs/RoadPlan.md",
        "docs/TASKS.md",
        "docs/Tasks.md",
        "docs/SprintTasks.md",
        "docs/release-tasks.md",
        "docs/notes.md",
    ] {
        write(root, rel);
    }
    let (found, errors) = discover(&[root.to_owned()], &config_at(root, PlansConfig::default()));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        relative(root, &found),
        [
            "docs/PLAN.md",
            "docs/RoadPlan.md",
            "docs/SprintTasks.md",
            "docs/TASKS.md",
            "docs/Tasks.md",
            "docs/release-tasks.md",
        ]
    );
}

#[test]
fn default_globs_take_plan_as_a_word_of_the_name_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let plans = [
        "a/plan.md",
        "a/plans.md",
        "a/planning.md",
        "a/plan-v2.md",
        "a/plan_auth.md",
        "a/plan2.md",
        "a/2026-01-plan.md",
        "a/auth-plan-draft.md",
        "a/sprint planning notes.md",
        "a/IMPLEMENTATION_PLAN.md",
        "a/PLAN-2.md",
        "a/Plan.md",
        "a/Release-Plan.md",
        "a/MigrationPlan.md",
        "a/MigrationPlanV2.md",
        "a/PlanOverview.md",
    ];
    let not_plans = [
        "b/planet.md",
        "b/explanation.md",
        "b/airplane.md",
        "b/AirPlane.md",
        "b/Planet.md",
        "b/PLANET.md",
        "b/planner.md",
        "b/complanation.md",
    ];
    for rel in plans.iter().chain(&not_plans) {
        write(root, rel);
    }
    let (found, errors) = discover(&[root.to_owned()], &config_at(root, PlansConfig::default()));
    assert!(errors.is_empty(), "{errors:?}");
    let mut expected: Vec<&str> = plans.to_vec();
    expected.sort_unstable();
    assert_eq!(relative(root, &found), expected);
}

#[test]
fn templates_by_place_or_name_are_not_walked_as_plans() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for rel in [
        ".specify/templates/plan-template.md",
        ".specify/templates/tasks-template.md",
        ".specify/templates/checklist.md",
        "templates/plan-template.md",
        "docs/auth_plan_template.md",
        "docs/release-plan.template.md",
        "docs/PLAN-TEMPLATE.md",
        "specs/001-login/plan.md",
        "specs/001-login/tasks.md",
        "docs/template-plan.md",
        "docs/plans/email-template.md",
    ] {
        write(root, rel);
    }
    let config = config_at(root, PlansConfig::default());
    let (found, errors) = discover(&[root.to_owned()], &config);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        relative(root, &found),
        [
            "docs/template-plan.md",
            "specs/001-login/plan.md",
            "specs/001-login/tasks.md"
        ]
    );
    // A plan about a template, written where `[new] pattern` puts plans,
    // is a plan.
    let mut plans = PlansConfig::default();
    plans.include.push("docs/plans/*.md".to_owned());
    let (found, _) = discover(&[root.to_owned()], &config_at(root, plans));
    assert!(
        relative(root, &found).contains(&"docs/plans/email-template.md".to_owned()),
        "{found:?}"
    );
    // Named, a template is read as any named file is.
    let named = root.join(".specify/templates/plan-template.md");
    let (found, _) = discover(std::slice::from_ref(&named), &config);
    assert_eq!(found, [named]);
}

#[test]
fn excludes_apply_to_walks_but_named_files_always_count() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "archive/old-plan.md");
    write(root, "notes.md");
    let plans = PlansConfig {
        exclude: vec!["archive/**".to_owned()],
        ..PlansConfig::default()
    };
    let config = config_at(root, plans);
    let (found, errors) = discover(&[root.to_owned()], &config);
    assert!(
        errors.is_empty() && found.is_empty(),
        "{found:?} {errors:?}"
    );
    let named = [root.join("notes.md"), root.join("archive/old-plan.md")];
    let (found, _) = discover(&named, &config);
    assert_eq!(relative(root, &found), ["archive/old-plan.md", "notes.md"]);
}

#[test]
fn named_files_if_plans_are_taken_as_a_walk_takes_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for rel in [
        "archive/old-plan.md",
        "notes.md",
        "specs/001-a/plan.md",
        ".planwright/templates/feature-plan.md",
    ] {
        write(root, rel);
    }
    let plans = PlansConfig {
        exclude: vec!["archive/**".to_owned()],
        ..PlansConfig::default()
    };
    let config = config_at(root, plans);
    let named: Vec<PathBuf> = [
        "notes.md",
        "archive/old-plan.md",
        "specs/001-a/plan.md",
        ".planwright/templates/feature-plan.md",
    ]
    .iter()
    .map(|r| root.join(r))
    .collect();
    let (found, errors) = discover_named(&named, &config, Named::IfPlans, |_| ());
    assert!(errors.is_empty(), "{errors:?}");
    let found: Vec<PathBuf> = found.into_iter().map(|(p, ())| p).collect();
    assert_eq!(relative(root, &found), ["specs/001-a/plan.md"]);
    // The same test for a name alone, on disk or not.
    assert!(is_plan_path(&root.join("specs/002-b/plan.md"), &config).unwrap());
    assert!(!is_plan_path(&root.join("notes.md"), &config).unwrap());
    assert!(!is_plan_path(&named[1], &config).unwrap());
    assert!(!is_plan_path(&named[3], &config).unwrap());
}

#[test]
fn a_file_reached_by_two_spellings_is_worked_on_once_under_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "d-plan.md");
    write(root, "sub/e-plan.md");
    let config = config_at(root, PlansConfig::default());
    let run = |paths: &[PathBuf]| {
        let (found, worked) = worked_on(paths, &config);
        (found, worked.len())
    };
    let odd = root.join("sub/../d-plan.md");
    // Named, then walked: the walk leaves it alone.
    let (found, calls) = run(&[odd.clone(), root.join("./d-plan.md"), root.to_owned()]);
    assert_eq!(found, [odd.clone(), root.join("sub/e-plan.md")]);
    assert_eq!(calls, 2);
    // Walked first: the walk's spelling wins.
    let (found, _) = run(&[root.to_owned(), odd]);
    assert_eq!(found, [root.join("d-plan.md"), root.join("sub/e-plan.md")]);
    // A folder under another, and a folder twice.
    let (found, _) = run(&[root.join("sub"), root.to_owned(), root.join(".")]);
    assert_eq!(found, [root.join("d-plan.md"), root.join("sub/e-plan.md")]);
}

#[cfg(unix)]
#[test]
fn hard_links_are_one_file_worked_on_once_under_the_first_name() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b-plan.md");
    write(root, "other-plan.md");
    std::fs::create_dir(root.join("sub")).unwrap();
    for link in ["a-plan.md", "sub/c-plan.md"] {
        std::fs::hard_link(root.join("b-plan.md"), root.join(link)).unwrap();
    }
    let config = config_at(root, PlansConfig::default());
    let names = |paths: &[PathBuf]| {
        let (found, worked) = worked_on(paths, &config);
        (relative(root, &found), relative(root, &worked))
    };
    // One walk: the first name in the output's order, whichever thread
    // found which name first.
    for _ in 0..5 {
        assert_eq!(
            names(&[root.to_owned()]),
            (
                vec!["a-plan.md".to_owned(), "other-plan.md".to_owned()],
                vec!["a-plan.md".to_owned(), "other-plan.md".to_owned()],
            )
        );
    }
    // Named before the folder: that name, and the walk leaves the others.
    let (found, worked) = names(&[root.join("b-plan.md"), root.to_owned()]);
    assert_eq!(found, ["b-plan.md", "other-plan.md"]);
    assert_eq!(worked, found);
    // Two names on the command line: the first given.
    let (found, worked) = names(&[root.join("sub/c-plan.md"), root.join("a-plan.md")]);
    assert_eq!(
        (found, worked),
        (
            vec!["sub/c-plan.md".to_owned()],
            vec!["sub/c-plan.md".to_owned()]
        )
    );
    // Two folders each holding a name: the earliest folder's.
    let (found, _) = names(&[root.join("sub"), root.to_owned()]);
    assert_eq!(found, ["other-plan.md", "sub/c-plan.md"]);
}

#[test]
fn missing_paths_and_bad_globs_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "plan.md");
    let config = config_at(root, PlansConfig::default());
    let (found, errors) = discover(&[root.join("nope"), root.join("plan.md")], &config);
    assert_eq!(found.len(), 1);
    assert!(
        errors[0]
            .to_string()
            .ends_with("nope: no such file or folder")
    );
    let bad = PlansConfig {
        include: vec!["specs/[".to_owned()],
        ..PlansConfig::default()
    };
    // Whether or not there is a folder to walk (the globs are only
    // compiled when there is), a bad glob is an error and nothing is
    // worked on.
    for paths in [vec![root.to_owned()], vec![root.join("plan.md")]] {
        let (found, errors) = discover(&paths, &config_at(root, bad.clone()));
        assert!(found.is_empty(), "{found:?}");
        assert!(
            errors[0].to_string().contains("invalid glob `specs/[`"),
            "{errors:?}"
        );
    }
}

#[test]
fn a_folder_outside_the_configuration_s_is_matched_by_its_paths_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("proj");
    write(dir.path(), "other/o-plan.md");
    write(dir.path(), "other/notes.md");
    write(&proj, "p-plan.md");
    let walk = [proj.join("../other")];
    // With or without a `planwright.toml`: the project's globs cannot be
    // relative to a folder outside it, and finding no plan in a folder
    // named would surprise more than the globs matching its paths.
    for path in [None, Some(proj.join("planwright.toml"))] {
        let config = LoadedConfig {
            path,
            ..config_at(&proj, PlansConfig::default())
        };
        let (found, errors) = discover(&walk, &config);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(found, [proj.join("../other/o-plan.md")]);
    }
}

/// Symbolic links are not followed in a walk, as ripgrep's default (the
/// README and `--help` say so); a linked plan named outright is read.
#[cfg(unix)]
#[test]
fn a_walk_skips_linked_plans_that_a_name_reads() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "shared/notes.md");
    std::os::unix::fs::symlink("shared/notes.md", root.join("docs-plan.md")).unwrap();
    let config = config_at(root, PlansConfig::default());
    let (found, errors) = discover(&[root.to_owned()], &config);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(found.is_empty(), "{found:?}");
    let named = root.join("docs-plan.md");
    let (found, _) = discover(std::slice::from_ref(&named), &config);
    assert_eq!(found, [named]);
}

#[test]
fn a_named_templates_folder_is_told_apart_from_the_folders_walked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, ".planwright/templates/sub/feature-plan.md");
    write(root, "docs/plan.md");
    let config = config_at(root, PlansConfig::default());
    let templates = root.join(".planwright/templates");
    let paths = [
        templates.clone(),
        templates.join("sub"),
        templates.join("sub/feature-plan.md"),
        root.join("docs"),
        root.to_owned(),
    ];
    let named = templates_named(&paths, &config);
    assert_eq!(
        named,
        [
            (templates.as_path(), true),
            (templates.join("sub").as_path(), false)
        ]
    );
}

#[test]
fn what_new_writes_is_a_plan_whatever_include_lists_until_excluded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "specs/001-a/plan.md");
    write(root, "docs/d.md");
    let only_docs = PlansConfig {
        include: vec!["docs/*.md".to_owned()],
        ..PlansConfig::default()
    };
    let (found, _) = discover(&[root.to_owned()], &config_at(root, only_docs.clone()));
    assert_eq!(relative(root, &found), ["docs/d.md", "specs/001-a/plan.md"]);
    let excluded = PlansConfig {
        exclude: vec!["specs/**".to_owned()],
        ..only_docs
    };
    let (found, _) = discover(&[root.to_owned()], &config_at(root, excluded));
    assert_eq!(relative(root, &found), ["docs/d.md"]);
}
