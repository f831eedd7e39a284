//! Integration tests of `planwright_lint` through its public API.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail loudly on a broken fixture"
)]

mod contract;
mod corpus;
mod formats;
mod robustness;

use planwright_core::{DialectSet, ParseOptions, parse_with};
use planwright_lint::{Context, Diagnostic, RuleSet, lint};

/// Lints a text with the default rules, as the CLI does for `name`.
pub fn lint_text(name: &str, source: &str, rules: &RuleSet) -> Vec<Diagnostic> {
    let plan = parse_with(
        source,
        &ParseOptions {
            file_name: Some(name),
            ..ParseOptions::default()
        },
    );
    let ctx = Context {
        source,
        plan: &plan,
        dialect: DialectSet::builtin().get(&plan.dialect.name),
        locate: &|_| planwright_lint::Location::Missing,
    };
    lint(&ctx, rules)
}
