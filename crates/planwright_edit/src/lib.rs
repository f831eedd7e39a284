//! planwright's editor: every change to a plan is a list of byte patches on
//! the text as read, computed from the parsed model, checked by parsing the
//! result again, and written atomically under an advisory lock.
//!
//! - [`ops`]: pure functions from a plan and its text to [`Edit`]s: tick,
//!   untick and start tasks, set a metadata field, append to the log.
//! - [`resolve`]: which task a user meant by `T003`, `#5` or a fragment.
//! - [`verify`]: the result parses to the same model but for the change.
//! - [`fs`]: lock, read, refuse stale writes, temp file and rename.

pub mod fs;

pub use fs::{LockedFile, WriteError, open_locked, write_patched};
pub use planwright_core::edit::{Edit, EditError, apply};
