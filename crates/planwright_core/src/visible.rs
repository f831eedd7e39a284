//! Plan text made safe to print on a terminal.
//!
//! A plan is untrusted input: a cloned repository can hold one whose title
//! is `\x1b]0;…\x07` (set the window title) or `\x1b[2J` (clear the screen),
//! and a terminal obeys what it is sent. Every human-readable output (the
//! outlines of `show` and `status`, `next`, `graph`'s labels, the text
//! formats of `lint`) passes plan text, and the paths of plan files,
//! through [`visible`] before printing it. JSON and SARIF do not: their
//! serialiser escapes control characters (`\u001b`), so a reader gets the
//! text exactly as written.
//!
//! Each control character becomes one visible character of one column, so
//! padding and underlines stay aligned:
//! - C0 controls (U+0000–U+001F) become their Unicode Control Pictures,
//!   `\x1b` → `␛`, `\0` → `␀`: what `lint`'s human format (annotate-snippets)
//!   already prints, so every format shows a plan alike.
//! - DEL (U+007F) becomes `␡` (U+2421), its Control Picture.
//! - C1 controls (U+0080–U+009F) become `�` (U+FFFD): Unicode has no
//!   pictures for them, and some terminals obey U+009B as `ESC [`. The
//!   code point itself is one `show --format json` away.
//!
//! A name the user typed (a task name given to `done`, a field name to
//! `set`, a template, a rule, `--date`), quoted back in an error, goes
//! through [`escaped`] instead: the message stays one line whatever the
//! name holds, and shows the name as it would be typed again.

use std::borrow::Cow;

/// `text` with every control character made visible, line feed and tab
/// included: for text printed within a line of output. Text without one is
/// borrowed, not copied.
pub fn visible(text: &str) -> Cow<'_, str> {
    visible_except(text, |_| false)
}

/// [`visible`], but line feeds are kept: for output whose own structure is
/// lines of `text` (an annotation whose message spans lines).
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    visible_except(text, |c| c == '\n')
}

/// [`visible`], but the control characters `keep` accepts stay as they
/// are: for a caller that has made them safe already, or whose output
/// format gives them a meaning of its own.
pub fn visible_except(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let hidden = |c: char| is_control(c) && !keep(c);
    let Some(first) = text.find(hidden) else {
        return Cow::Borrowed(text);
    };
    // Control Pictures take three bytes where C0 controls take one.
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    out.extend(
        text[first..]
            .chars()
            .map(|c| if hidden(c) { picture(c) } else { c }),
    );
    Cow::Owned(out)
}

/// `text`, a name the user typed, as an error quotes it: a line break,
/// tab or other control character, a line or paragraph separator
/// (U+2028, U+2029) and a direction mark or override, which would break
/// the message's one line or reorder it, written as Rust's `escape_debug`
/// writes them (`\n`, `\t`, `\u{1b}`, `\u{202e}`). A name holding one has
/// its backslashes doubled too, so that `\n` the escape and the two
/// characters `\`, `n` differ; a name holding none is quoted as typed
/// (`\*x\*` stays `\*x\*`), borrowed, not copied. Every error that quotes
/// a typed name goes through here, so all of them show it alike.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c == '\\' || needs_escape(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// What [`escaped`] writes as an escape: control characters, the line and
/// paragraph separators, and the marks that change the direction of text
/// around them (a name ending in U+202E would print the rest of the
/// message backwards).
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// C0, DEL and C1: the characters a terminal may act on rather than show.
fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\x1f' | '\x7f'..='\u{9f}')
}

/// The visible stand-in for a control character (see the module comment).
fn picture(c: char) -> char {
    match c {
        '\0'..='\x1f' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
        '\x7f' => '\u{2421}',
        _ => '\u{fffd}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        for text in ["", "Plan: A", "中文 ✅ — “quoted”", "\u{a0}non-breaking"] {
            assert!(
                matches!(visible(text), Cow::Borrowed(t) if t == text),
                "{text}"
            );
        }
        assert!(matches!(visible_lines("a\nb"), Cow::Borrowed("a\nb")));
    }

    #[test]
    fn every_control_character_becomes_one_visible_character() {
        assert_eq!(visible("A\x1b]0;pwned\x07\x1b[2J"), "A␛]0;pwned␇␛[2J");
        assert_eq!(visible("Draft\0x"), "Draft␀x");
        assert_eq!(visible("a\tb\r\nc"), "a␉b␍␊c");
        assert_eq!(visible("\x1f\x7f"), "␟␡");
        assert_eq!(visible("a\u{80}b\u{9b}31m\u{9f}"), "a�b�31m�");
        for c in ('\0'..='\u{a0}').filter(|&c| is_control(c)) {
            let shown = visible(c.encode_utf8(&mut [0; 4])).into_owned();
            assert_eq!(shown.chars().count(), 1, "{c:?}");
            assert!(!shown.chars().any(char::is_control), "{c:?}");
        }
    }

    #[test]
    fn escaped_names_stay_one_line_and_read_as_typed() {
        for name in ["T001", "", "\\*x\\*", "C:\\dir", "中文 ✅ ✔️", "é"] {
            assert!(
                matches!(escaped(name), Cow::Borrowed(t) if t == name),
                "{name}"
            );
        }
        for (name, shown) in [
            ("T001\nT002", "T001\\nT002"),
            ("own\r\ner", "own\\r\\ner"),
            ("a\tb", "a\\tb"),
            ("\u{1b}[2J", "\\u{1b}[2J"),
            ("nul\0", "nul\\0"),
            ("del\u{7f}c1\u{9b}", "del\\u{7f}c1\\u{9b}"),
            ("a\u{2028}b", "a\\u{2028}b"),
            ("abc\u{202e}", "abc\\u{202e}"),
            // Beside an escape, a backslash is doubled: `\n` typed as two
            // characters must not read as the line break before it.
            ("a\\n\nb", "a\\\\n\\nb"),
        ] {
            assert_eq!(escaped(name), shown, "{name:?}");
            assert!(
                !escaped(name).contains(|c: char| needs_escape(c)),
                "{name:?}"
            );
        }
    }

    #[test]
    fn visible_lines_keeps_line_feeds_only() {
        assert_eq!(visible_lines("a\x1b\nb\r\n"), "a␛\nb␍\n");
        assert_eq!(
            visible_except("\x1b[1m\u{9b}", |c| c.is_ascii()),
            "\x1b[1m�"
        );
    }
}
