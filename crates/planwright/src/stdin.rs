//! A plan read from standard input: `-` in place of a path, as editors and
//! agents pass an unsaved buffer or generated text, with
//! `--stdin-filename` naming it (for messages, detection, configuration
//! overrides and relative links) the way ruff and rumdl name theirs.

use std::path::{Path, PathBuf};

use anyhow::Result;
use planwright_workspace::{SourceFile, read_plan_file, read_plan_from};

/// `--stdin-filename`, one definition for every command that reads `-`,
/// so that its meaning and help cannot drift between them.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct StdinName {
    /// The name of the plan read from standard input, read as if it were
    /// that file: shown in the output, matched by the globs of
    /// planwright.toml (`[[plans.dialects]]`, and `[[lint.overrides]]`
    /// for `lint`), a hint for dialect detection (`tasks.md`), and, for
    /// `lint`, the folder its relative links are resolved from.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
}

impl StdinName {
    pub fn get(&self) -> Option<&Path> {
        self.stdin_filename.as_deref()
    }
}

/// The name a plan read from standard input goes by when none is given.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether `path` is `-`, standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The name to give standard input: `--stdin-filename`, or `<stdin>`.
pub fn name(stdin_filename: Option<&Path>) -> PathBuf {
    stdin_filename.map_or_else(|| PathBuf::from(STDIN_NAME), Path::to_owned)
}

/// Reads `path`, or standard input for `-` (named by `stdin_filename`).
pub fn read(path: &Path, stdin_filename: Option<&Path>) -> Result<SourceFile> {
    if is_stdin(path) {
        Ok(read_plan_from(
            std::io::stdin().lock(),
            &name(stdin_filename),
        )?)
    } else {
        anyhow::ensure!(
            stdin_filename.is_none(),
            "--stdin-filename names a plan read from standard input; pass `-` as the path"
        );
        Ok(read_plan_file(path)?)
    }
}

/// For commands over many paths: the name of standard input when it is
/// the one input (`-`, or no path and `--stdin-filename`), `None` when no
/// standard input is asked for. `-` among other paths is refused, as is a
/// `--stdin-filename` with paths that are all files or folders.
pub fn only_input(paths: &[PathBuf], stdin_filename: Option<&Path>) -> Result<Option<PathBuf>> {
    let dashes = paths.iter().filter(|p| is_stdin(p)).count();
    match (dashes, paths.len(), stdin_filename) {
        (0, 0, Some(_)) | (1, 1, _) => Ok(Some(name(stdin_filename))),
        (0, _, None) => Ok(None),
        (0, _, Some(_)) => anyhow::bail!(
            "--stdin-filename names a plan read from standard input; pass `-` instead of paths"
        ),
        _ => anyhow::bail!("`-` (standard input) must be the only path"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(p: &[&str]) -> Vec<PathBuf> {
        p.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn standard_input_is_one_input_or_none() {
        let named = Some(Path::new("specs/a/tasks.md"));
        assert_eq!(only_input(&paths(&[]), None).unwrap(), None);
        assert_eq!(only_input(&paths(&["a.md", "b"]), None).unwrap(), None);
        assert_eq!(
            only_input(&paths(&["-"]), None).unwrap(),
            Some(PathBuf::from("<stdin>"))
        );
        assert_eq!(
            only_input(&paths(&["-"]), named).unwrap(),
            Some(PathBuf::from("specs/a/tasks.md"))
        );
        assert_eq!(
            only_input(&paths(&[]), named).unwrap(),
            Some(PathBuf::from("specs/a/tasks.md"))
        );
        let mixed = only_input(&paths(&["-", "a.md"]), None).unwrap_err();
        assert_eq!(
            mixed.to_string(),
            "`-` (standard input) must be the only path"
        );
        assert!(only_input(&paths(&["-", "-"]), None).is_err());
        assert!(only_input(&paths(&["a.md"]), named).is_err());
    }
}
