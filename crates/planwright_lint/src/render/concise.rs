//! One line per finding: `path:line:col: CODE message`, for editors'
//! quick-fix lists and grep. Control characters in the path and message
//! (which quote the plan) are made visible, a line feed included, so a
//! plan can neither drive the terminal nor break the one-line shape.

use std::fmt::Write as _;

use planwright_core::visible::visible;

use super::FileReport;

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for file in files {
        let path = visible(file.path);
        for (d, at, _) in file.located() {
            let _ = writeln!(
                out,
                "{path}:{}:{}: {} {}",
                at.line,
                at.column,
                d.code,
                visible(&d.message)
            );
        }
    }
    out
}
