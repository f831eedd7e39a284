//! Which fixes of one file's findings go into one patch.
//!
//! A fix whose edits conflict with a fix already taken is left for a later
//! run rather than merged: a merged patch could say something neither fix
//! meant. The test of a conflict is the one [`planwright_core::edit::apply`]
//! enforces, so a patch built here always applies.

use planwright_core::edit::Edit;

use crate::diagnostic::{Applicability, Diagnostic};

/// The edits of one file's applicable fixes, and the findings they fix.
#[derive(Debug, Default)]
pub struct Patch<'d> {
    pub edits: Vec<Edit>,
    pub fixed: Vec<&'d Diagnostic>,
}

/// Takes the safe fixes (and the unsafe ones when `unsafe_fixes` is set)
/// in the order of the findings, each unless it conflicts with one taken
/// before it or within itself.
pub fn patch(diagnostics: &[Diagnostic], unsafe_fixes: bool) -> Patch<'_> {
    let mut patch = Patch::default();
    for d in diagnostics {
        let Some(fix) = &d.fix else {
            continue;
        };
        if fix.applicability == Applicability::Unsafe && !unsafe_fixes {
            continue;
        }
        let clashes = fix.edits.iter().enumerate().any(|(i, e)| {
            patch.edits.iter().any(|o| e.conflicts(o))
                || fix.edits[i + 1..].iter().any(|o| e.conflicts(o))
        });
        if clashes {
            continue;
        }
        patch.edits.extend(fix.edits.iter().cloned());
        patch.fixed.push(d);
    }
    patch
}

#[cfg(test)]
mod tests {
    use planwright_core::TextRange;

    use super::*;
    use crate::diagnostic::{Fix, Label, Severity};

    fn finding(edits: Vec<Edit>, applicability: Applicability) -> Diagnostic {
        Diagnostic {
            code: "PW501",
            name: "uppercase-check-mark",
            severity: Severity::Warning,
            message: "m".to_owned(),
            primary: Label {
                range: TextRange::empty(0),
                message: String::new(),
            },
            secondary: Vec::new(),
            help: None,
            fix: Some(Fix {
                message: "f".to_owned(),
                edits,
                applicability,
            }),
        }
    }

    #[test]
    fn later_conflicting_fixes_wait_for_the_next_run() {
        let src = "abcdef";
        let findings = [
            finding(
                vec![Edit::replace(TextRange::new(1, 3), "X")],
                Applicability::Safe,
            ),
            // Overlaps the first.
            finding(
                vec![Edit::replace(TextRange::new(2, 4), "Y")],
                Applicability::Safe,
            ),
            // Inserts where the first starts: the order would decide.
            finding(vec![Edit::insert(1, "Z")], Applicability::Safe),
            // Touches the first only at its end: fine.
            finding(vec![Edit::insert(3, "-")], Applicability::Safe),
            finding(
                vec![Edit::replace(TextRange::new(5, 6), "U")],
                Applicability::Unsafe,
            ),
        ];
        let safe = patch(&findings, false);
        assert_eq!(safe.fixed.len(), 2);
        let out = planwright_core::edit::apply(src, &safe.edits).unwrap();
        assert_eq!(out, "aX-def");
        let all = patch(&findings, true);
        assert_eq!(all.fixed.len(), 3);
        assert_eq!(
            planwright_core::edit::apply(src, &all.edits).unwrap(),
            "aX-deU"
        );
    }

    #[test]
    fn a_fix_at_odds_with_itself_is_left_out() {
        let broken = finding(
            vec![Edit::insert(2, "a"), Edit::insert(2, "b")],
            Applicability::Safe,
        );
        assert!(patch(std::slice::from_ref(&broken), false).fixed.is_empty());
    }
}
