//! Which known name a misspelt one was meant to be, for "did you mean"
//! hints on rule selectors, dialects, templates and rules alike.

/// The one of `known` that `name` was most likely meant to be, by the
/// measure clap uses for a misspelt option (Jaro similarity over 0.7,
/// ASCII case ignored); `None` when none is that close.
pub fn closest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    closest_over(name, known, 0.7)
}

/// [`closest`] with a similarity of its own to pass: names of a few
/// letters (statuses: `paused` is 0.72 from `proposed`) want more than a
/// long option's 0.7.
pub fn closest_over<'a>(
    name: &str,
    known: impl IntoIterator<Item = &'a str>,
    min: f64,
) -> Option<&'a str> {
    let name = name.to_ascii_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::jaro(&name, &k.to_ascii_lowercase()), k))
        .filter(|(score, _)| *score > min)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn a_near_name_is_meant_and_a_far_one_is_not() {
        let known = ["unfilled-placeholder", "template-text", "broken-link"];
        assert_eq!(
            closest("unfiled-placeholder", known),
            Some("unfilled-placeholder")
        );
        assert_eq!(closest("BROKEN-LINKS", known), Some("broken-link"));
        assert_eq!(closest("zzz", known), None);
        assert_eq!(closest("anything", []), None);
    }
}
