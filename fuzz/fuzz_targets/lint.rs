//! Arbitrary bytes, linted with every rule: the lint contract holds
//! (`crates/planwright_lint/tests/suite/contract.rs`): findings inside the
//! text, fixes that apply, safe fixes that keep the plan's structure, and
//! every output format rendering.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planwright_core::{Dialect, DialectSet};
use planwright_fuzz::lint_violations;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    // Detected, or one built-in dialect forced (chosen by the length), so
    // each dialect's required sections and template text are checked too.
    let dialects = DialectSet::builtin();
    let names: Vec<&str> = dialects.iter().map(Dialect::name).collect();
    let dialect = names.get(src.len() % (names.len() + 1)).copied();
    let bad = lint_violations(src, dialect);
    assert!(bad.is_empty(), "{bad:#?}\nsource: {src:?}");
});
