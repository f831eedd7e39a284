//! `planwright next`: the tasks that can start now, for one plan or every
//! plan under the current folder.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Result;
use planwright_core::TaskState;
use planwright_core::json::{Locator, TaskDoc, VERSION};
use planwright_edit::track::{Ready, ready_tasks};
use serde::Serialize;

use super::plans::{Loaded, load_all, load_one, report_errors};
use crate::cli::{Format, NextArgs};

/// `next --format json`.
#[derive(Serialize)]
struct NextDoc {
    version: u32,
    tasks: Vec<NextTask>,
    /// Tasks that could start but were left out by `-n`.
    more: usize,
}

#[derive(Serialize)]
struct NextTask {
    path: String,
    /// Tasks sharing a batch number (within one plan) can run at once.
    batch: Option<usize>,
    #[serde(flatten)]
    task: TaskDoc,
}

pub fn run(args: &NextArgs) -> Result<ExitCode> {
    let (plans, errors) = match &args.plan {
        Some(path) => (vec![load_one(path)?], Vec::new()),
        None => load_all(&[])?,
    };
    let mut all: Vec<(usize, Ready)> = plans
        .iter()
        .enumerate()
        .flat_map(|(p, l)| ready_tasks(&l.plan).into_iter().map(move |r| (p, r)))
        .collect();
    // Work already under way first, across plans; otherwise plan order.
    all.sort_by_key(|(p, r)| {
        (
            plans[*p].plan.tasks[r.task].state != TaskState::InProgress,
            *p,
        )
    });
    let more = all.len().saturating_sub(args.limit);
    all.truncate(args.limit);
    match args.format {
        Format::Json => {
            let locators: Vec<Locator<'_>> =
                plans.iter().map(|l| Locator::new(&l.file.text)).collect();
            let doc = NextDoc {
                version: VERSION,
                tasks: all
                    .iter()
                    .map(|(p, r)| {
                        let l = &plans[*p];
                        NextTask {
                            path: l.file.display(),
                            batch: r.batch,
                            task: TaskDoc::new(&l.plan, &l.plan.tasks[r.task], &locators[*p]),
                        }
                    })
                    .collect(),
                more,
            };
            crate::output::print_json(&doc)?;
        }
        Format::Human => crate::output::print(&human(&plans, &all, more))?,
    }
    Ok(report_errors(&errors))
}

fn human(plans: &[Loaded], all: &[(usize, Ready)], more: usize) -> String {
    let mut out = String::new();
    if all.is_empty() {
        let open: usize = plans
            .iter()
            .map(|l| {
                l.plan
                    .tasks
                    .iter()
                    .filter(|t| t.state != TaskState::Done)
                    .count()
            })
            .sum();
        let total: usize = plans.iter().map(|l| l.plan.tasks.len()).sum();
        if total == 0 {
            out.push_str("nothing to do: no tasks\n");
        } else if open == 0 {
            out.push_str("nothing to do: every task is done\n");
        } else {
            let _ = writeln!(
                out,
                "no task can start now: {open} open tasks wait for others"
            );
        }
        return out;
    }
    let mut current: Option<(usize, &str, Option<usize>)> = None;
    for (p, r) in all {
        let l = &plans[*p];
        let t = &l.plan.tasks[r.task];
        let group = if t.state == TaskState::InProgress {
            "in progress"
        } else {
            "ready"
        };
        if current.map(|c| c.0) != Some(*p) {
            let _ = writeln!(out, "{}", l.file.display());
            current = None;
        }
        if current.map(|c| c.1) != Some(group) {
            let _ = writeln!(out, "  {group}");
        }
        let batch_changed = current.map(|c| c.2) != Some(r.batch);
        if let Some(b) = r.batch
            && batch_changed
        {
            let _ = writeln!(out, "    parallel batch {b}, can run at once:");
        }
        current = Some((*p, group, r.batch));
        let indent = if r.batch.is_some() { "      " } else { "    " };
        let id = if t.explicit_id {
            t.id.clone()
        } else {
            format!("#{}", r.task + 1)
        };
        let phase = t
            .phase
            .map(|i| format!("  ({})", l.plan.phases[i].id))
            .unwrap_or_default();
        let _ = writeln!(out, "{indent}{id}  {}{phase}", t.text);
    }
    if more > 0 {
        let _ = writeln!(out, "… and {more} more (use -n to see them)");
    }
    out
}
