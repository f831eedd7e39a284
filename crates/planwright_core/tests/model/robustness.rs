//! No input panics the reader or breaks its range invariants: generated
//! Markdown-ish text, deep nesting, and odd encodings.

use planwright_core::parse;
use proptest::prelude::*;

use crate::invariants::violations;

/// Pieces plans are made of, so generated input reaches the interesting
/// paths (tasks, fields, tables, placeholders) rather than plain prose.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# Implementation Plan: [FEATURE NAME]\n".to_owned()),
        Just("## Phase 1: Setup [Priority: HIGH]\n".to_owned()),
        Just("### Step 1.1: {{Step Title}}\n".to_owned()),
        Just("**Status:** Draft | In Progress | Completed\n".to_owned()),
        Just("**Branch**: `001-x` | **Date**: 2026-01-01\n".to_owned()),
        Just("<!-- STATUS: pending -->\n".to_owned()),
        Just("- [ ] T001 [P] [US1] Do it\n".to_owned()),
        Just("  - [x] 1.2 Nested _Requirements: 1.1_\n".to_owned()),
        Just("1. [X] Ordered\n".to_owned()),
        Just("* [-] Doing\n".to_owned()),
        Just("| Risk | Mitigation |\n|---|---|\n| a | |\n".to_owned()),
        Just("```\n{{CMD}}\n- [ ] not a task\n```\n".to_owned()),
        Just("**Dependencies**: Phases 1-3\n".to_owned()),
        Just("T001 → T002\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        // A lone carriage return ends a line in CommonMark.
        Just("\r".to_owned()),
        Just("2. **Step 2 – Sync**\n   - Owner: @mara\n".to_owned()),
        Just("> quoted - [ ] x\n".to_owned()),
        // Boxes no task is read from, kept as unread boxes.
        Just("- [] Announce\n- [ x] Typo\n- [✓] Shipped\n".to_owned()),
        // Order drawn rather than written, and a mention before its phase.
        Just("## Dependencies\n```\nPhase 1\n  ↓\nPhase 2\n```\n".to_owned()),
        Just("### Critical Path\n- Phase 1 → Phase 2 → Phase 3\n".to_owned()),
        Just("```\nT001\n ↓\nT002, T003\n```\n".to_owned()),
        Just("### Phase 1 Success\n- [ ] It works\n".to_owned()),
        Just("---\ntitle: x\n---\n".to_owned()),
        // Front-matter values YAML reads otherwise than they are written.
        Just(
            "---\ntitle: \"a\\\"b\"\nx: 'it''s'\ndesc: >-\n  one\n  two\ntags: [x, y]\nowners:\n- a\n-\nowner: [OWNER]\n---\n"
                .to_owned()
        ),
        // `İ` lower-cases to more bytes than it has: a slice by a
        // normalised length once cut it in two.
        Just("Run `{{İİ}}` and `{{ NAME }}`\n".to_owned()),
        "[ -~éİ–\\[\\]{}<>|*_`#\n]{0,40}",
    ]
}

// Case count: proptest's default, or `PROPTEST_CASES` for a longer hunt.
proptest! {
    #[test]
    fn generated_plans_keep_exact_ranges(parts in prop::collection::vec(fragment(), 0..24), bom in any::<bool>()) {
        let mut src = if bom { "\u{feff}".to_owned() } else { String::new() };
        src.push_str(&parts.concat());
        let plan = parse(&src);
        let bad = violations(&plan, &src);
        prop_assert!(bad.is_empty(), "{bad:?}\nsource: {src:?}");
    }

    #[test]
    fn arbitrary_text_never_panics(src in "\\PC{0,400}") {
        let plan = parse(&src);
        prop_assert!(violations(&plan, &src).is_empty());
    }
}

#[test]
fn deep_nesting_is_bounded() {
    let quotes = ">".repeat(50_000) + " - [ ] deep\n";
    let mut lists = String::new();
    for i in 0..2_000 {
        lists.push_str(&"  ".repeat(i));
        lists.push_str(
            "- [ ] item
",
        );
    }
    let brackets = "[".repeat(50_000) + &"]".repeat(50_000);
    let braces = "{".repeat(50_000);
    let emphasis = "*".repeat(50_000) + "x";
    for src in [quotes, lists, brackets, braces, emphasis] {
        let plan = parse(&src);
        assert!(violations(&plan, &src).is_empty());
    }
}

#[test]
fn crlf_and_bom_keep_byte_offsets() {
    let src =
        "\u{feff}# Plan: X\r\n\r\n**Status:** Draft\r\n\r\n- [ ] T001 One\r\n- [x] T002 Two\r\n";
    let plan = parse(src);
    assert!(plan.bom);
    assert_eq!(plan.line_ending, planwright_core::LineEnding::CrLf);
    assert_eq!(
        plan.field("status").unwrap().value_range.slice(src),
        "Draft"
    );
    let marks: Vec<&str> = plan
        .tasks
        .iter()
        .map(|t| t.check_range.slice(src))
        .collect();
    assert_eq!(marks, ["[ ]", "[x]"]);
    assert_eq!(plan.title.as_ref().unwrap().range.slice(src), "X");
    assert!(violations(&plan, src).is_empty());
}

#[test]
fn lone_carriage_returns_end_lines() {
    // Found by the fuzzer: the step's heading ran on to the `\n`-less end
    // of the text, past the item, which ends at the first `\r`.
    for src in [
        "2. **Step 2\r\r**",
        "2. **Step 2 – Sync**\r   - Owner: @mara\r\rAfter\r",
        "- [ ] T001 One\r- [x] T002 Two\r",
        "| a | b |\r|---|---|\r| 1 | 2 |\r",
    ] {
        let plan = parse(src);
        assert!(violations(&plan, src).is_empty(), "{src:?}");
    }
    let plan = parse("- [ ] T001 One\r- [x] T002 Two\r");
    let lines: Vec<&str> = plan
        .tasks
        .iter()
        .map(|t| t.line.slice("- [ ] T001 One\r- [x] T002 Two\r"))
        .collect();
    assert_eq!(lines, ["- [ ] T001 One", "- [x] T002 Two"]);

    // Fields and task details are read line by line, and a lone `\r`
    // ends those lines too: each value stops at its own line's end.
    let src = "**Status:** Draft\r**Owner:** Ana\r\r- [ ] T001 Build\r  _Requirements: 1.2_\r  Owner: Bo\r";
    let plan = parse(src);
    let fields: Vec<(&str, &str)> = plan
        .metadata
        .iter()
        .map(|m| (m.key.as_str(), m.value_range.slice(src)))
        .collect();
    assert_eq!(fields, [("Status", "Draft"), ("Owner", "Ana")]);
    assert_eq!(plan.tasks[0].requirements, ["1.2"]);
    assert!(violations(&plan, src).is_empty());

    // A fence and an HTML comment close at their own lines, as with `\n`
    // (pulldown-cmark alone ran both on to the end of the text).
    let src = "```\r- [ ] T009 in code\r```\r<!-- note -->\r# Build\r- [ ] T001 Real\r";
    let plan = parse(src);
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Build"]);
    let tasks: Vec<&str> = plan.tasks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(tasks, ["Real"]);
    assert_eq!(plan.code_blocks.len(), 1);
    assert!(violations(&plan, src).is_empty());
}

#[test]
fn a_code_span_over_lines_leaves_titles_on_one_line() {
    // Found by the lint fuzzer: a setext heading whose code span runs over
    // two lines gave a section title with a line break in it, and so a
    // finding that took two lines in `--format concise`.
    for ending in ["\n", "\r\n", "\r"] {
        let src =
            "# P\n\nStep `a\nb` done\n---\n\n| `x\ny` | z |\n|---|---|\n".replace('\n', ending);
        let plan = parse(&src);
        let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["P", "Step a b done"], "{ending:?}");
        assert!(violations(&plan, &src).is_empty());
    }
}

#[test]
fn a_form_feed_before_a_hash_makes_a_setext_heading() {
    // Found by the parse fuzzer: the checker took this two-line setext
    // heading for an ATX one (`trim_start` also strips a form feed) and
    // called its line break a fault.
    let src = "\u{c}# Tase| a | b |\n!\r\n--";
    let plan = parse(src);
    assert_eq!(plan.sections.len(), 1);
    assert_eq!(plan.sections[0].level, 2);
    assert_eq!(violations(&plan, src), Vec::<String>::new());
}

#[test]
fn a_title_range_may_hold_a_link_target_between_its_words() {
    // Found by the parse fuzzer: the title reads "minkink](de", written
    // with a link whose target stands between its letters.
    let src = "# [mink](d–)ink](de";
    let plan = parse(src);
    let title = plan.title.as_ref().expect("a title");
    assert_eq!(title.text, "minkink](de");
    assert_eq!(title.range.slice(src), "[mink](d–)ink](de");
    assert_eq!(violations(&plan, src), Vec::<String>::new());
}

/// The checker itself: a model whose range is off by one byte, or whose
/// index points past the end, is reported, so a passing run means something.
#[test]
fn the_invariants_catch_a_shifted_range_and_a_dangling_index() {
    let src = "# Plan\n\n## Phase 1: Build\n\n- [ ] T001 é\n";
    let mut plan = parse(src);
    assert_eq!(violations(&plan, src), Vec::<String>::new());
    plan.tasks[0].check_range.start += 1;
    plan.tasks[0].check_range.end += 1;
    assert!(
        violations(&plan, src)[0].contains("check_range slices to \" ] \""),
        "{:?}",
        violations(&plan, src)
    );
    let mut plan = parse(src);
    plan.tasks[0].phase = Some(7);
    assert_eq!(violations(&plan, src), ["task T001 (#0): phase #7 of 1"]);
}
