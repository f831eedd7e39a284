//! Naming tasks by id, position and text, on small plans written inline.

use std::fmt::Write as _;

use super::*;

/// A plan with the source it was parsed from, which naming reads too.
struct Parsed(Plan, &'static str);

fn parse(src: &'static str) -> Parsed {
    Parsed(planwright_core::parse(src), src)
}

fn resolve(p: &Parsed, query: &str) -> Result<usize, ResolveError> {
    super::resolve(&p.0, p.1, query)
}

fn resolve_all(p: &Parsed, queries: &[String]) -> Result<Vec<usize>, ResolveError> {
    super::resolve_all(&p.0, p.1, queries)
}

const PLAN: &str = "# P\n\n- [ ] T001 Write the parser\n- [x] T002 Write the printer\n- [ ] Review docs\n- [ ] 1.2 Ship\n";

#[test]
fn ids_indexes_and_fragments() {
    let plan = parse(PLAN);
    assert_eq!(resolve(&plan, "T002"), Ok(1));
    assert_eq!(resolve(&plan, "t001"), Ok(0));
    assert_eq!(resolve(&plan, "#3"), Ok(2));
    assert_eq!(resolve(&plan, "1.2"), Ok(3));
    assert_eq!(resolve(&plan, "review"), Ok(2));
    assert_eq!(
        resolve_all(&plan, &["#1".into(), "T001".into(), "ship".into()]),
        Ok(vec![0, 3])
    );
}

#[test]
fn a_whole_task_text_wins_over_fragments() {
    let plan = parse("- [ ] Deploy to prod\n- [ ] Deploy\n- [ ] deploy docs\n");
    assert_eq!(resolve(&plan, "Deploy"), Ok(1));
    assert_eq!(resolve(&plan, " DEPLOY "), Ok(1));
    assert_eq!(resolve(&plan, "deploy to"), Ok(0));
    // Two tasks of that very text are still two.
    let plan = parse("- [ ] Deploy\n- [ ] Deploy to prod\n- [x] deploy\n");
    assert_eq!(
        resolve(&plan, "deploy").unwrap_err().to_string(),
        "`deploy` matches 2 tasks; name one by id or #index:\n  #1 [ ] Deploy\n  #3 [x] deploy"
    );
}

#[test]
fn ambiguous_and_unknown_list_candidates() {
    let plan = parse(PLAN);
    let err = resolve(&plan, "write").unwrap_err();
    assert_eq!(
        err.to_string(),
        "`write` matches 2 tasks; name one by id or #index:\n  #1 T001 [ ] Write the parser\n  #2 T002 [x] Write the printer"
    );
    let err = resolve(&plan, "deploy").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("no task matches `deploy`\n  #1 T001 [ ] Write the parser\n"),
        "{err}"
    );
    let err = resolve(&plan, "#9").unwrap_err();
    assert_eq!(
        err.to_string(),
        "no task matches `#9`\n  the plan has 4 tasks, #1 to #4"
    );
    // However long the list, the first line is the whole error.
    let err = resolve(&plan, "two\nlines").unwrap_err().to_string();
    assert_eq!(err.lines().next(), Some("no task matches `two\\nlines`"));
    let err = resolve(&parse("# Empty\n"), "x").unwrap_err();
    assert_eq!(
        err.to_string(),
        "no task matches `x`; the plan has no tasks"
    );
    // An id in a plan without tasks: no tasks, not tasks without ids.
    for plan in ["", "# Empty\n\nText.\n"] {
        let err = resolve(&parse(plan), "T001").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no task has the id `T001`; the plan has no tasks"
        );
    }
}

#[test]
fn a_repeated_id_is_ambiguous_and_ids_are_whole() {
    let plan = parse("- [ ] T1 one\n- [ ] T10 ten\n- [x] T1 again\n- [ ] T100 hundred\n");
    assert_eq!(
        resolve(&plan, "T1").unwrap_err().to_string(),
        "`T1` matches 2 tasks; name one by the name `next` gives it (`T1 (1)`) or #index (`#1`):\n  #1 T1 [ ] one\n  #3 T1 [x] again"
    );
    assert_eq!(resolve(&plan, "t10"), Ok(1));
    assert_eq!(resolve(&plan, "T100"), Ok(3));
    // Shaped like an id, so looked up as one only.
    assert_eq!(
        resolve(&plan, "T1000")
            .unwrap_err()
            .to_string()
            .lines()
            .next(),
        Some("no task has the id `T1000`; the ids are:")
    );
}

#[test]
fn a_number_that_is_no_id_is_not_a_fragment() {
    // `4` is in "429" and `T12` in "after T12", but neither is an id.
    let plan = parse("- [ ] Set up\n- [ ] Return 429\n- [ ] Tidy after T12\n- [ ] Ship\n");
    assert_eq!(
        resolve(&plan, "4").unwrap_err().to_string(),
        "no task has the id `4`; by position, `#4` is:\n  #4 [ ] Ship"
    );
    assert_eq!(
        resolve(&plan, "42").unwrap_err().to_string(),
        "no task has the id `42`; the plan's tasks have no ids: name one by #index or by its text"
    );
    assert_eq!(
        resolve(&plan, "t12").unwrap_err().to_string(),
        "no task has the id `t12`; the plan's tasks have no ids: name one by #index or by its text"
    );
    // Not shaped like an id: a fragment, as before.
    assert_eq!(resolve(&plan, "return 4"), Ok(1));
    assert!(matches!(
        resolve(&plan, "429"),
        Err(ResolveError::UnknownId { position: None, .. })
    ));
    assert_eq!(resolve(&plan, "after t12"), Ok(2));
    // Ids written as lists number them, `1.`, are the ids `1`.
    let plan = parse("- [ ] 1. Set up\n- [ ] 2. Return 429\n");
    assert_eq!(resolve(&plan, "2."), Ok(1));
    assert_eq!(resolve(&plan, "2"), Ok(1));
    let err = resolve(&plan, "3").unwrap_err().to_string();
    assert_eq!(
        err,
        "no task has the id `3`; the ids are:\n  #1 1 [ ] Set up\n  #2 2 [ ] Return 429"
    );
}

#[test]
fn an_id_off_by_padding_or_separator_is_suggested() {
    let plan = parse("- [ ] T001 one\n- [ ] T002 two\n- [ ] 1.2 sub\n");
    assert_eq!(
        resolve(&plan, "T1").unwrap_err().to_string(),
        "no task has the id `T1`; did you mean `T001`?\n  #1 T001 [ ] one"
    );
    assert_eq!(
        resolve(&plan, "t-2").unwrap_err().to_string(),
        "no task has the id `t-2`; did you mean `T002`?\n  #2 T002 [ ] two"
    );
    assert_eq!(
        resolve(&plan, "1.02").unwrap_err().to_string(),
        "no task has the id `1.02`; did you mean `1.2`?\n  #3 1.2 [ ] sub"
    );
    // Parts stay apart: `12` is not `1.2`, and `T3` is no id at all.
    assert_eq!(
        resolve(&plan, "12").unwrap_err().to_string().lines().next(),
        Some("no task has the id `12`; the ids are:")
    );
    assert_eq!(
        resolve(&plan, "T3").unwrap_err().to_string().lines().next(),
        Some("no task has the id `T3`; the ids are:")
    );
    // Both spellings in one plan: both are offered.
    let plan = parse("- [ ] T-1 one\n- [ ] T01 again\n- [ ] T-1 repeated\n");
    assert_eq!(
        resolve(&plan, "T1").unwrap_err().to_string(),
        "no task has the id `T1`; did you mean `T-1` or `T01`?\n  #1 T-1 [ ] one\n  #2 T01 [ ] again\n  #3 T-1 [ ] repeated"
    );
}

#[test]
fn an_id_with_its_text_names_the_task() {
    let plan = parse(PLAN);
    assert_eq!(resolve(&plan, "T002 Write the printer"), Ok(1));
    assert_eq!(resolve(&plan, "t001  write the PARSER"), Ok(0));
    // The id must own that text.
    assert!(resolve(&plan, "T001 Write the printer").is_err());
}

#[test]
fn resolving_all_at_once_agrees_with_one_at_a_time() {
    let plan = parse(PLAN);
    let queries: Vec<String> = ["ship", "#2", "T001", "review docs", "t002", "#4"]
        .map(String::from)
        .to_vec();
    let one_by_one: Vec<usize> = queries.iter().map(|q| resolve(&plan, q).unwrap()).collect();
    assert_eq!(one_by_one, [3, 1, 0, 2, 1, 3]);
    assert_eq!(resolve_all(&plan, &queries), Ok(vec![3, 1, 0, 2]));
    // One query that names no single task is the error as it stands.
    let bad = ["T001".into(), "write".into(), "#2".into()];
    assert_eq!(
        resolve_all(&plan, &bad),
        Err(resolve(&plan, "write").unwrap_err())
    );
}

#[test]
fn every_name_that_fails_is_reported_at_once() {
    let plan = parse(PLAN);
    let queries: Vec<String> = ["nosuch", "T001", "T999", "#99", "nosuch", "zzz"]
        .map(String::from)
        .to_vec();
    let err = resolve_all(&plan, &queries).unwrap_err();
    let each = ["nosuch", "T999", "#99", "zzz"].map(|q| resolve(&plan, q).unwrap_err());
    assert_eq!(err, ResolveError::Several(each.to_vec()));
    // A list of tasks is printed once, under the first error that has it.
    assert_eq!(
        err.to_string(),
        "4 tasks are unknown:\n  \
         no task matches `nosuch`\n    \
         #1 T001 [ ] Write the parser\n    \
         #2 T002 [x] Write the printer\n    \
         #3 [ ] Review docs\n    \
         #4 1.2 [ ] Ship\n  \
         no task has the id `T999`; the ids are:\n    \
         #1 T001 [ ] Write the parser\n    \
         #2 T002 [x] Write the printer\n    \
         #4 1.2 [ ] Ship\n  \
         no task matches `#99`\n    \
         the plan has 4 tasks, #1 to #4\n  \
         no task matches `zzz`\n    \
         (the same tasks as above)"
    );
    let err = resolve_all(&plan, &["write".into(), "#0".into()]).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("2 tasks are unknown or ambiguous:\n  `write` matches 2 tasks"),
        "{err}"
    );
}

/// ``Add `--foo` flag to **CLI**`` and company.
const MARKED: &str = "# P\n\n- [ ] T004 Add `--foo` flag to **CLI**\n- [ ] T005 See [the docs](http://x.y) and _fix_ \\*stars\\*\n- [ ] T006 Add a `--bar` flag\n";

#[test]
fn a_task_is_named_by_its_text_as_rendered() {
    let plan = parse(MARKED);
    assert_eq!(resolve(&plan, "Add --foo flag to CLI"), Ok(0));
    assert_eq!(resolve(&plan, "add  --FOO flag"), Ok(0));
    assert_eq!(resolve(&plan, "see the docs and fix"), Ok(1));
    // The text as written still names it, and so does markup half typed.
    assert_eq!(resolve(&plan, "`--foo` flag to **CLI**"), Ok(0));
    assert_eq!(resolve(&plan, "Add `--foo` flag to CLI"), Ok(0));
    // `*` typed as the reader sees it, escaped in the source.
    assert_eq!(resolve(&plan, "fix *stars*"), Ok(1));
    // As `next` prints it, id first, either way.
    assert_eq!(resolve(&plan, "T004  Add `--foo` flag to **CLI**"), Ok(0));
    assert_eq!(resolve(&plan, "T004 Add --foo flag to CLI"), Ok(0));
    assert!(resolve(&plan, "T006 Add --foo flag to CLI").is_err());
}

#[test]
fn rendered_names_keep_the_rules_for_whole_texts_and_ambiguity() {
    let plan = parse("- [ ] Deploy **now** to prod\n- [ ] Deploy `now`\n");
    assert_eq!(resolve(&plan, "deploy now"), Ok(1));
    // The whole text as written wins over another task's rendered text,
    // and the markup typed names the task that has it.
    let plan = parse("- [ ] Deploy now\n- [ ] Deploy **now**\n- [ ] Deploy now to prod\n");
    assert_eq!(resolve(&plan, "deploy now"), Ok(0));
    assert_eq!(resolve(&plan, "Deploy **now**"), Ok(1));
    // Two whole texts as rendered are two.
    let plan = parse("- [ ] Deploy **now**\n- [ ] Deploy _now_\n- [ ] Deploy now to prod\n");
    assert_eq!(
        resolve(&plan, "deploy now").unwrap_err().to_string(),
        "`deploy now` matches 2 tasks; name one by id or #index:\n  #1 [ ] Deploy **now**\n  #2 [ ] Deploy _now_"
    );
    // Bold around the whole text is no part of it (the reader drops it),
    // so `Deploy` beside `**Deploy**` names both; typed with its bold, it
    // names the task spelled so.
    let plan = parse("- [ ] Deploy\n- [ ] **Deploy**\n- [ ] Deploy docs\n");
    assert_eq!(
        resolve(&plan, "deploy").unwrap_err().to_string(),
        "`deploy` matches 2 tasks; name one by id or #index:\n  #1 [ ] Deploy\n  #2 [ ] Deploy"
    );
    assert_eq!(resolve(&plan, "**Deploy**"), Ok(1));
    assert_eq!(resolve(&plan, "deploy docs"), Ok(2));
    // Tasks are listed as written.
    let plan = parse(MARKED);
    assert_eq!(
        resolve(&plan, "add").unwrap_err().to_string(),
        "`add` matches 2 tasks; name one by id or #index:\n  #1 T004 [ ] Add `--foo` flag to **CLI**\n  #3 T006 [ ] Add a `--bar` flag"
    );
    assert_eq!(
        resolve(&plan, "flag to cli please")
            .unwrap_err()
            .to_string(),
        "no task matches `flag to cli please`\n  #1 T004 [ ] Add `--foo` flag to **CLI**\n  #2 T005 [ ] See [the docs](http://x.y) and _fix_ \\*stars\\*\n  #3 T006 [ ] Add a `--bar` flag"
    );
    // Markup alone renders to nothing; it is looked for as written only.
    assert_eq!(resolve(&plan, "**"), Ok(0));
    assert!(matches!(
        resolve(&plan, "__"),
        Err(ResolveError::Unknown { .. })
    ));
}

#[test]
fn a_line_copied_from_next_names_its_task() {
    let plan = parse("# P\n\n## Phase 1: Setup\n\n- [ ] T001 a\n- [ ] T002 a b\n- [ ]* 1.1 Docs\n");
    assert_eq!(resolve(&plan, "T001  a  (Phase 1)"), Ok(0));
    assert_eq!(resolve(&plan, "1.1  Docs  (optional)"), Ok(2));
    // The id must still be the task's, and the text its whole text.
    assert!(resolve(&plan, "T002  a  (Phase 1)").is_err());
    assert!(resolve(&plan, "T001  a b").is_err());
}

#[test]
fn a_repeated_id_with_its_text_names_one_task() {
    // `next` prints `T001  b`: that names the second T001, and the error
    // for the bare id offers forms that work.
    let plan = parse("- [x] T001 a\n- [ ] T001 b\n- [ ] T002 mention T001 here\n");
    assert_eq!(resolve(&plan, "T001 b"), Ok(1));
    assert_eq!(resolve(&plan, "t001 A"), Ok(0));
    assert_eq!(resolve(&plan, "T001  b  (Phase 1)"), Ok(1));
    assert_eq!(
        resolve(&plan, "T001").unwrap_err().to_string(),
        "`T001` matches 2 tasks; name one by the name `next` gives it (`T001 (1)`) or #index (`#1`):\n  #1 T001 [x] a\n  #2 T001 [ ] b"
    );
    // Each task of it by the name `next` and the JSON give it, the first
    // too, in any case.
    assert_eq!(resolve(&plan, "T001 (1)"), Ok(0));
    assert_eq!(resolve(&plan, "t001 (2)"), Ok(1));
    // The same id and text twice: the numbered names and the index tell
    // them apart.
    let plan = parse("- [ ] T001 a\n- [ ] T001 a\n");
    assert_eq!(
        resolve(&plan, "T001 a").unwrap_err().to_string(),
        "`T001 a` matches 2 tasks; name one by the name `next` gives it (`T001 (1)`) or #index (`#1`):\n  #1 T001 [ ] a\n  #2 T001 [ ] a"
    );
    assert_eq!(resolve(&plan, "#2"), Ok(1));
    assert_eq!(resolve(&plan, "T001 (2)"), Ok(1));
}

#[test]
fn a_line_copied_from_next_names_a_task_without_an_id() {
    let plan = parse("## Phase 1: A\n\n- [ ] Write the parser\n- [ ] Write the docs\n");
    assert_eq!(resolve(&plan, "#1  Write the parser  (Phase 1)"), Ok(0));
    assert_eq!(resolve(&plan, "#2 write the docs"), Ok(1));
    // The text must be that task's: the plan may have changed since.
    let err = resolve(&plan, "#2  Write the parser  (Phase 1)").unwrap_err();
    assert!(
        matches!(&err, ResolveError::Unknown { candidates, .. } if candidates == &["#2 [ ] Write the docs"]),
        "{err:?}"
    );
    // `#2x` is no position.
    assert!(resolve(&plan, "#2x").is_err());
}

#[test]
fn a_repeated_ids_later_tasks_go_by_the_names_next_gives_them() {
    let plan = parse("- [x] T001 x\n- [ ] T001 y\n- [ ] T001 z\n- [ ] T003 w\n");
    assert_eq!(resolve(&plan, "T001 (2)"), Ok(1));
    assert_eq!(resolve(&plan, "t001 (3)"), Ok(2));
    assert_eq!(resolve(&plan, "T001 (3)  z  (optional)"), Ok(2));
    // Only with that task's text after it.
    assert!(resolve(&plan, "T001 (2)  z").is_err());
    // The plain id still names all three, so it is ambiguous.
    assert!(matches!(
        resolve(&plan, "T001"),
        Err(ResolveError::Ambiguous { .. })
    ));
}

#[test]
fn an_ambiguous_name_lists_the_first_twenty_matches_and_counts_the_rest() {
    let mut plan_text = String::new();
    for i in 0..25 {
        let _ = writeln!(plan_text, "- [ ] Do thing {i}");
    }
    let src: &'static str = Box::leak(plan_text.into_boxed_str());
    let plan = parse(src);
    let err = resolve(&plan, "do thing").unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("`do thing` matches 25 tasks;"), "{text}");
    assert_eq!(text.lines().count(), 1 + MAX_LISTED + 1, "{text}");
    assert!(text.ends_with("… and 5 more"), "{text}");
}

#[test]
fn an_empty_name_says_it_is_empty() {
    let plan = parse(PLAN);
    for blank in ["", " ", "\t\n"] {
        assert_eq!(resolve(&plan, blank), Err(ResolveError::Empty), "{blank:?}");
    }
    assert_eq!(
        ResolveError::Empty.to_string(),
        "the task name is empty; name a task by id (T003), #index, or a fragment of its text"
    );
}

#[test]
fn a_marker_names_the_one_task_that_carries_it() {
    let plan = parse(
        "# P\n\n- [ ] T001 [P] [US1] Build the form\n- [ ] T002 [US2] Save it\n- [ ] T003 [P] [US2] Show it\n",
    );
    assert_eq!(resolve(&plan, "US1"), Ok(0));
    assert_eq!(resolve(&plan, "[us1]"), Ok(0));
    // Several carry it: which one is meant is for the user to say.
    assert_eq!(
        resolve(&plan, "[US2]").unwrap_err().to_string(),
        "`[US2]` matches 2 tasks; name one by id or #index:\n  #2 T002 [ ] Save it\n  #3 T003 [ ] Show it"
    );
    // Only a whole marker: `US` is part of none of the texts.
    assert!(resolve(&plan, "US").is_err());
}
