//! The reader's range contract, the one editors, lint and `done` rely on:
//! every range in a plan lies inside the text on character boundaries and
//! slices to what its element claims, and every index points at an element
//! that exists.
//!
//! One file for two users: the model tests (`corpus`, `robustness`) and
//! the fuzz targets, which include it with `#[path]` (`fuzz/src/lib.rs`),
//! so a check added here holds in both.

use planwright_core::{GroupBy, MetaStyle, Plan, TaskState, TextRange};

/// `value` with each line break read as Markdown reads one inside a
/// paragraph: a soft break, rendered as one space. The blanks before the
/// break, and the blanks and `>` markers that open the next line (its
/// containers' indentation and quote markers, not text) go with it. Only
/// these characters are folded, so a range that took in anything else (a
/// list marker, a blank line, the next field's label) still differs.
fn soft_breaks(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find(['\n', '\r']) {
        out.push_str(rest[..at].trim_end_matches([' ', '\t']));
        out.push(' ');
        let after = &rest[at..];
        let after = after.strip_prefix("\r\n").unwrap_or(&after[1..]);
        rest = after.trim_start_matches([' ', '\t', '>']);
    }
    out.push_str(rest);
    out
}

/// The check boxes the reader recognises.
const MARKS: [&str; 7] = ["[ ]", "[x]", "[X]", "[-]", "[~]", "[/]", "[>]"];

/// Every violated invariant, described; empty when `plan` is sound.
pub fn violations(plan: &Plan, src: &str) -> Vec<String> {
    let mut c = Checker {
        src,
        bad: Vec::new(),
    };
    if plan.len as usize != src.len() {
        c.fail(format!("plan.len {} for {} bytes", plan.len, src.len()));
    }
    if plan.bom != src.starts_with('\u{feff}') {
        c.fail(format!("plan.bom is {}", plan.bom));
    }
    let (n_tasks, n_sections, n_phases) =
        (plan.tasks.len(), plan.sections.len(), plan.phases.len());
    // Source order, which lint's binary searches rely on: tasks by their
    // first line (which do not overlap), blocks by start.
    for pair in plan.tasks.windows(2) {
        if pair[1].line.start < pair[0].line.end {
            c.fail(format!(
                "task {} starts inside task {}'s line",
                pair[1].id, pair[0].id
            ));
        }
    }
    for pair in plan.blocks.windows(2) {
        if pair[1].range.start < pair[0].range.start {
            c.fail(format!(
                "block at {} before block at {}",
                pair[1].range.start, pair[0].range.start
            ));
        }
    }

    // One symbol (`[!]`, `[✓]`), none (`[]`) or a mark beside a space
    // (`[ x]`): see `items::unread_box`.
    for (i, &r) in plan.unread_boxes.iter().enumerate() {
        let what = format!("unread box #{i}");
        if let Some(b) = c.slice(&what, "range", r)
            && !(b.starts_with('[') && b.ends_with(']') && (2..=4).contains(&b.chars().count()))
        {
            c.fail(format!("{what}: range slices to {b:?}"));
        }
    }

    for (i, t) in plan.tasks.iter().enumerate() {
        let what = format!("task {} (#{i})", t.id);
        if let Some(mark) = c.slice(&what, "check_range", t.check_range) {
            let state = match mark.as_bytes().get(1) {
                Some(b' ' | b'>') => Some(TaskState::Open),
                Some(b'x' | b'X') => Some(TaskState::Done),
                Some(b'-' | b'~' | b'/') => Some(TaskState::InProgress),
                _ => None,
            };
            if !MARKS.contains(&mark) {
                c.fail(format!("{what}: check_range slices to {mark:?}"));
            } else if mark[1..2] != *t.mark.encode_utf8(&mut [0; 4]) || state != Some(t.state) {
                c.fail(format!(
                    "{what}: mark {:?} state {:?} but the box reads {mark:?}",
                    t.mark, t.state
                ));
            }
        }
        if c.holds(&what, "range", t.range, "check_range", t.check_range) {
            let first = t.range.slice(src).trim_start();
            // A heading task (`## [ ] T001 …`): its box in the heading of
            // the section it starts, and its range inside that section.
            let heading = plan.sections.iter().any(|s| {
                s.heading.start == t.range.start
                    && s.heading.contains_range(t.check_range)
                    && s.range.contains_range(t.range)
            });
            if !heading
                && !first.starts_with(['-', '*', '+'])
                && !first.starts_with(|ch: char| ch.is_ascii_digit())
            {
                let head: String = first.chars().take(20).collect();
                c.fail(format!(
                    "{what}: range does not start at a list marker or heading: {head:?}"
                ));
            }
        }
        c.slice(&what, "line", t.line);
        if let Some(r) = t.id_range
            && let Some(id) = c.slice(&what, "id_range", r)
            && id.trim_end_matches('.') != t.id
        {
            c.fail(format!("{what}: id_range slices to {id:?}"));
        }
        c.index(&what, "phase", t.phase, n_phases);
        c.index(&what, "section", t.section, n_sections);
        c.index(&what, "parent", t.parent, n_tasks);
    }

    for (i, m) in plan.metadata.iter().enumerate() {
        let what = format!("field {:?} (#{i})", m.key);
        if let Some(key) = c.slice(&what, "key_range", m.key_range)
            && key.trim() != m.key
        {
            c.fail(format!("{what}: key_range slices to {key:?}"));
        }
        // A bold or plain value reads without the markup wrapping it whole
        // and with its escapes read (`markup::field_value`); the range is
        // where it is written. A bold value that goes on over its
        // paragraph's next lines reads as Markdown renders them: each soft
        // break one space (see `soft_breaks`).
        // A front-matter value reads as YAML reads it (quotes, escapes,
        // block scalars, sequences: `front_matter_value`), but for one
        // slot, which is filled as written.
        let slot = || plan.placeholders.iter().any(|p| p.range == m.value_range);
        if let Some(value) = c.slice(&what, "value_range", m.value_range)
            && match m.style {
                MetaStyle::Bold { .. } => {
                    planwright_core::markup::field_value(&soft_breaks(value)) != m.value
                }
                MetaStyle::Plain => planwright_core::markup::field_value(value) != m.value,
                MetaStyle::FrontMatter => {
                    planwright_core::front_matter_value(src, m.value_range, slot()) != m.value
                }
                MetaStyle::Comment => value != m.value,
            }
        {
            c.fail(format!(
                "{what}: value_range slices to {value:?}, value is {:?}",
                m.value
            ));
        }
        c.holds(&what, "range", m.range, "key_range", m.key_range);
        c.holds(&what, "range", m.range, "value_range", m.value_range);
        c.index(&what, "section", m.section, n_sections);
        c.index(&what, "phase", m.phase, n_phases);
    }

    for p in &plan.placeholders {
        let what = format!("placeholder {:?}", p.text);
        if let Some(s) = c.slice(&what, "range", p.range)
            && s != p.text
        {
            c.fail(format!("{what}: range slices to {s:?}"));
        }
    }

    for (i, s) in plan.sections.iter().enumerate() {
        let what = format!("section {:?} (#{i})", s.title);
        if c.holds(&what, "range", s.range, "heading", s.heading) {
            let h = s.heading.slice(src);
            // An ATX heading is one line; a setext heading its content
            // lines, never the underline or a trailing line break.
            // Only spaces may indent an ATX heading: after a form feed, `#`
            // is paragraph text, and the heading a setext one.
            let atx = h.trim_start_matches(' ').starts_with('#');
            if h.trim().is_empty() || (atx && h.contains('\n')) || h.ends_with('\n') {
                c.fail(format!("{what}: heading is not its text line(s): {h:?}"));
            }
        }
        c.index(&what, "parent", s.parent, i);
    }

    for (i, p) in plan.phases.iter().enumerate() {
        let what = format!("phase {} (#{i})", p.id);
        if c.holds(&what, "range", p.range, "heading", p.heading)
            && !p.heading.slice(src).contains(p.number.as_str())
        {
            c.fail(format!(
                "{what}: heading {:?} lacks its number",
                p.heading.slice(src)
            ));
        }
        for &t in &p.tasks {
            match plan.tasks.get(t) {
                Some(task) if !p.range.contains_range(task.check_range) => {
                    c.fail(format!("{what}: lists task {} outside its range", task.id));
                }
                None => c.fail(format!("{what}: lists task #{t} of {n_tasks}")),
                Some(_) => {}
            }
        }
        for d in &p.depends_on {
            c.slice(&what, "dependency", d.range);
        }
        if let Some(r) = p.depends_range {
            c.slice(&what, "depends_range", r);
        }
        c.index(&what, "parent", p.parent, n_phases);
        c.index(&what, "section", p.section, n_sections);
    }

    for (i, t) in plan.tables.iter().enumerate() {
        let what = format!("table #{i}");
        c.slice(&what, "range", t.range);
        for row in std::iter::once(&t.header).chain(&t.rows) {
            c.slice(&what, "row", row.range);
            for cell in &row.cells {
                // Empty cells sit at an empty range, not always in the row.
                if cell.range.is_empty() {
                    c.slice(&what, "cell", cell.range);
                } else {
                    c.holds(&what, "row", row.range, "cell", cell.range);
                }
            }
        }
        if t.written_widths.len() != t.rows.len() {
            c.fail(format!(
                "{what}: {} written widths for {} rows",
                t.written_widths.len(),
                t.rows.len()
            ));
        }
        c.index(&what, "section", t.section, n_sections);
    }

    for l in &plan.task_links {
        c.slice("task link", "range", l.range);
    }
    for l in &plan.links {
        c.slice("link", "range", l.range);
        if let Some(d) = l.definition {
            c.slice("link", "definition", d);
        }
    }
    for l in &plan.lists {
        if l.markers.start > l.markers.end || l.markers.end as usize > plan.list_markers.len() {
            c.fail(format!(
                "list {:?}: markers {:?} outside the {} in the table",
                l.range,
                l.markers,
                plan.list_markers.len()
            ));
        }
        for &m in plan.markers_of(l) {
            c.holds("list", "range", l.range, "marker", m);
        }
    }
    for (what, ranges) in [
        ("comment", &plan.comments),
        ("code block", &plan.code_blocks),
    ] {
        for &r in ranges {
            c.slice(what, "range", r);
        }
    }
    // A code span is a run of backticks, what it holds, and a closing run
    // of the same length; the spans come in source order.
    let mut after = 0;
    for &r in &plan.code_spans {
        if r.start < after {
            c.fail(format!("code span {r:?} starts before {after}"));
        }
        after = r.end;
        if let Some(s) = c.slice("code span", "range", r) {
            let open = s.len() - s.trim_start_matches('`').len();
            let close = s.len() - s.trim_end_matches('`').len();
            if open == 0 || open != close || s.len() <= 2 * open {
                c.fail(format!("code span {r:?} slices to {s:?}"));
            }
        }
    }
    for b in &plan.blocks {
        c.slice("block", "range", b.range);
        c.index("block", "section", b.section, n_sections);
    }
    if let Some(r) = plan.front_matter {
        c.slice("front matter", "range", r);
    }
    // The title's range holds it as written, markup and all: the title's
    // letters and digits appear in it in order, and it starts with the
    // first of them or with markup (a link's target may stand between
    // them: `[mink](d)ink`).
    let in_order = |written: &str, title: &str| {
        let mut written = written.chars().filter(|c| c.is_alphanumeric());
        title
            .chars()
            .filter(|c| c.is_alphanumeric())
            .all(|t| written.any(|w| w == t))
    };
    let starts_well = |written: &str, title: &str| {
        let first = written.chars().next();
        first == title.chars().next()
            || first.is_some_and(|c| matches!(c, '*' | '_' | '[' | '`' | '~' | '<'))
    };
    if let Some(t) = &plan.title
        && let Some(s) = c.slice("title", "range", t.range)
        && c.slice("title", "heading", t.heading).is_some()
        && t.range != t.heading
        && s != t.text
        && !(in_order(s, &t.text) && starts_well(s, &t.text))
    {
        c.fail(format!(
            "title range slices to {s:?}, title is {:?}",
            t.text
        ));
    }
    groups_add_up(plan, &mut c);
    c.bad
}

/// The groups `status` shows for a plan without phases: two or more, each
/// naming a section or task that exists, and with the tasks in no group
/// adding up to the plan's progress.
fn groups_add_up(plan: &Plan, c: &mut Checker<'_>) {
    let Some(g) = plan.task_groups() else {
        return;
    };
    if g.groups.len() < 2 || !plan.phases.is_empty() {
        c.fail(format!(
            "{} task groups in a plan of {} phases",
            g.groups.len(),
            plan.phases.len()
        ));
    }
    let mut sum = g.rest.unwrap_or_default();
    for group in &g.groups {
        let exists = match group.by {
            GroupBy::Section(s) => s < plan.sections.len(),
            GroupBy::Task(t) => t < plan.tasks.len(),
        };
        if !exists || group.progress.total == 0 {
            c.fail(format!("task group {group:?}"));
        }
        sum.done += group.progress.done;
        sum.in_progress += group.progress.in_progress;
        sum.total += group.progress.total;
    }
    if sum != plan.progress(&plan.tasks) {
        c.fail(format!(
            "task groups add up to {sum:?}, the plan to {:?}",
            plan.progress(&plan.tasks)
        ));
    }
}

struct Checker<'a> {
    src: &'a str,
    bad: Vec<String>,
}

impl<'a> Checker<'a> {
    fn fail(&mut self, message: String) {
        self.bad.push(message);
    }

    /// The text `r` covers, or `None` (recorded) when it lies outside the
    /// text or splits a character.
    fn slice(&mut self, what: &str, name: &str, r: TextRange) -> Option<&'a str> {
        let s = self.src.get(r.start as usize..r.end as usize);
        if s.is_none() {
            self.fail(format!(
                "{what}: {name} {r:?} lies outside {} bytes or splits a character",
                self.src.len()
            ));
        }
        s
    }

    /// Whether both ranges are sound and `outer` holds `inner`.
    fn holds(&mut self, what: &str, o: &str, outer: TextRange, i: &str, inner: TextRange) -> bool {
        let sound = self.slice(what, o, outer).is_some() & self.slice(what, i, inner).is_some();
        if sound && !outer.contains_range(inner) {
            self.fail(format!("{what}: {o} {outer:?} does not hold {i} {inner:?}"));
        }
        sound && outer.contains_range(inner)
    }

    /// Records an index that points past the `len` elements it refers to.
    fn index(&mut self, what: &str, name: &str, index: Option<usize>, len: usize) {
        if let Some(i) = index
            && i >= len
        {
            self.fail(format!("{what}: {name} #{i} of {len}"));
        }
    }
}
