//! planwright's core: the plan model and the one-pass reader.
//!
//! This crate knows nothing of files, terminals or networks. It turns plan
//! text into a [`Plan`] whose every element keeps its byte range
//! ([`TextRange`]), knows the dialects (data in `data/dialects/`) and the
//! section roles (data in `data/roles.toml`), and describes the model as
//! versioned JSON ([`json`]). Lint, edit, workspace and the CLI build on it.

mod anchors;
pub mod dialect;
pub mod edit;
mod groups;
pub mod json;
pub mod markup;
pub mod model;
mod parse;
mod plan_status;
mod rendered;
pub mod roles;
mod spelling;
pub mod status;
pub mod text;
mod text_search;
pub mod visible;
pub mod waits;

pub use anchors::{github_anchor, heading_text, loose_key, without_shortcodes};
pub use dialect::{Descriptor, Dialect, DialectMatch, DialectSet, Origin};
pub use groups::{GroupBy, TaskGroup, TaskGroups};
pub use model::*;
/// How `set` and `new` write a front-matter value so that YAML reads it back.
pub use parse::front_matter::{escape_yaml, front_matter_value, needs_yaml_quotes, yaml_quote};
pub use parse::{MARKDOWN_OPTIONS, ParseOptions, is_task_id, parse, parse_with, split_row};
pub use plan_status::StatusWords;
pub use rendered::rendered;
pub use roles::Role;
pub use spelling::{closest, closest_over};
pub use status::{StatusReading, read_status};
pub use text::{LineColumn, LineIndex, TextRange, is_iso_day};

/// The model's references as parsed from prose; exposed for lint and edit.
pub fn references(value: &str, base: usize) -> Vec<Reference> {
    parse::references(value, base)
}

/// Whether a whole value is an unresolved choice list (`High/Medium/Low`).
pub fn is_choice_list(value: &str) -> bool {
    parse::is_choice_list(value)
}
