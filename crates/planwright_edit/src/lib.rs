//! planwright's editor: every change to a plan is a list of byte patches on
//! the text as read, computed from the parsed model, checked by parsing the
//! result again, and written atomically under an advisory lock.
//!
//! - [`ops`]: pure functions from a plan and its text to [`Edit`]s: tick,
//!   untick and start tasks, set a metadata field, append to the log.
//! - [`mod@resolve`]: which task a user meant by `T003`, `#5` or a fragment.
//! - [`mod@verify`]: the result parses to the same model but for the change.
//! - [`fs`]: lock, read, refuse stale writes, temp file and rename (or an
//!   overwrite in place that keeps hard links and owner: `fs_identity`).
//! - [`track`]: read-only views for `status`, `next` and `graph`: which
//!   tasks can start, and the dependency graph with its cycles.

pub mod fs;
mod fs_identity;
pub mod ops;
pub mod resolve;
pub mod track;
pub mod verify;

use std::path::Path;

use fs::display_path;
use planwright_core::{ParseOptions, Plan, parse_with};

pub use fs::{LockedFile, WriteError, open_locked, write_patched};
pub use ops::{Change, Intent, OpError};
pub use planwright_core::edit::{Edit, EditError, apply};
pub use resolve::{ResolveError, resolve, resolve_all};
pub use verify::{VerifyError, verify};

/// Why an edit command changed nothing. Messages start with the path.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("{path}: {error}")]
    Resolve { path: String, error: ResolveError },
    #[error("{path}: {error}")]
    Op { path: String, error: OpError },
    #[error("{path}: {error}")]
    Verify { path: String, error: VerifyError },
}

/// Failures an operation closure reports; [`edit_plan`] adds the path.
#[derive(Debug, thiserror::Error)]
pub enum OpFailure {
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    #[error(transparent)]
    Op(#[from] OpError),
}

/// The result of [`edit_plan`]: the operation's own report, and the new
/// text if anything changed.
#[derive(Debug)]
pub struct Edited<T> {
    pub report: T,
    /// The new text, when the change is not empty: written, or, for a
    /// [`Mode::Preview`], only computed and checked.
    pub written: Option<String>,
    /// For a [`Mode::Preview`], the text as read, which the new text is
    /// to be compared with; `None` once written.
    pub original: Option<String>,
}

/// Whether [`edit_plan_as`] writes the change or only shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Write,
    /// Everything but the write: the change is computed, applied to the
    /// text in memory and verified as for a write, so a preview fails
    /// where the write would.
    Preview,
}

/// One write command's turn: lock, read, parse, let `op` compute the
/// change, apply, re-parse and verify, refuse if the file changed, write
/// atomically, unlock. An empty change writes nothing.
pub fn edit_plan<T>(
    path: &Path,
    options: &ParseOptions<'_>,
    op: impl FnOnce(&Plan, &str) -> Result<(Change, T), OpFailure>,
) -> Result<Edited<T>, Error> {
    edit_plan_as(path, options, Mode::Write, op)
}

/// [`edit_plan`], or with [`Mode::Preview`] all of it but the write.
pub fn edit_plan_as<T>(
    path: &Path,
    options: &ParseOptions<'_>,
    mode: Mode,
    op: impl FnOnce(&Plan, &str) -> Result<(Change, T), OpFailure>,
) -> Result<Edited<T>, Error> {
    let locked = open_locked(path)?;
    let name = path.file_name().and_then(|n| n.to_str());
    let options = ParseOptions {
        file_name: name.or(options.file_name),
        path: path.to_str().or(options.path),
        ..*options
    };
    let before = parse_with(&locked.text, &options);
    let shown = display_path(path);
    let (change, report) = op(&before, &locked.text).map_err(|e| match e {
        OpFailure::Resolve(error) => Error::Resolve {
            path: shown.clone(),
            error,
        },
        OpFailure::Op(error) => Error::Op {
            path: shown.clone(),
            error,
        },
    })?;
    if change.edits.is_empty() {
        return Ok(Edited {
            report,
            written: None,
            original: None,
        });
    }
    let new_text = apply(&locked.text, &change.edits).map_err(|error| WriteError::Edit {
        path: shown.clone(),
        error,
    })?;
    let after = parse_with(&new_text, &options);
    verify(&before, &after, &change.intent)
        .map_err(|error| Error::Verify { path: shown, error })?;
    let original = match mode {
        Mode::Write => {
            locked.write(&new_text)?;
            None
        }
        Mode::Preview => Some(locked.text.clone()),
    };
    Ok(Edited {
        report,
        written: Some(new_text),
        original,
    })
}
