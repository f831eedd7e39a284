//! `set`: change a metadata field where it is written, or add it in the
//! style the plan's header already uses.

use planwright_core::edit::Edit;
use planwright_core::markup::{escape_markup, field_value, wrapper};
use planwright_core::{
    DialectSet, LineIndex, MetaField, MetaStyle, Plan, TextRange, escape_yaml, needs_yaml_quotes,
    normalize_key,
};

use super::{Change, Intent, OpError, single_line};

#[path = "field_add.rs"]
mod add;
#[path = "field_header.rs"]
mod header;
#[path = "field_markup.rs"]
mod markup;
#[path = "field_name.rs"]
mod name;
#[path = "field_yaml.rs"]
mod yaml;

/// What `planwright set` was asked.
#[derive(Clone, Copy, Debug)]
pub struct SetField<'a> {
    pub field: &'a str,
    pub value: &'a str,
    /// Add the field when the header lacks it.
    pub add: bool,
    /// Write a bold or plain value as the Markdown given (a link stays a
    /// link), not escaped to read back as typed. Front matter and comments
    /// hold text either way.
    pub markdown: bool,
}

/// Checks a new value for the dialect's status field against the dialect's
/// status values and returns the spelling to write. Other fields, plans of
/// no known dialect and `force` pass the value through, without the line
/// break that may end it; a value of more lines is refused, as
/// [`set_field`] refuses it (see [`single_line`]).
///
/// A dialect may list one status in several spellings (`in_progress`,
/// `in-progress`); normalised, they are one value. The header's own
/// spelling of that value is kept, so setting what the field already says
/// writes nothing; else the user's, when the dialect lists it as typed;
/// else the dialect's first.
pub fn check_status(
    plan: &Plan,
    src: &str,
    dialects: &DialectSet,
    field: &str,
    value: &str,
    force: bool,
) -> Result<String, OpError> {
    // Before the spelling is looked up: read as words of a status, the
    // lines of `In\nProgress` would pass for `In Progress`.
    let value = single_line("value", value)?;
    let Some(dialect) = dialects.get(&plan.dialect.name) else {
        return Ok(value.to_owned());
    };
    let d = &dialect.descriptor;
    let key = normalize_key(field);
    // `""` empties the field, as `set`'s help says, whatever the values.
    if key != normalize_key(&d.status_field) || d.status_values.is_empty() || value.is_empty() {
        return Ok(value.to_owned());
    }
    if let Some(spelt) = dialect.status_spelling(value) {
        let wanted = normalize_key(value);
        let current = header::fields_named(plan, src, &key)
            .into_iter()
            .map(|(_, f)| f.value.as_str())
            .find(|v| normalize_key(v) == wanted);
        return Ok(current.unwrap_or(spelt).to_owned());
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
/// header (see [`header`]: front matter, and the fields above the first
/// section, list items among them), or adds one when `req.add` allows it.
/// A field further down is never the plan's: a `**Status:**` under `##
/// User Stories` is a story's, and a header that lacks the field is an
/// error rather than a guess. A header table that states the field is
/// refused either way: planwright edits no table cells, and adding a
/// field beside the table would contradict it.
///
/// The value is trimmed of ASCII white space only: a no-break space that
/// opens it is kept. In front matter a quoted value keeps its quotes; a
/// plain one stays plain unless YAML would read the new value as other
/// than a string (`false`, `7`, `2024-02-02`, `null`), which is then
/// quoted, but for one case: the old value was itself plain and read as
/// that same type (`flag: true` set to `false` is `flag: false`, `count:
/// 42` set to `7` is `count: 7`), so the field keeps its YAML type. See
/// [`yaml::keeps_type`]. The empty value is quoted as well, `owner: ""`
/// (`''` in single quotes), as YAML reads `owner:` as null, not as a
/// string; Markdown has no null, so a bold field or a comment emptied is
/// left with nothing after its label. A bold field's trailing hard break
/// (`\`, two spaces) stays after the new value, and so does the markup its
/// whole value is written in (a code span, strong or emphasis; see
/// [`wrapper`]), unless the new value holds that markup's
/// character. A bold or plain value is text: its markup characters are
/// escaped (see [`escape_markup`]), so that it reads back as given, and
/// the value is refused where a backtick in it would still close a code
/// span the plan left open ([`markup::check_contained`]). A bold value whose paragraph goes
/// on over the lines below its label's (`**Goal:** Add OTel config,` /
/// `injected into the process`) is read over all of them (see
/// [`MetaField::value_range`]) and replaced whole: the new value is
/// written on one line where the old one starts, and the line that starts
/// the next field stays.
///
/// `--add` writes a front-matter key exactly as typed (trimmed): YAML keys
/// are case-sensitive, so `Feature ID` stays `Feature ID` among lower-case
/// keys. A bold label or a comment key is cased like the header's others
/// of its style (see `add::key_like`): `status` is written `**Status:**`
/// under capitalised labels, `<!-- OWNER_TEAM: -->` among upper-case
/// comment keys. A name the header's style cannot hold is refused up
/// front (see [`name::problem`]), and so is a key the front matter already
/// has in any spelling or quoting.
pub fn set_field(plan: &Plan, src: &str, req: &SetField<'_>) -> Result<Change, OpError> {
    let value = single_line("value", req.value)?.trim_matches(|c: char| c.is_ascii_whitespace());
    let key = normalize_key(single_line("field name", req.field)?);
    let fields = header::fields_named(plan, src, &key);
    if fields.is_empty() {
        refuse_missing(plan, src, req, &key)?;
        return add::add_field(plan, src, req, value, key.to_string());
    }
    if let Some((f, shape)) = fields.iter().find_map(|(_, f)| {
        (f.style == MetaStyle::FrontMatter)
            .then(|| yaml::not_scalar(plan, src, f))
            .flatten()
            .map(|shape| (f, shape))
    }) {
        let field = f.key.to_string();
        let line = LineIndex::new(src).line_of(f.key_range.start) + 1;
        return Err(match shape {
            yaml::NotScalar::Lines => OpError::MultilineValue { field, line },
            yaml::NotScalar::Flow => OpError::CollectionValue { field, line },
            yaml::NotScalar::Tab(at) => OpError::TabIndent {
                field,
                line: LineIndex::new(src).line_of(at as u32) + 1,
            },
        });
    }
    let style = fields[0].1.style;
    let mut edits = Vec::new();
    let mut changes = Vec::new();
    for (i, f) in fields {
        let (mut content, parsed) = encode(f.style, src, f.value_range, value, req.markdown)?;
        if words_before_field(plan, src, f, &content) {
            content.push(' ');
        }
        // An empty value takes the blank before it along: `**Owner:** Ann`
        // becomes `**Owner:**`, not `**Owner:** ` with a stray space, and
        // a later value goes back in after one space, so setting the old
        // value again gives back the line byte for byte. Front matter
        // writes `""` instead (see `encode`), and a value empty already
        // is left as it is written.
        let range = if content.is_empty() && !f.value_range.is_empty() {
            with_blank_before(src, f.value_range)
        } else {
            f.value_range
        };
        // An unchanged value writes nothing, so the file keeps its time stamp.
        if range.slice(src) != content {
            edits.push(Edit::replace(range, content));
        }
        changes.push((i, parsed));
    }
    markup::check_contained(src, &edits, in_words(style), req.markdown)?;
    Ok(Change {
        edits,
        intent: Intent::Field { changes },
    })
}

/// What [`set_field`] refuses whatever the value: a field the header
/// lacks (unless `req.add`), or states in a table. For a caller to ask
/// before it checks the value (see [`check_status`]): a missing field is
/// the first thing to hear of, as `--force` would not help with it.
pub fn check_field(plan: &Plan, src: &str, req: &SetField<'_>) -> Result<(), OpError> {
    let key = normalize_key(req.field);
    if header::fields_named(plan, src, &key).is_empty() {
        refuse_missing(plan, src, req, &key)?;
    }
    Ok(())
}

/// For a field `key` the header lacks: the refusal of a table that
/// states it, or of a field missing without `req.add`.
fn refuse_missing(plan: &Plan, src: &str, req: &SetField<'_>, key: &str) -> Result<(), OpError> {
    if let Some((line, name)) = header::table_stating(plan, src, key) {
        return Err(OpError::BadValue {
            style: "table",
            reason: format!(
                "`{name}` is in the header's table on line {line}, whose cells planwright does not edit; change it there"
            ),
        });
    }
    // `set title` means the plan's title, which is its heading, not a
    // field; `--add` would write a `**Title:**` beside it.
    if !req.add
        && key == "title"
        && let Some(title) = &plan.title
    {
        return Err(OpError::TitleIsHeading {
            line: LineIndex::new(src).line_of(title.heading.start) + 1,
        });
    }
    if !req.add {
        let mut present: Vec<String> = Vec::new();
        for f in header::fields(plan, src) {
            if !present.iter().any(|p| *p == f.key) {
                present.push(f.key.to_string());
            }
        }
        // Only the field the model reads as the plan's (`show` and
        // `status` give it); a story's or a decision's status is theirs.
        let outside = plan
            .field(key)
            .map(|f| LineIndex::new(src).line_of(f.key_range.start) + 1);
        return Err(OpError::FieldMissing {
            field: req.field.to_owned(),
            present,
            outside,
        });
    }
    Ok(())
}

/// Whether bold field `f`, followed on its line by another field after a
/// single blank (`**Date:** 2026-02-20 **Owner:** bob`), is given words
/// (`content`): the reader takes a label one blank after words as part of
/// them (`lines like **Status:** Done`), so `**Date:** to be decided
/// **Owner:** bob` would swallow the owner. A second blank keeps the
/// fields apart and renders the same.
fn words_before_field(plan: &Plan, src: &str, f: &MetaField, content: &str) -> bool {
    let end = f.value_range.end as usize;
    let blank_then_field = matches!(src.as_bytes().get(end), Some(b' ' | b'\t'))
        && !matches!(src.as_bytes().get(end.wrapping_sub(1)), Some(b' ' | b'\t'))
        && plan
            .metadata
            .iter()
            .any(|m| m.range.start as usize == end + 1);
    matches!(f.style, MetaStyle::Bold { .. })
        && blank_then_field
        && content.trim().contains(char::is_whitespace)
}

/// `range` with the spaces and tabs right before it. A bold value that
/// starts below its label (`**Goal:**` / `Build it.`, see
/// `planwright_core`'s reading of a value over several lines) takes the
/// line break and the next line's markers (indentation, `>`) along too:
/// left, they would leave an empty line, which ends the label's paragraph.
fn with_blank_before(src: &str, range: TextRange) -> TextRange {
    let start = range.start as usize;
    let before = src.get(..start).unwrap_or_default();
    let blank = before.trim_end_matches([' ', '\t']);
    let markers = blank.trim_end_matches([' ', '\t', '>']);
    let kept = match markers
        .strip_suffix('\n')
        .or_else(|| markers.strip_suffix('\r'))
    {
        Some(above) => above
            .strip_suffix('\r')
            .unwrap_or(above)
            .trim_end_matches([' ', '\t']),
        None => blank,
    };
    TextRange::new(kept.len(), range.end as usize)
}

/// The text to put at `range` so that the field reads `value`, and the
/// value the reader will see (front matter keeps escapes as written).
pub(super) fn encode(
    style: MetaStyle,
    src: &str,
    range: TextRange,
    value: &str,
    markdown: bool,
) -> Result<(String, String), OpError> {
    let bad = |reason: &str| OpError::BadValue {
        style: in_words(style),
        reason: reason.to_owned(),
    };
    // YAML 1.1 readers (PyYAML, and the tools built on it) break lines at
    // these, in quotes too: the front matter would no longer parse.
    if style == MetaStyle::FrontMatter
        && let Some(c) = value.chars().find(|c| matches!(c, '\u{2028}' | '\u{2029}'))
    {
        return Err(bad(&format!(
            "it holds U+{:04X}, which YAML 1.1 reads as a line break",
            c as u32
        )));
    }
    let bytes = src.as_bytes();
    let (start, end) = (range.start as usize, range.end as usize);
    let before = start.checked_sub(1).and_then(|i| bytes.get(i)).copied();
    let after = bytes.get(end).copied();
    let (mut content, parsed) = match style {
        MetaStyle::Bold { .. } | MetaStyle::Plain => {
            if let Some(extra) = field_within(value) {
                return Err(bad(&format!("it would add the field `{extra}`")));
            }
            if value.ends_with('|') {
                return Err(bad(
                    "it ends with `|`, which a bold field's line reads as the separator before another field (`**A:** x | **B:** y`), so the value would end before it",
                ));
            }
            // Markup escaped (a trailing `\\`, which would break the line,
            // too), but in a code span, where every character is text as
            // written; or, asked for, the Markdown given, whose markup is
            // the user's to close: the plan read again after the edit
            // (`verify`) refuses a value that changes more than the field.
            let written = match wrapper(range.slice(src)) {
                _ if markdown => {
                    if (value.len() - value.trim_end_matches('\\').len()) % 2 == 1 {
                        return Err(bad(
                            "it ends with a lone `\\`, which Markdown reads as a line break",
                        ));
                    }
                    value.to_owned()
                }
                Some("`") if !value.is_empty() && !value.contains('`') => format!("`{value}`"),
                Some(mark) if !value.is_empty() && !value.contains(&mark[..1]) => {
                    format!("{mark}{}{mark}", escape_markup(value))
                }
                _ => escape_markup(value),
            };
            // The reader reads the escapes: the value given.
            let parsed = field_value(&written).into_owned();
            (written, parsed)
        }
        MetaStyle::Comment => {
            if value.contains("-->") {
                return Err(bad("it contains `-->`"));
            }
            (value.to_owned(), value.to_owned())
        }
        MetaStyle::FrontMatter => {
            // A quoted value keeps its quotes, and the new value is escaped
            // for them.
            match planwright_core::yaml_quote(src, range) {
                Some(q) => {
                    // The reader decodes the escapes: the value reads back.
                    return Ok((escape_yaml(value, q), value.to_owned()));
                }
                // An empty value is quoted too, `owner: ""`: left out,
                // `owner:` would read as null to YAML, not as the empty
                // string asked for. The old plain value's type is kept
                // (see `set_field`).
                None if needs_yaml_quotes(value) && !yaml::keeps_type(range.slice(src), value) => {
                    let inner = escape_yaml(value, b'"');
                    (format!("\"{inner}\""), value.to_owned())
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

/// The field a bold value would bring along: after `**Owner:**`, `Bob |
/// **Status:** X` reads as `Bob` and a new field `Status: X`. The
/// verification would refuse it too, but name the field whose value
/// changed rather than the one the value adds.
fn field_within(value: &str) -> Option<String> {
    if !value.contains("**") {
        return None;
    }
    let plan = planwright_core::parse(&format!("**Key:** {value}\n"));
    let extra = plan.metadata.get(1)?;
    Some(format!("{}: {}", extra.key, extra.value))
}

#[cfg(test)]
#[path = "field_tests.rs"]
mod tests;

/// A header style as messages name it: `front-matter`, not the JSON's
/// `front_matter`.
fn in_words(style: MetaStyle) -> &'static str {
    match style {
        MetaStyle::FrontMatter => "front-matter",
        other => other.name(),
    }
}
