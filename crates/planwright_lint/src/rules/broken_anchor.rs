//! Flags a link to a place in the plan itself (`#phase-2-core`) that no
//! heading of the plan has.
//!
//! ## What it does
//! Checks every link whose target is an anchor within the page, such as a
//! table of contents' `[Phase 2](#phase-2-core)`, against the anchors the
//! plan's headings get when it is rendered. An anchor is a heading's text
//! in lower case, its punctuation and symbols dropped and each space made
//! a hyphen, a repeated heading's numbered `-1`, `-2` (GitHub's rule:
//! `## Testing & Validation` is `#testing--validation`). As renderers
//! differ in the details (GitLab merges hyphens, some drop a trailing
//! one), a link counts as pointing at a heading when its words alone,
//! case, punctuation and spacing aside, are the heading's words.
//!
//! Emoji shortcodes (`:rocket:`) are read as the emoji GitHub renders
//! them as, which no anchor keeps. Percent-escapes are read
//! (`#%E6%A6%82%E8%BF%B0`), and an anchor the
//! plan sets itself counts: an HTML `id` or `name` (`<a id="rollback">`)
//! or a `{#rollback}` attribute. `#top` is the top of the page, and
//! `#user-content-…` GitHub's own prefix. Links to another file's anchor
//! (`spec.md#scope`) are not checked: only that the file exists, by
//! PW301.
//!
//! A reference link (`[Rollout][r]` with `[r]: #rollout`) is reported
//! once, at its definition, where the anchor is written and is to be
//! changed; each link that uses it is labelled.
//!
//! ## Why
//! Headings get renamed (`Phase 2: Core` becomes `Phase 2: Core
//! Implementation ✅`) and removed; the table of contents and the "see
//! below" links that pointed at them then lead nowhere, silently.
//!
//! ## Example
//! ```markdown
//! 1. [Rollout](#rollout)
//!
//! ## Rollout and Monitoring
//! ```
//!
//! ## Fix
//! Point the link at the heading's anchor, or remove it. When one
//! heading's anchor is close to the link's, the finding names it, and
//! `--fix --unsafe-fixes` points the link at it: unsafe, as the closest
//! heading is a guess.

use planwright_core::edit::Edit;
use planwright_core::{
    Link, TextRange, closest_over, github_anchor, heading_text, loose_key, without_shortcodes,
};

use super::Sink;
use super::link_places::{Target, reference_uses, written_dest};
use crate::Context;
use crate::diagnostic::Applicability;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let mut targets: Option<Targets> = None;
    let references = reference_uses(ctx);
    for link in ctx.plan.links.iter().filter(|l| !l.image) {
        let Some(fragment) = in_page(&link.dest) else {
            continue;
        };
        // A reference link is judged at its definition, once for all the
        // links that use it.
        let Some(place) = references.target(link) else {
            continue;
        };
        let decoded = super::broken_link::percent_decode(fragment);
        let wanted = decoded.strip_prefix("user-content-").unwrap_or(&decoded);
        if wanted.is_empty() || wanted.eq_ignore_ascii_case("top") {
            continue;
        }
        let targets = targets.get_or_insert_with(|| Targets::of(ctx));
        if targets.has(ctx.source, wanted) {
            continue;
        }
        report(ctx, out, link, &place, fragment, targets.closest(wanted));
    }
}

/// The fragment of a link within the page: `phase-2` for `#phase-2`.
fn in_page(dest: &str) -> Option<&str> {
    dest.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .strip_prefix('#')
}

/// What a link within the plan may point at: every heading's anchor and
/// the words of its text.
struct Targets {
    anchors: Vec<String>,
    /// The heading's text and each anchor, as [`loose_key`] reads them.
    keys: Vec<String>,
}

impl Targets {
    fn of(ctx: &Context<'_>) -> Self {
        let mut anchors = ctx.plan.heading_anchors();
        let mut keys = Vec::with_capacity(anchors.len() * 2);
        for s in &ctx.plan.sections {
            let text = heading_text(s.number.as_deref(), &s.title);
            keys.push(loose_key(&text));
            // `:rocket:` renders as an emoji, which no anchor keeps.
            if let Some(bare) = without_shortcodes(&text) {
                keys.push(loose_key(&bare));
                anchors.push(github_anchor(&bare));
            }
        }
        keys.extend(anchors.iter().map(|a| loose_key(a)));
        Self { anchors, keys }
    }

    /// Whether `wanted` (decoded, without `#`) names a heading or an
    /// anchor the plan sets itself.
    fn has(&self, source: &str, wanted: &str) -> bool {
        if self.anchors.iter().any(|a| a.eq_ignore_ascii_case(wanted)) {
            return true;
        }
        let key = loose_key(wanted);
        if !key.is_empty() && self.keys.contains(&key) {
            return true;
        }
        // `<a id="x">`, `<span name='x'>`, `{#x}`: written out in full,
        // so a search of the text finds exactly these.
        ["id=\"", "id='", "name=\"", "name='", "{#"]
            .iter()
            .any(|open| {
                let close = match *open {
                    "{#" => "}",
                    o if o.ends_with('"') => "\"",
                    _ => "'",
                };
                source.contains(&format!("{open}{wanted}{close}"))
            })
    }

    /// The heading anchor `wanted` was most likely meant to be, if one is
    /// close.
    fn closest(&self, wanted: &str) -> Option<&str> {
        closest_over(wanted, self.anchors.iter().map(String::as_str), 0.8)
    }
}

fn report(
    ctx: &Context<'_>,
    out: &mut Sink<'_>,
    link: &Link,
    place: &Target<'_>,
    fragment: &str,
    closest: Option<&str>,
) {
    let report = place.report(
        out,
        format!("link to `#{fragment}`, which no heading in this plan has"),
        "no such heading",
    );
    let Some(closest) = closest else {
        report.help("point the link at a heading's anchor, or remove it");
        return;
    };
    let report = report.help(format!("did you mean `#{closest}`?"));
    // The fragment as written: in the link's parentheses, or after its
    // definition's colon.
    if let Some((at, _)) = written_dest(ctx.source, link, &format!("#{fragment}")) {
        let start = at + 1;
        let range = TextRange::new(start, start + fragment.len());
        report.fix(
            format!("point the link at `#{closest}`"),
            vec![Edit::replace(range, closest)],
            Applicability::Unsafe,
        );
    }
}
