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
//!
//! Within a layer the most specific severity selector wins, as in ruff:
//! `ALL`, then code prefixes from the shortest to the longest, then whole
//! codes and rule names. The configuration is a table, whose keys come in
//! no order the user chose, so the result must not depend on how keys are
//! spelled (`ALL` and `all` sort apart). Two equally specific selectors
//! that give one rule different severities (`PW207` and
//! `dependency-cycle`) are an error.

use planwright_core::visible::escaped;

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
    /// `meant`: the rule name `selector` looks like a misspelling of.
    #[error("{}", match (selector.is_empty(), meant) {
        (false, Some(meant)) => format!("unknown rule selector `{}`; did you mean `{meant}`?", escaped(selector)),
        (empty, _) => format!(
            "{} (expected a code like PW101, a prefix like PW1, a rule name, or ALL)",
            if empty { "an empty rule selector".to_owned() } else { format!("unknown rule selector `{}`", escaped(selector)) }
        ),
    })]
    UnknownSelector {
        selector: String,
        meant: Option<&'static str>,
    },
    #[error("unknown severity `{value}` for `{selector}` (expected error, warning or info)")]
    UnknownSeverity { selector: String, value: String },
    /// `first` and `second` as written, in the layer's order.
    #[error(
        "`{first}` and `{second}` are equally specific and give {code} ({name}) different severities; keep one"
    )]
    ConflictingSeverity {
        first: String,
        second: String,
        code: &'static str,
        name: &'static str,
    },
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
        for (i, severity) in severities(&layer.severity)? {
            self.severity[i] = severity;
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

/// The severity each rule gets from a layer's `(selector, severity)`
/// pairs, the least specific selectors first so that the most specific
/// is applied last and wins.
fn severities(pairs: &[(String, String)]) -> Result<Vec<(usize, Severity)>, SelectionError> {
    let mut read = Vec::with_capacity(pairs.len());
    for (selector, value) in pairs {
        let severity =
            Severity::from_name(value).ok_or_else(|| SelectionError::UnknownSeverity {
                selector: selector.clone(),
                value: value.clone(),
            })?;
        let hits = matches(std::slice::from_ref(selector))?;
        read.push((specificity(selector), selector, severity, hits));
    }
    read.sort_by_key(|(rank, ..)| *rank);
    let mut out = Vec::new();
    // Per rule, the selector of the current rank that set it, if any.
    let mut set_by: Vec<Option<(&String, Severity)>> = vec![None; RULES.len()];
    let mut rank = None;
    for (this_rank, selector, severity, hits) in read {
        if rank != Some(this_rank) {
            rank = Some(this_rank);
            set_by.fill(None);
        }
        for (i, hit) in hits.into_iter().enumerate() {
            if !hit {
                continue;
            }
            if let Some((other, earlier)) = set_by[i]
                && earlier != severity
            {
                return Err(SelectionError::ConflictingSeverity {
                    first: other.clone(),
                    second: selector.clone(),
                    code: RULES[i].code,
                    name: RULES[i].name,
                });
            }
            set_by[i] = Some((selector, severity));
            out.push((i, severity));
        }
    }
    Ok(out)
}

/// How specifically `selector` names rules: `ALL` least, then a code
/// prefix by its length, then a whole code or a rule name, equally.
fn specificity(selector: &str) -> usize {
    let s = selector.trim();
    if s.eq_ignore_ascii_case("ALL") {
        0
    } else if RULES
        .iter()
        .any(|r| r.code.eq_ignore_ascii_case(s) || r.name.eq_ignore_ascii_case(s))
    {
        usize::MAX
    } else {
        s.len()
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
            // Names only: codes differ in a digit or two, so every one is
            // "close" to a misspelt code and the hint would be a guess.
            let known = RULES.iter().map(|r| r.name);
            return Err(SelectionError::UnknownSelector {
                selector: selector.clone(),
                meant: planwright_core::closest(selector.trim(), known),
            });
        }
    }
    Ok(hit)
}

/// Whether `selector` names `rule`: `ALL`, its code or a prefix of it (any
/// case), or its name (any case). Inline directives select rules the same
/// way.
///
/// A prefix holds the whole `PW` at least: `P` is no group of rules, and a
/// stray letter (`--ignore P`, a directive's typo) must be an unknown
/// selector, not every rule.
pub(crate) fn selects(selector: &str, rule: &Rule) -> bool {
    let s = selector.trim();
    let prefix = s.len() >= 2
        && rule
            .code
            .get(..s.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(s));
    s.eq_ignore_ascii_case("ALL") || prefix || rule.name.eq_ignore_ascii_case(s)
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
    fn one_letter_is_no_prefix() {
        for stray in ["P", "p"] {
            let err = RuleSet::resolve(&[&layer(None, &[], &[stray])]).unwrap_err();
            assert!(
                matches!(err, SelectionError::UnknownSelector { ref selector, .. } if selector == stray),
                "{err}"
            );
        }
        // `PW` is every rule's prefix and stays one.
        let set = RuleSet::resolve(&[&layer(Some(&["pw"]), &[], &[])]).unwrap();
        assert_eq!(codes(&set).len(), RULES.len());
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
            SelectionError::UnknownSelector {
                selector: "PW9".into(),
                meant: None
            }
        );
        let bad = layer(None, &["unfiled-placeholder"], &[]);
        assert_eq!(
            RuleSet::resolve(&[&bad]).unwrap_err().to_string(),
            "unknown rule selector `unfiled-placeholder`; did you mean `unfilled-placeholder`?"
        );
        // `--select ''` names nothing, and says so.
        let empty = layer(Some(&[""]), &[], &[]);
        assert_eq!(
            RuleSet::resolve(&[&empty]).unwrap_err().to_string(),
            "an empty rule selector (expected a code like PW101, a prefix like PW1, a rule name, or ALL)"
        );
        let mut l = layer(None, &[], &[]);
        l.severity.push(("PW104".into(), "fatal".into()));
        assert!(matches!(
            RuleSet::resolve(&[&l]),
            Err(SelectionError::UnknownSeverity { .. })
        ));
    }

    fn severity_layer(pairs: &[(&str, &str)]) -> Layer {
        let mut l = layer(None, &[], &[]);
        l.severity = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        l
    }

    #[test]
    fn the_most_specific_severity_wins_however_it_is_spelled() {
        // In every order: the configuration's table sorts its keys by
        // bytes, and `ALL` sorts before `PW207` while `all` sorts after.
        let cases: [&[(&str, &str)]; 4] = [
            &[("ALL", "warning"), ("PW207", "error")],
            &[("PW207", "error"), ("all", "warning")],
            &[("dependency-cycle", "error"), ("pw2", "info")],
            &[
                ("PW2", "info"),
                ("pw", "warning"),
                ("Dependency-Cycle", "error"),
            ],
        ];
        for pairs in cases {
            let set = RuleSet::resolve(&[&severity_layer(pairs)]).unwrap();
            assert_eq!(set.severity_of("PW207"), Some(Severity::Error), "{pairs:?}");
        }
        // A longer prefix is more specific than a shorter one.
        let l = severity_layer(&[("pw20", "info"), ("PW2", "warning"), ("all", "error")]);
        let set = RuleSet::resolve(&[&l]).unwrap();
        assert_eq!(set.severity_of("PW207"), Some(Severity::Info));
        assert_eq!(set.severity_of("PW202"), Some(Severity::Info));
        let l = severity_layer(&[("PW20", "info"), ("pw2", "warning"), ("ALL", "error")]);
        let set = RuleSet::resolve(&[&l]).unwrap();
        assert_eq!(set.severity_of("PW207"), Some(Severity::Info));
        assert_eq!(set.severity_of("PW104"), Some(Severity::Error));
        let l = severity_layer(&[("PW2", "info"), ("pw", "warning")]);
        let set = RuleSet::resolve(&[&l]).unwrap();
        assert_eq!(set.severity_of("PW201"), Some(Severity::Info));
        assert_eq!(set.severity_of("PW101"), Some(Severity::Warning));
        // A later layer still wins over an earlier one, however specific.
        let base = severity_layer(&[("PW207", "error")]);
        let later = severity_layer(&[("ALL", "info")]);
        let set = RuleSet::resolve(&[&base, &later]).unwrap();
        assert_eq!(set.severity_of("PW207"), Some(Severity::Info));
    }

    #[test]
    fn equally_specific_selectors_must_agree() {
        let l = severity_layer(&[("PW207", "error"), ("dependency-cycle", "warning")]);
        assert_eq!(
            RuleSet::resolve(&[&l]).unwrap_err(),
            SelectionError::ConflictingSeverity {
                first: "PW207".into(),
                second: "dependency-cycle".into(),
                code: "PW207",
                name: "dependency-cycle",
            }
        );
        let l = severity_layer(&[("PW2", "error"), ("pw2", "info")]);
        assert!(matches!(
            RuleSet::resolve(&[&l]),
            Err(SelectionError::ConflictingSeverity { .. })
        ));
        // Agreeing is no conflict, nor are rules the two do not share.
        let l = severity_layer(&[("PW207", "error"), ("dependency-cycle", "error")]);
        assert!(RuleSet::resolve(&[&l]).is_ok());
        let l = severity_layer(&[("PW207", "error"), ("PW208", "info")]);
        assert!(RuleSet::resolve(&[&l]).is_ok());
    }
}
