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
    // A value opening as a block scalar or folded text would is quoted,
    // and reads back as the text: the edit is not refused as changing
    // more than asked.
    for value in ["> 50% faster", "| pipe", ">"] {
        let out = run(fm, "owner", value, false).unwrap();
        assert_eq!(
            out,
            format!("---\ntitle: P\nstatus: draft\nowner: \"{value}\"\n---\n# P\n")
        );
        let plan = planwright_core::parse(&out);
        assert_eq!(plan.field("owner").unwrap().value, value);
        let again = run(&out, "owner", "Ann", false).unwrap();
        assert_eq!(again, fm);
    }
}

#[test]
fn front_matter_values_yaml_would_retype_are_quoted() {
    // The old value is a string: a new one that YAML would read as a
    // number, a boolean, null or a date is quoted to stay one.
    let fm = "---\nversion: v1.2\n---\n# P\n";
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
        // YAML 1.1's value and merge keys and a tab, which PyYAML
        // refuses plain.
        "=",
        "<<",
        "a\tb",
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
        "---\nversion: v1.2\ndue: \"2026-01-05\"\n---\n# P\n"
    );
}

#[test]
fn line_and_paragraph_separators_are_refused_in_front_matter_only() {
    let fm = "---\nowner: a\n---\n# P\n";
    for sep in ['\u{2028}', '\u{2029}'] {
        let value = format!("a{sep}b");
        let err = run(fm, "owner", &value, false).unwrap_err().to_string();
        assert!(
            err.contains("which YAML 1.1 reads as a line break"),
            "{err}"
        );
        // In Markdown the character is text, and is written.
        let md = run("# P\n\n**Owner:** a\n", "owner", &value, false).unwrap();
        assert_eq!(md, format!("# P\n\n**Owner:** {value}\n"));
    }
}

#[test]
fn front_matter_values_over_several_lines_are_refused() {
    for src in [
        "---\nowner:\n  name: al\n---\n# P\n",
        "---\ntags:\n- a\n- b\n---\n# P\n",
        "---\ntags:\n  # the list\n  - a\n---\n# P\n",
        "---\nsummary: |\n  keep me\n---\n# P\n",
        "---\nsummary: >-\n---\n# P\n",
        "---\n\"summary\": >-\n---\n# P\n",
        "---\ntitle: a long\n  folded title\nowner: al\n---\n# P\n",
    ] {
        let key = src[4..src[4..].find(':').unwrap() + 4].trim_matches('"');
        let err = run(src, key, "bob", false).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "`{key}` on line 2 has a multi-line value in the front matter (a list, a mapping, a block or folded scalar); planwright edits only one-line values"
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

#[test]
fn a_plain_value_keeps_its_yaml_type() {
    let src = "---\nflag: true\ncount: 42\nday: 2024-01-01\nratio: 1.5\nname: x\n---\n# T\n";
    for (field, value, line) in [
        ("flag", "false", "flag: false"),
        ("count", "7", "count: 7"),
        ("day", "2024-02-02", "day: 2024-02-02"),
        ("ratio", "0.25", "ratio: 0.25"),
        // Another type, or a string where a string stood: quoted as before.
        ("flag", "7", "flag: \"7\""),
        ("count", "2024-02-02", "count: \"2024-02-02\""),
        ("day", "2024-02-30", "day: \"2024-02-30\""),
        ("name", "false", "name: \"false\""),
        ("flag", "maybe", "flag: maybe"),
    ] {
        let old = src.lines().find(|l| l.starts_with(field)).unwrap();
        assert_eq!(
            run(src, field, value, false).unwrap(),
            src.replace(old, line),
            "{field} = {value}"
        );
    }
    // A quoted value keeps its quotes, whatever the new value's type.
    assert_eq!(
        run("---\nflag: \"true\"\n---\n# T\n", "flag", "false", false).unwrap(),
        "---\nflag: \"false\"\n---\n# T\n"
    );
}

#[test]
fn quoted_keys_are_keys() {
    let src = "---\ntitle: Plain\n\"owner\": bob # lead\n'the team': core\n---\n# T\n";
    let plan = planwright_core::parse(src);
    let owner = plan.field("owner").unwrap();
    assert_eq!((owner.key.as_str(), owner.value.as_str()), ("owner", "bob"));
    assert_eq!(plan.field("the team").unwrap().value, "core");
    let want = "---\ntitle: Plain\n\"owner\": al # lead\n'the team': core\n---\n# T\n";
    assert_eq!(run(src, "owner", "al", false).unwrap(), want);
    // `--add` of a key the front matter has, in any quoting, edits it.
    assert_eq!(run(src, "owner", "al", true).unwrap(), want);
    assert_eq!(
        run(src, "The Team", "ops", true).unwrap(),
        "---\ntitle: Plain\n\"owner\": bob # lead\n'the team': ops\n---\n# T\n"
    );
    // Escapes in a quoted key are read as YAML reads them.
    let src = "---\n\"ow\\x6eer\": bob\n---\n# T\n";
    assert_eq!(
        run(src, "owner", "al", true).unwrap(),
        "---\n\"ow\\x6eer\": al\n---\n# T\n"
    );
}

#[test]
fn a_key_in_a_form_planwright_does_not_read_is_never_added_twice() {
    // `it's` is a plain YAML key the reader does not list; with bold
    // fields in the majority the new field would be a bold one, beside it.
    let src = "---\nit's: x\n---\n# T\n\n**A:** 1\n**B:** 2\n";
    assert_eq!(
        run(src, "it's", "y", true).unwrap_err().to_string(),
        "the front matter already has the key `it's` on line 2, written in a way planwright does not edit; change it there"
    );
}

#[test]
fn an_added_key_keeps_the_users_spelling() {
    let src = "---\ntitle: p\nstatus: draft\n---\n# P\n";
    assert_eq!(
        run(src, "Feature ID", "FX 1", true).unwrap(),
        "---\ntitle: p\nstatus: draft\nFeature ID: FX 1\n---\n# P\n"
    );
    let src = "---\n\"owner\": bob\n---\n# P\n";
    assert_eq!(
        run(src, "team", "core", true).unwrap(),
        "---\n\"owner\": bob\nteam: core\n---\n# P\n"
    );
}

#[test]
fn a_name_that_would_break_the_key_is_refused() {
    let src = "---\ntitle: p\n---\n# P\n";
    for (name, why) in [
        ("key: evil", "cannot contain `:`, which ends a field's name"),
        (
            "\"q\"",
            "cannot contain `\"`: planwright writes a front-matter key as a plain YAML key",
        ),
        (
            "- x",
            "starts with `-`, which YAML reads as syntax, not as part of a key",
        ),
        (
            "a #b",
            "cannot contain ` #` (or a tab before `#`), which YAML reads as a comment",
        ),
        (
            "true",
            "would be read by YAML as a boolean, a number, null or a date, not as a name",
        ),
    ] {
        assert_eq!(
            run(src, name, "v", true).unwrap_err().to_string(),
            format!("cannot add `{name}` as a front-matter field: its name {why}"),
        );
    }
}

#[test]
fn a_multi_line_value_is_refused_naming_its_line() {
    let src = "---\ntitle: t\nowner: al\ntags:\n  - a\n---\n# P\n";
    assert_eq!(
        run(src, "tags", "x", false).unwrap_err().to_string(),
        "`tags` on line 4 has a multi-line value in the front matter (a list, a mapping, a block or folded scalar); planwright edits only one-line values"
    );
}

#[test]
fn only_ascii_white_space_is_trimmed_from_a_value() {
    let src = "---\nowner: al\n---\n# P\n\n**Team:** x\n";
    assert_eq!(
        run(src, "owner", " \u{a0}nbsp\t", false).unwrap(),
        "---\nowner: \u{a0}nbsp\n---\n# P\n\n**Team:** x\n"
    );
    assert_eq!(
        run(src, "team", "\u{a0}core\u{2003}", false).unwrap(),
        "---\nowner: al\n---\n# P\n\n**Team:** \u{a0}core\u{2003}\n"
    );
    let plan = planwright_core::parse("# P\n\n**Team:** \u{a0}core \n");
    assert_eq!(plan.field("team").unwrap().value, "\u{a0}core");
}

#[test]
fn a_list_or_mapping_on_one_line_is_refused_as_a_block_one_is() {
    for (src, key) in [
        ("---\ntitle: t\ntags: [a, b]\n---\n# P\n", "tags"),
        ("---\ntitle: t\nmap: {k: v}\n---\n# P\n", "map"),
        ("---\ntitle: t\ntags: []\n---\n# P\n", "tags"),
    ] {
        assert_eq!(
            run(src, key, "c", false).unwrap_err().to_string(),
            format!(
                "`{key}` on line 3 is a list or mapping in the front matter (`[a, b]`, `{{k: v}}`); planwright edits only single values"
            ),
            "{src:?}"
        );
    }
    // Quoted, it is a string like any other, and keeps its quotes.
    assert_eq!(
        run("---\ntags: '[a, b]'\n---\n# P\n", "tags", "c", false).unwrap(),
        "---\ntags: 'c'\n---\n# P\n"
    );
}

#[test]
fn a_field_added_to_empty_front_matter_goes_inside_it() {
    // Written above it, the field would push the fences off the first
    // line, and Jekyll or Hugo would no longer read them as front matter.
    for (src, want) in [
        ("---\n---\n", "---\nstatus: Draft\n---\n"),
        ("---\n---\n\n# P\n", "---\nstatus: Draft\n---\n\n# P\n"),
        ("---\r\n---\r\n", "---\r\nstatus: Draft\r\n---\r\n"),
    ] {
        assert_eq!(run(src, "status", "Draft", true).unwrap(), want, "{src:?}");
    }
}

#[test]
fn an_added_value_is_quoted_as_most_of_the_front_matters_are() {
    for (fm, added) in [
        // Single quotes throughout: the new value takes them too.
        ("title: 'FM'\nstatus: 'Draft'\n", "reviewer: 'Zed'"),
        ("title: \"FM\"\nstatus: \"Draft\"\n", "reviewer: \"Zed\""),
        // Escaped for the quotes it goes in.
        ("title: 'FM'\nstatus: 'Draft'\n", "reviewer: 'Zed''s'"),
        // Most values plain: plain, unless YAML needs quotes.
        ("title: FM\nstatus: Draft\nowner: 'Ann'\n", "reviewer: Zed"),
        ("title: FM\n", "reviewer: Zed"),
        // A number or a date is plain whatever the strings are, and counts
        // for neither.
        (
            "title: 'FM'\ncount: 3\nday: 2024-01-01\n",
            "reviewer: 'Zed'",
        ),
    ] {
        let value = if added.contains("''") { "Zed's" } else { "Zed" };
        let src = format!("---\n{fm}---\n# P\n");
        assert_eq!(
            run(&src, "reviewer", value, true).unwrap(),
            format!("---\n{fm}{added}\n---\n# P\n"),
            "{fm}"
        );
    }
    // A value YAML would read as other than a string is quoted all the
    // same, in the front matter's quotes.
    let src = "---\ntitle: 'FM'\n---\n# P\n";
    assert_eq!(
        run(src, "draft", "true", true).unwrap(),
        "---\ntitle: 'FM'\ndraft: 'true'\n---\n# P\n"
    );
}

#[test]
fn a_line_indented_with_a_tab_is_named_as_yaml_refuses_it() {
    for src in [
        "---\ntitle: T\nstatus: Done\n\towner: bob\n---\n# T\n",
        "---\ntitle: T\nstatus: Done\n\n  \t- a\n---\n# T\n",
    ] {
        assert_eq!(
            run(src, "status", "Draft", false).unwrap_err().to_string(),
            format!(
                "line {} of the front matter is indented with a tab, which YAML does not allow; indent it with spaces, or not at all if it is a key of its own, and set `status` again",
                if src.contains("\n\n") { 5 } else { 4 }
            ),
            "{src:?}"
        );
    }
    // A tab inside a value, or after a comment's `#`, is no indentation.
    let src = "---\nstatus: Done\t# x\nowner: a\tb\n---\n# T\n";
    assert_eq!(
        run(src, "status", "Draft", false).unwrap(),
        src.replace("Done", "Draft")
    );
}
