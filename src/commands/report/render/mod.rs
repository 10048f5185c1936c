//! The report's outputs: the terminal table, Markdown, CSV, JSON and a printable
//! HTML page. One cycle gives one row per file (and per roster member who handed
//! nothing in); several cycles give members × cycles. Problems are listed in the
//! secretary's language under the table, then the counts.

mod data;
mod html;
mod text;

pub use data::{csv, json};
pub use html::html;
pub use text::{markdown, table};

use std::collections::BTreeMap;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::core::config::Lang;
use crate::core::regime::CycleLength;
use crate::core::report::{self, Report, Row, column};
use crate::core::text::escape_controls;
use crate::strings::findings::{self, Findings};

/// What every output needs besides the rows.
pub struct View<'a> {
    /// The folder's report.
    pub report: &'a Report,
    /// The secretary's language.
    pub lang: Lang,
    /// The secretary's cycle length.
    pub length: CycleLength,
    /// The plan's branch name.
    pub branch: Option<&'a str>,
    /// The folder, as shown.
    pub dir: &'a str,
}

impl View<'_> {
    /// The report's words in the secretary's language.
    fn f(&self) -> &'static Findings {
        findings::get(self.lang)
    }

    /// Several cycles: members × cycles.
    fn matrix(&self) -> bool {
        self.report.cycles.len() > 1
    }
}

/// The table's headers: status, member id, member, cycle, the three parts, score, file.
fn headers(f: &Findings) -> [&'static str; 9] {
    [
        f.header_status,
        f.header_member_id,
        f.header_member,
        f.header_cycle,
        f.part_read,
        f.part_talk,
        f.part_study,
        f.header_score,
        f.header_file,
    ]
}

/// The status word of a row: ✓, ✗, 未交, with 逾期 when late.
fn status(r: &Row, f: &Findings) -> String {
    let mut s = if !r.handed_in {
        f.status_missing.to_string()
    } else if r.verified() {
        "✓".to_string()
    } else {
        "✗".to_string()
    };
    if r.late {
        s.push_str(f.status_late);
    }
    s
}

/// The summary lines: one per cycle, and a total when there are several; for an
/// empty folder, a line that says so.
fn summary_lines(v: &View<'_>) -> Vec<String> {
    let f = v.f();
    let mut out = Vec::new();
    if v.report.empty {
        out.push((f.empty_folder)(&escape_controls(v.dir)));
    }
    let rows = &v.report.rows;
    for c in &v.report.cycles {
        out.push(f.summary(
            &report::summarize(rows, Some(*c), v.length),
            v.report.roster,
        ));
    }
    let unplaced = rows.iter().any(|r| r.cycle_key().is_none());
    if v.report.cycles.len() != 1 || unplaced {
        let mut all = report::summarize(rows, None, v.length);
        all.cycle = None;
        let mut l = f.summary(&all, v.report.roster);
        l.insert_str(0, f.summary_total);
        out.push(l);
    }
    out
}

/// Cut text to `max` columns, ending in `…` when cut.
fn clip(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// The cells of a row (escaped, not padded); `long` keeps text from the file whole.
fn cells(r: &Row, f: &Findings, long: bool) -> [String; 9] {
    let part = |v: Option<bool>| match v {
        Some(true) => f.done.to_string(),
        Some(false) => f.not_done.to_string(),
        None => "-".to_string(),
    };
    let text = |v: Option<&str>| {
        v.map_or_else(
            || "-".to_string(),
            |s| {
                let e = escape_controls(s);
                if long { e } else { clip(&e, 24) }
            },
        )
    };
    [
        status(r, f),
        text(r.member_id.as_deref().or(r.name_id.as_deref())),
        text(r.member.as_deref()),
        r.cycle_key().map_or_else(|| "-".into(), |c| c.to_string()),
        part(r.read),
        part(r.talk),
        part(r.study),
        r.score.map_or_else(|| "-".to_string(), |s| s.to_string()),
        r.file
            .as_deref()
            .map_or_else(|| f.no_file.to_string(), escape_controls),
    ]
}

/// One members × cycles cell: `✓ 读讲学 100`, `✗ 读讲· 75`, 未交, with 逾期.
fn cell(rows: &[&Row], f: &Findings) -> String {
    match rows {
        [] => "-".to_string(),
        [r] if !r.handed_in => f.cell_missing.to_string(),
        [r] if r.read.is_none() => f.cell_invalid.to_string(),
        [r] => {
            let mark = |v: Option<bool>, yes: &str| {
                if v == Some(true) {
                    yes.to_string()
                } else {
                    "·".to_string()
                }
            };
            let mut s = format!(
                "{} {}{}{} {}",
                if r.verified() { "✓" } else { "✗" },
                mark(r.read, f.cell_read),
                mark(r.talk, f.cell_talk),
                mark(r.study, f.cell_study),
                r.score.map_or_else(|| "-".to_string(), |s| s.to_string())
            );
            if r.late {
                s.push_str(f.status_late);
            }
            s
        }
        many => (f.cell_files)(many.len()),
    }
}

/// Members × cycles: (member id, name, one cell per cycle).
fn grid(v: &View<'_>) -> Vec<(String, String, Vec<String>)> {
    let mut by: BTreeMap<(bool, String), Vec<&Row>> = BTreeMap::new();
    for r in &v.report.rows {
        let key = r.member_key().map_or_else(
            || (true, r.file.clone().unwrap_or_default()),
            |k| (false, k.to_string()),
        );
        by.entry(key).or_default().push(r);
    }
    by.into_iter()
        .map(|((_, key), rows)| {
            let name = rows
                .iter()
                .find_map(|r| r.member.clone())
                .unwrap_or_else(|| "-".into());
            let cells = v
                .report
                .cycles
                .iter()
                .map(|c| {
                    let here: Vec<&Row> = rows
                        .iter()
                        .copied()
                        .filter(|r| r.cycle_key().is_some_and(|rc| column(rc, v.length) == *c))
                        .collect();
                    cell(&here, v.f())
                })
                .collect();
            (key, name, cells)
        })
        .collect()
}

/// Rows with problems as (label, problem texts), in row order.
fn problem_list(v: &View<'_>) -> Vec<(String, Vec<String>)> {
    v.report
        .rows
        .iter()
        .filter(|r| !r.problems.is_empty())
        .map(|r| {
            let label = match &r.file {
                Some(f) => f.clone(),
                None => format!(
                    "{}（{}）{}",
                    r.member_id.as_deref().unwrap_or("-"),
                    r.member.as_deref().unwrap_or("-"),
                    r.cycle.map(|c| c.to_string()).unwrap_or_default()
                ),
            };
            let texts = r
                .problems
                .iter()
                .map(|p| v.f().problem(p, v.lang))
                .collect();
            (label, texts)
        })
        .collect()
}

/// Aligned columns by display width; every line trimmed at the end.
fn aligned(lines: &[Vec<String>]) -> String {
    let n = lines.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; n];
    for l in lines {
        for (i, c) in l.iter().enumerate() {
            widths[i] = widths[i].max(c.width());
        }
    }
    let mut out = String::new();
    for cols in lines {
        let mut l = String::new();
        for (i, c) in cols.iter().enumerate() {
            if i > 0 {
                l.push_str("  ");
            }
            l.push_str(c);
            if i + 1 < cols.len() {
                l.push_str(&" ".repeat(widths[i].saturating_sub(c.width())));
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    }
    out
}

/// The folder's other entries, listed so nothing is skipped silently.
fn others(v: &View<'_>, out: &mut String, indent: &str, esc: impl Fn(&str) -> String) {
    if v.report.others.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", v.f().other_entries);
    for o in &v.report.others {
        let _ = writeln!(out, "{indent}{}", esc(o));
    }
}
