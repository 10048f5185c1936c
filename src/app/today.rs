//! What 本月 offers at the start of a day's study: the unit to go on with and what it
//! still needs, the cycle's units with their read states, the days left and the
//! plan's words for the cycle. Read-only questions, like [`super::queries`].

use jiff::civil::Date;

use super::App;
use super::queries;
use crate::core::reading::ReadState;
use crate::core::regime::instant;

/// The unit one key away on 本月.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Continue {
    /// The unit's id.
    pub unit: String,
    /// Its title, control characters escaped.
    pub title: String,
    /// True when this is the unit read last; false when that one is finished (or none
    /// was read) and this is the next of the cycle's units still to read.
    pub resumed: bool,
    /// How far it was read in the cycle, in percent (100 once the end was reached).
    pub read_percent: u8,
    /// The passage at the saved place, from the start of its sentence, one line;
    /// empty at the very start.
    pub passage: String,
    /// Its read state in the cycle.
    pub state: ReadState,
    /// Reading time still needed in the cycle for it to count.
    pub seconds_left: u64,
}

/// One of the cycle's units as 本月 lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CycleUnit {
    /// The unit's id.
    pub unit: String,
    /// Its title, control characters escaped (the id when the unit is not in the
    /// library).
    pub title: String,
    /// Its read state in the cycle.
    pub state: ReadState,
    /// Reading time still needed in the cycle for it to count.
    pub seconds_left: u64,
    /// The day it first counted as finished in the cycle.
    pub finished: Option<Date>,
}

/// The cycle's calendar as 本月 shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days {
    /// The cycle's first day.
    pub first: Date,
    /// The cycle's last day.
    pub last: Date,
    /// Days left in the cycle, today included.
    pub left: i64,
    /// The plan's due date for the completion files, and the days from today to it
    /// (negative once it has passed).
    pub due: Option<(Date, i64)>,
}

/// The unit to go on with: the unit opened last if it is not finished in this cycle,
/// else the first of the plan's units not yet counted (none without a plan).
#[must_use]
pub fn continue_reading(app: &App) -> Option<Continue> {
    let last = last_opened(app).filter(|id| {
        !matches!(
            queries::read_state(app, id),
            ReadState::Counted | ReadState::OutsidePlan
        )
    });
    let (id, resumed) = match last {
        Some(id) => (id, true),
        None => (
            app.plan
                .units
                .as_ref()?
                .iter()
                .find(|u| {
                    app.library.get(u).is_some() && !queries::read_state(app, u).is_counted()
                })?
                .clone(),
            false,
        ),
    };
    let unit = app.library.get(&id)?;
    let offset = app.state.units.get(&id).map_or(0, |p| p.offset);
    let passage = if offset == 0 {
        String::new()
    } else {
        // Places are offsets into the body as the file holds it (`core::shown`).
        let start = crate::core::marks::sentence_start(&unit.body, offset);
        crate::core::text::escape_controls(&crate::core::marks::passage(
            &unit.body,
            start,
            crate::core::marks::QUOTE_CHARS,
        ))
    };
    let state = queries::read_state(app, &id);
    let read_percent = match state {
        ReadState::Unread => 0,
        ReadState::Reading { percent } => percent,
        ReadState::NeedsTime { .. } | ReadState::Counted | ReadState::OutsidePlan => 100,
    };
    let spent = queries::cycle_seconds(app, &id);
    Some(Continue {
        title: crate::core::text::escape_controls(&unit.meta.title),
        resumed,
        read_percent,
        passage,
        state,
        seconds_left: app.rules.read.min_seconds.saturating_sub(spent),
        unit: id,
    })
}

/// The unit the member opened last to read, if it is still in the library.
#[must_use]
pub fn last_opened(app: &App) -> Option<String> {
    app.state
        .units
        .iter()
        .filter(|(id, _)| app.library.get(id).is_some())
        .filter_map(|(id, p)| Some((instant(p.opened.as_ref()?)?, id)))
        .max_by_key(|(at, _)| *at)
        .map(|(_, id)| id.clone())
}

/// The cycle's units: the plan's, in its order; without a plan, the units opened in
/// this cycle (any of them counts), the latest opened first.
#[must_use]
pub fn cycle_units(app: &App) -> Vec<CycleUnit> {
    let cycle = app.cycle.to_string();
    let title = |id: &str| {
        app.library.get(id).map_or_else(
            || id.to_string(),
            |u| crate::core::text::escape_controls(&u.meta.title),
        )
    };
    let ids: Vec<String> = if let Some(units) = &app.plan.units {
        units.clone()
    } else {
        let mut opened: Vec<(Option<jiff::Timestamp>, &String)> = app
            .state
            .units
            .iter()
            .filter(|(id, p)| p.cycles.contains_key(&cycle) && app.library.get(id).is_some())
            .map(|(id, p)| (p.opened.as_ref().and_then(instant), id))
            .collect();
        opened.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        opened.into_iter().map(|(_, id)| id.clone()).collect()
    };
    ids.into_iter()
        .map(|id| {
            let finished = app
                .state
                .units
                .get(&id)
                .and_then(|p| p.cycles.get(&cycle))
                .and_then(|c| c.finished.as_ref())
                .and_then(crate::core::regime::local_date);
            CycleUnit {
                title: title(&id),
                state: queries::read_state(app, &id),
                seconds_left: app
                    .rules
                    .read
                    .min_seconds
                    .saturating_sub(queries::cycle_seconds(app, &id)),
                finished,
                unit: id,
            }
        })
        .collect()
}

/// The cycle's days: its span, the days left and the plan's due date.
#[must_use]
pub fn days(app: &App) -> Days {
    let c = queries::cycle(app);
    let today = app.today();
    let between = |a: Date, b: Date| i64::from((b - a).get_days());
    let due = app.plan.due.map(|d| (d, between(today, d)));
    Days {
        first: c.first_day(),
        last: c.last_day(),
        left: between(today, c.last_day()) + 1,
        due,
    }
}

/// The plan's branch name, if it has one.
#[must_use]
pub fn branch(app: &App) -> Option<&str> {
    app.plan_file.as_deref()?.branch.as_deref()
}

/// The secretary's note for the current cycle, if the plan has one.
#[must_use]
pub fn note(app: &App) -> Option<&str> {
    app.plan_file
        .as_deref()?
        .get(&queries::cycle(app))?
        .note
        .as_deref()
        .filter(|n| !n.trim().is_empty())
}
