//! The report's outputs: the terminal table, Markdown, CSV and JSON.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::core::config::Lang;
use crate::core::report::{self, Row, Summary};
use crate::core::text::{escape_controls, is_control};

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
                "", "成员ID", "姓名", "周期", "月读", "月讲", "月学", "得分", "文件",
            ],
            done: "完成",
            not_done: "未完成",
            problems: "问题",
        },
        Lang::En => Words {
            headers: [
                "",
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

pub(super) fn summary_line(s: &Summary, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let tail = if s.with_problems == 0 {
                "全部核验通过".to_string()
            } else {
                format!("{} 份有问题", s.with_problems)
            };
            format!(
                "共 {} 份文件,{} 名成员;月读完成 {},月讲完成 {},月学完成 {};{tail}",
                s.files, s.members, s.read, s.talk, s.study
            )
        }
        Lang::En => {
            let tail = if s.with_problems == 0 {
                "all verified".to_string()
            } else {
                format!("{} with problems", s.with_problems)
            };
            format!(
                "{} files, {} members; read done {}, talk done {}, study done {}; {tail}",
                s.files, s.members, s.read, s.talk, s.study
            )
        }
    }
}

/// Cut text to `max` columns, ending in `…` when cut.
pub(super) fn clip(s: &str, max: usize) -> String {
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

/// The cells of a row as shown in the table and Markdown (escaped, not padded).
pub(super) fn cells(r: &Row, w: &Words) -> [String; 9] {
    let part = |v: Option<bool>| match v {
        Some(true) => w.done.to_string(),
        Some(false) => w.not_done.to_string(),
        None => "-".to_string(),
    };
    let text = |v: &Option<String>| {
        v.as_deref()
            .map_or_else(|| "-".to_string(), |s| clip(&escape_controls(s), 24))
    };
    [
        if r.verified() { "✓" } else { "✗" }.to_string(),
        text(&r.member_id),
        text(&r.member),
        r.cycle.clone().unwrap_or_else(|| "-".into()),
        part(r.read),
        part(r.talk),
        part(r.study),
        r.score.map_or_else(|| "-".to_string(), |s| s.to_string()),
        escape_controls(&r.file),
    ]
}

/// The terminal table: columns aligned by display width, problem rows marked `✗`
/// and their problems listed under the table, then the summary line.
#[must_use]
pub fn table(rows: &[Row], lang: Lang) -> String {
    let w = words(lang);
    let body: Vec<[String; 9]> = rows.iter().map(|r| cells(r, &w)).collect();
    let mut widths: Vec<usize> = w.headers.iter().map(|h| h.width()).collect();
    for row in &body {
        for (i, c) in row.iter().enumerate() {
            widths[i] = widths[i].max(c.width());
        }
    }
    let mut out = String::new();
    let mut line = |cols: &[String]| {
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
    };
    line(&w.headers.map(str::to_string));
    for row in &body {
        line(row);
    }
    if rows.iter().any(|r| !r.verified()) {
        let _ = writeln!(out, "\n{}:", w.problems);
        for r in rows.iter().filter(|r| !r.verified()) {
            let _ = writeln!(out, "✗ {}", escape_controls(&r.file));
            for p in &r.problems {
                let _ = writeln!(out, "    {}", escape_controls(p));
            }
        }
    }
    let _ = writeln!(out, "\n{}", summary_line(&report::summarize(rows), lang));
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

/// A Markdown table, problems as a list under it, then the summary line.
#[must_use]
pub fn markdown(rows: &[Row], lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    let _ = writeln!(out, "| {} |", w.headers.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(w.headers.len()));
    for r in rows {
        let mut c = cells(r, &w);
        for i in [1, 2, 8] {
            // Cells from the file: re-escape for Markdown, without the clip.
            c[i] = match i {
                1 => r.member_id.as_deref().map_or_else(|| "-".into(), md_escape),
                2 => r.member.as_deref().map_or_else(|| "-".into(), md_escape),
                _ => md_escape(&r.file),
            };
        }
        let _ = writeln!(out, "| {} |", c.join(" | "));
    }
    if rows.iter().any(|r| !r.verified()) {
        let _ = writeln!(out, "\n**{}**\n", w.problems);
        for r in rows.iter().filter(|r| !r.verified()) {
            for p in &r.problems {
                let _ = writeln!(out, "- {}: {}", md_escape(&r.file), md_escape(p));
            }
        }
    }
    let _ = writeln!(out, "\n{}", summary_line(&report::summarize(rows), lang));
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

/// CSV, UTF-8 with a byte-order mark so spreadsheet programs read Chinese correctly;
/// one line per row, problems in one cell separated by line breaks.
#[must_use]
pub fn csv(rows: &[Row]) -> String {
    let mut out =
        String::from("\u{feff}file,member_id,member,cycle,read,talk,study,score,problems\r\n");
    let b = |v: Option<bool>| v.map_or(String::new(), |b| b.to_string());
    for r in rows {
        let problems: Vec<String> = r.problems.iter().map(|p| escape_controls(p)).collect();
        let problems_cell = csv_quote(problems.join("\n"));
        let _ = write!(
            out,
            "{},{},{},{},{},{},{},{},",
            csv_cell(&r.file),
            csv_cell(r.member_id.as_deref().unwrap_or("")),
            csv_cell(r.member.as_deref().unwrap_or("")),
            r.cycle.as_deref().unwrap_or(""),
            b(r.read),
            b(r.talk),
            b(r.study),
            r.score.map_or(String::new(), |s| s.to_string()),
        );
        out.push_str(&problems_cell);
        out.push_str("\r\n");
    }
    out
}

/// One JSON array per SPEC. JSON already escapes C0 controls; DEL, C1 and bidi
/// overrides are escaped too (as `\uXXXX`, so the data is unchanged).
///
/// # Errors
/// Only if serialising fails, which plain rows cannot make happen.
pub fn json(rows: &[Row]) -> anyhow::Result<String> {
    let raw = serde_json::to_string_pretty(rows)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn row(file: &str, id: Option<&str>, member: &str, ok: bool) -> Row {
        Row {
            file: file.into(),
            member_id: id.map(Into::into),
            member: id.map(|_| member.into()),
            cycle: id.map(|_| "2026-11".into()),
            read: id.map(|_| true),
            talk: id.map(|_| false),
            study: id.map(|_| ok),
            score: id.map(|_| 85),
            problems: if ok {
                vec![]
            } else {
                vec!["claimed study = true, recomputed false: score 70 < 80".into()]
            },
        }
    }

    #[test]
    fn table_aligns_chinese_by_display_width() {
        let rows = vec![
            row("a.toml", Some("zs"), "张三", true),
            row("b.toml", Some("lisi"), "Li\u{1b}[2J", false),
        ];
        let t = table(&rows, Lang::Zh);
        assert!(!t.contains('\u{1b}'), "{t}");
        assert!(t.contains("Li\\x1b[2J"));
        let lines: Vec<&str> = t.lines().collect();
        let col = |l: &str, needle: &str| l.split(needle).next().map(UnicodeWidthStr::width);
        // The cycle column starts at the same display column in every row.
        let starts: Vec<Option<usize>> = lines[..3]
            .iter()
            .map(|l| {
                col(
                    l,
                    if l.contains("周期") {
                        "周期"
                    } else {
                        "2026-11"
                    },
                )
            })
            .collect();
        assert!(starts.windows(2).all(|w| w[0] == w[1]), "{t}");
        assert!(lines[1].starts_with('✓') && lines[2].starts_with('✗'));
        assert!(t.contains("✗ b.toml\n    claimed study = true"));
        assert!(
            t.trim_end()
                .ends_with("共 2 份文件,2 名成员;月读完成 2,月讲完成 0,月学完成 1;1 份有问题")
        );
    }

    #[test]
    fn csv_has_a_bom_quotes_and_defuses_formulas() {
        let mut r = row("a.toml", Some("zs"), "=HYPERLINK(\"x\")", false);
        r.problems.push("second, with comma".into());
        let text = csv(&[r]);
        assert!(text.starts_with("\u{feff}file,member_id,"));
        assert!(text.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{text}");
        assert!(
            text.contains(
                "\"claimed study = true, recomputed false: score 70 < 80\nsecond, with comma\"\r\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn json_escapes_c1_and_keeps_key_order() {
        let r = row("a.toml", Some("zs"), "张\u{9b}31m三\u{202e}", true);
        let j = json(&[r]).expect("serialises");
        assert!(j.contains("张\\u009b31m三\\u202e"), "{j}");
        let v: serde_json::Value = serde_json::from_str(&j).expect("valid JSON");
        assert_eq!(v[0]["member"], "张\u{9b}31m三\u{202e}");
        let keys: Vec<usize> = [
            "\"file\"",
            "\"member_id\"",
            "\"member\"",
            "\"cycle\"",
            "\"read\"",
            "\"talk\"",
            "\"study\"",
            "\"score\"",
            "\"problems\"",
        ]
        .iter()
        .map(|k| j.find(k).expect("key present"))
        .collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{j}");
    }

    #[test]
    fn markdown_escapes_cells() {
        let rows = vec![row("a|b.toml", Some("z_s"), "<b>张|三</b>", true)];
        let m = markdown(&rows, Lang::En);
        assert!(m.contains("| ✓ | z\\_s | \\<b\\>张\\|三\\</b\\> | 2026-11 | done | not done | done | 85 | a\\|b.toml |"), "{m}");
    }

    #[test]
    fn clip_cuts_by_width() {
        assert_eq!(clip("张三李四王五", 7), "张三李…");
        assert_eq!(clip("abc", 3), "abc");
    }
}
