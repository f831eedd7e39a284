//! How a descriptor's values are read where serde's own words would not
//! help a TOML user: `expected a sequence` is an array of strings, or an
//! array of `[[detect]]` tables; `expected u32` is a weight from 0 to
//! [`MAX_WEIGHT`]. `planwright.toml` is read with the same visitors, so
//! both files say the same thing about the same mistake.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserializer;
use serde::de::{self, MapAccess, SeqAccess, Visitor};

/// The heaviest a detection marker may be. Scores are sums of weights in
/// a `u32`: a bound keeps any descriptor's sum far from overflowing, and
/// the built-ins weigh 1 to 5 against a threshold of 3.
pub const MAX_WEIGHT: u32 = 1000;

/// An array of strings.
pub fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    d.deserialize_seq(Strings)
}

struct Strings;

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

/// An array of tables, each headed `header` (`[[detect]]`). Written with
/// one bracket, a single table, serde would say only "invalid type: map,
/// expected a sequence".
pub fn tables<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    d: D,
    header: &'static str,
) -> Result<Vec<T>, D::Error> {
    d.deserialize_seq(Tables(header, PhantomData))
}

struct Tables<T>(&'static str, PhantomData<T>);

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

/// `[[detect]]`: see [`tables`].
pub(super) fn detect<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    tables(d, "[[detect]]")
}

/// `[fill]`: slot names to strings.
pub(super) fn fill<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    string_table(d, "a table of slot = \"value\"")
}

/// A table of strings to strings, `expecting` saying what in an error:
/// `[fill]` here, `[lint] severity` in planwright.toml.
pub fn string_table<'de, D: Deserializer<'de>>(
    d: D,
    expecting: &'static str,
) -> Result<BTreeMap<String, String>, D::Error> {
    d.deserialize_map(StringTable(expecting))
}

struct StringTable(&'static str);

impl<'de> Visitor<'de> for StringTable {
    type Value = BTreeMap<String, String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some((k, v)) = map.next_entry()? {
            out.insert(k, v);
        }
        Ok(out)
    }
}

/// A marker's weight, 0 to [`MAX_WEIGHT`].
pub(super) fn weight<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    d.deserialize_u32(Weight)
}

struct Weight;

impl Weight {
    /// Any integer TOML can write: serde would describe one past i64 as
    /// "integer `…` as i128".
    fn check<E: de::Error, N: TryInto<u32> + fmt::Display + Copy>(n: N) -> Result<u32, E> {
        match n.try_into() {
            Ok(w) if w <= MAX_WEIGHT => Ok(w),
            _ => Err(E::custom(format!(
                "must be 0 to {MAX_WEIGHT}, not {n}: weights add up to a dialect's score, and 3 claims a plan"
            ))),
        }
    }
}

impl Visitor<'_> for Weight {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a whole number from 0 to {MAX_WEIGHT}")
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<u32, E> {
        Self::check(n)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<u32, E> {
        Self::check(n)
    }

    fn visit_i128<E: de::Error>(self, n: i128) -> Result<u32, E> {
        Self::check(n)
    }

    fn visit_u128<E: de::Error>(self, n: u128) -> Result<u32, E> {
        Self::check(n)
    }
}

#[cfg(test)]
mod tests {
    use crate::dialect::Descriptor;

    fn error(toml: &str) -> String {
        toml::from_str::<Descriptor>(toml)
            .map(|_| ())
            .unwrap_err()
            .message()
            .to_owned()
    }

    #[test]
    fn mistakes_are_described_in_toml_words() {
        for (toml, message) in [
            (
                "name = \"x\"\nrequired_sections = \"context\"\n",
                "invalid type: string \"context\", expected an array of strings",
            ),
            (
                "name = \"x\"\n[detect]\nheading = \"Goals\"\n",
                "invalid type: map, expected an array of tables, each headed `[[detect]]` (two brackets)",
            ),
            (
                "name = \"x\"\nfill = 4\n",
                "invalid type: integer `4`, expected a table of slot = \"value\"",
            ),
            (
                "name = \"x\"\n[[detect]]\nheading = \"Goals\"\nweight = 99999999999999999999\n",
                "must be 0 to 1000, not 99999999999999999999: weights add up to a dialect's score, and 3 claims a plan",
            ),
            (
                "name = \"x\"\n[[detect]]\nheading = \"Goals\"\nweight = -1\n",
                "must be 0 to 1000, not -1: weights add up to a dialect's score, and 3 claims a plan",
            ),
            (
                "name = \"x\"\n[[detect]]\nheading = \"Goals\"\nweight = 1.5\n",
                "invalid type: floating point `1.5`, expected a whole number from 0 to 1000",
            ),
            (
                "name = \"x\"\ndetect = [5]\n",
                "invalid type: integer `5`, expected a table",
            ),
        ] {
            assert_eq!(error(toml), message, "{toml}");
        }
    }
}
