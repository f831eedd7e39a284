//! Inline directives in HTML comments that silence rules for part of a
//! plan:
//!
//! - `<!-- planwright-disable PW104 PW105 -->` from here on (no codes: all
//!   rules), until a matching `<!-- planwright-enable -->`;
//! - `<!-- planwright-disable-next-line PW101 -->` on the next line only;
//! - `<!-- planwright-enable [codes] -->` ends a disable.
//!
//! Rules are selected as the configuration selects them: codes, code
//! prefixes, names or `ALL`. A directive that is none of these, or names
//! no rule, is reported by PW601 rather than silently ignored. Directives
//! are read from the model's list of comments, never by scanning the text
//! again.

use planwright_core::{LineIndex, Plan};

use crate::registry::RULES;
use crate::selection::selects;

/// The directives, as written after `<!--`.
pub const VERBS: &[&str] = &[
    "planwright-disable",
    "planwright-disable-next-line",
    "planwright-enable",
];

/// What every directive starts with: a comment starting so is meant as
/// one.
pub const PREFIX: &str = "planwright-";

pub struct Directives {
    /// Byte ranges and the selectors silenced in them (empty: all rules).
    regions: Vec<(u32, u32, Vec<String>)>,
}

impl Directives {
    pub fn read(source: &str, plan: &Plan) -> Self {
        let mut regions = Vec::new();
        // Open `disable` regions: start and selectors.
        let mut open: Vec<(u32, Vec<String>)> = Vec::new();
        let mut index: Option<LineIndex> = None;
        for comment in &plan.comments {
            let Some((verb, selectors)) = parse(comment.slice(source)) else {
                continue;
            };
            let codes: Vec<String> = selectors.into_iter().map(str::to_owned).collect();
            match verb {
                "planwright-disable-next-line" => {
                    let index = index.get_or_insert_with(|| LineIndex::new(source));
                    let line = index.line_of(comment.end.saturating_sub(1)) + 1;
                    let range = index.line_range(source, line);
                    regions.push((range.start, range.end.max(range.start + 1), codes));
                }
                "planwright-disable" => open.push((comment.start, codes)),
                "planwright-enable" => {
                    let end = comment.start;
                    open.retain(|(start, disabled)| {
                        let closes = codes.is_empty() || disabled.iter().any(|d| codes.contains(d));
                        if closes {
                            regions.push((*start, end, disabled.clone()));
                        }
                        !closes
                    });
                }
                _ => {}
            }
        }
        for (start, codes) in open {
            regions.push((start, u32::MAX, codes));
        }
        Self { regions }
    }

    /// Whether a finding of rule `code` at `offset` is silenced.
    pub fn suppresses(&self, code: &str, offset: u32) -> bool {
        let Some(rule) = RULES.iter().find(|r| r.code == code) else {
            return false;
        };
        self.regions.iter().any(|(start, end, codes)| {
            (*start..*end).contains(&offset)
                && (codes.is_empty() || codes.iter().any(|c| selects(c, rule)))
        })
    }
}

/// A comment's first word and the words after it, split at whitespace and
/// commas: the verb and selectors of a directive, if it is one. `None`
/// for an empty comment.
pub(crate) fn parse(comment: &str) -> Option<(&str, Vec<&str>)> {
    let inner = comment
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim();
    let mut words = inner
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let verb = words.next()?;
    Some((verb, words.collect()))
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
