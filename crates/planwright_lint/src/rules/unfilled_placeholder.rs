//! Flags template slots left unfilled: `[FEATURE NAME]`, `{FEATURE_TITLE}`,
//! `{{feature_name}}`, `<Project / Feature Name>`, `$ARGUMENTS`,
//! `X hours/days`, `YYYY-MM-DD` and `(TBD)`.
//!
//! ## What it does
//! Reports every placeholder the reader found in the plan's text, tables and
//! metadata, except unresolved choice lists (PW106) and paragraphs copied
//! from the template (PW102), which have rules of their own.
//!
//! A slot before a colon counts (`## [COMPONENT]: details`); a link
//! reference definition (`[spec]: ./spec.md`), a footnote and a term set
//! off by markup (`**[Story]**: which story`) do not. A lower-case word in
//! brackets, or a list of such words, is a slot only as a bold field's
//! whole value (`**Date:** [date]`, `**Roles:** [admin, editor]`):
//! elsewhere it reads as a reference link or a list of values (`roles are
//! [admin, editor]`). A date pattern that describes a format is not a
//! slot either: `in YYYY-MM-DD format`, `format: YYYY-MM-DD`, `the ISO
//! format (YYYY-MM-DD)`, or a cell in a column headed Format or Pattern;
//! `**Date:** YYYY-MM-DD` is.
//!
//! ## Why
//! A slot nobody filled is a question nobody answered. Readers (and coding
//! agents following the plan) take the bracketed words for content.
//!
//! ## Example
//! ```markdown
//! **Feature Branch**: `[###-feature-name]`
//! **Estimated Time:** X hours/days
//! ```
//!
//! ## Fix
//! Write the real value, or delete the line if it does not apply. There is
//! no automatic fix: only the author knows the value.

use planwright_core::{Placeholder, PlaceholderKind};

use super::Sink;
use crate::Context;
use crate::util::shorten;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for p in &ctx.plan.placeholders {
        if is_notation(ctx, p) {
            continue;
        }
        let what = match p.kind {
            PlaceholderKind::Choice | PlaceholderKind::TemplateText => continue,
            PlaceholderKind::Estimate => "estimate",
            PlaceholderKind::Date => "date",
            PlaceholderKind::Tbd => "value marked TBD",
            PlaceholderKind::Arguments => "`$ARGUMENTS` slot",
            _ => "placeholder",
        };
        let shown = shorten(&p.text);
        let place = if p.in_metadata { " in metadata" } else { "" };
        out.report(p.range, format!("unfilled {what} `{shown}`{place}"))
            .primary_label("left from the template")
            .help("replace it with the real value, or remove the line if it does not apply");
    }
}

/// Slot-shaped text that finished plans write on purpose, learnt from the
/// corpus (`planwright lint` over real plans marked as having no slots):
/// a pattern inside an identifier or a quoted literal (`ownership:<ULID>`,
/// `v{N}`, `"{CHECKOUT_SESSION_ID}"`, a code span holding only the slot
/// outside the metadata), a term being defined (`**[Story]**:
/// which story`), the markers in front of a task's text (`[P] [CI/CD]`), a
/// status tag (`[COMPLETED]`), a type in a sketch of data (`[<ULID>, ...]`,
/// `{ id: <ULID> }`), and estimates in prose (`in N days`) rather than the
/// template's `X hours/days`.
fn is_notation(ctx: &Context<'_>, p: &Placeholder) -> bool {
    let src = ctx.source;
    let before = src
        .get(..p.range.start as usize)
        .and_then(|s| s.chars().next_back());
    let after = src.get(p.range.end as usize..).unwrap_or_default();
    let next = after.chars().next();
    let joined =
        |c: Option<char>, set: &str| c.is_some_and(|c| c.is_alphanumeric() || set.contains(c));
    let quoted = matches!(
        (before, next),
        (Some('"'), Some('"')) | (Some('\''), Some('\'')) | (Some('`'), Some('`'))
    );
    // `{{NAME}}` is template syntax wherever it stands (`file.{{EXT}}`,
    // `feature_{{NAME}}` in the delivery template); one bracket or brace
    // glued to a word or quoted on its own is notation the author wrote.
    let single = matches!(
        p.kind,
        PlaceholderKind::Bracket | PlaceholderKind::Brace | PlaceholderKind::Angle
    );
    if single && !p.in_metadata && (joined(before, "_:/=.@#") || joined(next, "_/=@#") || quoted) {
        return true;
    }
    if is_identifier_list(&p.text) {
        return true;
    }
    let marked_up = after.trim_start_matches('*').trim_start_matches('`');
    let defined = marked_up.starts_with(':');
    match p.kind {
        PlaceholderKind::Bracket => {
            let inner = p.text.trim_matches(|c| c == '[' || c == ']').trim();
            // A term set off by markup before its colon is being defined
            // (`**[Story]**: which story`); a bare `[COMPONENT]: details`
            // is the template's label left to fill.
            let term = defined && marked_up.len() < after.len();
            term || SPECKIT_LEGEND.contains(&inner)
                || STATUS_TAGS.iter().any(|t| inner.eq_ignore_ascii_case(t))
                || is_task_marker(ctx, p)
        }
        PlaceholderKind::Estimate => !p.in_metadata && !p.text.contains('/'),
        PlaceholderKind::Angle => defined || in_data_sketch(src, p, after),
        PlaceholderKind::Brace => defined,
        PlaceholderKind::Date => describes_format(ctx, p, after),
        _ => false,
    }
}

/// Whether a date pattern is the format dates are written in, not a date
/// left to write: `in YYYY-MM-DD format`, `format: YYYY-MM-DD`, `the ISO
/// format (YYYY-MM-DD)`, `**Date format:** YYYY-MM-DD`, or a cell in a
/// column headed Format or Pattern. `after` is the source after the slot.
fn describes_format(ctx: &Context<'_>, p: &Placeholder, after: &str) -> bool {
    const WORDS: [&str; 4] = ["format", "format is", "formatted as", "pattern"];
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
    let head = head.trim_end_matches([' ', '(', ':', '*', '_', '`', '"', '=']);
    let ends_with_word = |w: &str| {
        head.len() >= w.len()
            && head.is_char_boundary(head.len() - w.len())
            && is_word(&head[head.len() - w.len()..], w)
            && !head[..head.len() - w.len()].ends_with(char::is_alphanumeric)
    };
    WORDS.iter().any(|w| ends_with_word(w)) || in_format_column(ctx, p)
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

/// Whether the slot stands for a type in a line that sketches data rather
/// than for a value left to fill: an element of a list that ends in an
/// ellipsis (`[<ULID>, ...]`), or a value in an inline object
/// (`{ locationID: <ULID> }`). `after` is the source after the slot.
fn in_data_sketch(src: &str, p: &Placeholder, after: &str) -> bool {
    let Some(head) = src.get(..p.range.start as usize) else {
        return false;
    };
    // The cheap tests first: the line is only read when the slot follows
    // `[`, `,` or `:`, so many slots on one long line stay linear.
    let head = head.trim_end_matches(' ');
    if head.ends_with(['[', ','])
        && after
            .trim_start_matches(|c: char| c.is_whitespace() && c != '\n')
            .starts_with(',')
    {
        let after = &after[..after.find('\n').unwrap_or(after.len())];
        let list = &after[..after.find(']').unwrap_or(0)];
        if list.contains("...") || list.contains('…') {
            return true;
        }
    }
    if !head.ends_with(':') {
        return false;
    }
    let before = &head[head.rfind('\n').map_or(0, |n| n + 1)..];
    before.matches('{').count() > before.matches('}').count()
}

/// The terms of spec-kit's task format legend, `[ID] [P?] [Story]`.
const SPECKIT_LEGEND: &[&str] = &["ID", "P?", "P", "Story", "USx", "US#"];

const STATUS_TAGS: &[&str] = &[
    "completed",
    "complete",
    "done",
    "wip",
    "in progress",
    "blocked",
    "skipped",
    "deprecated",
    "optional",
    "new",
    "deferred",
    "obsolete",
    "superseded",
    "x",
];

/// Whether the slot sits among the markers written before a task's text
/// (`- [ ] T833 [P] [CI/CD] Create ...`).
fn is_task_marker(ctx: &Context<'_>, p: &Placeholder) -> bool {
    // Markers are single words (`[P]`, `[US1]`, `[CI/CD]`); words with a
    // space between them (`T001 [Entity Name] model`) are a slot that
    // happens to open the text.
    if p.text.contains(char::is_whitespace) {
        return false;
    }
    ctx.plan.task_on_line(p.range).is_some_and(|t| {
        let prefix = ctx
            .source
            .get(t.check_range.end as usize..p.range.start as usize)
            .unwrap_or_default();
        prefix.split_whitespace().all(|w| {
            (w.starts_with('[') && w.ends_with(']'))
                || (w.chars().any(|c| c.is_ascii_digit())
                    && w.chars().all(|c| c.is_alphanumeric() || ".-:".contains(c)))
        })
    })
}

/// `{goal, constraints, acceptance_criteria}` or `[id1, id2, ..., id10]`:
/// a list of identifiers in code-like notation, which no template uses as
/// a slot (their list slots are prose: `[External APIs, services]`).
fn is_identifier_list(text: &str) -> bool {
    let inner = text.trim_matches(|c| matches!(c, '[' | ']' | '{' | '}'));
    let items: Vec<&str> = inner.split(',').map(str::trim).collect();
    items.len() >= 2
        && items.iter().all(|i| {
            *i == "..."
                || (!i.is_empty()
                    && i.chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '.'))
        })
        && items
            .iter()
            .any(|i| i.contains('_') || i.chars().any(|c| c.is_ascii_digit()))
}
