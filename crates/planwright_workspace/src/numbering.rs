//! Plan numbers: the `{number}` of `specs/{number}-{slug}/plan.md`.
//!
//! A new plan takes one more than the highest number in use, where "in use"
//! means an entry beside the plan folders (`specs/004-x`) or a git branch,
//! local or remote-tracking, named `004-…`: a teammate's branch that has
//! not been merged yet holds its number, so two branches never pick the
//! same one.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

/// A validated `[new] pattern`: a relative path whose components may hold
/// `{number}` and `{slug}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    components: Vec<String>,
    /// Index of the component holding `{number}`, if any.
    numbered: Option<usize>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PatternError {
    #[error("`{0}` must be a relative path inside the project")]
    NotRelative(String),
    #[error("`{pattern}`: unknown variable `{{{name}}}` (known: {{number}}, {{slug}})")]
    UnknownVariable { pattern: String, name: String },
    #[error(
        "`{0}`: `{{number}}` may appear once, in a folder or file name after fixed folders, before any `{{slug}}`"
    )]
    BadNumber(String),
    #[error("`{0}` must name a Markdown file (`….md`)")]
    NotMarkdown(String),
    #[error("`{pattern}` lies in `{folder}/`, {why}")]
    Reserved {
        pattern: String,
        folder: String,
        why: &'static str,
    },
    #[error(
        "`{0}`: something must separate `{{number}}` from `{{slug}}` (as in `{{number}}-{{slug}}`): a title that starts with a digit would read as part of the number"
    )]
    NumberTouchesSlug(String),
}

/// The highest plan number: numbers are read back from folder and branch
/// names of at most 9 digits, so a longer one could collide unseen.
pub const MAX_NUMBER: u64 = 999_999_999;

impl Pattern {
    pub fn parse(pattern: &str) -> Result<Self, PatternError> {
        let path = Path::new(pattern);
        let relative = path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        if pattern.is_empty() || !relative {
            return Err(PatternError::NotRelative(pattern.to_owned()));
        }
        let components: Vec<String> = pattern
            .split(['/', '\\'])
            .filter(|c| !c.is_empty() && *c != ".")
            .map(str::to_owned)
            .collect();
        if let Some(first) = components
            .first()
            .filter(|c| matches!(c.as_str(), ".planwright" | ".git"))
        {
            return Err(PatternError::Reserved {
                pattern: pattern.to_owned(),
                folder: first.clone(),
                why: if first == ".git" {
                    "git's own folder"
                } else {
                    "where planwright keeps its templates: a plan written there would be read as a template, not a plan"
                },
            });
        }
        for c in &components {
            let mut rest = c.as_str();
            while let Some(open) = rest.find('{') {
                let after = &rest[open + 1..];
                let close = after.find('}').unwrap_or(after.len());
                let name = &after[..close];
                if name != "number" && name != "slug" {
                    return Err(PatternError::UnknownVariable {
                        pattern: pattern.to_owned(),
                        name: name.to_owned(),
                    });
                }
                rest = after.get(close + 1..).unwrap_or("");
            }
        }
        let with_number: Vec<usize> = (0..components.len())
            .filter(|&i| components[i].contains("{number}"))
            .collect();
        // The number is read back from names by the text before it, so
        // nothing variable may come before it: `{slug}-{number}.md` gave
        // every plan 001.
        let numbered = match with_number.as_slice() {
            [] => None,
            [i] if components[*i].matches("{number}").count() == 1
                && components[..*i].iter().all(|c| !c.contains('{'))
                && components[*i].find('{') == components[*i].find("{number}") =>
            {
                Some(*i)
            }
            _ => return Err(PatternError::BadNumber(pattern.to_owned())),
        };
        if pattern.contains("{number}{slug}") {
            return Err(PatternError::NumberTouchesSlug(pattern.to_owned()));
        }
        let last = components.last().map_or("", String::as_str);
        if !Path::new(last)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        {
            return Err(PatternError::NotMarkdown(pattern.to_owned()));
        }
        Ok(Self {
            components,
            numbered,
        })
    }

    /// A glob matching every path this pattern can give, so that the plans
    /// `new` writes are found by `lint` and `status` whatever `[plans]`
    /// says: `adr/{number}-{slug}.md` is `adr/*-*.md`.
    pub fn glob(&self) -> String {
        let component = |c: &String| {
            let mut out = String::new();
            let mut rest = c.as_str();
            while let Some(open) = rest.find('{') {
                out.push_str(&globset::escape(&rest[..open]));
                out.push('*');
                let after = &rest[open + 1..];
                rest = after.find('}').map_or("", |close| &after[close + 1..]);
            }
            out.push_str(&globset::escape(rest));
            out
        };
        self.components
            .iter()
            .map(component)
            .collect::<Vec<_>>()
            .join("/")
    }

    pub fn has_number(&self) -> bool {
        self.numbered.is_some()
    }

    pub fn has_slug(&self) -> bool {
        self.components.iter().any(|c| c.contains("{slug}"))
    }

    /// The relative path of a plan.
    pub fn render(&self, number: &str, slug: &str) -> PathBuf {
        self.components
            .iter()
            .map(|c| c.replace("{number}", number).replace("{slug}", slug))
            .collect()
    }

    /// The folder holding the numbered entries, relative: `specs`.
    pub fn numbered_parent(&self) -> PathBuf {
        let end = self.numbered.unwrap_or(0);
        self.components[..end].iter().collect()
    }

    /// The numbered component itself, rendered (`004-x`), and whether it is
    /// a folder (as in spec-kit's layout) rather than the plan file.
    pub fn numbered_entry(&self, number: &str, slug: &str) -> Option<(String, bool)> {
        let i = self.numbered?;
        let name = self.components[i]
            .replace("{number}", number)
            .replace("{slug}", slug);
        Some((name, i + 1 < self.components.len()))
    }

    /// The number and slug an existing numbered folder's name was made
    /// from (`004-dark-mode` under `specs/{number}-{slug}/plan.md` is 4
    /// and `dark-mode`; the slug is `None` when the folder's name has
    /// none), when rendering them again gives that very name. `None` when
    /// the numbered entry is the plan file itself.
    pub fn folder_parts(&self, name: &str, digits: u8) -> Option<(u64, Option<String>)> {
        let i = self.numbered?;
        if i + 1 == self.components.len() {
            return None;
        }
        let (n, width) = self.number_and_width(name)?;
        let (prefix, after) = self.components[i].split_once("{number}")?;
        let rest = &name[prefix.len() + width..];
        let slug = match after.split_once("{slug}") {
            Some((before, behind)) => {
                let slug = rest.strip_prefix(before)?.strip_suffix(behind)?;
                // A pattern's slug is never empty: `004-` is no feature.
                Some((!slug.is_empty()).then(|| slug.to_owned())?)
            }
            None => None,
        };
        let again = self.numbered_entry(&format_number(n, digits), slug.as_deref().unwrap_or(""));
        (again.map(|(again, _)| again).as_deref() == Some(name)).then_some((n, slug))
    }

    /// What a branch named after the numbered entry lacks of its name: the
    /// `.md` of a numbered file (`plans/{number}.md` names branch `012`).
    fn numbered_entry_suffix(&self) -> Option<&'static str> {
        (self.numbered? + 1 == self.components.len()).then_some(".md")
    }

    /// The number at the start of an entry name, read with the text around
    /// `{number}` in the pattern (`{number}-{slug}` reads `004-x` as 4).
    pub fn number_of(&self, entry: &str) -> Option<u64> {
        self.number_and_width(entry).map(|(n, _)| n)
    }

    /// [`Pattern::number_of`], with how many digits the number is written
    /// with.
    fn number_and_width(&self, entry: &str) -> Option<(u64, usize)> {
        let template = &self.components[self.numbered?];
        let (prefix, suffix) = template.split_once("{number}")?;
        let rest = entry.strip_prefix(prefix)?;
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > 9 {
            return None;
        }
        let literal: String = suffix.chars().take_while(|c| *c != '{').collect();
        let after = &rest[digits..];
        // With nothing fixed after `{number}` (`{number}/plan.md`), the
        // digits alone are the number.
        let follows = literal.is_empty() || after.starts_with(&literal);
        follows
            .then(|| rest[..digits].parse().ok())
            .flatten()
            .map(|n| (n, digits))
    }
}

/// Files that show a numbered folder is a feature's before its plan is
/// written: spec-kit writes `spec.md` first, Kiro `requirements.md`.
const COMPANIONS: &[&str] = &["spec.md", "tasks.md", "requirements.md", "design.md"];

/// Numbers used by the entries beside where the plan will go.
pub fn folder_numbers(root: &Path, pattern: &Pattern) -> BTreeSet<u64> {
    numbered_entries(root, pattern)
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

/// The numbered entries beside where the plan will go: each one's number,
/// and whether it holds a plan (the pattern's file in the folder, as
/// `specs/004-x/plan.md`, or a spec it will be written from, as
/// [`COMPANIONS`]; a numbered file is one itself). A folder whose path
/// goes on with the slug is taken to hold one.
fn numbered_entries(root: &Path, pattern: &Pattern) -> Vec<(u64, bool)> {
    let parent = root.join(pattern.numbered_parent());
    let Ok(entries) = std::fs::read_dir(&parent) else {
        return Vec::new();
    };
    let rest: PathBuf = pattern.components[pattern.numbered.map_or(0, |i| i + 1)..]
        .iter()
        .collect();
    let fixed_rest = !rest.to_string_lossy().contains('{');
    entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|name| {
            let n = pattern.number_of(&name)?;
            let folder = parent.join(&name);
            let plan = !fixed_rest
                || rest.as_os_str().is_empty()
                || folder.join(&rest).exists()
                || COMPANIONS.iter().any(|c| folder.join(c).is_file());
            Some((n, plan))
        })
        .collect()
}

/// Numbers used by git branches named `NNN-…`, or as the pattern names
/// the entry `new --branch` names its branch after (`007_login` for
/// `plans/{number}_{slug}.md`), local or remote-tracking: a teammate's
/// unmerged plan keeps its number. A number wider than `digits` counts
/// only near the plans' own (`1000-x` after `999-y`): a branch named for a
/// year or an issue (`2024-q3-cleanup`, `1234-fix`) is no plan, and must
/// not make the next plan 2025.
pub fn branch_numbers(root: &Path, pattern: &Pattern, digits: u8, highest: u64) -> BTreeSet<u64> {
    crate::git::branch_names(root)
        .iter()
        .filter_map(|name| branch_number(name, pattern, digits, highest))
        .collect()
}

/// Slack above the highest plan number within which a wide branch number
/// still counts: room for the teammates' plans not merged yet.
const BRANCH_SLACK: u64 = 100;

fn branch_number(name: &str, pattern: &Pattern, digits: u8, highest: u64) -> Option<u64> {
    let width = name.len() - name.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let spec_kit = ((1..=9).contains(&width) && name[width..].starts_with('-'))
        .then(|| name[..width].parse().ok().map(|n| (n, width)))
        .flatten();
    // As the entry's file name, the branch has no `.md`.
    let (n, width) = spec_kit.or_else(|| {
        let entry = pattern
            .numbered_entry_suffix()
            .map(|s| format!("{name}{s}"));
        pattern.number_and_width(entry.as_deref().unwrap_or(name))
    })?;
    (width <= usize::from(digits) || n <= highest + BRANCH_SLACK).then_some(n)
}

/// Every number in use for a pattern: folders and branches. A folder's
/// number wider than `digits` counts, where the folder holds no plan, as
/// a branch's does, only near the plans' own: `specs/2024-archive` beside
/// `specs/001-a` is no plan 2024, while `1000-x` after `999-y` is the next
/// plan.
pub fn used_numbers(root: &Path, pattern: &Pattern, digits: u8) -> BTreeSet<u64> {
    let mut used = BTreeSet::new();
    let mut highest = 0;
    let mut entries = numbered_entries(root, pattern);
    entries.sort_unstable();
    for (n, plan) in entries {
        if plan || n.to_string().len() <= usize::from(digits) || n <= highest + BRANCH_SLACK {
            used.insert(n);
            highest = n;
        }
    }
    used.extend(branch_numbers(root, pattern, digits, highest));
    used
}

/// `n` zero-padded to `digits`.
pub fn format_number(n: u64, digits: u8) -> String {
    format!("{n:0width$}", width = usize::from(digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_globs_every_path_it_gives() {
        let glob = |p: &str| Pattern::parse(p).unwrap().glob();
        assert_eq!(glob("specs/{number}-{slug}/plan.md"), "specs/*-*/plan.md");
        assert_eq!(glob("./adr/{number}-{slug}.md"), "adr/*-*.md");
        assert_eq!(glob("notes/[draft] {slug}.md"), "notes/[[]draft[]] *.md");
        let set = globset::Glob::new(&glob("adr/{number}-{slug}.md"))
            .unwrap()
            .compile_matcher();
        assert!(set.is_match("adr/007-use-sqlite.md"));
        assert!(!set.is_match("adr/notes.txt"));
    }

    #[test]
    fn default_pattern_reads_spec_kit_folders() {
        let p = Pattern::parse("specs/{number}-{slug}/plan.md").unwrap();
        assert_eq!(p.numbered_parent(), PathBuf::from("specs"));
        assert_eq!(p.number_of("004-login"), Some(4));
        assert_eq!(p.number_of("004"), None);
        assert_eq!(p.number_of("login-004"), None);
        assert_eq!(p.number_of("0042-x"), Some(42));
        assert_eq!(
            p.render("005", "dark-mode"),
            PathBuf::from("specs/005-dark-mode/plan.md")
        );
        assert_eq!(
            p.numbered_entry("005", "dark-mode"),
            Some(("005-dark-mode".to_owned(), true))
        );
    }

    #[test]
    fn file_per_plan_patterns_number_files() {
        let p = Pattern::parse("docs/plans/PLAN-{number}-{slug}.md").unwrap();
        assert_eq!(p.number_of("PLAN-012-x.md"), Some(12));
        assert_eq!(p.number_of("012-x.md"), None);
        assert_eq!(
            p.numbered_entry("013", "y"),
            Some(("PLAN-013-y.md".to_owned(), false))
        );
    }

    #[test]
    fn bad_patterns_are_refused() {
        assert!(matches!(
            Pattern::parse("/abs/{number}.md"),
            Err(PatternError::NotRelative(_))
        ));
        assert!(matches!(
            Pattern::parse("../x/{number}.md"),
            Err(PatternError::NotRelative(_))
        ));
        assert!(matches!(
            Pattern::parse("specs/{num}/plan.md"),
            Err(PatternError::UnknownVariable { .. })
        ));
        // Read back by the text before it, the number must come first.
        assert!(matches!(
            Pattern::parse("plans/{slug}-{number}.md"),
            Err(PatternError::BadNumber(_))
        ));
        assert!(matches!(
            Pattern::parse("plans/{number}{slug}/plan.md"),
            Err(PatternError::NumberTouchesSlug(_))
        ));
        assert!(matches!(
            Pattern::parse("{number}/{number}.md"),
            Err(PatternError::BadNumber(_))
        ));
        assert!(matches!(
            Pattern::parse("{slug}/{number}.md"),
            Err(PatternError::BadNumber(_))
        ));
        assert!(matches!(
            Pattern::parse("specs/{number}/plan.txt"),
            Err(PatternError::NotMarkdown(_))
        ));
        // Where planwright keeps its templates, a plan would be one.
        for pattern in [
            ".planwright/templates/{number}-{slug}.md",
            "./.git/{slug}.md",
        ] {
            assert!(
                matches!(Pattern::parse(pattern), Err(PatternError::Reserved { .. })),
                "{pattern}"
            );
        }
        assert!(Pattern::parse("plans/{slug}.md").is_ok());
        assert!(Pattern::parse("docs/.planwright/{slug}.md").is_ok());
    }

    #[test]
    fn years_and_issue_numbers_on_branches_are_no_plan_numbers() {
        let spec_kit = Pattern::parse("specs/{number}-{slug}/plan.md").unwrap();
        let branch_number = |name, digits, highest| branch_number(name, &spec_kit, digits, highest);
        assert_eq!(branch_number("007-login", 3, 0), Some(7));
        assert_eq!(branch_number("origin/012-x", 3, 0), None);
        assert_eq!(branch_number("12-x", 3, 0), Some(12));
        assert_eq!(branch_number("2024-q3-cleanup", 3, 12), None);
        assert_eq!(branch_number("1234-fix-login", 3, 40), None);
        // Past 999 the plans' own numbers are wider.
        assert_eq!(branch_number("1000-x", 3, 999), Some(1000));
        assert_eq!(branch_number("2024-q3-cleanup", 4, 12), Some(2024));
    }

    #[test]
    fn branches_named_as_the_pattern_names_its_entries_hold_their_numbers() {
        // `new --branch` names the branch after the numbered entry.
        for (pattern, branch) in [
            ("plans/{number}_{slug}.md", "007_other-feature"),
            ("plans/{number}/{slug}.md", "007"),
            ("a/{number}.{slug}.md", "007.x"),
            ("adr/ADR-{number}-{slug}.md", "ADR-007-x"),
            ("plans/{number}.md", "007"),
        ] {
            let p = Pattern::parse(pattern).unwrap();
            assert_eq!(branch_number(branch, &p, 3, 0), Some(7), "{pattern}");
            // spec-kit's `NNN-…` too, whatever the pattern.
            assert_eq!(branch_number("012-x", &p, 3, 0), Some(12), "{pattern}");
            assert_eq!(branch_number("main", &p, 3, 0), None, "{pattern}");
        }
    }

    #[test]
    fn a_numbered_folder_gives_back_its_number_and_slug() {
        let p = Pattern::parse("specs/{number}-{slug}/plan.md").unwrap();
        let parts = |name| p.folder_parts(name, 3);
        assert_eq!(parts("004-dark-mode"), Some((4, Some("dark-mode".into()))));
        // Not as `new` would name it: a width of its own, no slug, no number.
        assert_eq!(parts("4-dark-mode"), None);
        assert_eq!(parts("004-"), None);
        assert_eq!(parts("notes"), None);
        let p = Pattern::parse("plans/v{number}/{slug}.md").unwrap();
        assert_eq!(p.folder_parts("v012", 3), Some((12, None)));
        // The numbered entry is the plan file: no folder to take.
        let p = Pattern::parse("plans/{number}-{slug}.md").unwrap();
        assert_eq!(p.folder_parts("004-x.md", 3), None);
    }

    #[test]
    fn numbers_are_padded_not_truncated() {
        assert_eq!(format_number(4, 3), "004");
        assert_eq!(format_number(1234, 3), "1234");
    }
}
