//! `planwright show`, `schema` and `templates`: snapshots of what users see
//! for every example plan, and the errors for bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn planwright(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planwright"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run planwright")
}

fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo_root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".md") && n != "README.md")
        .collect();
    names.sort();
    assert!(names.len() >= 7, "examples/ should hold a plan per dialect");
    names
}

#[test]
fn show_human_for_every_example() {
    for name in examples() {
        let out = planwright(&["show", &format!("examples/{name}")], &repo_root());
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        insta::assert_snapshot!(format!("show_human_{name}"), String::from_utf8(out.stdout).unwrap());
    }
}

#[test]
fn show_json_for_every_example() {
    for name in examples() {
        let out = planwright(&["show", "--format", "json", &format!("examples/{name}")], &repo_root());
        assert!(out.status.success(), "{name}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["version"], 1);
        insta::assert_json_snapshot!(format!("show_json_{name}"), json);
    }
}
