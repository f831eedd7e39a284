//! Which dialect a plan is read as: the command line's `--dialect`, else
//! the first `[[plans.dialects]]` entry of `planwright.toml` whose globs
//! match the plan, else the one detection picks. Every command that reads
//! plans asks here, so `lint`, `show`, the trackers and the edits agree.

use std::path::Path;
use std::sync::OnceLock;

use anyhow::Result;
use planwright_core::dialect::GENERIC;
use planwright_core::visible::{escaped, visible};
use planwright_core::{Dialect, DialectSet, Origin, ParseOptions, Plan};
use planwright_workspace::SourceFile;
use planwright_workspace::config::{DialectGlobs, LoadedConfig};
use planwright_workspace::glob_root::GlobRoot;

/// The evidence `show` prints for a dialect `[[plans.dialects]]` set, as
/// it prints "chosen with --dialect NAME" for the flag.
pub const SET_BY_CONFIG: &str = "set by planwright.toml";

pub struct DialectChoice {
    cli: Option<String>,
    config: DialectGlobs,
    /// What `config`'s globs are relative to.
    globs: GlobRoot,
    /// The built-ins and a `generic` dialect, built when a plan is first
    /// read as `generic`: see [`forced_generic`].
    generic: OnceLock<DialectSet>,
}

impl DialectChoice {
    /// The choice for a run with `--dialect cli` (if given) in the project
    /// of `config`, whose dialects are `dialects`. An unknown name on the
    /// command line or in the file is an error listing the known ones.
    pub fn new(config: &LoadedConfig, cli: Option<&str>, dialects: &DialectSet) -> Result<Self> {
        let cwd = std::env::current_dir().unwrap_or_default();
        let names = dialect_names(dialects);
        if let Some(d) = cli
            && !names.iter().any(|n| n == d)
        {
            let meant = crate::output::closest(d, names.iter().map(String::as_str))
                .map(|m| format!("did you mean `{}`? ", visible(m)))
                .unwrap_or_default();
            anyhow::bail!(
                "unknown dialect `{}`; {meant}--dialect takes one of {}",
                escaped(d),
                names
                    .iter()
                    .map(|n| visible(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let config_globs = DialectGlobs::new(config, &names, &cwd)?;
        Ok(Self {
            cli: cli.map(str::to_owned),
            config: config_globs,
            globs: GlobRoot::new(config, &cwd),
            generic: OnceLock::new(),
        })
    }

    /// How the plan at `path` is to be parsed with the project's
    /// `dialects`: the dialect forced on it, if any, and a set that holds
    /// it.
    pub fn options<'a>(&'a self, path: &Path, dialects: &'a DialectSet) -> ParseOptions<'a> {
        self.options_of(self.forced(path).map(|(name, _)| name), dialects)
    }

    /// Parses `file` (its name a detection hint) as [`Self::options`] says,
    /// the evidence saying where a forced dialect came from.
    pub fn parse(&self, file: &SourceFile, dialects: &DialectSet) -> Plan {
        let forced = self.forced(&file.path);
        let mut plan = file.parse(&self.options_of(forced.map(|(name, _)| name), dialects));
        mark(forced, &mut plan);
        plan
    }

    /// Parses `text`, read from `path`, with only the file's name as a
    /// detection hint (as `lint` reads plans).
    pub fn parse_text(&self, path: &Path, text: &str, dialects: &DialectSet) -> Plan {
        let forced = self.forced(path);
        let options = ParseOptions {
            file_name: path.file_name().and_then(|n| n.to_str()),
            ..self.options_of(forced.map(|(name, _)| name), dialects)
        };
        let mut plan = planwright_core::parse_with(text, &options);
        mark(forced, &mut plan);
        plan
    }

    /// The dialect forced on the plan at `path`, and whether
    /// `planwright.toml` (not the command line) forced it.
    fn forced(&self, path: &Path) -> Option<(&str, bool)> {
        if let Some(d) = &self.cli {
            return Some((d, false));
        }
        if self.config.is_empty() {
            return None;
        }
        // A plan outside the configuration's folder matches no entry.
        let relative = self.globs.relative(path)?;
        self.config.dialect_for(&relative).map(|d| (d, true))
    }

    fn options_of<'a>(
        &'a self,
        forced: Option<&'a str>,
        dialects: &'a DialectSet,
    ) -> ParseOptions<'a> {
        let dialects = match forced {
            Some(GENERIC) => self.generic.get_or_init(forced_generic),
            _ => dialects,
        };
        ParseOptions {
            dialect: forced,
            dialects,
            ..ParseOptions::default()
        }
    }
}

/// The evidence of a forced dialect says who forced it (the parser wrote
/// "chosen explicitly"): `planwright.toml`, or the command line.
fn mark(forced: Option<(&str, bool)>, plan: &mut Plan) {
    match forced {
        Some((_, true)) => plan.dialect.evidence = vec![SET_BY_CONFIG.to_owned()],
        Some((name, false)) => {
            plan.dialect.evidence = vec![format!("chosen with --dialect {}", visible(name))];
        }
        None => {}
    }
}

/// Every name a plan can be read as: `generic`, the built-in dialects,
/// then the local templates (which shadow a built-in of the same name,
/// listed once).
fn dialect_names(dialects: &DialectSet) -> Vec<String> {
    let mut names = vec![GENERIC.to_owned()];
    for d in dialects.iter() {
        if !names.iter().any(|n| n == d.name()) {
            names.push(d.name().to_owned());
        }
    }
    names
}

/// The built-in dialects and a `generic` one that no plan is ever
/// detected as (it has no markers), for plans forced to `generic`: what a
/// plan is read as when no dialect fits has no descriptor of its own, yet
/// a plan that some dialect claims must be readable as none (no template
/// text, no required sections). No local template can take the name (the
/// loader refuses one called `generic` in any case). Parsing is the only use
/// of this set: looked up in the project's own, `generic` is no dialect,
/// as for a plan detected as none.
fn forced_generic() -> DialectSet {
    let descriptor = format!("name = \"{GENERIC}\"");
    // A descriptor of a name alone always loads.
    let generic = Dialect::from_toml(&descriptor, None, Origin::Builtin)
        .map(|d| vec![d])
        .unwrap_or_default();
    DialectSet::with_local(generic)
}
