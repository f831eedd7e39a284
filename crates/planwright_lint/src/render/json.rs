//! The versioned JSON report: `{"version": 1, "diagnostics": [...],
//! "summary": {...}}`, with byte offsets and 1-based lines and character
//! columns for every range. Field names are an interface; add, never rename.

use planwright_core::json::{Locator, Range, VERSION};
use serde::Serialize;

use super::{FileReport, Summary};
use crate::diagnostic::{Applicability, Severity};

#[derive(Serialize)]
pub struct Report<'a> {
    pub version: u32,
    pub diagnostics: Vec<DiagnosticDoc<'a>>,
    pub summary: Summary,
}

#[derive(Serialize)]
pub struct DiagnosticDoc<'a> {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: &'a str,
    pub path: &'a str,
    pub range: Range,
    pub labels: Vec<LabelDoc<'a>>,
    pub help: Option<&'a str>,
    pub fix: Option<FixDoc<'a>>,
}

#[derive(Serialize)]
pub struct LabelDoc<'a> {
    pub message: &'a str,
    pub range: Range,
}

#[derive(Serialize)]
pub struct FixDoc<'a> {
    pub message: &'a str,
    pub applicability: Applicability,
    pub edits: Vec<EditDoc<'a>>,
}

#[derive(Serialize)]
pub struct EditDoc<'a> {
    pub range: Range,
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
