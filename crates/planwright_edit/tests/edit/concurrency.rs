//! Writers taking turns: eight threads (each with its own lock handle, as
//! separate processes have) tick different tasks of one file at once.

use std::fmt::Write as _;
use std::sync::{Arc, Barrier};

use planwright_core::{ParseOptions, TaskState};
use planwright_edit::ops::set_task_state;
use planwright_edit::{Change, Intent, edit_plan, resolve};

#[test]
fn eight_simultaneous_ticks_all_land() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.md");
    let mut src = String::from("# Plan\r\n\r\n");
    for n in 1..=8 {
        let _ = write!(src, "- [ ] T00{n} task {n}\r\n");
    }
    std::fs::write(&path, &src).unwrap();
    let barrier = Arc::new(Barrier::new(8));
    let handles: Vec<_> = (1..=8)
        .map(|n| {
            let (path, barrier) = (path.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                edit_plan(&path, &ParseOptions::default(), |plan, _| {
                    let i = resolve(plan, &format!("T00{n}"))?;
                    let e = set_task_state(plan, i, TaskState::Done).unwrap();
                    Ok((
                        Change {
                            edits: vec![e],
                            intent: Intent::TaskStates(vec![(i, TaskState::Done)]),
                        },
                        (),
                    ))
                })
                .unwrap();
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let out = std::fs::read_to_string(&path).unwrap();
    assert_eq!(out, src.replace("[ ]", "[x]"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["plan.md"]);
}
