//! How `planwright.toml`'s values are read, where serde's own words would
//! not help a TOML user: `expected a sequence` is an array of strings,
//! `expected u64` is a number of digits from 1 to 9, `expected a sequence`
//! for `[lint.overrides]` or `[plans.dialects]` is a missing second
//! bracket.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserializer;
use serde::de::{self, MapAccess, SeqAccess, Visitor};

/// An array of strings.
pub(crate) fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    d.deserialize_seq(Strings)
}

/// An array of strings that may be left out.
pub(crate) fn some_strings<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<String>>, D::Error> {
    strings(d).map(Some)
}

struct Strings;

/// `[[lint.overrides]]`, an array of tables. Written `[lint.overrides]`,
/// a single table, serde would say only "invalid type: map, expected a
/// sequence".
pub(crate) fn overrides<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    d.deserialize_seq(Tables("[[lint.overrides]]", std::marker::PhantomData))
}

/// `[[plans.dialects]]`, an array of tables, as [`overrides`].
pub(crate) fn plan_dialects<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    d.deserialize_seq(Tables("[[plans.dialects]]", std::marker::PhantomData))
}

/// An array of tables headed by the header it holds.
struct Tables<T>(&'static str, std::marker::PhantomData<T>);

impl<'de, T: de::Deserialize<'de>> Visitor<'de> for Tables<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an array of tables, each headed `{}` (two brackets)",
            self.0
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(t) = seq.next_element()? {
            out.push(t);
        }
        Ok(out)
    }
}

impl<'de> Visitor<'de> for Strings {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of strings")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(s) = seq.next_element()? {
            out.push(s);
        }
        Ok(out)
    }
}

/// A table of rule selectors to severity names: `{ PW104 = "info" }`.
pub(crate) fn severities<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    d.deserialize_map(Severities)
}

struct Severities;

impl<'de> Visitor<'de> for Severities {
    type Value = BTreeMap<String, String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table of rule = \"error\", \"warning\" or \"info\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some((k, v)) = map.next_entry()? {
            out.insert(k, v);
        }
        Ok(out)
    }
}

/// Digits in `{number}`, 1 to 9: numbers are read back from names of at
/// most 9 digits, so a wider one would never be seen as taken.
pub(crate) fn plan_digits<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    d.deserialize_u8(Digits)
}

struct Digits;

impl Digits {
    fn check<E: de::Error>(n: impl Into<i128>) -> Result<u8, E> {
        let n = n.into();
        match u8::try_from(n) {
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
}
