//! Writing to standard output, where a closed pipe must surface as an
//! `io::Error` (so `main` can treat it as success) rather than a panic;
//! and to standard error, where it is ignored.

/// `eprint!` that cannot panic: when standard error is a closed pipe
/// (`planwright lint DIR 2>&1 | head -1`), `eprint!` panics, and the
/// exit code becomes 101. There is nowhere left to say anything, so the
/// text is dropped and the run ends with its own exit code.
macro_rules! ewrite {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// `eprintln!` that cannot panic (see [`ewrite!`]).
macro_rules! ewriteln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

use std::io::Write;

use anyhow::Result;

pub use planwright_core::closest;

pub fn print_json<T: serde::Serialize>(value: &T) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    print(&text)
}

pub fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// `text` cut to `max` characters, with `…` marking the cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() > max {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        text.to_owned()
    }
}

/// How many terminal columns `text` takes: two for a CJK character, none
/// for a combining mark.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` followed by spaces to fill `columns` terminal columns (none when
/// it is already as wide): `format!("{:<n$}")` counts characters, which
/// misaligns wide ones.
pub fn pad(text: &str, columns: usize) -> String {
    let mut out = text.to_owned();
    out.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
    out
}

/// `n` and the noun, singular for one: "1 plan", "3 plans".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `word` as one shell word, for a command a hint shows: as it is when
/// it holds only characters no shell reads (`T001`, `1.2`,
/// `specs/plan.md`), else in single quotes (`'#4'`, where `#` would start
/// a comment; `'T001 (2)'`, `'my plan.md'`).
pub fn shell_word(word: &str) -> String {
    if !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-/".contains(&b))
    {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pad_fills_display_columns() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("中文", 6), "中文  ");
        assert_eq!(width("中文"), 4);
        assert_eq!(pad("abcdef", 4), "abcdef");
    }
}
