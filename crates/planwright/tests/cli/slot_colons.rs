//! Slots before a colon (`## [COMPONENT]: details`) and a lower-case slot
//! as a bold field's whole value (`**Date:** [date]`), as `lint` and `new`
//! see them, beside the look-alikes that stay quiet.

use crate::support::{planwright, stdout, write};

const PLAN: &str = "# [PROJECT]: [FEATURE NAME]

**Deciders:** [names]
**Date:** [date]
**Status:** Draft

## [COMPONENT]: details

- [ ] Wire [TASK]: do it
- [x]: done, as a check box may be written

Text [OTHER]: more, and a footnote[^1] to the [spec].
See the spec.
[Design]: ./design.md

[spec]: ./spec.md
[^1]: A note.
";

#[test]
fn lint_finds_slots_before_a_colon_and_whole_lower_case_values() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.md", PLAN);
    write(dir.path(), "spec.md", "# Spec\n");
    write(dir.path(), "design.md", "# Design\n");
    let out = planwright(
        &[
            "lint", "--select", "PW101", "--format", "concise", "plan.md",
        ],
        dir.path(),
    );
    insta::assert_snapshot!(stdout(&out), @r"
    plan.md:1:3: PW101 unfilled placeholder `[PROJECT]`
    plan.md:1:14: PW101 unfilled placeholder `[FEATURE NAME]`
    plan.md:3:15: PW101 unfilled placeholder `[names]` in metadata
    plan.md:4:11: PW101 unfilled placeholder `[date]` in metadata
    plan.md:7:4: PW101 unfilled placeholder `[COMPONENT]`
    plan.md:9:12: PW101 unfilled placeholder `[TASK]`
    plan.md:12:6: PW101 unfilled placeholder `[OTHER]`
    ");
}

#[test]
fn new_counts_them_as_slots_left() {
    let dir = crate::new::repo();
    write(dir.path(), ".planwright/templates/colon.md", PLAN);
    let out = planwright(&["new", "Search", "-t", "colon", "--dry-run"], dir.path());
    let text = crate::new::ok(&out);
    assert!(!text.contains("No slots left"), "{text}");
    let plan = text.split_once("\n\n").map_or("", |(_, p)| p);
    for slot in ["[names]", "[COMPONENT]", "[TASK]", "[OTHER]"] {
        assert!(
            plan.contains(slot),
            "{slot} should stay for the author: {plan}"
        );
    }
}
