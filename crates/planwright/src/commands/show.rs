//! `planwright show`: the parsed model, as a compact outline or as JSON.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use planwright_core::json::{Locator, PlanDoc};
use planwright_core::visible::visible;
use planwright_core::{Plan, Progress};

use crate::cli::{Format, ShowArgs};

pub fn run(args: &ShowArgs) -> Result<ExitCode> {
    let file = super::plans::read_one(args.plan()?, args.stdin.get())?;
    let project = crate::project::Project::current(args.dialect.as_deref())?;
    let plan = project.parse_named(&file)?;
    let notation = planwright_lint::notation(&planwright_lint::Context {
        source: &file.text,
        plan: &plan,
        dialect: project.dialects.get(&plan.dialect.name),
        // Whether a slot is notation never asks for a file.
        locate: &|_| planwright_lint::Location::Missing,
    });
    match args.format {
        Format::Json => {
            let doc = PlanDoc::new(&plan, &file.display(), &Locator::new(&file.text))
                .with_notation(&notation);
            crate::output::print_json(&doc)?;
        }
        Format::Human => {
            crate::output::print(&outline(&plan, &notation, &file.text, &file.display()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The human outline: title, dialect, metadata, phases with progress,
/// placeholders. Plain text, so it reads the same in a pipe and a terminal;
/// the plan's own text (and its path) with its control characters made
/// [`visible`], since a plan must not drive the terminal it is shown on.
/// `notation` flags the placeholders lint reads as notation: they are
/// counted apart, so that the list is the one `lint` reports.
pub fn outline(plan: &Plan, notation: &[bool], source: &str, path: &str) -> String {
    let loc = Locator::new(source);
    let mut out = String::new();
    let _ = writeln!(out, "{}", crate::shown::title(plan));
    let _ = writeln!(out, "  file      {}", visible(path));
    let evidence = if plan.dialect.evidence.is_empty() {
        String::new()
    } else {
        format!(" ({})", visible(&plan.dialect.evidence.join(", ")))
    };
    let _ = writeln!(out, "  dialect   {}{evidence}", visible(&plan.dialect.name));
    let overall = plan.progress(&plan.tasks);
    let _ = writeln!(out, "  tasks     {}", progress_text(overall));
    // The header is what stands above the first sub-heading (and front
    // matter and comments), and in a `## Metadata` section right after the
    // title; bold `Key:` lines further down describe their own sections
    // and would drown it.
    let metadata = plan.metadata_section();
    let header: Vec<_> = plan
        .metadata
        .iter()
        .filter(|m| {
            m.is_header()
                && m.section
                    .is_none_or(|s| plan.sections[s].level == 1 || Some(s) == metadata)
        })
        .collect();
    if !header.is_empty() {
        let _ = writeln!(out, "\nMetadata");
        let header: Vec<_> = header
            .iter()
            .map(|m| (visible(&m.key), visible(&m.value)))
            .collect();
        let width = header
            .iter()
            .map(|(key, _)| crate::output::width(key))
            .max()
            .unwrap_or(0);
        for (key, value) in header {
            let _ = writeln!(out, "  {}  {value}", crate::output::pad(&key, width));
        }
    }
    if !plan.phases.is_empty() {
        let _ = writeln!(out, "\nPhases");
        let mut rows = Vec::new();
        for p in &plan.phases {
            let depth = std::iter::successors(p.parent, |&i| plan.phases[i].parent).count();
            let indent = "  ".repeat(depth);
            let progress = plan.progress(p.tasks.iter().map(|&t| &plan.tasks[t]));
            let mut label = format!("{indent}{}", visible(&p.id));
            if !p.title.is_empty() {
                let _ = write!(label, ": {}", visible(&p.title));
            }
            if let Some(pr) = &p.priority {
                let _ = write!(label, " [{}]", visible(pr));
            }
            let mut after = String::new();
            if progress.total > 0 {
                let _ = write!(after, "{}/{}", progress.done, progress.total);
            }
            if !p.depends_on.is_empty() {
                let deps: Vec<String> = p
                    .depends_on
                    .iter()
                    .map(|r| r.target.label().to_string())
                    .collect();
                let gap = if after.is_empty() { "" } else { "  " };
                let _ = write!(after, "{gap}(after {})", visible(&deps.join(", ")));
            }
            rows.push((label, after));
        }
        // As `status` has it: the rows add up to the header's count.
        if let Some((name, outside)) = crate::shown::outside_phases(plan) {
            rows.push((
                name.to_owned(),
                format!("{}/{}", outside.done, outside.total),
            ));
        }
        aligned(&mut out, &rows);
    }
    // Without phases, what groups the tasks is the plan's outline of its
    // work, as `status` shows it.
    if let Some(groups) = plan.task_groups() {
        let _ = writeln!(
            out,
            "\n{}",
            crate::shown::groups_heading(groups.groups[0].by)
        );
        let mut rows: Vec<(String, String)> = groups
            .groups
            .iter()
            .map(|g| {
                let (done, total) = (g.progress.done, g.progress.total);
                (crate::shown::group(plan, g.by), format!("{done}/{total}"))
            })
            .collect();
        if let Some((name, rest)) = groups.rest.map(crate::shown::outside_groups) {
            rows.push((name.to_owned(), format!("{}/{}", rest.done, rest.total)));
        }
        aligned(&mut out, &rows);
    }
    let (notes, slots): (Vec<_>, Vec<_>) = plan
        .placeholders
        .iter()
        .enumerate()
        .partition(|&(i, _)| notation.get(i).copied().unwrap_or(false));
    if !slots.is_empty() {
        let _ = writeln!(out, "\nPlaceholders ({})", slots.len());
        for (_, p) in slots {
            let pos = loc.position(p.range.start);
            let text = first_line(&p.text, 60);
            let _ = writeln!(
                out,
                "  {:>4}:{:<3} {:<13} {text}",
                pos.line,
                pos.column,
                p.kind.name()
            );
        }
    }
    // Slot-shaped text lint does not report is counted, not listed: a plan
    // that writes `<ULID>` fifty times would drown its real slots.
    if let Some(&(_, p)) = notes.first() {
        let pos = loc.position(p.range.start);
        let _ = writeln!(
            out,
            "\nNotation ({}): slot-shaped, written on purpose; first {} at {}:{}",
            notes.len(),
            first_line(&p.text, 40),
            pos.line,
            pos.column
        );
    }
    out
}

/// Rows of the outline, indented under their heading, what follows each
/// label (its count, its dependencies) in one column: after the widest
/// label, up to a width past which a long title keeps its count beside it.
fn aligned(out: &mut String, rows: &[(String, String)]) {
    const WIDEST: usize = 56;
    let column = rows
        .iter()
        .map(|(label, _)| crate::output::width(label))
        .filter(|w| *w <= WIDEST)
        .max()
        .unwrap_or(0);
    for (label, after) in rows {
        if after.is_empty() {
            let _ = writeln!(out, "  {label}");
        } else {
            let _ = writeln!(out, "  {}  {after}", crate::output::pad(label, column));
        }
    }
}

fn progress_text(p: Progress) -> String {
    if p.total == 0 {
        return "none".to_owned();
    }
    // Rounded as `status` rounds it: 100% only ever means done.
    let percent = p.percent_whole();
    let mut s = format!("{}/{} done ({percent}%)", p.done, p.total);
    if p.in_progress > 0 {
        let _ = write!(s, ", {} in progress", p.in_progress);
    }
    s
}

/// The first line of `text`, shortened and made [`visible`], with `…`
/// when more lines follow.
fn first_line(text: &str, max: usize) -> String {
    let end = planwright_core::text::line_len(text);
    let line = visible(&text[..end]);
    let short = crate::output::shorten(&line, max);
    if short == line && end < text.len() {
        format!("{line} …")
    } else {
        short
    }
}
