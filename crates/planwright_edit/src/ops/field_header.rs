//! Where the plan's own header is, for `set`: the fields that describe the
//! plan as a whole, as opposed to a story, risk or epic further down.
//!
//! The model's [`MetaField::is_header`] counts a bold line in any section
//! but a phase or a list as plan-level, which is too wide for choosing the
//! one field to rewrite: a `**Status:**` under `## User Stories` / `###
//! Story 1` is the story's, and no list of section names can tell every
//! such section apart. The header is what stands before the first section:
//! front matter, comments and bold lines, list items of `- **Key:** value`
//! among them. Two narrow extensions keep plans that put their header under
//! a heading: an untitled plan's opening heading stands for its title, and
//! a first section whose heading says it holds the document's metadata
//! (`## Metadata`, `## Document Info`) is the header's continuation.

use planwright_core::{
    LineIndex, MetaField, MetaStyle, Plan, Section, names_metadata, normalize_key,
};

/// The plan's header fields named `key` (normalised), with their indices
/// in `Plan::metadata`, in source order.
pub(super) fn fields_named<'p>(
    plan: &'p Plan,
    src: &str,
    key: &str,
) -> Vec<(usize, &'p MetaField)> {
    let end = header_end(plan, src);
    plan.metadata
        .iter()
        .enumerate()
        .filter(|(_, f)| f.norm == key && in_header(f, end))
        .collect()
}

/// Every header field, in source order.
pub(super) fn fields<'p>(plan: &'p Plan, src: &str) -> Vec<&'p MetaField> {
    let end = header_end(plan, src);
    plan.metadata.iter().filter(|f| in_header(f, end)).collect()
}

/// The 1-based line of a header table's row or column that states `key`
/// (normalised), with the key as written: `| Status | Draft |` in a
/// two-column table, or a `Status` column over a single row. The model
/// reads no fields from tables, so `set` cannot edit them, but must not add
/// a second field beside them either.
pub(super) fn table_stating(plan: &Plan, src: &str, key: &str) -> Option<(usize, String)> {
    let end = header_end(plan, src);
    let found = plan
        .tables
        .iter()
        .filter(|t| t.range.start < end)
        .find_map(|t| {
            // Key/value rows, the header row among them: a table of two
            // columns may well start with `| Status | Draft |`.
            let by_row = std::iter::once(&t.header)
                .chain(&t.rows)
                .filter(|r| r.cells.len() >= 2)
                .find_map(|r| r.cells.first().filter(|c| normalize_key(&c.text) == key))
                .map(|c| (c.range.start, c.text.to_string()));
            // A one-row table with the key as a column heading.
            let by_column = || match t.rows.as_slice() {
                [row] => t
                    .header
                    .cells
                    .iter()
                    .zip(&row.cells)
                    .find(|(name, _)| normalize_key(&name.text) == key)
                    .map(|(name, value)| (value.range.start, name.text.to_string())),
                _ => None,
            };
            by_row.or_else(by_column)
        })?;
    let line = LineIndex::new(src).line_of(found.0) + 1;
    Some((line, found.1))
}

/// A field of the plan's header: front matter anywhere, else no phase's
/// and above `end`. A list item counts here, where the model's
/// `is_header` leaves it out: above the first section, `- **Status:**
/// Draft` is how some plans write their header.
fn in_header(f: &MetaField, end: u32) -> bool {
    f.style == MetaStyle::FrontMatter || (f.phase.is_none() && f.range.start < end)
}

/// Whether `f` is an item of the header's list: one the model counts as
/// the header's ([`MetaField::header_item`]: above the first section, or
/// in the `## Metadata` section right after the title), or one of a list
/// in the `## Metadata`-style section after an untitled plan's opening
/// heading (see the module docs), which the model counts as that
/// section's. A task's item is neither.
pub(super) fn in_header_list(plan: &Plan, src: &str, f: &MetaField) -> bool {
    let before_tasks = plan
        .tasks
        .first()
        .is_none_or(|t| f.range.start < t.range.start);
    f.header_item
        || (f.in_list
            && f.phase.is_none()
            && before_tasks
            && f.section.is_some()
            && f.section == header_sections(plan, src).0)
}

/// Where the header ends: at the first heading after the title, passing
/// over an untitled plan's opening heading and a metadata section, or at
/// the first task, whichever comes first. A plan without sections has
/// its tasks in the header's reach, and `**Owner:** alice` under `- [ ]
/// T001` is the task's owner, not the plan's.
fn header_end(plan: &Plan, src: &str) -> u32 {
    let first_task = plan.tasks.iter().map(|t| t.range.start).min();
    header_sections(plan, src)
        .1
        .min(first_task.unwrap_or(u32::MAX))
}

/// The index of the metadata section that continues the header, if there
/// is one, and where the header ends.
fn header_sections(plan: &Plan, src: &str) -> (Option<usize>, u32) {
    let title = plan.title.as_ref().map(|t| t.heading.start);
    let mut sections = plan
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| Some(s.heading.start) != title);
    let mut next = sections.next();
    if next.is_some_and(|(_, s)| stands_for_title(plan, src, s)) {
        next = sections.next();
    }
    let metadata = next.filter(|(_, s)| holds_metadata(s)).map(|(i, _)| i);
    if metadata.is_some() {
        next = sections.next();
    }
    (metadata, next.map_or(u32::MAX, |(_, s)| s.heading.start))
}

/// An untitled plan (`## Checkout revamp` as its first line, no `#`)
/// has its opening heading for a title: the fields under it are the
/// plan's, as they would be under a `#`. Only a heading that opens the
/// text and names no known section (`## Risks` is one) or phase.
fn stands_for_title(plan: &Plan, src: &str, s: &Section) -> bool {
    let from = plan
        .front_matter
        .map_or(usize::from(plan.bom) * 3, |fm| fm.end as usize);
    let opens_the_text = src
        .get(from..s.heading.start as usize)
        .is_some_and(|before| before.trim().is_empty());
    plan.title.is_none()
        && s.role.is_none()
        && opens_the_text
        && !plan
            .phases
            .iter()
            .any(|p| p.heading.start == s.heading.start)
}

/// Whether `s` holds the document's own metadata: right after the title,
/// its fields are the header written under a heading, not an item's.
fn holds_metadata(s: &Section) -> bool {
    names_metadata(&s.key)
}
