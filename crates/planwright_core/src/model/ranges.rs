//! Ranges of task ids (`T001-T003`, `T8 to T12`, `1.1-1.3`) as the model
//! keeps them, and the index that resolves them against the tasks a plan
//! has.
//!
//! The reader never expands a range: `T1-T999999999` is one reference, not
//! a billion, and a range of 1,500 real tasks is all of them, not the first
//! thousand. It travels through [`RefTarget::Task`](super::RefTarget),
//! [`Task::depends_on`](super::Task) and [`TaskLink`](super::TaskLink) as
//! its key, `T001..T003` (no task id holds `..`), and whatever needs ids
//! (the wait graph, JSON `depends_on`, lint) asks [`TaskRanges`] for the
//! tasks the plan actually has in it: O(log n) plus the tasks found.

use compact_str::ToCompactString as _;
use rustc_hash::{FxBuildHasher, FxHashMap};

use super::{Plan, TaskState, Text};

/// Ids between two of the same prefix, both included. Numbers are
/// zero-padded to `width` digits, and written in full past it (`T001..T1000`
/// is T001 to T999, then T1000); 0 means not padded (`T8..T12`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskRange {
    pub prefix: Text,
    pub from: u64,
    pub to: u64,
    pub width: usize,
}

/// The longest prefix (`T`, `TASK-`, `1.2.`) a range's ids may share.
const MAX_PREFIX: usize = 32;

impl TaskRange {
    /// The range from `first` to `last` (`T001`, `T003`; or only the
    /// digits, `003`), in either order. Two ids of different prefixes, or
    /// padding that disagrees (`T001-T12`, `T01-T0100`), make none. A
    /// padded end and a longer one without a leading zero (`T001-T1000`)
    /// are a padded range that outgrows its padding, as a plan numbering
    /// `T001` on reaches `T1000`.
    pub fn new(first: &str, last: &str) -> Option<Self> {
        let (prefix, from) = split_number(first);
        let (last_prefix, to) = split_number(last);
        if prefix.len() > MAX_PREFIX
            || (!last_prefix.is_empty() && !last_prefix.eq_ignore_ascii_case(prefix))
        {
            return None;
        }
        let (short, long) = if from.len() <= to.len() {
            (from, to)
        } else {
            (to, from)
        };
        let width = if from.len() == to.len() {
            from.len()
        } else if !long.starts_with('0') {
            // Padding is on the shorter end only, if anywhere.
            if short.starts_with('0') {
                short.len()
            } else {
                0
            }
        } else {
            return None;
        };
        let (from, to) = (from.parse::<u64>().ok()?, to.parse::<u64>().ok()?);
        // `T003-T001` written backwards still names the ids between.
        let (from, to) = (from.min(to), from.max(to));
        (from < to).then(|| Self {
            prefix: Text::from(prefix),
            from,
            to,
            width,
        })
    }

    /// The range a key of [`TaskRange::key`] stands for; `None` for a
    /// plain id.
    pub fn parse(key: &str) -> Option<Self> {
        let (first, last) = key.split_once("..")?;
        Self::new(first, last)
    }

    /// How the model carries it: `T001..T003`.
    pub fn key(&self) -> Text {
        let mut key = self.id(self.from);
        key.push_str("..");
        key.push_str(&self.id(self.to));
        key
    }

    /// How it reads: `T001-T003`.
    pub fn label(&self) -> Text {
        let mut label = self.id(self.from);
        label.push('-');
        label.push_str(&self.id(self.to));
        label
    }

    /// The id of number `n` in it: `T002`.
    pub fn id(&self, n: u64) -> Text {
        let mut id = self.prefix.clone();
        let digits = n.to_compact_string();
        for _ in digits.len()..self.width {
            id.push('0');
        }
        id.push_str(&digits);
        id
    }

    /// How many ids it names.
    pub fn len(&self) -> u64 {
        self.to - self.from + 1
    }

    /// Never: a range has two different ends.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The spans of numbers it names, one per count of digits: `T8..T120`
    /// is `8..=9`, `10..=99`, `100..=120`; a padded range is one span
    /// (`T001..T003`), and more once it outgrows its padding
    /// (`T001..T1000` is `1..=999` in three digits, then `1000..=1000`).
    fn spans(&self) -> impl Iterator<Item = (usize, u64, u64)> + '_ {
        let digits = |n: u64| n.to_compact_string().len();
        let first = if self.width > 0 {
            self.width
        } else {
            digits(self.from)
        };
        (first..=first.max(digits(self.to))).map(move |len| {
            // The numbers written with `len` digits: padded up to `width`,
            // with no leading zero past it.
            let exp = u32::try_from(len).unwrap_or(u32::MAX);
            let low = if len == 1 || len == self.width {
                0
            } else {
                10u64.saturating_pow(exp - 1)
            };
            let high = 10u64.checked_pow(exp).map_or(u64::MAX, |p| p - 1);
            (len, self.from.max(low), self.to.min(high))
        })
    }
}

/// An id cut before its last run of digits: `T` and `001`, `1.` and `2`.
fn split_number(id: &str) -> (&str, &str) {
    let digits = id.bytes().rev().take_while(u8::is_ascii_digit).count();
    id.split_at(id.len() - digits)
}

/// Whether any dependency or `→` chain of the plan names a range (its key
/// holds `..`, see [`TaskRange::key`]).
fn has_ranges(plan: &Plan) -> bool {
    let is_range = |key: &str| key.contains("..");
    plan.tasks
        .iter()
        .flat_map(|t| &t.depends_on)
        .any(|k| is_range(k))
        || plan
            .task_links
            .iter()
            .any(|l| is_range(&l.from) || is_range(&l.to))
        || plan
            .phases
            .iter()
            .flat_map(|p| &p.depends_on)
            .any(|d| matches!(&d.target, super::RefTarget::Task(key) if is_range(key)))
}

/// The most waits the plan's ranges may resolve to, all together, before
/// each range waits for its first unfinished task only (see
/// [`TaskRanges::full`]). No real plan comes near: it takes hundreds of
/// ranges each over a thousand tasks.
pub const MAX_RESOLVED: usize = 1 << 18;

/// The plan's task ids by prefix and count of digits, sorted by number,
/// to resolve ranges. Where two tasks share an id the first stands for
/// the id, as for [`Plan::task_ids`]: [`TaskIds::with_later`] gives the
/// others.
///
/// [`TaskIds::with_later`]: super::TaskIds::with_later
#[derive(Debug)]
pub struct TaskRanges {
    groups: Vec<Group>,
    /// Index into `groups` by lower-case prefix and count of digits.
    by_key: FxHashMap<(Text, usize), usize>,
    full: bool,
}

#[derive(Debug, Default)]
struct Group {
    /// (number, task), sorted.
    entries: Vec<(u64, usize)>,
    /// For each entry, the first entry at or after it whose task is not
    /// done; `entries.len()` if none is.
    next_open: Vec<usize>,
}

impl TaskRanges {
    pub fn new(plan: &Plan) -> Self {
        // Most plans write no range, and the wait graph and lint build this
        // index for every plan: it was a tenth of `lint`'s work on a tree of
        // generated plans before it was skipped for them.
        if !has_ranges(plan) {
            return Self {
                groups: Vec::new(),
                by_key: FxHashMap::default(),
                full: true,
            };
        }
        let ids = plan.task_ids();
        let mut groups: Vec<Group> = Vec::new();
        let mut by_key = FxHashMap::with_capacity_and_hasher(4, FxBuildHasher);
        for (i, t) in plan.tasks.iter().enumerate() {
            let (prefix, digits) = split_number(&t.id);
            let Ok(n) = digits.parse::<u64>() else {
                continue;
            };
            if ids.get(&t.id) != Some(i) {
                continue;
            }
            let key = (Text::from(prefix.to_ascii_lowercase()), digits.len());
            let g = *by_key.entry(key).or_insert_with(|| {
                groups.push(Group::default());
                groups.len() - 1
            });
            groups[g].entries.push((n, i));
        }
        for g in &mut groups {
            g.entries.sort_unstable();
            g.next_open = vec![g.entries.len(); g.entries.len() + 1];
            for k in (0..g.entries.len()).rev() {
                // An id is unfinished while any task of it is open: a
                // wait for it waits for each (see `waits`).
                let open = ids.with_later(Some(g.entries[k].1)).any(|t| {
                    plan.tasks
                        .get(t)
                        .is_some_and(|t| t.state != TaskState::Done)
                });
                g.next_open[k] = if open { k } else { g.next_open[k + 1] };
            }
        }
        let mut index = Self {
            groups,
            by_key,
            full: true,
        };
        index.full = index.cost(plan) <= MAX_RESOLVED;
        index
    }

    /// Whether every range resolves to all its tasks. Otherwise (a plan
    /// whose ranges together stand for more than [`MAX_RESOLVED`] waits)
    /// a range waited for is its first unfinished task alone, which keeps
    /// what is ready exactly what it is while the work stays linear; the
    /// graph then shows fewer waits than were written.
    pub fn full(&self) -> bool {
        self.full
    }

    /// The plan's tasks in `range`, by number: the first of each id.
    pub fn tasks(&self, range: &TaskRange) -> impl Iterator<Item = usize> + '_ {
        self.slices(range)
            .flat_map(|(g, s, e)| self.groups[g].entries[s..e].iter().map(|&(_, t)| t))
    }

    /// How many of the plan's tasks are in `range`.
    pub fn count(&self, range: &TaskRange) -> usize {
        self.slices(range).map(|(_, s, e)| e - s).sum()
    }

    /// The first of `range`'s tasks whose id has a task not done (it or
    /// a later one of the id).
    pub fn first_unfinished(&self, range: &TaskRange) -> Option<usize> {
        self.slices(range).find_map(|(g, s, e)| {
            let g = &self.groups[g];
            let k = *g.next_open.get(s)?;
            (k < e).then(|| g.entries[k].1)
        })
    }

    /// The tasks a wait for `range` waits for: all of them, or past the
    /// budget (see [`TaskRanges::full`]) the first unfinished one.
    pub fn waited_for(&self, range: &TaskRange) -> Vec<usize> {
        if self.full {
            self.tasks(range).collect()
        } else {
            self.first_unfinished(range).into_iter().collect()
        }
    }

    /// The first id of `range` the plan has no task for, and how many of
    /// its ids are none: in O(log n) per count of digits.
    pub fn missing(&self, range: &TaskRange) -> Option<(Text, u64)> {
        let mut first = None;
        let mut count = 0u64;
        for (len, lo, hi) in range.spans().filter(|&(_, lo, hi)| lo <= hi) {
            let have = self.slice(&range.prefix, len, lo, hi);
            let gap = (hi - lo + 1).saturating_sub(have.len() as u64);
            if gap == 0 {
                continue;
            }
            count += gap;
            if first.is_none() {
                // The numbers are distinct and sorted: the k-th is `lo + k`
                // up to the first gap.
                let (mut a, mut b) = (0, have.len());
                while a < b {
                    let m = a + (b - a) / 2;
                    if have[m].0 == lo + m as u64 {
                        a = m + 1;
                    } else {
                        b = m;
                    }
                }
                first = Some(lo + a as u64);
            }
        }
        first.map(|n| (range.id(n), count))
    }

    /// What resolving every range of the plan would cost, in waits: a
    /// chain's ranges on both sides of an arrow multiply.
    fn cost(&self, plan: &Plan) -> usize {
        let size = |key: &str| TaskRange::parse(key).map_or(1, |r| self.count(&r));
        let phases = plan.phases.iter().flat_map(|p| &p.depends_on);
        let phases = phases.filter_map(|d| match &d.target {
            super::RefTarget::Task(key) => Some(size(key)),
            super::RefTarget::Phase { .. } => None,
        });
        let tasks = plan.tasks.iter().flat_map(|t| &t.depends_on);
        let links = plan
            .task_links
            .iter()
            .map(|l| size(&l.from).saturating_mul(size(&l.to)));
        phases
            .chain(tasks.map(|k| size(k)))
            .chain(links)
            .fold(0usize, usize::saturating_add)
    }

    /// Each span of `range` that the plan has tasks of: the group, and
    /// where its entries in the span start and end. At most one per count
    /// of digits.
    fn slices(&self, range: &TaskRange) -> impl Iterator<Item = (usize, usize, usize)> + use<> {
        let spans: Vec<_> = range
            .spans()
            .filter(|&(_, lo, hi)| lo <= hi)
            .filter_map(|(len, lo, hi)| {
                let g = self.group(&range.prefix, len)?;
                let entries = &self.groups[g].entries;
                let start = entries.partition_point(|&(n, _)| n < lo);
                let end = entries.partition_point(|&(n, _)| n <= hi);
                Some((g, start, end))
            })
            .collect();
        spans.into_iter()
    }

    fn slice(&self, prefix: &str, len: usize, lo: u64, hi: u64) -> &[(u64, usize)] {
        self.group(prefix, len).map_or(&[], |g| {
            let entries = &self.groups[g].entries;
            let start = entries.partition_point(|&(n, _)| n < lo);
            let end = entries.partition_point(|&(n, _)| n <= hi);
            &entries[start..end]
        })
    }

    fn group(&self, prefix: &str, len: usize) -> Option<usize> {
        let key = (Text::from(prefix.to_ascii_lowercase()), len);
        self.by_key.get(&key).copied()
    }

    /// The tasks that chains ending in a range (`T003 → T004-T021`) hold
    /// back, as (task, index into `Plan::task_links`), by link and then
    /// number. Past the budget (see [`TaskRanges::full`]) each task gets
    /// one link at most, the first whose start is unfinished: enough to
    /// keep it from looking ready, in time linear in tasks and links.
    pub fn link_targets(&self, plan: &Plan) -> Vec<(usize, usize)> {
        let ranged = plan
            .task_links
            .iter()
            .enumerate()
            .filter_map(|(l, link)| Some((l, TaskRange::parse(&link.to)?)));
        let mut out = Vec::new();
        if self.full {
            for (l, range) in ranged {
                out.extend(self.tasks(&range).map(|t| (t, l)));
            }
            return out;
        }
        let ids = plan.task_ids();
        let unfinished = |key: &str| match TaskRange::parse(key) {
            Some(r) => self.first_unfinished(&r).is_some(),
            None => ids.get_all(key).any(|t| {
                plan.tasks
                    .get(t)
                    .is_some_and(|t| t.state != TaskState::Done)
            }),
        };
        // (group, start, end, link), each position of a group taken by
        // the first span, in order of start, that covers it.
        let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new();
        for (l, range) in ranged.filter(|&(l, _)| unfinished(&plan.task_links[l].from)) {
            spans.extend(self.slices(&range).map(|(g, s, e)| (g, s, e, l)));
        }
        spans.sort_unstable();
        let mut taken = (usize::MAX, 0);
        for (g, s, e, l) in spans {
            if taken.0 != g {
                taken = (g, 0);
            }
            for k in s.max(taken.1)..e {
                out.push((self.groups[g].entries[k].1, l));
            }
            taken.1 = taken.1.max(e);
        }
        out
    }
}

/// Each task's dependencies as ids, the way JSON `depends_on` lists them:
/// what it names, in order, each range as its ends (as written, whether
/// the plan has them or not) with the plan's tasks between them, and then
/// the starts of chains that end in a range holding it (see
/// [`TaskRanges::link_targets`]). Past the budget (see
/// [`TaskRanges::full`]) a range lists its ends and its first unfinished
/// task: a reader of the ids still finds a task waiting that waits.
pub struct DependencyIds<'p> {
    plan: &'p Plan,
    ranges: TaskRanges,
    /// (task, link) for chains ending in a range, by task.
    incoming: Vec<(usize, usize)>,
}

impl<'p> DependencyIds<'p> {
    pub fn new(plan: &'p Plan) -> Self {
        let ranges = TaskRanges::new(plan);
        let mut incoming = ranges.link_targets(plan);
        // By task, in link order within each.
        incoming.sort_by_key(|&(t, _)| t);
        Self {
            plan,
            ranges,
            incoming,
        }
    }

    /// The ids task `t` waits for, each once.
    pub fn task(&self, t: usize) -> Vec<Text> {
        let Some(task) = self.plan.tasks.get(t) else {
            return Vec::new();
        };
        let first = self.incoming.partition_point(|&(i, _)| i < t);
        let links = self.incoming[first..]
            .iter()
            .take_while(|&&(i, _)| i == t)
            .map(|&(_, l)| &self.plan.task_links[l].from);
        self.ids(task.depends_on.iter().chain(links))
    }

    /// The ids `keys` (ids and ranges' keys) stand for, each once.
    pub fn ids<'k>(&self, keys: impl IntoIterator<Item = &'k Text>) -> Vec<Text> {
        let mut out = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        let mut add = |id: Text| {
            if seen.insert(id.clone()) {
                out.push(id);
            }
        };
        for key in keys {
            let Some(range) = TaskRange::parse(key) else {
                add(key.clone());
                continue;
            };
            add(range.id(range.from));
            let between: Vec<usize> = if self.ranges.full() {
                self.ranges.tasks(&range).collect()
            } else {
                self.ranges.first_unfinished(&range).into_iter().collect()
            };
            for t in between {
                add(self.plan.tasks[t].id.clone());
            }
            add(range.id(range.to));
        }
        out
    }
}

#[cfg(test)]
#[path = "ranges_tests.rs"]
mod tests;
