//! Placeholder recognition inside one run of inline text.
//!
//! Precision matters as much as recall: a plan full of links (`[spec.md](…)`),
//! check marks, task markers (`[P]`, `[US1]`), code and HTML must not light up.
//! Each recogniser therefore accepts only the shapes templates really use and
//! is called only on text outside links and code (code gets its own narrow
//! rules in [`scan_code`]). The bracket recogniser is in `inline_bracket.rs`,
//! the brace and angle ones in `inline_braces.rs`.

use crate::model::{Placeholder, PlaceholderKind, Text, normalize_key};
use crate::text::TextRange;

#[path = "inline_braces.rs"]
mod braces;
#[path = "inline_bracket.rs"]
mod bracket;
#[path = "inline_clarify.rs"]
mod clarify;
#[path = "inline_line.rs"]
mod line;
#[path = "inline_quotes.rs"]
mod quotes;
#[path = "inline_tags.rs"]
mod tags;

pub(crate) use super::inline_choice::{is_choice_list, scan_choice};
pub(super) use braces::double_brace;
use braces::{angle, brace};
use bracket::bracket;
use line::Line;
pub(crate) use line::LineCache;
use quotes::Quotes;

/// Finds placeholders in `src[start..end]`, a run of inline text.
pub(crate) fn scan_text(src: &str, start: usize, end: usize, out: &mut Vec<Placeholder>) {
    scan_text_in(src, start, end, &LineCache::default(), out);
}

/// [`scan_text`] for one of many runs of `src`, whose judgements of a
/// bracket's line share `lines`.
pub(crate) fn scan_text_in(
    src: &str,
    start: usize,
    end: usize,
    lines: &LineCache,
    out: &mut Vec<Placeholder>,
) {
    scan_text_after(src, start, end, start, lines, out);
}

/// [`scan_text_in`] for slots that start at `from` or later: the run's
/// text before `from` is still read as the slots' context (what a bracket
/// follows, the quotes a brace sits in), but opens none.
pub(crate) fn scan_text_after(
    src: &str,
    start: usize,
    end: usize,
    from: usize,
    lines: &LineCache,
    out: &mut Vec<Placeholder>,
) {
    // Most runs hold no byte that may open a slot: they are passed over
    // here, before the set-up that reading one takes.
    let at = skip_prose(src.as_bytes(), from.max(start), end);
    if at < end {
        scan_from(src, start, end, at, lines, out);
    }
}

/// [`scan_text_in`] from `at`, the first byte of the run that may open a
/// slot.
#[inline(never)]
fn scan_from(
    src: &str,
    start: usize,
    end: usize,
    mut at: usize,
    lines: &LineCache,
    out: &mut Vec<Placeholder>,
) {
    let Some(text) = src.get(start..end) else {
        return;
    };
    let all = src.as_bytes();
    let bytes = text.as_bytes();
    let mut quotes = Quotes::default();
    while at < end {
        let i = at - start;
        // Past the run's end no byte follows: only openers that need none.
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        // `\<Vec>`, `\[x]`, `\{a}`: an escaped opener is text, as written
        // on purpose (and as `new` writes a title holding one).
        let escaped = at > 0 && all[at - 1] == b'\\';
        let found = if !may_open(bytes[i], next) || escaped {
            None
        } else {
            match bytes[i] {
                b'[' => bracket(
                    text,
                    i,
                    Some(Line {
                        src,
                        base: start,
                        lines,
                    }),
                ),
                b'{' => brace(text, i, &mut quotes),
                b'<' => angle(text, i),
                b'$' => literal(text, i, "$ARGUMENTS", PlaceholderKind::Arguments),
                b'X' => estimate(text, i),
                b'N' => estimate(text, i).or_else(|| {
                    let line = Line {
                        src,
                        base: start,
                        lines,
                    };
                    clarify::bare(text, i, boundary_before(text, i), Some(line))
                }),
                b'Y' => literal(text, i, "YYYY-MM-DD", PlaceholderKind::Date)
                    .or_else(|| literal(text, i, "YYYY-MM", PlaceholderKind::Date)),
                b'M' => literal(text, i, "MM/DD/YYYY", PlaceholderKind::Date),
                b'(' => literal(text, i, "(TBD)", PlaceholderKind::Tbd)
                    .or_else(|| literal(text, i, "(TBA)", PlaceholderKind::Tbd))
                    .or_else(|| clarify::enclosed(text, i)),
                b'T' => tbd_word(text, i),
                b'_' => blank(text, i),
                _ => None,
            }
        };
        at = match found {
            Some((stop, kind, name)) => {
                out.push(make(text, start, i, stop, kind, name));
                start + stop
            }
            None => at + 1,
        };
        at = skip_prose(all, at, end);
    }
}

/// Takes each of `found` that is spec-kit's marker left open on its line
/// (`[NEEDS CLARIFICATION: which` / `queue?]`) on to its close on a later
/// line of its block, which ends at `block_end`.
pub(crate) fn wrapped_questions(src: &str, found: &mut [Placeholder], block_end: usize) {
    for p in found {
        let start = p.range.start as usize;
        if p.kind != PlaceholderKind::Tbd || p.text.len() != 1 + clarify::MARK.len() {
            continue;
        }
        if let Some(end) = clarify::wrapped_end(src, start, block_end) {
            p.range = TextRange::new(start, end);
            p.text = Text::from(&src[start..end]);
        }
    }
}

/// Where [`scan_text`] may find a slot: at a byte that opens one, and for
/// capitals, only before the byte that continues it. Capitals are common
/// in prose and task ids (`T001`), so only `TB`, `MM`, `YY`, `X `, `N `,
/// `NE`, `(T` and `(N` stop the scan; brackets, braces, `<` and `$` stop it whatever
/// follows (`next` is 0 past the end of a run). Written with `&` and `|`,
/// not `&&` and `||`, so that [`first_opening`] compiles to vector
/// compares.
#[expect(
    clippy::needless_bitwise_bool,
    reason = "branch-free, so that the windows compile to vector compares"
)]
fn may_open(b: u8, next: u8) -> bool {
    (b == b'[')
        | (b == b'{')
        | (b == b'<')
        | (b == b'$')
        | ((b == b'T') & (next == b'B'))
        // `MM`, `YY`: one compare of the pair, not two of each byte.
        | ((b == next) & ((b == b'M') | (b == b'Y')))
        | (((b == b'X') | (b == b'N')) & (next == b' '))
        // `NEEDS CLARIFICATION`, bare or in parentheses.
        | ((b == b'N') & (next == b'E'))
        | ((b == b'(') & ((next == b'T') | (next == b'N')))
        | ((b == b'_') & (next == b'_'))
}

/// The first position from `at` on where [`first_opening`] finds a byte
/// that may open a slot, or `end` (or past it) if none; where too few
/// bytes of `all` are left to judge sixteen positions at once, `at` is
/// returned as is, for the caller to judge byte by byte. The windows read
/// on past `end` into the rest of the source, so a short run is judged in
/// whole windows too; what they find there is left for the run that holds
/// it.
fn skip_prose(all: &[u8], mut at: usize, end: usize) -> usize {
    let stop = end.min(all.len().saturating_sub(WINDOW));
    while at < stop {
        match first_opening(&all[at..=at + WINDOW]) {
            Some(k) => return at + k,
            None => at += WINDOW,
        }
    }
    at
}

/// Positions [`first_opening`] judges at once.
const WINDOW: usize = 16;

/// The first of the `WINDOW` positions of `window` (which holds the byte
/// after them too) where [`may_open`] holds. Fixed-size arrays and a
/// branch-free body let the compiler judge all sixteen in a few vector
/// instructions (SSE2, which every x86-64 has): about four instructions
/// a byte, where a table lookup per byte pair took five, and a SIMD
/// search (`memchr`) has too few bytes in a run to repay its setup.
fn first_opening(window: &[u8]) -> Option<usize> {
    let (Some(bytes), Some(next)) = (
        window.first_chunk::<WINDOW>(),
        window.get(1..).and_then(<[u8]>::first_chunk::<WINDOW>),
    ) else {
        return None;
    };
    let mut hits = [0u8; WINDOW];
    for k in 0..WINDOW {
        hits[k] = u8::from(may_open(bytes[k], next[k]));
    }
    let hits = u128::from_le_bytes(hits);
    (hits != 0).then(|| hits.trailing_zeros() as usize / 8)
}

/// Placeholders in inline code or a fenced block. Code is full of braces and
/// brackets, so only template-only shapes count: `{{UPPER_NAME}}` anywhere, a
/// `$ARGUMENTS`, or code whose whole content is one `[...]`/`{...}` slot.
pub(crate) fn scan_code(text: &str, base: usize, out: &mut Vec<Placeholder>) {
    // Most code holds no slot: the whole is judged only when it opens with
    // a bracket or brace.
    let from_first = text.trim_start();
    if let Some(b'[' | b'{') = from_first.as_bytes().first() {
        let trimmed = from_first.trim_end();
        let lead = text.len() - from_first.len();
        if !trimmed.contains('\n') {
            let whole = match trimmed.as_bytes().first() {
                Some(b'[') => bracket(trimmed, 0, None),
                Some(b'{') => brace(trimmed, 0, &mut Quotes::default())
                    .filter(|(_, k, _)| *k != PlaceholderKind::DoubleBrace),
                _ => None,
            };
            if let Some((end, kind, name)) = whole.filter(|(end, ..)| *end == trimmed.len()) {
                out.push(make(trimmed, base + lead, 0, end, kind, name));
                return;
            }
        }
    }
    // Inline code is a few bytes, most with neither byte: a byte loop rules
    // it out for less than `memchr`'s setup.
    if text.len() <= SHORT && !text.bytes().any(|b| b == b'{' || b == b'$') {
        return;
    }
    let mut next = 0;
    for i in memchr::memchr2_iter(b'{', b'$', text.as_bytes()) {
        if i < next {
            continue;
        }
        let found = if text.as_bytes()[i] == b'{' {
            // The name as written, between the braces: the normalised
            // name can be longer (`İ` lower-cases to three bytes), and
            // slicing by its length cut a character in two.
            double_brace(text, i).filter(|(end, _, _)| {
                text.get(i + 2..end - 2).is_some_and(|raw| {
                    raw.trim_matches(' ')
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b == b'_' || b.is_ascii_digit())
                })
            })
        } else {
            literal(text, i, "$ARGUMENTS", PlaceholderKind::Arguments)
                .filter(|_| alone_on_its_line(text, i, "$ARGUMENTS".len()))
        };
        if let Some((end, kind, name)) = found {
            out.push(make(text, base, i, end, kind, name));
            next = end;
        }
    }
}

/// Whether `text[i..i + len]` is all its line of code holds, quotes
/// aside (`$ARGUMENTS`, `"$ARGUMENTS"`): spec-kit leaves the slot so, for
/// the user's words. With other code about it (`echo $ARGUMENTS`) it is
/// a variable the code reads, named as code names any.
fn alone_on_its_line(text: &str, i: usize, len: usize) -> bool {
    let start = text[..i].rfind('\n').map_or(0, |n| n + 1);
    let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
    let quote = |c: char| c.is_whitespace() || matches!(c, '"' | '\'');
    text[start..i].chars().all(quote) && text[i + len..end].chars().all(quote)
}

/// Up to this many bytes, a byte loop finds a byte for less than `memchr`.
const SHORT: usize = 32;

type Found = Option<(usize, PlaceholderKind, Option<Text>)>;

pub(super) fn make(
    text: &str,
    base: usize,
    start: usize,
    end: usize,
    kind: PlaceholderKind,
    name: Option<Text>,
) -> Placeholder {
    Placeholder {
        kind,
        text: Text::from(&text[start..end]),
        name,
        range: TextRange::new(base + start, base + end),
        in_metadata: false,
    }
}

fn literal(text: &str, i: usize, lit: &str, kind: PlaceholderKind) -> Found {
    // The prefix test is the cheap one and fails almost always; it goes first.
    if !text.as_bytes()[i..].starts_with(lit.as_bytes()) || !boundary_before(text, i) {
        return None;
    }
    let end = i + lit.len();
    let after_ok = text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric() && c != '_');
    after_ok.then(|| (end, kind, Some(normalize_key(lit))))
}

/// `____`: three or more underscores standing as a word, a blank to write
/// on. Not a run inside a name (`a___b`, `__init__` is two), which is no
/// word of its own.
fn blank(text: &str, i: usize) -> Found {
    let b = text.as_bytes();
    let len = b[i..].iter().take_while(|&&c| c == b'_').count();
    let end = i + len;
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    (len >= 3 && !word(text[..i].chars().next_back()) && !word(text[end..].chars().next()))
        .then(|| (end, PlaceholderKind::Blank, None))
}

fn tbd_word(text: &str, i: usize) -> Found {
    literal(text, i, "TBD", PlaceholderKind::Tbd)
        .or_else(|| literal(text, i, "TBA", PlaceholderKind::Tbd))
}

/// `X hours/days`, `X days/weeks`, `N weeks`.
fn estimate(text: &str, i: usize) -> Found {
    if !boundary_before(text, i) {
        return None;
    }
    let rest = &text[i + 1..];
    let rest_trim = rest.strip_prefix(' ')?;
    const UNITS: &[&str] = &[
        "hours",
        "hour",
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "sprints",
        "hrs",
        "story points",
        "points",
    ];
    let unit = UNITS.iter().find(|u| rest_trim.starts_with(**u))?;
    let mut end = i + 2 + unit.len();
    if let Some(more) = text[end..].strip_prefix('/')
        && let Some(u2) = UNITS.iter().find(|u| more.starts_with(**u))
    {
        end += 1 + u2.len();
    }
    let after_ok = text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    after_ok.then_some((end, PlaceholderKind::Estimate, None))
}

fn boundary_before(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != '/' && c != '\\')
}

fn closing(text: &str, open_at: usize, close: u8, nest: u8) -> Option<usize> {
    for (j, b) in text.as_bytes()[open_at + 1..].iter().enumerate() {
        match *b {
            b'\n' | b'\r' => return None,
            b if b == nest => return None,
            b if b == close => return Some(open_at + 1 + j),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
#[path = "inline_tests.rs"]
mod tests;
