//! Why a name did not name exactly one task, said so that the user can
//! name it next time: the error and the candidates it lists.

use planwright_core::json::NodeIds;
use planwright_core::visible::escaped;
use planwright_core::{Plan, Task};

/// Why a task reference did not name exactly one task. Each keeps the
/// name as given, and quotes it escaped (see [`escaped`]): a line break in
/// it would cut the message's first line short.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// A name of nothing but blanks (a quoted space, an empty shell
    /// variable): "no task matches" an empty name would not say what went
    /// wrong.
    #[error("the task name is empty; name a task by id (T003), #index, or a fragment of its text")]
    Empty,
    #[error("no task matches `{}`{}", escaped(.query), candidates_text(.candidates))]
    Unknown {
        query: String,
        candidates: Vec<String>,
    },
    /// A name shaped like an id (`4`, `T009`) that no task has. It is not
    /// looked for in the tasks' texts: `4` is far more likely a position
    /// typed without its `#` than a fragment of "429".
    #[error(
        "no task has the id `{}`{}",
        escaped(.query),
        id_hint(*.position, .near, .candidates, *.no_tasks)
    )]
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
    #[error(
        "`{}` matches {count} tasks; name one by {hint}:{}",
        escaped(.query),
        candidates_text(.candidates)
    )]
    Ambiguous {
        query: String,
        /// How many tasks it matches; `candidates` lists the first few.
        count: usize,
        /// The forms that name one of them, with an example of each that
        /// works on this plan: `#index` always does; a task's id only when
        /// no other task has it, else its id and text, as `next` prints
        /// them, when that is unique.
        hint: String,
        candidates: Vec<String>,
    },
    /// Every name of a command's list that failed (see [`super::resolve_all`]).
    #[error("{}", several(.0))]
    Several(Vec<ResolveError>),
}

/// How many tasks an "unknown" error lists; a long plan would drown the
/// message.
pub(super) const MAX_LISTED: usize = 20;

pub(super) fn unknown_id(plan: &Plan, q: &str) -> ResolveError {
    let wanted = planwright_core::id_shape(q);
    let near: Vec<usize> = (0..plan.tasks.len())
        .filter(|&i| {
            plan.tasks[i].explicit_id && planwright_core::id_shape(&plan.tasks[i].id) == wanted
        })
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

pub(super) fn ambiguous(plan: &Plan, q: &str, found: &[usize]) -> ResolveError {
    ResolveError::Ambiguous {
        query: q.to_owned(),
        count: found.len(),
        hint: naming_hint(plan, found),
        // As many as an unknown name's list shows: a name shared by
        // thousands of tasks would print thousands of lines.
        candidates: found
            .iter()
            .take(MAX_LISTED)
            .map(|&i| describe(i, &plan.tasks[i]))
            .chain(
                (found.len() > MAX_LISTED)
                    .then(|| format!("… and {} more", found.len() - MAX_LISTED)),
            )
            .collect(),
    }
}

/// How to name one of the tasks `found`: "id or #index" when their ids
/// are unique in the plan; where ids repeat, the numbered name `next`
/// gives each task of a repeated id (`T001 (1)`) and "#index", with the
/// first such task's.
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
    let Some(&first) = with_ids.iter().find(|&&i| repeated(i)) else {
        return "id or #index".to_owned();
    };
    let name = NodeIds::new(plan).tasks.swap_remove(first);
    format!(
        "the name `next` gives it (`{name}`) or #index (`#{}`)",
        first + 1
    )
}

/// `#3 T003 [ ] Write the parser`.
pub(super) fn describe(index: usize, t: &Task) -> String {
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
