//! The rules, one file each; `registry` lists them. Each file's `//!`
//! comment is the rule's user documentation (`planwright rules CODE`).

pub(crate) mod broken_anchor;
pub(crate) mod broken_link;
pub(crate) mod dependency_cycle;
pub(crate) mod done_before_dependency;
pub(crate) mod done_with_open_checklist;
pub(crate) mod done_with_open_subtasks;
pub(crate) mod duplicate_task_id;
pub(crate) mod empty_section;
pub(crate) mod invalid_date;
pub(crate) mod invalid_directive;
mod link_places;
pub(crate) mod malformed_front_matter;
pub(crate) mod malformed_table;
pub(crate) mod missing_metadata;
pub(crate) mod missing_section;
pub(crate) mod mixed_list_markers;
pub(crate) mod open_questions;
pub(crate) mod open_with_done_subtasks;
pub(crate) mod progress_log_out_of_order;
pub(crate) mod risk_without_mitigation;
pub(crate) mod status_contradicts_tasks;
pub(crate) mod template_text;
pub(crate) mod timeline_out_of_order;
pub(crate) mod unfilled_placeholder;
pub(crate) mod unknown_check_mark;
pub(crate) mod unknown_dependency;
pub(crate) mod unknown_status;
pub(crate) mod unresolved_choice;
pub(crate) mod unused_directive;
pub(crate) mod uppercase_check_mark;

#[cfg(test)]
mod tests;

use planwright_core::TextRange;
use planwright_core::edit::Edit;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Label, Severity};
use crate::registry::Rule;

/// Collects one rule's findings, stamped with its code, name and the
/// severity the configuration gave it.
pub(crate) struct Sink<'r> {
    rule: &'r Rule,
    severity: Severity,
    out: Vec<Diagnostic>,
}

impl<'r> Sink<'r> {
    pub(crate) fn new(rule: &'r Rule, severity: Severity) -> Self {
        Self {
            rule,
            severity,
            out: Vec::new(),
        }
    }

    pub(crate) fn report(&mut self, range: TextRange, message: impl Into<String>) -> Report<'_> {
        self.out.push(Diagnostic {
            code: self.rule.code,
            name: self.rule.name,
            severity: self.severity,
            message: message.into(),
            primary: Label {
                range,
                message: String::new(),
            },
            secondary: Vec::new(),
            help: None,
            fix: None,
        });
        let last = self.out.len() - 1;
        Report(&mut self.out[last])
    }

    pub(crate) fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.out
    }
}

/// Adds detail to a diagnostic just reported.
pub(crate) struct Report<'a>(&'a mut Diagnostic);

impl Report<'_> {
    pub(crate) fn primary_label(self, message: impl Into<String>) -> Self {
        self.0.primary.message = message.into();
        self
    }

    pub(crate) fn label(self, range: TextRange, message: impl Into<String>) -> Self {
        self.0.secondary.push(Label {
            range,
            message: message.into(),
        });
        self
    }

    pub(crate) fn help(self, help: impl Into<String>) -> Self {
        self.0.help = Some(help.into());
        self
    }

    pub(crate) fn fix(
        self,
        message: impl Into<String>,
        edits: Vec<Edit>,
        applicability: Applicability,
    ) -> Self {
        self.0.fix = Some(Fix {
            message: message.into(),
            edits,
            applicability,
        });
        self
    }
}
