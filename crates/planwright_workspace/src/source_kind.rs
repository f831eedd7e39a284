//! What kind of file a plan's path names, and how to open it: a regular
//! file, or a pipe this process holds already, which the shell hands over
//! as `/dev/stdin` or `/dev/fd/63`. Anything else is refused before it is
//! opened: a folder, a device (`/dev/zero` never ends), a socket, and a
//! named pipe given by its own path, whose opening waits for a writer (so
//! `lint fifo-plan.md` never returned).

use std::fs::{File, Metadata};
use std::io;
use std::path::Path;

use super::{LoadError, display_path};

/// How a path [`check`] lets through is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Opening {
    /// By its path: a regular file, or a pipe whose opening never waits.
    Path,
    /// A named pipe this process holds as descriptor `fd` (`show
    /// /dev/stdin < fifo`): opened by [`open_held`], as opening its path
    /// to read may wait.
    #[cfg(target_os = "linux")]
    Held(u32),
}

/// Refuses what is no plan file (see the module's comment), and says how
/// to open what is.
pub(super) fn check(meta: &Metadata, path: &Path) -> Result<Opening, LoadError> {
    if meta.is_dir() {
        return Err(LoadError::IsDirectory {
            path: display_path(path),
        });
    }
    if meta.is_file() {
        return Ok(Opening::Path);
    }
    if is_pipe(meta)
        && let Some(opening) = handed_over(path)
    {
        return Ok(opening);
    }
    Err(LoadError::NotAFile {
        path: display_path(path),
    })
}

/// Opens `path` as [`check`] said to.
pub(super) fn open(path: &Path, opening: Opening) -> io::Result<File> {
    match opening {
        Opening::Path => File::open(path),
        #[cfg(target_os = "linux")]
        Opening::Held(fd) => open_held(path, fd),
    }
}

#[cfg(unix)]
fn is_pipe(meta: &Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_pipe(_: &Metadata) -> bool {
    false
}

/// How to open the pipe at `path` when it is one of this process's open
/// descriptors (`/dev/fd/63` from `<(…)`, `/dev/stdin`), whose writer is
/// there already or gone for good; `None` for a named pipe made by
/// `mkfifo` and named by its own path, whose opening waits for a writer.
///
/// On Linux `/dev/fd/63` leads to `/proc/self/fd/63`, whose link reads
/// `pipe:[…]` for a pipe that is in no folder, which opening never waits
/// for; and a named pipe's path for one that is, which is opened by the
/// descriptor's number ([`Opening::Held`]).
#[cfg(target_os = "linux")]
fn handed_over(path: &Path) -> Option<Opening> {
    let descriptors = Path::new("/proc")
        .join(std::process::id().to_string())
        .join("fd");
    let mut at = path.to_path_buf();
    // Bounded, as the kernel bounds a chain of links.
    for _ in 0..40 {
        let target = std::fs::read_link(&at).ok()?;
        if target.as_os_str().as_encoded_bytes().starts_with(b"pipe:[") {
            return Some(Opening::Path);
        }
        let parent = at.parent().and_then(|dir| std::fs::canonicalize(dir).ok());
        if parent.is_some_and(|dir| dir == descriptors) {
            let fd = at.file_name()?.to_str()?.parse().ok()?;
            return Some(Opening::Held(fd));
        }
        // `join` keeps an absolute target as it is.
        at = at
            .parent()
            .map_or_else(|| target.clone(), |dir| dir.join(&target));
    }
    None
}

/// Elsewhere `/dev/fd/N` is the descriptor itself, and opening it
/// duplicates the descriptor, which never waits.
#[cfg(all(unix, not(target_os = "linux")))]
fn handed_over(path: &Path) -> Option<Opening> {
    std::fs::canonicalize(path)
        .is_ok_and(|p| p.starts_with("/dev/fd"))
        .then_some(Opening::Path)
}

#[cfg(not(unix))]
fn handed_over(_: &Path) -> Option<Opening> {
    None
}

/// The named pipe at `path`, held as descriptor `fd`, opened without
/// waiting. Opened by its path to read, it would wait for a writer, and
/// the one that filled it may be gone, its text still in the pipe (`cat
/// plan.md > fifo &` done before planwright opens it).
///
/// Standard input is cloned. Another descriptor cannot be without unsafe
/// code, so its path is opened to read and write first, which Linux never
/// waits for: the open to read then finds a writer, this one, which is
/// closed before the first read, so that the text ends where the real
/// writer's does.
#[cfg(target_os = "linux")]
fn open_held(path: &Path, fd: u32) -> io::Result<File> {
    use std::os::fd::AsFd as _;
    if fd == 0 {
        return io::stdin().as_fd().try_clone_to_owned().map(File::from);
    }
    let writer = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)?;
    let reader = File::open(path);
    drop(writer);
    reader
}
