//! Paths as the configuration's globs see them: relative to the folder of
//! `planwright.toml`, whichever spelling reached the file (`../proj/x.md`,
//! an absolute path, a symbolic link to the folder such as macOS's `/tmp`
//! for `/private/tmp`). Every kind of glob asks here (`[plans]`,
//! `[[lint.overrides]]`, `[[plans.dialects]]`), so they agree on which
//! files they can match.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use crate::config::LoadedConfig;

/// The folder a configuration's globs are relative to.
#[derive(Debug)]
pub struct GlobRoot {
    /// Absolute and normalised by its text.
    root: PathBuf,
    cwd: PathBuf,
    /// Whether a `planwright.toml` names the folder. Without one the root
    /// is only where planwright runs, and the default globs, the only
    /// ones there are, still match a file outside it by its path as given
    /// (`next` in a subfolder walks the repository above).
    bounded: bool,
    /// The root with every symbolic link resolved: wanted only for a path
    /// whose text does not put it below the root, so it waits until then.
    physical: OnceLock<Option<PathBuf>>,
}

impl GlobRoot {
    /// The root of `config`, relative paths being relative to `cwd`.
    pub fn new(config: &LoadedConfig, cwd: &Path) -> Self {
        Self {
            root: absolute(&config.root, cwd).into_owned(),
            cwd: cwd.to_owned(),
            bounded: config.path.is_some(),
            physical: OnceLock::new(),
        }
    }

    /// `path` as globs match it: made absolute against the working
    /// folder, normalised by its text (`sub/../x` is `x`), and relative to
    /// the root. `None` when it lies outside the root, even through a
    /// symbolic link: globs relative to a folder say nothing of files
    /// elsewhere (as in ruff), so `files = ["**"]` is not every file on
    /// the disk. Without a `planwright.toml`, such a path is matched as it
    /// was given (less a leading `./`).
    pub fn relative(&self, path: &Path) -> Option<PathBuf> {
        self.relative_or(path, || {
            // The file's own name is kept: a link named like a plan is
            // matched by that name, as a walk inside the root matches it.
            let path = absolute(path, &self.cwd);
            let folder = std::fs::canonicalize(path.parent()?).ok()?;
            Some(folder.join(path.file_name()?))
        })
    }

    /// [`Self::relative`], `physical` giving the path with the links in
    /// its folders resolved, asked for only when the text of the path
    /// does not put it below the root: a walk knows it without a system
    /// call per file.
    pub(crate) fn relative_or(
        &self,
        path: &Path,
        physical: impl FnOnce() -> Option<PathBuf>,
    ) -> Option<PathBuf> {
        if let Ok(relative) = absolute(path, &self.cwd).strip_prefix(&self.root) {
            return Some(relative.to_owned());
        }
        let below = || {
            let root = self.physical_root()?;
            Some(physical()?.strip_prefix(root).ok()?.to_owned())
        };
        below().or_else(|| (!self.bounded).then(|| shown(path).to_owned()))
    }

    /// Whether the text of `path` puts it below the root.
    pub(crate) fn below_by_text(&self, path: &Path) -> bool {
        absolute(path, &self.cwd).starts_with(&self.root)
    }

    /// The root with every symbolic link resolved, worked out once.
    fn physical_root(&self) -> Option<&Path> {
        self.physical
            .get_or_init(|| std::fs::canonicalize(&self.root).ok())
            .as_deref()
    }
}

/// `path` without a leading `./`.
pub(crate) fn shown(path: &Path) -> &Path {
    path.strip_prefix(".").unwrap_or(path)
}

/// `path` with `.` components dropped and each `..` taking back the
/// component before it, by text alone.
pub(crate) fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` joined to `cwd` and normalised by its text; borrowed when it is
/// absolute and normal already (a configuration's root, nearly always).
fn absolute<'a>(path: &'a Path, cwd: &Path) -> Cow<'a, Path> {
    let has_parent = |p: &Path| p.components().any(|c| c == Component::ParentDir);
    if path.is_absolute() && !has_parent(path) {
        return path.into();
    }
    // Rebuilt from its components, which drops the `.` of `./plan.md`:
    // `strip_prefix` would keep it, and `adr/./x.md` matches no `adr/*.md`.
    lexical(&cwd.join(path)).into()
}

#[cfg(test)]
#[path = "glob_root_tests.rs"]
mod tests;
