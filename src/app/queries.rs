//! Read-only questions about the [`App`] that the screens and the terminal loop ask:
//! the cycle's 月读/月讲/月学 progress as the home screen shows it (the same
//! derivation `status`, `export` and the secretary's `report` use) and the test draw.
//! `ui/` reads these, never `update`.

use super::App;
use crate::core::completion::{Assessment, Completion, assess};
use crate::core::reading::{self, ReadState};
use crate::core::regime::Cycle;

/// The current cycle as a value.
#[must_use]
pub fn cycle(app: &App) -> Cycle {
    Cycle::containing(app.today(), app.rules.cycle.length)
}

/// The member's completion file for the current cycle, as `export` would write it now.
#[must_use]
pub fn completion(app: &App) -> Option<Completion> {
    let exported = app.now_datetime()?;
    Some(Completion::from_state(
        &app.state,
        &cycle(app),
        exported,
        &app.rules,
        app.plan.units.as_deref(),
        &app.library,
    ))
}

/// 月读/月讲/月学 for the current cycle, derived from the evidence.
#[must_use]
pub fn assessment(app: &App) -> Option<Assessment> {
    let c = completion(app)?;
    Some(assess(
        &c,
        &app.rules,
        app.plan.units.as_deref(),
        &app.library,
    ))
}

/// The questions the test would draw if it began now: the deterministic draw over
/// the cycle's units finished so far (the same function the secretary's report runs).
#[must_use]
pub fn draw_now(app: &App) -> Vec<(String, String)> {
    let Some(taken) = app.now_datetime() else {
        return Vec::new();
    };
    crate::core::completion::test_draw_for_state(
        &app.state,
        &cycle(app),
        &taken,
        &app.rules,
        app.plan.units.as_deref(),
        &app.library,
    )
}

/// How many questions the test will have if started now.
#[must_use]
pub fn test_size(app: &App) -> usize {
    draw_now(app).len()
}

/// The plan's units for `cycle`: the current cycle's as set, another's from the plan
/// file.
#[must_use]
pub fn plan_units(app: &App, cycle: &Cycle) -> Option<Vec<String>> {
    if *cycle == app.cycle {
        return app.plan.units.clone();
    }
    app.plan_file
        .as_deref()
        .and_then(|p| p.units_for(cycle))
        .map(<[String]>::to_vec)
}

/// 月读/月讲/月学 of `cycle`, with that cycle's plan.
#[must_use]
pub fn assessment_of(app: &App, cycle: &Cycle) -> Option<Assessment> {
    let exported = app.now_datetime()?;
    let units = plan_units(app, cycle);
    let c = Completion::from_state(
        &app.state,
        cycle,
        exported,
        &app.rules,
        units.as_deref(),
        &app.library,
    );
    Some(assess(&c, &app.rules, units.as_deref(), &app.library))
}

/// The graded score of the submitted test on screen: graded in the cycle it began
/// in, with that cycle's plan, even when handed in after the cycle ended.
#[must_use]
pub fn test_score(app: &App) -> Option<u32> {
    assessment_of(app, &app.test_cycle())?.score()
}

/// The read state of a unit in the current cycle: the one derivation the library, the
/// reader, 本月 and `status` all show (see [`crate::core::reading`]).
#[must_use]
pub fn read_state(app: &App, id: &str) -> ReadState {
    // Only a unit read in the cycle shows a percentage: only its body is needed.
    let cycle = app.cycle.to_string();
    let read = app
        .state
        .units
        .get(id)
        .is_some_and(|p| p.cycles.contains_key(&cycle));
    let body_len = if read {
        app.library.get(id).map_or(0, |u| u.body.len())
    } else {
        0
    };
    let in_cycle = app
        .plan
        .units
        .as_ref()
        .is_none_or(|units| units.iter().any(|u| u == id));
    reading::read_state(
        app.state.units.get(id),
        &cycle,
        body_len,
        app.rules.read.min_seconds,
        in_cycle,
    )
}

/// Whether reading time is being counted now: a unit is open and a key was pressed
/// within `read.idle_seconds`.
#[must_use]
pub fn timing(app: &App) -> bool {
    let idle_ms = i64::try_from(app.rules.read.idle_seconds)
        .unwrap_or(i64::MAX / 2)
        .saturating_mul(1000);
    app.reader.is_some()
        && app.now.as_millisecond() < app.last_input.as_millisecond().saturating_add(idle_ms)
}

/// Seconds counted in the unit during the current cycle.
#[must_use]
pub fn cycle_seconds(app: &App, id: &str) -> u64 {
    app.state
        .units
        .get(id)
        .and_then(|p| p.cycles.get(&app.cycle.to_string()))
        .map_or(0, |r| r.seconds)
}

/// A past cycle with its 月读/月讲/月学, derived from the evidence by the same rules
/// as the current one (and its own plan's units, when the plan names it).
#[derive(Debug, Clone)]
pub struct PastCycle {
    /// The cycle.
    pub cycle: Cycle,
    /// The evidence, as `export --cycle` would write it now.
    pub completion: Completion,
    /// The parts and the score.
    pub assessment: Assessment,
}

/// Every cycle before the current one that the member has any evidence in, or that
/// the plan names, newest first.
#[must_use]
pub fn past_cycles(app: &App) -> Vec<Cycle> {
    let current = cycle(app);
    let length = app.rules.cycle.length;
    let mut names: std::collections::BTreeSet<String> = app.state.cycles.keys().cloned().collect();
    if let Some(plan) = &app.plan_file {
        names.extend(plan.cycles.iter().map(|c| c.cycle.to_string()));
    }
    for p in app.state.units.values() {
        names.extend(p.cycles.keys().cloned());
    }
    let mut out: Vec<Cycle> = names
        .iter()
        .filter_map(|n| n.parse::<Cycle>().ok())
        .filter(|c| c.length() == length)
        .collect();
    for d in app.state.days.keys() {
        if let Ok(date) = d.parse::<jiff::civil::Date>() {
            out.push(Cycle::containing(date, length));
        }
    }
    out.retain(|c| c.last_day() < current.first_day());
    out.sort_by_key(|c| std::cmp::Reverse(c.first_day()));
    out.dedup();
    out
}

/// The evidence and the parts of a past cycle.
#[must_use]
pub fn past_cycle(app: &App, c: &Cycle) -> Option<PastCycle> {
    let exported = app.now_datetime()?;
    let units = app.plan_file.as_deref().and_then(|p| p.units_for(c));
    let completion =
        Completion::from_state(&app.state, c, exported, &app.rules, units, &app.library);
    let assessment = assess(&completion, &app.rules, units, &app.library);
    Some(PastCycle {
        cycle: *c,
        completion,
        assessment,
    })
}

/// How a line of a cycle's evidence is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A part's heading.
    Heading,
    /// Something done or right.
    Good,
    /// Something missing or wrong.
    Bad,
    /// The member's own text.
    Text,
    /// Labels, dates and counts.
    Dim,
}

/// A past cycle's evidence as lines (each wrapped when drawn): what was read, the
/// reflection, the talk, the test with every answer, the survey.
#[must_use]
pub fn evidence(app: &App, p: &PastCycle) -> Vec<(Tone, String)> {
    use crate::core::text::escape_controls_multiline as esc;
    let s = app.s;
    let a = &p.assessment;
    let c = &p.completion;
    let mark = |done: bool| {
        if done {
            format!("✓ {}", s.done)
        } else {
            format!("✗ {}", s.not_done)
        }
    };
    let tone = |ok: bool| if ok { Tone::Good } else { Tone::Bad };
    let title = |id: &str| {
        app.library
            .get(id)
            .map_or_else(|| id.to_string(), |u| esc(&u.meta.title))
    };
    let mut out = vec![(
        Tone::Dim,
        format!(
            "{} · {} — {}",
            p.cycle,
            p.cycle.first_day(),
            p.cycle.last_day()
        ),
    )];
    let text_block = |out: &mut Vec<(Tone, String)>, text: &str| {
        let t = esc(text);
        if t.trim().is_empty() {
            out.push((Tone::Dim, "    —".to_string()));
        }
        for l in t.lines().filter(|l| !l.trim().is_empty()) {
            out.push((Tone::Text, format!("    {l}")));
        }
    };
    // 月读
    let r = &a.read;
    out.push((Tone::Heading, String::new()));
    out.push((
        Tone::Heading,
        format!(
            "{}  {}  {}/{} · {}",
            s.parts.read,
            mark(r.done),
            r.units_read.len(),
            r.units_required,
            s.chars_of(s.fields.reflection, r.reflection_chars, r.reflection_min)
        ),
    ));
    for e in &c.read {
        let done = r.units_read.contains(&e.unit);
        let when = e
            .finished
            .as_ref()
            .and_then(crate::core::regime::local_date)
            .map(|d| format!(" · {} {d}", s.history_finished))
            .unwrap_or_default();
        out.push((
            tone(done),
            format!(
                "  {} {} ({}{when})",
                if done { "✓" } else { "·" },
                title(&e.unit),
                s.duration(e.seconds)
            ),
        ));
    }
    out.push((Tone::Dim, format!("  {}:", s.fields.reflection)));
    text_block(
        &mut out,
        c.reflection.as_ref().map_or("", |x| x.text.as_str()),
    );
    // 月讲
    let t = &a.talk;
    out.push((Tone::Heading, String::new()));
    out.push((
        Tone::Heading,
        format!(
            "{}  {}  {}",
            s.parts.talk,
            mark(t.done),
            s.chars_of(s.fields.outline, t.outline_chars, t.outline_min)
        ),
    ));
    let talk = c.talk.as_ref();
    out.push((
        tone(t.has_topic),
        format!(
            "  {}: {}",
            s.fields.topic,
            talk.map_or_else(String::new, |x| esc(&x.topic))
        ),
    ));
    out.push((
        tone(t.delivered_in_cycle),
        format!(
            "  {}: {}",
            s.fields.delivered,
            t.delivered
                .map_or_else(|| "—".to_string(), |d| d.to_string())
        ),
    ));
    out.push((Tone::Dim, format!("  {}:", s.fields.outline)));
    text_block(&mut out, talk.map_or("", |x| x.outline.as_str()));
    // 月学
    let st = &a.study;
    out.push((Tone::Heading, String::new()));
    let test = match &st.test {
        Some(tr) => s.score(tr.score, st.pass_score),
        None => s.test_not_taken.to_string(),
    };
    out.push((
        Tone::Heading,
        format!(
            "{}  {}  {test} · {}",
            s.parts.study,
            mark(st.done),
            s.chars_of(s.editors.survey, st.survey_chars, st.survey_min)
        ),
    ));
    if let Some(tr) = &st.test {
        out.push((
            Tone::Dim,
            format!("  {}", s.history_test(tr.correct, tr.answers.len())),
        ));
        for (i, g) in tr.answers.iter().enumerate() {
            let right = g.verdict == crate::core::assess::Verdict::Right;
            let prompt = app
                .library
                .get(&g.unit)
                .and_then(|u| u.question(&g.question))
                .map_or_else(|| format!("{}/{}", g.unit, g.question), |q| esc(&q.prompt));
            let given = if g.given.is_empty() {
                "—".to_string()
            } else {
                esc(&g.given)
            };
            out.push((
                tone(right),
                format!(
                    "  {} {}. {prompt} ({} {given})",
                    if right { "✓" } else { "✗" },
                    i + 1,
                    s.history_given
                ),
            ));
        }
    }
    let survey = c.survey.as_ref();
    out.push((
        Tone::Dim,
        format!(
            "  {}: {}",
            s.fields.survey_title,
            survey.map_or_else(String::new, |x| esc(&x.title))
        ),
    ));
    text_block(&mut out, survey.map_or("", |x| x.text.as_str()));
    out
}

/// Rows the open cycle's evidence takes at `width` columns, wrapped as drawn.
#[must_use]
pub fn evidence_rows(app: &App, width: u16) -> usize {
    let Some(p) = app.history.open.and_then(|c| past_cycle(app, &c)) else {
        return 0;
    };
    evidence(app, &p)
        .iter()
        .map(|(_, l)| {
            // As drawn: leading spaces indent every wrapped row.
            let rest = l.trim_start_matches(' ');
            let room = usize::from(width)
                .saturating_sub(l.len() - rest.len())
                .max(1);
            crate::core::layout::wrap(rest, u16::try_from(room).unwrap_or(u16::MAX))
                .len()
                .max(1)
        })
        .sum()
}
