//! Tests of the table reader: which tables are risk registers, timelines
//! and logs, the widths rows were written with (inside containers too),
//! which column a heading names, and cells' text with escaped pipes.

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

#[test]
fn tables_get_typed_views_and_written_widths() {
    let src = "\
## Risks
| Risk | Likelihood | Mitigation |
|---|---|---|
| Outage | M | Fallback |
| Leak | L |

## Progress Log
| Date | Update |
|---|---|
| 2026-01-02 | Plan created |

| Phase | Start Date | End Date |
|---|---|---|
| One | 2026-01-01 | 2026-01-05 |
";
    let plan = parse(src);
    let kinds: Vec<TableKind> = plan.tables.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            TableKind::Risks,
            TableKind::ProgressLog,
            TableKind::Timeline
        ]
    );
    let risks = &plan.tables[0];
    assert_eq!(risks.written_widths, [3, 2]);
    assert_eq!(risks.column(&["mitigation"]), Some(2));
    assert_eq!(risks.column(&["mitigat"]), Some(2));
    // Words, not substrings: "Update" is no date column, "Backend" no end.
    let log = parse(
        "| Update | Due Date |\n|---|---|\n| a | 2026-01-05 |\n\n| Backend | End |\n|---|---|\n",
    );
    assert_eq!(log.tables[0].column(&["date"]), Some(1));
    assert_eq!(log.tables[1].column(&["end"]), Some(1));
    assert_eq!(risks.rows[0].cells[2].range.slice(src), "Fallback");
    assert_eq!(plan.tables[1].rows[0].cells[1].text, "Plan created");
}

#[test]
fn written_widths_skip_escaped_pipes_only() {
    // As GFM splits rows (and pulldown-cmark with it): a `|` in a code
    // span splits too, an escaped backtick opens no code.
    let src = "\
| Option | Meaning | Note |
|---|---|---|
| `a|b` | either \\| or | — ünïcode | extra |
| x | y |
| \\` | x | y |
";
    assert_eq!(parse(src).tables[0].written_widths, [5, 2, 3]);
}

#[test]
fn an_escaped_pipe_in_a_cell_reads_as_a_pipe_in_code_too() {
    let src = "| Risk | Mitigation |\n|---|---|\n| `a \\| b` outage | Loss \\| corruption |\n";
    let cells = &parse(src).tables[0].rows[0].cells;
    assert_eq!(cells[0].text, "a | b outage");
    assert_eq!(cells[1].text, "Loss | corruption");
}
