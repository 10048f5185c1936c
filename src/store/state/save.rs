//! Saving a state: merged three ways with the file as it is now, written atomically.

use std::fs;
use std::io;
use std::path::Path;

use crate::core::merge::{self, Conflict};
use crate::core::state::MemberState;

use super::load::{Loaded, load};
use super::{Notice, StateError, StateStore, stamp};
use crate::store::atomic::{self, STATE_FILE_MODE, write_atomic};

/// The result of a save.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveOutcome {
    /// The state now on disk: what was saved merged with what another session had
    /// saved meanwhile. **The caller must replace its in-memory state with this one**
    /// (it differs only when another session wrote); the next save is merged against
    /// it, so saving an older state again would undo the other session's increments.
    pub state: MemberState,
    /// Texts two sessions changed differently; the other versions are in
    /// `state.conflicts`.
    pub conflicts: Vec<Conflict>,
    /// Things to tell the member (a corrupt file moved aside meanwhile).
    pub notices: Vec<Notice>,
    /// False when the file already held exactly this state and was not rewritten.
    pub written: bool,
}

impl StateStore {
    /// Save `mine`: under the lock, re-read the file, merge it with `mine` against what
    /// this session last loaded or saved, write the result atomically (0600).
    ///
    /// The caller must adopt [`SaveOutcome::state`] as its in-memory state. On error
    /// nothing changed, on disk or here: keep the in-memory state and save it again
    /// later.
    ///
    /// # Errors
    /// The file cannot be read or written, comes from a newer dangxue, or another
    /// process kept the lock too long.
    pub fn save(&mut self, mine: &MemberState) -> Result<SaveOutcome, StateError> {
        let _lock = self.lock()?;
        let mut notices = Vec::new();
        let (theirs, on_disk) = match load(&self.file)? {
            Loaded::State(s, _) => (*s, true),
            // Deleted or unreadable meanwhile: what this session last saw stands in.
            Loaded::Absent => (self.base.clone(), false),
            Loaded::Bad(problem) => {
                notices.push(self.move_aside(&problem)?);
                (self.base.clone(), false)
            }
        };
        let merged = merge::merge(&self.base, mine, &theirs);
        let mut state = merged.state;
        state.member_id.clone_from(&self.id);
        let written = !on_disk || state != theirs;
        if written {
            self.write(&state)?;
        }
        self.base = state.clone();
        self.seen = stamp(&self.file);
        Ok(SaveOutcome {
            state,
            conflicts: merged.conflicts,
            notices,
            written,
        })
    }

    pub(super) fn write(&self, state: &MemberState) -> Result<(), StateError> {
        let text = toml::to_string(state).map_err(|e| StateError::Write {
            path: self.file.clone(),
            source: io::Error::new(io::ErrorKind::InvalidData, e.to_string()),
        })?;
        write_atomic(&self.file, text.as_bytes(), STATE_FILE_MODE).map_err(|source| {
            StateError::Write {
                path: self.file.clone(),
                source,
            }
        })
    }

    /// Temporary files of this member's saves left by a killed process. Only called
    /// under the lock, when no save of this member is in flight.
    pub(super) fn remove_stale_temps(&self, dir: &Path) {
        let prefix = atomic::temp_prefix(&format!("{}.toml", self.id));
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            if e.file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(&prefix))
            {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}
