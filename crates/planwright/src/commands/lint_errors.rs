//! The paths `lint` could not read or write: each kept with its path, so
//! that standard error gets the library's whole line and the JSON and
//! SARIF reports file the reason under the path.

use std::path::{Path, PathBuf};

use planwright_lint::render::{FileError, Unreadable};
use planwright_workspace::discover::DiscoverError;
use planwright_workspace::source::{LoadError, display_path, escaped_path_bytes};

/// A path that could not be read (or, with `--fix`, written). Its line
/// goes to standard error as the library worded it; the JSON and SARIF
/// reports file its message under its path.
pub(crate) struct RunError {
    /// As findings show paths: without a leading `./`.
    pub path: String,
    /// The whole message, which starts with the path.
    pub line: String,
    /// The path's bytes when `path` shows some escaped, for SARIF.
    pub exact_path: Option<Vec<u8>>,
    /// The line the problem is on, where there is one (a file that is not
    /// UTF-8), for the annotations and reports that place it.
    pub at_line: Option<usize>,
    /// Whether the path is a folder (one the walk could not read), which
    /// the summary line counts apart from files.
    pub folder: bool,
}

impl RunError {
    pub(crate) fn new(path: String, line: String) -> Self {
        Self {
            path,
            line,
            exact_path: None,
            at_line: None,
            folder: false,
        }
    }

    /// The file at `path` that could not be read, with the line the
    /// problem is on.
    pub(crate) fn load(path: &Path, error: &LoadError) -> Self {
        Self {
            at_line: error.line(),
            ..Self::of(path, error.to_string())
        }
    }

    /// The error `line` of the file at `path`, named as findings name it.
    pub(crate) fn of(path: &Path, line: String) -> Self {
        Self {
            path: display_path(path),
            line,
            exact_path: escaped_path_bytes(path),
            at_line: None,
            folder: false,
        }
    }

    /// A crash on the plan at `path` (see [`crate::guard`]).
    pub(crate) fn crashed(path: &Path, crash: &crate::guard::Crash) -> Self {
        Self::of(path, format!("{}: {crash}", display_path(path)))
    }

    pub(crate) fn discovered(e: &DiscoverError) -> Self {
        let path = match e {
            DiscoverError::NotFound { path } | DiscoverError::Walk { path, .. } => path,
            DiscoverError::Glob { config, .. } => config,
        };
        Self {
            folder: Path::new(path).is_dir(),
            path: path.clone(),
            line: e.to_string(),
            exact_path: None,
            at_line: None,
        }
    }

    /// The line without the path it starts with (`{path}: …`, or
    /// `{path} changed on disk …`); the whole line should it not.
    fn message(&self) -> &str {
        self.line
            .strip_prefix(self.path.as_str())
            .map(|rest| rest.strip_prefix(':').unwrap_or(rest).trim_start())
            .filter(|rest| !rest.is_empty())
            .unwrap_or(&self.line)
    }

    pub(crate) fn report(&self) -> FileError<'_> {
        FileError {
            path: &self.path,
            exact_path: self.exact_path.as_deref(),
            message: self.message(),
            line: self.at_line,
        }
    }
}

/// `work` on the plan at `path` inside a guard (see [`crate::guard`]): a
/// crash on one plan is an error naming it, and the run goes on with the
/// others.
pub(crate) fn guarded<T>(
    path: &Path,
    work: impl FnOnce() -> Result<T, RunError>,
) -> Result<T, RunError> {
    crate::guard::file(path, work).unwrap_or_else(|crash| Err(RunError::crashed(path, &crash)))
}

/// How many of `errors` are files and how many folders.
pub(crate) fn unreadable(errors: &[RunError]) -> Unreadable {
    let folders = errors.iter().filter(|e| e.folder).count();
    Unreadable {
        files: errors.len() - folders,
        folders,
    }
}

/// The files linted, and the paths that could not be: the walk's problems
/// first, then the files' in path order.
pub(crate) fn gather<T>(
    results: Vec<(PathBuf, Result<T, RunError>)>,
    discover_errors: &[DiscoverError],
) -> (Vec<T>, Vec<RunError>) {
    super::plans::split_with(results, discover_errors, RunError::discovered)
}
