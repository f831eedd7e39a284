//! `planwright schema OUTPUT`: the real JSON of `lint`, `status`, `next`,
//! `graph` and `new` validates against the schema printed for it, and a document that breaks
//! the contract does not, so the validation cannot pass vacuously (the
//! editing commands' in `edit_json.rs`).

use jsonschema::Validator;
use serde_json::{Value, json};

use crate::edit::copy_example;
use crate::support::{examples, folder_of_examples, json_of, planwright, repo_root};

#[test]
fn no_output_means_the_show_schema_byte_for_byte() {
    let bare = planwright(&["schema"], &repo_root());
    let show = planwright(&["schema", "show"], &repo_root());
    assert!(bare.status.success() && show.status.success());
    assert_eq!(bare.stdout, show.stdout);
    let mut expected =
        serde_json::to_string_pretty(&planwright_core::json::plan_schema()).expect("schema");
    expected.push('\n');
    assert_eq!(String::from_utf8_lossy(&bare.stdout), expected);
}

#[test]
fn schema_help_lists_the_outputs() {
    let out = planwright(&["schema", "--help"], &repo_root());
    assert!(out.status.success());
    insta::assert_snapshot!("schema_help", String::from_utf8_lossy(&out.stdout));
}

/// Every schema as printed, so a change to the contract shows up in review
/// even where it keeps today's output valid.
#[test]
fn every_schema_as_printed() {
    for output in [
        "show", "lint", "status", "next", "graph", "new", "done", "set", "log",
    ] {
        let out = planwright(&["schema", output], &repo_root());
        assert!(out.status.success());
        insta::assert_snapshot!(
            format!("schema_{output}"),
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn lint_json_validates_against_its_schema() {
    let validator = validator("lint");
    let root = repo_root();
    let mut docs = vec![json_of(
        &["lint", "--format", "json", "--select", "ALL", "examples"],
        &root,
    )];
    for name in examples() {
        let path = format!("examples/{name}");
        docs.push(json_of(
            &["lint", "--format", "json", "--select", "ALL", &path],
            &root,
        ));
    }
    // A plan with a fixable finding (`[X]`, PW501) whatever the examples
    // hold, so fix objects are always validated.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("plan.md"),
        "# Plan: Export\n\n**Status:** Draft\n\nOwner: [OWNER NAME]\n\n## Tasks\n\n- [X] T001 Write tests\n",
    )
    .expect("write");
    let fixable = json_of(
        &["lint", "--format", "json", "--select", "ALL", "plan.md"],
        dir.path(),
    );
    docs.push(fixable.clone());
    for doc in &docs {
        assert_valid(&validator, doc, "lint");
    }
    let findings: Vec<&Value> = docs
        .iter()
        .flat_map(|d| d["diagnostics"].as_array().expect("diagnostics"))
        .collect();
    assert!(findings.iter().any(|d| d["fix"].is_object()), "no fix seen");
    assert!(
        findings
            .iter()
            .any(|d| d["labels"].as_array().is_some_and(|l| !l.is_empty())),
        "no secondary label seen"
    );

    let mut bad = docs[0].clone();
    bad["diagnostics"][0]["severity"] = json!(2);
    assert_rejected(&validator, &bad, "/diagnostics/0/severity");
    let mut bad = fixable;
    let fixed = bad["diagnostics"]
        .as_array()
        .and_then(|ds| ds.iter().position(|d| d["fix"].is_object()))
        .expect("a fixable finding");
    bad["diagnostics"][fixed]["fix"]["applicability"] = json!("maybe");
    // `fix` may be null, so the error surfaces at its `anyOf`.
    assert_rejected(&validator, &bad, &format!("/diagnostics/{fixed}/fix"));
    let mut bad = docs[0].clone();
    remove(&mut bad["summary"], "fixable");
    assert_rejected(&validator, &bad, "/summary");
}

#[test]
fn status_json_validates_against_its_schema() {
    let validator = validator("status");
    let mut one = None;
    for name in examples() {
        let dir = copy_example(&name);
        let doc = json_of(&["status", "--format", "json", &name], dir.path());
        assert_valid(&validator, &doc, &format!("status {name}"));
        if doc["plans"][0]["tasks"]
            .as_array()
            .is_some_and(|t| !t.is_empty())
        {
            one.get_or_insert(doc);
        }
    }
    let folder = folder_of_examples();
    let many = json_of(&["status", "--format", "json", "."], folder.path());
    assert_valid(&validator, &many, "status .");
    assert!(many["plans"].as_array().is_some_and(|p| p.len() >= 7));

    let one = one.expect("an example with tasks");
    let mut bad = one.clone();
    bad["plans"][0]["tasks"][0]["line"] = json!(-1);
    assert_rejected(&validator, &bad, "/plans/0/tasks/0/line");
    let mut bad = many;
    remove(&mut bad["plans"][0], "progress");
    assert_rejected(&validator, &bad, "/plans/0");
    let mut bad = one;
    bad["total"]["done"] = json!("3");
    assert_rejected(&validator, &bad, "/total/done");
}

#[test]
fn next_json_validates_against_its_schema() {
    let validator = validator("next");
    for name in examples() {
        let dir = copy_example(&name);
        for args in [
            vec!["next", "--format", "json", name.as_str()],
            vec!["next", "--format", "json", name.as_str(), "-n", "1"],
        ] {
            let doc = json_of(&args, dir.path());
            assert_valid(&validator, &doc, &args.join(" "));
        }
    }
    // Without a plan, `next` takes every plan of the repository.
    let folder = folder_of_examples();
    let all = json_of(&["next", "--format", "json", "-n", "8"], folder.path());
    assert_valid(&validator, &all, "next (repository)");
    assert!(all["tasks"].as_array().is_some_and(|t| !t.is_empty()));
    assert!(all["more"].as_u64().is_some_and(|m| m > 0));

    let mut bad = all.clone();
    bad["tasks"][0]["state"] = json!(7);
    assert_rejected(&validator, &bad, "/tasks/0/state");
    // `path` sits beside the flattened task fields and is as required.
    let mut bad = all.clone();
    remove(&mut bad["tasks"][0], "path");
    assert_rejected(&validator, &bad, "/tasks/0");
    let mut bad = all;
    bad["more"] = Value::Null;
    assert_rejected(&validator, &bad, "/more");
}

#[test]
fn waiting_tasks_and_unreadable_files_validate_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a-tasks.md"),
        "# P\n\n- [ ] T001 a (depends on T002)\n- [ ] T002 b (depends on T001)\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b-tasks.md"),
        b"# L\n\n- [ ] T001 caf\xe9\n",
    )
    .expect("write");
    let next = validator("next");
    let doc = json_of(&["next", ".", "--format", "json"], dir.path());
    assert_valid(&next, &doc, "next (blocked)");
    assert!(doc["waiting"].as_array().is_some_and(|w| w.len() == 2));
    assert!(doc["errors"].as_array().is_some_and(|e| e.len() == 1));
    let mut bad = doc.clone();
    remove(&mut bad["waiting"][0], "waits_for");
    assert_rejected(&next, &bad, "/waiting/0");
    let mut bad = doc;
    remove(&mut bad["errors"][0], "message");
    assert_rejected(&next, &bad, "/errors/0");
    // A task that can start, whose dependency names nothing: the waiting
    // tasks are listed beside it, the dependency in its own list.
    std::fs::write(
        dir.path().join("c-tasks.md"),
        "# Q\n\n- [ ] T001 free (depends on T999)\n",
    )
    .expect("write");
    let doc = json_of(&["next", ".", "--format", "json"], dir.path());
    assert_valid(&next, &doc, "next (ready, waiting, unknown)");
    assert!(doc["tasks"].as_array().is_some_and(|t| t.len() == 1));
    assert!(doc["blocked"].as_array().is_some_and(|w| w.len() == 2));
    assert_eq!(doc["waiting"], json!([]));
    let mut bad = doc.clone();
    remove(&mut bad["blocked"][1], "waits_for");
    assert_rejected(&next, &bad, "/blocked/1");
    let unknown = doc["unknown_dependencies"].as_array();
    assert!(unknown.is_some_and(|u| u.len() == 1));
    let mut bad = doc.clone();
    remove(&mut bad["unknown_dependencies"][0], "path");
    assert_rejected(&next, &bad, "/unknown_dependencies/0");
    let mut bad = doc;
    bad["unknown_dependencies"][0]["range"]["start"]["line"] = json!("3");
    assert_rejected(&next, &bad, "/unknown_dependencies/0/range/start/line");

    let status = validator("status");
    let doc = json_of(&["status", ".", "--format", "json"], dir.path());
    assert_valid(&status, &doc, "status (unreadable)");
    let mut bad = doc;
    bad["errors"][0]["path"] = json!(3);
    assert_rejected(&status, &bad, "/errors/0/path");
}

#[test]
fn graph_json_validates_against_its_schema() {
    let validator = validator("graph");
    let mut with_edges = None;
    for name in examples() {
        let dir = copy_example(&name);
        let doc = json_of(&["graph", "--format", "json", &name], dir.path());
        assert_valid(&validator, &doc, &format!("graph {name}"));
        if doc["edges"].as_array().is_some_and(|e| !e.is_empty()) {
            with_edges.get_or_insert(doc);
        }
    }
    let doc = with_edges.expect("an example with dependencies");
    let mut bad = doc.clone();
    bad["nodes"][0]["done"] = json!("yes");
    assert_rejected(&validator, &bad, "/nodes/0/done");
    let mut bad = doc;
    remove(&mut bad["edges"][0], "to");
    assert_rejected(&validator, &bad, "/edges/0");
}

#[test]
fn new_json_validates_against_its_schema() {
    let validator = validator("new");
    let dir = crate::new::repo();
    let written = json_of(
        &["new", "Search index", "-t", "delivery", "--format", "json"],
        dir.path(),
    );
    assert_valid(&validator, &written, "new");
    let dry = json_of(
        &[
            "new",
            "Audit log",
            "-t",
            "speckit",
            "--dry-run",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_valid(&validator, &dry, "new --dry-run");
    assert!(dry["content"].is_string() && written.get("content").is_none());

    let mut bad = written.clone();
    bad["remaining"] = json!(-3);
    assert_rejected(&validator, &bad, "/remaining");
    let mut bad = written;
    remove(&mut bad, "path");
    assert_rejected(&validator, &bad, "");
}

/// `planwright schema OUTPUT`, checked to be a JSON Schema that names the
/// command it documents.
fn validator(output: &str) -> Validator {
    validator_titled(output, &format!("planwright {output} --format json"))
}

/// `planwright schema OUTPUT`, checked to be a JSON Schema titled `title`.
pub(crate) fn validator_titled(output: &str, title: &str) -> Validator {
    let out = planwright(&["schema", output], &repo_root());
    assert!(out.status.success(), "planwright schema {output}");
    let schema: Value = serde_json::from_slice(&out.stdout).expect("the schema is JSON");
    assert_eq!(schema["title"], json!(title));
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

pub(crate) fn assert_valid(validator: &Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

/// The document is rejected, and for the planted reason: an error at `at`.
pub(crate) fn assert_rejected(validator: &Validator, doc: &Value, at: &str) {
    let paths: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| e.instance_path().to_string())
        .collect();
    assert!(
        paths.iter().any(|p| p == at),
        "expected an error at {at}, got {paths:?}"
    );
}

pub(crate) fn remove(object: &mut Value, key: &str) {
    let removed = object.as_object_mut().and_then(|o| o.remove(key));
    assert!(removed.is_some(), "no `{key}` to remove");
}
