//! `dangxue report DIR`: verify every completion file in a folder against the
//! secretary's own content, rules and plan, and print one row per file.
//!
//! Files are streamed: each worker reads a file into a reused buffer, parses and
//! verifies it and keeps only the small [`Row`], so memory does not grow with the
//! files' text. Text from the files is escaped before it reaches a terminal.
//! The files are listed and read by [`crate::store::completions`]; the outputs are
//! drawn by `render`, one member's full evidence (`--member`) by `evidence`.

mod evidence;
mod render;

use evidence::member_view;
pub use render::{csv, json, markdown, table};

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::cli::Format;
use crate::core::regime::Cycle;
use crate::core::report::{self, Row, Verifier};
use crate::core::text::escape_controls;
use crate::core::unit::Catalog;
use crate::store::completions::{completion_files, read_file};
use crate::store::content;
use crate::store::paths::Paths;

/// What `report` was asked to do.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// `--home`, if given.
    pub home: Option<&'a Path>,
    /// The folder of completion files.
    pub dir: &'a Path,
    /// `--cycle`.
    pub cycle: Option<Cycle>,
    /// `--format`.
    pub format: Format,
    /// `--member`: show this member's evidence instead of the table.
    pub member: Option<&'a str>,
}

/// Run the report, writing it to `out` and notes (skipped files, broken content) to
/// `err`. `Ok(true)` when every file verified.
///
/// # Errors
/// When the config, the plan or the folder cannot be read.
pub fn run(req: &Request<'_>, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<bool> {
    let paths = Paths::resolve(req.home)?;
    let config = crate::store::config::load_config(&paths).map_err(|e| anyhow::anyhow!("{e}"))?;
    let library = content::load(&config.content_dirs);
    for p in &library.problems {
        let _ = writeln!(err, "dangxue: content skipped: {p}");
    }
    let plan = crate::commands::load_plan(&config, &paths)?;
    let rules = config.rules();
    let verifier = Verifier {
        rules: &rules,
        plan: plan.as_ref(),
        catalog: &library,
    };
    let (files, skipped) = completion_files(req.dir)?;
    for s in &skipped {
        let _ = writeln!(err, "dangxue: skipped {}", escape_controls(s));
    }
    if let Some(id) = req.member {
        let (text, ok) = member_view(
            req,
            &files,
            &verifier,
            &library,
            plan.as_ref(),
            config.lang,
            id,
        )?;
        write_out(out, &text)?;
        return Ok(ok);
    }
    let mut rows = verify_all(&files, &verifier)?;
    report::flag_duplicates(&mut rows);
    if let Some(c) = &req.cycle {
        rows.retain(|r| report::in_cycle(r, c));
    }
    report::sort_rows(&mut rows);
    let text = match req.format {
        Format::Table => table(&rows, config.lang),
        Format::Csv => csv(&rows),
        Format::Md => markdown(&rows, config.lang),
        Format::Json => json(&rows)?,
    };
    write_out(out, &text)?;
    Ok(rows.iter().all(Row::verified))
}

/// Write, treating a closed pipe (`| head`) as done rather than as an error.
fn write_out(out: &mut dyn Write, text: &str) -> anyhow::Result<()> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn read_problem(name: &str, line: usize, msg: &str) -> String {
    if line == 0 {
        format!("{name}: {msg}")
    } else {
        format!("{name}:{line}: {msg}")
    }
}

/// Verify every file on up to two threads; rows in no particular order.
fn verify_all<C: Catalog + Sync>(
    files: &[(String, PathBuf)],
    verifier: &Verifier<'_, C>,
) -> anyhow::Result<Vec<Row>> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut rows = Vec::new();
        let mut buf = Vec::with_capacity(16 * 1024);
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some((name, path)) = files.get(i) else {
                break;
            };
            let row = match read_file(path, &mut buf) {
                Ok(text) => verifier.verify(name, text),
                Err((line, msg)) => Row::broken(name, vec![read_problem(name, line, &msg)]),
            };
            rows.push(row);
        }
        rows
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, 2);
    if workers == 1 || files.len() < 64 {
        return Ok(work());
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers).map(|_| s.spawn(work)).collect();
        let mut rows = Vec::with_capacity(files.len());
        for h in handles {
            rows.extend(
                h.join()
                    .map_err(|_| anyhow::anyhow!("a report worker stopped unexpectedly"))?,
            );
        }
        Ok(rows)
    })
}
