//! `planwright.toml`: found by walking up from the working directory.
//!
//! One file configures every command: `[plans]` says which files are plans,
//! `[lint]` selects rules and severities, `[new]` says where new plans go.
//! Unknown keys are errors (a typo must not silently disable a rule), and
//! every error names the file, line and key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub const CONFIG_FILE: &str = "planwright.toml";

/// The default plan globs: spec-kit's and Kiro's layouts and anything
/// named like a plan.
pub const DEFAULT_PLAN_GLOBS: &[&str] = &[
    "specs/*/plan.md",
    "specs/*/tasks.md",
    "**/tasks.md",
    "**/*tasks*.md",
    ".kiro/specs/**/*.md",
    "**/*plan*.md",
    "**/*PLAN*.md",
    "**/*Plan*.md",
];

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub plans: PlansConfig,
    #[serde(default)]
    pub lint: LintConfig,
    #[serde(default)]
    pub new: NewConfig,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PlansConfig {
    /// Globs (relative to the config's folder) that pick plan files when a
    /// folder is walked.
    #[serde(default = "default_plan_globs")]
    pub include: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
}

impl Default for PlansConfig {
    fn default() -> Self {
        Self {
            include: default_plan_globs(),
            exclude: Vec::new(),
        }
    }
}

fn default_plan_globs() -> Vec<String> {
    DEFAULT_PLAN_GLOBS.iter().map(|s| (*s).to_owned()).collect()
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LintConfig {
    /// Rule codes or code prefixes (`PW1`, `PW101`) or names to enable
    /// instead of the default set.
    pub select: Option<Vec<String>>,
    #[serde(default)]
    pub extend_select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Per-rule severity: `PW104 = "info"`.
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    #[serde(default)]
    pub overrides: Vec<LintOverride>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LintOverride {
    /// Globs relative to the config's folder.
    pub files: Vec<String>,
    pub select: Option<Vec<String>>,
    #[serde(default)]
    pub extend_select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
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
    #[serde(default = "default_digits", deserialize_with = "plan_digits")]
    pub digits: u8,
}

fn plan_digits<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    let n = u64::deserialize(d)?;
    match u8::try_from(n) {
        Ok(n @ 1..=9) => Ok(n),
        _ => Err(serde::de::Error::custom(format!(
            "`digits` must be 1 to 9, not {n}: plan numbers are read back from names of at most 9 digits"
        ))),
    }
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
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {}", crate::io_reason(error))]
    Io { path: String, error: std::io::Error },
}

/// Finds `planwright.toml` in `start` or the nearest folder above it.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|p| p.is_file())
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
    /// The folder whose `.planwright/templates/` holds the local templates:
    /// the configuration's, or without one the nearest folder up from the
    /// start that has such templates, within the git work tree (a folder
    /// holding `.git` is the last looked at). Every command finds them
    /// here: `new` run in a subfolder used the repository's templates
    /// while `templates list` there did not show them.
    pub fn templates_root(&self) -> PathBuf {
        if self.path.is_some() {
            return self.root.clone();
        }
        for dir in self.root.ancestors() {
            if dir.join(crate::templates::TEMPLATES_DIR).is_dir() {
                return dir.to_owned();
            }
            if dir.join(".git").exists() {
                break;
            }
        }
        self.root.clone()
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
    let Some(path) = find_config(start) else {
        return Ok(LoadedConfig {
            config: Config::default(),
            path: None,
            root: start.to_owned(),
        });
    };
    let shown = PathBuf::from(shown_from(&path, start));
    let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Io {
        path: crate::source::display_path(&shown),
        error: source,
    })?;
    let config = parse_config(&text, &shown)?;
    let root = path
        .parent()
        .map_or_else(|| start.to_owned(), Path::to_owned);
    Ok(LoadedConfig {
        config,
        path: Some(path),
        root,
    })
}

/// Parses configuration text; errors carry the file, line and column. A
/// glob that does not compile is an error here, pointing at the glob.
pub fn parse_config(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let invalid = |offset: Option<usize>, message: String| {
        let (line, column) = offset.map_or((1, 1), |at| line_column(text, at));
        ConfigError::Invalid {
            path: crate::source::display_path(path),
            line,
            column,
            message,
        }
    };
    let config: Config = toml::from_str(text)
        .map_err(|e| invalid(e.span().map(|s| s.start), e.message().to_owned()))?;
    if let Err((offset, message)) = check_globs(text) {
        return Err(invalid(offset, message));
    }
    Ok(config)
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

/// 1-based line and character column of byte `at` in `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The first glob that does not compile: where it is written and what is
/// wrong with it. The text has been read as a [`Config`] already; it is
/// read again, for the globs' spans only, when there are globs to check.
fn check_globs(text: &str) -> Result<(), (Option<usize>, String)> {
    use toml::Spanned;
    #[derive(Default, Deserialize)]
    struct Globs {
        #[serde(default)]
        plans: Plans,
        #[serde(default)]
        lint: Lint,
    }
    #[derive(Default, Deserialize)]
    struct Plans {
        #[serde(default)]
        include: Vec<Spanned<String>>,
        #[serde(default)]
        exclude: Vec<Spanned<String>>,
    }
    #[derive(Default, Deserialize)]
    struct Lint {
        #[serde(default)]
        overrides: Vec<Override>,
    }
    #[derive(Deserialize)]
    struct Override {
        #[serde(default)]
        files: Vec<Spanned<String>>,
    }
    let Ok(globs) = toml::from_str::<Globs>(text) else {
        return Ok(());
    };
    let plans = [
        ("include", &globs.plans.include),
        ("exclude", &globs.plans.exclude),
    ]
    .into_iter()
    .flat_map(|(key, list)| list.iter().map(move |g| (format!("[plans] {key}"), g)));
    let overrides = globs.lint.overrides.iter().enumerate().flat_map(|(i, o)| {
        o.files
            .iter()
            .map(move |g| (format!("[[lint.overrides]] #{} files", i + 1), g))
    });
    for (table, glob) in plans.chain(overrides) {
        if let Err(e) = compile_glob(glob.get_ref()) {
            return Err((
                Some(glob.span().start),
                format!("{table}: invalid glob `{}`: {}", glob.get_ref(), e.kind()),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configuration_is_shown_as_typed_from_where_the_user_is() {
        let file = Path::new("/repo/planwright.toml");
        assert_eq!(shown_from(file, Path::new("/repo")), "planwright.toml");
        assert_eq!(
            shown_from(file, Path::new("/repo/a/b")),
            "../../planwright.toml"
        );
        assert_eq!(
            shown_from(file, Path::new("/elsewhere")),
            "../repo/planwright.toml"
        );
    }

    #[test]
    fn defaults_without_a_file() {
        let c = parse_config("", Path::new("planwright.toml")).unwrap();
        assert_eq!(c.new.pattern, "specs/{number}-{slug}/plan.md");
        assert!(c.plans.include.iter().any(|g| g == "**/tasks.md"));
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let text = "[lint]\nselect = [\"PW1\"]\nignor = [\"PW104\"]\n";
        let err = parse_config(text, Path::new("planwright.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("planwright.toml:3:1: unknown field `ignor`"),
            "{msg}"
        );
    }

    #[test]
    fn lint_tables_parse() {
        let text = r#"
[lint]
extend-select = ["PW501"]
ignore = ["PW104"]
severity = { PW101 = "error" }

[[lint.overrides]]
files = ["archive/**"]
ignore = ["PW1"]
"#;
        let c = parse_config(text, Path::new("planwright.toml")).unwrap();
        assert_eq!(c.lint.extend_select, ["PW501"]);
        assert_eq!(c.lint.severity["PW101"], "error");
        assert_eq!(c.lint.overrides[0].files, ["archive/**"]);
    }

    #[test]
    fn bad_globs_are_errors_at_their_line_and_column() {
        for (text, at) in [
            (
                "[[lint.overrides]]\nfiles = [\"a/**\", \"[bad\"]\nignore = [\"PW1\"]\n",
                "planwright.toml:2:18: [[lint.overrides]] #1 files: invalid glob `[bad`: unclosed character class",
            ),
            (
                "[plans]\ninclude = [\"**/*plan*.md\"]\nexclude = [\n  \"x/{a\",\n]\n",
                "planwright.toml:4:3: [plans] exclude: invalid glob `x/{a`: unclosed alternate group",
            ),
        ] {
            let err = parse_config(text, Path::new("planwright.toml")).unwrap_err();
            let msg = err.to_string();
            assert!(msg.starts_with(at), "{msg}");
        }
    }

    #[test]
    fn a_leading_dot_slash_means_the_config_folder() {
        let set = |glob: &str| {
            let mut b = globset::GlobSetBuilder::new();
            b.add(compile_glob(glob).unwrap());
            b.build().unwrap()
        };
        for glob in ["./b-plan.md", "././b-plan.md", "b-plan.md"] {
            assert!(set(glob).is_match("b-plan.md"), "{glob}");
        }
        assert!(set("./specs/*/plan.md").is_match("specs/001/plan.md"));
        assert!(!set("./*.md").is_match("specs/plan.md"));
    }

    #[test]
    fn found_by_walking_up() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "[new]\ndigits = 4\n").unwrap();
        let loaded = load_config(&nested).unwrap();
        assert_eq!(loaded.config.new.digits, 4);
        for bad in ["[new]\ndigits = 10\n", "[new]\ndigits = 0\n"] {
            let err = parse_config(bad, Path::new("planwright.toml"))
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with("planwright.toml:2:10: `digits` must be 1 to 9"),
                "{err}"
            );
        }
        assert_eq!(loaded.root, dir.path());
    }
}
