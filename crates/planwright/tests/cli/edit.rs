//! `done`, `undo`, `set` and `log` as given → running → produces on every
//! example plan (the snapshot is the command, its output and the diff it
//! made), their errors, eight processes ticking one file, read-only files.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use crate::support::{examples, planwright, repo_root, stderr, stdout};

/// A temporary folder holding a copy of one example.
pub(crate) fn copy_example(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        repo_root().join("examples").join(name),
        dir.path().join(name),
    )
    .expect("copy example");
    dir
}

/// Runs `args` on a fresh copy of `name` and describes what happened: the
/// command, exit code, output, and the changed lines (`-` before, `+`
/// after, with line numbers).
fn given_running(name: &str, args: &[&str]) -> String {
    let dir = copy_example(name);
    given_running_in(dir.path(), name, args)
}

/// [`given_running`] in a prepared folder: `name` is the file to watch.
fn given_running_in(dir: &Path, name: &str, args: &[&str]) -> String {
    let before = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let out = planwright(args, dir);
    let after = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let mut s = format!("$ planwright {}\n", args.join(" "));
    let _ = writeln!(s, "exit {}", out.status.code().unwrap_or(-1));
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let _ = writeln!(s, "stdout| {line}");
    }
    for line in String::from_utf8_lossy(&out.stderr).lines() {
        let _ = writeln!(s, "stderr| {line}");
    }
    s.push_str(&diff(&before, &after));
    s
}

/// The changed region between two texts, line by line. Edits are local, so
/// a common prefix and suffix bound one hunk.
pub(crate) fn diff(before: &str, after: &str) -> String {
    if before == after {
        return "(file unchanged)\n".to_owned();
    }
    let a: Vec<&str> = before.split_inclusive('\n').collect();
    let b: Vec<&str> = after.split_inclusive('\n').collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut s = String::new();
    for (i, line) in a[prefix..a.len() - suffix].iter().enumerate() {
        let _ = writeln!(s, "-{:>4} {}", prefix + i + 1, show(line));
    }
    for (i, line) in b[prefix..b.len() - suffix].iter().enumerate() {
        let _ = writeln!(s, "+{:>4} {}", prefix + i + 1, show(line));
    }
    s
}

/// A line with its ending made visible, so CRLF and a missing final
/// newline show in snapshots.
fn show(line: &str) -> String {
    if let Some(l) = line.strip_suffix("\r\n") {
        format!("{l}␍␊")
    } else if let Some(l) = line.strip_suffix('\n') {
        l.to_owned()
    } else {
        format!("{line}⊘")
    }
}

/// The first task of the example in `state` (`open` / `done`), as the
/// user would name it: its id, or `#index`; `#1` when there is none, which
/// shows the error.
fn first_task(name: &str, state: &str) -> String {
    let dir = copy_example(name);
    let out = planwright(&["show", "--format", "json", name], dir.path());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let tasks = doc["tasks"].as_array().expect("tasks");
    let Some((i, t)) = tasks.iter().enumerate().find(|(_, t)| t["state"] == state) else {
        return "#1".to_owned();
    };
    let id = t["id"].as_str().expect("id");
    let explicit = tasks.iter().filter(|o| o["id"] == id).count() == 1 && !id.starts_with('#');
    if explicit {
        id.to_owned()
    } else {
        format!("#{}", i + 1)
    }
}

#[test]
fn edits_on_every_example() {
    for name in examples() {
        let open = first_task(&name, "open");
        let done = first_task(&name, "done");
        let runs = [
            vec!["done", &name, &open],
            vec!["done", "--start", &name, &open],
            vec!["undo", &name, &done],
            vec!["set", &name, "status", "blocked", "--force"],
            vec!["set", &name, "owner", "Ana Lima", "--add"],
            vec![
                "log",
                &name,
                "Review done | merged",
                "--date",
                "2026-11-21",
                "--create",
            ],
        ];
        let mut snap = String::new();
        for args in &runs {
            snap.push_str(&given_running(&name, args));
            snap.push('\n');
        }
        insta::assert_snapshot!(format!("edits_{name}"), snap);
    }
}

#[test]
fn done_then_undo_gives_back_the_file() {
    for name in examples() {
        let dir = copy_example(&name);
        let before = std::fs::read(dir.path().join(&name)).expect("read");
        let open = first_task(&name, "open");
        if !before.windows(5).any(|w| w == b"- [ ]" || w == b"* [ ]") {
            continue;
        }
        assert!(
            planwright(&["done", &name, &open], dir.path())
                .status
                .success()
        );
        assert_ne!(std::fs::read(dir.path().join(&name)).expect("read"), before);
        assert!(
            planwright(&["undo", &name, &open], dir.path())
                .status
                .success()
        );
        assert_eq!(
            std::fs::read(dir.path().join(&name)).expect("read"),
            before,
            "{name}"
        );
    }
}

#[test]
fn errors_write_nothing() {
    let name = "delivery-plan.md";
    let mut snap = String::new();
    for args in [
        vec!["done", name, "test"],
        vec!["done", name, "#1", "no such task"],
        vec!["done", name, "#99"],
        // A number is an id, not the task whose text holds "429".
        vec!["done", name, "4"],
        vec!["set", name, "status", "Shipped"],
        vec!["set", name, "owner", "Ana"],
        vec!["set", name, "author", "two\nlines"],
        vec!["log", name, "x", "--date", "2026-02-30"],
        vec!["done", "missing.md", "#1"],
    ] {
        snap.push_str(&given_running(name, &args));
        snap.push('\n');
    }
    snap.push_str(&given_running(
        "design-plan.md",
        &["log", "design-plan.md", "x"],
    ));
    insta::assert_snapshot!("edit_errors", snap);
}

#[test]
fn a_deferred_task_is_ticked_or_opened_like_any_other() {
    // Obsidian's `[>]`: the task and the one under it are deferred by the
    // mark, which `done` and `undo` replace.
    let src = "# P\n\n## Tasks\n\n- [>] Plugins\n  - [ ] Loader\n- [ ] Real\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.md");
    for (args, want) in [
        (["done", "plan.md", "Plugins"], "- [x] Plugins"),
        (["undo", "plan.md", "Plugins"], "- [ ] Plugins"),
    ] {
        std::fs::write(&path, src).expect("write");
        let out = planwright(&args, dir.path());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            src.replace("- [>] Plugins", want)
        );
    }
}

#[test]
fn a_log_table_of_one_column_is_refused() {
    let src = "# P\n\n## Progress Log\n\n| Date |\n|------|\n| 2024-01-01 |\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.md");
    std::fs::write(&path, src).expect("write");
    let out = planwright(
        &[
            "log",
            "plan.md",
            "important message",
            "--date",
            "2024-01-02",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: plan.md: the log's table on line 5 has one column, with no cell for the message beside the date; add a column for it (`| Date | Update |`)\n"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), src);
}

#[test]
fn eight_processes_tick_one_file_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.md");
    let mut src = String::from("# Plan\n\n## Phase 1: Work\n\n");
    for n in 1..=8 {
        let _ = writeln!(src, "- [ ] T00{n} task {n}");
    }
    std::fs::write(&path, &src).expect("write");
    // Spawned all before any is waited for, so they really overlap.
    let mut procs: Vec<_> = (1..=8)
        .map(|n| {
            Command::new(env!("CARGO_BIN_EXE_planwright"))
                .args(["done", "plan.md", &format!("T00{n}")])
                .current_dir(dir.path())
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for p in &mut procs {
        assert!(p.wait().expect("wait").success());
    }
    let out = std::fs::read_to_string(&path).expect("read");
    assert_eq!(out, src.replace("[ ]", "[x]"));
    let status = planwright(&["status", "--format", "json", "plan.md"], dir.path());
    let doc: serde_json::Value = serde_json::from_slice(&status.stdout).expect("json");
    assert_eq!(doc["plans"][0]["progress"]["done"], 8);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["plan.md"], "no temporary files left");
}

#[test]
fn read_only_file_or_folder_is_refused() {
    let name = "speckit-tasks.md";
    let dir = copy_example(name);
    let path = dir.path().join(name);
    let before = std::fs::read(&path).expect("read");
    let mut perms = std::fs::metadata(&path).expect("meta").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms.clone()).expect("chmod");
    let out = planwright(&["done", name, "T006"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "planwright: error: speckit-tasks.md: the file is read-only; nothing written\n"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    #[expect(
        clippy::permissions_set_readonly_false,
        reason = "restoring a test file"
    )]
    perms.set_readonly(false);
    std::fs::set_permissions(&path, perms).expect("chmod");

    let mut dir_perms = std::fs::metadata(dir.path()).expect("meta").permissions();
    dir_perms.set_readonly(true);
    std::fs::set_permissions(dir.path(), dir_perms.clone()).expect("chmod");
    let out = planwright(&["done", name, "T006"], dir.path());
    #[expect(
        clippy::permissions_set_readonly_false,
        reason = "restoring a test folder"
    )]
    dir_perms.set_readonly(false);
    std::fs::set_permissions(dir.path(), dir_perms).expect("chmod");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "planwright: error: speckit-tasks.md: its folder . is read-only; nothing written\n"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

#[test]
fn crlf_lone_cr_and_bom_survive_every_edit() {
    // Windows endings, and old Mac ones (a lone `\r`), which Markdown
    // reads as line endings too: edits write the file's own.
    let src = "\u{feff}# Plan\r\n\r\n**Status:** Draft\r\n\r\n- [ ] T001 a\r\n- [ ] T002 b\r\n\r\n## Progress Log\r\n\r\n- 2026-01-01: started";
    let want = "\u{feff}# Plan\r\n\r\n**Status:** In Progress\r\n**Owner:** Ana\r\n\r\n- [x] T001 a\r\n- [ ] T002 b\r\n\r\n## Progress Log\r\n\r\n- 2026-01-01: started\r\n- 2026-11-21: more";
    for ending in ["\r\n", "\r"] {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("p.md"), src.replace("\r\n", ending)).expect("write");
        for args in [
            vec!["done", "p.md", "T001"],
            vec!["set", "p.md", "status", "In Progress"],
            vec!["set", "p.md", "owner", "Ana", "--add"],
            vec!["log", "p.md", "more", "--date", "2026-11-21"],
        ] {
            let out = planwright(&args, dir.path());
            assert!(
                out.status.success(),
                "{ending:?} {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let after = std::fs::read_to_string(dir.path().join("p.md")).expect("read");
        assert_eq!(after, want.replace("\r\n", ending), "{ending:?}");
    }
}

#[test]
fn a_local_templates_status_values_are_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let templates = dir.path().join(".planwright/templates");
    std::fs::create_dir_all(&templates).expect("mkdir");
    std::fs::write(dir.path().join("planwright.toml"), "").expect("write");
    std::fs::write(
        templates.join("adr.md"),
        "# ADR: {{title}}\n\n**Decision ID:** {{id}}\n**Status:** Proposed\n\n## Consequences\n",
    )
    .expect("write");
    std::fs::write(
        templates.join("adr.toml"),
        "name = \"adr\"\nstatus_values = [\"Proposed\", \"Accepted\"]\n\n[[detect]]\nfield = \"Decision ID\"\nweight = 3\n",
    )
    .expect("write");
    let plan = "# ADR: Queue\n\n**Decision ID:** ADR-7\n**Status:** Proposed\n\n## Consequences\n";
    std::fs::write(dir.path().join("adr-7.md"), plan).expect("write");
    let mut snap = given_running_in(
        dir.path(),
        "adr-7.md",
        &["set", "adr-7.md", "status", "accepted"],
    );
    snap.push('\n');
    snap.push_str(&given_running_in(
        dir.path(),
        "adr-7.md",
        &["set", "adr-7.md", "status", "Done"],
    ));
    insta::assert_snapshot!("edit_local_dialect", snap);
}

/// Runs `args` on a fresh file `f.md` holding `src` and describes it as
/// [`given_running`] does, the file's text first.
fn given_text_running(src: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("f.md"), src).expect("write");
    let mut s = String::new();
    for line in src.split_inclusive('\n') {
        let _ = writeln!(s, "given| {}", show(line));
    }
    s.push_str(&given_running_in(dir.path(), "f.md", args));
    s
}

#[test]
fn edits_keep_the_plans_shape() {
    let risk = "# Plan\n\n**Owner:** al\n\n## Risks\n\n### Risk 1: Redis outage\n\n**Status:** Open\n\n## Tasks\n\n- [ ] a\n";
    let cases: [(&str, &[&str]); 13] = [
        (
            "---\nowner:\n  name: al\n---\n# P\n",
            &["set", "f.md", "owner", "bob"],
        ),
        (
            "---\nsummary: |\n  keep me\n---\n# P\n",
            &["set", "f.md", "summary", "x"],
        ),
        (
            "---\nstatus: draft # reviewed by QA\n---\n# P\n",
            &["set", "f.md", "status", "done"],
        ),
        (risk, &["set", "f.md", "status", "Done"]),
        (risk, &["set", "f.md", "status", "Done", "--add"]),
        (
            "Title\n=====\n\n- [ ] a\n",
            &["set", "f.md", "status", "x", "--add"],
        ),
        (
            "- [ ] Deploy\n- [ ] Deploy to prod\n",
            &["done", "f.md", "Deploy"],
        ),
        ("- [ ] [T003] bracket id\n", &["done", "f.md", "T003"]),
        (
            "- [ ] top\n\t- [ ] tabbed child\n",
            &["done", "f.md", "tabbed child"],
        ),
        (
            "## Progress Log\n\n- 2024-01-05: b\n- 2024-01-01: a\n",
            &["log", "f.md", "x", "--date", "2024-02-02"],
        ),
        (
            "## Progress Log\n\n### 2024-01-05\n\nb\n\n### 2024-01-01\n\na\n",
            &["log", "f.md", "x", "--date", "2024-02-02"],
        ),
        (
            "## Progress Log\n\n- 2024-01-05: b\n",
            &["log", "f.md", " ", "--date", "2024-02-02"],
        ),
        (
            "\u{feff}",
            &["log", "f.md", "x", "--date", "2024-02-02", "--create"],
        ),
    ];
    let mut snap = String::new();
    for (src, args) in cases {
        snap.push_str(&given_text_running(src, args));
        snap.push('\n');
    }
    insta::assert_snapshot!("edits_keep_the_plans_shape", snap);
}

#[test]
fn set_add_on_a_header_list_adds_its_next_item() {
    // A header written as list items gets one item more, bulleted and
    // ended like the others, not a bold paragraph above the list.
    let dir = tempfile::tempdir().expect("temp dir");
    for (bullet, le) in [("-", "\n"), ("*", "\r\n"), ("+", "\n")] {
        let plan = |items: &[&str]| {
            let items: String = items.iter().fold(String::new(), |mut out, i| {
                let _ = write!(out, "{bullet} {i}{le}");
                out
            });
            format!("# Plan: Demo{le}{le}{items}{le}## Tasks{le}{le}- [ ] T001 Do it{le}")
        };
        let fields = ["**Status:** Draft", "**Owner:** Ana"];
        std::fs::write(dir.path().join("h.md"), plan(&fields)).expect("write");
        let out = planwright(&["set", "h.md", "priority", "High", "--add"], dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out), "set priority: High\n");
        let after = std::fs::read_to_string(dir.path().join("h.md")).expect("read");
        assert_eq!(after, plan(&[fields[0], fields[1], "**Priority:** High"]));
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_or_socket_is_refused_without_waiting() {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let made = Command::new("mkfifo")
        .arg(dir.path().join("ff"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let _socket =
        std::os::unix::net::UnixListener::bind(dir.path().join("sock.md")).expect("socket");
    for args in [
        ["done", "ff", "a"].as_slice(),
        &["log", "ff", "x", "--create"],
        &["set", "ff", "status", "x", "--add"],
        &["log", "sock.md", "x", "--create"],
    ] {
        // A reader that opened the FIFO would wait for a writer forever.
        let out = crate::support::planwright_bounded(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("planwright: error: {}: not a regular file\n", args[1])
        );
    }
    let kind = |n: &str| std::fs::symlink_metadata(dir.path().join(n)).expect("meta");
    assert!(kind("ff").file_type().is_fifo());
    assert!(kind("sock.md").file_type().is_socket());
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 2);
}

#[test]
fn a_plan_with_a_long_name_is_edited() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = format!("{}.md", "n".repeat(240));
    std::fs::write(dir.path().join(&name), "- [ ] a\n").expect("write");
    let out = planwright(&["done", &name, "a"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&name)).expect("read"),
        "- [x] a\n"
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

#[test]
fn control_characters_from_the_plan_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = "# Plan\n\n- [ ] T001 Paint it \u{1b}[31mred\n- [ ] T002 Ring \u{7}\n";
    std::fs::write(dir.path().join("plan.md"), plan).expect("write");
    let out = planwright(&["done", "plan.md", "T001"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "T001 done: Paint it \u{241b}[31mred\n");
    // An error lists the tasks, texts and all.
    let out = planwright(&["done", "plan.md", "nothing like it"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(!err.contains(['\u{1b}', '\u{7}']), "{err:?}");
    assert!(err.contains("Ring \u{2407}"), "{err}");
}
