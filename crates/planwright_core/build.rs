//! Reads the built-in data files once, at build time, into forms that cost
//! nothing to load: every command run read `roles.toml` and the dialect
//! descriptors with the TOML parser at start-up, which was more than half
//! the instructions of `lint` on one 5 KB plan (callgrind).
//!
//! - `roles.toml` becomes `roles_table.rs`: a static list of (role name,
//!   phrase, normalised phrase, leading only), roles in name order: normalising the 370
//!   phrases on every run was most of what building the table cost;
//! - each `dialects/*.toml` becomes `dialects/NAME.json`, the same values as
//!   JSON, which the descriptor's serde types read as they read TOML.
//!
//! The TOML files stay the source: a user's own dialect is TOML, and the
//! built-ins are what `planwright.toml`'s documentation shows.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let data = Path::new("data");
    println!("cargo::rerun-if-changed=data");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    roles(&data.join("roles.toml"), &out.join("roles_table.rs"));
    let dialects = out.join("dialects");
    std::fs::create_dir_all(&dialects).expect("create OUT_DIR/dialects");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(data.join("dialects"))
        .expect("data/dialects")
        .map(|e| e.expect("data/dialects entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        let value: toml::Value = parse(&path);
        let json = serde_json::to_string(&value).expect("TOML values write as JSON");
        let name = path.file_stem().expect("a file name");
        let mut target = dialects.join(name);
        target.set_extension("json");
        std::fs::write(&target, json).expect("write a dialect's JSON");
    }
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn roles(source: &Path, target: &Path) {
    // Role → language → phrases; a BTreeMap puts the roles in name order,
    // which decides between two roles that list one phrase.
    let table: BTreeMap<String, BTreeMap<String, Vec<String>>> = parse(source);
    let mut code = String::from(
        "/// (role name, phrase, phrase as `normalize_heading` writes it,\n\
         /// whether it names the role only leading a heading), from\n\
         /// `data/roles.toml` (see `build.rs`).\n\
         static ROLE_PHRASES: &[(&str, &str, &str, bool)] = &[\n",
    );
    for (role, languages) in &table {
        for (language, phrases) in languages {
            let lead = language == "lead";
            for phrase in phrases {
                // `{:?}` writes a Rust string literal, escapes and all.
                let norm = normalize_heading(phrase);
                let _ = writeln!(code, "    ({role:?}, {phrase:?}, {norm:?}, {lead}),");
            }
        }
    }
    code.push_str("];\n");
    std::fs::write(target, code).expect("write roles_table.rs");
}

/// `roles::normalize_heading`, which this crate cannot call before it is
/// built: lower case, `&` and `+` read as "and", anything else that is not
/// a letter a word break. A test holds the two to the same output for
/// every phrase of the table.
fn normalize_heading(title: &str) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for c in title.chars() {
        if c == '&' || c == '+' {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str("and");
            pending_space = true;
        } else if c.is_alphabetic() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}
