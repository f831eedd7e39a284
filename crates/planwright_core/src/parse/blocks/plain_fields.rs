//! A phase's fields written plainly, a line of its body opening with the
//! key: `Status: In progress`, `Estimate: 3d`, `_Goal:_ ship the beta`.
//! Bold fields (`**Status:**`) are the bold-field reader's; these are the
//! same fields as people also type them. Either kind lands in the phase
//! through [`Builder::phase_field`], here.

use super::super::inline::is_choice_list;
use super::super::items::line_body_start;
use super::gates::may_list_choices;
use super::{Builder, Owner, TextRange, is_dependency_key, line_len, normalize_key};

/// The keys read, lower case, with the phase field each fills.
const KEYS: [(&str, &str); 9] = [
    ("status", "status"),
    ("estimate", "estimate"),
    ("est", "estimate"),
    ("estimated time", "estimate"),
    ("effort", "estimate"),
    ("duration", "estimate"),
    ("goal", "goal"),
    ("objective", "goal"),
    ("priority", "priority"),
];

/// Words a status opens with. A plain `Status:` line is read only when
/// its value is one: in a design plan `Status: 201 Created` describes a
/// response, not the phase.
const STATUS_WORDS: [&str; 22] = [
    "done",
    "complete",
    "completed",
    "finished",
    "shipped",
    "in progress",
    "in-progress",
    "wip",
    "ongoing",
    "started",
    "not started",
    "planned",
    "planning",
    "todo",
    "to do",
    "pending",
    "blocked",
    "on hold",
    "draft",
    "in review",
    "cancelled",
    "skipped",
];

/// Whether `key` (as written) is one a phase states of itself: its
/// dependencies, estimate, goal, priority or status. One such field alone
/// in a quote at a phase's head is the phase's (`> **Depends on:** Phase
/// 1`); another alone is a callout (`> **Tip:** …`).
pub(in crate::parse) fn is_phase_key(key: &str) -> bool {
    let norm = normalize_key(key);
    is_dependency_key(&norm) || phase_slot(&norm).is_some()
}

/// The phase field a bold field's key (normalised) fills, one of
/// `estimate`, `goal`, `priority` and `status`.
fn phase_slot(norm: &str) -> Option<&'static str> {
    Some(match norm {
        "timeline" | "estimated_time" | "estimate" | "duration" | "effort" | "time_estimate" => {
            "estimate"
        }
        "goal" | "objective" | "purpose" => "goal",
        "priority" => "priority",
        "status" => "status",
        _ => return None,
    })
}

impl Builder<'_> {
    /// Plain field lines in a block (`start..end`) of phase `p`'s body.
    pub(super) fn phase_plain_fields(&mut self, p: usize, start: usize, end: usize) {
        let text = self.slice(start, end);
        // Every key's line has a colon: most blocks have none.
        if memchr::memchr(b':', text.as_bytes()).is_none() {
            return;
        }
        let b = text.as_bytes();
        let mut found: Vec<(&'static str, TextRange)> = Vec::new();
        let mut at = 0;
        while at < b.len() {
            // The block's first line starts at its body (see
            // `phase_dependency_lines`).
            let line = &text[at..at + line_len(&text[at..])];
            let body = if at == 0 { 0 } else { line_body_start(line) };
            if let Some((field, value)) = plain_field(&line[body..]) {
                let v = start + at + body + value.0;
                found.push((field, TextRange::new(v, v + (value.1 - value.0))));
            }
            let Some(eol) = memchr::memchr2(b'\n', b'\r', &b[at..]) else {
                break;
            };
            at += eol
                + if b[at + eol..].starts_with(b"\r\n") {
                    2
                } else {
                    1
                };
        }
        for (field, range) in found {
            let value = range.slice(self.src).to_owned();
            // The test the label's choice list was recorded by (see
            // `fields_in_block`), which only a `/` or `|` can pass.
            let unchosen = may_list_choices(&value) && is_choice_list(value.trim());
            self.phase_field(p, field, &value, range, unchosen);
        }
    }
}

/// The phase field a plain field line (`Status: Done`, `*Goal:* x`)
/// fills, and where its value lies in the line.
fn plain_field(line: &str) -> Option<(&'static str, (usize, usize))> {
    let b = line.as_bytes();
    // One `*` or `_` may wrap the key; two is bold, read elsewhere.
    let open = usize::from(matches!(b.first(), Some(b'*' | b'_')));
    // Every key opens with one of these: most lines are ruled out here.
    if !matches!(
        b.get(open).map(u8::to_ascii_lowercase),
        Some(b's' | b'e' | b'g' | b'o' | b'd' | b'p')
    ) {
        return None;
    }
    // The key, its closing mark if it opened with one, and the colon.
    let (mut i, field) = KEYS.iter().find_map(|(k, field)| {
        let mut i = open + k.len();
        if !line.get(open..i)?.eq_ignore_ascii_case(k) {
            return None;
        }
        if open == 1 && b.get(i) == Some(&b[0]) {
            i += 1;
        }
        (b.get(i) == Some(&b':')).then_some((i + 1, field))
    })?;
    let closed = open == 1 && (b[i - 2] == b[0] || b.get(i) == Some(&b[0]));
    if open == 1 && b.get(i) == Some(&b[0]) {
        i += 1;
    }
    let mut value = line[i..].trim();
    // A mark that opens the line and closes none before the value wraps
    // the whole line (`*Goal: ship to testers*`): it is no part of it.
    if open == 1 && !closed {
        value = value
            .strip_suffix(char::from(b[0]))
            .map_or(value, str::trim_end);
    }
    if value.is_empty() {
        return None;
    }
    if *field == "status" && !opens_with_status_word(value) {
        return None;
    }
    let start = i + (line[i..].len() - line[i..].trim_start().len());
    Some((field, (start, start + value.len())))
}

/// Whether `value` opens with a status word, or with ✅, 🚧 and the like.
fn opens_with_status_word(value: &str) -> bool {
    if value.starts_with(['✅', '🚧', '⏳', '❌', '🔄', '⬜', '☑']) {
        return true;
    }
    STATUS_WORDS.iter().any(|w| {
        value
            .get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
            && !value[w.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

impl Builder<'_> {
    /// A field of phase `p`, bold or plain: its dependencies, or its
    /// estimate, goal, priority or status (the first given of each; a
    /// status field replaces one the phase's head stated, once).
    /// `unchosen`: the value is a choice list left to pick (`⬜ Not
    /// Started | 🔄 In Progress | ✅ Passed`), recorded as a placeholder,
    /// which fills none of them: read as a status, its ✅ claimed the
    /// phase done, its `Blocked` held it, and `status` showed the list.
    pub(in crate::parse) fn phase_field(
        &mut self,
        p: usize,
        key: &str,
        value: &str,
        range: TextRange,
        unchosen: bool,
    ) {
        if is_dependency_key(key) {
            // In a task's item, the task's (see `task_waits`).
            if !matches!(self.dependency_owner(), Some(Owner::Task(_))) {
                // Read as written: its references' ranges are offsets into it.
                self.phase_dependencies(p, range.slice(self.src), range, true);
            }
            return;
        }
        if unchosen {
            return;
        }
        if key == "status" {
            // A field replaces what the phase's head said, once.
            let open = self.phases.iter_mut().rev().find(|o| o.index == p);
            if let Some(o) = open.filter(|o| o.head_status) {
                o.head_status = false;
                self.plan.phases[p].status = None;
                self.plan.phases[p].status_range = None;
            }
        }
        let phase = &mut self.plan.phases[p];
        match phase_slot(key) {
            Some("estimate") => {
                phase.estimate.get_or_insert_with(|| value.into());
            }
            Some("goal") => {
                phase.goal.get_or_insert_with(|| value.into());
            }
            Some("priority") => {
                phase.priority.get_or_insert_with(|| value.into());
            }
            Some("status") if phase.status.is_none() => {
                phase.status = Some(value.into());
                phase.status_range = Some(range);
            }
            _ => {}
        }
    }
}
