//! What is read once the whole plan is: open sections and lists closed,
//! notes told from phases, stated dependencies landed on their tasks.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Builder, Plan, Role, Section, Text, inline, tasks};
use crate::text::TextRange;

impl Builder<'_> {
    pub(super) fn finish(mut self) -> Plan {
        self.finish_inline();
        self.front_matter_title();
        self.title_as_section();
        while !self.lists.is_empty() {
            self.end_list();
        }
        let len = self.src.len() as u32;
        for s in self.open_sections.drain(..) {
            self.plan.sections[s].range.end = len;
        }
        self.close_heading_tasks(0, len as usize);
        // Before the dependency section is read, so that what it says of
        // `Phase 2` lands on the phase, not on a note about it.
        self.drop_note_phases();
        self.mark_item_section_fields();
        self.phase_dependencies_stated();
        self.drop_foreign_task_numbers();
        // Explicit `T005 → T006` chains land on the tasks they name, found
        // through the id index that every dependency look-up uses.
        if !self.plan.task_links.is_empty() {
            let ids = self.plan.task_ids();
            let mut lands: Vec<(usize, usize)> = self
                .plan
                .task_links
                .iter()
                .enumerate()
                .filter_map(|(l, link)| ids.get(&link.to).map(|t| (t, l)))
                .collect();
            // Grouped by task, in link order within each, so that one set
            // of seen ids serves a task however many links land on it.
            lands.sort_by_key(|&(t, _)| t);
            let mut seen = FxHashSet::default();
            let mut current = None;
            for (t, l) in lands {
                if current.replace(t) != Some(t) {
                    seen.clear();
                }
                let from = self.plan.task_links[l].from.clone();
                tasks::push_unique(&mut self.plan.tasks[t].depends_on, &mut seen, from);
            }
        }
        self.double_braces_outside_text();
        self.plan
            .placeholders
            .sort_by_key(|p| (p.range.start, p.range.end));
        self.plan
            .placeholders
            .dedup_by(|a, b| b.range.contains_range(a.range));
        self.plan
    }
}

impl Builder<'_> {
    /// Marks the bold fields that are an item's, not the plan's
    /// ([`crate::model::MetaField::item_section`]): those in a section
    /// holding tasks of its own, in a section of risks, decisions,
    /// alternatives, requirements or open questions (or under one), and
    /// those whose key a sibling section states too (`### Story 1` /
    /// `**Status:** Done`, `### Story 2` / `**Status:** To do`). The
    /// title's section and the first one after it (an overview, a heading
    /// that stands for the title, a metadata section) are the plan's header
    /// whatever tasks they hold, unless the first is one of risks and the
    /// like; a status further down, in a section of no tasks (`**Status:**
    /// Ready` closing the plan), is still the plan's.
    fn mark_item_section_fields(&mut self) {
        let plan = &mut self.plan;
        let title = plan.title.as_ref().map(|t| t.heading);
        let Some(first) = plan.sections.iter().position(|s| Some(s.heading) != title) else {
            return;
        };
        let repeated = keys_of_siblings(plan, title);
        for f in &mut plan.metadata {
            let Some(s) = f.section.filter(|&s| s >= first) else {
                continue;
            };
            // A section about the plan's status (`## Status`, `## Current
            // Status`) states the plan's, checklist and all.
            let about_status = plan.sections[s].key.split(' ').any(|w| w == "status");
            // `**Plan Status**:` says whose it is wherever it stands.
            let the_plans = crate::model::PLAN_STATUS_KEYS.contains(&f.norm.as_str());
            if f.phase.is_some()
                || Some(plan.sections[s].heading) == title
                || about_status
                || the_plans
            {
                continue;
            }
            if in_items_section(&plan.sections, s) {
                f.item_section = true;
                continue;
            }
            let range = plan.sections[s].range;
            let at = plan.tasks.partition_point(|t| t.range.start < range.start);
            let holds_tasks = plan
                .tasks
                .get(at)
                .is_some_and(|t| t.range.start < range.end);
            let repeats = || !repeated.is_empty() && repeated.contains(&(s, f.norm.clone()));
            f.item_section = s > first && (holds_tasks || repeats());
        }
    }
}

/// Roles of sections that list items with fields of their own: a risk's
/// `**Status:** Mitigated`, a decision's `**Status:** Accepted`.
const ITEM_ROLES: [Role; 5] = [
    Role::Risks,
    Role::Decisions,
    Role::Alternatives,
    Role::Requirements,
    Role::OpenQuestions,
];

/// Whether section `s`, or one it stands under, has one of [`ITEM_ROLES`].
fn in_items_section(sections: &[Section], mut s: usize) -> bool {
    // Parents come before their children: the walk ends.
    loop {
        let section = &sections[s];
        if section.role.is_some_and(|r| ITEM_ROLES.contains(&r)) {
            return true;
        }
        match section.parent {
            Some(p) if p < s => s = p,
            _ => return false,
        }
    }
}

/// The (section, key) pairs of bold fields whose key a sibling section's
/// field has too: siblings under a heading other than the title, each
/// stating its own `Status` or `Owner`, are items. Fields in phases are
/// the phases' and left out.
fn keys_of_siblings(plan: &Plan, title: Option<TextRange>) -> FxHashSet<(usize, Text)> {
    let mut first_at: FxHashMap<(usize, &str), usize> = FxHashMap::default();
    let mut repeated = FxHashSet::default();
    for f in plan.metadata.iter().filter(|f| f.phase.is_none()) {
        let Some(s) = f.section else { continue };
        let Some(parent) = plan.sections[s].parent else {
            continue;
        };
        if Some(plan.sections[parent].heading) == title {
            continue;
        }
        let first = *first_at.entry((parent, f.norm.as_str())).or_insert(s);
        if first != s {
            repeated.insert((first, f.norm.clone()));
            repeated.insert((s, f.norm.clone()));
        }
    }
    repeated
}

impl Builder<'_> {
    /// `{{NAME}}` slots where no text event shows them: in a link's text or
    /// destination (`[#{{ISSUE}}](https://…/{{ISSUE}})`), an autolink, a
    /// link reference definition, or HTML (`<summary>{{SUMMARY}}</summary>`).
    /// Templates put slots there as anywhere, and `new` fills what the
    /// model holds. Not in a comment (a template's instructions), nor in
    /// code, which has its own rule ([`inline::scan_code`]); an escaped
    /// `\{{` is text. Those in text are found again and dropped as
    /// duplicates when the slots are sorted.
    fn double_braces_outside_text(&mut self) {
        let src = self.src;
        let plan = &mut self.plan;
        let inside = |ranges: &[TextRange], at: usize| {
            let i = ranges.partition_point(|r| (r.start as usize) <= at);
            i > 0 && at < ranges[i - 1].end as usize
        };
        let mut next = 0;
        for at in memchr::memmem::find_iter(src.as_bytes(), b"{{") {
            if at < next
                || (at > 0 && src.as_bytes()[at - 1] == b'\\')
                || plan.front_matter.is_some_and(|f| f.contains(at))
                || inside(&plan.comments, at)
                || inside(&plan.code_blocks, at)
                || inside(&plan.code_spans, at)
            {
                continue;
            }
            if let Some((end, kind, name)) = inline::double_brace(src, at) {
                plan.placeholders
                    .push(inline::make(src, 0, at, end, kind, name));
                next = end;
            }
        }
    }
}
