//! The CLI's integration tests: one binary, one module per command.

mod init;
mod local_templates;
mod new;
mod show;
