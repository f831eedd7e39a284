//! Every output format over one plan with several findings, snapshotted;
//! the SARIF document validated against the SARIF 2.1.0 schema; paths that
//! could not be read, as each whole-run format reports them.

use planwright_lint::render::{
    FileError, FileReport, Summary, Unreadable, concise, github, human, json, sarif,
};
use planwright_lint::{Layer, RuleSet};

const PLAN: &str = "# Plan: Export\n\n**Status:** Completed\n**Created:** 2026-02-30\n\n## Tasks\n\n- [X] T001 Create schema\n- [ ] T002 Write migration\n\n## Testing\n\n## Risks\n\n| Risk | Mitigation |\n|---|---|\n| Data loss, \"big\" | |\n";

fn with_findings<T>(f: impl FnOnce(&[FileReport<'_>]) -> T) -> T {
    let layer = Layer {
        extend_select: vec!["PW501".to_owned()],
        ..Layer::default()
    };
    let rules = RuleSet::resolve(&[&layer]).unwrap();
    let diagnostics = crate::lint_text("plan.md", PLAN, &rules);
    let files = [FileReport {
        path: "specs/001-export/plan.md",
        exact_path: None,
        source: PLAN,
        diagnostics: &diagnostics,
    }];
    f(&files)
}

#[test]
fn human() {
    insta::assert_snapshot!(with_findings(|f| human::render(f, false)));
}

#[test]
fn human_in_colour_has_escapes() {
    assert!(with_findings(|f| human::render(f, true)).contains("\u{1b}["));
}

#[test]
fn concise() {
    insta::assert_snapshot!(with_findings(concise::render));
}

#[test]
fn json() {
    insta::assert_snapshot!(with_findings(json::render));
}

#[test]
fn github() {
    insta::assert_snapshot!(with_findings(github::render));
}

#[test]
fn sarif() {
    let text = with_findings(sarif::render);
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r#""version": "\d+\.\d+\.\d+""#, r#""version": "[version]""#);
    // The rule documentation is long and already snapshotted per rule;
    // the result section is what this snapshot is for.
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let results = serde_json::to_string_pretty(&doc["runs"][0]["results"]).unwrap();
    settings.bind(|| insta::assert_snapshot!(results));
}

/// The SARIF 2.1.0 schema, as a validator.
fn sarif_validator() -> jsonschema::Validator {
    // The published `language` patterns end in `]?$`, a stray bracket that
    // JavaScript reads as a literal and Rust's regex engine refuses; they
    // are read here with the bracket escaped, which means the same.
    let text = include_str!("../data/sarif-schema-2.1.0.json");
    let stray = "{2}-[a-zA-Z]{2}]?$";
    assert!(text.contains(stray));
    let text = text.replace(stray, "{2}-[a-zA-Z]{2}\\\\]?$");
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, doc: &serde_json::Value) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn sarif_validates_against_the_schema() {
    let validator = sarif_validator();
    let doc: serde_json::Value = serde_json::from_str(&with_findings(sarif::render)).unwrap();
    assert_valid(&validator, &doc);
    // A document the schema rejects, so that the test can fail.
    let mut broken = doc.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&broken));
    let empty: serde_json::Value = serde_json::from_str(&sarif::render(&[])).unwrap();
    assert!(validator.is_valid(&empty));
}

const UNREADABLE: [FileError<'static>; 2] = [
    FileError {
        path: "missing.md",
        exact_path: None,
        message: "no such file or folder",
        line: None,
    },
    FileError {
        path: "specs/b plan.md",
        exact_path: None,
        message: "not valid UTF-8 (invalid byte at offset 7, line 2)",
        line: Some(2),
    },
];

#[test]
fn sarif_says_which_files_could_not_be_read() {
    let doc = |errors: &[FileError<'_>]| -> serde_json::Value {
        let text = with_findings(|f| sarif::render_with_errors(f, errors));
        serde_json::from_str(&text).unwrap()
    };
    let validator = sarif_validator();
    let failed = doc(&UNREADABLE);
    assert_valid(&validator, &failed);
    assert_eq!(
        failed["runs"][0]["invocations"],
        serde_json::json!([{
            "executionSuccessful": false,
            "toolExecutionNotifications": [
                {
                    "level": "error",
                    "message": {"text": "missing.md: no such file or folder"},
                    "locations": [{"physicalLocation": {"artifactLocation": {
                        "uri": "missing.md", "uriBaseId": "%SRCROOT%",
                    }}}],
                },
                {
                    "level": "error",
                    "message": {"text": "specs/b plan.md: not valid UTF-8 (invalid byte at offset 7, line 2)"},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": "specs/b%20plan.md", "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": 2},
                    }}],
                },
            ],
        }])
    );
    // The findings of the files that were read are all there.
    assert_eq!(failed["runs"][0]["results"], doc(&[])["runs"][0]["results"]);
    assert_eq!(
        doc(&[])["runs"][0]["invocations"],
        serde_json::json!([{"executionSuccessful": true}])
    );
}

#[test]
fn json_lists_the_files_that_could_not_be_read() {
    let doc = |errors: &[FileError<'_>]| -> serde_json::Value {
        let text = with_findings(|f| json::render_with_errors(f, errors));
        serde_json::from_str(&text).unwrap()
    };
    let failed = doc(&UNREADABLE);
    assert_eq!(failed["version"], 1, "an added field keeps the version");
    assert_eq!(
        failed["errors"],
        serde_json::json!([
            {"path": "missing.md", "message": "no such file or folder"},
            {"path": "specs/b plan.md", "message": "not valid UTF-8 (invalid byte at offset 7, line 2)", "line": 2},
        ])
    );
    assert_eq!(failed["diagnostics"], doc(&[])["diagnostics"]);
    assert_eq!(doc(&[])["errors"], serde_json::json!([]));
}

fn files(files: usize) -> Unreadable {
    Unreadable { files, folders: 0 }
}

#[test]
fn the_summary_line_counts_the_files_that_could_not_be_read() {
    let clean = Summary {
        files: 3,
        ..Summary::default()
    };
    assert_eq!(
        clean.line_with_unreadable(files(1)),
        "No problems found in 3 files; 1 file could not be read."
    );
    assert_eq!(clean.line_with_unreadable(files(0)), clean.line());
    // A folder the walk could not read is no file.
    let both = Unreadable {
        files: 1,
        folders: 1,
    };
    assert_eq!(
        clean.line_with_failures(both, 1),
        "No problems found in 3 files; 1 file and 1 folder could not be read; 1 file could not be written."
    );
    let found = Summary {
        files: 1,
        files_with_findings: 1,
        warnings: 2,
        fixable: 1,
        ..Summary::default()
    };
    assert_eq!(
        found.line_with_unreadable(files(2)),
        "Found 2 warnings in 1 file (1 fixable with --fix); 2 files could not be read."
    );
    // Findings in some of the files checked say so.
    let some = Summary {
        files: 7,
        files_with_findings: 5,
        warnings: 7,
        ..Summary::default()
    };
    assert_eq!(some.line(), "Found 7 warnings in 5 of 7 files.");
}

#[test]
fn sarif_offsets_count_characters_not_bytes() {
    let source = "# Plan – “Export”\n\nOwner: [OWNER NAME]\n";
    let diagnostics = crate::lint_text("plan.md", source, &RuleSet::default());
    let files = [FileReport {
        path: "plan.md",
        exact_path: None,
        source,
        diagnostics: &diagnostics,
    }];
    let doc: serde_json::Value = serde_json::from_str(&sarif::render(&files)).unwrap();
    let region = &doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    let chars_before = source[..source.find('[').unwrap()].chars().count();
    assert_eq!(region["charOffset"], chars_before);
    assert_eq!(region["charLength"], "[OWNER NAME]".len());
    assert_eq!(region["startColumn"], 8);
}
