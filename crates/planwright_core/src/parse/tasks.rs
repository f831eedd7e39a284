//! List items: check boxes become tasks (id, markers, owner, the phase and
//! section that hold them), and a task item's own lines give its
//! requirements and dependencies (`task_details.rs`).

use super::{
    Builder, InlineKind, OpenItem, Task, TaskKind, TaskState, Text, TextRange, bold_phase, items,
    tables::trim_trailing_newlines,
};

impl Builder<'_> {
    pub(super) fn start_item(&mut self, r: TextRange) {
        self.finish_item_text();
        let start = past_line_break(self.src, r.start as usize);
        let end = self.item_line_end(start);
        let line = self.slice(start, end);
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let marker_len = items::list_marker_len(&line[indent..]);
        if !self.lists.is_empty() {
            self.open_markers
                .push(TextRange::new(start + indent, start + indent + marker_len));
        }
        let after_marker = start + indent + marker_len;
        let rest = self.slice(after_marker, start + line.len());
        let mut task = None;
        let mut phase = None;
        let mut text_at = after_marker;
        if let Some(b) = items::check_box(rest) {
            let (index, at) = self.new_task(start, after_marker + b.offset, &b, line.len());
            task = Some(index);
            text_at = at;
        } else if let Some((s, e)) = items::unread_box(rest) {
            self.plan
                .unread_boxes
                .push(TextRange::new(after_marker + s, after_marker + e));
        } else if let Some(head) = bold_phase(rest) {
            let index = self.open_phase(
                head,
                TextRange::new(start, start + line.len()),
                None,
                Some(self.items.len()),
            );
            let head_line = TextRange::new(after_marker, start + line.len());
            self.bold_head_dependency(index, head_line, false);
            phase = Some(index);
        }
        self.items.push(OpenItem {
            start,
            task,
            text_at,
            text_end: 0,
            phase,
        });
        self.begin_inline(InlineKind::ItemText);
    }

    /// Where the line holding byte `at` ends (before its break). Only the
    /// end is needed here: `LineCache::line_of` also searched back for the
    /// line's start, a third of the cost of reading an item's line. The
    /// line last searched is kept, so that items opening on one line
    /// (`- - - [ ] x`) do not each search it to its end (quadratic).
    fn item_line_end(&mut self, at: usize) -> usize {
        // No break lies in `from..end`: from anywhere in it, or at `end`
        // itself, the line ends at `end`.
        if let Some((from, end)) = self.item_line
            && (from..=end).contains(&at)
        {
            return end;
        }
        let bytes = self.src.as_bytes();
        let end = memchr::memchr2(b'\n', b'\r', bytes.get(at..).unwrap_or_default())
            .map_or(bytes.len(), |n| at + n);
        self.item_line = Some((at, end));
        end
    }

    /// Records a task; returns its index and where its description starts.
    pub(super) fn new_task(
        &mut self,
        item_start: usize,
        check: usize,
        check_box: &items::CheckBox,
        line_len: usize,
    ) -> (usize, usize) {
        let mark = check_box.mark;
        let index = self.plan.tasks.len();
        let head_start = check + 3 + check_box.star;
        let line_end = item_start + line_len;
        let head_text = self.slice(head_start, line_end);
        let head = items::task_head(head_text);
        let (id, id_range) = match head.id {
            Some((s, e)) => (
                items::clean_id(&head_text[s..e]),
                Some(TextRange::new(head_start + s, head_start + e)),
            ),
            None => (ordinal_id(index + 1), None),
        };
        let text = head_text.get(head.text_start..).unwrap_or_default().trim();
        let owner = owner_of(text);
        // Outside any task's item, a box in a heading task's section is
        // its subtask.
        let nesting = self
            .items
            .iter()
            .rev()
            .find_map(|i| i.task)
            .or_else(|| self.heading_task());
        let parent = self
            .numbered_parent(index, head.id.is_some().then_some(&id))
            .or(nesting);
        let phase = self.task_phase(self.phases.last().map(|p| p.index));
        let mut p = phase;
        while let Some(i) = p {
            self.plan.phases[i].tasks.push(index);
            p = self.plan.phases[i].parent;
        }
        let kind = match parent {
            _ if mark == '>' || crossed_out(text) => TaskKind::Deferred,
            // `- [ ] Phase 4: Implementation complete`, as spec-kit's
            // "Progress Tracking" lists the phases: a check that the phase
            // is over, not work to start (`next` offered every such line
            // at once).
            None if self.kind_hint == TaskKind::Task && says_phase_is_over(text) => {
                TaskKind::AcceptanceCriterion
            }
            Some(pt) if self.kind_hint == TaskKind::Task => self.plan.tasks[pt].kind,
            _ => self.kind_hint,
        };
        // Only the id a strike opens with is cut (`~~T004 Old~~`), not one
        // that opens the words after the task's own (`T001 ~~T002 x~~`).
        let unstruck = head
            .id
            .filter(|&(s, _)| s > head.text_start)
            .and_then(|_| items::struck_text_without_id(text));
        self.reserve_tasks(item_start);
        self.plan.tasks.push(Task {
            id,
            explicit_id: head.id.is_some(),
            id_range,
            text: Text::from(strip_emphasis(task_text::without_dangling_close(
                head_text.get(..head.text_start).unwrap_or_default(),
                unstruck.as_deref().unwrap_or(text),
            ))),
            state: match mark {
                'x' | 'X' => TaskState::Done,
                '-' | '~' | '/' => TaskState::InProgress,
                _ => TaskState::Open,
            },
            check_range: TextRange::new(check, check + 3),
            mark,
            range: TextRange::new(item_start, line_end),
            line: TextRange::new(item_start, line_end),
            markers: head.markers,
            parallel: head.parallel,
            optional: check_box.star > 0,
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

    /// Room for the tasks still to come once the list is full, guessed
    /// from how densely the text read so far holds them. A task is large
    /// and the first guess (`Plan::with_capacity_for`) is made blind: a
    /// third of the corpus's plans outgrow it, and growing by doubling
    /// copied their lists up to four times (the largest of the reader's
    /// reallocations).
    /// Never less than doubling, so growth stays amortised, nor more than
    /// four times, so tasks crowded at the top of a long text do not
    /// reserve room for the whole of it.
    fn reserve_tasks(&mut self, read: usize) {
        let tasks = &mut self.plan.tasks;
        if tasks.len() < tasks.capacity() {
            return;
        }
        let len = tasks.len().max(1);
        let expected = len.saturating_mul(self.src.len()) / read.max(1);
        let more = expected.saturating_sub(len).clamp(len, 3 * len) + 4;
        tasks.reserve_exact(more);
    }

    /// The task of the same list that `id` numbers this one under, as
    /// Kiro's flat layout writes subtasks: `- [ ] 1.1 Lexer` right below
    /// `- [ ] 1. Parser`, not indented. Only an explicit id that extends an
    /// earlier one by dotted numbers (`1` → `1.1` → `1.1.1`, `T231` →
    /// `T231.15`) in the same list: `T002` after `T001` extends nothing,
    /// nor `#2` (no id), nor a `2.1` whose `2` stands in another list,
    /// under another heading. A sibling is always inside the item that
    /// nests its list, so it is the nearer parent of the two. Records
    /// `task` as a possible parent of the ones after it.
    fn numbered_parent(&mut self, task: usize, id: Option<&Text>) -> Option<usize> {
        let (list, _) = *self.lists.last()?;
        let id = id?;
        let mut parent = None;
        while let Some(&(l, t)) = self.numbered.last() {
            if l != list {
                break;
            }
            if numbered_under(id, &self.plan.tasks[t].id) {
                parent = Some(t);
                break;
            }
            self.numbered.pop();
        }
        self.numbered.push((list, task));
        parent
    }

    pub(super) fn end_item(&mut self, r: TextRange) {
        self.finish_item_text();
        let Some(item) = self.items.pop() else { return };
        let end = trim_trailing_newlines(self.src, item.start, r.end as usize);
        if let Some(t) = item.task {
            self.plan.tasks[t].range = TextRange::new(item.start, end);
            self.task_details(t, item.text_end);
        }
        if let Some(p) = item.phase {
            self.plan.phases[p].range.end = end as u32;
            if let Some(pos) = self.phases.iter().rposition(|o| o.index == p) {
                self.phases.truncate(pos);
            }
        }
    }
}

/// Whether `id` is `parent` with one or more dotted numbers after it:
/// `1.1` under `1`, `1.2.3` under `1.2`, `T231.15` under `T231`.
fn numbered_under(id: &str, parent: &str) -> bool {
    id.strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|rest| {
            rest.split('.')
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// `at`, or the start of the next line when `at` is a line break: an item
/// indented by a tab (`\t- [ ] child`) is reported from the end of the
/// line before it, where its marker and check box are not.
fn past_line_break(src: &str, at: usize) -> usize {
    match src.as_bytes().get(at..) {
        Some([b'\r', b'\n', ..]) => at + 2,
        Some([b'\n' | b'\r', ..]) => at + 1,
        _ => at,
    }
}

/// `#12`, the id of the twelfth task when it has none of its own. Written
/// by hand: the formatting machinery showed in profiles of plans whose
/// tasks carry no ids.
fn ordinal_id(n: usize) -> Text {
    let mut id = [0u8; 21];
    let mut at = id.len();
    let mut n = n;
    loop {
        at -= 1;
        id[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    at -= 1;
    id[at] = b'#';
    Text::from(std::str::from_utf8(&id[at..]).unwrap_or_default())
}

/// The first `@handle` of a task's text that names a person or team: not
/// in a code span (`` `@types/node` ``), not an address (`me@x.com`), and
/// not a package scope (`install @dnd-kit/core`). A team, `@org/team`,
/// counts in brackets, as assignments are written (`(@org/platform)`),
/// unless its scope is one packages are published under (`(@types/node)`)
/// or a version follows it (`(@acme/ui@2.1)`).
///
/// A handle is an assignment where tasks write one: in brackets, after
/// `by`, `to` or `cc`, or at the end of the text (`Fix login @dave
/// @erin`). In the middle of a sentence, or as the object of a verb or
/// preposition (`with @dnd-kit utilities`, `with @Injectable`), it names
/// a package or a decorator.
pub(super) fn owner_of(text: &str) -> Option<Text> {
    let b = text.as_bytes();
    let mut ticks = 0;
    let mut from = 0;
    for at in memchr::memchr_iter(b'@', b) {
        // Backticks before `at`: an odd count opens a code span there.
        ticks += memchr::memchr_iter(b'`', &b[from..at]).count();
        from = at;
        if ticks % 2 == 1 || (at > 0 && b[at - 1].is_ascii_alphanumeric()) {
            continue;
        }
        let handle = |s: &str| {
            s.char_indices()
                .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '_'))
                .map_or(s.len(), |(i, _)| i)
        };
        let name = &text[at..];
        let mut len = handle(&name[1..]);
        if len == 0 {
            continue;
        }
        if name[1 + len..].starts_with('/') {
            let bracketed = text[..at].trim_end().ends_with(['(', '[']);
            let team = handle(&name[2 + len..]);
            let versioned = name[2 + len + team..].starts_with('@');
            if !bracketed || team == 0 || versioned || PACKAGE_SCOPES.contains(&&name[1..=len]) {
                continue;
            }
            len += 1 + team;
        }
        if !assigns(&text[..at], &name[1 + len..]) {
            continue;
        }
        return Some(Text::from(&name[..=len]));
    }
    None
}

/// Whether a handle between `before` and `after` stands where a task
/// names who does it (see [`owner_of`]).
fn assigns(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    if before.ends_with(['(', '[']) {
        return true;
    }
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if matches!(word.as_str(), "by" | "to" | "cc") {
        return true;
    }
    // Only more handles and closing punctuation after it: the end. A
    // call or a path goes on (`@Component(...)`, `@foo.bar`).
    let glued = after.starts_with(['(', '/'])
        || after
            .strip_prefix('.')
            .is_some_and(|r| r.starts_with(char::is_alphanumeric));
    let ends = after
        .split_whitespace()
        .all(|w| w.starts_with('@') || w.chars().all(|c| ".,;:!?)]".contains(c)));
    !glued && ends && !OBJECT_WORDS.contains(&word.as_str())
}

/// Words after which a handle is a thing used, not a person assigned.
const OBJECT_WORDS: &[&str] = &[
    "a", "add", "an", "from", "import", "install", "the", "upgrade", "use", "using", "via", "with",
];

/// npm scopes common in plans' tasks, which name packages, never a team:
/// `(@types/node)` is no assignment.
const PACKAGE_SCOPES: &[&str] = &[
    "angular",
    "aws-sdk",
    "azure",
    "babel",
    "emotion",
    "google-cloud",
    "mui",
    "nestjs",
    "octokit",
    "playwright",
    "prisma",
    "radix-ui",
    "reduxjs",
    "storybook",
    "supabase",
    "sveltejs",
    "swc",
    "tanstack",
    "testing-library",
    "trpc",
    "types",
    "typescript-eslint",
    "vitejs",
    "vue",
];

/// A task's text without the emphasis that wraps the whole of it, as the
/// schema promises: `**Write the test**` is `Write the test`, `~~Drop
/// it~~` is `Drop it`, `***Both***` is `Both`. Only a pair that opens at
/// the start and closes at the end with no other of its kind between
/// them: in `**Bold** start` or `*a* and *b*` the emphasis covers a part,
/// and the text stays as written.
pub(super) fn strip_emphasis(text: &str) -> &str {
    let mut t = text.trim();
    // Most task texts open with a letter: every marker below starts with
    // one of these bytes, so one test spares the five prefix searches.
    if !matches!(t.as_bytes().first(), Some(b'~' | b'*' | b'_')) {
        return t;
    }
    // Each pass strips one pair, so `***x***` takes two.
    while let Some(inner) = ["~~", "**", "__", "*", "_"]
        .iter()
        .find_map(|m| wrapped_in(t, m))
    {
        t = inner;
    }
    t
}

/// `t` inside the marker `m` at both its ends, when that is one span of
/// emphasis: the inside is not empty, holds no `m`, and neither starts
/// nor ends with white space (`* a *` opens no emphasis).
fn wrapped_in<'t>(t: &'t str, m: &str) -> Option<&'t str> {
    let inner = t.strip_prefix(m)?.strip_suffix(m)?;
    let flanked = !inner.starts_with(char::is_whitespace) && !inner.ends_with(char::is_whitespace);
    (!inner.is_empty() && flanked && !inner.contains(m)).then_some(inner)
}

#[path = "task_details.rs"]
mod task_details;
#[path = "task_text.rs"]
mod task_text;

pub(super) use task_details::{joins_list, push_unique};

/// Whether a task's text says that a phase is over: the phase named
/// first, and a word of outcome last, a note in parentheses aside
/// (`Phase 0: Research complete (/plan command)`, `Phase 5: Validation
/// passed`).
fn says_phase_is_over(text: &str) -> bool {
    const OVER: [&str; 6] = [
        "complete",
        "completed",
        "done",
        "finished",
        "passed",
        "generated",
    ];
    let mut rest = text.trim_end_matches(['.', ' ', '*', '_']);
    if rest.ends_with(')')
        && let Some(open) = rest.rfind(" (")
    {
        rest = rest[..open].trim_end_matches(['.', ' ', '*', '_']);
    }
    let last = rest.rsplit(' ').next().unwrap_or_default();
    // The last word first: it is a few bytes' look, where reading a phase
    // head lifts its title's priority, status and estimate, and agents'
    // plans open every task with `Step N:` (half the tasks of the
    // benchmark's tree, 3% of linting it, callgrind).
    OVER.iter().any(|w| last.eq_ignore_ascii_case(w)) && items::is_phase_head(text)
}

#[cfg(test)]
#[path = "tasks_tests.rs"]
mod tests;

/// `- [ ] ~~Evaluate RabbitMQ~~ (we use SQS)`: a task whose words are
/// struck through, with at most a remark after them, is dropped, as if
/// moved under "Out of Scope". A strike that only marks an edit of the
/// wording (`~~Old wording~~ Rewrite the setup guide`) leaves a live task:
/// words after the strike that open with a letter, and are no remark on
/// why it was dropped, name the work.
fn crossed_out(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("~~") else {
        return false;
    };
    let Some(close) = rest.find("~~") else {
        return false;
    };
    let after = rest[close + 2..].trim_start();
    if !after.starts_with(char::is_alphabetic) {
        // Nothing, or a remark set off: `(we use SQS)`, `— dropped`,
        // `: not needed`, `→ T012`.
        return true;
    }
    let word = after
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '\u{2019}')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    REMARK_WORDS.contains(&word.as_str())
}

/// Words that open a remark on a struck task rather than new wording of
/// it (`~~Use Redis~~ replaced by SQS`, `~~Spike~~ not needed`).
const REMARK_WORDS: &[&str] = &[
    "abandoned",
    "already",
    "cancelled",
    "canceled",
    "covered",
    "deferred",
    "descoped",
    "done",
    "dropped",
    "duplicate",
    "handled",
    "instead",
    "is",
    "merged",
    "moved",
    "n",
    "na",
    "no",
    "not",
    "now",
    "obsolete",
    "out",
    "postponed",
    "rejected",
    "removed",
    "replaced",
    "see",
    "skipped",
    "superseded",
    "unnecessary",
    "unneeded",
    "was",
    "we",
    "won't",
    "won\u{2019}t",
    "wont",
    "wontfix",
];
