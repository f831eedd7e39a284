//! The human format: each finding as a rustc-style snippet with the range
//! underlined and labelled, then a one-line summary. Colour is the caller's
//! decision (a terminal, and `NO_COLOR` unset).

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use planwright_core::LineIndex;

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
    let mut snippet = Snippet::source(window)
        .line_start(first_line + 1)
        .path(file.path)
        .fold(true)
        .annotation(
            AnnotationKind::Primary
                .span(shift(d.primary.range))
                .label(non_empty(&d.primary.message)),
        );
    for l in &d.secondary {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(shift(l.range))
                .label(non_empty(&l.message)),
        );
    }
    let title = format!("{} [{}]", d.message, d.name);
    let mut report = vec![
        level
            .primary_title(title.as_str())
            .id(d.code)
            .element(snippet),
    ];
    let help = help_text(d);
    if let Some(help) = &help {
        report.push(Group::with_title(
            Level::HELP.secondary_title(help.as_str()),
        ));
    }
    renderer.render(&report)
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
