//! `set` on bold fields: what stands around the value (a hard break,
//! markup wrapping it whole) stays, and labels and values a bold line
//! cannot hold are refused saying why.

use super::*;

#[test]
fn a_hard_break_after_a_bold_value_stays() {
    let src = "# Title\n\n**Status:** Draft\\\n**Owner:** a\n";
    let plan = parse(src);
    assert_eq!(plan.field("status").unwrap().value, "Draft");
    let done = run(src, "status", "Done", false).unwrap();
    assert_eq!(done, "# Title\n\n**Status:** Done\\\n**Owner:** a\n");
    // Emptied and set again: the line comes back byte for byte.
    let empty = run(src, "status", "", false).unwrap();
    assert_eq!(empty, "# Title\n\n**Status:**\\\n**Owner:** a\n");
    assert_eq!(run(&empty, "status", "Draft", false).unwrap(), src);
    // An escaped backslash is text, and part of the value, read as the
    // one backslash it shows.
    let src = "# T\n\n**Path:** C:\\\\\n";
    assert_eq!(parse(src).field("path").unwrap().value, "C:\\");
    // An HTML break is the line's too, in any of its spellings.
    for br in ["<br>", "<br/>", " <BR />"] {
        let src = format!("# T\n\n**Status:** Draft{br}\n**Owner:** a<br>\n");
        assert_eq!(parse(&src).field("status").unwrap().value, "Draft");
        assert_eq!(
            run(&src, "status", "In Progress", false).unwrap(),
            format!("# T\n\n**Status:** In Progress{br}\n**Owner:** a<br>\n")
        );
    }
    // A value that ends in `\` would be a line break itself: it is
    // doubled, and reads back as given.
    let written = run("# T\n\n**Path:** x\n", "path", "C:\\", false).unwrap();
    assert_eq!(written, "# T\n\n**Path:** C:\\\\\n");
    assert_eq!(parse(&written).field("path").unwrap().value, "C:\\");
}

#[test]
fn a_comment_or_footnote_after_a_bold_value_stays() {
    for note in [
        " <!-- synced by CI -->",
        "[^1]",
        " [^risk-note]",
        "[^1] <!-- x -->",
    ] {
        let src = format!("# T\n\n**Status:** Draft{note}\n**Owner:** a\n\n[^1]: y\n");
        assert_eq!(
            parse(&src).field("status").unwrap().value,
            "Draft",
            "{note}"
        );
        assert_eq!(
            run(&src, "status", "In Progress", false).unwrap(),
            src.replace("Draft", "In Progress"),
            "{note}"
        );
    }
    // A comment alone is no value, and stays when one is written.
    let src = "# T\n\n**Status:** <!-- Draft | Done -->\n";
    assert_eq!(parse(src).field("status").unwrap().value, "");
    assert_eq!(
        run(src, "status", "Done", false).unwrap(),
        "# T\n\n**Status:** Done <!-- Draft | Done -->\n"
    );
    // A bracket that is no footnote reference is the value's.
    let src = "# T\n\n**Status:** Draft [see notes]\n";
    assert_eq!(
        parse(src).field("status").unwrap().value,
        "Draft [see notes]"
    );
}

#[test]
fn a_bold_value_ending_in_a_bar_is_refused_saying_why() {
    let src = "# T\n\n**Owner:** x\\|y | **Team:** z\n";
    for value in ["|", "a |"] {
        assert_eq!(
            run(src, "owner", value, false).unwrap_err().to_string(),
            "the value cannot be written as a bold field: it ends with `|`, which a bold field's line reads as the separator before another field (`**A:** x | **B:** y`), so the value would end before it"
        );
    }
    // Within the value a bar is fine.
    assert_eq!(
        run(src, "owner", "x|y", false).unwrap(),
        "# T\n\n**Owner:** x|y | **Team:** z\n"
    );
}

#[test]
fn a_label_that_would_break_a_bold_field_is_refused() {
    let src = "# P\n\n**Status:** Draft\n";
    for (name, why) in [
        ("key: evil", "cannot contain `:`, which ends a field's name"),
        (
            "a*b",
            "cannot contain `*`, which would close the label's `**`",
        ),
        (
            "a|b",
            "cannot contain `|`, which separates fields on a line",
        ),
    ] {
        assert_eq!(
            run(src, name, "v", true).unwrap_err().to_string(),
            format!("cannot add `{name}` as a bold field: its name {why}"),
            "{name}"
        );
    }
    let src = "# P\n\n<!-- STATUS: x -->\n";
    assert_eq!(
        run(src, "a.b", "v", true).unwrap_err().to_string(),
        "cannot add `a.b` as a comment field: its name is no comment field's key: one starts with an ASCII letter and holds only ASCII letters, digits, `_`, `-` and spaces"
    );
}

#[test]
fn a_value_written_in_code_or_emphasis_keeps_it() {
    let src = "# P\n\n**Branch**: `001-x`\n**Owner:** *alice*\n**Team:** __core__\n\
               **Spec:** [spec](spec.md)\n**Both:** `a` and `b`\n";
    let mut out = src.to_owned();
    for (field, value) in [
        ("branch", "002-y"),
        ("owner", "bob"),
        ("team", "infra"),
        ("spec", "new.md"),
        ("both", "c"),
    ] {
        out = run(&out, field, value, false).unwrap();
    }
    assert_eq!(
        out,
        "# P\n\n**Branch**: `002-y`\n**Owner:** *bob*\n**Team:** __infra__\n\
         **Spec:** new.md\n**Both:** c\n"
    );
    // A value holding the markup's own character is written without it,
    // that character escaped (`a`b` would make code of everything up to
    // `Both`'s first backtick); so is markup of the value's own, which is
    // text, read back as typed.
    assert_eq!(
        run(src, "branch", "a`b", false).unwrap(),
        src.replace("`001-x`", "a\\`b")
    );
    assert_eq!(
        run(src, "branch", "`002`", false).unwrap(),
        src.replace("`001-x`", "\\`002\\`")
    );
    assert_eq!(
        run(src, "owner", "a*b", false).unwrap(),
        src.replace("*alice*", "a\\*b")
    );
    // Inside a kept code span every character is text as written; inside
    // kept emphasis, markup is escaped.
    assert_eq!(
        run(src, "branch", "a*b[", false).unwrap(),
        src.replace("`001-x`", "`a*b[`")
    );
    assert_eq!(
        run(src, "owner", "a[b", false).unwrap(),
        src.replace("*alice*", "*a\\[b*")
    );
}

#[test]
fn a_value_that_would_reach_past_itself_is_escaped_or_refused() {
    let src = "# P\n\n**Owner:** bob\n**Status:** Draft `x`\n";
    for (value, written) in [
        ("a`b", "a\\`b"),
        ("<span title=\"x", "\\<span title=\"x"),
        ("[draft", "\\[draft"),
        ("~x", "\\~x"),
        (
            "`a` *b* [c](d.md) <https://e.f>",
            "\\`a\\` \\*b\\* \\[c\\](d.md) \\<https://e.f>",
        ),
    ] {
        assert_eq!(
            run(src, "owner", value, false).unwrap(),
            src.replace("bob", written),
            "{value}"
        );
    }
    // Added, the same.
    assert_eq!(
        run(src, "team", "a`b", true).unwrap(),
        src.replace("`x`\n", "`x`\n**Team:** a\\`b\n")
    );
    // The value's backtick, escaped, would close the lone backtick before
    // it: in code a backslash is text. The refusal says what helps
    // instead, and that works.
    let src = "# P\n\n**Note:** it`s\n**Owner:** bob\n";
    for value in ["`x`", "a`b", "``x``"] {
        let err = run(src, "owner", value, false).unwrap_err();
        assert!(
            matches!(err, OpError::BadValue { style: "bold", .. }),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            "the value cannot be written as a bold field: a backtick in it would close the code span that a backtick on line 3 opens, and in code a `\\` is text, so no escape in the value can prevent it; escape that backtick in the plan (write it \\`), or leave backticks out of the value"
        );
    }
    let escaped = src.replace("it`s", "it\\`s");
    assert_eq!(
        run(&escaped, "owner", "a`b", false).unwrap(),
        escaped.replace("bob", "a\\`b")
    );
    // A run of two left open: the value's backticks, each escaped, are
    // lone ones, which cannot close it.
    let src = "# P\n\n**Note:** it``s\n**Owner:** bob\n";
    for (value, written) in [("a`b", "a\\`b"), ("``x``", "\\`\\`x\\`\\`")] {
        assert_eq!(
            run(src, "owner", value, false).unwrap(),
            src.replace("bob", written)
        );
    }
}

#[test]
fn fields_sharing_a_line_keep_each_other() {
    // Whatever separates them, setting one leaves the others as written.
    let src = "# P\n\n**Date:** 2026-07-12 \u{b7} **Status:** Proposed; **Base:** main\n";
    let out = run(src, "date", "2026-08-01", false).unwrap();
    assert_eq!(
        out,
        "# P\n\n**Date:** 2026-08-01 \u{b7} **Status:** Proposed; **Base:** main\n"
    );
    let out = run(src, "status", "Done", false).unwrap();
    assert_eq!(
        out,
        "# P\n\n**Date:** 2026-07-12 \u{b7} **Status:** Done; **Base:** main\n"
    );
    // A value that would start a field of its own is refused.
    let err = run(src, "base", "main · **Owner:** me", false).unwrap_err();
    assert!(
        err.to_string()
            .contains("it would add the field `Owner: me`"),
        "{err}"
    );
}

#[test]
fn a_value_its_paragraph_goes_on_with_is_replaced_whole() {
    // Markdown reads the next line as more of the value: all of it goes,
    // and the line that starts a field of its own stays.
    let src = "# P\n\n**Goal:** Add OTel config,\ninjected into the process\n**Status:** Draft\n";
    assert_eq!(
        run(src, "goal", "Ship it", false).unwrap(),
        "# P\n\n**Goal:** Ship it\n**Status:** Draft\n"
    );
    assert_eq!(
        run(src, "status", "Done", false).unwrap(),
        src.replace("Draft", "Done")
    );
    // In any line ending.
    for ending in ["\r\n", "\r"] {
        assert_eq!(
            run(&src.replace('\n', ending), "goal", "Ship it", false).unwrap(),
            "# P\n\n**Goal:** Ship it\n**Status:** Draft\n".replace('\n', ending)
        );
    }
    // A list item's value with its item's next line, and a quote's.
    let item = "# P\n\n- **Goal:** one\n  two\n- **Owner:** a\n";
    assert_eq!(
        run(item, "goal", "x", false).unwrap(),
        "# P\n\n- **Goal:** x\n- **Owner:** a\n"
    );
    let quote = "# P\n\n> **Status:** Draft\n> **Goal:** a\n> b\n\n## T\n";
    assert_eq!(
        run(quote, "goal", "x", false).unwrap(),
        "# P\n\n> **Status:** Draft\n> **Goal:** x\n\n## T\n"
    );
    // Only the line's last field goes on below it.
    let two = "# P\n\n**Date:** 2026-02-20 | **Context:** a sync that\nbroke the hook\n";
    assert_eq!(
        run(two, "date", "2026-02-21", false).unwrap(),
        two.replace("02-20", "02-21")
    );
    assert_eq!(
        run(two, "context", "x", false).unwrap(),
        "# P\n\n**Date:** 2026-02-20 | **Context:** x\n"
    );
    // After a hard break the next line is a line of its own.
    let broken = "# P\n\n**Goal:** one\\\ntwo\n";
    assert_eq!(
        run(broken, "goal", "x", false).unwrap(),
        "# P\n\n**Goal:** x\\\ntwo\n"
    );
}

#[test]
fn a_value_over_several_lines_is_emptied_and_filled_again() {
    // Emptied, the value's lines go with the blank before it; set again,
    // it is written on the label's line.
    let src = "# P\n\n**Goal:** one\ntwo\n**Owner:** a\n";
    let empty = run(src, "goal", "", false).unwrap();
    assert_eq!(empty, "# P\n\n**Goal:**\n**Owner:** a\n");
    assert_eq!(
        run(&empty, "goal", "one two", false).unwrap(),
        "# P\n\n**Goal:** one two\n**Owner:** a\n"
    );
    // A value that starts below its label is replaced where it stands,
    // and emptied with the line break before it, so the paragraph (and
    // the fields after it) stay one.
    let below = "# P\n\n- **Goal:**\n  Build it.\n- **Owner:** a\n";
    assert_eq!(
        run(below, "goal", "Ship it", false).unwrap(),
        "# P\n\n- **Goal:**\n  Ship it\n- **Owner:** a\n"
    );
    let below = "# P\n\n**Goal:**\nBuild it.\n**Owner:** a\n";
    assert_eq!(
        run(below, "goal", "", false).unwrap(),
        "# P\n\n**Goal:**\n**Owner:** a\n"
    );
}

#[test]
fn plain_header_fields_are_set_and_added_plainly() {
    let src = "# P\n\nStatus: Draft\nOwner: alice\n\n## Tasks\n";
    assert_eq!(
        run(src, "status", "Active", false).unwrap(),
        "# P\n\nStatus: Active\nOwner: alice\n\n## Tasks\n"
    );
    assert_eq!(
        run(src, "team", "core", true).unwrap(),
        "# P\n\nStatus: Draft\nOwner: alice\nTeam: core\n\n## Tasks\n"
    );
    // Markup in the value is written as text, as for a bold field.
    assert_eq!(
        run(src, "owner", "a*b", false).unwrap(),
        "# P\n\nStatus: Draft\nOwner: a\\*b\n\n## Tasks\n"
    );
}

#[test]
fn a_field_added_to_a_line_of_fields_takes_its_separator() {
    let src = "# P\n\n**Date:** 2026-07-12 · **Status:** Draft\n";
    assert_eq!(
        run(src, "base", "main", true).unwrap(),
        "# P\n\n**Date:** 2026-07-12 · **Status:** Draft · **Base:** main\n"
    );
}

#[test]
fn a_field_added_after_fields_one_blank_apart_goes_on_its_own_line() {
    // After a date one blank separates fields; after the last value's
    // words it would not, and the new field would read as more of them.
    let src = "# P\n\n**Date:** 2026-02-20 **Context:** a sync broke the hook\n\nText.\n";
    assert_eq!(
        run(src, "status", "Draft", true).unwrap(),
        "# P\n\n**Date:** 2026-02-20 **Context:** a sync broke the hook\n\
         **Status:** Draft\n\nText.\n"
    );
}

#[test]
fn words_set_before_the_next_field_on_the_line_keep_it_a_field() {
    // One blank after a single word or date starts the next field; after
    // words it would be read as more of them, so a second blank is
    // written, and the owner stays the owner.
    let src = "# T\n\n**Date:** 2026-02-20 **Owner:** bob\n";
    let set = run(src, "date", "to be decided", false).unwrap();
    assert_eq!(set, "# T\n\n**Date:** to be decided  **Owner:** bob\n");
    let plan = parse(&set);
    assert_eq!(plan.field("owner").unwrap().value, "bob");
    // A single word needs no second blank.
    assert_eq!(
        run(src, "date", "TBD", false).unwrap(),
        "# T\n\n**Date:** TBD **Owner:** bob\n"
    );
    // The line's last field is followed by nothing to keep apart.
    assert_eq!(
        run(src, "owner", "Ann Lee", false).unwrap(),
        "# T\n\n**Date:** 2026-02-20 **Owner:** Ann Lee\n"
    );
}

#[test]
fn markdown_asked_for_is_written_as_given() {
    let src = "# P\n\n**Spec:** [spec.md](spec.md)\n**Owner:** a\n";
    // As text, a link reads back as the characters typed.
    assert_eq!(
        run(src, "spec", "[spec](../001/spec.md)", false).unwrap(),
        "# P\n\n**Spec:** \\[spec\\](../001/spec.md)\n**Owner:** a\n"
    );
    assert_eq!(
        run_as(src, "spec", "[spec](../001/spec.md)", false, true).unwrap(),
        "# P\n\n**Spec:** [spec](../001/spec.md)\n**Owner:** a\n"
    );
    // The value's own markup replaces what wrapped the old one whole.
    assert_eq!(
        run_as("# P\n\n**Owner:** *a*\n", "owner", "**Ada**", false, true).unwrap(),
        "# P\n\n**Owner:** **Ada**\n"
    );
    // Added, too.
    assert_eq!(
        run_as(src, "issue", "[#42](https://example.com/42)", true, true).unwrap(),
        "# P\n\n**Spec:** [spec.md](spec.md)\n**Owner:** a\n**Issue:** [#42](https://example.com/42)\n"
    );
}

#[test]
fn markdown_that_reaches_past_its_field_is_refused() {
    let src = "# P\n\n**Owner:** a\n**Status:** `Draft`\n";
    // A lone backtick would open a code span that swallows the next
    // field's label; a lone star that a later star closes, emphasis.
    for (src, value, said) in [
        (
            src,
            "`x",
            "its backtick opens a code span it does not close, which would reach to line 4; close it in the value, or escape it (\\`)",
        ),
        (
            "# P\n\n**Owner:** a\n**Status:** Draft, 2* faster\n",
            "*x",
            "its `*` opens markup it does not close, which would reach to line 4; close it in the value, or escape it (\\*)",
        ),
    ] {
        let refused = run_as(src, "owner", value, false, true).unwrap_err();
        assert_eq!(
            refused.to_string(),
            format!("the value cannot be written as a bold field: {said}"),
        );
    }
    // A star nothing pairs with is a star.
    assert_eq!(
        run_as(src, "owner", "*x", false, true).unwrap(),
        "# P\n\n**Owner:** *x\n**Status:** `Draft`\n"
    );
    let lone = run_as(src, "owner", "a\\", false, true).unwrap_err();
    assert!(lone.to_string().contains("lone `\\`"), "{lone}");
    // An escaped backslash is text.
    assert_eq!(
        run_as(src, "owner", "a\\\\", false, true).unwrap(),
        "# P\n\n**Owner:** a\\\\\n**Status:** `Draft`\n"
    );
}
