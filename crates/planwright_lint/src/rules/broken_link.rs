//! Flags a relative link, or the `Spec:` field, pointing at a file that
//! does not exist.
//!
//! ## What it does
//! Checks every link whose target is a relative path (not a URL, not an
//! anchor within the page) and the path in a `Spec:` metadata field,
//! resolved from the plan's own folder or, failing that, from the project
//! root (the folder of `planwright.toml`, or the current folder), where
//! `Spec:` paths are usually written from. Anchors (`#section`), queries
//! and glob patterns are ignored.
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

use planwright_core::TextRange;

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for link in &ctx.plan.links {
        if let Some(path) = local_path(&link.dest)
            && !(ctx.file_exists)(&path)
        {
            report(out, link.range, &path);
        }
    }
    if let Some(spec) = ctx.plan.field("spec") {
        let value = spec.value.trim().trim_matches('`');
        let is_link = ctx
            .plan
            .links
            .iter()
            .any(|l| spec.value_range.contains_range(l.range));
        if !is_link
            && looks_like_path(value)
            && let Some(path) = local_path(value)
            && !(ctx.file_exists)(&path)
        {
            report(out, spec.value_range, &path);
        }
    }
}

fn report(out: &mut Sink<'_>, at: TextRange, path: &str) {
    out.report(at, format!("link to `{path}`, which does not exist"))
        .primary_label("no such file")
        .help("point the link at the file's current path, or remove it");
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

fn looks_like_path(value: &str) -> bool {
    !value.contains(char::is_whitespace)
        && (value.contains('/')
            || std::path::Path::new(value)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md")))
        && !value.contains(['[', '{', '<', '$', '|'])
}

fn percent_decode(s: &str) -> String {
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
