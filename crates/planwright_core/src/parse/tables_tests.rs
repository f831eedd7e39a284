//! Tests of the table reader: which tables are risk registers, timelines
//! and logs, and the widths rows were written with inside containers.

use crate::{TableKind, parse};

/// The kind of each table in `src`.
fn kinds(src: &str) -> Vec<TableKind> {
    parse(src).tables.iter().map(|t| t.kind).collect()
}

#[test]
fn a_schedule_with_notes_or_updates_is_a_timeline_not_a_log() {
    let src = "\
| Phase | Start Date | End Date | Notes |
|---|---|---|---|

| Phase | Begin | Due | Last update |
|---|---|---|---|

| Milestone | Target date | Notes |
|---|---|---|

| Phase | Status | Last update |
|---|---|---|

| Date | Update |
|---|---|

## Schedule

| Milestone | Date | Notes |
|---|---|---|
";
    assert_eq!(
        kinds(src),
        [
            TableKind::Timeline,
            TableKind::Timeline,
            TableKind::Other,
            TableKind::Other,
            TableKind::ProgressLog,
            TableKind::Timeline,
        ]
    );
}

#[test]
fn a_risk_register_is_a_table_whose_rows_are_risks() {
    let src = "\
| Risk | Impact | Mitigation |
|---|---|---|

| # | Risk | Likelihood | Impact | Mitigation |
|---|---|---|---|---|

| Technical risks | Probability |
|---|---|

| Component | Change | Risk Level | Impact |
|---|---|---|---|

| Step | Impact | Rollback risk |
|---|---|---|

| Test | Probability of flake | Risk area |
|---|---|---|

| Risk Level | Count | Impact |
|---|---|---|

## Risks

| ID | Description | Impact |
|---|---|---|

| Area | Risk | Mitigation |
|---|---|---|

| Area | Risk area | Impact |
|---|---|---|
";
    use TableKind::{ComponentChanges, Other, Risks};
    assert_eq!(
        kinds(src),
        [
            Risks,
            Risks,
            Risks,
            ComponentChanges,
            Other,
            Other,
            Other,
            Risks,
            Risks,
            Other
        ]
    );
}

#[test]
fn a_first_level_one_section_types_its_tables_by_its_role() {
    // `# Risks` then `# Timeline`: the first `#` is a section, not the
    // title, as the second shows only once it is read.
    let sections = "# Risks\n\n| Area | Risk | Mitigation |\n|---|---|---|\n| db | Data loss | |\n\n# Timeline\n\nSoon.\n";
    assert_eq!(kinds(sections), [TableKind::Risks]);
    // Under a title, the same table lists areas.
    let titled = "# Risks\n\n| Area | Risk | Mitigation |\n|---|---|---|\n| db | Data loss | |\n";
    assert_eq!(kinds(titled), [TableKind::Other]);
}

#[test]
fn quote_markers_and_list_indentation_are_not_cells() {
    let src = "\
> | A | B |
> |---|---|
> | 1 | 2 |
> | 1 |
>| 1 | 2 | 3 |

> > | A | B |
> > |---|---|
> > | 1 |

- item

  | A | B |
  |---|---|
  | 1 | 2 |
";
    let widths: Vec<Vec<usize>> = parse(src)
        .tables
        .iter()
        .map(|t| t.written_widths.clone())
        .collect();
    assert_eq!(widths, [vec![2, 1, 3], vec![1], vec![2]]);
}
