//! Metadata fields: `**Key:** value`, `**Key**: value` (several on a line
//! separated by `|`), `Key: value` inside step items, `<!-- KEY: value -->`
//! comments, and YAML front matter.
//!
//! Each function reads one line or one comment, so the builder can call it
//! from the single pass without scanning the file again.

use crate::model::MetaStyle;
use crate::text::TextRange;

pub(crate) mod continued;
mod separators;
use separators::ends_with_break;

/// A field found on a line, with ranges relative to the line's start.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct RawField {
    pub key: (usize, usize),
    pub value: (usize, usize),
    /// From the opening `**` (or key) to the end of the value.
    pub whole: (usize, usize),
    pub style: MetaStyle,
}

impl RawField {
    /// The field with its offsets moved on by `by`: one read in a part of
    /// a line, placed in the line.
    pub(crate) fn shifted(self, by: usize) -> Self {
        let add = |(a, b): (usize, usize)| (a + by, b + by);
        Self {
            key: add(self.key),
            value: add(self.value),
            whole: add(self.whole),
            style: self.style,
        }
    }
}

/// Bold fields on one line: `**Key:** value`, `**Key**: value`, and several
/// of them separated by ` | `. `line` has its list marker already removed.
/// Appends to `out`, a buffer the reader reuses from line to line.
pub(crate) fn bold_fields(line: &str, out: &mut Vec<RawField>) {
    let mut i = 0;
    loop {
        let rest = &line[i..];
        let lead = rest.len() - rest.trim_start().len();
        let start = i + lead;
        let Some(field) = one_bold_field(&line[start..]) else {
            break;
        };
        let (key, value_start, colon_inside) = field;
        let at = start + value_start;
        let (v_start, v_end, next) = value_in(&line[at..], false);
        let (v_start, v_end) = (at + v_start, at + v_end);
        out.push(RawField {
            key: (start + key.0, start + key.1),
            value: (v_start, v_end),
            whole: (start, v_end),
            style: MetaStyle::Bold { colon_inside },
        });
        match next {
            Some(field) => i = at + field,
            None => break,
        }
    }
}

/// The value in `area`, the text after a bold label or a line that goes
/// on with a value (`continued`, see [`continued`]): its start and end,
/// and where the next field on the line starts, if one does.
///
/// The value runs to the separator before the next `**Key:**` on the line
/// (` | `, ` · `, `; `, ` — `...) or to the end of the line, without the
/// hard break that may end it.
fn value_in(area: &str, continued: bool) -> (usize, usize, Option<usize>) {
    let next = separators::find_next_bold_field(area, continued);
    let raw_value = &area[..next.map_or(area.len(), |(end, _)| end)];
    let v_lead = raw_value.len() - trim_blank_start(raw_value).len();
    let mut trimmed_value = trim_blank_end(raw_value);
    if next.is_none() {
        trimmed_value = trim_blank_end(without_hard_break(trimmed_value));
    }
    let trimmed_value = trim_blank_end(trimmed_value.strip_suffix('|').unwrap_or(trimmed_value));
    let trimmed_value = separators::without_notes(trimmed_value, v_lead);
    let v_start = v_lead.min(trimmed_value.len());
    let v_end = trimmed_value.len().max(v_start);
    (v_start, v_end, next.map(|(_, field)| field))
}

/// Whether a block quote's text is a header of fields: lines (or list
/// items) that hold nothing else, two or more, or one with a key such a
/// header usually states (`usual_key`: `> **Status:** In Progress`);
/// with `needs_usual`, two or more only with one such key among them. One other field is a callout
/// (`> **For agentic workers:** …`), not metadata, and so is a usual one
/// whose paragraph goes on in prose (`> **Status:** Completed` / `> when
/// the review is over`). A line that goes on with the value above it (see
/// [`continued`]) is that field's. A GitHub alert's marker line (`>
/// [!NOTE]`) is no line of text.
pub(crate) fn quote_of_fields(quote: &str, usual_key: fn(&str) -> bool, needs_usual: bool) -> bool {
    let mut fields = Vec::new();
    let mut count = 0;
    let mut usual = false;
    // Whether the last field read may go on below its line, and whether
    // one did.
    let (mut open, mut wrapped) = (false, false);
    for line in quote.lines() {
        let mut body = &line[super::items::line_body_start(line)..];
        let trimmed = body.trim();
        if trimmed.is_empty() || (trimmed.starts_with("[!") && trimmed.ends_with(']')) {
            open = false;
            continue;
        }
        fields.clear();
        bold_fields(body, &mut fields);
        if fields.is_empty() {
            if !open {
                return false;
            }
            wrapped = true;
            let on = continued::going_on(line);
            open = on.goes_on;
            let Some(next) = on.next_field else {
                continue;
            };
            body = &line[next..];
            bold_fields(body, &mut fields);
        }
        open = continued::may_go_on(line);
        count += fields.len();
        usual |= fields
            .iter()
            .any(|f| usual_key(body.get(f.key.0..f.key.1).unwrap_or_default()));
    }
    (count >= 2 && (usual || !needs_usual)) || (count == 1 && usual && !wrapped)
}

/// Whether `key` (as written) is one a plan's header usually states: one
/// such field alone is a header, where another key alone may be a note.
pub(crate) fn usual_header_key(key: &str) -> bool {
    matches!(
        crate::model::normalize_key(key).as_str(),
        "status"
            | "owner"
            | "owners"
            | "author"
            | "authors"
            | "date"
            | "created"
            | "updated"
            | "last_updated"
            | "version"
            | "priority"
            | "state"
    )
}

/// `**Key:** rest` or `**Key**: rest` at the start of `s` (or `__Key:__`,
/// which renders alike): the key's range, the offset where the value
/// starts, and whether the colon is inside.
fn one_bold_field(s: &str) -> Option<((usize, usize), usize, bool)> {
    let (inner, close) = if let Some(inner) = s.strip_prefix("**") {
        (inner, find_double_star(inner)?)
    } else {
        let inner = s.strip_prefix("__")?;
        (inner, inner.find("__")?)
    };
    let key_text = &inner[..close];
    if key_text.is_empty() || key_text.len() > 60 || key_text.contains('\n') {
        return None;
    }
    let after = &inner[close + 2..];
    let (key_end, colon_inside, value_start) = if let Some(k) = key_text
        .strip_suffix(':')
        .or_else(|| key_text.strip_suffix('：'))
    {
        (k.len(), true, 2 + close + 2)
    } else if after.starts_with(':') || after.starts_with('：') {
        let colon = if after.starts_with(':') {
            1
        } else {
            '：'.len_utf8()
        };
        (key_text.len(), false, 2 + close + 2 + colon)
    } else {
        return None;
    };
    let key = &key_text[..key_end];
    if key.trim().is_empty() || key.starts_with(' ') {
        return None;
    }
    // `- **[P]**: can run in parallel`: a legend defining a marker, no
    // field of the plan.
    if key.starts_with('[') && key.ends_with(']') {
        return None;
    }
    Some((trimmed(key, 2), value_start, colon_inside))
}

/// Whether `s` holds a bold field's markup, `**` or `__`: a block without
/// is spared the search for fields.
pub(crate) fn has_bold_mark(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'*', b'_', b).any(|i| b.get(i + 1) == Some(&b[i]))
}

/// The first `**` in `s`: a byte search, since a substring searcher's setup
/// cost more than the search on these short lines.
pub(crate) fn find_double_star(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr_iter(b'*', b).find(|&i| b.get(i + 1) == Some(&b'*'))
}

/// `s` without the spaces and tabs that open it. A value is trimmed of
/// ASCII blanks only, as Markdown and YAML trim a line: a no-break space
/// that opens a value is part of it, so that `set` can write it and read
/// it back.
fn trim_blank_start(s: &str) -> &str {
    s.trim_start_matches([' ', '\t'])
}

/// `s` without the spaces and tabs that end it (see [`trim_blank_start`]).
fn trim_blank_end(s: &str) -> &str {
    s.trim_end_matches([' ', '\t'])
}

/// A line's end without the `\` that makes it a hard line break: an odd
/// run of backslashes (`\\` is an escaped backslash, text). The break
/// belongs to the line, not to the value before it, so an edit of the
/// value keeps it: `Draft\` set to `Done` is `Done\`. At the end of a
/// paragraph Markdown shows the `\` as text; it is left out there too,
/// as no one means a value to end in one. An HTML break (`Draft<br>`) is
/// the line's as well, and so are the blanks before it.
fn without_hard_break(s: &str) -> &str {
    if let Some(n) = ends_with_break(s) {
        return trim_blank_end(&s[..s.len() - n]);
    }
    let run = s.len() - s.trim_end_matches('\\').len();
    if run % 2 == 1 { &s[..s.len() - 1] } else { s }
}

/// The range of `text`, which starts at `at`, without the Unicode white
/// space around it: the reader trims a key with `str::trim`, and its range
/// must slice to exactly that key (`**\u{a0}Status:**` reads `Status`).
fn trimmed(text: &str, at: usize) -> (usize, usize) {
    let start = at + (text.len() - text.trim_start().len());
    (start, start + text.trim().len())
}

/// `Key: value` written plainly, as in a step's sub-items
/// (`- Owner: [Team/member]`). Keys are short and start with a letter.
pub(crate) fn plain_field(line: &str) -> Option<RawField> {
    let colon = line.find(':')?;
    let key = line[..colon].trim_end();
    let lead = line.len() - line.trim_start().len();
    if key.len() <= lead
        || key.len() - lead > 32
        || !key[lead..].chars().next().is_some_and(char::is_alphabetic)
        || !key[lead..]
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '/' | '-' | '_' | '&'))
        || key[lead..].split_whitespace().count() > 4
    {
        return None;
    }
    let value = &line[colon + 1..];
    if value.starts_with("//") {
        return None;
    }
    let v_lead = value.len() - trim_blank_start(value).len();
    let v_start = colon + 1 + v_lead;
    let v_end = colon + 1 + trim_blank_end(without_hard_break(trim_blank_end(value))).len();
    Some(RawField {
        key: trimmed(key, 0),
        value: (v_start, v_end.max(v_start)),
        whole: (lead, v_end.max(v_start)),
        style: MetaStyle::Plain,
    })
}

/// The single field of `<!-- KEY: value -->`, relative to the comment.
pub(crate) fn comment_field(comment: &str) -> Option<RawField> {
    let body_start = 4;
    let body_end = comment.len().checked_sub(3)?;
    if !comment.starts_with("<!--") || !comment.ends_with("-->") || body_end < body_start {
        return None;
    }
    let body = &comment[body_start..body_end];
    if body.contains('\n') {
        return None;
    }
    let colon = body.find(':')?;
    let key = body[..colon].trim();
    if key.is_empty()
        || key.len() > 40
        || !key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == ' ')
        || key.starts_with("planwright")
    {
        return None;
    }
    let value = &body[colon + 1..];
    let v_start = body_start + colon + 1 + (value.len() - trim_blank_start(value).len());
    let v_end = (body_start + colon + 1 + trim_blank_end(value).len()).max(v_start);
    Some(RawField {
        key: trimmed(&body[..colon], body_start),
        value: (v_start, v_end),
        whole: (0, comment.len()),
        style: MetaStyle::Comment,
    })
}

/// Top-level `key: value` fields of a YAML front-matter block, relative to
/// `yaml` (the text between the `---` fences). A value that goes on below
/// its line (a block scalar, a list) spans those lines (see
/// [`super::front_matter::yaml_block`]); a nested map is kept as its first line's text.
/// A trailing ` # comment` is YAML's, not the value's: the value range
/// stops before it, so an edit of the value keeps the comment.
pub(crate) fn front_matter_fields(yaml: &str) -> Vec<RawField> {
    let mut out = Vec::new();
    for (start, line) in super::items::LineOffsets::new(yaml) {
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let (key, colon) = if let Some((inner, colon)) = quoted_key(line) {
            ((start + inner.0, start + inner.1), colon)
        } else {
            let Some(colon) = line
                .find(": ")
                .or_else(|| line.strip_suffix(':').map(str::len))
            else {
                continue;
            };
            let key = &line[..colon];
            if key.is_empty() || key.contains(['"', '\'', '{', '[']) {
                continue;
            }
            (trimmed(key, start), colon)
        };
        if key.0 == key.1 {
            continue;
        }
        let (v_start, v_end) = yaml_value(line, colon + 1);
        // A node may go on below its line: a quote left open, a block
        // scalar, a list. One never closed is not YAML; shown as written.
        let (value, whole) = super::front_matter::yaml_block::extent(
            yaml,
            (start + v_start, start + v_end),
            (start, start + line.len()),
        );
        out.push(RawField {
            key,
            value,
            whole,
            style: MetaStyle::FrontMatter,
        });
    }
    out
}

/// A key written in quotes, `"owner": bob` or `'owner': bob`, which YAML
/// reads as the key `owner`: the range between the quotes, and the offset
/// of the colon after the closing quote (blanks may stand before it; a
/// blank or the line's end follows it). The key's escapes, if any, are
/// decoded by the caller ([`super::front_matter`]).
fn quoted_key(line: &str) -> Option<((usize, usize), usize)> {
    let q @ (b'"' | b'\'') = *line.as_bytes().first()? else {
        return None;
    };
    let close = closing_quote(line, q)?;
    let after = &line[close + 1..];
    let gap = after.len() - trim_blank_start(after).len();
    let colon = close + 1 + gap;
    let rest = line[colon..].strip_prefix(':')?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(((1, close), colon))
}

/// Front matter whose opening `---` a blank line follows, as offsets into
/// the text it was found in.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SpacedFrontMatter {
    /// The end of the closing fence's line; the block starts at 0.
    pub end: usize,
    /// The lines between the fences.
    pub content: (usize, usize),
    /// Where the Markdown after it starts: the line after the closing fence.
    pub body: usize,
}

/// YAML front matter at the start of `text` whose first line is blank.
/// pulldown-cmark reads that `---` as a thematic break (and the fields
/// under it as a setext heading), while Jekyll and Hugo read front matter.
/// Only text shaped as a YAML mapping is taken, so that a thematic break
/// before prose stays Markdown: blank lines and comments, `key: value`
/// lines with a plain key, and after a key the indented or `- ` lines that
/// go on with its value, up to a `---` or `...` line.
///
/// Also the empty front matter, `---` straight over `---`, which Jekyll
/// and Hugo read as front matter with no field, and pulldown-cmark as two
/// thematic breaks: `set --add` writes its field there.
pub(crate) fn spaced_front_matter(text: &str) -> Option<SpacedFrontMatter> {
    let is = |line: &str, fence: &str| line.trim_end_matches([' ', '\t']) == fence;
    let closed = |content: usize, at: usize, line: &str| {
        let end = at + line.len();
        let ending = match text.as_bytes().get(end..end + 2) {
            Some(b"\r\n") => 2,
            _ => usize::from(end < text.len()),
        };
        SpacedFrontMatter {
            end,
            content: (content, at),
            body: end + ending,
        }
    };
    let mut lines = super::items::LineOffsets::new(text);
    let (_, open) = lines.next()?;
    let (content, first) = lines.next()?;
    if !is(open, "---") {
        return None;
    }
    if is(first, "---") {
        return Some(closed(content, content, first));
    }
    if !first.trim_matches([' ', '\t']).is_empty() {
        return None;
    }
    let mut keys = false;
    for (at, line) in lines {
        if is(line, "---") || is(line, "...") {
            return keys.then(|| closed(content, at, line));
        }
        let body = line.trim_start_matches([' ', '\t']);
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let goes_on = body.len() < line.len() || line == "-" || line.starts_with("- ");
        if goes_on && keys {
            continue;
        }
        if goes_on || !is_plain_key_line(line) {
            return None;
        }
        keys = true;
    }
    None
}

/// `key: value` or `key:` with a key of letters, digits, `_`, `-` and `.`
/// (a word, not a phrase: `Note that: …` is prose).
fn is_plain_key_line(line: &str) -> bool {
    let Some(colon) = line.find(':') else {
        return false;
    };
    let key = &line[..colon];
    let after = &line[colon + 1..];
    key.len() <= 64
        && key.starts_with(|c: char| c.is_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && (after.is_empty() || after.starts_with([' ', '\t']))
}

/// The value of a `key: value` line whose value area starts at `from`:
/// inside its quotes when it is quoted on this line, else the plain text
/// before a ` #` comment, trimmed. An empty value sits after the white
/// space that follows the colon, or right after the colon when a comment
/// follows (so that a value written there stays apart from the comment).
fn yaml_value(line: &str, from: usize) -> (usize, usize) {
    let area = line.get(from..).unwrap_or("");
    let lead = area.len() - area.trim_start_matches([' ', '\t']).len();
    // An anchor (`&o`) or a tag (`!!str`) belongs to the node, not to its
    // value: an edit of the value keeps them, and `*o` elsewhere still
    // finds its anchor.
    let at = from + lead + node_properties(&area[lead..]);
    let rest = &line[at..];
    if let Some(q @ (b'"' | b'\'')) = rest.bytes().next()
        && let Some(close) = closing_quote(rest, q)
        && is_comment_or_blank(&rest[close + 1..])
    {
        return (at + 1, at + close);
    }
    match comment_start(rest) {
        Some(0) => (from, from),
        Some(c) => (at, at + trim_blank_end(&rest[..c]).len()),
        None => (at, at + trim_blank_end(rest).len()),
    }
}

/// The length of the anchor and tag tokens, with the white space after
/// each, that open a YAML value.
fn node_properties(value: &str) -> usize {
    let mut len = 0;
    loop {
        let rest = &value[len..];
        if !rest.starts_with(['&', '!']) {
            return len;
        }
        let token = rest.find([' ', '\t']).unwrap_or(rest.len());
        let space = rest[token..].len() - rest[token..].trim_start_matches([' ', '\t']).len();
        len += token + space;
    }
}

/// Where a ` # comment` starts in a value, outside the quoted scalars of
/// a flow collection (`[a, "b # c"]`).
fn comment_start(value: &str) -> Option<usize> {
    let bytes = value.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let after_gap = i == 0 || matches!(bytes[i - 1], b' ' | b'\t');
        let opens_scalar =
            i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'[' | b'{' | b',' | b':');
        match b {
            b'#' if after_gap => return Some(i),
            b'"' | b'\'' if opens_scalar => match closing_quote(&value[i..], b) {
                Some(close) => i += close + 1,
                None => return None,
            },
            _ => i += 1,
        }
    }
    None
}

/// The offset of the quote that closes the scalar `s` opens with `q`:
/// `\"` escapes in double quotes, `''` in single ones.
pub(super) fn closing_quote(scalar: &str, quote: u8) -> Option<usize> {
    let bytes = scalar.as_bytes();
    let mut at = 1;
    while let Some(&byte) = bytes.get(at) {
        if byte == b'\\' && quote == b'"' {
            at += 2;
        } else if byte != quote {
            at += 1;
        } else if quote == b'\'' && bytes.get(at + 1) == Some(&b'\'') {
            at += 2;
        } else {
            return Some(at);
        }
    }
    None
}

fn is_comment_or_blank(s: &str) -> bool {
    let t = s.trim_start_matches([' ', '\t']);
    t.trim_end().is_empty() || (t.starts_with('#') && t.len() < s.len())
}

impl RawField {
    /// The field with its value going on over `part`, a later line's part
    /// of it, `shift` bytes past the field's base (see [`continued`]). A
    /// value empty on its label's line starts where the part does; an
    /// empty part (a line of nothing but a hard break) adds nothing.
    pub(crate) fn extend(&mut self, part: (usize, usize), shift: usize) {
        if part.0 == part.1 {
            return;
        }
        if self.value.0 == self.value.1 {
            self.value.0 = shift + part.0;
        }
        self.value.1 = shift + part.1;
        self.whole.1 = self.value.1;
    }

    pub(crate) fn ranges(&self, base: usize) -> (TextRange, TextRange, TextRange) {
        (
            TextRange::new(base + self.key.0, base + self.key.1),
            TextRange::new(base + self.value.0, base + self.value.1),
            TextRange::new(base + self.whole.0, base + self.whole.1),
        )
    }
}

#[cfg(test)]
#[path = "meta_tests.rs"]
mod tests;

/// Whether a field's (normalised) key says its value lists the values
/// allowed (`Priority values`, `Status options`, `Risk scale`), as a
/// legend does: its `Low/Medium/High` is the list, not a choice left open.
pub(super) fn lists_values(norm: &str) -> bool {
    const LEGEND: &[&str] = &[
        "values", "options", "choices", "levels", "scale", "legend", "key",
    ];
    // Read for every field: most keys end in no legend word's last letter.
    // Bytewise, as the character searches cost more than the rest.
    let b = norm.as_bytes();
    if !matches!(b.last(), Some(b's' | b'e' | b'd' | b'y'))
        && !matches!(b.first(), Some(b'a' | b'p' | b'v'))
    {
        return false;
    }
    let last = &norm[b.iter().rposition(|&c| c == b'_').map_or(0, |u| u + 1)..];
    LEGEND.contains(&last)
        || ["allowed_", "possible_", "valid_"]
            .iter()
            .any(|p| norm.starts_with(p))
}
