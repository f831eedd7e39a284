//! Text written into a line of Markdown that must stay within itself: a
//! field's value that `set` writes shares its paragraph with the lines
//! around it, and markup it opens without closing reaches past it (a lone
//! backtick opens a code span that a later line's backtick closes, and
//! that line's field renders as code on GitHub while the model, which
//! reads fields line by line, still sees it unchanged). And how the reader
//! reads such a value back: without the escapes, as the rendered text
//! shows it.

use std::borrow::Cow;

use pulldown_cmark::{Event, Parser, Tag};

use crate::parse::MARKDOWN_OPTIONS;
use crate::text::TextRange;

/// The characters that open or close inline markup: a code span,
/// emphasis, strikethrough, a link or image, HTML or an autolink.
const MARKUP: &[char] = &['`', '*', '_', '~', '[', ']', '<'];

/// `value`, one line of text, written so that it reads as typed where a
/// field's value stands: each character that could open or close inline
/// markup ([`MARKUP`]; an `_` inside a word cannot) is backslash-escaped,
/// and so is a backslash that would escape the character after it (ASCII
/// punctuation) or, last on the line, break it. The value is text, as
/// `new --set` writes one: half-measures did not read back, as `*x*`,
/// kept because it closes itself, was read as the emphasised value `x`
/// (see [`wrapper`]), and `\*`, kept as the value's own escape, as `*`.
/// A link is text too: `[spec](spec.md)` shows as typed, brackets and all.
pub fn escape_markup(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut prev: Option<char> = None;
    for (i, c) in value.char_indices() {
        let next = value[i + c.len_utf8()..].chars().next();
        // `snake_case`: an underscore inside a word opens no emphasis.
        let inside_word =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        let escapes = c == '\\' && next.is_none_or(|n| n.is_ascii_punctuation());
        if escapes || (MARKUP.contains(&c) && !(c == '_' && inside_word)) {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// `text`, one line of inline Markdown, with each backslash escape of
/// ASCII punctuation read as the character it escapes (`\~` is `~`, `\\`
/// is `\`), as the rendered text shows it: a value [`escape_markup`]
/// wrote reads back as given. A backslash is text in a code span and in
/// an autolink, and stays there; so does one before anything else
/// (`C:\dir`). Markup itself stays as written (`*Ann*`). Text without a
/// backslash is borrowed, as nearly every value is.
pub fn unescape_punctuation(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    // A value is a few words: a plain search (a byte loop on so few
    // bytes) rules out a backslash for less than `memchr`'s setup, which
    // pays on longer text.
    let escapes = if b.len() <= 32 {
        b.contains(&b'\\')
    } else {
        memchr::memchr(b'\\', b).is_some()
    };
    if !escapes {
        return Cow::Borrowed(text);
    }
    let mut spans = CodeSpans::new(b);
    let mut out = String::with_capacity(text.len());
    let (mut i, mut copied) = (0, 0);
    while let Some(p) = memchr::memchr3(b'\\', b'`', b'<', &b[i..]) {
        let at = i + p;
        i = match b[at] {
            b'\\' if b.get(at + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push_str(&text[copied..at]);
                copied = at + 1;
                at + 2
            }
            b'`' => spans.end(at),
            b'<' => at + autolink_len(&b[at..]).unwrap_or(1),
            _ => at + 1,
        };
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// A bold field's value as a reader sees it: without the markup its whole
/// value is written in (see [`wrapper`]), and with its backslash escapes
/// read (see [`unescape_punctuation`]), but in a code span, where every
/// character is text. `` `001-todo` `` is `001-todo`, as `set` writes a
/// new value inside that markup: what it sets reads back as given.
pub fn field_value(raw: &str) -> Cow<'_, str> {
    match wrapper(raw) {
        Some("`") => Cow::Borrowed(&raw[1..raw.len() - 1]),
        Some(mark) => unescape_punctuation(&raw[mark.len()..raw.len() - mark.len()]),
        None => marked_value(raw).unwrap_or_else(|| unescape_punctuation(raw)),
    }
}

/// `⚠️ **Blocked on the vendor**`: a symbol before a value written in
/// markup, read as `⚠️ Blocked on the vendor`. `None` for a value that
/// does not open with a symbol (not a letter, digit or ASCII) and a space,
/// or whose rest is not wrapped whole.
fn marked_value(raw: &str) -> Option<Cow<'_, str>> {
    if raw.as_bytes().first().is_none_or(u8::is_ascii) {
        return None;
    }
    let space = raw.find(' ')?;
    let (symbol, rest) = (&raw[..space], raw[space..].trim_start());
    if symbol.chars().any(char::is_alphanumeric) {
        return None;
    }
    let inner = match wrapper(rest)? {
        "`" => Cow::Borrowed(&rest[1..rest.len() - 1]),
        mark => unescape_punctuation(&rest[mark.len()..rest.len() - mark.len()]),
    };
    Some(Cow::Owned(format!("{symbol} {inner}")))
}

/// The markup a bold field's whole value is written in, the same on both
/// sides: a code span (`` `001-todo-app` ``), strong (`**Draft**`) or
/// emphasis (`*alice*`, `_alice_`), which a new value keeps. `None` for a
/// value with more inside (two spans, a link) or none.
pub fn wrapper(old: &str) -> Option<&'static str> {
    // Nearly every value starts with none of them: read per field.
    if !matches!(old.as_bytes().first(), Some(b'`' | b'*' | b'_')) {
        return None;
    }
    ["`", "**", "__", "*", "_"].into_iter().find(|mark| {
        old.len() > 2 * mark.len()
            && old.starts_with(mark)
            && old.ends_with(mark)
            && !old[mark.len()..old.len() - mark.len()].contains(&mark[..1])
    })
}

/// The backtick runs of a line, to find where a code span closes: the
/// next run of the opening run's length. Runs are indexed by length so
/// that a line of many runs no other closes (one backtick, then two, then
/// three…) is read in one pass, not one per run.
struct CodeSpans<'a> {
    b: &'a [u8],
    /// The start of every whole run of each length, in order.
    starts: Option<rustc_hash::FxHashMap<usize, Vec<usize>>>,
}

impl<'a> CodeSpans<'a> {
    fn new(b: &'a [u8]) -> Self {
        Self { b, starts: None }
    }

    /// Where what the backticks from `at` open ends: past the run that
    /// closes their code span, or past them when none does (they are
    /// text). A backslash before `at` escaped the run's first backtick,
    /// not the rest, so the run is counted from `at`.
    fn end(&mut self, at: usize) -> usize {
        let b = self.b;
        let len = b[at..].iter().take_while(|&&c| c == b'`').count();
        let after = at + len;
        let starts = self.starts.get_or_insert_with(|| {
            let mut map = rustc_hash::FxHashMap::default();
            let mut i = 0;
            while let Some(p) = memchr::memchr(b'`', &b[i..]) {
                let start = i + p;
                let run = b[start..].iter().take_while(|&&c| c == b'`').count();
                map.entry(run).or_insert_with(Vec::new).push(start);
                i = start + run;
            }
            map
        });
        let Some(same) = starts.get(&len) else {
            return after;
        };
        let next = same.partition_point(|&s| s < after);
        same.get(next).map_or(after, |&close| close + len)
    }
}

/// The length of the autolink (`<https://x.y/a\_b>`) that `b` opens, whose
/// text is its address as written: a scheme of 2 to 32 characters, a
/// colon, and no space or `<` before the `>`.
fn autolink_len(b: &[u8]) -> Option<usize> {
    let scheme = b
        .iter()
        .skip(1)
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'.' | b'-'))
        .count();
    if !(2..=32).contains(&scheme)
        || !b[1].is_ascii_alphabetic()
        || b.get(1 + scheme) != Some(&b':')
    {
        return None;
    }
    let rest = &b[2 + scheme..];
    let close = rest
        .iter()
        .position(|&c| c == b'>' || c == b'<' || c.is_ascii_whitespace() || c.is_ascii_control())?;
    (rest[close] == b'>').then_some(2 + scheme + close + 1)
}

/// Inline markup crossing an edge of a span (see [`markup_crossing`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Crossing {
    /// The markup, from its opening mark to its closing one.
    pub markup: TextRange,
    /// The span whose edge it crosses.
    pub span: TextRange,
    /// Whether it is a code span, in which a backslash escapes nothing.
    pub code: bool,
}

/// Inline markup in `text` that crosses an edge of one of `spans`: a code
/// span, emphasis, strikethrough, link, image or HTML tag that starts
/// inside one and ends after it, or starts before it and ends inside.
/// Markup wholly inside a span, wholly around it or apart from it does
/// not. A code span is reported before other markup: what crosses with
/// it, no escape in the span can undo.
pub fn markup_crossing(text: &str, spans: &[TextRange]) -> Option<Crossing> {
    let mut first = None;
    for (event, r) in Parser::new_ext(text, MARKDOWN_OPTIONS).into_offset_iter() {
        let code = matches!(event, Event::Code(_));
        let inline = code
            || matches!(
                event,
                Event::Start(
                    Tag::Emphasis
                        | Tag::Strong
                        | Tag::Strikethrough
                        | Tag::Link { .. }
                        | Tag::Image { .. }
                ) | Event::InlineHtml(_)
                    | Event::FootnoteReference(_)
            );
        if !inline {
            continue;
        }
        let crossed = spans.iter().find(|span| {
            let (start, end) = (span.start as usize, span.end as usize);
            let apart = r.end <= start || r.start >= end;
            let inside = r.start >= start && r.end <= end;
            // Its marks outside on both sides: one at an edge is inside
            // (`` `x`` written where a value starts opens there).
            let around = r.start < start && r.end > end;
            !(apart || inside || around)
        });
        if let Some(&span) = crossed {
            let crossing = Crossing {
                markup: TextRange::new(r.start, r.end),
                span,
                code,
            };
            if code {
                return Some(crossing);
            }
            first.get_or_insert(crossing);
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_read_without_the_markup_it_is_written_in() {
        for (raw, value) in [
            ("**Draft**", "Draft"),
            ("`001-todo`", "001-todo"),
            ("⚠️ **BLOCKED - waiting**", "⚠️ BLOCKED - waiting"),
            ("✅ _Done_", "✅ Done"),
            ("🚧 `in review`", "🚧 in review"),
            // Markup around part of the value stays: it is the value's.
            ("⚠️ **Blocked** on legal", "⚠️ **Blocked** on legal"),
            ("Draft **now**", "Draft **now**"),
            ("é **x**", "é **x**"),
        ] {
            assert_eq!(field_value(raw), value, "{raw}");
        }
    }

    #[test]
    fn markup_characters_are_escaped() {
        for (value, written) in [
            ("a`b", "a\\`b"),
            ("a <b", "a \\<b"),
            ("Support <Vec> generics", "Support \\<Vec> generics"),
            ("see [the spec", "see \\[the spec"),
            ("a*b and _c", "a\\*b and \\_c"),
            ("~5 days", "\\~5 days"),
            // Markup the value closes itself is escaped all the same.
            ("*alice* and `code`", "\\*alice\\* and \\`code\\`"),
            ("[spec](spec.md)", "\\[spec\\](spec.md)"),
            ("<https://x.y>", "\\<https://x.y>"),
            // A backslash that would escape or break: doubled.
            ("\\*", "\\\\\\*"),
            ("C:\\\\x", "C:\\\\\\x"),
            ("end\\", "end\\\\"),
        ] {
            assert_eq!(escape_markup(value), written, "{value}");
        }
    }

    #[test]
    fn text_that_opens_no_markup_stays() {
        for value in ["plain text, R&D", "snake_case_name", "C:\\dir", "a - b | c"] {
            assert_eq!(escape_markup(value), value, "{value}");
        }
    }

    #[test]
    fn escapes_read_as_the_characters_they_escape() {
        for (written, read) in [
            ("\\~2 weeks", "~2 weeks"),
            ("a\\*b and \\_c \\[x\\] \\<b>", "a*b and _c [x] <b>"),
            ("C:\\\\dir", "C:\\dir"),
            ("\\\\\\~", "\\~"),
            // Before anything but ASCII punctuation a backslash is text.
            ("C:\\dir \\é \\", "C:\\dir \\é \\"),
            // In a code span or an autolink too.
            ("`a\\*b` \\*", "`a\\*b` *"),
            ("``a\\` b`` \\_", "``a\\` b`` _"),
            ("<https://x.y/a\\_b> \\_", "<https://x.y/a\\_b> _"),
            // An escaped backtick opens no code span; the rest of its run
            // may.
            ("\\`a\\*", "`a*"),
            ("\\``a\\*` \\*", "``a\\*` *"),
            // A backtick run no other closes is text, escapes after it read.
            ("`` a\\*", "`` a*"),
            ("` `` ``` \\* `", "` `` ``` \\* `"),
            // Markup is kept as written.
            ("*Ann* \\*", "*Ann* *"),
        ] {
            assert_eq!(unescape_punctuation(written), read, "{written}");
        }
    }

    #[test]
    fn what_escape_markup_writes_reads_back_as_given() {
        for value in [
            "~2 weeks",
            "a`b",
            "a <b",
            "see [the spec",
            "2 * 3 and _x",
            "`code` and *em*",
            "**bold**",
            "_x_",
            "C:\\\\`x \\*",
            "end\\",
        ] {
            let written = escape_markup(value);
            assert_eq!(unescape_punctuation(&written), value, "{written}");
            assert_eq!(field_value(&written), value, "{written}");
        }
    }

    #[test]
    fn text_without_a_backslash_is_borrowed() {
        for text in ["", "Draft", "`a` *b* <https://x.y>"] {
            assert!(matches!(unescape_punctuation(text), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn a_line_of_unclosed_backtick_runs_is_read_in_one_pass() {
        let mut line = String::from("\\*");
        for n in 1..2000 {
            line.push_str(&"`".repeat(n));
            line.push(' ');
        }
        let read = unescape_punctuation(&line);
        assert_eq!(read.len(), line.len() - 1);
    }

    #[test]
    fn markup_crossing_a_span_is_found() {
        let crosses = |text: &str, span: TextRange| markup_crossing(text, &[span]).is_some();
        let text = "**Owner:** a`b\n**Status:** Draft `x`\n";
        assert!(crosses(text, TextRange::new(11, 14)));
        let text = "**Owner:** a\\`b\n**Status:** Draft `x`\n";
        assert!(!crosses(text, TextRange::new(11, 15)));
        // Markup inside the span, or around it, is its own business.
        let text = "**Owner:** `a` *b*\n**Status:** Draft\n";
        assert!(!crosses(text, TextRange::new(11, 18)));
        assert!(!crosses(text, TextRange::new(13, 13)));
        // A backtick the plan left open, closed by the value's code span:
        // the code span from the plan's backtick is what is reported.
        let text = "**Note:** it`s\n**Owner:** `x`\n";
        let span = TextRange::new(26, 29);
        assert_eq!(
            markup_crossing(text, &[span]),
            Some(Crossing {
                markup: TextRange::new(12, 27),
                span,
                code: true
            })
        );
    }
}
