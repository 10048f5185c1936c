//! Crash-safe writes and private folders.
//!
//! A file written with [`write_atomic`] is always either the old or the new version,
//! whenever the process is killed: the bytes go to a fresh temporary file in the same
//! folder, which is flushed to disk and then renamed over the target, and the folder
//! itself is flushed so the rename survives a power cut.
//!
//! # Files on a shared server
//! Members folders may sit where other accounts can write (a careless `chmod`, a
//! shared home). So every file the program creates is private whatever the umask
//! (the mode is set on the open descriptor, not left to `umask`), and every file
//! opened in such a folder is opened with `O_NOFOLLOW` and checked to be a regular
//! file of our own ([`open_private`], [`read_regular_file_nofollow`]): a symlink
//! planted as `<id>.lock` can neither make the program chmod a victim's file nor
//! create files where it points. Temporary files are created with `O_EXCL`, which
//! never follows a link either.

use std::fs::{self, DirBuilder, File, OpenOptions, Permissions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::strings::Refusal;

/// Mode of member state files.
pub const STATE_FILE_MODE: u32 = 0o600;
/// Mode of private folders (the members folder).
pub const PRIVATE_DIR_MODE: u32 = 0o700;

/// Makes temporary names unique within the process; the pid makes them unique
/// between processes.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The prefix of temporary files [`write_atomic`] makes for `file_name`:
/// `.<file_name>.tmp-`. Files with this prefix left by a killed process can be
/// removed by whoever holds the file's lock.
#[must_use]
pub fn temp_prefix(file_name: &str) -> String {
    format!(".{file_name}.tmp-")
}

/// Replace `path` with `bytes` atomically, leaving the file with exactly `mode`
/// (whatever the umask).
///
/// # Errors
/// Any I/O error (full disk, read-only folder, parent not a folder); then `path` is
/// unchanged and no temporary file is left behind.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| Refusal::NoFileName.error(io::ErrorKind::InvalidInput))?;
    let dir = parent_dir(path);
    let prefix = temp_prefix(&name.to_string_lossy());
    let pid = std::process::id();
    loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!("{prefix}{pid}-{n}"));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&temp)
        {
            Ok(file) => return finish(file, &temp, path, &dir, bytes, mode),
            // A file of a dead process with the same pid: try the next name.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
}

fn finish(
    mut file: File,
    temp: &Path,
    path: &Path,
    dir: &Path,
    bytes: &[u8],
    mode: u32,
) -> io::Result<()> {
    let written = file
        .set_permissions(Permissions::from_mode(mode))
        .and_then(|()| file.write_all(bytes))
        .and_then(|()| file.sync_all());
    drop(file);
    if let Err(e) = written.and_then(|()| fs::rename(temp, path)) {
        let _ = fs::remove_file(temp);
        return Err(e);
    }
    sync_dir(dir)
}

/// The folder holding `path` (`.` for a bare file name).
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Flush a folder's entries, so a rename in it is on disk.
///
/// # Errors
/// When the folder cannot be opened or flushed. File systems that cannot flush a
/// folder (`EINVAL`) are not an error.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir).and_then(|d| d.sync_all()) {
        Err(e) if e.kind() == io::ErrorKind::InvalidInput => Ok(()),
        other => other,
    }
}

/// Read a regular file of at most `max` bytes (one more is read, so a caller can tell
/// that the file is larger). `None` when there is no file. Opened without blocking and
/// checked to be a regular file, so a FIFO or device put in its place is an error, not
/// a hang.
///
/// # Errors
/// When the file cannot be opened or read, or is not a regular file.
pub fn read_regular_file(path: &Path, max: u64) -> io::Result<Option<Vec<u8>>> {
    read_with(path, max, libc::O_NONBLOCK)
}

fn read_with(path: &Path, max: u64, flags: i32) -> io::Result<Option<Vec<u8>>> {
    let file = match OpenOptions::new()
        .read(true)
        .custom_flags(flags | libc::O_CLOEXEC)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(name_symlink(e)),
    };
    let kind = file.metadata()?.file_type();
    if !kind.is_file() {
        let what = if kind.is_dir() {
            Refusal::Folder
        } else {
            Refusal::NotRegular
        };
        return Err(what.error(io::ErrorKind::InvalidInput));
    }
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

/// Open (creating it if needed) a small private file such as a lock or session
/// file: never through a symlink (`O_NOFOLLOW`), never a FIFO or device, and left
/// with mode 0600 whatever the umask. A file of another account is refused rather
/// than used, and its mode is never touched.
///
/// # Errors
/// When the file cannot be opened or created, is a symlink, is not a regular file,
/// or belongs to another user.
pub fn open_private(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(STATE_FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(name_symlink)?;
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(Refusal::NotRegular.error(io::ErrorKind::InvalidInput));
    }
    if meta.uid() != effective_uid() {
        return Err(Refusal::OtherOwner(meta.uid()).error(io::ErrorKind::PermissionDenied));
    }
    // Created under a umask that took bits off or put bits on; a second name (hard
    // link) means it is not a file this program made, so it is not chmodded.
    if meta.permissions().mode() & 0o7777 != STATE_FILE_MODE && meta.nlink() == 1 {
        file.set_permissions(Permissions::from_mode(STATE_FILE_MODE))?;
    }
    Ok(file)
}

/// Create a new private file (mode 0600 whatever the umask) that did not exist, for
/// copies kept aside: `O_EXCL` fails on anything already there, a symlink included.
///
/// # Errors
/// When the file exists or cannot be created or written.
pub fn create_private_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(STATE_FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)?;
    let written = file
        .set_permissions(Permissions::from_mode(STATE_FILE_MODE))
        .and_then(|()| file.write_all(bytes))
        .and_then(|()| file.sync_all());
    if written.is_err() {
        drop(file);
        let _ = fs::remove_file(path);
    }
    written
}

/// Set mode 0600 on `path` if it is a regular file of ours, without following a
/// symlink. Errors are ignored: this only tightens what is already there.
pub fn make_private(path: &Path) {
    let Ok(file) = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
    else {
        return;
    };
    if let Ok(meta) = file.metadata()
        && meta.file_type().is_file()
        && meta.uid() == effective_uid()
        && meta.permissions().mode() & 0o7777 != STATE_FILE_MODE
    {
        let _ = file.set_permissions(Permissions::from_mode(STATE_FILE_MODE));
    }
}

/// The effective user id of this process.
#[must_use]
#[allow(unsafe_code)]
pub fn effective_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// `O_NOFOLLOW` on a symlink fails with `ELOOP`, whose text ("too many levels of
/// symbolic links") says nothing useful here.
fn name_symlink(e: io::Error) -> io::Error {
    if e.raw_os_error() == Some(libc::ELOOP) {
        Refusal::Symlink.error(io::ErrorKind::InvalidInput)
    } else {
        e
    }
}

/// Like [`read_regular_file`], but a symlink in place of the file is an error, not
/// followed: for files in the members folder.
///
/// # Errors
/// As [`read_regular_file`], and when the path is a symlink.
pub fn read_regular_file_nofollow(path: &Path, max: u64) -> io::Result<Option<Vec<u8>>> {
    read_with(path, max, libc::O_NONBLOCK | libc::O_NOFOLLOW)
}

/// Create `path` and any missing parents, each created folder with mode 0700 whatever
/// the umask. A folder that already exists is left as it is (see [`dir_warning`]).
///
/// # Errors
/// When a folder cannot be created, or `path` exists and is not a folder.
pub fn ensure_private_dir(path: &Path) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut at = path;
    loop {
        match fs::metadata(at) {
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                missing.push(at);
                match at.parent() {
                    Some(p) if !p.as_os_str().is_empty() => at = p,
                    _ => break,
                }
            }
            Err(e) => return Err(e),
        }
    }
    for dir in missing.iter().rev() {
        match DirBuilder::new().mode(PRIVATE_DIR_MODE).create(dir) {
            // The umask may have taken bits off the mode asked for.
            Ok(()) => fs::set_permissions(dir, Permissions::from_mode(PRIVATE_DIR_MODE))?,
            // Another process made it meanwhile: fine, it is checked like any other.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    if fs::metadata(path)?.is_dir() {
        Ok(())
    } else {
        Err(Refusal::NotAFolder.error(io::ErrorKind::NotADirectory))
    }
}

/// The permission bits of the folder at `path` when its group or everyone can write
/// it (anyone who can write there can replace a member's state file), to be warned
/// about; `None` when it is private or cannot be read.
#[must_use]
pub fn dir_warning(path: &Path) -> Option<u32> {
    let mode = fs::metadata(path).ok()?.permissions().mode() & 0o7777;
    (mode & 0o022 != 0).then_some(mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode_of(p: &Path) -> u32 {
        fs::metadata(p).expect("stat").permissions().mode() & 0o7777
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn reads_only_regular_files_without_blocking() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let f = tmp.path().join("f");
        assert!(read_regular_file(&f, 10).expect("absent").is_none());
        fs::write(&f, b"0123456789abc").expect("write");
        assert_eq!(
            read_regular_file(&f, 100).expect("read"),
            Some(b"0123456789abc".to_vec())
        );
        assert_eq!(
            read_regular_file(&f, 4).expect("read"),
            Some(b"01234".to_vec())
        );
        let e = read_regular_file(tmp.path(), 10).expect_err("a folder");
        assert_eq!(e.to_string(), "it is a folder");
        let fifo = tmp.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let e = read_regular_file(&fifo, 10).expect_err("a fifo");
        assert_eq!(e.to_string(), "it is not a regular file");
    }

    #[test]
    fn writes_replaces_and_sets_the_mode() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let p = tmp.path().join("zhangsan.toml");
        write_atomic(&p, "第一版".as_bytes(), 0o600).expect("first write");
        assert_eq!(fs::read_to_string(&p).expect("read"), "第一版");
        assert_eq!(mode_of(&p), 0o600);
        write_atomic(&p, b"second", 0o640).expect("second write");
        assert_eq!(fs::read(&p).expect("read"), b"second");
        assert_eq!(mode_of(&p), 0o640);
        assert_eq!(
            names(tmp.path()),
            vec!["zhangsan.toml"],
            "no temporary file left"
        );
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temp() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let p = tmp.path().join("x.toml");
        write_atomic(&p, b"old", 0o600).expect("write");
        // Renaming a file over a folder fails after the temp file is written.
        let d = tmp.path().join("dir");
        fs::create_dir(&d).expect("mkdir");
        fs::write(d.join("keep"), b"k").expect("write");
        assert!(write_atomic(&d, b"new", 0o600).is_err());
        assert_eq!(fs::read(&p).expect("read"), b"old");
        assert_eq!(names(tmp.path()), vec!["dir", "x.toml"]);
    }

    #[test]
    fn a_parent_that_is_a_file_is_an_error() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let f = tmp.path().join("file");
        fs::write(&f, b"").expect("write");
        let e = write_atomic(&f.join("x.toml"), b"x", 0o600).expect_err("not a folder");
        assert_eq!(e.kind(), io::ErrorKind::NotADirectory);
        let e = ensure_private_dir(&f.join("members")).expect_err("not a folder");
        assert_eq!(e.kind(), io::ErrorKind::NotADirectory);
        let e = ensure_private_dir(&f).expect_err("a file");
        assert_eq!(e.kind(), io::ErrorKind::NotADirectory);
    }

    #[test]
    fn private_dirs_are_0700_even_with_an_open_mode_asked() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let d = tmp.path().join("a/b/members");
        ensure_private_dir(&d).expect("create");
        for p in [tmp.path().join("a"), tmp.path().join("a/b"), d.clone()] {
            assert_eq!(mode_of(&p), 0o700, "{}", p.display());
        }
        assert_eq!(dir_warning(&d), None);
        ensure_private_dir(&d).expect("existing is fine");
    }

    #[test]
    fn existing_dirs_are_left_alone_but_warned_about() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let d = tmp.path().join("members");
        fs::create_dir(&d).expect("mkdir");
        fs::set_permissions(&d, Permissions::from_mode(0o777)).expect("chmod");
        ensure_private_dir(&d).expect("exists");
        assert_eq!(mode_of(&d), 0o777);
        assert_eq!(dir_warning(&d), Some(0o777));
        fs::set_permissions(&d, Permissions::from_mode(0o770)).expect("chmod");
        assert_eq!(dir_warning(&d), Some(0o770));
        fs::set_permissions(&d, Permissions::from_mode(0o755)).expect("chmod");
        assert_eq!(dir_warning(&d), None);
    }
}
