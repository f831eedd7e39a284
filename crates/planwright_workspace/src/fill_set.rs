//! `--set` names that would fill one slot twice over.
//!
//! A slot answers to several names: its own (`{{ISSUE_ID}}`), the field
//! whose whole value it is (`**Owner:** [LEAD]`), and, through
//! [`super::ALIASES`], every other name of its variable (`issue`,
//! `ticket`). Two `--set`s under two such names leave one value unused
//! whichever wins, so `new` refuses them, as it refuses `--set issue_id=A`
//! with `--issue B`. One name given twice is an ordinary repeated option:
//! the last wins.

use planwright_core::{PlaceholderKind, normalize_key, parse};

use super::{own_name, slots, variable_of};

/// Two `--set` entries, by their index in the list given, that fill the
/// same thing under different names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetClash {
    pub first: usize,
    pub second: usize,
    /// What both fill, for a message: `` `issue` `` or `` the slot `[LEAD]` ``.
    pub what: String,
}

/// The first clash among `set` (keys as typed, in the order given) for
/// `template`, if any: two names of one planwright variable, wherever its
/// slots are, or two names of one slot of the template.
pub fn set_clash(template: &str, set: &[(String, String)]) -> Option<SetClash> {
    // A clash takes two; one `--set` need not read the template.
    if set.len() < 2 {
        return None;
    }
    let set: Vec<(String, &String)> = set
        .iter()
        .map(|(k, v)| (normalize_key(k).to_string(), v))
        .collect();
    for (j, (later, _)) in set.iter().enumerate() {
        for (i, (earlier, _)) in set[..j].iter().enumerate() {
            if earlier != later
                && let Some(var) = variable_of(earlier)
                && variable_of(later) == Some(var)
            {
                return Some(SetClash {
                    first: i,
                    second: j,
                    what: format!("`{var}`"),
                });
            }
        }
    }
    let plan = parse(template);
    for slot in slots(&plan, template) {
        if slot.placeholder.kind == PlaceholderKind::TemplateText {
            continue;
        }
        // The names `resolve` tries for this slot.
        let field = slot.field_key.clone().filter(|_| slot.in_header);
        let names: Vec<String> = own_name(&slot.placeholder)
            .into_iter()
            .chain(field)
            .collect();
        let mut given = set
            .iter()
            .enumerate()
            .filter(|(_, (k, _))| names.contains(k));
        let Some((first, (first_key, _))) = given.next() else {
            continue;
        };
        if let Some((second, _)) = given.find(|(_, (k, _))| k != first_key) {
            return Some(SetClash {
                first,
                second,
                what: format!("the slot `{}`", slot.placeholder.text),
            });
        }
    }
    None
}
