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

use planwright_core::dialect::{DialectError, GENERIC, Marker};
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
    /// Where, as a plan's error says.
    #[error(transparent)]
    NotUtf8(crate::source::LoadError),
    #[error("{path}:{line}:{column}: {message}")]
    Descriptor {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}:{line}:{column}: name = \"{found}\" does not match the file's name; expected \"{expected}\""
    )]
    NameMismatch {
        path: String,
        line: usize,
        column: usize,
        found: String,
        expected: String,
    },
    /// A problem of the whole file, with no one place to point at
    /// (a missing `name` field).
    #[error("{path}: {message}")]
    File { path: String, message: String },
    /// A dialect asked for as a template that has no template text: a
    /// local descriptor alone (which only reads plans), or a built-in
    /// dialect planwright only reads.
    #[error("{}", no_text_message(name, descriptor.as_deref(), *shadows, expected))]
    NoText {
        name: String,
        /// The descriptor's path; `None` for a built-in dialect.
        descriptor: Option<String>,
        /// Whether the descriptor hides a built-in template of its name.
        shadows: bool,
        /// The template file to add.
        expected: String,
    },
}

/// Why `dialect` cannot make a plan, for `new` and `templates show`: it
/// has no template text. `root` is the project's folder, as the user
/// would write it, so the paths named can be opened as they are.
pub fn no_template_text(root: &Path, dialect: &Dialect) -> TemplateError {
    let name = dialect.name().to_owned();
    let dir = templates_dir(root);
    let descriptor = match &dialect.origin {
        Origin::Local(_) => Some(display_path(&dir.join(format!("{name}.toml")))),
        Origin::Builtin => None,
    };
    let file = dialect
        .descriptor
        .template
        .clone()
        .unwrap_or_else(|| format!("{name}.md"));
    TemplateError::NoText {
        expected: display_path(&dir.join(file)),
        shadows: descriptor.is_some() && DialectSet::builtin().get(&name).is_some(),
        name,
        descriptor,
    }
}

fn no_text_message(name: &str, descriptor: Option<&str>, shadows: bool, expected: &str) -> String {
    let shadows = if shadows {
        format!(" (it hides the built-in `{name}` and its template)")
    } else {
        String::new()
    };
    match descriptor {
        Some(descriptor) => format!(
            "template `{name}` has a descriptor, {descriptor}{shadows}, but no template text file; add the plan's text as {expected}"
        ),
        None => format!(
            "`{name}` is a dialect planwright reads, with no template to make a plan from; add one as {expected} (see `planwright templates list`)"
        ),
    }
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
                path: error_path(dir),
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
    // `generic` is what a plan of no dialect is read as: a template of
    // that name would take over `--dialect generic`.
    if name.eq_ignore_ascii_case(GENERIC) {
        let file = if md_path.is_file() {
            &md_path
        } else {
            &toml_path
        };
        return Err(TemplateError::File {
            path: error_path(file),
            message: reserved(name),
        });
    }
    if toml_path.is_file() {
        let text = read(&toml_path)?;
        let descriptor: Descriptor =
            toml::from_str(&text).map_err(|e| toml_error(&toml_path, &text, &e))?;
        if descriptor.name.eq_ignore_ascii_case(GENERIC) {
            let (line, column) = key_position(&text, &["name"]);
            return Err(TemplateError::Descriptor {
                path: error_path(&toml_path),
                line,
                column,
                message: format!(
                    "name = \"{}\": {}",
                    descriptor.name,
                    reserved(&descriptor.name)
                ),
            });
        }
        if descriptor.name != name {
            let (line, column) = key_position(&text, &["name"]);
            return Err(TemplateError::NameMismatch {
                path: error_path(&toml_path),
                line,
                column,
                found: descriptor.name,
                expected: name.to_owned(),
            });
        }
        for (key, value) in &descriptor.fill {
            if let Err(message) = crate::fill::check_expansion(value) {
                let (line, column) = key_position(&text, &["fill", key]);
                return Err(TemplateError::Descriptor {
                    path: error_path(&toml_path),
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
                let (line, column) = key_position(&text, &["template"]);
                return Err(TemplateError::Descriptor {
                    path: error_path(&toml_path),
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
            let (line, column) = key_position(&text, &["template"]);
            return Err(TemplateError::Descriptor {
                path: error_path(&toml_path),
                line,
                column,
                message: format!("template = \"{file}\": no such file in {TEMPLATES_DIR}/"),
            });
        }
        let template = template_path.as_deref().map(read).transpose()?;
        let mut descriptor = descriptor;
        if let Some(template) = &template {
            check_fill_keys(&descriptor, template, &text, &toml_path)?;
            // A descriptor that says how to read plans but not how to know
            // them (no `[[detect]]`) knows them by its template's headings
            // and fields, as it would without a descriptor: none at all
            // made every plan `new` wrote from it `generic`.
            if descriptor.detect.is_empty() {
                descriptor.detect = derive_descriptor(name, template).detect;
            }
        }
        let origin = Origin::Local(shown(template_path.as_deref().unwrap_or(&toml_path)));
        return Dialect::new(descriptor, template, origin).map_err(|e| match e {
            DialectError::Toml(e) => toml_error(&toml_path, &text, &e),
            other => {
                // A `[[detect]]` entry is found by its place, not its key.
                let entry = match &other {
                    DialectError::Marker { index, .. } => {
                        crate::toml_path::element_span(&text, &["detect"], *index)
                            .map(|span| crate::config::line_column(&text, span.start))
                    }
                    _ => None,
                };
                let (line, column) = entry
                    .or_else(|| other.key().map(|k| key_position(&text, &[k])))
                    .unwrap_or((1, 1));
                TemplateError::Descriptor {
                    path: error_path(&toml_path),
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
            path: error_path(&md_path),
            line: 1,
            column: 1,
            message: e.to_string(),
        }
    })
}

fn reserved(name: &str) -> String {
    format!(
        "a template cannot be named `{name}`: `{GENERIC}` (in any case) means no dialect, as in `--dialect {GENERIC}`; rename it"
    )
}

/// Every `[fill]` key must name a slot of the template, as every other
/// key of a descriptor must be one planwright knows: a typo (`colour =
/// "red"` written after `[fill]`, `ghost_slot`) would otherwise fill
/// nothing, silently. A descriptor is checked in once and read on every
/// run, so this is an error; a `--set` name that matches no slot is only a
/// warning, since one command line may serve several templates.
fn check_fill_keys(
    descriptor: &Descriptor,
    template: &str,
    text: &str,
    toml_path: &Path,
) -> Result<(), TemplateError> {
    let names = crate::fill::slot_names(template);
    for key in descriptor.fill.keys() {
        if !names.contains(&*planwright_core::normalize_key(key)) {
            let (line, column) = key_position(text, &["fill", key]);
            let file = descriptor
                .template
                .clone()
                .unwrap_or_else(|| format!("{}.md", descriptor.name));
            return Err(TemplateError::Descriptor {
                path: error_path(toml_path),
                line,
                column,
                message: format!("[fill] {key}: no slot of that name in {file}"),
            });
        }
    }
    Ok(())
}

/// `name.md`, not `../x`, `/etc/x`, `sub/x` or `C:x`.
fn is_plain_file_name(file: &str) -> bool {
    let mut parts = Path::new(file).components();
    matches!(
        (parts.next(), parts.next()),
        (Some(std::path::Component::Normal(_)), None)
    ) && !file.contains(['/', '\\', ':'])
}

/// Line and column (1-based) of the key at `path` in a TOML text, for
/// errors found after parsing; the start of the file when it is not
/// written (a default).
fn key_position(text: &str, path: &[&str]) -> (usize, usize) {
    crate::toml_path::key_span(text, path)
        .map_or((1, 1), |span| crate::config::line_column(text, span.start))
}

/// A template's path as its errors name it: from the working folder when
/// it lies below it, as plans are named (the project root is found as an
/// absolute path, and `lint` would otherwise print it whole).
fn error_path(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    display_path(path.strip_prefix(&cwd).unwrap_or(path))
}

fn read(path: &Path) -> Result<String, TemplateError> {
    let bytes = std::fs::read(path).map_err(|source| TemplateError::Io {
        path: error_path(path),
        error: source,
    })?;
    crate::source::decode(bytes, Path::new(&error_path(path))).map_err(TemplateError::NotUtf8)
}

fn toml_error(path: &Path, text: &str, e: &toml::de::Error) -> TemplateError {
    // serde reports a missing field at the whole document, whose span
    // starts at the first key: naming that key would point at the wrong one.
    if e.message().starts_with("missing field") {
        return TemplateError::File {
            path: error_path(path),
            message: e.message().to_owned(),
        };
    }
    let (line, column) = e
        .span()
        .map_or((1, 1), |span| crate::config::line_column(text, span.start));
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
        path: error_path(path),
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
        fill: title_fill(&plan),
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

/// `# ADR {{DECISION_ID}}: {{TITLE}}`: the title heading's slot named
/// `title` is the plan's title, said in the `[fill]` table a hand-written
/// descriptor would have. Not when a slot of that name also stands
/// elsewhere (`#### Step 1: [Title]`), where the table would fill it too.
fn title_fill(plan: &Plan) -> std::collections::BTreeMap<String, String> {
    let mut fill = std::collections::BTreeMap::new();
    let Some(heading) = plan
        .sections
        .iter()
        .find(|s| s.level == 1)
        .map(|s| s.heading)
    else {
        return fill;
    };
    let named_title = |p: &&planwright_core::Placeholder| p.name.as_deref() == Some("title");
    let inside = plan
        .placeholders
        .iter()
        .filter(named_title)
        .filter(|p| heading.contains_range(p.range))
        .count();
    let outside = plan.placeholders.iter().filter(named_title).count() - inside;
    if inside == 1 && outside == 0 {
        fill.insert("title".to_owned(), "{title}".to_owned());
    }
    fill
}

/// `**Status:** Draft | Active | Done` gives the values and the first as
/// initial; `**Status:** Draft` gives only the initial value.
fn status_of(plan: &Plan, template: &str) -> (Vec<String>, Option<String>) {
    let Some(field) = plan.field("status") else {
        return (Vec::new(), None);
    };
    let written = field.written(template);
    let value = written.trim();
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
#[path = "templates_tests.rs"]
mod tests;
