//! The real plans in `$PLANWRIGHT_CORPUS`: every file lints without a panic,
//! and the per-rule counts are printed (`cargo test -p planwright_lint
//! --test suite corpus -- --nocapture`). Skipped when the variable is unset;
//! fails when it is set but the folder is missing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use planwright_lint::{Layer, RuleSet};

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        {
            out.push(path);
        }
    }
}

#[test]
fn corpus_lints_without_panic_and_counts_per_rule() {
    let Some(root) = std::env::var_os("PLANWRIGHT_CORPUS") else {
        eprintln!("PLANWRIGHT_CORPUS not set; corpus test skipped");
        return;
    };
    let root = PathBuf::from(root);
    assert!(
        root.is_dir(),
        "PLANWRIGHT_CORPUS={} is not a folder",
        root.display()
    );
    let mut files = Vec::new();
    markdown_files(&root, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no plans under {}", root.display());
    let all = Layer {
        select: Some(vec!["ALL".to_owned()]),
        ..Layer::default()
    };
    let rules = RuleSet::resolve(&[&all]).unwrap();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("plan.md");
        for d in crate::lint_text(name, &text, &rules) {
            assert!(
                d.primary.range.end as usize <= text.len(),
                "{}: range out of bounds",
                file.display()
            );
            *counts.entry(d.code).or_default() += 1;
        }
    }
    println!(
        "{} corpus files; findings per rule (all rules selected):",
        files.len()
    );
    for rule in planwright_lint::RULES {
        println!(
            "  {} {:<26} {}",
            rule.code,
            rule.name,
            counts.get(rule.code).copied().unwrap_or(0)
        );
    }
}
