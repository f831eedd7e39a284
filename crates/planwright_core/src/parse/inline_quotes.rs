//! The double-quote counter behind the brace recogniser in `inline.rs`:
//! a brace inside a quoted string is the string's, not a slot.

/// Whether a brace sits inside a double-quoted string on its line:
/// `"v{N} -- {source}"` is a format string, its braces are its own. The
/// quotes are counted as the scan moves right, never again from the line's
/// start, so a long line of braces stays linear.
#[derive(Default)]
pub(super) struct Quotes {
    /// Where the counted part of the current line starts.
    line_start: usize,
    /// Counted up to here (exclusive).
    counted_to: usize,
    /// Double quotes in `line_start..counted_to`.
    count: usize,
    /// The first `"` or line break at or after `counted_to`'s last
    /// look-ahead, with where that look started: valid for any later
    /// start up to it.
    next_stop: Option<(usize, usize)>,
}

impl Quotes {
    /// Whether `text[start..=end]` has an odd number of quotes before it on
    /// its line and a quote after it on its line. Calls come with `start`
    /// never decreasing.
    pub(super) fn around(&mut self, text: &str, start: usize, end: usize) -> bool {
        let bytes = text.as_bytes();
        let (from, to) = (self.counted_to.min(start), start);
        let gap = &bytes[from..to];
        match memchr::memrchr2(b'\n', b'\r', gap) {
            Some(n) => {
                self.line_start = from + n + 1;
                self.count = memchr::memchr_iter(b'"', &bytes[self.line_start..to]).count();
            }
            None => self.count += memchr::memchr_iter(b'"', gap).count(),
        }
        self.counted_to = to;
        if self.count.is_multiple_of(2) {
            return false;
        }
        let stop = match self.next_stop {
            Some((looked_from, stop)) if looked_from <= end && end <= stop => stop,
            _ => {
                let stop = memchr::memchr3(b'"', b'\n', b'\r', &bytes[end..])
                    .map_or(bytes.len(), |n| end + n);
                self.next_stop = Some((end, stop));
                stop
            }
        };
        bytes.get(stop) == Some(&b'"')
    }
}
