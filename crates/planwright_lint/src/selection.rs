//! Which rules run, at which severity.
//!
//! Settings come in layers, applied in order: the configuration's `[lint]`
//! table, then each `[[lint.overrides]]` whose globs match the file, then
//! the command line. Within a layer `select` replaces the set, then
//! `extend-select` adds and `ignore` removes; a later layer therefore wins
//! over an earlier one. Selectors are codes (`PW101`), code prefixes
//! (`PW1`, `PW`), rule names (`unfilled-placeholder`, any case) or `ALL`.
//!
//! A severity is the rule's whether or not the layer that sets it also
//! enables the rule: `severity = { PW501 = "error" }` in the configuration
//! holds when `--extend-select PW501` turns the rule on.

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

/// Which rules are enabled, and every rule's severity (kept for disabled
/// rules too, for a later layer that enables them), parallel to [`RULES`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSet {
    enabled: Vec<bool>,
    severity: Vec<Severity>,
}

impl Default for RuleSet {
    fn default() -> Self {
        Self {
            enabled: RULES.iter().map(|r| r.default_enabled).collect(),
            severity: RULES.iter().map(|r| r.severity).collect(),
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
            self.enabled = matches(select)?;
        }
        for (i, on) in matches(&layer.extend_select)?.into_iter().enumerate() {
            self.enabled[i] |= on;
        }
        for (i, off) in matches(&layer.ignore)?.into_iter().enumerate() {
            self.enabled[i] &= !off;
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
                if hit {
                    self.severity[i] = severity;
                }
            }
        }
        Ok(())
    }

    /// The enabled rules with their severities, in code order.
    pub fn enabled(&self) -> impl Iterator<Item = (&'static Rule, Severity)> + '_ {
        RULES
            .iter()
            .zip(&self.enabled)
            .zip(&self.severity)
            .filter_map(|((r, &on), &level)| on.then_some((r, level)))
    }

    pub fn severity_of(&self, code: &str) -> Option<Severity> {
        RULES
            .iter()
            .position(|r| r.code == code)
            .and_then(|i| self.enabled[i].then_some(self.severity[i]))
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
/// case), or its name (any case). Inline directives select rules the same
/// way.
pub(crate) fn selects(selector: &str, rule: &Rule) -> bool {
    let s = selector.trim();
    let prefix = rule
        .code
        .get(..s.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(s));
    s.eq_ignore_ascii_case("ALL") || (!s.is_empty() && prefix) || rule.name.eq_ignore_ascii_case(s)
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
        // Set where the rule is off, kept for the layer that turns it on.
        let mut config = layer(None, &[], &[]);
        config
            .severity
            .push(("uppercase-check-mark".into(), "error".into()));
        let cli = layer(None, &["Uppercase-Check-Mark"], &[]);
        let set = RuleSet::resolve(&[&config, &cli]).unwrap();
        assert_eq!(set.severity_of("PW501"), Some(Severity::Error));
        let set = RuleSet::resolve(&[&config]).unwrap();
        assert_eq!(set.severity_of("PW501"), None);
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
