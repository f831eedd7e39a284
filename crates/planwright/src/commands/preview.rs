//! `--diff` on the editing commands (`done`, `undo`, `set`, `log`): the
//! change as a unified diff on standard output, as `lint --diff` prints
//! fixes, and nothing written. The change is computed and checked as for
//! a write (see [`planwright_edit::Mode::Preview`]), so a preview fails
//! where the write would, with the same error.
//!
//! Standard output holds the patch alone, so that it can be piped to `git
//! apply` or saved; the command's usual report goes to standard error,
//! with a last line saying nothing was written. With `--format json` the
//! document goes to standard output, the patch in it (see
//! [`super::edit_doc::FileDoc`]).

use std::io::Write as _;
use std::path::Path;

use anyhow::Result;
use planwright_edit::{Edited, Mode};

use super::lint_fix::{diff_path, unified};

/// The edit mode a command's `--diff` flag asks for.
pub(crate) fn mode(diff: bool) -> Mode {
    if diff { Mode::Preview } else { Mode::Write }
}

/// Prints `report` as the command does, or, for a preview, the patch on
/// standard output and `report` on standard error.
pub(crate) fn finish<T>(plan: &Path, edited: &Edited<T>, mode: Mode, report: &str) -> Result<()> {
    if mode == Mode::Write {
        return crate::output::print(report);
    }
    if let Some(patch) = patch(plan, edited) {
        crate::output::print(&patch)?;
    }
    let mut err = std::io::stderr().lock();
    err.write_all(report.as_bytes())?;
    writeln!(err, "nothing written (--diff)")?;
    Ok(())
}

/// The patch a preview prints, if it changes anything.
pub(super) fn patch<T>(plan: &Path, edited: &Edited<T>) -> Option<String> {
    let (old, new) = (edited.original.as_ref()?, edited.written.as_ref()?);
    let cwd = std::env::current_dir().ok();
    Some(unified(&diff_path(plan, cwd.as_deref()), old, new))
}
