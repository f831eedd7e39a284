//! Each rule against its fixture plan (`fixtures/PWnnn.md`), snapshotted as
//! the human output a user sees; and a clean plan that raises nothing.

use std::fmt::Write as _;

use planwright_core::{ParseOptions, parse_with};

use crate::render::{FileReport, human};
use crate::selection::{Layer, RuleSet};
use crate::{Context, lint};

/// Lints `source` with only `code` enabled, read as `dialect` when given.
fn run(code: &str, dialect: Option<&str>, source: &str) -> String {
    run_selecting(&[code], dialect, source)
}

/// Lints `source` with the rules `select` names, as `--select` does.
fn run_selecting(select: &[&str], dialect: Option<&str>, source: &str) -> String {
    let diagnostics = diagnose(select, dialect, source);
    let path = format!("fixtures/{}.md", select[select.len() - 1]);
    human::render(
        &[FileReport {
            path: &path,
            exact_path: None,
            source,
            diagnostics: &diagnostics,
        }],
        false,
    )
}

/// The findings [`run_selecting`] renders.
fn diagnose(select: &[&str], dialect: Option<&str>, source: &str) -> Vec<crate::Diagnostic> {
    let plan = parse_with(
        source,
        &ParseOptions {
            dialect,
            file_name: Some("plan.md"),
            ..ParseOptions::default()
        },
    );
    let dialect = planwright_core::DialectSet::builtin().get(&plan.dialect.name);
    let ctx = Context {
        source,
        plan: &plan,
        dialect,
        // One file and one folder exist.
        locate: &|p| match p {
            "exists.md" | "specs" => crate::Location::Beside,
            // Found from the project root, not beside the plan.
            "specs/004-export/plan.md" => crate::Location::Elsewhere {
                from_plan: Some("../specs/004-export/plan.md".to_owned()),
            },
            _ => crate::Location::Missing,
        },
    };
    let layer = Layer {
        select: Some(select.iter().map(|s| (*s).to_owned()).collect()),
        ..Layer::default()
    };
    let rules = RuleSet::resolve(&[&layer]).unwrap();
    lint(&ctx, &rules)
}

macro_rules! fixture {
    ($test:ident, $code:literal) => {
        fixture!($test, $code, None);
    };
    ($test:ident, $code:literal, $dialect:expr) => {
        #[test]
        fn $test() {
            let source = include_str!(concat!("fixtures/", $code, ".md"));
            let out = run($code, $dialect, source);
            assert!(out.contains($code), "{} found nothing:\n{out}", $code);
            insta::assert_snapshot!($code, out);
        }
    };
}

fixture!(pw101_unfilled_placeholder, "PW101");
fixture!(pw102_template_text, "PW102", Some("delivery"));
fixture!(pw103_missing_section, "PW103", Some("delivery"));
fixture!(pw104_empty_section, "PW104");
fixture!(pw105_missing_metadata, "PW105", Some("delivery"));
fixture!(pw106_unresolved_choice, "PW106");
fixture!(pw107_open_questions, "PW107");
fixture!(pw201_status_contradicts_tasks, "PW201");
fixture!(pw202_unknown_status, "PW202", Some("delivery"));
fixture!(pw203_invalid_date, "PW203");
fixture!(pw204_timeline_out_of_order, "PW204");
fixture!(pw205_duplicate_task_id, "PW205");
fixture!(pw206_unknown_dependency, "PW206");
fixture!(pw207_dependency_cycle, "PW207");
fixture!(pw208_done_with_open_checklist, "PW208");
fixture!(pw209_progress_log_out_of_order, "PW209");
fixture!(pw210_done_with_open_subtasks, "PW210");
fixture!(pw211_unknown_check_mark, "PW211");
fixture!(pw212_open_with_done_subtasks, "PW212");
fixture!(pw213_done_before_dependency, "PW213");
fixture!(pw301_broken_link, "PW301");
fixture!(pw302_broken_anchor, "PW302");
fixture!(pw401_risk_without_mitigation, "PW401");
fixture!(pw402_malformed_table, "PW402");
fixture!(pw403_malformed_front_matter, "PW403");
fixture!(pw501_uppercase_check_mark, "PW501");
fixture!(pw502_mixed_list_markers, "PW502");
fixture!(pw601_invalid_directive, "PW601");

/// PW602 reads what other rules silenced: its fixture runs beside them.
#[test]
fn pw602_unused_directive() {
    let source = include_str!("fixtures/PW602.md");
    let out = run_selecting(&["PW1", "PW602"], None, source);
    insta::assert_snapshot!("PW602", out);
    // Alone, every rule it names is unselected: each directive is unused.
    let alone = run("PW602", None, source);
    assert_eq!(alone.matches("silences nothing").count(), 7, "{alone}");
}

#[test]
fn every_rule_has_a_fixture_test() {
    let tests = include_str!("tests.rs");
    for rule in crate::RULES {
        assert!(
            tests.contains(&format!("\"{}\"", rule.code)),
            "{} has no fixture",
            rule.code
        );
    }
}

#[test]
fn a_clean_plan_raises_nothing() {
    let source = include_str!("fixtures/clean.md");
    let out = run("ALL", Some("delivery"), source);
    assert_eq!(out, "No problems found in 1 file.\n");
}

#[test]
fn directives_silence_findings() {
    let source = "# Plan\n\n<!-- planwright-disable-next-line PW101 -->\nOwner: [NAME]\n\nLead: [LEAD]\n\n<!-- planwright-disable unfilled-placeholder -->\nQA: [QA]\n<!-- planwright-enable -->\nOps: [OPS]\n";
    let out = run("PW101", None, source);
    assert!(out.contains("[LEAD]") && out.contains("[OPS]"), "{out}");
    assert!(
        !out.contains("`[NAME]`") && !out.contains("`[QA]`"),
        "{out}"
    );
}

#[test]
fn directives_select_rules_as_the_configuration_does() {
    // `ALL` and a lower-case prefix silence as they select in
    // `planwright.toml`; PW601, which checks them, has nothing to say.
    let source = "# Plan\n\n<!-- planwright-disable-next-line ALL -->\nOwner: [NAME]\n\n<!-- planwright-disable-next-line pw1 -->\nLead: [LEAD]\n\nQA: [QA LEAD]\n";
    let out = run("PW1", None, source);
    assert!(out.contains("`[QA LEAD]`"), "{out}");
    assert!(out.ends_with("Found 1 warning in 1 file.\n"), "{out}");
    assert_eq!(run("PW601", None, source), "No problems found in 1 file.\n");
}

#[test]
fn near_miss_directives_are_reported_not_obeyed() {
    // PW601 reports them (see its fixture); they silence nothing.
    let source = "# Plan\n\n<!-- planwright:disable-next-line PW101 -->\nOwner: [OWNER]\n\n<!-- planwright disable PW101 -->\nLead: [LEAD]\n";
    let out = run("PW101", None, source);
    assert!(
        out.contains("`[OWNER]`") && out.contains("`[LEAD]`"),
        "{out}"
    );
    assert!(out.ends_with("Found 2 warnings in 1 file.\n"), "{out}");
}

#[test]
fn dependency_cycles_read_in_the_plans_arrow_direction() {
    // `T001 → T002`: T002 waits for T001. The cycle is listed that way
    // round, as `planwright graph` lists it, whether written as a chain or
    // as "depends on".
    let chain = "# Plan\n\n- [ ] T001 a\n- [ ] T002 b\n- [ ] T003 c\n\nT001 → T002 → T003 → T001\n";
    let waits = "# Plan\n\n- [ ] T001 a (depends on T003)\n- [ ] T002 b (depends on T001)\n- [ ] T003 c (depends on T002)\n";
    for source in [chain, waits] {
        let out = run("PW207", None, source);
        assert!(
            out.contains("dependency cycle between tasks: T001 → T002 → T003 → T001 "),
            "{out}"
        );
    }
}

#[test]
fn a_tangle_of_cycles_is_reported_through_cycles_that_share_nothing() {
    // Every task waits for the one before, and every task sends T01 back:
    // 40 cycles through T01, each as long as its place in the chain. One is
    // reported; the other two cycles, apart from the tangle, each once.
    let mut source = String::from("# Plan\n\n");
    for i in 1..=40 {
        let _ = writeln!(source, "- [ ] T{i:02} x");
    }
    source.push_str("- [ ] T91 x\n- [ ] T92 x\n- [ ] T93 x\n\n```text\n");
    for i in 1..40 {
        let _ = writeln!(source, "T{i:02} → T{:02}\nT{:02} → T01", i + 1, i + 1);
    }
    source.push_str("T91 → T92 → T91\nT93 → T93\n```\n");
    let out = run("PW207", None, &source);
    assert_eq!(
        out.matches("dependency cycle between tasks").count(),
        3,
        "{out}"
    );
    assert!(out.contains("T91 → T92 → T91"), "{out}");
    assert!(out.contains("T93 → T93"), "{out}");
}

#[test]
fn only_a_clearly_done_status_claims_done_over_open_tasks() {
    // PW201 reads a status as `next` does (`planwright_core::read_status`):
    // a hedged or given-up status claims nothing.
    let plan = |status: &str| {
        format!(
            "# Plan\n\n## Phase 1: Setup\n\n**Status:** {status}\n\n- [ ] T001 Create project\n"
        )
    };
    for status in ["Done", "Done - merged", "✅ Complete (2025-01-10)"] {
        assert!(
            run("PW201", None, &plan(status)).contains("PW201"),
            "{status}"
        );
    }
    for status in [
        "Nothing done yet",
        "Halfway done",
        "Done?",
        "Done: no",
        "Done-ish",
        "Tests passed, docs pending",
        "Skipped - not needed",
        // A planning stage over is not the work done.
        "TASK BREAKDOWN COMPLETE",
        "Spec complete",
        "Planning done",
    ] {
        assert_eq!(
            run("PW201", None, &plan(status)),
            "No problems found in 1 file.\n",
            "{status}"
        );
    }
}

#[test]
fn a_subtask_following_its_own_parent_is_no_cycle() {
    // As `next` reads it: the child is part of the parent, so its
    // dependency on the parent is void.
    let source =
        "# Plan\n\n- [ ] T001 Parent (depends on T002)\n  - [ ] T002 Child (depends on T001)\n";
    assert_eq!(run("PW207", None, source), "No problems found in 1 file.\n");
    let siblings = "# Plan\n\n- [ ] T001 a (depends on T002)\n- [ ] T002 b (depends on T001)\n";
    assert!(run("PW207", None, siblings).contains("PW207"));
}

#[test]
fn phases_the_reader_found_are_the_phases_section() {
    // No heading over the phases names them (the title is no section):
    // the phases are still there, and `show` lists them.
    let source = "# Todo app\n\n## Phase 1: Setup\n\n- [ ] T001 [P] a\n- [ ] T002 [P] a\n- [ ] T003 a\n\n## Phase 2: Core\n\n- [ ] T004 b\n- [ ] T005 b\n";
    let out = run("PW103", Some("speckit-tasks"), source);
    assert_eq!(out, "No problems found in 1 file.\n");
    // A speckit-tasks plan without phases still lacks them.
    let out = run(
        "PW103",
        Some("speckit-tasks"),
        "# Todo app\n\n- [ ] T001 a\n",
    );
    assert!(out.contains("missing section: phases"), "{out}");
}

#[test]
fn success_criteria_under_each_phase_are_the_definition_of_done() {
    let source = "# Roadmap: Export\n\n## Architecture\n\nQueue.\n\n## Risks\n\nNone.\n\n## Phase 1: Build\n\n- [ ] Queue\n\n### Success Criteria\n\n- [ ] Exports finish in a minute\n";
    let dod = |src: &str| run("PW103", Some("roadmap"), src).contains("definition of done");
    assert!(!dod(source));
    // Without them the plan lacks one.
    let bare = source.replace(
        "### Success Criteria\n\n- [ ] Exports finish in a minute\n",
        "",
    );
    assert!(dod(&bare));
}

#[test]
fn notation_in_finished_plans_is_not_a_slot() {
    let source = "# Plan\n\nKey `ownership:<ULID>`, \"{SESSION_ID}\" and v{N}.\n\n- **[Story]**: the user story\n- [ ] T001 [P] [CI/CD] Add workflow\n- Payload `{goal, non_goals}` within N days\n\n## Phase 1 [COMPLETED]\n\nOwner: [OWNER NAME], due YYYY-MM-DD, estimate: X hours/days.\n\n- Flag: `feature_{{FEATURE_NAME}}`, `[DIVERGE]` markers\n\n- index = [<ULID>, ...] and alias → { id: <ULID> }, kept by <OWNER>\n";
    let out = run("PW101", None, source);
    assert!(out.ends_with("Found 5 warnings in 1 file.\n"), "{out}");
    assert!(!out.contains("`<ULID>`"), "{out}");
    for slot in [
        "`[OWNER NAME]`",
        "`YYYY-MM-DD`",
        "`X hours/days`",
        "`{{FEATURE_NAME}}`",
        "`<OWNER>`",
    ] {
        assert!(out.contains(slot), "{slot} missing:\n{out}");
    }
}

#[test]
fn a_question_marked_open_under_open_questions_is_no_slot() {
    let source = "# Plan\n\n## Open Questions\n\n- Do we migrate the old data? (TBD)\n- Retention: (TBD)\n\n## Summary\n\nWho runs it? (TBD)\n";
    let out = run("PW101", None, source);
    // The question under Open Questions is open, as the section says; an
    // answer left there, and a question elsewhere, are slots.
    assert!(!out.contains(":5:"), "{out}");
    assert!(out.contains(":6:") && out.contains(":10:"), "{out}");
    assert!(out.ends_with("Found 2 warnings in 1 file.\n"), "{out}");
}

#[test]
fn odd_inputs_never_panic_in_any_rule_or_format() {
    let deep = format!("{}- [ ] T001 deep\n", "> ".repeat(200));
    let inputs = [
        "",
        "\u{feff}",
        "\r\n\r\n",
        "# T\r\n**Status:** Done\r\n- [X] T001 a\r\n* [ ] T001 b\r\n",
        "| a | b |\n|---|\n| 1 | 2 | 3 |\n",
        "### Phase 1\n**Dependencies:** Phase 1, Phase 9\n### Phase 9\n**Dependencies:** Phase 1\n",
        "**Created:** 9999-99-99 2026-02-29 2024-02-29\n[x](<>) [y](%zz) [z](a%C3)\n",
        "<!-- planwright-disable-next-line -->",
        "<!-- planwright-enable PW101 --><!-- planwright-disable",
        deep.as_str(),
    ];
    for source in inputs {
        let out = run("ALL", None, source);
        assert!(out.contains("in 1 file"), "{out}");
        let plan = planwright_core::parse(source);
        let ctx = Context {
            source,
            plan: &plan,
            dialect: None,
            locate: &|_| crate::Location::Missing,
        };
        let all = Layer {
            select: Some(vec!["ALL".to_owned()]),
            ..Layer::default()
        };
        let diagnostics = lint(&ctx, &RuleSet::resolve(&[&all]).unwrap());
        let files = [FileReport {
            path: "p.md",
            exact_path: None,
            source,
            diagnostics: &diagnostics,
        }];
        let _ = crate::render::concise::render(&files);
        let _ = crate::render::json::render(&files);
        let _ = crate::render::sarif::render(&files);
        let _ = crate::render::github::render(&files);
    }
}

#[test]
fn every_slot_of_the_builtin_templates_is_reported() {
    // The notation heuristics of PW101 must not hide a real slot: in the
    // raw templates, every placeholder the reader finds is a finding.
    let layer = Layer {
        select: Some(vec!["PW101".into(), "PW102".into(), "PW106".into()]),
        ..Layer::default()
    };
    let rules = RuleSet::resolve(&[&layer]).unwrap();
    for name in planwright_core::dialect::TEMPLATE_DIALECTS {
        let dialect = planwright_core::DialectSet::builtin().get(name).unwrap();
        let source = dialect.template.as_deref().unwrap();
        let plan = parse_with(
            source,
            &ParseOptions {
                dialect: Some(name),
                ..ParseOptions::default()
            },
        );
        let ctx = Context {
            source,
            plan: &plan,
            dialect: Some(dialect),
            locate: &|_| crate::Location::Beside,
        };
        let found = lint(&ctx, &rules).len();
        assert_eq!(found, plan.placeholders.len(), "{name}");
        assert!(found > 20, "{name}: {found}");
    }
}

/// Each rule's documented example raises the rule when linted as it stands
/// (read with no dialect forced, as a user pasting it would): an example
/// that shows nothing teaches nothing.
#[test]
fn every_documented_example_raises_its_rule() {
    let mut silent = Vec::new();
    for rule in crate::registry::RULES {
        let doc = rule.doc();
        let Some(example) = doc
            .split("## Example")
            .nth(1)
            .and_then(|s| s.split("```markdown\n").nth(1))
            .and_then(|s| s.split("\n```").next())
        else {
            silent.push(format!("{}: no ```markdown example", rule.code));
            continue;
        };
        let source = format!("{example}\n");
        let out = run(rule.code, None, &source);
        if !out.contains(rule.code) {
            silent.push(format!("{}:\n{source}", rule.code));
        }
    }
    assert!(silent.is_empty(), "{}", silent.join("\n"));
}

#[test]
fn a_range_naming_ids_the_plan_lacks_is_reported_once_whatever_its_width() {
    let source = "# Plan\n\n- [ ] T001 a\n- [ ] T002 b\n- [ ] T004 d\n- [ ] T005 e (depends on T001-T004)\n- [ ] T006 f (after T1-T999999999)\n- [ ] T007 g (depends on T001-T002)\n";
    let out = run("PW206", None, source);
    assert!(
        out.contains("T005 depends on T001-T004, but T003 does not exist"),
        "{out}"
    );
    assert!(
        out.contains("T006 depends on T1-T999999999, but T1 and 999999998 more ids do not exist"),
        "{out}"
    );
    assert!(!out.contains("T007"), "{out}");
    assert!(out.ends_with("Found 2 errors in 1 file.\n"), "{out}");
}

/// A range is underlined where it is written, not as its whole item; a
/// phase a range stands for between its ends is reported as a task is,
/// unless the plan numbers a phase within it (2.5 for `Phases 1-3`).
#[test]
fn a_range_is_reported_where_written_and_for_a_gap_between_its_ends() {
    let tasks = "# Plan\n\n- [ ] T001 a\n- [ ] T002 b\n- [ ] T004 d\n- [ ] T005 e (depends on T001-T004)\n- [ ] T006 f (after T001 to T004)\n";
    let phases = "# Plan\n\n## Phase 1: A\n- [ ] T001 a\n\n## Phase 2: B\n- [ ] T002 b\n\n## Phase 4: D\n**Dependencies:** Phases 1-3 complete\n- [ ] T004 d\n\n## Phase 5: E\n**Dependencies:** Phases 1-4 complete\n- [ ] T005 e\n";
    let halves = "# Plan\n\n## Phase 1: A\n\n## Phase 2.5: B\n\n## Phase 3: C\n\n## Phase 4: D\n**Dependencies:** Phases 1-3\n";
    let out = format!(
        "{}{}",
        run("PW206", None, tasks),
        run("PW206", None, phases)
    );
    insta::assert_snapshot!(out);
    assert_eq!(run("PW206", None, halves), "No problems found in 1 file.\n");
}

#[test]
fn every_spec_field_is_checked_once() {
    // A spec field in a list item, a second one, one under a phase naming
    // two files, and one written as a link: each missing file is reported
    // once, the link as a link; an existing file is not.
    let source = "# Plan\n\n**Spec:** `specs/a.md`\n\n## Refs\n\n- **Spec:** `specs/b.md`\n- **Spec:** `exists.md`\n\n## Phase 1: Setup\n\n**Spec**: `specs/c.md`, `docs/d.md`\n\n**Specification**: [the spec](specs/e.md)\n";
    let out = run("PW301", None, source);
    for path in [
        "specs/a.md",
        "specs/b.md",
        "specs/c.md",
        "docs/d.md",
        "specs/e.md",
    ] {
        let found = out.matches(&format!("link to `{path}`")).count();
        assert_eq!(found, 1, "`{path}` reported {found} times:\n{out}");
    }
    assert!(!out.contains("link to `exists.md`"), "{out}");
}

#[test]
fn a_reference_link_is_fixed_at_its_definition_and_an_angled_path_inside_its_brackets() {
    let source = "# Plan\n\n[one][plan], [two][plan] and ![pic](<specs/004-export/plan.md>).\n\n[plan]:  <specs/004-export/plan.md> \"T\"\n";
    let found = diagnose(&["PW301"], None, source);
    // One finding for the definition, its uses labelled; one for the image.
    assert_eq!(found.len(), 2, "{found:?}");
    let patch = crate::fixes::patch(&found, true);
    let fixed = planwright_core::edit::apply(source, &patch.edits).unwrap();
    assert_eq!(
        fixed,
        "# Plan\n\n[one][plan], [two][plan] and ![pic](<../specs/004-export/plan.md>).\n\n[plan]:  <../specs/004-export/plan.md> \"T\"\n"
    );
    // A path written otherwise than the reader gives it (escaped) is left
    // alone, with the path to write in the help.
    let escaped = "# Plan\n\n[one][p]\n\n[p]: specs/004-export/plan\\.md\n";
    let found = diagnose(&["PW301"], None, escaped);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].fix.is_none(), "{found:?}");
}

#[test]
fn a_reference_links_anchor_is_reported_and_fixed_at_its_definition() {
    let source = "# Plan\n\nSee [the rollout][r], then [again][r] and [inline](#rolout).\n\n## Rollout\n\n[r]: #rolout \"Rollout\"\n";
    let found = diagnose(&["PW302"], None, source);
    // One finding for the definition, its two uses labelled; one for the
    // inline link.
    let at = |text: &str| u32::try_from(source.find(text).unwrap()).unwrap();
    let places: Vec<(u32, usize)> = found
        .iter()
        .map(|d| (d.primary.range.start, d.secondary.len()))
        .collect();
    assert_eq!(places, [(at("[inline]"), 0), (at("[r]: "), 2)], "{found:?}");
    let patch = crate::fixes::patch(&found, true);
    let fixed = planwright_core::edit::apply(source, &patch.edits).unwrap();
    assert_eq!(
        fixed,
        "# Plan\n\nSee [the rollout][r], then [again][r] and [inline](#rollout).\n\n## Rollout\n\n[r]: #rollout \"Rollout\"\n"
    );
    insta::assert_snapshot!(run("PW302", None, source));
}

#[test]
fn idle_directives_that_together_keep_a_list_apart_stay() {
    // Either comment alone could go; both gone, the table would become
    // the list item's text. A lone idle one between paragraphs still goes.
    let idle = "<!-- planwright-disable-next-line PW101 -->\n";
    let together =
        format!("# Plan\n\n- [ ] T001 Build\n{idle}{idle}| A | B |\n|---|---|\n| 1 | 2 |\n");
    let found = diagnose(&["PW101", "PW602"], None, &together);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|d| d.fix.is_none()), "{found:?}");
    let lone = format!("# Plan\n\nFirst.\n\n{idle}\nSecond.\n");
    let found = diagnose(&["PW101", "PW602"], None, &lone);
    let patch = crate::fixes::patch(&found, false);
    let fixed = planwright_core::edit::apply(&lone, &patch.edits).unwrap();
    assert_eq!(fixed, "# Plan\n\nFirst.\n\n\nSecond.\n");
}

#[test]
fn a_risks_tbd_mitigation_is_one_finding() {
    // PW401 names the risk; PW101 leaves it that cell, and keeps a `TBD`
    // in a mitigation that says more, and a template's named slot.
    let source = "# Plan\n\n## Risks\n\n| Risk | Mitigation |\n|---|---|\n| Outage | TBD |\n| Drift | ___ |\n| Leak | Rotate keys, owner TBD |\n| Loss | [Mitigation strategy] |\n";
    let found = diagnose(&["PW101", "PW401"], None, source);
    let codes: Vec<(&str, u32)> = found
        .iter()
        .map(|d| (d.code, d.primary.range.start))
        .collect();
    let at = |text: &str| u32::try_from(source.find(text).unwrap()).unwrap();
    assert_eq!(
        codes,
        [
            ("PW401", at("| Outage")),
            ("PW401", at("| Drift")),
            ("PW101", at("TBD |\n| Loss")),
            ("PW101", at("[Mitigation")),
        ]
    );
}

#[test]
fn a_spec_field_is_checked_only_when_written_as_a_path() {
    // Notes, tickets and dates are not files; a bare word with a `/` is
    // a path only when its first folder exists (`specs/` does here).
    let source = "# S\n\n**Spec:** N/A\n**Spec:** n/a\n**Spec:** TBD\n**Spec:** TBD/pending\n**Spec:** Jira/PROJ-12\n**Specification:** Q3/2026\n**Spec:** v1.2\n**Spec:** Node.js\n\n## Refs\n\n- **Spec:** ./spec\n- **Spec:** ../specs/004\n- **Spec:** specs/004-export\n- **Spec:** notes/spec.yaml\n- **Spec:** spec.md\n- **Spec:** `exists.md`\n";
    let out = run("PW301", None, source);
    for path in [
        "./spec",
        "../specs/004",
        "specs/004-export",
        "notes/spec.yaml",
        "spec.md",
    ] {
        let found = out.matches(&format!("link to `{path}`")).count();
        assert_eq!(found, 1, "`{path}` reported {found} times:\n{out}");
    }
    assert!(out.ends_with("Found 5 errors in 1 file.\n"), "{out}");
}

#[test]
fn the_roadmap_dialect_accepts_the_draft_its_tool_writes() {
    // SpecPulse's `sp-plan create` writes `STATUS: draft`.
    let plan = |status: &str| {
        format!(
            "<!-- FEATURE_DIR: 003-x -->\n<!-- STATUS: {status} -->\n\n# Implementation Plan: X\n"
        )
    };
    let out = run("PW202", Some("roadmap"), &plan("draft"));
    assert_eq!(out, "No problems found in 1 file.\n");
    let out = run("PW202", Some("roadmap"), &plan("shipped"));
    assert!(out.contains("unknown status `shipped`"), "{out}");
}

#[test]
fn a_plan_with_only_common_sections_is_held_to_no_template() {
    // Goals and Non-Goals are in plans of every kind: they do not make one
    // an rfc that must have the rfc template's sections.
    let source = "# Export\n\nMove the export.\n\n## Goals\n\n- Fast.\n\n## Non-Goals\n\n- Pretty.\n\n## Steps\n\n1. Do it.\n";
    assert_eq!(run("PW103", None, source), "No problems found in 1 file.\n");
}

#[test]
fn missing_section_help_reads_right_for_every_name() {
    // No article to get wrong: not "add a `architecture` section".
    let out = run("PW103", Some("rfc"), "# RFC: X\n\n## Summary\n\nWhy.\n");
    assert!(
        out.contains("help: add the `architecture` section;")
            && out.contains("help: add the `acceptance criteria` section;"),
        "{out}"
    );
    assert!(!out.contains("add a `"), "{out}");
}

#[test]
fn only_the_questions_are_counted_not_their_details() {
    let source = "# Plan\n\n**Status:** In Progress\n\n## Open Questions\n\n1. **Which contract?**\n   - V2 or V3?\n   - Which address?\n\n2. **Allocation strategy**:\n   - Fixed mapping?\n\n   Or chosen per round.\n\n- [ ] Which database?\n  - Postgres?\n- [x] Which cloud?\n  - AWS?\n\nShould we also ship docs?\n";
    let out = run("PW107", None, source);
    insta::assert_snapshot!("PW107_nested", out);
}

#[test]
fn a_long_heading_is_shortened_in_the_message() {
    // A paragraph over a `---` line is one setext heading, however long.
    let rule = "Every order is paid before it ships. ".repeat(8);
    let source = format!("# Plan\n\n{rule}\n{rule}\n---\n\n## Next\n\nText.\n");
    let out = run("PW104", None, &source);
    let message = out.lines().next().unwrap_or_default();
    let title = message
        .strip_prefix("warning[PW104]: section `")
        .and_then(|m| m.strip_suffix("` is empty [empty-section]"))
        .unwrap_or_default();
    assert!(
        title.starts_with("Every order is paid before it ships. Every")
            && title.ends_with("...")
            && title.chars().count() <= 60,
        "{out}"
    );
}

#[path = "tests_reading.rs"]
mod reading;
