//! A deterministic tree of plans: the five built-in templates with their
//! slots filled by generated values (a few left open, as in real trees),
//! spec-kit task lists and Kiro task files, each padded with generated
//! tasks and log rows to a realistic size (about 8.5 KB on average). Most
//! template instructions are rewritten and most logs are in order, so the
//! findings are a realistic few per plan, not one per paragraph.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use planwright_core::DialectSet;

pub struct Stats {
    pub files: usize,
    pub bytes: u64,
}

const TEMPLATES: [&str; 5] = ["speckit", "design", "delivery", "rfc", "roadmap"];
const WORDS: &[&str] = &[
    "export", "billing", "search", "audit", "sync", "login", "upload", "report", "cache", "queue",
    "webhook", "invoice", "profile", "import", "schema", "metrics", "alerts", "tenant", "archive",
    "preview",
];

pub fn tree(dir: &Path, plans: usize, seed: u64) -> Result<Stats> {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let dialects = DialectSet::builtin();
    let mut stats = Stats { files: 0, bytes: 0 };
    for i in 0..plans {
        let feature = format!(
            "{}-{}",
            WORDS[rng.below(WORDS.len())],
            WORDS[rng.below(WORDS.len())]
        );
        let (rel, text) = match i % 7 {
            kind @ 0..=4 => {
                let name = TEMPLATES[kind];
                let template = dialects
                    .get(name)
                    .and_then(|d| d.template.as_deref())
                    .with_context(|| format!("built-in template {name}"))?;
                let file = if kind == 0 {
                    "plan.md"
                } else {
                    "implementation-plan.md"
                };
                (
                    format!("specs/{i:05}-{feature}/{file}"),
                    plan(template, &feature, &mut rng),
                )
            }
            5 => (
                format!("specs/{i:05}-{feature}/tasks.md"),
                speckit_tasks(&feature, &mut rng),
            ),
            _ => (
                format!(".kiro/specs/{i:05}-{feature}/tasks.md"),
                kiro_tasks(&feature, &mut rng),
            ),
        };
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| parent.display().to_string())?;
        }
        std::fs::write(&path, &text).with_context(|| path.display().to_string())?;
        stats.files += 1;
        stats.bytes += text.len() as u64;
    }
    Ok(stats)
}

/// splitmix64: small, fast, and the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }

    fn date(&mut self) -> String {
        format!("2026-{:02}-{:02}", 1 + self.below(12), 1 + self.below(28))
    }
}

/// The template with its slots filled: `{{X}}`, `{X}`, `[X]`, `<X>`, choice
/// lists, estimates and dates; about one slot in forty is left open.
fn plan(template: &str, feature: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(9_000);
    for line in template.lines() {
        let mut line = line
            .replace(
                "Draft | In Progress | Completed",
                ["Draft", "In Progress", "Completed"][rng.below(3)],
            )
            .replace("High/Medium/Low", ["High", "Medium", "Low"][rng.below(3)])
            .replace("X hours/days", &format!("{} days", 1 + rng.below(9)))
            .replace("YYYY-MM-DD", &rng.date());
        // Authors mostly replace the template's instruction paragraphs;
        // about one in eight is left as written.
        if is_prose(&line) && rng.below(8) != 0 {
            line = format!(
                "The {} {} work updates the {} {} flow.",
                feature.replace('-', " "),
                rng.word(),
                rng.word(),
                rng.word()
            );
        }
        line = fill_slots(&line, feature, rng);
        out.push_str(&line);
        out.push('\n');
    }
    let target = 5_000 + rng.below(6_000);
    pad(&mut out, rng, target);
    out
}

/// A plain paragraph line: not a heading, list item, table row, field,
/// code fence or blank.
fn is_prose(line: &str) -> bool {
    let t = line.trim_start();
    t.len() > 20
        && t.chars().next().is_some_and(char::is_alphabetic)
        && !t.contains("**")
        && !t.ends_with(':')
}

fn fill_slots(line: &str, feature: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(['{', '[', '<']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let close = match tail.as_bytes()[0] {
            b'{' if tail.starts_with("{{") => tail.find("}}").map(|e| e + 2),
            b'{' => tail.find('}').map(|e| e + 1),
            b'[' => tail.find(']').map(|e| e + 1),
            _ => tail.find('>').map(|e| e + 1),
        };
        match close {
            // Check boxes and links stay as they are.
            Some(end) if end > 3 && end < 60 && !tail[end..].starts_with('(') => {
                if rng.below(40) == 0 {
                    out.push_str(&tail[..end]);
                } else {
                    let _ = write!(out, "{} {}", feature.replace('-', " "), rng.word());
                }
                rest = &tail[end..];
            }
            _ => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Generated work and log rows until the text reaches `target` bytes.
fn pad(out: &mut String, rng: &mut Rng, target: usize) {
    let mut phase = 10;
    while out.len() < target {
        phase += 1;
        let _ = writeln!(out, "\n### Phase {phase}: {} {}\n", rng.word(), rng.word());
        let _ = writeln!(out, "**Estimated Time:** {} days\n", 1 + rng.below(5));
        for t in 0..6 {
            let mark = if rng.below(3) == 0 { 'x' } else { ' ' };
            let _ = writeln!(
                out,
                "- [{mark}] Step {phase}.{t}: update the {} {} handler and its tests",
                rng.word(),
                rng.word()
            );
        }
        let _ = writeln!(out, "\n| Date | Update |\n|---|---|");
        // Logs are kept in order in real plans; one in fifty is not.
        let month = 1 + rng.below(9);
        let shuffled = rng.below(50) == 0;
        for day in [3, 12, 24] {
            let day = if shuffled { 28 - day } else { day };
            let _ = writeln!(
                out,
                "| 2026-{month:02}-{day:02} | {} work on {} |",
                rng.word(),
                rng.word()
            );
        }
    }
}

fn speckit_tasks(feature: &str, rng: &mut Rng) -> String {
    let mut out =
        format!("# Tasks: {feature}\n\n**Input**: Design documents from `/specs/{feature}/`\n\n");
    let mut id = 0;
    let target = 5_000 + rng.below(6_000);
    let mut phase = 0;
    while out.len() < target {
        phase += 1;
        let _ = writeln!(out, "## Phase {phase}: {} {}\n", rng.word(), rng.word());
        for _ in 0..8 {
            id += 1;
            let mark = if rng.below(2) == 0 { 'X' } else { ' ' };
            let p = if rng.below(3) == 0 { "[P] " } else { "" };
            let _ = writeln!(
                out,
                "- [{mark}] T{id:03} {p}[US{}] Implement {} {} in src/{}/{}.rs",
                1 + rng.below(4),
                rng.word(),
                rng.word(),
                rng.word(),
                rng.word()
            );
        }
        out.push('\n');
    }
    out
}

fn kiro_tasks(feature: &str, rng: &mut Rng) -> String {
    let mut out = format!("# Implementation Plan: {feature}\n\n");
    let target = 5_000 + rng.below(6_000);
    let mut n = 0;
    while out.len() < target {
        n += 1;
        let _ = writeln!(out, "- [ ] {n}. Build the {} {}", rng.word(), rng.word());
        for s in 1..=3 {
            let _ = writeln!(
                out,
                "  - [ ] {n}.{s} Write the {} {} module\n    - Cover the {} case\n    - _Requirements: {}.{}_",
                rng.word(),
                rng.word(),
                rng.word(),
                1 + rng.below(5),
                1 + rng.below(5)
            );
        }
        out.push('\n');
    }
    out
}
