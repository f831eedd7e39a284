//! Where one bold field ends and the next on its line begins
//! (`**Date:** 2026-07-12 · **Status:** Draft`): the separators between
//! fields, the values a single blank may end, and the notes after a value.

use super::{find_double_star, one_bold_field, trim_blank_end};

/// The next field on a value's line: where the value ends (before the
/// separator) and where the field's `**` starts. A field starts at a
/// `**Key:**` (or `**Key**:`) after a separator (`|`, `·`, `;`, a dash,
/// `<br>`...) or two blanks, outside brackets, so that `**Date:**
/// 2026-07-12 · **Status:** Draft` is two fields: a value that swallowed
/// the next field would have `set` overwrite it. A bold label in prose
/// after one space (`lines like **Status:** Done`, `(was **Blocked:**
/// review)`) is the value's words.
///
/// `continued`: `s` is a line that goes on with a value begun on a line
/// above, so the words before a label are never the whole value (see
/// [`one_token_value`]). Brackets are counted on this line only.
pub(super) fn find_next_bold_field(s: &str, continued: bool) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(p) = find_double_star(&s[from..]).map(|p| from + p) {
        from = p + 2;
        let before = s[..p].trim_end_matches([' ', '\t']);
        let gap = s[..p].len() - before.len();
        let separated = before
            .chars()
            .next_back()
            .is_some_and(|c| SEPARATORS.contains(&c))
            || ends_with_break(before).is_some()
            || gap >= 2;
        let bracketed = before.matches(['(', '[']).count() > before.matches([')', ']']).count();
        let one_token = !continued && one_token_value(before);
        let after_gap = (separated || (gap > 0 && one_token)) && !bracketed;
        // A value that opens with bold is the value's own label
        // (`**Description**: **NOTE**: kept as is`), not an empty value.
        let opens_value = s[..p].trim().is_empty();
        if after_gap && !opens_value && one_bold_field(&s[p..]).is_some() {
            return Some((value_end_before_separator(&s[..p]), p));
        }
        // `***` and longer runs: go on past the run.
        while bytes.get(from) == Some(&b'*') {
            from += 1;
        }
    }
    None
}

/// Whether the value before a bold label is one token (`**Date:**
/// 2026-02-20 **Context:** …`, `**Version:** v1.2 **Owner:** …`,
/// `**Status:** Draft **Owner:** bob`): a date, number, version or single
/// word is a whole value, so the label after it opens the next field even
/// after one space; read as one value, `set status` would overwrite the
/// owner with it. A value of words keeps a label after one space as its
/// own (`lines like **Status:** Done`).
fn one_token_value(before: &str) -> bool {
    let value = before.trim();
    !value.is_empty() && !value.contains(char::is_whitespace)
}

/// The length of the HTML line break (`<br>`, `<br/>`, `<br />`, any
/// case) that ends `s`, if one does.
pub(super) fn ends_with_break(s: &str) -> Option<usize> {
    // Bytes, not a string slice: the cut may fall inside a character.
    let b = s.as_bytes();
    ["<br>", "<br/>", "<br />"]
        .into_iter()
        .find(|br| {
            b.len() >= br.len() && b[b.len() - br.len()..].eq_ignore_ascii_case(br.as_bytes())
        })
        .map(str::len)
}

/// Characters that separate fields on one line when they stand between
/// two: `|`, `·`, `•`, `;`, `,`, dashes, `/`.
const SEPARATORS: &[char] = &['|', '·', '•', ';', ',', '—', '–', '-', '/'];

/// The end of the value in `s`, the text before the next field: without
/// the blanks, the one separator (or `<br>`) and the blanks before it. A
/// `-` or `/` separates only after a blank (`src/` keeps its slash).
fn value_end_before_separator(s: &str) -> usize {
    let t = s.trim_end();
    let t = &t[..t.len() - ends_with_break(t).unwrap_or(0)];
    let Some(last) = t.chars().next_back() else {
        return 0;
    };
    let body = &t[..t.len() - last.len_utf8()];
    let spaced = body.ends_with(char::is_whitespace) || body.is_empty();
    let cut = match last {
        '-' | '/' => spaced,
        c => SEPARATORS.contains(&c),
    };
    if cut { body.trim_end().len() } else { t.len() }
}

/// `value` (whose text starts at `lead`) without the notes that may follow
/// it on its line: HTML comments (`Draft <!-- synced by CI -->`) and
/// footnote references (`Draft[^1]`). Neither shows as the value, and an
/// edit of the value keeps them. A note with nothing before it (`[^1]`
/// alone) is left as the value.
pub(super) fn without_notes(value: &str, lead: usize) -> &str {
    let mut v = value;
    loop {
        let before = if let Some(open) = v.strip_suffix("-->").and_then(|s| s.rfind("<!--")) {
            // A comment is one if nothing in it closes it earlier.
            if v[open + 4..v.len() - 3].contains("-->") {
                v
            } else {
                trim_blank_end(&v[..open])
            }
        } else if v.ends_with(']') {
            match v.rfind("[^") {
                Some(open)
                    if v[open + 2..v.len() - 1]
                        .bytes()
                        .all(|b| !matches!(b, b' ' | b'\t' | b'[' | b']'))
                        && open + 3 < v.len() =>
                {
                    trim_blank_end(&v[..open])
                }
                _ => v,
            }
        } else {
            v
        };
        if before.len() == v.len() || before.len() <= lead {
            return v;
        }
        v = before;
    }
}
