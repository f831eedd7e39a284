//! `planwright.toml`: found by walking up from the working directory.
//!
//! One file configures every command: `[plans]` says which files are plans
//! (and `[[plans.dialects]]` which dialect some are read as), `[lint]` selects rules and severities, `[new]` says where new plans go.
//! Unknown keys are errors (a typo must not silently disable a rule), and
//! every error names the file, line and key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use planwright_lint::{Layer, RuleSet};
use serde::Deserialize;

use crate::toml_path::KeyPath;

#[path = "config_dialects.rs"]
mod dialects;
pub use dialects::{DialectGlobs, PlanDialect};

pub const CONFIG_FILE: &str = "planwright.toml";

/// The default plan globs: spec-kit's and Kiro's layouts, anything named
/// like a task list, and anything with `plan`, `plans` or `planning` as a
/// word of its name (`plan.md`, `auth-plan.md`, `plan_v2.md`,
/// `MigrationPlan.md`; not `planet.md`, `airplane.md` or
/// `explanation.md`), in lower, upper or title case (globs match
/// case-sensitively, and `docs/Tasks.md` is as much a task list as
/// `PLAN.md` is a plan).
pub const DEFAULT_PLAN_GLOBS: &[&str] = &[
    "specs/*/plan.md",
    "specs/*/tasks.md",
    "**/tasks.md",
    "**/*tasks*.md",
    "**/*TASKS*.md",
    "**/*Tasks*.md",
    ".kiro/specs/**/*.md",
    // The word alone, or after or before a separator or a digit.
    "**/{plan,plans,planning}.md",
    "**/{plan,plans,planning}[-_. 0-9]*.md",
    "**/*[-_. 0-9]{plan,plans,planning}.md",
    "**/*[-_. 0-9]{plan,plans,planning}[-_. 0-9]*.md",
    "**/{PLAN,PLANS,PLANNING}.md",
    "**/{PLAN,PLANS,PLANNING}[-_. 0-9]*.md",
    "**/*[-_. 0-9]{PLAN,PLANS,PLANNING}.md",
    "**/*[-_. 0-9]{PLAN,PLANS,PLANNING}[-_. 0-9]*.md",
    // Title case also as a word of a CamelCase name: `MigrationPlan.md`,
    // `PlanV2.md`.
    "**/{Plan,Plans,Planning}.md",
    "**/{Plan,Plans,Planning}[-_. 0-9A-Z]*.md",
    "**/*[-_. 0-9a-z]{Plan,Plans,Planning}.md",
    "**/*[-_. 0-9a-z]{Plan,Plans,Planning}[-_. 0-9A-Z]*.md",
];

// `expecting` replaces serde's `expected struct Config` with words a
// TOML user knows; the visitors below do the same for lists and maps.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, expecting = "a table")]
pub struct Config {
    #[serde(default)]
    pub plans: PlansConfig,
    #[serde(default)]
    pub lint: LintConfig,
    #[serde(default)]
    pub new: NewConfig,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, expecting = "a table")]
pub struct PlansConfig {
    /// Globs (relative to the config's folder) that pick plan files when a
    /// folder is walked.
    #[serde(
        default = "default_plan_globs",
        deserialize_with = "crate::config_de::strings"
    )]
    pub include: Vec<String>,
    #[serde(default, deserialize_with = "crate::config_de::strings")]
    pub exclude: Vec<String>,
    /// `[[plans.dialects]]`: the dialect plans matching some globs are read
    /// as, instead of the one detection picks; the first match wins.
    #[serde(default, deserialize_with = "crate::config_de::plan_dialects")]
    pub dialects: Vec<PlanDialect>,
}

impl Default for PlansConfig {
    fn default() -> Self {
        Self {
            include: default_plan_globs(),
            exclude: Vec::new(),
            dialects: Vec::new(),
        }
    }
}

fn default_plan_globs() -> Vec<String> {
    DEFAULT_PLAN_GLOBS.iter().map(|s| (*s).to_owned()).collect()
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", expecting = "a table")]
pub struct LintConfig {
    /// Rule codes or code prefixes (`PW1`, `PW101`) or names to enable
    /// instead of the default set.
    #[serde(default, deserialize_with = "crate::config_de::some_strings")]
    pub select: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::config_de::strings")]
    pub extend_select: Vec<String>,
    #[serde(default, deserialize_with = "crate::config_de::strings")]
    pub ignore: Vec<String>,
    /// Per-rule severity: `PW104 = "info"`. A map in no order the user
    /// chose: the most specific selector wins (see [`RuleSet`]), and two
    /// equally specific ones that disagree were refused when it was read.
    #[serde(default, deserialize_with = "crate::config_de::severities")]
    pub severity: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "crate::config_de::overrides")]
    pub overrides: Vec<LintOverride>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", expecting = "a table")]
pub struct LintOverride {
    /// Globs relative to the config's folder.
    #[serde(deserialize_with = "crate::config_de::strings")]
    pub files: Vec<String>,
    #[serde(default, deserialize_with = "crate::config_de::some_strings")]
    pub select: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::config_de::strings")]
    pub extend_select: Vec<String>,
    #[serde(default, deserialize_with = "crate::config_de::strings")]
    pub ignore: Vec<String>,
    #[serde(default, deserialize_with = "crate::config_de::severities")]
    pub severity: BTreeMap<String, String>,
}

impl LintConfig {
    /// The `[lint]` table as the first layer of rule selection.
    pub fn layer(&self) -> Layer {
        layer_of(
            self.select.as_ref(),
            &self.extend_select,
            &self.ignore,
            &self.severity,
        )
    }

    /// The rules for a plan that the overrides `matched` (indices into
    /// `overrides`) apply to, with the command line's `cli` layer: `[lint]`,
    /// each override, the command line, then each override's `ignore`
    /// again, so that `--select PW1` does not bring back what `archive/**`
    /// turned off (as ruff's per-file ignores hold under `--select`). Every
    /// layer was checked when the file was read; should they fail
    /// together, the default set stands in.
    pub fn rules(&self, matched: &[usize], cli: &Layer) -> RuleSet {
        let overrides: Vec<&LintOverride> = matched
            .iter()
            .filter_map(|&i| self.overrides.get(i))
            .collect();
        let base = self.layer();
        let own: Vec<Layer> = overrides.iter().map(|o| o.layer()).collect();
        let ignores: Vec<Layer> = overrides
            .iter()
            .map(|o| Layer {
                ignore: o.ignore.clone(),
                ..Layer::default()
            })
            .collect();
        let mut layers = vec![&base];
        layers.extend(&own);
        layers.push(cli);
        layers.extend(&ignores);
        RuleSet::resolve(&layers).unwrap_or_default()
    }
}

impl LintOverride {
    /// This override as a layer over `[lint]`'s.
    pub fn layer(&self) -> Layer {
        layer_of(
            self.select.as_ref(),
            &self.extend_select,
            &self.ignore,
            &self.severity,
        )
    }

    /// Whether the override applies to a plan at `relative` (to the
    /// configuration's folder, as its globs are).
    pub fn applies_to(&self, relative: &Path) -> bool {
        self.files
            .iter()
            .filter_map(|g| compile_globs(g).ok())
            .flatten()
            .any(|g| g.compile_matcher().is_match(relative))
    }
}

fn layer_of(
    select: Option<&Vec<String>>,
    extend: &[String],
    ignore: &[String],
    severity: &BTreeMap<String, String>,
) -> Layer {
    Layer {
        select: select.cloned(),
        extend_select: extend.to_vec(),
        ignore: ignore.to_vec(),
        severity: severity
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, expecting = "a table")]
pub struct NewConfig {
    /// Where `planwright new` puts a plan: `{number}` and `{slug}` are
    /// filled in.
    #[serde(default = "default_pattern")]
    pub pattern: String,
    /// The template `new` uses without `-t`.
    #[serde(default = "default_template")]
    pub template: String,
    /// Digits in `{number}`, 1 to 9: numbers are read back from names of
    /// at most 9 digits, so a wider one would never be seen as taken.
    #[serde(
        default = "default_digits",
        deserialize_with = "crate::config_de::plan_digits"
    )]
    pub digits: u8,
}

impl Default for NewConfig {
    fn default() -> Self {
        Self {
            pattern: default_pattern(),
            template: default_template(),
            digits: default_digits(),
        }
    }
}

fn default_pattern() -> String {
    "specs/{number}-{slug}/plan.md".to_owned()
}

fn default_template() -> String {
    "speckit".to_owned()
}

fn default_digits() -> u8 {
    3
}

/// A configuration and where it came from.
#[derive(Clone, Debug, Default)]
pub struct LoadedConfig {
    pub config: Config,
    /// The file read, if one was found.
    pub path: Option<PathBuf>,
    /// The folder globs are relative to: the file's folder, or the folder
    /// the search started from.
    pub root: PathBuf,
    /// The file's text, for errors found later about values in it.
    pub(crate) text: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// `key` is the dotted key (`lint.select[1]`), when the error is
    /// inside one.
    #[error("{path}:{line}:{column}: {}{message}", key.as_deref().map(|k| format!("{k}: ")).unwrap_or_default())]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        key: Option<String>,
        message: String,
    },
    #[error("{path}: {}", crate::io_reason(error))]
    Io { path: String, error: std::io::Error },
    /// A `planwright.toml` that cannot be the configuration: a folder, a
    /// symbolic link to nothing.
    #[error("{path}: {reason}")]
    NotAFile { path: String, reason: &'static str },
    /// Not UTF-8: where, as a plan's error says (the reader's own words
    /// gave no line).
    #[error(transparent)]
    NotUtf8(crate::source::LoadError),
}

/// Finds `planwright.toml` in `start` or the nearest folder above it. A
/// `planwright.toml` that is a folder or a symbolic link to nothing is an
/// error, not skipped: the user meant it as the configuration, and one
/// further up or the defaults would silently apply instead.
pub fn find_config(start: &Path) -> Result<Option<PathBuf>, ConfigError> {
    for path in start.ancestors().map(|dir| dir.join(CONFIG_FILE)) {
        let Ok(meta) = path.symlink_metadata() else {
            continue;
        };
        let reason = match std::fs::metadata(&path) {
            Ok(target) if target.is_file() => return Ok(Some(path)),
            Ok(_) => "exists and is not a file",
            Err(_) if meta.is_symlink() => "is a symbolic link to nothing",
            Err(error) => {
                let path = shown_from(&path, start);
                return Err(ConfigError::Io { path, error });
            }
        };
        let path = shown_from(&path, start);
        return Err(ConfigError::NotAFile { path, reason });
    }
    Ok(None)
}

/// `path` as a user in `start` would write it: `planwright.toml`, or
/// `../../planwright.toml` for a configuration found further up. Found
/// configurations are absolute; an error showing that is hard to read.
pub fn shown_from(path: &Path, start: &Path) -> String {
    for (up, folder) in start.ancestors().enumerate() {
        if let Ok(rest) = path.strip_prefix(folder) {
            let mut shown = PathBuf::new();
            for _ in 0..up {
                shown.push("..");
            }
            shown.push(rest);
            return crate::source::display_path(&shown);
        }
    }
    crate::source::display_path(path)
}

impl LoadedConfig {
    /// The project's folder, which holds its local templates and under
    /// which `new` puts and numbers plans: the configuration's, or without
    /// one the nearest folder up from the start holding `.planwright/` or
    /// `.git`, as `init` and `git init` set a project up; the start itself
    /// when there is none. Every command finds the project here, so `new`
    /// run in a subfolder numbers its plans with those of the rest of the
    /// project, and `templates list` there shows the templates `new` uses.
    pub fn project_root(&self) -> PathBuf {
        if self.path.is_some() {
            return self.root.clone();
        }
        self.root
            .ancestors()
            .find(|dir| dir.join(".planwright").is_dir() || dir.join(".git").exists())
            .map_or_else(|| self.root.clone(), Path::to_owned)
    }

    /// The folder whose `.planwright/templates/` holds the local
    /// templates: the project's (see [`Self::project_root`]).
    pub fn templates_root(&self) -> PathBuf {
        self.project_root()
    }

    /// Rule selection for a plan at `relative` (to [`Self::root`]), with
    /// no command line: see [`LintConfig::rules`].
    pub fn rules_for(&self, relative: &Path) -> RuleSet {
        let lint = &self.config.lint;
        let matched: Vec<usize> = (0..lint.overrides.len())
            .filter(|&i| lint.overrides[i].applies_to(relative))
            .collect();
        lint.rules(&matched, &Layer::default())
    }

    /// An error about a value found after the file was read (a template
    /// name nothing defines), at the value and naming `key`, as errors
    /// found while reading are; `None` when the file does not write it.
    pub fn error_at(&self, key: &[&str], cwd: &Path, message: String) -> Option<ConfigError> {
        let span = crate::toml_path::value_span(&self.text, key)?;
        let mut path = KeyPath::default();
        for k in key {
            path = path.key(k);
        }
        Some(invalid(
            &self.text,
            Path::new(&self.shown(cwd)),
            Some(span.start),
            Some(path),
            message,
        ))
    }

    /// The configuration file as shown from `cwd`; `planwright.toml` for
    /// the defaults.
    pub fn shown(&self, cwd: &Path) -> String {
        self.path
            .as_deref()
            .map_or_else(|| CONFIG_FILE.to_owned(), |p| shown_from(p, cwd))
    }
}

/// Loads the nearest configuration, or the defaults when there is none.
pub fn load_config(start: &Path) -> Result<LoadedConfig, ConfigError> {
    let Some(path) = find_config(start)? else {
        return Ok(LoadedConfig {
            config: Config::default(),
            path: None,
            root: start.to_owned(),
            text: String::new(),
        });
    };
    load_config_at(path, start)
}

/// Loads the configuration the user named (`--config`), from `start`
/// when relative: it must exist, and its folder is the project's root, as
/// for one found by walking up.
pub fn load_named_config(named: &Path, start: &Path) -> Result<LoadedConfig, ConfigError> {
    let path = start.join(named);
    match std::fs::metadata(&path) {
        Ok(meta) if meta.is_file() => {
            // The root is compared with plans' paths: `..` in it would
            // match none. Its folder is resolved, not the file, which may
            // be a link to a configuration kept elsewhere.
            let folder = path.parent().map(std::fs::canonicalize);
            let path = match (folder, path.file_name()) {
                (Some(Ok(folder)), Some(name)) => folder.join(name),
                _ => path,
            };
            load_config_at(path, start)
        }
        Ok(_) => Err(ConfigError::NotAFile {
            path: crate::source::display_path(named),
            reason: "exists and is not a file",
        }),
        Err(error) => Err(ConfigError::Io {
            path: crate::source::display_path(named),
            error,
        }),
    }
}

fn load_config_at(path: PathBuf, start: &Path) -> Result<LoadedConfig, ConfigError> {
    let shown = PathBuf::from(shown_from(&path, start));
    let text = read_config(&path, &shown)?;
    let config = parse_config(&text, &shown)?;
    let root = path
        .parent()
        .map_or_else(|| start.to_owned(), Path::to_owned);
    Ok(LoadedConfig {
        config,
        path: Some(path),
        root,
        text,
    })
}

/// The text of the configuration at `path`, its errors naming it `shown`.
pub fn read_config(path: &Path, shown: &Path) -> Result<String, ConfigError> {
    let bytes = std::fs::read(path).map_err(|error| ConfigError::Io {
        path: crate::source::display_path(shown),
        error,
    })?;
    crate::source::decode(bytes, shown).map_err(ConfigError::NotUtf8)
}

/// Parses configuration text; errors carry the file, line, column and the
/// dotted key. Values the types cannot check are checked here too: globs,
/// rule selectors and severities, the `[new]` pattern.
pub fn parse_config(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let offset = e.span().map(|s| s.start);
        let key = offset.and_then(|at| crate::toml_path::key_at(text, at));
        invalid(text, path, offset, key, e.message().to_owned())
    })?;
    if let Err(bad) = crate::config_check::check(text) {
        return Err(invalid(
            text,
            path,
            Some(bad.span.start),
            Some(bad.key),
            bad.message,
        ));
    }
    Ok(config)
}

fn invalid(
    text: &str,
    path: &Path,
    offset: Option<usize>,
    key: Option<KeyPath>,
    message: String,
) -> ConfigError {
    let (line, column) = offset.map_or((1, 1), |at| line_column(text, at));
    ConfigError::Invalid {
        path: crate::source::display_path(path),
        line,
        column,
        key: key.map(|k| k.to_string()),
        message,
    }
}

/// Compiles a glob of `[plans]` or `[[lint.overrides]]` as they are
/// matched: against paths relative to the configuration's folder, `*`
/// stopping at `/`. A leading `./` means that folder, as it does without
/// it.
pub fn compile_glob(glob: &str) -> Result<globset::Glob, globset::Error> {
    let mut g = glob;
    while let Some(rest) = g.strip_prefix("./") {
        g = rest;
    }
    globset::GlobBuilder::new(g).literal_separator(true).build()
}

/// The globs a pattern of `[plans]` or `[[lint.overrides]]` stands for,
/// read as `.gitignore` reads its patterns: one without a `/` but at its
/// end matches at any depth (`old-plan.md`, `archive`), a folder matches
/// everything under it (`archive`, `archive/`, `specs/old`), and a
/// trailing `/` matches folders only; a leading `/` or `./` anchors the
/// pattern to the configuration's folder.
/// Without this, `files = ["archive"]` matched nothing, silently.
pub fn compile_globs(glob: &str) -> Result<Vec<globset::Glob>, globset::Error> {
    let mut g = glob;
    let mut anchored = false;
    // `/x`, as in `.gitignore`, and `./x` both mean `x` in this folder.
    if let Some(rest) = g.strip_prefix('/') {
        g = rest;
        anchored = true;
    }
    while let Some(rest) = g.strip_prefix("./") {
        g = rest;
        anchored = true;
    }
    let folder_only = g.ends_with('/');
    let core = g.trim_end_matches('/');
    let anywhere = format!("**/{core}");
    let bases: &[&str] = if anchored || core.contains('/') || core.starts_with("**") {
        &[core]
    } else {
        &[core, &anywhere]
    };
    let mut out = Vec::with_capacity(2 * bases.len());
    for base in bases {
        if !folder_only {
            out.push(compile_glob(base)?);
        }
        out.push(compile_glob(&format!("{base}/**"))?);
    }
    Ok(out)
}

/// 1-based line and character column of byte `at` in `text`.
pub(crate) fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
