//! Ranges, and what joins their two ends: a dash, `..`, or the words "to",
//! "through" and "thru". One reader of those joiners serves the ranges of
//! task ids (`T001 through T003`) and of phases (`Phases 1 through 3`,
//! `Phase 1 – Phase 3`), so the two cannot drift apart again: phases once
//! knew only dashes and "to", and `Phases 1 through 3` waited for Phase 1
//! alone.

use super::super::items::{PHASE_WORDS, phase_number_len, skip_ws};
use super::{Refs, digits_at, letter_id_len, numeric_id_len, unit_follows, whole_id_len};
use crate::model::{PhaseKind, RefTarget};

/// The words that join a range's ends, followed by the space they need.
const RANGE_WORDS: [&str; 3] = ["to ", "through ", "thru "];

/// The most phases one range stands for past its first end, whatever its
/// other end says (`Phases 1-100000` is a typo, not a plan).
const MAX_PHASE_SPAN: i64 = 100;

/// After an id ending at `at`, the other end of a range (`-T003`,
/// ` – T003`, `—T003`, `..T003`, ` to T003`, ` through T003`, or only its
/// digits, `-003`). After a `whole` number (`tasks 2–4`), the other end
/// is one too, whichever separator stands between: with no prefix to
/// repeat, `-3` is written as often as `- 3` or `to 3`.
pub(super) fn range_to(value: &str, at: usize, whole: bool) -> Option<(usize, usize)> {
    let joiner = joiner(value, at)?;
    let k = joiner.far;
    let tail = &value[k..];
    if whole {
        // The word "task" before the first end said whole numbers are ids
        // here (see `Refs::scan`); the other end is checked as the first
        // was, so `tasks 1 to 3 days` stays a count.
        let len = whole_id_len(tail)?;
        return Some((k, k + len));
    }
    let len = letter_id_len(tail)
        .or_else(|| numeric_id_len(tail))
        // Only the digits (`T010-015`), right after a dash.
        .or_else(|| {
            let d = digits_at(tail.as_bytes(), 0);
            let alone = !tail
                .as_bytes()
                .get(d)
                .is_some_and(u8::is_ascii_alphanumeric);
            (d > 0 && alone && joiner.tight).then_some(d)
        })?;
    Some((k, k + len))
}

/// Whether `between`, the text between two references, is what joins the
/// ends of a range (`-`, ` – `, ` through `), white space and emphasis
/// marks aside: the references of one range are one item of a list.
pub(crate) fn joins_range(between: &str) -> bool {
    let t = between.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '`'));
    matches!(t, "-" | "–" | "—" | "..") || is_range_word(t)
}

/// Whether `word` is one of the words that join a range's ends ("to",
/// "through", "thru"), in any case.
pub(crate) fn is_range_word(word: &str) -> bool {
    RANGE_WORDS
        .iter()
        .any(|w| w.trim_end().eq_ignore_ascii_case(word))
}

/// What joins a range's ends, read after its first end.
struct Joiner {
    /// Where the other end would start, past white space.
    far: usize,
    /// Whether the joiner is a word: "to" goes on to much besides a
    /// range's other end ("Phase 1 to deliver the API").
    word: bool,
    /// Whether it is a bare hyphen right against both ends (`T010-015`),
    /// the only joiner after which the other end may be digits alone.
    tight: bool,
}

/// The joiner after `at` (past white space), if one stands there.
fn joiner(value: &str, at: usize) -> Option<Joiner> {
    let j = skip_ws(value, at);
    let rest = &value[j..];
    let (len, spaced, word) = if rest.starts_with("..") {
        (2, true, false)
    } else if rest.starts_with('-') {
        (1, j > at, false)
    } else if let Some(dash) = ['–', '—'].into_iter().find(|d| rest.starts_with(*d)) {
        (dash.len_utf8(), true, false)
    } else if let Some(w) = RANGE_WORDS.iter().find(|w| {
        rest.get(..w.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(w))
    }) {
        (w.len(), true, true)
    } else {
        return None;
    };
    let far = skip_ws(value, j + len);
    Some(Joiner {
        far,
        word,
        tight: !spaced && far == j + len,
    })
}

impl Refs<'_> {
    /// After phase number `from` of `kind`, ending at `at`, the rest of a
    /// range: the phases after `from` up to its other end are pushed, and
    /// where that end stops is returned. `plural` says the phase word was
    /// (`Phases 1 to 3`).
    ///
    /// The other end is the same phase word and a number (`Phase 1 to
    /// Phase 3`), or a number alone. After a word that number must follow
    /// a plural: "Phase 1 to 3 regions" counts regions, where "Phases 1 to
    /// 3" can only be a range. A dash takes a number alone after either,
    /// as it always did (`Phase 1-3`), a unit after it aside ("Phase 1 - 2
    /// sprints"). An end before the first (`Phase 3 to Phase 1`) makes no
    /// range: both phases are read as they are written.
    pub(super) fn phase_range_at(
        &mut self,
        at: usize,
        from: i64,
        kind: PhaseKind,
        plural: bool,
    ) -> Option<usize> {
        let value = self.value;
        let joiner = joiner(value, at)?;
        let far = joiner.far;
        let number_at = match phase_word_len(&self.lower, far, kind) {
            Some(len) => {
                let n = skip_ws(value, far + len);
                // "Phase 1 to Phase3" is no phase word and number.
                (n > far + len).then_some(n)?
            }
            None if plural || !joiner.word => far,
            None => return None,
        };
        let tail = &value[number_at..];
        let len = phase_number_len(tail).filter(|_| !tail.is_empty())?;
        let to = tail[..len].parse::<i64>().ok()?;
        let end = number_at + len;
        if to <= from || unit_follows(value, end) {
            return None;
        }
        // The phases between the ends have no words of their own: they
        // point at the other end, as it does.
        for n in from + 1..=to.min(from + MAX_PHASE_SPAN) {
            if self.budget == 0 {
                break;
            }
            self.budget -= 1;
            let number = compact_str::ToCompactString::to_compact_string(&n);
            self.push(RefTarget::Phase { kind, number }, far, end);
        }
        Some(end)
    }
}

/// The length of an ASCII phase word of `kind` at `at` in `lower`, in
/// the singular (`phase`, `sprint`), if one stands there.
fn phase_word_len(lower: &str, at: usize, kind: PhaseKind) -> Option<usize> {
    let rest = lower.get(at..)?;
    PHASE_WORDS
        .iter()
        .filter(|(w, k)| *k == kind && w.is_ascii())
        .find(|(w, _)| rest.starts_with(w))
        .map(|(w, _)| w.len())
}

#[cfg(test)]
#[path = "ranges_tests.rs"]
mod tests;
