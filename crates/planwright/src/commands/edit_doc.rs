//! What the `--format json` of `done`, `undo`, `set` and `log` shares:
//! what it says of the plan, and lines counted in the text as the change
//! leaves it, where a user or agent reading the file finds them.

use std::path::Path;

use planwright_core::LineIndex;
use planwright_edit::{Edit, Edited, Mode};
use schemars::JsonSchema;
use serde::Serialize;

/// What the JSON of an editing command says of the plan, beside what it
/// says of its change.
#[derive(Serialize, JsonSchema)]
pub(crate) struct FileDoc {
    /// The plan, as named on the command line.
    path: String,
    /// Whether the command changes the plan (with `--diff`: would): false
    /// when all it was asked for is so already.
    changed: bool,
    /// Whether the plan on disk was written: false with `--diff`, and when
    /// nothing changes.
    written: bool,
    /// With `--diff` only: the change as the unified diff `--diff` prints
    /// without `--format json`, which `git apply` takes; empty when nothing
    /// changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    diff: Option<String>,
}

impl FileDoc {
    pub(crate) fn new<T>(plan: &Path, edited: &Edited<T>, mode: Mode) -> Self {
        let changed = edited.written.is_some();
        FileDoc {
            path: planwright_workspace::source::display_path(plan),
            changed,
            written: changed && mode == Mode::Write,
            diff: (mode == Mode::Preview)
                .then(|| super::preview::patch(plan, edited).unwrap_or_default()),
        }
    }
}

/// Line numbers in the text as `edits` (sorted, not overlapping) leave
/// `src`: the lines before an edit are those of `src`, each edit moving
/// the ones after it by the line breaks it adds or takes away.
pub(crate) struct LinesAfter<'a> {
    src: &'a str,
    index: LineIndex,
    edits: &'a [Edit],
}

impl<'a> LinesAfter<'a> {
    pub(crate) fn new(src: &'a str, edits: &'a [Edit]) -> Self {
        Self {
            src,
            index: LineIndex::new(src),
            edits,
        }
    }

    /// The 1-based line of byte `at` of `src`, outside every edit, once
    /// they are made.
    pub(crate) fn line(&self, at: u32) -> usize {
        self.line_past(self.edits, at)
    }

    /// The 1-based line of byte `at` of `src` once `edits` are made.
    fn line_past(&self, edits: &[Edit], at: u32) -> usize {
        let mut line = self.index.line_of(at) + 1;
        for e in edits.iter().filter(|e| e.range.end <= at) {
            line += breaks(&e.content);
            line -= breaks(e.range.slice(self.src));
        }
        line
    }

    /// The whole lines the insertions among `edits` add, each with its
    /// 1-based number once they are made, in order: a line break the
    /// insertion starts with ends the line it is put on (at the end of a
    /// file without a final one), and the one it ends with belongs to its
    /// last line.
    pub(crate) fn inserted(&self) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (k, e) in self.edits.iter().enumerate() {
            if !e.range.is_empty() {
                continue;
            }
            let at = e.range.start;
            // Where it goes, past the edits before it but not itself.
            let mut line = self.line_past(&self.edits[..k], at);
            let mut text = e.content.as_str();
            // Not at a line's start: the text up to its first break ends
            // the line it is put on.
            let at = at as usize;
            if at > 0 && !self.src[..at].ends_with(['\n', '\r']) {
                let Some(cut) = text.find(['\n', '\r']) else {
                    continue;
                };
                text = skip_break(&text[cut..]);
                line += 1;
            }
            // The last piece is a whole line when nothing follows it.
            let whole_end = at == self.src.len() || text.ends_with(['\n', '\r']);
            while !text.is_empty() {
                let len = planwright_core::text::line_len(text);
                if len == text.len() && !whole_end {
                    break;
                }
                out.push((line, text[..len].to_owned()));
                text = skip_break(&text[len..]);
                line += 1;
            }
        }
        out
    }
}

/// `text` past the line break it starts with (`\r\n`, `\n` or `\r`).
fn skip_break(text: &str) -> &str {
    text.strip_prefix("\r\n")
        .or_else(|| text.strip_prefix(['\n', '\r']))
        .unwrap_or(text)
}

/// The line breaks in `text`: `\n`, `\r\n` and a lone `\r`, as Markdown
/// and [`LineIndex`] count them.
fn breaks(text: &str) -> usize {
    let b = text.as_bytes();
    (0..b.len())
        .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use planwright_core::TextRange;

    #[test]
    fn lines_move_by_the_breaks_edits_add_and_take_away() {
        let src = "a\nb: x\r\nc\rd\n";
        let edits = [
            Edit::replace(TextRange::new(5, 6), "y\nz".to_owned()),
            Edit::insert(10, "new\r\n".to_owned()),
        ];
        let lines = LinesAfter::new(src, &edits);
        assert_eq!(lines.line(0), 1);
        assert_eq!(lines.line(2), 2);
        // Past the value that took a line more, a lone `\r` a break too.
        assert_eq!(lines.line(8), 4);
        assert_eq!(lines.line(10), 6);
        assert_eq!(lines.inserted(), vec![(5, "new".to_owned())]);
    }

    #[test]
    fn an_insertion_at_the_end_of_a_last_line_without_a_break() {
        let src = "a\nb";
        let edits = [Edit::insert(3, "\n\nc\nd".to_owned())];
        let lines = LinesAfter::new(src, &edits);
        assert_eq!(
            lines.inserted(),
            vec![(3, String::new()), (4, "c".to_owned()), (5, "d".to_owned())]
        );
    }
}
