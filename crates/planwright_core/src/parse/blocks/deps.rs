//! What a block says about dependencies, as it closes: a phase's
//! dependency fields in every spelling (and as a sentence, "Depends on
//! Phase 1."), and what a task's own item says it
//! waits for (fields, and phrases naming a phase), which is the task's, not
//! its phase's.

use super::super::refs::{
    Hints, MAX_EXPANDED, Mention, dependency_field, dependency_sentence, field_mentions, hints,
    mentions, phase_order, references_within,
};
use super::{Builder, TaskLink, TextRange, line_body_start, line_len};
use crate::model::{PhaseWait, RefTarget};

/// Whose dependencies a block states: the innermost task or phase around
/// it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Owner {
    Task(usize),
    Phase(usize),
}

impl Builder<'_> {
    /// How many more ids the plan's ranges may stand for between their
    /// ends: as many as the text has bytes (and a few thousand), however
    /// many ranges it writes, so that `T1-T999` written over and over makes
    /// no more ids than bytes.
    pub(super) fn range_budget(&self) -> usize {
        (self.src.len() + MAX_EXPANDED).saturating_sub(self.plan.range_ids)
    }

    /// Records what a reading left of [`Self::range_budget`].
    pub(super) fn spend_range_budget(&mut self, left: usize) {
        self.plan.range_ids += self.range_budget().saturating_sub(left);
    }

    /// Once the whole plan is read: what a `### Phase Dependencies`
    /// section's bullets say of the phases they name (see
    /// `refs::phase_order`), within the plan's range budget.
    pub(in crate::parse) fn section_phase_dependencies(&mut self) {
        let mut budget = self.range_budget();
        phase_order(self.src, &mut self.plan, &mut budget);
        self.spend_range_budget(budget);
    }

    /// The innermost task or phase whose item or body holds what is being
    /// read: a field or phrase inside a task's item (its continuation
    /// lines, paragraphs, nested items) is the task's, not its phase's.
    pub(super) fn dependency_owner(&self) -> Option<Owner> {
        self.items
            .iter()
            .rev()
            .find_map(|i| i.task.map(Owner::Task).or(i.phase.map(Owner::Phase)))
            .or_else(|| self.phases.last().map(|p| Owner::Phase(p.index)))
    }

    /// What a block of task `t`'s item says the task waits for: phases
    /// ("(depends on Phase 1)", in its own text from `phrases` on, or a
    /// field) become [`PhaseWait`]s, and the task ids of a field the task
    /// reader does not read (`**Dependencies**: T001`, `_Deps_: T001`,
    /// `**Requires**: T001`) links to the task, which land on its
    /// `depends_on` as chains do.
    pub(super) fn task_waits(&mut self, t: usize, range: TextRange, phrases: Option<usize>) {
        let text = range.slice(self.src);
        let base = range.start as usize;
        let mut budget = self.range_budget();
        let plan = &mut self.plan;
        let Some(id) = plan.tasks.get(t).map(|task| task.id.clone()) else {
            return;
        };
        let each = |m: Mention| {
            let (s, e) = m.value;
            for r in references_within(&text[s..e], base + s, &mut budget) {
                match r.target {
                    RefTarget::Phase { .. } => {
                        plan.phase_waits.push(PhaseWait { task: t, phase: r });
                    }
                    RefTarget::Task(from) if !m.read_by_task_line => {
                        plan.task_links.push(TaskLink {
                            from,
                            to: id.clone(),
                            range: r.range,
                        });
                    }
                    RefTarget::Task(_) => {}
                }
            }
        };
        // Only a field (with its colon) or a phrase naming a phase tells
        // the task something the task reader does not; most blocks are
        // neither, and the search for the phrases costs more than the
        // tests that rule them out.
        match hints(text, phrases) {
            Hints { phase: true, .. } => mentions(text, each),
            Hints { colon: true, .. } => field_mentions(text, each),
            Hints { .. } => return,
        }
        self.spend_range_budget(budget);
    }

    /// Whether phase `p` has its dependencies already (or is no phase):
    /// the first field that names any is the phase's.
    fn phase_depends_already(&self, p: usize) -> bool {
        self.plan
            .phases
            .get(p)
            .is_none_or(|ph| !ph.depends_on.is_empty())
    }

    /// Dependency fields the bold-field reader leaves (`Dependencies:
    /// Phase 1` written plainly, `_Deps_: Phase 1`) in a block of phase
    /// `p`'s body, until one names a dependency.
    pub(super) fn phase_dependency_lines(&mut self, p: usize, start: usize, end: usize) {
        if self.phase_depends_already(p) {
            return;
        }
        let text = self.slice(start, end);
        let b = text.as_bytes();
        // Line by line from the block's start, where its first line's body
        // starts: a field opens its line, and the first byte of a body
        // rules out most lines before their end is looked for (a pass for
        // colons first cost more).
        let mut at = 0;
        while at < b.len() {
            let body = at
                + if at == 0 {
                    0
                } else {
                    line_body_start(&text[at..])
                };
            // A bold field (`**Dependencies**:`) is the bold-field reader's.
            let bold = b[body..].starts_with(b"**");
            let first = b[body..].iter().find(|c| !matches!(c, b'*' | b'_'));
            if !bold && first.is_some_and(|c| b"dDpPrRbB".contains(c)) {
                let line = &text[body..body + line_len(&text[body..])];
                // A field, or the same said as a sentence ("Depends on
                // Phase 1."), to its clause's end.
                let value = dependency_field(line)
                    .map(|v| (v, line.len()))
                    .or_else(|| dependency_sentence(line).map(|(v, len)| (v, v + len)));
                if let Some((v, e)) = value {
                    let raw = &line[v..e];
                    let value = raw.trim();
                    let value_start = start + body + v + (raw.len() - raw.trim_start().len());
                    let range = TextRange::new(value_start, value_start + value.len());
                    self.phase_dependencies(p, value, range);
                    if !self.plan.phases[p].depends_on.is_empty() {
                        break;
                    }
                }
            }
            let Some(eol) = memchr::memchr2(b'\n', b'\r', &b[at..]) else {
                break;
            };
            at += eol
                + if b[at + eol..].starts_with(b"\r\n") {
                    2
                } else {
                    1
                };
        }
    }

    /// Sets phase `p`'s dependencies from a field's value at `range`. The
    /// first field that names any is the phase's; one that names none
    /// ("None") stands until then. A phase naming itself ("after Sprint 1,
    /// Sprint 2, Sprint 3" on Sprint 3) is prose about it, not a wait.
    pub(super) fn phase_dependencies(&mut self, p: usize, value: &str, range: TextRange) {
        if self.phase_depends_already(p) {
            return;
        }
        let mut budget = self.range_budget();
        let mut refs = references_within(value, range.start as usize, &mut budget);
        self.spend_range_budget(budget);
        let Some(phase) = self.plan.phases.get_mut(p) else {
            return;
        };
        refs.retain(|r| match &r.target {
            RefTarget::Phase { kind, number } => {
                *kind != phase.kind || !number.eq_ignore_ascii_case(&phase.number)
            }
            RefTarget::Task(_) => true,
        });
        if phase.depends_range.is_none() || !refs.is_empty() {
            phase.depends_range = Some(range);
            phase.depends_on = refs;
        }
    }
}
