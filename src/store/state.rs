//! Member state files (first version: plain write).

use std::path::PathBuf;

use crate::core::state::MemberState;
use crate::store::paths::Paths;

/// One member's state file.
pub struct StateStore {
    path: PathBuf,
}

/// Result of a save.
pub struct SaveOutcome {
    /// The state as written.
    pub state: MemberState,
}

/// A message for the member about their state file.
#[derive(Debug)]
pub struct Notice(pub String);

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl StateStore {
    /// Open or create.
    ///
    /// # Errors
    /// Unreadable file.
    pub fn open(
        paths: &Paths,
        id: &str,
        name: &str,
    ) -> Result<(StateStore, MemberState, Vec<Notice>), String> {
        let path = paths.member_file(id);
        let _ = std::fs::create_dir_all(paths.members_dir());
        let state = match std::fs::read_to_string(&path) {
            Ok(t) => toml::from_str(&t).map_err(|e| format!("{}: {e}", path.display()))?,
            Err(_) => MemberState::new(id, name),
        };
        Ok((StateStore { path }, state, Vec::new()))
    }

    /// Save.
    ///
    /// # Errors
    /// Write failure.
    pub fn save(&mut self, s: &MemberState) -> Result<SaveOutcome, String> {
        let text = toml::to_string(s).map_err(|e| e.to_string())?;
        std::fs::write(&self.path, text).map_err(|e| e.to_string())?;
        Ok(SaveOutcome { state: s.clone() })
    }
}

/// Members on this account.
#[must_use]
pub fn list_members(paths: &Paths) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(paths.members_dir()) {
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "toml") {
                if let Some(id) = p.file_stem().and_then(|s| s.to_str()) {
                    let name = std::fs::read_to_string(&p)
                        .ok()
                        .and_then(|t| toml::from_str::<MemberState>(&t).ok())
                        .map_or_else(|| id.to_string(), |s| s.name);
                    out.push((id.to_string(), name));
                }
            }
        }
    }
    out.sort();
    out
}

/// Read a member's saved state.
///
/// # Errors
/// Absent or unreadable.
pub fn read_state(paths: &Paths, id: &str) -> anyhow::Result<MemberState> {
    let path = paths.member_file(id);
    let text =
        std::fs::read_to_string(&path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}
