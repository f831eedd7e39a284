//! `next` over every corpus plan (`PLANWRIGHT_CORPUS`): every open task
//! is somewhere in what it says, so an agent following it misses none.

use std::path::{Path, PathBuf};

use planwright_core::{
    DialectSet, ParseOptions, Plan, StatusWords, TaskKind, TaskState, parse_with,
};
use planwright_edit::track::{ready_tasks, waiting_tasks};

/// The open tasks `next` would never mention, as `id (why)`: each open
/// task must be ready (a task in progress among them, even while it
/// waits), waiting with what it waits for, an open check (counted in
/// `checks_open`), or a container not started that gives way to an open
/// subtask which is itself work and mentioned. An optional subtask holds
/// back nothing, so its parent must be mentioned on its own. A task left
/// for later (under "Out of Scope") is no work, and rightly unmentioned.
fn unmentioned(plan: &Plan, words: StatusWords<'_>) -> Vec<String> {
    let n = plan.tasks.len();
    let mut mentioned = vec![false; n];
    for r in ready_tasks(plan, words) {
        mentioned[r.task] = true;
    }
    for (t, waits) in waiting_tasks(plan, words) {
        assert!(!waits.is_empty(), "{}: waits for nothing", plan.tasks[t].id);
        mentioned[t] = true;
    }
    let mut out = Vec::new();
    // Subtasks come after their parent: from the last task back, each is
    // judged before the parent that may give way to it.
    let mut gives_way = vec![false; n];
    for (i, t) in plan.tasks.iter().enumerate().rev() {
        if t.state == TaskState::Done || t.kind == TaskKind::Deferred {
            continue;
        }
        if t.kind.is_check() {
            mentioned[i] = true;
        } else if t.work_state() == TaskState::InProgress && !mentioned[i] {
            out.push(format!("{} (in progress, not listed as such)", t.id));
            continue;
        } else if !mentioned[i] && gives_way[i] {
            mentioned[i] = true;
        }
        if !mentioned[i] {
            out.push(format!("{} (neither ready nor waiting)", t.id));
            continue;
        }
        let work = !t.optional && !t.kind.is_check();
        if let Some(p) = t.parent.filter(|&p| p < i && work) {
            gives_way[p] = true;
        }
    }
    out.reverse();
    out
}

fn corpus_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("a corpus folder") {
            let path = entry.expect("a corpus entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_open_corpus_task_is_ready_waiting_or_a_check() {
    let Some(root) = std::env::var_os("PLANWRIGHT_CORPUS") else {
        eprintln!("PLANWRIGHT_CORPUS is not set; corpus check skipped");
        return;
    };
    let root = PathBuf::from(root);
    let files = corpus_files(&root);
    assert!(!files.is_empty(), "no .md files under PLANWRIGHT_CORPUS");
    let mut failures = Vec::new();
    for path in &files {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        // Read as the CLI reads it from the corpus folder: its name and
        // path are detection hints.
        let rel = path.strip_prefix(&root).unwrap_or(path).to_string_lossy();
        let name = path.file_name().map(|n| n.to_string_lossy());
        let plan = parse_with(
            &src,
            &ParseOptions {
                file_name: name.as_deref(),
                path: Some(&rel),
                ..ParseOptions::default()
            },
        );
        let words = DialectSet::builtin()
            .get(&plan.dialect.name)
            .map_or_else(StatusWords::default, |d| StatusWords::of(&d.descriptor));
        let missed = unmentioned(&plan, words);
        if !missed.is_empty() {
            failures.push(format!("{rel}: {}", missed.join(", ")));
        }
    }
    assert!(
        failures.is_empty(),
        "open tasks `next` never mentions, in {} of {} plans:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn a_parent_of_optional_subtasks_is_mentioned() {
    // The check itself, on the case that once slipped through it.
    let src = "# Implementation Plan\n\n- [ ] 1. Build exporter\n- [ ]* 1.1 Test the exporter\n- [-] 2. Wire the API\n- [ ] 2.1 Route it\n";
    let plan = planwright_core::parse(src);
    assert_eq!(
        unmentioned(&plan, StatusWords::default()),
        Vec::<String>::new()
    );
}
