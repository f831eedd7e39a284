//! Flags a `planwright-disable` or `planwright-disable-next-line` directive
//! that silences no finding, and a rule named in one that finds nothing
//! where it reaches.
//!
//! ## What it does
//! Off by default: select it with `extend-select = ["PW602"]` in
//! `planwright.toml` or `--extend-select PW602`.
//! After every other selected rule has run, it looks at each `disable`
//! and `disable-next-line` directive and the findings it silenced. A
//! directive that silenced none is reported whole; one that names several
//! rules, some of which silenced nothing, is reported for those. A rule
//! that is not selected finds nothing, so a directive naming only such
//! rules is reported as well, saying so. A second `disable` of a rule
//! that an earlier one has already silenced does nothing and is
//! reported. `planwright-enable` directives are not checked, and words
//! that name no rule are PW601's (invalid-directive).
//!
//! Its own findings are not silenced by directives: to turn it off, leave
//! it unselected in `planwright.toml`.
//!
//! ## Why
//! A directive outlives the finding it was written for: the placeholder
//! gets filled, the section written, and the directive stays, ready to
//! hide the next real problem in its reach without anyone noticing. This
//! rule keeps directives to those doing work, as ruff's `RUF100` does for
//! `noqa` comments and `ESLint`'s `--report-unused-disable-directives`.
//!
//! ## Example
//! ```markdown
//! <!-- planwright-disable-next-line PW101 -->
//! Owner: Ana Ruiz
//!
//! <!-- planwright-disable-next-line PW101 PW104 -->
//! Lead: [LEAD]
//! ```
//! The first directive silences nothing, as the owner is named; in the
//! second, PW104 silences nothing.
//!
//! ## Fix
//! Safe: removes the directive (its whole line, when it stands alone on
//! it), or the rule names that silence nothing. The fix is unsafe where a
//! rule named is not selected: a configuration that selects it (an
//! editor's, a CI job's) may need the directive.

use planwright_core::edit::Edit;
use planwright_core::{BlockKind, Plan, TextRange};

use crate::Context;
use crate::diagnostic::Applicability;
use crate::directives::{Directives, Verb, Written, quoted};
use crate::registry::RULES;

use super::Sink;

/// This rule runs after the others, as it reads what they found (see
/// [`report`]); as a rule in the list it does nothing.
pub(crate) fn check(_: &Context<'_>, _: &mut Sink<'_>) {}

/// Reports the directives and rule names among `directives` that silence
/// nothing, given the findings they did silence (`silenced`: rule index
/// and offset, from [`crate::directives::rule_index`]) and the rules that
/// ran (`selected`, a bit set over [`RULES`]).
pub(crate) fn report(
    ctx: &Context<'_>,
    directives: &Directives,
    silenced: &[(usize, u32)],
    selected: u64,
    out: &mut Sink<'_>,
) {
    // Each rule's silenced offsets, sorted, so a region asks whether it
    // holds one by binary search.
    let mut by_rule: Vec<Vec<u32>> = vec![Vec::new(); RULES.len()];
    for &(rule, offset) in silenced {
        by_rule[rule].push(offset);
    }
    for offsets in &mut by_rule {
        offsets.sort_unstable();
    }
    let mut used = vec![0u64; directives.written.len()];
    for owned in &directives.owned {
        let offsets = &by_rule[owned.rule];
        let at = offsets.partition_point(|o| *o < owned.start);
        if offsets.get(at).is_some_and(|o| *o < owned.end) {
            used[owned.directive] |= 1 << owned.rule;
        }
    }
    for (directive, used) in directives.written.iter().zip(used) {
        unused_in(ctx, directive, used, selected, out);
    }
}

fn unused_in(ctx: &Context<'_>, directive: &Written, used: u64, selected: u64, out: &mut Sink<'_>) {
    let verb = match directive.verb {
        Verb::Disable => "planwright-disable",
        Verb::DisableNextLine => "planwright-disable-next-line",
        Verb::Enable => return,
    };
    let reach = match directive.verb {
        Verb::DisableNextLine => "on the next line",
        _ => "in its reach",
    };
    if directive.selectors.is_empty() {
        if used == 0 && !directive.unknown {
            let edit = removal(ctx, directive.comment);
            let report = out
                .report(directive.comment, format!("`{verb}` silences nothing"))
                .primary_label(format!("no rule finds anything {reach}"));
            match edit {
                Some(edit) => {
                    report.fix("remove the directive", vec![edit], Applicability::Safe);
                }
                None => {
                    report.help(BY_HAND);
                }
            }
        }
        return;
    }
    let idle: Vec<bool> = directive
        .selectors
        .iter()
        .map(|(_, bits)| bits & used == 0)
        .collect();
    if !idle.contains(&true) {
        return;
    }
    let words: Vec<&str> = directive
        .selectors
        .iter()
        .zip(&idle)
        .filter(|(_, idle)| **idle)
        .map(|((w, _), _)| w.slice(ctx.source))
        .collect();
    let not_selected = |bits: u64| bits & selected == 0;
    let label = |bits: u64| {
        if not_selected(bits) {
            "not selected: it finds nothing to silence"
        } else if bits & !directive.already == 0 {
            "already silenced by a `planwright-disable` above"
        } else {
            "finds nothing here"
        }
    };
    let unsafe_fix = directive
        .selectors
        .iter()
        .zip(&idle)
        .any(|((_, bits), idle)| *idle && not_selected(*bits));
    let applicability = if unsafe_fix {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let whole = !idle.contains(&false) && !directive.unknown;
    if whole {
        let edit = removal(ctx, directive.comment);
        let mut help = format!("{} {reach}", describe(&words));
        if edit.is_none() {
            help = format!("{help}; {BY_HAND}");
        }
        let mut report = out
            .report(directive.comment, format!("`{verb}` silences nothing"))
            .help(help);
        for ((word, bits), _) in directive.selectors.iter().zip(&idle) {
            report = report.label(*word, label(*bits));
        }
        if let Some(edit) = edit {
            report.fix("remove the directive", vec![edit], applicability);
        }
        return;
    }
    let idle_words = || {
        directive
            .selectors
            .iter()
            .zip(&idle)
            .filter(|(_, idle)| **idle)
            .map(|(s, _)| *s)
    };
    let Some((first, first_bits)) = idle_words().next() else {
        return;
    };
    let mut report = out
        .report(
            first,
            format!(
                "{} in `{verb}` silence{} nothing",
                quoted(&words),
                if words.len() == 1 { "s" } else { "" }
            ),
        )
        .primary_label(label(first_bits))
        .help(format!("{} {reach}", describe(&words)));
    for (word, bits) in idle_words().skip(1) {
        report = report.label(word, label(bits));
    }
    let ranges: Vec<TextRange> = directive.selectors.iter().map(|(w, _)| *w).collect();
    report.fix(
        format!("remove {}", quoted(&words)),
        remove_words(&ranges, &idle),
        applicability,
    );
}

/// "PW101 finds nothing" or "PW101 and PW104 find nothing", for a help.
fn describe(words: &[&str]) -> String {
    match words {
        [one] => format!("`{one}` finds nothing"),
        _ => format!("{} find nothing", quoted(words)),
    }
}

/// What the help says where no fix is offered.
const BY_HAND: &str = "no fix: without it, the blocks around it would read differently (two lists as one); remove it by hand where that is meant";

/// The edit that removes a directive's comment, unless the text without it
/// reads as other blocks: a comment on its own line is an HTML block, and
/// between two lists it keeps them apart (`- a` / comment / `- b`), or
/// ends a list item before an indented line. Removing it there changes
/// the plan, so it is left to the author, as it is between two lists.
fn removal(ctx: &Context<'_>, comment: TextRange) -> Option<Edit> {
    // Between two lists it stays even where they would not join without
    // it: another fix of the same run may remove another comment between
    // them, or give them one marker (PW502).
    let blank = |from: u32, to: u32| {
        ctx.source
            .get(from as usize..to as usize)
            .is_some_and(only_comments)
    };
    let lists = &ctx.plan.lists;
    let before = lists
        .iter()
        .any(|l| l.range.end <= comment.start && blank(l.range.end, comment.start));
    let after = lists
        .iter()
        .any(|l| l.range.start >= comment.end && blank(comment.end, l.range.start));
    if before && after {
        return None;
    }
    let edit = remove_comment(ctx.source, comment);
    let keeps_shape = |edits: &[Edit]| {
        planwright_core::edit::apply(ctx.source, edits)
            .is_ok_and(|fixed| shape(&planwright_core::parse(&fixed)) == shape(ctx.plan))
    };
    if !keeps_shape(std::slice::from_ref(&edit)) {
        return None;
    }
    // Other comments beside it may go in the same run (two idle
    // `disable-next-line`s above a table): without all of them, a list
    // before may take in what follows. The comment goes only if the plan
    // keeps its shape without the whole run.
    let run = comment_run(ctx, comment);
    if run.len() > 1 {
        let all: Vec<Edit> = run.iter().map(|c| remove_comment(ctx.source, *c)).collect();
        if !keeps_shape(&all) {
            return None;
        }
    }
    Some(edit)
}

/// The comments next to `comment` with nothing but white space and block
/// quotes' `>` between, `comment` among them, in order.
fn comment_run(ctx: &Context<'_>, comment: TextRange) -> Vec<TextRange> {
    let comments = &ctx.plan.comments;
    let Some(at) = comments.iter().position(|c| *c == comment) else {
        return vec![comment];
    };
    let between = |a: &TextRange, b: &TextRange| {
        ctx.source
            .get(a.end as usize..b.start as usize)
            .is_some_and(|t| {
                t.trim_matches(|c: char| c.is_whitespace() || c == '>')
                    .is_empty()
            })
    };
    let mut first = at;
    while first > 0 && between(&comments[first - 1], &comments[first]) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < comments.len() && between(&comments[last], &comments[last + 1]) {
        last += 1;
    }
    comments[first..=last].to_vec()
}

/// Whether `text` holds nothing but white space, block quotes' `>` and
/// HTML comments.
fn only_comments(mut text: &str) -> bool {
    loop {
        text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '>');
        let Some(rest) = text.strip_prefix("<!--") else {
            return text.is_empty();
        };
        let Some(end) = rest.find("-->") else {
            return false;
        };
        text = &rest[end + 3..];
    }
}

/// What removing a comment must not change: the lists with their items,
/// the paragraphs and items' text blocks, the tasks, tables and sections.
fn shape(plan: &Plan) -> (Vec<(bool, usize)>, Vec<BlockKind>, usize, usize, usize) {
    (
        plan.lists
            .iter()
            .map(|l| (l.ordered, l.markers.len()))
            .collect(),
        plan.blocks.iter().map(|b| b.kind).collect(),
        plan.tasks.len(),
        plan.tables.len(),
        plan.sections.len(),
    )
}

/// The edit that removes a comment: its whole lines with their line end
/// when nothing but white space shares them, else the comment alone.
fn remove_comment(source: &str, comment: TextRange) -> Edit {
    let bytes = source.as_bytes();
    let (start, end) = (comment.start as usize, comment.end as usize);
    let line_start = source[..start].rfind(['\n', '\r']).map_or(0, |n| n + 1);
    let line_end = source[end..]
        .find(['\n', '\r'])
        .map_or(source.len(), |n| end + n);
    let blank = |s: &str| s.bytes().all(|b| b == b' ' || b == b'\t');
    if !blank(&source[line_start..start]) || !blank(&source[end..line_end]) {
        return Edit::delete(comment);
    }
    let after = match bytes.get(line_end) {
        Some(b'\r') if bytes.get(line_end + 1) == Some(&b'\n') => line_end + 2,
        Some(_) => line_end + 1,
        None => line_end,
    };
    Edit::delete(TextRange::new(line_start, after))
}

/// The edits that remove the words marked idle from a directive's words,
/// with the separators that went with them: a run of idle words up to the
/// next kept word, or from the last kept word when the run ends the list.
/// At least one word is kept.
fn remove_words(words: &[TextRange], idle: &[bool]) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !idle[i] {
            i += 1;
            continue;
        }
        let run = i;
        while i < words.len() && idle[i] {
            i += 1;
        }
        let range = match words.get(i) {
            Some(next) => TextRange::new(words[run].start as usize, next.start as usize),
            None => TextRange::new(words[run - 1].end as usize, words[i - 1].end as usize),
        };
        edits.push(Edit::delete(range));
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(source: &str, comment: &str) -> String {
        let start = source.find(comment).unwrap();
        let edit = remove_comment(source, TextRange::new(start, start + comment.len()));
        planwright_core::edit::apply(source, &[edit]).unwrap()
    }

    #[test]
    fn a_comment_alone_on_its_line_goes_with_the_line() {
        let c = "<!-- planwright-disable PW101 -->";
        assert_eq!(removed(&format!("a\n{c}\nb\n"), c), "a\nb\n");
        assert_eq!(removed(&format!("a\r\n  {c}\t\r\nb\r\n"), c), "a\r\nb\r\n");
        assert_eq!(removed(&format!("a\n{c}"), c), "a\n");
        assert_eq!(removed(&format!("text {c} more\n"), c), "text  more\n");
        assert_eq!(removed(&format!("> {c}\n"), c), "> \n");
    }

    #[test]
    fn idle_words_go_with_their_separators() {
        let text = "<!-- planwright-disable PW101, PW104 PW105 -->";
        let words: Vec<TextRange> = ["PW101", "PW104", "PW105"]
            .iter()
            .map(|w| {
                let s = text.find(w).unwrap();
                TextRange::new(s, s + w.len())
            })
            .collect();
        let apply = |idle: &[bool]| {
            planwright_core::edit::apply(text, &remove_words(&words, idle)).unwrap()
        };
        assert_eq!(
            apply(&[true, false, false]),
            "<!-- planwright-disable PW104 PW105 -->"
        );
        assert_eq!(
            apply(&[false, true, true]),
            "<!-- planwright-disable PW101 -->"
        );
        assert_eq!(
            apply(&[true, false, true]),
            "<!-- planwright-disable PW104 -->"
        );
        assert_eq!(
            apply(&[false, true, false]),
            "<!-- planwright-disable PW101, PW105 -->"
        );
    }
}
