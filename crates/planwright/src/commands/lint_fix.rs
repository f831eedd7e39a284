//! `lint --fix` and `--diff`: gather each file's applicable fixes, apply
//! them as byte patches, and either write the file atomically (through
//! `planwright_edit::write_patched`, which refuses if the file changed
//! since it was read) or print a unified diff. Which fixes go together is
//! `planwright_lint::fixes::patch`'s call.

use std::fmt::Write as _;

use planwright_core::DialectSet;

use super::lint::{Linted, lint_text};

/// What becomes of the fixed text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Apply {
    /// Written over the file, atomically.
    Write,
    /// Kept in memory (for a plan read from standard input) and linted
    /// again.
    InMemory,
    /// Only shown, as a patch.
    Diff,
}

#[derive(Default)]
pub(crate) struct Outcome {
    pub fixed: usize,
    pub files: usize,
    pub patch: String,
    /// One line per file written: what was fixed there.
    pub changes: Vec<String>,
}

pub(crate) fn apply(
    linted: &mut [Linted],
    unsafe_fixes: bool,
    mode: Apply,
    dialects: &DialectSet,
    errors: &mut Vec<String>,
) -> Outcome {
    let mut outcome = Outcome::default();
    for file in linted.iter_mut() {
        let patch = planwright_lint::fixes::patch(&file.diagnostics, unsafe_fixes);
        if patch.edits.is_empty() {
            continue;
        }
        let edits = patch.edits;
        let count = patch.fixed.len();
        let mut codes: Vec<&str> = patch.fixed.iter().map(|d| d.code).collect();
        let new_text = if mode == Apply::Write {
            planwright_edit::write_patched(&file.path, &file.source, &edits)
                .map_err(|e| e.to_string())
        } else {
            planwright_core::edit::apply(&file.source, &edits)
                .map_err(|e| format!("{}: {e}", file.display))
        };
        let new_text = match new_text {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if mode == Apply::Diff {
            outcome
                .patch
                .push_str(&unified(&file.display, &file.source, &new_text));
        }
        outcome.fixed += count;
        outcome.files += 1;
        codes.sort_unstable();
        codes.dedup();
        outcome.changes.push(format!(
            "{}: fixed {count} ({})",
            file.display,
            codes.join(", ")
        ));
        if mode != Apply::Diff {
            file.diagnostics = lint_text(&file.path, &new_text, &file.rules, &file.root, dialects);
            file.source = new_text;
        }
    }
    outcome
}

/// A unified diff of the fixes, as `git diff` writes it: three lines of
/// context, each line with its own ending (so a CRLF file's patch applies
/// to it), and the "No newline at end of file" mark where due.
///
/// Lines end at `\n` only, as for `git apply` and `patch`: a lone `\r`
/// (classic Mac OS endings) is part of a line, so such a file is one line,
/// marked as having no newline at its end. (`similar`'s own line splitting
/// also ends lines at a lone `\r`, which made patches nothing could apply.)
pub(crate) fn unified(path: &str, old: &str, new: &str) -> String {
    let (old_lines, new_lines) = (lines(old), lines(new));
    let diff = similar::TextDiff::from_slices(&old_lines, &new_lines);
    let mut out = String::new();
    for group in diff.grouped_ops(3) {
        if out.is_empty() {
            let _ = writeln!(out, "--- a/{path}\n+++ b/{path}");
        }
        let _ = writeln!(out, "{}", similar::udiff::UnifiedHunkHeader::new(&group));
        for op in &group {
            for change in diff.iter_changes(op) {
                let sign = match change.tag() {
                    similar::ChangeTag::Equal => ' ',
                    similar::ChangeTag::Delete => '-',
                    similar::ChangeTag::Insert => '+',
                };
                let line = change.value();
                out.push(sign);
                out.push_str(line);
                if !line.ends_with('\n') {
                    out.push_str("\n\\ No newline at end of file\n");
                }
            }
        }
    }
    out
}

/// `text`'s lines, each with its `\n`; the last without one when the text
/// does not end with one.
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

#[cfg(test)]
mod tests {
    use super::unified;

    #[test]
    fn lone_carriage_returns_do_not_end_lines() {
        // What `git diff` prints for this change (captured by hand): the
        // file is one line, without a newline at its end.
        let patch = unified("cr-plan.md", "# Plan\r\r- [X] a\r", "# Plan\r\r- [x] a\r");
        assert_eq!(
            patch,
            "--- a/cr-plan.md\n+++ b/cr-plan.md\n@@ -1 +1 @@\n-# Plan\r\r- [X] a\r\n\\ No newline at end of file\n+# Plan\r\r- [x] a\r\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn crlf_lines_keep_their_endings_and_a_missing_last_newline_is_marked() {
        let patch = unified("p.md", "a\r\nB\r\nc", "a\r\nb\r\nc");
        assert_eq!(
            patch,
            "--- a/p.md\n+++ b/p.md\n@@ -1,3 +1,3 @@\n a\r\n-B\r\n+b\r\n c\n\\ No newline at end of file\n"
        );
        assert_eq!(unified("p.md", "same\n", "same\n"), "");
    }
}
