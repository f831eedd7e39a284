//! One large plan, for the cases that catch work growing faster than the
//! plan: every task depends on the one before it (in prose and in a
//! `T1 → T2` chain), every phase on the phase before, and every field
//! holds a choice beside a slot. Look-ups that search the whole plan once
//! per dependency showed as seconds here, where the tree's small plans
//! hide them.

use std::fmt::Write as _;

/// A plan of `tasks` tasks, 20 to a phase, about 60 bytes a task.
pub fn plan(tasks: usize) -> String {
    let mut out = String::with_capacity(tasks * 100);
    out.push_str("# Implementation Plan: Large\n\n**Status:** In Progress\n\n");
    let mut chain = String::new();
    for i in 0..tasks {
        if i % 20 == 0 {
            let phase = i / 20 + 1;
            let _ = write!(out, "\n## Phase {phase}: Part {phase}\n\n");
            if phase > 1 {
                let _ = write!(out, "**Dependencies:** Phase {}\n\n", phase - 1);
            }
            let _ = write!(out, "**Risk:** High/Medium/Low [OWNER]\n\n");
        }
        let done = if i % 3 == 0 { 'x' } else { ' ' };
        let _ = write!(out, "- [{done}] T{i:05} Step {i}");
        if i > 0 {
            let _ = write!(out, " (depends on T{:05})", i - 1);
            let _ = writeln!(chain, "T{:05} → T{i:05}", i - 1);
        }
        out.push('\n');
    }
    let _ = write!(out, "\n## Order\n\n```text\n{chain}```\n");
    out
}
