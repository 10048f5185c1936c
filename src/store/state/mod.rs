//! Member state on disk, `<home>/members/<id>.toml`, saved so that nothing is lost.
//!
//! - Every save replaces the file atomically ([`write_atomic`](atomic::write_atomic), mode 0600) in a folder
//!   created 0700.
//! - Saves take an advisory lock on a sidecar file `<id>.lock` (never on the state
//!   file, which each save replaces by a new inode), re-read the file and merge it
//!   three ways with what this session last loaded or saved ([`crate::core::merge`]),
//!   so two sessions of one member add up instead of overwriting each other.
//! - A file that does not parse is moved aside to `<id>.toml.corrupt-<time>`, never
//!   overwritten; a file from a newer format is refused and left untouched.
//! - A failed save (full disk, read-only folder) is an error naming the file; the
//!   caller's state is untouched, so it can be saved again later. When it cannot be
//!   saved at all, [`StateStore::emergency_copy`] writes it somewhere writable.
//! - A record that parses is never discarded for its size: above
//!   [`LARGE_STATE_BYTES`] it is read and the member is warned; only a file above
//!   [`MAX_STATE_BYTES`] is refused, and then left where it is.
//! - Keys this build does not know are read and written back unchanged
//!   ([`MemberState::unknown`]), so an older program keeps a newer one's data.
//! - The lock, session and kept-aside files are private (0600) whatever the umask
//!   and opened without following symlinks ([`atomic::open_private`]); the state
//!   file itself is read without following one.

mod aside;
mod errors;
mod load;
mod lock;
mod save;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::core::state::{MemberState, check_member_id};

use super::atomic::{self, dir_warning, ensure_private_dir};
use super::paths::Paths;

pub use errors::{Notice, StateError};
pub use load::{StateProblem, list_members, parse_state, read_member};
pub use lock::{Session, claim_session};
pub use save::SaveOutcome;

use load::{Loaded, load};

/// Size above which a state file is still read, and the member warned that the
/// record is unusually large. A real one holds a few hundred kilobytes.
pub const LARGE_STATE_BYTES: u64 = 32 * 1024 * 1024;

/// Largest state file read into memory. A larger one is refused and left in place,
/// never moved aside nor replaced: it may still be someone's record.
pub const MAX_STATE_BYTES: u64 = 128 * 1024 * 1024;

/// How long a save waits by default for another session saving the same member.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

/// A member's state file, opened for one session.
#[derive(Debug)]
pub struct StateStore {
    id: String,
    file: PathBuf,
    lock_file: PathBuf,
    lock_wait: Duration,
    /// What this session last loaded or saved: the common ancestor of the next merge.
    base: MemberState,
    /// The state file as last seen (size, modification time, inode), to tell cheaply
    /// whether another session wrote it since.
    seen: Option<FileStamp>,
}

/// What identifies one version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileStamp {
    len: u64,
    mtime_ns: i128,
    ino: u64,
}

fn stamp(path: &Path) -> Option<FileStamp> {
    use std::os::unix::fs::MetadataExt;
    let m = fs::symlink_metadata(path).ok()?;
    Some(FileStamp {
        len: m.len(),
        mtime_ns: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
        ino: m.ino(),
    })
}

impl StateStore {
    /// Open (or create) the state of `member_id`: creates the members folder 0700,
    /// starts a new state named `default_name` when there is none (and saves it, so the
    /// profile exists), moves an unreadable file aside and says where.
    ///
    /// # Errors
    /// A bad member id, a file from a newer dangxue, a file or folder that cannot be
    /// read, created or written.
    pub fn open(
        paths: &Paths,
        member_id: &str,
        default_name: &str,
    ) -> Result<(StateStore, MemberState, Vec<Notice>), StateError> {
        let (store, state, notices, _) =
            StateStore::open_inner(paths, member_id, default_name, true)?;
        Ok((store, state, notices))
    }

    /// [`StateStore::open`] without writing a new member's state: the last value is
    /// true when there was no state file, and the caller must [`StateStore::save`] the
    /// state for the profile to exist. The TUI does so after its first frame.
    ///
    /// # Errors
    /// As [`StateStore::open`].
    pub fn open_unsaved(
        paths: &Paths,
        member_id: &str,
        default_name: &str,
    ) -> Result<(StateStore, MemberState, Vec<Notice>, bool), StateError> {
        StateStore::open_inner(paths, member_id, default_name, false)
    }

    fn open_inner(
        paths: &Paths,
        member_id: &str,
        default_name: &str,
        write_new: bool,
    ) -> Result<(StateStore, MemberState, Vec<Notice>, bool), StateError> {
        check_member_id(member_id).map_err(StateError::BadId)?;
        let dir = paths.members_dir();
        ensure_private_dir(&dir).map_err(|source| StateError::Write {
            path: dir.clone(),
            source,
        })?;
        let mut notices = Vec::new();
        if let Some(mode) = dir_warning(&dir) {
            notices.push(Notice::OpenFolder {
                folder: dir.clone(),
                mode,
            });
        }
        let mut store = StateStore {
            id: member_id.to_string(),
            file: paths.member_file(member_id),
            lock_file: dir.join(format!("{member_id}.lock")),
            lock_wait: LOCK_WAIT,
            base: MemberState::new(member_id, default_name),
            seen: None,
        };
        // In a folder where the lock file cannot be made nothing can be saved either;
        // reading an existing state still works, and any write reports the folder.
        let lock = match store.lock() {
            Ok(l) => Some(l),
            Err(StateError::Write { .. } | StateError::Lock { .. }) => None,
            Err(e) => return Err(e),
        };
        if lock.is_some() {
            store.remove_stale_temps(&dir);
        }
        let mut unsaved = false;
        let state = match load(&store.file)? {
            Loaded::State(mut s, bytes) => {
                // The file name is the identity; a copied file keeps its old id inside.
                s.member_id.clone_from(&store.id);
                atomic::make_private(&store.file);
                if bytes > LARGE_STATE_BYTES {
                    notices.push(Notice::Large {
                        file: store.file.clone(),
                        bytes,
                    });
                }
                *s
            }
            Loaded::Absent => {
                let s = MemberState::new(member_id, default_name);
                if write_new {
                    store.write(&s)?;
                } else {
                    unsaved = true;
                }
                s
            }
            Loaded::Bad(problem) => {
                notices.push(store.move_aside(&problem)?);
                let s = MemberState::new(member_id, default_name);
                store.write(&s)?;
                s
            }
        };
        store.base = state.clone();
        store.seen = stamp(&store.file);
        Ok((store, state, notices, unsaved))
    }

    /// How long a save waits for another session's save to finish ([`LOCK_WAIT`] by
    /// default), e.g. shorter for a save on the way out after a hang-up.
    pub fn set_lock_wait(&mut self, wait: Duration) {
        self.lock_wait = wait;
    }

    /// The state file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.file
    }

    /// Whether the state file changed on disk since this session last loaded or
    /// saved it (another session saved): one `stat`, nothing read.
    #[must_use]
    pub fn changed_on_disk(&self) -> bool {
        stamp(&self.file) != self.seen
    }
}
