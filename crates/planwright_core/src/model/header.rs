//! Where the plan's header may go on under a heading: a first section
//! that says it holds the document's own metadata (`## Metadata`, `##
//! Document Info`).
//!
//! The reader counts its fields as the header's, its `- **Key:** value`
//! items too, as it counts those above the first section; `set` edits and
//! adds fields there, and `show` lists them. Read as any section's, a
//! `- **Status:** Draft` that `set` had just written there was no status
//! to `status`, and a dialect's required field there was reported missing.

use super::Plan;

/// Headings (as [`super::Section::key`] normalises them) of a section that
/// holds the document's own metadata: right after the title, its fields
/// are the header written under a heading, not an item's.
const METADATA_HEADINGS: [&str; 13] = [
    "metadata",
    "document metadata",
    "plan metadata",
    "document info",
    "document information",
    "plan info",
    "plan information",
    "document details",
    "plan details",
    "document control",
    "status",
    "plan status",
    "document status",
];

/// Whether a heading, normalised as [`super::Section::key`], names a section
/// of the document's own metadata (`metadata`, `document info`).
pub fn names_metadata(key: &str) -> bool {
    METADATA_HEADINGS.contains(&key)
}

impl Plan {
    /// The section that carries on the plan's header: the first one that
    /// is not the title's, when its heading [`names_metadata`]. Only its
    /// own text is the header's, not a sub-section's (`### Story 1` under
    /// it is a story).
    pub fn metadata_section(&self) -> Option<usize> {
        let title = self.title.as_ref().map(|t| t.heading);
        let (index, first) = self
            .sections
            .iter()
            .enumerate()
            .find(|(_, s)| Some(s.heading) != title)?;
        names_metadata(&first.key).then_some(index)
    }
}

#[cfg(test)]
#[path = "header_tests.rs"]
mod tests;
