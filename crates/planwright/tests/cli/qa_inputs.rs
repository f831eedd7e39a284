//! Inputs a QA sweep found misread: YAML front matter over several lines
//! or broken, a configuration that is no file or repeats a key, and one
//! unreadable plan asked for as JSON.

use serde_json::Value;

use crate::support::{planwright, stderr, stdout, write};

const FRONT: &str = "---\ntitle: >-\n  Long folded\n  title here\nsummary: >\n  folded line one\nowners:\n  - alice\n  - bob\ntags: [auth, api]\n---\n\n- [ ] T001 Build it\n";

#[test]
fn block_scalars_and_lists_in_front_matter_are_read_as_yaml_reads_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.md", FRONT);
    let out = planwright(&["show", "plan.md"], dir.path());
    let text = stdout(&out);
    assert!(text.starts_with("Long folded title here\n"), "{text}");
    for line in [
        "title    Long folded title here",
        "summary  folded line one",
        "owners   alice, bob",
        "tags     auth, api",
    ] {
        assert!(text.contains(line), "{line:?} not in\n{text}");
    }
    let json = planwright(&["show", "plan.md", "--format", "json"], dir.path());
    let doc: Value = serde_json::from_slice(&json.stdout).expect("json");
    let owners = &doc["metadata"][2];
    assert_eq!(owners["value"], "alice, bob");
    // The range still points at the items as written: lines 8 and 9.
    assert_eq!(owners["value_range"]["start"]["line"], 8);
    assert_eq!(owners["value_range"]["end"]["line"], 9);
    let lint = planwright(&["lint", "plan.md", "--select", "PW403"], dir.path());
    assert_eq!(lint.status.code(), Some(0), "{}", stdout(&lint));
}

#[test]
fn broken_front_matter_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = "---\ntitle: [unclosed\nstatus: : :\n---\n\n# Plan\n\n- [ ] T001 Build it\n";
    write(dir.path(), "plan.md", src);
    let out = planwright(&["lint", "plan.md", "--format", "concise"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("PW403"), "{text}");
    let json = planwright(&["lint", "plan.md", "--format", "json"], dir.path());
    let doc: Value = serde_json::from_slice(&json.stdout).expect("json");
    let found: Vec<(String, u64)> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "PW403")
        .map(|d| {
            let line = d["range"]["start"]["line"].as_u64().expect("line");
            (d["message"].as_str().expect("message").to_owned(), line)
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "front matter is not valid YAML: the `[` is never closed".to_owned(),
                2
            ),
            (
                "front matter is not valid YAML: `: ` inside a plain value reads as a second key; quote the value".to_owned(),
                3
            ),
        ]
    );
}

#[test]
fn a_duplicate_configuration_key_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "planwright.toml",
        "[lint]\nselect=[\"PW101\"]\nselect=[\"PW102\"]\n",
    );
    write(dir.path(), "plan.md", "# Plan\n");
    let out = planwright(&["lint", "plan.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "planwright: error: planwright.toml:3:1: lint.select: duplicate key\n"
    );
}

#[test]
fn a_configuration_that_is_no_file_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A configuration further up would otherwise apply instead.
    write(
        dir.path(),
        "planwright.toml",
        "[lint]\nselect = [\"PW101\"]\n",
    );
    let inner = dir.path().join("inner");
    std::fs::create_dir_all(inner.join("planwright.toml")).expect("folder");
    write(&inner, "plan.md", "# Plan\n");
    let out = planwright(&["lint", "plan.md"], &inner);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert_eq!(
        stderr(&out),
        "planwright: error: planwright.toml: exists and is not a file\n"
    );
    #[cfg(unix)]
    {
        std::fs::remove_dir(inner.join("planwright.toml")).expect("remove");
        std::os::unix::fs::symlink("gone.toml", inner.join("planwright.toml")).expect("link");
        let out = planwright(&["status", "plan.md"], &inner);
        assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
        assert_eq!(
            stderr(&out),
            "planwright: error: planwright.toml: is a symbolic link to nothing\n"
        );
    }
}

#[test]
fn one_unreadable_plan_as_json_still_prints_the_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [
        ["status", "--format", "json", "missing.md"],
        ["next", "--format", "json", "missing.md"],
        ["lint", "--format", "json", "missing.md"],
    ] {
        let out = planwright(&args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let doc: Value = serde_json::from_slice(&out.stdout).expect("json on stdout");
        assert_eq!(doc["errors"][0]["path"], "missing.md", "{args:?}");
        assert!(
            doc["errors"][0]["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("no such file")),
            "{args:?}: {doc}"
        );
        assert!(stderr(&out).contains("missing.md"), "{args:?}");
    }
}
