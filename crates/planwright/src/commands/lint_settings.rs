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
use planwright_workspace::glob_root::GlobRoot;
use planwright_workspace::templates::{dialect_set, templates_dir};

use super::lint::LintArgs;
use crate::dialect_choice::DialectChoice;

/// The configuration's layers and the command line's, resolved once per
/// distinct set of matching overrides.
pub(crate) struct Settings {
    lint: LintConfig,
    cli: Layer,
    /// Each override's globs, compiled once for the whole walk.
    overrides: Vec<GlobSet>,
    pub(crate) root: PathBuf,
    /// What the overrides' globs are relative to.
    globs: GlobRoot,
    /// Built-in dialects with the local templates under the project root,
    /// when there are any; `None` means the built-ins alone.
    local_dialects: Option<DialectSet>,
    /// The dialect each plan is read as: `--dialect`, `[[plans.dialects]]`
    /// or detection.
    pub(crate) choice: DialectChoice,
    /// Rule sets by which overrides matched; most runs have one or two.
    cache: std::sync::Mutex<HashMap<Vec<usize>, RuleSet>>,
}

impl Settings {
    pub(crate) fn new(config: &LoadedConfig, args: &LintArgs) -> Result<Self> {
        let lint: &LintConfig = &config.config.lint;
        let where_ = config.shown(&std::env::current_dir().unwrap_or_default());
        let cli = Layer {
            select: args.select.clone(),
            extend_select: args.extend_select.clone(),
            ignore: args.ignore.clone(),
            severity: Vec::new(),
        };
        let mut overrides = Vec::with_capacity(lint.overrides.len());
        for (i, o) in lint.overrides.iter().enumerate() {
            overrides.push(globs(o, &where_, i)?);
        }
        // Building a dialect set compiles its detection automaton; the
        // shared built-in one serves when there are no local templates.
        let local_dialects = {
            let templates = config.templates_root();
            if templates_dir(&templates).is_dir() {
                Some(dialect_set(&templates)?)
            } else {
                None
            }
        };
        let choice = DialectChoice::new(
            config,
            args.dialect.as_deref(),
            local_dialects
                .as_ref()
                .unwrap_or_else(|| DialectSet::builtin()),
        )?;
        let settings = Self {
            // The selectors and severities were checked when the file was
            // read, each at its line and key.
            lint: lint.clone(),
            cli,
            overrides,
            root: config.root.clone(),
            globs: GlobRoot::new(config, &std::env::current_dir().unwrap_or_default()),
            local_dialects,
            choice,
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
        // Most projects have no overrides: nothing to match, and no path
        // to work out.
        let relative = (!self.overrides.is_empty())
            .then(|| self.globs.relative(path))
            .flatten();
        // A plan outside the configuration's folder matches no override.
        let matched: Vec<usize> = relative.map_or_else(Vec::new, |relative| {
            self.overrides
                .iter()
                .enumerate()
                .filter(|(_, set)| set.is_match(&relative))
                .map(|(i, _)| i)
                .collect()
        });
        let mut cache = self
            .cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        cache
            .entry(matched.clone())
            .or_insert_with(|| self.lint.rules(&matched, &self.cli))
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
