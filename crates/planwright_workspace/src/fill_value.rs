//! How a value is written where a slot stands: as an identifier where it
//! is glued to one (`feature_{{FEATURE_NAME}}`), with `|` escaped in a
//! table, and as text, never markup, outside code.

use planwright_core::{Plan, TextRange};

/// The value as it must be written where the slot stands.
pub(crate) fn render(
    plan: &Plan,
    template: &str,
    range: TextRange,
    name: &str,
    raw: String,
) -> String {
    let mut value = raw;
    // `feature_{{FEATURE_NAME}}` is an identifier: the title goes in as one.
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    let before = template[..range.start as usize].chars().next_back();
    let after = template[range.end as usize..].chars().next();
    // So does any value with spaces (`--set feature_name="Dark mode"`).
    if (glued(before) || glued(after)) && (name == "title" || value.contains(char::is_whitespace)) {
        value = crate::newplan::slugify(&value).replace('-', "_");
    }
    if plan.tables.iter().any(|t| t.range.contains_range(range)) {
        value = value.replace('|', "\\|");
    }
    if !in_code_or_front_matter(plan, range) {
        let line_start = template[..range.start as usize]
            .rsplit('\n')
            .next()
            .is_some_and(|before| before.trim().is_empty());
        value = escape_markup(&value, line_start);
    }
    // Line breaks would end the line; other controls have no place in
    // a plan's text.
    value
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' => Some(' '),
            c if c.is_control() && c != '\t' => None,
            c => Some(c),
        })
        .collect()
}

/// Characters Markdown (or planwright's reader, for `{`) may read as
/// markup wherever they stand in a line.
const INLINE_MARKUP: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '{', '}', '|', '~'];

/// A filled value is text, never markup: every character that Markdown
/// could read as inline markup where it stands (see [`INLINE_MARKUP`];
/// `_` inside a word cannot) is backslash-escaped,
/// as is `&` where it starts an entity (`&amp;`, not `R&D`) and, at the start of
/// a line, a character that would open a block (`#`, `+`, `-`, `=`, `1.`).
/// Half-measures surprised: `Support <Vec> generics` lost `<Vec>` as an HTML
/// tag, and a title escaped `[` but not `*`, so `*stars*` turned italic.
fn escape_markup(value: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(value.len() + 4);
    let mut chars = value.chars().peekable();
    if line_start {
        let digits = value.chars().take_while(char::is_ascii_digit).count();
        let opens_list = digits > 0 && value[digits..].starts_with(['.', ')']);
        if value.starts_with(['#', '+', '-', '=']) {
            out.push('\\');
        } else if opens_list {
            out.push_str(&value[..digits]);
            out.push('\\');
            chars = value[digits..].chars().peekable();
        }
    }
    let mut prev = None;
    while let Some(c) = chars.next() {
        let inside_word = |next: Option<&char>| {
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(|n| n.is_alphanumeric())
        };
        match c {
            // `snake_case`: an underscore inside a word opens no emphasis.
            '_' if inside_word(chars.peek()) => out.push(c),
            // `\|` was escaped for a table cell already.
            '\\' if chars.peek() == Some(&'|') => {
                out.push(c);
                if let Some(bar) = chars.next() {
                    out.push(bar);
                }
            }
            '&' if starts_entity(chars.clone()) => out.push_str("\\&"),
            c if INLINE_MARKUP.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        prev = Some(c);
    }
    out
}

/// Whether the characters after a `&` make it an entity reference
/// (`amp;`, `#38;`), which Markdown would turn into the character it names.
fn starts_entity(rest: impl Iterator<Item = char>) -> bool {
    let mut len = 0;
    for c in rest.take(33) {
        match c {
            ';' => return len > 0,
            c if c.is_ascii_alphanumeric() || (c == '#' && len == 0) => len += 1,
            _ => return false,
        }
    }
    false
}

/// Whether a slot stands in code (a block or a span), a comment or front
/// matter, where a backslash would be read as written.
fn in_code_or_front_matter(plan: &Plan, range: TextRange) -> bool {
    plan.code_blocks
        .iter()
        .chain(&plan.code_spans)
        .chain(&plan.comments)
        .chain(&plan.front_matter)
        .any(|c| c.contains_range(range))
}
