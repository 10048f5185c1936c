//! What the member is told after opening or saving, and why a state could not be
//! opened or saved: every message names the file.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::core::config::Lang;
use crate::core::state::STATE_FORMAT;
use crate::core::text::escape_controls;
use crate::strings::{RecordFailure, WriteHint};

use super::MAX_STATE_BYTES;

/// Something the member should be told after opening or saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The state file could not be read as a state file; it was moved aside intact
    /// and a fresh state started.
    MovedAside {
        /// The state file.
        file: PathBuf,
        /// Where it is now.
        moved_to: PathBuf,
        /// Why it was not read, with the line when known (in English, for the log
        /// of what happened; the member is told where the copy is).
        reason: String,
    },
    /// The members folder can be written by other users.
    OpenFolder {
        /// The folder.
        folder: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The record is larger than [`LARGE_STATE_BYTES`](super::LARGE_STATE_BYTES); it was read all the same.
    Large {
        /// The state file.
        file: PathBuf,
        /// Its size in bytes.
        bytes: u64,
    },
}

impl Notice {
    /// The notice in the member's language.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let s = crate::strings::get(lang);
        match self {
            Notice::MovedAside { moved_to, .. } => s.moved_aside(&shown(moved_to)),
            Notice::OpenFolder { folder, mode } => {
                s.open_folder(&shown(folder), *mode, mode & 0o002 != 0)
            }
            Notice::Large { file, bytes } => s.large_record(&shown(file), bytes / (1024 * 1024)),
        }
    }
}

/// Why the state could not be opened or saved. Every message names the file;
/// [`StateError::text`] words it in the member's language (`Display` in English).
#[derive(Debug)]
pub enum StateError {
    /// The member id cannot name a state file.
    BadId(crate::core::state::IdProblem),
    /// The file was written by a newer dangxue; it is left as it is.
    TooNew {
        /// The state file.
        path: PathBuf,
        /// Its `format`.
        found: i64,
    },
    /// The file is larger than [`MAX_STATE_BYTES`]; it is left as it is.
    TooLarge {
        /// The state file.
        path: PathBuf,
    },
    /// The file exists but cannot be read.
    Read {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
    /// The file is not a state file (only from [`read_member`](super::read_member), which moves nothing).
    Invalid {
        /// The file.
        path: PathBuf,
        /// Why, with the line when known.
        problem: super::StateProblem,
    },
    /// Saving failed; nothing on disk changed.
    Write {
        /// The file or folder that could not be written.
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
    /// Saving failed because the lock file beside the state file cannot be used (a
    /// link or a file of another account in its place); nothing on disk changed.
    Lock {
        /// The state file.
        path: PathBuf,
        /// The lock file.
        lock_file: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Another process held the lock too long.
    Locked {
        /// The state file.
        path: PathBuf,
    },
}

impl StateError {
    /// The message in the member's language: the file, what is wrong, what to do.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let s = crate::strings::get(lang);
        let at = |path: &Path| shown(path);
        match self {
            StateError::BadId(p) => s.id_problem(p),
            StateError::TooNew { path, found } => {
                s.record_failed(&at(path), RecordFailure::TooNew(*found, STATE_FORMAT))
            }
            StateError::TooLarge { path } => s.record_failed(
                &at(path),
                RecordFailure::TooLarge(MAX_STATE_BYTES / (1024 * 1024)),
            ),
            StateError::Read { path, source } => {
                s.record_failed(&at(path), RecordFailure::Read(&s.io_error(source)))
            }
            StateError::Invalid { path, problem } => {
                s.record_failed(&at(path), RecordFailure::Invalid(&problem.text(lang)))
            }
            StateError::Write { path, source } => {
                let folder = path.parent().map(shown).unwrap_or_default();
                s.record_failed(
                    &at(path),
                    RecordFailure::Write(&s.io_error(source), write_hint(source, &folder)),
                )
            }
            StateError::Lock {
                path,
                lock_file,
                source,
            } => {
                let folder = path.parent().map(shown).unwrap_or_default();
                s.record_failed(
                    &at(path),
                    RecordFailure::Write(
                        &s.lock_file(&at(lock_file), &s.io_error(source)),
                        write_hint(source, &folder),
                    ),
                )
            }
            StateError::Locked { path } => s.record_failed(&at(path), RecordFailure::Locked),
        }
    }
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for StateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StateError::Read { source, .. }
            | StateError::Write { source, .. }
            | StateError::Lock { source, .. } => Some(source),
            _ => None,
        }
    }
}

pub(super) fn shown(p: &Path) -> String {
    escape_controls(&p.display().to_string())
}

/// What to do about a failed write in `folder`, by cause.
fn write_hint<'a>(e: &io::Error, folder: &'a str) -> Option<WriteHint<'a>> {
    match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded | io::ErrorKind::FileTooLarge => {
            Some(WriteHint::Full)
        }
        io::ErrorKind::ReadOnlyFilesystem => Some(WriteHint::ReadOnly),
        io::ErrorKind::PermissionDenied => Some(WriteHint::Permission(folder)),
        io::ErrorKind::NotADirectory => Some(WriteHint::NotAFolder(folder)),
        _ => None,
    }
}
