//! How `planwright.toml`'s values are read, where serde's own words would
//! not help a TOML user: `expected a sequence` is an array of strings,
//! `expected u64` is a number of digits from 1 to 9, `expected a sequence`
//! for `[lint.overrides]` or `[plans.dialects]` is a missing second
//! bracket. Lists and arrays of tables are read as template descriptors
//! read theirs.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserializer;
use serde::de::{self, Visitor};

/// An array of strings, as a template descriptor reads one.
pub(crate) fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    planwright_core::dialect::de::strings(d)
}

/// An array of strings that may be left out.
pub(crate) fn some_strings<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<String>>, D::Error> {
    strings(d).map(Some)
}

/// `[[lint.overrides]]`, an array of tables.
pub(crate) fn overrides<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    planwright_core::dialect::de::tables(d, "[[lint.overrides]]")
}

/// `[[plans.dialects]]`, an array of tables.
pub(crate) fn plan_dialects<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    planwright_core::dialect::de::tables(d, "[[plans.dialects]]")
}

/// A table of rule selectors to severity names: `{ PW104 = "info" }`.
pub(crate) fn severities<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    planwright_core::dialect::de::string_table(
        d,
        "a table of rule = \"error\", \"warning\" or \"info\"",
    )
}

/// Digits in `{number}`, 1 to 9: numbers are read back from names of at
/// most 9 digits, so a wider one would never be seen as taken.
pub(crate) fn plan_digits<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    d.deserialize_u8(Digits)
}

struct Digits;

impl Digits {
    /// Any integer TOML can write, `99999999999999999999` included: serde
    /// would describe one past i64 as "integer `…` as i128".
    fn check<E: de::Error, N: TryInto<u8> + fmt::Display + Copy>(n: N) -> Result<u8, E> {
        match n.try_into() {
            Ok(n @ 1..=9) => Ok(n),
            _ => Err(E::custom(format!(
                "must be 1 to 9, not {n}: plan numbers are read back from names of at most 9 digits"
            ))),
        }
    }
}

impl Visitor<'_> for Digits {
    type Value = u8;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a whole number from 1 to 9")
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<u8, E> {
        Self::check(n)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<u8, E> {
        Self::check(n)
    }

    fn visit_i128<E: de::Error>(self, n: i128) -> Result<u8, E> {
        Self::check(n)
    }

    fn visit_u128<E: de::Error>(self, n: u128) -> Result<u8, E> {
        Self::check(n)
    }
}
