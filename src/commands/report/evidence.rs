//! `report --member`: every file of one member with the full evidence.

use std::fmt::Write as _;

use anyhow::bail;

use super::Request;
use crate::core::assess::{Assessment, Verdict};
use crate::core::completion::Completion;
use crate::core::config::Lang;
use crate::core::plan::Plan;
use crate::core::regime::{Rules, local_date};
use crate::core::report::{Part, Report, Row, Verifier, shortfalls, split_file_name};
use crate::core::text::{escape_controls, escape_controls_multiline};
use crate::core::unit::{Answer, Catalog};
use crate::store::completions::read_file;
use crate::strings::findings;

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

/// Why one `[[read]]` entry does or does not count for 月读, by the secretary's rules.
fn why_read(
    e: &crate::core::completion::ReadEntry,
    c: &Completion,
    rules: &Rules,
    plan_units: Option<&[String]>,
    catalog: &impl Catalog,
    zh: bool,
) -> Vec<String> {
    let mut out = Vec::new();
    if catalog.unit(&e.unit).is_none() {
        out.push(if zh {
            "不在学习内容中".into()
        } else {
            "not in the content".into()
        });
    }
    if plan_units.is_some_and(|us| !us.contains(&e.unit)) {
        out.push(if zh {
            "不在本周期计划篇目中".into()
        } else {
            "not a unit of the plan for the cycle".into()
        });
    }
    if e.seconds < rules.read.min_seconds {
        out.push(if zh {
            format!("阅读 {} 秒，少于 {} 秒", e.seconds, rules.read.min_seconds)
        } else {
            format!(
                "{} s read, less than {} s",
                e.seconds, rules.read.min_seconds
            )
        });
    }
    match e.finished.as_ref().map(|f| (f, local_date(f))) {
        None => out.push(if zh {
            "未读完".into()
        } else {
            "not finished".into()
        }),
        Some((f, Some(d))) if !c.cycle.contains(d) => out.push(if zh {
            format!("读完于 {f}，不在周期 {} 内", c.cycle)
        } else {
            format!("finished {f}, outside {}", c.cycle)
        }),
        Some(_) => {}
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn evidence(
    out: &mut String,
    row: &Row,
    c: &Completion,
    a: &Assessment,
    catalog: &impl Catalog,
    plan: Option<&Plan>,
    rules: &Rules,
    lang: Lang,
) {
    let zh = lang == Lang::Zh;
    let w = findings::get(lang);
    let t = |zh_s: &'static str, en_s: &'static str| if zh { zh_s } else { en_s };
    let state = |done: bool| if done { w.done } else { w.not_done };
    let _ = writeln!(
        out,
        "== {} ==",
        escape_controls(row.file.as_deref().unwrap_or("-"))
    );
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
    }
    if !row.problems.is_empty() {
        for p in &row.problems {
            let _ = writeln!(
                out,
                "    {}",
                escape_controls(&findings::get(lang).problem(p, lang))
            );
        }
    }
    let _ = writeln!(
        out,
        "{} {} {}, {} {} {}, {} {} {}, {} {}, {} {}, {} {}, {} {}",
        t("按支部规则复核:", "judged by the branch's rules:"),
        t("应读", "units"),
        rules.read.units,
        t("每篇至少", "at least"),
        rules.read.min_seconds,
        t("秒", "s"),
        t("心得", "reflection"),
        rules.read.reflection_min_chars,
        t("字", "chars"),
        t("提纲", "outline"),
        rules.talk.outline_min_chars,
        t("及格", "pass"),
        rules.study.pass_score,
        t("调研", "survey"),
        rules.study.survey_min_chars,
        t("抽题", "questions"),
        rules.study.questions
    );
    if let Some(own) = &c.rules {
        let list: Vec<String> = own
            .iter()
            .map(|(k, v)| format!("{} = {}", escape_controls(k), escape_controls(v)))
            .collect();
        let _ = writeln!(
            out,
            "{} {}",
            t("成员导出时的规则 [rules]:", "the member's own [rules]:"),
            list.join(", ")
        );
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
    if let Some(why) = not_done(a, Part::Read, c, lang) {
        let _ = writeln!(out, "  {why}");
    }
    let plan_units = plan.and_then(|p| p.units_for(&c.cycle));
    for e in &c.read {
        let counted = a.read.units_read.contains(&e.unit);
        let why = why_read(e, c, rules, plan_units, catalog, zh);
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
        if !counted {
            let _ = writeln!(
                out,
                "      {} {}",
                t("不计入:", "not counted:"),
                why.join(t("；", "; "))
            );
        }
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
    if let Some(why) = not_done(a, Part::Talk, c, lang) {
        let _ = writeln!(out, "  {why}");
    }
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
    if let Some(why) = not_done(a, Part::Study, c, lang) {
        let _ = writeln!(out, "  {why}");
    }
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

/// "未完成：…" for a part that is not done.
fn not_done(a: &Assessment, part: Part, c: &Completion, lang: Lang) -> Option<String> {
    let done = match part {
        Part::Read => a.read.done,
        Part::Talk => a.talk.done,
        Part::Study => a.study.done,
    };
    if done {
        return None;
    }
    let late = match (a.talk.delivered, local_date(&c.exported)) {
        (Some(d), Some(e)) => d > e,
        _ => false,
    };
    let why: Vec<String> = shortfalls(a, c, part, late)
        .iter()
        .map(|s| findings::get(lang).shortfall(s))
        .collect();
    Some(match lang {
        Lang::Zh => format!("未完成：{}", why.join("；")),
        Lang::En => format!("not done: {}", why.join("; ")),
    })
}

/// Every file of one member (within `--cycle`) with the full evidence, read again
/// from the folder; a file that does not parse shows its problems. The rows come
/// from the whole folder's report, so duplicates and roster findings are shown.
#[allow(clippy::too_many_arguments)]
pub(super) fn member_view<C: Catalog + Sync>(
    req: &Request<'_>,
    report: &Report,
    verifier: &Verifier<'_, C>,
    catalog: &C,
    plan: Option<&Plan>,
    lang: Lang,
    id: &str,
) -> anyhow::Result<(String, bool)> {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let mut all_ok = true;
    let mut found = 0;
    let mut buf = Vec::new();
    let mine = report.rows.iter().filter(|r| {
        r.member_key() == Some(id)
            || r.file
                .as_deref()
                .and_then(split_file_name)
                .is_some_and(|(n, _)| n == id)
    });
    for row in mine {
        all_ok &= row.verified();
        if found > 0 {
            out.push('\n');
        }
        found += 1;
        let parsed = row.file.as_deref().and_then(|name| {
            let text = read_file(&req.dir.join(name), &mut buf).ok()?;
            Completion::parse(text).ok()
        });
        if let Some(c) = parsed {
            let (_, a) = verifier.verify_parsed(row.file.as_deref().unwrap_or(""), &c);
            evidence(&mut out, row, &c, &a, catalog, plan, verifier.rules, lang);
        } else {
            let _ = writeln!(
                out,
                "== {} ==",
                escape_controls(row.file.as_deref().unwrap_or(if zh {
                    "未交"
                } else {
                    "not handed in"
                }))
            );
            let _ = writeln!(
                out,
                "{} {}   {} {}",
                if zh { "成员:" } else { "member:" },
                escape_controls(row.member.as_deref().unwrap_or(id)),
                if zh { "周期:" } else { "cycle:" },
                row.cycle_key()
                    .map_or_else(|| "-".into(), |c| c.to_string())
            );
            let _ = writeln!(
                out,
                "✗ {}",
                if zh {
                    "没有可核验的内容："
                } else {
                    "nothing to verify:"
                }
            );
            for p in &row.problems {
                let _ = writeln!(
                    out,
                    "    {}",
                    escape_controls(&findings::get(lang).problem(p, lang))
                );
            }
        }
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
