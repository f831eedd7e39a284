//! `planwright graph`: phases, steps and tasks with their dependencies, as
//! Mermaid, Graphviz dot or JSON. A dependency cycle is an error, printed
//! with its path on standard error, and exits 1; the graph is still
//! printed, since it is what helps find the cycle. A dependency on what
//! the plan lacks draws no edge and is a warning. Both are placed where
//! `lint` (PW207, PW206) places them.

use std::process::ExitCode;

use anyhow::Result;
use planwright_core::json::{Locator, Range, VERSION};
use planwright_core::visible::visible;
use planwright_core::{Plan, TaskState};
use planwright_edit::track::{Graph, Node, NodeNames};
use schemars::JsonSchema;
use serde::Serialize;

use super::graph_draw::{dot, mermaid};
use super::plans::{
    cycle_line, load_one, status_words, unknown_dependencies, unknown_dependency_rules,
    unknown_warnings,
};
use crate::cli::{GraphArgs, GraphFormat};
use crate::project::Project;

/// What `planwright graph --format json` prints, version 1: the plan's
/// phases and tasks as nodes and their dependencies as edges.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "planwright graph --format json")]
struct GraphDoc {
    version: u32,
    path: String,
    nodes: Vec<NodeDoc>,
    /// `from` must finish before `to` starts.
    edges: Vec<EdgeDoc>,
    /// Node ids along a dependency cycle, from the smallest (phases
    /// first, then in plan order), repeated last. Consecutive nodes are
    /// joined by an edge or one holds the other: a task waits for what its
    /// phase (or parent task) waits for, and a phase is finished only when
    /// its tasks are, so `Phase 1 → Phase 2 → T001 → Phase 1` is a cycle
    /// when T001 of Phase 1 waits for Phase 2.
    cycle: Option<Vec<String>>,
    /// Every cycle that shares no node with one before it, `cycle` first,
    /// as `lint` reports them (PW207); empty without a cycle.
    cycles: Vec<Vec<String>>,
    /// The dependencies on a phase or task the plan does not have, as
    /// `lint` reports them (PW206), in plan order: they make no edge,
    /// just as `next` lets nothing wait for them. Empty when there are
    /// none.
    unknown_dependencies: Vec<UnknownDoc>,
}

/// A dependency on something the plan does not have.
#[derive(Serialize, JsonSchema)]
struct UnknownDoc {
    /// What is missing, in lint's words, e.g.
    /// `T001 depends on T999, which does not exist`.
    message: String,
    /// Where lint's PW206 points: the reference as written, or the chain
    /// or sentence that makes it.
    range: Range,
}

#[derive(Serialize, JsonSchema)]
struct NodeDoc {
    /// Unique in the graph: the phase's or task's id; for a phase id the
    /// plan repeats, ` (2)`, ` (3)`... after it from its second phase on,
    /// and a task id it repeats numbered on each task, ` (1)` first.
    id: String,
    /// A phase's kind as `show` gives it (`phase`, `step`, `week`...;
    /// `show`'s schema lists them all), or a task's (`task`,
    /// `deliverable`, `definition_of_done`, `prerequisite`,
    /// `acceptance_criterion`, `checklist`, `deferred` or `logged`, the
    /// last two counted in no progress and drawn dashed).
    kind: &'static str,
    title: String,
    /// The enclosing phase or step.
    parent: Option<String>,
    /// For a subtask, the node of the task it belongs to (the one whose
    /// item holds its list, or whose id its own extends: `1` for `1.1`);
    /// the drawings join the two by a dashed line without an arrow, which
    /// is no dependency. Present only for a subtask.
    #[serde(skip_serializing_if = "Option::is_none")]
    parent_task: Option<String>,
    /// In a plan without phases, the heading of the section that groups
    /// the task, as `status` lists its groups and the drawings box it
    /// (`Task 2: Export`). Present only there.
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    /// For a task, its check box is ticked; for a phase, it is finished
    /// as `next` reads it, `status`'s `finished`. Marked `✓` in the
    /// drawings either way.
    done: bool,
    /// For a task, its check box marks it in progress (`[-]`, `[~]`,
    /// `[/]`), as `status` and `next` read it; marked `◐` in the drawings.
    /// Present only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    in_progress: bool,
}

#[derive(Serialize, JsonSchema)]
struct EdgeDoc {
    from: String,
    to: String,
}

/// The JSON Schema of [`GraphDoc`], for `planwright schema graph`.
pub(crate) fn schema() -> serde_json::Value {
    schemars::schema_for!(GraphDoc).into()
}

pub fn run(args: &GraphArgs) -> Result<ExitCode> {
    let project = Project::current(args.dialect.as_deref())?;
    let loaded = load_one(args.plan()?, args.stdin.get(), &project)?;
    let plan = &loaded.plan;
    let graph = Graph::new(plan, status_words(plan, &project.dialects));
    let names = NodeNames::new(plan);
    let name = |n: Node| names.get(n).to_owned();
    let cycles = graph.cycles();
    let cycle = cycles.first().map(|c| &c.path);
    let unknown = unknown_dependencies(&loaded, &project.dialects, &unknown_dependency_rules()?);
    let locator = Locator::new(&loaded.file.text);
    let shown = visible(&loaded.file.display()).into_owned();
    match args.format {
        GraphFormat::Mermaid => crate::output::print(&mermaid(plan, &graph, &loaded.file.text))?,
        GraphFormat::Dot => crate::output::print(&dot(plan, &graph, &loaded.file.text))?,
        GraphFormat::Json => {
            let doc = GraphDoc {
                version: VERSION,
                path: loaded.file.display(),
                nodes: nodes(plan, &graph, &names),
                edges: graph
                    .edges
                    .iter()
                    .map(|e| EdgeDoc {
                        from: name(e.from),
                        to: name(e.to),
                    })
                    .collect(),
                cycle: cycle.map(|c| c.iter().map(|&n| name(n)).collect()),
                cycles: cycles
                    .iter()
                    .map(|c| c.path.iter().map(|&n| name(n)).collect())
                    .collect(),
                unknown_dependencies: unknown
                    .iter()
                    .map(|d| UnknownDoc {
                        message: d.message.clone(),
                        range: locator.range(d.primary.range),
                    })
                    .collect(),
            };
            crate::output::print_json(&doc)?;
        }
    }
    // A warning, as the exit code stays 0: the graph is whole without
    // them, and `lint` is where they fail a build.
    for line in unknown_warnings(&loaded, &unknown, &locator) {
        ewriteln!("{line}");
    }
    // Labelled `error` as exit code 1 is: a finding at error level. Placed
    // where `lint` places it (PW207), at the wait that closes the cycle.
    for c in &cycles {
        let path: Vec<String> = c.path.iter().map(|&n| name(n)).collect();
        let line = cycle_line("error", &shown, &locator, c.at.start, &path);
        ewriteln!("{line}");
    }
    if !cycles.is_empty() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn nodes(plan: &Plan, graph: &Graph, names: &NodeNames) -> Vec<NodeDoc> {
    let phase_name = |q: usize| names.get(Node::Phase(q)).to_owned();
    let phases = plan.phases.iter().enumerate().map(|(i, p)| NodeDoc {
        id: phase_name(i),
        kind: p.kind.name(),
        title: p.title.to_string(),
        parent: p.parent.map(phase_name),
        parent_task: None,
        group: None,
        done: graph.finished(plan, Node::Phase(i)),
        in_progress: false,
    });
    // The sections the drawings box a plan's tasks in when it has no
    // phases (see `graph_draw::layout`), by task.
    let sections = plan
        .task_groups()
        .filter(|_| plan.phases.is_empty())
        .map(|g| g.section_of_each_task(plan))
        .unwrap_or_default();
    let group = |t: usize| {
        let s = sections.get(t).copied().flatten()?;
        plan.sections.get(s).map(crate::shown::section)
    };
    let tasks = plan.tasks.iter().enumerate().map(|(i, t)| NodeDoc {
        id: names.get(Node::Task(i)).to_owned(),
        kind: t.kind.name(),
        title: t.text.to_string(),
        parent: t.phase.map(phase_name),
        parent_task: t
            .parent
            .filter(|&p| p < plan.tasks.len())
            .map(|p| names.get(Node::Task(p)).to_owned()),
        group: group(i),
        done: t.state == TaskState::Done,
        in_progress: t.state == TaskState::InProgress,
    });
    phases.chain(tasks).collect()
}
