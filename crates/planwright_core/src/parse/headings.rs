//! Headings: the section tree, titles, and phases or steps opened by a
//! heading (`### Phase 1: Setup`) or a bold line (`**Step 1 – Journal**`).

use super::{
    Builder, HeadingLevel, MetaStyle, OpenPhase, Phase, PhaseKind, Role, Section, TaskKind, Text,
    TextRange, Title, items, line_len, meta, roles,
};
use crate::model::RefTarget;

impl Builder<'_> {
    pub(super) fn end_heading(&mut self, r: TextRange) {
        let level = self.heading_level;
        // The heading's text buffer is borrowed, not copied, and handed
        // back for the next block at the end.
        let mut buffer = String::new();
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
        let (number, title) = split_number(plain);
        let key = roles::normalize_heading(title);
        let role = roles::resolve_key(&key);
        self.kind_hint = kind_for_heading(role, &key);
        let heading = heading_range(self.src, r);
        self.plan.sections.push(Section {
            level,
            number: number.map(Text::from),
            title: title.into(),
            key,
            role,
            heading,
            range: TextRange::new(start, self.src.len()),
            parent: self.section(),
            has_content: false,
        });
        let index = self.plan.sections.len() - 1;
        self.open_sections.push(index);
        if level == 1 && self.plan.title.is_none() {
            self.plan.title = Some(make_title(self.src, heading, plain));
        }
        if let Some(head) = items::phase_head(title) {
            // `### Phase 2` after `**Phase 1**` is its sibling, not a part.
            if let Some(p) = self.phases.last()
                && p.bold
                && self.is_sibling(p.index, &head)
            {
                self.plan.phases[p.index].range.end = r.start;
                self.phases.pop();
            }
            let p = self.open_phase(head, heading, Some(level), None);
            if self.head_dependency(p, heading.start as usize, heading.slice(self.src)) {
                // The bracket is read as the phase's dependency, so the
                // title is the name before it; the heading keeps its
                // whole range, and no edit writes the title back.
                let phase = &mut self.plan.phases[p];
                phase.title = title_before_dependency(&phase.title).into();
            }
        }
        buffer.clear();
        self.spare_plain = buffer;
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
            estimate: None,
            goal: None,
            status: None,
            depends_on: Vec::new(),
            depends_range: None,
            tasks: Vec::new(),
        });
        let index = self.plan.phases.len() - 1;
        if item.is_some() {
            self.item_phases.push(index);
        }
        self.phases.push(OpenPhase {
            index,
            level,
            bold: false,
            item,
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
        let text = line.slice(self.src);
        if let Some(after) = bold_end(text) {
            self.head_dependency(p, line.start as usize + after, &text[after..]);
        }
    }

    /// Reads the dependency a phase's head ends with (`(depends on Phase
    /// 1)`, see [`head_dependency`]) into phase `p`, whose head's text
    /// `text` starts at `at`: only when it names something, and the
    /// phase's own field, later, does not replace it. Whether it named
    /// something.
    fn head_dependency(&mut self, p: usize, at: usize, text: &str) -> bool {
        let Some((start, end)) = head_dependency(text) else {
            return false;
        };
        let value = &text[start..end];
        let limit = self.src.len() + crate::parse::refs::MAX_EXPANDED;
        let mut budget = limit.saturating_sub(self.plan.range_ids);
        let before = budget;
        let mut refs = crate::parse::refs::references_within(value, at + start, &mut budget);
        self.plan.range_ids += before - budget;
        let Some(phase) = self.plan.phases.get_mut(p) else {
            return false;
        };
        refs.retain(|r| match &r.target {
            RefTarget::Phase { kind, number } => {
                *kind != phase.kind || !number.eq_ignore_ascii_case(&phase.number)
            }
            RefTarget::Task(_) => true,
        });
        if refs.is_empty() {
            return false;
        }
        phase.depends_range = Some(TextRange::new(at + start, at + end));
        phase.depends_on = refs;
        true
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
            f.style == MetaStyle::FrontMatter
                && f.norm == "title"
                && !f.value.is_empty()
                // A block scalar's text is on the lines below (`title: >`).
                && !f.value.starts_with(['|', '>'])
        }) else {
            return;
        };
        let title = make_title(self.src, field.value_range, &field.value);
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

/// `7.1 Data Model` → (`7.1`, `Data Model`); `1. Summary` → (`1`, `Summary`).
pub(super) fn split_number(title: &str) -> (Option<&str>, &str) {
    let digits_end = title
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(title.len(), |(i, _)| i);
    let number = title[..digits_end].trim_end_matches('.');
    let rest = &title[digits_end..];
    if number.is_empty()
        || !number.starts_with(|c: char| c.is_ascii_digit())
        || !rest.starts_with([' ', '\t'])
    {
        return (None, title);
    }
    (Some(number), rest.trim_start())
}

pub(super) const TITLE_PREFIXES: &[&str] = &[
    "implementation plan:",
    "implementation plan -",
    "implementation plan –",
    "implementation plan —",
    "plan:",
    "tasks:",
    "feature:",
];

pub(super) const TITLE_SUFFIXES: &[&str] = &[
    "– implementation plan template",
    "- implementation plan template",
    "— implementation plan template",
    "– implementation plan",
    "- implementation plan",
    "— implementation plan",
];

/// The plan's title from its first level-1 heading, whose plain text is
/// `plain`: template words such as `Tasks:` removed. Its range runs from
/// the title's first character in the heading to its last, with the
/// emphasis or link markup around them (`**Bold** title` for the title
/// `Bold title`), so it slices to the title as written; the whole heading
/// where the text cannot be found in it.
pub(super) fn make_title(src: &str, heading: TextRange, plain: &str) -> Title {
    let mut start = plain.len() - plain.trim_start().len();
    let mut end = plain.trim_end().len().max(start);
    for p in TITLE_PREFIXES {
        let text = &plain[start..end];
        if text.len() >= p.len()
            && text.is_char_boundary(p.len())
            && text[..p.len()].eq_ignore_ascii_case(p)
        {
            let rest = &text[p.len()..];
            start += p.len() + (rest.len() - rest.trim_start().len());
            break;
        }
    }
    let text = &plain[start..end];
    let lower = text.to_lowercase();
    for s in TITLE_SUFFIXES {
        if lower.ends_with(s) && lower.len() == text.len() {
            end = start + text[..text.len() - s.len()].trim_end().len();
            break;
        }
    }
    let text = &plain[start..end];
    let range = title_span(heading.slice(src), plain, start, end).map_or(heading, |(s, e)| {
        TextRange::new(heading.start as usize + s, heading.start as usize + e)
    });
    Title {
        text: text.into(),
        range,
        heading,
    }
}

/// Where `plain[start..end]` stands in `source`, the heading it was read
/// from. Each character of `plain` is found in turn after the one before
/// (markup and escapes between them are skipped; white space
/// matches any white space, as a line break reads as a space), after the
/// `#` opening of an ATX heading. The span then takes in the emphasis
/// markup around it, and a link's `](target)` after it.
fn title_span(source: &str, plain: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if start >= end {
        return None;
    }
    let opening = source.len() - source.trim_start_matches(' ').len();
    let mut at = if source[opening..].starts_with('#') {
        let after = source[opening..].trim_start_matches('#');
        source.len() - after.trim_start_matches([' ', '\t']).len()
    } else {
        0
    };
    let (mut first, mut last) = (None, 0);
    for (i, c) in plain.char_indices().take_while(|&(i, _)| i < end) {
        let (found, len) = source[at..].char_indices().find_map(|(j, d)| {
            let same = d == c || (c.is_whitespace() && d.is_whitespace());
            same.then_some((at + j, d.len_utf8()))
        })?;
        at = found + len;
        if i >= start {
            first.get_or_insert(found);
            last = at;
        }
    }
    let first = first?;
    const MARKUP: &[char] = &['*', '_', '`', '~'];
    let opened = source[..first].trim_end_matches(MARKUP);
    let opened = opened.strip_suffix('[').unwrap_or(opened);
    let mut last = source.len() - source[last..].trim_start_matches(MARKUP).len();
    if source[last..].starts_with("](")
        && let Some(close) = source[last..].find(')')
    {
        last += close + 1;
        last = source.len() - source[last..].trim_start_matches(MARKUP).len();
    }
    Some((opened.len(), last))
}

/// `**Step 1 – Title**` or `**Phase 2: Build**` at the start of `text`.
pub(super) fn bold_phase(text: &str) -> Option<items::PhaseHead> {
    let inner = text.trim_start().strip_prefix("**")?;
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
            dependency_bracket(text[after..].trim_start()).is_some_and(|(open, _, _)| open == 0)
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

/// The words that open a phase head's dependency bracket, lower case,
/// longest first.
const DEPENDENCY_VERBS: [&str; 7] = [
    "depends upon",
    "depends on",
    "depend on",
    "blocked by",
    "requires",
    "needs",
    "after",
];

/// The dependency a phase's head ends with: a bracket at its very end
/// that opens with a dependency verb (`Build (depends on Phase 1)`,
/// `(after Phase 2)`). The range in `text` of what the verb names.
pub(super) fn head_dependency(text: &str) -> Option<(usize, usize)> {
    dependency_bracket(text).map(|(_, start, end)| (start, end))
}

/// A phase title without the dependency bracket it ends with (`Build
/// (depends on Phase 1)` → `Build`), nor the dash or colon left before it.
fn title_before_dependency(title: &str) -> &str {
    match dependency_bracket(title) {
        Some((open, _, _)) => title[..open]
            .trim_end()
            .trim_end_matches([':', '-', '–', '—'])
            .trim_end(),
        None => title,
    }
}

/// [`head_dependency`], with where its bracket opens.
fn dependency_bracket(text: &str) -> Option<(usize, usize, usize)> {
    let t = text.trim_end();
    let inner_end = t.strip_suffix(')')?.len();
    let open = t[..inner_end].rfind('(')?;
    let inner = &t[open + 1..inner_end];
    if inner.contains(')') {
        return None;
    }
    let lead = inner.len() - inner.trim_start().len();
    let verb = DEPENDENCY_VERBS.iter().find(|v| {
        inner[lead..]
            .get(..v.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(v))
            && inner[lead + v.len()..].starts_with(char::is_whitespace)
    })?;
    let value = &inner[lead + verb.len()..];
    let start = open + 1 + lead + verb.len() + (value.len() - value.trim_start().len());
    let end = open + 1 + lead + verb.len() + value.trim_end().len();
    (start < end).then_some((open, start, end))
}

/// `key` is the normalised (lower-case) heading.
pub(super) fn kind_for_heading(role: Option<Role>, key: &str) -> TaskKind {
    match role {
        Some(Role::DefinitionOfDone) => TaskKind::DefinitionOfDone,
        Some(Role::Prerequisites) => TaskKind::Prerequisite,
        Some(Role::AcceptanceCriteria) => TaskKind::AcceptanceCriterion,
        Some(Role::Checklist) => TaskKind::Checklist,
        _ if key.contains("deliverable") => TaskKind::Deliverable,
        // Outcomes to check, not work to start: `next` must not offer
        // "All tests pass" from a Success Criteria list.
        None | Some(Role::Goals)
            if [
                "success criteria",
                "exit criteria",
                "success metrics",
                "metrics",
                "outcomes",
            ]
            .iter()
            .any(|k| key.contains(k)) =>
        {
            TaskKind::AcceptanceCriterion
        }
        _ => TaskKind::Task,
    }
}

#[cfg(test)]
#[path = "headings_tests.rs"]
mod tests;
