//! Recognisers for the shapes plans use for work: task check boxes, phase and
//! step headings, and the lines of a block (dependencies written as prose
//! are in `refs.rs`).
//!
//! They work on one line or one value at a time and return offsets relative
//! to the string they were given; the builder adds the base offset.

use crate::model::{PhaseKind, Text};

#[path = "phase_suffix.rs"]
mod phase_suffix;
#[path = "phase_title.rs"]
mod phase_title;
pub(super) use phase_suffix::heading_phase_head;
use phase_suffix::{ORDINAL_MARK, ordinal_parts};
pub(super) use phase_title::leading_estimate;

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

/// The length of a list marker (`-`, `*`, `+`, `12.`, `3)`) at `line`'s start.
pub(crate) fn list_marker_len(line: &str) -> usize {
    let b = line.as_bytes();
    match b.first() {
        Some(b'-' | b'*' | b'+') => 1,
        Some(c) if c.is_ascii_digit() => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            match b.get(digits) {
                Some(b'.' | b')') => digits + 1,
                _ => 0,
            }
        }
        _ => 0,
    }
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
        head.markers.push(Text::from(inner));
        i += end + 1;
    }
    head.text_start = skip_separators(line, skip_ws(line, i));
    if head.id.is_some() || !head.markers.is_empty() {
        head.text_start = skip_ws(line, head.text_start);
    }
    head
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

pub(super) fn skip_ws(s: &str, mut i: usize) -> usize {
    while s
        .as_bytes()
        .get(i)
        .is_some_and(|b| *b == b' ' || *b == b'\t')
    {
        i += 1;
    }
    i
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

/// A recognised phase or step title.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct PhaseHead {
    pub kind: PhaseKind,
    pub number: Text,
    pub title: Text,
    pub priority: Option<Text>,
    /// An estimate the head states at its end (`Setup (~2 days)`).
    pub estimate: Option<Text>,
    /// A status the head states (`Setup ✅`, see [`super::head_status`]).
    pub status: Option<Text>,
}

/// The words that head a phase, and the kind each names: the only way
/// the reader makes a phase, so the kinds here are all it makes (see
/// [`phase_kinds`]).
pub(super) const PHASE_WORDS: &[(&str, PhaseKind)] = &[
    ("phase", PhaseKind::Phase),
    ("stage", PhaseKind::Stage),
    ("milestone", PhaseKind::Milestone),
    ("sprint", PhaseKind::Sprint),
    ("iteration", PhaseKind::Iteration),
    ("step", PhaseKind::Step),
    ("week", PhaseKind::Week),
    ("epic", PhaseKind::Epic),
    ("阶段", PhaseKind::Phase),
    ("フェーズ", PhaseKind::Phase),
    ("fase", PhaseKind::Phase),
];

/// Every kind a phase word names, once, in the order of [`PHASE_WORDS`]:
/// the kinds of phase the reader makes, which the JSON schema lists.
pub(crate) fn phase_kinds() -> Vec<PhaseKind> {
    let mut kinds = Vec::new();
    for &(_, kind) in PHASE_WORDS {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds
}

/// The bytes a [`PHASE_WORDS`] word opens with, in either case, and the
/// byte an ordinal's mark does (`第一阶段`, see [`ordinal_parts`]).
const PHASE_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    table[ORDINAL_MARK.as_bytes()[0] as usize] = true;
    let mut i = 0;
    while i < PHASE_WORDS.len() {
        let first = PHASE_WORDS[i].0.as_bytes()[0];
        table[first.to_ascii_lowercase() as usize] = true;
        table[first.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    table
};

/// `text` from where its phase word would start (past `✅ `, `(`), when
/// that byte may open one: `None` says it is no [`phase_head`], for one
/// byte's cost, and so is any prefix of it holding a letter or digit.
pub(crate) fn phase_word_start(text: &str) -> Option<&str> {
    let head = text.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let first = *head.as_bytes().first()?;
    PHASE_FIRST_BYTES[usize::from(first)].then_some(head)
}

/// `Phase 1: Foundation [Priority: HIGH]`, `Phase -1`, `Phase 3.5`,
/// `Phase 4a`, `Phase 3+`, `Phase 13-24`, `Stage A`, `Milestone M1`,
/// `Step 1.1: Title`, `Step 1 – Title`. `text` is the plain heading text
/// without its number.
pub(crate) fn phase_head(text: &str) -> Option<PhaseHead> {
    let (kind, number, title, mark) = phase_head_parts(text)?;
    Some(titled_head(kind, number, title, mark))
}

/// Whether `text` opens with a phase head, without lifting its title's
/// priority, status and estimate, which the many callers that only ask
/// (is this task's text, this field's key, a phase?) paid for.
pub(crate) fn is_phase_head(text: &str) -> bool {
    phase_head_parts(text).is_some()
}

/// A phase head's kind, number, title (as written) and leading status mark.
fn phase_head_parts(text: &str) -> Option<(PhaseKind, Text, &str, Option<&str>)> {
    // Most heads (every heading, many bold items) hold no phase word: one
    // byte tells, before the words are compared.
    let head = phase_word_start(text)?;
    let mark = super::head_status::leading(text);
    let text = head;
    // Only a word opening with the head's first byte (lower case) matches.
    let first = text.as_bytes()[0].to_ascii_lowercase();
    let Some((word, kind)) = PHASE_WORDS.iter().find(|(w, _)| {
        w.as_bytes()[0] == first
            && text
                .get(..w.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(w))
    }) else {
        return ordinal_parts(text, mark);
    };
    let rest = &text[word.len()..];
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    if rest.len() == text.len() - word.len() && word.is_ascii() {
        // "Phases" or "Stepping": the keyword must be followed by a space.
        return None;
    }
    let number_len = phase_number_len(rest)?;
    let number_len = number_len + phase_title::number_tail_len(&rest[number_len..]);
    let number = Text::from(&rest[..number_len]);
    let mut title = rest[number_len..].trim_start();
    for sep in [":", "：", "–", "—", "-", ".", ")"] {
        if let Some(t) = title.strip_prefix(sep) {
            title = t.trim_start();
            break;
        }
    }
    Some((*kind, number, title, mark))
}

/// The head of a phase of `kind` and `number` titled `title`, with the
/// priority, status and estimate the title states lifted out of it; `mark`
/// is a status written before the head's words (`✅ Phase 1`).
pub(super) fn titled_head(
    kind: PhaseKind,
    number: Text,
    title: &str,
    mark: Option<&str>,
) -> PhaseHead {
    let (title, priority) = phase_title::lift_priority(title);
    let priority = priority.or_else(|| phase_title::word_priority(&title));
    // A traffic light beside a priority is the priority's colour, not a
    // status (`HIGH Priority 🔴`), and stays in the title as written.
    let colour = |s: &str| priority.is_some() && super::head_status::is_traffic_light(s);
    let (title, status) = match super::head_status::trailing(&title) {
        Some((_, status)) if colour(status) => (title, None),
        Some((rest, status)) => (Text::from(rest), Some(Text::from(status))),
        None => (title, mark.filter(|m| !colour(m)).map(Text::from)),
    };
    let (title, estimate) = match phase_title::lift_estimate(&title) {
        (rest, Some(estimate)) => (Text::from(rest), Some(estimate)),
        (_, None) => (title, None),
    };
    PhaseHead {
        kind,
        number,
        title,
        priority,
        estimate,
        status,
    }
}

/// `1`, `-1`, `3.5`, `4a`, `A`, `M1`, `10`.
/// Length of an upper-case Roman numeral of two letters or more, up to
/// XXXIX, at the start of `b` when nothing alphanumeric follows it; 0
/// otherwise.
fn roman_len(b: &[u8]) -> usize {
    const ONES: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let n = b
        .iter()
        .take_while(|c| matches!(c, b'I' | b'V' | b'X'))
        .count();
    if n < 2 || b.get(n).is_some_and(u8::is_ascii_alphanumeric) {
        return 0;
    }
    let tens = b[..n].iter().take_while(|&&c| c == b'X').count().min(3);
    let ones = &b[tens..n];
    if ONES.iter().any(|o| o.as_bytes() == ones) {
        n
    } else {
        0
    }
}

pub(super) fn phase_number_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut n = usize::from(b.first() == Some(&b'-'));
    let digits = b[n..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        n += digits;
        while b.get(n) == Some(&b'.') && b.get(n + 1).is_some_and(u8::is_ascii_digit) {
            n += 1 + b[n + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        }
        // `Phase 4a`, `Phase 1B`: one letter after the number.
        if b.get(n).is_some_and(u8::is_ascii_alphabetic)
            && !b.get(n + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            n += 1;
        }
    } else if n == 0 && roman_len(b) > 1 {
        // `Phase II`, `Phase IV`: a lone `I` or `V` is a letter below.
        n = roman_len(b);
    } else if n == 0 && b.first().is_some_and(u8::is_ascii_uppercase) {
        n = 1 + b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        // `T-004` is a task id, not stage `T`.
        if b.get(n) == Some(&b'-') {
            return None;
        }
        // `Stage B.1`, `Milestone M1.2`: a part numbered under it.
        while b.get(n) == Some(&b'.') && b.get(n + 1).is_some_and(u8::is_ascii_digit) {
            n += 1 + b[n + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        }
    } else {
        return None;
    }
    match b.get(n) {
        None => Some(n),
        Some(c) if !c.is_ascii_alphanumeric() => Some(n),
        _ => None,
    }
}

/// Lines of a string with their start offsets.
pub(crate) struct LineOffsets<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> LineOffsets<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self { text, at: 0 }
    }
}

impl<'a> Iterator for LineOffsets<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.at >= self.text.len() {
            return None;
        }
        // `\n`, `\r\n` and a lone `\r` each end a line; one search finds
        // both the line and where the next one starts.
        let start = self.at;
        let rest = &self.text[start..];
        let len = crate::text::line_len(rest);
        let ending = match rest.as_bytes()[len..] {
            [b'\r', b'\n', ..] => 2,
            [_, ..] => 1,
            [] => 0,
        };
        self.at = start + len + ending;
        Some((start, &rest[..len]))
    }
}

/// Where a line's content starts after indentation, `>` and a list marker.
pub(super) fn line_body_start(line: &str) -> usize {
    let mut i = 0;
    let b = line.as_bytes();
    loop {
        while b.get(i).is_some_and(|c| *c == b' ' || *c == b'\t') {
            i += 1;
        }
        if b.get(i) == Some(&b'>') {
            i += 1;
            continue;
        }
        break;
    }
    let m = list_marker_len(&line[i..]);
    if m > 0 && b.get(i + m).is_some_and(|c| *c == b' ' || *c == b'\t') {
        i += m;
        while b.get(i).is_some_and(|c| *c == b' ' || *c == b'\t') {
            i += 1;
        }
    }
    i
}

#[cfg(test)]
#[path = "items_tests.rs"]
mod tests;
