//! Slots in front-matter values, and the YAML that only looks like them.

use crate::model::PlaceholderKind;
use crate::parse;

/// Each placeholder: its text, kind, whether it is in metadata, and the
/// source at its range (which must be its text).
fn slots(src: &str) -> Vec<(&str, PlaceholderKind, bool)> {
    parse(src)
        .placeholders
        .iter()
        .map(|p| {
            let at = p.range.slice(src);
            assert_eq!(at, p.text, "range of {p:?}");
            (at, p.kind, p.in_metadata)
        })
        .collect()
}

fn front(yaml: &str) -> String {
    format!("---\n{yaml}---\n# Plan\n\nText.\n")
}

#[test]
fn slots_in_values_are_placeholders_in_metadata() {
    let src = front(
        "title: \"{{TITLE}}\"\nowner: [OWNER] # who\nlead: 'Bob''s [LEAD NAME]'\n\
         created: YYYY-MM-DD\nbrace: {OWNER}\nplain: Plan for <Name>\nteam: [Your team]\n",
    );
    use PlaceholderKind::*;
    assert_eq!(
        slots(&src),
        [
            ("{{TITLE}}", DoubleBrace, true),
            ("[OWNER]", Bracket, true),
            ("[LEAD NAME]", Bracket, true),
            ("YYYY-MM-DD", Date, true),
            ("{OWNER}", Brace, true),
            ("<Name>", Angle, true),
            ("[Your team]", Bracket, true),
        ]
    );
}

#[test]
fn yaml_collections_aliases_and_block_scalars_hold_no_slot() {
    let src = front(
        "tags: [auth, api]\nempty: []\none: [auth]\npeople: [Alice]\nlist: [API, CLI]\n\
         map: {a: 1}\nalias: *base\nanchored: &base x\nblock: |\n  [NOT A SLOT]\n\
         folded: >\n  <Name>\nnested:\n  owner: [OWNER]\n- [OWNER]\n",
    );
    assert_eq!(slots(&src), []);
}

#[test]
fn keys_and_comments_hold_no_slot() {
    let src = front("\"[KEY]\": value\n# owner: [OWNER]\nstatus: Draft # [OWNER]\n");
    assert_eq!(slots(&src), []);
}

#[test]
fn an_anchor_or_tag_before_a_slot_is_not_part_of_it() {
    let src = front("owner: &o [OWNER]\ntitle: !!str \"{{TITLE}}\"\n");
    let got: Vec<&str> = slots(&src).into_iter().map(|s| s.0).collect();
    assert_eq!(got, ["[OWNER]", "{{TITLE}}"]);
}

#[test]
fn spaced_front_matter_is_scanned_too() {
    let src = "---\n\nowner: [OWNER]\n---\n# Plan\n";
    let got: Vec<&str> = slots(src).into_iter().map(|s| s.0).collect();
    assert_eq!(got, ["[OWNER]"]);
}

#[test]
fn a_fence_straight_over_a_fence_is_empty_front_matter() {
    for (src, fm, title) in [
        ("---\n---\n# Plan\n", 0..7, Some("Plan")),
        ("---\r\n---  \r\n", 0..10, None),
        ("\u{feff}---\n---", 3..10, None),
    ] {
        let plan = parse(src);
        assert_eq!(
            plan.front_matter.map(crate::text::TextRange::as_usize),
            Some(fm),
            "{src:?}"
        );
        assert!(plan.metadata.is_empty() && plan.front_matter_problems.is_empty());
        assert_eq!(
            plan.title.map(|t| t.text.to_string()).as_deref(),
            title,
            "{src:?}"
        );
    }
    // Not at the start, or with text between: thematic breaks.
    for src in ["\n---\n---\n", "---\n\nNotes\n---\n", "----\n---\n"] {
        assert_eq!(parse(src).front_matter, None, "{src:?}");
    }
}

#[test]
fn a_choice_list_value_is_one_slot() {
    let src = front("status: Draft | In Progress | Done\n");
    let got: Vec<_> = slots(&src).into_iter().map(|s| (s.1, s.2)).collect();
    assert_eq!(got, [(PlaceholderKind::Choice, true)]);
}

/// `front_matter_value` reads each field's range back to the value the
/// reader gave it: the public form of what the reader does, for callers
/// that hold a range (editors, the range checks).
#[test]
fn a_value_range_reads_back_as_the_value_yaml_reads() {
    let src = front(
        "title: \"a \\\"b\\\"\"\nnote: 'it''s'\ndesc: >-\n  one\n  two\ntags: [x, y]\nowners:\n  - ana\n  - bo\nowner: [OWNER]\nplain: as is\n",
    );
    let plan = parse(&src);
    let read: Vec<(&str, String, String)> = plan
        .metadata
        .iter()
        .map(|m| {
            let slot = plan.placeholders.iter().any(|p| p.range == m.value_range);
            let back = super::front_matter_value(&src, m.value_range, slot);
            (m.key.as_str(), m.value.to_string(), back.into_owned())
        })
        .collect();
    let expected = [
        ("title", "a \"b\""),
        ("note", "it's"),
        ("desc", "one two"),
        ("tags", "x, y"),
        ("owners", "ana, bo"),
        ("owner", "[OWNER]"),
        ("plain", "as is"),
    ];
    assert_eq!(read.len(), expected.len(), "{read:?}");
    for ((key, value, back), (k, v)) in read.iter().zip(expected) {
        assert_eq!((*key, value.as_str(), back.as_str()), (k, v, v));
    }
}

#[test]
fn a_yaml_block_below_the_start_is_no_front_matter() {
    // pulldown-cmark reads these as metadata blocks; rendered, they are a
    // thematic break and a setext heading, or text between two breaks.
    for src in [
        "# T\n---\nfoo: bar\n---\n",
        "# T\n\n---\nstatus: Draft\nowner: bob\n---\n\nText.\n",
        "\n---\nfoo: bar\n---\n# T\n",
        "---\ntitle: t\n---\n# T\n---\nfoo: bar\n---\n",
    ] {
        let plan = parse(src);
        let keys: Vec<&str> = plan.metadata.iter().map(|m| &*m.key).collect();
        assert!(
            !keys.contains(&"foo") && !keys.contains(&"status"),
            "{src:?}: {keys:?}"
        );
        let starts_fm = src.starts_with("---");
        assert_eq!(
            plan.front_matter.map(|r| r.start),
            starts_fm.then_some(0),
            "{src:?}"
        );
    }
    // At the very start, after a byte-order mark too, it is front matter.
    for src in [
        "---\nfoo: bar\n---\n# T\n",
        "\u{feff}---\nfoo: bar\n---\n# T\n",
    ] {
        let plan = parse(src);
        assert_eq!(plan.metadata.len(), 1, "{src:?}");
        assert_eq!(&*plan.metadata[0].key, "foo");
    }
}

#[test]
fn yaml_null_is_no_value() {
    // `~` and `null` are YAML's null, read as an empty value (PW105's
    // "no value"), not as the text `~`; quoted, they are strings.
    let src = front("status: ~\nowner: null\nlead: NULL\nnote: \"~\"\nalias: 'null'\n");
    let plan = parse(&src);
    let values: Vec<(&str, &str)> = plan.metadata.iter().map(|f| (&*f.key, &*f.value)).collect();
    assert_eq!(
        values,
        [
            ("status", ""),
            ("owner", ""),
            ("lead", ""),
            ("note", "~"),
            ("alias", "null")
        ]
    );
}
