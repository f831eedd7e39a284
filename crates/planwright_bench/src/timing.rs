//! The measurements. Each case is a name and a closure timed `runs` times;
//! new commands (status, next) are one more `Case` in [`cases_for`].

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use pulldown_cmark::Parser;
use rayon::prelude::*;

struct Case<'a> {
    name: String,
    run: Box<dyn Fn() -> Result<()> + 'a>,
    /// Runs per round, of which the median is the round's time: one for
    /// a case of seconds; [`SHORT_SAMPLES`] for one of milliseconds, which
    /// a single scheduler delay on this shared machine would otherwise
    /// decide.
    samples: usize,
}

/// Runs per round of a case over one file.
const SHORT_SAMPLES: usize = 41;

pub fn run(dir: &Path, binary: &Path, runs: usize, only: Option<&str>) -> Result<()> {
    if !binary.is_file() {
        bail!(
            "{}: no planwright binary (build with --release first)",
            binary.display()
        );
    }
    // Absolute, because `next` runs from inside the tree.
    let binary = &binary
        .canonicalize()
        .with_context(|| binary.display().to_string())?;
    let files = markdown_files(dir)?;
    let bytes: u64 = files
        .iter()
        .filter_map(|f| f.metadata().ok())
        .map(|m| m.len())
        .sum();
    let one = files
        .iter()
        .min_by_key(|f| f.metadata().map_or(u64::MAX, |m| m.len().abs_diff(5_000)))
        .context("no plans in the tree")?
        .clone();
    println!(
        "{} files, {:.1} MB; one file: {} ({} bytes); median of {runs} rounds (a ONE_FILE round: the median of {SHORT_SAMPLES} runs); \"x floor\" is the median of each round's ratio\n",
        files.len(),
        bytes as f64 / 1e6,
        one.display(),
        one.metadata().map_or(0, |m| m.len())
    );
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build()?;
    let floor = {
        let files = &files;
        Case {
            samples: 1,
            name: "floor: read + pulldown-cmark parse, 2 threads".to_owned(),
            run: Box::new(move || {
                pool.install(|| parse_all(files));
                Ok(())
            }),
        }
    };
    let model = {
        let files = &files;
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build()?;
        Case {
            samples: 1,
            name: "in-process: read + planwright parse, 2 threads".to_owned(),
            run: Box::new(move || {
                pool.install(|| model_all(files, false));
                Ok(())
            }),
        }
    };
    let linted = {
        let files = &files;
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build()?;
        Case {
            samples: 1,
            name: "in-process: read + parse + lint, 2 threads".to_owned(),
            run: Box::new(move || {
                pool.install(|| model_all(files, true));
                Ok(())
            }),
        }
    };
    // Not a ratio's base: what walking the folder adds to the floor, which
    // every `DIR` case below pays and the floor does not.
    let walked = Case {
        samples: 1,
        name: "floor + walk: the same, files found by ignore".to_owned(),
        run: Box::new(move || {
            walk_and_parse(dir);
            Ok(())
        }),
    };
    // One 20,000-task plan (1.2 MB), written beside the system's other
    // temporary files and removed at the end.
    let large =
        std::env::temp_dir().join(format!("planwright-bench-large-{}.md", std::process::id()));
    std::fs::write(&large, crate::large::plan(20_000))
        .with_context(|| large.display().to_string())?;
    let mut cases = vec![floor, walked, model, linted];
    cases.extend(cases_for(dir, binary, &one));
    cases.extend(large_cases(binary, &large));
    cases.retain(|c| c.name.starts_with("floor") || only.is_none_or(|o| c.name.contains(o)));
    // Rounds, not case after case: every round times each case once, so a
    // spell of load on this shared machine falls on all of them alike, and
    // each case's ratio to the floor is taken within its round.
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(runs); cases.len()];
    for _ in 0..runs {
        for (case, times) in cases.iter().zip(&mut times) {
            let mut samples = Vec::with_capacity(case.samples);
            for _ in 0..case.samples {
                let start = Instant::now();
                (case.run)()?;
                samples.push(start.elapsed().as_secs_f64());
            }
            times.push(Duration::from_secs_f64(median(samples)));
        }
    }
    let _ = std::fs::remove_file(&large);
    println!("{:<52} {:>10} {:>8}", "case", "median", "x floor");
    for (case, t) in cases.iter().zip(&times) {
        let ratios: Vec<f64> = t
            .iter()
            .zip(&times[0])
            .map(|(t, floor)| t.as_secs_f64() / floor.as_secs_f64())
            .collect();
        println!(
            "{:<52} {:>8.1}ms {:>8.2}",
            case.name,
            median(t.iter().map(Duration::as_secs_f64).collect()) * 1e3,
            median(ratios)
        );
    }
    Ok(())
}

/// planwright's commands over the tree and over one file, as processes,
/// the way users run them.
fn cases_for<'a>(dir: &'a Path, binary: &'a Path, one: &'a Path) -> Vec<Case<'a>> {
    let process = |args| process(binary, args);
    vec![
        Case {
            samples: 1,
            name: "planwright lint DIR".to_owned(),
            run: process(vec![
                "lint".as_ref(),
                "--format".as_ref(),
                "concise".as_ref(),
                dir.as_os_str(),
            ]),
        },
        Case {
            samples: SHORT_SAMPLES,
            name: "planwright lint ONE_FILE".to_owned(),
            run: process(vec!["lint".as_ref(), one.as_os_str()]),
        },
        Case {
            samples: 1,
            name: "planwright status DIR".to_owned(),
            run: process(vec!["status".as_ref(), dir.as_os_str()]),
        },
        Case {
            samples: SHORT_SAMPLES,
            name: "planwright status ONE_FILE".to_owned(),
            run: process(vec!["status".as_ref(), one.as_os_str()]),
        },
        Case {
            samples: 1,
            name: "planwright next (the tree as repository)".to_owned(),
            run: in_tree(dir, binary, &["next"]),
        },
        Case {
            samples: SHORT_SAMPLES,
            name: "planwright next ONE_FILE".to_owned(),
            run: process(vec!["next".as_ref(), one.as_os_str()]),
        },
    ]
}

/// planwright on one large plan (see `large.rs`): times that should grow
/// with the plan's size, no faster.
fn large_cases<'a>(binary: &'a Path, large: &'a Path) -> Vec<Case<'a>> {
    let large = large.as_os_str();
    vec![
        Case {
            samples: 1,
            name: "planwright lint --select ALL LARGE_FILE".to_owned(),
            run: process(
                binary,
                ["lint", "--select", "ALL", "--format", "concise"]
                    .iter()
                    .map(AsRef::as_ref)
                    .chain([large])
                    .collect(),
            ),
        },
        Case {
            samples: 1,
            name: "planwright next LARGE_FILE".to_owned(),
            run: process(binary, vec!["next".as_ref(), large]),
        },
    ]
}

/// planwright with `args`, as a process, its output dropped. Exit code 1
/// is a result, not a failure: lint exits 1 when it finds errors, which
/// the tree has.
pub(crate) fn process<'a>(
    binary: &'a Path,
    args: Vec<&'a std::ffi::OsStr>,
) -> Box<dyn Fn() -> Result<()> + 'a> {
    Box::new(move || {
        let status = Command::new(binary)
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        if status.code().is_none_or(|c| c > 1) {
            bail!("{} {:?} failed: {status}", binary.display(), args);
        }
        Ok(())
    })
}

/// `args` run from inside the tree, for commands that walk the repository
/// they are started in (`next` without a plan).
fn in_tree<'a>(
    dir: &'a Path,
    binary: &'a Path,
    args: &'a [&'a str],
) -> Box<dyn Fn() -> Result<()> + 'a> {
    Box::new(move || {
        let status = Command::new(binary)
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        if !status.success() {
            bail!(
                "{} {:?} in {} failed: {status}",
                binary.display(),
                args,
                dir.display()
            );
        }
        Ok(())
    })
}

/// The floor's work on one file: read it, and pull every event.
fn bare_parse(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    Parser::new_ext(&text, planwright_core::MARKDOWN_OPTIONS)
        .into_offset_iter()
        .count()
}

fn parse_all(files: &[PathBuf]) {
    let events: usize = files.par_iter().map(|f| bare_parse(f)).sum();
    std::hint::black_box(events);
}

/// [`parse_all`] over the `.md` files found by a 2-thread `ignore` walk,
/// each parsed on the walker thread that found it, as `lint DIR` does.
fn walk_and_parse(dir: &Path) {
    let events = std::sync::atomic::AtomicUsize::new(0);
    // Hidden folders too (`.kiro/specs`), as planwright walks them.
    ignore::WalkBuilder::new(dir)
        .hidden(false)
        .require_git(false)
        .threads(2)
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                if let Ok(entry) = entry
                    && entry.path().extension().is_some_and(|e| e == "md")
                {
                    let n = bare_parse(entry.path());
                    events.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
                }
                ignore::WalkState::Continue
            })
        });
    std::hint::black_box(events.into_inner());
}

/// The model (and the default rules) without the process, discovery or
/// output: where the time beyond the floor goes.
fn model_all(files: &[PathBuf], lint: bool) {
    let rules = planwright_lint::RuleSet::default();
    let dialects = planwright_core::DialectSet::builtin();
    let found: usize = files
        .par_iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            let plan = planwright_core::parse_with(
                &text,
                &planwright_core::ParseOptions {
                    file_name: f.file_name().and_then(|n| n.to_str()),
                    ..planwright_core::ParseOptions::default()
                },
            );
            if !lint {
                return plan.tasks.len();
            }
            let ctx = planwright_lint::Context {
                source: &text,
                plan: &plan,
                dialect: dialects.get(&plan.dialect.name),
                locate: &|_| planwright_lint::Location::Beside,
            };
            planwright_lint::lint(&ctx, &rules).len()
        })
        .sum();
    std::hint::black_box(found);
}

pub(crate) fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).with_context(|| d.display().to_string())? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}
