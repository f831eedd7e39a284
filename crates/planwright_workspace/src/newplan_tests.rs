//! Creating plans: slugs, paths, never overwriting, the clock.

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
fn slugs_are_bounded_lower_case_ascii_words() {
    assert_eq!(
        slugify("Dark mode for the Dashboard"),
        "dark-mode-for-the-dashboard"
    );
    assert_eq!(slugify("  Café crème: v2.0!  "), "cafe-creme-v2-0");
    assert_eq!(slugify("Don't panic"), "dont-panic");
    assert_eq!(slugify("日本語"), "plan");
    let long = slugify("a very long title that goes on and on and on beyond any reason");
    assert_eq!(long, "a-very-long-title-that-goes-on-and-on");
    assert!(long.len() <= SLUG_MAX);
    assert_eq!(slugify(&"x".repeat(60)).len(), SLUG_MAX);
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

#[test]
fn fixed_clock_is_midnight_utc() {
    let c = Clock::on("2026-01-15").unwrap();
    assert_eq!(c.timestamp, "2026-01-15T00:00:00+00:00");
    assert!(Clock::on("15/01/2026").is_none());
}
