//! `planwright init`: a commented `planwright.toml` and an empty local
//! templates folder. Nothing that exists is ever touched, so running it
//! again is harmless and says so.

use std::path::{Path, PathBuf};

use crate::config::CONFIG_FILE;
use crate::newplan::{NewError, write_new};
use crate::templates::TEMPLATES_DIR;

/// The configuration `init` writes. Every setting is commented out at its
/// default, so the file documents the options without changing anything
/// (a test checks that it parses to the defaults).
pub const DEFAULT_CONFIG: &str = r#"# planwright configuration, written by `planwright init`.
# Settings shown as `# key = value` are at their default; lines marked
# "e.g." are examples. Uncomment a line to change it.

[plans]
# Files that are plans, as globs relative to this file's folder, read as
# .gitignore reads them: `archive` is that folder anywhere, `./x` only here.
# Files where `[new] pattern` puts plans are plans too, whatever `include`
# says (`exclude` still leaves them out).
# include = [
#   "specs/*/plan.md", "specs/*/tasks.md",
#   "**/tasks.md", "**/*tasks*.md",
#   "**/*TASKS*.md", "**/*Tasks*.md",
#   ".kiro/specs/**/*.md", "**/{plan,plans,planning}.md",
#   "**/{plan,plans,planning}[-_. 0-9]*.md", "**/*[-_. 0-9]{plan,plans,planning}.md",
#   "**/*[-_. 0-9]{plan,plans,planning}[-_. 0-9]*.md", "**/{PLAN,PLANS,PLANNING}.md",
#   "**/{PLAN,PLANS,PLANNING}[-_. 0-9]*.md", "**/*[-_. 0-9]{PLAN,PLANS,PLANNING}.md",
#   "**/*[-_. 0-9]{PLAN,PLANS,PLANNING}[-_. 0-9]*.md", "**/{Plan,Plans,Planning}.md",
#   "**/{Plan,Plans,Planning}[-_. 0-9A-Z]*.md", "**/*[-_. 0-9a-z]{Plan,Plans,Planning}.md",
#   "**/*[-_. 0-9a-z]{Plan,Plans,Planning}[-_. 0-9A-Z]*.md",
# ]
# exclude = ["archive/**"]                # e.g.; none by default
# Read some plans as a given dialect instead of detecting it (`planwright
# show PLAN` says which it is, and why): a built-in one, generic (none), or
# a template of yours. The first entry matching a file wins; --dialect
# beats it. E.g.:
# [[plans.dialects]]
# files = ["docs/notes/*.md"]
# dialect = "generic"

[new]
# Where `planwright new` puts a plan. {number} is one more than the highest
# number among the folders there and the git branches named NNN-*; {slug} is
# the title in lower-case ASCII words joined by -, other scripts transliterated.
# pattern = "specs/{number}-{slug}/plan.md"
# The template `new` uses without -t: speckit, design, delivery, rfc,
# roadmap, or one of yours in .planwright/templates/ (NAME.md, with an
# optional NAME.toml descriptor).
# template = "speckit"
# Digits in {number}.
# digits = 3

[lint]
# Rules to run instead of the default set, by code, code prefix or name.
# select = ["PW1"]                        # e.g.; the default set otherwise
# extend-select = []
# ignore = []
# Per-rule severity, by code, prefix, name or ALL. The most specific wins,
# whatever the order: a code or name, then a longer prefix, then a shorter
# one, then ALL.
# severity = { PW101 = "error" }           # e.g.; each rule's own otherwise
# Different settings for some files, e.g.:
# [[lint.overrides]]
# files = ["archive/**"]
# ignore = ["PW1"]
"#;

/// What `init` found and did, for its report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InitReport {
    pub config: PathBuf,
    pub config_created: bool,
    pub templates: PathBuf,
    pub templates_created: bool,
}

impl InitReport {
    /// Whether everything was already in place.
    pub fn already_complete(&self) -> bool {
        !self.config_created && !self.templates_created
    }
}

/// Sets up planwright in `dir`, creating only what is missing. A failure
/// leaves nothing behind: a file standing where a folder must go, or a
/// configuration that is there but cannot be read, is found before
/// anything is written, and the configuration written by this run is
/// removed again if the folder then cannot be made.
///
/// Paths in errors are shown as `dir` joins them: pass `.` for the
/// current folder, and they read `planwright.toml`, not `/home/…`.
pub fn init(dir: &Path) -> Result<InitReport, NewError> {
    let config = dir.join(CONFIG_FILE);
    let templates = dir.join(TEMPLATES_DIR);
    check_existing(&config)?;
    let mut folder = dir.to_path_buf();
    for part in Path::new(TEMPLATES_DIR).components() {
        folder.push(part);
        if folder.exists() && !folder.is_dir() {
            return Err(NewError::NotAFolder {
                path: crate::source::display_path(&folder),
            });
        }
    }
    let config_created = match write_new(&config, DEFAULT_CONFIG) {
        Ok(()) => true,
        Err(NewError::Exists { .. }) => false,
        Err(e) => return Err(e),
    };
    let templates_created = if templates.is_dir() {
        false
    } else {
        if let Err(error) = std::fs::create_dir_all(&templates) {
            if config_created {
                let _ = std::fs::remove_file(&config);
            }
            return Err(NewError::Io {
                path: crate::source::display_path(&templates),
                error,
            });
        }
        true
    };
    Ok(InitReport {
        config,
        config_created,
        templates,
        templates_created,
    })
}

/// An existing configuration is kept, so it must work: "already exists;
/// left unchanged" and then `new` failing on it helped nobody.
fn check_existing(config: &Path) -> Result<(), NewError> {
    let shown = crate::source::display_path(config);
    match std::fs::symlink_metadata(config) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(NewError::Io { path: shown, error }),
        // A link is followed, as `new` and `lint` follow it.
        Ok(_) if config.is_file() => {}
        Ok(_) => return Err(NewError::NotAFile { path: shown }),
    }
    let text = crate::config::read_config(config, Path::new(&shown))?;
    crate::config::parse_config(&text, Path::new(&shown))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, parse_config};

    #[test]
    fn commented_include_lists_the_default_globs() {
        // The commented array, over its lines, uncommented.
        let lines: String = DEFAULT_CONFIG
            .lines()
            .skip_while(|l| !l.starts_with("# include = ["))
            .take_while(|l| *l != "# ]")
            .chain(["# ]"])
            .flat_map(|l| [&l[2..], "\n"])
            .collect();
        let listed: Vec<String> = toml::from_str::<toml::Table>(&lines).unwrap()["include"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(listed, crate::config::DEFAULT_PLAN_GLOBS);
    }

    #[test]
    fn default_config_is_the_defaults() {
        let parsed = parse_config(DEFAULT_CONFIG, Path::new(CONFIG_FILE)).unwrap();
        assert_eq!(parsed, Config::default());
        // The values shown as defaults must be the real defaults.
        // A shown array goes on over lines up to its `# ]`.
        let shown = ["include", "pattern", "template", "digits"];
        let mut in_array = false;
        let uncommented: String = DEFAULT_CONFIG
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if shown.iter().any(|k| rest.starts_with(&format!("{k} = "))) => {
                    in_array = rest.ends_with('[');
                    rest
                }
                Some(rest) if in_array => {
                    in_array = rest != "]";
                    rest
                }
                _ if l.starts_with('#') => "",
                _ => l,
            })
            .fold(String::new(), |mut acc, l| {
                acc.push_str(l);
                acc.push('\n');
                acc
            });
        let parsed = parse_config(&uncommented, Path::new(CONFIG_FILE)).unwrap();
        assert_eq!(parsed.new, Config::default().new);
        assert_eq!(parsed.plans.include, Config::default().plans.include);
    }

    #[test]
    fn a_file_in_the_folders_place_fails_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".planwright"), "x").unwrap();
        let err = init(dir.path()).unwrap_err().to_string();
        assert!(
            err.ends_with(".planwright: exists and is not a folder"),
            "{err}"
        );
        assert!(!dir.path().join(CONFIG_FILE).exists());
    }

    #[test]
    fn a_broken_configuration_is_reported_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "[new]\ndigits = 12\n").unwrap();
        let err = init(dir.path()).unwrap_err().to_string();
        assert!(
            err.ends_with("planwright.toml:2:10: new.digits: must be 1 to 9, not 12: plan numbers are read back from names of at most 9 digits"),
            "{err}"
        );
        assert!(!dir.path().join(".planwright").exists());
        std::fs::remove_file(dir.path().join(CONFIG_FILE)).unwrap();
        std::fs::create_dir(dir.path().join(CONFIG_FILE)).unwrap();
        let err = init(dir.path()).unwrap_err().to_string();
        assert!(
            err.ends_with("planwright.toml: exists and is not a file"),
            "{err}"
        );
        assert!(!dir.path().join(".planwright").exists());
    }

    #[test]
    fn second_run_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let first = init(dir.path()).unwrap();
        assert!(first.config_created && first.templates_created);
        std::fs::write(dir.path().join(CONFIG_FILE), "[new]\ndigits = 4\n").unwrap();
        let second = init(dir.path()).unwrap();
        assert!(second.already_complete());
        assert_eq!(
            std::fs::read_to_string(dir.path().join(CONFIG_FILE)).unwrap(),
            "[new]\ndigits = 4\n"
        );
    }
}
