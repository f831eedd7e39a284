//! The CLI's integration tests: one binary, one module per command.

mod dialects;
mod discovery;
mod edit;
mod edit_refusals;
mod file_kinds;
mod init;
mod lint;
mod lint_inputs;
mod local_templates;
mod log_forms;
mod new;
mod new_fill_rules;
mod new_inputs;
mod new_numbering;
mod rules_json;
mod schema;
mod set_fields;
mod show;
mod slot_colons;
mod status_counts;
mod stdin;
mod support;
mod task_names;
mod tracking;
mod views;
mod waits;
