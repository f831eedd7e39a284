//! What a status value says about the work it describes, read one way for
//! every consumer: `next` (whether a phase without tasks is finished) and
//! lint (whether a status claims done over open tasks) must agree. A
//! task's mark is read by [`crate::Task::work_state`].

use crate::normalize_key;

/// What a status says of its work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusReading {
    /// The work is finished (`Done`, `✅ Complete (2025-01-10)`).
    Done,
    /// The work was given up (`Skipped`, `Cancelled`): it blocks nothing,
    /// but does not claim its tasks were done.
    Dropped,
    /// The work is held up (`Blocked — waiting for the key`, `On hold`,
    /// `Paused`): not over, and nothing in it can start until it moves.
    Held,
    /// Anything else, including every status that only might be done
    /// (`Done?`, `Done-ish`, `Halfway done`): when in doubt, not done.
    Open,
}

impl StatusReading {
    /// Whether the work is over, finished or given up: nothing waits for it.
    pub fn is_over(self) -> bool {
        matches!(self, Self::Done | Self::Dropped)
    }
}

/// `text` without its struck-through spans (`~~Done~~`), or as it is when
/// it has none; an unclosed `~~` strikes nothing.
fn without_struck(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("~~") {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("~~") {
        let Some(close) = rest[open + 2..].find("~~") else {
            break;
        };
        out.push_str(&rest[..open]);
        rest = &rest[open + 2 + close + 2..];
    }
    out.push_str(rest);
    out.into()
}

/// Reads a status value. `done_status` are the dialect's done values,
/// which count as written (`Live`).
///
/// The status proper is what stands before a remark. A remark introduced
/// by `(`, ` - ` or a dash explains the status (`SKIPPED - not on a
/// feature branch`, `Complete (2025-01-10)`) and takes it back only with a
/// word saying work remains or goes on (`Done — pending review`, `MVP
/// complete - phase 2 starting`). One introduced by `:`, `,` or `;`
/// continues it (`Done: no`, `Tests passed, docs pending`,
/// `Implementation complete, testing phase`), so a negation, a word of
/// ongoing work or a phase named there takes it back. The status proper
/// is done when it is one of `done_status` or has a done word or ✅ among
/// its whole words, and no negation or hedge (`not`, `nothing`, `yet`,
/// `halfway`, `-ish`), nor ❌, nor a part of the work it is about
/// (`Phase 1 complete`). A status with a `?` anywhere is not done.
pub fn read_status(status: &str, done_status: &[String]) -> StatusReading {
    // `~~Done~~ Reopened after review`: what is struck through was taken
    // back; the rest is the status.
    let unstruck = without_struck(status);
    let status = unstruck.trim();
    // A question is never a claim, whatever words it asks about.
    if status.contains('?') {
        return StatusReading::Open;
    }
    let whole = normalize_key(status);
    if !whole.is_empty() && done_status.iter().any(|d| normalize_key(d) == whole) {
        return StatusReading::Done;
    }
    // Whole statuses whose words would read otherwise.
    let bare = status.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '/');
    if ["100%", "100 %"].contains(&bare) {
        return StatusReading::Done;
    }
    if [
        "n/a",
        "na",
        "not applicable",
        "won't do",
        "wont do",
        "will not do",
        "wontfix",
        "won't fix",
    ]
    .iter()
    .any(|p| bare.eq_ignore_ascii_case(p) || bare.replace('’', "'").eq_ignore_ascii_case(p))
    {
        return StatusReading::Dropped;
    }
    let (head, remarks) = split_remarks(status);
    if head.contains(['❌', '✗', '✘']) || has_word(head, NEGATIONS) || has_word(head, PARTS) {
        return StatusReading::Open;
    }
    // Held up whatever the remark says of what is left (`Blocked —
    // waiting for the key`), unless it is done (`Done, was on hold`).
    if (has_word(head, HELD_WORDS) || head.contains(['⏸', '⛔'])) && !has_word(head, DONE_WORDS)
    {
        return StatusReading::Held;
    }
    for (continues, remark) in remarks {
        // "no issues", "nothing pending": a negated worry confirms.
        if all_clear(remark) {
            continue;
        }
        let taken_back = if continues {
            remark.contains(['❌', '✗', '✘'])
                || has_word(remark, NEGATIONS)
                || has_word(remark, ONGOING)
                || has_word(remark, PARTS)
        } else {
            has_word(remark, REMAINING) || has_word(remark, ONGOING)
        };
        if taken_back {
            return StatusReading::Open;
        }
    }
    let key = normalize_key(head);
    if !key.is_empty() && done_status.iter().any(|d| normalize_key(d) == key) {
        return StatusReading::Done;
    }
    if has_word(head, DONE_WORDS) || head.contains(['✅', '✔', '☑', '✓']) {
        StatusReading::Done
    } else if has_word(head, DROPPED_WORDS) {
        StatusReading::Dropped
    } else {
        StatusReading::Open
    }
}

/// Words that say the work is finished.
const DONE_WORDS: &[&str] = &[
    "done",
    "complete",
    "completed",
    "finished",
    "shipped",
    "implemented",
    "delivered",
    "merged",
    "released",
    "deployed",
    "passed",
    "closed",
    "resolved",
];

/// Words that say the work was given up, which blocks nothing either.
const DROPPED_WORDS: &[&str] = &[
    "skipped",
    "cancelled",
    "canceled",
    "dropped",
    "obsolete",
    "superseded",
];

/// Words that say the work is held up; a negation before them (`Not
/// blocked`) has already made the status open.
/// "Waiting" is not among them: `Waiting for review` is work nearly done.
const HELD_WORDS: &[&str] = &["blocked", "hold", "paused", "stalled", "suspended"];

/// Words that take a done word back or hedge it: "Not done", "Partially
/// complete", "To be done", "Nothing done yet", "Done-ish". The un- and in-
/// forms (`incomplete`, `undone`, `unfinished`) are other words, and never
/// match a done word.
const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "nothing",
    "none",
    "never",
    "yet",
    "isn",
    "aren",
    "wasn",
    "hasn",
    "haven",
    "won",
    "partial",
    "partially",
    "partly",
    "almost",
    "nearly",
    "mostly",
    "half",
    "halfway",
    "ish",
    "be",
    "soon",
    "maybe",
    "probably",
    "except",
    "but",
    "pending",
    "awaiting",
    "waiting",
    "remaining",
    "todo",
    "wip",
    "tbd",
];

/// Words that, in a remark explaining a status, say work remains
/// (`Done — pending review`); a plain `not` there explains (`Skipped - not
/// on a feature branch`).
const REMAINING: &[&str] = &[
    "yet",
    "partial",
    "partially",
    "partly",
    "halfway",
    "pending",
    "awaiting",
    "waiting",
    "remaining",
    "except",
    "todo",
    "wip",
    "tbd",
];

/// Words that say work goes on: after a done word they make the status
/// partial progress (`Backend done; frontend in progress`).
const ONGOING: &[&str] = &[
    "progress",
    "ongoing",
    "underway",
    "started",
    "starting",
    "review",
    "reviewing",
    "next",
    "working",
];

/// Words naming a part of the work: a status that a phase is complete
/// (`Phase 1 complete`) says nothing of the rest.
const PARTS: &[&str] = &[
    "phase",
    "phases",
    "stage",
    "step",
    "milestone",
    "sprint",
    "iteration",
    "week",
    "epic",
];

/// The status proper and its remarks, each with whether it continues the
/// status (after `:`, `,`, `;`) rather than explaining it.
fn split_remarks(status: &str) -> (&str, Vec<(bool, &str)>) {
    let mut cuts: Vec<(usize, usize, bool)> = Vec::new();
    for (i, c) in status.char_indices() {
        match c {
            ':' | ',' | ';' => cuts.push((i, c.len_utf8(), true)),
            '(' | '—' | '–' => cuts.push((i, c.len_utf8(), false)),
            ' ' if status[i..].starts_with(" - ") => cuts.push((i, 3, false)),
            _ => {}
        }
    }
    let head_end = cuts.first().map_or(status.len(), |&(at, _, _)| at);
    let remarks = cuts
        .iter()
        .enumerate()
        .map(|(n, &(at, len, continues))| {
            let end = cuts.get(n + 1).map_or(status.len(), |&(next, _, _)| next);
            (continues, status.get(at + len..end).unwrap_or(""))
        })
        .collect();
    (status.get(..head_end).unwrap_or(status), remarks)
}

/// A remark that only says nothing is wrong or left: `no issues`,
/// `nothing pending`, `zero open items`.
fn all_clear(remark: &str) -> bool {
    let lower = remark.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [none, rest @ ..]
            if ["no", "nothing", "zero", "none"].contains(none) && !rest.is_empty() =>
        {
            rest.iter().all(|w| {
                [
                    "issues",
                    "issue",
                    "blockers",
                    "blocker",
                    "problems",
                    "bugs",
                    "pending",
                    "left",
                    "remaining",
                    "outstanding",
                    "open",
                    "items",
                    "known",
                    "regressions",
                ]
                .contains(w)
            })
        }
        _ => false,
    }
}

fn has_word(text: &str, words: &[&str]) -> bool {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && words.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Progress;

    fn reads(status: &str) -> StatusReading {
        read_status(status, &[])
    }

    #[test]
    fn checks_that_close_the_work_are_never_in_progress() {
        let plan = crate::parse(
            "# P\n\n## Tasks\n\n- [-] T001 Build\n- [~] T002 Test\n- [x] T003 Plan\n\n\
             ## Definition of Done\n\n- [-] Tests pass\n- [x] Docs\n\n\
             ## Acceptance Criteria\n\n- [~] Users log in\n",
        );
        let states: Vec<&str> = plan.tasks.iter().map(|t| t.work_state().name()).collect();
        assert_eq!(
            states,
            ["in_progress", "in_progress", "done", "open", "done", "open"]
        );
        assert_eq!(
            plan.progress(&plan.tasks),
            Progress {
                done: 2,
                in_progress: 2,
                total: 6
            }
        );
        assert_eq!(plan.progress(&[]), Progress::default());
    }

    #[test]
    fn plain_done_statuses_read_as_done() {
        for status in [
            "Done",
            "✅ Complete (2025-01-10)",
            "COMPLETED",
            "Implemented - merged",
            "✅",
            "✓",
            "✔",
            "Done — merged in #12",
            "Finished: 2025-01-10",
        ] {
            assert_eq!(reads(status), StatusReading::Done, "{status}");
        }
        assert_eq!(
            reads("SKIPPED - not on a feature branch"),
            StatusReading::Dropped
        );
        assert_eq!(reads("Cancelled"), StatusReading::Dropped);
        // What reads as finished to a person.
        for status in [
            "100%",
            "Done, no issues",
            "Done – nothing pending",
            "✅ Complete (no known issues)",
        ] {
            assert_eq!(reads(status), StatusReading::Done, "{status}");
        }
        for status in ["N/A", "Won't do", "won’t do", "Not applicable"] {
            assert_eq!(reads(status), StatusReading::Dropped, "{status}");
        }
        assert_eq!(reads("90%"), StatusReading::Open);
    }

    #[test]
    fn a_held_up_status_is_held() {
        for status in [
            "Blocked — waiting for the analytics key",
            "On hold",
            "ON HOLD (budget)",
            "Paused",
            "⏸️ Paused until Q3",
        ] {
            assert_eq!(reads(status), StatusReading::Held, "{status}");
        }
        for status in [
            "Not blocked",
            "Unblocked",
            "In progress",
            "Household chores",
        ] {
            assert_eq!(reads(status), StatusReading::Open, "{status}");
        }
        // Done first: what was blocked and is finished is finished.
        assert_eq!(reads("Done (was on hold in May)"), StatusReading::Done);
        assert!(!StatusReading::Held.is_over());
    }

    #[test]
    fn what_is_struck_through_is_no_status() {
        let read = |s: &str| read_status(s, &[]);
        assert_eq!(read("~~Done~~ Reopened after review"), StatusReading::Open);
        assert_eq!(read("~~Done~~"), StatusReading::Open);
        assert_eq!(read("~~In progress~~ Done"), StatusReading::Done);
        assert_eq!(read("Done ~~pending review~~"), StatusReading::Done);
        // An unclosed `~~` strikes nothing.
        assert_eq!(read("Done ~~"), StatusReading::Done);
    }

    #[test]
    fn hedged_or_negated_statuses_are_not_done() {
        for status in [
            "Nothing done yet",
            "Halfway done",
            "Done?",
            "Done: no",
            "Done-ish",
            "Tests passed, docs pending",
            "Partially done",
            "Not yet done",
            "Almost done",
            "Done — pending review",
            "❌ Done",
            "Skipped?",
            "In progress",
            "Incomplete",
            // Partial progress: one part done, another going on.
            "✅ Implementation Complete, Testing Phase",
            "Phase 1 Complete, Phase 2 In Progress",
            "Backend done; frontend in progress",
            "MVP Complete - Phase 2 starting",
            "Done (in review)",
            "Phase 3 complete",
        ] {
            assert_eq!(reads(status), StatusReading::Open, "{status}");
        }
    }

    #[test]
    fn the_dialects_done_values_count_as_written() {
        let live = [String::from("Live")];
        assert_eq!(read_status("Live", &live), StatusReading::Done);
        assert_eq!(read_status("Live (since May)", &live), StatusReading::Done);
        assert_eq!(read_status("Live?", &live), StatusReading::Open);
        assert_eq!(read_status("Live", &[]), StatusReading::Open);
    }
}
