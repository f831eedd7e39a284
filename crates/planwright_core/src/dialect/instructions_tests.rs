//! `instructions.rs` holds what the built-in templates say today: written
//! again by `PLANWRIGHT_BLESS=1 cargo test -p planwright_core
//! instruction_texts`, and a failing test while it is stale.

use std::fmt::Write as _;

use super::{DialectSet, Origin, instructions};

/// The file as the templates and the reader make it now.
fn generated() -> String {
    let mut code = String::from(
        "//! The built-in templates' instruction texts (see\n\
         //! `Dialect::instruction_text`), read from the templates when they or\n\
         //! the reader change rather than on every run: reading a template as\n\
         //! a plan was an eighth of `lint`'s instructions on one plan.\n\
         //!\n\
         //! Generated: `PLANWRIGHT_BLESS=1 cargo test -p planwright_core\n\
         //! instruction_texts` writes it, and that test fails while it is stale.\n\
         \n\
         /// The texts of the built-in dialect `name`, sorted; `None` for a\n\
         /// dialect without a template.\n\
         pub(super) fn of(name: &str) -> Option<&'static [&'static str]> {\n\
         \x20   INSTRUCTIONS\n\
         \x20       .iter()\n\
         \x20       .find(|(n, _)| *n == name)\n\
         \x20       .map(|(_, texts)| *texts)\n\
         }\n\
         \n\
         #[rustfmt::skip]\n\
         const INSTRUCTIONS: &[(&str, &[&str])] = &[\n",
    );
    for dialect in DialectSet::builtin().iter() {
        if dialect.origin != Origin::Builtin || dialect.template.is_none() {
            continue;
        }
        let mut texts: Vec<String> = dialect.template_instructions().into_iter().collect();
        texts.sort();
        let _ = writeln!(code, "    ({:?}, &[", dialect.name());
        for text in texts {
            let _ = writeln!(code, "        {text:?},");
        }
        code.push_str("    ]),\n");
    }
    code.push_str("];\n");
    code
}

#[test]
fn instruction_texts_are_the_templates() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/dialect/instructions.rs");
    let want = generated();
    let have = std::fs::read_to_string(path).unwrap_or_default();
    if have == want {
        return;
    }
    if std::env::var_os("PLANWRIGHT_BLESS").is_some() {
        std::fs::write(path, want).expect("write instructions.rs");
        return;
    }
    panic!(
        "src/dialect/instructions.rs is stale (a template or the reader changed): \
         run `PLANWRIGHT_BLESS=1 cargo test -p planwright_core instruction_texts`"
    );
}

#[test]
fn every_template_dialect_has_its_texts() {
    for name in crate::dialect::TEMPLATE_DIALECTS {
        assert!(instructions::of(name).is_some(), "{name} has no entry");
    }
    // What a plan left unchanged from the template is found by.
    let rfc = instructions::of("rfc").unwrap_or_default();
    assert!(rfc.contains(&"Bullet list of verifiable outcomes."));
}
