//! Paths as globs see them: spellings of one path, files outside the
//! configuration's folder, and folders reached through a link.

use super::*;

/// The configuration of a project at `root`: read from a file there, or
/// the defaults used where there is none.
fn project(root: &Path, from_file: bool) -> GlobRoot {
    let config = LoadedConfig {
        path: from_file.then(|| root.join("planwright.toml")),
        root: root.to_owned(),
        ..LoadedConfig::default()
    };
    GlobRoot::new(&config, root)
}

#[test]
fn every_spelling_of_a_path_inside_is_relative_to_the_root() {
    let root = Path::new("/r/proj");
    let at = |cwd: &str| {
        let config = LoadedConfig {
            path: Some(root.join("planwright.toml")),
            root: root.to_owned(),
            ..LoadedConfig::default()
        };
        GlobRoot::new(&config, Path::new(cwd))
    };
    let globs = at("/r/proj/sub");
    for spelling in [
        "../d-plan.md",
        "./../d-plan.md",
        "../sub/../d-plan.md",
        "/r/proj/./d-plan.md",
    ] {
        assert_eq!(
            globs.relative(Path::new(spelling)).as_deref(),
            Some(Path::new("d-plan.md")),
            "{spelling}"
        );
    }
    // A walk from a folder below the configuration's gives `./x` paths:
    // the `.` must not stay between the folder and the name.
    // (Compared as text: `Path`'s `==` skips that `.` too, globs do not.)
    let walked = globs.relative(Path::new("./e-plan.md")).unwrap();
    assert_eq!(walked.as_os_str(), "sub/e-plan.md");
    // From a folder above, the project given by a relative path.
    let config = LoadedConfig {
        path: Some(PathBuf::from("proj/planwright.toml")),
        root: PathBuf::from("proj"),
        ..LoadedConfig::default()
    };
    let above = GlobRoot::new(&config, Path::new("/r"));
    assert_eq!(
        above.relative(Path::new("proj/x-plan.md")).as_deref(),
        Some(Path::new("x-plan.md"))
    );
    assert_eq!(above.relative(Path::new("other/x-plan.md")), None);
    assert_eq!(lexical(Path::new("/a/./b/../c")), Path::new("/a/c"));
    assert_eq!(lexical(Path::new("../a/..")), Path::new(".."));
}

#[test]
fn a_file_outside_the_folder_of_planwright_toml_is_matched_by_no_glob() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("proj");
    std::fs::create_dir_all(&proj).unwrap();
    std::fs::create_dir_all(dir.path().join("other")).unwrap();
    let outside = dir.path().join("other/o-plan.md");
    let globs = project(&proj, true);
    assert_eq!(globs.relative(Path::new("../other/o-plan.md")), None);
    assert_eq!(globs.relative(&outside), None);
    assert_eq!(globs.relative(&proj.join("../other/o-plan.md")), None);
    // Without a file, only the default globs exist, and they see such a
    // path as it was given.
    let defaults = project(&proj, false);
    assert_eq!(
        defaults
            .relative(Path::new("./../other/o-plan.md"))
            .as_deref(),
        Some(Path::new("../other/o-plan.md"))
    );
    assert_eq!(defaults.relative(&outside), Some(outside));
}

#[cfg(unix)]
#[test]
fn a_path_through_a_link_to_the_folder_is_inside_it() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("proj");
    std::fs::create_dir_all(proj.join("sub")).unwrap();
    std::fs::create_dir_all(dir.path().join("other")).unwrap();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&proj, &link).unwrap();
    let globs = project(&proj, true);
    // Named through the link: its folder's links resolved, not the file's.
    assert_eq!(
        globs.relative(&link.join("sub/x-plan.md")).as_deref(),
        Some(Path::new("sub/x-plan.md"))
    );
    assert_eq!(globs.relative(&link.join("../other/o-plan.md")), None);
    // A walk gives the resolved path itself, and no other is looked up.
    let walked = globs.relative_or(&link.join("sub/x-plan.md"), || {
        Some(proj.canonicalize().unwrap().join("sub/x-plan.md"))
    });
    assert_eq!(walked.as_deref(), Some(Path::new("sub/x-plan.md")));
    let not_asked = globs.relative_or(&proj.join("x-plan.md"), || unreachable!());
    assert_eq!(not_asked.as_deref(), Some(Path::new("x-plan.md")));
}
