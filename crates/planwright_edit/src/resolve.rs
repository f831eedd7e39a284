//! Which task the user meant: an id (`T003`, `1.2`), a 1-based index
//! (`#5`), or a fragment of its text that only one task contains.

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
    #[error("no task has the id `{query}`{}", id_hint(*.position, .near, .candidates))]
    UnknownId {
        query: String,
        /// The task at that position, when the name is a plain number
        /// within the plan's length.
        position: Option<usize>,
        /// Ids the query differs from only in zero padding, separators or
        /// case (`T1` for `T001`, `T-1`), which `candidates` then lists.
        near: Vec<String>,
        candidates: Vec<String>,
    },
    #[error("`{query}` matches {} tasks; name one by id or #index:{}", .candidates.len(), candidates_text(.candidates))]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },
}

/// How many tasks an "unknown" error lists; a long plan would drown the
/// message.
const MAX_LISTED: usize = 20;

/// Resolves every query, or fails on the first one that does not name
/// exactly one task. Repeated tasks are listed once, in query order.
pub fn resolve_all(plan: &Plan, queries: &[String]) -> Result<Vec<usize>, ResolveError> {
    let index = Index::new(plan);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for q in queries {
        let i = index.resolve(q)?;
        if seen.insert(i) {
            out.push(i);
        }
    }
    Ok(out)
}

/// Resolves one query: `#N` by position, then by id (any case), then by
/// the whole text of one task (any case), then by a case-insensitive
/// fragment of the text: `Deploy` names the task `Deploy` even when
/// `Deploy to prod` contains it.
///
/// This indexes the plan for one query; [`resolve_all`] indexes it once
/// for all of them.
pub fn resolve(plan: &Plan, query: &str) -> Result<usize, ResolveError> {
    Index::new(plan).resolve(query)
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
    /// Each task's text, lowercased.
    texts: Vec<Text>,
    /// Task indices sorted by `texts`; stable, so equal texts are in task
    /// order.
    by_text: Vec<usize>,
}

impl<'p> Index<'p> {
    fn new(plan: &'p Plan) -> Self {
        let mut ids: Vec<(Text, usize)> = plan
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.explicit_id)
            .map(|(i, t)| (t.id.to_ascii_lowercase(), i))
            .collect();
        ids.sort_unstable();
        let texts: Vec<Text> = plan.tasks.iter().map(|t| t.text.to_lowercase()).collect();
        let mut by_text: Vec<usize> = (0..texts.len()).collect();
        by_text.sort_by(|&a, &b| texts[a].cmp(&texts[b]));
        Self {
            plan,
            ids,
            texts,
            by_text,
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
        if let Some(one) = self.id_and_text(&key) {
            return Ok(one);
        }
        let needle = query.trim().to_lowercase();
        let by_text: Vec<usize> = if needle.is_empty() {
            Vec::new()
        } else {
            let exact = equal_range(&self.by_text, |&i| self.texts[i].as_str().cmp(&needle));
            if exact.is_empty() {
                (0..self.texts.len())
                    .filter(|&i| self.texts[i].contains(&needle))
                    .collect()
            } else {
                exact.to_vec()
            }
        };
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
    /// (`T001 Set up the project`), when exactly one task is that.
    fn id_and_text(&self, key: &str) -> Option<usize> {
        let (id, rest) = key.split_once(char::is_whitespace)?;
        let rest = rest.trim().to_lowercase();
        let by_id = equal_range(&self.ids, |(i, _)| i.as_str().cmp(id));
        match by_id {
            [(_, one)] if self.texts[*one] == rest.as_str() => Some(*one),
            _ => None,
        }
    }
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
fn id_hint(position: Option<usize>, near: &[String], candidates: &[String]) -> String {
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
        None if candidates.is_empty() => {
            "; the plan's tasks have no ids: name one by #index or by its text".to_owned()
        }
        None => format!("; the ids are:{}", candidates_text(candidates)),
    }
}

fn ambiguous(plan: &Plan, q: &str, found: &[usize]) -> ResolveError {
    ResolveError::Ambiguous {
        query: q.to_owned(),
        candidates: found.iter().map(|&i| describe(i, &plan.tasks[i])).collect(),
    }
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
mod tests {
    use super::*;
    use planwright_core::parse;

    const PLAN: &str = "# P\n\n- [ ] T001 Write the parser\n- [x] T002 Write the printer\n- [ ] Review docs\n- [ ] 1.2 Ship\n";

    #[test]
    fn ids_indexes_and_fragments() {
        let plan = parse(PLAN);
        assert_eq!(resolve(&plan, "T002"), Ok(1));
        assert_eq!(resolve(&plan, "t001"), Ok(0));
        assert_eq!(resolve(&plan, "#3"), Ok(2));
        assert_eq!(resolve(&plan, "1.2"), Ok(3));
        assert_eq!(resolve(&plan, "review"), Ok(2));
        assert_eq!(
            resolve_all(&plan, &["#1".into(), "T001".into(), "ship".into()]),
            Ok(vec![0, 3])
        );
    }

    #[test]
    fn a_whole_task_text_wins_over_fragments() {
        let plan = parse("- [ ] Deploy to prod\n- [ ] Deploy\n- [ ] deploy docs\n");
        assert_eq!(resolve(&plan, "Deploy"), Ok(1));
        assert_eq!(resolve(&plan, " DEPLOY "), Ok(1));
        assert_eq!(resolve(&plan, "deploy to"), Ok(0));
        // Two tasks of that very text are still two.
        let plan = parse("- [ ] Deploy\n- [ ] Deploy to prod\n- [x] deploy\n");
        assert_eq!(
            resolve(&plan, "deploy").unwrap_err().to_string(),
            "`deploy` matches 2 tasks; name one by id or #index:\n  #1 [ ] Deploy\n  #3 [x] deploy"
        );
    }

    #[test]
    fn ambiguous_and_unknown_list_candidates() {
        let plan = parse(PLAN);
        let err = resolve(&plan, "write").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`write` matches 2 tasks; name one by id or #index:\n  #1 T001 [ ] Write the parser\n  #2 T002 [x] Write the printer"
        );
        let err = resolve(&plan, "deploy").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("no task matches `deploy`\n  #1 T001 [ ] Write the parser\n"),
            "{err}"
        );
        let err = resolve(&plan, "#9").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no task matches `#9`\n  the plan has 4 tasks, #1 to #4"
        );
        // However long the list, the first line is the whole error.
        let err = resolve(&plan, "two\nlines").unwrap_err().to_string();
        assert_eq!(err.lines().next(), Some("no task matches `two\\nlines`"));
        let err = resolve(&parse("# Empty\n"), "x").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no task matches `x`; the plan has no tasks"
        );
    }

    #[test]
    fn a_repeated_id_is_ambiguous_and_ids_are_whole() {
        let plan = parse("- [ ] T1 one\n- [ ] T10 ten\n- [x] T1 again\n- [ ] T100 hundred\n");
        assert_eq!(
            resolve(&plan, "T1").unwrap_err().to_string(),
            "`T1` matches 2 tasks; name one by id or #index:\n  #1 T1 [ ] one\n  #3 T1 [x] again"
        );
        assert_eq!(resolve(&plan, "t10"), Ok(1));
        assert_eq!(resolve(&plan, "T100"), Ok(3));
        // Shaped like an id, so looked up as one only.
        assert_eq!(
            resolve(&plan, "T1000")
                .unwrap_err()
                .to_string()
                .lines()
                .next(),
            Some("no task has the id `T1000`; the ids are:")
        );
    }

    #[test]
    fn a_number_that_is_no_id_is_not_a_fragment() {
        // `4` is in "429" and `T12` in "after T12", but neither is an id.
        let plan = parse("- [ ] Set up\n- [ ] Return 429\n- [ ] Tidy after T12\n- [ ] Ship\n");
        assert_eq!(
            resolve(&plan, "4").unwrap_err().to_string(),
            "no task has the id `4`; by position, `#4` is:\n  #4 [ ] Ship"
        );
        assert_eq!(
            resolve(&plan, "42").unwrap_err().to_string(),
            "no task has the id `42`; the plan's tasks have no ids: name one by #index or by its text"
        );
        assert_eq!(
            resolve(&plan, "t12").unwrap_err().to_string(),
            "no task has the id `t12`; the plan's tasks have no ids: name one by #index or by its text"
        );
        // Not shaped like an id: a fragment, as before.
        assert_eq!(resolve(&plan, "return 4"), Ok(1));
        assert!(matches!(
            resolve(&plan, "429"),
            Err(ResolveError::UnknownId { position: None, .. })
        ));
        assert_eq!(resolve(&plan, "after t12"), Ok(2));
        // Ids written as lists number them, `1.`, are the ids `1`.
        let plan = parse("- [ ] 1. Set up\n- [ ] 2. Return 429\n");
        assert_eq!(resolve(&plan, "2."), Ok(1));
        assert_eq!(resolve(&plan, "2"), Ok(1));
        let err = resolve(&plan, "3").unwrap_err().to_string();
        assert_eq!(
            err,
            "no task has the id `3`; the ids are:\n  #1 1 [ ] Set up\n  #2 2 [ ] Return 429"
        );
    }

    #[test]
    fn an_id_off_by_padding_or_separator_is_suggested() {
        let plan = parse("- [ ] T001 one\n- [ ] T002 two\n- [ ] 1.2 sub\n");
        assert_eq!(
            resolve(&plan, "T1").unwrap_err().to_string(),
            "no task has the id `T1`; did you mean `T001`?\n  #1 T001 [ ] one"
        );
        assert_eq!(
            resolve(&plan, "t-2").unwrap_err().to_string(),
            "no task has the id `t-2`; did you mean `T002`?\n  #2 T002 [ ] two"
        );
        assert_eq!(
            resolve(&plan, "1.02").unwrap_err().to_string(),
            "no task has the id `1.02`; did you mean `1.2`?\n  #3 1.2 [ ] sub"
        );
        // Parts stay apart: `12` is not `1.2`, and `T3` is no id at all.
        assert_eq!(
            resolve(&plan, "12").unwrap_err().to_string().lines().next(),
            Some("no task has the id `12`; the ids are:")
        );
        assert_eq!(
            resolve(&plan, "T3").unwrap_err().to_string().lines().next(),
            Some("no task has the id `T3`; the ids are:")
        );
        // Both spellings in one plan: both are offered.
        let plan = parse("- [ ] T-1 one\n- [ ] T01 again\n- [ ] T-1 repeated\n");
        assert_eq!(
            resolve(&plan, "T1").unwrap_err().to_string(),
            "no task has the id `T1`; did you mean `T-1` or `T01`?\n  #1 T-1 [ ] one\n  #2 T01 [ ] again\n  #3 T-1 [ ] repeated"
        );
    }

    #[test]
    fn an_id_with_its_text_names_the_task() {
        let plan = parse(PLAN);
        assert_eq!(resolve(&plan, "T002 Write the printer"), Ok(1));
        assert_eq!(resolve(&plan, "t001  write the PARSER"), Ok(0));
        // The id must own that text.
        assert!(resolve(&plan, "T001 Write the printer").is_err());
    }

    #[test]
    fn resolving_all_at_once_agrees_with_one_at_a_time() {
        let plan = parse(PLAN);
        let queries: Vec<String> = ["ship", "#2", "T001", "review docs", "t002", "#4"]
            .map(String::from)
            .to_vec();
        let one_by_one: Vec<usize> = queries.iter().map(|q| resolve(&plan, q).unwrap()).collect();
        assert_eq!(one_by_one, [3, 1, 0, 2, 1, 3]);
        assert_eq!(resolve_all(&plan, &queries), Ok(vec![3, 1, 0, 2]));
        // The first query that names no single task is the error.
        let bad = ["T001".into(), "write".into(), "#9".into()];
        assert_eq!(
            resolve_all(&plan, &bad),
            Err(resolve(&plan, "write").unwrap_err())
        );
    }
}
