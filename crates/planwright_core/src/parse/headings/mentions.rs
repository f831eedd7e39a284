//! Headings that talk about a phase the plan already has instead of opening
//! one: `### Phase 1 Success:` under `## Success Criteria by Phase`, `###
//! Phase 2 Complete`, `## Phase 13-24: Summary` over phases 13 to 24.
//!
//! Read as phases they were duplicates (`Phase 1 (2)`) that split a
//! phase's progress in `status` and made their check boxes work that
//! `next` offered. Only a heading whose words after the number say
//! something about a phase counts (see [`ABOUT`]): `## Phase 1 Setup` is
//! a phase, and so is an overview's `### Phase 1` written again over the
//! tasks, which the plan then repeats on purpose.

use super::super::titles::split_number;
use super::super::{Builder, items};
use crate::model::{PhaseKind, Text};

/// What a heading that mentions a phase says of the check boxes under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mention {
    /// They check that the phase is done (`Phase 1 Success`, `Phase 1
    /// Complete`): acceptance criteria, unless the heading's section says
    /// more of them.
    Outcome,
    /// Something else said about the phase (`Phase 1 status`, `Week 1
    /// Metrics`): they are what the heading's words and section make them.
    About,
    /// The phase's own work, named by nothing but [`WORK`] words (`Phase 1
    /// Tasks`): they are the phase's, as they would be under its heading.
    Work,
}

/// Words that say a heading is about a phase, not a phase: written first
/// or last after the number (`Phase 1 Success`, `Sprint 1 Capacity
/// Summary`), besides those of [`OUTCOME`]. Not `tasks` nor `plan`: `###
/// Phase 1 Tasks` holds the work.
const ABOUT: &[&str] = &[
    "completion",
    "closure",
    "summary",
    "recap",
    "metrics",
    "kpis",
    "status",
    "progress",
    "risks",
    "checklist",
    "results",
    "outcomes",
    "deliverables",
    "review",
    "retrospective",
    "retro",
    "notes",
    "report",
    "learnings",
];

/// Words that name a phase's own work. A heading of a phase read before
/// whose words after the number are these alone, separated or not (`###
/// Phase 1 Tasks`, `### Phase 2: Details`), breaks down that phase,
/// declared elsewhere in the plan: no plan means a second Phase 1 titled
/// "Tasks". The first Phase 1 so headed still opens Phase 1.
const WORK: &[&str] = &[
    "tasks",
    "task",
    "subtasks",
    "todo",
    "todos",
    "checklist",
    "deliverables",
    "deliverable",
    "details",
    "detail",
    "breakdown",
    "items",
    "list",
    "work",
];

/// Words that name a write-up about a phase, never its work: a heading
/// whose words after the number are [`ABOUT`] or [`OUTCOME`] words ending
/// in one of these (`Stage 4 completion notes`, `Phase 2 Summary`)
/// mentions the phase even where no heading opens it, as when a table
/// lists the stages. Not `review` nor `retrospective`: a plan of weeks
/// heads its first week `## Week 1 Review`, work that is done then.
const WRITE_UPS: &[&str] = &[
    "notes",
    "summary",
    "recap",
    "results",
    "report",
    "learnings",
];

/// Words that say a heading is about a phase and its boxes check that the
/// phase is done.
const OUTCOME: &[&str] = &[
    "success",
    "complete",
    "completed",
    "done",
    "finished",
    "criteria",
];

/// A heading that mentions a phase: what it says of its check boxes, and
/// the phase it names when the plan has read one of that id (the last, if
/// repeated), whose fields are (`**Status:** Done` under `### Phase 1
/// status` is Phase 1's, not the plan's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PhaseMention {
    pub(super) says: Mention,
    pub(super) phase: Option<usize>,
}

impl PhaseMention {
    /// The phase whose fields the heading's section holds, and whether its
    /// check boxes too (see [`Mention::Work`]).
    pub(super) fn claim(self) -> Option<(usize, bool)> {
        Some((self.phase?, self.says == Mention::Work))
    }
}

impl Builder<'_> {
    /// Whether the phase head `head` read from a heading's `title` only
    /// mentions a phase. It does when it names the phase with no separator
    /// after the number and words about it (`Phase 1 Success:`), and
    /// - a phase of that kind and number was read before it; or
    /// - the plan has phases, none of that kind, and none is open: `###
    ///   Week 1 Metrics` under `## Success Metrics (Post-Launch)` in a plan
    ///   of Phases names a week after the launch, not one of the plan's
    ///   phases (a plan of weeks keeps `## Week 1 Review` as its first
    ///   phase, and a phase its `### Week 1 Review` as a part); or
    /// - its words are a write-up about the phase (`Stage 4 completion
    ///   notes`, see [`WRITE_UPS`]), which opens no phase wherever it
    ///   stands.
    ///
    /// A range (`Phase 13-24: Complete Feature Summary`) mentions the
    /// phases it spans when any of them was read before it and its words,
    /// separated or not, are about them, or when they are, unseparated, a
    /// write-up about them (`Stage 4-5 completion notes`); else it is a
    /// phase of its own.
    pub(super) fn phase_mention(
        &self,
        head: &items::PhaseHead,
        title: &str,
        at: usize,
    ) -> Option<PhaseMention> {
        if head.number.is_empty() {
            return None;
        }
        let phases = &self.plan.phases;
        if let Some((low, high)) = range(&head.number) {
            let words = unseparated(title, &head.number).unwrap_or(&head.title);
            let says = about(words)?;
            let read = phases.iter().any(|p| {
                p.kind == head.kind
                    && p.number != head.number
                    && leading_number(&p.number).is_some_and(|n| (low..=high).contains(&n))
            });
            // Unseparated, as for one phase: `Phase 2-3: Summary` is titled so.
            let write_up = unseparated(title, &head.number).is_some_and(is_write_up);
            return (read || write_up).then_some(PhaseMention { says, phase: None });
        }
        let known = phases
            .iter()
            .rposition(|p| p.kind == head.kind && p.number == head.number);
        if known.is_some() && after_number(title, &head.number).is_some_and(names_work) {
            return Some(PhaseMention {
                says: Mention::Work,
                phase: known,
            });
        }
        let words = unseparated(title, &head.number)?;
        let says = about(words)?;
        let foreign = self.phases.is_empty()
            && !phases.is_empty()
            && phases.iter().all(|p| p.kind != head.kind);
        let mentions =
            known.is_some() || foreign || is_write_up(words) || self.headed_later(head, at);
        mentions.then_some(PhaseMention { says, phase: known })
    }

    /// Whether a heading after `at` opens the phase `head` names: `###
    /// Phase 1 Success` in an overview above `## Phase 1: Setup` speaks of
    /// a phase still to come, and is no Phase 1 of its own.
    fn headed_later(&self, head: &items::PhaseHead, at: usize) -> bool {
        self.phase_heads
            .get_or_init(|| phase_heads(self.src))
            .iter()
            .any(|h| h.at > at && h.kind == head.kind && h.number == head.number)
    }

    /// Whether the plan's title heading, starting at `at`, opens the phase
    /// `head` its words name: only when a later `#` heading opens a phase
    /// of its kind (`# Phase 1: Setup`, then `# Phase 2: Build`), so that
    /// the plan's `#` headings are its phases and the first is one of
    /// them. Else the title names the plan (`# Sprint 3 Plan`, `# Epic 8
    /// Progress`), and the tasks under its `## Goals` are no sprint's.
    pub(super) fn title_opens_phase(&self, head: &items::PhaseHead, at: usize) -> bool {
        self.phase_heads
            .get_or_init(|| phase_heads(self.src))
            .iter()
            .any(|h| h.level_one && h.at > at && h.kind == head.kind)
    }

    /// The phase a field read now belongs to, `open` being the open phase's
    /// (if any): the phase named by the innermost open section that mentions
    /// one, when that section stands inside the open phase or none is open.
    pub(in crate::parse) fn field_phase(&self, open: Option<usize>) -> Option<usize> {
        self.innermost_mention(open).map_or(open, |(p, _)| Some(p))
    }

    /// The phase a check box read now belongs to, `open` being the open
    /// phase's (if any): as [`Self::field_phase`], but only a mention of
    /// the phase's work ([`Mention::Work`]) claims it. Boxes under `###
    /// Phase 1 status` or `Phase 1 Success` note or check something said
    /// of the phase, not work in it, and stay out of its progress.
    pub(in crate::parse) fn task_phase(&self, open: Option<usize>) -> Option<usize> {
        match self.innermost_mention(open) {
            Some((p, true)) => Some(p),
            _ => open,
        }
    }

    /// The phase named by the innermost open section that mentions one, and
    /// whether it names its work, when that section stands inside the open
    /// phase `open` or none is open.
    fn innermost_mention(&self, open: Option<usize>) -> Option<(usize, bool)> {
        if self.phase_mentions.is_empty() {
            return None;
        }
        // Mentions are pushed as their sections open, so in section order:
        // each look-up costs a search per open section, at most six deep.
        let (s, p, work) = self.open_sections.iter().rev().find_map(|&s| {
            let at = self
                .phase_mentions
                .binary_search_by_key(&s, |&(m, _, _)| m)
                .ok()?;
            let (_, p, work) = self.phase_mentions[at];
            Some((s, p, work))
        })?;
        open.is_none_or(|o| self.plan.phases[o].section.is_none_or(|at| at < s))
            .then_some((p, work))
    }
}

/// A phase a heading of the plan opens: where the heading starts, and the
/// phase's kind and number.
pub(in crate::parse) struct Ahead {
    at: usize,
    /// Whether the heading is a `#` one.
    level_one: bool,
    kind: PhaseKind,
    number: Text,
}

/// The phases the ATX headings of `src` open, their titles read as the
/// pass reads them (emphasis around them aside): `## Phase 1: Setup` and
/// `## Phase 1 Setup`; not `### Phase 1 Success`, which mentions one, nor
/// a heading-shaped line in a fenced code block.
fn phase_heads(src: &str) -> Vec<Ahead> {
    let mut out = Vec::new();
    // The open fence's byte and length: only a longer or equal run of
    // the same byte closes it.
    let mut fence: Option<(u8, usize)> = None;
    for (at, line) in items::LineOffsets::new(src) {
        let body = line.trim_start_matches(' ');
        let b = body.as_bytes();
        if line.len() - body.len() > 3 || b.is_empty() {
            continue;
        }
        if b[0] == b'`' || b[0] == b'~' {
            let run = b.iter().take_while(|&&c| c == b[0]).count();
            match fence {
                _ if run < 3 => {}
                None => fence = Some((b[0], run)),
                Some((c, n)) if c == b[0] && run >= n && body[run..].trim().is_empty() => {
                    fence = None;
                }
                Some(_) => {}
            }
            continue;
        }
        let hashes = b.iter().take_while(|&&c| c == b'#').count();
        let rest = &body[hashes..];
        if fence.is_some() || !(1..=6).contains(&hashes) || !rest.starts_with([' ', '\t']) {
            continue;
        }
        let text = rest.trim().trim_end_matches('#').trim_end();
        // A task's heading opens no phase (`## [ ] Phase 1: Setup`).
        if text.starts_with('[') && super::heading_tasks::boxed_text(text).is_some() {
            continue;
        }
        let (number, title) = split_number(text.trim_matches(['*', '_']));
        let Some(head) = items::heading_phase_head(number, title) else {
            continue;
        };
        if !head.number.is_empty() && unseparated(title, &head.number).and_then(about).is_none() {
            out.push(Ahead {
                at,
                level_one: hashes == 1,
                kind: head.kind,
                number: head.number,
            });
        }
    }
    out
}

/// The words after the phase's `number` in `title`, when no separator
/// (`:`, a dash, `.`, `)`) stands between: `Success:` of `Phase 1
/// Success:`, none of `Phase 1: Success`.
fn unseparated<'t>(title: &'t str, number: &str) -> Option<&'t str> {
    after_number(title, number).filter(|rest| !is_separated(rest))
}

/// What follows the phase's `number` in `title`, white space skipped.
pub(super) fn after_number<'t>(title: &'t str, number: &str) -> Option<&'t str> {
    let at = title.find(number)?;
    Some(title[at + number.len()..].trim_start())
}

/// Whether the words after a phase's number open with a title separator
/// (`: Backend`, `- Part A`), which makes them the phase's title.
pub(super) fn is_separated(rest: &str) -> bool {
    rest.starts_with([':', '-', '–', '—', '.', ')', '：'])
}

/// What `words` say, by their first and last word outside brackets:
/// `status (locked)` is about the phase, `Success Criteria` its outcome,
/// `Setup` neither.
fn about(words: &str) -> Option<Mention> {
    let mut first = None;
    let mut last = None;
    for_each_word(words, |word| {
        first.get_or_insert(word);
        last = Some(word);
    });
    let is = |list: &[&str], w: Option<&str>| w.is_some_and(|w| is_one_of(list, w));
    if is(OUTCOME, first) || is(OUTCOME, last) {
        Some(Mention::Outcome)
    } else if is(ABOUT, first) || is(ABOUT, last) {
        Some(Mention::About)
    } else {
        None
    }
}

/// Whether `words`, those after a phase's number, name a write-up about
/// it: [`ABOUT`] and [`OUTCOME`] words alone outside brackets, the last of
/// them one of [`WRITE_UPS`] (`completion notes (2026-08-19)`).
fn is_write_up(words: &str) -> bool {
    let mut only = true;
    let mut last = None;
    for_each_word(words, |word| {
        only &= is_one_of(ABOUT, word) || is_one_of(OUTCOME, word);
        last = Some(word);
    });
    only && last.is_some_and(|w| is_one_of(WRITE_UPS, w))
}

/// Whether the words after a phase's number (`Tasks`, `: Details (week
/// 2)`) are [`WORK`] words and nothing else outside brackets.
fn names_work(rest: &str) -> bool {
    let mut any = false;
    let mut only = true;
    for_each_word(rest, |word| {
        any = true;
        only &= is_one_of(WORK, word);
    });
    any && only
}

/// Calls `f` with each word of `words` outside brackets, first to last: a
/// word is a run of letters.
fn for_each_word<'w>(words: &'w str, mut f: impl FnMut(&'w str)) {
    let mut depth = 0u32;
    let mut start = None;
    for (i, c) in words
        .char_indices()
        .chain(std::iter::once((words.len(), ' ')))
    {
        if c.is_alphabetic() && depth == 0 {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            f(&words[s..i]);
        }
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
}

fn is_one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// The whole numbers a range number spans: `13-24` and `2–3`, not `3+`.
fn range(number: &str) -> Option<(u64, u64)> {
    let (low, high) = number.split_once(['-', '–'])?;
    Some((leading_number(low)?, leading_number(high)?))
}

/// The whole number a phase number opens with: 13 of `13.5`, none of `A`.
fn leading_number(number: &str) -> Option<u64> {
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    number[..digits].parse().ok()
}

#[cfg(test)]
#[path = "mentions_tests.rs"]
mod tests;
