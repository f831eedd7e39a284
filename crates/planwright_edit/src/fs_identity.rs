//! Keeping a plan file's identity through a write: its owner, its group
//! and its hard links.
//!
//! The usual write renames a new file over the plan (see `fs`), which is
//! atomic but makes a new inode: a hard link to the plan would keep the
//! old text, and the file would belong to whoever ran planwright. So
//! before the rename the new file is given the plan's owner and group
//! (which only succeeds where the system allows it: root, or a group the
//! writer is in), and where that fails, or the plan has other hard links,
//! the new text is written into the plan file itself instead.
//!
//! That in-place write is not atomic, so it is made as safe as it can be:
//! the new text is first written whole and synced to the temporary file
//! beside the plan (as for a rename), then over the plan from its first
//! byte, then the plan is cut to its new length and synced, and only then
//! is the temporary file removed. Were the machine to stop during the
//! overwrite, the whole new text would be left in that temporary file
//! (`.NAME.XXXXXX.planwright-tmp`). Extended attributes and ACLs are kept
//! by the in-place write only.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::Path;

/// How the new text, already in the temporary file `temp`, reaches the
/// plan whose metadata is `plan`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Way {
    /// Rename the temporary file over the plan: nothing of the plan's
    /// identity is lost (the temporary file has its owner and group now).
    Rename,
    /// Write over the plan file itself: it has other hard links, or its
    /// owner or group could not be given to a new file.
    InPlace,
}

/// Gives `temp` the plan's owner and group where they differ, and says
/// how to write: see [`Way`].
pub(crate) fn way(temp: &File, plan: &Metadata) -> io::Result<Way> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if plan.nlink() > 1 {
            return Ok(Way::InPlace);
        }
        let ours = temp.metadata()?;
        if ours.uid() == plan.uid() && ours.gid() == plan.gid() {
            return Ok(Way::Rename);
        }
        // Only root may give a file away; a group the writer is in may
        // be given by anyone. Either failing, the plan keeps its own.
        let uid = (ours.uid() != plan.uid()).then_some(plan.uid());
        let gid = (ours.gid() != plan.gid()).then_some(plan.gid());
        match std::os::unix::fs::fchown(temp, uid, gid) {
            Ok(()) => Ok(Way::Rename),
            Err(_) => Ok(Way::InPlace),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (temp, plan);
        Ok(Way::Rename)
    }
}

/// Writes `new_text` over the plan at `target`: from its first byte, then
/// cut to length and synced (see the module docs for why in that order).
pub(crate) fn overwrite(target: &Path, new_text: &str) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).open(target)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(new_text.as_bytes())?;
    file.flush()?;
    file.set_len(new_text.len() as u64)?;
    file.sync_all()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn a_plan_with_another_link_is_written_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.md");
        fs::write(&plan, "old text, longer than the new\n").unwrap();
        let temp = File::create(dir.path().join("temp")).unwrap();
        let meta = fs::metadata(&plan).unwrap();
        assert_eq!(way(&temp, &meta).unwrap(), Way::Rename);
        fs::hard_link(&plan, dir.path().join("link.md")).unwrap();
        let meta = fs::metadata(&plan).unwrap();
        assert_eq!(way(&temp, &meta).unwrap(), Way::InPlace);
        overwrite(&plan, "new\n").unwrap();
        assert_eq!(fs::read_to_string(&plan).unwrap(), "new\n");
        assert_eq!(
            fs::read_to_string(dir.path().join("link.md")).unwrap(),
            "new\n"
        );
    }
}
