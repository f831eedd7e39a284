//! Which rules `lint` runs on a file, at which severity: the
//! configuration's `[lint]` table, its `[[lint.overrides]]` matched by
//! glob, and the command line, resolved once per distinct set of matching
//! overrides.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use globset::{GlobSet, GlobSetBuilder};
use planwright_core::DialectSet;
use planwright_lint::{Layer, RuleSet, SelectionError};
use planwright_workspace::config::{LintConfig, LintOverride, LoadedConfig, compile_glob};
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

/// Resolves the `[lint]` table's selectors and each override's once, so
/// that a bad one is one error naming where it is written, not one per
/// file. `new` checks them too: the plan it writes is linted next.
pub(crate) fn check_lint_config(config: &LoadedConfig) -> Result<()> {
    config_layers(config).map(|_| ())
}

/// The `[lint]` layer and each override's, checked (see
/// [`check_lint_config`]).
fn config_layers(config: &LoadedConfig) -> Result<(Layer, Vec<Layer>)> {
    let lint: &LintConfig = &config.config.lint;
    let where_ = config.shown(&std::env::current_dir().unwrap_or_default());
    let located = |e: SelectionError, table: &str| {
        let at = config.path.as_deref().map_or((1, 1), |p| locate(p, &e));
        anyhow::anyhow!("{where_}:{}:{}: {table}: {e}", at.0, at.1)
    };
    let base = layer_of(
        lint.select.clone(),
        &lint.extend_select,
        &lint.ignore,
        &lint.severity,
    );
    RuleSet::resolve(&[&base]).map_err(|e| located(e, "[lint]"))?;
    let mut overrides = Vec::with_capacity(lint.overrides.len());
    for (i, o) in lint.overrides.iter().enumerate() {
        let layer = override_layer(o);
        RuleSet::resolve(&[&layer])
            .map_err(|e| located(e, &format!("[[lint.overrides]] #{}", i + 1)))?;
        overrides.push(layer);
    }
    Ok((base, overrides))
}

impl Settings {
    pub(crate) fn new(config: &LoadedConfig, args: &LintArgs) -> Result<Self> {
        let lint: &LintConfig = &config.config.lint;
        let where_ = config.shown(&std::env::current_dir().unwrap_or_default());
        let (base, override_layers) = config_layers(config)?;
        let cli = Layer {
            select: args.select.clone(),
            extend_select: args.extend_select.clone(),
            ignore: args.ignore.clone(),
            severity: Vec::new(),
        };
        let mut overrides = Vec::with_capacity(override_layers.len());
        for (i, (o, layer)) in lint.overrides.iter().zip(override_layers).enumerate() {
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
                // Every layer was resolved on its own in `new`; together
                // they cannot fail, but fall back to the defaults anyway.
                RuleSet::resolve(&layers).unwrap_or_default()
            })
            .clone()
    }
}

/// Line and column of the offending selector or severity in the config
/// file: the first place its quoted text appears. TOML's parser has
/// already accepted the file, so the text is there unless it was written
/// as a bare key (`PW1 = "x"`), which is searched for too.
fn locate(path: &Path, e: &SelectionError) -> (usize, usize) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return (1, 1);
    };
    let needle = match e {
        SelectionError::UnknownSelector(s) => s.as_str(),
        SelectionError::UnknownSeverity { value, .. } => value.as_str(),
    };
    let at = text
        .find(&format!("\"{needle}\""))
        .or_else(|| text.find(needle))
        .unwrap_or(0);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn layer_of(
    select: Option<Vec<String>>,
    extend: &[String],
    ignore: &[String],
    severity: &std::collections::BTreeMap<String, String>,
) -> Layer {
    Layer {
        select,
        extend_select: extend.to_vec(),
        ignore: ignore.to_vec(),
        severity: severity
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    }
}

fn override_layer(o: &LintOverride) -> Layer {
    layer_of(o.select.clone(), &o.extend_select, &o.ignore, &o.severity)
}

/// The override's globs as one set. `parse_config` has compiled each one
/// already, reporting a bad one at its line; this error is for a
/// configuration built some other way.
fn globs(o: &LintOverride, where_: &str, i: usize) -> Result<GlobSet> {
    let mut set = GlobSetBuilder::new();
    for g in &o.files {
        let glob = compile_glob(g).with_context(|| {
            format!(
                "{where_}: [[lint.overrides]] #{}: invalid glob `{g}`",
                i + 1
            )
        })?;
        set.add(glob);
    }
    Ok(set.build()?)
}
