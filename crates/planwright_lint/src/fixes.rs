//! Which fixes of one file's findings go into one patch.
//!
//! A fix whose edits conflict with a fix already taken is left for a later
//! run rather than merged: a merged patch could say something neither fix
//! meant. The test of a conflict is the one [`planwright_core::edit::apply`]
//! enforces, so a patch built here always applies.

use std::collections::BTreeMap;

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
    // The edits taken, by start: an index into `patch.edits`. Edits that do
    // not conflict never share a start, and each ends by the next one's
    // start, so an edit conflicts with one taken only if it conflicts with
    // the last taken before its start or the first at or after it. One
    // look-up per edit keeps a file with many fixes from being quadratic.
    let mut by_start: BTreeMap<u32, usize> = BTreeMap::new();
    for d in diagnostics {
        let Some(fix) = &d.fix else {
            continue;
        };
        if fix.applicability == Applicability::Unsafe && !unsafe_fixes {
            continue;
        }
        let clashes = fix.edits.iter().any(|e| {
            let before = by_start.range(..e.range.start).next_back();
            let after = by_start.range(e.range.start..).next();
            before
                .into_iter()
                .chain(after)
                .any(|(_, &i)| e.conflicts(&patch.edits[i]))
        });
        if clashes || at_odds(&fix.edits) {
            continue;
        }
        for e in &fix.edits {
            by_start.insert(e.range.start, patch.edits.len());
            patch.edits.push(e.clone());
        }
        patch.fixed.push(d);
    }
    patch
}

/// Whether two of `edits` conflict. Sorted, a set of edits in which no
/// neighbours conflict has no conflict at all: the check
/// [`planwright_core::edit::apply`] makes.
fn at_odds(edits: &[Edit]) -> bool {
    if edits.len() < 2 {
        return false;
    }
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    sorted.windows(2).any(|pair| pair[0].conflicts(pair[1]))
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

    /// The rule the patch follows, checked pair by pair.
    fn patch_by_pairs(diagnostics: &[Diagnostic]) -> Vec<usize> {
        let mut taken: Vec<&Edit> = Vec::new();
        let mut fixed = Vec::new();
        for (n, d) in diagnostics.iter().enumerate() {
            let edits = &d.fix.as_ref().unwrap().edits;
            let clashes = edits.iter().enumerate().any(|(i, e)| {
                taken.iter().any(|o| e.conflicts(o))
                    || edits[i + 1..].iter().any(|o| e.conflicts(o))
            });
            if !clashes {
                taken.extend(edits);
                fixed.push(n);
            }
        }
        fixed
    }

    proptest::proptest! {
        #[test]
        fn chooses_the_fixes_a_pairwise_check_would(
            fixes in proptest::collection::vec(
                proptest::collection::vec((0usize..40, 0usize..4), 1..4),
                0..40,
            )
        ) {
            let findings: Vec<Diagnostic> = fixes
                .iter()
                .map(|edits| {
                    let edits = edits
                        .iter()
                        .map(|&(start, len)| Edit::replace(TextRange::new(start, start + len), "e"))
                        .collect();
                    finding(edits, Applicability::Safe)
                })
                .collect();
            let chosen = patch(&findings, false);
            let fixed: Vec<usize> = chosen
                .fixed
                .iter()
                .map(|d| findings.iter().position(|f| std::ptr::eq(f, *d)).unwrap())
                .collect();
            proptest::prop_assert_eq!(&fixed, &patch_by_pairs(&findings));
            let source = "x".repeat(44);
            proptest::prop_assert!(planwright_core::edit::apply(&source, &chosen.edits).is_ok());
        }
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
