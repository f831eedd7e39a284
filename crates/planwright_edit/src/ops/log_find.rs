//! Which section is the plan's progress log.
//!
//! A heading's role comes from `roles.toml`, which reads a heading that
//! opens with "log", "progress" or "changelog", or names a kind of log
//! anywhere ("Work Log", "Status Updates"), as a progress log: "Log of
//! the audit", "Progress of the migration", "Sprint 3 Work Log", spec-kit's
//! "Progress Tracking" check lists. Writing a dated line into those
//! damages them, so the role only makes a section a candidate; what is
//! already in it decides.

use planwright_core::{Plan, Role, Section, TextRange};

use super::{Dates, heading, list, table};

/// How well a section fits as the log, best highest: not the title, not
/// in a phase, named and dated, named, dated.
type Rank = (bool, bool, bool, bool, bool);

/// The section that holds the progress log, if the plan has one: of the
/// sections whose role is the progress log, never a phase and never the
/// title (unless the whole file is a log: a title that names one over
/// dated entries), one whose entries are dated, or one named only as a log
/// ("Progress Log", "Changelog", "Work Log") that has room for entries (a
/// log table, a list that is not a check list, or nothing yet). One
/// outside every phase beats a phase's own log; then named and dated
/// beats named beats dated; the first such section wins a tie.
pub(super) fn log_section(plan: &Plan, src: &str) -> Option<usize> {
    let mut best: Option<(Rank, usize)> = None;
    for (i, s) in plan.sections.iter().enumerate() {
        let is_title = plan.title.as_ref().is_some_and(|t| t.heading == s.heading);
        // The title takes no section's role; its words still say whether
        // the whole file is a log.
        let role = if is_title {
            planwright_core::roles::resolve_key(&s.key)
        } else {
            s.role
        };
        if role != Some(Role::ProgressLog) || is_phase(plan, s) {
            continue;
        }
        let named = names_the_log(&s.key);
        let content = Content::of(plan, src, i);
        let qualifies = if is_title {
            named && content.dated
        } else {
            content.dated || (named && content.open)
        };
        if !qualifies {
            continue;
        }
        // The plan's log before one a phase keeps of its own.
        let in_phase = plan
            .phases
            .iter()
            .any(|p| p.range.contains_range(s.range) && p.heading != s.heading);
        let rank = (
            !is_title,
            !in_phase,
            named && content.dated,
            named,
            content.dated,
        );
        if best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, i));
        }
    }
    best.map(|(_, i)| i)
}

/// A section named only as a log, and in so many words ("Progress Log",
/// "Changelog": not spec-kit's "Progress Tracking" gates), that
/// [`log_section`] passed over, as it holds only check lists or tables
/// that are no log's: the log the user means, which `log` must not write
/// into, nor add a second one beside.
pub(super) fn closed_log(plan: &Plan, src: &str) -> Option<usize> {
    (0..plan.sections.len()).find(|&i| {
        let s = &plan.sections[i];
        let is_title = plan.title.as_ref().is_some_and(|t| t.heading == s.heading);
        !is_title
            && s.role == Some(Role::ProgressLog)
            && !is_phase(plan, s)
            && names_the_log(&s.key)
            && s.key.split(' ').any(|w| w.ends_with("log"))
            && !Content::of(plan, src, i).open
    })
}

/// A phase heading ("Phase 1: Progress Dashboard") holds work, not a log.
fn is_phase(plan: &Plan, s: &Section) -> bool {
    plan.phases.iter().any(|p| p.heading == s.heading)
}

/// Words of the progress-log phrases in `roles.toml` that do not name a
/// log on their own ("status updates", "progress tracking", "work log");
/// the words that do ("log", "progress") are asked of the role table. A
/// heading of only such words names the log and nothing else: "Audit Log",
/// "Sprint 3 Progress" name something else that has a log or progress.
const LOG_WORDS: &[&str] = &["change", "status", "updates", "tracking", "work"];

/// Whether a heading (its normalised key) names a progress log and nothing
/// else. A heading in a script written without spaces is one word, taken
/// at its role.
fn names_the_log(key: &str) -> bool {
    !key.is_empty()
        && key.split(' ').all(|w| {
            LOG_WORDS.contains(&w)
                || planwright_core::roles::resolve_key(w) == Some(Role::ProgressLog)
        })
}

/// What a candidate section holds, as far as choosing the log goes.
struct Content {
    /// Some entry starts with a date: a log table's row, a dated heading,
    /// an item of a list that is not a check list.
    dated: bool,
    /// An entry can go in: it has a log table or a list that is not a
    /// check list, or no list or table at all.
    open: bool,
}

impl Content {
    fn of(plan: &Plan, src: &str, s: usize) -> Self {
        let range: TextRange = plan.sections[s].range;
        // Numeric dates read either way round: which one matters only
        // once the section is the log.
        let dates = Dates::ANY;
        let tables = table::log_tables(plan, range, dates);
        let dated_rows = tables.iter().any(|&(t, col)| {
            plan.tables[t].rows.iter().any(|r| {
                r.cells
                    .get(col)
                    .is_some_and(|c| dates.find(&c.text).is_some())
            })
        });
        let dated_headings = !heading::dated_headings(plan, s, dates).is_empty();
        let lists = list::entry_lists(plan, src, range);
        let dated_items = lists.iter().any(|l| {
            plan.markers_of(l)
                .iter()
                .any(|&m| list::item_date(list::item_text(src, m), dates).is_some())
        });
        let any_list = !list::top_lists(plan, range).is_empty();
        let any_table = plan.tables.iter().any(|t| range.contains_range(t.range));
        Self {
            dated: dated_rows || dated_headings || dated_items,
            open: !tables.is_empty() || !lists.is_empty() || !(any_list || any_table),
        }
    }
}
