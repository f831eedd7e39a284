//! Numbered steps and the step before each.

use crate::waits::test_support::{pairs, task_waits_by};

/// The waits of `src` between tasks, each named by its section and its
/// text's first two words.
fn step_waits(src: &str) -> Vec<(String, String)> {
    task_waits_by(src, |plan, i| {
        let t = &plan.tasks[i];
        let words: Vec<&str> = t.text.split_whitespace().take(2).collect();
        format!("{}:{}", t.section.unwrap_or(0), words.join(" "))
    })
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
    assert_eq!(
        task_waits_by(src, |_, i| i.to_string()),
        pairs(&[("1", "0")])
    );
}
