//! Which task the user meant: an id (`T003`, `1.2`), a 1-based index
//! (`#5`), or a fragment of its text that only one task contains, as
//! written or as it reads rendered (see [`planwright_core::rendered`]).

use std::cmp::Ordering;
use std::collections::HashSet;

use planwright_core::json::NodeIds;
use planwright_core::{Plan, Text, is_task_id};

#[path = "resolve_errors.rs"]
mod errors;
pub use errors::ResolveError;
use errors::{MAX_LISTED, ambiguous, describe, unknown_id};

/// Resolves every query, or fails naming every one that does not name
/// exactly one task (one error as it is, several as
/// [`ResolveError::Several`]): fixing one typo at a time, run after run,
/// was the alternative. Repeated tasks are listed once, in query order.
pub fn resolve_all(plan: &Plan, src: &str, queries: &[String]) -> Result<Vec<usize>, ResolveError> {
    let index = Index::new(plan, src);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut errors: Vec<ResolveError> = Vec::new();
    for q in queries {
        match index.resolve(q) {
            Ok(i) => {
                if seen.insert(i) {
                    out.push(i);
                }
            }
            // A name given twice is one mistake.
            Err(e) if errors.contains(&e) => {}
            Err(e) => errors.push(e),
        }
    }
    match errors.len() {
        0 => Ok(out),
        1 => Err(errors.remove(0)),
        _ => Err(ResolveError::Several(errors)),
    }
}

/// Resolves one query in the plan parsed from `src`: `#N` by position,
/// then by id (any case), then by the whole text of one task (any case),
/// then by a case-insensitive fragment of the text: `Deploy` names the
/// task `Deploy` even when `Deploy to prod` contains it. A text matches as
/// written or as it reads rendered, so ``Add `--foo` flag to **CLI**`` is
/// named by what a reader sees, `Add --foo flag to CLI`, as well as by its
/// Markdown.
///
/// This indexes the plan for one query; [`resolve_all`] indexes it once
/// for all of them.
pub fn resolve(plan: &Plan, src: &str, query: &str) -> Result<usize, ResolveError> {
    Index::new(plan, src).resolve(query)
}

/// A plan's tasks by id and by text, built once per command so that
/// `done T1 … Tn` looks each id up rather than scanning every task for
/// each. A fragment still takes a scan of the texts: nothing short of a
/// substring index avoids that.
struct Index<'p> {
    plan: &'p Plan,
    /// Explicit ids, ASCII-lowercased (as `eq_ignore_ascii_case` compares),
    /// with their task's index; sorted, so equal ids are in task order.
    ids: Vec<(Text, usize)>,
    /// Each task's text as the source spells it after its check box
    /// (`**Deploy**`), lowercased and sorted with its task's index: the
    /// model's text drops markup wrapping it whole, so `Deploy` and
    /// `**Deploy**` read alike there, and only the source tells them apart.
    written: Vec<(Text, usize)>,
    /// Each task's text, lowercased.
    texts: Vec<Text>,
    /// Task indices sorted by `texts`; stable, so equal texts are in task
    /// order.
    by_text: Vec<usize>,
    /// Each task's text as it reads rendered ([`shown_key`]).
    shown: Vec<Text>,
    /// Task indices sorted by `shown`, as `by_text` is by `texts`.
    by_shown: Vec<usize>,
    /// The names `show`, `next` and `graph` give the tasks of an id the
    /// plan repeats, from the second on (`T001 (2)`), lowercased, with
    /// their task's index.
    renamed: Vec<(Text, usize)>,
}

impl<'p> Index<'p> {
    fn new(plan: &'p Plan, src: &str) -> Self {
        let mut ids: Vec<(Text, usize)> = plan
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.explicit_id)
            .map(|(i, t)| (t.id.to_ascii_lowercase(), i))
            .collect();
        ids.sort_unstable();
        let mut written: Vec<(Text, usize)> = plan
            .tasks
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let line = src.get(t.check_range.end as usize..t.line.end as usize)?;
                Some((Text::from(line.trim().to_lowercase()), i))
            })
            .collect();
        written.sort_unstable();
        let texts: Vec<Text> = plan.tasks.iter().map(|t| t.text.to_lowercase()).collect();
        let mut by_text: Vec<usize> = (0..texts.len()).collect();
        by_text.sort_by(|&a, &b| texts[a].cmp(&texts[b]));
        let shown: Vec<Text> = plan.tasks.iter().map(|t| shown_key(&t.text)).collect();
        let mut by_shown: Vec<usize> = (0..shown.len()).collect();
        by_shown.sort_by(|&a, &b| shown[a].cmp(&shown[b]));
        let renamed = NodeIds::new(plan)
            .tasks
            .into_iter()
            .enumerate()
            .filter(|(i, name)| *name != plan.tasks[*i].id)
            .map(|(i, name)| (Text::from(name.to_lowercase()), i))
            .collect();
        Self {
            plan,
            ids,
            written,
            texts,
            by_text,
            shown,
            by_shown,
            renamed,
        }
    }

    fn resolve(&self, query: &str) -> Result<usize, ResolveError> {
        let plan = self.plan;
        let q = query.trim();
        if q.is_empty() {
            return Err(ResolveError::Empty);
        }
        if let Some((n, rest)) = q.strip_prefix('#').and_then(position) {
            return match n.checked_sub(1).filter(|&i| i < plan.tasks.len()) {
                // `#2  Deploy  (Phase 1)`, copied from `next`: the text
                // must be that task's, or the plan changed since.
                Some(i) if !rest.is_empty() && !self.names_text(i, rest) => {
                    Err(ResolveError::Unknown {
                        query: q.to_owned(),
                        candidates: vec![describe(i, &plan.tasks[i])],
                    })
                }
                Some(i) => Ok(i),
                None => Err(ResolveError::Unknown {
                    query: q.to_owned(),
                    candidates: if plan.tasks.is_empty() {
                        Vec::new()
                    } else {
                        vec![match plan.tasks.len() {
                            1 => "the plan has 1 task, #1".to_owned(),
                            n => format!("the plan has {n} tasks, #1 to #{n}"),
                        }]
                    },
                }),
            };
        }
        if let Some(i) = self.renamed(q) {
            return Ok(i);
        }
        // `1.` as a list numbers it is the id `1`.
        let id_like = id_shaped(q);
        let mut key = q.to_ascii_lowercase();
        if id_like {
            key.truncate(key.trim_end_matches('.').len());
        }
        let by_id: Vec<usize> = equal_range(&self.ids, |(id, _)| id.as_str().cmp(&key))
            .iter()
            .map(|&(_, i)| i)
            .collect();
        if let [one] = by_id[..] {
            return Ok(one);
        }
        if by_id.len() > 1 {
            return Err(ambiguous(plan, q, &by_id));
        }
        if id_like {
            return Err(unknown_id(plan, q));
        }
        match self.id_and_text(&key)[..] {
            [] => {}
            [one] => return Ok(one),
            ref many => return Err(ambiguous(plan, q, many)),
        }
        let by_text = self.by_text(query);
        match by_text[..] {
            [one] => Ok(one),
            [] => Err(ResolveError::Unknown {
                query: q.to_owned(),
                candidates: plan
                    .tasks
                    .iter()
                    .enumerate()
                    .take(MAX_LISTED)
                    .map(|(i, t)| describe(i, t))
                    .chain(
                        (plan.tasks.len() > MAX_LISTED)
                            .then(|| format!("… and {} more", plan.tasks.len() - MAX_LISTED)),
                    )
                    .collect(),
            }),
            _ => Err(ambiguous(plan, q, &by_text)),
        }
    }
}

impl Index<'_> {
    /// A task named as `next` and `show` print it, its id then its text
    /// (`T001 Set up the project`), when exactly one task is that. A line
    /// copied whole from `next` names it too, with what `next` adds after
    /// the text: `T003  Deploy  (Phase 1)`, `1.1  Docs  (optional)`. Where
    /// a plan repeats an id, this is how `next` tells the tasks apart, so
    /// the text picks among the tasks of that id. The tasks so named, in
    /// task order; more than one only when id and text both repeat.
    fn id_and_text(&self, key: &str) -> Vec<usize> {
        let Some((id, rest)) = key.split_once(char::is_whitespace) else {
            return Vec::new();
        };
        equal_range(&self.ids, |(i, _)| i.as_str().cmp(id))
            .iter()
            .map(|&(_, i)| i)
            .filter(|&i| self.names_text(i, rest))
            .collect()
    }

    /// Whether `rest`, what follows an id or `#index` in a name, is task
    /// `i`'s text, alone or with what `next` prints after it
    /// (`Deploy  (Phase 1)`), as written or rendered.
    fn names_text(&self, i: usize, rest: &str) -> bool {
        let rest = rest.trim().to_lowercase();
        let text = self.texts[i].as_str();
        rest == text
            || (!text.is_empty()
                && rest
                    .strip_prefix(text)
                    .is_some_and(|after| after.starts_with("  (")))
            || shown_needles(&rest).contains(&self.shown[i])
    }

    /// The task a name `show` and `next` give a repeated id's later tasks
    /// names (`T001 (2)`), alone or followed by its text as `next` prints
    /// it (`T001 (2)  Deploy  (Phase 1)`).
    fn renamed(&self, q: &str) -> Option<usize> {
        if self.renamed.is_empty() {
            return None;
        }
        let key = q.to_lowercase();
        self.renamed.iter().find_map(|(name, i)| {
            let rest = key.strip_prefix(name.as_str())?;
            (rest.is_empty()
                || (rest.starts_with(char::is_whitespace) && self.names_text(*i, rest)))
            .then_some(*i)
        })
    }

    /// The tasks `query` names by text, in task order, the most exact
    /// reading first: for a query with markup in it, the one task whose
    /// line it is, as the source spells it after the check box; failing
    /// one, those whose whole text it is
    /// as written; failing any, those whose whole text it is rendered (`Add **x**` is named by
    /// `Add **x**` even beside a task `Add x`); failing any, those whose
    /// text holds it either way, or that carry it as a marker (`US1`).
    fn by_text(&self, query: &str) -> Vec<usize> {
        let needle = query.trim().to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        // Only a query with markup in it asks for the spelling: `Deploy`
        // beside `**Deploy**` names both, as both read `Deploy`.
        if shown_key(&needle) != needle
            && let [(_, one)] = equal_range(&self.written, |(w, _)| w.as_str().cmp(&needle))
        {
            return vec![*one];
        }
        let written = equal_range(&self.by_text, |&i| self.texts[i].as_str().cmp(&needle));
        if !written.is_empty() {
            let mut exact = written.to_vec();
            exact.sort_unstable();
            return exact;
        }
        let needles = shown_needles(&needle);
        let mut exact: Vec<usize> = Vec::new();
        for p in &needles {
            exact.extend(equal_range(&self.by_shown, |&i| self.shown[i].cmp(p)));
        }
        if !exact.is_empty() {
            exact.sort_unstable();
            exact.dedup();
            return exact;
        }
        // A marker (`[US1]`, `US1`) is written before the text, which
        // leaves it out; typed whole, it names the tasks carrying it.
        let marker = ["[]", "()"]
            .iter()
            .find_map(|p| needle.strip_prefix(&p[..1])?.strip_suffix(&p[1..]))
            .unwrap_or(&needle);
        (0..self.texts.len())
            .filter(|&i| {
                self.texts[i].contains(&needle)
                    || needles.iter().any(|p| self.shown[i].contains(p.as_str()))
                    || (self.plan.tasks[i].markers.iter()).any(|m| m.to_lowercase() == marker)
            })
            .collect()
    }
}

/// What a lowercased query is looked for in the rendered texts: itself,
/// its white space collapsed, and rendered in turn, so that half-typed
/// markup (``Add `--foo` flag to CLI``) finds its task while `*` typed as
/// shown (`fix *stars*` for `fix \*stars\*`) is not taken for emphasis.
/// Markup alone (`**`) renders to nothing, which is no needle.
fn shown_needles(needle: &str) -> Vec<Text> {
    let typed: Text = needle
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .into();
    let rendered = shown_key(needle);
    let mut out = vec![typed];
    if !rendered.is_empty() && rendered != out[0] {
        out.push(rendered);
    }
    out
}

/// `text` rendered ([`planwright_core::rendered`]) and lowercased: the key
/// a query's and a task's rendered texts are compared by.
fn shown_key(text: &str) -> Text {
    Text::from(planwright_core::rendered(text).to_lowercase())
}

/// The run of `sorted` that `order` (an element's order relative to the
/// key sought) says is equal to the key.
fn equal_range<T>(sorted: &[T], order: impl Fn(&T) -> Ordering) -> &[T] {
    let start = sorted.partition_point(|x| order(x) == Ordering::Less);
    let len = sorted[start..].partition_point(|x| order(x) == Ordering::Equal);
    &sorted[start..start + len]
}

/// `5` or `5  Deploy  (Phase 1)` after a `#`: the position and what
/// follows it, if white space parts them.
fn position(after_hash: &str) -> Option<(usize, &str)> {
    let digits = after_hash.bytes().take_while(u8::is_ascii_digit).count();
    let (n, rest) = after_hash.split_at(digits);
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((n.parse().ok()?, rest))
}

/// A name read as an id only: shaped like one, or a bare number of any
/// length (numbers are ids or, with `#`, positions; never text).
fn id_shaped(q: &str) -> bool {
    is_task_id(q) || (!q.is_empty() && q.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
