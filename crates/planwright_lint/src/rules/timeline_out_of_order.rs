//! Flags a timeline that ends before it starts, and a phase scheduled to
//! start before a phase it depends on ends.
//!
//! ## What it does
//! Reads start and end dates from timeline tables (`Start` / `End`
//! columns, or a range in one cell) and from phase estimates, and week
//! numbers (`Week 3-4`, or `Week 5` under Start and `W2` under End) where
//! dates are not given. A range written whole in the Start cell, with the
//! End cell empty, is the row's span. Reports a row or phase whose end
//! comes before its start (`Week 5-2`), or, once for its row, a range in
//! the Start or End cell that does while the other cell is filled too
//! (`| 2026-03-20 – 2026-03-15 | 2026-03-30 |`), and a phase whose start comes
//! before the end of a phase listed in its dependencies. Dates are
//! compared only with dates and weeks only with weeks.
//!
//! A timeline table has start and end columns, or stands under a Timeline
//! or Schedule heading, whatever other columns (`Notes`, `Last update`) it
//! has. Two dates in one cell are a range only when written as one
//! (`2026-03-01 – 2026-03-15`, `2026-03-01 to 2026-03-15`, `..`) or with
//! the second named the end (`Starts 2026-03-01, ends 2026-03-15`): in
//! `2026-04-01 (moved from 2026-03-15)` the second is a note. A week is a
//! position when numbered after the word (`Week 3`, `Weeks 3–4`, `Week 3
//! to 4`, `W3-W4`); `1 week` and `2 weeks` are durations and say nothing
//! of when, and a number after a comma or another word (`Week 1, Days
//! 4-5`) does not extend the range.
//!
//! ## Why
//! A schedule that cannot be followed is usually a copy-paste slip or a
//! dependency added after the dates were set.
//!
//! ## Example
//! ```markdown
//! | Phase | Start | End |
//! |---|---|---|
//! | Phase 1 | 2026-03-10 | 2026-03-01 |
//! ```
//!
//! ## Fix
//! Correct the dates, or the dependency.

use rustc_hash::FxHashMap;

use planwright_core::{PhaseIds, Table, TableKind, TextRange};

use super::Sink;
use crate::Context;
use crate::util::Span;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let plan = ctx.plan;
    let phases = plan.phase_ids();
    // Where each phase's schedule was read: phase index → (span, range).
    let mut spans: FxHashMap<usize, (Span, TextRange)> = FxHashMap::default();
    for table in plan.tables.iter().filter(|t| t.kind == TableKind::Timeline) {
        rows(table, &phases, out, &mut spans);
    }
    for (i, phase) in plan.phases.iter().enumerate() {
        if spans.contains_key(&i) {
            continue;
        }
        if let Some(span) = phase.estimate.as_deref().and_then(Span::read) {
            if let Some((start, end)) = backwards(span) {
                out.report(
                    phase.heading,
                    format!("{} ends ({end}) before it starts ({start})", phase.id),
                )
                .help(correct(span));
            }
            spans.insert(i, (span, phase.heading));
        }
    }
    for (i, phase) in plan.phases.iter().enumerate() {
        let Some(&(span, at)) = spans.get(&i) else {
            continue;
        };
        for dep in &phase.depends_on {
            let Some(d) = phases.get(&dep.target) else {
                continue;
            };
            let Some(&(dep_span, dep_at)) = spans.get(&d) else {
                continue;
            };
            if d != i && span.starts_before_end_of(dep_span) {
                let dep_id = &plan.phases[d].id;
                out.report(
                    at,
                    format!(
                        "{} starts before {dep_id}, which it depends on, ends",
                        phase.id
                    ),
                )
                .primary_label(format!("{} scheduled here", phase.id))
                .label(dep.range, "depends on it here")
                .label(dep_at, format!("{dep_id} scheduled here"))
                .help("move the phase after its dependency, or correct the dependency");
            }
        }
    }
}

fn rows(
    table: &Table,
    phases: &PhaseIds<'_>,
    out: &mut Sink<'_>,
    spans: &mut FxHashMap<usize, (Span, TextRange)>,
) {
    let start_col = table.column(&["start", "begin", "from"]);
    let end_col = table.column(&["end", "finish", "due", "until"]);
    for row in &table.rows {
        let cell = |c: Option<usize>| c.and_then(|c| row.cells.get(c));
        // A range written whole in the Start or End cell while the other
        // is filled too: the row's span runs from one cell to the other,
        // which would hide the range's own ends, so the cell is judged
        // on its own as well.
        let mut reversed_cell = None;
        let span = match (cell(start_col), cell(end_col)) {
            (Some(s), Some(e)) if start_col != end_col => {
                match (Span::read(&s.text), Span::read(&e.text)) {
                    (Some(start), Some(end)) => {
                        reversed_cell = [(s, start, start_col), (e, end, end_col)]
                            .into_iter()
                            .find(|(_, span, _)| backwards(*span).is_some());
                        start.through(end)
                    }
                    // A range written whole in the Start cell, the End
                    // cell left empty: the range is the row's span.
                    (Some(start), None) if e.text.trim().is_empty() => Some(start),
                    _ => None,
                }
            }
            _ => row.cells.iter().skip(1).find_map(|c| Span::read(&c.text)),
        };
        let Some(span) = span else {
            continue;
        };
        // One finding a row: the reversed cell is the place to fix, and
        // the row's span may be backwards only because of it.
        if let Some((cell, cell_span, col)) = reversed_cell
            && let Some((start, end)) = backwards(cell_span)
        {
            let header = col
                .and_then(|c| table.header.cells.get(c))
                .map_or("", |h| h.text.trim());
            out.report(
                cell.range,
                format!(
                    "timeline range in the {header} cell ends ({end}) before it starts ({start})"
                ),
            )
            .primary_label("end before start")
            .help(correct(cell_span));
        } else if let Some((start, end)) = backwards(span) {
            out.report(
                row.range,
                format!("timeline row ends ({end}) before it starts ({start})"),
            )
            .primary_label("end before start")
            .help(correct(span));
        }
        if let Some(Some(phase)) = row.cells.first().map(|c| phase_of(phases, &c.text)) {
            spans.entry(phase).or_insert((span, row.range));
        }
    }
}

/// The start and end of `span`, as the message shows them, when it ends
/// before it starts.
fn backwards(span: Span) -> Option<(String, String)> {
    match span {
        Span::Dates(start, end) if end < start => Some((start.to_string(), end.to_string())),
        Span::Weeks(start, end) if end < start => {
            Some((format!("week {start}"), format!("week {end}")))
        }
        _ => None,
    }
}

fn correct(span: Span) -> &'static str {
    match span {
        Span::Dates(..) => "correct the dates",
        Span::Weeks(..) => "correct the week numbers",
    }
}

fn phase_of(phases: &PhaseIds<'_>, text: &str) -> Option<usize> {
    planwright_core::references(text, 0)
        .into_iter()
        .find_map(|r| phases.get(&r.target))
}
