//! planwright's checks.
//!
//! Rules read a parsed [`planwright_core::Plan`] with its source text
//! and dialect and report [`Diagnostic`]s: owned data with byte ranges,
//! rendered only at the edge by [`render`]. The crate touches no file: the
//! one rule that asks whether a linked file exists (PW301) goes through the
//! [`Context::locate`] hook the caller supplies.

pub mod diagnostic;
pub mod directives;
pub mod fixes;
pub mod registry;
pub mod render;
mod rules;
pub mod selection;
mod util;

pub use diagnostic::{Applicability, Diagnostic, Fix, Label, Severity};
pub use registry::{RULES, Rule, rule_by_selector, rules_by_selector};
pub use selection::{Layer, RuleSet, SelectionError};

use planwright_core::{Dialect, Plan};

/// Where in `text` the first date PW203 (invalid-date) would report
/// stands: a `YYYY-MM-DD` or `YYYY/MM/DD` that names no day. For a
/// command that writes a value to refuse what `lint` then reports.
pub fn first_impossible_date(text: &str) -> Option<std::ops::Range<usize>> {
    util::date_tokens(text)
        .into_iter()
        .find(|t| t.date.is_none())
        .map(|t| t.start..t.end)
}

/// For each of the plan's placeholders, whether lint reads it as notation
/// the author wrote on purpose (`ownership:<ULID>`, `in YYYY-MM-DD
/// format`, a task marker `[P]`) rather than a slot left to fill:
/// the reader lists every slot-shaped text, and PW101 (unfilled-placeholder)
/// judges which ones are slots. Choice lists and template text are always
/// slots (PW106, PW102). Inline directives and the rule selection do not
/// enter: this is the reading, not a report.
pub fn notation(ctx: &Context<'_>) -> Vec<bool> {
    let mut judge = rules::unfilled_placeholder::Judge::default();
    ctx.plan
        .placeholders
        .iter()
        .map(|p| judge.is_notation(ctx, p))
        .collect()
}

/// Everything a rule may read about one file.
pub struct Context<'a> {
    pub source: &'a str,
    pub plan: &'a Plan,
    /// The plan's dialect, when it is a known one (not `generic`).
    pub dialect: Option<&'a Dialect>,
    /// Where a relative path the plan writes names an existing file or
    /// folder. The caller resolves it; the lint crate stays pure.
    pub locate: &'a dyn Fn(&str) -> Location,
}

/// Where a relative path a plan writes is found (see [`Context::locate`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// From the plan's own folder, where a renderer follows a link.
    Beside,
    /// Only from the project root or the plan's repository, where a
    /// `Spec:` path is often written from; `from_plan` is the path that
    /// names it from the plan's folder, where one can be written.
    Elsewhere {
        from_plan: Option<String>,
    },
    Missing,
}

impl Location {
    /// Found from some folder: a `Spec:` value names the file.
    pub fn exists(&self) -> bool {
        *self != Self::Missing
    }
}

impl Context<'_> {
    /// Where a finding about the plan as a whole points: its title heading,
    /// or the start of the file when it has none.
    pub(crate) fn title_anchor(&self) -> planwright_core::TextRange {
        self.plan
            .title
            .as_ref()
            .map_or_else(|| planwright_core::TextRange::empty(0), |t| t.heading)
    }
}

/// Runs every enabled rule over one plan, drops findings silenced by inline
/// directives, and returns the rest sorted by position.
pub fn lint(ctx: &Context<'_>, rules: &RuleSet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut unused = None;
    for (rule, severity) in rules.enabled() {
        // PW602 reads what the others found and silenced: it runs last.
        if rule.code == "PW602" {
            unused = Some(rules::Sink::new(rule, severity));
            continue;
        }
        let mut sink = rules::Sink::new(rule, severity);
        (rule.check)(ctx, &mut sink);
        out.extend(sink.into_diagnostics());
    }
    if !ctx.plan.comments.is_empty() {
        let directives = directives::Directives::read(ctx.source, ctx.plan);
        let mut silenced = Vec::new();
        out.retain(|d| {
            let offset = d.primary.range.start;
            let quiet = directives.suppresses(d.code, offset);
            if quiet && unused.is_some() {
                silenced.extend(directives::rule_index(d.code).map(|rule| (rule, offset)));
            }
            !quiet
        });
        if let Some(mut sink) = unused {
            let selected = rules
                .enabled()
                .filter_map(|(rule, _)| directives::rule_index(rule.code))
                .fold(0u64, |bits, i| bits | 1 << i);
            rules::unused_directive::report(ctx, &directives, &silenced, selected, &mut sink);
            out.extend(sink.into_diagnostics());
        }
    }
    out.sort_by(|a, b| {
        (a.primary.range.start, a.primary.range.end, a.code).cmp(&(
            b.primary.range.start,
            b.primary.range.end,
            b.code,
        ))
    });
    out
}
