//! `lint --fix` and `--diff`: gather each file's applicable fixes, apply
//! them as byte patches, and either write the file atomically (through
//! `planwright_edit::write_patched`, which refuses if the file changed
//! since it was read) or print a unified diff. Which fixes go together is
//! `planwright_lint::fixes::patch`'s call.

use std::fmt::Write as _;
use std::path::Path;

use super::lint::{Linted, lint_text};
use super::lint_errors::RunError;
use super::lint_settings::Settings;

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

/// How many rounds of fixes one file gets. A fix can leave a finding
/// another fix mends (`[X ]` made `[X]`, then `[x]`), and fixes that
/// conflict wait for the next round; ruff repeats the same way. The bound
/// keeps fixes that undo each other from going round forever: what is
/// left then is reported as still fixable.
const MAX_ROUNDS: usize = 10;

pub(crate) fn apply(
    linted: &mut [Linted],
    unsafe_fixes: bool,
    mode: Apply,
    settings: &Settings,
    errors: &mut Vec<RunError>,
) -> Outcome {
    let mut outcome = Outcome::default();
    for file in linted.iter_mut() {
        let Some(fixed) = fix_in_memory(file, unsafe_fixes, settings, errors) else {
            continue;
        };
        if mode == Apply::Write {
            // One byte patch on the text read, spanning what the rounds
            // changed, written only if the file still holds that text.
            let edit = changed_span(&file.source, &fixed.text);
            if let Err(e) = planwright_edit::write_patched(&file.path, &file.source, &[edit]) {
                errors.push(RunError::of(&file.path, e.to_string()));
                continue;
            }
        }
        if mode == Apply::Diff {
            let cwd = std::env::current_dir().ok();
            let name = diff_path(&file.path, cwd.as_deref());
            outcome
                .patch
                .push_str(&unified(&name, &file.source, &fixed.text));
        }
        let count = fixed.codes.len();
        let mut codes = fixed.codes;
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
            file.diagnostics = fixed.diagnostics;
            file.source = fixed.text;
        }
    }
    outcome
}

/// A file's text with its fixes applied, round after round, and what the
/// last round's text was found to hold.
struct Fixed {
    text: String,
    diagnostics: Vec<planwright_lint::Diagnostic>,
    /// The code of each finding fixed, one entry per fix.
    codes: Vec<&'static str>,
}

/// Applies `file`'s fixes in memory, linting the text again after each
/// round for the fixes it still offers. `None` when there is nothing to
/// fix, or when a round failed (the error is in `errors`, and the file is
/// left as it was).
fn fix_in_memory(
    file: &Linted,
    unsafe_fixes: bool,
    settings: &Settings,
    errors: &mut Vec<RunError>,
) -> Option<Fixed> {
    let mut fixed: Option<Fixed> = None;
    for _ in 0..MAX_ROUNDS {
        let (text, diagnostics) = match &fixed {
            Some(f) => (f.text.as_str(), &f.diagnostics),
            None => (file.source.as_str(), &file.diagnostics),
        };
        let patch = planwright_lint::fixes::patch(diagnostics, unsafe_fixes);
        if patch.edits.is_empty() {
            break;
        }
        let codes: Vec<&'static str> = patch.fixed.iter().map(|d| d.code).collect();
        let new_text = match planwright_core::edit::apply(text, &patch.edits) {
            Ok(t) => t,
            Err(e) => {
                errors.push(RunError::of(&file.path, format!("{}: {e}", file.display)));
                return None;
            }
        };
        let mut all_codes = fixed.take().map(|f| f.codes).unwrap_or_default();
        all_codes.extend(codes);
        // Nothing is written yet: a crash reading the fixed text leaves
        // the file as it was, reported, and the other files go on.
        let relinted = crate::guard::file(&file.path, || {
            lint_text(&file.path, &new_text, &file.rules, &file.root, settings)
        });
        let diagnostics = match relinted {
            Ok(d) => d,
            Err(crash) => {
                errors.push(RunError::crashed(&file.path, &crash));
                return None;
            }
        };
        fixed = Some(Fixed {
            text: new_text,
            diagnostics,
            codes: all_codes,
        });
    }
    fixed
}

/// One edit that turns `old` into `new`: the bytes between their common
/// start and common end, each cut on a character boundary of both.
fn changed_span(old: &str, new: &str) -> planwright_core::edit::Edit {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !(old.is_char_boundary(head) && new.is_char_boundary(head)) {
        head -= 1;
    }
    let most = a.len().min(b.len()) - head;
    let mut tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(most)
        .take_while(|(x, y)| x == y)
        .count();
    while !(old.is_char_boundary(a.len() - tail) && new.is_char_boundary(b.len() - tail)) {
        tail -= 1;
    }
    planwright_core::edit::Edit::replace(
        planwright_core::TextRange::new(head, a.len() - tail),
        &new[head..b.len() - tail],
    )
}

/// A unified diff of the fixes, as `git diff` writes it: three lines of
/// context, each line with its own ending (so a CRLF file's patch applies
/// to it), and the "No newline at end of file" mark where due.
///
/// Lines end at `\n` only, as for `git apply` and `patch`: a lone `\r`
/// (classic Mac OS endings) is part of a line, so such a file is one line,
/// marked as having no newline at its end. (`similar`'s own line splitting
/// also ends lines at a lone `\r`, which made patches nothing could apply.)
///
/// `path` is the file's path in the patch, as [`diff_path`] gives it.
pub(crate) fn unified(path: &[u8], old: &str, new: &str) -> String {
    let (old_lines, new_lines) = (lines(old), lines(new));
    let diff = similar::TextDiff::from_slices(&old_lines, &new_lines);
    let mut out = String::new();
    for group in diff.grouped_ops(3) {
        if out.is_empty() {
            let _ = writeln!(
                out,
                "--- {}\n+++ {}",
                header_name("a/", path),
                header_name("b/", path)
            );
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

/// The file's path in a patch, as bytes (a file name need not be UTF-8):
/// relative to `cwd` when under it, as `git apply` and `patch -p1` run from
/// there want it; otherwise as given, without its leading `/` (as `git diff
/// --no-index` writes an absolute path) or `./`.
pub(crate) fn diff_path(path: &Path, cwd: Option<&Path>) -> Vec<u8> {
    let path = cwd
        .filter(|_| path.is_absolute())
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    let mut parts = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::RootDir | std::path::Component::CurDir => {}
            std::path::Component::Prefix(p) => parts.push(p.as_os_str()),
            other => parts.push(other.as_os_str()),
        }
    }
    let mut out = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push(b'/');
        }
        out.extend_from_slice(&os_bytes(part));
    }
    out
}

#[cfg(unix)]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    s.as_bytes().to_vec()
}

#[cfg(not(unix))]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    s.to_string_lossy().into_owned().into_bytes()
}

/// `prefix` and `path` as `git diff` writes a name on a `---`/`+++` line:
/// in double quotes with C escapes when it holds a quote, a backslash, a
/// control character or bytes that are not UTF-8 (which `git apply` and
/// GNU patch read back); followed by a tab when it holds a space, so that
/// patch does not take the name to end there.
fn header_name(prefix: &str, path: &[u8]) -> String {
    let text = std::str::from_utf8(path).ok();
    let plain = text.is_some_and(|t| !t.chars().any(|c| c == '"' || c == '\\' || c.is_control()));
    if let (true, Some(text)) = (plain, text) {
        let tab = if text.contains(' ') { "\t" } else { "" };
        return format!("{prefix}{text}{tab}");
    }
    let mut out = format!("\"{prefix}");
    for chunk in path.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c if c.is_control() => {
                    let mut buf = [0; 4];
                    for b in c.encode_utf8(&mut buf).bytes() {
                        let _ = write!(out, "\\{b:03o}");
                    }
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\{b:03o}");
        }
    }
    out.push('"');
    out
}

/// `text`'s lines, each with its `\n`; the last without one when the text
/// does not end with one.
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{diff_path, header_name, unified};

    #[test]
    fn patch_names_are_written_as_git_writes_them() {
        let cwd = Path::new("/work/repo");
        let name = |p: &str| String::from_utf8(diff_path(Path::new(p), Some(cwd))).unwrap();
        assert_eq!(name("/work/repo/specs/plan.md"), "specs/plan.md");
        assert_eq!(name(".//specs/plan.md"), "specs/plan.md");
        assert_eq!(name("/elsewhere/plan.md"), "elsewhere/plan.md");
        assert_eq!(name("../up/plan.md"), "../up/plan.md");
        assert_eq!(header_name("a/", b"plan.md"), "a/plan.md");
        // A space: a tab after the name, so patch reads all of it.
        assert_eq!(header_name("a/", b"my plan.md"), "a/my plan.md\t");
        // Quotes, backslashes, controls and bytes that are not UTF-8: quoted.
        assert_eq!(header_name("b/", br#"a"b\c.md"#), r#""b/a\"b\\c.md""#);
        assert_eq!(header_name("a/", b"t\tx.md"), r#""a/t\tx.md""#);
        assert_eq!(header_name("a/", b"\xff-plan.md"), r#""a/\377-plan.md""#);
        assert_eq!(header_name("a/", "é-plan.md".as_bytes()), "a/é-plan.md");
    }

    #[test]
    fn lone_carriage_returns_do_not_end_lines() {
        // What `git diff` prints for this change (captured by hand): the
        // file is one line, without a newline at its end.
        let patch = unified(b"cr-plan.md", "# Plan\r\r- [X] a\r", "# Plan\r\r- [x] a\r");
        assert_eq!(
            patch,
            "--- a/cr-plan.md\n+++ b/cr-plan.md\n@@ -1 +1 @@\n-# Plan\r\r- [X] a\r\n\\ No newline at end of file\n+# Plan\r\r- [x] a\r\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn crlf_lines_keep_their_endings_and_a_missing_last_newline_is_marked() {
        let patch = unified(b"p.md", "a\r\nB\r\nc", "a\r\nb\r\nc");
        assert_eq!(
            patch,
            "--- a/p.md\n+++ b/p.md\n@@ -1,3 +1,3 @@\n a\r\n-B\r\n+b\r\n c\n\\ No newline at end of file\n"
        );
        assert_eq!(unified(b"p.md", "same\n", "same\n"), "");
    }
}
