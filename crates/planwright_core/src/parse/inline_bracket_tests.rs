//! The bracket recogniser: a slot before a colon, as a field's whole
//! value, set off by emphasis; the reference definitions, tags, values
//! and terms that are none.

use super::super::scan_text;
use super::super::tests::kinds;
use crate::model::Text;
use crate::text::TextRange;

#[test]
fn a_slot_before_a_colon_is_a_slot() {
    // A heading, a task's text, the middle and the start of a line.
    for (text, slot) in [
        ("## [COMPONENT]: details", "[COMPONENT]"),
        ("[TASK]: do it", "[TASK]"),
        ("Text [OTHER]: more", "[OTHER]"),
        ("First line\n[OTHER]: more", "[OTHER]"),
        ("# Plan: [FEATURE NAME]:", "[FEATURE NAME]"),
    ] {
        assert_eq!(kinds(text), [(slot.into(), "bracket")], "{text:?}");
    }
    assert_eq!(
        kinds("# [PROJECT]: [FEATURE NAME]"),
        [
            ("[PROJECT]".into(), "bracket"),
            ("[FEATURE NAME]".into(), "bracket")
        ]
    );
}

#[test]
fn text_shaped_as_a_reference_definition_is_not_a_slot() {
    // pulldown-cmark consumes real definitions; these are the ones that
    // could not interrupt a paragraph, as the scan sees them.
    for text in [
        "See the spec.\n[Spec]: ./spec.md",
        "See the spec.\n  [Spec]: https://example.com/spec \"The spec\"",
        "Text\n[Design Doc]: <docs/design doc.md>",
        "> Quote\n> [Spec]: spec.md#usage",
        // Footnotes and check boxes before a colon.
        "[^note]: a footnote",
        "[x]: done",
        "- [X]: done",
    ] {
        let found = kinds(text);
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
    // Not first on its line, or not followed by a destination.
    assert_eq!(kinds("Read [Spec]: ./spec.md").len(), 1);
    assert_eq!(kinds("Intro\n[Spec]: to be written").len(), 1);
}

#[test]
fn a_tag_with_a_reference_id_is_not_a_slot() {
    assert_eq!(kinds("**B2.2 [NEW_DESIGN_DECISION ND-1]:** text"), []);
    assert_eq!(kinds("[Decision FR-001] and [FR 1 scope]").len(), 1);
}

#[test]
fn a_lower_case_word_is_a_slot_as_a_bold_fields_whole_value() {
    for text in [
        "**Deciders:** [names]",
        "**Date:** [date]",
        "- **Deciders**: [names]  ",
        "1. __Owner:__ [owner]",
        "> **Reviewers:** [reviewers]",
    ] {
        assert_eq!(kinds(text).len(), 1, "{text:?}");
    }
    // A run can start after the bold key: the key is read from the line.
    let src = "intro\n**Deciders:** [names]\n";
    let mut out = Vec::new();
    scan_text(src, 20, 28, &mut out);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].range, TextRange::new(20, 27));
    for text in [
        "see [docs]",
        "**See:** [docs] and more",
        "**Date:** today [date]",
        "Date: [date]",
        "**Deciders:** [v1]",
        "[names]",
    ] {
        let found = kinds(text);
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
}

#[test]
fn a_list_of_lower_case_words_is_a_slot_only_as_a_fields_whole_value() {
    for text in [
        "Allowed roles are [admin, editor] and scopes are [read, write].",
        "Values: [low, high]",
        "[snake_case, kebab-case]",
    ] {
        let found = kinds(text);
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
    assert_eq!(
        kinds("**Roles:** [admin, editor]"),
        [("[admin, editor]".into(), "bracket")]
    );
    // Slots in words stay slots, with commas or without.
    assert_eq!(kinds("[specific problem]").len(), 1);
    assert_eq!(kinds("[e.g., Repository pattern]").len(), 1);
}

#[test]
fn a_lower_case_word_is_a_slot_as_one_of_several_fields_on_a_line() {
    let found = |text: &str| -> Vec<Text> { kinds(text).into_iter().map(|(t, _)| t).collect() };
    assert_eq!(
        found("**Branch**: `main` | **Due**: [due] | **Ref**: [ref]"),
        ["[due]", "[ref]"]
    );
    assert_eq!(
        found("- **Due:** [due] | __Ref:__ [ref] |"),
        ["[due]", "[ref]"]
    );
    for text in [
        // A table row, a line that opens with prose, a `|` in the value.
        "| **Ref**: [ref] | two |",
        "see | **Ref**: [ref]",
        "**Ref**: [ref] | more",
        "**Ref**: a | [ref]",
    ] {
        let found = kinds(text);
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
}

#[test]
fn one_word_set_off_by_emphasis_is_a_term() {
    for text in [
        "a journal **[LEGACY]** here",
        "*[Story]* tag",
        "- **[Marker]**: why",
    ] {
        let found = kinds(text);
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
    // Words naming what to write, a slot inside bold text, or unbalanced
    // markup are still slots.
    for text in [
        "**[FEATURE NAME]**",
        "**Step 2 – [Title]**",
        "**[LEGACY]* x",
        "[LEGACY]**",
        // Slot names and words that ask for work, set off or not.
        "Use **[PROJECT_NAME]** here.",
        "**[TODO]**",
    ] {
        assert_eq!(kinds(text).len(), 1, "{text:?}");
    }
}

#[test]
fn a_dependency_marker_is_not_a_slot() {
    for text in [
        "Paint the fence [depends: T012]",
        "Hang the gate [after T013]",
        "Oil the hinges [Blocked by: T014, T015]",
        "Fit the latch [waits for Phase 3]",
    ] {
        assert_eq!(kinds(text), [], "{text:?}");
    }
    // A key before words names nothing to wait for: still a slot.
    assert_eq!(
        kinds("Order wood [Depends on: the SUPPLIER]"),
        [("[Depends on: the SUPPLIER]".into(), "bracket")]
    );
}

#[test]
fn a_citation_is_not_a_slot() {
    for text in [
        "As shown in [Okafor 2019], the cache helps.",
        "See [Lindqvist et al. 2021] and [Brandt, 2017].",
        "Following [Ito & Sato 2020a; van Dijk 2018].",
        "Per [Nguyen and O'Hara 2015] we retry.",
    ] {
        assert_eq!(kinds(text), [], "{text:?}");
    }
    // Capitals, a name of two words, or no year: still slots.
    for (text, slot) in [
        ("Cite [AUTHOR 2020] here", "[AUTHOR 2020]"),
        ("Launch of [Project Name 2026]", "[Project Name 2026]"),
        ("Copyright [YEAR] the team", "[YEAR]"),
        ("Ask [Okafor Ltd 2019] first", "[Okafor Ltd 2019]"),
    ] {
        assert_eq!(kinds(text), [(slot.into(), "bracket")], "{text:?}");
    }
}

#[test]
fn a_tag_an_issue_reference_and_a_key_are_not_slots() {
    for text in [
        // Tag words wherever they stand, any case.
        "# Plan [WIP]",
        "## Migration [DRAFT]",
        "- Priority: [HIGH]",
        "| Cache | [Low] |",
        "**Status:** [In Progress]",
        // Issue numbers, one or several.
        "Fixed in [#123].",
        "See [#12, #34]",
        // Keys to press, named or joined by `+`.
        "Press [Ctrl]+[S] to save",
        "Press [Enter]",
        "Hold [Fn]+[Opt] then [Alt]",
        "Use Shift+[Select] here",
    ] {
        let found = kinds(text);
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
}

#[test]
fn one_word_heading_a_heading_or_list_item_labels_it() {
    for text in [
        "## [DRAFT] Migration",
        "- [BREAKING] Remove the v1 endpoint",
        "- [MVP] Login page",
        "* [ ] [Backend] Add the route",
        "1. [SECURITY] Rotate the keys",
        "> - [CI/CD] Cache the build",
    ] {
        let found = kinds(text);
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
    // Slots that open a line stay slots: nothing after them, a colon, a
    // slot's name, several words, a word that asks for work, or not the
    // head of a heading or list item.
    for text in [
        "## [Title]",
        "- [COMPONENT]: what it does",
        "- [FEATURE_NAME] does this",
        "- [Risk description] with care",
        "- [TODO] write the tests",
        "## [VERSION] - [DATE]",
        "[MODULE] handles it",
        "Then [MODULE] handles it",
        "- [NUMBER]+ users",
        "Branch: [###-feature-name]",
    ] {
        assert!(!kinds(text).is_empty(), "{text:?}");
    }
}
