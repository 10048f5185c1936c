//! Real small disks for the tests of saving when the disk is full or read-only: a
//! tmpfs, mounted for one test. Mounting needs root (or `CAP_SYS_ADMIN`), as CI runs;
//! elsewhere such a test fails, loudly, rather than passing without having run.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A mounted tmpfs at its path; unmounted on drop, so a failing test leaves no mount
/// behind.
pub struct Mount(pub PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// A tmpfs of `size` (`"256k"`) at `dir`, made if it is not there.
pub fn mount_tmpfs(dir: &Path, size: &str) -> Mount {
    std::fs::create_dir_all(dir).expect("mount point");
    let out = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(dir)
        .output()
        .expect("run mount");
    assert!(
        out.status.success(),
        "this test mounts a small tmpfs and needs root (run as root, as CI does): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Mount(dir.to_path_buf())
}

/// Make the file system mounted at `dir` read-only.
pub fn remount_read_only(dir: &Path) {
    let ok = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(dir)
        .status()
        .expect("remount")
        .success();
    assert!(ok, "remount {} read-only", dir.display());
}
