//! Headings: the section tree, titles, and phases or steps opened by a
//! heading (`### Phase 1: Setup`) or a bold line (`**Step 1 – Journal**`).

use super::titles::{make_title, split_number};
use super::{
    Builder, HeadingLevel, MetaStyle, OpenPhase, Phase, PhaseKind, Section, TaskKind, Text,
    TextRange, Title, items, line_len, meta, roles,
};
use crate::model::RefTarget;

mod brackets;
mod heading_tasks;
mod kinds;
mod mentions;

use brackets::{Bracket, dependency_bracket, dependency_brackets, without_bracket};

pub(super) use mentions::Ahead;

impl Builder<'_> {
    pub(super) fn end_heading(&mut self, r: TextRange) {
        let level = self.heading_level;
        // The heading's text buffer is borrowed, not copied, and handed
        // back for the next block at the end.
        let mut buffer = String::new();
        let slots_from = self.plan.placeholders.len();
        if let Some(mut b) = self.inline.take() {
            buffer = std::mem::take(&mut b.plain);
            self.scan_segments(&b);
            self.recycle(b);
        }
        let plain = buffer.trim();
        let start = r.start as usize;
        while let Some(&s) = self.open_sections.last() {
            if self.plan.sections[s].level < level {
                break;
            }
            self.plan.sections[s].range.end = r.start;
            self.open_sections.pop();
        }
        while let Some(p) = self.phases.last() {
            if p.level.is_none_or(|l| l < level) {
                break;
            }
            self.plan.phases[p.index].range.end = r.start;
            self.phases.pop();
        }
        self.close_heading_tasks(level, start);
        let heading = heading_range(self.src, r);
        // Not in a list item or a quote, where the section it opens would
        // reach past the item that holds it.
        let task_box = (self.items.is_empty() && self.quote_depth == 0)
            .then(|| heading_tasks::heading_box(self.src, heading, plain))
            .flatten();
        let plain = match task_box {
            Some(_) => heading_tasks::without_box(plain),
            None => plain,
        };
        let (number, title) = split_number(plain);
        let key = roles::normalize_heading(title);
        let role = roles::resolve_key(&key);
        // The words still say what the tasks right under the heading are,
        // the title's too (`# Launch Checklist`); a heading that says
        // nothing of them goes on with its section's kind.
        // `### Sprint 1 Risks` under `## Sprint 1: Backend` is a section
        // of that sprint, not a second Sprint 1 inside it; `### Phase 1
        // Success:` under `## Success Criteria` one about Phase 1.
        // A task's heading opens no phase (`## [ ] Phase 1: Setup`).
        let head = match task_box {
            Some(_) => None,
            None => items::heading_phase_head(number, title),
        };
        let mention = head
            .as_ref()
            .and_then(|h| self.phase_mention(h, title, start));
        if let Some((p, work)) = mention.and_then(mentions::PhaseMention::claim) {
            // The section this heading opens, pushed below.
            self.phase_mentions
                .push((self.plan.sections.len(), p, work));
        }
        let titles_plan = level == 1 && self.plan.title.is_none();
        let phase_head =
            head.filter(|h| mention.is_none() && !self.restates_open_phase(h, level, title));
        let phase_head = phase_head.filter(|h| !titles_plan || self.title_opens_phase(h, start));
        self.kind_hint = self.heading_kind(role, &key, title, plain, phase_head.is_some());
        // Boxes that check a phase is done are its criteria, where the
        // heading's words and section say nothing more of them.
        if mention.is_some_and(|m| m.says == mentions::Mention::Outcome)
            && self.kind_hint == TaskKind::Task
        {
            self.kind_hint = TaskKind::AcceptanceCriterion;
        }
        self.section_kinds.push(self.kind_hint);
        // Before its section opens: the task stands in the one around it.
        if let Some(b) = &task_box {
            self.open_heading_task(b, heading, level);
        }
        self.plan.sections.push(Section {
            level,
            number: number.map(Text::from),
            title: title.into(),
            key,
            // The title names the plan, not one of its sections: "Delivery
            // Plan: Export" is no phases section, nor "Tasks: Docker
            // Testing Environment" a testing one.
            role: role.filter(|_| !titles_plan),
            heading,
            range: TextRange::new(start, self.src.len()),
            parent: self.section(),
            has_content: false,
        });
        let index = self.plan.sections.len() - 1;
        self.open_sections.push(index);
        if titles_plan {
            self.plan.title = Some(make_title(self.src, heading, plain));
        }
        if let Some(head) = phase_head {
            // `### Phase 2` after `**Phase 1**` is its sibling, not a part;
            // so it is after `## Phase 1`, a heading level too deep: a
            // phase holds phases of other kinds (`### Step 1.1`) or its own
            // parts (`### Phase 1.1`, `### Phase 1a`), not the next phase.
            // A `#` phase (`# Phase 1`, then `# Phase 2`) holds the rest.
            while let Some(p) = self.phases.last()
                && p.item.is_none()
                && (p.bold || p.level.is_some_and(|l| l > 1 && l < level))
                && self.is_sibling(p.index, &head)
                && !is_part(&head.number, &self.plan.phases[p.index].number)
            {
                self.plan.phases[p.index].range.end = r.start;
                self.phases.pop();
            }
            let p = self.open_phase(head, heading, Some(level), None);
            let source = heading.slice(self.src);
            let brackets: Vec<Bracket> = dependency_brackets(source).collect();
            if let Some(k) = self.head_dependency(p, heading.start as usize, source, &brackets) {
                // The bracket is read as the phase's dependency, so the
                // title is the heading without it; the heading keeps its
                // whole range, and no edit writes the title back. The
                // title is plain text, the bracket found in the source:
                // markup (a link's target) adds no dependency brackets,
                // so the one read is the same from the end in both.
                let cut = dependency_brackets(title)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .nth(k)
                    .map(|b| without_bracket(title, b));
                if let Some(head) = cut.as_deref().and_then(items::phase_head) {
                    // A status the bracket hid: `Setup [DONE] (after Phase 0)`.
                    if head.status.is_some() && self.plan.phases[p].status.is_none() {
                        self.plan.phases[p].status = head.status;
                        self.plan.phases[p].status_range = Some(self.plan.phases[p].heading);
                        if let Some(open) = self.phases.last_mut() {
                            open.head_status = true;
                        }
                    }
                    self.plan.phases[p].title = head.title;
                }
            }
            self.drop_status_slots(p, slots_from);
        }
        buffer.clear();
        self.spare_plain = buffer;
    }

    /// Whether a heading at `level` names a phase already open around it,
    /// of the same kind and number: `### Sprint 1 Risks` under `## Sprint
    /// 1: Backend`. A plan titled as a phase (`# Phase 1: Migration`)
    /// still holds its own Phase 1.
    /// A separator after the number (`### Phase 2 - Part A: Backend`)
    /// heads a part of its own.
    fn restates_open_phase(&self, head: &items::PhaseHead, level: u8, title: &str) -> bool {
        let separated =
            mentions::after_number(title, &head.number).is_some_and(mentions::is_separated);
        !head.number.is_empty()
            && !separated
            && self.phases.iter().any(|p| {
                let open = &self.plan.phases[p.index];
                p.level.is_some_and(|l| l > 1 && l < level)
                    && open.kind == head.kind
                    && open.number == head.number
            })
    }

    /// A plan that writes its sections as `#` headings has no title
    /// heading: a first `#` that names a section and nothing else
    /// (`# Summary`, then `# Phases`) is that section, as a second `#`
    /// shows. One that names more (`# Delivery Plan: Export`) still
    /// titles the plan.
    pub(super) fn title_as_section(&mut self) {
        let mut level_one = self
            .plan
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.level == 1);
        let Some((first, title)) = level_one.next() else {
            return;
        };
        if level_one.next().is_none() || title.role.is_some() {
            return;
        }
        let role = roles::resolve_exact(&title.key);
        self.plan.sections[first].role = role;
        // Its tables were typed while it was still the title: a risk
        // register under `# Risks` is one by its section, as under `## Risks`.
        for table in &mut self.plan.tables {
            if table.section == Some(first) {
                table.kind = super::tables::table_kind(&table.header, role);
            }
        }
    }

    /// A bracket the head's status was read from (`Ship [COMPLETED]`) is
    /// no slot left to fill: the heading's slots from `from` on that hold
    /// just the status go.
    fn drop_status_slots(&mut self, p: usize, from: usize) {
        let Some(status) = self.plan.phases[p].status.as_deref() else {
            return;
        };
        let src = self.src;
        let is_status = |s: &crate::model::Placeholder| {
            let text = s.range.slice(src);
            text.get(1..text.len().saturating_sub(1)) == Some(status)
        };
        let slots = &mut self.plan.placeholders;
        if slots
            .get(from..)
            .is_some_and(|new| new.iter().any(is_status))
        {
            let mut heading = slots.split_off(from);
            heading.retain(|s| !is_status(s));
            slots.append(&mut heading);
        }
    }

    pub(super) fn open_phase(
        &mut self,
        head: items::PhaseHead,
        heading: TextRange,
        level: Option<u8>,
        item: Option<usize>,
    ) -> usize {
        let parent = self.phases.last().map(|p| p.index);
        let label = RefTarget::Phase {
            kind: head.kind,
            number: head.number.clone(),
        }
        .label();
        self.plan.phases.push(Phase {
            id: label,
            kind: head.kind,
            number: head.number,
            title: head.title,
            heading,
            range: TextRange::new(heading.start as usize, self.src.len()),
            parent,
            section: self.section(),
            priority: head.priority,
            estimate: head.estimate,
            goal: None,
            status_range: head.status.is_some().then_some(heading),
            status: head.status,
            depends_on: Vec::new(),
            depends_range: None,
            tasks: Vec::new(),
        });
        let index = self.plan.phases.len() - 1;
        if item.is_some() {
            self.item_phases.push(index);
        }
        let phase = &self.plan.phases[index];
        if super::refs::is_lettered_number(&phase.number) {
            self.lettered_phases
                .push((phase.kind, phase.number.clone()));
        }
        let head_status = self.plan.phases[index].status.is_some();
        self.phases.push(OpenPhase {
            index,
            level,
            bold: false,
            item,
            head_status,
        });
        index
    }

    /// Opens the phase of a `**Phase 2: Build**` paragraph at `line`. It
    /// closes the phase it follows as a sibling, with what opened inside
    /// that one, and takes its level: the outermost open phase of its kind
    /// it is no part of (`### Phase 1`, or `## Phase 1` under which
    /// `### Phase 1.1` is open), else the bold line's phase still open. So
    /// `**Phase 2**`, written under Phase 1's `### Tasks`, ends where
    /// Phase 1 would have, not at the next `### Tasks`. Without a sibling
    /// its level is its section's, and at least 2: under the `#` title a
    /// `##` heading is the next section, not a part of the phase.
    pub(super) fn open_bold_phase(&mut self, head: items::PhaseHead, line: TextRange) {
        let sibling = self
            .phases
            .iter()
            .position(|p| p.item.is_none() && self.is_sibling(p.index, &head))
            .or_else(|| self.phases.iter().rposition(|p| p.bold));
        let level = match sibling {
            Some(s) => self.phases[s].level.unwrap_or(0),
            // Under the title (or no heading at all) the plan's sections
            // are its `##` headings: those end the phase, as `## Risks`
            // after the phases does, and only deeper ones belong to it.
            None => self
                .section()
                .map_or(2, |s| self.plan.sections[s].level.max(2)),
        };
        if let Some(s) = sibling {
            for p in self.phases.drain(s..) {
                self.plan.phases[p.index].range.end = line.start;
            }
        }
        let p = self.open_phase(head, line, Some(level), None);
        if let Some(p) = self.phases.last_mut() {
            p.bold = true;
        }
        // Only a bracket that ends the line: other words after the bold
        // make the line a sentence, not a head (`is_only_bold`).
        self.bold_head_dependency(p, line, true);
    }

    /// The dependency that a bracket after the bold head on `line` states
    /// for phase `p`: `**Phase 2: Build** (depends on Phase 1)`, also in
    /// a list item (`- **Phase 2: Build** (after Phase 1) – the API`),
    /// where any bracket of the line counts, as in a heading; on a bold
    /// line only one that `ends_line`.
    pub(super) fn bold_head_dependency(&mut self, p: usize, line: TextRange, ends_line: bool) {
        let text = line.slice(self.src);
        let Some(after) = bold_end(text) else {
            return;
        };
        let text = &text[after..];
        let at = line.start as usize + after;
        let brackets: Vec<Bracket> = if ends_line {
            dependency_bracket(text).into_iter().collect()
        } else {
            dependency_brackets(text).collect()
        };
        if !brackets.is_empty() {
            self.head_dependency(p, at, text, &brackets);
        }
        if ends_line {
            return;
        }
        // `1. **Step 2 – Sync** (~1 week), depends on Step 1`: an estimate
        // bracket right after the bold, and a dependency said after it.
        if let Some(estimate) = items::leading_estimate(text) {
            self.plan.phases[p].estimate.get_or_insert(estimate);
        }
        if self.plan.phases[p].depends_on.is_empty() {
            let mut values = Vec::new();
            crate::parse::refs::mentions(text, |m| values.push(m.value));
            for (s, e) in values {
                let range = TextRange::new(at + s, at + e);
                // Said in passing after the head, not declared.
                self.phase_dependencies(p, &text[s..e], range, false);
            }
        }
    }

    /// Reads the dependency a bracket of a phase's head states (`(depends
    /// on Phase 1)`, see [`dependency_brackets`]) into phase `p`, whose
    /// head's text `text` starts at `at`: only when it names something
    /// other than the phase, and the phase's own field, later, does not
    /// replace it. The brackets are tried from the last: a heading that
    /// ends in one that names something reads that one, as it did when
    /// only the closing bracket was read. Which bracket was read, counted
    /// from the last.
    fn head_dependency(
        &mut self,
        p: usize,
        at: usize,
        text: &str,
        brackets: &[Bracket],
    ) -> Option<usize> {
        for (k, b) in brackets.iter().rev().enumerate() {
            let value = &text[b.start..b.end];
            let limit = self.src.len() + crate::parse::refs::MAX_EXPANDED;
            let mut budget = limit.saturating_sub(self.plan.range_ids);
            let before = budget;
            let mut refs = crate::parse::refs::references_within(value, at + b.start, &mut budget);
            self.plan.range_ids += before - budget;
            let phase = self.plan.phases.get_mut(p)?;
            super::blocks::keep_own(&mut refs, phase, b.declares);
            if refs.is_empty() {
                continue;
            }
            phase.depends_range = Some(TextRange::new(at + b.start, at + b.end));
            phase.depends_on = refs;
            return Some(k);
        }
        None
    }

    /// Whether a phase `head` opens is a sibling of the open phase `index`:
    /// of its kind, and not numbered as a part of it (`Phase 1.1` in
    /// `Phase 1`, or `Phase 1` again).
    fn is_sibling(&self, index: usize, head: &items::PhaseHead) -> bool {
        let open = &self.plan.phases[index];
        let part = head
            .number
            .strip_prefix(open.number.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'));
        open.kind == head.kind && !part
    }

    /// A plan with no `#` heading takes its title from its front matter's
    /// top-level `title:` (any case), as Jekyll, Hugo and `MkDocs` do, with
    /// the value's range as the title's and the field's line as its
    /// heading. A `#` heading wins when there is one: it is the title a
    /// reader of the Markdown (on GitHub, in an editor) sees, front matter
    /// being shown as a table if at all, and edits and lint already anchor
    /// on it. No `name:`: no plan in the corpus names itself so, and in
    /// agent and skill files `name:` is an identifier, not a title.
    pub(super) fn front_matter_title(&mut self) {
        if self.plan.title.is_some() {
            return;
        }
        let Some(field) = self.plan.metadata.iter().find(|f| {
            f.style == MetaStyle::FrontMatter && f.norm == "title" && !f.value.is_empty()
        }) else {
            return;
        };
        // A block scalar's text is on the lines below its `>` header.
        let mut words = field.value_range;
        if words.slice(self.src).starts_with(['|', '>'])
            && let Some(n) = words.slice(self.src).find('\n')
        {
            words = TextRange::new(words.start as usize + n + 1, words.end as usize);
        }
        let title = make_title(self.src, words, &field.value);
        self.plan.title = Some(Title {
            heading: field.range,
            ..title
        });
    }
}

pub(super) fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The heading's own text lines: the one line of an ATX heading, or every
/// content line of a setext heading (its `---`/`===` underline excluded).
pub(super) fn heading_range(src: &str, r: TextRange) -> TextRange {
    let start = r.start as usize;
    let text = r.slice(src);
    let text = text.trim_end_matches(['\n', '\r']);
    if text.trim_start_matches(' ').starts_with('#') {
        return TextRange::new(start, start + line_len(text));
    }
    // Setext: drop the underline, the last line.
    let content = memchr::memrchr(b'\n', text.as_bytes()).map_or(text, |n| &text[..n]);
    TextRange::new(start, start + content.trim_end_matches(['\n', '\r']).len())
}

/// `**Step 1 – Title**` or `**Phase 2: Build**` at the start of `text`.
pub(super) fn bold_phase(text: &str) -> Option<items::PhaseHead> {
    let inner = text.trim_start().strip_prefix("**")?;
    // Most bold openings name no phase (`**Owner**:`): its first word
    // says so before the closing `**` is searched for. The bold's text
    // opens as `inner` does, so what rules out one rules out the other.
    items::phase_word_start(inner)?;
    let close = meta::find_double_star(inner)?;
    let head = items::phase_head(&inner[..close])?;
    (head.kind == PhaseKind::Step
        || head.kind == PhaseKind::Phase
        || head.kind == PhaseKind::Milestone)
        .then_some(head)
}

/// Whether `text` is all bold (`**Phase 2: Build**`), or bold followed
/// only by the dependency it states (`**Phase 2: Build** (depends on
/// Phase 1)`): a paragraph that heads a phase, where other prose after
/// the bold makes it a sentence about one.
pub(super) fn is_only_bold(text: &str) -> bool {
    let t = text.trim();
    let all_bold = t.len() >= 4
        && t.starts_with("**")
        && t.ends_with("**")
        && meta::find_double_star(&t[2..t.len() - 2]).is_none();
    all_bold
        || bold_end(text).is_some_and(|after| {
            // Nothing but the bracket after the bold.
            dependency_bracket(text[after..].trim_start()).is_some_and(|b| b.open == 0)
        })
}

/// Where the bold that opens `text` (`**Phase 2: Build**`) ends, past its
/// closing `**`.
fn bold_end(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let inner = text[lead..].strip_prefix("**")?;
    let close = meta::find_double_star(inner)?;
    Some(lead + 2 + close + 2)
}

#[cfg(test)]
#[path = "headings_tests.rs"]
mod tests;

/// Whether phase number `number` numbers a part of phase `of`: `1.1` or
/// `1a` of `1`, not `10` nor `2`.
fn is_part(number: &str, of: &str) -> bool {
    number.strip_prefix(of).is_some_and(|rest| {
        rest.starts_with('.') || rest.starts_with(|c: char| c.is_ascii_alphabetic())
    })
}
