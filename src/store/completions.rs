//! Reading the completion files a secretary collected: listing a folder without
//! following links, and reading one file into a reused buffer without blocking on a
//! FIFO or reading more than a completion file can be.

use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::core::report::Unreadable;
use crate::core::sshsig::SigUnreadable;
use crate::core::tomldoc::MAX_DOCUMENT_BYTES;
use crate::strings::FileIssue;

use super::content::{FileProblem, Message};

/// What a folder of completion files holds.
#[derive(Debug, Default)]
pub struct Listing {
    /// Regular `*.toml` files to read, as (name shown, path), sorted by name.
    pub files: Vec<(String, PathBuf)>,
    /// `*.toml` entries that are not regular files, with why, sorted by name.
    pub unreadable: Vec<(String, Unreadable)>,
    /// Every other entry except signatures (`*.toml.sig`), sorted: not read, but
    /// listed so nothing in the folder is skipped silently.
    pub others: Vec<String>,
}

/// List `dir` without following links: every `*.toml` that is a regular file is to
/// be read; a symlink, directory or special file of that name is unreadable.
///
/// # Errors
/// When the folder cannot be listed: the problem, naming it.
pub fn completion_files(dir: &Path) -> Result<Listing, FileProblem> {
    let fail = |e: std::io::Error| FileProblem {
        path: dir.display().to_string(),
        line: 0,
        message: Message::File(FileIssue::Folder {
            content: false,
            error: e.to_string(),
        }),
    };
    let entries = std::fs::read_dir(dir).map_err(fail)?;
    let mut l = Listing::default();
    for e in entries {
        let e = e.map_err(fail)?;
        let name = e.file_name().to_string_lossy().into_owned();
        // SPEC names the files `<member_id>.toml` exactly: `X.TOML` is another file.
        #[allow(clippy::case_sensitive_file_extension_comparisons)]
        if !name.ends_with(".toml") {
            if !name.ends_with(".toml.sig") {
                l.others.push(name);
            }
            continue;
        }
        match e.file_type() {
            Ok(ft) if ft.is_symlink() => l.unreadable.push((name, Unreadable::Symlink)),
            Ok(ft) if ft.is_file() => l.files.push((name, e.path())),
            Ok(ft) if ft.is_dir() => l.unreadable.push((name, Unreadable::Directory)),
            Ok(_) => l.unreadable.push((name, Unreadable::Special)),
            Err(err) => l.unreadable.push((name, Unreadable::Io(err.to_string()))),
        }
    }
    l.files.sort();
    l.unreadable.sort_by(|a, b| a.0.cmp(&b.0));
    l.others.sort();
    Ok(l)
}

/// Read one file into `buf` without following a link swapped in after listing and
/// without blocking on a FIFO.
///
/// # Errors
/// Why the file could not be read as UTF-8 text of a completion file's size.
pub fn read_file<'b>(path: &Path, buf: &'b mut Vec<u8>) -> Result<&'b str, Unreadable> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut f = opts.open(path).map_err(|e| Unreadable::Io(e.to_string()))?;
    match f.metadata() {
        Ok(m) if m.is_file() => {}
        Ok(m) if m.is_dir() => return Err(Unreadable::Directory),
        Ok(_) => return Err(Unreadable::Special),
        Err(e) => return Err(Unreadable::Io(e.to_string())),
    }
    buf.clear();
    let cap = MAX_DOCUMENT_BYTES as u64;
    (&mut f)
        .take(cap + 1)
        .read_to_end(buf)
        .map_err(|e| Unreadable::Io(e.to_string()))?;
    if buf.len() as u64 > cap {
        return Err(Unreadable::TooBig {
            mb: cap / (1024 * 1024),
        });
    }
    std::str::from_utf8(buf).map_err(|e| Unreadable::NotUtf8 {
        line: crate::core::text::line_of(buf, e.valid_up_to()),
    })
}

/// Read the signature `<file>.sig` beside a completion file: `Ok(None)` when there is
/// none. Not through a link, not from a FIFO, at most
/// [`crate::core::sshsig::MAX_SIG_BYTES`].
///
/// # Errors
/// Why what is under the name cannot be taken as a signature file.
pub fn read_sig(path: &Path) -> Result<Option<Vec<u8>>, SigUnreadable> {
    use std::os::unix::fs::OpenOptionsExt;
    let system = |e: std::io::Error| SigUnreadable::System(e.to_string());
    let mut f = match std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Err(SigUnreadable::Symlink),
        Err(e) => return Err(system(e)),
    };
    if !f.metadata().map_err(system)?.is_file() {
        return Err(SigUnreadable::NotRegular);
    }
    let cap = crate::core::sshsig::MAX_SIG_BYTES;
    let mut bytes = Vec::new();
    (&mut f)
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(system)?;
    if bytes.len() as u64 > cap {
        return Err(SigUnreadable::TooLarge(cap / 1024));
    }
    Ok(Some(bytes))
}

/// The account that owns the entry at `path` (the link itself, never its target);
/// `None` when it cannot be looked at.
#[must_use]
pub fn owner_uid(path: &Path) -> Option<u32> {
    std::fs::symlink_metadata(path).ok().map(|m| m.uid())
}
