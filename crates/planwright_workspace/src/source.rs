//! Reading one plan file, with one clear error per failure.
//!
//! A plan is read whole into a `String`: plans are small, and the model's
//! byte ranges point into this exact text, which edits later patch.

use std::fmt;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use planwright_core::{ParseOptions, Plan, parse_with};

#[path = "source_kind.rs"]
mod kind;

/// A plan file read from disk.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    /// The path as the user should see it.
    pub fn display(&self) -> String {
        display_path(&self.path)
    }

    /// Parses the text, with the file name as a detection hint.
    pub fn parse(&self, options: &ParseOptions<'_>) -> Plan {
        let name = self.path.file_name().and_then(|n| n.to_str());
        let path = self.path.to_str();
        parse_with(
            &self.text,
            &ParseOptions {
                file_name: name.or(options.file_name),
                path: path.or(options.path),
                ..*options
            },
        )
    }
}

/// Why a plan file could not be read. Every message starts with the path.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file")]
    NotFound { path: String },
    #[error("{path}: is a directory, expected a plan file")]
    IsDirectory { path: String },
    #[error("{path}: not valid UTF-8 (invalid byte at offset {offset}, line {line})")]
    NotUtf8 {
        path: String,
        offset: usize,
        line: usize,
    },
    /// A NUL byte, which is valid UTF-8 but in no text a person writes:
    /// a binary file, or UTF-16 without a byte-order mark, whose ASCII
    /// letters each come with one and which would otherwise pass for a
    /// plan with nothing in it.
    #[error(
        "{path}: not a text file (NUL byte at offset {offset}, line {line}); planwright reads UTF-8"
    )]
    NotText {
        path: String,
        offset: usize,
        line: usize,
    },
    /// UTF-16 with its byte-order mark: told apart from other bytes that
    /// are not UTF-8, since converting the file is all it takes.
    #[error("{path}: UTF-16 text (byte-order mark at offset 0); planwright reads UTF-8")]
    Utf16 { path: String },
    #[error("{path}: not a regular file")]
    NotAFile { path: String },
    #[error("{path}: permission denied")]
    PermissionDenied { path: String },
    /// One message whether the size was known beforehand (`show`, from
    /// the file's metadata) or found while reading (`done`, standard
    /// input, a file that grew): the two used to differ.
    #[error(
        "{path}: too large for a plan; planwright reads plans of up to {} MiB ({} bytes)",
        MAX_PLAN_BYTES >> 20,
        MAX_PLAN_BYTES
    )]
    TooLarge { path: String },
    #[error("{path}: {}", io_reason(error))]
    Io { path: String, error: io::Error },
}

impl LoadError {
    /// The line the problem is on, where there is one (an invalid or NUL
    /// byte), for reports that place it beside the path.
    pub fn line(&self) -> Option<usize> {
        match self {
            LoadError::NotUtf8 { line, .. } | LoadError::NotText { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// An I/O error as a reason after a path: the system's words in lower
/// case, without Rust's ` (os error N)` suffix, and the OS error found
/// under wrappers that add their own path (the temporary file's `at path
/// "…"`), since the message names the file already.
pub fn io_reason(error: &io::Error) -> String {
    let mut os = error.raw_os_error();
    let mut cause = error.get_ref().and_then(|e| e.source());
    while let (None, Some(e)) = (os, cause) {
        os = e
            .downcast_ref::<io::Error>()
            .and_then(io::Error::raw_os_error);
        cause = e.source();
    }
    // tempfile's wrapper hides the OS error from `source()` (it forwards
    // the inner error's source, which an OS error has not), so its path
    // is cut from the text instead.
    let text = os.map_or_else(
        || {
            let text = error.to_string();
            match text.find(" at path \"") {
                Some(at) if text.ends_with('"') => text[..at].to_owned(),
                _ => text,
            }
        },
        |code| io::Error::from_raw_os_error(code).to_string(),
    );
    let text = match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => &text[..at],
        _ => &text,
    };
    // "Too many levels…" reads as "too many levels…" after a colon; an
    // acronym ("IO error") keeps its capitals.
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => first
            .to_lowercase()
            .chain(text[first.len_utf8()..].chars())
            .collect(),
        _ => text.to_owned(),
    }
}

impl LoadError {
    pub fn io(path: &Path, source: io::Error) -> Self {
        let path = display_path(path);
        match source.kind() {
            io::ErrorKind::NotFound => LoadError::NotFound { path },
            io::ErrorKind::PermissionDenied => LoadError::PermissionDenied { path },
            io::ErrorKind::IsADirectory => LoadError::IsDirectory { path },
            _ => LoadError::Io {
                path,
                error: source,
            },
        }
    }
}

/// Reads a plan file as UTF-8.
pub fn read_plan_file(path: &Path) -> Result<SourceFile, LoadError> {
    let io = |e| LoadError::io(path, e);
    // The type is checked on the path before the file is opened: opening
    // a named pipe for reading waits for a writer, so `lint fifo-plan.md`
    // never returned. Then once more on the handle, for a FIFO or device
    // swapped in between (whose open may still wait: std cannot open
    // without waiting).
    let opening = kind::check(&std::fs::metadata(path).map_err(io)?, path)?;
    let file = kind::open(path, opening).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    kind::check(&meta, path)?;
    if meta.len() > MAX_PLAN_BYTES {
        return Err(too_large(path));
    }
    let bytes = read_sized(file, meta.len(), path)?;
    Ok(SourceFile {
        path: path.to_owned(),
        text: decode(bytes, path)?,
    })
}

/// Reads a plan from `reader` (standard input, for `-`), reported as
/// `name`: errors name it as they would name a file.
pub fn read_plan_from(mut reader: impl io::Read, name: &Path) -> Result<SourceFile, LoadError> {
    let bytes = read_capped(&mut reader, name)?;
    Ok(SourceFile {
        path: name.to_owned(),
        text: decode(bytes, name)?,
    })
}

/// The text of a plan's bytes, or where they stop being text: the first
/// byte that is not UTF-8 or is NUL (see [`LoadError::NotText`]), by its
/// offset and its line as Markdown counts lines (`\n`, `\r\n` or a lone
/// `\r` end one), as every other line planwright reports.
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<String, LoadError> {
    // `contains` finds a NUL with memchr; the position is only looked for
    // in a file that has one.
    let nul = if bytes.contains(&0) {
        bytes.iter().position(|&b| b == 0)
    } else {
        None
    };
    let (valid, bytes) = match String::from_utf8(bytes) {
        Ok(text) if nul.is_none() => return Ok(text),
        Ok(text) => (text.len(), text.into_bytes()),
        Err(e) => (e.utf8_error().valid_up_to(), e.into_bytes()),
    };
    let line_at = |offset: usize| {
        let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        planwright_core::LineIndex::new(before).line_count()
    };
    let path = display_path(path);
    // Both marks are invalid UTF-8 at offset 0, so nothing valid is lost.
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(LoadError::Utf16 { path });
    }
    Err(match nul.filter(|&at| at < valid) {
        Some(offset) => LoadError::NotText {
            path,
            offset,
            line: line_at(offset),
        },
        None => LoadError::NotUtf8 {
            path,
            offset: valid,
            line: line_at(valid),
        },
    })
}

/// The largest plan planwright reads. Plans are kilobytes; the model's
/// offsets are 32-bit and it holds several times the text, so a file past
/// this is an error rather than an allocation that can abort the process.
pub const MAX_PLAN_BYTES: u64 = 64 << 20;

fn too_large(path: &Path) -> LoadError {
    LoadError::TooLarge {
        path: display_path(path),
    }
}

/// All of `reader` (standard input, a pipe, a file being edited), up to
/// [`MAX_PLAN_BYTES`].
pub fn read_capped(reader: &mut impl io::Read, path: &Path) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_PLAN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::io(path, e))?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(too_large(path));
    }
    Ok(bytes)
}

/// The whole file, read into a buffer sized from `len` (the file may have
/// grown or shrunk since; the loop reads until the end either way, and
/// stops past [`MAX_PLAN_BYTES`]).
fn read_sized(file: std::fs::File, len: u64, path: &Path) -> Result<Vec<u8>, LoadError> {
    let io = |e| LoadError::io(path, e);
    let mut file = file.take(MAX_PLAN_BYTES + 1);
    let mut bytes = vec![0; usize::try_from(len.min(MAX_PLAN_BYTES)).unwrap_or(0) + 1];
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            bytes.resize(filled * 2, 0);
        }
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io(e)),
        }
    }
    if filled as u64 > MAX_PLAN_BYTES {
        return Err(too_large(path));
    }
    bytes.truncate(filled);
    Ok(bytes)
}

/// A path as the user typed it, without a leading `./` (nor `.//`,
/// `././`: stripping only the `./` of `.//plan.md` showed `/plan.md`, a
/// path at the file system's root).
///
/// A byte that is not UTF-8 shows as `\xNN`, as git and `ls -b` show it:
/// the lossy `�` made two such names look alike.
pub fn display_path(path: &Path) -> String {
    let shown = unambiguous(path);
    let mut rest = shown.as_str();
    while let Some(after) = rest.strip_prefix("./") {
        rest = after.trim_start_matches('/');
    }
    match rest {
        "" => ".".to_owned(),
        _ if rest.len() == shown.len() => shown,
        _ => rest.to_owned(),
    }
}

/// The bytes of the path [`display_path`] shows, when it had to escape
/// some (a Unix name that is not UTF-8), for a format that must name the
/// file itself, as SARIF's URIs do; `None` when the shown path is exact.
#[cfg(unix)]
pub fn escaped_path_bytes(path: &Path) -> Option<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    let bytes = path.as_os_str().as_bytes();
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    // The leading `./` goes, as `display_path` drops it.
    let mut rest = bytes;
    while let Some(after) = rest.strip_prefix(b"./") {
        rest = &after[after.iter().take_while(|&&b| b == b'/').count()..];
    }
    Some(rest.to_vec())
}

#[cfg(not(unix))]
pub fn escaped_path_bytes(_: &Path) -> Option<Vec<u8>> {
    None
}

#[cfg(unix)]
fn unambiguous(path: &Path) -> String {
    use std::fmt::Write as _;
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02X}");
        }
    }
    out
}

#[cfg(not(unix))]
fn unambiguous(path: &Path) -> String {
    path.display().to_string()
}

impl fmt::Display for SourceFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_distinct() {
        use std::os::unix::ffi::OsStrExt;
        let shown = |b: &[u8]| display_path(Path::new(std::ffi::OsStr::from_bytes(b)));
        assert_eq!(shown(b"./specs/\xff-plan.md"), "specs/\\xFF-plan.md");
        assert_eq!(shown(b"specs/\xfe-plan.md"), "specs/\\xFE-plan.md");
        // A character cut short is its bytes; whole ones stay as they are.
        assert_eq!(shown(b"caf\xc3-\xc3\xa9.md"), "caf\\xC3-\u{e9}.md");
        // The bytes themselves, for SARIF, without the `./` either.
        let exact = |b: &[u8]| escaped_path_bytes(Path::new(std::ffi::OsStr::from_bytes(b)));
        assert_eq!(
            exact(b"./specs/\xff-plan.md").unwrap(),
            b"specs/\xff-plan.md"
        );
        assert_eq!(exact(b"specs/plan.md"), None);
    }

    #[test]
    fn io_reasons_are_the_systems_words_once() {
        let loop_error = io::Error::from_raw_os_error(40);
        assert_eq!(io_reason(&loop_error), "too many levels of symbolic links");
        let wrapped = io::Error::other(Wrapped(io::Error::from_raw_os_error(1)));
        assert_eq!(io_reason(&wrapped), "operation not permitted");
        assert_eq!(io_reason(&io::Error::other("IO failure")), "IO failure");
        // tempfile's own wrapper, which `Wrapped` imitates but for its
        // source: that gives the inner error's source, none here.
        let real = tempfile::Builder::new()
            .tempfile_in("/nonexistent/planwright-test")
            .unwrap_err();
        assert_eq!(io_reason(&real), "no such file or directory");
    }

    /// A wrapper like tempfile's, which adds a path to its message.
    #[derive(Debug)]
    struct Wrapped(io::Error);

    impl fmt::Display for Wrapped {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{} at path \"/tmp/x\"", self.0)
        }
    }

    impl std::error::Error for Wrapped {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn shown_paths_lose_only_their_leading_current_folder() {
        for (typed, shown) in [
            ("./plan.md", "plan.md"),
            (".//plan.md", "plan.md"),
            ("././specs/plan.md", "specs/plan.md"),
            ("./", "."),
            ("/abs/./plan.md", "/abs/./plan.md"),
            ("specs//plan.md", "specs//plan.md"),
            ("../x/plan.md", "../x/plan.md"),
        ] {
            assert_eq!(display_path(Path::new(typed)), shown, "{typed}");
        }
    }

    #[test]
    fn a_plan_past_the_limit_is_an_error_not_an_allocation() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge-plan.md");
        // Sparse: no disk is used for the size.
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(1 << 40).unwrap();
        let err = read_plan_file(&path).unwrap_err().to_string();
        assert!(err.ends_with("huge-plan.md: too large for a plan; planwright reads plans of up to 64 MiB (67108864 bytes)"), "{err}");
        // A stream says so once it passes the limit.
        let mut endless = io::repeat(b'a');
        let err = read_capped(&mut endless, Path::new("-"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "-: too large for a plan; planwright reads plans of up to 64 MiB (67108864 bytes)"
        );
        // A file that grows past the limit after its size was taken.
        file.set_len(MAX_PLAN_BYTES + 10).unwrap();
        let err = read_sized(std::fs::File::open(&path).unwrap(), 10, &path).unwrap_err();
        assert!(matches!(err, LoadError::TooLarge { .. }));
    }

    #[test]
    fn files_are_read_whole_whatever_their_size() {
        let dir = tempfile::tempdir().unwrap();
        for len in [0usize, 1, 4095, 4096, 70_000] {
            let path = dir.path().join(format!("{len}.md"));
            let text: String = "- [ ] task line\n".chars().cycle().take(len).collect();
            std::fs::write(&path, &text).unwrap();
            assert_eq!(read_plan_file(&path).unwrap().text, text, "{len} bytes");
            // A size that is wrong by the time the file is read (it grew,
            // or shrank) still gives the whole file.
            for stale in [0, len as u64 / 2, len as u64 * 2] {
                let file = std::fs::File::open(&path).unwrap();
                assert_eq!(read_sized(file, stale, &path).unwrap(), text.as_bytes());
            }
        }
    }

    #[test]
    fn a_reader_is_read_as_a_file_is() {
        let name = Path::new("specs/a/plan.md");
        let file = read_plan_from(&b"# Plan\r\n- [ ] a\r\n"[..], name).unwrap();
        assert_eq!(file.text, "# Plan\r\n- [ ] a\r\n");
        assert_eq!(file.display(), "specs/a/plan.md");
        let err = read_plan_from(&b"# ok\n\xc3("[..], Path::new("<stdin>")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "<stdin>: not valid UTF-8 (invalid byte at offset 5, line 2)"
        );
        // Lines are counted as Markdown ends them, lone `\r` included.
        let err = read_plan_from(&b"a\r\nb\rc\r\xff"[..], Path::new("<stdin>")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "<stdin>: not valid UTF-8 (invalid byte at offset 7, line 4)"
        );
    }

    #[test]
    fn errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.md");
        let err = read_plan_file(&missing).unwrap_err();
        assert!(matches!(err, LoadError::NotFound { .. }));
        assert!(err.to_string().ends_with("nope.md: no such file"));

        let err = read_plan_file(dir.path()).unwrap_err();
        assert!(
            err.to_string()
                .ends_with(": is a directory, expected a plan file")
        );

        let bad = dir.path().join("bad.md");
        std::fs::write(&bad, b"# ok\nfine\n\xff\xfe").unwrap();
        let err = read_plan_file(&bad).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("bad.md: not valid UTF-8 (invalid byte at offset 10, line 3)"),
            "{err}"
        );
    }

    #[test]
    fn a_nul_byte_is_no_text_and_the_first_bad_byte_is_named() {
        let stdin = Path::new("<stdin>");
        let err = |bytes: &[u8]| decode(bytes.to_vec(), stdin).unwrap_err().to_string();
        assert_eq!(
            err(b"#\0 \0P\0"),
            "<stdin>: not a text file (NUL byte at offset 1, line 1); planwright reads UTF-8"
        );
        // Whichever comes first: a NUL, or a byte that is not UTF-8.
        assert_eq!(
            err(b"# ok\n\0\xff"),
            "<stdin>: not a text file (NUL byte at offset 5, line 2); planwright reads UTF-8"
        );
        assert_eq!(
            err(b"# ok\n\xff\0"),
            "<stdin>: not valid UTF-8 (invalid byte at offset 5, line 2)"
        );
        // UTF-16 with its mark, either byte order, is named as such.
        for bytes in [&b"\xff\xfe#\0 \0P\0"[..], b"\xfe\xff\0#\0 \0P"] {
            assert_eq!(
                err(bytes),
                "<stdin>: UTF-16 text (byte-order mark at offset 0); planwright reads UTF-8"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_before_it_is_read() {
        // `/dev/zero` never ends: reading it would exhaust memory.
        let err = read_plan_file(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(err.to_string(), "/dev/zero: not a regular file");
    }
}
