//! The command-line surface, as clap types. `planwright --help` is built
//! from the doc comments here, so they are written for users.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Read, check, track and edit implementation plans kept as Markdown.
#[derive(Debug, Parser)]
#[command(name = "planwright", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the parsed model of a plan: outline, or the whole model as JSON.
    Show(ShowArgs),
    /// Print the JSON Schema of `show --format json`.
    Schema,
    /// List the plan templates, or print one.
    Templates {
        #[command(subcommand)]
        action: Option<TemplatesAction>,
    },
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The plan file.
    pub plan: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Read the plan as this dialect instead of detecting it.
    #[arg(long, value_name = "DIALECT")]
    pub dialect: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// List built-in and local templates.
    List,
    /// Print a template byte for byte.
    Show { name: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}
