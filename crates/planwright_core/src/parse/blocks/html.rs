//! HTML as the reader meets it: comments (fields and directives among
//! them), a line break tag in text, and `<Name>` read as HTML that may be
//! a slot.

use super::super::{Builder, TextRange, inline, meta};

impl Builder<'_> {
    /// HTML, a line of an HTML block (`block`) or inline: its comments
    /// go to the plan's list, each with its whole range, also when it runs
    /// over the block's lines (inline HTML comes whole).
    pub(in crate::parse) fn html(&mut self, r: TextRange, block: bool) {
        let text = r.slice(self.src);
        let mut from = 0;
        let mut only_comments = true;
        if let Some(open) = self.open_comment {
            let Some(close) = text.find("-->") else {
                return;
            };
            from = close + 3;
            self.open_comment = None;
            self.plan
                .comments
                .push(TextRange::new(open, r.start as usize + from));
        }
        while let Some(open) = text[from..].find("<!--") {
            let open = from + open;
            if !text[from..open].trim().is_empty() {
                only_comments = false;
            }
            let Some(close) = text[open + 4..].find("-->") else {
                if block {
                    self.open_comment = Some(r.start as usize + open);
                    from = text.len();
                }
                break;
            };
            let end = open + 4 + close + 3;
            let abs = r.start as usize + open;
            self.plan
                .comments
                .push(TextRange::new(abs, r.start as usize + end));
            if let Some(f) = meta::comment_field(&text[open..end]) {
                // A comment's text is not scanned for slots, but a field's
                // value is metadata like any other: the roadmap template's
                // `<!-- FEATURE_ID: {{feature_id}} -->` left unfilled is
                // reported. Only in a block of HTML: in a paragraph, slots
                // before the comment are found when the paragraph closes,
                // and slots stay in the order of the text.
                let first = self.plan.placeholders.len();
                if block {
                    let (_, value, _) = f.ranges(abs);
                    let (start, end) = (value.start as usize, value.end as usize);
                    inline::scan_text(self.src, start, end, &mut self.plan.placeholders);
                }
                self.push_field(&f, abs, false, first..self.plan.placeholders.len());
            }
            from = end;
        }
        if !text[from..].trim().is_empty() {
            only_comments = false;
        }
        if only_comments {
            return;
        }
        if let Some(b) = &mut self.inline {
            b.start.get_or_insert(r.start as usize);
            b.end = b.end.max(r.end as usize);
            // `Data<br>loss` reads as two words, as it shows.
            if !block
                && crate::rendered::is_line_break_tag(text)
                && !b.plain.ends_with(char::is_whitespace)
            {
                b.plain.push(' ');
            }
            // `<Name>` reads as HTML to CommonMark; check it as a slot.
            let before_ok = self.src[..r.start as usize]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if before_ok && !text.starts_with("</") {
                let first = self.plan.placeholders.len();
                inline::scan_text_in(
                    self.src,
                    r.start as usize,
                    r.end as usize,
                    &self.lines,
                    &mut self.plan.placeholders,
                );
                // A slot is text to whoever reads the heading or cell:
                // `# Plan for <Project Name>` is titled so, not "Plan for".
                let slot = self.plan.placeholders.get(first..).unwrap_or_default();
                if slot.iter().any(|p| p.range == r)
                    && let Some(b) = &mut self.inline
                {
                    b.plain.push_str(text);
                }
            }
        } else {
            self.mark_content();
        }
    }
}
