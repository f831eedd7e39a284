//! Output formats, one module each. Every renderer takes the same input:
//! the files linted, each with its source and diagnostics, sorted by path;
//! the formats that describe a whole run (JSON, SARIF, the human summary)
//! also take the paths that could not be read. [`rules`] is the odd one
//! out: it renders the rule registry for `planwright rules`, not a run.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod rules;
pub mod sarif;
pub mod statistics;

use std::fmt::Write as _;

use planwright_core::{LineColumn, LineIndex};
use schemars::JsonSchema;
use serde::Serialize;

use crate::diagnostic::{Applicability, Diagnostic, Severity};

/// One linted file as the renderers see it.
pub struct FileReport<'a> {
    /// The path as the user should see it (relative where possible).
    pub path: &'a str,
    /// The path's own bytes when `path` shows some of them escaped (a Unix
    /// file name that is not UTF-8 is shown with `\xFF`): SARIF's URIs are
    /// made from these, so that they decode to the file's name. `None`
    /// when `path` is the name exactly.
    pub exact_path: Option<&'a [u8]>,
    pub source: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

impl FileReport<'_> {
    /// Each finding with the line and column where its primary range starts
    /// and ends, for the one-line formats. The file's line index is built
    /// only when it has findings.
    pub(crate) fn located(&self) -> impl Iterator<Item = (&Diagnostic, LineColumn, LineColumn)> {
        let index = (!self.diagnostics.is_empty()).then(|| LineIndex::new(self.source));
        self.diagnostics.iter().filter_map(move |d| {
            let index = index.as_ref()?;
            let at = |offset| index.line_column(self.source, offset);
            Some((d, at(d.primary.range.start), at(d.primary.range.end)))
        })
    }
}

/// A path the run could not read (or, with `--fix`, write). The reports
/// that stand for a whole run list these beside the findings, so that a
/// run that read nothing does not pass for a clean one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FileError<'a> {
    /// The path as the user gave it or the walk found it, as findings name
    /// their files.
    pub path: &'a str,
    /// As [`FileReport::exact_path`]; only SARIF uses it.
    #[serde(skip)]
    #[schemars(skip)]
    pub exact_path: Option<&'a [u8]>,
    /// What went wrong, without the path, e.g.
    /// `not valid UTF-8 (invalid byte at offset 7, line 2)`.
    pub message: &'a str,
    /// The line the problem is on, where there is one (an invalid or NUL
    /// byte).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// The paths that could not be read, folders apart from files, so that
/// a summary does not call a folder a file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unreadable {
    pub files: usize,
    pub folders: usize,
}

/// Counts over a whole run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Files with at least one finding.
    pub files_with_findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings with a safe fix, which `--fix` would apply.
    pub fixable: usize,
    /// Findings with an unsafe fix, which need `--unsafe-fixes`.
    pub unsafe_fixable: usize,
}

impl Summary {
    pub fn of(files: &[FileReport<'_>]) -> Summary {
        Summary::of_diagnostics(files.len(), files.iter().map(|f| f.diagnostics))
    }

    /// The counts of `files` files whose findings are `per_file`, a slice
    /// for each file, for callers that no longer hold the files' text.
    pub fn of_diagnostics<'a>(
        files: usize,
        per_file: impl IntoIterator<Item = &'a [Diagnostic]>,
    ) -> Summary {
        let mut s = Summary {
            files,
            ..Summary::default()
        };
        for found in per_file {
            s.files_with_findings += usize::from(!found.is_empty());
            for d in found {
                match d.severity {
                    Severity::Error => s.errors += 1,
                    Severity::Warning => s.warnings += 1,
                    Severity::Info => s.infos += 1,
                }
                match d.fix.as_ref().map(|f| f.applicability) {
                    Some(Applicability::Safe) => s.fixable += 1,
                    Some(Applicability::Unsafe) => s.unsafe_fixable += 1,
                    None => {}
                }
            }
        }
        s
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// [`line`](Self::line), and how many paths could not be read when
    /// any could not: `No problems found in 3 files; 1 file could not be
    /// read.`
    pub fn line_with_unreadable(&self, unreadable: Unreadable) -> String {
        self.line_with_failures(unreadable, 0)
    }

    /// [`line`](Self::line), and how many paths could not be read and how
    /// many fixed files could not be written, when any: `Found 1 info in 1
    /// file; 1 file could not be written.` Without the note a run whose
    /// `--fix` wrote nothing would read as if it had.
    pub fn line_with_failures(&self, unreadable: Unreadable, unwritten: usize) -> String {
        let line = self.line();
        let read: Vec<String> = [(unreadable.files, "file"), (unreadable.folders, "folder")]
            .into_iter()
            .filter(|&(n, _)| n > 0)
            .map(|(n, what)| plural(n, what))
            .collect();
        let mut notes = Vec::new();
        if !read.is_empty() {
            notes.push(format!("{} could not be read", read.join(" and ")));
        }
        if unwritten > 0 {
            notes.push(format!(
                "{} could not be written",
                plural(unwritten, "file")
            ));
        }
        if notes.is_empty() {
            return line;
        }
        let counts = line.strip_suffix('.').unwrap_or(&line);
        format!("{counts}; {}.", notes.join("; "))
    }

    /// `Found 3 errors and 1 warning in 2 of 5 files (1 fixable with
    /// --fix).`: how many files hold findings, and how many were checked.
    pub fn line(&self) -> String {
        let files = plural(self.files, "file");
        if self.total() == 0 {
            return format!("No problems found in {files}.");
        }
        let files = if self.files_with_findings == self.files {
            files
        } else {
            format!("{} of {files}", self.files_with_findings)
        };
        let mut parts = Vec::new();
        for (n, what) in [
            (self.errors, "error"),
            (self.warnings, "warning"),
            (self.infos, "info"),
        ] {
            if n > 0 {
                parts.push(plural(n, what));
            }
        }
        let counts = match parts.as_slice() {
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            [] => String::new(),
        };
        let mut line = format!("Found {counts} in {files}");
        match (self.fixable, self.unsafe_fixable) {
            (0, 0) => {}
            (safe, 0) => {
                let _ = write!(line, " ({safe} fixable with --fix)");
            }
            (0, more) => {
                let _ = write!(line, " ({more} fixable with --fix --unsafe-fixes)");
            }
            (safe, more) => {
                let _ = write!(
                    line,
                    " ({safe} fixable with --fix, {more} more with --unsafe-fixes)"
                );
            }
        }
        line.push('.');
        line
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else if what == "info" {
        format!("{n} infos")
    } else {
        format!("{n} {what}s")
    }
}
