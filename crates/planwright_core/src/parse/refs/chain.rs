//! `T005 → T006` chains between tasks, with groups (`T001, T002 → T003`)
//! and ranges (`T003 → T004-T021`) on either side of an arrow.

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
        // An id, or a range as one member of its group.
        let (id, end) = match range_to(line, i + len) {
            Some((to_start, to_end)) => {
                match TaskRange::new(&line[i..i + len], &line[to_start..to_end]) {
                    Some(range) => (range.key(), to_end),
                    None => (Text::from(&line[i..i + len]), i + len),
                }
            }
            None => (Text::from(&line[i..i + len]), i + len),
        };
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

/// The most links one line of grouped chains makes.
const MAX_LINKS_PER_LINE: usize = 4096;

const ARROWS: [&str; 4] = ["→", "->", "=>", "⟶"];

/// What stands between two ids of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// An arrow, with only white space and punctuation besides.
    Arrow,
    /// A list separator (`,`, `&`, `and`), with only white space, brackets
    /// and emphasis or code marks besides.
    List,
    /// Words, numbers, or nothing that joins them.
    Other,
}

fn gap_kind(between: &str) -> Gap {
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
