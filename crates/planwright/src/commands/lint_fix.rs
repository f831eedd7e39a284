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

pub(crate) fn apply(
    linted: &mut [Linted],
    unsafe_fixes: bool,
    mode: Apply,
    settings: &Settings,
    errors: &mut Vec<RunError>,
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
                errors.push(RunError::of(&file.path, e));
                continue;
            }
        };
        if mode == Apply::Diff {
            let cwd = std::env::current_dir().ok();
            let name = diff_path(&file.path, cwd.as_deref());
            outcome
                .patch
                .push_str(&unified(&name, &file.source, &new_text));
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
            // Written already: a crash reading the fixed text is reported
            // with no findings for it, and the other files go on.
            let relinted = crate::guard::file(&file.path, || {
                lint_text(&file.path, &new_text, &file.rules, &file.root, settings)
            });
            file.diagnostics = relinted.unwrap_or_else(|crash| {
                errors.push(RunError::crashed(&file.path, &crash));
                Vec::new()
            });
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
