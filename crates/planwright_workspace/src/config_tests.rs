//! Reading `planwright.toml`: defaults, finding it, and what its errors say.

use std::fmt::Write as _;

use super::*;

#[test]
fn a_configuration_is_shown_as_typed_from_where_the_user_is() {
    let file = Path::new("/repo/planwright.toml");
    assert_eq!(shown_from(file, Path::new("/repo")), "planwright.toml");
    assert_eq!(
        shown_from(file, Path::new("/repo/a/b")),
        "../../planwright.toml"
    );
    assert_eq!(
        shown_from(file, Path::new("/elsewhere")),
        "../repo/planwright.toml"
    );
}

#[test]
fn defaults_without_a_file() {
    let c = parse_config("", Path::new("planwright.toml")).unwrap();
    assert_eq!(c.new.pattern, "specs/{number}-{slug}/plan.md");
    assert!(c.plans.include.iter().any(|g| g == "**/tasks.md"));
}

/// Every kind of error, in every table: each names the file, line,
/// column and dotted key.
#[test]
fn errors_name_file_line_and_key() {
    let cases = [
        "[lint]\nselect = 5\n",
        "[lint]\nselect = [\"PW1\", 5]\n",
        "[lint]\nselect = [\"PW1\"]\nignor = [\"PW104\"]\n",
        "[lint]\nselect = [\"PW9\"]\n",
        "# PW9 in a comment is not the selector\n[lint]\nextend-select = [\"PW1\", \"PW9\"]\n",
        "[lint]\nignore = [\"\"]\n",
        "[lint]\nseverity = { PW104 = \"fatal\" }\n",
        "[lint]\nseverity = { PW9 = \"error\" }\n",
        "[lint]\nseverity = { PW104 = 3 }\n",
        "[lint]\nseverity = 5\n",
        "[lint]\nseverity = { dependency-cycle = \"error\", PW207 = \"warning\" }\n",
        "[lint]\nseverity = { ALL = \"info\", PW2 = \"error\", all = \"warning\" }\n",
        "[lint.severity]\nPW101 = \"error\"\n\"docs/*.md\" = \"info\"\n",
        "[[lint.overrides]]\nfiles = [\"a\"]\n\n[[lint.overrides]]\nfiles = [\"docs/*.md\"]\nselect = [\"XX\"]\n",
        "[[lint.overrides]]\nignore = [\"PW1\"]\n",
        "[[lint.overrides]]\nfiles = [\"a/**\", \"[bad\"]\nignore = [\"PW1\"]\n",
        "[[lint.overrides]]\nfiles = [\"a\"]\nseverity = { PW104 = \"loud\" }\n",
        "[[lint.overrides]]\nfiles = [\"a\"]\nseverity = { pw1 = \"info\", PW1 = \"error\" }\n",
        "[[lint.overrides]]\nfiles = [\"a\"]\nfile = [\"b\"]\n",
        "[[lint.overrides]]\nfiles = \"a\"\n",
        "[[lint.overrides]]\nfiles = []\nignore = [\"PW1\"]\n",
        "[lint.overrides]\nfiles = [\"a\"]\n",
        "[plans]\ninclude = [\"**/*plan*.md\"]\nexclude = [\n  \"x/{a\",\n]\n",
        "[plans]\ninclude = \"x\"\n",
        "[[plans.dialects]]\nfiles = [\"docs/*.md\"]\n",
        "[[plans.dialects]]\ndialect = \"generic\"\n",
        "[[plans.dialects]]\nfiles = []\ndialect = \"generic\"\n",
        "[[plans.dialects]]\nfiles = [\"a\", \"[bad\"]\ndialect = \"generic\"\n",
        "[[plans.dialects]]\nfiles = [\"a\"]\ndialect = \"generic\"\nfile = [\"b\"]\n",
        "[[plans.dialects]]\nfiles = [\"a\"]\ndialect = 5\n",
        "[plans.dialects]\nfiles = [\"a\"]\ndialect = \"generic\"\n",
        "[new]\ndigits = 10\n",
        "[new]\ndigits = -1\n",
        "[new]\ndigits = 99999999999999999999\n",
        "[new]\ndigits = -99999999999999999999\n",
        "[new]\ndigits = \"3\"\n",
        "[new]\npattern = \"/abs/{slug}.md\"\n",
        "[new]\npattern = \"plans/{nope}.md\"\n",
        "[new]\ntemplate = 5\n",
        "new = 5\n",
        "[nope]\n",
        "[lint]\nselect = [\"PW1\" \"PW2\"]\n",
        "[lint]\nselect=[\"PW101\"]\nselect=[\"PW102\"]\n",
        "[lint]\nseverity = { PW101 = \"error\", PW101 = \"info\" }\n",
        "[lint]\nignore = []\n[lint]\n",
    ];
    let mut out = String::new();
    for text in cases {
        let err = parse_config(text, Path::new("planwright.toml")).unwrap_err();
        let _ = write!(out, "{text}=> {err}\n\n");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn lint_tables_parse() {
    let text = r#"
[lint]
extend-select = ["PW501"]
ignore = ["PW104"]
severity = { PW101 = "error" }

[[lint.overrides]]
files = ["archive/**"]
ignore = ["PW1"]
"#;
    let c = parse_config(text, Path::new("planwright.toml")).unwrap();
    assert_eq!(c.lint.extend_select, ["PW501"]);
    assert_eq!(c.lint.severity["PW101"], "error");
    assert_eq!(c.lint.overrides[0].files, ["archive/**"]);
}

#[test]
fn plan_dialects_parse_and_the_first_match_wins() {
    let text = r#"
[plans]
include = ["**/*.md"]

[[plans.dialects]]
files = ["docs/notes/*.md", "./scratch"]
dialect = "generic"

[[plans.dialects]]
files = ["docs"]
dialect = "rfc"
"#;
    let c = parse_config(text, Path::new("planwright.toml")).unwrap();
    assert_eq!(
        c.plans.dialects,
        [
            PlanDialect {
                files: vec!["docs/notes/*.md".to_owned(), "./scratch".to_owned()],
                dialect: "generic".to_owned(),
            },
            PlanDialect {
                files: vec!["docs".to_owned()],
                dialect: "rfc".to_owned(),
            },
        ]
    );
    let loaded = LoadedConfig {
        config: c,
        path: Some(PathBuf::from("/repo/planwright.toml")),
        root: PathBuf::from("/repo"),
        text: text.to_owned(),
    };
    let names = ["generic", "rfc"];
    let globs = DialectGlobs::new(&loaded, &names, Path::new("/repo")).unwrap();
    let of = |p: &str| globs.dialect_for(Path::new(p));
    assert_eq!(of("docs/notes/a-plan.md"), Some("generic"));
    assert_eq!(of("docs/other/a-plan.md"), Some("rfc"));
    assert_eq!(of("scratch/x/plan.md"), Some("generic"));
    assert_eq!(of("docs/scratch/plan.md"), Some("rfc"));
    assert_eq!(of("specs/001/plan.md"), None);
    assert!(Config::default().plans.dialects.is_empty());
}

/// Names are checked once the caller knows its dialects (local templates
/// are some), at the value and naming its key as any other error.
#[test]
fn an_unknown_plan_dialect_is_named_at_its_value() {
    let text = "[plans]\nexclude = []\n\n[[plans.dialects]]\nfiles = [\"a\"]\ndialect = \"generic\"\n\n\
                [[plans.dialects]]\nfiles = [\"b\"]\ndialect = \"desing\"\n";
    let loaded = LoadedConfig {
        config: parse_config(text, Path::new("planwright.toml")).unwrap(),
        path: Some(PathBuf::from("/repo/planwright.toml")),
        root: PathBuf::from("/repo"),
        text: text.to_owned(),
    };
    let err = DialectGlobs::new(&loaded, &["generic", "design"], Path::new("/repo/sub"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "../planwright.toml:10:11: plans.dialects[1].dialect: unknown dialect `desing`; expected one of generic, design"
    );
}

#[test]
fn a_leading_dot_slash_means_the_config_folder() {
    let set = |glob: &str| {
        let mut b = globset::GlobSetBuilder::new();
        b.add(compile_glob(glob).unwrap());
        b.build().unwrap()
    };
    for glob in ["./b-plan.md", "././b-plan.md", "b-plan.md"] {
        assert!(set(glob).is_match("b-plan.md"), "{glob}");
    }
    assert!(set("./specs/*/plan.md").is_match("specs/001/plan.md"));
    assert!(!set("./*.md").is_match("specs/plan.md"));
}

#[test]
fn patterns_read_as_gitignore_reads_them() {
    let set = |glob: &str| {
        let mut b = globset::GlobSetBuilder::new();
        for g in compile_globs(glob).unwrap() {
            b.add(g);
        }
        b.build().unwrap()
    };
    // A name alone matches at any depth, a folder everything under it.
    assert!(set("old-plan.md").is_match("docs/archive/old-plan.md"));
    assert!(set("archive").is_match("archive/2024/plan.md"));
    assert!(set("archive").is_match("docs/archive/plan.md"));
    assert!(set("archive/").is_match("archive/plan.md"));
    assert!(!set("archive/").is_match("archive"));
    assert!(set("specs/old").is_match("specs/old/001/plan.md"));
    assert!(!set("specs/old").is_match("docs/specs/old/plan.md"));
    // `*` still stops at `/`, and `./` anchors to the config's folder.
    assert!(!set("./*.md").is_match("specs/plan.md"));
    assert!(set("./*.md").is_match("plan.md"));
    assert!(!set("./archive").is_match("docs/archive/plan.md"));
    assert!(set("/x").is_match("x/plan.md"));
    assert!(!set("/x").is_match("docs/x/plan.md"));
    let err = parse_config(
        "[[lint.overrides]]\nfiles = [\"*.md\", \"!old-plan.md\"]\n",
        Path::new("planwright.toml"),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("planwright.toml:2:18: lint.overrides[0].files[1]: `!old-plan.md`: patterns cannot be negated"),
        "{err}"
    );
    assert!(err.ends_with("an override of their own"), "{err}");
    // Each list says what to write instead, as its own setting works.
    let negated = |toml: &str| {
        parse_config(toml, Path::new("planwright.toml"))
            .unwrap_err()
            .to_string()
    };
    let err = negated("[[plans.dialects]]\nfiles = [\"!docs/**\"]\ndialect = \"rfc\"\n");
    assert!(
        err.ends_with("an earlier `[[plans.dialects]]` entry (the first that matches wins)"),
        "{err}"
    );
    let err = negated("[plans]\ninclude = [\"!docs/**\"]\n");
    assert!(err.ends_with("in `[plans] exclude`"), "{err}");
    assert!(set("specs/*/plan.md").is_match("specs/001/plan.md"));
    assert!(!set("specs/*/plan.md").is_match("specs/001/x/plan.md"));
}

#[test]
fn found_by_walking_up() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::write(dir.path().join(CONFIG_FILE), "[new]\ndigits = 4\n").unwrap();
    let loaded = load_config(&nested).unwrap();
    assert_eq!(loaded.config.new.digits, 4);
    for bad in ["[new]\ndigits = 10\n", "[new]\ndigits = 0\n"] {
        let err = parse_config(bad, Path::new("planwright.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("planwright.toml:2:10: new.digits: must be 1 to 9"),
            "{err}"
        );
    }
    assert_eq!(loaded.root, dir.path());
}

#[test]
fn a_byte_that_is_not_utf8_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::write(
        dir.path().join(CONFIG_FILE),
        b"[lint]\n# caf\xe9\nselect = [\"PW1\"]\n",
    )
    .unwrap();
    let err = load_config(&nested).unwrap_err().to_string();
    assert_eq!(
        err,
        "../planwright.toml: not valid UTF-8 (invalid byte at offset 12, line 2)"
    );
    // `init` reads an existing configuration the same way.
    let err = crate::init::init(dir.path()).unwrap_err().to_string();
    assert!(
        err.ends_with("planwright.toml: not valid UTF-8 (invalid byte at offset 12, line 2)"),
        "{err}"
    );
}
