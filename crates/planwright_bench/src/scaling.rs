//! Does the work grow with the plan, and no faster? Each shape below is a
//! plan that repeats one construct `n` times (many slots on one long line,
//! thousands of fields in one paragraph, a task naming thousands of ids,
//! ranges over every task, thousands of directives). `scaling` times
//! planwright on each at `n` and `2n`; linear work doubles, quadratic work
//! quadruples. Most shapes here once took seconds through a search that
//! started again from the line's or the block's start for each element.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::timing::{median, process};

/// A name and a writer of the plan at size `n`.
type Shape = (&'static str, fn(usize) -> String);

/// Each construct, `n` times; the plans stay within a few MB at the
/// default size.
const SHAPES: &[Shape] = &[
    ("double braces on one line", |n| repeat_line("{{", n)),
    ("brace slots on one line", |n| repeat_line("{a} ", n)),
    ("quoted brace slots on one line", |n| {
        repeat_line("\"{a} ", n)
    }),
    ("angle slots on one line", |n| repeat_line("<Abc> ", n)),
    ("TBD on one line", |n| repeat_line("TBD ", n)),
    // These four at 5n: at n their quadratic search (fixed) hid behind
    // the rest of the run.
    ("bracket slots on one line", |n| {
        repeat_line("[NAME] ", 5 * n)
    }),
    ("bold bracket terms on one line", |n| {
        repeat_line("**[LEGACY]** ", 5 * n)
    }),
    ("bracket field values on one line", |n| {
        repeat_line("**A:** [a] | ", 5 * n)
    }),
    ("list items nested on one line", |n| {
        format!("# Plan\n\n{}[ ] T001 x\n", "- ".repeat(5 * n))
    }),
    ("links on one line", |n| {
        let mut line = String::new();
        for i in 0..n {
            let _ = write!(line, "[a{i}](missing{i}.md) ");
        }
        format!("# Plan\n\n{line}\n")
    }),
    ("ids a task depends on", |n| {
        let ids: Vec<String> = (0..n).map(|i| format!("T{i}")).collect();
        format!("# Plan\n\n- [ ] T0 x\n  Depends on {}\n", ids.join(", "))
    }),
    ("dependency phrases on one task line", |n| {
        format!(
            "# Plan\n\n- [ ] T0 x {}\n- [ ] T1 y\n",
            "depends on T1, ".repeat(n)
        )
    }),
    ("phase waits on one task line", |n| {
        format!(
            "# Plan\n\n## Phase 1: A\n\n- [ ] T0 x {}\n",
            "(depends on Phase 1) ".repeat(n)
        )
    }),
    ("ranges on one task line", |n| {
        format!(
            "# Plan\n\n- [ ] T1 a\n- [ ] T2 x, depends on {}\n",
            "T1-T999999999, ".repeat(n)
        )
    }),
    ("tasks each waiting on all tasks", |n| {
        lines(n, |i| format!("- [ ] T{i} x (depends on T0-T{})", n - 1))
    }),
    ("chains into a range of all", |n| {
        let mut out = lines(n, |i| format!("- [ ] T{i} x"));
        for i in 0..n {
            let _ = writeln!(out, "\nT{i} → T0-T{}", n - 1);
        }
        out
    }),
    ("fields in one paragraph", |n| {
        lines(n, |i| format!("**Key{i}:** value {{x}}"))
    }),
    ("choice fields in one paragraph", |n| {
        lines(n, |i| format!("**K{i}:** High/Low"))
    }),
    ("a tangle of task cycles", |n| {
        let mut out = lines(n, |i| format!("- [ ] T{i} x"));
        out.push_str("\n```text\n");
        for i in 1..n {
            let _ = writeln!(out, "T{} → T{}\nT{} → T1", i - 1, i, i);
        }
        out.push_str("```\n");
        out
    }),
    ("tasks with markers and slots", |n| {
        lines(n, |i| format!("- [ ] T{i} [US1] do [COMPONENT NAME] now"))
    }),
    ("open-question sections", |n| {
        let body = lines(n, |i| format!("## Open Questions\n\n- Q{i}?\n"));
        body.replacen("# Plan\n\n", "# Plan\n\n**Status:** Done\n\n", 1)
    }),
    ("disable directives", |n| {
        lines(n, |_| {
            "<!-- planwright-disable PW101 -->\n[Slot]\n<!-- planwright-enable PW101 -->".to_owned()
        })
    }),
    ("next-line directives", |n| {
        lines(n, |_| {
            "<!-- planwright-disable-next-line PW101 -->\n[Slot]\n".to_owned()
        })
    }),
];

fn repeat_line(unit: &str, n: usize) -> String {
    format!("# Plan\n\n{}\n", unit.repeat(n))
}

fn lines(n: usize, line: impl Fn(usize) -> String) -> String {
    let mut out = String::from("# Plan\n\n");
    for i in 0..n {
        out.push_str(&line(i));
        out.push('\n');
    }
    out
}

/// The commands timed on each shape: the model with every range's line
/// and column, and every rule rendered as SARIF (character offsets).
const COMMANDS: &[&[&str]] = &[
    &["show", "--format", "json"],
    &["lint", "--select", "ALL", "--format", "sarif"],
];

pub fn run(binary: &Path, size: usize, runs: usize, only: Option<&str>) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("planwright-scaling-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| dir.display().to_string())?;
    let result = measure(&dir, binary, size, runs, only);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn measure(dir: &Path, binary: &Path, size: usize, runs: usize, only: Option<&str>) -> Result<()> {
    println!("n = {size}; median of {runs} runs; a ratio near 2 is linear, near 4 quadratic\n");
    println!(
        "{:<32} {:<10} {:>10} {:>10} {:>6}",
        "shape", "command", "n", "2n", "ratio"
    );
    for (name, shape) in SHAPES {
        if only.is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let mut files = Vec::new();
        for (k, n) in [size, 2 * size].into_iter().enumerate() {
            let path = dir.join(format!("{}-{k}.md", name.replace(' ', "-")));
            std::fs::write(&path, shape(n)).with_context(|| path.display().to_string())?;
            files.push(path);
        }
        for command in COMMANDS {
            let (small, large) = (
                process(binary, args(command, &files[0])),
                process(binary, args(command, &files[1])),
            );
            // Alternating, so that load on this shared machine falls on
            // both sizes alike.
            let (mut one, mut two) = (Vec::new(), Vec::new());
            for _ in 0..runs {
                for (case, times) in [(&small, &mut one), (&large, &mut two)] {
                    let start = Instant::now();
                    case()?;
                    times.push(start.elapsed().as_secs_f64());
                }
            }
            let (one, two) = (median(one), median(two));
            let ratio = two / one.max(1e-9);
            println!(
                "{name:<32} {:<10} {:>8.1}ms {:>8.1}ms {ratio:>6.1}{}",
                command[0],
                one * 1e3,
                two * 1e3,
                if ratio >= 3.0 { "  superlinear?" } else { "" }
            );
        }
    }
    Ok(())
}

/// `command`'s arguments and then `file`.
fn args<'a>(command: &'a [&'a str], file: &'a Path) -> Vec<&'a std::ffi::OsStr> {
    let mut args: Vec<&std::ffi::OsStr> = command.iter().map(AsRef::as_ref).collect();
    args.push(file.as_os_str());
    args
}
