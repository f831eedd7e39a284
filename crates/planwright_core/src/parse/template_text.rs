//! Template text left in a plan: blocks still worded exactly as its
//! dialect's instructions, found once the dialect is known.

use crate::model::{Placeholder, PlaceholderKind, Plan, Text};
use crate::text::TextRange;

/// Blocks still worded exactly as the template's instructions.
pub(super) fn template_text(source: &str, plan: &mut Plan, dialect: &crate::Dialect) {
    let instructions = dialect.instruction_text();
    if instructions.is_empty() {
        return;
    }
    let mut found = false;
    // The fields' ranges by start, sorted once a block needs them: a block
    // holding a field is no instruction, and looking through every field
    // for each block was quadratic.
    let mut fields: Option<Vec<TextRange>> = None;
    for block in &plan.blocks {
        let text = block.range.slice(source);
        let first = text
            .split_whitespace()
            .map(|w| w.trim_matches(|c| c == '*' || c == '_'))
            .find(|w| !w.is_empty())
            .unwrap_or_default();
        if !dialect.may_be_instruction(first) {
            continue;
        }
        let fields = fields.get_or_insert_with(|| {
            let mut ranges: Vec<TextRange> = plan.metadata.iter().map(|m| m.range).collect();
            ranges.sort_unstable_by_key(|r| (r.start, r.end));
            ranges
        });
        let inside = fields[fields.partition_point(|r| r.start < block.range.start)..]
            .iter()
            .take_while(|r| r.start <= block.range.end)
            .any(|r| block.range.contains_range(*r));
        if inside || !instructions.contains(&crate::dialect::normalize_text(text)) {
            continue;
        }
        found = true;
        plan.placeholders.push(Placeholder {
            kind: PlaceholderKind::TemplateText,
            text: Text::from(text),
            name: None,
            range: block.range,
            in_metadata: false,
        });
    }
    if found {
        plan.placeholders
            .sort_by_key(|p| (p.range.start, p.range.end));
    }
}
