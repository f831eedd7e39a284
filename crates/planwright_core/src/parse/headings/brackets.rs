//! The dependency a phase's head states in a bracket: `### Phase 2:
//! Build (depends on Phase 1)`, `**Phase 3** (after Phase 2)`, and the
//! head's title without it.

/// The words that open a phase head's dependency bracket, lower case,
/// longest first.
const DEPENDENCY_VERBS: [&str; 7] = [
    "depends upon",
    "depends on",
    "depend on",
    "blocked by",
    "requires",
    "needs",
    "after",
];

/// The verbs of [`DEPENDENCY_VERBS`] that open other prose too.
const WEAK_VERBS: [&str; 3] = ["requires", "needs", "after"];

/// A dependency bracket in a phase's head: where it opens (its `(`),
/// where the value its verb names starts and ends, and where it closes
/// (past its `)`), as offsets in the head's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Bracket {
    pub(super) open: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) close: usize,
    /// Whether its verb declares a wait ("depends on", "blocked by"), as
    /// a `Dependencies:` field does, rather than one that also opens
    /// other prose ("requires", "needs", "after"): what it says of the
    /// phase itself counts only then (see `blocks::deps::keep_own`).
    pub(super) declares: bool,
}

/// The dependency brackets of a phase's head, first to last: brackets
/// that open with a dependency verb, a colon after it allowed (`Build
/// (depends on Phase 1)`, `Phase 2 (after Phase 1): Build`, `(Depends
/// on: Phase 1)`). Only innermost brackets count, each `)` closing the
/// nearest `(` before it, so the scan is one pass however the brackets
/// nest or fail to close.
pub(super) fn dependency_brackets(text: &str) -> impl Iterator<Item = Bracket> + '_ {
    let mut last_open = None;
    // Brackets are ASCII: their bytes are found without decoding the
    // characters around them, and no other character holds such a byte.
    text.bytes().enumerate().filter_map(move |(i, b)| match b {
        b'(' => {
            last_open = Some(i);
            None
        }
        b')' => last_open
            .take()
            .and_then(|open| verb_bracket(text, open, i)),
        _ => None,
    })
}

/// The one dependency bracket that ends `text` (trailing white space
/// aside), if its last bracket is one.
pub(super) fn dependency_bracket(text: &str) -> Option<Bracket> {
    let end = text.trim_end().len();
    dependency_brackets(text).last().filter(|b| b.close == end)
}

/// The bracket of `text` from `open` (its `(`) to `close` (its `)`),
/// when what it holds opens with a dependency verb and names something
/// after it.
fn verb_bracket(text: &str, open: usize, close: usize) -> Option<Bracket> {
    let inner = &text[open + 1..close];
    let lead = inner.len() - inner.trim_start().len();
    let verb = DEPENDENCY_VERBS.iter().find_map(|v| {
        let word = inner[lead..].get(..v.len())?;
        let rest = &inner[lead + v.len()..];
        // `Depends on: Phase 1` as well as `depends on Phase 1`; not
        // `afterwards`.
        let rest = match rest.strip_prefix(':') {
            Some(r) => r,
            None => rest.starts_with(char::is_whitespace).then_some(rest)?,
        };
        word.eq_ignore_ascii_case(v)
            .then_some((rest, !WEAK_VERBS.contains(v)))
    });
    // "(依赖 Phase 1)": a verb of `unspaced`, which no space need follow.
    let (rest, declares) = verb.or_else(|| {
        let len = super::super::refs::unspaced::verb_at(inner, lead)?;
        let rest = &inner[lead + len..];
        Some((rest.strip_prefix([':', '：']).unwrap_or(rest), true))
    })?;
    let value = rest.trim();
    let start = close - rest.len() + (rest.len() - rest.trim_start().len());
    let end = start + value.len();
    (start < end).then_some(Bracket {
        open,
        start,
        end,
        close: close + 1,
        declares,
    })
}

/// A phase's head without its dependency bracket `b` (`Phase 2 (depends
/// on Phase 1): Build` → `Phase 2: Build`), nor the separator that
/// would then stand twice or end the head (`Phase 2 – (needs Phase 1) –
/// Build` → `Phase 2 – Build`, `Ship – (needs Phase 2)` → `Ship`).
pub(super) fn without_bracket(text: &str, b: Bracket) -> String {
    const SEPARATORS: [char; 4] = [':', '-', '–', '—'];
    let mut before = text[..b.open].trim_end();
    let after = text[b.close..].trim_end();
    let next = after.trim_start();
    if next.is_empty() || next.starts_with(SEPARATORS) {
        before = before.trim_end_matches(SEPARATORS).trim_end();
    }
    let mut out = String::with_capacity(before.len() + after.len());
    out.push_str(before);
    out.push_str(after);
    out
}
