//! The diagnostic model: what a rule found, where, and how to fix it.
//!
//! Diagnostics are plain data with byte ranges into the plan's source;
//! nothing here knows about terminals or JSON. Renderers in [`crate::render`]
//! turn them into text at the edge.

use planwright_core::TextRange;
use planwright_core::edit::Edit;
use schemars::JsonSchema;
use serde::Serialize;

/// How serious a finding is: each rule has a default, which configuration
/// may change per rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn from_name(name: &str) -> Option<Severity> {
        match name.trim().to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "note" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// A range with the words that explain it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub range: TextRange,
    pub message: String,
}

/// Whether a fix may be applied without review. A safe fix never changes
/// what the plan says, only how it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    Safe,
    Unsafe,
}

/// Byte patches on the original text that resolve one diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub message: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where the problem is; its message may be empty.
    pub primary: Label,
    /// Other places that explain it (the first of two duplicates, the rest
    /// of a cycle).
    pub secondary: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn with_label(mut self, range: TextRange, message: impl Into<String>) -> Self {
        self.secondary.push(Label {
            range,
            message: message.into(),
        });
        self
    }
}
