//! Flags a list item opening with a box whose mark no task is read from.
//!
//! ## What it does
//! Reports a list item that starts like a task but holds a mark other than
//! the ones planwright reads: `[ ]` open, `[x]` / `[X]` done, `[-]`, `[~]`
//! or `[/]` in progress, `[>]` moved to later. A box of one symbol (`[!]`,
//! `[?]`, `[*]`, `[✓]`, also as an emoji picker writes it: `[✔️]`,
//! `[👍🏽]`) or a box mistyped (`[]`, `[ x]`, `[x ]`) is not a task, so
//! progress, `next` and every other rule leave the item out.
//! Boxes of a letter or a digit are not reported: `- [P] tasks = different
//! files` is a legend, `- [1] Smith, 2021` a reference.
//!
//! ## Why
//! The writer meant a task, and the plan's counts say otherwise without a
//! word: `- [✓] Ship the beta` is neither done nor open, and a plan whose
//! every other box is ticked reads as finished. GitHub does not render
//! such a box as a check box either.
//!
//! ## Example
//! ```markdown
//! - [x] Write the parser
//! - [!] Migrate the old plans
//! - [✓] Ship the beta
//! - [] Announce it
//! ```
//!
//! ## Fix
//! Write one of the marks above. A tick written as a check sign (`✓`,
//! `✔`, `☑`, `✅`, with or without an emoji picker's variation selector)
//! or beside a space (`[ x]`) has the fix `[x]`, an empty box (`[]`,
//! `[  ]`) the fix `[ ]`: unsafe fixes
//! (`planwright lint --fix --unsafe-fixes`), because the item then counts
//! as work, which it did not before.

use planwright_core::TextRange;
use planwright_core::edit::Edit;

use super::Sink;
use crate::Context;
use crate::diagnostic::Applicability;

/// Marks that say "done" in every plan that writes them.
const TICKS: &[char] = &['✓', '✔', '☑', '✅', '√'];

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for &range in &ctx.plan.unread_boxes {
        let text = range.slice(ctx.source);
        let report = out
            .report(
                range,
                format!("`{text}` is no check box planwright reads: this item is not a task"),
            )
            .help("write `[ ]` (open), `[x]` (done), `[-]` or `[/]` (in progress), or `[>]` (moved to later)");
        let inner = text
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .unwrap_or_default();
        let meant = match inner.trim() {
            "" => " ",
            // The writer's own letter, its stray space dropped.
            x @ ("x" | "X") => x,
            // A tick as an emoji picker writes it (`✔️`) counts as one.
            tick if tick
                .trim_end_matches(['\u{FE0E}', '\u{FE0F}'])
                .chars()
                .count()
                == 1
                && tick.starts_with(TICKS) =>
            {
                "x"
            }
            _ => continue,
        };
        let inner = TextRange::new(range.start as usize + 1, range.end as usize - 1);
        report.fix(
            format!("write `[{meant}]`"),
            vec![Edit::replace(inner, meant)],
            Applicability::Unsafe,
        );
    }
}
