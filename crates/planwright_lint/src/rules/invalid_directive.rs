//! Flags a `planwright` comment that silences nothing: an unknown or
//! misspelt directive, or a rule code or name that no rule has.
//!
//! ## What it does
//! Reads every HTML comment whose first word starts with `planwright-` (in
//! any case) as a directive, including one that runs over lines. It
//! reports a directive other than `planwright-disable`,
//! `planwright-disable-next-line` and `planwright-enable` (a typo such as
//! `planwright-disabel`, or `planwright-disable-line`, which does not
//! exist), and a rule selector in a directive that selects no rule
//! (`PW999`), which it underlines. Selectors are those of the
//! configuration: codes, code prefixes, rule names, or `ALL`; the
//! directives and codes are read in any case (`PLANWRIGHT-DISABLE pw101`
//! works). A `disable` or `disable-next-line` that names no rule at all
//! is no mistake: it silences every rule, as `ALL` does, and is not
//! reported.
//!
//! It also reports the near-misses written from habit with other tools:
//! `planwright` joined to a word by `:` or `_` (`planwright:disable`,
//! `planwright_disable`), joined by `.` to `disable…` or `enable…`
//! (`planwright.disable-next-line`), or followed by a word `disable…` or
//! `enable…` (`planwright disable`, `planwright: disable next line`) and
//! then only rule selectors, as a directive's words are. A near-miss is
//! reported, not obeyed: it silences nothing until it is spelt with `-`.
//! Where its words joined with `-` spell a directive, the help names it.
//! A misspelt rule name (`unfiled-placeholder`) is named back, with an
//! unsafe fix that writes the name it resembles: unsafe, as the
//! resemblance is a guess and the fix silences that rule.
//! A comment that only mentions planwright (`<!-- planwright reads this
//! table -->`, `<!-- planwright: keep this short -->`, `<!--
//! planwright.toml sets the globs -->`, `<!-- planwright: enable TLS in
//! phase 2 -->`) is not a directive and is left alone.
//!
//! ## Why
//! A directive that does nothing looks like one that works: the finding it
//! was meant to silence still shows, or a later rule's finding is silenced
//! by accident, and nothing says why.
//!
//! ## Example
//! ```markdown
//! <!-- planwright-disabel PW101 -->
//! <!-- planwright:disable PW101 -->
//! <!-- planwright disable-next-line PW104 -->
//! <!-- planwright-disable-next-line PW999 -->
//! ```
//!
//! ## Fix
//! Correct the directive's spelling (`planwright-disable`) or the rule
//! code; `planwright rules` lists the codes. Remove a directive that is no
//! longer needed.

use planwright_core::TextRange;
use planwright_core::edit::Edit;

use crate::diagnostic::Applicability;
use crate::registry::RULES;

use crate::Context;
use crate::directives::{VERBS, Verb, is_known_selector, near_miss, parse, quoted};

use super::Sink;

pub(crate) fn check(ctx: &Context<'_>, out: &mut Sink<'_>) {
    for &comment in &ctx.plan.comments {
        let Some((verb, selectors)) = parse(comment.slice(ctx.source)) else {
            continue;
        };
        if let Some(miss) = near_miss(verb, &selectors) {
            let help = match miss.meant {
                Some(meant) => format!("did you mean `{meant}`?"),
                None => format!("the directives are {}", quoted(VERBS)),
            };
            out.report(comment, format!("unknown directive `{}`", miss.written))
                .help(help);
            continue;
        }
        if Verb::read(verb).is_none() {
            // Prose, not meant as a directive.
            continue;
        }
        let unknown: Vec<&str> = selectors
            .into_iter()
            .filter(|s| !is_known_selector(s))
            .collect();
        let Some((first, rest)) = unknown.split_first() else {
            continue;
        };
        // The words are slices of the comment's text: each unknown one is
        // underlined where it stands, rather than the whole comment.
        let text = comment.slice(ctx.source);
        let at = |word: &str| {
            let start = comment.start as usize + (word.as_ptr() as usize - text.as_ptr() as usize);
            TextRange::new(start, start + word.len())
        };
        let what = if unknown.len() == 1 { "rule" } else { "rules" };
        // A misspelt rule name is named back (`unfiled-placeholder`); a
        // code is not, as every code is a digit or two from another.
        let meant = |word: &str| planwright_core::closest(word, RULES.iter().map(|r| r.name));
        let label = |word: &str| match meant(word) {
            Some(name) => format!("did you mean `{name}`?"),
            None => "no such rule".to_owned(),
        };
        let mut report = out
            .report(
                at(first),
                format!("unknown {what} {} in `{verb}`", quoted(&unknown)),
            )
            .primary_label(label(first))
            .help("name rules by code (PW101), prefix (PW1) or name; `planwright rules` lists them; a reason goes after ` -- `");
        for word in rest {
            report = report.label(at(word), label(word));
        }
        // The names are a guess: unsafe, so that `--fix` alone never
        // silences a rule the writer did not name.
        let edits: Vec<Edit> = unknown
            .iter()
            .filter_map(|w| Some(Edit::replace(at(w), meant(w)?)))
            .collect();
        if edits.len() == unknown.len() {
            let names: Vec<&str> = unknown.iter().filter_map(|w| meant(w)).collect();
            report.fix(
                format!("write {}", quoted(&names)),
                edits,
                Applicability::Unsafe,
            );
        }
    }
}
