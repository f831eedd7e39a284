//! Whose a field is: the plan's header (written bold, plain, as a list
//! under a metadata section or in a quote), a section of tasks', or
//! nobody's (a sentence that looks like one).

use crate::parse;

/// The plan's fields as (key, value), in order.
fn key_values(src: &str) -> Vec<(String, String)> {
    parse(src)
        .metadata
        .iter()
        .map(|f| (f.key.to_string(), f.value.to_string()))
        .collect()
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
fn a_risks_or_a_stories_status_is_not_the_plans() {
    let status = |src: &str| parse(src).field("status").map(|f| f.value.to_string());
    // Under a section of risks (or decisions, alternatives, requirements,
    // open questions), however deep: the risk's.
    let risk = "# Plan\n\n## Overview\n\nWe build it.\n\n## Risks\n\n### Risk 1: slow db\n\n**Status:** Mitigated\n**Owner:** ann\n";
    assert_eq!(status(risk), None);
    assert!(parse(risk).field("owner").is_none());
    let decision = "# Plan\n\n## Overview\n\nx\n\n## Decisions\n\n**Status:** Accepted\n";
    assert_eq!(status(decision), None);
    // Also when that section comes first, where an overview would be the
    // header's.
    assert_eq!(
        status("# Plan\n\n## Decisions\n\n**Status:** Accepted\n"),
        None
    );
    // Sibling sections stating the same key are items, whatever their
    // parent is called; a lone one under a plain heading is still read.
    let stories = "# Plan\n\n## Overview\n\nx\n\n## User Stories\n\n### Story 1\n\n**Status:** Done\n\n### Story 2\n\n**Status:** To do\n";
    assert_eq!(status(stories), None);
    let lone =
        "# Plan\n\n## Overview\n\nx\n\n## Wrap-up\n\n### Where it stands\n\n**Status:** Ready\n";
    assert_eq!(status(lone).as_deref(), Some("Ready"));
    // Sections right under the title are the plan's own, not items: a
    // closing status beside an owner stated earlier is the plan's.
    let top = "# Plan\n\n## Overview\n\n**Owner:** ann\n\n## Next Steps\n\n**Owner:** bob\n\n**Status:** Ready\n";
    assert_eq!(status(top).as_deref(), Some("Ready"));
    assert_eq!(parse(top).field("owner").unwrap().value, "ann");
    // `Plan Status` says whose it is wherever it stands.
    let named = "# Plan\n\n## Overview\n\nx\n\n## Risks\n\n**Plan Status:** Blocked\n";
    assert_eq!(
        parse(named)
            .status_field("status")
            .map(|f| f.value.to_string()),
        Some("Blocked".into())
    );
}

#[test]
fn a_block_quotes_bold_lines_are_no_fields() {
    // A callout, a quote with prose in it, a quote in a list item.
    let src = "# Plan\n\n> **For agentic workers:** use the skill.\n\n> **Status:** Completed\n> when the review is over\n\n**Status:** Draft\n\n- a\n  > **Owner:** q\n\n## Tasks\n\n- [ ] T001 x\n";
    let fields = key_values;
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
fn a_quote_of_a_phases_fields_is_the_phases() {
    let src = "# P\n\n## Phase 1: A\n\n- [ ] T001 a\n\n## Phase 2: B\n\n> **Depends on:** Phase 1\n> **Goal:** ship\n\n- [ ] T002 b\n\n## Phase 3: C\n\n> **Duration:** 2 days\n";
    let plan = parse(src);
    let labels: Vec<_> = plan.phases[1]
        .depends_on
        .iter()
        .map(|r| r.target.label())
        .collect();
    assert_eq!(labels, ["Phase 1"]);
    assert_eq!(plan.phases[1].goal.as_deref(), Some("ship"));
    // One field alone, when a phase states it of itself.
    assert_eq!(plan.phases[2].estimate.as_deref(), Some("2 days"));
    // Callouts under a phase are no fields of it, one or two.
    for quote in [
        "> **Tip:** run it twice",
        "> **Note:** slow\n> **Tip:** run it twice",
    ] {
        let plan = parse(&format!(
            "# P\n\n## Phase 1: A\n\n{quote}\n\n- [ ] T001 a\n"
        ));
        assert!(plan.metadata.is_empty(), "{quote}");
    }
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
    // `Note:` alone is a sentence; below the header, a section's text.
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
    // One line alone is a field when its key is one a header usually
    // states; `Repo:` or `Note:` alone may be a sentence.
    let one = |src: &str| key_values(src);
    assert_eq!(
        one("# P\n\nStatus: On hold\n\n## Tasks\n\n- [ ] a\n"),
        [("Status".into(), "On hold".into())]
    );
    assert_eq!(one("# P\n\nOwner: ana\n"), [("Owner".into(), "ana".into())]);
    assert_eq!(one("# P\n\nRepo: mdcode\n"), []);
    assert_eq!(one("# P\n\nStatus: it is not clear yet.\n"), []);
    assert_eq!(one("# P\n\n## Work\n\nStatus: Blocked\n"), []);
}

#[test]
fn a_header_paragraph_mixing_bold_and_plain_lines_reads_both() {
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    // The plain line is a field of its own, not more of the bold value.
    let src = "# Plan\n\n**Owner:** Marta\nStatus: Draft\n\n- [ ] a\n";
    assert_eq!(
        key_values(src),
        [pair("Owner", "Marta"), pair("Status", "Draft")]
    );
    assert_eq!(
        parse(src).field("status").unwrap().value_range.slice(src),
        "Draft"
    );
    assert_eq!(
        key_values("# Plan\n\nStatus: Draft\n**Owner:** Marta\n"),
        [pair("Status", "Draft"), pair("Owner", "Marta")]
    );
    // A line with another key still goes on with the value above it.
    assert_eq!(
        key_values("# Plan\n\n**Goal:** speed\nscope: the reader\n"),
        [pair("Goal", "speed scope: the reader")]
    );
}

#[test]
fn plain_header_fields_on_one_line_are_split_at_their_separators() {
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    let src = "# Plan\n\nStatus: Draft | Owner: Ana | Priority: High\n\n- [ ] a\n";
    assert_eq!(
        key_values(src),
        [
            pair("Status", "Draft"),
            pair("Owner", "Ana"),
            pair("Priority", "High")
        ]
    );
    let plan = parse(src);
    let owner = plan.field("owner").unwrap();
    assert_eq!(owner.value_range.slice(src), "Ana");
    assert_eq!(owner.range.slice(src), "Owner: Ana");
    // A part that is no field is more of the value before it.
    assert_eq!(
        key_values("# Plan\n\nStatus: Draft | Scope: web | mobile\n"),
        [pair("Status", "Draft"), pair("Scope", "web | mobile")]
    );
}

#[test]
fn plain_items_of_a_metadata_section_are_the_headers_fields() {
    let fields = key_values;
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

/// Bold field `key`'s value and the source its `value_range` covers.
fn value_and_slice(src: &str, key: &str) -> (String, String) {
    let plan = parse(src);
    let f = plan.field(key).unwrap();
    assert!(f.range.contains_range(f.value_range), "{src:?}");
    (f.value.to_string(), f.value_range.slice(src).to_owned())
}

#[test]
fn a_bold_value_goes_on_over_the_next_lines_of_its_paragraph() {
    let pair = |v: &str, s: &str| (v.to_owned(), s.to_owned());
    // Markdown renders the next line as more of the paragraph, after a
    // space: the value reads so, and its range covers both lines.
    let src =
        "# M\n\n**Goal:** first line of the goal\ncontinues here.\n**Owner:** alice\n\n- [ ] a\n";
    assert_eq!(
        value_and_slice(src, "goal"),
        pair(
            "first line of the goal continues here.",
            "first line of the goal\ncontinues here."
        )
    );
    // A line that starts a field of its own is that field.
    assert_eq!(value_and_slice(src, "owner"), pair("alice", "alice"));
    // Line endings of every kind.
    for ending in ["\r\n", "\r"] {
        let src = src.replace('\n', ending);
        let (value, slice) = value_and_slice(&src, "goal");
        assert_eq!(value, "first line of the goal continues here.");
        assert_eq!(
            slice,
            format!("first line of the goal{ending}continues here.")
        );
    }
    // A list item's next line, indented or lazy, and a quote's: the
    // container's markers are no part of the value.
    let item = "# P\n\n- **Goal:** one\n  two\nthree\n- **Owner:** a\n";
    assert_eq!(
        value_and_slice(item, "goal"),
        pair("one two three", "one\n  two\nthree")
    );
    let quote = "# P\n\n> **Status:** Draft\n> **Goal:** a\n>  b\n\n## T\n";
    assert_eq!(value_and_slice(quote, "goal"), pair("a b", "a\n>  b"));
    assert_eq!(value_and_slice(quote, "status").0, "Draft");
    // Markup may span the lines; a value empty on its label's line starts
    // on the next.
    assert_eq!(
        value_and_slice("# P\n\n**Goal:** *a\nb*\n", "goal"),
        pair("a b", "*a\nb*")
    );
    assert_eq!(
        value_and_slice("# P\n\n**Goal:**\nBuild it.\n", "goal"),
        pair("Build it.", "Build it.")
    );
}

#[test]
fn a_bold_value_ends_at_a_hard_break_or_the_next_field() {
    let value = |src: &str, key: &str| value_and_slice(src, key).0;
    // A hard break ends the value's line, on its first line or a later one.
    for br in ["\\", "  ", "<br>", " <br/>"] {
        assert_eq!(
            value(&format!("# P\n\n**Goal:** one{br}\ntwo\n"), "goal"),
            "one"
        );
        let src = format!("# P\n\n**Goal:** one\ntwo{br}\nthree\n");
        assert_eq!(value_and_slice(&src, "goal").1, "one\ntwo");
    }
    // Only the line's last field goes on below it.
    let two = "# P\n\n**Date:** 2026-02-20 | **Context:** a sync that\nbroke the hook\n";
    assert_eq!(value(two, "date"), "2026-02-20");
    assert_eq!(value(two, "context"), "a sync that broke the hook");
    // A field after a separator on a later line ends the value there, as
    // on its first line.
    let later = "# P\n\n**Goal:** a\nb | **Owner:** x\ny\n";
    assert_eq!(value(later, "goal"), "a b");
    assert_eq!(value(later, "owner"), "x y");
    // A bold label after one blank in the value's words is the words'.
    assert_eq!(
        value("# P\n\n**Goal:** a\nline like **Status:** Done\n", "goal"),
        "a line like **Status:** Done"
    );
    // A paragraph's end is the value's: a list or a blank line stops it.
    let plan = parse("# P\n\n**Goal:** a\n- b\n\nc\n");
    assert_eq!(plan.field("goal").unwrap().value, "a");
    // A plain `Key: value` line under it is a field of its own in the
    // header, its choice list still a choice to make.
    let plan = parse("# P\n\n**Goal:** pick\nRisk: High/Low\n");
    assert_eq!(plan.field("goal").unwrap().value, "pick");
    assert_eq!(plan.field("risk").unwrap().value, "High/Low");
    let choices: Vec<&str> = plan.placeholders.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(choices, ["High/Low"]);
}
