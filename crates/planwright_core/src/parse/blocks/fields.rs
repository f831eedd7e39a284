//! `Key: value` fields in a block as it closes: bold ones anywhere, plain
//! ones where a step's items or the plan's header hold them, and the
//! choice lists (`High/Medium/Low`) a field or a plain label leaves to
//! pick. Each field lands in the plan's metadata, and in the phase it
//! speaks of ([`Builder::phase_field`]).
//!
//! Apart from `blocks.rs`, which reads everything else a block says:
//! whose a field is (the plan's header, a phase's, an item's) is a
//! question of its own, asked of every field the reader finds, front
//! matter's and comments' too.

use std::borrow::Cow;
use std::ops::Range;

use super::super::titles::names_a_task;
use super::gates::{may_hold_colon, may_hold_label_choice, may_list_choices};
use super::labels::{kind_for_label, prose_field};
use super::{
    Builder, InlineKind, MetaField, MetaStyle, PlaceholderKind, Text, inline, items,
    line_start_before, meta, normalize_key,
};

impl Builder<'_> {
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
        // A paragraph of the plan's header: its plain lines with a key
        // headers usually state are fields, also among bold ones
        // (`**Owner:** Marta` / `Status: Draft`).
        let header_para = kind == InlineKind::Paragraph
            && self.quote_depth == 0
            && self.items.is_empty()
            && self.in_plan_header();
        if header_para && self.header_plain_fields(start, end, from) {
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
            if slots.len() > 1 && meta::has_bold_mark(block) {
                self.sort_slots(from);
            }
            return;
        }
        // A plain label's choice list (`Priority: High/Medium/Low`) is an
        // option left to pick, as a bold field's is, though the label is
        // no field.
        let label_choice = may_hold_label_choice(block);
        let has_bold = meta::has_bold_mark(block);
        if !plain_possible && !label_choice && !has_bold {
            return;
        }
        let line_start = line_start_before(self.src, start);
        let text = self.slice(line_start, end);
        self.sort_slots(from);
        let slots = from..self.plan.placeholders.len();
        let mut fields = std::mem::take(&mut self.spare_fields);
        // The last bold field read, while its value may go on over the
        // paragraph's next lines (see `meta::continued`), with its base.
        let mut open: Option<(meta::RawField, usize)> = None;
        // The line before, which an open value's next line may wrap.
        let mut prev = "";
        for (offset, line) in items::LineOffsets::new(text) {
            let above = std::mem::replace(&mut prev, line);
            let abs = line_start + offset;
            let mut body_at = items::line_body_start(line);
            let mut body = &line[body_at..];
            fields.clear();
            meta::bold_fields(body, &mut fields);
            if let Some((mut f, base)) = open.take() {
                let own = !fields.is_empty()
                    || (step_plain && meta::plain_field(body).is_some())
                    || (header_plain && header_plain_field(body).is_some())
                    || (header_para && mixed_plain_field(body).is_some());
                if own || body.trim().is_empty() || !meta::continued::wraps_onto(above, line) {
                    self.push_field(&f, base, in_list, slots.clone());
                } else {
                    // More of `f`'s value: the line is its, but for a
                    // field after a separator on it.
                    let on = meta::continued::going_on(line);
                    f.extend(on.value, abs - base);
                    if on.goes_on {
                        open = Some((f, base));
                    } else {
                        self.push_field(&f, base, in_list, slots.clone());
                    }
                    if let Some(next) = on.next_field {
                        (body_at, body) = (next, &line[next..]);
                        meta::bold_fields(body, &mut fields);
                    } else {
                        // A plain label's choice list is still an option
                        // left to pick (`Risk: High/Low`), in a value too.
                        if label_choice {
                            self.label_choice(body, abs + body_at, slots.clone());
                        }
                        continue;
                    }
                }
            }
            if let Some(last) = fields.pop() {
                for f in &fields {
                    self.push_field(f, abs + body_at, in_list, slots.clone());
                }
                // Only the line's last field can go on below it.
                if meta::continued::may_go_on(line) {
                    open = Some((last, abs + body_at));
                } else {
                    self.push_field(&last, abs + body_at, in_list, slots.clone());
                }
            } else if step_plain && let Some(f) = meta::plain_field(body) {
                self.push_field(&f, abs + body_at, in_list, slots.clone());
                self.plain_fields.push(self.plan.metadata.len() - 1);
            } else if header_plain && let Some(f) = header_plain_field(body) {
                self.push_field(&f, abs + body_at, in_list, slots.clone());
            } else if header_para
                && has_bold
                && let Some(f) = mixed_plain_field(body)
            {
                // Among bold fields, a `Key: value` line is one too:
                // `**Owner:** Marta` / `Status: Draft` / `Reviewer: Ines`.
                self.push_field(&f, abs + body_at, in_list, slots.clone());
            } else if label_choice {
                self.label_choice(body, abs + body_at, slots.clone());
            }
        }
        if let Some((f, base)) = open {
            self.push_field(&f, base, in_list, slots.clone());
        }
        self.spare_fields = fields;
    }

    /// The choice list of plain label `body` (at `base`), which is no
    /// field: `Priority: High/Medium/Low` is an option left to pick.
    fn label_choice(&mut self, body: &str, base: usize, slots: Range<usize>) {
        if let Some(f) = meta::plain_field(body) {
            let (key, value, _) = f.ranges(base);
            if may_list_choices(value.slice(self.src))
                && !meta::lists_values(&normalize_key(key.slice(self.src)))
            {
                self.push_choice(value.slice(self.src), value.start as usize, slots);
            }
        }
    }

    /// A paragraph of the plan's header made of `Key: value` lines and
    /// nothing else, two or more (`Date: 2025-10-30` / `Owner: md`): the
    /// header's fields written plainly, read as such; whether it was one.
    /// One such line alone is a sentence as often as a field ("Note: …"),
    /// and is read only with a key headers usually state (`Status: On
    /// hold`, `Owner: ana`).
    fn header_plain_fields(&mut self, start: usize, end: usize, from: usize) -> bool {
        let text = self.slice(start, end);
        let mut fields = Vec::new();
        for (offset, line) in items::LineOffsets::new(text) {
            let before = fields.len();
            if !line.trim_start().starts_with(['*', '_', '<', '[', '`']) {
                plain_fields_on(line, |f| {
                    if !prose_field(line, &f) {
                        fields.push((start + offset, f));
                    }
                });
            }
            if fields.len() == before {
                return false;
            }
        }
        let usual = |(at, f): &(usize, meta::RawField)| {
            meta::usual_header_key(self.slice(at + f.key.0, at + f.key.1))
        };
        match fields.as_slice() {
            [] => return false,
            [one] if !usual(one) => return false,
            _ => {}
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
    pub(in crate::parse) fn push_field(
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
                super::super::front_matter::front_matter_value(self.src, value_range, slot)
            }
            // A bold value over several lines reads as rendered, its
            // lines joined by a space (see `meta::continued`).
            MetaStyle::Bold { .. } | MetaStyle::Plain => match meta::continued::joined(raw) {
                Cow::Borrowed(raw) => crate::markup::field_value(raw),
                Cow::Owned(joined) => Cow::Owned(crate::markup::field_value(&joined).into_owned()),
            },
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

    /// Whether a heading between phase `p`'s own and the field being read
    /// names a task by its id (`#### T001: Add the endpoint`, `#### [ ]
    /// T-002: …`) or is one: that task's `**Depends on**` or `**Estimate**` is its
    /// own, not the phase's. Given to the phase, it made the phase wait
    /// for a task inside it (a false PW206 where the id is the heading's
    /// only) and took the first task's estimate and priority for its own.
    fn under_task_heading(&self, p: usize) -> bool {
        // A heading task's (`#### [ ] Write the docs`), id or none.
        if self
            .heading_task()
            .is_some_and(|t| self.plan.tasks[t].line.start > self.plan.phases[p].heading.start)
        {
            return true;
        }
        let own = self.plan.phases[p].section;
        self.open_sections
            .iter()
            .rev()
            .take_while(|&&s| Some(s) != own)
            .any(|&s| names_a_task(&self.plan.sections[s].title))
    }

    /// Whether what is read now stands in the plan's header, where a list
    /// of `- **Key:** value` items is how some plans write their header
    /// (as `set` reads it too): no task read yet, and no section open but
    /// the `#` title's, when it is the first heading, and the metadata
    /// section right after it ([`crate::Plan::metadata_section`], `## Metadata`),
    /// not one of its sub-sections. A task list's bold items, and anything
    /// under `## Overview`, are an item's or a section's.
    pub(in crate::parse) fn in_plan_header(&self) -> bool {
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
    pub(in crate::parse) fn push_choice(
        &mut self,
        value: &str,
        start: usize,
        slots: Range<usize>,
    ) -> bool {
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

/// A plain `Key: value` item line of the header's metadata section (see
/// `fields_in_block`), unless it reads as a remark or opens with markup.
/// The plain fields of a line of the header: `Status: Draft`, or several
/// separated by ` | ` (`Status: Draft | Owner: Ana`), as bold ones are.
/// A part after a ` | ` that is no `Key: value` is more of the value
/// before it (`Scope: web | mobile`).
fn plain_fields_on(line: &str, mut push: impl FnMut(meta::RawField)) {
    let mut last: Option<meta::RawField> = None;
    let mut at = 0;
    loop {
        let part_end = line[at..].find(" | ").map_or(line.len(), |i| at + i);
        let part = &line[at..part_end];
        let field = meta::plain_field(part).map(|f| f.shifted(at));
        match (field, last.as_mut()) {
            // The value of the field before ends at its separator.
            (Some(f), _) => push_last(&mut last, Some(f), &mut push),
            (None, Some(prev)) => {
                let end = at + part.trim_end().len();
                prev.value.1 = end;
                prev.whole.1 = end;
            }
            (None, None) => return,
        }
        if part_end == line.len() {
            break;
        }
        at = part_end + 3;
    }
    push_last(&mut last, None, &mut push);
}

/// Pushes the field held in `last`, if any, and holds `next` instead.
fn push_last(
    last: &mut Option<meta::RawField>,
    next: Option<meta::RawField>,
    push: &mut impl FnMut(meta::RawField),
) {
    if let Some(f) = std::mem::replace(last, next) {
        push(f);
    }
}

/// A plain `Key: value` line among a header paragraph's bold ones: a
/// key headers usually state, or one written as a name (`Reviewer:
/// carol`); `scope: the reader` under `**Goal:** speed` is more of the
/// goal.
fn mixed_plain_field(body: &str) -> Option<meta::RawField> {
    header_plain_field(body).filter(|f| {
        let key = &body[f.key.0..f.key.1];
        meta::usual_header_key(key) || key.starts_with(|c: char| c.is_uppercase())
    })
}

fn header_plain_field(body: &str) -> Option<meta::RawField> {
    if body.starts_with(['*', '_', '<', '[', '`']) {
        return None;
    }
    meta::plain_field(body).filter(|f| !prose_field(body, f))
}

#[cfg(test)]
#[path = "fields_tests.rs"]
mod tests;
