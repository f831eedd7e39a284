//! Template text left in a plan: blocks still worded exactly as its
//! dialect's instructions, found once the dialect is known.

use crate::model::{BlockKind, Placeholder, PlaceholderKind, Plan, Text};
use crate::text::TextRange;

/// Template text left in the plan, among its placeholders in order: the
/// dialect's instructions, if it has a template, and text any template
/// leaves (notes about itself, instructions to fill or drop a section,
/// tasks named by their number alone), read by its shape.
pub(super) fn template_text(source: &str, plan: &mut Plan, dialect: Option<&crate::Dialect>) {
    let tasks = unwritten_tasks(source, plan);
    let blocks = dialect.is_some_and(|d| instruction_blocks(source, plan, d));
    let notes = template_notes(source, plan);
    if tasks || blocks || notes {
        plan.placeholders
            .sort_by_key(|p| (p.range.start, p.range.end));
    }
}

/// Blocks still worded exactly as the template's instructions: whether
/// there were any.
fn instruction_blocks(source: &str, plan: &mut Plan, dialect: &crate::Dialect) -> bool {
    let instructions = dialect.instruction_text();
    if instructions.is_empty() {
        return false;
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
        plan.placeholders.push(template_text_at(text, block.range));
    }
    found
}

/// Notes a template leaves about itself: a paragraph that opens by naming
/// the template (`**Note**: This template is filled in by the planning
/// command`, `This template: replace every bracket`) and tells how it is
/// filled, whatever template it came from. Left in a plan, it is
/// instruction text; whether there were any. A plan that speaks of a
/// template it builds (`This template renders the welcome email; we fill
/// in the name`) tells no one to fill it, and is left alone.
fn template_notes(source: &str, plan: &mut Plan) -> bool {
    let mut found = false;
    for block in plan
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
    {
        let text = block.range.slice(source);
        let markup = |c: char| matches!(c, '*' | '_' | '>' | ' ' | '\t');
        let mut opening = text.trim_start_matches(markup);
        // A label before it: `**Note**:`, `Note:`, `NOTE —`.
        if let Some(rest) = opening.get(..4).filter(|w| w.eq_ignore_ascii_case("note")) {
            let after = &opening[rest.len()..];
            opening = after.trim_start_matches(|c: char| markup(c) || matches!(c, ':' | '-' | '—'));
        }
        let names_itself = opening
            .get(..13)
            .is_some_and(|w| w.eq_ignore_ascii_case("this template"));
        if !names_itself {
            if fill_instruction(text) {
                found = true;
                plan.placeholders.push(template_text_at(text, block.range));
            }
            continue;
        }
        // Telling how to fill it, in the sentence that names it.
        let sentence = opening.split(['.', ';']).next().unwrap_or_default();
        let lower = sentence.to_lowercase();
        if ![
            "filled in",
            "fill in",
            "fill out",
            "replace",
            "delete",
            "remove",
        ]
        .iter()
        .any(|verb| lower.contains(verb))
        {
            continue;
        }
        found = true;
        plan.placeholders.push(template_text_at(text, block.range));
    }
    found
}

/// An instruction a template leaves on its own line, in emphasis, about
/// when to fill or drop a section: `*Fill in only when the change needs a
/// migration*`, `_Delete this section if no risk applies_`, or one that
/// tells in capitals what not to do with a section (`*This section is
/// read by the task command: DO NOT run it now*`). Read by its shape, as
/// [`template_notes`]: any template's. Plan text in emphasis says what to
/// do to the work ("*Remove the old endpoint only once clients move*"),
/// not to the plan, and is left alone.
fn fill_instruction(text: &str) -> bool {
    let text = text.trim();
    let Some(inner) = ["**", "__", "*", "_"].iter().find_map(|mark| {
        text.strip_prefix(mark)?
            .strip_suffix(mark)
            .filter(|inner| !inner.contains(mark))
    }) else {
        return false;
    };
    let inner = inner.trim();
    let lower = inner.to_lowercase();
    let mut words = lower.split(|c: char| !c.is_alphabetic());
    let first = words.next().unwrap_or_default();
    // "Fill in", "fill this", "fill only": the plan is what is filled.
    let fills_the_plan = matches!(
        words.next().unwrap_or_default(),
        "in" | "out" | "this" | "only"
    );
    let of_the_plan = ["this section", "this table", "this template", "these lines"]
        .iter()
        .any(|w| lower.contains(w));
    let condition = [" if ", " only ", " when ", " unless "]
        .iter()
        .any(|w| lower.contains(w));
    match first {
        "fill" => fills_the_plan && condition,
        "remove" | "delete" | "omit" | "skip" | "drop" => of_the_plan,
        _ => inner.contains("DO NOT") && (of_the_plan || lower.contains("section")),
    }
}

/// Tasks a template names by their number alone (`- [ ] Task 1`, `- [ ]
/// Step 2.1`): the template's list of work, left unwritten. Their text is
/// template text, which `lint` reports; whether the plan has a template.
fn unwritten_tasks(source: &str, plan: &mut Plan) -> bool {
    let mut found = false;
    for task in &plan.tasks {
        if !numbered_only(&task.text) {
            continue;
        }
        let line = task.line.slice(source);
        let after = (task.check_range.end - task.line.start) as usize;
        let Some(at) = line
            .get(after..)
            .and_then(|rest| rest.find(task.text.as_str()))
        else {
            continue;
        };
        let start = task.line.start as usize + after + at;
        found = true;
        let range = TextRange::new(start, start + task.text.len());
        plan.placeholders.push(template_text_at(&task.text, range));
    }
    found
}

/// Whether a task's text is a word for a piece of work and a number, and
/// nothing else (`Task 1`, `Subtask 2.1`).
fn numbered_only(text: &str) -> bool {
    const WORDS: [&str; 5] = ["task", "subtask", "item", "step", "todo"];
    // The first word first, before the text is split into words: few
    // tasks open with one of these, and splitting every task's text at
    // white space (each character decoded and tested) cost 1% of the
    // model build (callgrind, parse bench).
    let t = text.trim_start();
    // (They open with `t`, `s` or `i`, which rules out most tasks' words
    // at one byte.)
    let lead = t.as_bytes().first().map(u8::to_ascii_lowercase);
    let opens = matches!(lead, Some(b't' | b's' | b'i'))
        && WORDS.iter().any(|w| {
            t.get(..w.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(w))
                && t[w.len()..].starts_with(char::is_whitespace)
        });
    if !opens {
        return false;
    }
    let mut words = text.split_whitespace();
    let (Some(word), Some(number), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
        && number
            .split('.')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Template text `text`, found at `range`.
fn template_text_at(text: &str, range: TextRange) -> Placeholder {
    Placeholder {
        kind: PlaceholderKind::TemplateText,
        text: Text::from(text),
        name: None,
        range,
        in_metadata: false,
    }
}
