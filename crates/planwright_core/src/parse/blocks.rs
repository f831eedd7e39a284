//! Inline blocks (paragraphs and item texts) as they close: placeholders in
//! their text, `**Key:** value` fields (`fields.rs`; what a phase learns
//! from them, `plain_fields.rs`), dependencies (a phase's, or those a
//! task's own item names), `T005 → T006` chains and "T006 depends on T005"
//! sentences, and phases opened by a bold line; and HTML (`html.rs`), whose
//! comments hold fields and directives.

use super::{
    Block, BlockKind, Builder, InlineBlock, InlineKind, MetaField, MetaStyle, PlaceholderKind,
    TaskKind, TaskLink, Text, TextRange, bold_phase, inline, is_only_bold, items, line_len,
    line_start_before, meta, normalize_key,
};

use super::refs::{first_stem, is_dependency_key, order_word, task_sentences};
use deps::Owner;
pub(super) use deps::{Stated, keep_own};
pub(super) use gates::has_arrow;
use labels::plain_label_kind;
pub(super) use plain_fields::is_phase_key;
pub(super) use stories::StoryBlock;

use std::ops::Range;

pub(in crate::parse) mod dep_sections;
mod deps;
mod fields;
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
