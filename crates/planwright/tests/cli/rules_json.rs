//! `rules --format json` and `lint --statistics --format json`: the
//! documents, their schemas (`schema rules`, `schema lint-statistics`),
//! and that they agree with the text forms.

use serde_json::{Value, json};

use crate::schema::{assert_rejected, assert_valid, remove, validator_titled};
use crate::support::json_of;
use crate::support::{
    folder_of_examples, planwright, planwright_with_input, repo_root, stderr, stdout,
};

#[test]
fn rules_json_lists_every_rule_with_its_fix_and_documentation() {
    let root = repo_root();
    let all = json_of(&["rules", "--format", "json"], &root);
    let validator = validator_titled("rules", "planwright rules --format json");
    assert_valid(&validator, &all, "all");
    let rules = all["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), planwright_lint::RULES.len());
    let fixable: Vec<&str> = rules
        .iter()
        .filter(|r| r["fixable"] == json!(true))
        .map(|r| r["code"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        fixable,
        [
            "PW202", "PW211", "PW212", "PW301", "PW302", "PW402", "PW501", "PW502", "PW601",
            "PW602"
        ]
    );
    let unsafe_only: Vec<&str> = rules
        .iter()
        .filter(|r| r["fix"] == json!("unsafe"))
        .map(|r| r["code"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        unsafe_only,
        [
            "PW202", "PW211", "PW212", "PW301", "PW302", "PW402", "PW601"
        ]
    );
    // The human list marks the same rules: `[*]` safe, `[~]` unsafe.
    let list = stdout(&planwright(&["rules"], &root));
    let marked: Vec<&str> = list
        .lines()
        .filter(|l| l.starts_with("PW") && (l.contains(" [*] ") || l.contains(" [~] ")))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(marked, fixable);

    // One rule is a list of one, its documentation as `rules CODE` prints it.
    let one = json_of(
        &["rules", "unfilled-placeholder", "--format", "json"],
        &root,
    );
    assert_valid(&validator, &one, "one");
    let rule = &one["rules"][0];
    assert_eq!(one["rules"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        (&rule["code"], &rule["default_severity"], &rule["fix"]),
        (&json!("PW101"), &json!("warning"), &Value::Null)
    );
    let text = stdout(&planwright(&["rules", "PW101"], &root));
    let doc = rule["documentation"].as_str().expect("documentation");
    assert!(
        text.ends_with(doc) && doc.contains("## What it does"),
        "{doc}"
    );
    // A prefix, as `lint --select` takes it.
    let prefix = json_of(&["rules", "pw5", "--format", "json"], &root);
    assert_eq!(prefix["rules"].as_array().map(Vec::len), Some(2));

    let mut bad = all.clone();
    bad["rules"][0]["fix"] = json!("sometimes");
    assert_rejected(&validator, &bad, "/rules/0/fix");
    let mut bad = all;
    remove(&mut bad["rules"][1], "default_enabled");
    assert_rejected(&validator, &bad, "/rules/1");

    let unknown = planwright(&["rules", "PW999", "--format", "json"], &root);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(
        stderr(&unknown),
        "planwright: error: unknown rule `PW999` (see `planwright rules` for the list)\n"
    );
    // A misspelt name is answered with the one it was likely meant to be.
    let misspelt = planwright(&["rules", "unfiled-placeholder"], &root);
    assert_eq!(misspelt.status.code(), Some(2));
    assert_eq!(
        stderr(&misspelt),
        "planwright: error: unknown rule `unfiled-placeholder`; did you mean `unfilled-placeholder`? (see `planwright rules` for the list)\n"
    );
}

#[test]
fn statistics_json_counts_what_the_table_counts() {
    let root = repo_root();
    let args = ["lint", "--extend-select", "PW5", "--statistics", "examples"];
    let table = planwright(&args, &root);
    let doc = json_of(&[&args[..], &["--format", "json"]].concat(), &root);
    let validator = validator_titled(
        "lint-statistics",
        "planwright lint --statistics --format json",
    );
    assert_valid(&validator, &doc, "doc");
    // Row for row what the table says, in its order.
    let rows: Vec<String> = doc["statistics"]
        .as_array()
        .expect("statistics")
        .iter()
        .map(|r| format!("{} {} {}", r["count"], r["code"], r["fixable"]))
        .collect();
    let table_rows: Vec<String> = stdout(&table)
        .lines()
        .filter(|l| l.contains("  PW"))
        .map(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            let fixable = if l.ends_with(" fixable") {
                words[words.len() - 2]
            } else {
                "0"
            };
            format!("{} \"{}\" {fixable}", words[0], words[1])
        })
        .collect();
    assert_eq!(rows, table_rows);
    let total: u64 = doc["statistics"]
        .as_array()
        .expect("statistics")
        .iter()
        .filter_map(|r| r["count"].as_u64())
        .sum();
    let summary = &doc["summary"];
    let counted = ["errors", "warnings", "infos"]
        .iter()
        .filter_map(|k| summary[k].as_u64())
        .sum::<u64>();
    assert_eq!(total, counted);
    assert_eq!(doc["errors"], json!([]));
    // The exit code is the run's, as without --statistics.
    assert_eq!(table.status.code(), Some(1));

    let mut bad = doc.clone();
    bad["statistics"][0]["count"] = json!("4");
    assert_rejected(&validator, &bad, "/statistics/0/count");
    let mut bad = doc;
    remove(&mut bad["statistics"][0], "fixable");
    assert_rejected(&validator, &bad, "/statistics/0");

    // SARIF and GitHub annotations have no place for counts.
    let sarif = planwright(&["lint", "--statistics", "--format", "sarif"], &root);
    assert_eq!(sarif.status.code(), Some(2));
    assert_eq!(
        stderr(&sarif),
        "planwright: error: --statistics prints a table or JSON: use it with --format human, concise or json\n"
    );
}

#[test]
fn statistics_json_lists_unreadable_files_and_reads_stdin() {
    let dir = folder_of_examples();
    std::fs::write(dir.path().join("broken.md"), b"# L\n\n- [ ] caf\xe9\n").expect("write");
    let out = planwright(
        &["lint", "--statistics", "--format", "json", "."],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let validator = validator_titled(
        "lint-statistics",
        "planwright lint --statistics --format json",
    );
    assert_valid(&validator, &doc, "doc");
    assert_eq!(doc["errors"][0]["path"], json!("broken.md"));

    let plan = "# Plan\n\n**Status:** Draft\n\n- [X] T001 [Component]: wire it\n";
    let out = planwright_with_input(
        &[
            "lint",
            "-",
            "--extend-select",
            "PW501",
            "--statistics",
            "--format",
            "json",
        ],
        dir.path(),
        plan.as_bytes(),
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_valid(&validator, &doc, "doc");
    let pw501 = doc["statistics"]
        .as_array()
        .and_then(|s| s.iter().find(|r| r["code"] == json!("PW501")))
        .expect("PW501 counted");
    assert_eq!((&pw501["count"], &pw501["fixable"]), (&json!(1), &json!(1)));
    assert_eq!(doc["summary"]["files"], json!(1));
}

#[test]
fn the_new_schemas_as_printed() {
    for output in ["rules", "lint-statistics"] {
        let out = planwright(&["schema", output], &repo_root());
        assert!(out.status.success());
        insta::assert_snapshot!(format!("schema_{output}"), stdout(&out));
    }
}
