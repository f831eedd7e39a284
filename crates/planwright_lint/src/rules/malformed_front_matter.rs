//! Flags front matter that a YAML reader refuses, such as `title:
//! [unclosed` or `status: : :`.
//!
//! ## What it does
//! Reports each line of the `---` block at the top of a plan that YAML
//! cannot read: a `[` or `{` never closed, a quote never closed or with
//! text after it, `: ` inside a plain value (YAML reads a second key), a
//! value starting with `@`, `` ` `` or `%`, a `|` or `>` with other text
//! after it, a list starting on its key's line, a line that is no
//! `key: value`, an indented line YAML cannot place (a `key: value`
//! under a plain value, which would fold into it; a tab indenting a
//! nested mapping; a line indented less than the block scalar above it),
//! and a key given twice (strict YAML readers refuse it,
//! the others keep one of the values without a word). planwright still
//! reads the fields as far as they go.
//!
//! ## Why
//! Jekyll, Hugo, GitHub's preview and every script that loads the front
//! matter with a YAML library fail on the whole block, not on one field:
//! the plan loses its title and metadata everywhere but here.
//!
//! ## Example
//! ```markdown
//! ---
//! title: [unclosed
//! status: Review: pending
//! ---
//! ```
//!
//! ## Fix
//! Close the bracket or quote, or put a value holding `: ` in quotes
//! (`status: "Review: pending"`); keep one line of a key given twice.

use planwright_core::FrontMatterProblem;

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for problem in &ctx.plan.front_matter_problems {
        let twice = problem.message == FrontMatterProblem::DUPLICATE_KEY;
        out.report(
            problem.range,
            format!("front matter is not valid YAML: {}", problem.message),
        )
        .primary_label("YAML cannot read this")
        .help(if twice {
            "keep one line of the key: the value the plan means"
        } else {
            "close the bracket or quote, or put the value in quotes"
        });
    }
}
