//! Placeholder recognition: the shapes that are slots, and the look-alikes
//! that are not.

use super::*;

pub(super) fn kinds(text: &str) -> Vec<(Text, &'static str)> {
    let mut out = Vec::new();
    scan_text(text, 0, text.len(), &mut out);
    out.into_iter().map(|p| (p.text, p.kind.name())).collect()
}

#[test]
fn template_slots_are_found() {
    assert_eq!(
        kinds("Implementation Plan: [FEATURE NAME]"),
        [("[FEATURE NAME]".into(), "bracket")]
    );
    assert_eq!(
        kinds("**Step 1 – [Title]**"),
        [("[Title]".into(), "bracket")]
    );
    assert_eq!(kinds("see [DATE] and [Brief description]").len(), 2);
    assert_eq!(
        kinds("{FEATURE_TITLE}"),
        [("{FEATURE_TITLE}".into(), "brace")]
    );
    assert_eq!(
        kinds("{{FEATURE_NAME}}"),
        [("{{FEATURE_NAME}}".into(), "double_brace")]
    );
    assert_eq!(
        kinds("{{Step Title}}"),
        [("{{Step Title}}".into(), "double_brace")]
    );
    assert_eq!(
        kinds("<Project / Feature Name> – x"),
        [("<Project / Feature Name>".into(), "angle")]
    );
    assert_eq!(
        kinds("\"$ARGUMENTS\""),
        [("$ARGUMENTS".into(), "arguments")]
    );
    assert_eq!(
        kinds("Time: X hours/days"),
        [("X hours/days".into(), "estimate")]
    );
    assert_eq!(kinds("due YYYY-MM-DD"), [("YYYY-MM-DD".into(), "date")]);
    assert_eq!(kinds("Owner (TBD)"), [("(TBD)".into(), "tbd")]);
    assert_eq!(kinds("{L/M/H}"), [("{L/M/H}".into(), "choice")]);
    assert_eq!(
        kinds("[###-feature-name]"),
        [("[###-feature-name]".into(), "bracket")]
    );
    assert_eq!(kinds("[ load testing, pen testing ]").len(), 1);
    // Spaced as Jinja, Handlebars and Go templates write them.
    let mut out = Vec::new();
    scan_text("# Plan: {{ title }}", 0, 19, &mut out);
    assert_eq!(
        out.iter()
            .map(|p| (p.text.as_str(), p.name.as_deref()))
            .collect::<Vec<_>>(),
        [("{{ title }}", Some("title"))]
    );
}

#[test]
fn a_run_of_underscores_standing_as_a_word_is_a_blank() {
    assert_eq!(kinds("Budget: ___"), [("___".into(), "blank")]);
    assert_eq!(
        kinds("Signed: ________ (lead)"),
        [("________".into(), "blank")]
    );
    // Inside a name, or two: no word of its own.
    for text in ["a___b", "__init__", "snake___case", "x __ y", "___init"] {
        assert!(kinds(text).is_empty(), "{text}");
    }
}

#[test]
fn escaped_openers_are_text() {
    for text in [
        "Support \\<Vec> generics",
        "see \\[DATE]",
        "render \\{name} here",
    ] {
        assert_eq!(kinds(text), [], "{text}");
    }
}

#[test]
fn a_name_that_lower_cases_longer_is_sliced_as_written() {
    // `İ` is two bytes and lower-cases to three: slicing the code by the
    // normalised name's length cut a character and panicked.
    let mut out = Vec::new();
    for code in ["{{İ}}", "{{İİİİ}}", "x {{ İ_A }} y"] {
        scan_code(code, 0, &mut out);
    }
    assert!(out.is_empty(), "{out:?}");
    scan_code("{{ BRANCH }}", 0, &mut out);
    assert_eq!(out.len(), 1);
}

#[test]
fn look_alikes_are_not_slots() {
    for text in [
        "[spec.md](spec.md)",
        "[x] done",
        "[P] tasks = different files",
        "[US1] story",
        "returns 429",
        "Phase 1: Foundation [Priority: HIGH]",
        "line<br>break",
        "<details>",
        "`Vec<T>` and Vec<T>",
        "/users/{id}",
        "${HOME}",
        "a[0] and [1, 2]",
        "[link]",
        "<UserProfile>",
        "TBDS are fine, STBD too",
        "Xavier hours",
        "[^1]",
        "[Story] = the user story a task belongs to",
    ] {
        let found = kinds(text);
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
}

#[test]
fn code_only_counts_template_shapes() {
    let mut out = Vec::new();
    scan_code("{\n  \"a\": [1, 2],\n  \"b\": {\"c\": 3}\n}\n", 0, &mut out);
    scan_code("fn main() { let v = vec![1]; }", 0, &mut out);
    scan_code("<div>{{ user.name }}</div>", 0, &mut out);
    assert!(out.is_empty(), "{out:?}");
    scan_code(
        "# Migration commands\n{{MIGRATION_COMMAND}}\n",
        10,
        &mut out,
    );
    scan_code("[Component diagram or flow chart]\n", 100, &mut out);
    scan_code("path/to/file.{{FILE_EXTENSION}}", 200, &mut out);
    let got: Vec<_> = out
        .iter()
        .map(|p| (p.text.as_str(), p.range.start))
        .collect();
    assert_eq!(
        got,
        [
            ("{{MIGRATION_COMMAND}}", 31),
            ("[Component diagram or flow chart]", 100),
            ("{{FILE_EXTENSION}}", 213)
        ]
    );
}

#[test]
fn a_run_finds_only_its_own_slots_though_the_scan_reads_past_it() {
    // The fast loop reads beyond `end`; a slot there, or one that a pair
    // across the boundary seems to open, belongs to no run scanned here.
    let src = "Short run T{{NAME}} and [Owner] TBD after it";
    for end in 0..=src.find(" T{{").unwrap_or(0) + 2 {
        let mut out = Vec::new();
        scan_text(src, 0, end, &mut out);
        assert!(out.is_empty(), "run 0..{end}: {out:?}");
    }
    let mut out = Vec::new();
    scan_text(src, 10, src.len(), &mut out);
    let found: Vec<&str> = out.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(found, ["{{NAME}}", "[Owner]", "TBD"]);
    // A run that starts past a slot's opener does not see the slot.
    let mut out = Vec::new();
    scan_text(src, src.find("Owner").unwrap_or(0), src.len(), &mut out);
    let found: Vec<&str> = out.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(found, ["TBD"]);
}

#[test]
fn braces_inside_a_quoted_string_on_their_line_are_not_slots() {
    let names = |text: &str| -> Vec<Text> { kinds(text).into_iter().map(|(t, _)| t).collect() };
    // Quoted, unquoted, quoted again, unquoted: counted left to right.
    assert_eq!(
        names(r#"Log "{first} at" {second} then "x {third}" and {fourth}"#),
        ["{second}", "{fourth}"]
    );
    // A quote opened on one line does not reach the next.
    assert_eq!(names("say \"{a}\nand {b}\" {c}"), ["{a}", "{b}", "{c}"]);
    // An odd quote before with no quote after on the line: a slot.
    assert_eq!(names(r#"a "b {slot} c"#), ["{slot}"]);
}

#[test]
fn a_long_run_of_braces_is_not_a_long_name() {
    let open = "{{".repeat(100);
    assert!(kinds(&format!("{open}NAME}}")).len() <= 1);
    let double = |name: String| {
        kinds(&format!("{{{{{name}}}}}"))
            .iter()
            .any(|(_, kind)| *kind == "double_brace")
    };
    assert!(double("N".repeat(80)));
    assert!(!double("N".repeat(81)));
}

#[test]
fn windows_find_the_first_byte_that_may_open_a_slot() {
    // The tables the scan used before it judged sixteen bytes at once:
    // a byte that opens a slot, and the openers the next byte continues
    // (`NE` and `(N` for spec-kit's `NEEDS CLARIFICATION`, `__` for a
    // blank).
    let opens = |b: u8| -> u16 {
        match b {
            b'[' | b'{' | b'<' | b'$' => 1,
            b'T' => 2,
            b'M' => 4,
            b'Y' => 8,
            b'X' => 16,
            b'N' => 16 | 64,
            b'(' => 32 | 128,
            b'_' => 256,
            _ => 0,
        }
    };
    let follows = |b: u8| -> u16 {
        1 | match b {
            b'_' => 256,
            b'B' => 2,
            b'M' => 4,
            b'Y' => 8,
            b' ' => 16,
            b'T' => 32,
            b'E' => 64,
            b'N' => 128,
            _ => 0,
        }
    };
    for b in 0..=255u8 {
        for n in 0..=255u8 {
            let expected = opens(b) & follows(n) != 0;
            assert_eq!(may_open(b, n), expected, "{b} {n}");
            for k in [0, 7, 15] {
                let mut window = [b'a'; WINDOW + 1];
                window[k] = b;
                window[k + 1] = n;
                let first = (0..WINDOW).find(|&j| may_open(window[j], window[j + 1]));
                assert_eq!(first_opening(&window), first, "{b} {n} at {k}");
            }
        }
        // Past the end of a run only openers that need no next byte count.
        assert_eq!(may_open(b, 0), opens(b) & 1 != 0, "{b} at the end");
    }
}

#[test]
fn spec_kits_open_question_marker_is_a_slot_where_it_is_left() {
    // Left in a place: in brackets or parentheses (a question holding
    // parentheses of its own, quotes or backticks), before its question,
    // or as a bold field's whole value.
    for (text, found) in [
        (
            "- cache [NEEDS CLARIFICATION: which store?]",
            "[NEEDS CLARIFICATION: which store?]",
        ),
        (
            "- cache (NEEDS CLARIFICATION: sync (or async)?)",
            "(NEEDS CLARIFICATION: sync (or async)?)",
        ),
        (
            "Auth via [NEEDS CLARIFICATION: \"SSO\" or `OAuth`?]",
            "[NEEDS CLARIFICATION: \"SSO\" or `OAuth`?]",
        ),
        ("Queue (NEEDS CLARIFICATION)", "(NEEDS CLARIFICATION)"),
        (
            "Queue (NEEDS CLARIFICATION: which one,",
            "(NEEDS CLARIFICATION",
        ),
        (
            "Queue: NEEDS CLARIFICATION: which one?",
            "NEEDS CLARIFICATION",
        ),
        ("**Testing**: NEEDS CLARIFICATION", "NEEDS CLARIFICATION"),
    ] {
        assert_eq!(kinds(text), [(found.into(), "tbd")], "{text}");
    }
    // Talked about, not left: the words in a sentence, in lower case, or
    // another word.
    for text in [
        "Scan the context for NEEDS CLARIFICATION",
        "- [x] All NEEDS CLARIFICATION resolved",
        "For each NEEDS CLARIFICATION → research task",
        "**Testing**: needs clarification",
        "(NEEDS CLARIFICATIONS)",
    ] {
        assert_eq!(kinds(text), [], "{text}");
    }
    // A code span holding the marker alone is found, as any code holding
    // one slot; the rule tells a mention from a value.
    let mut out = Vec::new();
    scan_code("[NEEDS CLARIFICATION: question]", 0, &mut out);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].kind, PlaceholderKind::Tbd);
}

#[test]
fn keys_changelog_headings_and_sets_are_not_slots() {
    for text in [
        "Press <Enter> to confirm, <ESC> to leave, <Tab> to move.",
        "## [Unreleased]",
        "Accepts {a, b} and {read, write}.",
    ] {
        assert_eq!(kinds(text), [], "{text}");
    }
    // Slots of the same shapes still are.
    assert_eq!(kinds("<Owner>"), [("<Owner>".into(), "angle")]);
    assert_eq!(kinds("[Unreleased date]").len(), 1);
    assert_eq!(kinds("{Owner, Team}").len(), 1);
}

#[test]
fn a_question_wrapped_onto_the_next_line_is_read_to_its_close() {
    let src = "Pick [NEEDS CLARIFICATION: which queue do\n  we use?] now.\n\n\
               - Open (NEEDS CLARIFICATION: never closed\n\nnext paragraph)\n";
    let plan = crate::parse(src);
    let got: Vec<_> = plan
        .placeholders
        .iter()
        .map(|p| p.range.slice(src))
        .collect();
    assert_eq!(
        got,
        [
            "[NEEDS CLARIFICATION: which queue do\n  we use?]",
            // A blank line ends the question: the opener is what is left.
            "(NEEDS CLARIFICATION",
        ]
    );
    assert!(
        plan.placeholders
            .iter()
            .all(|p| p.text == p.range.slice(src))
    );
}

#[test]
fn a_field_of_a_template_engines_data_is_not_a_slot() {
    for text in [
        "Jinja writes {{ user.name }} and {{ticket.title}}.",
        "The action reads {{ secrets.deploy_key }}.",
    ] {
        assert_eq!(kinds(text), [], "{text}");
    }
    // A name in capitals or words, a number in a name, a lower-case name
    // alone: slots.
    for text in [
        "Ask {{owner}}",
        "{{ Step 1.2 }}",
        "{{FILE.md}}",
        "Ask {team lead}",
        // The design template's own slot shape, in prose too.
        "Strings like {name} are read",
    ] {
        assert_eq!(kinds(text).len(), 1, "{text}");
    }
}

#[test]
fn arguments_in_code_are_a_slot_only_alone_on_their_line() {
    let code = |text: &str| {
        let mut out = Vec::new();
        scan_code(text, 0, &mut out);
        out.len()
    };
    assert_eq!(code("$ARGUMENTS"), 1);
    assert_eq!(code("\"$ARGUMENTS\""), 1);
    assert_eq!(code("text\n  $ARGUMENTS\n"), 1);
    assert_eq!(code("echo $ARGUMENTS"), 0);
    assert_eq!(code("run \"$ARGUMENTS\" now\n"), 0);
}
