//! A plan's title and a heading's number: `# Implementation Plan: Dark
//! mode` is titled `Dark mode`, with the exact bytes of those words;
//! `7.1 Data Model` is numbered `7.1`.

use super::{TextRange, Title};

/// `7.1 Data Model` → (`7.1`, `Data Model`); `1. Summary` → (`1`, `Summary`).
pub(super) fn split_number(title: &str) -> (Option<&str>, &str) {
    let digits_end = title
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(title.len(), |(i, _)| i);
    let number = title[..digits_end].trim_end_matches('.');
    let rest = &title[digits_end..];
    if number.is_empty()
        || !number.starts_with(|c: char| c.is_ascii_digit())
        || !rest.starts_with([' ', '\t'])
    {
        return (None, title);
    }
    (Some(number), rest.trim_start())
}

/// Whether a heading's title names a task by its id: `T001: Add the
/// endpoint`, `[ ] T-002 Upload`, `**T003** Wire it`. Only ids led by
/// capitals: a number (`1.2 Architecture`) numbers sections as often.
pub(super) fn names_a_task(title: &str) -> bool {
    let rest = ["[ ]", "[x]", "[X]"]
        .iter()
        .find_map(|b| title.strip_prefix(b))
        .unwrap_or(title)
        .trim_start()
        .trim_start_matches(['*', '_']);
    rest.starts_with(|c: char| c.is_ascii_uppercase())
        && super::items::task_id_len(rest).is_some_and(|len| {
            rest[len..]
                .trim_start_matches(['*', '_'])
                .chars()
                .next()
                .is_none_or(|c| matches!(c, ':' | ' ' | '.' | '-' | '–' | '—'))
        })
}

pub(super) const TITLE_PREFIXES: &[&str] = &[
    "implementation plan:",
    "implementation plan -",
    "implementation plan –",
    "implementation plan —",
    "plan:",
    "tasks:",
    "feature:",
];

pub(super) const TITLE_SUFFIXES: &[&str] = &[
    "– implementation plan template",
    "- implementation plan template",
    "— implementation plan template",
    "– implementation plan",
    "- implementation plan",
    "— implementation plan",
];

/// The plan's title from its first level-1 heading, whose plain text is
/// `plain`: template words such as `Tasks:` removed. Its range runs from
/// the title's first character in the heading to its last, with the
/// emphasis or link markup around them (`**Bold** title` for the title
/// `Bold title`), so it slices to the title as written; the whole heading
/// where the text cannot be found in it.
pub(super) fn make_title(src: &str, heading: TextRange, plain: &str) -> Title {
    let mut start = plain.len() - plain.trim_start().len();
    let mut end = plain.trim_end().len().max(start);
    for p in TITLE_PREFIXES {
        let text = &plain[start..end];
        if text.len() >= p.len()
            && text.is_char_boundary(p.len())
            && text[..p.len()].eq_ignore_ascii_case(p)
        {
            let rest = &text[p.len()..];
            start += p.len() + (rest.len() - rest.trim_start().len());
            break;
        }
    }
    let text = &plain[start..end];
    let lower = text.to_lowercase();
    for s in TITLE_SUFFIXES {
        if lower.ends_with(s) && lower.len() == text.len() {
            end = start + text[..text.len() - s.len()].trim_end().len();
            break;
        }
    }
    let text = &plain[start..end];
    let range = title_span(heading.slice(src), plain, start, end).map_or(heading, |(s, e)| {
        TextRange::new(heading.start as usize + s, heading.start as usize + e)
    });
    Title {
        text: text.into(),
        range,
        heading,
    }
}

/// Where `plain[start..end]` stands in `source`, the heading it was read
/// from. Each character of `plain` is found in turn after the one before
/// (markup and escapes between them are skipped; white space
/// matches any white space, as a line break reads as a space), after the
/// `#` opening of an ATX heading. The span then takes in the emphasis
/// markup around it, and a link's `](target)` after it.
fn title_span(source: &str, plain: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if start >= end {
        return None;
    }
    let opening = source.len() - source.trim_start_matches(' ').len();
    let mut at = if source[opening..].starts_with('#') {
        let after = source[opening..].trim_start_matches('#');
        source.len() - after.trim_start_matches([' ', '\t']).len()
    } else {
        0
    };
    let (mut first, mut last) = (None, 0);
    for (i, c) in plain.char_indices().take_while(|&(i, _)| i < end) {
        let (found, len) = source[at..].char_indices().find_map(|(j, d)| {
            let same = d == c || (c.is_whitespace() && d.is_whitespace());
            same.then_some((at + j, d.len_utf8()))
        })?;
        at = found + len;
        if i >= start {
            first.get_or_insert(found);
            last = at;
        }
    }
    let first = first?;
    const MARKUP: &[char] = &['*', '_', '`', '~'];
    let opened = source[..first].trim_end_matches(MARKUP);
    let opened = opened.strip_suffix('[').unwrap_or(opened);
    let mut last = source.len() - source[last..].trim_start_matches(MARKUP).len();
    if source[last..].starts_with("](")
        && let Some(close) = source[last..].find(')')
    {
        last += close + 1;
        last = source.len() - source[last..].trim_start_matches(MARKUP).len();
    }
    Some((opened.len(), last))
}
