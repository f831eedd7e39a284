//! `planwright schema` describes what `show --format json` prints: every
//! example plan's document validates against the schema, and the schema
//! rejects a document that breaks the contract.

use std::path::Path;

use planwright_core::json::{Locator, PlanDoc, plan_schema};
use planwright_core::parse;

#[test]
fn every_example_document_validates_against_the_schema() {
    let schema = plan_schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut checked = 0;
    for entry in std::fs::read_dir(&examples).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let plan = parse(&text);
        let doc = PlanDoc::new(&plan, &path.display().to_string(), &Locator::new(&text));
        let json = serde_json::to_value(&doc).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} examples checked");

    // A document that breaks the contract is rejected.
    let text = "# Plan\n\n- [ ] T001 one\n";
    let plan = parse(text);
    let mut json = serde_json::to_value(PlanDoc::new(&plan, "p.md", &Locator::new(text))).unwrap();
    json["tasks"][0]["state"] = serde_json::json!(7);
    assert!(!validator.is_valid(&json));
}
