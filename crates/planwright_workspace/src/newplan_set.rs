//! The `--set` values `new` refuses before anything is written.
//!
//! A `--set` replaces a value in the plan's text only. Where that value
//! also names the plan's place (its title and number make its folder,
//! and the folder is its branch) or comes from a flag, letting the
//! `--set` win would write a plan that contradicts its own folder, number
//! or git branch, and letting it lose would ignore what was typed; so
//! neither wins and the user is told which to give.

use planwright_core::normalize_key;

use crate::fill::{Values, variable_of};
use crate::newplan::{NewError, NewRequest};
use crate::newplan_fs::relative_to;

/// The variables a plan's path gives, besides its number: a `--set` of
/// one of them must agree with the path.
const PLACE: [&str; 6] = ["title", "slug", "folder", "branch", "feature_id", "dir"];

/// A `--set` naming the variable an explicit flag gives (`--set
/// issue_id=A` with `--issue B`, `--set author=Bob` with `--author
/// Alice`, `--set plan_number=9` with `--number 7`) is refused: whichever
/// won, the other was typed for nothing. So is one of the plan's number
/// without `--number`, which alone would number the text and not the
/// folder, and a date that names no day.
pub(super) fn check_set_against_flags(
    req: &NewRequest<'_>,
    template: &str,
) -> Result<(), NewError> {
    // The spec as the project sees it, not the absolute path it was made.
    let spec = req.spec.as_ref().map(|p| relative_to(p, req.root));
    let flags = [
        ("--spec", "spec", spec),
        ("--issue", "issue", req.issue.clone()),
        ("--author", "author", req.author.clone()),
        // The folder takes `--number`; a `--set` would put another in the text.
        ("--number", "number", req.number.map(|n| n.to_string())),
    ];
    // Read only when needed: most command lines have no bare `number`.
    let mut number_slot = None;
    for (k, v) in &req.set {
        let name = normalize_key(k);
        // `plan_number` and its aliases mean the plan's number; a bare
        // `number` is a slot's own where the template has one (`[Number]
        // developers`), and the plan's number where it has none.
        let own_slot = name == "number"
            && *number_slot
                .get_or_insert_with(|| crate::fill::slot_names(template).contains("number"));
        let var = variable_of(&name).filter(|_| !own_slot);
        if var == Some("number") && req.number.is_none() {
            return Err(NewError::SetNumber {
                key: k.clone(),
                value: v.clone(),
            });
        }
        if var == Some("date") && !planwright_core::is_iso_day(v) {
            return Err(NewError::SetDate {
                key: k.clone(),
                value: v.clone(),
            });
        }
        if var == Some("timestamp") && !is_timestamp(v) {
            return Err(NewError::SetTimestamp {
                key: k.clone(),
                value: v.clone(),
            });
        }
        for (flag, flag_var, given) in &flags {
            if let Some(flag_value) = given
                && var == Some(*flag_var)
            {
                return Err(NewError::SetConflict {
                    key: k.clone(),
                    set_value: v.clone(),
                    flag,
                    flag_value: flag_value.clone(),
                    var: flag_var,
                });
            }
        }
    }
    Ok(())
}

/// A `--set` of the title, slug, folder, branch, feature id or folder
/// path is refused unless it
/// says what the plan's path already does (`--set title=Other` for a plan
/// titled `A` would head `specs/001-a/` with "Other"). `values` are the
/// plan's own, `path` where it goes, as the user sees it.
pub(super) fn check_set_against_place(
    req: &NewRequest<'_>,
    values: &Values,
    path: &str,
) -> Result<(), NewError> {
    for (k, v) in &req.set {
        let Some(var) = variable_of(&normalize_key(k)).filter(|var| PLACE.contains(var)) else {
            continue;
        };
        let Some(derived) = values.get(var).filter(|d| d.as_str() != v.trim()) else {
            continue;
        };
        return Err(if var == "title" {
            NewError::SetTitle {
                key: k.clone(),
                value: v.clone(),
                title: derived.clone(),
                path: path.to_owned(),
            }
        } else {
            NewError::SetPlace {
                key: k.clone(),
                value: v.clone(),
                var,
                derived: derived.clone(),
                path: path.to_owned(),
                slug_given: req.slug.is_some(),
            }
        });
    }
    Ok(())
}

/// An ISO 8601 date and time on a real day, with or without its offset
/// (`2026-01-15T09:30:00+01:00`, `2026-01-15T09:30Z`, `2026-01-15
/// 09:30`), or a day alone, as `new` writes its own timestamp.
fn is_timestamp(value: &str) -> bool {
    let v = value.trim();
    v.parse::<jiff::Timestamp>().is_ok()
        || v.parse::<jiff::civil::DateTime>().is_ok()
        || planwright_core::is_iso_day(v)
}
