//! The report's outputs: the terminal table, Markdown, CSV, JSON and a printable
//! HTML page. One cycle gives one row per file (and per roster member who handed
//! nothing in); several cycles give members × cycles. Problems are listed in the
//! secretary's language under the table, then the counts.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::core::config::Lang;
use crate::core::regime::{Cycle, CycleLength};
use crate::core::report::{self, Report, Row, Signature, Summary, column};
use crate::core::text::{escape_controls, is_control};

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
    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    fn t<'s>(&self, zh: &'s str, en: &'s str) -> &'s str {
        if self.zh() { zh } else { en }
    }

    /// Several cycles: members × cycles.
    fn matrix(&self) -> bool {
        self.report.cycles.len() > 1
    }
}

/// Words of the table, Markdown and evidence outputs.
pub(super) struct Words {
    pub(super) headers: [&'static str; 9],
    pub(super) done: &'static str,
    pub(super) not_done: &'static str,
    pub(super) problems: &'static str,
}

pub(super) fn words(lang: Lang) -> Words {
    match lang {
        Lang::Zh => Words {
            headers: [
                "状态", "成员ID", "姓名", "周期", "月读", "月讲", "月学", "得分", "文件",
            ],
            done: "完成",
            not_done: "未完成",
            problems: "问题",
        },
        Lang::En => Words {
            headers: [
                "status",
                "member id",
                "member",
                "cycle",
                "read",
                "talk",
                "study",
                "score",
                "file",
            ],
            done: "done",
            not_done: "not done",
            problems: "Problems",
        },
    }
}

/// The status word of a row: ✓, ✗, 未交, with 逾期 when late.
fn status(r: &Row, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut s = if !r.handed_in {
        if zh { "✗ 未交" } else { "✗ missing" }.to_string()
    } else if r.verified() {
        "✓".to_string()
    } else {
        "✗".to_string()
    };
    if r.late {
        s.push_str(if zh { " 逾期" } else { " late" });
    }
    s
}

/// The counts of one summary as one line.
fn summary_line(s: &Summary, roster: Option<usize>, lang: Lang) -> String {
    let head = s.cycle.map(|c| c.to_string());
    match lang {
        Lang::Zh => {
            let mut l = head.map(|c| format!("{c}：")).unwrap_or_default();
            let _ = write!(
                l,
                "共 {} 份文件，核验通过 {} 份，有问题 {} 份",
                s.files, s.verified, s.flagged
            );
            if let Some(n) = roster {
                let _ = write!(l, "；名册 {n} 人，未交 {} 人", s.not_handed_in);
            }
            if s.late > 0 {
                let _ = write!(l, "；逾期 {} 份", s.late);
            }
            let _ = write!(
                l,
                "；月读完成 {}，月讲完成 {}，月学完成 {}（只计核验通过的文件）",
                s.read, s.talk, s.study
            );
            if s.flagged == 0 && s.not_handed_in == 0 && s.files > 0 {
                l.push_str("；全部核验通过");
            }
            l
        }
        Lang::En => {
            let mut l = head.map(|c| format!("{c}: ")).unwrap_or_default();
            let _ = write!(
                l,
                "{} files, {} verified, {} with problems",
                s.files, s.verified, s.flagged
            );
            if let Some(n) = roster {
                let _ = write!(l, "; roster {n}, not handed in {}", s.not_handed_in);
            }
            if s.late > 0 {
                let _ = write!(l, "; late {}", s.late);
            }
            let _ = write!(
                l,
                "; read done {}, talk done {}, study done {} (verified files only)",
                s.read, s.talk, s.study
            );
            if s.flagged == 0 && s.not_handed_in == 0 && s.files > 0 {
                l.push_str("; all verified");
            }
            l
        }
    }
}

/// The summary lines: one per cycle, and a total when there are several; for an
/// empty folder, a line that says so.
fn summary_lines(v: &View<'_>) -> Vec<String> {
    let mut out = Vec::new();
    if v.report.empty {
        out.push(if v.zh() {
            format!(
                "文件夹 {} 中没有完成情况文件（*.toml）",
                escape_controls(v.dir)
            )
        } else {
            format!(
                "the folder {} holds no completion file (*.toml)",
                escape_controls(v.dir)
            )
        });
    }
    let rows = &v.report.rows;
    for c in &v.report.cycles {
        out.push(summary_line(
            &report::summarize(rows, Some(*c), v.length),
            v.report.roster,
            v.lang,
        ));
    }
    let unplaced = rows.iter().any(|r| r.cycle_key().is_none());
    if v.report.cycles.len() != 1 || unplaced {
        let mut all = report::summarize(rows, None, v.length);
        all.cycle = None;
        let mut l = summary_line(&all, v.report.roster, v.lang);
        l.insert_str(0, v.t("合计：", "all: "));
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
fn cells(r: &Row, w: &Words, lang: Lang, long: bool) -> [String; 9] {
    let part = |v: Option<bool>| match v {
        Some(true) => w.done.to_string(),
        Some(false) => w.not_done.to_string(),
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
        status(r, lang),
        text(r.member_id.as_deref().or(r.name_id.as_deref())),
        text(r.member.as_deref()),
        r.cycle_key().map_or_else(|| "-".into(), |c| c.to_string()),
        part(r.read),
        part(r.talk),
        part(r.study),
        r.score.map_or_else(|| "-".to_string(), |s| s.to_string()),
        r.file.as_deref().map_or_else(
            || if lang == Lang::Zh { "未交" } else { "none" }.to_string(),
            escape_controls,
        ),
    ]
}

/// One members × cycles cell: `✓ 读讲学 100`, `✗ 读讲· 75`, 未交, with 逾期.
fn cell(rows: &[&Row], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match rows {
        [] => "-".to_string(),
        [r] if !r.handed_in => if zh { "未交" } else { "missing" }.to_string(),
        [r] if r.read.is_none() => if zh { "✗ 无效" } else { "✗ invalid" }.to_string(),
        [r] => {
            let mark = |v: Option<bool>, yes: &str| {
                if v == Some(true) {
                    yes.to_string()
                } else {
                    "·".to_string()
                }
            };
            let (a, b, c) = if zh {
                ("读", "讲", "学")
            } else {
                ("R", "T", "S")
            };
            let mut s = format!(
                "{} {}{}{} {}",
                if r.verified() { "✓" } else { "✗" },
                mark(r.read, a),
                mark(r.talk, b),
                mark(r.study, c),
                r.score.map_or_else(|| "-".to_string(), |s| s.to_string())
            );
            if r.late {
                s.push_str(if zh { " 逾期" } else { " late" });
            }
            s
        }
        many => {
            if zh {
                format!("✗ {} 份", many.len())
            } else {
                format!("✗ {} files", many.len())
            }
        }
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
                    cell(&here, v.lang)
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
            let texts = r.problems.iter().map(|p| p.text(v.lang)).collect();
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

fn legend(v: &View<'_>) -> &'static str {
    if v.zh() {
        "格内：✓ 核验通过、✗ 有问题；读/讲/学 为已完成的部分（· 为未完成），其后为得分"
    } else {
        "cells: ✓ verified, ✗ problems; R/T/S the parts done (· not done), then the score"
    }
}

/// The terminal table, problems under it, then the counts.
#[must_use]
pub fn table(v: &View<'_>) -> String {
    let w = words(v.lang);
    let mut lines: Vec<Vec<String>> = Vec::new();
    if v.matrix() {
        let mut head = vec![w.headers[1].to_string(), w.headers[2].to_string()];
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
        lines.push(w.headers.iter().map(|h| (*h).to_string()).collect());
        for r in &v.report.rows {
            lines.push(cells(r, &w, v.lang, false).to_vec());
        }
    }
    let mut out = String::new();
    if !v.report.rows.is_empty() {
        out.push_str(&aligned(&lines));
        if v.matrix() {
            let _ = writeln!(out, "{}", legend(v));
        }
    }
    let problems = problem_list(v);
    if !problems.is_empty() {
        let _ = writeln!(out, "\n{}{}", w.problems, v.t("：", ":"));
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

/// The folder's other entries, listed so nothing is skipped silently.
fn others(v: &View<'_>, out: &mut String, indent: &str, esc: impl Fn(&str) -> String) {
    if v.report.others.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n{}",
        v.t(
            "文件夹中的其他条目（不是 *.toml，未读取）：",
            "Other entries of the folder (not *.toml, not read):"
        )
    );
    for o in &v.report.others {
        let _ = writeln!(out, "{indent}{}", esc(o));
    }
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
    let w = words(v.lang);
    let mut out = String::new();
    if let Some(b) = v.branch {
        let _ = writeln!(out, "# {}\n", md_escape(b));
    }
    let (head, body): (Vec<String>, Vec<Vec<String>>) = if v.matrix() {
        let mut head = vec![w.headers[1].to_string(), w.headers[2].to_string()];
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
        let head = w.headers.iter().map(|h| (*h).to_string()).collect();
        let body = v
            .report
            .rows
            .iter()
            .map(|r| {
                let mut c = cells(r, &w, v.lang, true);
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
            let _ = writeln!(out, "\n{}", legend(v));
        }
    }
    let problems = problem_list(v);
    if !problems.is_empty() {
        let _ = writeln!(out, "\n**{}**\n", w.problems);
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
                    cell(&here, v.lang)
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
            .map(|p| escape_controls(&p.text(v.lang)))
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
            problems: r.problems.iter().map(|p| p.text(v.lang)).collect(),
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
    let w = words(v.lang);
    let cycles: Vec<String> = v.report.cycles.iter().map(Cycle::to_string).collect();
    let title = format!(
        "{}{}",
        v.branch.map(|b| format!("{b} ")).unwrap_or_default(),
        v.t("党员学习完成情况", "study completion report")
    );
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>{}</title>\n<style>\n{PAGE_STYLE}</style>\n</head>\n<body>\n",
        if v.zh() { "zh-CN" } else { "en" },
        html_escape(&title)
    );
    let _ = writeln!(o, "<h1>{}</h1>", html_escape(&title));
    let _ = writeln!(
        o,
        "<p class=\"meta\">{}{}</p>",
        v.t("周期：", "cycles: "),
        html_escape(&cycles.join(v.t("、", ", ")))
    );
    o.push_str("<ul class=\"counts\">\n");
    for l in summary_lines(v) {
        let _ = writeln!(o, "<li>{}</li>", html_escape(&l));
    }
    o.push_str("</ul>\n");
    let (head, body): (Vec<String>, Vec<(bool, Vec<String>)>) = if v.matrix() {
        let mut head = vec![w.headers[1].to_string(), w.headers[2].to_string()];
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
        let head = w.headers.iter().map(|h| (*h).to_string()).collect();
        let body = v
            .report
            .rows
            .iter()
            .map(|r| (!r.verified(), cells(r, &w, v.lang, true).to_vec()))
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
            let _ = writeln!(o, "<p>{}</p>", html_escape(legend(v)));
        }
    }
    let problems = problem_list(v);
    if !problems.is_empty() {
        let _ = writeln!(
            o,
            "<h2>{}</h2>\n<ol class=\"problems\">",
            html_escape(w.problems)
        );
        for (label, texts) in &problems {
            for p in texts {
                let _ = writeln!(o, "<li>{}：{}</li>", html_escape(label), html_escape(p));
            }
        }
        o.push_str("</ol>\n");
    }
    if !v.report.others.is_empty() {
        let _ = writeln!(
            o,
            "<h2>{}</h2>\n<ul>",
            v.t(
                "文件夹中的其他条目（未读取）",
                "Other entries of the folder (not read)"
            )
        );
        for e in &v.report.others {
            let _ = writeln!(o, "<li>{}</li>", html_escape(e));
        }
        o.push_str("</ul>\n");
    }
    let _ = writeln!(
        o,
        "<p class=\"sign\">{}</p>",
        v.t(
            "支部书记（签字）：____________　　日期：____________",
            "Branch secretary (signature): ____________    Date: ____________"
        )
    );
    o.push_str("</body>\n</html>\n");
    o
}
