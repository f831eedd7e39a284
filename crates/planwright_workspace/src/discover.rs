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
///
/// A file reached by two spellings (`plan.md ./plan.md`, a relative and an
/// absolute path, a file named and also under a folder walked) is one
/// file: it is worked on and returned once, under the spelling of the
/// earliest path that reaches it, as the user wrote it.
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
    // One path cannot reach a file twice: the identities are worked out
    // only when there are more (a tree of 10,000 plans walked from `.`
    // pays nothing for them).
    let two_or_more = paths.len() > 1;
    let cwd = std::env::current_dir().unwrap_or_default();
    let found: Mutex<Vec<Found<T>>> = Mutex::new(Vec::new());
    let walk_errors = Mutex::new(Vec::new());
    let mut walk_roots: Vec<Root> = Vec::new();
    // The roots' identities, so that a folder named twice is walked once
    // without comparing it with every folder named before (a shell glob
    // can name thousands).
    let mut root_identities: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    let mut named: Vec<Found<()>> = Vec::new();
    for (rank, path) in paths.iter().enumerate() {
        let identity = two_or_more.then(|| identity(path, &cwd));
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                if identity
                    .as_ref()
                    .is_none_or(|id| root_identities.insert(id.clone()))
                {
                    walk_roots.push(Root {
                        path: path.clone(),
                        identity,
                        rank,
                    });
                }
            }
            Ok(_) => named.push(Found {
                path: path.clone(),
                identity,
                rank,
                result: (),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(DiscoverError::NotFound {
                    path: display_path(path),
                });
            }
            Err(e) => errors.push(DiscoverError::Walk {
                path: display_path(path),
                message: crate::io_reason(&e),
            }),
        }
    }
    let matcher = match PlanMatcher::new(config, !walk_roots.is_empty(), &cwd) {
        Ok(m) => m,
        Err(e) => return (Vec::new(), vec![e]),
    };
    // The same file named twice is worked on once, under its first name.
    first_spelling_only(&mut named);
    // Files named before the folder a walk finds them in: the walk leaves
    // them alone.
    let claimed: std::collections::HashMap<&Path, usize> = named
        .iter()
        .filter_map(|n| Some((n.identity.as_deref()?, n.rank)))
        .collect();
    // A shell glob can name thousands of files: they are worked on in
    // parallel too.
    let pair = |n: &Found<()>| Found {
        path: n.path.clone(),
        identity: n.identity.clone(),
        rank: n.rank,
        result: work(&n.path),
    };
    let named_done: Vec<Found<T>> = if named.len() > 1 {
        named.par_iter().map(pair).collect()
    } else {
        // One file: starting the thread pool would cost more than the work
        // (`planwright lint plan.md` in an editor's save hook).
        named.iter().map(pair).collect()
    };
    lock(&found).extend(named_done);
    if let (Some((first, rest)), Some(matcher)) = (walk_roots.split_first(), matcher) {
        let mut builder = WalkBuilder::new(&first.path);
        for root in rest {
            builder.add(&root.path);
        }
        builder
            .hidden(false)
            .require_git(false)
            .filter_entry(|e| e.file_name() != ".git");
        let roots_by_path: std::collections::HashMap<&Path, &Root> =
            walk_roots.iter().map(|r| (r.path.as_path(), r)).collect();
        builder.build_parallel().run(|| {
            Box::new(|entry| {
                match entry {
                    Ok(entry) => {
                        let is_file = entry.file_type().is_some_and(|t| t.is_file());
                        if is_file && matcher.is_plan(entry.path()) {
                            let (identity, rank) = walked_identity(&entry, &roots_by_path);
                            let earlier = identity
                                .as_deref()
                                .and_then(|i| claimed.get(i))
                                .is_some_and(|&named_at| named_at < rank);
                            if !earlier {
                                let result = work(entry.path());
                                lock(&found).push(Found {
                                    path: entry.into_path(),
                                    identity,
                                    rank,
                                    result,
                                });
                            }
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
    // A file both named and walked (or under two roots) counts once.
    first_spelling_only(&mut found);
    // In the order users read them: `./b.md`, from walking `.`, is shown
    // as `b.md` and sorts with the files named without the `./`.
    found.sort_by(|a, b| shown(&a.path).cmp(shown(&b.path)));
    errors.extend(
        walk_errors
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    (
        found.into_iter().map(|f| (f.path, f.result)).collect(),
        errors,
    )
}

/// `path` without a leading `./`.
fn shown(path: &Path) -> &Path {
    path.strip_prefix(".").unwrap_or(path)
}

/// A file found, with what makes it the same file as another.
struct Found<T> {
    /// As the user wrote it, or as the walk built it from their folder.
    path: PathBuf,
    /// The file whatever the spelling (see [`identity`]); `None` when only
    /// one path was given.
    identity: Option<PathBuf>,
    /// Which command-line path reached it: the earliest spelling wins.
    rank: usize,
    result: T,
}

/// A folder to walk.
struct Root {
    path: PathBuf,
    identity: Option<PathBuf>,
    rank: usize,
}

/// Keeps, of the entries that are one file, the one reached by the
/// earliest command-line path. Without identities, keeps everything.
fn first_spelling_only<T>(found: &mut Vec<Found<T>>) {
    if found.iter().all(|f| f.identity.is_none()) {
        return;
    }
    found.sort_by(|a, b| (&a.identity, a.rank).cmp(&(&b.identity, b.rank)));
    found.dedup_by(|later, kept| later.identity.is_some() && later.identity == kept.identity);
}

/// The file `path` names, whatever its spelling: its canonical path
/// (symbolic links resolved), or, when that cannot be had, the path made
/// absolute and normalised (`.` dropped, `..` taken back) by its text.
fn identity(path: &Path, cwd: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| lexical(&cwd.join(path)))
}

/// The identity of a walked file without a system call per file: its
/// root's identity joined with its path below the root. The walk follows
/// no symbolic link, so that is the file's canonical path too. Also the
/// rank of that root.
fn walked_identity(
    entry: &ignore::DirEntry,
    roots: &std::collections::HashMap<&Path, &Root>,
) -> (Option<PathBuf>, usize) {
    let path = entry.path();
    let Some(root_path) = path.ancestors().nth(entry.depth()) else {
        return (None, 0);
    };
    let Some(root) = roots.get(root_path) else {
        return (None, 0);
    };
    let identity = root.identity.as_ref().map(|id| {
        let below = path.strip_prefix(root_path).unwrap_or(path);
        id.join(below)
    });
    (identity, root.rank)
}

/// `path` with `.` components dropped and each `..` taking back the
/// component before it, by text alone.
fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
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
        message: walk_reason(e),
    }
}

/// What went wrong, without the path (the message starts with it; the
/// walker's own text repeated it) or Rust's `(os error N)`.
fn walk_reason(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_reason(err),
        ignore::Error::Io(e) => crate::io_reason(e),
        ignore::Error::Loop { ancestor, .. } => format!(
            "a symbolic link back to {}, not followed",
            display_path(ancestor)
        ),
        other => other.to_string(),
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
    fn new(
        config: &LoadedConfig,
        walking: bool,
        cwd: &Path,
    ) -> Result<Option<Self>, DiscoverError> {
        let plans = &config.config.plans;
        let config_name = config
            .path
            .as_deref()
            .map_or_else(|| String::from("defaults"), display_path);
        let parse = |globs: &[String]| {
            globs
                .iter()
                .map(|g| {
                    crate::config::compile_globs(g).map_err(|e| DiscoverError::Glob {
                        config: config_name.clone(),
                        glob: g.clone(),
                        message: e.kind().to_string(),
                    })
                })
                .collect::<Result<Vec<_>, _>>()
                .map(|sets| sets.into_iter().flatten().collect::<Vec<_>>())
        };
        let (mut include, exclude) = (parse(&plans.include)?, parse(&plans.exclude)?);
        // What `new` writes is a plan, whatever `[plans]` lists. A pattern
        // `new` would refuse is `new`'s error to report, not this one's.
        if let Ok(pattern) = crate::numbering::Pattern::parse(&config.config.new.pattern)
            && let Ok(glob) = crate::config::compile_glob(&pattern.glob())
        {
            include.push(glob);
        }
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
            cwd: cwd.to_owned(),
        }))
    }

    fn is_plan(&self, path: &Path) -> bool {
        let relative = glob_path(path, &self.cwd, &self.root);
        self.include.is_match(&relative) && !self.exclude.is_match(&relative)
    }
}

/// `path` as configuration globs see it: made absolute against `cwd`,
/// normalised by its text (`sub/../x` is `x`), and relative to the
/// configuration's folder `root`; as it was (less a leading `./`), when it
/// lies outside `root`.
pub fn glob_path(path: &Path, cwd: &Path, root: &Path) -> PathBuf {
    match absolute(path, cwd).strip_prefix(absolute(root, cwd)) {
        Ok(relative) => relative.to_owned(),
        Err(_) => shown(path).to_owned(),
    }
}

/// `path` joined to `cwd` and normalised by its text; borrowed when it is
/// absolute and normal already (a configuration's root, nearly always).
fn absolute<'a>(path: &'a Path, cwd: &Path) -> std::borrow::Cow<'a, Path> {
    let has_parent = |p: &Path| p.components().any(|c| c == std::path::Component::ParentDir);
    if path.is_absolute() && !has_parent(path) {
        return path.into();
    }
    // Rebuilt from its components, which drops the `.` of `./plan.md`:
    // `strip_prefix` would keep it, and `adr/./x.md` matches no `adr/*.md`.
    lexical(&cwd.join(path)).into()
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
            text: String::new(),
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
    fn a_file_reached_by_two_spellings_is_worked_on_once_under_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "d-plan.md");
        write(root, "sub/e-plan.md");
        let config = config_at(root, PlansConfig::default());
        let run = |paths: &[PathBuf]| {
            let calls = std::sync::atomic::AtomicUsize::new(0);
            let (found, errors) = discover_with(paths, &config, |_| {
                calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            });
            assert!(errors.is_empty(), "{errors:?}");
            let found: Vec<PathBuf> = found.into_iter().map(|(p, ())| p).collect();
            (found, calls.into_inner())
        };
        let odd = root.join("sub/../d-plan.md");
        // Named, then walked: the walk leaves it alone.
        let (found, calls) = run(&[odd.clone(), root.join("./d-plan.md"), root.to_owned()]);
        assert_eq!(found, [odd.clone(), root.join("sub/e-plan.md")]);
        assert_eq!(calls, 2);
        // Walked first: the walk's spelling wins.
        let (found, _) = run(&[root.to_owned(), odd]);
        assert_eq!(found, [root.join("d-plan.md"), root.join("sub/e-plan.md")]);
        // A folder under another, and a folder twice.
        let (found, _) = run(&[root.join("sub"), root.to_owned(), root.join(".")]);
        assert_eq!(found, [root.join("d-plan.md"), root.join("sub/e-plan.md")]);
        assert_eq!(lexical(Path::new("/a/./b/../c")), Path::new("/a/c"));
        assert_eq!(lexical(Path::new("../a/..")), Path::new(".."));
        let cwd = root.join("sub");
        for spelling in ["../d-plan.md", "./../d-plan.md", "../sub/../d-plan.md"] {
            assert_eq!(
                glob_path(Path::new(spelling), &cwd, root),
                Path::new("d-plan.md")
            );
        }
        assert_eq!(
            glob_path(&root.join("./d-plan.md"), &cwd, root),
            Path::new("d-plan.md")
        );
        // A walk from a folder below the configuration's gives `./x` paths:
        // the `.` must not stay between the folder and the name.
        // (Compared as text: `Path`'s `==` skips that `.` too, globs do not.)
        assert_eq!(
            glob_path(Path::new("./e-plan.md"), &cwd, root).as_os_str(),
            "sub/e-plan.md"
        );
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
