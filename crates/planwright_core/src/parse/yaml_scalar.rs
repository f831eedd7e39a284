//! The text of a quoted YAML scalar in front matter: `title: "Auth: \"SSO\""`
//! means `Auth: "SSO"`, and `title: 'Bob''s plan'` means `Bob's plan`.
//!
//! The reader keeps a quoted value's range inside its quotes (an edit
//! replaces only that), and gives the value as YAML reads it, so that
//! `show`, `status` and the JSON print what the author meant and `set`
//! reads back the value it was given. Only one-line scalars reach here
//! (front matter is read a line at a time); decoding them is the escape
//! table of YAML 1.2 section 5.7, small enough that a YAML parser, which
//! would also have to hand back byte ranges, is not worth its weight.

use std::borrow::Cow;

/// `inner`, the text between a scalar's quotes, as YAML reads it; `quote`
/// is the quote byte before it. Text that holds no escape is borrowed.
/// An escape YAML does not define is kept as written, as a lenient reader
/// shows it rather than dropping the field.
pub(crate) fn unquote(inner: &str, quote: u8) -> Cow<'_, str> {
    // Folded first: a line break written as `\n` is no line to fold.
    if inner.contains(['\n', '\r']) {
        return Cow::Owned(unescape(&fold(inner), quote).into_owned());
    }
    unescape(inner, quote)
}

fn unescape(inner: &str, quote: u8) -> Cow<'_, str> {
    match quote {
        b'\'' if inner.contains("''") => Cow::Owned(inner.replace("''", "'")),
        b'"' if inner.contains('\\') => Cow::Owned(unescape_double(inner)),
        _ => Cow::Borrowed(inner),
    }
}

/// A quoted scalar opened at `at` in `yaml` (the byte there is `quote`)
/// and left open on its line: where its text lies (between the quotes)
/// and where its last line ends, when a later line closes it. Its lines
/// after the first are indented, as YAML wants them under a top-level
/// key, and nothing but a comment follows the closing quote; otherwise
/// it is no value planwright can read.
pub(crate) fn continued(yaml: &str, at: usize, quote: u8) -> Option<((usize, usize), usize)> {
    let scalar = yaml.get(at..)?;
    let close = super::meta::closing_quote(scalar, quote)?;
    let inner = &scalar[1..close];
    let line_end = scalar[close..]
        .find(['\n', '\r'])
        .map_or(scalar.len(), |n| close + n);
    let after = scalar[close + 1..line_end].trim();
    let indented = inner
        .split('\n')
        .skip(1)
        .all(|l| l.trim().is_empty() || l.starts_with([' ', '\t']));
    (indented && (after.is_empty() || after.starts_with('#')))
        .then_some(((at + 1, at + close), at + line_end))
}

/// YAML's line folding in a quoted scalar: a line break and the white
/// space around it read as one space, and each empty line as a line break.
fn fold(inner: &str) -> String {
    let lines: Vec<&str> = inner
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    let last = lines.len() - 1;
    let mut out = String::with_capacity(inner.len());
    let mut breaks = 0;
    for (i, line) in lines.iter().enumerate() {
        let mut text = if i == 0 { *line } else { line.trim_start() };
        if i < last {
            text = text.trim_end();
        }
        if i > 0 && i < last && text.is_empty() {
            breaks += 1;
            continue;
        }
        if i > 0 {
            if breaks == 0 {
                out.push(' ');
            }
            out.extend(std::iter::repeat_n('\n', breaks));
            breaks = 0;
        }
        out.push_str(text);
    }
    out
}

fn unescape_double(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at + 1..];
        let Some(c) = escape.chars().next() else {
            out.push('\\');
            return out;
        };
        let hex = match c {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        let (decoded, used) = if hex > 0 {
            let code = escape
                .get(1..=hex)
                .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32);
            (code, 1 + hex)
        } else {
            (simple_escape(c), c.len_utf8())
        };
        if let Some(d) = decoded {
            out.push(d);
            rest = &escape[used..];
        } else {
            out.push('\\');
            rest = escape;
        }
    }
    out.push_str(rest);
    out
}

fn simple_escape(c: char) -> Option<char> {
    Some(match c {
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        't' | '\t' => '\t',
        'n' => '\n',
        'v' => '\u{b}',
        'f' => '\u{c}',
        'r' => '\r',
        'e' => '\u{1b}',
        ' ' => ' ',
        '"' => '"',
        '/' => '/',
        '\\' => '\\',
        'N' => '\u{85}',
        '_' => '\u{a0}',
        'L' => '\u{2028}',
        'P' => '\u{2029}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::unquote;

    #[test]
    fn single_quotes_double_to_escape_themselves() {
        assert_eq!(unquote("Bob''s plan", b'\''), "Bob's plan");
        assert_eq!(unquote(r"a\nb", b'\''), r"a\nb");
    }

    #[test]
    fn double_quotes_take_yaml_escapes() {
        assert_eq!(
            unquote(r#"Auth: \"SSO\" rollout"#, b'"'),
            r#"Auth: "SSO" rollout"#
        );
        assert_eq!(unquote(r"C:\\dir", b'"'), r"C:\dir");
        assert_eq!(unquote(r"caf\u00e9 \x41\U0001F600", b'"'), "café A😀");
        assert_eq!(unquote(r"tab\there", b'"'), "tab\there");
    }

    #[test]
    fn unknown_or_cut_escapes_stay_as_written() {
        assert_eq!(unquote(r"a\qb", b'"'), r"a\qb");
        assert_eq!(unquote(r"\u12", b'"'), r"\u12");
        assert_eq!(unquote(r"\uD800", b'"'), r"\uD800");
        assert_eq!(unquote("end\\", b'"'), "end\\");
    }

    #[test]
    fn lines_fold_into_spaces_and_empty_lines_into_breaks() {
        assert_eq!(unquote("multi\n  line title", b'"'), "multi line title");
        assert_eq!(unquote("a  \n\n  b", b'\''), "a\nb");
        assert_eq!(unquote("Bob''s\r\n  plan", b'\''), "Bob's plan");
    }

    #[test]
    fn a_quote_left_open_is_closed_on_an_indented_line_or_not_at_all() {
        let yaml = "title: \"multi\n  line\" # c\nnext: x\n";
        let at = yaml.find('"').unwrap();
        let ((s, e), end) = super::continued(yaml, at, b'"').unwrap();
        assert_eq!(&yaml[s..e], "multi\n  line");
        assert_eq!(&yaml[..end], "title: \"multi\n  line\" # c");
        // Not indented, or text after the quote: no value.
        assert!(super::continued("t: \"a\nb\"\n", 3, b'"').is_none());
        assert!(super::continued("t: \"a\n  b\" c\n", 3, b'"').is_none());
        assert!(super::continued("t: \"a\n", 3, b'"').is_none());
    }

    #[test]
    fn text_without_escapes_is_borrowed() {
        assert!(matches!(
            unquote("plain", b'"'),
            std::borrow::Cow::Borrowed("plain")
        ));
    }
}
