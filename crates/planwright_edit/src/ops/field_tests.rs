//! `set` as given → running → produces, one case per field style.

use super::*;
use planwright_core::{edit::apply, parse};

pub(super) fn run(src: &str, field: &str, value: &str, add: bool) -> Result<String, OpError> {
    run_as(src, field, value, add, false)
}

/// [`run`], the value written as Markdown or as text.
pub(super) fn run_as(
    src: &str,
    field: &str,
    value: &str,
    add: bool,
    markdown: bool,
) -> Result<String, OpError> {
    let plan = parse(src);
    let req = SetField {
        field,
        value,
        add,
        markdown,
    };
    let change = set_field(&plan, src, &req)?;
    let out = apply(src, &change.edits).unwrap();
    crate::verify(&plan, &parse(&out), &change.intent).unwrap();
    Ok(out)
}

#[test]
fn bold_fields_both_colon_styles() {
    assert_eq!(
        run(
            "# P\n\n**Status:** Draft\n**Owner:** me\n",
            "status",
            "In Progress",
            false
        )
        .unwrap(),
        "# P\n\n**Status:** In Progress\n**Owner:** me\n"
    );
    // Trailing hard breaks stay.
    assert_eq!(
        run(
            "# P\r\n\r\n**Created**: x  \r\n**Status**: Draft  \r\n",
            "Status",
            "Done",
            false
        )
        .unwrap(),
        "# P\r\n\r\n**Created**: x  \r\n**Status**: Done  \r\n"
    );
}

#[test]
fn one_of_several_fields_on_a_line() {
    let src = "# P\n\n**Branch**: `x` | **Status**: Draft | **Date**: 2026-01-01\n";
    assert_eq!(
        run(src, "status", "In Review", false).unwrap(),
        "# P\n\n**Branch**: `x` | **Status**: In Review | **Date**: 2026-01-01\n"
    );
}

#[test]
fn fields_below_the_header_are_not_the_plans() {
    let src = "# P\n\n**Status:** Draft\n\n## Risks\n\n**Status:** Mitigated\n";
    assert_eq!(
        run(src, "status", "Done", false).unwrap(),
        "# P\n\n**Status:** Done\n\n## Risks\n\n**Status:** Mitigated\n"
    );
    // An added field goes under the title, not after a field further down,
    // though with the colon where the plan's bold fields put it.
    let src = "# P\n\nIntro.\n\n## Risks\n\n**Impact**: high\n";
    assert_eq!(
        run(src, "owner", "Ann", true).unwrap(),
        "# P\n\n**Owner**: Ann\n\nIntro.\n\n## Risks\n\n**Impact**: high\n"
    );
}

#[test]
fn a_status_in_any_section_is_not_the_plans() {
    // No list of section names can say which sections hold items of their
    // own (stories, epics, workstreams): without a header field, `set`
    // finds nothing, wherever the section and whatever its heading.
    for heading in [
        "User Stories",
        "Requirements",
        "Epics",
        "Workstreams",
        "Testing",
        "Deliverables",
        "Action Items",
        "Summary",
        "Overview",
    ] {
        for body in [
            "### Item 1: Login\n\n**Status:** Blocked\n",
            "**Status:** Blocked\n",
        ] {
            let src = format!("# Plan\n\n## Overview\n\nText.\n\n## {heading}\n\n{body}");
            let err = run(&src, "status", "Done", false).unwrap_err();
            let line = src.lines().position(|l| l.starts_with("**Status")).unwrap() + 1;
            // The model reads a requirement's status as the requirement's,
            // and the refusal has no other field to point at.
            let expected = if heading == "Requirements" {
                "no field `status` in the plan header; use --add to add it".to_owned()
            } else {
                format!(
                    "no field `status` in the plan header; the one on line {line}, which `status` reads, is outside it, where set does not edit fields; use --add to add one to the header"
                )
            };
            assert_eq!(err.to_string(), expected, "{src:?}");
            // `--add` adds the plan's own, and leaves the item's alone.
            assert_eq!(
                run(&src, "status", "Done", true).unwrap(),
                src.replace("# Plan\n", "# Plan\n\n**Status:** Done\n"),
                "{src:?}"
            );
        }
    }
}

#[test]
fn a_metadata_section_after_the_title_is_the_header() {
    // Some plans write their header under a heading that says so; right
    // after the title, its fields are the plan's.
    let src = "# Plan\n\n## Document Info\n\n**Status:** Draft\n**Owner:** Ann\n\n## Stories\n\n**Status:** Open\n";
    assert_eq!(
        run(src, "status", "Done", false).unwrap(),
        src.replacen("Draft", "Done", 1)
    );
    assert_eq!(
        run(src, "priority", "High", true).unwrap(),
        src.replace("**Owner:** Ann\n", "**Owner:** Ann\n**Priority:** High\n")
    );
    // Written as a list there, the new field is the list's next item, not
    // a bold line under the title.
    let src = "# Plan\n\n## Metadata\n\n- **Status:** Draft\n- **Owner:** bob\n\n## Phase 1\n\n- [ ] T001 a\n";
    assert_eq!(
        run(src, "priority", "high", true).unwrap(),
        src.replace("bob\n", "bob\n- **Priority:** high\n")
    );
    // Plain items there are fields too, and a new one is written plainly.
    let src = "# Plan\n\n## Document Status\n\n- Status: Draft\n- Owner: bob\n\n## Work\n";
    assert_eq!(
        run(src, "status", "Done", false).unwrap(),
        src.replacen("Draft", "Done", 1)
    );
    assert_eq!(
        run(src, "priority", "high", true).unwrap(),
        src.replace("bob\n", "bob\n- Priority: high\n")
    );
    // Only the first section, and only its own fields, not a child's.
    for src in [
        "# Plan\n\n## Overview\n\n## Metadata\n\n**Status:** Draft\n",
        "# Plan\n\n## Metadata\n\n### Story 1\n\n**Status:** Draft\n",
    ] {
        assert!(
            matches!(
                run(src, "status", "Done", false),
                Err(OpError::FieldMissing { .. })
            ),
            "{src:?}"
        );
    }
}

#[test]
fn an_untitled_plans_opening_heading_stands_for_its_title() {
    let src = "## Checkout revamp\n\n**Status:** Draft\n\n## Risks\n\n**Status:** Open\n";
    assert_eq!(
        run(src, "status", "Done", false).unwrap(),
        src.replacen("Draft", "Done", 1)
    );
    // Not a heading that names a section, nor one after some text.
    for src in [
        "## Risks\n\n**Status:** Open\n\n## Tasks\n",
        "Intro.\n\n## Checkout revamp\n\n**Status:** Draft\n",
    ] {
        assert!(
            matches!(
                run(src, "status", "Done", false),
                Err(OpError::FieldMissing { .. })
            ),
            "{src:?}"
        );
    }
}

#[test]
fn header_fields_written_as_list_items_are_edited_in_place() {
    let src = "# Plan\n\n- **Status**: Draft\n- **Owner**: Ann\n\n## Phase 1\n";
    let want = "# Plan\n\n- **Status**: Done\n- **Owner**: Ann\n\n## Phase 1\n";
    assert_eq!(run(src, "status", "Done", false).unwrap(), want);
    // `--add` finds it too, rather than writing a second one.
    assert_eq!(run(src, "status", "Done", true).unwrap(), want);
    assert_eq!(
        run(&src.replace('\n', "\r\n"), "status", "Done", true).unwrap(),
        want.replace('\n', "\r\n")
    );
    let err = run(src, "priority", "High", false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no field `priority` in the plan header (it has: Status, Owner); use --add to add it"
    );
    // A new field joins the list as its next item (see below).
    assert_eq!(
        run(src, "priority", "High", true).unwrap(),
        "# Plan\n\n- **Status**: Draft\n- **Owner**: Ann\n- **Priority**: High\n\n## Phase 1\n"
    );
    // A list further down is a section's, as before.
    let src = "# Plan\n\n## Goals\n\n- **Status**: Draft\n";
    assert!(matches!(
        run(src, "status", "Done", false),
        Err(OpError::FieldMissing { .. })
    ));
}

#[test]
fn an_added_field_is_the_header_lists_next_item() {
    let add = |src: &str| run(src, "priority", "High", true).unwrap();
    // The marker, its indentation and the blank after it are the items'.
    for (src, want) in [
        (
            "# P\n\n* **Status:** Draft\n* **Owner:** Ana\n\n## Tasks\n",
            "# P\n\n* **Status:** Draft\n* **Owner:** Ana\n* **Priority:** High\n\n## Tasks\n",
        ),
        (
            "# P\n\n  +   **Status:** Draft\n  +   **Owner:** Ana\n",
            "# P\n\n  +   **Status:** Draft\n  +   **Owner:** Ana\n  +   **Priority:** High\n",
        ),
        (
            "# P\n\n> - **Status:** Draft\n> - **Owner:** Ana\n\n## T\n",
            "# P\n\n> - **Status:** Draft\n> - **Owner:** Ana\n> - **Priority:** High\n\n## T\n",
        ),
        // An ordered list counts on.
        (
            "# P\n\n1. **Status:** Draft\n2) **Owner:** Ana\n",
            "# P\n\n1. **Status:** Draft\n2) **Owner:** Ana\n3) **Priority:** High\n",
        ),
        // Items set apart by blank lines: the new one too.
        (
            "# P\n\n- **Status:** Draft\n\n- **Owner:** Ana\n\n## T\n",
            "# P\n\n- **Status:** Draft\n\n- **Owner:** Ana\n\n- **Priority:** High\n\n## T\n",
        ),
        // After a nested list and a continuation line, not inside them.
        (
            "# P\n\n- **Status:** Draft\n- **Stack:**\n  - **Backend:** Rust\n  and more\n\n## T\n",
            "# P\n\n- **Status:** Draft\n- **Stack:**\n  - **Backend:** Rust\n  and more\n- **Priority:** High\n\n## T\n",
        ),
        // Tasks further down the same list stay after the header's items.
        (
            "# P\n\n- **Status:** Draft\n- **Owner:** Ana\n- [ ] T001 a\n",
            "# P\n\n- **Status:** Draft\n- **Owner:** Ana\n- **Priority:** High\n- [ ] T001 a\n",
        ),
        // Hard breaks, and a file without a final newline, are kept.
        (
            "# P\n\n- **Status:** Draft  \n- **Owner:** Ana  \n",
            "# P\n\n- **Status:** Draft  \n- **Owner:** Ana  \n- **Priority:** High  \n",
        ),
        (
            "# P\n\n- **Status:** Draft\n- **Owner:** Ana",
            "# P\n\n- **Status:** Draft\n- **Owner:** Ana\n- **Priority:** High",
        ),
    ] {
        assert_eq!(add(src), want, "{src:?}");
    }
    // Each line ending as the file writes it.
    for le in ["\r\n", "\r"] {
        let src = "# P\n\n+ **Status:** Draft\n+ **Owner:** Ana\n\n## T\n".replace('\n', le);
        let want = "# P\n\n+ **Status:** Draft\n+ **Owner:** Ana\n+ **Priority:** High\n\n## T\n";
        assert_eq!(add(&src), want.replace('\n', le), "{le:?}");
    }
    // Bold lines beside the list: the new field follows the lines.
    assert_eq!(
        add("# P\n\n**Status:** Draft\n\n- **Owner:** Ana\n"),
        "# P\n\n**Status:** Draft\n**Priority:** High\n\n- **Owner:** Ana\n"
    );
}

#[test]
fn a_header_table_that_states_the_field_is_refused() {
    let msg = |line: usize| {
        format!(
            "the value cannot be written as a table field: `Status` is in the header's table on line {line}, whose cells planwright does not edit; change it there"
        )
    };
    for (src, line) in [
        (
            "# Plan\n\n| Field | Value |\n|---|---|\n| Status | Draft |\n| Owner | Ann |\n\n## A\n",
            5,
        ),
        // The key/value rows start in the table's header row.
        (
            "# Plan\n\n| Status | Draft |\n|---|---|\n| Owner | Ann |\n\n## A\n",
            3,
        ),
        // Keys as column headings over one row of values: the line of the
        // value.
        (
            "# Plan\n\n| Owner | Status |\n|---|---|\n| Ann | Draft |\n\n## A\n",
            5,
        ),
    ] {
        for add in [false, true] {
            let err = run(src, "status", "Done", add).unwrap_err();
            assert_eq!(err.to_string(), msg(line), "{src:?} add={add}");
        }
        // Lines are counted as Markdown ends them, lone `\r` included.
        let err = run(&src.replace('\n', "\r"), "status", "Done", false).unwrap_err();
        assert_eq!(err.to_string(), msg(line), "{src:?} in CR");
    }
    // A table further down, or one listing many rows under a `Status`
    // column, says nothing about the plan's status.
    for src in [
        "# Plan\n\n## Risks\n\n| Status | Open |\n|---|---|\n",
        "# Plan\n\n| Phase | Status |\n|---|---|\n| 1 | Done |\n| 2 | Open |\n\n## A\n",
    ] {
        assert!(
            matches!(
                run(src, "status", "Done", false),
                Err(OpError::FieldMissing { .. })
            ),
            "{src:?}"
        );
    }
}

#[test]
fn a_value_that_adds_a_field_is_refused_naming_that_field() {
    let src = "# P\n\n**Owner:** Ann\n**Status:** Draft\n";
    let err = run(src, "owner", "Bob | **Status:** X", false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the value cannot be written as a bold field: it would add the field `Status: X`"
    );
    let err = run(src, "priority", "High | **Due**: May", true).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the value cannot be written as a bold field: it would add the field `Due: May`"
    );
    // A `|` alone is text.
    assert_eq!(
        run(src, "owner", "Bob | Carol", false).unwrap(),
        "# P\n\n**Owner:** Bob | Carol\n**Status:** Draft\n"
    );
}

#[test]
fn an_empty_value_gets_its_space() {
    assert_eq!(
        run("# P\n\n**Status:**\n", "status", "Draft", false).unwrap(),
        "# P\n\n**Status:** Draft\n"
    );
}

#[test]
fn emptying_a_field_and_setting_it_again_gives_the_line_back() {
    // (line, emptied) in every style; setting `Ann` again restores `line`.
    for (line, emptied) in [
        ("**Owner:** Ann\n", "**Owner:**\n"),
        ("**Owner**: Ann  \r\n", "**Owner**:  \r\n"),
        (
            "- **Owner:** Ann | **Due:** May\n",
            "- **Owner:** | **Due:** May\n",
        ),
        ("<!-- Owner: Ann -->\n", "<!-- Owner: -->\n"),
    ] {
        let src = format!("# P\n\n{line}");
        let empty = run(&src, "owner", "", false).unwrap();
        assert_eq!(empty, format!("# P\n\n{emptied}"), "{line:?}");
        assert_eq!(run(&empty, "owner", "Ann", false).unwrap(), src, "{line:?}");
    }
    for (line, emptied) in [
        ("owner: \"Ann\"", "owner: \"\""),
        ("owner: !!str 'Ann'", "owner: !!str ''"),
    ] {
        let src = format!("---\n{line}\n---\n# P\n");
        let empty = run(&src, "owner", "", false).unwrap();
        assert_eq!(empty, format!("---\n{emptied}\n---\n# P\n"), "{line:?}");
        assert_eq!(run(&empty, "owner", "Ann", false).unwrap(), src, "{line:?}");
    }
    // A value empty already is left alone, blanks and all.
    for src in [
        "# P\n\n<!-- Owner: -->\n",
        "# P\n\n**Owner:**\n",
        "---\nowner: ''\n---\n# P\n",
    ] {
        assert_eq!(run(src, "owner", "", false).unwrap(), src);
    }
    // Added empty: nothing after the label either.
    let added = run("# P\n\n**Status:** Draft\n", "owner", "", true).unwrap();
    assert_eq!(added, "# P\n\n**Status:** Draft\n**Owner:**\n");
}

#[test]
fn a_plain_front_matter_value_emptied_is_the_empty_string_not_null() {
    // `owner:` would read as null to YAML; `""` is the string asked for.
    for (line, emptied) in [
        ("owner: Ann", "owner: \"\""),
        ("owner: Ann # who", "owner: \"\" # who"),
        ("owner: 42", "owner: \"\""),
        ("owner: ~", "owner: \"\""),
        ("owner:", "owner: \"\""),
        ("owner: ", "owner: \"\""),
        ("owner: # who", "owner: \"\" # who"),
    ] {
        let src = format!("---\n{line}\n---\n# P\n");
        let empty = run(&src, "owner", "", false).unwrap();
        assert_eq!(empty, format!("---\n{emptied}\n---\n# P\n"), "{line:?}");
        assert_eq!(parse(&empty).field("owner").unwrap().value, "");
    }
    // Set again, the value stays in the quotes it now has.
    assert_eq!(
        run("---\nowner: \"\"\n---\n# P\n", "owner", "Ann", false).unwrap(),
        "---\nowner: \"Ann\"\n---\n# P\n"
    );
    let added = run("---\ntitle: P\n---\n# P\n", "owner", "", true).unwrap();
    assert_eq!(added, "---\ntitle: P\nowner: \"\"\n---\n# P\n");
}

#[test]
fn missing_field_is_an_error_naming_the_fields() {
    let err = run("# P\n\n**Status:** Draft\n", "owner", "me", false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no field `owner` in the plan header (it has: Status); use --add to add it"
    );
}

#[test]
fn add_in_the_plans_own_style() {
    // Bold lines: after the last one, with its trailing hard break.
    assert_eq!(
        run(
            "# P\n\n**Created**: x  \n**Status**: Draft  \n\n## A\n",
            "owner",
            "Ann",
            true
        )
        .unwrap(),
        "# P\n\n**Created**: x  \n**Status**: Draft  \n**Owner**: Ann  \n\n## A\n"
    );
    // All lines but the last end in a hard break: before the last one.
    assert_eq!(
        run(
            "# P\n\n**A**: 1  \n**B**: 2  \n**Input**: x\n\n## S\n",
            "owner",
            "Ann",
            true
        )
        .unwrap(),
        "# P\n\n**A**: 1  \n**B**: 2  \n**Owner**: Ann  \n**Input**: x\n\n## S\n"
    );
    // Several on one line: appended to that line.
    assert_eq!(
        run("# P\n\n**A:** 1 | **B:** 2\n", "C", "3", true).unwrap(),
        "# P\n\n**A:** 1 | **B:** 2 | **C:** 3\n"
    );
    // Comments: upper-case key, after the last comment.
    assert_eq!(
        run(
            "# P\n\n<!-- FEATURE_ID: 7 -->\n<!-- STATUS: pending -->\n\n## A\n",
            "owner team",
            "core",
            true
        )
        .unwrap(),
        "# P\n\n<!-- FEATURE_ID: 7 -->\n<!-- STATUS: pending -->\n<!-- OWNER_TEAM: core -->\n\n## A\n"
    );
    // Front matter: before the closing fence, CRLF kept.
    assert_eq!(
        run("---\r\ntitle: P\r\n---\r\n# P\r\n", "status", "draft", true).unwrap(),
        "---\r\ntitle: P\r\nstatus: draft\r\n---\r\n# P\r\n"
    );
    // No header at all: a bold line under the title.
    assert_eq!(
        run("# P\nBody\n", "status", "Draft", true).unwrap(),
        "# P\n\n**Status:** Draft\n\nBody\n"
    );
    // A title that opens a phase (its plan's `#` headings are phases):
    // the field goes above it.
    assert_eq!(
        run(
            "# Phase 1: Move\n\n## Goals\n\n# Phase 2: Ship\n",
            "status",
            "Draft",
            true
        )
        .unwrap(),
        "**Status:** Draft\n\n# Phase 1: Move\n\n## Goals\n\n# Phase 2: Ship\n"
    );
    // A title named as a phase titles the plan: the field goes under it.
    assert_eq!(
        run("# Phase 13: Move\n\n## Goals\n", "status", "Draft", true).unwrap(),
        "# Phase 13: Move\n\n**Status:** Draft\n\n## Goals\n"
    );
    // Blank lines between fields are copied.
    assert_eq!(
        run("# P\n\n**A:** 1\n\n**B:** 2\n", "c", "3", true).unwrap(),
        "# P\n\n**A:** 1\n\n**B:** 2\n\n**C:** 3\n"
    );
}

#[test]
fn status_values_come_from_the_dialect() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/delivery-plan.md"
    ))
    .unwrap();
    let plan = parse(&src);
    assert_eq!(plan.dialect.name, "delivery");
    let set = DialectSet::builtin();
    assert_eq!(
        check_status(&plan, &src, set, "Status", "in progress", false).unwrap(),
        "In Progress"
    );
    let err = check_status(&plan, &src, set, "status", "Shipped", false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`Shipped` is not a status of the delivery dialect (expected one of: Draft, In Progress, Completed, Blocked, Cancelled); use --force to set it anyway"
    );
    assert_eq!(
        check_status(&plan, &src, set, "status", "Shipped", true).unwrap(),
        "Shipped"
    );
    assert_eq!(
        check_status(&plan, &src, set, "owner", "Shipped", false).unwrap(),
        "Shipped"
    );
}

#[test]
fn a_status_the_dialect_spells_two_ways_keeps_the_spelling() {
    // The roadmap dialect lists `in_progress` and `in-progress`.
    let roadmap = |status: &str| {
        format!(
            "# P\n\n<!-- FEATURE_DIR: plans/7 -->\n<!-- PLAN_NUMBER: 001 -->\n<!-- STATUS: {status} -->\n"
        )
    };
    let set = DialectSet::builtin();
    let check = |src: &str, value: &str| {
        let plan = parse(src);
        assert_eq!(plan.dialect.name, "roadmap");
        check_status(&plan, src, set, "status", value, false).unwrap()
    };
    // What the field already says, in any spelling, stays as written: the
    // set is unchanged and writes nothing.
    let src = roadmap("in-progress");
    for typed in ["in-progress", "in_progress", "In Progress"] {
        let value = check(&src, typed);
        assert_eq!(value, "in-progress", "{typed}");
        let plan = parse(&src);
        let req = SetField {
            field: "status",
            value: &value,
            add: false,
            markdown: false,
        };
        assert_eq!(
            set_field(&plan, &src, &req).unwrap().edits,
            vec![],
            "{typed}"
        );
    }
    // A new value is written as typed when the dialect lists it so, else
    // in the dialect's first spelling.
    let src = roadmap("pending");
    assert_eq!(check(&src, "in-progress"), "in-progress");
    assert_eq!(check(&src, "in_progress"), "in_progress");
    assert_eq!(check(&src, "In Progress"), "in_progress");
}

#[test]
fn a_status_under_risks_or_decisions_is_not_the_plans() {
    // The model reads them as the risk's and the decision's, not the
    // plan's: the refusal names no field outside the header.
    let src = "# Plan\n\n**Owner:** al\n\n## Risks\n\n### Risk 1: Redis outage\n\n**Status:** Open\n\n## Tasks\n\n- [ ] a\n";
    let err = run(src, "status", "Done", false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no field `status` in the plan header (it has: Owner); use --add to add it"
    );
    assert_eq!(
        run(src, "status", "Done", true).unwrap(),
        src.replace("**Owner:** al\n", "**Owner:** al\n**Status:** Done\n")
    );
    let src = "# Plan\n\n## Decisions\n\n**Status:** Accepted\n";
    let refused = run(src, "status", "Done", false).unwrap_err();
    assert!(
        matches!(refused, OpError::FieldMissing { outside: None, .. }),
        "{refused:?}"
    );
}

#[test]
fn add_under_a_setext_title() {
    assert_eq!(
        run("Title\n=====\n\n- [ ] a\n", "status", "x", true).unwrap(),
        "Title\n=====\n\n**Status:** x\n\n- [ ] a\n"
    );
    assert_eq!(
        run("A long\r\ntitle\r\n==\r\nBody\r\n", "status", "x", true).unwrap(),
        "A long\r\ntitle\r\n==\r\n\r\n**Status:** x\r\n\r\nBody\r\n"
    );
}

#[path = "field_front_matter_tests.rs"]
mod front_matter;

#[path = "field_bold_tests.rs"]
mod bold;
