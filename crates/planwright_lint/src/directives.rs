//! Inline directives in HTML comments that silence rules for part of a
//! plan:
//!
//! - `<!-- planwright-disable PW104 PW105 -->` from here on (no codes: all
//!   rules), until a `<!-- planwright-enable -->` that names them; one in
//!   the plan's header (under its title, above its first section, list
//!   or table) that nothing enables again, from the start of the file,
//!   so that it covers the title, where findings about the whole plan
//!   point;
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

use planwright_core::{LineIndex, Plan};

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
}

impl Directives {
    pub fn read(source: &str, plan: &Plan) -> Self {
        let mut silenced: Vec<Vec<(u32, u32)>> = vec![Vec::new(); RULES.len()];
        // Rule by rule, where the `disable` still open for it started: a
        // rule is silenced from the first `disable` that names it to the
        // next `enable` that names it, whatever else either names.
        let mut open: Vec<Option<u32>> = vec![None; RULES.len()];
        let mut index: Option<LineIndex> = None;
        // A `disable` in the plan's header, above all but its title, that
        // no `enable` ends covers the plan from the file's start: the title
        // too, where findings about the plan as a whole point (PW103,
        // PW105), and which a directive under it could not reach before.
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
        for comment in &plan.comments {
            let Some((word, selectors)) = parse(comment.slice(source)) else {
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
            match verb {
                Verb::DisableNextLine => {
                    let index = index.get_or_insert_with(|| LineIndex::new(source));
                    let line = index.line_of(comment.end.saturating_sub(1)) + 1;
                    let range = index.line_range(source, line);
                    let region = (range.start, range.end.max(range.start + 1));
                    for i in named {
                        silenced[i].push(region);
                    }
                }
                Verb::Disable => {
                    for i in named {
                        open[i].get_or_insert(comment.start);
                    }
                }
                Verb::Enable => {
                    for i in named {
                        if let Some(start) = open[i].take() {
                            silenced[i].push((start, comment.start));
                        }
                    }
                }
            }
        }
        for (regions, start) in silenced.iter_mut().zip(open) {
            if let Some(start) = start {
                let in_header = title.is_some() && start < header_end;
                regions.push((if in_header { 0 } else { start }, u32::MAX));
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
        Self { silenced }
    }

    /// Whether a finding of rule `code` at `offset` is silenced.
    pub fn suppresses(&self, code: &str, offset: u32) -> bool {
        let Some(i) = RULES.iter().position(|r| r.code == code) else {
            return false;
        };
        let regions = &self.silenced[i];
        let after = regions.partition_point(|(start, _)| *start <= offset);
        after > 0 && offset < regions[after - 1].1
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
mod tests {
    use super::*;

    #[test]
    fn comments_split_into_verb_and_selectors() {
        assert_eq!(
            parse("<!-- planwright-disable PW101, PW104 -->"),
            Some(("planwright-disable", vec!["PW101", "PW104"]))
        );
        assert_eq!(
            parse("<!--\nplanwright-enable\n-->"),
            Some(("planwright-enable", vec![]))
        );
        assert_eq!(parse("<!--  -->"), None);
        // The reason after `--` names no rules.
        assert_eq!(
            parse("<!-- planwright-disable PW104 -- filled in at kickoff -->"),
            Some(("planwright-disable", vec!["PW104"]))
        );
        assert_eq!(
            parse("<!-- planwright-disable -- all of it is legacy -->"),
            Some(("planwright-disable", vec![]))
        );
        // A comment over lines of a block quote: its markers are no words.
        assert_eq!(
            parse("<!--\n> planwright-disable PW101\n>> -->"),
            Some(("planwright-disable", vec!["PW101"]))
        );
    }

    #[test]
    fn verbs_and_the_prefix_are_read_in_any_case() {
        assert_eq!(Verb::read("planwright-disable"), Some(Verb::Disable));
        assert_eq!(
            Verb::read("PLANWRIGHT-DISABLE-NEXT-LINE"),
            Some(Verb::DisableNextLine)
        );
        assert_eq!(Verb::read("PlanWright-Enable"), Some(Verb::Enable));
        for other in ["planwright-disabel", "planwright-", "disable", ""] {
            assert_eq!(Verb::read(other), None, "{other}");
        }
    }

    /// What [`near_miss`] makes of a comment's words, as
    /// `(written, meant)`.
    fn miss(comment: &str) -> Option<(String, Option<&'static str>)> {
        let (first, rest) = parse(comment)?;
        let miss = near_miss(first, &rest)?;
        Some((miss.written.into_owned(), miss.meant))
    }

    #[test]
    fn near_misses_name_the_directive_their_words_spell() {
        for (comment, written, meant) in [
            (
                "planwright:disable PW101",
                "planwright:disable",
                Some("planwright-disable"),
            ),
            (
                "PLANWRIGHT_DISABLE",
                "PLANWRIGHT_DISABLE",
                Some("planwright-disable"),
            ),
            (
                "planwright.disable-next-line PW101",
                "planwright.disable-next-line",
                Some("planwright-disable-next-line"),
            ),
            (
                "planwright_disable_next_line",
                "planwright_disable_next_line",
                Some("planwright-disable-next-line"),
            ),
            (
                "planwright-disable_next:line",
                "planwright-disable_next:line",
                Some("planwright-disable-next-line"),
            ),
            (
                "planwright disable PW101",
                "planwright disable",
                Some("planwright-disable"),
            ),
            (
                "Planwright: Enable",
                "Planwright: Enable",
                Some("planwright-enable"),
            ),
            (
                "planwright disable next-line PW101",
                "planwright disable next-line",
                Some("planwright-disable-next-line"),
            ),
            (
                "Planwright disable next line",
                "Planwright disable next line",
                Some("planwright-disable-next-line"),
            ),
            (
                "planwright disable-line PW101",
                "planwright disable-line",
                None,
            ),
            ("planwright:ignore PW101", "planwright:ignore", None),
            ("planwright-disabel PW101", "planwright-disabel", None),
            ("planwright-", "planwright-", None),
        ] {
            assert_eq!(
                miss(&format!("<!-- {comment} -->")),
                Some((written.to_owned(), meant)),
                "{comment}"
            );
        }
    }

    #[test]
    fn directives_and_prose_about_planwright_are_no_near_misses() {
        for comment in [
            "planwright-disable PW101",
            "PLANWRIGHT-ENABLE",
            "planwright reads this table",
            "generated by planwright new",
            "planwright: keep this section short",
            "planwright: enable TLS in phase 2",
            "planwright disable the old exporter first",
            "planwright.toml sets the globs",
            "planwright enables these checks",
            "planwright",
            "planwright:",
            "planwright:42",
            "planwrightish disable",
            "plan\u{e9}right-x",
            "plan",
        ] {
            assert_eq!(miss(&format!("<!-- {comment} -->")), None, "{comment}");
        }
    }

    /// The rules silenced at the start of each line of `source`, as codes
    /// among PW101 and PW104.
    fn silenced(source: &str) -> Vec<Vec<&'static str>> {
        let plan = planwright_core::parse(source);
        let directives = Directives::read(source, &plan);
        let mut at = 0;
        source
            .split_inclusive('\n')
            .map(|line| {
                let start = u32::try_from(at).unwrap();
                at += line.len();
                ["PW101", "PW104"]
                    .into_iter()
                    .filter(|code| directives.suppresses(code, start))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_disable_in_the_header_covers_the_title() {
        // Under the title, above the first section: the title's line too,
        // where findings about the whole plan point.
        let source =
            "# Plan\n\n**Status:** Draft\n<!-- planwright-disable PW104 -->\n\n## Work\n\nx\n";
        let lines = silenced(source);
        assert_eq!(lines[0], ["PW104"]);
        // Below the first section, from where it stands.
        let source = "# Plan\n\n## Work\n<!-- planwright-disable PW104 -->\nx\n";
        let lines = silenced(source);
        assert_eq!(lines[0], Vec::<&str>::new());
        assert_eq!(lines[4], ["PW104"]);
        // After a list (tasks without sections), from where it stands too.
        let source = "# Tasks\n\n- [ ] a\n\n<!-- planwright-disable PW101 -->\n- [ ] b\n";
        let lines = silenced(source);
        assert_eq!(lines[2], Vec::<&str>::new());
        assert_eq!(lines[5], ["PW101"]);
    }

    #[test]
    fn enable_ends_a_disable_however_either_spells_the_rule() {
        for (disable, enable) in [
            ("PW101", "pw101"),
            ("pw101", "PW101"),
            ("unfilled-placeholder", "PW101"),
            ("PW101", "unfilled-placeholder"),
            ("PW1", "pw1"),
            ("ALL", "all"),
            ("all", ""),
            ("PW101", ""),
        ] {
            let source = format!(
                "<!-- planwright-disable {disable} -->\na\n<!-- planwright-enable {enable} -->\nb\n"
            );
            let lines = silenced(&source);
            assert!(lines[1].contains(&"PW101"), "{disable} / {enable}");
            assert_eq!(lines[3], Vec::<&str>::new(), "{disable} / {enable}");
        }
    }

    #[test]
    fn enable_re_enables_only_the_rules_it_names() {
        // Rules disabled together and enabled one by one; a selector that
        // names no rule, or a rule not disabled, ends nothing.
        let source = "<!-- planwright-disable PW101 empty-section -->\na\n<!-- planwright-enable PW999 PW5 -->\nb\n<!-- planwright-enable unfilled-placeholder -->\nc\n<!-- planwright-enable PW104 -->\nd\n<!-- planwright-disable -->\ne\n<!-- planwright-enable pw104 -->\nf\n";
        let lines = silenced(source);
        assert_eq!(lines[1], ["PW101", "PW104"]);
        assert_eq!(lines[3], ["PW101", "PW104"]);
        assert_eq!(lines[5], ["PW104"]);
        assert_eq!(lines[7], Vec::<&str>::new());
        assert_eq!(lines[9], ["PW101", "PW104"]);
        assert_eq!(lines[11], ["PW101"]);
    }

    #[test]
    fn overlapping_and_repeated_directives_silence_their_union() {
        // A next-line inside an open region, a second disable of a rule
        // already off (its enable ends both), and regions one after another.
        let source = "<!-- planwright-disable PW101 -->\na\n<!-- planwright-disable-next-line PW101 PW104 -->\nb\n<!-- planwright-disable PW1 -->\nc\n<!-- planwright-enable PW101 -->\nd\n<!-- planwright-disable-next-line PW101 -->\ne\nf\n";
        let lines = silenced(source);
        assert_eq!(lines[1], ["PW101"]);
        assert_eq!(lines[3], ["PW101", "PW104"]);
        assert!(lines[5].contains(&"PW101") && lines[5].contains(&"PW104"));
        assert!(!lines[7].contains(&"PW101") && lines[7].contains(&"PW104"));
        assert!(lines[9].contains(&"PW101"));
        assert!(!lines[10].contains(&"PW101"));
    }

    #[test]
    fn directives_may_run_over_lines_and_be_upper_case() {
        let source = "<!-- PLANWRIGHT-DISABLE pw101 -->\na\n<!--\nplanwright-enable\n-->\nb\n<!-- planwright-disable-next-line\n PW104 -->\nc\nd\n";
        let lines = silenced(source);
        assert_eq!(lines[1], ["PW101"]);
        assert_eq!(lines[5], Vec::<&str>::new());
        // The line after the one the comment ends on.
        assert_eq!(lines[6], Vec::<&str>::new());
        assert_eq!(lines[8], ["PW104"]);
        assert_eq!(lines[9], Vec::<&str>::new());
    }

    #[test]
    fn selectors_are_those_of_the_configuration() {
        for known in [
            "PW101",
            "pw101",
            "PW1",
            "pw5",
            "unfilled-placeholder",
            "ALL",
        ] {
            assert!(is_known_selector(known), "{known}");
        }
        for unknown in ["PW999", "PW7", "unfilled", ""] {
            assert!(!is_known_selector(unknown), "{unknown}");
        }
    }
}
