//! Flags a risk whose mitigation is blank.
//!
//! ## What it does
//! In risk tables with a mitigation column (`Mitigation`, `Response`,
//! `Contingency`), reports each row whose mitigation cell holds no
//! mitigation: empty, or only a mark that one is still to come, a dash
//! (`-`, `—`), an ellipsis (`...`, `…`), a blank to write on (`___`), `?`,
//! `TBD`, `TBA`, `TBC` or `TODO`. A risk table without any mitigation
//! column is reported once.
//!
//! `N/A`, `None` or `Accepted` are answers, not blanks: that the risk
//! needs no response, or is taken as it is. A template's named slot
//! (`[Mitigation strategy]`) is PW101's (unfilled-placeholder); a `TBD`
//! or `___` cell is this rule's alone, and PW101 leaves it, so that one
//! problem gets one finding.
//!
//! A risk table is a register whose rows are risks: its first column
//! (after a `#` or `ID` column) names the risk (`Risk`, `Risks`,
//! `Technical risk`, `Risk ID`), or, under a Risks heading, a column is
//! headed exactly `Risk`, `Risks` or `Description`; and it has a
//! mitigation, impact, likelihood or probability column. A table of other
//! things with a risk column (`Component | Change | Risk Level | Impact`,
//! `Step | Impact | Rollback risk`) is not a risk table.
//!
//! ## Why
//! Naming a risk without a response records a worry, not a plan.
//!
//! ## Example
//! ```markdown
//! | Risk | Impact | Mitigation |
//! |---|---|---|
//! | Vendor API rate limits | High | |
//! ```
//!
//! ## Fix
//! Write what will be done if the risk happens (or to prevent it), or
//! state that it is accepted and why.

use planwright_core::{Table, TableKind, TextRange};

use super::Sink;
use crate::Context;

/// The plan's risk tables, each with its mitigation column if it has one.
fn risk_tables<'p>(ctx: &Context<'p>) -> impl Iterator<Item = (&'p Table, Option<usize>)> {
    let plan = ctx.plan;
    plan.tables
        .iter()
        .filter(|t| t.kind == TableKind::Risks)
        .map(|t| (t, mitigation_column(t)))
}

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for (table, col) in risk_tables(ctx) {
        let Some(col) = col else {
            out.report(table.header.range, "risk table has no mitigation column")
                .help("add a `Mitigation` column and fill it for every risk");
            continue;
        };
        let name = risk_column(table);
        for row in &table.rows {
            let Some(cell) = row.cells.get(col) else {
                continue;
            };
            if is_blank(&cell.text) {
                let risk = row.cells.get(name).map_or("", |c| c.text.as_str());
                out.report(
                    row.range,
                    format!("risk `{}` has no mitigation", short(risk)),
                )
                .label(cell.range, "mitigation is blank")
                .help("write how the risk will be prevented or handled, or say why it is accepted");
            }
        }
    }
}

/// The column that names each row's risk: `Area | Risk | Mitigation` is
/// read by its Risk column, not its first; without one, the first column
/// that is not a bare number (`# | Description | …`).
fn risk_column(table: &Table) -> usize {
    const NAMES: &[&str] = &["risk", "risks", "risk description", "description"];
    const IDS: &[&str] = &["#", "id", "no", "nr", "no.", "ref"];
    let header = &table.header.cells;
    let exact = |names: &[&str]| {
        header
            .iter()
            .position(|c| names.iter().any(|n| c.text.trim().eq_ignore_ascii_case(n)))
    };
    // "Risk" over "Description": `Risk | Description` names by the first.
    exact(&NAMES[..3])
        .or_else(|| exact(&NAMES[3..]))
        .or_else(|| {
            header
                .iter()
                .position(|c| !IDS.iter().any(|n| c.text.trim().eq_ignore_ascii_case(n)))
        })
        .unwrap_or(0)
}

/// The mitigation cells this rule reports, in source order: where PW101
/// (unfilled-placeholder) leaves a `TBD` or a blank to this rule.
pub(crate) fn blank_mitigations(ctx: &Context<'_>) -> Vec<TextRange> {
    let mut out = Vec::new();
    for (table, col) in risk_tables(ctx) {
        let Some(col) = col else {
            continue;
        };
        out.extend(
            table
                .rows
                .iter()
                .filter_map(|row| row.cells.get(col))
                .filter(|cell| is_blank(&cell.text))
                .map(|cell| cell.range),
        );
    }
    out
}

fn mitigation_column(table: &Table) -> Option<usize> {
    table.column(&[
        "mitigat",
        "response",
        "contingency",
        "remediation",
        "countermeasure",
    ])
}

/// Whether a mitigation cell holds none: nothing but marks (dashes,
/// dots, an ellipsis, underscores, question marks) or a word that says
/// one is to come, emphasis, code marks and a closing full stop aside.
/// `N/A` and `None` say no response is needed, and are answers.
fn is_blank(text: &str) -> bool {
    let t = text.trim().trim_matches(|c| matches!(c, '*' | '`')).trim();
    if t.chars()
        .all(|c| matches!(c, '-' | '—' | '–' | '.' | '…' | '_' | '?' | ' '))
    {
        return true;
    }
    let word = t.strip_suffix('.').unwrap_or(t).trim();
    ["tbd", "tba", "tbc", "todo", "(tbd)", "(tba)", "(tbc)"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

fn short(text: &str) -> String {
    if text.chars().count() <= 50 {
        return text.to_owned();
    }
    let cut: String = text.chars().take(47).collect();
    format!("{cut}...")
}
