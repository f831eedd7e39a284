//! Names compared across plans: field and variable keys folded to one
//! spelling, and the stack buffer the reader builds such names in.

use super::Text;

/// Lower-case a field or variable name and fold spaces, `-` and `/` to `_`, so
/// `Feature ID`, `feature-id` and `FEATURE_ID` are one name.
pub fn normalize_key(key: &str) -> Text {
    if key.is_ascii() && key.len() <= 64 {
        normalize_ascii_key(key.as_bytes())
    } else {
        normalize_key_bytes(key).unwrap_or_else(|| normalize_key_chars(key))
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

/// [`normalize_key`] of an ASCII key of at most 64 bytes, byte by byte:
/// nearly all keys are such, and this loop, which needs no check on
/// what it writes, is cheaper than [`normalize_key_bytes`]'s.
fn normalize_ascii_key(key: &[u8]) -> Text {
    // Lower case for a letter or digit, 0 for a separator.
    const KEY_BYTE: [u8; 256] = {
        let mut table = [0u8; 256];
        let mut b = 0;
        while b < 128 {
            let byte = b as u8;
            if byte.is_ascii_alphanumeric() {
                table[b] = byte.to_ascii_lowercase();
            }
            b += 1;
        }
        table
    };
    // The name is never longer than the key (a run of separators becomes
    // at most one `_`), which the caller keeps to the buffer's size.
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut gap = false;
    for &b in key {
        let k = KEY_BYTE[usize::from(b)];
        if k == 0 {
            gap = true;
            continue;
        }
        if gap && n > 0 {
            buf[n] = b'_';
            n += 1;
        }
        gap = false;
        buf[n] = k;
        n += 1;
    }
    Text::from(std::str::from_utf8(&buf[..n]).unwrap_or_default())
}

/// [`normalize_key_chars`] a byte at a time into a stack buffer, with only
/// the bytes that open a non-ASCII character decoded: decoding and
/// re-encoding every character was most of its cost. `None` when the
/// name would outgrow the buffer: the character path takes those.
fn normalize_key_bytes(key: &str) -> Option<Text> {
    // What each byte writes: its lower case for a letter or digit (`DIGIT`
    // or above), nothing for the rest (`GAP`), but for the first byte of
    // a non-ASCII character (`WIDE`), which is decoded, and its other
    // bytes (`REST`), which were read with it. A table is one load a
    // byte, where the class tests and the case fold branched.
    const GAP: u8 = 0;
    const WIDE: u8 = 1;
    const REST: u8 = 2;
    const DIGIT: u8 = b'0';
    const KEY_BYTE: [u8; 256] = {
        let mut table = [GAP; 256];
        let mut b = 0;
        while b < 256 {
            let byte = b as u8;
            table[b] = if byte.is_ascii_alphanumeric() {
                byte.to_ascii_lowercase()
            } else if byte >= 0xC0 {
                WIDE
            } else if byte >= 0x80 {
                REST
            } else {
                GAP
            };
            b += 1;
        }
        table
    };
    let mut out = WordBuf::new(b'_');
    for (i, &b) in key.as_bytes().iter().enumerate() {
        match KEY_BYTE[usize::from(b)] {
            k if k >= DIGIT => out.push_byte(k)?,
            GAP => out.gap(),
            WIDE => {
                let c = key[i..].chars().next()?;
                if c.is_alphanumeric() {
                    out.push_lower(c)?;
                } else {
                    out.gap();
                }
            }
            _ => {}
        }
    }
    out.finish()
}

/// A normalised name written a byte at a time into a stack buffer: the
/// words pushed, joined by one `sep` where a gap came between them, none
/// leading or trailing. A push is `None` when the name would outgrow the
/// buffer, for the caller to take its character path instead.
pub(crate) struct WordBuf {
    buf: [u8; 128],
    n: usize,
    gap: bool,
    sep: u8,
}

impl WordBuf {
    pub(crate) fn new(sep: u8) -> Self {
        Self {
            buf: [0; 128],
            n: 0,
            gap: false,
            sep,
        }
    }

    /// Ends the current word: the next byte pushed starts another.
    #[inline]
    pub(crate) fn gap(&mut self) {
        self.gap = true;
    }

    /// One ASCII byte of the current word.
    #[inline]
    pub(crate) fn push_byte(&mut self, b: u8) -> Option<()> {
        if self.n + 2 > self.buf.len() {
            return None;
        }
        if self.gap && self.n > 0 {
            self.buf[self.n] = self.sep;
            self.n += 1;
        }
        self.gap = false;
        self.buf[self.n] = b;
        self.n += 1;
        Some(())
    }

    /// `c` in lower case (up to three characters), in the current word.
    #[inline]
    pub(crate) fn push_lower(&mut self, c: char) -> Option<()> {
        if self.n + 13 > self.buf.len() {
            return None;
        }
        if self.gap && self.n > 0 {
            self.buf[self.n] = self.sep;
            self.n += 1;
        }
        self.gap = false;
        for l in c.to_lowercase() {
            self.n += l.encode_utf8(&mut self.buf[self.n..]).len();
        }
        Some(())
    }

    /// The name; only whole characters were written.
    #[inline]
    pub(crate) fn finish(&self) -> Option<Text> {
        Some(Text::from(std::str::from_utf8(&self.buf[..self.n]).ok()?))
    }
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
        // Longer than the stack buffers too (`TextBuf`'s and the byte
        // path's), so the spill and the fallback are covered.
        #[test]
        fn ascii_keys_normalise_as_characters_do(key in "[ -~]{0,160}") {
            proptest::prop_assert_eq!(normalize_key(&key), normalize_key_chars(&key));
        }

        // Any characters, upper-case ones that lower to several too (`İ`).
        #[test]
        fn keys_normalise_as_characters_do(key in "(\\PC|İ|É|ẞ|_){0,90}") {
            proptest::prop_assert_eq!(normalize_key(&key), normalize_key_chars(&key));
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
