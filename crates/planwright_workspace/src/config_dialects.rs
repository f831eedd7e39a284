//! `[[plans.dialects]]`: the dialect that plans matching some globs are
//! read as, instead of the one detection picks. Detection reads markers,
//! and a hand-written plan that shares a template's field or heading names
//! is read as that template, its sections and fields then reported as
//! missing; this is how a project says otherwise, once, for every command.
//!
//! The names are checked here rather than when the file is read: local
//! templates are dialects too, and only the caller knows which exist.

use std::path::Path;

use globset::{GlobSet, GlobSetBuilder};
use serde::Deserialize;

use super::{ConfigError, LoadedConfig, compile_globs, invalid};
use crate::toml_path::KeyPath;

/// One `[[plans.dialects]]` entry.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, expecting = "a table")]
pub struct PlanDialect {
    /// Globs relative to the config's folder, matched as `[[lint.overrides]]`
    /// `files` are.
    #[serde(deserialize_with = "crate::config_de::strings")]
    pub files: Vec<String>,
    /// A built-in dialect, `generic`, or a local template's name.
    pub dialect: String,
}

/// The entries of `[[plans.dialects]]`, their globs compiled once for a
/// whole walk.
#[derive(Debug, Default)]
pub struct DialectGlobs {
    entries: Vec<(GlobSet, String)>,
}

impl DialectGlobs {
    /// Compiles the entries of `config`, each name checked against `names`,
    /// every dialect the caller can read plans as (`generic` included). An
    /// unknown name is an error at its value, naming its key, as the errors
    /// found while reading the file are; `cwd` is where the file is shown
    /// from.
    pub fn new(config: &LoadedConfig, names: &[&str], cwd: &Path) -> Result<Self, ConfigError> {
        let shown = config.shown(cwd);
        let spans = crate::config_check::dialect_spans(&config.text);
        let mut entries = Vec::with_capacity(config.config.plans.dialects.len());
        for (i, entry) in config.config.plans.dialects.iter().enumerate() {
            let at = KeyPath::default().key("plans").key("dialects").index(i);
            if !names.contains(&entry.dialect.as_str()) {
                return Err(invalid(
                    &config.text,
                    Path::new(&shown),
                    spans.get(i).map(|s| s.start),
                    Some(at.key("dialect")),
                    format!(
                        "unknown dialect `{}`; expected one of {}",
                        entry.dialect,
                        names.join(", ")
                    ),
                ));
            }
            let mut set = GlobSetBuilder::new();
            for glob in &entry.files {
                // Each glob compiled when the file was read; this error is
                // for a configuration built some other way.
                let globs = compile_globs(glob).map_err(|e| {
                    invalid(
                        &config.text,
                        Path::new(&shown),
                        None,
                        Some(at.clone().key("files")),
                        format!("invalid glob `{glob}`: {}", e.kind()),
                    )
                })?;
                for g in globs {
                    set.add(g);
                }
            }
            let set = set.build().map_err(|e| {
                invalid(
                    &config.text,
                    Path::new(&shown),
                    None,
                    Some(at.clone().key("files")),
                    e.to_string(),
                )
            })?;
            entries.push((set, entry.dialect.clone()));
        }
        Ok(Self { entries })
    }

    /// Whether there are no entries: no plan's dialect is set.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The dialect of the first entry matching a plan at `relative` (to
    /// the configuration's folder, as the globs are).
    pub fn dialect_for(&self, relative: &Path) -> Option<&str> {
        self.entries
            .iter()
            .find(|(set, _)| set.is_match(relative))
            .map(|(_, name)| name.as_str())
    }
}
