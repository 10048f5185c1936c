//! Loading units: the built-in ones compiled into the binary, then each folder of
//! `content_dirs`, where a unit with a built-in id replaces the built-in one.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::core::config::Lang;
use crate::core::unit::{self, Unit};

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

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Builtin(p) => write!(f, "{p} (built in)"),
            Origin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// What is wrong with a file: a unit's problem as data, or a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A problem of a unit file, worded in the reader's language when shown.
    Unit(unit::ProblemKind),
    /// A problem of a plan or completion file, worded when shown.
    Doc(crate::core::tomldoc::Issue),
    /// Any other problem, already worded.
    Text(String),
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

/// In English, for logs; `dangxue check` shows [`FileProblem::text`] in the
/// secretary's language.
impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// The units of one run, by id, and what could not be loaded.
#[derive(Debug, Default)]
pub struct Library {
    /// Units sorted by id.
    pub units: BTreeMap<String, (Unit, Origin)>,
    /// Files skipped, with why.
    pub problems: Vec<FileProblem>,
}

impl Library {
    /// The unit with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Unit> {
        self.units.get(id).map(|(u, _)| u)
    }

    /// Units in id order.
    pub fn iter(&self) -> impl Iterator<Item = &Unit> {
        self.units.values().map(|(u, _)| u)
    }
}

impl crate::core::unit::Catalog for Library {
    fn unit(&self, id: &str) -> Option<&Unit> {
        self.get(id)
    }
    fn ids(&self) -> Vec<&str> {
        self.units.keys().map(String::as_str).collect()
    }
}

fn unit_problems(path: &str, problems: Vec<unit::Problem>) -> Vec<FileProblem> {
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
            Ok(u) => {
                lib.units.insert(u.id.clone(), (u, Origin::Builtin(path)));
            }
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
    out.sort();
    Ok(out)
}

/// Read a UTF-8 text file of at most `max` bytes; `what` names it in messages ("a
/// unit", "the plan"). Not `fs::read`: a FIFO put in the file's place would block it
/// forever, so the file is opened without blocking and must be a regular file.
///
/// # Errors
/// One problem naming the file: too large, unreadable, gone, or not UTF-8 (with the
/// line of the first bad byte).
pub fn read_text(path: &Path, max: u64, what: &str) -> Result<String, FileProblem> {
    let shown = path.display().to_string();
    let whole = |message: String| FileProblem {
        path: shown.clone(),
        line: 0,
        message: message.into(),
    };
    let too_big = || {
        whole(format!(
            "file is larger than the {} MB {what} may be",
            max / (1024 * 1024)
        ))
    };
    let bytes = match super::atomic::read_regular_file(path, max) {
        Ok(Some(b)) if b.len() as u64 <= max => b,
        Ok(Some(_)) => return Err(too_big()),
        Ok(None) => return Err(whole(format!("cannot read {what}: there is no such file"))),
        Err(e) => return Err(whole(format!("cannot read {what}: {e}"))),
    };
    String::from_utf8(bytes).map_err(|e| {
        let line = crate::core::text::line_of(e.as_bytes(), e.utf8_error().valid_up_to());
        FileProblem {
            path: shown.clone(),
            line,
            message: Message::Text("not valid UTF-8: save the file as UTF-8".into()),
        }
    })
}

/// Read and parse one unit file.
///
/// # Errors
/// Every problem, with the path.
pub fn load_file(path: &Path) -> Result<Unit, Vec<FileProblem>> {
    let text = read_text(path, MAX_UNIT_BYTES, "a unit").map_err(|p| vec![p])?;
    unit::parse(&text).map_err(|ps| unit_problems(&path.display().to_string(), ps))
}

/// One file's outcome: the unit, or why it was skipped.
type Loaded = (PathBuf, Result<Unit, Vec<FileProblem>>);

/// Add the units of a content dir to `lib`; same id replaces, later files (in path
/// order) over earlier ones.
pub fn add_dir(lib: &mut Library, dir: &Path) {
    let files = match unit_files(dir) {
        Ok(f) => f,
        Err(e) => {
            lib.problems.push(FileProblem {
                path: dir.display().to_string(),
                line: 0,
                message: format!("cannot read content folder: {e}").into(),
            });
            return;
        }
    };
    // Reading and parsing is most of the start-up time with many units: spread it
    // over the cores, then add the results in path order so replacement stays
    // deterministic.
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8);
    let chunk = files.len().div_ceil(workers).max(64);
    let parsed: Vec<Vec<Loaded>> = std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|f| (f.clone(), load_file(f))).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    for (f, result) in parsed.into_iter().flatten() {
        match result {
            Ok(u) => {
                lib.units.insert(u.id.clone(), (u, Origin::File(f)));
            }
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
