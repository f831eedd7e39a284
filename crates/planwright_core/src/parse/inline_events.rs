//! The reader's inline events: text, code spans and the markup around
//! them, gathered into the open inline block (a paragraph, heading, cell
//! or item text) that `blocks::finish_inline` reads once it closes.

use super::{Builder, InlineBlock, InlineKind, inline, items};
use crate::text::TextRange;

impl Builder<'_> {
    pub(super) fn begin_inline(&mut self, kind: InlineKind) {
        self.inline = Some(InlineBlock {
            kind,
            start: None,
            end: 0,
            segments: std::mem::take(&mut self.spare_segments),
            plain: std::mem::take(&mut self.spare_plain),
            placeholders_from: self.plan.placeholders.len(),
        });
    }

    /// Inline markup that opens before any text still starts the block.
    pub(super) fn touch_inline(&mut self, r: TextRange) {
        if let Some(b) = &mut self.inline {
            b.start.get_or_insert(r.start as usize);
            b.end = b.end.max(r.end as usize);
        }
    }

    pub(super) fn text(&mut self, r: TextRange) {
        if let Some((_, content)) = &mut self.code {
            let (s, e) = content.get_or_insert((r.start as usize, r.end as usize));
            *s = (*s).min(r.start as usize);
            *e = (*e).max(r.end as usize);
            return;
        }
        if let Some(content) = &mut self.metadata_block {
            let (s, e) = content.get_or_insert((r.start as usize, r.end as usize));
            *e = (*e).max(r.end as usize);
            *s = (*s).min(r.start as usize);
            return;
        }
        let (start, end) = (r.start as usize, r.end as usize);
        let outside_link = self.link_depth == 0;
        let Some(b) = &mut self.inline else { return };
        b.start.get_or_insert(start);
        b.end = b.end.max(end);
        if matches!(b.kind, InlineKind::Heading | InlineKind::Cell) {
            b.plain
                .push_str(self.src.get(start..end).unwrap_or_default());
        }
        if outside_link {
            match b.segments.last_mut() {
                Some(last) if last.1 == start => last.1 = end,
                _ => b.segments.push((start, end)),
            }
        }
    }

    pub(super) fn code_span(&mut self, r: TextRange) {
        // A span ends at its closing backticks; pulldown-cmark's range for
        // one that ends an ATX heading runs on over the heading's trailing
        // tabs (`# `a`\t`), which would read as the span's last bytes.
        let raw = r.slice(self.src).trim_end_matches([' ', '\t']);
        let r = TextRange::new(r.start as usize, r.start as usize + raw.len());
        self.plan.code_spans.push(r);
        let ticks = raw.len() - raw.trim_start_matches('`').len();
        let inner_start = r.start as usize + ticks;
        let inner_end = (r.end as usize).saturating_sub(ticks).max(inner_start);
        let inner = self.slice(inner_start, inner_end);
        inline::scan_code(inner, inner_start, &mut self.plan.placeholders);
        if let Some(b) = &mut self.inline {
            b.start.get_or_insert(r.start as usize);
            b.end = b.end.max(r.end as usize);
            if !matches!(b.kind, InlineKind::Heading | InlineKind::Cell) {
                return;
            }
            // A code span may run over lines (in a setext heading, say);
            // its line endings read as spaces, as CommonMark renders them,
            // so a title stays one line.
            let cell = b.kind == InlineKind::Cell;
            for (i, (_, line)) in items::LineOffsets::new(inner.trim()).enumerate() {
                if i > 0 {
                    b.plain.push(' ');
                }
                // GFM takes a table's `\|` for `|` before reading code
                // spans: in a cell `` `a \| b` `` reads `a | b`.
                if cell && line.contains("\\|") {
                    b.plain.push_str(&line.replace("\\|", "|"));
                } else {
                    b.plain.push_str(line);
                }
            }
        }
    }
}
