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
        // In Chinese and Japanese, with either colon.
        "**验收标准**：",
        "**驗收標準**:",
        "**受け入れ基準**：",
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
