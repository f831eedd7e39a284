//! Where dependencies are written: a dependency field opening a line
//! (`Dependencies: Phase 1`, `**Requires**: T001`, `_Deps_: T002`, under
//! the key's synonyms), and the fields and phrases with which a task's
//! own text names what it waits for ("(depends on Phase 1)").

use super::negation::negated;

/// The keys of a dependency field, lower case, longer before the shorter
/// they begin with.
const FIELD_KEYS: [&str; 14] = [
    "dependencies",
    "dependency",
    "depends on",
    "depends",
    "deps",
    "blocked by",
    "blocked on",
    "prerequisites",
    "prerequisite",
    "pre-requisites",
    "pre-requisite",
    "requires",
    "prereqs",
    "prereq",
];

/// The first four letters of [`FIELD_KEYS`].
const KEY_HEADS: [&[u8]; 6] = [b"depe", b"deps", b"bloc", b"prer", b"pre-", b"requ"];

/// Whether a field key, normalised (`normalize_key`), names dependencies.
pub(crate) fn is_dependency_key(norm: &str) -> bool {
    super::unspaced::is_dependency_key(norm)
        || matches!(
            norm,
            "dependencies"
                | "dependency"
                | "depends_on"
                | "depends"
                | "deps"
                | "blocked_by"
                | "blocked_on"
                | "prerequisites"
                | "prerequisite"
                | "pre_requisites"
                | "pre_requisite"
                | "requires"
                | "prereqs"
                | "prereq"
        )
}

/// Where the value starts when `body` (a line without its indentation and
/// list marker) opens with a dependency field: the key, bold, emphasised
/// or plain, then a colon, inside the emphasis or after it.
pub(crate) fn dependency_field(body: &str) -> Option<usize> {
    let open = marks(body, 0);
    if open > 3 {
        return None;
    }
    // How every key begins: most lines begin otherwise.
    let head = body.as_bytes().get(open..open + 4)?;
    let len = if KEY_HEADS.iter().any(|k| k.eq_ignore_ascii_case(head)) {
        key_len(&body[open..], &FIELD_KEYS)?
    } else if !head[0].is_ascii() {
        super::unspaced::field_key_len(&body[open..])?
    } else {
        return None;
    };
    let close = marks(body, open + len);
    let mut i = open + len + close;
    i += if body[i..].starts_with(':') {
        1
    } else if body[i..].starts_with('：') {
        '：'.len_utf8()
    } else {
        return None;
    };
    // `**Dependencies:**`: the emphasis closes after the colon.
    if close == 0 {
        i += marks(body, i);
    }
    Some(i)
}

/// Where the value starts, and how long it is, when `body` (a line
/// without its indentation and list marker) opens with a dependency
/// written as a sentence, without a colon: "Depends on Phase 1.",
/// "_Blocked by_ Phase 2", "Requires Phase 1", "Waits for Phase 1",
/// "Starts after Phase 1", "Blocked until Phase 1 is done". A bare
/// "After" is not one: "After this phase, Phase 3 can start" and "After
/// Phase 1's retro we chose REST" name a phase that waits or none. The value ends with its clause, as a phrase's does
/// ("Depends on Phase 1; Phase 3 follows" names Phase 1). "Requires",
/// "Needs", "Waits for" and the like also open prose ("Requires a
/// running database"): such a
/// sentence counts only if it names a phase or task, which the caller
/// sees in its references.
pub(crate) fn dependency_sentence(body: &str) -> Option<Sentence> {
    let open = marks(body, 0);
    // "依赖 Phase 1。" ("Depends on Phase 1."), as "depends on" is read.
    if let Some(len) = super::unspaced::verb_at(body, open) {
        let start = skip(body, open + len, |c| c == ' ' || c == '\t');
        return Some(Sentence {
            value: (start, start + phrase_len(&body[start..])),
            needs_reference: false,
        });
    }
    let len = key_len(
        &body[open..],
        &[
            "depends on",
            "depends upon",
            "blocked by",
            "blocked on",
            "requires",
            "needs",
            "waits for",
            "waits on",
            "blocked until",
            "starts after",
            "begins after",
        ],
    )?;
    let close = marks(body, open + len);
    let rest = &body[open + len + close..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let start = skip(body, open + len + close, |c| c == ' ' || c == '\t');
    Some(Sentence {
        value: (start, start + phrase_len(&body[start..])),
        needs_reference: !["depends on", "depends upon", "blocked by", "blocked on"]
            .iter()
            .any(|k| body[open..open + len].eq_ignore_ascii_case(k)),
    })
}

/// A dependency written as a sentence (see [`dependency_sentence`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Where the value starts and ends in the line.
    pub value: (usize, usize),
    /// Whether it counts only if its value names a phase or task.
    pub needs_reference: bool,
}

/// Where a value given with its key (`depends on: T001`, as a task's
/// line is read) starts past the key, its marks and its colon; past the
/// marks alone when no key opens it.
pub(super) fn past_key(value: &str) -> usize {
    let start = skip(value, 0, |c| c.is_whitespace() || c == '*' || c == '_');
    let Some(len) = key_len(&value[start..], &FIELD_KEYS)
        .or_else(|| key_len(&value[start..], &["after"]))
        .or_else(|| super::unspaced::verb_len(&value[start..]))
        .or_else(|| super::unspaced::field_key_len(&value[start..]))
    else {
        return start;
    };
    skip(value, start + len, |c| {
        c.is_whitespace() || matches!(c, '*' | '_' | ':' | '：')
    })
}

/// The length of the key of `keys` that opens `s` (ASCII case ignored)
/// as a whole word.
fn key_len(s: &str, keys: &[&str]) -> Option<usize> {
    keys.iter()
        .find(|k| {
            s.get(..k.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(k))
                && !s[k.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|k| k.len())
}

/// The number of `*` and `_` at `at`.
fn marks(s: &str, at: usize) -> usize {
    s.as_bytes().get(at..).map_or(0, |r| {
        r.iter().take_while(|c| matches!(c, b'*' | b'_')).count()
    })
}

fn skip(s: &str, at: usize, f: impl Fn(char) -> bool) -> usize {
    s[at..].find(|c| !f(c)).map_or(s.len(), |n| at + n)
}

/// Where a task's own text names what it waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    /// The value, relative to the text: after the key and its colon, to
    /// the end of the line, or of the phrase (before a bracket, `;` or the
    /// sentence's end), or to the next key.
    pub value: (usize, usize),
    /// Whether the task reader (`task_details`) reads this mention's task
    /// ids already: "depends on", "blocked by", "after " and
    /// "dependencies:" are its keys.
    pub read_by_task_line: bool,
}

/// How a key names dependencies.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Use {
    /// Anywhere, with or without a colon: "(depends on T001)".
    Phrase,
    /// Only with a colon: `**Dependencies**: T001`. Without one, as in
    /// "install the dependencies", it names none.
    Field,
}

const MENTION_KEYS: [(&str, Use); 17] = [
    ("depends on", Use::Phrase),
    ("blocked by", Use::Phrase),
    ("after ", Use::Phrase),
    ("dependencies", Use::Field),
    ("dependency", Use::Field),
    ("depends", Use::Field),
    ("deps", Use::Field),
    // "(requires T001)" as "(depends on T001)"; `Requires:` a field.
    ("requires", Use::Phrase),
    ("prerequisites", Use::Field),
    ("prerequisite", Use::Field),
    ("pre-requisites", Use::Field),
    ("pre-requisite", Use::Field),
    // "(blocked on T001)", "(waits for T001)", "(needs T001)".
    ("blocked on", Use::Phrase),
    ("waits for", Use::Phrase),
    ("needs", Use::Phrase),
    // "(waits on T005)", "(blocked until T005 lands)".
    ("waits on", Use::Phrase),
    ("blocked until", Use::Phrase),
];

/// Calls `f` with each dependency mention in `text`, a block of a task's
/// own item, in order: fields and phrases. Linear: each value ends where
/// the next key starts.
pub(crate) fn mentions(text: &str, f: impl FnMut(Mention)) {
    let mut found: Vec<Found> = keys_in(text)
        .into_iter()
        .map(|(s, e, k)| (s, e, MENTION_KEYS[k]))
        .collect();
    add_unspaced(text, &mut found, false);
    report(text, &found, f);
}

/// Whether a bracket's text (`depends: T005`, `after Phase 2`, `Blocked
/// by: T001, T002`), trimmed, is a dependency marker: it opens with a key
/// [`mentions`] reads in a task's text, and names a task or phase after
/// it, as the task reader would read it. `Depends on: the API team`
/// names none.
pub(crate) fn is_dependency_marker(inner: &str) -> bool {
    // How every key begins: most brackets begin otherwise.
    let first = inner.as_bytes().first().map(u8::to_ascii_lowercase);
    if !first.is_some_and(|c| b"abdnprw".contains(&c)) {
        return false;
    }
    let found = MENTION_KEYS.iter().find_map(|&(key, use_)| {
        let whole = inner.get(..key.len())?.eq_ignore_ascii_case(key)
            && (key.ends_with(' ') || !inner[key.len()..].starts_with(char::is_alphanumeric));
        whole.then(|| mention(inner, (0, key.len(), (key, use_)), inner.len()))?
    });
    found.is_some_and(|m| !super::references(&inner[m.value.0..m.value.1], 0).is_empty())
}

/// A key found in a text: its start, end, words and use.
type Found<'t> = (usize, usize, (&'t str, Use));

/// Adds the keys of languages written without spaces (see `unspaced`,
/// "依赖 T004", "前置条件：T003") to `found`, which stays in order; only
/// fields (a colon after the key) when `fields_only`.
fn add_unspaced<'t>(text: &'t str, found: &mut Vec<Found<'t>>, fields_only: bool) {
    let more = super::unspaced::keys_in(text);
    if more.is_empty() {
        return;
    }
    for (s, e, field) in more {
        if fields_only && colon_after(text, e).is_none() {
            continue;
        }
        let use_ = if field { Use::Field } else { Use::Phrase };
        found.push((s, e, (&text[s..e], use_)));
    }
    found.sort_unstable_by_key(|f| f.0);
}

/// The keys in `text`, in order, each as its start, end and index in
/// [`MENTION_KEYS`]; a key is looked for again only past the last one.
fn keys_in(text: &str) -> Vec<(usize, usize, usize)> {
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut past = 0;
    ANCHOR_PAIRS.each_match(text, |_, start, _| {
        if start < past {
            return;
        }
        // The pair holds the anchor second, but for "[w]a".
        let i = if text.as_bytes()[start] | 0x20 == b'w' {
            start
        } else {
            start + 1
        };
        if let Some(key) = key_at(text, i) {
            past = key.1;
            found.push(key);
        }
    });
    found
}

/// Every key has a rarer byte at a fixed place (`p` in "depends", `k` in
/// "blocked", `f` in "after", `q` in "requires", `w` in "waits"), and
/// beside it the same byte for every key anchored there: "de\[p\]", "nee\[d\]",
/// "re\[q\]", "bloc\[k\]", "a\[f\]ter" and "waits \[f\]or", "\[w\]aits". The search
/// is for those pairs, in every case, with a SIMD searcher: a byte loop
/// over the anchors and their neighbours, which it replaces, was 3.3% of
/// reading generated plans, whose tasks name phases (callgrind). No two
/// pairs overlap where a key could start, so the searcher's matches, which
/// do not overlap, miss none.
static ANCHOR_PAIRS: std::sync::LazyLock<crate::text_search::TextSearch> =
    std::sync::LazyLock::new(|| {
        let mut pairs: Vec<[u8; 2]> = Vec::new();
        for [a, b] in [*b"ep", *b"ed", *b"eq", *b"ck", *b"af", *b" f", *b"wa"] {
            for a in [a, a.to_ascii_uppercase()] {
                for b in [b, b.to_ascii_uppercase()] {
                    if !pairs.contains(&[a, b]) {
                        pairs.push([a, b]);
                    }
                }
            }
        }
        let pairs: Vec<&str> = pairs
            .iter()
            .filter_map(|p| std::str::from_utf8(p).ok())
            .collect();
        crate::text_search::TextSearch::new(&pairs, aho_corasick::MatchKind::LeftmostFirst)
    });

/// The key of [`MENTION_KEYS`] (its index) whose anchor byte is at `i`,
/// as a whole word in any case: its start, end and index.
fn key_at(text: &str, i: usize) -> Option<(usize, usize, usize)> {
    // (bytes before the anchor, key), the longer of two keys first.
    let candidates: &[(usize, usize)] = match text.as_bytes()[i].to_ascii_lowercase() {
        // "de[p]ends on", "de[p]endencies", "de[p]endency", "de[p]ends",
        // "de[p]s".
        b'p' => &[(2, 0), (2, 3), (2, 4), (2, 5), (2, 6)],
        // "bloc[k]ed by", "bloc[k]ed on", "bloc[k]ed until".
        b'k' => &[(4, 1), (4, 12), (4, 16)],
        // "[w]aits on".
        b'w' => &[(0, 15)],
        // "a[f]ter ", "waits [f]or".
        b'f' => &[(1, 2), (6, 13)],
        // "nee[d]s".
        b'd' => &[(3, 14)],
        // "re[q]uires", "prere[q]uisite(s)", "pre-re[q]uisite(s)".
        b'q' => &[(2, 7), (5, 8), (5, 9), (6, 10), (6, 11)],
        _ => return None,
    };
    candidates.iter().find_map(|&(back, k)| {
        let start = i.checked_sub(back)?;
        let key = MENTION_KEYS[k].0;
        let end = start + key.len();
        let whole = text.get(start..end)?.eq_ignore_ascii_case(key)
            && !text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && (key.ends_with(' ')
                || !text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric));
        whole.then_some((start, end, k))
    })
}

/// The mention of a key at `start..end`, its value
/// ending at `next` at the latest; `None` when it names no dependency.
fn mention(text: &str, (start, end, (key, use_)): Found<'_>, next: usize) -> Option<Mention> {
    if crate::text::struck_through(&text[..start]) {
        return None;
    }
    let colon = colon_after(text, end);
    let value_start = match (colon, use_) {
        (Some(v), _) => v,
        (None, Use::Phrase) if !negated(&text[..start]) => end,
        _ => return None,
    };
    let value_start = skip(text, value_start, |c| c == ' ' || c == '\t');
    // Up to the next key at most, so that a line of many keys is read in
    // one pass, not once per key.
    let next = next.max(value_start);
    let mut value_end = value_start + crate::text::line_len(&text[value_start..next]);
    if colon.is_none() {
        value_end = value_start + phrase_len(&text[value_start..value_end]);
    }
    // The task reader's keys, as it spells them (see `is_usual_case`).
    let read = match use_ {
        // The task reader's keys are "requires " and "needs " (a
        // space): the fields, `requires: T001`, are read here.
        Use::Phrase => !matches!(key, "requires" | "needs") || colon.is_none(),
        Use::Field => key == "dependencies" && text[end..].starts_with(':'),
    } && is_usual_case(&text[start..end]);
    Some(Mention {
        value: (value_start, value_end),
        read_by_task_line: read,
    })
}

/// Whether a key is written lower case, Capitalised, Title Case or UPPER
/// CASE, the forms `task_details` looks for (`Depends on`, `DEPENDS ON`).
fn is_usual_case(key: &str) -> bool {
    let b = key.as_bytes();
    let lower = !b.iter().any(u8::is_ascii_uppercase);
    let upper = !b.iter().any(u8::is_ascii_lowercase);
    let capitalised =
        b.first().is_some_and(u8::is_ascii_uppercase) && !b[1..].iter().any(u8::is_ascii_uppercase);
    let title = key.split(' ').filter(|w| !w.is_empty()).all(|w| {
        let w = w.as_bytes();
        w[0].is_ascii_uppercase() && !w[1..].iter().any(u8::is_ascii_uppercase)
    });
    lower || upper || capitalised || title
}

/// Calls `f` with each dependency field in `text` (a key, then its colon:
/// `**Dependencies**: T001`, `Requires: Phase 1`), in order; the phrases
/// of [`mentions`] are left out. Found from the colons (ASCII ones: a
/// task's fields are written in English), which most texts lack.
pub(crate) fn field_mentions(text: &str, f: impl FnMut(Mention)) {
    let b = text.as_bytes();
    let mut found: Vec<Found> = Vec::new();
    let mut at = 0;
    while let Some(i) = memchr::memchr(b':', &b[at..]) {
        let colon = at + i;
        at = colon + 1;
        let marks = b[..colon]
            .iter()
            .rev()
            .take(3)
            .take_while(|c| matches!(c, b'*' | b'_'))
            .count();
        let end = colon - marks;
        // The last four letters of every field key: most colons follow
        // none of them.
        let tail = b.get(end.saturating_sub(4)..end);
        if !tail.is_some_and(|t| KEY_TAILS.iter().any(|k| k.eq_ignore_ascii_case(t))) {
            continue;
        }
        let key = MENTION_KEYS.iter().enumerate().find_map(|(k, (key, _))| {
            let start = end.checked_sub(key.len())?;
            let whole = !key.ends_with(' ')
                && text.get(start..end)?.eq_ignore_ascii_case(key)
                && !text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            whole.then_some((start, end, MENTION_KEYS[k]))
        });
        found.extend(key);
    }
    add_unspaced(text, &mut found, true);
    report(text, &found, f);
}

/// How the keys of [`MENTION_KEYS`] that can be fields end.
const KEY_TAILS: [&[u8]; 12] = [
    b"s on", b"d by", b"cies", b"ency", b"ends", b"deps", b"ires", b"ites", b"site", b"d on",
    b" for", b"eeds",
];

/// Reports the keys `found` (start, end, key), in order, as mentions: each
/// value ends where the next key starts.
fn report(text: &str, found: &[Found], mut f: impl FnMut(Mention)) {
    for (n, &key) in found.iter().enumerate() {
        let next = found.get(n + 1).map_or(text.len(), |f| f.0);
        if let Some(m) = mention(text, key, next) {
            f(m);
        }
    }
}

/// Past the colon of a field whose key ends at `at`, with the emphasis
/// around it: `**: `, `:** `, `_:`.
fn colon_after(text: &str, at: usize) -> Option<usize> {
    let close = marks(text, at);
    let rest = &text[at + close..];
    let colon = if rest.starts_with(':') {
        1
    } else if rest.starts_with('：') {
        '：'.len_utf8()
    } else {
        return None;
    };
    let i = at + close + colon;
    Some(i + marks(text, i))
}

/// How much of a phrase's value belongs to it: up to a bracket, `;`, `|`
/// or the end of the sentence ("(depends on Phase 1) and document Phase
/// 3" waits for Phase 1 only).
pub(super) fn phrase_len(value: &str) -> usize {
    let b = value.as_bytes();
    // Fullwidth brackets and stops end it too: "（依赖 T004）完成后".
    let wide = if value.is_ascii() {
        value.len()
    } else {
        value
            .find(['（', '）', '【', '】', '；', '。'])
            .unwrap_or(value.len())
    };
    let b = &b[..wide];
    b.iter()
        .enumerate()
        .find(|&(i, c)| {
            matches!(c, b'(' | b')' | b'[' | b']' | b';' | b'|')
                || (*c == b'.' && b.get(i + 1).is_none_or(u8::is_ascii_whitespace))
        })
        .map_or(wide, |(i, _)| i)
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
