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

use planwright_core::{Placeholder, PlaceholderKind, Plan, TextRange, normalize_key};

/// The longest name between the braces, in bytes, as the reader allows.
const MAX_NAME: usize = 80;

/// Every `{{name}}` inside code (a code block, or a code span on one line)
/// that the reader did not take for a slot.
pub(crate) fn code_double_braces(plan: &Plan, template: &str) -> Vec<Placeholder> {
    let mut out = Vec::new();
    for block in &plan.code_blocks {
        scan(plan, template, *block, &mut out);
    }
    let mut line_start = 0;
    // The blocks are in text order: one cursor over them keeps a long
    // template with many blocks linear.
    let mut blocks = plan.code_blocks.iter().peekable();
    for line in template.split_inclusive('\n') {
        let range = TextRange::new(line_start, line_start + line.len());
        line_start += line.len();
        while blocks.next_if(|b| b.end <= range.start).is_some() {}
        if blocks.peek().is_some_and(|b| b.contains_range(range)) {
            continue;
        }
        for span in code_spans(line) {
            let at = TextRange::new(range.start as usize + span.0, range.start as usize + span.1);
            scan(plan, template, at, &mut out);
        }
    }
    out
}

/// The insides of the code spans of one line, as byte ranges within it: a
/// run of backticks opens one, the next run of the same length closes it,
/// and a backslash outside code makes a backtick literal (`CommonMark`'s
/// rules, within one line: a span over lines is left alone).
fn code_spans(line: &str) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let run_at = |i: usize| b[i..].iter().take_while(|&&c| c == b'`').count();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'`' => {
                let open = run_at(i);
                let inner = i + open;
                let mut j = inner;
                let mut close = None;
                while j < b.len() {
                    if b[j] == b'`' {
                        let run = run_at(j);
                        if run == open {
                            close = Some(j);
                            break;
                        }
                        j += run;
                    } else {
                        j += 1;
                    }
                }
                match close {
                    Some(end) => {
                        spans.push((inner, end));
                        i = end + open;
                    }
                    None => i = inner,
                }
            }
            _ => i += 1,
        }
    }
    spans
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

    #[test]
    fn code_spans_pair_runs_of_equal_length() {
        fn spans(line: &str) -> Vec<&str> {
            code_spans(line)
                .into_iter()
                .map(|(s, e)| &line[s..e])
                .collect()
        }
        assert_eq!(spans("a `b` c ``d ` e`` f"), ["b", "d ` e"]);
        assert_eq!(spans(r"\`not` `code`"), [" "]);
        assert_eq!(spans("`open only"), Vec::<&str>::new());
        assert_eq!(spans("``"), Vec::<&str>::new());
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
