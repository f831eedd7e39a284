//! `lint --fix` and `--diff`: gather each file's applicable fixes, apply
//! them as byte patches, and either write the file atomically (through
//! `planwright_edit::write_patched`, which refuses if the file changed
//! since it was read) or print a unified diff. Which fixes go together is
//! `planwright_lint::fixes::patch`'s call.

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

/// A unified diff of the fixes, as `diff -u` and `git diff` write it: three
/// lines of context, each line with its own ending (so a CRLF file's patch
/// applies to it), and the "No newline at end of file" mark where due.
fn unified(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}
