//! The check box and task head readers, on single lines.

use super::*;

#[test]
fn task_heads() {
    let h = task_head("T001 [P] [US1] Create models");
    assert_eq!(h.id, Some((0, 4)));
    assert_eq!(h.markers, ["P", "US1"]);
    assert!(h.parallel);
    assert_eq!(
        &"T001 [P] [US1] Create models"[h.text_start..],
        "Create models"
    );
    // A slash joins capitals in a marker; lower case is the task's words.
    let line = "T001 [P] [CI/CD] Add the test workflow";
    let h = task_head(line);
    assert_eq!(h.markers, ["P", "CI/CD"]);
    assert_eq!(&line[h.text_start..], "Add the test workflow");
    let line = "[and/or] pick the driver";
    assert!(task_head(line).markers.is_empty());
    let line = "**T-001**: Build it";
    let h = task_head(line);
    assert_eq!(&line[h.id.unwrap().0..h.id.unwrap().1], "T-001");
    assert_eq!(&line[h.text_start..], "Build it");
    // Struck through, the task keeps its id and its text whole.
    for line in [
        "~~T003 Evaluate Redis~~ (dropped)",
        "~~**T003** Evaluate Redis~~",
    ] {
        let h = task_head(line);
        assert_eq!(&line[h.id.unwrap().0..h.id.unwrap().1], "T003", "{line}");
        assert_eq!(&line[h.text_start..], line);
    }
    assert_eq!(task_head("~~Evaluate Redis~~").id, None);
    let line = "1.2 Wire the API (P)";
    let h = task_head(line);
    assert_eq!(&line[h.id.unwrap().0..h.id.unwrap().1], "1.2");
    let line = "1. Define contracts";
    let h = task_head(line);
    assert_eq!(&line[h.id.unwrap().0..h.id.unwrap().1], "1.");
    assert_eq!(&line[h.text_start..], "Define contracts");
    let line = "(P) Parallel thing";
    let h = task_head(line);
    assert!(h.parallel && h.id.is_none());
    assert_eq!(task_head("API endpoints").id, None);
    let line = "[T005](#t005) Ship it";
    let h = task_head(line);
    assert_eq!(&line[h.id.unwrap().0..h.id.unwrap().1], "T005");
    assert_eq!(&line[h.text_start..], "Ship it");
    let line = "[T006] (see notes) Ship it";
    assert_eq!(&line[task_head(line).text_start..], "(see notes) Ship it");
    let line = "T231.15 Sub-task under T231";
    let h = task_head(line);
    assert_eq!(&line[h.id.unwrap().0..h.id.unwrap().1], "T231.15");
    assert_eq!(&line[h.text_start..], "Sub-task under T231");
    assert_eq!(task_head("Task 1").id, None);
    // The word "Task" before an id names it; its words are the text.
    for (line, id, text) in [
        (
            "**Task 1.1**: Create the schema",
            "1.1",
            "Create the schema",
        ),
        ("Task 2.3 Seed the data", "2.3", "Seed the data"),
        ("TASK T004: Ship it", "T004", "Ship it"),
        ("**Task 3**: Review", "3", "Review"),
    ] {
        let h = task_head(line);
        let (s, e) = h.id.expect(line);
        assert_eq!((&line[s..e], &line[h.text_start..]), (id, text), "{line}");
    }
    // No id after it: the word is the task's.
    for line in ["Task list review", "Task 3 is flaky", "Tasks 1.1 and 1.2"] {
        assert_eq!(task_head(line).id, None, "{line}");
    }
    // Counts and words of one letter and one digit are no ids.
    assert_eq!(task_head("2 reviewers sign off").id, None);
    assert_eq!(task_head("500 participants in round").id, None);
    assert_eq!(task_head("S3 bucket policy").id, None);
    let line = "M001 Add the driver";
    assert_eq!(task_head(line).id, Some((0, 4)));
    let line = "3) Wire it";
    assert_eq!(
        &line[task_head(line).id.unwrap().0..task_head(line).id.unwrap().1],
        "3"
    );
    assert_eq!(task_head("T1 Start").id, Some((0, 2)));
}

#[test]
fn check_boxes() {
    let boxed = |s| check_box(s).map(|c| (c.offset, c.mark, c.star));
    assert_eq!(boxed(" [ ] a"), Some((1, ' ', 0)));
    assert_eq!(boxed(" [X]"), Some((1, 'X', 0)));
    assert_eq!(boxed(" [-] doing"), Some((1, '-', 0)));
    assert_eq!(boxed(" [P] tasks = different files"), None);
    assert_eq!(boxed(" [x]y"), None);
    // Kiro's optional tasks.
    assert_eq!(boxed(" [ ]* 2.3 Write tests"), Some((1, ' ', 1)));
    assert_eq!(boxed(" [x]\\* 2.4 Lint"), Some((1, 'x', 2)));
    assert_eq!(boxed(" [ ]*emphasis*"), None);
    // Indented code inside the item, as CommonMark reads it.
    assert_eq!(boxed("     [ ] T001 x"), None);
    assert_eq!(boxed("    [ ] T001 x"), Some((4, ' ', 0)));
    // Obsidian's marks: half done, moved to later.
    assert_eq!(boxed(" [/] docs"), Some((1, '/', 0)));
    assert_eq!(boxed(" [>] later"), Some((1, '>', 0)));
    assert_eq!(boxed(" [!] urgent"), None);
}

#[test]
fn boxes_of_marks_no_task_is_read_from() {
    assert_eq!(unread_box(" [!] Migrate"), Some((1, 4)));
    assert_eq!(unread_box("  [?]"), Some((2, 5)));
    assert_eq!(unread_box(" [✓] Ship"), Some((1, 6)));
    assert_eq!(unread_box(" [*]\tx"), Some((1, 4)));
    // One symbol as emoji pickers write it: with its variation selector,
    // a skin tone, a keycap, or joined.
    assert_eq!(unread_box(" [✔\u{FE0F}] Ship"), Some((1, 9)));
    assert_eq!(unread_box(" [☑\u{FE0F}]"), Some((1, 9)));
    assert_eq!(unread_box(" [👍\u{1F3FD}] ok"), Some((1, 11)));
    assert_eq!(unread_box(" [#\u{FE0F}\u{20E3}] x"), Some((1, 10)));
    assert_eq!(unread_box(" [🧑\u{200D}💻] x"), Some((1, 14)));
    // Two symbols, or a letter made to look so, are no box.
    assert_eq!(unread_box(" [!!] x"), None);
    assert_eq!(unread_box(" [✔✔] x"), None);
    assert_eq!(unread_box(" [a\u{FE0F}] x"), None);
    assert_eq!(unread_box(" [!\u{200D}a] x"), None);
    // Boxes mistyped.
    assert_eq!(unread_box(" [] Ship"), Some((1, 3)));
    assert_eq!(unread_box(" [ x] Ship"), Some((1, 5)));
    assert_eq!(unread_box(" [X ]"), Some((1, 5)));
    assert_eq!(unread_box(" [  ] Ship"), Some((1, 5)));
    assert_eq!(unread_box(" [xx] Ship"), None);
    assert_eq!(unread_box(" [ab] Ship"), None);
    assert_eq!(unread_box(" [   ] Ship"), None);
    // Read boxes, letters, digits and white space are not such boxes.
    assert_eq!(unread_box(" [ ] a"), None);
    assert_eq!(unread_box(" [/] a"), None);
    assert_eq!(unread_box(" [P] tasks = different files"), None);
    assert_eq!(unread_box(" [1] Smith, 2021"), None);
    assert_eq!(unread_box(" [\u{a0}] a"), None);
    // Glued to a word, or in an indented code block, it is text.
    assert_eq!(unread_box(" [!]important"), None);
    assert_eq!(unread_box("     [!] x"), None);
    assert_eq!(unread_box(" [!NOTE] x"), None);
    assert_eq!(unread_box(" [\\] x"), None);
}

#[test]
fn a_struck_tasks_text_leaves_out_the_id_the_strike_opens_with() {
    for (text, want) in [
        ("~~K004 Tile the roof~~", Some("~~Tile the roof~~")),
        (
            "~~**K004** Tile the roof~~ (slate)",
            Some("~~Tile the roof~~ (slate)"),
        ),
        ("~~K004: Tile~~ — cancelled", Some("~~Tile~~ — cancelled")),
        // The strike ends with the id, or no id opens it.
        ("~~K004~~ Tile the roof", None),
        ("~~Tile the roof~~", None),
    ] {
        assert_eq!(struck_text_without_id(text).as_deref(), want, "{text}");
    }
}
