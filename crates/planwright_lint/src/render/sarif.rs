//! SARIF 2.1.0, the format GitHub code scanning uploads
//! (`github/codeql-action/upload-sarif`). Every rule is listed with its
//! documentation as help text; columns and offsets are counted in Unicode
//! code points, as the run declares. A path that could not be read is a
//! tool execution notification, and makes the run unsuccessful.
//!
//! Files are named by URI references (RFC 3986), not paths: a relative
//! path is percent-encoded and resolved against `%SRCROOT%`, which code
//! scanning takes for the repository's root (the command line makes its
//! paths relative to that root before they reach here); an absolute one
//! becomes a `file:` URI. The run leaves `originalUriBaseIds` out: code scanning does
//! not need it, and the folder it would name differs between machines,
//! so two runs over one tree would not print the same document.

use planwright_core::json::Locator;
use serde_json::{Value, json};

use super::{FileError, FileReport};
use crate::diagnostic::Severity;
use crate::registry::RULES;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The base every relative artifact URI is resolved against.
const SRCROOT: &str = "%SRCROOT%";

/// The document of a run that read every file.
pub fn render(files: &[FileReport<'_>]) -> String {
    render_with_errors(files, &[])
}

/// The document of a run, with the paths it could not read.
pub fn render_with_errors(files: &[FileReport<'_>], errors: &[FileError<'_>]) -> String {
    let mut text = serde_json::to_string_pretty(&document(files, errors)).unwrap_or_default();
    text.push('\n');
    text
}

pub fn document(files: &[FileReport<'_>], errors: &[FileError<'_>]) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let doc = r.doc();
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary()},
                "fullDescription": {"text": r.summary()},
                "help": {"text": doc, "markdown": doc},
                "defaultConfiguration": {
                    "level": level(r.severity),
                    "enabled": r.default_enabled,
                },
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in files {
        if file.diagnostics.is_empty() {
            continue;
        }
        let loc = Locator::new(file.source);
        let artifact = artifact_location(file.path, file.exact_path);
        let location = |range: planwright_core::TextRange, message: Option<&str>| {
            let r = loc.range(range);
            let mut v = json!({
                "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": {
                        "startLine": r.start.line,
                        "startColumn": r.start.column,
                        "endLine": r.end.line,
                        "endColumn": r.end.column,
                        "charOffset": loc.char_offset(range.start),
                        "charLength": chars(&loc, range.start, range.end),
                    },
                },
            });
            if let Some(m) = message.filter(|m| !m.is_empty()) {
                v["message"] = json!({"text": m});
            }
            v
        };
        for d in file.diagnostics {
            let index = RULES.iter().position(|r| r.code == d.code).unwrap_or(0);
            let mut result = json!({
                "ruleId": d.code,
                "ruleIndex": index,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [location(d.primary.range, None)],
            });
            if !d.secondary.is_empty() {
                let related: Vec<Value> = d
                    .secondary
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let mut v = location(l.range, Some(&l.message));
                        v["id"] = json!(i);
                        v
                    })
                    .collect();
                result["relatedLocations"] = json!(related);
            }
            if let Some(fix) = &d.fix {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        json!({
                            "deletedRegion": {
                                "charOffset": loc.char_offset(e.range.start),
                                "charLength": chars(&loc, e.range.start, e.range.end),
                            },
                            "insertedContent": {"text": e.content},
                        })
                    })
                    .collect();
                result["fixes"] = json!([{
                    "description": {"text": fix.message},
                    "artifactChanges": [{
                        "artifactLocation": artifact,
                        "replacements": replacements,
                    }],
                }]);
            }
            results.push(result);
        }
    }
    // No `informationUri`, which is optional: the workspace's `repository`
    // is still a placeholder address.
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "planwright",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "invocations": [invocation(errors)],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// Whether the run read everything, and a notification for each path it
/// could not read: without them, a run that read nothing would look
/// clean to code scanning.
fn invocation(errors: &[FileError<'_>]) -> Value {
    let mut invocation = json!({"executionSuccessful": errors.is_empty()});
    if !errors.is_empty() {
        let notifications: Vec<Value> = errors
            .iter()
            .map(|e| {
                let mut place = json!({
                    "artifactLocation": artifact_location(e.path, e.exact_path),
                });
                if let Some(line) = e.line {
                    place["region"] = json!({"startLine": line});
                }
                json!({
                    "level": "error",
                    "message": {"text": format!("{}: {}", e.path, e.message)},
                    "locations": [{"physicalLocation": place}],
                })
            })
            .collect();
        invocation["toolExecutionNotifications"] = json!(notifications);
    }
    invocation
}

/// `path` as a SARIF `artifactLocation`: a `file:` URI when it is
/// absolute, else a relative reference under [`SRCROOT`] (SARIF allows a
/// `uriBaseId` only beside a relative reference). On Unix the URI is made
/// from `exact`, the name's own bytes, when `path` shows some escaped.
fn artifact_location(path: &str, exact: Option<&[u8]>) -> Value {
    #[cfg(not(windows))]
    let path = exact.unwrap_or(path.as_bytes());
    #[cfg(windows)]
    let _ = exact;
    match file_uri(path) {
        Some(uri) => json!({"uri": uri}),
        None => json!({"uri": relative_uri(path), "uriBaseId": SRCROOT}),
    }
}

/// A relative path as a URI reference. Only on Windows is `\` a
/// separator; elsewhere it is part of a file name, and encoded as one.
#[cfg(not(windows))]
fn relative_uri(path: &[u8]) -> String {
    encode(path)
}

#[cfg(windows)]
fn relative_uri(path: &str) -> String {
    encode(path.replace('\\', "/").as_bytes())
}

/// The `file:` URI of an absolute path; `None` for a relative one.
#[cfg(not(windows))]
fn file_uri(path: &[u8]) -> Option<String> {
    path.starts_with(b"/")
        .then(|| format!("file://{}", encode(path)))
}

/// The `file:` URI of an absolute path (`C:\plans\a.md` is
/// `file:///C:/plans/a.md`, `\\server\share\a.md` is
/// `file://server/share/a.md`); `None` for a relative one.
#[cfg(windows)]
fn file_uri(path: &str) -> Option<String> {
    if !std::path::Path::new(path).is_absolute() {
        return None;
    }
    let slashed = path.replace('\\', "/");
    // A verbatim path (`\\?\C:\…`, `\\?\UNC\server\…`) names the file
    // its rest names.
    let plain = match slashed.strip_prefix("//?/") {
        Some(rest) => rest
            .strip_prefix("UNC/")
            .map_or_else(|| rest.to_owned(), |unc| format!("//{unc}")),
        None => slashed,
    };
    if let Some(shared) = plain.strip_prefix("//") {
        // The server is the URI's authority.
        return Some(format!("file://{}", encode(shared.as_bytes())));
    }
    // `C:`: the drive's colon belongs to the path, and stays as it is.
    let (drive, rest) = plain.split_at_checked(2)?;
    Some(format!("file:///{drive}{}", encode(rest.as_bytes())))
}

/// Percent-encodes every byte of `path` but the unreserved characters of
/// RFC 3986 and `/`: the result is a valid path of a URI reference (`:`,
/// which would read as a scheme in a first segment, and `%`, `#`, `?`,
/// spaces, non-ASCII text as UTF-8, and bytes that are not UTF-8 all
/// encoded), which decodes to `path` again.
fn encode(path: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(path.len());
    for &b in path {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
    out
}

/// SARIF counts offsets in characters of the run's `columnKind` (code
/// points here), not bytes, and a byte-order mark is none of them: the
/// characters in `from..to`.
fn chars(loc: &Locator<'_>, from: u32, to: u32) -> u32 {
    loc.char_offset(to).saturating_sub(loc.char_offset(from))
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references_that_decode_to_them() {
        for (path, uri) in [
            ("specs/001-a/plan.md", "specs/001-a/plan.md"),
            ("my plan#1?.md", "my%20plan%231%3F.md"),
            ("50%/c:d/plan.md", "50%25/c%3Ad/plan.md"),
            ("pl\u{e4}n/[x]&y.md", "pl%C3%A4n/%5Bx%5D%26y.md"),
            ("~a_b-c.md", "~a_b-c.md"),
        ] {
            assert_eq!(encode(path.as_bytes()), uri, "{path}");
        }
    }

    #[cfg(not(windows))]
    #[test]
    fn a_backslash_is_part_of_a_file_name_and_an_absolute_path_a_file_uri() {
        assert_eq!(
            artifact_location("a\\b.md", None),
            json!({"uri": "a%5Cb.md", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            artifact_location("/home/me/my plan.md", None),
            json!({"uri": "file:///home/me/my%20plan.md"})
        );
    }

    #[cfg(not(windows))]
    #[test]
    fn a_name_that_is_not_utf8_is_encoded_from_its_bytes() {
        // Shown `bad\xFF-plan.md`; the URI must name the file, byte 0xFF,
        // not a backslash and `xFF`.
        let exact: &[u8] = b"specs/bad\xff-plan.md";
        assert_eq!(
            artifact_location("specs/bad\\xFF-plan.md", Some(exact)),
            json!({"uri": "specs/bad%FF-plan.md", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            artifact_location("/p/\\xFE.md", Some(b"/p/\xfe.md")),
            json!({"uri": "file:///p/%FE.md"})
        );
    }

    #[cfg(windows)]
    #[test]
    fn windows_paths_use_slashes_and_file_uris() {
        assert_eq!(
            artifact_location("specs\\a b\\plan.md", None),
            json!({"uri": "specs/a%20b/plan.md", "uriBaseId": "%SRCROOT%"})
        );
        for (path, uri) in [
            ("C:\\plans\\a b.md", "file:///C:/plans/a%20b.md"),
            ("\\\\server\\share\\a.md", "file://server/share/a.md"),
            ("\\\\?\\C:\\plans\\a.md", "file:///C:/plans/a.md"),
            (
                "\\\\?\\UNC\\server\\share\\a.md",
                "file://server/share/a.md",
            ),
        ] {
            assert_eq!(artifact_location(path, None), json!({"uri": uri}), "{path}");
        }
    }
}
