//! `set`'s values as a user types them: each reads back as given, in
//! `show` and in the file as rendered.

use crate::support::{planwright, run_on_plan as run, stdout};

/// The value `show --format json` reads for the field `key` of `text`.
fn shown(text: &str, key: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("plan.md"), text).expect("write");
    let out = planwright(&["show", "plan.md", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let fields = json["metadata"].as_array().expect("metadata");
    let field = fields.iter().find(|m| m["key"] == key).expect("the field");
    field["value"].as_str().expect("a value").to_owned()
}

#[test]
fn a_value_with_markdown_markup_reads_back_as_typed() {
    // The value is text, as `new --set` writes one: its markup characters
    // are escaped, so neither the reader nor a renderer takes them for
    // emphasis, code, a link or an escape.
    for plan in [
        "# P\n\n**Owner:** bob\n",
        "# P\n\n**Owner:** **bob**\n",
        "# P\n\n**Owner:** `bob`\n",
        "# P\n\nOwner: bob\nStatus: Draft\n",
    ] {
        for value in [
            "**bold**",
            "*x*",
            "_x_",
            "__x__",
            "`code`",
            "\\*",
            "\\\\",
            "a *b* c",
            "~~old~~ new",
            "[spec](spec.md)",
            "⚠️ **late**",
            "<b>x</b>",
            "snake_case_name",
            "C:\\dir",
        ] {
            let (code, out, err, after) = run(plan, &["set", "plan.md", "owner", value]);
            assert_eq!((code, err.as_str()), (Some(0), ""), "{plan:?} {value}");
            assert_eq!(out, format!("set owner: {value}\n"), "{plan:?} {value}");
            assert_eq!(shown(&after, "Owner"), value, "{plan:?} {value}:\n{after}");
        }
    }
}

#[test]
fn markup_is_escaped_only_where_it_would_be_read_as_markup() {
    let plan = "# P\n\n**Owner:** bob\n";
    for (value, line) in [
        ("*x*", "**Owner:** \\*x\\*"),
        ("`code`", "**Owner:** \\`code\\`"),
        ("\\*", "**Owner:** \\\\\\*"),
        ("[spec](spec.md)", "**Owner:** \\[spec\\](spec.md)"),
        // Inside a word an underscore opens nothing, and a backslash
        // before a letter escapes nothing.
        ("snake_case C:\\dir", "**Owner:** snake_case C:\\dir"),
    ] {
        let (code, _, err, after) = run(plan, &["set", "plan.md", "owner", value]);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{value}");
        assert_eq!(after, format!("# P\n\n{line}\n"), "{value}");
    }
}

#[test]
fn markdown_asked_for_is_written_as_given_and_open_markup_refused() {
    let plan = "# P\n\n**Spec:** [spec.md](spec.md)\n**Status:** `Draft`\n";
    let link = "[spec](../001/spec.md)";
    let (code, out, err, after) = run(plan, &["set", "plan.md", "spec", link, "--markdown"]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(out, format!("set spec: {link}\n"));
    assert_eq!(
        after,
        "# P\n\n**Spec:** [spec](../001/spec.md)\n**Status:** `Draft`\n"
    );
    assert_eq!(shown(&after, "Spec"), link);
    // A lone backtick would make the next line's label code: refused,
    // and the file left as it was.
    let (code, _, err, after) = run(plan, &["set", "plan.md", "spec", "`x", "--markdown"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "planwright: error: plan.md: the value cannot be written as a bold field: its backtick opens a code span it does not close, which would reach to line 4; close it in the value, or escape it (\\`)\n"
    );
    assert_eq!(after, plan);
}

#[test]
fn a_value_or_message_starting_with_a_hyphen_needs_no_double_dash() {
    let plan = "# P\n\n**Owner:** bob\n\n## Progress Log\n\n- 2024-03-01: kickoff\n";
    let (code, out, err, after) = run(plan, &["set", "plan.md", "owner", "- team A"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (Some(0), "set owner: - team A\n", "")
    );
    assert_eq!(shown(&after, "Owner"), "- team A");
    let (code, out, err, after) = run(plan, &["log", "plan.md", "-fixed", "--date", "2024-03-02"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (Some(0), "logged 2024-03-02: -fixed\n", "")
    );
    assert!(
        after.ends_with("- 2024-03-01: kickoff\n- 2024-03-02: -fixed\n"),
        "{after}"
    );
    // An option's own name is still the option, before the value and after.
    let (code, _, err, after) = run(plan, &["set", "plan.md", "team", "--add", "-x"]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(shown(&after, "Team"), "-x");
    // A mistyped option is refused rather than written as the value.
    let (code, out, err, after) = run(plan, &["set", "plan.md", "owner", "--forse"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            Some(2),
            "",
            "planwright: error: `--forse` is no option of `set`; to write it as text, put `--` before it\n"
        )
    );
    assert_eq!(after, plan);
    // And `--` still makes text of anything after it.
    let (code, _, err, after) = run(plan, &["set", "plan.md", "owner", "--", "--add"]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(shown(&after, "Owner"), "--add");
}

#[test]
fn a_date_that_names_no_day_is_refused_in_every_form_log_reads() {
    let plan = "# P\n\n**Created:** 2024-01-01\n";
    for (value, date, why) in [
        ("2024-02-30", "2024-02-30", "February 2024 has 29 days"),
        ("Feb 30, 2024", "Feb 30, 2024", "February 2024 has 29 days"),
        ("30/02/2024", "30/02/2024", "February 2024 has 29 days"),
        (
            "from 31 April 2024 on",
            "31 April 2024",
            "April 2024 has 30 days",
        ),
        ("13.13.2024", "13.13.2024", "there is no month 13"),
    ] {
        let (code, out, err, after) = run(plan, &["set", "plan.md", "created", value]);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (
                Some(2),
                "",
                format!(
                    "planwright: error: plan.md: `{date}` is not a date: {why}; give a day the calendar has, or --force to write it as it is\n"
                )
                .as_str()
            ),
            "{value}"
        );
        assert_eq!(after, plan, "{value}");
    }
    for value in [
        "Feb 29, 2024",
        "29/02/2024",
        "5th of March 2024",
        "3 bugs, 30 days",
    ] {
        let (code, _, err, _) = run(plan, &["set", "plan.md", "created", value]);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{value}");
    }
    let (code, _, err, after) = run(
        plan,
        &["set", "plan.md", "created", "Feb 30, 2024", "--force"],
    );
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(after, plan.replace("2024-01-01", "Feb 30, 2024"));
}
