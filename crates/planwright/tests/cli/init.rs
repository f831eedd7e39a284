//! `planwright init`: what it creates, and that a second run changes nothing.

use std::collections::BTreeMap;
use std::path::Path;

use crate::new::planwright;

/// Every file and folder under `dir` with its bytes (empty for folders).
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let path = e.expect("entry").path();
            let rel = path
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            if path.is_dir() {
                stack.push(path.clone());
                out.insert(format!("{rel}/"), Vec::new());
            } else {
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

#[test]
fn init_twice_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = planwright(dir.path(), &["init"]);
    assert!(first.status.success());
    insta::assert_snapshot!("init_first", String::from_utf8_lossy(&first.stdout));
    let files: Vec<String> = tree(dir.path()).into_keys().collect();
    assert_eq!(
        files,
        [".planwright/", ".planwright/templates/", "planwright.toml"]
    );
    let before = tree(dir.path());
    let second = planwright(dir.path(), &["init"]);
    assert_eq!(second.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&second.stdout),
        "Already set up: planwright.toml and .planwright/templates/ exist; nothing changed.\n"
    );
    assert_eq!(tree(dir.path()), before);
}

#[test]
fn init_keeps_an_existing_config_and_adds_what_is_missing() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("planwright.toml"), "[new]\ndigits = 4\n").expect("write");
    let out = planwright(dir.path(), &["init"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "planwright.toml already exists; left unchanged\n\
         Created .planwright/templates/ (put NAME.md there, optionally with NAME.toml)\n\
         Next: planwright new \"<title>\" [-t TEMPLATE]\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("planwright.toml")).expect("read"),
        "[new]\ndigits = 4\n"
    );
    // The new folder is used: four digits from the kept configuration.
    let out = planwright(dir.path(), &["new", "First", "--dry-run"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("Would create specs/0001-first/plan.md")
    );
}

#[cfg(target_os = "linux")]
#[test]
fn completions_report_a_failed_write_instead_of_panicking() {
    // clap_complete panics when its writer fails; a full disk must be an
    // error like any other command's.
    let full = std::fs::File::create("/dev/full").expect("/dev/full");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_planwright"))
        .args(["completions", "bash"])
        .stdout(full)
        .output()
        .expect("run planwright");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "planwright: error: No space left on device (os error 28)\n"
    );
}

#[test]
fn completions_offer_template_and_dialect_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = planwright(dir.path(), &["completions", "zsh"]);
    assert_eq!(out.status.code(), Some(0));
    let script = String::from_utf8_lossy(&out.stdout);
    // `new -t` and `templates show` complete template names, not files.
    assert!(
        script.lines().any(|l| l.starts_with("'--template=[")
            && l.ends_with(":TEMPLATE:(speckit design delivery rfc roadmap)' \\")),
        "{script}"
    );
    assert!(
        script
            .contains(":DIALECT:(generic speckit design delivery rfc roadmap speckit-tasks kiro)")
    );
    // Rule selectors complete `ALL`, codes and names, not files.
    let bash = planwright(dir.path(), &["completions", "bash"]);
    let bash = String::from_utf8_lossy(&bash.stdout);
    let select = bash
        .split("--select)")
        .nth(1)
        .and_then(|rest| rest.lines().nth(1))
        .unwrap_or_default();
    assert!(
        select.contains("-W \"ALL PW101 unfilled-placeholder PW102"),
        "{select}"
    );
    // Any name still passes: a local template is looked up by the command.
    let out = planwright(dir.path(), &["new", "X", "-t", "mine", "--dry-run"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("unknown template `mine`"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
