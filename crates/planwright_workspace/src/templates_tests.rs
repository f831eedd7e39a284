//! Local templates: loading, derived descriptors, descriptor errors.

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
        err.ends_with("x.toml:1:1: name = \"y\" does not match the file's name; expected \"x\""),
        "{err}"
    );
}

#[test]
fn descriptor_problems_point_at_their_key_or_the_file() {
    let root = tempfile::tempdir().unwrap();
    let dir = templates_dir(root.path());
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("adr.md"), "# ADR {{number}}: [TITLE]\n").unwrap();
    for (toml, message) in [
        (
            "description = \"x\"\n\n  name = \"decision\"\n",
            "adr.toml:3:3: name = \"decision\" does not match the file's name; expected \"adr\"",
        ),
        // No key to point at: the whole file lacks one.
        ("description = \"x\"\n", "adr.toml: missing field `name`"),
        // `colour` written after `[fill]` is a `[fill]` key: it must
        // name a slot, as `ghost_slot` must.
        (
            "name = \"adr\"\n[fill]\ntitle = \"{title}\"\ncolour = \"red\"\n",
            "adr.toml:4:1: [fill] colour: no slot of that name in adr.md",
        ),
        (
            "name = \"adr\"\n\n[fill]\nghost_slot = \"{title}\"\n",
            "adr.toml:4:1: [fill] ghost_slot: no slot of that name in adr.md",
        ),
    ] {
        std::fs::write(dir.join("adr.toml"), toml).unwrap();
        let err = load_local(root.path()).unwrap_err().to_string();
        assert!(err.ends_with(message), "{err}");
    }
    std::fs::write(
        dir.join("adr.toml"),
        "name = \"adr\"\n[fill]\nnumber = \"{number}\"\n",
    )
    .unwrap();
    assert!(load_local(root.path()).is_ok());
}

#[test]
fn fill_problems_point_at_the_key_however_it_is_written() {
    let root = tempfile::tempdir().unwrap();
    let dir = templates_dir(root.path());
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("adr.md"), "# ADR: [TITLE]\n").unwrap();
    let unknown = "unknown variable `{nope}` in \"{nope}\"";
    for (toml, at) in [
        // A `[fill]` key named as a top-level one.
        (
            "name=\"adr\"\n[fill]\nname = \"{nope}\"\n",
            "3:1: [fill] name",
        ),
        (
            "name=\"adr\"\n[fill]\n\"id\" = \"{nope}\"\n",
            "3:1: [fill] id",
        ),
        (
            "name = \"adr\"\n\nfill = { ghost = \"{nope}\" }\n",
            "3:10: [fill] ghost",
        ),
        (
            "name = \"adr\"\nfill.ghost = \"{nope}\"\n",
            "2:6: [fill] ghost",
        ),
    ] {
        std::fs::write(dir.join("adr.toml"), toml).unwrap();
        let err = load_local(root.path()).unwrap_err().to_string();
        assert!(
            err.contains(&format!("adr.toml:{at}: {unknown}; known: ")),
            "{toml:?}: {err}"
        );
    }
    for (toml, at) in [
        ("name = \"adr\"\n\nfill = { ghost = \"x\" }\n", "3:10"),
        ("name=\"adr\"\n[fill]\n\"ghost\" = \"x\"\n", "3:1"),
        ("name=\"adr\"\n[fill]\nname = \"x\"\n", "3:1"),
    ] {
        std::fs::write(dir.join("adr.toml"), toml).unwrap();
        let err = load_local(root.path()).unwrap_err().to_string();
        let key = if toml.contains("ghost") {
            "ghost"
        } else {
            "name"
        };
        assert!(
            err.ends_with(&format!(
                "adr.toml:{at}: [fill] {key}: no slot of that name in adr.md"
            )),
            "{toml:?}: {err}"
        );
    }
}

#[test]
fn a_derived_descriptor_knows_the_title_slot() {
    let d = derive_descriptor("adr2", "# ADR {{DECISION_ID}}: {{TITLE}}\n\nBody.\n");
    assert_eq!(d.fill.get("title").map(String::as_str), Some("{title}"));
    // Not when steps have titles of that name too.
    let d = derive_descriptor("x", "# [TITLE]\n\n## Steps\n\n### Step 1: [Title]\n");
    assert!(d.fill.is_empty(), "{:?}", d.fill);
}

#[test]
fn built_in_fill_keys_name_their_templates_slots() {
    for d in DialectSet::builtin().iter() {
        let Some(template) = d.template.as_deref() else {
            continue;
        };
        let names = crate::fill::slot_names(template);
        for key in d.descriptor.fill.keys() {
            let key = planwright_core::normalize_key(key);
            assert!(names.contains(&*key), "{}: [fill] {key}", d.name());
        }
    }
}

#[test]
fn no_template_can_take_the_name_of_no_dialect() {
    let root = tempfile::tempdir().unwrap();
    let dir = templates_dir(root.path());
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("adr.md"), "# ADR\n\n## Context\n").unwrap();
    let reserved = "a template cannot be named";
    for (file, text, message) in [
        ("generic.md", "# X\n\n## Context\n", "generic.md: "),
        ("Generic.toml", "name = \"Generic\"\n", "Generic.toml: "),
        (
            "adr.toml",
            "description = \"d\"\nname = \"GENERIC\"\n",
            "adr.toml:2:1: name = \"GENERIC\": ",
        ),
    ] {
        std::fs::write(dir.join(file), text).unwrap();
        let err = load_local(root.path()).unwrap_err().to_string();
        assert!(err.contains(&format!("{message}{reserved}")), "{err}");
        // `templates` and `new` skip it, as any broken template.
        let (set, broken) = dialect_set_lenient(root.path());
        assert!(set.get("generic").is_none() && set.get("Generic").is_none());
        assert_eq!(broken.len(), 1, "{file}");
        std::fs::remove_file(dir.join(file)).unwrap();
    }
    assert!(load_local(root.path()).is_ok());
}

#[test]
fn descriptor_values_are_described_as_planwright_toml_describes_them() {
    let root = tempfile::tempdir().unwrap();
    let dir = templates_dir(root.path());
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("adr.md"), "# ADR\n\n## Context\n").unwrap();
    for (toml, message) in [
        (
            "name = \"adr\"\nrequired_sections = \"context\"\n",
            "adr.toml:2:21: required_sections: invalid type: string \"context\", expected an array of strings",
        ),
        // At the entry's own header, not the first `[[detect]]`.
        (
            "name = \"adr\"\n\n[[detect]]\nheading = \"Context\"\n\n[[detect]]\nweight = 50\n",
            "adr.toml:6:1: detect[1]: no test, so it can never match; give it one of heading, field, comment, text, file, path, title or task_ids",
        ),
        (
            "name = \"adr\"\ndetect = [\n  { heading = \"Context\", text = \"ADR\" },\n]\n",
            "adr.toml:3:3: detect[0]: heading and text in one entry; a marker is one test: give each its own [[detect]] entry",
        ),
        (
            "name = \"adr\"\n[[detect]]\nheading = \"Context\"\nweight = 99999999999999999999\n",
            "adr.toml:4:10: detect[0].weight: must be 0 to 1000, not 99999999999999999999: weights add up to a dialect's score, and 3 claims a plan",
        ),
    ] {
        std::fs::write(dir.join("adr.toml"), toml).unwrap();
        let err = load_local(root.path()).unwrap_err().to_string();
        assert!(err.ends_with(message), "{err}");
    }
    std::fs::remove_file(dir.join("adr.toml")).unwrap();
    std::fs::write(dir.join("adr.md"), b"# ADR\n\n## Con\xffext\n").unwrap();
    let err = load_local(root.path()).unwrap_err().to_string();
    assert!(
        err.ends_with("adr.md: not valid UTF-8 (invalid byte at offset 13, line 3)"),
        "{err}"
    );
}

#[test]
fn a_descriptor_without_markers_knows_plans_by_its_template() {
    let root = tempfile::tempdir().unwrap();
    let dir = templates_dir(root.path());
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("change.md"), TEMPLATE).unwrap();
    // It says how to read plans, not how to know them.
    std::fs::write(
        dir.join("change.toml"),
        "name = \"change\"\nrequired_sections = [\"risks\"]\n",
    )
    .unwrap();
    let local = load_local(root.path()).unwrap();
    let headings: Vec<_> = local[0]
        .descriptor
        .detect
        .iter()
        .filter_map(|m| m.heading.clone())
        .collect();
    assert_eq!(headings, ["Motivation", "Rollout", "Risks"]);
    let set = DialectSet::with_local(local);
    let plan = "# Change: Cache\n\n**Owner:** Ana\n**Status:** Proposed\n\n## Motivation\n\nSpeed.\n\n## Rollout\n\n- [ ] Ship\n";
    let options = planwright_core::ParseOptions {
        dialects: &set,
        ..planwright_core::ParseOptions::default()
    };
    assert_eq!(
        planwright_core::parse_with(plan, &options).dialect.name,
        "change"
    );
}
