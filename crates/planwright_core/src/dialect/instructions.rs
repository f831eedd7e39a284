//! The built-in templates' instruction texts (see
//! `Dialect::instruction_text`), read from the templates when they or
//! the reader change rather than on every run: reading a template as
//! a plan was an eighth of `lint`'s instructions on one plan.
//!
//! Generated: `PLANWRIGHT_BLESS=1 cargo test -p planwright_core
//! instruction_texts` writes it, and that test fails while it is stale.

/// The texts of the built-in dialect `name`, sorted; `None` for a
/// dialect without a template.
pub(super) fn of(name: &str) -> Option<&'static [&'static str]> {
    INSTRUCTIONS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, texts)| *texts)
}

#[rustfmt::skip]
const INSTRUCTIONS: &[(&str, &[&str])] = &[
    ("speckit", &[
        "Module / Component 1",
        "Module / Component 2",
        "Module / Component 3",
    ]),
    ("design", &[
    ]),
    ("delivery", &[
        "Additional implementation notes, decisions made during development, or lessons learned.",
        "Brief summary of the implementation approach.",
        "Component/service this depends on",
        "Enable for: specific users/environments",
    ]),
    ("rfc", &[
        "API returns ...",
        "Brief notes on discarded approaches and why.",
        "Bullet list of verifiable outcomes.",
        "Concise 2–3 sentence overview of the feature/initiative and the outcome it enables.",
        "Describe any new types / endpoints / events. Include request/response or schema snippets.",
        "Enable ...",
        "Expected load, estimated complexity, caching strategy.",
        "Explicitly state what is out of scope to prevent scope creep.",
        "High-level description of the approach. Include diagrams (place images in `docs/diagrams/`).",
        "Improve ...",
        "Links, extended schemas, benchmarks.",
        "List the measurable goals / success criteria.",
        "Metrics, logs, tracing spans to add.",
        "Not doing ...",
        "Performance: targets & method",
        "Phased steps, feature flags, backout plan.",
        "Pseudo-code or sequence steps if complex.",
        "Reduce ...",
        "Security: validations / abuse cases",
        "Throughput >= ...",
        "Use GitHub task list; update statuses in PRs.",
        "Why this is needed now. Link to prior docs / issues if relevant.",
    ]),
    ("roadmap", &[
    ]),
];
