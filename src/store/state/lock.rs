//! Advisory locks: the sidecar lock each save takes, and the session lock that tells
//! whether another session of the member is running.

use std::fs::{self, File};
use std::io;
use std::time::{Duration, Instant};

use super::{StateError, StateStore};
use crate::store::atomic;
use crate::store::paths::Paths;

impl StateStore {
    /// Take the sidecar lock, waiting up to `lock_wait`. Released when the file is
    /// dropped (and by the kernel if the process dies). Failures name the state file,
    /// which is what cannot be saved.
    pub(super) fn lock(&self) -> Result<File, StateError> {
        let file = atomic::open_private(&self.lock_file).map_err(|source| match source.kind() {
            // The lock file itself is what is refused: its name goes with the reason.
            io::ErrorKind::InvalidInput | io::ErrorKind::PermissionDenied => StateError::Lock {
                path: self.file.clone(),
                lock_file: self.lock_file.clone(),
                source,
            },
            _ => StateError::Write {
                path: self.file.clone(),
                source,
            },
        })?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < self.lock_wait => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(StateError::Locked {
                        path: self.file.clone(),
                    });
                }
                Err(fs::TryLockError::Error(source)) => {
                    return Err(StateError::Write {
                        path: self.file.clone(),
                        source,
                    });
                }
            }
        }
    }
}

/// Whether this is the only session of a member, from an advisory lock held on
/// `<id>.session` for the session's lifetime.
#[derive(Debug)]
pub enum Session {
    /// No other session: the lock is held until this is dropped.
    Alone(File),
    /// Another session of the member holds the lock.
    Other,
    /// The session file cannot be made (a read-only folder, a symlink in its place);
    /// whether another session runs is unknown.
    Unknown(io::Error),
}

/// Claim the session lock of `id` (the file is private and opened without following
/// a symlink).
#[must_use]
pub fn claim_session(paths: &Paths, id: &str) -> Session {
    let path = paths.members_dir().join(format!("{id}.session"));
    match atomic::open_private(&path) {
        Err(e) => Session::Unknown(e),
        Ok(file) => match file.try_lock() {
            Ok(()) => Session::Alone(file),
            Err(fs::TryLockError::WouldBlock) => Session::Other,
            Err(fs::TryLockError::Error(e)) => Session::Unknown(e),
        },
    }
}
