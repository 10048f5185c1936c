//! `dangxue status [--cycle C]`: the cycle's 月读/月讲/月学 as plain text, from the
//! same derivation as the home screen.

use std::fmt::Write;
use std::path::Path;

use crate::core::completion::{Assessment, Completion, assess};
use crate::core::config::Lang;
use crate::core::regime::Cycle;
use crate::core::text::escape_controls;
use crate::strings::{self, Strings};

/// The status text for a member and cycle.
#[must_use]
pub fn render(
    s: &Strings,
    name: &str,
    id: &str,
    cycle: &Cycle,
    a: &Assessment,
    titles: &dyn Fn(&str) -> String,
) -> String {
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
    for u in &r.units_read {
        let _ = writeln!(o, "      ✓ {}", titles(u));
    }
    let t = &a.talk;
    let delivered = match (t.delivered, t.delivered_in_cycle) {
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
    let test = match &st.test {
        Some(tr) => s.score(tr.score, st.pass_score),
        None if zh => "测试未参加".to_string(),
        None => "test not taken".to_string(),
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
    Ok(render(
        s,
        &m.state.name,
        &m.state.member_id,
        &cycle,
        &a,
        &titles,
    ))
}
