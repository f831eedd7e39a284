//! Integration tests of the reader: range invariants on real plans (the
//! corpus), on generated input (proptest), and on pathological input.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail loudly on broken fixtures"
)]

mod corpus;
mod invariants;
mod robustness;
mod schema;
