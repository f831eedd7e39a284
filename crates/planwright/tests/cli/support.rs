//! What the CLI test modules share: the repository's root, its example
//! plans, and running the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The example plans' file names, sorted.
pub(crate) fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo_root().join("examples"))
        .expect("examples/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| {
            Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"))
                && n != "README.md"
        })
        .collect();
    names.sort();
    assert!(names.len() >= 7, "examples/ should hold a plan per dialect");
    names
}

/// Writes `content` to `dir/rel`, making its folders.
pub(crate) fn write(dir: &Path, rel: &str, content: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("a file in a folder")).expect("mkdir");
    std::fs::write(path, content).expect("write");
}

/// A run's standard output, as text (lossily: a test compares it).
pub(crate) fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A run's standard error, as text.
pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `planwright ARGS` in `cwd`, without colour.
pub(crate) fn planwright(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planwright"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run planwright")
}

/// What `lint FILE --select CODE --format concise` prints in `cwd`:
/// one rule's findings on one plan, a line each.
pub(crate) fn concise(cwd: &Path, file: &str, code: &str) -> String {
    stdout(&planwright(
        &["lint", file, "--select", code, "--format", "concise"],
        cwd,
    ))
}

/// `$ planwright ARGS`, its exit code, standard output, and standard
/// error a line each after `stderr| `: a run as a snapshot shows it.
pub(crate) fn transcript(args: &[&str], cwd: &Path) -> String {
    use std::fmt::Write as _;
    let out = planwright(args, cwd);
    let mut s = format!(
        "$ planwright {}\nexit {}\n{}",
        args.join(" "),
        out.status.code().unwrap_or(-1),
        stdout(&out)
    );
    for line in stderr(&out).lines() {
        let _ = writeln!(s, "stderr| {line}");
    }
    s
}

/// Runs `planwright ARGS` in `cwd` with `input` on its standard input.
pub(crate) fn planwright_with_input(args: &[&str], cwd: &Path, input: &[u8]) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_planwright"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run planwright");
    // Written from a thread: a large input must not fill the pipe while
    // planwright waits to write its output. A command that stops before
    // reading (a usage error) closes the pipe; that is not the test's
    // failure.
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || match stdin.write_all(&input) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    });
    let out = child.wait_with_output().expect("wait for planwright");
    writer.join().expect("writer").expect("write stdin");
    out
}

/// A temporary folder holding a copy of every example, with a
/// `planwright.toml` that makes every Markdown file in it a plan (and the
/// folder the repository root, for `next`).
pub(crate) fn folder_of_examples() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in examples() {
        std::fs::copy(
            repo_root().join("examples").join(&name),
            dir.path().join(&name),
        )
        .expect("copy");
    }
    std::fs::write(
        dir.path().join("planwright.toml"),
        "[plans]\ninclude = [\"**/*.md\"]\n",
    )
    .expect("write");
    dir
}

/// Runs `planwright ARGS` in `cwd`, failing the test rather than waiting
/// forever should it block.
pub(crate) fn planwright_bounded(args: &[&str], cwd: &Path) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_planwright"));
    command
        .args(args)
        .current_dir(cwd)
        .stdin(std::process::Stdio::null());
    bounded(command, &format!("{args:?}"))
}

/// Runs `command` (called `what` in a failure), failing the test rather
/// than waiting forever should it block.
pub(crate) fn bounded(mut command: Command, what: &str) -> Output {
    let mut child = command
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > std::time::Duration::from_secs(30) {
            let _ = child.kill();
            panic!("{what} blocked");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// Runs `planwright ARGS` in a folder holding `plan.md` with `text`: the
/// exit code, standard output, standard error, and the plan's text after.
pub(crate) fn run_on_plan(text: &str, args: &[&str]) -> (Option<i32>, String, String, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("plan.md"), text).expect("write");
    let out = planwright(args, dir.path());
    let after = std::fs::read_to_string(dir.path().join("plan.md")).expect("read");
    (out.status.code(), stdout(&out), stderr(&out), after)
}

/// The JSON `planwright ARGS` prints in `cwd`; a panic names the command
/// and its standard error when there is none.
pub fn json_of(args: &[&str], cwd: &Path) -> serde_json::Value {
    let out = planwright(args, cwd);
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("planwright {}: {e}\n{}", args.join(" "), stderr(&out)))
}

/// What `next --format json` lists under `key` (`waiting`, `blocked`):
/// each task's plan, id and what it waits for, in order.
pub fn waits_in<'a>(
    doc: &'a serde_json::Value,
    key: &str,
) -> Vec<(&'a str, &'a str, &'a serde_json::Value)> {
    doc[key]
        .as_array()
        .unwrap_or_else(|| panic!("no `{key}` list in {doc}"))
        .iter()
        .map(|w| {
            (
                w["path"].as_str().expect("path"),
                w["id"].as_str().expect("id"),
                &w["waits_for"],
            )
        })
        .collect()
}
