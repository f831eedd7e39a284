//! The one-pass reader: pulldown-cmark's offset iterator in, [`Plan`] out.
//!
//! The builder keeps small stacks (open sections, phases, list items) and
//! finishes each inline block (paragraph, heading, cell, item text) as soon as
//! it closes, so the source is walked once. The only other reads of the
//! source are local: the line of a task or field that just closed. Nothing
//! here recurses on input depth. Slices are cut at offsets found in the same
//! text (or through checked `get`); the property tests in `tests/model`
//! feed generated, arbitrary and deeply nested input to hold the reader to
//! never panicking and to exact ranges.

mod blocks;
mod finish;
pub(crate) mod front_matter;
mod head_status;
mod headings;
mod inline;
mod inline_choice;
mod inline_events;
mod items;
mod meta;
mod note_phases;
mod refs;
mod tables;
pub use tables::split_row;
mod tasks;
mod template_text;
mod titles;
mod yaml_scalar;

use blocks::has_arrow;
use headings::{bold_phase, heading_level, is_only_bold};

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::dialect::DialectSet;
use crate::model::{
    Block, BlockKind, Cell, LineEnding, Link, List, MetaField, MetaStyle, Phase, PhaseKind,
    PlaceholderKind, Plan, Row, Section, Table, TableKind, Task, TaskKind, TaskLink, TaskState,
    Text, Title, normalize_key,
};
use crate::roles::{self, Role};
// A lone `\r` ends a line too, as Markdown reads it: `2. **Step 2\r\r**`
// is an item of one line, and a line cut at `\n` would reach past its end.
use crate::text::{TextRange, line_len};

/// The pulldown-cmark extensions the reader turns on; public so the
/// benchmarks' bare parse (the floor) runs with exactly these.
pub const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
    .union(Options::ENABLE_FOOTNOTES);

/// What the reader needs beyond the text.
#[derive(Clone, Copy, Debug)]
pub struct ParseOptions<'a> {
    /// The file's name (not its path), a hint for detection: `tasks.md`.
    pub file_name: Option<&'a str>,
    /// The file's path relative to the repository, a hint for detection:
    /// `.kiro/specs/auth/tasks.md`. Only compared as text.
    pub path: Option<&'a str>,
    pub dialects: &'a DialectSet,
    /// Read as this dialect instead of detecting one.
    pub dialect: Option<&'a str>,
}

impl Default for ParseOptions<'_> {
    fn default() -> Self {
        Self {
            file_name: None,
            path: None,
            dialects: DialectSet::builtin(),
            dialect: None,
        }
    }
}

/// Whether the whole of `s`, in any case, is shaped as the reader reads a
/// task id: `T001`, `t-001`, `TASK-12`, `1.2`, `4`. A command that is
/// given such a name looks it up as an id only: `done plan.md 4` must
/// not tick the one task whose text holds "429".
pub fn is_task_id(s: &str) -> bool {
    let upper = s.to_ascii_uppercase();
    !upper.is_empty() && items::task_id_len(&upper) == Some(upper.len())
}

/// Reads a plan with the built-in dialects.
pub fn parse(source: &str) -> Plan {
    parse_with(source, &ParseOptions::default())
}

/// Reads a plan: the model, its dialect, and the template text left in it.
pub fn parse_with(source: &str, options: &ParseOptions<'_>) -> Plan {
    let mut plan = parse_plain(source);
    plan.dialect = match options.dialect.and_then(|d| options.dialects.get(d)) {
        Some(d) => crate::dialect::DialectMatch {
            name: d.name().to_owned(),
            score: 0,
            evidence: vec!["chosen explicitly".to_owned()],
        },
        None => options
            .dialects
            .detect(source, &plan, options.file_name, options.path),
    };
    let dialect = options.dialects.get(&plan.dialect.name);
    template_text::template_text(source, &mut plan, dialect);
    plan
}

/// The model without dialect detection; used for templates themselves.
pub(crate) fn parse_plain(source: &str) -> Plan {
    let bom = source.starts_with('\u{feff}');
    let mut base = if bom { 3 } else { 0 };
    let mut b = Builder::new(source);
    b.plan.bom = bom;
    // The file's first line ending is the one edits write.
    let bytes = source.as_bytes();
    b.plan.line_ending = match memchr::memchr2(b'\n', b'\r', bytes) {
        Some(n) if bytes[n] == b'\r' && bytes.get(n + 1) == Some(&b'\n') => LineEnding::CrLf,
        Some(n) if bytes[n] == b'\r' => LineEnding::Cr,
        _ => LineEnding::Lf,
    };
    // Front matter that pulldown-cmark would take for Markdown is read
    // here, and the Markdown from the line after it, offsets shifted as
    // past a byte-order mark.
    if let Some(fm) = meta::spaced_front_matter(&source[base..]) {
        b.front_matter(
            TextRange::new(base, base + fm.end),
            Some((base + fm.content.0, base + fm.content.1)),
        );
        base += fm.body;
    }
    // pulldown-cmark ends lines at `\n` and `\r\n` only in places (HTML
    // and fenced code blocks; pulldown-cmark#1112), so a lone `\r` is
    // read as the `\n` it means. Offsets are the same in both texts; the
    // builder slices the original.
    let body = crate::text::lone_cr_as_lf(&source[base..]);
    let mut events = Parser::new_ext(&body, MARKDOWN_OPTIONS).into_offset_iter();
    while let Some((event, range)) = events.next() {
        let r = TextRange::new(range.start + base, range.end + base);
        // A reference link's definition is known to the parser only: it
        // is looked up here, for the builder to keep with the link.
        // Set at every link, so that none is left for the next to take.
        if let Event::Start(Tag::Link { link_type, id, .. } | Tag::Image { link_type, id, .. }) =
            &event
        {
            let reference = matches!(
                link_type,
                LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
            );
            b.link_definition = reference
                .then(|| events.reference_definitions().get(id))
                .flatten()
                .map(|d| TextRange::new(d.span.start + base, d.span.end + base));
        }
        b.event(&event, r);
    }
    b.finish()
}

struct OpenPhase {
    index: usize,
    /// Closed by a heading of this level or higher: a phase heading's own
    /// level; for a bold line's phase, the level of the section it stands
    /// in (0 outside any, where no heading closes it), so that its own
    /// sub-headings stay inside it. `None` for phases opened by a list item
    /// (closed with the item).
    level: Option<u8>,
    /// Opened by a `**Phase 2: Build**` paragraph: the next such line
    /// closes it. At most one is open: each closes the one before.
    bold: bool,
    item: Option<usize>,
    /// Its status is the one its head states (`Phase 1: Setup ✅`): a
    /// `Status:` field inside it says more, and replaces it.
    head_status: bool,
}

struct OpenItem {
    start: usize,
    task: Option<usize>,
    /// Where the task's description starts, after its box, id and markers.
    text_at: usize,
    /// Where the task's description ends, once read (its first paragraph,
    /// up to a line opening a detail): a dependency named in it may wrap
    /// onto its next lines (`depends on` / `T001`), and goes on there.
    text_end: usize,
    /// The phase (step) this item opened, if its text was `**Step 1 – …**`;
    /// one that proves a note about a phase is dropped (`note_phases`).
    phase: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum InlineKind {
    Paragraph,
    Heading,
    Cell,
    ItemText,
}

struct InlineBlock {
    kind: InlineKind,
    start: Option<usize>,
    end: usize,
    /// Text outside links and code, as source ranges, merged when adjacent.
    segments: Vec<(usize, usize)>,
    /// Plain text (for headings and cells).
    plain: String,
    /// How many placeholders the plan had when the block began: only the
    /// ones after can lie inside it (blocks do not overlap).
    placeholders_from: usize,
}

struct TableBuilder {
    range: TextRange,
    header: Option<Row>,
    rows: Vec<Row>,
    widths: Vec<usize>,
    current: Vec<Cell>,
}

struct Builder<'s> {
    src: &'s str,
    plan: Plan,
    open_sections: Vec<usize>,
    phases: Vec<OpenPhase>,
    items: Vec<OpenItem>,
    /// Open lists: their index, and where their markers start in
    /// `open_markers`.
    lists: Vec<(usize, usize)>,
    /// Markers of the open lists' items, innermost list last; a list's run
    /// moves to `plan.list_markers` when it closes.
    open_markers: Vec<TextRange>,
    /// The tasks with explicit ids that the next task of their list may
    /// number itself under (`1`, then `1.1`): (list, task), each list's
    /// run innermost last, every id a dotted prefix of the one after it.
    numbered: Vec<(usize, usize)>,
    inline: Option<InlineBlock>,
    spare_segments: Vec<(usize, usize)>,
    spare_plain: String,
    spare_fields: Vec<meta::RawField>,
    scratch_ranges: Vec<(usize, usize)>,
    /// The task detail keys' places (see `task_details`), found once.
    detail_hits: Option<Vec<(u32, u32, u8)>>,
    link_depth: usize,
    /// The definition of the reference link whose start is the next
    /// event, looked up by the caller (see [`Link::definition`]).
    link_definition: Option<TextRange>,
    /// Open block quotes: a quote's bold lines are a note's labels
    /// (`> **For agentic workers:** …`), not the plan's fields, but for
    /// `quote_is_header`.
    quote_depth: usize,
    /// The open quote is the plan's header written as one: above the first
    /// section, two or more fields and nothing else (`> **Status:** Draft`
    /// / `> **Owner:** Ana`).
    quote_is_header: bool,
    code: Option<(TextRange, Option<(usize, usize)>)>,
    metadata_block: Option<Option<(usize, usize)>>,
    table: Option<TableBuilder>,
    heading_level: u8,
    /// What check boxes here are: set by headings and `**Deliverables:**`.
    kind_hint: TaskKind,
    /// What each section's heading said (see `kind_hint`), by index: a
    /// paragraph that labels nothing brings it back (see `section_kind`).
    section_kinds: Vec<TaskKind>,
    labelled: bool,
    /// The phases opened by a list item (`- **Phase 2:** …`), in order:
    /// once the plan is read, those that prove to be notes are dropped.
    item_phases: Vec<usize>,
    /// The line last read around a bracket or a list item (see
    /// [`inline::LineCache`]).
    lines: inline::LineCache,
    /// The line last read for a list item, from where it was searched to
    /// its end (see `item_line_end`).
    item_line: Option<(usize, usize)>,
    /// The fields read from plain `Key: value` items, which are fields
    /// only inside an item's step: dropped with a step that is a note.
    plain_fields: Vec<usize>,
    /// Where a comment opened on an earlier line of the HTML block still
    /// open starts: pulldown-cmark gives a block's lines one event each.
    open_comment: Option<usize>,
    /// "Phase 2 depends on Phase 1" and the like, read once the plan is.
    phase_sentences: Vec<blocks::Stated>,
    /// Phases that say no user story starts before they are done.
    story_blocks: Vec<blocks::StoryBlock>,
    /// Sections whose heading mentions a phase read before (`### Phase 1
    /// status`), that phase, and whether the heading names its work, in
    /// order: their fields are its, and the boxes of those naming its work.
    phase_mentions: Vec<(usize, usize, bool)>,
    /// The kinds and numbers of the phases opened so far whose number
    /// opens with a letter (`Milestone M1`): a dependency value names one
    /// by its number alone (`Dependencies: M1`). Empty in most plans.
    lettered_phases: Vec<(PhaseKind, Text)>,
    /// The open heading tasks (`#### [ ] T-001: …`), innermost last, with
    /// their headings' levels: a heading of that level or higher closes one.
    heading_tasks: Vec<(usize, u8)>,
    /// The phases the plan's headings open, with where each heading
    /// starts: read ahead of the pass only when a heading mentions a phase
    /// not read yet, to tell whether the phase is still to come, or the
    /// title names one, to tell whether the plan's `#` headings are phases.
    phase_heads: std::cell::OnceCell<Vec<headings::Ahead>>,
}

impl<'s> Builder<'s> {
    fn new(src: &'s str) -> Self {
        Self {
            src,
            plan: Plan {
                len: src.len() as u32,
                ..Plan::with_capacity_for(src)
            },
            open_sections: Vec::new(),
            phases: Vec::new(),
            items: Vec::new(),
            lists: Vec::new(),
            open_markers: Vec::new(),
            numbered: Vec::new(),
            inline: None,
            spare_segments: Vec::new(),
            spare_plain: String::new(),
            spare_fields: Vec::new(),
            scratch_ranges: Vec::new(),
            detail_hits: None,
            link_depth: 0,
            link_definition: None,
            quote_depth: 0,
            quote_is_header: false,
            code: None,
            metadata_block: None,
            table: None,
            heading_level: 0,
            kind_hint: TaskKind::Task,
            section_kinds: Vec::new(),
            labelled: false,
            open_comment: None,
            item_phases: Vec::new(),
            lines: inline::LineCache::default(),
            item_line: None,
            plain_fields: Vec::new(),
            phase_sentences: Vec::new(),
            story_blocks: Vec::new(),
            phase_mentions: Vec::new(),
            lettered_phases: Vec::new(),
            heading_tasks: Vec::new(),
            phase_heads: std::cell::OnceCell::new(),
        }
    }

    fn slice(&self, start: usize, end: usize) -> &'s str {
        self.src.get(start..end).unwrap_or_default()
    }

    fn section(&self) -> Option<usize> {
        self.open_sections.last().copied()
    }

    fn mark_content(&mut self) {
        if let Some(&s) = self.open_sections.last() {
            self.plan.sections[s].has_content = true;
        }
    }

    /// Takes the event by reference: events are large, and moving them
    /// through this hot loop showed as stalled stores in profiles.
    fn event(&mut self, event: &Event<'_>, r: TextRange) {
        match event {
            // Emphasis is the commonest markup, and its events do next to
            // nothing: handled here, they skip the calls to `start` and
            // `end` (out of line, each with a heavy prologue).
            Event::Start(Tag::Strong | Tag::Emphasis | Tag::Strikethrough) => self.touch_inline(r),
            Event::End(TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough) => {}
            Event::Start(tag) => self.start(tag, r),
            Event::End(tag) => self.end(*tag, r),
            Event::Text(_) => self.text(r),
            Event::Code(_) => self.code_span(r),
            Event::Html(_) => self.html(r, true),
            Event::InlineHtml(_) => self.html(r, false),
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = &mut self.inline {
                    b.plain.push(' ');
                    // Markup opened on an earlier line (`*a` / `b*`) has
                    // its end already: a break inside it must not pull the
                    // block's end back before the markup closes.
                    b.end = b.end.max(r.end as usize);
                }
            }
            _ => {}
        }
    }

    #[inline(never)]
    fn start(&mut self, tag: &Tag<'_>, r: TextRange) {
        match tag {
            Tag::Heading { level, .. } => {
                self.finish_inline();
                self.heading_level = heading_level(*level);
                self.begin_inline(InlineKind::Heading);
            }
            Tag::Paragraph => {
                self.finish_item_text();
                self.mark_content();
                self.begin_inline(InlineKind::Paragraph);
            }
            Tag::List(first) => {
                self.finish_item_text();
                self.mark_content();
                self.plan.lists.push(List {
                    ordered: first.is_some(),
                    range: r,
                    markers: 0..0,
                });
                self.lists
                    .push((self.plan.lists.len() - 1, self.open_markers.len()));
            }
            Tag::Item => self.start_item(r),
            Tag::CodeBlock(_) => {
                self.finish_item_text();
                self.mark_content();
                self.code = Some((r, None));
            }
            Tag::HtmlBlock => self.finish_item_text(),
            Tag::BlockQuote(_) => {
                self.finish_item_text();
                self.mark_content();
                if self.quote_depth == 0 {
                    // Not a quote in a list item: a note of that item's.
                    // The plan's header, or a phase's fields (`> **Depends
                    // on:** Phase 1`): a quote of fields. Under a phase,
                    // callouts (`> **Note:** …` / `> **Tip:** …`) are not.
                    let quote = r.slice(self.src);
                    self.quote_is_header = self.items.is_empty()
                        && if self.in_plan_header() {
                            meta::quote_of_fields(quote, meta::usual_header_key, false)
                        } else {
                            self.phases.last().is_some()
                                && meta::quote_of_fields(quote, blocks::is_phase_key, true)
                        };
                }
                self.quote_depth += 1;
            }
            Tag::Table(_) => {
                self.finish_item_text();
                self.mark_content();
                self.table = Some(TableBuilder {
                    range: r,
                    header: None,
                    rows: Vec::new(),
                    widths: Vec::new(),
                    current: Vec::new(),
                });
            }
            Tag::TableCell => self.begin_inline(InlineKind::Cell),
            // (Also handled in `event`, before the call.)
            Tag::Strong | Tag::Emphasis | Tag::Strikethrough => self.touch_inline(r),
            Tag::Link {
                link_type,
                dest_url,
                ..
            }
            | Tag::Image {
                link_type,
                dest_url,
                ..
            } => {
                let image = matches!(tag, Tag::Image { .. });
                // A link's text is the block's text; an image's is not.
                if !image {
                    self.touch_inline(r);
                }
                self.link_depth += 1;
                let dest = blocks::link_dest(*link_type, dest_url);
                self.plan.links.push(Link {
                    dest,
                    range: r,
                    image,
                    definition: self.link_definition.take(),
                });
            }
            Tag::MetadataBlock(_) => self.metadata_block = Some(None),
            _ => {}
        }
    }

    #[inline(never)]
    fn end(&mut self, tag: TagEnd, r: TextRange) {
        match tag {
            TagEnd::Heading(_) => self.end_heading(r),
            TagEnd::Paragraph => self.finish_inline(),
            TagEnd::List(_) => self.end_list(),
            TagEnd::Item => self.end_item(r),
            TagEnd::CodeBlock => self.end_code_block(),
            // A comment the block left open is no comment.
            TagEnd::HtmlBlock => self.open_comment = None,
            TagEnd::Link | TagEnd::Image => self.link_depth = self.link_depth.saturating_sub(1),
            TagEnd::TableCell => self.end_cell(r),
            TagEnd::TableHead | TagEnd::TableRow => self.end_row(r, tag == TagEnd::TableHead),
            TagEnd::Table => self.end_table(),
            TagEnd::MetadataBlock(_) => self.end_front_matter(r),
            TagEnd::BlockQuote(_) => {
                self.finish_item_text();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn end_code_block(&mut self) {
        let Some((range, content)) = self.code.take() else {
            return;
        };
        self.plan.code_blocks.push(range);
        if let Some((s, e)) = content {
            let text = self.slice(s, e);
            inline::scan_code(text, s, &mut self.plan.placeholders);
            if has_arrow(text) {
                self.task_links(text, s);
            }
            for (from, to, range) in refs::task_column(text, s) {
                self.plan.task_links.push(TaskLink { from, to, range });
            }
        }
    }

    fn end_front_matter(&mut self, r: TextRange) {
        let content = self.metadata_block.take().flatten();
        // pulldown-cmark takes a `---` block anywhere for metadata; only
        // one opening the file (after a byte-order mark) is front matter.
        // Below a heading it renders as a thematic break and a setext
        // heading, and `set --add` wrote into it: its lines are left
        // unread, as they were, but give no fields.
        let first = if self.src.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        if r.start as usize == first && self.plan.front_matter.is_none() {
            self.front_matter(r, content);
        }
    }

    /// Front matter at `r`, its YAML at `content`.
    fn front_matter(&mut self, r: TextRange, content: Option<(usize, usize)>) {
        self.plan.front_matter = Some(r);
        if let Some((s, e)) = content {
            self.front_matter_fields(s, e);
        }
    }

    fn end_list(&mut self) {
        let Some((index, base)) = self.lists.pop() else {
            return;
        };
        let start = self.plan.list_markers.len() as u32;
        // Copied and cut rather than drained: a drain moves the markers one
        // by one, and every list ends here.
        let base = base.min(self.open_markers.len());
        self.plan
            .list_markers
            .extend_from_slice(&self.open_markers[base..]);
        self.open_markers.truncate(base);
        self.plan.lists[index].markers = start..self.plan.list_markers.len() as u32;
        // A `2.1` in a later list is no subtask of this list's `2`.
        while self.numbered.last().is_some_and(|&(l, _)| l == index) {
            self.numbered.pop();
        }
    }
}

/// Offset of the start of the line holding byte `at` (see
/// [`crate::text::line_start`]); a byte-order mark is not part of the first line.
fn line_start_before(src: &str, at: usize) -> usize {
    match crate::text::line_start(src, at) {
        0 if src.starts_with('\u{feff}') => 3.min(at),
        n => n,
    }
}

#[cfg(test)]
mod dependency_sentence_tests;
#[cfg(test)]
mod dependency_tests;
#[cfg(test)]
mod numbering_tests;
#[cfg(test)]
mod phase_forms_tests;
#[cfg(test)]
mod phase_head_tests;
#[cfg(test)]
mod phase_tests;
#[cfg(test)]
mod self_dependency_tests;
#[cfg(test)]
mod slot_places_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod unspaced_dependency_tests;

pub(crate) use inline::is_choice_list;
pub(crate) use items::phase_kinds;
pub(crate) use meta::continued::joined as joined_lines;
pub(crate) use refs::references;
