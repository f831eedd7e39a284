//! `planwright lint` (and `status`, `next`, `show`, `graph`) on awkward
//! inputs: a file named by two paths or hard-linked under two names,
//! lone-CR line endings in a patch, a byte-order mark, dependency cycles,
//! configuration globs and severities, and file names that a SARIF URI
//! must encode.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail loudly on a broken fixture"
)]

use std::path::Path;
use std::process::Output;

use crate::support::{concise, planwright, planwright_with_input, stderr, stdout, write};

/// Runs `git apply ARGS` on `patch` in `dir`, with no user configuration.
fn git_apply(dir: &Path, args: &[&str], patch: &[u8]) -> Output {
    std::fs::write(dir.join("fixes.patch"), patch).unwrap();
    std::process::Command::new("git")
        .arg("apply")
        .args(args)
        .arg("fixes.patch")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap()
}

#[test]
fn a_file_named_by_two_paths_is_linted_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "d-plan.md", "# P\n\n- [X] a\n");
    let absolute = root.join("d-plan.md");
    let absolute = absolute.to_str().unwrap();
    for paths in [
        &["d-plan.md", "."][..],
        &[".", "d-plan.md"],
        &["d-plan.md", "./d-plan.md"],
        &["d-plan.md", "d-plan.md"],
        &["d-plan.md", absolute],
    ] {
        let mut args = vec!["lint", "--select", "PW5", "--format", "concise"];
        args.extend(paths);
        let out = planwright(&args, root);
        assert_eq!(
            stdout(&out),
            "d-plan.md:3:3: PW501 check mark written as upper-case `X`\n",
            "{paths:?}"
        );
    }
    // The patch has one hunk for the file, so it applies.
    let diff = planwright(
        &["lint", "d-plan.md", ".", "--select", "PW5", "--diff"],
        root,
    );
    let applied = git_apply(root, &["--check"], &diff.stdout);
    assert!(applied.status.success(), "{}", stderr(&applied));
    std::fs::remove_file(root.join("fixes.patch")).unwrap();
    // --fix fixes it once, and finds it unchanged since it was read.
    let fix = planwright(
        &["lint", "d-plan.md", ".", "--select", "PW5", "--fix"],
        root,
    );
    assert_eq!(fix.status.code(), Some(0), "{}", stderr(&fix));
    assert!(
        stderr(&fix).contains("Fixed 1 finding in 1 file."),
        "{}",
        stderr(&fix)
    );
    assert_eq!(
        std::fs::read_to_string(root.join("d-plan.md")).unwrap(),
        "# P\n\n- [x] a\n"
    );
    let status = planwright(&["status", "d-plan.md", "."], root);
    let table = stdout(&status);
    assert!(
        table.lines().last().unwrap().starts_with("1 plan "),
        "{table}"
    );
}

#[cfg(unix)]
#[test]
fn hard_links_are_one_file_read_under_the_first_name() {
    // `ln b-plan.md a-plan.md`: one file, reported (and fixed) once, under
    // the first name in the output's order, or the first named.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "d/b-plan.md",
        "# P\n\nOwner: [OWNER]\n\n- [X] a\n- [ ] b\n",
    );
    std::fs::hard_link(root.join("d/b-plan.md"), root.join("d/a-plan.md")).unwrap();
    let lint = |paths: &[&str]| {
        let mut args = vec!["lint", "--extend-select", "PW5", "--format", "concise"];
        args.extend(paths);
        stdout(&planwright(&args, root))
    };
    let findings = |name: &str| {
        format!(
            "{name}:3:8: PW101 unfilled placeholder `[OWNER]` in metadata\n{name}:5:3: PW501 check mark written as upper-case `X`\n"
        )
    };
    assert_eq!(lint(&["d"]), findings("d/a-plan.md"));
    assert_eq!(lint(&["d/b-plan.md", "d"]), findings("d/b-plan.md"));
    assert_eq!(
        lint(&["d/b-plan.md", "d/a-plan.md"]),
        findings("d/b-plan.md")
    );
    let status = stdout(&planwright(&["status", "d"], root));
    assert!(
        status.lines().last().unwrap().starts_with("1 plan "),
        "{status}"
    );
    let next = stdout(&planwright(&["next", "d"], root));
    assert!(
        next.starts_with("d/a-plan.md\n") && !next.contains("b-plan"),
        "{next}"
    );
    // --fix applies the fix once, and in place: both names are one file
    // still, and both see the fix.
    let fix = planwright(&["lint", "--extend-select", "PW5", "--fix", "d"], root);
    assert!(
        stderr(&fix).contains("Fixed 1 finding in 1 file."),
        "{}",
        stderr(&fix)
    );
    let read = |name: &str| std::fs::read_to_string(root.join(name)).unwrap();
    assert_eq!(
        read("d/a-plan.md"),
        "# P\n\nOwner: [OWNER]\n\n- [x] a\n- [ ] b\n"
    );
    assert_eq!(read("d/b-plan.md"), read("d/a-plan.md"));
}

#[test]
fn a_patch_for_lone_carriage_returns_applies() {
    // git reads a file of lone-CR endings as one line without a newline at
    // its end; the patch says so, and in a run of several files the next
    // file's header starts on a line of its own.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "cr-plan.md", "# Plan\r\r- [X] a\r");
    write(root, "d-plan.md", "# P\n\n- [X] a\n");
    let diff = planwright(
        &[
            "lint",
            "cr-plan.md",
            "d-plan.md",
            "--select",
            "PW501",
            "--diff",
        ],
        root,
    );
    assert!(
        stdout(&diff).starts_with(
            "--- a/cr-plan.md\n+++ b/cr-plan.md\n@@ -1 +1 @@\n-# Plan\r\r- [X] a\r\n\\ No newline at end of file\n+# Plan\r\r- [x] a\r\n\\ No newline at end of file\n--- a/d-plan.md\n"
        ),
        "{:?}",
        stdout(&diff)
    );
    let applied = git_apply(root, &[], &diff.stdout);
    assert!(applied.status.success(), "{}", stderr(&applied));
    assert_eq!(
        std::fs::read_to_string(root.join("cr-plan.md")).unwrap(),
        "# Plan\r\r- [x] a\r"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("d-plan.md")).unwrap(),
        "# P\n\n- [x] a\n"
    );
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b-plan.md", "\u{feff}- [X] a [OWNER]\n");
    write(root, "n-plan.md", "- [X] a [OWNER]\n");
    let lint = |name: &str, format: &str| {
        let args = ["lint", name, "--select", "PW501", "--format", format];
        stdout(&planwright(&args, root)).replace(name, "PLAN")
    };
    // With or without the mark, every format says the same.
    for format in ["concise", "github", "human"] {
        assert_eq!(
            lint("b-plan.md", format),
            lint("n-plan.md", format),
            "{format}"
        );
    }
    assert!(lint("b-plan.md", "concise").starts_with("PLAN:1:3: PW501"));
    let json: serde_json::Value = serde_json::from_str(&lint("b-plan.md", "json")).unwrap();
    let start = &json["diagnostics"][0]["range"]["start"];
    assert_eq!(
        (&start["offset"], &start["line"], &start["column"]),
        (&5.into(), &1.into(), &3.into()),
        "byte offsets stay offsets into the file"
    );
    let sarif: serde_json::Value = serde_json::from_str(&lint("b-plan.md", "sarif")).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&region["startColumn"], &region["charOffset"]),
        (&3.into(), &2.into())
    );
    let deleted = &result["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"];
    assert_eq!(deleted["charOffset"], 3);
    let show = |name| stdout(&planwright(&["show", name], root));
    assert!(
        show("b-plan.md").contains("   1:9   bracket"),
        "{}",
        show("b-plan.md")
    );
    assert!(
        show("n-plan.md").contains("   1:9   bracket"),
        "{}",
        show("n-plan.md")
    );
}

#[test]
fn lint_and_graph_print_a_cycle_the_same_way_round() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "plan.md",
        "# Plan\n\n- [ ] T001 a\n- [ ] T002 b\n- [ ] T003 c\n\nT001 → T002 → T003 → T001\n",
    );
    assert_eq!(
        concise(dir.path(), "plan.md", "PW207"),
        "plan.md:3:1: PW207 dependency cycle between tasks: T001 → T002 → T003 → T001\n"
    );
    // At the place lint gives, too.
    let graph = planwright(&["graph", "plan.md"], dir.path());
    assert_eq!(
        stderr(&graph),
        "planwright: error: plan.md:3:1: dependency cycle: T001 → T002 → T003 → T001\n"
    );
}

#[test]
fn graph_warns_of_unknown_dependencies_where_lint_reports_them() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "plan.md",
        "# G\n\n## Phase 1: A\n\n- [ ] T001 a (depends on T999)\n\n## Phase 2: B\n\nDepends on Phase 9.\n\n- [ ] T002 b\n",
    );
    assert_eq!(
        concise(dir.path(), "plan.md", "PW206"),
        "plan.md:5:26: PW206 T001 depends on T999, which does not exist\n\
         plan.md:9:12: PW206 Phase 2 depends on Phase 9, which does not exist\n"
    );
    let warnings = "planwright: warning: plan.md:5:26: T001 depends on T999, which does not exist\n\
                    planwright: warning: plan.md:9:12: Phase 2 depends on Phase 9, which does not exist\n";
    for format in ["mermaid", "dot", "json"] {
        let graph = planwright(&["graph", "plan.md", "--format", format], dir.path());
        // No edge to draw, as `next` lets nothing wait for them: the
        // graph is whole, and only `lint` fails on them.
        assert_eq!(graph.status.code(), Some(0), "{format}");
        assert_eq!(stderr(&graph), warnings, "{format}");
    }
    let json = planwright(&["graph", "plan.md", "--format", "json"], dir.path());
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["edges"], serde_json::json!([]));
    let unknown = doc["unknown_dependencies"].as_array().unwrap();
    let found: Vec<(&str, &serde_json::Value, &serde_json::Value)> = unknown
        .iter()
        .map(|u| {
            let start = &u["range"]["start"];
            (
                u["message"].as_str().unwrap(),
                &start["line"],
                &start["column"],
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "T001 depends on T999, which does not exist",
                &5.into(),
                &26.into()
            ),
            (
                "Phase 2 depends on Phase 9, which does not exist",
                &9.into(),
                &12.into()
            ),
        ]
    );
    // Silenced for lint on its line, silenced here too.
    write(
        dir.path(),
        "quiet.md",
        "# Q\n\n<!-- planwright-disable-next-line PW206 -->\n- [ ] T001 a (depends on T999)\n",
    );
    let quiet_lint = planwright(&["lint", "quiet.md", "--select", "PW206"], dir.path());
    assert_eq!(quiet_lint.status.code(), Some(0), "{}", stdout(&quiet_lint));
    let quiet = planwright(&["graph", "quiet.md"], dir.path());
    assert_eq!(
        (quiet.status.code(), stderr(&quiet)),
        (Some(0), String::new())
    );
}

#[test]
fn config_globs_point_at_their_line_and_take_a_leading_dot_slash() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b-plan.md", "# P\n\n- [X] a\n");
    write(root, "c-plan.md", "# P\n\n- [X] a\n");
    write(
        root,
        "planwright.toml",
        "[lint]\nextend-select = [\"PW501\"]\n\n[[lint.overrides]]\nfiles = [\"a/**\", \"[bad\"]\n",
    );
    let out = planwright(&["lint", "b-plan.md"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "planwright.toml:5:18: lint.overrides[0].files[1]: invalid glob `[bad`: unclosed character class"
        ),
        "{}",
        stderr(&out)
    );
    write(
        root,
        "planwright.toml",
        "[plans]\ninclude = [\"./*-plan.md\"]\nexclude = [\"./c-plan.md\"]\n\n[lint]\nextend-select = [\"PW501\"]\n\n[[lint.overrides]]\nfiles = [\"./b-plan.md\"]\nignore = [\"PW5\"]\n",
    );
    let out = planwright(
        &["lint", "--format", "concise", "b-plan.md", "c-plan.md"],
        root,
    );
    assert_eq!(
        stdout(&out),
        "c-plan.md:3:3: PW501 check mark written as upper-case `X`\n"
    );
    let status = planwright(&["status", "."], root);
    let table = stdout(&status);
    assert!(
        table.contains("b-plan.md") && !table.contains("c-plan.md"),
        "{table}"
    );
}

#[test]
fn the_most_specific_severity_wins_however_its_key_is_spelled() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "cyc-plan.md",
        "# P\n\n- [ ] T001 a (depends on T002)\n- [ ] T002 b (depends on T001)\n",
    );
    // Exit 1 only if the cycle (PW207) is still an error.
    let cases = [
        ("{ ALL = \"warning\", PW207 = \"error\" }", 1),
        ("{ all = \"warning\", PW207 = \"error\" }", 1),
        ("{ pw2 = \"info\", dependency-cycle = \"error\" }", 1),
        ("{ PW = \"error\", pw2 = \"warning\" }", 0),
    ];
    for (severity, code) in cases {
        write(
            root,
            "planwright.toml",
            &format!("[lint]\nseverity = {severity}\n"),
        );
        let out = planwright(&["lint"], root);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{severity}: {}",
            stderr(&out)
        );
    }
    // An override applies over `[lint]` for its files, however specific.
    write(
        root,
        "planwright.toml",
        "[lint]\nseverity = { PW207 = \"error\" }\n\n[[lint.overrides]]\nfiles = [\"cyc-plan.md\"]\nseverity = { all = \"warning\" }\n",
    );
    assert_eq!(planwright(&["lint"], root).status.code(), Some(0));
    write(
        root,
        "planwright.toml",
        "[lint]\nseverity = { PW207 = \"error\", dependency-cycle = \"warning\" }\n",
    );
    let out = planwright(&["lint"], root);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: planwright.toml:2:31: lint.severity.dependency-cycle: `PW207` and `dependency-cycle` are equally specific and give PW207 (dependency-cycle) different severities; keep one\n"
    );
}

/// The artifact URIs of a SARIF run's results, in order.
fn sarif_uris(out: &Output) -> Vec<serde_json::Value> {
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let run = &sarif["runs"][0];
    assert!(
        run["tool"]["driver"].get("informationUri").is_none(),
        "no made-up address"
    );
    run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"].clone())
        .collect()
}

#[test]
fn sarif_names_files_by_uri_references() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let plan = "# P\n\n- [X] a\n";
    let names = [
        "my plan#1?.md",
        "50%-plan.md",
        "c:plan.md",
        "pl\u{e4}n.md",
        "back\\slash-plan.md",
    ];
    for name in names {
        write(root, name, plan);
    }
    let mut args = vec!["lint", "--select", "PW501", "--format", "sarif"];
    args.extend(names);
    let out = planwright(&args, root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let relative = |uri: &str| serde_json::json!({"uri": uri, "uriBaseId": "%SRCROOT%"});
    // In path order: `5` < `b` < `c` < `m` < `p`.
    assert_eq!(
        sarif_uris(&out),
        [
            relative("50%25-plan.md"),
            relative("back%5Cslash-plan.md"),
            relative("c%3Aplan.md"),
            relative("my%20plan%231%3F.md"),
            relative("pl%C3%A4n.md"),
        ]
    );
    // An absolute path is a `file:` URI, which no base resolves.
    let absolute = root.join("my plan#1?.md");
    let absolute = absolute.to_str().unwrap();
    let out = planwright(
        &["lint", "--select", "PW501", "--format", "sarif", absolute],
        root,
    );
    let encoded = absolute
        .replace(' ', "%20")
        .replace('#', "%23")
        .replace('?', "%3F");
    assert_eq!(
        sarif_uris(&out),
        [serde_json::json!({"uri": format!("file://{encoded}")})]
    );
    // Standard input is named by --stdin-filename, or `stdin`: `<stdin>`
    // is no URI reference.
    let stdin = |extra: &[&str]| {
        let mut args = vec!["lint", "-", "--select", "PW501", "--format", "sarif"];
        args.extend(extra);
        sarif_uris(&planwright_with_input(&args, root, plan.as_bytes()))
    };
    assert_eq!(stdin(&[]), [relative("stdin")]);
    assert_eq!(
        stdin(&["--stdin-filename", "specs/a b/plan.md"]),
        [relative("specs/a%20b/plan.md")]
    );
}

#[test]
fn sarif_names_files_from_the_repository_root() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    let plan = "# P\n\n- [X] a\n";
    write(&repo, "docs/plan.md", plan);
    write(&repo, "specs/001/plan.md", plan);
    write(dir.path(), "elsewhere.md", plan);
    let docs = repo.join("docs");
    let args = [
        "lint",
        "--select",
        "PW501",
        "--format",
        "sarif",
        "plan.md",
        "../specs/001/plan.md",
        "../../elsewhere.md",
    ];
    let out = planwright(&args, &docs);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let relative = |uri: &str| serde_json::json!({"uri": uri, "uriBaseId": "%SRCROOT%"});
    // Code scanning resolves %SRCROOT% to the repository's root: from
    // `docs/`, `plan.md` is `docs/plan.md` there, and a file outside the
    // repository is named by an absolute `file:` URI.
    let outside = dir.path().canonicalize().unwrap().join("elsewhere.md");
    let outside = format!("file://{}", outside.to_str().unwrap());
    let uris = sarif_uris(&out);
    assert_eq!(uris.len(), 3, "{uris:?}");
    for want in [
        relative("docs/plan.md"),
        relative("specs/001/plan.md"),
        serde_json::json!({ "uri": outside }),
    ] {
        assert!(uris.contains(&want), "{want} in {uris:?}");
    }
    // So do workflow annotations, for findings and unreadable files.
    std::fs::write(docs.join("bad.md"), b"# P\n\xff\n").unwrap();
    let out = planwright(
        &[
            "lint", "--select", "PW501", "--format", "github", "plan.md", "bad.md",
        ],
        &docs,
    );
    let text = stdout(&out);
    assert!(
        text.contains("::notice file=docs/plan.md,line=3,"),
        "{text}"
    );
    assert!(text.contains("::error file=docs/bad.md,line=2,"), "{text}");
    // The human format keeps the names as typed.
    let out = planwright(&["lint", "--select", "PW501", "plan.md"], &docs);
    assert!(
        stdout(&out).contains(" --> plan.md:3:3\n"),
        "{}",
        stdout(&out)
    );
}
