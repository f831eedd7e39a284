//! Labels over check lists: what kind of item follows them.

use crate::{TaskKind, parse};

fn kinds(src: &str) -> Vec<TaskKind> {
    parse(src).tasks.iter().map(|t| t.kind).collect()
}

#[test]
fn an_acceptance_label_makes_checks_of_its_list() {
    use TaskKind::{AcceptanceCriterion, Task};
    // Bold, as `**Acceptance Criteria**:` always was, and plain.
    for label in [
        "**Acceptance**:",
        "**Acceptance:**",
        "**Acceptance Criteria**:",
        "Acceptance Criteria:",
        "Acceptance:",
    ] {
        let src = format!(
            "# P\n\n### T001: Build the parser\n\n- [ ] Write it\n\n{label}\n- [ ] Parses every fixture\n\n### T002: Ship\n\n- [ ] Tag it\n"
        );
        assert_eq!(kinds(&src), [Task, AcceptanceCriterion, Task], "{label}");
    }
    // A plain line is a label only alone and plain; a task's own text
    // labels nothing.
    for not_label in [
        "The acceptance criteria:",
        "Acceptance: see the spec",
        "- [ ] Acceptance:",
    ] {
        let src = format!("# P\n\n{not_label}\n- [ ] Write it\n");
        assert!(kinds(&src).iter().all(|&k| k == Task), "{not_label}");
    }
}
