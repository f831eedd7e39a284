//! After an edit, the result is parsed again and compared with the plan
//! before it: the intended change must be there and nothing else in the
//! model may differ. This catches a value that happens to read as markup
//! (a message starting with `[ ]`, a field value with ` | **Key:**`) before
//! it reaches the disk.
//!
//! The comparison is over a range-free projection of the model (titles,
//! metadata, sections, phases, tasks, task links, tasks' waits for
//! phases, tables), since an insertion shifts every later offset: every
//! dependency `next` reads is there, so an edit cannot add or drop one. Placeholders, paragraphs and lists
//! are left out: setting a placeholder value to a real one is the point.

use planwright_core::{MetaStyle, Plan, TaskState, Text, normalize_key};

use crate::ops::Intent;
use crate::ops::log_date::{Dates, heading_text};
use crate::ops::month::Month;

/// The re-parsed plan differs from the old one by more (or less) than the
/// intended change.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the edit would change more than intended ({detail}); nothing written")]
pub struct VerifyError {
    pub detail: String,
}

/// Checks that `after` is `before` with `intent` carried out.
pub fn verify(before: &Plan, after: &Plan, intent: &Intent) -> Result<(), VerifyError> {
    let mut expected = Shape::of(before);
    let actual = Shape::of(after);
    match intent {
        Intent::TaskStates(changes) => {
            for &(i, state) in changes {
                if let Some(t) = expected.tasks.get_mut(i) {
                    t.state = state;
                }
            }
            // A `[>]` task is deferred by its mark, and so are the tasks
            // under it: a new mark makes them work again (or done).
            let mut freed = vec![false; before.tasks.len()];
            for &(i, _) in changes {
                if before.tasks.get(i).is_some_and(|t| t.mark == '>') {
                    freed[i] = true;
                }
            }
            for (j, t) in before.tasks.iter().enumerate() {
                if t.parent.is_some_and(|p| freed.get(p) == Some(&true)) {
                    freed[j] = true;
                }
                if freed[j]
                    && let (Some(e), Some(a)) = (expected.tasks.get_mut(j), actual.tasks.get(j))
                {
                    e.kind = a.kind;
                }
            }
        }
        Intent::Field { changes } => {
            for (i, v) in changes {
                match expected.metadata.get_mut(*i) {
                    Some(f) => f.value = Text::from(v.as_str()),
                    None => return fail("a field disappeared"),
                }
            }
            // A plan without a `#` title is titled by its front matter's
            // `title:`; setting that field retitles the plan, also from
            // empty (an empty `title:` titles nothing).
            let retitles = |i: usize| {
                before.metadata.get(i).is_some_and(|f| match &before.title {
                    Some(t) => f.range == t.heading,
                    None => f.style == MetaStyle::FrontMatter && f.norm == "title",
                })
            };
            if changes.iter().any(|(i, _)| retitles(*i)) {
                expected.title.clone_from(&actual.title);
            }
        }
        Intent::FieldAdded { key, value, header } => {
            // The added field is where the fields first differ: the same
            // key may stand further down, in a story's section.
            let new = actual
                .metadata
                .iter()
                .zip(&expected.metadata)
                .position(|(a, e)| a != e)
                .unwrap_or(expected.metadata.len());
            let is_key = |f: &FieldShape| f.header == *header && normalize_key(&f.key) == *key;
            if !actual.metadata.get(new).is_some_and(is_key) {
                return fail("the added field does not read back");
            }
            let field = actual.metadata[new].clone();
            if field.value != *value {
                return fail(format!("the added field reads `{}`", field.value));
            }
            expected
                .metadata
                .insert(new.min(expected.metadata.len()), field);
            // A `title:` added to an untitled plan's front matter titles it.
            if before.title.is_none() && key == "title" {
                expected.title.clone_from(&actual.title);
            }
        }
        Intent::LogRow { table } => {
            let (Some(old), Some(new)) =
                (expected.tables.get_mut(*table), actual.tables.get(*table))
            else {
                return fail("the log table moved");
            };
            // The new row is wherever the date order put it; every old row
            // must still be there, in order.
            if inserted_at(&old.rows, &new.rows).is_none() {
                return fail("the log table did not gain exactly one row");
            }
            old.rows.clone_from(&new.rows);
        }
        Intent::LogEntry { new_heading } => {
            // List fields are how some logs write their entries.
            expected.metadata.retain(|f| f.header);
            let mut actual = actual.clone();
            actual.metadata.retain(|f| f.header);
            if *new_heading {
                new_headings(after, &mut expected, &actual)?;
            } else if let Some(at) = inserted_at(&expected.tables, &actual.tables)
                && (month_table(after, at).is_some() || first_log_table(&expected, &actual, at))
            {
                // The first table under a month heading already there, or
                // the table that starts a log section with no entries.
                expected.tables.insert(at, actual.tables[at].clone());
            }
            return if expected == actual {
                Ok(())
            } else {
                fail(first_difference(&expected, &actual))
            };
        }
    }
    if expected == actual {
        Ok(())
    } else {
        fail(first_difference(&expected, &actual))
    }
}

/// Takes into `expected` the headings a log entry brought along, and the
/// table it opened, when they are one of these: a heading (a day's, a
/// month's over a list item, or a new progress-log section with its
/// table at the end of the plan); a month's heading with the first table
/// of that month under it (see [`month_table`]); or a month's heading and
/// one day of that month under it. Anything else is left for the
/// comparison to refuse.
fn new_headings(after: &Plan, expected: &mut Shape, actual: &Shape) -> Result<(), VerifyError> {
    let added = actual.sections.len().checked_sub(expected.sections.len());
    let run = match added {
        Some(k @ (1 | 2)) => inserted_run(&expected.sections, &actual.sections, k),
        _ => None,
    };
    let (Some(k), Some(pos)) = (added, run) else {
        return fail("the log did not gain exactly one heading");
    };
    let heading = |i: usize| after.sections.get(i);
    let month = heading(pos).and_then(Month::of_heading);
    if k == 2 {
        let day_of_month = month.is_some_and(|m| {
            heading(pos + 1).is_some_and(|d| {
                d.parent == Some(pos)
                    && day_of(&heading_text(d), m.year_month())
                        .is_some_and(|day| day.ym() == m.ym())
            })
        });
        if !day_of_month {
            return fail("the log did not gain exactly one heading");
        }
    }
    expected
        .sections
        .splice(pos..pos, actual.sections[pos..pos + k].iter().cloned());
    let Some(at) = inserted_at(&expected.tables, &actual.tables) else {
        return Ok(());
    };
    let table = &actual.tables[at];
    let new_log = at + 1 == actual.tables.len() && table.kind == "progress_log";
    let month_table = k == 1 && month_table(after, at) == Some(pos);
    if new_log || month_table {
        expected.tables.insert(at, table.clone());
    }
    Ok(())
}

/// The section holding table `at` of `after`, when the table is a month's
/// first: that section is a month heading (`### March 2026`), holds no
/// other table, and the table has one row, dated in that month.
fn month_table(after: &Plan, at: usize) -> Option<usize> {
    let table = after.tables.get(at)?;
    let s = after
        .sections
        .iter()
        .rposition(|s| s.range.contains_range(table.range))?;
    let section = &after.sections[s];
    let month = Month::of_heading(section)?;
    let ym = month.ym();
    let under = Dates::ANY.under(month.year_month());
    let alone = after
        .tables
        .iter()
        .enumerate()
        .all(|(i, t)| i == at || !section.range.contains_range(t.range));
    let dated = matches!(table.rows.as_slice(), [row]
        if row.cells.iter().any(|c| under.find(&c.text).is_some_and(|(_, w)| w.day.ym() == ym)));
    (alone && dated).then_some(s)
}

/// Whether table `at` of `actual`, inserted into `expected`, is the
/// plan's first progress-log table, of one row: what `log` writes into a
/// log section without entries.
fn first_log_table(expected: &Shape, actual: &Shape, at: usize) -> bool {
    let log = "progress_log";
    actual.tables[at].kind == log
        && actual.tables[at].rows.len() == 1
        && expected.tables.iter().all(|t| t.kind != log)
}

/// The day `title` opens with, in any form `log` writes (see
/// `log_date.rs`), under the heading of `month` (year, month), where it may
/// leave out its year; a numeric one reads either way round, as `log`
/// wrote it in its log's order.
fn day_of(title: &str, month: Option<(u16, u16)>) -> Option<crate::ops::log_date::Day> {
    Some(Dates::ANY.under(month).read(title)?.day)
}

/// Where `new` is `old` with one element inserted, if it is: the first
/// index at which the two differ (or `old.len()` when `new` only adds an
/// element at the end), provided everything after it matches once that
/// element is skipped. When equal neighbours make several positions fit,
/// this is the last of them; inserting at any of them gives the same list.
/// Linear, where removing each element in turn and comparing would be
/// quadratic in a long log.
fn inserted_at<T: PartialEq>(old: &[T], new: &[T]) -> Option<usize> {
    inserted_run(old, new, 1)
}

/// Where `new` is `old` with a run of `k` elements inserted, if it is:
/// as [`inserted_at`], for a run.
fn inserted_run<T: PartialEq>(old: &[T], new: &[T], k: usize) -> Option<usize> {
    if new.len() != old.len() + k {
        return None;
    }
    let at = old
        .iter()
        .zip(new)
        .position(|(a, b)| a != b)
        .unwrap_or(old.len());
    (new[at + k..] == old[at..]).then_some(at)
}

fn fail<T>(detail: impl Into<String>) -> Result<T, VerifyError> {
    Err(VerifyError {
        detail: detail.into(),
    })
}

/// The range-free projection of a plan that an edit must keep.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Shape {
    title: Option<Text>,
    metadata: Vec<FieldShape>,
    sections: Vec<(u8, Option<Text>, Text)>,
    phases: Vec<PhaseShape>,
    tasks: Vec<TaskShape>,
    task_links: Vec<(Text, Text)>,
    /// (task index, phase named) of each task waiting for a phase.
    phase_waits: Vec<(usize, Text)>,
    tables: Vec<TableShape>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct FieldShape {
    key: Text,
    value: Text,
    style: &'static str,
    header: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct PhaseShape {
    id: Text,
    title: Text,
    parent: Option<usize>,
    status: Option<Text>,
    depends_on: Vec<Text>,
    tasks: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct TaskShape {
    id: Text,
    text: Text,
    state: TaskState,
    kind: &'static str,
    phase: Option<usize>,
    parent: Option<usize>,
    markers: Vec<Text>,
    depends_on: Vec<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct TableShape {
    kind: &'static str,
    header: Vec<Text>,
    rows: Vec<Vec<Text>>,
}

impl Shape {
    fn of(plan: &Plan) -> Self {
        Self {
            title: plan.title.as_ref().map(|t| t.text.clone()),
            // A bold date opening a log's paragraph (`**2024-03-05**: did
            // a thing`) reads as a field outside the header; it is the
            // log's entry, which `log` adds, not a field.
            metadata: plan
                .metadata
                .iter()
                .filter(|f| Dates::ANY.read(&f.key).is_none())
                .map(|f| FieldShape {
                    key: f.key.clone(),
                    value: f.value.clone(),
                    style: f.style.name(),
                    header: f.is_header(),
                })
                .collect(),
            sections: plan
                .sections
                .iter()
                .map(|s| (s.level, s.number.clone(), s.title.clone()))
                .collect(),
            phases: plan
                .phases
                .iter()
                .map(|p| PhaseShape {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    parent: p.parent,
                    status: p.status.clone(),
                    depends_on: p.depends_on.iter().map(|r| r.target.label()).collect(),
                    tasks: p.tasks.clone(),
                })
                .collect(),
            tasks: plan
                .tasks
                .iter()
                .map(|t| TaskShape {
                    id: t.id.clone(),
                    text: t.text.clone(),
                    state: t.state,
                    kind: t.kind.name(),
                    phase: t.phase,
                    parent: t.parent,
                    markers: t.markers.clone(),
                    depends_on: t.depends_on.clone(),
                })
                .collect(),
            task_links: plan
                .task_links
                .iter()
                .map(|l| (l.from.clone(), l.to.clone()))
                .collect(),
            phase_waits: plan
                .phase_waits
                .iter()
                .map(|w| (w.task, w.phase.target.label()))
                .collect(),
            tables: plan
                .tables
                .iter()
                .map(|t| TableShape {
                    kind: t.kind.name(),
                    header: t.header.cells.iter().map(|c| c.text.clone()).collect(),
                    rows: t
                        .rows
                        .iter()
                        .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
                        .collect(),
                })
                .collect(),
        }
    }
}

fn first_difference(a: &Shape, b: &Shape) -> String {
    if a.title != b.title {
        return "the title changed".to_owned();
    }
    if a.metadata != b.metadata {
        return diff_list("metadata field", &a.metadata, &b.metadata, |f| {
            format!("{}: {}", f.key, f.value)
        });
    }
    if a.sections != b.sections {
        return diff_list("heading", &a.sections, &b.sections, |s| s.2.to_string());
    }
    if a.tasks != b.tasks {
        return diff_list("task", &a.tasks, &b.tasks, |t| {
            format!("{} {}", t.id, t.text)
        });
    }
    if a.phases != b.phases {
        return diff_list("phase", &a.phases, &b.phases, |p| p.id.to_string());
    }
    if a.tables != b.tables {
        return "a table changed".to_owned();
    }
    if a.phase_waits != b.phase_waits {
        return "a task's wait for a phase changed".to_owned();
    }
    "task dependencies changed".to_owned()
}

fn diff_list<T: PartialEq>(what: &str, a: &[T], b: &[T], name: impl Fn(&T) -> String) -> String {
    if a.len() < b.len() {
        let extra = b
            .iter()
            .find(|x| !a.contains(x))
            .map(&name)
            .unwrap_or_default();
        return format!("a new {what} would appear: `{extra}`");
    }
    if a.len() > b.len() {
        let gone = a
            .iter()
            .find(|x| !b.contains(x))
            .map(&name)
            .unwrap_or_default();
        return format!("{what} `{gone}` would disappear");
    }
    let changed = a
        .iter()
        .zip(b)
        .find(|(x, y)| x != y)
        .map(|(x, _)| name(x))
        .unwrap_or_default();
    format!("{what} `{changed}` would change")
}

#[cfg(test)]
#[path = "verify_tests.rs"]
mod tests;
