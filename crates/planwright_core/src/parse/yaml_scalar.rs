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
    match quote {
        b'\'' if inner.contains("''") => Cow::Owned(inner.replace("''", "'")),
        b'"' if inner.contains('\\') => Cow::Owned(unescape_double(inner)),
        _ => Cow::Borrowed(inner),
    }
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
    fn text_without_escapes_is_borrowed() {
        assert!(matches!(
            unquote("plain", b'"'),
            std::borrow::Cow::Borrowed("plain")
        ));
    }
}
