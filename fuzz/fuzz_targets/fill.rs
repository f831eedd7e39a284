//! Arbitrary bytes as a user's own template (`.planwright/templates/`),
//! filled by `planwright new`'s own function with values a user could type
//! (quotes, pipes, backticks, braces, line breaks): filling never panics; a
//! template with no slot filled comes back byte for byte; the new plan
//! reads as a sound model; and the names `[fill]` and `--set` can match are
//! listed without a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planwright_core::{Descriptor, DialectSet, parse};
use planwright_fuzz::assert_sound;
use planwright_workspace::fill::{Sources, Values, fill, slot_names};

/// Titles chosen by the input's first byte: each is something a user may
/// pass to `new` that the template's syntax gives a meaning to.
const TITLES: &[&str] = &[
    "Dark mode",
    "A | B: \"quoted\" `code` {x} [y] <z>",
    "line\nbreak",
    "*emphasis* and **bold** - [ ] box",
    "'single' # not a heading ---",
    "\\back\\slash $ARGUMENTS {{FEATURE}}",
    "",
    "ünïcödé — ✓ 日本",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(template) = std::str::from_utf8(rest) else {
        return;
    };
    let title = TITLES[usize::from(pick) % TITLES.len()];
    let values: Values = [
        ("title", title),
        ("date", "2026-01-15"),
        ("status", "Draft"),
        ("branch", "004-dark-mode"),
        ("number", "004"),
        ("issue", title),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect();
    // Each built-in dialect's `[fill]` table in turn, chosen by the byte's
    // high bits, or none.
    let dialects = DialectSet::builtin();
    let descriptors: Vec<&Descriptor> = dialects.iter().map(|d| &d.descriptor).collect();
    let empty = Descriptor::default();
    let descriptor = descriptors
        .get(usize::from(pick >> 4) % (descriptors.len() + 1))
        .copied()
        .unwrap_or(&empty);
    let set = [("owner".to_owned(), title.to_owned())];
    let filled = fill(
        template,
        &Sources {
            values: &values,
            descriptor,
            set: &set,
        },
    );
    if filled.filled.is_empty() {
        assert_eq!(
            filled.text, template,
            "nothing filled, yet the text changed"
        );
    }
    assert_sound(&parse(&filled.text), &filled.text);
    let _ = slot_names(template);
});
