//! Flags a relative link or image, or a `Spec:` field, pointing at a file
//! that does not exist.
//!
//! ## What it does
//! Checks every link and image whose target is a relative path (not a
//! URL, not an anchor within the page) and the paths in every `Spec:` or
//! `Specification:` field (the plan's, a phase's or a list item's; each
//! path in code spans, or else the whole value). Anchors (`#section`),
//! queries and glob patterns are ignored.
//!
//! A link is followed from the plan's own folder, as GitHub and editors
//! follow it. A link whose path names a file only from the project root
//! (the folder of `planwright.toml`, or the current folder) or the plan's
//! repository (the nearest folder above it holding `.git`) is broken where
//! it is read, and reported as such, with the path from the plan's folder;
//! `--fix --unsafe-fixes` writes it. A `Spec:` value is plain text, not a
//! link, and is usually written from the root: it is found from any of
//! the three folders.
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
//! A reference link (`[the design][design]`) is reported once, at its
//! definition (`[design]: docs/design.md`), where its path is written and
//! is to be changed; each link that uses it is labelled. A path in angle
//! brackets (`[z](<docs/b c.md>)`) is fixed inside them.
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

use planwright_core::edit::Edit;
use planwright_core::{Link, MetaField, TextRange};

use super::Sink;
use super::link_places::{Target, reference_uses, written_dest};
use crate::diagnostic::Applicability;
use crate::{Context, Location};

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let references = reference_uses(ctx);
    for link in &ctx.plan.links {
        let Some(path) = local_path(&link.dest) else {
            continue;
        };
        // A reference link is judged at its definition, once for all the
        // links that use it: that is where its path is written.
        let Some(target) = references.target(link) else {
            continue;
        };
        match (ctx.locate)(&path) {
            Location::Beside => {}
            Location::Missing => report_missing(&target, out, &path),
            Location::Elsewhere { from_plan } => {
                from_root(ctx, out, link, &target, &path, from_plan.as_deref());
            }
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
                && !(ctx.locate)(&path).exists()
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
    let target = Target {
        at,
        uses: &[],
        image,
    };
    report_missing(&target, out, path);
}

fn report_missing(target: &Target<'_>, out: &mut Sink<'_>, path: &str) {
    let (_, what) = target.what();
    let to = if target.image { "" } else { " to" };
    target
        .report(
            out,
            format!("{what}{to} `{path}`, which does not exist"),
            "no such file",
        )
        .help(format!(
            "point the {what} at the file's current path, or remove it"
        ));
}

/// A link whose path names a file from the project root or repository
/// but not from the plan's folder, where GitHub and editors follow it:
/// broken where it is read, though the file is there. The fix writes the
/// path from the plan's folder where the path is written (the link's
/// parentheses, or a reference link's definition); unsafe, as the author
/// may have meant a file beside the plan that is still to be written.
fn from_root(
    ctx: &Context<'_>,
    out: &mut Sink<'_>,
    link: &Link,
    target: &Target<'_>,
    path: &str,
    from_plan: Option<&str>,
) {
    let (article, what) = target.what();
    let report = target.report(
        out,
        format!("{what} to `{path}`, which is not beside the plan"),
        "followed from the plan's folder",
    );
    let why = format!(
        "`{path}` names a file from the project root, but {article} {what} is followed from the plan's own folder"
    );
    match (from_plan, written_dest(ctx.source, link, path)) {
        (Some(to), Some((start, angled))) if writable(to, angled) => {
            report.help(why).fix(
                format!("write `{to}`"),
                vec![Edit::replace(TextRange::new(start, start + path.len()), to)],
                Applicability::Unsafe,
            );
        }
        (Some(to), _) => {
            report.help(format!("{why}: write `{to}`"));
        }
        (None, _) => {
            report.help(why);
        }
    }
}

/// Whether `to` may stand as written in a destination: in angle brackets
/// anything but a bracket, a backslash or a line break; bare, nothing a
/// bare destination would end at or need escaped.
fn writable(to: &str, angled: bool) -> bool {
    if angled {
        !to.contains(['<', '>', '\\', '\n', '\r'])
    } else {
        !to.contains(|c: char| c.is_whitespace() || "()<>\\".contains(c))
    }
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
    extension(last).is_some() || (!first.is_empty() && (ctx.locate)(first).exists())
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
