//! What the words of a bullet name: the phases it numbers (`Phase 2`,
//! `Phases 3 to 6`, `Phase 3+`), the names phase titles give (`Setup`,
//! `US1`) and "all user stories". Apart from the bullet's shape (its
//! subject, its verb, its clauses, in `order.rs`): these look words up in
//! the plan's phases, and only they spend the budget on open ranges.

use rustc_hash::FxHashSet;

use super::phrases::{NAME_WORDS, stories_at};
use super::{Item, Reader, target};
use crate::model::RefTarget;
use crate::parse::refs::{references_within, word_end};
use crate::text::TextRange;

impl Reader<'_> {
    /// Numbered phases opening a subject (`Phase 8 (Task Groups)`,
    /// `Phases 3-4`), before any bracket: what they name and where they
    /// end.
    pub(super) fn numbered_head(
        &mut self,
        text: &str,
        base: usize,
        start: usize,
        end: usize,
    ) -> Option<(Item, usize, usize)> {
        let end = text[start..end].find('(').map_or(end, |o| start + o);
        let refs = self.phase_refs(text, base, start, end);
        let opens = refs.first()?.1.start as usize == base + start;
        let last = refs.iter().map(|(_, r)| r.end as usize - base).max()?;
        let targets = refs.into_iter().map(|(t, _)| t).collect();
        opens.then_some((Item::Phases(targets), start, last))
    }

    /// The phases, user stories and names a clause (`text[from..to]`)
    /// states, in order, with where each was written.
    pub(super) fn items(
        &mut self,
        text: &str,
        lower: &str,
        base: usize,
        (from, to): (usize, usize),
    ) -> Vec<(Item, TextRange)> {
        let refs = self.phase_refs(text, base, from, to);
        let mut out: Vec<(Item, TextRange)> = Vec::new();
        let mut covered = refs.iter().map(|(_, r)| *r).peekable();
        let mut i = from;
        while i < to {
            let Some(c) = text[i..to].chars().next() else {
                break;
            };
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
            // Numbered phases are the reference reader's.
            while covered.peek().is_some_and(|r| (r.end as usize) <= base + i) {
                covered.next();
            }
            // (Past `i`, as those ending before it were dropped.)
            if let Some(r) = covered.peek().filter(|r| (r.start as usize) <= base + i) {
                i = r.end as usize - base;
                continue;
            }
            match self.item_at(lower, i) {
                Some((item, start, end)) if end <= to => {
                    out.push((item, TextRange::new(base + start, base + end)));
                    i = end;
                }
                _ => i = word_end(lower, i).max(i + c.len_utf8()),
            }
        }
        out.extend(refs.into_iter().map(|(t, r)| (Item::Phases(vec![t]), r)));
        out.sort_by_key(|(_, r)| r.start);
        out
    }

    /// The item at `i`, a word's start: "all (desired) user stories", `US1`,
    /// or a phase's name; with where it starts and ends.
    pub(super) fn item_at(&mut self, lower: &str, i: usize) -> Option<(Item, usize, usize)> {
        if let Some(end) = stories_at(lower, i) {
            return Some((Item::Stories, i, end));
        }
        let word = &lower[i..word_end(lower, i)];
        if let Some(n) = word
            .strip_prefix("us")
            .filter(|n| !n.is_empty() && n.len() <= 4 && n.bytes().all(|c| c.is_ascii_digit()))
        {
            self.key.clear();
            self.key.push_str("user story ");
            self.key.push_str(n);
            let p = self.names.get(self.key.as_str()).copied().flatten()?;
            return Some((Item::Phases(vec![target(self.plan, p)]), i, i + word.len()));
        }
        // The longest name of a few words, apart only by spaces.
        let mut ends = [0; NAME_WORDS];
        let mut at = i;
        let mut n = 0;
        while n < NAME_WORDS {
            let end = word_end(lower, at);
            if end == at {
                break;
            }
            ends[n] = end;
            n += 1;
            let next = end + lower[end..].len() - lower[end..].trim_start().len();
            if next == end || next >= lower.len() {
                break;
            }
            at = next;
        }
        for k in (0..n).rev() {
            self.key.clear();
            for w in lower[i..ends[k]].split_whitespace() {
                if !self.key.is_empty() {
                    self.key.push(' ');
                }
                self.key.push_str(w);
            }
            if let Some(&found) = self.names.get(self.key.as_str()) {
                let p = found?;
                return Some((Item::Phases(vec![target(self.plan, p)]), i, ends[k]));
            }
        }
        None
    }

    /// The numbered phases of the plan in `text[from..to]` (`Phase 2`,
    /// `Phases 3 to 6`, and `Phase 3+`, every phase of the kind numbered
    /// 3 and up), with where each was written; numbers the plan lacks
    /// name nothing.
    pub(super) fn phase_refs(
        &mut self,
        text: &str,
        base: usize,
        from: usize,
        to: usize,
    ) -> Vec<(RefTarget, TextRange)> {
        let value = &text[from..to];
        let mut out = Vec::new();
        for r in references_within(value, base + from, self.budget) {
            let RefTarget::Phase { kind, number } = &r.target else {
                continue;
            };
            let after = r.range.end as usize - base;
            let open = text[after..to].starts_with('+')
                && !text[after + 1..to]
                    .trim_start()
                    .starts_with(|c: char| c.is_alphanumeric());
            if open {
                let range = TextRange::new(r.range.start as usize, base + after + 1);
                let phases = &self.plan.phases;
                if !self.spend(phases.len()) {
                    return out;
                }
                let mut seen = FxHashSet::default();
                for p in phases
                    .iter()
                    .filter(|p| p.kind == *kind && at_least(&p.number, number))
                {
                    if seen.insert(p.number.to_ascii_uppercase()) {
                        out.push((
                            RefTarget::Phase {
                                kind: *kind,
                                number: p.number.clone(),
                            },
                            range,
                        ));
                    }
                }
            } else if self.ids.get(&r.target).is_some() {
                out.push((r.target, r.range));
            }
        }
        out
    }
}

/// Whether phase number `n` is `from` or after it: `13.5` and `4a` are
/// after `3`, `M4` after `M3`; the letters before the digits must agree.
fn at_least(number: &str, from: &str) -> bool {
    match (split_number(number), split_number(from)) {
        ((letters, Some(value)), (from_letters, Some(least))) => {
            letters.eq_ignore_ascii_case(from_letters) && value >= least
        }
        _ => false,
    }
}

/// A phase number's letters before its digits, and the value of those
/// digits: `M3` is `M` and 3, `13.5` is none and 13.
fn split_number(s: &str) -> (&str, Option<u64>) {
    let digits = s.find(|c: char| c.is_ascii_digit()).unwrap_or(s.len());
    let (prefix, rest) = s.split_at(digits);
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    (prefix, rest[..end].parse::<u64>().ok())
}
