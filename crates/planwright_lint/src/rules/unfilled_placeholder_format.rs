//! Slots that describe a format rather than wait for a value: a date
//! pattern named as a format (`in YYYY-MM-DD format`, `written as
//! YYYY-MM-DD`), and the slots of a list or block that a line introduces
//! as the format, template or structure of something else (`Consolidate
//! findings in research.md using format:` over `- Decision: [what was
//! chosen]`). What such a block shows is how another file is to be
//! written; nothing in it is this plan's to fill.

use planwright_core::{BlockKind, Placeholder, TextRange};

use crate::Context;

/// The lists, code blocks, tables and paragraphs that the line before
/// them introduces as a format (see [`introduces_format`]), outermost
/// only, in source order. Worked out once per plan, and only for a plan
/// with a slot to judge.
pub(super) struct FormatBlocks(Vec<TextRange>);

impl FormatBlocks {
    pub(super) fn of(ctx: &Context<'_>) -> Self {
        let plan = ctx.plan;
        let paragraphs = plan
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.range);
        let mut found: Vec<TextRange> = plan
            .lists
            .iter()
            .map(|l| l.range)
            .chain(plan.code_blocks.iter().copied())
            .chain(plan.tables.iter().map(|t| t.range))
            .chain(paragraphs)
            .filter(|r| introduces_format(ctx.source, r.start as usize))
            .collect();
        found.sort_unstable_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        // Blocks nest or are apart: keeping the outermost leaves ranges
        // apart, which `contains` can search by their starts.
        let mut outer: Vec<TextRange> = Vec::with_capacity(found.len());
        for r in found {
            if outer.last().is_none_or(|o| !o.contains_range(r)) {
                outer.push(r);
            }
        }
        Self(outer)
    }

    pub(super) fn contains(&self, range: TextRange) -> bool {
        let at = self.0.partition_point(|b| b.start <= range.start);
        at > 0 && self.0[at - 1].contains_range(range)
    }
}

/// The nouns that name a shape to follow. Not `schema` or `layout`: plans
/// use them for this project's own design, which templates leave to fill.
const NOUNS: [&str; 3] = ["format", "template", "structure"];

/// Words between a lead and its noun (`in the following format`).
const BETWEEN: [&str; 8] = [
    "the",
    "a",
    "this",
    "that",
    "following",
    "same",
    "below",
    "standard",
];

/// Words that make the noun the shape the next lines follow: `using
/// format:`, `in this format:`, `with the same structure:`, `use this
/// template:`, `as per template:`.
const LEADS: [&str; 9] = [
    "using",
    "use",
    "in",
    "with",
    "per",
    "follow",
    "follows",
    "following",
    "into",
];

/// Whether the line before the one holding `start` ends by saying that
/// what follows is a format: a colon after a lead and a noun of
/// [`NOUNS`] (`using format:`, `in this format:`, `Use the following
/// template:`), or after `this`, `following` or `same` and the noun
/// (`Each entry takes the following structure:`). A label alone
/// (`**Format**:`, `**API Structure**:`) is not: a template names the
/// part of the plan to fill that way. Nor is `Fill in the template:`,
/// whose slots are to be filled here.
fn introduces_format(src: &str, start: usize) -> bool {
    let Some(head) = src.get(..start) else {
        return false;
    };
    let line_start = head.rfind('\n').map_or(0, |n| n + 1);
    let before = head[..line_start].trim_end();
    // The cheap test first: most blocks follow no colon.
    let tail = before.trim_end_matches(['*', '_', '`']);
    if !tail.ends_with(':') {
        return false;
    }
    // Only the line's last words matter: a bounded look back.
    let mut from = tail.len().saturating_sub(96);
    while !tail.is_char_boundary(from) {
        from -= 1;
    }
    let tail = &tail[from..tail.len() - 1];
    let tail = &tail[tail.rfind('\n').map_or(0, |n| n + 1)..];
    let mut words = tail
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    if !words
        .next()
        .is_some_and(|w| NOUNS.iter().any(|n| w.eq_ignore_ascii_case(n)))
    {
        return false;
    }
    let mut pointed = false;
    let mut lead = None;
    for w in words.by_ref() {
        if BETWEEN.iter().any(|b| w.eq_ignore_ascii_case(b)) {
            pointed |= !w.eq_ignore_ascii_case("the") && !w.eq_ignore_ascii_case("a");
            continue;
        }
        lead = Some(w);
        break;
    }
    match lead {
        Some(l) if LEADS.iter().any(|x| l.eq_ignore_ascii_case(x)) => {
            // `Fill in the template:`: `in` is the verb's, not a shape's.
            !(l.eq_ignore_ascii_case("in")
                && words.next().is_some_and(|w| w.eq_ignore_ascii_case("fill")))
        }
        _ => pointed,
    }
}

/// Whether a date pattern is the format dates are written in, not a date
/// left to write: `in YYYY-MM-DD format`, `format: YYYY-MM-DD`, `the ISO
/// format (YYYY-MM-DD)`, `**Date format:** YYYY-MM-DD`, `written as
/// YYYY-MM-DD`, `e.g. YYYY-MM-DD`, `due dates (YYYY-MM-DD)`, or a cell in
/// a column headed Format or Pattern. `after` is the source after the
/// slot. `**Date:** YYYY-MM-DD` and `**Date:** (YYYY-MM-DD)` are slots: a
/// field's value, not a word's gloss.
pub(super) fn describes_format(ctx: &Context<'_>, p: &Placeholder, after: &str) -> bool {
    // `as` covers `written as`, `formatted as`, `stored as`; `e.g.` and
    // `such as` give the pattern as an example of a shape, not a value.
    const WORDS: [&str; 9] = [
        "format",
        "format is",
        "pattern",
        "as",
        "e.g.",
        "e.g.,",
        "eg",
        "for example",
        "such as",
    ];
    // A word the pattern glosses in parentheses: `dates (YYYY-MM-DD)`.
    const GLOSSED: [&str; 4] = ["date", "dates", "timestamp", "timestamps"];
    let is_word = |text: &str, w: &str| {
        text.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
            && !text[w.len()..].starts_with(char::is_alphanumeric)
    };
    if is_word(after.trim_start_matches(' '), "format") && after.starts_with(' ') {
        return true;
    }
    // The words right before the slot, on its line: a bounded look back,
    // for a line of thousands of slots was quadratic.
    let at = p.range.start as usize;
    let mut from = at.saturating_sub(64);
    while !ctx.source.is_char_boundary(from) {
        from -= 1;
    }
    let head = ctx.source.get(from..at).unwrap_or_default();
    let head = &head[head.rfind('\n').map_or(0, |n| n + 1)..];
    let ends_with_word = |head: &str, w: &str| {
        head.len() >= w.len()
            && head.is_char_boundary(head.len() - w.len())
            && is_word(&head[head.len() - w.len()..], w)
            && !head[..head.len() - w.len()].ends_with(char::is_alphanumeric)
    };
    let glossed = head.strip_suffix('(').is_some_and(|word| {
        let word = word.trim_end_matches(' ').trim_end_matches(['*', '_']);
        after.starts_with(')') && GLOSSED.iter().any(|w| ends_with_word(word, w))
    });
    let head = head.trim_end_matches([' ', '(', ':', '*', '_', '`', '"', '=']);
    glossed || WORDS.iter().any(|w| ends_with_word(head, w)) || in_format_column(ctx, p)
}

/// Whether the slot is in a table cell under a header naming a format or
/// pattern (`| Field | Format |`).
fn in_format_column(ctx: &Context<'_>, p: &Placeholder) -> bool {
    let tables = &ctx.plan.tables;
    let at = tables.partition_point(|t| t.range.end < p.range.start);
    let Some(table) = tables.get(at).filter(|t| t.range.contains_range(p.range)) else {
        return false;
    };
    // Rows are in order: a binary search, not a walk per slot.
    let row = table.rows.partition_point(|r| r.range.end < p.range.start);
    let Some(row) = table
        .rows
        .get(row)
        .filter(|r| r.range.contains_range(p.range))
    else {
        return false;
    };
    let cell = row
        .cells
        .iter()
        .position(|c| c.range.contains_range(p.range));
    cell.is_some() && cell == table.column(&["format", "pattern"])
}
