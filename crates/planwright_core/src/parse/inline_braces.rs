//! The brace and angle recognisers: `{NAME}`, `{{NAME}}` and `<Name>`,
//! the shapes templates and template engines name a variable with.
//!
//! Apart from the other recognisers in `inline.rs` because code and markup
//! share these shapes: what they refuse is format strings, globs, sets,
//! HTML tags and keys to press.

use super::bracket::is_lower_word_list;
use super::quotes::Quotes;
use super::{Found, boundary_before, closing, is_choice_list};
use crate::model::{PlaceholderKind, normalize_key};

/// The longest name a `{{name}}` slot may have, in bytes.
const MAX_DOUBLE_BRACE: usize = 80;

pub(in crate::parse) fn double_brace(text: &str, i: usize) -> Found {
    let rest = text.get(i + 2..)?;
    if !text[i..].starts_with("{{") {
        return None;
    }
    // A name is at most 80 bytes, so the `}}` is looked for no further:
    // a run of `{{{{…` would otherwise search to its end from each brace.
    let window = &rest.as_bytes()[..rest.len().min(MAX_DOUBLE_BRACE + 2)];
    let end = memchr::memmem::find(window, b"}}")?;
    // `{{ title }}`, as Jinja, Handlebars and Go templates space it.
    let inner = rest[..end].trim_matches(' ');
    // Any name a template engine takes is a slot (`{{A/B}}`, `{{Repo:
    // Name}}`, `{{Step(1)}}`); only one that opens with a letter, as a
    // block's `{{#if}}` or `{{/if}}` does not, and holds no markup or
    // line break.
    let ok = !inner.is_empty()
        && end <= MAX_DOUBLE_BRACE
        && inner.chars().next().is_some_and(char::is_alphabetic)
        && !inner.contains(['{', '`', '\n', '\r', '<', '>', '|', '*', '[', ']'])
        && !is_member_path(inner);
    ok.then(|| {
        (
            i + 2 + end + 2,
            PlaceholderKind::DoubleBrace,
            Some(normalize_key(inner)),
        )
    })
}

/// `user.name`, `ticket.title`: an engine's expression that reads a
/// field of the data it renders, a variable (lower-case, as engines name
/// them) and a field after a dot. A plan quotes it when it writes about
/// the template; it is no slot named for the author to fill. A dot
/// before a digit (`{{Step 1.2}}`) is a number in a name, and a name in
/// capitals keeps its dot (`{{FILE.md}}`), as templates name slots so.
fn is_member_path(inner: &str) -> bool {
    inner.starts_with(char::is_lowercase)
        && inner.match_indices('.').any(|(at, _)| {
            let before = inner[..at].chars().next_back();
            let after = inner[at + 1..].chars().next();
            before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                && after.is_some_and(|c| c.is_alphabetic() || c == '_')
        })
}

pub(super) fn brace(text: &str, i: usize, quotes: &mut Quotes) -> Found {
    if text[i..].starts_with("{{") {
        return double_brace(text, i);
    }
    // After a `{`, a brace is a double one's second, not a slot of its
    // own: `{{A:B}}` is no `{A:B}`.
    let prev = text[..i].chars().next_back();
    if prev.is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, '$' | '%' | '/' | '_' | '.' | '{' | '}' | '#' | '\\')
    }) {
        return None;
    }
    let close = closing(text, i, b'}', b'{')?;
    let inner = &text[i + 1..close];
    let first = inner.chars().next()?;
    if !first.is_alphabetic()
        || quotes.around(text, i, close)
        || inner.len() > 160
        || inner.contains([':', '"', '=', ';', '(', '\''])
    {
        return None;
    }
    if is_choice_list(inner) {
        return Some((close + 1, PlaceholderKind::Choice, None));
    }
    // `{a,b}` globs and `{x}` maths are not slots, nor is a set of
    // lower-case words (`{a, b}`, `{read, write}`); a slot is a word or
    // words naming what goes there.
    if inner.contains(',') && (!inner.contains(' ') || is_lower_word_list(inner)) {
        return None;
    }
    Some((
        close + 1,
        PlaceholderKind::Brace,
        Some(normalize_key(inner)),
    ))
}

/// `<Project / Feature Name>`, `<Name>`, `<FEATURE_NAME>`; never an HTML tag
/// or a CamelCase component name.
pub(super) fn angle(text: &str, i: usize) -> Found {
    if !boundary_before(text, i) {
        return None;
    }
    let close = closing(text, i, b'>', b'<')?;
    let inner = &text[i + 1..close];
    let first = inner.chars().next()?;
    if !first.is_uppercase() || inner.chars().count() < 3 || inner.contains(['=', '"', '\'']) {
        return None;
    }
    let rest_lower = inner.chars().skip(1).all(char::is_lowercase);
    let all_caps = inner
        .chars()
        .all(|c| c.is_uppercase() || c == '_' || c.is_ascii_digit());
    let words = inner.contains(' ')
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || " /-_&".contains(c));
    if !(rest_lower || all_caps || words) || is_html_tag(inner) || is_key_name(inner) {
        return None;
    }
    Some((
        close + 1,
        PlaceholderKind::Angle,
        Some(normalize_key(inner)),
    ))
}

/// `<Enter>`, `<ESC>`, `<Tab>`: a key to press, as manuals and Vim write
/// it, not a slot.
pub(super) fn is_key_name(name: &str) -> bool {
    const KEYS: &[&str] = &[
        "alt",
        "backspace",
        "cmd",
        "ctrl",
        "del",
        "delete",
        "down",
        "end",
        "enter",
        "esc",
        "escape",
        "home",
        "insert",
        "leader",
        "left",
        "meta",
        "pagedown",
        "pageup",
        "return",
        "right",
        "shift",
        "space",
        "tab",
        "up",
    ];
    KEYS.iter().any(|k| k.eq_ignore_ascii_case(name))
}

fn is_html_tag(name: &str) -> bool {
    const TAGS: &[&str] = &[
        "a", "abbr", "b", "br", "code", "details", "div", "em", "hr", "i", "img", "kbd", "li",
        "ol", "p", "pre", "span", "strong", "sub", "summary", "sup", "table", "td", "th", "tr",
        "u", "ul", "mark", "small", "del", "ins", "picture", "source", "video", "center", "font",
    ];
    let lower = name.trim().to_lowercase();
    TAGS.contains(&lower.as_str())
}
