//! Section roles: what a heading is for, whatever words it uses.
//!
//! The synonym table lives in `data/roles.toml`, so that "Risks &
//! Mitigations", "7. Risks and Mitigations" and "Risk Assessment" all resolve
//! to [`Role::Risks`] and a new language is a data change.

use std::sync::OnceLock;

use crate::model::{TextBuf, WordBuf};

macro_rules! roles {
    ($($variant:ident => $name:literal,)*) => {
        /// The purpose of a section.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Role { $($variant,)* }

        impl Role {
            pub const ALL: &'static [Role] = &[$(Role::$variant,)*];

            pub fn name(self) -> &'static str {
                match self { $(Role::$variant => $name,)* }
            }

            pub fn from_name(name: &str) -> Option<Role> {
                match name { $($name => Some(Role::$variant),)* _ => None }
            }
        }
    };
}

roles! {
    Summary => "summary",
    Goals => "goals",
    NonGoals => "non_goals",
    Context => "context",
    Architecture => "architecture",
    TechnicalContext => "technical_context",
    Components => "components",
    DataModel => "data_model",
    Api => "api",
    Phases => "phases",
    Testing => "testing",
    Deployment => "deployment",
    Risks => "risks",
    OpenQuestions => "open_questions",
    DefinitionOfDone => "definition_of_done",
    Timeline => "timeline",
    ProgressLog => "progress_log",
    AcceptanceCriteria => "acceptance_criteria",
    Dependencies => "dependencies",
    Prerequisites => "prerequisites",
    Stakeholders => "stakeholders",
    Decisions => "decisions",
    Alternatives => "alternatives",
    Observability => "observability",
    Performance => "performance",
    Security => "security",
    Configuration => "configuration",
    Requirements => "requirements",
    Checklist => "checklist",
    Notes => "notes",
    Appendix => "appendix",
    ProjectStructure => "project_structure",
    ConstitutionCheck => "constitution_check",
    ComplexityTracking => "complexity_tracking",
    Resources => "resources",
    Specification => "specification",
}

/// The longest phrase, in words, that a heading is searched for; longer
/// phrases in the data are only matched whole.
const MAX_PHRASE_WORDS: usize = 12;

struct Table {
    /// `FxHash`: the keys are short and trusted, and `SipHash` showed in
    /// profiles of the reader.
    exact: rustc_hash::FxHashMap<&'static str, Role>,
    /// Most words in any phrase: the widest window worth looking up.
    max_words: usize,
    /// Words that begin some phrase: only windows starting with one of
    /// them are worth building and hashing. Each with the sizes, in words,
    /// of its phrases of at most [`MAX_PHRASE_WORDS`] words (bit `k` for
    /// `k + 1` words): no other window from it can match.
    first_words: rustc_hash::FxHashMap<&'static str, u16>,
    /// For each byte, the lengths (bit `len`, 63 for longer) of the first
    /// words that open with it: most words of a heading open no phrase,
    /// and this tells so without hashing them.
    first_word_lens: [u64; 256],
    /// Phrases in scripts written without spaces ("风险评估"), longest
    /// first, with their roles.
    unspaced_phrases: Vec<(&'static str, Role)>,
    /// Phrases that name their role only as the heading's first words
    /// (`lead` in the data): "Progress (as of May)", not "Weekly
    /// progress dashboard".
    lead_only: rustc_hash::FxHashSet<&'static str>,
    /// Those phrases as one substring automaton, built on the first heading
    /// that needs it: building it up front was half the start-up work of
    /// `planwright lint ONE_FILE`, and most runs see no such heading.
    unspaced: OnceLock<aho_corasick::AhoCorasick>,
}

impl Table {
    /// The sizes of the phrases `word` opens (see `first_words`), 0 for a
    /// word that opens none.
    fn phrase_sizes(&self, word: &str) -> u16 {
        let gate = word
            .as_bytes()
            .first()
            .is_none_or(|&b| self.first_word_lens[usize::from(b)] >> word.len().min(63) & 1 != 0);
        if !gate {
            return 0;
        }
        self.first_words.get(word).copied().unwrap_or(0)
    }

    fn unspaced(&self) -> &aho_corasick::AhoCorasick {
        self.unspaced.get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                // A handful of short phrases: an NFA builds in a fraction
                // of a DFA's time and searches these headings as fast.
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .build(self.unspaced_phrases.iter().map(|(p, _)| p))
                .expect("role phrases build an automaton")
        })
    }
}

include!(concat!(env!("OUT_DIR"), "/roles_table.rs"));

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut exact = rustc_hash::FxHashMap::with_capacity_and_hasher(
            ROLE_PHRASES.len(),
            rustc_hash::FxBuildHasher,
        );
        let mut unspaced = Vec::new();
        let mut max_words = 1;
        let mut first_words = rustc_hash::FxHashMap::<&str, u16>::default();
        let mut first_word_lens = [0u64; 256];
        // In role name order: when two roles list one phrase, the first
        // name wins.
        let mut lead_only = rustc_hash::FxHashSet::default();
        for &(role_name, _, norm, lead) in ROLE_PHRASES {
            let Some(role) = Role::from_name(role_name) else {
                continue;
            };
            if lead {
                lead_only.insert(norm);
            }
            let words = norm.split(' ').count();
            max_words = max_words.max(words).min(MAX_PHRASE_WORDS);
            let first = norm.split(' ').next().unwrap_or_default();
            let sizes = first_words.entry(first).or_default();
            if words <= MAX_PHRASE_WORDS {
                *sizes |= 1 << (words - 1);
            }
            if let Some(&b) = first.as_bytes().first() {
                first_word_lens[usize::from(b)] |= 1 << first.len().min(63);
            }
            if !norm.is_ascii() && !norm.contains(' ') {
                unspaced.push((norm, role));
            }
            exact.entry(norm).or_insert(role);
        }
        unspaced.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        Table {
            exact,
            max_words,
            first_words,
            first_word_lens,
            unspaced_phrases: unspaced,
            lead_only,
            unspaced: OnceLock::new(),
        }
    })
}

/// The role of a heading, if its words name one: an exact phrase first,
/// then the phrase of the most words found as whole words in the heading
/// (the longest, between phrases of as many words).
pub fn resolve(title: &str) -> Option<Role> {
    resolve_key(&normalize_heading(title))
}

/// [`resolve`] for a heading already passed through [`normalize_heading`].
pub fn resolve_key(norm: &str) -> Option<Role> {
    match resolve_words(norm) {
        Some(Role::OpenQuestions) if questions_settled(norm) => None,
        role => role,
    }
}

/// The role a heading names with all of its words (`Risks`, `7.
/// Summary`), not one it only mentions (`Delivery Plan: Export`): for a
/// heading already passed through [`normalize_heading`].
pub fn resolve_exact(norm: &str) -> Option<Role> {
    table().exact.get(norm).copied()
}

/// Whether a heading of questions (its normalised key) says they are no
/// longer open: "Resolved Questions", "Questions Answered", "Open
/// Questions (all resolved)", "Open Issues: none", "Frequently Asked
/// Questions". The table finds "questions" in any of them, and an answered
/// question kept under such a heading is none the plan still has to
/// settle. A heading that names open ones as well ("Open and Resolved
/// Questions"), or says they are still to be settled ("Questions to Be
/// Resolved"), stays open.
fn questions_settled(norm: &str) -> bool {
    const SETTLED: [&str; 6] = [
        "resolved", "answered", "closed", "decided", "settled", "none",
    ];
    const OPEN: [&str; 5] = ["open", "unresolved", "outstanding", "pending", "unanswered"];
    // Words between "questions" and the settling word that put it off.
    const NOT_YET: [&str; 8] = ["to", "be", "not", "yet", "still", "need", "needs", "being"];
    if norm.contains("frequently asked") {
        return true;
    }
    let words: Vec<&str> = norm.split(' ').collect();
    let Some(last) = words
        .iter()
        .rposition(|w| ["questions", "question", "issues", "decisions"].contains(w))
    else {
        return false;
    };
    let (before, after) = words.split_at(last + 1);
    // After the questions, the settling word says what became of them:
    // of all of them, unless open ones are named too ("2 resolved, 1
    // open"), only some are ("Partially Resolved"), or it picks out the
    // settled ones ("resolved ones struck through").
    const SOME: [&str; 6] = [
        "partially",
        "partly",
        "mostly",
        "some",
        "remain",
        "remaining",
    ];
    if let Some(at) = after.iter().position(|w| SETTLED.contains(w)) {
        let subset = after
            .get(at + 1)
            .is_some_and(|w| ["ones", "items", "questions", "moved"].contains(w));
        return !after[..at]
            .iter()
            .any(|w| NOT_YET.contains(w) || SOME.contains(w))
            && !after.iter().any(|w| OPEN.contains(w) || SOME.contains(w))
            && !subset;
    }
    // Before them, it says which questions these are, unless open ones
    // are named with them.
    before.iter().any(|w| SETTLED.contains(w)) && !before.iter().any(|w| OPEN.contains(w))
}

/// [`resolve_key`] by the words alone.
fn resolve_words(norm: &str) -> Option<Role> {
    if norm.is_empty() {
        return None;
    }
    let table = table();
    if let Some(role) = table.exact.get(norm) {
        return Some(*role);
    }
    // A window of whole words is a substring of `norm` (its words are
    // single-spaced), so windows are looked up as slices: no key is built,
    // nothing is allocated per heading.
    let mut best: Option<(usize, usize, Role)> = None;
    let mut start = 0;
    // Words are short: a byte loop finds their ends for less than a
    // `memchr` call costs.
    let word_end = |b: &[u8], from: usize| {
        b[from..]
            .iter()
            .position(|&c| c == b' ')
            .map_or(b.len(), |e| from + e)
    };
    while start < norm.len() {
        let rest = &norm[start..];
        let first_end = word_end(rest.as_bytes(), 0);
        let sizes = table.phrase_sizes(&rest[..first_end]);
        if sizes != 0 {
            // Ends of the windows of 1, 2, … words from here, up to the
            // most words of a phrase this word opens.
            let most = (u16::BITS - sizes.leading_zeros()) as usize;
            let mut ends = [0usize; MAX_PHRASE_WORDS];
            let mut n = 0;
            let mut end = first_end;
            while n < most.min(table.max_words) {
                ends[n] = end;
                n += 1;
                if end == rest.len() {
                    break;
                }
                end = word_end(rest.as_bytes(), end + 1);
            }
            for size in (1..=n).rev() {
                if sizes & (1 << (size - 1)) == 0 {
                    continue;
                }
                let key = &rest[..ends[size - 1]];
                if start > 0 && table.lead_only.contains(key) {
                    continue;
                }
                if let Some(&role) = table.exact.get(key) {
                    if best.is_none_or(|(w, len, _)| (size, key.len()) > (w, len)) {
                        best = Some((size, key.len(), role));
                    }
                    break;
                }
            }
        }
        start += first_end + 1;
    }
    if let Some((_, _, role)) = best {
        return Some(role);
    }
    if norm.is_ascii() {
        return None;
    }
    // The longest phrase found anywhere in the heading wins.
    table
        .unspaced()
        .find_iter(norm)
        .filter(|m| {
            m.start() == 0
                || !table
                    .lead_only
                    .contains(table.unspaced_phrases[m.pattern().as_usize()].0)
        })
        .max_by_key(|m| (m.len(), std::cmp::Reverse(m.start())))
        .map(|m| table.unspaced_phrases[m.pattern().as_usize()].1)
}

/// Lower case, numbers and punctuation dropped, `&`/`+` read as "and",
/// single spaces.
pub fn normalize_heading(title: &str) -> crate::model::Text {
    normalize_heading_bytes(title).unwrap_or_else(|| normalize_heading_chars(title))
}

fn normalize_heading_chars(title: &str) -> crate::model::Text {
    let mut out = TextBuf::default();
    let mut pending_space = false;
    for c in title.chars() {
        if c == '&' || c == '+' {
            push_word(&mut out, &mut pending_space, "and");
        } else if c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic()) {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                c.to_lowercase().for_each(|l| out.push(l));
            }
        } else {
            pending_space = true;
        }
    }
    out.finish()
}

/// [`normalize_heading_chars`] a byte at a time into a stack buffer, with
/// only the bytes that open a non-ASCII character decoded: decoding and
/// re-encoding every character, then pushing each with its checks, was
/// most of its cost (every heading is normalised, one in eight with a
/// dash or an emoji in it). `None` when the key would outgrow the buffer:
/// the character path takes those.
fn normalize_heading_bytes(title: &str) -> Option<crate::model::Text> {
    // What each byte writes: its lower case for a letter (`LETTER` or
    // above), nothing for the bytes that only separate words (`GAP`); `AND`
    // for `&` and `+` (read as the word "and"), `WIDE` for the first byte
    // of a non-ASCII character, which is decoded, and `REST` for its
    // other bytes, which were read with it.
    const GAP: u8 = 0;
    const AND: u8 = 1;
    const WIDE: u8 = 2;
    const REST: u8 = 3;
    const LETTER: u8 = b'a';
    const KEY_BYTE: [u8; 256] = {
        let mut table = [GAP; 256];
        let mut b = 0;
        while b < 256 {
            let byte = b as u8;
            table[b] = if byte.is_ascii_alphabetic() {
                byte.to_ascii_lowercase()
            } else if byte == b'&' || byte == b'+' {
                AND
            } else if byte >= 0xC0 {
                WIDE
            } else if byte >= 0x80 {
                REST
            } else {
                GAP
            };
            b += 1;
        }
        table
    };
    let mut out = WordBuf::new(b' ');
    for (i, &b) in title.as_bytes().iter().enumerate() {
        match KEY_BYTE[usize::from(b)] {
            k if k >= LETTER => out.push_byte(k)?,
            GAP => out.gap(),
            // A word of its own, whatever is on either side.
            AND => {
                out.gap();
                for &a in b"and" {
                    out.push_byte(a)?;
                }
                out.gap();
            }
            WIDE => {
                let c = title[i..].chars().next()?;
                if c.is_alphabetic() {
                    out.push_lower(c)?;
                } else {
                    out.gap();
                }
            }
            _ => {}
        }
    }
    out.finish()
}

fn push_word(out: &mut TextBuf, pending_space: &mut bool, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
    *pending_space = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `build.rs` normalises the table's phrases with a copy of
    /// [`normalize_heading`]: the copy must write what the reader does.
    #[test]
    fn phrases_are_normalised_at_build_time_as_headings_are() {
        for &(_, phrase, norm, _) in ROLE_PHRASES {
            assert_eq!(normalize_heading(phrase), norm, "phrase {phrase:?}");
        }
        assert!(ROLE_PHRASES.len() > 300, "the whole table is read");
    }

    proptest::proptest! {
        #[test]
        fn ascii_headings_normalise_as_characters_do(title in "[ -~]{0,90}") {
            proptest::prop_assert_eq!(
                normalize_heading(&title),
                normalize_heading_chars(&title)
            );
        }

        // Any characters, upper-case ones that lower to several too
        // (`İ`), and keys long enough to outgrow the byte path's buffer.
        #[test]
        fn headings_normalise_as_characters_do(title in "(\\PC|İ|&|É|ẞ){0,140}") {
            proptest::prop_assert_eq!(
                normalize_heading(&title),
                normalize_heading_chars(&title)
            );
        }
    }

    #[test]
    fn synonyms_resolve_to_one_role() {
        for title in [
            "Risks & Mitigations",
            "7. Risks and Mitigations",
            "Risk Assessment",
            "9. Risks & Mitigations",
            "风险评估",
        ] {
            assert_eq!(resolve(title), Some(Role::Risks), "{title}");
        }
        assert_eq!(resolve("3. Non‑Goals"), Some(Role::NonGoals));
        assert_eq!(resolve("Non-Goals"), Some(Role::NonGoals));
        assert_eq!(resolve("Definition of Done"), Some(Role::DefinitionOfDone));
        assert_eq!(resolve("Progress Log"), Some(Role::ProgressLog));
        assert_eq!(
            resolve("Data & Schema Considerations"),
            Some(Role::DataModel)
        );
        // Traditional Chinese, as Taiwan and Hong Kong write it.
        assert_eq!(resolve("風險"), Some(Role::Risks));
        assert_eq!(resolve("Phase 4: 測試與 QA"), Some(Role::Testing));
        assert_eq!(resolve("元件"), Some(Role::Components));
        assert_eq!(resolve("架構"), Some(Role::Architecture));
        assert_eq!(resolve("Completely unrelated"), None);
    }

    #[test]
    fn a_log_word_names_the_log_only_leading_the_heading() {
        for title in [
            "Progress",
            "7. Progress Log",
            "Progress (as of 2026-01-16)",
            "Changelog: v2",
            "📝 Change Log",
            "Log",
            "Team Progress Log",
            "Status Updates",
            "进度",
            "进度（截至五月）",
            "進捗",
        ] {
            assert_eq!(resolve(title), Some(Role::ProgressLog), "{title}");
        }
        // Work about a log or progress: its check boxes are tasks.
        for title in [
            "Write the audit log",
            "Error log viewer",
            "Update the changelog",
            "T002: Add audit log entry",
            "Weekly Progress Dashboard",
            "Phase 4: Production Ready 🔄 IN PROGRESS",
            "显示上传进度",
        ] {
            assert_ne!(resolve(title), Some(Role::ProgressLog), "{title}");
        }
    }

    #[test]
    fn questions_said_to_be_settled_are_not_open_questions() {
        for title in [
            "Resolved Questions",
            "Answered Questions",
            "Closed Questions",
            "Questions (answered)",
            "7 Questions Answered",
            "Open Questions (all resolved)",
            "Open Questions: None",
            "Frequently Asked Questions",
            "FAQ",
            "Q&A",
        ] {
            assert_eq!(resolve(title), None, "{title}");
        }
        for title in [
            "Open Questions",
            "9. Open Questions",
            "Questions",
            "Unresolved Questions",
            "Open and Resolved Questions",
            "Questions to Be Resolved",
            "Questions Not Yet Answered",
            "Open Issues",
            "Open Questions (2 resolved, 1 open)",
            "Open Questions — Partially Resolved",
            "Questions for Review (resolved items moved below)",
            "Open Questions (Resolved ones struck through)",
        ] {
            assert_eq!(resolve(title), Some(Role::OpenQuestions), "{title}");
        }
    }

    #[test]
    fn every_role_has_phrases() {
        let table = table();
        for role in Role::ALL {
            assert!(
                table.exact.values().any(|r| r == role),
                "{} has no phrases in roles.toml",
                role.name()
            );
        }
    }
}
