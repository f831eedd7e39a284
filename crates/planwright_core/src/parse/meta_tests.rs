//! The metadata reader on single lines, comments and front matter.

use super::*;

fn bold(line: &str) -> Vec<(&str, &str, bool)> {
    let mut fields = Vec::new();
    bold_fields(line, &mut fields);
    fields
        .into_iter()
        .map(|f| {
            let MetaStyle::Bold { colon_inside } = f.style else {
                unreachable!()
            };
            (
                &line[f.key.0..f.key.1],
                &line[f.value.0..f.value.1],
                colon_inside,
            )
        })
        .collect()
}

#[test]
fn bold_field_forms() {
    assert_eq!(bold("**Status:** Draft"), [("Status", "Draft", true)]);
    // Underscores render as bold alike.
    assert_eq!(bold("__Status:__ Draft"), [("Status", "Draft", true)]);
    assert_eq!(bold("__Owner__: Ana"), [("Owner", "Ana", false)]);
    assert_eq!(
        bold("__init__: the constructor"),
        [("init", "the constructor", false)]
    );
    assert!(bold("_Status:_ Draft").is_empty());
    // Notes after the value are not the value.
    assert_eq!(
        bold("**Status:** Draft[^1] <!-- synced -->"),
        [("Status", "Draft", true)]
    );
    assert_eq!(bold("**Status:** [^1]"), [("Status", "[^1]", true)]);
    assert_eq!(
        bold("**Created**: 2026-01-02  "),
        [("Created", "2026-01-02", false)]
    );
    assert_eq!(
        bold("**Branch**: `010-x` | **Date**: 2026-05-18 | **Spec**: [spec.md](spec.md)"),
        [
            ("Branch", "`010-x`", false),
            ("Date", "2026-05-18", false),
            ("Spec", "[spec.md](spec.md)", false)
        ]
    );
    assert_eq!(
        bold("**Status:** Draft | In Progress | Completed"),
        [("Status", "Draft | In Progress | Completed", true)]
    );
    assert_eq!(bold("**Bold text** without colon"), []);
    assert_eq!(bold("**Empty:**"), [("Empty", "", true)]);
}

#[test]
fn a_hard_break_is_no_part_of_the_value() {
    assert_eq!(bold("**Status:** Draft\\"), [("Status", "Draft", true)]);
    assert_eq!(bold("**Status:** Draft \\"), [("Status", "Draft", true)]);
    assert_eq!(bold("**Status:**\\"), [("Status", "", true)]);
    // An escaped backslash is text.
    assert_eq!(bold("**Path:** C:\\\\"), [("Path", "C:\\\\", true)]);
    assert_eq!(
        bold("**A:** x | **B:** y\\"),
        [("A", "x", true), ("B", "y", true)]
    );
    assert_eq!(bold("**Status:** Draft<br>"), [("Status", "Draft", true)]);
    assert_eq!(
        bold("**Status:** Draft <br />"),
        [("Status", "Draft", true)]
    );
    let l = "Owner: Ann<br>";
    let f = plain_field(l).unwrap();
    assert_eq!(&l[f.value.0..f.value.1], "Ann");
    let l = "Owner: Ann\\";
    let f = plain_field(l).unwrap();
    assert_eq!(&l[f.value.0..f.value.1], "Ann");
}

#[test]
fn values_are_trimmed_of_ascii_blanks_only() {
    assert_eq!(
        bold("**Owner:** \u{a0}Ann\u{2003} "),
        [("Owner", "\u{a0}Ann\u{2003}", true)]
    );
    let y = "owner: \u{a0}Ann\u{a0}\n";
    let f = &front_matter_fields(y)[0];
    assert_eq!(&y[f.value.0..f.value.1], "\u{a0}Ann\u{a0}");
    let c = "<!-- OWNER: \u{a0}Ann -->";
    let f = comment_field(c).unwrap();
    assert_eq!(&c[f.value.0..f.value.1], "\u{a0}Ann");
}

#[test]
fn quoted_front_matter_keys_are_keys() {
    let y = "\"owner\": bob\n'team' : core # c\n\"\": x\n\"a\": \n\"open: x\n\"k\"x: y\n";
    let got: Vec<_> = front_matter_fields(y)
        .into_iter()
        .map(|f| (&y[f.key.0..f.key.1], &y[f.value.0..f.value.1]))
        .collect();
    assert_eq!(got, [("owner", "bob"), ("team", "core"), ("a", "")]);
    // Escapes are decoded in the model's key.
    let plan = crate::parse("---\n\"ow\\x6eer\": bob\n'it''s': x\n---\n# T\n");
    let keys: Vec<_> = plan
        .metadata
        .iter()
        .map(|m| (m.key.as_str(), m.norm.as_str()))
        .collect();
    assert_eq!(keys, [("owner", "owner"), ("it's", "it_s")]);
}

#[test]
fn key_ranges_hold_no_white_space() {
    // No-break and other Unicode spaces are trimmed from the key's
    // range as from the key itself.
    assert_eq!(bold("**\u{a0}Status:** Draft"), [("Status", "Draft", true)]);
    assert_eq!(bold("**Owner\u{3000}**: Ann"), [("Owner", "Ann", false)]);
    let c = "<!--\u{a0}KEY\u{2003}: v -->";
    let f = comment_field(c).unwrap();
    assert_eq!(&c[f.key.0..f.key.1], "KEY");
    let y = "status\u{a0}: draft\n";
    let f = &front_matter_fields(y)[0];
    assert_eq!(&y[f.key.0..f.key.1], "status");
    let l = "\u{a0}Owner\u{a0}: [Team]";
    let f = plain_field(l).unwrap();
    assert_eq!(&l[f.key.0..f.key.1], "Owner");
}

#[test]
fn comment_and_front_matter_fields() {
    let c = "<!-- FEATURE_ID: {{feature_id}} -->";
    let f = comment_field(c).unwrap();
    assert_eq!(&c[f.key.0..f.key.1], "FEATURE_ID");
    assert_eq!(&c[f.value.0..f.value.1], "{{feature_id}}");
    assert!(comment_field("<!-- planwright-disable PW101 -->").is_none());
    assert!(comment_field("<!-- just a note -->").is_none());
    let y = "title: \"Plan\"\nstatus: draft\ntags:\n  - a\n";
    let got: Vec<_> = front_matter_fields(y)
        .into_iter()
        .map(|f| (&y[f.key.0..f.key.1], &y[f.value.0..f.value.1]))
        .collect();
    assert_eq!(
        got,
        [("title", "Plan"), ("status", "draft"), ("tags", "- a")]
    );
}

#[test]
fn front_matter_values_stop_before_a_comment() {
    let y = "a: draft # by QA\nb: \"x # y\"  # z\nc: 'it''s' #\nd: # empty\ne: u#v\nf: \"open\n";
    let got: Vec<_> = front_matter_fields(y)
        .into_iter()
        .map(|f| (&y[f.key.0..f.key.1], &y[f.value.0..f.value.1]))
        .collect();
    assert_eq!(
        got,
        [
            ("a", "draft"),
            ("b", "x # y"),
            ("c", "it''s"),
            ("d", ""),
            ("e", "u#v"),
            ("f", "\"open")
        ]
    );
    // Quotes inside a flow collection hide a `#` too; anchors and tags
    // are not part of the value.
    let y = "o: [a, \"b # c\"] # d\np: {x: 'y # z'}\nq: &o bob\nr: !!str 12 # n\ns: &a !t v\nt: &only\n";
    let got: Vec<_> = front_matter_fields(y)
        .into_iter()
        .map(|f| &y[f.value.0..f.value.1])
        .collect();
    assert_eq!(
        got,
        ["[a, \"b # c\"]", "{x: 'y # z'}", "bob", "12", "v", ""]
    );
    let y = "a: draft # by QA\nb: \"x # y\"  # z\nc: 'it''s' #\nd: # empty\ne: u#v\nf: \"open\n";
    // An empty value before a comment sits right after the colon.
    let d = &front_matter_fields(y)[3];
    assert_eq!(&y[d.value.0 - 2..d.value.0], "d:");
}

#[test]
fn plain_fields() {
    let l = "Owner: [Team/member]";
    let f = plain_field(l).unwrap();
    assert_eq!(&l[f.value.0..f.value.1], "[Team/member]");
    assert!(plain_field("See https://example.com").is_none());
    assert!(plain_field("A very long sentence that happens to have: a colon").is_none());
}

/// The front matter's range and its fields as (key, value), each
/// sliced from `src` by its ranges.
fn read_front_matter(src: &str) -> (Option<&str>, Vec<(&str, &str)>) {
    let plan = crate::parse(src);
    let fields = plan
        .metadata
        .iter()
        .filter(|m| m.style == MetaStyle::FrontMatter)
        .map(|m| (m.key_range.slice(src), m.value_range.slice(src)))
        .collect();
    (plan.front_matter.map(|r| r.slice(src)), fields)
}

#[test]
fn front_matter_after_a_blank_line_is_read() {
    let fields = [("title", "X"), ("status", "Draft")];
    for (src, fence) in [
        (
            "---\n\ntitle: X\nstatus: Draft\n---\n\n# X\n\n## Summary\n\nText.\n",
            "---\n\ntitle: X\nstatus: Draft\n---",
        ),
        (
            "\u{feff}---\r\n\r\ntitle: X\r\nstatus: Draft\r\n---  \r\n\r\n# X\r\n\r\n## Summary\r\n\r\nText.\r\n",
            "---\r\n\r\ntitle: X\r\nstatus: Draft\r\n---  ",
        ),
        (
            "---\r\rtitle: X\rstatus: Draft\r...\r# X\r\r## Summary\r\rText.\r",
            "---\r\rtitle: X\rstatus: Draft\r...",
        ),
    ] {
        assert_eq!(
            read_front_matter(src),
            (Some(fence), fields.to_vec()),
            "{src:?}"
        );
        let plan = crate::parse(src);
        let headings: Vec<&str> = plan.sections.iter().map(|s| s.heading.slice(src)).collect();
        assert_eq!(headings, ["# X", "## Summary"], "{src:?}");
        assert_eq!(plan.title.map(|t| t.text.to_string()).as_deref(), Some("X"));
    }
    // Comments, lists, nested maps and block scalars are YAML's too.
    let src = "---\n\n# by hand\ntitle: \"X\"\ntags:\n- a\n- b\nowner:\n  name: ops\nnote: |\n  two\n\n  lines\n...\n\n# X\n";
    assert_eq!(
        read_front_matter(src).1,
        [
            ("title", "X"),
            ("tags", "- a\n- b"),
            ("owner", ""),
            ("note", "|\n  two\n\n  lines")
        ]
    );
}

#[test]
fn a_thematic_break_before_prose_is_no_front_matter() {
    for src in [
        "---\n\nSome prose here.\n---\n\n# X\n",
        "---\n\ntitle: X\nThis is prose.\n---\n",
        "---\n\nNote that: this reads as prose\n---\n",
        "---\n\n---\n\n# X\n",
        "---\n\ntitle: X\n\n# X\n",
        "---\n\n    code: x\n---\n",
        "---\n\n- item\ntitle: X\n---\n",
        "----\n\ntitle: X\n---\n",
        " ---\n\ntitle: X\n---\n",
        "# T\n\n---\n\ntitle: X\n---\n",
    ] {
        assert_eq!(read_front_matter(src), (None, vec![]), "{src:?}");
    }
}

#[test]
fn lists_values_reads_the_last_word_of_a_key() {
    assert!(lists_values("priority_values"));
    assert!(lists_values("scale"));
    assert!(lists_values("allowed_status"));
    assert!(!lists_values("status"));
    assert!(!lists_values("value"));
    assert!(!lists_values(""));
}

#[test]
fn fields_on_one_line_are_split_at_any_separator() {
    let pairs = |line: &str| -> Vec<(String, String)> {
        bold(line)
            .into_iter()
            .map(|(k, v, _)| (k.to_owned(), v.to_owned()))
            .collect()
    };
    let two = |a: &str, b: &str| {
        vec![
            ("A".to_owned(), a.to_owned()),
            ("B".to_owned(), b.to_owned()),
        ]
    };
    for sep in [
        " · ", " • ", "; ", ", ", " — ", " – ", " / ", " - ", " <br> ", "<br/>", "  ", " |",
    ] {
        let line = format!("**A:** one{sep}**B:** two");
        assert_eq!(pairs(&line), two("one", "two"), "{line:?}");
    }
    // A slash or dash that ends a word is the value's.
    assert_eq!(pairs("**A:** src/ **B:** two"), two("src/", "two"));
    assert_eq!(pairs("**A:** x- **B:** two"), two("x-", "two"));
    // Bold inside a word, or bold without a colon, starts no field.
    assert_eq!(bold("**A:** x**B:** y"), [("A", "x**B:** y", true)]);
    assert_eq!(
        bold("**A:** a **bold** claim"),
        [("A", "a **bold** claim", true)]
    );
    // A bold label in prose, after one blank or in brackets, is the
    // value's words.
    assert_eq!(
        bold("**Goal:** read lines like **Status:** Done from old plans"),
        [(
            "Goal",
            "read lines like **Status:** Done from old plans",
            true
        )]
    );
    assert_eq!(
        pairs("**A:** Draft (was **Blocked:** review) · **B:** two"),
        two("Draft (was **Blocked:** review)", "two")
    );
    // An empty value before the next field.
    assert_eq!(pairs("**A:** · **B:** two"), two("", "two"));
    // A date, number, version or single word is a whole value: the label
    // one blank after it opens the next field. Words, or a digit in a word
    // that runs into the bold, keep it.
    assert_eq!(
        bold("**Status:** Draft **Owner:** bob"),
        [("Status", "Draft", true), ("Owner", "bob", true)]
    );
    assert_eq!(
        pairs("**A:** 2026-02-20 **B:** Global sync — hook conflicted"),
        two("2026-02-20", "Global sync — hook conflicted")
    );
    assert_eq!(pairs("**A:** v1.2 **B:** two"), two("v1.2", "two"));
    assert_eq!(
        bold("**A:** ship 2 **B:** y"),
        [("A", "ship 2 **B:** y", true)]
    );
    assert_eq!(bold("**A:** 1**B:** y"), [("A", "1**B:** y", true)]);
}

#[test]
fn a_value_that_opens_with_a_bold_label_is_one_field() {
    assert_eq!(
        bold("**Description**: **NOTE**: kept as is"),
        [("Description", "**NOTE**: kept as is", false)]
    );
}

#[test]
fn a_legend_of_markers_is_no_field() {
    let src = "# Tasks\n\n- **[P]**: can run in parallel\n- **[Story]**: the story a task serves\n- **Owner**: Ana\n";
    let plan = crate::parse(src);
    let keys: Vec<&str> = plan.metadata.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(keys, ["Owner"]);
}

#[test]
fn a_status_named_as_the_plans_is_the_plans_wherever_it_stands() {
    // Below the last phase, a `**Status**:` may be that phase's; a
    // `**Plan Status**:` says whose it is.
    let src = "# Plan: F\n\n## Phase 1: Build\n- [x] a\n\n## Phase 2: Ship\n- [ ] b\n\n---\n\n**Plan Status**: Complete\n";
    let plan = crate::parse(src);
    let field = plan.status_field("status").expect("the plan's status");
    assert_eq!(
        (field.key.as_str(), field.value.as_str()),
        ("Plan Status", "Complete")
    );
    assert!(field.is_header() && field.phase.is_none());
    assert!(plan.phases.iter().all(|p| p.status.is_none()));
    // A plain `Status` there stays the phase's; the plan has none.
    let plan = crate::parse(&src.replace("Plan Status", "Status"));
    assert!(plan.status_field("status").is_none());
    // The dialect's own key and `Status` come first.
    let plan = crate::parse("**Status**: Draft\n**Overall Status**: Done\n");
    assert_eq!(
        plan.status_field("status").map(|f| f.value.as_str()),
        Some("Draft")
    );
}
