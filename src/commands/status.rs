//! `dangxue status [--cycle C]`: the cycle's 月读/月讲/月学 as plain text, from the
//! same derivation as the home screen.

use std::fmt::Write;
use std::path::Path;

use crate::core::completion::{Assessment, Completion, assess};
use crate::core::config::Lang;
use crate::core::reading::{ReadState, read_state};
use crate::core::regime::{Cycle, Rules};
use crate::core::state::MemberState;
use crate::core::text::escape_controls;
use crate::store::content::Library;
use crate::strings::{self, Strings};

/// What the completion file does not show: each unit's read state and a test begun but
/// not handed in (answered, total).
#[derive(Debug, Clone, Copy)]
pub struct Underway<'a> {
    /// Units with their read state in the cycle.
    pub reads: &'a [(String, ReadState)],
    /// The open test's answered and total questions.
    pub open_test: Option<(usize, usize)>,
}

/// The status text for a member and cycle.
#[must_use]
pub fn render(
    s: &Strings,
    name: &str,
    id: &str,
    cycle: &Cycle,
    a: &Assessment,
    work: &Underway<'_>,
    titles: &dyn Fn(&str) -> String,
) -> String {
    let (reads, open_test) = (work.reads, work.open_test);
    let zh = s.lang == Lang::Zh;
    let mark = |done: bool| {
        if done {
            format!("✓ {}", s.done)
        } else {
            format!("✗ {}", s.not_done)
        }
    };
    let mut o = String::new();
    let range = if zh {
        format!("{} 至 {}", cycle.first_day(), cycle.last_day())
    } else {
        format!("{} to {}", cycle.first_day(), cycle.last_day())
    };
    let _ = writeln!(
        o,
        "{} ({}) · {cycle} · {range}",
        escape_controls(name),
        escape_controls(id)
    );
    let r = &a.read;
    let _ = writeln!(
        o,
        "{}  {}  {}/{} · {}",
        s.parts[0],
        mark(r.done),
        r.units_read.len(),
        r.units_required,
        s.chars_of(s.fields[0], r.reflection_chars, r.reflection_min)
    );
    if r.units_missing() > 0 {
        let _ = writeln!(
            o,
            "      {}",
            s.need_units(u32::try_from(r.units_missing()).unwrap_or(u32::MAX))
        );
    }
    for (u, state) in reads {
        if state.is_counted() {
            let _ = writeln!(o, "      ✓ {}", titles(u));
        } else {
            let _ = writeln!(o, "      · {}  {}", titles(u), s.read_state(*state));
        }
    }
    let t = &a.talk;
    let delivered = match (t.delivered, t.delivered_in_cycle) {
        (Some(d), true) if t.delivered_in_future && zh => format!("{d}(还没到,当天起计入)"),
        (Some(d), true) if t.delivered_in_future => format!("{d} (still to come)"),
        (Some(d), true) => d.to_string(),
        (Some(d), false) if zh => format!("{d}(不在本期)"),
        (Some(d), false) => format!("{d} (outside the cycle)"),
        (None, _) => "✗".to_string(),
    };
    let _ = writeln!(
        o,
        "{}  {}  {}{} · {} · {} {delivered}",
        s.parts[1],
        mark(t.done),
        s.fields[1],
        if t.has_topic { "✓" } else { "✗" },
        s.chars_of(s.fields[2], t.outline_chars, t.outline_min),
        s.fields[3],
    );
    let st = &a.study;
    let test = match (&st.test, open_test) {
        (Some(tr), _) => s.score(tr.score, st.pass_score),
        (None, Some((answered, total))) => s.test_in_progress(answered, total),
        (None, None) if zh => "测试未参加".to_string(),
        (None, None) => "test not taken".to_string(),
    };
    let _ = writeln!(
        o,
        "{}  {}  {test} · {}",
        s.parts[2],
        mark(st.done),
        s.chars_of(s.editors[2], st.survey_chars, st.survey_min)
    );
    o
}

/// Each unit worth listing with its read state in `cycle`: the plan's units (in plan
/// order), then every other unit opened in the cycle; without a plan, every unit opened.
fn read_states(
    state: &MemberState,
    cycle: &str,
    rules: &Rules,
    plan_units: Option<&[String]>,
    library: &Library,
) -> Vec<(String, ReadState)> {
    let mut ids: Vec<String> = plan_units.map(<[String]>::to_vec).unwrap_or_default();
    for (id, p) in &state.units {
        if p.cycles.contains_key(cycle) && !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    ids.into_iter()
        .map(|id| {
            let body_len = library.get(&id).map_or(0, |u| u.body.len());
            let in_cycle = plan_units.is_none_or(|u| u.contains(&id));
            let st = read_state(
                state.units.get(&id),
                cycle,
                body_len,
                rules.read.min_seconds,
                in_cycle,
            );
            (id, st)
        })
        .collect()
}

/// Run `status`.
///
/// # Errors
/// When the member, config, plan or state cannot be loaded.
pub fn run(
    home: Option<&Path>,
    member: Option<&str>,
    cycle: Option<&str>,
) -> anyhow::Result<String> {
    let m = super::load_member(home, member)?;
    let cycle = super::cycle_arg(cycle, &m)?;
    let s = strings::get(m.config.lang);
    let units = m.plan.as_ref().and_then(|p| p.units_for(&cycle));
    let now = super::now_datetime(&m.tz).ok_or_else(|| anyhow::anyhow!("cannot read the clock"))?;
    let rules = m.config.rules();
    let c = Completion::from_state(&m.state, &cycle, now, &rules, units, &m.library);
    let a = assess(&c, &rules, units, &m.library);
    let titles = |id: &str| {
        m.library
            .get(id)
            .map_or_else(|| id.to_string(), |u| escape_controls(&u.title))
    };
    // A test begun and not handed in is not in the completion file; say how far it is.
    let open_test = m
        .state
        .cycles
        .get(&cycle.to_string())
        .and_then(|w| w.test.as_ref())
        .filter(|t| !t.submitted)
        .map(|t| {
            let answered = t
                .answers
                .iter()
                .filter(|a| !a.given.trim().is_empty())
                .count();
            (answered, t.answers.len())
        });
    let reads = read_states(&m.state, &cycle.to_string(), &rules, units, &m.library);
    Ok(render(
        s,
        &m.state.name,
        &m.state.member_id,
        &cycle,
        &a,
        &Underway {
            reads: &reads,
            open_test,
        },
        &titles,
    ))
}
