//! `{{name}}` slots in code that the reader leaves alone.
//!
//! The reader counts a `{{NAME}}` in code as a slot only in capitals: code
//! is full of template-engine notation (`{{ user.name }}` in a Jinja
//! example, `${{ github.ref }}` in a workflow), and a plan that shows some
//! must not be told it has slots left. `new` filling a template is another
//! matter: a template that writes `` `git checkout {{branch}}` `` means its
//! branch, as one writing `{{BRANCH}}` does. So `new` also offers these to
//! the filler, which fills one only when it knows the name (`--set`, the
//! dialect's `[fill]` table, planwright's own variables); an unknown one is
//! notation and stays, as the reader and lint take it to be.
//!
//! A value cannot be escaped in code either, so where one would end its
//! code span or fenced block early, the delimiters grow instead.

use planwright_core::edit::{Edit, apply};
use planwright_core::{Placeholder, PlaceholderKind, Plan, TextRange, normalize_key};

/// The longest name between the braces, in bytes, as the reader allows.
const MAX_NAME: usize = 80;

/// Every `{{name}}` inside code (a code block or a code span, as the reader
/// found them) that the reader did not take for a slot.
pub(crate) fn code_double_braces(plan: &Plan, template: &str) -> Vec<Placeholder> {
    let mut out = Vec::new();
    for &code in plan.code_blocks.iter().chain(&plan.code_spans) {
        scan(plan, template, code, &mut out);
    }
    out
}

/// Edits to the delimiters of code spans and fenced code blocks that
/// keep each one whole once `edits` fill its slots: see
/// [`keep_code_spans`] and [`keep_code_fences`].
pub(crate) fn keep_code_whole(plan: &Plan, template: &str, edits: &[Edit]) -> Vec<Edit> {
    let mut out = keep_code_spans(plan, template, edits);
    out.extend(keep_code_fences(plan, template, edits));
    out
}

/// Edits that keep each code span one span once its slots are filled
/// (`edits`). A backslash is read as written in code, so a value cannot be
/// escaped there; where one holds a run of backticks as long as the
/// span's own (`` a`b `` in `` `git checkout {{branch}}` ``), the span's
/// delimiters grow to a length its text does not hold, and where the text
/// would start or end with a backtick, a space pads each side, which
/// Markdown strips again: ``` ``git checkout a`b`` ```.
fn keep_code_spans(plan: &Plan, template: &str, edits: &[Edit]) -> Vec<Edit> {
    let mut out = Vec::new();
    for &span in &plan.code_spans {
        let text = span.slice(template);
        let open = text.len() - text.trim_start_matches('`').len();
        // The reader's range may take in white space after the span.
        let written = text.trim_end();
        let close = written.len() - written.trim_end_matches('`').len();
        if open == 0 || close != open || written.len() <= 2 * open {
            continue;
        }
        let start = span.start as usize;
        let inner = TextRange::new(start + open, start + written.len() - close);
        let Some(content) = filled_within(template, inner, edits) else {
            continue;
        };
        let runs = backtick_runs(&content);
        let mut len = open;
        while runs.contains(&len) {
            len += 1;
        }
        let pad = if content.starts_with('`') || content.ends_with('`') {
            " "
        } else {
            ""
        };
        if len == open && pad.is_empty() {
            continue;
        }
        let ticks = "`".repeat(len);
        out.push(Edit::replace(
            TextRange::new(start, inner.start as usize),
            format!("{ticks}{pad}"),
        ));
        out.push(Edit::replace(
            TextRange::new(inner.end as usize, start + written.len()),
            format!("{pad}{ticks}"),
        ));
    }
    out
}

/// Edits that keep each fenced code block one block once its slots are
/// filled (`edits`): a line the values make of fence characters alone
/// (`{{BRANCH}}` filled with three backticks) would close the block early,
/// so both fences grow longer than any such line.
fn keep_code_fences(plan: &Plan, template: &str, edits: &[Edit]) -> Vec<Edit> {
    let mut out = Vec::new();
    for &block in &plan.code_blocks {
        let text = block.slice(template);
        let Some((first, body)) = text.split_once('\n') else {
            continue;
        };
        let indent = first.len() - first.trim_start_matches(' ').len();
        let Some(fence) = first[indent..]
            .chars()
            .next()
            .filter(|c| matches!(c, '`' | '~'))
        else {
            continue;
        };
        let open = first[indent..].len() - first[indent..].trim_start_matches(fence).len();
        if open < 3 {
            continue;
        }
        let body_start = block.start as usize + first.len() + 1;
        let lines = body.trim_end_matches('\n');
        let last_start = lines.rfind('\n').map_or(0, |i| i + 1);
        let closing = fence_run(&lines[last_start..], fence).filter(|&n| n >= open);
        let inner = match closing {
            Some(_) => TextRange::new(body_start, body_start + last_start),
            None => TextRange::new(body_start, block.end as usize),
        };
        let Some(content) = filled_within(template, inner, edits) else {
            continue;
        };
        let Some(longest) = content
            .lines()
            .filter_map(|l| fence_run(l, fence))
            .filter(|&n| n >= open)
            .max()
        else {
            continue;
        };
        let fences = fence.to_string().repeat(longest + 1);
        let at = block.start as usize + indent;
        out.push(Edit::replace(TextRange::new(at, at + open), fences.clone()));
        if let Some(n) = closing {
            let line = &lines[last_start..];
            let at = body_start + last_start + (line.len() - line.trim_start_matches(' ').len());
            out.push(Edit::replace(TextRange::new(at, at + n), fences));
        }
    }
    out
}

/// The text of `inner` once the `edits` inside it are made, if any are.
fn filled_within(template: &str, inner: TextRange, edits: &[Edit]) -> Option<String> {
    let inside: Vec<Edit> = edits
        .iter()
        .filter(|e| inner.contains_range(e.range))
        .map(|e| {
            let at = |o: u32| o as usize - inner.start as usize;
            Edit::replace(
                TextRange::new(at(e.range.start), at(e.range.end)),
                e.content.clone(),
            )
        })
        .collect();
    if inside.is_empty() {
        return None;
    }
    apply(inner.slice(template), &inside).ok()
}

/// The length of the run of `fence` characters that makes up `line`, if
/// the line is that run alone (indentation and trailing white space aside),
/// as a closing fence is.
fn fence_run(line: &str, fence: char) -> Option<usize> {
    let rest = line.trim_start_matches(' ');
    let after = rest.trim_start_matches(fence);
    let n = rest.len() - after.len();
    (n > 0 && after.trim().is_empty()).then_some(n)
}

/// The lengths of the runs of backticks in `text`.
fn backtick_runs(text: &str) -> Vec<usize> {
    text.split(|c| c != '`')
        .map(str::len)
        .filter(|&n| n > 0)
        .collect()
}

/// The `{{name}}` slots in `range` that no placeholder of the reader's
/// covers, outside comments and front matter.
fn scan(plan: &Plan, template: &str, range: TextRange, out: &mut Vec<Placeholder>) {
    let text = range.slice(template);
    let base = range.start as usize;
    let mut from = 0;
    while let Some(found) = text[from..].find("{{") {
        let open = from + found;
        from = open + 2;
        let Some((end, name)) = double_brace(&text[open..]) else {
            continue;
        };
        let at = TextRange::new(base + open, base + open + end);
        // `${{ … }}` is a GitHub Actions expression, never a slot.
        let dollar = text[..open].ends_with('$');
        let taken = plan
            .placeholders
            .iter()
            .any(|p| p.range.start < at.end && at.start < p.range.end);
        let hidden = plan.comments.iter().any(|c| c.contains_range(at))
            || plan.front_matter.is_some_and(|f| f.contains_range(at));
        if !dollar && !taken && !hidden {
            out.push(Placeholder {
                kind: PlaceholderKind::DoubleBrace,
                text: at.slice(template).into(),
                name: Some(normalize_key(name)),
                range: at,
                in_metadata: false,
            });
            from = open + end;
        }
    }
}

/// `{{ name }}` at the start of `text`: its length and the name, which
/// starts with a letter and holds letters, digits, `_`, `-`, `.` and
/// spaces, as the reader's slot names do.
fn double_brace(text: &str) -> Option<(usize, &str)> {
    let rest = text.strip_prefix("{{")?;
    let window = rest.get(..rest.len().min(MAX_NAME + 2)).unwrap_or(rest);
    let close = window.find("}}")?;
    let name = rest[..close].trim_matches(' ');
    let ok = close <= MAX_NAME
        && name.chars().next().is_some_and(char::is_alphabetic)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | ' ' | '-' | '.'));
    ok.then_some((close + 4, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code spans the reader recorded, as written.
    fn spans(text: &str) -> Vec<&str> {
        let plan = planwright_core::parse(text);
        plan.code_spans.iter().map(|r| r.slice(text)).collect()
    }

    /// What `new` may fill in `template`'s code, as written.
    fn offered(template: &str) -> Vec<String> {
        let plan = planwright_core::parse(template);
        code_double_braces(&plan, template)
            .into_iter()
            .map(|p| p.text.to_string())
            .collect()
    }

    #[test]
    fn code_spans_pair_runs_of_equal_length() {
        assert_eq!(spans("a `b` c ``d ` e`` f"), ["`b`", "``d ` e``"]);
        assert_eq!(spans(r"\`not` `code`"), ["` `"]);
        assert_eq!(spans("`open only"), Vec::<&str>::new());
        assert_eq!(spans("``"), Vec::<&str>::new());
    }

    #[test]
    fn code_spans_are_found_in_items_cells_and_headings_but_not_code_blocks() {
        let t = "- item `a`\n  - nested `b`\n\n\
                 | x | `c` |\n|---|---|\n| `d\\|e` | f |\n\n\
                 `g\nh`\n\n```\n`i`\n```\n";
        assert_eq!(spans(t), ["`a`", "`b`", "`c`", "`d\\|e`", "`g\nh`"]);
        // pulldown-cmark's range for this one takes in the tab too.
        assert_eq!(spans("# Use `j`\t\n"), ["`j`"]);
    }

    #[test]
    fn slots_in_any_code_span_are_offered() {
        let t = "- Run ``git checkout `{{branch}}` `` first.\n\n\
                 | Branch | Ticket |\n|---|---|\n| `{{branch}}` | `{{TICKET}}` |\n\n\
                 `{{ticket}} with no closing run\n";
        // `{{TICKET}}` is the reader's own slot; the last line holds no code.
        assert_eq!(offered(t), ["{{branch}}", "{{branch}}"]);
    }

    #[test]
    fn names_are_the_readers() {
        assert_eq!(double_brace("{{ branch }} x"), Some((12, "branch")));
        assert_eq!(double_brace("{{user.name}}"), Some((13, "user.name")));
        assert_eq!(double_brace("{{ }}"), None);
        assert_eq!(double_brace("{{1x}}"), None);
        assert_eq!(double_brace("{{a}"), None);
        let long = format!("{{{{{}}}}}", "a".repeat(81));
        assert_eq!(double_brace(&long), None);
    }
}
