//! Copies kept aside: an unreadable state file moved out of the way (never
//! overwritten), and unsaved work written somewhere writable when it cannot be saved.

use std::fs;
use std::io;
use std::path::PathBuf;

use crate::core::state::MemberState;

use super::errors::shown;
use super::{Notice, StateError, StateProblem, StateStore};
use crate::store::atomic;
use crate::strings::Refusal;

impl StateStore {
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

    /// Move an unreadable state file to `<id>.toml.corrupt-<YYYYMMDDTHHMMSS>` (a
    /// `-2`, `-3`... suffix if that exists). A hard link then unlink never replaces an
    /// existing file; where links are not supported, a checked rename is used.
    pub(super) fn move_aside(&self, problem: &StateProblem) -> Result<Notice, StateError> {
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
        Err(fail(
            Refusal::TooManyAsides.error(io::ErrorKind::AlreadyExists),
        ))
    }
}
