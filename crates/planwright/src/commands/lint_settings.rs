//! Which rules `lint` runs on a file, at which severity: the
//! configuration's `[lint]` table, its `[[lint.overrides]]` matched by
//! glob, and the command line, resolved once per distinct set of matching
//! overrides.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use globset::{GlobSet, GlobSetBuilder};
use planwright_core::DialectSet;
use planwright_lint::{Layer, RuleSet};
use planwright_workspace::config::{LintConfig, LintOverride, LoadedConfig, compile_globs};
use planwright_workspace::discover::glob_path;
use planwright_workspace::templates::{dialect_set, templates_dir};

use super::lint::LintArgs;

/// The configuration's layers and the command line's, resolved once per
/// distinct set of matching overrides.
pub(crate) struct Settings {
    base: Layer,
    cli: Layer,
    /// Each override's globs, its layer, and its `ignore` alone: a file's
    /// own ignores are applied again after the command line, so that
    /// `--select PW1` does not bring back what `archive/**` turned off
    /// (as ruff's per-file ignores hold under `--select`).
    overrides: Vec<(GlobSet, Layer, Layer)>,
    pub(crate) root: PathBuf,
    cwd: PathBuf,
    /// Built-in dialects with the local templates under the project root,
    /// when there are any; `None` means the built-ins alone.
    local_dialects: Option<DialectSet>,
    /// Rule sets by which overrides matched; most runs have one or two.
    cache: std::sync::Mutex<HashMap<Vec<usize>, RuleSet>>,
}

impl Settings {
    pub(crate) fn new(config: &LoadedConfig, args: &LintArgs) -> Result<Self> {
        let lint: &LintConfig = &config.config.lint;
        let where_ = config.shown(&std::env::current_dir().unwrap_or_default());
        // The selectors and severities were checked when the file was
        // read, each at its line and key.
        let base = lint.layer();
        let cli = Layer {
            select: args.select.clone(),
            extend_select: args.extend_select.clone(),
            ignore: args.ignore.clone(),
            severity: Vec::new(),
        };
        let mut overrides = Vec::with_capacity(lint.overrides.len());
        for (i, o) in lint.overrides.iter().enumerate() {
            let layer = o.layer();
            let ignores = Layer {
                ignore: layer.ignore.clone(),
                ..Layer::default()
            };
            overrides.push((globs(o, &where_, i)?, layer, ignores));
        }
        let settings = Self {
            base,
            cli,
            overrides,
            root: config.root.clone(),
            cwd: std::env::current_dir().unwrap_or_default(),
            // Building a dialect set compiles its detection automaton; the
            // shared built-in one serves when there are no local templates.
            local_dialects: {
                let templates = config.templates_root();
                if templates_dir(&templates).is_dir() {
                    Some(dialect_set(&templates)?)
                } else {
                    None
                }
            },
            cache: std::sync::Mutex::new(HashMap::new()),
        };
        RuleSet::resolve(&[&settings.cli]).context("command line")?;
        Ok(settings)
    }

    pub(crate) fn dialects(&self) -> &DialectSet {
        self.local_dialects
            .as_ref()
            .unwrap_or_else(|| DialectSet::builtin())
    }

    pub(crate) fn rules_for(&self, path: &Path) -> RuleSet {
        let relative = glob_path(path, &self.cwd, &self.root);
        let matched: Vec<usize> = self
            .overrides
            .iter()
            .enumerate()
            .filter(|(_, (set, _, _))| set.is_match(&relative))
            .map(|(i, _)| i)
            .collect();
        let mut cache = self
            .cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        cache
            .entry(matched.clone())
            .or_insert_with(|| {
                let mut layers = vec![&self.base];
                layers.extend(matched.iter().map(|&i| &self.overrides[i].1));
                layers.push(&self.cli);
                layers.extend(matched.iter().map(|&i| &self.overrides[i].2));
                // Every layer was checked on its own; together they cannot
                // fail, but fall back to the defaults anyway.
                RuleSet::resolve(&layers).unwrap_or_default()
            })
            .clone()
    }
}

/// The override's globs as one set. `parse_config` has compiled each one
/// already, reporting a bad one at its line; this error is for a
/// configuration built some other way.
fn globs(o: &LintOverride, where_: &str, i: usize) -> Result<GlobSet> {
    let mut set = GlobSetBuilder::new();
    for g in &o.files {
        let globs = compile_globs(g)
            .with_context(|| format!("{where_}: lint.overrides[{i}].files: invalid glob `{g}`"))?;
        for glob in globs {
            set.add(glob);
        }
    }
    Ok(set.build()?)
}
