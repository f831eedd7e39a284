//! Flags open questions left in a plan whose status is past draft.
//!
//! ## What it does
//! When the plan's status is anything but a draft status (`Draft`,
//! `Proposed`, the dialect's initial status), reports the open-questions
//! section if it still lists questions: list items, or paragraphs ending in
//! a question mark, that are not marked resolved (ticked, struck through,
//! or saying "Resolved", "Answered" or "Decided"), or answered by the
//! detail or paragraph after them that opens with `A:` or `Answer:`
//! (`- Q: Do we need X?` with `  - A: Yes.` under it). Only the section's
//! top-level items count: the points nested under a question are its
//! details, not more questions.
//!
//! ## Why
//! A plan that is approved or under way with questions still open was
//! approved without its answers. Either the questions were answered and the
//! plan not updated, or the work started on guesses.
//!
//! ## Example
//! ```markdown
//! **Status:** In Progress
//!
//! ## Open Questions
//! - Do we keep the v1 endpoint during migration?
//! ```
//!
//! ## Fix
//! Write each answer into the plan and mark the question resolved (or
//! remove it), or move the status back to draft.

use planwright_core::{Block, BlockKind, List, Role, Section, TaskState, TextRange};

use super::Sink;
use crate::Context;
use crate::util::{is_draft_status, status_field};

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(status) = status_field(ctx) else {
        return;
    };
    if is_draft_status(ctx, &status.value) {
        return;
    }
    let plan = ctx.plan;
    for section in plan
        .sections
        .iter()
        .filter(|s| s.role == Some(Role::OpenQuestions))
    {
        let open = open_questions(ctx, section);
        let Some(first) = open.first() else {
            continue;
        };
        let count = open.len();
        let noun = if count == 1 { "question" } else { "questions" };
        let mut report = out
            .report(
                section.heading,
                format!(
                    "{count} open {noun} while the status is `{}`",
                    status.value.trim()
                ),
            )
            .label(status.value_range, "status set here")
            .label(*first, "still open");
        for at in open.iter().skip(1).take(4) {
            report = report.label(*at, "still open");
        }
        report.help("answer the questions in the plan and mark them resolved, or set the status back to draft");
    }
}

/// Where each open question of `section` is written, in source order. A
/// question is an item of a list at the section's top level, or a paragraph
/// of its own ending in a question mark; the items nested under a question
/// and the further paragraphs of its item are its details, not questions.
fn open_questions(ctx: &Context<'_>, section: &Section) -> Vec<TextRange> {
    let plan = ctx.plan;
    let within = section.range;
    // Blocks, tasks and lists all come in source order: the section's are
    // runs found by binary search, and one sweep over them keeps the lists
    // holding each candidate (looking through all of them per candidate
    // was quadratic).
    let from = plan
        .blocks
        .partition_point(|b| b.range.start < within.start);
    let mut candidates: Vec<(TextRange, Option<&Block>)> = plan.blocks[from..]
        .iter()
        .take_while(|b| b.range.start < within.end.max(within.start + 1))
        .filter(|b| within.contains_range(b.range))
        // A check box's text is read with its task.
        .filter(|b| plan.task_on_line(b.range).is_none())
        .map(|b| (b.range, Some(b)))
        .collect();
    let from = plan.tasks.partition_point(|t| t.line.start < within.start);
    candidates.extend(
        plan.tasks[from..]
            .iter()
            .take_while(|t| t.line.start < within.end)
            .filter(|t| t.state != TaskState::Done)
            .map(|t| (t.line, None)),
    );
    candidates.sort_by_key(|(at, _)| at.start);

    let from = plan.lists.partition_point(|l| l.range.start < within.start);
    let mut lists = plan.lists[from..]
        .iter()
        .take_while(|l| l.range.start < within.end)
        .peekable();
    // The lists holding the current candidate, outermost first.
    let mut holding: Vec<&List> = Vec::new();
    let mut open = Vec::new();
    // Whether the last question read is still open and its details may
    // yet answer it (`- Q: …` with `  - A: …` under it).
    let mut answerable = false;
    for (at, block) in candidates {
        while let Some(list) = lists.next_if(|l| l.range.start <= at.start) {
            holding.retain(|h| h.range.contains_range(list.range));
            holding.push(list);
        }
        holding.retain(|h| h.range.contains_range(at));
        let text = at.slice(ctx.source);
        let own = match (holding.as_slice(), block) {
            ([], Some(_)) => true,
            ([list], _) => starts_an_item(ctx, list, at),
            _ => false,
        };
        if is_answer(text) {
            if answerable {
                open.pop();
            }
            answerable = false;
            continue;
        }
        let question = match (holding.as_slice(), block) {
            ([], Some(b)) => b.kind == BlockKind::Paragraph && text.trim_end().ends_with('?'),
            ([list], _) => starts_an_item(ctx, list, at) && !is_nothing(text),
            _ => false,
        };
        if question && !is_resolved(text) {
            open.push(at);
            answerable = true;
        } else if own {
            answerable = false;
        }
    }
    open
}

/// Whether a question's detail or the paragraph after it gives its
/// answer: it opens with `A:` or `Answer:` (bold or not).
fn is_answer(text: &str) -> bool {
    let t = text
        .trim_start()
        .trim_start_matches(['*', '_'])
        .to_lowercase();
    t.starts_with("a:") || t.starts_with("answer:")
}

/// Whether `at` begins on the line of one of `list`'s item markers: the
/// item's own text rather than a later paragraph of it.
fn starts_an_item(ctx: &Context<'_>, list: &List, at: TextRange) -> bool {
    let markers = ctx.plan.markers_of(list);
    let before = markers.partition_point(|m| m.start <= at.start);
    before
        .checked_sub(1)
        .and_then(|i| markers.get(i))
        .is_some_and(|m| {
            // A task's line starts at its marker, an item's text after it.
            let gap = m.end.min(at.start) as usize..at.start as usize;
            ctx.source.get(gap).is_some_and(|gap| !gap.contains('\n'))
        })
}

fn is_nothing(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    t.is_empty()
        || matches!(
            t.as_str(),
            "none" | "n/a" | "none yet" | "none at this time" | "no open questions"
        )
}

fn is_resolved(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.trim_start().starts_with("~~")
        || [
            "resolved",
            "answered",
            "decided",
            "decision:",
            "✅",
            "[x]",
            "closed",
        ]
        .iter()
        .any(|w| lower.contains(w))
}
