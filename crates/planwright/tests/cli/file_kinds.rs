//! Files that are no plan (a named pipe, a binary or UTF-16 file), a plan
//! the user may not write, and names that are not UTF-8: one error naming
//! the file, exit 2, nothing changed on disk.

use std::process::Command;

use crate::support::{
    planwright, planwright_bounded, planwright_with_input, stderr, stdout, write,
};

/// Every command that reads a plan, with what it needs after the path.
const READERS: [&[&str]; 9] = [
    &["lint"],
    &["show"],
    &["status"],
    &["next"],
    &["graph"],
    &["done", "T001"],
    &["undo", "T001"],
    &["set", "status", "Done"],
    &["log", "note", "--create"],
];

/// `planwright COMMAND PLAN REST...` for each of [`READERS`].
fn reader_args<'a>(command: &[&'a str], plan: &'a str) -> Vec<&'a str> {
    let mut args = vec![command[0], plan];
    args.extend_from_slice(&command[1..]);
    args
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_by_every_command_without_waiting() {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("fifo-plan.md");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    for command in READERS {
        let args = reader_args(command, "fifo-plan.md");
        // Opening the pipe to read it would wait for a writer forever.
        let out = planwright_bounded(&args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out),
            "planwright: error: fifo-plan.md: not a regular file\n",
            "{args:?}"
        );
    }
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_fifo()
    );
}

/// A pipe the shell hands over, as `show <(git show main:plan.md)` does, is
/// still read: it is an open descriptor, whose writer is there already.
#[cfg(target_os = "linux")]
#[test]
fn a_pipe_handed_over_by_the_shell_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = planwright_with_input(
        &["show", "/dev/stdin"],
        dir.path(),
        b"# Piped plan\n\n- [ ] T001 a\n",
    );
    assert_eq!(stderr(&out), "");
    assert!(stdout(&out).starts_with("Piped plan\n"), "{}", stdout(&out));
}

/// A named pipe the shell hands over as a descriptor (`show /dev/stdin <
/// fifo`) is read as `show - < fifo` reads it, also once its writer has
/// written and gone, leaving the text in the pipe, where opening the
/// pipe's path to read would wait for another writer.
#[cfg(target_os = "linux")]
#[test]
fn a_named_pipe_handed_over_by_the_shell_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.md", "# Piped plan\n\n- [ ] T001 a\n");
    let made = Command::new("mkfifo")
        .arg(dir.path().join("fifo"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    for (path, fd) in [
        ("-", 0),
        ("/dev/stdin", 0),
        ("/dev/fd/0", 0),
        ("/proc/self/fd/0", 0),
        ("/dev/fd/3", 3),
        ("/proc/self/fd/3", 3),
    ] {
        // The shell's open of the pipe waits for `cat`, and `wait` for
        // `cat` to finish, before planwright starts.
        let script = format!("cat plan.md > fifo & exec {fd}< fifo; wait; exec \"$0\" show {path}");
        let mut sh = Command::new("sh");
        sh.args(["-c", &script, env!("CARGO_BIN_EXE_planwright")])
            .current_dir(dir.path());
        let out = crate::support::bounded(sh, path);
        assert_eq!(
            (out.status.code(), stderr(&out).as_str()),
            (Some(0), ""),
            "{path}"
        );
        assert!(
            stdout(&out).starts_with("Piped plan\n"),
            "{path}: {}",
            stdout(&out)
        );
    }
}

/// `# Plan` and an open task under a done status, as UTF-16LE without a
/// byte-order mark: every ASCII letter comes with a NUL byte.
fn utf16(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[test]
fn a_file_with_a_nul_byte_is_no_plan_for_any_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let u16_plan = utf16("# Plan\n\n**Status:** Completed\n\n- [ ] T001 open task\n");
    std::fs::write(dir.path().join("u16-plan.md"), &u16_plan).expect("write");
    std::fs::write(dir.path().join("nul-plan.md"), [0u8; 1000]).expect("write");
    // A NUL further on is named by its line, as a byte that is not UTF-8 is.
    std::fs::write(dir.path().join("late-plan.md"), b"# Plan\n\n- [ ] a\0\n").expect("write");
    for (name, at) in [
        ("u16-plan.md", "offset 1, line 1"),
        ("nul-plan.md", "offset 0, line 1"),
        ("late-plan.md", "offset 15, line 3"),
    ] {
        let before = std::fs::read(dir.path().join(name)).expect("read");
        for command in READERS {
            let args = reader_args(command, name);
            let out = planwright(&args, dir.path());
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert_eq!(
                stderr(&out),
                format!(
                    "planwright: error: {name}: not a text file (NUL byte at {at}); planwright reads UTF-8\n"
                ),
                "{args:?}"
            );
        }
        assert_eq!(std::fs::read(dir.path().join(name)).expect("read"), before);
    }
    // `lint` reports it as it reports a file that is not UTF-8: in its
    // summary, and in the JSON's and SARIF's errors.
    let out = planwright(&["lint", "u16-plan.md"], dir.path());
    assert_eq!(
        stdout(&out),
        "No problems found in 0 files; 1 file could not be read.\n"
    );
    let message = "not a text file (NUL byte at offset 1, line 1); planwright reads UTF-8";
    let out = planwright(&["lint", "u16-plan.md", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        json["errors"],
        serde_json::json!([{"path": "u16-plan.md", "message": message, "line": 1}])
    );
    let out = planwright(&["lint", "u16-plan.md", "--format", "sarif"], dir.path());
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("sarif");
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"][0]["message"]["text"],
        format!("u16-plan.md: {message}")
    );
    // Walking a folder, such a file is one that could not be read.
    write(dir.path(), "good-plan.md", "# Good\n\n- [ ] T001 a\n");
    let out = planwright(&["lint", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stdout(&out),
        "No problems found in 1 file; 3 files could not be read.\n"
    );
    assert!(
        stderr(&out).contains(&format!("planwright: error: u16-plan.md: {message}\n")),
        "{}",
        stderr(&out)
    );
    // And from standard input.
    let out = planwright_with_input(&["show", "-"], dir.path(), &u16_plan);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: <stdin>: not a text file (NUL byte at offset 1, line 1); planwright reads UTF-8\n"
    );
}

const FIXABLE: &str = "# Plan\n\n- [X] T001 a\n- [ ] T002 b\n";

#[cfg(unix)]
#[test]
fn a_fix_that_could_not_be_written_says_so_in_the_summary() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "ro/plan.md", FIXABLE);
    let ro = dir.path().join("ro");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let fix = |extra: &[&str]| {
        let mut args = vec!["lint", "ro/plan.md", "--select", "PW501", "--fix"];
        args.extend_from_slice(extra);
        planwright(&args, dir.path())
    };
    let human = fix(&[]);
    let table = fix(&["--statistics"]);
    let unread_too = fix(&["missing-plan.md"]);
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(human.status.code(), Some(2));
    assert!(
        stdout(&human).ends_with(
            "Found 1 info in 1 file (1 fixable with --fix); 1 file could not be written.\n"
        ),
        "{}",
        stdout(&human)
    );
    assert_eq!(
        stderr(&human),
        "planwright: error: ro/plan.md: its folder ro is read-only; nothing written\n"
    );
    assert!(
        stdout(&table).ends_with("; 1 file could not be written.\n"),
        "{}",
        stdout(&table)
    );
    assert!(
        stdout(&unread_too).ends_with("; 1 file could not be read; 1 file could not be written.\n"),
        "{}",
        stdout(&unread_too)
    );
    assert_eq!(
        std::fs::read_to_string(ro.join("plan.md")).expect("read"),
        FIXABLE
    );
}

#[cfg(unix)]
#[test]
fn sarif_names_a_file_whose_name_is_not_utf8_by_its_bytes() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let name = std::ffi::OsStr::from_bytes(b"bad\xff-plan.md");
    std::fs::write(dir.path().join(name), FIXABLE).expect("write");
    let unreadable = std::ffi::OsStr::from_bytes(b"nul\xfe-plan.md");
    std::fs::write(dir.path().join(unreadable), b"\0").expect("write");
    let out = planwright(
        &["lint", ".", "--select", "PW501", "--format", "sarif"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("sarif");
    let run = &sarif["runs"][0];
    let result = &run["results"][0];
    let expected = serde_json::json!({"uri": "bad%FF-plan.md", "uriBaseId": "%SRCROOT%"});
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"],
        expected
    );
    assert_eq!(
        result["fixes"][0]["artifactChanges"][0]["artifactLocation"],
        expected
    );
    let notification = &run["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"],
        serde_json::json!({"uri": "nul%FE-plan.md", "uriBaseId": "%SRCROOT%"})
    );
    // Messages still show the name as text, the byte escaped.
    assert_eq!(
        notification["message"]["text"],
        "nul\\xFE-plan.md: not a text file (NUL byte at offset 0, line 1); planwright reads UTF-8"
    );
}

/// Every command that writes, on a plan with something to write.
const WRITERS: [&[&str]; 5] = [
    &["done", "plan.md", "T002"],
    &["undo", "plan.md", "T001"],
    &["set", "plan.md", "owner", "Ann", "--add"],
    &["log", "plan.md", "note", "--create"],
    &["lint", "plan.md", "--select", "PW501", "--fix"],
];

/// A plan whose mode bits allow writing but whose user may not write it is
/// not replaced: the folder would allow the rename, which would also make
/// the file the writer's. Run as `nobody` on root's file when the tests
/// run as root (who may write any file), else on a file of mode 464,
/// writable by its group but not by its owner.
#[cfg(unix)]
#[test]
fn a_file_the_user_may_not_write_is_left_alone() {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.md");
    std::fs::write(&plan, FIXABLE).expect("write");
    let root = std::fs::metadata(&plan).expect("meta").uid() == 0;
    let mode = if root { 0o644 } else { 0o464 };
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(mode)).expect("chmod");
    // A folder anyone may write to, as a shared one is.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let owner = std::fs::metadata(&plan).expect("meta").uid();
    for args in WRITERS {
        let out = if root {
            let out = Command::new("setpriv")
                .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_planwright"))
                .args(args)
                .current_dir(dir.path())
                .output();
            match out {
                Ok(out) if out.status.code().is_some_and(|c| c < 126) => out,
                // No setpriv, or a binary `nobody` may not run.
                _ => {
                    eprintln!(
                        "skipped: running as root, and cannot run planwright as nobody (setpriv)"
                    );
                    return;
                }
            }
        } else {
            planwright(args, dir.path())
        };
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).ends_with("plan.md: the file is read-only; nothing written\n"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert_eq!(std::fs::read_to_string(&plan).expect("read"), FIXABLE);
    let meta = std::fs::metadata(&plan).expect("meta");
    assert_eq!((meta.uid(), meta.mode() & 0o777), (owner, mode));
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(names.len(), 1);
}
