//! One line per finding: `path:line:col: CODE message`, for editors'
//! quick-fix lists and grep.

use std::fmt::Write as _;

use planwright_core::LineIndex;

use super::FileReport;

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for file in files {
        if file.diagnostics.is_empty() {
            continue;
        }
        let index = LineIndex::new(file.source);
        for d in file.diagnostics {
            let at = index.line_column(file.source, d.primary.range.start);
            let _ = writeln!(
                out,
                "{}:{}:{}: {} {}",
                file.path, at.line, at.column, d.code, d.message
            );
        }
    }
    out
}
