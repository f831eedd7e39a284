//! What a block says about dependencies, as it closes: a phase's
//! dependency fields in every spelling (and as a sentence, "Depends on
//! Phase 1."), sentences between phases ("Phase 2 depends on Phase 1",
//! "This phase depends on Phase 2"), and what a task's own item says it
//! waits for (fields, and phrases naming a phase), which is the task's, not
//! its phase's.

use rustc_hash::FxHashMap;

use super::super::items::line_body_start;
use super::super::refs::{
    Hints, MAX_EXPANDED, Mention, Party, PhaseSentence, dependency_field, dependency_sentence,
    field_mentions, hints, is_order_section, land, mentions, phase_order, phase_sentences,
    references_naming, references_within,
};
use super::{Builder, TaskLink, TextRange, line_len};
use crate::model::{Phase, PhaseKind, PhaseWait, RefTarget, Reference};
use crate::parse::items::is_phase_head;
use crate::roles::Role;

/// Whose dependencies a block states: the innermost task or phase around
/// it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Owner {
    Task(usize),
    Phase(usize),
}

/// A phase sentence read in the pass, whose phases are found once the
/// whole plan is read: a sentence may name a phase the plan heads later.
pub(in crate::parse) struct Stated {
    sentence: PhaseSentence,
    /// The phase the sentence stands in, which "This phase" and "It" name:
    /// its heading's start, which stays its own when note phases are
    /// dropped (see `note_phases`), and its id, which names the phase a
    /// dropped note spoke of.
    this: Option<(u32, RefTarget)>,
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

    /// Once the whole plan is read, what the plan says of its phases'
    /// dependencies beyond their own fields, the surest first (each lands
    /// only on phases that have none yet, see `refs::land`): its
    /// dependency sections, its phase sentences, and phases that say the
    /// user stories wait for them.
    pub(in crate::parse) fn phase_dependencies_stated(&mut self) {
        self.section_phase_dependencies();
        self.sentence_phase_dependencies();
        self.story_phase_dependencies();
    }

    /// Once the whole plan is read: what a `### Phase Dependencies`
    /// section's bullets say of the phases they name (see
    /// `refs::phase_order`), within the plan's range budget.
    fn section_phase_dependencies(&mut self) {
        let mut budget = self.range_budget();
        phase_order(self.src, &mut self.plan, &mut budget);
        self.spend_range_budget(budget);
    }

    /// The phase sentences of a block (see `refs::phase_sentences`) at
    /// `range`, whose first verb stem (or order word) is at `stem`,
    /// outside any task's item, standing in phase `owner` if any. Kept for
    /// [`Self::sentence_phase_dependencies`], but for a sentence quoted as
    /// code (an example, not the plan's word), and, when `bullet` (a list
    /// item's text with a verb stem), for a bullet of a dependency section,
    /// which `refs::phase_order` reads.
    pub(super) fn read_phase_sentences(
        &mut self,
        range: TextRange,
        stem: usize,
        owner: Option<usize>,
        bullet: bool,
    ) {
        let section = self.section().and_then(|s| self.plan.sections.get(s));
        if bullet && section.is_some_and(is_order_section) {
            return;
        }
        let mut budget = self.range_budget();
        let text = range.slice(self.src);
        let found = phase_sentences(text, stem, range.start as usize, &mut budget);
        self.spend_range_budget(budget);
        if found.is_empty() || self.in_unsettled_section() {
            return;
        }
        for mut sentence in found {
            // A phase quoted as code is an example's, not the plan's word,
            // subject or object (`` `Phase 3 depends on Phase 2` and
            // `Phase 4 depends on Phase 3` ``).
            sentence.waiting.retain(|p| !self.in_code(p.range()));
            sentence.waited.retain(|p| !self.in_code(p.range()));
            if sentence.waiting.is_empty() || sentence.waited.is_empty() {
                continue;
            }
            let this = sentence
                .waiting
                .iter()
                .chain(&sentence.waited)
                .find_map(|p| match p {
                    Party::This { kind, .. } => Some(*kind),
                    Party::Phase(_) => None,
                });
            let this = match this {
                // Outside any phase, "this phase" names none.
                Some(kind) => match owner.map(|p| self.this_phase(p, kind)) {
                    Some(p) => {
                        let phase = &self.plan.phases[p];
                        let id = RefTarget::Phase {
                            kind: phase.kind,
                            number: phase.number.clone(),
                        };
                        Some((phase.heading.start, id))
                    }
                    None => continue,
                },
                None => None,
            };
            self.phase_sentences.push(Stated { sentence, this });
        }
    }

    /// Whether the block being read stands in a section of questions or
    /// of options weighed ("Open Questions", "Alternatives Considered",
    /// "Rejected Options"), or under one: what it says may not hold. A
    /// phase's own heading is none, whatever its title.
    fn in_unsettled_section(&self) -> bool {
        let sections = &self.plan.sections;
        let mut at = self.section();
        while let Some(s) = at.and_then(|s| sections.get(s)) {
            let unsettled = matches!(s.role, Some(Role::OpenQuestions | Role::Alternatives))
                || ["question", "alternative", "rejected", "considered"]
                    .iter()
                    .any(|w| s.key.contains(w));
            if unsettled && !is_phase_head(&s.title) {
                return true;
            }
            at = s.parent;
        }
        false
    }

    /// The phase "this phase" (or "this sprint", `kind`) names, in phase
    /// `p`: `p`, unless it is of another kind and a phase around it is of
    /// that kind ("this phase" in a step of a phase).
    fn this_phase(&self, p: usize, kind: PhaseKind) -> usize {
        let phases = &self.plan.phases;
        if phases[p].kind == kind {
            return p;
        }
        self.phases
            .iter()
            .rev()
            .map(|o| o.index)
            .find(|&q| phases.get(q).is_some_and(|ph| ph.kind == kind))
            .unwrap_or(p)
    }

    /// Whether `range` lies in one code span (`` `Phase 2 depends on
    /// Phase 1` ``).
    pub(in crate::parse) fn in_code(&self, range: TextRange) -> bool {
        within_code(&self.plan.code_spans, range)
    }

    /// Once the whole plan is read, after what its own fields and the
    /// dependency sections say: what the phase sentences say of each phase
    /// that states none of its dependencies itself (see `refs::land`). A
    /// sentence naming a phase the plan lacks as its subject says nothing.
    fn sentence_phase_dependencies(&mut self) {
        let stated = std::mem::take(&mut self.phase_sentences);
        if stated.is_empty() {
            return;
        }
        let mut budget = self.range_budget();
        let plan = &self.plan;
        let ids = plan.phase_ids();
        let headed: FxHashMap<u32, usize> = plan
            .phases
            .iter()
            .enumerate()
            .map(|(p, ph)| (ph.heading.start, p))
            .collect();
        let mut found = Vec::new();
        'sentences: for Stated { sentence, this } in stated {
            // The phase it stands in, or, if that was a note, the phases of
            // the note's id.
            let this: Vec<usize> = match &this {
                Some((at, id)) => match headed.get(at) {
                    Some(&p) => vec![p],
                    None => ids.get_all(id).collect(),
                },
                None => Vec::new(),
            };
            let waiting = sentence.waiting.iter().flat_map(|party| -> Vec<usize> {
                match party {
                    Party::This { .. } => this.clone(),
                    Party::Phase(r) => ids.get_all(&r.target).collect(),
                }
            });
            for p in waiting {
                for party in &sentence.waited {
                    let deps: Vec<Reference> = match party {
                        Party::This { range, .. } => this
                            .iter()
                            .map(|&q| Reference {
                                target: RefTarget::Phase {
                                    kind: plan.phases[q].kind,
                                    number: plan.phases[q].number.clone(),
                                },
                                range: *range,
                            })
                            .collect(),
                        Party::Phase(r) => vec![r.clone()],
                    };
                    for dep in deps {
                        if budget == 0 {
                            break 'sentences;
                        }
                        budget -= 1;
                        found.push((p, dep, sentence.range));
                    }
                }
            }
        }
        land(&mut self.plan, found);
        self.spend_range_budget(budget);
    }

    /// The innermost task or phase whose item or body holds what is being
    /// read: a field or phrase inside a task's item (its continuation
    /// lines, paragraphs, nested items) is the task's, not its phase's;
    /// so is one in a heading task's section, but for a phase opened in it.
    pub(super) fn dependency_owner(&self) -> Option<Owner> {
        let open = || {
            let phase = self.phases.last().map(|p| p.index);
            match (self.heading_task(), phase) {
                (Some(t), Some(p))
                    if self.plan.phases[p].heading.start < self.plan.tasks[t].line.start =>
                {
                    Some(Owner::Task(t))
                }
                (Some(t), None) => Some(Owner::Task(t)),
                (_, p) => p.map(Owner::Phase),
            }
        };
        self.items
            .iter()
            .rev()
            .find_map(|i| i.task.map(Owner::Task).or(i.phase.map(Owner::Phase)))
            .or_else(open)
    }

    /// What a block of task `t`'s item says the task waits for: phases
    /// ("(depends on Phase 1)", in its own text from `phrases` on, or a
    /// field) become [`PhaseWait`]s, and the task ids of a field the task
    /// reader does not read (`**Dependencies**: T001`, `_Deps_: T001`,
    /// `**Requires**: T001`) links to the task, which land on its
    /// `depends_on` as chains do.
    pub(super) fn task_waits(&mut self, t: usize, range: TextRange, phrases: Option<usize>) {
        let text = range.slice(self.src);
        // Only a field (with its colon) or a phrase naming a phase tells
        // the task something the task reader does not; most blocks are
        // neither, and the search for the phrases costs more than the
        // tests that rule them out (made before anything is copied).
        let hints = hints(text, phrases);
        if !hints.phase && !hints.colon {
            return;
        }
        let base = range.start as usize;
        let mut budget = self.range_budget();
        let plan = &mut self.plan;
        let Some(id) = plan.tasks.get(t).map(|task| task.id.clone()) else {
            return;
        };
        let (spans, phase_waits, task_links) = (
            &plan.code_spans,
            &mut plan.phase_waits,
            &mut plan.task_links,
        );
        let each = |m: Mention| {
            let (s, e) = m.value;
            for r in references_within(&text[s..e], base + s, &mut budget) {
                // Quoted as code, the words are an example's: "Add
                // `(depends on Phase 1)` parsing".
                if within_code(spans, r.range) {
                    continue;
                }
                match r.target {
                    RefTarget::Phase { .. } => {
                        phase_waits.push(PhaseWait { task: t, phase: r });
                    }
                    RefTarget::Task(from) if !m.read_by_task_line => {
                        task_links.push(TaskLink {
                            from,
                            to: id.clone(),
                            range: r.range,
                        });
                    }
                    RefTarget::Task(_) => {}
                }
            }
        };
        match hints {
            Hints { phase: true, .. } => mentions(text, each),
            Hints { .. } => field_mentions(text, each),
        }
        self.spend_range_budget(budget);
    }

    /// Whether phase `p` has its dependencies already (or is no phase):
    /// the first field that names any is the phase's.
    pub(super) fn phase_depends_already(&self, p: usize) -> bool {
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
            // (Past ASCII, a key in Chinese: `依赖：Phase 1`.)
            if !bold && first.is_some_and(|c| b"dDpPrRbBnNwWsS".contains(c) || !c.is_ascii()) {
                let line = &text[body..body + line_len(&text[body..])];
                // A field, or the same said as a sentence ("Depends on
                // Phase 1."), to its clause's end.
                let value = dependency_field(line)
                    .map(|v| (v, line.len(), false))
                    .or_else(|| {
                        dependency_sentence(line).map(|s| (s.value.0, s.value.1, s.needs_reference))
                    });
                if let Some((v, e, needs_reference)) = value {
                    let raw = &line[v..e];
                    let value = raw.trim();
                    let value_start = start + body + v + (raw.len() - raw.trim_start().len());
                    let range = TextRange::new(value_start, value_start + value.len());
                    // "Requires a running database" is prose, which must
                    // not stand as the phase's "no dependencies".
                    let prose = needs_reference
                        && references_naming(
                            value,
                            value_start,
                            &mut MAX_EXPANDED.clone(),
                            &self.lettered_phases,
                        )
                        .is_empty();
                    if !prose {
                        // "Depends on Phase 1" declares a wait as a field
                        // does; "Requires Phase 1 …" may be an exit
                        // criterion (see `keep_own`).
                        self.phase_dependencies(p, value, range, !needs_reference);
                    }
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
    /// ("None") stands until then. What the value says of the phase
    /// itself is read by [`keep_own`], `declared` saying whether the value
    /// declares what the phase waits for.
    pub(in crate::parse) fn phase_dependencies(
        &mut self,
        p: usize,
        value: &str,
        range: TextRange,
        declared: bool,
    ) {
        if self.phase_depends_already(p) {
            return;
        }
        let mut budget = self.range_budget();
        let start = range.start as usize;
        let mut refs = references_naming(value, start, &mut budget, &self.lettered_phases);
        self.spend_range_budget(budget);
        if refs.is_empty() {
            refs = self.earlier_phases(p, value, range);
        }
        let Some(phase) = self.plan.phases.get_mut(p) else {
            return;
        };
        keep_own(&mut refs, phase, declared);
        if phase.depends_range.is_none() || !refs.is_empty() {
            phase.depends_range = Some(range);
            phase.depends_on = refs;
        }
    }
}

/// Leaves in `refs`, what a statement of `phase`'s dependencies names,
/// the references to the phase itself only when they are all it names and
/// the statement is `declared`: a field with its key (`**Dependencies:**
/// Phase 1` on Phase 1), a heading's `(depends on Phase 1)`, or a line
/// opening "Depends on" or "Blocked by". That is a wait that can never
/// end, which lint's PW207 reports and `next` respects. Named among other
/// phases ("after Sprint 1, Sprint 2, Sprint 3" on Sprint 3, or `Phases
/// 1-3` on Phase 3) the phase is prose about the run of phases, the
/// others being the waits; and after a verb that opens other prose too
/// ("Requires Phase 1 sign-off", `(after Phase 1 review)`), it is more
/// likely an exit criterion than a wait.
pub(in crate::parse) fn keep_own(refs: &mut Vec<Reference>, phase: &Phase, declared: bool) {
    let own = |r: &Reference| match &r.target {
        RefTarget::Phase { kind, number } => {
            *kind == phase.kind && number.eq_ignore_ascii_case(&phase.number)
        }
        RefTarget::Task(_) => false,
    };
    if declared && refs.iter().all(own) {
        // Once is enough: `Phase 1, Phase 1` is one wait.
        refs.truncate(1);
    } else {
        refs.retain(|r| !own(r));
    }
}

/// Whether `range` lies in one of `spans`, the plan's code spans in order.
fn within_code(spans: &[TextRange], range: TextRange) -> bool {
    let n = spans.partition_point(|c| c.start <= range.start);
    n > 0 && spans[n - 1].contains_range(range)
}
