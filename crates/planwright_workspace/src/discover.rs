//! Finding plan files under the paths a command was given.
//!
//! Folders are walked with the `ignore` crate, so `.gitignore`, `.ignore`
//! and hidden-folder conventions apply the way they do in ripgrep, in
//! parallel. A walked file is a plan when its path relative to the
//! configuration's root matches one of the `[plans] include` globs and none
//! of the `exclude` globs. A file named on the command line is always a
//! plan: the user asked for it by name.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use globset::{GlobSet, GlobSetBuilder};
use ignore::{WalkBuilder, WalkState};
use rayon::prelude::*;

use crate::config::LoadedConfig;
use crate::source::display_path;

/// A path that could not be walked or a glob that could not be compiled.
/// Discovery goes on past it; the caller reports it and exits with 2.
#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    #[error("{path}: no such file or folder")]
    NotFound { path: String },
    #[error("{path}: {message}")]
    Walk { path: String, message: String },
    #[error("{config}: invalid glob `{glob}` in [plans]: {message}")]
    Glob {
        config: String,
        glob: String,
        message: String,
    },
}

/// The plan files under `paths` (the current folder when empty), sorted
/// and without duplicates, and every problem met on the way. `work` runs
/// on each plan as soon as it is found, on the walker's own threads (as
/// ripgrep searches inside its walk): reading and parsing start while the
/// walk goes on, instead of after it. The results come back sorted by
/// path, so output does not depend on thread timing.
pub fn discover_with<T: Send>(
    paths: &[PathBuf],
    config: &LoadedConfig,
    work: impl Fn(&Path) -> T + Sync,
) -> (Vec<(PathBuf, T)>, Vec<DiscoverError>) {
    let mut errors = Vec::new();
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let found = Mutex::new(Vec::new());
    let walk_errors = Mutex::new(Vec::new());
    let mut walk_roots = Vec::new();
    let mut named = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_roots.push(path.clone()),
            Ok(_) => named.push(path.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(DiscoverError::NotFound {
                    path: display_path(path),
                });
            }
            Err(e) => errors.push(DiscoverError::Walk {
                path: display_path(path),
                message: e.to_string(),
            }),
        }
    }
    let matcher = match PlanMatcher::new(config, !walk_roots.is_empty()) {
        Ok(m) => m,
        Err(e) => return (Vec::new(), vec![e]),
    };
    // A shell glob can name thousands of files: they are worked on in
    // parallel too. The same file named twice is worked on once.
    named.sort();
    named.dedup();
    let pair = |path: PathBuf| {
        let result = work(&path);
        (path, result)
    };
    let named: Vec<(PathBuf, T)> = if named.len() > 1 {
        named.into_par_iter().map(pair).collect()
    } else {
        // One file: starting the thread pool would cost more than the work
        // (`planwright lint plan.md` in an editor's save hook).
        named.into_iter().map(pair).collect()
    };
    lock(&found).extend(named);
    if let (Some((first, rest)), Some(matcher)) = (walk_roots.split_first(), matcher) {
        let mut builder = WalkBuilder::new(first);
        for root in rest {
            builder.add(root);
        }
        builder
            .hidden(false)
            .require_git(false)
            .filter_entry(|e| e.file_name() != ".git");
        builder.build_parallel().run(|| {
            Box::new(|entry| {
                match entry {
                    Ok(entry) => {
                        let is_file = entry.file_type().is_some_and(|t| t.is_file());
                        if is_file && matcher.is_plan(entry.path()) {
                            let result = work(entry.path());
                            lock(&found).push((entry.into_path(), result));
                        }
                    }
                    Err(e) => lock(&walk_errors).push(walk_error(&e)),
                }
                WalkState::Continue
            })
        });
    }
    let mut found = found
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    found.sort_by(|a, b| a.0.cmp(&b.0));
    // A file both named and walked (or under two roots) counts once.
    found.dedup_by(|a, b| a.0 == b.0);
    errors.extend(
        walk_errors
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    (found, errors)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn walk_error(e: &ignore::Error) -> DiscoverError {
    let path = match e {
        ignore::Error::WithPath { path, .. } => display_path(path),
        ignore::Error::WithDepth { err, .. } => return walk_error(err),
        _ => String::from("."),
    };
    DiscoverError::Walk {
        path,
        message: e.to_string(),
    }
}

/// The `[plans]` globs, matched against paths relative to the config root.
struct PlanMatcher {
    include: GlobSet,
    exclude: GlobSet,
    root: PathBuf,
    cwd: PathBuf,
}

impl PlanMatcher {
    /// Checks every glob, so a bad one is reported whatever the paths are,
    /// and compiles them into sets only when there is a folder to walk:
    /// the compiled sets were a tenth of `planwright lint plan.md`.
    fn new(config: &LoadedConfig, walking: bool) -> Result<Option<Self>, DiscoverError> {
        let plans = &config.config.plans;
        let config_name = config
            .path
            .as_deref()
            .map_or_else(|| String::from("defaults"), display_path);
        let parse = |globs: &[String]| {
            globs
                .iter()
                .map(|g| {
                    globset::GlobBuilder::new(g)
                        .literal_separator(true)
                        .build()
                        .map_err(|e| DiscoverError::Glob {
                            config: config_name.clone(),
                            glob: g.clone(),
                            message: e.kind().to_string(),
                        })
                })
                .collect::<Result<Vec<_>, _>>()
        };
        let (include, exclude) = (parse(&plans.include)?, parse(&plans.exclude)?);
        if !walking {
            return Ok(None);
        }
        let build = |globs: Vec<globset::Glob>, written: &[String]| {
            let mut set = GlobSetBuilder::new();
            for glob in globs {
                set.add(glob);
            }
            set.build().map_err(|e| DiscoverError::Glob {
                config: config_name.clone(),
                glob: written.join(", "),
                message: e.to_string(),
            })
        };
        Ok(Some(Self {
            include: build(include, &plans.include)?,
            exclude: build(exclude, &plans.exclude)?,
            root: config.root.clone(),
            cwd: std::env::current_dir().unwrap_or_default(),
        }))
    }

    fn is_plan(&self, path: &Path) -> bool {
        let absolute = if path.is_absolute() {
            path.to_owned()
        } else {
            self.cwd.join(path)
        };
        let relative = absolute.strip_prefix(&self.root).unwrap_or(path);
        let relative = relative.strip_prefix(".").unwrap_or(relative);
        self.include.is_match(relative) && !self.exclude.is_match(relative)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, PlansConfig};

    /// The plans found, without any work done on them.
    fn discover(paths: &[PathBuf], config: &LoadedConfig) -> (Vec<PathBuf>, Vec<DiscoverError>) {
        let (found, errors) = discover_with(paths, config, |_| ());
        (found.into_iter().map(|(path, ())| path).collect(), errors)
    }

    fn config_at(root: &Path, plans: PlansConfig) -> LoadedConfig {
        LoadedConfig {
            config: Config {
                plans,
                ..Config::default()
            },
            path: None,
            root: root.to_owned(),
        }
    }

    fn write(root: &Path, rel: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "# Plan\n").unwrap();
    }

    fn relative(root: &Path, found: &[PathBuf]) -> Vec<String> {
        found
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }

    #[test]
    fn default_globs_find_plans_and_honour_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for rel in [
            "specs/001-login/plan.md",
            "specs/001-login/tasks.md",
            "specs/001-login/research.md",
            ".kiro/specs/auth/requirements.md",
            "docs/migration-plan.md",
            "docs/README.md",
            "build/old-plan.md",
            ".git/plan.md",
        ] {
            write(root, rel);
        }
        std::fs::write(root.join(".gitignore"), "build/\n").unwrap();
        let (found, errors) =
            discover(&[root.to_owned()], &config_at(root, PlansConfig::default()));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            relative(root, &found),
            [
                ".kiro/specs/auth/requirements.md",
                "docs/migration-plan.md",
                "specs/001-login/plan.md",
                "specs/001-login/tasks.md",
            ]
        );
    }

    #[test]
    fn excludes_apply_to_walks_but_named_files_always_count() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "archive/old-plan.md");
        write(root, "notes.md");
        let plans = PlansConfig {
            exclude: vec!["archive/**".to_owned()],
            ..PlansConfig::default()
        };
        let config = config_at(root, plans);
        let (found, errors) = discover(&[root.to_owned()], &config);
        assert!(
            errors.is_empty() && found.is_empty(),
            "{found:?} {errors:?}"
        );
        let named = [root.join("notes.md"), root.join("archive/old-plan.md")];
        let (found, _) = discover(&named, &config);
        assert_eq!(relative(root, &found), ["archive/old-plan.md", "notes.md"]);
    }

    #[test]
    fn missing_paths_and_bad_globs_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "plan.md");
        let config = config_at(root, PlansConfig::default());
        let (found, errors) = discover(&[root.join("nope"), root.join("plan.md")], &config);
        assert_eq!(found.len(), 1);
        assert!(
            errors[0]
                .to_string()
                .ends_with("nope: no such file or folder")
        );
        let bad = PlansConfig {
            include: vec!["specs/[".to_owned()],
            ..PlansConfig::default()
        };
        // Whether or not there is a folder to walk (the globs are only
        // compiled when there is), a bad glob is an error and nothing is
        // worked on.
        for paths in [vec![root.to_owned()], vec![root.join("plan.md")]] {
            let (found, errors) = discover(&paths, &config_at(root, bad.clone()));
            assert!(found.is_empty(), "{found:?}");
            assert!(
                errors[0].to_string().contains("invalid glob `specs/[`"),
                "{errors:?}"
            );
        }
    }
}
