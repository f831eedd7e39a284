//! Filling a template's slots with what planwright knows about a new plan.
//!
//! Templates name the same thing many ways (`[FEATURE NAME]`,
//! `{FEATURE_TITLE}`, `{{FEATURE_NAME}}`, `<Project / Feature Name>`), so a
//! slot is matched by its normalised name against a table of aliases, then
//! by where it stands: the first slot of the title heading is the title, a
//! slot that is a header field's whole value (`**Status:** Draft | Done`) is
//! named by the field. Every fill is a byte patch at the slot's range
//! (`planwright_core::edit`), so the template's other bytes are untouched;
//! a slot planwright cannot fill is left exactly as written.

use std::collections::BTreeMap;

use planwright_core::edit::{Edit, apply};
use planwright_core::{
    Descriptor, MetaStyle, Placeholder, PlaceholderKind, Plan, TableKind, TextRange, normalize_key,
    parse,
};

/// Planwright's own variables, by canonical name (`title`, `date`...).
pub type Values = BTreeMap<&'static str, String>;

/// Canonical variable names and the slot names that mean them. Deliberately
/// absent: `title`, `name`, `description` and `number`, which templates also
/// use for a step's title or a head count (`[Number] developers`); in the
/// title heading any slot is the title, and a dialect's `[fill]` table can
/// map the rest.
pub const ALIASES: &[(&str, &[&str])] = &[
    (
        "title",
        &[
            "feature_name",
            "feature_title",
            "project_feature_name",
            "project_name",
            "project_title",
            "plan_title",
            "plan_name",
            "feature",
            "arguments",
        ],
    ),
    (
        "branch",
        &["branch", "feature_branch", "branch_name", "git_branch"],
    ),
    ("feature_id", &["feature_id"]),
    (
        "number",
        &[
            "plan_number",
            "spec_number",
            "feature_number",
            "plan_no",
            "spec_no",
        ],
    ),
    ("folder", &["folder", "feature_folder", "feature_dir_name"]),
    (
        "dir",
        &[
            "feature_directory",
            "feature_dir",
            "feature_path",
            "plan_dir",
            "plan_directory",
        ],
    ),
    ("slug", &["slug", "feature_slug", "short_name"]),
    (
        "spec",
        &[
            "spec",
            "spec_path",
            "spec_file",
            "spec_link",
            "specification",
        ],
    ),
    (
        "issue",
        &[
            "issue",
            "issue_id",
            "issue_number",
            "issue_link",
            "ticket",
            "ticket_id",
        ],
    ),
    ("author", &["author", "author_name", "created_by"]),
    (
        "date",
        &[
            "date",
            "current_date",
            "today",
            "created",
            "created_date",
            "created_on",
            "creation_date",
            "generated",
            "last_updated",
        ],
    ),
    (
        "timestamp",
        &[
            "timestamp",
            "current_timestamp",
            "created_at",
            "datetime",
            "current_datetime",
            "now",
            "generated_at",
        ],
    ),
    ("status", &["status", "plan_status"]),
];

/// The template with its slots filled, and what was filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filled {
    pub text: String,
    /// One entry per variable, in order of first use.
    pub filled: Vec<FilledVar>,
    /// `--set` names that matched no slot.
    pub unused_set: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilledVar {
    /// Canonical variable, or the slot's own name for `--set` and `[fill]`.
    pub name: String,
    pub value: String,
    /// How many slots took it.
    pub slots: usize,
}

/// What fills a slot, in order of precedence: `set` (the user's `--set`,
/// keys normalised), the dialect's `[fill]` table, then `values`.
pub struct Sources<'a> {
    pub values: &'a Values,
    pub descriptor: &'a Descriptor,
    pub set: &'a [(String, String)],
}

/// Fills every slot of `template` that `sources` can name.
pub fn fill(template: &str, sources: &Sources<'_>) -> Filled {
    let plan = parse(template);
    let title_heading = plan
        .sections
        .iter()
        .find(|s| s.level == 1)
        .map(|s| s.heading);
    let mut title_slot_taken = false;
    let mut edits: Vec<Edit> = Vec::new();
    let mut filled: Vec<FilledVar> = Vec::new();
    let mut used_set = vec![false; sources.set.len()];
    for slot in slots(&plan, template) {
        if slot.placeholder.kind == PlaceholderKind::TemplateText {
            continue;
        }
        let p = &slot.placeholder;
        let in_title = title_heading.is_some_and(|h| h.contains_range(p.range));
        let found = resolve(sources, &slot, &mut used_set).or_else(|| {
            (in_title && !title_slot_taken && !slot.known_only)
                .then(|| value("title", sources.values))
                .flatten()
        });
        let Some((name, raw)) = found else { continue };
        // Only the slot that takes the title uses up the heading's title:
        // `# ADR {{decision_id}}: [TITLE]` fills both.
        if in_title && name == "title" {
            title_slot_taken = true;
        }
        let value = render(&plan, template, p.range, &name, raw);
        if edits.iter().any(|e| overlaps(e.range, p.range)) {
            continue;
        }
        edits.push(Edit::replace(p.range, value.clone()));
        match filled
            .iter_mut()
            .find(|f| f.name == name && f.value == value)
        {
            Some(f) => f.slots += 1,
            None => filled.push(FilledVar {
                name,
                value,
                slots: 1,
            }),
        }
    }
    if title_slot_taken
        && let Some(edit) = title_template_word(template, title_heading)
        && !edits.iter().any(|e| overlaps(e.range, edit.range))
    {
        edits.push(edit);
    }
    if let Some(edit) = spec_link(&plan, sources)
        && !edits.iter().any(|e| overlaps(e.range, edit.range))
    {
        filled.push(FilledVar {
            name: "spec".to_owned(),
            value: edit.content.clone(),
            slots: 1,
        });
        edits.push(edit);
    }
    // Slot ranges come from one parse and never overlap once filtered, so
    // applying them cannot fail; the template is returned unchanged if it
    // somehow does rather than writing a half-filled plan.
    let text = apply(template, &edits).unwrap_or_else(|_| template.to_owned());
    let unused_set = sources
        .set
        .iter()
        .zip(used_set)
        .filter(|(_, used)| !used)
        .map(|((k, _), _)| k.clone())
        .collect();
    Filled {
        text,
        filled,
        unused_set,
    }
}

/// `# <Name> – Implementation Plan Template`: once the title is in, the
/// heading names a plan, no longer a template, so its last word goes.
fn title_template_word(template: &str, heading: Option<TextRange>) -> Option<Edit> {
    let heading = heading?;
    let line = heading.slice(template);
    let trimmed = line.trim_end();
    let word = trimmed.get(trimmed.len().checked_sub(" Template".len())?..)?;
    if !word.eq_ignore_ascii_case(" template") {
        return None;
    }
    let start = heading.start as usize + trimmed.len() - word.len();
    Some(Edit::delete(TextRange::new(start, start + word.len())))
}

/// A header `Spec` field written as a link to a default place
/// (`**Spec:** [spec.md](spec.md)`) is pointed at the spec the user named.
fn spec_link(plan: &Plan, sources: &Sources<'_>) -> Option<Edit> {
    let spec = sources.values.get("spec")?;
    let field = plan
        .metadata
        .iter()
        .find(|m| m.is_header() && canonical(&m.norm_key()) == Some("spec"))?;
    if plan
        .placeholders
        .iter()
        .any(|p| field.value_range.contains_range(p.range))
    {
        return None;
    }
    let link = plan
        .links
        .iter()
        .find(|l| field.value_range.contains_range(l.range))?;
    let name = spec.rsplit('/').next().unwrap_or(spec);
    // CommonMark's `<…>` destination allows spaces and parentheses.
    let dest = if spec.contains([' ', '(', ')']) {
        format!("<{spec}>")
    } else {
        spec.clone()
    };
    Some(Edit::replace(link.range, format!("[{name}]({dest})")))
}

/// A placeholder and the header field whose whole value it is, if any.
struct Slot {
    placeholder: Placeholder,
    field_key: Option<String>,
    in_header: bool,
    in_timeline: bool,
    /// Filled only by a source that knows its name, never as the title
    /// heading's slot: a `{{name}}` in code the reader takes for notation
    /// (see [`crate::fill_code`]).
    known_only: bool,
}

/// Every slot of the template, those hidden in `<!-- KEY: {{value}} -->`
/// comments included: the reader does not look for slots inside comments
/// (a plan's comments are not its text), but a template's comment fields
/// are exactly where SpecPulse-style templates keep their ids.
fn slots(plan: &Plan, template: &str) -> Vec<Slot> {
    let mut out: Vec<Slot> = plan
        .placeholders
        .iter()
        .map(|p| {
            let field = plan
                .metadata
                .iter()
                .find(|m| m.value_range.contains_range(p.range));
            Slot {
                placeholder: p.clone(),
                field_key: field
                    .filter(|m| m.value_range.slice(template).trim() == p.text)
                    .map(|m| m.norm.to_string()),
                in_header: field.is_some_and(planwright_core::MetaField::is_header),
                in_timeline: in_timeline(plan, p.range),
                known_only: false,
            }
        })
        .collect();
    out.extend(
        crate::fill_code::code_double_braces(plan, template)
            .into_iter()
            .map(|placeholder| Slot {
                in_timeline: in_timeline(plan, placeholder.range),
                placeholder,
                field_key: None,
                in_header: false,
                known_only: true,
            }),
    );
    for m in plan
        .metadata
        .iter()
        .filter(|m| m.style == MetaStyle::Comment)
    {
        let value = m.value_range.slice(template);
        let base = m.value_range.start as usize;
        for p in parse(value).placeholders {
            let range = TextRange::new(base + p.range.start as usize, base + p.range.end as usize);
            let whole = value.trim() == p.text;
            out.push(Slot {
                placeholder: Placeholder {
                    range,
                    in_metadata: true,
                    ..p
                },
                field_key: whole.then(|| m.norm.to_string()),
                in_header: true,
                in_timeline: false,
                known_only: false,
            });
        }
    }
    out.sort_by_key(|s| (s.placeholder.range.start, s.placeholder.range.end));
    out
}

/// The variable name and raw value for a slot, if any source knows it.
fn resolve(sources: &Sources<'_>, slot: &Slot, used_set: &mut [bool]) -> Option<(String, String)> {
    let p = &slot.placeholder;
    // `[###-feature-name]`: the number sign stands for the plan number, so
    // this is spec-kit's branch, whatever words follow.
    let own = if p.text.contains("###") {
        Some("branch".to_owned())
    } else {
        p.name
            .as_ref()
            .filter(|_| named_kind(p.kind))
            .map(ToString::to_string)
    };
    let field = slot.field_key.clone().filter(|_| slot.in_header);
    for name in own.into_iter().chain(field) {
        // A timeline's `{{DATE}}` cells are phases' dates to plan, not the
        // plan's date, whether it comes from the clock or from `--set`.
        if slot.in_timeline && canonical(&name) == Some("date") {
            continue;
        }
        // The last `--set` of a name wins, as with any repeated option.
        if let Some(i) = sources.set.iter().rposition(|(k, _)| *k == name) {
            for (used, (k, _)) in used_set.iter_mut().zip(sources.set) {
                *used |= *k == name;
            }
            return Some((name, sources.set[i].1.clone()));
        }
        if let Some(template) = sources
            .descriptor
            .fill
            .iter()
            .find(|(k, _)| normalize_key(k) == name)
            .map(|(_, v)| v)
            && let Some(v) = expand(template, sources.values)
        {
            return Some((name, v));
        }
        if let Some(canonical) = canonical(&name)
            && let Some(v) = value(canonical, sources.values)
            && (canonical != "status" || slot.in_header)
        {
            return Some(v);
        }
    }
    None
}

/// Kinds whose name is a variable name; `YYYY-MM-DD` or `TBD` only say a
/// value is missing, and are named by their field instead.
fn named_kind(kind: PlaceholderKind) -> bool {
    matches!(
        kind,
        PlaceholderKind::Bracket
            | PlaceholderKind::Brace
            | PlaceholderKind::DoubleBrace
            | PlaceholderKind::Angle
            | PlaceholderKind::Arguments
    )
}

/// The canonical variable a slot name stands for.
pub fn canonical(name: &str) -> Option<&'static str> {
    ALIASES
        .iter()
        .find(|(_, names)| names.contains(&name))
        .map(|(c, _)| *c)
}

fn value(canonical: &'static str, values: &Values) -> Option<(String, String)> {
    values
        .get(canonical)
        .map(|v| (canonical.to_owned(), v.clone()))
}

/// Checks a `[fill]` value when its descriptor is read: each `{name}` must
/// be one of planwright's variables, so a typo is an error, not a slot
/// quietly left unfilled. The message names the problem.
pub fn check_expansion(template: &str) -> Result<(), String> {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(format!("`{{` without a closing `}}` in \"{template}\""));
        };
        let written = &after[..close];
        if written.contains('{') {
            let inner = written.trim_start_matches('{');
            return Err(format!(
                "\"{template}\": write a variable as {{{inner}}}, with one pair of braces"
            ));
        }
        let name = normalize_key(written);
        let known = ALIASES.iter().any(|(c, _)| *c == name) || canonical(&name).is_some();
        if !known {
            let names: Vec<&str> = ALIASES.iter().map(|(c, _)| *c).collect();
            return Err(format!(
                "unknown variable `{{{}}}` in \"{template}\"; known: {}",
                &after[..close],
                names.join(", ")
            ));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

/// `{number}-{slug}` with planwright's variables; `None` if one is unknown
/// for this plan (no `--issue` given, say), so the slot stays for the author.
pub fn expand(template: &str, values: &Values) -> Option<String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let name = normalize_key(&after[..close]);
        let canonical = ALIASES
            .iter()
            .map(|(c, _)| *c)
            .find(|c| *c == name)
            .or_else(|| canonical(&name))?;
        out.push_str(values.get(canonical)?);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The value as it must be written where the slot stands.
fn render(plan: &Plan, template: &str, range: TextRange, name: &str, raw: String) -> String {
    let mut value = raw;
    // `feature_{{FEATURE_NAME}}` is an identifier: the title goes in as one.
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    let before = template[..range.start as usize].chars().next_back();
    let after = template[range.end as usize..].chars().next();
    // So does any value with spaces (`--set feature_name="Dark mode"`).
    if (glued(before) || glued(after)) && (name == "title" || value.contains(char::is_whitespace)) {
        value = crate::newplan::slugify(&value).replace('-', "_");
    }
    if plan.tables.iter().any(|t| t.range.contains_range(range)) {
        value = value.replace('|', "\\|");
    }
    if !in_code_or_front_matter(plan, range) {
        value = escape_markup(&value);
    }
    // Line breaks would end the line; other controls have no place in
    // a plan's text.
    value
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' => Some(' '),
            c if c.is_control() && c != '\t' => None,
            c => Some(c),
        })
        .collect()
}

/// Backslash-escapes what Markdown would read as markup or the reader as a
/// slot in a value written into text: `Support <Vec> generics` lost `<Vec>`
/// as an HTML tag, and lint then reported it as a slot left unfilled.
fn escape_markup(value: &str) -> String {
    if !value.contains(['\\', '<', '[', '{', '`']) {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len() + 4);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // `\|` was escaped for a table cell above.
            '\\' if chars.peek() == Some(&'|') => out.push(c),
            '\\' | '<' | '[' | '{' | '`' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether a slot stands in code (a block or a span), a comment or front
/// matter, where a backslash would be read as written.
fn in_code_or_front_matter(plan: &Plan, range: TextRange) -> bool {
    plan.code_blocks
        .iter()
        .chain(&plan.code_spans)
        .chain(&plan.comments)
        .chain(&plan.front_matter)
        .any(|c| c.contains_range(range))
}

fn overlaps(a: TextRange, b: TextRange) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether a slot sits in a timeline table, where a date is a phase's start
/// or end for the author to plan, not the day the plan was written.
fn in_timeline(plan: &Plan, range: TextRange) -> bool {
    plan.tables
        .iter()
        .any(|t| t.kind == TableKind::Timeline && t.range.contains_range(range))
}

#[cfg(test)]
#[path = "fill_tests.rs"]
mod tests;
