//! Labels and the lines that look like fields but are not: the kind of
//! check boxes a label (`**Acceptance**:`, `Acceptance Criteria:`) gives
//! the list after it, and a plain `Key: value` line that is a sentence.

use super::{TaskKind, meta, normalize_key};

/// The kind of the check boxes after a label with nothing after its
/// colon (`**Acceptance**:`), by its normalised key.
pub(super) fn kind_for_label(key: &str) -> Option<TaskKind> {
    match key {
        "deliverables" | "deliverable" => Some(TaskKind::Deliverable),
        "tasks" | "task" | "subtasks" => Some(TaskKind::Task),
        // Outcomes to check once the work holds, not work to start.
        "acceptance_criteria"
        | "acceptance_criterion"
        | "acceptance"
        | "criteria"
        | "success_criteria"
        | "exit_criteria"
        | "completion_criteria" => Some(TaskKind::AcceptanceCriterion),
        "definition_of_done" => Some(TaskKind::DefinitionOfDone),
        // Other languages' labels (`**验收标准**：`) as `roles.toml` spells
        // those sections: a language added there labels lists too.
        _ if !key.is_ascii() => {
            match crate::roles::resolve_key(&crate::roles::normalize_heading(key)) {
                Some(crate::Role::AcceptanceCriteria) => Some(TaskKind::AcceptanceCriterion),
                Some(crate::Role::DefinitionOfDone) => Some(TaskKind::DefinitionOfDone),
                _ => None,
            }
        }
        "out_of_scope"
        | "not_in_scope"
        | "non_goals"
        | "future_work"
        | "future_enhancements"
        | "deferred" => Some(TaskKind::Deferred),
        _ => None,
    }
}

/// Whether a plain `Key: value` line reads as a sentence, not a field: a
/// value ending as one (`Problem: the cache is stale.`, `Q: how?`), or a
/// key that opens a remark (`Note:`, `TODO:`, `Q:`/`A:`).
pub(super) fn prose_field(line: &str, f: &meta::RawField) -> bool {
    let key = line
        .get(f.key.0..f.key.1)
        .unwrap_or_default()
        .to_ascii_lowercase();
    let value = line.get(f.value.0..f.value.1).unwrap_or_default();
    value.ends_with(['.', '?', '!'])
        || matches!(
            key.as_str(),
            "note"
                | "notes"
                | "warning"
                | "tip"
                | "todo"
                | "fixme"
                | "q"
                | "a"
                | "see"
                | "also"
                | "example"
                | "problem"
                | "solution"
                | "question"
                | "answer"
                | "why"
                | "how"
        )
}

/// The kind a block that is only a plain label (`Acceptance Criteria:`,
/// one line, no markup) gives the check boxes after it, as the label's
/// bold form does (see `kind_for_label`).
/// `text` is the block's trimmed text: most blocks are prose and fail the
/// first, cheapest test (this runs on every block).
pub(super) fn plain_label_kind(text: &str) -> Option<TaskKind> {
    let key = text.strip_suffix(':').filter(|k| k.len() <= 32)?;
    let plain = key
        .bytes()
        .all(|c| c.is_ascii_alphabetic() || matches!(c, b' ' | b'-'));
    plain.then(|| kind_for_label(&normalize_key(key))).flatten()
}
