//! An error that quotes a name the user typed (a task, a field, a status,
//! `--date`, a template, a rule, a dialect, a `--set`) stays one line: a
//! line break or control character in the name is shown escaped, `\n`.

use std::fmt::Write as _;

use crate::support::{planwright, repo_root, stderr};

const PLAN: &str = "# P\n\nOwner: ana\nStatus: Draft\n\n## Phase 1\n\n- [ ] T001 Create project\n- [ ] T002 Add config\n";

#[test]
fn errors_quote_typed_names_escaped_on_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("plan.md"), PLAN).expect("write");
    std::fs::copy(
        repo_root().join("examples/delivery-plan.md"),
        dir.path().join("delivery-plan.md"),
    )
    .expect("copy");
    let mut snap = String::new();
    for args in [
        ["done", "plan.md", "T001\nT002"].as_slice(),
        &["undo", "plan.md", "T0\u{1b}[31m01"],
        &["done", "plan.md", "T001", "x\ry", "#9\tz"],
        &["done", "plan.md", "T00\n"],
        &["set", "plan.md", "own\ter", "x"],
        &["set", "plan.md", "rev\tiewer", "x", "--add"],
        &["set", "delivery-plan.md", "status", "Ship\tped"],
        &["log", "plan.md", "x", "--date", "2026-03\n-02"],
        &["rules", "PW\n1"],
        &["templates", "show", "a\nb"],
        &["new", "T", "-t", "a\u{1b}b", "--dry-run"],
        &["new", "T", "--set", "status=Wa\nit", "--dry-run"],
        &["show", "plan.md", "--dialect", "x\u{202e}y"],
        &["lint", "plan.md", "--select", "PW\n1"],
    ] {
        let out = planwright(args, dir.path());
        let err = stderr(&out);
        // One line of error, then only the candidates `done` lists, each
        // indented under it; nothing the terminal would act on.
        let (first, rest) = err.split_once('\n').expect("an error line");
        assert!(first.starts_with("planwright: error: "), "{args:?}: {err}");
        assert!(rest.lines().all(|l| l.starts_with("  ")), "{args:?}: {err}");
        assert!(
            !err.contains(|c: char| c.is_control() && c != '\n'),
            "{args:?}: {err:?}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("plan.md")).expect("read"),
            PLAN
        );
        let shown: Vec<String> = args.iter().map(|a| format!("{a:?}")).collect();
        let _ = writeln!(
            snap,
            "$ planwright {}\nexit {}\n{err}",
            shown.join(" "),
            out.status.code().unwrap_or(-1)
        );
    }
    insta::assert_snapshot!("typed_names", snap);
}
