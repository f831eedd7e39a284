//! Where a `{{NAME}}` slot is found: wherever a template may put one, in
//! text or not, except comments, code that is not template-shaped, and
//! escapes.

fn slots(src: &str) -> Vec<(String, String)> {
    let plan = crate::parse(src);
    plan.placeholders
        .iter()
        .map(|p| {
            assert_eq!(p.range.slice(src), p.text.as_str());
            (
                p.text.to_string(),
                p.name.as_deref().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

fn texts(src: &str) -> Vec<String> {
    slots(src).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn slots_in_links_autolinks_definitions_and_html_are_found() {
    let src = "# P\n\nA [#{{ISSUE}}](https://t/issues/{{ID}}) and <https://t/{{AUTO}}>\n\n![{{ALT}}](img.png)\n\n[r]: https://t/{{REF}}\n\n<details><summary>{{SUMMARY}}</summary>\n\nx\n\n</details>\n";
    assert_eq!(
        texts(src),
        [
            "{{ISSUE}}",
            "{{ID}}",
            "{{AUTO}}",
            "{{ALT}}",
            "{{REF}}",
            "{{SUMMARY}}"
        ]
    );
}

#[test]
fn comments_escapes_and_code_keep_their_own_rules() {
    let src = "# P\n\n<!-- fill {{COMMENT}} -->\n\n\\{{ESCAPED}}\n\n`{{lower}}` and `{{UPPER}}`\n\n```\n{{ item }}\n```\n\n[x](https://t/\\{{ESC}})\n";
    assert_eq!(texts(src), ["{{UPPER}}"]);
}

#[test]
fn any_name_a_template_engine_takes_is_one_slot() {
    let src = "# P\n\n{{A%B}} {{A/B}} {{Repo: Name}} {{Step(1)}} {{ title }}\n";
    assert_eq!(
        slots(src),
        [
            ("{{A%B}}".into(), "a_b".into()),
            ("{{A/B}}".into(), "a_b".into()),
            ("{{Repo: Name}}".into(), "repo_name".into()),
            ("{{Step(1)}}".into(), "step_1".into()),
            ("{{ title }}".into(), "title".into()),
        ]
    );
    // Blocks and markup are not names; nor is the brace inside them a
    // slot of its own.
    assert_eq!(
        texts("# P\n\n{{#if x}} {{/if}} {{a*b*}} {{{x}\n"),
        Vec::<String>::new()
    );
}
