//! Flags a relative link or image, or a `Spec:` field, pointing at a file
//! that does not exist.
//!
//! ## What it does
//! Checks every link and image whose target is a relative path (not a URL, not an
//! anchor within the page) and the paths in every `Spec:` or
//! `Specification:` field (the plan's, a phase's or a list item's; each
//! path in code spans, or else the whole value), resolved from the plan's
//! own folder or, failing that, from the project root (the folder of
//! `planwright.toml`, or the current folder) or the plan's repository (the
//! nearest folder above it holding `.git`), where `Spec:` paths are
//! usually written from. Anchors (`#section`), queries and glob patterns
//! are ignored.
//!
//! A `Spec:` value is only checked when it is written as a path, since
//! the field also holds notes, tickets and dates (`N/A`, `TBD/pending`,
//! `Jira/PROJ-12`, `Q3/2026`) that name no file. It is a path when it has
//! no spaces and:
//! - it starts with `./` or `../`, or
//! - its last part has a file extension (`specs/004/spec.md`,
//!   `docs/api.yaml`; an extension has a letter, so `v1.2` has none), or,
//!   for a single name without a `/`, the extension is `.md`
//!   (`spec.md`, but not `Node.js` or `example.com`), or
//! - its first folder exists, from the plan's folder or the project root
//!   (`specs/004-export` when there is a `specs/` folder).
//!
//! ## Why
//! Plans point at the spec they implement, the design they follow and the
//! code they change. After files move, those links rot silently.
//!
//! ## Example
//! ```markdown
//! **Spec:** specs/004-export/spec.md
//! See [the data model](./data-model.md).
//! ```
//! when `data-model.md` was renamed.
//!
//! ## Fix
//! Point the link at the file's current path, or remove it.

use planwright_core::{MetaField, TextRange};

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for link in &ctx.plan.links {
        if let Some(path) = local_path(&link.dest)
            && !(ctx.file_exists)(&path)
        {
            report(out, link.range, &path, link.image);
        }
    }
    let mut reported: Vec<TextRange> = Vec::new();
    for field in ctx
        .plan
        .metadata
        .iter()
        .filter(|f| SPEC_KEYS.contains(&f.norm.as_str()))
    {
        for (at, value) in spec_paths(ctx, field) {
            // A link in the value was checked above, and one place is
            // reported once however many fields the reader saw there.
            let in_link = ctx
                .plan
                .links
                .iter()
                .any(|l| l.range.start < at.end && at.start < l.range.end);
            if in_link || reported.contains(&at) || !looks_like_path(ctx, value) {
                continue;
            }
            if let Some(path) = local_path(value)
                && !(ctx.file_exists)(&path)
            {
                reported.push(at);
                report(out, at, &path, false);
            }
        }
    }
}

/// Normalised keys of the fields that name the spec a plan implements.
const SPEC_KEYS: &[&str] = &["spec", "specification"];

/// The paths a spec field names, each with where it is written: every code
/// span in the value (`` `specs/a.md`, `docs/b.md` ``), or else the whole
/// value.
fn spec_paths<'a>(ctx: &Context<'a>, field: &'a MetaField) -> Vec<(TextRange, &'a str)> {
    let within = field.value_range;
    let from = ctx
        .plan
        .code_spans
        .partition_point(|c| c.start < within.start);
    let spans: Vec<_> = ctx.plan.code_spans[from..]
        .iter()
        .take_while(|c| c.start < within.end)
        .filter(|c| within.contains_range(**c))
        .map(|c| (*c, c.slice(ctx.source).trim_matches('`').trim()))
        .collect();
    if !spans.is_empty() {
        return spans;
    }
    vec![(within, field.value.trim().trim_matches('`'))]
}

fn report(out: &mut Sink<'_>, at: TextRange, path: &str, image: bool) {
    let (what, to) = if image {
        ("image", "")
    } else {
        ("link", " to")
    };
    out.report(at, format!("{what}{to} `{path}`, which does not exist"))
        .primary_label("no such file")
        .help(format!(
            "point the {what} at the file's current path, or remove it"
        ));
}

/// The file part of a relative link target, percent-escapes decoded;
/// `None` for URLs, anchors, mail links and absolute paths.
fn local_path(dest: &str) -> Option<String> {
    let dest = dest.trim().trim_start_matches('<').trim_end_matches('>');
    if dest.is_empty() || dest.starts_with('#') || dest.starts_with('/') || dest.starts_with('{') {
        return None;
    }
    let scheme_end = dest.find(':');
    let path_sep = dest.find('/');
    if let Some(colon) = scheme_end
        && path_sep.is_none_or(|slash| colon < slash)
    {
        return None;
    }
    let path = dest.split(['#', '?']).next().unwrap_or(dest);
    // A glob (`specs/*`) names a pattern, not a file.
    if path.is_empty() || path.contains(['*', '[']) {
        return None;
    }
    Some(percent_decode(path))
}

/// Whether a `Spec:` value is written as a file path, by the rule in the
/// module's documentation; anything else there is a note to a reader.
fn looks_like_path(ctx: &Context<'_>, value: &str) -> bool {
    if value.contains(char::is_whitespace) || value.contains(['[', '{', '<', '$', '|']) {
        return false;
    }
    if value.starts_with("./") || value.starts_with("../") {
        return true;
    }
    let Some((first, _)) = value.split_once('/') else {
        return extension(value).is_some_and(|e| e.eq_ignore_ascii_case("md"));
    };
    let last = value.rsplit('/').next().unwrap_or(value);
    extension(last).is_some() || (!first.is_empty() && (ctx.file_exists)(first))
}

/// The file extension of a path's last part: after its last dot, not a
/// leading one, of letters and digits with at least one letter.
fn extension(name: &str) -> Option<&str> {
    let (stem, ext) = name.rsplit_once('.')?;
    let ok = !stem.is_empty()
        && !ext.is_empty()
        && ext.len() <= 10
        && ext.bytes().all(|b| b.is_ascii_alphanumeric())
        && ext.bytes().any(|b| b.is_ascii_alphabetic());
    ok.then_some(ext)
}

pub(super) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}
