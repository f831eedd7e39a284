//! `set` as given → running → produces, one case per field style.

use super::*;
use planwright_core::{edit::apply, parse};

fn run(src: &str, field: &str, value: &str, add: bool) -> Result<String, OpError> {
    let plan = parse(src);
    let change = set_field(&plan, src, &SetField { field, value, add })?;
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
fn comment_and_front_matter_fields() {
    assert_eq!(
        run(
            "# P\n\n<!-- STATUS: pending -->\n",
            "status",
            "completed",
            false
        )
        .unwrap(),
        "# P\n\n<!-- STATUS: completed -->\n"
    );
    let fm = "---\ntitle: P\nstatus: draft\nowner: \"Ann\"\n---\n# P\n";
    assert_eq!(
        run(fm, "status", "done", false).unwrap(),
        "---\ntitle: P\nstatus: done\nowner: \"Ann\"\n---\n# P\n"
    );
    assert_eq!(
        run(fm, "owner", "Bob \"B\"", false).unwrap(),
        "---\ntitle: P\nstatus: draft\nowner: \"Bob \\\"B\\\"\"\n---\n# P\n"
    );
    // A value YAML would misread gets quotes.
    assert_eq!(
        run(fm, "status", "blocked: waiting", false).unwrap(),
        "---\ntitle: P\nstatus: \"blocked: waiting\"\nowner: \"Ann\"\n---\n# P\n"
    );
}

#[test]
fn fields_below_the_header_are_not_the_plans() {
    let src = "# P\n\n**Status:** Draft\n\n## Risks\n\n**Status:** Mitigated\n";
    assert_eq!(
        run(src, "status", "Done", false).unwrap(),
        "# P\n\n**Status:** Done\n\n## Risks\n\n**Status:** Mitigated\n"
    );
    // Without a header field, the first one further down is the plan's.
    let src = "# P\n\n## Summary\n\n**Status:** Draft\n";
    assert_eq!(
        run(src, "status", "Done", false).unwrap(),
        "# P\n\n## Summary\n\n**Status:** Done\n"
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
fn an_empty_value_gets_its_space() {
    assert_eq!(
        run("# P\n\n**Status:**\n", "status", "Draft", false).unwrap(),
        "# P\n\n**Status:** Draft\n"
    );
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
        run("---\r\ntitle: P\r\n---\r\n# P\r\n", "Status", "draft", true).unwrap(),
        "---\r\ntitle: P\r\nstatus: draft\r\n---\r\n# P\r\n"
    );
    // No header at all: a bold line under the title.
    assert_eq!(
        run("# P\nBody\n", "status", "Draft", true).unwrap(),
        "# P\n\n**Status:** Draft\n\nBody\n"
    );
    // A title that opens a phase: the field goes above it.
    assert_eq!(
        run("# Phase 13: Move\n\n## Goals\n", "status", "Draft", true).unwrap(),
        "**Status:** Draft\n\n# Phase 13: Move\n\n## Goals\n"
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
        check_status(&plan, set, "Status", "in progress", false).unwrap(),
        "In Progress"
    );
    let err = check_status(&plan, set, "status", "Shipped", false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`Shipped` is not a status of the delivery dialect (expected one of: Draft, In Progress, Completed, Blocked, Cancelled); use --force to set it anyway"
    );
    assert_eq!(
        check_status(&plan, set, "status", "Shipped", true).unwrap(),
        "Shipped"
    );
    assert_eq!(
        check_status(&plan, set, "owner", "Shipped", false).unwrap(),
        "Shipped"
    );
}

#[test]
fn front_matter_values_over_several_lines_are_refused() {
    for src in [
        "---\nowner:\n  name: al\n---\n# P\n",
        "---\ntags:\n- a\n- b\n---\n# P\n",
        "---\ntags:\n  # the list\n  - a\n---\n# P\n",
        "---\nsummary: |\n  keep me\n---\n# P\n",
        "---\nsummary: >-\n---\n# P\n",
        "---\ntitle: a long\n  folded title\nowner: al\n---\n# P\n",
    ] {
        let key = &src[4..src[4..].find(':').unwrap() + 4];
        let err = run(src, key, "bob", false).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "`{key}` has a multi-line value in the front matter; planwright edits only one-line values"
            ),
            "{src:?}"
        );
    }
    // The field after a nested one is still one line.
    assert_eq!(
        run(
            "---\nowner:\n  name: al\n\n# note\nstatus: draft\n---\n# P\n",
            "status",
            "done",
            false
        )
        .unwrap(),
        "---\nowner:\n  name: al\n\n# note\nstatus: done\n---\n# P\n"
    );
}

#[test]
fn a_yaml_comment_after_the_value_stays() {
    let cases = [
        (
            "---\nstatus: draft # reviewed by QA\n---\n# P\n",
            "---\nstatus: done # reviewed by QA\n---\n# P\n",
        ),
        (
            "---\nstatus: \"draft\"  # quoted\n---\n# P\n",
            "---\nstatus: \"done\"  # quoted\n---\n# P\n",
        ),
        (
            "---\nstatus: # to fill\n---\n# P\n",
            "---\nstatus: done # to fill\n---\n# P\n",
        ),
        // Not a comment: `#` inside a word or inside quotes.
        (
            "---\nstatus: a#b\n---\n# P\n",
            "---\nstatus: done\n---\n# P\n",
        ),
        (
            "---\nstatus: 'it''s # not'\n---\n# P\n",
            "---\nstatus: 'done'\n---\n# P\n",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(run(src, "status", "done", false).unwrap(), want, "{src:?}");
    }
}

#[test]
fn a_status_under_risks_or_decisions_is_not_the_plans() {
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
    assert!(matches!(
        run(src, "status", "Done", false),
        Err(OpError::FieldMissing { .. })
    ));
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
