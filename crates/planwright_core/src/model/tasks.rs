//! Tasks: check-box items, their states and kinds, and what they wait for.

use super::{Reference, Text};
use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskState {
    Open,
    Done,
    InProgress,
}

impl TaskState {
    pub fn name(self) -> &'static str {
        match self {
            TaskState::Open => "open",
            TaskState::Done => "done",
            TaskState::InProgress => "in_progress",
        }
    }
}

/// What kind of list a check box sits in, from its section or heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskKind {
    Task,
    Deliverable,
    DefinitionOfDone,
    Prerequisite,
    AcceptanceCriterion,
    Checklist,
    /// Under "Out of Scope", "Future Enhancements" and the like: written
    /// down so as not to be done now; or crossed out (`- [ ] ~~Evaluate
    /// RabbitMQ~~`), with its subtasks. Neither progress nor `next` counts
    /// it: a plan whose work is over is done, whatever it leaves for later.
    Deferred,
    /// Under a progress log's entries (`## Progress Log`, `### 2025-01-02`):
    /// a record of work the plan's tasks already hold, ticked again. Like
    /// [`TaskKind::Deferred`], counted in no progress and never offered
    /// by `next`: counting it would count that work twice.
    Logged,
}

impl TaskKind {
    pub fn name(self) -> &'static str {
        match self {
            TaskKind::Task => "task",
            TaskKind::Deliverable => "deliverable",
            TaskKind::DefinitionOfDone => "definition_of_done",
            TaskKind::Prerequisite => "prerequisite",
            TaskKind::AcceptanceCriterion => "acceptance_criterion",
            TaskKind::Checklist => "checklist",
            TaskKind::Deferred => "deferred",
            TaskKind::Logged => "logged",
        }
    }

    /// Whether a check box of this kind is part of the plan's work or its
    /// checks: not one left for later ([`TaskKind::Deferred`]) nor a log's
    /// record ([`TaskKind::Logged`]). Progress, `next` and the status
    /// rules count only these.
    pub fn counts(self) -> bool {
        !matches!(self, TaskKind::Deferred | TaskKind::Logged)
    }

    /// A definition-of-done item or acceptance criterion: checked once the
    /// work holds, never started (see [`Task::work_state`]).
    pub fn is_check(self) -> bool {
        matches!(
            self,
            TaskKind::DefinitionOfDone | TaskKind::AcceptanceCriterion
        )
    }
}

/// One GFM task item (`- [ ]`, `* [x]`, `1. [X]`, also `[-]` / `[~]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    /// `T001`, `T-001`, `1.2`; or `#N` (1-based document index) when the
    /// text carries no id of its own.
    pub id: Text,
    pub explicit_id: bool,
    /// Where the id was written, when explicit.
    pub id_range: Option<TextRange>,
    /// The item's description after the check mark, markers and id: its
    /// first line, and the lines its paragraph wraps onto, joined by one
    /// space, up to one that opens a detail (`Requirements: 1.2`).
    pub text: Text,
    pub state: TaskState,
    /// The check box itself, `[ ]`: three bytes.
    pub check_range: TextRange,
    /// The character inside the box as written: ' ', 'x', 'X', '-', '~',
    /// '/' (those three in progress) or '>' (moved to later: deferred).
    pub mark: char,
    /// The whole list item, nested content included.
    pub range: TextRange,
    /// The first line of the item.
    pub line: TextRange,
    /// `[P]`, `(P)`, `[US1]` written before the text, without brackets.
    pub markers: Vec<Text>,
    pub parallel: bool,
    /// Marked optional, as Kiro writes it: `- [ ]* 2.3 Write unit tests`.
    pub optional: bool,
    /// `_Requirements: 1.2, 3.4_` references.
    pub requirements: Vec<Text>,
    /// Task ids this one waits for ("Depends on T012", `T005 → T006`),
    /// and ranges of them as their keys (`T001..T003`, see
    /// [`TaskRange`](super::TaskRange)): resolve them with [`TaskRanges`](super::TaskRanges).
    pub depends_on: Vec<Text>,
    pub owner: Option<Text>,
    pub phase: Option<usize>,
    pub section: Option<usize>,
    /// The enclosing task item, for nested check lists; or, in Kiro's flat
    /// layout, the earlier task of the same list whose id this one's
    /// extends (`1` for `1.1`, `1.1` for `1.1.1`).
    pub parent: Option<usize>,
    pub kind: TaskKind,
}

impl Task {
    /// The state of the task's work, as `next` reads it: its mark, except
    /// that a definition-of-done item or acceptance criterion is open until
    /// ticked. Those are checked once the work is over and never "started"
    /// (`next` lists none and `done --start` starts none), so a
    /// hand-written `[-]` on one claims no work under way. Every count of
    /// progress ([`Plan::progress`](super::Plan::progress)) reads tasks so.
    pub fn work_state(&self) -> TaskState {
        match self.state {
            TaskState::InProgress if self.kind.is_check() => TaskState::Open,
            state => state,
        }
    }

    /// Whether, as a subtask, it leaves its parent's work unfinished: not
    /// done, part of the plan's work ([`TaskKind::counts`]) and not marked
    /// optional. A parent ticked over such a subtask is lint's PW210, and
    /// `done` notes it.
    pub fn holds_parent_open(&self) -> bool {
        self.state != TaskState::Done && self.kind.counts() && !self.optional
    }

    /// Whether its text opens with a checkpoint's label: `Checkpoint –
    /// make sure all tests pass` (as Kiro writes one), `Final checkpoint -
    /// …`, `**MVP CHECKPOINT**: Tag release`. A checkpoint checks the work
    /// before it, so it waits for that work (see `waits`). The label is
    /// the text before its first separator (or all of it): `checkpoint`,
    /// after at most one word that says which (`final`, `MVP`); not
    /// "Implement checkpoint: save state", nor "Add checkpoint support".
    pub fn is_checkpoint(&self) -> bool {
        let text = self.text.as_str();
        // Nearly no task is one: a search for the word, in any case, spares
        // the rest their search for six separators, which took 4% of
        // `lint` over a tree of plans (perf) when it ran on every task.
        let b = text.as_bytes();
        // Found from its `k`, rarer in prose than its `c`.
        let word = |k: usize| {
            k >= 4
                && b[k - 4..]
                    .get(..10)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"checkpoint"))
        };
        if !memchr::memchr2_iter(b'k', b'K', b).any(word) {
            return false;
        }
        let end = [":", "：", "–", "—", " - ", "("]
            .iter()
            .filter_map(|s| text.find(s))
            .min()
            .unwrap_or(text.len());
        let label = text[..end].trim().trim_matches(['*', '_']).trim();
        let mut words = label.split_whitespace().rev();
        if !words
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("checkpoint"))
        {
            return false;
        }
        match (words.next(), words.next()) {
            (None, _) => true,
            (Some(which), None) => {
                CHECKPOINT_WHICH
                    .iter()
                    .any(|q| which.eq_ignore_ascii_case(q))
                    // A label in capitals names itself: `MVP CHECKPOINT`.
                    || !label.chars().any(char::is_lowercase)
            }
            _ => false,
        }
    }
}

impl super::Plan {
    /// The tasks of phase `p` that are its work: every box under it but
    /// those left for later and a log's records ([`TaskKind::counts`]), as
    /// its progress counts them. A phase with work is finished when all of
    /// it is done; `next` and lint's PW213 read it so.
    pub fn phase_work(&self, p: usize) -> impl Iterator<Item = &Task> {
        self.phases
            .get(p)
            .into_iter()
            .flat_map(|phase| &phase.tasks)
            .filter_map(|&t| self.tasks.get(t))
            .filter(|t| t.kind.counts())
    }

    /// By task index, for open or started work of the plan
    /// ([`TaskKind::counts`]) whose subtasks are all done (none holds it
    /// open, [`Task::holds_parent_open`]: optional ones may stay open), how
    /// many of them are done; 0 for every other task. Such a task is only
    /// waiting to be ticked: lint reports it (PW212) and `next` says so
    /// where it offers it.
    pub fn open_over_done_subtasks(&self) -> Vec<usize> {
        self.open_over_done_subtasks_once(|_| false)
    }

    /// [`Self::open_over_done_subtasks`], with the tasks `ticked` accepts
    /// read as done: the plan as `done` is about to leave it.
    pub fn open_over_done_subtasks_once(&self, ticked: impl Fn(usize) -> bool) -> Vec<usize> {
        let n = self.tasks.len();
        let is_done = |i: usize| ticked(i) || self.tasks[i].state == TaskState::Done;
        let mut done = vec![0; n];
        let mut held = vec![false; n];
        for (i, task) in self.tasks.iter().enumerate() {
            let Some(p) = task.parent.filter(|&p| p < n) else {
                continue;
            };
            if !task.kind.counts() {
                continue;
            }
            if is_done(i) {
                done[p] += 1;
            } else if !task.optional {
                held[p] = true;
            }
        }
        (0..n)
            .map(|i| {
                let open_work = !is_done(i) && self.tasks[i].kind.counts();
                if open_work && !held[i] { done[i] } else { 0 }
            })
            .collect()
    }
}

/// Words that say which checkpoint a label names: `Final checkpoint`.
const CHECKPOINT_WHICH: [&str; 6] = ["final", "last", "mvp", "midway", "intermediate", "release"];

/// `from → to`: `to` cannot start before `from` is done. Either end may
/// be a range's key (`T003 → T004-T021`, see [`TaskRange`](super::TaskRange)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskLink {
    pub from: Text,
    pub to: Text,
    pub range: TextRange,
}

/// A task that cannot start before a phase is finished, written in the
/// task's own item: `- [ ] T003 Deploy (depends on Phase 1)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseWait {
    /// Index into `Plan::tasks`.
    pub task: usize,
    /// The phase named, where it was written.
    pub phase: Reference,
}
