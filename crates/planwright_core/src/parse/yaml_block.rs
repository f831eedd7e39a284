//! Front-matter values that go on below their key's line, and the YAML
//! that no YAML reader accepts.
//!
//! A top-level value may be a block scalar (`title: >-` with its text on
//! the indented lines below), a block sequence (`owners:` with `- alice`
//! lines), a flow sequence (`tags: [a, b]`, which may wrap), or a quoted
//! scalar left open on its line. The field's value range then covers the
//! node as written, from its `|`/`>`/`-`/`[`/quote to the end of its last
//! line, so that it still slices to the source and an edit that puts a
//! plain scalar there leaves valid YAML; its value is the text YAML reads.
//! The model has no list values: a sequence of scalars reads as its items
//! joined by `, `, the form a user types for `set owners "alice, bob"`.
//! A metadata value is trimmed, so a block scalar's chomping indicator is
//! accepted but its trailing line breaks are not part of the value.
//!
//! Front matter that a YAML reader would refuse (`title: [unclosed`,
//! `status: : :`) is still read as far as it goes, and each such line is
//! reported (see [`problems`]), since Jekyll, Hugo and GitHub fail on it.

use crate::parse::items::LineOffsets;
use crate::parse::meta::{RawField, closing_quote};

/// The value and whole-field ranges of a top-level field whose value on
/// its line lies at `value` (both relative to `yaml`), extended over the
/// lines below that its node goes on to.
pub(crate) fn extent(
    yaml: &str,
    value: (usize, usize),
    whole: (usize, usize),
) -> ((usize, usize), (usize, usize)) {
    let line_end = whole.1;
    let bytes = yaml.as_bytes();
    // A value the reader found closed in quotes on its line is a quoted
    // scalar, whatever it starts with: `'> x'` is the text `> x`, not a
    // block scalar's header.
    if closed_in_quotes(bytes, value) {
        return (value, whole);
    }
    let extended = match bytes.get(value.0) {
        Some(&q @ (b'"' | b'\'')) => crate::parse::yaml_scalar::continued(yaml, value.0, q),
        Some(b'|' | b'>') => {
            let end = block_scalar_end(yaml, line_end);
            Some(((value.0, end.max(value.1)), end.max(whole.1)))
        }
        Some(&open @ (b'[' | b'{')) => flow_end(yaml, value.0, open, closer(open))
            .filter(|&end| end > line_end)
            .map(|end| ((value.0, end), end)),
        _ if value.0 == value.1 => block_sequence(yaml, line_end).map(|(s, e)| ((s, e), e)),
        // A plain value whose own line holds no comment may fold over
        // the indented lines below it.
        Some(_) if yaml[value.1..line_end].trim().is_empty() => {
            plain_end(yaml, line_end).map(|end| ((value.0, end), end))
        }
        _ => None,
    };
    extended.map_or((value, whole), |(v, end)| (v, (whole.0, end)))
}

/// The text YAML reads for a value written as `written` (a field's value
/// range), when it is a node that [`extent`] reads: a block scalar, a
/// block or flow sequence. `None` for any other value; the caller keeps
/// quoted values out, whose text may look like these.
pub(crate) fn text(written: &str) -> Option<String> {
    match written.as_bytes().first()? {
        b'|' | b'>' => Some(block_scalar(written)),
        b'-' if written.lines().next().is_some_and(is_item) => Some(block_items(written)),
        b'[' => {
            let close = flow_end(written, 0, b'[', b']')?;
            let inner = written.get(1..close - 1)?;
            Some(join(split_flow(inner).into_iter().map(scalar)))
        }
        b'{' => None,
        _ if written.contains('\n') => Some(fold_plain(written)),
        _ => None,
    }
}

/// What makes each line of front matter `yaml` unreadable to YAML, given
/// the `fields` read from it: the range (relative to `yaml`) and why.
pub(crate) fn problems(yaml: &str, fields: &[RawField]) -> Vec<((usize, usize), &'static str)> {
    let mut out = Vec::new();
    // Keys as YAML reads them, quotes aside: one given twice is refused by
    // strict readers and silently dropped by the rest.
    let mut keys: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for f in fields {
        let key = yaml.get(f.key.0..f.key.1).unwrap_or_default();
        let key = key.trim_matches(|c| c == '"' || c == '\'');
        if !keys.insert(key) {
            out.push((f.key, crate::model::FrontMatterProblem::DUPLICATE_KEY));
        }
    }
    let mut fields = fields.iter().peekable();
    let (mut covered, mut above) = (0, Above::Other);
    for (start, line) in LineOffsets::new(yaml) {
        let range = (start, start + line.trim_end().len());
        if start < covered {
            continue;
        }
        if let Some(f) = fields.next_if(|f| f.whole.0 == start) {
            covered = f.whole.1;
            above = Above::of(yaml, f);
            if let Some(why) = value_problem(yaml, f) {
                out.push(((f.value.0, range.1.max(f.value.1)), why));
            }
            continue;
        }
        let body = line.trim_start_matches([' ', '\t']);
        if body.trim_end().is_empty() || body.starts_with('#') {
            continue;
        }
        // Indented lines go on with the value above: a nested mapping, or
        // a plain scalar folded over lines, which YAML reads as one. A
        // list under a key with no value is read with it (see [`extent`]).
        if body.len() < line.len() {
            if let Some(why) = above.indented_problem(line, body, &yaml[..start]) {
                out.push((range, why));
            }
            continue;
        }
        if above == Above::Nested && line.starts_with('-') {
            continue;
        }
        // An explicit key (`? key`) and its value (`: value`), each of
        // whose nodes may go on in indented lines.
        if explicit_entry(line, above) {
            above = Above::Explicit;
            continue;
        }
        out.push((
            range,
            if line.starts_with('-') {
                "a list item under a key that already has a value"
            } else {
                "not a `key: value` line"
            },
        ));
    }
    out.sort_by_key(|(range, _)| *range);
    out
}

/// What the field above an indented line holds, which says how YAML reads
/// the line: part of a nested mapping, of a plain value folded over
/// lines, or (past a block scalar, whose text [`extent`] covers) nothing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Above {
    Nested,
    Plain,
    Block,
    /// A `? key` line, or the `: value` line after one.
    Explicit,
    Other,
}

/// Whether `line` (at the top level) is a `? key` line, or the `: value`
/// line that may follow one (and only one: YAML refuses `: value` after
/// an ordinary `key: value` line).
fn explicit_entry(line: &str, above: Above) -> bool {
    let opens = |c: char| {
        line.strip_prefix(c)
            .is_some_and(|rest| rest.trim_end().is_empty() || rest.starts_with([' ', '\t']))
    };
    opens('?') || (above == Above::Explicit && opens(':'))
}

impl Above {
    fn of(yaml: &str, f: &RawField) -> Self {
        match yaml.as_bytes().get(f.value.0) {
            _ if f.value.0 == f.value.1 => Above::Nested,
            _ if closed_in_quotes(yaml.as_bytes(), f.value) => Above::Other,
            Some(b'|' | b'>') => Above::Block,
            Some(b'"' | b'\'' | b'[' | b'{') => Above::Other,
            _ => Above::Plain,
        }
    }

    /// Why YAML refuses the indented `line` (`body` without its
    /// indentation) below such a field, if it does; `before` is the
    /// front matter up to the line. (A plain value's lines that YAML
    /// folds into it are the field's own, and never come here.)
    fn indented_problem(self, line: &str, body: &str, before: &str) -> Option<&'static str> {
        let body = body.trim_end();
        let lead = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        match self {
            _ if self != Above::Other && lead.contains('\t') => {
                Some("YAML indents with spaces, not tabs")
            }
            Above::Block => Some("indented less than the block scalar's text above it"),
            Above::Plain if holds_a_key(body) => {
                Some("`: ` in a line that goes on with the value above reads as a second key")
            }
            Above::Plain if ends_in_comment(before) => {
                Some("a comment ended the value above; this line cannot go on with it")
            }
            _ => None,
        }
    }
}

fn value_problem(yaml: &str, f: &RawField) -> Option<&'static str> {
    let bytes = yaml.as_bytes();
    let (start, end) = f.value;
    if closed_in_quotes(bytes, f.value) {
        return None;
    }
    let v = yaml.get(start..end)?;
    let first = *v.as_bytes().first()?;
    let key_line_end = yaml[f.whole.0..]
        .find(['\n', '\r'])
        .map_or(yaml.len(), |n| f.whole.0 + n);
    match first {
        b'"' | b'\'' => Some(match closing_quote(&yaml[start..], first) {
            None => "the quote is never closed",
            Some(c) if start + c < f.whole.1 => "text follows the closing quote",
            Some(_) => "the quoted value goes on to a line that is not indented",
        }),
        b'[' | b'{' => match flow_end(yaml, start, first, closer(first)) {
            Some(e) if e <= f.whole.1 => {
                let after = yaml[e..end.max(e)].trim_start_matches([' ', '\t']);
                (!after.is_empty()).then_some("text follows the closing bracket")
            }
            _ if first == b'[' => Some("the `[` is never closed"),
            _ => Some("the `{` is never closed"),
        },
        b'-' if start >= key_line_end => None,
        b'-' if v.starts_with("- ") || v == "-" => Some("a list cannot start on its key's line"),
        b'|' | b'>' => {
            let header = &yaml[start..key_line_end];
            let token = header.split([' ', '\t']).next().unwrap_or(header);
            let after = header[token.len()..].trim_start_matches([' ', '\t']);
            let rest = &token[1..];
            let ok = (after.is_empty() || after.starts_with('#'))
                && rest.len() <= 2
                && rest.chars().filter(|c| matches!(c, '+' | '-')).count() <= 1
                && rest.chars().filter(|c| matches!(c, '1'..='9')).count() <= 1
                && rest.chars().all(|c| matches!(c, '+' | '-' | '1'..='9'));
            (!ok).then_some("a block scalar's `|` or `>` is followed by other text")
        }
        b'@' | b'`' | b'%' => Some("a plain value cannot start with `@`, `` ` `` or `%`"),
        _ if first == b':' || holds_a_key(v) => {
            Some("`: ` inside a plain value reads as a second key; quote the value")
        }
        _ => None,
    }
}

/// Whether the value at `value` (its range inside any quotes, as the
/// field reader gives it) is a scalar closed in quotes on its line.
fn closed_in_quotes(bytes: &[u8], value: (usize, usize)) -> bool {
    value
        .0
        .checked_sub(1)
        .and_then(|i| bytes.get(i))
        .is_some_and(|&q| matches!(q, b'"' | b'\'') && bytes.get(value.1) == Some(&q))
}

fn closer(open: u8) -> u8 {
    if open == b'[' { b']' } else { b'}' }
}

/// The end of the last non-blank line of the block scalar whose header
/// line ends at `line_end`: its lines are blank or indented at least as
/// far as its first one (a line indented less ends it, as YAML reads it).
fn block_scalar_end(yaml: &str, line_end: usize) -> usize {
    let (mut end, mut indent) = (line_end, None);
    for (start, line) in LineOffsets::new(&yaml[line_end..]).skip(1) {
        if line.trim_end().is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start_matches(' ').len();
        if lead == 0 || lead < *indent.get_or_insert(lead) {
            break;
        }
        end = line_end + start + line.trim_end().len();
    }
    end
}

/// The end of a plain value's last line below its key's line (which
/// ends at `line_end`): YAML folds into the value every following line
/// indented by spaces (`summary: one` / `  two` reads `one two`), up to
/// a comment, or a line that it refuses there (`: ` in it, a tab before
/// it), which [`problems`] reports. `None` when no line goes on with it.
fn plain_end(yaml: &str, line_end: usize) -> Option<usize> {
    let mut end = None;
    for (start, line) in LineOffsets::new(&yaml[line_end..]).skip(1) {
        let body = line.trim_start_matches([' ', '\t']);
        let text = body.trim_end();
        if text.is_empty() {
            continue;
        }
        if !line.starts_with(' ')
            || line[..line.len() - body.len()].contains('\t')
            || text.starts_with('#')
            || holds_a_key(text)
        {
            break;
        }
        let at = line_end + start + (line.len() - body.len());
        match plain_comment(text) {
            Some(c) => {
                end = Some(at + text[..c].trim_end().len());
                break;
            }
            None => end = Some(at + text.len()),
        }
    }
    end
}

/// Whether YAML reads a key in plain text: a `:` before a blank or at
/// its end, which no plain scalar may hold.
fn holds_a_key(text: &str) -> bool {
    text.contains(": ") || text.contains(":\t") || text.ends_with(':')
}

/// Where a comment starts in a line of a plain value: a `#` after a blank.
fn plain_comment(text: &str) -> Option<usize> {
    text.find(" #").or_else(|| text.find("\t#"))
}

/// Whether the last non-blank line of `before` is, or ends in, a comment.
fn ends_in_comment(before: &str) -> bool {
    let last = before
        .trim_end()
        .rsplit(['\n', '\r'])
        .next()
        .unwrap_or_default();
    let body = last.trim_start();
    body.starts_with('#') || plain_comment(body).is_some()
}

/// A plain value folded over lines, as `written` from its first
/// character: each line's blanks around it dropped, lines joined by a
/// space, and each empty line between them a line break.
fn fold_plain(written: &str) -> String {
    let mut out = String::with_capacity(written.len());
    let mut breaks = 0;
    for line in written.lines().map(str::trim) {
        if line.is_empty() {
            breaks += 1;
            continue;
        }
        if !out.is_empty() {
            match breaks {
                0 => out.push(' '),
                n => out.extend(std::iter::repeat_n('\n', n)),
            }
        }
        out.push_str(line);
        breaks = 0;
    }
    out
}

/// The items of a block sequence below a key whose line ends at
/// `line_end`: from the first `-` to the end of the last item's text.
/// Items may stand at the key's indentation (`- a` at column 0) or deeper;
/// lines indented past the items go on with the item above.
fn block_sequence(yaml: &str, line_end: usize) -> Option<(usize, usize)> {
    let (mut first, mut end, mut indent) = (None, line_end, 0);
    for (start, line) in LineOffsets::new(&yaml[line_end..]).skip(1) {
        let body = line.trim_start_matches([' ', '\t']);
        if body.trim_end().is_empty() || body.starts_with('#') {
            continue;
        }
        let lead = line.len() - body.len();
        let item = is_item(body);
        match first {
            None if item => {
                first = Some(line_end + start + lead);
                indent = lead;
            }
            None => return None,
            Some(_) if (item && lead == indent) || lead > indent => {}
            Some(_) => break,
        }
        end = line_end + start + line.trim_end().len();
    }
    Some((first?, end))
}

/// Whether `line`, its indentation removed, is a block sequence's item.
fn is_item(line: &str) -> bool {
    let line = line.trim_end();
    line == "-" || line.starts_with("- ") || line.starts_with("-\t")
}

/// The offset just past the bracket that closes the flow collection
/// opened at `at` in `text`, skipping quoted scalars; `None` if unclosed.
fn flow_end(text: &str, at: usize, open: u8, close: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0usize, at);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' | b'\'' => i += closing_quote(&text[i..], b)?,
            _ if b == open => depth += 1,
            _ if b == close => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => {
                i += text[i..].find('\n').unwrap_or(text.len() - i);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A block scalar's text: `written` is its header line and its lines.
/// Folded (`>`) lines are joined by a space, except around empty lines
/// (each a line break) and lines indented past the others (kept as
/// written); literal (`|`) lines by line breaks.
fn block_scalar(written: &str) -> String {
    let literal = written.starts_with('|');
    let mut lines = written.lines();
    let header = lines.next().unwrap_or_default();
    let token = header.split([' ', '\t']).next().unwrap_or(header);
    let explicit = token
        .bytes()
        .find(|b| matches!(b, b'1'..=b'9'))
        .map(|b| usize::from(b - b'0'));
    let body: Vec<&str> = lines.collect();
    let indent = explicit.unwrap_or_else(|| {
        body.iter()
            .find(|l| !l.trim().is_empty())
            .map_or(0, |l| l.len() - l.trim_start_matches(' ').len())
    });
    let mut out = String::with_capacity(written.len());
    let (mut breaks, mut started, mut prev_more) = (0, false, false);
    for line in body {
        let lead = line.len() - line.trim_start_matches(' ').len();
        let line = if lead >= indent {
            &line[indent..]
        } else {
            line.trim_start()
        };
        if line.trim().is_empty() {
            breaks += 1;
            continue;
        }
        let more = line.starts_with([' ', '\t']);
        if started {
            if literal || more || prev_more {
                breaks += 1;
            }
            if breaks == 0 {
                out.push(' ');
            }
        }
        out.extend(std::iter::repeat_n('\n', if started { breaks } else { 0 }));
        out.push_str(line);
        (breaks, started, prev_more) = (0, true, more);
    }
    out.trim_end().to_owned()
}

/// The items of a block sequence, `written` from its first `-`.
fn block_items(written: &str) -> String {
    let mut items: Vec<String> = Vec::new();
    for line in written.lines() {
        let body = line.trim();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        match body
            .strip_prefix('-')
            .filter(|r| r.is_empty() || r.starts_with([' ', '\t']))
        {
            Some(rest) => items.push(rest.trim().to_owned()),
            None => match items.last_mut() {
                Some(last) => {
                    last.push(' ');
                    last.push_str(body);
                }
                None => items.push(body.to_owned()),
            },
        }
    }
    join(items.iter().map(|i| scalar(i)))
}

/// The scalar a sequence item written as `item` reads as: unquoted, or
/// without its comment and with its lines folded.
fn scalar(item: &str) -> String {
    let item = item.trim();
    if let Some(q @ (b'"' | b'\'')) = item.bytes().next()
        && let Some(close) = closing_quote(item, q)
    {
        return crate::parse::yaml_scalar::unquote(&item[1..close], q).into_owned();
    }
    let item = item
        .find(" #")
        .or_else(|| item.find("\t#"))
        .map_or(item, |c| &item[..c]);
    item.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The items of a flow sequence between its brackets, split at the
/// commas outside quotes and nested brackets; a trailing comma makes no
/// item.
fn split_flow(inner: &str) -> Vec<&str> {
    let bytes = inner.as_bytes();
    let (mut out, mut from, mut depth, mut i) = (Vec::new(), 0, 0usize, 0);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' | b'\'' => {
                i += closing_quote(&inner[i..], b).unwrap_or(inner.len() - i);
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => {
                out.push(&inner[from..i]);
                from = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&inner[from..]);
    if out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
#[path = "yaml_block_tests.rs"]
mod tests;
