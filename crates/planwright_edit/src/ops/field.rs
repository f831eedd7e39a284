//! `set`: change a metadata field where it is written, or add it in the
//! style the plan's header already uses.

use planwright_core::edit::Edit;
use planwright_core::markup::{escape_loose_markup, field_value, wrapper};
use planwright_core::text::line_len;
use planwright_core::{
    DialectSet, LineIndex, MetaField, MetaStyle, Plan, TextRange, escape_yaml, needs_yaml_quotes,
    normalize_key,
};

use super::{Change, Intent, OpError, field_list, insert_lines, line_end_after, line_start};

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
}

/// Checks a new value for the dialect's status field against the dialect's
/// status values and returns the spelling to write. Other fields, plans of
/// no known dialect and `force` pass the value through.
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
    let Some(dialect) = dialects.get(&plan.dialect.name) else {
        return Ok(value.to_owned());
    };
    let d = &dialect.descriptor;
    let key = normalize_key(field);
    if key != normalize_key(&d.status_field) || d.status_values.is_empty() {
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
/// character. A bold value's markup that would reach past it is escaped
/// (see [`escape_loose_markup`]), and the value refused where it still
/// would ([`markup::check_contained`]).
///
/// `--add` writes a front-matter key exactly as typed (trimmed): YAML keys
/// are case-sensitive, so `Feature ID` stays `Feature ID` among lower-case
/// keys. A bold label or a comment key is cased like the header's others
/// of its style (see [`key_like`]): `status` is written `**Status:**`
/// under capitalised labels, `<!-- OWNER_TEAM: -->` among upper-case
/// comment keys. A name the header's style cannot hold is refused up
/// front (see [`name::problem`]), and so is a key the front matter already
/// has in any spelling or quoting.
pub fn set_field(plan: &Plan, src: &str, req: &SetField<'_>) -> Result<Change, OpError> {
    let value = req.value.trim_matches(|c: char| c.is_ascii_whitespace());
    let key = normalize_key(req.field);
    let fields = header::fields_named(plan, src, &key);
    if fields.is_empty() {
        refuse_missing(plan, src, req, &key)?;
        return add_field(plan, src, req.field, value, key.to_string());
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
        });
    }
    if let Some((f, next)) = fields
        .iter()
        .find_map(|(_, f)| wraps_on(plan, src, f).map(|n| (f, n)))
    {
        let lines = LineIndex::new(src);
        return Err(OpError::WrappedValue {
            field: f.key.to_string(),
            line: lines.line_of(f.value_range.start) + 1,
            next: lines.line_of(next) + 1,
        });
    }
    let style = fields[0].1.style;
    let mut edits = Vec::new();
    let mut changes = Vec::new();
    for (i, f) in fields {
        let (content, parsed) = encode(f.style, src, f.value_range, value)?;
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
    markup::check_contained(src, &edits, in_words(style))?;
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
    if !req.add {
        let mut present: Vec<String> = Vec::new();
        for f in header::fields(plan, src) {
            if !present.iter().any(|p| *p == f.key) {
                present.push(f.key.to_string());
            }
        }
        return Err(OpError::FieldMissing {
            field: req.field.to_owned(),
            present,
        });
    }
    Ok(())
}

/// Where the paragraph of bold field `f` goes on past the field's line
/// with text that is no field of its own (`**Goal:** Add OTel config,` /
/// `injected into the process`): Markdown reads that line as more of the
/// value, the reader only the first line, so a new value written there
/// would leave the old value's rest behind it. A hard break (`\`, two
/// spaces) ends the value's line for Markdown too.
fn wraps_on(plan: &Plan, src: &str, f: &MetaField) -> Option<u32> {
    if !matches!(f.style, MetaStyle::Bold { .. }) {
        return None;
    }
    let end = f.value_range.end as usize;
    let line_end = end + line_len(src.get(end..)?);
    let rest = &src[end..line_end];
    let starts_in = |from: usize, to: usize| {
        plan.metadata
            .iter()
            .any(|m| (from..to).contains(&(m.range.start as usize)))
    };
    // Only the line's last field can go on below it.
    if rest.ends_with('\\') || rest.ends_with("  ") || starts_in(end, line_end) {
        return None;
    }
    let block = plan
        .blocks
        .iter()
        .find(|b| b.range.contains_range(f.range))?;
    let next = line_end_after(src, line_end);
    let next_end = next + line_len(&src[next..]);
    let in_block = next < block.range.end as usize && !src[next..next_end].trim().is_empty();
    // A line that starts a field of its own is the next field, not more
    // of this one.
    (in_block && !starts_in(next, next_end)).then_some(next as u32)
}

/// `range` with the spaces and tabs right before it.
fn with_blank_before(src: &str, range: TextRange) -> TextRange {
    let start = range.start as usize;
    let blank = src
        .get(..start)
        .map_or(0, |s| s.len() - s.trim_end_matches([' ', '\t']).len());
    TextRange::new(start - blank, range.end as usize)
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
        style: in_words(style),
        reason: reason.to_owned(),
    };
    if value.contains(['\n', '\r']) {
        return Err(bad("it spans several lines"));
    }
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
            let backslashes = value.len() - value.trim_end_matches('\\').len();
            if backslashes % 2 == 1 {
                return Err(bad(
                    "it ends with `\\`, which Markdown reads as a line break, not as part of the value",
                ));
            }
            // Loose markup escaped, but in a code span, where every
            // character is text as written.
            let written = match wrapper(range.slice(src)) {
                Some("`") if !value.is_empty() && !value.contains('`') => format!("`{value}`"),
                Some(mark) if !value.is_empty() && !value.contains(&mark[..1]) => {
                    format!("{mark}{}{mark}", escape_loose_markup(value))
                }
                _ => escape_loose_markup(value),
            };
            // The reader reads the escapes: the value given, but for those
            // it brought itself (it is Markdown).
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

/// Adds `field: value` in the style most of the header uses: a line in the
/// front matter, a comment after the last comment field, a bold field after
/// the last bold one (on the same line when the header strings several
/// together with `|`), a new item of the header's list when its bold
/// fields are all list items, above the first section or in a `##
/// Metadata` section (see [`field_list::after_item`]), or a bold line
/// under the title. A line after such a list would run into its last
/// item, so a header with bold lines as well as a list adds to the lines.
fn add_field(
    plan: &Plan,
    src: &str,
    field: &str,
    value: &str,
    key: String,
) -> Result<Change, OpError> {
    let le = plan.line_ending.as_str();
    let header = header::fields(plan, src);
    let count = |pred: fn(&MetaStyle) -> bool| header.iter().filter(|f| pred(&f.style)).count();
    let fm = count(|s| *s == MetaStyle::FrontMatter);
    let comments = count(|s| *s == MetaStyle::Comment);
    let bold = count(|s| matches!(s, MetaStyle::Bold { .. }));
    let plain_lines = count(|s| *s == MetaStyle::Plain);
    let style = if plan.front_matter.is_some() && fm >= comments && fm >= bold.max(plain_lines) {
        MetaStyle::FrontMatter
    } else if comments > bold.max(plain_lines) {
        MetaStyle::Comment
    } else if plain_lines > bold {
        MetaStyle::Plain
    } else {
        let colon_inside = header
            .iter()
            .copied()
            .chain(&plan.metadata)
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
    let typed = field.trim_matches(|c: char| c.is_ascii_whitespace());
    let name = if style == MetaStyle::FrontMatter {
        typed.to_owned()
    } else {
        key_like(typed, &same)
    };
    let name = name.as_str();
    if let Some(problem) = name::problem(name, style) {
        return Err(OpError::BadName {
            style: in_words(style),
            name: typed.to_owned(),
            problem,
        });
    }
    if let Some((line, written)) = yaml::key_line(plan, src, &key) {
        return Err(OpError::KeyElsewhere { written, line });
    }
    let (value_text, parsed) = encode(style, " ", TextRange::empty(1), value)?;
    // No space after a bold label or comment key for an empty value, as
    // `set` leaves it; front matter has written `""`.
    let v = if value_text.is_empty() {
        String::new()
    } else {
        format!(" {value_text}")
    };
    let written = match style {
        // A plain line is written as a front-matter line is.
        MetaStyle::FrontMatter | MetaStyle::Plain => format!("{name}:{v}"),
        MetaStyle::Comment => format!("<!-- {name}:{v} -->"),
        MetaStyle::Bold { colon_inside: true } => format!("**{name}:**{v}"),
        MetaStyle::Bold {
            colon_inside: false,
        } => format!("**{name}**:{v}"),
    };
    let lines: Vec<&MetaField> = same.iter().copied().filter(|f| !f.in_list).collect();
    let item = same
        .iter()
        .rev()
        .find(|f| header::in_header_list(plan, src, f));
    // Only an item of the list of a `## Metadata` section after an
    // untitled plan's opening heading is none of the model's header (see
    // `Intent::FieldAdded`).
    let header = lines.last().is_some() || item.is_none_or(|f| f.header_item);
    let edit = match (style, lines.last(), item) {
        (MetaStyle::FrontMatter, _, _) => {
            let fm = plan.front_matter.unwrap_or_default();
            let text = fm.slice(src).trim_end();
            let closing = line_start(src, fm.start as usize + text.len().saturating_sub(1));
            insert_lines(src, closing, &[written], le)
        }
        (_, Some(last), _) => after_field(src, last, &lines, &written, le),
        (_, None, Some(last)) => {
            let item = format!("{written}{}", hard_break(src, last));
            field_list::after_item(plan, src, last, &item, le)
                .unwrap_or_else(|| under_title(plan, src, &written, le))
        }
        (_, None, None) => under_title(plan, src, &written, le),
    };
    markup::check_contained(src, std::slice::from_ref(&edit), in_words(style))?;
    Ok(Change {
        edits: vec![edit],
        intent: Intent::FieldAdded {
            key,
            value: parsed,
            header,
        },
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
        // The line's own separator (` | `, ` · `, `; `...).
        let sep = src
            .get(prev.range.end as usize..start)
            .filter(|s| !s.is_empty() && !s.contains(['\n', '\r']))
            .unwrap_or(" | ");
        // One blank separates fields only after a value of one token
        // (`**Date:** 2026-02-20 **Context:** …`): after the last value,
        // words as often as not, the new field would read as more of
        // them, so it goes on a line of its own.
        if sep != " " && sep != "\t" {
            return Edit::insert(last.range.end as usize, format!("{sep}{written}"));
        }
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
            .is_some_and(|s| LineIndex::new(s).line_count() >= 3)
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
    underline + line_len(rest)
}

/// The user's field name for a bold label or a comment key, cased like the
/// header's other keys of that style: `FEATURE_ID` among upper-case
/// comment keys, `status` among lower-case labels, else capitalised
/// (`Owner`). A front-matter key is never recased (see [`set_field`]).
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

/// A header style as messages name it: `front-matter`, not the JSON's
/// `front_matter`.
fn in_words(style: MetaStyle) -> &'static str {
    match style {
        MetaStyle::FrontMatter => "front-matter",
        other => other.name(),
    }
}
