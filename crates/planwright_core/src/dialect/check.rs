//! What a descriptor's types cannot say: names it gives must name
//! something, and each detection marker must be able to match. Built-in
//! and local descriptors are checked alike, when their dialect is made.

use super::{Descriptor, DialectError};

/// Each marker has one test, and a `task_ids` one a value it can match.
pub(super) fn markers(d: &Descriptor) -> Result<(), DialectError> {
    for (index, m) in d.detect.iter().enumerate() {
        let tests: Vec<&'static str> = [
            ("heading", m.heading.is_some()),
            ("field", m.field.is_some()),
            ("comment", m.comment.is_some()),
            ("text", m.text.is_some()),
            ("file", m.file.is_some()),
            ("path", m.path.is_some()),
            ("title", m.title.is_some()),
            ("task_ids", m.task_ids.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect();
        let problem = match &tests[..] {
            [] => "no test, so it can never match; give it one of heading, field, comment, text, file, path, title or task_ids".to_owned(),
            [_] => match m.task_ids.as_deref() {
                Some(ids) if ids != "T" && ids != "numbered" => {
                    return Err(DialectError::Marker {
                        index,
                        key: Some("task_ids"),
                        problem: format!(
                            "\"{ids}\" can never match; expected \"T\" or \"numbered\""
                        ),
                    });
                }
                _ => continue,
            },
            [rest @ .., last] => format!(
                "{} and {last} in one entry; a marker is one test: give each its own [[detect]] entry",
                rest.join(", ")
            ),
        };
        return Err(DialectError::Marker {
            index,
            key: None,
            problem,
        });
    }
    Ok(())
}

/// Values a descriptor names that must exist: placeholder kinds, and the
/// initial and done statuses among the listed ones (when any are listed).
pub(super) fn values(d: &Descriptor) -> Result<(), DialectError> {
    if let Some(kind) = d
        .placeholders
        .iter()
        .find(|k| crate::model::PlaceholderKind::from_name(k).is_none())
    {
        return Err(DialectError::UnknownPlaceholder {
            kind: kind.clone(),
            known: crate::model::PlaceholderKind::ALL
                .iter()
                .map(|k| k.name())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    if d.status_values.is_empty() {
        return Ok(());
    }
    let listed = |v: &String| d.status_values.iter().any(|s| s.eq_ignore_ascii_case(v));
    let initial = d.initial_status.iter().map(|v| ("initial_status", v));
    let done = d.done_status.iter().map(|v| ("done_status", v));
    match initial.chain(done).find(|(_, v)| !listed(v)) {
        Some((key, value)) => Err(DialectError::StatusNotListed {
            key,
            value: value.clone(),
            listed: d.status_values.join(", "),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use crate::dialect::{Dialect, Origin};

    fn error(toml: &str) -> String {
        Dialect::from_toml(toml, None, Origin::Builtin)
            .map(|_| ())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_marker_is_one_test_that_can_match() {
        assert_eq!(
            error("name = \"x\"\n[[detect]]\nheading = \"Goals\"\n[[detect]]\nweight = 50\n"),
            "detect[1]: no test, so it can never match; give it one of heading, field, comment, text, file, path, title or task_ids"
        );
        assert_eq!(
            error("name = \"x\"\n[[detect]]\nheading = \"Goals\"\ntext = \"goal\"\n"),
            "detect[0]: heading and text in one entry; a marker is one test: give each its own [[detect]] entry"
        );
        assert_eq!(
            error("name = \"x\"\ndetect = [{ field = \"a\", comment = \"b\", path = \"c/\" }]\n"),
            "detect[0]: field, comment and path in one entry; a marker is one test: give each its own [[detect]] entry"
        );
        assert_eq!(
            error("name = \"x\"\n[[detect]]\ntask_ids = \"t\"\n"),
            "detect[0].task_ids: \"t\" can never match; expected \"T\" or \"numbered\""
        );
        let fine = "name = \"x\"\n[[detect]]\ntask_ids = \"numbered\"\n[[detect]]\ntext = \"x\"\nweight = 0\n";
        assert!(Dialect::from_toml(fine, None, Origin::Builtin).is_ok());
    }
}
