//! Flags template slots left unfilled: `[FEATURE NAME]`, `{FEATURE_TITLE}`,
//! `{{feature_name}}`, `<Project / Feature Name>`, `$ARGUMENTS`,
//! `X hours/days`, `YYYY-MM-DD`, `(TBD)`, a blank to write on (`____`,
//! three or more underscores standing as a word) and spec-kit's open
//! question `[NEEDS CLARIFICATION: …]`.
//!
//! ## What it does
//! Reports every placeholder the reader found in the plan's text, tables and
//! metadata, except unresolved choice lists (PW106), paragraphs copied
//! from the template (PW102) and a `TBD` or blank (`___`) that is a
//! risk's whole mitigation (PW401), which have rules of their own.
//!
//! A slot before a colon counts (`## [COMPONENT]: details`); a link
//! reference definition (`[spec]: ./spec.md`), a footnote and a term set
//! off by markup (`**[Story]**: which story`) do not, nor a citation of
//! a Capitalised name and a year (`[Okafor 2019]`, `[Ito et al. 2021]`;
//! `[AUTHOR 2020]` and `[Project Name 2026]` are slots) or a dependency
//! the task reader reads (`[depends: T005]`). A lower-case word in
//! brackets, or a list of such words, is a slot only as a bold field's
//! whole value (`**Date:** [date]`, `**Roles:** [admin, editor]`):
//! elsewhere it reads as a reference link or a list of values (`roles are
//! [admin, editor]`). A date pattern that describes a format is not a
//! slot either: `in YYYY-MM-DD format`, `format: YYYY-MM-DD`, `the ISO
//! format (YYYY-MM-DD)`, `written as YYYY-MM-DD`, `e.g. YYYY-MM-DD`,
//! `due dates (YYYY-MM-DD)`, or a cell in a column headed Format or
//! Pattern; `**Date:** YYYY-MM-DD` is. Nor is any slot in a list, table,
//! code block or paragraph that the line before it introduces as a
//! format, template or structure to follow (`Record each decision in
//! research.md using format:`, `in the following format:`, `Use this
//! template:`): it shows how something else is to be written. A label
//! alone (`**Format**:`) does not introduce one.
//!
//! A slot names what to write; a tag is a value already written. So a
//! bracketed word that states a state, a priority, a kind of change or a
//! stage (`[DRAFT]`, `[WIP]`, `[In Progress]`, `[HIGH]`, `[BREAKING]`,
//! `[MVP]`) is no slot wherever it stands, and any other single word is
//! none where labels stand: at the head of a heading or list item, the
//! item's own words after it (`## [Backend] API`, `- [SECURITY] Rotate
//! keys`). There a name joined by `_` (`- [OWNER_NAME] signs`), a word
//! that asks for work (`[TODO]`), a bracket before a colon or with
//! nothing after it (`### [Title]`) stay slots. Nor are issue numbers
//! (`[#123]`) or keys (`[Ctrl]+[S]`, `[Enter]`) slots, nor a field of a
//! template engine's data (`{{ user.name }}`). In code, `$ARGUMENTS` is
//! a slot alone on its line (`` `$ARGUMENTS` ``), not where code uses it
//! (`` `echo $ARGUMENTS` ``). A lower-case name in braces (`{name}`) is
//! a slot in prose, as the design template writes its slots (`{risk}`,
//! `{path}`): to write a format string's or a message's variable, put it
//! in a code span (`` `{name}` ``) or escape it (`\{name}`).
//!
//! spec-kit marks a question the spec left open with `NEEDS
//! CLARIFICATION`; it counts where it is left, in brackets or parentheses
//! (`(NEEDS CLARIFICATION: which queue?)`), before its question, or as a
//! bold field's whole value, and not where a sentence talks about it
//! ("All NEEDS CLARIFICATION resolved") or code quotes it. A code span
//! holding only a slot is quoted notation outside the metadata; for
//! `{{NAME}}`, only inside a sentence (``the prefix is replaced with
//! `{{ROOT}}` by the test``), for templates leave that slot as a value
//! (``- Branch: `{{BRANCH}}` ``).
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

use planwright_core::{Placeholder, PlaceholderKind, TextRange};

use super::Sink;
use crate::Context;
use crate::util::shorten;

#[path = "unfilled_placeholder_format.rs"]
mod format;
use format::{FormatBlocks, describes_format};

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let mut judge = Judge::default();
    // Read once a slot may be in one: most plans have no risk table.
    let mut blank_mitigations: Option<Vec<TextRange>> = None;
    for p in &ctx.plan.placeholders {
        // Choice lists and template text are slots of other rules'.
        if matches!(
            p.kind,
            PlaceholderKind::Choice | PlaceholderKind::TemplateText
        ) || judge.is_notation(ctx, p)
        {
            continue;
        }
        // A `TBD` or a blank that is a risk's whole mitigation is PW401's
        // (risk-without-mitigation), which names the risk left open.
        if matches!(p.kind, PlaceholderKind::Tbd | PlaceholderKind::Blank)
            && blank_mitigations
                .get_or_insert_with(|| super::risk_without_mitigation::blank_mitigations(ctx))
                .iter()
                .any(|cell| cell.contains_range(p.range))
        {
            continue;
        }
        let shown = shorten(&p.text);
        let place = if p.in_metadata { " in metadata" } else { "" };
        // spec-kit's marker is a question, not a value: the message says
        // so (a template's `[… or NEEDS CLARIFICATION]` is a slot as any).
        if p.kind == PlaceholderKind::Tbd
            && p.text.contains(planwright_core::model::NEEDS_CLARIFICATION)
        {
            out.report(
                p.range,
                format!("unanswered open question `{shown}`{place}"),
            )
            .primary_label("marked as needing clarification")
            .help("settle the question, and write the decision in its place");
            continue;
        }
        let what = match p.kind {
            PlaceholderKind::Estimate => "estimate",
            PlaceholderKind::Date => "date",
            PlaceholderKind::Tbd => "value marked TBD",
            PlaceholderKind::Blank => "blank",
            PlaceholderKind::Arguments => "`$ARGUMENTS` slot",
            _ => "placeholder",
        };
        out.report(p.range, format!("unfilled {what} `{shown}`{place}"))
            .primary_label("left from the template")
            .help("replace it with the real value, or remove the line if it does not apply");
    }
}

/// Whether slot-shaped text is notation rather than a slot, for one plan.
/// Most plans have no slot: the blocks that describe a format are looked
/// for only once one is to be judged.
#[derive(Default)]
pub(crate) struct Judge {
    formats: Option<FormatBlocks>,
}

impl Judge {
    /// Whether this rule leaves `p` alone as written on purpose: notation
    /// ([`is_notation`]) or a sample of a format the text describes. A
    /// choice list or template text never is: PW106 and PW102 report them.
    pub(crate) fn is_notation(&mut self, ctx: &Context<'_>, p: &Placeholder) -> bool {
        if matches!(
            p.kind,
            PlaceholderKind::Choice | PlaceholderKind::TemplateText
        ) {
            return false;
        }
        is_notation(ctx, p)
            || self
                .formats
                .get_or_insert_with(|| FormatBlocks::of(ctx))
                .contains(p.range)
    }
}

/// Slot-shaped text that finished plans write on purpose, learnt from the
/// corpus (`planwright lint` over real plans marked as having no slots):
/// a pattern inside an identifier or a quoted literal (`ownership:<ULID>`,
/// `v{N}`, `"{CHECKOUT_SESSION_ID}"`, a code span holding only the slot
/// outside the metadata), a term being defined (`**[Story]**:
/// which story`), the markers in front of a task's text (`[P] [CI/CD]`), a
/// type in a sketch of data (`[<ULID>, ...]`,
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
    if !p.in_metadata && quoted_in_sentence(p, before, next, after) {
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
            term || SPECKIT_LEGEND.contains(&inner) || is_citation(inner) || is_task_marker(ctx, p)
        }
        PlaceholderKind::Estimate => !p.in_metadata && !p.text.contains('/'),
        PlaceholderKind::Angle => defined || in_data_sketch(src, p, after),
        PlaceholderKind::Brace => defined,
        // `report-YYYY-MM-DD.csv`: a file name's pattern, not a day to fill.
        PlaceholderKind::Date => {
            let extension = after
                .strip_prefix('.')
                .is_some_and(|ext| ext.starts_with(char::is_alphanumeric));
            (!p.in_metadata && (joined(before, "_-.") || extension))
                || describes_format(ctx, p, after)
        }
        // A marker in code (`[NEEDS CLARIFICATION: question]`) is shown,
        // not left: code is where a plan explains the marker.
        PlaceholderKind::Tbd => !p.in_metadata && (in_code(ctx, p) || open_question(ctx, p)),
        _ => false,
    }
}

/// A question under Open Questions marked as still open (`Do we migrate
/// the old data? (TBD)`): the section exists to hold such questions, and
/// PW107 (open-questions) is the rule that weighs them, not this one.
fn open_question(ctx: &Context<'_>, p: &Placeholder) -> bool {
    let start = p.range.start as usize;
    let line_start = ctx.source[..start].rfind('\n').map_or(0, |n| n + 1);
    ctx.source[line_start..start].contains('?')
        && ctx.plan.sections.iter().any(|s| {
            s.role == Some(planwright_core::Role::OpenQuestions) && s.range.contains_range(p.range)
        })
}

/// A reference to a numbered standard or advisory (`[RFC 7231]`, `[ISO
/// 8601]`, `[CVE-2024-3094]`, `[PEP 8]`), by the series that number
/// documents so: `[OWNER 1]` or `[STEP 2]` is still a template's slot.
fn is_citation(inner: &str) -> bool {
    const SERIES: &[&str] = &[
        "ANSI", "BIP", "CVE", "CWE", "ECMA", "EIP", "FIPS", "GHSA", "IEC", "IEEE", "ISO", "ITU",
        "JSR", "NIST", "PEP", "RFC", "SOC",
    ];
    let Some((series, number)) = inner.split_once([' ', '-']) else {
        return false;
    };
    SERIES.contains(&series)
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// Whether a code span holding only `{{NAME}}` stands inside a sentence,
/// a word following it on its line (``replaced with `{{ROOT}}` so the
/// test can relocate it``): the token is named, as prose names a literal.
/// A template leaves such a slot as a value, at the end of its item or
/// field (``- Branch: `{{BRANCH}}` ``), or as part of a longer literal
/// (`path/to/file.{{FILE_EXTENSION}}`), which stays a slot.
fn quoted_in_sentence(
    p: &Placeholder,
    before: Option<char>,
    next: Option<char>,
    after: &str,
) -> bool {
    p.kind == PlaceholderKind::DoubleBrace
        && before == Some('`')
        && next == Some('`')
        && after[1..]
            .trim_start_matches([' ', ',', ';'])
            .starts_with(char::is_alphabetic)
}

/// Whether the slot lies in a code span or a code block; both lists are
/// in source order and apart, so a binary search each.
fn in_code(ctx: &Context<'_>, p: &Placeholder) -> bool {
    let within = |ranges: &[TextRange]| {
        let at = ranges.partition_point(|r| r.start <= p.range.start);
        at > 0 && ranges[at - 1].contains_range(p.range)
    };
    within(&ctx.plan.code_spans) || within(&ctx.plan.code_blocks)
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
        // A bracket that ends the line is the task's text, as the reader
        // takes it (`- [ ] [TASK]`): a slot left from a template.
        let rest = ctx
            .source
            .get(p.range.end as usize..t.line.end as usize)
            .unwrap_or_default();
        !rest.trim().is_empty()
            && prefix.split_whitespace().all(|w| {
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
