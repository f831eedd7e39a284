//! The versioned JSON contract of `show`, reused by `status`, `next` and
//! `lint`; `planwright schema` prints its JSON Schema.
//!
//! Field names here are an interface scripts and agents build on: add
//! fields, never rename or remove them without raising [`VERSION`].

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Plan, Progress, Text};
use crate::text::{LineIndex, TextRange};

#[path = "json_ids.rs"]
mod ids;
#[path = "json_tasks.rs"]
mod tasks;
pub use ids::{NodeIds, UniqueIds};
pub use tasks::TaskDocs;

/// Version of every JSON document planwright prints.
pub const VERSION: u32 = 1;

/// A byte range with 1-based lines and character columns beside it.
#[derive(Clone, Copy, Debug, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Position {
    /// Byte offset from the start of the file.
    pub offset: u32,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

/// Converts byte ranges of one source to JSON ranges.
pub struct Locator<'a> {
    source: &'a str,
    index: LineIndex,
}

impl<'a> Locator<'a> {
    pub fn new(source: &'a str) -> Self {
        Self {
            source,
            index: LineIndex::new(source),
        }
    }

    pub fn position(&self, offset: u32) -> Position {
        let lc = self.index.line_column(self.source, offset);
        Position {
            offset,
            line: lc.line,
            column: lc.column,
        }
    }

    pub fn range(&self, r: TextRange) -> Range {
        Range {
            start: self.position(r.start),
            end: self.position(r.end),
        }
    }

    /// Characters before `offset`, a byte-order mark not counted.
    pub fn char_offset(&self, offset: u32) -> u32 {
        self.index.char_offset(self.source, offset)
    }

    pub fn line(&self, offset: u32) -> u32 {
        self.index.line_of(offset) as u32 + 1
    }

    pub fn source(&self) -> &'a str {
        self.source
    }
}

/// `planwright show --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PlanDoc {
    pub version: u32,
    pub path: String,
    /// The plan's title as it reads rendered, its template prefix dropped
    /// (`# Implementation Plan: Dark mode` is `Dark mode`).
    pub title: Option<String>,
    /// The bytes of the title's words in the heading (or field).
    pub title_range: Option<Range>,
    pub dialect: DialectDoc,
    /// `lf`, `crlf` or `cr` (a lone carriage return): the first line
    /// ending in the file, which edits write.
    pub line_ending: &'static str,
    pub bom: bool,
    pub progress: ProgressDoc,
    pub metadata: Vec<MetaDoc>,
    pub sections: Vec<SectionDoc>,
    pub phases: Vec<PhaseDoc>,
    /// Every task in document order.
    pub tasks: Vec<TaskDoc>,
    pub tables: Vec<TableDoc>,
    pub placeholders: Vec<PlaceholderDoc>,
    pub links: Vec<LinkDoc>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct DialectDoc {
    pub name: String,
    pub evidence: Vec<String>,
}

#[derive(Debug, Serialize, JsonSchema, Clone, Copy)]
pub struct ProgressDoc {
    pub done: usize,
    pub in_progress: usize,
    pub open: usize,
    pub total: usize,
    /// Done tasks over all tasks, 0-100, rounded to one decimal; 100 only
    /// when all are done and 0 only when none are.
    // See `Progress::percent_tenths`.
    pub percent: f64,
}

impl From<Progress> for ProgressDoc {
    fn from(p: Progress) -> Self {
        Self {
            done: p.done,
            in_progress: p.in_progress,
            open: p.total - p.done - p.in_progress,
            total: p.total,
            percent: p.percent_tenths() as f64 / 10.0,
        }
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct MetaDoc {
    /// The key as written (`Owner`, `owner`), without its markup.
    pub key: String,
    /// The value as a reader sees it, trimmed: Markdown and all (`a *b*`),
    /// but without the markup the whole value is written in (`` `001-x` ``
    /// and `*Draft*` are `001-x` and `Draft`) and with backslash escapes
    /// read (`\~2` is `~2`), and a front-matter value with its quotes and
    /// escapes read. A bold value whose paragraph goes on below its line
    /// (with text that starts no field of its own) reads on over those
    /// lines, joined by one space as Markdown renders them; its
    /// `value_range` then spans those lines.
    pub value: String,
    /// `bold`, `comment`, `front_matter` or `plain`.
    pub style: &'static str,
    /// Whether it belongs to the plan header (not a phase or list item).
    pub header: bool,
    pub phase: Option<String>,
    pub range: Range,
    pub key_range: Range,
    pub value_range: Range,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct SectionDoc {
    pub level: u8,
    /// The heading's leading number (`2.1` of `## 2.1 Data Model`).
    pub number: Option<String>,
    /// The heading's text as it reads rendered, without its number:
    /// markup dropped (`` The `core` phase `` is `The core phase`).
    pub title: String,
    pub role: Option<&'static str>,
    /// Index of the parent section in this list.
    pub parent: Option<usize>,
    pub has_content: bool,
    /// The heading's line; for a setext heading, its text without the
    /// underline.
    pub heading_range: Range,
    /// The heading and everything up to the next heading of its level or
    /// higher.
    pub range: Range,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct PhaseDoc {
    /// Unique in the document, so that it can key the phase: kind and
    /// number (`Phase 2`), and for an id the plan repeats (an overview's
    /// `### Phase 1` and the `### Phase 1` with the tasks), ` (2)`,
    /// ` (3)`... after it from its second phase on, as `graph` names its
    /// nodes. `kind` and `number` are as written.
    pub id: String,
    /// The kind of phase its heading's word names: `Phase 2` is a
    /// `phase`, `Week 3` a `week`.
    #[schemars(schema_with = "phase_kind_schema")]
    pub kind: &'static str,
    pub number: String,
    /// The heading's title as it reads rendered, markup dropped.
    pub title: String,
    /// Id of the enclosing phase, for steps.
    pub parent: Option<String>,
    pub priority: Option<String>,
    pub estimate: Option<String>,
    pub goal: Option<String>,
    pub status: Option<String>,
    /// Where the status is written: a `Status:` field's value, or the
    /// heading or item that states it (`Phase 1: Setup ✅`).
    pub status_range: Option<Range>,
    /// Phases and tasks this one waits for, as written: `Phase 1` or
    /// `T012` (a phase id the plan repeats names every phase of it).
    // A range (`T001-T005`) is its ends and the plan's tasks between (see
    // `DependencyIds`); the schema's text stays as it was.
    pub depends_on: Vec<String>,
    /// Ids of the tasks under it, its steps' included.
    pub tasks: Vec<String>,
    pub progress: ProgressDoc,
    pub heading_range: Range,
    pub range: Range,
}

#[derive(Debug, Serialize, JsonSchema, Clone)]
pub struct TaskDoc {
    /// Unique in the document: the id as written (`T001`, `T-001`, `1.2`),
    /// or `#N` (its 1-based place among the plan's tasks) for a task
    /// without one; an id the plan repeats is numbered on each of its
    /// tasks, ` (1)`, ` (2)`... after it (`T001 (1)`, `T001
    /// (2)`), as `graph` names its nodes, and `done "T001 (2)"` names that
    /// task, where the bare `T001` names both and is refused.
    pub id: String,
    /// The task's description after its check box, id and markers, as
    /// written: Markdown and all (`` Add `--foo` to **CLI** ``), bold or
    /// emphasis around the whole of it dropped. One wrapped over more
    /// lines of its paragraph is read whole, the lines joined by one
    /// space, up to a line that opens a detail (`Requirements: 1.2`,
    /// `Depends on T001`).
    pub text: String,
    /// `open`, `done` or `in_progress`.
    pub state: &'static str,
    /// `task`, `deliverable`, `definition_of_done`, `prerequisite`,
    /// `acceptance_criterion`, `checklist`, `deferred` (under "Out of
    /// Scope", "Future Work" and the like), or `logged` (under a progress
    /// log's entries); the last two counted in no progress.
    pub kind: &'static str,
    /// Id (as in `phases`) of the innermost phase or step holding it.
    pub phase: Option<String>,
    /// Title of the section holding it.
    pub section: Option<String>,
    /// For a subtask, the index in `show`'s `tasks` (every task of the
    /// plan, in document order) of the task it belongs to: the one whose
    /// item holds its list, or, in Kiro's flat layout, the earlier task
    /// whose id its own extends (`1` for `1.1`). Present only for a
    /// subtask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    /// The id of that task, as `depends_on` names tasks; `parent` tells
    /// apart two tasks of one id. Present only for a subtask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    pub markers: Vec<String>,
    pub parallel: bool,
    /// Marked optional (Kiro's `- [ ]*`); present only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    pub requirements: Vec<String>,
    /// Ids of the tasks it waits for (`Depends on T012`, `T005 → T006`).
    // A range (`T001-T005`) is its ends, as written, and the plan's tasks
    // between them, whatever it spans (see `DependencyIds`).
    pub depends_on: Vec<String>,
    /// Phases it waits for, written in its own item (`(depends on Phase
    /// 1)`, `Blocked by: Stage A`); present only when there are some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waits_for_phases: Vec<PhaseRefDoc>,
    pub owner: Option<String>,
    /// 1-based line of the check box.
    pub line: u32,
    pub range: Range,
    pub check_range: Range,
}

/// A reference to a phase, where it was written.
#[derive(Debug, Serialize, JsonSchema, Clone)]
pub struct PhaseRefDoc {
    /// As written, `Phase 1` or `Stage A`: a phase id the plan repeats
    /// names every phase of it, and one it lacks names none.
    pub phase: String,
    pub range: Range,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct TableDoc {
    /// `risks`, `timeline`, `progress_log`, `dependencies`, `decisions`,
    /// `config_variables`, `stakeholders`, `component_changes` or `other`.
    pub kind: &'static str,
    pub header: Vec<CellDoc>,
    pub rows: Vec<Vec<CellDoc>>,
    pub range: Range,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct CellDoc {
    /// The cell as it reads rendered: markup dropped, trimmed.
    pub text: String,
    pub range: Range,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct PlaceholderDoc {
    /// `bracket`, `brace`, `double_brace`, `angle`, `arguments`, `choice`,
    /// `estimate`, `date`, `tbd` or `template_text`.
    pub kind: &'static str,
    pub text: String,
    pub name: Option<String>,
    pub line: u32,
    pub range: Range,
    // Set by `PlanDoc::with_notation`: the model alone lists every
    // candidate as a slot, and lint judges them.
    /// True where `planwright lint` reads this slot-shaped text as notation
    /// written on purpose (`lock:<ULID>`, `in YYYY-MM-DD format`) rather
    /// than a slot to fill, and so does not report it.
    pub notation: bool,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct LinkDoc {
    pub dest: String,
    pub range: Range,
    /// True for an image (`![alt](diagram.png)`), whose file a renderer
    /// loads; absent for a link.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub image: bool,
}

impl PlanDoc {
    /// Marks the placeholders that lint judges to be notation, one flag per
    /// placeholder in the model's order (`planwright_lint::notation`).
    #[must_use]
    pub fn with_notation(mut self, notation: &[bool]) -> Self {
        for (doc, &flag) in self.placeholders.iter_mut().zip(notation) {
            doc.notation = flag;
        }
        self
    }

    pub fn new(plan: &Plan, path: &str, loc: &Locator<'_>) -> Self {
        let docs = TaskDocs::new(plan);
        let phase_id = |i: Option<usize>| docs.phase_id(i);
        Self {
            version: VERSION,
            path: path.to_owned(),
            title: plan.title.as_ref().map(|t| t.text.to_string()),
            title_range: plan.title.as_ref().map(|t| loc.range(t.range)),
            dialect: DialectDoc {
                name: plan.dialect.name.clone(),
                evidence: plan.dialect.evidence.clone(),
            },
            line_ending: match plan.line_ending {
                crate::model::LineEnding::Lf => "lf",
                crate::model::LineEnding::CrLf => "crlf",
                crate::model::LineEnding::Cr => "cr",
            },
            bom: plan.bom,
            progress: plan.progress(&plan.tasks).into(),
            metadata: plan
                .metadata
                .iter()
                .map(|m| MetaDoc {
                    key: m.key.to_string(),
                    value: m.value.to_string(),
                    style: m.style.name(),
                    header: m.is_header(),
                    phase: phase_id(m.phase),
                    range: loc.range(m.range),
                    key_range: loc.range(m.key_range),
                    value_range: loc.range(m.value_range),
                })
                .collect(),
            sections: plan
                .sections
                .iter()
                .map(|s| SectionDoc {
                    level: s.level,
                    number: opt(s.number.as_ref()),
                    title: s.title.to_string(),
                    role: s.role.map(crate::Role::name),
                    parent: s.parent,
                    has_content: s.has_content,
                    heading_range: loc.range(s.heading),
                    range: loc.range(s.range),
                })
                .collect(),
            phases: plan
                .phases
                .iter()
                .enumerate()
                .map(|(i, p)| PhaseDoc {
                    id: docs.phases[i].clone(),
                    kind: p.kind.name(),
                    number: p.number.to_string(),
                    title: p.title.to_string(),
                    parent: phase_id(p.parent),
                    priority: opt(p.priority.as_ref()),
                    estimate: opt(p.estimate.as_ref()),
                    goal: opt(p.goal.as_ref()),
                    status: opt(p.status.as_ref()),
                    status_range: p.status_range.map(|r| loc.range(r)),
                    depends_on: p
                        .depends_on
                        .iter()
                        .flat_map(|r| match &r.target {
                            crate::RefTarget::Task(key) => {
                                docs.waited_ids(&docs.depends.ids([key]))
                            }
                            phase @ crate::RefTarget::Phase { .. } => {
                                vec![phase.label().to_string()]
                            }
                        })
                        .collect(),
                    tasks: p.tasks.iter().filter_map(|&t| docs.task_id(t)).collect(),
                    progress: plan
                        .progress(p.tasks.iter().map(|&t| &plan.tasks[t]))
                        .into(),
                    heading_range: loc.range(p.heading),
                    range: loc.range(p.range),
                })
                .collect(),
            tasks: (0..plan.tasks.len())
                .filter_map(|t| docs.task(t, loc))
                .collect(),
            tables: plan
                .tables
                .iter()
                .map(|t| TableDoc {
                    kind: t.kind.name(),
                    header: cells(&t.header.cells, loc),
                    rows: t.rows.iter().map(|r| cells(&r.cells, loc)).collect(),
                    range: loc.range(t.range),
                })
                .collect(),
            placeholders: plan
                .placeholders
                .iter()
                .map(|p| PlaceholderDoc {
                    kind: p.kind.name(),
                    text: p.text.to_string(),
                    name: opt(p.name.as_ref()),
                    line: loc.line(p.range.start),
                    range: loc.range(p.range),
                    notation: false,
                })
                .collect(),
            links: plan
                .links
                .iter()
                .map(|l| LinkDoc {
                    dest: l.dest.to_string(),
                    range: loc.range(l.range),
                    image: l.image,
                })
                .collect(),
        }
    }
}

fn cells(cells: &[crate::model::Cell], loc: &Locator<'_>) -> Vec<CellDoc> {
    cells
        .iter()
        .map(|c| CellDoc {
            text: c.text.to_string(),
            range: loc.range(c.range),
        })
        .collect()
}

fn opt(text: Option<&Text>) -> Option<String> {
    text.map(ToString::to_string)
}

fn all(texts: &[Text]) -> Vec<String> {
    texts.iter().map(ToString::to_string).collect()
}

/// A phase's `kind` in the schema: one of the kinds the reader makes,
/// taken from its list, so the schema cannot fall behind it again (a list
/// written by hand here left out `week` and `epic`).
fn phase_kind_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let mut schema = String::json_schema(generator);
    let kinds: Vec<&str> = crate::parse::phase_kinds()
        .into_iter()
        .map(crate::model::PhaseKind::name)
        .collect();
    schema.insert("enum".into(), kinds.into());
    schema
}

/// The JSON Schema of [`PlanDoc`].
pub fn plan_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(PlanDoc)).unwrap_or_default()
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
