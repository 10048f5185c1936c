//! The layout of the title cache file, read back only when it is whole: a magic
//! word, the build's tag, the body's length and checksum, then the body (the moment
//! its files were looked at, and per content dir its path and one record per unit
//! file: path, stamp, metadata). Integers are little-endian; a text is its length
//! (`u32`) and its UTF-8 bytes.

use std::borrow::Cow;
use std::collections::HashMap;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::SystemTime;

use super::{MAX_CACHE_BYTES, UNSURE_NS};
use crate::core::unit::{Kind, Meta};

/// Changes whenever the layout of the file changes.
const FORMAT: u32 = 1;

/// The first bytes of every cache file.
const MAGIC: &[u8; 8] = b"dxtitles";

/// The identity of a unit file from one `stat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    pub(super) dev: u64,
    pub(super) ino: u64,
    pub(super) size: u64,
    pub(super) mtime: i128,
    pub(super) ctime: i128,
}

/// Bytes of an encoded [`Stamp`].
const STAMP_BYTES: usize = 8 * 3 + 16 * 2;

impl Stamp {
    /// The stamp of the regular file at `path`, not following a symlink (as
    /// [`unit_files`](crate::store::content::unit_files) does not).
    pub(super) fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::symlink_metadata(path).ok()?;
        m.file_type().is_file().then(|| Stamp {
            dev: m.dev(),
            ino: m.ino(),
            size: m.size(),
            mtime: nanos(m.mtime(), m.mtime_nsec()),
            ctime: nanos(m.ctime(), m.ctime_nsec()),
        })
    }

    /// Both times lie well before `taken`, so an edit after that moment shows.
    pub(super) fn settled_before(&self, taken: i128) -> bool {
        self.mtime < taken - UNSURE_NS && self.ctime < taken - UNSURE_NS
    }

    fn encode(&self, out: &mut Vec<u8>) {
        for n in [self.dev, self.ino, self.size] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out.extend_from_slice(&self.mtime.to_le_bytes());
        out.extend_from_slice(&self.ctime.to_le_bytes());
    }

    fn decode(r: &mut Reader<'_>) -> Option<Stamp> {
        Some(Stamp {
            dev: r.u64()?,
            ino: r.u64()?,
            size: r.u64()?,
            mtime: r.i128()?,
            ctime: r.i128()?,
        })
    }
}

fn nanos(secs: i64, nsecs: i64) -> i128 {
    i128::from(secs) * 1_000_000_000 + i128::from(nsecs)
}

/// `at` as nanoseconds since the epoch (negative before it).
pub(super) fn since_epoch(at: SystemTime) -> i128 {
    match at.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => i128::try_from(d.as_nanos()).unwrap_or(i128::MAX),
        Err(e) => i128::try_from(e.duration().as_nanos()).map_or(i128::MIN, |n| -n),
    }
}

/// What this build writes and accepts: the crate's version, the format and the
/// identity of the running binary, so that a rebuilt program never reads metadata
/// the way an older one parsed it. `None` when the binary cannot be looked at; then
/// no cache is used.
pub(super) fn build_tag() -> Option<Vec<u8>> {
    let exe = std::env::current_exe().ok()?;
    let m = std::fs::metadata(exe).ok()?;
    let tag = format!(
        "dangxue {} format {FORMAT} binary {}:{}:{}:{}",
        env!("CARGO_PKG_VERSION"),
        m.dev(),
        m.ino(),
        m.size(),
        nanos(m.mtime(), m.mtime_nsec())
    );
    Some(tag.into_bytes())
}

/// A checksum of the body, so a file damaged in place is not believed.
pub(super) fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = 0x243F_6A88_85A3_08D3 ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        h = (h ^ u64::from_le_bytes(b)).wrapping_mul(K).rotate_left(29);
    }
    for &b in words.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(K).rotate_left(29);
    }
    h ^ (h >> 32)
}

/// Reads the file's fields, `None` at the first one cut short.
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.rest.len() {
            return None;
        }
        let (head, rest) = self.rest.split_at(n);
        self.rest = rest;
        Some(head)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.array::<1>()?[0])
    }

    fn u32(&mut self) -> Option<usize> {
        usize::try_from(u32::from_le_bytes(self.array()?)).ok()
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.array()?))
    }

    fn i128(&mut self) -> Option<i128> {
        Some(i128::from_le_bytes(self.array()?))
    }

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()?;
        self.take(n)
    }

    fn string(&mut self) -> Option<String> {
        std::str::from_utf8(self.bytes()?).ok().map(str::to_owned)
    }

    /// Whether an optional text follows.
    fn present(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.u32()?;
        // Each string takes at least its length; a count beyond that is damage.
        let mut v = Vec::with_capacity(n.min(self.rest.len() / 4));
        for _ in 0..n {
            v.push(self.string()?);
        }
        Some(v)
    }
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) -> Option<()> {
    out.extend_from_slice(&u32::try_from(b.len()).ok()?.to_le_bytes());
    out.extend_from_slice(b);
    Some(())
}

fn put_opt(out: &mut Vec<u8>, s: Option<&str>) -> Option<()> {
    match s {
        None => out.push(0),
        Some(s) => {
            out.push(1);
            put_bytes(out, s.as_bytes())?;
        }
    }
    Some(())
}

fn put_strings(out: &mut Vec<u8>, v: &[String]) -> Option<()> {
    out.extend_from_slice(&u32::try_from(v.len()).ok()?.to_le_bytes());
    for s in v {
        put_bytes(out, s.as_bytes())?;
    }
    Some(())
}

/// A unit's metadata as the cache holds it; `None` when a text is too long to.
pub(super) fn encode_meta(meta: &Meta) -> Option<Vec<u8>> {
    // Every field, by name: a new one cannot be forgotten here.
    let Meta {
        id,
        title,
        kind,
        column,
        authors,
        source,
        tags,
        note,
    } = meta;
    let mut out = Vec::with_capacity(64 + id.len() + title.len());
    put_bytes(&mut out, id.as_bytes())?;
    put_bytes(&mut out, title.as_bytes())?;
    out.push(match kind {
        Kind::Article => 0,
        Kind::Constitution => 1,
        Kind::Brief => 2,
    });
    put_opt(&mut out, column.as_deref())?;
    put_strings(&mut out, authors)?;
    put_opt(&mut out, source.as_deref())?;
    put_strings(&mut out, tags)?;
    put_opt(&mut out, note.as_deref())?;
    Some(out)
}

pub(super) fn decode_meta(bytes: &[u8]) -> Option<Meta> {
    let mut r = Reader { rest: bytes };
    let meta = Meta {
        id: r.string()?,
        title: r.string()?,
        kind: match r.u8()? {
            0 => Kind::Article,
            1 => Kind::Constitution,
            2 => Kind::Brief,
            _ => return None,
        },
        column: if r.present()? {
            Some(r.string()?)
        } else {
            None
        },
        authors: r.strings()?,
        source: if r.present()? {
            Some(r.string()?)
        } else {
            None
        },
        tags: r.strings()?,
        note: if r.present()? {
            Some(r.string()?)
        } else {
            None
        },
    };
    r.rest.is_empty().then_some(meta)
}

/// One unit file as the cache holds it: its path, stamp and encoded metadata.
pub(super) struct Record<'a> {
    pub(super) path: &'a [u8],
    pub(super) stamp: Stamp,
    pub(super) meta: Cow<'a, [u8]>,
}

/// The records of one content dir, in the order its files are listed.
pub(super) struct Section<'a> {
    pub(super) dir: &'a [u8],
    pub(super) records: Vec<Record<'a>>,
}

/// The records of one section by path, as of the cache's moment.
pub(super) struct Lookup<'s, 'a> {
    section: &'s Section<'a>,
    by_path: HashMap<&'a [u8], usize>,
    taken: i128,
}

impl<'s, 'a> Lookup<'s, 'a> {
    /// Look up the records of `section` of a cache made at `taken`.
    pub(super) fn new(section: &'s Section<'a>, taken: i128) -> Lookup<'s, 'a> {
        let by_path = section
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.path, i))
            .collect();
        Lookup {
            section,
            by_path,
            taken,
        }
    }

    /// How many records.
    pub(super) fn len(&self) -> usize {
        self.section.records.len()
    }

    /// The record of `path` and its place in the section, when the file is still
    /// the one recorded and was settled when the cache's files were looked at.
    pub(super) fn fresh(
        &self,
        path: &Path,
        stamp: Option<Stamp>,
    ) -> Option<(usize, &'s Record<'a>)> {
        let stamp = stamp?;
        let at = *self.by_path.get(path.as_os_str().as_bytes())?;
        let r = &self.section.records[at];
        (r.stamp == stamp && stamp.settled_before(self.taken)).then_some((at, r))
    }
}

/// A whole cache: when its files were looked at, and a section per content dir.
pub(super) struct Cache<'a> {
    pub(super) taken: i128,
    pub(super) sections: Vec<Section<'a>>,
}

/// The cache in `bytes`, if it is whole and made by this build.
pub(super) fn decode<'a>(bytes: &'a [u8], tag: &[u8]) -> Option<Cache<'a>> {
    let mut r = Reader { rest: bytes };
    if r.take(MAGIC.len())? != MAGIC || r.bytes()? != tag {
        return None;
    }
    let len = usize::try_from(r.u64()?).ok()?;
    let sum = r.u64()?;
    if r.rest.len() != len || checksum(r.rest) != sum {
        return None;
    }
    let taken = r.i128()?;
    let n = r.u32()?;
    let mut sections = Vec::with_capacity(n.min(r.rest.len() / 8));
    for _ in 0..n {
        let dir = r.bytes()?;
        let count = r.u32()?;
        let mut records = Vec::with_capacity(count.min(r.rest.len() / (STAMP_BYTES + 8)));
        for _ in 0..count {
            records.push(Record {
                path: r.bytes()?,
                stamp: Stamp::decode(&mut r)?,
                meta: Cow::Borrowed(r.bytes()?),
            });
        }
        sections.push(Section { dir, records });
    }
    r.rest.is_empty().then_some(Cache { taken, sections })
}

/// The bytes of a cache made by the build of `tag`; `None` when larger than
/// [`MAX_CACHE_BYTES`] (it would be ignored when read).
pub(super) fn encode(cache: &Cache<'_>, tag: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    body.extend_from_slice(&cache.taken.to_le_bytes());
    body.extend_from_slice(&u32::try_from(cache.sections.len()).ok()?.to_le_bytes());
    for s in &cache.sections {
        put_bytes(&mut body, s.dir)?;
        body.extend_from_slice(&u32::try_from(s.records.len()).ok()?.to_le_bytes());
        for r in &s.records {
            put_bytes(&mut body, r.path)?;
            r.stamp.encode(&mut body);
            put_bytes(&mut body, &r.meta)?;
        }
    }
    let mut out = Vec::with_capacity(body.len() + tag.len() + 32);
    out.extend_from_slice(MAGIC);
    put_bytes(&mut out, tag)?;
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(&body).to_le_bytes());
    out.extend_from_slice(&body);
    (out.len() as u64 <= MAX_CACHE_BYTES).then_some(out)
}
