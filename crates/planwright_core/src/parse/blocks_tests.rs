//! Labels over check lists: what kind of item follows them; and what a
//! phase's dependency field names.

use crate::parse::tests::link_pairs;
use crate::{TaskKind, parse};

fn kinds(src: &str) -> Vec<TaskKind> {
    parse(src).tasks.iter().map(|t| t.kind).collect()
}

#[test]
fn an_acceptance_label_makes_checks_of_its_list() {
    use TaskKind::{AcceptanceCriterion, Task};
    // Bold, as `**Acceptance Criteria**:` always was, and plain.
    for label in [
        "**Acceptance**:",
        "**Acceptance:**",
        "**Acceptance Criteria**:",
        "Acceptance Criteria:",
        "Acceptance:",
    ] {
        let src = format!(
            "# P\n\n### T001: Build the parser\n\n- [ ] Write it\n\n{label}\n- [ ] Parses every fixture\n\n### T002: Ship\n\n- [ ] Tag it\n"
        );
        assert_eq!(kinds(&src), [Task, AcceptanceCriterion, Task], "{label}");
    }
    // A plain line is a label only alone and plain; a task's own text
    // labels nothing.
    for not_label in [
        "The acceptance criteria:",
        "Acceptance: see the spec",
        "- [ ] Acceptance:",
    ] {
        let src = format!("# P\n\n{not_label}\n- [ ] Write it\n");
        assert!(kinds(&src).iter().all(|&k| k == Task), "{not_label}");
    }
}

#[test]
fn a_label_covers_the_list_after_it_only() {
    use TaskKind::{AcceptanceCriterion, Task};
    for label in ["Acceptance:", "**Acceptance Criteria**:"] {
        let src = format!(
            "# Sprint\n\n## Story: Reset\n\nAs a user I reset my password.\n\n{label}\n- [ ] A mail arrives\n\nWork:\n- [ ] Add the token table\n\nThen ship it.\n\n- [ ] Send the mail\n"
        );
        assert_eq!(kinds(&src), [AcceptanceCriterion, Task, Task], "{label}");
    }
    // Under an acceptance heading, a paragraph keeps the heading's kind.
    let src = "# P\n\n## Acceptance Criteria\n\nThese hold:\n\n- [ ] Fast\n";
    assert_eq!(kinds(src), [AcceptanceCriterion]);
}

#[test]
fn criteria_labels_make_checks_of_their_lists() {
    use TaskKind::{AcceptanceCriterion, Task};
    for label in [
        "**Criteria**:",
        "**Success Criteria**:",
        "**Exit Criteria**:",
        "**Completion Criteria**:",
        "Success Criteria:",
    ] {
        let src = format!(
            "# P\n\n### Milestone 1: Beta\n\n- [ ] Deploy the beta\n\n{label}\n- [ ] No open P0 bugs\n"
        );
        assert_eq!(kinds(&src), [Task, AcceptanceCriterion], "{label}");
    }
}

#[test]
fn a_phase_field_waits_for_no_phase_that_would_only_help() {
    let src = "# P\n\n## Phase 1: Tasks\n- [x] Build tasks\n\n## Phase 2: Colors\n- [ ] Add colors\n\n## Phase 3: Dashboard\n**Dependencies**: Requires Phase 1 complete. Enhanced by Phase 2 (colors).\n- [ ] Build dashboard\n";
    let plan = parse(src);
    let deps: Vec<_> = plan.phases[2]
        .depends_on
        .iter()
        .map(|d| d.target.label())
        .collect();
    assert_eq!(deps, ["Phase 1"]);
}

#[test]
fn arrows_are_found_from_their_second_byte() {
    use super::has_arrow;
    for arrow in [
        "T001 -> T002",
        "T001 => T002",
        "T001 → T002",
        "T001 ⟶ T002",
        "→",
    ] {
        assert!(has_arrow(arrow), "{arrow}");
    }
    // Other characters sharing an arrow's first or second byte.
    for other in ["T001 > T002", "a — b ’ c ✅", "x ↑ y", "🙂 💒", ">", ""] {
        assert!(!has_arrow(other), "{other}");
    }
}

#[test]
fn a_status_in_a_section_of_tasks_is_that_sections() {
    let src = "# Plan\n\n## Overview\n\n**Owner:** ann\n\n## Work\n\n### Auth story\n**Status:** Done\n\n- [ ] add login\n\n## Next Steps\n\n**Status:** Ready for review\n";
    let plan = parse(src);
    // The story's status is the story's; the closing one, in a section of
    // no tasks, is the plan's.
    assert_eq!(plan.field("status").unwrap().value, "Ready for review");
    assert_eq!(plan.field("owner").unwrap().value, "ann");
    let story = plan.metadata.iter().find(|f| f.value == "Done").unwrap();
    assert!(story.item_section && !story.is_header());
    // The first section is the header's, tasks or not.
    let first = parse("# Plan\n\n## Summary\n**Status:** Draft\n- [ ] a\n");
    assert_eq!(first.field("status").unwrap().value, "Draft");
}

#[test]
fn a_block_quotes_bold_lines_are_no_fields() {
    // A callout, a quote with prose in it, a quote in a list item.
    let src = "# Plan\n\n> **For agentic workers:** use the skill.\n\n> **Status:** Completed\n> when the review is over\n\n**Status:** Draft\n\n- a\n  > **Owner:** q\n\n## Tasks\n\n- [ ] T001 x\n";
    let fields = |src: &str| -> Vec<(String, String)> {
        parse(src)
            .metadata
            .iter()
            .map(|f| (f.key.to_string(), f.value.to_string()))
            .collect()
    };
    assert_eq!(fields(src), [("Status".into(), "Draft".into())]);
    // A header written as a quote of fields and nothing else is the
    // header, as a list of them is.
    let quoted = "# Plan\n\n> - **Status:** Draft\n> - **Owner:** Ana\n\n## T\n";
    assert_eq!(
        fields(quoted),
        [
            ("Status".into(), "Draft".into()),
            ("Owner".into(), "Ana".into())
        ]
    );
    // Not further down, where it is a note of a section's.
    let below = "# Plan\n\n## Notes\n\n> **Status:** Draft\n> **Owner:** Ana\n";
    assert_eq!(fields(below), []);
    // A quote's check boxes are still tasks.
    assert_eq!(parse("# P\n\n> - [ ] T001 quoted\n").tasks.len(), 1);
}

#[test]
fn a_header_paragraph_of_plain_fields_is_the_headers_fields() {
    let src = "# Plan\n\nDate: 2025-10-30\nOwner: md  \nRepo: mdcode (Rust crate)\n\nNote: a sentence with a colon.\n\n## Work\n\nStatus: Blocked\nOwner: x\n";
    let plan = parse(src);
    let fields: Vec<(&str, &str, crate::MetaStyle)> = plan
        .metadata
        .iter()
        .map(|f| (f.key.as_str(), f.value.as_str(), f.style))
        .collect();
    use crate::MetaStyle::Plain;
    // One line alone is a sentence; below the header, a section's text.
    assert_eq!(
        fields,
        [
            ("Date", "2025-10-30", Plain),
            ("Owner", "md", Plain),
            ("Repo", "mdcode (Rust crate)", Plain)
        ]
    );
    assert_eq!(plan.field("owner").unwrap().value_range.slice(src), "md");
    // A paragraph with any other line is prose.
    assert!(
        parse("# P\n\nStatus: Draft\nwe will see\n")
            .metadata
            .is_empty()
    );
}

#[test]
fn plain_items_of_a_metadata_section_are_the_headers_fields() {
    let fields = |src: &str| -> Vec<(String, String)> {
        parse(src)
            .metadata
            .iter()
            .map(|f| (f.key.to_string(), f.value.to_string()))
            .collect()
    };
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    let src = "# Plan\n\n## Document Status\n\n- Status: Ready to build\n- Scope: the CLI\n- Note: see the spec.\n- Phase 0 (spec): already complete\n  - Owner: nested\n\n## Work\n\n- Status: work\n- [ ] T001 Do it\n";
    // Top-level items only, keys as a plain field's are, not remarks;
    // below the metadata section, a list of the plan's words.
    assert_eq!(
        fields(src),
        [pair("Status", "Ready to build"), pair("Scope", "the CLI")]
    );
    let plan = parse(src);
    assert_eq!(
        plan.field("status").unwrap().value_range.slice(src),
        "Ready to build"
    );
    // A list in another first section, or above any, is no header.
    assert!(fields("# Plan\n\n## Goals\n\n- Speed: one pass\n- Scope: the CLI\n").is_empty());
    assert!(fields("# Plan\n\n- Speed: one pass\n- Scope: the CLI\n").is_empty());
}

#[test]
fn header_lines_that_read_as_sentences_or_notes_are_no_fields() {
    let fields = |src: &str| -> Vec<String> {
        parse(src)
            .metadata
            .iter()
            .map(|f| f.key.to_string())
            .collect()
    };
    // Sentences, and remarks (`Q:`/`A:`, `Note:`), are the header's prose.
    assert!(fields("# P\n\nProblem: the cache is stale.\nStatus: nobody has looked.\n").is_empty());
    assert!(fields("# P\n\nQ: how do we deploy\nA: with the script\n").is_empty());
    // A quote of one usual header field is the header; a GitHub alert's
    // marker is no line of text.
    assert_eq!(
        fields("# P\n\n> **Status:** In Progress\n\n## T\n"),
        ["Status"]
    );
    assert_eq!(
        fields("# P\n\n> [!NOTE]\n> **Status:** Draft\n> **Owner:** Ana\n\n## T\n"),
        ["Status", "Owner"]
    );
    // A section about the plan's status states the plan's, tasks or not.
    let plan =
        parse("# P\n\n## Overview\n\nx\n\n## Status\n\n**Status:** In Progress\n\n- [ ] m1\n");
    assert_eq!(
        plan.field("status").map(|f| f.value.as_str()),
        Some("In Progress")
    );
}

#[test]
fn order_in_words_is_read_where_the_plan_states_dependencies() {
    let src = "# Tasks: Demo\n\n## Phase 1: Build\n- [ ] T001 a\n- [ ] T002 b\n- [ ] T003 c\n\nDo T002 before lunch.\n\n## Dependencies\n- T001 before T002\n- T002 precedes T003\n";
    let plan = parse(src);
    let links = link_pairs(&plan);
    assert_eq!(links, [("T001", "T002"), ("T002", "T003")]);
}

#[test]
fn an_html_line_break_parts_the_words_of_a_title_or_cell() {
    let src = "# P\n\n## Phase 1: Data<br>loss\n\n## Phase 2: A <br/> B\n\n| Risk | Mitigation |\n|---|---|\n| Data<BR />loss | Backups |\n";
    let plan = parse(src);
    let titles: Vec<&str> = plan.phases.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Data loss", "A  B"]);
    assert_eq!(plan.tables[0].rows[0].cells[0].text, "Data loss");
    // Other inline HTML parts nothing: `<b>x</b>y` shows as `xy`.
    let plan = parse("# P\n\n## Phase 1: <b>Data</b>base\n");
    assert_eq!(plan.phases[0].title, "Database");
}

#[test]
fn a_comment_fields_value_is_scanned_for_slots_but_not_the_comments_text() {
    let src = "# T\n\n<!-- OWNER: {{owner}} -->\n<!-- Replace [NAME] below -->\n<!-- STATUS: pending -->\n\nText <!-- ID: {{id}} --> here.\n";
    let plan = parse(src);
    let slots: Vec<(&str, bool)> = plan
        .placeholders
        .iter()
        .map(|p| (p.range.slice(src), p.in_metadata))
        .collect();
    // The instruction comment holds no field; the comment in a paragraph
    // is read as a field, but its text is left alone.
    assert_eq!(slots, [("{{owner}}", true)]);
    assert_eq!(
        plan.field("owner").map(|f| f.value.as_str()),
        Some("{{owner}}")
    );
}
