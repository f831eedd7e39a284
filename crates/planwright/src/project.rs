//! The project a command runs in: its configuration (the nearest
//! `planwright.toml`), the dialects it knows, built-ins plus the local
//! templates in `.planwright/templates/`, and which dialect each plan is
//! read as.
//!
//! Every command that reads plans goes through here, so a plan made from a
//! local template is recognised by `show`, `lint` and the trackers alike.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use planwright_core::{DialectSet, Plan};
use planwright_workspace::SourceFile;
use planwright_workspace::config::{ConfigError, LoadedConfig, load_named_config};
use planwright_workspace::templates::dialect_set;

use crate::dialect_choice::DialectChoice;
use crate::guard::Crash;

/// The configuration named by `--config`, set once from the command line
/// before any command runs.
static NAMED_CONFIG: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Makes every command read `path` as its configuration (`--config`).
pub fn name_config(path: PathBuf) {
    // Set once, from `main`; a second call would be a bug, and keeps the first.
    let _ = NAMED_CONFIG.set(path);
}

/// The configuration every command reads: the one `--config` names, else
/// the nearest `planwright.toml` up from `cwd`, else the defaults.
pub fn load_config(cwd: &Path) -> Result<LoadedConfig, ConfigError> {
    match NAMED_CONFIG.get() {
        Some(named) => load_named_config(named, cwd),
        None => planwright_workspace::config::load_config(cwd),
    }
}

pub struct Project {
    pub dialects: DialectSet,
    pub choice: DialectChoice,
}

impl Project {
    /// The project around the working directory, plans read as `dialect`
    /// when the command line names one.
    pub fn current(dialect: Option<&str>) -> Result<Self> {
        let cwd = std::env::current_dir().context("cannot read the working directory")?;
        let config = load_config(&cwd)?;
        let dialects = dialect_set(&config.templates_root())?;
        let choice = DialectChoice::new(&config, dialect, &dialects)?;
        Ok(Self { dialects, choice })
    }

    /// Parses `file` in the dialect chosen for it, a crash in the reader
    /// caught (see [`crate::guard`]).
    pub fn parse(&self, file: &SourceFile) -> Result<Plan, Crash> {
        crate::guard::file(&file.path, || self.choice.parse(file, &self.dialects))
    }

    /// [`Project::parse`], a crash an error naming the file.
    pub fn parse_named(&self, file: &SourceFile) -> Result<Plan> {
        self.parse(file)
            .map_err(|crash| anyhow::anyhow!("{}: {crash}", file.display()))
    }

    /// The options that parse the plan at `path` in its chosen dialect,
    /// for the edits, which parse the file themselves.
    pub fn options(&self, path: &Path) -> planwright_core::ParseOptions<'_> {
        self.choice.options(path, &self.dialects)
    }
}
