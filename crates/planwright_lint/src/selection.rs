//! Which rules run, at which severity.
//!
//! Settings come in layers, applied in order: the configuration's `[lint]`
//! table, then each `[[lint.overrides]]` whose globs match the file, then
//! the command line. Within a layer `select` replaces the set, then
//! `extend-select` adds and `ignore` removes; a later layer therefore wins
//! over an earlier one. Selectors are codes (`PW101`), code prefixes
//! (`PW1`, `PW`), rule names (`unfilled-placeholder`) or `ALL`.

use crate::diagnostic::Severity;
use crate::registry::{RULES, Rule};

/// One layer of settings. Matching overrides by glob is the caller's job,
/// so that this crate stays free of the file system.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layer {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    /// Selector → severity name (`error`, `warning`, `info`).
    pub severity: Vec<(String, String)>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SelectionError {
    #[error(
        "unknown rule selector `{0}` (expected a code like PW101, a prefix like PW1, a rule name, or ALL)"
    )]
    UnknownSelector(String),
    #[error("unknown severity `{value}` for `{selector}` (expected error, warning or info)")]
    UnknownSeverity { selector: String, value: String },
}

/// The enabled rules and their severities, parallel to [`RULES`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSet {
    levels: Vec<Option<Severity>>,
}

impl Default for RuleSet {
    fn default() -> Self {
        Self {
            levels: RULES
                .iter()
                .map(|r| r.default_enabled.then_some(r.severity))
                .collect(),
        }
    }
}

impl RuleSet {
    /// The default set with `layers` applied in order.
    pub fn resolve(layers: &[&Layer]) -> Result<RuleSet, SelectionError> {
        let mut set = RuleSet::default();
        for layer in layers {
            set.apply(layer)?;
        }
        Ok(set)
    }

    pub fn apply(&mut self, layer: &Layer) -> Result<(), SelectionError> {
        if let Some(select) = &layer.select {
            let chosen = matches(select)?;
            for (i, level) in self.levels.iter_mut().enumerate() {
                *level = chosen[i].then(|| level.unwrap_or(RULES[i].severity));
            }
        }
        for (i, on) in matches(&layer.extend_select)?.into_iter().enumerate() {
            if on && self.levels[i].is_none() {
                self.levels[i] = Some(RULES[i].severity);
            }
        }
        for (i, off) in matches(&layer.ignore)?.into_iter().enumerate() {
            if off {
                self.levels[i] = None;
            }
        }
        for (selector, value) in &layer.severity {
            let severity =
                Severity::from_name(value).ok_or_else(|| SelectionError::UnknownSeverity {
                    selector: selector.clone(),
                    value: value.clone(),
                })?;
            for (i, hit) in matches(std::slice::from_ref(selector))?
                .into_iter()
                .enumerate()
            {
                if hit && let Some(level) = &mut self.levels[i] {
                    *level = severity;
                }
            }
        }
        Ok(())
    }

    /// The enabled rules with their severities, in code order.
    pub fn enabled(&self) -> impl Iterator<Item = (&'static Rule, Severity)> + '_ {
        RULES
            .iter()
            .zip(&self.levels)
            .filter_map(|(r, l)| l.map(|l| (r, l)))
    }

    pub fn severity_of(&self, code: &str) -> Option<Severity> {
        RULES
            .iter()
            .position(|r| r.code == code)
            .and_then(|i| self.levels[i])
    }
}

/// Which rules the selectors name, parallel to [`RULES`].
fn matches(selectors: &[String]) -> Result<Vec<bool>, SelectionError> {
    let mut hit = vec![false; RULES.len()];
    for selector in selectors {
        let mut any = false;
        for (i, rule) in RULES.iter().enumerate() {
            if selects(selector, rule) {
                hit[i] = true;
                any = true;
            }
        }
        if !any {
            return Err(SelectionError::UnknownSelector(selector.clone()));
        }
    }
    Ok(hit)
}

/// Whether `selector` names `rule`: `ALL`, its code or a prefix of it (any
/// case), or its name. Inline directives select rules the same way.
pub(crate) fn selects(selector: &str, rule: &Rule) -> bool {
    let s = selector.trim();
    let prefix = rule
        .code
        .get(..s.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(s));
    s.eq_ignore_ascii_case("ALL") || (!s.is_empty() && prefix) || rule.name == s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(set: &RuleSet) -> Vec<&'static str> {
        set.enabled().map(|(r, _)| r.code).collect()
    }

    fn layer(select: Option<&[&str]>, extend: &[&str], ignore: &[&str]) -> Layer {
        let v = |s: &[&str]| s.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        Layer {
            select: select.map(v),
            extend_select: v(extend),
            ignore: v(ignore),
            severity: Vec::new(),
        }
    }

    #[test]
    fn style_rules_are_off_by_default() {
        let set = RuleSet::default();
        assert!(codes(&set).contains(&"PW101"));
        assert!(!codes(&set).contains(&"PW501"));
    }

    #[test]
    fn select_prefix_then_ignore_by_name() {
        let l = layer(Some(&["PW1"]), &[], &["empty-section"]);
        let set = RuleSet::resolve(&[&l]).unwrap();
        assert_eq!(
            codes(&set),
            ["PW101", "PW102", "PW103", "PW105", "PW106", "PW107"]
        );
    }

    #[test]
    fn later_layers_win() {
        let config = layer(None, &[], &["PW104"]);
        let cli = layer(None, &["PW104", "PW5"], &[]);
        let set = RuleSet::resolve(&[&config, &cli]).unwrap();
        assert!(codes(&set).contains(&"PW104"));
        assert!(codes(&set).contains(&"PW502"));
    }

    #[test]
    fn severities_and_errors() {
        let mut l = layer(None, &[], &[]);
        l.severity.push(("PW104".into(), "error".into()));
        let set = RuleSet::resolve(&[&l]).unwrap();
        assert_eq!(set.severity_of("PW104"), Some(Severity::Error));
        let bad = layer(Some(&["PW9"]), &[], &[]);
        assert_eq!(
            RuleSet::resolve(&[&bad]).unwrap_err(),
            SelectionError::UnknownSelector("PW9".into())
        );
        let mut l = layer(None, &[], &[]);
        l.severity.push(("PW104".into(), "fatal".into()));
        assert!(matches!(
            RuleSet::resolve(&[&l]),
            Err(SelectionError::UnknownSeverity { .. })
        ));
    }
}
