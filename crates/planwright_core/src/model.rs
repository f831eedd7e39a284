//! The typed plan model that every command reads.
//!
//! A [`Plan`] is built in one pass over the source (see `parse`) and owns no
//! copy of the text it came from beyond short display strings: every element
//! carries the [`TextRange`] it was read from, so editors and rules can point
//! at exact bytes and edits can patch exactly those bytes.

use crate::dialect::DialectMatch;
use crate::roles::Role;
use crate::text::TextRange;

mod fields;
mod header;
mod ids;
mod names;
mod phases;
mod placeholders;
mod ranges;
mod tasks;
pub(crate) use fields::PLAN_STATUS_KEYS;
pub use fields::{FrontMatterProblem, MetaField, MetaStyle};
pub use header::names_metadata;
pub use ids::{PhaseIds, SameId, TaskIds, cycle_path, id_shape};
pub use names::normalize_key;
pub(crate) use names::{TextBuf, WordBuf};
pub use phases::{Phase, PhaseKind, RefTarget, Reference};
pub use placeholders::{NEEDS_CLARIFICATION, Placeholder, PlaceholderKind};
pub use ranges::{DependencyIds, MAX_RESOLVED, TaskRange, TaskRanges};
pub use tasks::{PhaseWait, Task, TaskKind, TaskLink, TaskState};

/// The model's strings. Most are short (keys, ids, numbers, cell values)
/// and are kept inline, without a heap allocation each: allocation was the
/// largest single cost of building the model from many small plans.
pub type Text = compact_str::CompactString;

/// Everything planwright knows about one plan file.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// Length of the source in bytes; every range lies within `0..len`.
    pub len: u32,
    /// Whether the source starts with a UTF-8 byte-order mark.
    pub bom: bool,
    /// The line ending the file mostly uses, for inserted lines.
    pub line_ending: LineEnding,
    pub title: Option<Title>,
    pub dialect: DialectMatch,
    pub front_matter: Option<TextRange>,
    /// What in the front matter no YAML reader accepts, line by line: the
    /// fields are still read as far as they go.
    pub front_matter_problems: Vec<FrontMatterProblem>,
    pub metadata: Vec<MetaField>,
    pub sections: Vec<Section>,
    pub phases: Vec<Phase>,
    pub tasks: Vec<Task>,
    /// Task-to-task dependencies written as `T005 → T006` chains, and
    /// those of a dependency field in a task's own item
    /// (`**Dependencies**: T001` under the task).
    pub task_links: Vec<TaskLink>,
    /// Tasks waiting for a phase: `T003 Deploy (depends on Phase 1)`.
    pub phase_waits: Vec<PhaseWait>,
    pub tables: Vec<Table>,
    pub placeholders: Vec<Placeholder>,
    pub links: Vec<Link>,
    pub lists: Vec<List>,
    /// The marker of every list item (`-`, `*`, `+`, `1.`), list by list;
    /// each [`List`] names its run. One table rather than a vector a list:
    /// lists are many and short, and a vector each was 15% of the reader's
    /// allocations on the corpus.
    pub list_markers: Vec<TextRange>,
    /// Every HTML comment, for inline `planwright-disable` directives.
    pub comments: Vec<TextRange>,
    pub code_blocks: Vec<TextRange>,
    /// Every inline code span, its backticks included, in source order.
    /// None lies in a code block, where backticks are only text.
    pub code_spans: Vec<TextRange>,
    /// Boxes opening a list item that hold a mark no task is read from
    /// (`- [!] Migrate`, `- [✓] Ship`): those items are not tasks, and
    /// lint's PW211 says so rather than leave them out unseen.
    pub unread_boxes: Vec<TextRange>,
    /// Paragraphs and list-item texts, with the section they belong to.
    pub blocks: Vec<Block>,
    /// How many ids the ranges read so far (`T001-T250`) stood for between
    /// their ends: the reader keeps it within the text's length, so that a
    /// plan of many ranges cannot make more ids than it has bytes.
    pub(crate) range_ids: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LineEnding {
    #[default]
    Lf,
    CrLf,
    /// A lone `\r`, as classic Mac OS wrote; Markdown reads it as a line
    /// ending, and edits that add lines must write it too.
    Cr,
}

impl LineEnding {
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::CrLf => "\r\n",
            LineEnding::Cr => "\r",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    /// The title with template suffixes such as `Implementation Plan:` removed.
    pub text: Text,
    /// The bytes of `text` in the heading, where they are contiguous.
    pub range: TextRange,
    /// The whole heading line; for a title read from front matter (a plan
    /// with no `#` heading), its `title:` line.
    pub heading: TextRange,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub level: u8,
    /// `7.1` for `## 7.1 Data Model`; without a trailing dot.
    pub number: Option<Text>,
    /// Plain heading text without the number.
    pub title: Text,
    /// The title normalised for comparison (`roles::normalize_heading`):
    /// what role resolution and dialect detection match against.
    pub key: Text,
    pub role: Option<Role>,
    /// The heading line.
    pub heading: TextRange,
    /// From the heading to the next heading of the same or a higher level.
    pub range: TextRange,
    pub parent: Option<usize>,
    /// Whether anything but blank lines and child headings stands in it.
    pub has_content: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    Risks,
    Timeline,
    ProgressLog,
    Dependencies,
    Decisions,
    ConfigVariables,
    Stakeholders,
    ComponentChanges,
    Other,
}

impl TableKind {
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Risks => "risks",
            TableKind::Timeline => "timeline",
            TableKind::ProgressLog => "progress_log",
            TableKind::Dependencies => "dependencies",
            TableKind::Decisions => "decisions",
            TableKind::ConfigVariables => "config_variables",
            TableKind::Stakeholders => "stakeholders",
            TableKind::ComponentChanges => "component_changes",
            TableKind::Other => "other",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Plain text of the cell, trimmed.
    pub text: Text,
    /// The trimmed cell content; empty range at the cell for empty cells.
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// The whole row line.
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub kind: TableKind,
    pub header: Row,
    pub rows: Vec<Row>,
    pub range: TextRange,
    pub section: Option<usize>,
    /// Number of cells written in each row's source, before pulldown-cmark
    /// pads or truncates to the header's width; parallel to `rows`.
    pub written_widths: Vec<usize>,
}

impl Table {
    /// Index of the first header cell with a word (lower-cased) that starts
    /// with one of `needles`: `mitigat` finds "Mitigations".
    pub fn column(&self, needles: &[&str]) -> Option<usize> {
        // By word starts, not anywhere in the text: "Update" holds "date",
        // "Backend" holds "end", and neither is that column.
        self.header.cells.iter().position(|c| {
            let h = c.text.to_lowercase();
            h.split(|ch: char| !ch.is_alphanumeric())
                .any(|word| needles.iter().any(|n| word.starts_with(n)))
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub dest: Text,
    /// The whole link, `[text](dest)`.
    pub range: TextRange,
    /// An image, `![alt](dest)`: its file is loaded, not followed, and
    /// has no headings to point into.
    pub image: bool,
    /// For a reference link (`[text][ref]`, `[ref][]`, `[ref]`), its
    /// definition (`[ref]: dest "title"`, from the `[` to the end of the
    /// destination or title): where `dest` is written, and so where it is
    /// to be changed. `None` for an inline link or an autolink.
    pub definition: Option<TextRange>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    pub ordered: bool,
    pub range: TextRange,
    /// Where its items' markers sit in [`Plan::list_markers`]; read them
    /// with [`Plan::markers_of`].
    pub markers: std::ops::Range<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    ListItem,
}

/// A paragraph or the text of a list item (without nested lists).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: TextRange,
    pub section: Option<usize>,
}

impl Plan {
    /// The task whose first line holds `range`, if any. Tasks come in
    /// source order and their first lines do not overlap (the range checker
    /// holds the reader to both), so the only candidate is the last task to
    /// start at or before `range`: a binary search, where a look through
    /// every task per question made callers quadratic.
    pub fn task_on_line(&self, range: TextRange) -> Option<&Task> {
        let before = self.tasks.partition_point(|t| t.line.start <= range.start);
        let task = self.tasks.get(before.checked_sub(1)?)?;
        task.line.contains_range(range).then_some(task)
    }

    /// An empty plan with room for what a text of this size usually holds,
    /// so the reader's pushes rarely reallocate (measurable on many files).
    /// Lines are estimated from the length (the corpus averages 41 bytes a
    /// line) rather than counted: the count was a pass over the text for a
    /// guess either way, and the parse bench, alternated both ways round
    /// against it, ran 1-2 points of ratio faster without it.
    pub fn with_capacity_for(text: &str) -> Plan {
        let lines = text.len() / 40 + 1;
        // Sections, fields and tasks at one in 16 lines outgrew their room
        // in over half the corpus's plans, and a task or field is large to
        // copy; at one in 8, a quarter (tasks: a third; the reader then
        // guesses from what it has read, see `reserve_tasks`).
        Plan {
            sections: Vec::with_capacity(lines / 8),
            metadata: Vec::with_capacity(lines / 8),
            tasks: Vec::with_capacity(lines / 8),
            blocks: Vec::with_capacity(lines / 4),
            lists: Vec::with_capacity(lines / 12),
            links: Vec::with_capacity(lines / 16),
            list_markers: Vec::with_capacity(lines / 4),
            // The corpus has a code span every seven lines.
            code_spans: Vec::with_capacity(lines / 8),
            ..Plan::default()
        }
    }

    /// The markers of `list`'s items, in order.
    pub fn markers_of(&self, list: &List) -> &[TextRange] {
        self.list_markers
            .get(list.markers.start as usize..list.markers.end as usize)
            .unwrap_or_default()
    }

    /// The first task with `id`, ASCII case ignored. For many look-ups,
    /// [`Plan::task_ids`] indexes them once.
    pub fn task_by_id(&self, id: &str) -> Option<usize> {
        self.tasks
            .iter()
            .position(|t| t.id.eq_ignore_ascii_case(id))
    }

    /// The first plan-level metadata field whose normalised key is `key`.
    pub fn field(&self, key: &str) -> Option<&MetaField> {
        let key = normalize_key(key);
        self.metadata
            .iter()
            .find(|f| f.is_header() && f.norm == key)
    }

    /// The plan's status: its field `key` (the dialect's status field),
    /// else `Status`, else one named as the plan's (`Plan Status`,
    /// `Project Status`, `Overall Status`), wherever it is written.
    pub fn status_field(&self, key: &str) -> Option<&MetaField> {
        self.field(key)
            .or_else(|| self.field("status"))
            .or_else(|| PLAN_STATUS_KEYS.iter().find_map(|k| self.field(k)))
    }

    pub fn section_with_role(&self, role: Role) -> Option<usize> {
        self.sections.iter().position(|s| s.role == Some(role))
    }

    /// Done, in-progress and total counts over `tasks`; deferred and
    /// logged ones ([`TaskKind::counts`]) count in none.
    pub fn progress<'a>(&self, tasks: impl IntoIterator<Item = &'a Task>) -> Progress {
        let mut p = Progress::default();
        for t in tasks.into_iter().filter(|t| t.kind.counts()) {
            p.total += 1;
            match t.work_state() {
                TaskState::Done => p.done += 1,
                TaskState::InProgress => p.in_progress += 1,
                TaskState::Open => {}
            }
        }
        p
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub in_progress: usize,
    pub total: usize,
}

impl Progress {
    /// Done tasks over all tasks in tenths of a percent, the JSON's
    /// `percent` times ten: 2 of 3 is 667 (66.7%). Rounded to the nearest
    /// (a half up), except that only all done is 1000 and only none done
    /// is 0: 1999 of 2000 is 999, 1 of 3000 is 1. 0 for no tasks.
    pub fn percent_tenths(self) -> usize {
        self.share(1000)
    }

    /// Done tasks over all tasks in whole percent, as the outlines print
    /// it, rounded as [`Self::percent_tenths`] is: 7 of 54 is 13, 199 of
    /// 200 is 99. Rounded from the exact share, not from the tenths (a
    /// tenth rounded twice can land a percent off).
    pub fn percent_whole(self) -> usize {
        self.share(100)
    }

    /// Done over total in `scale`ths, rounded as `percent_tenths` says.
    // Integer arithmetic: a float's 0.29 * 1000 is 289.99...
    fn share(self, scale: usize) -> usize {
        let done = self.done.min(self.total);
        if done == 0 {
            return 0;
        }
        if done == self.total {
            return scale;
        }
        // In u128, where no count of tasks overflows.
        let (done, total, scale) = (done as u128, self.total as u128, scale as u128);
        let nearest = (2 * done * scale + total) / (2 * total);
        nearest.clamp(1, scale - 1) as usize
    }
}
