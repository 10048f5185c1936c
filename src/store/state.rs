//! Member state on disk, `<home>/members/<id>.toml`, saved so that nothing is lost.
//!
//! - Every save replaces the file atomically ([`write_atomic`], mode 0600) in a folder
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

use std::fmt;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::core::merge::{self, Conflict};
use crate::core::state::{MemberState, STATE_FORMAT, check_member_id};
use crate::core::text::escape_controls;

use super::atomic::{self, STATE_FILE_MODE, dir_warning, ensure_private_dir, write_atomic};
use super::paths::Paths;

/// Size above which a state file is still read, and the member warned that the
/// record is unusually large. A real one holds a few hundred kilobytes.
pub const LARGE_STATE_BYTES: u64 = 32 * 1024 * 1024;

/// Largest state file read into memory. A larger one is refused and left in place,
/// never moved aside nor replaced: it may still be someone's record.
pub const MAX_STATE_BYTES: u64 = 128 * 1024 * 1024;

/// How long a save waits by default for another session saving the same member.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

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
    /// The record is larger than [`LARGE_STATE_BYTES`]; it was read all the same.
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
    /// The file is not a state file (only from [`read_member`], which moves nothing).
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

fn shown(p: &Path) -> String {
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

/// Why a state file's bytes are not a state this build can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateProblem {
    /// Larger than [`MAX_STATE_BYTES`]: not read, and never moved aside for that.
    TooLarge,
    /// Not UTF-8, from this line on.
    NotUtf8 {
        /// 1-based line of the first bad byte.
        line: usize,
    },
    /// Not TOML, or TOML that is not a state.
    Invalid {
        /// 1-based line, when the parser knows it.
        line: Option<usize>,
        /// The parser's message.
        message: String,
    },
    /// `format` is newer than [`STATE_FORMAT`].
    TooNew {
        /// The file's `format`.
        found: i64,
    },
}

impl fmt::Display for StateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateProblem::TooLarge => write!(
                f,
                "larger than {} MB, too large to read",
                MAX_STATE_BYTES / (1024 * 1024)
            ),
            StateProblem::NotUtf8 { line } => write!(f, "line {line}: not valid UTF-8"),
            StateProblem::Invalid {
                line: Some(l),
                message,
            } => write!(f, "line {l}: {message}"),
            StateProblem::Invalid {
                line: None,
                message,
            } => write!(f, "{message}"),
            StateProblem::TooNew { found } => write!(
                f,
                "state format {found} is newer than this dangxue reads ({STATE_FORMAT})"
            ),
        }
    }
}

/// Read a state file's bytes. Pure: no files, so it can be fuzzed.
///
/// # Errors
/// Why the bytes are not a state this build can use. A newer `format` is reported as
/// [`StateProblem::TooNew`] even when the rest would not parse, so such a file is
/// refused rather than treated as corrupt.
pub fn parse_state(bytes: &[u8]) -> Result<MemberState, StateProblem> {
    if bytes.len() as u64 > MAX_STATE_BYTES {
        return Err(StateProblem::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| StateProblem::NotUtf8 {
        line: crate::core::text::line_of(bytes, e.valid_up_to()),
    })?;
    // Editors on some systems add a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match toml::from_str::<MemberState>(text) {
        Ok(s) if i64::from(s.format) > i64::from(STATE_FORMAT) => Err(StateProblem::TooNew {
            found: i64::from(s.format),
        }),
        Ok(s) => Ok(s),
        Err(e) => {
            let found = toml::from_str::<toml::Table>(text)
                .ok()
                .and_then(|t| t.get("format").and_then(toml::Value::as_integer));
            if let Some(found) = found.filter(|f| *f > i64::from(STATE_FORMAT)) {
                return Err(StateProblem::TooNew { found });
            }
            Err(StateProblem::Invalid {
                line: e
                    .span()
                    .map(|s| crate::core::text::line_of(text.as_bytes(), s.start)),
                message: e.message().trim().to_string(),
            })
        }
    }
}

/// The state file's contents, read with a size limit and without following a
/// symlink. `None` when there is no file.
fn read_limited(path: &Path) -> io::Result<Option<Vec<u8>>> {
    atomic::read_regular_file_nofollow(path, MAX_STATE_BYTES)
}

enum Loaded {
    Absent,
    /// A state, and its size in bytes.
    State(Box<MemberState>, u64),
    Bad(StateProblem),
}

fn load(path: &Path) -> Result<Loaded, StateError> {
    match read_limited(path) {
        Ok(None) => Ok(Loaded::Absent),
        Ok(Some(bytes)) => match parse_state(&bytes) {
            Ok(s) => Ok(Loaded::State(Box::new(s), bytes.len() as u64)),
            Err(StateProblem::TooNew { found }) => Err(StateError::TooNew {
                path: path.to_path_buf(),
                found,
            }),
            Err(StateProblem::TooLarge) => Err(StateError::TooLarge {
                path: path.to_path_buf(),
            }),
            Err(p) => Ok(Loaded::Bad(p)),
        },
        Err(source) => Err(StateError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

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
        if let Some(message) = dir_warning(&dir) {
            notices.push(Notice::OpenFolder { message });
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
            Err(StateError::Write { .. }) => None,
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

    /// Write `state` to a new private file when it cannot be saved to the state file
    /// (full disk, read-only folder, a held lock, a newer format on disk): first
    /// beside the state file, then in the home folder (`$HOME`), then in the
    /// temporary folder. The file is a whole state file; copying it over the state
    /// file (or merging by hand) restores the work.
    ///
    /// # Errors
    /// Every place that was tried, with why it failed.
    pub fn emergency_copy(&self, state: &MemberState) -> Result<PathBuf, String> {
        let text = toml::to_string(state).map_err(|e| e.to_string())?;
        let stamp = jiff::Timestamp::now()
            .strftime("%Y%m%dT%H%M%SZ")
            .to_string();
        let name = format!("dangxue-{}-unsaved-{stamp}.toml", self.id);
        let mut places: Vec<PathBuf> = Vec::new();
        if let Some(dir) = self.file.parent() {
            places.push(dir.to_path_buf());
        }
        if let Some(h) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            places.push(PathBuf::from(h));
        }
        places.push(std::env::temp_dir());
        let mut failures = Vec::new();
        for dir in places {
            for n in 1..100 {
                let path = if n == 1 {
                    dir.join(&name)
                } else {
                    dir.join(format!("{name}-{n}"))
                };
                match atomic::create_private_new(&path, text.as_bytes()) {
                    Ok(()) => return Ok(path),
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                    Err(e) => {
                        failures.push(format!("{}: {e}", shown(&path)));
                        break;
                    }
                }
            }
        }
        Err(failures.join("; "))
    }

    /// The member id.
    #[must_use]
    pub fn member_id(&self) -> &str {
        &self.id
    }

    fn write(&self, state: &MemberState) -> Result<(), StateError> {
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

    /// Take the sidecar lock, waiting up to `lock_wait`. Released when the file is
    /// dropped (and by the kernel if the process dies). Failures name the state file,
    /// which is what cannot be saved.
    fn lock(&self) -> Result<File, StateError> {
        let file = atomic::open_private(&self.lock_file).map_err(|e| StateError::Write {
            path: self.file.clone(),
            // The lock file is what failed; its name goes with the reason.
            source: match e.kind() {
                io::ErrorKind::InvalidInput | io::ErrorKind::PermissionDenied => io::Error::new(
                    e.kind(),
                    format!("the lock file {}: {e}", shown(&self.lock_file)),
                ),
                _ => e,
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

    /// Move an unreadable state file to `<id>.toml.corrupt-<YYYYMMDDTHHMMSS>` (a
    /// `-2`, `-3`... suffix if that exists). A hard link then unlink never replaces an
    /// existing file; where links are not supported, a checked rename is used.
    fn move_aside(&self, problem: &StateProblem) -> Result<Notice, StateError> {
        let stamp = jiff::ZonedDateTime::now()
            .strftime("%Y%m%dT%H%M%S")
            .to_string();
        let file_name = format!("{}.toml.corrupt-{stamp}", self.id);
        let fail = |source| StateError::Write {
            path: self.file.clone(),
            source,
        };
        for n in 1..1000 {
            let target = if n == 1 {
                self.file.with_file_name(&file_name)
            } else {
                self.file.with_file_name(format!("{file_name}-{n}"))
            };
            let moved = match fs::hard_link(&self.file, &target) {
                Ok(()) => fs::remove_file(&self.file),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(_) if !target.exists() => fs::rename(&self.file, &target),
                Err(e) => Err(e),
            };
            moved.map_err(fail)?;
            // A hard link keeps the original's mode, which may be 0644.
            atomic::make_private(&target);
            if let Some(dir) = self.file.parent() {
                atomic::sync_dir(dir).map_err(fail)?;
            }
            return Ok(Notice::MovedAside {
                file: self.file.clone(),
                moved_to: target,
                reason: problem.to_string(),
            });
        }
        Err(fail(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "too many kept-aside copies with the same time",
        )))
    }

    /// Temporary files of this member's saves left by a killed process. Only called
    /// under the lock, when no save of this member is in flight.
    fn remove_stale_temps(&self, dir: &Path) {
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

/// Read a member's state without locking, creating or moving anything, for commands
/// that only look (`status`, `export`). `None` when the member has no state yet.
///
/// # Errors
/// A bad id, an unreadable or invalid file, or one from a newer dangxue.
pub fn read_member(paths: &Paths, member_id: &str) -> Result<Option<MemberState>, StateError> {
    check_member_id(member_id).map_err(StateError::BadId)?;
    let path = paths.member_file(member_id);
    match load(&path)? {
        Loaded::Absent => Ok(None),
        Loaded::State(mut s, _) => {
            s.member_id = member_id.to_string();
            Ok(Some(*s))
        }
        Loaded::Bad(problem) => Err(StateError::Invalid {
            path,
            reason: problem.to_string(),
        }),
    }
}

/// Every member with a state file, as `(id, display name)` sorted by id, for the
/// profile picker. A file that cannot be read is listed with its id as the name, so
/// opening it moves it aside and tells the member.
#[must_use]
pub fn list_members(paths: &Paths) -> Vec<(String, String)> {
    let Ok(entries) = fs::read_dir(paths.members_dir()) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name();
            let id = name.to_str()?.strip_suffix(".toml")?.to_string();
            check_member_id(&id).ok()?;
            let display = read_limited(&e.path())
                .ok()
                .flatten()
                .and_then(|b| parse_state(&b).ok())
                .map_or_else(|| id.clone(), |s| s.name);
            Some((id, display))
        })
        .collect();
    out.sort();
    out
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
