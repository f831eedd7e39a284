//! The CLI's integration tests: one binary, one module per command.

mod edit;
mod edit_refusals;
mod init;
mod lint;
mod lint_inputs;
mod local_templates;
mod new;
mod new_inputs;
mod schema;
mod show;
mod status_counts;
mod stdin;
mod support;
mod task_names;
mod tracking;
mod views;
mod waits;
