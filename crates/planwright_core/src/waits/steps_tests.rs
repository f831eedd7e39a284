//! Numbered steps and the step before each.

use crate::parse::parse;
use crate::waits::{Node, waits};

/// The waits of `src` between tasks, by their texts' first two words.
fn step_waits(src: &str) -> Vec<(String, String)> {
    let plan = parse(src);
    let name = |i: usize| {
        let t = &plan.tasks[i];
        let words: Vec<&str> = t.text.split_whitespace().take(2).collect();
        format!("{}:{}", t.section.unwrap_or(0), words.join(" "))
    };
    waits(&plan)
        .into_iter()
        .filter_map(|w| match (w.from, w.to) {
            (Node::Task(a), Node::Task(b)) => Some((name(a), name(b))),
            _ => None,
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn each_step_waits_for_the_one_before_within_its_section() {
    let src = "# Plan\n\n### Task 1: Parse the flag\n\n\
               - [x] **Step 1: Write the failing test**\n\n\
               - [ ] **Step 2: Run it to see it fail**\n\n\
               Some notes between the steps.\n\n\
               - [ ] **Step 3: Make it pass**\n\n\
               ### Task 2: Wire the flag\n\n\
               - [ ] Step 1: Write the test\n- [ ] Step 2 - commit\n";
    assert_eq!(
        step_waits(src),
        pairs(&[
            ("1:Step 1:", "1:Step 2:"),
            ("1:Step 2:", "1:Step 3:"),
            ("2:Step 1:", "2:Step 2"),
        ])
    );
}

#[test]
fn only_numbered_steps_in_order_wait() {
    // A gap in the numbers, a sub-step, a word after "Step" and prose
    // that starts with the word are no steps to chain; another section's
    // step 5 follows no step 4 of its own.
    let src = "# Plan\n\n## Work\n\n- [ ] Step 1: Set up\n- [ ] Step 3: Skip ahead\n\
               - [ ] Step 3.1: Detail\n- [ ] Step one: Words\n- [ ] Stepwise rollout\n\
               - [ ] Step 4b: Variant\n- [ ] Step 4: Go on\n\n\
               ## Definition of Done\n\n- [ ] Step 5: Everything passes\n";
    assert_eq!(step_waits(src), pairs(&[("1:Step 3:", "1:Step 4:")]));
}

#[test]
fn a_step_yields_to_a_wait_written_the_other_way() {
    let src = "# Plan\n\n- [ ] T001 Step 1: Build (depends on T002)\n\
               - [ ] T002 Step 2: Prepare\n";
    let plan = parse(src);
    let read: Vec<(usize, usize)> = waits(&plan)
        .into_iter()
        .filter_map(|w| match (w.from, w.to) {
            (Node::Task(a), Node::Task(b)) => Some((a, b)),
            _ => None,
        })
        .collect();
    assert_eq!(read, [(1, 0)]);
}
