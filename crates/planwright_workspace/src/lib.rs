//! The file-system side of planwright: reading plan files with errors that
//! name the file, and (in later modules) finding plans, configuration and
//! local templates. The core model never touches a file; this crate does.

pub mod config;
mod config_check;
mod config_de;
pub mod discover;
mod file_id;
pub mod fill;
mod fill_code;
mod fill_table;
mod fill_value;
pub mod git;
pub mod glob_root;
pub mod init;
pub mod newplan;
mod newplan_fs;
mod newplan_set;
pub mod numbering;
pub mod source;
pub mod templates;
mod toml_path;

pub use source::{
    LoadError, MAX_PLAN_BYTES, SourceFile, decode, io_reason, read_capped, read_plan_file,
    read_plan_from,
};
