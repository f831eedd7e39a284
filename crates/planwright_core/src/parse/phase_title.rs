//! The parts of a phase head past its number that are not its title: a
//! number written as a range or an open end (`Phase 13-24`, `Phase 3+`),
//! and a priority (`[Priority: HIGH]`, `(Priority: P1)`).

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
    const UNITS: [&str; 26] = [
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
