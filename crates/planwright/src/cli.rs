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
    /// Set up planwright here: a commented planwright.toml and an empty
    /// .planwright/templates/ folder. Never overwrites anything.
    Init,
    /// Create a plan from a template, numbered and with everything planwright
    /// knows filled in (title, branch, ids, dates, author, status).
    New(NewArgs),
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

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The plan's title; also gives the folder's slug.
    pub title: String,
    /// Template: a built-in one or .planwright/templates/NAME.md
    /// [default: [new] template in planwright.toml, else speckit].
    #[arg(short, long, value_name = "TEMPLATE")]
    pub template: Option<String>,
    /// The feature's spec file, written into the plan relative to it.
    #[arg(long, value_name = "PATH")]
    pub spec: Option<PathBuf>,
    /// Issue or ticket id.
    #[arg(long, value_name = "ID")]
    pub issue: Option<String>,
    /// Author [default: git config user.name].
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// Fill any other slot by name (`--set component_1=Parser`); names match
    /// across case, spaces, `_` and `-`.
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    pub set: Vec<(String, String)>,
    /// Use this number instead of the next free one; refused if taken.
    #[arg(long, value_name = "N")]
    pub number: Option<u64>,
    /// Also create and switch to a git branch named like the plan's folder.
    #[arg(long)]
    pub branch: bool,
    /// Print the path and content; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

fn parse_key_value(arg: &str) -> Result<(String, String), String> {
    match arg.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_owned(), v.to_owned())),
        _ => Err(format!("expected KEY=VALUE, got `{arg}`")),
    }
}
