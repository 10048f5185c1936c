//! All file I/O: where things live, loading units and config, saving state.

pub mod content;
pub mod paths;
pub mod state;

/// Write a file atomically with `mode`.
///
/// # Errors
/// The I/O error.
pub fn write_file(path: &std::path::Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, bytes)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}
