//! `dangxue status [--cycle C]`: the cycle's 月读/月讲/月学 as plain text, from the
//! same derivation as the home screen.

use std::fmt::Write;
use std::path::Path;

use crate::core::completion::{Assessment, Completion, assess};
use crate::core::reading::{ReadState, read_state};
use crate::core::regime::{Cycle, Rules};
use crate::core::state::MemberState;
use crate::core::text::escape_controls;
use crate::store::content::Library;
use crate::strings::{self, Signing, Strings};

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
    let mark = |done: bool| {
        if done {
            format!("✓ {}", s.done)
        } else {
            format!("✗ {}", s.not_done)
        }
    };
    let mut o = String::new();
    let range = s.day_range(
        &cycle.first_day().to_string(),
        &cycle.last_day().to_string(),
    );
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
        s.parts.read,
        mark(r.done),
        r.units_read.len(),
        r.units_required,
        s.chars_of(s.fields.reflection, r.reflection_chars, r.reflection_min)
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
        (Some(d), true) if t.delivered_in_future => s.delivered_future(&d.to_string()),
        (Some(d), true) => d.to_string(),
        (Some(d), false) => s.delivered_outside(&d.to_string()),
        (None, _) => "✗".to_string(),
    };
    let _ = writeln!(
        o,
        "{}  {}  {}{} · {} · {} {delivered}",
        s.parts.talk,
        mark(t.done),
        s.fields.topic,
        if t.has_topic { "✓" } else { "✗" },
        s.chars_of(s.fields.outline, t.outline_chars, t.outline_min),
        s.fields.delivered,
    );
    let st = &a.study;
    let test = match (&st.test, open_test) {
        (Some(tr), _) => s.score(tr.score, st.pass_score),
        (None, Some((answered, total))) => s.test_in_progress(answered, total),
        (None, None) => s.test_not_taken.to_string(),
    };
    let _ = writeln!(
        o,
        "{}  {}  {test} · {}",
        s.parts.study,
        mark(st.done),
        s.chars_of(s.editors.survey, st.survey_chars, st.survey_min)
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
    let now = super::now_datetime(&m.tz).ok_or_else(|| anyhow::anyhow!(s.no_clock()))?;
    let rules = m.config.rules();
    let c = Completion::from_state(&m.state, &cycle, now, &rules, units, &m.library);
    let a = assess(&c, &rules, units, &m.library);
    let titles = |id: &str| {
        m.library
            .get(id)
            .map_or_else(|| id.to_string(), |u| escape_controls(&u.meta.title))
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
    let signing = signing_line(s, &m);
    let mut out = render(
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
    );
    out.push_str(&signing);
    out.push_str(&set_aside_list(s, &m.state));
    Ok(out)
}

/// Every text a merge set aside, in every cycle, so a version kept only in the state
/// file is never out of sight: which text, how long, how it begins, and how to bring
/// it back.
#[must_use]
pub fn set_aside_list(s: &Strings, state: &MemberState) -> String {
    if state.conflicts.is_empty() {
        return String::new();
    }
    let mut o = String::new();
    let _ = writeln!(o, "{}", s.set_aside_heading());
    for c in &state.conflicts {
        let begins: String = c.text.chars().take(30).collect();
        let more = if c.text.chars().count() > 30 {
            "…"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "      {} {} · {} · {}{more}",
            c.cycle.as_deref().unwrap_or("-"),
            escape_controls(&c.field),
            s.chars(crate::core::text::count_chars(&c.text)),
            escape_controls(&begins)
        );
    }
    o
}

/// Whether exports are signed, with which key, and whether it is the roster's.
fn signing_line(s: &Strings, m: &super::Member) -> String {
    let roster_key = m
        .plan
        .as_ref()
        .and_then(|p| p.roster_member(&m.state.member_id))
        .and_then(|r| r.key.as_deref())
        .and_then(|k| crate::core::sshsig::parse_key(k).ok());
    let Some(configured) = &m.config.signing_key else {
        return s.signing(Signing::None {
            roster_asks: roster_key.is_some(),
        });
    };
    let path = crate::store::sign::key_path(configured, &m.paths.home);
    let shown = path.display().to_string();
    // The public half: the file itself when it is a .pub, else the .pub beside it.
    let mut beside = path.as_os_str().to_os_string();
    beside.push(".pub");
    let public = [path.clone(), std::path::PathBuf::from(beside)]
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .find_map(|t| ssh_key::PublicKey::from_openssh(t.trim()).ok());
    if !path.exists() {
        return s.signing(Signing::Missing(&shown));
    }
    let Some(public) = public else {
        return s.signing(Signing::Unknown(&shown));
    };
    let fingerprint = crate::core::sshsig::fingerprint(public.key_data());
    s.signing(Signing::Known {
        key: &shown,
        fingerprint: &fingerprint,
        roster: roster_key.map(|k| k.key_data() == public.key_data()),
    })
}
