//! Reader tests: each form from the issue, and the look-alikes that must
//! not be read as such.

use super::*;

fn p(src: &str) -> Plan {
    parse(src)
}

/// Each task's wait for a phase: the task, the phase named, and the words
/// it was read from.
pub(super) fn phase_waits<'s>(plan: &Plan, src: &'s str) -> Vec<(usize, Text, &'s str)> {
    plan.phase_waits
        .iter()
        .map(|w| (w.task, w.phase.target.label(), w.phase.range.slice(src)))
        .collect()
}

/// The plan's `from → to` task links, by their two ids.
pub(super) fn link_pairs(plan: &Plan) -> Vec<(&str, &str)> {
    plan.task_links
        .iter()
        .map(|l| (l.from.as_str(), l.to.as_str()))
        .collect()
}

#[test]
fn empty_file_is_an_empty_generic_plan() {
    let plan = p("");
    assert_eq!(plan.dialect.name, "generic");
    assert!(plan.title.is_none() && plan.tasks.is_empty() && plan.sections.is_empty());
}

fn ids(plan: &Plan) -> Vec<(&str, &str)> {
    plan.tasks
        .iter()
        .map(|t| (t.id.as_str(), t.state.name()))
        .collect()
}

#[test]
fn every_task_list_form_is_a_task() {
    let src = "- [ ] a\n* [x] b\n+ [X] c\n1. [ ] d\n- [-] e\n- [~] f\n";
    let plan = p(src);
    assert_eq!(
        ids(&plan),
        [
            ("#1", "open"),
            ("#2", "done"),
            ("#3", "done"),
            ("#4", "open"),
            ("#5", "in_progress"),
            ("#6", "in_progress")
        ]
    );
    let marks: Vec<&str> = plan
        .tasks
        .iter()
        .map(|t| t.check_range.slice(src))
        .collect();
    assert_eq!(marks, ["[ ]", "[x]", "[X]", "[ ]", "[-]", "[~]"]);
    assert_eq!(plan.tasks[2].mark, 'X');
}

#[test]
fn items_nested_on_one_line_hold_one_task() {
    // Each item opens on the same line; the innermost holds the box.
    let src = "- - - [ ] T001 x
- [x] T002 y
1. 1. [ ] T003 z
";
    let plan = p(src);
    assert_eq!(
        ids(&plan),
        [("T001", "open"), ("T002", "done"), ("T003", "open")]
    );
    assert_eq!(plan.tasks[0].line.slice(src), "- [ ] T001 x");
}

#[test]
fn task_ids_markers_and_requirements() {
    let src = "\
- [ ] T001 [P] [US1] Create models
- [ ] T-002: Wire API (P)
- [ ] **T003** Bold id
- [ ] 1.2 Numbered
- [ ] 1. Leading number
  - _Requirements: 1.1, 2.3_
- [ ] Depends on T001 before this
- [ ] Plain task @dana
";
    let plan = p(src);
    let got: Vec<(&str, bool, &[Text], &str)> = plan
        .tasks
        .iter()
        .map(|t| {
            (
                t.id.as_str(),
                t.parallel,
                t.markers.as_slice(),
                t.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got[0],
        (
            "T001",
            true,
            &[Text::from("P"), Text::from("US1")][..],
            "Create models"
        )
    );
    assert_eq!(got[1].0, "T-002");
    assert_eq!(got[1].3, "Wire API (P)");
    assert_eq!(got[2].0, "T003");
    assert_eq!(got[3].0, "1.2");
    assert_eq!(got[4].0, "1");
    assert_eq!(plan.tasks[4].requirements, ["1.1", "2.3"]);
    assert_eq!(plan.tasks[5].depends_on, ["T001"]);
    assert_eq!(plan.tasks[6].owner.as_deref(), Some("@dana"));
    assert_eq!(plan.tasks[6].id, "#7");
}

#[test]
fn subtasks_indented_by_a_tab_are_tasks() {
    for src in [
        "- [ ] top\n\t- [ ] tabbed child\n",
        "- [ ] top\r\n\t- [ ] tabbed child\r\n",
        "- [ ] top\n\n\t- [x] tabbed child\n",
        "- [ ] top\n\t-\t[ ] tabbed child\n",
    ] {
        let plan = p(src);
        assert_eq!(plan.tasks.len(), 2, "{src:?}");
        let child = &plan.tasks[1];
        assert_eq!(child.text, "tabbed child");
        assert_eq!(child.parent, Some(0));
        assert!(matches!(child.check_range.slice(src), "[ ]" | "[x]"));
        assert!(child.range.slice(src).starts_with("\t-"), "{src:?}");
    }
}

#[test]
fn a_bracketed_id_is_an_id() {
    let src = "- [ ] [T003] bracket id\n- [ ] **[T-004]**: bold\n- [ ] [T005] [P] [US1] both\n- [ ] [P] [US1] markers only\n- [ ] [P1] priority\n- [ ] [TaskID] legend\n";
    let plan = p(src);
    let got: Vec<(&str, bool, &[Text], &str)> = plan
        .tasks
        .iter()
        .map(|t| {
            (
                t.id.as_str(),
                t.explicit_id,
                t.markers.as_slice(),
                t.text.as_str(),
            )
        })
        .collect();
    assert_eq!(got[0], ("T003", true, &[][..], "bracket id"));
    assert_eq!(got[1], ("T-004", true, &[][..], "bold"));
    assert_eq!(
        got[2],
        (
            "T005",
            true,
            &[Text::from("P"), Text::from("US1")][..],
            "both"
        )
    );
    assert_eq!(
        got[3],
        (
            "#4",
            false,
            &[Text::from("P"), Text::from("US1")][..],
            "markers only"
        )
    );
    assert_eq!(got[4], ("#5", false, &[Text::from("P1")][..], "priority"));
    assert_eq!(got[5], ("#6", false, &[Text::from("TaskID")][..], "legend"));
    assert_eq!(plan.tasks[0].id_range.unwrap().slice(src), "T003");
}

#[test]
fn look_alikes_are_not_tasks() {
    let src = "\
```
- [ ] inside a fence
```

    - [ ] indented code

- [P] tasks = different files
- [US1] story legend
- [x]no space after the box
Text with [ ] in it.
";
    assert!(p(src).tasks.is_empty());
}

#[test]
fn metadata_forms() {
    let src = "\
---
title: From front matter
owner: ops
---
# Implementation Plan: Real Title

**Status:** Draft
**Created**: 2026-01-02
**Branch**: `001-x` | **Date**: 2026-05-18 | **Spec**: [spec.md](spec.md)
- **Feature ID:** F-9
<!-- PLAN_NUMBER: 004 -->
**Custom Key**: kept
";
    let plan = p(src);
    let fields: Vec<(&str, &str, &str)> = plan
        .metadata
        .iter()
        .map(|m| (m.key.as_str(), m.value.as_str(), m.style.name()))
        .collect();
    assert_eq!(
        fields,
        [
            ("title", "From front matter", "front_matter"),
            ("owner", "ops", "front_matter"),
            ("Status", "Draft", "bold"),
            ("Created", "2026-01-02", "bold"),
            ("Branch", "001-x", "bold"),
            ("Date", "2026-05-18", "bold"),
            ("Spec", "[spec.md](spec.md)", "bold"),
            ("Feature ID", "F-9", "bold"),
            ("PLAN_NUMBER", "004", "comment"),
            ("Custom Key", "kept", "bold"),
        ]
    );
    assert_eq!(plan.title.as_ref().unwrap().text, "Real Title");
    assert_eq!(plan.field("plan number").unwrap().value, "004");
    // `field` is the plan header, list items above the first section and
    // task among it.
    let feature = plan.field("FEATURE_ID").unwrap();
    assert!(feature.in_list && feature.value == "F-9");
    let date = plan.field("date").unwrap();
    assert_eq!(date.value_range.slice(src), "2026-05-18");
}

#[test]
fn quoted_front_matter_values_read_as_yaml_reads_them() {
    let src = "---\ntitle: \"Auth: \\\"SSO\\\" rollout\"\nowner: 'Bob''s team'\n---\n\nText.\n";
    let plan = p(src);
    let title = plan.field("title").unwrap();
    assert_eq!(title.value, "Auth: \"SSO\" rollout");
    // The range stays the text between the quotes, which edits replace.
    assert_eq!(title.value_range.slice(src), "Auth: \\\"SSO\\\" rollout");
    assert_eq!(plan.title.as_ref().unwrap().text, "Auth: \"SSO\" rollout");
    assert_eq!(plan.field("owner").unwrap().value, "Bob's team");
}

#[test]
fn titles_lose_template_words() {
    assert_eq!(
        p("# Implementation Plan: Sync\n").title.unwrap().text,
        "Sync"
    );
    assert_eq!(
        p("# Search – Implementation Plan Template\n")
            .title
            .unwrap()
            .text,
        "Search"
    );
    assert_eq!(p("# Tasks: Calendar\n").title.unwrap().text, "Calendar");
    assert_eq!(p("## Not a title\n").title, None);
}

#[test]
fn sections_have_numbers_and_roles() {
    let plan = p(
        "# T\n## 7. Risks and Mitigations\n### 7.1 Data Model\n## Risk Assessment\n## Whatever\n",
    );
    let got: Vec<(u8, Option<&str>, &str, Option<Role>)> = plan
        .sections
        .iter()
        .map(|s| (s.level, s.number.as_deref(), s.title.as_str(), s.role))
        .collect();
    assert_eq!(
        got,
        [
            (1, None, "T", None),
            (2, Some("7"), "Risks and Mitigations", Some(Role::Risks)),
            (3, Some("7.1"), "Data Model", Some(Role::DataModel)),
            (2, None, "Risk Assessment", Some(Role::Risks)),
            (2, None, "Whatever", None),
        ]
    );
    assert_eq!(plan.sections[2].parent, Some(1));
    assert!(
        !plan.sections[1].has_content,
        "a child heading is not content"
    );
}

#[test]
fn placeholders_in_plans_and_their_look_alikes() {
    let src = "\
# Implementation Plan: [FEATURE NAME]

**Status:** Draft | In Progress | Completed
**Input**: \"$ARGUMENTS\"
**Risk:** {Low/Medium/High — potential for regression}

See [spec.md](spec.md), returns 429, uses <br> and <details>.

```json
{\"a\": [1, 2], \"b\": {\"c\": 3}}
```

```rust
fn f() -> Vec<u8> { vec![1] }
```

| Risk | Impact |
|---|---|
| [Risk 1] | High/Medium/Low |

**Estimated Time:** X hours/days
Owner (TBD), due YYYY-MM-DD, `{{FILE_EXTENSION}}`, <Project / Feature Name>
";
    let plan = p(src);
    let got: Vec<(&str, &str)> = plan
        .placeholders
        .iter()
        .map(|p| (p.kind.name(), p.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("bracket", "[FEATURE NAME]"),
            ("choice", "Draft | In Progress | Completed"),
            ("arguments", "$ARGUMENTS"),
            ("brace", "{Low/Medium/High — potential for regression}"),
            ("bracket", "[Risk 1]"),
            ("choice", "High/Medium/Low"),
            ("estimate", "X hours/days"),
            ("tbd", "(TBD)"),
            ("date", "YYYY-MM-DD"),
            ("double_brace", "{{FILE_EXTENSION}}"),
            ("angle", "<Project / Feature Name>"),
        ]
    );
    assert!(plan.placeholders[1].in_metadata);
    assert!(!plan.placeholders[4].in_metadata);
}

#[test]
fn every_field_of_a_paragraph_knows_its_slots() {
    // The first field's choice list was recorded after the paragraph's
    // slots and hid them from the fields after it.
    // A hard break ends the last field's value: the line below is none of it.
    let plan = p("# T\n\n**Risk:** High/Low\n**Owner:** {owner} `{{CODE}}`\\\nSee {note}.\n");
    let got: Vec<(&str, bool)> = plan
        .placeholders
        .iter()
        .map(|p| (p.text.as_str(), p.in_metadata))
        .collect();
    assert_eq!(
        got,
        [
            ("High/Low", true),
            ("{owner}", true),
            ("{{CODE}}", true),
            ("{note}", false)
        ]
    );
    // A value that is one slot is that slot, not a second one, also when a
    // code span's slot (found first) comes before it.
    let plan = p("# T\n\n**Owner:** `{{A_B}}` x\n**Size:** {L/M/H}\n");
    let got: Vec<(&str, &str)> = plan
        .placeholders
        .iter()
        .map(|p| (p.kind.name(), p.text.as_str()))
        .collect();
    assert_eq!(got, [("double_brace", "{{A_B}}"), ("choice", "{L/M/H}")]);
}

#[test]
fn legends_attributes_notes_and_format_strings_are_not_slots() {
    // Each line has one real slot, so a recogniser that went blind would
    // fail as surely as one that still fired on the look-alike.
    let src = "\
# Plan

- **[Api]**, **[Db]**, _[Infra]_, etc. = area tags used below [AREA]
- Guard the route with the [Restricted] attribute, owner [OWNER]
- Storage layer: 3 tasks [P after schema] then [NEXT STEP]
- Logs \"run {id} at {when}\" per job, for {Team Name}
";
    let got: Vec<String> = p(src)
        .placeholders
        .iter()
        .map(|p| p.text.to_string())
        .collect();
    assert_eq!(got, ["[AREA]", "[OWNER]", "[NEXT STEP]", "{Team Name}"]);
    // A bracket before `=` that is not only terms is not a legend.
    let got: Vec<String> = p("Set [NAME] to x = 1\n")
        .placeholders
        .iter()
        .map(|p| p.text.to_string())
        .collect();
    assert_eq!(got, ["[NAME]"]);
}

#[test]
fn each_list_keeps_its_own_item_markers() {
    let src = "- a\n  1. one\n  2. two\n- b\n  * c\n+ d\n";
    let plan = p(src);
    let markers: Vec<Vec<&str>> = plan
        .lists
        .iter()
        .map(|l| plan.markers_of(l).iter().map(|m| m.slice(src)).collect())
        .collect();
    assert_eq!(
        markers,
        [vec!["-", "-"], vec!["1.", "2."], vec!["*"], vec!["+"]]
    );
}

#[test]
fn template_text_is_found_where_the_template_is_known() {
    let src = "# Implementation Plan: X\n\n**Issue:** A-1\n**Author:** Me\n\n## Prerequisites\n\n## Overview\n\nBrief summary of the implementation approach.\n\n## Progress Log\n";
    let plan = p(src);
    assert_eq!(plan.dialect.name, "delivery");
    let kinds: Vec<&str> = plan.placeholders.iter().map(|p| p.kind.name()).collect();
    assert_eq!(kinds, ["template_text"]);
    // Fields before and between the instructions, in other blocks, do not
    // hide them; a field in the block itself does.
    let src = "# Implementation Plan: X\n\n**Issue:** A-1\n**Author:** Me\n\n## Prerequisites\n\n## Overview\n\n**Goal:** y\n\nBrief summary of the implementation approach.\n\n**Risk:** z\n\nBrief summary of the implementation approach.\n\n- **Owner:** me\n\n## Progress Log\n";
    let plan = p(src);
    assert_eq!(plan.dialect.name, "delivery");
    let found: Vec<u32> = plan.placeholders.iter().map(|p| p.range.start).collect();
    let expected: Vec<u32> = src
        .match_indices("Brief summary")
        .map(|(at, _)| at as u32)
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn a_templates_note_about_itself_is_template_text() {
    let head = "# Implementation Plan: X\n\n**Issue:** A-1\n**Author:** Me\n\n## Prerequisites\n\n## Overview\n\n";
    let found = |body: &str| {
        let src = format!("{head}{body}\n\n## Progress Log\n");
        let plan = p(&src);
        assert_eq!(plan.dialect.name, "delivery");
        plan.placeholders
            .iter()
            .filter(|p| p.kind == PlaceholderKind::TemplateText)
            .map(|p| p.range.slice(&src).to_owned())
            .collect::<Vec<_>>()
    };
    for note in [
        "**Note**: This template is filled in by the planning command.",
        "NOTE — this template: replace every bracket before review.",
        "*This template is meant to be filled out, then its notes deleted.*",
        // Instructions on when to fill or drop a section, in emphasis.
        "*Fill this in ONLY if the release needs a data migration*",
        "_Delete this section if no risk applies._",
        "**Remove this table when every row is decided**",
        "*This section says what the build step will do - DO NOT run it yet*",
    ] {
        assert_eq!(found(note), [note], "{note}");
    }
    // A plan about a template it builds tells no one to fill it.
    for prose in [
        "This template renders the welcome email; we fill in the name.",
        "The template is filled in by the mailer.",
        "Note that this templated page replaces the old one.",
        // What to do to the work, not to the plan.
        "*Remove the old endpoint only once every client has moved*",
        "*Fill the cache when the service starts*",
        "Fill this in only if the release needs a migration.",
        "*DO NOT deploy on Fridays*",
    ] {
        assert!(found(prose).is_empty(), "{prose}");
    }
}

#[test]
fn template_text_by_its_shape_is_found_in_a_plan_of_no_dialect() {
    let src = "# Plan\n\n## Risks\n\n*Delete this section if no risk applies.*\n\n- [ ] Task 1\n- [ ] T002 Ship\n";
    let plan = p(src);
    assert_eq!(plan.dialect.name, "generic");
    let found: Vec<_> = plan
        .placeholders
        .iter()
        .filter(|p| p.kind == PlaceholderKind::TemplateText)
        .map(|p| p.range.slice(src))
        .collect();
    assert_eq!(
        found,
        ["*Delete this section if no risk applies.*", "Task 1"]
    );
}

#[test]
fn a_bold_field_right_after_a_bom_is_read() {
    let src = "\u{feff}**Status:** Draft\n\n- [ ] T001 One\n";
    let plan = p(src);
    let status = plan.field("status").expect("status after the BOM");
    assert_eq!(status.value_range.slice(src), "Draft");
    assert_eq!(status.key_range.slice(src), "Status");
}

#[test]
fn chains_land_on_the_tasks_they_name() {
    // Ids compare without ASCII case, as every dependency look-up does;
    // the first task with the id takes the chain.
    let src = "- [ ] T001 a\n- [ ] T002 b\n- [ ] T002 again\n\n```\nT001 → t002\nT001 → T002\nT009 → T001\n```\n";
    let plan = p(src);
    assert_eq!(plan.tasks[1].depends_on, ["T001"]);
    assert!(plan.tasks[2].depends_on.is_empty());
    assert_eq!(plan.tasks[0].depends_on, ["T009"]);
}

#[test]
fn a_comment_over_lines_is_one_comment() {
    // pulldown-cmark gives an HTML block's lines one event each; the
    // comment is still one, from `<!--` to `-->`, and no content.
    let src = "# T\n\n## A\n\n<!--\nplanwright-enable\n-->\n\n## B\n\n- item\n  <!-- x\n  y --> <b>\n\ntext <!-- in\nline -->\n\n<!-- open\n";
    let plan = p(src);
    let comments: Vec<&str> = plan.comments.iter().map(|c| c.slice(src)).collect();
    assert_eq!(
        comments,
        [
            "<!--\nplanwright-enable\n-->",
            "<!-- x\n  y -->",
            "<!-- in\nline -->"
        ]
    );
    assert!(!plan.sections[1].has_content, "only a comment");
    assert!(plan.sections[2].has_content);
    // A comment its block leaves open is none, and a later block's `-->`
    // does not close it.
    assert!(p("- <!-- a\n\n<div>\nz -->\n").comments.is_empty());
}

#[test]
fn list_items_of_the_plan_header_are_header_fields() {
    let headers = |src: &str| -> Vec<(String, bool)> {
        p(src)
            .metadata
            .iter()
            .map(|m| (m.key.to_string(), m.is_header()))
            .collect()
    };
    let owned = |v: &[(&str, bool)]| -> Vec<(String, bool)> {
        v.iter().map(|(k, h)| ((*k).to_owned(), *h)).collect()
    };
    let src = "# Plan\n\n- **Status:** Draft\n- **Owner:** Ann\n\n- [ ] a\n";
    assert_eq!(headers(src), owned(&[("Status", true), ("Owner", true)]));
    let plan = p(src);
    assert_eq!(
        plan.field("status").map(|f| f.value.as_str()),
        Some("Draft")
    );
    assert!(plan.metadata.iter().all(|m| m.in_list));
    // Without a title, and under an empty-valued field that opens the list.
    assert_eq!(
        headers("**Stack**:\n- **Backend**: Rust\n\n## Tasks\n"),
        owned(&[("Stack", true), ("Backend", true)])
    );
    // Under the first section, after a task, inside a task, or naming a
    // phase (an overview list), a list item's field is the item's.
    for src in [
        "# Plan\n\n## Overview\n\n- **Status:** Draft\n",
        "## Checkout\n\n- **Status:** Draft\n",
        "# Plan\n\n- [ ] a\n- **Status:** Draft\n",
        "# Plan\n\n- [ ] a\n  - **Owner:** Ann\n",
        "- **Phase 1:** Build\n- **Phase 2:** Ship\n\n- [ ] a\n",
    ] {
        assert!(
            p(src).metadata.iter().all(|m| !m.is_header()),
            "{src:?}: {:?}",
            headers(src)
        );
    }
}

#[test]
fn a_dependency_sentence_quoted_as_code_links_nothing() {
    let src = "# P\n\n- [ ] T001 a\n- [ ] T002 b\n- [ ] T003 c\n- [ ] T004 d\n\n\
               ## Dependencies\n\n- `T002 depends on T001` is how to write one\n\
               - T004 depends on T003\n";
    let plan = p(src);
    let links = link_pairs(&plan);
    assert_eq!(links, [("T003", "T004")]);
}

#[test]
fn a_reference_link_knows_where_its_definition_is_written() {
    let src =
        "# T\n\n[one][r], [r][], [r], ![pic][R] and [two](b.md).\n\n[r]: <docs/a b.md> \"A\"\n";
    let plan = p(src);
    let defs: Vec<Option<&str>> = plan
        .links
        .iter()
        .map(|l| l.definition.map(|d| d.slice(src)))
        .collect();
    let def = Some("[r]: <docs/a b.md> \"A\"");
    assert_eq!(defs, [def, def, def, def, None]);
    assert_eq!(plan.links[0].dest.as_str(), "docs/a b.md");
}
