//! The corpus of real plans (`PLANWRIGHT_CORPUS`): every file parses, every
//! range is exact, and dialect detection agrees with `SOURCES.tsv`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use planwright_core::{ParseOptions, parse_with};

use crate::invariants::violations;

/// The corpus folder, if the variable is set. Set but missing is a failure:
/// CI must never silently skip the corpus.
fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("PLANWRIGHT_CORPUS")?;
    let dir = PathBuf::from(dir);
    assert!(
        dir.is_dir(),
        "PLANWRIGHT_CORPUS={} is not a folder",
        dir.display()
    );
    Some(dir)
}

struct Entry {
    file: String,
    /// The file's name and path in its own repository: detection hints.
    original_name: String,
    original_path: String,
    dialect: String,
}

fn sources(dir: &Path) -> Vec<Entry> {
    let tsv = std::fs::read_to_string(dir.join("SOURCES.tsv")).expect("SOURCES.tsv");
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file, path, dialect) = (col("file"), col("path"), col("dialect"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Entry {
                file: f[file].to_owned(),
                original_name: f[path].rsplit('/').next().unwrap().to_owned(),
                original_path: f[path].to_owned(),
                dialect: f[dialect].to_owned(),
            }
        })
        .collect()
}

impl Entry {
    /// Reads the file as planwright would in its own repository: with its
    /// name and path as detection hints.
    fn parse(&self, src: &str) -> planwright_core::Plan {
        parse_with(
            src,
            &ParseOptions {
                file_name: Some(&self.original_name),
                path: Some(&self.original_path),
                ..ParseOptions::default()
            },
        )
    }
}

fn expected(column: &str, detected: &str) -> bool {
    match column {
        "seed000" | "speckit-plan" => detected == "speckit",
        "seed001" => detected == "design",
        "seed002" => detected == "delivery",
        "seed003" => detected == "rfc" || detected == "generic",
        "seed004" => detected == "roadmap",
        "speckit-tasks" => detected == "speckit-tasks",
        "kiro" => detected == "kiro",
        "generic" => true,
        other => panic!("unknown dialect column {other}"),
    }
}

#[test]
fn every_corpus_file_parses_with_exact_ranges() {
    let Some(dir) = corpus() else { return };
    let entries = sources(&dir);
    assert!(
        entries.len() >= 100,
        "corpus looks truncated: {} files",
        entries.len()
    );
    let mut failures = Vec::new();
    let mut elements = HashMap::<&str, usize>::new();
    for e in &entries {
        let src = std::fs::read_to_string(dir.join(&e.file)).unwrap();
        let plan = e.parse(&src);
        *elements.entry("tasks").or_default() += plan.tasks.len();
        *elements.entry("metadata").or_default() += plan.metadata.len();
        *elements.entry("sections").or_default() += plan.sections.len();
        *elements.entry("phases").or_default() += plan.phases.len();
        *elements.entry("tables").or_default() += plan.tables.len();
        *elements.entry("placeholders").or_default() += plan.placeholders.len();
        for v in violations(&plan, &src) {
            failures.push(format!("{}: {v}", e.file));
        }
    }
    let mut counts: Vec<_> = elements.into_iter().collect();
    counts.sort_unstable();
    println!("{} files; elements checked: {counts:?}", entries.len());
    assert!(
        failures.is_empty(),
        "{} range violations:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn dialect_detection_agrees_with_sources() {
    let Some(dir) = corpus() else { return };
    let entries = sources(&dir);
    let mut misses = Vec::new();
    for e in &entries {
        let src = std::fs::read_to_string(dir.join(&e.file)).unwrap();
        let plan = e.parse(&src);
        if !expected(&e.dialect, &plan.dialect.name) {
            misses.push(format!(
                "{} ({}): detected {} {:?}",
                e.file, e.dialect, plan.dialect.name, plan.dialect.evidence
            ));
        }
    }
    let agreement = 100.0 * (entries.len() - misses.len()) as f64 / entries.len() as f64;
    println!(
        "dialect agreement {agreement:.1}% ({} of {}); misses:\n{}",
        entries.len() - misses.len(),
        entries.len(),
        misses.join("\n")
    );
    assert!(
        agreement >= 95.0,
        "agreement {agreement:.1}% below 95%:\n{}",
        misses.join("\n")
    );
}
