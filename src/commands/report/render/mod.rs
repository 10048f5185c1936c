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
use crate::core::report::{self, Report, Row, Summary, column};
use crate::core::text::escape_controls;

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
