//! Slots in a template's YAML front matter (`owner: [OWNER]`, `title:
//! "{{TITLE}}"`): the value goes in as YAML, not Markdown, so that the
//! plan's front matter still parses and reads back the value given.
//!
//! Fills are made as elsewhere, a patch at each slot's range, with the
//! value unescaped (`fill_value::render` leaves front matter
//! alone); [`escape_front_matter`] then writes them for YAML, field by
//! field, since whether a plain value needs quotes depends on the whole
//! value, not on one slot of it.

use planwright_core::edit::{Edit, apply};
use planwright_core::{
    MetaField, MetaStyle, Placeholder, Plan, escape_yaml, needs_yaml_quotes, yaml_quote,
};

/// Whether `p` is the plan's title in the front matter: a slot named
/// `title` (`title: "{{TITLE}}"` or `name: [TITLE]`), or the whole value
/// of the `title` field (`title: [PLAN NAME]`). As the title heading's
/// slot takes the title whatever its name, so does the field the reader
/// takes the plan's title from.
pub(crate) fn is_front_title(plan: &Plan, template: &str, p: &Placeholder) -> bool {
    front_field(plan, p).is_some_and(|m| {
        p.name.as_deref() == Some("title")
            || (m.norm == "title" && m.value_range.slice(template).trim() == p.text)
    })
}

/// Rewrites the fills (`edits`) that land in front-matter values as YAML:
/// between quotes, escaped for them (`\` and `"` in double quotes, `'`
/// doubled in single ones); in a plain value, the whole value is put in
/// double quotes when YAML would misread the value as filled (a leading
/// indicator, `: `, ` #`, a number, a boolean, white space at either end;
/// see [`needs_yaml_quotes`]). A date written where the template spelled
/// one (`created: YYYY-MM-DD`) stays plain: YAML reads the date the
/// template meant. Line breaks never reach here: the value was folded to
/// one line first, as for any one-line slot.
pub(crate) fn escape_front_matter(plan: &Plan, template: &str, edits: &mut Vec<Edit>) {
    for m in plan
        .metadata
        .iter()
        .filter(|m| m.style == MetaStyle::FrontMatter)
    {
        let inside: Vec<usize> = (0..edits.len())
            .filter(|&i| m.value_range.contains_range(edits[i].range))
            .collect();
        if inside.is_empty() {
            continue;
        }
        if let Some(q) = yaml_quote(template, m.value_range) {
            for &i in &inside {
                edits[i].content = escape_yaml(&edits[i].content, q);
            }
            continue;
        }
        let old = m.value_range.slice(template);
        let local: Vec<Edit> = inside
            .iter()
            .map(|&i| {
                let r = edits[i].range;
                let at = |o: u32| (o - m.value_range.start) as usize;
                Edit::replace(
                    planwright_core::TextRange::new(at(r.start), at(r.end)),
                    edits[i].content.clone(),
                )
            })
            .collect();
        let Ok(new) = apply(old, &local) else {
            continue;
        };
        let date_kept = matches!(old, "YYYY-MM-DD" | "YYYY-MM") && is_plain_date(&new);
        if date_kept || !(needs_yaml_quotes(&new) || new.trim() != new) {
            continue;
        }
        // One patch for the whole value, in place of its slots' patches.
        let mut k = 0;
        edits.retain(|_| {
            k += 1;
            !inside.contains(&(k - 1))
        });
        let quoted = format!("\"{}\"", escape_yaml(&new, b'"'));
        edits.push(Edit::replace(m.value_range, quoted));
    }
}

/// The front-matter field whose value holds `p`, if any.
fn front_field<'p>(plan: &'p Plan, p: &Placeholder) -> Option<&'p MetaField> {
    plan.metadata
        .iter()
        .find(|m| m.style == MetaStyle::FrontMatter && m.value_range.contains_range(p.range))
}

/// `2026-01-15` or `2026-01`: digits in groups of four and two.
fn is_plain_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}
