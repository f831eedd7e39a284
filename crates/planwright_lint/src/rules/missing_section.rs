//! Flags a section the plan's dialect requires but the plan lacks.
//!
//! ## What it does
//! Each dialect lists the section roles a complete plan has (the `delivery`
//! dialect: summary, phases, testing, risks, definition of done, progress
//! log). Headings are matched by role, not by exact words, so "Risks &
//! Mitigations" and "7. Risk Assessment" both count as risks. A plan whose
//! phases were found (`## Phase 1: Setup` headings, as `planwright show`
//! lists them) has its phases, whatever the heading above them says, and
//! one with acceptance or success criteria (for the plan, or under each
//! phase) has its definition of done. Plans in the generic dialect have
//! no required sections.
//!
//! ## Why
//! A missing risks or testing section is usually a question skipped, not
//! one answered.
//!
//! ## Example
//! A `delivery` plan (known by the template's Estimated Time field; Issue
//! and Author alone are in plans of every kind) with a summary and nothing
//! else: no Phases, Testing, Risks, Definition of Done or Progress Log
//! section.
//! ```markdown
//! # Delivery Plan: Export
//!
//! **Issue:** #42
//! **Author:** Ada
//! **Estimated Time:** 3 days
//!
//! ## Summary
//!
//! Export invoices as CSV.
//! ```
//!
//! ## Fix
//! Add the section (`planwright templates show DIALECT` shows its place in
//! the template). The help also says why the plan was read as this
//! dialect: detection goes by markers (`planwright show PLAN` lists them),
//! and a hand-written plan can share a template's field or heading names.
//! If the plan is not meant to follow the template, say which dialect it
//! is in `planwright.toml`, for every command:
//! ```toml
//! [[plans.dialects]]
//! files = ["docs/notes/*.md"]
//! dialect = "generic"
//! ```
//! or for one run with `planwright lint --dialect generic`.

use planwright_core::{Plan, Role};

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(dialect) = ctx.dialect else {
        return;
    };
    let at = ctx.title_anchor();
    for role in &dialect.required_roles {
        if !has(ctx.plan, *role) {
            let name = role.name().replace('_', " ");
            out.report(
                at,
                format!(
                    "missing section: {name} (required by the {} dialect)",
                    dialect.name()
                ),
            )
            .help(format!(
                "add the `{name}` section; `planwright templates show {}` shows where it goes. {}",
                dialect.name(),
                why_dialect(ctx, dialect.name())
            ));
        }
    }
}

/// Why the plan was read as `name`, and, when detection chose it, how to
/// choose otherwise: for PW103 and PW105, whose findings are wrong, not
/// the plan, when a hand-written plan was taken for a template's.
pub(super) fn why_dialect(ctx: &Context<'_>, name: &str) -> String {
    /// Evidence enough to recognise the markers; `planwright show` lists
    /// them all.
    const SHOWN: usize = 3;
    let evidence = &ctx.plan.dialect.evidence;
    // A detected dialect scored at least 3; a chosen one scores nothing,
    // its evidence saying who chose it.
    if ctx.plan.dialect.score == 0 {
        return format!("Read as {name}: {}", evidence.join(", "));
    }
    let mut markers = evidence
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if evidence.len() > SHOWN {
        markers.push_str(", …");
    }
    format!(
        "Read as {name} because of {markers}; if the plan follows no template, set its dialect in planwright.toml ([[plans.dialects]]) or pass --dialect generic"
    )
}

/// Whether the plan has a section for `role`. Phases are headings of their
/// own (`## Phase 1: Setup`), which name no role: a plan of phases with no
/// `## Tasks` or `## Implementation Phases` heading over them, or under a
/// title that names none (`# Todo app`), still has its phases.
fn has(plan: &Plan, role: Role) -> bool {
    plan.section_with_role(role).is_some()
        || (role == Role::Phases && !plan.phases.is_empty())
        // Done criteria written as acceptance or success criteria, for
        // the plan or each of its phases, are its definition of done, as
        // PW208 reads them.
        || (role == Role::DefinitionOfDone && plan.section_with_role(Role::AcceptanceCriteria).is_some())
}
