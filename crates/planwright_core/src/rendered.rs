//! A line of inline Markdown as a reader sees it rendered, for matching
//! what users type after reading a plan (on GitHub, in an editor's
//! preview, in `next`'s list) rather than what was written.

use pulldown_cmark::{Event, Parser};

use crate::parse::MARKDOWN_OPTIONS;

/// `text` (one line of inline Markdown, such as a task's text) rendered
/// to plain text by pulldown-cmark, as the reader reads it: a code span
/// loses its backticks, emphasis and strikethrough markers go, a link or
/// image becomes its text, escapes and entities become their characters,
/// inline HTML tags go (a `<br>` reads as the space it shows as), and each
/// run of white space becomes one space.
///
/// The line is read as the inside of a paragraph: a leading `#`, `-`,
/// `1.` or `>` is text here, as it is in the middle of the task line it
/// came from. A no-break space before it keeps it from opening a block
/// (and is white space to emphasis's flanking rules, as the start of a
/// line is), and is taken off again.
pub fn rendered(text: &str) -> String {
    const GUARD: char = '\u{a0}';
    let mut source = String::with_capacity(text.len() + GUARD.len_utf8());
    source.push(GUARD);
    // A line break would let the next line open a block of its own.
    source.extend(
        text.chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
    );
    let mut out = String::with_capacity(source.len());
    for event in Parser::new_ext(&source, MARKDOWN_OPTIONS) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::InlineHtml(tag) if is_line_break_tag(&tag) => out.push(' '),
            _ => {}
        }
    }
    let out = out.strip_prefix(GUARD).unwrap_or(&out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether an inline HTML tag is a line break, `<br>`, `<br/>` or
/// `<br />` in any case: rendered text reads it as a space, as it reads a
/// line break, so the words it parts stay two.
pub(crate) fn is_line_break_tag(tag: &str) -> bool {
    ["<br>", "<br/>", "<br />"]
        .iter()
        .any(|br| tag.trim_end().eq_ignore_ascii_case(br))
}

#[cfg(test)]
mod tests {
    use super::rendered;

    #[test]
    fn markup_renders_as_a_reader_sees_it() {
        for (written, shown) in [
            ("Add `--foo` flag to **CLI**", "Add --foo flag to CLI"),
            (
                "See [the docs](http://x.y/(a)) and _fix_ \\*stars\\* ~~old~~ new",
                "See the docs and fix *stars* old new",
            ),
            ("***Both*** and *a **b** c*", "Both and a b c"),
            (
                "Data<br>loss, <b>bold</b>, a<BR />b",
                "Data loss, bold, a b",
            ),
            (
                "![logo](x.png \"Logo\") `*not emphasis*`",
                "logo *not emphasis*",
            ),
            ("``a `b` c`` and `` ` ``", "a `b` c and `"),
            ("\\`not code\\` and \\\\ \\a", "`not code` and \\ \\a"),
            ("_a_b_ ~x~ ~~~y~~~", "a_b x ~~~y~~~"),
            ("spaced   out\tline ", "spaced out line"),
            // What CommonMark leaves as text stays text.
            (
                "snake_case, 2 * 3, **unclosed",
                "snake_case, 2 * 3, **unclosed",
            ),
            (
                "`unclosed, [not a link], [half](open",
                "`unclosed, [not a link], [half](open",
            ),
            ("**a*", "*a"),
            ("***a** b* and [a] b](c)", "a b and [a] b](c)"),
        ] {
            assert_eq!(rendered(written), shown, "{written}");
        }
    }

    #[test]
    fn a_line_that_would_open_a_block_is_text() {
        for (written, shown) in [
            ("# not a heading", "# not a heading"),
            ("- not an item", "- not an item"),
            ("1. not a list", "1. not a list"),
            ("> not a quote", "> not a quote"),
            ("    not code", "not code"),
            ("---", "---"),
            ("two\nlines", "two lines"),
            ("", ""),
        ] {
            assert_eq!(rendered(written), shown, "{written:?}");
        }
    }

    proptest::proptest! {
        /// Any line renders, markup-heavy or not, and rendering only ever
        /// takes characters away.
        #[test]
        fn rendering_never_panics_or_grows(
            text in "[`*_~!()\\[\\]\\\\ a-cé\t]{0,40}|\\PC{0,40}"
        ) {
            let shown = rendered(&text);
            proptest::prop_assert!(shown.chars().count() <= text.chars().count());
        }
    }
}
