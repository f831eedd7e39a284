//! Front matter's values: which hold slots, and how a value is written so
//! that YAML reads it back as the string it is.
//!
//! Templates keep slots in their front matter (`owner: [OWNER]`, `title:
//! "{{TITLE}}"`, `created: YYYY-MM-DD`), but YAML has collections and
//! node syntax that look like slots: `tags: [auth, api]` is a list, `{a:
//! 1}` a mapping, `*base` an alias. The reader therefore scans a value
//! with the same scanner as prose ([`inline::scan_text`]) and keeps what
//! it finds only where YAML reads a string:
//!
//! - only top-level values (what [`meta::front_matter_fields`] reads):
//!   never a key, never a `# comment` (the value's range stops before
//!   it), never a nested line, a list's items or a block scalar's lines;
//! - a quoted value (`"..."`, `'...'` on its line) is a string: every slot
//!   the scanner finds between the quotes counts;
//! - a plain value that opens a flow collection (`[` or a single `{`)
//!   holds a slot only when the whole value is one bracket or brace slot
//!   the scanner accepts, without a comma, whose name has a capital and
//!   is all capitals or several words: `[OWNER]`, `[FEATURE NAME]`,
//!   `[Your name]`, `{OWNER}` are slots; `[]`, `[auth, api]`, `[auth]`,
//!   `[Alice]` and `{a: 1}` are YAML's. `{{TITLE}}` counts as the whole
//!   value: no one means a mapping in a mapping by it;
//! - a plain value that opens with any other YAML indicator (`*alias`,
//!   `|` or `>` block scalars, an unclosed quote, `%`, `@`, `` ` ``, `?`,
//!   `-`) holds none;
//! - any other plain value is a string, and is scanned as prose is.
//!
//! An anchor or a tag before a value (`&o [OWNER]`) is not part of it
//! (see `meta::yaml_value`), so the value after it is judged alone.

use std::borrow::Cow;

use super::{Builder, PlaceholderKind, TextRange, inline, meta};
use crate::model::{FrontMatterProblem, Placeholder};

#[path = "yaml_block.rs"]
pub(super) mod yaml_block;

impl Builder<'_> {
    /// The fields of front matter whose YAML lies at `start..end`, with
    /// the slots their values hold (see the module's rule), marked as in
    /// metadata as other fields' slots are.
    pub(super) fn front_matter_fields(&mut self, start: usize, end: usize) {
        let yaml = self.slice(start, end);
        let fields = meta::front_matter_fields(yaml);
        for ((s, e), message) in yaml_block::problems(yaml, &fields) {
            let range = TextRange::new(start + s, start + e);
            (self.plan.front_matter_problems).push(FrontMatterProblem { range, message });
        }
        for f in fields {
            let (key, value, _) = f.ranges(start);
            let first = self.plan.placeholders.len();
            value_slots(self.src, value, &mut self.plan.placeholders);
            self.push_field(&f, start, false, first..self.plan.placeholders.len());
            // A quoted key (`"owner": bob`) is read as YAML reads it: its
            // range stays inside the quotes, its escapes are decoded.
            if let Some(q) = yaml_quote(self.src, key)
                && let Cow::Owned(name) = super::yaml_scalar::unquote(key.slice(self.src), q)
                && let Some(field) = self.plan.metadata.last_mut()
            {
                field.norm = crate::normalize_key(name.trim());
                field.key = name.trim().into();
            }
        }
    }
}

/// Pushes the slots of the front-matter value at `value` onto `out`.
fn value_slots(src: &str, value: TextRange, out: &mut Vec<Placeholder>) {
    let (start, end) = (value.start as usize, value.end as usize);
    let Some(text) = src.get(start..end).filter(|t| !t.is_empty()) else {
        return;
    };
    if yaml_quote(src, value).is_some() {
        inline::scan_text(src, start, end, out);
        return;
    }
    let first = out.len();
    match text.as_bytes()[0] {
        b'[' | b'{' => {
            inline::scan_text(src, start, end, out);
            let whole =
                out.len() == first + 1 && out[first].range == value && flow_slot(&out[first]);
            if !whole {
                out.truncate(first);
            }
        }
        b'*' | b'|' | b'>' | b'"' | b'\'' | b'%' | b'@' | b'`' | b'?' | b'-' | b'!' | b'&' => {}
        _ => inline::scan_text(src, start, end, out),
    }
}

/// Whether a slot that is a whole plain value opening with `[` or `{`
/// is a slot rather than a flow sequence or mapping (see the module's rule).
fn flow_slot(p: &Placeholder) -> bool {
    match p.kind {
        PlaceholderKind::DoubleBrace => true,
        PlaceholderKind::Bracket | PlaceholderKind::Brace => {
            let inner = p
                .text
                .get(1..p.text.len().saturating_sub(1))
                .unwrap_or_default()
                .trim();
            let mut letters = inner.chars().filter(|c| c.is_alphabetic());
            !inner.contains(',')
                && inner.chars().any(char::is_uppercase)
                && (inner.contains(' ') || letters.all(char::is_uppercase))
        }
        _ => false,
    }
}

/// What YAML reads for a front-matter value whose range is `value` in
/// `src` (a field's `value_range`, as the reader sets it): a quoted
/// scalar with its escapes decoded; nothing for YAML's null (`~`,
/// `null`); a block scalar's text, or a
/// sequence's items joined by `, ` (see `yaml_block`); any other value
/// as written. A value that is one slot (`owner: [OWNER]`, the module's
/// rule; `slot` says so) is a string to fill, not a list, and reads as
/// written too.
pub fn front_matter_value(src: &str, value: TextRange, slot: bool) -> Cow<'_, str> {
    let written = value.slice(src);
    if let Some(q) = yaml_quote(src, value) {
        return super::yaml_scalar::unquote(written, q);
    }
    // YAML's null (`status: ~`, `owner: null`) is no value, as an empty
    // one is, not the text `~`.
    if matches!(written, "~" | "null" | "Null" | "NULL") {
        return Cow::Borrowed("");
    }
    match yaml_block::text(written) {
        Some(text) if !slot => Cow::Owned(text),
        _ => Cow::Borrowed(written),
    }
}

/// The quote around a front-matter value whose range is `value` in `src`
/// (the reader puts a quoted value's range inside its quotes, an empty
/// one's too): `"` or `'`, or `None` for a plain value.
pub fn yaml_quote(src: &str, value: TextRange) -> Option<u8> {
    let (start, end) = (value.start as usize, value.end as usize);
    let bytes = src.as_bytes();
    match (
        start.checked_sub(1).and_then(|i| bytes.get(i)),
        bytes.get(end),
    ) {
        (Some(&q @ (b'"' | b'\'')), Some(&c)) if c == q => Some(q),
        _ => None,
    }
}

/// `value` escaped for the quotes `quote` (`"` or `'`) it goes between:
/// `\` and `"` get a backslash in double quotes, `'` is doubled in single
/// ones. What [`super::yaml_scalar`] decodes, so the value reads back.
pub fn escape_yaml(value: &str, quote: u8) -> String {
    if quote == b'\'' {
        value.replace('\'', "''")
    } else {
        value.replace('\\', "\\\\").replace('"', "\\\"")
    }
}

/// Plain YAML scalars cannot start with an indicator or hold `: ` / ` #`,
/// and one that YAML reads as something other than a string would not be
/// the value the user typed: `1.10` reads as 1.1, `no` as false.
pub fn needs_yaml_quotes(value: &str) -> bool {
    value.is_empty()
        || value.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        || value.contains(": ")
        || value.contains(" #")
        || value.ends_with(':')
        // YAML 1.1's value and merge keys, which PyYAML reads as tags,
        // and a tab or a space at either end, which a plain scalar
        // cannot keep.
        || value == "="
        || value.starts_with("<<")
        || value.contains('\t')
        || value.starts_with(' ')
        || value.ends_with(' ')
        || reads_as_non_string(value)
}

/// Whether a plain scalar reads as null, a boolean, a number or a date
/// under YAML 1.1 or 1.2, whichever the reader speaks. Conservative, since
/// quoting a string is always safe: anything made of digits, signs and
/// `.` `_` `:` `e` that starts like a number (`1.10`, `1_000`, `1:30`,
/// `1e3`, `1.2.3` too), a base-prefixed number (`0x1F`), or a date with
/// any time after it (`2026-01-05 10:00`). A word such as `3 weeks`,
/// `v1.10` or `2026 Q1` is a string and stays plain.
fn reads_as_non_string(value: &str) -> bool {
    const WORDS: [&str; 14] = [
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "+.inf", "-.inf",
        ".nan",
    ];
    if WORDS.contains(&value.to_ascii_lowercase().as_str()) {
        return true;
    }
    let v = value.strip_prefix(['+', '-']).unwrap_or(value);
    let made_of = |s: &str, extra: &str| {
        !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || extra.contains(c))
    };
    if let Some(rest) = ["0x", "0X"].iter().find_map(|p| v.strip_prefix(p)) {
        return rest.chars().all(|c| c.is_ascii_hexdigit() || c == '_');
    }
    if let Some(rest) = ["0o", "0b"].iter().find_map(|p| v.strip_prefix(p)) {
        return made_of(rest, "_");
    }
    let numeric_start = v
        .strip_prefix('.')
        .unwrap_or(v)
        .starts_with(|c: char| c.is_ascii_digit());
    if numeric_start && made_of(v, "_.:eE+-") {
        return true;
    }
    let date_end = v
        .find(|c: char| !c.is_ascii_digit() && c != '-')
        .unwrap_or(v.len());
    let parts: Vec<usize> = v[..date_end].split('-').map(str::len).collect();
    let is_date = matches!(parts.as_slice(), [4, 1 | 2, 1 | 2]);
    is_date
        && v[date_end..]
            .chars()
            .all(|c| c.is_ascii_digit() || " \t:.+-TtZz".contains(c))
}

#[cfg(test)]
#[path = "front_matter_tests.rs"]
mod tests;
