//! Flags open questions left in a plan whose status is past draft.
//!
//! ## What it does
//! When the plan's status is anything but a draft status (`Draft`,
//! `Proposed`, the dialect's initial status), reports the open-questions
//! section if it still lists questions: list items, or paragraphs ending in
//! a question mark, that are not marked resolved (ticked, struck through,
//! or saying "Resolved", "Answered" or "Decided").
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

use planwright_core::{BlockKind, Role, TaskState};

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
        // Blocks come in source order: the section's are a run found by
        // binary search (looking through all of them per section was
        // quadratic).
        let from = plan
            .blocks
            .partition_point(|b| b.range.start < section.range.start);
        let open: Vec<_> = plan.blocks[from..]
            .iter()
            .take_while(|b| b.range.start < section.range.end.max(section.range.start + 1))
            .filter(|b| section.range.contains_range(b.range))
            .filter(|b| {
                let text = b.range.slice(ctx.source);
                let question = match b.kind {
                    BlockKind::ListItem => !is_nothing(text),
                    BlockKind::Paragraph => text.trim_end().ends_with('?'),
                };
                let ticked = plan
                    .task_on_line(b.range)
                    .is_some_and(|t| t.state == TaskState::Done);
                question && !ticked && !is_resolved(text)
            })
            .collect();
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
            .label(first.range, "still open");
        for b in open.iter().skip(1).take(4) {
            report = report.label(b.range, "still open");
        }
        report.help("answer the questions in the plan and mark them resolved, or set the status back to draft");
    }
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
