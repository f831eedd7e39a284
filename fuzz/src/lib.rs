//! Checks shared by the fuzz targets: the reader's range contract and the
//! lint contract (the test suites' own files, included here so both hold
//! the same contracts), and the patch contract (every byte outside the
//! patched ranges is identical).

use planwright_core::Plan;
use planwright_core::edit::Edit;

#[path = "../../crates/planwright_core/tests/model/invariants.rs"]
mod invariants;
pub use invariants::violations;

#[path = "../../crates/planwright_lint/tests/suite/contract.rs"]
mod contract;
pub use contract::lint_violations;

/// Panics, showing the source, when `plan` breaks the range contract.
pub fn assert_sound(plan: &Plan, src: &str) {
    let bad = violations(plan, src);
    assert!(bad.is_empty(), "{bad:#?}\nsource: {src:?}");
}

/// Panics unless `out` is `src` with `edits` applied: each patched range
/// reads as its content and every byte around them is identical.
pub fn assert_only_patched(src: &str, edits: &[Edit], out: &str) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    let (mut at, mut out_at) = (0, 0);
    for e in sorted {
        let r = e.range.as_usize();
        let kept = &src.as_bytes()[at..r.start];
        assert_eq!(
            out.as_bytes().get(out_at..out_at + kept.len()),
            Some(kept),
            "bytes {at}..{} changed by the patch at {r:?}\nsource: {src:?}\nresult: {out:?}",
            r.start
        );
        out_at += kept.len();
        assert_eq!(
            out.as_bytes().get(out_at..out_at + e.content.len()),
            Some(e.content.as_bytes()),
            "the patch at {r:?} does not read as its content\nresult: {out:?}"
        );
        out_at += e.content.len();
        at = r.end;
    }
    assert_eq!(
        out.as_bytes().get(out_at..),
        Some(&src.as_bytes()[at..]),
        "the tail after byte {at} changed\nsource: {src:?}\nresult: {out:?}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use planwright_core::TextRange;

    #[test]
    #[should_panic(expected = "changed by the patch")]
    fn a_stray_byte_is_caught() {
        let edit = Edit::replace(TextRange::new(3, 4), "x");
        assert_only_patched("- [ ] a\n", &[edit], "+ [x] a\n");
    }
}
