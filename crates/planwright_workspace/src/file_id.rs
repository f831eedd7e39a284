//! Telling, during discovery, when two paths are one file: two spellings
//! of one path (`plan.md ./plan.md`), a file named and also walked, or two
//! hard links (`ln plan.md copy.md`), which would otherwise be read, linted
//! and fixed twice.
//!
//! On Unix a file is its device and inode, which covers all three. Where
//! there are none to read without opening the file, it is its canonical
//! path, which covers the spellings but not hard links.

use std::fs::Metadata;
use std::path::Path;

/// What makes two paths one file (see the module's comment).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct FileId(
    #[cfg(unix)] (u64, u64),
    #[cfg(not(unix))] std::path::PathBuf,
);

impl FileId {
    /// The file (or folder) `path`, as given on the command line, names;
    /// `meta` is its metadata, symbolic links followed.
    pub(crate) fn named(path: &Path, meta: &Metadata, cwd: &Path) -> Self {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let _ = (path, cwd);
            Self((meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            Self(
                std::fs::canonicalize(path)
                    .unwrap_or_else(|_| crate::glob_root::lexical(&cwd.join(path))),
            )
        }
    }

    /// What a walk tells of a file it found under `root` (whose own
    /// identity is `root_id`): its identity when `wanted` (more than one
    /// path was given) or when it has other names, and whether it may
    /// have: a file with other names must wait until the walk has found
    /// them all, to be read once under the first.
    pub(crate) fn walked(
        entry: &ignore::DirEntry,
        root: &Path,
        root_id: Option<&Self>,
        wanted: bool,
    ) -> Walked {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let _ = (root, root_id);
            // One `lstat` per plan (the walk does not keep what `readdir`
            // gave): the link count is the only cheap sign of a hard link.
            // A file gone since the walk read its folder is left to the
            // read that follows, which reports it.
            let Ok(meta) = entry.metadata() else {
                return Walked {
                    id: None,
                    linked: false,
                };
            };
            let linked = meta.nlink() > 1;
            Walked {
                id: (wanted || linked).then(|| Self((meta.dev(), meta.ino()))),
                linked,
            }
        }
        #[cfg(not(unix))]
        {
            // No system call per file: the root's identity joined with the
            // path below it. The walk follows no symbolic link, so that is
            // the file's canonical path too.
            let id = root_id.filter(|_| wanted).map(|id| {
                let path = entry.path();
                Self(id.0.join(path.strip_prefix(root).unwrap_or(path)))
            });
            Walked { id, linked: false }
        }
    }
}

/// A walked file's identity, and whether it may have other names.
pub(crate) struct Walked {
    pub(crate) id: Option<FileId>,
    pub(crate) linked: bool,
}
