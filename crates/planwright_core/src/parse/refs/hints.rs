//! Cheap tests of a task's text before its dependency mentions are looked
//! for (see `keys::mentions`): whether it holds a colon, which a field
//! needs, and whether it names a phase, which a phrase the task reader
//! does not read must. Most texts hold neither.

/// What a task's text may hold that the task reader does not read: a
/// field (a colon) and a phase named as a phrase's value would name it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Hints {
    pub colon: bool,
    pub phase: bool,
}

/// The [`Hints`] of `text`; phases are looked for from `phrases` on, if
/// at all. A phase is named with a capital (`Phase 1`, `Sprint 2`, `Step
/// 3`, `Milestone M1`), as plans write a phase's name, or in any case
/// with its number after it (`depends on phase 1`, `STAGE 2`). Cheap
/// tests (one pass for the colon, the capitals, and the numbers after a
/// space), since looking for the phrases themselves in every task's text
/// cost more than the rest of the dependency reading.
pub(crate) fn hints(text: &str, phrases: Option<usize>) -> Hints {
    let b = text.as_bytes();
    let mut hints = Hints::default();
    let Some(from) = phrases.filter(|&f| f <= b.len()) else {
        hints.colon = memchr::memchr(b':', b).is_some() || has_fullwidth_colon(b);
        return hints;
    };
    // A colon in the task's head (`**T001**: Build`) ends its id, no key.
    // One pass over the bytes from there (see `HINT_BYTES`): separate
    // searches for the capitals, the colon and the spaces before a number
    // cost more, restarted at every space.
    let mut at = from;
    while let Some(k) = b[at..].iter().position(|&c| HINT_BYTES[usize::from(c)]) {
        let i = at + k;
        at = i + 1;
        if b[i] == b':' {
            hints.colon = true;
            continue;
        }
        // A phase word opening here (`Phase`), or one in any case
        // ending at the space before this number (`phase 1`).
        let named =
            matches!(b[i], b'P' | b'S' | b'M' | b'I' | b'F' | b'W' | b'E') && phase_word_at(b, i);
        if named || (i > from && b[i - 1] == b' ' && phase_word_before(b, from, i - 1)) {
            hints.phase = true;
            return hints;
        }
    }
    hints.colon |= has_fullwidth_colon(&b[from..]);
    hints
}

/// Whether `b` holds `：`, which fields in Chinese are written with.
fn has_fullwidth_colon(b: &[u8]) -> bool {
    // `memmem::find` builds a searcher on every call, which showed in
    // profiles over many short texts; the colon's first byte is rare.
    let [lead, rest @ ..] = "：".as_bytes() else {
        return false;
    };
    memchr::memchr_iter(*lead, b).any(|i| b[i + 1..].starts_with(rest))
}

/// The bytes [`hints`] stops at: the colon, and the capitals and digits.
/// A capital may open a phase word (see [`phase_word_at`]); a phase word
/// in any case, with its number after a space (`phase 1`, `stages 2-3`,
/// `PHASE M1`), is found from its number, which starts with a digit or a
/// capital. Without a number ("the next phase") a word in lower case is
/// prose, not a name. Spaces, many more, are not stopped at.
const HINT_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    t[b':' as usize] = true;
    let mut c = 0;
    while c < 256 {
        if (c as u8).is_ascii_digit() || (c as u8).is_ascii_uppercase() {
            t[c] = true;
        }
        c += 1;
    }
    t
};

/// Whether the word ending at `end` (and starting at `from` or later) is
/// a phase word or its plural, in any case.
fn phase_word_before(b: &[u8], from: usize, end: usize) -> bool {
    // "iterations", the longest, has ten letters: a longer run is no
    // phase word, and the look back stays short.
    let len = b[from..end]
        .iter()
        .rev()
        .take(11)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if len > 10 {
        return false;
    }
    let word = &b[end - len..end];
    let singular = match word.split_last() {
        Some((s, rest)) if s.eq_ignore_ascii_case(&b's') => rest,
        _ => word,
    };
    super::PHASE_WORDS.iter().any(|(w, _)| {
        let w = w.as_bytes();
        w.eq_ignore_ascii_case(word) || w.eq_ignore_ascii_case(singular)
    })
}

/// Whether a phase word, a whole word followed by a space (or its
/// plural), starts at `i`, where a capital stands.
fn phase_word_at(b: &[u8], i: usize) -> bool {
    let word: &[u8] = match (b[i], b.get(i + 1).map(u8::to_ascii_lowercase)) {
        (b'P', Some(b'h')) => b"phase",
        (b'S', Some(b't')) if b.get(i + 2).is_some_and(|c| c.eq_ignore_ascii_case(&b'a')) => {
            b"stage"
        }
        (b'S', Some(b't')) => b"step",
        (b'S', Some(b'p')) => b"sprint",
        (b'M', Some(b'i')) => b"milestone",
        (b'I', Some(b't')) => b"iteration",
        (b'W', Some(b'e')) => b"week",
        (b'E', Some(b'p')) => b"epic",
        (b'F', Some(b'a')) => b"fase",
        _ => return false,
    };
    let end = i + word.len();
    (i == 0 || !b[i - 1].is_ascii_alphanumeric())
        && b.get(i..end).is_some_and(|w| w.eq_ignore_ascii_case(word))
        && matches!(b.get(end), Some(b' ' | b's' | b'S'))
}
