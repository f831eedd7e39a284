//! A task's text past its first line: the description a paragraph wraps
//! onto more lines, and the whole-number ids a plan of `T001`s cannot mean.

use super::super::{Builder, Text};
use super::strip_emphasis;

impl Builder<'_> {
    /// A description wrapped over more lines of the item's first paragraph
    /// (`- [ ] T001 Create the workspace with the` / `  CI configuration`),
    /// as Prettier's `proseWrap: always` writes a long task, is the whole
    /// paragraph, its lines joined by one space: a list shows all of it,
    /// and a word on its second line names it. It stops at a line that
    /// opens a detail, a capitalised or emphasised `Key:`
    /// (`Requirements: 1.2`, `_Requirements: 1.2_`, `**Owner:** @ana`) or
    /// `Depends on T001`: what follows is read as the task's details. A
    /// dependency named in the description may wrap with it ("(depends
    /// on" / "T001)"), no further (see `text_end`).
    pub(in crate::parse) fn wrapped_text(
        &mut self,
        t: usize,
        block_start: usize,
        block_end: usize,
    ) {
        let line = self.plan.tasks[t].line;
        let line_end = line.end as usize;
        if block_start >= line_end {
            return;
        }
        let Some(item) = self.items.last_mut() else {
            return;
        };
        item.text_end = line_end;
        let text_at = item.text_at;
        if block_end <= line_end {
            return;
        }
        let mut joined = String::new();
        let from = text_at.min(line_end);
        let check_end = self.plan.tasks[t].check_range.end as usize;
        let before = self.slice(check_end.min(from), from);
        let mut described = line_end;
        // Where the line read starts: each is followed by one `\n` or `\r`.
        let mut at = from;
        for (n, raw) in self.slice(from, block_end).split(['\n', '\r']).enumerate() {
            let raw_end = at + raw.len();
            at = raw_end + 1;
            // Continuation lines of a quoted list keep their `>` markers.
            let l = match n {
                0 => raw.trim(),
                _ => raw.trim_start_matches(['>', ' ', '\t']).trim(),
            };
            if l.is_empty() {
                continue;
            }
            if n > 0 && opens_detail(l) {
                break;
            }
            if !joined.is_empty() {
                joined.push(' ');
            }
            let l = without_hard_break(l);
            joined.push_str(if n == 0 {
                without_dangling_close(before, l)
            } else {
                l
            });
            described = raw_end;
            // `- [ ] **T001: Set up project**` over a line of description:
            // the bold line is the task's title, the rest its details.
            if n == 0 && is_bold_title(before, l) {
                break;
            }
        }
        if let Some(item) = self.items.last_mut() {
            item.text_end = described;
        }
        // A struck task's words go on from its id (see `new_task`).
        let struck_id = self.plan.tasks[t]
            .id_range
            .is_some_and(|r| r.start as usize > from);
        let unstruck = struck_id
            .then(|| super::items::struck_text_without_id(&joined))
            .flatten();
        let joined = unstruck.as_deref().unwrap_or(&joined);
        self.plan.tasks[t].text = Text::from(strip_emphasis(joined));
    }

    /// "blocked by task 12 in the infra board" names a task of the plan
    /// only where tasks are numbered so (Kiro's `1.`, `2.`): in a plan of
    /// `T001`s a whole number after "task" is someone else's task, and
    /// reading it made a PW206 error of prose. Dropped once the plan's ids
    /// are known.
    pub(in crate::parse) fn drop_foreign_task_numbers(&mut self) {
        let whole = |id: &str| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
        if self
            .plan
            .tasks
            .iter()
            .any(|t| t.explicit_id && whole(&t.id))
        {
            return;
        }
        // A range of them (`tasks 1-3`) too.
        let foreign = |id: &str| id.starts_with(|c: char| c.is_ascii_digit()) && !id.contains('.');
        for t in &mut self.plan.tasks {
            t.depends_on.retain(|d| !foreign(d));
        }
        self.plan
            .task_links
            .retain(|l| !foreign(&l.from) && !foreign(&l.to));
    }
}

/// Whether a continuation line of a task opens its details rather than
/// going on with its description (see [`Builder::wrapped_text`]): a short
/// `Key:` (`**Files**: src/x.rs`, `_Requirements: 1.2_`) or a dependency.
/// Only a capitalised or emphasised one: a wrapped sentence goes on in
/// lower case ("… run the\n  migration: then verify it").
fn opens_detail(line: &str) -> bool {
    let bare = line.trim_start_matches(['_', '*']);
    if bare.len() == line.len() && !bare.starts_with(char::is_uppercase) {
        return false;
    }
    if ["Depends on", "Blocked by"]
        .iter()
        .any(|k| bare.starts_with(k))
    {
        return true;
    }
    let Some(colon) = bare.find([':', '：']) else {
        return false;
    };
    let key = bare[..colon].trim_end_matches(['*', '_']).trim_end();
    !key.is_empty()
        && key.len() <= 32
        && key.split_whitespace().count() <= 4
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || " /-&".contains(c))
}

/// A line without the `\\` that ends it in a hard line break.
fn without_hard_break(line: &str) -> &str {
    let run = line.len() - line.trim_end_matches('\\').len();
    if run % 2 == 1 {
        line[..line.len() - 1].trim_end()
    } else {
        line
    }
}

/// A task's text without the closer of the emphasis its id opened
/// (`before`, the head before the text, opens it): `**T001: Set up
/// project**` reads "Set up project", not "Set up project**". Text whose
/// own `**` has no partner (`Ignore node_modules/**`) keeps it.
pub(super) fn without_dangling_close<'t>(before: &str, text: &'t str) -> &'t str {
    match opened(before, text) {
        Some(m) => text[..text.len() - m.len()].trim_end(),
        None => text,
    }
}

/// The mark the id opened and the text's end closes, if any.
fn opened(before: &str, text: &str) -> Option<&'static str> {
    if !text.ends_with(['*', '_']) {
        return None;
    }
    ["**", "__"].into_iter().find(|m| {
        text.ends_with(m) && before.matches(m).count() % 2 == 1 && text.matches(m).count() % 2 == 1
    })
}

/// Whether a task's first line (from its text on) is all in bold: its
/// closer alone, when the id opened the emphasis, or `**Add docs**`.
fn is_bold_title(before: &str, line: &str) -> bool {
    opened(before, line).is_some_and(|m| line.matches(m).count() == 1)
        || ["**", "__"].iter().any(|m| {
            line.strip_prefix(m)
                .and_then(|inner| inner.strip_suffix(m))
                .is_some_and(|inner| !inner.is_empty() && !inner.contains(m))
        })
}
