//! Reading state files: the bytes parsed (pure), one file loaded with a size limit,
//! a member read for commands that only look, and the list of members.

use std::fmt;
use std::fs;
use std::io;
use std::path::Path;

use crate::core::state::{MemberState, STATE_FORMAT, check_member_id};

use super::{MAX_STATE_BYTES, StateError};
use crate::store::atomic;
use crate::store::paths::Paths;

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

impl StateProblem {
    /// The problem in `lang`.
    #[must_use]
    pub fn text(&self, lang: crate::core::config::Lang) -> String {
        use crate::strings::RecordProblem;
        let p = match self {
            StateProblem::TooLarge => RecordProblem::TooLarge(MAX_STATE_BYTES / (1024 * 1024)),
            StateProblem::NotUtf8 { line } => RecordProblem::NotUtf8(*line),
            StateProblem::Invalid { line, message } => RecordProblem::Invalid {
                line: line.unwrap_or(0),
                message,
            },
            StateProblem::TooNew { found } => RecordProblem::TooNew(*found, STATE_FORMAT),
        };
        crate::strings::get(lang).record_problem(p)
    }
}

/// In English, as kept in [`Notice::MovedAside`](super::Notice::MovedAside).
impl fmt::Display for StateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(crate::core::config::Lang::En))
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
pub(super) fn read_limited(path: &Path) -> io::Result<Option<Vec<u8>>> {
    atomic::read_regular_file_nofollow(path, MAX_STATE_BYTES)
}

pub(super) enum Loaded {
    Absent,
    /// A state, and its size in bytes.
    State(Box<MemberState>, u64),
    Bad(StateProblem),
}

pub(super) fn load(path: &Path) -> Result<Loaded, StateError> {
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
        Loaded::Bad(problem) => Err(StateError::Invalid { path, problem }),
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
