//! Flags instruction text left unchanged from the plan's template.
//!
//! ## What it does
//! Reports each paragraph or list item whose words are exactly one of the
//! template's instructions to the author, such as "Brief summary of the
//! implementation approach." The comparison ignores spacing and emphasis.
//! A task named by its number alone (`- [ ] Task 1`), as templates list
//! the work to write, is reported too, and so is a note a template leaves
//! about itself (`**Note**: This template is filled in by the planning
//! command.`) or an instruction, on a line of its own in emphasis, on
//! when to fill or drop a section (`*Fill in only if the release needs a
//! migration*`, `_Delete this section if no risk applies_`), whichever
//! template it came from. The instructions are compared only when the
//! plan's dialect has a template; the rest is found in every plan.
//!
//! ## Why
//! Template instructions read like content at a glance, so a section can
//! look written when it is not.
//!
//! ## Example
//! A `delivery` plan (known by the template's Estimated Time field) whose
//! summary is still the template's:
//! ```markdown
//! # Delivery Plan: Export
//!
//! **Issue:** #42
//! **Author:** Ada
//! **Estimated Time:** 3 days
//!
//! ## Summary
//!
//! Brief summary of the implementation approach.
//! ```
//!
//! ## Fix
//! Replace the instruction with what it asks for, or delete the section if
//! the plan does not need it.

use planwright_core::PlaceholderKind;

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for p in &ctx.plan.placeholders {
        if p.kind != PlaceholderKind::TemplateText {
            continue;
        }
        let template = ctx.dialect.map_or("its", |d| d.name());
        out.report(
            p.range,
            format!("text left unchanged from the {template} template"),
        )
        .primary_label("template instruction")
        .help("write what the instruction asks for, or delete it");
    }
}
