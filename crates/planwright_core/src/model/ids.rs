//! Task ids and phase numbers indexed for many look-ups: dependency checks
//! resolve every `depends on T012`, `T005 → T006` and `Phase 2 complete`
//! of a plan, and one linear search each made plans with thousands of
//! tasks or phases quadratic.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::{PhaseKind, Plan, RefTarget};

/// An id with what people vary when they type one taken out, for "did
/// you mean" (`done T1`, PW206's `T-017` for `T017`): case, the
/// separators between its parts (`T-1`, `T_1`, `1.2`) and the zeros that
/// pad its numbers. Parts are kept apart, so `1.2` is not `12`, and a
/// trailing `.` (`2.`, as lists number) is no part.
pub fn id_shape(id: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut digits = false;
    for c in id.chars() {
        if !c.is_alphanumeric() {
            parts.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
            continue;
        }
        if !current.is_empty() && c.is_ascii_digit() != digits {
            parts.push(std::mem::take(&mut current));
        }
        digits = c.is_ascii_digit();
        current.extend(c.to_lowercase());
    }
    parts.extend((!current.is_empty()).then_some(current));
    for p in &mut parts {
        if p.starts_with('0') && p.bytes().all(|b| b.is_ascii_digit()) {
            let trimmed = p.trim_start_matches('0');
            *p = if trimmed.is_empty() { "0" } else { trimmed }.to_owned();
        }
    }
    parts
}

/// The plan's task ids, compared as [`Plan::task_by_id`] compares them
/// (ASCII case ignored); where two tasks share an id, the first wins
/// [`get`](Self::get), and [`get_all`](Self::get_all) gives every task of
/// the id: a dependency on a repeated id waits for each of them.
#[derive(Debug)]
pub struct TaskIds<'p> {
    first: FxHashMap<Caseless<'p>, usize>,
    /// For each task whose id a later task repeats, the next task of that
    /// id: a chain, so plans without repeats pay nothing for it.
    next: FxHashMap<usize, usize>,
    /// How many tasks share each repeated id, by its first task.
    copies: FxHashMap<usize, usize>,
}

impl TaskIds<'_> {
    /// The index of the first task with `id`.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.first.get(&Caseless(id)).copied()
    }

    /// Every task with `id`, in document order.
    pub fn get_all(&self, id: &str) -> SameId<'_> {
        self.with_later(self.get(id))
    }

    /// Task `task` and the later tasks of its id, in document order; from
    /// the first task of an id, every task of it.
    pub fn with_later(&self, task: Option<usize>) -> SameId<'_> {
        SameId {
            next: &self.next,
            at: task,
        }
    }

    /// Whether more than one task has `id`.
    pub fn is_repeated(&self, id: &str) -> bool {
        self.get(id).is_some_and(|t| self.next.contains_key(&t))
    }

    /// How many tasks have `id`: 0 for an id the plan lacks.
    pub fn count(&self, id: &str) -> usize {
        self.get(id)
            .map_or(0, |t| self.copies.get(&t).copied().unwrap_or(1))
    }
}

/// The tasks of one id, from [`TaskIds::get_all`] or [`TaskIds::with_later`].
#[derive(Clone, Debug)]
pub struct SameId<'i> {
    next: &'i FxHashMap<usize, usize>,
    at: Option<usize>,
}

impl Iterator for SameId<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let at = self.at?;
        self.at = self.next.get(&at).copied();
        Some(at)
    }
}

/// The plan's phases by kind and number (`Phase 2`, `Stage A`), the
/// number compared without ASCII case; the first phase of a name wins
/// [`get`](Self::get), and [`get_all`](Self::get_all) gives every phase of
/// the name.
#[derive(Debug)]
pub struct PhaseIds<'p> {
    first: FxHashMap<(PhaseKind, Caseless<'p>), usize>,
    /// For each phase whose name another phase repeats, the next phase of
    /// that name (an overview's `### Phase 1` and the later one with its
    /// tasks): a chain, so plans without repeats pay nothing for it.
    next: FxHashMap<usize, usize>,
}

impl PhaseIds<'_> {
    /// The phase a reference names, when it names a phase that exists.
    pub fn get(&self, target: &RefTarget) -> Option<usize> {
        let RefTarget::Phase { kind, number } = target else {
            return None;
        };
        self.first.get(&(*kind, Caseless(number))).copied()
    }

    /// Every phase a reference names, in document order.
    pub fn get_all(&self, target: &RefTarget) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.get(target), |p| self.next.get(p).copied())
    }
}

impl Plan {
    /// An index of the task ids, built in one pass.
    pub fn task_ids(&self) -> TaskIds<'_> {
        let mut first = FxHashMap::with_capacity_and_hasher(self.tasks.len(), FxBuildHasher);
        let mut last: FxHashMap<usize, usize> = FxHashMap::default();
        let mut next = FxHashMap::default();
        let mut copies = FxHashMap::default();
        for (i, t) in self.tasks.iter().enumerate() {
            let head = *first.entry(Caseless(t.id.as_str())).or_insert(i);
            if head != i {
                let tail = last.insert(head, i).unwrap_or(head);
                next.insert(tail, i);
                *copies.entry(head).or_insert(1) += 1;
            }
        }
        TaskIds {
            first,
            next,
            copies,
        }
    }

    /// An index of the phases by kind and number, built in one pass.
    pub fn phase_ids(&self) -> PhaseIds<'_> {
        let mut first = FxHashMap::with_capacity_and_hasher(self.phases.len(), FxBuildHasher);
        let mut last: FxHashMap<usize, usize> = FxHashMap::default();
        let mut next = FxHashMap::default();
        for (i, p) in self.phases.iter().enumerate() {
            let head = *first
                .entry((p.kind, Caseless(p.number.as_str())))
                .or_insert(i);
            if head != i {
                let tail = last.insert(head, i).unwrap_or(head);
                next.insert(tail, i);
            }
        }
        PhaseIds { first, next }
    }
}

/// A dependency cycle as users read it, in the plan's own direction: each
/// node must finish before the next one starts, as `T001 → T002` says of
/// its tasks (see [`TaskLink`](super::TaskLink)). `nodes` runs along the
/// cycle with its first node repeated last: `T001 → T002 → T001`. `lint`
/// and `graph` both print cycles through here.
pub fn cycle_path<S: AsRef<str>>(nodes: &[S]) -> String {
    let names: Vec<&str> = nodes.iter().map(AsRef::as_ref).collect();
    names.join(" → ")
}

/// A string hashed and compared without ASCII case.
#[derive(Debug, Clone, Copy)]
struct Caseless<'a>(&'a str);

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for Caseless<'_> {}

impl Hash for Caseless<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Lower-cased a buffer at a time and written in one piece: a write
        // per byte was most of the cost of indexing ids (lint's hashing
        // was 4% of its instructions over generated plans). Keys equal
        // without case have one length, so they split alike and hash alike.
        let mut buf = [0u8; 32];
        for chunk in self.0.as_bytes().chunks(buf.len()) {
            for (to, from) in buf.iter_mut().zip(chunk) {
                *to = from.to_ascii_lowercase();
            }
            state.write(&buf[..chunk.len()]);
        }
        state.write_u8(0xff);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{PhaseKind, RefTarget, Text};
    use crate::parse;

    #[test]
    fn task_ids_agree_with_task_by_id() {
        let plan = parse("- [ ] T001 a\n- [ ] t001 b\n- [ ] T-002 c\n- [x] 1.2 d\n");
        let ids = plan.task_ids();
        for id in ["T001", "t001", "T-002", "t-002", "1.2", "T003", "", "1.2.3"] {
            assert_eq!(ids.get(id), plan.task_by_id(id), "{id}");
        }
        assert_eq!(ids.get("t001"), Some(0));
    }

    #[test]
    fn a_repeated_task_id_finds_every_task_of_it() {
        let plan = parse("- [ ] T001 a\n- [ ] T002 b\n- [ ] T001 c\n- [ ] T001 d\n");
        let ids = plan.task_ids();
        assert_eq!(ids.get_all("t001").collect::<Vec<_>>(), [0, 2, 3]);
        assert_eq!(ids.with_later(Some(2)).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(ids.get_all("T002").collect::<Vec<_>>(), [1]);
        assert_eq!(ids.get_all("T003").count(), 0);
        assert!(ids.is_repeated("t001") && !ids.is_repeated("T002"));
        assert_eq!(["T001", "T002", "T003"].map(|id| ids.count(id)), [3, 1, 0]);
    }

    #[test]
    fn long_ids_are_found_without_case() {
        // Longer than the 32-byte buffer the hash lower-cases through.
        let long = "TASK-2026.1104.0042.0007.0131.0099.0001";
        let plan = parse(&format!("- [ ] {long} a\n- [ ] {long}1 b\n"));
        assert_eq!(plan.tasks[1].id, format!("{long}1"));
        let ids = plan.task_ids();
        assert_eq!(ids.get(&long.to_ascii_lowercase()), Some(0));
        assert_eq!(ids.get(&format!("{}1", long.to_ascii_lowercase())), Some(1));
        assert_eq!(ids.get(&long[..33]), None);
    }

    #[test]
    fn cycles_read_in_the_arrow_direction() {
        assert_eq!(
            super::cycle_path(&["T001", "T002", "T003", "T001"]),
            "T001 → T002 → T003 → T001"
        );
        assert_eq!(super::cycle_path::<&str>(&[]), "");
    }

    #[test]
    fn phases_are_found_by_kind_and_number() {
        let plan = parse("## Phase 1: A\n\n## Stage B: B\n\n## Phase 1: Again\n\n## Phase 4a: C\n");
        let ids = plan.phase_ids();
        let phase = |kind, number: &str| RefTarget::Phase {
            kind,
            number: Text::from(number),
        };
        assert_eq!(ids.get(&phase(PhaseKind::Phase, "1")), Some(0));
        assert_eq!(ids.get(&phase(PhaseKind::Stage, "b")), Some(1));
        assert_eq!(ids.get(&phase(PhaseKind::Phase, "4A")), Some(3));
        assert_eq!(ids.get(&phase(PhaseKind::Stage, "1")), None);
        assert_eq!(ids.get(&RefTarget::Task(Text::from("T1"))), None);
    }

    #[test]
    fn a_repeated_phase_name_finds_every_phase_of_it() {
        let plan = parse("## Phase 1: A\n\n## Phase 2: B\n\n## phase 1: A\n\n## Phase 1: A\n");
        let ids = plan.phase_ids();
        let phase = |number: &str| RefTarget::Phase {
            kind: PhaseKind::Phase,
            number: Text::from(number),
        };
        assert_eq!(ids.get_all(&phase("1")).collect::<Vec<_>>(), [0, 2, 3]);
        assert_eq!(ids.get_all(&phase("2")).collect::<Vec<_>>(), [1]);
        assert_eq!(ids.get_all(&phase("3")).count(), 0);
        assert_eq!(ids.get(&phase("1")), Some(0));
    }
}
