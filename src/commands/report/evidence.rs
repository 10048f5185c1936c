//! `report --member`: every file of one member with the full evidence.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::bail;

use super::Request;
use super::render::words;
use crate::core::completion::{Assessment, Completion, Verdict};
use crate::core::config::Lang;
use crate::core::plan::Plan;
use crate::core::report::{Row, Verifier};
use crate::core::text::{escape_controls, escape_controls_multiline};
use crate::core::unit::{Answer, Catalog};
use crate::store::completions::read_file;

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
pub(super) fn member_view<C: Catalog + Sync>(
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
