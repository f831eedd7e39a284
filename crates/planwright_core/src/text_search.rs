//! One search for many fixed patterns: the dialects' `text` markers, the
//! task detail keys.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, packed};

/// One search for many patterns, leftmost-first or leftmost-longest (of
/// the matches starting first, the earliest pattern or the longest); the
/// matches do not overlap.
///
/// A packed (SIMD) searcher when the patterns allow one: it builds in a
/// fraction of an automaton's instructions (each automaton was a tenth of
/// `lint` on one plan, built on every run) and searches as fast, the
/// automaton's own search being that same SIMD prefilter. An automaton
/// for what a packed searcher cannot take: more patterns than it holds (a
/// repository's own dialects add theirs), or a CPU without the SIMD it
/// needs.
#[derive(Debug)]
pub(crate) enum TextSearch {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

impl TextSearch {
    /// A search for `patterns`; `kind` is leftmost-longest or, for any
    /// other kind, leftmost-first (the kinds a packed searcher has).
    pub(crate) fn new<P: AsRef<str>>(patterns: &[P], kind: MatchKind) -> Self {
        let (kind, packed_kind) = match kind {
            MatchKind::LeftmostLongest => (
                MatchKind::LeftmostLongest,
                packed::MatchKind::LeftmostLongest,
            ),
            _ => (MatchKind::LeftmostFirst, packed::MatchKind::LeftmostFirst),
        };
        let packed = packed::Config::new()
            .match_kind(packed_kind)
            .builder()
            .extend(patterns.iter().map(AsRef::as_ref))
            .build();
        if let Some(searcher) = packed.filter(|_| !patterns.is_empty()) {
            return Self::Packed(searcher);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(kind)
            // An NFA builds in far fewer instructions than a DFA and costs
            // no more per plan, the SIMD prefilter doing the searching.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(patterns.iter().map(AsRef::as_ref))
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<&str>::new()).expect("empty automaton"));
        Self::Automaton(automaton)
    }

    /// Calls `found` with the pattern index, start and end of each match
    /// in `text`, in order.
    pub(crate) fn each_match(&self, text: &str, mut found: impl FnMut(usize, usize, usize)) {
        match self {
            Self::Packed(searcher) => searcher
                .find_iter(text)
                .for_each(|m| found(m.pattern().as_usize(), m.start(), m.end())),
            Self::Automaton(automaton) => automaton
                .find_iter(text)
                .for_each(|m| found(m.pattern().as_usize(), m.start(), m.end())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(search: &TextSearch, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        search.each_match(text, |p, s, e| found.push((p, s, e)));
        found
    }

    fn automaton(patterns: &[&str], kind: MatchKind) -> TextSearch {
        TextSearch::Automaton(
            AhoCorasick::builder()
                .match_kind(kind)
                .build(patterns)
                .expect("automaton"),
        )
    }

    #[test]
    fn packed_and_automaton_agree_leftmost_first_and_longest() {
        let patterns = ["Phase", "Implementation Plan", "Plan", "Phase 0"];
        let text = "# Implementation Plan\n\n## Phase 0: Research\n\n## Phase 1\nPlan";
        // At `Phase 0`, the first pattern or the longest.
        for (kind, phase_0) in [
            (MatchKind::LeftmostFirst, (0, 26, 31)),
            (MatchKind::LeftmostLongest, (3, 26, 33)),
        ] {
            let packed = TextSearch::new(&patterns, kind);
            assert!(matches!(packed, TextSearch::Packed(_)));
            let want = vec![(1, 2, 21), phase_0, (0, 48, 53), (2, 56, 60)];
            assert_eq!(matches(&packed, text), want, "{kind:?}");
            assert_eq!(matches(&automaton(&patterns, kind), text), want, "{kind:?}");
        }
    }

    #[test]
    fn more_patterns_than_packed_takes_fall_back_to_an_automaton() {
        let many: Vec<String> = (0..300).map(|i| format!("marker {i:03}")).collect();
        let patterns: Vec<&str> = many.iter().map(String::as_str).collect();
        let search = TextSearch::new(&patterns, MatchKind::LeftmostFirst);
        assert!(matches!(search, TextSearch::Automaton(_)));
        let found = matches(&search, "a marker 007 and marker 299");
        assert_eq!(found, vec![(7, 2, 12), (299, 17, 27)]);
    }

    #[test]
    fn no_patterns_match_nothing() {
        let none: [&str; 0] = [];
        let search = TextSearch::new(&none, MatchKind::LeftmostFirst);
        assert!(matches(&search, "anything").is_empty());
    }
}
