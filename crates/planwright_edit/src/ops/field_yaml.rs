//! `set` in YAML front matter: which plain values keep their type, which
//! quotes an added value takes, and which keys the front matter already
//! has, however they are written.
//!
//! A plain scalar that YAML reads as a boolean, a number, null or a date
//! keeps that type when set to another value of the same type: `flag:
//! true` set to `false` is `flag: false`, not `flag: "false"`, which a
//! consumer would read as a (truthy) string. [`needs_yaml_quotes`] says
//! which values YAML would read as other than a string, conservatively;
//! here a value's type is pinned down only where YAML 1.1 (`PyYAML`) and
//! YAML 1.2 (core schema) are known, and a value whose type is in doubt
//! never counts as the same type as another, so it keeps its quotes.
//!
//! [`needs_yaml_quotes`]: planwright_core::needs_yaml_quotes

use planwright_core::{LineIndex, MetaField, Plan, needs_yaml_quotes, normalize_key, yaml_quote};

use super::super::{line_end_after, line_start};

/// The quotes (`'` or `"`) most of `fields`, the front matter's, write
/// their values in, for a value `--add` writes among them: an author who
/// quotes every value expects the new one quoted too. `None` where plain
/// values are as many or more. A plain value YAML reads as other than a
/// string (`3`, `2024-01-01`, `true`) counts for no style: it is plain
/// for its type.
pub(super) fn prevailing_quote(src: &str, fields: &[&MetaField]) -> Option<u8> {
    let (mut single, mut double, mut plain) = (0usize, 0usize, 0usize);
    for f in fields {
        match yaml_quote(src, f.value_range) {
            Some(b'\'') => single += 1,
            Some(_) => double += 1,
            None if f.value_range.is_empty() || needs_yaml_quotes(f.value_range.slice(src)) => {}
            None => plain += 1,
        }
    }
    if single > double.max(plain) {
        Some(b'\'')
    } else if double > single.max(plain) {
        Some(b'"')
    } else {
        None
    }
}

/// Whether `new`, written plain where the plain scalar `old` stands, reads
/// as the type `old` reads as, a type other than string, under YAML 1.1
/// and 1.2 alike: `true` → `false`, `42` → `7`, `1.5` → `2.0`,
/// `2024-01-01` → `2024-02-02`, `yes` → `no` (booleans in 1.1, strings in
/// 1.2, either way alike).
pub(super) fn keeps_type(old: &str, new: &str) -> bool {
    match (types(old), types(new)) {
        (Some(a), Some(b)) => a == b && a != (Type::Str, Type::Str),
        _ => false,
    }
}

/// What a plain scalar reads as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Type {
    Str,
    Null,
    Bool,
    Int,
    Float,
    Date,
}

/// The types a plain scalar reads as under YAML 1.1 and under YAML 1.2's
/// core schema, or `None` for an empty value and when planwright is not
/// sure of either (`0o17`,
/// `1_000`, `1:30`, `y`, `2024-1-5 10:00` …). A word that is not shaped
/// like any of those is a string under both.
fn types(value: &str) -> Option<(Type, Type)> {
    let both = |t| Some((t, t));
    match value {
        // Nothing to keep: `owner:` is an empty field to fill.
        "" => return None,
        "~" | "null" | "Null" | "NULL" => return both(Type::Null),
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => return both(Type::Bool),
        "yes" | "Yes" | "YES" | "no" | "No" | "NO" | "on" | "On" | "ON" | "off" | "Off" | "OFF" => {
            return Some((Type::Bool, Type::Str));
        }
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF"
        | ".nan" | ".NaN" | ".NAN" => return both(Type::Float),
        _ => {}
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = value.strip_prefix(['+', '-']).unwrap_or(value);
    // `0`, `42`, `-7`; a leading zero is octal to YAML 1.1.
    if digits(unsigned) && (unsigned == "0" || !unsigned.starts_with('0')) {
        return both(Type::Int);
    }
    if let Some(hex) = value.strip_prefix("0x")
        && !hex.is_empty()
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return both(Type::Int);
    }
    if is_float(value) {
        return both(Type::Float);
    }
    // A day YAML 1.1 reads as a date, and one a reader can build
    // (`2024-02-30` would make `PyYAML` fail).
    if planwright_core::is_iso_day(value) {
        // YAML 1.2's core schema has no dates, though most 1.2 readers
        // still take one.
        return Some((Type::Date, Type::Str));
    }
    if needs_yaml_quotes(value) {
        return None;
    }
    both(Type::Str)
}

/// `1.5`, `-0.25`, `3.`, `.5`, `1.5e+3`: a float to both versions (YAML
/// 1.1 wants a `.` and a signed exponent, and no sign before `.5`).
fn is_float(value: &str) -> bool {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let (mantissa, exponent) = match value.find(['e', 'E']) {
        Some(e) => (&value[..e], Some(&value[e + 1..])),
        None => (value, None),
    };
    let exponent_ok = exponent.is_none_or(|x| {
        x.strip_prefix(['+', '-'])
            .is_some_and(|n| !n.is_empty() && digits(n))
    });
    let Some((whole, fraction)) = mantissa.split_once('.') else {
        return false;
    };
    let whole_ok = if whole.is_empty() {
        !fraction.is_empty()
    } else {
        let w = whole.strip_prefix(['+', '-']).unwrap_or(whole);
        !w.is_empty() && digits(w)
    };
    exponent_ok && whole_ok && digits(fraction)
}

/// Why a front-matter value is not one `set` can replace in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NotScalar {
    /// It goes on below its key's line (see [`spans_lines`]).
    Lines,
    /// A flow sequence or mapping on its line (`[a, b]`, `{k: v}`):
    /// replaced by a word, a list would become a string, and `set` could
    /// not write it back.
    Flow,
    /// A line below it, at this offset, is indented with a tab, which
    /// YAML refuses: what the line means is not the value's to guess.
    Tab(usize),
}

/// Whether front-matter field `f`'s value is other than a scalar on its
/// key's line, and how.
pub(super) fn not_scalar(plan: &Plan, src: &str, f: &MetaField) -> Option<NotScalar> {
    if let Some(shape) = spans_lines(plan, src, f) {
        return Some(shape);
    }
    // A quoted value's range is inside its quotes: `'[a, b]'` is a string.
    let value = src.get(f.value_range.start as usize..f.value_range.end as usize)?;
    let unquoted = yaml_quote(src, f.value_range).is_none();
    (unquoted && value.starts_with(['[', '{'])).then_some(NotScalar::Flow)
}

/// Whether a front-matter field's value goes on below its key's line: a
/// nested mapping, a block sequence, a block scalar (`|`, `>`) or a plain
/// or quoted scalar folded over several lines. The lines that follow up to
/// the next top-level key are its, but for blank lines and comments. Such
/// a value cannot be replaced by patching one line. The first such line
/// indented with a tab is no YAML at all, and is told apart.
fn spans_lines(plan: &Plan, src: &str, f: &MetaField) -> Option<NotScalar> {
    let fm = plan.front_matter?;
    let key_end = f.key_range.end as usize;
    let after_key = src.get(key_end..line_end_after(src, key_end)).unwrap_or("");
    // A quoted key's range ends inside its quotes (`"summary": |`).
    let value = after_key
        .strip_prefix(['"', '\''])
        .unwrap_or(after_key)
        .trim_start_matches([' ', '\t'])
        .trim_start_matches(':')
        .trim_start();
    // The reader spans a list's or block scalar's lines with the field.
    let below = src
        .get(key_end..f.value_range.end as usize)
        .is_some_and(|v| v.contains(['\n', '\r']));
    let unquoted = yaml_quote(src, f.value_range).is_none();
    if value.starts_with(['|', '>']) || (unquoted && below) {
        return Some(NotScalar::Lines);
    }
    let text = fm.slice(src).trim_end();
    let closing = line_start(src, fm.start as usize + text.len().saturating_sub(1));
    let from = line_end_after(src, f.range.end as usize);
    let rest = src.get(from..closing.max(from))?;
    let mut at = from;
    for line in rest.split(['\n', '\r']) {
        let start = at;
        at += line.len() + 1;
        let body = line.trim_start_matches([' ', '\t']);
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if line[..line.len() - body.len()].contains('\t') {
            return Some(NotScalar::Tab(start));
        }
        return line.starts_with([' ', '-']).then_some(NotScalar::Lines);
    }
    None
}

/// The 1-based line and the text of a top-level key of the front matter
/// that is `key` (normalised), however it is written: plain, in either
/// quotes, escaped. The reader lists most keys as fields; this reads the
/// raw lines too, so that `set --add` never writes a key twice, which
/// strict YAML readers refuse.
pub(super) fn key_line(plan: &Plan, src: &str, key: &str) -> Option<(usize, String)> {
    let fm = plan.front_matter?;
    let text = fm.slice(src);
    let mut at = fm.start as usize;
    for line in text.split_inclusive(['\n', '\r']) {
        let start = at;
        at += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some(name) = raw_key(line) else {
            continue;
        };
        if normalize_key(&name) == key {
            let offset = u32::try_from(start).unwrap_or(u32::MAX);
            let number = LineIndex::new(src).line_of(offset) + 1;
            return Some((number, name));
        }
    }
    None
}

/// The key of a `key: value` line as YAML reads it, roughly: in quotes
/// with the simplest escapes undone, or plain before `: ` or a final `:`.
fn raw_key(line: &str) -> Option<String> {
    if let Some(q @ (b'"' | b'\'')) = line.bytes().next() {
        let b = line.as_bytes();
        let mut at = 1;
        while *b.get(at)? != q || (q == b'\'' && b.get(at + 1) == Some(&q)) {
            at += if (b[at] == b'\\' && q == b'"') || b[at] == q {
                2
            } else {
                1
            };
        }
        let inner = line.get(1..at)?;
        return Some(if q == b'"' {
            inner.replace("\\\"", "\"").replace("\\\\", "\\")
        } else {
            inner.replace("''", "'")
        });
    }
    let colon = line
        .find(": ")
        .or_else(|| line.strip_suffix(':').map(str::len))?;
    Some(line[..colon].trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_one_type_keep_it_and_others_do_not() {
        for (old, new) in [
            ("true", "false"),
            ("False", "TRUE"),
            ("yes", "no"),
            ("42", "7"),
            ("-3", "0"),
            ("0x1F", "12"),
            ("1.5", "2.0"),
            ("1.5", ".5"),
            ("2.", "1.0e+3"),
            ("2024-01-01", "2024-02-29"),
            ("~", "null"),
            (".inf", "-.inf"),
        ] {
            assert!(keeps_type(old, new), "{old} → {new}");
        }
        for (old, new) in [
            ("draft", "false"),
            ("true", "yes"),
            ("42", "4.2"),
            ("42", "1_000"),
            ("42", "012"),
            ("1.5", "1e3"),
            ("2024-01-01", "2023-02-29"),
            ("2024-01-01", "2024-1-5"),
            ("2024-01-01", "2024-01-01 10:00:00"),
            ("y", "n"),
            ("1:30", "2:30"),
            ("draft", "done"),
            ("", "7"),
        ] {
            assert!(!keeps_type(old, new), "{old} → {new}");
        }
    }

    #[test]
    fn keys_are_found_however_they_are_quoted() {
        let src = "---\ntitle: P\n\"owner\": bob\n'the team': x\n\"a\\\"b\": c\nit's: d\n'o''k': e\n---\n# P\n";
        let plan = planwright_core::parse(src);
        let found = |k: &str| key_line(&plan, src, &normalize_key(k));
        assert_eq!(found("owner"), Some((3, "owner".to_owned())));
        assert_eq!(found("The Team"), Some((4, "the team".to_owned())));
        assert_eq!(found("a\"b"), Some((5, "a\"b".to_owned())));
        assert_eq!(found("it's"), Some((6, "it's".to_owned())));
        assert_eq!(found("o'k"), Some((7, "o'k".to_owned())));
        assert_eq!(found("title"), Some((2, "title".to_owned())));
        assert_eq!(found("status"), None);
    }
}
