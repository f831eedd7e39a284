//! Dialects are data: a descriptor (TOML) plus, optionally, a template.
//!
//! The built-in dialects are compiled in from `data/dialects/`; a user's own
//! templates in `.planwright/templates/` go through exactly the same type, so
//! detection, required sections and status values work the same for both.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashSet;
use serde::Deserialize;

use crate::model::normalize_key;
use crate::roles::{Role, normalize_heading};

mod check;
pub mod de;
mod detect;
mod instructions;
#[cfg(test)]
mod instructions_tests;
use detect::Test;

/// The descriptor of one dialect, as written in its TOML file.
// `expecting` and the [`de`] readers put serde's `expected struct
// Descriptor` and `expected a sequence` in words a TOML user knows.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, expecting = "a table")]
pub struct Descriptor {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// File name of the template, relative to the descriptor.
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default = "default_status_field")]
    pub status_field: String,
    #[serde(default, deserialize_with = "de::strings")]
    pub status_values: Vec<String>,
    #[serde(default)]
    pub initial_status: Option<String>,
    /// Status values that claim the work is finished.
    #[serde(default, deserialize_with = "de::strings")]
    pub done_status: Vec<String>,
    /// Role names (see `roles.toml`) a plan of this dialect must have.
    #[serde(default, deserialize_with = "de::strings")]
    pub required_sections: Vec<String>,
    /// Normalised metadata keys a plan of this dialect must have.
    #[serde(default, deserialize_with = "de::strings")]
    pub required_metadata: Vec<String>,
    /// Placeholder kinds the template uses.
    #[serde(default, deserialize_with = "de::strings")]
    pub placeholders: Vec<String>,
    /// Whether plans of this dialect mark work in progress with `[-]`, so
    /// that `planwright done --start` may write one into them.
    #[serde(default)]
    pub in_progress_marks: bool,
    #[serde(default, deserialize_with = "de::detect")]
    pub detect: Vec<Marker>,
    /// How `planwright new` fills this template's slots beyond its defaults:
    /// slot name → value, where `{title}`, `{number}`, `{slug}`... name
    /// planwright's own variables (`feature_id = "{number}"`).
    #[serde(default, deserialize_with = "de::fill")]
    pub fill: BTreeMap<String, String>,
}

fn default_status_field() -> String {
    "status".to_owned()
}

/// One piece of evidence for a dialect, with its weight: exactly one
/// test (`heading`, `field`, ...), checked when the dialect is made.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, expecting = "a table")]
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
    #[serde(default = "one", deserialize_with = "de::weight")]
    pub weight: u32,
    /// A name plans use whatever template they follow, or none (`Goals`,
    /// `Success Metrics`, `Author`, a file called `plan.md`): it adds its
    /// weight to a dialect that a marker of the template's own has
    /// matched, but proves nothing by itself or with other common ones.
    /// Reading a hand-written plan by a template it never followed reports
    /// that template's sections, fields and statuses as wrong.
    #[serde(default)]
    pub common: bool,
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
    #[error("unknown placeholder kind `{kind}` in placeholders; known: {known}")]
    UnknownPlaceholder { kind: String, known: String },
    #[error("{key} = \"{value}\" is not among status_values ({listed})")]
    StatusNotListed {
        key: &'static str,
        value: String,
        listed: String,
    },
    /// A `[[detect]]` entry that could never match, or whose tests would
    /// silently be all but one ignored; `index` is its place among them.
    #[error("detect[{index}]{}: {problem}", key.map(|k| format!(".{k}")).unwrap_or_default())]
    Marker {
        index: usize,
        key: Option<&'static str>,
        problem: String,
    },
}

impl DialectError {
    /// The descriptor key the error is about, to point at its line.
    pub fn key(&self) -> Option<&'static str> {
        match self {
            Self::Toml(_) => None,
            Self::UnknownRole { .. } => Some("required_sections"),
            Self::UnknownPlaceholder { .. } => Some("placeholders"),
            Self::StatusNotListed { key, .. } => Some(key),
            Self::Marker { .. } => Some("detect"),
        }
    }
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
    /// Fx-hashed: looked up for blocks of every plan of the dialect, where
    /// std's hasher showed in profiles.
    instruction_text: OnceLock<FxHashSet<String>>,
    /// The template read as a plan, once something asks about it.
    template_plan: OnceLock<Option<crate::Plan>>,
    /// First words of the instruction texts: a block whose first word is not
    /// among them cannot match, and needs no normalising.
    instruction_starts: OnceLock<FxHashSet<String>>,
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
        check::values(&descriptor)?;
        check::markers(&descriptor)?;
        Ok(Self {
            descriptor,
            template,
            origin,
            required_roles,
            instruction_text: OnceLock::new(),
            template_plan: OnceLock::new(),
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

    /// How the dialect spells the status `value` names (any case, `_`,
    /// `-` or spaces): as typed when it lists that spelling, else its first
    /// spelling of that value. `None` for a value it does not list.
    pub fn status_spelling<'a>(&'a self, value: &'a str) -> Option<&'a str> {
        let values = &self.descriptor.status_values;
        let wanted = normalize_key(value);
        let first = values.iter().find(|v| normalize_key(v) == wanted)?;
        Some(values.iter().find(|v| v.as_str() == value).unwrap_or(first))
    }

    pub fn status_is_done(&self, value: &str) -> bool {
        self.descriptor
            .done_status
            .iter()
            .any(|v| normalize_key(v) == normalize_key(value))
    }

    fn template_plan(&self) -> Option<(&str, &crate::Plan)> {
        let template = self.template.as_deref()?;
        let plan = self
            .template_plan
            .get_or_init(|| Some(crate::parse::parse_plain(template)))
            .as_ref()?;
        Some((template, plan))
    }

    /// How the template writes the header field `key` (any spelling):
    /// `**Feature ID:** [ID]`, `<!-- FEATURE_ID: … -->`; what a plan
    /// lacking the field is told to add.
    pub fn template_field(&self, key: &str) -> Option<&str> {
        let (template, plan) = self.template_plan()?;
        Some(plan.field(key)?.range.slice(template))
    }

    /// Normalised texts of the template's instruction paragraphs and items:
    /// a plan that still contains one has left the template's words in.
    pub fn instruction_text(&self) -> &FxHashSet<String> {
        self.instruction_text.get_or_init(|| {
            // A built-in template's, read at development time (see
            // `instructions.rs`): reading the template as a plan on every
            // run was an eighth of `lint` on one plan.
            let builtin = (self.origin == Origin::Builtin)
                .then(|| instructions::of(self.name()))
                .flatten();
            match builtin {
                Some(texts) => texts.iter().map(|&t| t.to_owned()).collect(),
                None => self.template_instructions(),
            }
        })
    }

    /// [`Self::instruction_text`] read from the template.
    fn template_instructions(&self) -> FxHashSet<String> {
        let Some((template, plan)) = self.template_plan() else {
            return FxHashSet::default();
        };
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

/// The dialects planwright knows in one run: built-ins, then local ones.
#[derive(Debug)]
pub struct DialectSet {
    dialects: Vec<Arc<Dialect>>,
    /// One search for every `text` marker of every dialect. Leftmost-first
    /// matching lets it use SIMD; the standard (overlapping) kind of
    /// automaton cannot, and cost ~21 instructions a byte.
    text_markers: crate::text_search::TextSearch,
    /// (dialect index, marker index) for each automaton pattern.
    text_owner: Vec<(usize, usize)>,
    /// Each marker's heading, field or comment name (normalised) or title
    /// (lower-cased), made once here rather than for every file; parallel
    /// to each descriptor's `detect`.
    marker_keys: Vec<Vec<crate::model::Text>>,
    /// The keys of every heading, field and comment marker, each distinct
    /// key once, with its place in a per-plan table of which are present:
    /// a plan's headings and fields are looked up here one by one, rather
    /// than gathered into sets that the markers are then looked up in
    /// (building those sets was most of detection's per-plan cost).
    key_slots: detect::KeySlots,
    /// Whether any dialect is a local one, the only kind that asks how many
    /// distinct headings and fields a plan has (see `own_template`).
    any_local: bool,
}

/// The built-in dialects: name, descriptor and template. The descriptors
/// are `data/dialects/*.toml`, turned to JSON at build time (`build.rs`):
/// read as TOML, they were a quarter of `lint`'s instructions on one plan.
const BUILTIN: &[(&str, &str, Option<&str>)] = &[
    (
        "speckit",
        include_str!(concat!(env!("OUT_DIR"), "/dialects/speckit.json")),
        Some(include_str!("../data/dialects/speckit.md")),
    ),
    (
        "design",
        include_str!(concat!(env!("OUT_DIR"), "/dialects/design.json")),
        Some(include_str!("../data/dialects/design.md")),
    ),
    (
        "delivery",
        include_str!(concat!(env!("OUT_DIR"), "/dialects/delivery.json")),
        Some(include_str!("../data/dialects/delivery.md")),
    ),
    (
        "rfc",
        include_str!(concat!(env!("OUT_DIR"), "/dialects/rfc.json")),
        Some(include_str!("../data/dialects/rfc.md")),
    ),
    (
        "roadmap",
        include_str!(concat!(env!("OUT_DIR"), "/dialects/roadmap.json")),
        Some(include_str!("../data/dialects/roadmap.md")),
    ),
    (
        "speckit-tasks",
        include_str!(concat!(env!("OUT_DIR"), "/dialects/speckit-tasks.json")),
        None,
    ),
    (
        "kiro",
        include_str!(concat!(env!("OUT_DIR"), "/dialects/kiro.json")),
        None,
    ),
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
                .map(|(name, json, template)| {
                    // The built-in descriptors are tested; failing here is a
                    // build defect, not a user error.
                    serde_json::from_str(json)
                        .map_err(|e| e.to_string())
                        .and_then(|d| {
                            Dialect::new(d, template.map(str::to_owned), Origin::Builtin)
                                .map_err(|e| e.to_string())
                        })
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
        let text_markers =
            crate::text_search::TextSearch::new(&patterns, aho_corasick::MatchKind::LeftmostFirst);
        let marker_keys: Vec<Vec<crate::model::Text>> = dialects
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
        let key_slots = detect::KeySlots::new(&dialects, &marker_keys);
        let any_local = dialects
            .iter()
            .any(|d| matches!(d.origin, Origin::Local(_)));
        Self {
            dialects,
            text_markers,
            text_owner,
            marker_keys,
            key_slots,
            any_local,
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
    fn every_builtin_dialect_has_markers_of_its_own() {
        // Common markers prove nothing alone: a dialect of only those could
        // never be detected.
        for d in DialectSet::builtin().iter() {
            assert!(
                d.descriptor.detect.iter().any(|m| !m.common),
                "{}: every marker is common",
                d.name()
            );
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
