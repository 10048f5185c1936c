//! The printable HTML page.

use std::fmt::Write as _;

use super::{View, cells, grid, headers, problem_list, summary_lines};
use crate::core::regime::Cycle;
use crate::core::text::escape_controls;

/// Text safe in HTML: markup characters as entities, controls escaped as in the
/// terminal.
fn html_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in escape_controls(s).chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const PAGE_STYLE: &str = "@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif; font-size: 10pt; color: #000; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
p.meta { margin: 0 0 3mm; color: #333; }
ul.counts { margin: 0 0 4mm; padding-left: 5mm; }
table { border-collapse: collapse; width: 100%; table-layout: auto; }
th, td { border: 0.3mm solid #555; padding: 1mm 1.5mm; text-align: left; vertical-align: top; word-break: break-all; }
th { background: #eee; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
td.bad { color: #a00; font-weight: bold; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; }
ol.problems li { margin-bottom: 1mm; }
p.sign { margin-top: 10mm; }
@media screen { body { margin: 8mm auto; max-width: 186mm; } }
";

/// One self-contained page to print on A4: the branch, the cycle(s), the counts,
/// the table and the problems; no script, no network, the styles inline.
#[must_use]
pub fn html(v: &View<'_>) -> String {
    let f = v.f();
    let h = headers(f);
    let cycles: Vec<String> = v.report.cycles.iter().map(Cycle::to_string).collect();
    let title = format!(
        "{}{}",
        v.branch.map(|b| format!("{b} ")).unwrap_or_default(),
        f.page_title
    );
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>{}</title>\n<style>\n{PAGE_STYLE}</style>\n</head>\n<body>\n",
        f.page_lang,
        html_escape(&title)
    );
    let _ = writeln!(o, "<h1>{}</h1>", html_escape(&title));
    let _ = writeln!(
        o,
        "<p class=\"meta\">{}{}</p>",
        f.page_cycles,
        html_escape(&cycles.join(f.list_sep))
    );
    o.push_str("<ul class=\"counts\">\n");
    for l in summary_lines(v) {
        let _ = writeln!(o, "<li>{}</li>", html_escape(&l));
    }
    o.push_str("</ul>\n");
    let (head, body): (Vec<String>, Vec<(bool, Vec<String>)>) = if v.matrix() {
        let mut head = vec![h[1].to_string(), h[2].to_string()];
        head.extend(cycles.iter().cloned());
        let body = grid(v)
            .into_iter()
            .map(|(id, name, cells)| {
                let bad = cells
                    .iter()
                    .any(|c| c.starts_with('✗') || c == "未交" || c == "missing");
                let mut l = vec![id, name];
                l.extend(cells);
                (bad, l)
            })
            .collect();
        (head, body)
    } else {
        let head = h.iter().map(|h| (*h).to_string()).collect();
        let body = v
            .report
            .rows
            .iter()
            .map(|r| (!r.verified(), cells(r, f, true).to_vec()))
            .collect();
        (head, body)
    };
    if !body.is_empty() {
        o.push_str("<table>\n<thead><tr>");
        for h in &head {
            let _ = write!(o, "<th>{}</th>", html_escape(h));
        }
        o.push_str("</tr></thead>\n<tbody>\n");
        for (bad, l) in body {
            o.push_str("<tr>");
            for (i, c) in l.iter().enumerate() {
                let class = if bad && i == 0 { " class=\"bad\"" } else { "" };
                let _ = write!(o, "<td{class}>{}</td>", html_escape(c));
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</tbody>\n</table>\n");
        if v.matrix() {
            let _ = writeln!(o, "<p>{}</p>", html_escape(f.legend));
        }
    }
    let problems = problem_list(v);
    if !problems.is_empty() {
        let _ = writeln!(
            o,
            "<h2>{}</h2>\n<ol class=\"problems\">",
            html_escape(f.problems)
        );
        for (label, texts) in &problems {
            for p in texts {
                let _ = writeln!(o, "<li>{}：{}</li>", html_escape(label), html_escape(p));
            }
        }
        o.push_str("</ol>\n");
    }
    if !v.report.others.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2>\n<ul>", f.other_entries_page);
        for e in &v.report.others {
            let _ = writeln!(o, "<li>{}</li>", html_escape(e));
        }
        o.push_str("</ul>\n");
    }
    let _ = writeln!(o, "<p class=\"sign\">{}</p>", f.page_sign);
    o.push_str("</body>\n</html>\n");
    o
}
