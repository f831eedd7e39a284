//! Dependency wording of languages written without spaces between words:
//! Chinese, Simplified and Traditional ("依赖 T004", "相依於 Setup 完成",
//! `**前置条件**：T003`, "无依赖").
//!
//! The English readers find a key as a whole word; here no space marks
//! where a word ends, so a key is a run of characters, and what follows it
//! decides whether it is one: "依赖 T004" and "依赖：T004" name a
//! dependency, "依赖注入" (dependency injection) and "依赖包" (dependency
//! packages) do not, since a verb must be followed by what it names (a
//! space, an id, a colon, emphasis) or by a word for "all". The words are
//! data, one [`Words`] a language: adding a language is adding a table to
//! [`LANGUAGES`].

/// A language's words for dependencies. Every list holds the longer
/// before the shorter it begins with.
pub(crate) struct Words {
    /// Verbs that name what their subject waits for, before it: "依赖
    /// T004", "相依於 Setup" ("depends on"). With a colon, field keys too.
    pub verbs: &'static [&'static str],
    /// Keys that name dependencies only as a field, with a colon:
    /// "前置条件：T003" ("prerequisites"); "依赖关系正确" is prose.
    pub field_keys: &'static [&'static str],
    /// Words that may join a verb before it: "全部依赖 Setup" ("all depend on
    /// Setup"). After any other letter a verb is a word's end: "更新依赖
    /// T001 的文档" (update the documents that depend on T001).
    pub lead: &'static [&'static str],
    /// Words that may join a verb and open what it names: "依赖所有用户故事"
    /// ("depends on all user stories").
    pub all: &'static [&'static str],
    /// Words for a phase or task, which may join a verb too: "依赖阶段 1"
    /// ("depends on phase 1"), "依赖任务 T001".
    pub named: &'static [&'static str],
    /// Openings of a value that says there is no dependency, whatever
    /// follows: "无依赖 - 可立即开始" ("no dependencies - can start").
    pub none: &'static [&'static str],
    /// Words that say "none" only standing alone (`依赖：无`): "无法" is
    /// "cannot".
    pub bare_none: &'static [&'static str],
    /// Words right before a verb that take it back: "不依赖" ("does not
    /// depend on").
    pub negations: &'static [&'static str],
    /// Words where a clause stops naming what its subject waits for:
    /// "阻塞所有用户故事" ("blocks all user stories") runs the other way,
    /// "可立即开始" ("can start at once") says something else.
    pub stops: &'static [&'static str],
    /// Words after what a subject waits for: "Foundational 完成后可开始"
    /// ("can start after Foundational is done").
    pub after: &'static [&'static str],
    /// Words around what a subject waits for: "可在 US1 后进行" ("can go
    /// ahead after US1"); the closing words, longer first.
    pub around: &'static [(&'static str, &'static [&'static str])],
    /// "User stories", which a word of [`Words::all`] before makes all of
    /// them ("所有 Beta 用户故事").
    pub stories: &'static [&'static str],
    /// Words that join the items of a list: "T002 和 T003".
    pub joins: &'static [&'static str],
}

/// The languages whose dependency wording is read.
pub(crate) const LANGUAGES: [&Words; 1] = [&CHINESE];

/// Chinese, Simplified and Traditional forms side by side.
const CHINESE: Words = Words {
    verbs: &[
        "依赖于",
        "依赖於",
        "依赖",
        "依賴於",
        "依賴于",
        "依賴",
        "相依於",
        "相依于",
    ],
    field_keys: &[
        "依赖关系",
        "依赖项",
        "依賴關係",
        "依賴項",
        "前置条件",
        "前置條件",
        "前置任务",
        "前置任務",
        "前置依赖",
        "前置依賴",
        "相依性",
    ],
    lead: &["全部", "都", "均", "也", "还", "還", "仅", "僅", "只"],
    all: &["所有", "全部"],
    named: &["阶段", "階段", "任务", "任務"],
    none: &[
        "无依赖",
        "無依賴",
        "无相依",
        "無相依",
        "无前置",
        "無前置",
        "没有依赖",
        "沒有依賴",
        "无需依赖",
        "無需依賴",
        "不依赖",
        "不依賴",
    ],
    bare_none: &["暂无", "暫無", "无", "無", "没有", "沒有"],
    negations: &["不再", "不", "无需", "無需", "并不", "並不", "没有", "沒有"],
    stops: &[
        "阻塞", "可以", "可", "但", "并行", "並行", "平行", "独立", "獨立", "之后", "之後",
    ],
    after: &[
        "完成后可开始",
        "完成後可開始",
        "完成后开始",
        "完成後開始",
        "完成后才能开始",
        "完成後才能開始",
    ],
    around: &[("在", &["之后", "之後", "以后", "以後", "后", "後"])],
    stories: &["用户故事", "用戶故事", "使用者故事"],
    joins: &["和", "及", "与", "與", "、", "，"],
};

/// Every language's words of one list.
fn all_of(list: fn(&Words) -> &'static [&'static str]) -> impl Iterator<Item = &'static str> {
    LANGUAGES
        .into_iter()
        .flat_map(move |w| list(w).iter().copied())
}

/// The verb at the start of `s` that names what follows it (see the
/// module's note): its length.
pub(crate) fn verb_len(s: &str) -> Option<usize> {
    let v = all_of(|w| w.verbs).find(|v| s.starts_with(v))?;
    let rest = &s[v.len()..];
    let names = rest.starts_with(|c: char| {
        c.is_whitespace() || c.is_ascii_alphanumeric() || matches!(c, ':' | '：' | '*' | '_' | '`')
    }) || all_of(|w| w.all)
        .chain(all_of(|w| w.named))
        .any(|a| rest.starts_with(a));
    names.then_some(v.len())
}

/// The first two letters of every verb, each once: what a search for
/// where a verb may stand looks for ("相依" of "相依於").
pub(crate) fn verb_stems() -> Vec<&'static str> {
    let mut stems: Vec<&str> = Vec::new();
    for v in all_of(|w| w.verbs) {
        let two = v.char_indices().nth(2).map_or(v, |(i, _)| &v[..i]);
        if !stems.contains(&two) {
            stems.push(two);
        }
    }
    stems
}

/// The key of a field opening `s` (a verb or a field key, then perhaps
/// emphasis, then a colon): its length, up to the colon's emphasis.
pub(crate) fn field_key_len(s: &str) -> Option<usize> {
    let k = all_of(|w| w.verbs)
        .chain(all_of(|w| w.field_keys))
        .find(|k| s.starts_with(k))?;
    let rest = s[k.len()..].trim_start_matches(['*', '_']);
    rest.starts_with([':', '：']).then_some(k.len())
}

/// The verb at `at` of `text` (see [`verb_len`]), standing where a word
/// starts: after no letter, a letter of ASCII ("Phase 3依赖"), or a word
/// of [`Words::lead`]. Its length.
pub(crate) fn verb_at(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    let starts = before
        .chars()
        .next_back()
        .is_none_or(|c| c.is_ascii() || !c.is_alphanumeric())
        || all_of(|w| w.lead).any(|l| before.ends_with(l));
    starts.then(|| verb_len(&text[at..])).flatten()
}

/// Where the first verb of `text` (see [`verb_at`]) stands, if any: a
/// block that holds none states no dependency in words of these
/// languages. Nothing in ASCII text.
pub(crate) fn first_verb(text: &str) -> Option<usize> {
    // Most blocks are ASCII, and of the rest most hold only dashes,
    // arrows or emoji: a verb can only start at the first byte of one of
    // its stems' letters, so only those bytes are stopped at. Searching
    // for each stem in turn, as this once did, built a searcher a stem
    // for every block with a letter outside ASCII (profiles: 3% of the
    // reading, on plans with no Chinese at all).
    let b = text.as_bytes();
    if text.is_ascii() {
        return None;
    }
    let stems = &*STEMS;
    let at = |i: usize| {
        let rest = &text[i..];
        stems.stems.iter().any(|s| rest.starts_with(s)) && verb_at(text, i).is_some()
    };
    match stems.leads[..] {
        // Today's table: the verbs start with two letters at most, whose
        // first bytes memchr finds many at a time.
        [a] => memchr::memchr_iter(a, b).find(|&i| at(i)),
        [a, c] => memchr::memchr2_iter(a, c, b).find(|&i| at(i)),
        [a, c, d] => memchr::memchr3_iter(a, c, d, b).find(|&i| at(i)),
        _ => (0..b.len()).find(|&i| stems.leads.contains(&b[i]) && at(i)),
    }
}

/// The verbs' stems (see [`verb_stems`]) and the bytes they start with,
/// each once.
struct Stems {
    stems: Vec<&'static str>,
    leads: Vec<u8>,
}

static STEMS: std::sync::LazyLock<Stems> = std::sync::LazyLock::new(|| {
    let stems = verb_stems();
    let mut leads: Vec<u8> = stems.iter().map(|s| s.as_bytes()[0]).collect();
    leads.sort_unstable();
    leads.dedup();
    Stems { stems, leads }
});

/// Whether a normalised field key (`normalize_key`) names dependencies.
pub(crate) fn is_dependency_key(norm: &str) -> bool {
    !norm.is_ascii()
        && all_of(|w| w.verbs)
            .chain(all_of(|w| w.field_keys))
            .any(|k| k == norm)
}

/// The keys in `text`, in order: (start, end, whether a field key, which
/// counts only with a colon). Nothing in ASCII text.
pub(crate) fn keys_in(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out: Vec<(usize, usize, bool)> = Vec::new();
    if text.is_ascii() {
        return out;
    }
    // A key starts with the first letter of a verb or a field key: only
    // where one stands are the keys tried, found from its first byte as
    // `first_verb` finds the verbs. Trying every letter outside ASCII
    // cost 4M instructions over the corpus, nearly all on text in
    // Chinese (callgrind, parse bench).
    let firsts = &*KEY_FIRSTS;
    let mut i = 0;
    while let Some(at) = next_lead(text.as_bytes(), firsts.leads(), i) {
        let rest = &text[at..];
        if !firsts.letters().iter().any(|l| rest.starts_with(l)) {
            i = at + 1;
        } else if let Some(len) = verb_at(text, at) {
            out.push((at, at + len, false));
            i = at + len;
        } else if let Some(len) = field_key_len(rest) {
            out.push((at, at + len, true));
            i = at + len;
        } else {
            i = at + 1;
        }
    }
    out
}

/// The first position from `from` on where `b` holds one of `leads`, or
/// with none, where a letter outside ASCII starts. Each is the first byte
/// of a letter outside ASCII, which no byte inside one is: a position
/// found is a letter's start.
fn next_lead(b: &[u8], leads: &[u8], from: usize) -> Option<usize> {
    let rest = b.get(from..)?;
    let found = match *leads {
        [] => rest.iter().position(|&x| x >= 0xC0),
        [a] => memchr::memchr(a, rest),
        [a, c] => memchr::memchr2(a, c, rest),
        [a, c, d] => memchr::memchr3(a, c, d, rest),
        _ => rest.iter().position(|x| leads.contains(x)),
    };
    found.map(|k| from + k)
}

/// The first letters of the verbs and field keys (see [`keys_in`]), and
/// the bytes they start with, each once. Held in place, not on the heap:
/// an allocation that lives as long as the program, made amid a plan's
/// reading, left the allocator a gap that cost more copying (realloc)
/// later than the table saved.
struct KeyFirsts {
    letters: [&'static str; MAX_FIRSTS],
    letters_len: usize,
    leads: [u8; MAX_FIRSTS],
    leads_len: usize,
}

/// Room in [`KeyFirsts`]; more first letters than this (one language's
/// keys have three) and every letter outside ASCII is tried.
const MAX_FIRSTS: usize = 16;

impl KeyFirsts {
    fn letters(&self) -> &[&'static str] {
        &self.letters[..self.letters_len]
    }

    fn leads(&self) -> &[u8] {
        &self.leads[..self.leads_len]
    }
}

static KEY_FIRSTS: std::sync::LazyLock<KeyFirsts> = std::sync::LazyLock::new(|| {
    let mut firsts = KeyFirsts {
        letters: [""; MAX_FIRSTS],
        letters_len: 0,
        leads: [0; MAX_FIRSTS],
        leads_len: 0,
    };
    for k in all_of(|w| w.verbs).chain(all_of(|w| w.field_keys)) {
        let first = k.char_indices().nth(1).map_or(k, |(i, _)| &k[..i]);
        if firsts.letters().contains(&first) {
            continue;
        }
        let lead = first.as_bytes()[0];
        if firsts.letters_len == MAX_FIRSTS || lead.is_ascii() {
            // Too many to look for: every letter outside ASCII is tried
            // (no leads, and the empty letter, which all start with).
            firsts.letters = [""; MAX_FIRSTS];
            firsts.letters_len = 1;
            firsts.leads_len = 0;
            return firsts;
        }
        firsts.letters[firsts.letters_len] = first;
        firsts.letters_len += 1;
        if !firsts.leads().contains(&lead) {
            firsts.leads[firsts.leads_len] = lead;
            firsts.leads_len += 1;
        }
    }
    firsts
});

/// Whether `value` says there is no dependency: "无", "无依赖", "無相依性".
pub(crate) fn says_none(value: &str) -> bool {
    let t = value.trim_start();
    all_of(|w| w.none).any(|n| t.starts_with(n))
        || all_of(|w| w.bare_none).any(|n| {
            t.strip_prefix(n)
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
}

/// Whether the words right before a verb take it back: "不依赖".
pub(crate) fn negated(before: &str) -> bool {
    let before = before.trim_end_matches([' ', '\t', '*', '_']);
    all_of(|w| w.negations).any(|n| before.ends_with(n))
}

/// Where in `run` (text of letters outside ASCII, perhaps with some
/// inside it) a stop word starts, if one does.
pub(crate) fn stop_in(run: &str) -> Option<usize> {
    run.char_indices()
        .find(|&(i, _)| all_of(|w| w.stops).any(|s| run[i..].starts_with(s)))
        .map(|(i, _)| i)
}

/// Where in `s` the first word that puts what comes before it first
/// starts ("Foundational 完成后可开始").
pub(crate) fn after_in(s: &str) -> Option<usize> {
    all_of(|w| w.after).filter_map(|a| s.find(a)).min()
}

/// Where what [`Words::around`] holds starts and ends in `s`: " US1 " of
/// "可在 US1 后进行". A few words at most stand between.
pub(crate) fn around_in(s: &str) -> Option<(usize, usize)> {
    LANGUAGES
        .into_iter()
        .flat_map(|w| w.around)
        .find_map(|&(open, closes)| {
            let start = s.find(open)? + open.len();
            let mut head = (start + 32).min(s.len());
            while !s.is_char_boundary(head) {
                head -= 1;
            }
            let end = closes.iter().filter_map(|c| s[start..head].find(c)).min()?;
            Some((start, start + end))
        })
}

/// "所有用户故事", "全部 Beta 用户故事" at the start of `s`: where it ends.
/// Only a few words may stand between: the stories must follow the
/// "all" in the same clause.
pub(crate) fn stories_len(s: &str) -> Option<usize> {
    let a = all_of(|w| w.all).find(|a| s.starts_with(a))?;
    let mut head = (a.len() + 48).min(s.len());
    while !s.is_char_boundary(head) {
        head -= 1;
    }
    let near = &s[a.len()..head];
    let (at, story) = all_of(|w| w.stories)
        .filter_map(|st| near.find(st).map(|i| (i, st)))
        .min()?;
    let between = &near[..at];
    let plain = between
        .chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
    plain.then_some(a.len() + at + story.len())
}

/// Whether `between` ends with a word that joins a list ("T002 和 T003").
pub(crate) fn ends_joining(between: &str) -> bool {
    let t = between.trim_end();
    all_of(|w| w.joins).any(|j| t.ends_with(j))
}

#[cfg(test)]
#[path = "unspaced_tests.rs"]
mod tests;
