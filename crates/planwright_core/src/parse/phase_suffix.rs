//! Phases named by words around their number rather than after a leading
//! phase word (`## Phase 1: Preparation`, see [`super::phase_head`]):
//! a numbered heading whose title ends in the word for "phase" (`## 1.
//! 项目准备阶段`, "1. project preparation phase"; `## 1. Preparation
//! Phase`), a Chinese ordinal (`## 第一阶段：需求分析`, "the first phase:
//! requirements"), and a phase word after a word that qualifies the phase
//! (`## Optional Stage G — Backend`).
//!
//! Like the words before a number, the words here are data: a language is
//! added by adding its word and the ways its titles use the word for
//! "phases" in general rather than naming one.

use super::{PhaseHead, PhaseKind, phase_head, titled_head};
use crate::model::Text;

/// Words that end the title of a numbered heading naming a phase, and the
/// kind each names: Simplified and Traditional Chinese "phase, stage".
/// The word is part of the title it ends (`准备阶段`, "preparation phase").
const PHASE_SUFFIXES: &[(&str, PhaseKind)] =
    &[("阶段", PhaseKind::Phase), ("階段", PhaseKind::Phase)];

/// What ends a title before its suffix when the title speaks of phases in
/// general: "each" (各阶段), "every" (每个阶段), "all" (所有阶段), "by"
/// (分阶段), "many" (多阶段), "different" (不同阶段), "several" (几个阶段),
/// and the measure word a count takes (三个阶段, "three phases").
const GENERAL_ENDS: &[&str] = &[
    "各", "每", "所有", "分", "多", "不同", "个", "個", "几", "幾", "些",
];

/// Chinese numerals: before the suffix they count phases (三阶段, "three
/// phases"; 下一阶段, "the next phase") unless 第 makes them an ordinal
/// (第三阶段, "the third phase").
const NUMERALS: &[char] = &[
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '两', '兩',
];

/// Words written apart that end the title of a numbered heading naming a
/// phase, and the kind each names: English `1. Preparation Phase`, `2.
/// Build Stage`. The word says what the heading is, not what the phase is
/// called, and is cut from the title (`Preparation`).
const SPACED_SUFFIXES: &[(&str, PhaseKind)] =
    &[("phase", PhaseKind::Phase), ("stage", PhaseKind::Stage)];

/// Words that make a title before a [`SPACED_SUFFIXES`] word a phrase
/// about phases rather than a phase's name, wherever they stand in it:
/// `Ground rules for every stage`, `Work in the Testing Phase`, `Out of
/// scope for this phase`.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "each", "every", "all", "any", "our",
    "its", "your", "their", "which", "what", "whose",
];

/// Words that, right before a [`SPACED_SUFFIXES`] word, say which phase
/// relative to another (`Next Phase`, `Current Stage`) or phases in
/// general (`Per Phase`, `Multi Stage`): no phase's name.
const GENERAL_BEFORE: &[&str] = &[
    "next",
    "previous",
    "prior",
    "current",
    "same",
    "other",
    "another",
    "later",
    "following",
    "subsequent",
    "given",
    "single",
    "one",
    "multi",
    "per",
    "by",
    "for",
    "of",
    "in",
    "during",
    "before",
    "after",
];

/// Words before a phase word that say the phase may be skipped: `Optional
/// Stage G — Backend`. The model has no such mark for a phase, so the word
/// stays in the title (`Optional — Backend`); without it the heading is
/// no phase at all, where its siblings (`Stage F — Docs`) are.
const QUALIFIERS: &[&str] = &["optional", "bonus", "stretch"];

/// The separator a [`QUALIFIERS`] word is written back into the title
/// with, before the rest of the title.
const QUALIFIER_SEPARATOR: &str = " — ";

/// Chinese numerals as an ordinal after 第 writes them, and their values;
/// 十 ("ten") combines with them (十二 twelve, 二十 twenty).
const ORDINAL_DIGITS: &[(char, u32)] = &[
    ('零', 0),
    ('〇', 0),
    ('一', 1),
    ('二', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
];

/// The word that makes the number after it an ordinal: 第三 "the third".
pub(super) const ORDINAL_MARK: &str = "第";

/// The phase a heading opens, from its `number` (the section number
/// before the title, if any) and `title`: `Phase 2: Build`, `Optional
/// Stage G`, or a title under a whole number that ends in a word of
/// [`PHASE_SUFFIXES`] or [`SPACED_SUFFIXES`] (`1. 准备阶段`, `1.
/// Preparation Phase`, its estimate or other bracket after it allowed).
/// A part's number (`1.2 测试阶段`) numbers a section of a section more
/// often than a phase, and is left as it is read: a section.
pub(crate) fn heading_phase_head(number: Option<&str>, title: &str) -> Option<PhaseHead> {
    phase_head(title)
        .or_else(|| qualified_head(title))
        .or_else(|| {
            let number = number.filter(|n| n.bytes().all(|b| b.is_ascii_digit()))?;
            let (kind, title) = suffix_kind(title)?;
            let mark = super::super::head_status::leading(&title);
            Some(titled_head(kind, Text::from(number), &title, mark))
        })
}

/// `第一阶段：需求分析`, `第 2 階段 开发`: the phase an ordinal names, its
/// number as digits (`1`, so that `Phase 1` elsewhere names it) and its
/// title what follows a separator or white space. Words glued to the
/// suffix (`第一阶段的任务`, "the first phase's tasks") speak of the
/// phase, and name none. `text` opens with [`ORDINAL_MARK`]; `mark` is a
/// status written before it (`✅ 第一阶段`).
pub(super) fn ordinal_parts<'a>(
    text: &'a str,
    mark: Option<&'a str>,
) -> Option<(PhaseKind, Text, &'a str, Option<&'a str>)> {
    let rest = text.strip_prefix(ORDINAL_MARK)?;
    let number_len = rest
        .find(|c: char| {
            !(c.is_ascii_digit() || c == ' ' || c == '十' || ordinal_digit(c).is_some())
        })
        .unwrap_or(rest.len());
    let (kind, after) = PHASE_SUFFIXES
        .iter()
        .find_map(|&(suffix, kind)| Some((kind, rest[number_len..].strip_prefix(suffix)?)))?;
    let number = ordinal_value(rest[..number_len].trim())?;
    let trimmed = after.trim_start();
    let separated = trimmed.len() < after.len()
        || trimmed.is_empty()
        || trimmed.starts_with([
            ':', '：', '、', '-', '–', '—', '.', '．', '(', '（', '[', '【',
        ]);
    if !separated {
        return None;
    }
    let title = trimmed
        .strip_prefix([':', '：', '、', '-', '–', '—', '.', '．'])
        .unwrap_or(trimmed)
        .trim_start();
    Some((kind, Text::from(number.to_string()), title, mark))
}

/// The value of an ordinal's number: ASCII digits, or Chinese numerals up
/// to 九十九 (99); none for anything else (两, 百, words).
fn ordinal_value(number: &str) -> Option<u32> {
    if !number.is_empty() && number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit()) {
        return number.parse().ok();
    }
    let digit = ordinal_digit;
    let mut chars = number.chars();
    match (chars.next()?, chars.next(), chars.next(), chars.next()) {
        ('十', None, _, _) => Some(10),
        (c, None, _, _) => digit(c),
        ('十', Some(ones), None, _) => Some(10 + digit(ones).filter(|&v| v > 0)?),
        (tens, Some('十'), None, _) => Some(10 * digit(tens).filter(|&v| v > 1)?),
        (tens, Some('十'), Some(ones), None) => {
            Some(10 * digit(tens).filter(|&v| v > 1)? + digit(ones).filter(|&v| v > 0)?)
        }
        _ => None,
    }
}

/// The value of one Chinese numeral of [`ORDINAL_DIGITS`].
fn ordinal_digit(c: char) -> Option<u32> {
    ORDINAL_DIGITS
        .iter()
        .find_map(|&(d, v)| (d == c).then_some(v))
}

/// `Optional Stage G — Backend`: a phase head after a word of
/// [`QUALIFIERS`], the word kept at the front of its title.
fn qualified_head(title: &str) -> Option<PhaseHead> {
    // Most titles open with another letter: one byte tells.
    let first = title.as_bytes().first()?.to_ascii_lowercase();
    let word = QUALIFIERS.iter().find_map(|q| {
        let word = title.get(..q.len()).filter(|_| q.as_bytes()[0] == first)?;
        word.eq_ignore_ascii_case(q).then_some(word)
    })?;
    let rest = &title[word.len()..];
    let rest = rest.trim_start();
    if rest.len() == title.len() - word.len() {
        return None;
    }
    let mut head = phase_head(rest)?;
    let mut named =
        String::with_capacity(word.len() + QUALIFIER_SEPARATOR.len() + head.title.len());
    named.push_str(word);
    if !head.title.is_empty() {
        named.push_str(QUALIFIER_SEPARATOR);
        named.push_str(&head.title);
    }
    head.title = Text::from(named);
    Some(head)
}

/// The kind of phase `title` names by its last word, brackets, a status
/// and the punctuation after it aside (`开发阶段（3 天）`, `Build Phase
/// ✅`), and the title the phase takes; none for a title that is the word
/// alone or speaks of phases in general.
fn suffix_kind(title: &str) -> Option<(PhaseKind, std::borrow::Cow<'_, str>)> {
    let words = without_trailing_brackets(title);
    glued_kind(words)
        .map(|kind| (kind, title.into()))
        .or_else(|| spaced_kind(title, words))
        .or_else(|| {
            // `构建阶段 ✅`, `Build Phase ✅ Done`: the status ends the title.
            let (rest, _) = super::super::head_status::trailing(words)?;
            let words = without_trailing_brackets(rest);
            glued_kind(words)
                .map(|kind| (kind, title.into()))
                .or_else(|| spaced_kind(title, words))
        })
}

/// The kind [`PHASE_SUFFIXES`] gives `words`, a title's words before its
/// brackets.
fn glued_kind(words: &str) -> Option<PhaseKind> {
    PHASE_SUFFIXES.iter().find_map(|&(suffix, kind)| {
        let stem = words.strip_suffix(suffix)?.trim_end();
        let general = stem.is_empty()
            || GENERAL_ENDS.iter().any(|e| stem.ends_with(e))
            || counts_phases(stem);
        (!general).then_some(kind)
    })
}

/// The kind [`SPACED_SUFFIXES`] gives `words`, the opening of `title`
/// before its brackets, and `title` without the word: `Build (3 days)` of
/// `Build Phase (3 days)`.
fn spaced_kind<'t>(title: &'t str, words: &str) -> Option<(PhaseKind, std::borrow::Cow<'t, str>)> {
    // Most titles end in another letter: one byte tells.
    let last = words.as_bytes().last()?.to_ascii_lowercase();
    let (kind, stem) = SPACED_SUFFIXES.iter().find_map(|&(word, kind)| {
        if word.as_bytes()[word.len() - 1] != last {
            return None;
        }
        let at = words.len().checked_sub(word.len())?;
        if !words.get(at..)?.eq_ignore_ascii_case(word) {
            return None;
        }
        // A word of its own: not `Backstage` nor `Multi-Phase`.
        let stem = words[..at].strip_suffix(char::is_whitespace)?.trim_end();
        Some((kind, stem))
    })?;
    let mut stem_words = stem.split_whitespace();
    let named_last = stem_words
        .next_back()
        .is_some_and(|w| !is_one_of(GENERAL_BEFORE, w) && !is_one_of(DETERMINERS, w));
    if !named_last || stem_words.any(|w| is_one_of(DETERMINERS, w)) {
        return None;
    }
    let after = &title[words.len()..];
    let mut named = String::with_capacity(stem.len() + after.len());
    named.push_str(stem);
    named.push_str(after);
    Some((kind, named.into()))
}

fn is_one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `stem` ends in a numeral that counts phases rather than
/// ordering them (`分为三`, `下一`, not `第三`).
fn counts_phases(stem: &str) -> bool {
    let before = stem.trim_end_matches(NUMERALS);
    before.len() < stem.len() && !before.ends_with('第')
}

/// `title` without the brackets, white space and closing punctuation that
/// end it: `开发阶段` of `开发阶段 (P0)：` and of `开发阶段（3 天）`. A
/// bracket left open ends nothing.
fn without_trailing_brackets(title: &str) -> &str {
    const PAIRS: [(char, char); 4] = [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')];
    let mut rest = title;
    loop {
        let trimmed = rest.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：'));
        let open = PAIRS.iter().find_map(|&(open, close)| {
            let inner = trimmed.strip_suffix(close)?;
            inner.rfind(open).map(|at| &inner[..at])
        });
        match open {
            Some(before) => rest = before,
            None => return trimmed,
        }
    }
}

#[cfg(test)]
#[path = "phase_suffix_tests.rs"]
mod tests;
