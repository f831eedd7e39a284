//! Flags a task id used by more than one task.
//!
//! ## What it does
//! Reports every task whose explicit id (`T012`, `1.2`) was already used by
//! an earlier task in the same plan, pointing at both.
//!
//! ## Why
//! `planwright done PLAN T012`, dependencies (`Depends on T012`) and
//! agents all address tasks by id. With two tasks behind one id, one of them
//! can never be addressed, and a dependency may point at the wrong one.
//!
//! ## Example
//! ```markdown
//! - [ ] T012 [P] Add repository
//! - [ ] T012 Wire service
//! ```
//!
//! ## Fix
//! Renumber one of the tasks (and the references to it).

use rustc_hash::FxHashMap;

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let mut first: FxHashMap<planwright_core::Text, usize> = FxHashMap::default();
    for (i, task) in ctx.plan.tasks.iter().enumerate() {
        if !task.explicit_id || is_truncated(ctx.source, task.id_range) {
            continue;
        }
        let key = task.id.to_ascii_uppercase();
        match first.get(&key) {
            None => {
                first.insert(key, i);
            }
            Some(&earlier) => {
                let Some(prev) = ctx.plan.tasks.get(earlier) else {
                    continue;
                };
                let at = task.id_range.unwrap_or(task.line);
                let prev_at = prev.id_range.unwrap_or(prev.line);
                out.report(at, format!("task id `{}` is already used", task.id))
                    .primary_label("used again here")
                    .label(prev_at, "first used here")
                    .help("give this task an id of its own and update references to it");
            }
        }
    }
}

/// Whether the id as read stops short of what is written (`T231` read from
/// `T231.1`, `B1` from `B1.1`): sub-numbered ids are distinct tasks, not
/// duplicates.
fn is_truncated(source: &str, id: Option<planwright_core::TextRange>) -> bool {
    let Some(id) = id else {
        return false;
    };
    let rest = source.get(id.end as usize..).unwrap_or_default().as_bytes();
    matches!(rest, [b'.', d, ..] if d.is_ascii_digit())
}
