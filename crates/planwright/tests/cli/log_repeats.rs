//! `log` run again with the same entry (an agent retrying after a
//! timeout): nothing written, the plan byte for byte as it was, a note
//! naming the entry's line, exit 0; `--again` writes it all the same.

use std::fmt::Write as _;
use std::path::Path;

use crate::support::{planwright, stderr, stdout, write};

const PLAN: &str = "# Plan: P\r\n\r\n## Progress Log\r\n\r\n| Date | Update |\r\n|---|---|\r\n| 2026-03-04 | Kickoff |\r\n";

/// `planwright ARGS` in `dir`: exit code, standard output and error.
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = planwright(args, dir);
    (out.status.code(), stdout(&out), stderr(&out))
}

fn read(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("plan.md")).expect("read")
}

#[test]
fn a_retry_writes_nothing_and_says_where_the_entry_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.md", PLAN);
    let log = ["log", "plan.md", "Deployed | v2", "--date", "2026-03-05"];
    let (code, _, err) = run(dir.path(), &log);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    let once = read(dir.path());
    assert!(String::from_utf8_lossy(&once).ends_with("| 2026-03-05 | Deployed \\| v2 |\r\n"));

    let mut seen = String::new();
    for args in [
        &log[..],
        // The same message as it reads: blanks around it and markup aside.
        &[
            "log",
            "plan.md",
            "  **Deployed** | v2 ",
            "--date",
            "2026-03-05",
        ],
        // A preview of the retry has no patch to show.
        &[
            "log",
            "plan.md",
            "Deployed | v2",
            "--date",
            "2026-03-05",
            "--diff",
        ],
    ] {
        let (code, out, err) = run(dir.path(), args);
        assert_eq!(code, Some(0), "{err}");
        assert_eq!(read(dir.path()), once, "{args:?} changed the plan");
        let _ = write!(
            seen,
            "$ planwright {}\n[stdout]\n{out}[stderr]\n{err}\n",
            args.join(" ")
        );
    }
    insta::assert_snapshot!("log_retry", seen);
}

#[test]
fn again_writes_the_entry_twice_and_other_entries_are_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.md", PLAN);
    for args in [
        // Another day, another message (another case too): new entries.
        &["log", "plan.md", "Kickoff", "--date", "2026-03-05"][..],
        &["log", "plan.md", "kickoff", "--date", "2026-03-04"],
        &[
            "log",
            "plan.md",
            "Kickoff",
            "--date",
            "2026-03-04",
            "--again",
        ],
    ] {
        let (code, out, err) = run(dir.path(), args);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{args:?}");
        assert!(out.starts_with("logged "), "{out}");
    }
    let after = String::from_utf8(read(dir.path())).expect("utf-8");
    assert_eq!(
        after,
        PLAN.to_owned()
            + "| 2026-03-04 | kickoff |\r\n| 2026-03-04 | Kickoff |\r\n| 2026-03-05 | Kickoff |\r\n"
    );
}

#[test]
fn a_retry_is_found_in_lists_and_under_day_headings() {
    let dir = tempfile::tempdir().expect("temp dir");
    for log in [
        "- 2026-03-04: Kickoff\n",
        "### 2026-03-04\n\n- Kickoff\n",
        "**2026-03-04**\n\nKickoff\n",
    ] {
        let src = format!("# P\n\n## Progress Log\n\n{log}");
        write(dir.path(), "plan.md", &src);
        let log = ["log", "plan.md", "Shipped", "--date", "2026-03-09"];
        let (code, _, err) = run(dir.path(), &log);
        assert_eq!((code, err.as_str()), (Some(0), ""));
        let once = read(dir.path());
        assert_ne!(once, src.as_bytes());
        let (code, out, err) = run(dir.path(), &log);
        assert_eq!(code, Some(0));
        assert_eq!(out, "already logged 2026-03-09: Shipped\n");
        assert!(err.starts_with("note: plan.md:"), "{err}");
        assert_eq!(read(dir.path()), once, "{log:?}");
    }
}

#[test]
fn a_retry_in_a_log_it_cannot_read_is_refused_as_the_first_run_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = "# P\n\n## Progress Log\n\n- 9-Mar-2026: Kickoff\n";
    write(dir.path(), "plan.md", src);
    let (code, out, err) = run(
        dir.path(),
        &["log", "plan.md", "Kickoff", "--date", "2026-03-09"],
    );
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert!(err.contains("plan.md: "), "{err}");
    assert_eq!(read(dir.path()), src.as_bytes());
}
