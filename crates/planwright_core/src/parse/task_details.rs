//! A task item's own lines: the requirements, dependencies and owner its
//! detail keys (`Requirements:`, `Depends on`, `Owner:`) give it.

use super::super::refs::{last_word_is, negated, unspaced};
use super::super::{Builder, Text, line_len, references};
use crate::text_search::TextSearch;

impl Builder<'_> {
    /// Where the detail keys stand from the line of the plan's first check
    /// box on, as (start, end, key), found in one pass when the first task
    /// ends. Searching each task's text alone cost an automaton start per
    /// task, more than the search itself in a list of short tasks (3% of
    /// `lint` over generated plans, callgrind). No key runs over a line
    /// and a task's text starts at its marker and ends at a line's end, so
    /// the keys inside it are those a search of it alone finds.
    fn take_detail_hits(&mut self) -> Vec<(u32, u32, u8)> {
        if let Some(hits) = self.detail_hits.take() {
            return hits;
        }
        let from = self.plan.tasks.first().map_or(0, |t| {
            super::super::line_start_before(self.src, t.check_range.start as usize)
        });
        // A case-insensitive automaton over the original text: offsets stay
        // offsets into the source (a lower-cased copy may differ in length).
        let (keys, key_of) = detail_keys();
        let mut hits = Vec::new();
        keys.each_match(&self.src[from..], |p, start, end| {
            hits.push(((from + start) as u32, (from + end) as u32, key_of[p] as u8));
        });
        hits
    }

    /// Requirements, dependencies and owner written in the item's own lines
    /// (not in nested check boxes).
    pub(in crate::parse) fn task_details(&mut self, t: usize, text_end: usize) {
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
        // Ids already in `depends`, once there are enough of them that a
        // linear look through them would add up (a line naming thousands
        // of ids was quadratic).
        let mut seen: rustc_hash::FxHashSet<Text> = rustc_hash::FxHashSet::default();
        let mut seen_requirements: rustc_hash::FxHashSet<Text> = rustc_hash::FxHashSet::default();
        let mut owner = None;
        let first_line_end = line_len(text);
        // Taken out for the loop, which reads the builder, and put back.
        let hits = self.take_detail_hits();
        let mut found_keys = own
            .iter()
            .flat_map(|&(s, e)| {
                let (s, e) = (base + s, base + e);
                let first = hits.partition_point(|h| (h.0 as usize) < s);
                hits[first..]
                    .iter()
                    .take_while(move |h| h.1 as usize <= e)
                    .map(move |&(hs, he, key)| {
                        (hs as usize - base, he as usize - base, key as usize)
                    })
            })
            .peekable();
        while let Some((at, end, pattern)) = found_keys.next() {
            let abs = base + at;
            // A value ends at its line's end or at the next key on the same
            // line: `Requirements: 1.2, depends on T001` holds two fields,
            // and reading each key's value to the line's end read a line of
            // many keys again for each of them (quadratic).
            let limit = found_keys.peek().map_or(text.len(), |&(next, _, _)| next);
            let line_end = end + line_len(&text[end..limit]);
            // A `|` between fields of one line ends a value too:
            // spec-workflow's `_Prompt: Role: … | _Requirements: FR-1 (…) |
            // Success: …_` goes on to prose, as spec-kit's `**Branch**: x |
            // **Date**: y` does to the next field. No id or name holds one.
            let field_end = text[end..line_end].find('|').map_or(line_end, |p| end + p);
            let value = &text[end..field_end];
            match DETAIL_KEYS.get(pattern).copied().unwrap_or(UNSPACED_VERB) {
                "requirements:"
                | "requirement:"
                | "validates: requirements"
                | "validates: requirement"
                | "_需求"
                | "_要件" => {
                    let value = value.trim_start_matches([':', '：', ' ']);
                    // A task names a requirement once however many of its
                    // lines repeat it (the prompt line repeats them all).
                    for id in requirement_ids(value) {
                        push_unique(&mut requirements, &mut seen_requirements, Text::from(id));
                    }
                }
                "owner:" | "assignee:" => {
                    // On the task's own line only as a field of its own:
                    // in brackets (`(owner: Bob)`) or bold (`**Owner:**
                    // Bob`), to the bracket's close or the clause's end;
                    // "update the owner: field" is the task's words.
                    let own_line = at < first_line_end;
                    let before = text[..at].trim_end_matches([' ', '\t']);
                    let field = !own_line || before.ends_with(['(', '[']) || before.ends_with("**");
                    let v = if own_line {
                        value.split([')', ']', ',', ';']).next().unwrap_or_default()
                    } else {
                        value
                    };
                    let v = v.trim().trim_matches(['*', '_', ' ']);
                    // "(owner: TBD)" names nobody yet.
                    let nobody = ["tbd", "tba", "unassigned", "none", "n/a", "?", "-"]
                        .iter()
                        .any(|n| v.eq_ignore_ascii_case(n));
                    if owner.is_none() && field && !v.is_empty() && !nobody {
                        owner = Some(Text::from(v));
                    }
                }
                // A dependency the author has crossed out, or taken back
                // ("not blocked by", "no longer depends on"), is none.
                // "依赖注入" (dependency injection), "更新依赖 T001 的文档"
                // (documents that depend on T001) name no dependency.
                UNSPACED_VERB if unspaced::verb_at(text, at).is_none() => {}
                _ if crate::text::struck_through(&text[..at]) || negated(&text[..at]) => {}
                // "requires no change to T001's schema", "depends on no
                // other task": the key's object is nothing.
                _ if names_nothing(value) => {}
                // Quoted as code, the words are an example's: "Add a
                // `(waits on T001)` marker".
                _ if self.in_code(crate::TextRange::new(abs, base + end)) => {}
                _ => {
                    // A value wrapped onto the first paragraph's next line
                    // goes on there, to its clause's end.
                    // (Not past a `|`, which ends the field where it is.)
                    let wrapped = if field_end < line_end {
                        field_end
                    } else {
                        (text_end.saturating_sub(base)).min(limit).max(line_end)
                    };
                    let value = &text[end..wrapped];
                    let line = &text[at..end + clause_len(value)];
                    let mut last: Option<usize> = None;
                    for r in references(line, abs) {
                        // A list goes on only through list words: "after
                        // T002 and compare with the T001 baseline" waits
                        // for T002 alone.
                        let (start, stop) = (r.range.start as usize, r.range.end as usize);
                        // (A phase range's numbers share one range.)
                        if last.is_some_and(|l| start > l && !joins_list(&self.src[l..start])) {
                            break;
                        }
                        last = Some(last.map_or(stop, |l| l.max(stop)));
                        if let crate::model::RefTarget::Task(id) = r.target {
                            push_unique(&mut depends, &mut seen, id);
                        }
                    }
                }
            }
        }
        drop(found_keys);
        self.detail_hits = Some(hits);
        self.scratch_ranges = own;
        let task = &mut self.plan.tasks[t];
        task.requirements = requirements;
        task.depends_on = depends;
        if task.owner.is_none() {
            task.owner = owner;
        }
    }
}

/// The ids a requirements value lists, split at its commas outside
/// brackets, each without the title in brackets after it: `FR-2 (Checks,
/// links), FR-5 (Consistency)` lists FR-2 and FR-5. An id glued to a
/// bracket (`1.2(a)`) keeps it; a fullwidth bracket is a title's however
/// it stands (`2.2（原子写入）`). What is long or empty is words, no id.
fn requirement_ids(value: &str) -> impl Iterator<Item = &str> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in value.char_indices() {
        match c {
            // A bracket around the whole list (`(3.1, 3.2)`) holds no
            // title: only one after an id does.
            '(' | '[' | '（' | '【' if !value[start..i].trim().is_empty() => depth += 1,
            ')' | ']' | '）' | '】' => depth = depth.saturating_sub(1),
            ',' | '、' | '，' if depth == 0 => {
                items.push(&value[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    items.push(&value[start..]);
    items.into_iter().filter_map(|item| {
        let item = item.trim();
        // Byte offsets of `find`, so the cuts fall on char boundaries.
        let titled = [" (", "\t(", "（"]
            .iter()
            .filter_map(|open| item.find(open))
            .min()
            .unwrap_or(item.len());
        let id = item[..titled].trim().trim_matches(['_', '*', ' ', '.']);
        let mut id = id.trim_start_matches(['(', '[']);
        // The list's closing bracket, not an id's own (`1.2(a)`): one
        // that closes more than the id opens.
        let opens = id.matches(['(', '[']).count();
        while id.matches([')', ']']).count() > opens {
            match id.strip_suffix([')', ']']) {
                Some(shorter) => id = shorter,
                None => break,
            }
        }
        (!id.is_empty() && id.len() <= 24).then_some(id)
    })
}

/// How much of a dependency's value is its clause: up to a `;`, the end
/// of a sentence (a `.` before white space and a capital, or at the end)
/// or the bracket closing the one the key stands in, so "(depends on
/// T002; reuse the helpers from T001)" waits for T002 only. A dot inside
/// an id (`T231.15`, `2.1`) ends nothing, nor a bracket pair inside the
/// value (`T001 (loader), T002`).
fn clause_len(value: &str) -> usize {
    let b = value.as_bytes();
    let sentence_end = |i: usize| {
        let rest = value[i + 1..].trim_start();
        rest.is_empty()
            || (rest.len() < value.len() - i - 1 && rest.starts_with(char::is_uppercase))
    };
    let mut depth = 0usize;
    if !value.is_ascii() {
        // As below, with the fullwidth brackets and stops of Chinese:
        // "（依赖 T002；复用 T001 的代码）".
        for (i, c) in value.char_indices() {
            match c {
                '(' | '[' | '（' | '【' => depth += 1,
                ')' | ']' | '）' | '】' if depth == 0 => return i,
                ')' | ']' | '）' | '】' => depth -= 1,
                ';' | '；' | '。' => return i,
                '.' if sentence_end(i) => return i,
                _ => {}
            }
        }
        return value.len();
    }
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'(' | b'[' => depth += 1,
            b')' | b']' if depth == 0 => return i,
            b')' | b']' => depth -= 1,
            b';' => return i,
            b'.' if sentence_end(i) => return i,
            _ => {}
        }
    }
    value.len()
}

/// Whether the text between two references of one dependency value lists
/// them together: besides punctuation and brackets, only "and", "or",
/// "also", "task(s)" and what stands in brackets (`T001 (schema), T002`);
/// or, whatever words come first, a joiner right before the later one
/// (`T001 in src/models.py, T002`, `T001 version 1.2 and T002`). "after
/// T002 and compare with the T001 baseline" lists no T001. Phase
/// sentences list their objects by it too.
pub(in crate::parse) fn joins_list(between: &str) -> bool {
    only_joins(between) || ends_joining(between)
}

/// Whether `between` ends with what joins a list: `,`, `&`, `/`, `+`,
/// "and", "or" or "also", then perhaps "task(s)" and opening marks.
fn ends_joining(between: &str) -> bool {
    let marks = |c: char| c.is_whitespace() || matches!(c, '(' | '[' | '*' | '_' | '`');
    let mut t = between.trim_end_matches(marks);
    if let Some(k) = ["subtasks", "subtask", "tasks", "task"]
        .into_iter()
        .find(|k| last_word_is(t, k))
    {
        t = t[..t.len() - k.len()].trim_end_matches(marks);
    }
    t.ends_with([',', '&', '/', '+'])
        || ["and", "or", "also"].iter().any(|k| last_word_is(t, k))
        || unspaced::ends_joining(t)
}

/// Whether `between` holds nothing but punctuation, brackets, listing
/// words and bracketed text.
fn only_joins(between: &str) -> bool {
    let mut depth = 0usize;
    let mut word = 0..0;
    for (i, c) in between.char_indices().chain([(between.len(), ' ')]) {
        if c.is_alphanumeric() {
            if word.is_empty() {
                word = i..i;
            }
            word.end = i + c.len_utf8();
            continue;
        }
        let w = &between[std::mem::replace(&mut word, 0..0)];
        let listing = ["and", "or", "also", "task", "tasks", "subtask", "subtasks"]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k));
        if depth == 0 && !w.is_empty() && !listing {
            return false;
        }
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}

/// The key of a hit on a verb of `unspaced` (see [`detail_keys`]).
const UNSPACED_VERB: &str = "(unspaced verb)";

/// What `task_details` looks for in a task item's own lines. Kiro's
/// property tests name what they check as `**Validates: Requirements
/// 1.2**`, which is read as the task's requirements too.
pub(super) const DETAIL_KEYS: [&str; 18] = [
    "requirements:",
    "requirement:",
    "validates: requirements",
    "validates: requirement",
    "_需求",
    "_要件",
    "depends on",
    "dependencies:",
    "blocked by",
    "after ",
    "requires ",
    "blocked on",
    "waits for",
    "needs ",
    "waits on",
    "blocked until",
    "owner:",
    "assignee:",
];

/// The automaton over [`DETAIL_KEYS`] in their lower, Capitalised, Title
/// and UPPER case forms, with the key index of each pattern. Spelling the
/// cases out (rather than asking for ASCII case-insensitivity) keeps
/// aho-corasick's SIMD prefilter, which case-insensitive search gives up.
/// A packed searcher where it can be (see [`TextSearch`]): building a DFA
/// was a sixth of the instructions of `planwright lint` on one file, and
/// even an NFA a tenth.
pub(super) fn detail_keys() -> &'static (TextSearch, Vec<usize>) {
    static KEYS: std::sync::OnceLock<(TextSearch, Vec<usize>)> = std::sync::OnceLock::new();
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
        // The verbs of languages written without spaces ("依赖 T004"), by
        // their first two letters: which verb, if any, stands there, and
        // whether it names what follows, is for `unspaced` to say, whose
        // table stays the one place the words are kept.
        for stem in unspaced::verb_stems() {
            patterns.push(stem.to_owned());
            owner.push(DETAIL_KEYS.len());
        }
        let search = TextSearch::new(&patterns, aho_corasick::MatchKind::LeftmostLongest);
        (search, owner)
    })
}

/// Appends `id` unless `list` has it, and says whether it did; `seen`
/// mirrors `list` once it is past a few ids.
pub(in crate::parse) fn push_unique(
    list: &mut Vec<Text>,
    seen: &mut rustc_hash::FxHashSet<Text>,
    id: Text,
) -> bool {
    const LINEAR: usize = 16;
    if list.len() < LINEAR {
        let new = !list.contains(&id);
        if new {
            list.push(id);
        }
        return new;
    }
    if seen.is_empty() {
        seen.extend(list.iter().cloned());
    }
    let new = seen.insert(id.clone());
    if new {
        list.push(id);
    }
    new
}

pub(super) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Whether a dependency's value opens with a word that makes its object
/// nothing: "no change to T001", "nothing from T002", "none of T003".
fn names_nothing(value: &str) -> bool {
    let v = value.trim_start_matches([':', ' ', '*', '_']);
    let word = v
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    ["no", "nothing", "none"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}
