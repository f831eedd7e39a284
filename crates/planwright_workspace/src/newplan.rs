//! `planwright new`: a plan from a template, numbered, filled, and created
//! without ever overwriting anything.
//!
//! The number is chosen and claimed under an exclusive lock on the folder
//! that holds the numbered entries, so two `new` run at the same moment get
//! different numbers even when their titles differ (different slugs would
//! let both `create_dir` calls succeed). The plan itself is written to a
//! temporary file and moved into place with a no-clobber rename, so it
//! either exists whole or not at all.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use planwright_core::visible::escaped;
use planwright_core::{Dialect, DialectSet, ParseOptions, Plan, normalize_key, parse_with};

use crate::config::NewConfig;
use crate::fill::{FilledVar, Sources, Values, fill};
use crate::git::{self, GitError};
use crate::newplan_fs::{lock, mkdirs, relative_to, slash_path};
use crate::newplan_set::{check_set_against_flags, check_set_against_place};
use crate::numbering::{MAX_NUMBER, Pattern, PatternError, format_number, used_numbers};
use crate::source::display_path;

// Public here, where callers have always found them.
pub use crate::newplan_fs::{lexical, path_from, write_new};

/// Longest slug, in bytes; cut at a word boundary.
pub const SLUG_MAX: usize = 40;

/// Today's date and the current time, as written into a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clock {
    /// `2026-01-15`
    pub date: String,
    /// `2026-01-15T09:30:00+01:00`
    pub timestamp: String,
}

impl Clock {
    /// The local date and time.
    pub fn now() -> Self {
        let now = jiff::Zoned::now();
        Self {
            date: now.date().to_string(),
            timestamp: now.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        }
    }

    /// A fixed day, at midnight UTC: for reproducible output.
    pub fn on(date: &str) -> Option<Self> {
        let date: jiff::civil::Date = date.trim().parse().ok()?;
        Some(Self {
            date: date.to_string(),
            timestamp: format!("{date}T00:00:00+00:00"),
        })
    }
}

/// Everything `new` is asked for.
pub struct NewRequest<'a> {
    /// The configuration's folder: the pattern is relative to it.
    pub root: &'a Path,
    pub config: &'a NewConfig,
    pub dialects: &'a DialectSet,
    pub template: &'a Dialect,
    pub title: &'a str,
    /// The spec file, absolute, or as the user wrote it.
    pub spec: Option<PathBuf>,
    pub issue: Option<String>,
    /// Overrides git's `user.name`.
    pub author: Option<String>,
    /// `--set` pairs, keys as typed.
    pub set: Vec<(String, String)>,
    pub number: Option<u64>,
    /// The slug to use instead of the title's, checked by [`check_slug`].
    pub slug: Option<String>,
    pub branch: bool,
    pub dry_run: bool,
    pub clock: Clock,
}

/// A plan created (or, with `dry_run`, one that would be).
#[derive(Clone, Debug)]
pub struct NewPlan {
    pub path: PathBuf,
    /// Relative to the root, with `/`.
    pub relative: String,
    pub number: Option<u64>,
    /// The branch name derived from the plan's folder: `004-dark-mode`.
    pub branch: String,
    pub branch_created: bool,
    pub content: String,
    pub filled: Vec<FilledVar>,
    /// `--set` names that matched no slot and are near no slot's name
    /// (a near one is refused: [`NewError::SetMisspelt`]).
    pub unused_set: Vec<String>,
    /// The variables some slot's value drew on (see
    /// [`crate::fill::Filled::used_vars`]).
    pub used_vars: std::collections::BTreeSet<&'static str>,
    /// Slots left for the author, as the model counts them (`planwright
    /// show` lists them).
    pub remaining: usize,
    /// `content` read as `lint` reads it (under `relative`, with the
    /// request's dialects), so the caller need not read it again.
    pub model: Plan,
}

#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// Found when the configuration is read; here for a configuration
    /// built some other way.
    #[error("new.pattern: {0}")]
    Pattern(#[from] PatternError),
    /// A dialect with no template text (a local `NAME.toml` alone, or a
    /// built-in one planwright only reads): it reads plans, but has
    /// nothing to make one from.
    #[error(transparent)]
    NoTemplate(crate::templates::TemplateError),
    #[error(
        "number {number} is already taken (by a plan folder or a git branch); next free: {next}"
    )]
    NumberTaken { number: String, next: String },
    #[error(
        "no plan number is left: the highest in use is {MAX_NUMBER}; pass --number N for a free one"
    )]
    NoNumberLeft,
    #[error("{path}: exists and is not a folder")]
    NotAFolder { path: String },
    #[error("{path}: exists and is not a file")]
    NotAFile { path: String },
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error("{path}: already exists; planwright never overwrites a file")]
    Exists { path: String },
    #[error("{path}: {}", crate::io_reason(error))]
    Io { path: String, error: std::io::Error },
    #[error(transparent)]
    Git(#[from] GitError),
    #[error("{error}; {path} was not kept")]
    BranchAfterWrite { path: String, error: GitError },
    #[error("--set needs a name: `{}`", escaped(.0))]
    EmptySetName(String),
    #[error(
        "--number {number}: the plan pattern \"{pattern}\" has no {{number}}; drop --number or add {{number}} to [new] pattern"
    )]
    NumberUnused { number: u64, pattern: String },
    /// `--slug` with a pattern that names its plans by number alone.
    #[error(
        "--slug {slug}: the plan pattern \"{pattern}\" has no {{slug}}; drop --slug or add {{slug}} to [new] pattern"
    )]
    SlugUnused { slug: String, pattern: String },
    /// `--set issue_id=A --issue B`: two values for one variable. Neither
    /// silently wins; the user says which.
    #[error(
        "--set {}={} and {flag} {} both fill `{var}`; give only one",
        escaped(.key),
        escaped(.set_value),
        escaped(.flag_value)
    )]
    SetConflict {
        key: String,
        set_value: String,
        flag: &'static str,
        flag_value: String,
        var: &'static str,
    },
    /// `--set issue_id=A --set issue=B`, or `--set lead=A --set owner=B`
    /// for `**Owner:** [LEAD]`: two names for what one variable or one
    /// slot takes (see [`crate::fill::set_clash`]). Neither silently wins.
    #[error(
        "--set {} and --set {} both fill {what}; give only one",
        escaped(.first),
        escaped(.second)
    )]
    SetTwice {
        first: String,
        second: String,
        what: String,
    },
    /// `--set number=7`: the number also names the plan's folder (and
    /// branch), which a `--set` would leave at the next free number.
    #[error(
        "--set {}={}: the plan's number also names its folder; give it as --number {}",
        escaped(.key),
        escaped(.value),
        escaped(.value)
    )]
    SetNumber { key: String, value: String },
    /// `--set title=Other` for a plan titled `A`: the text would name
    /// one plan and its folder another.
    #[error(
        "--set {}={} and the title \"{}\" both fill `title`, which also names the plan {path}; give the title once, as the argument",
        escaped(.key),
        escaped(.value),
        escaped(.title)
    )]
    SetTitle {
        key: String,
        value: String,
        title: String,
        path: String,
    },
    /// `--set branch=my-branch`: the branch, folder and slug are the names
    /// the plan's path is made of, and `--branch` makes that branch.
    #[error(
        "--set {}={}: the plan's {var} is `{derived}`, made from {} as its path {path} is; drop the --set, or change {}",
        escaped(.key),
        escaped(.value),
        place_made_from(var, *slug_given),
        place_change(var, *slug_given)
    )]
    SetPlace {
        key: String,
        value: String,
        var: &'static str,
        derived: String,
        path: String,
        /// `--slug` named the slug, not the title.
        slug_given: bool,
    },
    /// `--set date=2020-02-30`: a day no calendar has, which `lint` would
    /// report in the plan just written (PW203).
    #[error(
        "--set {}={}: not a real date; give a date as YYYY-MM-DD",
        escaped(.key),
        escaped(.value)
    )]
    SetDate { key: String, value: String },
    /// `--set timestamp=2026-02-30T10:00:00Z`, or no date and time at all.
    #[error(
        "--set {}={}: not a real date and time; give one as YYYY-MM-DDTHH:MM:SS, with its offset (+01:00, Z) if you like",
        escaped(.key),
        escaped(.value)
    )]
    SetTimestamp { key: String, value: String },
    /// `--set onwer=Ada` where the template has an `owner` slot: a typo,
    /// which would leave the slot meant unfilled in a plan written anyway.
    /// A name near no slot stays a warning (see [`NewPlan::unused_set`]):
    /// a script may give every template the same `--set`s.
    #[error(
        "--set {}={}: template `{template}` has no slot `{}`; did you mean `{meant}`? Nothing was written",
        escaped(.key),
        escaped(.value),
        escaped(.key)
    )]
    SetMisspelt {
        key: String,
        value: String,
        meant: String,
        template: String,
    },
}

/// Creates a new plan as asked; see the module documentation.
pub fn create(req: &NewRequest<'_>) -> Result<NewPlan, NewError> {
    let pattern = Pattern::parse(&req.config.pattern)?;
    let Some(template) = req.template.template.as_deref() else {
        return Err(NewError::NoTemplate(crate::templates::no_template_text(
            req.root,
            req.template,
        )));
    };
    for (k, _) in &req.set {
        if normalize_key(k).is_empty() {
            return Err(NewError::EmptySetName(k.clone()));
        }
    }
    check_set_against_flags(req, template)?;
    if let Some(clash) = crate::fill::set_clash(template, &req.set) {
        let (first, second) = (&req.set[clash.first], &req.set[clash.second]);
        return Err(NewError::SetTwice {
            first: format!("{}={}", first.0, first.1),
            second: format!("{}={}", second.0, second.1),
            what: clash.what,
        });
    }
    if let Some(number) = req.number
        && !pattern.has_number()
    {
        return Err(NewError::NumberUnused {
            number,
            pattern: req.config.pattern.clone(),
        });
    }
    if let Some(slug) = &req.slug
        && !pattern.has_slug()
    {
        return Err(NewError::SlugUnused {
            slug: slug.clone(),
            pattern: req.config.pattern.clone(),
        });
    }
    let slug = req.slug.clone().unwrap_or_else(|| slugify(req.title));
    let parent = req.root.join(pattern.numbered_parent());
    if let Some((number, folder_slug)) = spec_folder(req, &pattern, &parent) {
        let slug = folder_slug.unwrap_or(slug);
        let plan = render(req, &pattern, &slug, Some(number), template)?;
        refuse_misspelt_set(req, &plan, template)?;
        return create_in_spec_folder(req, plan);
    }
    // Refusals come before anything is created, so they leave no trace.
    let preview = render(req, &pattern, &slug, pick_number(req, &pattern)?, template)?;
    refuse_misspelt_set(req, &preview, template)?;
    if req.branch {
        git::check_new_branch(req.root, &preview.branch)?;
    }
    if req.dry_run {
        return Ok(preview);
    }
    mkdirs(&parent)?;
    let _lock = if pattern.has_number() {
        Some(lock(&parent)?)
    } else {
        None
    };
    let mut number = pick_number(req, &pattern)?;
    // The lock serialises planwright with itself; an entry made meanwhile by
    // another tool still moves the number on rather than being reused.
    let mut claimed = None;
    let mut preview = Some(preview);
    for _ in 0..1000 {
        // The same number renders the same plan: filling and reading it
        // back again would only repeat the preview's work.
        let plan = match preview.take_if(|p| p.number == number) {
            Some(plan) => plan,
            None => render(req, &pattern, &slug, number, template)?,
        };
        if req.branch {
            git::check_new_branch(req.root, &plan.branch)?;
        }
        let entry = number
            .and_then(|n| pattern.numbered_entry(&format_number(n, req.config.digits), &slug));
        let folder = match (number, entry) {
            (Some(n), Some((name, true))) => {
                let dir = parent.join(name);
                match std::fs::create_dir(&dir) {
                    Ok(()) => Some(dir),
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        if req.number.is_some() {
                            return Err(NewError::Exists {
                                path: display_path(&dir),
                            });
                        }
                        if n >= MAX_NUMBER {
                            return Err(NewError::NoNumberLeft);
                        }
                        number = Some(n + 1);
                        continue;
                    }
                    Err(source) => {
                        return Err(NewError::Io {
                            path: display_path(&dir),
                            error: source,
                        });
                    }
                }
            }
            _ => None,
        };
        claimed = Some((plan, folder));
        break;
    }
    let Some((mut plan, folder)) = claimed else {
        return Err(NewError::Exists {
            path: display_path(&parent),
        });
    };
    if let Err(e) = write_new(&plan.path, &plan.content) {
        if let Some(dir) = folder {
            // Only an empty folder is removed: never anything of the user's.
            let _ = std::fs::remove_dir(dir);
        }
        return Err(e);
    }
    switch_branch(req, &mut plan, folder)?;
    Ok(plan)
}

/// With `--branch`, the plan's branch made and checked out; should git
/// refuse, `plan` and its new `folder` go too, so a failure leaves no
/// trace (the names were checked before writing).
fn switch_branch(
    req: &NewRequest<'_>,
    plan: &mut NewPlan,
    folder: Option<PathBuf>,
) -> Result<(), NewError> {
    if !req.branch {
        return Ok(());
    }
    if let Err(error) = git::switch_new_branch(req.root, &plan.branch) {
        let _ = std::fs::remove_file(&plan.path);
        if let Some(dir) = folder {
            let _ = std::fs::remove_dir(dir);
        }
        return Err(NewError::BranchAfterWrite {
            path: display_path(&plan.path),
            error,
        });
    }
    plan.branch_created = true;
    Ok(())
}

/// The number and slug of the feature folder `--spec` points into, when
/// it is one of the pattern's numbered folders (`specs/004-dark-mode/`, as
/// spec-kit makes one for the spec before the plan): the plan goes beside
/// its spec rather than into a folder of its own. Not when `--number` or
/// `--slug` asks for another.
fn spec_folder(
    req: &NewRequest<'_>,
    pattern: &Pattern,
    parent: &Path,
) -> Option<(u64, Option<String>)> {
    let spec = req.spec.as_deref()?;
    let folder = lexical(&std::path::absolute(spec).ok()?);
    let folder = folder.parent()?;
    if !folder.is_dir() || folder.parent()? != lexical(&std::path::absolute(parent).ok()?) {
        return None;
    }
    let name = folder.file_name()?.to_str()?;
    let (number, slug) = pattern.folder_parts(name, req.config.digits)?;
    let same_slug = req.slug.as_ref().is_none_or(|s| Some(s) == slug.as_ref());
    (req.number.is_none_or(|n| n == number) && same_slug).then_some((number, slug))
}

/// The plan written into the spec's feature folder, which exists: no
/// number to claim, and an existing plan there is never overwritten.
/// Refuses a `--set` name that matched no slot but is near one's name.
/// Jaro over 0.8, above the 0.7 of a misspelt option: slot names are
/// short, and `owner` is 0.72 from `number`.
fn refuse_misspelt_set(
    req: &NewRequest<'_>,
    plan: &NewPlan,
    template: &str,
) -> Result<(), NewError> {
    if plan.unused_set.is_empty() {
        return Ok(());
    }
    let names = crate::fill::slot_names(template);
    for key in &plan.unused_set {
        let normal = normalize_key(key);
        let meant = planwright_core::closest_over(&normal, names.iter().map(String::as_str), 0.8);
        if let Some(meant) = meant {
            let value = req
                .set
                .iter()
                .rev()
                .find(|(k, _)| normalize_key(k) == normal);
            let value = value.map(|(_, v)| v);
            return Err(NewError::SetMisspelt {
                key: key.clone(),
                value: value.cloned().unwrap_or_default(),
                meant: meant.to_owned(),
                template: req.template.name().to_owned(),
            });
        }
    }
    Ok(())
}

fn create_in_spec_folder(req: &NewRequest<'_>, mut plan: NewPlan) -> Result<NewPlan, NewError> {
    if plan.path.exists() {
        return Err(NewError::Exists {
            path: display_path(&plan.path),
        });
    }
    if req.branch {
        git::check_new_branch(req.root, &plan.branch)?;
    }
    if req.dry_run {
        return Ok(plan);
    }
    write_new(&plan.path, &plan.content)?;
    switch_branch(req, &mut plan, None)?;
    Ok(plan)
}

fn pick_number(req: &NewRequest<'_>, pattern: &Pattern) -> Result<Option<u64>, NewError> {
    if !pattern.has_number() {
        return Ok(None);
    }
    let used = used_numbers(req.root, pattern, req.config.digits);
    let next = used.last().map_or(1, |n| n + 1);
    if req.number.is_none() && next > MAX_NUMBER {
        return Err(NewError::NoNumberLeft);
    }
    match req.number {
        // A folder of that number is in the way, plan or not.
        Some(n)
            if used.contains(&n)
                || crate::numbering::folder_numbers(req.root, pattern).contains(&n) =>
        {
            Err(NewError::NumberTaken {
                number: format_number(n, req.config.digits),
                next: format_number(next, req.config.digits),
            })
        }
        Some(n) => Ok(Some(n)),
        None => Ok(Some(next)),
    }
}

/// The plan's path, variables and filled text for one number.
fn render(
    req: &NewRequest<'_>,
    pattern: &Pattern,
    slug: &str,
    number: Option<u64>,
    template: &str,
) -> Result<NewPlan, NewError> {
    let number_text = number.map(|n| format_number(n, req.config.digits));
    let relative_path = pattern.render(number_text.as_deref().unwrap_or(""), slug);
    let path = req.root.join(&relative_path);
    let relative = slash_path(&relative_path);
    let folder = match pattern.numbered_entry(number_text.as_deref().unwrap_or(""), slug) {
        Some((name, true)) => name,
        Some((name, false)) => name.trim_end_matches(".md").to_owned(),
        None => match number_text.as_deref() {
            Some(n) => format!("{n}-{slug}"),
            None => slug.to_owned(),
        },
    };
    let dir = relative_path.parent().map(slash_path).unwrap_or_default();
    let mut values: Values = BTreeMap::new();
    values.insert("title", req.title.trim().to_owned());
    values.insert("slug", slug.to_owned());
    if let Some(n) = &number_text {
        values.insert("number", n.clone());
    }
    values.insert("folder", folder.clone());
    values.insert("feature_id", folder.clone());
    values.insert("branch", folder.clone());
    values.insert("dir", dir);
    values.insert("date", req.clock.date.clone());
    values.insert("timestamp", req.clock.timestamp.clone());
    check_set_against_place(req, &values, &display_path(&path))?;
    if let Some(spec) = &req.spec {
        let from = path.parent().unwrap_or(req.root);
        values.insert("spec", relative_to(spec, from));
    }
    if let Some(issue) = &req.issue {
        values.insert("issue", issue.clone());
    }
    if let Some(author) = req.author.clone().or_else(|| git::user_name(req.root)) {
        values.insert("author", author);
    }
    if let Some(status) = &req.template.descriptor.initial_status {
        values.insert("status", status.clone());
    }
    let set: Vec<(String, String)> = req
        .set
        .iter()
        .map(|(k, v)| (normalize_key(k).to_string(), v.clone()))
        .collect();
    let filled = fill(
        template,
        &Sources {
            values: &values,
            descriptor: &req.template.descriptor,
            set: &set,
        },
    );
    let file_name = path.file_name().and_then(|n| n.to_str());
    let reread = parse_with(
        &filled.text,
        &ParseOptions {
            file_name,
            path: Some(&relative),
            dialects: req.dialects,
            dialect: None,
        },
    );
    Ok(NewPlan {
        path,
        relative,
        number,
        branch: folder,
        branch_created: false,
        content: filled.text,
        filled: filled.filled,
        unused_set: filled.unused_set,
        used_vars: filled.used_vars,
        remaining: reread.placeholders.len(),
        model: reread,
    })
}

/// Longest slug `--slug` takes, in bytes: a folder name stays well within
/// every file system's 255, number and all.
pub const SLUG_GIVEN_MAX: usize = 100;

/// Checks a slug given with `--slug`: lower-case ASCII letters and digits
/// in words joined by single `-`, as [`slugify`] writes them, at most
/// [`SLUG_GIVEN_MAX`] bytes. The error says why, and offers the slug
/// [`slugify`] makes of it where that differs.
pub fn check_slug(slug: &str) -> Result<(), String> {
    let shaped = !slug.is_empty()
        && slug.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if shaped && slug.len() <= SLUG_GIVEN_MAX {
        return Ok(());
    }
    let why = if slug.len() > SLUG_GIVEN_MAX {
        format!("longer than {SLUG_GIVEN_MAX} bytes")
    } else {
        "a slug is lower-case ASCII letters and digits, words joined by `-`".to_owned()
    };
    let meant = slugify(slug);
    Err(
        if shaped || meant == "plan" && !slug.contains(|c: char| c.is_alphanumeric()) {
            why
        } else {
            format!("{why}; did you mean `{meant}`?")
        },
    )
}

/// Lower-case ASCII words joined by `-`, at most [`SLUG_MAX`] bytes, cut
/// at a word boundary. Letters and digits of any script are spelt in ASCII
/// (`Тёмная` is `tiomnaia`, `数据` is `shu-ju`); anything else separates
/// words, except what sits inside one (`'`, combining marks). A change of
/// script separates words too (see [`Script`]). `plan` when nothing is
/// left.
pub fn slugify(title: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    // A word in another script starts a word of the slug: `x数据y` is
    // `x-shu-ju-y`, not `xshu-ju-y`.
    let mut script = Script::Latin;
    for c in title.chars() {
        if c.is_alphanumeric() {
            if Script::of(c) != script && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            script = Script::of(c);
        }
        for b in spelling(c).bytes() {
            if b.is_ascii_alphanumeric() {
                word.push(char::from(b.to_ascii_lowercase()));
            } else if b != b'\'' && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut slug = String::new();
    for w in words {
        let extra = usize::from(!slug.is_empty()) + w.len();
        if slug.len() + extra > SLUG_MAX {
            if slug.is_empty() {
                slug.push_str(&w[..SLUG_MAX]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&w);
    }
    if slug.is_empty() {
        "plan".to_owned()
    } else {
        slug
    }
}

/// The scripts between which a slug's words break, as they do at a space.
/// Latin (ASCII, and the accented letters of Latin-1 and Latin Extended)
/// keeps its words whole. Kana are spelt syllable by syllable with nothing
/// between, as one word; a Han character is spelt with a space after it,
/// a word of its own, but nothing before: without the break, kana ran
/// into the kanji after them (`日本語の計画` gave `ri-ben-yu-noji-hua`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Kana,
    Other,
}

impl Script {
    fn of(c: char) -> Self {
        match c {
            c if c.is_ascii() => Self::Latin,
            '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => Self::Latin,
            // Hiragana, Katakana, its phonetic extensions, half-width forms.
            '\u{3040}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{ff66}'..='\u{ff9f}' => {
                Self::Kana
            }
            _ => Self::Other,
        }
    }
}

/// A character as ASCII for a slug; every ASCII character is itself.
/// Only letters and digits are transliterated: deunicode spells emoji
/// and symbols as words (`🚀` is `rocket`), which no title meant. White
/// space and control characters always separate words.
fn spelling(c: char) -> &'static str {
    // deunicode spells control characters (a tab, a newline) as nothing,
    // which would glue the words either side into one.
    if c.is_whitespace() || c.is_control() {
        return " ";
    }
    match deunicode::deunicode_char(c) {
        Some(ascii) if c.is_alphanumeric() => ascii,
        // Apostrophes (`’` is `'`), combining marks and joiners, spelt
        // as nothing, stay inside their word.
        Some(ascii @ ("" | "'")) => ascii,
        _ => " ",
    }
}

/// What a place variable of the plan's path is made from: the slug from
/// the title alone, or `--slug`, the rest from the number and slug.
fn place_made_from(var: &str, slug_given: bool) -> &'static str {
    match (var == "slug", slug_given) {
        (true, false) => "its title",
        (true, true) => "--slug",
        (false, false) => "its number and title",
        (false, true) => "its number and --slug",
    }
}

/// What to change instead of a `--set` of place variable `var`.
fn place_change(var: &str, slug_given: bool) -> &'static str {
    match (var == "slug", slug_given) {
        (true, false) => "the title, or give --slug",
        (true, true) => "--slug",
        (false, false) => "the title, --slug or --number",
        (false, true) => "--slug or --number",
    }
}

#[cfg(test)]
#[path = "newplan_tests.rs"]
mod tests;
