//! Where a relative path a plan writes names a file: beside the plan, as a
//! renderer follows a link, or only from the project root or the plan's
//! repository, where `Spec:` paths are usually written from (see PW301,
//! `planwright rules PW301`).

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use planwright_lint::Location;
use planwright_workspace::newplan::{lexical, path_from};

/// The folders a plan's paths are looked for from.
pub(crate) struct Places<'a> {
    folder: &'a Path,
    root: &'a Path,
    /// Looked for only when a path is found beside the plan and from the
    /// root neither, and once.
    repository: OnceCell<Option<PathBuf>>,
}

impl<'a> Places<'a> {
    /// For the plan at `plan` (its folder is where links start) in the
    /// project rooted at `root`.
    pub(crate) fn new(plan: &'a Path, root: &'a Path) -> Self {
        Self {
            folder: plan.parent().unwrap_or(Path::new("")),
            root,
            repository: OnceCell::new(),
        }
    }

    pub(crate) fn locate(&self, rel: &str) -> Location {
        if exists(&self.folder.join(rel)) {
            return Location::Beside;
        }
        let from_root = self.root.join(rel);
        let found = if exists(&from_root) {
            Some(from_root)
        } else {
            self.repository
                .get_or_init(|| repository_of(self.folder))
                .as_ref()
                .map(|r| r.join(rel))
                .filter(|p| exists(p))
        };
        match found {
            Some(target) => Location::Elsewhere {
                from_plan: path_from(self.folder, &target),
            },
            None => Location::Missing,
        }
    }
}

/// Whether `path` names a file or folder; also with its `..` folded away,
/// for the file system will not walk `specs/001-x/../../README.md` through
/// a folder that is missing (a plan `new --dry-run` has not written).
fn exists(path: &Path) -> bool {
    path.exists() || std::path::absolute(path).is_ok_and(|p| lexical(&p).exists())
}

/// The repository `folder` lies in: the nearest folder at or above it
/// holding `.git`. A `Spec:` path is written from there as often as from
/// the plan's folder, and without a `planwright.toml` the project root is
/// only the folder `lint` runs in.
fn repository_of(folder: &Path) -> Option<PathBuf> {
    let folder = std::path::absolute(non_empty(folder)).ok()?;
    folder
        .ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// `plan.md` has the folder "", which `absolute` refuses.
fn non_empty(folder: &Path) -> &Path {
    if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_beside_the_plan_or_found_from_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let feature = dir.path().join("specs/004");
        std::fs::create_dir_all(&feature).unwrap();
        std::fs::write(feature.join("spec.md"), "# S\n").unwrap();
        let plan = feature.join("plan.md");
        let places = Places::new(&plan, dir.path());
        assert_eq!(places.locate("spec.md"), Location::Beside);
        assert_eq!(
            places.locate("specs/004/spec.md"),
            Location::Elsewhere {
                from_plan: Some("spec.md".to_owned())
            }
        );
        assert_eq!(places.locate("gone.md"), Location::Missing);
    }
}
