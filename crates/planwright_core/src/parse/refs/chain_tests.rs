//! The chain and sentence readers (`chain.rs`): arrows between tasks and
//! their groups and ranges, and sentences that say the same in words.

use super::*;

/// [`task_chain`] without a bound for the whole text.
fn chain(text: &str, base: usize) -> Vec<(Text, Text, TextRange)> {
    let mut budget = usize::MAX;
    task_chain(text, base, &mut budget)
}

/// The links of the chains in `text`, as `from>to`.
fn linked(text: &str) -> Vec<String> {
    as_arrows(chain(text, 0))
}

/// Links as `from>to`.
fn as_arrows(links: Vec<(Text, Text, TextRange)>) -> Vec<String> {
    links
        .into_iter()
        .map(|(a, b, _)| format!("{a}>{b}"))
        .collect()
}

#[test]
fn chains() {
    let c = chain("T177 → T178 → T179\nT1, T2 (parallel)\nT005 -> T006", 0);
    let pairs: Vec<_> = c.iter().map(|(a, b, _)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        pairs,
        [("T177", "T178"), ("T178", "T179"), ("T005", "T006")]
    );
}

#[test]
fn an_arrow_among_words_links_no_ids() {
    let pairs = |text: &str| -> Vec<(String, String)> {
        chain(text, 0)
            .into_iter()
            .map(|(a, b, _)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(pairs("T002 Rename `a` -> `b` (follows T001)"), []);
    assert_eq!(pairs("T001 then => T002"), []);
    assert_eq!(pairs("T001 -> 2 -> T002"), []);
    assert_eq!(pairs("T001 T002"), []);
    // Markup and punctuation around the arrow still chain.
    assert_eq!(
        pairs("**T001** → **T002**"),
        [("T001".into(), "T002".into())]
    );
    assert_eq!(
        pairs("`T005` ⟶ (`T006`)."),
        [("T005".into(), "T006".into())]
    );
    assert_eq!(pairs("T007=>T008"), [("T007".into(), "T008".into())]);
    // Words between two ids end a chain but do not stop the next one.
    assert_eq!(
        pairs("T001 after T002 → T003"),
        [("T002".into(), "T003".into())]
    );
}

#[test]
fn an_arrow_links_every_id_of_the_groups_around_it() {
    for fan_out in [
        "T001 → (T002, T003)",
        "T001 → T002, T003",
        "T001 -> [T002, T003]",
        "T001 → T002 & T003",
        "T001 → T002 and T003",
        "**T001** → **T002**, **T003**",
    ] {
        assert_eq!(linked(fan_out), ["T001>T002", "T001>T003"], "{fan_out}");
    }
    for fan_in in ["(T001, T002) → T003", "T001, T002 → T003"] {
        assert_eq!(linked(fan_in), ["T001>T003", "T002>T003"], "{fan_in}");
    }
    assert_eq!(
        linked("T001, T002 → T003 and T004 -> T005"),
        [
            "T001>T003",
            "T002>T003",
            "T001>T004",
            "T002>T004",
            "T003>T005",
            "T004>T005"
        ]
    );
    // A plain chain links neighbours only; a list without an arrow, or
    // ids side by side, link nothing.
    assert_eq!(linked("T177 → T178 → T179"), ["T177>T178", "T178>T179"]);
    assert_eq!(linked("T001, T002 and T003"), Vec::<String>::new());
    assert_eq!(linked("T001 → T002 T003"), ["T001>T002"]);
    // Each link spans from its source to its target.
    let c = chain("(T001, T002) → T003", 10);
    assert_eq!(c[0].2, TextRange::new(11, 31));
    assert_eq!(c[1].2, TextRange::new(17, 31));
}

#[test]
fn an_arrow_to_a_range_links_every_id_of_it() {
    assert_eq!(
        linked("T003 → T004-T006 (scaffolding first)"),
        ["T003>T004..T006"]
    );
    assert_eq!(linked("T001–T002 → T003"), ["T001..T002>T003"]);
    // Other id shapes chain too; numbers (versions, more often) do not.
    assert_eq!(
        linked("M001 → M002 -> TASK-3"),
        ["M001>M002", "M002>TASK-3"]
    );
    assert_eq!(linked("2.0 → 3.0"), Vec::<String>::new());
    // A range over a whole line is one link.
    let c = chain("T0 → T1-T999999999", 0);
    assert_eq!(c.len(), 1);
}

/// The links of the sentences in `text`, as `from>to`.
fn said(text: &str) -> Vec<String> {
    as_arrows(task_sentences(text, 0))
}

#[test]
fn a_group_named_in_brackets_after_its_label_is_a_group() {
    // spec-kit's tasks template states its order so.
    assert_eq!(
        said("- Tests (B004-B005) before implementation (B013)"),
        ["B004..B005>B013"]
    );
    assert_eq!(
        said("- Models (B001, B002) before services (B003)"),
        ["B001>B003", "B002>B003"]
    );
    // A sentence with ids in brackets after it, or more than the group in
    // the brackets, is no label.
    assert!(said("- Write the four parsers for it (B001) before B002").is_empty());
    assert!(said("- Tests (see B004) before implementation (B013)").is_empty());
}

#[test]
fn a_sentence_between_task_ids_links_them() {
    assert_eq!(said("- B002 depends on B001"), ["B001>B002"]);
    assert_eq!(
        said("B009 depends on B004, B005 and B006 (they feed it)"),
        ["B004>B009", "B005>B009", "B006>B009"]
    );
    // "blocks" runs the other way.
    assert_eq!(said("* B001 blocks B002, B003"), ["B001>B002", "B001>B003"]);
    assert_eq!(said("B003 is blocked by **B001**."), ["B001>B003"]);
    // Groups on both sides, and a range as one member of its group.
    assert_eq!(
        said("B007, B008 depend on B001-B003"),
        ["B001..B003>B007", "B001..B003>B008"]
    );
    // One sentence after another, on one line or the next.
    assert_eq!(
        said("Notes: B004 requires B002. B005 depends on B004;\n- B006 blocks B007"),
        ["B002>B004", "B004>B005", "B006>B007"]
    );
    let range = task_sentences("x\n- B002 depends on B001 today", 7);
    assert_eq!(range[0].2, TextRange::new(11, 31));
    // Order said as such: the later task waits for the earlier.
    assert_eq!(said("- B001 before B002"), ["B001>B002"]);
    assert_eq!(said("B003 precedes B004, B005"), ["B003>B004", "B003>B005"]);
    assert_eq!(
        said("B004-B006 must pass before B007 begins"),
        ["B004..B006>B007"]
    );
    assert_eq!(order_word("T001 before T002"), Some(7));
    assert_eq!(order_word("x T003 precedes T004"), Some(10));
    assert_eq!(order_word("T001 then T002, forever"), None);
    assert_eq!(order_word("beforehand, T001"), None);
    // Words between the ids and the order make it prose.
    assert_eq!(
        said("B002 can start before B001 ends"),
        Vec::<String>::new()
    );
    assert_eq!(said("Do B002 before lunch"), Vec::<String>::new());
}

#[test]
fn a_sentence_with_words_around_its_verb_links_nothing() {
    for text in [
        "B003 does not depend on B001",
        "B002 no longer blocks B004",
        "B002 never depends on B001",
        "B002 can start after B001",
        "this blocks nothing",
        "B001 blocks nothing yet",
        "Ask whether B002 depends on B001",
        "B002 depends on the output of B001",
        "The lock on B001 depends",
        // An abbreviation's dot opens no sentence: what follows is an
        // example.
        "Some wait, e.g. B002 depends on B001",
        "Order them, i.e. B002 blocks B003",
        "Docs, etc. B002 requires B001",
        "Sync vs. B002 requires B001",
    ] {
        assert_eq!(said(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn a_sentence_opens_after_a_bold_or_italic_label() {
    assert_eq!(said("**Notes:** B002 depends on B001"), ["B001>B002"]);
    assert_eq!(said("_Also:_ B003 blocks B004."), ["B003>B004"]);
    // A word ending like an abbreviation ends its sentence.
    assert_eq!(said("Hire more devs. B002 requires B001"), ["B001>B002"]);
}
