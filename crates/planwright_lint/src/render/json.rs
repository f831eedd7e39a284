//! The versioned JSON report: `{"version": 1, "diagnostics": [...],
//! "errors": [...], "summary": {...}}`, with byte offsets and 1-based
//! lines and character columns for every range. Field names are an
//! interface; add, never rename (`errors` was added within version 1).

use planwright_core::json::{Locator, Range, VERSION};
use schemars::JsonSchema;
use serde::Serialize;

use super::{FileError, FileReport, Summary};
use crate::diagnostic::{Applicability, Severity};

/// What `planwright lint --format json` prints, version 1: every finding
/// of the run, files in path order, the paths that could not be read, and
/// the counts.
// `planwright schema lint` is derived from this type and its doc comments
// (see `schema`), so the published schema cannot drift from the output.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "planwright lint --format json")]
pub struct Report<'a> {
    pub version: u32,
    pub diagnostics: Vec<DiagnosticDoc<'a>>,
    /// The paths that could not be read (or, with `--fix`, written); the
    /// run exits with 2 when there are any. Empty for a complete run.
    pub errors: Vec<FileError<'a>>,
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

/// The report of a run that read every file; see [`report_with_errors`].
pub fn report<'a>(files: &'a [FileReport<'a>]) -> Report<'a> {
    report_with_errors(files, &[])
}

pub fn report_with_errors<'a>(files: &'a [FileReport<'a>], errors: &[FileError<'a>]) -> Report<'a> {
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
        errors: errors.to_vec(),
        summary: Summary::of(files),
    }
}

/// The report of a run that read every file.
pub fn render(files: &[FileReport<'_>]) -> String {
    render_with_errors(files, &[])
}

/// The report of a run, with the paths it could not read.
pub fn render_with_errors(files: &[FileReport<'_>], errors: &[FileError<'_>]) -> String {
    let mut text =
        serde_json::to_string_pretty(&report_with_errors(files, errors)).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of [`Report`], for `planwright schema lint`.
pub fn schema() -> serde_json::Value {
    schemars::schema_for!(Report<'static>).into()
}
