//! Slot filling on small templates written inline.

use super::*;

fn values() -> Values {
    [
        ("title", "Dark mode"),
        ("date", "2026-01-15"),
        ("status", "Draft"),
        ("branch", "004-dark-mode"),
        ("number", "004"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

fn run(template: &str, set: &[(&str, &str)], fill_table: &[(&str, &str)]) -> Filled {
    let descriptor = Descriptor {
        fill: fill_table
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        ..Descriptor::default()
    };
    let set: Vec<(String, String)> = set
        .iter()
        .map(|(k, v)| (normalize_key(k).to_string(), (*v).to_owned()))
        .collect();
    let values = values();
    fill(
        template,
        &Sources {
            values: &values,
            descriptor: &descriptor,
            set: &set,
        },
    )
}

#[test]
fn title_heading_slot_is_the_title_whatever_its_name() {
    let t = "# Plan: [DESCRIPTION]\n\n1. **Step 1 – [Title]**\n- **Risk 1**: [Description]\n";
    assert_eq!(
        run(t, &[], &[]).text,
        "# Plan: Dark mode\n\n1. **Step 1 – [Title]**\n- **Risk 1**: [Description]\n"
    );
}

#[test]
fn fill_values_name_known_variables() {
    assert_eq!(check_expansion("ADR-{number}"), Ok(()));
    assert_eq!(check_expansion("{Feature_Branch} by {author}"), Ok(()));
    assert_eq!(check_expansion("no variables"), Ok(()));
    for d in planwright_core::DialectSet::builtin().iter() {
        for value in d.descriptor.fill.values() {
            assert_eq!(check_expansion(value), Ok(()), "{}", d.name());
        }
    }
    let err = check_expansion("ADR-{nope}").unwrap_err();
    assert!(
        err.starts_with("unknown variable `{nope}` in \"ADR-{nope}\"; known: title,"),
        "{err}"
    );
    assert_eq!(
        check_expansion("ADR-{{number}}"),
        Err("\"ADR-{{number}}\": write a variable as {number}, with one pair of braces".to_owned())
    );
    assert_eq!(
        check_expansion("ADR-{number"),
        Err("`{` without a closing `}` in \"ADR-{number\"".to_owned())
    );
}

#[test]
fn other_slots_before_the_title_leave_it_to_fill() {
    let out = run(
        "# ADR {{decision_id}}: [TITLE]\n",
        &[],
        &[("decision_id", "ADR-{number}")],
    );
    assert_eq!(out.text, "# ADR ADR-004: Dark mode\n");
    assert_eq!(
        run("# [DATE] – [TITLE]\n", &[], &[]).text,
        "# 2026-01-15 – Dark mode\n"
    );
}

#[test]
fn header_fields_name_their_slots_but_timelines_keep_their_dates() {
    let t = "# X\n\n**Created:** YYYY-MM-DD\n**Status:** Draft | Active | Done\n\n## Timeline\n\n| Phase | Start | End |\n|---|---|---|\n| One | {{DATE}} | {{DATE}} |\n\n## Progress Log\n\n| Date | Update |\n|---|---|\n| {{DATE}} | Plan created |\n";
    let out = run(t, &[], &[]).text;
    assert!(
        out.contains("**Created:** 2026-01-15\n**Status:** Draft\n"),
        "{out}"
    );
    assert!(out.contains("| One | {{DATE}} | {{DATE}} |"), "{out}");
    assert!(out.contains("| 2026-01-15 | Plan created |"), "{out}");
    // Nor does `--set date=…` plan the phases.
    let out = run(t, &[("date", "2020-01-01")], &[]).text;
    assert!(out.contains("| One | {{DATE}} | {{DATE}} |"), "{out}");
    assert!(out.contains("| 2020-01-01 | Plan created |"), "{out}");
}

#[test]
fn comment_fields_branch_and_fill_table() {
    let t = "# [FEATURE]\n\n<!-- ID: {{feature_id}} -->\n**Branch**: `[###-feature-name]`\n";
    let out = run(t, &[], &[("feature_id", "F-{number}")]);
    assert_eq!(
        out.text,
        "# Dark mode\n\n<!-- ID: F-004 -->\n**Branch**: `004-dark-mode`\n"
    );
    let names: Vec<&str> = out.filled.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["title", "feature_id", "branch"]);
}

#[test]
fn set_wins_and_unused_names_are_reported() {
    let t = "# {{FEATURE_NAME}}\n\n| Component | Kind |\n|---|---|\n| {{component_1}} | new |\n";
    let out = run(
        t,
        &[
            ("Component-1", "a|b"),
            ("Feature Name", "Other"),
            ("nope", "1"),
        ],
        &[],
    );
    assert_eq!(
        out.text,
        "# Other\n\n| Component | Kind |\n|---|---|\n| a\\|b | new |\n"
    );
    assert_eq!(out.unused_set, ["nope"]);
}

#[test]
fn a_title_glued_into_an_identifier_becomes_one() {
    let t = "# {{FEATURE_NAME}}\n\n- Flag: `feature_{{FEATURE_NAME}}`\n";
    assert_eq!(
        run(t, &[], &[]).text,
        "# Dark mode\n\n- Flag: `feature_dark_mode`\n"
    );
    // As does a value given with --set, whatever its name.
    assert_eq!(
        run(t, &[("feature_name", "Night Theme")], &[]).text,
        "# Night Theme\n\n- Flag: `feature_night_theme`\n"
    );
    let t = "- Version: `v{{VERSION}}`\n";
    assert_eq!(
        run(t, &[("version", "1.2")], &[]).text,
        "- Version: `v1.2`\n"
    );
}

#[test]
fn a_title_heading_stops_calling_itself_a_template() {
    let t = "# <Project / Feature Name> – Implementation Plan Template\n\n## Template\n";
    assert_eq!(
        run(t, &[], &[]).text,
        "# Dark mode – Implementation Plan\n\n## Template\n"
    );
    let t = "# Template for [TITLE]\n";
    assert_eq!(run(t, &[], &[]).text, "# Template for Dark mode\n");
}

#[test]
fn unknown_variables_leave_the_slot() {
    assert_eq!(
        expand("ADR-{number}", &values()).as_deref(),
        Some("ADR-004")
    );
    assert_eq!(expand("{issue}", &values()), None);
    let t = "# X\n\n**Issue:** {{ISSUE_ID}}\n";
    assert_eq!(run(t, &[], &[]).text, t);
}

#[test]
fn a_known_slot_in_code_is_filled_whatever_its_case() {
    let t = "# `{{thing}}` [TITLE]\n\n\
             Branch: `{{branch}}`, `{{BRANCH}}`, `{{ Feature_Branch }}`, ``{{ticket}}``\n\
             Created: `{{created}}`\n\n\
             ```sh\ngit checkout {{branch}}\necho ${{ branch }} {{ user.name }} {{unknown}}\n```\n\n\
             | Phase | Start |\n|---|---|\n| One | `{{date}}` |\n";
    let out = run(t, &[("ticket", "PW-7")], &[]);
    assert_eq!(
        out.text,
        "# `{{thing}}` Dark mode\n\n\
         Branch: `004-dark-mode`, `004-dark-mode`, `004-dark-mode`, ``PW-7``\n\
         Created: `2026-01-15`\n\n\
         ```sh\ngit checkout 004-dark-mode\necho ${{ branch }} {{ user.name }} {{unknown}}\n```\n\n\
         | Phase | Start |\n|---|---|\n| One | `{{date}}` |\n"
    );
    assert!(out.unused_set.is_empty(), "{:?}", out.unused_set);
}

#[test]
fn a_value_is_escaped_outside_code_spans_only() {
    // Inside a span, even one over two lines, a backslash would be read as
    // written; after a backtick that opens no span, `<T>` would be a tag.
    let t = "- Run `make\n  {{BRANCH}}` and \\` {{BRANCH}}\n";
    assert_eq!(
        run(t, &[("branch", "<T>")], &[]).text,
        "- Run `make\n  <T>` and \\` \\<T\\>\n"
    );
}

#[test]
fn a_slot_named_like_the_title_wins_over_position() {
    let out = run("# ADR {{DECISION_ID}}: {{TITLE}}\n\nBody.\n", &[], &[]);
    assert_eq!(out.text, "# ADR {{DECISION_ID}}: Dark mode\n\nBody.\n");
    assert!(out.used_vars.contains("title"));
    // An alias of the title counts as its name too.
    let out = run("# [DATE] {{Feature Name}}\n", &[], &[]);
    assert_eq!(out.text, "# 2026-01-15 Dark mode\n");
}

#[test]
fn a_set_name_for_a_variable_fills_every_slot_of_it() {
    let t = "# Plan: {{FEATURE_NAME}}\n\n**Issue:** {{ISSUE_ID}}\n";
    let out = run(t, &[("title", "Other"), ("issue", "GH-1")], &[]);
    assert_eq!(out.text, "# Plan: Other\n\n**Issue:** GH-1\n");
    assert!(out.unused_set.is_empty(), "{:?}", out.unused_set);
    let names: Vec<&str> = out.filled.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["title", "issue"]);
}

#[test]
fn a_fill_expansion_uses_the_variables_it_names() {
    let mut values = values();
    values.insert("issue", "GH-9".to_owned());
    let descriptor = Descriptor {
        fill: [("title".to_owned(), "{title} ({issue})".to_owned())].into(),
        ..Descriptor::default()
    };
    let out = fill(
        "# ADR: [TITLE]\n",
        &Sources {
            values: &values,
            descriptor: &descriptor,
            set: &[],
        },
    );
    assert_eq!(out.text, "# ADR: Dark mode (GH-9)\n");
    assert!(out.used_vars.contains("issue"), "{:?}", out.used_vars);
}

#[test]
fn one_entry_per_name_with_the_value_as_given() {
    let t = "# {{FEATURE_NAME}}\n\n- Flag: `feature_{{FEATURE_NAME}}`\n";
    let out = run(t, &[("feature_name", "Json one")], &[]);
    assert_eq!(
        out.filled,
        [FilledVar {
            name: "title".to_owned(),
            value: "Json one".to_owned(),
            slots: 2,
        }]
    );
}

#[test]
fn every_markdown_active_character_of_a_value_is_escaped() {
    let title = "Use `code` and *stars* and [link](x) | snake_case _em_ ~x~ <b> {y} &amp; R&D";
    let out = run("# Plan: [TITLE]\n", &[("title", title)], &[]);
    assert_eq!(
        out.text,
        "# Plan: Use \\`code\\` and \\*stars\\* and \\[link\\](x) \\| snake_case \\_em\\_ \\~x\\~ \\<b\\> \\{y\\} \\&amp; R&D\n"
    );
    // What would open a block at the start of a line is escaped there only.
    let t = "{{A}}\n{{B}}\nx {{A}}\n";
    let out = run(t, &[("a", "# not a heading"), ("b", "1. not a list")], &[]);
    assert_eq!(
        out.text,
        "\\# not a heading\n1\\. not a list\nx # not a heading\n"
    );
    // Code keeps the value as written.
    let out = run("- `{{A}}`\n", &[("a", "*x*")], &[]);
    assert_eq!(out.text, "- `*x*`\n");
}

#[test]
fn slot_names_are_what_set_and_fill_can_match() {
    let t = "# [FEATURE]\n\n**Owner:** TBD\n<!-- ID: {{feature_id}} -->\n`{{branch}}` `[###-x]`\n";
    let names: Vec<String> = slot_names(t).into_iter().collect();
    // `id` is the comment field whose whole value is a slot.
    assert_eq!(names, ["branch", "feature", "feature_id", "id", "owner"]);
}

#[test]
fn a_value_in_a_comment_never_closes_it() {
    let t = "<!-- Owner: [OWNER] -->\n<!-- Ref: {{TICKET_REF}}> x -->\n";
    let set = [("owner", "a --> b --!> c"), ("ticket_ref", "x--")];
    let out = run(t, &set, &[]).text;
    assert_eq!(
        out,
        "<!-- Owner: a -- > b --! > c -->\n<!-- Ref: x-- > x -->\n"
    );
    // Each comment is still one comment, read back whole.
    let plan = parse(&out);
    assert_eq!(plan.comments.len(), 2, "{out}");
    let owner = plan.metadata.iter().find(|m| m.norm == "owner").unwrap();
    assert_eq!(owner.value_range.slice(&out).trim(), "a -- > b --! > c");
    // A control character dropped from the value cannot make `-->` either.
    let out = run(t, &[("owner", "a -\u{0}-> b")], &[]).text;
    assert!(out.starts_with("<!-- Owner: a -- > b -->\n"), "{out}");
    // A value ending in a dash before the template's own `-->` is harmless.
    let out = run(
        "<!-- Ref: {{TICKET_REF}}-->\n",
        &[("ticket_ref", "x-")],
        &[],
    )
    .text;
    assert_eq!(out, "<!-- Ref: x--->\n");
}

#[test]
fn block_markers_are_escaped_after_quote_and_list_prefixes() {
    let t = "- {{A}}\n> {{A}}\n1. {{A}}\n> - {{A}}\n  * {{A}}\n2) {{B}}\n- [ ] {{A}}\nx - {{A}}\n-{{A}}\n";
    let out = run(t, &[("a", "# x"), ("b", "  1. y")], &[]).text;
    assert_eq!(
        out,
        "- \\# x\n> \\# x\n1. \\# x\n> - \\# x\n  * \\# x\n2) 1\\. y\n\
         - [ ] # x\nx - # x\n-# x\n"
    );
    // Indentation in the value would make a quote's content code.
    let out = run("> {{A}}\n", &[("a", "      - z")], &[]).text;
    assert_eq!(out, "> \\- z\n");
}

#[test]
fn set_title_is_the_title_not_a_steps_title() {
    let t = "# Plan: [TITLE]\n\n1. **Step 1 – [Title]**\n\nAbout {{TITLE}}.\n";
    let out = run(t, &[("title", "Dark mode")], &[]).text;
    assert_eq!(
        out,
        "# Plan: Dark mode\n\n1. **Step 1 – [Title]**\n\nAbout Dark mode.\n"
    );
}

#[test]
fn the_title_fills_every_title_slot_as_set_title_does() {
    let t = "# {{TITLE}}\n\nParagraph {{ title }} here.\n\n- [ ] T001 {{Title}} first\n\n\
             | A | B |\n|---|---|\n| {{TITLE}} | x |\n\n#### Step 1: [Title]\n";
    let by_position = run(t, &[], &[]);
    assert_eq!(
        by_position.text,
        "# Dark mode\n\nParagraph Dark mode here.\n\n- [ ] T001 Dark mode first\n\n\
         | A | B |\n|---|---|\n| Dark mode | x |\n\n#### Step 1: [Title]\n"
    );
    assert_eq!(by_position.filled[0].slots, 4);
    assert_eq!(
        run(t, &[("title", "Dark mode")], &[]).text,
        by_position.text
    );
}

#[test]
fn a_bare_number_set_is_its_slots_own_not_the_plans_number() {
    let t = "# Plan: [TITLE]\n\n<!-- PLAN_NUMBER: {{plan_number}} -->\n\n- **Team**: [Number] developers\n";
    let out = run(t, &[("number", "3")], &[]);
    assert_eq!(
        out.text,
        "# Plan: Dark mode\n\n<!-- PLAN_NUMBER: 004 -->\n\n- **Team**: 3 developers\n"
    );
    assert!(out.unused_set.is_empty());
}

#[test]
fn a_heading_keeps_a_trailing_number_sign() {
    let out = run("# Plan: [TITLE]\n", &[("title", "Issue ##  ")], &[]).text;
    assert_eq!(out, "# Plan: Issue \\##  \n");
    // `C#` and a `#` the template closes with are left alone.
    let out = run("# {{TITLE}}\n# {{TITLE}} #\n", &[("title", "C#")], &[]).text;
    assert_eq!(out, "# C#\n# C# #\n");
}

#[test]
fn two_set_names_for_one_slot_or_variable_clash() {
    let set = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    let t = "# [FEATURE NAME]\n\n**Issue:** {{ISSUE_ID}}\n**Owner:** [LEAD]\n";
    assert_eq!(
        set_clash(t, &set(&[("x", "1"), ("issue_id", "A"), ("issue", "B")])),
        Some(SetClash {
            first: 1,
            second: 2,
            what: "`issue`".to_owned()
        })
    );
    // A variable's names clash even where no slot of it is.
    assert_eq!(
        set_clash("# X\n", &set(&[("Ticket", "A"), ("issue", "B")])).map(|c| c.what),
        Some("`issue`".to_owned())
    );
    assert_eq!(
        set_clash(t, &set(&[("lead", "A"), ("Owner", "B")])).map(|c| c.what),
        Some("the slot `[LEAD]`".to_owned())
    );
    // One name twice is a repeated option: the last wins.
    assert_eq!(
        set_clash(t, &set(&[("issue", "A"), ("Issue", "B"), ("lead", "C")])),
        None
    );
}

#[test]
fn code_stays_one_span_or_block_whatever_the_value() {
    let t = "- Run `git checkout {{branch}}` now\n\n| B |\n|---|\n| `{{branch}}` |\n";
    let out = run(t, &[("branch", "a`b | ``")], &[]).text;
    assert_eq!(
        out,
        "- Run ``` git checkout a`b | `` ``` now\n\n| B |\n|---|\n| ``` a`b \\| `` ``` |\n"
    );
    assert_eq!(parse(&out).code_spans.len(), 2, "{out}");
    // A value with no run as long as the delimiters changes nothing else.
    let out = run("`x {{branch}} y`\n", &[("branch", "a``b")], &[]).text;
    assert_eq!(out, "`x a``b y`\n");
    let t = "```sh\n{{BRANCH}}\n```\n\n~~~~\n  {{BRANCH}}\n";
    let out = run(t, &[("branch", "````")], &[]).text;
    assert_eq!(out, "`````sh\n````\n`````\n\n~~~~\n  ````\n");
    let out = run(t, &[("branch", "~~~~ ")], &[]).text;
    assert_eq!(out, "```sh\n~~~~ \n```\n\n~~~~~\n  ~~~~ \n");
    assert_eq!(parse(&out).code_blocks.len(), 2, "{out}");
}

/// Each front-matter field of `text` as the reader gives it back.
fn front_fields(text: &str) -> Vec<(String, String)> {
    parse(text)
        .metadata
        .iter()
        .filter(|m| m.style == MetaStyle::FrontMatter)
        .map(|m| (m.key.to_string(), m.value.to_string()))
        .collect()
}

#[test]
fn front_matter_slots_are_filled_as_yaml() {
    let t = "---\ntitle: \"{{TITLE}}\"\nowner: [OWNER]\ncreated: YYYY-MM-DD\nstatus: Draft\n---\n# {{TITLE}}\n";
    let out = run(t, &[("owner", "Ada")], &[]);
    assert_eq!(
        out.text,
        "---\ntitle: \"Dark mode\"\nowner: Ada\ncreated: 2026-01-15\nstatus: Draft\n---\n# Dark mode\n"
    );
    assert!(parse(&out.text).placeholders.is_empty(), "{}", out.text);
    // A `[fill]` value fills a front-matter slot too.
    let out = run(t, &[], &[("owner", "{branch}")]);
    assert!(
        out.text.contains("\nowner: 004-dark-mode\n"),
        "{}",
        out.text
    );
}

#[test]
fn front_matter_values_are_escaped_for_their_quotes() {
    let t = "---\ntitle: \"{{TITLE}}\"\nlead: 'Lead: [LEAD]'\n---\n# {{TITLE}}\n";
    let title = r#"Say "hi" \ back"#;
    let out = run(t, &[("title", title), ("lead", "Bob's")], &[]);
    assert!(
        out.text
            .starts_with("---\ntitle: \"Say \\\"hi\\\" \\\\ back\"\nlead: 'Lead: Bob''s'\n"),
        "{}",
        out.text
    );
    assert_eq!(
        front_fields(&out.text),
        [
            ("title".to_owned(), title.to_owned()),
            ("lead".to_owned(), "Lead: Bob's".to_owned())
        ]
    );
}

#[test]
fn a_plain_value_yaml_would_misread_is_quoted_whole() {
    let t = "---\nowner: [OWNER]\nnote: Plan for [FEATURE NAME] # keep\ncount: [COUNT]\n---\n";
    let set = [
        ("owner", "- Ada: #1"),
        ("feature_name", "a\nb #c"),
        ("count", "3"),
    ];
    let out = run(t, &set, &[]);
    assert_eq!(
        out.text,
        "---\nowner: \"- Ada: #1\"\nnote: \"Plan for a b #c\" # keep\ncount: \"3\"\n---\n"
    );
    let got: Vec<String> = front_fields(&out.text).into_iter().map(|f| f.1).collect();
    assert_eq!(got, ["- Ada: #1", "Plan for a b #c", "3"]);
}

#[test]
fn front_matter_slot_names_match_set_and_fill() {
    let t = "---\nowner: [OWNER]\nreviewer: \"{{REVIEWER}}\"\ntags: [auth]\n---\n# Plan\n";
    let names: Vec<String> = slot_names(t).into_iter().collect();
    assert_eq!(names, ["owner", "reviewer"]);
}

#[test]
fn slots_in_links_html_and_reference_definitions_are_filled() {
    let t = "# P\n\nSee [#{{TITLE}}](https://t/issues/{{TITLE}} \"about {{TITLE}}\"), <https://t/{{TITLE}}>\n\n[r]: https://t/{{TITLE}}\n\n<details><summary>{{TITLE}}</summary>\n\nx\n\n</details>\n\n<!-- fill {{TITLE}} -->\n";
    // In an address a space is encoded, not escaped; in a link's text and
    // title, and in HTML, the title is text; a comment's slot is an
    // instruction, left as written.
    assert_eq!(
        run(t, &[], &[]).text,
        "# P\n\nSee [#Dark mode](https://t/issues/Dark%20mode \"about Dark mode\"), <https://t/Dark%20mode>\n\n[r]: https://t/Dark%20mode\n\n<details><summary>Dark mode</summary>\n\nx\n\n</details>\n\n<!-- fill {{TITLE}} -->\n"
    );
}

#[test]
fn a_pipe_in_an_address_in_a_table_is_encoded_not_escaped() {
    let t = "# {{TITLE}}\n\n| Doc | Note |\n| --- | --- |\n| [doc]({{TITLE}}.md) | {{TITLE}} |\n";
    let filled = run(t, &[("title", "a | b")], &[]).text;
    // `\|` in an address would be `%5C|`: the pipe still ends the cell.
    assert!(
        filled.ends_with("| [doc](a%20%7C%20b.md) | a \\| b |\n"),
        "{filled}"
    );
    let plan = parse(&filled);
    let cells: Vec<&str> = plan.tables[0].rows[0]
        .cells
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(cells.len(), 2, "{cells:?}");
}

#[test]
fn a_title_naming_spec_kit_s_arguments_slot_is_text() {
    let t = "# Plan: {{TITLE}}\n\n**Input**: {{TITLE}}\n";
    let filled = run(t, &[("title", "Handle $ARGUMENTS in scripts")], &[]).text;
    assert_eq!(
        filled,
        "# Plan: Handle \\$ARGUMENTS in scripts\n\n**Input**: Handle \\$ARGUMENTS in scripts\n"
    );
    assert!(parse(&filled).placeholders.is_empty());
    // A `$` before anything else is written as typed.
    let filled = run(t, &[("title", "Costs $5")], &[]).text;
    assert!(filled.starts_with("# Plan: Costs $5\n"), "{filled}");
}

#[test]
fn an_aligned_table_stays_aligned_and_another_is_filled_in_place() {
    let t = "# Plan\n\n| Date     | Owner   | Note   |\n| :------- | ------- | -----: |\n| {{DATE}} | [OWNER] | x \\| y |\n\n\
             | Date | Branch |\n|---|---|\n| {{DATE}} | {{BRANCH}} |\n";
    assert_eq!(
        run(t, &[("owner", "Ana")], &[]).text,
        "# Plan\n\n| Date       | Owner   | Note   |\n| :--------- | ------- | -----: |\n| 2026-01-15 | Ana     | x \\| y |\n\n\
         | Date | Branch |\n|---|---|\n| 2026-01-15 | 004-dark-mode |\n"
    );
}
