//! What the rest of its line says about a `[bracket]` found in a run of
//! inline text. A run is often only part of a line (markup splits lines
//! into runs: `**Date:**` and ` [date]` are two), so these judgements read
//! the whole source around the run, never past the line.

/// Where a run of inline text lies in the whole source: `src[base..]`
/// starts with the run.
#[derive(Clone, Copy)]
pub(super) struct Line<'s> {
    pub(super) src: &'s str,
    pub(super) base: usize,
    pub(super) lines: &'s LineCache,
}

/// The bounds of the last line read, (start, end before its break), kept
/// across the runs and list items of one source: a long line of brackets
/// (`[NAME] [NAME] …`, `**[TERM]** …`) or of list items opening on it
/// (`- - - [ ] x`) was otherwise searched end to end once per bracket or
/// item, which was quadratic.
#[derive(Debug, Default)]
pub(crate) struct LineCache(std::cell::Cell<(usize, usize)>);

impl LineCache {
    /// The line holding byte `at` of `src`.
    pub(crate) fn line_of(&self, src: &str, at: usize) -> (usize, usize) {
        let (start, end) = self.0.get();
        if (start..=end).contains(&at) && end > start {
            return (start, end);
        }
        let bytes = src.as_bytes();
        let start = memchr::memrchr2(b'\n', b'\r', &bytes[..at]).map_or(0, |n| n + 1);
        let end = memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(src.len(), |n| at + n);
        self.0.set((start, end));
        (start, end)
    }
}

impl<'s> Line<'s> {
    /// Whether the bracket opening at `open` and closing at `close` (both
    /// relative to the run), with a `:` right after it, is shaped as a link
    /// reference definition: first on its line (after indentation or a
    /// block quote's `>`), then a destination that looks like one (`<…>`,
    /// or a path or URL: `./spec.md`, `https://…`, `#usage`) and at most a
    /// title. `[COMPONENT]: details` and `Text [OTHER]: more` are not.
    pub(super) fn definition_shaped(self, open: usize, close: usize) -> bool {
        let (before, after) = self.around(open, close);
        if !before.chars().all(|c| matches!(c, ' ' | '\t' | '>')) {
            return false;
        }
        let Some(rest) = after.strip_prefix(':') else {
            return false;
        };
        let rest = rest.trim();
        // `<…>` may hold spaces; a bare destination ends at the first one.
        let (dest_like, title) = if let Some(angled) = rest.strip_prefix('<') {
            angled
                .split_once('>')
                .map_or((false, ""), |(_, title)| (true, title))
        } else {
            let (dest, title) = rest.split_once([' ', '\t']).unwrap_or((rest, ""));
            (dest.contains(['/', '.', '#', ':', '?']), title)
        };
        let title = title.trim_start();
        dest_like && (title.is_empty() || title.starts_with(['"', '\'', '(']))
    }

    /// Whether the bracket is the whole value of a bold field:
    /// `**Date:** [date]`, `- **Deciders**: [names]`, nothing after it but
    /// white space (or a hard break's `\`). A line may hold several fields
    /// split by `|`, as `meta::bold_fields` reads them (`**Branch**: x |
    /// **Spec**: [link]`): then the line opens with a field, the bracket's
    /// key follows the last `|` before it, and a `|` after it opens a field
    /// or ends the line.
    pub(super) fn whole_field_value(self, open: usize, close: usize) -> bool {
        let (before, after) = self.around(open, close);
        let after = after.trim_start_matches([' ', '\t']);
        let ends = match after.strip_prefix('|') {
            Some(next) => {
                let next = next.trim_start_matches([' ', '\t']);
                next.trim_end_matches('\\').is_empty() || opens_with_field(next)
            }
            None => after.trim_end_matches([' ', '\t', '\\']).is_empty(),
        };
        let head = before.trim_end_matches([' ', '\t']);
        if !ends || head.len() == before.len() {
            return false;
        }
        let head = strip_list_marker(head.trim_start_matches([' ', '\t', '>']));
        let key = match head.rfind('|') {
            Some(bar) if opens_with_field(head) => head[bar + 1..].trim_start_matches([' ', '\t']),
            Some(_) => return false,
            None => head,
        };
        bold_key(key).is_some_and(|key| {
            !key.is_empty() && key.len() <= 40 && !key.contains(['*', '_', '[', '`'])
        })
    }

    /// Whether the bracket opens a heading or a list item (after its
    /// check box, if any) and the item's own words follow it on the line:
    /// `## [DRAFT] Migration`, `- [ ] [BREAKING] Remove v1`. There a word
    /// labels the item; `## [Title]` alone or `- [NAME]: x` do not.
    pub(super) fn heads_item(self, open: usize, close: usize) -> bool {
        let (before, after) = self.around(open, close);
        let words_follow = after
            .strip_prefix([' ', '\t'])
            .is_some_and(|rest| rest.trim_start().starts_with(char::is_alphanumeric));
        if !words_follow {
            return false;
        }
        let head = before.trim_start_matches([' ', '\t', '>']);
        let hashes = head.len() - head.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) {
            let rest = &head[hashes..];
            return rest.starts_with([' ', '\t']) && rest.trim().is_empty();
        }
        let item = strip_list_marker(head);
        if item.len() == head.len() {
            return false;
        }
        let item = ["[ ]", "[x]", "[X]"]
            .iter()
            .find_map(|b| item.strip_prefix(b))
            .unwrap_or(item);
        item.trim().is_empty()
    }

    /// Whether emphasis wraps the bracket and nothing else, on both sides
    /// alike: `**[LEGACY]**`, `*[Story]*`.
    pub(super) fn set_off(self, open: usize, close: usize) -> bool {
        let (before, after) = self.around(open, close);
        let fence = &before[before.trim_end_matches(['*', '_']).len()..];
        !fence.is_empty() && after.starts_with(fence)
    }

    /// The bracket's line before its `[`, and after its `]`.
    fn around(self, open: usize, close: usize) -> (&'s str, &'s str) {
        let open = self.base + open;
        let after_close = self.base + close + 1;
        let (start, _) = self.lines.line_of(self.src, open);
        let (_, end) = self.lines.line_of(self.src, after_close);
        (&self.src[start..open], &self.src[after_close..end])
    }
}

/// `Key` from `**Key:**`, `**Key**:`, `__Key:__` or `__Key__:`.
fn bold_key(head: &str) -> Option<&str> {
    ["**", "__"].into_iter().find_map(|fence| {
        let inner = head.strip_prefix(fence)?;
        inner
            .strip_suffix(fence)
            .and_then(|k| k.strip_suffix(':'))
            .or_else(|| inner.strip_suffix(':')?.strip_suffix(fence))
            .map(str::trim)
    })
}

/// Whether `s` opens with a bold field's key: `**Key:**` or `**Key**:`
/// (or with `__`), whatever follows.
fn opens_with_field(s: &str) -> bool {
    ["**", "__"].into_iter().any(|fence| {
        s.strip_prefix(fence)
            .and_then(|inner| inner.find(fence).map(|end| inner.split_at(end)))
            .is_some_and(|(key, rest)| {
                !key.trim().is_empty()
                    && (key.ends_with(':') || rest[fence.len()..].starts_with(':'))
            })
    })
}

/// `head` past a bullet or ordered list marker and its space, if any.
fn strip_list_marker(head: &str) -> &str {
    if let Some(rest) = head
        .strip_prefix(['-', '*', '+'])
        .and_then(|r| r.strip_prefix(' '))
    {
        return rest.trim_start();
    }
    let digits = head.len() - head.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=9).contains(&digits)
        && let Some(rest) = head[digits..]
            .strip_prefix(['.', ')'])
            .and_then(|r| r.strip_prefix(' '))
    {
        return rest.trim_start();
    }
    head
}

/// Whether `word` names something that exists rather than something to
/// write: an id of capitals, a hyphen and digits (`ND-1`, `FR-001`), as in
/// `[NEW_DESIGN_DECISION ND-1]`, a tag with its reference.
pub(super) fn is_reference_id(word: &str) -> bool {
    let Some((letters, digits)) = word.split_once('-') else {
        return false;
    };
    !letters.is_empty()
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
}
