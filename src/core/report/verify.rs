//! One file against the secretary's content, rules and plan: the recomputed parts,
//! and every problem the file alone shows.

use super::{CLOCK_SLACK_SECONDS, Part, Problem, Row, Shortfall, Stamp, split_file_name};
use crate::core::assess::{Assessment, assess};
use crate::core::completion::Completion;
use crate::core::plan::Plan;
use crate::core::regime::{Cycle, Rules, instant, local_date};
use crate::core::unit::Catalog;

/// What files are verified against: the secretary's rules, plan and content, and the
/// time the report runs.
pub struct Verifier<'a, C: Catalog> {
    /// Regime thresholds.
    pub rules: &'a Rules,
    /// The plan, if one is configured.
    pub plan: Option<&'a Plan>,
    /// The content.
    pub catalog: &'a C,
    /// Now; `None` leaves "exported in the future" unchecked.
    pub now: Option<jiff::Timestamp>,
}

impl<C: Catalog> Verifier<'_, C> {
    /// The cycle's units by the plan; `None` without a plan or when it skips the cycle.
    #[must_use]
    pub fn cycle_units(&self, cycle: &Cycle) -> Option<&[String]> {
        self.plan.and_then(|p| p.units_for(cycle))
    }

    /// Parse and verify one file; `file` is its name in the folder.
    #[must_use]
    pub fn verify(&self, file: &str, text: &str) -> Row {
        match Completion::parse(text) {
            Ok(c) => self.verify_parsed(file, &c).0,
            Err(problems) => Row::broken(
                file,
                problems
                    .into_iter()
                    .map(|(line, issue)| Problem::Parse { line, issue })
                    .collect(),
            ),
        }
    }

    /// Verify a parsed file; also returns the assessment, for showing the evidence.
    /// The talk of an assessment returned here is not done when it was delivered
    /// after `exported` (SPEC: in `report`, not after the file's `exported`).
    #[must_use]
    pub fn verify_parsed(&self, file: &str, c: &Completion) -> (Row, Assessment) {
        let mut a = assess(c, self.rules, self.cycle_units(&c.cycle), self.catalog);
        let exported_day = local_date(&c.exported);
        let delivered_late = match (a.talk.delivered, exported_day) {
            (Some(d), Some(e)) => d > e,
            _ => false,
        };
        if delivered_late {
            a.talk.done = false;
        }
        let mut row = Row {
            file: Some(file.to_string()),
            member_id: Some(c.member_id.clone()),
            member: Some(c.member.clone()),
            cycle: Some(c.cycle),
            read: Some(a.read.done),
            talk: Some(a.talk.done),
            study: Some(a.study.done),
            score: a.score(),
            problems: Vec::new(),
            signature: None,
            late: false,
            handed_in: true,
            name_id: None,
            name_cycle: None,
        };
        for p in name_problems(file, c) {
            row.push(p);
        }
        if c.cycle.length() != self.rules.cycle.length {
            row.push(Problem::OtherLength {
                cycle: c.cycle,
                want: self.rules.cycle.length,
            });
        }
        for f in &a.findings {
            row.push(Problem::Evidence(f.clone()));
        }
        for p in disagreements(c, &a, delivered_late) {
            row.push(p);
        }
        for p in self.implausible(c) {
            row.push(p);
        }
        if let (Some(due), Some(day)) = (self.plan.and_then(|p| p.due_for(&c.cycle)), exported_day)
            && day > due
        {
            row.late = true;
            row.push(Problem::Late { exported: day, due });
        }
        (row, a)
    }

    /// Times that cannot be true (SPEC's plausibility checks).
    fn implausible(&self, c: &Completion) -> Vec<Problem> {
        let mut out = Vec::new();
        let exported = c.exported.to_string();
        let at = instant(&c.exported);
        let after = |d: &toml::value::Datetime| match (instant(d), at) {
            (Some(t), Some(e)) => t > e,
            _ => false,
        };
        for e in &c.read {
            if let Some(f) = &e.finished
                && after(f)
            {
                out.push(Problem::AfterExport {
                    what: Stamp::Finished(e.unit.clone()),
                    at: f.to_string(),
                    exported: exported.clone(),
                });
            }
        }
        if let Some(t) = &c.test {
            if after(&t.taken) {
                out.push(Problem::AfterExport {
                    what: Stamp::Taken,
                    at: t.taken.to_string(),
                    exported: exported.clone(),
                });
            }
            if let Some(s) = &t.submitted
                && after(s)
            {
                out.push(Problem::AfterExport {
                    what: Stamp::Submitted,
                    at: s.to_string(),
                    exported: exported.clone(),
                });
            }
        }
        let day = local_date(&c.exported);
        if let (Some(d), Some(e)) = (
            c.talk
                .as_ref()
                .and_then(|t| t.delivered.as_ref())
                .and_then(local_date),
            day,
        ) && d > e
        {
            out.push(Problem::AfterExport {
                what: Stamp::Delivered,
                at: d.to_string(),
                exported: exported.clone(),
            });
        }
        let before_cycle = day.is_some_and(|d| d < c.cycle.first_day());
        if before_cycle {
            out.push(Problem::ExportedBeforeCycle {
                exported: exported.clone(),
                starts: c.cycle.first_day(),
            });
        }
        if let (Some(now), Some(e)) = (self.now, at)
            && e.as_second() > now.as_second().saturating_add(CLOCK_SLACK_SECONDS)
        {
            let zone = jiff::tz::TimeZone::fixed(e_offset(&c.exported));
            out.push(Problem::ExportedInFuture {
                exported: exported.clone(),
                now: now
                    .to_zoned_datetime(zone)
                    .strftime("%Y-%m-%dT%H:%M:%S%:z")
                    .to_string(),
            });
        }
        let cycle_seconds = u64::from(c.cycle.len_days()) * 86_400;
        for e in &c.read {
            if e.seconds > cycle_seconds {
                out.push(Problem::UnitSeconds {
                    unit: e.unit.clone(),
                    seconds: e.seconds,
                    cycle_seconds,
                });
            }
        }
        if !before_cycle && let Some(available) = seconds_since_cycle_start(c) {
            let total = c
                .read
                .iter()
                .fold(0u64, |sum, e| sum.saturating_add(e.seconds));
            if total > available {
                out.push(Problem::TotalSeconds { total, available });
            }
        }
        out
    }
}

/// An offset datetime's own offset (UTC when it has none).
fn e_offset(d: &toml::value::Datetime) -> jiff::tz::Offset {
    let minutes = match d.offset {
        Some(toml::value::Offset::Custom { minutes }) => i32::from(minutes),
        _ => 0,
    };
    jiff::tz::Offset::from_seconds(minutes * 60).unwrap_or(jiff::tz::Offset::UTC)
}

/// Seconds from the cycle's first midnight to `exported`, both read in the offset
/// `exported` is written in (the member's local time).
fn seconds_since_cycle_start(c: &Completion) -> Option<u64> {
    let at = instant(&c.exported)?;
    let start = e_offset(&c.exported)
        .to_timestamp(
            c.cycle
                .first_day()
                .to_datetime(jiff::civil::Time::midnight()),
        )
        .ok()?;
    u64::try_from(at.as_second() - start.as_second()).ok()
}

/// A file name that disagrees with the file's `member_id` or `cycle`.
fn name_problems(file: &str, c: &Completion) -> Vec<Problem> {
    let expected = format!("{}-{}.toml", c.member_id, c.cycle);
    if file == expected {
        return Vec::new();
    }
    let Some((id, cycle)) = split_file_name(file) else {
        return vec![Problem::NameForm { expected }];
    };
    let mut out = Vec::new();
    if id != c.member_id {
        out.push(Problem::NameId {
            name: id.to_string(),
            inside: c.member_id.clone(),
        });
    }
    if cycle != c.cycle {
        out.push(Problem::NameCycle {
            name: cycle.to_string(),
            inside: c.cycle,
        });
    }
    out
}

/// Why each part is not done, as data.
fn read_why(a: &Assessment, c: &Completion) -> Vec<Shortfall> {
    let r = &a.read;
    let mut out = Vec::new();
    if r.units_missing() > 0 {
        out.push(Shortfall::UnitsRead {
            read: r.units_read.len(),
            need: r.units_required,
        });
    }
    if r.reflection_chars < r.reflection_min as usize {
        // A reflection of invisible characters counts 0 but is not "no reflection".
        out.push(if c.reflection.is_none() {
            Shortfall::NoReflection
        } else {
            Shortfall::Reflection {
                chars: r.reflection_chars,
                need: r.reflection_min,
            }
        });
    }
    out
}

fn talk_why(a: &Assessment, delivered_late: bool) -> Vec<Shortfall> {
    let t = &a.talk;
    let mut out = Vec::new();
    if !t.has_topic {
        out.push(Shortfall::NoTopic);
    }
    if t.outline_chars < t.outline_min as usize {
        out.push(Shortfall::Outline {
            chars: t.outline_chars,
            need: t.outline_min,
        });
    }
    match t.delivered {
        None => out.push(Shortfall::NoDelivery),
        Some(day) if !t.delivered_in_cycle => out.push(Shortfall::DeliveredOutside { day }),
        Some(day) if delivered_late => out.push(Shortfall::DeliveredAfterExport { day }),
        Some(_) => {}
    }
    out
}

fn study_why(a: &Assessment, c: &Completion) -> Vec<Shortfall> {
    let s = &a.study;
    let mut out = Vec::new();
    match &s.test {
        None => out.push(Shortfall::NoTest),
        Some(t) if t.score < s.pass_score => out.push(Shortfall::Score {
            score: t.score,
            pass: s.pass_score,
        }),
        Some(_) => {}
    }
    if s.survey_chars < s.survey_min as usize {
        out.push(if c.survey.is_none() {
            Shortfall::NoSurvey
        } else {
            Shortfall::Survey {
                chars: s.survey_chars,
                need: s.survey_min,
            }
        });
    }
    out
}

/// Every difference between `[claimed]` and the recomputed values, with why.
fn disagreements(c: &Completion, a: &Assessment, delivered_late: bool) -> Vec<Problem> {
    let Some(claimed) = c.claimed else {
        return vec![Problem::NoClaimed];
    };
    let mut out = Vec::new();
    let mut part = |part: Part, claimed: bool, actual: bool, why: Vec<Shortfall>| {
        if claimed != actual {
            out.push(Problem::Claimed {
                part,
                claimed,
                actual,
                why: if actual { Vec::new() } else { why },
            });
        }
    };
    part(Part::Read, claimed.read, a.read.done, read_why(a, c));
    part(
        Part::Talk,
        claimed.talk,
        a.talk.done,
        talk_why(a, delivered_late),
    );
    part(Part::Study, claimed.study, a.study.done, study_why(a, c));
    if claimed.score != a.score() {
        out.push(Problem::ClaimedScore {
            claimed: claimed.score,
            actual: a.score(),
        });
    }
    out
}

/// Why a part is not done, for the evidence view; empty when done.
#[must_use]
pub fn shortfalls(
    a: &Assessment,
    c: &Completion,
    part: Part,
    delivered_late: bool,
) -> Vec<Shortfall> {
    match part {
        Part::Read => read_why(a, c),
        Part::Talk => talk_why(a, delivered_late),
        Part::Study => study_why(a, c),
    }
}
