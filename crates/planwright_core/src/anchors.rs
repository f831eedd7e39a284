//! The anchors a rendered plan gives its headings, which links within the
//! plan (`[Phase 2](#phase-2-core)`, a table of contents) point at.
//!
//! GitHub's rule (github-slugger): the heading's text in lower case, every
//! character dropped but letters, digits, marks, `-`, `_` and spaces, each
//! space made a `-` (two spaces, two hyphens: `Testing & Validation` is
//! `testing--validation`), and a repeated anchor numbered `-1`, `-2`, …
//! in the order the headings come. Other renderers differ in the details
//! (GitLab merges hyphens), so [`loose_key`] gives a comparison that
//! holds across them: the words alone.

use crate::Plan;

/// The anchor GitHub gives a heading whose text is `text`, before any
/// `-1` that a repeat adds.
pub fn github_anchor(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in decoded(text).chars() {
        if c == ' ' {
            out.push('-');
        } else if c.is_alphanumeric() || c == '-' || c == '_' || is_mark(c) {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// `text`'s letters and digits, in lower case: what a heading and an
/// anchor written for it share whatever the renderer did with spaces,
/// punctuation and symbols.
pub fn loose_key(text: &str) -> String {
    decoded(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text a heading renders, as its anchor is made from: the section's
/// number (`1.2`, written `1.2` or `1.2.`, which no anchor keeps the dot
/// of) and title.
pub fn heading_text(number: Option<&str>, title: &str) -> String {
    match number {
        Some(n) => format!("{n} {title}"),
        None => title.to_owned(),
    }
}

/// `text` without its emoji shortcodes (`Phase 1 :rocket:` is `Phase 1 `),
/// which GitHub renders as emoji and so leaves out of the anchor; `None`
/// when it has none. A shortcode is a word of lower-case letters, digits,
/// `_`, `+` and `-` between colons, with no space and a letter at least
/// (`10:30:` is a time).
pub fn without_shortcodes(text: &str) -> Option<String> {
    if !text.contains(':') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut found = false;
    while let Some(open) = rest.find(':') {
        let after = &rest[open + 1..];
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_+-".contains(b))
            .count();
        let word = &after.as_bytes()[..len];
        if word.iter().any(u8::is_ascii_lowercase) && after.as_bytes().get(len) == Some(&b':') {
            out.push_str(&rest[..open]);
            rest = &after[len + 1..];
            found = true;
        } else {
            out.push_str(&rest[..=open]);
            rest = after;
        }
    }
    out.push_str(rest);
    found.then_some(out)
}

/// The reader keeps a heading's text as written: an entity such as
/// `&amp;` renders as one character, which (`&`, `<`, a no-break space)
/// no anchor keeps.
fn decoded(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return text.into();
    }
    let mut out = text.to_owned();
    for entity in [
        "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&apos;", "&nbsp;",
    ] {
        out = out.replace(entity, "");
    }
    out.into()
}

/// Combining marks (Unicode's M categories) in the blocks plans are
/// written in: an accent typed apart from its letter, and the vowel signs
/// of Indic scripts, which GitHub's anchors keep.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0900}'..='\u{0DFF}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
        && !c.is_alphanumeric()
}

impl Plan {
    /// Every heading's anchor as GitHub writes it, in the plan's order
    /// (one per section), a repeat numbered as GitHub numbers it.
    pub fn heading_anchors(&self) -> Vec<String> {
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        self.sections
            .iter()
            .map(|s| {
                let base = github_anchor(&heading_text(s.number.as_deref(), &s.title));
                let mut anchor = base.clone();
                // github-slugger: while the anchor is taken, the base's
                // count goes up and the base with it is tried.
                while seen.contains_key(&anchor) {
                    let n = seen.entry(base.clone()).or_insert(0);
                    *n += 1;
                    anchor = format!("{base}-{n}");
                }
                seen.insert(anchor.clone(), 0);
                anchor
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_github_s() {
        let cases = [
            ("Testing & Validation", "testing--validation"),
            ("Phase 1: Setup ✅", "phase-1-setup-"),
            ("1.2 Data Model", "12-data-model"),
            ("API `v2` (beta)", "api-v2-beta"),
            ("snake_case_name", "snake_case_name"),
            ("项目准备阶段", "项目准备阶段"),
            ("Überblick", "überblick"),
            ("R&amp;D", "rd"),
        ];
        for (text, anchor) in cases {
            assert_eq!(github_anchor(text), anchor, "{text}");
        }
        assert_eq!(heading_text(Some("1"), "项目准备阶段"), "1 项目准备阶段");
        assert_eq!(github_anchor("1 项目准备阶段"), "1-项目准备阶段");
    }

    #[test]
    fn the_loose_key_is_the_words_alone() {
        assert_eq!(loose_key("Phase 1: Setup ✅"), "phase1setup");
        assert_eq!(loose_key("phase-1-setup-"), "phase1setup");
        assert_eq!(loose_key("R&amp;D"), "rd");
    }

    #[test]
    fn shortcodes_are_left_out_as_their_emoji_are() {
        assert_eq!(
            without_shortcodes("Phase 1 :rocket: Launch").as_deref(),
            Some("Phase 1  Launch")
        );
        assert_eq!(without_shortcodes("At 10:30: lunch"), None);
        assert_eq!(without_shortcodes("No colon"), None);
        assert_eq!(without_shortcodes("a:b c:d").as_deref(), None);
    }

    #[test]
    fn repeated_headings_are_numbered_in_order() {
        let plan = crate::parse("# Plan\n\n## Setup\n\n## Setup\n\n## Setup-1\n\n## Setup\n");
        assert_eq!(
            plan.heading_anchors(),
            ["plan", "setup", "setup-1", "setup-1-1", "setup-2"]
        );
    }
}
