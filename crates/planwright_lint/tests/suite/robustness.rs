//! No text breaks the lint contract (`contract.rs`): generated plans built
//! from the shapes the rules look at, and arbitrary text.

use planwright_core::{Dialect, DialectSet};
use proptest::prelude::*;

use crate::contract::lint_violations;

/// Pieces that reach the rules: statuses, dates, dependencies that may
/// form cycles, risks, links, directives, upper-case marks and mixed
/// list markers, short table rows, misspelt statuses, parents left open
/// over done subtasks, a link to a misspelt heading (the rules with
/// fixes).
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# Implementation Plan: [FEATURE]\n".to_owned()),
        Just("## Phase 1: Setup\n".to_owned()),
        Just("## Phase 2: Build\n**Dependencies**: Phase 3\n".to_owned()),
        Just("## Phase 3: Ship\n**Dependencies**: Phases 1-2\n".to_owned()),
        Just("**Status:** Completed\n".to_owned()),
        Just("**Status:** Draft | In Progress\n".to_owned()),
        // Statuses a dialect's value was meant for: PW202's fix writes it.
        Just("**Status:** ✅ Finished\n".to_owned()),
        Just("**Status:** Canceled (scope cut)\n".to_owned()),
        Just("**Created:** 2026-02-30\n**Start:** 2026-05-01\n**End:** 2026-04-01\n".to_owned()),
        Just("- [X] T001 Done [P]\n".to_owned()),
        Just("* [ ] T001 Again\n".to_owned()),
        Just("+ [x] T002 Depends on T009\n".to_owned()),
        Just("- T003 → T001\n".to_owned()),
        // Boxes no task is read from: their fixes (PW211) make tasks.
        Just("- [] Announce\n".to_owned()),
        Just("* [ x] Typo\n".to_owned()),
        Just("- [✓] Shipped\n".to_owned()),
        Just("* - -\n".to_owned()),
        Just("+ * *\n".to_owned()),
        Just("- ---\n".to_owned()),
        Just("  * [X] nested\n".to_owned()),
        Just("1. [X] ordered\n".to_owned()),
        // A parent left open over done subtasks: its fix (PW212) ticks it.
        Just("- [ ] 4. Parent\n  - [x] 4.1 Child\n".to_owned()),
        Just("- [-] 5. Started\n- [x] 5.1 Flat child\n".to_owned()),
        Just("| Risk | Mitigation |\n|---|---|\n| loss | |\n| a | b | c |\n".to_owned()),
        // Short rows: their fixes (PW402) add the cells they lack.
        Just(
            "| Owner | Role  | Due |\n|-------|-------|-----|\n| Ana   |\n| Bo | Lead\n".to_owned()
        ),
        Just("> | A | B |\n> |---|---|\n> | a \\|\n".to_owned()),
        Just("| Date | Entry |\n|---|---|\n| 2026-03-02 | b |\n| 2026-03-01 | a |\n".to_owned()),
        Just("[spec](./missing.md) [ok](ab.md)\n".to_owned()),
        // In-page links: PW302's fix points the first at `phase-2-build`.
        Just("[Build](#phase-2-buil) [top](#top) [gone](#nowhere)\n".to_owned()),
        Just("<!-- planwright-disable-next-line PW101 -->\n".to_owned()),
        Just("<!-- planwright-disable PW502 -->\n<!-- planwright-enable -->\n".to_owned()),
        Just("## Open Questions\n- Why?\n".to_owned()),
        Just("```\n- [X] not a task\n```\n".to_owned()),
        Just("> * [X] quoted\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        Just("\r".to_owned()),
        "[ -~é–\\[\\]{}<>|*_`#+\n]{0,40}",
    ]
}

// Case count: proptest's default, or `PROPTEST_CASES` for a longer hunt.
proptest! {
    #[test]
    fn generated_plans_keep_the_lint_contract(
        parts in prop::collection::vec(fragment(), 0..20),
        pick in any::<usize>(),
    ) {
        let src = parts.concat();
        let bad = lint_violations(&src, None);
        prop_assert!(bad.is_empty(), "{bad:#?}\nsource: {src:?}");
        // Template text and required sections are checked per dialect.
        let dialects: Vec<&str> = DialectSet::builtin().iter().map(Dialect::name).collect();
        let dialect = dialects[pick % dialects.len()];
        let bad = lint_violations(&src, Some(dialect));
        prop_assert!(bad.is_empty(), "{dialect}: {bad:#?}\nsource: {src:?}");
    }

    #[test]
    fn arbitrary_text_keeps_the_lint_contract(src in "\\PC{0,300}") {
        let bad = lint_violations(&src, None);
        prop_assert!(bad.is_empty(), "{bad:#?}\nsource: {src:?}");
    }
}

/// The case the structure check was written for: rewriting `*` to `-`
/// in `* - -` would turn a nested list into a thematic break.
#[test]
fn a_marker_fix_never_makes_a_thematic_break() {
    for src in [
        "- a\n\n* - -\n",
        "* a\n\n- * *\n",
        "- a\n\n+ ---\n",
        "- a\n\n* - -  -\n",
    ] {
        let bad = lint_violations(src, None);
        assert!(bad.is_empty(), "{bad:#?}\nsource: {src:?}");
    }
}

/// A list rewritten to the marker of the list right next to it would join
/// it (`CommonMark` starts a new list where the bullet changes): that fix is
/// unsafe, and the contract's safe-fix check holds.
#[test]
fn a_marker_fix_that_joins_lists_is_unsafe() {
    for src in [
        "- [ ] a\n\n* [X] b\n",
        "* a\n- b\n",
        "- a\n\n  * x\n\n* b\n",
    ] {
        let bad = lint_violations(src, None);
        assert!(bad.is_empty(), "{bad:#?}\nsource: {src:?}");
    }
    let (_, found) = crate::contract::lint_all("- a\n\n* b\n\n## S\n\n* c\n", None);
    let fixes: Vec<_> = found
        .iter()
        .filter(|d| d.code == "PW502")
        .filter_map(|d| d.fix.as_ref().map(|f| f.applicability))
        .collect();
    assert_eq!(
        fixes,
        [
            planwright_lint::Applicability::Unsafe,
            planwright_lint::Applicability::Safe
        ]
    );
}

/// A fix may write what another rule mends: PW211 keeps the writer's
/// letter (`[X ]` becomes `[X]`), and PW501 then lowercases it, in the
/// next round of `lint --fix`. The contract allows that, and still wants
/// the rounds to settle (found by the `lint` fuzz target).
#[test]
fn a_fix_may_leave_what_another_rule_mends() {
    let dialects = DialectSet::builtin();
    for dialect in std::iter::once(None).chain(dialects.iter().map(|d| Some(d.name()))) {
        for src in ["- [X ]", "- [X] a\n- [X ] b\n"] {
            let bad = lint_violations(src, dialect);
            assert!(bad.is_empty(), "{bad:#?}\nsource: {src:?} as {dialect:?}");
        }
    }
    let (_, found) = crate::contract::lint_all("- [X ]", None);
    let codes: Vec<&str> = found.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["PW211"]);
}

/// The repository's own example plans, each read as detected.
#[test]
fn examples_keep_the_lint_contract() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let bad = lint_violations(&text, None);
        assert!(bad.is_empty(), "{}: {bad:#?}", path.display());
        seen += 1;
    }
    assert!(seen >= 7, "only {seen} examples in {}", dir.display());
}
