//! Placeholders: the slots a template left unfilled, by the shape they are
//! written in.
//!
//! Apart from the plan's outline in `model.rs`: slots are found by the
//! inline scanner in any text, not by the document's structure, and their
//! kinds are named by dialect descriptors and in the JSON.

use super::Text;
use crate::text::TextRange;

/// spec-kit's marker for a question the spec left open, which the reader
/// finds as a placeholder of kind TBD where it is left unanswered.
pub const NEEDS_CLARIFICATION: &str = "NEEDS CLARIFICATION";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceholderKind {
    /// `[FEATURE NAME]`, `[Brief description]`
    Bracket,
    /// `{FEATURE_TITLE}`, `{one sentence}`
    Brace,
    /// `{{FEATURE_NAME}}`
    DoubleBrace,
    /// `<Project / Feature Name>`
    Angle,
    /// `$ARGUMENTS`
    Arguments,
    /// `Draft | In Progress | Completed`, `High/Medium/Low`, `{L/M/H}`
    Choice,
    /// `X hours/days`
    Estimate,
    /// `YYYY-MM-DD`
    Date,
    /// `(TBD)`, `TBD`, and spec-kit's `[NEEDS CLARIFICATION: which queue?]`
    /// (also in parentheses, or a field's whole value): a value the author
    /// marked as still to be decided.
    Tbd,
    /// A paragraph or item left exactly as the template's instruction text.
    TemplateText,
    /// `____`: a blank to write on, three or more underscores standing as
    /// a word (`**Budget:** ____`, `Signed: ________`).
    Blank,
}

impl PlaceholderKind {
    pub fn name(self) -> &'static str {
        match self {
            PlaceholderKind::Bracket => "bracket",
            PlaceholderKind::Brace => "brace",
            PlaceholderKind::DoubleBrace => "double_brace",
            PlaceholderKind::Angle => "angle",
            PlaceholderKind::Arguments => "arguments",
            PlaceholderKind::Choice => "choice",
            PlaceholderKind::Estimate => "estimate",
            PlaceholderKind::Date => "date",
            PlaceholderKind::Tbd => "tbd",
            PlaceholderKind::TemplateText => "template_text",
            PlaceholderKind::Blank => "blank",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.name() == name)
    }

    pub const ALL: [PlaceholderKind; 11] = [
        PlaceholderKind::Bracket,
        PlaceholderKind::Brace,
        PlaceholderKind::DoubleBrace,
        PlaceholderKind::Angle,
        PlaceholderKind::Arguments,
        PlaceholderKind::Choice,
        PlaceholderKind::Estimate,
        PlaceholderKind::Date,
        PlaceholderKind::Tbd,
        PlaceholderKind::TemplateText,
        PlaceholderKind::Blank,
    ];
}

/// An unfilled slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder {
    pub kind: PlaceholderKind,
    /// The slot as written, delimiters included.
    pub text: Text,
    /// The variable name inside the delimiters, normalised with
    /// [`normalize_key`](super::normalize_key), when the slot names one
    /// (`FEATURE_NAME`).
    pub name: Option<Text>,
    pub range: TextRange,
    /// Whether it sits in a metadata value (as opposed to body text).
    pub in_metadata: bool,
}
