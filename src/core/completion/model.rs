//! The completion file's model: one member's evidence for one cycle.

use toml::value::Datetime;

use crate::core::assess::assess;
use crate::core::regime::{Cycle, Rules, local_date, toml_date};
use crate::core::state::{GivenAnswer, MemberState, Reflection, Survey, Talk};
use crate::core::unit::Catalog;

/// One member's evidence for one cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The member's id.
    pub member_id: String,
    /// Display name.
    pub member: String,
    /// The cycle the evidence is for.
    pub cycle: Cycle,
    /// When the file was written (an offset datetime).
    pub exported: Datetime,
    /// One entry per unit opened in the cycle, sorted by unit id when exported.
    pub read: Vec<ReadEntry>,
    /// 心得.
    pub reflection: Option<Reflection>,
    /// 月讲; `delivered` is a local date.
    pub talk: Option<Talk>,
    /// The submitted cycle test.
    pub test: Option<TestEntry>,
    /// 调研.
    pub survey: Option<Survey>,
    /// What the member's program computed; absent only in hand-made files.
    pub claimed: Option<Claimed>,
    /// `[rules]`: the member's own rules when the file was exported, as (key, value)
    /// in file order, shown to the secretary beside the recomputation (which always
    /// uses the secretary's rules).
    pub rules: Option<Vec<(String, String)>>,
}

/// `[[read]]`: reading of one unit in the cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadEntry {
    /// Unit id.
    pub unit: String,
    /// Seconds spent in the unit during the cycle.
    pub seconds: u64,
    /// When the unit was finished (an offset datetime); absent if it was not.
    pub finished: Option<Datetime>,
}

/// `[test]`: the submitted cycle test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestEntry {
    /// When the test began (an offset datetime).
    pub taken: Datetime,
    /// When it was handed in (an offset datetime), if the file says.
    pub submitted: Option<Datetime>,
    /// Answers in drawn order.
    pub answers: Vec<GivenAnswer>,
}

/// `[claimed]`: the member program's own derivation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claimed {
    /// 月读 done.
    pub read: bool,
    /// 月讲 done.
    pub talk: bool,
    /// 月学 done.
    pub study: bool,
    /// Test score; absent when no test was submitted.
    pub score: Option<u32>,
}

/// Whether a member id is acceptable: 1 to 64 letters (any script), digits, `-`, `_`
/// or `.`, not starting with `.`. Ids name files, so no separators, spaces or controls.
#[must_use]
pub fn valid_member_id(id: &str) -> bool {
    let n = id.chars().count();
    (1..=64).contains(&n)
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl Completion {
    /// The completion file of `cycle` from a member's state. Only a submitted test is
    /// exported; `[claimed]` is filled by [`assess`] with the member's own content.
    #[must_use]
    pub fn from_state(
        state: &MemberState,
        cycle: &Cycle,
        exported: Datetime,
        rules: &Rules,
        cycle_units: Option<&[String]>,
        catalog: &impl Catalog,
    ) -> Completion {
        let name = cycle.to_string();
        let work = state.cycles.get(&name);
        let mut c = Completion {
            member_id: state.member_id.clone(),
            member: state.name.clone(),
            cycle: *cycle,
            exported,
            read: reads_of_state(state, &name),
            reflection: work.and_then(|w| w.reflection.clone()),
            talk: work.and_then(|w| w.talk.clone()).map(|mut t| {
                // The file holds the day only, as a local date.
                t.delivered = t.delivered.as_ref().and_then(local_date).map(toml_date);
                t
            }),
            test: work
                .and_then(|w| w.test.as_ref())
                .filter(|t| t.submitted)
                .map(|t| TestEntry {
                    taken: t.taken,
                    submitted: t.submitted_at,
                    answers: t.answers.clone(),
                }),
            survey: work.and_then(|w| w.survey.clone()),
            claimed: None,
            rules: Some(rules_of(rules)),
        };
        let a = assess(&c, rules, cycle_units, catalog);
        c.claimed = Some(a.claimed());
        c
    }
}

/// The rules a member's program judged by, as `[rules]` holds them.
fn rules_of(r: &Rules) -> Vec<(String, String)> {
    let length = match r.cycle.length {
        crate::core::regime::CycleLength::Month => "\"month\"",
        crate::core::regime::CycleLength::Fortnight => "\"fortnight\"",
    };
    [
        ("cycle_length", length.to_string()),
        ("read_units", r.read.units.to_string()),
        (
            "reflection_min_chars",
            r.read.reflection_min_chars.to_string(),
        ),
        ("min_seconds", r.read.min_seconds.to_string()),
        ("idle_seconds", r.read.idle_seconds.to_string()),
        ("outline_min_chars", r.talk.outline_min_chars.to_string()),
        ("pass_score", r.study.pass_score.to_string()),
        ("survey_min_chars", r.study.survey_min_chars.to_string()),
        ("questions", r.study.questions.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The `[[read]]` entries of a cycle from the state, sorted by unit id.
pub(crate) fn reads_of_state(state: &MemberState, cycle: &str) -> Vec<ReadEntry> {
    state
        .units
        .iter()
        .filter_map(|(id, p)| {
            p.cycles.get(cycle).map(|r| ReadEntry {
                unit: id.clone(),
                seconds: r.seconds,
                finished: r.finished,
            })
        })
        .collect()
}
