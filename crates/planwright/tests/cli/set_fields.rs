//! `set` and `done` on the QA report's corner cases, as a user runs them:
//! output, exit code, and the whole file after.

use std::path::Path;

use crate::support::{planwright, run_on_plan as run, stderr, stdout};

#[test]
fn a_hard_break_after_the_value_stays() {
    let text = "# Title\n\n**Status:** Draft\\\n**Owner:** a\n";
    let (code, out, _, after) = run(text, &["show", "plan.md"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("  Status  Draft\n"), "{out}");
    assert_eq!(after, text);
    let (code, out, err, after) = run(text, &["set", "plan.md", "status", "Done"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (Some(0), "set status: Done\n", "")
    );
    assert_eq!(after, "# Title\n\n**Status:** Done\\\n**Owner:** a\n");
}

#[test]
fn front_matter_values_keep_their_yaml_type() {
    let text = "---\nflag: true\ncount: 42\nday: 2024-01-01\n---\n# T\n";
    for (field, value, line) in [
        ("flag", "false", "flag: false"),
        ("count", "7", "count: 7"),
        ("day", "2024-02-02", "day: 2024-02-02"),
        ("count", "many", "count: many"),
        ("day", "true", "day: \"true\""),
    ] {
        let (code, _, err, after) = run(text, &["set", "plan.md", field, value]);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{field} {value}");
        let old = text.lines().find(|l| l.starts_with(field)).expect("line");
        assert_eq!(after, text.replace(old, line), "{field} {value}");
    }
}

#[test]
fn an_emptied_front_matter_value_is_an_empty_string_and_shows_empty() {
    let text = "---\nowner: bob\nteam: 'core'\n---\n# T\n\n**Status:** Draft\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.md");
    std::fs::write(&plan, text).expect("write");
    for field in ["owner", "team", "status"] {
        let out = planwright(&["set", "plan.md", field, ""], dir.path());
        assert_eq!(
            (out.status.code(), stdout(&out), stderr(&out)),
            (Some(0), format!("set {field}: (empty)\n"), String::new())
        );
    }
    // `owner:` would be null to YAML; a bold field has no null to avoid.
    let after = std::fs::read_to_string(&plan).expect("read");
    assert_eq!(
        after,
        "---\nowner: \"\"\nteam: ''\n---\n# T\n\n**Status:**\n"
    );
    let out = planwright(&["show", "plan.md", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let values: Vec<(&str, &str)> = json["metadata"]
        .as_array()
        .expect("metadata")
        .iter()
        .map(|m| {
            (
                m["key"].as_str().unwrap_or("?"),
                m["value"].as_str().unwrap_or("?"),
            )
        })
        .collect();
    assert_eq!(values, [("owner", ""), ("team", ""), ("Status", "")]);
}

#[test]
fn a_quoted_key_is_edited_and_never_added_twice() {
    let text = "---\ntitle: Plain\n\"owner\": bob\n---\n# T\n";
    let want = "---\ntitle: Plain\n\"owner\": al\n---\n# T\n";
    for args in [
        &["set", "plan.md", "owner", "al"][..],
        &["set", "plan.md", "--add", "owner", "al"][..],
    ] {
        let (code, out, err, after) = run(text, args);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (Some(0), "set owner: al\n", "")
        );
        assert_eq!(after, want);
    }
}

#[test]
fn refusals_say_why() {
    let cases = [
        (
            "---\ntitle: t\n---\n# T\n",
            &["set", "plan.md", "--add", "key: evil", "v"][..],
            "plan.md: cannot add `key: evil` as a front-matter field: its name cannot contain `:`, which ends a field's name",
        ),
        (
            "# T\n\n**Owner:** x\\|y | **Team:** z\n",
            &["set", "plan.md", "owner", "|"][..],
            "plan.md: the value cannot be written as a bold field: it ends with `|`, which a bold field's line reads as the separator before another field (`**A:** x | **B:** y`), so the value would end before it",
        ),
        (
            "---\ntitle: t\ntags:\n  - a\n---\n# T\n",
            &["set", "plan.md", "tags", "x"][..],
            "plan.md: `tags` on line 3 has a multi-line value in the front matter (a list, a mapping, a block or folded scalar); planwright edits only one-line values",
        ),
        (
            "- [ ] T001 a\n- [ ] T001 b\n",
            &["done", "plan.md", "T001"][..],
            "plan.md: `T001` matches 2 tasks; name one by the name `next` gives it (`T001 (1)`) or #index (`#1`):\n  #1 T001 [ ] a\n  #2 T001 [ ] b",
        ),
    ];
    for (text, args, message) in cases {
        let (code, out, err, after) = run(text, args);
        assert_eq!(code, Some(2), "{args:?}");
        assert_eq!(out, "");
        assert_eq!(err, format!("planwright: error: {message}\n"));
        assert_eq!(after, text, "{args:?} changed the plan");
    }
}

#[test]
fn a_repeated_id_with_its_text_names_one_task() {
    let text = "- [x] T001 a\n- [ ] T001 b\n- [ ] T002 c\n";
    let (code, out, err, after) = run(text, &["done", "plan.md", "T001 b"]);
    assert_eq!((code, err.as_str()), (Some(0), ""), "{out}");
    assert_eq!(after, "- [x] T001 a\n- [x] T001 b\n- [ ] T002 c\n");
}

#[test]
fn a_leading_no_break_space_is_kept() {
    let text = "---\nowner: al\n---\n# T\n";
    let (code, _, err, after) = run(text, &["set", "plan.md", "owner", "\u{a0}nbsp "]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(after, "---\nowner: \u{a0}nbsp\n---\n# T\n");
}

#[test]
fn a_missing_field_is_reported_before_a_status_the_dialect_lacks() {
    // An rfc plan (goals, non-goals, stakeholders) without a status field:
    // `--force` for the value would not help, so the field comes first.
    let text = "# Dark mode\n\n**Owner:** Ann\n\n## Goals\n\n## Non-Goals\n\n## Stakeholders\n\n- [ ] T001 a\n";
    let missing = "planwright: error: plan.md: no field `status` in the plan header (it has: Owner); use --add to add it\n";
    for args in [
        &["set", "plan.md", "status", "Weird"][..],
        &["set", "plan.md", "status", "Weird", "--force"],
    ] {
        let (code, out, err, after) = run(text, args);
        assert_eq!((code, out.as_str(), err.as_str()), (Some(2), "", missing));
        assert_eq!(after, text);
    }
    // With --add, the value is what is left to object to.
    let (code, _, err, after) = run(text, &["set", "plan.md", "status", "Weird", "--add"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("`Weird` is not a status of the rfc dialect"),
        "{err}"
    );
    assert_eq!(after, text);
}

#[test]
fn an_added_field_joins_a_metadata_sections_list() {
    let text = "# Plan\n\n## Metadata\n\n- **Status:** Draft\n- **Owner:** bob\n\n## Phase 1\n\n- [ ] T001 a\n";
    let (code, out, err, after) = run(text, &["set", "plan.md", "priority", "high", "--add"]);
    assert_eq!((code, err.as_str()), (Some(0), ""), "{out}");
    assert_eq!(after, text.replace("bob\n", "bob\n- **Priority:** high\n"));
}

#[test]
fn a_value_leaves_the_lines_after_it_as_they_read() {
    // A lone backtick would open a code span that the Status line's
    // backtick closes, turning that field into code on GitHub.
    let text = "# Plan\n\n**Owner:** bob\n**Status:** Draft `x`\n**Date:** 2025-01-01\n";
    let (code, out, err, after) = run(text, &["set", "plan.md", "owner", "a`b"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (Some(0), "set owner: a`b\n", "")
    );
    assert_eq!(after, text.replace("bob", "a\\`b"));
    // So are an open tag, a bracket and a star, and markup the value
    // closes itself: the value is text.
    for (value, written) in [
        ("<b>bold", "\\<b>bold"),
        ("see [x", "see \\[x"),
        ("a*b", "a\\*b"),
        ("`v2` of [spec](spec.md)", "\\`v2\\` of \\[spec\\](spec.md)"),
    ] {
        let (code, _, err, after) = run(text, &["set", "plan.md", "owner", value]);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{value}");
        assert_eq!(after, text.replace("bob", written), "{value}");
    }
    // Where the value's backtick would close one the plan left open (in
    // code a backslash is text), nothing is written, and the refusal says
    // what would work.
    let text = "# Plan\n\n**Note:** it`s\n**Owner:** bob\n";
    let (code, _, err, after) = run(text, &["set", "plan.md", "owner", "`x`"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "planwright: error: plan.md: the value cannot be written as a bold field: a backtick in it would close the code span that a backtick on line 3 opens, and in code a `\\` is text, so no escape in the value can prevent it; escape that backtick in the plan (write it \\`), or leave backticks out of the value\n"
    );
    assert_eq!(after, text);
    let text = text.replace("it`s", "it\\`s");
    let (code, _, err, after) = run(&text, &["set", "plan.md", "owner", "``x``"]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(after, text.replace("bob", "\\`\\`x\\`\\`"));
}

#[test]
fn a_value_set_with_markup_escaped_shows_as_given() {
    let text = "# Plan\n\n**Estimate:** 1 week\n**Owner:** bob\n";
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("plan.md"), text).expect("write");
    for value in ["~2 weeks", "a*b and [c", "<Vec> of `T`", "C:\\dir"] {
        let out = planwright(&["set", "plan.md", "estimate", value], dir.path());
        assert_eq!(
            (out.status.code(), stderr(&out)),
            (Some(0), String::new()),
            "{value}"
        );
        let out = planwright(&["show", "plan.md", "--format", "json"], dir.path());
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let field = &doc["metadata"][0];
        assert_eq!(field["key"], "Estimate");
        assert_eq!(field["value"], value);
        let human = stdout(&planwright(&["show", "plan.md"], dir.path()));
        assert!(human.contains(&format!("  Estimate  {value}\n")), "{human}");
    }
    // Its range still points at what is written.
    let out = planwright(&["set", "plan.md", "estimate", "~2 weeks"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(dir.path().join("plan.md")).expect("read");
    assert_eq!(written, text.replace("1 week", "\\~2 weeks"));
    let out = planwright(&["show", "plan.md", "--format", "json"], dir.path());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let range = &doc["metadata"][0]["value_range"];
    let offset = |end: &str| {
        range[end]["offset"]
            .as_u64()
            .and_then(|o| usize::try_from(o).ok())
    };
    let (start, end) = (offset("start").expect("start"), offset("end").expect("end"));
    assert_eq!(&written[start..end], "\\~2 weeks");
}

#[test]
fn a_value_written_in_markup_reads_as_its_text_and_keeps_it_when_set() {
    // `set` writes a new value inside the code span or emphasis the old
    // one was written in; the model reads the text inside, so what is set
    // shows as given.
    let text = "# Plan\n\n**Branch**: `001-todo`\n**Status**: *Draft*\n";
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("plan.md"), text).expect("write");
    let values = |dir: &Path| {
        let out = planwright(&["show", "plan.md", "--format", "json"], dir);
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        [0, 1].map(|i| {
            doc["metadata"][i]["value"]
                .as_str()
                .unwrap_or("?")
                .to_owned()
        })
    };
    assert_eq!(values(dir.path()), ["001-todo", "Draft"]);
    for (field, value) in [("branch", "002-done"), ("status", "In Progress")] {
        let out = planwright(&["set", "plan.md", field, value], dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let written = std::fs::read_to_string(dir.path().join("plan.md")).expect("read");
    assert_eq!(
        written,
        "# Plan\n\n**Branch**: `002-done`\n**Status**: *In Progress*\n"
    );
    assert_eq!(values(dir.path()), ["002-done", "In Progress"]);
}

#[test]
fn a_date_that_names_no_day_is_refused_unless_forced() {
    let text = "---\ncreated: 2024-01-01\n---\n# P\n\n**Target:** 2024-06-01 to 2024-07-01\n";
    let (code, out, err, after) = run(text, &["set", "plan.md", "created", "2024-02-31"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            Some(2),
            "",
            "planwright: error: plan.md: `2024-02-31` is not a date: February 2024 has 29 days; give a day the calendar has, or --force to write it as it is\n"
        )
    );
    assert_eq!(after, text);
    // Every date of the value counts, as `lint` reads them all.
    let (code, _, err, after) = run(
        text,
        &["set", "plan.md", "target", "2024-06-01 to 2024-06-31"],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("June 2024 has 30 days"), "{err}");
    assert_eq!(after, text);
    // A month or day 0 names none either.
    for (date, why) in [("2024-00-10", "no month 0"), ("2024-01-00", "no day 0")] {
        let (code, _, err, after) = run(text, &["set", "plan.md", "created", date]);
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains(why), "{err}");
        assert_eq!(after, text);
    }
    let (code, _, _, after) = run(
        text,
        &["set", "plan.md", "created", "2024-02-31", "--force"],
    );
    assert_eq!(code, Some(0));
    assert_eq!(after, text.replace("2024-01-01", "\"2024-02-31\""));
}

#[test]
fn the_line_after_a_bold_field_is_kept_unless_it_wraps_the_value() {
    // A note, a sentence, a table-like line and a plain field under a
    // short bold field are lines of their own: `set` leaves them.
    for next in [
        "_Status changes need sign-off from the PM._",
        "Last reviewed by carol on 2024-01-02",
        "| Priority: high |",
        "Reviewer: carol",
    ] {
        let text =
            format!("# Plan: X\n\n**Owner:** bob\n**Status:** Draft\n{next}\n\n- [ ] T001 a\n");
        let (code, out, err, after) = run(&text, &["set", "plan.md", "status", "Done"]);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{next}");
        assert_eq!(out, "set status: Done\n", "{next}");
        assert_eq!(after, text.replace("Draft", "Done"), "{next}");
    }
    // A value wrapped mid-phrase is one value, replaced whole.
    let text = "# Plan: X\n\n**Goal:** export invoices as CSV for the finance team, and\nkeep the old PDF export\n";
    let (code, _, err, after) = run(text, &["set", "plan.md", "goal", "CSV export"]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(after, "# Plan: X\n\n**Goal:** CSV export\n");
}

#[test]
fn a_third_plain_field_among_bold_ones_is_read_and_set_in_place() {
    let text = "# P\n\n**Status:** Draft\nOwner: bob\nReviewer: carol\n\n- [ ] T001 a\n";
    let (code, out, _, _) = run(text, &["show", "plan.md"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("  Reviewer  carol\n"), "{out}");
    let (code, _, err, after) = run(text, &["set", "plan.md", "reviewer", "dave"]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(after, text.replace("carol", "dave"));
}

#[test]
fn a_tasks_own_field_is_not_the_plans_in_a_plan_without_sections() {
    let text =
        "# Plan: Task owners\n\n**Status:** Draft\n\n- [ ] T001 Build API\n  **Owner:** alice\n";
    let (code, _, err, after) = run(text, &["set", "plan.md", "owner", "bob"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("no field `owner` in the plan header (it has: Status)"),
        "{err}"
    );
    assert_eq!(after, text);
    // `--add` puts the plan's own above the tasks.
    let (code, _, _, after) = run(text, &["set", "--add", "plan.md", "owner", "bob"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        after,
        text.replace("**Status:** Draft\n", "**Status:** Draft\n**Owner:** bob\n")
    );
}

#[test]
fn set_title_names_the_heading_and_an_empty_status_is_always_allowed() {
    let text = "# Plan: Billing\n\n**Status:** Draft\n";
    let (code, _, err, after) = run(text, &["set", "plan.md", "title", "New"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "planwright: error: plan.md: the plan's title is its heading on line 1, not a field, and `set` edits fields; change the heading there\n"
    );
    assert_eq!(after, text);
    // `""` empties the status even where the dialect lists its values.
    let speckit = "# Implementation Plan: Sync\n\n**Branch**: `014-sync` | **Date**: 2026-10-05 | **Spec**: spec.md\n**Status**: Draft\n\n## Summary\n\nText.\n\n## Technical Context\n\nText.\n";
    let (code, out, err, after) = run(speckit, &["set", "plan.md", "status", ""]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (Some(0), "set status: (empty)\n", "")
    );
    assert_eq!(after, speckit.replace("**Status**: Draft", "**Status**:"));
}

#[test]
fn a_yaml_block_below_the_title_is_not_front_matter_to_add_to() {
    // Rendered, the block is a thematic break and a `foo: bar` heading.
    let text = "# T\n---\nfoo: bar\n---\n\n- [ ] T001 a\n";
    let (code, out, err, after) = run(text, &["set", "plan.md", "foo", "baz"]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert!(err.contains("no field `foo` in the plan header"), "{err}");
    assert_eq!(after, text);
    let (code, _, err, after) = run(text, &["set", "--add", "plan.md", "status", "Draft"]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(
        after,
        "# T\n\n**Status:** Draft\n\n---\nfoo: bar\n---\n\n- [ ] T001 a\n"
    );
}
