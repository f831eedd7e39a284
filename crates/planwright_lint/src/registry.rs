//! Every rule, one line each: code, name, default severity, whether it runs
//! by default, the file whose `//!` comment is its documentation, and the
//! kind of fix its findings offer, if any.
//!
//! Codes never change meaning once published; a retired rule keeps its code
//! reserved.

use crate::Context;
use crate::diagnostic::{Applicability, Severity};
use crate::rules::{self, Sink};

pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub default_enabled: bool,
    /// How the fixes its findings may carry apply (`lint --fix` takes the
    /// safe ones): the safest it offers, `None` when the rule never fixes.
    /// A rule may leave one finding unfixed, so this says what `--fix` can
    /// do, not that it always will.
    pub fix: Option<Applicability>,
    /// Whether some findings' fix is unsafe although others' is safe
    /// (PW502, where rewriting a marker would join two lists): those
    /// need `--unsafe-fixes`.
    pub sometimes_unsafe: bool,
    /// The rule file's source; [`Rule::doc`] extracts its `//!` comment.
    source: &'static str,
    pub(crate) check: fn(&Context<'_>, &mut Sink<'_>),
}

macro_rules! rule {
    ($code:literal, $name:literal, $severity:ident, $default:literal, $module:ident) => {
        rule!(@ $code, $name, $severity, $default, $module, None, false)
    };
    ($code:literal, $name:literal, $severity:ident, $default:literal, $module:ident, fix = $fix:ident) => {
        rule!(@ $code, $name, $severity, $default, $module, Some(Applicability::$fix), false)
    };
    ($code:literal, $name:literal, $severity:ident, $default:literal, $module:ident, fix = Safe, sometimes = Unsafe) => {
        rule!(@ $code, $name, $severity, $default, $module, Some(Applicability::Safe), true)
    };
    (@ $code:literal, $name:literal, $severity:ident, $default:literal, $module:ident, $fix:expr, $sometimes:literal) => {
        Rule {
            code: $code,
            name: $name,
            severity: Severity::$severity,
            default_enabled: $default,
            fix: $fix,
            sometimes_unsafe: $sometimes,
            source: include_str!(concat!("rules/", stringify!($module), ".rs")),
            check: rules::$module::check,
        }
    };
}

/// All rules, in code order.
pub static RULES: &[Rule] = &[
    rule!(
        "PW101",
        "unfilled-placeholder",
        Warning,
        true,
        unfilled_placeholder
    ),
    rule!("PW102", "template-text", Warning, true, template_text),
    rule!("PW103", "missing-section", Warning, true, missing_section),
    rule!("PW104", "empty-section", Warning, true, empty_section),
    rule!("PW105", "missing-metadata", Warning, true, missing_metadata),
    rule!(
        "PW106",
        "unresolved-choice",
        Warning,
        true,
        unresolved_choice
    ),
    rule!("PW107", "open-questions", Warning, true, open_questions),
    rule!(
        "PW201",
        "status-contradicts-tasks",
        Error,
        true,
        status_contradicts_tasks
    ),
    rule!(
        "PW202",
        "unknown-status",
        Warning,
        true,
        unknown_status,
        fix = Unsafe
    ),
    rule!("PW203", "invalid-date", Error, true, invalid_date),
    rule!(
        "PW204",
        "timeline-out-of-order",
        Error,
        true,
        timeline_out_of_order
    ),
    rule!("PW205", "duplicate-task-id", Error, true, duplicate_task_id),
    rule!(
        "PW206",
        "unknown-dependency",
        Error,
        true,
        unknown_dependency
    ),
    rule!("PW207", "dependency-cycle", Error, true, dependency_cycle),
    rule!(
        "PW208",
        "done-with-open-checklist",
        Error,
        true,
        done_with_open_checklist
    ),
    rule!(
        "PW209",
        "progress-log-out-of-order",
        Warning,
        true,
        progress_log_out_of_order
    ),
    rule!(
        "PW210",
        "done-with-open-subtasks",
        Warning,
        true,
        done_with_open_subtasks
    ),
    rule!(
        "PW211",
        "unknown-check-mark",
        Warning,
        true,
        unknown_check_mark,
        fix = Unsafe
    ),
    rule!(
        "PW212",
        "open-with-done-subtasks",
        Warning,
        true,
        open_with_done_subtasks,
        fix = Unsafe
    ),
    rule!(
        "PW213",
        "done-before-dependency",
        Warning,
        true,
        done_before_dependency
    ),
    rule!(
        "PW301",
        "broken-link",
        Error,
        true,
        broken_link,
        fix = Unsafe
    ),
    rule!(
        "PW302",
        "broken-anchor",
        Warning,
        true,
        broken_anchor,
        fix = Unsafe
    ),
    rule!(
        "PW401",
        "risk-without-mitigation",
        Warning,
        true,
        risk_without_mitigation
    ),
    rule!(
        "PW402",
        "malformed-table",
        Warning,
        true,
        malformed_table,
        fix = Unsafe
    ),
    rule!(
        "PW403",
        "malformed-front-matter",
        Error,
        true,
        malformed_front_matter
    ),
    rule!(
        "PW501",
        "uppercase-check-mark",
        Info,
        false,
        uppercase_check_mark,
        fix = Safe
    ),
    rule!(
        "PW502",
        "mixed-list-markers",
        Info,
        false,
        mixed_list_markers,
        fix = Safe,
        sometimes = Unsafe
    ),
    rule!(
        "PW601",
        "invalid-directive",
        Warning,
        true,
        invalid_directive,
        fix = Unsafe
    ),
    rule!(
        "PW602",
        "unused-directive",
        Warning,
        false,
        unused_directive,
        fix = Safe,
        sometimes = Unsafe
    ),
];

impl Rule {
    /// The rule's documentation: the leading `//!` comment of its file,
    /// without the comment markers.
    pub fn doc(&self) -> String {
        let mut out = String::new();
        for line in self.source.lines() {
            let Some(text) = line.strip_prefix("//!") else {
                break;
            };
            out.push_str(text.strip_prefix(' ').unwrap_or(text));
            out.push('\n');
        }
        out
    }

    /// The first paragraph of the documentation, on one line.
    pub fn summary(&self) -> String {
        let doc = self.doc();
        let first = doc.split("\n\n").next().unwrap_or_default();
        first.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The rule a code (`PW101`) or name (`unfilled-placeholder`) names, in
/// any case, as selectors read them.
pub fn rule_by_selector(selector: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(selector) || r.name.eq_ignore_ascii_case(selector))
}

/// Every rule `selector` selects, as the configuration reads selectors: a
/// code, a code prefix (`PW1`), a name or `ALL`, in any case.
pub fn rules_by_selector(selector: &str) -> Vec<&'static Rule> {
    RULES
        .iter()
        .filter(|r| crate::selection::selects(selector, r))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_pick_rules_as_the_configuration_does() {
        let codes =
            |s: &str| -> Vec<&str> { rules_by_selector(s).iter().map(|r| r.code).collect() };
        assert_eq!(codes("PW101"), ["PW101"]);
        assert_eq!(codes("pw40"), ["PW401", "PW402", "PW403"]);
        assert_eq!(codes("unfilled-placeholder"), ["PW101"]);
        assert_eq!(codes("ALL").len(), RULES.len());
        assert!(codes("PW9").is_empty());
        // One rule, by code or name in any case: `rules NAME` documents it.
        for one in [
            "pw207",
            "dependency-cycle",
            "Dependency-Cycle",
            "DEPENDENCY-CYCLE",
        ] {
            assert_eq!(
                rule_by_selector(one).map(|r| r.code),
                Some("PW207"),
                "{one}"
            );
        }
    }

    #[test]
    fn every_rule_is_documented_with_the_fixed_sections() {
        for rule in RULES {
            let doc = rule.doc();
            for heading in ["## What it does", "## Why", "## Example", "## Fix"] {
                assert!(doc.contains(heading), "{} lacks {heading}", rule.code);
            }
        }
    }

    #[test]
    fn the_declared_fix_is_the_one_the_rule_offers() {
        // The rule's own source is at hand: a fix it builds names its
        // applicability there, so the registry line cannot fall behind.
        for rule in RULES {
            let offers = |a: &str| rule.source.contains(&format!("Applicability::{a}"));
            // A rule whose fix is safe but in a case it names (PW502's
            // lists that would join) declares it safe, sometimes unsafe.
            let found = if offers("Safe") {
                Some(Applicability::Safe)
            } else if offers("Unsafe") {
                Some(Applicability::Unsafe)
            } else {
                None
            };
            assert_eq!(rule.fix, found, "{}", rule.code);
            let both = offers("Safe") && offers("Unsafe");
            assert_eq!(rule.sometimes_unsafe, both, "{}", rule.code);
        }
    }

    #[test]
    fn codes_and_names_are_unique_and_ordered() {
        for pair in RULES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} / {}",
                pair[0].code,
                pair[1].code
            );
        }
        let mut names: Vec<_> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }
}
