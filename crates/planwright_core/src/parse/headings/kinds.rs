//! What a heading says of the check boxes under it: work, checks of
//! finished work, things left for later, a log's records; or nothing, and
//! then its section's kind goes on under it.

use super::super::{Builder, Role, TaskKind, items};

impl Builder<'_> {
    /// The kind of the check boxes right under a heading (`key` its
    /// normalised title, `title` without its number, `plain` as it
    /// reads, `opens_phase` whether `title` is a phase's head, as
    /// [`items::phase_head`] reads it: the caller has it already). A heading that says nothing of them (`### Must Have` under
    /// `## Success Criteria`, `### 2025-01-02` under `## Progress Log`)
    /// takes its section's kind, but for a phase (`### Phase 2` under `##
    /// Implementation`) or a heading of work (`### Tasks`), which are
    /// work, and for the plan's title, whose words name the plan ("#
    /// Metrics Dashboard"), not what its sections hold.
    pub(in crate::parse) fn heading_kind(
        &self,
        role: Option<Role>,
        key: &str,
        title: &str,
        plain: &str,
        opens_phase: bool,
    ) -> TaskKind {
        let own = kind_for_heading(role, key, plain);
        if own != TaskKind::Task || opens_phase {
            return own;
        }
        let Some(parent) = self.section() else {
            return own;
        };
        let parent_kind = self.section_kinds.get(parent).copied();
        // A log's dated entry is a record whatever its words name
        // (`### 2024-05-01: Implementation started`); elsewhere a heading
        // of work ("Implementation") is work.
        if role == Some(Role::Phases)
            && !(parent_kind == Some(TaskKind::Logged) && title.bytes().any(|b| b.is_ascii_digit()))
        {
            return own;
        }
        let sections = &self.plan.sections;
        let titled = self
            .plan
            .title
            .as_ref()
            .zip(sections.get(parent))
            .is_some_and(|(t, s)| t.heading == s.heading);
        let inherits = |kind: TaskKind| match kind {
            // A log's dated entries are records; its "Next Steps" are work.
            TaskKind::Logged => title.bytes().any(|b| b.is_ascii_digit()),
            // Only a section that names its checks as such hands its kind
            // on: under "## Metrics", "### Instrumentation" is work.
            TaskKind::AcceptanceCriterion | TaskKind::DefinitionOfDone => {
                std::iter::successors(Some(parent), |&s| sections.get(s)?.parent)
                    .take(sections.len())
                    .filter_map(|s| sections.get(s))
                    .any(|s| {
                        s.role.is_some_and(|r| {
                            matches!(r, Role::AcceptanceCriteria | Role::DefinitionOfDone)
                        }) || s.key.contains("criteria")
                    })
            }
            _ => true,
        };
        match parent_kind {
            Some(kind) if !titled && inherits(kind) => kind,
            _ => own,
        }
    }

    /// The kind of the check boxes of the section being read, as its
    /// heading said (see [`Self::heading_kind`]): a paragraph that labels
    /// nothing brings it back after a label (`**Acceptance**:`).
    pub(in crate::parse) fn section_kind(&self) -> TaskKind {
        self.section()
            .and_then(|s| self.section_kinds.get(s).copied())
            .unwrap_or(TaskKind::Task)
    }
}

/// What a heading (normalised) says of the check boxes under it when it
/// leaves them for later.
const DEFERRED: &[&str] = &[
    "out of scope",
    "not in scope",
    "future work",
    "future enhancement",
    "future improvement",
    "future idea",
    "future consideration",
    "deferred",
    "icebox",
    "parking lot",
    "won t do",
    "wont do",
    "won t have",
    "wont have",
    "not doing",
];

/// Whether a heading's key is one of [`DEFERRED`]. Its words are looked at
/// first: every heading is asked, and a dozen substring searches each cost
/// 6% of the model build (callgrind, parse bench).
fn leaves_for_later(key: &str) -> bool {
    has_word(key, |w| {
        matches!(
            w,
            b"scope"
                | b"future"
                | b"deferred"
                | b"icebox"
                | b"parking"
                | b"won"
                | b"wont"
                | b"doing"
        )
    }) && DEFERRED.iter().any(|k| key.contains(k))
}

const DELIVERABLE: Needles = Needles::new(&["deliverable"]);

/// What a heading (normalised) says of the check boxes under it when they
/// are outcomes to check.
const OUTCOMES: Needles = Needles::new(&[
    "success criteria",
    "exit criteria",
    "success metrics",
    "metrics",
    "outcomes",
]);

/// Substrings looked for in a heading's key, with the bytes they open
/// with: the key is scanned once for those bytes, and compared only where
/// one stands. Every heading is asked for several such words, and a
/// substring search per word, each setting up its own searcher on a key of
/// a few dozen bytes, cost 1% of the model build (callgrind, parse bench).
struct Needles {
    words: &'static [&'static str],
    first: [bool; 256],
}

impl Needles {
    const fn new(words: &'static [&'static str]) -> Self {
        let mut first = [false; 256];
        let mut i = 0;
        while i < words.len() {
            first[words[i].as_bytes()[0] as usize] = true;
            i += 1;
        }
        Self { words, first }
    }

    /// Whether any of the words is a substring of `key`.
    fn found_in(&self, key: &str) -> bool {
        let key = key.as_bytes();
        (0..key.len()).any(|i| {
            self.first[usize::from(key[i])]
                && self
                    .words
                    .iter()
                    .any(|w| key[i..].starts_with(w.as_bytes()))
        })
    }
}

/// `key` is the normalised (lower-case) heading, `heading` as it reads.
fn kind_for_heading(role: Option<Role>, key: &str, heading: &str) -> TaskKind {
    match role {
        Some(Role::DefinitionOfDone) => TaskKind::DefinitionOfDone,
        Some(Role::Prerequisites) => TaskKind::Prerequisite,
        Some(Role::AcceptanceCriteria) => TaskKind::AcceptanceCriterion,
        // A checklist run once the work is over (before a PR, a release,
        // in review) checks it, as a definition of done does; one run
        // before or during the work is work of its own, and so is a phase.
        // By its words, whatever its role: "Verification Checklist" may
        // take another.
        _ if has_word(key, |w| w == b"checklist")
            && verifies_finished(key)
            && !items::is_phase_head(heading) =>
        {
            TaskKind::DefinitionOfDone
        }
        Some(Role::Checklist) => TaskKind::Checklist,
        // A log's entries record work the plan's tasks hold already; a
        // phase of the plan ("Phase 5: Changelog") is work of the plan.
        Some(Role::ProgressLog) if is_log(key) && !items::is_phase_head(heading) => {
            TaskKind::Logged
        }
        Some(Role::NonGoals) => TaskKind::Deferred,
        _ if DELIVERABLE.found_in(key) => TaskKind::Deliverable,
        // Left for later, as "Future Enhancements (Not in Scope for Phase
        // 12)" says; but a phase of the plan ("Phase 6: Future Work") is
        // work of the plan, whatever it is called.
        _ if leaves_for_later(key) && !items::is_phase_head(heading) => TaskKind::Deferred,
        // Outcomes to check, not work to start: `next` must not offer
        // "All tests pass" from a Success Criteria list.
        None | Some(Role::Goals) if OUTCOMES.found_in(key) => TaskKind::AcceptanceCriterion,
        _ => TaskKind::Task,
    }
}

/// Whether a checklist's heading (its key) says it is run on finished
/// work: "Post-Implementation Checklist (Before PR)", "Pre-Merge
/// Checklist", "Pre-Release Checklist", "Verification Checklist". Whole
/// words, so "Pre-Implementation Checklist" and "Setup Checklist" stay
/// work, and so do "QA", "Review" and "Final" checklists, which as often
/// list work still to do ("Write the end-to-end tests"); and a
/// "Release Checklist" lists the release's own steps ("Upload the package"),
/// work still to do, where a pre-release one checks what is done.
fn verifies_finished(key: &str) -> bool {
    key.contains("pre release")
        || key.contains("before release")
        || has_word(key, |w| {
            matches!(
                w,
                b"post"
                    | b"pr"
                    | b"merge"
                    | b"merging"
                    | b"verification"
                    | b"verify"
                    // spec-kit's tasks end with a "Validation Checklist",
                    // a gate the finished list is checked against.
                    | b"validation"
                    | b"completion"
            )
        })
}

/// Whether a progress heading (its key) names a log of entries ("Progress
/// Log", "Changelog", "Work Log", "Status Updates"), not a tracker of the
/// work itself ("Progress", "Progress Tracking").
fn is_log(key: &str) -> bool {
    has_word(key, |w| {
        matches!(w, b"log" | b"logs" | b"changelog" | b"updates")
    })
}

/// Whether a word of `key` (normalised: single spaces between words)
/// passes `test`. Split by a byte loop, as keys are a few short words:
/// `str::split(' ')`, a `memchr` call per word, cost 1.2% of the model
/// build over every heading (callgrind, parse bench).
fn has_word(key: &str, test: impl Fn(&[u8]) -> bool) -> bool {
    key.as_bytes().split(|&b| b == b' ').any(test)
}

#[cfg(test)]
#[path = "kinds_tests.rs"]
mod tests;
