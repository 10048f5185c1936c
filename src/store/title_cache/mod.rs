//! The title cache: each unit file's metadata as [`load_titles`] reads it, kept in
//! `<home>/cache/titles.bin` beside the file's identity from one `stat`. A start
//! shows the library the cache recorded before looking at any unit file, then
//! checks every file against it, reading only those that changed ([`load_cached`]).
//!
//! A cached entry stands for its file only when the file's device, inode, size,
//! mtime and ctime (to the nanosecond) are all those recorded, and both times lie more
//! than [`UNSURE_NS`] before the moment the cache's files were looked at: an edit in
//! the same clock tick as that look could leave every one of them as it was. The
//! cache names the build that made it and the content dir of each part; a file that
//! does not read back whole (another build, cut short, a wrong checksum or shape,
//! larger than [`MAX_CACHE_BYTES`], not a regular file of ours) counts as no cache at
//! all. Files whose metadata does not parse are never cached, so their problems are
//! found and told on every start, as without a cache.
//!
//! [`load_titles`]: super::content::load_titles

mod format;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::SystemTime;

use self::format::{
    Cache, Lookup, Record, Section, Stamp, build_tag, decode, decode_meta, encode, encode_meta,
    since_epoch,
};
use super::content::{Entry, FileProblem, Library, Origin, builtin_titles, dir_files, in_parallel};
use crate::core::unit::Meta;

/// Largest cache file read or written; a larger one is ignored, as if absent.
pub const MAX_CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// How close to the cache's moment a file's mtime or ctime makes it untrusted.
pub const UNSURE_NS: i128 = 2_000_000_000;

/// The bytes of the cache file, if it is a regular file of ours no larger than
/// [`MAX_CACHE_BYTES`]. Never through a symlink, never blocking on a FIFO.
fn read_cache_file(path: &Path) -> Option<Vec<u8>> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .ok()?;
    let m = file.metadata().ok()?;
    if !m.file_type().is_file()
        || m.uid() != super::atomic::effective_uid()
        || m.len() > MAX_CACHE_BYTES
    {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(m.len()).ok()?);
    file.take(MAX_CACHE_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 <= MAX_CACHE_BYTES).then_some(bytes)
}

/// What the cache learnt in one reading of the library, to be written once the
/// first frame is out.
#[derive(Debug)]
pub struct Update {
    file: PathBuf,
    bytes: Vec<u8>,
}

impl Update {
    /// Replace the cache file atomically. A failure is ignored (a start without the
    /// cache only reads every file), and leaves no partial file.
    pub fn write(self) {
        let Some(dir) = self.file.parent() else {
            return;
        };
        if super::atomic::ensure_private_dir(dir).is_err() {
            return;
        }
        if let Some(name) = self.file.file_name().and_then(|n| n.to_str()) {
            remove_stale_temps(dir, name);
        }
        let _ =
            super::atomic::write_atomic(&self.file, &self.bytes, super::atomic::STATE_FILE_MODE);
    }
}

/// Remove the temporary files of cache writes cut short by a process that has
/// ended since (killed in the middle of its write); those of a living process are
/// its write in progress.
fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = super::atomic::temp_prefix(name);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let file_name = e.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|rest| rest.split('-').next())
            .and_then(|p| p.parse::<i32>().ok())
            .filter(|p| *p > 0)
        else {
            continue;
        };
        let gone = matches!(
            nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None),
            Err(nix::errno::Errno::ESRCH)
        );
        if gone {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// A cache write started on a thread of its own: see [`CacheWrite::finish`].
#[derive(Debug)]
#[must_use = "the process may end in the middle of the write"]
pub struct CacheWrite(Option<JoinHandle<()>>);

impl CacheWrite {
    /// Start writing `update`, if there is one, on a thread; when the thread cannot
    /// be started the cache is simply not written.
    pub(super) fn start(update: Option<Update>) -> CacheWrite {
        CacheWrite(update.and_then(|u| {
            std::thread::Builder::new()
                .name("title-cache".into())
                .spawn(move || u.write())
                .ok()
        }))
    }

    /// Wait until the write is done, so that it is not cut short by the end of the
    /// process.
    pub fn finish(self) {
        if let Some(h) = self.0 {
            let _ = h.join();
        }
    }
}

/// What became of one unit file.
enum Look<'a> {
    /// Unchanged since the cache: its record there and its place in the section,
    /// and the metadata decoded from it unless it is known to decode (the library
    /// shown was built from every record).
    Cached(Option<Box<Meta>>, usize, &'a Record<'a>),
    /// Read now (its stamp taken just before, when it could be). Boxed: the check
    /// keeps one of these per file, and most files are cached.
    Read(Box<ReadNow>),
}

/// A unit file read by the check: its stamp taken just before (when it could be),
/// and its metadata or why it is skipped.
type ReadNow = (Option<Stamp>, Result<Meta, Vec<FileProblem>>);

/// A file of a content dir that the new cache keeps.
struct Kept<'a> {
    /// Its place in the dir's list of files.
    file: usize,
    stamp: Stamp,
    meta: Cow<'a, [u8]>,
}

/// What looking at every unit file found, against the library shown from the cache.
#[derive(Debug)]
pub enum Checked {
    /// Every unit file is as the cache recorded it: the library shown from the cache
    /// is the one the files give. Only these problems are to be added: those of the
    /// files never cached (their metadata does not parse), read again so that they
    /// are told on every start, and of content dirs that cannot be listed.
    Same(Vec<FileProblem>),
    /// The library as the files give it now, in place of any shown.
    Changed(Library),
}

/// Whether `cache` was made for exactly `dirs`, in that order.
fn made_for(cache: &Cache<'_>, dirs: &[PathBuf]) -> bool {
    cache.sections.len() == dirs.len()
        && cache
            .sections
            .iter()
            .zip(dirs)
            .all(|(s, d)| s.dir == d.as_os_str().as_bytes())
}

/// The library `cache` recorded: the built-in units, then each record in order, as
/// reading the files the records name would add them. `None` when a record does not
/// decode.
fn cached_library(cache: &Cache<'_>) -> Option<Library> {
    let mut lib = builtin_titles();
    for r in cache.sections.iter().flat_map(|s| &s.records) {
        let path = PathBuf::from(std::ffi::OsStr::from_bytes(r.path));
        lib.add(Entry::lazy(decode_meta(&r.meta)?, Origin::File(path), None));
    }
    Some(lib)
}

/// The library exactly as [`load_titles`](super::content::load_titles) reads it,
/// taking each unchanged file's metadata from the cache at `file` instead of the
/// file, and the new cache to write when anything changed. `now` is the moment the
/// files are looked at (a file changed within [`UNSURE_NS`] of it is not cached).
#[must_use]
pub fn load_titles_cached(
    content_dirs: &[PathBuf],
    file: &Path,
    now: SystemTime,
) -> (Library, Option<Update>) {
    let mut shown = None;
    let (checked, update) = load_cached(content_dirs, file, now, |lib| shown = lib);
    let lib = match (checked, shown) {
        (Checked::Same(problems), Some(mut lib)) => {
            lib.problems.extend(problems);
            lib
        }
        (Checked::Changed(lib), _) => lib,
        // Never: the files are found the same only when a library was shown.
        (Checked::Same(_), None) => super::content::load_titles(content_dirs),
    };
    (lib, update)
}

/// A start through the title cache at `file`: first `show` is given the library
/// the cache recorded for exactly `content_dirs`, built without looking at any unit
/// file (`None` when there is no such cache this build wrote); then every unit file
/// is looked at. What that found: the library shown is the one the files give (each
/// file as recorded, none added, none gone), or the library they give now, read
/// from the files where they changed and from the cache where they did not; and the
/// new cache to write when anything changed. `now` is the moment the files are
/// looked at (a file changed within [`UNSURE_NS`] of it is not cached).
pub fn load_cached(
    content_dirs: &[PathBuf],
    file: &Path,
    now: SystemTime,
    show: impl FnOnce(Option<Library>),
) -> (Checked, Option<Update>) {
    // Without content dirs there is nothing to keep: no folder is made for it.
    let Some(tag) = build_tag().filter(|_| !content_dirs.is_empty()) else {
        show(None);
        return (
            Checked::Changed(super::content::load_titles(content_dirs)),
            None,
        );
    };
    let taken = since_epoch(now);
    let bytes = read_cache_file(file);
    let old = bytes.as_deref().and_then(|b| decode(b, &tag));
    let ours = old.as_ref().is_some_and(|c| made_for(c, content_dirs));
    let shown = old.as_ref().filter(|_| ours).and_then(cached_library);
    let shown_any = shown.is_some();
    show(shown);
    let mut changed = !ours;
    let mut same = shown_any;
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    // Per content dir: its files, and what the new cache keeps of them (by index).
    let mut kept: Vec<(Vec<PathBuf>, Vec<Kept<'_>>)> = Vec::new();
    for dir in content_dirs {
        let section = old.as_ref().and_then(|c| {
            let s = c
                .sections
                .iter()
                .find(|s| s.dir == dir.as_os_str().as_bytes())?;
            Some(Lookup::new(s, c.taken))
        });
        let files = dir_files(&mut problems, dir).unwrap_or_default();
        let look = |f: &Path| {
            let stamp = Stamp::of(f);
            if let Some(s) = &section
                && let Some((at, r)) = s.fresh(f, stamp)
            {
                // When the files are as recorded, the library shown is the one
                // they give: their metadata is decoded only when it is not.
                if shown_any {
                    return Look::Cached(None, at, r);
                }
                if let Some(meta) = decode_meta(&r.meta) {
                    return Look::Cached(Some(Box::new(meta)), at, r);
                }
            }
            Look::Read(Box::new((stamp, super::content::load_meta(f))))
        };
        let mut records = Vec::new();
        let mut hits = 0;
        // The place of the last record found: the files must come in the records'
        // order for the library shown to be theirs.
        let mut last = None;
        let at_dir = kept.len();
        for (i, result) in in_parallel(&files, &look).into_iter().enumerate() {
            match result {
                Look::Cached(meta, at, r) => {
                    hits += 1;
                    same &= last < Some(at);
                    last = Some(at);
                    records.push(Kept {
                        file: i,
                        stamp: r.stamp,
                        meta: Cow::Borrowed(&r.meta),
                    });
                    entries.push((meta.map(|m| *m).ok_or(&*r.meta), at_dir, i));
                }
                Look::Read(read) => match *read {
                    (stamp, Ok(meta)) => {
                        same = false;
                        if let Some(stamp) = stamp.filter(|s| s.settled_before(taken))
                            && let Some(bytes) = encode_meta(&meta)
                        {
                            records.push(Kept {
                                file: i,
                                stamp,
                                meta: Cow::Owned(bytes),
                            });
                        }
                        entries.push((Ok(meta), at_dir, i));
                    }
                    (_, Err(ps)) => problems.extend(ps),
                },
            }
        }
        let recorded = section.as_ref().map_or(0, Lookup::len);
        same &= hits == recorded;
        changed |= hits != recorded || records.len() != hits;
        kept.push((files, records));
    }
    let checked = if same {
        Checked::Same(problems)
    } else {
        let mut lib = builtin_titles();
        lib.problems.extend(problems);
        for (meta, at_dir, i) in entries {
            let f = kept[at_dir].0[i].clone();
            // Every record decoded when the library shown was built from them.
            match meta.or_else(|bytes| decode_meta(bytes).ok_or(())) {
                Ok(meta) => lib.add(Entry::lazy(meta, Origin::File(f), None)),
                Err(()) => match super::content::load_meta(&f) {
                    Ok(meta) => lib.add(Entry::lazy(meta, Origin::File(f), None)),
                    Err(ps) => lib.problems.extend(ps),
                },
            }
        }
        Checked::Changed(lib)
    };
    if !changed {
        return (checked, None);
    }
    let new = Cache {
        taken,
        sections: content_dirs
            .iter()
            .zip(&kept)
            .map(|(dir, (files, records))| Section {
                dir: dir.as_os_str().as_bytes(),
                records: records
                    .iter()
                    .map(|k| Record {
                        path: files[k.file].as_os_str().as_bytes(),
                        stamp: k.stamp,
                        meta: Cow::Borrowed(&k.meta),
                    })
                    .collect(),
            })
            .collect(),
    };
    let update = encode(&new, &tag).map(|bytes| Update {
        file: file.to_path_buf(),
        bytes,
    });
    (checked, update)
}
