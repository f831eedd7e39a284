//! Two more ways a phase states what it waits for: a dependency heading of
//! its own (`#### Dependencies on earlier phases` over "Phase 1 (the repo
//! exists)." or a bullet list), read as its `**Dependencies:**` field would
//! be; and "all previous phases", which names every phase before it.

use super::super::items::PHASE_WORDS;
use super::super::refs::first_stem;
use super::{Builder, TextRange};
use crate::model::{Phase, RefTarget, Reference};
use crate::roles::Role;

impl Builder<'_> {
    /// The text of a block at `range` under a dependency heading inside
    /// phase `p` (below the phase's own heading) as the phase's dependency
    /// value, until one names a dependency. A sentence there ("Phase 3
    /// depends on Phase 2") is the sentence readers'.
    pub(super) fn phase_dependency_section(&mut self, p: usize, range: TextRange) {
        if self.phase_depends_already(p) {
            return;
        }
        let (Some(section), Some(phase)) = (
            self.section().and_then(|s| self.plan.sections.get(s)),
            self.plan.phases.get(p),
        ) else {
            return;
        };
        // A heading that is about dependencies, not one that mentions
        // them among other things ("Internal Dependencies (Story-to-Story)").
        let titled = ["dependenc", "depends", "prerequisite"]
            .iter()
            .any(|w| section.key.starts_with(w));
        if section.role != Some(Role::Dependencies)
            || !titled
            || section.heading.start <= phase.heading.start
        {
            return;
        }
        let text = range.slice(self.src);
        if first_stem(text).is_some() || !reads_as_value(text) {
            return;
        }
        self.phase_dependencies(p, text, range, true);
    }

    /// What "all previous phases" (or "the previous phase") in phase `p`'s
    /// dependency `value` at `range` names ([`earlier`]); none when the
    /// value says no such thing.
    pub(super) fn earlier_phases(&self, p: usize, value: &str, range: TextRange) -> Vec<Reference> {
        let Some(which) = names_earlier(value) else {
            return Vec::new();
        };
        let phases = &self.plan.phases;
        earlier(phases, p, which)
            .into_iter()
            .map(|o| Reference {
                target: RefTarget::Phase {
                    kind: phases[o].kind,
                    number: phases[o].number.clone(),
                },
                range,
            })
            .collect()
    }
}

/// The phases `which` names for phase `p` of `phases`: those of its kind
/// before it among its siblings (steps of one phase, or the plan's
/// phases), or the last of them.
///
/// The first step of a phase has no previous step: not the last step of
/// the phase before, which its phase waits for only if the plan says so
/// (phases may run side by side), and its phase's own dependencies hold it
/// back already. What is named is the sibling's id; `waits` reads an id
/// that other phases' steps repeat as the one of the same phase.
pub(in crate::parse) fn earlier(phases: &[Phase], p: usize, which: Earlier) -> Vec<usize> {
    let Some(phase) = phases.get(p) else {
        return Vec::new();
    };
    let mut before =
        (0..p).filter(|&o| phases[o].kind == phase.kind && phases[o].parent == phase.parent);
    match which {
        Earlier::All => before.collect(),
        Earlier::Last => before.next_back().into_iter().collect(),
    }
}

/// Whether a block reads as a dependency value: phases, their numbers and
/// the words lists of them are made of, a remark in brackets aside
/// ("Phase 2 (domain models), Phase 3."; "None."; "All previous phases
/// completed"), rather than a statement ("Epic 53 is complete.") or other
/// prose.
fn reads_as_value(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "a",
        "above",
        "all",
        "and",
        "complete",
        "completed",
        "done",
        "earlier",
        "finished",
        "n",
        "none",
        "other",
        "preceding",
        "previous",
        "prior",
        "the",
    ];
    let mut depth = 0usize;
    let mut outside = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let mut words = outside
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            let w = w.to_lowercase();
            w.bytes().any(|b| b.is_ascii_digit())
                || WORDS.contains(&w.as_str())
                || plural_phase(&w)
                || phase_word(&w)
        })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::parse) enum Earlier {
    All,
    Last,
}

/// Whether a dependency value names every earlier phase ("All previous
/// phases", "all prior sprints complete", "Requires all phases done", "all
/// other phases", "all desired phases") or the one before ("the previous phase"). A value that
/// sets itself apart ("independent of all previous phases", "not all
/// phases") names none.
pub(in crate::parse) fn names_earlier(value: &str) -> Option<Earlier> {
    let lower = value.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| {
        matches!(
            *w,
            "not" | "no" | "independent" | "independently" | "except"
        )
    }) {
        return None;
    }
    // "desired": spec-kit's word ("Depends on all desired user stories",
    // "all desired phases"), for the ones the team chose to build.
    const BEFORE: [&str; 7] = [
        "previous",
        "prior",
        "preceding",
        "earlier",
        "other",
        "above",
        "desired",
    ];
    let all = words
        .windows(2)
        .any(|w| w[0] == "all" && plural_phase(w[1]))
        || words
            .windows(3)
            .any(|w| w[0] == "all" && BEFORE.contains(&w[1]) && plural_phase(w[2]));
    if all {
        return Some(Earlier::All);
    }
    let last = words
        .windows(2)
        .any(|w| matches!(w[0], "previous" | "prior" | "preceding") && phase_word(w[1]));
    last.then_some(Earlier::Last)
}

/// A word phases are headed by ([`PHASE_WORDS`]): `phase`, `sprint`.
fn phase_word(word: &str) -> bool {
    PHASE_WORDS.iter().any(|(p, _)| *p == word)
}

/// A plural of one: `phases`, `sprints`.
fn plural_phase(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(phase_word)
}

#[cfg(test)]
#[path = "dep_sections_tests.rs"]
mod tests;
