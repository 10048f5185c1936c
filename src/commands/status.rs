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
        (None, None) if zh => "测试未参加".to_string(),
        (None, None) => "test not taken".to_string(),
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
    let signing = signing_line(&m);
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
    let zh = s.lang == Lang::Zh;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        if zh {
            "搁置的版本(两个会话改了同一段文字;在编辑器中按 Ctrl-R 换用):"
        } else {
            "Set-aside versions (two sessions changed the same text; Ctrl-R in the editor uses one):"
        }
    );
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
            if zh {
                format!("{} 字", crate::core::text::count_chars(&c.text))
            } else {
                format!("{} chars", crate::core::text::count_chars(&c.text))
            },
            escape_controls(&begins)
        );
    }
    o
}

/// Whether exports are signed, with which key, and whether it is the roster's.
fn signing_line(m: &super::Member) -> String {
    use crate::core::config::Lang;
    let zh = m.config.lang == Lang::Zh;
    let roster_key = m
        .plan
        .as_ref()
        .and_then(|p| p.roster_member(&m.state.member_id))
        .and_then(|r| r.key.as_deref())
        .and_then(|k| crate::core::sshsig::parse_key(k).ok());
    let Some(configured) = &m.config.signing_key else {
        return match (roster_key.is_some(), zh) {
            (true, true) => "签名  未签名：名册要求签名，但配置中没有 signing_key\n".into(),
            (true, false) => {
                "signing   NOT signed: the roster asks for a signature and there is no signing_key in config\n".into()
            }
            (false, true) => "签名  未签名（配置中没有 signing_key）\n".into(),
            (false, false) => "signing   not signed (no signing_key in config)\n".into(),
        };
    };
    let path = crate::store::sign::key_path(configured, &m.paths.home);
    let shown = path.display();
    // The public half: the file itself when it is a .pub, else the .pub beside it.
    let mut beside = path.as_os_str().to_os_string();
    beside.push(".pub");
    let public = [path.clone(), std::path::PathBuf::from(beside)]
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .find_map(|t| ssh_key::PublicKey::from_openssh(t.trim()).ok());
    if !path.exists() {
        return if zh {
            format!("签名  signing_key {shown} 不存在：导出的文件不会签名\n")
        } else {
            format!("signing   signing_key {shown} does not exist: exports will not be signed\n")
        };
    }
    let Some(public) = public else {
        return if zh {
            format!("签名  导出时用 {shown} 签名\n")
        } else {
            format!("signing   exports are signed with {shown}\n")
        };
    };
    let fp = crate::core::sshsig::fingerprint(public.key_data());
    let roster = match (roster_key, zh) {
        (None, _) => String::new(),
        (Some(k), true) if k.key_data() == public.key_data() => "，与名册上的公钥一致".into(),
        (Some(_), true) => "，但名册上是另一把公钥：书记的报告会判为 invalid".into(),
        (Some(k), false) if k.key_data() == public.key_data() => "; it is the roster's key".into(),
        (Some(_), false) => {
            "; the roster has another key, so the secretary's report will call the files invalid"
                .into()
        }
    };
    if zh {
        format!("签名  导出时用 {shown} 签名（{fp}）{roster}\n")
    } else {
        format!("signing   exports are signed with {shown} ({fp}){roster}\n")
    }
}
