//! A phase that says no user story may start before it is done, as
//! spec-kit's Foundational phase does in its own text ("**⚠️ CRITICAL**:
//! No user story work can begin until this phase is complete"): every
//! later phase titled as a user story waits for it.
//!
//! Read narrowly, in the phase's text before its first task (what it says
//! of itself, not a checkpoint after its work), and only in these words:
//! "no user story (work) can begin (start) until", "must complete (be
//! complete) before any user story", "blocks all user stories", "all user
//! stories depend on". A wait read wrongly hides work from `next`.

use super::super::refs::{is_story_title, land};
use super::{Builder, TextRange};
use crate::model::{RefTarget, Reference};

/// A phase that says the user stories wait for it: its heading's start,
/// which stays its own when note phases are dropped, its id, and where it
/// says so.
pub(in crate::parse) struct StoryBlock {
    at: u32,
    id: RefTarget,
    range: TextRange,
}

impl Builder<'_> {
    /// Whether a block at `range` in phase `p`'s own text, before its
    /// tasks, says the user stories wait for the phase (see the module's
    /// documentation); one such block is enough.
    pub(super) fn story_block(&mut self, p: usize, range: TextRange) {
        let Some(phase) = self.plan.phases.get(p) else {
            return;
        };
        if !phase.tasks.is_empty()
            || self
                .story_blocks
                .last()
                .is_some_and(|b| b.at == phase.heading.start)
        {
            return;
        }
        let text = range.slice(self.src);
        // Most phase text names no user story: a byte search rules it out
        // before any copy is made.
        if !has_user_story(text) {
            return;
        }
        let Some((s, e)) = stories_wait(&text.to_ascii_lowercase()) else {
            return;
        };
        let base = range.start as usize;
        self.story_blocks.push(StoryBlock {
            at: phase.heading.start,
            id: RefTarget::Phase {
                kind: phase.kind,
                number: phase.number.clone(),
            },
            range: TextRange::new(base + s, base + e),
        });
    }

    /// Once the whole plan is read, after the dependency sections and
    /// sentences: each later phase titled as a user story that states none
    /// of its dependencies waits for each phase that said the stories wait
    /// for it (see `refs::land`), within the plan's range budget.
    pub(super) fn story_phase_dependencies(&mut self) {
        let blocks = std::mem::take(&mut self.story_blocks);
        if blocks.is_empty() {
            return;
        }
        let mut budget = self.range_budget();
        let phases = &self.plan.phases;
        let stories: Vec<usize> = (0..phases.len())
            .filter(|&q| is_story_title(&phases[q].title))
            .collect();
        let mut found = Vec::new();
        'blocks: for b in blocks {
            let Some(p) = phases.iter().position(|ph| ph.heading.start == b.at) else {
                continue;
            };
            for &q in stories.iter().filter(|&&q| q > p) {
                if budget == 0 {
                    break 'blocks;
                }
                budget -= 1;
                let dep = Reference {
                    target: b.id.clone(),
                    range: b.range,
                };
                found.push((q, dep, b.range));
            }
        }
        land(&mut self.plan, found);
        self.spend_range_budget(budget);
    }
}

/// Whether `text` holds "user stor" in any case.
fn has_user_story(text: &str) -> bool {
    const WORDS: &[u8] = b"user stor";
    let b = text.as_bytes();
    memchr::memchr2_iter(b'u', b'U', b).any(|i| {
        b.get(i..i + WORDS.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(WORDS))
    })
}

/// Where `lower` (a block's text in ASCII lower case) says the user
/// stories wait for the phase it stands in.
fn stories_wait(lower: &str) -> Option<(usize, usize)> {
    const SAID: [&str; 8] = [
        "no user story work can begin until",
        "no user story work can start until",
        "no user story can begin until",
        "no user story can start until",
        "blocks all user stories",
        "blocking all user stories",
        "all user stories depend on",
        "all user stories depend upon",
    ];
    for said in SAID {
        if let Some(at) = lower.find(said) {
            return Some((at, at + said.len()));
        }
    }
    // "MUST complete before any user story", "Must be complete before ANY
    // user story can be implemented": the phase is to be finished first,
    // not merely able to run before ("Can start before any user story").
    let at = lower.find("before any user story")?;
    let sentence = lower[..at]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |s| s + 1);
    let before = &lower[sentence..at];
    (before.contains("complete") || before.contains("finish"))
        .then_some((at, at + "before any user story".len()))
}

#[cfg(test)]
#[path = "stories_tests.rs"]
mod tests;
