//! The file system side of `planwright new`: paths as the plan writes
//! them, the lock that serialises numbering, and writes that never
//! overwrite anything.

use std::fs::File;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::newplan::NewError;
use crate::source::display_path;

pub(crate) fn slash_path(p: &Path) -> String {
    p.components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// `target` relative to the folder `from`, by their components once made
/// absolute: no file system access, so the spec need not exist yet. Where
/// no such path can be written (see [`path_from`]), `target` as it is.
pub(crate) fn relative_to(target: &Path, from: &Path) -> String {
    path_from(from, target).unwrap_or_else(|| slash_path(target))
}

/// The path from folder `from` to `to`, `/`-separated as a link writes it
/// (`../specs/004/spec.md`), folded without the file system (a dry run's
/// folders need not exist); `.` for the folder itself. `None` where none
/// can be written: paths on different drives, or not UTF-8.
pub fn path_from(from: &Path, to: &Path) -> Option<String> {
    // `plan.md`'s folder is "", which `absolute` refuses.
    let from = if from.as_os_str().is_empty() {
        Path::new(".")
    } else {
        from
    };
    let from = lexical(&std::path::absolute(from).ok()?);
    let to = lexical(&std::path::absolute(to).ok()?);
    let (f, t): (Vec<Component>, Vec<Component>) =
        (from.components().collect(), to.components().collect());
    if f.first() != t.first() {
        return None;
    }
    let common = t.iter().zip(&f).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; f.len() - common];
    for c in &t[common..] {
        parts.push(c.as_os_str().to_str()?);
    }
    Some(if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    })
}

/// `..` folded into the folder before it, without asking the file system,
/// which will not walk through a folder not made yet (a dry run's plan
/// folder); a relative path's leading `..` stays (see
/// [`crate::glob_root::lexical`], which this is).
pub fn lexical(path: &Path) -> PathBuf {
    crate::glob_root::lexical(path)
}

pub(crate) fn mkdirs(dir: &Path) -> Result<(), NewError> {
    std::fs::create_dir_all(dir).map_err(|error| {
        // "File exists" would not say which file is in the way.
        match dir.ancestors().find(|a| a.is_file()) {
            Some(file) => NewError::NotAFolder {
                path: display_path(file),
            },
            None => NewError::Io {
                path: display_path(dir),
                error,
            },
        }
    })
}

/// An exclusive lock for numbering in `dir`, released when dropped (or when
/// the process dies). Where a folder can be opened as a file (Unix), the
/// folder itself is locked, so nothing is created anywhere; elsewhere a lock
/// file in the temporary folder, keyed by the folder's canonical path,
/// stands in for it.
pub(crate) fn lock(dir: &Path) -> Result<File, NewError> {
    use std::hash::{Hash, Hasher};
    let canonical = dir.canonicalize().map_err(|source| NewError::Io {
        path: display_path(dir),
        error: source,
    })?;
    if let Ok(folder) = File::open(&canonical)
        && folder.lock().is_ok()
    {
        return Ok(folder);
    }
    let mut hasher = std::hash::DefaultHasher::new();
    canonical.hash(&mut hasher);
    let path = std::env::temp_dir().join(format!("planwright-new-{:016x}.lock", hasher.finish()));
    let io = |source| NewError::Io {
        path: display_path(&path),
        error: source,
    };
    // Another user's lock file in a shared temporary folder can still be
    // opened read-only, and a read-only file can hold the lock.
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .or_else(|_| File::open(&path))
        .map_err(io)?;
    file.lock().map_err(io)?;
    Ok(file)
}

/// Writes `content` to `path`, which must not exist: a temporary file in the
/// same folder, then a rename that refuses to replace anything.
pub fn write_new(path: &Path, content: &str) -> Result<(), NewError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    mkdirs(dir)?;
    let io = |source| NewError::Io {
        path: display_path(path),
        error: source,
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".planwright-").suffix(".tmp");
    // A temporary file is private (0600); a new plan or configuration is
    // an ordinary file, as the user's umask makes them (0644, usually).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(content.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            NewError::Exists {
                path: display_path(path),
            }
        } else {
            io(e.error)
        }
    })?;
    Ok(())
}

#[cfg(test)]
#[path = "newplan_fs_tests.rs"]
mod tests;
