//! Handing a completion file (and its `.sig`) in to a folder other accounts can write
//! to as well: the branch's shared drop folder (`report_dir`), or wherever `export`
//! is told to write.
//!
//! In such a folder (sticky, like `/tmp`) another account could create
//! `<member>-<cycle>.toml` first, or put a symbolic link under that name. So before
//! anything is written, each target name is looked at without following links: a
//! link, something that is not a regular file, or a file another account owns is
//! refused with a message that says who owns it. The file is then written as a new
//! temporary file (never opened through a link, never an existing file) and renamed
//! over the name, so no one else's file is ever written into. It is created with
//! mode 0640 less the member's umask: a stricter umask is kept.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::core::config::Lang;
use crate::strings::{HandInFailure, Refusal};

/// The mode asked for; the umask takes bits off it.
pub const HANDIN_MODE: u32 = 0o640;

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Why a file was not handed in.
#[derive(Debug)]
pub enum HandInError {
    /// The name is taken by a file another account owns.
    Taken {
        /// The target.
        path: PathBuf,
        /// The account that owns it.
        owner: String,
        /// The account writing.
        me: String,
    },
    /// The name is a symbolic link (made by `owner`).
    Link {
        /// The target.
        path: PathBuf,
        /// The account that owns the link.
        owner: String,
    },
    /// The name is a folder, FIFO or other non-file.
    NotAFile {
        /// The target.
        path: PathBuf,
    },
    /// The folder cannot be written (missing, read-only, full).
    Io {
        /// The target.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
}

impl HandInError {
    /// The message in the member's language: what is in the way and what to ask for.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let s = crate::strings::get(lang);
        let (path, why) = match self {
            HandInError::Taken { path, owner, me } => (path, HandInFailure::Taken { owner, me }),
            HandInError::Link { path, owner } => (path, HandInFailure::Link { owner }),
            HandInError::NotAFile { path } => (path, HandInFailure::NotAFile),
            HandInError::Io { path, error } => {
                return s.hand_in_failed(
                    &path.display().to_string(),
                    HandInFailure::Io(&s.io_error(error)),
                );
            }
        };
        s.hand_in_failed(&path.display().to_string(), why)
    }
}

impl std::fmt::Display for HandInError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for HandInError {}

/// The account name of `uid`, or `uid N` when it has none.
#[must_use]
pub fn account_name(uid: u32) -> String {
    match nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)) {
        Ok(Some(u)) => u.name,
        _ => format!("uid {uid}"),
    }
}

/// The uid of the account `login`, if there is one.
#[must_use]
pub fn account_uid(login: &str) -> Option<u32> {
    match nix::unistd::User::from_name(login) {
        Ok(Some(u)) => Some(u.uid.as_raw()),
        _ => None,
    }
}

fn my_uid() -> u32 {
    nix::unistd::geteuid().as_raw()
}

/// Whether `path` may be replaced by this account: `Ok(false)` when there is nothing
/// under the name, `Ok(true)` when it is this account's own regular file.
///
/// # Errors
/// The name is a link, not a file, or another account's file.
pub fn check_target(path: &Path) -> Result<bool, HandInError> {
    let m = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(error) => {
            return Err(HandInError::Io {
                path: path.to_path_buf(),
                error,
            });
        }
    };
    if m.file_type().is_symlink() {
        return Err(HandInError::Link {
            path: path.to_path_buf(),
            owner: account_name(m.uid()),
        });
    }
    if !m.is_file() {
        return Err(HandInError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let me = my_uid();
    if m.uid() != me {
        return Err(HandInError::Taken {
            path: path.to_path_buf(),
            owner: account_name(m.uid()),
            me: account_name(me),
        });
    }
    Ok(true)
}

/// Write `bytes` under `path` as described in the module doc.
///
/// # Errors
/// See [`HandInError`]; then nothing under `path` was changed.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), HandInError> {
    check_target(path)?;
    let io_err = |error| HandInError::Io {
        path: path.to_path_buf(),
        error,
    };
    let name = path
        .file_name()
        .ok_or_else(|| io_err(Refusal::NoFileName.error(io::ErrorKind::InvalidInput)))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = super::atomic::temp_prefix(&name.to_string_lossy());
    let pid = std::process::id();
    let (mut file, temp) = loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!("{prefix}{pid}-{n}"));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(HANDIN_MODE)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(&temp)
        {
            Ok(f) => break (f, temp),
            // Someone else's file, or a stale one of ours: take the next name.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io_err(e)),
        }
    };
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    if let Err(e) = written.and_then(|()| fs::rename(&temp, path)) {
        let _ = fs::remove_file(&temp);
        // Someone may have taken the name meanwhile (a sticky folder then refuses
        // the rename): say so rather than what the rename said.
        check_target(path)?;
        return Err(io_err(e));
    }
    super::atomic::sync_dir(&dir).map_err(io_err)
}

/// Remove this account's own file at `path`, if there is one.
///
/// # Errors
/// When the name is someone else's, or cannot be removed.
pub fn remove_own(path: &Path) -> Result<(), HandInError> {
    if check_target(path)? {
        fs::remove_file(path).map_err(|error| HandInError::Io {
            path: path.to_path_buf(),
            error,
        })?;
    }
    Ok(())
}

/// The path of the signature of the file at `path`: `<file>.sig`.
#[must_use]
pub fn sig_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(".sig");
    PathBuf::from(s)
}

/// Hand in `bytes` under `path` and, when given, its signature as `<path>.sig`,
/// written after the file. Without a signature an old `.sig` of this account's is
/// removed, so it cannot stand beside bytes it does not sign. Both names are checked
/// before anything is written.
///
/// # Errors
/// See [`HandInError`].
pub fn hand_in(path: &Path, bytes: &[u8], sig: Option<&[u8]>) -> Result<(), HandInError> {
    let sig_at = sig_path(path);
    check_target(path)?;
    check_target(&sig_at)?;
    write_file(path, bytes)?;
    match sig {
        Some(s) => write_file(&sig_at, s),
        None => remove_own(&sig_at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).expect("stat").permissions().mode() & 0o777
    }

    #[test]
    fn a_path_without_a_file_name_is_refused_in_the_member_s_language() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let p = tmp.path().join("gone").join("..");
        let e = write_file(&p, b"x").expect_err("no file name");
        assert_eq!(
            e.text(Lang::Zh),
            format!("无法写入 {}：路径中没有文件名", p.display())
        );
        assert_eq!(
            e.text(Lang::En),
            format!("cannot write {}: the path has no file name", p.display())
        );
    }

    #[test]
    fn writes_the_file_then_its_signature_and_drops_a_stale_one() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let p = tmp.path().join("zhangsan-2026-11.toml");
        hand_in(&p, b"one", Some(b"sig one")).expect("first");
        assert_eq!(fs::read(&p).expect("read"), b"one");
        assert_eq!(fs::read(sig_path(&p)).expect("read"), b"sig one");
        hand_in(&p, b"two", None).expect("second");
        assert_eq!(fs::read(&p).expect("read"), b"two");
        assert!(!sig_path(&p).exists(), "the old .sig is gone");
        let names: Vec<_> = fs::read_dir(tmp.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }

    #[test]
    fn never_writes_through_a_link() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let victim = tmp.path().join("victim.txt");
        fs::write(&victim, b"keep").expect("write");
        let p = tmp.path().join("zhangsan-2026-11.toml");
        std::os::unix::fs::symlink(&victim, &p).expect("symlink");
        let e = hand_in(&p, b"evidence", None).expect_err("a link");
        assert!(matches!(e, HandInError::Link { .. }), "{e}");
        assert!(e.text(Lang::En).contains("symbolic link"), "{e}");
        assert_eq!(fs::read(&victim).expect("read"), b"keep");
        // A link under the .sig name stops the file too, before anything is written.
        fs::remove_file(&p).expect("rm");
        std::os::unix::fs::symlink(&victim, sig_path(&p)).expect("symlink");
        assert!(hand_in(&p, b"evidence", Some(b"sig")).is_err());
        assert!(!p.exists());
        assert_eq!(fs::read(&victim).expect("read"), b"keep");
    }

    #[test]
    fn a_folder_under_the_name_is_refused() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let p = tmp.path().join("zhangsan-2026-11.toml");
        fs::create_dir(&p).expect("mkdir");
        let e = write_file(&p, b"x").expect_err("a folder");
        assert!(matches!(e, HandInError::NotAFile { .. }), "{e}");
    }

    #[test]
    fn the_mode_is_0640_less_the_umask() {
        // The test process's umask is whatever it is; the file never gets more than
        // 0640 and never more than the umask allows.
        let tmp = tempfile::tempdir().expect("tempdir");
        let p = tmp.path().join("f.toml");
        write_file(&p, b"x").expect("write");
        let m = mode(&p);
        assert_eq!(m & !HANDIN_MODE, 0, "{m:o}");
        assert_eq!(m & 0o600, 0o600, "{m:o}");
    }

    #[test]
    fn accounts_have_names() {
        assert_eq!(account_name(0), "root");
        assert_eq!(account_uid("root"), Some(0));
        assert_eq!(account_uid("no-such-account-here"), None);
        assert_eq!(account_name(4_000_000_000), "uid 4000000000");
    }
}
