//! The disk side of an edit: lock, read, and an atomic write that refuses to
//! clobber a file someone else changed.
//!
//! Every planwright writer takes an advisory lock on the plan file itself
//! (`File::lock`, `flock` on Unix) before reading it, and holds it until the
//! new text has been renamed into place. Because the rename puts a new inode
//! at the path, a writer that was waiting on the old inode re-checks the path
//! after it gets the lock and, if the file was replaced meanwhile, locks the
//! new one instead; so concurrent writers take turns and each reads the
//! latest version. No lock file is left in the user's folder.
//!
//! A write replaces the file, keeping its mode, owner and group (see
//! `fs_identity`); a plan with other hard links, or whose owner or group
//! the writer cannot give a new file, is written over in place instead.
//! Only a file the user may write to is written, whatever the folder
//! allows. A symlinked plan is written through to its target. An editor
//! that is not planwright and ignores the lock can still slip a change in
//! between the last check and the rename; the window is one `read` long.
//!
//! Only regular files are edited: a device, FIFO or socket is refused by
//! its metadata before it is opened (a FIFO opened for reading waits for
//! a writer, and the rename would put a regular file in the node's place).
//! A FIFO swapped in at the path between that check and the open would
//! still be waited on; without `O_NONBLOCK`, which std does not name, the
//! check cannot be made on the open itself.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};

use planwright_workspace::io_reason;
use std::path::{Path, PathBuf};

use crate::fs_identity::Way;
use planwright_core::edit::{self, Edit, EditError};

/// A path as messages show it: as the user typed it, and with any control
/// character as its picture (see [`planwright_core::visible`]), since the
/// edits' messages are text for a terminal alone (no JSON form), printed
/// a line each.
pub(crate) fn display_path(path: &Path) -> String {
    let shown = planwright_workspace::source::display_path(path);
    planwright_core::visible::visible(&shown).into_owned()
}

/// A plan file read under an exclusive lock, released on drop.
#[derive(Debug)]
pub struct LockedFile {
    /// The path as the user gave it, for messages.
    pub path: PathBuf,
    /// The file actually written: `path` with symlinks resolved.
    target: PathBuf,
    /// The text as read under the lock.
    pub text: String,
    /// Holds the lock; the handle is the file's inode at the time of reading.
    lock: File,
}

/// Why a plan could not be edited. Every message names the file and says
/// that nothing was written, because nothing was.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Load(#[from] planwright_workspace::LoadError),
    #[error(
        "{path}: could not lock the file: {}; nothing written",
        io_reason(error)
    )]
    Lock { path: String, error: io::Error },
    #[error("{path} changed on disk since it was read; nothing written")]
    Changed { path: String },
    #[error("{path}: the file is read-only; nothing written")]
    ReadOnlyFile { path: String },
    #[error("{path}: its folder {dir} is read-only; nothing written")]
    ReadOnlyDir { path: String, dir: String },
    #[error(
        "{path}: cannot write a temporary file in {dir}: {}; nothing written",
        io_reason(error)
    )]
    Temp {
        path: String,
        dir: String,
        error: io::Error,
    },
    #[error("{path}: {}; nothing written", io_reason(error))]
    Io { path: String, error: io::Error },
    #[error("{path}: {error}; nothing written")]
    Edit { path: String, error: EditError },
}

/// Locks `path` and reads it. The lock is held until the value is dropped,
/// so the read, the edit and the write form one turn.
pub fn open_locked(path: &Path) -> Result<LockedFile, WriteError> {
    let shown = display_path(path);
    // The path the load errors below name: the one shown, control
    // characters and all made visible (a name holding a line break would
    // break the one-line error in two).
    let named = PathBuf::from(&shown);
    let meta = fs::metadata(path).map_err(|e| planwright_workspace::LoadError::io(&named, e))?;
    if meta.is_dir() {
        return Err(planwright_workspace::LoadError::IsDirectory { path: shown }.into());
    }
    // A device, FIFO or socket is no plan: opening a FIFO for reading
    // would wait for a writer, and the rename would replace the node
    // with a regular file. Checked on the path before any open.
    if !meta.is_file() {
        return Err(planwright_workspace::LoadError::NotAFile { path: shown }.into());
    }
    let target =
        fs::canonicalize(path).map_err(|e| planwright_workspace::LoadError::io(&named, e))?;
    let lock_err = |error| WriteError::Lock {
        path: shown.clone(),
        error,
    };
    let not_regular = || {
        WriteError::from(planwright_workspace::LoadError::NotAFile {
            path: shown.clone(),
        })
    };
    let io = |e| planwright_workspace::LoadError::io(&named, e);
    // Bounded: each retry means another writer replaced the file while we
    // waited, which can happen at most once per competing writer turn.
    for _ in 0..1000 {
        // Again before each open, as the path may name another file by
        // now; and on the handle, for one swapped in between the two.
        if !fs::metadata(&target).map_err(io)?.is_file() {
            return Err(not_regular());
        }
        let mut file = File::open(&target).map_err(io)?;
        if !file.metadata().map_err(io)?.is_file() {
            return Err(not_regular());
        }
        file.lock().map_err(lock_err)?;
        if !same_file(&file, &target, &named)? {
            continue;
        }
        let bytes = planwright_workspace::read_capped(&mut file, &named)?;
        let text = planwright_workspace::decode(bytes, &named)?;
        return Ok(LockedFile {
            path: path.to_owned(),
            target,
            text,
            lock: file,
        });
    }
    Err(lock_err(io::Error::other(
        "the file kept being replaced while waiting for the lock",
    )))
}

impl LockedFile {
    /// Writes `new_text` in place of the text that was read, atomically.
    pub fn write(&self, new_text: &str) -> Result<(), WriteError> {
        atomic_write(&self.path, &self.target, &self.text, new_text)
    }

    /// Applies `edits` to the text that was read and writes the result.
    pub fn write_edits(&self, edits: &[Edit]) -> Result<String, WriteError> {
        let new_text = edit::apply(&self.text, edits).map_err(|error| WriteError::Edit {
            path: display_path(&self.path),
            error,
        })?;
        self.write(&new_text)?;
        Ok(new_text)
    }

    /// Releases the lock; dropping does the same.
    pub fn unlock(self) {
        let _ = self.lock.unlock();
    }
}

/// Applies `edits` to `original` (the text the caller read from `path`)
/// and writes the result atomically, under the lock. Refuses with
/// [`WriteError::Changed`] if the file no longer holds `original`. Returns
/// the new text. This is the entry point for callers that read without the
/// lock, such as `lint --fix`. It takes the lock itself, so a caller that
/// holds a [`LockedFile`] for the same file must write through that
/// instead: a second lock would wait for the first forever.
pub fn write_patched(path: &Path, original: &str, edits: &[Edit]) -> Result<String, WriteError> {
    let new_text = edit::apply(original, edits).map_err(|error| WriteError::Edit {
        path: display_path(path),
        error,
    })?;
    let locked = open_locked(path)?;
    if locked.text != original {
        return Err(WriteError::Changed {
            path: display_path(path),
        });
    }
    locked.write(&new_text)?;
    Ok(new_text)
}

/// Temporary file in the target's folder, synced, the original mode set,
/// then renamed over the target. Any failure before the rename drops the
/// temporary file (which deletes it) and leaves the target untouched.
fn atomic_write(
    path: &Path,
    target: &Path,
    expected: &str,
    new_text: &str,
) -> Result<(), WriteError> {
    let shown = display_path(path);
    let io_err = |error| WriteError::Io {
        path: shown.clone(),
        error,
    };
    let meta = fs::metadata(target).map_err(io_err)?;
    if !meta.is_file() {
        return Err(planwright_workspace::LoadError::NotAFile { path: shown }.into());
    }
    let permissions = meta.permissions();
    // Checked by mode bits rather than by trying, so that a plan marked
    // read-only stays untouched even for root, who could rename over it.
    if permissions.readonly() {
        return Err(WriteError::ReadOnlyFile { path: shown });
    }
    // Nor do the mode bits say who may write: another user's plan of mode
    // 644, in a folder anyone may write to, was replaced (and became the
    // writer's). Opening it for writing, which changes nothing, asks the
    // system, which knows the caller's user, groups and ACLs, and a file
    // system mounted read-only.
    if let Err(e) = fs::OpenOptions::new().write(true).open(target) {
        return Err(match e.kind() {
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                WriteError::ReadOnlyFile { path: shown }
            }
            _ => io_err(e),
        });
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let dir_shown = shown_dir(path, &dir);
    if fs::metadata(&dir).is_ok_and(|m| m.permissions().readonly()) {
        return Err(WriteError::ReadOnlyDir {
            path: shown,
            dir: dir_shown,
        });
    }
    let name = target
        .file_name()
        .map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned());
    let temp_in = |stem: &str| {
        tempfile::Builder::new()
            .prefix(&format!(".{stem}."))
            .rand_bytes(TEMP_RANDOM)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(&dir)
    };
    // A file system whose names are shorter than the usual 255 bytes may
    // still refuse the shortened name; the temporary file then goes
    // without the plan's name in its own.
    let mut temp = match temp_in(temp_stem(&name)) {
        Err(e) if e.kind() == io::ErrorKind::InvalidFilename => temp_in("planwright"),
        other => other,
    }
    .map_err(|error| WriteError::Temp {
        path: shown.clone(),
        dir: dir_shown.clone(),
        error,
    })?;
    let file = temp.as_file_mut();
    file.write_all(new_text.as_bytes()).map_err(io_err)?;
    file.flush().map_err(io_err)?;
    file.sync_all().map_err(io_err)?;
    set_permissions(file, permissions).map_err(io_err)?;
    let way = crate::fs_identity::way(file, &meta).map_err(io_err)?;
    if fs::read(target).map_err(io_err)? != expected.as_bytes() {
        return Err(WriteError::Changed { path: shown });
    }
    match way {
        Way::Rename => {
            temp.persist(target).map_err(|e| io_err(e.error))?;
            sync_dir(&dir);
        }
        Way::InPlace => {
            // The temporary file stays until the plan holds the whole new
            // text: it is the copy a crash during the overwrite leaves.
            crate::fs_identity::overwrite(target, new_text).map_err(io_err)?;
            drop(temp);
        }
    }
    Ok(())
}

const TEMP_SUFFIX: &str = ".planwright-tmp";
const TEMP_RANDOM: usize = 6;

/// The part of the plan's name in its temporary file's name
/// (`.NAME.XXXXXX.planwright-tmp`): the whole name, or its first bytes
/// when the temporary name would pass the 255 bytes most file systems
/// allow, so that any plan a file system holds can be edited.
fn temp_stem(name: &str) -> &str {
    const MAX_NAME: usize = 255;
    let room = MAX_NAME - ".".len() - ".".len() - TEMP_RANDOM - TEMP_SUFFIX.len();
    let mut cut = name.len().min(room);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    &name[..cut]
}

/// The folder as the user knows it: the parent of the path they gave,
/// unless a symlink led elsewhere.
fn shown_dir(path: &Path, real: &Path) -> String {
    let given = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if fs::canonicalize(given).is_ok_and(|g| g == real) {
        display_path(given)
    } else {
        display_path(real)
    }
}

fn set_permissions(file: &File, permissions: Permissions) -> io::Result<()> {
    file.set_permissions(permissions)
}

/// Makes the rename itself durable. Best effort: some file systems refuse
/// to sync a directory, and the data is already safely in place.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Whether the locked handle is still the file at `path`.
fn same_file(file: &File, path: &Path, named: &Path) -> Result<bool, WriteError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let err = |e| planwright_workspace::LoadError::io(named, e);
        let held = file.metadata().map_err(err)?;
        let now = fs::metadata(path).map_err(err)?;
        Ok(held.dev() == now.dev() && held.ino() == now.ino())
    }
    #[cfg(not(unix))]
    {
        // Elsewhere the rename over a locked file fails instead, which
        // surfaces as an I/O error rather than a lost write.
        let _ = (file, path, named);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use planwright_core::TextRange;

    fn plan(dir: &Path, text: &str) -> PathBuf {
        let path = dir.join("plan.md");
        fs::write(&path, text).unwrap();
        path
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_the_patch_and_keeps_the_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = plan(dir.path(), "- [ ] a\r\n- [ ] b\r\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
        }
        let edits = [Edit::replace(TextRange::new(12, 13), "x")];
        let out = write_patched(&path, "- [ ] a\r\n- [ ] b\r\n", &edits).unwrap();
        assert_eq!(out, "- [ ] a\r\n- [x] b\r\n");
        assert_eq!(fs::read_to_string(&path).unwrap(), out);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        assert_eq!(leftovers(dir.path()), ["plan.md"]);
    }

    #[test]
    #[cfg(unix)]
    fn a_hard_linked_plan_is_written_in_place_and_both_names_see_it() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = plan(dir.path(), "- [ ] a\n");
        let link = dir.path().join("link.md");
        fs::hard_link(&path, &link).unwrap();
        let inode = fs::metadata(&path).unwrap().ino();
        let edits = [Edit::replace(TextRange::new(3, 4), "x")];
        write_patched(&path, "- [ ] a\n", &edits).unwrap();
        assert_eq!(fs::read_to_string(&link).unwrap(), "- [x] a\n");
        assert_eq!(fs::metadata(&path).unwrap().ino(), inode);
        assert_eq!(leftovers(dir.path()), ["link.md", "plan.md"]);
    }

    #[test]
    fn a_file_changed_since_reading_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = plan(dir.path(), "- [ ] a\n");
        let locked = open_locked(&path).unwrap();
        // Another editor that ignores the lock.
        fs::write(&path, "- [ ] a\n- [ ] theirs\n").unwrap();
        let err = locked
            .write_edits(&[Edit::replace(TextRange::new(3, 4), "x")])
            .unwrap_err();
        assert!(matches!(err, WriteError::Changed { .. }));
        assert!(
            err.to_string()
                .ends_with("plan.md changed on disk since it was read; nothing written")
        );
        drop(locked);
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "- [ ] a\n- [ ] theirs\n"
        );
        assert_eq!(leftovers(dir.path()), ["plan.md"]);

        let err = write_patched(&path, "- [ ] a\n", &[]).unwrap_err();
        assert!(matches!(err, WriteError::Changed { .. }));
    }

    #[test]
    fn read_only_file_and_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = plan(dir.path(), "- [ ] a\n");
        let mut ro = fs::metadata(&path).unwrap().permissions();
        ro.set_readonly(true);
        fs::set_permissions(&path, ro.clone()).unwrap();
        let err = write_patched(&path, "- [ ] a\n", &[]).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("plan.md: the file is read-only; nothing written"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "- [ ] a\n");
        #[expect(
            clippy::permissions_set_readonly_false,
            reason = "restoring a test file"
        )]
        ro.set_readonly(false);
        fs::set_permissions(&path, ro).unwrap();

        let mut dir_ro = fs::metadata(dir.path()).unwrap().permissions();
        dir_ro.set_readonly(true);
        fs::set_permissions(dir.path(), dir_ro.clone()).unwrap();
        let err = write_patched(&path, "- [ ] a\n", &[]).unwrap_err();
        #[expect(
            clippy::permissions_set_readonly_false,
            reason = "restoring a test folder"
        )]
        dir_ro.set_readonly(false);
        fs::set_permissions(dir.path(), dir_ro).unwrap();
        assert!(matches!(err, WriteError::ReadOnlyDir { .. }), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "- [ ] a\n");
        assert_eq!(leftovers(dir.path()), ["plan.md"]);
    }

    /// Mode 464: writable by its group, not by its owner, so the mode bits
    /// do not read as read-only but the system refuses its owner. Root may
    /// write anything, so this needs another user; as root, the CLI test
    /// `a_file_the_user_may_not_write_is_left_alone` runs it as `nobody`.
    #[cfg(unix)]
    #[test]
    fn a_file_the_user_may_not_write_is_refused_whatever_its_mode_says() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = plan(dir.path(), "- [ ] a\n");
        fs::set_permissions(&path, Permissions::from_mode(0o464)).unwrap();
        if fs::OpenOptions::new().write(true).open(&path).is_ok() {
            eprintln!("skipped: this user (root) may write any file; the CLI test covers it");
            return;
        }
        assert!(!fs::metadata(&path).unwrap().permissions().readonly());
        let edit = [Edit::replace(TextRange::new(3, 4), "x")];
        let err = write_patched(&path, "- [ ] a\n", &edit).unwrap_err();
        assert!(matches!(err, WriteError::ReadOnlyFile { .. }), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "- [ ] a\n");
        assert_eq!(leftovers(dir.path()), ["plan.md"]);
    }

    #[test]
    fn bad_edits_and_missing_files_write_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = plan(dir.path(), "abc\n");
        let overlap = [
            Edit::replace(TextRange::new(0, 2), "x"),
            Edit::replace(TextRange::new(1, 3), "y"),
        ];
        let err = write_patched(&path, "abc\n", &overlap).unwrap_err();
        assert!(matches!(err, WriteError::Edit { .. }));
        assert_eq!(fs::read_to_string(&path).unwrap(), "abc\n");
        let err = open_locked(&dir.path().join("missing.md")).unwrap_err();
        assert!(
            err.to_string().ends_with("missing.md: no such file"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_that_is_not_regular_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("plan.md");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&socket, &link).unwrap();
        for path in [&socket, &link] {
            let err = write_patched(path, "", &[]).unwrap_err();
            assert!(
                matches!(
                    err,
                    WriteError::Load(planwright_workspace::LoadError::NotAFile { .. })
                ),
                "{err}"
            );
            assert!(
                err.to_string().ends_with(".md: not a regular file"),
                "{err}"
            );
        }
        use std::os::unix::fs::FileTypeExt as _;
        assert!(
            fs::symlink_metadata(&socket)
                .unwrap()
                .file_type()
                .is_socket()
        );
        assert_eq!(leftovers(dir.path()), ["link.md", "plan.md"]);
    }

    #[test]
    fn a_name_as_long_as_the_file_system_allows_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let name = format!("{}{}.md", "é".repeat(100), "a".repeat(50));
        assert_eq!(name.len(), 253);
        let path = dir.path().join(&name);
        fs::write(&path, "- [ ] a\n").unwrap();
        write_patched(
            &path,
            "- [ ] a\n",
            &[Edit::replace(TextRange::new(3, 4), "x")],
        )
        .unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "- [x] a\n");
        assert_eq!(leftovers(dir.path()), [name.as_str()]);
        // Cut on a character boundary, within 255 bytes with the rest.
        let stem = temp_stem(&name);
        assert!(
            name.starts_with(stem) && stem.len() <= 232,
            "{}",
            stem.len()
        );
        assert_eq!(temp_stem("plan.md"), "plan.md");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_plan_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let path = plan(dir.path(), "- [ ] a\n");
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        write_patched(
            &link,
            "- [ ] a\n",
            &[Edit::replace(TextRange::new(3, 4), "x")],
        )
        .unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "- [x] a\n");
    }
}
