//! Headings: the section tree, titles, and phases or steps opened by a
//! heading (`### Phase 1: Setup`) or a bold line (`**Step 1 – Journal**`).

use super::{
    Builder, HeadingLevel, OpenPhase, Phase, PhaseKind, Role, Section, TaskKind, Text, TextRange,
    Title, items, line_len, meta, roles,
};

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
            let closes = match p.level {
                Some(l) => l >= level,
                None => p.item.is_none(),
            };
            if !closes {
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
            self.open_phase(head, heading, Some(level), None);
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
        let label = crate::model::RefTarget::Phase {
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
        self.phases.push(OpenPhase { index, level, item });
        index
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

pub(super) fn make_title(src: &str, heading: TextRange, plain: &str) -> Title {
    let mut text = plain.trim();
    for p in TITLE_PREFIXES {
        if text.len() >= p.len()
            && text.is_char_boundary(p.len())
            && text[..p.len()].eq_ignore_ascii_case(p)
        {
            text = text[p.len()..].trim_start();
            break;
        }
    }
    let lower = text.to_lowercase();
    for s in TITLE_SUFFIXES {
        if lower.ends_with(s) && lower.len() == text.len() {
            text = text[..text.len() - s.len()].trim_end();
            break;
        }
    }
    let source = heading.slice(src);
    let range = source
        .find(text)
        .filter(|_| !text.is_empty())
        .map_or(heading, |at| {
            TextRange::new(
                heading.start as usize + at,
                heading.start as usize + at + text.len(),
            )
        });
    Title {
        text: text.into(),
        range,
        heading,
    }
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

pub(super) fn is_only_bold(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 4
        && t.starts_with("**")
        && t.ends_with("**")
        && meta::find_double_star(&t[2..t.len() - 2]).is_none()
}

/// `key` is the normalised (lower-case) heading.
pub(super) fn kind_for_heading(role: Option<Role>, key: &str) -> TaskKind {
    match role {
        Some(Role::DefinitionOfDone) => TaskKind::DefinitionOfDone,
        Some(Role::Prerequisites) => TaskKind::Prerequisite,
        Some(Role::AcceptanceCriteria) => TaskKind::AcceptanceCriterion,
        Some(Role::Checklist) => TaskKind::Checklist,
        _ if key.contains("deliverable") => TaskKind::Deliverable,
        _ => TaskKind::Task,
    }
}
