//! Reader tests: each form from the issue, and the look-alikes that must
//! not be read as such.

use super::*;

fn p(src: &str) -> Plan {
    parse(src)
}

#[test]
fn empty_file_is_an_empty_generic_plan() {
    let plan = p("");
    assert_eq!(plan.dialect.name, "generic");
    assert!(plan.title.is_none() && plan.tasks.is_empty() && plan.sections.is_empty());
}
