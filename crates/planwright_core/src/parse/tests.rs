//! Reader tests: each form from the issue, and the look-alikes that must
//! not be read as such.

use super::*;

fn p(src: &str) -> Plan {
    parse(src)
}
