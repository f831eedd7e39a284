//! `set --add`: a field the header lacks, written in the style most of
//! the header uses and where a reader looks for it, its key cased like
//! the others'. Apart from rewriting a value (`field.rs`), which only
//! changes the bytes of values already there: adding chooses a style, a
//! place and a name, each from what the header already holds.

use planwright_core::edit::Edit;
use planwright_core::text::line_len;
use planwright_core::{LineIndex, MetaField, MetaStyle, Plan, TextRange, escape_yaml};

use super::super::{Change, Intent, OpError, field_list, insert_lines, line_end_after, line_start};
use super::{SetField, encode, header, in_words, markup, name, yaml};

/// Adds `field: value` in the style most of the header uses: a line in the
/// front matter, a comment after the last comment field, a bold field after
/// the last bold one (on the same line when the header strings several
/// together with `|`), a new item of the header's list when its bold
/// fields are all list items, above the first section or in a `##
/// Metadata` section (see [`field_list::after_item`]), or a bold line
/// under the title. A line after such a list would run into its last
/// item, so a header with bold lines as well as a list adds to the lines.
pub(super) fn add_field(
    plan: &Plan,
    src: &str,
    req: &SetField<'_>,
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
    let typed = req.field.trim_matches(|c: char| c.is_ascii_whitespace());
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
    let (mut value_text, parsed) = encode(style, " ", TextRange::empty(1), value, req.markdown)?;
    if style == MetaStyle::FrontMatter
        && let Some(q) = yaml::prevailing_quote(src, &same)
    {
        let (inner, q) = (escape_yaml(value, q), char::from(q));
        value_text = format!("{q}{inner}{q}");
    }
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
    markup::check_contained(
        src,
        std::slice::from_ref(&edit),
        in_words(style),
        req.markdown,
    )?;
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
/// (`Owner`). A front-matter key is never recased (see [`super::set_field`]).
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
