//! The few questions `new` asks git, by running the `git` program.
//!
//! git is optional: outside a repository, or without git installed, the
//! queries answer "nothing" (no branches, no user name) and only the
//! commands that exist to change git (`new --branch`) fail.

use std::path::Path;
use std::process::{Command, Output};

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("{dir}: not inside a git repository (needed for --branch)")]
    NotARepository { dir: String },
    #[error("git branch `{name}` already exists")]
    BranchExists { name: String },
    #[error("`{name}` is not a valid git branch name")]
    InvalidName { name: String },
    #[error("git branch `{name}` cannot be created next to the existing branch `{existing}`")]
    BranchConflict { name: String, existing: String },
    #[error("could not run git: {}", crate::io_reason(.0))]
    Spawn(std::io::Error),
    #[error("git {command} failed: {stderr}")]
    Failed { command: String, stderr: String },
}

fn git(dir: &Path, args: &[&str]) -> std::io::Result<Output> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        // Never block on a credential or editor prompt.
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(std::process::Stdio::null())
        .output()
}

/// Stdout of a git query that succeeded, else `None`.
fn query(dir: &Path, args: &[&str]) -> Option<String> {
    let out = git(dir, args).ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn is_repository(dir: &Path) -> bool {
    query(dir, &["rev-parse", "--git-dir"]).is_some()
}

/// The top folder of the work tree `dir` is in, if it is in one.
pub fn toplevel(dir: &Path) -> Option<std::path::PathBuf> {
    let out = query(dir, &["rev-parse", "--show-toplevel"])?;
    let top = out.trim_end_matches(['\n', '\r']);
    (!top.is_empty()).then(|| std::path::PathBuf::from(top))
}

/// `user.name` from git's configuration, if set.
pub fn user_name(dir: &Path) -> Option<String> {
    let name = query(dir, &["config", "user.name"])?;
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// Names of local branches and of remote-tracking branches with their
/// remote's name removed (`origin/004-x` → `004-x`).
pub fn branch_names(dir: &Path) -> Vec<String> {
    let Some(out) = query(
        dir,
        &[
            "for-each-ref",
            "--format=%(refname)",
            "refs/heads",
            "refs/remotes",
        ],
    ) else {
        return Vec::new();
    };
    out.lines().filter_map(branch_of_ref).collect()
}

fn branch_of_ref(refname: &str) -> Option<String> {
    if let Some(local) = refname.strip_prefix("refs/heads/") {
        return Some(local.to_owned());
    }
    let remote = refname.strip_prefix("refs/remotes/")?;
    let (_, name) = remote.split_once('/')?;
    (name != "HEAD").then(|| name.to_owned())
}

/// Checks that `name` can be created as a new branch in `dir`'s repository.
pub fn check_new_branch(dir: &Path, name: &str) -> Result<(), GitError> {
    if !is_repository(dir) {
        return Err(GitError::NotARepository {
            dir: crate::source::display_path(dir),
        });
    }
    if query(dir, &["check-ref-format", "--branch", name]).is_none() {
        return Err(GitError::InvalidName {
            name: name.to_owned(),
        });
    }
    let refname = format!("refs/heads/{name}");
    if query(dir, &["show-ref", "--verify", "--quiet", &refname]).is_some() {
        return Err(GitError::BranchExists {
            name: name.to_owned(),
        });
    }
    // Branch names are paths under refs/heads: `a/b` and `a` cannot both
    // exist, whichever comes first.
    let below = format!("refs/heads/{name}/");
    let existing = query(
        dir,
        &["for-each-ref", "--count=1", "--format=%(refname)", &below],
    )
    .and_then(|out| branch_of_ref(out.trim()))
    .or_else(|| {
        name.match_indices('/')
            .map(|(i, _)| &name[..i])
            .find_map(|prefix| {
                let r = format!("refs/heads/{prefix}");
                query(dir, &["show-ref", "--verify", "--quiet", &r]).map(|_| prefix.to_owned())
            })
    });
    match existing {
        Some(existing) => Err(GitError::BranchConflict {
            name: name.to_owned(),
            existing,
        }),
        None => Ok(()),
    }
}

/// Creates branch `name` at HEAD and switches to it; works on an unborn
/// branch (a repository without commits) too.
pub fn switch_new_branch(dir: &Path, name: &str) -> Result<(), GitError> {
    check_new_branch(dir, name)?;
    let out = git(dir, &["checkout", "-q", "-b", name]).map_err(GitError::Spawn)?;
    if out.status.success() {
        Ok(())
    } else {
        Err(GitError::Failed {
            command: format!("checkout -b {name}"),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_names_are_stripped() {
        assert_eq!(branch_of_ref("refs/heads/004-x").as_deref(), Some("004-x"));
        assert_eq!(
            branch_of_ref("refs/remotes/origin/005-y").as_deref(),
            Some("005-y")
        );
        assert_eq!(branch_of_ref("refs/remotes/origin/HEAD"), None);
        assert_eq!(branch_of_ref("refs/tags/v1"), None);
    }

    #[test]
    fn branch_names_are_checked_before_anything_is_created() {
        let dir = tempfile::tempdir().unwrap();
        if git(dir.path(), &["init", "-q"]).is_err() || !is_repository(dir.path()) {
            return; // git is not installed: nothing to check.
        }
        for args in [
            &["config", "user.name", "T"][..],
            &["config", "user.email", "t@example.com"],
            &["commit", "-q", "--allow-empty", "-m", "init"],
            &["branch", "007-a/b"],
            &["branch", "008-c"],
        ] {
            assert!(git(dir.path(), args).unwrap().status.success(), "{args:?}");
        }
        let err = |name| check_new_branch(dir.path(), name).unwrap_err().to_string();
        assert_eq!(
            err("001-x.lock"),
            "`001-x.lock` is not a valid git branch name"
        );
        assert_eq!(err("008-c"), "git branch `008-c` already exists");
        assert_eq!(
            err("007-a"),
            "git branch `007-a` cannot be created next to the existing branch `007-a/b`"
        );
        assert_eq!(
            err("008-c/d"),
            "git branch `008-c/d` cannot be created next to the existing branch `008-c`"
        );
        assert!(check_new_branch(dir.path(), "009-fine").is_ok());
    }

    #[test]
    fn outside_a_repository_there_are_no_branches() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!is_repository(dir.path()));
        assert!(branch_names(dir.path()).is_empty());
        assert!(matches!(
            check_new_branch(dir.path(), "001-x"),
            Err(GitError::NotARepository { .. })
        ));
    }
}
