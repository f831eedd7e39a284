//! Negations in a dependency value: what a clause says is not waited for
//! ("independent of Phase 1", "does not block Sprint 3"), or would only
//! help ("Enhanced by Phase 2").

use super::{PHASE_WORDS, is_dependency_word, letter_id_len, next_word};

/// What a negation does to the references around it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Negation {
    /// "independent of Phase 1": those after it, to the clause's end.
    After,
    /// "Sprint 2 does not block Sprint 3": those of the clause before it
    /// too.
    Around,
    /// "Enhanced by Phase 2": those after it, to the sentence's end.
    Soft,
}

/// A negation starting with the word at `start..end` of `lower`, and where
/// the words it takes end: "does not block" (its subject too), "is not
/// blocked by", "independent of", "no dependency on", "in parallel with".
pub(super) fn negation(lower: &str, start: usize, end: usize) -> Option<(Negation, usize)> {
    let word = &lower[start..end];
    let next = next_word(lower, end);
    let next_is = |f: &dyn Fn(&str) -> bool| next.filter(|&(w, _)| f(w));
    let past = |w: Option<(&str, usize)>| w.map_or(end, |(_, e)| e);
    let negative = matches!(word, "not" | "never" | "cannot")
        || word.ends_with("n't")
        || word.ends_with("n\u{2019}t");
    if negative {
        let (w, after) = next?;
        return if w == "blocked" {
            // "not blocked by": the phase is, not its subject.
            let by = next_word(lower, after).filter(|n| n.0 == "by");
            Some((Negation::After, by.map_or(after, |(_, e)| e)))
        } else if w.starts_with("block") || w == "required" || w == "needed" {
            Some((Negation::Around, after))
        } else if w == "a" || w == "an" {
            let (n, e) = next_word(lower, after)?;
            is_dependency_word(n).then_some((Negation::Around, e))
        } else if w.starts_with("depend")
            || w.starts_with("requir")
            || w.starts_with("need")
            || w.starts_with("wait")
            || w.starts_with("rel")
            || w == "after"
        {
            Some((Negation::After, after))
        } else {
            None
        };
    }
    match word {
        "independent" | "independently" | "unrelated" | "regardless" | "parallel" | "without" => {
            Some((
                Negation::After,
                past(next_is(&|w| matches!(w, "of" | "from" | "to" | "with"))),
            ))
        }
        // What would help but is not waited for: "Enhanced by Phase 2",
        // "optionally uses Phase 2", "benefits from Phase 2", "nice to
        // have after Phase 2"; the word joining it to what it names goes
        // too, as "after" would take the wait back up.
        "enhanced" | "optionally" | "benefits" | "nice" => {
            let joined = match word {
                "enhanced" => "by",
                "benefits" => "from",
                "nice" => "to",
                _ => "",
            };
            if !joined.is_empty() {
                next_is(&|w| w == joined)?;
            }
            let mut e = end;
            let mut last = "";
            for _ in 0..3 {
                match next_word(lower, e) {
                    Some((w, after)) if SOFT_JOINS.contains(&w) => (e, last) = (after, w),
                    _ => break,
                }
            }
            // "Phase 1 (nice to have) and Phase 2": said after what it
            // softens, it softens nothing that follows.
            if word == "nice" && !matches!(last, "after" | "with" | "on" | "from") {
                return None;
            }
            Some((Negation::Soft, e))
        }
        "no" => {
            let (_, e) = next_is(&is_dependency_word)?;
            let on = next_word(lower, e).filter(|n| matches!(n.0, "on" | "from"));
            Some((Negation::After, on.map_or(e, |(_, e)| e)))
        }
        _ => None,
    }
}

/// Whether "not" at `start..end` of `value` (`lower` is its lower case)
/// stands right before a reference and takes it back: "Phase 2, not
/// Phase 1", "T004 (not T003)". It holds to the next comma, so a list
/// goes with it ("not Phase 1 or 2") and what follows the comma does not.
/// "not before Phase 2", "not yet", "not only" are no such negation.
pub(super) fn not_before_reference(value: &str, lower: &str, start: usize, end: usize) -> bool {
    if &lower[start..end] != "not" {
        return false;
    }
    let Some((word, after)) = next_word(lower, end) else {
        return false;
    };
    let phase_word = PHASE_WORDS.iter().any(|(w, _)| {
        word.strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest == "s")
    });
    phase_word || letter_id_len(&value[after - word.len()..]).is_some()
}

/// The words between a soft dependency's word and what it names:
/// "enhanced by", "optionally uses", "nice to have after".
const SOFT_JOINS: [&str; 9] = [
    "by", "from", "uses", "use", "to", "have", "after", "with", "on",
];

/// Whether the words before a phrase take it back: "not blocked by",
/// "isn't after".
pub(crate) fn negated(before: &str) -> bool {
    if !before.is_ascii() && super::unspaced::negated(before) {
        return true;
    }
    let before = before.trim_end();
    let word_at = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = before[word_at..].to_ascii_lowercase();
    matches!(word.as_str(), "not" | "never" | "no")
        || word.ends_with("n't")
        || word.ends_with("n\u{2019}t")
        || (word == "longer" && last_word_is(&before[..word_at], "no"))
}

/// Whether the last word of `before` is `word`, in any case.
pub(crate) fn last_word_is(before: &str, word: &str) -> bool {
    let before = before.trim_end();
    before.len() >= word.len()
        && before.is_char_boundary(before.len() - word.len())
        && before[before.len() - word.len()..].eq_ignore_ascii_case(word)
        && !before[..before.len() - word.len()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}
