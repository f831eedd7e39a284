//! The `[bracket]` recogniser, the shape with the most look-alikes:
//! Markdown writes links, references, footnotes and check boxes in
//! brackets, and plans write task markers (`[P]`, `[US1]`), tags and
//! legends so. A bracket is a slot only in the shapes templates use.
//!
//! Apart from the other recognisers in `inline.rs` for its size: it judges
//! a bracket by more than any other shape, in part by the rest of the
//! bracket's line (`inline_line.rs`).

use super::line::{Line, is_reference_id};
use super::{Found, boundary_before, clarify, closing};
use crate::model::{PlaceholderKind, normalize_key};

/// `line` is where `text` lies in the whole source, for the judgements
/// that need the rest of the bracket's line; `None` in code.
pub(super) fn bracket(text: &str, i: usize, line: Option<Line<'_>>) -> Found {
    // spec-kit's marker is a slot whatever its question holds (quotes,
    // backticks, more than 160 bytes), which the tests below would refuse.
    if text.as_bytes().get(i + 1) == Some(&b'N')
        && let Some(found) = clarify::enclosed(text, i)
    {
        return Some(found);
    }
    let close = closing(text, i, b']', b'[')?;
    let inner = &text[i + 1..close];
    // `[P]`, `[x]`, `[-]`, `[1]`: marks and markers, the common case, are
    // too short to be a slot (a slot word has three letters or more).
    if inner.len() < 3 {
        return None;
    }
    let next = text.as_bytes().get(close + 1).copied();
    // Links, reference links, footnotes, images, escaped brackets.
    if matches!(next, Some(b'(' | b'[')) || !boundary_before(text, i) {
        return None;
    }
    // `[X]:` is a slot (`## [COMPONENT]: details`) unless it is shaped as
    // a link reference definition. pulldown-cmark consumes the real ones,
    // so they never reach this scan; what does reach it with that shape
    // is a definition that could not interrupt its paragraph, still meant
    // as one (`[Spec]: ./spec.md` under a line of text).
    if next == Some(b':') && line.is_some_and(|l| l.definition_shaped(i, close)) {
        return None;
    }
    if text[..i].ends_with('!') || inner.starts_with('^') || inner.len() > 160 {
        return None;
    }
    let after = &text[close + 1..];
    // `[Story] = the user story` defines a legend term (a run of terms
    // split by markup, `**[A]**, **[B]** = …`, is judged per block in
    // `drop_legend_terms`; this catches the single term in cells and
    // headings too); `the [Authorize] attribute` names a C# (or Rust,
    // Python) attribute.
    if after.starts_with(" =")
        || starts_with_word(after.trim_start_matches(['*', '_']), "attribute")
    {
        return None;
    }
    let trimmed = inner.trim();
    // `[P after migration]`: spec-kit's parallel marker with a note.
    if trimmed.starts_with("P ") {
        return None;
    }
    let first = trimmed.chars().next()?;
    if !(first.is_alphabetic() || first == '#')
        || is_not_bracket_slot(trimmed)
        || super::tags::is_label(text, i, close, trimmed, line)
    {
        return None;
    }
    // `[depends: T005]`, `[after T004]`: the task reader reads a
    // dependency there; `[Depends on: X]` it does not, and stays a slot.
    if crate::parse::refs::is_dependency_marker(trimmed) {
        return None;
    }
    // Bytes, not chars: these are ASCII, which no byte of a longer
    // character can be.
    if trimmed.bytes().any(|b| matches!(b, b'"' | b'=' | b'`')) {
        return None;
    }
    let letters = if trimmed.is_ascii() {
        trimmed.bytes().filter(u8::is_ascii_alphabetic).count()
    } else {
        trimmed.chars().filter(|c| c.is_alphabetic()).count()
    };
    let accepted = if is_lower_word_list(trimmed) {
        // `[admin, editor]`: values, listed as one lower-case word is a
        // reference (below); a slot only as a field's whole value
        // (`**Roles:** [admin, editor]`).
        line.is_some_and(|l| l.whole_field_value(i, close))
    } else if trimmed.contains(' ') {
        letters >= 2 && !trimmed.split(' ').any(is_reference_id) && !is_citation(trimmed)
    } else if trimmed.contains('#') {
        true
    } else {
        // One word: `[DATE]`, `[FEATURE_NAME]`, `[Title]` are slots; `[P]`,
        // `[US1]`, `[x]`, `[link]` are markers, marks or references.
        let no_digits = !trimmed.chars().any(|c| c.is_ascii_digit());
        let all_caps = trimmed
            .chars()
            .all(|c| c.is_uppercase() || c == '_' || c == '-' || c == '/');
        let capitalised = first.is_uppercase()
            && trimmed
                .chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '/' || c == '-');
        // A lower-case word is a slot only as a field's whole value
        // (`**Date:** [date]`): elsewhere it reads as a reference link
        // (`see [docs]`).
        let lower = || {
            trimmed
                .chars()
                .all(|c| c.is_lowercase() || c == '_' || c == '-')
                && line.is_some_and(|l| l.whole_field_value(i, close))
        };
        no_digits && letters >= 3 && (all_caps || capitalised || lower())
    };
    // One word that emphasis sets off whole (`**[LEGACY]**`) is a term the
    // plan uses, a tag or a label, not a slot: a slot is written in a
    // field or a sentence, or names what to write in words. Not a name
    // made of words joined by `_` (`**[PROJECT_NAME]**`), as templates
    // name slots, nor a word that asks for work (`**[TODO]**`).
    let term = || {
        !trimmed.contains([' ', '_'])
            && !["TODO", "TBD", "TBA", "FIXME", "XXX"]
                .iter()
                .any(|w| trimmed.eq_ignore_ascii_case(w))
            && line.is_some_and(|l| l.set_off(i, close))
    };
    (accepted && !term()).then(|| {
        (
            close + 1,
            PlaceholderKind::Bracket,
            Some(normalize_key(trimmed)),
        )
    })
}

/// Markers and attributes that look like `[...]` but are not slots.
/// `inner` comes trimmed.
fn is_not_bracket_slot(inner: &str) -> bool {
    let inner = inner.as_bytes();
    // Each marker starts with one of five letters: most brackets are ruled
    // out by their first byte, before ten comparisons.
    if !inner
        .first()
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), b'p' | b's' | b'o' | b'e' | b'u'))
    {
        return false;
    }
    // Keep a Changelog's heading for changes not yet released.
    if inner.eq_ignore_ascii_case(b"unreleased") {
        return true;
    }
    [
        "priority:",
        "p0",
        "p1",
        "p2",
        "p3",
        "status:",
        "owner:",
        "size:",
        "effort:",
        "estimate:",
    ]
    .iter()
    .any(|p| inner.len() >= p.len() && inner[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

/// `Smith 2020`, `Okafor et al., 2019`, `Lee & Park 2021a`, `van Dijk
/// 2018; Ito 2020`: a citation, one or two authors' names (or the first
/// and `et al.`) and a year, which names a source rather than a slot.
/// A name is Capitalised, with a lower-case letter: `[AUTHOR 2020]` and
/// `[Project Name 2026]` (two words, no `&`, `and` or `et al.` between
/// them) stay slots, as does `[YEAR]`.
fn is_citation(inner: &str) -> bool {
    // Most brackets end with a letter: one byte rules them out.
    if !inner.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return false;
    }
    inner.split(';').all(|one| {
        let one = one.trim();
        let Some((names, year)) = one.rsplit_once(' ') else {
            return false;
        };
        let year = year
            .strip_suffix(|c: char| c.is_ascii_lowercase())
            .unwrap_or(year);
        let is_year = year.len() == 4
            && year.starts_with(['1', '2'])
            && year.bytes().all(|b| b.is_ascii_digit());
        is_year && is_authors(names.trim_end_matches(','))
    })
}

/// `Smith`, `Smith et al.`, `Lee & Park`, `Lee and Park`, `van Dijk`.
fn is_authors(names: &str) -> bool {
    let names = names
        .strip_suffix(" et al.")
        .or_else(|| names.strip_suffix(" et al"))
        .unwrap_or(names);
    let mut authors = 0;
    let mut joined = true;
    for word in names.split(' ').filter(|w| !w.is_empty()) {
        if ["&", "and"].contains(&word) && !joined {
            joined = true;
            continue;
        }
        // A surname's particle: `van Dijk`, `de la Cruz`.
        if [
            "van", "von", "de", "der", "den", "la", "le", "di", "da", "du",
        ]
        .contains(&word)
        {
            continue;
        }
        let name = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase)
            && word.chars().all(|c| c.is_alphabetic() || "'’-".contains(c));
        if !name || !joined {
            return false;
        }
        authors += 1;
        joined = false;
    }
    (1..=2).contains(&authors) && !joined
}

/// `admin, editor`: single lower-case words split by commas.
pub(super) fn is_lower_word_list(inner: &str) -> bool {
    inner.contains(',')
        && inner.split(',').all(|w| {
            let w = w.trim();
            !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '_' || c == '-')
        })
}

/// Whether `text` starts with `word` as a whole word, after spaces.
fn starts_with_word(text: &str, word: &str) -> bool {
    let rest = text.trim_start();
    rest.len() < text.len()
        && rest.starts_with(word)
        && !rest[word.len()..].starts_with(|c: char| c.is_alphanumeric() && c != 's')
}

#[cfg(test)]
#[path = "inline_bracket_tests.rs"]
mod tests;
