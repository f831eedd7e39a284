//! Inline directives in HTML comments that silence rules for part of a
//! plan:
//!
//! - `<!-- planwright-disable PW104 PW105 -->` from here on (no codes: all
//!   rules), until a `<!-- planwright-enable -->` that names them; one in
//!   the plan's header (under its title, above its first section, list
//!   or table) that nothing enables again also covers the title's line,
//!   where findings about the whole plan point (not the lines between);
//! - `<!-- planwright-disable-next-line PW101 -->` on the next line only;
//! - `<!-- planwright-enable [codes] -->` re-enables the rules it names
//!   (no codes: all of them); rules disabled with it but not named stay
//!   disabled.
//!
//! Rules are selected as the configuration selects them: codes, code
//! prefixes, names or `ALL`, and both directions resolve their selectors
//! to rules before comparing, so `enable pw101` ends `disable
//! unfilled-placeholder`. The `planwright-` verbs are read in any case, as
//! the codes are. A directive that is none of these, or names no rule, is
//! reported by PW601 rather than silently ignored, and so is a near-miss
//! (`planwright:disable`, `planwright disable`), which silences nothing.
//! Directives are read from the model's list of comments, never by
//! scanning the text again; a
//! comment may run over lines, and `disable-next-line` then means the line
//! after the one the comment ends on. Words after a lone `--` are the
//! author's reason, as in `ESLint`: `<!-- planwright-disable PW104 -- filled
//! in at kickoff -->`.

use std::borrow::Cow;

use planwright_core::{LineIndex, Plan, TextRange};

use crate::registry::RULES;
use crate::selection::selects;

/// The directives, as written after `<!--` (in any case).
pub const VERBS: &[&str] = &[
    "planwright-disable",
    "planwright-disable-next-line",
    "planwright-enable",
];

/// What every directive starts with (in any case): a comment starting so
/// is meant as one.
pub const PREFIX: &str = "planwright-";

/// What a directive does, whatever the case it is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verb {
    Disable,
    DisableNextLine,
    Enable,
}

impl Verb {
    /// The verb `word` spells, in any case; `None` for anything else.
    pub(crate) fn read(word: &str) -> Option<Self> {
        [Self::Disable, Self::DisableNextLine, Self::Enable]
            .into_iter()
            .zip(VERBS)
            .find(|(_, v)| v.eq_ignore_ascii_case(word))
            .map(|(verb, _)| verb)
    }
}

/// A comment meant as a directive that is none: what it says, as written,
/// and the directive it spells, if any.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct NearMiss<'a> {
    /// The first word, or the first two when the verb is the second.
    pub written: Cow<'a, str>,
    /// The directive the words spell with `-` between their parts
    /// (`planwright_disable_next_line`), in its usual case.
    pub meant: Option<&'static str>,
}

/// The near-miss a comment's first word (and `next`, the word after it)
/// make, when they are meant as a directive but are not one of [`VERBS`]:
///
/// - a word starting with [`PREFIX`] (`planwright-disabel`);
/// - `planwright` joined by `:` or `_` to a word (`planwright:disable`,
///   `planwright_ignore`), or by `.` to a word whose first part is
///   `disable` or `enable` (`planwright.disable-next-line`, but not
///   `planwright.toml`, which plans mention);
/// - `planwright` or `planwright:` alone, then a word whose first part is
///   `disable` or `enable` (`planwright disable PW101`), perhaps `next
///   line` or `next-line` after it, then nothing but rule selectors.
///
/// All in any case. A comment that only mentions planwright
/// (`planwright reads this`, `planwright: keep it short`, `planwright:
/// enable TLS in phase 2`) is none. `rest` is the words after `first`,
/// up to a `--`.
pub(crate) fn near_miss<'a>(first: &'a str, rest: &[&'a str]) -> Option<NearMiss<'a>> {
    if Verb::read(first).is_some() {
        return None;
    }
    let name = PREFIX.trim_end_matches('-');
    let (head, tail) = first.split_at_checked(name.len())?;
    if !head.eq_ignore_ascii_case(name) {
        return None;
    }
    let mut chars = tail.chars();
    let joined = match (chars.next(), chars.as_str()) {
        (Some('-'), _) => Some(tail),
        (Some(':' | '_'), rest) if rest.starts_with(|c: char| c.is_ascii_alphabetic()) => {
            Some(tail)
        }
        (Some('.'), rest) if names_a_verb(rest) => Some(tail),
        _ => None,
    };
    if let Some(joined) = joined {
        return Some(NearMiss {
            written: first.into(),
            meant: spelt(joined),
        });
    }
    rest.first()
        .filter(|n| (tail.is_empty() || tail == ":") && names_a_verb(n))?;
    // `disable next line`, `disable next-line`: the verb runs on.
    let verb_words = match rest.get(1..3) {
        Some([a, b]) if a.eq_ignore_ascii_case("next") && b.eq_ignore_ascii_case("line") => 3,
        _ => match rest.get(1) {
            Some(w) if w.eq_ignore_ascii_case("next-line") => 2,
            _ => 1,
        },
    };
    // What follows must be rule selectors, as a directive's words are:
    // otherwise the comment says something else in words of its own.
    if !rest[verb_words.min(rest.len())..]
        .iter()
        .all(|w| is_known_selector(w))
    {
        return None;
    }
    let verb = rest[..verb_words.min(rest.len())].join(" ");
    Some(NearMiss {
        written: format!("{first} {verb}").into(),
        meant: spelt(&verb.replace(' ', "-")),
    })
}

/// The characters a near-miss puts between the parts of a directive.
const SEPARATORS: [char; 4] = ['-', '_', ':', '.'];

/// Whether `word`'s first part is `disable` or `enable`, in any case:
/// `disable-next-line` and `enable` are, `enables` is prose.
fn names_a_verb(word: &str) -> bool {
    let first = word.split(SEPARATORS).next().unwrap_or_default();
    ["disable", "enable"]
        .iter()
        .any(|v| v.eq_ignore_ascii_case(first))
}

/// The directive `planwright-` and `rest`'s parts joined with `-` spell.
fn spelt(rest: &str) -> Option<&'static str> {
    let parts: Vec<&str> = rest.split(SEPARATORS).filter(|p| !p.is_empty()).collect();
    let spelt = format!("{PREFIX}{}", parts.join("-"));
    VERBS
        .iter()
        .copied()
        .find(|v| v.eq_ignore_ascii_case(&spelt))
}

pub struct Directives {
    /// For each rule of [`RULES`], the byte ranges in which it is silenced,
    /// sorted and merged, so a finding is looked up by binary search (a
    /// plan with thousands of directives and findings was quadratic).
    silenced: Vec<Vec<(u32, u32)>>,
    /// The `disable` directives as written, in the plan's order, for PW602
    /// (unused-directive).
    pub(crate) written: Vec<Written>,
    /// Which directive silences what, before merging: a rule's region is
    /// owned by the directive that opened it, so a second `disable` of a
    /// rule already silenced owns nothing.
    pub(crate) owned: Vec<Owned>,
}

/// A `disable` or `disable-next-line` directive as written.
pub(crate) struct Written {
    pub comment: TextRange,
    pub verb: Verb,
    /// Each selector word that names a rule, with the rules it names as a
    /// bit set over [`RULES`]; empty when the directive names no rule at
    /// all (it silences every rule). Words naming no rule are PW601's.
    pub selectors: Vec<(TextRange, u64)>,
    /// Whether some selector word names no rule.
    pub unknown: bool,
    /// The rules it names that an earlier `disable` still silences, as a
    /// bit set: for those it does nothing.
    pub already: u64,
}

/// A region in which one directive silences one rule.
pub(crate) struct Owned {
    pub directive: usize,
    pub rule: usize,
    pub start: u32,
    pub end: u32,
}

/// The rules `selector` names, as a bit set over [`RULES`] (there are
/// fewer than 64; a test holds it).
pub(crate) fn rule_bits(selector: &str) -> u64 {
    RULES
        .iter()
        .enumerate()
        .filter(|(_, r)| selects(selector, r))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// `` `a`, `b` `` for a message about directives' words.
pub(crate) fn quoted(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The index in [`RULES`] of the rule with `code`.
pub(crate) fn rule_index(code: &str) -> Option<usize> {
    RULES.iter().position(|r| r.code == code)
}

impl Directives {
    pub fn read(source: &str, plan: &Plan) -> Self {
        let mut silenced: Vec<Vec<(u32, u32)>> = vec![Vec::new(); RULES.len()];
        // Rule by rule, where the `disable` still open for it started: a
        // rule is silenced from the first `disable` that names it to the
        // next `enable` that names it, whatever else either names.
        let mut open: Vec<Option<(u32, usize)>> = vec![None; RULES.len()];
        let mut index: Option<LineIndex> = None;
        // A `disable` in the plan's header, above all but its title, that
        // no `enable` ends covers the title too, where findings about the
        // plan as a whole point (PW103, PW105), and which a directive under
        // it could not reach before. Not what stands between: a finding
        // above a `disable` is not silenced by it.
        let title = plan.title.as_ref().map(|t| t.heading);
        // Its header ends at its first section, list or table: a list of
        // tasks without sections has a `disable` from where it stands.
        let header_end = [
            plan.sections
                .iter()
                .find(|s| Some(s.heading) != title)
                .map(|s| s.heading.start),
            plan.lists.first().map(|l| l.range.start),
            plan.tables.first().map(|t| t.range.start),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(u32::MAX);
        let mut written = Vec::new();
        let mut owned = Vec::new();
        for comment in &plan.comments {
            let text = comment.slice(source);
            let Some((word, selectors)) = parse(text) else {
                continue;
            };
            let Some(verb) = Verb::read(word) else {
                continue;
            };
            let named = resolve(&selectors);
            let named = named
                .iter()
                .enumerate()
                .filter(|(_, n)| **n)
                .map(|(i, _)| i);
            let directive = written.len();
            if verb != Verb::Enable {
                written.push(Written::new(*comment, text, verb, &selectors));
            }
            match verb {
                Verb::DisableNextLine => {
                    let index = index.get_or_insert_with(|| LineIndex::new(source));
                    let line = index.line_of(comment.end.saturating_sub(1)) + 1;
                    let range = index.line_range(source, line);
                    let (start, end) = (range.start, range.end.max(range.start + 1));
                    for rule in named {
                        silenced[rule].push((start, end));
                        owned.push(Owned {
                            directive,
                            rule,
                            start,
                            end,
                        });
                    }
                }
                Verb::Disable => {
                    for i in named {
                        if open[i].is_some() {
                            written[directive].already |= 1 << i;
                        }
                        open[i].get_or_insert((comment.start, directive));
                    }
                }
                Verb::Enable => {
                    for rule in named {
                        if let Some((start, directive)) = open[rule].take() {
                            silenced[rule].push((start, comment.start));
                            owned.push(Owned {
                                directive,
                                rule,
                                start,
                                end: comment.start,
                            });
                        }
                    }
                }
            }
        }
        for (rule, (regions, start)) in silenced.iter_mut().zip(open).enumerate() {
            if let Some((start, directive)) = start {
                // In the header, the title's line too; never the text
                // between the two, which reads from the top as any other.
                let title = title.filter(|_| start < header_end);
                let reach = title.map(|t| (t.start, t.end)).into_iter();
                for (start, end) in reach.chain([(start, u32::MAX)]) {
                    regions.push((start, end));
                    owned.push(Owned {
                        directive,
                        rule,
                        start,
                        end,
                    });
                }
            }
            regions.sort_unstable();
            regions.dedup_by(|next, kept| {
                let overlaps = next.0 <= kept.1;
                if overlaps {
                    kept.1 = kept.1.max(next.1);
                }
                overlaps
            });
        }
        Self {
            silenced,
            written,
            owned,
        }
    }

    /// Whether a finding of rule `code` at `offset` is silenced.
    pub fn suppresses(&self, code: &str, offset: u32) -> bool {
        let Some(i) = rule_index(code) else {
            return false;
        };
        let regions = &self.silenced[i];
        let after = regions.partition_point(|(start, _)| *start <= offset);
        after > 0 && offset < regions[after - 1].1
    }
}

impl Written {
    fn new(comment: TextRange, text: &str, verb: Verb, selectors: &[&str]) -> Self {
        // The words are slices of the comment's text.
        let at = |word: &str| {
            let start = comment.start as usize + (word.as_ptr() as usize - text.as_ptr() as usize);
            TextRange::new(start, start + word.len())
        };
        let bits: Vec<(TextRange, u64)> = selectors.iter().map(|w| (at(w), rule_bits(w))).collect();
        Self {
            comment,
            verb,
            unknown: bits.iter().any(|(_, b)| *b == 0),
            selectors: bits.into_iter().filter(|(_, b)| *b != 0).collect(),
            already: 0,
        }
    }
}

/// The rules a directive's selectors name, parallel to [`RULES`]: all of
/// them when it names none. A selector that names no rule adds nothing
/// (PW601 reports it).
fn resolve(selectors: &[&str]) -> Vec<bool> {
    RULES
        .iter()
        .map(|rule| selectors.is_empty() || selectors.iter().any(|s| selects(s, rule)))
        .collect()
}

/// A comment's first word and the words after it up to a lone `--` (the
/// reason follows it), split at whitespace and commas: the verb and
/// selectors of a directive, if it is one. `None` for an empty comment. A
/// comment that runs over lines of a block quote holds the quote's `>`
/// markers after its first line; they are no words. The words are slices
/// of `comment`, so a caller can tell where each stands.
pub(crate) fn parse(comment: &str) -> Option<(&str, Vec<&str>)> {
    let inner = comment
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim();
    let mut words = inner
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b == b'>'));
    let verb = words.next()?;
    Some((verb, words.take_while(|w| *w != "--").collect()))
}

/// Whether `selector` names at least one rule.
pub(crate) fn is_known_selector(selector: &str) -> bool {
    RULES.iter().any(|r| selects(selector, r))
}

#[cfg(test)]
#[path = "directives_tests.rs"]
mod tests;
