//! Names compared across plans: field and variable keys folded to one
//! spelling, and the stack buffer the reader builds such names in.

use super::Text;

/// Lower-case a field or variable name and fold spaces, `-` and `/` to `_`, so
/// `Feature ID`, `feature-id` and `FEATURE_ID` are one name.
pub fn normalize_key(key: &str) -> Text {
    if key.is_ascii() {
        normalize_ascii_key(key.as_bytes())
    } else {
        normalize_key_chars(key)
    }
}

fn normalize_key_chars(key: &str) -> Text {
    let mut out = TextBuf::default();
    // A run of separators becomes one `_`, written only before the next
    // letter or digit, so none leads or trails.
    let mut gap = false;
    for c in key.chars() {
        let ascii = c.is_ascii();
        if (ascii && c.is_ascii_alphanumeric()) || (!ascii && c.is_alphanumeric()) {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            if ascii {
                out.push(c.to_ascii_lowercase());
            } else {
                c.to_lowercase().for_each(|l| out.push(l));
            }
        } else {
            gap = true;
        }
    }
    out.finish()
}

/// [`normalize_key`] byte by byte, for the keys that are all ASCII (nearly
/// all): decoding and re-encoding characters was most of its cost.
fn normalize_ascii_key(key: &[u8]) -> Text {
    // The name is never longer than the key (a run of separators becomes
    // at most one `_`), so a key that fits the buffer needs no checks.
    let mut buf = [0u8; 64];
    if key.len() > buf.len() {
        return normalize_key_chars(std::str::from_utf8(key).unwrap_or_default());
    }
    let mut n = 0;
    let mut gap = false;
    for &b in key {
        if b.is_ascii_alphanumeric() {
            if gap && n > 0 {
                buf[n] = b'_';
                n += 1;
            }
            gap = false;
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        } else {
            gap = true;
        }
    }
    Text::from(std::str::from_utf8(&buf[..n]).unwrap_or_default())
}

/// Builds a [`Text`] a character at a time in a stack buffer, for the
/// normalised names made for every field and heading: pushing into a
/// `Text` re-examines its representation at every character, which
/// showed in profiles. Longer names spill into a `String`.
pub(crate) struct TextBuf {
    bytes: [u8; 64],
    len: usize,
    spill: String,
}

impl Default for TextBuf {
    fn default() -> Self {
        Self {
            bytes: [0; 64],
            len: 0,
            spill: String::new(),
        }
    }
}

impl TextBuf {
    /// One ASCII byte: the common case, without UTF-8 encoding.
    pub(crate) fn push_ascii(&mut self, b: u8) {
        debug_assert!(b.is_ascii());
        if self.spill.is_empty() && self.len < self.bytes.len() {
            self.bytes[self.len] = b;
            self.len += 1;
        } else {
            self.push(char::from(b));
        }
    }

    pub(crate) fn push(&mut self, c: char) {
        if self.spill.is_empty() {
            let n = c.len_utf8();
            if self.len + n <= self.bytes.len() {
                c.encode_utf8(&mut self.bytes[self.len..]);
                self.len += n;
                return;
            }
            let stacked = std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default();
            self.spill.push_str(stacked);
        }
        self.spill.push(c);
    }

    pub(crate) fn push_str(&mut self, s: &str) {
        s.chars().for_each(|c| self.push(c));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Only whole characters are ever written, so this never fails.
    fn stacked(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }

    pub(crate) fn finish(self) -> Text {
        if self.spill.is_empty() {
            Text::from(self.stacked())
        } else {
            Text::from(self.spill)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // Longer than the 64-byte stack buffer too, so the spill is covered.
        #[test]
        fn ascii_keys_normalise_as_characters_do(key in "[ -~]{0,90}") {
            proptest::prop_assert_eq!(
                normalize_ascii_key(key.as_bytes()),
                normalize_key_chars(&key)
            );
        }
    }

    #[test]
    fn keys_normalise_across_case_and_separators() {
        assert_eq!(normalize_key("Feature ID"), "feature_id");
        assert_eq!(normalize_key("FEATURE_ID"), "feature_id");
        assert_eq!(normalize_key("feature-id "), "feature_id");
        assert_eq!(normalize_key("Language/Version"), "language_version");
    }
}
