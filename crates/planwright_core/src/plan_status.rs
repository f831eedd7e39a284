//! The plan's own status, read as a status: the field its dialect names
//! (`**Status:** On hold`), when that field holds one. `next` holds every
//! open task of a plan whose status says its work is held up, as it holds
//! a phase's; lint's status rules read the same field, so that what one
//! takes for the plan's status the others do too.

use crate::dialect::Descriptor;
use crate::model::{MetaField, Plan};
use crate::status::{StatusReading, read_status};

/// How a plan's dialect writes its status: the key of the plan's status
/// field and the values it counts as finished as written (`Live`). What
/// `next`, `status` and `graph` read statuses by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusWords<'a> {
    /// The key of the plan's status field (see [`Plan::status_field`]).
    pub field: &'a str,
    /// Values that claim the work is finished (see [`read_status`]).
    pub done: &'a [String],
}

impl Default for StatusWords<'_> {
    /// A plan of no dialect: its `Status` field, and the done words alone.
    fn default() -> Self {
        Self {
            field: "status",
            done: &[],
        }
    }
}

impl<'a> StatusWords<'a> {
    /// The words of the dialect `descriptor` describes.
    pub fn of(descriptor: &'a Descriptor) -> Self {
        Self {
            field: &descriptor.status_field,
            done: &descriptor.done_status,
        }
    }
}

impl Plan {
    /// The plan's status field (see [`Plan::status_field`]) when it holds
    /// a status: a value, and no slot left to fill in it (`[STATUS]`,
    /// `Draft | In Progress | Completed`), which says nothing of the work.
    pub fn status_value(&self, key: &str) -> Option<&MetaField> {
        self.status_field(key)
            .filter(|f| !f.value.trim().is_empty())
            .filter(|f| {
                !self.placeholders.iter().any(|p| {
                    f.value_range.contains_range(p.range) || p.range.contains_range(f.value_range)
                })
            })
    }

    /// The plan's status when it says the work is held up (`Blocked —
    /// waiting for the key`, `On hold`, `Paused`; not `Not blocked`), read
    /// as a phase's is ([`read_status`]): nothing in the plan can start
    /// until it moves.
    pub fn held_status(&self, words: StatusWords<'_>) -> Option<&MetaField> {
        self.status_value(words.field)
            .filter(|f| read_status(&f.value, words.done) == StatusReading::Held)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(src: &str) -> Option<String> {
        crate::parse(src)
            .held_status(StatusWords::default())
            .map(|f| f.value.to_string())
    }

    #[test]
    fn a_plan_whose_status_says_it_is_held_up_is_held() {
        for (src, status) in [
            (
                "# P\n\n**Status**: ⚠️ **BLOCKED - waiting for the key**\n\n- [ ] T001 Ship\n",
                "⚠️ BLOCKED - waiting for the key",
            ),
            ("# P\n\n**Status:** On hold (budget)\n", "On hold (budget)"),
            ("---\nstatus: Paused\n---\n# P\n", "Paused"),
            // A tag is a value, not a slot (as lint reads it too).
            ("# P\n\n**Status:** [BLOCKED]\n", "[BLOCKED]"),
            // Named as the plan's wherever it stands, a footer too.
            (
                "# P\n\n## Phase 1: Build\n\n- [ ] T001 Ship\n\n---\n\n**Plan Status**: Stalled\n",
                "Stalled",
            ),
        ] {
            assert_eq!(held(src).as_deref(), Some(status), "{src}");
        }
    }

    #[test]
    fn a_status_that_is_not_held_up_holds_nothing() {
        for src in [
            "# P\n\n**Status:** Not blocked\n",
            "# P\n\n**Status:** Draft\n",
            "# P\n\n**Status:** In Progress\n",
            "# P\n\n**Status:** Done (was on hold in May)\n",
            "# P\n\n**Status:**\n",
            "# P\n",
            // A list left to pick names no status, whatever it lists.
            "# P\n\n**Status:** Draft | Blocked | In Progress\n",
            "# P\n\n**Status:** [STATUS]\n",
            // A phase's status is the phase's.
            "# P\n\n## Phase 1: Build\n\n**Status:** Blocked\n\n- [ ] T001 Ship\n",
        ] {
            assert_eq!(held(src), None, "{src}");
        }
    }

    #[test]
    fn the_dialects_status_field_and_done_values_are_read() {
        let plan = crate::parse("# P\n\n**State:** Blocked\n\n**Status:** Draft\n");
        let done = [String::from("Blocked")];
        let words = |field, done| StatusWords { field, done };
        assert!(plan.held_status(words("state", &[])).is_some());
        assert!(plan.held_status(StatusWords::default()).is_none());
        // A value the dialect counts as finished is finished.
        assert!(plan.held_status(words("state", &done)).is_none());
        let descriptor = Descriptor {
            status_field: "state".to_owned(),
            ..Descriptor::default()
        };
        assert_eq!(StatusWords::of(&descriptor).field, "state");
    }
}
