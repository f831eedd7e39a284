//! Metadata fields as the model keeps them: `**Key:** value` lines, front
//! matter and comment fields, each with how and where it was written.
//!
//! Apart from the plan's outline in `model.rs` because a field carries
//! more than its text: its style, so `set` edits it as it was written, and
//! where it stands, so a rule tells the plan's header from a phase's or an
//! item's fields.

use std::borrow::Cow;

use super::Text;
use crate::text::TextRange;

/// Where a metadata field was written; `set` edits it in the same style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaStyle {
    FrontMatter,
    /// `**Key:** value` (colon inside the bold) or `**Key**: value`.
    Bold {
        colon_inside: bool,
    },
    /// `<!-- KEY: value -->`
    Comment,
    /// `Key: value` written plainly: lines of the header made of nothing
    /// else (`Date: 2025-10-30` / `Owner: md`), and a step's sub-items.
    Plain,
}

impl MetaStyle {
    pub fn name(self) -> &'static str {
        match self {
            MetaStyle::FrontMatter => "front_matter",
            MetaStyle::Bold { .. } => "bold",
            MetaStyle::Comment => "comment",
            MetaStyle::Plain => "plain",
        }
    }
}

/// A line of front matter that YAML cannot read (an unclosed `[`, `: `
/// inside a plain value, a line that is no `key: value`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrontMatterProblem {
    pub range: TextRange,
    /// Why, in words: "the `[` is never closed".
    pub message: &'static str,
}

impl FrontMatterProblem {
    /// The message of a key given a second time, which lint's PW403 helps
    /// with on its own.
    pub const DUPLICATE_KEY: &'static str =
        "a key given a second time; YAML readers refuse it or keep only one";
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetaField {
    /// The key as written, without markup.
    pub key: Text,
    /// The key normalised with [`normalize_key`](super::normalize_key),
    /// computed once when read.
    pub norm: Text,
    pub key_range: TextRange,
    /// The value as a reader sees it, trimmed: Markdown and all (`a *b*`),
    /// but without the markup the whole value is written in (`` `001-x` ``
    /// and `*Draft*` are `001-x` and `Draft`) and with backslash escapes
    /// read (`\~2` is `~2`; see [`crate::markup::field_value`]), and a
    /// front-matter value with its quotes and escapes read. A bold value
    /// whose paragraph goes on below its line with text that starts no
    /// field of its own reads on over those lines, joined by one space as
    /// Markdown renders a soft break (until a hard break, the next field or
    /// the paragraph's end). May be empty.
    pub value: Text,
    /// Where the value is written: from its first character to its last,
    /// over all its lines for a bold value that goes on below its label's
    /// line, line breaks and the next lines' markers (indentation, `>`)
    /// included, so that an edit of the range replaces the whole value
    /// (see [`MetaField::written`]).
    pub value_range: TextRange,
    /// The whole field, from its key markup to the end of its value.
    pub range: TextRange,
    pub style: MetaStyle,
    /// The section the field sits in; `None` for the preamble, front matter.
    pub section: Option<usize>,
    /// The phase or step whose body holds the field, if any.
    pub phase: Option<usize>,
    /// Whether it sits in a list item (`- **Goal:** ...`).
    pub in_list: bool,
    /// A list item's field in the plan's header, before its first task
    /// and its first section but the `#` title's: `- **Status:** Draft`
    /// under the title is the plan's, as a bold line there is.
    pub header_item: bool,
    /// It stands in a section that holds tasks of its own, past the plan's
    /// opening sections: `**Status:** Done` under `### Auth story` with
    /// the story's check boxes is the story's, not the plan's.
    pub item_section: bool,
}

impl MetaField {
    /// Normalised key for lookups: lower case, `-`/space as `_`.
    pub fn norm_key(&self) -> Text {
        self.norm.clone()
    }

    /// Whether the field describes the plan as a whole rather than a phase,
    /// step or list item: front matter, comments, bold `Key: value` lines
    /// that stand in no list, no phase and no section of tasks
    /// ([`MetaField::item_section`]), and the list items of the plan's
    /// header ([`MetaField::header_item`]).
    pub fn is_header(&self) -> bool {
        self.phase.is_none() && !self.item_section && (!self.in_list || self.header_item)
    }

    /// The value as written at `value_range` in `src`, markup and escapes
    /// kept. A bold value that goes on over its paragraph's next lines
    /// has its range hold the line breaks and the next lines' markers
    /// (indentation, `>`): here its lines are joined by one space, as
    /// Markdown renders them and as [`MetaField::value`] reads.
    pub fn written<'a>(&self, src: &'a str) -> Cow<'a, str> {
        let raw = self.value_range.slice(src);
        match self.style {
            MetaStyle::Bold { .. } => crate::parse::joined_lines(raw),
            _ => Cow::Borrowed(raw),
        }
    }
}

/// Keys (normalised) that name the plan's status wherever they stand,
/// also in a footer below the last phase: `**Plan Status**:`.
pub(crate) const PLAN_STATUS_KEYS: [&str; 3] = ["plan_status", "project_status", "overall_status"];
