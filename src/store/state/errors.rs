//! What the member is told after opening or saving, and why a state could not be
//! opened or saved: every message names the file.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::core::state::STATE_FORMAT;
use crate::core::text::escape_controls;

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
        /// Why it was not read, with the line when known.
        reason: String,
    },
    /// The members folder can be written by other users.
    OpenFolder {
        /// The full warning, naming the folder and the fix.
        message: String,
    },
    /// The record is larger than [`LARGE_STATE_BYTES`](super::LARGE_STATE_BYTES); it was read all the same.
    Large {
        /// The state file.
        file: PathBuf,
        /// Its size in bytes.
        bytes: u64,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::MovedAside {
                file,
                moved_to,
                reason,
            } => write!(
                f,
                "{}: {}; the file was kept as {} and a new record was started",
                shown(file),
                escape_controls(reason),
                shown(moved_to)
            ),
            Notice::OpenFolder { message } => write!(f, "{}", escape_controls(message)),
            Notice::Large { file, bytes } => write!(
                f,
                "{}: the study record is {} MB, unusually large; it was read all the same (run `dangxue status` to see set-aside versions)",
                shown(file),
                bytes / (1024 * 1024)
            ),
        }
    }
}

/// Why the state could not be opened or saved. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// The member id cannot name a state file.
    #[error("{0}")]
    BadId(String),
    /// The file was written by a newer dangxue; it is left as it is.
    #[error(
        "{}: written by a newer version of dangxue (state format {found}; this one reads format {STATE_FORMAT} and older). Upgrade dangxue to open it; the file was not changed",
        shown(.path)
    )]
    TooNew {
        /// The state file.
        path: PathBuf,
        /// Its `format`.
        found: i64,
    },
    /// The file is larger than [`MAX_STATE_BYTES`]; it is left as it is.
    #[error(
        "{}: larger than {} MB, too large to read; the file was not changed. Move it elsewhere to start a new record",
        shown(.path),
        MAX_STATE_BYTES / (1024 * 1024)
    )]
    TooLarge {
        /// The state file.
        path: PathBuf,
    },
    /// The file exists but cannot be read.
    #[error("{}: cannot read the study record: {source}", shown(.path))]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
    /// The file is not a state file (only from [`read_member`](super::read_member), which moves nothing).
    #[error(
        "{}: not a valid study record: {reason}. Open dangxue for this member to keep it aside and start a new record",
        shown(.path)
    )]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Why, with the line when known.
        reason: String,
    },
    /// Saving failed; nothing on disk changed.
    #[error(
        "{}: cannot save the study record: {}{}. Your work is still in memory and will be saved once this is fixed",
        shown(.path),
        .source,
        write_hint(.source, .path)
    )]
    Write {
        /// The file or folder that could not be written.
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
    /// Another process held the lock too long.
    #[error(
        "{}: another dangxue process is saving this member and did not finish in time; your work is still in memory, try again",
        shown(.path)
    )]
    Locked {
        /// The state file.
        path: PathBuf,
    },
}

pub(super) fn shown(p: &Path) -> String {
    escape_controls(&p.display().to_string())
}

/// What to do about a failed write, by cause.
fn write_hint(e: &io::Error, path: &Path) -> String {
    let folder = path.parent().map(shown).unwrap_or_default();
    match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded | io::ErrorKind::FileTooLarge => {
            " (the disk or your quota is full: free some space)".into()
        }
        io::ErrorKind::ReadOnlyFilesystem => " (the disk is mounted read-only)".into(),
        io::ErrorKind::PermissionDenied => format!(" (check that you may write to {folder})"),
        io::ErrorKind::NotADirectory => {
            format!(" (a part of {folder} is a file, not a folder)")
        }
        _ => String::new(),
    }
}
