//! `lint --statistics`: one row per rule that found something, most
//! frequent first. For triage over a whole repository: which rules to fix
//! first, which to configure, which plans' authors to ask. As text, an
//! aligned table; as JSON (`--format json`), the same rows in a versioned
//! document with the run's unreadable paths and counts, as `lint --format
//! json` has them.

use std::fmt::Write as _;

use planwright_core::json::VERSION;
use schemars::JsonSchema;
use serde::Serialize;

use super::{FileError, Summary};
use crate::diagnostic::{Applicability, Diagnostic, Severity};

/// One rule's findings over a run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RuleCount {
    /// The rule's code, e.g. `PW101`.
    pub code: &'static str,
    /// The rule's name, e.g. `unfilled-placeholder`.
    pub name: &'static str,
    /// The most severe level it was reported at: overrides may set a
    /// rule's severity per file.
    pub severity: Severity,
    /// How many findings it made.
    pub count: usize,
    /// How many of them `--fix` would fix.
    pub fixable: usize,
    /// How many more `--fix --unsafe-fixes` would fix.
    pub unsafe_fixable: usize,
}

/// What `planwright lint --statistics --format json` prints, version 1.
// `planwright schema lint-statistics` is derived from this type.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "planwright lint --statistics --format json")]
pub struct Report<'a> {
    pub version: u32,
    /// One entry per rule that found something, most findings first, then
    /// by code.
    pub statistics: Vec<RuleCount>,
    /// The paths that could not be read (or, with `--fix`, written); the
    /// run exits with 2 when there are any. Empty for a complete run.
    pub errors: Vec<FileError<'a>>,
    pub summary: Summary,
}

/// The findings counted by rule, most first, then by code.
pub fn count<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Vec<RuleCount> {
    let mut counts: Vec<RuleCount> = Vec::new();
    for d in diagnostics {
        let at = counts
            .iter()
            .position(|c| c.code == d.code)
            .unwrap_or_else(|| {
                counts.push(RuleCount {
                    code: d.code,
                    name: d.name,
                    severity: d.severity,
                    count: 0,
                    fixable: 0,
                    unsafe_fixable: 0,
                });
                counts.len() - 1
            });
        let c = &mut counts[at];
        c.count += 1;
        c.severity = c.severity.max(d.severity);
        match d.fix.as_ref().map(|f| f.applicability) {
            Some(Applicability::Safe) => c.fixable += 1,
            Some(Applicability::Unsafe) => c.unsafe_fixable += 1,
            None => {}
        }
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    counts
}

/// The JSON document of a run: the counts, the paths it could not read,
/// and its summary.
pub fn render_json(counts: Vec<RuleCount>, errors: &[FileError<'_>], summary: Summary) -> String {
    let report = Report {
        version: VERSION,
        statistics: counts,
        errors: errors.to_vec(),
        summary,
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of [`Report`], for `planwright schema lint-statistics`.
pub fn schema() -> serde_json::Value {
    schemars::schema_for!(Report<'static>).into()
}

/// The rows as aligned text:
///
/// ```text
/// 12  PW101  unfilled-placeholder  warning
///  3  PW501  uppercase-check-mark  info     3 fixable
/// ```
pub fn render(counts: &[RuleCount]) -> String {
    let width = |f: fn(&RuleCount) -> usize| counts.iter().map(f).max().unwrap_or(0);
    let count_width = width(|c| c.count.to_string().len());
    let name_width = width(|c| c.name.len());
    let severity_width = width(|c| c.severity.name().len());
    let mut out = String::new();
    for c in counts {
        let mut row = format!(
            "{:>count_width$}  {}  {:<name_width$}  {:<severity_width$}",
            c.count,
            c.code,
            c.name,
            c.severity.name(),
        );
        if c.fixable > 0 {
            let _ = write!(row, "  {} fixable", c.fixable);
        }
        if c.unsafe_fixable > 0 {
            let _ = write!(row, "  {} with --unsafe-fixes", c.unsafe_fixable);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Label};
    use planwright_core::TextRange;

    fn finding(
        code: &'static str,
        name: &'static str,
        severity: Severity,
        safe: bool,
    ) -> Diagnostic {
        Diagnostic {
            code,
            name,
            severity,
            message: String::new(),
            primary: Label {
                range: TextRange::new(0, 0),
                message: String::new(),
            },
            secondary: Vec::new(),
            help: None,
            fix: safe.then(|| Fix {
                message: String::new(),
                applicability: Applicability::Safe,
                edits: Vec::new(),
            }),
        }
    }

    #[test]
    fn rules_are_counted_most_first_at_their_worst_severity() {
        let found = [
            finding("PW501", "uppercase-check-mark", Severity::Info, true),
            finding("PW101", "unfilled-placeholder", Severity::Warning, false),
            finding("PW501", "uppercase-check-mark", Severity::Info, true),
            finding("PW301", "broken-link", Severity::Error, false),
            finding("PW101", "unfilled-placeholder", Severity::Error, false),
            finding("PW501", "uppercase-check-mark", Severity::Info, false),
        ];
        let counts = count(&found);
        assert_eq!(
            render(&counts),
            "3  PW501  uppercase-check-mark  info   2 fixable\n\
             2  PW101  unfilled-placeholder  error\n\
             1  PW301  broken-link           error\n"
        );
        assert_eq!(render(&count(&[])), "");
    }

    #[test]
    fn json_has_the_rows_errors_and_summary() {
        let mut unsafe_fix = finding("PW101", "unfilled-placeholder", Severity::Warning, true);
        if let Some(fix) = &mut unsafe_fix.fix {
            fix.applicability = Applicability::Unsafe;
        }
        let found = [
            finding("PW501", "uppercase-check-mark", Severity::Info, true),
            unsafe_fix,
            finding("PW501", "uppercase-check-mark", Severity::Info, false),
        ];
        let errors = [FileError {
            path: "b.md",
            exact_path: None,
            message: "not valid UTF-8",
            line: None,
        }];
        let text = render_json(
            count(&found),
            &errors,
            Summary::of_diagnostics(2, [&found[..], &[]]),
        );
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "version": VERSION,
                "statistics": [
                    {"code": "PW501", "name": "uppercase-check-mark", "severity": "info",
                     "count": 2, "fixable": 1, "unsafe_fixable": 0},
                    {"code": "PW101", "name": "unfilled-placeholder", "severity": "warning",
                     "count": 1, "fixable": 0, "unsafe_fixable": 1},
                ],
                "errors": [{"path": "b.md", "message": "not valid UTF-8"}],
                "summary": {"files": 2, "files_with_findings": 1, "errors": 0, "warnings": 1, "infos": 2,
                            "fixable": 1, "unsafe_fixable": 1},
            })
        );
        assert!(
            render(&count(&found)).contains("1 with --unsafe-fixes"),
            "{}",
            render(&count(&found))
        );
    }
}
