//! The typed plan model that every command reads.
//!
//! A [`Plan`] is built in one pass over the source (see `parse`) and owns no
//! copy of the text it came from beyond short display strings: every element
//! carries the [`TextRange`] it was read from, so editors and rules can point
//! at exact bytes and edits can patch exactly those bytes.

use crate::dialect::DialectMatch;
use crate::roles::Role;
use crate::text::TextRange;

mod header;
mod ids;
mod names;
mod ranges;
mod tasks;
pub use header::names_metadata;
pub use ids::{PhaseIds, SameId, TaskIds, cycle_path};
pub use names::normalize_key;
pub(crate) use names::{TextBuf, WordBuf};
pub use ranges::{DependencyIds, MAX_RESOLVED, TaskRange, TaskRanges};
pub use tasks::{PhaseWait, Task, TaskKind, TaskLink, TaskState};

/// The model's strings. Most are short (keys, ids, numbers, cell values)
/// and are kept inline, without a heap allocation each: allocation was the
/// largest single cost of building the model from many small plans.
pub type Text = compact_str::CompactString;

/// spec-kit's marker for a question the spec left open, which the reader
/// finds as a placeholder of kind TBD where it is left unanswered.
pub const NEEDS_CLARIFICATION: &str = "NEEDS CLARIFICATION";

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

/// Where a metadata field was written; `set` edits it in the same style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaStyle {
    FrontMatter,
    /// `**Key:** value` (colon inside the bold) or `**Key**: value`.
    Bold {
        colon_inside: bool,
    },
    /// `<!-- KEY: value -->`
    Comment,
    /// `Key: value` written plainly: lines of the header made of nothing
    /// else (`Date: 2025-10-30` / `Owner: md`), and a step's sub-items.
    Plain,
}

impl MetaStyle {
    pub fn name(self) -> &'static str {
        match self {
            MetaStyle::FrontMatter => "front_matter",
            MetaStyle::Bold { .. } => "bold",
            MetaStyle::Comment => "comment",
            MetaStyle::Plain => "plain",
        }
    }
}

/// A line of front matter that YAML cannot read (an unclosed `[`, `: `
/// inside a plain value, a line that is no `key: value`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrontMatterProblem {
    pub range: TextRange,
    /// Why, in words: "the `[` is never closed".
    pub message: &'static str,
}

impl FrontMatterProblem {
    /// The message of a key given a second time, which lint's PW403 helps
    /// with on its own.
    pub const DUPLICATE_KEY: &'static str =
        "a key given a second time; YAML readers refuse it or keep only one";
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetaField {
    /// The key as written, without markup.
    pub key: Text,
    /// The key normalised with [`normalize_key`], computed once when read.
    pub norm: Text,
    pub key_range: TextRange,
    /// The value as a reader sees it, trimmed: Markdown and all (`a *b*`),
    /// but without the markup the whole value is written in (`` `001-x` ``
    /// and `*Draft*` are `001-x` and `Draft`) and with backslash escapes
    /// read (`\~2` is `~2`; see [`crate::markup::field_value`]), and a
    /// front-matter value with its quotes and escapes read. May be empty; `value_range` is
    /// where it is written.
    pub value: Text,
    pub value_range: TextRange,
    /// The whole field, from its key markup to the end of its value.
    pub range: TextRange,
    pub style: MetaStyle,
    /// The section the field sits in; `None` for the preamble, front matter.
    pub section: Option<usize>,
    /// The phase or step whose body holds the field, if any.
    pub phase: Option<usize>,
    /// Whether it sits in a list item (`- **Goal:** ...`).
    pub in_list: bool,
    /// A list item's field in the plan's header, before its first task
    /// and its first section but the `#` title's: `- **Status:** Draft`
    /// under the title is the plan's, as a bold line there is.
    pub header_item: bool,
    /// It stands in a section that holds tasks of its own, past the plan's
    /// opening sections: `**Status:** Done` under `### Auth story` with
    /// the story's check boxes is the story's, not the plan's.
    pub item_section: bool,
}

impl MetaField {
    /// Normalised key for lookups: lower case, `-`/space as `_`.
    pub fn norm_key(&self) -> Text {
        self.norm.clone()
    }

    /// Whether the field describes the plan as a whole rather than a phase,
    /// step or list item: front matter, comments, bold `Key: value` lines
    /// that stand in no list, no phase and no section of tasks
    /// ([`MetaField::item_section`]), and the list items of the plan's
    /// header ([`MetaField::header_item`]).
    pub fn is_header(&self) -> bool {
        self.phase.is_none() && !self.item_section && (!self.in_list || self.header_item)
    }
}

/// Keys (normalised) that name the plan's status wherever they stand,
/// also in a footer below the last phase: `**Plan Status**:`.
pub(crate) const PLAN_STATUS_KEYS: [&str; 3] = ["plan_status", "project_status", "overall_status"];

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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhaseKind {
    Phase,
    Stage,
    Milestone,
    Sprint,
    Iteration,
    Step,
    /// `## Week 2: Export`, a plan laid out week by week.
    Week,
    /// `## Epic 3: Billing`.
    Epic,
}

impl PhaseKind {
    pub fn name(self) -> &'static str {
        match self {
            PhaseKind::Phase => "phase",
            PhaseKind::Stage => "stage",
            PhaseKind::Milestone => "milestone",
            PhaseKind::Sprint => "sprint",
            PhaseKind::Iteration => "iteration",
            PhaseKind::Step => "step",
            PhaseKind::Week => "week",
            PhaseKind::Epic => "epic",
        }
    }
}

/// A phase, stage, milestone or step of the plan's work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phase {
    /// `Phase 1`, `Step 1.1`, `Milestone M1`: kind and number, unique-ish.
    pub id: Text,
    pub kind: PhaseKind,
    /// The number or letter as written: `1`, `-1`, `3.5`, `4a`, `A`, `M1`.
    pub number: Text,
    pub title: Text,
    /// The heading or list item that opens it.
    pub heading: TextRange,
    /// Everything that belongs to it, up to the next sibling.
    pub range: TextRange,
    /// The enclosing phase, for steps.
    pub parent: Option<usize>,
    pub section: Option<usize>,
    pub priority: Option<Text>,
    pub estimate: Option<Text>,
    pub goal: Option<Text>,
    pub status: Option<Text>,
    /// Where the status was written: a `Status:` field's value, or the
    /// heading or item when it says it (`Phase 1: Setup ✅`).
    pub status_range: Option<TextRange>,
    /// The `Dependencies:` value as parsed; empty when none is stated.
    pub depends_on: Vec<Reference>,
    /// Where the dependencies were written, for diagnostics.
    pub depends_range: Option<TextRange>,
    /// Indices into `Plan::tasks` of check boxes under it (deliverables too).
    pub tasks: Vec<usize>,
}

/// A reference to another piece of the plan, parsed from prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub target: RefTarget,
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefTarget {
    /// `Phase 2`, `Stage A`, `Milestone M1`: kind and number.
    Phase { kind: PhaseKind, number: Text },
    /// `T012`, `T-012`; or a range of them, `T001-T003`, kept whole as its
    /// key `T001..T003` (see [`TaskRange`], which resolves it).
    Task(Text),
}

impl RefTarget {
    pub fn label(&self) -> Text {
        match self {
            RefTarget::Phase { kind, number } => {
                let name = kind.name();
                let mut label = Text::with_capacity(name.len() + 1 + number.len());
                let mut chars = name.chars();
                if let Some(first) = chars.next() {
                    label.push(first.to_ascii_uppercase());
                }
                label.push_str(chars.as_str());
                label.push(' ');
                label.push_str(number);
                label
            }
            // A range as written: `T001-T003`.
            RefTarget::Task(id) => TaskRange::parse(id).map_or_else(|| id.clone(), |r| r.label()),
        }
    }
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceholderKind {
    /// `[FEATURE NAME]`, `[Brief description]`
    Bracket,
    /// `{FEATURE_TITLE}`, `{one sentence}`
    Brace,
    /// `{{FEATURE_NAME}}`
    DoubleBrace,
    /// `<Project / Feature Name>`
    Angle,
    /// `$ARGUMENTS`
    Arguments,
    /// `Draft | In Progress | Completed`, `High/Medium/Low`, `{L/M/H}`
    Choice,
    /// `X hours/days`
    Estimate,
    /// `YYYY-MM-DD`
    Date,
    /// `(TBD)`, `TBD`, and spec-kit's `[NEEDS CLARIFICATION: which queue?]`
    /// (also in parentheses, or a field's whole value): a value the author
    /// marked as still to be decided.
    Tbd,
    /// A paragraph or item left exactly as the template's instruction text.
    TemplateText,
}

impl PlaceholderKind {
    pub fn name(self) -> &'static str {
        match self {
            PlaceholderKind::Bracket => "bracket",
            PlaceholderKind::Brace => "brace",
            PlaceholderKind::DoubleBrace => "double_brace",
            PlaceholderKind::Angle => "angle",
            PlaceholderKind::Arguments => "arguments",
            PlaceholderKind::Choice => "choice",
            PlaceholderKind::Estimate => "estimate",
            PlaceholderKind::Date => "date",
            PlaceholderKind::Tbd => "tbd",
            PlaceholderKind::TemplateText => "template_text",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.name() == name)
    }

    pub const ALL: [PlaceholderKind; 10] = [
        PlaceholderKind::Bracket,
        PlaceholderKind::Brace,
        PlaceholderKind::DoubleBrace,
        PlaceholderKind::Angle,
        PlaceholderKind::Arguments,
        PlaceholderKind::Choice,
        PlaceholderKind::Estimate,
        PlaceholderKind::Date,
        PlaceholderKind::Tbd,
        PlaceholderKind::TemplateText,
    ];
}

/// An unfilled slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder {
    pub kind: PlaceholderKind,
    /// The slot as written, delimiters included.
    pub text: Text,
    /// The variable name inside the delimiters, normalised with
    /// [`normalize_key`], when the slot names one (`FEATURE_NAME`).
    pub name: Option<Text>,
    pub range: TextRange,
    /// Whether it sits in a metadata value (as opposed to body text).
    pub in_metadata: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub dest: Text,
    /// The whole link, `[text](dest)`.
    pub range: TextRange,
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
