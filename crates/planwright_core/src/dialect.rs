//! Dialects are data: a descriptor (TOML) plus, optionally, a template.
//!
//! The built-in dialects are compiled in from `data/dialects/`; a user's own
//! templates in `.planwright/templates/` go through exactly the same type, so
//! detection, required sections and status values work the same for both.

use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashSet;
use serde::Deserialize;

use crate::model::{Plan, normalize_key};
use crate::roles::{Role, normalize_heading};

/// The descriptor of one dialect, as written in its TOML file.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Descriptor {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// File name of the template, relative to the descriptor.
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default = "default_status_field")]
    pub status_field: String,
    #[serde(default)]
    pub status_values: Vec<String>,
    #[serde(default)]
    pub initial_status: Option<String>,
    /// Status values that claim the work is finished.
    #[serde(default)]
    pub done_status: Vec<String>,
    /// Role names (see `roles.toml`) a plan of this dialect must have.
    #[serde(default)]
    pub required_sections: Vec<String>,
    /// Normalised metadata keys a plan of this dialect must have.
    #[serde(default)]
    pub required_metadata: Vec<String>,
    /// Placeholder kinds the template uses.
    #[serde(default)]
    pub placeholders: Vec<String>,
    /// Whether plans of this dialect mark work in progress with `[-]`, so
    /// that `planwright done --start` may write one into them.
    #[serde(default)]
    pub in_progress_marks: bool,
    #[serde(default)]
    pub detect: Vec<Marker>,
    /// How `planwright new` fills this template's slots beyond its defaults:
    /// slot name → value, where `{title}`, `{number}`, `{slug}`... name
    /// planwright's own variables (`feature_id = "{number}"`).
    #[serde(default)]
    pub fill: BTreeMap<String, String>,
}

fn default_status_field() -> String {
    "status".to_owned()
}

/// One piece of evidence for a dialect, with its weight.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Marker {
    /// A heading whose normalised text equals this.
    pub heading: Option<String>,
    /// A metadata key (bold line or front matter).
    pub field: Option<String>,
    /// An HTML comment field `<!-- KEY: ... -->`.
    pub comment: Option<String>,
    /// Literal text anywhere in the source.
    pub text: Option<String>,
    /// The file's name.
    pub file: Option<String>,
    /// Text found in the file's path (`.kiro/specs/`).
    pub path: Option<String>,
    /// The plan title starts with this word.
    pub title: Option<String>,
    /// `T` when most tasks carry `T001` ids, `numbered` for `1.2` ids.
    pub task_ids: Option<String>,
    #[serde(default = "one")]
    pub weight: u32,
}

fn one() -> u32 {
    1
}

#[derive(Debug, thiserror::Error)]
pub enum DialectError {
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    #[error("unknown section role `{role}` in required_sections")]
    UnknownRole { role: String },
}

/// Where a dialect came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    /// A user template; the string is its path as the user would write it.
    Local(String),
}

/// A dialect ready for use: its descriptor and template text.
#[derive(Debug)]
pub struct Dialect {
    pub descriptor: Descriptor,
    pub template: Option<String>,
    pub origin: Origin,
    pub required_roles: Vec<Role>,
    instruction_text: OnceLock<HashSet<String>>,
    /// First words of the instruction texts: a block whose first word is not
    /// among them cannot match, and needs no normalising.
    instruction_starts: OnceLock<HashSet<String>>,
}

impl Dialect {
    pub fn new(
        descriptor: Descriptor,
        template: Option<String>,
        origin: Origin,
    ) -> Result<Self, DialectError> {
        let required_roles = descriptor
            .required_sections
            .iter()
            .map(|r| {
                Role::from_name(r).ok_or_else(|| DialectError::UnknownRole { role: r.clone() })
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            descriptor,
            template,
            origin,
            required_roles,
            instruction_text: OnceLock::new(),
            instruction_starts: OnceLock::new(),
        })
    }

    pub fn from_toml(
        toml_text: &str,
        template: Option<String>,
        origin: Origin,
    ) -> Result<Self, DialectError> {
        Self::new(toml::from_str(toml_text)?, template, origin)
    }

    pub fn name(&self) -> &str {
        &self.descriptor.name
    }

    /// Whether `value` is one of the dialect's status values (any case).
    pub fn status_allowed(&self, value: &str) -> bool {
        self.descriptor.status_values.is_empty()
            || self
                .descriptor
                .status_values
                .iter()
                .any(|v| normalize_key(v) == normalize_key(value))
    }

    pub fn status_is_done(&self, value: &str) -> bool {
        self.descriptor
            .done_status
            .iter()
            .any(|v| normalize_key(v) == normalize_key(value))
    }

    /// Normalised texts of the template's instruction paragraphs and items:
    /// a plan that still contains one has left the template's words in.
    pub fn instruction_text(&self) -> &HashSet<String> {
        self.instruction_text.get_or_init(|| {
            let Some(template) = &self.template else {
                return HashSet::new();
            };
            let plan = crate::parse::parse_plain(template);
            plan.blocks
                .iter()
                .filter(|b| {
                    !plan
                        .placeholders
                        .iter()
                        .any(|p| b.range.contains_range(p.range))
                        && !plan.tasks.iter().any(|t| t.range.contains_range(b.range))
                        && !plan
                            .metadata
                            .iter()
                            .any(|m| b.range.contains_range(m.range))
                })
                .map(|b| normalize_text(b.range.slice(template)))
                .filter(|t| is_instruction(t))
                .collect()
        })
    }
}

impl Dialect {
    /// Whether a block starting with `word` (emphasis trimmed) may be left
    /// template text.
    pub(crate) fn may_be_instruction(&self, word: &str) -> bool {
        self.instruction_starts
            .get_or_init(|| {
                self.instruction_text()
                    .iter()
                    .filter_map(|t| t.split(' ').next())
                    .map(str::to_owned)
                    .collect()
            })
            .contains(word)
    }
}

/// Whether a template block reads as an instruction to the author (a
/// sentence, or `Improve ...` filler) rather than a label such as
/// `Before starting implementation:` or a value such as `Default: disabled`
/// that a finished plan may well keep.
fn is_instruction(text: &str) -> bool {
    text.contains("...") || (text.split(' ').count() >= 4 && !text.ends_with(':'))
}

/// Whitespace folded to single spaces, list markers and emphasis removed.
pub fn normalize_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c| c == '*' || c == '_');
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The dialect a plan was read as, with the evidence that decided it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DialectMatch {
    /// `generic` when nothing fitted.
    pub name: String,
    pub score: u32,
    pub evidence: Vec<String>,
}

pub const GENERIC: &str = "generic";

/// Least score a dialect needs before it is preferred to `generic`.
const THRESHOLD: u32 = 3;

/// The dialects planwright knows in one run: built-ins, then local ones.
#[derive(Debug)]
pub struct DialectSet {
    dialects: Vec<Arc<Dialect>>,
    /// One automaton over every `text` marker of every dialect. Leftmost-
    /// first matching lets aho-corasick use its SIMD prefilter; the
    /// standard (overlapping) kind cannot, and cost ~21 instructions a byte.
    text_markers: AhoCorasick,
    /// (dialect index, marker index) for each automaton pattern.
    text_owner: Vec<(usize, usize)>,
    /// Each marker's heading, field or comment name (normalised) or title
    /// (lower-cased), made once here rather than for every file; parallel
    /// to each descriptor's `detect`.
    marker_keys: Vec<Vec<crate::model::Text>>,
}

const BUILTIN: &[(&str, &str, Option<&str>)] = &[
    (
        "speckit",
        include_str!("../data/dialects/speckit.toml"),
        Some(include_str!("../data/dialects/speckit.md")),
    ),
    (
        "design",
        include_str!("../data/dialects/design.toml"),
        Some(include_str!("../data/dialects/design.md")),
    ),
    (
        "delivery",
        include_str!("../data/dialects/delivery.toml"),
        Some(include_str!("../data/dialects/delivery.md")),
    ),
    (
        "rfc",
        include_str!("../data/dialects/rfc.toml"),
        Some(include_str!("../data/dialects/rfc.md")),
    ),
    (
        "roadmap",
        include_str!("../data/dialects/roadmap.toml"),
        Some(include_str!("../data/dialects/roadmap.md")),
    ),
    (
        "speckit-tasks",
        include_str!("../data/dialects/speckit-tasks.toml"),
        None,
    ),
    ("kiro", include_str!("../data/dialects/kiro.toml"), None),
];

/// The names of the five template dialects, in the order of the seeds.
pub const TEMPLATE_DIALECTS: [&str; 5] = ["speckit", "design", "delivery", "rfc", "roadmap"];

impl DialectSet {
    /// The built-in dialects only; shared, built once.
    pub fn builtin() -> &'static DialectSet {
        static SET: OnceLock<DialectSet> = OnceLock::new();
        SET.get_or_init(|| {
            let dialects = BUILTIN
                .iter()
                .map(|(name, toml_text, template)| {
                    // The built-in descriptors are tested; failing here is a
                    // build defect, not a user error.
                    Dialect::from_toml(toml_text, template.map(str::to_owned), Origin::Builtin)
                        .unwrap_or_else(|e| panic!("built-in dialect {name}: {e}"))
                })
                .map(Arc::new)
                .collect();
            DialectSet::new(dialects)
        })
    }

    /// Built-ins plus `local`, where a local dialect of the same name
    /// shadows the built-in one.
    pub fn with_local(local: Vec<Dialect>) -> DialectSet {
        let mut dialects: Vec<Arc<Dialect>> = Self::builtin()
            .dialects
            .iter()
            .filter(|d| !local.iter().any(|l| l.name() == d.name()))
            .cloned()
            .collect();
        dialects.extend(local.into_iter().map(Arc::new));
        DialectSet::new(dialects)
    }

    fn new(dialects: Vec<Arc<Dialect>>) -> Self {
        let mut patterns = Vec::new();
        let mut text_owner = Vec::new();
        for (d, dialect) in dialects.iter().enumerate() {
            for (m, marker) in dialect.descriptor.detect.iter().enumerate() {
                if let Some(text) = marker.text.as_deref().filter(|t| !t.is_empty()) {
                    patterns.push(text);
                    text_owner.push((d, m));
                }
            }
        }
        let text_markers = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            // Built at every start: an NFA builds in far fewer instructions
            // than a DFA (0.9 M of `lint ONE_FILE`'s 7.8 M), and costs no
            // more per plan, the SIMD prefilter doing the searching.
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<&str>::new()).expect("empty automaton"));
        let marker_keys = dialects
            .iter()
            .map(|d| {
                d.descriptor
                    .detect
                    .iter()
                    .map(|m| match m.test() {
                        Test::Heading(h) => normalize_heading(h),
                        Test::Field(k) | Test::Comment(k) => normalize_key(k),
                        Test::Title(t) => t.to_lowercase().into(),
                        _ => crate::model::Text::default(),
                    })
                    .collect()
            })
            .collect();
        Self {
            dialects,
            text_markers,
            text_owner,
            marker_keys,
        }
    }

    pub fn get(&self, name: &str) -> Option<&Dialect> {
        self.dialects
            .iter()
            .find(|d| d.name() == name)
            .map(AsRef::as_ref)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Dialect> {
        self.dialects.iter().map(AsRef::as_ref)
    }

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
            first_seen.push(p);
        }
        let signals = Signals::new(plan, source, file_name, path);
        for (d, dialect) in self.dialects.iter().enumerate() {
            for (marker, key) in dialect.descriptor.detect.iter().zip(&self.marker_keys[d]) {
                if signals.matches(marker, key) {
                    scores[d] += marker.weight;
                }
            }
        }
        let best = scores
            .iter()
            .enumerate()
            .max_by(|(ia, a), (ib, b)| a.cmp(b).then(ib.cmp(ia)));
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
enum Test<'m> {
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
    fn test(&self) -> Test<'_> {
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
    use super::*;

    #[test]
    fn builtin_descriptors_load_and_name_known_roles() {
        let set = DialectSet::builtin();
        let names: Vec<&str> = set.iter().map(Dialect::name).collect();
        assert_eq!(
            names,
            [
                "speckit",
                "design",
                "delivery",
                "rfc",
                "roadmap",
                "speckit-tasks",
                "kiro"
            ]
        );
        for d in set.iter() {
            for kind in &d.descriptor.placeholders {
                assert!(
                    crate::model::PlaceholderKind::from_name(kind).is_some(),
                    "{}: unknown placeholder kind {kind}",
                    d.name()
                );
            }
        }
    }

    #[test]
    fn unknown_role_in_descriptor_is_an_error() {
        let err = Dialect::from_toml(
            "name = \"x\"\nrequired_sections = [\"nonsense\"]",
            None,
            Origin::Builtin,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown section role `nonsense` in required_sections"
        );
    }

    #[test]
    fn delivery_template_instruction_text_is_known() {
        let d = DialectSet::builtin().get("delivery").unwrap();
        assert!(
            d.instruction_text()
                .contains("Brief summary of the implementation approach.")
        );
    }
}
