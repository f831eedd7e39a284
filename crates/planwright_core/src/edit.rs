//! Byte patches: the only way planwright changes a plan.
//!
//! An edit replaces one byte range of the original text. A change is a list
//! of edits, sorted and checked for overlap, applied by copying the untouched
//! slices around them, so every byte outside the patched ranges is
//! guaranteed identical. Markdown is never re-rendered. (Writing the result
//! to disk, atomically, is `planwright_edit`'s job; this module is pure.)

use crate::text::TextRange;

/// Replace `range` of the original text with `content`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    pub range: TextRange,
    pub content: String,
}

impl Edit {
    pub fn replace(range: TextRange, content: impl Into<String>) -> Self {
        Self {
            range,
            content: content.into(),
        }
    }

    pub fn insert(at: usize, content: impl Into<String>) -> Self {
        Self::replace(TextRange::empty(at), content)
    }

    pub fn delete(range: TextRange) -> Self {
        Self::replace(range, String::new())
    }

    /// Whether `self` and `other` cannot go in one patch: their ranges
    /// overlap, or they start at one offset and either is an insertion (the
    /// order of the two would then decide the result). Edits that only
    /// touch, `0..1` and `1..2`, do not conflict.
    pub fn conflicts(&self, other: &Edit) -> bool {
        let (a, b) = (self.range, other.range);
        (a.start < b.end && b.start < a.end)
            || (a.start == b.start && (a.is_empty() || b.is_empty()))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("edits overlap at bytes {first:?} and {second:?}")]
    Overlap { first: TextRange, second: TextRange },
    #[error("edit at bytes {range:?} lies outside the text ({len} bytes)")]
    OutOfBounds { range: TextRange, len: usize },
    #[error("edit at bytes {range:?} splits a character")]
    NotCharBoundary { range: TextRange },
}

/// Applies `edits` to `source`. Edits may come in any order; two edits that
/// overlap (or two insertions at one offset) are rejected, so the result
/// never depends on the order they were listed in.
pub fn apply(source: &str, edits: &[Edit]) -> Result<String, EditError> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    for e in &sorted {
        let r = e.range.as_usize();
        if r.end > source.len() || r.start > r.end {
            return Err(EditError::OutOfBounds {
                range: e.range,
                len: source.len(),
            });
        }
        if !source.is_char_boundary(r.start) || !source.is_char_boundary(r.end) {
            return Err(EditError::NotCharBoundary { range: e.range });
        }
    }
    for pair in sorted.windows(2) {
        if pair[0].conflicts(pair[1]) {
            return Err(EditError::Overlap {
                first: pair[0].range,
                second: pair[1].range,
            });
        }
    }
    let added: usize = sorted.iter().map(|e| e.content.len()).sum();
    let mut out = String::with_capacity(source.len() + added);
    let mut at = 0;
    for e in sorted {
        let r = e.range.as_usize();
        out.push_str(&source[at..r.start]);
        out.push_str(&e.content);
        at = r.end;
    }
    out.push_str(&source[at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_in_any_order_and_keeps_other_bytes() {
        let src = "- [ ] a\r\n- [ ] b\r\n";
        let edits = [
            Edit::replace(TextRange::new(12, 13), "x"),
            Edit::replace(TextRange::new(3, 4), "x"),
        ];
        assert_eq!(apply(src, &edits).unwrap(), "- [x] a\r\n- [x] b\r\n");
        assert_eq!(apply(src, &[]).unwrap(), src);
    }

    #[test]
    fn rejects_overlap_bounds_and_split_characters() {
        let src = "ab–cd";
        let overlap = [
            Edit::replace(TextRange::new(0, 2), "x"),
            Edit::replace(TextRange::new(1, 2), "y"),
        ];
        assert!(matches!(
            apply(src, &overlap),
            Err(EditError::Overlap { .. })
        ));
        let twice = [Edit::insert(1, "x"), Edit::insert(1, "y")];
        assert!(matches!(apply(src, &twice), Err(EditError::Overlap { .. })));
        let out = [Edit::replace(TextRange::new(3, 99), "")];
        assert!(matches!(
            apply(src, &out),
            Err(EditError::OutOfBounds { .. })
        ));
        let split = [Edit::replace(TextRange::new(3, 4), "")];
        assert!(matches!(
            apply(src, &split),
            Err(EditError::NotCharBoundary { .. })
        ));
        // Adjacent edits are fine.
        let adjacent = [
            Edit::replace(TextRange::new(0, 1), "A"),
            Edit::replace(TextRange::new(1, 2), "B"),
        ];
        assert_eq!(apply(src, &adjacent).unwrap(), "AB–cd");
    }
}
