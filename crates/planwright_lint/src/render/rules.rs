//! `planwright rules`: the rule list and one rule's documentation, as text
//! or as a versioned JSON document. The rules come from the registry; the
//! caller picks which (all, a prefix's, one).
//!
//! The JSON is one shape whatever was asked for, `{"version": 1, "rules":
//! [...]}`, a single rule included, so a script reads a code and a prefix
//! alike. Field names are an interface: add, never rename.

use std::fmt::Write as _;

use planwright_core::json::VERSION;
use schemars::JsonSchema;
use serde::Serialize;

use crate::diagnostic::{Applicability, Severity};
use crate::registry::Rule;

/// What `planwright rules --format json` prints, version 1.
// `planwright schema rules` is derived from this type and its doc comments.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "planwright rules --format json")]
pub struct Report {
    pub version: u32,
    /// The rules asked for, in code order.
    pub rules: Vec<RuleDoc>,
}

#[derive(Serialize, JsonSchema)]
pub struct RuleDoc {
    /// The rule's code, e.g. `PW101`; never changes meaning.
    pub code: &'static str,
    /// The rule's name, e.g. `unfilled-placeholder`.
    pub name: &'static str,
    /// The first paragraph of the documentation, on one line.
    pub summary: String,
    /// The severity it reports at unless configured otherwise.
    pub default_severity: Severity,
    /// Whether it runs without being selected.
    pub default_enabled: bool,
    /// Whether `lint --fix` (or `--fix --unsafe-fixes`, see `fix`) can fix
    /// its findings. Some findings may still be left to the author.
    pub fixable: bool,
    /// The kind of fix it offers, the safest where it offers both: `safe`
    /// ones are applied by `--fix`, `unsafe` ones need `--unsafe-fixes`;
    /// `null` when it has none.
    pub fix: Option<Applicability>,
    /// Whether, besides its safe fixes, some findings' fix is unsafe and
    /// needs `--unsafe-fixes` (PW502: a marker rewritten where two lists
    /// would become one).
    pub sometimes_unsafe: bool,
    /// The whole documentation, Markdown: what it does, why, an example,
    /// and how to fix it.
    pub documentation: String,
}

/// The rules as the JSON document.
pub fn json(rules: &[&Rule]) -> String {
    let report = Report {
        version: VERSION,
        rules: rules
            .iter()
            .map(|r| RuleDoc {
                code: r.code,
                name: r.name,
                summary: r.summary(),
                default_severity: r.severity,
                default_enabled: r.default_enabled,
                fixable: r.fix.is_some(),
                fix: r.fix,
                sometimes_unsafe: r.sometimes_unsafe,
                documentation: r.doc(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of [`Report`], for `planwright schema rules`.
pub fn schema() -> serde_json::Value {
    schemars::schema_for!(Report).into()
}

/// One line per rule, as ruff marks fixable findings: `[*]` when `--fix`
/// fixes its findings, `[~]` when that takes `--unsafe-fixes`, followed
/// by a line that says so when any listed rule has a mark.
///
/// ```text
/// PW101  unfilled-placeholder       warning     Flags template slots ...
/// PW501  uppercase-check-mark       info    [*] Flags a ticked ... (off by default)
///
/// [*] fixable with `planwright lint --fix`
/// ```
pub fn list(rules: &[&Rule]) -> String {
    let mut out = String::new();
    for r in rules {
        let default = if r.default_enabled {
            ""
        } else {
            " (off by default)"
        };
        let _ = writeln!(
            out,
            "{:<6} {:<26} {:<7} {:<3} {}{default}",
            r.code,
            r.name,
            r.severity.name(),
            fix_mark(r.fix),
            r.summary()
        );
    }
    let legend = |fix, text: &str| {
        rules
            .iter()
            .any(|r| r.fix == Some(fix))
            .then(|| format!("{} {text}\n", fix_mark(Some(fix))))
    };
    // A rule whose fixes are safe only in part says so beside the mark,
    // so that a `--fix` leaving some of its findings is no surprise.
    let in_part: Vec<&str> = rules
        .iter()
        .filter(|r| r.sometimes_unsafe)
        .map(|r| r.code)
        .collect();
    let safe = match in_part.as_slice() {
        [] => "fixable with `planwright lint --fix`".to_owned(),
        codes => format!(
            "fixable with `planwright lint --fix` ({}: some fixes only with `--unsafe-fixes`)",
            codes.join(", ")
        ),
    };
    let legends: Vec<String> = [
        legend(Applicability::Safe, &safe),
        legend(
            Applicability::Unsafe,
            "fixable with `planwright lint --fix --unsafe-fixes`",
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !legends.is_empty() {
        out.push('\n');
        out.extend(legends);
    }
    out
}

/// One rule's documentation, under a line with its code, name, severity,
/// whether it is on by default and whether it can fix what it finds.
pub fn documentation(rule: &Rule) -> String {
    let default = if rule.default_enabled {
        "on by default"
    } else {
        "off by default"
    };
    let fix = match rule.fix {
        Some(Applicability::Safe) if rule.sometimes_unsafe => {
            ", fixable with --fix, some with --fix --unsafe-fixes"
        }
        Some(Applicability::Safe) => ", fixable with --fix",
        Some(Applicability::Unsafe) => ", fixable with --fix --unsafe-fixes",
        None => "",
    };
    format!(
        "{} {} ({}, {default}{fix})\n\n{}",
        rule.code,
        rule.name,
        rule.severity.name(),
        rule.doc()
    )
}

fn fix_mark(fix: Option<Applicability>) -> &'static str {
    match fix {
        Some(Applicability::Safe) => "[*]",
        Some(Applicability::Unsafe) => "[~]",
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{RULES, rule_by_selector};

    #[test]
    fn fixable_rules_are_marked_and_the_mark_explained() {
        let all: Vec<&Rule> = RULES.iter().collect();
        let text = list(&all);
        let line = |code: &str| {
            text.lines()
                .find(|l| l.starts_with(code))
                .unwrap_or_default()
                .to_owned()
        };
        assert!(line("PW501").contains(" [*] Flags"), "{text}");
        assert!(!line("PW101").contains("[*]"), "{text}");
        assert!(line("PW211").contains(" [~] Flags"), "{text}");
        assert!(text.ends_with(
            "\n\n[*] fixable with `planwright lint --fix` (PW502, PW602: some fixes only with `--unsafe-fixes`)\n[~] fixable with `planwright lint --fix --unsafe-fixes`\n"
        ));
        // No fixable rule listed, no legend; a rule safe in full, no note.
        let pw101 = rule_by_selector("PW101").unwrap();
        assert!(!list(&[pw101]).contains("[*]"));
        let pw501 = rule_by_selector("PW501").unwrap();
        assert!(list(&[pw501]).ends_with("\n\n[*] fixable with `planwright lint --fix`\n"));
        let pw501 = rule_by_selector("PW501").unwrap();
        assert!(documentation(pw501).starts_with(
            "PW501 uppercase-check-mark (info, off by default, fixable with --fix)\n"
        ));
        let pw211 = rule_by_selector("PW211").unwrap();
        assert!(documentation(pw211).starts_with(
            "PW211 unknown-check-mark (warning, on by default, fixable with --fix --unsafe-fixes)\n"
        ));
        let pw502 = rule_by_selector("PW502").unwrap();
        assert!(documentation(pw502).starts_with(
            "PW502 mixed-list-markers (info, off by default, fixable with --fix, some with --fix --unsafe-fixes)\n"
        ));
    }

    #[test]
    fn json_describes_each_rule() {
        let pw501 = rule_by_selector("PW501").unwrap();
        let doc: serde_json::Value = serde_json::from_str(&json(&[pw501])).unwrap();
        assert_eq!(doc["version"], VERSION);
        let rule = &doc["rules"][0];
        assert_eq!(rule["code"], "PW501");
        assert_eq!(rule["name"], "uppercase-check-mark");
        assert_eq!(rule["default_severity"], "info");
        assert_eq!(rule["default_enabled"], false);
        assert_eq!(rule["fixable"], true);
        assert_eq!(rule["fix"], "safe");
        assert_eq!(rule["sometimes_unsafe"], false);
        assert_eq!(rule["summary"], pw501.summary());
        assert_eq!(rule["documentation"], pw501.doc());
        let pw101 = rule_by_selector("PW101").unwrap();
        let doc: serde_json::Value = serde_json::from_str(&json(&[pw101])).unwrap();
        assert_eq!(doc["rules"][0]["fixable"], false);
        assert!(doc["rules"][0]["fix"].is_null());
        let pw211 = rule_by_selector("PW211").unwrap();
        let doc: serde_json::Value = serde_json::from_str(&json(&[pw211])).unwrap();
        assert_eq!(doc["rules"][0]["fix"], "unsafe");
        let pw502 = rule_by_selector("PW502").unwrap();
        let doc: serde_json::Value = serde_json::from_str(&json(&[pw502])).unwrap();
        assert_eq!(doc["rules"][0]["fix"], "safe");
        assert_eq!(doc["rules"][0]["sometimes_unsafe"], true);
    }
}
