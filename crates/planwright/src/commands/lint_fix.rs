//! `lint --fix` and `--diff`: gather each file's applicable fixes, apply
//! them as byte patches, and either write the file atomically (through
//! `planwright_edit::write_patched`, which refuses if the file changed
//! since it was read) or print a unified diff. Which fixes go together is
//! `planwright_lint::fixes::patch`'s call.

use std::fmt::Write as _;

use planwright_core::DialectSet;
use planwright_core::edit::Edit;

use super::lint::{Linted, lint_text};

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
    diff: bool,
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
        let new_text = if diff {
            match planwright_core::edit::apply(&file.source, &edits) {
                Ok(t) => t,
                Err(e) => {
                    errors.push(format!("{}: {e}", file.display));
                    continue;
                }
            }
        } else {
            match planwright_edit::write_patched(&file.path, &file.source, &edits) {
                Ok(t) => t,
                Err(e) => {
                    errors.push(e.to_string());
                    continue;
                }
            }
        };
        if diff {
            outcome
                .patch
                .push_str(&unified(&file.display, &file.source, &edits));
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
        if !diff {
            file.diagnostics = lint_text(&file.path, &new_text, &file.rules, &file.root, dialects);
            file.source = new_text;
        }
    }
    outcome
}

/// A unified diff of `edits` on `old`: each hunk is the whole lines the
/// edits touch, without context lines.
fn unified(path: &str, old: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.range.start);
    // Group edits by the line spans they touch: (start byte, end byte).
    let mut hunks: Vec<(usize, usize, Vec<&Edit>)> = Vec::new();
    for e in sorted {
        let start = old[..e.range.start as usize]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let end = old[e.range.end as usize..]
            .find('\n')
            .map_or(old.len(), |i| e.range.end as usize + i + 1);
        match hunks.last_mut() {
            Some(last) if start < last.1 => {
                last.1 = last.1.max(end);
                last.2.push(e);
            }
            _ => hunks.push((start, end, vec![e])),
        }
    }
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let mut delta: isize = 0;
    for (start, end, group) in hunks {
        let before = &old[start..end];
        let mut after = String::new();
        let mut at = start;
        for e in group {
            after.push_str(&old[at..e.range.start as usize]);
            after.push_str(&e.content);
            at = e.range.end as usize;
        }
        after.push_str(&old[at..end]);
        let first = old[..start].matches('\n').count() + 1;
        let old_n = before.lines().count();
        let new_n = after.lines().count();
        let new_first = first.cast_signed() + delta;
        let _ = writeln!(out, "@@ -{first},{old_n} +{new_first},{new_n} @@");
        for l in before.lines() {
            let _ = writeln!(out, "-{l}");
        }
        for l in after.lines() {
            let _ = writeln!(out, "+{l}");
        }
        delta += new_n.cast_signed() - old_n.cast_signed();
    }
    out
}
