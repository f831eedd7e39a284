//! `lint --statistics`: one row per rule that found something, most
//! frequent first. For triage over a whole repository: which rules to fix
//! first, which to configure, which plans' authors to ask.

use std::fmt::Write as _;

use crate::diagnostic::{Applicability, Diagnostic, Severity};

/// One rule's findings over a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleCount {
    pub code: &'static str,
    pub name: &'static str,
    /// The most severe level it was reported at: overrides may set a
    /// rule's severity per file.
    pub severity: Severity,
    pub count: usize,
    /// How many of them `--fix` would fix.
    pub fixable: usize,
}

/// The findings counted by rule, most first, then by code.
pub fn count<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Vec<RuleCount> {
    let mut counts: Vec<RuleCount> = Vec::new();
    for d in diagnostics {
        let at = counts
            .iter()
            .position(|c| c.code == d.code)
            .unwrap_or_else(|| {
                counts.push(RuleCount {
                    code: d.code,
                    name: d.name,
                    severity: d.severity,
                    count: 0,
                    fixable: 0,
                });
                counts.len() - 1
            });
        let c = &mut counts[at];
        c.count += 1;
        c.severity = c.severity.max(d.severity);
        if d.fix.as_ref().map(|f| f.applicability) == Some(Applicability::Safe) {
            c.fixable += 1;
        }
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    counts
}

/// The rows as aligned text:
///
/// ```text
/// 12  PW101  unfilled-placeholder  warning
///  3  PW501  uppercase-check-mark  info     3 fixable
/// ```
pub fn render(counts: &[RuleCount]) -> String {
    let width = |f: fn(&RuleCount) -> usize| counts.iter().map(f).max().unwrap_or(0);
    let count_width = width(|c| c.count.to_string().len());
    let name_width = width(|c| c.name.len());
    let severity_width = width(|c| c.severity.name().len());
    let mut out = String::new();
    for c in counts {
        let mut row = format!(
            "{:>count_width$}  {}  {:<name_width$}  {:<severity_width$}",
            c.count,
            c.code,
            c.name,
            c.severity.name(),
        );
        if c.fixable > 0 {
            let _ = write!(row, "  {} fixable", c.fixable);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Label};
    use planwright_core::TextRange;

    fn finding(
        code: &'static str,
        name: &'static str,
        severity: Severity,
        safe: bool,
    ) -> Diagnostic {
        Diagnostic {
            code,
            name,
            severity,
            message: String::new(),
            primary: Label {
                range: TextRange::new(0, 0),
                message: String::new(),
            },
            secondary: Vec::new(),
            help: None,
            fix: safe.then(|| Fix {
                message: String::new(),
                applicability: Applicability::Safe,
                edits: Vec::new(),
            }),
        }
    }

    #[test]
    fn rules_are_counted_most_first_at_their_worst_severity() {
        let found = [
            finding("PW501", "uppercase-check-mark", Severity::Info, true),
            finding("PW101", "unfilled-placeholder", Severity::Warning, false),
            finding("PW501", "uppercase-check-mark", Severity::Info, true),
            finding("PW301", "broken-link", Severity::Error, false),
            finding("PW101", "unfilled-placeholder", Severity::Error, false),
            finding("PW501", "uppercase-check-mark", Severity::Info, false),
        ];
        let counts = count(&found);
        assert_eq!(
            render(&counts),
            "3  PW501  uppercase-check-mark  info   2 fixable\n\
             2  PW101  unfilled-placeholder  error\n\
             1  PW301  broken-link           error\n"
        );
        assert_eq!(render(&count(&[])), "");
    }
}
