//! GitHub Actions workflow commands: each finding becomes an annotation on
//! the pull request's diff (`::error file=...,line=...::message`).
//! Control characters in the path and message (which quote the plan) are
//! made visible, since the log is read on terminals too; a line feed in a
//! message stays, escaped as the runner expects, for a multi-line note.

use std::fmt::Write as _;

use planwright_core::visible::{visible, visible_lines};

use super::{FileError, FileReport};
use crate::diagnostic::Severity;

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for file in files {
        let path = property(&visible(file.path));
        for (d, start, end) in file.located() {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let _ = writeln!(
                out,
                "::{level} file={path},line={},col={},endLine={},endColumn={},title={}::{}",
                start.line,
                start.column,
                end.line,
                end.column,
                property(&format!("{} ({})", d.code, d.name)),
                data(&visible_lines(&d.message)),
            );
        }
    }
    out
}

/// A file that could not be read (or written) as an error annotation on
/// the file, so that it shows in the run's summary beside the findings
/// rather than only in the log.
pub fn render_errors(errors: &[FileError<'_>]) -> String {
    let mut out = String::new();
    for e in errors {
        let line = e.line.map(|n| format!(",line={n}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "::error file={}{line},title=planwright::{}",
            property(&visible(e.path)),
            data(&visible_lines(e.message)),
        );
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

#[cfg(test)]
mod tests {
    use planwright_core::TextRange;

    use super::*;
    use crate::diagnostic::{Diagnostic, Label};

    #[test]
    fn unreadable_files_are_error_annotations() {
        let out = render_errors(&[FileError {
            path: "specs/a,b.md",
            exact_path: None,
            message: "not valid UTF-8 (invalid byte at offset 7, line 2)",
            line: Some(2),
        }]);
        assert_eq!(
            out,
            "::error file=specs/a%2Cb.md,line=2,title=planwright::not valid UTF-8 (invalid byte at offset 7, line 2)\n"
        );
    }

    #[test]
    fn control_characters_are_shown_and_line_feeds_escaped() {
        let d = Diagnostic {
            code: "PW104",
            name: "empty-section",
            severity: Severity::Warning,
            message: "section `A\x1b]0;x\x07\u{9b}` is empty\nsecond line\r".to_owned(),
            primary: Label {
                range: TextRange::new(0, 1),
                message: String::new(),
            },
            secondary: Vec::new(),
            help: None,
            fix: None,
        };
        let out = render(&[FileReport {
            path: "a\x1b.md",
            exact_path: None,
            source: "# A\n",
            diagnostics: &[d],
        }]);
        assert_eq!(
            out,
            "::warning file=a␛.md,line=1,col=1,endLine=1,endColumn=2,\
             title=PW104 (empty-section)::section `A␛]0;x␇�` is empty%0Asecond line␍\n"
        );
    }
}
