//! Byte preservation, as properties over generated plans and, when
//! `PLANWRIGHT_CORPUS` is set, over every corpus file: done changes only the
//! check-mark byte and undo gives the identical bytes back; set and log
//! change only their own lines; CRLF files stay CRLF.

use planwright_core::edit::apply;
use planwright_core::{Plan, TaskState, parse};
use planwright_edit::ops::{LogEntry, SetField, append_log, set_field, set_task_state};
use planwright_edit::{Change, OpError, verify};
use proptest::prelude::*;

/// Checks every byte property on one plan text; returns a description of
/// the first violation. Edits that the re-parse check refuses (nothing would
/// be written) are collected in `refused`: they keep the file safe but are
/// a command that fails, so the corpus must have none.
fn check(src: &str, refused: &mut Vec<String>) -> Result<(), String> {
    let plan = parse(src);
    for i in 0..plan.tasks.len() {
        check_task(src, &plan, i, refused)?;
    }
    check_set(src, &plan, refused)?;
    check_log(src, &plan, refused)?;
    Ok(())
}

fn check_task(src: &str, plan: &Plan, i: usize, refused: &mut Vec<String>) -> Result<(), String> {
    let t = &plan.tasks[i];
    let mark_at = t.check_range.start as usize + 1;
    let (first, back) = if t.state == TaskState::Open {
        (TaskState::Done, TaskState::Open)
    } else {
        (TaskState::Open, t.state)
    };
    let Some(e) = set_task_state(plan, i, first) else {
        return Err(format!("task {i}: no edit"));
    };
    let once = apply(src, &[e]).map_err(|e| e.to_string())?;
    only_byte_differs(src, &once, mark_at).map_err(|m| format!("task {} {}: {m}", i, t.id))?;
    let after = parse(&once);
    let intent = planwright_edit::Intent::TaskStates(vec![(i, first)]);
    if let Err(e) = verify(plan, &after, &intent) {
        refused.push(format!("task {}: {e}", t.id));
    }
    if t.state == TaskState::Open {
        let e = set_task_state(&after, i, back).ok_or("undo: no edit")?;
        let twice = apply(&once, &[e]).map_err(|e| e.to_string())?;
        if twice != src {
            return Err(format!("task {}: done then undo changed the text", t.id));
        }
    }
    Ok(())
}

fn only_byte_differs(a: &str, b: &str, at: usize) -> Result<(), String> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return Err("length changed".into());
    }
    match (0..a.len()).find(|&k| a[k] != b[k] && k != at) {
        Some(k) => Err(format!("byte {k} changed, expected only {at}")),
        None => Ok(()),
    }
}

/// The old and new text share a prefix and suffix; what lies between must
/// be whole lines of the file's own line ending, touching no other line.
fn only_lines_between(src: &str, out: &str, change: &Change) -> Result<(), String> {
    let start = change
        .edits
        .iter()
        .map(|e| e.range.start as usize)
        .min()
        .unwrap_or(0);
    let end = change
        .edits
        .iter()
        .map(|e| e.range.end as usize)
        .max()
        .unwrap_or(0);
    let line_start = src[..start].rfind('\n').map_or(0, |n| n + 1);
    let line_end = src[end..].find('\n').map_or(src.len(), |n| end + n);
    let tail = &src[line_end..];
    if !out.starts_with(&src[..line_start]) || !out.ends_with(tail) {
        return Err(format!(
            "bytes outside lines {line_start}..{line_end} changed"
        ));
    }
    if src.contains("\r\n") && !src.replace("\r\n", "").contains('\n') {
        let middle = &out[line_start..out.len() - tail.len()];
        if middle.replace("\r\n", "").contains('\n') {
            return Err("a bare LF was inserted into a CRLF file".into());
        }
    }
    Ok(())
}

fn check_set(src: &str, plan: &Plan, refused: &mut Vec<String>) -> Result<(), String> {
    // A text value, and one written as Markdown (`--markdown`), whose
    // markup is held to its field as strictly.
    for (field, add, value, markdown) in [
        ("status", false, "In Progress", false),
        ("owner", true, "In Progress", false),
        ("owner", true, "*[spec](s.md)* `x` <b>y</b>", true),
    ] {
        let req = SetField {
            field,
            value,
            add: add || plan.field(field).is_none(),
            markdown,
        };
        let Ok(change) = set_field(plan, src, &req) else {
            continue;
        };
        let out = apply(src, &change.edits).map_err(|e| e.to_string())?;
        only_lines_between(src, &out, &change).map_err(|m| format!("set {field}: {m}"))?;
        if let Err(e) = verify(plan, &parse(&out), &change.intent) {
            refused.push(format!("set {field}: {e}"));
        }
    }
    Ok(())
}

fn check_log(src: &str, plan: &Plan, refused: &mut Vec<String>) -> Result<(), String> {
    let entry = LogEntry {
        date: "2026-11-21",
        message: "Shipped a | b",
        create: true,
    };
    let change = match append_log(plan, src, &entry) {
        Ok(change) => change,
        // A plan that ends inside an unclosed code block takes no new
        // section: the refusal is the right answer, and nothing is written.
        Err(OpError::UnclosedFence { .. }) if !src.contains("Progress Log") => return Ok(()),
        // A `## Progress Log` of check boxes only is the log, which a line
        // would turn into a task, and which a second log would double.
        Err(OpError::ClosedLog { .. }) if src.contains("Progress Log") => return Ok(()),
        // A log of table rows and dated lines beside them has no one place
        // in date order for the entry: refused, nothing written.
        Err(OpError::MixedLog { .. }) if src.contains("| 2026-01-01 |") => return Ok(()),
        Err(e) => return Err(format!("log: {e}")),
    };
    let out = apply(src, &change.edits).map_err(|e| e.to_string())?;
    only_lines_between(src, &out, &change).map_err(|m| format!("log: {m}"))?;
    if let Err(e) = verify(plan, &parse(&out), &change.intent) {
        refused.push(format!("log: {e}"));
    }
    Ok(())
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        (1..4usize, "[A-Za-z ]{1,20}").prop_map(|(l, t)| format!("{} {t}", "#".repeat(l))),
        (
            0..3usize,
            "[ xX~-]",
            prop::option::of(1..40u32),
            prop::bool::ANY,
            "[a-z ]{0,20}"
        )
            .prop_map(|(indent, mark, id, p, text)| {
                let id = id.map(|n| format!("T{n:03} ")).unwrap_or_default();
                let p = if p { "[P] " } else { "" };
                format!("{}- [{mark}] {id}{p}{text}", "  ".repeat(indent))
            }),
        ("[A-Z][a-z]{1,8}", "[A-Za-z0-9 |]{0,15}").prop_map(|(k, v)| format!("**{k}:** {v}")),
        "[A-Za-z]{1,8}".prop_map(|k| format!("<!-- {k}: pending -->")),
        "[A-Za-z .,|*_`\\[\\]]{0,40}",
        Just("## Progress Log".to_owned()),
        Just("| Date | Update |".to_owned()),
        Just("|------|--------|".to_owned()),
        Just("| 2026-01-01 | x |".to_owned()),
        Just("**Status:** Draft  ".to_owned()),
        Just("## Phase 2: Build".to_owned()),
        Just("**Dependencies:** Phase 1".to_owned()),
        Just(String::new()),
    ]
}

/// Optional YAML front matter: a status in one of the quoting styles.
fn front_matter() -> impl Strategy<Value = Option<Vec<String>>> {
    prop::option::of(
        prop_oneof![
            Just("status: draft"),
            Just("status: \"draft\""),
            Just("status: 'it''s'"),
            Just("status:"),
            Just("title: x"),
        ]
        .prop_map(|field| vec!["---".to_owned(), field.to_owned(), "---".to_owned()]),
    )
}

fn plan_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(), 0..30),
        front_matter(),
        prop::bool::ANY,
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(|(mut lines, front, crlf, bom, final_newline)| {
            let le = if crlf { "\r\n" } else { "\n" };
            let mut s = if bom {
                "\u{feff}".to_owned()
            } else {
                String::new()
            };
            if let Some(front) = front {
                lines.splice(0..0, front);
            }
            s.push_str(&lines.join(le));
            if final_newline {
                s.push_str(le);
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn generated_plans_keep_every_other_byte(src in plan_text()) {
        if let Err(m) = check(&src, &mut Vec::new()) {
            prop_assert!(false, "{m}\n--- plan ---\n{src:?}");
        }
    }
}

#[test]
fn every_corpus_file_keeps_every_other_byte() {
    let Some(root) = std::env::var_os("PLANWRIGHT_CORPUS") else {
        eprintln!("PLANWRIGHT_CORPUS is not set; corpus check skipped");
        return;
    };
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    assert!(!files.is_empty(), "no .md files under PLANWRIGHT_CORPUS");
    // Each file's check re-parses it once per task; spread the files over
    // the cores.
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let chunk = files.len().div_ceil(threads).max(1);
    let (mut failures, mut refused) = (Vec::new(), Vec::new());
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || check_files(part)))
            .collect();
        for h in handles {
            let (f, r) = h.join().unwrap();
            failures.extend(f);
            refused.extend(r);
        }
    });
    assert!(
        failures.is_empty(),
        "{} of {} files:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    assert!(refused.is_empty(), "refused edits:\n{}", refused.join("\n"));
}

/// The properties on each file as written and with CRLF line endings:
/// byte violations, and edits the re-parse check refused.
fn check_files(files: &[std::path::PathBuf]) -> (Vec<String>, Vec<String>) {
    let mut failures = Vec::new();
    let mut refused = Vec::new();
    for path in files {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        for text in [src.clone(), src.replace("\r\n", "\n").replace('\n', "\r\n")] {
            let mut r = Vec::new();
            if let Err(m) = check(&text, &mut r) {
                failures.push(format!("{}: {m}", path.display()));
                break;
            }
            refused.extend(r.into_iter().map(|m| format!("{}: {m}", path.display())));
        }
    }
    (failures, refused)
}
