//! SARIF 2.1.0, the format GitHub code scanning uploads
//! (`github/codeql-action/upload-sarif`). Every rule is listed with its
//! documentation as help text; columns and offsets are counted in Unicode
//! code points, as the run declares.

use planwright_core::json::Locator;
use serde_json::{Value, json};

use super::FileReport;
use crate::diagnostic::Severity;
use crate::registry::RULES;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://example.invalid/planwright";

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut text = serde_json::to_string_pretty(&document(files)).unwrap_or_default();
    text.push('\n');
    text
}

pub fn document(files: &[FileReport<'_>]) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let doc = r.doc();
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary()},
                "fullDescription": {"text": r.summary()},
                "help": {"text": doc, "markdown": doc},
                "defaultConfiguration": {
                    "level": level(r.severity),
                    "enabled": r.default_enabled,
                },
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in files {
        if file.diagnostics.is_empty() {
            continue;
        }
        let loc = Locator::new(file.source);
        let uri = file.path.replace('\\', "/");
        let location = |range: planwright_core::TextRange, message: Option<&str>| {
            let r = loc.range(range);
            let mut v = json!({
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {
                        "startLine": r.start.line,
                        "startColumn": r.start.column,
                        "endLine": r.end.line,
                        "endColumn": r.end.column,
                        "charOffset": loc.char_offset(range.start),
                        "charLength": chars(&loc, range.start, range.end),
                    },
                },
            });
            if let Some(m) = message.filter(|m| !m.is_empty()) {
                v["message"] = json!({"text": m});
            }
            v
        };
        for d in file.diagnostics {
            let index = RULES.iter().position(|r| r.code == d.code).unwrap_or(0);
            let mut result = json!({
                "ruleId": d.code,
                "ruleIndex": index,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [location(d.primary.range, None)],
            });
            if !d.secondary.is_empty() {
                let related: Vec<Value> = d
                    .secondary
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let mut v = location(l.range, Some(&l.message));
                        v["id"] = json!(i);
                        v
                    })
                    .collect();
                result["relatedLocations"] = json!(related);
            }
            if let Some(fix) = &d.fix {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        json!({
                            "deletedRegion": {
                                "charOffset": loc.char_offset(e.range.start),
                                "charLength": chars(&loc, e.range.start, e.range.end),
                            },
                            "insertedContent": {"text": e.content},
                        })
                    })
                    .collect();
                result["fixes"] = json!([{
                    "description": {"text": fix.message},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri},
                        "replacements": replacements,
                    }],
                }]);
            }
            results.push(result);
        }
    }
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "planwright",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// SARIF counts offsets in characters of the run's `columnKind` (code
/// points here), not bytes, and a byte-order mark is none of them: the
/// characters in `from..to`.
fn chars(loc: &Locator<'_>, from: u32, to: u32) -> u32 {
    loc.char_offset(to).saturating_sub(loc.char_offset(from))
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
