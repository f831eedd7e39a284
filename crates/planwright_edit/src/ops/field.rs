//! `set`: change a metadata field where it is written, or add it in the
//! style the plan's header already uses.

use planwright_core::edit::Edit;
use planwright_core::{DialectSet, MetaField, MetaStyle, Plan, Role, TextRange, normalize_key};

use super::{Change, Intent, OpError, insert_lines, line_end_after, line_start};

/// What `planwright set` was asked.
#[derive(Clone, Copy, Debug)]
pub struct SetField<'a> {
    pub field: &'a str,
    pub value: &'a str,
    /// Add the field when the header lacks it.
    pub add: bool,
}

/// Checks a new value for the dialect's status field against the dialect's
/// status values and returns it in the dialect's spelling. Other fields,
/// plans of no known dialect and `force` pass the value through.
pub fn check_status(
    plan: &Plan,
    dialects: &DialectSet,
    field: &str,
    value: &str,
    force: bool,
) -> Result<String, OpError> {
    let Some(dialect) = dialects.get(&plan.dialect.name) else {
        return Ok(value.to_owned());
    };
    let d = &dialect.descriptor;
    if normalize_key(field) != normalize_key(&d.status_field) || d.status_values.is_empty() {
        return Ok(value.to_owned());
    }
    if let Some(known) = d
        .status_values
        .iter()
        .find(|v| normalize_key(v) == normalize_key(value))
    {
        return Ok(known.clone());
    }
    if force {
        return Ok(value.to_owned());
    }
    Err(OpError::StatusNotAllowed {
        value: value.to_owned(),
        dialect: d.name.clone(),
        allowed: d.status_values.clone(),
    })
}

/// Rewrites the value of every field named `req.field` in the plan's
/// header block (front matter, bold lines, comments above the first
/// section), or, when the header block lacks it, of the first plan-level
/// field of that name further down; or adds one when `req.add` allows it.
pub fn set_field(plan: &Plan, src: &str, req: &SetField<'_>) -> Result<Change, OpError> {
    let value = req.value.trim();
    let key = normalize_key(req.field);
    let all: Vec<(usize, &MetaField)> = plan
        .metadata
        .iter()
        .enumerate()
        .filter(|(_, f)| f.is_header() && f.norm_key() == key)
        .collect();
    // A `**Status:**` in a risk or decision further down is not the plan's:
    // without one in the header block, the first field of that name in a
    // section that describes the plan (a summary, say) stands in for it,
    // never one under a heading that lists items of their own.
    let in_block: Vec<(usize, &MetaField)> = all
        .iter()
        .copied()
        .filter(|(_, f)| in_header_block(plan, f))
        .collect();
    let fields = if in_block.is_empty() {
        all.into_iter()
            .filter(|(_, f)| !describes_an_item(plan, f))
            .take(1)
            .collect()
    } else {
        in_block
    };
    if fields.is_empty() {
        if !req.add {
            let mut present: Vec<String> = Vec::new();
            for f in plan.metadata.iter().filter(|f| in_header_block(plan, f)) {
                if !present.iter().any(|p| *p == f.key) {
                    present.push(f.key.to_string());
                }
            }
            return Err(OpError::FieldMissing {
                field: req.field.to_owned(),
                present,
            });
        }
        return add_field(plan, src, req.field, value, key.to_string());
    }
    if let Some((_, f)) = fields
        .iter()
        .find(|(_, f)| f.style == MetaStyle::FrontMatter && spans_lines(plan, src, f))
    {
        return Err(OpError::MultilineValue {
            field: f.key.to_string(),
        });
    }
    let mut edits = Vec::new();
    let mut changes = Vec::new();
    for (i, f) in fields {
        let (content, parsed) = encode(f.style, src, f.value_range, value)?;
        // An unchanged value writes nothing, so the file keeps its time stamp.
        if f.value_range.slice(src) != content {
            edits.push(Edit::replace(f.value_range, content));
        }
        changes.push((i, parsed));
    }
    Ok(Change {
        edits,
        intent: Intent::Field { changes },
    })
}

/// Whether a field belongs to the header block: plan-level and above the
/// first section below the title.
fn in_header_block(plan: &Plan, f: &MetaField) -> bool {
    let first_section = plan
        .sections
        .iter()
        .find(|s| s.level >= 2)
        .map_or(u32::MAX, |s| s.heading.start);
    f.is_header() && f.range.start < first_section
}

/// Sections whose sub-headings are items with fields of their own: a
/// `**Status:**` under `## Risks` / `### Risk 1` is the risk's.
const ITEM_ROLES: [Role; 11] = [
    Role::Risks,
    Role::Decisions,
    Role::Alternatives,
    Role::OpenQuestions,
    Role::Components,
    Role::Dependencies,
    Role::Prerequisites,
    Role::Stakeholders,
    Role::Phases,
    Role::Timeline,
    Role::ProgressLog,
];

/// Whether a field sits in a section of [`ITEM_ROLES`] or under one.
fn describes_an_item(plan: &Plan, f: &MetaField) -> bool {
    let mut section = f.section;
    // Bounded by the number of sections: a parent always comes first.
    for _ in 0..=plan.sections.len() {
        let Some(s) = section.and_then(|s| plan.sections.get(s)) else {
            return false;
        };
        if s.role.is_some_and(|r| ITEM_ROLES.contains(&r)) {
            return true;
        }
        section = s.parent;
    }
    false
}

/// Whether a front-matter field's value goes on below its key's line: a
/// nested mapping, a block sequence, a block scalar (`|`, `>`) or a plain
/// or quoted scalar folded over several lines. The lines that follow up to
/// the next top-level key are its, but for blank lines and comments. Such
/// a value cannot be replaced by patching one line.
fn spans_lines(plan: &Plan, src: &str, f: &MetaField) -> bool {
    let Some(fm) = plan.front_matter else {
        return false;
    };
    let key_end = f.key_range.end as usize;
    let after_key = src.get(key_end..line_end_after(src, key_end)).unwrap_or("");
    let value = after_key.trim_start_matches(':').trim_start();
    if value.starts_with(['|', '>']) {
        return true;
    }
    let text = fm.slice(src).trim_end();
    let closing = line_start(src, fm.start as usize + text.len().saturating_sub(1));
    let from = line_end_after(src, f.range.end as usize);
    let Some(rest) = src.get(from..closing.max(from)) else {
        return false;
    };
    for line in rest.split(['\n', '\r']) {
        let body = line.trim_start_matches([' ', '\t']);
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        return line.starts_with([' ', '\t', '-']);
    }
    false
}

/// The text to put at `range` so that the field reads `value`, and the
/// value the reader will see (front matter keeps escapes as written).
fn encode(
    style: MetaStyle,
    src: &str,
    range: TextRange,
    value: &str,
) -> Result<(String, String), OpError> {
    let bad = |reason: &str| OpError::BadValue {
        style: style.name(),
        reason: reason.to_owned(),
    };
    if value.contains(['\n', '\r']) {
        return Err(bad("it spans several lines"));
    }
    let bytes = src.as_bytes();
    let (start, end) = (range.start as usize, range.end as usize);
    let before = start.checked_sub(1).and_then(|i| bytes.get(i)).copied();
    let after = bytes.get(end).copied();
    let (mut content, parsed) = match style {
        MetaStyle::Bold { .. } => (value.to_owned(), value.to_owned()),
        MetaStyle::Comment => {
            if value.contains("-->") {
                return Err(bad("it contains `-->`"));
            }
            (value.to_owned(), value.to_owned())
        }
        MetaStyle::FrontMatter => {
            let quote = match (before, after) {
                (Some(q @ (b'"' | b'\'')), Some(c)) if c == q && !range.is_empty() => Some(q),
                _ => None,
            };
            match quote {
                Some(q) => {
                    let inner = escape_yaml(value, q);
                    (inner.clone(), inner)
                }
                None if needs_yaml_quotes(value) => {
                    let inner = escape_yaml(value, b'"');
                    (format!("\"{inner}\""), inner)
                }
                None => (value.to_owned(), value.to_owned()),
            }
        }
    };
    if range.is_empty() && !content.is_empty() {
        if before.is_some_and(|b| !b.is_ascii_whitespace()) {
            content.insert(0, ' ');
        }
        if style == MetaStyle::Comment && after == Some(b'-') {
            content.push(' ');
        }
    }
    Ok((content, parsed))
}

fn escape_yaml(value: &str, quote: u8) -> String {
    if quote == b'\'' {
        value.replace('\'', "''")
    } else {
        value.replace('\\', "\\\\").replace('"', "\\\"")
    }
}

/// Plain YAML scalars cannot start with an indicator or hold `: ` / ` #`.
fn needs_yaml_quotes(value: &str) -> bool {
    value.is_empty()
        || value.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        || value.contains(": ")
        || value.contains(" #")
        || value.ends_with(':')
}

/// Adds `field: value` in the style most of the header uses: a line in the
/// front matter, a comment after the last comment field, a bold field after
/// the last bold one (on the same line when the header strings several
/// together with `|`), or a bold line under the title.
fn add_field(
    plan: &Plan,
    src: &str,
    field: &str,
    value: &str,
    key: String,
) -> Result<Change, OpError> {
    let le = plan.line_ending.as_str();
    let header: Vec<&MetaField> = plan
        .metadata
        .iter()
        .filter(|f| in_header_block(plan, f))
        .collect();
    let count = |pred: fn(&MetaStyle) -> bool| header.iter().filter(|f| pred(&f.style)).count();
    let fm = count(|s| *s == MetaStyle::FrontMatter);
    let comments = count(|s| *s == MetaStyle::Comment);
    let bold = count(|s| matches!(s, MetaStyle::Bold { .. }));
    let style = if plan.front_matter.is_some() && fm >= comments && fm >= bold {
        MetaStyle::FrontMatter
    } else if comments > bold {
        MetaStyle::Comment
    } else {
        let colon_inside = plan
            .metadata
            .iter()
            .find_map(|f| match f.style {
                MetaStyle::Bold { colon_inside } => Some(colon_inside),
                _ => None,
            })
            .unwrap_or(true);
        MetaStyle::Bold { colon_inside }
    };
    let same: Vec<&MetaField> = header
        .iter()
        .copied()
        .filter(|f| std::mem::discriminant(&f.style) == std::mem::discriminant(&style))
        .collect();
    let name = key_like(field, &same);
    let (value_text, parsed) = encode(style, " ", TextRange::empty(1), value)?;
    let written = match style {
        MetaStyle::FrontMatter => format!("{name}: {value_text}"),
        MetaStyle::Comment => format!("<!-- {name}: {value_text} -->"),
        MetaStyle::Bold { colon_inside: true } => format!("**{name}:** {value_text}"),
        MetaStyle::Bold {
            colon_inside: false,
        } => format!("**{name}**: {value_text}"),
    };
    let edit = match (style, same.last()) {
        (MetaStyle::FrontMatter, _) => {
            let fm = plan.front_matter.unwrap_or_default();
            let text = fm.slice(src).trim_end();
            let closing = line_start(src, fm.start as usize + text.len().saturating_sub(1));
            insert_lines(src, closing, &[written], le)
        }
        (_, Some(last)) => after_field(src, last, &same, &written, le),
        (_, None) => under_title(plan, src, &written, le),
    };
    Ok(Change {
        edits: vec![edit],
        intent: Intent::FieldAdded { key, value: parsed },
    })
}

/// After `last`: on its line when it shares the line with another field,
/// else on a new line shaped like its own (prefix, trailing hard break,
/// blank line between fields).
fn after_field(src: &str, last: &MetaField, same: &[&MetaField], written: &str, le: &str) -> Edit {
    let start = last.range.start as usize;
    let line = line_start(src, start);
    let on_line: Vec<&&MetaField> = same
        .iter()
        .filter(|f| line_start(src, f.range.start as usize) == line)
        .collect();
    if on_line.len() >= 2 {
        let prev = on_line[on_line.len() - 2];
        let sep = src
            .get(prev.range.end as usize..start)
            .filter(|s| s.contains('|'))
            .unwrap_or(" | ");
        return Edit::insert(last.range.end as usize, format!("{sep}{written}"));
    }
    let prefix = src.get(line..start).unwrap_or("");
    let prefix = if prefix.trim_start_matches(['>', ' ', '\t']).is_empty() {
        prefix
    } else {
        ""
    };
    let next = line_end_after(src, last.range.end as usize);
    let trailing = hard_break(src, last);
    let blank_between = same.len() >= 2 && {
        let prev = same[same.len() - 2];
        src.get(prev.range.end as usize..start)
            .is_some_and(|s| planwright_core::LineIndex::new(s).line_count() >= 3)
    };
    // Lines that end in a hard break but the last (`**Input**: ...` in the
    // spec-kit header): a new last line would run into the old one when
    // rendered, so the field goes before it, with its siblings' break.
    let sibling_break = same[..same.len().saturating_sub(1)]
        .iter()
        .rev()
        .find(|f| line_start(src, f.range.start as usize) != line)
        .map_or("", |f| hard_break(src, f));
    if trailing.is_empty() && !sibling_break.is_empty() && !blank_between {
        return insert_lines(
            src,
            line,
            &[format!("{prefix}{written}{sibling_break}")],
            le,
        );
    }
    let mut lines = Vec::new();
    if blank_between {
        lines.push(prefix.trim_end().to_owned());
    }
    lines.push(format!("{prefix}{written}{trailing}"));
    insert_lines(src, next, &lines, le)
}

/// What ends a field's line after its value when it is a Markdown hard
/// break (two spaces, `\\`, `<br>`); else nothing.
fn hard_break<'s>(src: &'s str, field: &MetaField) -> &'s str {
    let end = field.range.end as usize;
    let next = line_end_after(src, end);
    let rest = src.get(end..next).unwrap_or("");
    let trailing = rest.trim_end_matches(['\r', '\n']);
    match trailing.trim() {
        "" if trailing.len() >= 2 => trailing,
        "\\" | "<br>" | "<br/>" | "<br />" => trailing,
        _ => "",
    }
}

fn under_title(plan: &Plan, src: &str, written: &str, le: &str) -> Edit {
    let Some(title) = &plan.title else {
        let at = if plan.bom { 3 } else { 0 };
        return Edit::insert(at, format!("{written}{le}{le}"));
    };
    // A title that is itself a phase heading (`# Phase 13: ...`) would claim
    // a field under it for the phase; the header field goes above it.
    let title_is_phase = plan.phases.iter().any(|p| p.heading == title.heading);
    if title_is_phase {
        let at = line_start(src, title.heading.start as usize);
        return insert_lines(src, at, &[written.to_owned(), String::new()], le);
    }
    let at = line_end_after(src, title_end(src, title.heading));
    let mut lines = vec![String::new(), written.to_owned()];
    let next_blank = src[at..]
        .split(['\n', '\r'])
        .next()
        .is_none_or(|l| l.trim().is_empty());
    if !next_blank {
        lines.push(String::new());
    }
    insert_lines(src, at, &lines, le)
}

/// Where the title's heading ends: after its text for `# Title`, after
/// the `===` (or `---`) line under it for a setext title, whose range
/// holds only the text.
fn title_end(src: &str, heading: TextRange) -> usize {
    let end = heading.end as usize;
    if heading.slice(src).trim_start().starts_with('#') {
        return end;
    }
    let underline = line_end_after(src, end);
    let rest = src.get(underline..).unwrap_or("");
    underline + planwright_core::text::line_len(rest)
}

/// The user's field name, cased like the header's other keys of one style:
/// `FEATURE_ID` among comment keys, `status` in lower-case front matter,
/// `Owner` among capitalised bold keys.
fn key_like(field: &str, same: &[&MetaField]) -> String {
    let letters = |f: &&MetaField| {
        f.key
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect::<String>()
    };
    let all = |pred: fn(char) -> bool| {
        !same.is_empty() && same.iter().all(|f| letters(f).chars().all(pred))
    };
    let field = field.trim();
    if all(char::is_uppercase) {
        field.to_uppercase().replace([' ', '-'], "_")
    } else if all(char::is_lowercase) {
        field.to_lowercase()
    } else {
        let mut chars = field.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    }
}

#[cfg(test)]
#[path = "field_tests.rs"]
mod tests;
