//! The plain-text outputs: the terminal table and Markdown.

use std::fmt::Write as _;

use super::{View, aligned, cells, clip, grid, headers, others, problem_list, summary_lines};
use crate::core::text::escape_controls;

/// The terminal table, problems under it, then the counts.
#[must_use]
pub fn table(v: &View<'_>) -> String {
    let f = v.f();
    let h = headers(f);
    let mut lines: Vec<Vec<String>> = Vec::new();
    if v.matrix() {
        let mut head = vec![h[1].to_string(), h[2].to_string()];
        head.extend(v.report.cycles.iter().map(ToString::to_string));
        lines.push(head);
        for (id, name, cells) in grid(v) {
            let mut l = vec![
                clip(&escape_controls(&id), 24),
                clip(&escape_controls(&name), 24),
            ];
            l.extend(cells);
            lines.push(l);
        }
    } else {
        lines.push(h.iter().map(|h| (*h).to_string()).collect());
        for r in &v.report.rows {
            lines.push(cells(r, f, false).to_vec());
        }
    }
    let mut out = String::new();
    if !v.report.rows.is_empty() {
        out.push_str(&aligned(&lines));
        if v.matrix() {
            let _ = writeln!(out, "{}", f.legend);
        }
    }
    let problems = problem_list(v);
    if !problems.is_empty() {
        let _ = writeln!(out, "\n{}{}", f.problems, f.colon);
        for (label, texts) in &problems {
            let _ = writeln!(out, "✗ {}", escape_controls(label));
            for p in texts {
                let _ = writeln!(out, "    {}", escape_controls(p));
            }
        }
    }
    others(v, &mut out, "    ", escape_controls);
    out.push('\n');
    for l in summary_lines(v) {
        let _ = writeln!(out, "{l}");
    }
    out
}

/// Markdown text safe in a table cell: controls escaped, Markdown punctuation and
/// the cell separator backslash-escaped.
fn md_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in escape_controls(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            o.push('\\');
        }
        o.push(c);
    }
    o
}

/// A Markdown table, problems as a list under it, then the counts.
#[must_use]
pub fn markdown(v: &View<'_>) -> String {
    let f = v.f();
    let h = headers(f);
    let mut out = String::new();
    if let Some(b) = v.branch {
        let _ = writeln!(out, "# {}\n", md_escape(b));
    }
    let (head, body): (Vec<String>, Vec<Vec<String>>) = if v.matrix() {
        let mut head = vec![h[1].to_string(), h[2].to_string()];
        head.extend(v.report.cycles.iter().map(ToString::to_string));
        let body = grid(v)
            .into_iter()
            .map(|(id, name, cells)| {
                let mut l = vec![md_escape(&id), md_escape(&name)];
                l.extend(cells.iter().map(|c| md_escape(c)));
                l
            })
            .collect();
        (head, body)
    } else {
        let head = h.iter().map(|h| (*h).to_string()).collect();
        let body = v
            .report
            .rows
            .iter()
            .map(|r| {
                let mut c = cells(r, f, true);
                for cell in &mut c[1..] {
                    *cell = md_escape(cell);
                }
                c.to_vec()
            })
            .collect();
        (head, body)
    };
    if !body.is_empty() {
        let _ = writeln!(out, "| {} |", head.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
        for l in body {
            let _ = writeln!(out, "| {} |", l.join(" | "));
        }
        if v.matrix() {
            let _ = writeln!(out, "\n{}", f.legend);
        }
    }
    let problems = problem_list(v);
    if !problems.is_empty() {
        let _ = writeln!(out, "\n**{}**\n", f.problems);
        for (label, texts) in &problems {
            for p in texts {
                let _ = writeln!(out, "- {}: {}", md_escape(label), md_escape(p));
            }
        }
    }
    others(v, &mut out, "", |s| format!("- {}", md_escape(s)));
    out.push('\n');
    for l in summary_lines(v) {
        let _ = writeln!(out, "{}  ", md_escape(&l));
    }
    out
}
