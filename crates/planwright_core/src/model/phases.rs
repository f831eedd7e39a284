//! Phases (stages, milestones, steps, ...) and the references prose makes
//! to them and to tasks.
//!
//! Apart from the plan's outline in `model.rs`: a phase is the unit of
//! work `status` and `next` report on, and a [`Reference`] is what it
//! waits for, read from prose; both are read together (see `parse/refs`).

use super::{TaskRange, Text};
use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhaseKind {
    Phase,
    Stage,
    Milestone,
    Sprint,
    Iteration,
    Step,
    /// `## Week 2: Export`, a plan laid out week by week.
    Week,
    /// `## Epic 3: Billing`.
    Epic,
}

impl PhaseKind {
    pub fn name(self) -> &'static str {
        match self {
            PhaseKind::Phase => "phase",
            PhaseKind::Stage => "stage",
            PhaseKind::Milestone => "milestone",
            PhaseKind::Sprint => "sprint",
            PhaseKind::Iteration => "iteration",
            PhaseKind::Step => "step",
            PhaseKind::Week => "week",
            PhaseKind::Epic => "epic",
        }
    }
}

/// A phase, stage, milestone or step of the plan's work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phase {
    /// `Phase 1`, `Step 1.1`, `Milestone M1`: kind and number, unique-ish.
    pub id: Text,
    pub kind: PhaseKind,
    /// The number or letter as written: `1`, `-1`, `3.5`, `4a`, `A`, `M1`.
    pub number: Text,
    pub title: Text,
    /// The heading or list item that opens it.
    pub heading: TextRange,
    /// Everything that belongs to it, up to the next sibling.
    pub range: TextRange,
    /// The enclosing phase, for steps.
    pub parent: Option<usize>,
    pub section: Option<usize>,
    pub priority: Option<Text>,
    pub estimate: Option<Text>,
    pub goal: Option<Text>,
    pub status: Option<Text>,
    /// Where the status was written: a `Status:` field's value, or the
    /// heading or item when it says it (`Phase 1: Setup ✅`).
    pub status_range: Option<TextRange>,
    /// The `Dependencies:` value as parsed; empty when none is stated.
    pub depends_on: Vec<Reference>,
    /// Where the dependencies were written, for diagnostics.
    pub depends_range: Option<TextRange>,
    /// Indices into `Plan::tasks` of check boxes under it (deliverables too).
    pub tasks: Vec<usize>,
}

/// A reference to another piece of the plan, parsed from prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub target: RefTarget,
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefTarget {
    /// `Phase 2`, `Stage A`, `Milestone M1`: kind and number.
    Phase { kind: PhaseKind, number: Text },
    /// `T012`, `T-012`; or a range of them, `T001-T003`, kept whole as its
    /// key `T001..T003` (see [`TaskRange`], which resolves it).
    Task(Text),
}

impl RefTarget {
    pub fn label(&self) -> Text {
        match self {
            RefTarget::Phase { kind, number } => {
                let name = kind.name();
                let mut label = Text::with_capacity(name.len() + 1 + number.len());
                let mut chars = name.chars();
                if let Some(first) = chars.next() {
                    label.push(first.to_ascii_uppercase());
                }
                label.push_str(chars.as_str());
                label.push(' ');
                label.push_str(number);
                label
            }
            // A range as written: `T001-T003`.
            RefTarget::Task(id) => TaskRange::parse(id).map_or_else(|| id.clone(), |r| r.label()),
        }
    }
}
