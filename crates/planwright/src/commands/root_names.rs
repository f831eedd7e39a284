//! The names the formats GitHub reads (SARIF, workflow commands) give the
//! files they report on. Code scanning resolves a relative URI against
//! `%SRCROOT%`, the repository's root, and annotations name files from
//! there too, so a path relative to the working directory is right only
//! when the run starts there: `lint plan.md` in `docs/` must say
//! `docs/plan.md`, and `lint ../specs/plan.md` there `specs/plan.md`. A
//! relative path is made relative to the repository's root (the nearest
//! folder up from the working directory holding `.git`; the working
//! directory itself outside any), and one that leads out of it becomes
//! absolute, which the renderer writes as a `file:` URI. Paths are resolved by their names alone, as
//! code scanning reads them: `..` after a symbolic link leaves the link's
//! name, not its target's.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use planwright_workspace::newplan::lexical;

pub struct RootNames {
    cwd: PathBuf,
    root: PathBuf,
}

impl RootNames {
    /// Names for a run in the working directory (without one, paths are
    /// only tidied: `./a.md` is `a.md`).
    pub fn current() -> Self {
        Self::new(&std::env::current_dir().unwrap_or_default())
    }

    /// Names for a run in `cwd`.
    pub fn new(cwd: &Path) -> Self {
        let root = cwd
            .ancestors()
            .find(|dir| dir.join(".git").exists())
            .unwrap_or(cwd);
        Self {
            cwd: cwd.to_owned(),
            root: root.to_owned(),
        }
    }

    /// `path` (and its exact bytes, when the text escapes some) as GitHub
    /// should read it; absolute paths are kept as they are.
    pub fn name<'a>(
        &self,
        path: &'a str,
        exact: Option<&'a [u8]>,
    ) -> (Cow<'a, str>, Option<Cow<'a, [u8]>>) {
        let name = match self.relocate(Path::new(path)) {
            Some(p) => Cow::Owned(p.to_string_lossy().into_owned()),
            None => Cow::Borrowed(path),
        };
        (name, exact.map(|bytes| self.relocate_bytes(bytes)))
    }

    #[cfg(unix)]
    fn relocate_bytes<'a>(&self, bytes: &'a [u8]) -> Cow<'a, [u8]> {
        use std::os::unix::ffi::{OsStrExt as _, OsStringExt as _};
        let path = Path::new(std::ffi::OsStr::from_bytes(bytes));
        match self.relocate(path) {
            Some(p) => Cow::Owned(p.into_os_string().into_vec()),
            None => Cow::Borrowed(bytes),
        }
    }

    /// Only Unix names files by bytes that are not text.
    #[cfg(not(unix))]
    fn relocate_bytes<'a>(&self, bytes: &'a [u8]) -> Cow<'a, [u8]> {
        Cow::Borrowed(bytes)
    }

    /// The new name of a relative `path`: under the root, relative to it;
    /// elsewhere, absolute. `None` when the name stays as it is.
    fn relocate(&self, path: &Path) -> Option<PathBuf> {
        if path.is_absolute() || path.has_root() {
            return None;
        }
        let full = lexical(&self.cwd.join(path));
        let name = match full.strip_prefix(&self.root) {
            Ok(relative) => relative.to_owned(),
            Err(_) => full,
        };
        (name.as_os_str() != path.as_os_str()).then_some(name)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn names(cwd: &str, root: &str) -> RootNames {
        RootNames {
            cwd: PathBuf::from(cwd),
            root: PathBuf::from(root),
        }
    }

    fn name(n: &RootNames, path: &str) -> String {
        n.name(path, None).0.into_owned()
    }

    #[test]
    fn paths_are_named_from_the_repository_root() {
        let at_root = names("/repo", "/repo");
        assert_eq!(name(&at_root, "specs/001/plan.md"), "specs/001/plan.md");
        assert_eq!(name(&at_root, "./specs/plan.md"), "specs/plan.md");
        let below = names("/repo/docs", "/repo");
        assert_eq!(name(&below, "plan.md"), "docs/plan.md");
        assert_eq!(name(&below, "../specs/plan.md"), "specs/plan.md");
        assert_eq!(name(&below, "a/../b/./plan.md"), "docs/b/plan.md");
    }

    #[test]
    fn paths_leading_out_of_the_root_become_absolute() {
        let below = names("/repo/docs", "/repo");
        assert_eq!(
            name(&below, "../../elsewhere/plan.md"),
            "/elsewhere/plan.md"
        );
        // Absolute names are kept as given.
        assert_eq!(name(&below, "/repo/specs/plan.md"), "/repo/specs/plan.md");
        assert_eq!(name(&below, "/tmp/x/../plan.md"), "/tmp/x/../plan.md");
    }

    #[test]
    fn exact_bytes_move_with_the_name() {
        let below = names("/repo/docs", "/repo");
        let (name, exact) = below.name("bad\\xFF.md", Some(b"bad\xff.md"));
        assert_eq!(name, "docs/bad\\xFF.md");
        assert_eq!(exact.as_deref(), Some(&b"docs/bad\xff.md"[..]));
    }
}
