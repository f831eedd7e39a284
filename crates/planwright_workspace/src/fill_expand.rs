//! `[fill]` values: `"ADR-{number}"`, planwright's variables in braces,
//! checked when a descriptor is read and expanded when a plan is made.

use planwright_core::normalize_key;

use super::{ALIASES, Values, canonical, variable_of};

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
    expand_with_vars(template, values).map(|(text, _)| text)
}

/// [`expand`], and the variables the text drew on.
pub(super) fn expand_with_vars(
    template: &str,
    values: &Values,
) -> Option<(String, Vec<&'static str>)> {
    let mut out = String::with_capacity(template.len());
    let mut vars = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let var = variable_of(&normalize_key(&after[..close]))?;
        out.push_str(values.get(var)?);
        vars.push(var);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Some((out, vars))
}
