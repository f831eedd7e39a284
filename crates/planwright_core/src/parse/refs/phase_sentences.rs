//! Phase dependencies written as sentences in a plan's prose: "Phase 2
//! depends on Phase 1.", "This phase is blocked by Phase 2.", "Phase 1
//! blocks Phase 3.".
//!
//! They are read as the task sentences of [`super::chain`] are, with its
//! verbs and where it says a sentence opens: the subject (phases or "This
//! phase") opens the line or a sentence, the verb follows it
//! right away, and a reference stands right after the verb. Anything
//! between ("Phase 3 does not depend on Phase 2", "Work in this phase can
//! depend on Phase 1's outputs", "the rollout depends on Phase 1 going
//! well") makes it prose, which links nothing: a wait read wrongly hides
//! work from `next`.

use super::super::tasks::joins_list;
use super::chain::{Way, sentence_starts, skip_marks, stems_from, verb_at};
use super::{is_range_word, joins_range, keys, references_within, word_end};
use crate::model::{PhaseKind, RefTarget, Reference};
use crate::parse::items::PHASE_WORDS;
use crate::text::{TextRange, line_len};

/// A sentence that says phases wait: every phase of `waiting` waits for
/// every one of `waited`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PhaseSentence {
    pub waiting: Vec<Party>,
    pub waited: Vec<Party>,
    /// From the subject's start to the end of the last phase the sentence
    /// names.
    pub range: TextRange,
}

/// A phase a sentence names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Party {
    /// "This phase", "this sprint": the phase the sentence stands in, of
    /// the kind its word names.
    This { kind: PhaseKind, range: TextRange },
    /// A phase by its id, as written (`Phase 2`).
    Phase(Reference),
}

/// The phase sentences of `text`, a block at `base` in the source whose
/// first verb stem is at `stem` (see `chain::first_stem`); the references
/// read spend `budget` (see `refs::MAX_EXPANDED`).
///
/// Only the lines where a verb has a phase word right after it are read,
/// found from the verbs' stems: this runs on every block that holds one,
/// and reading every sentence of those cost more than the task sentences'
/// reader (callgrind).
pub(crate) fn phase_sentences(
    text: &str,
    stem: usize,
    base: usize,
    budget: &mut usize,
) -> Vec<PhaseSentence> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut read_to = 0;
    for i in stems_from(text, stem) {
        if i < read_to || !verb_before_phase(text, i) {
            continue;
        }
        let start = memchr::memrchr2(b'\n', b'\r', &b[..i]).map_or(0, |n| n + 1);
        let end = i + line_len(&text[i..]);
        let line = &text[start..end];
        for from in sentence_starts(line) {
            out.extend(sentence_at(
                line,
                skip_marks(line, from),
                base + start,
                budget,
            ));
        }
        read_to = end;
    }
    out
}

/// Whether a phase word stands one or two words after the word of the
/// verb stem at `i` ("depends on Phase 1", "requires Phase 1", "blocked
/// by **Phase 2**"): few stems have one, and only their lines are read.
fn verb_before_phase(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let word_end = |at: usize| {
        at + b[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count()
    };
    let next = skip_marks(text, word_end(i));
    phase_word_at(b, next) || phase_word_at(b, skip_marks(text, word_end(next)))
}

/// Whether an ASCII phase word (see `PHASE_WORDS`), in any case, starts
/// at `at`.
fn phase_word_at(b: &[u8], at: usize) -> bool {
    // How the ASCII phase words begin.
    b.get(at).is_some_and(|c| {
        matches!(
            c.to_ascii_lowercase(),
            b'p' | b's' | b'm' | b'i' | b'f' | b'w' | b'e'
        )
    }) && PHASE_WORDS.iter().any(|(w, _)| {
        b.get(at..at + w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// The most words a subject of phases runs to before its verb (`Phases
/// 1, 2 and 3`): past them, what opens the sentence is no list of phases.
const SUBJECT_WORDS: usize = 12;

/// The sentence opening at `i` of `line`, which starts at `start` in the
/// source.
fn sentence_at(line: &str, i: usize, start: usize, budget: &mut usize) -> Option<PhaseSentence> {
    // How a phase word, "this" or "it" begins: most sentences begin
    // otherwise, and cost no more than this test.
    if !matches!(
        line.as_bytes().get(i)?.to_ascii_lowercase(),
        b'p' | b's' | b'm' | b'i' | b'f' | b'w' | b'e' | b't'
    ) {
        return None;
    }
    let (subject, after) =
        this_at(line, i, start).or_else(|| numbered_subject(line, i, start, budget))?;
    let (verb_end, way) = verb_at(line, skip_marks(line, after))?;
    let o = skip_marks(line, verb_end);
    // A question ("Phase 3 depends on Phase 2?") states nothing.
    if asks(&line[o..]) {
        return None;
    }
    let clause = &line[o..o + keys::phrase_len(&line[o..])];
    let refs = references_within(clause, start + o, budget);
    // A reference right after the verb: "depends on the rollout of Phase
    // 1" is prose.
    if refs.first()?.range.start as usize != start + o {
        return None;
    }
    let object = listed(line, start, refs);
    let end = object.iter().map(|p| p.range().end).max()?;
    let range = TextRange::new(start + i, end as usize);
    let (waiting, waited) = match way {
        Way::SubjectWaits => (subject, object),
        Way::ObjectWaits => (object, subject),
    };
    Some(PhaseSentence {
        waiting,
        waited,
        range,
    })
}

/// Whether the sentence going on at the start of `rest` ends in a `?`
/// (before any `.`, `!` or `;` ends it).
fn asks(rest: &str) -> bool {
    let b = rest.as_bytes();
    let end = b.iter().enumerate().find(|&(i, c)| {
        matches!(c, b'?' | b'!' | b';')
            || (*c == b'.' && b.get(i + 1).is_none_or(u8::is_ascii_whitespace))
    });
    end.is_some_and(|(_, c)| *c == b'?')
}

/// The phases of the list `refs` opens after the verb, read from `line`
/// at `start` in the source. The list goes on only through what joins
/// one, as a task's dependencies do (see `tasks::joins_list`): "Phase 1,
/// not Phase 2" and "Phase 4 while Phase 2 continues" name one phase.
/// It ends before a phase that is another document's ("Step 3 of the
/// vendor's guide"), and before a phase named anew that the text goes
/// on to say something of, the subject of a new clause ("Phase 1 and
/// Phase 4 requires Phase 3", "Phase 4, Phase 1 is done").
fn listed(line: &str, start: usize, refs: Vec<Reference>) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    let mut last: Option<usize> = None;
    for r in refs {
        let (s, e) = (r.range.start as usize - start, r.range.end as usize - start);
        // (A phase range's numbers share one range.)
        if last.is_some_and(|l| s > l && !joins_list(&line[l..s]) && !joins_range(&line[l..s])) {
            break;
        }
        let next = word_after(line, e);
        if next.eq_ignore_ascii_case("of") {
            // The whole range is the other document's: `Phases 1-3 of`.
            while last.is_some_and(|l| s <= l || joins_range(&line[l..s])) && out.pop().is_some() {
                last = out.last().map(|p| p.range().end as usize - start);
            }
            break;
        }
        let new_clause = last.is_some()
            && phase_word_at(line.as_bytes(), s)
            && next.starts_with(|c: char| c.is_alphabetic())
            && !next.eq_ignore_ascii_case("and")
            && !next.eq_ignore_ascii_case("or");
        if new_clause {
            break;
        }
        last = Some(last.map_or(e, |l| l.max(e)));
        if matches!(r.target, RefTarget::Phase { .. }) {
            out.push(Party::Phase(r));
        }
    }
    out
}

/// The word after `at`, past white space and emphasis or code marks; empty
/// if none stands there.
fn word_after(line: &str, at: usize) -> &str {
    let from = at
        + line[at..]
            .bytes()
            .take_while(|c| matches!(c, b' ' | b'\t' | b'*' | b'_' | b'`'))
            .count();
    &line[from..word_end(line, from)]
}

impl Party {
    pub(crate) fn range(&self) -> TextRange {
        match self {
            Party::This { range, .. } => *range,
            Party::Phase(r) => r.range,
        }
    }
}

/// "This phase" (or another phase word) at `i`: the subject, and where
/// it ends. Not "It": "It depends on Phase 1's schema" is as often about
/// a thing the phase makes as about the phase.
fn this_at(line: &str, i: usize, start: usize) -> Option<(Vec<Party>, usize)> {
    let word = word_end(line, i);
    let this = |kind, end: usize| {
        let range = TextRange::new(start + i, start + end);
        Some((vec![Party::This { kind, range }], end))
    };
    let first = &line[i..word];
    if !first.eq_ignore_ascii_case("this") {
        return None;
    }
    let next = word + line[word..].len() - line[word..].trim_start_matches([' ', '\t']).len();
    let end = word_end(line, next);
    let (_, kind) = PHASE_WORDS
        .iter()
        .find(|(w, _)| w.is_ascii() && line[next..end].eq_ignore_ascii_case(w))?;
    this(*kind, end)
}

/// Numbered phases at `i` (`Phase 2`, `Phases 2 and 3`, `**Stage B**`),
/// right before the sentence's verb, and nothing else: where they end.
fn numbered_subject(
    line: &str,
    i: usize,
    start: usize,
    budget: &mut usize,
) -> Option<(Vec<Party>, usize)> {
    let word = &line[i..word_end(line, i)];
    let singular = word.strip_suffix(['s', 'S']).unwrap_or(word);
    let phase_word = |w: &str| {
        PHASE_WORDS
            .iter()
            .any(|(p, _)| p.is_ascii() && w.eq_ignore_ascii_case(p))
    };
    if !phase_word(word) && !phase_word(singular) {
        return None;
    }
    let verb = subject_end(line, i)?;
    let refs = references_within(&line[i..verb], start + i, budget);
    let mut at = i;
    for r in &refs {
        let (s, e) = (r.range.start as usize - start, r.range.end as usize - start);
        let joined = if at == i {
            s == i
        } else {
            s <= at || joins(&line[at..s])
        };
        if !joined || !matches!(r.target, RefTarget::Phase { .. }) {
            return None;
        }
        at = at.max(e);
    }
    // Only marks and closing brackets between the last phase and the verb.
    let rest = line[at..verb].trim_end();
    let closing = rest.bytes().all(|c| matches!(c, b'*' | b'_' | b'`' | b')'));
    (at > i && closing).then(|| (refs.into_iter().map(Party::Phase).collect(), at))
}

/// Where the verb after the subject opening at `i` starts: at the start
/// of one of the next [`SUBJECT_WORDS`] words, before the sentence ends.
fn subject_end(line: &str, i: usize) -> Option<usize> {
    let b = line.as_bytes();
    let mut at = i;
    for _ in 0..SUBJECT_WORDS {
        let end = word_end(line, at).max(at + 1);
        // To the next word's start: past punctuation and white space,
        // not past a sentence's end.
        let next = end + b[end..].iter().position(u8::is_ascii_alphanumeric)?;
        let ends_sentence = b[end..next]
            .windows(2)
            .any(|w| matches!(w[0], b'.' | b';' | b':') && w[1].is_ascii_whitespace());
        if ends_sentence || !line.is_char_boundary(next) {
            return None;
        }
        if verb_at(line, next).is_some() {
            return Some(next);
        }
        at = next;
    }
    None
}

/// Whether the text between two phases of a subject lists them: white
/// space, marks, `,`, `&`, `+`, `/`, dashes, the word "and" and the
/// words of a range ("to", "through").
fn joins(between: &str) -> bool {
    between
        .split(|c: char| c.is_whitespace() || ",&+/-–—.*_`()".contains(c))
        .all(|w| w.is_empty() || w.eq_ignore_ascii_case("and") || is_range_word(w))
}

#[cfg(test)]
#[path = "phase_sentences_tests.rs"]
mod tests;
