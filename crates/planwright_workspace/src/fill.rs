//! Filling a template's slots with what planwright knows about a new plan.
//!
//! Templates name the same thing many ways (`[FEATURE NAME]`,
//! `{FEATURE_TITLE}`, `{{FEATURE_NAME}}`, `<Project / Feature Name>`), so a
//! slot is matched by its normalised name against a table of aliases, then
//! by where it stands: the first slot of the title heading is the title, a
//! slot that is a header field's whole value (`**Status:** Draft | Done`) is
//! named by the field. Every fill is a byte patch at the slot's range
//! (`planwright_core::edit`), so the template's other bytes are untouched
//! (but for the delimiters of code a value would otherwise end early);
//! a slot planwright cannot fill is left exactly as written.

use std::collections::{BTreeMap, BTreeSet};

use planwright_core::edit::{Edit, apply};
use planwright_core::{
    Descriptor, MetaStyle, Placeholder, PlaceholderKind, Plan, TextRange, normalize_key, parse,
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
    /// One entry per name, in order of first use.
    pub filled: Vec<FilledVar>,
    /// `--set` names that matched no slot.
    pub unused_set: Vec<String>,
    /// Planwright's variables (`title`, `issue`...) some slot's value drew
    /// on, directly or through a `[fill]` expansion such as
    /// `"{title} ({issue})"`: a flag is used when its variable is here.
    pub used_vars: BTreeSet<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilledVar {
    /// The canonical variable the slot's name stands for (`title` for
    /// `{{FEATURE_NAME}}`), or the slot's own name when a `[fill]` value
    /// or a `--set` of a name that is no variable filled it
    /// (`decision_id`): one entry per name, so a summary or a JSON
    /// consumer never sees one name twice.
    pub name: String,
    /// The value as given, before it was escaped or made an identifier
    /// for where a slot stands (`feature_{{FEATURE_NAME}}`); the first
    /// slot's when slots of one name took different values.
    pub value: String,
    /// How many slots took it.
    pub slots: usize,
}

/// What fills a slot, in order of precedence: `set` (the user's `--set`,
/// keys normalised), the dialect's `[fill]` table, then `values`. A `--set`
/// name that is one of planwright's variables or an alias of one (`title`,
/// `issue`, `issue_id`) also replaces that variable's value wherever it is
/// used, so `--set issue=A` fills `{{ISSUE_ID}}` as `--issue A` would.
pub struct Sources<'a> {
    pub values: &'a Values,
    pub descriptor: &'a Descriptor,
    pub set: &'a [(String, String)],
}

/// The planwright variable a slot or `--set` name stands for: a canonical
/// name itself (`title`, `issue`) or an alias of one (`issue_id`).
pub fn variable_of(name: &str) -> Option<&'static str> {
    ALIASES
        .iter()
        .map(|(c, _)| *c)
        .find(|c| *c == name)
        .or_else(|| canonical(name))
}

/// The variable whose value a `--set` of `name` replaces everywhere. Not
/// for a bare `number`: that is the name of a slot such as `[Number]
/// developers`, never the plan's number, which names its folder (`new`
/// refuses it where no such slot is).
fn set_variable(name: &str) -> Option<&'static str> {
    variable_of(name).filter(|_| name != "number")
}

/// Fills every slot of `template` that `sources` can name.
pub fn fill(template: &str, sources: &Sources<'_>) -> Filled {
    let plan = parse(template);
    let title_heading = plan
        .sections
        .iter()
        .find(|s| s.level == 1)
        .map(|s| s.heading);
    let mut values = sources.values.clone();
    for (k, v) in sources.set {
        if let Some(var) = set_variable(k) {
            values.insert(var, v.clone());
        }
    }
    let sources = &Sources {
        values: &values,
        descriptor: sources.descriptor,
        set: sources.set,
    };
    let all = slots(&plan, template);
    // A slot of the title heading named like the title (`# ADR
    // {{DECISION_ID}}: {{TITLE}}`) is the title; only when none is does
    // the heading's first fillable slot take it by position.
    let named_title = all
        .iter()
        .find(|s| {
            title_heading.is_some_and(|h| h.contains_range(s.placeholder.range))
                && own_name(&s.placeholder)
                    .is_some_and(|n| n == "title" || canonical(&n) == Some("title"))
        })
        .map(|s| s.placeholder.range);
    let mut title_slot_taken = false;
    let mut edits: Vec<Edit> = Vec::new();
    let mut filled: Vec<FilledVar> = Vec::new();
    let mut used_set = vec![false; sources.set.len()];
    let mut used_vars = BTreeSet::new();
    for slot in all {
        if slot.placeholder.kind == PlaceholderKind::TemplateText {
            continue;
        }
        let p = &slot.placeholder;
        let in_title = title_heading.is_some_and(|h| h.contains_range(p.range));
        let may_be_title = named_title.is_none_or(|r| r == p.range);
        let found = resolve(sources, &slot, &mut used_set).or_else(|| {
            (in_title && may_be_title && !title_slot_taken && !slot.known_only
                || yaml::is_front_title(&plan, template, p))
            .then(|| value("title", sources.values))
            .flatten()
            .map(|(name, raw)| Found {
                vars: vec!["title"],
                name,
                raw,
            })
        });
        let Some(Found { name, raw, vars }) = found else {
            continue;
        };
        // Only the slot that takes the title uses up the heading's title:
        // `# ADR {{decision_id}}: [TITLE]` fills both.
        if in_title && name == "title" {
            title_slot_taken = true;
        }
        let value = crate::fill_value::render(&plan, template, p.range, &name, &raw);
        if edits.iter().any(|e| overlaps(e.range, p.range)) {
            continue;
        }
        edits.push(Edit::replace(p.range, value));
        used_vars.extend(vars);
        record(&mut filled, name, raw);
    }
    if let Some((edit, raw)) = status_word(&plan, template, sources, &used_vars)
        && !edits.iter().any(|e| overlaps(e.range, edit.range))
    {
        edits.push(edit);
        used_vars.insert("status");
        record(&mut filled, "status".to_owned(), raw);
    }
    yaml::escape_front_matter(&plan, template, &mut edits);
    for edit in crate::fill_code::keep_code_whole(&plan, template, &edits) {
        if !edits.iter().any(|e| e.conflicts(&edit)) {
            edits.push(edit);
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
        if let Some(spec) = sources.values.get("spec") {
            record(&mut filled, "spec".to_owned(), spec.clone());
        }
        used_vars.insert("spec");
        edits.push(edit);
    }
    crate::fill_table::keep_tables_aligned(&plan, template, &mut edits);
    // Slot ranges come from one parse and never overlap once filtered, so
    // applying them cannot fail; the template is returned unchanged if it
    // somehow does rather than writing a half-filled plan.
    let text = apply(template, &edits).unwrap_or_else(|_| template.to_owned());
    let unused_set = sources
        .set
        .iter()
        .zip(used_set)
        .filter(|((k, _), used)| !used && !set_variable(k).is_some_and(|v| used_vars.contains(v)))
        .map(|((k, _), _)| k.clone())
        .collect();
    Filled {
        text,
        filled,
        unused_set,
        used_vars,
    }
}

/// Counts one more slot under `name`.
fn record(filled: &mut Vec<FilledVar>, name: String, value: String) {
    match filled.iter_mut().find(|f| f.name == name) {
        Some(f) => f.slots += 1,
        None => filled.push(FilledVar {
            name,
            value,
            slots: 1,
        }),
    }
}

/// Every name a `[fill]` key or a `--set` name can match in `template`:
/// the slots' own names and the header fields whose whole value is a slot,
/// normalised.
pub fn slot_names(template: &str) -> BTreeSet<String> {
    let plan = parse(template);
    let mut out = BTreeSet::new();
    for slot in slots(&plan, template) {
        if slot.placeholder.kind == PlaceholderKind::TemplateText {
            continue;
        }
        out.extend(own_name(&slot.placeholder));
        if slot.in_header {
            out.extend(slot.field_key);
        }
    }
    out
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

/// `--set status` where the template writes its initial status as a word
/// (`**Status**: Draft`, `<!-- STATUS: pending -->`), not as a slot: the
/// header's status field takes the status asked for, and the value as it
/// is written comes back with it.
fn status_word(
    plan: &Plan,
    template: &str,
    sources: &Sources<'_>,
    used_vars: &BTreeSet<&'static str>,
) -> Option<(Edit, String)> {
    let asked = sources
        .set
        .iter()
        .any(|(k, _)| set_variable(k) == Some("status"));
    if !asked || used_vars.contains("status") {
        return None;
    }
    let raw = sources.values.get("status")?;
    let range = plan.field("status")?.value_range;
    let value = crate::fill_value::render(plan, template, range, "status", raw);
    Some((Edit::replace(range, value), raw.clone()))
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
        .find(|l| !l.image && field.value_range.contains_range(l.range))?;
    let name = spec.rsplit('/').next().unwrap_or(spec);
    let name = crate::fill_value::escape_markup(name, false);
    Some(Edit::replace(
        link.range,
        format!("[{name}]({})", crate::fill_value::url_path(spec)),
    ))
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
                in_timeline: crate::fill_value::in_timeline(plan, p.range),
                known_only: false,
            }
        })
        .collect();
    out.extend(
        crate::fill_code::code_double_braces(plan, template)
            .into_iter()
            .map(|placeholder| Slot {
                in_timeline: crate::fill_value::in_timeline(plan, placeholder.range),
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

/// A slot's fill: the name it went by, the value as given, and the
/// planwright variables that value drew on.
struct Found {
    name: String,
    raw: String,
    vars: Vec<&'static str>,
}

/// The slot's own name, as `--set` and `[fill]` match it. `[###-feature-name]`:
/// the number sign stands for the plan number, so this is spec-kit's
/// branch, whatever words follow.
fn own_name(p: &Placeholder) -> Option<String> {
    if p.text.contains("###") {
        Some("branch".to_owned())
    } else {
        p.name
            .as_ref()
            .filter(|_| named_kind(p.kind))
            .map(ToString::to_string)
    }
}

/// The variable name and raw value for a slot, if any source knows it.
fn resolve(sources: &Sources<'_>, slot: &Slot, used_set: &mut [bool]) -> Option<Found> {
    let own = own_name(&slot.placeholder);
    let field = slot.field_key.clone().filter(|_| slot.in_header);
    for name in own.into_iter().chain(field) {
        // A timeline's `{{DATE}}` cells are phases' dates to plan, not the
        // plan's date, whether it comes from the clock or from `--set`.
        if slot.in_timeline && canonical(&name) == Some("date") {
            continue;
        }
        // The last `--set` of a name wins, as with any repeated option.
        // `--set title` is the title, as the positional one is (see
        // `fill`): not a step's `[Title]` (a `{{TITLE}}` is the title).
        let step_title = name == "title" && slot.placeholder.kind == PlaceholderKind::Bracket;
        if let Some(i) = sources
            .set
            .iter()
            .rposition(|(k, _)| *k == name)
            .filter(|_| !step_title)
        {
            for (used, (k, _)) in used_set.iter_mut().zip(sources.set) {
                *used |= *k == name;
            }
            // Reported by the variable the name stands for (`title` for
            // `feature_name`), as the same slot filled without `--set` is.
            return Some(Found {
                vars: variable_of(&name).into_iter().collect(),
                raw: sources.set[i].1.clone(),
                name: canonical(&name).map_or(name, str::to_owned),
            });
        }
        if let Some(template) = sources
            .descriptor
            .fill
            .iter()
            .find(|(k, _)| normalize_key(k) == name)
            .map(|(_, v)| v)
            && let Some((raw, vars)) = expand_with_vars(template, sources.values)
        {
            return Some(Found { name, raw, vars });
        }
        // `{{TITLE}}` is the plan's title wherever it stands, as `--set
        // title` has it above; `title` is no alias only for `[Title]`.
        let variable =
            canonical(&name).or_else(|| (name == "title" && !step_title).then_some("title"));
        if let Some(canonical) = variable
            && let Some((name, raw)) = value(canonical, sources.values)
            && (canonical != "status" || slot.in_header)
        {
            return Some(Found {
                name,
                raw,
                vars: vec![canonical],
            });
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

fn overlaps(a: TextRange, b: TextRange) -> bool {
    a.start < b.end && b.start < a.end
}

#[path = "fill_expand.rs"]
mod expansion;
use expansion::expand_with_vars;
pub use expansion::{check_expansion, expand};
#[path = "fill_set.rs"]
mod set;
pub use set::{SetClash, set_clash};
#[path = "fill_yaml.rs"]
mod yaml;

#[cfg(test)]
#[path = "fill_tests.rs"]
mod tests;
