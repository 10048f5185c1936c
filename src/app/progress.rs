//! The cycle's 月读/月讲/月学 progress as the home screen and `status` show it.

use super::App;
use crate::core::text::count_chars;

/// Progress of one cycle, derived from the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    /// Cycle units read.
    pub units_read: usize,
    /// Units required.
    pub units_needed: u32,
    /// Reflection characters.
    pub reflection_chars: usize,
    /// Reflection characters required.
    pub reflection_needed: u32,
    /// 月读 done.
    pub read_done: bool,
    /// A talk topic is written.
    pub talk_topic: bool,
    /// Outline characters.
    pub outline_chars: usize,
    /// Outline characters required.
    pub outline_needed: u32,
    /// A delivery date inside the cycle is recorded.
    pub delivered: bool,
    /// 月讲 done.
    pub talk_done: bool,
    /// Test score, once submitted.
    pub score: Option<u32>,
    /// Passing score.
    pub pass_score: u32,
    /// Survey characters.
    pub survey_chars: usize,
    /// Survey characters required.
    pub survey_needed: u32,
    /// 月学 done.
    pub study_done: bool,
}

impl Progress {
    /// Progress of the app's current cycle.
    #[must_use]
    pub fn of(app: &App) -> Progress {
        let r = &app.rules;
        let units_read = super::update::cycle_units(app)
            .iter()
            .filter(|id| {
                app.state
                    .units
                    .get(*id)
                    .and_then(|p| p.cycles.get(&app.cycle))
                    .is_some_and(|c| c.finished.is_some() && c.seconds >= r.read.min_seconds)
            })
            .count();
        let work = app.state.cycles.get(&app.cycle).cloned().unwrap_or_default();
        let reflection_chars = work.reflection.as_ref().map_or(0, |x| count_chars(&x.text));
        let talk = work.talk.unwrap_or_default();
        let outline_chars = count_chars(&talk.outline);
        let delivered = talk
            .delivered
            .and_then(|d| d.date)
            .and_then(|d| jiff::civil::Date::new(i16::try_from(d.year).ok()?, i8::try_from(d.month).ok()?, i8::try_from(d.day).ok()?).ok())
            .is_some_and(|d| super::cycle_name(d, r.cycle.length) == app.cycle);
        let score = super::update::test_score(app);
        let survey_chars = work.survey.as_ref().map_or(0, |s| count_chars(&s.text));
        let read_done = units_read >= r.read.units as usize
            && reflection_chars >= r.read.reflection_min_chars as usize;
        let talk_topic = !talk.topic.trim().is_empty();
        let talk_done =
            talk_topic && outline_chars >= r.talk.outline_min_chars as usize && delivered;
        let study_done = score.is_some_and(|s| s >= r.study.pass_score)
            && survey_chars >= r.study.survey_min_chars as usize;
        Progress {
            units_read,
            units_needed: r.read.units,
            reflection_chars,
            reflection_needed: r.read.reflection_min_chars,
            read_done,
            talk_topic,
            outline_chars,
            outline_needed: r.talk.outline_min_chars,
            delivered,
            talk_done,
            score,
            pass_score: r.study.pass_score,
            survey_chars,
            survey_needed: r.study.survey_min_chars,
            study_done,
        }
    }
}
