//! `set` on front-matter fields: YAML's quoting, comments and values over
//! several lines.

use super::run;

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
    let quoted = run(fm, "owner", "Bob \"B\"", false).unwrap();
    assert_eq!(
        quoted,
        "---\ntitle: P\nstatus: draft\nowner: \"Bob \\\"B\\\"\"\n---\n# P\n"
    );
    // And it reads back as the value given, not as its escapes.
    let plan = planwright_core::parse(&quoted);
    assert_eq!(plan.field("owner").unwrap().value, "Bob \"B\"");
    // A value YAML would misread gets quotes.
    assert_eq!(
        run(fm, "status", "blocked: waiting", false).unwrap(),
        "---\ntitle: P\nstatus: \"blocked: waiting\"\nowner: \"Ann\"\n---\n# P\n"
    );
}

#[test]
fn front_matter_values_yaml_would_retype_are_quoted() {
    let fm = "---\nversion: 1.2\n---\n# P\n";
    for value in [
        "null",
        "Null",
        "~",
        "yes",
        "No",
        "TRUE",
        "off",
        "y",
        "1.10",
        "42",
        "1_000",
        "0x1F",
        "1e3",
        ".5",
        "+1",
        ".inf",
        "1:30",
        "2026-01-05",
        "2026-01-05 10:00:00",
        "2026-01-05T10:00:00Z",
        "2026-1-5 10:00:00",
    ] {
        assert_eq!(
            run(fm, "version", value, false).unwrap(),
            format!("---\nversion: \"{value}\"\n---\n# P\n"),
            "{value:?}"
        );
    }
    // Strings that merely start with a digit, or hold such a word, stay plain.
    for value in [
        "3 weeks",
        "v1.10",
        "1.10-beta",
        "yes please",
        "2026 Q1",
        "2026-01-05 standup",
    ] {
        assert_eq!(
            run(fm, "version", value, false).unwrap(),
            format!("---\nversion: {value}\n---\n# P\n"),
            "{value:?}"
        );
    }
    // Added fields too.
    assert_eq!(
        run(fm, "due", "2026-01-05", true).unwrap(),
        "---\nversion: 1.2\ndue: \"2026-01-05\"\n---\n# P\n"
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
fn a_front_matter_title_emptied_can_be_set_again() {
    // The only title of the plan: emptied it titles nothing, and setting
    // it again retitles the plan, which the verifier must expect.
    let src = "---\ntitle: \"My Plan\"\n---\n\n- [ ] a\n";
    let empty = run(src, "title", "", false).unwrap();
    assert_eq!(empty, "---\ntitle: \"\"\n---\n\n- [ ] a\n");
    assert_eq!(run(&empty, "title", "My Plan", false).unwrap(), src);
    let bare = "---\ntitle:\n---\n\n- [ ] a\n";
    assert_eq!(
        run(bare, "title", "New", false).unwrap(),
        "---\ntitle: New\n---\n\n- [ ] a\n"
    );
}

#[test]
fn a_quoted_value_over_several_lines_is_replaced_whole() {
    let src = "---\ntitle: \"a long\n  folded title\" # keep\nowner: al\n---\n\nText.\n";
    assert_eq!(
        planwright_core::parse(src).field("title").unwrap().value,
        "a long folded title"
    );
    assert_eq!(
        run(src, "title", "Short", false).unwrap(),
        "---\ntitle: \"Short\" # keep\nowner: al\n---\n\nText.\n"
    );
}
