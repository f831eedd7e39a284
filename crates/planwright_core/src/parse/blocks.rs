//! Inline blocks (paragraphs and item texts) as they close: placeholders in
//! their text, `**Key:** value` fields (and what a phase learns from them),
//! dependencies (a phase's, or those a task's own item names), `T005 →
//! T006` chains and "T006 depends on T005" sentences, and phases opened by
//! a bold line; and HTML (`html.rs`), whose comments hold fields and
//! directives.

use super::{
    Block, BlockKind, Builder, InlineBlock, InlineKind, MetaField, MetaStyle, PlaceholderKind,
    TaskKind, TaskLink, Text, TextRange, bold_phase, inline, is_only_bold, items, line_len,
    line_start_before, meta, normalize_key,
};

use super::refs::{first_stem, is_dependency_key, order_word, task_sentences};
use super::titles::names_a_task;
use deps::Owner;
pub(super) use deps::Stated;
pub(super) use gates::has_arrow;
use gates::{may_hold_colon, may_hold_label_choice, may_list_choices};
use labels::{kind_for_label, plain_label_kind, prose_field};
pub(super) use stories::StoryBlock;

use std::ops::Range;

pub(in crate::parse) mod dep_sections;
mod deps;
mod gates;
mod html;
mod labels;
mod plain_fields;
mod stories;

impl Builder<'_> {
    pub(super) fn finish_item_text(&mut self) {
        if self
            .inline
            .as_ref()
            .is_some_and(|b| b.kind == InlineKind::ItemText)
        {
            self.finish_inline();
        }
    }

    pub(super) fn finish_inline(&mut self) {
        let Some(block) = self.inline.take() else {
            return;
        };
        if block.kind == InlineKind::Heading || block.kind == InlineKind::Cell {
            // Headings and cells are finished by their own end events.
            self.inline = Some(block);
            return;
        }
        let Some(start) = block.start else {
            self.recycle(block);
            return;
        };
        let end = block.end;
        let from = block.placeholders_from;
        let first = self.plan.placeholders.len();
        let in_task = self.items.last().and_then(|i| i.task);
        // A block on the task's first line: its own text, also where it is
        // its item's first paragraph, in a loose list (items apart by
        // blank lines).
        let own_text = in_task.is_some_and(|t| start < self.plan.tasks[t].line.end as usize);
        let task_text = own_text || (in_task.is_some() && block.kind == InlineKind::ItemText);
        // Markers such as `[HIER]` before the task text are not slots: no
        // slot is looked for between the check mark and the text. Task
        // lists are full of them (`[P] [US3] [Analytics]`), and making each
        // one a slot to drop it after showed in profiles.
        let markers = in_task.filter(|_| task_text).map(|t| {
            let check_end = self.plan.tasks[t].check_range.end as usize;
            check_end..self.items.last().map_or(check_end, |i| i.text_at)
        });
        self.scan_segments_past(&block, markers.as_ref());
        if let Some(markers) = markers {
            // A run that starts before the markers (none does in the
            // Markdown pulldown-cmark reads) may still have found one.
            let found = &mut self.plan.placeholders;
            let mut kept = first;
            for i in first..found.len() {
                if !markers.contains(&(found[i].range.start as usize)) {
                    found.swap(kept, i);
                    kept += 1;
                }
            }
            found.truncate(kept);
        }
        if self.plan.placeholders.len() > first {
            self.drop_legend_terms(first, start, end);
        }
        let block_kind = block.kind;
        self.recycle(block);
        if let Some(t) = in_task {
            self.wrapped_text(t, start, end);
        }
        self.labelled = false;
        self.fields_in_block(start, end, block_kind, from);
        let range = TextRange::new(start, end).trim(self.src);
        // A task's own text ("- [ ] Tasks:") labels nothing.
        if !own_text && let Some(hint) = plain_label_kind(range.slice(self.src)) {
            self.kind_hint = hint;
        } else if !self.labelled && block_kind == InlineKind::Paragraph && self.items.is_empty() {
            // "Acceptance:" covers the list after it, not the work a later
            // paragraph ("Work:", a story's text) introduces.
            self.kind_hint = self.section_kind();
        }
        let kind = match block_kind {
            InlineKind::ItemText => BlockKind::ListItem,
            _ => BlockKind::Paragraph,
        };
        if in_task.is_none() || block_kind != InlineKind::ItemText {
            self.plan.blocks.push(Block {
                kind,
                range,
                section: self.section(),
            });
        }
        // What the blocks' readers below do changes no open item or phase:
        // the owner stays the same for the whole block.
        let owner = self.dependency_owner();
        match owner {
            Some(Owner::Task(t)) => {
                // Phrases are read in the task's own text, past its id and
                // markers (`[P]`, `[US1]`); fields anywhere in its item.
                let own = (in_task == Some(t) && task_text)
                    .then(|| self.items.last().map_or(0, |i| i.text_at))
                    .map(|at| at.saturating_sub(range.start as usize));
                self.task_waits(t, range, own);
            }
            Some(Owner::Phase(p)) => {
                self.phase_dependency_lines(p, start, end);
                self.phase_dependency_section(p, range);
                self.phase_plain_fields(p, start, end);
                self.story_block(p, range);
            }
            None => {}
        }
        let text = range.slice(self.src);
        if has_arrow(text) {
            self.task_links(text, range.start as usize);
        }
        // Outside a task's item, "T002 depends on T001" says what the
        // arrow does, and "Phase 2 depends on Phase 1" what a field does;
        // inside one the task reader reads its dependencies.
        let in_task = matches!(owner, Some(Owner::Task(_)));
        let stem = (!in_task).then(|| first_stem(text)).flatten();
        // Order in words ("Phase 1 before Phase 2", "T001 precedes T002"):
        // phases' anywhere in prose, as plans' notes write it; tasks' only
        // where the plan states its dependencies, as reading every block
        // that says "before" for task sentences cost 1.6% of the reading
        // (callgrind), for a form seldom written elsewhere.
        let order = (!in_task && stem.is_none())
            .then(|| order_word(text))
            .flatten();
        let dependency_section = || {
            let section = self.section().and_then(|s| self.plan.sections.get(s));
            section.is_some_and(|s| s.role == Some(crate::roles::Role::Dependencies))
        };
        // "T004 依赖 T003" (see `refs::unspaced`).
        let unspaced = || !in_task && super::refs::unspaced::first_verb(text).is_some();
        if stem.is_some() || (order.is_some() && dependency_section()) || unspaced() {
            // A sentence quoted as code (`` `T002 depends on T001` ``) is
            // an example, not the plan's word.
            for (from, to, at) in task_sentences(text, range.start as usize) {
                if !self.in_code(at) {
                    self.plan.task_links.push(TaskLink {
                        from,
                        to,
                        range: at,
                    });
                }
            }
        }
        if let Some(stem) = stem.or(order) {
            let phase = owner.and_then(|o| match o {
                Owner::Phase(p) => Some(p),
                Owner::Task(_) => None,
            });
            // A bullet of a dependency section is `refs::phase_order`'s,
            // unless it only says an order, which that reader does not read.
            let theirs = block_kind == InlineKind::ItemText && order.is_none();
            self.read_phase_sentences(range, stem, phase, theirs);
        }
        // A bold head ends with its bold or its dependency bracket (see
        // `is_only_bold`): most bold paragraphs are fields, whose value
        // ends otherwise, and are spared the reading of a phase head.
        if block_kind == InlineKind::Paragraph
            && self.items.is_empty()
            && (text.ends_with("**") || text.ends_with(')'))
            && let Some(head) = bold_phase(text).filter(|_| is_only_bold(text))
        {
            self.open_bold_phase(head, range);
        }
    }

    /// Whether a heading between phase `p`'s own and the field being read
    /// names a task by its id (`#### T001: Add the endpoint`, `#### [ ]
    /// T-002: …`): that task's `**Depends on**` or `**Estimate**` is its
    /// own, not the phase's. Given to the phase, it made the phase wait
    /// for a task inside it (a false PW206 where the id is the heading's
    /// only) and took the first task's estimate and priority for its own.
    fn under_task_heading(&self, p: usize) -> bool {
        let own = self.plan.phases[p].section;
        self.open_sections
            .iter()
            .rev()
            .take_while(|&&s| Some(s) != own)
            .any(|&s| names_a_task(&self.plan.sections[s].title))
    }

    /// Keeps a finished block's buffers for the next one: blocks are many
    /// and short, and allocating two buffers for each showed in profiles.
    pub(super) fn recycle(&mut self, mut block: InlineBlock) {
        block.segments.clear();
        block.plain.clear();
        self.spare_segments = block.segments;
        self.spare_plain = block.plain;
    }

    /// A legend line defines its bracketed terms rather than leaving them
    /// to fill: `**[Events]**, **[Security]**, etc. = feature tags`. Its
    /// bracket slots (those found since `first`) are dropped. The markup
    /// between the terms splits them into separate text runs, so this is
    /// judged on the whole block, not in [`inline::scan_text`].
    fn drop_legend_terms(&mut self, first: usize, start: usize, end: usize) {
        let text = self.slice(start, end);
        let line = &text[..text.find('\n').unwrap_or(text.len())];
        let Some(eq) = line.find('=') else {
            return;
        };
        if !is_legend_terms(&line[..eq]) {
            return;
        }
        let defined = start + eq;
        let mut kept = first;
        for i in first..self.plan.placeholders.len() {
            let p = &self.plan.placeholders[i];
            if p.kind != PlaceholderKind::Bracket || p.range.start as usize >= defined {
                self.plan.placeholders.swap(kept, i);
                kept += 1;
            }
        }
        self.plan.placeholders.truncate(kept);
    }

    pub(super) fn scan_segments(&mut self, block: &InlineBlock) {
        self.scan_segments_past(block, None);
    }

    /// [`Self::scan_segments`], where no slot starts inside `skip`.
    fn scan_segments_past(&mut self, block: &InlineBlock, skip: Option<&Range<usize>>) {
        let first = self.plan.placeholders.len();
        for &(s, e) in &block.segments {
            let from = match skip {
                Some(skip) if skip.contains(&s) => skip.end,
                _ => s,
            };
            inline::scan_text_after(
                self.src,
                s,
                e,
                from,
                &self.lines,
                &mut self.plan.placeholders,
            );
        }
        // Segments end at line breaks; spec-kit's question may wrap.
        if block.segments.len() > 1 {
            inline::wrapped_questions(self.src, &mut self.plan.placeholders[first..], block.end);
        }
    }

    pub(super) fn task_links(&mut self, text: &str, base: usize) {
        let mut budget = self.range_budget();
        let links = super::refs::task_chain(text, base, &mut budget);
        self.spend_range_budget(budget);
        for (from, to, range) in links {
            self.plan.task_links.push(TaskLink { from, to, range });
        }
    }

    /// Bold `Key: value` lines in a paragraph or item text, and plain
    /// `Key: value` items inside a step opened by a list item.
    /// `from` is the first of the block's placeholders.
    pub(super) fn fields_in_block(
        &mut self,
        start: usize,
        end: usize,
        kind: InlineKind,
        from: usize,
    ) {
        let in_list = kind == InlineKind::ItemText || !self.items.is_empty();
        let in_item_step = self.phases.last().is_some_and(|p| {
            p.item.is_some()
                && p.item
                    .is_some_and(|i| i < self.items.len().saturating_sub(1))
        });
        // Most blocks hold no field at all; a bold one needs `**` in the
        // block itself (what stands before it on its first line is
        // indentation, `>` and list markers, each followed by white space),
        // so the start of that line is looked for only then: the search
        // back for it, once per block, showed in profiles.
        let step_plain = in_item_step && kind == InlineKind::ItemText;
        // `- Status: Draft` in a section that says it holds the plan's own
        // metadata (`## Document Status`): the header written as a list.
        // Not above the first section, where a list of `Goal: …` lines is
        // as often the plan's words as its fields.
        let header_plain = kind == InlineKind::ItemText
            && self.items.len() == 1
            && self.quote_depth == 0
            && self.in_metadata_section();
        let plain_possible = step_plain || header_plain;
        let block = self.slice(start, end);
        if kind == InlineKind::Paragraph
            && self.quote_depth == 0
            && self.items.is_empty()
            && self.header_plain_fields(start, end, from)
        {
            return;
        }
        let quoted_note = self.quote_depth > 0 && !self.quote_is_header;
        if quoted_note || (!plain_possible && !may_hold_colon(block)) {
            // Every field (and label) has its colon in the block (a plain
            // one may find one in its line's markers, so it is not judged
            // here): most blocks have none, and are spared the tests
            // below. Their slots are put in order as they would be (see
            // below), which only two or more can need.
            let slots = self.plan.placeholders.get(from..).unwrap_or_default();
            if slots.len() > 1 && meta::find_double_star(block).is_some() {
                self.sort_slots(from);
            }
            return;
        }
        // A plain label's choice list (`Priority: High/Medium/Low`) is an
        // option left to pick, as a bold field's is, though the label is
        // no field.
        let label_choice = may_hold_label_choice(block);
        if !plain_possible && !label_choice && meta::find_double_star(block).is_none() {
            return;
        }
        let line_start = line_start_before(self.src, start);
        let text = self.slice(line_start, end);
        self.sort_slots(from);
        let slots = from..self.plan.placeholders.len();
        let mut fields = std::mem::take(&mut self.spare_fields);
        for (offset, line) in items::LineOffsets::new(text) {
            let abs = line_start + offset;
            let body_at = items::line_body_start(line);
            let body = &line[body_at..];
            fields.clear();
            meta::bold_fields(body, &mut fields);
            if !fields.is_empty() {
                for f in &fields {
                    self.push_field(f, abs + body_at, in_list, slots.clone());
                }
            } else if step_plain && let Some(f) = meta::plain_field(body) {
                self.push_field(&f, abs + body_at, in_list, slots.clone());
                self.plain_fields.push(self.plan.metadata.len() - 1);
            } else if header_plain
                && !body.starts_with(['*', '_', '<', '[', '`'])
                && let Some(f) = meta::plain_field(body).filter(|f| !prose_field(body, f))
            {
                self.push_field(&f, abs + body_at, in_list, slots.clone());
            } else if label_choice && let Some(f) = meta::plain_field(body) {
                let (key, value, _) = f.ranges(abs + body_at);
                if may_list_choices(value.slice(self.src))
                    && !meta::lists_values(&normalize_key(key.slice(self.src)))
                {
                    self.push_choice(value.slice(self.src), value.start as usize, slots.clone());
                }
            }
        }
        self.spare_fields = fields;
    }

    /// A paragraph of the plan's header made of `Key: value` lines and
    /// nothing else, two or more (`Date: 2025-10-30` / `Owner: md`): the
    /// header's fields written plainly, read as such; whether it was one.
    /// One such line alone is a sentence as often as a field ("Note: …").
    fn header_plain_fields(&mut self, start: usize, end: usize, from: usize) -> bool {
        if !self.in_plan_header() {
            return false;
        }
        let text = self.slice(start, end);
        if memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_none() {
            return false;
        }
        let mut fields = Vec::new();
        for (offset, line) in items::LineOffsets::new(text) {
            let bold = line.trim_start().starts_with(['*', '_', '<', '[', '`']);
            let field = meta::plain_field(line).filter(|f| !bold && !prose_field(line, f));
            match field {
                Some(f) => fields.push((start + offset, f)),
                None => return false,
            }
        }
        if fields.len() < 2 {
            return false;
        }
        self.sort_slots(from);
        let slots = from..self.plan.placeholders.len();
        for (at, f) in &fields {
            self.push_field(f, *at, false, slots.clone());
        }
        true
    }

    /// The block's slots (from `from` on) in source order (those of its
    /// code spans and inline HTML came first), so each field finds its own
    /// by binary search: a paragraph of thousands of fields was quadratic.
    fn sort_slots(&mut self, from: usize) {
        if let Some(slots) = self.plan.placeholders.get_mut(from..) {
            slots.sort_by_key(|p| p.range.start);
        }
    }

    /// `slots`: the placeholders that may lie inside the field (its
    /// block's), sorted by start and not overlapping.
    pub(super) fn push_field(
        &mut self,
        f: &meta::RawField,
        base: usize,
        in_list: bool,
        slots: Range<usize>,
    ) {
        let (key_range, value_range, range) = f.ranges(base);
        let key = Text::from(key_range.slice(self.src).trim());
        let raw = value_range.slice(self.src);
        // What a reader sees; the ranges keep pointing at the source.
        let value = Text::from(match f.style {
            MetaStyle::FrontMatter => {
                // `owner: [OWNER]` is a slot to fill, not a list.
                let slot = self
                    .plan
                    .placeholders
                    .get(slots.clone())
                    .is_some_and(|s| s.iter().any(|p| p.range == value_range));
                super::front_matter::front_matter_value(self.src, value_range, slot)
            }
            MetaStyle::Bold { .. } | MetaStyle::Plain => crate::markup::field_value(raw),
            MetaStyle::Comment => raw.into(),
        });
        // A comment field in a phase's body (`<!-- status: in progress
        // -->`) is the phase's, as a bold one is; the plan's stand above.
        // A plan titled as a phase (`# Epic 78: Tokens`) has its header
        // under that title: the plan's fields, not the phase's.
        let title = self.plan.title.as_ref().map(|t| t.heading);
        let open = self
            .phases
            .last()
            .map(|p| p.index)
            .filter(|&p| Some(self.plan.phases[p].heading) != title || !self.in_plan_header());
        let norm = normalize_key(&key);
        // `**Plan Status**:` is the plan's wherever it stands, also in a
        // footer below the last phase.
        let phase = self
            .field_phase(open)
            .filter(|_| !crate::model::PLAN_STATUS_KEYS.contains(&norm.as_str()));
        if value.is_empty()
            && f.style != MetaStyle::Comment
            && let Some(hint) = kind_for_label(&norm)
        {
            self.kind_hint = hint;
            self.labelled = true;
        }
        let mut unchosen = may_list_choices(raw)
            && !meta::lists_values(&norm)
            && self.push_choice(raw, value_range.start as usize, slots.clone());
        if unchosen && let Some(choice) = self.plan.placeholders.last_mut() {
            choice.in_metadata = true;
        }
        if let Some(block) = self.plan.placeholders.get_mut(slots) {
            let first = block.partition_point(|p| p.range.start < value_range.start);
            let whole = value_range.trim(self.src);
            for p in &mut block[first..] {
                if p.range.start >= value_range.end {
                    break;
                }
                // One that starts in the value is its: a question in it
                // may wrap past the field's line.
                p.in_metadata = true;
                // A brace slot of options (`{L/M/H}`) is a choice too.
                unchosen |= p.kind == PlaceholderKind::Choice && p.range.contains_range(whole);
            }
        }
        // The field stands in the phase, but says nothing of it under a
        // task's own heading.
        if let Some(p) = phase.filter(|&p| !self.under_task_heading(p)) {
            self.phase_field(p, &norm, &value, value_range, unchosen);
        }
        // `- **Phase 1:** Setup` in an overview list speaks of a phase,
        // not of the plan.
        let header_item = in_list && self.in_plan_header() && !items::is_phase_head(&key);
        self.plan.metadata.push(MetaField {
            key,
            norm,
            key_range,
            value,
            value_range,
            range,
            style: f.style,
            section: if f.style == MetaStyle::Comment {
                None
            } else {
                self.section()
            },
            phase,
            in_list,
            header_item,
            item_section: false,
        });
    }

    /// Whether what is read now stands in the plan's header, where a list
    /// of `- **Key:** value` items is how some plans write their header
    /// (as `set` reads it too): no task read yet, and no section open but
    /// the `#` title's, when it is the first heading, and the metadata
    /// section right after it ([`crate::Plan::metadata_section`], `## Metadata`),
    /// not one of its sub-sections. A task list's bold items, and anything
    /// under `## Overview`, are an item's or a section's.
    pub(super) fn in_plan_header(&self) -> bool {
        let first_is_title = || {
            self.plan
                .title
                .as_ref()
                .is_some_and(|t| t.heading == self.plan.sections[0].heading)
        };
        let metadata = |s: usize| self.plan.metadata_section() == Some(s);
        self.plan.tasks.is_empty()
            && match *self.open_sections.as_slice() {
                [] => true,
                [0] => first_is_title() || metadata(0),
                [s] => metadata(s),
                [0, s] => first_is_title() && metadata(s),
                _ => false,
            }
    }

    /// Whether the innermost open section is the plan's metadata section
    /// (see [`crate::model::Plan::metadata_section`]) and the header goes
    /// on in it.
    fn in_metadata_section(&self) -> bool {
        self.open_sections
            .last()
            .is_some_and(|&s| self.plan.metadata_section() == Some(s))
            && self.in_plan_header()
    }

    /// Records `value` (at `start`) as an unresolved choice list, unless a
    /// slot found already covers it (`{L/M/H}` is one brace slot); whether
    /// it did. Only `slots` can: those of the value's own block, sorted by
    /// start and not overlapping, so the one that can is found by binary
    /// search (looking through all of them made a plan with many fields
    /// quadratic).
    pub(super) fn push_choice(&mut self, value: &str, start: usize, slots: Range<usize>) -> bool {
        let Some(choice) = inline::scan_choice(value, start) else {
            return false;
        };
        let block = self.plan.placeholders.get(slots).unwrap_or_default();
        let before = block.partition_point(|p| p.range.start <= choice.range.start);
        if before > 0 && block[before - 1].range.contains_range(choice.range) {
            return false;
        }
        self.plan.placeholders.push(choice);
        true
    }
}

/// Whether `text` is only bracketed terms, with emphasis, commas and
/// `etc.`, `and`, `or` between them: the left side of a legend line.
fn is_legend_terms(text: &str) -> bool {
    let mut terms = 0;
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('[') {
            let Some(close) = inner.find(']') else {
                return false;
            };
            terms += 1;
            rest = &inner[close + 1..];
        } else if let Some(word) = ["etc.", "etc", "and", "or"]
            .iter()
            .find(|w| rest.starts_with(**w))
        {
            rest = &rest[word.len()..];
        } else if rest.starts_with(['*', '_', ',', ' ', '/']) {
            rest = &rest[1..];
        } else {
            return false;
        }
    }
    terms > 0
}

/// Where a link points: an email autolink (`<ops@example.com>`) at its
/// address's `mailto:` URL, as a renderer links it, for pulldown-cmark
/// gives the bare address, which reads as a relative path.
pub(super) fn link_dest(link_type: pulldown_cmark::LinkType, dest: &str) -> Text {
    match link_type {
        pulldown_cmark::LinkType::Email => format!("mailto:{dest}").into(),
        _ => Text::from(dest),
    }
}

#[cfg(test)]
#[path = "blocks_tests.rs"]
mod tests;
