//! The human format: each finding as a rustc-style snippet with the range
//! underlined and labelled, then a one-line summary. Colour is the caller's
//! decision (a terminal, and `NO_COLOR` unset).
//!
//! Control characters from the plan are shown, never sent: annotate-snippets
//! draws the C0 controls and DEL of source lines and titles as Control
//! Pictures (`␛`) but passes labels, help and C1 controls through, so
//! messages, labels, help and the path are made [`visible`] before
//! rendering, and the C1 controls of the rendered snippet after.

use std::borrow::Cow;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use planwright_core::text::bom_len;
use planwright_core::visible::{visible, visible_except};
use planwright_core::{LineIndex, TextRange};

use super::{FileReport, Summary};
use crate::diagnostic::{Applicability, Diagnostic, Severity};

pub fn render(files: &[FileReport<'_>], color: bool) -> String {
    let mut out = String::new();
    for file in files {
        out.push_str(&render_file(file, color));
    }
    out.push_str(&Summary::of(files).line());
    out.push('\n');
    out
}

/// One file's findings, without the summary line: callers that render
/// files in parallel join these and add [`Summary::line`] themselves.
pub fn render_file(file: &FileReport<'_>, color: bool) -> String {
    if file.diagnostics.is_empty() {
        return String::new();
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let index = LineIndex::new(file.source);
    let mut out = String::new();
    for d in file.diagnostics {
        out.push_str(&render_one(&renderer, file, &index, d));
        out.push_str("\n\n");
    }
    out
}

/// Labels within this many lines of each other share a snippet, with the
/// renderer's folding between them; a label further away is shown in a
/// snippet of its own, under its own `:::` location.
const NEAR_LINES: usize = 16;

/// Bytes shown either side of a label on a long line. The renderer shows
/// at most a terminal's width (140 columns) around a label, and 1024 bytes
/// are at least 256 characters, so a line cut here looks as it would whole.
const LINE_MARGIN: usize = 1024;

/// A label joins a snippet only if the snippet then spans at most this
/// many bytes; a label beyond that (far along one long line) gets a
/// snippet of its own.
const SNIPPET_BYTES: usize = 4096;

fn render_one(
    renderer: &Renderer,
    file: &FileReport<'_>,
    index: &LineIndex,
    d: &Diagnostic,
) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let source = file.source;
    let labels: Vec<_> = std::iter::once(&d.primary)
        .chain(&d.secondary)
        .map(|l| (within(source, l.range), visible(&l.message)))
        .collect();
    let path = visible(file.path);
    let parts = parts(source, index, labels.iter().map(|(range, _)| range.clone()));
    let primary_line = index.line_of(labels[0].0.start as u32);
    let mut snippets = Vec::with_capacity(parts.len());
    let mut column_shifts = Vec::with_capacity(parts.len());
    for part in &parts {
        let start = part.window.start;
        // The renderer splits lines at `\n` only; a lone `\r` (old Mac line
        // endings) ends a line too, for Markdown and for the line index. It
        // becomes a `\n`, byte for byte, so every offset stays where it was.
        let window = planwright_core::text::lone_cr_as_lf(&source[part.window.clone()]);
        let mut snippet = Snippet::source(window)
            .line_start(part.first_line + 1)
            .path(path.as_ref())
            .fold(true);
        for &i in &part.labels {
            let (range, message) = &labels[i];
            let kind = if i == 0 {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            snippet = snippet.annotation(
                kind.span(range.start - start..range.end - start)
                    .label(non_empty(message)),
            );
        }
        snippets.push(snippet);
        // The renderer counts a location's column from the start of the
        // text it was given; on a line cut short on the left, that column
        // is short by the characters cut. The first snippet's location is
        // the primary label's line, every other's its first line.
        let line_begin = (index.line_start(part.first_line) as usize).max(bom_len(source));
        let on_first_line = !part.labels.contains(&0) || primary_line == part.first_line;
        column_shifts.push(if start > line_begin && on_first_line {
            index.line_column(source, start as u32).column as usize - 1
        } else {
            0
        });
    }
    let title = format!("{} [{}]", visible(&d.message), d.name);
    let mut report = vec![
        level
            .primary_title(title.as_str())
            .id(d.code)
            .elements(snippets),
    ];
    let help = help_text(d);
    if let Some(help) = &help {
        report.push(Group::with_title(
            Level::HELP.secondary_title(visible(help)),
        ));
    }
    let text = renderer.render(&report);
    let text = if column_shifts.iter().any(|&n| n > 0) {
        shift_location_columns(&text, &column_shifts)
    } else {
        text
    };
    // What is left is the source lines' C1 controls, each one column wide
    // as the renderer measured it, as its `�` is. Everything ASCII is kept:
    // the renderer's own colours are escape sequences.
    match visible_except(&text, |c| c.is_ascii()) {
        Cow::Borrowed(_) => text,
        Cow::Owned(shown) => shown,
    }
}

/// `range` as byte offsets inside `source`, past a byte-order mark: the
/// mark is not a column, so it is never shown.
fn within(source: &str, range: TextRange) -> Range<usize> {
    let start = (range.start as usize).clamp(bom_len(source), source.len());
    start..(range.end as usize).clamp(start, source.len())
}

/// The source handed to the renderer for some of a finding's labels.
struct Part {
    /// Bytes of the source: whole lines, unless a line is long enough to
    /// be cut [`LINE_MARGIN`] bytes either side of the labels.
    window: Range<usize>,
    /// The 0-based line the window starts on.
    first_line: usize,
    /// Indices of the labels shown, in the finding's order (0 is primary).
    labels: Vec<usize>,
}

/// The labels grouped into snippets, the primary label's first and the
/// others in source order. Each snippet's window is bounded by
/// [`NEAR_LINES`] between labels and [`SNIPPET_BYTES`] in all (besides the
/// labels themselves), so a finding costs the text near its labels, not
/// the text between them: the renderer's work is linear in its input.
fn parts(
    source: &str,
    index: &LineIndex,
    labels: impl ExactSizeIterator<Item = Range<usize>>,
) -> Vec<Part> {
    let mut sorted: Vec<(usize, Range<usize>)> = labels.enumerate().collect();
    // Stable: the primary label leads the labels that start where it does.
    sorted.sort_by_key(|(_, r)| r.start);
    // Each part with the end of its furthest label.
    let mut parts: Vec<(Part, usize)> = Vec::new();
    for (i, range) in sorted {
        if let Some((part, end)) = parts.last_mut() {
            let last_line = index.line_of(*end as u32);
            let near = index.line_of(range.start as u32) <= last_line + NEAR_LINES
                && range.end <= (*end).max(part.window.start + SNIPPET_BYTES);
            if near {
                part.labels.push(i);
                *end = (*end).max(range.end);
                continue;
            }
        }
        let first_line = index.line_of(range.start as u32);
        let line_begin = (index.line_start(first_line) as usize).max(bom_len(source));
        let start = floor_char_boundary(source, range.start.saturating_sub(LINE_MARGIN));
        parts.push((
            Part {
                window: start.max(line_begin)..range.end,
                first_line,
                labels: vec![i],
            },
            range.end,
        ));
    }
    let mut parts: Vec<Part> = parts
        .into_iter()
        .map(|(mut part, end)| {
            let line_end = index.line_range(source, index.line_of(end as u32)).end as usize;
            let cut = ceil_char_boundary(source, end.saturating_add(LINE_MARGIN));
            part.window.end = line_end.min(cut).max(end);
            part.labels.sort_unstable();
            part
        })
        .collect();
    if let Some(primary) = parts.iter().position(|p| p.labels.first() == Some(&0)) {
        let part = parts.remove(primary);
        parts.insert(0, part);
    }
    parts
}

fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// `text` with the column of each location line (`--> path:line:col`,
/// `::: path:line:col`) after the title raised by the matching entry of
/// `shifts`, locations taken in order.
fn shift_location_columns(text: &str, shifts: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut shifts = shifts.iter();
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let plain = without_styles(line);
        let plain = plain.trim_start();
        let is_location = n > 0 && (plain.starts_with("--> ") || plain.starts_with("::: "));
        let shift = if is_location { shifts.next() } else { None };
        // The location is unstyled and ends the line in both renderers.
        let digits = line.len() - line.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        match shift.filter(|&&s| s > 0) {
            Some(&shift) if digits > 0 => {
                let (head, column) = line.split_at(line.len() - digits);
                let column = column.parse::<usize>().map_or(0, |c| c + shift);
                out.push_str(head);
                out.push_str(&column.to_string());
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// `line` without its SGR escape sequences (`ESC [ ... m`).
fn without_styles(line: &str) -> Cow<'_, str> {
    if !line.contains('\x1b') {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        rest = after.find('m').map_or("", |m| &after[m + 1..]);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

fn help_text(d: &Diagnostic) -> Option<String> {
    let fix = d.fix.as_ref().map(|f| match f.applicability {
        Applicability::Safe => format!("fixable with --fix: {}", f.message),
        Applicability::Unsafe => format!("fixable with --fix --unsafe-fixes: {}", f.message),
    });
    let same = d
        .fix
        .as_ref()
        .is_some_and(|f| d.help.as_deref() == Some(f.message.as_str()));
    match (&d.help, fix) {
        (Some(_), Some(f)) if same => Some(f),
        (Some(h), Some(f)) => Some(format!("{h} ({f})")),
        (Some(h), None) => Some(h.clone()),
        (None, f) => f,
    }
}

#[cfg(test)]
mod tests {
    use planwright_core::TextRange;

    use super::*;
    use crate::diagnostic::{Fix, Label};

    fn finding(primary: TextRange, secondary: Vec<Label>) -> Diagnostic {
        Diagnostic {
            code: "PW205",
            name: "duplicate-task-id",
            severity: Severity::Error,
            message: "m".to_owned(),
            primary: Label {
                range: primary,
                message: "here".to_owned(),
            },
            secondary,
            help: None,
            fix: None,
        }
    }

    fn render_alone(source: &str, d: Diagnostic) -> String {
        let file = FileReport {
            path: "p.md",
            exact_path: None,
            source,
            diagnostics: &[d],
        };
        render_file(&file, false)
    }

    #[test]
    fn a_label_far_from_the_primary_is_shown_at_its_own_location() {
        let source = format!("T1 a\n{}T1 b\n", "x\n".repeat(20));
        let second = source.rfind("T1").unwrap();
        let d = finding(
            TextRange::new(second, second + 2),
            vec![Label {
                range: TextRange::new(0, 2),
                message: "first".to_owned(),
            }],
        );
        assert_eq!(
            render_alone(&source, d),
            "error[PW205]: m [duplicate-task-id]
  --> p.md:22:1
   |
22 | T1 b
   | ^^ here
   |
  ::: p.md:1:1
   |
 1 | T1 a
   | -- first

"
        );
    }

    /// What the renderer shows of a long line is the same whether it is
    /// given the whole line or the part of it around the labels.
    #[test]
    fn a_long_line_is_cut_around_its_labels_without_changing_the_output() {
        let line = "é漢 [X] ".repeat(2000);
        let source = format!("{line}\nshort\n{line}\n");
        let at = |n: usize| line.match_indices("[X]").nth(n).unwrap().0;
        let second_line = line.len() + "\nshort\n".len();
        let d = finding(
            TextRange::new(at(900), at(900) + 3),
            vec![Label {
                range: TextRange::new(second_line + at(1500), second_line + at(1500) + 3),
                message: "there".to_owned(),
            }],
        );
        let out = render_alone(&source, d);
        let whole = |text: &str, line: usize, n: usize, kind: AnnotationKind, label| {
            let report = [Level::ERROR
                .primary_title("m [duplicate-task-id]")
                .id("PW205")
                .element(
                    Snippet::source(text)
                        .line_start(line)
                        .path("p.md")
                        .fold(true)
                        .annotation(kind.span(at(n)..at(n) + 3).label(label)),
                )];
            Renderer::plain().render(&report)
        };
        let primary = whole(&line, 1, 900, AnnotationKind::Primary, "here");
        let secondary = whole(&line, 3, 1500, AnnotationKind::Context, "there");
        let (_, primary_block) = primary.split_once(" |\n").unwrap();
        let (_, secondary_block) = secondary.split_once(" |\n").unwrap();
        let index = LineIndex::new(&source);
        let columns = (
            index.line_column(&source, at(900) as u32).column,
            index
                .line_column(&source, (second_line + at(1500)) as u32)
                .column,
        );
        assert_eq!(columns, (7 * 900 + 4, 7 * 1500 + 4));
        assert_eq!(
            out,
            format!(
                "error[PW205]: m [duplicate-task-id]\n --> p.md:1:{}\n  |\n{primary_block}\n  |\n ::: p.md:3:{}\n  |\n{secondary_block}\n\n",
                columns.0, columns.1
            )
        );
        assert!(out.contains("..."), "{out}");
    }

    #[test]
    fn plan_text_anywhere_in_a_finding_is_shown_not_sent() {
        let source = "# A\x1b[2J\u{9b}1m\n\n- [ ] T001 b\x07\n";
        let d = Diagnostic {
            code: "PW104",
            name: "empty-section",
            severity: Severity::Warning,
            message: "section `A\x1b[2J\u{9b}1m` is empty".to_owned(),
            primary: Label {
                range: TextRange::new(0, 12),
                message: "label \x1b[5m".to_owned(),
            },
            secondary: vec![Label {
                range: TextRange::new(14, 25),
                message: "T001 b\x07".to_owned(),
            }],
            help: Some("help \x1b]0;x\x07".to_owned()),
            fix: Some(Fix {
                message: "fix \u{85}".to_owned(),
                edits: Vec::new(),
                applicability: Applicability::Unsafe,
            }),
        };
        let file = FileReport {
            path: "p\x1b.md",
            exact_path: None,
            source,
            diagnostics: &[d],
        };
        for color in [false, true] {
            let out = render(std::slice::from_ref(&file), color);
            let sent: Vec<char> = out
                .chars()
                .filter(|&c| c.is_control() && c != '\n' && !(color && c == '\x1b'))
                .collect();
            assert!(sent.is_empty(), "{sent:?} in\n{out}");
            for shown in [
                "A␛[2J�1m",
                "label ␛[5m",
                "T001 b␇",
                "help ␛]0;x␇",
                "fix �",
                "p␛.md",
            ] {
                assert!(out.contains(shown), "{shown} not in\n{out}");
            }
        }
    }
}
