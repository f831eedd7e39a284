//! One line per finding: `path:line:col: CODE message`, for editors'
//! quick-fix lists and grep.

use std::fmt::Write as _;

use super::FileReport;

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for file in files {
        for (d, at, _) in file.located() {
            let _ = writeln!(
                out,
                "{}:{}:{}: {} {}",
                file.path, at.line, at.column, d.code, d.message
            );
        }
    }
    out
}
