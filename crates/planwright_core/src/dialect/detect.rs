//! Detection: which dialect a plan is written in, with the evidence.
//!
//! Every dialect's markers are scored against the plan: `text` markers by
//! one automaton over the source, the others against what the reader
//! already found (headings, fields, comments, the title, task ids) and the
//! file's name and path. The best score of at least [`THRESHOLD`] wins;
//! otherwise the plan is `generic`.

use rustc_hash::FxHashSet;

use super::{DialectMatch, DialectSet, GENERIC, Marker, Origin};
use crate::model::Plan;

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
        let mut seen = vec![false; self.text_owner.len()];
        // Text markers in the order they first occur, for the evidence.
        let mut first_seen = Vec::new();
        for found in self.text_markers.find_iter(source) {
            let p = found.pattern().as_usize();
            if std::mem::replace(&mut seen[p], true) {
                continue;
            }
            let (d, m) = self.text_owner[p];
            scores[d] += self.dialects[d].descriptor.detect[m].weight;
            hits[d] += 1;
            matched[d] += 1;
            first_seen.push(p);
        }
        let signals = Signals::new(plan, source, file_name, path);
        for (d, dialect) in self.dialects.iter().enumerate() {
            for (marker, key) in dialect.descriptor.detect.iter().zip(&self.marker_keys[d]) {
                if signals.matches(marker, key) {
                    scores[d] += marker.weight;
                    hits[d] += marker.proof();
                    matched[d] += 1;
                }
            }
        }
        for (d, score) in scores.iter_mut().enumerate() {
            if !self.proven(d, hits[d]) {
                *score = 0;
            }
        }
        let named = signals.headings.len() + signals.fields.len();
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
                        format!("text {:?}", text.unwrap_or(""))
                    });
                let signals = dialect
                    .descriptor
                    .detect
                    .iter()
                    .zip(&self.marker_keys[d])
                    .filter(|(marker, key)| signals.matches(marker, key))
                    .filter_map(|(marker, _)| marker.describe());
                DialectMatch {
                    name: dialect.name().to_owned(),
                    score,
                    evidence: texts.chain(signals).collect(),
                }
            }
            _ => DialectMatch {
                name: GENERIC.to_owned(),
                score: 0,
                evidence: vec!["no dialect scored 3 or more".to_owned()],
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

    /// Whether markers worth `hits` (see [`Marker::proof`]) prove dialect
    /// `d`. A dialect that requires sections or fields needs two: one
    /// heading or field (`Feature ID`, `Goals`) is a name hand-written
    /// plans share, and reading such a plan by a template it never
    /// followed reports that template's sections and fields as missing.
    /// One proves a dialect that asks for nothing.
    fn proven(&self, d: usize, hits: u32) -> bool {
        let descriptor = &self.dialects[d].descriptor;
        let demands =
            !descriptor.required_sections.is_empty() || !descriptor.required_metadata.is_empty();
        hits >= if demands { 2 } else { 1 }
    }
}

/// What detection looks at, computed once per plan.
struct Signals<'a> {
    headings: FxHashSet<&'a str>,
    fields: FxHashSet<&'a str>,
    comments: FxHashSet<&'a str>,
    file_name: Option<&'a str>,
    path: Option<&'a str>,
    title: String,
    t_ids: bool,
    numbered_ids: bool,
}

impl<'a> Signals<'a> {
    fn new(
        plan: &'a Plan,
        source: &str,
        file_name: Option<&'a str>,
        path: Option<&'a str>,
    ) -> Self {
        let mut fields = FxHashSet::default();
        let mut comments = FxHashSet::default();
        for f in &plan.metadata {
            if f.style == crate::model::MetaStyle::Comment {
                comments.insert(f.norm.as_str());
            } else {
                fields.insert(f.norm.as_str());
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
            headings: plan.sections.iter().map(|s| s.key.as_str()).collect(),
            fields,
            comments,
            file_name,
            path,
            title,
            t_ids: t >= 3 && t * 2 >= total,
            numbered_ids: numbered >= 3 && numbered * 2 >= total,
        }
    }

    /// `key` is the marker's normalised heading, field or comment name, or
    /// its title in lower case. Text markers are matched in
    /// [`DialectSet::detect`], not here.
    fn matches(&self, m: &Marker, key: &str) -> bool {
        match m.test() {
            Test::Heading(_) => self.headings.contains(key),
            Test::Field(_) => self.fields.contains(key),
            Test::Comment(_) => self.comments.contains(key),
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
            Test::Heading(h) => format!("heading {h:?}"),
            Test::Field(f) => format!("field {f:?}"),
            Test::Comment(c) => format!("comment {c:?}"),
            Test::File(f) => format!("file name {f:?}"),
            Test::Path(p) => format!("path contains {p:?}"),
            Test::Title(t) => format!("title starts with {t:?}"),
            Test::TaskIds("T") => "tasks carry T### ids".to_owned(),
            Test::TaskIds("numbered") => "tasks carry numbered ids".to_owned(),
            Test::TaskIds(_) | Test::None => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::parse;

    #[test]
    fn one_shared_name_does_not_make_a_plan_a_templates() {
        // `Feature ID` alone: many hand-written plans have one.
        let plan = parse("# Plan: Export\n\n**Feature ID:** F-12\n\n## Work\n\nText.\n");
        assert_eq!(plan.dialect.name, "generic", "{:?}", plan.dialect.evidence);
        // With a second marker of the design template, it is one.
        let plan =
            parse("# Plan: Export\n\n**Feature ID:** F-12\n\n## Key Design Decisions\n\nText.\n");
        assert_eq!(plan.dialect.name, "design", "{:?}", plan.dialect.evidence);
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
