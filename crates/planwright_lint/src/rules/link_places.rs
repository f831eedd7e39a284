//! Where a link's finding goes and where its destination is written, for
//! the rules that check links (PW301 files, PW302 anchors). A reference
//! link (`[the design][design]`) is judged once, at its definition
//! (`[design]: docs/design.md`): that is where its destination is written
//! and is to be changed, and each link that uses it is labelled.

use std::collections::HashMap;

use planwright_core::{Link, TextRange};

use super::{Report, Sink};
use crate::Context;

/// Where a link's finding is reported: the link, or for a reference link
/// its definition, the uses of which are labelled.
pub(super) struct Target<'a> {
    pub(super) at: TextRange,
    /// The links that use the definition `at` is; empty for an inline
    /// link.
    pub(super) uses: &'a [TextRange],
    pub(super) image: bool,
}

impl Target<'_> {
    /// The article and noun for what is reported: `a link`, `an image`.
    pub(super) fn what(&self) -> (&'static str, &'static str) {
        if self.image {
            ("an", "image")
        } else {
            ("a", "link")
        }
    }

    /// Reports the diagnostic with one label per use of a definition.
    pub(super) fn report<'o>(
        &self,
        out: &'o mut Sink<'_>,
        message: String,
        label: &str,
    ) -> Report<'o> {
        let mut report = out.report(self.at, message).primary_label(label);
        for at in self.uses {
            report = report.label(*at, "used here");
        }
        report
    }
}

/// The links that use one reference definition.
struct Uses {
    /// In source order.
    links: Vec<TextRange>,
    /// Whether all of them are images: the definition is then an image's.
    images: bool,
}

/// The links that use each reference definition, by the definition's
/// range. Most plans have no reference link: then the map stays empty.
pub(super) fn reference_uses(ctx: &Context<'_>) -> ReferenceUses {
    let mut uses: HashMap<TextRange, Uses> = HashMap::new();
    for link in &ctx.plan.links {
        if let Some(def) = link.definition {
            let entry = uses.entry(def).or_insert(Uses {
                links: Vec::new(),
                images: true,
            });
            entry.links.push(link.range);
            entry.images &= link.image;
        }
    }
    ReferenceUses(uses)
}

/// The links that use each reference definition (see [`reference_uses`]).
pub(super) struct ReferenceUses(HashMap<TextRange, Uses>);

impl ReferenceUses {
    /// Where `link` is judged: the link itself, or for a reference link
    /// its definition, once, at its first use. `None` for a later use of
    /// a definition, judged already.
    pub(super) fn target(&self, link: &Link) -> Option<Target<'_>> {
        let Some(def) = link.definition else {
            return Some(Target {
                at: link.range,
                uses: &[],
                image: link.image,
            });
        };
        let used = self.0.get(&def)?;
        (used.links.first() == Some(&link.range)).then(|| Target {
            at: def,
            uses: &used.links,
            image: used.images,
        })
    }
}

/// Where `path` is written as `link`'s destination, and whether in angle
/// brackets (`<docs/b c.md>`): in the link's own parentheses, or after
/// the colon of a reference link's definition. `None` where the path is
/// written otherwise (escaped, percent-encoded) or, in a link's text,
/// twice: no fix can be sure of its place.
pub(super) fn written_dest(source: &str, link: &Link, path: &str) -> Option<(usize, bool)> {
    let Some(def) = link.definition else {
        return written_in_link(source, link, &format!("]({path}"), 2)
            .map(|at| (at, false))
            .or_else(|| {
                written_in_link(source, link, &format!("](<{path}"), 3).map(|at| (at, true))
            });
    };
    // A label holds no unescaped `]`: the first `]:` ends it, or the
    // destination read after it does not match and nothing is written.
    let text = def.slice(source);
    let colon = text.find("]:")? + 2;
    let rest = &text[colon..];
    let lead = rest.len() - rest.trim_start().len();
    let rest = &rest[lead..];
    let (angled, rest) = match rest.strip_prefix('<') {
        Some(inner) => (true, inner),
        None => (false, rest),
    };
    let end = rest.get(path.len()..)?;
    let ends = if angled {
        end.starts_with(['>', '#', '?'])
    } else {
        end.is_empty() || end.starts_with(|c: char| c.is_whitespace() || c == '#' || c == '?')
    };
    (rest.starts_with(path) && ends).then(|| {
        (
            def.start as usize + colon + lead + usize::from(angled),
            angled,
        )
    })
}

/// Where `needle` stands in `link`'s own text, once, plus `skip` (the
/// length of what opens the needle before the part to replace): `None`
/// for a reference-style link, whose target is written elsewhere and is
/// left alone, or text written twice, which no fix can choose between.
pub(super) fn written_in_link(
    source: &str,
    link: &Link,
    needle: &str,
    skip: usize,
) -> Option<usize> {
    let mut found = link.range.slice(source).match_indices(needle);
    match (found.next(), found.next()) {
        (Some((at, _)), None) => Some(link.range.start as usize + at + skip),
        _ => None,
    }
}
