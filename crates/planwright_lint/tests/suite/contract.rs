//! What linting any text must hold to, whatever the text: every finding
//! points inside it on character boundaries and names a known rule, every
//! fix applies on its own, the fixes chosen for one run apply together,
//! fixes leave the plan's structure as it was and leave nothing more to
//! fix, and every output format renders.
//!
//! One file for two users: the lint suite's property tests
//! (`robustness.rs`) and the `lint` fuzz target, which includes it with
//! `#[path]` (`fuzz/src/lib.rs`), so a check added here holds in both.

use planwright_core::edit;
use planwright_core::{DialectSet, ParseOptions, Plan, TextRange, parse_with};
use planwright_lint::render::{FileReport, concise, github, human, json, sarif};
use planwright_lint::{Context, Diagnostic, Layer, RuleSet, fixes, lint, rule_by_selector};

/// Every rule, the style rules that are off by default among them.
fn all_rules() -> RuleSet {
    let layer = Layer {
        select: Some(vec!["ALL".to_owned()]),
        ..Layer::default()
    };
    RuleSet::resolve(&[&layer]).unwrap_or_default()
}

/// Reads `src` (as `dialect` when given) and lints it with every rule.
/// Links to a path of even length count as existing, so that PW301 takes
/// both branches.
pub fn lint_all(src: &str, dialect: Option<&str>) -> (Plan, Vec<Diagnostic>) {
    let dialects = DialectSet::builtin();
    let plan = parse_with(
        src,
        &ParseOptions {
            dialect,
            ..ParseOptions::default()
        },
    );
    let ctx = Context {
        source: src,
        plan: &plan,
        dialect: dialects.get(&plan.dialect.name),
        // A world where a fix's `../` path is found beside the plan.
        locate: &|p: &str| match p.len() % 3 {
            _ if p.starts_with("../") => planwright_lint::Location::Beside,
            0 => planwright_lint::Location::Beside,
            1 => planwright_lint::Location::Elsewhere {
                from_plan: Some(format!("../{p}")),
            },
            _ => planwright_lint::Location::Missing,
        },
    };
    let diagnostics = lint(&ctx, &all_rules());
    (plan, diagnostics)
}

/// Every broken promise, described; empty when linting `src` keeps them
/// all.
pub fn lint_violations(src: &str, dialect: Option<&str>) -> Vec<String> {
    let (plan, diagnostics) = lint_all(src, dialect);
    let mut bad = Vec::new();
    let range_ok = |r: TextRange| {
        r.start <= r.end
            && (r.end as usize) <= src.len()
            && src.is_char_boundary(r.start as usize)
            && src.is_char_boundary(r.end as usize)
    };
    for d in &diagnostics {
        if rule_by_selector(d.code).is_none_or(|r| r.name != d.name) {
            bad.push(format!("{} {}: not a registered rule", d.code, d.name));
        }
        if d.message.is_empty() {
            bad.push(format!("{}: empty message", d.code));
        }
        for label in std::iter::once(&d.primary).chain(&d.secondary) {
            if !range_ok(label.range) {
                bad.push(format!("{}: label range {:?}", d.code, label.range));
            }
        }
        if let Some(fix) = &d.fix {
            if fix.edits.is_empty() {
                bad.push(format!("{}: a fix with no edit", d.code));
            }
            if let Err(e) = edit::apply(src, &fix.edits) {
                bad.push(format!("{}: its fix does not apply: {e}", d.code));
            }
        }
    }
    render_all(src, &diagnostics, &mut bad);

    // A safe fix renders as the text did: no two lists become one.
    let safe = fixes::patch(&diagnostics, false);
    if let Ok(fixed) = edit::apply(src, &safe.edits)
        && lint_all(&fixed, dialect).0.lists.len() != plan.lists.len()
    {
        bad.push(format!(
            "the safe fixes joined or split lists: {} -> {}\nfixed: {fixed:?}",
            plan.lists.len(),
            lint_all(&fixed, dialect).0.lists.len()
        ));
    }

    let patch = fixes::patch(&diagnostics, true);
    if patch.edits.is_empty() {
        return bad;
    }
    let fixed = match edit::apply(src, &patch.edits) {
        Ok(t) => t,
        Err(e) => {
            bad.push(format!("the run's patch does not apply: {e}"));
            return bad;
        }
    };
    // The fixes rewrite marks and markers: the same items, tasks and
    // headings must come back, read the same way; but for the boxes no
    // task was read from (PW211), each of which its fix makes a task.
    let (after, again) = lint_all(&fixed, dialect);
    let boxes_made_tasks = patch.fixed.iter().filter(|d| d.code == "PW211").count();
    let shape = |p: &Plan, new_tasks: usize| {
        (
            p.list_markers.len(),
            p.tasks.len() + new_tasks,
            p.sections.len(),
            p.code_blocks.len(),
        )
    };
    if shape(&plan, boxes_made_tasks) != shape(&after, 0) {
        bad.push(format!(
            "the fixes changed the structure (items, tasks, sections, code blocks): {:?} -> {:?}\nfixed: {fixed:?}",
            shape(&plan, boxes_made_tasks),
            shape(&after, 0)
        ));
    }
    // One run fixes all it can: when no fix had to wait for another, the
    // fixed text offers none, but where a fix wrote what another rule
    // mends (PW211 keeps the writer's `[X]`, which PW501 lowercases);
    // `lint --fix` takes those in its next round. And a box made a task
    // changes which field is the plan's status (a `**Status:**` line in
    // its item is the task's now), which PW202 may then mend.
    let offered = diagnostics.iter().filter(|d| d.fix.is_some()).count();
    let left = fixes::patch(&again, true);
    if patch.fixed.len() == offered {
        let written = written_ranges(&patch.fixed);
        let unfinished: Vec<&str> = left
            .fixed
            .iter()
            .filter(|d| !(boxes_made_tasks > 0 && d.code == "PW202"))
            .filter(|d| {
                !written.iter().any(|(r, code)| {
                    *code != d.code
                        && d.primary.range.start <= r.end
                        && r.start <= d.primary.range.end
                })
            })
            .map(|d| d.code)
            .collect();
        if !unfinished.is_empty() {
            bad.push(format!(
                "fixes left after a full run: {unfinished:?}\nfixed: {fixed:?}"
            ));
        }
    }
    // And the rounds settle: fixes that undo each other would leave
    // `lint --fix` reporting work it can never finish.
    let mut text = fixed;
    let mut findings = again;
    for _ in 0..MAX_ROUNDS {
        let round = fixes::patch(&findings, true);
        if round.edits.is_empty() {
            return bad;
        }
        match edit::apply(&text, &round.edits) {
            Ok(t) => text = t,
            Err(e) => {
                bad.push(format!("a later round's patch does not apply: {e}"));
                return bad;
            }
        }
        findings = lint_all(&text, dialect).1;
    }
    if !fixes::patch(&findings, true).edits.is_empty() {
        bad.push(format!(
            "fixes still offered after {MAX_ROUNDS} more rounds\nfixed: {text:?}"
        ));
    }
    bad
}

/// The rounds `lint --fix` runs at most (its `MAX_ROUNDS`).
const MAX_ROUNDS: usize = 10;

/// Where each fix's edits stand in the fixed text, with the code of the
/// rule that wrote them.
fn written_ranges(fixed: &[&Diagnostic]) -> Vec<(TextRange, &'static str)> {
    let mut edits: Vec<(&edit::Edit, &'static str)> = fixed
        .iter()
        .flat_map(|d| d.fix.iter().flat_map(|f| &f.edits).map(|e| (e, d.code)))
        .collect();
    edits.sort_by_key(|(e, _)| (e.range.start, e.range.end));
    // Bytes the edits before this one wrote, and the bytes they replaced.
    let (mut wrote, mut replaced) = (0usize, 0usize);
    let mut out = Vec::with_capacity(edits.len());
    for (e, code) in edits {
        let start = e.range.start as usize + wrote - replaced;
        out.push((TextRange::new(start, start + e.content.len()), code));
        wrote += e.content.len();
        replaced += e.range.len();
    }
    out
}

/// Renders the findings in every format; the JSON ones must parse and
/// hold one entry per finding.
fn render_all(src: &str, diagnostics: &[Diagnostic], bad: &mut Vec<String>) {
    let files = [FileReport {
        path: "specs/001-x/plan.md",
        exact_path: None,
        source: src,
        diagnostics,
    }];
    for color in [false, true] {
        let out = human::render_file(&files[0], color);
        if out.is_empty() != diagnostics.is_empty() {
            bad.push(format!(
                "{} findings rendered as {out:?}",
                diagnostics.len()
            ));
        }
    }
    // One line per finding is what editors and CI parse these by.
    for (format, out) in [
        ("concise", concise::render(&files)),
        ("github", github::render(&files)),
    ] {
        if out.lines().count() != diagnostics.len() {
            bad.push(format!(
                "{format}: {} findings rendered as {out:?}",
                diagnostics.len()
            ));
        }
    }
    let count = |doc: &str, pointer: &str| {
        serde_json::from_str::<serde_json::Value>(doc)
            .ok()
            .and_then(|v| v.pointer(pointer).and_then(|d| d.as_array()).map(Vec::len))
    };
    let json_count = count(&json::render(&files), "/diagnostics");
    if json_count != Some(diagnostics.len()) {
        bad.push(format!(
            "JSON holds {json_count:?} findings, not {}",
            diagnostics.len()
        ));
    }
    let sarif_count = count(&sarif::render(&files), "/runs/0/results");
    if sarif_count != Some(diagnostics.len()) {
        bad.push(format!(
            "SARIF holds {sarif_count:?} results, not {}",
            diagnostics.len()
        ));
    }
}
