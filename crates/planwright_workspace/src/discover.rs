//! Finding plan files under the paths a command was given.
//!
//! Folders are walked with the `ignore` crate, so `.gitignore`, `.ignore`
//! and hidden-folder conventions apply the way they do in ripgrep, in
//! parallel. A walked file is a plan when its path relative to the
//! configuration's root matches one of the `[plans] include` globs and none
//! of the `exclude` globs; a file outside that folder matches none. A
//! file named on the command line is a plan too, the user having asked
//! for it by name, unless the command says otherwise ([`Named::IfPlans`]:
//! a pre-commit hook names every Markdown file changed, README and all).
//!
//! The local templates folder is never walked: a template named like a
//! plan (`feature-plan.md`) is all unfilled slots and open tasks, and
//! would fail `lint` and crowd `status` and `next` in every project that
//! keeps one. Nor are spec-kit's templates (`.specify/templates/`) or
//! files named as templates (`plan-template.md`) taken as plans.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use globset::{GlobSet, GlobSetBuilder};
use ignore::{WalkBuilder, WalkState};
use rayon::prelude::*;

use crate::config::LoadedConfig;
use crate::file_id::{FileId, Walked};
use crate::glob_root::{GlobRoot, shown};
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
/// absolute path, a file named and also under a folder walked) or, on
/// Unix, by two hard links is one file: it is returned once, under the
/// name reached by the earliest path given and, of the names one walk
/// finds, the first in the output's order. A hard-linked file is worked
/// on once, after the walk has found all its names.
pub fn discover_with<T: Send>(
    paths: &[PathBuf],
    config: &LoadedConfig,
    work: impl Fn(&Path) -> T + Sync,
) -> (Vec<(PathBuf, T)>, Vec<DiscoverError>) {
    discover_named(paths, config, Named::Always, work)
}

/// Which of the files named on the command line are plans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// Every one: the user asked for it by name (a template too).
    Always,
    /// Those a walk would take: matched by `[plans]`, and not in the local
    /// templates folder. The rest are left out without a word, as ruff's
    /// `--force-exclude` leaves them: a hook or an editor names files by
    /// what changed, not by what is a plan.
    IfPlans,
}

/// [`discover_with`], the files named on the command line taken as
/// `named` says.
pub fn discover_named<T: Send>(
    paths: &[PathBuf],
    config: &LoadedConfig,
    named_files: Named,
    work: impl Fn(&Path) -> T + Sync,
) -> (Vec<(PathBuf, T)>, Vec<DiscoverError>) {
    let mut errors = Vec::new();
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    // One path reaches a file twice only by two hard links: every file's
    // identity is wanted only when there are more (a tree of 10,000 plans
    // walked from `.` pays one `lstat` per plan, for the link count).
    let two_or_more = paths.len() > 1;
    let cwd = std::env::current_dir().unwrap_or_default();
    let found: Mutex<Vec<Found<T>>> = Mutex::new(Vec::new());
    // Walked files with other names, worked on after the walk.
    let linked: Mutex<Vec<Found<()>>> = Mutex::new(Vec::new());
    let walk_errors = Mutex::new(Vec::new());
    let mut walk_roots: Vec<Root> = Vec::new();
    // The roots' identities, so that a folder named twice is walked once
    // without comparing it with every folder named before (a shell glob
    // can name thousands).
    let mut root_identities: HashSet<FileId> = HashSet::new();
    let mut named: Vec<Found<()>> = Vec::new();
    for (rank, path) in paths.iter().enumerate() {
        match std::fs::metadata(path) {
            Ok(meta) => {
                let identity = two_or_more.then(|| FileId::named(path, &meta, &cwd));
                if !meta.is_dir() {
                    named.push(Found {
                        path: path.clone(),
                        identity,
                        rank,
                        result: (),
                    });
                } else if identity
                    .as_ref()
                    .is_none_or(|id| root_identities.insert(id.clone()))
                {
                    walk_roots.push(Root {
                        path: path.clone(),
                        identity,
                        rank,
                        physical: None,
                    });
                }
            }
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
    let filter_named = named_files == Named::IfPlans && !named.is_empty();
    let matcher = match PlanMatcher::new(config, !walk_roots.is_empty() || filter_named, &cwd) {
        Ok(m) => m,
        Err(e) => return (Vec::new(), vec![e]),
    };
    if let (true, Some(matcher)) = (filter_named, &matcher) {
        let templates = templates_folder(config);
        named.retain(|n| matcher.is_named_plan(&n.path, templates.as_deref()));
    }
    // The same file named twice is worked on once, under its first name.
    first_name_only(&mut named);
    // Files named before the folder a walk finds them in: the walk leaves
    // them alone.
    let claimed: HashMap<&FileId, usize> = named
        .iter()
        .filter_map(|n| Some((n.identity.as_ref()?, n.rank)))
        .collect();
    lock(&found).extend(work_on(&named, &work));
    let (walk_roots, templates) = match &matcher {
        Some(matcher) => prepare(walk_roots, &matcher.globs, config),
        None => (walk_roots, Vec::new()),
    };
    if let (Some((first, rest)), Some(matcher)) = (walk_roots.split_first(), matcher) {
        let mut builder = WalkBuilder::new(&first.path);
        for root in rest {
            builder.add(&root.path);
        }
        builder
            .hidden(false)
            .require_git(false)
            .filter_entry(move |e| e.file_name() != ".git" && !templates.iter().any(|t| t.is(e)));
        let roots_by_path: HashMap<&Path, &Root> =
            walk_roots.iter().map(|r| (r.path.as_path(), r)).collect();
        builder.build_parallel().run(|| {
            Box::new(|entry| {
                match entry {
                    Ok(entry) => {
                        let is_file = entry.file_type().is_some_and(|t| t.is_file());
                        let physical = || physical(&entry, &roots_by_path);
                        if is_file && matcher.is_plan(entry.path(), physical) {
                            let (walked, rank) = walked(&entry, &roots_by_path, two_or_more);
                            let earlier = walked
                                .id
                                .as_ref()
                                .and_then(|i| claimed.get(i))
                                .is_some_and(|&named_at| named_at < rank);
                            let file = Found {
                                path: entry.into_path(),
                                identity: walked.id,
                                rank,
                                result: (),
                            };
                            if earlier {
                                // Named on the command line before its folder.
                            } else if walked.linked {
                                lock(&linked).push(file);
                            } else {
                                let result = work(&file.path);
                                lock(&found).push(file.with(result));
                            }
                        }
                    }
                    Err(e) => lock(&walk_errors).push(walk_error(&e)),
                }
                WalkState::Continue
            })
        });
    }
    // All the names of a hard-linked file are known now: it is worked on
    // under the first.
    let mut linked = into_inner(linked);
    first_name_only(&mut linked);
    let mut found = into_inner(found);
    found.extend(work_on(&linked, &work));
    // A file both named and walked (or under two roots) counts once.
    first_name_only(&mut found);
    // In the order users read them: `./b.md`, from walking `.`, is shown
    // as `b.md` and sorts with the files named without the `./`.
    found.sort_by(|a, b| shown(&a.path).cmp(shown(&b.path)));
    errors.extend(into_inner(walk_errors));
    (
        found.into_iter().map(|f| (f.path, f.result)).collect(),
        errors,
    )
}

/// Whether a file at `path`, on disk or not (a buffer named by
/// `--stdin-filename`), is one a walk would take for a plan, as
/// [`Named::IfPlans`] decides for a named file.
pub fn is_plan_path(path: &Path, config: &LoadedConfig) -> Result<bool, DiscoverError> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let matcher = PlanMatcher::new(config, true, &cwd)?;
    let templates = templates_folder(config);
    Ok(matcher.is_some_and(|m| m.is_named_plan(path, templates.as_deref())))
}

/// Of the folders in `paths`, those discovery skips as the local
/// templates folder (see the module), each with whether it is the folder
/// itself rather than one inside it: a command named one walks nothing
/// there, and says so instead of that it found no plan. A file named is
/// not one: it is read, template or not.
pub fn templates_named<'p>(paths: &'p [PathBuf], config: &LoadedConfig) -> Vec<(&'p Path, bool)> {
    let Some(templates) = templates_folder(config) else {
        return Vec::new();
    };
    paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| {
            let physical = std::fs::canonicalize(p).ok()?;
            physical
                .starts_with(&templates)
                .then(|| (p.as_path(), physical == templates))
        })
        .collect()
}

/// The local templates folder with its links resolved, if there is one.
fn templates_folder(config: &LoadedConfig) -> Option<PathBuf> {
    std::fs::canonicalize(crate::templates::templates_dir(&config.templates_root()))
        .ok()
        .filter(|t| t.is_dir())
}

/// A file found, with what makes it the same file as another.
struct Found<T> {
    /// As the user wrote it, or as the walk built it from their folder.
    path: PathBuf,
    /// The file whatever its name; `None` when it is not needed: only one
    /// path was given, and the file has one name.
    identity: Option<FileId>,
    /// Which command-line path reached it: the earliest wins.
    rank: usize,
    result: T,
}

impl Found<()> {
    fn with<T>(self, result: T) -> Found<T> {
        Found {
            path: self.path,
            identity: self.identity,
            rank: self.rank,
            result,
        }
    }
}

/// A folder to walk.
struct Root {
    path: PathBuf,
    identity: Option<FileId>,
    rank: usize,
    /// The folder with every symbolic link resolved, when the path's text
    /// does not tell where it is: below the configuration's folder or not,
    /// holding the templates folder or not.
    physical: Option<PathBuf>,
}

/// The local templates folder, as a walk from one root reaches it.
struct TemplatesFolder {
    /// Its depth below the root, which rules out most entries at once.
    depth: usize,
    path: PathBuf,
}

impl TemplatesFolder {
    fn is(&self, entry: &ignore::DirEntry) -> bool {
        entry.depth() == self.depth
            && entry.file_name() == self.path.file_name().unwrap_or_default()
            && entry.path() == self.path
    }
}

/// The folders to walk, less any inside the local templates folder (named
/// outright, it is still not walked for plans), and that folder as the
/// walk from each of the others would reach it. The folders are compared
/// with their links resolved, once per folder given, so that a walk from
/// `/tmp/x` skips the templates of a project in `/private/tmp/x`.
fn prepare(
    mut roots: Vec<Root>,
    globs: &GlobRoot,
    config: &LoadedConfig,
) -> (Vec<Root>, Vec<TemplatesFolder>) {
    let templates = templates_folder(config);
    let mut skipped = Vec::new();
    roots.retain_mut(|root| {
        if templates.is_none() && globs.below_by_text(&root.path) {
            return true;
        }
        root.physical = std::fs::canonicalize(&root.path).ok();
        let (Some(templates), Some(physical)) = (&templates, &root.physical) else {
            return true;
        };
        if physical.starts_with(templates) {
            return false;
        }
        if let Ok(below) = templates.strip_prefix(physical) {
            skipped.push(TemplatesFolder {
                depth: below.components().count(),
                path: root.path.join(below),
            });
        }
        true
    });
    (roots, skipped)
}

/// A walked file's path with the links in its folders resolved: its
/// root's, and the names below it (the walk follows no link), with no
/// system call.
fn physical(entry: &ignore::DirEntry, roots: &HashMap<&Path, &Root>) -> Option<PathBuf> {
    let root = entry.path().ancestors().nth(entry.depth())?;
    let below = entry.path().strip_prefix(root).ok()?;
    Some(roots.get(root)?.physical.as_ref()?.join(below))
}

/// `work` done on each of `files`.
fn work_on<T: Send>(files: &[Found<()>], work: &(impl Fn(&Path) -> T + Sync)) -> Vec<Found<T>> {
    let pair = |f: &Found<()>| Found {
        path: f.path.clone(),
        identity: f.identity.clone(),
        rank: f.rank,
        result: work(&f.path),
    };
    if files.len() > 1 {
        // A shell glob can name thousands of files: they are worked on in
        // parallel too.
        files.par_iter().map(pair).collect()
    } else {
        // One file: starting the thread pool would cost more than the work
        // (`planwright lint plan.md` in an editor's save hook).
        files.iter().map(pair).collect()
    }
}

/// Keeps, of the entries that are one file, the one reached by the
/// earliest command-line path and, of those, the first in the output's
/// order: which one does not depend on the walk's thread timing. Without
/// identities, keeps everything.
fn first_name_only<T>(found: &mut Vec<Found<T>>) {
    if found.iter().all(|f| f.identity.is_none()) {
        return;
    }
    found.sort_by(|a, b| {
        (&a.identity, a.rank, shown(&a.path)).cmp(&(&b.identity, b.rank, shown(&b.path)))
    });
    found.dedup_by(|later, kept| later.identity.is_some() && later.identity == kept.identity);
}

/// What the walk tells of `entry` (see [`FileId::walked`]), and the rank
/// of the root it was found under.
fn walked(
    entry: &ignore::DirEntry,
    roots: &HashMap<&Path, &Root>,
    wanted: bool,
) -> (Walked, usize) {
    let root = entry
        .path()
        .ancestors()
        .nth(entry.depth())
        .and_then(|p| roots.get(p));
    let (root_path, root_id, rank) = match root {
        Some(root) => (root.path.as_path(), root.identity.as_ref(), root.rank),
        None => (Path::new(""), None, 0),
    };
    (FileId::walked(entry, root_path, root_id, wanted), rank)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn into_inner<T>(m: Mutex<T>) -> T {
    m.into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
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
    globs: GlobRoot,
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
            globs: GlobRoot::new(config, cwd),
        }))
    }

    /// Whether the walked file at `path` is a plan; `physical` is its path
    /// with links resolved (see [`GlobRoot::relative_or`]). A folder
    /// outside the project, walked because it was named, is matched by
    /// its paths as given: finding no plan in `planwright lint ../other`
    /// would surprise more than the project's globs applying there.
    fn is_plan(&self, path: &Path, physical: impl FnOnce() -> Option<PathBuf>) -> bool {
        let r = self
            .globs
            .relative_or(path, physical)
            .unwrap_or_else(|| shown(path).to_owned());
        self.include.is_match(&r) && !self.exclude.is_match(&r) && !names_a_template(&r)
    }

    /// Whether the file named at `path` is one a walk would take as a
    /// plan: matched as a walked file is (its own name kept, a link named
    /// like a plan matching by that name), and not in `templates`, the
    /// local templates folder with its links resolved.
    fn is_named_plan(&self, path: &Path, templates: Option<&Path>) -> bool {
        let in_templates = || {
            let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
            let folder = std::fs::canonicalize(folder.unwrap_or(Path::new(".")));
            templates.is_some_and(|t| folder.is_ok_and(|f| f.starts_with(t)))
        };
        let r = self
            .globs
            .relative(path)
            .unwrap_or_else(|| shown(path).to_owned());
        self.include.is_match(&r)
            && !self.exclude.is_match(&r)
            && !names_a_template(&r)
            && !in_templates()
    }
}

/// Whether the path `r` (relative) is a template by where it is or what
/// it is called: in spec-kit's `.specify/templates/`, or named as a plan's
/// or task list's template (`plan-template.md`, `tasks_template.md`,
/// `release-plan.template.md`; not `email-template.md`, which may be the
/// plan of an email template, written by a `[new] pattern` of `{slug}.md`).
/// Spec-kit puts its plan and task templates in every project it sets up,
/// all slots and open tasks: as plans they would fail `lint` and crowd
/// `status` and `next`, as the local templates folder would.
pub(crate) fn names_a_template(r: &Path) -> bool {
    let names: Vec<String> = r
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_ascii_lowercase())
        .collect();
    let in_speckit = names
        .windows(2)
        .any(|w| w[0] == ".specify" && w[1] == "templates");
    let name = names.last().map_or("", String::as_str);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let of_plans = stem.contains("plan") || stem.contains("task");
    in_speckit
        || (of_plans
            && ["-template", "_template", ".template"]
                .iter()
                .any(|end| stem.ends_with(end)))
}

#[cfg(test)]
#[path = "discover_tests.rs"]
mod tests;
