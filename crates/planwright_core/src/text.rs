//! Byte ranges, the only coordinate used inside planwright.
//!
//! Everything in the model points back into the source with a [`TextRange`] of
//! `u32` byte offsets. Lines and columns are derived only at the edges (human
//! output, JSON, editors) through a [`LineIndex`], so that no two parts of the
//! program can disagree about where something is.

use serde::Serialize;

/// A half-open byte range `start..end` into a plan's source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "range start {start} after end {end}");
        Self {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn empty(at: usize) -> Self {
        Self::new(at, at)
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, offset: usize) -> bool {
        (self.start as usize..self.end as usize).contains(&offset)
    }

    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The source text this range covers; empty if the range does not fit
    /// the text or splits a character, so a stale range never panics.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }

    pub fn as_usize(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The smallest range that covers both.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Shrinks the range so that it starts and ends on non-whitespace.
    pub fn trim(self, text: &str) -> TextRange {
        // Nearly every range starts and ends on ASCII: then finding the
        // first and last bytes that are not ASCII whitespace is the whole
        // answer, without decoding characters. A non-ASCII byte there may
        // belong to Unicode whitespace, which the general path handles.
        // The bytes are taken without `slice`'s character-boundary checks:
        // a range that splits a character has a non-ASCII byte at that
        // end, which sends it down the general path, so it still trims to
        // nothing; one past the text's end is empty on both paths.
        let Some(bytes) = text.as_bytes().get(self.as_usize()) else {
            return TextRange::empty(self.start as usize);
        };
        let Some(lead) = bytes.iter().position(|&b| !is_ascii_space(b)) else {
            return TextRange::empty(self.start as usize);
        };
        let last = bytes
            .iter()
            .rposition(|&b| !is_ascii_space(b))
            .unwrap_or(lead);
        if bytes[lead].is_ascii() && bytes[last].is_ascii() {
            let start = self.start as usize;
            return TextRange::new(start + lead, start + last + 1);
        }
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return TextRange::empty(self.start as usize);
        }
        TextRange::new(self.start as usize + lead, self.end as usize - trail)
    }
}

/// Whether `b` is an ASCII character that `char::is_whitespace` accepts:
/// unlike `u8::is_ascii_whitespace`, this includes the vertical tab.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

impl From<std::ops::Range<usize>> for TextRange {
    fn from(r: std::ops::Range<usize>) -> Self {
        TextRange::new(r.start, r.end)
    }
}

/// Offset of the start of the line holding byte `at`: just after the last
/// `\n`, `\r\n` or lone `\r` before it, Markdown's three line endings.
/// The `\n` of a `\r\n` belongs to the line its `\r` ends.
pub fn line_start(src: &str, at: usize) -> usize {
    let bytes = src.as_bytes();
    let at = at.min(bytes.len());
    let end = if at > 0 && bytes.get(at) == Some(&b'\n') && bytes[at - 1] == b'\r' {
        at - 1
    } else {
        at
    };
    memchr::memrchr2(b'\n', b'\r', &bytes[..end]).map_or(0, |n| n + 1)
}

/// Whether the text that ends at a key is inside a `~~struck-through~~`
/// run on its line: a dependency the author has crossed out is none. Only
/// the last 256 bytes are looked at, so a line of many keys stays linear.
pub(crate) fn struck_through(before: &str) -> bool {
    let mut from = before.len().saturating_sub(256);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let window = &before[from..];
    let line = &window[window.rfind('\n').map_or(0, |n| n + 1)..];
    line.matches("~~").count() % 2 == 1
}

/// Length of the first line of `s`, without its line ending.
pub fn line_len(s: &str) -> usize {
    memchr::memchr2(b'\n', b'\r', s.as_bytes()).unwrap_or(s.len())
}

/// The offset just past the line holding `pos - 1`, its ending included:
/// where a line inserted after that line starts. A `pos` already at a line
/// start is returned as is.
pub fn line_end_after(src: &str, pos: usize) -> usize {
    let bytes = src.as_bytes();
    let pos = pos.min(bytes.len());
    let at_line_start = pos == 0
        || bytes[pos - 1] == b'\n'
        || (bytes[pos - 1] == b'\r' && bytes.get(pos) != Some(&b'\n'));
    if at_line_start {
        return pos;
    }
    match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
        Some(n) if bytes[pos + n] == b'\r' && bytes.get(pos + n + 1) == Some(&b'\n') => pos + n + 2,
        Some(n) => pos + n + 1,
        None => bytes.len(),
    }
}

/// The line ending (`"\n"`, `"\r\n"` or `"\r"`) that ends the line
/// starting before offset `next` (a line start): what the text just
/// before `next` ends with; `None` at the start of the text.
pub fn ending_before(src: &str, next: usize) -> Option<&'static str> {
    let before = src.as_bytes().get(..next)?;
    match before {
        [.., b'\r', b'\n'] => Some("\r\n"),
        [.., b'\n'] => Some("\n"),
        [.., b'\r'] => Some("\r"),
        _ => None,
    }
}

/// `text` with each lone `\r` (a line ending of classic Mac OS files)
/// turned into `\n`, byte for byte, so every offset into it is an offset
/// into `text`; borrowed when there is none, which is nearly always. For
/// readers that end lines at `\n` and `\r\n` only.
pub fn lone_cr_as_lf(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let lone = |i: usize| b.get(i + 1) != Some(&b'\n');
    let Some(first) = memchr::memchr_iter(b'\r', b).find(|&i| lone(i)) else {
        return text.into();
    };
    let mut bytes = b.to_vec();
    for i in memchr::memchr_iter(b'\r', &b[first..]).map(|i| first + i) {
        if lone(i) {
            bytes[i] = b'\n';
        }
    }
    // Only ASCII bytes were swapped for ASCII bytes: still UTF-8.
    String::from_utf8(bytes).map_or_else(|_| text.into(), Into::into)
}

/// A 1-based line and a 1-based column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LineColumn {
    pub line: u32,
    pub column: u32,
}

/// The length of the UTF-8 byte-order mark `text` starts with: 3, or 0
/// when it has none. The mark stays in the text (byte offsets are offsets
/// into the file) but is not a character of line 1: no column or
/// character offset counts it.
pub fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') { 3 } else { 0 }
}

/// Maps byte offsets to lines and columns; built once per file, at the edge.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset at which each line starts; always begins with 0.
    line_starts: Vec<u32>,
    /// Where line 1's characters start: past a byte-order mark.
    first_column: u32,
    /// Characters before each [`CHUNK`]-byte boundary, so that a column
    /// costs at most one chunk of counting however long its line is (a
    /// file of one long line with many findings was quadratic). Empty
    /// when the text is ASCII: then characters are bytes.
    chars_before_chunk: Vec<u32>,
}

/// Bytes between two character-count checkpoints of a [`LineIndex`].
const CHUNK: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        // memchr finds each line ending with SIMD; a byte loop was a visible
        // share of rendering findings over a large tree. Lines end as
        // Markdown reads them: at `\n`, `\r\n` or a lone `\r`, so a
        // finding's line is the line the reader saw.
        let bytes = text.as_bytes();
        line_starts.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                .map(|i| i as u32 + 1),
        );
        let mut chars_before_chunk = Vec::new();
        if !bytes.is_ascii() {
            chars_before_chunk.reserve(bytes.len() / CHUNK + 1);
            let mut chars = 0;
            for chunk in bytes.chunks(CHUNK) {
                chars_before_chunk.push(chars);
                chars += lead_bytes(chunk);
            }
            // The end of a text whose length is a multiple of the chunk.
            chars_before_chunk.push(chars);
        }
        Self {
            line_starts,
            first_column: bom_len(text) as u32,
            chars_before_chunk,
        }
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> u32 {
        self.line_starts.get(line).copied().unwrap_or(u32::MAX)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line and character column of `offset` in `text`; a
    /// byte-order mark is not a column.
    pub fn line_column(&self, text: &str, offset: u32) -> LineColumn {
        let line = self.line_of(offset);
        let start = if line == 0 {
            self.first_column.min(offset)
        } else {
            self.line_starts[line]
        };
        LineColumn {
            line: line as u32 + 1,
            column: self.chars_between(text, start, offset) + 1,
        }
    }

    /// Characters of `text` before `offset`, a byte-order mark not
    /// counted: SARIF's `charOffset`.
    pub fn char_offset(&self, text: &str, offset: u32) -> u32 {
        self.chars_between(text, self.first_column.min(offset), offset)
    }

    /// Characters of `text` in `start..end` (`end` clamped to the text); the
    /// byte count when the range splits a character.
    fn chars_between(&self, text: &str, start: u32, end: u32) -> u32 {
        let end = (end as usize).min(text.len());
        let start = (start as usize).min(end);
        if self.chars_before_chunk.is_empty()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            return (end - start) as u32;
        }
        if end - start <= CHUNK {
            // A column: count its line's bytes, not twice a chunk's.
            return lead_bytes(&text.as_bytes()[start..end]);
        }
        self.chars_before(text, end) - self.chars_before(text, start)
    }

    /// Characters of `text` before byte `at`, a character boundary.
    fn chars_before(&self, text: &str, at: usize) -> u32 {
        let chunk = at / CHUNK;
        let counted = self.chars_before_chunk.get(chunk).copied().unwrap_or(0);
        counted + lead_bytes(&text.as_bytes()[chunk * CHUNK..at])
    }

    /// The range of 0-based `line`, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> TextRange {
        let start = self.line_start(line) as usize;
        if start > text.len() {
            return TextRange::empty(text.len());
        }
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(text.len(), |&n| n as usize);
        let content = &text[start..end];
        let content = content.strip_suffix('\n').unwrap_or(content);
        let content = content.strip_suffix('\r').unwrap_or(content);
        TextRange::new(start, start + content.len())
    }
}

/// Characters that start in `bytes`: the bytes that are not UTF-8
/// continuation bytes (`10xxxxxx`).
fn lead_bytes(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u32
}

/// `YYYY-MM-DD` naming a day the calendar has (leap years and all): the
/// one form planwright writes a date in, which YAML reads as a date and
/// `lint` accepts (PW203 reports `2020-02-30`). Nothing around it: not
/// `2026-1-15`, `2026/01/15` or `2026-01-15T10:00`.
pub fn is_iso_day(value: &str) -> bool {
    let b = value.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shaped {
        return false;
    }
    let num =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line and column of `offset`, as a pair.
    fn at(text: &str, offset: u32) -> (u32, u32) {
        let lc = LineIndex::new(text).line_column(text, offset);
        (lc.line, lc.column)
    }

    #[test]
    fn line_columns_count_characters_not_bytes() {
        let text = "ab\n–x\r\ny";
        assert_eq!(at(text, 0), (1, 1));
        assert_eq!(at(text, 3), (2, 1));
        // '–' is three bytes but one column.
        assert_eq!(at(text, 6), (2, 2));
        assert_eq!(at(text, 9), (3, 1));
        assert_eq!(LineIndex::new(text).line_range(text, 1).slice(text), "–x");
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let text = "\u{feff}- [X] a\nb";
        // Offsets stay offsets into the file; columns start after the mark.
        assert_eq!(at(text, 5), (1, 3));
        assert_eq!(at(text, 3), (1, 1));
        assert_eq!(at(text, 0), (1, 1));
        assert_eq!(at(text, 11), (2, 1));
        let index = LineIndex::new(text);
        assert_eq!(index.char_offset(text, 5), 2);
        assert_eq!(index.char_offset(text, 12), 9);
        assert_eq!(bom_len(text), 3);
        assert_eq!(bom_len("- [X] a"), 0);
        assert_eq!(at("- [X] a", 2), (1, 3));
    }

    #[test]
    fn columns_on_long_lines_count_characters_across_checkpoints() {
        // One long line of mixed one-, two-, three- and four-byte
        // characters, so offsets fall on both sides of every checkpoint.
        let line: String = "aé–😀 ".repeat(3000);
        for text in [line.clone(), format!("x\n{line}\ny"), "é".repeat(CHUNK)] {
            let index = LineIndex::new(&text);
            let naive = |offset: usize| {
                let start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
                text[start..offset].chars().count() as u32 + 1
            };
            for (offset, _) in text.char_indices().step_by(7).chain([(text.len(), ' ')]) {
                let lc = index.line_column(&text, offset as u32);
                assert_eq!(lc.column, naive(offset), "offset {offset}");
                assert_eq!(
                    index.char_offset(&text, offset as u32),
                    text[..offset].chars().count() as u32
                );
            }
        }
        // An offset inside a character counts bytes, as before.
        let text = "–".repeat(2000);
        assert_eq!(LineIndex::new(&text).char_offset(&text, 4), 4);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "a\rbc\r\nd\ne";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(at(text, 3), (2, 2));
        assert_eq!(at(text, 6), (3, 1));
        let lines: Vec<&str> = (0..index.line_count())
            .map(|l| index.line_range(text, l).slice(text))
            .collect();
        assert_eq!(lines, ["a", "bc", "d", "e"]);
    }

    #[test]
    fn lone_carriage_returns_become_line_feeds_in_place() {
        assert!(matches!(
            lone_cr_as_lf("a\r\nb\n"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(lone_cr_as_lf("a\rb\r\nc\r\r–\r"), "a\nb\r\nc\n\n–\n");
        // The `\n` of a `\r\n` belongs to the line its `\r` ends.
        assert_eq!(line_start("a\rb\r\nc", 4), 2);
        assert_eq!(line_start("a\rb\r\nc", 5), 5);
        assert_eq!(line_end_after("a\rb\r\nc", 3), 5);
        assert_eq!(line_end_after("a\rb\r\nc", 2), 2);
        assert_eq!(ending_before("a\rb", 2), Some("\r"));
    }

    #[test]
    fn trim_and_slice_never_panic() {
        let r = TextRange::new(1, 20);
        assert_eq!(r.slice("short"), "");
        assert_eq!(TextRange::new(0, 6).trim("  ab  "), TextRange::new(2, 4));
        assert!(TextRange::new(0, 3).trim("   ").is_empty());
        // A range that splits a multi-byte character slices to nothing.
        assert_eq!(TextRange::new(0, 1).slice("–"), "");
        // ... and trims to nothing at its start, at either end.
        assert_eq!(TextRange::new(1, 5).trim("–ab"), TextRange::empty(1));
        assert_eq!(TextRange::new(0, 3).trim("ab–"), TextRange::empty(0));
        assert_eq!(TextRange::new(3, 9).trim("ab–"), TextRange::empty(3));
    }

    #[test]
    fn trim_agrees_with_str_trim() {
        let texts = [
            "",
            " ",
            "a",
            " a ",
            "\u{b}a\u{c}",
            "\u{a0}a\u{3000}",
            " \u{a0} ",
            "é ",
            " é",
            "\t–x–\r\n",
            "\u{85}a",
            "a b",
            "\u{2003}",
        ];
        for text in texts {
            let r = TextRange::new(0, text.len()).trim(text);
            assert_eq!(r.slice(text), text.trim(), "{text:?}");
            if text.trim().is_empty() {
                assert_eq!(r, TextRange::empty(0), "{text:?}");
            }
        }
    }

    #[test]
    fn an_iso_day_is_a_real_day_written_yyyy_mm_dd() {
        for day in ["2026-01-15", "2024-02-29", "2000-02-29", "2026-12-31"] {
            assert!(is_iso_day(day), "{day}");
        }
        for not in [
            "2020-02-30",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-01-00",
            "2026-1-15",
            "2026/01/15",
            "2026-01-15T10:00",
            " 2026-01-15",
            "tomorrow",
            "",
        ] {
            assert!(!is_iso_day(not), "{not}");
        }
    }
}
