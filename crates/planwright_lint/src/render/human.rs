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

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use planwright_core::LineIndex;
use planwright_core::visible::{visible, visible_except};

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
    // Only the lines the labels touch are handed to the renderer, so a
    // finding in a long plan costs its own lines, not the whole file.
    let ranges = std::iter::once(d.primary.range).chain(d.secondary.iter().map(|l| l.range));
    let (first, last) = ranges.fold((u32::MAX, 0u32), |(lo, hi), r| {
        (lo.min(r.start), hi.max(r.end))
    });
    let first_line = index.line_of(first.min(file.source.len() as u32));
    let last_line = index.line_of(last.min(file.source.len() as u32));
    // A byte-order mark is not a column: left out of line 1, the renderer's
    // columns agree with the line index's.
    let start =
        (index.line_start(first_line) as usize).max(planwright_core::text::bom_len(file.source));
    let end = index.line_range(file.source, last_line).end as usize;
    let window = file.source.get(start..end).unwrap_or_default();
    // The renderer splits lines at `\n` only; a lone `\r` (old Mac line
    // endings) ends a line too, for Markdown and for the line index. It
    // becomes a `\n`, byte for byte, so every offset stays where it was.
    let window = planwright_core::text::lone_cr_as_lf(window);
    let window = window.as_ref();
    let shift = |r: planwright_core::TextRange| {
        let s = (r.start as usize).saturating_sub(start).min(window.len());
        let e = (r.end as usize)
            .saturating_sub(start)
            .min(window.len())
            .max(s);
        s..e
    };
    let primary = visible(&d.primary.message);
    let secondary: Vec<_> = d.secondary.iter().map(|l| visible(&l.message)).collect();
    let mut snippet = Snippet::source(window)
        .line_start(first_line + 1)
        .path(visible(file.path))
        .fold(true)
        .annotation(
            AnnotationKind::Primary
                .span(shift(d.primary.range))
                .label(non_empty(&primary)),
        );
    for (l, message) in d.secondary.iter().zip(&secondary) {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(shift(l.range))
                .label(non_empty(message)),
        );
    }
    let title = format!("{} [{}]", visible(&d.message), d.name);
    let mut report = vec![
        level
            .primary_title(title.as_str())
            .id(d.code)
            .element(snippet),
    ];
    let help = help_text(d);
    if let Some(help) = &help {
        report.push(Group::with_title(
            Level::HELP.secondary_title(visible(help)),
        ));
    }
    // What is left is the source lines' C1 controls, each one column wide
    // as the renderer measured it, as its `�` is. Everything ASCII is kept:
    // the renderer's own colours are escape sequences.
    let text = renderer.render(&report);
    match visible_except(&text, |c| c.is_ascii()) {
        Cow::Borrowed(_) => text,
        Cow::Owned(shown) => shown,
    }
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
