//! The parts of a phase head past its number that are not its title: a
//! number written as a range or an open end (`Phase 13-24`, `Phase 3+`),
//! and a priority (`[Priority: HIGH]`, `(Priority: P1)`, `HIGH Priority`).

use crate::model::Text;

/// How much of `after` (the head right after the number
/// [`phase_number_len`](super::phase_number_len) read) still belongs to
/// the number: `+` of `Phase 3+: Future`, and `-24` or `–24` of `Phase
/// 13-24: Summary`. Such a head stands for several phases, so the number
/// is kept whole (`3+`, `13-24`): a reference to `Phase 3` or `Phase 13`
/// is to another phase, and the title is what follows (`Future`, not
/// `+: Future`). Only written tight against the number: `Phase 1 - Setup`
/// is phase 1 titled "Setup".
pub(super) fn number_tail_len(after: &str) -> usize {
    let b = after.as_bytes();
    if b.first() == Some(&b'+') {
        return usize::from(!b.get(1).is_some_and(u8::is_ascii_alphanumeric));
    }
    let dash = if b.first() == Some(&b'-') {
        1
    } else if after.starts_with('–') {
        '–'.len_utf8()
    } else {
        return 0;
    };
    // The range's end is a number of its own (`2-3`, `1.1-1.4`), not a
    // title glued on (`1-Setup`).
    let end = &after[dash..];
    if !end.starts_with(|c: char| c.is_ascii_digit()) {
        return 0;
    }
    super::phase_number_len(end).map_or(0, |len| dash + len)
}

/// A title without the priority written in it, and that priority:
/// `Foundation [Priority: HIGH]` is `Foundation` and `HIGH`, `Login
/// (Priority: P1) 🎯 MVP` is `Login 🎯 MVP` and `P1`. The title's trailing
/// `*` and `:` are dropped either way.
pub(super) fn lift_priority(title: &str) -> (Text, Option<Text>) {
    // One search for the word, then its bracket: every phase head is
    // asked, and a search per bracket showed in profiles. The word is
    // found by its colon, which most titles lack: a byte search for it
    // costs less than setting up a substring searcher. The first colon
    // that ends the word is where the word first stands.
    let found = memchr::memchr_iter(b':', title.as_bytes())
        .find(|&colon| title.as_bytes()[..colon].ends_with(b"Priority"))
        .map(|colon| colon - "Priority".len())
        .and_then(|at| {
            let start = at.checked_sub(1)?;
            let close = match title.as_bytes()[start] {
                b'[' => ']',
                b'(' => ')',
                _ => return None,
            };
            let len = title[start..].find(close)?;
            Some((start, "[Priority:".len(), len))
        });
    let trim = |t: &str| Text::from(t.trim().trim_end_matches(['*', ':']).trim());
    match found {
        Some((start, open, len)) => {
            let priority = Text::from(title[start + open..start + len].trim());
            let mut rest = String::with_capacity(title.len());
            rest.push_str(title[..start].trim_end());
            let after = title[start + len + 1..].trim_start();
            if !rest.is_empty() && !after.is_empty() {
                rest.push(' ');
            }
            rest.push_str(after);
            (trim(&rest), Some(priority))
        }
        None => (trim(title), None),
    }
}

/// The priority a title states in words, as written: `HIGH` of `HIGH
/// Priority (Indexes)`, `Low` of `Cleanup – Low Priority`. Only where the
/// words end the title or a bracket, a separator or a mark follows them:
/// `High Priority Bugs` names what the phase fixes, not its priority. The
/// words stay in the title, which would read as nothing without them.
pub(super) fn word_priority(title: &str) -> Option<Text> {
    const LEVELS: [&str; 5] = ["critical", "urgent", "high", "medium", "low"];
    let b = title.as_bytes();
    // Most titles hold no `p`: a byte search says so before any word is
    // compared.
    memchr::memchr2_iter(b'P', b'p', b).find_map(|at| {
        let word = title.get(at..at + "priority".len())?;
        if !word.eq_ignore_ascii_case("priority") {
            return None;
        }
        let after = title[at + word.len()..].trim_start();
        let ends = after
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() || matches!(c, '(' | '['));
        let before = title[..at].trim_end().trim_end_matches('-');
        let level = LEVELS.iter().find_map(|l| {
            let start = before.len().checked_sub(l.len())?;
            let w = before.get(start..)?;
            let whole = before[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            (whole && w.eq_ignore_ascii_case(l)).then_some(w)
        })?;
        ends.then(|| Text::from(level))
    })
}

/// A title without the estimate in brackets at its end, and that
/// estimate: `Setup (~2 days)` is `Setup` and `~2 days`; `Schema (1-2
/// days)`, `Sync (Est: 4h)`, `API (5 pts)` likewise. Only an amount and a
/// unit of effort or time fill the bracket: `Docs (P1)`, `Setup (Week 1)`
/// (a schedule) and `Review (2 files)` keep theirs.
pub(super) fn lift_estimate(title: &str) -> (&str, Option<Text>) {
    let none = (title, None);
    let Some(body) = title.trim_end().strip_suffix(')') else {
        return none;
    };
    let Some(open) = body.rfind('(') else {
        return none;
    };
    let inner = body[open + 1..].trim();
    if !is_estimate(inner) {
        return none;
    }
    (title[..open].trim_end(), Some(Text::from(inner)))
}

/// The estimate in a bracket opening `text` (`(~1 week), depends on
/// Step 1`), as [`lift_estimate`] reads one.
pub(in crate::parse) fn leading_estimate(text: &str) -> Option<Text> {
    let inner = text.trim_start().strip_prefix('(')?;
    let inner = inner[..inner.find(')')?].trim();
    is_estimate(inner).then(|| Text::from(inner))
}

/// `~2 days`, `1-2 days`, `Est: 4h`, `about 3 weeks`, `0.5d`, `5 pts`.
fn is_estimate(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let mut rest = lower.as_str();
    for lead in [
        "estimate:",
        "estimated:",
        "est.:",
        "est:",
        "est.",
        "about ",
        "~",
        "≈",
        "approx. ",
        "approx ",
    ] {
        if let Some(r) = rest.strip_prefix(lead) {
            rest = r.trim_start();
            break;
        }
    }
    let amount = |s: &str| {
        s.bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'.')
            .count()
    };
    let n = amount(rest);
    if n == 0 || !rest.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    rest = &rest[n..];
    // A range: `1-2`, `1–2`, `1 to 2`.
    for dash in ["-", "–", " to "] {
        if let Some(r) = rest.strip_prefix(dash)
            && amount(r) > 0
        {
            rest = &r[amount(r)..];
            break;
        }
    }
    const UNITS: [&str; 30] = [
        "min",
        "mins",
        "minute",
        "minutes",
        "h",
        "hr",
        "hrs",
        "hour",
        "hours",
        "d",
        "day",
        "days",
        "w",
        "wk",
        "wks",
        "week",
        "weeks",
        "sprint",
        "sprints",
        "month",
        "months",
        "mo",
        "pt",
        "pts",
        "point",
        "points",
        "sp",
        "story point",
        "story points",
        "person-days",
    ];
    UNITS.contains(&rest.trim())
}

#[cfg(test)]
mod tests {
    use super::super::phase_head;

    /// Number, title and priority of a phase head; all empty for a head
    /// that is no phase.
    fn head(text: &str) -> (String, String, Option<String>) {
        phase_head(text)
            .map(|p| {
                (
                    p.number.to_string(),
                    p.title.to_string(),
                    p.priority.map(|p| p.to_string()),
                )
            })
            .unwrap_or_default()
    }

    fn owned(
        number: &str,
        title: &str,
        priority: Option<&str>,
    ) -> (String, String, Option<String>) {
        (number.into(), title.into(), priority.map(Into::into))
    }

    #[test]
    fn a_bracketed_priority_is_lifted_out_of_the_title() {
        assert_eq!(
            head("Phase 1: Foundation (Priority: High)"),
            owned("1", "Foundation", Some("High"))
        );
        assert_eq!(
            head("Phase 2: User Story 1 — Login (Priority: P1) 🎯 MVP"),
            owned("2", "User Story 1 — Login 🎯 MVP", Some("P1"))
        );
        assert_eq!(
            head("Phase 3: Polish [Priority: Low]"),
            owned("3", "Polish", Some("Low"))
        );
        assert_eq!(
            head("Phase 4: Setup [Priority: P2] (Week 1)"),
            owned("4", "Setup (Week 1)", Some("P2"))
        );
        // Other brackets stay in the title, as does a priority not
        // named so.
        assert_eq!(
            head("Phase 5: Foundational (Blocking Prerequisites)"),
            owned("5", "Foundational (Blocking Prerequisites)", None)
        );
        assert_eq!(head("Phase 6: Docs (P1)"), owned("6", "Docs (P1)", None));
    }

    #[test]
    fn a_priority_in_words_is_read_and_kept_in_the_title() {
        assert_eq!(
            head("Phase 1: HIGH Priority (Indexes)"),
            owned("1", "HIGH Priority (Indexes)", Some("HIGH"))
        );
        assert_eq!(
            head("Phase 2: Cleanup – Low Priority"),
            owned("2", "Cleanup – Low Priority", Some("Low"))
        );
        assert_eq!(
            head("Phase 3: Medium-priority: Docs"),
            owned("3", "Medium-priority: Docs", Some("Medium"))
        );
        // Words that name what the phase is about are no priority.
        for text in [
            "Sprint 4: High Priority Bugs (P1)",
            "Phase 5: Priority Queue",
            "Phase 6: Below Priority",
        ] {
            assert_eq!(head(text).2, None, "{text}");
        }
    }

    #[test]
    fn a_traffic_light_beside_a_priority_is_no_status() {
        let status = |text: &str| {
            phase_head(text).map(|p| {
                (
                    p.title.to_string(),
                    p.priority.map(|p| p.to_string()),
                    p.status.map(|s| s.to_string()),
                )
            })
        };
        let some = |t: &str, p: Option<&str>, s: Option<&str>| {
            Some((t.to_owned(), p.map(Into::into), s.map(Into::into)))
        };
        assert_eq!(
            status("Phase 1: HIGH Priority (Indexes) 🔴"),
            some("HIGH Priority (Indexes) 🔴", Some("HIGH"), None)
        );
        assert_eq!(
            status("🟢 Phase 2: Polish [Priority: Low]"),
            some("Polish", Some("Low"), None)
        );
        // Without a priority a traffic light is a status, and a done mark
        // is one beside a priority too.
        assert_eq!(
            status("Phase 3: Cleanup 🔴"),
            some("Cleanup", None, Some("🔴"))
        );
        assert_eq!(
            status("Phase 4: LOW Priority (Docs) ✅"),
            some("LOW Priority (Docs)", Some("LOW"), Some("✅"))
        );
    }

    #[test]
    fn an_estimate_in_brackets_at_the_end_is_lifted_out_of_the_title() {
        let est = |text: &str| {
            phase_head(text).map(|p| (p.title.to_string(), p.estimate.map(|e| e.to_string())))
        };
        let lifted = |t: &str, e: &str| Some((t.to_owned(), Some(e.to_owned())));
        assert_eq!(est("Phase 1: Setup (~2 days)"), lifted("Setup", "~2 days"));
        assert_eq!(
            est("Phase 2: Schema (1-2 days) ✅"),
            lifted("Schema", "1-2 days")
        );
        assert_eq!(est("Phase 3: Sync (Est: 4h)"), lifted("Sync", "Est: 4h"));
        assert_eq!(
            est("Phase 4: API [Priority: HIGH] (5 pts)"),
            lifted("API", "5 pts")
        );
        assert_eq!(est("Step 2.1: Wire (0.5d)"), lifted("Wire", "0.5d"));
        // Small phases are counted in minutes.
        assert_eq!(
            est("Phase 1: Favicon (15 min)"),
            lifted("Favicon", "15 min")
        );
        assert_eq!(
            est("Phase 2: Check (30-45 minutes)"),
            lifted("Check", "30-45 minutes")
        );
        // A schedule, a priority or a count of things is no estimate.
        for text in [
            "Phase 5: Setup (Week 1)",
            "Phase 6: Docs (P1)",
            "Phase 7: Review (2 files)",
            "Phase 8: Later (2026)",
        ] {
            assert_eq!(est(text).and_then(|(_, e)| e), None, "{text}");
        }
    }

    #[test]
    fn a_number_written_as_a_range_or_open_end_is_kept_whole() {
        assert_eq!(head("Phase 3+: Future"), owned("3+", "Future", None));
        assert_eq!(head("Phase 3+"), owned("3+", "", None));
        assert_eq!(
            head("Phase 13-24: Summary"),
            owned("13-24", "Summary", None)
        );
        assert_eq!(head("Phase 2–3 – Later"), owned("2–3", "Later", None));
        assert_eq!(
            head("Step 1.1-1.4: Wiring"),
            owned("1.1-1.4", "Wiring", None)
        );
        // A title after a spaced or glued dash is no range.
        assert_eq!(head("Phase 1 - Setup"), owned("1", "Setup", None));
        assert_eq!(head("Phase 1-Setup"), owned("1", "Setup", None));
        assert_eq!(head("Phase 1 - 2 weeks"), owned("1", "2 weeks", None));
    }

    #[test]
    fn a_reference_to_one_phase_of_a_range_is_not_to_the_range() {
        let plan = crate::parse(concat!(
            "## Phase 1: Build\n\n- [ ] T001 Build it\n\n",
            "## Phase 2-3: Summary of later work\n\n",
            "## Phase 4+: Future\n\n",
            "## Phase 5: Ship\n\n**Dependencies**: Phase 2, Phase 4\n\n- [ ] T002 Ship it\n",
        ));
        let ids: Vec<&str> = plan.phases.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["Phase 1", "Phase 2-3", "Phase 4+", "Phase 5"]);
        let waits: Vec<String> = plan.phases[3]
            .depends_on
            .iter()
            .map(|r| r.target.label().to_string())
            .collect();
        assert_eq!(waits, ["Phase 2", "Phase 4"]);
        let phases = plan.phase_ids();
        for r in &plan.phases[3].depends_on {
            assert_eq!(phases.get(&r.target), None, "{:?}", r.target);
        }
    }
}
