//! A plan without phases, by what groups its tasks: `status` gives each
//! group a row, and `next` names the section of each task it lists when
//! they come from more than one.

use crate::support::{planwright, stdout, write};

/// A plan without phases is split by what groups its tasks: its sections,
/// with a row for the tasks in none, or its top-level tasks over their
/// subtasks (Kiro); the JSON says the same.
#[test]
fn a_plan_without_phases_has_a_row_per_group() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "sections.md",
        "# Sync\n\n- [x] read the spec\n\n## 1. Core\n\n- [x] 1.1 types\n- [ ] 1.2 paths\n\n## 2. CLI\n\n- [ ] 2.1 command\n",
    );
    write(
        dir.path(),
        "tasks.md",
        "# Export\n\n- [x] 1. Set up\n  - [x] 1.1 repo\n- [ ] 2. Build\n  - [-] 2.1 model\n  - [ ] 2.2 api\n- [ ] 3. Release\n",
    );
    assert_eq!(
        stdout(&planwright(&["status", "sections.md"], dir.path())),
        "Sync  (sections.md)\n  overall    2/4    50%\n\n\
         \x20 1. Core                  1/2    50%\n\
         \x20 2. CLI                   0/1     0%\n\
         \x20 (outside any section)    1/1   100%\n"
    );
    assert_eq!(
        stdout(&planwright(&["status", "tasks.md"], dir.path())),
        "Export  (tasks.md)\n  overall    2/6    33%  (1 in progress)\n\n\
         \x20 1. Set up     2/2   100%\n\
         \x20 2. Build      0/3     0%  (1 in progress)\n\
         \x20 3. Release    0/1     0%\n"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &planwright(&["status", "sections.md", "--format", "json"], dir.path()).stdout,
    )
    .expect("json");
    let plan = &json["plans"][0];
    assert_eq!(plan["groups"][0]["kind"], "section");
    assert_eq!(plan["groups"][0]["id"], "1");
    assert_eq!(plan["groups"][1]["title"], "CLI");
    assert_eq!(plan["groups"][1]["progress"]["total"], 1);
    assert_eq!(plan["outside_groups"]["done"], 1);
    let json: serde_json::Value = serde_json::from_slice(
        &planwright(&["status", "tasks.md", "--format", "json"], dir.path()).stdout,
    )
    .expect("json");
    let groups = &json["plans"][0]["groups"];
    assert_eq!(groups[1]["kind"], "task");
    assert_eq!(groups[1]["id"], "2");
    assert_eq!(groups[1]["title"], "Build");
    assert_eq!(groups[1]["progress"]["in_progress"], 1);
}

/// Steps of one text in several sections (`### Task 1: …` each with its
/// `Step 1: Write the failing test`) are told apart by their section, as
/// tasks of a phased plan are by their phase (`Step 2` waits for `Step 1`);
/// tasks all of one section are listed without it.
#[test]
fn next_names_the_section_of_tasks_from_several() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "steps-plan.md",
        "# Cache plan\n\n### Task 1: Add the store\n\n- [ ] Step 1: Write the failing test\n\
         - [ ] Step 2: Make it pass\n\n### Task 2: Wire it in\n\n- [ ] Step 1: Write the failing test\n\n\
         ## Done\n\n- [x] Step 0: Spike\n",
    );
    assert_eq!(
        stdout(&planwright(&["next", "steps-plan.md"], dir.path())),
        "steps-plan.md\n  ready\n\
         \x20   #1  Step 1: Write the failing test  (Task 1: Add the store)\n\
         \x20   #3  Step 1: Write the failing test  (Task 2: Wire it in)\n\
         1 open task waits for others (--waiting to list them)\n"
    );
    assert_eq!(
        stdout(&planwright(
            &["next", "steps-plan.md", "-n", "1"],
            dir.path()
        )),
        "steps-plan.md\n  ready\n    #1  Step 1: Write the failing test\n… and 1 more (-n 2 to see it)\n\
         1 open task waits for others (--waiting to list them)\n"
    );
    // Decided on what is listed over many plans: one task of the plan
    // listed, and its section goes unsaid.
    write(dir.path(), "other-plan.md", "# Other\n\n- [ ] Tidy up\n");
    assert_eq!(
        stdout(&planwright(&["next", ".", "-n", "2"], dir.path())),
        "other-plan.md\n  ready\n    #1  Tidy up\nsteps-plan.md\n  ready\n    #1  Step 1: Write the failing test\n\
         … and 1 more (-n 3 to see it)\n\
         1 open task waits for others (--waiting to list them)\n"
    );
}

/// `show`'s outline lists the groups where a phased plan's lists its
/// phases.
#[test]
fn show_outlines_the_groups() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "tasks.md",
        "# Export\n\n- [x] 1. Set up\n  - [x] 1.1 repo\n- [ ] 2. Build\n  - [ ] 2.1 model\n",
    );
    let out = stdout(&planwright(&["show", "tasks.md"], dir.path()));
    assert!(
        out.ends_with("\nTasks by parent task\n  1. Set up  2/2\n  2. Build   0/2\n"),
        "{out}"
    );
}

/// `graph` draws the sections that group a phaseless plan's tasks as
/// boxes, as it draws phases; a task outside them stands outside.
#[test]
fn graph_boxes_the_sections() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "sections.md",
        "# Sync\n\n- [x] read the spec\n\n## 1. Core\n\n- [x] 1.1 types\n\n## 2. CLI\n\n- [ ] 2.1 command\n",
    );
    assert_eq!(
        stdout(&planwright(&["graph", "sections.md"], dir.path())),
        "flowchart TD\n  subgraph s1[\"1. Core\"]\n    t1[\"✓ 1.1 types\"]\n  end\n\
         \x20 subgraph s2[\"2. CLI\"]\n    t2[\"2.1 command\"]\n  end\n  t0[\"✓ read the spec\"]\n"
    );
    let dot = stdout(&planwright(
        &["graph", "sections.md", "--format", "dot"],
        dir.path(),
    ));
    assert!(
        dot.contains(
            "  subgraph cluster_s2 {\n    label=\"2. CLI\";\n    t2 [label=\"2.1 command\"];\n  }\n"
        ),
        "{dot}"
    );
}
