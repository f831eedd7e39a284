//! GitHub Actions workflow commands: each finding becomes an annotation on
//! the pull request's diff (`::error file=...,line=...::message`).

use std::fmt::Write as _;

use super::FileReport;
use crate::diagnostic::Severity;

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for file in files {
        for (d, start, end) in file.located() {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let _ = writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(file.path),
                start.line,
                start.column,
                end.line,
                end.column,
                property(&format!("{} ({})", d.code, d.name)),
                data(&d.message),
            );
        }
    }
    out
}

/// Escaping for the message, as the runner decodes it.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Property values additionally escape the separators `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
