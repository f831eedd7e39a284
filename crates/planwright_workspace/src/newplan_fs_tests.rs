//! The file system side of creating plans: relative paths, never
//! overwriting, the mode a new file gets.

use super::*;

#[cfg(unix)]
#[test]
fn a_new_file_is_as_open_as_the_umask_allows() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.md");
    write_new(&path, "# Plan\n").unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    // Whatever the umask, a file made like any other is readable by
    // its owner's group unless the umask says otherwise; 0600 was the
    // temporary file's own mode leaking through.
    let probe = dir.path().join("probe");
    std::fs::write(&probe, "").unwrap();
    let usual = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, usual);
}

#[test]
fn a_path_from_a_folder_climbs_to_the_common_folder() {
    // What PW301's fix writes for a link given from the root.
    let rel = |from: &str, to: &str| path_from(Path::new(from), Path::new(to));
    assert_eq!(
        rel("/r/specs/004", "/r/specs/004/spec.md").as_deref(),
        Some("spec.md")
    );
    assert_eq!(
        rel("/r/docs/plans", "/r/specs/004/spec.md").as_deref(),
        Some("../../specs/004/spec.md")
    );
    assert_eq!(
        rel("/r/a/./b/../c", "/r/a/d.md").as_deref(),
        Some("../d.md")
    );
    assert_eq!(rel("/r/a", "/r/a").as_deref(), Some("."));
}

#[test]
fn relative_paths_walk_up_and_down() {
    assert_eq!(
        relative_to(
            Path::new("/r/specs/004-x/spec.md"),
            Path::new("/r/specs/004-x")
        ),
        "spec.md"
    );
    assert_eq!(
        relative_to(Path::new("/r/docs/spec.md"), Path::new("/r/specs/004-x")),
        "../../docs/spec.md"
    );
    assert_eq!(
        relative_to(
            Path::new("/r/a/../docs/spec.md"),
            Path::new("/r/b/../specs")
        ),
        "../docs/spec.md"
    );
}

#[test]
fn write_new_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/plan.md");
    write_new(&path, "one").unwrap();
    let err = write_new(&path, "two").unwrap_err();
    assert!(matches!(err, NewError::Exists { .. }), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
    let left: Vec<_> = std::fs::read_dir(dir.path().join("a")).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file is left behind");
}
