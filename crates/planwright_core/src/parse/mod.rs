//! The one-pass reader: pulldown-cmark's offset iterator in, [`Plan`] out.
//!
//! The builder keeps small stacks (open sections, phases, list items) and
//! finishes each inline block (paragraph, heading, cell, item text) as soon as
//! it closes, so the source is walked once. The only other reads of the
//! source are local: the line of a task or field that just closed. Nothing
//! here recurses on input depth, and every slice goes through checked
//! `get`, so no input can panic the reader.

mod inline;
mod items;
mod meta;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::dialect::DialectSet;
use crate::model::{
    Block, BlockKind, Cell, LineEnding, Link, List, MetaField, MetaStyle, Phase, PhaseKind,
    Placeholder, PlaceholderKind, Plan, Row, Section, Table, TableKind, Task, TaskKind, TaskLink,
    TaskState, Title, normalize_key,
};
use crate::roles::{self, Role};
use crate::text::TextRange;

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
    if let Some(dialect) = options.dialects.get(&plan.dialect.name) {
        template_text(source, &mut plan, dialect);
    }
    plan
}

/// The model without dialect detection; used for templates themselves.
pub(crate) fn parse_plain(source: &str) -> Plan {
    let bom = source.starts_with('\u{feff}');
    let base = if bom { 3 } else { 0 };
    let mut b = Builder::new(source, base);
    b.plan.bom = bom;
    b.plan.line_ending = match source.find('\n') {
        Some(n) if n > 0 && source.as_bytes()[n - 1] == b'\r' => LineEnding::CrLf,
        _ => LineEnding::Lf,
    };
    let body = &source[base..];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let r = TextRange::new(range.start + base, range.end + base);
        b.event(&event, r);
    }
    b.finish()
}

/// Blocks still worded exactly as the template's instructions.
fn template_text(source: &str, plan: &mut Plan, dialect: &crate::Dialect) {
    let instructions = dialect.instruction_text();
    if instructions.is_empty() {
        return;
    }
    let mut found = false;
    for block in &plan.blocks {
        let text = block.range.slice(source);
        let first = text
            .split_whitespace()
            .map(|w| w.trim_matches(|c| c == '*' || c == '_'))
            .find(|w| !w.is_empty())
            .unwrap_or_default();
        if !dialect.may_be_instruction(first)
            || plan
                .metadata
                .iter()
                .any(|m| block.range.contains_range(m.range))
            || !instructions.contains(&crate::dialect::normalize_text(text))
        {
            continue;
        }
        found = true;
        plan.placeholders.push(Placeholder {
            kind: PlaceholderKind::TemplateText,
            text: text.to_owned(),
            name: None,
            range: block.range,
            in_metadata: false,
        });
    }
    if found {
        plan.placeholders
            .sort_by_key(|p| (p.range.start, p.range.end));
    }
}

struct OpenPhase {
    index: usize,
    /// Closed by a heading of this level or higher; `None` for phases opened
    /// by a list item (closed with the item) or a bold paragraph (closed by
    /// any heading).
    level: Option<u8>,
    item: Option<usize>,
}

struct OpenItem {
    start: usize,
    task: Option<usize>,
    /// Where the task's description starts, after its box, id and markers.
    text_at: usize,
    /// The phase (step) this item opened, if its text was `**Step 1 – …**`.
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
    lists: Vec<usize>,
    inline: Option<InlineBlock>,
    spare_segments: Vec<(usize, usize)>,
    spare_plain: String,
    scratch_ranges: Vec<(usize, usize)>,
    link_depth: usize,
    code: Option<(TextRange, Option<(usize, usize)>)>,
    metadata_block: Option<Option<(usize, usize)>>,
    table: Option<TableBuilder>,
    heading_level: u8,
    /// What check boxes here are: set by headings and `**Deliverables:**`.
    kind_hint: TaskKind,
}

impl<'s> Builder<'s> {
    fn new(src: &'s str, base: usize) -> Self {
        let _ = base;
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
            inline: None,
            spare_segments: Vec::new(),
            spare_plain: String::new(),
            scratch_ranges: Vec::new(),
            link_depth: 0,
            code: None,
            metadata_block: None,
            table: None,
            heading_level: 0,
            kind_hint: TaskKind::Task,
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
            Event::Start(tag) => self.start(tag, r),
            Event::End(tag) => self.end(*tag, r),
            Event::Text(_) => self.text(r),
            Event::Code(_) => self.code_span(r),
            Event::Html(_) | Event::InlineHtml(_) => self.html(r),
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = &mut self.inline {
                    b.plain.push(' ');
                    b.end = r.end as usize;
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
                    markers: Vec::new(),
                });
                self.lists.push(self.plan.lists.len() - 1);
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
            Tag::Strong | Tag::Emphasis | Tag::Strikethrough => self.touch_inline(r),
            Tag::Link { dest_url, .. } => {
                self.touch_inline(r);
                self.link_depth += 1;
                self.plan.links.push(Link {
                    dest: dest_url.to_string(),
                    range: r,
                });
            }
            Tag::Image { .. } => self.link_depth += 1,
            Tag::MetadataBlock(_) => self.metadata_block = Some(None),
            _ => {}
        }
    }

    #[inline(never)]
    fn end(&mut self, tag: TagEnd, r: TextRange) {
        match tag {
            TagEnd::Heading(_) => self.end_heading(r),
            TagEnd::Paragraph => self.finish_inline(),
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Item => self.end_item(r),
            TagEnd::CodeBlock => self.end_code_block(),
            TagEnd::Link | TagEnd::Image => self.link_depth = self.link_depth.saturating_sub(1),
            TagEnd::TableCell => self.end_cell(r),
            TagEnd::TableHead | TagEnd::TableRow => self.end_row(r, tag == TagEnd::TableHead),
            TagEnd::Table => self.end_table(),
            TagEnd::MetadataBlock(_) => self.end_front_matter(r),
            _ => {}
        }
    }

    fn begin_inline(&mut self, kind: InlineKind) {
        self.inline = Some(InlineBlock {
            kind,
            start: None,
            end: 0,
            segments: std::mem::take(&mut self.spare_segments),
            plain: std::mem::take(&mut self.spare_plain),
        });
    }

    /// Inline markup that opens before any text still starts the block.
    fn touch_inline(&mut self, r: TextRange) {
        if let Some(b) = &mut self.inline {
            b.start.get_or_insert(r.start as usize);
            b.end = b.end.max(r.end as usize);
        }
    }

    fn text(&mut self, r: TextRange) {
        if let Some((_, content)) = &mut self.code {
            let (s, e) = content.get_or_insert((r.start as usize, r.end as usize));
            *s = (*s).min(r.start as usize);
            *e = (*e).max(r.end as usize);
            return;
        }
        if let Some(content) = &mut self.metadata_block {
            let (s, e) = content.get_or_insert((r.start as usize, r.end as usize));
            *e = (*e).max(r.end as usize);
            *s = (*s).min(r.start as usize);
            return;
        }
        let (start, end) = (r.start as usize, r.end as usize);
        let text = self.slice(start, end);
        let outside_link = self.link_depth == 0;
        let Some(b) = &mut self.inline else { return };
        b.start.get_or_insert(start);
        b.end = b.end.max(end);
        if matches!(b.kind, InlineKind::Heading | InlineKind::Cell) {
            b.plain.push_str(text);
        }
        if outside_link {
            match b.segments.last_mut() {
                Some(last) if last.1 == start => last.1 = end,
                _ => b.segments.push((start, end)),
            }
        }
    }

    fn code_span(&mut self, r: TextRange) {
        let raw = r.slice(self.src);
        let ticks = raw.len() - raw.trim_start_matches('`').len();
        let inner_start = r.start as usize + ticks;
        let inner_end = (r.end as usize).saturating_sub(ticks).max(inner_start);
        let inner = self.slice(inner_start, inner_end);
        inline::scan_code(inner, inner_start, &mut self.plan.placeholders);
        if let Some(b) = &mut self.inline {
            b.start.get_or_insert(r.start as usize);
            b.end = b.end.max(r.end as usize);
            b.plain.push_str(inner.trim());
        }
    }

    fn html(&mut self, r: TextRange) {
        let text = r.slice(self.src);
        let mut from = 0;
        let mut only_comments = true;
        while let Some(open) = text[from..].find("<!--") {
            let open = from + open;
            if !text[from..open].trim().is_empty() {
                only_comments = false;
            }
            let Some(close) = text[open + 4..].find("-->") else {
                break;
            };
            let end = open + 4 + close + 3;
            let abs = r.start as usize + open;
            self.plan
                .comments
                .push(TextRange::new(abs, r.start as usize + end));
            if let Some(f) = meta::comment_field(&text[open..end]) {
                self.push_field(&f, abs, false);
            }
            from = end;
        }
        if !text[from..].trim().is_empty() {
            only_comments = false;
        }
        if only_comments {
            return;
        }
        if let Some(b) = &mut self.inline {
            b.start.get_or_insert(r.start as usize);
            b.end = b.end.max(r.end as usize);
            // `<Name>` reads as HTML to CommonMark; check it as a slot.
            let before_ok = self.src[..r.start as usize]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if before_ok && !text.starts_with("</") {
                inline::scan_text(text, r.start as usize, &mut self.plan.placeholders);
            }
        } else {
            self.mark_content();
        }
    }

    fn end_heading(&mut self, r: TextRange) {
        let level = self.heading_level;
        let block = self.inline.take();
        let plain = block
            .as_ref()
            .map(|b| b.plain.trim().to_owned())
            .unwrap_or_default();
        if let Some(b) = block {
            self.scan_segments(&b);
            self.recycle(b);
        }
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
        let (number, title) = split_number(&plain);
        let key = roles::normalize_heading(title);
        let role = roles::resolve_key(&key);
        self.kind_hint = kind_for_heading(role, &key);
        let heading = heading_range(self.src, r);
        self.plan.sections.push(Section {
            level,
            number: number.map(str::to_owned),
            title: title.to_owned(),
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
            self.plan.title = Some(make_title(self.src, heading, &plain));
        }
        if let Some(head) = items::phase_head(title) {
            self.open_phase(head, heading, Some(level), None);
        }
    }

    fn open_phase(
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

    fn start_item(&mut self, r: TextRange) {
        self.finish_item_text();
        let start = r.start as usize;
        let line = self.slice(start, self.src.len());
        let line = &line[..line_len(line)];
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let marker_len = items::list_marker_len(&line[indent..]);
        if let Some(&l) = self.lists.last() {
            self.plan.lists[l]
                .markers
                .push(TextRange::new(start + indent, start + indent + marker_len));
        }
        let after_marker = start + indent + marker_len;
        let rest = self.slice(after_marker, start + line.len());
        let mut task = None;
        let mut phase = None;
        let mut text_at = after_marker;
        if let Some((offset, mark)) = items::check_box(rest) {
            let (index, at) = self.new_task(start, after_marker + offset, mark, line.len());
            task = Some(index);
            text_at = at;
        } else if let Some(head) = bold_phase(rest) {
            let index = self.open_phase(
                head,
                TextRange::new(start, start + line.len()),
                None,
                Some(self.items.len()),
            );
            phase = Some(index);
        }
        self.items.push(OpenItem {
            start,
            task,
            text_at,
            phase,
        });
        self.begin_inline(InlineKind::ItemText);
    }

    /// Records a task; returns its index and where its description starts.
    fn new_task(
        &mut self,
        item_start: usize,
        check: usize,
        mark: char,
        line_len: usize,
    ) -> (usize, usize) {
        let index = self.plan.tasks.len();
        let head_start = check + 3;
        let line_end = item_start + line_len;
        let head_text = self.slice(head_start, line_end);
        let head = items::task_head(head_text);
        let (id, id_range) = match head.id {
            Some((s, e)) => (
                items::clean_id(&head_text[s..e]),
                Some(TextRange::new(head_start + s, head_start + e)),
            ),
            None => (format!("#{}", index + 1), None),
        };
        let text = head_text.get(head.text_start..).unwrap_or_default().trim();
        let owner = owner_of(text);
        let parent = self.items.iter().rev().find_map(|i| i.task);
        let phase = self.phases.last().map(|p| p.index);
        let mut p = phase;
        while let Some(i) = p {
            self.plan.phases[i].tasks.push(index);
            p = self.plan.phases[i].parent;
        }
        let kind = match parent {
            Some(pt) if self.kind_hint == TaskKind::Task => self.plan.tasks[pt].kind,
            _ => self.kind_hint,
        };
        self.plan.tasks.push(Task {
            id,
            explicit_id: head.id.is_some(),
            id_range,
            text: strip_emphasis(text).to_owned(),
            state: match mark {
                'x' | 'X' => TaskState::Done,
                '-' | '~' => TaskState::InProgress,
                _ => TaskState::Open,
            },
            check_range: TextRange::new(check, check + 3),
            mark,
            range: TextRange::new(item_start, line_end),
            line: TextRange::new(item_start, line_end),
            markers: head.markers,
            parallel: head.parallel,
            requirements: Vec::new(),
            depends_on: Vec::new(),
            owner,
            phase,
            section: self.section(),
            parent,
            kind,
        });
        (index, head_start + head.text_start)
    }

    fn end_item(&mut self, r: TextRange) {
        self.finish_item_text();
        let Some(item) = self.items.pop() else { return };
        let end = trim_trailing_newlines(self.src, item.start, r.end as usize);
        if let Some(t) = item.task {
            self.plan.tasks[t].range = TextRange::new(item.start, end);
            self.task_details(t);
        }
        if let Some(p) = item.phase {
            self.plan.phases[p].range.end = end as u32;
            if let Some(pos) = self.phases.iter().rposition(|o| o.index == p) {
                self.phases.truncate(pos);
            }
        }
    }

    /// Requirements, dependencies and owner written in the item's own lines
    /// (not in nested check boxes).
    fn task_details(&mut self, t: usize) {
        let task = &self.plan.tasks[t];
        let range = task.range;
        // The item's own text is what lies outside its nested check boxes
        // (which come right after it); scanning only that keeps deep
        // nesting linear. The segments go in a reused buffer.
        let base = range.start as usize;
        let mut own = std::mem::take(&mut self.scratch_ranges);
        own.clear();
        let mut cursor = base;
        for child in self.plan.tasks[t + 1..]
            .iter()
            .take_while(|c| range.contains_range(c.range))
        {
            if child.range.start as usize > cursor {
                own.push((cursor - base, child.range.start as usize - base));
            }
            cursor = cursor.max(child.range.end as usize);
        }
        own.push((cursor - base, (range.end as usize).max(cursor) - base));
        let text = range.slice(self.src);
        let mut requirements = Vec::new();
        let mut depends = Vec::new();
        let mut owner = None;
        let first_line_end = memchr::memchr(b'\n', text.as_bytes()).unwrap_or(text.len());
        // A case-insensitive automaton over the original text: offsets stay
        // offsets into the source (a lower-cased copy may differ in length).
        let (keys, key_of) = detail_keys();
        let found_keys = own.iter().flat_map(|&(s, e)| {
            keys.find_iter(&text[s..e])
                .map(move |m| (m.start() + s, m.end() + s, key_of[m.pattern().as_usize()]))
        });
        for (at, end, pattern) in found_keys {
            let abs = base + at;
            let line_end =
                memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |n| at + n);
            let value = text[end..line_end].trim_end_matches('\r');
            match DETAIL_KEYS[pattern] {
                "requirements:" | "requirement:" | "_需求" | "_要件" => {
                    let value = value.trim_start_matches([':', '：', ' ']);
                    requirements.extend(
                        value
                            .split([',', '、', '，'])
                            .map(|v| v.trim().trim_matches(['_', '*', ' ', '.']).to_owned())
                            .filter(|v| !v.is_empty() && v.len() <= 24),
                    );
                }
                "owner:" => {
                    let v = value.trim().trim_matches(['*', '_', ' ']);
                    if owner.is_none() && at >= first_line_end && !v.is_empty() {
                        owner = Some(v.to_owned());
                    }
                }
                _ => {
                    let line = &text[at..line_end];
                    for r in references(line, abs) {
                        if let crate::model::RefTarget::Task(id) = r.target
                            && !depends.contains(&id)
                        {
                            depends.push(id);
                        }
                    }
                }
            }
        }
        self.scratch_ranges = own;
        let task = &mut self.plan.tasks[t];
        task.requirements = requirements;
        task.depends_on = depends;
        if task.owner.is_none() {
            task.owner = owner;
        }
    }

    fn finish_item_text(&mut self) {
        if self
            .inline
            .as_ref()
            .is_some_and(|b| b.kind == InlineKind::ItemText)
        {
            self.finish_inline();
        }
    }

    fn finish_inline(&mut self) {
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
        let first = self.plan.placeholders.len();
        self.scan_segments(&block);
        let block_kind = block.kind;
        self.recycle(block);
        let in_task = self.items.last().and_then(|i| i.task);
        if let Some(t) = in_task.filter(|_| block_kind == InlineKind::ItemText) {
            // Markers such as `[HIER]` before the task text are not slots.
            let check_end = self.plan.tasks[t].check_range.end as usize;
            let text_at = self.items.last().map_or(check_end, |i| i.text_at);
            let mut kept = first;
            for i in first..self.plan.placeholders.len() {
                let at = self.plan.placeholders[i].range.start as usize;
                if !(check_end..text_at).contains(&at) {
                    self.plan.placeholders.swap(kept, i);
                    kept += 1;
                }
            }
            self.plan.placeholders.truncate(kept);
        }
        self.fields_in_block(start, end, block_kind);
        let kind = match block_kind {
            InlineKind::ItemText => BlockKind::ListItem,
            _ => BlockKind::Paragraph,
        };
        let range = TextRange::new(start, end).trim(self.src);
        if in_task.is_none() || block_kind != InlineKind::ItemText {
            self.plan.blocks.push(Block {
                kind,
                range,
                section: self.section(),
            });
        }
        let text = range.slice(self.src);
        if has_arrow(text) {
            self.task_links(text, range.start as usize);
        }
        if block_kind == InlineKind::Paragraph
            && self.items.is_empty()
            && let Some(head) = bold_phase(text).filter(|_| is_only_bold(text))
        {
            // A `**Phase 2: Build**` line opens a phase until the next
            // heading or the next such line.
            while let Some(p) = self.phases.last() {
                if p.level.is_some() {
                    break;
                }
                self.plan.phases[p.index].range.end = range.start;
                self.phases.pop();
            }
            self.open_phase(head, range, None, None);
        }
    }

    /// Keeps a finished block's buffers for the next one: blocks are many
    /// and short, and allocating two buffers for each showed in profiles.
    fn recycle(&mut self, mut block: InlineBlock) {
        block.segments.clear();
        block.plain.clear();
        self.spare_segments = block.segments;
        self.spare_plain = block.plain;
    }

    fn scan_segments(&mut self, block: &InlineBlock) {
        for &(s, e) in &block.segments {
            inline::scan_text(self.slice(s, e), s, &mut self.plan.placeholders);
        }
    }

    fn task_links(&mut self, text: &str, base: usize) {
        for (from, to, range) in items::task_chain(text, base) {
            self.plan.task_links.push(TaskLink { from, to, range });
        }
    }

    /// Bold `Key: value` lines in a paragraph or item text, and plain
    /// `Key: value` items inside a step opened by a list item.
    fn fields_in_block(&mut self, start: usize, end: usize, kind: InlineKind) {
        let line_start = line_start_before(self.src, start);
        let text = self.slice(line_start, end);
        let in_list = kind == InlineKind::ItemText || !self.items.is_empty();
        let in_item_step = self.phases.last().is_some_and(|p| {
            p.item.is_some()
                && p.item
                    .is_some_and(|i| i < self.items.len().saturating_sub(1))
        });
        // Most blocks hold no field at all; a bold one needs `**`.
        let plain_possible = in_item_step && kind == InlineKind::ItemText;
        if !plain_possible && meta::find_double_star(text).is_none() {
            return;
        }
        for (offset, line) in items::LineOffsets::new(text) {
            let abs = line_start + offset;
            let body_at = line_body_start(line);
            let body = &line[body_at..];
            let fields = meta::bold_fields(body);
            if !fields.is_empty() {
                for f in &fields {
                    self.push_field(f, abs + body_at, in_list);
                }
            } else if in_item_step
                && kind == InlineKind::ItemText
                && let Some(f) = meta::plain_field(body)
            {
                self.push_field(&f, abs + body_at, in_list);
            }
        }
    }

    fn push_field(&mut self, f: &meta::RawField, base: usize, in_list: bool) {
        let (key_range, value_range, range) = f.ranges(base);
        let key = key_range.slice(self.src).trim().to_owned();
        let value = value_range.slice(self.src).to_owned();
        let phase = if f.style == MetaStyle::Comment {
            None
        } else {
            self.phases.last().map(|p| p.index)
        };
        let norm = normalize_key(&key);
        if value.is_empty()
            && f.style != MetaStyle::Comment
            && let Some(hint) = kind_for_label(&norm)
        {
            self.kind_hint = hint;
        }
        if let Some(p) = phase {
            self.phase_field(p, &norm, &value, value_range);
        }
        if let Some(choice) = inline::scan_choice(&value, value_range.start as usize)
            && !self
                .plan
                .placeholders
                .iter()
                .any(|p| p.range.contains_range(choice.range))
        {
            self.plan.placeholders.push(choice);
        }
        for p in self.plan.placeholders.iter_mut().rev() {
            if p.range.start < value_range.start {
                break;
            }
            if value_range.contains_range(p.range) {
                p.in_metadata = true;
            }
        }
        self.plan.metadata.push(MetaField {
            key,
            norm: norm.clone(),
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
        });
    }

    fn phase_field(&mut self, p: usize, key: &str, value: &str, range: TextRange) {
        let phase = &mut self.plan.phases[p];
        match key {
            "timeline" | "estimated_time" | "estimate" | "duration" | "effort"
            | "time_estimate" => {
                phase.estimate.get_or_insert_with(|| value.to_owned());
            }
            "goal" | "objective" | "purpose" => {
                phase.goal.get_or_insert_with(|| value.to_owned());
            }
            "priority" => {
                phase.priority.get_or_insert_with(|| value.to_owned());
            }
            "status" => {
                phase.status.get_or_insert_with(|| value.to_owned());
            }
            "dependencies" | "depends_on" | "dependency" | "prerequisites" | "blocked_by"
                if phase.depends_range.is_none() =>
            {
                phase.depends_on = references(value, range.start as usize);
                phase.depends_range = Some(range);
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
        }
    }

    fn end_cell(&mut self, r: TextRange) {
        let Some(block) = self.inline.take() else {
            return;
        };
        self.scan_segments(&block);
        let mut range = r.trim(self.src);
        let raw = range.slice(self.src);
        if raw.ends_with('|') && !raw.ends_with("\\|") {
            range = TextRange::new(range.start as usize, range.end as usize - 1).trim(self.src);
        }
        if raw.starts_with('|') {
            range = TextRange::new(range.start as usize + 1, range.end as usize).trim(self.src);
        }
        let text = block.plain.trim().to_owned();
        self.recycle(block);
        if let Some(choice) = inline::scan_choice(range.slice(self.src), range.start as usize)
            && !self
                .plan
                .placeholders
                .iter()
                .any(|p| p.range.contains_range(choice.range))
        {
            self.plan.placeholders.push(choice);
        }
        if let Some(t) = &mut self.table {
            t.current.push(Cell { text, range });
        }
    }

    fn end_row(&mut self, r: TextRange, head: bool) {
        let line_start = line_start_before(self.src, r.start as usize);
        let line = self.slice(line_start, self.src.len());
        let line = &line[..line_len(line)];
        let width = count_cells(line);
        let Some(t) = &mut self.table else { return };
        let row = Row {
            cells: std::mem::take(&mut t.current),
            range: TextRange::new(line_start, line_start + line.len()),
        };
        if head {
            t.header = Some(row);
        } else {
            t.rows.push(row);
            t.widths.push(width);
        }
    }

    fn end_table(&mut self) {
        let Some(t) = self.table.take() else { return };
        let header = t.header.unwrap_or(Row {
            cells: Vec::new(),
            range: t.range,
        });
        let section_role = self.section().and_then(|s| self.plan.sections[s].role);
        let kind = table_kind(&header, section_role);
        let range = TextRange::new(
            t.range.start as usize,
            trim_trailing_newlines(self.src, t.range.start as usize, t.range.end as usize),
        );
        self.plan.tables.push(Table {
            kind,
            header,
            rows: t.rows,
            range,
            section: self.section(),
            written_widths: t.widths,
        });
    }

    fn end_front_matter(&mut self, r: TextRange) {
        let content = self.metadata_block.take().flatten();
        self.plan.front_matter = Some(r);
        if let Some((s, e)) = content {
            let yaml = self.slice(s, e);
            for f in meta::front_matter_fields(yaml) {
                self.push_field(&f, s, false);
            }
        }
    }

    fn finish(mut self) -> Plan {
        self.finish_inline();
        let len = self.src.len() as u32;
        for s in self.open_sections.drain(..) {
            self.plan.sections[s].range.end = len;
        }
        // Explicit `T005 → T006` chains land on the tasks they name.
        for link in &self.plan.task_links {
            if let Some(t) = self.plan.tasks.iter_mut().find(|t| t.id == link.to)
                && !t.depends_on.contains(&link.from)
            {
                t.depends_on.push(link.from.clone());
            }
        }
        self.plan
            .placeholders
            .sort_by_key(|p| (p.range.start, p.range.end));
        self.plan
            .placeholders
            .dedup_by(|a, b| b.range.contains_range(a.range));
        self.plan
    }
}

/// What `task_details` looks for in a task item's own lines.
const DETAIL_KEYS: [&str; 9] = [
    "requirements:",
    "requirement:",
    "_需求",
    "_要件",
    "depends on",
    "dependencies:",
    "blocked by",
    "after ",
    "owner:",
];

/// The automaton over [`DETAIL_KEYS`] in their lower, Capitalised, Title
/// and UPPER case forms, with the key index of each pattern. Spelling the
/// cases out (rather than asking for ASCII case-insensitivity) keeps
/// aho-corasick's SIMD prefilter, which case-insensitive search gives up.
fn detail_keys() -> &'static (aho_corasick::AhoCorasick, Vec<usize>) {
    static KEYS: std::sync::OnceLock<(aho_corasick::AhoCorasick, Vec<usize>)> =
        std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut patterns: Vec<String> = Vec::new();
        let mut owner = Vec::new();
        for (k, key) in DETAIL_KEYS.iter().enumerate() {
            let capitalised = capitalise(key);
            let title: Vec<String> = key.split(' ').map(capitalise).collect();
            for form in [
                (*key).to_owned(),
                capitalised,
                title.join(" "),
                key.to_uppercase(),
            ] {
                if !patterns.contains(&form) {
                    patterns.push(form);
                    owner.push(k);
                }
            }
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("fixed patterns build");
        (automaton, owner)
    })
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Whether `text` may hold a `T005 → T006` chain; a byte search, since it
/// runs on every block.
fn has_arrow(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'>', 0xE2, b).any(|i| {
        (b[i] == b'>' && i > 0 && matches!(b[i - 1], b'-' | b'='))
            || matches!(b.get(i + 1..i + 3), Some([0x86, 0x92] | [0x9F, 0xB6]))
    })
}

fn heading_level(level: HeadingLevel) -> u8 {
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
fn heading_range(src: &str, r: TextRange) -> TextRange {
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

/// Offset of the start of the line holding byte `at`.
/// A byte-order mark is not part of the first line.
fn line_start_before(src: &str, at: usize) -> usize {
    let bom = if src.starts_with('\u{feff}') { 3 } else { 0 };
    memchr::memrchr(b'\n', &src.as_bytes()[..at]).map_or(bom.min(at), |n| n + 1)
}

/// Length of the first line of `s`, without its line ending.
fn line_len(s: &str) -> usize {
    let n = memchr::memchr(b'\n', s.as_bytes()).unwrap_or(s.len());
    if s[..n].ends_with('\r') { n - 1 } else { n }
}

fn trim_trailing_newlines(src: &str, start: usize, end: usize) -> usize {
    let s = src.get(start..end).unwrap_or_default();
    start + s.trim_end_matches(['\n', '\r']).len()
}

/// Where a line's content starts after indentation, `>` and a list marker.
fn line_body_start(line: &str) -> usize {
    let mut i = 0;
    let b = line.as_bytes();
    loop {
        while b.get(i).is_some_and(|c| *c == b' ' || *c == b'\t') {
            i += 1;
        }
        if b.get(i) == Some(&b'>') {
            i += 1;
            continue;
        }
        break;
    }
    let m = items::list_marker_len(&line[i..]);
    if m > 0 && b.get(i + m).is_some_and(|c| *c == b' ' || *c == b'\t') {
        i += m;
        while b.get(i).is_some_and(|c| *c == b' ' || *c == b'\t') {
            i += 1;
        }
    }
    i
}

/// `7.1 Data Model` → (`7.1`, `Data Model`); `1. Summary` → (`1`, `Summary`).
fn split_number(title: &str) -> (Option<&str>, &str) {
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

const TITLE_PREFIXES: &[&str] = &[
    "implementation plan:",
    "implementation plan -",
    "implementation plan –",
    "implementation plan —",
    "plan:",
    "tasks:",
    "feature:",
];
const TITLE_SUFFIXES: &[&str] = &[
    "– implementation plan template",
    "- implementation plan template",
    "— implementation plan template",
    "– implementation plan",
    "- implementation plan",
    "— implementation plan",
];

fn make_title(src: &str, heading: TextRange, plain: &str) -> Title {
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
        text: text.to_owned(),
        range,
        heading,
    }
}

/// `**Step 1 – Title**` or `**Phase 2: Build**` at the start of `text`.
fn bold_phase(text: &str) -> Option<items::PhaseHead> {
    let inner = text.trim_start().strip_prefix("**")?;
    let close = meta::find_double_star(inner)?;
    let head = items::phase_head(&inner[..close])?;
    (head.kind == PhaseKind::Step
        || head.kind == PhaseKind::Phase
        || head.kind == PhaseKind::Milestone)
        .then_some(head)
}

fn is_only_bold(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 4
        && t.starts_with("**")
        && t.ends_with("**")
        && meta::find_double_star(&t[2..t.len() - 2]).is_none()
}

fn owner_of(text: &str) -> Option<String> {
    let at = text.find('@')?;
    if at > 0 && text.as_bytes()[at - 1].is_ascii_alphanumeric() {
        return None;
    }
    let name: String = text[at + 1..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!name.is_empty()).then(|| format!("@{name}"))
}

fn strip_emphasis(text: &str) -> &str {
    let t = text.trim();
    if t.starts_with("~~") && t.ends_with("~~") && t.len() > 4 {
        return &t[2..t.len() - 2];
    }
    t
}

/// `key` is the normalised (lower-case) heading.
fn kind_for_heading(role: Option<Role>, key: &str) -> TaskKind {
    match role {
        Some(Role::DefinitionOfDone) => TaskKind::DefinitionOfDone,
        Some(Role::Prerequisites) => TaskKind::Prerequisite,
        Some(Role::AcceptanceCriteria) => TaskKind::AcceptanceCriterion,
        Some(Role::Checklist) => TaskKind::Checklist,
        _ if key.contains("deliverable") => TaskKind::Deliverable,
        _ => TaskKind::Task,
    }
}

fn kind_for_label(key: &str) -> Option<TaskKind> {
    match key {
        "deliverables" | "deliverable" => Some(TaskKind::Deliverable),
        "tasks" | "task" | "subtasks" => Some(TaskKind::Task),
        "acceptance_criteria" => Some(TaskKind::AcceptanceCriterion),
        "definition_of_done" => Some(TaskKind::DefinitionOfDone),
        _ => None,
    }
}

fn table_kind(header: &Row, role: Option<Role>) -> TableKind {
    let h: Vec<String> = header.cells.iter().map(|c| c.text.to_lowercase()).collect();
    let has = |w: &str| h.iter().any(|c| c.contains(w));
    if has("risk")
        && (has("mitigation") || has("impact") || has("likelihood") || has("probability"))
    {
        TableKind::Risks
    } else if has("decision") {
        TableKind::Decisions
    } else if has("variable") && (has("default") || has("purpose")) {
        TableKind::ConfigVariables
    } else if has("role") && (has("person") || has("team") || has("owner") || has("responsib")) {
        TableKind::Stakeholders
    } else if has("component") && has("change") {
        TableKind::ComponentChanges
    } else if has("date") && (has("update") || has("progress") || has("note") || has("entry")) {
        TableKind::ProgressLog
    } else if has("start") || has("end date") || has("due") {
        TableKind::Timeline
    } else if role == Some(Role::ProgressLog) {
        TableKind::ProgressLog
    } else if role == Some(Role::Timeline) {
        TableKind::Timeline
    } else if has("dependenc") {
        TableKind::Dependencies
    } else if role == Some(Role::Risks) && has("mitigation") {
        TableKind::Risks
    } else {
        TableKind::Other
    }
}

/// Cells written in a table row: `|` separators outside code and escapes.
fn count_cells(line: &str) -> usize {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t
        .strip_suffix('|')
        .filter(|s| !s.ends_with('\\'))
        .unwrap_or(t);
    let mut cells = 1;
    let mut in_code = false;
    let mut prev = '\0';
    for c in t.chars() {
        match c {
            '`' => in_code = !in_code,
            '|' if !in_code && prev != '\\' => cells += 1,
            _ => {}
        }
        prev = c;
    }
    cells
}

#[cfg(test)]
mod tests;

pub(crate) use inline::is_choice_list;
pub(crate) use items::references;
