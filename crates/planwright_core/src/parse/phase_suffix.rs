//! Phases named by a word after their title: Chinese writes a phase as a
//! numbered heading whose title ends in the word for "phase" (`## 1.
//! 项目准备阶段`, "1. project preparation phase"), where English puts the
//! word first (`## Phase 1: Preparation`, see [`super::phase_head`]).
//!
//! Like the words before a number, the words here are data: a language is
//! added by adding its word and the ways its titles use the word for
//! "phases" in general rather than naming one.

use super::{PhaseHead, PhaseKind, phase_head, titled_head};
use crate::model::Text;

/// Words that end the title of a numbered heading naming a phase, and the
/// kind each names: Simplified and Traditional Chinese "phase, stage".
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

/// The phase a heading opens, from its `number` (the section number
/// before the title, if any) and `title`: `Phase 2: Build`, or a title
/// under a whole number that ends in a word of [`PHASE_SUFFIXES`] (`1.
/// 准备阶段`, its estimate or other bracket after it allowed). A part's
/// number (`1.2 测试阶段`) numbers a section of a section more often than
/// a phase, and is left as it is read: a section.
pub(crate) fn heading_phase_head(number: Option<&str>, title: &str) -> Option<PhaseHead> {
    phase_head(title).or_else(|| {
        let number = number.filter(|n| n.bytes().all(|b| b.is_ascii_digit()))?;
        let kind = suffix_kind(title)?;
        let mark = super::super::head_status::leading(title);
        Some(titled_head(kind, Text::from(number), title, mark))
    })
}

/// The kind of phase `title` names by its last word, brackets and the
/// punctuation after it aside (`开发阶段（3 天）`); none for a title that
/// is the word alone or speaks of phases in general.
fn suffix_kind(title: &str) -> Option<PhaseKind> {
    let words = without_trailing_brackets(title);
    PHASE_SUFFIXES.iter().find_map(|&(suffix, kind)| {
        let stem = words.strip_suffix(suffix)?.trim_end();
        let general = stem.is_empty()
            || GENERAL_ENDS.iter().any(|e| stem.ends_with(e))
            || counts_phases(stem);
        (!general).then_some(kind)
    })
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
