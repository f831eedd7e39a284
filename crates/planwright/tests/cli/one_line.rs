//! `set`'s value and field name and `log`'s message are one line: the
//! line break that ends one is dropped, any other is refused, in every
//! header style, and nothing is written.

use std::fmt::Write as _;
use std::path::Path;

use crate::edit::diff;
use crate::support::{planwright, repo_root, run_on_plan as run, stdout};

const BOLD: &str =
    "# P\n\n**Status:** Draft\n**Owner:** ana\n\n## Progress Log\n\n- 2026-03-01: Kickoff\n";
const FRONT_MATTER: &str = "---\nstatus: Draft\nowner: ana\n---\n# P\n";
const COMMENT: &str = "# P\n\n<!-- Status: Draft -->\n<!-- Owner: ana -->\n";

/// A run on `plan.md` holding `text`, as a snapshot shows it: the
/// arguments as Rust writes strings (a line break is `\n`), the exit code,
/// both outputs, and what changed in the plan.
fn transcript(text: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("plan.md"), text).expect("write");
    transcript_in(dir.path(), "plan.md", args)
}

fn transcript_in(dir: &Path, name: &str, args: &[&str]) -> String {
    let before = std::fs::read_to_string(dir.join(name)).expect("read");
    let out = planwright(args, dir);
    let after = std::fs::read_to_string(dir.join(name)).expect("read");
    let shown: Vec<String> = args
        .iter()
        .map(|a| {
            if a.contains(char::is_control) {
                format!("{a:?}")
            } else {
                (*a).to_owned()
            }
        })
        .collect();
    let mut s = format!(
        "$ planwright {}\nexit {}\n",
        shown.join(" "),
        out.status.code().unwrap_or(-1)
    );
    for line in stdout(&out).lines() {
        let _ = writeln!(s, "stdout| {line}");
    }
    for line in String::from_utf8_lossy(&out.stderr).lines() {
        let _ = writeln!(s, "stderr| {line}");
    }
    s.push_str(&diff(&before, &after));
    s.push('\n');
    s
}

#[test]
fn a_line_break_that_ends_the_text_is_dropped_and_any_other_refused() {
    let mut snap = String::new();
    for args in [
        // What a tool passes when it hands over a line read whole.
        ["set", "plan.md", "status", "Done\n"].as_slice(),
        &["set", "plan.md", "owner", "bob\r\n"],
        &["set", "plan.md", "owner\n", "bob"],
        &["set", "plan.md", "reviewer", "Zed\n", "--add"],
        &["set", "plan.md", "owner", "*bob*\n", "--markdown"],
        &["log", "plan.md", "Deployed\n", "--date", "2026-03-02"],
        // Two lines, however they are placed, are never joined.
        &["set", "plan.md", "status", "In\nProgress"],
        &["set", "plan.md", "owner", "bob\n\n"],
        &["set", "plan.md", "owner", "\nbob"],
        &["set", "plan.md", "owner", "a\r\nb\rc"],
        &["set", "plan.md", "reviewer", "A\nB", "--add"],
        &["set", "plan.md", "owner", "*A*\nB", "--markdown"],
        &["set", "plan.md", "own\ner", "bob"],
        &["set", "plan.md", "rev\niewer", "Zed", "--add"],
        &["log", "plan.md", "a\nb", "--date", "2026-03-02"],
        &["log", "plan.md", "a\n\n", "--date", "2026-03-02"],
    ] {
        snap.push_str(&transcript(BOLD, args));
    }
    for plan in [FRONT_MATTER, COMMENT] {
        for args in [
            ["set", "plan.md", "owner", "bob\n"].as_slice(),
            &["set", "plan.md", "status", "In\nProgress"],
        ] {
            snap.push_str(&transcript(plan, args));
        }
    }
    insta::assert_snapshot!("one_line_values", snap);
}

#[test]
fn a_status_over_two_lines_is_no_status_of_the_dialect() {
    // The delivery dialect lists `In Progress`; its words on two lines
    // were read as that status and written joined.
    let dir = tempfile::tempdir().expect("temp dir");
    let name = "delivery-plan.md";
    std::fs::copy(
        repo_root().join("examples").join(name),
        dir.path().join(name),
    )
    .expect("copy");
    let mut snap = String::new();
    for value in ["blocked\n", "In\nProgress", "in\r\nprogress"] {
        snap.push_str(&transcript_in(
            dir.path(),
            name,
            &["set", name, "status", value, "--diff"],
        ));
    }
    insta::assert_snapshot!("one_line_status", snap);
}

#[test]
fn the_json_reports_the_value_as_written() {
    let (code, out, err, after) = run(
        BOLD,
        &["set", "plan.md", "owner", "bob\n", "--format", "json"],
    );
    assert_eq!((code, err.as_str()), (Some(0), ""));
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["value"], "bob");
    assert_eq!(json["places"][0]["new_value"], "bob");
    assert_eq!(after, BOLD.replace("ana", "bob"));
    let (code, out, err, _) = run(
        BOLD,
        &[
            "log",
            "plan.md",
            "Deployed\n",
            "--date",
            "2026-03-02",
            "--format",
            "json",
        ],
    );
    assert_eq!((code, err.as_str()), (Some(0), ""));
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["message"], "Deployed");
    assert_eq!(json["entry"]["text"], "- 2026-03-02: Deployed");
}
