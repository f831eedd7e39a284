//! Dependencies written as prose: "Phase 1 complete", "Phases 1-4",
//! "Depends on T012", "T001-T003", `T005 → T006` chains between tasks and
//! sentences saying the same ("T006 depends on T005", "T005 blocks
//! T006"), and sentences between phases ("Phase 2 depends on Phase 1");
//! `keys` finds where a line or a task's text names them.
//!
//! Like the other recognisers they return offsets relative to the string
//! they were given, plus the `base` the caller passes.

mod chain;
mod column;
mod hints;
mod keys;
mod negation;
pub(super) mod order;
mod phase_sentences;
mod ranges;
pub(in crate::parse) mod unspaced;
mod written;

pub(crate) use chain::{first_stem, order_word, task_chain, task_sentences};
pub(in crate::parse) use column::is_down_arrow;
pub(crate) use column::task_column;
pub(crate) use hints::{Hints, hints};
pub(crate) use keys::{
    Mention, dependency_field, dependency_sentence, field_mentions, is_dependency_key,
    is_dependency_marker, mentions,
};
pub(crate) use negation::{last_word_is, negated};
pub(crate) use order::{is_order_section, is_story_title, land, phase_order};
pub(crate) use phase_sentences::{Party, PhaseSentence, phase_sentences};
pub(crate) use ranges::{is_range_word, joins_range};
pub(crate) use written::is_lettered_number;
use written::link_destination_len;

use negation::{Negation, negation, not_before_reference};
use ranges::range_to;

use super::items::{PHASE_WORDS, phase_number_len, skip_ws};
use crate::model::{PhaseKind, RefTarget, Reference, TaskRange, Text};
use crate::text::TextRange;

/// The most ids the phase ranges (`Phases 1-4`) of one value, or of one
/// line of chains, stand for together, so the work stays in proportion to
/// the text (and those of a whole plan for no more than it has bytes, and
/// this many: the reader's budget, which [`references_within`] spends).
/// A range of task ids costs nothing: it stays one reference, its key
/// (see [`TaskRange`]), whatever it spans.
pub(crate) const MAX_EXPANDED: usize = 4096;

/// Parses a dependency value: "Phase 1 complete", "Phases 2 + 3",
/// "Phases 1-4", "Step 2", "None", "Depends on T012", "T001, T002",
/// "T001-T003", "M001", "TASK-1", and `1.2` where an id is expected.
/// `base` is the value's offset in the source.
///
/// A value that opens with None, N/A, `-` or "no dependencies" names none,
/// whatever follows; what a clause says is not waited for ("independent
/// of Phase 1", "Sprint 2 does not block Sprint 3") is not a dependency;
/// and a number after a phase list is a phase only when no unit follows
/// it ("Phase 1, 2 weeks after kickoff" waits for Phase 1 alone).
pub(crate) fn references(value: &str, base: usize) -> Vec<Reference> {
    let mut budget = MAX_EXPANDED;
    references_within(value, base, &mut budget)
}

/// [`references`], its phase ranges standing for at most `budget` phases
/// between their ends (and [`MAX_EXPANDED`]); `budget` is spent on them.
pub(crate) fn references_within(value: &str, base: usize, budget: &mut usize) -> Vec<Reference> {
    references_naming(value, base, budget, &[])
}

/// [`references_within`], where a phase of `named` (those whose number
/// opens with a letter, see [`is_lettered_number`]) is named by its
/// number alone: `Dependencies: M1` waits for `Milestone M1` as
/// `Dependencies: Phase 1` for `Phase 1`. Where the plan numbers no
/// phase with those letters, `M1` names nothing (an `M1` Mac, an `S3`
/// bucket).
pub(crate) fn references_naming(
    value: &str,
    base: usize,
    budget: &mut usize,
    named: &[(PhaseKind, Text)],
) -> Vec<Reference> {
    let start = keys::past_key(value);
    if says_none(&value[start..]) {
        return Vec::new();
    }
    let allowed = (*budget).min(MAX_EXPANDED);
    let mut refs = Refs {
        value,
        lower: value.to_ascii_lowercase(),
        base,
        out: Vec::new(),
        budget: allowed,
        negated: false,
        soft: false,
        clause: 0,
        negated_to_comma: false,
        named,
    };
    refs.scan(start);
    *budget -= allowed - refs.budget;
    refs.out
}

/// Whether a bracket opening `rest` says the references before it would
/// only help: `(optional)`, `[nice to have]`, `(soft)`, `(recommended)`.
fn soft_remark(rest: &str) -> bool {
    const SOFT: [&str; 7] = [
        "optional",
        "nice to have",
        "nice-to-have",
        "soft",
        "recommended",
        "preferred",
        "if available",
    ];
    SOFT.iter().any(|w| {
        rest.strip_prefix(w).is_some_and(|after| {
            let after = after.trim_start();
            after.starts_with([')', ']']) || after.starts_with("dependency")
        })
    })
}

/// The state of one [`references`] scan.
struct Refs<'a> {
    value: &'a str,
    /// `value` in ASCII lower case: same offsets.
    lower: String,
    base: usize,
    out: Vec<Reference>,
    /// How many more ids ranges may stand for.
    budget: usize,
    /// Whether the clause so far says what follows is not waited for.
    negated: bool,
    /// Whether that is because what follows would only help ("Enhanced
    /// by Phase 5 (Due Dates) and Phase 6"): so to the sentence's end,
    /// past brackets and dashes, unless a wait is named again.
    soft: bool,
    /// Where in `out` the current clause's references start.
    clause: usize,
    /// Whether `negated` ends at the next comma ("Phase 2, not Phase 1,
    /// Phase 3"), as a bare "not" before a reference says.
    negated_to_comma: bool,
    /// The phases named by their number alone (see [`references_naming`]).
    named: &'a [(PhaseKind, Text)],
}

impl Refs<'_> {
    fn scan(&mut self, mut i: usize) {
        let value = self.value;
        // A numeric id (`1.2`) counts only where an id is expected: first,
        // or listed after another reference; elsewhere `Node 18.1` is a
        // version.
        let mut id_slot = true;
        let mut after_ref = false;
        // Whether a list opened by the word "task" goes on: there a whole
        // number is an id too ("depends on task 3", "tasks 1 and 2", Kiro's
        // top-level tasks), where elsewhere it is a count.
        let mut task_list = false;
        // Where in `out` the last reference (or list of them) starts.
        let mut last_group = 0;
        while let Some(c) = value[i..].chars().next() {
            if c.is_ascii_alphanumeric() {
                let before = self.out.len();
                if let Some(end) = self.phases_at(i) {
                    last_group = before;
                    (i, after_ref, id_slot, task_list) = (end, true, false, false);
                    continue;
                }
                if let Some(end) = self.named_phase_at(i) {
                    last_group = before;
                    (i, after_ref, id_slot, task_list) = (end, true, false, false);
                    continue;
                }
                let rest = &value[i..];
                let id = letter_id_len(rest)
                    .or_else(|| numeric_id_len(rest).filter(|_| id_slot))
                    .or_else(|| whole_id_len(rest).filter(|_| id_slot && task_list));
                if let Some(len) = id {
                    last_group = before;
                    i = self.task_ids_at(i, len);
                    (after_ref, id_slot) = (true, false);
                    continue;
                }
            }
            if c.is_alphanumeric() {
                let end = word_end(value, i);
                let word = &self.lower[i..end];
                if word == "and" || word == "or" {
                    id_slot = after_ref;
                    i = end;
                    continue;
                }
                // "depends on task 2.1": the word says an id follows.
                if TASK_WORDS.contains(&word) {
                    (after_ref, id_slot, task_list) = (false, true, true);
                    i = end;
                    continue;
                }
                (after_ref, id_slot, task_list) = (false, false, false);
                if let Some((kind, end)) = negation(&self.lower, i, end) {
                    if kind == Negation::Around {
                        self.out.truncate(self.clause);
                    }
                    self.negated = true;
                    self.soft |= kind == Negation::Soft;
                    i = end;
                    continue;
                }
                if not_before_reference(value, &self.lower, i, end) {
                    // Inside a wider negation it changes nothing.
                    if !self.negated {
                        (self.negated, self.negated_to_comma) = (true, true);
                    }
                    i = end;
                    continue;
                }
                if RESUMING.contains(&word) {
                    self.boundary();
                }
                i = end;
                continue;
            }
            match c {
                ',' | '&' | '/' | '+' => {
                    id_slot = after_ref;
                    if c == ',' {
                        self.clause = self.out.len();
                        if self.negated_to_comma {
                            (self.negated, self.negated_to_comma) = (false, false);
                        }
                    }
                }
                ':' => (id_slot, task_list) = (true, false),
                ';' => {
                    self.boundary();
                    task_list = false;
                }
                '(' | '[' if after_ref && soft_remark(&self.lower[i + 1..]) => {
                    // "Phase 1 (optional)": the reference (or list, `Phases
                    // 2-4`) just before is not waited for.
                    self.out.truncate(last_group);
                    self.boundary();
                }
                '(' | ')' | '[' | ']' | '|' | '-' | '–' | '—' => {
                    if self.soft {
                        self.clause = self.out.len();
                    } else {
                        self.boundary();
                    }
                    task_list = false;
                    // `[Phase 1](#phase-1-setup)`: a link's text is read,
                    // its destination (and title) is an address, whose
                    // words and numbers name nothing.
                    if c == ']' {
                        i += link_destination_len(&value[i + 1..]).unwrap_or(0);
                    }
                }
                '.' if value[i + 1..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace) =>
                {
                    self.boundary();
                    (after_ref, id_slot, task_list) = (false, false, false);
                }
                _ => {}
            }
            i += c.len_utf8();
        }
    }

    /// A new clause: what a negation said no longer holds.
    fn boundary(&mut self) {
        self.negated = false;
        self.negated_to_comma = false;
        self.soft = false;
        self.clause = self.out.len();
    }

    fn push(&mut self, target: RefTarget, start: usize, end: usize) {
        if !self.negated {
            self.out.push(Reference {
                target,
                range: TextRange::new(self.base + start, self.base + end),
            });
        }
    }

    /// A phase word and the numbers after it, at `i`: where they end, if
    /// there were any.
    fn phases_at(&mut self, i: usize) -> Option<usize> {
        let rest = &self.lower.as_bytes()[i..];
        // How the ASCII phase words begin.
        if !matches!(
            rest.first(),
            Some(b'p' | b's' | b'm' | b'i' | b'f' | b'w' | b'e')
        ) {
            return None;
        }
        let (word, len) = PHASE_WORDS
            .iter()
            .filter(|(w, _)| w.is_ascii())
            .find_map(|(w, k)| {
                if !rest.starts_with(w.as_bytes()) {
                    return None;
                }
                // "Phases 2 + 3" reads like "Phase 2 + 3".
                let plural = rest.get(w.len()) == Some(&b's');
                Some(((*k, plural), w.len() + usize::from(plural)))
            })?;
        let end = self.phase_number_list(i + len, word, i);
        (end > i + len).then_some(end)
    }

    /// The numbers after a phase word at `word_start` (`kind`, and whether
    /// it was plural), from `i`: where they end.
    fn phase_number_list(
        &mut self,
        mut i: usize,
        (kind, plural): (PhaseKind, bool),
        word_start: usize,
    ) -> usize {
        let value = self.value;
        let mut first = true;
        loop {
            let j = skip_ws(value, i);
            let rest = &value[j..];
            let Some(len) = phase_number_len(rest).filter(|_| !rest.is_empty()) else {
                return i;
            };
            // "Phase 1, 2 weeks after kickoff": a count, not a phase; and
            // "Phase 1, T012" goes on with a task.
            if !first && (unit_follows(value, j + len) || letter_id_len(rest).is_some()) {
                return i;
            }
            let number = &rest[..len];
            let start = if first { word_start } else { j };
            let number_text = Text::from(number);
            self.push(
                RefTarget::Phase {
                    kind,
                    number: number_text,
                },
                start,
                j + len,
            );
            first = false;
            i = j + len;
            // A range (`Phases 1-3`, `Phase 1 through Phase 3`), or one of
            // the separators of a list: ",", "+", "&", "and", "/".
            if let Ok(from) = number.parse::<i64>()
                && let Some(end) = self.phase_range_at(i, from, kind, plural)
            {
                i = end;
                continue;
            }
            let k = skip_ws(value, i);
            let rest = &value[k..];
            let list_sep = [",", "+", "&", "and ", "/"]
                .iter()
                .find(|s| rest.starts_with(**s));
            match list_sep {
                Some(sep) => i = k + sep.len(),
                None => return i,
            }
        }
    }

    /// The task id of `len` bytes at `i`, or the range from it (`T001-T003`,
    /// `T001 – T003`, `T010-015`, `1.1-1.3`) as one reference to its key,
    /// pointing at the whole range: where it ends.
    fn task_ids_at(&mut self, i: usize, len: usize) -> usize {
        let value = self.value;
        let first = &value[i..i + len];
        let whole = first.bytes().all(|b| b.is_ascii_digit());
        if let Some((to_start, to_end)) = range_to(value, i + len, whole)
            && let Some(range) = TaskRange::new(first, &value[to_start..to_end])
        {
            self.push(RefTarget::Task(range.key()), i, to_end);
            return to_end;
        }
        self.push(RefTarget::Task(Text::from(first)), i, i + len);
        i + len
    }
}

/// Words that name what follows them as tasks: a numbered id after one
/// (`task 2.1`) is a task's, as one first in a value is, and so is a
/// whole number (`task 3`).
const TASK_WORDS: [&str; 4] = ["task", "tasks", "subtask", "subtasks"];

/// Words after which a negation no longer holds: "independent of Phase 1
/// but after Phase 2", "enhanced by Phase 1 once Phase 2 is done".
const RESUMING: [&str; 9] = [
    "but", "however", "after", "requires", "needs", "depends", "waits", "then", "once",
];

/// "dependency", "dependencies", "blocker", "prerequisite", "requirement".
fn is_dependency_word(word: &str) -> bool {
    ["dep", "block", "prereq", "pre-req", "requirement"]
        .iter()
        .any(|p| word.starts_with(p))
}

/// The word after `at` (past spaces), and where it ends.
fn next_word(lower: &str, at: usize) -> Option<(&str, usize)> {
    let start = skip_ws(lower, at);
    let end = word_end(lower, start);
    (end > start).then(|| (&lower[start..end], end))
}

/// The end of the word at `i`: letters, digits, and an apostrophe inside
/// (`doesn't`) or `-` between letters (`pre-requisite`).
fn word_end(s: &str, i: usize) -> usize {
    // ASCII letters and digits, nearly every byte of a word, are passed
    // bytewise: decoding each character showed in profiles. What follows
    // them (a joiner, a letter outside ASCII, the word's end) is read as
    // characters.
    let ascii = s.as_bytes()[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let mut end = i + ascii;
    let mut chars = s[end..].char_indices().peekable();
    let from = end;
    while let Some((at, c)) = chars.next() {
        let joins = matches!(c, '\'' | '\u{2019}' | '-')
            && end > i
            && chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
        if !(c.is_alphanumeric() || joins) {
            break;
        }
        end = from + at + c.len_utf8();
    }
    end
}

/// Whether a value says there is no dependency: "None", "N/A", "-",
/// "No dependencies", "No external dependencies", "Nothing".
fn says_none(value: &str) -> bool {
    let t = value.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '*' | '_' | '(' | '[' | '`' | '~' | '"')
    });
    if !t.is_ascii() && unspaced::says_none(t) {
        return true;
    }
    if let Some(rest) = t.strip_prefix(['-', '–', '—']) {
        return rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
    }
    let mut head = t.len().min(48);
    while !t.is_char_boundary(head) {
        head -= 1;
    }
    let lower = t[..head].to_ascii_lowercase();
    if lower.starts_with("n/a") || lower.starts_with("n.a.") {
        return true;
    }
    let end = word_end(&lower, 0);
    match &lower[..end] {
        "none" | "nothing" | "na" | "nil" => true,
        // "No dependencies", "No external dependencies".
        "no" => {
            let second = next_word(&lower, end);
            second.is_some_and(|(w, e)| {
                is_dependency_word(w)
                    || next_word(&lower, e).is_some_and(|(w, _)| is_dependency_word(w))
            })
        }
        _ => false,
    }
}

/// Whether a unit follows the number ending at `at`: "2 weeks", "3 days",
/// "1 sprint", "40%".
fn unit_follows(value: &str, at: usize) -> bool {
    let rest = &value[at..];
    if rest.starts_with('%') {
        return true;
    }
    let j = skip_ws(value, at);
    let j = if value[j..].starts_with('-') {
        j + 1
    } else {
        j
    };
    let end = j + value[j..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let word = value[j..end].to_ascii_lowercase();
    UNITS.contains(&word.as_str())
}

const UNITS: [&str; 42] = [
    "day",
    "days",
    "week",
    "weeks",
    "wk",
    "wks",
    "month",
    "months",
    "mo",
    "mos",
    "hour",
    "hours",
    "hr",
    "hrs",
    "minute",
    "minutes",
    "min",
    "mins",
    "sprint",
    "sprints",
    "year",
    "years",
    "yr",
    "yrs",
    "quarter",
    "quarters",
    "point",
    "points",
    "pt",
    "pts",
    "sp",
    "person",
    "people",
    "engineer",
    "engineers",
    "dev",
    "devs",
    "developers",
    "times",
    "percent",
    "iterations",
    "iteration",
];

/// `T012`, `T-012`, `M001`, `TASK-12`, `B1.1`, `T231.15`: capitals, then
/// digits (after a dash when there are several capitals), as the reader
/// reads task ids. One capital other than `T` with one digit (`S3`, `Q3`)
/// names a thing, not a task.
pub(crate) fn letter_id_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if letters == 0 || letters > 5 {
        return None;
    }
    let dash = usize::from(b.get(letters) == Some(&b'-'));
    let digits = digits_at(b, letters + dash);
    if digits == 0 || (letters > 1 && dash == 0) {
        return None;
    }
    let mut end = letters + dash + digits;
    let mut dotted = false;
    while b.get(end) == Some(&b'.') && digits_at(b, end + 1) > 0 {
        end += 1 + digits_at(b, end + 1);
        dotted = true;
    }
    if letters == 1 && dash == 0 && digits < 2 && !dotted && b[0] != b'T' {
        return None;
    }
    (!b.get(end).is_some_and(u8::is_ascii_alphanumeric)).then_some(end)
}

/// `1.2`, `2.3.1`: numbered task ids (Kiro's), with at least one dot and
/// no unit after them (`1.5 days` is a duration).
fn numeric_id_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut end = digits_at(b, 0);
    if end == 0 || end > 4 {
        return None;
    }
    let mut parts = 1;
    while b.get(end) == Some(&b'.') && (1..=4).contains(&digits_at(b, end + 1)) {
        end += 1 + digits_at(b, end + 1);
        parts += 1;
    }
    let ends = !b.get(end).is_some_and(u8::is_ascii_alphanumeric);
    (parts > 1 && ends && !unit_follows(s, end)).then_some(end)
}

/// `3`: a whole number read as a task id where the word "task" says one
/// follows (see `Refs::scan`); not the start of a dotted number (`1.5
/// days`), a grouped one (`1,000`), or a count (`3 days`).
fn whole_id_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let end = digits_at(b, 0);
    let number_goes_on = matches!(b.get(end), Some(b'.' | b',')) && digits_at(b, end + 1) > 0;
    let ends = !b.get(end).is_some_and(u8::is_ascii_alphanumeric) && !number_goes_on;
    ((1..=4).contains(&end) && ends && !unit_follows(s, end)).then_some(end)
}

fn digits_at(b: &[u8], at: usize) -> usize {
    b.get(at..)
        .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
}

#[cfg(test)]
mod tests;
