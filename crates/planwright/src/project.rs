//! The project a command runs in: its configuration (the nearest
//! `planwright.toml`) and the dialects it knows, built-ins plus the local
//! templates in `.planwright/templates/`.
//!
//! Every command that reads plans goes through here, so a plan made from a
//! local template is recognised by `show`, `lint` and the trackers alike.

use anyhow::{Context, Result};
use planwright_core::DialectSet;
use planwright_workspace::config::load_config;
use planwright_workspace::templates::dialect_set;

pub struct Project {
    pub dialects: DialectSet,
}

impl Project {
    /// The project around the working directory.
    pub fn current() -> Result<Self> {
        let cwd = std::env::current_dir().context("cannot read the working directory")?;
        let config = load_config(&cwd)?;
        let dialects = dialect_set(&config.templates_root())?;
        Ok(Self { dialects })
    }
}
