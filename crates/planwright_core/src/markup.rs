//! Text written into a line of Markdown that must stay within itself: a
//! field's value that `set` writes shares its paragraph with the lines
//! around it, and markup it opens without closing reaches past it (a lone
//! backtick opens a code span that a later line's backtick closes, and
//! that line's field renders as code on GitHub while the model, which
//! reads fields line by line, still sees it unchanged).

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser, Tag, TagEnd};

use crate::parse::MARKDOWN_OPTIONS;
use crate::text::TextRange;

/// The characters that open or close inline markup where they stand as
/// text: a code span, emphasis, strikethrough, a link, HTML.
const LOOSE: &[char] = &['`', '*', '_', '~', '[', ']', '<'];

/// `value`, one line of inline Markdown, with each markup character it
/// does not use as markup itself backslash-escaped, as `new` escapes its
/// values: a backtick no other closes, a `*`, `_` (but inside a word) or
/// `~` that emphasises nothing, a bracket that makes no link, and every
/// `<` but an autolink's (an HTML tag left open, such as `<b>`, would
/// reach past the value too, and `Support <Vec>` should show `<Vec>`).
/// What the value closes itself stays as given: `` `code` ``, `*a*`,
/// `[text](url)`, `<https://x.y>`, an escape. So the value reads as it
/// would alone, and the text after it as it did before.
///
/// A reference link (`[spec][1]`) is taken for a link, as the plan may
/// define it: brackets that pair up close each other either way.
pub fn escape_loose_markup(value: &str) -> String {
    // A no-break space keeps a leading `#`, `-` or `>` from opening a
    // block, as the field's label before the value does (see `rendered`).
    const GUARD: char = '\u{a0}';
    let source = format!("{GUARD}{value}");
    let shift = GUARD.len_utf8();
    let mut loose = vec![false; value.len()];
    let mut mark = |range: std::ops::Range<usize>| {
        let (from, to) = (
            range.start.saturating_sub(shift),
            range.end.saturating_sub(shift),
        );
        for flag in loose.get_mut(from..to).into_iter().flatten() {
            *flag = true;
        }
    };
    let any_reference = |_: BrokenLink<'_>| Some((CowStr::from(""), CowStr::from("")));
    // Whether each link open at this point is an autolink, whose text is
    // its address and must not gain backslashes.
    let mut links: Vec<bool> = Vec::new();
    let parser =
        Parser::new_with_broken_link_callback(&source, MARKDOWN_OPTIONS, Some(any_reference));
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Link { link_type, .. }) => {
                links.push(matches!(link_type, LinkType::Autolink | LinkType::Email));
            }
            Event::End(TagEnd::Link) => {
                links.pop();
            }
            Event::Text(_) if !links.contains(&true) => mark(range),
            Event::InlineHtml(_) | Event::Html(_) => mark(range),
            _ => {}
        }
    }
    let mut out = String::with_capacity(value.len() + 8);
    let mut prev: Option<char> = None;
    let mut backslashes = 0usize;
    for (i, c) in value.char_indices() {
        let next = value[i + c.len_utf8()..].chars().next();
        // `snake_case`: an underscore inside a word opens no emphasis.
        let inside_word =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        let escaped = backslashes % 2 == 1;
        if loose[i] && !escaped && LOOSE.contains(&c) && !(c == '_' && inside_word) {
            out.push('\\');
        }
        out.push(c);
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        prev = Some(c);
    }
    out
}

/// Whether inline markup in `text` crosses an edge of one of `spans`: a
/// code span, emphasis, strikethrough, link, image or HTML tag that
/// starts inside one and ends after it, or starts before it and ends
/// inside. Markup wholly inside a span, wholly around it or apart from
/// it does not.
pub fn markup_crosses(text: &str, spans: &[TextRange]) -> bool {
    Parser::new_ext(text, MARKDOWN_OPTIONS)
        .into_offset_iter()
        .any(|(event, r)| {
            let inline = matches!(
                event,
                Event::Start(
                    Tag::Emphasis
                        | Tag::Strong
                        | Tag::Strikethrough
                        | Tag::Link { .. }
                        | Tag::Image { .. }
                ) | Event::Code(_)
                    | Event::InlineHtml(_)
                    | Event::FootnoteReference(_)
            );
            inline
                && spans.iter().any(|span| {
                    let (start, end) = (span.start as usize, span.end as usize);
                    let apart = r.end <= start || r.start >= end;
                    let inside = r.start >= start && r.end <= end;
                    let around = r.start <= start && r.end >= end;
                    !(apart || inside || around)
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_the_value_leaves_open_is_escaped() {
        for (value, written) in [
            ("a`b", "a\\`b"),
            ("``x` y", "\\`\\`x\\` y"),
            ("a <b", "a \\<b"),
            ("<b>bold", "\\<b>bold"),
            ("Support <Vec> generics", "Support \\<Vec> generics"),
            ("see [the spec", "see \\[the spec"),
            ("a]", "a\\]"),
            ("a*b and _c", "a\\*b and \\_c"),
            ("~5 days", "\\~5 days"),
            ("2 * 3", "2 \\* 3"),
        ] {
            assert_eq!(escape_loose_markup(value), written, "{value}");
        }
    }

    #[test]
    fn markup_the_value_closes_itself_stays() {
        for value in [
            "plain text, R&D",
            "`code` and ``a ` b``",
            "*alice* and **bold** and ~~old~~",
            "[spec](spec.md) and [ref][1] and ![logo](x.png)",
            "<https://x.y/a_b*c>",
            "snake_case_name",
            "\\`escaped\\` \\* \\[",
            "&lt;b&gt;",
            "`<b>` in code",
        ] {
            assert_eq!(escape_loose_markup(value), value, "{value}");
        }
        // An escaped backslash escapes nothing after it.
        assert_eq!(escape_loose_markup("C:\\\\`x"), "C:\\\\\\`x");
    }

    #[test]
    fn markup_crossing_a_span_is_found() {
        let text = "**Owner:** a`b\n**Status:** Draft `x`\n";
        assert!(markup_crosses(text, &[TextRange::new(11, 14)]));
        let text = "**Owner:** a\\`b\n**Status:** Draft `x`\n";
        assert!(!markup_crosses(text, &[TextRange::new(11, 15)]));
        // Markup inside the span, or around it, is its own business.
        let text = "**Owner:** `a` *b*\n**Status:** Draft\n";
        assert!(!markup_crosses(text, &[TextRange::new(11, 18)]));
        assert!(!markup_crosses(text, &[TextRange::new(13, 13)]));
        // A backtick the plan left open, closed by the value's code span.
        let text = "**Note:** it`s\n**Owner:** `x`\n";
        assert!(markup_crosses(text, &[TextRange::new(26, 29)]));
    }
}
