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
                edit_plan(&path, &ParseOptions::default(), |plan, src| {
                    let i = resolve(plan, src, &format!("T00{n}"))?;
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

#[test]
fn a_file_changed_between_read_and_write_keeps_the_other_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.md");
    std::fs::write(&path, "- [ ] T001 a\n- [ ] T002 b\n").unwrap();
    let theirs = "- [ ] T001 a\n- [x] T002 b\n- [ ] T003 theirs\n";
    let err = edit_plan(&path, &ParseOptions::default(), |plan, src| {
        // Another editor, one that ignores the lock, saves meanwhile.
        std::fs::write(&path, theirs).unwrap();
        let i = resolve(plan, src, "T001")?;
        let e = set_task_state(plan, i, TaskState::Done).unwrap();
        let intent = Intent::TaskStates(vec![(i, TaskState::Done)]);
        Ok((
            Change {
                edits: vec![e],
                intent,
            },
            (),
        ))
    })
    .unwrap_err();
    assert!(
        err.to_string()
            .ends_with("plan.md changed on disk since it was read; nothing written"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
