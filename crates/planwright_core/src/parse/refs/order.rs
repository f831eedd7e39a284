//! spec-kit's `### Phase Dependencies` bullets, read into the dependencies
//! of the phases they name once the whole plan is read:
//!
//! ```markdown
//! - **Setup (Phase 1)**: No dependencies - can start immediately
//! - **Foundational (Phase 2)**: Depends on Setup completion - BLOCKS all user stories
//! - **User Stories (Phase 3+)**: All depend on Foundational phase completion
//! - **Polish (Final Phase)**: Depends on all desired user stories being complete
//! ```
//!
//! After the pass rather than in it: the section follows the phases it
//! names, by number (`Phase 2`), by open range (`Phase 3+`), by title
//! (`Setup`, `US1` for "User Story 1") and as "all user stories", which
//! only the whole plan resolves. A bullet is read only where both its
//! subject and what it depends on resolve to phases of the plan, and
//! only the clause after a dependency verb is read ("Depends on Setup
//! completion", not "- BLOCKS all user stories", which runs the other
//! way): a wait read wrongly hides work from `next`, so what is unclear
//! names nothing.

use rustc_hash::{FxHashMap, FxHashSet};

mod drawn;
mod names;
mod phrases;

pub(crate) use phrases::is_story_title;
use phrases::{clauses, colon_at, name_of, skip_marks, verbs};

use crate::model::{BlockKind, PhaseIds, Plan, RefTarget, Reference, Section, Text};
use crate::parse::blocks::dep_sections::{earlier, names_earlier};
use crate::text::TextRange;

/// Reads the phase-dependency bullets of `plan` (whose text is `src`)
/// into the dependencies of the phases they name, for phases that state
/// none themselves (a phase's own `Dependencies:` field stands). Each
/// dependency keeps the range of the words it was read from. `budget`
/// bounds the dependencies made and the phases open ranges look through,
/// with the ids ranges stand for, as the reader's range budget does.
pub(crate) fn phase_order(src: &str, plan: &mut Plan, budget: &mut usize) {
    if plan.phases.is_empty()
        || !(plan.sections.iter().any(is_order_section) || plan.tables.iter().any(is_phase_table))
    {
        return;
    }
    let found = Reader::new(src, plan, budget).read();
    land(plan, found);
}

/// Gives each phase of `found` (phase, dependency, the words it was read
/// from) its dependency, unless it stated its own dependencies (a
/// `Dependencies:` field, `None` too) before `found` was read: the first
/// words a phase's dependencies were read from are its `depends_range`. A
/// phase waits for no task this way, nor for itself, nor twice for one.
pub(crate) fn land(plan: &mut Plan, found: Vec<(usize, Reference, TextRange)>) {
    // Only phases that say nothing of their dependencies themselves.
    let open: Vec<bool> = plan
        .phases
        .iter()
        .map(|p| p.depends_range.is_none())
        .collect();
    let mut seen = FxHashSet::default();
    for (p, dep, clause) in found {
        let Some(phase) = plan.phases.get_mut(p).filter(|_| open[p]) else {
            continue;
        };
        let RefTarget::Phase { kind, number } = &dep.target else {
            continue;
        };
        let own = *kind == phase.kind && number.eq_ignore_ascii_case(&phase.number);
        if own || !seen.insert((p, *kind, number.to_ascii_uppercase())) {
            continue;
        }
        phase.depends_range.get_or_insert(clause);
        phase.depends_on.push(dep);
    }
}

/// The sections whose list items state phase dependencies: spec-kit's
/// `### Phase Dependencies`, or its `## Dependencies & Execution Order`
/// holding them directly, or a plain `## Dependencies` ("- Phase 3
/// depends on Phase 2"), whose bullets name phases only now and then (a
/// bullet that names none is skipped), or spec-kit's `### User Story
/// Dependencies`, whose stories (`US2`, `User Story 2`) are the phases
/// titled as them (a story the plan gives no phase names nothing), or a
/// `### Critical Path`, whose phases follow one another. Not
/// every heading about dependencies. A heading that opens a phase
/// ("Phase 2: Dependencies") is the phase's.
pub(crate) fn is_order_section(s: &Section) -> bool {
    (matches!(
        s.key.as_str(),
        "phase dependencies"
            | "phase dependency"
            | "user story dependencies"
            | "user story dependency"
            | "story dependencies"
            | "dependencies and execution order"
            | "dependencies"
            | "dependency"
            | "task dependencies"
    ) || s.key.starts_with("critical path"))
        && !super::super::items::is_phase_head(&s.title)
}

/// Whether a table lists phases (its first column headed `Phase`,
/// `Stage`, `Milestone`…) beside a column of their dependencies: wherever
/// it stands (a timeline, an overview), it says what each phase waits for
/// as a dependency section's table does.
fn is_phase_table(table: &crate::model::Table) -> bool {
    let mut heads = table.header.cells.iter();
    heads.next().is_some_and(|first| {
        let key = crate::model::normalize_key(&first.text);
        let word = key.strip_suffix('s').unwrap_or(&key);
        super::super::items::PHASE_WORDS
            .iter()
            .any(|(w, _)| *w == word)
    }) && heads.any(|c| is_dependency_head(&c.text))
}

/// Whether a table's column heading says its cells are dependencies. Not
/// "After": beside a "Before" column it lists what follows. "Blockers"
/// is: what blocks a row's phase is what it waits for (a blocker that is
/// no phase of the plan names nothing).
fn is_dependency_head(text: &str) -> bool {
    let key = crate::model::normalize_key(text);
    super::keys::is_dependency_key(&key)
        || matches!(
            key.as_str(),
            "waits_for"
                | "blocked_by"
                | "blocked_on"
                | "blockers"
                | "blocker"
                | "predecessors"
                | "predecessor"
        )
}

/// What a few words name.
#[derive(Clone, Debug)]
enum Item {
    Phases(Vec<RefTarget>),
    /// "all user stories", "User Stories": the user-story phases.
    Stories,
}

/// One bullet: the phases it is about, and where its object starts.
struct Bullet {
    subjects: Vec<usize>,
    /// Whether its subject is a user story or stories (`User Stories
    /// (Phase 3-8)`, `US1 (Phase 3)`): what "all user stories" means.
    stories: bool,
    /// The bullet's text, and where its object starts in it.
    range: TextRange,
    object: usize,
    /// Its object is the dependencies themselves, with no verb before them
    /// (a table's "Depends on" column).
    bare: bool,
}

struct Reader<'p> {
    src: &'p str,
    plan: &'p Plan,
    ids: PhaseIds<'p>,
    /// Phase names, lower case (`setup`, `user story 1`), as read from
    /// titles by [`name_of`], to the phase; `None` where phases of
    /// different ids share the name.
    names: FxHashMap<Text, Option<usize>>,
    /// The phases titled as a user story (`User Story 1 - Sign in`).
    stories: Vec<usize>,
    budget: &'p mut usize,
    /// A name being looked up, words joined by single spaces.
    key: String,
}

impl<'p> Reader<'p> {
    fn new(src: &'p str, plan: &'p Plan, budget: &'p mut usize) -> Self {
        let mut names: FxHashMap<Text, Option<usize>> = FxHashMap::default();
        for (p, phase) in plan.phases.iter().enumerate() {
            let Some(name) = name_of(&phase.title) else {
                continue;
            };
            let entry = names.entry(name).or_insert(Some(p));
            if let Some(q) = *entry {
                let other = &plan.phases[q];
                if other.kind != phase.kind || !other.number.eq_ignore_ascii_case(&phase.number) {
                    *entry = None;
                }
            }
        }
        let stories = (0..plan.phases.len())
            .filter(|&p| is_story_title(&plan.phases[p].title))
            .collect();
        Self {
            src,
            plan,
            ids: plan.phase_ids(),
            names,
            stories,
            budget,
            key: String::new(),
        }
    }

    /// Every dependency the bullets state: (phase, dependency, the clause
    /// it was read from).
    fn read(mut self) -> Vec<(usize, Reference, TextRange)> {
        let plan = self.plan;
        let wanted: Vec<bool> = plan.sections.iter().map(is_order_section).collect();
        let mut bullets = Vec::new();
        let mut drawings = Vec::new();
        for block in &plan.blocks {
            let in_order = block.section.and_then(|s| wanted.get(s).copied());
            if in_order == Some(true) && block.kind == BlockKind::ListItem {
                // A bullet is a line of its own: it draws a row, not a
                // column.
                let row = &mut drawn::Diagram::default();
                self.diagram_line(row, block.range, &mut drawings);
                bullets.extend(self.bullet(block.range));
            }
        }
        // A diagram in a code block there, a phase a line (`Phase 2:
        // Foundational ───> Depends on Phase 1`), says it as bullets do;
        // a line that names no phase of the plan before a verb says nothing.
        let any_wanted = wanted.contains(&true);
        for &code in plan.code_blocks.iter().filter(|_| any_wanted) {
            // The innermost section holding it: of those starting before
            // it (in order of start), the last that has not ended.
            let at = code.start;
            let before = plan.sections.partition_point(|s| s.range.start <= at);
            let section = (0..before).rev().find(|&s| at < plan.sections[s].range.end);
            if section.and_then(|s| wanted.get(s).copied()) != Some(true) {
                continue;
            }
            let text = code.slice(self.src);
            let mut diagram = drawn::Diagram::default();
            for (offset, line) in crate::parse::items::LineOffsets::new(text) {
                let start = code.start as usize + offset;
                let line = TextRange::new(start, start + line.len());
                self.diagram_line(&mut diagram, line, &mut drawings);
                bullets.extend(self.bullet(line));
            }
        }
        for table in &plan.tables {
            let in_order = table.section.and_then(|s| wanted.get(s).copied()) == Some(true);
            if !in_order && !is_phase_table(table) {
                continue;
            }
            let Some(col) = table
                .header
                .cells
                .iter()
                .position(|c| is_dependency_head(&c.text))
            else {
                continue;
            };
            for row in &table.rows {
                if let (Some(subject), Some(object)) = (row.cells.first(), row.cells.get(col)) {
                    bullets.extend(self.row(subject.range, object.range));
                }
            }
        }
        // "All user stories" are those the section names as stories and
        // every phase titled as one: a story the section gives no bullet
        // of its own is still one of them.
        let mut stories: Vec<usize> = bullets
            .iter()
            .filter(|b| b.stories)
            .flat_map(|b| b.subjects.iter().copied())
            .collect();
        stories.extend_from_slice(&self.stories);
        stories.sort_unstable();
        stories.dedup();
        let mut out = Vec::new();
        for b in &bullets {
            let text = b.range.slice(self.src);
            let lower = text.to_ascii_lowercase();
            let base = b.range.start as usize;
            let clauses = if b.bare {
                vec![(b.object, text.len())]
            } else {
                clauses(text, &lower, b.object)
            };
            for (start, end) in clauses {
                let clause = TextRange::new(base + start, base + end).trim(self.src);
                let items = self.items(text, &lower, base, (start, end));
                // "Requires all phases complete": those before the subject.
                let all = items.is_empty().then(|| names_earlier(&text[start..end]));
                if let Some(which) = all.flatten() {
                    for &s in &b.subjects {
                        for o in earlier(&plan.phases, s, which) {
                            if !self.spend(1) {
                                return out;
                            }
                            let dep = Reference {
                                target: target(plan, o),
                                range: clause,
                            };
                            out.push((s, dep, clause));
                        }
                    }
                }
                for (item, range) in items {
                    let targets = match item {
                        Item::Phases(t) => t,
                        Item::Stories => stories.iter().map(|&p| target(plan, p)).collect(),
                    };
                    for t in targets {
                        for &s in &b.subjects {
                            if !self.spend(1) {
                                return out;
                            }
                            let dep = Reference {
                                target: t.clone(),
                                range,
                            };
                            out.push((s, dep, clause));
                        }
                    }
                }
            }
        }
        // A drawing rounds off what the words say: it orders only phases
        // the words gave no order.
        let worded: FxHashSet<usize> = out.iter().map(|(p, _, _)| *p).collect();
        out.extend(drawings.into_iter().filter(|(p, _, _)| !worded.contains(p)));
        out
    }

    /// Takes `n` from the budget, if it has that much.
    fn spend(&mut self, n: usize) -> bool {
        let ok = *self.budget >= n;
        if ok {
            *self.budget -= n;
        }
        ok
    }

    /// A bullet's subject and where its object starts: `**Subject**:
    /// object` (the colon outside brackets), or a sentence whose subject
    /// comes before its verb ("Phase 8 requires Phase 4"). `None` unless
    /// the subject names a phase of the plan.
    fn bullet(&mut self, range: TextRange) -> Option<Bullet> {
        let text = range.slice(self.src);
        let lower = text.to_ascii_lowercase();
        let verb = verbs(&lower, 0).next().map(|(s, _)| s);
        let colon = colon_at(text).filter(|&c| verb.is_none_or(|v| c < v));
        let (subject_end, object) = match (colon, verb) {
            (Some(c), _) => (c, c + text[c..].chars().next().map_or(1, char::len_utf8)),
            // "Phase 3 does not depend on Phase 2" states no order, and a
            // bullet struck through is taken back.
            (None, Some(v)) if super::negated(&text[..v]) => return None,
            (None, Some(v)) => (v, v),
            (None, None) => return None,
        };
        if text.trim_start().starts_with("~~") {
            return None;
        }
        let base = range.start as usize;
        let (subjects, stories) =
            self.subjects(text, &lower, base, subject_end, colon.is_some())?;
        Some(Bullet {
            subjects,
            stories,
            range,
            object,
            bare: false,
        })
    }

    /// The phases a bullet's subject (`text[..subject_end]`) names, and
    /// whether they are user stories; `None` when it names none of the
    /// plan's. `labelled`: the subject is a label (`**Setup (Phase 1)**:`),
    /// whose bracket anywhere gives its number; in a sentence only one
    /// right after the head does.
    fn subjects(
        &mut self,
        text: &str,
        lower: &str,
        base: usize,
        subject_end: usize,
        labelled: bool,
    ) -> Option<(Vec<usize>, bool)> {
        let start = skip_marks(text, 0);
        // A subject of marks alone names nothing: a drawing's cell "` - `",
        // cut at its dash, ends before the marks skipped from its start.
        if start >= subject_end {
            return None;
        }
        let head = self
            .item_at(lower, start)
            .or_else(|| self.numbered_head(text, base, start, subject_end));
        // The bracket after the subject's head gives its number: `Setup
        // (Phase 1)`, `User Stories 3-9 (Phase 6-11)`; in a sentence only
        // right after the head (`Phase 8 (Task Groups) requires`).
        let paren = text[..subject_end].find('(').filter(|&o| {
            labelled
                || text
                    .get(head.as_ref().map_or(start, |h| h.2)..o)
                    .is_some_and(|gap| gap.trim().is_empty())
        });
        let numbered = paren.map(|o| {
            let close = text[o..subject_end]
                .find(')')
                .map_or(subject_end, |c| o + c);
            self.phase_refs(text, base, o + 1, close)
        });
        let targets = match (numbered.filter(|t| !t.is_empty()), head) {
            (Some(t), _) => t.into_iter().map(|(t, _)| t).collect(),
            (None, Some((Item::Phases(t), _, _))) => t,
            (None, Some((Item::Stories, _, _))) => {
                // Paid for before it is built, as every phase below is:
                // every user story as the subject of every bullet, or
                // every phase of a repeated id, would not be in proportion
                // to the text.
                if !self.spend(self.stories.len()) {
                    return None;
                }
                self.stories.iter().map(|&p| target(self.plan, p)).collect()
            }
            (None, None) => return None,
        };
        let mut subjects = Vec::new();
        for t in &targets {
            for p in self.ids.get_all(t) {
                if *self.budget == 0 {
                    return None;
                }
                *self.budget -= 1;
                subjects.push(p);
            }
        }
        let head_lower = &lower[start..];
        let stories = head_lower.starts_with("user stor")
            || (head_lower.starts_with("us")
                && head_lower[2..].starts_with(|c: char| c.is_ascii_digit()));
        (!subjects.is_empty()).then_some((subjects, stories))
    }

    /// A row of a dependency table (`| Phase 2 | Phase 1 |` under `|
    /// Phase | Depends on |`) as the bullet "Phase 2: Phase 1" would be:
    /// its subject in the first column, its object in the column headed
    /// as dependencies.
    fn row(&mut self, subject: TextRange, object: TextRange) -> Option<Bullet> {
        if object.start <= subject.end {
            return None;
        }
        let text = subject.slice(self.src);
        let lower = text.to_ascii_lowercase();
        let (subjects, stories) =
            self.subjects(text, &lower, subject.start as usize, text.len(), true)?;
        Some(Bullet {
            subjects,
            stories,
            range: TextRange::new(subject.start as usize, object.end as usize),
            object: (object.start - subject.start) as usize,
            bare: true,
        })
    }
}

/// The phase a dependency on phase `p` names.
fn target(plan: &Plan, p: usize) -> RefTarget {
    let phase = &plan.phases[p];
    RefTarget::Phase {
        kind: phase.kind,
        number: phase.number.clone(),
    }
}

#[cfg(test)]
#[path = "order_tests.rs"]
pub(in crate::parse) mod tests;
