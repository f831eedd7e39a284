//! Headings that are tasks: `#### [ ] T-001: Create the contracts project`,
//! a check box opening the heading's text, its details and acceptance
//! boxes below it. The heading still opens its section, titled without
//! the box (so that ticking it changes no section), but no phase,
//! whatever its words; the task's range is that section, whose lines give
//! its details as a list task's item does, and whose check boxes are its
//! subtasks.

use super::super::{Builder, TextRange, items, line_len, tables::trim_trailing_newlines};

/// A check box opening a heading's text: where its `[` stands in the
/// source, the box, and where the heading's first line of text ends (an
/// ATX heading's closing `#`s left out).
pub(super) struct HeadingBox {
    check: usize,
    check_box: items::CheckBox,
    text_end: usize,
}

/// The check box that opens the heading whose text lines are `heading`
/// (see [`super::heading_range`]), `plain` its text as read: a box a list
/// task opens with (`[ ]`, `[x]`, `[-]`, …), then white space and words.
/// Not a box alone (`### [ ]`), a link or other bracket (`## [Title](url)`,
/// `### [P] Setup`, `## [Unreleased]`), nor a box after other words.
pub(super) fn heading_box(src: &str, heading: TextRange, plain: &str) -> Option<HeadingBox> {
    // Every heading is asked: one byte rules out nearly all of them.
    if plain.as_bytes().first() != Some(&b'[') {
        return None;
    }
    let start = heading.start as usize;
    let text = heading.slice(src);
    // A setext heading's box is on its first line.
    let line = &text[..line_len(text)];
    let indent = line.len() - line.trim_start_matches(' ').len();
    let hashes = line[indent..].bytes().take_while(|&b| b == b'#').count();
    let (open, end) = if hashes > 0 {
        (indent + hashes, atx_text_end(line))
    } else {
        (indent, line.trim_end().len())
    };
    let text = line.get(open..end)?;
    let check_box = boxed_text(text)?;
    // The text as read opens with the box as written, not with a link's
    // words (`[x]` defined as a reference).
    let written = text.get(check_box.offset..check_box.offset + 3)?;
    if !plain.starts_with(written) {
        return None;
    }
    Some(HeadingBox {
        check: start + open + check_box.offset,
        check_box,
        text_end: start + end,
    })
}

/// A heading task's text as read, `plain`, without its box (and Kiro's
/// optional star): the title of the section it opens.
pub(super) fn without_box(plain: &str) -> &str {
    let rest = plain.get(3..).unwrap_or_default();
    rest.strip_prefix('*').unwrap_or(rest).trim_start()
}

/// The check box opening a heading's `text` (from after its `#`s), when
/// words follow it.
pub(super) fn boxed_text(text: &str) -> Option<items::CheckBox> {
    let b = items::check_box(text)?;
    let words = text.get(b.offset + 3 + b.star..).unwrap_or_default();
    (!words.trim().is_empty()).then_some(b)
}

/// Where an ATX heading's text ends on its `line`: before the closing run
/// of `#`s, which a space or tab sets off (`## [ ] Ship it ##`), and the
/// white space around it.
fn atx_text_end(line: &str) -> usize {
    let t = line.trim_end_matches([' ', '\t']);
    let closed = t.trim_end_matches('#');
    if closed.len() < t.len() && closed.ends_with([' ', '\t']) {
        closed.trim_end_matches([' ', '\t']).len()
    } else {
        t.len()
    }
}

impl Builder<'_> {
    /// Records the heading of `level` whose text lines are `heading` as the
    /// task its box `b` opens, read as a list item's first line is: id,
    /// markers and words, kind, the phase and section around it, the
    /// enclosing task. Its range is its first line until its section
    /// closes ([`Self::close_heading_tasks`]).
    pub(super) fn open_heading_task(&mut self, b: &HeadingBox, heading: TextRange, level: u8) {
        let start = heading.start as usize;
        let (t, _) = self.new_task(start, b.check, &b.check_box, b.text_end - start);
        let line = TextRange::new(start, start + line_len(heading.slice(self.src)));
        let task = &mut self.plan.tasks[t];
        task.line = line;
        task.range = line;
        self.heading_tasks.push((t, level));
    }

    /// Closes the heading tasks whose sections a heading of `level`
    /// starting at `at` ends (those of its level and deeper; all of them
    /// for level 0, at the plan's end): each task's range reaches to its
    /// section's last line, and its details are read from it.
    pub(in crate::parse) fn close_heading_tasks(&mut self, level: u8, at: usize) {
        while let Some(&(t, l)) = self.heading_tasks.last() {
            if l < level {
                break;
            }
            self.heading_tasks.pop();
            let range = self.plan.tasks[t].range;
            let start = range.start as usize;
            let end = trim_trailing_newlines(self.src, start, at).max(range.end as usize);
            self.plan.tasks[t].range = TextRange::new(start, end);
            self.task_details(t, 0);
        }
    }

    /// The innermost open heading task.
    pub(in crate::parse) fn heading_task(&self) -> Option<usize> {
        self.heading_tasks.last().map(|&(t, _)| t)
    }
}

#[cfg(test)]
#[path = "heading_tasks_tests.rs"]
mod tests;
