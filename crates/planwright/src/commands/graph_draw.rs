//! `planwright graph`'s drawings, Mermaid and Graphviz dot: phases as
//! boxes holding their steps and tasks (in a plan without phases, the
//! sections that group its tasks), dependencies as arrows, and a
//! task's subtasks joined to it by a dashed line without an arrow, which
//! says it holds them and never that anything waits. Labels read as the
//! plan reads rendered, since a drawing is looked at, not edited.

use std::fmt::Write as _;

use planwright_core::visible::visible;
use planwright_core::{GroupBy, Phase, Plan, TaskState, rendered};
use planwright_edit::track::{Graph, Node};

pub(super) fn mermaid(plan: &Plan, graph: &Graph, src: &str) -> String {
    let mut out = String::from("flowchart TD\n");
    let mut aside = false;
    for (depth, item) in layout(plan) {
        let pad = "  ".repeat(depth);
        let _ = match item {
            Item::Open(i) => {
                let (k, l) = (
                    key(Node::Phase(i)),
                    mermaid_escape(&phase_label(plan, graph, src, i)),
                );
                writeln!(out, "{pad}subgraph {k}[\"{l}\"]")
            }
            Item::Section(s) => {
                let l = mermaid_escape(&crate::shown::section(&plan.sections[s]));
                writeln!(out, "{pad}subgraph s{s}[\"{l}\"]")
            }
            Item::Task(t) => {
                let (k, l) = (key(Node::Task(t)), mermaid_escape(&task_label(plan, t)));
                let class = if set_aside(plan, t) {
                    aside = true;
                    ":::aside"
                } else {
                    ""
                };
                writeln!(out, "{pad}{k}[\"{l}\"]{class}")
            }
            Item::Close => writeln!(out, "{pad}end"),
        };
    }
    if aside {
        out.push_str("  classDef aside stroke-dasharray:4 3,color:#666\n");
    }
    for (parent, child) in holds(plan) {
        let _ = writeln!(out, "  {} -.- {}", key(parent), key(child));
    }
    for e in &graph.edges {
        let _ = writeln!(out, "  {} --> {}", key(e.from), key(e.to));
    }
    out
}

pub(super) fn dot(plan: &Plan, graph: &Graph, src: &str) -> String {
    let mut out = String::from("digraph plan {\n  compound=true;\n  node [shape=box];\n");
    for (depth, item) in layout(plan) {
        let pad = "  ".repeat(depth);
        let _ = match item {
            Item::Open(i) => {
                let k = key(Node::Phase(i));
                let label = dot_quote(&phase_label(plan, graph, src, i));
                writeln!(
                    out,
                    "{pad}subgraph cluster_{k} {{\n{pad}  label={label};\n{pad}  {k} [shape=point, style=invis];"
                )
            }
            Item::Section(s) => {
                let label = dot_quote(&crate::shown::section(&plan.sections[s]));
                writeln!(out, "{pad}subgraph cluster_s{s} {{\n{pad}  label={label};")
            }
            Item::Task(t) => {
                let label = dot_quote(&task_label(plan, t));
                let style = if set_aside(plan, t) {
                    ", style=dashed, color=gray40, fontcolor=gray40"
                } else {
                    ""
                };
                writeln!(out, "{pad}{} [label={label}{style}];", key(Node::Task(t)))
            }
            Item::Close => writeln!(out, "{pad}}}"),
        };
    }
    for (parent, child) in holds(plan) {
        let _ = writeln!(
            out,
            "  {} -> {} [style=dashed, dir=none];",
            key(parent),
            key(child)
        );
    }
    for e in &graph.edges {
        let mut attrs = Vec::new();
        if let Node::Phase(_) = e.from {
            attrs.push(format!("ltail=cluster_{}", key(e.from)));
        }
        if let Node::Phase(_) = e.to {
            attrs.push(format!("lhead=cluster_{}", key(e.to)));
        }
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attrs.join(", "))
        };
        let _ = writeln!(out, "  {} -> {}{attrs};", key(e.from), key(e.to));
    }
    out.push_str("}\n");
    out
}

/// A node name both Mermaid and dot accept: `p0`, `t12`.
fn key(node: Node) -> String {
    match node {
        Node::Phase(i) => format!("p{i}"),
        Node::Task(i) => format!("t{i}"),
    }
}

/// Whether task `t` is left for later or a progress log's record: no
/// progress counts it and `next` never offers it, so it is drawn dashed
/// and named by its kind, not as open work. It stays in the drawing, as
/// a dependency may still name it.
fn set_aside(plan: &Plan, t: usize) -> bool {
    plan.tasks.get(t).is_some_and(|t| !t.kind.counts())
}

/// Each task that holds subtasks, with each of them, in plan order.
fn holds(plan: &Plan) -> impl Iterator<Item = (Node, Node)> + '_ {
    let n = plan.tasks.len();
    plan.tasks.iter().enumerate().filter_map(move |(i, t)| {
        let p = t.parent.filter(|&p| p < n && p != i)?;
        Some((Node::Task(p), Node::Task(i)))
    })
}

/// `✓ (deferred) T001 Text`: the done (or in-progress, `◐`) mark, the
/// kind of a task set aside
/// (see [`set_aside`]), the id when written, and the text as it reads
/// rendered; a task without text is named by its id (`#2`), since Mermaid
/// rejects an empty label. Labels are made [`visible`], since a drawing
/// is often read on the terminal before it reaches Mermaid or dot.
fn task_label(plan: &Plan, i: usize) -> String {
    let t = &plan.tasks[i];
    let text = rendered(&t.text);
    let mut parts: Vec<String> = Vec::with_capacity(4);
    match t.state {
        TaskState::Done => parts.push("✓".to_owned()),
        // Started, as `status` and `next` show it (`[-]`, `[~]`, `[/]`).
        TaskState::InProgress => parts.push("◐".to_owned()),
        TaskState::Open => {}
    }
    if !t.kind.counts() {
        parts.push(format!("({})", t.kind.name()));
    }
    // A task struck through keeps its id inside its text (`~~T003 Drop
    // it~~`): named once.
    let id_in_text = text
        .strip_prefix(t.id.as_str())
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '));
    if (t.explicit_id && !id_in_text) || text.is_empty() {
        parts.push(visible(&t.id).into_owned());
    }
    if !text.is_empty() {
        parts.push(crate::output::shorten(&visible(&text), 50));
    }
    parts.join(" ")
}

/// `✓ Phase 2: Title`, marked as a done task is when the phase is
/// finished as `next` and `status` read it.
fn phase_label(plan: &Plan, graph: &Graph, src: &str, i: usize) -> String {
    let p = &plan.phases[i];
    let mark = if graph.finished(plan, Node::Phase(i)) {
        "✓ "
    } else {
        ""
    };
    let title = phase_title(plan, src, p);
    if title.is_empty() {
        format!("{mark}{}", visible(&p.id))
    } else {
        let title = crate::output::shorten(&visible(&title), 50);
        format!("{mark}{}: {title}", visible(&p.id))
    }
}

/// A phase's title as it reads rendered. A heading's title is its text
/// with the markup already read, all but character references (`&amp;`)
/// and runs of white space: only those are read again, as reading its
/// markup twice would take the text of a code span (`` `*x*` ``) for
/// emphasis. Nor are references read in a heading whose code spans hold
/// a `&`, which the title no longer tells apart from the text around
/// them. A phase opened by a bold line or a list item has its title as
/// written, markup and all, and is read whole.
fn phase_title(plan: &Plan, src: &str, p: &Phase) -> String {
    let from_heading = p
        .section
        .and_then(|s| plan.sections.get(s))
        .is_some_and(|s| s.heading == p.heading);
    if !from_heading {
        return rendered(&p.title);
    }
    let from = plan
        .code_spans
        .partition_point(|r| r.start < p.heading.start);
    let code_has_amp = plan
        .code_spans
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|r| r.end <= p.heading.end)
        .any(|r| r.slice(src).contains('&'));
    let mut literal = String::with_capacity(p.title.len() + 8);
    for c in p.title.chars() {
        // `&`, `#` and `;` are all a character reference is made of but
        // letters and digits, and no markup without one.
        let reference = matches!(c, '&' | '#' | ';') && !code_has_amp;
        if c.is_ascii_punctuation() && !reference {
            literal.push('\\');
        }
        literal.push(c);
    }
    rendered(&literal)
}

/// Mermaid's entity codes for what would end the label (`"`), start an
/// entity (`#`, or `&` before a name or number: Mermaid's labels are
/// HTML, where `&amp;` reads `&`), be taken for HTML (`<`, `>`), make the
/// label a Markdown string (a leading backtick), or open a directive or
/// comment that Mermaid strips from the label (`%%`).
fn mermaid_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#60;"),
            '>' => out.push_str("#62;"),
            '`' if i == 0 => out.push_str("#96;"),
            '%' => out.push_str("#37;"),
            '&' if chars
                .peek()
                .is_some_and(|&(_, n)| n.is_ascii_alphanumeric() || n == '#') =>
            {
                out.push_str("#38;");
            }
            c => out.push(c),
        }
    }
    out
}

/// A dot string: `\` and `"` escaped, and `&` written `&amp;`, since dot
/// reads HTML entities in labels (a label reading `&lt;` would otherwise
/// be drawn `<`).
fn dot_quote(s: &str) -> String {
    let s = s
        .replace('&', "&amp;")
        .replace('\\', "\\\\")
        .replace('"', "\\\"");
    format!("\"{s}\"")
}

/// One line of a drawing where phases are boxes holding their sub-phases,
/// then their tasks; tasks outside every phase come last, at the top level.
enum Item {
    /// A phase's box opens.
    Open(usize),
    /// A section's box opens, in a plan without phases whose sections
    /// group its tasks ([`Plan::task_groups`]), as `status` rows them.
    Section(usize),
    Task(usize),
    Close,
}

/// What Mermaid and dot both draw, in order, each item with its depth.
/// Worked out once from child lists with an explicit stack, so nesting
/// costs no recursion and no scan of every phase for every phase.
fn layout(plan: &Plan) -> Vec<(usize, Item)> {
    let n = plan.phases.len();
    let (mut sub, mut tasks) = (vec![Vec::new(); n], vec![Vec::new(); n]);
    let mut roots = Vec::new();
    for (i, p) in plan.phases.iter().enumerate() {
        match p.parent.filter(|&q| q < n) {
            Some(q) => sub[q].push(i),
            None => roots.push(i),
        }
    }
    let mut loose = Vec::new();
    for (t, task) in plan.tasks.iter().enumerate() {
        match task.phase.filter(|&q| q < n) {
            Some(q) => tasks[q].push(t),
            None => loose.push(t),
        }
    }
    enum Step {
        Enter(usize),
        Tasks(usize),
        Leave,
    }
    let mut out = Vec::new();
    let mut stack: Vec<(usize, Step)> = roots.iter().rev().map(|&r| (1, Step::Enter(r))).collect();
    while let Some((depth, step)) = stack.pop() {
        match step {
            Step::Enter(i) => {
                out.push((depth, Item::Open(i)));
                stack.push((depth, Step::Leave));
                stack.push((depth + 1, Step::Tasks(i)));
                stack.extend(sub[i].iter().rev().map(|&c| (depth + 1, Step::Enter(c))));
            }
            Step::Tasks(i) => out.extend(tasks[i].iter().map(|&t| (depth, Item::Task(t)))),
            Step::Leave => out.push((depth, Item::Close)),
        }
    }
    if let Some(groups) = plan.task_groups().filter(|_| n == 0) {
        let mut held_by: Vec<Vec<usize>> = vec![Vec::new(); plan.sections.len()];
        let section_of = groups.section_of_each_task(plan);
        // Tasks set aside in a group's section are drawn in its box too.
        loose.retain(|&t| section_of[t].map(|s| held_by[s].push(t)).is_none());
        for g in &groups.groups {
            let GroupBy::Section(s) = g.by else {
                continue;
            };
            out.push((1, Item::Section(s)));
            out.extend(held_by[s].iter().map(|&t| (2, Item::Task(t))));
            out.push((1, Item::Close));
        }
    }
    out.extend(loose.into_iter().map(|t| (1, Item::Task(t))));
    out
}
