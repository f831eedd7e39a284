//! `set --add`: which field names each header style can hold. A name that
//! would break the form it is written in (`key: evil` in front matter
//! writes the key `key` and a stray value) is refused before anything is
//! written, with the reason, rather than by the verifier after the fact.

use planwright_core::visible::escaped;
use planwright_core::{MetaStyle, needs_yaml_quotes};

/// Why `name` (trimmed) cannot be written as a field name in `style`, as
/// the end of a sentence that starts with the name ("its name `x` …");
/// `None` when it can.
///
/// - Every style: a name is not empty, is one line, and holds no `:` (nor
///   the full-width `：`), which ends a name in every form.
/// - Front matter: a plain YAML key that YAML reads as a string: no quote
///   or bracket (`"`, `'`, `[`, `{`), no YAML indicator at its start
///   (`-`, `?`, `#`, `&`, `*`, `!`, `|`, `>`, `%`, `@`, `` ` ``, `,`), no
///   ` #` (a comment), and nothing YAML reads as a boolean, number, null
///   or date (`true`, `42`, `2024-01-01`).
/// - Bold label: no `*` (it would close the `**`), no `|` (it separates
///   fields on a line), no `\` (it escapes what follows), at most 60 bytes.
/// - Comment key: an ASCII letter first, then ASCII letters, digits, `_`,
///   `-` and spaces, at most 40 bytes, and not `planwright…` (a
///   directive).
pub(super) fn problem(name: &str, style: MetaStyle) -> Option<String> {
    if name.is_empty() {
        return Some("cannot be empty".to_owned());
    }
    if name.contains(['\n', '\r']) {
        return Some("cannot span several lines".to_owned());
    }
    if let Some(c) = name.chars().find(|c| matches!(c, ':' | '：')) {
        return Some(format!("cannot contain `{c}`, which ends a field's name"));
    }
    match style {
        MetaStyle::FrontMatter => yaml_key(name),
        MetaStyle::Bold { .. } => bold_label(name),
        MetaStyle::Comment => comment_key(name),
        MetaStyle::Plain => plain_label(name),
    }
}

/// A plain `Key: value` line's key, as the reader reads one: a letter
/// first, then letters, digits, spaces, `-`, `_`, `/` and `&`, at most
/// four words and 32 bytes; else the line would read as text.
fn plain_label(name: &str) -> Option<String> {
    if !name.starts_with(char::is_alphabetic) {
        return Some("must start with a letter to read as a plain field's name".to_owned());
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, ' ' | '/' | '-' | '_' | '&')))
    {
        let c = escaped(c.encode_utf8(&mut [0; 4])).into_owned();
        return Some(format!("cannot contain `{c}` in a plain field's name"));
    }
    (name.len() > 32 || name.split_whitespace().count() > 4)
        .then(|| "is longer than a plain field's name of four words and 32 bytes".to_owned())
}

fn yaml_key(name: &str) -> Option<String> {
    if let Some(c) = name.chars().find(|c| matches!(c, '"' | '\'' | '[' | '{')) {
        return Some(format!(
            "cannot contain `{c}`: planwright writes a front-matter key as a plain YAML key"
        ));
    }
    if let Some(c) = name
        .chars()
        .next()
        .filter(|c| "-?,]}#&*!|>%@`".contains(*c))
    {
        return Some(format!(
            "starts with `{c}`, which YAML reads as syntax, not as part of a key"
        ));
    }
    if name.contains(" #") || name.contains("\t#") {
        return Some(
            "cannot contain ` #` (or a tab before `#`), which YAML reads as a comment".to_owned(),
        );
    }
    if needs_yaml_quotes(name) {
        return Some(
            "would be read by YAML as a boolean, a number, null or a date, not as a name"
                .to_owned(),
        );
    }
    None
}

fn bold_label(name: &str) -> Option<String> {
    let why = |c: char| match c {
        '*' => Some("which would close the label's `**`"),
        '|' => Some("which separates fields on a line"),
        '\\' => Some("which escapes the character after it"),
        _ => None,
    };
    if let Some((c, reason)) = name.chars().find_map(|c| why(c).map(|r| (c, r))) {
        return Some(format!("cannot contain `{c}`, {reason}"));
    }
    (name.len() > 60).then(|| "is longer than a bold label's 60 bytes".to_owned())
}

fn comment_key(name: &str) -> Option<String> {
    let starts_well = name.starts_with(|c: char| c.is_ascii_alphabetic());
    let holds_well = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' '));
    if !starts_well || !holds_well {
        return Some(
            "is no comment field's key: one starts with an ASCII letter and holds only ASCII letters, digits, `_`, `-` and spaces"
                .to_owned(),
        );
    }
    if name.len() > 40 {
        return Some("is longer than a comment field's 40 bytes".to_owned());
    }
    name.starts_with("planwright")
        .then(|| "starts with `planwright`, which marks a planwright directive".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOLD: MetaStyle = MetaStyle::Bold { colon_inside: true };

    #[test]
    fn a_colon_is_refused_in_every_style() {
        for style in [MetaStyle::FrontMatter, BOLD, MetaStyle::Comment] {
            assert_eq!(
                problem("key: evil", style).as_deref(),
                Some("cannot contain `:`, which ends a field's name")
            );
            assert!(problem("a：b", style).is_some());
            assert!(problem("", style).is_some());
            assert_eq!(problem("Feature ID", style), None);
        }
    }

    #[test]
    fn each_style_refuses_what_would_break_its_form() {
        for bad in [
            "\"owner\"",
            "a'b",
            "[x]",
            "- x",
            "#x",
            "&a",
            "a #b",
            "a\t#b",
            "true",
            "42",
        ] {
            assert!(problem(bad, MetaStyle::FrontMatter).is_some(), "{bad}");
        }
        for good in ["owner", "Feature ID", "it-s_ok", "v1.2"] {
            assert_eq!(problem(good, MetaStyle::FrontMatter), None, "{good}");
        }
        for bad in ["a*b", "a|b", "a\\", &"x".repeat(61)] {
            assert!(problem(bad, BOLD).is_some(), "{bad}");
        }
        for bad in ["1st", "a.b", "Ünï", "planwright-x", &"x".repeat(41)] {
            assert!(problem(bad, MetaStyle::Comment).is_some(), "{bad}");
        }
    }
}
