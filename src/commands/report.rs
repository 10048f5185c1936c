//! `dangxue report DIR`: verify every completion file in a folder against the
//! secretary's own content, rules and plan, and print one row per file.
//!
//! Files are streamed: each worker reads a file into a reused buffer, parses and
//! verifies it and keeps only the small [`Row`], so memory does not grow with the
//! files' text. Text from the files is escaped before it reaches a terminal.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, bail};
use unicode_width::UnicodeWidthStr;

use crate::cli::Format;
use crate::core::completion::{Assessment, Completion, Verdict};
use crate::core::config::Lang;
use crate::core::plan::Plan;
use crate::core::regime::Cycle;
use crate::core::report::{self, Row, Summary, Verifier};
use crate::core::text::{escape_controls, escape_controls_multiline, is_control};
use crate::core::tomldoc::MAX_DOCUMENT_BYTES;
use crate::core::unit::{Answer, Catalog};
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

/// Files to read as (name shown, path), and notes on what was skipped.
type Listing = (Vec<(String, PathBuf)>, Vec<String>);

/// The `.toml` files directly in `dir`, sorted by name, and notes on what was
/// skipped. Symbolic links are skipped, so nothing outside the folder is read.
fn completion_files(dir: &Path) -> anyhow::Result<Listing> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?;
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for e in entries {
        let e = e.with_context(|| format!("cannot list the folder {}", dir.display()))?;
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".toml") {
            continue;
        }
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_symlink() {
            skipped.push(format!(
                "{name}: a symbolic link (copy the file into the folder instead)"
            ));
        } else if ft.is_file() {
            files.push((name, e.path()));
        } else if !ft.is_dir() {
            skipped.push(format!("{name}: not a regular file"));
        }
    }
    files.sort();
    Ok((files, skipped))
}

/// Read one file into `buf` without following a link swapped in after listing and
/// without blocking on a FIFO.
fn read_file<'b>(path: &Path, buf: &'b mut Vec<u8>) -> Result<&'b str, (usize, String)> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut f = opts
        .open(path)
        .map_err(|e| (0, format!("cannot read: {e}")))?;
    match f.metadata() {
        Ok(m) if m.is_file() => {}
        Ok(_) => return Err((0, "not a regular file".into())),
        Err(e) => return Err((0, format!("cannot read: {e}"))),
    }
    buf.clear();
    let cap = MAX_DOCUMENT_BYTES as u64;
    (&mut f)
        .take(cap + 1)
        .read_to_end(buf)
        .map_err(|e| (0, format!("cannot read: {e}")))?;
    if buf.len() as u64 > cap {
        return Err((
            0,
            format!(
                "larger than {} MB: not a completion file",
                cap / (1024 * 1024)
            ),
        ));
    }
    std::str::from_utf8(buf).map_err(|e| {
        let line = 1 + buf[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        (line, "not valid UTF-8: save the file as UTF-8".to_string())
    })
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

// ---------------------------------------------------------------------------------
// Output formats.

/// Words of the table, Markdown and evidence outputs.
struct Words {
    headers: [&'static str; 9],
    done: &'static str,
    not_done: &'static str,
    problems: &'static str,
}

fn words(lang: Lang) -> Words {
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

fn summary_line(s: &Summary, lang: Lang) -> String {
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

/// The cells of a row as shown in the table and Markdown (escaped, not padded).
fn cells(r: &Row, w: &Words) -> [String; 9] {
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

// ---------------------------------------------------------------------------------
// One member's evidence.

fn indent(text: &str, by: &str) -> String {
    let t = escape_controls_multiline(text).replace('\t', "    ");
    let mut o = String::new();
    for l in t.lines() {
        let _ = writeln!(o, "{by}{l}");
    }
    if o.is_empty() {
        let _ = writeln!(o, "{by}-");
    }
    o
}

fn right_answer(a: &Answer, choices: &[String]) -> String {
    match a {
        Answer::Choices(set) => set
            .iter()
            .map(|l| {
                let i = (*l as usize).saturating_sub('A' as usize);
                choices
                    .get(i)
                    .map_or_else(|| l.to_string(), |c| format!("{l}({})", escape_controls(c)))
            })
            .collect::<Vec<_>>()
            .join(" "),
        Answer::Judge(b) => b.to_string(),
        Answer::Fill(forms) => forms
            .iter()
            .map(|f| escape_controls(f))
            .collect::<Vec<_>>()
            .join(" / "),
    }
}

#[allow(clippy::too_many_lines)]
fn evidence(
    out: &mut String,
    row: &Row,
    c: &Completion,
    a: &Assessment,
    catalog: &impl Catalog,
    plan: Option<&Plan>,
    lang: Lang,
) {
    let zh = lang == Lang::Zh;
    let w = words(lang);
    let t = |zh_s: &'static str, en_s: &'static str| if zh { zh_s } else { en_s };
    let state = |done: bool| if done { w.done } else { w.not_done };
    let _ = writeln!(out, "== {} ==", escape_controls(&row.file));
    let _ = writeln!(
        out,
        "{} {} ({})   {} {}   {} {}",
        t("成员:", "member:"),
        escape_controls(&c.member),
        escape_controls(&c.member_id),
        t("周期:", "cycle:"),
        c.cycle,
        t("导出:", "exported:"),
        c.exported
    );
    if row.verified() {
        let _ = writeln!(out, "✓ {}", t("核验通过", "verified"));
    } else {
        let _ = writeln!(out, "✗ {} {}:", row.problems.len(), t("个问题", "problems"));
        for p in &row.problems {
            let _ = writeln!(out, "    {}", escape_controls(p));
        }
    }

    let _ = writeln!(
        out,
        "\n{} {}  ({} {}/{}, {} {}/{})",
        t("月读", "read"),
        state(a.read.done),
        t("已读", "units read"),
        a.read.units_read.len(),
        a.read.units_required,
        t("心得字数", "reflection characters"),
        a.read.reflection_chars,
        a.read.reflection_min
    );
    if let Some(units) = plan.and_then(|p| p.units_for(&c.cycle)) {
        let _ = writeln!(
            out,
            "  {} {}",
            t("计划篇目:", "planned units:"),
            units.join(", ")
        );
    }
    for e in &c.read {
        let counted = a.read.units_read.contains(&e.unit);
        let title = catalog.unit(&e.unit).map_or_else(
            || t("(内容中没有此篇)", "(not in the content)").to_string(),
            |u| escape_controls(&u.title),
        );
        let finished = e.finished.map_or_else(
            || t("未读完", "not finished").to_string(),
            |f| format!("{} {f}", t("读完于", "finished")),
        );
        let _ = writeln!(
            out,
            "  {} {} {}  {} {}  {finished}",
            if counted { "✓" } else { "·" },
            escape_controls(&e.unit),
            title,
            e.seconds,
            t("秒", "s")
        );
    }
    match &c.reflection {
        Some(r) => {
            let on = r
                .unit
                .as_deref()
                .map(|u| format!(" ({} {})", t("关于", "on"), escape_controls(u)))
                .unwrap_or_default();
            let _ = writeln!(out, "  {}{on}:", t("心得", "reflection"));
            out.push_str(&indent(&r.text, "    "));
        }
        None => {
            let _ = writeln!(out, "  {}", t("心得: 无", "reflection: none"));
        }
    }

    let _ = writeln!(
        out,
        "\n{} {}  ({} {}/{})",
        t("月讲", "talk"),
        state(a.talk.done),
        t("提纲字数", "outline characters"),
        a.talk.outline_chars,
        a.talk.outline_min
    );
    if let Some(theme) = plan.and_then(|p| p.talk_theme_for(&c.cycle)) {
        let _ = writeln!(
            out,
            "  {} {}",
            t("计划主题:", "planned theme:"),
            escape_controls(theme)
        );
    }
    match &c.talk {
        Some(talk) => {
            let _ = writeln!(
                out,
                "  {} {}",
                t("题目:", "topic:"),
                escape_controls(&talk.topic)
            );
            let _ = writeln!(
                out,
                "  {} {}",
                t("讲授日期:", "delivered:"),
                talk.delivered
                    .map_or_else(|| "-".to_string(), |d| d.to_string())
            );
            let _ = writeln!(out, "  {}", t("提纲:", "outline:"));
            out.push_str(&indent(&talk.outline, "    "));
        }
        None => {
            let _ = writeln!(out, "  {}", t("月讲: 无", "talk: none"));
        }
    }

    let _ = writeln!(
        out,
        "\n{} {}  ({} {}, {} {}/{})",
        t("月学", "study"),
        state(a.study.done),
        t("及格分", "pass score"),
        a.study.pass_score,
        t("调研字数", "survey characters"),
        a.study.survey_chars,
        a.study.survey_min
    );
    match (&c.test, &a.study.test) {
        (Some(test), Some(result)) => {
            let _ = writeln!(
                out,
                "  {} {}  {} {} ({}/{})",
                t("测验开始于", "test began"),
                test.taken,
                t("得分", "score"),
                result.score,
                result.correct,
                result.draw.len()
            );
            for (i, g) in result.answers.iter().enumerate() {
                let mark = match g.verdict {
                    Verdict::Right => "✓",
                    Verdict::Wrong => "✗",
                    Verdict::UnknownUnit | Verdict::UnknownQuestion => "?",
                };
                let q = catalog.unit(&g.unit).and_then(|u| u.question(&g.question));
                let prompt = q.map_or_else(
                    || t("(内容中没有此题)", "(no such question in the content)").to_string(),
                    |q| escape_controls(&q.prompt),
                );
                let outside = if g.in_draw {
                    ""
                } else {
                    t(" [不在抽题中]", " [not in the draw]")
                };
                let _ = writeln!(
                    out,
                    "  {:>2}. {mark} {}/{}{outside}  {prompt}",
                    i + 1,
                    escape_controls(&g.unit),
                    escape_controls(&g.question)
                );
                let right =
                    q.map_or_else(|| "-".to_string(), |q| right_answer(&q.answer, &q.choices));
                let _ = writeln!(
                    out,
                    "        {} {}   {} {}",
                    t("作答:", "given:"),
                    if g.given.is_empty() {
                        "-".to_string()
                    } else {
                        escape_controls(&g.given)
                    },
                    t("正确答案:", "right answer:"),
                    right
                );
            }
        }
        _ => {
            let _ = writeln!(out, "  {}", t("测验: 未参加", "test: not taken"));
        }
    }
    match &c.survey {
        Some(s) => {
            let _ = writeln!(
                out,
                "  {} {}",
                t("调研:", "survey:"),
                escape_controls(&s.title)
            );
            out.push_str(&indent(&s.text, "    "));
        }
        None => {
            let _ = writeln!(out, "  {}", t("调研: 无", "survey: none"));
        }
    }
}

/// Every file of one member (within `--cycle`), with the full evidence.
fn member_view<C: Catalog + Sync>(
    req: &Request<'_>,
    files: &[(String, PathBuf)],
    verifier: &Verifier<'_, C>,
    catalog: &C,
    plan: Option<&Plan>,
    lang: Lang,
    id: &str,
) -> anyhow::Result<(String, bool)> {
    let mut out = String::new();
    let mut all_ok = true;
    let mut found = 0;
    let mut buf = Vec::new();
    for (name, path) in files {
        let Ok(text) = read_file(path, &mut buf) else {
            continue;
        };
        let Ok(c) = Completion::parse(text) else {
            continue;
        };
        if c.member_id != id || req.cycle.is_some_and(|cy| cy != c.cycle) {
            continue;
        }
        let (row, a) = verifier.verify_parsed(name, &c);
        all_ok &= row.verified();
        if found > 0 {
            out.push('\n');
        }
        found += 1;
        evidence(&mut out, &row, &c, &a, catalog, plan, lang);
    }
    if found == 0 {
        bail!(
            "no completion file of member {:?} in {}{}",
            escape_controls(id),
            req.dir.display(),
            req.cycle
                .map(|c| format!(" for cycle {c}"))
                .unwrap_or_default()
        );
    }
    Ok((out, all_ok))
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
        assert!(t.contains("Li\\u{1b}[2J"));
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
