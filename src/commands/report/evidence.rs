//! `report --member`: every file of one member with the full evidence.

use std::fmt::Write as _;

use anyhow::bail;

use super::Request;
use crate::core::assess::{Assessment, GradedAnswer, Verdict};
use crate::core::completion::{Completion, ReadEntry};
use crate::core::config::Lang;
use crate::core::plan::Plan;
use crate::core::regime::{Rules, local_date};
use crate::core::report::{Part, Report, Row, Verifier, shortfalls, split_file_name};
use crate::core::text::{escape_controls, escape_controls_multiline};
use crate::core::unit::{Answer, Catalog};
use crate::store::completions::read_file;
use crate::strings::findings::{self, Findings};
use crate::strings::{self, Evidence};

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

fn right_answer(a: &Answer, choices: &[String], s: &strings::Strings) -> String {
    let e = s.evidence;
    match a {
        Answer::Choices(set) => set
            .iter()
            .map(|l| {
                let i = (*l as usize).saturating_sub('A' as usize);
                choices
                    .get(i)
                    .map_or_else(|| l.to_string(), |c| (e.choice)(*l, &escape_controls(c)))
            })
            .collect::<Vec<_>>()
            .join(" "),
        Answer::Judge(b) => s.judge.of(*b).to_string(),
        Answer::Fill(forms) => forms
            .iter()
            .map(|f| escape_controls(f))
            .collect::<Vec<_>>()
            .join(" / "),
    }
}

/// One parsed file as the evidence view shows it: the file's row in the report, what
/// it holds, its assessment, and what it is judged against.
struct View<'a, C> {
    row: &'a Row,
    c: &'a Completion,
    a: &'a Assessment,
    catalog: &'a C,
    plan: Option<&'a Plan>,
    rules: &'a Rules,
    lang: Lang,
    e: &'static Evidence,
    w: &'static Findings,
}

impl<C: Catalog> View<'_, C> {
    /// The whole evidence of the file: its head, the rules, then the three parts.
    fn write(&self, out: &mut String) {
        let e = self.e;
        self.head(out);
        let _ = writeln!(out, "{}", (e.rules)(self.rules));
        if let Some(own) = &self.c.rules {
            let list: Vec<String> = own
                .iter()
                .map(|(k, v)| format!("{} = {}", escape_controls(k), escape_controls(v)))
                .collect();
            let _ = writeln!(out, "{}", (e.own_rules)(&list.join(e.list_sep)));
        }
        self.read_part(out);
        self.talk_part(out);
        self.study_part(out);
    }

    /// The head of the file: its name, member and cycle, and whether it verified.
    fn head(&self, out: &mut String) {
        let (row, c, e) = (self.row, self.c, self.e);
        let _ = writeln!(
            out,
            "== {} ==",
            escape_controls(row.file.as_deref().unwrap_or("-"))
        );
        let _ = writeln!(
            out,
            "{}",
            (e.member_line)(
                &escape_controls(&c.member),
                &escape_controls(&c.member_id),
                &c.cycle.to_string(),
                &c.exported.to_string()
            )
        );
        if row.verified() {
            let _ = writeln!(out, "✓ {}", e.verified);
        } else {
            let _ = writeln!(out, "✗ {}", (e.problems)(row.problems.len()));
        }
        problems(out, row, self.lang);
    }

    /// The word for a part that is done or not.
    fn done(&self, done: bool) -> &'static str {
        if done { self.w.done } else { self.w.not_done }
    }

    /// A part's head line, then why it is not done (when it is not).
    fn part_head(&self, out: &mut String, head: &str, part: Part) {
        let _ = writeln!(out, "\n{head}");
        if let Some(why) = self.not_done(part) {
            let _ = writeln!(out, "  {why}");
        }
    }

    /// 月读: the units read, why each counts or not, and the reflection.
    fn read_part(&self, out: &mut String) {
        let (c, a, e) = (self.c, self.a, self.e);
        let plan_units = self.plan.and_then(|p| p.units_for(&c.cycle));
        let head = (e.read_head)(
            self.done(a.read.done),
            a.read.units_read.len(),
            a.read.units_required,
            a.read.reflection_chars,
            a.read.reflection_min,
        );
        // The planned units stand between the head and why the part is not done.
        let _ = writeln!(out, "\n{head}");
        if let Some(units) = plan_units {
            let _ = writeln!(out, "  {}", (e.planned_units)(&units.join(e.list_sep)));
        }
        if let Some(why) = self.not_done(Part::Read) {
            let _ = writeln!(out, "  {why}");
        }
        for entry in &c.read {
            let counted = a.read.units_read.contains(&entry.unit);
            let title = self.catalog.unit(&entry.unit).map_or_else(
                || e.no_such_unit.to_string(),
                |u| escape_controls(&u.meta.title),
            );
            let finished = entry.finished.map_or_else(
                || e.not_finished.to_string(),
                |f| (e.finished_at)(&f.to_string()),
            );
            let _ = writeln!(
                out,
                "  {} {} {title}  {}  {finished}",
                if counted { "✓" } else { "·" },
                escape_controls(&entry.unit),
                (e.seconds)(entry.seconds)
            );
            if !counted {
                let why = self.why_read(entry, plan_units);
                let _ = writeln!(out, "      {}", (e.not_counted)(&why.join(e.why_sep)));
            }
        }
        match &c.reflection {
            Some(r) => {
                let on = r.unit.as_deref().map(escape_controls);
                let _ = writeln!(out, "  {}", (e.reflection)(on.as_deref()));
                out.push_str(&indent(&r.text, "    "));
            }
            None => {
                let _ = writeln!(out, "  {}", e.no_reflection);
            }
        }
    }

    /// Why one `[[read]]` entry does or does not count for 月读, by the secretary's rules.
    fn why_read(&self, entry: &ReadEntry, plan_units: Option<&[String]>) -> Vec<String> {
        let (c, e, rules) = (self.c, self.e, self.rules);
        let mut out = Vec::new();
        if self.catalog.unit(&entry.unit).is_none() {
            out.push(e.not_in_content.to_string());
        }
        if plan_units.is_some_and(|us| !us.contains(&entry.unit)) {
            out.push(e.not_in_plan.to_string());
        }
        if entry.seconds < rules.read.min_seconds {
            out.push((e.too_short)(entry.seconds, rules.read.min_seconds));
        }
        match entry.finished.as_ref().map(|f| (f, local_date(f))) {
            None => out.push(e.not_finished.to_string()),
            Some((f, Some(d))) if !c.cycle.contains(d) => {
                out.push((e.finished_outside)(&f.to_string(), &c.cycle.to_string()));
            }
            Some(_) => {}
        }
        out
    }

    /// 月讲: the plan's theme, the topic, the day and the outline.
    fn talk_part(&self, out: &mut String) {
        let (c, a, e) = (self.c, self.a, self.e);
        let head = (e.talk_head)(
            self.done(a.talk.done),
            a.talk.outline_chars,
            a.talk.outline_min,
        );
        self.part_head(out, &head, Part::Talk);
        if let Some(theme) = self.plan.and_then(|p| p.talk_theme_for(&c.cycle)) {
            let _ = writeln!(out, "  {}", (e.planned_theme)(&escape_controls(theme)));
        }
        match &c.talk {
            Some(talk) => {
                let _ = writeln!(out, "  {}", (e.topic)(&escape_controls(&talk.topic)));
                let day = talk
                    .delivered
                    .map_or_else(|| "-".to_string(), |d| d.to_string());
                let _ = writeln!(out, "  {}", (e.delivered)(&day));
                let _ = writeln!(out, "  {}", e.outline);
                out.push_str(&indent(&talk.outline, "    "));
            }
            None => {
                let _ = writeln!(out, "  {}", e.no_talk);
            }
        }
    }

    /// 月学: every answer of the test against the right one, and the survey.
    fn study_part(&self, out: &mut String) {
        let (c, a, e) = (self.c, self.a, self.e);
        let head = (e.study_head)(
            self.done(a.study.done),
            a.study.pass_score,
            a.study.survey_chars,
            a.study.survey_min,
        );
        self.part_head(out, &head, Part::Study);
        match (&c.test, &a.study.test) {
            (Some(test), Some(result)) => {
                let _ = writeln!(
                    out,
                    "  {}",
                    (e.test)(
                        &test.taken.to_string(),
                        result.score,
                        result.correct,
                        result.draw.len()
                    )
                );
                for (i, g) in result.answers.iter().enumerate() {
                    self.answer(out, i + 1, g);
                }
            }
            _ => {
                let _ = writeln!(out, "  {}", e.no_test);
            }
        }
        match &c.survey {
            Some(s) => {
                let _ = writeln!(out, "  {}", (e.survey)(&escape_controls(&s.title)));
                out.push_str(&indent(&s.text, "    "));
            }
            None => {
                let _ = writeln!(out, "  {}", e.no_survey);
            }
        }
    }

    /// The `n`th answer of the test: its verdict and question, then the answer given
    /// beside the right one.
    fn answer(&self, out: &mut String, n: usize, g: &GradedAnswer) {
        let e = self.e;
        let mark = match g.verdict {
            Verdict::Right => "✓",
            Verdict::Wrong => "✗",
            Verdict::UnknownUnit | Verdict::UnknownQuestion => "?",
        };
        let q = self
            .catalog
            .unit(&g.unit)
            .and_then(|u| u.question(&g.question));
        let prompt = q.map_or_else(
            || e.no_such_question.to_string(),
            |q| escape_controls(&q.prompt),
        );
        let outside = if g.in_draw { "" } else { e.not_in_draw };
        let _ = writeln!(
            out,
            "  {n:>2}. {mark} {}/{}{outside}  {prompt}",
            escape_controls(&g.unit),
            escape_controls(&g.question)
        );
        let s = strings::get(self.lang);
        let right = q.map_or_else(
            || "-".to_string(),
            |q| right_answer(&q.answer, &q.choices, s),
        );
        let judged = q.is_some_and(|q| matches!(q.answer, Answer::Judge(_)));
        // A judge answer as the quiz shows it, not as the file spells it.
        let given = match g.given.trim() {
            _ if g.given.is_empty() => "-".to_string(),
            "true" if judged => s.judge.yes.to_string(),
            "false" if judged => s.judge.no.to_string(),
            _ => escape_controls(&g.given),
        };
        let _ = writeln!(out, "        {}", (e.given)(&given, &right));
    }

    /// Why a part is not done, or `None` when it is.
    fn not_done(&self, part: Part) -> Option<String> {
        let (a, c) = (self.a, self.c);
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
            .map(|s| self.w.shortfall(s))
            .collect();
        Some((self.e.not_done)(&why.join(self.e.why_sep)))
    }
}

/// A row's problems, one a line, in the reader's language.
fn problems(out: &mut String, row: &Row, lang: Lang) {
    for p in &row.problems {
        let _ = writeln!(
            out,
            "    {}",
            escape_controls(&findings::get(lang).problem(p, lang))
        );
    }
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
    let e = strings::get(lang).evidence;
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
            let view = View {
                row,
                c: &c,
                a: &a,
                catalog,
                plan,
                rules: verifier.rules,
                lang,
                e,
                w: findings::get(lang),
            };
            view.write(&mut out);
        } else {
            let _ = writeln!(
                out,
                "== {} ==",
                escape_controls(row.file.as_deref().unwrap_or(e.not_handed_in))
            );
            let cycle = row
                .cycle_key()
                .map_or_else(|| "-".into(), |c| c.to_string());
            let _ = writeln!(
                out,
                "{}",
                (e.member_cycle)(
                    &escape_controls(row.member.as_deref().unwrap_or(id)),
                    &cycle
                )
            );
            let _ = writeln!(out, "✗ {}", e.nothing_to_verify);
            problems(&mut out, row, lang);
        }
    }
    if found == 0 {
        bail!((e.no_files)(
            &escape_controls(id),
            &req.dir.display().to_string(),
            req.cycle.map(|c| c.to_string()).as_deref()
        ));
    }
    Ok((out, all_ok))
}
