//! Parse throughput: planwright's model build beside bare pulldown-cmark
//! iteration over the same bytes, single-threaded.
//!
//! `cargo bench -p planwright_core --bench parse [-- DIR]` reads every `.md`
//! under DIR (default: `$PLANWRIGHT_CORPUS`), concatenates nothing (each file
//! is parsed on its own, as the tool does), and reports the median of many
//! rounds. The bar: the model build runs at no less than half the
//! bare parse's speed (ratio >= 0.5).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use planwright_core::{ParseOptions, parse_with};
use pulldown_cmark::Parser;

/// Rounds per measurement; `PARSE_BENCH_ROUNDS` lowers it for profiling
/// under valgrind, where one round is enough.
fn rounds() -> usize {
    std::env::var("PARSE_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(31)
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("PLANWRIGHT_CORPUS").map(PathBuf::from))
        .expect("pass a folder of plans or set PLANWRIGHT_CORPUS");
    let mut files = Vec::new();
    collect(&dir, &mut files);
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    // cargo runs benches from the crate's folder: a relative folder that
    // names nothing there must not pass as an empty, instant corpus.
    assert!(
        !texts.is_empty(),
        "no .md files under {} (relative to {})",
        dir.display(),
        std::env::current_dir().unwrap_or_default().display()
    );
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} files, {:.2} MB, median of {} rounds, one thread",
        texts.len(),
        bytes as f64 / 1e6,
        rounds()
    );

    let options = planwright_core::MARKDOWN_OPTIONS;
    // `PARSE_BENCH_ONLY=model` (or `bare`) runs one side, for profilers.
    let only = std::env::var("PARSE_BENCH_ONLY").unwrap_or_default();
    let bare = || {
        if only == "model" {
            return;
        }
        let mut events = 0usize;
        for t in &texts {
            for (event, range) in Parser::new_ext(t, options).into_offset_iter() {
                black_box(&event);
                events += range.len() & 1;
            }
        }
        black_box(events);
    };
    let model = || {
        if only == "bare" {
            return;
        }
        for t in &texts {
            black_box(parse_with(t, &ParseOptions::default()));
        }
    };
    let (bare, model) = medians(bare, model);
    let mbps = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    println!(
        "bare pulldown-cmark  {:>8.2} ms  {:>7.1} MB/s",
        ms(bare),
        mbps(bare)
    );
    println!(
        "planwright model     {:>8.2} ms  {:>7.1} MB/s",
        ms(model),
        mbps(model)
    );
    println!(
        "ratio (model speed / bare speed) = {:.2}",
        bare.as_secs_f64() / model.as_secs_f64()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Medians of the two sides, timed in alternating rounds: this machine's
/// load comes and goes, and alternating lets it fall on both sides alike.
fn medians(mut a: impl FnMut(), mut b: impl FnMut()) -> (Duration, Duration) {
    a();
    b();
    let rounds = rounds();
    let mut times_a = Vec::with_capacity(rounds);
    let mut times_b = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = Instant::now();
        a();
        times_a.push(start.elapsed());
        let start = Instant::now();
        b();
        times_b.push(start.elapsed());
    }
    times_a.sort_unstable();
    times_b.sort_unstable();
    (times_a[rounds / 2], times_b[rounds / 2])
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}
