//! Inline directives in HTML comments that silence rules for part of a
//! plan:
//!
//! - `<!-- planwright-disable PW104 PW105 -->` from here on (no codes: all
//!   rules), until a matching `<!-- planwright-enable -->`;
//! - `<!-- planwright-disable-next-line PW101 -->` on the next line only;
//! - `<!-- planwright-enable [codes] -->` ends a disable.
//!
//! Codes may also be rule names. Directives are read from the model's list
//! of comments, never by scanning the text again.

use planwright_core::{LineIndex, Plan};

pub struct Directives {
    /// Byte ranges and the selectors silenced in them (empty: all rules).
    regions: Vec<(u32, u32, Vec<String>)>,
}

impl Directives {
    pub fn read(source: &str, plan: &Plan) -> Self {
        let mut regions = Vec::new();
        // Open `disable` regions: start and selectors.
        let mut open: Vec<(u32, Vec<String>)> = Vec::new();
        let mut index: Option<LineIndex> = None;
        for comment in &plan.comments {
            let text = comment.slice(source);
            let inner = text
                .trim()
                .trim_start_matches("<!--")
                .trim_end_matches("-->")
                .trim();
            let mut words = inner
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty());
            let Some(verb) = words.next() else {
                continue;
            };
            let codes: Vec<String> = words.map(str::to_owned).collect();
            match verb {
                "planwright-disable-next-line" => {
                    let index = index.get_or_insert_with(|| LineIndex::new(source));
                    let line = index.line_of(comment.end.saturating_sub(1)) + 1;
                    let range = index.line_range(source, line);
                    regions.push((range.start, range.end.max(range.start + 1), codes));
                }
                "planwright-disable" => open.push((comment.start, codes)),
                "planwright-enable" => {
                    let end = comment.start;
                    open.retain(|(start, disabled)| {
                        let closes = codes.is_empty() || disabled.iter().any(|d| codes.contains(d));
                        if closes {
                            regions.push((*start, end, disabled.clone()));
                        }
                        !closes
                    });
                }
                _ => {}
            }
        }
        for (start, codes) in open {
            regions.push((start, u32::MAX, codes));
        }
        Self { regions }
    }

    /// Whether a finding of rule `code` / `name` at `offset` is silenced.
    pub fn suppresses(&self, code: &str, name: &str, offset: u32) -> bool {
        self.regions.iter().any(|(start, end, codes)| {
            (*start..*end).contains(&offset)
                && (codes.is_empty()
                    || codes.iter().any(|c| {
                        c.eq_ignore_ascii_case(code)
                            || c == name
                            || (c.len() < code.len() && code.starts_with(c.as_str()))
                    }))
        })
    }
}
