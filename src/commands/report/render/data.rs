//! The outputs for other programs: CSV for spreadsheets and JSON.

use std::fmt::Write as _;

use std::collections::BTreeMap;

use super::{View, cell};
use crate::core::report::{Row, Signature, column};
use crate::core::text::{escape_controls, is_control};

/// A CSV cell: controls escaped, a leading `= + - @` defused so a spreadsheet does not
/// run it as a formula, quoted when needed.
fn csv_cell(s: &str) -> String {
    csv_quote(escape_controls(s))
}

/// Defuse and quote a cell whose text is already escaped.
fn csv_quote(mut v: String) -> String {
    if v.starts_with(['=', '+', '-', '@']) {
        v.insert(0, '\'');
    }
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// CSV, UTF-8 with a byte-order mark so spreadsheet programs read Chinese correctly.
/// One cycle: one line per row, problems in one cell separated by line breaks.
/// Several cycles: one line per member, a status, parts and score per cycle.
#[must_use]
pub fn csv(v: &View<'_>) -> String {
    let mut out = String::from("\u{feff}");
    let b = |x: Option<bool>| x.map_or(String::new(), |b| b.to_string());
    if v.matrix() {
        out.push_str("member_id,member");
        for c in &v.report.cycles {
            let _ = write!(out, ",{c} status,{c} read,{c} talk,{c} study,{c} score");
        }
        out.push_str("\r\n");
        let mut by: BTreeMap<(bool, String), Vec<&Row>> = BTreeMap::new();
        for r in &v.report.rows {
            let key = r.member_key().map_or_else(
                || (true, r.file.clone().unwrap_or_default()),
                |k| (false, k.to_string()),
            );
            by.entry(key).or_default().push(r);
        }
        for ((_, id), rows) in by {
            let name = rows
                .iter()
                .find_map(|r| r.member.clone())
                .unwrap_or_default();
            let _ = write!(out, "{},{}", csv_cell(&id), csv_cell(&name));
            for c in &v.report.cycles {
                let here: Vec<&Row> = rows
                    .iter()
                    .copied()
                    .filter(|r| r.cycle_key().is_some_and(|rc| column(rc, v.length) == *c))
                    .collect();
                let one = match here.as_slice() {
                    [r] if r.handed_in => Some(*r),
                    _ => None,
                };
                let shown = if here.is_empty() {
                    String::new()
                } else {
                    cell(&here, v.f())
                };
                let _ = write!(
                    out,
                    ",{},{},{},{},{}",
                    csv_cell(&shown),
                    b(one.and_then(|r| r.read)),
                    b(one.and_then(|r| r.talk)),
                    b(one.and_then(|r| r.study)),
                    one.and_then(|r| r.score)
                        .map_or(String::new(), |s| s.to_string()),
                );
            }
            out.push_str("\r\n");
        }
        return out;
    }
    out.push_str(
        "file,member_id,member,cycle,read,talk,study,score,signature,late,handed_in,problems\r\n",
    );
    for r in &v.report.rows {
        let problems: Vec<String> = r
            .problems
            .iter()
            .map(|p| escape_controls(&v.f().problem(p, v.lang)))
            .collect();
        let _ = write!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},",
            csv_cell(r.file.as_deref().unwrap_or("")),
            csv_cell(r.member_id.as_deref().unwrap_or("")),
            csv_cell(r.member.as_deref().unwrap_or("")),
            r.cycle.map(|c| c.to_string()).unwrap_or_default(),
            b(r.read),
            b(r.talk),
            b(r.study),
            r.score.map_or(String::new(), |s| s.to_string()),
            r.signature.map_or("", |s| s.word()),
            r.late,
            r.handed_in,
        );
        out.push_str(&csv_quote(problems.join("\n")));
        out.push_str("\r\n");
    }
    out
}

/// One JSON array per SPEC: one object per file and one per roster member without a
/// file, with `signature`, `late` and `handed_in`. JSON already escapes C0 controls;
/// DEL, C1 and bidi controls are escaped too (as `\uXXXX`, so the data is unchanged).
///
/// # Errors
/// Only if serialising fails, which plain rows cannot make happen.
pub fn json(v: &View<'_>) -> anyhow::Result<String> {
    /// SPEC's object, keys in SPEC's order.
    #[derive(serde::Serialize)]
    struct Object<'r> {
        file: Option<&'r str>,
        member_id: Option<&'r str>,
        member: Option<&'r str>,
        cycle: Option<String>,
        read: Option<bool>,
        talk: Option<bool>,
        study: Option<bool>,
        score: Option<u32>,
        problems: Vec<String>,
        signature: Option<&'static str>,
        late: bool,
        handed_in: bool,
    }
    let rows: Vec<Object<'_>> = v
        .report
        .rows
        .iter()
        .map(|r| Object {
            file: r.file.as_deref(),
            member_id: r.member_id.as_deref(),
            member: r.member.as_deref(),
            cycle: r.cycle.map(|c| c.to_string()),
            read: r.read,
            talk: r.talk,
            study: r.study,
            score: r.score,
            problems: r
                .problems
                .iter()
                .map(|p| v.f().problem(p, v.lang))
                .collect(),
            signature: r.signature.map(Signature::word),
            late: r.late,
            handed_in: r.handed_in,
        })
        .collect();
    let raw = serde_json::to_string_pretty(&rows)?;
    let mut out = String::with_capacity(raw.len() + 1);
    for c in raw.chars() {
        if is_control(c) && u32::from(c) >= 0x7f {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    Ok(out)
}
