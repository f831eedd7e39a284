//! A status written into a phase's head rather than in a `Status:` field:
//! `## Phase 1: Setup ✅`, `### ✅ Phase 2 – API`, `Phase 3: Ship
//! [COMPLETED]`, `Milestone 4 (In Progress)`, `Phase 5: Docs — DONE`.
//!
//! Plans that track progress in their headings say as much as a field
//! does, and `lint` (PW201) and `next` must hear it: a phase marked done
//! with open tasks is the contradiction PW201 exists for. Only a mark or a
//! status word at the head's end (or a mark before its keyword) counts, so
//! `Phase 2: Done criteria` and `Phase 3 (2 days)` keep their titles.

use crate::model::normalize_key;

/// Marks that say a status by themselves.
const MARKS: &[&str] = &[
    "✅", "✔️", "✔", "☑️", "☑", "✓", "🔄", "⏳", "🚧", "❌", "⬜", "🟢", "🟡", "🔴",
];

/// Words that are a whole status, as [`normalize_key`] writes them.
const WORDS: &[&str] = &[
    "done",
    "complete",
    "completed",
    "finished",
    "in_progress",
    "wip",
    "ongoing",
    "blocked",
    "pending",
    "not_started",
    "todo",
    "to_do",
    "skipped",
    "cancelled",
    "canceled",
    "deferred",
];

/// The status at the end of a phase head's title, and the title without
/// it: `Setup ✅ COMPLETED` gives `Setup` and `✅ COMPLETED`.
pub(super) fn trailing(title: &str) -> Option<(&str, &str)> {
    let title = title.trim_end();
    // A phase with no name but its status: `Phase 4 — DONE` (capitals
    // make a word a label, not a name such as `Phase 9: Done`).
    if title.chars().any(char::is_alphabetic)
        && !title.chars().any(char::is_lowercase)
        && is_status(title)
    {
        return Some(("", title));
    }
    // A bracket that holds only a status: `[COMPLETED]`, `(In Progress)`.
    if let Some(close) = title.chars().next_back().filter(|c| matches!(c, ']' | ')')) {
        let open = if close == ']' { '[' } else { '(' };
        if let Some(at) = title.rfind(open) {
            let inner = &title[at + 1..title.len() - 1];
            if is_status(inner) {
                return Some((before_status(&title[..at]), inner.trim()));
            }
        }
    }
    // A mark and what follows it: `✅`, `✅ Done`, `✅ Complete (2025-01-10)`.
    // Marks are not ASCII: only such characters are tried, and only in a
    // head that has any (most have none, and this runs for every phase).
    let first_mark = (!title.is_ascii())
        .then(|| {
            title
                .char_indices()
                .filter(|(_, c)| !c.is_ascii())
                .find_map(|(at, _)| {
                    Some((at, *MARKS.iter().find(|m| title[at..].starts_with(**m))?))
                })
        })
        .flatten();
    if let Some((at, mark)) = first_mark {
        let rest = title[at + mark.len()..].trim();
        if rest.is_empty() || is_status(remark_cut(rest)) {
            return Some((before_status(&title[..at]), title[at..].trim()));
        }
    }
    // A dash between spaces and a status word: `Docs — DONE`, `Docs - Complete`.
    // Most heads have no dash (`-`, or the 0xE2 that opens `–` and `—`): a
    // byte search says so for less than decoding the head from its end.
    memchr::memchr2(b'-', 0xE2, title.as_bytes())?;
    let at = title.rfind(['-', '–', '—'])?;
    let dash = title[at..].chars().next().map_or(1, char::len_utf8);
    let (before, rest) = (&title[..at], &title[at + dash..]);
    (before.ends_with(' ')
        && rest.starts_with(' ')
        && !before.trim().is_empty()
        && is_status(remark_cut(rest)))
    .then(|| (before.trim_end(), rest.trim()))
}

/// The title before a status, without the separator that set the status
/// apart: `Inventory — ✅ Done`, `Ship: [DONE]`, `Docs | ✅` are titled
/// `Inventory`, `Ship` and `Docs`. A hyphen is one only after a space
/// (`Pre-` ends a word).
fn before_status(before: &str) -> &str {
    let before = before.trim_end();
    let cut = before
        .strip_suffix(['—', '–', ':', '|'])
        .or_else(|| before.strip_suffix(" -"));
    cut.map_or(before, str::trim_end)
}

/// A status without the remark after it: `Complete (2 weeks)`, `Done, late`.
fn remark_cut(status: &str) -> &str {
    status.split(['(', ',', ';']).next().unwrap_or(status)
}

/// Whether a status is a traffic light and nothing else (`🔴`): beside a
/// priority it is that priority's colour. Without one it is still read as
/// a status, as red-amber-green reports use it (`🟢` on track, `🔴`
/// blocked).
pub(super) fn is_traffic_light(status: &str) -> bool {
    matches!(status.trim(), "🟢" | "🟡" | "🔴")
}

/// The mark that opens a head before its keyword: `✅ Phase 2`.
pub(super) fn leading(head: &str) -> Option<&'static str> {
    let head = head.trim_start();
    if head.starts_with(|c: char| c.is_ascii()) {
        return None;
    }
    MARKS.iter().copied().find(|m| head.starts_with(m))
}

fn is_status(text: &str) -> bool {
    let text = text.trim().trim_matches(|c: char| c == '*' || c == '_');
    !text.is_empty() && text.len() <= 20 && WORDS.contains(&normalize_key(text).as_str())
}

#[cfg(test)]
mod tests {
    use super::{leading, trailing};

    #[test]
    fn statuses_at_the_end_of_a_head() {
        for (title, want) in [
            ("Setup ✅", ("Setup", "✅")),
            ("Setup ✅ COMPLETED", ("Setup", "✅ COMPLETED")),
            (
                "Setup ✅ Complete (2025-01-10)",
                ("Setup", "✅ Complete (2025-01-10)"),
            ),
            ("Ship [COMPLETED]", ("Ship", "COMPLETED")),
            ("Ship (In Progress)", ("Ship", "In Progress")),
            ("Docs — DONE", ("Docs", "DONE")),
            ("Docs - Complete", ("Docs", "Complete")),
            ("API 🔄 in progress", ("API", "🔄 in progress")),
            (
                "Build — Complete (2 weeks)",
                ("Build", "Complete (2 weeks)"),
            ),
            // Nothing but a status after the phase's number.
            ("✅", ("", "✅")),
            ("DONE", ("", "DONE")),
            // The separator before a status goes with it.
            ("Inventory — ✅ Done", ("Inventory", "✅ Done")),
            ("Audit – ✅", ("Audit", "✅")),
            ("Audit - 🚧 Blocked", ("Audit", "🚧 Blocked")),
            ("Audit: ✅", ("Audit", "✅")),
            ("Audit | ⏳ pending", ("Audit", "⏳ pending")),
            ("Audit — [DONE]", ("Audit", "DONE")),
            ("Re- ✅", ("Re-", "✅")),
        ] {
            assert_eq!(trailing(title), Some(want), "{title}");
        }
    }

    #[test]
    fn words_that_only_look_like_a_status_stay_in_the_title() {
        for title in [
            "Done criteria",
            "Ship (2 days)",
            "Ship (depends on Phase 1)",
            "Completed work review",
            "Done",
            "Tests ✅ then deploy to staging",
            "Cut-over - completed migrations and the rest",
        ] {
            assert_eq!(trailing(title), None, "{title}");
        }
    }

    #[test]
    fn a_mark_before_the_keyword() {
        assert_eq!(leading("✅ Phase 2: API"), Some("✅"));
        assert_eq!(leading("Phase 2: API ✅"), None);
    }
}
