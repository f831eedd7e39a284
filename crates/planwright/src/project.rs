//! The project a command runs in: its configuration (the nearest
//! `planwright.toml`), the dialects it knows, built-ins plus the local
//! templates in `.planwright/templates/`, and which dialect each plan is
//! read as.
//!
//! Every command that reads plans goes through here, so a plan made from a
//! local template is recognised by `show`, `lint` and the trackers alike.

use anyhow::{Context, Result};
use planwright_core::{DialectSet, Plan};
use planwright_workspace::SourceFile;
use planwright_workspace::config::load_config;
use planwright_workspace::templates::dialect_set;

use crate::dialect_choice::DialectChoice;
use crate::guard::Crash;

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
    pub fn options(&self, path: &std::path::Path) -> planwright_core::ParseOptions<'_> {
        self.choice.options(path, &self.dialects)
    }
}
