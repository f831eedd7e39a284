//! Bracketed words that plans write as labels, not slots: a tag that
//! states a state, a priority, a kind of change or a stage (`[DRAFT]`,
//! `[HIGH]`, `[BREAKING]`, `[MVP]`), a word that labels the heading or
//! list item it opens (`- [Backend] Add the endpoint`), a reference to an
//! issue (`[#123]`) and a key to press (`[Ctrl]+[S]`).
//!
//! The line drawn: a slot names what to write (`[DATE]`, `[FEATURE
//! NAME]`, `[Title]`, `[###-feature-name]`); a tag is a value already
//! written. So a word from the tag vocabulary is a tag wherever it
//! stands, and any other single word is one only where labels stand, at
//! the head of a heading or list item with the item's own words after
//! it. Names joined by `_` (`[FEATURE_NAME]`) are how templates name
//! slots and stay slots there too, as do words that ask for work
//! (`[TODO]`, `[TBD]`), and a bracket followed by a colon
//! (`## [COMPONENT]: details`) or by nothing (`## [Title]`).

use super::braces::is_key_name;
use super::line::Line;

/// Whether the trimmed bracket content `inner`, opening at `open` and
/// closing at `close` in `text` (relative to the run `line` starts with),
/// is a label rather than a slot.
pub(super) fn is_label(
    text: &str,
    open: usize,
    close: usize,
    inner: &str,
    line: Option<Line<'_>>,
) -> bool {
    is_tag_word(inner)
        || is_issue_ref(inner)
        || is_key_name(inner)
        || in_key_combo(text, open, close)
        || (is_label_word(inner) && line.is_some_and(|l| l.heads_item(open, close)))
}

/// Words that state a value: a state, a priority or severity, a kind of
/// change, a stage of delivery. None names a kind of content, as a slot
/// does; `FEATURE` or `COMPONENT` are not here for that reason.
const TAG_WORDS: &[&str] = &[
    // States.
    "draft",
    "wip",
    "in progress",
    "done",
    "complete",
    "completed",
    "blocked",
    "skipped",
    "deprecated",
    "optional",
    "new",
    "deferred",
    "obsolete",
    "superseded",
    "pending",
    "planned",
    "proposed",
    "accepted",
    "approved",
    "rejected",
    "cancelled",
    "canceled",
    "paused",
    "on hold",
    "resolved",
    "shipped",
    "released",
    "merged",
    // Priorities and severities.
    "high",
    "medium",
    "low",
    "critical",
    "urgent",
    "blocker",
    "major",
    "minor",
    "trivial",
    // Kinds of change, as changelogs and commit tags write them.
    "breaking",
    "added",
    "changed",
    "removed",
    "fixed",
    "bugfix",
    "hotfix",
    // Stages.
    "mvp",
    "poc",
    "alpha",
    "beta",
    "experimental",
    "stable",
    "preview",
];

fn is_tag_word(inner: &str) -> bool {
    // Most brackets are longer than any tag: one compare rules them out.
    inner.len() <= 12 && TAG_WORDS.iter().any(|t| inner.eq_ignore_ascii_case(t))
}

/// `#123`, `#12, #34`: issue or pull request numbers, which name work
/// that exists. `[###-feature-name]` (spec-kit's branch slot) is no
/// such list.
fn is_issue_ref(inner: &str) -> bool {
    inner.split(',').all(|one| {
        one.trim()
            .strip_prefix('#')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// `[Ctrl]+[S]`, `[Cmd]+S`, `Shift+[Tab]`: a bracket joined by `+` to a
/// key on either side, with no space between (`[NUMBER]+ users` is a
/// slot and a plus).
fn in_key_combo(text: &str, open: usize, close: usize) -> bool {
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '[' || c == ']');
    let after = text.get(close + 1..).unwrap_or_default();
    let before = text.get(..open).unwrap_or_default();
    after
        .strip_prefix('+')
        .is_some_and(|rest| glued(rest.chars().next()))
        || before
            .strip_suffix('+')
            .is_some_and(|rest| glued(rest.chars().next_back()))
}

/// One word of letters (`BREAKING`, `Backend`, `CI/CD`) that may label
/// what follows it. Not a name joined by `_` nor one that holds a digit
/// or `#`, nor a word that asks for work: those are slots and markers.
fn is_label_word(inner: &str) -> bool {
    inner
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '/')
        && !["TODO", "TBD", "TBA", "FIXME", "XXX"]
            .iter()
            .any(|w| inner.eq_ignore_ascii_case(w))
}
