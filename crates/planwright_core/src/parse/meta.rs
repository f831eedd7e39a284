//! Metadata fields: `**Key:** value`, `**Key**: value` (several on a line
//! separated by `|`), `Key: value` inside step items, `<!-- KEY: value -->`
//! comments, and YAML front matter.
//!
//! Each function reads one line or one comment, so the builder can call it
//! from the single pass without scanning the file again.

use crate::model::MetaStyle;
use crate::text::TextRange;

/// A field found on a line, with ranges relative to the line's start.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct RawField {
    pub key: (usize, usize),
    pub value: (usize, usize),
    /// From the opening `**` (or key) to the end of the value.
    pub whole: (usize, usize),
    pub style: MetaStyle,
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
        // The value runs to the next ` | **Key` or to the end of the line.
        let value_area = &line[start + value_start..];
        let next = find_next_bold_field(value_area);
        let value_end = start + value_start + next.unwrap_or(value_area.len());
        let raw_value = &line[start + value_start..value_end];
        let v_lead = raw_value.len() - raw_value.trim_start().len();
        let trimmed_value = raw_value.trim_end();
        let trimmed_value = trimmed_value
            .strip_suffix('|')
            .unwrap_or(trimmed_value)
            .trim_end();
        let v_start = start + value_start + v_lead.min(trimmed_value.len());
        let v_end = (start + value_start + trimmed_value.len()).max(v_start);
        out.push(RawField {
            key: (start + key.0, start + key.1),
            value: (v_start, v_end),
            whole: (start, v_end),
            style: MetaStyle::Bold { colon_inside },
        });
        match next {
            Some(n) => {
                // Skip the `|` separator itself.
                let sep = start + value_start + n;
                i = sep + line[sep..].find('|').map_or(0, |p| p + 1);
            }
            None => break,
        }
    }
}

/// `**Key:** rest` or `**Key**: rest` at the start of `s`: the key's range,
/// the offset where the value starts, and whether the colon is inside.
fn one_bold_field(s: &str) -> Option<((usize, usize), usize, bool)> {
    let inner = s.strip_prefix("**")?;
    let close = find_double_star(inner)?;
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
    Some((trimmed(key, 2), value_start, colon_inside))
}

fn find_next_bold_field(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = s[from..].find('|') {
        let at = from + p;
        let after = s[at + 1..].trim_start();
        if one_bold_field(after).is_some() {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The first `**` in `s`: a byte search, since a substring searcher's setup
/// cost more than the search on these short lines.
pub(crate) fn find_double_star(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr_iter(b'*', b).find(|&i| b.get(i + 1) == Some(&b'*'))
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
            .all(|c| c.is_alphanumeric() || " /-_&".contains(c))
        || key[lead..].split_whitespace().count() > 4
    {
        return None;
    }
    let value = &line[colon + 1..];
    if value.starts_with("//") {
        return None;
    }
    let v_lead = value.len() - value.trim_start().len();
    let v_start = colon + 1 + v_lead;
    let v_end = colon + 1 + value.trim_end().len();
    Some(RawField {
        key: trimmed(key, 0),
        value: (v_start, v_end.max(v_start)),
        whole: (lead, v_end.max(v_start)),
        style: MetaStyle::Bold {
            colon_inside: false,
        },
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
    let v_start = body_start + colon + 1 + (value.len() - value.trim_start().len());
    let v_end = (body_start + colon + 1 + value.trim_end().len()).max(v_start);
    Some(RawField {
        key: trimmed(&body[..colon], body_start),
        value: (v_start, v_end),
        whole: (0, comment.len()),
        style: MetaStyle::Comment,
    })
}

/// Top-level `key: value` scalars of a YAML front-matter block, relative to
/// `yaml` (the text between the `---` fences). Nested maps and lists are
/// kept as their first line's text, which is what a plan's header needs.
/// A trailing ` # comment` is YAML's, not the value's: the value range
/// stops before it, so an edit of the value keeps the comment.
pub(crate) fn front_matter_fields(yaml: &str) -> Vec<RawField> {
    let mut out = Vec::new();
    for (start, line) in super::items::LineOffsets::new(yaml) {
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
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
        let (v_start, v_end) = yaml_value(line, colon + 1);
        let key = trimmed(key, start);
        if key.0 == key.1 {
            continue;
        }
        let (mut value, mut whole) = (
            (start + v_start, start + v_end),
            (start, start + line.len()),
        );
        // A quote left open on its line: the scalar goes on below.
        if let Some(&q @ (b'"' | b'\'')) = line.as_bytes().get(v_start) {
            (value, whole) = match super::yaml_scalar::continued(yaml, start + v_start, q) {
                Some((inner, end)) => (inner, (start, end)),
                // Never closed: not YAML; shown as written.
                None => (value, whole),
            };
        }
        out.push(RawField {
            key,
            value,
            whole,
            style: MetaStyle::FrontMatter,
        });
    }
    out
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
pub(crate) fn spaced_front_matter(text: &str) -> Option<SpacedFrontMatter> {
    let is = |line: &str, fence: &str| line.trim_end_matches([' ', '\t']) == fence;
    let mut lines = super::items::LineOffsets::new(text);
    let (_, open) = lines.next()?;
    let (content, first) = lines.next()?;
    if !is(open, "---") || !first.trim_matches([' ', '\t']).is_empty() {
        return None;
    }
    let mut keys = false;
    for (at, line) in lines {
        let end = at + line.len();
        if is(line, "---") || is(line, "...") {
            let ending = match text.as_bytes().get(end..end + 2) {
                Some(b"\r\n") => 2,
                _ => usize::from(end < text.len()),
            };
            return keys.then_some(SpacedFrontMatter {
                end,
                content: (content, at),
                body: end + ending,
            });
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
        Some(c) => (at, at + rest[..c].trim_end().len()),
        None => (at, at + rest.trim_end().len()),
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
    pub(crate) fn ranges(&self, base: usize) -> (TextRange, TextRange, TextRange) {
        (
            TextRange::new(base + self.key.0, base + self.key.1),
            TextRange::new(base + self.value.0, base + self.value.1),
            TextRange::new(base + self.whole.0, base + self.whole.1),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bold(line: &str) -> Vec<(&str, &str, bool)> {
        let mut fields = Vec::new();
        bold_fields(line, &mut fields);
        fields
            .into_iter()
            .map(|f| {
                let MetaStyle::Bold { colon_inside } = f.style else {
                    unreachable!()
                };
                (
                    &line[f.key.0..f.key.1],
                    &line[f.value.0..f.value.1],
                    colon_inside,
                )
            })
            .collect()
    }

    #[test]
    fn bold_field_forms() {
        assert_eq!(bold("**Status:** Draft"), [("Status", "Draft", true)]);
        assert_eq!(
            bold("**Created**: 2026-01-02  "),
            [("Created", "2026-01-02", false)]
        );
        assert_eq!(
            bold("**Branch**: `010-x` | **Date**: 2026-05-18 | **Spec**: [spec.md](spec.md)"),
            [
                ("Branch", "`010-x`", false),
                ("Date", "2026-05-18", false),
                ("Spec", "[spec.md](spec.md)", false)
            ]
        );
        assert_eq!(
            bold("**Status:** Draft | In Progress | Completed"),
            [("Status", "Draft | In Progress | Completed", true)]
        );
        assert_eq!(bold("**Bold text** without colon"), []);
        assert_eq!(bold("**Empty:**"), [("Empty", "", true)]);
    }

    #[test]
    fn key_ranges_hold_no_white_space() {
        // No-break and other Unicode spaces are trimmed from the key's
        // range as from the key itself.
        assert_eq!(bold("**\u{a0}Status:** Draft"), [("Status", "Draft", true)]);
        assert_eq!(bold("**Owner\u{3000}**: Ann"), [("Owner", "Ann", false)]);
        let c = "<!--\u{a0}KEY\u{2003}: v -->";
        let f = comment_field(c).unwrap();
        assert_eq!(&c[f.key.0..f.key.1], "KEY");
        let y = "status\u{a0}: draft\n";
        let f = &front_matter_fields(y)[0];
        assert_eq!(&y[f.key.0..f.key.1], "status");
        let l = "\u{a0}Owner\u{a0}: [Team]";
        let f = plain_field(l).unwrap();
        assert_eq!(&l[f.key.0..f.key.1], "Owner");
    }

    #[test]
    fn comment_and_front_matter_fields() {
        let c = "<!-- FEATURE_ID: {{feature_id}} -->";
        let f = comment_field(c).unwrap();
        assert_eq!(&c[f.key.0..f.key.1], "FEATURE_ID");
        assert_eq!(&c[f.value.0..f.value.1], "{{feature_id}}");
        assert!(comment_field("<!-- planwright-disable PW101 -->").is_none());
        assert!(comment_field("<!-- just a note -->").is_none());
        let y = "title: \"Plan\"\nstatus: draft\ntags:\n  - a\n";
        let got: Vec<_> = front_matter_fields(y)
            .into_iter()
            .map(|f| (&y[f.key.0..f.key.1], &y[f.value.0..f.value.1]))
            .collect();
        assert_eq!(got, [("title", "Plan"), ("status", "draft"), ("tags", "")]);
    }

    #[test]
    fn front_matter_values_stop_before_a_comment() {
        let y =
            "a: draft # by QA\nb: \"x # y\"  # z\nc: 'it''s' #\nd: # empty\ne: u#v\nf: \"open\n";
        let got: Vec<_> = front_matter_fields(y)
            .into_iter()
            .map(|f| (&y[f.key.0..f.key.1], &y[f.value.0..f.value.1]))
            .collect();
        assert_eq!(
            got,
            [
                ("a", "draft"),
                ("b", "x # y"),
                ("c", "it''s"),
                ("d", ""),
                ("e", "u#v"),
                ("f", "\"open")
            ]
        );
        // Quotes inside a flow collection hide a `#` too; anchors and tags
        // are not part of the value.
        let y = "o: [a, \"b # c\"] # d\np: {x: 'y # z'}\nq: &o bob\nr: !!str 12 # n\ns: &a !t v\nt: &only\n";
        let got: Vec<_> = front_matter_fields(y)
            .into_iter()
            .map(|f| &y[f.value.0..f.value.1])
            .collect();
        assert_eq!(
            got,
            ["[a, \"b # c\"]", "{x: 'y # z'}", "bob", "12", "v", ""]
        );
        let y =
            "a: draft # by QA\nb: \"x # y\"  # z\nc: 'it''s' #\nd: # empty\ne: u#v\nf: \"open\n";
        // An empty value before a comment sits right after the colon.
        let d = &front_matter_fields(y)[3];
        assert_eq!(&y[d.value.0 - 2..d.value.0], "d:");
    }

    #[test]
    fn plain_fields() {
        let l = "Owner: [Team/member]";
        let f = plain_field(l).unwrap();
        assert_eq!(&l[f.value.0..f.value.1], "[Team/member]");
        assert!(plain_field("See https://example.com").is_none());
        assert!(plain_field("A very long sentence that happens to have: a colon").is_none());
    }

    /// The front matter's range and its fields as (key, value), each
    /// sliced from `src` by its ranges.
    fn read_front_matter(src: &str) -> (Option<&str>, Vec<(&str, &str)>) {
        let plan = crate::parse(src);
        let fields = plan
            .metadata
            .iter()
            .filter(|m| m.style == MetaStyle::FrontMatter)
            .map(|m| (m.key_range.slice(src), m.value_range.slice(src)))
            .collect();
        (plan.front_matter.map(|r| r.slice(src)), fields)
    }

    #[test]
    fn front_matter_after_a_blank_line_is_read() {
        let fields = [("title", "X"), ("status", "Draft")];
        for (src, fence) in [
            (
                "---\n\ntitle: X\nstatus: Draft\n---\n\n# X\n\n## Summary\n\nText.\n",
                "---\n\ntitle: X\nstatus: Draft\n---",
            ),
            (
                "\u{feff}---\r\n\r\ntitle: X\r\nstatus: Draft\r\n---  \r\n\r\n# X\r\n\r\n## Summary\r\n\r\nText.\r\n",
                "---\r\n\r\ntitle: X\r\nstatus: Draft\r\n---  ",
            ),
            (
                "---\r\rtitle: X\rstatus: Draft\r...\r# X\r\r## Summary\r\rText.\r",
                "---\r\rtitle: X\rstatus: Draft\r...",
            ),
        ] {
            assert_eq!(
                read_front_matter(src),
                (Some(fence), fields.to_vec()),
                "{src:?}"
            );
            let plan = crate::parse(src);
            let headings: Vec<&str> = plan.sections.iter().map(|s| s.heading.slice(src)).collect();
            assert_eq!(headings, ["# X", "## Summary"], "{src:?}");
            assert_eq!(plan.title.map(|t| t.text.to_string()).as_deref(), Some("X"));
        }
        // Comments, lists, nested maps and block scalars are YAML's too.
        let src = "---\n\n# by hand\ntitle: \"X\"\ntags:\n- a\n- b\nowner:\n  name: ops\nnote: |\n  two\n\n  lines\n...\n\n# X\n";
        assert_eq!(
            read_front_matter(src).1,
            [("title", "X"), ("tags", ""), ("owner", ""), ("note", "|")]
        );
    }

    #[test]
    fn a_thematic_break_before_prose_is_no_front_matter() {
        for src in [
            "---\n\nSome prose here.\n---\n\n# X\n",
            "---\n\ntitle: X\nThis is prose.\n---\n",
            "---\n\nNote that: this reads as prose\n---\n",
            "---\n\n---\n\n# X\n",
            "---\n\ntitle: X\n\n# X\n",
            "---\n\n    code: x\n---\n",
            "---\n\n- item\ntitle: X\n---\n",
            "----\n\ntitle: X\n---\n",
            " ---\n\ntitle: X\n---\n",
            "# T\n\n---\n\ntitle: X\n---\n",
        ] {
            assert_eq!(read_front_matter(src), (None, vec![]), "{src:?}");
        }
    }
}
