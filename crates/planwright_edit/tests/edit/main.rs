//! Integration tests of `planwright_edit`: one binary, one module per theme.

mod concurrency;
mod next_corpus;
mod properties;
