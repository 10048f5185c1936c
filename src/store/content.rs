//! Loading units: the built-in ones compiled into the binary, then each folder of
//! `content_dirs`, where a unit with a built-in id replaces the built-in one.

use std::path::{Path, PathBuf};

use crate::core::config::Lang;
use crate::core::unit::{self, Unit};
use crate::strings::{FileIssue, Reading};

include!(concat!(env!("OUT_DIR"), "/builtin_units.rs"));

/// Largest unit file read; larger files are reported and skipped.
pub const MAX_UNIT_BYTES: u64 = 16 * 1024 * 1024;

/// Where a unit came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled in; the path under `content/`.
    Builtin(&'static str),
    /// A file in a content dir.
    File(PathBuf),
}

/// What is wrong with a file: a unit's problem as data, or a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A problem of a unit file, worded in the reader's language when shown.
    Unit(unit::ProblemKind),
    /// A problem of a plan or completion file, worded when shown.
    Doc(crate::core::tomldoc::Issue),
    /// A problem of the file as a whole, or one `check` finds, worded when shown.
    File(FileIssue),
    /// Any other problem, already worded.
    Text(String),
}

impl From<FileIssue> for Message {
    fn from(i: FileIssue) -> Message {
        Message::File(i)
    }
}

impl From<String> for Message {
    fn from(s: String) -> Message {
        Message::Text(s)
    }
}

impl Message {
    /// The message in `lang`.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Message::Unit(k) => crate::strings::findings::get(lang).unit.problem(k),
            Message::Doc(i) => crate::strings::findings::get(lang).issue(i),
            Message::File(i) => crate::strings::get(lang).file_issue(i),
            Message::Text(s) => s.clone(),
        }
    }
}

/// A problem with a file, as `path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file.
    pub path: String,
    /// 1-based line; 0 when the problem is the whole file (unreadable).
    pub line: usize,
    /// What is wrong.
    pub message: Message,
}

impl FileProblem {
    /// `path:line: message` with the message in `lang`, controls escaped.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let path = crate::core::text::escape_controls(&self.path);
        let message = crate::core::text::escape_controls(&self.message.text(lang));
        if self.line == 0 {
            format!("{path}: {message}")
        } else {
            format!("{path}:{}: {message}", self.line)
        }
    }
}

pub use super::library::{Entry, Library};
pub use super::title_cache::{CacheWrite, Checked, Update, load_cached, load_titles_cached};

pub(super) fn unit_problems(path: &str, problems: Vec<unit::Problem>) -> Vec<FileProblem> {
    problems
        .into_iter()
        .map(|p| FileProblem {
            path: path.to_string(),
            line: p.line,
            message: Message::Unit(p.kind),
        })
        .collect()
}

/// Load the built-in units. A broken built-in unit is a build defect; it is reported
/// like any other so the program still starts.
#[must_use]
pub fn load_builtin() -> Library {
    let mut lib = Library::default();
    for (path, text) in BUILTIN {
        match unit::parse(text) {
            Ok(u) => lib.insert(u, Origin::Builtin(path)),
            Err(ps) => lib.problems.extend(unit_problems(path, ps)),
        }
    }
    lib
}

/// Every `.md` file under `dir` except `README.md`, sorted; symlinks are not followed
/// so a content dir cannot pull in files from elsewhere by accident.
///
/// # Errors
/// When `dir` itself cannot be read.
pub fn unit_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut first = true;
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) if first => return Err(e),
            Err(_) => continue,
        };
        first = false;
        for e in entries.flatten() {
            let Ok(ft) = e.file_type() else { continue };
            let p = e.path();
            if ft.is_dir() {
                stack.push(p);
            } else if ft.is_file()
                && p.extension().is_some_and(|x| x == "md")
                && p.file_name().is_some_and(|n| n != "README.md")
            {
                out.push(p);
            }
        }
    }
    // Path order (component by component), the order replacement by id follows; by
    // a byte key, as comparing paths component by component is most of the listing.
    out.sort_by_cached_key(|p| path_order_key(p));
    Ok(out)
}

/// A key whose byte order is the order of paths that share their folder's prefix
/// and whose other components are plain names, as [`unit_files`] makes them: each
/// `/` as the smallest byte, so that a name sorts before any longer name it starts
/// and a folder's files sort by their names. (NUL is in no path.)
fn path_order_key(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str()
        .as_bytes()
        .iter()
        .map(|&b| if b == b'/' { 0 } else { b })
        .collect()
}

/// Read a UTF-8 text file of at most `max` bytes; `what` names it in messages. Not
/// `fs::read`: a FIFO put in the file's place would block it forever, so the file is
/// opened without blocking and must be a regular file.
///
/// # Errors
/// One problem naming the file: too large, unreadable, gone, or not UTF-8 (with the
/// line of the first bad byte).
pub fn read_text(path: &Path, max: u64, what: Reading) -> Result<String, FileProblem> {
    let shown = path.display().to_string();
    let whole = |issue: FileIssue| FileProblem {
        path: shown.clone(),
        line: 0,
        message: Message::File(issue),
    };
    let bytes = match super::atomic::read_regular_file(path, max) {
        Ok(Some(b)) if b.len() as u64 <= max => b,
        Ok(Some(_)) => {
            return Err(whole(FileIssue::TooLarge {
                what,
                mb: max / (1024 * 1024),
            }));
        }
        Ok(None) => return Err(whole(FileIssue::Missing(what))),
        Err(e) => {
            return Err(whole(FileIssue::ReadFailed {
                what,
                error: (&e).into(),
            }));
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        let line = crate::core::text::line_of(e.as_bytes(), e.utf8_error().valid_up_to());
        FileProblem {
            path: shown.clone(),
            line,
            message: Message::File(FileIssue::NotUtf8),
        }
    })
}

/// Read and parse one unit file.
///
/// # Errors
/// Every problem, with the path.
pub fn load_file(path: &Path) -> Result<Unit, Vec<FileProblem>> {
    let text = read_text(path, MAX_UNIT_BYTES, Reading::Unit).map_err(|p| vec![p])?;
    unit::parse(&text).map_err(|ps| unit_problems(&path.display().to_string(), ps))
}

/// The unit files of a content dir; `None` (and a problem) when it cannot be read.
pub(super) fn dir_files(problems: &mut Vec<FileProblem>, dir: &Path) -> Option<Vec<PathBuf>> {
    match unit_files(dir) {
        Ok(f) => Some(f),
        Err(e) => {
            problems.push(FileProblem {
                path: dir.display().to_string(),
                line: 0,
                message: Message::File(FileIssue::Folder {
                    content: true,
                    error: e.to_string(),
                }),
            });
            None
        }
    }
}

/// `job` on every file, spread over the cores (reading and parsing is most of the
/// start-up time with many units), the results in the files' order so that
/// replacement by id stays deterministic.
pub(super) fn in_parallel<T: Send>(files: &[PathBuf], job: &(dyn Fn(&Path) -> T + Sync)) -> Vec<T> {
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8);
    let chunk = files.len().div_ceil(workers).max(64);
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|f| job(f)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

/// Add the units of a content dir to `lib`; same id replaces, later files (in path
/// order) over earlier ones.
pub fn add_dir(lib: &mut Library, dir: &Path) {
    let Some(files) = dir_files(&mut lib.problems, dir) else {
        return;
    };
    let results = in_parallel(&files, &load_file);
    for (f, result) in files.into_iter().zip(results) {
        match result {
            Ok(u) => lib.insert(u, Origin::File(f)),
            Err(ps) => lib.problems.extend(ps),
        }
    }
}

/// The built-in units plus every content dir, in order.
#[must_use]
pub fn load(content_dirs: &[PathBuf]) -> Library {
    let mut lib = load_builtin();
    for d in content_dirs {
        add_dir(&mut lib, d);
    }
    lib
}

/// The start of a unit file through the closing `+++` line of its front matter:
/// what [`unit::parse_meta`] needs. `None` when the front matter is not closed
/// within the size a front matter may have (the whole file then says what is wrong).
fn read_head(path: &Path) -> Result<Option<String>, FileProblem> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let whole = |e: std::io::Error| FileProblem {
        path: path.display().to_string(),
        line: 0,
        message: Message::File(FileIssue::ReadFailed {
            what: Reading::Unit,
            error: (&e).into(),
        }),
    };
    // Not blocking: a FIFO put in the file's place reads as empty instead of waiting.
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(whole)?;
    let cap = unit::MAX_FRONT_MATTER_BYTES + 64 * 1024;
    let mut bytes: Vec<u8> = Vec::with_capacity(8 * 1024);
    let mut scanned = 0;
    loop {
        if bytes.len() == bytes.capacity() {
            bytes.reserve(bytes.len());
        }
        let at = bytes.len();
        let spare = bytes.capacity() - at;
        bytes.resize(at + spare, 0);
        let read = file.read(&mut bytes[at..]);
        bytes.truncate(at + *read.as_ref().unwrap_or(&0));
        let n = match read {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(whole(e)),
        };
        let eof = n == 0;
        if let Some(end) = closing_line_end(&bytes, &mut scanned, eof) {
            bytes.truncate(end);
            break;
        }
        if eof {
            break;
        }
        if bytes.len() > cap {
            return Ok(None);
        }
    }
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let line = crate::core::text::line_of(e.as_bytes(), e.utf8_error().valid_up_to());
        FileProblem {
            path: path.display().to_string(),
            line,
            message: Message::File(FileIssue::NotUtf8),
        }
    })
}

/// The end of the line closing the front matter (a later line that is `+++` once
/// trailing whitespace is cut, as the parser reads it), looking at whole lines from
/// `*from` on; the last line counts only at the end of the file.
fn closing_line_end(bytes: &[u8], from: &mut usize, eof: bool) -> Option<usize> {
    let mut start = *from;
    while start < bytes.len() {
        let end = match bytes[start..].iter().position(|b| *b == b'\n') {
            Some(i) => start + i + 1,
            None if eof => bytes.len(),
            None => break,
        };
        let line = &bytes[start..end];
        if start > 0 && line.trim_ascii_end() == b"+++" {
            return Some(end);
        }
        start = end;
    }
    *from = start;
    None
}

/// The metadata of one unit file, or why it is skipped.
pub(super) fn load_meta(path: &Path) -> Result<unit::Meta, Vec<FileProblem>> {
    match read_head(path).map_err(|p| vec![p])? {
        Some(head) => {
            unit::parse_meta(&head).map_err(|ps| unit_problems(&path.display().to_string(), ps))
        }
        None => load_file(path).map(|u| u.meta),
    }
}

/// The built-in units by their metadata, each parsed whole when first asked for.
pub(super) fn builtin_titles() -> Library {
    let mut lib = Library::default();
    for (path, text) in BUILTIN {
        match unit::parse_meta(text) {
            Ok(m) => lib.add(Entry::lazy(m, Origin::Builtin(path), Some(text))),
            Err(ps) => lib.problems.extend(unit_problems(path, ps)),
        }
    }
    lib
}

/// The built-in units plus every content dir, in order, by their metadata alone:
/// each file is read up to the end of its front matter, its questions and body
/// when the unit is first asked for (see [`Library`]). What the TUI starts with.
#[must_use]
pub fn load_titles(content_dirs: &[PathBuf]) -> Library {
    let mut lib = builtin_titles();
    for dir in content_dirs {
        let Some(files) = dir_files(&mut lib.problems, dir) else {
            continue;
        };
        let results = in_parallel(&files, &load_meta);
        for (f, result) in files.into_iter().zip(results) {
            match result {
                Ok(m) => lib.add(Entry::lazy(m, Origin::File(f), None)),
                Err(ps) => lib.problems.extend(ps),
            }
        }
    }
    lib
}

/// The library being read on a thread of its own, so the first frame need not wait
/// for every unit file: first the library the title cache recorded (see
/// [`Loading::shown`]), then what the check of every file found (see
/// [`Loading::wait`]).
#[derive(Debug)]
pub struct Loading {
    /// Where the library from the cache comes, taken by the first [`Loading::shown`].
    shown: Option<std::sync::mpsc::Receiver<Option<Library>>>,
    inner: LoadingInner,
}

/// What the check found, and the title cache to write when it changed.
type Loaded = (Checked, Option<Update>);

#[derive(Debug)]
enum LoadingInner {
    Thread(std::thread::JoinHandle<Loaded>),
    /// The thread could not be started; read here, at once.
    Ready(Box<Loaded>),
}

/// Start reading the library of the built-in units and `content_dirs` by their
/// titles on a thread of its own: with `cache`, the library the title cache in that
/// file recorded, then the check of every unit file against it (see
/// [`load_cached`]); without, every file.
pub fn load_titles_in_background(content_dirs: &[PathBuf], cache: Option<&Path>) -> Loading {
    let dirs = content_dirs.to_vec();
    let cache = cache.map(Path::to_path_buf);
    let (send, receive) = std::sync::mpsc::sync_channel(1);
    let read = move |send: &std::sync::mpsc::SyncSender<Option<Library>>| {
        let Some(file) = &cache else {
            let _ = send.send(None);
            return (Checked::Changed(load_titles(&dirs)), None);
        };
        // Nobody waiting for the library shown (the start went on without it) is
        // no reason to stop.
        load_cached(&dirs, file, std::time::SystemTime::now(), |shown| {
            let _ = send.send(shown);
        })
    };
    let spawned = std::thread::Builder::new().name("library".into()).spawn({
        let send = send.clone();
        let read = read.clone();
        move || read(&send)
    });
    let inner = match spawned {
        Ok(h) => LoadingInner::Thread(h),
        Err(_) => LoadingInner::Ready(Box::new(read(&send))),
    };
    Loading {
        shown: Some(receive),
        inner,
    }
}

impl Loading {
    /// The library as the title cache recorded it, waiting for the cache to be read
    /// (not for the unit files): to show while they are checked. `None` without a
    /// cache this build wrote for these content dirs, and on every call after the
    /// first.
    pub fn shown(&mut self) -> Option<Library> {
        self.shown.take()?.recv().ok().flatten()
    }

    /// What the check of every unit file found (waiting for the thread if it is still
    /// at it), and the title cache's write, started now on a thread when the cache
    /// changed: called once the first frame is out, so the write never delays it. A
    /// panic of the reading thread is carried on here, as if it had happened on the
    /// caller's thread.
    pub fn wait(self) -> (Checked, CacheWrite) {
        let (checked, update) = match self.inner {
            LoadingInner::Thread(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            LoadingInner::Ready(loaded) => *loaded,
        };
        (checked, CacheWrite::start(update))
    }
}
