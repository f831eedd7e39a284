//! Dotted key paths in TOML files, for errors: `lint.select[1]`,
//! `lint.severity."docs/*.md"`. The `toml` crate's errors carry a byte
//! span but not the key, and "invalid type: integer `5`" means little
//! without it; the key is found again by where the span falls in the
//! document.

use std::fmt;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// One step of a key path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    Key(String),
    /// 0-based, as in `lint.overrides[0]`.
    Index(usize),
}

/// A key path as a user would type it to find the value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct KeyPath(pub(crate) Vec<Step>);

impl KeyPath {
    pub(crate) fn key(mut self, key: &str) -> Self {
        self.0.push(Step::Key(key.to_owned()));
        self
    }

    pub(crate) fn index(mut self, i: usize) -> Self {
        self.0.push(Step::Index(i));
        self
    }
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(k) if i > 0 => write!(f, ".{}", Quoted(k))?,
                Step::Key(k) => write!(f, "{}", Quoted(k))?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A key bare when TOML allows it bare, quoted otherwise (`"docs/*.md"`).
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bare = !self.0.is_empty()
            && self
                .0
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if bare {
            return f.write_str(self.0);
        }
        f.write_str("\"")?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                c if c.is_control() => write!(f, "\\u{:04X}", u32::from(c))?,
                c => write!(f, "{c}")?,
            }
        }
        f.write_str("\"")
    }
}

/// The key whose name or value holds byte `offset` of `text`: the
/// innermost one, so an element of an array is named with its index. Text
/// that does not parse is read as far as it can be, so a syntax error
/// inside a value still names its key. `None` outside every key.
pub(crate) fn key_at(text: &str, offset: usize) -> Option<KeyPath> {
    let found = search(text, offset);
    // A duplicate inside an inline table lies within its parent's value.
    match duplicate_key_at(text, offset) {
        Some(dup) if found.as_ref().is_none_or(|f| dup.0.len() > f.0.len()) => Some(dup),
        _ => found,
    }
}

fn search(text: &str, offset: usize) -> Option<KeyPath> {
    let (doc, _) = DeTable::parse_recoverable(text);
    let mut best: Option<KeyPath> = None;
    search_table(doc.get_ref(), offset, &KeyPath::default(), &mut best);
    best
}

/// The path of a key written twice, whose second writing starts at
/// `offset`: the recovering parse keeps the first and drops the second, so
/// the spot holds no key. Written again under a name used nowhere, the
/// key is kept and found, and takes back its own name.
fn duplicate_key_at(text: &str, offset: usize) -> Option<KeyPath> {
    let rest = text.get(offset..)?;
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    if len == 0 {
        return None;
    }
    let name = &rest[..len];
    // Each name the text holds takes a place in it: one of these is free.
    let unused = (0..=text.len())
        .map(|n| format!("{name}{n}"))
        .find(|u| !text.contains(u.as_str()))?;
    let renamed = format!("{}{unused}{}", &text[..offset], &rest[len..]);
    let mut path = search(&renamed, offset)?;
    let step = path
        .0
        .iter_mut()
        .rev()
        .find(|s| matches!(s, Step::Key(k) if *k == unused))?;
    *step = Step::Key(name.to_owned());
    Some(path)
}

/// Records in `best` every key under `table` that holds `offset`, the
/// deepest winning. Tables are searched whatever their own span: a table
/// written with a `[header]` spans the header only, not its keys.
fn search_table(table: &DeTable<'_>, offset: usize, at: &KeyPath, best: &mut Option<KeyPath>) {
    for (key, value) in table {
        let path = at.clone().key(key.get_ref());
        if holds(key.span(), offset) || holds(value.span(), offset) {
            keep(best, &path);
        }
        search_value(value.get_ref(), offset, &path, best);
    }
}

fn search_value(value: &DeValue<'_>, offset: usize, at: &KeyPath, best: &mut Option<KeyPath>) {
    match value {
        DeValue::Table(table) => search_table(table, offset, at, best),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let path = at.clone().index(i);
                if holds(item.span(), offset) {
                    keep(best, &path);
                }
                search_value(item.get_ref(), offset, &path, best);
            }
        }
        _ => {}
    }
}

fn holds(span: Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset < span.end.max(span.start + 1)
}

fn keep(best: &mut Option<KeyPath>, path: &KeyPath) {
    if best.as_ref().is_none_or(|b| path.0.len() > b.0.len()) {
        *best = Some(path.clone());
    }
}

/// The span of the value at `path` (keys only), if it is written.
pub(crate) fn value_span(text: &str, path: &[&str]) -> Option<Range<usize>> {
    let (doc, _) = DeTable::parse_recoverable(text);
    let (last, tables) = path.split_last()?;
    table_at(doc.get_ref(), tables)?
        .get(*last)
        .map(Spanned::span)
}

/// The span of the key at `path` (keys only) as it is written, however
/// that is: `ghost` in `fill = { ghost = "x" }` or `fill.ghost = "x"`,
/// `"id"` quoted, `name` under a `[fill]` header after a top-level `name`.
pub(crate) fn key_span(text: &str, path: &[&str]) -> Option<Range<usize>> {
    let (doc, _) = DeTable::parse_recoverable(text);
    let (last, tables) = path.split_last()?;
    table_at(doc.get_ref(), tables)?
        .iter()
        .find(|(key, _)| key.get_ref() == last)
        .map(|(key, _)| key.span())
}

/// The table the keys `tables` lead to from `table`.
fn table_at<'t, 'a>(mut table: &'t DeTable<'a>, tables: &[&str]) -> Option<&'t DeTable<'a>> {
    for key in tables {
        match table.get(*key).map(Spanned::get_ref) {
            Some(DeValue::Table(t)) => table = t,
            _ => return None,
        }
    }
    Some(table)
}

/// The span of element `index` of the array at `path` (keys only): for
/// an array of tables written `[[detect]]`, that element's header.
pub(crate) fn element_span(text: &str, path: &[&str], index: usize) -> Option<Range<usize>> {
    let (doc, _) = DeTable::parse_recoverable(text);
    let (last, tables) = path.split_last()?;
    match table_at(doc.get_ref(), tables)?
        .get(*last)
        .map(Spanned::get_ref)
    {
        Some(DeValue::Array(items)) => items.get(index).map(Spanned::span),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> String {
        let offset = text.find(needle).unwrap();
        key_at(text, offset)
            .map(|k| k.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn keys_are_named_down_to_the_element() {
        let text = "[lint]\nselect = [\"PW1\", 5]\nseverity = { PW104 = \"fatal\" }\n\n\
                    [[lint.overrides]]\nfiles = [\"a\"]\n[[lint.overrides]]\nfiles = [\"b\"]\n\
                    severity = { \"docs/*.md\" = 1 }\n[new]\ndigits = 10\n";
        assert_eq!(at(text, "5]"), "lint.select[1]");
        assert_eq!(at(text, "\"PW1\""), "lint.select[0]");
        assert_eq!(at(text, "\"fatal\""), "lint.severity.PW104");
        assert_eq!(at(text, "PW104"), "lint.severity.PW104");
        assert_eq!(at(text, "\"b\""), "lint.overrides[1].files[0]");
        assert_eq!(at(text, "1 }"), "lint.overrides[1].severity.\"docs/*.md\"");
        assert_eq!(at(text, "10\n"), "new.digits");
        assert_eq!(at(text, "[new]"), "new");
        assert_eq!(
            value_span(text, &["new", "digits"]),
            text.find("10\n").map(|s| s..s + 2)
        );
        assert_eq!(value_span(text, &["new", "pattern"]), None);
    }

    #[test]
    fn elements_of_arrays_of_tables_are_their_headers() {
        let text = "name = \"x\"\n\n[[detect]]\nheading = \"a\"\n\n[[detect]]\nweight = 5\n";
        let second = text.rfind("[[detect]]").unwrap();
        assert_eq!(
            element_span(text, &["detect"], 1),
            Some(second..second + "[[detect]]".len())
        );
        let text = "detect = [{ heading = \"a\" }, { weight = 5 }]\n";
        let second = text.find("{ weight").unwrap();
        assert_eq!(
            element_span(text, &["detect"], 1).map(|s| s.start),
            Some(second)
        );
        assert_eq!(element_span(text, &["detect"], 2), None);
        assert_eq!(element_span(text, &["name"], 0), None);
    }

    #[test]
    fn keys_are_found_however_they_are_written() {
        let start = |text: &str, path: &[&str]| key_span(text, path).map(|s| s.start);
        let text = "name = \"adr\"\n[fill]\nname = \"{nope}\"\n";
        assert_eq!(start(text, &["name"]), Some(0));
        assert_eq!(start(text, &["fill", "name"]), text.rfind("name"));
        let text = "[fill]\n\"id\" = \"x\"\n";
        assert_eq!(key_span(text, &["fill", "id"]), Some(7..11));
        let text = "name = \"x\"\n\nfill = { ghost = \"x\" }\n";
        assert_eq!(start(text, &["fill", "ghost"]), text.find("ghost"));
        let text = "fill.ghost = \"x\"\n";
        assert_eq!(start(text, &["fill", "ghost"]), text.find("ghost"));
        assert_eq!(start(text, &["fill", "other"]), None);
        assert_eq!(start(text, &["name"]), None);
    }

    #[test]
    fn a_syntax_error_inside_a_value_names_its_key() {
        let text = "[lint]\nselect = [\"PW1\" \"PW2\"]\n";
        assert_eq!(at(text, "\"PW2\""), "lint.select[1]");
    }
}
