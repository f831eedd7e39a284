//! The real plans in `$PLANWRIGHT_CORPUS`: every file keeps the lint
//! contract (`contract.rs`: findings in range, fixes that apply and leave
//! the structure, every format rendering), and the per-rule counts, with the `PW101` findings in files the corpus
//! marks as having no placeholders (the false-positive watch), are printed
//! (`cargo test -p planwright_lint --test suite corpus -- --nocapture`) and
//! pinned by a snapshot, so a change in what any rule finds on real plans
//! shows in review. Skipped when the variable is unset; fails when it is
//! set but the folder is missing.

use std::collections::BTreeMap;
use std::fmt::Write as _;
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
    let clean = files_without_placeholders(&root);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut in_clean: BTreeMap<String, usize> = BTreeMap::new();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("plan.md");
        let broken = crate::contract::lint_violations(&text, None);
        assert!(broken.is_empty(), "{}: {broken:#?}", file.display());
        for d in crate::lint_text(name, &text, &rules) {
            *counts.entry(d.code).or_default() += 1;
            let relative = file.strip_prefix(&root).unwrap_or(file);
            let relative = relative.to_string_lossy().replace('\\', "/");
            if d.code == "PW101" && clean.contains(&relative) {
                *in_clean.entry(relative).or_default() += 1;
            }
        }
    }
    let mut report = format!(
        "{} corpus files; findings per rule (all rules selected):\n",
        files.len()
    );
    for rule in planwright_lint::RULES {
        let _ = writeln!(
            report,
            "  {} {:<26} {}",
            rule.code,
            rule.name,
            counts.get(rule.code).copied().unwrap_or(0)
        );
    }
    let _ = writeln!(
        report,
        "PW101 in the {} files marked has_placeholders=no: {}",
        clean.len(),
        in_clean.values().sum::<usize>()
    );
    for (file, n) in &in_clean {
        let _ = writeln!(report, "  {n:>3} {file}");
    }
    print!("{report}");
    insta::assert_snapshot!(report);
}

/// The files `SOURCES.tsv` marks `has_placeholders=no`, as paths relative to
/// the corpus root.
fn files_without_placeholders(root: &Path) -> std::collections::BTreeSet<String> {
    let sources = root.join("SOURCES.tsv");
    let tsv =
        std::fs::read_to_string(&sources).unwrap_or_else(|e| panic!("{}: {e}", sources.display()));
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("{}: no `{name}` column", sources.display()))
    };
    let (file, flag) = (column("file"), column("has_placeholders"));
    lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|cols| cols.get(flag) == Some(&"no"))
        .filter_map(|cols| cols.get(file).map(|f| (*f).to_owned()))
        .collect()
}
