//! The versioned JSON report: `{"version": 1, "diagnostics": [...],
//! "summary": {...}}`, with byte offsets and 1-based lines and character
//! columns for every range. Field names are an interface; add, never rename.

use planwright_core::json::{Locator, Range, VERSION};
use schemars::JsonSchema;
use serde::Serialize;

use super::{FileReport, Summary};
use crate::diagnostic::{Applicability, Severity};

/// What `planwright lint --format json` prints, version 1: every finding
/// of the run, files in path order, and the counts.
// `planwright schema lint` is derived from this type and its doc comments
// (see `schema`), so the published schema cannot drift from the output.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "planwright lint --format json")]
pub struct Report<'a> {
    pub version: u32,
    pub diagnostics: Vec<DiagnosticDoc<'a>>,
    pub summary: Summary,
}

#[derive(Serialize, JsonSchema)]
pub struct DiagnosticDoc<'a> {
    /// The rule's code, e.g. `PW101`; never changes meaning.
    pub code: &'static str,
    /// The rule's name, e.g. `unfilled-placeholder`.
    pub name: &'static str,
    pub severity: Severity,
    pub message: &'a str,
    pub path: &'a str,
    /// Where the problem is.
    pub range: Range,
    /// Other places that explain it.
    pub labels: Vec<LabelDoc<'a>>,
    pub help: Option<&'a str>,
    pub fix: Option<FixDoc<'a>>,
}

#[derive(Serialize, JsonSchema)]
pub struct LabelDoc<'a> {
    pub message: &'a str,
    pub range: Range,
}

#[derive(Serialize, JsonSchema)]
pub struct FixDoc<'a> {
    pub message: &'a str,
    /// `safe` fixes are applied by `--fix`; `unsafe` ones need
    /// `--unsafe-fixes`.
    pub applicability: Applicability,
    /// Byte patches on the file as it was read.
    pub edits: Vec<EditDoc<'a>>,
}

#[derive(Serialize, JsonSchema)]
pub struct EditDoc<'a> {
    pub range: Range,
    /// The text that replaces the range.
    pub content: &'a str,
}

pub fn report<'a>(files: &'a [FileReport<'a>]) -> Report<'a> {
    let mut diagnostics = Vec::new();
    for file in files {
        if file.diagnostics.is_empty() {
            continue;
        }
        let loc = Locator::new(file.source);
        for d in file.diagnostics {
            diagnostics.push(DiagnosticDoc {
                code: d.code,
                name: d.name,
                severity: d.severity,
                message: &d.message,
                path: file.path,
                range: loc.range(d.primary.range),
                labels: d
                    .secondary
                    .iter()
                    .map(|l| LabelDoc {
                        message: &l.message,
                        range: loc.range(l.range),
                    })
                    .collect(),
                help: d.help.as_deref(),
                fix: d.fix.as_ref().map(|f| FixDoc {
                    message: &f.message,
                    applicability: f.applicability,
                    edits: f
                        .edits
                        .iter()
                        .map(|e| EditDoc {
                            range: loc.range(e.range),
                            content: &e.content,
                        })
                        .collect(),
                }),
            });
        }
    }
    Report {
        version: VERSION,
        diagnostics,
        summary: Summary::of(files),
    }
}

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut text = serde_json::to_string_pretty(&report(files)).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of [`Report`], for `planwright schema lint`.
pub fn schema() -> serde_json::Value {
    schemars::schema_for!(Report<'static>).into()
}
