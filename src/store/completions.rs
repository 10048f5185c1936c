//! Reading the completion files a secretary collected: listing a folder without
//! following links, and reading one file into a reused buffer without blocking on a
//! FIFO or reading more than a completion file can be.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::core::tomldoc::MAX_DOCUMENT_BYTES;

/// Files to read as (name shown, path), and notes on what was skipped.
pub type Listing = (Vec<(String, PathBuf)>, Vec<String>);

/// The `.toml` files directly in `dir`, sorted by name, and notes on what was
/// skipped. Symbolic links are skipped, so nothing outside the folder is read.
pub fn completion_files(dir: &Path) -> anyhow::Result<Listing> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?;
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for e in entries {
        let e = e.with_context(|| format!("cannot list the folder {}", dir.display()))?;
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".toml") {
            continue;
        }
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_symlink() {
            skipped.push(format!(
                "{name}: a symbolic link (copy the file into the folder instead)"
            ));
        } else if ft.is_file() {
            files.push((name, e.path()));
        } else if !ft.is_dir() {
            skipped.push(format!("{name}: not a regular file"));
        }
    }
    files.sort();
    Ok((files, skipped))
}

/// Read one file into `buf` without following a link swapped in after listing and
/// without blocking on a FIFO.
pub fn read_file<'b>(path: &Path, buf: &'b mut Vec<u8>) -> Result<&'b str, (usize, String)> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut f = opts
        .open(path)
        .map_err(|e| (0, format!("cannot read: {e}")))?;
    match f.metadata() {
        Ok(m) if m.is_file() => {}
        Ok(_) => return Err((0, "not a regular file".into())),
        Err(e) => return Err((0, format!("cannot read: {e}"))),
    }
    buf.clear();
    let cap = MAX_DOCUMENT_BYTES as u64;
    (&mut f)
        .take(cap + 1)
        .read_to_end(buf)
        .map_err(|e| (0, format!("cannot read: {e}")))?;
    if buf.len() as u64 > cap {
        return Err((
            0,
            format!(
                "larger than {} MB: not a completion file",
                cap / (1024 * 1024)
            ),
        ));
    }
    std::str::from_utf8(buf).map_err(|e| {
        let line = crate::core::text::line_of(buf, e.valid_up_to());
        (line, "not valid UTF-8: save the file as UTF-8".to_string())
    })
}
