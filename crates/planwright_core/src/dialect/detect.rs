//! Detection: which dialect a plan is written in, with the evidence.
//!
//! Every dialect's markers are scored against the plan: `text` markers by
//! one automaton over the source, the others against what the reader
//! already found (headings, fields, comments, the title, task ids) and the
//! file's name and path. The best score of at least [`THRESHOLD`] wins,
//! among dialects that something of their own template proves (see
//! `DialectSet::proven`); otherwise the plan is `generic`.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Dialect, DialectMatch, DialectSet, GENERIC, Marker, Origin};
use crate::model::{Plan, Text};

/// Least score a dialect needs before it is preferred to `generic`.
const THRESHOLD: u32 = 3;

impl DialectSet {
    /// Scores every dialect against the plan and picks the best.
    pub(crate) fn detect(
        &self,
        source: &str,
        plan: &Plan,
        file_name: Option<&str>,
        path: Option<&str>,
    ) -> DialectMatch {
        // Scores first, evidence only for the winner: describing every
        // dialect's hits was most of detection's allocations.
        let mut scores = vec![0u32; self.dialects.len()];
        // How many markers each dialect matched: see `proven`.
        let mut hits = vec![0u32; self.dialects.len()];
        // How many of its markers each dialect matched: see `own_template`.
        let mut matched = vec![0usize; self.dialects.len()];
        // Whether each dialect matched a marker that is not `common`.
        let mut own = vec![false; self.dialects.len()];
        let mut seen = vec![false; self.text_owner.len()];
        // Text markers in the order they first occur, for the evidence.
        let mut first_seen = Vec::new();
        self.text_markers.each_match(source, |p, _, _| {
            if std::mem::replace(&mut seen[p], true) {
                return;
            }
            let (d, m) = self.text_owner[p];
            let marker = &self.dialects[d].descriptor.detect[m];
            scores[d] += marker.weight;
            hits[d] += 1;
            matched[d] += 1;
            own[d] |= !marker.common;
            first_seen.push(p);
        });
        let signals = Signals::new(&self.key_slots, plan, source, file_name, path);
        for (d, dialect) in self.dialects.iter().enumerate() {
            let slots = &self.key_slots.of_marker[d];
            for ((marker, key), &slot) in dialect
                .descriptor
                .detect
                .iter()
                .zip(&self.marker_keys[d])
                .zip(slots)
            {
                if signals.matches(marker, key, slot) {
                    scores[d] += marker.weight;
                    hits[d] += marker.proof();
                    matched[d] += 1;
                    own[d] |= !marker.common;
                }
            }
        }
        // The best of those scoring enough without proof, to say why the
        // plan is none of them.
        let mut unproven: Option<(usize, u32)> = None;
        for (d, score) in scores.iter_mut().enumerate() {
            if !self.proven(d, hits[d], own[d]) {
                if *score >= THRESHOLD && unproven.is_none_or(|(_, s)| *score > s) {
                    unproven = Some((d, *score));
                }
                *score = 0;
            }
        }
        // Only a local dialect's template asks how many distinct headings
        // and fields the plan has: counted only then.
        let named = if self.any_local {
            Signals::named(plan)
        } else {
            0
        };
        let best = self
            .own_template(&scores, &matched, named)
            .map(|d| (d, &scores[d]))
            .or_else(|| {
                scores
                    .iter()
                    .enumerate()
                    .max_by(|(ia, a), (ib, b)| a.cmp(b).then(ib.cmp(ia)))
            });
        match best {
            Some((d, &score)) if score >= THRESHOLD => {
                let dialect = &self.dialects[d];
                let texts = first_seen
                    .iter()
                    .map(|&p| self.text_owner[p])
                    .filter(|&(owner, _)| owner == d)
                    .map(|(_, m)| {
                        let text = dialect.descriptor.detect[m].text.as_deref();
                        quoted("text ", text.unwrap_or(""))
                    });
                let signals = dialect
                    .descriptor
                    .detect
                    .iter()
                    .zip(&self.marker_keys[d])
                    .zip(&self.key_slots.of_marker[d])
                    .filter(|((marker, key), slot)| signals.matches(marker, key, **slot))
                    .filter_map(|((marker, _), _)| marker.describe());
                DialectMatch {
                    name: dialect.name().to_owned(),
                    score,
                    evidence: texts.chain(signals).collect(),
                }
            }
            _ => DialectMatch {
                name: GENERIC.to_owned(),
                score: 0,
                evidence: vec![match unproven {
                    Some((d, score)) => self.unproven_reason(d, score, own[d]),
                    None => "no dialect scored 3 or more".to_owned(),
                }],
            },
        }
    }
}

impl DialectSet {
    /// The project's own template (a local one) whose every marker the
    /// plan has, and whose markers name at least half of the plan's
    /// headings and fields (of `named`), the most markers first: a plan
    /// `new` made from it, or one that follows it as closely. It is read
    /// by that template even where a built-in scores more for sharing a
    /// few of its fields (`Issue`, `Author`, `Progress Log`): the project
    /// chose its own. A built-in's plan holds those few among many more,
    /// and stays the built-in's.
    fn own_template(&self, scores: &[u32], matched: &[usize], named: usize) -> Option<usize> {
        (0..self.dialects.len())
            .filter(|&d| {
                let markers = self.dialects[d].descriptor.detect.len();
                matches!(self.dialects[d].origin, Origin::Local(_))
                    && scores[d] >= THRESHOLD
                    && markers >= 2
                    && matched[d] == markers
                    && 2 * markers >= named
            })
            .max_by_key(|&d| (matched[d], std::cmp::Reverse(d)))
    }

    /// Whether markers worth `hits` (see [`Marker::proof`]), `own` when
    /// one of them is not [`Marker::common`], prove dialect `d`.
    ///
    /// Common names alone never do, however many: `Goals`, `Non-Goals`
    /// and `Success Metrics` are in plans that follow no template, and
    /// weighing them up made such plans an rfc or a roadmap, with that
    /// template's sections, fields and statuses reported as wrong. A
    /// dialect that requires sections or fields also needs two markers,
    /// common or not: one heading or field of its own may still be a name
    /// a hand-written plan happens to use. One proves a dialect that asks
    /// for nothing.
    fn unproven_reason(&self, d: usize, score: u32, own: bool) -> String {
        let name = self.dialects[d].name();
        if own {
            format!(
                "{name} scored {score} but matched one marker; a dialect that requires sections or metadata needs two"
            )
        } else {
            format!("{name} scored {score} from names plans share (`common` markers) alone")
        }
    }

    fn proven(&self, d: usize, hits: u32, own: bool) -> bool {
        let descriptor = &self.dialects[d].descriptor;
        let demands =
            !descriptor.required_sections.is_empty() || !descriptor.required_metadata.is_empty();
        own && hits >= if demands { 2 } else { 1 }
    }
}

/// The distinct heading, field and comment keys that markers test, each
/// with a slot in [`Signals::present`]; made once per dialect set.
#[derive(Debug, Default)]
pub(super) struct KeySlots {
    headings: FxHashMap<String, usize>,
    fields: FxHashMap<String, usize>,
    comments: FxHashMap<String, usize>,
    /// Each marker's slot, by dialect and marker (parallel to
    /// `marker_keys`): `None` for markers that test anything else.
    of_marker: Vec<Vec<Option<usize>>>,
    len: usize,
    /// Bit `n` set when some key is `n` bytes long (bit 63: 63 or more): a
    /// plan's heading or field of a length no key has is passed over
    /// without hashing it.
    lengths: u64,
}

fn length_bit(key: &str) -> u64 {
    1 << key.len().min(63)
}

impl KeySlots {
    pub(super) fn new(dialects: &[Arc<Dialect>], marker_keys: &[Vec<Text>]) -> Self {
        let mut slots = KeySlots::default();
        for (dialect, keys) in dialects.iter().zip(marker_keys) {
            let of_marker = dialect
                .descriptor
                .detect
                .iter()
                .zip(keys)
                .map(|(marker, key)| {
                    let map = match marker.test() {
                        Test::Heading(_) => &mut slots.headings,
                        Test::Field(_) => &mut slots.fields,
                        Test::Comment(_) => &mut slots.comments,
                        _ => return None,
                    };
                    let next = slots.len;
                    slots.lengths |= length_bit(key);
                    let slot = *map.entry(key.to_string()).or_insert(next);
                    slots.len = slots.len.max(slot + 1);
                    Some(slot)
                })
                .collect();
            slots.of_marker.push(of_marker);
        }
        slots
    }
}

/// What detection looks at, computed once per plan.
struct Signals<'a> {
    /// Which of [`KeySlots`]' keys the plan has, by slot.
    present: Vec<bool>,
    file_name: Option<&'a str>,
    path: Option<&'a str>,
    title: String,
    t_ids: bool,
    numbered_ids: bool,
}

impl<'a> Signals<'a> {
    fn new(
        slots: &KeySlots,
        plan: &'a Plan,
        source: &str,
        file_name: Option<&'a str>,
        path: Option<&'a str>,
    ) -> Self {
        let mut present = vec![false; slots.len];
        let mut mark = |map: &FxHashMap<String, usize>, key: &str| {
            if slots.lengths & length_bit(key) == 0 {
                return;
            }
            if let Some(&slot) = map.get(key) {
                present[slot] = true;
            }
        };
        for s in &plan.sections {
            mark(&slots.headings, &s.key);
        }
        for f in &plan.metadata {
            if f.style == crate::model::MetaStyle::Comment {
                mark(&slots.comments, &f.norm);
            } else {
                mark(&slots.fields, &f.norm);
            }
        }
        let explicit = plan.tasks.iter().filter(|t| t.explicit_id);
        let (mut t, mut numbered) = (0, 0);
        for task in explicit {
            if task.id.starts_with('T') {
                t += 1;
            } else if task.id.starts_with(|c: char| c.is_ascii_digit()) {
                numbered += 1;
            }
        }
        let total = plan.tasks.len().max(1);
        let title = plan
            .sections
            .iter()
            .find(|s| s.level == 1)
            .map(|s| {
                s.heading
                    .slice(source)
                    .trim_start_matches('#')
                    .trim()
                    .to_lowercase()
            })
            .unwrap_or_default();
        Self {
            present,
            file_name,
            path,
            title,
            t_ids: t >= 3 && t * 2 >= total,
            numbered_ids: numbered >= 3 && numbered * 2 >= total,
        }
    }

    /// How many distinct headings and fields (not comments) the plan has.
    fn named(plan: &Plan) -> usize {
        let headings: FxHashSet<&str> = plan.sections.iter().map(|s| s.key.as_str()).collect();
        let fields: FxHashSet<&str> = plan
            .metadata
            .iter()
            .filter(|f| f.style != crate::model::MetaStyle::Comment)
            .map(|f| f.norm.as_str())
            .collect();
        headings.len() + fields.len()
    }

    /// `key` is the marker's title in lower case; `slot`, for a heading,
    /// field or comment marker, its key's place in [`KeySlots`]. Text
    /// markers are matched in [`DialectSet::detect`], not here.
    fn matches(&self, m: &Marker, key: &str, slot: Option<usize>) -> bool {
        match m.test() {
            Test::Heading(_) | Test::Field(_) | Test::Comment(_) => {
                slot.is_some_and(|s| self.present[s])
            }
            Test::File(f) => self.file_name == Some(f),
            Test::Path(p) => self.path.is_some_and(|path| path.contains(p)),
            Test::Title(_) => self.title.starts_with(key),
            Test::TaskIds("T") => self.t_ids,
            Test::TaskIds("numbered") => self.numbered_ids,
            Test::TaskIds(_) | Test::None => false,
        }
    }
}

/// What a marker other than a `text` one looks at: the first of its
/// fields that is set, in this order.
pub(super) enum Test<'m> {
    Heading(&'m str),
    Field(&'m str),
    Comment(&'m str),
    File(&'m str),
    Path(&'m str),
    Title(&'m str),
    TaskIds(&'m str),
    None,
}

impl Marker {
    pub(super) fn test(&self) -> Test<'_> {
        if let Some(h) = &self.heading {
            Test::Heading(h)
        } else if let Some(f) = &self.field {
            Test::Field(f)
        } else if let Some(c) = &self.comment {
            Test::Comment(c)
        } else if let Some(f) = &self.file {
            Test::File(f)
        } else if let Some(p) = &self.path {
            Test::Path(p)
        } else if let Some(t) = &self.title {
            Test::Title(t)
        } else if let Some(t) = &self.task_ids {
            Test::TaskIds(t)
        } else {
            Test::None
        }
    }

    /// What a match of this marker is worth as proof: a file's name or
    /// path, or the ids of most of its tasks, speak for the whole file and
    /// are worth two; one heading, field, comment or text, one.
    fn proof(&self) -> u32 {
        match self.test() {
            Test::File(_) | Test::Path(_) | Test::TaskIds(_) => 2,
            _ => 1,
        }
    }

    /// The evidence line for a marker [`Signals::matches`] accepted.
    fn describe(&self) -> Option<String> {
        Some(match self.test() {
            Test::Heading(h) => quoted("heading ", h),
            Test::Field(f) => quoted("field ", f),
            Test::Comment(c) => quoted("comment ", c),
            Test::File(f) => quoted("file name ", f),
            Test::Path(p) => quoted("path contains ", p),
            Test::Title(t) => quoted("title starts with ", t),
            Test::TaskIds("T") => "tasks carry T### ids".to_owned(),
            Test::TaskIds("numbered") => "tasks carry numbered ids".to_owned(),
            Test::TaskIds(_) | Test::None => return None,
        })
    }
}

/// `label` then `text` as `{:?}` writes it, quoted and escaped. Every
/// winning plan describes its evidence so: the formatting machinery showed
/// in profiles, and markers are nearly always plain ASCII, which `{:?}`
/// only puts quotes around.
fn quoted(label: &str, text: &str) -> String {
    let plain = text
        .bytes()
        .all(|b| matches!(b, b' '..=b'~') && b != b'"' && b != b'\\');
    if !plain {
        return format!("{label}{text:?}");
    }
    let mut out = String::with_capacity(label.len() + text.len() + 2);
    out.push_str(label);
    out.push('"');
    out.push_str(text);
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use crate::parse;

    #[test]
    fn evidence_quotes_as_debug_does() {
        for text in [
            "Feature ID",
            "",
            "a \"b\" \\ c",
            "tab\there",
            "naïve",
            "it's",
            "~ ` {}",
        ] {
            assert_eq!(super::quoted("heading ", text), format!("heading {text:?}"));
        }
    }

    #[test]
    fn one_shared_name_does_not_make_a_plan_a_templates() {
        // `Feature ID` alone: many hand-written plans have one.
        let plan = parse("# Plan: Export\n\n**Feature ID:** F-12\n\n## Work\n\nText.\n");
        assert_eq!(plan.dialect.name, "generic", "{:?}", plan.dialect.evidence);
        // Why it is none, when it scored enough: a name plans share.
        assert_eq!(
            plan.dialect.evidence,
            ["design scored 3 from names plans share (`common` markers) alone"]
        );
        // With a second marker of the design template, it is one.
        let plan =
            parse("# Plan: Export\n\n**Feature ID:** F-12\n\n## Key Design Decisions\n\nText.\n");
        assert_eq!(plan.dialect.name, "design", "{:?}", plan.dialect.evidence);
    }

    /// A title, an intro, the given sections, and a closing `## Steps`.
    fn plan_with(head: &str, sections: &[&str]) -> crate::Plan {
        let mut src = format!("# Plan: Export\n\n{head}Move the export to the new queue.\n\n");
        for s in sections {
            src.push_str("## ");
            src.push_str(s);
            src.push_str("\n\nText.\n\n");
        }
        src.push_str("## Steps\n\n1. Do it.\n");
        parse(&src)
    }

    #[test]
    fn common_sections_alone_or_together_prove_no_dialect() {
        for sections in [
            &["Goals", "Non-Goals"][..],
            &[
                "Goals",
                "Non-Goals",
                "Alternatives Considered",
                "Observability",
            ],
            &["Acceptance Criteria", "Non-Goals", "Goals"],
            &[
                "Success Metrics",
                "Risk Assessment",
                "Resource Requirements",
            ],
            &["Prerequisites", "Definition of Done", "Rollback Plan"],
            // A PRD that keeps a log of its progress.
            &["Definition of Done", "Progress Log"],
            &["Project Structure", "Implementation Steps"],
            &["Architecture Overview", "Data Models", "Error Handling"],
        ] {
            let plan = plan_with("", sections);
            assert_eq!(
                plan.dialect.name, "generic",
                "{sections:?}: {:?}",
                plan.dialect.evidence
            );
        }
    }

    #[test]
    fn common_fields_and_sections_together_prove_no_dialect() {
        for (head, sections) in [
            ("**Plan Version**: 1.0\n\n", &["Success Metrics"][..]),
            (
                "**Issue:** #4\n**Author:** Ann\n\n",
                &["Definition of Done"],
            ),
            ("**Feature ID:** F-1\n\n", &["Architecture Overview"]),
            (
                "**Branch**: export\n**Input**: a spec\n\n",
                &["Project Structure"],
            ),
        ] {
            let plan = plan_with(head, sections);
            assert_eq!(
                plan.dialect.name, "generic",
                "{head:?} {sections:?}: {:?}",
                plan.dialect.evidence
            );
        }
    }

    #[test]
    fn a_marker_of_the_templates_own_lets_common_ones_count() {
        for (head, sections, dialect) in [
            (
                "",
                &["Goals", "Non-Goals", "Context / Background"][..],
                "rfc",
            ),
            (
                "",
                &["Goals", "Incremental Implementation Checklist"],
                "rfc",
            ),
            // The template's own spelling, with a non-breaking hyphen.
            ("", &["Goals", "Non\u{2011}Goals"], "rfc"),
            (
                "**Plan Version**: 1.0\n\n",
                &["Success Metrics", "Specification Reference"],
                "roadmap",
            ),
            (
                "<!-- FEATURE_DIR: specs/7 -->\n\n",
                &["Success Metrics"],
                "roadmap",
            ),
            (
                "**Issue:** #4\n**Author:** Ann\n\n",
                &["Progress Log"],
                "delivery",
            ),
            ("", &["Project Structure", "Technical Context"], "speckit"),
        ] {
            let plan = plan_with(head, sections);
            assert_eq!(
                plan.dialect.name, dialect,
                "{head:?} {sections:?}: {:?}",
                plan.dialect.evidence
            );
        }
    }

    #[test]
    fn a_common_file_name_proves_no_dialect() {
        let options = |file_name| crate::ParseOptions {
            file_name: Some(file_name),
            ..crate::ParseOptions::default()
        };
        let src = "# Tasks for the export\n\n## Error Handling\n\n- [ ] One\n- [ ] Two\n";
        for name in ["tasks.md", "design.md", "plan.md"] {
            let plan = crate::parse_with(src, &options(name));
            assert_eq!(
                plan.dialect.name, "generic",
                "{name}: {:?}",
                plan.dialect.evidence
            );
        }
    }

    #[test]
    fn ids_of_most_tasks_speak_for_the_whole_file() {
        let plan = parse("# Tasks\n\n- [ ] T001 One\n- [ ] T002 Two\n- [ ] T003 Three\n");
        assert_eq!(
            plan.dialect.name, "speckit-tasks",
            "{:?}",
            plan.dialect.evidence
        );
    }
}
