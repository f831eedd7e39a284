//! Rules on plans that read one way to a person and could read another:
//! durations beside week numbers, notes beside dates, tables in quotes,
//! settled questions, titles, mail addresses, formats and plain labels.

use super::run;

#[test]
fn a_duration_or_a_noted_date_is_no_place_in_the_schedule() {
    // `1 week` is how long, not which week; the date in brackets is where
    // the phase was before it moved, not where it ends.
    let estimates = "# Plan\n\n### Phase 1: Base\n\n**Estimated Time:** 1 week (5 working days)\n\n- [ ] T001 a\n\n### Phase 2: Core\n\n**Estimated Time:** 1 week (3 days of dev, 2 of review)\n**Dependencies:** Phase 1\n\n- [ ] T002 b\n";
    let days = "# Plan\n\n### Phase 1: Base\n\n**Timeline:** Week 1, Days 1-3\n\n### Phase 2: Core\n\n**Timeline:** Week 1, Days 4-5\n**Dependencies:** Phase 1\n";
    let moved = "# Plan\n\n## Timeline\n\n| Phase | Target |\n|---|---|\n| Phase 1: Base | 2026-03-01 |\n| Phase 2: Core | 2026-04-01 (moved from 2026-03-15) |\n";
    for source in [estimates, days, moved] {
        assert_eq!(
            run("PW204", None, source),
            "No problems found in 1 file.\n",
            "{source}"
        );
    }
    // Positions still are: Phase 2 in weeks 2–3 cannot wait for weeks 3–4.
    let early = "# Plan\n\n### Phase 1: Base\n\n**Timeline:** W3-W4\n\n### Phase 2: Core\n\n**Timeline:** Weeks 2 to 3\n**Dependencies:** Phase 1\n";
    let out = run("PW204", None, early);
    assert!(
        out.contains("Phase 2 starts before Phase 1, which it depends on, ends"),
        "{out}"
    );
    // A second date named the end closes the range the first opens.
    let named = "# Plan\n\n## Timeline\n\n| Phase | Dates |\n|---|---|\n| Build | Starts 2026-03-10, ends 2026-03-01 |\n| Test | 2026-03-12; End: 2026-03-11 |\n| Ship | 2026-04-01, was 2026-03-15 |\n";
    let out = run("PW204", None, named);
    for end in [
        "ends (2026-03-01) before it starts (2026-03-10)",
        "ends (2026-03-11) before it starts (2026-03-12)",
    ] {
        assert!(out.contains(end), "{end}:\n{out}");
    }
    assert!(out.ends_with("Found 2 errors in 1 file.\n"), "{out}");
}

#[test]
fn a_timeline_with_a_notes_column_is_still_a_timeline() {
    let table = |notes: &str| {
        format!(
            "# Plan\n\n## Dates\n\n| Phase | Start Date | End Date | {notes} |\n|---|---|---|---|\n| Phase 1: Base | 2026-03-02 | 2026-03-06 | |\n| Phase 2: Core | 2026-03-20 | 2026-03-10 | typo |\n| Phase 3: Rollout | 2026-03-09 | 2026-03-13 | |\n"
        )
    };
    for notes in ["Notes", "Last update", "Owner"] {
        let source = table(notes);
        let out = run("PW204", None, &source);
        assert!(
            out.contains("timeline row ends (2026-03-10) before it starts (2026-03-20)"),
            "{notes}: {out}"
        );
        assert_eq!(
            run("PW209", None, &source),
            "No problems found in 1 file.\n",
            "{notes}"
        );
    }
}

#[test]
fn a_table_in_a_quote_or_list_counts_its_cells_not_its_markers() {
    let source = "# Plan\n\n> | Env | URL |\n> |---|---|\n> | staging | https://staging.example.com |\n> | prod |\n\n> > | A | B |\n> > |---|---|\n> > | 1 | 2 |\n> > | 1 | 2 | 3 |\n\n- Hosts:\n\n  | A | B |\n  |---|---|\n  | 1 | 2 |\n  | 1 |\n";
    let out = run("PW402", None, source);
    let lines: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> fixtures/PW402.md:"))
        .collect();
    assert_eq!(lines, ["6:1", "11:1", "18:1"], "{out}");
    assert!(
        out.contains("row has 3 cells, more than the header's 2"),
        "{out}"
    );
}

#[test]
fn only_a_table_whose_rows_are_risks_is_a_risk_register() {
    // Tables of components, steps and tests with a risk column list no
    // risks to mitigate.
    let others = "# Plan\n\n## Component Changes\n\n| Component | Change | Risk Level | Impact |\n|---|---|---|---|\n| api | New endpoint | Low | Internal only |\n\n## Rollout\n\n| Step | Impact | Rollback risk |\n|---|---|---|\n| migrate | downtime | low |\n\n## Risks\n\n| Test | Probability of flake | Risk area |\n|---|---|---|\n| e2e | high | auth |\n";
    assert_eq!(run("PW401", None, others), "No problems found in 1 file.\n");
    let registers = "# Plan\n\n## Notes\n\n| # | Risk | Likelihood | Mitigation |\n|---|---|---|---|\n| 1 | Outage | M | |\n\n| Risk ID | Impact |\n|---|---|\n| R1 | High |\n\n## Risks\n\n| ID | Area | Description | Impact | Mitigation |\n|---|---|---|---|---|\n| R2 | db | Data loss | High | TBD |\n\n| Area | Risk | Impact | Mitigation |\n|---|---|---|---|\n| ui | Slow render | Low | - |\n";
    let out = run("PW401", None, registers);
    // Each finding names the risk by the column that says what it is, not
    // by its number or area.
    for finding in [
        "risk `Outage` has no mitigation",
        "risk table has no mitigation column",
        "risk `Data loss` has no mitigation",
        "risk `Slow render` has no mitigation",
    ] {
        assert!(out.contains(finding), "{finding}:\n{out}");
    }
    assert!(out.ends_with("Found 4 warnings in 1 file.\n"), "{out}");
}

#[test]
fn questions_said_to_be_settled_are_not_open() {
    for heading in [
        "Resolved Questions",
        "Questions (answered)",
        "Open Questions (all resolved)",
        "Frequently Asked Questions",
    ] {
        let source = format!(
            "# Plan: Export\n\n**Status:** In Progress\n\n## {heading}\n\n- Do we keep the v1 endpoint? No, it goes in Phase 2.\n"
        );
        let out = run("PW107", None, &source);
        assert_eq!(out, "No problems found in 1 file.\n", "{heading}");
    }
}

#[test]
fn the_title_is_no_section_the_dialect_requires() {
    // The rule's own example: "Delivery Plan" in the title is no phases.
    let source = "# Delivery Plan: Export\n\n**Issue:** #42\n**Author:** Ada\n**Estimated Time:** 3 days\n\n## Summary\n\nExport invoices as CSV.\n";
    let out = run("PW103", None, source);
    for name in [
        "phases",
        "testing",
        "risks",
        "definition of done",
        "progress log",
    ] {
        assert!(
            out.contains(&format!("missing section: {name} (")),
            "{name}:\n{out}"
        );
    }
}

#[test]
fn a_mail_address_is_no_file() {
    let source = "# Plan\n\nQuestions go to <ops@example.com> or [Ops](mailto:ops@example.com), as [the notes](./notes.md) say.\n";
    let out = run("PW301", None, source);
    assert!(out.ends_with("Found 1 error in 1 file.\n"), "{out}");
    assert!(out.contains("link to `./notes.md`"), "{out}");
}

#[test]
fn a_date_pattern_describing_a_format_is_not_a_slot() {
    let source = "# Plan\n\nThe API accepts dates in YYYY-MM-DD format; months, format: YYYY-MM.\n\n| Field | Format |\n|-------|--------|\n| created | YYYY-MM-DD |\n\n**Date:** YYYY-MM-DD\n\nCreated: YYYY-MM-DD\n";
    let out = run("PW101", None, source);
    assert!(out.ends_with("Found 2 warnings in 1 file.\n"), "{out}");
    assert!(
        out.contains("PW101.md:9:11") && out.contains("PW101.md:11:10"),
        "{out}"
    );
}

#[test]
fn a_file_names_date_pattern_and_a_cited_standard_are_not_slots() {
    let source = "# Plan\n\n- Each run writes report-YYYY-MM-DD.csv, backup.YYYY-MM-DD and YYYY-MM-DD.log\n- Status codes follow [RFC 7231]; dates [ISO 8601]; see [CVE-2024-3094]\n- Owner: [OWNER 1]\n- Due: YYYY-MM-DD\n";
    let out = run("PW101", None, source);
    assert!(
        out.contains("`[OWNER 1]`") && out.contains("PW101.md:6:8"),
        "{out}"
    );
    assert!(out.ends_with("Found 2 warnings in 1 file.\n"), "{out}");
}

#[test]
fn a_choice_list_after_a_plain_label_is_unresolved() {
    let source = "# Plan\n\nPriority: High/Medium/Low\n\n- Impact: L/M/H\n- Platforms: iOS/Android\n\nWe ship read/write access.\n";
    let out = run("PW106", None, source);
    assert!(
        out.contains("PW106.md:3:11") && out.contains("PW106.md:5:11"),
        "{out}"
    );
    assert!(out.ends_with("Found 2 warnings in 1 file.\n"), "{out}");
}

#[test]
fn a_lacking_task_is_underlined_where_the_task_names_it() {
    let source = "# Plan\n\n- [ ] T001 Build the export (depends on T098)\n- [ ] T002 Ship\n  - Depends on: T001, T099\n";
    let out = run("PW206", None, source);
    insta::assert_snapshot!("PW206_task_lines", out);
}

#[test]
fn a_lacking_id_is_found_as_a_whole_id() {
    // `T01` is not the start of `T012` or of `T01.5`: the one underlined
    // is the `T01` written on its own.
    let source = "# Plan\n\n- [ ] T012 a\n- [ ] T020 Ship (after T012, T01.5x and T01)\n";
    let out = run("PW206", None, source);
    assert!(out.contains("--> fixtures/PW206.md:4:41"), "{out}");
    assert!(!out.contains("PW206.md:4:30"), "{out}");
}

#[test]
fn each_lacking_id_is_underlined_where_it_is_written_in_any_order() {
    // Each is looked for after the one before it, then from the start:
    // found at its own place, and a task naming thousands is read in
    // one pass, not one per id.
    let source = "# Plan\n\n- [ ] T001 a (depends on T009, T008, T007)\n- [ ] T002 b (depends on T004, T003)\n";
    let out = run("PW206", None, source);
    let places: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .collect();
    assert_eq!(
        places,
        [
            "fixtures/PW206.md:3:26",
            "fixtures/PW206.md:3:32",
            "fixtures/PW206.md:3:38",
            "fixtures/PW206.md:4:26",
            "fixtures/PW206.md:4:32",
        ],
        "{out}"
    );
}

#[test]
fn a_lacking_id_is_reported_in_a_plan_of_tasks_without_ids() {
    // Its tasks have no ids, so `T009` names none of them; a bare number
    // may name a section (`## 4.2 Export`), and is left alone.
    let source =
        "# Plan\n\n## Phase 1: A\n\n- [ ] first (depends on T009)\n- [ ] second (after 4.2)\n";
    let out = run("PW206", None, source);
    assert!(
        out.contains("#1 depends on T009, which does not exist"),
        "{out}"
    );
    assert!(out.ends_with("Found 1 error in 1 file.\n"), "{out}");
}

#[test]
fn a_legend_of_values_is_no_choice_left_open() {
    // Fields whose key says they list the values allowed document the
    // scale; the field that should hold one of them still has the list.
    let source = "# Plan: Export\n\nPriority values: Low/Medium/High\n\n**Priority levels**: High | Medium | Low\n\n- **Status options:** Draft | In Progress | Completed\n- Allowed states: Open/Closed\n\n**Priority:** High/Medium/Low\n";
    let out = run("PW106", None, source);
    assert!(out.contains("unresolved choice `High/Medium/Low`"), "{out}");
    assert!(out.ends_with("Found 1 warning in 1 file.\n"), "{out}");
}

#[test]
fn slots_in_a_block_introduced_as_a_format_are_not_this_plans() {
    // A list, table or code block after a line saying it shows a format,
    // template or structure says how another file is written.
    let source = "# Plan\n\n3. **Summarise** the spike in `notes.md` using format:\n   - Choice: [what was picked]\n   - Reason: [why it won]\n\nLog each run in the following format:\n\n| Field | Value |\n|---|---|\n| Runner | [RUNNER NAME] |\n\nUse this template:\n\n```\nfeature/{{TICKET_ID}}\n```\n\n**Format**:\n- [Describe the wire format]\n\nFill in the template:\n- Owner: [OWNER NAME]\n";
    let out = run("PW101", None, source);
    assert!(out.ends_with("Found 2 warnings in 1 file.\n"), "{out}");
    assert!(
        out.contains("`[Describe the wire format]`") && out.contains("`[OWNER NAME]`"),
        "{out}"
    );
}

#[test]
fn a_date_pattern_named_as_the_way_dates_are_written_is_no_slot() {
    let source = "# Plan\n\nThe date is not written as YYYY-MM-DD here. Keys hold dates (YYYY-MM-DD), e.g. YYYY-MM-DD, as for example YYYY-MM.\n\n**Date:** (YYYY-MM-DD)\n\nShip by YYYY-MM-DD.\n";
    let out = run("PW101", None, source);
    assert!(out.ends_with("Found 2 warnings in 1 file.\n"), "{out}");
    assert!(
        out.contains("PW101.md:5:12") && out.contains("PW101.md:7:9"),
        "{out}"
    );
}

#[test]
fn spec_kits_open_question_is_reported_where_it_is_left() {
    let source = "# Plan\n\n**Storage**: [NEEDS CLARIFICATION: which queue?]\n\n**Testing**: NEEDS CLARIFICATION\n\n- redis (NEEDS CLARIFICATION: which client crate?)\n- [x] All NEEDS CLARIFICATION resolved\n- Mark each gap with `[NEEDS CLARIFICATION: question]`.\n\n```\n[NEEDS CLARIFICATION: question]\n```\n";
    let out = run("PW101", None, source);
    assert!(out.ends_with("Found 3 warnings in 1 file.\n"), "{out}");
    assert!(
        out.contains("unanswered open question `[NEEDS CLARIFICATION: which queue?]` in metadata")
            && out.contains("unanswered open question `NEEDS CLARIFICATION` in metadata")
            && out
                .contains("unanswered open question `(NEEDS CLARIFICATION: which client crate?)`"),
        "{out}"
    );
}

#[test]
fn a_double_brace_token_named_in_a_sentence_is_no_slot() {
    // Named inside a sentence, the token is the text the file holds; left
    // as an item's value or inside a longer literal, it is the template's.
    let source = "# Plan\n\nThe path prefix becomes `{{ROOT}}` so the test can move it.\n\n- Branch: `{{BRANCH_NAME}}`\n- Flag: `feature_{{FEATURE_NAME}}` for now\n";
    let out = run("PW101", None, source);
    assert!(out.ends_with("Found 2 warnings in 1 file.\n"), "{out}");
    assert!(!out.contains("`{{ROOT}}`"), "{out}");
}

#[test]
fn a_front_matter_key_given_twice_is_reported_with_its_own_help() {
    let source = "---\nstatus: draft\nstatus: review\n---\n# Plan\n\nText.\n";
    let out = run("PW403", None, source);
    assert!(
        out.contains("front matter is not valid YAML: a key given a second time"),
        "{out}"
    );
    assert!(out.contains("help: keep one line of the key"), "{out}");
    assert!(out.ends_with("Found 1 error in 1 file.\n"), "{out}");
}

#[test]
fn a_phase_of_another_document_is_no_unknown_dependency() {
    // The plan's title is its only epic: Epic 77 is another plan's.
    let source = "# Epic 78: Tokens\n\n**Dependencies:** Epic 77\n\n## Stories\n\n- [ ] T001 a\n";
    let out = run("PW206", None, source);
    assert!(out.contains("No problems found"), "{out}");
    // With epics of its own, a missing one is reported.
    let source = "# Plan\n\n## Epic 1: A\n- [ ] T001 a\n## Epic 2: B\n**Dependencies:** Epic 7\n- [ ] T002 b\n";
    let out = run("PW206", None, source);
    assert!(
        out.contains("Epic 2 depends on Epic 7, which does not exist"),
        "{out}"
    );
}

#[test]
fn a_phase_of_a_kind_the_plan_lacks_is_an_unknown_dependency() {
    let source = "# Pier\n\n## Phase 1: Piles\n- [ ] drive the piles\n## Phase 2: Deck\n- [ ] lay planks (blocked by Stage B)\n- [ ] rail it after Phase 1\n";
    let out = run("PW206", None, source);
    assert!(
        out.contains("#2 depends on Stage B, which does not exist"),
        "{out}"
    );
    assert!(out.ends_with("Found 1 error in 1 file.\n"), "{out}");
    // The title's kind stays another document's.
    let source =
        "# Epic 12: Pier\n\n## Phase 1: Piles\n**Dependencies:** Epic 11\n- [ ] drive the piles\n";
    let out = run("PW206", None, source);
    assert!(out.contains("No problems found"), "{out}");
}

#[test]
fn a_short_t_number_in_a_plan_without_ids_names_a_thing() {
    let source = "# Plan\n\n- [ ] Benchmark the model (requires T4 GPUs)\n- [ ] Fit the curve (depends on T1 and T2 maps)\n- [ ] Ship (depends on T009)\n";
    let out = run("PW206", None, source);
    assert!(
        out.contains("#3 depends on T009, which does not exist"),
        "{out}"
    );
    assert!(out.ends_with("Found 1 error in 1 file.\n"), "{out}");
}

#[test]
fn a_timeline_row_in_weeks_or_a_range_in_its_start_cell_is_checked() {
    // Weeks under Start and End, in any of their spellings, and a whole
    // range in one cell, are read as dates are; a range in the Start cell
    // with the End cell empty is the row's span.
    let source = "# Plan\n\n## Timeline\n\n| Phase | Start | End |\n|---|---|---|\n| Phase 1 | Week 5 | Week 2 |\n| Phase 2 | W5 | W2 |\n| Phase 3 | week 5 | week 2 |\n| Phase 4 | 2026-03-20 – 2026-03-15 | |\n| Phase 5 | Week 2 | Week 5 |\n| Phase 6 | Week 3-4 | |\n\n## Schedule\n\n| Phase | Weeks |\n|---|---|\n| Phase 7 | Week 5-2 |\n| Phase 8 | Weeks 6 to 3 |\n| Phase 9 | Weeks 3 to 6 |\n";
    insta::assert_snapshot!(run("PW204", None, source));
}
