//! Tests of the JSON documents: percentages and the task objects.

use super::*;

/// The `percent` as a JSON reader sees it.
fn percent(done: usize, total: usize) -> String {
    let p = Progress {
        done,
        in_progress: 0,
        total,
    };
    serde_json::to_string(&ProgressDoc::from(p).percent).unwrap_or_default()
}

#[test]
fn percent_rounds_to_the_nearest_tenth_short_of_the_ends() {
    for (done, total, shown) in [
        (2, 3, "66.7"),
        (1, 3, "33.3"),
        (7, 54, "13.0"),
        (199, 200, "99.5"),
        (29, 100, "29.0"),
        (1, 2000, "0.1"),
        (3, 2000, "0.2"),
        // Nearer 100 or 0 than a tenth, but not all or none done.
        (1999, 2000, "99.9"),
        (1, 100_000, "0.1"),
        (3, 3, "100.0"),
        (0, 3, "0.0"),
        (0, 0, "0.0"),
    ] {
        assert_eq!(percent(done, total), shown, "{done}/{total}");
    }
}

/// The tasks of `src` as `show --format json` prints them.
fn tasks(src: &str) -> Vec<serde_json::Value> {
    let plan = crate::parse(src);
    let doc = PlanDoc::new(&plan, "plan.md", &Locator::new(src));
    let json = serde_json::to_value(&doc).unwrap_or_default();
    json["tasks"].as_array().cloned().unwrap_or_default()
}

#[test]
fn a_subtask_names_its_parent_task_by_index_and_id() {
    let nested = tasks(
        "- [ ] T001 Write tests for\n  - [ ] T002 the parser\n  - [ ] T003 the printer\n- [ ] T001 Again\n  - [ ] the rest\n",
    );
    let parents: Vec<_> = nested
        .iter()
        .map(|t| (t["parent"].clone(), t["parent_id"].clone()))
        .collect();
    let none = (serde_json::Value::Null, serde_json::Value::Null);
    assert_eq!(
        parents,
        [
            none.clone(),
            (0.into(), "T001 (1)".into()),
            (0.into(), "T001 (1)".into()),
            none,
            // The id `show` gives a repeated id's second task.
            (3.into(), "T001 (2)".into()),
        ]
    );
    // A task of no parent has neither field.
    assert!(nested[0].get("parent").is_none() && nested[0].get("parent_id").is_none());

    // Kiro's flat layout: `1.1` is a subtask of `1`.
    let flat = tasks("- [ ] 1. Build the parser\n- [ ] 1.1 Lexer\n- [ ] 2. Ship\n");
    assert_eq!(flat[1]["parent"], 0);
    assert_eq!(flat[1]["parent_id"], "1");
    assert!(flat[2].get("parent").is_none());
}

#[test]
fn a_repeated_task_id_is_made_unique_and_waits_name_every_task_of_it() {
    let src = "## Phase 1: A\n\n- [x] T001 x\n- [ ] T001 y (depends on T003)\n- [ ] T003 w (depends on T001)\n- [ ] T004 v (depends on T003)\n";
    let ids: Vec<_> = tasks(src).iter().map(|t| t["id"].clone()).collect();
    assert_eq!(ids, ["T001 (1)", "T001 (2)", "T003", "T004"]);
    let depends: Vec<_> = tasks(src).iter().map(|t| t["depends_on"].clone()).collect();
    assert_eq!(
        depends,
        [
            serde_json::json!([]),
            serde_json::json!(["T003"]),
            serde_json::json!(["T001 (1)", "T001 (2)"]),
            serde_json::json!(["T003"]),
        ]
    );
    // A phase lists its tasks by those ids too.
    let plan = crate::parse(src);
    let doc = PlanDoc::new(&plan, "plan.md", &Locator::new(src));
    let json = serde_json::to_value(&doc).unwrap_or_default();
    assert_eq!(
        json["phases"][0]["tasks"],
        serde_json::json!(["T001 (1)", "T001 (2)", "T003", "T004"])
    );
}

#[test]
fn a_phase_status_keeps_where_it_is_written() {
    let src = "# P\n\n## Phase 1: Setup ✅\n\n## Phase 2: Build\n\n**Status:** In progress\n\n## Phase 3: Ship\n";
    let plan = crate::parse(src);
    let doc = PlanDoc::new(&plan, "plan.md", &Locator::new(src));
    let json = serde_json::to_value(&doc).unwrap_or_default();
    let slice = |p: usize| {
        let r = &json["phases"][p]["status_range"];
        let (s, e) = (r["start"]["offset"].as_u64(), r["end"]["offset"].as_u64());
        s.zip(e).map(|(s, e)| &src[s as usize..e as usize])
    };
    assert_eq!(slice(0), Some("## Phase 1: Setup ✅"));
    assert_eq!(slice(1), Some("In progress"));
    assert_eq!(json["phases"][1]["status_range"]["start"]["line"], 7);
    assert_eq!(slice(2), None);
}

#[test]
fn the_schema_lists_every_phase_kind_the_reader_makes() {
    let src = "# P\n\n## Phase 1: A\n\n### Step 1: B\n\n## Stage 2: C\n\n## Milestone 3: D\n\n\
               ## Sprint 4: E\n\n## Iteration 5: F\n\n## Week 6: G\n\n## Epic 7: H\n";
    let plan = crate::parse(src);
    let doc = serde_json::to_value(PlanDoc::new(&plan, "plan.md", &Locator::new(src)))
        .unwrap_or_default();
    let kinds: Vec<&str> = doc["phases"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "phase",
            "step",
            "stage",
            "milestone",
            "sprint",
            "iteration",
            "week",
            "epic"
        ]
    );
    let schema = plan_schema();
    let listed = &schema["$defs"]["PhaseDoc"]["properties"]["kind"]["enum"];
    let mut listed: Vec<&str> = listed
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|k| k.as_str())
        .collect();
    listed.sort_unstable();
    let mut made = kinds.clone();
    made.sort_unstable();
    assert_eq!(listed, made);
    // A document of every kind validates; one of a kind the reader never
    // makes does not.
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&doc));
    let mut bad = doc;
    bad["phases"][0]["kind"] = serde_json::json!("quarter");
    assert!(!validator.is_valid(&bad));
}
