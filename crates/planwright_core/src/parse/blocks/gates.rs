//! Byte tests run on every block before its readers: each rules out, in
//! one search, a reader that most blocks would give nothing (a chain, a
//! field, a choice list), so that only the blocks that may hold one are
//! read.

/// Whether `text` may hold a `T005 → T006` chain; a byte search, since it
/// runs on every block. `→` (E2 86 92) and `⟶` (E2 9F B6) are found from
/// their second byte: their first, 0xE2, opens most punctuation outside
/// ASCII (`’`, `—`, `✅`), and each stop restarts the search.
pub(in crate::parse) fn has_arrow(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3_iter(b'>', 0x86, 0x9F, b).any(|i| {
        let before = i.checked_sub(1).map(|p| b[p]);
        match b[i] {
            b'>' => matches!(before, Some(b'-' | b'=')),
            0x86 => before == Some(0xE2) && b.get(i + 1) == Some(&0x92),
            _ => before == Some(0xE2) && b.get(i + 1) == Some(&0xB6),
        }
    })
}

/// Whether a field's value may be a choice list (see
/// `inline::scan_choice`): it needs a `/` or `|`. Most values have
/// neither, and are spared the key's legend test and the choice reader.
pub(super) fn may_list_choices(value: &str) -> bool {
    memchr::memchr2(b'/', b'|', value.as_bytes()).is_some()
}

/// Whether `block` may hold a colon, ASCII or full-width (`：`, whose
/// last byte is looked for).
pub(super) fn may_hold_colon(block: &str) -> bool {
    memchr::memchr2(b':', 0x9A, block.as_bytes()).is_some()
}

/// Whether `block` may hold a plain label's choice list (see
/// `fields_in_block`): a `/` or `|`, and a colon near its line's start
/// that is no URL's (`https://`). Prose with a link has both bytes; its
/// lines read again for labels cost 1% of the model build (callgrind).
pub(super) fn may_hold_label_choice(block: &str) -> bool {
    let b = block.as_bytes();
    // Near its line's start: 40 bytes at most after the line break before
    // it, so only those 41 bytes are looked through for one, not all the
    // text before the colon.
    memchr::memchr2(b'/', b'|', b).is_some()
        && memchr::memchr_iter(b':', b).any(|i| {
            b.get(i + 1) != Some(&b'/')
                && (i <= 40 || memchr::memchr(b'\n', &b[i - 41..i]).is_some())
        })
}
