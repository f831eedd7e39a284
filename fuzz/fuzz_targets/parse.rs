//! Arbitrary bytes, read as a plan: the reader never panics and every range
//! in the model slices the text to what the element claims.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planwright_core::{Dialect, DialectSet, ParseOptions, parse, parse_with};
use planwright_fuzz::assert_sound;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    assert_sound(&parse(src), src);
    // Detection rarely picks a dialect for arbitrary text, and only a
    // dialect's template text is matched against paragraphs: read the same
    // text once more as one of them, chosen by its length.
    let dialects = DialectSet::builtin();
    let names: Vec<&str> = dialects.iter().map(Dialect::name).collect();
    let options = ParseOptions {
        dialect: Some(names[src.len() % names.len()]),
        ..ParseOptions::default()
    };
    assert_sound(&parse_with(src, &options), src);
});
