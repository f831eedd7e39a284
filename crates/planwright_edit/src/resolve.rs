//! Which task the user meant: an id (`T003`, `1.2`), a 1-based index
//! (`#5`), or a fragment of its text that only one task contains, as
//! written or as it reads rendered (see [`planwright_core::rendered`]).

use std::cmp::Ordering;
use std::collections::HashSet;

use planwright_core::{Plan, Task, Text, is_task_id};

/// Why a task reference did not name exactly one task.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("no task matches `{query}`{}", candidates_text(.candidates))]
    Unknown {
        query: String,
        candidates: Vec<String>,
    },
    /// A name shaped like an id (`4`, `T009`) that no task has. It is not
    /// looked for in the tasks' texts: `4` is far more likely a position
    /// typed without its `#` than a fragment of "429".
    #[error("no task has the id `{query}`{}", id_hint(*.position, .near, .candidates, *.no_tasks))]
    UnknownId {
        query: String,
        /// The task at that position, when the name is a plain number
        /// within the plan's length.
        position: Option<usize>,
        /// Ids the query differs from only in zero padding, separators or
        /// case (`T1` for `T001`, `T-1`), which `candidates` then lists.
        near: Vec<String>,
        candidates: Vec<String>,
        /// Whether the plan has no task at all: "the plan's tasks have no
        /// ids" would speak of tasks that are not there.
        no_tasks: bool,
    },
    #[error("`{query}` matches {} tasks; name one by {hint}:{}", .candidates.len(), candidates_text(.candidates))]
    Ambiguous {
        query: String,
        /// The forms that name one of them, with an example of each that
        /// works on this plan: `#index` always does; a task's id only when
        /// no other task has it, else its id and text, as `next` prints
        /// them, when that is unique.
        hint: String,
        candidates: Vec<String>,
    },
    /// Every name of a command's list that failed (see [`resolve_all`]).
    #[error("{}", several(.0))]
    Several(Vec<ResolveError>),
}

/// How many tasks an "unknown" error lists; a long plan would drown the
/// message.
const MAX_LISTED: usize = 20;

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
        Self {
            plan,
            ids,
            written,
            texts,
            by_text,
            shown,
            by_shown,
        }
    }

    fn resolve(&self, query: &str) -> Result<usize, ResolveError> {
        let plan = self.plan;
        let shown = one_line(query.trim());
        let q = shown.as_str();
        if let Some(n) = q.strip_prefix('#').and_then(|n| n.parse::<usize>().ok()) {
            return match n.checked_sub(1).filter(|&i| i < plan.tasks.len()) {
                Some(i) => Ok(i),
                None => Err(ResolveError::Unknown {
                    query: q.to_owned(),
                    candidates: if plan.tasks.is_empty() {
                        Vec::new()
                    } else {
                        vec![format!(
                            "the plan has {0} tasks, #1 to #{0}",
                            plan.tasks.len()
                        )]
                    },
                }),
            };
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
        let rest = rest.trim().to_lowercase();
        let is = |text: &str, line: &str| {
            line == text
                || (!text.is_empty()
                    && line
                        .strip_prefix(text)
                        .is_some_and(|after| after.starts_with("  (")))
        };
        let needles = shown_needles(&rest);
        equal_range(&self.ids, |(i, _)| i.as_str().cmp(id))
            .iter()
            .map(|&(_, i)| i)
            .filter(|&i| is(self.texts[i].as_str(), &rest) || needles.contains(&self.shown[i]))
            .collect()
    }

    /// The tasks `query` names by text, in task order, the most exact
    /// reading first: for a query with markup in it, the one task whose
    /// line it is, as the source spells it after the check box; failing
    /// one, those whose whole text it is
    /// as written; failing any, those whose whole text it is rendered (`Add **x**` is named by
    /// `Add **x**` even beside a task `Add x`); failing any, those whose
    /// text holds it either way.
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
        (0..self.texts.len())
            .filter(|&i| {
                self.texts[i].contains(&needle)
                    || needles.iter().any(|p| self.shown[i].contains(p.as_str()))
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

/// The query as the first line of the error shows it: a line break or
/// other control character in it would cut that line short.
fn one_line(q: &str) -> String {
    let mut out = String::with_capacity(q.len());
    for c in q.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A name read as an id only: shaped like one, or a bare number of any
/// length (numbers are ids or, with `#`, positions; never text).
fn id_shaped(q: &str) -> bool {
    is_task_id(q) || (!q.is_empty() && q.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

fn unknown_id(plan: &Plan, q: &str) -> ResolveError {
    let wanted = id_shape(q);
    let near: Vec<usize> = (0..plan.tasks.len())
        .filter(|&i| plan.tasks[i].explicit_id && id_shape(&plan.tasks[i].id) == wanted)
        .collect();
    let position = q
        .trim_end_matches('.')
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .filter(|&i| i < plan.tasks.len() && near.is_empty());
    let listed = |ids: &[usize]| -> Vec<String> {
        let more = ids.len().saturating_sub(MAX_LISTED);
        ids.iter()
            .take(MAX_LISTED)
            .map(|&i| describe(i, &plan.tasks[i]))
            .chain((more > 0).then(|| format!("… and {more} more")))
            .collect()
    };
    let candidates = if !near.is_empty() {
        listed(&near)
    } else if let Some(i) = position {
        vec![describe(i, &plan.tasks[i])]
    } else {
        let ids: Vec<usize> = (0..plan.tasks.len())
            .filter(|&i| plan.tasks[i].explicit_id)
            .collect();
        listed(&ids)
    };
    // Each id once (a plan may repeat one), and a handful at most.
    let mut near_ids: Vec<String> = Vec::new();
    for &i in &near {
        let id = plan.tasks[i].id.as_str();
        if near_ids.len() < 3 && !near_ids.iter().any(|n| n == id) {
            near_ids.push(id.to_owned());
        }
    }
    ResolveError::UnknownId {
        query: q.to_owned(),
        position: position.map(|i| i + 1),
        near: near_ids,
        candidates,
        no_tasks: plan.tasks.is_empty(),
    }
}

/// An id with what people vary when they type one taken out: case, the
/// separators between its parts (`T-1`, `T_1`, `1.2`) and the zeros that
/// pad its numbers. Parts are kept apart, so `1.2` is not `12`, and a
/// trailing `.` (`2.`, as lists number) is no part.
fn id_shape(id: &str) -> Vec<String> {
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

/// What an unknown id's error adds: the ids it was probably meant to be,
/// the task at that position, or the ids the plan has.
fn id_hint(
    position: Option<usize>,
    near: &[String],
    candidates: &[String],
    no_tasks: bool,
) -> String {
    if !near.is_empty() {
        let names: Vec<String> = near.iter().map(|id| format!("`{id}`")).collect();
        return format!(
            "; did you mean {}?{}",
            names.join(" or "),
            candidates_text(candidates)
        );
    }
    match position {
        Some(n) => format!("; by position, `#{n}` is:{}", candidates_text(candidates)),
        None if no_tasks => candidates_text(&[]),
        None if candidates.is_empty() => {
            "; the plan's tasks have no ids: name one by #index or by its text".to_owned()
        }
        None => format!("; the ids are:{}", candidates_text(candidates)),
    }
}

fn ambiguous(plan: &Plan, q: &str, found: &[usize]) -> ResolveError {
    ResolveError::Ambiguous {
        query: q.to_owned(),
        hint: naming_hint(plan, found),
        candidates: found.iter().map(|&i| describe(i, &plan.tasks[i])).collect(),
    }
}

/// How to name one of the tasks `found`: "id or #index" when their ids
/// are unique in the plan; where ids repeat, "#index" with the first
/// one's index, and "id and text" as `next` prints them, with the first
/// task whose id and text name it alone.
fn naming_hint(plan: &Plan, found: &[usize]) -> String {
    let same_id = |i: usize, j: usize| {
        let (a, b) = (&plan.tasks[i], &plan.tasks[j]);
        a.explicit_id && b.explicit_id && a.id.eq_ignore_ascii_case(&b.id)
    };
    let repeated = |i: usize| (0..plan.tasks.len()).any(|j| j != i && same_id(i, j));
    let with_ids: Vec<usize> = found
        .iter()
        .copied()
        .filter(|&i| plan.tasks[i].explicit_id)
        .collect();
    if with_ids.iter().all(|&i| !repeated(i)) {
        return "id or #index".to_owned();
    }
    let index = found.first().map_or(1, |&i| i + 1);
    let mut hint = format!("#index (`#{index}`)");
    let unique_text = with_ids.iter().copied().find(|&i| {
        let text = plan.tasks[i].text.to_lowercase();
        (0..plan.tasks.len())
            .all(|j| j == i || !same_id(i, j) || plan.tasks[j].text.to_lowercase() != text)
    });
    if let Some(i) = unique_text {
        let t = &plan.tasks[i];
        hint = format!(
            "{hint} or by id and text as `next` prints them (`{} {}`)",
            t.id, t.text
        );
    }
    hint
}

/// `#3 T003 [ ] Write the parser`.
fn describe(index: usize, t: &Task) -> String {
    let id = if t.explicit_id {
        format!(" {}", t.id)
    } else {
        String::new()
    };
    format!("#{}{id} [{}] {}", index + 1, t.mark, t.text)
}

/// `3 tasks are unknown:`, then each error indented under it; a list of
/// tasks an earlier error printed already is not printed again.
fn several(errors: &[ResolveError]) -> String {
    let ambiguous = errors
        .iter()
        .filter(|e| matches!(e, ResolveError::Ambiguous { .. }))
        .count();
    let what = match ambiguous {
        0 => "unknown",
        n if n == errors.len() => "ambiguous",
        _ => "unknown or ambiguous",
    };
    let mut out = format!("{} tasks are {what}:", errors.len());
    let mut listed: Vec<String> = Vec::new();
    for e in errors {
        let text = e.to_string();
        let (head, list) = text.split_once('\n').unwrap_or((&text, ""));
        out.push_str("\n  ");
        out.push_str(head);
        if list.is_empty() {
            continue;
        }
        if listed.iter().any(|l| l == list) {
            out.push_str("\n    (the same tasks as above)");
            continue;
        }
        for line in list.lines() {
            out.push_str("\n  ");
            out.push_str(line);
        }
        listed.push(list.to_owned());
    }
    out
}

fn candidates_text(candidates: &[String]) -> String {
    if candidates.is_empty() {
        return "; the plan has no tasks".to_owned();
    }
    let mut out = String::new();
    for c in candidates {
        out.push_str("\n  ");
        out.push_str(c);
    }
    out
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
