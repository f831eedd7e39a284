//! Flags a dependency on a phase or task that does not exist in the plan.
//!
//! ## What it does
//! Reads the dependencies of phases (`**Dependencies:** Phase 1 complete`),
//! of tasks (`Depends on T012`, `(depends on Phase 1)`, `Blocked by: Stage
//! A` in the task's item) and task chains (`T005 → T006`), and reports
//! each reference to a phase number or task id the plan does not have,
//! once, where it is written: "T002 depends on T098." in a paragraph is
//! reported on that sentence, not again on T002's line. A phase reference
//! is checked only when the plan has phases, its title aside, and of its
//! kind if the title is one (`# Epic 78: Tokens` depending on Epic 77
//! names another document's; in a plan of `Phase N` heads, `Stage A`
//! names nothing). A range
//! of ids (`T001-T005`) names every id between its ends: it is reported
//! once, with the first id the plan lacks and how many it lacks, and
//! underlined where it is written. So is a range of phases (`Phases 1-4`
//! in a plan without Phase 3), unless the plan numbers a phase in the gap
//! otherwise (`Phase 3.5`): that is the phase meant. In a
//! plan whose tasks have no ids of their own, an id written as ids are
//! (`depends on T009`, `TASK-12`) is still reported; a bare number (`after
//! 4.2`) or a short one (`T4 GPUs`) is not, as it may name a section or a
//! thing.
//!
//! An id the plan writes with other padding or a dash (`T17` or `T-017`
//! for `T017`) is named in the help.
//!
//! ## Why
//! A dependency on nothing is either a typo or a leftover from a phase
//! that was renumbered; `planwright next` cannot order work around it.
//!
//! ## Example
//! ```markdown
//! ### Phase 3: Rollout
//! **Dependencies:** Phase 5
//! ```
//! or
//! ```markdown
//! - [ ] T014 Deploy (depends on Phase 9)
//! ```
//! in a plan with phases 1 to 4.
//!
//! ## Fix
//! Point the dependency at the phase or task that exists, or remove it.

use planwright_core::{
    PhaseKind, RefTarget, Reference, Task, TaskIds, TaskRange, TaskRanges, TextRange,
};

use super::Sink;
use crate::Context;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    let plan = ctx.plan;
    let (phases, tasks) = (plan.phase_ids(), plan.task_ids());
    let ranges = TaskRanges::new(plan);
    let lacks = |key: &str| lacks(&tasks, &ranges, key);
    // Built at the first finding that needs it: most plans have none.
    let twins = std::cell::OnceCell::new();
    let help = |key: &str, what: &str| {
        let twins = twins.get_or_init(|| Twins::new(plan));
        match twins.of(key) {
            Some(id) => format!("did you mean `{id}`?"),
            None => what.to_owned(),
        }
    };
    // A phase of a kind the plan has none of but its title names another
    // document's: `# Epic 78: Tokens` depending on Epic 77. A plan of no
    // phases but its title names none of its own. Any other kind is
    // checked: in a plan of `Phase N` heads, `Stage A` names nothing.
    let title = plan.title.as_ref();
    let own = || {
        let heading = title.map(|t| t.heading);
        plan.phases
            .iter()
            .filter(move |p| Some(p.heading) != heading)
    };
    // (A title is read as a phase only in a plan without phases of its
    // own: its words say its kind.)
    let titled = |kind: PhaseKind| title.is_some_and(|t| opens_with_word(&t.text, kind.name()));
    let checked_kind = |kind: PhaseKind| {
        own().any(|p| p.kind == kind) || (!titled(kind) && own().next().is_some())
    };
    let lacks_phase = |dep: &Reference| match &dep.target {
        RefTarget::Phase { kind, number } => {
            phases.get(&dep.target).is_none()
                && checked_kind(*kind)
                && !within_range(ctx.source, dep.range, number)
        }
        RefTarget::Task(_) => false,
    };
    // A number a phase's range stands for between its ends (`3` of
    // `Phases 1-4`) that the plan lacks, and carries in no form: a plan
    // numbering 1, 2.5, 3 meant 2.5 by `Phases 1-3`.
    let gap = |dep: &Reference| match &dep.target {
        RefTarget::Phase { kind, number } => {
            phases.get(&dep.target).is_none()
                && checked_kind(*kind)
                && within_range(ctx.source, dep.range, number)
                && !own().any(|p| p.kind == *kind && whole_number(&p.number) == number)
        }
        RefTarget::Task(_) => false,
    };
    for phase in &plan.phases {
        // Where a finding was reported, and the gaps of each range: a
        // range is reported once, not per number, and not beside its end.
        let mut reported = Vec::new();
        let mut gaps: Vec<(TextRange, &Reference, usize)> = Vec::new();
        for dep in phase.depends_on.iter().filter(|d| gap(d)) {
            match gaps.iter_mut().find(|(at, ..)| *at == dep.range) {
                Some((_, _, count)) => *count += 1,
                None => gaps.push((dep.range, dep, 1)),
            }
        }
        for dep in &phase.depends_on {
            let lacking = match &dep.target {
                RefTarget::Phase { .. } => lacks_phase(dep)
                    .then(|| format!("{}, which does not exist", dep.target.label())),
                RefTarget::Task(key) => lacks(key).filter(|_| !plan.tasks.is_empty()),
            };
            if let Some(lacking) = lacking {
                let what = "point the dependency at an existing phase or task, or remove it";
                let what = match &dep.target {
                    RefTarget::Task(key) => help(key, what),
                    RefTarget::Phase { .. } => what.to_owned(),
                };
                out.report(dep.range, format!("{} depends on {lacking}", phase.id))
                    .primary_label("no such phase or task in this plan")
                    .label(phase.heading, format!("{} starts here", phase.id))
                    .help(what);
                reported.push(dep.range);
            }
        }
        for (at, first, count) in gaps.into_iter().filter(|(at, ..)| !reported.contains(at)) {
            let first = first.target.label();
            let lacking = match count {
                1 => format!("{first}, which does not exist"),
                n => format!("{first} and {} more phases, which do not exist", n - 1),
            };
            out.report(at, format!("{} depends on {lacking}", phase.id))
                .primary_label("the range ending here names it")
                .label(phase.heading, format!("{} starts here", phase.id))
                .help("end the range where the phases are, or name the phases one by one");
        }
    }
    // As for phases: a plan without phases names none by mistake.
    for wait in plan.phase_waits.iter().filter(|_| !plan.phases.is_empty()) {
        let Some(task) = plan
            .tasks
            .get(wait.task)
            .filter(|_| lacks_phase(&wait.phase))
        else {
            continue;
        };
        let label = wait.phase.target.label();
        let mut r = out
            .report(
                wait.phase.range,
                format!("{} depends on {label}, which does not exist", task.id),
            )
            .primary_label("no such phase in this plan");
        // Written on a line of its own under the task: show which task.
        if !task.line.contains_range(wait.phase.range) {
            r = r.label(task.line, format!("{} starts here", task.id));
        }
        r.help("point the dependency at an existing phase, or remove it");
    }
    // In a plan whose tasks have no ids of their own, a bare number
    // ("after 4.2") may name a section, and `T4` a GPU or `T1` a scan; an
    // id written as ids are (`T009`, `TASK-12`) still names a task, which
    // the plan lacks.
    let has_ids = plan.tasks.iter().any(|t| t.explicit_id);
    let checked = |dep: &str| has_ids || looks_like_task_id(dep);
    // A chain or sentence naming a lacking id ("T002 depends on T098.")
    // is reported where it is written, below; the dependency it gives
    // the task is the same one, and is not reported again on its line.
    let chained: rustc_hash::FxHashSet<(&str, &str)> = plan
        .task_links
        .iter()
        .filter(|l| has_ids && lacks(&l.from).is_some())
        .map(|l| (l.from.as_str(), l.to.as_str()))
        .collect();
    for task in &plan.tasks {
        // Where the last dependency was written: the next is looked for
        // after it first, as a task lists them in order (from the start,
        // each search made a task naming thousands quadratic).
        let mut after = 0;
        for dep in &task.depends_on {
            if !checked(dep) || chained.contains(&(dep.as_str(), task.id.as_str())) {
                continue;
            }
            let Some(lacking) = lacks(dep) else {
                continue;
            };
            let message = format!("{} depends on {lacking}", task.id);
            let what = help(
                dep,
                "point the dependency at an existing task id, or remove it",
            );
            let Some(at) = (match TaskRange::parse(dep) {
                Some(range) => range_written_at(ctx.source, task, &range, &mut after),
                None => written_at(ctx.source, task, dep, &mut after),
            }) else {
                out.report(task.line, message).help(what);
                continue;
            };
            let mut r = out
                .report(at, message)
                .primary_label("no such task in this plan");
            // Written on a line of its own under the task: show which task.
            if !task.line.contains_range(at) {
                r = r.label(task.line, format!("{} starts here", task.id));
            }
            r.help(what);
        }
    }
    for link in plan.task_links.iter().filter(|_| has_ids) {
        // `to` waits for `from`: said so when `to` is there.
        if let Some(lacking) = lacks(&link.from) {
            if lacks(&link.to).is_none() {
                out.report(link.range, format!("{} depends on {lacking}", link.to))
                    .help(help(
                        &link.from,
                        "point the dependency at an existing task id, or remove it",
                    ));
            } else {
                out.report(link.range, format!("dependency chain names {lacking}"))
                    .help(help(&link.from, "correct the task id in the chain"));
            }
        }
        if let Some(lacking) = lacks(&link.to) {
            out.report(link.range, format!("dependency chain names {lacking}"))
                .help(help(&link.to, "correct the task id in the chain"));
        }
    }
}

/// Whether `text` opens with `word` (ASCII case ignored) and a space.
fn opens_with_word(text: &str, word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word))
        && text[word.len()..].starts_with(' ')
}

/// Whether `dep` is written as task ids are when a plan has none: letters
/// then three digits or more (`T009`), or a dash (`TASK-12`).
fn looks_like_task_id(dep: &str) -> bool {
    let letters = dep.bytes().take_while(u8::is_ascii_alphabetic).count();
    let rest = &dep[letters..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    letters > 0 && (digits >= 3 || (rest.starts_with('-') && rest.len() > 1))
}

/// The plan's explicit task ids by [`planwright_core::id_shape`], for "did
/// you mean": `T17` and `t-017` name `T017` written another way, the one
/// slip common enough, and certain enough, to name the id meant.
struct Twins<'p>(rustc_hash::FxHashMap<Vec<String>, &'p str>);

impl<'p> Twins<'p> {
    fn new(plan: &'p planwright_core::Plan) -> Self {
        let mut map = rustc_hash::FxHashMap::default();
        for t in plan.tasks.iter().filter(|t| t.explicit_id) {
            map.entry(planwright_core::id_shape(&t.id))
                .or_insert(t.id.as_str());
        }
        Self(map)
    }

    /// The id `key` means, if the plan writes one of its shape but not as
    /// `key` does.
    fn of(&self, key: &str) -> Option<&'p str> {
        let id = *self.0.get(&planwright_core::id_shape(key))?;
        (!id.eq_ignore_ascii_case(key)).then_some(id)
    }
}

/// What the plan lacks of `key`, an id or a range's key, as a message
/// goes on after "depends on": `T009, which does not exist`, `T001-T005,
/// but T003 does not exist`, `T1-T999, but T4 and 990 more ids do not
/// exist`; `None` when it has all of it. In O(log n) for a range, however
/// wide.
fn lacks(tasks: &TaskIds<'_>, ranges: &TaskRanges, key: &str) -> Option<String> {
    let Some(range) = TaskRange::parse(key) else {
        return tasks
            .get(key)
            .is_none()
            .then(|| format!("{key}, which does not exist"));
    };
    let (first, count) = ranges.missing(&range)?;
    let shown = range.label();
    Some(match count {
        1 => format!("{shown}, but {first} does not exist"),
        n => format!("{shown}, but {first} and {} more ids do not exist", n - 1),
    })
}

/// Where `task`'s own item writes `id`: its first mention past the check
/// box, as a whole id (not `T001` inside `T0012` or `T001.1`), the task's
/// own id aside. The reader keeps no place for each dependency: that
/// would cost every task a list for a finding that is rare, so the rule
/// finds the place when it reports one.
/// Where `id` is written in `task`'s text, looked for from `after` (a
/// position in that text) on, then before it; `after` moves past it.
fn written_at(source: &str, task: &Task, id: &str, after: &mut usize) -> Option<TextRange> {
    let start = task.check_range.end as usize;
    let text = source.get(start..task.range.end as usize)?.as_bytes();
    let id = id.as_bytes();
    let alnum = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let last = text.len().checked_sub(id.len())?;
    let from = (*after).min(last + 1);
    let found = (from..=last)
        .chain(0..from)
        .filter(|&i| text[i..i + id.len()].eq_ignore_ascii_case(id))
        .filter(|&i| !(i > 0 && text[i - 1].is_ascii_alphanumeric()))
        .filter(|&i| {
            let end = i + id.len();
            let dotted = text.get(end) == Some(&b'.') && alnum(text.get(end + 1));
            !alnum(text.get(end)) && !dotted
        })
        .map(|i| TextRange::new(start + i, start + i + id.len()))
        .find(|r| task.id_range.is_none_or(|own| !own.contains_range(*r)))?;
    *after = found.end as usize - start;
    Some(found)
}

/// Where `task`'s item writes `range` (`T001-T004`, `T001 to T004`): from
/// its first id's place to its last's, when the two stand near each other
/// as a range's ends do; `after` as in [`written_at`].
fn range_written_at(
    source: &str,
    task: &Task,
    range: &TaskRange,
    after: &mut usize,
) -> Option<TextRange> {
    /// Room between the ends for a joint (` through `), not a sentence.
    const JOINT: u32 = 12;
    let first = written_at(source, task, &range.id(range.from), after)?;
    let last = written_at(source, task, &range.id(range.to), after)?;
    let (a, b) = if first.start <= last.start {
        (first, last)
    } else {
        (last, first)
    };
    (b.start >= a.end && b.start - a.end <= JOINT)
        .then(|| TextRange::new(a.start as usize, b.end as usize))
}

/// The whole-number part a phase number starts with: `2` of `2.5`, `3a`.
fn whole_number(number: &str) -> &str {
    let end = number
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(number.len());
    &number[..end]
}

/// Whether a phase reference is one a range stands for between its ends
/// (`Phase 2` of `Phases 1-3`), which points at the range's end, not at
/// its own number. The plan may number its phases otherwise (1, 2.5, 3):
/// the ends are what the author wrote, and only they can be wrong.
fn within_range(source: &str, range: TextRange, number: &str) -> bool {
    let written = range.slice(source).strip_suffix(number);
    written.is_none_or(|head| head.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.'))
}
