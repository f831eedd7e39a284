//! A task's first line as the reader meets it: the check box that makes a
//! list item a task (or one that looks like a box but is none), and the
//! head after it, an id and markers (`T001 [P] [US1]`) before the words.
//!
//! Apart from the phase heads in `items.rs`, a topic of their own: these
//! are what `tasks.rs` reads a list item's opening with, and their id
//! reader ([`task_id_len`]) also tells a heading that names a task and a
//! command's argument that is an id (`is_task_id`).

use super::skip_ws;
use crate::model::Text;

/// A check box at the start of a list item's content: where it starts,
/// its mark, and how many bytes of Kiro's optional-task star follow it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct CheckBox {
    pub offset: usize,
    pub mark: char,
    /// `*` (or `\*`) right after the box: Kiro marks an optional task so,
    /// `- [ ]* 2.3 Write unit tests`.
    pub star: usize,
}

/// The check box at the start of a list item's content, if there is one:
/// `[ ]`, `[x]`, `[X]`, `[-]` / `[~]` / `[/]` for work in progress, and
/// `[>]` for work moved to later (as Obsidian's task lists write them).
pub(crate) fn check_box(after_marker: &str) -> Option<CheckBox> {
    let lead = box_lead(after_marker)?;
    let rest = &after_marker[lead..];
    let b = rest.as_bytes();
    if b.len() < 3 || b[0] != b'[' || b[2] != b']' {
        return None;
    }
    let mark = b[1] as char;
    if !matches!(mark, ' ' | 'x' | 'X' | '-' | '~' | '/' | '>') {
        return None;
    }
    // GFM wants white space (or the end of the line) after the box; Kiro
    // puts its optional star between.
    let star = match &b[3..] {
        [b'*', ..] => 1,
        [b'\\', b'*', ..] => 2,
        _ => 0,
    };
    match b.get(3 + star) {
        None | Some(b' ' | b'\t' | b'\n' | b'\r') => Some(CheckBox {
            offset: lead,
            mark,
            star,
        }),
        _ => None,
    }
}

/// The white space between a list marker and a box after it, if a box
/// there can be one: five columns or more make the item's content an
/// indented code block (as `CommonMark` reads it), where a box is code,
/// not a task.
fn box_lead(after_marker: &str) -> Option<usize> {
    let lead = after_marker.len() - after_marker.trim_start_matches([' ', '\t']).len();
    // Length first: a tab search in every item's lead showed in profiles.
    if lead > 4 || lead > 1 && after_marker[..lead].contains('\t') {
        return None;
    }
    Some(lead)
}

/// A box at the start of a list item's content that looks like a check
/// box but is none [`check_box`] reads: one symbol, not a letter, digit or
/// space (`[!]`, `[?]`, `[*]`, `[✓]`), or a box mistyped (`[]`, `[ x]`,
/// `[x ]`, `[  ]`), then white space. Such an item is no task; where the
/// box starts and ends in `after_marker`. Letters and digits are left
/// alone: `- [P] tasks = different files` is a legend, `- [1] Smith,
/// 2021` a reference.
pub(crate) fn unread_box(after_marker: &str) -> Option<(usize, usize)> {
    let lead = box_lead(after_marker)?;
    let rest = after_marker[lead..].strip_prefix('[')?;
    // The box holds one symbol, as an emoji picker writes it (`✔️`, `👍🏽`,
    // `🧑‍💻`: a few characters), or two typed ones.
    let close = rest.bytes().take(MAX_SYMBOL + 1).position(|b| b == b']')?;
    let inner = &rest[..close];
    let after = &rest[close + 1..];
    let mut chars = inner.chars();
    let unread = match (chars.next(), chars.next(), chars.next()) {
        (None, _, _) => true,
        (Some(mark), rest, _) if rest.is_none() || is_one_symbol(inner) => {
            !(mark.is_alphanumeric() || mark.is_whitespace() || matches!(mark, '[' | '\\'))
                && check_box(after_marker).is_none()
        }
        (Some(_), Some(_), None) => matches!(inner, " x" | "x " | " X" | "X " | "  "),
        _ => false,
    };
    let spaced = after.is_empty() || after.starts_with([' ', '\t', '\n', '\r']);
    (unread && spaced).then(|| (lead, lead + close + 2))
}

/// The most bytes [`unread_box`] reads as one symbol: a joined emoji
/// (`🧑‍💻`) takes eleven, a family twenty-five.
const MAX_SYMBOL: usize = 28;

/// Whether `inner`, of two characters or more, is one symbol as it is
/// seen: a character, then only what changes how it looks (a variation
/// selector, `✔️`; a skin tone, `👍🏽`; a keycap) or joins another to it
/// (`🧑‍💻`).
pub(crate) fn is_one_symbol(inner: &str) -> bool {
    let mut chars = inner.chars().skip(1);
    while let Some(c) = chars.next() {
        match c {
            '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}' => {}
            // Joined only to a symbol: not `a‍b`.
            '\u{200D}' => {
                if !chars
                    .next()
                    .is_some_and(|c| !c.is_ascii() && !c.is_alphanumeric())
                {
                    return false;
                }
            }
            _ => return false,
        }
    }
    true
}

/// The parts of a task's first line after its check box.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct TaskHead {
    /// Offset range of an explicit id within the line.
    pub id: Option<(usize, usize)>,
    pub markers: Vec<Text>,
    pub parallel: bool,
    /// Offset at which the description starts.
    pub text_start: usize,
}

/// Reads `T001 [P] [US1] Description`, `**T-001**: ...`, `1.2 Title`,
/// `1. Title`, `(P)` markers. `line` is the text after the check box.
pub(crate) fn task_head(line: &str) -> TaskHead {
    let mut head = TaskHead::default();
    let mut i = skip_ws(line, 0);
    // `~~T003 Evaluate~~ (dropped)`: a task struck through keeps its id,
    // which other tasks may still name; its text starts with the strike,
    // markup and all, since its words cannot be cut from the markup
    // around them (the task's text leaves the id out: see
    // `struck_text_without_id`).
    if let Some(struck) = line[i..].strip_prefix("~~") {
        let at = i + 2 + if struck.starts_with("**") { 2 } else { 0 };
        if let Some(len) = task_id_len(&line[at..]) {
            head.id = Some((at, at + len));
            head.text_start = i;
            return head;
        }
    }
    let bold = line[i..].starts_with("**");
    if bold {
        i += 2;
    }
    // `Task 1.1: Title`, `**Task 3**: Title`: the word names what follows
    // as the task's id. Only where an id follows: `Task list review` is
    // the task's words.
    if let Some(rest) = ["Task ", "TASK "]
        .iter()
        .find_map(|w| line[i..].strip_prefix(w))
        && task_id_len(rest).is_some()
    {
        i += 5;
    }
    let id = task_id_len(&line[i..])
        .map(|len| (i, i + len, len))
        .or_else(|| bracketed_id(&line[i..]).map(|len| (i + 1, i + 1 + len, len + 2)));
    if let Some((start, end, len)) = id {
        head.id = Some((start, end));
        let bracketed = start > i && line.as_bytes()[i] == b'[';
        i += len;
        // `[T005](#t005)`: an id linked to its anchor; the destination is
        // no part of the task's text.
        if bracketed
            && line[i..].starts_with('(')
            && let Some(close) = line[i..].find(')')
        {
            i += close + 1;
        }
        if bold && line[i..].starts_with("**") {
            i += 2;
        }
        i = skip_separators(line, i);
    } else if bold {
        i -= 2;
    }
    loop {
        i = skip_ws(line, i);
        let rest = &line[i..];
        let (open, close) = match rest.as_bytes().first() {
            Some(b'[') => ('[', ']'),
            Some(b'(') => ('(', ')'),
            _ => break,
        };
        let Some(end) = rest.find(close) else { break };
        let inner = &rest[1..end];
        // A slash joins capitals only (`[CI/CD]`, `[FE/BE]`): `[a/b]`
        // opening a task is more likely its words.
        let slash_ok = !inner.bytes().any(|b| b.is_ascii_lowercase());
        let is_marker = !inner.is_empty()
            && inner.len() <= 12
            && inner.chars().all(|c| {
                c.is_alphanumeric() || c == '-' || c == '_' || c == '.' || (c == '/' && slash_ok)
            })
            && (open == '[' || inner == "P");
        if !is_marker {
            break;
        }
        if inner == "P" {
            head.parallel = true;
        }
        // A bracket that ends the line, with no words after it, is the
        // task's text (`- [ ] [TASK]`, `- [ ] T001 [P] [Story]`): a
        // template's slot left to fill, which a marker would hide from
        // the placeholder scan, and a task of no words from every list.
        // A tag's usual shapes stay markers.
        let last = line[i + end + 1..].trim().is_empty();
        if last && !is_tag_marker(inner) {
            break;
        }
        head.markers.push(Text::from(inner));
        i += end + 1;
    }
    head.text_start = skip_separators(line, skip_ws(line, i));
    if head.id.is_some() || !head.markers.is_empty() {
        head.text_start = skip_ws(line, head.text_start);
    }
    head
}

/// A struck task's text (from its `~~` on) without the id the strike
/// opens with, as an unstruck task's text leaves its id out:
/// `~~T004 Old wording~~` reads `~~Old wording~~`, `~~**T003** Evaluate~~
/// (dropped)` reads `~~Evaluate~~ (dropped)`. The strike stays: whether it
/// covers all the words tells a dropped task from a reworded one. `None`
/// where no id opens the strike, or the strike ends with it (`~~T003~~
/// Evaluate`), and the text stays as written.
pub(crate) fn struck_text_without_id(text: &str) -> Option<String> {
    let struck = text.strip_prefix("~~")?;
    let bold = struck.starts_with("**");
    let at = if bold { 2 } else { 0 };
    let mut rest = &struck[at + task_id_len(&struck[at..])?..];
    if bold {
        rest = rest.strip_prefix("**").unwrap_or(rest);
    }
    let rest = &rest[skip_separators(rest, 0)..];
    (!rest.is_empty() && !rest.starts_with("~~")).then(|| format!("~~{rest}"))
}

/// Whether a marker has a tag's usual shape whatever stands after it:
/// parallel (`P`), a story (`US1`, `S2`), a priority (`P1`).
fn is_tag_marker(inner: &str) -> bool {
    let digits_after = |prefix: &str| {
        inner
            .strip_prefix(prefix)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    inner == "P" || ["US", "S", "P"].into_iter().any(digits_after)
}

/// The length of the id in `[T003]` or `` `T003` `` (a code span holding
/// the id alone) at the start of `s`. A priority (`[P1]`) is a marker, as
/// are `[P]` and `[US1]`, which are no ids.
fn bracketed_id(s: &str) -> Option<usize> {
    let (inner, closer) = match s.as_bytes().first() {
        Some(b'[') => (&s[1..], ']'),
        Some(b'`') => (&s[1..], '`'),
        _ => return None,
    };
    let close = inner.find(closer)?;
    let id = &inner[..close];
    let priority = id
        .strip_prefix('P')
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
    (task_id_len(id) == Some(id.len()) && !priority).then_some(close)
}

fn skip_separators(s: &str, mut i: usize) -> usize {
    i = skip_ws(s, i);
    let rest = &s.as_bytes()[i..];
    // `:`, `-`, `.` and the en and em dashes (E2 80 93 / E2 80 94).
    let sep = match rest {
        [b':' | b'-' | b'.', ..] => 1,
        [0xE2, 0x80, 0x93 | 0x94, ..] => 3,
        _ => 0,
    };
    if sep > 0 && matches!(rest.get(sep), Some(b' ' | b'\t')) {
        return skip_ws(s, i + sep);
    }
    if rest.first() == Some(&b':') {
        return skip_ws(s, i + 1);
    }
    i
}

/// Length of a task id at the start of `s`: `T001`, `T-001`, `TASK-12`,
/// `1.2`, `1.`, `1` followed by white space or a separator.
pub(crate) fn task_id_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let len = if letters > 0 && letters <= 5 {
        let dash = usize::from(b.get(letters) == Some(&b'-'));
        let digits = b[letters + dash..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        // `T1` is an id, but a word such as `API` or `UI-` is not; nor is
        // one letter and one digit other than T's (`S3 bucket`, `Q3
        // planning`), where `M001` and `B12` are ids.
        if digits == 0 || (letters > 1 && dash == 0) {
            return None;
        }
        if letters == 1 && dash == 0 && digits < 2 && b[0] != b'T' {
            return None;
        }
        let mut n = letters + dash + digits;
        // `T231.15`: a sub-task numbered under its parent.
        while b.get(n) == Some(&b'.') && b.get(n + 1).is_some_and(u8::is_ascii_digit) {
            n += 1 + b[n + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        }
        n
    } else if letters == 0 {
        let mut n = 0;
        loop {
            let digits = b[n..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 || digits > 4 {
                return None;
            }
            n += digits;
            if b.get(n) == Some(&b'.') && b.get(n + 1).is_some_and(u8::is_ascii_digit) {
                n += 1;
            } else {
                break;
            }
        }
        if b.get(n) == Some(&b'.') {
            // `1.` as written: the dot is part of the numbering, not the id.
            return (b.get(n + 1).is_none_or(|c| *c == b' ')).then_some(n + 1);
        }
        // A whole number before a space is a count (`2 reviewers sign
        // off`, `500 participants`), not an id; `1:` and `1)` number.
        if !b[..n].contains(&b'.') && !matches!(b.get(n), Some(b':' | b')' | b'*')) {
            return None;
        }
        n
    } else {
        return None;
    };
    match b.get(len) {
        None | Some(b' ' | b'\t' | b':' | b'*' | b')' | b'.' | b',') => Some(len),
        _ => None,
    }
}

/// The id as it is compared: without a trailing dot.
pub(crate) fn clean_id(id: &str) -> Text {
    Text::from(id.trim_end_matches('.'))
}

#[cfg(test)]
#[path = "task_head_tests.rs"]
mod tests;
