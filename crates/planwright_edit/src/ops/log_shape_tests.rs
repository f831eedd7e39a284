//! `log` writing a date in the marks around its neighbours': bold,
//! italic or code closed before the message, a strikethrough never copied.

use super::forms_tests::check;
use crate::ops::{LogEntry, OpError, append_log};

#[test]
fn a_wrapped_date_is_closed_before_the_message() {
    check(&[
        // Code, bold and italic around the date close as the model's do.
        (
            "- `2026-01-01` start\n- `2026-01-10` next\n",
            "2026-01-05",
            "- `2026-01-01` start\n- `2026-01-05` x\n- `2026-01-10` next\n",
        ),
        (
            "- `2026-01-01`: a\n",
            "2026-01-05",
            "- `2026-01-01`: a\n- `2026-01-05`: x\n",
        ),
        (
            "- *2026-01-01* a\n",
            "2026-01-05",
            "- *2026-01-01* a\n- *2026-01-05* x\n",
        ),
        (
            "- _2026-01-01_: a\n",
            "2026-01-05",
            "- _2026-01-01_: a\n- _2026-01-05_: x\n",
        ),
        (
            "`2026-01-01` — a\n",
            "2026-01-05",
            "`2026-01-01` — a\n\n`2026-01-05` — x\n",
        ),
        (
            "- `2026-01-01`\n  - a\n",
            "2026-01-05",
            "- `2026-01-01`\n  - a\n- `2026-01-05`\n  - x\n",
        ),
        // A wrapper that runs past the model's date closes after the new
        // one's: the message is never inside it.
        (
            "- **2026-01-01 a**\n",
            "2026-01-05",
            "- **2026-01-01 a**\n- **2026-01-05** x\n",
        ),
        (
            "- `2026-01-01 a`\n",
            "2026-01-05",
            "- `2026-01-01 a`\n- `2026-01-05` x\n",
        ),
        (
            "- [2026-01-01](u) a\n",
            "2026-01-05",
            "- [2026-01-01](u) a\n- [2026-01-05] x\n",
        ),
        // Code opening the model's message is its own, not the date's.
        (
            "- 2026-01-01 `cfg` a\n",
            "2026-01-05",
            "- 2026-01-01 `cfg` a\n- 2026-01-05 x\n",
        ),
        (
            "- 2026-01-01 — `cfg`\n",
            "2026-01-05",
            "- 2026-01-01 — `cfg`\n- 2026-01-05 — x\n",
        ),
    ]);
}

#[test]
fn a_struck_date_is_never_copied_and_an_unstruck_neighbour_is_preferred() {
    check(&[
        // The struck entry is the nearest: the one above it is the model.
        (
            "- **2026-01-01**: a\n- ~~2026-01-03~~: b\n",
            "2026-01-05",
            "- **2026-01-01**: a\n- ~~2026-01-03~~: b\n- **2026-01-05**: x\n",
        ),
        (
            "- *2026-01-01* a\n- ~~2026-01-10~~ b\n- 2026-01-20 c\n",
            "2026-01-05",
            "- *2026-01-01* a\n- *2026-01-05* x\n- ~~2026-01-10~~ b\n- 2026-01-20 c\n",
        ),
        (
            "**2026-01-01** — a\n\n~~2026-01-03~~ — b\n",
            "2026-01-05",
            "**2026-01-01** — a\n\n~~2026-01-03~~ — b\n\n**2026-01-05** — x\n",
        ),
        // Every date struck: the shape without its strike.
        (
            "- ~~2026-01-03~~: b\n",
            "2026-01-05",
            "- ~~2026-01-03~~: b\n- 2026-01-05: x\n",
        ),
        (
            "- ~2026-01-03~ b\n",
            "2026-01-05",
            "- ~2026-01-03~ b\n- 2026-01-05 x\n",
        ),
        (
            "- *~~2026-01-03~~*: b\n",
            "2026-01-05",
            "- *~~2026-01-03~~*: b\n- *2026-01-05*: x\n",
        ),
        (
            "- ~~*2026-01-03*~~ b\n",
            "2026-01-05",
            "- ~~*2026-01-03*~~ b\n- *2026-01-05* x\n",
        ),
        (
            "- ~~2026-01-03~~\n  - b\n",
            "2026-01-05",
            "- ~~2026-01-03~~\n  - b\n- 2026-01-05\n  - x\n",
        ),
        (
            "~~2026-01-03~~ — b\n",
            "2026-01-05",
            "~~2026-01-03~~ — b\n\n2026-01-05 — x\n",
        ),
    ]);
}

#[test]
fn a_log_of_rows_and_dated_lines_beside_them_is_refused() {
    let src = "# P\n\n## Progress Log\n\n| Date | Update |\n|---|---|\n| 2024-03-01 | kickoff |\n\n- 2024-03-05: list entry\n";
    let plan = planwright_core::parse(src);
    let entry = LogEntry {
        date: "2024-03-09",
        message: "late",
        create: false,
    };
    assert_eq!(
        append_log(&plan, src, &entry).unwrap_err(),
        OpError::MixedLog { table: 5, other: 9 }
    );
    // Undated notes under the table leave the rows the log.
    let notes = src.replace("- 2024-03-05: list entry", "- see the release notes");
    let plan = planwright_core::parse(&notes);
    let change = append_log(&plan, &notes, &entry).unwrap();
    let out = planwright_core::edit::apply(&notes, &change.edits).unwrap();
    assert!(
        out.contains("| 2024-03-01 | kickoff |\n| 2024-03-09 | late |\n"),
        "{out}"
    );
}
