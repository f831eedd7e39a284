//! The checks on `planwright.toml` that its types cannot express: globs
//! that compile, rule selectors and severities that name something, a
//! `[new] pattern` that can number plans. Each failure points at the value
//! as written (or the key, for a severity's rule) and names its key, so
//! the user finds it without reading the whole file.

use std::collections::BTreeMap;
use std::ops::Range;

use planwright_lint::{Layer, RuleSet, SelectionError};
use serde::Deserialize;
use toml::Spanned;

use crate::toml_path::KeyPath;

/// A value the configuration's types accept but the program cannot use.
#[derive(Debug)]
pub(crate) struct BadValue {
    pub(crate) span: Range<usize>,
    pub(crate) key: KeyPath,
    pub(crate) message: String,
}

/// The first bad value of `text`, which has been read as a
/// [`Config`](crate::config::Config) already: it is read again here with
/// spans kept, for the values to check only.
pub(crate) fn check(text: &str) -> Result<(), BadValue> {
    let Ok(doc) = toml::from_str::<Doc>(text) else {
        return Ok(());
    };
    let root = KeyPath::default();
    let plans = root.clone().key("plans");
    globs(&doc.plans.include, &plans.clone().key("include"))?;
    globs(&doc.plans.exclude, &plans.clone().key("exclude"))?;
    for (i, d) in doc.plans.dialects.iter().enumerate() {
        let at = plans.clone().key("dialects").index(i);
        if d.files.get_ref().is_empty() {
            return Err(BadValue {
                span: d.files.span(),
                key: at.key("files"),
                message: "an entry sets the dialect of the files it lists, and this lists none"
                    .to_owned(),
            });
        }
        globs(d.files.get_ref(), &at.key("files"))?;
    }
    let lint = root.clone().key("lint");
    let l = &doc.lint;
    let base = Rules {
        select: &l.select,
        extend_select: &l.extend_select,
        ignore: &l.ignore,
        severity: &l.severity,
    };
    rules(&base, &lint)?;
    for (i, o) in doc.lint.overrides.iter().enumerate() {
        let at = lint.clone().key("overrides").index(i);
        if o.files.get_ref().is_empty() {
            return Err(BadValue {
                span: o.files.span(),
                key: at.key("files"),
                message: "an override applies to the files it lists, and this lists none"
                    .to_owned(),
            });
        }
        globs(o.files.get_ref(), &at.clone().key("files"))?;
        let layer = Rules {
            select: &o.select,
            extend_select: &o.extend_select,
            ignore: &o.ignore,
            severity: &o.severity,
        };
        rules(&layer, &at)?;
    }
    if let Some(pattern) = &doc.new.pattern
        && let Err(e) = crate::numbering::Pattern::parse(pattern.get_ref())
    {
        return Err(BadValue {
            span: pattern.span(),
            key: root.key("new").key("pattern"),
            message: e.to_string(),
        });
    }
    Ok(())
}

type Strings = Vec<Spanned<String>>;

#[derive(Default, Deserialize)]
struct Doc {
    #[serde(default)]
    plans: Plans,
    #[serde(default)]
    lint: Lint,
    #[serde(default)]
    new: New,
}

#[derive(Default, Deserialize)]
struct Plans {
    #[serde(default)]
    include: Strings,
    #[serde(default)]
    exclude: Strings,
    #[serde(default, deserialize_with = "crate::config_de::plan_dialects")]
    dialects: Vec<PlanDialect>,
}

/// One `[[plans.dialects]]` entry; both keys are required.
#[derive(Deserialize)]
struct PlanDialect {
    files: Spanned<Strings>,
    dialect: Spanned<String>,
}

/// Where each `[[plans.dialects]]` entry writes its `dialect`, in order:
/// the names are checked against the dialects only once the local
/// templates are known, after the file was read.
pub(crate) fn dialect_spans(text: &str) -> Vec<Range<usize>> {
    toml::from_str::<Doc>(text)
        .map(|doc| {
            doc.plans
                .dialects
                .iter()
                .map(|d| d.dialect.span())
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Lint {
    #[serde(default)]
    select: Strings,
    #[serde(default)]
    extend_select: Strings,
    #[serde(default)]
    ignore: Strings,
    #[serde(default)]
    severity: Severities,
    #[serde(default, deserialize_with = "crate::config_de::overrides")]
    overrides: Vec<Override>,
}

/// The same keys as [`Lint`] (`#[serde(flatten)]` would share them, but
/// loses the spans).
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Override {
    /// Required: an override without files would apply to none, silently.
    files: Spanned<Strings>,
    #[serde(default)]
    select: Strings,
    #[serde(default)]
    extend_select: Strings,
    #[serde(default)]
    ignore: Strings,
    #[serde(default)]
    severity: Severities,
}

type Severities = BTreeMap<Spanned<String>, Spanned<String>>;

/// What `[lint]` or one override says about rules.
struct Rules<'a> {
    select: &'a Strings,
    extend_select: &'a Strings,
    ignore: &'a Strings,
    severity: &'a Severities,
}

#[derive(Default, Deserialize)]
struct New {
    pattern: Option<Spanned<String>>,
}

fn globs(list: &Strings, key: &KeyPath) -> Result<(), BadValue> {
    // What to do instead of negating depends on the list.
    let instead = match key.to_string().as_str() {
        k if k.starts_with("plans.dialects") => {
            "give the files that keep another dialect an earlier `[[plans.dialects]]` entry (the first that matches wins)"
        }
        k if k.starts_with("lint.overrides") => {
            "give the files to leave out an override of their own"
        }
        _ => "list the files to leave out in `[plans] exclude`",
    };
    for (i, glob) in list.iter().enumerate() {
        // `.gitignore` negates with `!`; here a negated pattern would
        // silently match the files it names (`!old-plan.md`).
        if glob.get_ref().starts_with('!') {
            return Err(BadValue {
                span: glob.span(),
                key: key.clone().index(i),
                message: format!(
                    "`{}`: patterns cannot be negated with `!`; {instead}",
                    glob.get_ref()
                ),
            });
        }
        if let Err(e) = crate::config::compile_globs(glob.get_ref()) {
            return Err(BadValue {
                span: glob.span(),
                key: key.clone().index(i),
                message: format!("invalid glob `{}`: {}", glob.get_ref(), e.kind()),
            });
        }
    }
    Ok(())
}

/// Each selector and severity on its own, through the same resolution
/// `lint` runs, so the message is lint's own.
fn rules(rules: &Rules<'_>, at: &KeyPath) -> Result<(), BadValue> {
    let lists = [
        ("select", rules.select),
        ("extend-select", rules.extend_select),
        ("ignore", rules.ignore),
    ];
    for (name, list) in lists {
        for (i, selector) in list.iter().enumerate() {
            let layer = Layer {
                ignore: vec![selector.get_ref().clone()],
                ..Layer::default()
            };
            if let Err(e) = RuleSet::resolve(&[&layer]) {
                return Err(BadValue {
                    span: selector.span(),
                    key: at.clone().key(name).index(i),
                    message: e.to_string(),
                });
            }
        }
    }
    for (selector, severity) in rules.severity {
        let layer = Layer {
            severity: vec![(selector.get_ref().clone(), severity.get_ref().clone())],
            ..Layer::default()
        };
        if let Err(e) = RuleSet::resolve(&[&layer]) {
            // The rule is named by the key, the severity by the value.
            let span = match e {
                SelectionError::UnknownSelector { .. } => selector.span(),
                SelectionError::UnknownSeverity { .. }
                | SelectionError::ConflictingSeverity { .. } => severity.span(),
            };
            return Err(BadValue {
                span,
                key: at.clone().key("severity").key(selector.get_ref()),
                message: e.to_string(),
            });
        }
    }
    // Then together: two equally specific selectors must agree.
    let layer = Layer {
        severity: rules
            .severity
            .iter()
            .map(|(k, v)| (k.get_ref().clone(), v.get_ref().clone()))
            .collect(),
        ..Layer::default()
    };
    if let Err(SelectionError::ConflictingSeverity {
        first,
        second,
        code,
        name,
    }) = RuleSet::resolve(&[&layer])
    {
        // Named in the file's order, at the later key.
        let mut keys: Vec<&Spanned<String>> = rules
            .severity
            .keys()
            .filter(|k| *k.get_ref() == first || *k.get_ref() == second)
            .collect();
        keys.sort_by_key(|k| k.span().start);
        if let [earlier, later] = keys[..] {
            let e = SelectionError::ConflictingSeverity {
                first: earlier.get_ref().clone(),
                second: later.get_ref().clone(),
                code,
                name,
            };
            return Err(BadValue {
                span: later.span(),
                key: at.clone().key("severity").key(later.get_ref()),
                message: e.to_string(),
            });
        }
    }
    Ok(())
}
