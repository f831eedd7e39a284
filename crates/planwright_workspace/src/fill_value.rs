//! How a value is written where a slot stands: as an identifier where it
//! is glued to one (`feature_{{FEATURE_NAME}}`), with `|` escaped in a
//! table, and as text, never markup, outside code.

use planwright_core::{Plan, TableKind, TextRange};

/// The value as it must be written where the slot stands.
pub(crate) fn render(
    plan: &Plan,
    template: &str,
    range: TextRange,
    name: &str,
    raw: &str,
) -> String {
    // Line breaks would end the line; other controls have no place in a
    // plan's text. Dropped first, so what is escaped below is what is
    // written: `-\u{0}->` must not become `-->` after the check.
    let mut value: String = raw
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' => Some(' '),
            c if c.is_control() && c != '\t' => None,
            c => Some(c),
        })
        .collect();
    // `feature_{{FEATURE_NAME}}` is an identifier: the title goes in as one.
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    let before = &template[..range.start as usize];
    let after = &template[range.end as usize..];
    // So does any value with spaces (`--set feature_name="Dark mode"`).
    if (glued(before.chars().next_back()) || glued(after.chars().next()))
        && (name == "title" || value.contains(char::is_whitespace))
    {
        value = crate::newplan::slugify(&value).replace('-', "_");
    }
    let in_table = plan.tables.iter().any(|t| t.range.contains_range(range));
    if in_table && !in_url(before) {
        value = value.replace('|', "\\|");
    }
    if plan.comments.iter().any(|c| c.contains_range(range)) {
        value = keep_comment_open(before, &value, after);
    } else if in_code_or_front_matter(plan, range) {
        // Written as given: a backslash there would be read as written.
    } else if in_url(before) {
        // A backslash would be part of the address; a space would end it.
        // In a table a `|` would end the cell: it is encoded too.
        value = url_path(&value);
        if in_table {
            value = value.replace('|', "%7C");
        }
    } else {
        let line = before.rsplit('\n').next().unwrap_or(before);
        let block_start = opens_block_content(line);
        if block_start {
            // Indentation there is no text: four spaces would make code.
            value = value.trim_start().to_owned();
        }
        value = escape_markup(&value, block_start);
        value = keep_heading_text(line, &value, after);
    }
    value
}

/// Whether text written after `line_before` (the slot's line up to it)
/// starts a block's content: nothing but indentation and container
/// markers (`> `, `- `, `* `, `+ `, `1. `, `1) `) stands before it, so a
/// `#` or `1.` there would open a heading or a list inside the quote or
/// item. A task's `[ ] ` ends the markers: what follows it is a paragraph.
fn opens_block_content(line_before: &str) -> bool {
    let mut rest = line_before;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        if rest.is_empty() {
            return true;
        }
        if let Some(after_quote) = rest.strip_prefix('>') {
            rest = after_quote;
            continue;
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let marker = if rest.starts_with(['-', '*', '+']) {
            1
        } else if (1..=9).contains(&digits) && rest[digits..].starts_with(['.', ')']) {
            digits + 1
        } else {
            return false;
        };
        // A list marker is one only when white space follows it.
        if !rest[marker..].starts_with([' ', '\t']) {
            return false;
        }
        rest = &rest[marker..];
    }
}

/// A value in an HTML comment cannot be escaped (nothing in a comment is
/// read as markup), but `-->` (or `--!>`, which browsers also take) would
/// end the comment early and show the rest of it as text. A space goes
/// between the dashes and the `>`: `a -- > b`. Entities (`--&gt;`) would
/// be no better, as a comment is never rendered, so `&gt;` would stay
/// `&gt;` for every reader, `planwright show` included; the space keeps
/// the value readable and one byte longer. The text around the slot
/// counts: `<!--` before a value `>` or `->`, or a value ending in `--`
/// before the template's own `>`, closes the comment as well.
fn keep_comment_open(before: &str, value: &str, after: &str) -> String {
    let tail_start = before.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    let mut text = before[tail_start..].to_owned();
    let tail = text.len();
    for c in value.chars() {
        if c == '>' && (text.ends_with("--") || text.ends_with("--!")) {
            text.push(' ');
        }
        text.push(c);
    }
    // A close that starts in the value and ends in the template's text.
    let ahead: String = after.chars().take(3).collect();
    let joined = format!("{text}{ahead}");
    let closes_across = ["-->", "--!>"]
        .iter()
        .filter_map(|close| joined.match_indices(close).next())
        .any(|(at, close)| at < text.len() && at + close.len() > text.len());
    if closes_across {
        text.push(' ');
    }
    text.split_off(tail)
}

/// At the end of an ATX heading (`# Plan: [TITLE]`), a value ending in a
/// run of `#` after a space (`Issue #`) would be read as the heading's
/// closing sequence and vanish; the run's first `#` is escaped.
fn keep_heading_text(line_before: &str, value: &str, after: &str) -> String {
    let heading = line_before
        .trim_start_matches(' ')
        .strip_prefix('#')
        .is_some_and(|r| r.trim_start_matches('#').starts_with([' ', '\t']) || r.is_empty());
    let line_after = after.split('\n').next().unwrap_or(after);
    if !heading || !line_after.trim().is_empty() {
        return value.to_owned();
    }
    // Spaces after the run do not stop it closing the heading.
    let text = value.trim_end_matches([' ', '\t']);
    let body = text.trim_end_matches('#');
    let spaced = match body.chars().next_back() {
        Some(c) => c == ' ' || c == '\t',
        None => line_before.ends_with([' ', '\t']),
    };
    if body.len() == text.len() || !spaced {
        return value.to_owned();
    }
    format!("{body}\\{}", &value[body.len()..])
}

/// Characters Markdown (or planwright's reader, for `{`) may read as
/// markup wherever they stand in a line.
const INLINE_MARKUP: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '{', '}', '|', '~'];

/// A filled value is text, never markup: every character that Markdown
/// could read as inline markup where it stands (see [`INLINE_MARKUP`];
/// `_` inside a word cannot) is backslash-escaped,
/// as is `&` where it starts an entity (`&amp;`, not `R&D`) and, at the start of
/// a block's content (a line's, a quote's or a list item's; see
/// [`opens_block_content`]), a character that would open a block (`#`, `+`,
/// `-`, `=`, `1.`).
/// Half-measures surprised: `Support <Vec> generics` lost `<Vec>` as an HTML
/// tag, and a title escaped `[` but not `*`, so `*stars*` turned italic.
pub(crate) fn escape_markup(value: &str, block_start: bool) -> String {
    let mut out = String::with_capacity(value.len() + 4);
    let mut chars = value.chars().peekable();
    if block_start {
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
            // spec-kit's `$ARGUMENTS` slot, written by the user (`Handle
            // $ARGUMENTS in scripts`), is text: not a slot left to fill.
            '$' if chars.clone().take(9).eq("ARGUMENTS".chars()) => out.push_str("\\$"),
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

/// Whether a slot written after `before` stands in an address: a link's
/// destination (`[#1](https://t/issues/{{ISSUE}})`), an autolink
/// (`<https://t/{{ISSUE}}>`) or a reference definition's URL (`[r]:
/// https://t/{{ISSUE}}`). The address is the run of text since the last
/// blank, so a link's title (`"see {{X}}"`) is not one.
fn in_url(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before);
    let run = line.rsplit([' ', '\t']).next().unwrap_or(line);
    if let Some(p) = run.rfind("](") {
        return !run[p..].contains(')');
    }
    let run = run.trim_start_matches(['<', '(']);
    run.contains("://") || run.starts_with("mailto:")
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

/// Whether a slot sits in a timeline table, where a date is a phase's start
/// or end for the author to plan, not the day the plan was written.
pub(crate) fn in_timeline(plan: &Plan, range: TextRange) -> bool {
    plan.tables
        .iter()
        .any(|t| t.kind == TableKind::Timeline && t.range.contains_range(range))
}

/// `path` as a link destination: what a URL or Markdown reads otherwise
/// (`#` a fragment, `?` a query, `%` an escape, a space or `>` the end,
/// brackets) percent-encoded, so the link names the file: `spec#1.md` is
/// `spec%231.md`, which `lint` decodes back to the file.
pub(crate) fn url_path(path: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        let special = matches!(
            c,
            '%' | '#' | '?' | ' ' | '<' | '>' | '(' | ')' | '[' | ']' | '\\' | '`' | '"'
        );
        if special || c.is_control() {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}
