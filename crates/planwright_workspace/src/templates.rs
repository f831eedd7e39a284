//! The user's own templates: `.planwright/templates/NAME.md`, each with an
//! optional `NAME.toml` descriptor beside it.
//!
//! A local template becomes a [`Dialect`] exactly like a built-in one, so
//! `new`, detection and lint treat both alike, and one of the same name
//! shadows the built-in. Without a descriptor, one is derived from the
//! template itself: its headings give the required sections and the
//! detection markers, its header fields the required metadata, its status
//! field's choices the status values.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use planwright_core::dialect::{DialectError, Marker};
use planwright_core::{
    Descriptor, Dialect, DialectSet, MetaStyle, Origin, PlaceholderKind, Plan, parse,
};

use crate::source::display_path;

/// Where local templates live, relative to the configuration's folder.
pub const TEMPLATES_DIR: &str = ".planwright/templates";

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("{path}: {}", crate::io_reason(error))]
    Io { path: String, error: std::io::Error },
    #[error("{path}: not valid UTF-8")]
    NotUtf8 { path: String },
    #[error("{path}:{line}:{column}: {message}")]
    Descriptor {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: name = \"{found}\" does not match the file's name; expected \"{expected}\"")]
    NameMismatch {
        path: String,
        found: String,
        expected: String,
    },
}

/// The local templates folder under `root`.
pub fn templates_dir(root: &Path) -> PathBuf {
    root.join(TEMPLATES_DIR)
}

/// Every local dialect under `root`, sorted by name. A missing folder means
/// none; an unreadable file or a bad descriptor is an error naming it.
pub fn load_local(root: &Path) -> Result<Vec<Dialect>, TemplateError> {
    let dir = templates_dir(root);
    let names = local_names(&dir)?;
    names
        .iter()
        .map(|name| load_one(root, &dir, name))
        .collect()
}

/// The names of the templates in `dir` (`NAME.md` or `NAME.toml`), sorted.
fn local_names(dir: &Path) -> Result<BTreeSet<String>, TemplateError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(error) => {
            return Err(TemplateError::Io {
                path: display_path(dir),
                error,
            });
        }
    };
    let mut names = BTreeSet::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !stem.starts_with('.') && matches!(ext, "md" | "toml") && path.is_file() {
            names.insert(stem.to_owned());
        }
    }
    Ok(names)
}

/// The built-in dialects plus the local ones under `root`. Any broken local
/// template is an error: `lint` uses this, since every dialect takes part in
/// detecting every plan's dialect.
pub fn dialect_set(root: &Path) -> Result<DialectSet, TemplateError> {
    Ok(DialectSet::with_local(load_local(root)?))
}

/// The dialects that load, and the local templates that do not, by name.
/// `new` and `templates` use this: one broken template must not keep a user
/// from the others, but asking for the broken one is its error.
pub fn dialect_set_lenient(root: &Path) -> (DialectSet, Vec<(String, TemplateError)>) {
    let dir = templates_dir(root);
    let names = match local_names(&dir) {
        Ok(names) => names,
        Err(e) => return (DialectSet::with_local(Vec::new()), vec![(String::new(), e)]),
    };
    let mut loaded = Vec::new();
    let mut broken = Vec::new();
    for name in names {
        match load_one(root, &dir, &name) {
            Ok(d) => loaded.push(d),
            Err(e) => broken.push((name, e)),
        }
    }
    (DialectSet::with_local(loaded), broken)
}

fn load_one(root: &Path, dir: &Path, name: &str) -> Result<Dialect, TemplateError> {
    let toml_path = dir.join(format!("{name}.toml"));
    let md_path = dir.join(format!("{name}.md"));
    let shown = |p: &Path| display_path(p.strip_prefix(root).unwrap_or(p));
    if toml_path.is_file() {
        let text = read(&toml_path)?;
        let descriptor: Descriptor =
            toml::from_str(&text).map_err(|e| toml_error(&toml_path, &text, &e))?;
        if descriptor.name != name {
            return Err(TemplateError::NameMismatch {
                path: display_path(&toml_path),
                found: descriptor.name,
                expected: name.to_owned(),
            });
        }
        for (key, value) in &descriptor.fill {
            if let Err(message) = crate::fill::check_expansion(value) {
                let (line, column) = key_position(&text, key);
                return Err(TemplateError::Descriptor {
                    path: display_path(&toml_path),
                    line,
                    column,
                    message: format!("[fill] {key}: {message}"),
                });
            }
        }
        let template_path = match &descriptor.template {
            Some(file) if is_plain_file_name(file) => Some(dir.join(file)),
            // A descriptor comes with the repository: it must not make
            // `new` copy some other file of the user's into a plan.
            Some(file) => {
                let (line, column) = key_position(&text, "template");
                return Err(TemplateError::Descriptor {
                    path: display_path(&toml_path),
                    line,
                    column,
                    message: format!(
                        "template = \"{file}\" must be a file name in {TEMPLATES_DIR}/, without a folder"
                    ),
                });
            }
            None => md_path.is_file().then(|| md_path.clone()),
        };
        if let (Some(file), Some(path)) = (&descriptor.template, &template_path)
            && !path.is_file()
        {
            let (line, column) = key_position(&text, "template");
            return Err(TemplateError::Descriptor {
                path: display_path(&toml_path),
                line,
                column,
                message: format!("template = \"{file}\": no such file in {TEMPLATES_DIR}/"),
            });
        }
        let template = template_path.as_deref().map(read).transpose()?;
        let origin = Origin::Local(shown(template_path.as_deref().unwrap_or(&toml_path)));
        return Dialect::new(descriptor, template, origin).map_err(|e| match e {
            DialectError::Toml(e) => toml_error(&toml_path, &text, &e),
            other => {
                let (line, column) = other.key().map_or((1, 1), |k| key_position(&text, k));
                TemplateError::Descriptor {
                    path: display_path(&toml_path),
                    line,
                    column,
                    message: other.to_string(),
                }
            }
        });
    }
    let template = read(&md_path)?;
    let descriptor = derive_descriptor(name, &template);
    Dialect::new(descriptor, Some(template), Origin::Local(shown(&md_path))).map_err(|e| {
        TemplateError::Descriptor {
            path: display_path(&md_path),
            line: 1,
            column: 1,
            message: e.to_string(),
        }
    })
}

/// `name.md`, not `../x`, `/etc/x`, `sub/x` or `C:x`.
fn is_plain_file_name(file: &str) -> bool {
    let mut parts = Path::new(file).components();
    matches!(
        (parts.next(), parts.next()),
        (Some(std::path::Component::Normal(_)), None)
    ) && !file.contains(['/', '\\', ':'])
}

/// Line and column (1-based) of `key = ...` in a TOML text, for errors
/// found after parsing; the start of the file when it is not written.
fn key_position(text: &str, key: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, line)| {
            let rest = line.trim_start().strip_prefix(key)?;
            let column = line.len() - line.trim_start().len() + 1;
            rest.trim_start()
                .starts_with('=')
                .then_some((i + 1, column))
        })
        .unwrap_or((1, 1))
}

fn read(path: &Path) -> Result<String, TemplateError> {
    let bytes = std::fs::read(path).map_err(|source| TemplateError::Io {
        path: display_path(path),
        error: source,
    })?;
    String::from_utf8(bytes).map_err(|_| TemplateError::NotUtf8 {
        path: display_path(path),
    })
}

fn toml_error(path: &Path, text: &str, e: &toml::de::Error) -> TemplateError {
    let (line, column) = e.span().map_or((1, 1), |span| {
        let before = &text[..span.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    });
    // The key, as `planwright.toml`'s errors name it: `detect.headings`
    // says more than "invalid type: integer `5`" alone.
    let key = e
        .span()
        .and_then(|span| crate::toml_path::key_at(text, span.start));
    let message = match key {
        Some(key) => format!("{key}: {}", e.message()),
        None => e.message().to_owned(),
    };
    TemplateError::Descriptor {
        path: display_path(path),
        line,
        column,
        message,
    }
}

/// A descriptor read off a template that has none.
pub fn derive_descriptor(name: &str, template: &str) -> Descriptor {
    let plan = parse(template);
    let mut required_sections = Vec::new();
    let mut detect = Vec::new();
    let mut seen_headings = BTreeSet::new();
    for s in plan.sections.iter().filter(|s| s.level >= 2) {
        if let Some(role) = s.role
            && !required_sections.iter().any(|r| r == role.name())
        {
            required_sections.push(role.name().to_owned());
        }
        let heading = planwright_core::roles::normalize_heading(&s.title);
        // A heading that is itself a slot (`#### Component: {Name}`) says
        // nothing about a filled plan.
        let has_slot = plan
            .placeholders
            .iter()
            .any(|p| s.heading.contains_range(p.range));
        if !heading.is_empty() && !has_slot && seen_headings.insert(heading) {
            detect.push(Marker {
                heading: Some(s.title.to_string()),
                weight: 1,
                ..Marker::default()
            });
        }
    }
    let mut required_metadata = Vec::new();
    for m in plan.metadata.iter().filter(|m| m.is_header()) {
        let key = m.norm.to_string();
        if required_metadata.contains(&key) {
            continue;
        }
        required_metadata.push(key);
        let mut marker = Marker {
            weight: 1,
            ..Marker::default()
        };
        if m.style == MetaStyle::Comment {
            marker.comment = Some(m.key.to_string());
        } else {
            marker.field = Some(m.key.to_string());
        }
        detect.push(marker);
    }
    let (status_values, initial_status) = status_of(&plan, template);
    let placeholders: BTreeSet<&str> = plan
        .placeholders
        .iter()
        .filter(|p| p.kind != PlaceholderKind::TemplateText)
        .map(|p| p.kind.name())
        .collect();
    Descriptor {
        name: name.to_owned(),
        description: format!("local template (descriptor derived from {name}.md)"),
        template: Some(format!("{name}.md")),
        status_field: "status".to_owned(),
        status_values,
        initial_status,
        required_sections,
        required_metadata,
        placeholders: placeholders.into_iter().map(str::to_owned).collect(),
        detect,
        ..Descriptor::default()
    }
}

/// `**Status:** Draft | Active | Done` gives the values and the first as
/// initial; `**Status:** Draft` gives only the initial value.
fn status_of(plan: &Plan, template: &str) -> (Vec<String>, Option<String>) {
    let Some(field) = plan.field("status") else {
        return (Vec::new(), None);
    };
    let value = field.value_range.slice(template).trim();
    if planwright_core::is_choice_list(value) {
        let sep = if value.contains('|') { '|' } else { '/' };
        let values: Vec<String> = value
            .trim_matches(['{', '}', '[', ']'])
            .split(sep)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect();
        let first = values.first().cloned();
        return (values, first);
    }
    let slot = plan
        .placeholders
        .iter()
        .any(|p| field.value_range.contains_range(p.range));
    if value.is_empty() || slot {
        (Vec::new(), None)
    } else {
        (Vec::new(), Some(value.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "# Change: [TITLE]\n\n**Owner:** [AUTHOR]\n**Status:** Proposed | Accepted | Done\n\n## Motivation\n\nWhy.\n\n## Rollout\n\n- [ ] Ship\n\n## Risks\n\n- [risk]\n";

    #[test]
    fn descriptor_is_derived_from_headings_and_fields() {
        let d = derive_descriptor("change", TEMPLATE);
        assert_eq!(d.name, "change");
        assert_eq!(d.status_values, ["Proposed", "Accepted", "Done"]);
        assert_eq!(d.initial_status.as_deref(), Some("Proposed"));
        assert!(d.required_sections.contains(&"risks".to_owned()));
        assert_eq!(d.required_metadata, ["owner", "status"]);
        let headings: Vec<_> = d.detect.iter().filter_map(|m| m.heading.clone()).collect();
        assert_eq!(headings, ["Motivation", "Rollout", "Risks"]);
        assert!(Dialect::new(d, None, Origin::Builtin).is_ok());
    }

    #[test]
    fn local_templates_load_with_and_without_descriptor() {
        let root = tempfile::tempdir().unwrap();
        let dir = templates_dir(root.path());
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("change.md"), TEMPLATE).unwrap();
        std::fs::write(
            dir.join("speckit.md"),
            "# Implementation Plan: [FEATURE NAME]\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("speckit.toml"),
            "name = \"speckit\"\ninitial_status = \"Idea\"\n",
        )
        .unwrap();
        std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
        let local = load_local(root.path()).unwrap();
        let names: Vec<_> = local.iter().map(Dialect::name).collect();
        assert_eq!(names, ["change", "speckit"]);
        assert_eq!(
            local[0].origin,
            Origin::Local(".planwright/templates/change.md".to_owned())
        );
        let set = DialectSet::with_local(local);
        let speckit = set.get("speckit").unwrap();
        assert_eq!(speckit.descriptor.initial_status.as_deref(), Some("Idea"));
        assert!(matches!(speckit.origin, Origin::Local(_)));
    }

    #[test]
    fn bad_descriptors_name_the_file_and_line() {
        let root = tempfile::tempdir().unwrap();
        let dir = templates_dir(root.path());
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("x.md"), "# X\n").unwrap();
        std::fs::write(dir.join("x.toml"), "name = \"x\"\nstatuses = []\n").unwrap();
        let err = load_local(root.path()).unwrap_err().to_string();
        assert!(err.ends_with("x.toml:2:1: statuses: unknown field `statuses`, expected one of `name`, `description`, `template`, `status_field`, `status_values`, `initial_status`, `done_status`, `required_sections`, `required_metadata`, `placeholders`, `in_progress_marks`, `detect`, `fill`"), "{err}");

        // Values that name something must name what exists.
        for (toml, message) in [
            (
                "name = \"x\"\n\n[[detect]]\nheading = \"goals\"\nweight = \"high\"\n",
                "x.toml:5:10: detect[0].weight: invalid type: string \"high\"",
            ),
            (
                "name = \"x\"\nplaceholders = [\"bogus\"]\n",
                "x.toml:2:1: unknown placeholder kind `bogus` in placeholders; known: bracket,",
            ),
            (
                "name = \"x\"\nstatus_values = [\"Open\", \"Done\"]\n  initial_status = \"Nope\"\n",
                "x.toml:3:3: initial_status = \"Nope\" is not among status_values (Open, Done)",
            ),
            (
                "name = \"x\"\ntemplate = \"../../../etc/passwd\"\n",
                "x.toml:2:1: template = \"../../../etc/passwd\" must be a file name in .planwright/templates/, without a folder",
            ),
            (
                "name = \"x\"\n\n[fill]\ndecision_id = \"ADR-{nope}\"\n",
                "x.toml:4:1: [fill] decision_id: unknown variable `{nope}` in \"ADR-{nope}\"; known: title,",
            ),
            (
                "name = \"x\"\n\ntemplate = \"nothere.md\"\n",
                "x.toml:3:1: template = \"nothere.md\": no such file in .planwright/templates/",
            ),
            (
                "name = \"x\"\n\n[fill]\nid = \"ADR-{{number}}\"\n",
                "x.toml:4:1: [fill] id: \"ADR-{{number}}\": write a variable as {number}, with one pair of braces",
            ),
            (
                "name = \"x\"\ntemplate = \"/etc/hostname\"\n",
                "x.toml:2:1: template = \"/etc/hostname\" must be a file name",
            ),
        ] {
            std::fs::write(dir.join("x.toml"), toml).unwrap();
            let err = load_local(root.path()).unwrap_err().to_string();
            assert!(err.contains(message), "{err}");
        }

        std::fs::write(dir.join("x.toml"), "name = \"y\"\n").unwrap();
        let err = load_local(root.path()).unwrap_err().to_string();
        assert!(
            err.ends_with("x.toml: name = \"y\" does not match the file's name; expected \"x\""),
            "{err}"
        );
    }
}
