//! `T005 → T006` chains between tasks, with groups (`T001, T002 → T003`)
//! and ranges (`T003 → T004-T021`) on either side of an arrow; and
//! sentences saying the same, "T035 depends on T031, T032" and "T001
//! blocks T002, T003", as a plan's `## Dependencies` section writes them.
//!
//! Of sentences only the plainest form is read: a group of task ids
//! opening a line or a sentence, right before the verb, and a group of
//! task ids right after it. Anything between the subject and the verb
//! ("T003 does not depend on T001", "T002 no longer blocks T004", "T001
//! can start after T002") makes it prose, which links nothing: a wait
//! read wrongly hides work from `next`.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::{letter_id_len, range_to};
use crate::model::{TaskRange, Text};
use crate::text::{TextRange, line_len};

/// `T005 → T006 → T007` chains: each link is (from, to, range from the
/// source id's start to the target id's end). Two ids chain only when an
/// arrow is all that stands between them, with white space and
/// punctuation (`**T001** → **T002**`, `T005 -> T006.`): an arrow among
/// words, as in the task "T002 Rename a -> b (after T001)", is prose about
/// a task, not a dependency between the ids around it.
///
/// Ids joined by `,`, `&` or `and` (in brackets or not) make a group, and
/// an arrow links every id of the group before it to every id of the
/// group after it: `T001 → (T002, T003)` fans out, `T001, T002 → T003`
/// fans in. A range (`T004-T021`) is one member of its group, its key
/// (see [`TaskRange`]): the wait graph resolves it against the plan. Anything else between
/// two ids ends the chain. Ids are those of [`letter_id_len`]: numbers
/// around an arrow (`2.0 → 3.0`) are more often versions than tasks.
///
/// `budget` is the reader's budget of ids that ranges stand for (see
/// `refs::MAX_EXPANDED`): chains spend none of it, as their ranges stay
/// whole.
pub(crate) fn task_chain(
    text: &str,
    base: usize,
    budget: &mut usize,
) -> Vec<(Text, Text, TextRange)> {
    let _ = budget;
    let b = text.as_bytes();
    let mut out = Vec::new();
    // Only a line with an arrow between what may be ids can chain: found
    // from its arrows, so that the other lines of a block, or of a code
    // block full of `=>`, are not read at all.
    let mut at = 0;
    while let Some(i) = memchr::memchr2(b'>', 0xE2, &b[at..]) {
        let i = at + i;
        at = i + 1;
        if !arrow_between_ids(b, i) {
            continue;
        }
        let start = memchr::memrchr2(b'\n', b'\r', &b[..i]).map_or(0, |n| n + 1);
        let end = i + line_len(&text[i..]);
        chain_line(&text[start..end], base + start, &mut out);
        at = end;
    }
    out
}

/// Whether the arrow at `i` (`->` or `=>` ending there, `→` or `⟶`
/// starting there) may stand between two ids: a digit (ids end with one)
/// before it and a capital (ids start with one) after it, with only ASCII
/// white space and punctuation between, on its line. When unsure (other
/// characters, or far apart) it may.
fn arrow_between_ids(b: &[u8], i: usize) -> bool {
    let (start, end) = if b[i] == b'>' {
        if i == 0 || !matches!(b[i - 1], b'-' | b'=') {
            return false;
        }
        (i - 1, i + 1)
    } else {
        match b.get(i + 1..i + 3) {
            Some([0x86, 0x92] | [0x9F, 0xB6]) => (i, i + 3),
            _ => return false,
        }
    };
    let fits = |side: Side, ok: fn(&u8) -> bool| match side {
        Side::Alnum(c) => ok(&c),
        Side::Nothing => false,
        Side::Unsure => true,
    };
    fits(nearest(b[..start].iter().rev()), u8::is_ascii_digit)
        && fits(nearest(b[end..].iter()), u8::is_ascii_uppercase)
}

/// What stands nearest an arrow on one side.
enum Side {
    Alnum(u8),
    /// Nothing but punctuation to the line's end.
    Nothing,
    Unsure,
}

fn nearest<'a>(bytes: impl Iterator<Item = &'a u8>) -> Side {
    for (n, &c) in bytes.enumerate() {
        match c {
            _ if n == 32 => return Side::Unsure,
            b'\n' | b'\r' => return Side::Nothing,
            c if c.is_ascii_alphanumeric() => return Side::Alnum(c),
            c if !c.is_ascii() => return Side::Unsure,
            _ => {}
        }
    }
    Side::Nothing
}

/// The links of one line (see [`task_chain`]), which starts at `start`.
fn chain_line(line: &str, start: usize, out: &mut Vec<(Text, Text, TextRange)>) {
    let bytes = line.as_bytes();
    // The ids joined by lists since the last arrow, and the group before
    // that arrow, which each of them follows: (id, start, end).
    let mut group: Vec<(Text, usize, usize)> = Vec::new();
    let mut sources: Vec<(Text, usize, usize)> = Vec::new();
    let mut links = 0;
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let id = (bytes[i].is_ascii_uppercase() && boundary)
            .then(|| letter_id_len(&line[i..]))
            .flatten();
        let Some(len) = id else {
            i += 1;
            continue;
        };
        let (id, end) = id_at(line, i, len);
        let gap = group.last().map(|&(_, _, end)| gap_kind(&line[end..i]));
        match gap {
            Some(Gap::Arrow) => {
                sources = std::mem::take(&mut group);
            }
            Some(Gap::List) => {}
            Some(Gap::Other) | None => {
                sources.clear();
                group.clear();
            }
        }
        for (from, from_start, _) in &sources {
            // A line of thousands of grouped ids must not make millions
            // of links: past the bound, the rest are dropped.
            if links >= MAX_LINKS_PER_LINE {
                break;
            }
            links += 1;
            out.push((
                from.clone(),
                id.clone(),
                TextRange::new(start + from_start, start + end),
            ));
        }
        group.push((id, i, end));
        i = end;
    }
}

/// The id of `len` bytes at `i` of `line`, or the range from it as one
/// member of its group, its key (see [`TaskRange`]): with where it ends.
pub(super) fn id_at(line: &str, i: usize, len: usize) -> (Text, usize) {
    if let Some((to_start, to_end)) = range_to(line, i + len, false)
        && let Some(range) = TaskRange::new(&line[i..i + len], &line[to_start..to_end])
    {
        return (range.key(), to_end);
    }
    (Text::from(&line[i..i + len]), i + len)
}

/// The most links one line of grouped chains (or sentences) makes.
const MAX_LINKS_PER_LINE: usize = 4096;

const ARROWS: [&str; 4] = ["→", "->", "=>", "⟶"];

/// What stands between two ids of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gap {
    /// An arrow, with only white space and punctuation besides.
    Arrow,
    /// A list separator (`,`, `&`, `and`), with only white space, brackets
    /// and emphasis or code marks besides.
    List,
    /// Words, numbers, or nothing that joins them.
    Other,
}

pub(super) fn gap_kind(between: &str) -> Gap {
    if is_chain_link(between) {
        Gap::Arrow
    } else if is_list_link(between) {
        Gap::List
    } else {
        Gap::Other
    }
}

/// Whether the text between two ids links them: at least one arrow, and
/// besides arrows only white space and punctuation (no letter or digit).
fn is_chain_link(between: &str) -> bool {
    let mut rest = between;
    let mut arrows = 0;
    while !rest.is_empty() {
        if let Some(a) = ARROWS.iter().find(|a| rest.starts_with(**a)) {
            arrows += 1;
            rest = &rest[a.len()..];
            continue;
        }
        let mut chars = rest.chars();
        if chars.next().is_some_and(char::is_alphanumeric) {
            return false;
        }
        rest = chars.as_str();
    }
    arrows > 0
}

/// Whether the text between two ids lists them together: at least one
/// `,`, `&` or `and`, and besides only white space, brackets and the
/// marks of emphasis or code (`**T001**, **T002**`).
fn is_list_link(between: &str) -> bool {
    let mut separators = 0;
    for word in between.split(|c: char| c.is_whitespace() || "()[]*`".contains(c)) {
        if word.is_empty() {
            continue;
        }
        if word.eq_ignore_ascii_case("and") || word.chars().all(|c| c == ',' || c == '&') {
            separators += 1;
        } else {
            return false;
        }
    }
    separators > 0
}

/// Where `text` may hold such a sentence: the first verb stem in it
/// (`epend`, `equire`, `lock`), at its `p`, `q` or `k`. One pass for the
/// stems' rarer letters, as it runs on every block outside a task's item:
/// three substring searches cost 3% of the whole model build (callgrind).
pub(crate) fn first_stem(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memchr3_iter(b'p', b'q', b'k', b).find(|&i| is_stem(b, i))
}

/// The verb stems of `text` from its first, at `first`, on, in order. A
/// substring search for each stem: in the few blocks that hold one, a
/// search for their letters restarted at each `p`, or a loop over the
/// bytes, cost more (callgrind).
pub(super) fn stems_from(text: &str, first: usize) -> impl Iterator<Item = usize> {
    let rest = text.as_bytes().get(first + 1..).unwrap_or_default();
    let mut found: Vec<usize> = Vec::new();
    for (finder, anchor) in STEM_FINDERS.iter() {
        found.extend(finder.find_iter(rest).map(|i| first + 1 + i + anchor));
    }
    found.sort_unstable();
    std::iter::once(first).chain(found)
}

/// The stems (see [`first_stem`]), each with where its anchor stands in
/// it: built once, as a search is.
static STEM_FINDERS: LazyLock<[(Finder<'static>, usize); 5]> = LazyLock::new(|| {
    [
        (Finder::new("epend"), 1),
        (Finder::new("equir"), 1),
        (Finder::new("lock"), 3),
        // And the order words of `order_word`.
        (Finder::new("before "), 2),
        (Finder::new("prece"), 3),
    ]
});

/// Whether the `p`, `q` or `k` at `i` is a verb stem's.
fn is_stem(b: &[u8], i: usize) -> bool {
    let before = |n: usize| i.checked_sub(n).and_then(|s| b.get(s..i));
    let after = |n: usize| b.get(i + 1..i + 1 + n);
    match b[i] {
        b'p' => before(1) == Some(b"e") && after(3) == Some(b"end"),
        b'q' => before(1) == Some(b"e") && after(3) == Some(b"uir"),
        _ => before(3) == Some(b"loc"),
    }
}

/// The links the sentences of `text` (at `base` in the source) state:
/// (the task waited for, the task that waits, the range from the
/// subject's start to the object's end). Ids and ranges are read as
/// [`task_chain`] reads them, and a group links each of its
/// members, as an arrow between groups does.
pub(crate) fn task_sentences(text: &str, base: usize) -> Vec<(Text, Text, TextRange)> {
    let mut out = Vec::new();
    for (at, line) in lines(text) {
        let mut links = 0;
        for from in sentence_starts(line) {
            links += sentence_at(line, from, base + at, &mut out, MAX_LINKS_PER_LINE - links);
        }
    }
    out
}

/// The lines of `text`, with where each starts.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let start = at;
        let len = line_len(&text[at..]);
        at += len;
        at += text[at..]
            .bytes()
            .take_while(|b| matches!(b, b'\n' | b'\r'))
            .count();
        Some((start, &text[start..start + len]))
    })
}

/// Where the sentences of a line open: at the line's start (past
/// indentation, `>`, a list marker and emphasis) and after each `.`, `;`
/// or `:`, the emphasis closing there (`**Notes:**`) and white space.
pub(super) fn sentence_starts(line: &str) -> impl Iterator<Item = usize> + '_ {
    let b = line.as_bytes();
    let mut next = Some(super::super::items::line_body_start(line));
    std::iter::from_fn(move || {
        let from = next?;
        next = next_sentence(b, from);
        Some(from)
    })
}

/// Where the sentence after the one going on at `from` opens, if one
/// does (see [`sentence_starts`]). An abbreviation's dot ("e.g.",
/// "i.e.", "etc.", "vs.") ends no sentence: what follows it is the
/// example, not a statement of the plan's.
fn next_sentence(b: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let p = at + memchr::memchr3(b'.', b';', b':', &b[at..])?;
        let marks = b[p + 1..]
            .iter()
            .take_while(|c| matches!(c, b'*' | b'_'))
            .count();
        let space = p + 1 + marks;
        if b.get(space).is_some_and(u8::is_ascii_whitespace)
            && !(b[p] == b'.' && abbreviation(&b[..=p]))
        {
            return Some(space + 1);
        }
        at = p + 1;
    }
}

/// Whether `before` ends with an abbreviation that does not end a
/// sentence, as a whole word.
fn abbreviation(before: &[u8]) -> bool {
    ["e.g.", "i.e.", "etc.", "vs."].iter().any(|a| {
        before.len().checked_sub(a.len()).is_some_and(|n| {
            before[n..].eq_ignore_ascii_case(a.as_bytes())
                && (n == 0 || !before[n - 1].is_ascii_alphanumeric())
        })
    })
}

/// Which way a verb makes its subject and object wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Way {
    /// "T035 depends on T031": the subject waits for the object.
    SubjectWaits,
    /// "T001 blocks T002": the object waits for the subject.
    ObjectWaits,
}

/// The verbs, lower case, longer before the shorter they begin with; each
/// is a whole word (or words) followed by white space. Order is said as
/// a dependency is: "T001 before T002", "T004 must pass before T007",
/// "T003 precedes T004" (see [`order_word`]).
const VERBS: [(&str, Way); 21] = [
    ("depends on", Way::SubjectWaits),
    ("depends upon", Way::SubjectWaits),
    ("depend on", Way::SubjectWaits),
    ("depend upon", Way::SubjectWaits),
    ("is blocked by", Way::SubjectWaits),
    ("are blocked by", Way::SubjectWaits),
    ("requires", Way::SubjectWaits),
    ("require", Way::SubjectWaits),
    ("blocks", Way::ObjectWaits),
    ("block", Way::ObjectWaits),
    ("also depends on", Way::SubjectWaits),
    ("also depend on", Way::SubjectWaits),
    ("before", Way::ObjectWaits),
    ("precedes", Way::ObjectWaits),
    ("precede", Way::ObjectWaits),
    ("must precede", Way::ObjectWaits),
    ("must come before", Way::ObjectWaits),
    ("must pass before", Way::ObjectWaits),
    ("must be done before", Way::ObjectWaits),
    ("must complete before", Way::ObjectWaits),
    ("must finish before", Way::ObjectWaits),
];

/// Where `text` may say that tasks or phases come in an order ("T001
/// before T002", "Phase 3 precedes Phase 4"), which [`first_stem`] does
/// not find: the `f` of its first "before " or the `c` of its first
/// "prece". The few blocks that hold one are read for such sentences.
pub(crate) fn order_word(text: &str) -> Option<usize> {
    // Two substring searches, built once, rather than a look around each
    // `f` and `c`: this runs on nearly every block, and the look around
    // cost 1.3M instructions more over the corpus (callgrind, 407M in all).
    let b = text.as_bytes();
    let [(before, at_f), (prece, at_c)] = &STEM_FINDERS[3..] else {
        return None;
    };
    let f = before.find(b).map(|i| i + at_f);
    let c = prece.find(b).map(|i| i + at_c);
    f.into_iter().chain(c).min()
}

/// The verb of [`VERBS`] at `v` of `line`, in any case and followed by
/// white space: where it ends, and which way it runs.
pub(super) fn verb_at(line: &str, v: usize) -> Option<(usize, Way)> {
    let b = line.as_bytes();
    // "T004 依赖 T003": the subject waits, as with "depends on".
    if !b.get(v)?.is_ascii() {
        let len = super::unspaced::verb_at(line, v)?;
        return Some((v + len, Way::SubjectWaits));
    }
    // How the verbs begin: most words are ruled out by their first byte.
    let first = b.get(v)?.to_ascii_lowercase();
    if !matches!(first, b'd' | b'i' | b'a' | b'r' | b'b' | b'p' | b'm') {
        return None;
    }
    VERBS.iter().find_map(|&(verb, way)| {
        let end = v + verb.len();
        let whole = verb.as_bytes()[0] == first
            && b.get(v..end)
                .is_some_and(|w| w.eq_ignore_ascii_case(verb.as_bytes()))
            && matches!(b.get(end), Some(b' ' | b'\t'));
        whole.then_some((end, way))
    })
}

/// The links of a sentence opening at `i`, at most `room` of them: how
/// many it added.
fn sentence_at(
    line: &str,
    i: usize,
    start: usize,
    out: &mut Vec<(Text, Text, TextRange)>,
    room: usize,
) -> usize {
    let i = skip_marks(line, i);
    let Some((subjects, after)) = group_at(line, i).or_else(|| labelled_group_at(line, i)) else {
        return 0;
    };
    let Some((verb_end, way)) = verb_at(line, skip_marks(line, after)) else {
        return 0;
    };
    let o = skip_marks(line, verb_end);
    let Some((objects, _)) = group_at(line, o).or_else(|| labelled_group_at(line, o)) else {
        return 0;
    };
    let mut added = 0;
    for (object, _, object_end) in &objects {
        for (subject, subject_start, _) in &subjects {
            if added == room {
                return added;
            }
            added += 1;
            let (from, to) = match way {
                Way::SubjectWaits => (object, subject),
                Way::ObjectWaits => (subject, object),
            };
            let range = TextRange::new(start + subject_start, start + object_end);
            out.push((from.clone(), to.clone(), range));
        }
    }
    added
}

/// A member of a group: an id or a range's key, its start and its end.
type Member = (Text, usize, usize);

/// The group of task ids (and ranges) at `i`, joined by `,`, `&` or
/// `and` with brackets and emphasis around them (`T015, T016 and T017`,
/// `**T001**`, `(T004-T012)`): its members (id, start, end) and where its
/// last member ends. `None` unless an id stands at `i`.
fn group_at(line: &str, i: usize) -> Option<(Vec<Member>, usize)> {
    let mut members = Vec::new();
    let mut at = i;
    loop {
        let opens = at == 0 || !line.as_bytes()[at - 1].is_ascii_alphanumeric();
        let Some(len) = letter_id_len(&line[at..]).filter(|_| opens) else {
            break;
        };
        let (id, end) = id_at(line, at, len);
        members.push((id, at, end));
        // Past the separator to the next member, if one follows.
        let mut next = end;
        let mut joined = false;
        loop {
            let rest = &line[next..];
            let gap = rest
                .bytes()
                .take_while(|c| matches!(c, b' ' | b'\t' | b'*' | b'_' | b'`' | b'(' | b')'))
                .count();
            next += gap;
            if line[next..].starts_with([',', '&']) {
                next += 1;
                joined = true;
            } else if line
                .get(next..next + 4)
                .is_some_and(|w| w.eq_ignore_ascii_case("and "))
            {
                next += 4;
                joined = true;
            } else {
                break;
            }
        }
        if !joined {
            break;
        }
        at = next;
    }
    let end = members.last()?.2;
    Some((members, close_brackets(line, end)))
}

/// A group named in brackets after a word or two that say what it is, as
/// spec-kit's tasks template orders its phases: `Tests (T004-T012) before
/// implementation (T013-T022)`. At most three words of letters (and `-`)
/// before the `(`, and nothing but the group inside the brackets: a
/// sentence's words with ids in brackets after them (`Ship it (T009)`)
/// are no group.
fn labelled_group_at(line: &str, i: usize) -> Option<(Vec<Member>, usize)> {
    let b = line.as_bytes();
    let mut at = i;
    for _ in 0..3 {
        let word = b[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic() || **c == b'-')
            .count();
        if word == 0 {
            return None;
        }
        at += word;
        let blanks = b[at..].iter().take_while(|c| **c == b' ').count();
        at += blanks;
        if b.get(at) == Some(&b'(') {
            let (members, end) = group_at(line, at + 1)?;
            // The bracket closes right after the group, and only it.
            let inner_end = members.last()?.2;
            return (line[inner_end..].starts_with(')') && end == inner_end + 1)
                .then_some((members, end));
        }
        if blanks == 0 {
            return None;
        }
    }
    None
}

/// Past the emphasis, code marks and closing brackets right after `at`
/// (`**T001**`, `(T004-T012)`).
fn close_brackets(line: &str, at: usize) -> usize {
    at + line[at..]
        .bytes()
        .take_while(|c| matches!(c, b'*' | b'_' | b'`' | b')'))
        .count()
}

/// Past white space, emphasis, code marks and opening brackets at `i`.
pub(super) fn skip_marks(line: &str, i: usize) -> usize {
    i + line[i..]
        .bytes()
        .take_while(|c| matches!(c, b' ' | b'\t' | b'*' | b'_' | b'`' | b'('))
        .count()
}

#[cfg(test)]
#[path = "chain_tests.rs"]
mod tests;
