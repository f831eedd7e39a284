//! Pure edit operations: a parsed plan and its text in, byte patches out.
//!
//! Each operation returns the [`Edit`]s to apply and the [`Intent`] they
//! carry out, which [`crate::verify()`] checks against the re-parsed result.
//! None of them reads a file; inserted lines use the plan's own line ending
//! and indentation, and an insertion at the end of a file that has no final
//! newline keeps it without one.

mod field;
mod field_list;
mod log;
pub(crate) mod log_date;
pub(crate) mod month;
mod tasks;

pub use field::{SetField, check_field, check_status, set_field};
pub use log::{LogEntry, append_log, logged_already};
pub use log_date::impossible_day;
pub use tasks::{Marks, check_can_start, check_startable, done_mark, set_task_state, task_label};

use planwright_core::TaskState;
use planwright_core::edit::Edit;
use planwright_core::visible::escaped;

/// What an operation means to change in the model; everything else must
/// parse back identically.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Intent {
    /// Tasks (by index) get these states.
    TaskStates(Vec<(usize, TaskState)>),
    /// The metadata fields at these indices of `Plan::metadata` read these
    /// values.
    Field { changes: Vec<(usize, String)> },
    /// A new header field with this normalised key reads `value`. `header`
    /// is whether the model reads it as the plan's
    /// ([`MetaField::is_header`](planwright_core::MetaField::is_header)):
    /// an item of the list of a `## Metadata` section after an untitled
    /// plan's opening heading is the header's to `set`, but a list's to
    /// the model.
    FieldAdded {
        key: String,
        value: String,
        header: bool,
    },
    /// One row more in the table at this index of `Plan::tables`.
    LogRow { table: usize },
    /// A bullet in the log (which may read as a list field, `**DATE**:
    /// text`), or the first one-row table under a month heading that had
    /// none; with `new_heading` a heading of its own too (a dated one, a
    /// month's with its first day or table, or a new progress-log section
    /// with its table). `verify` holds each to exactly that.
    LogEntry { new_heading: bool },
}

/// A change ready to apply: its patches and what they mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub edits: Vec<Edit>,
    pub intent: Intent,
}

/// Why an operation cannot be carried out on this plan. A name or value
/// the user typed is quoted escaped (see [`escaped`]), so the message
/// stays one line; what the plan writes is made visible where the
/// message is printed, as all plan text is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpError {
    #[error(
        "no field `{}` in the plan header{}; {}",
        escaped(.field),
        list_suffix(.present),
        what_to_do(*.outside)
    )]
    FieldMissing {
        field: String,
        present: Vec<String>,
        /// The line of a field of that name below the header (a closing
        /// `**Status:**` under the last phase), which `set` does not edit:
        /// "no field" alone would contradict `show`, which lists it.
        outside: Option<usize>,
    },
    #[error(
        "`{}` is not a status of the {dialect} dialect (expected one of: {}); use --force to set it anyway",
        escaped(.value),
        .allowed.join(", ")
    )]
    StatusNotAllowed {
        value: String,
        dialect: String,
        allowed: Vec<String>,
    },
    #[error(
        "`{field}` on line {line} has a multi-line value in the front matter (a list, a mapping, a block or folded scalar); planwright edits only one-line values"
    )]
    MultilineValue { field: String, line: usize },
    /// `set status x` where the line below `status:` is indented with a
    /// tab: no YAML reader can read the front matter.
    #[error(
        "line {line} of the front matter is indented with a tab, which YAML does not allow; indent it with spaces, or not at all if it is a key of its own, and set `{field}` again"
    )]
    TabIndent { field: String, line: usize },
    /// `set tags c` on `tags: [a, b]`: the list would become a string.
    #[error(
        "`{field}` on line {line} is a list or mapping in the front matter (`[a, b]`, `{{k: v}}`); planwright edits only single values"
    )]
    CollectionValue { field: String, line: usize },
    /// `set --add` with a name the header's style cannot hold.
    #[error("cannot add `{}` as a {style} field: its name {problem}", escaped(.name))]
    BadName {
        style: &'static str,
        name: String,
        problem: String,
    },
    /// `set --add` of a front-matter key already written in a form the
    /// reader does not list: adding it would repeat the key.
    #[error(
        "the front matter already has the key `{written}` on line {line}, written in a way planwright does not edit; change it there"
    )]
    KeyElsewhere { written: String, line: usize },
    #[error("the value cannot be written as a {style} field: {reason}")]
    BadValue { style: &'static str, reason: String },
    #[error("the plan has no progress-log section; use --create to add one")]
    NoLog,
    /// The log section holds a check list (where a line would read as a
    /// task) or a table with no date column.
    #[error(
        "`{heading}` on line {line} holds a check list or a table without a date column, which `log` does not write into; add the entry by hand, or keep the log as a dated list or table"
    )]
    ClosedLog { heading: String, line: usize },
    /// The log is a table of one column: a row would hold the date alone.
    #[error(
        "the log's table on line {line} has one column, with no cell for the message beside the date; add a column for it (`| Date | Update |`)"
    )]
    NarrowLog { line: usize },
    /// A log whose dated entries are both table rows and list items or
    /// paragraphs: the entry's place in date order is in neither alone.
    #[error(
        "the log holds dated entries both in a table (line {table}) and outside it (line {other}), so no place in it keeps them in date order; add the entry by hand"
    )]
    MixedLog { table: usize, other: usize },
    #[error("`{date}` is not a date of the form YYYY-MM-DD")]
    BadDate { date: String },
    /// An entry of the log starts with a date in a form `log` does not
    /// read: placing the new entry would be a guess.
    #[error(
        "line {line}: the log's entry `{date}` is dated in a form planwright does not read, so it cannot tell where a new entry goes; it reads {}",
        crate::ops::log_date::FORMS
    )]
    UnreadDate { line: usize, date: String },
    #[error(
        "line {line}: `{date}` could be month/day or day/month, and no date in the log has a number over 12 to tell which; write one such date, or the log's dates as YYYY-MM-DD"
    )]
    AmbiguousDate { line: usize, date: String },
    #[error(
        "line {line}: `{date}` puts the day first where other dates of the log put the month first (or the other way round); make them agree"
    )]
    MixedDates { line: usize, date: String },
    /// `--create` on a plan that ends inside a code block: the new section
    /// would be code.
    #[error(
        "the plan ends inside a code block opened at line {line} and never closed, so a new progress-log section would be part of it; close the block first"
    )]
    UnclosedFence { line: usize },
    /// `--create` on a plan that ends inside an HTML comment: the new
    /// section would be hidden in it.
    #[error(
        "the plan ends inside an HTML comment opened at line {line} (`<!--` with no `-->`), so a new progress-log section would be part of it; close the comment first"
    )]
    UnclosedComment { line: usize },
    /// Text to write (a `set` value, a `log` message) holding a control
    /// character; see [`check_no_control`].
    #[error(
        "the {what} holds the control character U+{:04X}, which a plan cannot show; nothing written",
        u32::from(*.character)
    )]
    ControlCharacter { what: &'static str, character: char },
    /// `set title` on a plan whose title is its heading, not a field.
    #[error(
        "the plan's title is its heading on line {line}, not a field, and `set` edits fields; change the heading there"
    )]
    TitleIsHeading { line: usize },
    /// Text to write on one line of a plan (a `set` value or field name,
    /// a `log` message) holding a line break that does not only end it;
    /// see [`single_line`].
    #[error(
        "the {what} spans {lines} lines, but is written on one line of the plan; join them (a single line break at its end is dropped); nothing written"
    )]
    LineBreak { what: &'static str, lines: usize },
    #[error("the message is empty")]
    EmptyMessage,
    #[error(
        "plans of the {dialect} dialect do not mark tasks in progress (only [ ] and [x]); use `done` when the task is finished"
    )]
    NoInProgress { dialect: String },
    /// A plan of no known dialect with no task in progress: `[-]` would be
    /// the first, and GitHub renders it as text, not as a check box.
    #[error(
        "this plan marks no task in progress, and GitHub shows `[-]` as plain text, not as a check box; use `done` when the task is finished, or write a first `[-]` into the plan by hand to start using in-progress marks"
    )]
    NoInProgressYet,
    /// A definition-of-done item or acceptance criterion: checked when the
    /// work is over, never started (`next` never lists one as started).
    #[error(
        "{task} is {kind}: those are checked when the work is finished, never started; use `done` when it holds"
    )]
    NeverStarted { task: String, kind: &'static str },
}

/// Refuses `text`, the `what` a command is to write into a plan (`value`,
/// `message`), when it holds a control character other than a tab or a
/// line break (ESC, BEL, DEL, a form feed, U+0085): a plan shows none, so
/// written, it would hide in the file and reach every terminal that prints
/// the line. Line breaks are refused by [`single_line`], which text to
/// write on one line goes through.
pub fn check_no_control(what: &'static str, text: &str) -> Result<(), OpError> {
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    match text.chars().find(|&c| control(c)) {
        Some(character) => Err(OpError::ControlCharacter { what, character }),
        None => Ok(()),
    }
}

/// `text`, which a command writes on one line of a plan (`set`'s value and
/// field name, `log`'s message), without the one line ending that may
/// close it: a line with its ending is still one line (`$'Done\n'`, or a
/// tool's argument built from a line read whole). Any other line break
/// (`\n`, `\r\n` or a lone `\r`, as Markdown reads them) is refused, a
/// second one at the end and one before the text included: the field or
/// entry cannot hold two lines, and joining them, or reading them as
/// words of a status, would write something other than what was given.
/// A control character is refused as [`check_no_control`] refuses it.
///
/// One rule for every command, so that a value that reads back as given
/// is written, and any other is refused before anything is.
pub fn single_line<'a>(what: &'static str, text: &'a str) -> Result<&'a str, OpError> {
    check_no_control(what, text)?;
    let line = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix(['\n', '\r']))
        .unwrap_or(text);
    if !line.contains(['\n', '\r']) {
        return Ok(line);
    }
    let breaks = line.matches(['\n', '\r']).count() - line.matches("\r\n").count();
    Err(OpError::LineBreak {
        what,
        lines: breaks + 1,
    })
}

fn what_to_do(outside: Option<usize>) -> String {
    match outside {
        Some(line) => format!(
            "the one on line {line}, which `status` reads, is outside it, where set does not edit fields; use --add to add one to the header"
        ),
        None => "use --add to add it".to_owned(),
    }
}

fn list_suffix(items: &[String]) -> String {
    if items.is_empty() {
        String::new()
    } else {
        format!(" (it has: {})", items.join(", "))
    }
}

// Lines end at `\n`, `\r\n` or a lone `\r`, as Markdown reads them.
pub(crate) use planwright_core::text::{line_end_after, line_start};

/// Inserts whole `lines` at `at`, a line start (or the end of the text).
/// At the end of a text without a final newline the lines go after a new
/// line break and the text still ends without one. The lines end like the
/// line before them (a file can mix endings); `le`, the file's usual
/// ending, is for a text with no line break at all.
pub(crate) fn insert_lines(src: &str, at: usize, lines: &[String], le: &str) -> Edit {
    let le = local_ending(src, at).unwrap_or(le);
    let body = lines.join(le);
    if at >= src.len() && !src.is_empty() && !src.ends_with(['\n', '\r']) {
        Edit::insert(src.len(), format!("{le}{body}"))
    } else {
        Edit::insert(at, format!("{body}{le}"))
    }
}

/// The ending of the last line break before `at`, else of the first after.
fn local_ending(src: &str, at: usize) -> Option<&'static str> {
    use planwright_core::text::{ending_before, line_end_after, line_start};
    let at = at.min(src.len());
    ending_before(src, line_start(src, at)).or_else(|| {
        let next = line_end_after(src, at + usize::from(at < src.len()));
        ending_before(src, next)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `src` with the line `x` inserted at `at`.
    fn inserted(src: &str, at: usize, le: &str) -> String {
        let e = insert_lines(src, at, &["x".into()], le);
        planwright_core::edit::apply(src, &[e]).unwrap()
    }

    #[test]
    fn single_line_drops_only_the_ending_of_one_line() {
        for (text, line) in [
            ("Done", "Done"),
            ("Done\n", "Done"),
            ("Done\r\n", "Done"),
            ("Done\r", "Done"),
            ("\n", ""),
            ("a\tb ", "a\tb "),
        ] {
            assert_eq!(single_line("value", text), Ok(line), "{text:?}");
        }
        for (text, lines) in [
            ("In\nProgress", 2),
            ("Done\n\n", 2),
            ("\nDone", 2),
            ("Done\r\n\r\n", 2),
            ("a\r\nb\r\n", 2),
            ("a\rb\nc", 3),
            ("Done\n ", 2),
        ] {
            assert_eq!(
                single_line("value", text),
                Err(OpError::LineBreak {
                    what: "value",
                    lines
                }),
                "{text:?}"
            );
        }
        assert_eq!(
            single_line("field name", "a\u{1b}\n"),
            Err(OpError::ControlCharacter {
                what: "field name",
                character: '\u{1b}'
            })
        );
        assert_eq!(
            single_line("message", "a\nb").unwrap_err().to_string(),
            "the message spans 2 lines, but is written on one line of the plan; join them (a single line break at its end is dropped); nothing written"
        );
    }

    #[test]
    fn line_helpers() {
        let src = "ab\ncd\nef";
        assert_eq!(line_end_after(src, 1), 3);
        assert_eq!(line_end_after(src, 3), 3);
        assert_eq!(line_end_after(src, 7), 8);
        assert_eq!(line_start(src, 4), 3);
        // Lines go after a new break at the end of a text without a final one.
        assert_eq!(inserted(src, 8, "\n"), "ab\ncd\nef\nx");
        // A mixed file: the inserted lines end like the one before them.
        let mixed = "a\r\nb\nc\n";
        assert_eq!(inserted(mixed, 3, "\r\n"), "a\r\nx\r\nb\nc\n");
        assert_eq!(inserted(mixed, 5, "\r\n"), "a\r\nb\nx\nc\n");
        assert_eq!(local_ending("no breaks", 3), None);
        // Old Mac endings: a lone `\r` ends lines, and inserted lines too.
        let mac = "ab\rcd\ref";
        assert_eq!(line_end_after(mac, 1), 3);
        assert_eq!(line_end_after(mac, 4), 6);
        assert_eq!(line_start(mac, 4), 3);
        assert_eq!(inserted(mac, 3, "\n"), "ab\rx\rcd\ref");
        assert_eq!(inserted(mac, 8, "\n"), "ab\rcd\ref\rx");
        assert_eq!(local_ending("a\r\nb", 0), Some("\r\n"));
    }
}
