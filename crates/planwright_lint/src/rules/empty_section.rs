//! Flags a heading with nothing under it.
//!
//! ## What it does
//! Reports a section that holds neither text nor sub-sections: the heading
//! is followed directly by another heading of the same or a higher level,
//! or by the end of the file. A heading that is a task (`### [ ] T004:
//! Write the docs`) says all it has to: nothing under it is no gap.
//!
//! ## Why
//! An empty section promises content the plan does not have. Either it is
//! still to be written, or it does not apply and should go.
//!
//! ## Example
//! ```markdown
//! ## Testing Strategy
//!
//! ## Rollout
//! ```
//!
//! ## Fix
//! Write the section, write "Not applicable" with a reason, or delete the
//! heading.

use super::Sink;
use crate::Context;
use crate::util::shorten;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let sections = &ctx.plan.sections;
    let mut has_child = vec![false; sections.len()];
    for s in sections {
        if let Some(parent) = s.parent
            && let Some(flag) = has_child.get_mut(parent)
        {
            *flag = true;
        }
    }
    // Where the tasks' first lines start: a heading task's is its
    // heading's.
    let mut task_lines: Vec<u32> = ctx.plan.tasks.iter().map(|t| t.line.start).collect();
    task_lines.sort_unstable();
    for (s, child) in sections.iter().zip(has_child) {
        if s.has_content || child || task_lines.binary_search(&s.heading.start).is_ok() {
            continue;
        }
        out.report(
            s.heading,
            format!("section `{}` is empty", shorten(&s.title)),
        )
        .primary_label("nothing under this heading")
        .help("write the section, say why it does not apply, or delete the heading");
    }
}
